"""A batch of nodes and relationships to write, grouped by label and type (for ``UNWIND $rows``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from consignet import ids


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


@dataclass
class GraphBatch:
    """Nodes by label (id -> properties) and relationships by type ((src, dst) -> RelRow).

    ``record_ids`` are the Consignment/Seizure nodes the batch writes; ``replace`` the subset that
    already exist with other content (their record-level links and mentions are replaced)."""

    nodes: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    rels: dict[str, dict[tuple[str, str], RelRow]] = field(default_factory=dict)
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

    def __len__(self) -> int:
        return sum(len(v) for v in self.nodes.values()) + sum(len(v) for v in self.rels.values())
