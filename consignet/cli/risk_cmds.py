"""Commands of communities, risk, alerts and the graph exports (graphml, gexf, ftm under `consignet export`)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from consignet.cli.common import DataDirOpt, JsonOpt, StoreOpt, emit_json, err, handle_errors, settings_for, store_for
from consignet.errors import InputError
from consignet.scope import Viewer

out = Console(width=None if sys.stdout.isatty() else 160)
OutOpt = Annotated[Path, typer.Option("-o", "--output", help="file to write")]
WeightsOpt = Annotated[Path | None, typer.Option("--weights", help="a risk weights file (default: "
                                                                  "CONSIGNET_RISK_WEIGHTS or the shipped one)")]


def _analysis_store(store: Any) -> Any:
    from consignet.api.deps import with_analysis

    return with_analysis(store)


def _model(st: Any, weights: Path | None = None) -> Any:
    from consignet.analysis import service
    from consignet.analysis.weights import load_weights

    return service.get_model(st, Viewer.all(), load_weights(weights) if weights else None)


def register(app: typer.Typer) -> None:
    """Add `communities`, `risk` and `alerts` to ``app``, and graphml/gexf/ftm to its `export` group (register
    after resolution_cmds, which creates that group)."""

    @app.command()
    @handle_errors
    def communities(
        limit: Annotated[int, typer.Option(help="how many communities")] = 20,
        min_size: Annotated[int, typer.Option("--min-size", help="smallest community shown")] = 2,
        refresh: Annotated[bool, typer.Option("--refresh", help="recompute and store communities, risk scores "
                                                                "and alerts now")] = False,
        store: StoreOpt = None, data_dir: DataDirOpt = None, json_: JsonOpt = False,
    ) -> None:
        """Communities of actors (Louvain on the actor projection), riskiest first."""
        from consignet.analysis import answers, service

        with store_for(settings_for(store, data_dir)) as st:
            summary = service.refresh_communities(st) if refresh else None
            answer = answers.communities_list(_model(st), limit=limit, min_size=min_size)
        if json_:
            emit_json({"refresh": summary, **answer} if summary else answer)
            return
        if summary:
            err.print(f"recomputed: {summary['communities']:,} communities, {summary['actors_scored']:,} actors "
                      f"scored, {summary['alerts']:,} new alerts in {summary['seconds']['total']} s")
        table = Table(title=f"communities ({answer['total']:,} of {min_size}+ actors)")
        for col in ("id", "size", "score", "records", "countries", "top members"):
            table.add_column(col)
        for item in answer["items"]:
            table.add_row(item["id"], str(item["size"]), f"{item['score']:.1f}", str(item["records"]),
                          " ".join(item["countries"]), "; ".join(f"{m['name']} ({m['score']:.1f})"
                                                                   for m in item["top_members"][:3]))
        out.print(table)

    @app.command()
    @handle_errors
    def risk(
        top: Annotated[int, typer.Option("--top", help="how many actors")] = 20,
        actor: Annotated[str | None, typer.Option("--actor", help="explain one actor's score")] = None,
        consignment: Annotated[str | None, typer.Option("--consignment", help="explain one consignment")] = None,
        weights: WeightsOpt = None, store: StoreOpt = None, data_dir: DataDirOpt = None, json_: JsonOpt = False,
    ) -> None:
        """Actors by explained risk score (or one actor's or consignment's explanation)."""
        from consignet.analysis import answers

        with store_for(settings_for(store, data_dir)) as st:
            model = _model(st, weights)
            if actor:
                answer = answers.risk_actor(model, actor)
            elif consignment:
                answer = answers.risk_consignment(model, consignment)
            else:
                answer = answers.risk_actors(model, limit=top)
        if json_:
            emit_json(answer)
            return
        if actor or consignment:
            out.print(f"[b]{answer.get('name') or answer['id']}[/b]  score {answer['score']:.1f}"
                      + (f"  rank {answer['rank']}" if answer.get("rank") else ""))
            for c in answer["contributions"]:
                refs = ", ".join(f"{r['originator']}/{r['record_id']}" for r in c["records"][:3])
                out.print(f"  {c['points']:5.1f}  {c['indicator']:<24} {c['detail']}")
                if refs:
                    out.print(f"         records ({c['records_total']}): {refs}")
            return
        table = Table(title=f"risk: top {len(answer['items'])} of {answer['total']:,} actors (weights "
                            f"{answer['weights_digest']})")
        for col in ("rank", "score", "actor", "countries", "strongest indicators"):
            table.add_column(col)
        for item in answer["items"]:
            ind = sorted(item["indicators"].items(), key=lambda kv: -kv[1])[:4]
            table.add_row(str(item["rank"]), f"{item['score']:.1f}", f"{item['name']}\n{item['id']}",
                          " ".join(item["countries"]), "; ".join(f"{k} {v:.1f}" for k, v in ind))
        out.print(table)

    alerts_app = typer.Typer(help="Alerts raised after ingests: list, mark seen, add case notes.",
                             invoke_without_command=True)
    app.add_typer(alerts_app, name="alerts")

    @alerts_app.callback()
    @handle_errors
    def alerts_list(
        ctx: typer.Context,
        status: Annotated[str | None, typer.Option(help="new | seen")] = None,
        limit: Annotated[int, typer.Option(help="how many")] = 50,
        store: StoreOpt = None, data_dir: DataDirOpt = None, json_: JsonOpt = False,
    ) -> None:
        """List alerts, newest first (`consignet alerts seen ID`, `consignet alerts note ID TEXT`)."""
        if ctx.invoked_subcommand is not None:
            return
        from consignet.analysis import alerts

        with store_for(settings_for(store, data_dir)) as st:
            answer = alerts.list_alerts(st, Viewer.all(), status=status, limit=limit)
        if json_:
            emit_json(answer)
            return
        table = Table(title=f"alerts ({answer['total']:,})")
        for col in ("id", "status", "kind", "record", "trigger"):
            table.add_column(col)
        for a in answer["items"]:
            rec = a.get("record") or {}
            table.add_row(a["id"], a["status"] + (" +notes" if a.get("notes") else ""), a["kind"],
                          f"{rec.get('originator')}/{rec.get('record_id')}\n{rec.get('file')}:{rec.get('row')}",
                          a["trigger"])
        out.print(table)

    @alerts_app.command("seen")
    @handle_errors
    def alerts_seen(alert_id: str, by: Annotated[str | None, typer.Option(help="who")] = None,
                    store: StoreOpt = None, data_dir: DataDirOpt = None, json_: JsonOpt = False) -> None:
        """Mark an alert seen."""
        from consignet.analysis import alerts

        with store_for(settings_for(store, data_dir)) as st:
            alert = alerts.mark_seen(st, alert_id, Viewer.all(), by=by)
        emit_json(alert) if json_ else out.print(f"{alert_id}: seen")

    @alerts_app.command("note")
    @handle_errors
    def alerts_note(alert_id: str, text: str, by: Annotated[str | None, typer.Option(help="who")] = None,
                    store: StoreOpt = None, data_dir: DataDirOpt = None, json_: JsonOpt = False) -> None:
        """Add a case note to an alert."""
        from consignet.analysis import alerts

        with store_for(settings_for(store, data_dir)) as st:
            alert = alerts.add_note(st, alert_id, Viewer.all(), text, by=by)
        emit_json(alert) if json_ else out.print(f"{alert_id}: {len(alert['notes'])} note(s)")

    register_exports(export_group(app))


def export_group(app: typer.Typer) -> typer.Typer:
    for info in app.registered_groups:
        if info.name == "export" and info.typer_instance is not None:
            return info.typer_instance
    raise RuntimeError("the `export` command group is not registered: call resolution_cmds.register first")


def register_exports(export_app: typer.Typer) -> None:
    def graph_command(fmt: str) -> None:
        @export_app.command(fmt)
        @handle_errors
        def export_graph(
            output: OutOpt,
            node: Annotated[str | None, typer.Option(help="neighbourhood of this node")] = None,
            community: Annotated[str | None, typer.Option(help="this community")] = None,
            source: Annotated[str | None, typer.Option("--from", help="shortest paths from this node ...")] = None,
            target: Annotated[str | None, typer.Option("--to", help="... to this node")] = None,
            hops: Annotated[int, typer.Option(help="neighbourhood depth")] = 2,
            limit: Annotated[int, typer.Option(help="nodes at most (neighbourhood)")] = 500,
            store: StoreOpt = None, data_dir: DataDirOpt = None,
        ) -> None:
            """Export a neighbourhood, a community or the shortest paths between two nodes, with the records
            behind every node and link."""
            from consignet.analysis import exports

            kinds = [k for k, v in (("neighbourhood", node), ("community", community), ("path", source or target))
                     if v]
            if len(kinds) != 1:
                raise InputError("give one of --node ID, --community ID, or --from ID --to ID")
            with store_for(settings_for(store, data_dir)) as st:
                graph = exports.subgraph(_analysis_store(st), Viewer.all(), kinds[0], node=node,
                                         community=community, source=source, target=target, hops=hops,
                                         limit=limit)
            output.write_bytes(exports.to_graphml(graph) if fmt == "graphml" else exports.to_gexf(graph))
            err.print(f"wrote {len(graph['nodes']):,} nodes and {len(graph['links']):,} links to {output}")

    graph_command("graphml")
    graph_command("gexf")

    @export_app.command("ftm")
    @handle_errors
    def export_ftm(
        output: OutOpt,
        actor: Annotated[list[str] | None, typer.Option("--actor", help="actor id (repeat)")] = None,
        community: Annotated[str | None, typer.Option(help="the actors of this community")] = None,
        min_score: Annotated[float | None, typer.Option("--min-score", help="actors scoring at least this")] = None,
        limit: Annotated[int, typer.Option(help="actors at most (the riskiest first)")] = 1000,
        store: StoreOpt = None, data_dir: DataDirOpt = None,
    ) -> None:
        """Actors, their risk and the links among them as FollowTheMoney entities (JSON lines)."""
        from consignet.analysis.export_ftm import ftm_lines

        with store_for(settings_for(store, data_dir)) as st:
            lines = list(ftm_lines(_analysis_store(st), Viewer.all(), actors=actor or [], community=community,
                                   min_score=min_score, limit=limit))
        output.write_text("".join(lines), encoding="utf-8")
        err.print(f"wrote {len(lines):,} FollowTheMoney entities to {output}")
