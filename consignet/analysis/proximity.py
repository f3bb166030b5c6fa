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
from collections import defaultdict, deque
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from consignet import ids
from consignet.analysis.facts import Record, RiskFacts
from consignet.analysis.hits import to_date
from consignet.analysis.weights import Weights
from consignet.store.risk_reads import TRADE_ROLES

TRIP_GRACE_DAYS = 30
Node = tuple[str, str]  # ("a" actor | "c" consignment | "i" identifier | "k" container number | "s" seed, id)


@dataclass(slots=True)
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


def _actor_links(facts: RiskFacts, w: Weights) -> dict[str, list[tuple[Node, float, str]]]:
    """Actor -> its consignments as walk steps (node, factor of its strongest role there, link), in record id
    order: one pass over the records instead of a search of each record's parties at every actor reached."""
    on_link = {role: f"{role} on" for role in w.role_factors}
    out: dict[str, list[tuple[Node, float, str]]] = defaultdict(list)
    ids_ = list(facts.records)
    ids_.sort()  # loaded in id order already (then this is one pass); tests may build facts in any order
    for rid in ids_:
        rec = facts.records[rid]
        best: dict[str, tuple[float, str]] = {}
        for p in rec.parties:
            if p.actor and p.role in TRADE_ROLES:
                factor = w.role(p.role)
                known = best.get(p.actor)
                if known is None or factor > known[0]:  # the first of equally strong roles, as max() gives
                    best[p.actor] = (factor, p.role)
        node = ("c", rid)
        for actor, (factor, role) in best.items():
            out[actor].append((node, factor, on_link.get(role) or f"{role} on"))
    return out


class _Queue:
    """Nodes by strength, strongest first, first come first out among equals: the order of a heap of
    (-strength, insertion counter, node), for far less. Strengths are products of a few factors, so a million
    nodes share a handful of values: a FIFO per value and a heap of the values."""

    def __init__(self) -> None:
        self._by: dict[float, deque[Node]] = {}
        self._keys: list[float] = []  # -strength of each FIFO

    def put(self, strength: float, node: Node) -> None:
        fifo = self._by.get(strength)
        if fifo is None:
            fifo = self._by[strength] = deque()
            heapq.heappush(self._keys, -strength)
        fifo.append(node)

    def pop(self) -> tuple[float, Node] | None:
        while self._keys:
            strength = -self._keys[0]
            fifo = self._by[strength]
            if fifo:
                return strength, fifo.popleft()
            heapq.heappop(self._keys)
            del self._by[strength]
        return None


