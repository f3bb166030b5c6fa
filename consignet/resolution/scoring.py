"""Score one pair of atoms: name similarity plus shared identifiers and context, in log-odds points.

Every feature is explainable on its own (see docs/entity-resolution.md for the table). Identifiers
shared by many different names (a forwarder's phone, a big counterparty) count proportionally less:
weight x min(1, rare_below / number of distinct names carrying it).
"""

from __future__ import annotations

from dataclasses import dataclass

from .atoms import Atom
from .config import ResolutionConfig, name_points
from .types import Feature


@dataclass(slots=True)
class PairScore:
    points: float
    corroboration: float  # positive points from identifiers and context (not name, not country)
    decisive: bool  # a shared tax id or e-mail
    conflict: str | None  # "tax_id" or "kind" when the two cannot be one actor
    features: list[Feature] | None = None


class Scorer:
    def __init__(self, cfg: ResolutionConfig, rarity: dict[tuple[str, str], int], cp_rarity: dict[str, int]):
        self.cfg = cfg
        self.rarity = rarity  # (kind, value) -> number of distinct names carrying it
        self.cp_rarity = cp_rarity

    def _rare(self, kind: str, value: str) -> float:
        df = self.rarity.get((kind, value), 1)
        return min(1.0, self.cfg.rare_below / df) if df else 1.0

    def points(self, a: Atom, b: Atom, name_pts: float) -> tuple[float, float, bool]:
        """``score`` without the explanation, for the hot loop over every candidate pair: (points,
        corroboration, decisive). The same additions in the same order as ``score`` (so the same
        floats), minus the features and the conflict, which the caller does not use; ``name_pts`` is
        ``name_points(similarity)``, computed once per pair of names by the caller."""
        cfg = self.cfg
        corr = 0.0
        decisive = False
        if a.tax and b.tax:
            for scheme, values in a.tax.items():
                other = b.tax.get(scheme)
                if other and not values.isdisjoint(other):
                    decisive = True
                    corr += cfg.tax_id
        ea, eb = a.emails, b.emails
        if ea and eb and not ea.isdisjoint(eb):
            corr += round(cfg.email * self._rare("email", min(ea & eb)), 3)
            decisive = True
        pa, pb = a.phones, b.phones
        if pa and pb and not pa.isdisjoint(pb):
            corr += round(cfg.phone * self._rare("phone", min(pa & pb)), 3)
        da, db = a.addresses, b.addresses
        if da and db and not da.isdisjoint(db):
            corr += round(cfg.address * self._rare("address", min(da & db)), 3)
        if a.bls and b.bls and not a.bls.isdisjoint(b.bls):
            corr += cfg.bl_same_role
        if a.containers and b.containers:
            shared_box = a.containers & b.containers
            if shared_box:
                corr += min(cfg.container_cap, cfg.container_same_role * len(shared_box))
        if a.counterparties and b.counterparties:
            shared_cp = a.counterparties & b.counterparties
            if shared_cp:
                corr += self._counterparty_weight(shared_cp)
        pts = name_pts + corr
        if a.country and b.country:
            pts += cfg.same_country if a.country == b.country else cfg.other_country
        if a.legal_families and b.legal_families and a.legal_families.isdisjoint(b.legal_families):
            pts += cfg.other_legal_family
        return round(pts, 3), round(corr, 3), decisive

    def _counterparty_weight(self, shared: set[str]) -> float:
        """Points for counterparties in common: each counts less the more actors trade with it, capped."""
        cfg = self.cfg
        w = sum(cfg.counterparty * min(1.0, cfg.rare_below / self.cp_rarity.get(cp, 1)) for cp in shared)
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
        for kind, base, sa, sb in (
            ("email", cfg.email, a.emails, b.emails),
            ("phone", cfg.phone, a.phones, b.phones),
            ("address", cfg.address, a.addresses, b.addresses),
        ):
            if sa and sb:
                shared = sa & sb
                if shared:
                    value = min(shared)
                    w = round(base * self._rare(kind, value), 3)
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
