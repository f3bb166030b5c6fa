"""Indicators on where a consignment went: listed transshipment hubs, sea discharge inland in a landlocked
country, one container number in two places at once."""

from __future__ import annotations

from collections import defaultdict

from consignet.analysis.facts import Record, RiskFacts
from consignet.analysis.hits import Hit, to_date
from consignet.analysis.ind_goods import chpl_tier
from consignet.analysis.weights import Weights
from consignet.values import country as country_values
from consignet.values import locode as locode_values


def transshipment_hub(facts: RiskFacts, w: Weights) -> list[Hit]:
    """A transshipment port in a listed hub country other than the country of discharge or delivery (a
    transshipment inside the destination country is not a diversion)."""
    spec = w.indicators.transshipment_hub
    hubs = set(spec.hub_countries)
    out = []
    for rec in facts.records.values():
        if not rec.tss or (spec.chpl_only and not chpl_tier(rec)):
            continue
        destination = {(rec.pod or "")[:2], (rec.delivery or "")[:2]}
        listed = [p for p in rec.tss if p[:2] in hubs and p[:2] not in destination]
        if listed:
            goods = f"CHPL goods (HS {rec.hs6}) " if chpl_tier(rec) else ""
            out.append(Hit("transshipment_hub", rec.id, spec.weight,
                           f"{goods}transshipped at {', '.join(listed)} (listed hub "
                           f"{'country' if len({p[:2] for p in listed}) == 1 else 'countries'} "
                           f"{', '.join(sorted({p[:2] for p in listed}))}) on the way to {rec.pod}"))
    return out


def sea_discharge_landlocked(facts: RiskFacts, w: Weights) -> list[Hit]:
    """Mode sea with the discharge at a place the UN/LOCODE list does not know as a seaport, in a landlocked
    country. Caspian ports (Aktau, Baku, Turkmenbashi) are seaports of landlocked countries: not flagged."""
    spec = w.indicators.sea_discharge_landlocked
    out = []
    for rec in facts.records.values():
        if (rec.mode or "").lower() != "sea" or not rec.pod:
            continue
        info = locode_values.info(rec.pod)
        if info is None or info.is_seaport or not country_values.is_landlocked(info.country):
            continue
        out.append(Hit("sea_discharge_landlocked", rec.id, spec.weight,
                       f"mode sea but discharged at {rec.pod} ({info.name}), not a seaport, in landlocked "
                       f"{country_values.name(info.country)}"))
    return out


def container_clone(facts: RiskFacts, w: Weights) -> list[Hit]:
    """Two consignments carrying one container number over overlapping dates from different loading ports.
    Copies of one shipment reported by several countries share their loading port, so they do not count."""
    spec = w.indicators.container_clone
    by_box: dict[str, list[tuple[str, str, Record]]] = defaultdict(list)
    valid: dict[str, bool] = {}  # date text -> parses (a million records share a few thousand dates)
    for rec in facts.records.values():
        if not rec.containers:
            continue
        start = rec.departure or rec.date
        end = rec.arrival or start
        if not start or not rec.pol:
            continue
        if end not in valid:
            valid[end] = to_date(end) is not None
        if not valid[end] or end < start:
            end = start
        for box in rec.containers:
            by_box[box].append((start, end, rec))
    found: dict[str, dict[str, str]] = defaultdict(dict)  # record -> other record -> detail
    for box, uses in by_box.items():
        if len(uses) < 2:
            continue
        uses.sort(key=lambda u: (u[0], u[2].id))
        for i, (start, end, rec) in enumerate(uses):
            for start2, end2, other in uses[i + 1:]:
                if start2 > end:
                    break
                if other.pol == rec.pol:
                    continue
                detail = (f"container {box} on {rec.originator}/{rec.record_id} from {rec.pol} ({start} to {end}) "
                          f"and on {other.originator}/{other.record_id} from {other.pol} ({start2} to {end2})")
                found[rec.id][other.id] = detail
                found[other.id][rec.id] = detail
    return [Hit("container_clone", rid, spec.weight, "; ".join(d for _, d in sorted(others.items())),
                tuple(sorted(others))) for rid, others in sorted(found.items())]
