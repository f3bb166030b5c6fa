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
_READERS = 2  # sessions reading consignment facts at once


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
        """Every visible consignment's facts, read as id ranges by two sessions at once: Neo4j Community runs a
        query on one core, so two sessions use both while this process decodes. A range comes back as one
        record holding its rows: the driver's own work per record (a Python loop around the Rust decoder) was
        most of this process's time at a million one-row records. The caller sorts, so the order is free."""
        todo: queue.Queue[tuple[str | None, str | None]] = queue.Queue()
        for bounds in _ranges(self.read("risk/consignment_count")[0]["consignments"]):
            todo.put(bounds)
        out: queue.Queue[Any] = queue.Queue(maxsize=8)
        done = object()
        stop = threading.Event()

        def read() -> None:
            try:
                with self.driver.session(database=self.database, default_access_mode=READ_ACCESS) as session:
                    while not stop.is_set():
                        try:
                            lo, hi = todo.get_nowait()
                        except queue.Empty:
                            return
                        out.put(self._consignment_rows(session, viewer, lo, hi))
            except BaseException as exc:  # handed to the caller
                out.put(exc)
            finally:
                out.put(done)

        threads = [threading.Thread(target=read, name=f"risk-facts-{i}", daemon=True) for i in range(_READERS)]
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
                    yield from item
        finally:
            stop.set()
            while any(t.is_alive() for t in threads):  # unblock a reader waiting on a full queue
                with contextlib.suppress(queue.Empty):
                    out.get(timeout=0.05)

    def _consignment_rows(self, session: Any, viewer: Viewer, lo: str | None, hi: str | None
                          ) -> list[tuple[Any, ...]]:
        try:
            record = session.run(lib.get("risk/consignment_facts").text,
                                 {**viewer.params(), "id_from": lo, "id_to": hi}).single(strict=True)
        except (ServiceUnavailable, DriverError) as exc:
            raise StoreUnavailable(f"Neo4j at {self.uri} failed while reading consignments: {exc}") from exc
        except Neo4jError as exc:
            raise StoreUnavailable(f"Neo4j query risk/consignment_facts failed: {exc}") from exc
        out = []
        for row in record[0]:
            *head, links = row  # values in CONSIGNMENT_FIELDS order up to mode, then the links
            out.append((*head, *_split_links(links)))
        return out

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


_UNSET: Any = object()


def _ranges(consignments: int) -> list[tuple[str | None, str | None]]:
    """Id ranges of a few thousand consignments each (open at both ends, so any id falls in one). Consignment
    ids are "csg_" + a hex digest, spread evenly: the first hex digits split them in 16 or 256."""
    digits = 0 if consignments < 8_000 else 1 if consignments < 64_000 else 2
    if not digits:
        return [(None, None)]
    bounds = [f"csg_{i:0{digits}x}" for i in range(1, 16 ** digits)]
    return list(zip([None, *bounds], [*bounds, None], strict=True))


def _split_links(links: list[list[Any]]) -> tuple[Any, ...]:
    """(pol, pod, delivery, tss, containers, parties) from the ``links`` column (see consignment_facts.cypher).
    A port is the first link of its kind, as ``[...][0]`` was when each kind had its own comprehension."""
    ports = [_UNSET, _UNSET, _UNSET]
    tss: list[tuple[Any, Any]] = []
    boxes: list[str] = []
    parties: list[tuple[Any, ...]] = []
    for link in links:
        kind = link[0]
        if kind == 0:
            _, role, actor, mkind, name, scheme, tax = link
            if actor:
                aid, aname, akind = actor
                parties.append((role, aid, aname, akind or mkind, name, scheme, tax))
            else:
                parties.append((role, None, None, mkind, name, scheme, tax))
        elif kind == 1:
            boxes.append(link[1])
        elif kind == 5:
            tss.append((link[2], link[1]))
        elif ports[kind - 2] is _UNSET:
            ports[kind - 2] = link[1]
    parties.sort(key=_party_key)
    boxes.sort()
    pol, pod, delivery = (None if p is _UNSET else p for p in ports)
    return pol, pod, delivery, [code for _, code in sorted(tss)] if tss else [], boxes, parties
