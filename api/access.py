"""Access control and the audit trail for every request, in one ASGI middleware.

It resolves the caller's key to a viewer before any route runs (so no route can forget to check), puts the
viewer in the request state where ``deps.get_viewer`` finds it, answers 401 in the API's error shape for a
missing or unknown key, and appends one audit line per request, refused ones included. A plain ASGI
middleware rather than ``BaseHTTPMiddleware``: that one wraps every response body in an extra task,
which costs throughput on the profile route.
"""

from __future__ import annotations

import time
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from consignet.access import ApiKey, AuditLog, KeyRing, Unauthorized
from consignet.api.errors import error_response
from consignet.settings import Settings

# Open without a key: liveness for the operator's monitoring, and the API's own documentation.
OPEN_PATHS = frozenset({"/health", "/docs", "/docs/oauth2-redirect", "/openapi.json", "/redoc"})


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers") or []:
        if key == name:
            return value.decode("latin-1")
    return None


def presented_key(scope: Scope) -> str | None:
    key = _header(scope, b"x-api-key")
    if key:
        return key
    auth = _header(scope, b"authorization") or ""
    scheme, _, token = auth.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


class AccessMiddleware:
    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.ring = KeyRing(settings.api_keys_file) if settings.api_keys_file else None
        self.audit = AuditLog(settings.audit_path)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = {"code": 500}
        key: ApiKey | None = None
        path = scope.get("path", "")

        async def send_and_note(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
            await send(message)

        try:
            if self.ring is not None and path not in OPEN_PATHS:
                try:
                    key = self.ring.find(presented_key(scope))
                except Unauthorized as exc:
                    response = error_response(exc.status, exc.detail, "Unauthorized")
                    response.headers["WWW-Authenticate"] = 'Bearer realm="consignet"'
                    await response(scope, receive, send_and_note)
                    return
                scope.setdefault("state", {})["viewer"] = key.viewer
            await self.app(scope, receive, send_and_note)
        finally:
            self._note(scope, key, status["code"], started)

    def _note(self, scope: Scope, key: ApiKey | None, status: int, started: float) -> None:
        entry: dict[str, Any] = {
            "key": key.name if key else None,
            "country": key.viewer.country if key else None,
            "method": scope.get("method"),
            "path": scope.get("path"),
            "query": (scope.get("query_string") or b"").decode("latin-1"),
            "status": status,
            "ms": round((time.perf_counter() - started) * 1000, 1),
            "client": (scope.get("client") or ("", 0))[0],
        }
        if self.ring is None:
            entry["view"] = "unrestricted (no keys file)"
        self.audit.write(**entry)
