"""The words of a view: tooltips (provenance, every spelling), edge labels, the title's parameters.

Tooltips are plain text (vis-network shows a string title as text): names come from files other
agencies sent, and are never interpreted as HTML.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from consignet.names import detect_script
from consignet.visualisations.graph import LinkPart, ViewEdge, ViewGraph, ViewNode
from consignet.visualisations.styles import style_of

EVIDENCE_LINES = 3  # records listed in a tooltip (the API's evidence pages go further)


def span(first: str | None, last: str | None) -> str:
    if not first and not last:
        return ""
    if first == last or not last:
        return str(first)
    if not first:
        return f"until {last}"
    return f"{first} → {last}"


def names_by_script(names: list[str]) -> list[str]:
    """``Cyrillic: ТОО «Шелковый путь»; ...`` one line per script, scripts in the order first seen."""
    groups: dict[str, list[str]] = defaultdict(list)
    for name in names:
        script = detect_script(name)
        groups[script if script not in ("none", "") else "other"].append(name)
    return [f"{script.capitalize()}: " + "; ".join(found) for script, found in groups.items()]


def evidence_lines(evidence: dict[str, Any] | None) -> list[str]:
    if not evidence or not evidence.get("records"):
        return []
    out = []
    total = evidence.get("total") or len(evidence["records"])
    shown = evidence["records"][:EVIDENCE_LINES]
    out.append(f"records behind it ({len(shown)} of {total:,}):" if total > len(shown) else "records behind it:")
    for rec in shown:
        bits = [f"{rec.get('originator') or '?'} {rec.get('record_id') or rec.get('record') or ''}".strip()]
        if rec.get("date"):
            bits.append(str(rec["date"]))
        if rec.get("role"):
            bits.append(str(rec["role"]))
        where = rec.get("file")
        if where:
            reporter = rec.get("reporting_country")
            sent = f"sent by {reporter}: " if reporter and reporter != rec.get("originator") else ""
            bits.append(f"{sent}{where} row {rec.get('row')}")
        out.append("  " + " · ".join(bits))
    return out


def node_tooltip(node: ViewNode) -> str:
    p = node.props
    lines = [node.name or node.id, f"[{style_of(node.kind).title}]"]
    if len(node.names) > 1 or (node.names and node.names[0] != node.name):
        lines.append("names:")
        lines += ["  " + line for line in names_by_script(node.names)]
    facts = []
    records = p.get("record_count")
    if records is None and node.evidence:
        records = node.evidence.get("total")
    if records is not None:
        facts.append(f"{records:,} record(s)")
    countries = p.get("originators") or ([p["originator"]] if p.get("originator") else [])
    if countries:
        facts.append("reported by " + ", ".join(countries))
    elif node.evidence and node.evidence.get("records"):  # identifiers: the countries of the records listed
        shown = node.evidence["records"]
        found = sorted({r["originator"] for r in shown if r.get("originator")})
        total = node.evidence.get("total") or len(shown)
        if found:
            facts.append("reported by " + ", ".join(found) + (f" (in the first {len(shown)} of {total:,} records)"
                                                             if total > len(shown) else ""))
    dates = span(p.get("first_date"), p.get("last_date")) or p.get("shipment_date") or p.get("seizure_date")
    if dates:
        facts.append(str(dates))
    if facts:
        lines.append(" · ".join(facts))
    for reason in node.seized:
        lines.append(f"SEIZED: {reason}")
    for reason in node.flagged:
        lines.append(f"FLAGGED: {reason}")
    if node.common:
        lines.append(f"common identifier (used by {node.measure} actors or records): shown, not walked through")
    elif node.hub:
        lines.append("hub: shown, not walked through")
    if node.hop is not None and node.hop > 0:
        lines.append(f"{node.hop} hop(s) from the subject")
    lines += node.facts
    lines += evidence_lines(node.evidence)
    lines.append(f"id: {node.id}")
    return "\n".join(lines)


def part_line(part: LinkPart, graph: ViewGraph) -> str:
    a = graph.nodes[part.source].name if part.source in graph.nodes else part.source
    b = graph.nodes[part.target].name if part.target in graph.nodes else part.target
    bits = [f"{a} —{part.verb}→ {b}"]
    if part.records:
        bits.append(f"{part.records:,} record(s)")
    if part.first_date or part.last_date:
        bits.append(span(part.first_date, part.last_date))
    if part.countries:
        bits.append("reported by " + ", ".join(part.countries))
    if part.note:
        bits.append(part.note)
    return " · ".join(bits)


def edge_tooltip(edge: ViewEdge, graph: ViewGraph) -> str:
    lines = []
    if len(edge.parts) > 1:
        lines.append(f"{len(edge.parts)} links between these two, {edge.records:,} record(s) in all:")
    for part in edge.parts:
        lines.append(part_line(part, graph))
        lines += ["  " + line for line in evidence_lines(part.evidence)]
    return "\n".join(lines)


def edge_label(edge: ViewEdge) -> str:
    """Role(s), record count and dates, on two short lines."""
    verbs = list(dict.fromkeys(p.verb for p in edge.parts))
    words = ", ".join(verbs[:2]) + (f" +{len(verbs) - 2}" if len(verbs) > 2 else "")
    if edge.records > 1:
        words += f" ×{edge.records:,}"
    firsts = [p.first_date for p in edge.parts if p.first_date]
    lasts = [p.last_date for p in edge.parts if p.last_date]
    when = span(min(firsts) if firsts else None, max(lasts) if lasts else None)
    return f"{words}\n{when}" if when else words


def describe_parameters(parameters: dict[str, Any]) -> str:
    """``hops 2 · date 2025-01-01 → 2025-06-30 · countries GE, KZ`` (only what was set)."""
    parts = []
    for key, value in parameters.items():
        if value in (None, "", [], (), False):
            continue
        if isinstance(value, list | tuple):
            value = ", ".join(str(v) for v in value)
        elif value is True:
            value = "yes"
        parts.append(f"{key.replace('_', ' ')}: {value}")
    return " · ".join(parts) if parts else "no filters"
