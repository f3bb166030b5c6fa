"""Proximity to seizures and flags: a best-first walk from every seized or flagged node.

The walk runs over consignments, their trading parties, the identifiers actors share and the containers
consignments carry. A seed (seized consignment or container, actor named in a seizure, flagged actor,
container, identifier or consignment) has strength 1; each link multiplies it by its factor (a party by
its role factor, an identifier or a container link by ``link_factors``) and each actor passed on the way
by ``decay``. Every node keeps its strongest path, which is the explanation ("through which links").
Carriers and forwarders are not walked through (they serve everybody), nor common identifiers.
"""

from __future__ import annotations

import heapq
import itertools
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from consignet import ids
from consignet.analysis.facts import Record, RiskFacts
from consignet.analysis.hits import to_date
from consignet.analysis.weights import Weights

TRIP_GRACE_DAYS = 30
Node = tuple[str, str]  # ("a" actor | "c" consignment | "i" identifier | "k" container number | "s" seed, id)


@dataclass
class Reached:
    strength: float
    hops: int  # actors on the path, the target included
    seed: str  # seizure or flag id
    pred: Node | None
    link: str  # how this node was reached from pred


@dataclass
class ProximityResult:
    reached: dict[Node, Reached] = field(default_factory=dict)
    seeds: dict[str, dict[str, Any]] = field(default_factory=dict)  # seed id -> {kind, label, record}
    identifier_names: dict[str, str] = field(default_factory=dict)

    def path(self, node: Node, names: dict[str, str], facts: RiskFacts) -> list[dict[str, Any]]:
        """Steps from the seed to ``node``: ``{node, label, name, link}``."""
        steps = []
        cur: Node | None = node
        while cur is not None:
            r = self.reached[cur]
            steps.append({"node": cur[1], "label": _LABEL[cur[0]], "name": _name(cur, names, facts, self),
                          "link": r.link})
            cur = r.pred
        return list(reversed(steps))

    def records(self, node: Node) -> list[str]:
        """The seizure and the consignments on the path (the records behind the contribution)."""
        out, cur = [], node
        while cur is not None:
            if cur[0] in ("c",):
                out.append(cur[1])
            elif cur[0] == "s" and self.seeds[cur[1]].get("record"):
                out.append(self.seeds[cur[1]]["record"])
            cur = self.reached[cur].pred
        return out


_LABEL = {"a": "Actor", "c": "Consignment", "i": "Identifier", "k": "Container", "s": "Seed"}


def _name(node: Node, names: dict[str, str], facts: RiskFacts, res: ProximityResult) -> str:
    kind, key = node
    if kind == "a":
        return names.get(key, key)
    if kind == "c":
        rec = facts.records.get(key)
        return f"{rec.originator}/{rec.record_id}" if rec else key
    if kind == "i":
        if not res.identifier_names:
            res.identifier_names.update((g.id, f"{g.label} {g.name}") for g in facts.identifiers)
        return res.identifier_names.get(key, key)
    if kind == "s":
        return res.seeds[key]["label"]
    return key


def _on_trip(rec: Record, when: str) -> bool:
    """Whether a seizure on ``when`` falls on this trip of the container (a week before departure to a month
    after arrival: seizures happen at loading, in transit and at the destination's inspection)."""
    start, end = to_date(rec.departure or rec.date), to_date(rec.arrival or rec.departure or rec.date)
    day = to_date(when)
    if start is None or end is None or day is None:
        return False
    return start - timedelta(days=7) <= day <= end + timedelta(days=TRIP_GRACE_DAYS)