def walk(facts: RiskFacts, w: Weights) -> ProximityResult:
    """One best-first walk from all seeds at once (strongest first; ties in the order reached). The state of a
    node is a plain tuple (strength, hops, seed, pred, link) while walking, made a ``Reached`` at the end: the
    walk reaches most of a million-record graph, and per-step objects and searches were most of its time."""
    spec = w.indicators.proximity
    id_factor = spec.link_factors.get("identifier", 0.0)
    box_factor = spec.link_factors.get("container", 0.0)
    min_strength, max_hops, decay = spec.min_strength, spec.max_hops, spec.decay
    records = facts.records
    by_box: dict[str, list[str]] = defaultdict(list)
    for rec in records.values():
        for box in rec.containers:
            by_box[box].append(rec.id)
    groups = {g.id: g for g in facts.identifiers if len(g.actors) < w.common_threshold}
    idents_of: dict[str, list[str]] = defaultdict(list)
    for g in groups.values():
        for actor in sorted(g.actors):
            idents_of[actor].append(g.id)
    actor_links = _actor_links(facts, w)
    role_factor = {role: w.role(role) for role in TRADE_ROLES}
    party_link = {role: f"party ({role})" for role in TRADE_ROLES}
    # A step is never stronger than its node times the largest factor of its kind: a group of steps that would
    # all fall below min_strength is skipped whole (a consignment far from its seed, with its containers).
    top_role = max(role_factor.values())
    state: dict[Node, tuple[float, int, str, Node | None, str]] = {}
    seizure_date = {s.id: s.date for s in facts.seizures if s.date}
    queue = _Queue()
    get = state.get

    def push(node: Node, strength: float, hops: int, seed: str, pred: Node | None, link: str) -> None:
        if strength < min_strength:
            return
        known = get(node)
        if known is not None and known[0] >= strength:
            return
        state[node] = (strength, hops, seed, pred, link)
        queue.put(strength, node)

    res = ProximityResult()
    for s in facts.seizures:
        res.seeds[s.id] = {"kind": "seizure", "label": s.label, "record": s.id, "reason": s.reason}
        state[("s", s.id)] = (1.0, 0, s.id, None, s.reason or "seizure")
        for cid in s.consignments:
            if cid in records:
                push(("c", cid), 1.0, 0, s.id, ("s", s.id), "seized")
        for box in s.containers:
            push(("k", box), 1.0, 0, s.id, ("s", s.id), "seized container")
        for actor in s.actors:
            push(("a", actor), 1.0, 1, s.id, ("s", s.id), "named in the seizure")
    box_of_id = container_ids(facts, {f.target for f in facts.flags if f.target_label == "Container"})
    for f in facts.flags:
        if f.seizure:
            continue  # an actor named in a seizure: the seizure itself is the seed
        res.seeds[f.id] = {"kind": "flag", "label": f.label, "record": None, "reason": f.reason}
        state[("s", f.id)] = (1.0, 0, f.id, None, f.reason or "flag")
        target: Node | None = {"Actor": ("a", f.target), "Consignment": ("c", f.target)}.get(f.target_label or "")
        if f.target_label == "Container" and f.target in box_of_id:
            target = ("k", box_of_id[f.target])
        elif f.target_label in ("TaxId", "Phone", "Email", "Address") and f.target in groups:
            target = ("i", f.target)
        if target and (target[0] != "c" or target[1] in records):
            strength = spec.severity_factors.get(f.severity or "", 1.0)  # an unsure watch-list hit counts less
            push(target, strength, 1 if target[0] == "a" else 0, f.id, ("s", f.id), "flagged")
    while (item := queue.pop()) is not None:
        queued, node = item
        here = state[node]
        strength, hops, seed = here[0], here[1], here[2]
        if queued < strength:
            continue  # a stronger path reached it after this entry was queued
        kind, key = node
        if kind == "c":
            if strength * top_role >= min_strength:
                for p in records[key].parties:
                    if p.actor and p.role in TRADE_ROLES and role_factor[p.role] > 0:
                        push(("a", p.actor), strength * role_factor[p.role], hops + 1, seed, node, party_link[p.role])
            if box_factor > 0 and strength * box_factor >= min_strength:
                for box in records[key].containers:
                    push(("k", box), strength * box_factor, hops, seed, node, "container")
        elif kind == "a":
            if hops >= max_hops:
                continue
            base = strength * decay
            if base * top_role >= min_strength:
                for nxt, factor, link in actor_links.get(key, ()):
                    if factor > 0:
                        push(nxt, base * factor, hops, seed, node, link)
            if id_factor > 0 and base * id_factor >= min_strength:
                for g in idents_of.get(key, ()):
                    push(("i", g), base * id_factor, hops, seed, node, f"uses {groups[g].label}")
        elif kind == "i":
            link = f"{groups[key].label} also used by"
            for actor in sorted(groups[key].actors):
                push(("a", actor), strength * 1.0, hops + 1, seed, node, link)
        else:
            seized_on = seizure_date.get(seed) if here[3] == ("s", seed) else None
            for rid in sorted(by_box.get(key, [])):
                if seized_on is None:
                    push(("c", rid), strength * 1.0, hops, seed, node, "carried on")
                elif _on_trip(records[rid], seized_on):
                    push(("c", rid), strength * 1.0, hops, seed, node, "seized on")
                elif box_factor > 0:  # the same box on another trip: linked through the equipment only
                    push(("c", rid), strength * box_factor, hops, seed, node, "carried on another trip")
    res.reached = {node: Reached(*item) for node, item in state.items()}
    return res


def container_ids(facts: RiskFacts, wanted: set[str]) -> dict[str, str]:
    """Container node id -> number, for the flagged ones only (hashing every number of a million records to
    find a few flagged ones took seconds)."""
    found: dict[str, str] = {}
    if not wanted:
        return found
    for rec in facts.records.values():
        for box in rec.containers:
            node_id = ids.shared_node_id("Container", box)
            if node_id in wanted and node_id not in found:
                found[node_id] = box
                if len(found) == len(wanted):
                    return found
    return found
