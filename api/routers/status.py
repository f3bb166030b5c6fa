"""GET /health and GET /stats."""

from __future__ import annotations

from fastapi import APIRouter

from consignet.api.deps import StoreDep, ViewerDep
from consignet.api.models import ErrorResponse, Health, Stats
from consignet.errors import ConsignetError, StoreUnavailable

router = APIRouter(tags=["status"])


@router.get("/health", response_model=Health, responses={503: {"model": ErrorResponse}})
def health(store: StoreDep, viewer: ViewerDep) -> dict:
    """The store answers: which backend, actors, consignments and repeat actors (503 when it does not)."""
    try:
        counts = store.summary_counts(viewer)
    except ConsignetError:
        raise
    except Exception as exc:  # a driver error means the store is not reachable
        raise StoreUnavailable(f"the {store.backend} store does not answer: {exc}") from exc
    return {"status": "ok", "backend": store.backend, "counts": counts}


@router.get("/stats", response_model=Stats)
def stats(store: StoreDep, viewer: ViewerDep) -> dict:
    """Nodes by label, relationships by type, consignments by originator country."""
    return store.stats(viewer)
