"""One JSON error shape for every failure: ``{"error": {"status", "detail", "type", ...}}``.

Product errors carry their own status (404 unknown id, 422 bad parameter, 403 refused query, 501 needs
Neo4j, 503 store down); FastAPI's request validation becomes a 422 naming the parameter; anything
unexpected is a 500 without internals (logged server-side).
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from consignet.errors import ConsignetError

log = logging.getLogger("consignet.api")


def error_response(status: int, detail: str, kind: str, **extra: Any) -> JSONResponse:
    return JSONResponse(status_code=status, content={"error": {"status": status, "detail": detail, "type": kind,
                                                               **extra}})


def _where(loc: tuple[Any, ...] | list[Any]) -> str:
    parts = [str(p) for p in loc]
    if parts and parts[0] in ("query", "path", "body", "header"):
        kind = {"query": "query parameter", "path": "path parameter", "body": "body field",
                "header": "header"}[parts[0]]
        return f"{kind} {'.'.join(parts[1:]) or '(body)'}"
    return ".".join(parts)


def install(app: FastAPI) -> None:
    @app.exception_handler(ConsignetError)
    async def product_error(request: Request, exc: ConsignetError) -> JSONResponse:
        if exc.status == 500:  # 501 (needs Neo4j) and 503 (store down) are answers, not bugs
            log.exception("request %s failed", request.url.path)
        return error_response(exc.status, exc.detail, type(exc).__name__)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [{"where": _where(e.get("loc", ())), "message": e.get("msg", "")} for e in exc.errors()]
        detail = "; ".join(f"{e['where']}: {e['message']}" for e in errors) or "invalid request"
        return error_response(422, detail, "InputError", errors=errors)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"no route {request.method} {request.url.path}; see /docs"
        return error_response(exc.status_code, detail, "HTTPError")

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("request %s failed", request.url.path)
        return error_response(500, "internal error; the server log has the details", "InternalError")
