"""The resolution's judgements and review queue over HTTP."""

from __future__ import annotations

from fastapi import APIRouter

from consignet.api.deps import Limit, Offset, StoreDep, ViewerDep
from consignet.api.models import ErrorResponse, JudgementIn, JudgementOut, Page, ReviewItem

router = APIRouter(tags=["resolution"])


@router.post("/judgements", response_model=JudgementOut, status_code=201,
             responses={404: {"model": ErrorResponse}, 422: {"model": ErrorResponse}})
def add_judgement(body: JudgementIn, store: StoreDep, viewer: ViewerDep) -> dict:
    """Record an analyst's decision on two mentions or actors (confirm, reject, unsure). Judgements are
    kept, never overwritten; the next resolution run follows them."""
    return store.add_judgement(viewer, body.a, body.b, body.decision, body.note, body.by)


@router.get("/judgements", response_model=list[JudgementOut])
def list_judgements(store: StoreDep, viewer: ViewerDep) -> list:
    """Every judgement so far, oldest first."""
    return store.judgements(viewer)


@router.get("/review", response_model=Page[ReviewItem])
def review(store: StoreDep, viewer: ViewerDep, limit: Limit = 50, offset: Offset = 0) -> dict:
    """Pairs the last resolution run was unsure about, not judged yet, most valuable first."""
    return store.review_queue(viewer, limit=limit, offset=offset)
