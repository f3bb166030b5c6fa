"""Indicators on the goods of one consignment: CHPL goods, vague descriptions, value or weight far from peers."""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Iterable

from consignet.analysis.facts import Record, RiskFacts
from consignet.analysis.hits import Hit, words
from consignet.analysis.weights import Weights
from consignet.values import hs as hs_values

# 1.4826 * MAD estimates the standard deviation of normally distributed data (the usual robust z-score).
MAD_SCALE = 1.4826
MEANAD_SCALE = 1.2533  # the same for the mean absolute deviation (sqrt(pi/2))


def chpl_tier(rec: Record) -> str | None:
    return hs_values.chpl_tier(rec.hs6) if rec.hs6 else None


def chpl_goods(facts: RiskFacts, w: Weights) -> list[Hit]:
    tiers = w.indicators.chpl_goods.tiers
    out = []
    for rec in facts.records.values():
        tier = chpl_tier(rec)
        if tier and tiers.get(tier):
            what = hs_values.description(rec.hs6 or "") or ""
            out.append(Hit("chpl_goods", rec.id, tiers[tier],
                           f"HS {rec.hs6} is on the Common High Priority List, tier {tier}"
                           + (f" ({what[:80]})" if what else "")))
    return out


def vague_description(facts: RiskFacts, w: Weights) -> list[Hit]:
    spec = w.indicators.vague_description
    generic = {x.casefold() for x in spec.generic_words}
    chapters = set(spec.chapters)
    out = []
    for rec in facts.records.values():
        if not rec.hs6 or rec.hs6[:2] not in chapters:
            continue
        found = words(rec.description)
        if found and all(x in generic for x in found):
            out.append(Hit("vague_description", rec.id, spec.weight,
                           f"description {rec.description!r} says nothing specific for HS chapter {rec.hs6[:2]}"))
    return out


def _country(locode: str | None) -> str:
    return (locode or "")[:2]


def _route(rec: Record) -> str:
    return f"{_country(rec.pol) or '?'}>{_country(rec.pod) or '?'}"


def _median(sorted_values: list[float]) -> float:
    """statistics.median of already sorted values (the same arithmetic: the middle one, or the mean of two)."""
    n = len(sorted_values)
    if n % 2:
        return sorted_values[n // 2]
    return (sorted_values[n // 2 - 1] + sorted_values[n // 2]) / 2


def _outliers(groups: Iterable[list[tuple[Record, float]]], min_peers: int, max_z: float
              ) -> list[tuple[Record, float, float, int]]:
    """(record, value, peer median, peers) for values far from the median of their peer group, on a log
    scale (prices and weights are skewed: a tenth and ten times are equally far)."""
    out = []
    for members in groups:
        if len(members) < min_peers:
            continue
        logs = [math.log(v) for _, v in members]
        median = _median(sorted(logs))
        spread = MAD_SCALE * _median(sorted([abs(x - median) for x in logs]))
        if spread <= 0:
            # More than half the peers share one value (a list price): the mean absolute deviation
            # stands in for the MAD, as in Iglewicz and Hoaglin's modified z-score.
            spread = MEANAD_SCALE * statistics.fmean(abs(x - median) for x in logs)
        if spread <= 0:
            continue
        for (rec, value), x in zip(members, logs, strict=True):
            if abs(x - median) / spread > max_z:
                out.append((rec, value, math.exp(median), len(members)))
    return out


def value_outlier(facts: RiskFacts, w: Weights) -> list[Hit]:
    """Value per kg against peers on the same HS-6, route and currency (values are compared in their own
    currency: no exchange rates are guessed); kg per package against peers on the same HS-6 and route.
    Both peer groups are made in one pass over the records (the route text once per record)."""
    spec = w.indicators.value_outlier
    per_kg: dict[tuple[str, str, str], list[tuple[Record, float]]] = defaultdict(list)
    per_package: dict[tuple[str, str], list[tuple[Record, float]]] = defaultdict(list)
    for rec in facts.records.values():
        if not rec.hs6 or not rec.mass:
            continue  # no HS-6: no peers; no mass: neither measure
        price = rec.value / rec.mass if rec.value else None
        load = rec.mass / rec.packages if rec.packages else None
        if not (price is not None and price > 0) and not (load is not None and load > 0):
            continue
        route = _route(rec)
        if price is not None and price > 0:
            per_kg[(rec.hs6, route, rec.currency or "")].append((rec, price))
        if load is not None and load > 0:
            per_package[(rec.hs6, route)].append((rec, load))
    found: dict[str, list[str]] = defaultdict(list)
    for rec, value, median, n in _outliers(per_kg.values(), spec.min_peers, spec.max_robust_z):
        found[rec.id].append(f"value per kg {value:,.2f} {rec.currency or ''} against a median of {median:,.2f} "
                             f"on {n} consignments of HS {rec.hs6} {_route(rec)}")
    for rec, value, median, n in _outliers(per_package.values(), spec.min_peers, spec.max_robust_z):
        found[rec.id].append(f"{value:,.1f} kg per package against a median of {median:,.1f} on {n} "
                             f"consignments of HS {rec.hs6} {_route(rec)}")
    return [Hit("value_outlier", rid, spec.weight, "; ".join(texts)) for rid, texts in sorted(found.items())]
