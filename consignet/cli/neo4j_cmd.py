"""``consignet neo4j ...``: install, start, stop and inspect the project's own local Neo4j.

Registered by the main CLI with ``app.add_typer(neo4j_cmd.app, name="neo4j")``. The server lives in
``<data dir>/neo4j`` (jars, database, logs), so ``--data-dir`` means the same folder as for every other
command.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from pydantic import ValidationError

from consignet.cli.common import DataDirOpt, JsonOpt, emit_json, settings_for
from consignet.errors import ConsignetError

if TYPE_CHECKING:
    from consignet.neo4j_server import Neo4jServer

app = typer.Typer(
    help=(
        "The project's own Neo4j (Community, local, Bolt on 127.0.0.1 only, no authentication; "
        "LOAD CSV can read neither local files nor URLs). Needs Java 17+, and Maven once for `install`."
    ),
    no_args_is_help=True,
)

F = TypeVar("F", bound=Callable[..., Any])


def _plain_errors(fn: F) -> F:
    """Like common.handle_errors (message on stderr, exit 2 bad usage / 1 else) but printed verbatim.

    Why not handle_errors: it prints the detail as rich markup, and these details carry Neo4j log
    tails full of ``[o.n.b.BoltServer]`` and ``[/path]`` that rich swallows or fails on (MarkupError).
    """

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except ConsignetError as exc:
            typer.echo(f"error: {exc.detail}", err=True)
            raise typer.Exit(exc.exit_code) from None
        except ValidationError as exc:  # a bad CONSIGNET_* variable
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            typer.echo(f"error: setting {where}: {first['msg']}", err=True)
            raise typer.Exit(2) from None

    return wrapper  # type: ignore[return-value]


def _server(data_dir: Path | None, **overrides: Any) -> Neo4jServer:
    # Imported here so `consignet --help` does not pay for importing the neo4j driver.
    from consignet.neo4j_server import Neo4jServer

    return Neo4jServer(settings=settings_for(data_dir=data_dir), **overrides)


def _say_fetching(server: Neo4jServer) -> None:
    if not server.is_installed():
        typer.echo(f"Fetching Neo4j {server.version} jars with Maven into {server.lib_dir} ...", err=True)


@app.command()
@_plain_errors
def install(
    data_dir: DataDirOpt = None,
    version: Annotated[str | None, typer.Option(help="Neo4j version (default: CONSIGNET_NEO4J_VERSION)")] = None,
) -> None:
    """Fetch the Neo4j jars with Maven (once per version; later runs return at once)."""
    server = _server(data_dir, version=version)
    began = time.monotonic()
    _say_fetching(server)
    what = "installed" if server.install() else "already installed"
    typer.echo(f"Neo4j {server.version} {what} in {server.lib_dir} ({time.monotonic() - began:.1f} s)")


@app.command()
@_plain_errors
def start(
    port: Annotated[int | None, typer.Option(help="Bolt port on 127.0.0.1 (default: CONSIGNET_NEO4J_PORT)")] = None,
    heap: Annotated[str | None, typer.Option(help="Java heap, e.g. 1g (default: CONSIGNET_NEO4J_HEAP)")] = None,
    pagecache: Annotated[
        str | None, typer.Option(help="Page cache, e.g. 512m (default: CONSIGNET_NEO4J_PAGECACHE)")
    ] = None,
    data_dir: DataDirOpt = None,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for Bolt to answer.")] = 120,
) -> None:
    """Start Neo4j in the background (installing it first if needed); prints its Bolt URI on stdout."""
    from consignet.neo4j_server import port_is_free

    server = _server(data_dir, port=port, heap=heap, pagecache=pagecache)
    if server.pid() is None and port_is_free(server.port):  # else start() refuses before installing
        _say_fetching(server)
    began = time.monotonic()
    if server.start(wait=True, timeout=timeout):
        took = time.monotonic() - began
        typer.echo(f"Neo4j started in {took:.1f} s (pid {server.pid()}), data in {server.data_dir}", err=True)
    else:
        typer.echo(f"Neo4j already running (pid {server.pid()})", err=True)
    typer.echo(server.uri)


@app.command()
@_plain_errors
def stop(
    data_dir: DataDirOpt = None,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for a clean shutdown before SIGKILL.")] = 60,
) -> None:
    """Stop Neo4j cleanly (SIGTERM, then SIGKILL after --timeout)."""
    stopped = _server(data_dir).stop(timeout=timeout)
    typer.echo("Neo4j stopped" if stopped else "Neo4j was not running")


@app.command()
@_plain_errors
def status(data_dir: DataDirOpt = None, as_json: JsonOpt = False) -> None:
    """Show whether Neo4j runs, its pid, Bolt URI, port, data folder and version (exit 0 either way)."""
    info = _server(data_dir).status()
    if as_json:
        emit_json(info)
        return
    typer.echo("running" if info["running"] else "not running")
    for key in ("pid", "uri", "port", "data_dir", "log", "version", "installed"):
        if info[key] is not None:
            typer.echo(f"  {key:<9} {info[key]}")
