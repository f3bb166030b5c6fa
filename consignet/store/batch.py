"""A batch of nodes and relationships to write, grouped by label and type (for ``UNWIND $rows``).

Records (Consignment, Seizure) may instead be added as *trees*: the record's properties, the ids its
links point at, and the child records it owns (its mentions) with their own links. Neo4j creates a
tree in one statement without looking the record up again per link type (see
consignet/model/codegen_records.py); stores that write node by node call ``flatten()`` first.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from consignet import ids
from consignet.model import load_yaml

TreeRow = dict[str, Any]


@dataclass(slots=True)
class RelRow:
    type: str
    src: str
    dst: str
    props: dict[str, Any]

    @property
    def id(self) -> str:
        # Computed only where needed (the embedded store keys links by id; Neo4j MERGEs on the pair).
        return ids.rel_id(self.type, self.src, self.dst)


@cache
def rel_has_props() -> dict[str, bool]:
    """Link types with properties travel in a tree as ``{"dst": id, <prop>: value}``, others as the id."""
    return {rtype: bool(spec["properties"]) for rtype, spec in load_yaml("graph.yaml")["relationships"].items()}


@cache
def _child_label(rtype: str) -> str:
    return str(load_yaml("graph.yaml")["relationships"][rtype]["to"])


def link(row: TreeRow, rtype: str, dst: str, props: dict[str, Any] | None = None) -> None:
    """Add a link of a tree row (a record or a child) to the node ``dst``. One link per type and pair,
    like ``GraphBatch.rel``: a second link to the same node replaces the first one's properties."""
    with_props = rel_has_props()[rtype]
    item: Any = {"dst": dst, **(props or {})} if with_props else dst
    links = row.get(rtype)
    if links is None:
        row[rtype] = [item]
    elif not with_props:
        if dst not in links:
            links.append(item)
    else:
        for i, old in enumerate(links):
            if old["dst"] == dst:
                links[i] = item
                return
        links.append(item)


@dataclass
class GraphBatch:
    """Nodes by label (id -> properties) and relationships by type ((src, dst) -> RelRow); record trees
    by label (id -> tree row).

    ``record_ids`` are the Consignment/Seizure nodes the batch writes; ``replace`` the subset that
    already exist with other content (their record-level links and mentions are replaced)."""

    nodes: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    rels: dict[str, dict[tuple[str, str], RelRow]] = field(default_factory=dict)
    records: dict[str, dict[str, TreeRow]] = field(default_factory=dict)
    record_ids: list[str] = field(default_factory=list)
    replace: list[str] = field(default_factory=list)
    # Set by ingest when every record node in the batch is new or replaced (its old links and mentions
    # dropped first): stores may then CREATE record-level nodes and links instead of MERGEing them.
    fresh: bool = False

    def node(self, label: str, node_id: str, props: dict[str, Any]) -> str:
        bucket = self.nodes.setdefault(label, {})
        if node_id in bucket:
            bucket[node_id].update({k: v for k, v in props.items() if v is not None})
        else:
            bucket[node_id] = {"id": node_id, **props}
        return node_id

    def rel(self, rel_type: str, src: str, dst: str, props: dict[str, Any] | None = None) -> None:
        self.rels.setdefault(rel_type, {})[(src, dst)] = RelRow(rel_type, src, dst, props or {})

    # -- record trees -----------------------------------------------------------------------------
    def record(self, label: str, node_id: str, props: dict[str, Any]) -> TreeRow:
        """A record as a tree row; add its links with ``link(row, ...)`` and children with ``child``."""
        row: TreeRow = {"props": {"id": node_id, **props}}
        self.records.setdefault(label, {})[node_id] = row
        return row

    @staticmethod
    def child(row: TreeRow, rtype: str, node_id: str, props: dict[str, Any],
              link_props: dict[str, Any]) -> TreeRow:
        """A child record (a mention) the record ``row`` owns through ``rtype``."""
        item: TreeRow = {"props": {"id": node_id, **props}, "link": link_props}
        children = row.get(rtype)
        if children is None:
            row[rtype] = [item]
        else:
            children.append(item)
        return item

    def flatten(self, only: Iterable[str] | None = None) -> None:
        """Move record trees (all, or those whose id is in ``only``) into ``nodes`` and ``rels``."""
        for label, rows in self.records.items():
            for nid in list(rows) if only is None else [i for i in only if i in rows]:
                self._flatten(label, rows.pop(nid))

    def _flatten(self, label: str, row: TreeRow) -> None:
        src = row["props"]["id"]
        self.node(label, src, row["props"])
        for rtype, items in row.items():
            if rtype in ("props", "link"):
                continue
            for item in items:
                if isinstance(item, dict) and "props" in item:  # a child record
                    self._flatten(_child_label(rtype), item)
                    self.rel(rtype, src, item["props"]["id"], dict(item["link"]))
                elif isinstance(item, dict):
                    self.rel(rtype, src, item["dst"], {k: v for k, v in item.items() if k != "dst"})
                else:
                    self.rel(rtype, src, item)

    def __len__(self) -> int:
        return (sum(len(v) for v in self.nodes.values()) + sum(len(v) for v in self.rels.values())
                + sum(len(v) for v in self.records.values()))
