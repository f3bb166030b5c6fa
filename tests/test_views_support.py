"""Helpers for the view tests (no tests here): shared files naming parties in three scripts, a headless
Chromium with the network blocked, and the API with the views' router.

The files (ingested through the real pipeline, resolution included): a Turkish exporter ships to a
Georgian company (Georgian script, in a Georgian file) and to a Kazakh one (Cyrillic, in a Kazakh file);
two Georgian consignees share one phone; one container is used by all three shipments and seized in
Kazakhstan.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from stdnum import iso6346

from consignet.api.app import create_app
from consignet.ingest.pipeline import ingest, jobs_from_paths
from consignet.settings import Settings
from consignet.store.base import GraphStore
from consignet.visualisations.router import router as views_router

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def box(owner_serial: str) -> str:
    return owner_serial + iso6346.calc_check_digit(owner_serial)


BOX = box("MSCU100001")
OTHER_BOX = box("TGHU200002")
PHONE = "+995 32 212 34 56"
EXPORTER = "Ankara Makine Sanayi ve Ticaret A.Ş."  # Turkish: Ş
EXPORTER_2 = "İzmir Dış Ticaret Ltd. Şti."  # Turkish dotted/dotless i
GEORGIAN = "შპს „აბრეშუმის გზა“"  # Silk Road LLC, in Georgian script
GEORGIAN_2 = "შპს „ქართული ლოჯისტიკა“"
CYRILLIC = "ТОО «Шелковый путь»"
NAMES = (EXPORTER, EXPORTER_2, GEORGIAN, GEORGIAN_2, CYRILLIC)

COLUMNS = ["Record", "Shipper", "Shipper country", "Consignee", "Consignee phone", "HS", "Goods", "Gross kg",
           "Containers", "Loading", "Discharge", "Departure", "Arrival"]
MAPPING = {"Record": "record_id", "Shipper": "consignor_name", "Shipper country": "consignor_country",
           "Consignee": "consignee_name", "Consignee phone": "consignee_phone", "HS": "hs_code",
           "Goods": "goods_description", "Gross kg": "gross_mass_kg", "Containers": "containers",
           "Loading": "port_loading", "Discharge": "port_discharge", "Departure": "departure_date",
           "Arrival": "arrival_date"}
FILES: dict[str, tuple[str, list[list[str]]]] = {
    "ge.csv": ("GE", [
        ["G1", EXPORTER, "TR", GEORGIAN, PHONE, "854231", "integrated circuits", "1200", BOX, "TRMER", "GEPTI",
         "2025-03-01", "2025-03-09"],
        ["G2", EXPORTER_2, "TR", GEORGIAN_2, PHONE, "847130", "computers", "800", OTHER_BOX, "TRMER", "GEPTI",
         "2025-04-02", "2025-04-10"],
        ["G3", EXPORTER, "TR", GEORGIAN, PHONE, "854231", "integrated circuits", "900", BOX, "TRMER", "GEPTI",
         "2025-05-03", "2025-05-11"],
    ]),
    "kz.csv": ("KZ", [
        ["K1", EXPORTER, "TR", CYRILLIC, "+7 701 123 4567", "854231", "интегральные схемы", "1500", BOX, "TRMER",
         "KZAAU", "2025-06-01", "2025-06-15"],
    ]),
}
SEIZURE_COLUMNS = {"Report": "record_id", "Date": "seizure_date", "Place": "place", "Consignment": "consignment_ref",
                   "Containers": "containers", "HS": "hs_code", "Goods": "goods_description", "Reason": "reason"}
SEIZURES = [["S1", "2025-06-16", "KZAAU", "K1", BOX, "854231", "integrated circuits", "undeclared dual-use goods"]]


def write_multiscript(folder: Path) -> Path:
    """The shared files, their profiles and a manifest (so ``jobs_from_paths([folder])`` takes them)."""
    folder.mkdir(parents=True, exist_ok=True)
    entries = []
    for name, (country, rows) in FILES.items():
        with (folder / name).open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(COLUMNS)
            writer.writerows(rows)
        profile = {"source": f"{country.lower()}-views-test", "reporting_country": country, "format": "csv",
                   "encoding": "utf-8", "delimiter": ",", "decimal": ".", "date_formats": ["%Y-%m-%d"],
                   "list_separator": ";", "scope": {"kind": "network"}, "columns": MAPPING}
        (folder / f"{name}.yaml").write_text(yaml.safe_dump(profile, allow_unicode=True), encoding="utf-8")
        entries.append({"path": name, "profile": f"{name}.yaml", "country": country, "format": "csv",
                        "rows": len(rows)})
    with (folder / "kz-seizures.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(list(SEIZURE_COLUMNS))
        writer.writerows(SEIZURES)
    profile = {"source": "kz-seizures-views-test", "record_type": "seizure", "reporting_country": "KZ",
               "format": "csv", "encoding": "utf-8", "delimiter": ",", "decimal": ".", "date_formats": ["%Y-%m-%d"],
               "list_separator": ";", "scope": {"kind": "network"}, "columns": SEIZURE_COLUMNS}
    (folder / "kz-seizures.yaml").write_text(yaml.safe_dump(profile, allow_unicode=True), encoding="utf-8")
    entries.append({"path": "kz-seizures.csv", "profile": "kz-seizures.yaml", "country": "KZ", "format": "csv",
                    "rows": len(SEIZURES)})
    (folder / "manifest.json").write_text(json.dumps({"files": entries}), encoding="utf-8")
    return folder


def ingest_folder(store: GraphStore, folder: Path, rejects: Path) -> dict[str, Any]:
    summary = ingest(store, jobs_from_paths([folder], None), rejects).as_dict()
    assert summary["rejected"] == 0, summary
    return summary


def actor_named(store: GraphStore, name: str) -> str:
    """The actor id a written name resolved to."""
    from consignet.scope import Viewer

    found = {m["actor_id"] for m in store.mention_assignments(Viewer.all()) if m["name"] == name}
    assert len(found) == 1, (name, found)
    return found.pop()


def views_app(store: GraphStore, settings: Settings | None = None) -> Any:
    """The API over ``store``, with the views' router (until ``create_app`` includes it itself)."""
    app = create_app(settings=settings or Settings(), store=store)
    if not any(getattr(r, "path", "").startswith("/views/") for r in app.routes):
        app.include_router(views_router)
    return app


