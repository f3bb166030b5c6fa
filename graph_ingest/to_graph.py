"""Turn cleaned records into graph rows for the store: each record a tree (the record, its mentions and
the ids their links point at), shared nodes (ports, identifiers...) by label.

Only record-level facts are written here; derived aggregates (first/last dates, record counts,
actor-actor links) are recomputed by the store from the records behind them after each run.
"""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from typing import Any

from anyascii import anyascii

from consignet import ids
from consignet.store.batch import GraphBatch, TreeRow, link
from consignet.values import country as country_values
from consignet.values import hs as hs_values
from consignet.values import locode as locode_values

from .records import ParsedRecord, Party

_NO_WARNINGS = "[]"
_NO_EXTRA = "{}"


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


@lru_cache(maxsize=1 << 16)
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
        if nid not in self._emitted:
            self._shared(batch, "Country", nid, {
                "code": code, "name": country_values.name(code), "landlocked": country_values.is_landlocked(code)})
        return nid

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
        prov = self.provenance(rec)
        if rec.record_type == "seizure":
            self._seizure(batch, rec, prov)
            return
        v = rec.values
        cid = rec.node_id
        get = v.get
        hs_code = get("hs_code")
        warnings = [p.as_dict() for p in rec.problems if p.severity == "warn"]
        departure, arrival, shared = _iso(get("departure_date")), _iso(get("arrival_date")), _iso(get("shared_date"))
        shipment_date = departure or arrival or shared
        record_id = str(get("record_id"))
        props = {
            "record_id": record_id, "bl_number": get("bl_number"),
            "hs_code": hs_code.code if hs_code else None, "hs6": hs_code.hs6 if hs_code else None,
            "goods_description": get("goods_description"), "gross_mass_kg": get("gross_mass_kg"),
            "packages": get("packages"), "value": get("value"), "currency": get("currency"),
            "departure_date": departure, "arrival_date": arrival,
            "shared_date": shared, "transport_mode": get("transport_mode"),
            "voyage": get("voyage"), "container_type": get("container_type"),
            "forwarded_by": list(get("forwarded_by") or []), "content_hash": rec.content_hash,
            "version": version,
            "warnings": json.dumps(warnings, ensure_ascii=False, default=str) if warnings else _NO_WARNINGS,
            "extra": json.dumps(rec.extra, ensure_ascii=False, default=str) if rec.extra else _NO_EXTRA,
            **prov, "shipment_date": shipment_date,
        }
        row = batch.record("Consignment", cid, props)
        batch.record_ids.append(cid)
        link(row, "REPORTED_BY", self.country(batch, rec.originator))
        loading, discharge, delivery = get("port_loading"), get("port_discharge"), get("port_delivery")
        transshipment = get("transshipment_ports") or []
        if loading:
            link(row, "LOADED_AT", self.port(batch, loading))
        if discharge:
            link(row, "DISCHARGED_AT", self.port(batch, discharge))
        if delivery:
            link(row, "DELIVERED_AT", self.port(batch, delivery))
        for seq, code in enumerate(transshipment, start=1):
            link(row, "TRANSSHIPPED_AT", self.port(batch, code), {"seq": seq})
        route = [loading, *transshipment, discharge, delivery]
        route = [p for i, p in enumerate(route) if p and (i == 0 or p != route[i - 1])]
        rid = vid = None
        if len(route) >= 2:
            label = ">".join(route)
            rid = ids.shared_node_id("Route", label)
            if rid not in self._emitted:
                self._shared(batch, "Route", rid, {"ports": route, "label": label})
            link(row, "FOLLOWS_ROUTE", rid)
        if hs_code:
            hid = ids.shared_node_id("Commodity", hs_code.hs6)
            if hid not in self._emitted:
                self._shared(batch, "Commodity", hid, {
                    "hs6": hs_code.hs6, "chapter": hs_code.chapter, "description": hs_values.description(hs_code.hs6),
                    "chpl_tier": hs_values.chpl_tier(hs_code.hs6)})
            link(row, "CARRIES", hid, {"hs_code": hs_code.code})
        for number in get("containers") or ():
            link(row, "IN_CONTAINER", self._shared(batch, "Container", ids.shared_node_id("Container", number),
                                                   {"number": number, "owner_code": number[:3]}))
        imo = get("imo")
        if imo:
            imo_ok = not any(p.field == "imo" for p in rec.problems)
            vid = self._shared(batch, "Vessel", ids.shared_node_id("Vessel", imo),
                               {"imo": imo, "name": get("vessel_name"), "imo_valid": imo_ok})
            link(row, "ON_VESSEL", vid, {"voyage": get("voyage")})
        bl_number = get("bl_number")
        if bl_number:
            link(row, "UNDER_BL", self._shared(batch, "BillOfLading", ids.shared_node_id("BillOfLading", bl_number),
                                               {"number": bl_number}))
        for seal in get("seals") or ():
            link(row, "SEALED_WITH", self._shared(batch, "Seal", ids.shared_node_id("Seal", seal), {"number": seal}))
        # the record's vessel and route ids ride on its mentions, as its date does: an actor's profile
        # counts its vessels and routes from its mentions instead of expanding every record's links
        # (~40 % of the profile's database work on the 1M graph, docs/benchmarks.md)
        record = {"record_id": record_id, "shipment_date": shipment_date, "vessel_id": vid, "route_id": rid, **prov}
        for party in rec.parties:
            self._mention(batch, row, rec, party, record)

    def _mention(self, batch: GraphBatch, row: TreeRow, rec: ParsedRecord, party: Party,
                 record: dict[str, Any]) -> None:
        mid = ids.node_id("Mention", rec.node_id, party.role, party.position)
        m = batch.child(row, "HAS_PARTY", mid, {
            "consignment_id": rec.node_id, "role": party.role, "position": party.position,
            "name": party.name, "name_clean": party.name_clean, "name_norm": party.name_norm,
            "kind": party.kind, "legal_form": party.legal_form, "script": party.script,
            "country": party.country, "address": party.address, "city": party.city,
            "postcode": party.postcode, "phone": party.phone, "email": party.email,
            "tax_id": party.tax_id, "tax_scheme": party.tax_scheme, "tax_valid": party.tax_valid,
            **record,
        }, {"role": party.role})
        if party.tax_id and party.tax_scheme:
            tid = ids.shared_node_id("TaxId", party.tax_scheme, party.tax_id)
            if tid not in self._emitted:
                self._shared(batch, "TaxId", tid, {"scheme": party.tax_scheme, "value": party.tax_id,
                                                   "country": party.country, "valid": party.tax_valid})
            link(m, "HAS_TAX_ID", tid)
        if party.phone:
            link(m, "HAS_PHONE", self._shared(batch, "Phone", ids.shared_node_id("Phone", party.phone),
                                              {"e164": party.phone}))
        if party.email:
            link(m, "HAS_EMAIL", self._shared(batch, "Email", ids.shared_node_id("Email", party.email),
                                              {"address": party.email}))
        if party.address:
            text = ", ".join(p for p in (party.address, party.city, party.postcode) if p)
            key = address_key(text)
            if key:
                cty = party.country or ""
                aid = ids.shared_node_id("Address", cty, key)
                if aid not in self._emitted:
                    self._shared(batch, "Address", aid, {"country": cty, "text_norm": key, "text": text})
                link(m, "HAS_ADDRESS", aid)

    def _seizure(self, batch: GraphBatch, rec: ParsedRecord, prov: dict[str, Any]) -> None:
        v = rec.values
        hs_code = v.get("hs_code")
        row = batch.record("Seizure", rec.node_id, {
            "record_id": str(v.get("record_id")), "seizure_date": _iso(v.get("seizure_date")),
            "place": v.get("place"), "goods_description": v.get("goods_description"),
            "hs_code": hs_code.code if hs_code else None, "quantity": v.get("quantity"),
            "unit": v.get("unit"), "reason": v.get("reason"), "content_hash": rec.content_hash, **prov})
        batch.record_ids.append(rec.node_id)
        if v.get("consignment_ref"):
            link(row, "SEIZED", ids.node_id("Consignment", rec.originator, str(v["consignment_ref"])))
        for number in v.get("containers") or ():
            link(row, "SEIZED_CONTAINER", self._shared(batch, "Container", ids.shared_node_id("Container", number),
                                                       {"number": number, "owner_code": number[:3]}))
