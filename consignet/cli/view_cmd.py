"""``consignet view ...``: write an HTML network view that opens offline (the twin of ``GET /views/...``).

Each command takes the parameters of its API twin (same names, with dashes) and ``-o FILE.html``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from consignet.cli.common import DataDirOpt, StoreOpt, err, handle_errors, settings_for, store_for
from consignet.errors import InputError
from consignet.scope import Viewer
from consignet.settings import Settings
from consignet.store.analysis import COMMON_THRESHOLD, make_filters

app = typer.Typer(help="HTML network views that open offline in a browser (the same pages as GET /views/...).",
                  no_args_is_help=True)

OutOpt = Annotated[Path | None, typer.Option("-o", "--output", help="the HTML file to write (default: "
                                                                     "view-<kind>-<id>.html here)")]
Labels = Annotated[list[str] | None, typer.Option("--labels", help="node labels to keep (e.g. Actor,Container); "
                                                                    "repeat or comma-separate")]
DateFrom = Annotated[str | None, typer.Option("--date-from", help="first shipment date, YYYY-MM-DD")]
DateTo = Annotated[str | None, typer.Option("--date-to", help="last shipment date, YYYY-MM-DD")]
Countries = Annotated[list[str] | None, typer.Option("--countries", help="originator (reporting) countries, "
                                                                         "alpha-2; repeat or comma-separate")]
Hs = Annotated[str | None, typer.Option("--hs", help="HS code prefix: chapter, heading or subheading (85, 8542)")]
Via = Annotated[list[str] | None, typer.Option("--via", help="walk through these even so: Country, Port, "
                                                             "Commodity, Route, common")]
RelTypes = Annotated[list[str] | None, typer.Option("--rel-types", help="link types to follow (default for an "
                                                                        "actor: the actor links)")]
Threshold = Annotated[int, typer.Option("--common-threshold", min=2, help="identifiers used by this many actors "
                                                                          "are common, not links")]
MaxNodes = Annotated[int | None, typer.Option("--max-nodes", min=10, max=5000, help="nodes at most (default 1,500); "
                                                                                   "the page says when it was cut")]


def _split(values: list[str] | None) -> list[str]:
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


def _filters(date_from: str | None, date_to: str | None, countries: list[str] | None, hs: str | None) -> Any:
    return make_filters(date_from, date_to, _split(countries), hs)


def _cap(settings: Settings, max_nodes: int | None) -> int:
    return max_nodes or int(getattr(settings, "view_max_nodes", 1500))


def _target(output: Path | None, kind: str, ident: str) -> Path:
    if output is None:
        output = Path(f"view-{kind}-{re.sub(r'[^A-Za-z0-9_.-]+', '-', ident).strip('-') or 'all'}.html")
    if output.exists() and output.is_dir():
        raise InputError(f"{output}: is a directory; give a file name, e.g. {output / 'view.html'}")
    return output


def write_view(output: Path, store_name: str | None, data_dir: Path | None,
               build: Callable[[Any, Settings], Any]) -> Path:
    """Open the store, build the view, write the page; prints where it went."""
    from consignet.visualisations import render

    settings = settings_for(store_name, data_dir)
    with store_for(settings) as store:
        graph = build(store, settings)
    html = render(graph)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(html, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{output}: cannot write the view ({exc.strerror or exc})") from exc
    cut = f" — cut: {graph.cut}" if graph.cut else ""
    err.print(f"wrote {output} ({len(graph.nodes):,} nodes, {len(graph.edges):,} links){cut}", highlight=False)
    return output


def write_demo_views(store: Any, out_dir: Path, truth_path: Path) -> list[Path]:
    """Views of the top planted networks of a generated sample (for ``consignet demo``)."""
    from consignet.visualisations.demo import demo_views

    return demo_views(store, out_dir, truth_path)


@app.command("actor")
@handle_errors
def actor(
    actor_id: Annotated[str, typer.Argument(metavar="ID", help="actor id (any node id works)")],
    output: OutOpt = None, hops: Annotated[int, typer.Option(min=1, max=3)] = 2, via: Via = None,
    rel_types: RelTypes = None, labels: Labels = None, date_from: DateFrom = None, date_to: DateTo = None,
    countries: Countries = None, hs: Hs = None, common_threshold: Threshold = COMMON_THRESHOLD,
    max_nodes: MaxNodes = None, store: StoreOpt = None, data_dir: DataDirOpt = None,
) -> None:
    """An actor's network: the nodes within --hops links, nearest first."""
    from consignet.visualisations import actor_view

    filters = _filters(date_from, date_to, countries, hs)
    write_view(_target(output, "actor", actor_id), store, data_dir, lambda st, s: actor_view(
        st, actor_id, Viewer.all(), hops=hops, via=_split(via), rel_types=_split(rel_types) or None,
        labels=_split(labels) or None, filters=filters, common_threshold=common_threshold,
        max_nodes=_cap(s, max_nodes)))


