"""How long an HTML network view takes to stand still in Chromium: consignet's page against the same graph
drawn with pyvis's defaults, same run.

    .venv/bin/python bench/views.py                      # 150, 300 and 2,000 nodes
    .venv/bin/python bench/views.py --sizes 2000 --consignments 3000 --baseline-timeout 180

Generates a sample, ingests it into a temporary embedded store, and draws the top repeat actor's 3-hop
network cut at each size. Each page is opened in headless Chromium (/usr/bin/chromium) with every request
that would leave the page aborted; a sampler in the page reads the node positions every 100 ms, and the
page counts as still at the first of five samples in a row where no node moved more than half a pixel.
Printed per size: page size, blocked requests, the time from navigation to still (ms), for
  consignet   the view as `consignet view actor` writes it (computed positions, physics off; small views
              relax for a bounded number of steps and freeze)
  pyvis       the same nodes and links through pyvis 0.3.2's defaults (cdn_resources="in_line", physics on)
and the Python side (read, build and layout, render) for consignet's page.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pyvis.network import Network

from consignet.ingest.generate import generate
from consignet.ingest.pipeline import ingest, jobs_from_paths
from consignet.scope import Viewer
from consignet.store.embedded import EmbeddedStore
from consignet.visualisations import actor_view, render
from consignet.visualisations.graph import ViewGraph
from consignet.visualisations.network_views import analysis
from consignet.visualisations.text import edge_label, edge_tooltip, node_tooltip

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
# Runs in the page before its own scripts: waits for the global `network` both pages define, then samples.
SAMPLER = """
(() => {
  window.__still = {at: null, samples: 0, quiet: 0, first: null, last: null};
  const tick = () => {
    const net = window.network;
    if (!net || typeof net.getPositions !== 'function') { return; }
    let pos;
    try { pos = net.getPositions(); } catch (e) { return; }
    const s = window.__still;
    s.samples += 1;
    if (s.last) {
      let moved = 0;
      for (const id in pos) {
        const a = pos[id], b = s.last[id];
        if (b) { moved = Math.max(moved, Math.abs(a.x - b.x), Math.abs(a.y - b.y)); }
      }
      if (moved <= 0.5) {
        if (s.quiet === 0) { s.first = performance.now(); }
        s.quiet += 1;
        if (s.quiet >= 5 && s.at === null) { s.at = s.first; }
      } else { s.quiet = 0; }
    }
    s.last = pos;
  };
  setInterval(tick, 100);
})();
"""


def baseline_page(graph: ViewGraph) -> str:
    """The same nodes and links, labels and tooltips, through pyvis's defaults."""
    net = Network(cdn_resources="in_line")
    for node in graph.nodes.values():
        net.add_node(node.id, label=node.name[:38], title=node_tooltip(node))
    for edge in graph.edges.values():
        net.add_edge(edge.a, edge.b, label=edge_label(edge), title=edge_tooltip(edge, graph))
    return net.generate_html()


def time_to_still(browser: Any, path: Path, timeout_s: float) -> dict[str, Any]:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    blocked: list[str] = []

    def route(request_route: Any) -> None:
        if request_route.request.url.startswith("file:"):
            request_route.continue_()
        else:
            blocked.append(request_route.request.url)
            request_route.abort()

    page.route("**/*", route)
    page.add_init_script(SAMPLER)
    page.goto(path.as_uri(), wait_until="load")
    deadline = time.monotonic() + timeout_s
    still = None
    while time.monotonic() < deadline:
        still = page.evaluate("window.__still && window.__still.at")
        if still is not None:
            break
        page.wait_for_timeout(250)
    nodes = page.evaluate("window.network ? Object.keys(window.network.getPositions()).length : 0")
    page.close()
    return {"still_ms": round(still) if still is not None else None, "blocked": len(blocked), "nodes": nodes,
            "page_kb": path.stat().st_size // 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--consignments", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--sizes", default="150,300,2000", help="node caps to draw, comma-separated")
    parser.add_argument("--baseline-timeout", type=float, default=120.0, help="seconds to wait for pyvis's page")
    parser.add_argument("--out", type=Path, default=Path("bench/out"))
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="consignet-views-bench-"))
    generate(work / "sample", consignments=args.consignments, seed=args.seed)
    store = EmbeddedStore(work / "consignet.sqlite")
    store.ensure_schema()
    ingest(store, jobs_from_paths([work / "sample"], None), work / "rejects")
    viewer = Viewer.all()
    top = analysis(store).repeat_actors(viewer, limit=1)["items"][0]
    rows = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for size in (int(s) for s in args.sizes.split(",")):
            t1 = time.perf_counter()
            graph = actor_view(store, top["id"], viewer, hops=3, max_nodes=size)  # the read, then the view
            t2 = time.perf_counter()
            html = render(graph)
            t3 = time.perf_counter()
            ours, theirs = work / f"consignet-{size}.html", work / f"pyvis-{size}.html"
            ours.write_text(html, encoding="utf-8")
            theirs.write_text(baseline_page(graph), encoding="utf-8")
            row = {"nodes": len(graph.nodes), "edges": len(graph.edges), "view_s": round(t2 - t1, 2),
                   "render_s": round(t3 - t2, 2),
                   "consignet": time_to_still(browser, ours, 60.0),
                   "pyvis": time_to_still(browser, theirs, args.baseline_timeout)}
            rows.append(row)
        browser.close()
    store.close()

    print(f"views: top repeat actor's 3-hop network ({top['name']}), sample of {args.consignments:,} consignments, "
          f"seed {args.seed}; Chromium headless, network blocked")
    print(f"{'nodes':>6} {'links':>6} | {'page':>20} {'KB':>6} {'blocked':>8} {'still after':>16}")
    for row in rows:
        for name in ("consignet", "pyvis"):
            r = row[name]
            still = f"{r['still_ms']:,} ms" if r["still_ms"] is not None else (
                f"> {args.baseline_timeout:,.0f} s" if name == "pyvis" else "> 60 s")
            label = "consignet view" if name == "consignet" else "pyvis defaults"
            print(f"{row['nodes']:>6,} {row['edges']:>6,} | {label:>20} {r['page_kb']:>6,} {r['blocked']:>8} "
                  f"{still:>16}")
        print(f"{'':>13} | python: read and build the view {row['view_s']} s, layout and page {row['render_s']} s")
    args.out.mkdir(parents=True, exist_ok=True)
    result = {"when": datetime.now(UTC).isoformat(timespec="seconds"), "machine": platform.platform(),
              "python": sys.version.split()[0], "consignments": args.consignments, "seed": args.seed, "rows": rows}
    target = args.out / f"views-{datetime.now(UTC):%Y%m%dT%H%M%S}.json"
    target.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
