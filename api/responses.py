"""``FastJSON``: a JSON response rendered by orjson, for the hot routes.

A route returning it skips FastAPI's response validation (one more thread-pool hop and a pydantic pass
over every answer); its ``response_model`` still documents the answer in /docs, and the contract tests
hold the answer to the same shape. Without orjson installed it falls back to the standard library.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.responses import Response

try:
    import orjson
except ImportError:  # pragma: no cover - orjson is optional
    orjson = None  # type: ignore[assignment]


def _fallback(value: Any) -> Any:
    if isinstance(value, (set, frozenset, tuple)):
        return sorted(value) if isinstance(value, (set, frozenset)) else list(value)
    return str(value)


class FastJSON(Response):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        if orjson is not None:
            return orjson.dumps(content, default=_fallback, option=orjson.OPT_NON_STR_KEYS)
        return json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":"),
                          default=_fallback).encode("utf-8")
