"""Every atom's evidence as arrays: to score many pairs of atoms at once (``scoring.Scorer.many``) and
to build the scorer's tables (identifier blocks and rarity) without a Python loop per atom.

Scoring is the loop that runs once per candidate pair (1.4M pairs at 1M mentions): pair by pair on
the atoms' sets it took ~10 s. Here each field is numbered once (``Field``) and the values two atoms
share are found for a whole batch of pairs with numpy (sorting ``pair * width + value id`` keys).
The arrays are built with the tables (while the helper of a run on two processes finds the name
candidates), with the weight of sharing each value, and sent to the helper as arrays of numbers. The
values themselves are dropped once the tables are made (``AtomArrays.without_values``): scoring
reads numbers only, the explanations read the atoms.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Iterator, Sequence
from itertools import chain
from typing import cast

import numpy as np

from .atoms import Atom


class Field:
    """One many-valued field of every atom: the ids of atom ``i``'s values are
    ``ids[offsets[i]:offsets[i + 1]]``, each indexing ``values``. With ``ordered`` the ids follow the
    order of the values, so the smallest id shared is the smallest value shared. An atom's values must
    be distinct (a set, or the keys of a dict): ``shared`` counts each value once per atom."""

    def __init__(self, per_atom: Sequence[Collection[Hashable]], ordered: bool = False) -> None:
        # 32-bit: a copy of these lives in each process of a run (keys built from them are 64-bit)
        self.lengths = np.fromiter(map(len, per_atom), np.int32, len(per_atom))
        self.offsets = np.zeros(len(per_atom) + 1, np.int32)
        np.cumsum(self.lengths, out=self.offsets[1:])
        # one pass, numbering each value when first seen: 0.7 s for 1M (B/L, role) entries, against
        # 1.3 s for dict.fromkeys, then an index, then a lookup (each hashing every tuple again)
        index: dict[Hashable, int] = {}
        number = index.setdefault
        ids = np.fromiter([number(v, len(index)) for v in chain.from_iterable(per_atom)], np.int32)
        values = list(index)
        if ordered and values:
            order = sorted(range(len(values)), key=values.__getitem__)  # type: ignore[arg-type]
            rank = np.empty(len(values), np.int32)
            rank[order] = np.arange(len(values))
            ids = rank[ids]
            values = [values[k] for k in order]
        self.ids = ids
        self.values: list[Hashable] = values
        self.size = len(values)

    def atoms(self) -> np.ndarray:
        """The atom of every entry of ``ids``."""
        return np.repeat(np.arange(len(self.lengths)), self.lengths)

    def blocks(self) -> Iterator[list[int]]:
        """The atoms (in order) of each value that two atoms or more carry, by value id."""
        order = np.argsort(self.ids, kind="stable")  # stable: each value's atoms stay in order
        atoms = self.atoms()[order].tolist()
        counts = np.bincount(self.ids, minlength=self.size)
        starts = (np.cumsum(counts) - counts).tolist()
        for k in np.flatnonzero(counts > 1).tolist():
            yield atoms[starts[k] : starts[k] + int(counts[k])]

    def shared(self, heads: np.ndarray, tails: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(pair, value id) of every value that atoms ``heads[p]`` and ``tails[p]`` have in common,
        sorted by pair, then id."""
        both = np.flatnonzero((self.lengths[heads] > 0) & (self.lengths[tails] > 0))
        width = self.size + 1
        keys_a = self._keys(both, heads[both], width)
        keys_b = self._keys(both, tails[both], width)
        common = np.intersect1d(keys_a, keys_b, assume_unique=True)
        return common // width, common % width

    def _keys(self, pairs: np.ndarray, atoms: np.ndarray, width: int) -> np.ndarray:
        """``pair * width + value id`` for every value of ``atoms[k]``, the atom of pair ``pairs[k]``."""
        lengths = self.lengths[atoms]
        ends = np.cumsum(lengths)
        within = np.arange(int(ends[-1]) if len(ends) else 0) - np.repeat(ends - lengths, lengths)
        return np.repeat(pairs, lengths) * width + self.ids[np.repeat(self.offsets[atoms], lengths) + within]

    def any_shared(self, heads: np.ndarray, tails: np.ndarray) -> np.ndarray:
        """For each pair: do the two atoms have a value in common?"""
        out = np.zeros(len(heads), bool)
        out[self.shared(heads, tails)[0]] = True
        return out


class AtomArrays:
    """The evidence of every atom that scoring reads, as ``Field``s and per-atom codes; ``weights``:
    the points of sharing each e-mail, phone, address and counterparty (set with the tables)."""

    def __init__(self, atoms: Sequence[Atom], key_of: Sequence[int]) -> None:
        self.name = np.asarray(key_of, np.int32)
        countries = {c: i for i, c in enumerate(sorted({a.country for a in atoms if a.country}))}
        self.country = np.fromiter((countries.get(a.country, -1) for a in atoms), np.int32, len(atoms))  # type: ignore[arg-type]
        self.families = Field([a.legal_families for a in atoms])
        self.tax = Field([[(s, v) for s, vs in a.tax.items() for v in vs] if a.tax else () for a in atoms])
        taxes = cast(list[tuple[str, str]], self.tax.values)  # (scheme, value)
        schemes = {s: i for i, s in enumerate(sorted({s for s, _ in taxes}))}
        self.tax_scheme = np.fromiter((schemes[s] for s, _ in taxes), np.int64, self.tax.size)
        self.emails = Field([a.emails for a in atoms], ordered=True)
        self.phones = Field([a.phones for a in atoms], ordered=True)
        self.addresses = Field([a.addresses for a in atoms], ordered=True)
        self.bls = Field([a.bls for a in atoms])
        self.containers = Field([a.containers for a in atoms])
        # ordered: a pair's counterparty weights are summed in the order of the names (``Scorer.many``)
        self.counterparties = Field([a.counterparties for a in atoms], ordered=True)
        self.weights: dict[str, np.ndarray] = {}

    def fields(self) -> tuple[Field, ...]:
        return (self.families, self.tax, self.emails, self.phones, self.addresses, self.bls, self.containers,
                self.counterparties)  # fmt: skip

    def distinct_names(self, field: Field) -> np.ndarray:
        """For each value id of ``field``: how many distinct names carry it."""
        width = int(self.name.max(initial=0)) + 1
        # each (value, name) once; 64-bit keys
        distinct = np.unique(field.ids.astype(np.int64) * width + self.name[field.atoms()])
        return np.bincount(distinct // width, minlength=field.size)

    def without_values(self) -> AtomArrays:
        """Drop the values of every field, in place (this object, returned): what is left is numbers,
        cheap to send to another process. Nothing reads the values after the tables are made."""
        for field in self.fields():
            field.values = []
        return self
