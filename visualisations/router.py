"""``GET /views/...``: the same pages as ``consignet view ...``, as ``text/html``.

Parameters have the names and limits of the JSON routes they draw (``/nodes/{id}/neighbourhood``,
``/paths``, ``/actors/repeat``, ``/containers/{number}``), plus ``max_nodes``, the view's cap.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse

from consignet.api.deps import FiltersDep, ListParam, SettingsDep, StoreDep, ViewerDep, split
from consignet.settings import Settings
from consignet.store.analysis import COMMON_THRESHOLD, MAX_HOPS, MAX_PATH_LENGTH
from consignet.visualisations import history_views, network_views
from consignet.visualisations.graph import ViewGraph
from consignet.visualisations.page import render

router = APIRouter(prefix="/views", tags=["views"])
HTML = {"content": {"text/html": {}}, "description": "a self-contained HTML page (opens offline)"}
ERRORS = {404: {"description": "unknown id or number"}, 422: {"description": "bad parameter"}}
MaxNodes = Annotated[int | None, Query(ge=10, le=network_views.MAX_NODES_LIMIT,
                                       description="nodes at most (default: the installation's cap, 1,500); the "
                                                   "page says when it was cut")]
Threshold = Annotated[int, Query(ge=2, le=100_000, description="identifiers used by this many actors are common")]
VIA = ("pass through these even so: Country, Port, Commodity, Route, and/or common (identifiers used by "
       "common_threshold actors or more)")


def cap(settings: Settings, max_nodes: int | None) -> int:
    """The request's cap, else the installation's (``view_max_nodes`` when the settings have it)."""
    return max_nodes or int(getattr(settings, "view_max_nodes", network_views.DEFAULT_MAX_NODES))


def page(graph: ViewGraph) -> HTMLResponse:
    return HTMLResponse(render(graph), headers={"Cache-Control": "no-store"})


@router.get("/actor/{actor_id}", response_class=HTMLResponse, responses={200: HTML, **ERRORS})
def actor(actor_id: str, store: StoreDep, viewer: ViewerDep, filters: FiltersDep, settings: SettingsDep,
          hops: Annotated[int, Query(ge=1, le=MAX_HOPS)] = 2,
          via: Annotated[list[str] | None, Query(description=VIA)] = None,
          rel_types: ListParam = None, labels: ListParam = None,
          common_threshold: Threshold = COMMON_THRESHOLD, max_nodes: MaxNodes = None) -> HTMLResponse:
    """An actor's network (any node id works): the nodes within ``hops`` links, nearest first. By default
    the actor links (shipments, shared identifiers and containers, seizures, flags); ``rel_types`` asks
    for others (e.g. HAS_PARTY, RESOLVES_TO, ON_VESSEL)."""
    return page(network_views.actor_view(
        store, actor_id, viewer, hops=hops, via=split(via), rel_types=split(rel_types) or None,
        labels=split(labels) or None, filters=filters, common_threshold=common_threshold,
        max_nodes=cap(settings, max_nodes)))


@router.get("/paths", response_class=HTMLResponse, responses={200: HTML, **ERRORS})
def paths(store: StoreDep, viewer: ViewerDep, filters: FiltersDep, settings: SettingsDep,
          source: Annotated[str, Query(alias="from", description="node id (usually an actor)")],
          target: Annotated[str, Query(alias="to", description="node id (usually an actor)")],
          max_length: Annotated[int, Query(ge=1, le=MAX_PATH_LENGTH)] = 6,
          all: Annotated[bool, Query(description="all shortest paths (up to limit), not only the first")] = True,  # noqa: A002
          limit: Annotated[int, Query(ge=1, le=100, description="paths at most")] = 10,
          via: Annotated[list[str] | None, Query(description=VIA)] = None, rel_types: ListParam = None,
          common_threshold: Threshold = COMMON_THRESHOLD, max_nodes: MaxNodes = None) -> HTMLResponse:
    """The shortest chains of links between two actors, left to right, each link with its records."""
    return page(network_views.paths_view(
        store, source, target, viewer, max_length=max_length, all_paths=all, limit=limit, via=split(via),
        rel_types=split(rel_types) or None, filters=filters, common_threshold=common_threshold,
        max_nodes=cap(settings, max_nodes)))


@router.get("/community/{community_id}", response_class=HTMLResponse,
            responses={200: HTML, 501: {"description": "communities not available"}, **ERRORS})
def community(community_id: str, store: StoreDep, viewer: ViewerDep, filters: FiltersDep, settings: SettingsDep,
              common_threshold: Threshold = COMMON_THRESHOLD, max_nodes: MaxNodes = None) -> HTMLResponse:
    """A community's actors and the nodes that tie two or more of them (shared phone, container, a
    shipment between them), with the seizures on those."""
    return page(network_views.community_view(store, community_id, viewer, filters=filters,
                                             common_threshold=common_threshold, max_nodes=cap(settings, max_nodes)))


@router.get("/repeat-actors", response_class=HTMLResponse, responses={200: HTML, 422: ERRORS[422]})
def repeat_actors(store: StoreDep, viewer: ViewerDep, filters: FiltersDep, settings: SettingsDep,
                  min_countries: Annotated[int, Query(ge=1, le=250)] = 2,
                  limit: Annotated[int, Query(ge=1, le=500, description="actors")] = 50,
                  offset: Annotated[int, Query(ge=0)] = 0,
                  counterparties: Annotated[int, Query(ge=0, le=100)] = 5,
                  max_nodes: MaxNodes = None) -> HTMLResponse:
    """The actors seen in records of ``min_countries`` or more member countries (ranked as
    ``/actors/repeat``), placed among the countries whose records name them, with who they ship with."""
    return page(history_views.repeat_actors_view(
        store, viewer, min_countries=min_countries, filters=filters, limit=limit, offset=offset,
        counterparties=counterparties, max_nodes=cap(settings, max_nodes)))


@router.get("/container/{number}", response_class=HTMLResponse, responses={200: HTML, **ERRORS})
def container(number: str, store: StoreDep, viewer: ViewerDep, settings: SettingsDep,
              limit: Annotated[int, Query(ge=1, le=500, description="records")] = 50,
              offset: Annotated[int, Query(ge=0)] = 0,
              window_days: Annotated[int, Query(ge=0, le=365)] = 14,
              min_owners: Annotated[int, Query(ge=2, le=1000)] = 3,
              max_nodes: MaxNodes = None) -> HTMLResponse:
    """A container number's records in date order with their parties, ships, ports and seizures; clone
    signs (one box in two places, reuse by unrelated actors) drawn as red dashed lines."""
    return page(history_views.container_view(
        store, number, viewer, limit=limit, offset=offset, window_days=window_days, min_owners=min_owners,
        max_nodes=cap(settings, max_nodes)))
