"""One self-contained HTML page per view, drawn by pyvis (vis-network) with nothing loaded from outside.

pyvis 0.3.2's own template links Bootstrap from a CDN even with ``cdn_resources="in_line"`` (two failed
requests on a closed network), so the page comes from the template below, handed to pyvis's renderer:
vis-network's script and stylesheet are the files pyvis ships (``pyvis/templates/lib/vis-9.1.2``),
written into the page; the legend's icons are inline SVG; the favicon is a data URL, so the browser
does not ask the server for one either.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources
from typing import Any

from jinja2 import DictLoader, Environment
from pyvis.edge import Edge
from pyvis.network import Network

from consignet.visualisations import layout, styles
from consignet.visualisations.graph import ViewGraph
from consignet.visualisations.legend import legend_items
from consignet.visualisations.text import describe_parameters, edge_label, edge_tooltip, node_tooltip

VIS_DIR = "templates/lib/vis-9.1.2"
TEMPLATE_NAME = "consignet-view.html"
FONT = "'DejaVu Sans', 'Noto Sans', 'Segoe UI', Arial, sans-serif"
POLISH_MAX = 250  # views up to this size relax (stabilise, then freeze); larger ones are drawn as computed
POLISH_STEPS = 150
BIG = 400  # from this many nodes, edges are hidden while dragging or zooming (keeps the page smooth)


@lru_cache(maxsize=1)
def vis_assets() -> tuple[str, str]:
    """vis-network's script and stylesheet from the installed pyvis package."""
    folder = resources.files("pyvis").joinpath(VIS_DIR)
    script = folder.joinpath("vis-network.min.js").read_text(encoding="utf-8")
    css = folder.joinpath("vis-network.css").read_text(encoding="utf-8")
    # A closing script tag inside the script would end it early; in a JS string "<\/" is the same text.
    return script.replace("</script", "<\\/script"), css.replace("</style", "<\\/style")


def positions(graph: ViewGraph) -> dict[str, tuple[float, float]]:
    adj = graph.neighbours()
    rank = {n.id: n.rank for n in graph.nodes.values()}
    ids = list(graph.nodes)
    if graph.layout == "layered" and graph.roots:
        return layout.layered(ids, adj, graph.roots[0], rank)
    if graph.layout == "timeline" and graph.roots:
        records = [n for n in graph.roots[1:] if n in graph.nodes]
        below = {n.id for n in graph.nodes.values() if n.label in ("Actor", "Mention")}
        return layout.timeline(records, graph.roots[0], ids, adj, below)
    if graph.layout == "anchored":
        return layout.anchored(ids, adj, graph.roots, rank)
    return layout.radial(ids, adj, graph.roots, rank)


def node_data(graph: ViewGraph) -> list[dict[str, Any]]:
    """One entry per node: the look comes from its kind's group (see ``groups``); only what differs is
    set on the node, which keeps a 2,000-node page quick to start."""
    where = positions(graph)
    out = []
    for node in graph.nodes.values():
        look = styles.style_of(node.kind)
        x, y = where.get(node.id, (0.0, 0.0))
        item: dict[str, Any] = {
            "id": node.id, "label": styles.short_label(node.label, node.props, node.name), "group": node.kind,
            "shape": look.shape, "title": node_tooltip(node), "x": x, "y": y,
            "kind": node.kind, "type": node.label, "names": node.names,
        }
        if node.focus or node.weight != 1.0:
            item["size"] = round(look.size * (1.5 if node.focus else 1.0) * node.weight, 1)
        if node.focus or node.label == "Country":
            item["font"] = {"size": 24 if node.label == "Country" else 16}
        marked = (styles.SEIZED_BORDER, 6) if node.seized else (styles.FLAGGED_BORDER, 5) if node.flagged else None
        if marked:
            item["color"] = {"background": look.color, "border": marked[0],
                             "highlight": {"background": look.color, "border": "#000000"},
                             "hover": {"background": look.color, "border": marked[0]}}
            item["borderWidth"], item["borderWidthSelected"] = marked[1], marked[1] + 1.5
            item["seized" if node.seized else "flagged"] = True
        if node.hub or node.common:
            item["shapeProperties"] = {"borderDashes": [4, 3]}
            item["color"] = {"background": "#ffffff", "border": look.color,
                             "highlight": {"background": "#ffffff", "border": "#000000"},
                             "hover": {"background": "#ffffff", "border": look.color}}
        if "color" in item:  # pyvis drops a node's colour when it has a group: the look is set in full
            del item["group"]
            item.setdefault("size", look.size)
        if node.focus:
            item["focus"] = True
        out.append(item)
    return out


