"""Routes of communities, explained risk, seizures and flags, alerts and exports (``router``).

The store and the viewer come from the API's dependencies; errors are ``consignet.errors`` exceptions,
which the app turns into its JSON error shape. List routes answer JSON, or a table with ``?format=csv|xlsx``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel, Field

from consignet.analysis import alerts, answers, exports, reports, service
from consignet.analysis import export_ftm as ftm_export
from consignet.api.deps import FiltersDep, ListParam, StoreDep, ViewerDep, split

router = APIRouter(tags=["risk"])
Format = Annotated[Literal["json", "csv", "xlsx"], Query(description="json, or a table: csv or xlsx")]
Limit = Annotated[int, Query(ge=1, le=10_000, description="items per page")]
Offset = Annotated[int, Query(ge=0, description="items to skip")]
RecordLimit = Annotated[int, Query(ge=0, le=500, description="records listed per contribution")]
ACTOR_COLUMNS = ["rank", "id", "name", "score", "community", "records", "countries", "indicators", "sources"]
COMMUNITY_COLUMNS = ["id", "size", "score", "records", "countries", "component", "component_size", "top_members"]
ALERT_COLUMNS = ["id", "kind", "status", "created_at", "trigger", "record", "target", "via", "seen_by", "notes"]


class SeizureIn(BaseModel):
    record_id: str = Field(min_length=1, max_length=200, description="the seizure report's own id")
    originator: str | None = Field(None, description="reporting country, alpha-2 (default: the viewer's)")
    seizure_date: str | None = Field(None, description="YYYY-MM-DD")
    place: str | None = None
    reason: str | None = None
    goods_description: str | None = None
    hs_code: str | None = None
    quantity: float | None = None
    unit: str | None = None
    consignments: list[str] = Field(default_factory=list, description="ids of the consignments seized")
    containers: list[str] = Field(default_factory=list, description="ISO 6346 container numbers")
    actors: list[str] = Field(default_factory=list, description="ids of other actors the report names")
    scope_kind: str | None = Field(None, description="network (default) | countries | group | originator")
    scope_countries: list[str] = Field(default_factory=list)
    scope_group: str | None = None
    created_by: str | None = None


class FlagIn(BaseModel):
    target: str | None = Field(None, description="id of an actor, container, identifier, vessel, B/L or consignment")
    label: str | None = Field(None, description="or flag by value: Container, Phone, Email, Vessel or BillOfLading")
    value: str | None = None
    reason: str = Field(min_length=1, max_length=500)
    severity: Literal["low", "medium", "high"] = "high"
    note: str | None = None
    originator: str | None = None
    scope_kind: str | None = None
    scope_countries: list[str] = Field(default_factory=list)
    scope_group: str | None = None
    created_by: str | None = None


class SeenIn(BaseModel):
    by: str | None = None


class NoteIn(BaseModel):
    text: str = Field(min_length=1, max_length=10_000)
    by: str | None = None


def _table(answer: dict[str, Any], fmt: str, columns: Sequence[str], name: str, about: dict[str, Any],
           rows: Callable[[dict[str, Any]], list[dict[str, Any]]] = lambda a: a["items"]) -> Any:
    if fmt == "json":
        return answer
    items = rows(answer)
    if fmt == "csv":
        body = exports.to_csv(items, columns)
    else:
        body = exports.to_xlsx(items, columns, name, {**about, "total": answer.get("total"),
                                                      "offset": answer.get("offset"), "exported_at": service.now_iso()})
    return Response(body, media_type=exports.MEDIA_TYPES[fmt],
                    headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"'})


def _about(viewer: Any, model: Any) -> dict[str, Any]:
    return {"viewer": viewer.country or "all", "weights": model.weights.path, "weights_digest": model.weights.digest,
            "data_stamp": model.stamp}


@router.get("/communities")
def communities(store: StoreDep, viewer: ViewerDep, limit: Limit = 50, offset: Offset = 0,
                min_size: Annotated[int, Query(ge=1)] = 2, format: Format = "json") -> Any:  # noqa: A002
    """Communities (Louvain on the actor projection) by risk: size, countries, records, score, top members."""
    model = service.get_model(store, viewer)
    answer = answers.communities_list(model, limit=limit, offset=offset, min_size=min_size)
    return _table(answer, format, COMMUNITY_COLUMNS, "communities", _about(viewer, model))


@router.get("/communities/{community_id}")
def community(community_id: str, store: StoreDep, viewer: ViewerDep, record_limit: RecordLimit = 5,
              format: Format = "json") -> Any:  # noqa: A002
    """One community: members with their scores, the links among them with their records, and what makes
    its score (as CSV/XLSX: the members)."""
    model = service.get_model(store, viewer)
    answer = answers.community_detail(model, community_id, record_limit=record_limit)
    return _table(answer, format, ACTOR_COLUMNS, "community", {**_about(viewer, model), "community": community_id},
                  rows=lambda a: a["members"])


@router.get("/risk/actors")
def risk_actors(store: StoreDep, viewer: ViewerDep, limit: Limit = 50, offset: Offset = 0,
                min_score: Annotated[float, Query(ge=0)] = 0.0, format: Format = "json") -> Any:  # noqa: A002
    """Actors by risk score, each with its points per indicator and the first records behind them."""
    model = service.get_model(store, viewer)
    answer = answers.risk_actors(model, limit=limit, offset=offset, min_score=min_score)
    return _table(answer, format, ACTOR_COLUMNS, "risk-actors", _about(viewer, model))


@router.get("/risk/actors/{actor_id}")
def risk_actor(actor_id: str, store: StoreDep, viewer: ViewerDep, record_limit: RecordLimit = 20) -> dict:
    """An actor's score explained: every contribution with its weight, source and the records behind it."""
    model = service.get_model(store, viewer)
    return answers.risk_actor(model, store.resolve_actor_id(actor_id) if hasattr(store, "resolve_actor_id")
                              else actor_id, record_limit=record_limit)


