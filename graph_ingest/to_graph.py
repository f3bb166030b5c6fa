"""Turn cleaned records into graph rows (nodes by label, relationships by type) for the store.

Only record-level facts are written here; derived aggregates (first/last dates, record counts,
actor-actor links) are recomputed by the store from the records behind them after each run.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from anyascii import anyascii

from consignet import ids
from consignet.store.batch import GraphBatch
from consignet.values import country as country_values
from consignet.values import hs as hs_values
from consignet.values import locode as locode_values

from .records import ParsedRecord, Party


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def address_key(text: str) -> str:
    """Normalised address text: transliterated, lower case, punctuation folded to single spaces."""
    folded = anyascii(text).lower()
    return " ".join("".join(ch if ch.isalnum() else " " for ch in folded).split())


class GraphMapper:
    """Adds records to a GraphBatch. Keeps the shared nodes (ports, countries, commodities) it has
    already emitted in this run, so each is sent to the store once per run, not once per record."""

    def __init__(self, run_id: str) -> None:
        self.run_id = run_id
        self._emitted: set[str] = set()

    def _shared(self, batch: GraphBatch, label: str, node_id: str, props: dict[str, Any]) -> str:
        if node_id not in self._emitted:
            batch.node(label, node_id, props)
            self._emitted.add(node_id)
        return node_id

    def country(self, batch: GraphBatch, code: str) -> str:
        nid = ids.shared_node_id("Country", code)
        return self._shared(batch, "Country", nid, {
            "code": code, "name": country_values.name(code), "landlocked": country_values.is_landlocked(code)})

    def port(self, batch: GraphBatch, code: str) -> str:
        nid = ids.shared_node_id("Port", code)
        if nid not in self._emitted:
            info = locode_values.info(code)
            props = {"locode": code, "name": info.name if info else None, "country": code[:2],
                     "is_seaport": bool(info.is_seaport) if info else None}
            self._shared(batch, "Port", nid, props)
            batch.rel("IN_COUNTRY", nid, self.country(batch, code[:2]))
        return nid

    def provenance(self, rec: ParsedRecord) -> dict[str, Any]:
        scope = rec.scope
        return {
            "originator": rec.originator, "reporting_country": rec.sender,
            "source_file": rec.source_file, "source_row": rec.row,
            "ingest_run": self.run_id, "scope_kind": scope.kind if scope else "network",
            "scope_group": scope.group if scope else None,
            "scope_countries": list(scope.countries) if scope else [],
        }

    def add(self, batch: GraphBatch, rec: ParsedRecord, version: int = 1) -> None:
        if rec.record_type == "seizure":
            self._seizure(batch, rec)
            return
        v = rec.values
        cid = rec.node_id
        hs_code = v.get("hs_code")
        warnings = [p.as_dict() for p in rec.problems if p.severity == "warn"]
        props = {
            "record_id": str(v.get("record_id")), "bl_number": v.get("bl_number"),
            "hs_code": hs_code.code if hs_code else None, "hs6": hs_code.hs6 if hs_code else None,
            "goods_description": v.get("goods_description"), "gross_mass_kg": v.get("gross_mass_kg"),
            "packages": v.get("packages"), "value": v.get("value"), "currency": v.get("currency"),
            "departure_date": _iso(v.get("departure_date")), "arrival_date": _iso(v.get("arrival_date")),
            "shared_date": _iso(v.get("shared_date")), "transport_mode": v.get("transport_mode"),
            "voyage": v.get("voyage"), "container_type": v.get("container_type"),
            "forwarded_by": list(v.get("forwarded_by") or []), "content_hash": rec.content_hash,
            "version": version, "warnings": json.dumps(warnings, ensure_ascii=False, default=str),
            "extra": json.dumps(rec.extra, ensure_ascii=False, default=str),
            **self.provenance(rec),
        }
        props["shipment_date"] = props["departure_date"] or props["arrival_date"] or props["shared_date"]
        batch.node("Consignment", cid, props)
        batch.record_ids.append(cid)
        batch.rel("REPORTED_BY", cid, self.country(batch, rec.originator))
        shipment_date = props["shipment_date"]
        for rel_type, field in (("LOADED_AT", "port_loading"), ("DISCHARGED_AT", "port_discharge"),
                                ("DELIVERED_AT", "port_delivery")):
            if v.get(field):
                batch.rel(rel_type, cid, self.port(batch, v[field]))
        for seq, code in enumerate(v.get("transshipment_ports") or [], start=1):
            batch.rel("TRANSSHIPPED_AT", cid, self.port(batch, code), {"seq": seq})
        route = [v.get("port_loading"), *(v.get("transshipment_ports") or []), v.get("port_discharge"),
                 v.get("port_delivery")]
        route = [p for i, p in enumerate(route) if p and (i == 0 or p != route[i - 1])]
        if len(route) >= 2:
            label = ">".join(route)
            rid = self._shared(batch, "Route", ids.shared_node_id("Route", label), {"ports": route, "label": label})
            batch.rel("FOLLOWS_ROUTE", cid, rid)
        if hs_code:
            hid = self._shared(batch, "Commodity", ids.shared_node_id("Commodity", hs_code.hs6), {
                "hs6": hs_code.hs6, "chapter": hs_code.chapter,
                "description": hs_values.description(hs_code.hs6), "chpl_tier": hs_values.chpl_tier(hs_code.hs6)})
            batch.rel("CARRIES", cid, hid, {"hs_code": hs_code.code})
        for number in v.get("containers") or []:
            nid = self._shared(batch, "Container", ids.shared_node_id("Container", number),
                             {"number": number, "owner_code": number[:3]})
            batch.rel("IN_CONTAINER", cid, nid)
        if v.get("imo"):
            imo_ok = not any(p.field == "imo" for p in rec.problems)
            nid = self._shared(batch, "Vessel", ids.shared_node_id("Vessel", v["imo"]),
                             {"imo": v["imo"], "name": v.get("vessel_name"), "imo_valid": imo_ok})
            batch.rel("ON_VESSEL", cid, nid, {"voyage": v.get("voyage")})
        if v.get("bl_number"):
            nid = self._shared(batch, "BillOfLading", ids.shared_node_id("BillOfLading", v["bl_number"]),
                             {"number": v["bl_number"]})
            batch.rel("UNDER_BL", cid, nid)
        for seal in v.get("seals") or []:
            sid = self._shared(batch, "Seal", ids.shared_node_id("Seal", seal), {"number": seal})
            batch.rel("SEALED_WITH", cid, sid)
        for party in rec.parties:
            self._mention(batch, rec, party, shipment_date)

    def _mention(self, batch: GraphBatch, rec: ParsedRecord, party: Party, shipment_date: Any) -> None:
        mid = ids.node_id("Mention", rec.node_id, party.role, party.position)
        batch.node("Mention", mid, {
            "consignment_id": rec.node_id, "role": party.role, "position": party.position,
            "name": party.name, "name_clean": party.name_clean, "name_norm": party.name_norm,
            "kind": party.kind, "legal_form": party.legal_form, "script": party.script,
            "country": party.country, "address": party.address, "city": party.city,
            "postcode": party.postcode, "phone": party.phone, "email": party.email,
            "tax_id": party.tax_id, "tax_scheme": party.tax_scheme, "tax_valid": party.tax_valid,
            "record_id": str(rec.values.get("record_id")), "shipment_date": shipment_date,
            **self.provenance(rec),
        })
        batch.rel("HAS_PARTY", rec.node_id, mid, {"role": party.role})
        if party.tax_id and party.tax_scheme:
            tid = self._shared(batch, "TaxId", ids.shared_node_id("TaxId", party.tax_scheme, party.tax_id), {
                "scheme": party.tax_scheme, "value": party.tax_id, "country": party.country,
                "valid": party.tax_valid})
            batch.rel("HAS_TAX_ID", mid, tid)
        if party.phone:
            batch.rel("HAS_PHONE", mid, self._shared(batch, "Phone", ids.shared_node_id("Phone", party.phone),
                                                   {"e164": party.phone}))
        if party.email:
            batch.rel("HAS_EMAIL", mid, self._shared(batch, "Email", ids.shared_node_id("Email", party.email),
                                                   {"address": party.email}))
        text = ", ".join(p for p in (party.address, party.city, party.postcode) if p)
        if party.address and (key := address_key(text)):
            cty = party.country or ""
            aid = self._shared(batch, "Address", ids.shared_node_id("Address", cty, key),
                             {"country": cty, "text_norm": key, "text": text})
            batch.rel("HAS_ADDRESS", mid, aid)

    def _seizure(self, batch: GraphBatch, rec: ParsedRecord) -> None:
        v = rec.values
        hs_code = v.get("hs_code")
        sid = batch.node("Seizure", rec.node_id, {
            "record_id": str(v.get("record_id")), "seizure_date": _iso(v.get("seizure_date")),
            "place": v.get("place"), "goods_description": v.get("goods_description"),
            "hs_code": hs_code.code if hs_code else None, "quantity": v.get("quantity"),
            "unit": v.get("unit"), "reason": v.get("reason"), "content_hash": rec.content_hash,
            **self.provenance(rec)})
        batch.record_ids.append(sid)
        if v.get("consignment_ref"):
            batch.rel("SEIZED", sid, ids.node_id("Consignment", rec.originator, str(v["consignment_ref"])))
        for number in v.get("containers") or []:
            nid = self._shared(batch, "Container", ids.shared_node_id("Container", number),
                             {"number": number, "owner_code": number[:3]})
            batch.rel("SEIZED_CONTAINER", sid, nid)
