"""The `consignet` command."""

from __future__ import annotations

import typer

from consignet.cli import access_cmds, ingest_cmds, resolution_cmds, risk_cmds, serve_cmd, view_cmd

app = typer.Typer(
    name="consignet",
    help="Knowledge graph of consignments, companies and people shared between customs services.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
ingest_cmds.register(app)
resolution_cmds.register(app)
resolution_cmds.register_screen(app)
view_cmd.register(app)
serve_cmd.register(app)
access_cmds.register(app)
risk_cmds.register(app)  # after resolution_cmds: it adds graphml/gexf/ftm to `export`

try:  # the project's own Neo4j
    from consignet.cli import neo4j_cmd

    app.add_typer(neo4j_cmd.app, name="neo4j")
except ImportError:  # pragma: no cover - only while the module is being written
    pass


if __name__ == "__main__":
    app()
