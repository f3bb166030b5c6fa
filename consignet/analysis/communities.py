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

import gc
import hashlib
import pickle
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from consignet import ids
from consignet.analysis.facts import RiskFacts
from consignet.analysis.weights import Weights
from consignet.store.risk_reads import TRADE_ROLES


@dataclass
class Communities:
    members: dict[str, list[str]] = field(default_factory=dict)  # community id -> sorted actor ids
    of: dict[str, str] = field(default_factory=dict)  # actor -> community id (actors with links only)
    component: dict[str, str] = field(default_factory=dict)  # community id -> component id
    component_size: dict[str, int] = field(default_factory=dict)  # component id -> actors
    actors: int = 0  # actors in the projection (with at least one link)
    links: int = 0
    digest: str | None = None  # of the projection and Louvain's parameters (see edges_digest)

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


@dataclass
class Projection:
    """What the actor projection is made of, counted once: each set of trading parties of a consignment with
    the number of consignments it is on, and the actor sets of the shared (not common) identifiers. Small
    beside the million records it comes from, so it is cheap to hand to a worker process, which makes the
    links itself while this process computes the indicators."""

    party_sets: dict[tuple[str, ...], int]
    identifier_sets: list[tuple[str, ...]]
    cooccurrence_weight: float
    identifier_weight: float


def projection(facts: RiskFacts, w: Weights) -> Projection:
    sets: dict[tuple[str, ...], int] = defaultdict(int)
    for rec in facts.records.values():
        actors = {p.actor for p in rec.parties if p.actor and p.role in TRADE_ROLES}
        if len(actors) > 1:
            sets[tuple(sorted(actors))] += 1
    idents = [tuple(sorted(g.actors)) for g in facts.identifiers]
    return Projection(dict(sets), [a for a in idents if 2 <= len(a) < w.common_threshold],
                      w.communities.cooccurrence_weight, w.communities.identifier_weight)


def link_counts(proj: Projection) -> tuple[list[str], int, Counter[int], Counter[int]]:
    """(actors sorted, n, consignments, identifiers): the counts per link, keyed a * n + b with a < b the
    actors' positions, so that the keys sort as the (a, b) pairs do. Ints and C-level counting, not a dict
    of tuples: a million consignments make three million pairs."""
    actors = sorted({a for s in proj.party_sets for a in s} | {a for s in proj.identifier_sets for a in s})
    index = {a: i for i, a in enumerate(actors)}
    n = len(actors)

    def pairs(sets: Iterable[tuple[str, ...]], repeated: Counter[int], counts: dict[tuple[str, ...], int]) -> list[int]:
        keys: list[int] = []
        for members in sets:
            at = [index[a] for a in members]  # ascending: members are sorted, and so are the positions
            times = counts.get(members, 1)
            for i in range(len(at) - 1):
                base = at[i] * n
                for b in at[i + 1:]:
                    if times == 1:
                        keys.append(base + b)
                    else:
                        repeated[base + b] += times
        return keys

    repeated: Counter[int] = Counter()
    consignments = Counter(pairs(proj.party_sets, repeated, proj.party_sets))
    consignments.update(repeated)
    identifiers = Counter(pairs(proj.identifier_sets, Counter(), {}))
    return actors, n, consignments, identifiers


def _weight(proj: Projection, consignments: int, identifiers: int) -> float:
    # Added one by one, consignments first, as the links were always summed: the same floats to the last bit
    # whatever the weights (a product would round differently), hence the same partition.
    total = 0.0
    for _ in range(consignments):
        total += proj.cooccurrence_weight
    for _ in range(identifiers):
        total += proj.identifier_weight
    return total


def edge_list(proj: Projection) -> list[tuple[str, str, float]]:
    """The projection as (a, b, weight), sorted: the same data give the same graph, hence the same partition."""
    actors, n, consignments, identifiers = link_counts(proj)
    weights: dict[tuple[int, int], float] = {}
    out = []
    for key in sorted(consignments.keys() | identifiers.keys()):
        counts = (consignments.get(key, 0), identifiers.get(key, 0))
        if counts not in weights:
            weights[counts] = _weight(proj, *counts)
        out.append((actors[key // n], actors[key % n], weights[counts]))
    return out


def edges_digest(edges: list[tuple[str, str, float]], resolution: float, seed: int) -> str:
    """Names the projection and Louvain's parameters: an unchanged digest means an unchanged partition."""
    h = hashlib.blake2b(f"{resolution!r}|{seed!r}".encode(), digest_size=16)
    for start in range(0, len(edges), 100_000):
        h.update("\n".join(f"{a}\t{b}\t{x!r}" for a, b, x in edges[start:start + 100_000]).encode())
        h.update(b"\n")
    return h.hexdigest()


Parts = tuple[list[list[str]], list[list[str]]]


def partition(edges: list[tuple[str, str, float]], resolution: float, seed: int) -> Parts:
    """(components, Louvain communities) of the weighted projection, members sorted. A plain function of
    plain data: it also runs in a worker process beside the risk indicators (see service)."""
    graph = nx.Graph()
    graph.add_weighted_edges_from(edges)
    components = [sorted(c) for c in nx.connected_components(graph)]
    parts = nx.community.louvain_communities(graph, weight="weight", resolution=resolution, seed=seed)
    return components, [sorted(p) for p in parts]


def run(proj: Projection, resolution: float, seed: int, previous: str | None = None
        ) -> tuple[str, int, Parts | None]:
    """(projection digest, links, partition); the partition is None when the digest equals ``previous``
    (the stored communities are the ones Louvain would give again)."""
    edges = edge_list(proj)
    digest = edges_digest(edges, resolution, seed)
    if digest == previous:
        return digest, len(edges), None
    return digest, len(edges), (partition(edges, resolution, seed) if edges else ([], []))


class PartitionWorker:
    """``run`` in a child process (``python -m consignet.analysis.communities IN OUT``), so that Louvain
    runs on the second core while this process computes the indicators. A plain command, not
    multiprocessing: a spawned multiprocessing child re-imports the caller's main script, which a script
    without a ``__main__`` guard would run again; forking a process with driver or server threads is unsafe."""

    def __init__(self, proj: Projection, resolution: float, seed: int, previous: str | None = None) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix="consignet-louvain-")
        self._in, self._out = Path(self._dir.name) / "in.pickle", Path(self._dir.name) / "out.pickle"
        with self._in.open("wb") as fh:
            pickle.dump((proj, resolution, seed, previous), fh, protocol=pickle.HIGHEST_PROTOCOL)
        self._proc = subprocess.Popen([sys.executable, "-m", "consignet.analysis.communities", str(self._in),
                                       str(self._out)], stderr=subprocess.PIPE)

    def result(self) -> tuple[str, int, Parts | None]:
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
    edges = edge_list(projection(facts, w))
    if not edges:
        return Communities()
    components, parts = partition(edges, w.communities.resolution, w.communities.seed)
    return assemble(components, parts, len(edges))


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
    # No cyclic collections: the graph is millions of dicts that live until the end, and each full collection
    # walks them all (reference counting frees what Louvain drops).
    gc.disable()
    with open(sys.argv[1], "rb") as _fh:
        _args = pickle.load(_fh)
    _result = run(*_args)
    with open(sys.argv[2], "wb") as _fh:
        pickle.dump(_result, _fh, protocol=pickle.HIGHEST_PROTOCOL)
