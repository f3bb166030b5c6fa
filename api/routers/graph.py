"""Nodes, neighbourhoods, paths and evidence."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from consignet.api.deps import EvidenceLimit, FiltersDep, ListParam, StoreDep, ViewerDep, split
from consignet.api.models import ErrorResponse, EvidencePage, Neighbourhood, NodeOut, Paths
from consignet.errors import InputError, NotFoundError
from consignet.store.analysis import COMMON_THRESHOLD, MAX_HOPS, MAX_PATH_LENGTH, link_evidence_key, node_evidence_key

router = APIRouter(tags=["graph"])
NOT_FOUND = {404: {"model": ErrorResponse, "description": "unknown node id"}}
VIA = ("pass through these even so: Country, Port, Commodity, Route, and/or common (identifiers used by "
       "common_threshold actors or more)")
Threshold = Annotated[int, Query(ge=2, le=100_000, description="identifiers used by this many actors are common")]


@router.get("/nodes/{node_id}", response_model=NodeOut, responses=NOT_FOUND)
def node(node_id: str, store: StoreDep, viewer: ViewerDep, evidence_limit: EvidenceLimit = 3) -> dict:
    """One node (any kind) with its supporting records."""
    found = store.node_summaries([node_id], viewer).get(node_id)
    if found is None:
        raise NotFoundError(f"no node with id {node_id!r}")
    found["evidence"] = store.evidence([node_evidence_key(node_id)], viewer, limit=evidence_limit)[
        node_evidence_key(node_id)]
    return found


@router.get("/nodes/{node_id}/neighbourhood", response_model=Neighbourhood, responses=NOT_FOUND)
def neighbourhood(node_id: str, store: StoreDep, viewer: ViewerDep, filters: FiltersDep,
                  hops: Annotated[int, Query(ge=1, le=MAX_HOPS)] = 2,
                  limit: Annotated[int, Query(ge=1, le=2000, description="nodes at most (the answer says "
                                                                         "when it was capped)")] = 100,
                  via: Annotated[list[str] | None, Query(description=VIA)] = None,
                  rel_types: ListParam = None, labels: ListParam = None,
                  common_threshold: Threshold = COMMON_THRESHOLD, evidence_limit: EvidenceLimit = 3) -> dict:
    """Nodes within ``hops`` links, nearest first, up to ``limit``. Hubs (countries, ports, commodities,
    routes) and common identifiers are shown but not walked through unless named in ``via``."""
    return store.neighbourhood(node_id, viewer, hops=hops, limit=limit, via=split(via), rel_types=split(rel_types),
                               labels=split(labels), filters=filters, common_threshold=common_threshold,
                               evidence_limit=evidence_limit)


@router.get("/paths", response_model=Paths, responses={**NOT_FOUND, 422: {"model": ErrorResponse}})
def paths(store: StoreDep, viewer: ViewerDep, filters: FiltersDep,
          source: Annotated[str, Query(alias="from", description="node id (usually an actor)")],
          target: Annotated[str, Query(alias="to", description="node id (usually an actor)")],
          max_length: Annotated[int, Query(ge=1, le=MAX_PATH_LENGTH)] = 6,
          all: Annotated[bool, Query(description="all shortest paths, not only the first")] = False,  # noqa: A002
          limit: Annotated[int, Query(ge=1, le=100, description="paths at most when all=true")] = 10,
          via: Annotated[list[str] | None, Query(description=VIA)] = None, rel_types: ListParam = None,
          common_threshold: Threshold = COMMON_THRESHOLD, evidence_limit: EvidenceLimit = 3) -> dict:
    """The shortest chain(s) of links between two nodes, each link with the records that support it."""
    return store.paths(source, target, viewer, max_length=max_length, all_paths=all, limit=limit, via=split(via),
                       rel_types=split(rel_types), filters=filters, common_threshold=common_threshold,
                       evidence_limit=evidence_limit)


@router.get("/evidence", response_model=EvidencePage, responses=NOT_FOUND)
def evidence(store: StoreDep, viewer: ViewerDep, filters: FiltersDep,
             node: Annotated[str | None, Query(description="a node id")] = None,
             source: Annotated[str | None, Query(alias="from", description="link start node id")] = None,
             target: Annotated[str | None, Query(alias="to", description="link end node id")] = None,
             type: Annotated[str | None, Query(description="link type, e.g. SHIPPED_TO")] = None,  # noqa: A002
             offset: Annotated[int, Query(ge=0)] = 0, limit: Annotated[int, Query(ge=1, le=500)] = 50) -> dict:
    """The supporting records of a node (``node=``) or a link (``from=&to=&type=``), page by page."""
    if node:
        ends, key = [node], node_evidence_key(node)
    elif source and target and type:
        ends, key = [source, target], link_evidence_key(type, source, target)
    else:
        raise InputError("give node=ID, or from=ID&to=ID&type=LINK_TYPE")
    known = store.node_summaries(ends, viewer)
    for end in ends:
        if end not in known:
            raise NotFoundError(f"no node with id {end!r}")
    return store.evidence([key], viewer, filters=filters, limit=limit, offset=offset)[key]
