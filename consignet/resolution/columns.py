"""What clustering reads of every atom, as columns made once and sent to the helper that clusters.

Clustering (``cluster.apply_links``) reads each atom's size, kind, party country, legal-form
families, tax ids, phones, e-mails, name and whether that name is contested. These columns hold
numbers (value ids from ``vectors``, name numbers) and a few shared sets: cheap to send to the helper
process (``remote``), which never sees an atom, and read alike by a forked one without touching the
atoms' pages (CPython writes an object's reference count whenever it reads it, and a page either
process writes after a fork exists twice).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .atoms import EMPTY, Atom
from .vectors import AtomArrays, Field

KINDS: dict[str, frozenset[str]] = {"company": frozenset({"company"}), "person": frozenset({"person"})}


class ClusterColumns:
    """Per atom (by number): ``size`` (mentions), ``kind`` (``KINDS``, empty when unknown),
    ``country`` (a one-country set, or empty), ``families`` (legal-form families), ``tax`` (scheme id
    -> ids of its values, or None), ``phones`` and ``emails`` (value ids), ``name`` (the number of its
    name in the run's ``NameTable``), ``contested``; per name number, ``rank``: the place of its key
    in the sorted keys (clustering breaks ties between names by their text)."""

    __slots__ = ("size", "kind", "country", "families", "tax", "phones", "emails", "name", "rank", "contested")

    def __init__(
        self, atoms: Sequence[Atom], arrays: AtomArrays, key_of: list[int], name_index: dict[str, int]
    ) -> None:
        one_country: dict[str, frozenset[str]] = {}  # one set per country, shared by its atoms
        self.size = [len(a.mention_ids) for a in atoms]
        self.kind = [KINDS.get(a.kind, EMPTY) for a in atoms]
        self.country = [one_country.setdefault(a.country, frozenset((a.country,))) if a.country else EMPTY
                        for a in atoms]  # fmt: skip
        self.families = [a.legal_families for a in atoms]  # already few shared sets (``atoms.GROW``)
        self.contested = [a.contested for a in atoms]
        self.phones = _sets(arrays.phones)
        self.emails = _sets(arrays.emails)
        self.tax: list[dict[int, frozenset[int]] | None] = [None] * len(atoms)
        scheme = arrays.tax_scheme.tolist()
        for i, values in enumerate(_sets(arrays.tax)):
            if values:
                by_scheme: dict[int, set[int]] = {}
                for v in values:
                    by_scheme.setdefault(scheme[v], set()).add(v)
                self.tax[i] = {s: frozenset(vs) for s, vs in by_scheme.items()}
        self.name = key_of
        self.rank = [0] * len(name_index)
        for place, key in enumerate(sorted(name_index)):
            self.rank[name_index[key]] = place

    def __len__(self) -> int:
        return len(self.size)


def _sets(field: Field) -> list[frozenset[int]]:
    """Each atom's value ids of ``field`` as a set; the empty set shared."""
    out: list[frozenset[int]] = [EMPTY] * len(field.lengths)  # type: ignore[list-item]
    offsets, ids = field.offsets.tolist(), field.ids.tolist()
    for i in np.flatnonzero(field.lengths).tolist():
        out[i] = frozenset(ids[offsets[i] : offsets[i + 1]])
    return out
