"""The legend: the node kinds, markers and kinds of line that are in the view, each with a small inline
SVG drawn like vis-network draws it (no image is loaded)."""

from __future__ import annotations

import math
from typing import Any

from consignet.visualisations import styles
from consignet.visualisations.graph import ViewGraph

ICON = 18  # px


def _points(pts: list[tuple[float, float]]) -> str:
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in pts)


def _polygon(shape: str) -> list[tuple[float, float]] | None:
    c, r = ICON / 2, ICON / 2 - 2
    if shape == "triangle":
        return [(c, c - r), (c + r, c + r * 0.75), (c - r, c + r * 0.75)]
    if shape == "triangleDown":
        return [(c, c + r), (c + r, c - r * 0.75), (c - r, c - r * 0.75)]
    if shape == "diamond":
        return [(c, c - r), (c + r, c), (c, c + r), (c - r, c)]
    if shape == "hexagon":
        return [(c + r * math.cos(math.pi / 3 * i), c + r * math.sin(math.pi / 3 * i)) for i in range(6)]
    if shape == "star":
        return [(c + (r if i % 2 == 0 else r * 0.45) * math.cos(-math.pi / 2 + math.pi / 5 * i),
                 c + (r if i % 2 == 0 else r * 0.45) * math.sin(-math.pi / 2 + math.pi / 5 * i)) for i in range(10)]
    return None


def node_icon(shape: str, fill: str, border: str | None = None, width: float = 1.2, dashed: bool = False) -> str:
    stroke = f'stroke="{border or fill}" stroke-width="{width}"' + (' stroke-dasharray="3,2"' if dashed else "")
    c, r = ICON / 2, ICON / 2 - 2
    pts = _polygon(shape)
    if pts:
        body = f'<polygon points="{_points(pts)}" fill="{fill}" {stroke}/>'
    elif shape == "square":
        body = f'<rect x="{c - r * 0.8:.1f}" y="{c - r * 0.8:.1f}" width="{r * 1.6:.1f}" height="{r * 1.6:.1f}" ' \
               f'fill="{fill}" {stroke}/>'
    else:
        body = f'<circle cx="{c}" cy="{c}" r="{r - width / 2:.1f}" fill="{fill}" {stroke}/>'
    return f'<svg width="{ICON}" height="{ICON}" viewBox="0 0 {ICON} {ICON}" aria-hidden="true">{body}</svg>'


def line_icon(color: str, dashed: bool = False, arrow: bool = False) -> str:
    dash = ' stroke-dasharray="4,3"' if dashed else ""
    head = (f'<polygon points="{ICON * 2 - 1},{ICON / 2} {ICON * 2 - 7},{ICON / 2 - 4} {ICON * 2 - 7},{ICON / 2 + 4}" '
            f'fill="{color}"/>') if arrow else ""
    return (f'<svg width="{ICON * 2}" height="{ICON}" viewBox="0 0 {ICON * 2} {ICON}" aria-hidden="true">'
            f'<line x1="1" y1="{ICON / 2}" x2="{ICON * 2 - 2}" y2="{ICON / 2}" stroke="{color}" '
            f'stroke-width="2"{dash}/>'
            f'{head}</svg>')


def legend_items(graph: ViewGraph) -> list[dict[str, Any]]:
    """Groups (node kinds, markers, lines), each listing only what the view holds."""
    kinds = sorted({n.kind for n in graph.nodes.values()},
                   key=lambda k: list(styles.NODE_STYLES).index(k) if k in styles.NODE_STYLES else 99)
    nodes = []
    for kind in kinds:
        look = styles.style_of(kind)
        nodes.append({"key": kind, "title": look.title, "icon": node_icon(look.shape, look.color)})
    present = {
        "focus": any(n.focus for n in graph.nodes.values()),
        "seized": any(n.seized for n in graph.nodes.values()),
        "flagged": any(n.flagged for n in graph.nodes.values()),
        "hub": any(n.hub or n.common for n in graph.nodes.values()),
    }
    grey = "#bbbbbb"
    marker_icons = {
        "focus": f'<svg width="{ICON}" height="{ICON}" aria-hidden="true"><circle cx="9" cy="9" r="8" '
                 f'fill="{grey}" stroke="#333" stroke-width="1"/></svg>',
        "seized": node_icon("dot", grey, styles.SEIZED_BORDER, 3.5),
        "flagged": node_icon("dot", grey, styles.FLAGGED_BORDER, 3.5),
        "hub": node_icon("dot", "#ffffff", "#555555", 1.5, dashed=True),
    }
    markers = [{"key": key, "title": styles.MARKERS[key], "icon": marker_icons[key]}
               for key, shown in present.items() if shown]
    families = {styles.edges_family([p.type for p in e.parts]) for e in graph.edges.values()}
    lines = [{"key": fam, "title": look.title, "icon": line_icon(look.color, look.dashes, fam == "shipping")}
             for fam, look in styles.EDGE_STYLES.items() if fam in families]
    if graph.edges:
        lines.append({"key": "count", "title": "×N: records behind a line (thicker: more)",
                      "icon": line_icon("#444444")})
    groups = [{"title": "nodes", "items": nodes}]
    if markers:
        groups.append({"title": "marks", "items": markers})
    if lines:
        groups.append({"title": "lines", "items": lines})
    return groups
