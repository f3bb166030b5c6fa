"""What the helper process does for a run (``engine``), and the work split with it.

A run on two processes starts one helper, a new Python process (``remote``), and keeps it until the
clustering is done (``remote_steps``): it finds the name candidates while this process builds the
scorer's tables and what clustering reads of the atoms (``columns``), then compares its share of the
names, scores its share of the pairs and clusters its connected components (``cluster_parts``), each
step on what it was sent and what the earlier ones left in its memory. It never sees an atom: it is
sent parsed names, arrays of numbers, pairs and links. ``after_scoring`` is also what a forked helper
does (a run forced to more than two processes, or scoring every pair without blocking).
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Generator, Iterable, Sequence
from itertools import islice
from typing import Any

from consignet.names import ParsedName

from .blocking import name_candidates
from .cluster_parts import CACHE, in_helper
from .columns import ClusterColumns
from .config import ResolutionConfig, name_points
from .name_table import NameTable
from .parallel import chunks
from .scoring import Found, Scorer
from .vectors import AtomArrays

# the scorer's tables (identifier and counterparty rarity), the identifier pairs, their blocking counts,
# the atoms' evidence as arrays (``vectors``)
Tables = tuple[dict[tuple[str, Any], int], dict[str, int], array, dict[str, int], AtomArrays]
# pairs scored at a time (``Scorer.many``): large enough for numpy to pay, small enough that scoring
# every pair (the benchmark's reference without blocking) holds little at once
BATCH = 1 << 17


def after_scoring(
    cols: ClusterColumns,
    confirms: list[tuple[int, int]],
    rejects: dict[int, set[tuple[int, int]]],
    names: NameTable,
    cfg: ResolutionConfig,
    found: list[Found],
    message: Any = None,
    known: int | None = None,
) -> Generator[Any, Any, None]:
    """What a helper does after scoring (``parallel.fork_keep``, ``remote_steps``): cluster the
    components it is sent (``cluster_parts``; ``message``, when already received), then end. It reads
    the atoms only through ``cols``. ``known``: how much of its name cache this process has (default:
    as many entries as the message says, a forked helper's cache beginning as this process's)."""
    if message is None:
        message = yield None
    if message[0] == CACHE:  # this process clusters alone (a small run): only the name similarities
        yield list(islice(names.cache.items(), message[1] if known is None else known, None))
        return
    yield in_helper(cols, confirms, rejects, names, cfg, found, message, known)


def remote_steps(cfg: ResolutionConfig) -> Generator[Any, Any, None]:
    """The helper of a run on two processes (``remote.Remote``, a new process started with the run),
    step by step, each on what it was sent and what the earlier steps left:
    1. sent the distinct names (parsed, as tuples) and which are persons' names, it finds the name
       candidates (``blocking.name_candidates``) and answers this process's share of the names to
       compare, with the blocking counts;
    2. sent the atoms' evidence as arrays (``engine._Run.tables``) and what clustering reads
       (``columns``, with each atom's name number), it compares its share of the names and answers
       the similarities;
    3. sent this process's similarities, then its share of the pairs with the analysts' confirms and
       rejects, it scores the pairs and answers the links;
    4. as ``after_scoring``: clusters its components, or answers the name similarities it added."""
    parsed, person = yield None
    names = NameTable.from_parsed(list(map(ParsedName._make, parsed)), person)
    del parsed
    counts: dict[str, int] = defaultdict(int)
    groups = [(i, list(js)) for i, js in enumerate(name_candidates(names.parsed, cfg, counts)) if js]
    here, *rest = chunks(groups, 2)
    del groups
    arrays, cols = yield here, dict(counts)
    del here
    compared = yield compare(names, rest[0] if rest else [])
    names.cache.update(((i, j), score) for i, j, score in compared)
    del compared, rest
    known = len(names.cache)  # this process has every similarity computed so far
    part, confirms, rejects = yield None
    found = links_of(cols.name, names, Scorer(cfg, {}, {}, arrays), cfg, part)
    del part
    message = yield found
    yield from after_scoring(cols, confirms, rejects, names, cfg, found, message, known)


def compare(names: NameTable, part: Sequence[tuple[int, list[int]]]) -> list[tuple[int, int, float]]:
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
