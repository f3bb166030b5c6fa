"""Views built on the walks: an actor's network, the paths between two actors, a community (or any set
of actors, such as a planted network in the demo).

Every view calls the analysis reads the API answers with (``consignet.store.analysis``), with the same
parameters, so a view shows what ``GET /nodes/{id}/neighbourhood`` or ``GET /paths`` would answer.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from consignet.errors import InputError, NotFoundError, NotSupported
from consignet.scope import Viewer
from consignet.store.analysis import COMMON_THRESHOLD, Filters
from consignet.visualisations.graph import ViewGraph

# An actor's network by default: who shipped to whom, shared identifiers and containers, and the
# seizures and flags on them. Record-level links (parties, ports, vessels) are asked for with rel_types.
ACTOR_LINKS = ("SHIPPED_TO", "USES_IDENTIFIER", "USED_CONTAINER", "SEIZED", "SEIZED_CONTAINER", "FLAGS")
DEFAULT_MAX_NODES = 1500
MAX_NODES_LIMIT = 5000
EVIDENCE = 3  # records per node and link, as in the API's default
MAX_GROUP = 500  # actors at most in a community view
MEMBER_WALK = 500  # nodes walked around each member (nearest first: its own links come first)


def analysis(store: Any) -> Any:
    """The store with the analysis reads (as the API uses it)."""
    from consignet.api.deps import with_analysis

    return with_analysis(store)


def check_max_nodes(max_nodes: int) -> int:
    if not 10 <= max_nodes <= MAX_NODES_LIMIT:
        raise InputError(f"max_nodes must be between 10 and {MAX_NODES_LIMIT:,}, got {max_nodes}")
    return max_nodes


def filter_parameters(filters: Filters) -> dict[str, Any]:
    dates = None
    if filters.date_from or filters.date_to:
        dates = f"{filters.date_from or '…'} → {filters.date_to or '…'}"
    return {"dates": dates, "countries": list(filters.countries or []), "HS": filters.hs_prefix}


FILTER_HINT = "a date range (date_from, date_to), countries or an HS prefix (hs)"


def _finish(graph: ViewGraph, max_nodes: int) -> ViewGraph:
    graph.fold_mentions()
    graph.mark_alerts()
    graph.cap(max_nodes, graph.narrow_hint)
    return graph


def actor_view(store: Any, actor_id: str, viewer: Viewer, *, hops: int = 2, via: Sequence[str] = (),
               rel_types: Sequence[str] | None = None, labels: Sequence[str] | None = None,
               filters: Filters = Filters(), common_threshold: int = COMMON_THRESHOLD,
               max_nodes: int = DEFAULT_MAX_NODES) -> ViewGraph:
    """The nodes within ``hops`` links of an actor (or any node), nearest first, up to ``max_nodes``."""
    reads = analysis(store)
    check_max_nodes(max_nodes)
    start = reads.resolve_actor_id(actor_id)
    types = list(rel_types) if rel_types else list(ACTOR_LINKS)
    answer = reads.neighbourhood(start, viewer, hops=hops, limit=max_nodes, via=via, rel_types=types,
                                 labels=labels, filters=filters, common_threshold=common_threshold,
                                 evidence_limit=EVIDENCE)
    center = next((n for n in answer["nodes"] if n["id"] == answer["center"]), None)
    name = center["name"] if center else actor_id
    graph = ViewGraph("actor", f"Network of {name}", backend=reads.backend, roots=[answer["center"]],
                      narrow_hint=f"fewer hops, fewer link types (rel_types) or node labels (labels), {FILTER_HINT}.")
    graph.parameters = {"hops": hops, "links": types if rel_types else "actor links (default)",
                        "node labels": list(labels or []), "via": list(via or []), **filter_parameters(filters),
                        "common threshold": common_threshold if common_threshold != COMMON_THRESHOLD else None,
                        "max nodes": max_nodes}
    graph.add_answer(answer)
    graph.nodes[answer["center"]].focus = True
    if answer.get("capped"):
        graph.note_cut(f"More nodes are within {hops} hop(s): the view stops at {max_nodes:,} nodes, nearest first.")
    return _finish(graph, max_nodes)


def paths_view(store: Any, source: str, target: str, viewer: Viewer, *, max_length: int = 6,
               all_paths: bool = True, limit: int = 10, via: Sequence[str] = (),
               rel_types: Sequence[str] | None = None, filters: Filters = Filters(),
               common_threshold: int = COMMON_THRESHOLD, max_nodes: int = DEFAULT_MAX_NODES) -> ViewGraph:
    """The shortest chains of links between two nodes, each link with the records behind it."""
    reads = analysis(store)
    check_max_nodes(max_nodes)
    a, b = reads.resolve_actor_id(source), reads.resolve_actor_id(target)
    answer = reads.paths(a, b, viewer, max_length=max_length, all_paths=all_paths, limit=limit, via=via,
                         rel_types=rel_types, filters=filters, common_threshold=common_threshold,
                         evidence_limit=EVIDENCE)
    ends = reads.node_summaries([a, b], viewer)
    names = [ends.get(x, {}).get("name") or x for x in (a, b)]
    graph = ViewGraph("paths", f"Paths between {names[0]} and {names[1]}", backend=reads.backend, roots=[a, b],
                      layout="layered", narrow_hint=f"fewer paths (limit), {FILTER_HINT}.")
    graph.parameters = {"max length": max_length, "all shortest paths": all_paths, "paths at most": limit,
                        "links": list(rel_types or []), "via": list(via or []), **filter_parameters(filters),
                        "common threshold": common_threshold if common_threshold != COMMON_THRESHOLD else None}
    for i, path in enumerate(answer["paths"]):
        graph.add_answer(path, rank_offset=i * 100)
    for x in (a, b):
        if x in ends:
            graph.add_answer_node({**ends[x], "hop": 0}, rank=-1, focus=True)
        elif x in graph.nodes:
            graph.nodes[x].focus = True
    if not answer["found"]:
        why = " (the search gave up: the graph around them is too large; narrow it)" if answer["search_capped"] else ""
        graph.notes.append(f"No chain of at most {max_length} links joins them{why}. Hubs (countries, ports, "
                           "goods, routes) and common identifiers are not walked through unless named in via.")
    else:
        graph.notes.append(f"{answer['total_paths']:,} shortest path(s) of {answer['length']} link(s) found"
                           + (f"; {len(answer['paths'])} drawn." if len(answer["paths"]) < answer["total_paths"]
                              else "."))
        if answer["truncated"]:
            graph.note_cut("More shortest paths exist than were listed.")
    return _finish(graph, max_nodes)


def _members(raw: Any) -> list[str]:
    """Actor ids from what ``community_members`` answers: ids, dicts with ``id``, or a dict holding them."""
    if isinstance(raw, dict):
        raw = raw.get("members") or raw.get("actors") or raw.get("items") or []
    out = []
    for item in raw or []:
        value = item.get("id") if isinstance(item, dict) else item
        if value:
            out.append(str(value))
    return list(dict.fromkeys(out))


def community_lookup() -> Any:
    """``community_members(store, community_id, viewer)`` of the communities analysis (issue 7 put it in
    ``consignet.analysis.service``; ``consignet.analysis.communities`` is looked at first)."""
    import importlib

    for module in ("consignet.analysis.communities", "consignet.analysis.service"):
        try:
            found = getattr(importlib.import_module(module), "community_members", None)
        except ImportError:
            continue
        if found is not None:
            return found
    raise NotSupported("communities are not available in this installation (consignet.analysis)")


def community_view(store: Any, community_id: str, viewer: Viewer, *, filters: Filters = Filters(),
                   common_threshold: int = COMMON_THRESHOLD, max_nodes: int = DEFAULT_MAX_NODES,
                   members: Iterable[str] | None = None) -> ViewGraph:
    """A community's actors and what ties them together; ``members`` skips the community lookup."""
    if members is None:
        members = _members(community_lookup()(analysis(store), community_id, viewer))
    return group_view(store, list(members), viewer, title=f"Community {community_id}", kind="community",
                      filters=filters, common_threshold=common_threshold, max_nodes=max_nodes,
                      parameters={"community": community_id})


