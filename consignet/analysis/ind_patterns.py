"""Indicators across consignments: split shipments and relays (a consignee consigning the goods onward)."""

from __future__ import annotations

import bisect
import statistics
from collections import defaultdict
from datetime import date

from consignet.analysis.facts import Record, RiskFacts
from consignet.analysis.hits import Hit, to_date
from consignet.analysis.weights import Weights

SENDERS = ("consignor", "seller")
RECEIVERS = ("consignee", "buyer")


def _shipment_key(rec: Record) -> tuple[object, ...]:
    """One physical shipment reported by several countries is one shipment, not a split."""
    return (rec.departure or rec.date, rec.containers, round(rec.mass or 0))


def split_shipment(facts: RiskFacts, w: Weights) -> list[Hit]:
    spec = w.indicators.split_shipment
    masses: dict[str, list[float]] = defaultdict(list)
    for rec in facts.records.values():
        if rec.hs6 and rec.mass:
            masses[rec.hs6].append(rec.mass)
    median = {hs6: statistics.median(values) for hs6, values in masses.items()}

    def small(rec: Record) -> bool:
        if not rec.mass or not rec.hs6:
            return False
        return rec.mass <= spec.small_kg or rec.mass <= spec.small_share * median[rec.hs6]

    groups: dict[tuple[str, str, str], dict[tuple[object, ...], list[Record]]] = defaultdict(dict)
    for rec in facts.records.values():
        if not rec.hs6 or not (rec.date or rec.departure) or not small(rec):
            continue
        for s in rec.actors(*SENDERS):
            for r in rec.actors(*RECEIVERS):
                if s != r:
                    groups[(s, r, rec.hs6)].setdefault(_shipment_key(rec), []).append(rec)
    out: dict[str, Hit] = {}
    for (_, _, hs6), shipments in groups.items():
        if len(shipments) < spec.min_consignments:
            continue
        ordered = sorted(shipments.items(), key=lambda kv: (str(kv[0][0]), kv[1][0].id))
        days = [to_date(str(k[0])) for k, _ in ordered]
        marked: set[int] = set()
        j = 0
        for i, start in enumerate(days):
            if start is None:
                continue
            j = max(j, i)
            while j + 1 < len(days) and days[j + 1] is not None and (days[j + 1] - start).days <= spec.window_days:
                j += 1
            if j - i + 1 >= spec.min_consignments:
                marked.update(range(i, j + 1))
        if not marked:
            continue
        burst = [rec for k in sorted(marked) for rec in ordered[k][1]]
        ids_ = tuple(sorted(r.id for r in burst))
        first, last = min(d for k, d in enumerate(days) if k in marked), max(d for k, d in enumerate(days)
                                                                            if k in marked)
        detail = (f"{len(marked)} small consignments of HS {hs6} between the same consignor and consignee "
                  f"from {first} to {last} ({', '.join(f'{r.mass:,.0f} kg' for r in burst[:6])})")
        for rec in burst:
            if rec.id not in out:
                out[rec.id] = Hit("split_shipment", rec.id, spec.weight, detail,
                                  tuple(x for x in ids_ if x != rec.id))
    return [out[k] for k in sorted(out)]


def relay(facts: RiskFacts, w: Weights) -> list[Hit]:
    """Actor X receives HS-6 h (leg 1, by its arrival, or departure when no arrival is known) and consigns h
    onward (leg 2) departing at most ``window_days`` later (or up to 2 days before the recorded arrival:
    dates in shared records are approximate)."""
    spec = w.indicators.relay
    incoming: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)  # (actor, hs6) -> [(end, rec)]
    outgoing: list[tuple[str, str, str, Record]] = []  # (actor, hs6, start, rec)
    for rec in facts.records.values():
        if not rec.hs6:
            continue
        end, start = rec.end_date, rec.departure or rec.date
        sent = {p.actor for p in rec.parties if p.actor and p.role in SENDERS}
        got = {p.actor for p in rec.parties if p.actor and p.role in RECEIVERS}
        if end:
            for actor in sorted(got):
                incoming[(actor, rec.hs6)].append((end, rec.id))
        if start:
            for actor in sorted(sent):
                outgoing.append((actor, rec.hs6, start, rec))
    for legs in incoming.values():
        legs.sort()
    found: dict[str, dict[str, str]] = defaultdict(dict)
    names = facts.actor_names()
    dates = _DateCache()
    senders: dict[str, set[str]] = {}  # record -> its consignors and sellers, made once per record met
    receivers: dict[str, set[str]] = {}
    for actor, hs6, start, leg2 in outgoing:
        legs = incoming.get((actor, hs6))
        if not legs:
            continue
        d2 = dates.get(start)
        if d2 is None:
            continue
        pos = bisect.bisect_left(legs, (dates.iso(d2.toordinal() - spec.window_days), ""))
        for k in range(pos, len(legs)):  # (not legs[pos:]: a copy of the rest for every leg of a busy trader)
            end, leg1_id = legs[k]
            d1 = dates.get(end)
            if d1 is None or (d1 - d2).days > 2:
                break
            if leg1_id == leg2.id or (d2 - d1).days > spec.window_days:
                continue
            leg1 = facts.records[leg1_id]
            if _actors(leg1, SENDERS, senders) & _actors(leg2, RECEIVERS, receivers):
                continue  # goods sent back to their sender are a return, not a relay
            detail = (f"{names.get(actor, actor)} received HS {hs6} on {leg1.originator}/{leg1.record_id} "
                      f"({end}) and consigned it onward on {leg2.originator}/{leg2.record_id} ({start}), "
                      f"{(d2 - d1).days} days later")
            found[leg1_id][leg2.id] = detail
            found[leg2.id][leg1_id] = detail
    return [Hit("relay", rid, spec.weight, "; ".join(d for _, d in sorted(others.items())[:3]),
                tuple(sorted(others))) for rid, others in sorted(found.items())]


def _actors(rec: Record, roles: tuple[str, ...], known: dict[str, set[str]]) -> set[str]:
    found = known.get(rec.id)
    if found is None:
        found = known[rec.id] = {p.actor for p in rec.parties if p.actor and p.role in roles}
    return found


class _DateCache:
    """Dates parsed once: a million records share a few thousand dates, and the legs are compared pairwise."""

    def __init__(self) -> None:
        self._dates: dict[str, date | None] = {}
        self._iso: dict[int, str] = {}

    def get(self, value: str) -> date | None:
        if value not in self._dates:
            self._dates[value] = to_date(value)
        return self._dates[value]

    def iso(self, ordinal: int) -> str:
        if ordinal not in self._iso:
            self._iso[ordinal] = _iso(ordinal)
        return self._iso[ordinal]


def _iso(ordinal: int) -> str:
    return date.fromordinal(max(1, ordinal)).isoformat()
