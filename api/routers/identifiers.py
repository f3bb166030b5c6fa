"""Identifiers shared by very many actors."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from consignet.api.deps import Limit, ListParam, Offset, StoreDep, ViewerDep, split
from consignet.api.models import CommonIdentifiers
from consignet.store.analysis import COMMON_THRESHOLD

router = APIRouter(tags=["identifiers"])


@router.get("/identifiers/common", response_model=CommonIdentifiers)
def common_identifiers(store: StoreDep, viewer: ViewerDep,
                       threshold: Annotated[int, Query(ge=2, le=100_000)] = COMMON_THRESHOLD,
                       labels: ListParam = None, limit: Limit = 50, offset: Offset = 0) -> dict:
    """Tax ids, phones, e-mails, addresses and containers used by at least ``threshold`` actors (B/Ls: on
    that many records): a forwarder's phone, a port address. They are reported, not used as links."""
    return store.common_identifiers(viewer, threshold=threshold, labels=split(labels), limit=limit, offset=offset)