@app.command("paths")
@handle_errors
def paths(
    source: Annotated[str, typer.Argument(metavar="ID", help="from (node id, usually an actor)")],
    target: Annotated[str, typer.Argument(metavar="ID", help="to (node id, usually an actor)")],
    output: OutOpt = None, max_length: Annotated[int, typer.Option(min=1, max=10)] = 6,
    all_paths: Annotated[bool, typer.Option("--all/--first", help="all shortest paths (up to --limit)")] = True,
    limit: Annotated[int, typer.Option(min=1, max=100, help="paths at most")] = 10, via: Via = None,
    rel_types: RelTypes = None, date_from: DateFrom = None, date_to: DateTo = None, countries: Countries = None,
    hs: Hs = None, common_threshold: Threshold = COMMON_THRESHOLD, max_nodes: MaxNodes = None,
    store: StoreOpt = None, data_dir: DataDirOpt = None,
) -> None:
    """The shortest chains of links between two actors, with the records behind each link."""
    from consignet.visualisations import paths_view

    filters = _filters(date_from, date_to, countries, hs)
    write_view(_target(output, "paths", f"{source}-{target}"), store, data_dir, lambda st, s: paths_view(
        st, source, target, Viewer.all(), max_length=max_length, all_paths=all_paths, limit=limit,
        via=_split(via), rel_types=_split(rel_types) or None, filters=filters,
        common_threshold=common_threshold, max_nodes=_cap(s, max_nodes)))


@app.command("community")
@handle_errors
def community(
    community_id: Annotated[str, typer.Argument(metavar="ID", help="community id")],
    output: OutOpt = None, date_from: DateFrom = None, date_to: DateTo = None, countries: Countries = None,
    hs: Hs = None, common_threshold: Threshold = COMMON_THRESHOLD, max_nodes: MaxNodes = None,
    actors: Annotated[list[str] | None, typer.Option("--actors", help="draw these actor ids instead of looking "
                                                                      "the community up")] = None,
    store: StoreOpt = None, data_dir: DataDirOpt = None,
) -> None:
    """A community's actors and what ties them (shared identifiers, containers, shipments, seizures)."""
    from consignet.visualisations import community_view

    filters = _filters(date_from, date_to, countries, hs)
    members = _split(actors) or None
    write_view(_target(output, "community", community_id), store, data_dir, lambda st, s: community_view(
        st, community_id, Viewer.all(), filters=filters, common_threshold=common_threshold,
        max_nodes=_cap(s, max_nodes), members=members))


@app.command("repeat-actors")
@handle_errors
def repeat_actors(
    output: OutOpt = None, min_countries: Annotated[int, typer.Option(min=1, max=250)] = 2,
    limit: Annotated[int, typer.Option(min=1, max=500, help="actors")] = 50,
    offset: Annotated[int, typer.Option(min=0)] = 0,
    counterparties: Annotated[int, typer.Option(min=0, max=100, help="per actor")] = 5,
    date_from: DateFrom = None, date_to: DateTo = None, countries: Countries = None, hs: Hs = None,
    max_nodes: MaxNodes = None, store: StoreOpt = None, data_dir: DataDirOpt = None,
) -> None:
    """The actors seen in records of several member countries, among those countries."""
    from consignet.visualisations import repeat_actors_view

    filters = _filters(date_from, date_to, countries, hs)
    write_view(_target(output, "repeat-actors", date.today().isoformat()), store, data_dir,
               lambda st, s: repeat_actors_view(st, Viewer.all(), min_countries=min_countries, filters=filters,
                                                limit=limit, offset=offset, counterparties=counterparties,
                                                max_nodes=_cap(s, max_nodes)))


@app.command("container")
@handle_errors
def container(
    number: Annotated[str, typer.Argument(metavar="NUMBER", help="ISO 6346 container number (spaces, dashes ok)")],
    output: OutOpt = None, limit: Annotated[int, typer.Option(min=1, max=500, help="records")] = 50,
    offset: Annotated[int, typer.Option(min=0)] = 0, window_days: Annotated[int, typer.Option(min=0, max=365)] = 14,
    min_owners: Annotated[int, typer.Option(min=2, max=1000)] = 3, max_nodes: MaxNodes = None,
    store: StoreOpt = None, data_dir: DataDirOpt = None,
) -> None:
    """A container's history: its records in date order, parties, ships, ports, seizures, clone signs."""
    from consignet.visualisations import container_view

    write_view(_target(output, "container", number), store, data_dir, lambda st, s: container_view(
        st, number, Viewer.all(), limit=limit, offset=offset, window_days=window_days, min_owners=min_owners,
        max_nodes=_cap(s, max_nodes)))


def register(root: typer.Typer) -> None:
    """Add ``consignet view`` to the main command."""
    root.add_typer(app, name="view")


if __name__ == "__main__":  # until `consignet view` is wired into consignet.cli.main
    app()
