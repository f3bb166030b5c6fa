"""Risk facts on Neo4j: the queries of cypher/risk/, streamed (a million consignment rows must not be held
twice, once by the driver and once by the engine)."""

from __future__ import annotations

import contextlib
import queue
import threading
from collections.abc import Iterator
from typing import Any

from neo4j import READ_ACCESS, Driver
from neo4j.exceptions import DriverError, Neo4jError, ServiceUnavailable

from consignet import cypher_library as lib
from consignet import ids
from consignet.errors import StoreUnavailable
from consignet.scope import Viewer
from consignet.store.analysis import display_name
from consignet.store.batch import GraphBatch
from consignet.store.risk_reads import RiskReads

_CHUNK = 10_000
_FETCH = 20_000
# Consignment ids are "csg_" + a hex digest, spread evenly: this splits them in halves.
_SPLIT = "csg_8"


def _party_key(party: tuple[Any, ...]) -> tuple[str, str, str]:
    return (party[0] or "", party[4] or "", party[1] or "")


class Neo4jRisk(RiskReads):
    """Mixed into ``Neo4jStore`` (``driver``, ``database``, ``read``, ``write_batch``, ``_write``)."""

    driver: Driver
    database: str
    uri: str
    read: Any
    write_batch: Any
    _write: Any
    _tx_run: Any
    get_node: Any

    def _stream(self, name: str, **params: Any) -> Iterator[dict[str, Any]]:
        try:
            with self.driver.session(database=self.database, default_access_mode=READ_ACCESS,
                                     fetch_size=_FETCH) as session:
                result = session.run(lib.get(name).text, params)
                for record in result:
                    yield record.data()
        except (ServiceUnavailable, DriverError) as exc:
            raise StoreUnavailable(f"Neo4j at {self.uri} failed during {name}: {exc}") from exc
        except Neo4jError as exc:
            raise StoreUnavailable(f"Neo4j query {name} failed: {exc}") from exc

    def risk_consignments(self, viewer: Viewer) -> Iterator[tuple[Any, ...]]:
        """Every visible consignment's facts, read as two id ranges at once: Neo4j Community runs a query on
        one core, and at a million rows the server's work (not the transfer) is most of the time; two
        sessions use both cores while this process decodes. The caller sorts, so the order is free."""
        out: queue.Queue[Any] = queue.Queue(maxsize=_FETCH)
        done = object()
        stop = threading.Event()

        def read(lo: str | None, hi: str | None) -> None:
            try:
                for row in self._consignment_rows(viewer, lo, hi):
                    if stop.is_set():
                        return
                    out.put(row)
            except BaseException as exc:  # handed to the caller
                out.put(exc)
            finally:
                out.put(done)

        threads = [threading.Thread(target=read, args=r, name=f"risk-facts-{i}", daemon=True)
                   for i, r in enumerate([(None, _SPLIT), (_SPLIT, None)])]
        for t in threads:
            t.start()
        running = len(threads)
        try:
            while running:
                item = out.get()
                if item is done:
                    running -= 1
                elif isinstance(item, BaseException):
                    raise item
                else:
                    yield item
        finally:
            stop.set()
            while any(t.is_alive() for t in threads):  # unblock a reader waiting on a full queue
                with contextlib.suppress(queue.Empty):
                    out.get(timeout=0.05)

    def _consignment_rows(self, viewer: Viewer, lo: str | None, hi: str | None) -> Iterator[tuple[Any, ...]]:
        query = lib.get("risk/consignment_facts").text
        try:
            # Big fetches: a million rows in batches of 1,000 spend more time in round trips than in transfer.
            with self.driver.session(database=self.database, default_access_mode=READ_ACCESS,
                                     fetch_size=_FETCH) as session:
                for record in session.run(query, {**viewer.params(), "id_from": lo, "id_to": hi}):
                    *head, tss, containers, parties = tuple(record)  # columns in CONSIGNMENT_FIELDS order
                    rows = []
                    for role, actor, kind, name, scheme, tax in parties:
                        aid, aname, akind = actor or (None, None, None)
                        rows.append((role, aid, aname, akind or kind, name, scheme, tax))
                    rows.sort(key=_party_key)
                    yield (*head, [code for _, code in sorted(tss)], sorted(containers), rows)
        except (ServiceUnavailable, DriverError) as exc:
            raise StoreUnavailable(f"Neo4j at {self.uri} failed while reading consignments: {exc}") from exc
        except Neo4jError as exc:
            raise StoreUnavailable(f"Neo4j query risk/consignment_facts failed: {exc}") from exc

    def risk_identifiers(self, viewer: Viewer) -> list[dict[str, Any]]:
        out = []
        for row in self._stream("risk/identifier_facts", **viewer.params()):
            props = {k: v for k, v in (row.pop("props") or {}).items() if v is not None}
            row["name"] = display_name(row["label"], props)
            out.append(row)
        return out

    def risk_seizures(self, viewer: Viewer) -> list[dict[str, Any]]:
        return list(self._stream("risk/seizure_facts", **viewer.params()))

    def risk_flags(self, viewer: Viewer) -> list[dict[str, Any]]:
        return list(self._stream("risk/flag_facts", **viewer.params()))

    def write_flags(self, flags: list[dict[str, Any]]) -> None:
        if not flags:
            return
        batch = GraphBatch()
        for flag in flags:
            batch.node("Flag", flag["id"], dict(flag))
        self.write_batch(batch)
        rows = [{"src": f["id"], "dst": f["target_id"]} for f in flags]

        def work(tx: Any) -> None:
            for start in range(0, len(rows), _CHUNK):
                self._tx_run(tx, "risk/link_flags", rows=rows[start:start + _CHUNK])

        self._write(work)

    def risk_node(self, node_id: str, viewer: Viewer) -> dict[str, Any] | None:
        node = self.get_node(node_id, viewer)
        if node is None and not ids.LABEL_OF_PREFIX.get(node_id.split("_", 1)[0]):
            # Actor ids made by resolution ("A" + hex) carry no label prefix: look them up as actors.
            rows = self.read("nodes/actor_by_id", id=node_id)
            if rows and viewer.can_see(rows[0]["props"]):
                node = {"id": node_id, "labels": rows[0]["labels"], "props": rows[0]["props"]}
        return node

    def data_stamp(self) -> str:
        row = self.read("risk/data_stamp")[0]
        return f"{row['nodes']}:{row['rels']}"
