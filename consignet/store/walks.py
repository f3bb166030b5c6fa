"""The two walks of link analysis, written once for both backends.

Each backend gives a small ``expand`` step (a Cypher query on Neo4j, a loop over networkx on the embedded
store); the walks here decide what to expand and when to stop, so both answer the same and only the
bounded frontier ever reaches Python.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from consignet.store.analysis import MAX_PATHS_ENUMERATED, MAX_VISITED, common_flags

Expand = Callable[[list[str], set[str], int], list[dict[str, Any]]]
ExpandPairs = Callable[[list[str], set[str], set[str]], list[tuple[str, str]]]
MeetPairs = Callable[[list[str], list[str], set[str]], list[tuple[str, str]]]


def walk_neighbourhood(start: dict[str, Any], hops: int, limit: int, via: Sequence[str], threshold: int,
                       expand: Expand) -> tuple[dict[str, dict[str, Any]], bool]:
    """Breadth-first, nearest first: at each hop the new neighbours of the expandable frontier, ordered by
    id, up to what is left of ``limit`` nodes. Hubs and common identifiers are kept as leaves.

    ``expand(frontier_ids, seen_ids, max_rows)`` returns new neighbour nodes ``{id, label, labels, props,
    measure}`` ordered by id (at most ``max_rows``)."""
    start = {**start, "hop": 0, "expanded": True, "hub": False, "common": False}
    nodes = {start["id"]: start}
    frontier = [start]
    capped = False
    for hop in range(1, hops + 1):
        expandable = [n["id"] for n in frontier if n["expanded"]]
        if not expandable:
            break
        room = limit - len(nodes)
        found = expand(expandable, set(nodes), room + 1)
        if len(found) > room:
            capped, found = True, found[:room]
        frontier = []
        for node in found:
            hub, common = common_flags(node["label"], node.get("measure"), via, threshold)
            node.update(hop=hop, hub=hub, common=common, expanded=not (hub or common))
            nodes[node["id"]] = node
            frontier.append(node)
        if capped:
            break
    return nodes, capped


@dataclass
class PathSearch:
    length: int | None = None
    paths: list[list[str]] = field(default_factory=list)
    total: int = 0
    capped: bool = False  # the search reached MAX_VISITED nodes before an answer
    truncated: bool = False  # more shortest paths exist than were enumerated


def search_paths(source: str, target: str, max_length: int, expand: ExpandPairs, max_paths: int,
                 max_visited: int = MAX_VISITED, meet: MeetPairs | None = None) -> PathSearch:
    """All shortest paths by bidirectional breadth-first search, expanding the smaller side each step.

    ``expand(frontier_ids, keep, seen)`` returns ``(node, neighbour)`` pairs for the allowed neighbours not
    in ``seen`` (the endpoints in ``keep`` are always allowed). ``meet(frontier_ids, other_ids, keep)``
    returns the same pairs restricted to neighbours in ``other_ids`` (the other side's frontier): it is
    asked first, so a frontier whose neighbours run to hundreds of thousands (the mentions of big actors)
    is only listed when the two sides do not meet at this step, and never on the last step the length
    allows. Any neighbour already reached by the other side is in its frontier (a node of an older level
    would have met earlier), so the meeting pairs are exactly the pairs the full step would have met on.
    The parents of each side form a bounded DAG that networkx enumerates; paths are returned ordered by
    their node ids (so both backends answer the same)."""
    dist = {source: {source: 0}, target: {target: 0}}
    parents: dict[str, dict[str, set[str]]] = {source: defaultdict(set), target: defaultdict(set)}
    frontier = {source: [source], target: [target]}
    depth = {source: 0, target: 0}
    keep = {source, target}
    met: set[str] = set()
    while depth[source] + depth[target] < max_length and frontier[source] and frontier[target]:
        side = source if len(frontier[source]) <= len(frontier[target]) else target
        other = target if side == source else source
        last = depth[source] + depth[target] + 1 >= max_length
        if meet is not None:
            pairs = meet(frontier[side], frontier[other], keep)
            if not pairs and last:
                break  # no path within max_length: the last level need not be listed
        else:
            pairs = []
        if not pairs:
            pairs = expand(frontier[side], keep, set(dist[side]))
        new: set[str] = set()
        for node, neighbour in pairs:
            known = dist[side].get(neighbour)
            if known is None:
                dist[side][neighbour] = depth[side] + 1
                new.add(neighbour)
            elif known != depth[side] + 1:
                continue
            parents[side][neighbour].add(node)
        depth[side] += 1
        frontier[side] = sorted(new)
        met = {n for n in new if n in dist[other]}
        if met:
            break
        if len(dist[source]) + len(dist[target]) > max_visited:
            return PathSearch(capped=True)
    if not met:
        return PathSearch()
    dag = nx.DiGraph()
    for node, ps in parents[source].items():
        dag.add_edges_from((p, node) for p in ps)
    for node, ps in parents[target].items():
        dag.add_edges_from((node, p) for p in ps)
    found = list(itertools.islice(nx.all_shortest_paths(dag, source, target), MAX_PATHS_ENUMERATED + 1))
    truncated = len(found) > MAX_PATHS_ENUMERATED
    found = sorted(found[:MAX_PATHS_ENUMERATED])
    return PathSearch(length=len(found[0]) - 1, paths=found[:max_paths], total=len(found), truncated=truncated)
