"""Score one pair of atoms: name similarity plus shared identifiers and context, in log-odds points.

Every feature is explainable on its own (see docs/entity-resolution.md for the table). Identifiers
shared by many different names (a forwarder's phone, a big counterparty) count proportionally less:
weight x min(1, rare_below / number of distinct names carrying it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np

from .atoms import Atom
from .config import ResolutionConfig, name_points
from .types import Feature
from .vectors import AtomArrays

# A found pair: (points, atom, atom, corroboration, decisive)
Found = tuple[float, int, int, float, bool]


def share_points(cfg: ResolutionConfig, kind: str, carriers: int) -> float:
    """The points of sharing one e-mail, phone, address or counterparty (``kind``) that ``carriers``
    distinct names carry: the weight, less in proportion above ``rare_below`` names. The one formula
    of both the explained score and the tables ``many`` reads (``engine._Run.tables``), so that both
    give the same float; rounded for the identifiers, not for a counterparty (whose sum is rounded)."""
    rare = min(1.0, cfg.rare_below / carriers) if carriers else 1.0
    if kind == "counterparty":
        return cfg.counterparty * rare
    return round(getattr(cfg, kind) * rare, 3)


@dataclass(slots=True)
class PairScore:
    points: float
    corroboration: float  # positive points from identifiers and context (not name, not country)
    decisive: bool  # a shared tax id or e-mail
    conflict: str | None  # "tax_id" or "kind" when the two cannot be one actor
    features: list[Feature] | None = None


class Scorer:
    def __init__(
        self,
        cfg: ResolutionConfig,
        rarity: dict[tuple[str, str], int],
        cp_rarity: dict[str, int],
        arrays: AtomArrays,
    ) -> None:
        self.cfg = cfg
        self.rarity = rarity  # (kind, value) -> number of distinct names carrying it
        self.cp_rarity = cp_rarity
        self.arrays = arrays  # for ``many``: the atoms' evidence as arrays (``vectors``)

    def many(self, pairs: Sequence[tuple[int, int]], name_pts: Sequence[float]) -> list[Found]:
        """The pairs (of atom numbers) that score at least ``unsure_points``, as (points, a, b,
        corroboration, decisive), in their order: ``score`` without the explanation, for all of them at
        once (``vectors``), the same floats; ``name_pts[k]`` is ``name_points(similarity)`` of pair k."""
        cfg, arr, n = self.cfg, self.arrays, len(pairs)
        both = np.fromiter(chain.from_iterable(pairs), np.int64, 2 * n)
        heads, tails = both[0::2], both[1::2]
        corr = np.zeros(n)
        decisive = np.zeros(n, bool)
        at, ids = arr.tax.shared(heads, tails)
        if len(at):  # tax_id points once per scheme with a value in common
            width = int(arr.tax_scheme.max()) + 1
            per = np.bincount(np.unique(at * width + arr.tax_scheme[ids]) // width, minlength=n)
            decisive |= per > 0
            for r in range(int(per.max())):
                corr += np.where(per > r, cfg.tax_id, 0.0)
        for kind, field, decides in (("email", arr.emails, True), ("phone", arr.phones, False),
                                     ("address", arr.addresses, False)):  # fmt: skip
            at, ids = field.shared(heads, tails)
            term = np.zeros(n)
            if len(at):  # the smallest value in common, as ``score``: ids follow the values' order
                first = np.unique(at, return_index=True)[1]
                term[at[first]] = arr.weights[kind][ids[first]]
                if decides:
                    decisive[at[first]] = True
            corr += term
        corr += np.where(arr.bls.any_shared(heads, tails), cfg.bl_same_role, 0.0)
        boxes = np.bincount(arr.containers.shared(heads, tails)[0], minlength=n)
        corr += np.minimum(cfg.container_cap, cfg.container_same_role * boxes)
        at, ids = arr.counterparties.shared(heads, tails)
        summed = np.bincount(at, weights=arr.weights["counterparty"][ids], minlength=n)
        some = np.flatnonzero(summed)
        term = np.zeros(n)
        term[some] = [round(min(cfg.counterparty_cap, w), 3) for w in summed[some].tolist()]
        corr += term
        pts = np.asarray(name_pts, np.float64) + corr
        ca, cb = arr.country[heads], arr.country[tails]
        pts += np.where((ca >= 0) & (cb >= 0), np.where(ca == cb, cfg.same_country, cfg.other_country), 0.0)
        fam = arr.families.lengths
        apart = (fam[heads] > 0) & (fam[tails] > 0) & ~arr.families.any_shared(heads, tails)
        pts += np.where(apart, cfg.other_legal_family, 0.0)
        # Python's round (numpy's differs in the last digit now and then), only where it can matter
        unsure = cfg.unsure_points
        near = np.flatnonzero(pts >= unsure - 0.001)
        found = []
        for k, p, c, d in zip(near.tolist(), pts[near].tolist(), corr[near].tolist(), decisive[near].tolist(),
                              strict=True):  # fmt: skip
            p = round(p, 3)
            if p >= unsure:
                found.append((p, *pairs[k], round(c, 3), d))
        return found  # type: ignore[return-value]

    def _counterparty_weight(self, shared: set[str]) -> float:
        """Points for counterparties in common: each counts less the more actors trade with it, capped.
        Added one by one in the order of the names, as ``many`` does (its counterparty ids follow the
        names' order; ``sum`` adds floats differently from Python 3.12 on)."""
        cfg = self.cfg
        w = 0.0
        for cp in sorted(shared):
            w += share_points(cfg, "counterparty", self.cp_rarity.get(cp, 1))
        return round(min(cfg.counterparty_cap, w), 3)

    def score(self, a: Atom, b: Atom, name_sim: float, name_detail: str = "", explain: bool = False) -> PairScore:
        cfg = self.cfg
        feats: list[Feature] | None = [] if explain else None
        pts = name_points(name_sim, cfg)
        if feats is not None:
            feats.append(Feature("name", f"{a.name_key} | {b.name_key}", pts, f"{name_detail} ({name_sim:.2f})"))
        corr = 0.0
        decisive = False
        conflict = None
        for scheme, values in a.tax.items():
            other = b.tax.get(scheme)
            if not other:
                continue
            shared = values & other
            if shared:
                decisive = True
                corr += cfg.tax_id
                if feats is not None:
                    feats.append(Feature("tax_id", f"{scheme} {min(shared)}", cfg.tax_id, "same tax id"))
            else:
                conflict = "tax_id"
                if feats is not None:
                    detail = f"{scheme}: {sorted(values)[0]} vs {sorted(other)[0]}"
                    feats.append(Feature("conflict:tax_id", scheme, 0.0, f"different tax ids ({detail})"))
        if {a.kind, b.kind} == {"company", "person"}:
            conflict = conflict or "kind"
            if feats is not None:
                feats.append(Feature("conflict:kind", f"{a.kind} | {b.kind}", 0.0, "a person and a company"))
        for kind, sa, sb in (("email", a.emails, b.emails), ("phone", a.phones, b.phones),
                             ("address", a.addresses, b.addresses)):  # fmt: skip
            if sa and sb:
                shared = sa & sb
                if shared:
                    value = min(shared)
                    w = share_points(cfg, kind, self.rarity.get((kind, value), 1))
                    corr += w
                    decisive = decisive or kind == "email"
                    if feats is not None:
                        feats.append(Feature(kind, value, w, f"same {kind}"))
        if a.bls and b.bls:
            shared_bl = a.bls & b.bls
            if shared_bl:
                corr += cfg.bl_same_role
                if feats is not None:
                    bl, role = min(shared_bl)
                    feats.append(Feature("bl", bl, cfg.bl_same_role, f"same B/L, both as {role}"))
        if a.containers and b.containers:
            shared_box = a.containers & b.containers
            if shared_box:
                w = min(cfg.container_cap, cfg.container_same_role * len(shared_box))
                corr += w
                if feats is not None:
                    boxes = ", ".join(sorted(c for c, _ in shared_box)[:3])
                    feats.append(Feature("container", boxes, w, f"{len(shared_box)} container(s) in the same role"))
        if a.counterparties and b.counterparties:
            shared_cp = a.counterparties & b.counterparties
            if shared_cp:
                w = self._counterparty_weight(shared_cp)
                corr += w
                if feats is not None:
                    names = ", ".join(sorted(shared_cp)[:3])
                    feats.append(Feature("counterparty", names, w, f"{len(shared_cp)} counterparty(ies) in common"))
        pts += corr
        if a.country and b.country:
            w = cfg.same_country if a.country == b.country else cfg.other_country
            pts += w
            if feats is not None:
                feats.append(Feature("country", f"{a.country} | {b.country}", w, "party country"))
        if a.legal_families and b.legal_families and not (a.legal_families & b.legal_families):
            pts += cfg.other_legal_family
            if feats is not None:
                forms = f"{'/'.join(sorted(a.legal_forms))} | {'/'.join(sorted(b.legal_forms))}"
                feats.append(Feature("legal_form", forms, cfg.other_legal_family, "different legal form families"))
        if feats is not None and a.roles & b.roles:
            feats.append(Feature("role", "/".join(sorted(a.roles & b.roles)), 0.0, "same role on some records"))
        return PairScore(round(pts, 3), round(corr, 3), decisive, conflict, feats)
