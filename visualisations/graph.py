"""The drawn graph: nodes and aggregated edges built from the analysis reads' answers.

A view never asks the store anything itself; it takes the JSON answers the API gives (neighbourhood,
paths, repeat actors, container history) and turns them into what is drawn:

- one edge per pair of nodes: several links between the same two nodes (both directions of a
  ``SHIPPED_TO``, a consignment's party in two roles, many shipments between the same parties) become one
  line whose label and tooltip list every link with its count, never silently dropped;
- a party as written on one record (Mention) is folded into the resolved actor when that actor is in the
  view, so the line reads consignment --consignee-- actor and the actor keeps every spelling;
- seizures and flags mark their neighbours, so those stand out;
- a node cap keeps the page usable and says how much was cut.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from consignet import __version__
from consignet.visualisations import styles

ALERT_LINKS = {"SEIZED": "seized", "SEIZED_CONTAINER": "seized", "FLAGS": "flagged"}


@dataclass
class ViewNode:
    id: str
    label: str  # model label (Actor, Container, ...)
    name: str
    props: dict[str, Any]
    kind: str = ""  # style key, see styles.node_kind
    hop: int | None = None
    rank: int = 0  # lower is more important: kept first when the view is cut
    hub: bool = False
    common: bool = False
    measure: int | None = None
    focus: bool = False
    weight: float = 1.0  # size relative to its kind's (e.g. more countries, larger)
    evidence: dict[str, Any] | None = None
    names: list[str] = field(default_factory=list)  # every spelling, all scripts
    seized: list[str] = field(default_factory=list)  # why it is marked (one line each)
    flagged: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)  # extra tooltip lines from the view

    def __post_init__(self) -> None:
        self.kind = self.kind or styles.node_kind(self.label, self.props)
        for name in [self.name, *(self.props.get("names") or [])]:
            if name and name not in self.names:
                self.names.append(name)


@dataclass
class LinkPart:
    """One link as the store answered it (or as a view derived it)."""

    type: str
    source: str
    target: str
    role: str | None = None
    records: int | None = None
    first_date: str | None = None
    last_date: str | None = None
    countries: list[str] = field(default_factory=list)
    evidence: dict[str, Any] | None = None
    note: str | None = None
    derived: bool = False  # an aggregate link: ``records`` counts every record behind the relation

    @property
    def verb(self) -> str:
        return self.role or styles.LINK_VERBS.get(self.type, self.type.lower().replace("_", " "))


@dataclass
class ViewEdge:
    a: str
    b: str
    parts: list[LinkPart] = field(default_factory=list)

    @property
    def records(self) -> int:
        """Records behind the line: a derived link already counts all of them; record-level links (one
        record each) add up. The larger of the two, so a folded mention's link is not counted twice."""
        derived = max((p.records or 0 for p in self.parts if p.derived), default=0)
        return max(derived, sum(p.records or 0 for p in self.parts if not p.derived))


