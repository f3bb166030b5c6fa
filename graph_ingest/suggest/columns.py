"""Which canonical field each column holds: candidates from the header and from the values, combined
into a confidence, then handed out best-first (each field once, list fields to several columns)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from consignet.model import canonical_fields

from ..detect import ColumnShape
from ..vocab import Reading

THRESHOLD = 0.6
ROLES_FOR_GUESS = ("consignor", "consignee")

# Value shapes that point at one field even without a header word: (kinds, field, confidence).
_VALUE_ONLY: list[tuple[tuple[str, ...], tuple[str, ...], float]] = [
    (("container", "container_list"), ("containers",), 0.8),
    (("imo",), ("imo",), 0.75),
    (("hs_dotted",), ("hs_code",), 0.7),
    (("currency",), ("currency",), 0.7),
    (("container_type",), ("container_type",), 0.7),
    (("transport_mode",), ("transport_mode",), 0.7),
    (("scope_kind",), ("scope_kind",), 0.7),
    (("locode_list",), ("transshipment_ports",), 0.65),
    (("country_list",), ("route_countries", "scope_countries"), 0.55),
    (("locode",), ("port_loading", "port_discharge", "port_delivery", "place"), 0.45),
    (("date",), ("departure_date", "arrival_date", "shared_date", "seizure_date"), 0.4),
]
# Party value shapes: the role comes from the nearest column to the left that names one.
_PARTY_VALUES = [(("email",), "email"), (("phone",), "phone"), (("tax_scheme",), "tax_scheme"),
                 (("party_kind",), "kind")]  # fmt: skip
_WORDS = {"name", "address", "city", "goods_description", "vessel_name", "reason"}
_TEXT_KINDS = {"currency": "currency", "container_type": "container_type", "transport_mode": "transport_mode",
               "scope_kind": "scope_kind", "kind": "party_kind", "tax_scheme": "tax_scheme"}  # fmt: skip


@dataclass(slots=True)
class ColumnGuess:
    header: str
    field: str | None
    confidence: float
    reason: str
    alternatives: list[tuple[str, float]] = field(default_factory=list)


@dataclass(slots=True)
class _Cand:
    field: str
    conf: float
    reason: str


# -- evidence -------------------------------------------------------------------------------------------
def expected_kinds(name: str, spec: dict[str, Any]) -> tuple[str, ...] | None:
    """Value kinds (detect.classify) a field's values should have; None when any text will do."""
    kind, item = spec["kind"], spec.get("item")
    base = spec.get("party_field", name)
    if kind == "list":
        return {"container": ("container", "container_list"), "locode": ("locode", "locode_list"),
                "country": ("country", "country_list")}.get(item)  # fmt: skip
    if kind == "text":
        if base in _TEXT_KINDS:
            return (_TEXT_KINDS[base],)
        return ("words",) if base in _WORDS else None
    return {"container": ("container",), "locode": ("locode",), "hs": ("hs",), "date": ("date",),
            "number": ("number",), "integer": ("integer",), "imo": ("imo_shape",), "country": ("country",),
            "phone": ("phone", "taxid"), "email": ("email",), "taxid": ("taxid",)}.get(kind)  # fmt: skip


def _with_values(h: float, name: str, spec: dict[str, Any], shape: ColumnShape) -> tuple[float, str]:
    """Header confidence ``h`` raised or lowered by how well the sampled values fit the field."""
    if shape.count == 0:
        return h * 0.9, "no values in the sample"
    if name in ("record_id", "seizure_id"):
        unique = shape.distinct / shape.count
        # A record's own id is unique in its file; a repeated value is a group or a category.
        return (h if unique >= 0.95 else h * (0.4 + 0.5 * unique)), f"{unique:.0%} of values distinct"
    kinds = expected_kinds(name, spec)
    if kinds is None:
        return h, ""
    fit = shape.share(*kinds)
    text = f"{fit:.0%} of values look like {'/'.join(kinds)}"
    if fit >= 0.8:
        return h + (1 - h) * 0.5 * fit, text
    if fit >= 0.5:
        return h * (0.75 + 0.25 * fit), text
    return h * (0.35 + 0.5 * fit), text


