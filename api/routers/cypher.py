"""The Cypher library over HTTP: list the queries, run a named one, run read-only raw Cypher (Neo4j only)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from consignet import cypher_library as lib
from consignet.api.deps import SettingsDep, StoreDep, ViewerDep
from consignet.api.models import CypherIn, CypherResult, ErrorResponse, NamedQueryIn, QueryInfo

router = APIRouter(tags=["cypher"])
REFUSALS = {403: {"model": ErrorResponse, "description": "refused: a write, LOAD CSV, a file or network "
                                                          "procedure, or over the time limit"},
            422: {"model": ErrorResponse}, 501: {"model": ErrorResponse, "description": "embedded store"}}


def _info(query: lib.Query, text: bool = False) -> dict[str, Any]:
    return {"name": query.name, "area": query.area, "title": query.title, "purpose": query.purpose,
            "mode": query.mode, "runnable": query.mode == "read",
            "params": [{"name": p.name, "type": p.type, "doc": p.doc, "example": p.example} for p in query.params],
            "text": query.text if text else None}


@router.get("/queries", response_model=list[QueryInfo])
def list_queries(area: Annotated[str | None, Query(description="e.g. questions, analysis")] = None) -> list:
    """Every query of the library: title, purpose, parameters with types and examples, read or write."""
    return [_info(q) for q in lib.all_queries().values() if area is None or q.area == area]


@router.get("/queries/{name:path}", response_model=QueryInfo, responses={404: {"model": ErrorResponse}})
def get_query(name: str) -> dict:
    """One query with its text (paste it into Neo4j Browser after ``:param``)."""
    return _info(lib.get(name), text=True)


@router.post("/queries/{name:path}", response_model=CypherResult, responses={404: {"model": ErrorResponse},
                                                                             **REFUSALS})
def run_query(name: str, body: NamedQueryIn, store: StoreDep, viewer: ViewerDep, settings: SettingsDep) -> dict:
    """Run a read query of the library by name with ``{"params": {...}}`` (the viewer's scope is applied)."""
    return store.named_query(name, body.params, viewer, timeout_s=settings.cypher_timeout_s,
                             row_cap=settings.cypher_row_cap)


@router.post("/cypher", response_model=CypherResult, responses=REFUSALS)
def raw_cypher(body: CypherIn, store: StoreDep, viewer: ViewerDep, settings: SettingsDep) -> dict:
    """Read-only Cypher for analysts: a read transaction (the database refuses writes), a time limit and a
    row cap; ``LOAD CSV`` and procedures that reach files or the network are refused. Nodes,
    relationships and paths come back as JSON objects."""
    return store.raw_cypher(body.query, body.params, viewer, timeout_s=settings.cypher_timeout_s,
                            row_cap=settings.cypher_row_cap)
