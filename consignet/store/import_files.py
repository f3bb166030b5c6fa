"""Write the graph as Neo4j bulk-import files (``neo4j-admin database import full``) instead of a store.

The first load of millions of records into an empty Neo4j goes through Neo4j's bulk importer, many
times faster than transactions. Ingest runs unchanged (read -> validate -> map): this writer takes its
GraphBatches and appends them to one CSV per label and per relationship type. Node ids are the same
deterministic ids the online writers MERGE on, in one global id space, so later online ingests and
re-ingests MERGE onto the imported nodes.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from consignet.model import load_yaml
from consignet.scope import Viewer
from consignet.store.base import GraphStore
from consignet.store.batch import GraphBatch
from consignet.store.import_replace import ARRAY_DELIMITER, drop_dangling, drop_superseded


def _type_of(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    if isinstance(value, list):
        inner = {_type_of(v) for v in value} - {"string"}
        return f"{inner.pop() if len(inner) == 1 else 'string'}[]"
    return "string"


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ARRAY_DELIMITER.join("" if v is None else str(v) for v in value)
    return value


class _Table:
    """One CSV file; its header (with import types) is fixed by the first rows written."""

    def __init__(self, path: Path, fixed: list[str], props: list[str]) -> None:
        self.path, self.fixed, self.props = path, fixed, props
        self.types: dict[str, str] = {}
        self.rows = 0  # data rows written (see import_replace: where an updated record's old rows end)
        self.fh: IO[str] | None = None
        self.writer: Any = None

    def write(self, rows: list[tuple[list[Any], dict[str, Any]]]) -> None:
        if self.fh is None:
            unknown = {k for _, props in rows for k in props} - set(self.props) - {"id"}
            if unknown:  # the model is the contract: a property it does not declare would be lost here
                raise ValueError(f"{self.path.name}: properties not declared in graph.yaml: {sorted(unknown)}")
            for _, props in rows:
                for key in self.props:
                    if key not in self.types and props.get(key) not in (None, []):
                        self.types[key] = _type_of(props[key])
            self.fh = self.path.open("w", newline="", encoding="utf-8")
            self.writer = csv.writer(self.fh)
            self.writer.writerow([*self.fixed, *(f"{k}:{self.types.get(k, 'string')}" for k in self.props)])
        for fixed, props in rows:
            values = []
            for key in self.props:
                value = props.get(key)
                if isinstance(value, (dict,)):
                    value = json.dumps(value, ensure_ascii=False, default=str)
                values.append(_cell(value))
            self.writer.writerow([*fixed, *values])
        self.rows += len(rows)

    def close(self) -> None:
        if self.fh:
            self.fh.close()


class ImportFileWriter(GraphStore):
    """A write-only store for an empty target: every record is new, nothing is read back."""

    backend = "neo4j-import"

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.model = load_yaml("graph.yaml")
        self.nodes: dict[str, _Table] = {}
        self.rels: dict[str, _Table] = {}
        self.cuts: dict[str, dict[str, int]] = {}  # record updated within the load -> rows per file before it

    # -- what the importer needs ------------------------------------------------------------------
    def write_batch(self, batch: GraphBatch) -> None:
        if getattr(batch, "records", None):  # record trees (the Neo4j writer's shape): written row by row here
            batch.flatten()
        if batch.replace:  # the old version's rows are all written: ingest submits them before the update
            cut = {t.path.name: t.rows for t in [*self.nodes.values(), *self.rels.values()]}
            self.cuts.update(dict.fromkeys(batch.replace, cut))
        for label, rows in batch.nodes.items():
            table = self.nodes.get(label)
            if table is None:
                props = [p for p in self.model["nodes"][label]["properties"]]
                table = self.nodes[label] = _Table(self.out_dir / f"nodes_{label}.csv", ["id:ID", ":LABEL"], props)
            table.write([([row["id"], label], row) for row in rows.values()])
        for rtype, rels in batch.rels.items():
            table = self.rels.get(rtype)
            if table is None:
                props = list(self.model["relationships"][rtype]["properties"])
                table = self.rels[rtype] = _Table(self.out_dir / f"rels_{rtype}.csv",
                                                  [":START_ID", ":END_ID", ":TYPE"], props)
            table.write([([r.src, r.dst, rtype], r.props) for r in rels.values()])

    def close(self) -> None:
        for table in [*self.nodes.values(), *self.rels.values()]:
            table.close()
        if self.cuts:
            versions, links = drop_superseded(self.nodes, self.rels, self.cuts)
            self.cuts = {}
            if versions:
                extra = GraphBatch()
                extra.nodes["ConsignmentVersion"] = {v["id"]: v for v in versions}
                for src, dst in links:
                    extra.rel("PREVIOUS_VERSION", src, dst)
                self.write_batch(extra)
                self.nodes["ConsignmentVersion"].close()
                self.rels["PREVIOUS_VERSION"].close()
        # The one link from a record to another record: a seizure report may name a consignment never shared.
        drop_dangling(self.nodes, self.rels, {"SEIZED": "Consignment"})

    def files(self) -> tuple[list[Path], list[Path]]:
        return [t.path for t in self.nodes.values()], [t.path for t in self.rels.values()]

    def record_versions(self, ids: Sequence[str]) -> dict[str, tuple[str, int]]:
        return {}  # the target is empty: every record is new (duplicates inside the run are still caught)

    # -- not available on a file writer -----------------------------------------------------------
    def ensure_schema(self) -> None:
        return None

    def reset(self) -> None:
        raise NotImplementedError("an import-file writer holds no data to reset")

    def add_forwarders(self, forwarders: dict[str, list[str]]) -> None:
        # Duplicates forwarded within the same initial load: recorded on the record's own row instead.
        return None

    def refresh_derived(self) -> None:
        raise NotImplementedError("derived data is computed in Neo4j after the import")

    def mention_rows(self, only_unresolved: bool = False) -> list[dict[str, Any]]:
        raise NotImplementedError

    def write_resolution(self, actors: list[dict[str, Any]], links: list[dict[str, Any]],
                         drop_actors: Sequence[str] = ()) -> None:
        raise NotImplementedError

    def get_meta(self, key: str) -> Any:
        return None

    def set_meta(self, key: str, value: Any) -> None:
        raise NotImplementedError

    def get_node(self, node_id: str, viewer: Viewer) -> dict[str, Any] | None:
        return None

    def stats(self, viewer: Viewer) -> dict[str, Any]:
        raise NotImplementedError

    def summary_counts(self, viewer: Viewer) -> dict[str, int]:
        raise NotImplementedError

    def mention_assignments(self, viewer: Viewer) -> list[dict[str, Any]]:
        raise NotImplementedError

    def actor_rows(self, viewer: Viewer) -> list[dict[str, Any]]:
        raise NotImplementedError
