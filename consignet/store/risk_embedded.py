"""Risk facts on the embedded store: the rows of cypher/risk/*.cypher, built over the networkx graph."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import networkx as nx

from consignet.scope import Viewer
from consignet.store.batch import GraphBatch
from consignet.store.risk_reads import IDENTIFIER_LABELS, RiskReads

_PORT_RELS = {"LOADED_AT": "pol", "DISCHARGED_AT": "pod", "DELIVERED_AT": "delivery"}
_IDENT_RELS = ("HAS_TAX_ID", "HAS_PHONE", "HAS_EMAIL", "HAS_ADDRESS")
_CHUNK = 2000  # consignments built per hold of the read lock (a long scan must not block the API)


class EmbeddedRisk(RiskReads):
    """Mixed into ``EmbeddedStore`` (``g``, ``by_label``, ``_sync``, ``write_batch``)."""

    g: nx.MultiDiGraph
    by_label: dict[str, set[str]]
    _sync: Any
    write_batch: Any
    get_node: Any

    @contextmanager
    def _risk_reading(self) -> Iterator[None]:
        # The same lock as the analysis reads: _sync may swap the graph under a reader.
        lock = self.__dict__.setdefault("_analysis_lock", threading.RLock())
        with lock:
            self._sync()
            yield

    # -- facts ------------------------------------------------------------------------------------
    def risk_consignments(self, viewer: Viewer) -> Iterator[tuple[Any, ...]]:
        with self._risk_reading():
            ids_ = [c for c in self.by_label["Consignment"] if viewer.can_see(self.g.nodes[c]["p"])]
        for start in range(0, len(ids_), _CHUNK):
            with self._risk_reading():
                rows = [self._consignment_row(c) for c in ids_[start:start + _CHUNK] if c in self.g]
            yield from rows

    def _consignment_row(self, cid: str) -> tuple[Any, ...]:
        g = self.g
        p = g.nodes[cid]["p"]
        ports: dict[str, str | None] = {"pol": None, "pod": None, "delivery": None}
        tss: list[tuple[int, str]] = []
        containers: list[str] = []
        parties: list[tuple[Any, ...]] = []
        # The adjacency dicts directly (networkx's own storage): the edge views cost ten times more per
        # call, and this runs for every consignment of the store.
        succ, nodes = g._succ, g._node
        for dst, links in succ[cid].items():
            for key, data in links.items():
                if key in _PORT_RELS:
                    ports[_PORT_RELS[key]] = nodes[dst]["p"].get("locode")
                elif key == "TRANSSHIPPED_AT":
                    tss.append((data["p"].get("seq") or 0, nodes[dst]["p"].get("locode")))
                elif key == "IN_CONTAINER":
                    containers.append(nodes[dst]["p"].get("number"))
                elif key == "HAS_PARTY":
                    parties.append(self._party(dst))
        parties.sort(key=lambda x: (x[0] or "", x[4] or "", x[1] or ""))
        return (cid, p.get("record_id"), p.get("originator"), p.get("reporting_country") or p.get("originator"),
                p.get("source_file"), p.get("source_row"), p.get("ingest_run"), p.get("shipment_date"),
                p.get("departure_date"), p.get("arrival_date"), p.get("hs6"), p.get("goods_description"),
                p.get("gross_mass_kg"), p.get("value"), p.get("currency"), p.get("packages"),
                p.get("transport_mode"), ports["pol"], ports["pod"], ports["delivery"],
                [code for _, code in sorted(tss)], sorted(containers), parties)

    def _party(self, mention: str) -> tuple[Any, ...]:
        nodes = self.g._node
        m = nodes[mention]["p"]
        actor = next((t for t, links in self.g._succ[mention].items() if "RESOLVES_TO" in links), None)
        ap = nodes[actor]["p"] if actor else {}
        return (m.get("role"), actor, ap.get("name"), ap.get("kind") or m.get("kind"), m.get("name"),
                m.get("tax_scheme"), m.get("tax_id"))

    def risk_identifiers(self, viewer: Viewer) -> list[dict[str, Any]]:
        with self._risk_reading():
            g = self.g
            flagged = {t for f in self.by_label["Flag"] for _, t, k in g.out_edges(f, keys=True) if k == "FLAGS"}
            out = []
            for label in IDENTIFIER_LABELS:
                for nid in self.by_label[label]:
                    uses = set()
                    for m, links in g._pred[nid].items():  # adjacency dicts: see _consignment_row
                        if not any(k in _IDENT_RELS for k in links):
                            continue
                        mp = g._node[m]["p"]
                        if not viewer.can_see(mp):
                            continue
                        actor = next((t for t, kk in g._succ[m].items() if "RESOLVES_TO" in kk), None)
                        if actor:
                            uses.add((actor, mp.get("consignment_id")))
                    if len({a for a, _ in uses}) >= 2 or nid in flagged:
                        out.append({"id": nid, "label": label, "name": _identifier_name(label, g.nodes[nid]["p"]),
                                    "uses": [list(u) for u in sorted(uses)]})
            return sorted(out, key=lambda r: r["id"])

    def risk_seizures(self, viewer: Viewer) -> list[dict[str, Any]]:
        with self._risk_reading():
            g = self.g
            out = []
            for sid in self.by_label["Seizure"]:
                p = g.nodes[sid]["p"]
                if not viewer.can_see(p):
                    continue
                cons = sorted(t for _, t, k in g.out_edges(sid, keys=True) if k == "SEIZED")
                boxes = sorted(g.nodes[t]["p"].get("number") for _, t, k in g.out_edges(sid, keys=True)
                               if k == "SEIZED_CONTAINER")
                out.append({"id": sid, "record_id": p.get("record_id"), "originator": p.get("originator"),
                            "reporting_country": p.get("reporting_country") or p.get("originator"),
                            "file": p.get("source_file"), "row": p.get("source_row"),
                            "ingest_run": p.get("ingest_run"), "date": p.get("seizure_date"),
                            "place": p.get("place"), "reason": p.get("reason"), "hs_code": p.get("hs_code"),
                            "consignments": cons, "containers": boxes, "actors": sorted(p.get("actors") or [])})
            return sorted(out, key=lambda r: r["id"])

    def risk_flags(self, viewer: Viewer) -> list[dict[str, Any]]:
        with self._risk_reading():
            g = self.g
            out = []
            for fid in self.by_label["Flag"]:
                p = g.nodes[fid]["p"]
                if not viewer.can_see(p):
                    continue
                target = next((t for _, t, k in g.out_edges(fid, keys=True) if k == "FLAGS"), None)
                out.append({"id": fid, "target": target or p.get("target_id"),
                            "target_label": g.nodes[target]["label"] if target else None,
                            **{k: p.get(k) for k in ("reason", "severity", "note", "created_by", "created_at",
                                                     "seizure")}})
            return sorted(out, key=lambda r: r["id"])

    # -- writes -----------------------------------------------------------------------------------
    def write_flags(self, flags: list[dict[str, Any]]) -> None:
        batch = GraphBatch()
        for flag in flags:
            batch.node("Flag", flag["id"], dict(flag))
            batch.rel("FLAGS", flag["id"], flag["target_id"])
        self.write_batch(batch)

    def risk_node(self, node_id: str, viewer: Viewer) -> dict[str, Any] | None:
        return self.get_node(node_id, viewer)

    def data_stamp(self) -> str:
        with self._risk_reading():  # bookkeeping nodes (ingest runs) left out, as in cypher/risk/data_stamp
            nodes = self.g.number_of_nodes() - len(self.by_label.get("IngestRun", ()))
            return f"{nodes}:{self.g.number_of_edges()}"


def _identifier_name(label: str, props: dict[str, Any]) -> str:
    from consignet.store.analysis import display_name

    return display_name(label, props)