def group_view(store: Any, actor_ids: Sequence[str], viewer: Viewer, *, title: str, kind: str = "community",
               filters: Filters = Filters(), common_threshold: int = COMMON_THRESHOLD,
               max_nodes: int = DEFAULT_MAX_NODES, parameters: dict[str, Any] | None = None,
               description: str | None = None) -> ViewGraph:
    """Actors and the nodes that tie at least two of them (a shared phone, container, a shipment between
    them), with the seizures and flags on those; from each actor's 2-hop network over the actor links."""
    reads = analysis(store)
    check_max_nodes(max_nodes)
    members = list(dict.fromkeys(reads.resolve_actor_id(a) for a in actor_ids))
    if not members:
        raise InputError("no actors to show")
    if len(members) > MAX_GROUP:
        raise InputError(f"{len(members):,} actors: a view shows at most {MAX_GROUP}")
    found = ViewGraph(kind, title)
    for i, member in enumerate(members):
        try:
            answer = reads.neighbourhood(member, viewer, hops=2, limit=min(max_nodes, MEMBER_WALK),
                                         rel_types=list(ACTOR_LINKS), filters=filters,
                                         common_threshold=common_threshold, evidence_limit=EVIDENCE)
        except NotFoundError:  # unknown, or not visible to this viewer: said in a note below
            continue
        found.add_answer(answer, rank_offset=(i + 1) * 10_000)
    member_set = {m for m in members if m in found.nodes}
    touching: Counter[str] = Counter()
    for a, b in found.edges:
        for x, y in ((a, b), (b, a)):
            if y in member_set and x not in member_set:
                touching[x] += 1
    keep = member_set | {n for n, k in touching.items() if k >= 2}
    keep |= {x for a, b in found.edges for x, y in ((a, b), (b, a))
             if y in keep and found.nodes[x].label in ("Seizure", "Flag")}
    graph = ViewGraph(kind, title, backend=reads.backend, roots=sorted(member_set, key=members.index),
                      narrow_hint=f"{FILTER_HINT}.")
    graph.parameters = {**(parameters or {}), "actors": len(members), **filter_parameters(filters),
                        "max nodes": max_nodes}
    if description:
        graph.notes.append(description)
    for node_id in sorted(keep, key=lambda n: (found.nodes[n].rank, n)):
        node = found.nodes[node_id]
        node.focus = node_id in member_set
        node.hop = 0 if node.focus else 1
        graph.add_node(node)
    for edge in found.edges.values():
        if edge.a in keep and edge.b in keep:
            for part in edge.parts:
                graph.add_part(part)
    missing = [m for m in members if m not in member_set]
    if missing:
        graph.notes.append(f"{len(missing)} actor(s) not visible or unknown: {', '.join(missing[:5])}")
    others = len(found.nodes) - len(keep)
    if others:
        graph.notes.append(f"{others:,} node(s) linked to only one of these actors are not drawn "
                           "(open that actor's view for them).")
    return _finish(graph, max_nodes)
