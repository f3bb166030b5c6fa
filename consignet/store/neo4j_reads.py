"""Reads shared by the Neo4j link-analysis mixin: transactions, node lookups and evidence.

Evidence (the records behind a node or a link) is read by ``cypher/analysis/evidence_*.cypher``, batched
per kind and run side by side; in the unrestricted view without filters, the first page of an actor's or a
derived link's evidence comes from the record ids the derive step keeps (``evidence_by_ids``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from neo4j import READ_ACCESS, Driver, ManagedTransaction, Session
from neo4j.exceptions import DriverError, ServiceUnavailable, SessionExpired, TransientError

from consignet import cypher_library as lib
from consignet.errors import StoreUnavailable
from consignet.scope import Viewer
from consignet.store import analysis as an
from consignet.store import analysis_answers as ans
from consignet.store.analysis import Filters

EVIDENCE_CHUNK = 100  # items per evidence query: bigger batches are split and run side by side


def _run(tx: ManagedTransaction | Session, name: str, **params: Any) -> list[dict[str, Any]]:
    # dict(record), not record.data(): the analysis queries return maps and lists, never nodes, and
    # data() walks every nested value looking for them (the largest Python cost of a profile answer).
    return [dict(r) for r in tx.run(lib.get(name).text, params)]


def _summary(row: dict[str, Any]) -> dict[str, Any]:
    label = an.primary_label(row["id"], row["labels"])
    return {"id": row["id"], "label": label, "labels": sorted(row["labels"]),
            "name": an.display_name(label, row["props"]), "props": an.public_props(row["props"]),
            "measure": row.get("measure"), "eid": row.get("eid"), "weight": row.get("weight"),
            "evidence_ids": row["props"].get(an.EVIDENCE_IDS)}


def _open(viewer: Viewer, filters: Filters) -> bool:
    """The unrestricted view without record filters: the walks can leave out the scope and filter
    predicates, and the first page of a derived link's or an actor's evidence is read from the ids the
    derive step keeps."""
    return viewer.unrestricted and filters.empty


def _stored_page(key: tuple[str, ...], nodes: dict[str, dict[str, Any]],
                 link_props: dict[tuple[str, ...], dict[str, Any]], limit: int) -> tuple[int, list[str]] | None:
    """(total, ids of the first ``limit`` records) for an actor (mention ids) or a derived link
    (consignment ids) from what the derive step stored, or None when it did not store enough."""
    if key[0] == "node":
        node = nodes.get(key[1]) or {}
        total, stored = node.get("weight"), node.get("evidence_ids") if node.get("label") == "Actor" else None
    else:
        props = link_props.get(key) if key[1] in an.DERIVED_LINKS else None
        total, stored = (props or {}).get("record_count"), (props or {}).get(an.EVIDENCE_IDS)
    if total is None or stored is None or len(stored) < min(limit, total):
        return None  # not derived yet (or derived before evidence_ids existed): read the records
    return total, list(stored[:limit])


def _evidence_kind(key: tuple[str, ...], nodes: dict[str, dict[str, Any]]) -> tuple[str | None, Any]:
    """Which evidence query answers ``key``, and its item: an element id, or a link walked from its end
    with fewer links (a big forwarder's mentions are never read to find the records of a small partner)."""
    if key[0] == "node":
        node = nodes.get(key[1])
        if node is None:
            return None, None
        kind = an.NODE_EVIDENCE.get(node["label"])
        mapping = {"actor_mentions": "actor", "identifier_mentions": "identifier", "node_records": "node_records"}
        return ("self", key[1]) if kind == "self" else (mapping.get(kind or ""), node["eid"])
    src, dst = nodes.get(key[-2]), nodes.get(key[-1])
    if src is None or dst is None:
        return None, None
    rel_type = key[1] if key[0] == "link" else "USES"
    from_source = (src.get("weight") or 0) <= (dst.get("weight") or 0)
    start, other = (src, dst) if from_source else (dst, src)
    item = {"start": start["eid"], "other": other["eid"], "from_source": from_source}
    if rel_type == "SHIPPED_TO":
        return "shipped_to", item
    if rel_type in ("USES_IDENTIFIER", "USED_CONTAINER", "USES"):
        personal = dst["label"] in ("TaxId", "Phone", "Email", "Address")
        return ("uses_identifier" if personal else "used_container"), item
    if rel_type in ("IN_COUNTRY", "FLAGS"):
        return None, None
    record = next((n for n in (src, dst) if n["label"] in ("Consignment", "Seizure", "Mention")), None)
    return ("self", record["id"]) if record else (None, None)


class Neo4jReads:
    """Plumbing and evidence for ``Neo4jAnalysis`` (mixed into ``Neo4jStore``: ``driver``, ``database``,
    ``uri``, ``read``)."""

    driver: Driver
    database: str
    uri: str
    read: Callable[..., list[dict[str, Any]]]

    # -- plumbing ---------------------------------------------------------------------------------
    def _in_read(self, work: Callable[[ManagedTransaction], Any]) -> Any:
        try:
            with self.driver.session(database=self.database, default_access_mode=READ_ACCESS) as session:
                return session.execute_read(work)
        except (ServiceUnavailable, DriverError) as exc:
            raise StoreUnavailable(f"Neo4j at {self.uri} failed during a read: {exc}") from exc

    def _q(self, name: str, **params: Any) -> list[dict[str, Any]]:
        # One statement needs no explicit transaction: an auto-commit read sends RUN and PULL together (one
        # round trip) where a managed one adds BEGIN and COMMIT (three). On the profile route under wrk this
        # took ~0.3 ms of server and ~0.7 ms of Neo4j CPU off each call (of ~6.8). Several statements that
        # must see one state still share a managed read transaction (``_in_read``). What the managed one
        # gave besides, a retry on a dropped connection or a transient error, is kept: once, then the error.
        for attempt in (1, 2):
            try:
                with self.driver.session(database=self.database, default_access_mode=READ_ACCESS) as session:
                    return _run(session, name, **params)
            except (ServiceUnavailable, SessionExpired, TransientError) as exc:
                if attempt == 2:
                    raise StoreUnavailable(f"Neo4j at {self.uri} failed during a read: {exc}") from exc
            except DriverError as exc:
                raise StoreUnavailable(f"Neo4j at {self.uri} failed during a read: {exc}") from exc
        raise AssertionError("unreachable")

    def _nodes(self, tx: ManagedTransaction, node_ids: Sequence[str], viewer: Viewer) -> dict[str, dict[str, Any]]:
        out = {}
        for row in _run(tx, "analysis/nodes_by_ids", ids=sorted(set(node_ids)), **viewer.params()):
            node = _summary(row)
            if node["label"] in an.RECORD_LABELS and not viewer.can_see(row["props"]):
                continue
            out[node["id"]] = node
        return out

    def node_summaries(self, node_ids: Sequence[str], viewer: Viewer) -> dict[str, dict[str, Any]]:
        nodes = self._in_read(lambda tx: self._nodes(tx, node_ids, viewer))
        return {k: {x: v[x] for x in ("id", "label", "labels", "name", "props")} for k, v in nodes.items()}

    # -- evidence ---------------------------------------------------------------------------------
    def evidence(self, keys: Sequence[tuple[str, ...]], viewer: Viewer, *, filters: Filters = Filters(),
                 limit: int = 3, offset: int = 0, known: dict[str, dict[str, Any]] | None = None
                 ) -> dict[tuple[str, ...], dict[str, Any]]:
        keys = list(dict.fromkeys(keys))
        params = {**viewer.params(), **filters.params(), "limit": limit, "offset": offset}
        wanted = {k[1] for k in keys if k[0] == "node"} | {x for k in keys if k[0] != "node" for x in k[-2:]}
        nodes = dict(known or {})
        missing = [i for i in wanted if i not in nodes or not nodes[i].get("eid")]
        if missing:
            nodes.update(self._in_read(lambda tx: self._nodes(tx, missing, viewer)))
        out: dict[tuple[str, ...], dict[str, Any]] = {k: an.empty_evidence(offset, limit) for k in keys}
        batches: list[tuple[str, list[tuple[tuple[str, ...], Any]]]] = []
        grouped: dict[str, list[tuple[tuple[str, ...], Any]]] = {}
        for key in keys:
            kind, item = _evidence_kind(key, nodes)
            if kind == "self":
                node = nodes[item]
                out[key] = an.evidence_page([an.evidence_record(node["label"], node["props"])], offset, limit)
            elif kind:
                grouped.setdefault(kind, []).append((key, item))
        for kind, entries in grouped.items():
            batches += [(kind, entries[i:i + EVIDENCE_CHUNK]) for i in range(0, len(entries), EVIDENCE_CHUNK)]

        def run(kind: str, entries: list[tuple[tuple[str, ...], Any]]) -> list[tuple[tuple[str, ...], Any]]:
            # links carry a key that comes back; nodes come back as their element id
            items = [{**item, "key": str(i)} if isinstance(item, dict) else item for i, (_, item) in enumerate(entries)]
            by_item = {str(i) if isinstance(item, dict) else item: key for i, (key, item) in enumerate(entries)}
            rows = self._q(f"analysis/evidence_{kind}", items=items, **params)
            return [(by_item[r["item"]], r) for r in rows if r["item"] in by_item]

        # Independent queries: run side by side (Neo4j runs each on one core).
        pool = self.__dict__.setdefault("_evidence_pool", ThreadPoolExecutor(4, thread_name_prefix="evidence"))
        for found in pool.map(lambda b: run(*b), batches):
            for key, row in found:
                out[key] = {"total": row["total"], "offset": offset, "limit": limit, "records": row["records"]}
        return out

    def _with_evidence(self, nodes: dict[str, dict[str, Any]], links: list[dict[str, Any]], viewer: Viewer,
                       filters: Filters, evidence_limit: int) -> dict[str, Any]:
        full, light, stored = an.evidence_plan(nodes, links, viewer, filters)
        evidence: dict[tuple[str, ...], dict[str, Any]] = {}
        if _open(viewer, filters) and evidence_limit <= an.STORED_EVIDENCE:
            full = self._evidence_from_ids(full, nodes, links, evidence_limit, evidence)
        evidence.update(self.evidence(full, viewer, filters=filters, limit=evidence_limit, known=nodes))
        evidence.update(self.evidence(light, viewer, filters=filters, limit=0, known=nodes))
        evidence.update(stored)
        return ans.graph_answer(nodes, links, evidence)

    def _evidence_from_ids(self, keys: list[tuple[str, ...]], nodes: dict[str, dict[str, Any]],
                           links: list[dict[str, Any]], limit: int,
                           out: dict[tuple[str, ...], dict[str, Any]]) -> list[tuple[str, ...]]:
        """Fill ``out`` with the evidence of actors and derived links from the ids the derive step keeps
        (one index-backed query for all of them, instead of walking each one's records); returns the keys
        still to read the long way."""
        link_props = {an.link_evidence_key(li["type"], li["source"], li["target"]): li["props"] for li in links}
        plans: dict[tuple[str, ...], tuple[int, list[str]]] = {}
        rest: list[tuple[str, ...]] = []
        for key in keys:
            page = _stored_page(key, nodes, link_props, limit)
            if page is None:
                rest.append(key)
            else:
                plans[key] = page
        mentions = sorted({i for k, (_, ids) in plans.items() if k[0] == "node" for i in ids})
        records = sorted({i for k, (_, ids) in plans.items() if k[0] != "node" for i in ids})
        entries = dict(self._q("analysis/evidence_by_ids", records=records, mentions=mentions)[0]["entries"]
                       ) if plans else {}
        for key, (total, ids) in plans.items():
            if all(i in entries for i in ids):
                out[key] = {"total": total, "offset": 0, "limit": limit, "records": [entries[i] for i in ids]}
            else:  # a record gone since the last derive: read this one the long way
                rest.append(key)
        return rest
