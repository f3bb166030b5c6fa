"""What the helper process does for a run (``engine``), and the work split with it.

A run on two processes forks one helper for the scorer's tables (``engine._Run.pairs_and_scorer``)
and keeps it to the end (``parallel.fork_keep``): it compares its share of the names, scores its share
of the pairs, clusters its connected components (``cluster_parts``) and summarises its share of the
actors, each step on what the earlier ones left in its memory. A fork per step cost this process
copy-on-write faults again on every page it touched after each fork (measured at 1M mentions: 2.0M
faults against 1.5M, ~3.5 s).
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Generator, Iterable
from itertools import islice
from typing import Any

from .atoms import Atom
from .cluster_parts import CACHE, in_helper
from .config import ResolutionConfig, name_points
from .name_table import NameTable
from .output import actor_rows
from .parallel import Kept
from .scoring import Found, Scorer
from .vectors import AtomArrays

# the scorer's tables (identifier and counterparty rarity), the identifier pairs, their blocking counts,
# the atoms' evidence as arrays (``vectors``)
Tables = tuple[dict[tuple[str, Any], int], dict[str, int], array, dict[str, int], AtomArrays]
# pairs scored at a time (``Scorer.many``): large enough for numpy to pay, small enough that scoring
# every pair (the benchmark's reference without blocking) holds little at once
BATCH = 1 << 17


def after_scoring(
    atoms: list[Atom],
    confirms: list[tuple[int, int]],
    rejects: dict[int, set[tuple[int, int]]],
    names: NameTable,
    cfg: ResolutionConfig,
    found: list[tuple[float, int, int, float, bool]],
    message: Any = None,
) -> Generator[Any, Any, None]:
    """What a helper kept from scoring does next (``parallel.fork_keep``): cluster the components it is
    sent (``cluster_parts``; ``message``, when already received), then summarise its share of the
    actors (``output.actor_rows``) while this process names them and builds the assignments. Measured
    at 1M mentions: outputs 6.4 -> 5.0 s, but the ids step beside it 2.2 -> 2.8 s (both processes walk
    large structures in memory at once)."""
    if message is None:
        message = yield None
    if message[0] == CACHE:  # this process clusters alone (a small run): only the name similarities
        yield list(islice(names.cache.items(), message[1], None))
        return
    root_of, part, parts = yield in_helper(atoms, confirms, rejects, names, cfg, found, message)
    yield actor_rows(atoms, root_of, part, parts)


def from_tables(
    atoms: list[Atom], key_of: list[int], names: NameTable, cfg: ResolutionConfig, tables: Tables
) -> Generator[Any, Any, None]:
    """What the helper kept from the tables (``engine._Run.pairs_and_scorer``) does next, as a new fork
    would have: compare its share of the names; put this process's name similarities before its own
    (the order of the name cache is this process's: ``cluster_parts.in_helper`` reads it by
    position); score its share of the pairs; then as ``after_scoring``."""
    before = len(names.cache)
    part = yield None
    compared = yield compare(names, part)  # then this process's similarities, sent as soon as known
    cache = names.cache
    mine = list(islice(cache.items(), before, None))
    for key, _ in mine:
        del cache[key]
    cache.update(compared)
    cache.update(mine)
    del compared, mine
    part, confirms, rejects = yield None
    found = links_of(key_of, names, Scorer(cfg, tables[0], tables[1], tables[4]), cfg, part)
    message = yield found
    yield from after_scoring(atoms, confirms, rejects, names, cfg, found, message)


def compare(names: NameTable, part: list[tuple[int, list[int]]]) -> list[tuple[int, int, float]]:
    """Name similarities of each name with the plausible ones among its candidates."""
    return [(i, j, names.score(i, j)) for i, others in part for j in names.plausible(i, others)]


def links_of(
    key_of: list[int], names: NameTable, scorer: Scorer, cfg: ResolutionConfig, part: Iterable[tuple[int, int]]
) -> list[Found]:
    """The pairs of ``part`` that score at least ``unsure_points``, as (points, a, b, corroboration,
    decisive), ``BATCH`` pairs at a time (``part`` may be a generator of every pair)."""
    name_score, same_name = names.score, name_points(1.0, cfg)
    found: list[Found] = []
    pairs = iter(part)
    while batch := list(islice(pairs, BATCH)):
        npts = [
            same_name if (ka := key_of[a]) == (kb := key_of[b]) else name_points(name_score(ka, kb), cfg)
            for a, b in batch
        ]
        found += scorer.many(batch, npts)
    return found


def rows_from(kept: Kept, root_of: list[int]) -> Callable[[], tuple[array, list[tuple]]] | None:
    """Ask the helpers for the actor summaries now; the function returned collects them (None: there
    are no helpers left, ``cluster_parallel`` clustered a small run here)."""
    count = len(kept.children)
    if not count:
        return None
    kept.send([(array("q", root_of), part, count) for part in range(count)])

    def collect() -> tuple[array, list[tuple]]:
        parts = kept.receive()
        return array("q", [root for roots, _ in parts for root in roots]), [row for _, rows in parts for row in rows]

    return collect
