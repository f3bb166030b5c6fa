"""Helpers for the risk, community, alert and export tests (no tests here): small graphs written record by
record through the store's own write path, with resolution links to actors named by the test.

``Scenario`` collects consignments and seizures; ``write(store)`` writes what was added since the last
call (a new ingest run), resolves every mention to the actor key the test gave, and refreshes the derived
aggregates, as ingest does. Actor ids are ``ids.node_id("Actor", key)``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stdnum import iso6346

from consignet import ids
from consignet.store.base import GraphStore
from consignet.store.batch import GraphBatch
from consignet.values import hs as hs_values
from consignet.values import kz_id
from consignet.values import locode as locode_values

ROOT = Path(__file__).resolve().parents[1]


def box(owner_serial: str) -> str:
    """A valid ISO 6346 number from owner code, category and serial (the check digit computed)."""
    return owner_serial + iso6346.calc_check_digit(owner_serial)


def kz_bin(yymm: str, serial: str = "12345") -> str:
    """A Kazakh BIN registered in ``yymm`` (type 4 = legal entity, division 0), with its check digit."""
    first = f"{yymm}40{serial}"
    digit = kz_id.check_digit(first)
    assert digit is not None, first
    return first + digit


def actor_id(key: str) -> str:
    return ids.node_id("Actor", key)


@dataclass
class Rec:
    rid: str
    sender: str | None
    receiver: str | None
    hs6: str = "940360"
    dep: str = "2025-03-01"
    arr: str | None = None
    originator: str = "KZ"
    mode: str = "sea"
    pol: str = "CNSHA"
    pod: str = "GEPTI"
    tss: tuple[str, ...] = ()
    delivery: str | None = None
    containers: tuple[str, ...] = ()
    mass: float = 12000.0
    value: float | None = 60000.0
    currency: str = "USD"
    packages: int | None = 400
    description: str | None = None
    notify: str | None = None
    carrier: str | None = None
    scope: str = "network"
    countries: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return ids.node_id("Consignment", self.originator, self.rid)


@dataclass
class Scenario:
    """Actors: key -> {name, kind, phone, email, tax: (scheme, value), country}."""

    actors: dict[str, dict[str, Any]] = field(default_factory=dict)
    records: list[Rec] = field(default_factory=list)
    seizures: list[dict[str, Any]] = field(default_factory=list)
    runs: int = 0
    _written: int = 0
    _seized: int = 0

    def actor(self, key: str, name: str | None = None, **attrs: Any) -> str:
        self.actors[key] = {"name": name or key.title(), "kind": "company", **attrs}
        return actor_id(key)

    def add(self, *recs: Rec) -> list[Rec]:
        self.records.extend(recs)
        return list(recs)

    def seize(self, originator: str, rid: str, date: str, consignments: tuple[Rec, ...] = (),
              containers: tuple[str, ...] = (), reason: str = "undeclared dual-use goods") -> str:
        sid = ids.node_id("Seizure", originator, rid)
        self.seizures.append({"id": sid, "originator": originator, "rid": rid, "date": date,
                              "consignments": consignments, "containers": containers, "reason": reason})
        return sid

    def write(self, store: GraphStore) -> str:
        self.runs += 1
        run = f"run-{self.runs}"
        batch = GraphBatch()
        links = []
        for row, rec in enumerate(self.records[self._written:], start=self._written + 2):
            links += self._record(batch, rec, row, run)
        for row, s in enumerate(self.seizures[self._seized:], start=self._seized + 2):
            sid = batch.node("Seizure", s["id"], {
                "record_id": s["rid"], "originator": s["originator"], "reporting_country": s["originator"],
                "seizure_date": s["date"], "reason": s["reason"],
                "source_file": f"{s['originator'].lower()}-seizures.csv", "source_row": row, "ingest_run": run,
                "scope_kind": "network", "scope_countries": []})
            batch.record_ids.append(sid)
            for rec in s["consignments"]:
                batch.rel("SEIZED", sid, rec.id)
            for number in s["containers"]:
                batch.rel("SEIZED_CONTAINER", sid, batch.node("Container", ids.shared_node_id("Container", number),
                                                               {"number": number, "owner_code": number[:3]}))
        self._written, self._seized = len(self.records), len(self.seizures)
        store.write_batch(batch)
        actors = [{"id": actor_id(k), "actor_key": actor_id(k), "kind": a["kind"], "name": a["name"]}
                  for k, a in self.actors.items()]
        store.write_resolution(actors, links)
        store.refresh_derived()
        return run

    def _port(self, batch: GraphBatch, code: str) -> str:
        info = locode_values.info(code)
        pid = batch.node("Port", ids.shared_node_id("Port", code), {
            "locode": code, "country": code[:2], "name": info.name if info else None,
            "is_seaport": bool(info and info.is_seaport)})
        batch.rel("IN_COUNTRY", pid, batch.node("Country", ids.shared_node_id("Country", code[:2]),
                                                {"code": code[:2]}))
        return pid

    def _record(self, batch: GraphBatch, rec: Rec, row: int, run: str) -> list[dict[str, Any]]:
        cid = batch.node("Consignment", rec.id, {
            "record_id": rec.rid, "originator": rec.originator, "reporting_country": rec.originator,
            "source_file": f"{rec.originator.lower()}-risk.csv", "source_row": row, "ingest_run": run,
            "scope_kind": rec.scope, "scope_group": None, "scope_countries": list(rec.countries),
            "hs_code": rec.hs6, "hs6": rec.hs6, "goods_description": rec.description or hs_values.description(rec.hs6),
            "gross_mass_kg": rec.mass, "value": rec.value, "currency": rec.currency, "packages": rec.packages,
            "transport_mode": rec.mode, "departure_date": rec.dep, "arrival_date": rec.arr, "shipment_date": rec.dep,
            "content_hash": f"h-{rec.originator}-{rec.rid}", "version": 1})
        batch.record_ids.append(cid)
        batch.rel("REPORTED_BY", cid, batch.node("Country", ids.shared_node_id("Country", rec.originator),
                                                 {"code": rec.originator}))
        batch.rel("LOADED_AT", cid, self._port(batch, rec.pol))
        batch.rel("DISCHARGED_AT", cid, self._port(batch, rec.pod))
        if rec.delivery:
            batch.rel("DELIVERED_AT", cid, self._port(batch, rec.delivery))
        for seq, code in enumerate(rec.tss, start=1):
            batch.rel("TRANSSHIPPED_AT", cid, self._port(batch, code), {"seq": seq})
        batch.rel("CARRIES", cid, batch.node("Commodity", ids.shared_node_id("Commodity", rec.hs6), {
            "hs6": rec.hs6, "chapter": rec.hs6[:2], "chpl_tier": hs_values.chpl_tier(rec.hs6)}), {"hs_code": rec.hs6})
        for number in rec.containers:
            batch.rel("IN_CONTAINER", cid, batch.node("Container", ids.shared_node_id("Container", number),
                                                      {"number": number, "owner_code": number[:3]}))
        links = []
        parties = [("consignor", rec.sender), ("consignee", rec.receiver), ("notify", rec.notify),
                   ("carrier", rec.carrier)]
        for pos, (role, key) in enumerate(p for p in parties if p[1]):
            actor = self.actors[key]
            tax = actor.get("tax")
            mid = batch.node("Mention", ids.node_id("Mention", cid, role, pos), {
                "consignment_id": cid, "role": role, "position": pos, "name": actor["name"], "kind": actor["kind"],
                "country": actor.get("country"), "phone": actor.get("phone"), "email": actor.get("email"),
                "tax_scheme": tax[0] if tax else None, "tax_id": tax[1] if tax else None, "record_id": rec.rid,
                "shipment_date": rec.dep, "originator": rec.originator, "reporting_country": rec.originator,
                "source_file": f"{rec.originator.lower()}-risk.csv", "source_row": row, "ingest_run": run,
                "scope_kind": rec.scope, "scope_group": None, "scope_countries": list(rec.countries)})
            batch.rel("HAS_PARTY", cid, mid, {"role": role})
            if actor.get("phone"):
                batch.rel("HAS_PHONE", mid, batch.node("Phone", ids.shared_node_id("Phone", actor["phone"]),
                                                       {"e164": actor["phone"]}))
            if actor.get("email"):
                batch.rel("HAS_EMAIL", mid, batch.node("Email", ids.shared_node_id("Email", actor["email"]),
                                                       {"address": actor["email"]}))
            if tax:
                batch.rel("HAS_TAX_ID", mid, batch.node("TaxId", ids.shared_node_id("TaxId", *tax), {
                    "scheme": tax[0], "value": tax[1], "country": "KZ", "valid": True}))
            links.append({"mention_id": mid, "actor_id": actor_id(key), "score": 1.0, "method": "test",
                          "evidence": []})
        return links


def cli(*args: str, data_dir: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The `consignet` command in a real process, with this work's commands registered (until the lead adds
    ``risk_cmds.register`` to consignet.cli.main)."""
    code = ("from consignet.cli.main import app\nfrom consignet.cli import risk_cmds\n"
            "if 'alerts' not in {g.name for g in app.registered_groups}:\n    risk_cmds.register(app)\napp()\n")
    full_env = {**os.environ, "CONSIGNET_DATA_DIR": str(data_dir), "CONSIGNET_STORE": "embedded", **(env or {})}
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=full_env,
                          timeout=600, cwd=ROOT)
