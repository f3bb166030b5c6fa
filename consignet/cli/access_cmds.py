"""``consignet keys add|list|revoke`` and ``consignet audit``: who may use the API, and what they asked."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from consignet.access import KeyRing, read_audit
from consignet.cli.common import DataDirOpt, JsonOpt, handle_errors, settings_for
from consignet.errors import InputError

keys_app = typer.Typer(help="API keys: one per agency or officer, each with the country whose records it sees.",
                       no_args_is_help=True)
out = Console()

KeysFileOpt = Annotated[Path | None, typer.Option("--keys-file", help="default: CONSIGNET_API_KEYS_FILE")]


def _ring(keys_file: Path | None) -> KeyRing:
    path = keys_file or settings_for().api_keys_file
    if path is None:
        raise InputError("no keys file: pass --keys-file PATH or set CONSIGNET_API_KEYS_FILE "
                         "(the same file `consignet serve` reads)")
    return KeyRing(path)


@keys_app.command("add")
@handle_errors
def add(
    name: Annotated[str, typer.Argument(help="who holds the key, e.g. kz-pcu-aktau")],
    country: Annotated[str | None, typer.Option(help="member country whose view the key gets (alpha-2)")] = None,
    group: Annotated[list[str] | None, typer.Option(help="closed sharing group it belongs to (repeatable)")] = None,
    unrestricted: Annotated[bool, typer.Option(help="the operator's key: the whole graph and raw Cypher")] = False,
    keys_file: KeysFileOpt = None,
) -> None:
    """Make a key and print it once (only its SHA-256 is stored)."""
    ring = _ring(keys_file)
    key = ring.add(name, country, group or [], unrestricted)
    typer.echo(key)
    Console(stderr=True).print(f"key {name!r} added to {ring.path}; it is shown only now: hand it over securely")


@keys_app.command("list")
@handle_errors
def list_keys(keys_file: KeysFileOpt = None, json_out: JsonOpt = False) -> None:
    """The keys (names and views, never the keys themselves)."""
    ring = _ring(keys_file)
    rows = [{k: v for k, v in key.as_dict().items() if k != "sha256"} for key in ring.keys]
    if json_out:
        typer.echo(json.dumps(rows, ensure_ascii=False))
        return
    table = Table("name", "view", "groups")
    for row in rows:
        table.add_row(row["name"], "unrestricted" if row.get("unrestricted") else row["country"],
                      ", ".join(row.get("groups") or []))
    out.print(table)


@keys_app.command("revoke")
@handle_errors
def revoke(name: Annotated[str, typer.Argument(help="the key's name")], keys_file: KeysFileOpt = None) -> None:
    """Remove a key; a running server refuses it after its next start."""
    ring = _ring(keys_file)
    ring.revoke(name)
    Console(stderr=True).print(f"key {name!r} revoked in {ring.path}; restart `consignet serve` to apply")


def register(app: typer.Typer) -> None:
    app.add_typer(keys_app, name="keys")

    @app.command()
    @handle_errors
    def audit(
        key: Annotated[str | None, typer.Option(help="only the requests made with this key (its name)")] = None,
        limit: Annotated[int, typer.Option(help="the newest N entries")] = 50,
        data_dir: DataDirOpt = None,
        json_out: JsonOpt = False,
    ) -> None:
        """The API's audit trail: when, which key and view, what was asked, the status."""
        settings = settings_for(None, data_dir)
        rows = read_audit(settings.audit_path, key, limit)
        if json_out:
            typer.echo(json.dumps(rows, ensure_ascii=False))
            return
        table = Table("time", "key", "view", "request", "status", "ms")
        for r in rows:
            query = f"?{r['query']}" if r.get("query") else ""
            table.add_row(r["time"], r.get("key") or "-", r.get("country") or "all",
                          f"{r['method']} {r['path']}{query}", str(r["status"]), str(r.get("ms", "")))
        out.print(table)