@router.get("/risk/consignments/{consignment_id}")
def risk_consignment(consignment_id: str, store: StoreDep, viewer: ViewerDep, record_limit: RecordLimit = 20) -> dict:
    """A consignment's score explained: the indicators that fire on it, with the records behind each."""
    return answers.risk_consignment(service.get_model(store, viewer), consignment_id, record_limit=record_limit)


@router.post("/seizures", status_code=201)
def post_seizure(body: SeizureIn, store: StoreDep, viewer: ViewerDep) -> dict:
    """Record a seizure naming consignments, containers and actors (its scope defaults to the network)."""
    return reports.record_seizure(store, viewer, body.model_dump())


@router.post("/flags", status_code=201)
def post_flag(body: FlagIn, store: StoreDep, viewer: ViewerDep) -> dict:
    """Flag an actor, container, identifier, vessel, B/L or consignment (by id, or by label and value)."""
    return reports.record_flag(store, viewer, body.model_dump())


@router.get("/alerts")
def list_alerts(store: StoreDep, viewer: ViewerDep, status: Literal["new", "seen"] | None = None,
                kind: str | None = None, limit: Limit = 50, offset: Offset = 0, format: Format = "json") -> Any:  # noqa: A002
    """Alerts raised after ingests, newest first, each with what triggered it."""
    answer = alerts.list_alerts(store, viewer, status=status, kind=kind, limit=limit, offset=offset)
    return _table(answer, format, ALERT_COLUMNS, "alerts", {"viewer": viewer.country or "all"})


@router.post("/alerts/{alert_id}/seen")
def alert_seen(alert_id: str, store: StoreDep, viewer: ViewerDep, body: SeenIn | None = None) -> dict:
    """Mark an alert seen."""
    return alerts.mark_seen(store, alert_id, viewer, by=body.by if body else None)


