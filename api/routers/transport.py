"""Containers and vessels."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from consignet.api.deps import Limit, ListParam, Offset, StoreDep, ViewerDep, split
from consignet.api.models import Anomalies, ContainerHistory, ErrorResponse, VesselOut

router = APIRouter(tags=["containers and vessels"])
Window = Annotated[int, Query(ge=0, le=365, description="days within which reuse by unrelated actors counts")]
Owners = Annotated[int, Query(ge=2, le=1000, description="distinct consignors that make 'many owners'")]


@router.get("/containers/anomalies", response_model=Anomalies)
def container_anomalies(store: StoreDep, viewer: ViewerDep, kinds: ListParam = None, min_owners: Owners = 3,
                        window_days: Window = 14, limit: Limit = 50, offset: Offset = 0) -> dict:
    """Possible clones: one number in two places in overlapping periods (``overlap``), reuse within days by
    unrelated actors (``unrelated_reuse``), many consignors (``many_owners``)."""
    return store.container_anomalies(viewer, kinds=split(kinds), min_owners=min_owners, window_days=window_days,
                                     limit=limit, offset=offset)


@router.get("/containers/{number}", response_model=ContainerHistory,
            responses={404: {"model": ErrorResponse}, 422: {"model": ErrorResponse}})
def container_history(number: str, store: StoreDep, viewer: ViewerDep, limit: Limit = 50, offset: Offset = 0,
                      window_days: Window = 14, min_owners: Owners = 3) -> dict:
    """The history of a container number (ISO 6346, spaces and dashes allowed): its records oldest first,
    the actors and seizures, and its anomalies."""
    return store.container_history(number, viewer, limit=limit, offset=offset, window_days=window_days,
                                   min_owners=min_owners)


@router.get("/vessels/{imo}", response_model=VesselOut,
            responses={404: {"model": ErrorResponse}, 422: {"model": ErrorResponse}})
def vessel(imo: str, store: StoreDep, viewer: ViewerDep, limit: Limit = 50, offset: Offset = 0) -> dict:
    """A vessel by IMO number (``9074729`` or ``IMO 9074729``): ports by role, voyages, its consignments."""
    return store.vessel(imo, viewer, limit=limit, offset=offset)
