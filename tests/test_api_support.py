"""Helpers for the API tests (no tests here): a small hand-made graph with known answers, and a real
uvicorn server in a thread on a free loopback port.

The graph (dates 2025): SHEN (a Shenzhen exporter) ships to SILK (one company written in Cyrillic in a
Kazakh file, in Latin in Georgian and Uzbek files) from three countries; ALTYN shares SILK's phone; five
small consignees N1..N5 share a forwarder's phone (common at threshold 4); container K1 is in two places at
once (R1 on MSC ANNA from Shanghai, G2 on EVER ACE from Mersin), K2 is reused within days by unrelated
actors, K3 has three consignors; a seizure on R2; H1 and H2 meet only through the port of Poti; one Turkish
record is kept to its originator.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import uvicorn
from stdnum import imo as stdnum_imo
from stdnum import iso6346

from consignet import ids
from consignet.api.app import create_app
from consignet.names import parse_name
from consignet.settings import Settings
from consignet.store.base import GraphStore
from consignet.store.batch import GraphBatch
from consignet.values import country as country_values
from consignet.values import hs as hs_values


def box(owner_serial: str) -> str:
    return owner_serial + iso6346.calc_check_digit(owner_serial)


def ship(six: str) -> str:
    return six + stdnum_imo.calc_check_digit(six)


K1, K2, K3, K4, K5, K6, K7 = (box(f"MSCU{n:06d}") for n in (100001, 100002, 100003, 100004, 100005, 100006,
                                                             100007))
V1, V2 = ship("907472"), ship("932148")
P1, P2 = "+77011234567", "+995322000000"
BIN = "200140012345"  # registered 2020-01
OTHER_BIN = "200240012344"  # a second BIN on SILK's Uzbek record
YOUNG_BIN = "241140012346"  # registered 2024-11: ALTYN receives CHPL goods three months later
COMMON = 4  # the threshold the tests pass: P2 (5 actors) is common, P1 (2 actors) is not

ACTORS = {key: ids.node_id("Actor", key) for key in (
    "SILK", "SHEN", "ALTYN", "ANKARA", "N1", "N2", "N3", "N4", "N5", "N1S", "N2S", "N3S", "N4S", "N5S", "GIZLI",
    "H1", "H1S", "H2", "H2S", "BAKU", "ALMA")}
NAMES = {"SILK": "Shelkovyy Put LLP", "SHEN": "Shenzhen Best Electronics Co., Ltd.", "ALTYN": "Altyn Trade LLP",
         "ANKARA": "Ankara Makine A.S.", "GIZLI": "Gizli Ltd", "H1": "Hasan Kaya", "H2": "Hulya Demir"}
OLD_SILK = ids.node_id("Actor", "silk-before-merge")  # absorbed id: still finds SILK

# record: (originator, record_id, row, consignor, consignee, dep, arr, hs, containers, vessel, loading, extra)
RECORDS: list[tuple[Any, ...]] = [
    ("KZ", "R1", 2, ("SHEN", "Shenzhen Best Electronics Co., Ltd.", {}), ("SILK", "ТОО «Шелковый путь»",
     {"phone": P1, "tax": BIN}), "2025-03-01", "2025-03-20", "854231", [K1], V1, "CNSHA", {}),
    ("GE", "G1", 2, ("SHEN", "Shenzhen Best Electronics Co Ltd", {}), ("SILK", "Shelkovyy Put LLP", {"tax": BIN}),
     "2025-04-01", "2025-04-18", "854231", [K5], V1, "CNSHA", {}),
    ("UZ", "U1", 2, ("SHEN", "SHENZHEN BEST ELECTRONICS", {}),
     ("SILK", "TOO Shelkovy Put", {"phone": P1, "tax": OTHER_BIN}),
     "2025-06-10", None, "851762", [K6], None, None, {}),
    ("KZ", "R2", 3, ("ANKARA", "Ankara Makine A.Ş.", {}),
     ("ALTYN", "ТОО «Алтын Трейд»", {"phone": P1, "tax": YOUNG_BIN}),
     "2025-02-01", "2025-02-15", "854232", [K4], V2, "TRMER", {}),
    ("TR", "T1", 2, ("ANKARA", "Ankara Makine A.S.", {}), ("ALTYN", "Altyn Trade LLP", {}),
     "2025-02-20", "2025-03-02", "847130", [K7], V2, "TRMER", {}),
    ("GE", "G2", 3, ("N1S", "Nova Supply", {}), ("N1", "Nika Logistics", {"phone": P2}),
     "2025-03-05", "2025-03-25", "940360", [K1], V2, "TRMER", {"bl": "MEDU1234567"}),
    ("GE", "G3", 4, ("N2S", "Orbis Export", {}), ("N2", "Nodar Trans", {"phone": P2}),
     "2025-05-20", None, "940360", [K3], None, None, {}),
    ("GE", "G4", 5, ("N3S", "Pamir Goods", {}), ("N3", "Nugzar Cargo", {"phone": P2}),
     "2025-05-01", None, "940360", [K2, K3], None, None, {}),
    ("GE", "G5", 6, ("N4S", "Quartz Works", {}), ("N4", "Natela Import", {"phone": P2}),
     "2025-05-05", None, "940360", [K2], None, None, {}),
    ("GE", "G6", 7, ("N5S", "Rustavi Metal", {}), ("N5", "Nestan Group", {"phone": P2}),
     "2025-07-01", None, "940360", [K3], None, None, {}),
    ("TR", "T2", 3, ("GIZLI", "Gizli Ltd", {}), ("ALTYN", "Altyn Trade LLP", {}),
     "2025-08-01", None, "854231", [], None, None, {"scope": "originator"}),
    ("GE", "G7", 8, ("H1S", "Ilia Export", {}), ("H1", "Hasan Kaya", {}),
     "2025-09-01", None, "300490", [], None, None, {"bl": "MEDU1234567"}),
    ("KZ", "R3", 4, ("H2S", "Iris Pharma", {}), ("H2", "Hulya Demir", {}),
     "2025-09-03", None, "300490", [], None, None, {"scope": "countries", "countries": ["GE"]}),
    # three small lots of one shipment, days apart (split), and a Caspian route through Poti
    *[("GE", f"G{8 + i}", 9 + i, ("N5S", "Rustavi Metal", {}), ("N5", "Nestan Group", {}),
       f"2025-07-{10 + 2 * i}", None, "940360", [], None, None, {"kg": 120.0}) for i in range(3)],
    ("AZ", "A1", 2, ("BAKU", "Baku Trans MMC", {}), ("ALMA", "Almaty Steel", {}),
     "2025-10-01", "2025-10-09", "720851", [], None, "AZBAK", {"via": ["GEPTI"], "discharge": "KZAAU"}),
]
VESSEL_NAMES = {V1: "MSC ANNA", V2: "EVER ACE"}
PORT_NAMES = {"CNSHA": ("Shanghai", True), "TRMER": ("Mersin", True), "GEPTI": ("Poti", True), "AZBAK": ("Baku", True),
              "KZAAU": ("Aktau", True)}


def record_id(originator: str, rid: str) -> str:
    return ids.node_id("Consignment", originator, rid)


def _node(batch: GraphBatch, label: str, key: tuple[Any, ...], props: dict[str, Any]) -> str:
    return batch.node(label, ids.node_id(label, *key), props)


def _country(batch: GraphBatch, code: str) -> str:
    return _node(batch, "Country", (code,), {"code": code, "name": country_values.name(code),
                                             "landlocked": country_values.is_landlocked(code)})


def build_graph(store: GraphStore) -> None:
    """Write the graph, resolve its mentions to the actors above, and refresh the derived aggregates."""
    batch = GraphBatch()
    links = []
    for (orig, rid, row, sender, receiver, dep, arr, hs6, boxes, vessel, loading, extra) in RECORDS:
        scope = extra.get("scope", "network")
        prov = {"originator": orig, "reporting_country": orig, "source_file": f"{orig.lower()}.csv",
                "source_row": row, "scope_kind": scope, "scope_group": None,
                "scope_countries": extra.get("countries", [])}
        cid = batch.node("Consignment", record_id(orig, rid), {
            "record_id": rid, "hs_code": hs6, "hs6": hs6, "goods_description": f"goods {hs6}",
            "gross_mass_kg": extra.get("kg", 1000.5), "departure_date": dep, "arrival_date": arr, "shipment_date": dep,
            "content_hash": f"h-{orig}-{rid}", "version": 1, "bl_number": extra.get("bl"), **prov})
        batch.record_ids.append(cid)
        batch.rel("REPORTED_BY", cid, _country(batch, orig))
        via = [("TRANSSHIPPED_AT", p, n + 1) for n, p in enumerate(extra.get("via", []))]
        stops = [("LOADED_AT", loading, None), *via, ("DISCHARGED_AT", extra.get("discharge", "GEPTI"), None)]
        stops = [(rel, code, seq) for rel, code, seq in stops if code]
        for rel, code, seq in stops:
            pid = _node(batch, "Port", (code,), {"locode": code, "name": PORT_NAMES[code][0], "country": code[:2],
                                                 "is_seaport": PORT_NAMES[code][1]})
            batch.rel(rel, cid, pid, {"seq": seq} if seq else {})
            batch.rel("IN_COUNTRY", pid, _country(batch, code[:2]))
        route_id = vessel_id = None  # carried by the record's mentions, as ingest writes them
        if len(stops) >= 2:
            ports = [code for _, code, _ in stops]
            label = ">".join(ports)
            route_id = _node(batch, "Route", (label,), {"ports": ports, "label": label})
            batch.rel("FOLLOWS_ROUTE", cid, route_id)
        batch.rel("CARRIES", cid, _node(batch, "Commodity", (hs6,), {
            "hs6": hs6, "chapter": hs6[:2], "description": hs_values.description(hs6),
            "chpl_tier": hs_values.chpl_tier(hs6)}), {"hs_code": hs6})
        for number in boxes:
            batch.rel("IN_CONTAINER", cid, _node(batch, "Container", (number,), {"number": number,
                                                                               "owner_code": number[:3]}))
        if vessel:
            vessel_id = _node(batch, "Vessel", (vessel,),
                              {"imo": vessel, "name": VESSEL_NAMES[vessel], "imo_valid": True})
            batch.rel("ON_VESSEL", cid, vessel_id, {"voyage": "V01"})
        if extra.get("bl"):
            batch.rel("UNDER_BL", cid, _node(batch, "BillOfLading", (extra["bl"],), {"number": extra["bl"]}))
        for pos, (role, (actor, name, party)) in enumerate((("consignor", sender), ("consignee", receiver))):
            parsed = parse_name(name)
            mid = batch.node("Mention", ids.node_id("Mention", cid, role, pos), {
                "consignment_id": cid, "role": role, "position": pos, "name": name, "name_clean": parsed.clean,
                "name_norm": parsed.norm, "legal_form": parsed.legal_form, "script": parsed.script,
                "kind": "company", "country": orig if role == "consignee" else "CN", "phone": party.get("phone"),
                "tax_id": party.get("tax"), "tax_scheme": "kz.bin" if party.get("tax") else None,
                "record_id": rid, "shipment_date": dep, "vessel_id": vessel_id, "route_id": route_id, **prov})
            batch.rel("HAS_PARTY", cid, mid, {"role": role})
            if party.get("phone"):
                batch.rel("HAS_PHONE", mid, _node(batch, "Phone", (party["phone"],), {"e164": party["phone"]}))
            if party.get("tax"):
                batch.rel("HAS_TAX_ID", mid, _node(batch, "TaxId", ("kz.bin", party["tax"]), {
                    "scheme": "kz.bin", "value": party["tax"], "country": "KZ", "valid": True}))
            links.append({"mention_id": mid, "actor_id": ACTORS[actor], "score": 0.95, "method": "test",
                          "evidence": [{"feature": "name", "weight": 1.0}]})
    seizure = batch.node("Seizure", ids.node_id("Seizure", "KZ", "S1"), {
        "record_id": "S1", "originator": "KZ", "reporting_country": "KZ", "seizure_date": "2025-02-16",
        "place": "Aktau", "reason": "undeclared dual-use goods", "hs_code": "854232", "source_file": "kz-seizures.csv",
        "source_row": 2, "scope_kind": "network", "scope_countries": [], "content_hash": "s1"})
    batch.record_ids.append(seizure)
    batch.rel("SEIZED", seizure, record_id("KZ", "R2"))
    batch.rel("SEIZED_CONTAINER", seizure, ids.node_id("Container", K4))
    store.write_batch(batch)
    actors = [{"id": aid, "actor_key": aid, "kind": "company", "name": NAMES.get(key, key.title()),
               "aliases": [OLD_SILK] if key == "SILK" else []} for key, aid in ACTORS.items()]
    store.write_resolution(actors, links)
    store.refresh_derived()
    store.set_meta("resolution_anchors", {"anchors": {}, "aliases": {OLD_SILK: ACTORS["SILK"]}})
    store.set_meta("review_queue", [
        {"a": ACTORS["N1"], "b": ACTORS["N2"], "score": 0.71, "value": 2.0,
         "evidence": [{"name": "phone", "value": P2, "weight": 1.2, "detail": ""}]},
        {"a": ACTORS["H1"], "b": ACTORS["H2"], "score": 0.55, "value": 1.0, "evidence": []}])


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serve(store: GraphStore, settings: Settings | None = None, app: Any = None) -> Iterator[httpx.Client]:
    """A real uvicorn server on a free loopback port, in a thread; yields an httpx client for it."""
    app = app or create_app(settings=settings or Settings(), store=store)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, name=f"uvicorn-{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test API server did not start")
        time.sleep(0.02)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            yield client
    finally:
        server.should_exit = True
        thread.join(timeout=20)
