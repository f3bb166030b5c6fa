"""Commands of entity resolution: resolve, compare, export mentions, eval resolution, judge, review."""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any, Literal

import typer
from rich.console import Console
from rich.table import Table

from consignet.cli.common import DataDirOpt, JsonOpt, StoreOpt, emit_json, err, handle_errors, settings_for, store_for
from consignet.errors import InputError
from consignet.scope import Viewer

# Wide when piped too: file names and counts must not be cut in a log.
out = Console(width=None if sys.stdout.isatty() else 160)
EXPORT_COLUMNS = ["file", "row", "record_id", "role", "name", "reporting_country", "actor_id", "score"]


def _explain(features: list[Any]) -> str:
    return "; ".join(f"{f.name} {f.weight:+.2f} ({f.detail or f.value})" for f in features)


def evaluate_store(store: Any, truth_path: Path) -> dict[str, Any]:
    """Pairwise precision/recall/F1 of the stored assignment against a `generate` ground truth,
    beside the exact-normalised-name baseline, with breakdowns."""
    from consignet.names import parse_name
    from consignet.resolution import baseline_clusters, pairwise_scores

    try:
        truth_data = json.loads(truth_path.read_text(encoding="utf-8"))
        truth_rows = truth_data["mentions"]
    except (OSError, json.JSONDecodeError, KeyError) as exc:
        raise InputError(f"{truth_path}: not a ground-truth file from `consignet generate` ({exc})") from exc
    truth = {(m["file"], int(m["row"]), m["role"]): m["actor"] for m in truth_rows}
    rows = store.mention_assignments(Viewer.all())
    pred = {(r["file"], int(r["row"]), r["role"]): r["actor_id"] or r["mention_id"] for r in rows}
    names = {(r["file"], int(r["row"]), r["role"]): r["name"] for r in rows}
    country = {(r["file"], int(r["row"]), r["role"]): r["reporting_country"] for r in rows}
    script = {k: parse_name(v).script for k, v in names.items()}
    matched = [k for k in pred if k in truth]
    if not matched:
        raise InputError(f"{truth_path}: none of its mentions is in the store; ingest its folder first")
    model = pairwise_scores(pred, truth, reporting_country=country, script=script, names=names)
    baseline = pairwise_scores(baseline_clusters({k: names[k] for k in matched}), truth)
    return {"resolution": model, "baseline_exact_name": {k: baseline[k] for k in
                                                         ("precision", "recall", "f1", "mentions")},
            "mentions_in_store": len(pred), "mentions_in_truth": len(truth), "matched": len(matched)}