def _header_candidates(reading: Reading, fields: dict[str, Any], ctx: str | None) -> list[_Cand]:
    if reading.fillers_only:
        return [_Cand("record_id", 0.65, "header is only a number sign")] if "record_id" in fields else []
    if not reading.hits:
        return []
    h = reading.reliability * (0.55 + 0.45 * reading.coverage)
    fuzzy = f" (read {', '.join(f'{a}~{b}' for a, b in reading.fuzzy)})" if reading.fuzzy else ""
    roles = list(dict.fromkeys(n for n, _ in reading.concepts("role")))
    parties = list(dict.fromkeys(n for n, _ in reading.concepts("party")))
    # Fields named by the longest matching phrase come first; a phrase naming several fields ("final
    # destination": a place or a country) gives each the same weight and lets the values decide.
    named = [(n, hit) for n, hit in reading.concepts("field") if n in fields]
    longest = max((hit.end - hit.start for _, hit in named), default=0)
    plain: dict[str, float] = {}
    for n, hit in named:
        plain[n] = max(plain.get(n, 0.0), 1.0 if hit.end - hit.start == longest else 0.8)
    out: list[_Cand] = []
    if roles and f"{roles[0]}_name" in fields:
        pen = 0.85 if len(roles) > 1 else 1.0
        for i, p in enumerate(parties or ["name"]):
            why = f"header names {roles[0]} and {p}" if parties else f"header names {roles[0]} (its name)"
            out.append(_Cand(f"{roles[0]}_{p}", h * pen * (1.0 if i == 0 else 0.85), why + fuzzy))
        out += [_Cand(f, h * 0.7, f"header word for {f}") for f in plain]
    elif plain:
        out += [_Cand(f, h * weight, f"header names {f}{fuzzy}") for f, weight in plain.items()]
        if parties and ctx:
            out += [_Cand(f"{ctx}_{p}", h * 0.7, f"party field, role {ctx} from the left") for p in parties]
    elif parties and "consignor_name" in fields:
        for p in parties:
            if ctx:
                out.append(_Cand(f"{ctx}_{p}", h * 0.85, f"header names {p}; role {ctx} from a column to the left"))
            else:
                out += [_Cand(f"{r}_{p}", 0.45, f"header names {p} but no role") for r in ROLES_FOR_GUESS]
    if reading.concepts("ignore") and not out:
        return [_Cand("", 0.0, "not a canonical field (e.g. net weight, volume, remarks)")]
    return [c for c in out if c.field in fields]


def _value_candidates(shape: ColumnShape, fields: dict[str, Any], ctx: str | None) -> list[_Cand]:
    out: list[_Cand] = []
    for kinds, targets, base in _VALUE_ONLY:
        share = shape.share(*kinds)
        if share >= 0.8:
            names = [t for t in targets if t in fields]
            conf = base * share if len(names) == 1 else min(base, 0.45)
            out += [_Cand(t, conf, f"values: {share:.0%} {'/'.join(kinds)}") for t in names]
    for kinds, pfield in _PARTY_VALUES:
        share = shape.share(*kinds)
        if share >= 0.8:
            if ctx and f"{ctx}_{pfield}" in fields:
                out.append(_Cand(f"{ctx}_{pfield}", 0.65 * share, f"values: {share:.0%} {kinds[0]}, role {ctx}"))
            else:
                out += [_Cand(f"{r}_{pfield}", 0.45, f"values: {kinds[0]}") for r in ROLES_FOR_GUESS]
    return [c for c in out if c.field in fields]


def _candidates(reading: Reading, shape: ColumnShape, fields: dict[str, Any], ctx: str | None) -> list[_Cand]:
    best: dict[str, _Cand] = {}
    for cand in _header_candidates(reading, fields, ctx):
        if not cand.field:
            return [cand]
        conf, why = _with_values(cand.conf, cand.field, fields[cand.field], shape)
        cand = _Cand(cand.field, min(conf, 1.0), "; ".join(x for x in (cand.reason, why) if x))
        if cand.field not in best or cand.conf > best[cand.field].conf:
            best[cand.field] = cand
    for cand in _value_candidates(shape, fields, ctx):
        if cand.field not in best or cand.conf > best[cand.field].conf:
            best[cand.field] = cand
    return sorted(best.values(), key=lambda c: -c.conf)


def assign(headers: list[str], readings: list[Reading], shapes: list[ColumnShape], record_type: str
            ) -> list[ColumnGuess]:  # fmt: skip
    fields = canonical_fields(record_type)
    ctx: str | None = None
    per_col: list[list[_Cand]] = []
    for reading, shape in zip(readings, shapes, strict=True):
        per_col.append(_candidates(reading, shape, fields, ctx))
        roles = [n for n, _ in reading.concepts("role")]
        ctx = roles[0] if roles else ctx
    pairs = sorted(((c.conf, i, c) for i, cands in enumerate(per_col) for c in cands if c.field),
                   key=lambda p: (-p[0], p[1]))  # fmt: skip
    chosen: dict[int, _Cand] = {}
    taken: dict[str, int] = {}
    for conf, i, cand in pairs:
        if conf < THRESHOLD or i in chosen:
            continue
        if cand.field in taken and fields[cand.field]["kind"] != "list":
            continue
        chosen[i], taken[cand.field] = cand, i
    guesses = []
    for i, header in enumerate(headers):
        cands = per_col[i]
        if i in chosen:
            c = chosen[i]
            guesses.append(ColumnGuess(header, c.field, round(c.conf, 2), c.reason, _alts(cands, c.field)))
        elif cands and cands[0].field:
            c = cands[0]
            why = c.reason
            if c.conf >= THRESHOLD and c.field in taken:
                why += f"; {c.field} already taken by column {headers[taken[c.field]]!r}"
            guesses.append(ColumnGuess(header, None, round(c.conf, 2), f"unsure: {c.field}? {why}",
                                       _alts(cands, None)))  # fmt: skip
        else:
            why = cands[0].reason if cands else "no header word or value shape recognised"
            guesses.append(ColumnGuess(header, None, 0.0, why, []))
    return guesses


def _alts(cands: list[_Cand], chosen: str | None) -> list[tuple[str, float]]:
    return [(c.field, round(c.conf, 2)) for c in cands if c.field and c.field != chosen][:3]
