"""Parse names and group mentions into atoms on both cores (runs of ``parallel_from`` mentions or more).

The distinct raw names (of mentions and of their counterparties) are cut by their text into one part
per process; each process parses its part and groups the mentions whose own name is in it
(``atoms.group``). The helper sends back its parsed names and its groups as plain tuples; equal keys
from the two parts (one name key has spellings on both sides of the cut) are merged here. Grouping is
keyed by everything an atom's evidence is, and merging two groups of one key is the union of their
pools, so the atoms are those of grouping everything in one process (``build_atoms`` then splits
contested groups and numbers the atoms by anchor, as for a run on one core). Only the order of mention
ids inside a merged atom differs (this process's part first), which nothing reads.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import chain, islice
from operator import attrgetter

from consignet.names import ParsedName, parse_name

from .atoms import EMPTY, GROW, Atom, build_atoms, group
from .parallel import fork_map
from .types import MentionInput

# This process's part, against an equal share. It has ~6 s of work after the parts at 1M mentions
# (unpickling and merging the helper's groups, splitting contested ones, counterparty keys, sorting),
# but the helper is slower per name and mention (it pickles its groups and takes copy-on-write faults
# on all it reads). Measured at 1M: at 0.8 this process waited ~4 s for the helper, at 1.0 ~3 s, at
# 1.15 not at all (atoms 23.3 s wall against 25.0 and 26.7 before the split). Cut by a sample of the
# mentions' names (``_cuts``), 1.15 gave this process 51 % of the names and 54 % of the mentions (not
# 53.5 % and 57 %) and it waited 2 s for the helper, 1.25 still 1.2 s; at 1.4 neither waits.
HERE_SHARE = 1.4
SAMPLE = 8
_NAME, _COUNTERPARTIES = attrgetter("name"), attrgetter("counterparties")

# Every distinct name is parsed once per run and kept in the run's own table: ``parse_name``'s cache
# would only add its bookkeeping and keep ~180k parsed names alive after the run (measured at 1M).
_parse_uncached = parse_name.__wrapped__

_Part = tuple[list[ParsedName], dict[tuple, Atom]]


def build_atoms_parallel(
    mentions: list[MentionInput], isolated: set[str], workers: int
) -> tuple[list[Atom], dict[str, ParsedName]]:
    """``build_atoms`` with parsing and grouping shared by ``workers`` processes; also every parsed name."""
    # every distinct name, collected in C (a set comprehension and a loop took 1 s at 1M mentions)
    distinct = set(map(_NAME, mentions))
    distinct.update(chain.from_iterable(map(_COUNTERPARTIES, mentions)))
    bounds = _cuts(mentions, workers)  # a mention goes to the part that parses its own name
    parts: list[list[str]] = [[] for _ in range(len(bounds) + 1)]
    for name in distinct:
        parts[bisect_right(bounds, name)].append(name)
    del distinct

    def work(index: int) -> _Part:
        parsed = {name: _parse_uncached(name) for name in parts[index]}
        lo = bounds[index - 1] if index else None
        hi = bounds[index] if index < len(bounds) else None
        mine = [m for m in mentions if (lo is None or m.name >= lo) and (hi is None or m.name < hi)]
        if isolated:
            mine = [m for m in mine if m.mention_id not in isolated]
        return list(parsed.values()), group(mine, parsed)

    results = fork_map(work, range(len(parts)), _pack, _unpack)
    own_parsed, by_key = results[0]
    parsed_of = {p.raw: p for p in own_parsed}
    for parsed, _ in results[1:]:
        parsed_of.update((p.raw, p) for p in parsed)
    for _, rows in results[1:]:
        _merge(by_key, rows, parsed_of)  # type: ignore[arg-type]
    return build_atoms(mentions, isolated, parsed_of, by_key), parsed_of


def _cuts(mentions: Sequence[MentionInput], workers: int) -> list[str]:
    """Where the names are cut into parts, this process's ``HERE_SHARE`` times an equal share: taken
    from the sorted names of every ``SAMPLE``-th mention, not from all distinct names (sorting those took
    0.44 s at 1M mentions). Cut by the text of the names, so the parts are the same on every run."""
    sample = sorted(set(map(_NAME, islice(mentions, 0, None, SAMPLE))))
    if len(sample) < 2 * workers:
        return []
    share = HERE_SHARE / (HERE_SHARE + workers - 1)  # this process's, the rest equally
    return [sample[int(len(sample) * (share + k * (1 - share) / (workers - 1)))] for k in range(workers - 1)]


def _pack(result: _Part) -> tuple[list[tuple], list[tuple]]:
    """Plain tuples (Atom is a slotted class, ParsedName a named tuple: tuples pickle smaller and faster)."""
    parsed, by_key = result
    rows = [
        (
            key, a.kind, a.mention_ids, a.anchor, a.names, a.legal_forms, a.legal_families, a.bls,
            a.containers, a.counterparties, a.roles, a.reporting, a.addresses, a.parsed.raw,
        )
        for key, a in by_key.items()
    ]  # fmt: skip
    return [tuple(p) for p in parsed], rows


def _unpack(packed: tuple[list[tuple], list[tuple]]) -> tuple[list[ParsedName], list[tuple]]:
    parsed, rows = packed
    return list(map(ParsedName._make, parsed)), rows


def _merge(by_key: dict[tuple, Atom], rows: Sequence[tuple], parsed_of: dict[str, ParsedName]) -> None:
    """Add another part's groups to ``by_key``: new keys become atoms, equal keys pool their evidence."""
    known = GROW.known
    for key, kind, ids, anchor, names, forms, families, bls, boxes, cps, roles, reporting, addresses, raw in rows:
        atom = by_key.get(key)
        if atom is None:
            tax = key[3]
            atom = by_key[key] = Atom(
                key[1],
                parsed_of[raw],
                kind,
                key[2],
                {s: frozenset(v) for s, v in tax} if tax else {},
                frozenset(key[4]) if key[4] else EMPTY,
                frozenset(key[5]) if key[5] else EMPTY,
            )
            atom.mention_ids, atom.anchor, atom.names, atom.legal_forms = ids, anchor, names, forms
            atom.bls, atom.containers, atom.counterparties = bls, boxes, cps
            atom.addresses = addresses or EMPTY
            # the few distinct small frozensets stay shared in this process too
            atom.legal_families = known.setdefault(families, families)
            atom.roles = known.setdefault(roles, roles)
            atom.reporting = known.setdefault(reporting, reporting)
            continue
        atom.mention_ids.extend(ids)
        if atom.kind == "unknown":
            atom.kind = kind
        if anchor < atom.anchor:
            atom.anchor = anchor
        for table, more in ((atom.names, names), (atom.legal_forms, forms)):
            for text, n in more.items():
                table[text] = table.get(text, 0) + n
        atom.legal_families = GROW.union(atom.legal_families, families)
        atom.roles = GROW.union(atom.roles, roles)
        atom.reporting = GROW.union(atom.reporting, reporting)
        atom.bls |= bls
        atom.containers |= boxes
        atom.counterparties |= cps
        if addresses:
            atom.addresses = atom.addresses | addresses
