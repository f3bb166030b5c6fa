"""Actors: repeat actors, profile, timeline, shared identifiers, and search."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from consignet.api.deps import EvidenceLimit, FiltersDep, Limit, ListParam, Offset, StoreDep, ViewerDep, split
from consignet.api.models import ActorProfile, ErrorResponse, RepeatActors, SearchResult, SharedIdentifiers, Timeline
from consignet.api.responses import FastJSON
from consignet.store.analysis import COMMON_THRESHOLD

router = APIRouter(tags=["actors"])
NOT_FOUND = {404: {"model": ErrorResponse, "description": "unknown actor id"}}
Threshold = Annotated[int, Query(ge=2, le=100_000, description="identifiers used by this many actors (records for "
                                                                "B/Ls) are common, not links")]


@router.get("/actors/repeat", response_model=RepeatActors)
def repeat_actors(store: StoreDep, viewer: ViewerDep, filters: FiltersDep,
                  min_countries: Annotated[int, Query(ge=1, le=250)] = 2, limit: Limit = 50, offset: Offset = 0,
                  evidence_limit: EvidenceLimit = 3,
                  counterparties: Annotated[int, Query(ge=0, le=100)] = 5) -> dict:
    """Actors seen in records of at least ``min_countries`` originator countries, ranked by countries,
    records and records of high-priority (CHPL) HS codes, with name variants, first/last seen,
    counterparties and the earliest record from each country."""
    return store.repeat_actors(viewer, min_countries=min_countries, filters=filters, limit=limit, offset=offset,
                               evidence_limit=evidence_limit, counterparties=counterparties)


@router.get("/actors/{actor_id}", response_model=ActorProfile, responses=NOT_FOUND)
def actor_profile(actor_id: str, store: StoreDep, viewer: ViewerDep, evidence_limit: EvidenceLimit = 3,
                  list_limit: Annotated[int, Query(ge=1, le=500)] = 50) -> FastJSON:
    """Names in every script, identifiers, countries, counterparties, containers, vessels and routes."""
    # The busiest route: rendered straight to JSON (the answer already has the model's shape).
    return FastJSON(store.actor_profile(actor_id, viewer, evidence_limit=evidence_limit, list_limit=list_limit))


@router.get("/actors/{actor_id}/timeline", response_model=Timeline, responses=NOT_FOUND)
def actor_timeline(actor_id: str, store: StoreDep, viewer: ViewerDep, filters: FiltersDep, limit: Limit = 50,
                   offset: Offset = 0) -> dict:
    """Records by month and country, and the records themselves (oldest first, paged)."""
    return store.actor_timeline(actor_id, viewer, filters=filters, limit=limit, offset=offset)


@router.get("/actors/{actor_id}/shared-identifiers", response_model=SharedIdentifiers, responses=NOT_FOUND)
def shared_identifiers(actor_id: str, store: StoreDep, viewer: ViewerDep,
                       common_threshold: Threshold = COMMON_THRESHOLD,
                       labels: ListParam = None, evidence_limit: EvidenceLimit = 3) -> dict:
    """Other actors using the same phone, address, tax id, e-mail, container or B/L; values used by very
    many actors are listed as ``common`` instead of as links."""
    return store.shared_identifiers(actor_id, viewer, common_threshold=common_threshold, labels=split(labels),
                                    evidence_limit=evidence_limit)


@router.get("/search", response_model=SearchResult)
def search(store: StoreDep, viewer: ViewerDep,
           q: Annotated[str, Query(min_length=1, max_length=200, description="a name in any script or spelling, "
                                   "or a phone, e-mail, container, IMO, B/L or tax number")],
           limit: Annotated[int, Query(ge=1, le=200)] = 20,
           kind: Annotated[Literal["company", "person", "unknown"] | None, Query()] = None) -> dict:
    """Actors whose names match across scripts and spellings (scored with the resolution's name
    similarity), and identifiers with exactly that value."""
    return store.search(q, viewer, limit=limit, kind=kind)
