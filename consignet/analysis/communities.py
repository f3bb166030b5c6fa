"""Communities: connected components and Louvain on the actor-actor projection.

The projection links two actors that are trading parties (consignor, consignee, notify, buyer, seller) of
one consignment, weighted by the number of such consignments, and two actors that use the same tax id,
phone, e-mail or address, weighted by the number of identifiers they share (common identifiers, used by
``common_threshold`` actors or more, are no links, as in link analysis). Carriers and forwarders are not
in it: they serve everybody and would glue every ring to every other.

Neo4j Community has no Graph Data Science library, so on both backends only actor ids and link weights
are loaded (the facts reads) into networkx, which computes; the result is stored beside the graph.
A community's id is a hash of its sorted members, so it stays the same while its members do.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from consignet import ids
from consignet.analysis.facts import RiskFacts
from consignet.analysis.weights import Weights


@dataclass
class Communities:
    members: dict[str, list[str]] = field(default_factory=dict)  # community id -> sorted actor ids
    of: dict[str, str] = field(default_factory=dict)  # actor -> community id (actors with links only)
    component: dict[str, str] = field(default_factory=dict)  # community id -> component id
    component_size: dict[str, int] = field(default_factory=dict)  # component id -> actors
    actors: int = 0  # actors in the projection (with at least one link)
    links: int = 0

    def as_meta(self) -> dict[str, Any]:
        return {"communities": {cid: {"members": m, "component": self.component[cid]}
                                for cid, m in self.members.items()},
                "component_size": self.component_size, "actors": self.actors, "links": self.links}

    @classmethod
    def from_meta(cls, data: dict[str, Any] | None) -> Communities:
        out = cls()
        for cid, item in ((data or {}).get("communities") or {}).items():
            out.members[cid] = list(item["members"])
            out.component[cid] = item["component"]
            for actor in item["members"]:
                out.of[actor] = cid
        out.component_size = dict((data or {}).get("component_size") or {})
        out.actors, out.links = (data or {}).get("actors", 0), (data or {}).get("links", 0)
        return out


def community_id(members: list[str]) -> str:
    return "com_" + ids.digest("Community", *sorted(members))


def component_id(members: list[str]) -> str:
    return "cmp_" + ids.digest("Component", *sorted(members))


def projection_weights(facts: RiskFacts, w: Weights) -> dict[tuple[str, str], list[float]]:
    """(a, b) with a < b -> [weight, consignments, identifiers]."""
    params = w.communities
    links: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0, 0])
    for rec in facts.records.values():
        actors = sorted({p.actor for p in rec.trade_parties() if p.actor})
        for i, a in enumerate(actors):
            for b in actors[i + 1:]:
                link = links[(a, b)]
                link[0] += params.cooccurrence_weight
                link[1] += 1
    for group in facts.identifiers:
        actors = sorted(group.actors)
        if not 2 <= len(actors) < w.common_threshold:
            continue
        for i, a in enumerate(actors):
            for b in actors[i + 1:]:
                link = links[(a, b)]
                link[0] += params.identifier_weight
                link[2] += 1
    return dict(links)


def edge_list(links: dict[tuple[str, str], list[float]]) -> list[tuple[str, str, float]]:
    """The projection as (a, b, weight), sorted: the same data give the same graph, hence the same partition."""
    return [(a, b, v[0]) for (a, b), v in sorted(links.items())]


def partition(edges: list[tuple[str, str, float]], resolution: float, seed: int
              ) -> tuple[list[list[str]], list[list[str]]]:
    """(components, Louvain communities) of the weighted projection, members sorted. A plain function of
    plain data: it also runs in a worker process beside the risk indicators (see service)."""
    graph = nx.Graph()
    graph.add_weighted_edges_from(edges)
    components = [sorted(c) for c in nx.connected_components(graph)]
    parts = nx.community.louvain_communities(graph, weight="weight", resolution=resolution, seed=seed)
    return components, [sorted(p) for p in parts]


class PartitionWorker:
    """``partition`` in a child process (``python -m consignet.analysis.communities IN OUT``), so that Louvain
    runs on the second core while this process computes the indicators. A plain command, not
    multiprocessing: a spawned multiprocessing child re-imports the caller's main script, which a script
    without a ``__main__`` guard would run again; forking a process with driver or server threads is unsafe."""

    def __init__(self, edges: list[tuple[str, str, float]], resolution: float, seed: int) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix="consignet-louvain-")
        self._in, self._out = Path(self._dir.name) / "in.pickle", Path(self._dir.name) / "out.pickle"
        with self._in.open("wb") as fh:
            pickle.dump((edges, resolution, seed), fh, protocol=pickle.HIGHEST_PROTOCOL)
        self._proc = subprocess.Popen([sys.executable, "-m", "consignet.analysis.communities", str(self._in),
                                       str(self._out)], stderr=subprocess.PIPE)

    def result(self) -> tuple[list[list[str]], list[list[str]]]:
        _, err = self._proc.communicate()
        if self._proc.returncode != 0:
            raise RuntimeError(f"the Louvain worker failed: {err.decode(errors='replace')[-2000:]}")
        with self._out.open("rb") as fh:
            return pickle.load(fh)  # written by this package's own worker, in a private temporary folder

    def __enter__(self) -> PartitionWorker:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._proc.poll() is None:
            self._proc.kill()
            self._proc.wait()
        self._dir.cleanup()


def assemble(components: list[list[str]], parts: list[list[str]], links: int) -> Communities:
    out = Communities(actors=sum(len(c) for c in components), links=links)
    comp_of: dict[str, str] = {}
    for members in components:
        cid = component_id(members)
        out.component_size[cid] = len(members)
        for actor in members:
            comp_of[actor] = cid
    for members in sorted(parts):
        cid = community_id(members)
        out.members[cid] = members
        out.component[cid] = comp_of[members[0]]
        for actor in members:
            out.of[actor] = cid
    out.members = dict(sorted(out.members.items()))
    return out


def compute(facts: RiskFacts, w: Weights) -> Communities:
    """Louvain (networkx, seeded) on each run of the same data gives the same partition: nodes and links are
    added in sorted order, and the seed is fixed in the weights file."""
    links = projection_weights(facts, w)
    if not links:
        return Communities()
    components, parts = partition(edge_list(links), w.communities.resolution, w.communities.seed)
    return assemble(components, parts, len(links))


def community_links(facts: RiskFacts, w: Weights, members: list[str]) -> list[dict[str, Any]]:
    """The projection links among ``members`` with the records and identifiers behind each."""
    inside = set(members)
    found: dict[tuple[str, str], dict[str, Any]] = {}

    def link(a: str, b: str) -> dict[str, Any]:
        key = (a, b) if a < b else (b, a)
        return found.setdefault(key, {"source": key[0], "target": key[1], "records": set(), "identifiers": set()})

    for actor in members:
        for rid in facts.records_of(actor):
            rec = facts.records[rid]
            for p in rec.trade_parties():
                if p.actor in inside and p.actor != actor:
                    link(actor, p.actor)["records"].add(rid)
    for group in facts.identifiers:
        actors = sorted(group.actors & inside)
        if len(actors) < 2 or len(group.actors) >= w.common_threshold:
            continue
        for i, a in enumerate(actors):
            for b in actors[i + 1:]:
                item = link(a, b)
                item["identifiers"].add(group.id)
                item["records"].update(r for x, r in group.uses if x in (a, b))
    params = w.communities
    out = []
    for key in sorted(found):
        item = found[key]
        shared = {r for r in item["records"] if r in facts.records and {key[0], key[1]} <= {
            p.actor for p in facts.records[r].trade_parties()}}
        out.append({**item, "records": sorted(item["records"]), "identifiers": sorted(item["identifiers"]),
                    "consignments": len(shared),
                    "weight": params.cooccurrence_weight * len(shared)
                    + params.identifier_weight * len(item["identifiers"])})
    return out


if __name__ == "__main__":  # the worker of PartitionWorker
    with open(sys.argv[1], "rb") as _fh:
        _edges, _resolution, _seed = pickle.load(_fh)
    _parts = partition(_edges, _resolution, _seed)
    with open(sys.argv[2], "wb") as _fh:
        pickle.dump(_parts, _fh, protocol=pickle.HIGHEST_PROTOCOL)