@dataclass
class ViewGraph:
    kind: str  # actor | paths | community | repeat-actors | container
    title: str
    parameters: dict[str, Any] = field(default_factory=dict)  # what was asked, shown under the title
    nodes: dict[str, ViewNode] = field(default_factory=dict)
    edges: dict[tuple[str, str], ViewEdge] = field(default_factory=dict)
    roots: list[str] = field(default_factory=list)
    layout: str = "radial"  # radial | layered | timeline | anchored (see layout.py)
    notes: list[str] = field(default_factory=list)
    cut: str | None = None  # the visible note when the view was cut
    narrow_hint: str = ""
    backend: str = ""
    generated_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    version: str = __version__

    # -- building ---------------------------------------------------------------------------------
    def add_node(self, node: ViewNode) -> ViewNode:
        held = self.nodes.get(node.id)
        if held is None:
            self.nodes[node.id] = node
            return node
        held.rank = min(held.rank, node.rank)
        held.focus = held.focus or node.focus
        if node.hop is not None and (held.hop is None or node.hop < held.hop):
            held.hop = node.hop
        held.evidence = held.evidence or node.evidence
        held.names += [n for n in node.names if n not in held.names]
        held.facts += [f for f in node.facts if f not in held.facts]
        return held

    def add_answer_node(self, item: dict[str, Any], rank: int = 0, focus: bool = False) -> ViewNode:
        """A node as the analysis reads answer it (``id, label, name, props, hop, hub, common, evidence``)."""
        return self.add_node(ViewNode(
            id=item["id"], label=item["label"], name=item.get("name") or "", props=dict(item.get("props") or {}),
            hop=item.get("hop"), rank=rank, hub=bool(item.get("hub")), common=bool(item.get("common")),
            measure=item.get("measure"), focus=focus, evidence=item.get("evidence")))

    def add_part(self, part: LinkPart) -> None:
        if part.source not in self.nodes or part.target not in self.nodes or part.source == part.target:
            return
        key = (min(part.source, part.target), max(part.source, part.target))
        edge = self.edges.setdefault(key, ViewEdge(*key))
        if not any(_same(p, part) for p in edge.parts):
            edge.parts.append(part)

    def add_answer_link(self, link: dict[str, Any]) -> None:
        """A link as the reads answer it (``type, source, target, props, evidence``)."""
        props = link.get("props") or {}
        evidence = link.get("evidence")
        derived = props.get("record_count") is not None
        records = props.get("record_count") if derived else (evidence or {}).get("total")
        dates = [r.get("date") for r in (evidence or {}).get("records") or [] if r.get("date")]
        first = props.get("first_date") or (min(dates) if dates else None)
        last = props.get("last_date") or (max(dates) if dates else None)
        role = props.get("role") if link["type"] == "HAS_PARTY" else None
        countries = props.get("originators") or sorted({r.get("originator") for r in (evidence or {}).get(
            "records") or [] if r.get("originator")})
        self.add_part(LinkPart(link["type"], link["source"], link["target"], role=role, records=records,
                               first_date=first, last_date=last, countries=list(countries), evidence=evidence,
                               derived=derived))

    def add_answer(self, answer: dict[str, Any], rank_offset: int = 0) -> None:
        """Every node and link of a graph answer (neighbourhood, one path)."""
        for i, item in enumerate(answer.get("nodes") or []):
            self.add_answer_node(item, rank=rank_offset + i)
        for link in answer.get("links") or []:
            self.add_answer_link(link)

    def enrich(self, summaries: dict[str, dict[str, Any]], only: set[str] | None = None) -> None:
        """Fill in nodes a view only knew by id and name with the store's properties (``node_summaries``):
        an actor's kind, every spelling, its records and countries; a port's name."""
        for node_id, found in summaries.items():
            node = self.nodes.get(node_id)
            if node is None or (only is not None and node_id not in only):
                continue
            node.props = {**(found.get("props") or {}), **{k: v for k, v in node.props.items() if v is not None}}
            node.kind = styles.node_kind(node.label, node.props)
            for name in [found.get("name"), *(node.props.get("names") or [])]:
                if name and name not in node.names:
                    node.names.append(name)

    # -- shaping ----------------------------------------------------------------------------------
    def neighbours(self) -> dict[str, list[str]]:
        adj: dict[str, list[str]] = defaultdict(list)
        for a, b in self.edges:
            adj[a].append(b)
            adj[b].append(a)
        return adj

    def fold_mentions(self) -> None:
        """Fold each Mention whose actor is drawn into that actor: its links move to the actor (a party
        link keeps the mention's role), its spelling joins the actor's names."""
        actor_of: dict[str, str] = {}
        for edge in self.edges.values():
            for p in edge.parts:
                if p.type == "RESOLVES_TO" and self.nodes.get(p.source, _NOBODY).label == "Mention":
                    actor_of.setdefault(p.source, p.target)
        if not actor_of:
            return
        old = self.edges
        self.edges = {}
        for edge in old.values():
            for p in edge.parts:
                if p.type == "RESOLVES_TO" and p.source in actor_of:
                    continue
                role = p.role
                if p.type == "HAS_PARTY" and not role:  # the role is on the link; older data: on the mention
                    role = self.nodes[p.target].props.get("role")
                self.add_part(LinkPart(p.type, actor_of.get(p.source, p.source), actor_of.get(p.target, p.target),
                                       role=role, records=p.records, first_date=p.first_date, last_date=p.last_date,
                                       countries=p.countries, evidence=p.evidence, note=p.note, derived=p.derived))
        for mention, actor in actor_of.items():
            folded = self.nodes.pop(mention)
            self.nodes[actor].names += [n for n in folded.names if n not in self.nodes[actor].names]
            self.nodes[actor].rank = min(self.nodes[actor].rank, folded.rank)
            if folded.hop is not None and (self.nodes[actor].hop is None or folded.hop < self.nodes[actor].hop):
                self.nodes[actor].hop = folded.hop

    def mark_alerts(self) -> None:
        """Seizures and flags mark the nodes they point at; high-priority goods (CHPL) are flagged."""
        for edge in self.edges.values():
            for p in edge.parts:
                what = ALERT_LINKS.get(p.type)
                if what and p.source in self.nodes:
                    source = self.nodes[p.source]
                    reason = f"{'seizure' if what == 'seized' else 'flag'} {source.name}"
                    if source.props.get("seizure_date"):
                        reason += f" on {source.props['seizure_date']}"
                    if source.props.get("reason"):
                        reason += f": {source.props['reason']}"
                    getattr(self.nodes[p.target], what).append(reason)
        for node in self.nodes.values():
            if node.label == "Seizure" and not node.seized:
                node.seized.append(f"seizure {node.name}")
            if node.label == "Commodity" and node.props.get("chpl_tier") is not None:
                node.flagged.append(f"high-priority goods (CHPL tier {node.props['chpl_tier']})")

    def cap(self, max_nodes: int, how: str) -> None:
        """Keep the ``max_nodes`` most important nodes (lowest rank, then nearest); say what was cut."""
        if len(self.nodes) <= max_nodes:
            return
        order = sorted(self.nodes.values(), key=lambda n: (not n.focus, n.rank, n.hop or 0, n.id))
        keep = {n.id for n in order[:max_nodes]}
        dropped = len(self.nodes) - len(keep)
        self.nodes = {k: v for k, v in self.nodes.items() if k in keep}
        self.edges = {k: e for k, e in self.edges.items() if k[0] in keep and k[1] in keep}
        self.note_cut(f"{dropped:,} more node(s) were found and not drawn: the view is capped at {max_nodes:,} "
                      f"nodes, the most relevant kept.", how)

    def note_cut(self, text: str, how: str | None = None) -> None:
        hint = how or self.narrow_hint
        self.cut = f"{self.cut} {text}" if self.cut else text
        if hint and hint not in self.cut:
            self.cut += f" Narrow it: {hint}"


class _Nobody:
    label = ""


_NOBODY = _Nobody()


def _same(a: LinkPart, b: LinkPart) -> bool:
    return (a.type, a.source, a.target, a.role) == (b.type, b.source, b.target, b.role)
