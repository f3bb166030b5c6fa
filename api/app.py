"""``create_app``: the FastAPI application behind ``consignet serve`` (docs at /docs, /openapi.json)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from consignet import __version__
from consignet.api import errors
from consignet.api.deps import with_analysis
from consignet.api.routers import ALL
from consignet.settings import Settings, get_settings
from consignet.store.base import GraphStore

DESCRIPTION = """Link analysis over the consignet graph: repeat actors across member countries, actor
profiles and timelines, search across scripts, neighbourhoods and shortest paths with the records behind
every link, shared and common identifiers, container and vessel histories, the resolution's review queue,
and the analysts' Cypher library. Errors come as `{"error": {"status", "detail", "type"}}`."""


def create_app(settings: Settings | None = None, store: GraphStore | None = None) -> FastAPI:
    """The API over ``store`` (left open for its owner), or over the configured store (opened on first
    use and closed at shutdown)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            if app.state.owns_store and app.state.store is not None:
                app.state.store.close()
                app.state.store = None

    settings = settings or get_settings()
    telemetry = None if settings.telemetry else {"tracing": False, "metrics": False, "logs": False}
    app = FastAPI(title="consignet", version=__version__, description=DESCRIPTION, lifespan=lifespan,
                  telemetry=telemetry)
    app.state.settings = settings
    app.state.store = with_analysis(store) if store is not None else None
    app.state.owns_store = False
    errors.install(app)
    for router in ALL:
        app.include_router(router)
    # The HTML views (issue 6) and communities, risk, seizures, flags, alerts and exports (issue 7) live
    # beside their own code; the app serves them under the same store, viewer and error handling.
    from consignet.analysis.http import router as analysis_router
    from consignet.visualisations.router import router as views_router

    app.include_router(views_router)
    app.include_router(analysis_router)
    # Keys -> viewer and the audit trail, before any route runs (api/access.py).
    from consignet.api.access import AccessMiddleware

    app.add_middleware(AccessMiddleware, settings=app.state.settings)
    return app