def groups(graph: ViewGraph) -> dict[str, Any]:
    """vis-network groups: each node kind's shape, colour and size, set once for all its nodes."""
    out = {}
    for kind in sorted({n.kind for n in graph.nodes.values()}):
        look = styles.style_of(kind)
        out[kind] = {"shape": look.shape, "size": look.size, "borderWidth": 1.5,
                     "color": {"background": look.color, "border": look.color,
                               "highlight": {"background": look.color, "border": "#000000"},
                               "hover": {"background": look.color, "border": "#000000"}}}
    return out


def edge_data(graph: ViewGraph) -> list[dict[str, Any]]:
    out = []
    for edge in graph.edges.values():
        family = styles.edges_family([p.type for p in edge.parts])
        look = styles.EDGE_STYLES[family]
        shipping = [p for p in edge.parts if p.type == "SHIPPED_TO"]
        ends = [end for end, on in (("to", any(p.source == edge.a for p in shipping)),
                                     ("from", any(p.source == edge.b for p in shipping))) if on]
        records = edge.records
        item: dict[str, Any] = {
            "id": f"{edge.a}|{edge.b}", "from": edge.a, "to": edge.b,
            "label": "" if all(p.type in styles.UNLABELLED for p in edge.parts) else edge_label(edge),
            "title": edge_tooltip(edge, graph), "color": look.color, "family": family, "records": records,
            "links": len(edge.parts),
        }
        if records > 1:
            item["width"] = round(1 + min(6.0, math.log2(records)), 2)
        if ends:
            item["arrows"] = ", ".join(ends)
        if look.dashes:
            item["dashes"] = True
        out.append(item)
    return out


def physics(graph: ViewGraph) -> dict[str, Any]:
    """Off, except that a small radial view relaxes from its computed positions for a bounded number of
    steps before it freezes (about 1 s at POLISH_MAX nodes; bench/views.py measures it)."""
    if graph.layout != "radial" or len(graph.nodes) > POLISH_MAX or len(graph.nodes) < 3:
        return {"enabled": False}
    return {"enabled": True, "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -7000, "centralGravity": 0.08, "springLength": 170,
                          "springConstant": 0.025, "damping": 0.45, "avoidOverlap": 0.6},
            "stabilization": {"enabled": True, "iterations": POLISH_STEPS, "updateInterval": 50, "fit": True}}


def options(graph: ViewGraph) -> dict[str, Any]:
    big = len(graph.nodes) >= BIG
    return {
        "physics": physics(graph),
        "layout": {"improvedLayout": False, "randomSeed": 1},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "multiselect": True},
        "groups": groups(graph),
        "nodes": {"font": {"face": FONT, "size": 13, "strokeWidth": 3, "strokeColor": "#ffffff",
                           "color": "#222222"},
                  "scaling": {"label": {"enabled": False, "drawThreshold": 6}}},
        "edges": {"smooth": False, "selectionWidth": 2, "hoverWidth": 1,
                  "arrows": {"to": {"enabled": False, "scaleFactor": 0.6},
                             "from": {"enabled": False, "scaleFactor": 0.6}},
                  "font": {"face": FONT, "size": 10, "align": "horizontal", "strokeWidth": 3,
                           "strokeColor": "#ffffff", "color": "#444444"}},
    }


def subtitle(graph: ViewGraph) -> str:
    store = f" ({graph.backend} store)" if graph.backend else ""
    return (f"{describe_parameters(graph.parameters)} · {len(graph.nodes):,} nodes, {len(graph.edges):,} links · "
            f"generated {graph.generated_at} by consignet {graph.version}{store}")


def render(graph: ViewGraph) -> str:
    """The page: pyvis holds the nodes, edges and options and renders them through the template."""
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line", heading=graph.title)
    for node in node_data(graph):
        net.add_node(node.pop("id"), label=node.pop("label"), shape=node.pop("shape"), **node)
    # pyvis's add_edge checks each end against a list of every node id (quadratic in a 2,000-node view);
    # the ends are known to be there, so the edges are made with pyvis's Edge directly.
    net.edges = [Edge(edge.pop("from"), edge.pop("to"), directed=False, **edge).options for edge in edge_data(graph)]
    net.options = options(graph)
    env = Environment(loader=DictLoader({TEMPLATE_NAME: TEMPLATE}), autoescape=True)
    # Names stay as UTF-8 text in the page (readable with grep); <, >, & and ' are still escaped.
    env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "sort_keys": False}
    script, css = vis_assets()
    env.globals.update(view=graph, font=FONT, subtitle=subtitle(graph), legend=legend_items(graph), vis_js=script,
                       vis_css=css, counts=json.dumps({"nodes": len(graph.nodes), "edges": len(graph.edges)}))
    net.templateEnv, net.path = env, TEMPLATE_NAME
    return net.generate_html(name="view.html")


TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="consignet {{ view.version }}">
<link rel="icon" href="data:,">
<title>{{ view.title }}</title>
<style>{{ vis_css|safe }}</style>
<style>
  html, body { margin: 0; height: 100%; font-family: {{ font|safe }};
               color: #222; background: #fff; }
  body { display: flex; flex-direction: column; }
  header { padding: 8px 14px 6px; border-bottom: 1px solid #ddd; }
  h1 { font-size: 19px; margin: 0 0 3px; }
  .meta { font-size: 12.5px; color: #555; margin: 0; }
  .cut { background: #fff3cd; border: 1px solid #e0b84c; padding: 5px 9px; margin: 6px 0 0; font-size: 13px; }
  .note { font-size: 12.5px; color: #444; margin: 4px 0 0; }
  main { position: relative; flex: 1 1 auto; min-height: 300px; display: flex; }
  #mynetwork { position: relative; flex: 1 1 auto; }
  #side { flex: 0 0 255px; border-left: 1px solid #ddd; padding: 8px 10px; overflow: auto; font-size: 12px; }
  #legend h2 { font-size: 13px; margin: 8px 0 4px; }
  #legend h3 { font-size: 11px; margin: 7px 0 2px; color: #555; font-weight: normal; text-transform: uppercase; }
  #legend ul { list-style: none; margin: 0; padding: 0; }
  #legend li { display: flex; align-items: center; gap: 6px; line-height: 18px; margin: 1px 0; }
  #legend svg { flex: 0 0 auto; }
  #find input { font-size: 12px; padding: 3px 6px; width: 100%; box-sizing: border-box; }
  #find output { display: block; color: #555; margin-top: 2px; min-height: 14px; }
  .help { color: #666; margin: 10px 0 0; }
  div.vis-tooltip { white-space: pre-line; max-width: 560px; font-family: inherit; font-size: 12px;
                    line-height: 1.35; }
</style>
<script>{{ vis_js|safe }}</script>
</head>
<body>
<header>
  <h1 id="view-title">{{ view.title }}</h1>
  <p class="meta" id="view-meta">{{ subtitle }}</p>
  {% if view.cut %}<p class="cut" id="cut-note" role="alert">{{ view.cut }}</p>{% endif %}
  {% for note in view.notes %}<p class="note">{{ note }}</p>{% endfor %}
</header>
<main>
  <div id="mynetwork"></div>
  <div id="side">
  <form id="find" role="search" onsubmit="return consignetFind(event)">
    <input id="find-input" type="search" placeholder="find a name or number…" aria-label="find a node">
    <output id="find-result"></output>
  </form>
  <aside id="legend" aria-label="legend">
    <h2>Legend</h2>
    {% for group in legend %}
    <h3>{{ group.title }}</h3>
    <ul>{% for item in group["items"] %}
      <li class="legend-item" data-key="{{ item.key }}">{{ item.icon|safe }}<span>{{ item.title }}</span></li>
    {%- endfor %}
    </ul>
    {% endfor %}
  </aside>
  <p class="help">Hover a node or line for its records and every spelling of a name; drag to move, scroll
    to zoom, click to select.</p>
  </div>
</main>
<script>
  var nodes = new vis.DataSet({{ nodes|tojson }});
  var edges = new vis.DataSet({{ edges|tojson }});
  var options = {{ options|safe }};
  var network = new vis.Network(document.getElementById("mynetwork"), {nodes: nodes, edges: edges}, options);
  window.consignetView = {kind: {{ view.kind|tojson }}, expected: {{ counts|safe }}, nodes: nodes, edges: edges,
                          network: network, settledAt: null};
  function consignetSettled() {
    window.consignetView.settledAt = performance.now();
    document.body.setAttribute("data-settled", "true");
  }
  if (options.physics.enabled) {
    // A small view starts from its computed positions, relaxes for a bounded number of steps, then freezes.
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({physics: {enabled: false}});
      network.once("afterDrawing", consignetSettled);
      network.redraw();
    });
  } else {
    // Positions were computed before the page was written and physics is off: the first frame is final.
    network.once("afterDrawing", consignetSettled);
  }
  function consignetFind(event) {
    event.preventDefault();
    var text = document.getElementById("find-input").value.trim().toLowerCase();
    var found = text ? nodes.get({filter: function (n) {
      return n.label.toLowerCase().indexOf(text) >= 0 || (n.names || []).some(function (x) {
        return x.toLowerCase().indexOf(text) >= 0; }) || String(n.id).toLowerCase() === text;
    }}).map(function (n) { return n.id; }) : [];
    network.selectNodes(found);
    if (found.length) { network.fit({nodes: found, animation: false}); }
    document.getElementById("find-result").textContent = text ? found.length + " found" : "";
    return false;
  }
</script>
</body>
</html>
"""
