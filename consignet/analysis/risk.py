"""Explained risk: scores per consignment, actor and community, each with its contributions and the records
behind every contribution. How points add up is in risk_weights.yaml (and docs/risk.md).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from consignet.analysis import ind_actors, ind_goods, ind_patterns, ind_routes, proximity
from consignet.analysis.communities import Communities
from consignet.analysis.facts import RiskFacts
from consignet.analysis.hits import ActorHit, Hit
from consignet.analysis.weights import Weights

CONSIGNMENT_INDICATORS: list[Callable[[RiskFacts, Weights], list[Hit]]] = [
    ind_goods.chpl_goods, ind_routes.transshipment_hub, ind_routes.sea_discharge_landlocked,
    ind_patterns.split_shipment, ind_goods.value_outlier, ind_goods.vague_description, ind_patterns.relay,
    ind_routes.container_clone]
ACTOR_INDICATORS: list[Callable[[RiskFacts, Weights], list[ActorHit]]] = [
    ind_actors.new_company, ind_actors.forwarder_consignee, ind_actors.shared_contact]
INDICATORS = ("chpl_goods", "transshipment_hub", "sea_discharge_landlocked", "split_shipment", "value_outlier",
              "vague_description", "relay", "container_clone", "new_company", "forwarder_consignee",
              "shared_contact", "proximity", "community")


@dataclass
class Contribution:
    indicator: str
    points: float
    detail: str
    records: list[str]  # consignment or seizure ids, the strongest first
    count: int = 1  # hits behind it
    path: list[dict[str, Any]] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    node: tuple[str, str] | None = None  # proximity: the node reached (path and records made on demand)


def saturated(points: list[float], saturation: float) -> float:
    """The largest counts fully, each further one ``saturation`` times the one before."""
    total, factor = 0.0, 1.0
    for p in sorted(points, reverse=True):
        total += p * factor
        factor *= saturation
    return total


@dataclass
class RiskModel:
    facts: RiskFacts
    weights: Weights
    communities: Communities
    hits: dict[str, list[Hit]]
    prox: proximity.ProximityResult
    consignment: dict[str, list[Contribution]]
    actor: dict[str, list[Contribution]]
    actor_score: dict[str, float]
    base_score: dict[str, float]
    community_score: dict[str, float]
    ranking: list[str]
    names: dict[str, str]
    stamp: str = ""

    @property
    def rank(self) -> dict[str, int]:
        if "_rank" not in self.__dict__:
            self.__dict__["_rank"] = {a: i + 1 for i, a in enumerate(self.ranking)}
        return self.__dict__["_rank"]

    def expand(self, c: Contribution) -> Contribution:
        """Fill in the path, detail and records of a proximity contribution (made on demand: most are never
        shown, and a path costs a walk back to its seed)."""
        if c.node is not None and not c.path:
            c.path = self.prox.path(c.node, self.names, self.facts)
            c.detail = _path_text(c.path, self.prox.reached[c.node].hops)
            c.records = _dedupe(([c.node[1]] if c.node[0] == "c" else []) + self.prox.records(c.node))
        return c

    def consignment_score(self, cid: str) -> float:
        return round(sum(c.points for c in self.consignment.get(cid, [])), 3)


def _consignment_contributions(facts: RiskFacts, w: Weights, hits: dict[str, list[Hit]],
                               prox: proximity.ProximityResult) -> dict[str, list[Contribution]]:
    out: dict[str, list[Contribution]] = {}
    spec = w.indicators.proximity
    for cid, items in hits.items():
        best: dict[str, Hit] = {}
        for hit in items:
            if hit.indicator not in best or hit.points > best[hit.indicator].points:
                best[hit.indicator] = hit
        out[cid] = [Contribution(h.indicator, h.points, h.detail, [cid, *h.related]) for h in best.values()]
    for node, reached in prox.reached.items():
        if node[0] == "c" and node[1] in facts.records:
            out.setdefault(node[1], []).append(Contribution("proximity", spec.weight * reached.strength, "", [],
                                                            node=node))
    for items in out.values():
        items.sort(key=lambda c: (-c.points, c.indicator))
    return out


def _path_text(path: list[dict[str, Any]], hops: int) -> str:
    chain = " -> ".join(f"{s['link']} {s['name']}" if i else s["name"] for i, s in enumerate(path))
    return f"{hops} hop{'s' if hops != 1 else ''} from a seizure or flag: {chain}"


def _dedupe(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


@dataclass
class Base:
    """Everything but the community indicator (which needs the communities): computed while Louvain runs."""

    facts: RiskFacts
    weights: Weights
    hits: dict[str, list[Hit]]
    prox: proximity.ProximityResult
    consignment: dict[str, list[Contribution]]
    actor: dict[str, list[Contribution]]
    names: dict[str, str]


def compute(facts: RiskFacts, w: Weights, communities: Communities) -> RiskModel:
    return finish(prepare(facts, w), communities)


def prepare(facts: RiskFacts, w: Weights) -> Base:
    hits: dict[str, list[Hit]] = defaultdict(list)
    for indicator in CONSIGNMENT_INDICATORS:
        for hit in indicator(facts, w):
            hits[hit.record].append(hit)
    prox = proximity.walk(facts, w)
    consignment = _consignment_contributions(facts, w, hits, prox)
    names = facts.actor_names()
    per_actor: dict[str, dict[str, list[tuple[float, str, Hit | ActorHit]]]] = defaultdict(lambda: defaultdict(list))
    for cid, items in hits.items():
        rec = facts.records[cid]
        roles: dict[str, float] = {}
        for p in rec.trade_parties():
            roles[p.actor] = max(roles.get(p.actor, 0.0), w.role(p.role))  # type: ignore[index]
        for hit in items:
            for actor, factor in roles.items():
                per_actor[actor][hit.indicator].append((hit.points * factor, cid, hit))
    for indicator in ACTOR_INDICATORS:
        for ahit in indicator(facts, w):
            per_actor[ahit.actor][ahit.indicator].append((ahit.points, ahit.records[0] if ahit.records else "", ahit))
    actor: dict[str, list[Contribution]] = {}
    for aid, by_indicator in per_actor.items():
        contribs = []
        n_records = len(facts.records_of(aid))
        for name, items in by_indicator.items():
            items.sort(key=lambda x: (-x[0], x[1]))
            top = items[0][2]
            records = _dedupe([r for _, _, h in items for r in ((h.record, *h.related) if isinstance(h, Hit)
                                                                 else h.records)])
            detail = top.detail if len(items) == 1 else f"{len(items)} times; the strongest: {top.detail}"
            points = saturated([p for p, _, _ in items], w.saturation)
            if isinstance(top, Hit) and n_records and w.volume_share > 0:
                # A trader with hundreds of records meets every pattern by chance now and then: what counts
                # is the share of its records an indicator fires on (full points from volume_share up).
                hit_records = len({h.record for _, _, h in items})
                share = hit_records / n_records
                if share < w.volume_share:
                    points *= share / w.volume_share
                    detail = f"{hit_records} of {n_records} records ({share:.0%}); " + detail
            others = _dedupe([a for _, _, h in items if isinstance(h, ActorHit) for a in h.actors])
            contribs.append(Contribution(name, points, detail, records, len(items), actors=others))
        actor[aid] = contribs
    spec = w.indicators.proximity
    for node, reached in prox.reached.items():
        if node[0] == "a":
            actor.setdefault(node[1], []).append(Contribution("proximity", spec.weight * reached.strength, "", [],
                                                              node=node))
    return Base(facts, w, dict(hits), prox, consignment, actor, names)


def finish(b: Base, communities: Communities) -> RiskModel:
    facts, w, actor, names = b.facts, b.weights, b.actor, b.names
    base = {aid: sum(c.points for c in items) for aid, items in actor.items()}
    community_score: dict[str, float] = {}
    top_n = w.community_top
    for cid, members in communities.members.items():
        scores = sorted((base.get(m, 0.0) for m in members), reverse=True)
        community_score[cid] = sum(scores[:top_n]) / min(top_n, len(scores))
    comm = w.indicators.community
    if comm.weight > 0:
        for cid, members in communities.members.items():
            if len(members) < 2:
                continue
            total = sum(base.get(m, 0.0) for m in members)
            leaders = sorted(members, key=lambda o: (-base.get(o, 0.0), o))[:4]
            for m in members:
                mean_others = (total - base.get(m, 0.0)) / (len(members) - 1)
                if mean_others <= 0:
                    continue
                top = [o for o in leaders if o != m][:3]
                actor.setdefault(m, []).append(Contribution(
                    "community", comm.weight * mean_others,
                    f"member of community {cid} ({len(members)} actors); the other members score "
                    f"{mean_others:.1f} on average (highest: "
                    + ", ".join(f"{names.get(o, o)} {base.get(o, 0.0):.1f}" for o in top) + ")",
                    [], actors=top))
    scores = {}
    for aid, items in actor.items():
        items.sort(key=lambda c: (-c.points, c.indicator))
        scores[aid] = round(sum(c.points for c in items), 3)
    ranking = sorted((a for a, s in scores.items() if s > 0), key=lambda a: (-scores[a], a))
    return RiskModel(facts, w, communities, b.hits, b.prox, b.consignment, actor, scores, base, community_score,
                     ranking, names, facts.stamp)
