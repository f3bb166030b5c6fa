"""``consignet neo4j ...``: install, start, stop and inspect the project's own local Neo4j.

Registered by the main CLI with ``app.add_typer(neo4j_cmd.app, name="neo4j")``. The server lives in
``<data dir>/neo4j`` (jars, database, logs), so ``--data-dir`` means the same folder as for every other
command.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from consignet.cli.common import DataDirOpt, JsonOpt, emit_json, handle_errors, settings_for
from consignet.errors import InputError

if TYPE_CHECKING:
    from consignet.neo4j_server import Neo4jServer

app = typer.Typer(
    help=(
        "The project's own Neo4j (Community, local, Bolt on 127.0.0.1 only, no authentication; "
        "LOAD CSV can read neither local files nor URLs). Needs Java 17+, and Maven once for `install`."
    ),
    no_args_is_help=True,
)

def _server(data_dir: Path | None, **overrides: Any) -> Neo4jServer:
    # Imported here so `consignet --help` does not pay for importing the neo4j driver.
    from consignet.neo4j_server import Neo4jServer

    return Neo4jServer(settings=settings_for(data_dir=data_dir), **overrides)


def _say_fetching(server: Neo4jServer) -> None:
    if not server.is_installed():
        typer.echo(f"Fetching Neo4j {server.version} jars with Maven into {server.lib_dir} ...", err=True)


@app.command()
@handle_errors
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
@handle_errors
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
@handle_errors
def stop(
    data_dir: DataDirOpt = None,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for a clean shutdown before SIGKILL.")] = 60,
) -> None:
    """Stop Neo4j cleanly (SIGTERM, then SIGKILL after --timeout)."""
    stopped = _server(data_dir).stop(timeout=timeout)
    typer.echo("Neo4j stopped" if stopped else "Neo4j was not running")


@app.command()
@handle_errors
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


@app.command("import")
@handle_errors
def bulk_import(
    paths: Annotated[list[Path], typer.Argument(help="files, or folders written by `consignet generate`")],
    profile: Annotated[Path | None, typer.Option(help="mapping profile for the files")] = None,
    overwrite: Annotated[bool, typer.Option(help="replace a database that already holds data")] = False,
    data_dir: DataDirOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """First load of a large export through Neo4j's bulk importer (the database is replaced).

    Reads and validates exactly as `consignet ingest` does (same counts, same rejects file), writes
    the graph as import files, runs `neo4j-admin database import` into the project's own Neo4j, starts
    it, then resolves actors and computes the derived links in the database."""
    from consignet.cli.ingest_cmds import print_summary
    from consignet.ingest.pipeline import IngestRun, jobs_from_paths
    from consignet.neo4j_server.bulk import admin_import
    from consignet.resolve_service import resolve_store
    from consignet.scope import Viewer
    from consignet.store.import_files import ImportFileWriter
    from consignet.store.neo4j import Neo4jStore

    settings = settings_for(data_dir=data_dir)
    jobs = jobs_from_paths(paths, profile)
    server = _server(data_dir)
    if server.status().get("running"):
        raise InputError("the bulk importer replaces the database of a stopped Neo4j: run "
                         "`consignet neo4j stop` first (or use `consignet ingest --store neo4j`)")
    run = None
    writer = ImportFileWriter(settings.data_dir / "import" / time.strftime("%Y%m%dT%H%M%S"))
    try:
        run = IngestRun(writer, settings.data_dir / "rejects", settings.batch_size)
        summary = run.run(jobs)
    finally:
        writer.close()
    nodes, rels = writer.files()
    imported = admin_import(server, nodes, rels, overwrite=overwrite)
    server.start(wait=True)
    store = Neo4jStore(server.uri)
    try:
        store.mark_upgraded()  # this version wrote the files: nothing to upgrade
        store.ensure_schema()
        summary.resolution = resolve_store(store)
        store.refresh_derived()
        from consignet.analysis.service import refresh_communities

        summary.analysis = refresh_communities(store)
        summary.totals_from_store(store.summary_counts(Viewer.all()))
    finally:
        store.close()
    result = {**summary.as_dict(), "import": imported, "uri": server.uri}
    if as_json:
        emit_json(result)
    else:
        print_summary(result, "neo4j bulk import")
        typer.echo(f"imported in {imported['seconds']} s; Neo4j serves it at {server.uri}", err=True)