# -- the browser ------------------------------------------------------------------------------------
@dataclass
class Opened:
    """What the page showed: counts read from its vis DataSets, the legend, labels, timings."""

    url: str
    nodes: int = 0
    edges: int = 0
    labels: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    legend: list[str] = field(default_factory=list)
    title: str = ""
    cut_note: str | None = None
    settled_ms: float = 0.0
    still: bool = False  # positions unchanged half a second after settling
    blocked: list[str] = field(default_factory=list)  # requests that tried to leave the page
    failed: list[str] = field(default_factory=list)  # requests that failed, script errors
    screenshot: Path | None = None
    data: dict[str, Any] = field(default_factory=dict)


@contextmanager
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"{CHROMIUM} is missing: apt-get install -y chromium (as .ci/run does)")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def open_view(browser: Any, url: str, shot: str | None = None, allowed: str | None = None,
              timeout_ms: int = 30_000) -> Opened:
    """Open ``url`` with every request other than the page itself aborted and counted (``allowed``: the
    one http URL the page is served from), wait until the drawing has settled, read what it shows."""
    seen = Opened(url)
    page = browser.new_page(viewport={"width": 1400, "height": 900})

    def route(request_route: Any) -> None:
        target = request_route.request.url
        if target.startswith("file:") or (allowed is not None and target == allowed):
            request_route.continue_()
        else:
            seen.blocked.append(target)
            request_route.abort()

    page.route("**/*", route)
    page.on("requestfailed", lambda req: seen.failed.append(f"request failed: {req.url}"))
    page.on("pageerror", lambda exc: seen.failed.append(f"script error: {exc}"))
    page.on("console", lambda msg: seen.failed.append(f"console: {msg.text}") if msg.type == "error" else None)
    try:
        page.goto(url, wait_until="load")
        page.wait_for_function("window.consignetView && window.consignetView.settledAt !== null", timeout=timeout_ms)
        first = page.evaluate("network.getPositions()")
        page.wait_for_timeout(500)
        second = page.evaluate("network.getPositions()")
        seen.still = first == second
        data = page.evaluate("""() => {
            const v = window.consignetView;
            return {nodes: v.nodes.length, edges: v.edges.length, settled: v.settledAt,
                    labels: v.nodes.get().map(n => n.label), names: v.nodes.get().flatMap(n => n.names || []),
                    legend: Array.from(document.querySelectorAll('#legend li')).map(li => li.innerText.trim()),
                    title: document.getElementById('view-title').innerText,
                    cut: document.getElementById('cut-note') ? document.getElementById('cut-note').innerText : null,
                    seized: v.nodes.get({filter: n => n.seized}).map(n => n.id),
                    flagged: v.nodes.get({filter: n => n.flagged}).map(n => n.id),
                    focus: v.nodes.get({filter: n => n.focus}).map(n => n.id),
                    edgeLabels: v.edges.get().map(e => e.label), kinds: v.nodes.get().map(n => n.kind)};
        }""")
        seen.nodes, seen.edges, seen.settled_ms = data["nodes"], data["edges"], data["settled"]
        seen.labels, seen.names, seen.legend = data["labels"], data["names"], data["legend"]
        seen.title, seen.cut_note, seen.data = data["title"], data["cut"], data
        if shot:
            ARTIFACTS.mkdir(exist_ok=True)
            seen.screenshot = ARTIFACTS / f"{shot}.png"
            page.screenshot(path=str(seen.screenshot))
    finally:
        page.close()
    return seen
