"""What every command shares: settings overrides, the store, errors -> exit codes, JSON output."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.markup import escape

from consignet.errors import ConsignetError, InputError
from consignet.settings import Settings, get_settings

err = Console(stderr=True)
F = TypeVar("F", bound=Callable[..., Any])

StoreOpt = Annotated[str | None, typer.Option("--store", help="embedded | neo4j (default: CONSIGNET_STORE)")]
DataDirOpt = Annotated[Path | None, typer.Option("--data-dir", help="default: CONSIGNET_DATA_DIR or ./data")]
JsonOpt = Annotated[bool, typer.Option("--json", help="print one JSON object on stdout")]


def settings_for(store: str | None = None, data_dir: Path | None = None) -> Settings:
    base = get_settings()
    updates: dict[str, Any] = {}
    if store:
        if store not in ("embedded", "neo4j"):
            raise InputError(f"--store must be embedded or neo4j, not {store!r}")
        updates["store"] = store
    if data_dir:
        updates["data_dir"] = data_dir
    return base.model_copy(update=updates) if updates else base


@contextmanager
def store_for(settings: Settings) -> Iterator[Any]:
    from consignet.store import open_store

    store = open_store(settings)
    try:
        yield store
    finally:
        store.close()


def emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def handle_errors(fn: F) -> F:
    """Turn product errors into a one-line message and the documented exit code
    (2 bad usage or unreadable input, 1 anything else)."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except ConsignetError as exc:
            err.print(f"[red]error:[/red] {escape(exc.detail)}", highlight=False)
            raise typer.Exit(exc.exit_code) from None
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            err.print(f"[red]error:[/red] setting {escape(where)}: {escape(first['msg'])}", highlight=False)
            raise typer.Exit(2) from None

    return wrapper  # type: ignore[return-value]