def register(app: typer.Typer) -> None:
    @app.command()
    @handle_errors
    def resolve(
        store: StoreOpt = None, data_dir: DataDirOpt = None, json_: JsonOpt = False,
        full: Annotated[bool, typer.Option("--full", help="resolve every mention again")] = False,
    ) -> None:
        """Resolve the unresolved mentions in the store into actors (ingest does it for what it loads)."""
        from consignet.resolve_service import resolve_store

        settings = settings_for(store, data_dir)
        with store_for(settings) as st:
            summary = resolve_store(st, full=full)
            st.refresh_derived()
            from consignet.analysis.service import refresh_communities

            summary["analysis"] = refresh_communities(st)
        if json_:
            emit_json(summary)
        else:
            out.print(f"mentions resolved: {summary.get('mentions', 0):,}; actors created: "
                      f"{summary.get('actors_created', 0):,}; extended: {summary.get('actors_extended', 0):,}; "
                      f"merges proposed for review: {summary.get('review', 0):,}; {summary['seconds']} s")

    @app.command()
    @handle_errors
    def compare(
        name1: Annotated[str | None, typer.Argument(help="first name")] = None,
        name2: Annotated[str | None, typer.Argument(help="second name")] = None,
        schema: Annotated[str | None, typer.Option(help="Company or Person")] = None,
        pairs: Annotated[Path | None, typer.Option(help="CSV with name1,name2[,schema]; writes CSV to stdout")] = None,
        json_: JsonOpt = False,
    ) -> None:
        """Score two names with the shipped matcher: score, decision (match/unsure/no-match), why."""
        from consignet.resolution import compare as cmp

        if schema not in (None, "Company", "Person"):
            raise InputError("--schema must be Company or Person")
        if pairs:
            with pairs.open(encoding="utf-8-sig", newline="") as fh:
                reader = csv.DictReader(fh)
                if not reader.fieldnames or not {"name1", "name2"} <= set(reader.fieldnames):
                    raise InputError(f"{pairs}: needs the columns name1,name2 (and optional schema)")
                writer = csv.DictWriter(sys.stdout, [*reader.fieldnames, "score", "decision", "explanation"])
                writer.writeheader()
                for row in reader:
                    result = cmp(row["name1"], row["name2"], row.get("schema") or schema)
                    writer.writerow({**row, "score": f"{result.score:.4f}", "decision": result.decision,
                                     "explanation": _explain(result.explanation)})
            return
        if name1 is None or name2 is None:
            raise InputError("give two names, or --pairs FILE.csv")
        result = cmp(name1, name2, schema)
        if json_:
            emit_json({"name1": name1, "name2": name2, "score": result.score, "decision": result.decision,
                       "explanation": [asdict(f) for f in result.explanation]})
            return
        out.print(f"[b]{result.decision}[/b]  score {result.score:.3f}")
        for f in result.explanation:
            out.print(f"  {f.name:<14} {f.weight:+.2f}  {f.detail or f.value}")

    export_app = typer.Typer(help="Export data for review outside the product.", no_args_is_help=True)
    app.add_typer(export_app, name="export")

    @export_app.command("mentions")
    @handle_errors
    def export_mentions(
        output: Annotated[Path, typer.Option("-o", "--output", help="CSV file to write")],
        store: StoreOpt = None, data_dir: DataDirOpt = None,
    ) -> None:
        """One row per party mention: file, row, record_id, role, name, reporting_country, actor_id, score."""
        settings = settings_for(store, data_dir)
        with store_for(settings) as st:
            rows = st.mention_assignments(Viewer.all())
        with output.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, EXPORT_COLUMNS, extrasaction="ignore")
            writer.writeheader()
            writer.writerows(rows)
        err.print(f"wrote {len(rows):,} mentions to {output}")

    eval_app = typer.Typer(help="Measure quality against a ground truth.", no_args_is_help=True)
    app.add_typer(eval_app, name="eval")

    @eval_app.command("resolution")
    @handle_errors
    def eval_resolution(
        truth: Annotated[Path, typer.Option(help="truth.json written by `consignet generate`")],
        store: StoreOpt = None, data_dir: DataDirOpt = None, json_: JsonOpt = False,
    ) -> None:
        """Pairwise precision, recall and F1 of the stored actors against the ground truth."""
        settings = settings_for(store, data_dir)
        with store_for(settings) as st:
            report = evaluate_store(st, truth)
        if json_:
            emit_json(report)
            return
        res, base = report["resolution"], report["baseline_exact_name"]
        table = Table(title=f"pairwise quality over {report['matched']:,} mentions")
        for col in ("", "precision", "recall", "F1"):
            table.add_column(col)
        table.add_row("consignet", f"{res['precision']:.4f}", f"{res['recall']:.4f}", f"{res['f1']:.4f}")
        table.add_row("baseline: exact normalised name", f"{base['precision']:.4f}", f"{base['recall']:.4f}",
                      f"{base['f1']:.4f}")
        out.print(table)
        for title, key in (("by pair of reporting countries", "by_reporting_countries"),
                           ("by script", "by_script")):
            sub = Table(title=title)
            for col in ("pair", "precision", "recall", "true pairs"):
                sub.add_column(col)
            for pair, m in sorted(res.get(key, {}).items(), key=lambda kv: -kv[1].get("true_pairs", 0))[:15]:
                sub.add_row(pair, f"{m['precision']:.3f}", f"{m['recall']:.3f}", f"{m.get('true_pairs', '')}")
            out.print(sub)
        out.print("worst false merges:", json.dumps(res["worst_false_merges"][:5], ensure_ascii=False))
        out.print("worst misses:", json.dumps(res["worst_misses"][:5], ensure_ascii=False))

    @app.command()
    @handle_errors
    def judge(
        a: Annotated[str, typer.Argument(help="mention or actor id")],
        b: Annotated[str, typer.Argument(help="mention or actor id")],
        decision: Annotated[str, typer.Argument(help="confirm | reject | unsure")],
        note: Annotated[str | None, typer.Option(help="why")] = None,
        by: Annotated[str | None, typer.Option(help="who decides")] = None,
        store: StoreOpt = None, data_dir: DataDirOpt = None, json_: JsonOpt = False,
    ) -> None:
        """Record an analyst's judgement on two mentions or actors; it is re-applied on every run."""
        from consignet.resolve_service import add_judgement

        if decision not in ("confirm", "reject", "unsure"):
            raise InputError("decision must be confirm, reject or unsure")
        settings = settings_for(store, data_dir)
        verdict: Literal["confirm", "reject", "unsure"] = decision  # type: ignore[assignment]
        with store_for(settings) as st:
            result = add_judgement(st, a, b, verdict, note=note, by=by,
                                   at=datetime.now(UTC).isoformat(timespec="seconds"))
        emit_json(result) if json_ else out.print(
            f"judgement stored ({decision}); resolution re-run: {result['resolution']}")

    @app.command()
    @handle_errors
    def review(
        limit: Annotated[int, typer.Option(help="how many pairs")] = 20,
        store: StoreOpt = None, data_dir: DataDirOpt = None, json_: JsonOpt = False,
    ) -> None:
        """The review queue: uncertain pairs, most valuable first (records and countries they connect)."""
        from consignet.resolve_service import review_queue

        settings = settings_for(store, data_dir)
        with store_for(settings) as st:
            items = review_queue(st, Viewer.all(), limit)
        if json_:
            emit_json(items)
            return
        table = Table(title="review queue")
        for col in ("a", "b", "score", "value", "names", "why"):
            table.add_column(col)
        for item in items:
            table.add_row(item["a"], item["b"], f"{item['score']:.2f}", f"{item['value']:.1f}",
                          f"{item.get('a_name')} / {item.get('b_name')}",
                          "; ".join(f"{f['name']} {f['weight']:+.1f}" for f in item["evidence"][:4]))
        out.print(table)
        out.print("decide with: consignet judge A B confirm|reject|unsure --note ...")