def walk(facts: RiskFacts, w: Weights) -> ProximityResult:
    spec = w.indicators.proximity
    id_factor = spec.link_factors.get("identifier", 0.0)
    box_factor = spec.link_factors.get("container", 0.0)
    by_box: dict[str, list[str]] = defaultdict(list)
    box_of_id: dict[str, str] = {}
    for rec in facts.records.values():
        for box in rec.containers:
            by_box[box].append(rec.id)
            box_of_id.setdefault(ids.shared_node_id("Container", box), box)
    groups = {g.id: g for g in facts.identifiers if len(g.actors) < w.common_threshold}
    idents_of: dict[str, list[str]] = defaultdict(list)
    for g in groups.values():
        for actor in sorted(g.actors):
            idents_of[actor].append(g.id)

    def neighbours(node: Node) -> list[tuple[Node, float, str]]:
        kind, key = node
        out: list[tuple[Node, float, str]] = []
        if kind == "c":
            rec = facts.records[key]
            out += [(("a", p.actor), w.role(p.role), f"party ({p.role})") for p in rec.trade_parties()]
            out += [(("k", b), box_factor, "container") for b in rec.containers]
        elif kind == "a":
            for rid in facts.records_of(key):
                role = max((p.role for p in facts.records[rid].trade_parties() if p.actor == key), key=w.role)
                out.append((("c", rid), w.role(role), f"{role} on"))
            out += [(("i", g), id_factor, f"uses {groups[g].label}") for g in idents_of.get(key, [])]
        elif kind == "i":
            out += [(("a", a), 1.0, f"{groups[key].label} also used by") for a in sorted(groups[key].actors)]
        elif kind == "k":
            seized_on = seizure_date.get(res.reached[node].seed) if res.reached[node].pred == ("s", res.reached[
                node].seed) else None
            for rid in sorted(by_box.get(key, [])):
                if seized_on is None:
                    out.append((("c", rid), 1.0, "carried on"))
                elif _on_trip(facts.records[rid], seized_on):
                    out.append((("c", rid), 1.0, "seized on"))
                else:  # the same box on another trip: linked through the equipment only
                    out.append((("c", rid), box_factor, "carried on another trip"))
        return out

    res = ProximityResult()
    seizure_date = {s.id: s.date for s in facts.seizures if s.date}
    heap: list[tuple[float, int, Node]] = []
    counter = itertools.count()

    def push(node: Node, strength: float, hops: int, seed: str, pred: Node | None, link: str) -> None:
        known = res.reached.get(node)
        if strength < spec.min_strength or (known and known.strength >= strength):
            return
        res.reached[node] = Reached(strength, hops, seed, pred, link)
        heapq.heappush(heap, (-strength, next(counter), node))

    for s in facts.seizures:
        res.seeds[s.id] = {"kind": "seizure", "label": s.label, "record": s.id, "reason": s.reason}
        res.reached[("s", s.id)] = Reached(1.0, 0, s.id, None, s.reason or "seizure")
        for cid in s.consignments:
            if cid in facts.records:
                push(("c", cid), 1.0, 0, s.id, ("s", s.id), "seized")
        for box in s.containers:
            push(("k", box), 1.0, 0, s.id, ("s", s.id), "seized container")
        for actor in s.actors:
            push(("a", actor), 1.0, 1, s.id, ("s", s.id), "named in the seizure")
    for f in facts.flags:
        if f.seizure:
            continue  # an actor named in a seizure: the seizure itself is the seed
        res.seeds[f.id] = {"kind": "flag", "label": f.label, "record": None, "reason": f.reason}
        res.reached[("s", f.id)] = Reached(1.0, 0, f.id, None, f.reason or "flag")
        target: Node | None = {"Actor": ("a", f.target), "Consignment": ("c", f.target)}.get(f.target_label or "")
        if f.target_label == "Container" and f.target in box_of_id:
            target = ("k", box_of_id[f.target])
        elif f.target_label in ("TaxId", "Phone", "Email", "Address") and f.target in groups:
            target = ("i", f.target)
        if target and (target[0] != "c" or target[1] in facts.records):
            strength = spec.severity_factors.get(f.severity or "", 1.0)  # an unsure watch-list hit counts less
            push(target, strength, 1 if target[0] == "a" else 0, f.id, ("s", f.id), "flagged")
    while heap:
        neg, _, node = heapq.heappop(heap)
        here = res.reached[node]
        if -neg < here.strength:
            continue  # a stronger path reached it after this entry was queued
        if node[0] == "a" and here.hops >= spec.max_hops:
            continue
        step = spec.decay if node[0] == "a" else 1.0
        for nxt, factor, link in neighbours(node):
            if factor <= 0:
                continue
            push(nxt, here.strength * step * factor, here.hops + (nxt[0] == "a"), here.seed, node, link)
    return res
