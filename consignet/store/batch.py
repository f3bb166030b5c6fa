"""A batch of nodes and relationships to write, grouped by label and type (for ``UNWIND $rows``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from consignet import ids


@dataclass(slots=True)
class RelRow:
    id: str
    src: str
    dst: str
    props: dict[str, Any]


@dataclass
class GraphBatch:
    """Nodes by label (id -> properties) and relationships by type (id -> RelRow).

    ``record_ids`` are the Consignment/Seizure nodes the batch writes; ``replace`` the subset that
    already exist with other content (their record-level links and mentions are replaced)."""

    nodes: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    rels: dict[str, dict[str, RelRow]] = field(default_factory=dict)
    record_ids: list[str] = field(default_factory=list)
    replace: list[str] = field(default_factory=list)

    def node(self, label: str, node_id: str, props: dict[str, Any]) -> str:
        bucket = self.nodes.setdefault(label, {})
        if node_id in bucket:
            bucket[node_id].update({k: v for k, v in props.items() if v is not None})
        else:
            bucket[node_id] = {"id": node_id, **props}
        return node_id

    def rel(self, rel_type: str, src: str, dst: str, props: dict[str, Any] | None = None) -> None:
        rid = ids.rel_id(rel_type, src, dst)
        self.rels.setdefault(rel_type, {})[rid] = RelRow(rid, src, dst, props or {})

    def __len__(self) -> int:
        return sum(len(v) for v in self.nodes.values()) + sum(len(v) for v in self.rels.values())
