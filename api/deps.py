"""Dependencies shared by the routers (``Annotated`` aliases): the store, the viewer, filters, paging."""

from __future__ import annotations

import threading
from datetime import date
from typing import Annotated, Any

from fastapi import Depends, Query, Request

from consignet.errors import ConsignetError, StoreUnavailable
from consignet.scope import Viewer
from consignet.settings import Settings
from consignet.store.analysis import AnalysisReads, Filters, make_filters
from consignet.store.base import GraphStore

_open_lock = threading.Lock()


def with_analysis(store: GraphStore) -> Any:
    """The store with the analysis reads mixed in.

    ``EmbeddedStore`` and ``Neo4jStore`` are meant to inherit ``EmbeddedAnalysis`` / ``Neo4jAnalysis``;
    until they do, a subclass adding the mixin is made here (the mixins hold no state of their own)."""
    if isinstance(store, AnalysisReads):
        return store
    if store.backend == "neo4j":
        from consignet.store.neo4j_analysis import Neo4jAnalysis as mixin
    else:
        from consignet.store.embedded_analysis import EmbeddedAnalysis as mixin  # type: ignore[assignment]
    store.__class__ = type(f"{type(store).__name__}WithAnalysis", (type(store), mixin), {})
    return store


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_store(request: Request) -> Any:
    """The store, opened on first use: a Neo4j that is down gives 503 answers, not a dead server."""
    state = request.app.state
    if state.store is None:
        with _open_lock:
            if state.store is None:
                from consignet.store import open_store

                try:
                    state.store = with_analysis(open_store(state.settings))
                    state.owns_store = True
                except ConsignetError:
                    raise
                except Exception as exc:  # driver or file errors while opening
                    raise StoreUnavailable(f"the {state.settings.store} store cannot be opened: {exc}") from exc
    return state.store


def get_viewer(request: Request) -> Viewer:
    """Who is asking: the view of the caller's API key, set by ``api/access.py`` before any route runs; an
    installation without a keys file (loopback only) answers with the unrestricted view."""
    return getattr(request.state, "viewer", None) or Viewer.all()


def split(values: list[str] | None) -> list[str]:
    """``?x=a,b&x=c`` -> ``[a, b, c]`` (scripts write lists either way)."""
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


def get_filters(
    date_from: Annotated[date | None, Query(description="first shipment date, YYYY-MM-DD")] = None,
    date_to: Annotated[date | None, Query(description="last shipment date, YYYY-MM-DD")] = None,
    countries: Annotated[list[str] | None, Query(description="originator (reporting) countries, alpha-2; "
                                                             "repeat or comma-separate")] = None,
    hs: Annotated[str | None, Query(description="HS code prefix: chapter, heading or subheading "
                                                "(85, 8542, 8542.31)")] = None,
) -> Filters:
    return make_filters(date_from, date_to, split(countries), hs)


StoreDep = Annotated[Any, Depends(get_store)]
ViewerDep = Annotated[Viewer, Depends(get_viewer)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
FiltersDep = Annotated[Filters, Depends(get_filters)]
Limit = Annotated[int, Query(ge=1, le=500, description="items per page")]
Offset = Annotated[int, Query(ge=0, description="items to skip")]
EvidenceLimit = Annotated[int, Query(ge=0, le=50, description="supporting records shown per node and link "
                                                             "(page further with GET /evidence)")]
ListParam = Annotated[list[str] | None, Query()]
