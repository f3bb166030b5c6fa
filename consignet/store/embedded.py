"""The embedded default store: networkx in memory over a durable SQLite file (WAL).

SQLite is the truth on disk; each batch is one SQLite transaction, so a crash mid-write leaves the
file at the last committed batch. The in-memory MultiDiGraph (edge key = relationship type) is
rebuilt from the file on open, and again when another process has committed since (PRAGMA
data_version), so a running API sees what a later ingest wrote.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import networkx as nx

from consignet import ids
from consignet.scope import Viewer
from consignet.store import derive
from consignet.store.base import GraphStore
from consignet.store.batch import GraphBatch
from consignet.store.embedded_analysis import EmbeddedAnalysis
from consignet.store.risk_embedded import EmbeddedRisk

_SCHEMA = """
CREATE TABLE IF NOT EXISTS nodes (id TEXT PRIMARY KEY, label TEXT NOT NULL, labels TEXT NOT NULL,
                                  props TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS rels (id TEXT PRIMARY KEY, type TEXT NOT NULL, src TEXT NOT NULL,
                                 dst TEXT NOT NULL, props TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS rels_src ON rels(src);
CREATE INDEX IF NOT EXISTS rels_dst ON rels(dst);
CREATE INDEX IF NOT EXISTS nodes_label ON nodes(label);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
RECORD_LABELS = ("Consignment", "Seizure")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


class EmbeddedStore(GraphStore, EmbeddedAnalysis, EmbeddedRisk):
    backend = "embedded"

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        # NORMAL in WAL mode: a commit may be lost on power failure, never half-applied.
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(_SCHEMA)
        self._version = -1
        self.g = nx.MultiDiGraph()
        self.by_label: dict[str, set[str]] = defaultdict(set)
        self._sync()

    # -- loading ----------------------------------------------------------------------------------
    def _sync(self) -> None:
        version = self.db.execute("PRAGMA data_version").fetchone()[0]
        if version != self._version:
            self._load()
            self._version = version

    def _load(self) -> None:
        g = nx.MultiDiGraph()
        by_label: dict[str, set[str]] = defaultdict(set)
        for nid, label, labels, props in self.db.execute("SELECT id, label, labels, props FROM nodes"):
            g.add_node(nid, label=label, labels=json.loads(labels), p=json.loads(props))
            by_label[label].add(nid)
        for rid, rtype, src, dst, props in self.db.execute("SELECT id, type, src, dst, props FROM rels"):
            g.add_edge(src, dst, key=rtype, id=rid, p=json.loads(props))
        self.g, self.by_label = g, by_label

    def refresh(self) -> None:
        """Pick up what another process committed (cheap when nothing changed)."""
        self._sync()

    # -- lifecycle --------------------------------------------------------------------------------
    def ensure_schema(self) -> None:
        self.db.executescript(_SCHEMA)

    def close(self) -> None:
        self.db.close()

    def reset(self) -> None:
        with self._tx() as cur:
            cur.execute("DELETE FROM nodes")
            cur.execute("DELETE FROM rels")
            cur.execute("DELETE FROM meta")
        self._load()

    def _tx(self) -> _Tx:
        return _Tx(self.db)

    # -- write path -------------------------------------------------------------------------------
    def record_versions(self, ids_: Sequence[str]) -> dict[str, tuple[str, int]]:
        self._sync()
        out = {}
        for nid in ids_:
            data = self.g.nodes.get(nid)
            if data and data["label"] in RECORD_LABELS:
                out[nid] = (data["p"].get("content_hash"), int(data["p"].get("version") or 1))
        return out

    def write_batch(self, batch: GraphBatch) -> None:
        self._sync()
        batch.flatten()  # record trees -> nodes and links: this store writes them one by one
        touched_nodes: set[str] = set()
        touched_rels: dict[str, tuple[str, str, str]] = {}
        deleted_nodes: set[str] = set()
        deleted_rels: set[str] = set()
        for cid in batch.replace:
            self._archive(cid, touched_nodes, touched_rels, deleted_nodes, deleted_rels)
        for label, rows in batch.nodes.items():
            for nid, props in rows.items():
                self._put_node(nid, label, props)
                touched_nodes.add(nid)
                deleted_nodes.discard(nid)
        for rtype, rels in batch.rels.items():
            for rel in rels.values():
                if rel.src not in self.g or rel.dst not in self.g:
                    continue  # like MATCH: a link to a record that is not there is not made
                rid = rel.id
                self._put_rel(rid, rtype, rel.src, rel.dst, rel.props)
                touched_rels[rid] = (rtype, rel.src, rel.dst)
                deleted_rels.discard(rid)
        self._persist(touched_nodes, touched_rels, deleted_nodes, deleted_rels)

    def _put_node(self, nid: str, label: str, props: dict[str, Any], labels: list[str] | None = None) -> None:
        if nid in self.g:
            data = self.g.nodes[nid]
            data["p"].update(props)
            if labels is not None:
                data["labels"] = labels
        else:
            self.g.add_node(nid, label=label, labels=labels or [label], p=dict(props))
            self.by_label[label].add(nid)

    def _put_rel(self, rid: str, rtype: str, src: str, dst: str, props: dict[str, Any]) -> None:
        if self.g.has_edge(src, dst, key=rtype):
            self.g.edges[src, dst, rtype]["p"].update(props)
        else:
            self.g.add_edge(src, dst, key=rtype, id=rid, p=dict(props))

    def _archive(self, cid: str, touched_nodes: set[str], touched_rels: dict, deleted_nodes: set[str],
                 deleted_rels: set[str]) -> None:
        """Keep the previous version of a replaced record; drop its record-level links and mentions."""
        old = self.g.nodes[cid]["p"]
        vid = ids.node_id("ConsignmentVersion", cid, old.get("content_hash"))
        self._put_node(vid, "ConsignmentVersion", {
            "id": vid, "consignment_id": cid, "content_hash": old.get("content_hash"),
            "version": old.get("version"), "replaced_at": datetime.now(UTC).isoformat(),
            "payload": _dumps(old), "originator": old.get("originator"),
            "scope_kind": old.get("scope_kind"), "scope_group": old.get("scope_group"),
            "scope_countries": old.get("scope_countries")})
        touched_nodes.add(vid)
        for _, dst, rtype, data in list(self.g.out_edges(cid, keys=True, data=True)):
            if rtype == "PREVIOUS_VERSION":
                continue
            if rtype == "HAS_PARTY":
                for edge in list(self.g.in_edges(dst, keys=True, data=True)) + list(
                        self.g.out_edges(dst, keys=True, data=True)):
                    deleted_rels.add(edge[3]["id"])
                self.g.remove_node(dst)
                self.by_label["Mention"].discard(dst)
                deleted_nodes.add(dst)
            else:
                deleted_rels.add(data["id"])
                self.g.remove_edge(cid, dst, key=rtype)
        rid = ids.rel_id("PREVIOUS_VERSION", cid, vid)
        self._put_rel(rid, "PREVIOUS_VERSION", cid, vid, {})
        touched_rels[rid] = ("PREVIOUS_VERSION", cid, vid)

    def _persist(self, nodes: Iterable[str], rels: dict[str, tuple[str, str, str]],
                 deleted_nodes: Iterable[str] = (), deleted_rels: Iterable[str] = ()) -> None:
        node_rows = [(nid, d["label"], _dumps(d["labels"]), _dumps(d["p"]))
                     for nid in nodes if (d := self.g.nodes.get(nid)) is not None]
        rel_rows = [(rid, t, s, d, _dumps(self.g.edges[s, d, t]["p"]))
                    for rid, (t, s, d) in rels.items() if self.g.has_edge(s, d, key=t)]
        try:
            with self._tx() as cur:
                cur.executemany("DELETE FROM rels WHERE id = ?", [(r,) for r in deleted_rels])
                cur.executemany("DELETE FROM nodes WHERE id = ?", [(n,) for n in deleted_nodes])
                cur.executemany("INSERT OR REPLACE INTO nodes VALUES (?, ?, ?, ?)", node_rows)
                cur.executemany("INSERT OR REPLACE INTO rels VALUES (?, ?, ?, ?, ?)", rel_rows)
        except Exception:
            self._load()  # memory must not run ahead of what is on disk
            raise
        self._version = self.db.execute("PRAGMA data_version").fetchone()[0]

    def add_forwarders(self, forwarders: dict[str, list[str]]) -> None:
        changed = []
        for cid, countries in forwarders.items():
            props = self.g.nodes[cid]["p"]
            merged = sorted(set(props.get("forwarded_by") or []) | set(countries))
            if merged != sorted(props.get("forwarded_by") or []):
                props["forwarded_by"] = merged
                changed.append(cid)
        self._persist(changed, {})

    def refresh_derived(self) -> None:
        self._sync()
        changed_nodes, new_rels, old_rels = derive.refresh(self)
        self._persist(changed_nodes, new_rels, (), old_rels)

    # -- resolution -------------------------------------------------------------------------------
    def mention_rows(self, only_unresolved: bool = False) -> list[dict[str, Any]]:
        self._sync()
        return derive.mention_rows(self, only_unresolved)

    def write_resolution(self, actors: list[dict[str, Any]], links: list[dict[str, Any]],
                         drop_actors: Sequence[str] = ()) -> None:
        self._sync()
        nodes, rels, gone_nodes, gone_rels = derive.apply_resolution(self, actors, links, drop_actors)
        self._persist(nodes, rels, gone_nodes, gone_rels)

    def get_meta(self, key: str) -> Any:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def set_meta(self, key: str, value: Any) -> None:
        with self._tx() as cur:
            cur.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, _dumps(value)))

    # -- reads ------------------------------------------------------------------------------------
    def visible(self, nid: str, viewer: Viewer) -> bool:
        data = self.g.nodes.get(nid)
        return data is not None and viewer.can_see(data["p"])

    def get_node(self, node_id: str, viewer: Viewer) -> dict[str, Any] | None:
        self._sync()
        data = self.g.nodes.get(node_id)
        if data is None or not viewer.can_see(data["p"]):
            return None
        return {"id": node_id, "labels": list(data["labels"]), "props": dict(data["p"])}

    def stats(self, viewer: Viewer) -> dict[str, Any]:
        self._sync()
        return derive.stats(self, viewer)

    def summary_counts(self, viewer: Viewer) -> dict[str, int]:
        self._sync()
        return derive.summary_counts(self, viewer)

    def actor_rows(self, viewer: Viewer) -> list[dict[str, Any]]:
        self._sync()
        return derive.actor_rows(self, viewer)

    def mention_assignments(self, viewer: Viewer) -> list[dict[str, Any]]:
        self._sync()
        return derive.mention_assignments(self, viewer)


class _Tx:
    """One SQLite transaction (BEGIN IMMEDIATE: a writer waits for the other instead of failing)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> sqlite3.Cursor:
        self.db.execute("BEGIN IMMEDIATE")
        return self.db.cursor()

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self.db.execute("ROLLBACK" if exc_type else "COMMIT")
