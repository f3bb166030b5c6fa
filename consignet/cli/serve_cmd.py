"""``consignet serve``: the link-analysis API (uvicorn), with its docs at /docs."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from consignet.cli.common import DataDirOpt, StoreOpt, err, handle_errors, settings_for
from consignet.errors import InputError
from consignet.settings import get_settings

LOOPBACK = ("127.0.0.1", "::1", "localhost")


def register(app: typer.Typer) -> None:
    @app.command()
    @handle_errors
    def serve(
        host: Annotated[str, typer.Option(help="address to listen on (loopback by default; any other "
                                               "address needs API keys: CONSIGNET_API_KEYS_FILE)")] = "127.0.0.1",
        port: Annotated[int, typer.Option(help="TCP port")] = 8000,
        workers: Annotated[int, typer.Option(help="server processes (each opens its own store connection)")] = 1,
        store: StoreOpt = None,
        data_dir: DataDirOpt = None,
    ) -> None:
        """Serve the link-analysis API: repeat actors, profiles, search, neighbourhoods, paths, shared
        identifiers, containers, vessels, review, and the Cypher library. Docs at http://HOST:PORT/docs."""
        import uvicorn

        if not 0 < port < 65536:
            raise InputError(f"--port must be between 1 and 65535, got {port}")
        if workers < 1:
            raise InputError(f"--workers must be at least 1, got {workers}")
        settings = settings_for(store, data_dir)
        if workers > 1 and settings.store == "embedded":
            # Each worker would hold its own copy of the graph in memory; SQLite allows it, but say so.
            err.print("[yellow]note:[/yellow] every worker loads its own copy of the embedded graph")
        # Workers are separate processes that build the app from the environment: pass the choices on.
        os.environ["CONSIGNET_STORE"] = settings.store
        os.environ["CONSIGNET_DATA_DIR"] = str(settings.data_dir)
        if settings.api_keys_file is not None:
            from consignet.access import KeyRing

            ring = KeyRing(settings.api_keys_file)  # read now: a broken keys file fails here, not per request
            if not ring.keys:
                raise InputError(f"{settings.api_keys_file}: no keys; add one with `consignet keys add`")
            os.environ["CONSIGNET_API_KEYS_FILE"] = str(settings.api_keys_file)
            err.print(f"API keys: {len(ring.keys)} from {settings.api_keys_file}; audit trail: {settings.audit_path}")
        elif host not in LOOPBACK:
            raise InputError(f"--host {host}: without API keys the API serves the whole graph to anyone who can "
                             "reach it; set CONSIGNET_API_KEYS_FILE (see `consignet keys add`) or stay on loopback")
        err.print(f"consignet API ({settings.store} store) on http://{host}:{port}  (docs: /docs)")
        get_settings.cache_clear()  # a single worker builds the app in this process: from the environment above
        uvicorn.run("consignet.api.app:create_app", factory=True, host=host, port=port, workers=workers,
                    log_level="warning", access_log=False)
