"""Commands of the ingest side: demo, generate, ingest, stats, profile suggest."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from consignet.cli.common import (
    DataDirOpt,
    JsonOpt,
    StoreOpt,
    emit_json,
    err,
    handle_errors,
    settings_for,
    store_for,
)
from consignet.scope import Viewer

# Wide when piped too: file names and counts must not be cut in a log.
out = Console(width=None if sys.stdout.isatty() else 160)


def _progress() -> Progress:
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                    TextColumn("{task.completed:,} records"), TimeElapsedColumn(), console=err,
                    transient=True, disable=not err.is_terminal)


def print_summary(summary: dict[str, Any], backend: str) -> None:
    table = Table(title=f"ingest run {summary['run_id']} ({backend} store)")
    for col in ("file", "country", "read", "loaded", "updated", "duplicates", "rejected", "warned"):
        table.add_column(col, justify="left" if col in ("file", "country") else "right")
    for f in summary.get("files", []):
        table.add_row(f["file"], f["reporting_country"], *(f"{f[k]:,}" for k in
                      ("read", "loaded", "updated", "duplicates", "rejected", "warned")))
    table.add_row("[b]total[/b]", "", *(f"[b]{summary[k]:,}[/b]" for k in
                  ("read", "loaded", "updated", "duplicates", "rejected", "warned")))
    out.print(table)
    out.print(f"actors: {summary['actors']:,}   consignments: {summary['consignments']:,}   "
              f"actors seen in records of 2+ countries: [b]{summary['repeat_actors']:,}[/b]")
    if summary.get("rejects_file"):
        out.print(f"rejected records and reasons: {summary['rejects_file']}")
    for f in summary.get("files", []):
        for warning in f["warnings"]:
            out.print(f"[yellow]warning[/yellow] {f['file']}: {warning}")


def run_ingest(paths: list[Path], profile: Path | None, store_name: str | None, data_dir: Path | None,
               resolve: bool = True) -> tuple[dict[str, Any], str]:
    from consignet.ingest.pipeline import ingest, jobs_from_paths

    settings = settings_for(store_name, data_dir)
    jobs = jobs_from_paths(paths, profile)
    with store_for(settings) as store, _progress() as progress:
        tasks: dict[str, Any] = {}

        def tick(label: str, count: int) -> None:
            if label not in tasks:
                tasks[label] = progress.add_task(label, total=None)
            progress.update(tasks[label], completed=count)

        summary = ingest(store, jobs, settings.data_dir / "rejects", batch_size=settings.batch_size,
                         resolve=resolve, progress=tick)
        return summary.as_dict(), store.backend


def register(app: typer.Typer) -> None:
    @app.command()
    @handle_errors
    def generate(
        out_dir: Annotated[Path, typer.Argument(help="folder for the sample files")],
        consignments: Annotated[int, typer.Option(help="how many consignment records")] = 2000,
        seed: Annotated[int, typer.Option(help="random seed (same seed, same files)")] = 42,
    ) -> None:
        """Write the realistic sample: shared files of a dozen countries, their profiles, a manifest
        and the ground truth."""
        from consignet.ingest.generate import generate as gen

        manifest = gen(out_dir, consignments=consignments, seed=seed, progress=err.is_terminal)
        files = manifest["files"] if isinstance(manifest, dict) else manifest.files
        err.print(f"wrote {len(files)} files to {out_dir} (manifest.json, truth.json, profiles/)")

    @app.command()
    @handle_errors
    def ingest(
        paths: Annotated[list[Path], typer.Argument(help="files, or folders written by `generate`")],
        profile: Annotated[Path | None, typer.Option(help="mapping profile for the files")] = None,
        store: StoreOpt = None, data_dir: DataDirOpt = None, json_: JsonOpt = False,
        no_resolve: Annotated[bool, typer.Option("--no-resolve", help="skip entity resolution")] = False,
    ) -> None:
        """Ingest shared files into the store and print what happened to every record."""
        summary, backend = run_ingest(paths, profile, store, data_dir, resolve=not no_resolve)
        emit_json(summary) if json_ else print_summary(summary, backend)

    @app.command()
    @handle_errors
    def demo(
        store: StoreOpt = None, data_dir: DataDirOpt = None, json_: JsonOpt = False,
        consignments: Annotated[int, typer.Option(help="size of the sample")] = 2000,
        seed: Annotated[int, typer.Option(help="random seed")] = 42,
    ) -> None:
        """Generate the sample into the data directory, ingest it, print the summary."""
        from consignet.ingest.generate import generate as gen

        settings = settings_for(store, data_dir)
        sample = settings.data_dir / "sample"
        gen(sample, consignments=consignments, seed=seed, progress=err.is_terminal)
        summary, backend = run_ingest([sample], None, store, data_dir)
        from consignet.cli.view_cmd import write_demo_views

        with store_for(settings) as st:
            views = write_demo_views(st, settings.data_dir / "views", sample / "truth.json")
        summary["views"] = [str(v) for v in views]
        if json_:
            emit_json(summary)
            return
        print_summary(summary, backend)
        out.print(f"network views of the planted networks (open in a browser, no internet needed): "
                  f"{settings.data_dir / 'views'}")
        for view in views:
            out.print(f"  {view}")

    @app.command()
    @handle_errors
    def stats(store: StoreOpt = None, data_dir: DataDirOpt = None, json_: JsonOpt = False) -> None:
        """Node counts by label, relationship counts by type, consignments by reporting country."""
        settings = settings_for(store, data_dir)
        with store_for(settings) as st:
            data = {**st.stats(Viewer.all()), **st.summary_counts(Viewer.all()), "store": st.backend}
        if json_:
            emit_json(data)
            return
        for title, key in (("nodes", "nodes"), ("relationships", "relationships"),
                           ("consignments by reporting country", "consignments_by_country")):
            table = Table(title=title)
            table.add_column("name")
            table.add_column("count", justify="right")
            for name, count in data[key].items():
                table.add_row(name, f"{count:,}")
            out.print(table)
        out.print(f"actors in records of 2+ countries: {data['repeat_actors']:,}")

    profile_app = typer.Typer(help="Mapping profiles: draft one from a file.", no_args_is_help=True)
    app.add_typer(profile_app, name="profile")

    @profile_app.command("suggest")
    @handle_errors
    def suggest(
        file: Annotated[Path, typer.Argument(help="a shared file (CSV, XLSX, JSON, NDJSON)")],
        country: Annotated[str | None, typer.Option(help="reporting country, ISO alpha-2")] = None,
        output: Annotated[Path | None, typer.Option("-o", "--output", help="write the profile here")] = None,
    ) -> None:
        """Draft a mapping profile: conventions detected, columns mapped with their confidence."""
        from consignet.ingest.suggest import suggest_profile

        suggestion = suggest_profile(file, country=country)
        text = suggestion.profile.to_yaml()
        table = Table(title=f"columns of {file.name}")
        for col in ("column", "field", "confidence", "why"):
            table.add_column(col)
        for guess in suggestion.report:
            table.add_row(str(guess.header), guess.field or "[yellow]unmapped[/yellow]",
                          f"{guess.confidence:.2f}", guess.reason)
        err.print(table)
        for note in suggestion.notes:
            err.print(f"[yellow]note:[/yellow] {note}", highlight=False)
        if output:
            output.write_text(text, encoding="utf-8")
            err.print(f"wrote {output}; finish the unmapped columns: {suggestion.profile.unmapped}")
        else:
            typer.echo(text)