def screen_store(st: Any, watchlist: Path, by: str | None = None) -> dict[str, Any]:
    """Match every actor against a watch list with the resolution matcher; store hits as flags."""
    from consignet import ids
    from consignet.resolution import ActorSummary, load_watchlist
    from consignet.resolution import screen as run_screen
    from consignet.store.risk_reads import with_risk

    entries = load_watchlist(watchlist)
    actors = [ActorSummary(
        actor_id=r["id"], kind=r["kind"] or "unknown", names=[n for n in r["names"] if n], legal_forms=[],
        countries=list(r["countries"]), reporting_countries=list(r["originators"]),
        tax_ids=[tuple(t.split(":", 1)) for t in r["tax_ids"] if ":" in t],  # type: ignore[misc]
        phones=[], emails=[], mention_count=0) for r in st.actor_rows(Viewer.all())]
    hits = run_screen(actors, entries)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    flags = []
    for hit in hits:
        reason = f"watchlist:{watchlist.name}:{hit.entry_id}"
        flags.append({
            "id": ids.node_id("Flag", hit.actor_id, reason), "target_id": hit.actor_id, "reason": reason,
            # a sure match is a flag; an unsure one is a lead to review like a proposed match
            "severity": "high" if hit.decision == "match" else "review",
            "note": json.dumps({"score": hit.score, "decision": hit.decision,
                                "evidence": [asdict(f) for f in hit.evidence]}, ensure_ascii=False),
            "created_by": by or "screening", "created_at": now, "originator": None, "seizure": None,
            "scope_kind": "network", "scope_group": None, "scope_countries": []})
    with_risk(st).write_flags(flags)
    return {"entries": len(entries), "actors": len(actors), "hits": len(hits),
            "matches": sum(1 for h in hits if h.decision == "match"),
            "unsure": sum(1 for h in hits if h.decision == "unsure"),
            "top": [{"actor_id": h.actor_id, "entry_id": h.entry_id, "score": h.score, "decision": h.decision,
                     "why": _explain(h.evidence)} for h in hits[:20]]}


def register_screen(app: typer.Typer) -> None:
    @app.command()
    @handle_errors
    def screen(
        watchlist: Annotated[Path, typer.Argument(help="FollowTheMoney JSON lines, or CSV: name,identifiers,country")],
        by: Annotated[str | None, typer.Option(help="who screens (kept on the flags)")] = None,
        store: StoreOpt = None, data_dir: DataDirOpt = None, json_: JsonOpt = False,
    ) -> None:
        """Match every actor against a watch list; hits are stored as flags with score and explanation."""
        settings = settings_for(store, data_dir)
        with store_for(settings) as st:
            result = screen_store(st, watchlist, by)
        if json_:
            emit_json(result)
            return
        out.print(f"{result['entries']:,} watch-list entries, {result['actors']:,} actors: "
                  f"{result['matches']} matches, {result['unsure']} to review (stored as flags)")
        for hit in result["top"]:
            out.print(f"  {hit['decision']:<7} {hit['score']:.2f} {hit['actor_id']} ~ {hit['entry_id']}: {hit['why']}")