@router.post("/alerts/{alert_id}/notes", status_code=201)
def alert_note(alert_id: str, body: NoteIn, store: StoreDep, viewer: ViewerDep) -> dict:
    """Add a case note to an alert (notes are appended, never overwritten)."""
    return alerts.add_note(store, alert_id, viewer, body.text, by=body.by)


def _subgraph(store: Any, viewer: Any, filters: Any, kind: str, node: str | None, community: str | None,
              source: str | None, target: str | None, hops: int, limit: int, max_length: int,
              via: list[str] | None, rel_types: list[str] | None) -> dict[str, Any]:
    return exports.subgraph(store, viewer, kind, node=node, community=community, source=source, target=target,
                            hops=hops, limit=limit, max_length=max_length, via=split(via),
                            rel_types=split(rel_types) or None, filters=filters)


Kind = Annotated[Literal["neighbourhood", "community", "path"], Query(description="what to export")]
Hops = Annotated[int, Query(ge=1, le=3)]
Nodes = Annotated[int, Query(ge=1, le=5000)]
MaxLength = Annotated[int, Query(ge=1, le=10)]
From = Annotated[str | None, Query(alias="from", description="path start (node id)")]
To = Annotated[str | None, Query(alias="to", description="path end (node id)")]


@router.get("/export/subgraph.graphml")
def export_graphml(store: StoreDep, viewer: ViewerDep, filters: FiltersDep, kind: Kind = "neighbourhood",
                   node: str | None = None, community: str | None = None, source: From = None, target: To = None,
                   hops: Hops = 2, limit: Nodes = 500, max_length: MaxLength = 6, via: ListParam = None,
                   rel_types: ListParam = None) -> Response:
    """A neighbourhood (node=), a community (community=) or the shortest paths (from=, to=) as GraphML;
    every node and link lists the records behind it."""
    graph = _subgraph(store, viewer, filters, kind, node, community, source, target, hops, limit, max_length, via,
                      rel_types)
    return Response(exports.to_graphml(graph), media_type=exports.MEDIA_TYPES["graphml"],
                    headers={"Content-Disposition": 'attachment; filename="subgraph.graphml"'})


@router.get("/export/subgraph.gexf")
def export_gexf(store: StoreDep, viewer: ViewerDep, filters: FiltersDep, kind: Kind = "neighbourhood",
                node: str | None = None, community: str | None = None, source: From = None, target: To = None,
                hops: Hops = 2, limit: Nodes = 500, max_length: MaxLength = 6, via: ListParam = None,
                rel_types: ListParam = None) -> Response:
    """The same subgraphs as GEXF, for Gephi."""
    graph = _subgraph(store, viewer, filters, kind, node, community, source, target, hops, limit, max_length, via,
                      rel_types)
    return Response(exports.to_gexf(graph), media_type=exports.MEDIA_TYPES["gexf"],
                    headers={"Content-Disposition": 'attachment; filename="subgraph.gexf"'})


@router.get("/export/actors.ftm.json")
def export_actors_ftm(store: StoreDep, viewer: ViewerDep, actors: ListParam = None, community: str | None = None,
               min_score: Annotated[float | None, Query(ge=0)] = None,
               limit: Annotated[int, Query(ge=1, le=ftm_export.MAX_ACTORS)] = 1000) -> StreamingResponse:
    """Actors (by id, a community, or the top by risk) with their risk and the links among them, as
    FollowTheMoney entities, one JSON object per line (Aleph, yente)."""
    lines = list(ftm_export.ftm_lines(store, viewer, actors=split(actors), community=community,
                                      min_score=min_score, limit=limit))
    return StreamingResponse(iter(lines), media_type=exports.MEDIA_TYPES["ftm"],
                             headers={"Content-Disposition": 'attachment; filename="actors.ftm.json"'})
