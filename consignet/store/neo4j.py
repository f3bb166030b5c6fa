"""The Neo4j store: the official driver, batched ``UNWIND $rows`` writes, one transaction per batch.

All Cypher comes from the library in cypher/ (by name); values only ever travel as parameters.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from neo4j import Driver, GraphDatabase, ManagedTransaction
from neo4j.exceptions import AuthError, DriverError, Neo4jError, ServiceUnavailable

from consignet import cypher_library as lib
from consignet import ids
from consignet.errors import StoreUnavailable
from consignet.model import load_yaml
from consignet.model.codegen import _snake
from consignet.model.codegen_records import RECORD_TREES
from consignet.scope import Viewer
from consignet.store.base import GraphStore
from consignet.store.batch import GraphBatch
from consignet.store.neo4j_analysis import Neo4jAnalysis
from consignet.store.risk_neo4j import Neo4jRisk

_CHUNK = 10_000  # rows per UNWIND statement inside one batch transaction
_TREE_CHUNK = 2_500  # records per record-tree statement (each carries its mentions and ~10 links)
# Data upgrades for graphs an earlier version wrote, in order; each runs once per graph (ensure_schema)
UPGRADES = ("store/backfill_mention_record_ids",)
UPGRADES_KEY = "upgrades"
log = logging.getLogger(__name__)


def _chunks(rows: list[Any], size: int = _CHUNK) -> list[list[Any]]:
    return [rows[i:i + size] for i in range(0, len(rows), size)]


class Neo4jStore(GraphStore, Neo4jAnalysis, Neo4jRisk):
    backend = "neo4j"

    def __init__(self, uri: str, user: str | None = None, password: str | None = None,
                 database: str = "neo4j", driver: Driver | None = None) -> None:
        self.uri = uri
        self.database = database
        auth = (user, password) if password else None
        # Notifications ("property key does not exist" on an empty graph) are noise for a product.
        self.driver = driver or GraphDatabase.driver(uri, auth=auth, notifications_min_severity="OFF")
        try:
            self.driver.verify_connectivity()
        except (ServiceUnavailable, AuthError, DriverError, OSError) as exc:
            self.driver.close()
            raise StoreUnavailable(
                f"cannot reach Neo4j at {uri}: {exc}. Start the project's own with "
                "`consignet neo4j start`, or set CONSIGNET_NEO4J_URI / _USER / _PASSWORD") from exc
        self._model = load_yaml("graph.yaml")
        self._tree_props: dict[str, set[str]] = {}

    # -- plumbing ---------------------------------------------------------------------------------
    def read(self, name: str, **params: Any) -> list[dict[str, Any]]:
        query = lib.get(name).text
        records, _, _ = self.driver.execute_query(query, params, database_=self.database,
                                                  routing_="r")
        return [r.data() for r in records]

    def run_auto(self, name: str, **params: Any) -> None:
        """Auto-commit run, for ``CALL {...} IN TRANSACTIONS`` queries."""
        with self.driver.session(database=self.database) as session:
            session.run(lib.get(name).text, params).consume()

    @staticmethod
    def _tx_run(tx: ManagedTransaction, name: str, **params: Any) -> list[dict[str, Any]]:
        return [r.data() for r in tx.run(lib.get(name).text, params)]

    def _write(self, work: Any) -> None:
        # execute_write retries transient errors (deadlocks, leader switches) with back-off.
        try:
            with self.driver.session(database=self.database) as session:
                session.execute_write(work)
        except (ServiceUnavailable, DriverError) as exc:
            raise StoreUnavailable(f"Neo4j at {self.uri} failed during a write: {exc}") from exc

    # -- lifecycle --------------------------------------------------------------------------------
    def ensure_schema(self) -> None:
        with self.driver.session(database=self.database) as session:
            for statement in lib.get("schema/constraints").statements():
                session.run(statement).consume()
            session.run("CALL db.awaitIndexes(300)").consume()
        self._upgrade()

    def _upgrade(self) -> None:
        """Run the data upgrades this graph has not had yet, once each (remembered in a Meta value)."""
        done = set(self.get_meta(UPGRADES_KEY) or [])
        todo = [name for name in UPGRADES if name not in done]
        if not todo:
            return
        if self.read("store/has_mentions"):  # an empty graph has nothing to upgrade
            for name in todo:
                log.info("upgrading the graph: %s", lib.get(name).title)
                self.run_auto(name)
        self.mark_upgraded()

    def mark_upgraded(self) -> None:
        """Record every upgrade as done: for a graph this version wrote whole (the bulk importer)."""
        self.set_meta(UPGRADES_KEY, list(UPGRADES))

    def close(self) -> None:
        self.driver.close()

    def reset(self) -> None:
        with self.driver.session(database=self.database) as session:
            session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()

    # -- write path -------------------------------------------------------------------------------
    def record_versions(self, ids_: Sequence[str]) -> dict[str, tuple[str, int]]:
        if not ids_:
            return {}
        rows = self.read("store/record_versions", ids=list(ids_))
        return {r["id"]: (r["content_hash"], int(r["version"])) for r in rows}

    def write_batch(self, batch: GraphBatch) -> None:
        rels = self._model["relationships"]
        nodes = self._model["nodes"]
        unknown = set(batch.rels) - set(rels)
        if unknown:
            raise ValueError(f"relationship types not in the model: {sorted(unknown)}")
        if batch.fresh:
            # Replaced records keep their node (and its versions): those go the node-by-node way below.
            batch.flatten(batch.replace)
        else:
            batch.flatten()
        trees = {label: list(rows.values()) for label, rows in batch.records.items() if rows}
        for label, rows in trees.items():
            self._check_tree_props(label, rows)

        def record_level(label: str) -> bool:
            return bool(nodes[label].get("scoped"))

        def shared_work(tx: ManagedTransaction) -> None:
            # Shared nodes (ports, containers, identifiers...) and links between them are MERGEd in a
            # transaction of their own: idempotent, so committing them first is safe after a crash, and
            # the record transaction then seeks them in the committed index instead of in a large
            # transaction state (which made every later statement of one big transaction slow).
            for label, rows in batch.nodes.items():
                if not record_level(label):
                    for chunk in _chunks(list(rows.values())):
                        self._tx_run(tx, f"ingest/merge_{_snake(label)}", rows=chunk)
            for rtype, rows in batch.rels.items():
                spec = rels[rtype]
                if spec["from"] in nodes and not record_level(spec["from"]):
                    payload = [{"src": r.src, "dst": r.dst, "props": r.props} for r in rows.values()]
                    for chunk in _chunks(payload):
                        self._tx_run(tx, f"ingest/link_{rtype.lower()}", rows=chunk)

        def record_work(tx: ManagedTransaction) -> None:
            if batch.replace:
                self._archive(tx, batch.replace)
            # New records: each with its mentions and links in one statement (consignments before
            # seizures, which may point at a consignment of the same batch).
            for label in RECORD_TREES:
                for chunk in _chunks(trees.get(label, []), _TREE_CHUNK):
                    self._tx_run(tx, f"ingest/create_{_snake(label)}_records", rows=chunk)
            replaced = set(batch.replace)
            for label, rows in batch.nodes.items():
                if not record_level(label):
                    continue
                if batch.fresh:
                    # new records are CREATEd; replaced ones keep their node (and its versions)
                    new = [r for r in rows.values() if r["id"] not in replaced]
                    old = [r for r in rows.values() if r["id"] in replaced]
                    for chunk in _chunks(new):
                        self._tx_run(tx, f"ingest/create_{_snake(label)}", rows=chunk)
                else:
                    old = list(rows.values())
                for chunk in _chunks(old):
                    self._tx_run(tx, f"ingest/merge_{_snake(label)}", rows=chunk)
            for rtype, rows in batch.rels.items():
                spec = rels[rtype]
                if not (spec["from"] in nodes and record_level(spec["from"])):
                    continue
                verb = "create" if batch.fresh and spec["provenance"] == "record" else "link"
                payload = [{"src": r.src, "dst": r.dst, "props": r.props} for r in rows.values()]
                for chunk in _chunks(payload):
                    self._tx_run(tx, f"ingest/{verb}_{rtype.lower()}", rows=chunk)

        self._write(shared_work)
        self._write(record_work)

    def _check_tree_props(self, label: str, rows: list[dict[str, Any]]) -> None:
        """The record writers list the model's properties (see codegen_records): a property the model
        does not declare would be dropped silently, so refuse it."""
        allowed = self._tree_props.get(label)
        if allowed is None:
            allowed = self._tree_props[label] = {"id", *self._model["nodes"][label]["properties"]}
            for rtype, child in RECORD_TREES[label].items():
                self._tree_props[f"{label}.{rtype}"] = {"id", *self._model["nodes"][child]["properties"]}
        seen: set[str] = set()
        child_seen: dict[str, set[str]] = {rtype: set() for rtype in RECORD_TREES[label]}
        for row in rows:
            seen.update(row["props"])
            for rtype, keys in child_seen.items():
                for item in row.get(rtype, ()):
                    keys.update(item["props"])
        extra = seen - allowed
        for rtype, keys in child_seen.items():
            extra |= keys - self._tree_props[f"{label}.{rtype}"]
        if extra:
            raise ValueError(f"{label} properties not in the model: {sorted(extra)}")

    def _archive(self, tx: ManagedTransaction, record_ids: list[str]) -> None:
        now = datetime.now(UTC).isoformat()
        versions, links = [], []
        for row in self._tx_run(tx, "store/record_properties", ids=record_ids):
            old = row["props"]
            vid = ids.node_id("ConsignmentVersion", row["id"], old.get("content_hash"))
            versions.append({
                "id": vid, "consignment_id": row["id"], "content_hash": old.get("content_hash"),
                "version": old.get("version"), "replaced_at": now,
                "payload": json.dumps(old, ensure_ascii=False, default=str),
                "originator": old.get("originator"), "scope_kind": old.get("scope_kind"),
                "scope_group": old.get("scope_group"), "scope_countries": old.get("scope_countries")})
            links.append({"src": row["id"], "dst": vid, "props": {}})
        self._tx_run(tx, "store/replace_records", ids=record_ids)
        self._tx_run(tx, "ingest/merge_consignment_version", rows=versions)
        self._tx_run(tx, "ingest/link_previous_version", rows=links)

    def add_forwarders(self, forwarders: dict[str, list[str]]) -> None:
        rows = [{"id": k, "countries": v} for k, v in forwarders.items()]
        if rows:
            self._write(lambda tx: self._tx_run(tx, "store/add_forwarders", rows=rows))

    def refresh_derived(self) -> None:
        for name in ("derive/record_targets", "derive/identifiers", "derive/drop_actor_links",
                     "derive/shipped_to", "derive/actor_usage", "derive/actors"):
            self.run_auto(name)

    # -- resolution -------------------------------------------------------------------------------
    def mention_rows(self, only_unresolved: bool = False) -> list[dict[str, Any]]:
        rows = self.read("store/mention_rows", only_unresolved=only_unresolved)
        for row in rows:
            for key in ("containers", "bl_numbers", "counterparties"):
                row[key] = sorted(row[key])
        return rows

    def write_resolution(self, actors: list[dict[str, Any]], links: list[dict[str, Any]],
                         drop_actors: Sequence[str] = ()) -> None:
        link_rows = [{**row, "evidence": row["evidence"] if isinstance(row.get("evidence"), str)
                      else json.dumps(row.get("evidence"), ensure_ascii=False, default=str)}
                     for row in links]
        by_kind: dict[str, list[str]] = {"Company": [], "Person": []}
        for actor in actors:
            extra = {"company": "Company", "person": "Person"}.get(actor.get("kind") or "")
            if extra:
                by_kind[extra].append(actor["id"])

        # Chunked transactions: one transaction for 100k+ actors and links runs Neo4j out of memory at a
        # 2 GB heap. Each chunk is idempotent (MERGE), and a run cut short is completed by the next one.
        for chunk in _chunks(actors):
            self._write(lambda tx, chunk=chunk: self._tx_run(tx, "ingest/merge_actor", rows=chunk))
        for extra, actor_ids in by_kind.items():
            for chunk in _chunks(actor_ids):
                self._write(lambda tx, chunk=chunk, extra=extra:
                            self._tx_run(tx, f"ingest/label_actor_{extra.lower()}", ids=chunk))
        for chunk in _chunks(link_rows):
            self._write(lambda tx, chunk=chunk: self._tx_run(tx, "store/resolve_links", rows=chunk))
        for chunk in _chunks(list(drop_actors)):
            self._write(lambda tx, chunk=chunk: self._tx_run(tx, "store/drop_actors", ids=chunk))

    def get_meta(self, key: str) -> Any:
        rows = self.read("store/get_meta", key=key)
        return json.loads(rows[0]["value"]) if rows and rows[0]["value"] is not None else None

    def set_meta(self, key: str, value: Any) -> None:
        text = json.dumps(value, ensure_ascii=False, default=str)
        self._write(lambda tx: self._tx_run(tx, "store/set_meta", id=ids.node_id("Meta", key), key=key,
                                            value=text))

    # -- reads ------------------------------------------------------------------------------------
    def get_node(self, node_id: str, viewer: Viewer) -> dict[str, Any] | None:
        # Record and shared nodes carry a label prefix; actor ids come from resolution without one.
        label = ids.LABEL_OF_PREFIX.get(node_id.split("_", 1)[0]) if "_" in node_id else "Actor"
        if label is None:
            return None
        rows = self.read(f"nodes/{_snake(label)}_by_id", id=node_id)
        if not rows or not viewer.can_see(rows[0]["props"]):
            return None
        return {"id": node_id, "labels": rows[0]["labels"], "props": rows[0]["props"]}

    def stats(self, viewer: Viewer) -> dict[str, Any]:
        try:
            nodes = {r["label"]: r["count"] for r in self.read("store/node_counts") if r["count"]}
            scoped = self.read("store/scoped_label_counts", **viewer.params())[0]
            rels = {r["type"]: r["count"] for r in self.read("store/rel_counts") if r["count"]}
            by_country = self.read("store/consignments_by_country", **viewer.params())
        except Neo4jError as exc:
            raise StoreUnavailable(f"Neo4j query failed: {exc}") from exc
        for label, key in (("Consignment", "consignments"), ("Mention", "mentions"),
                           ("Seizure", "seizures"), ("ConsignmentVersion", "versions")):
            if scoped[key]:
                nodes[label] = scoped[key]
        return {"nodes": dict(sorted(nodes.items())), "relationships": dict(sorted(rels.items())),
                "consignments_by_country": {r["country"]: r["consignments"] for r in by_country}}

    def summary_counts(self, viewer: Viewer) -> dict[str, int]:
        if viewer.unrestricted:  # the derived counts: constant time (health checks call this)
            row = self.read("store/summary_counts_all")[0]
        else:
            row = self.read("store/summary_counts", **viewer.params())[0]
        return {"actors": row["actors"], "consignments": row["consignments"],
                "repeat_actors": row["repeat_actors"]}

    def actor_rows(self, viewer: Viewer) -> list[dict[str, Any]]:
        return self.read("store/actor_rows", **viewer.params())

    def mention_assignments(self, viewer: Viewer) -> list[dict[str, Any]]:
        return self.read("store/mention_assignments", **viewer.params())
