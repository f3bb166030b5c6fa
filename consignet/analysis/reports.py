"""Seizures and flags recorded by analysts (``POST /seizures``, ``POST /flags``).

A seizure is a record like an ingested seizure report: a Seizure node with SEIZED links to the consignments
and SEIZED_CONTAINER links to the containers it names. The actors it names are kept on the node
(``actors``) and flagged (a Flag with ``seizure`` set, so the link shows in the graph); risk and alerts read
the seizure itself. Recording either bumps the analysis stamp: cached scores are recomputed on next read;
alerts follow at the next refresh (ingest, resolve or ``consignet communities``).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from consignet import ids
from consignet.analysis import service
from consignet.errors import InputError, NotFoundError
from consignet.scope import Viewer
from consignet.store.batch import GraphBatch
from consignet.store.risk_reads import FLAG_TARGET_LABELS, with_risk
from consignet.values import container as container_values
from consignet.values import email as email_values
from consignet.values import hs as hs_values
from consignet.values import imo as imo_values
from consignet.values import phone as phone_values

SEVERITIES = ("low", "medium", "high", "seizure")
SCOPE_KINDS = ("network", "countries", "group", "originator")
_BY_VALUE = {  # label -> (cleaner, key of the node id)
    "Container": lambda v: container_values.clean(v).value,
    "Phone": lambda v: phone_values.clean(v, None).value,
    "Email": lambda v: email_values.clean(v).value,
    "Vessel": lambda v: imo_values.clean(v).value,
    "BillOfLading": lambda v: re.sub(r"\s+", "", v).upper() or None,
}
_KEY_PROP = {"Container": "number", "Phone": "e164", "Email": "address", "Vessel": "imo", "BillOfLading": "number"}


def _country(value: str | None, field: str) -> str:
    code = (value or "").strip().upper()
    if not re.fullmatch(r"[A-Z]{2}", code):
        raise InputError(f"{field} must be an ISO 3166 alpha-2 country code, got {value!r}")
    return code


def _scope(payload: dict[str, Any]) -> dict[str, Any]:
    kind = payload.get("scope_kind") or "network"
    if kind not in SCOPE_KINDS:
        raise InputError(f"scope_kind must be one of {list(SCOPE_KINDS)}, got {kind!r}")
    countries = [_country(c, "scope_countries") for c in payload.get("scope_countries") or []]
    if kind == "countries" and not countries:
        raise InputError("scope_kind countries needs scope_countries")
    if kind == "group" and not payload.get("scope_group"):
        raise InputError("scope_kind group needs scope_group")
    return {"scope_kind": kind, "scope_group": payload.get("scope_group"), "scope_countries": countries}


def resolve_target(store: Any, viewer: Viewer, target: str | None, label: str | None, value: str | None) -> dict:
    """The node a flag points at: by id, or by label and value (a container, phone, e-mail, IMO or B/L).
    A value no record carries yet is a watch-list entry: its node is created, so that the first record
    carrying it raises an alert."""
    if not target:
        if not label or not value:
            raise InputError("give target (a node id), or label and value (e.g. Container and MSCU1234565)")
        if label not in _BY_VALUE:
            raise InputError(f"label must be one of {sorted(_BY_VALUE)} to flag by value; flag other nodes by id")
        key = _BY_VALUE[label](value)
        if not key:
            raise InputError(f"value {value!r} is not a valid {label}")
        target = ids.shared_node_id(label, key)
        if with_risk(store).risk_node(target, viewer) is None:
            batch = GraphBatch()
            batch.node(label, target, {_KEY_PROP[label]: key, **({"owner_code": key[:3]} if label == "Container"
                                                                 else {})})
            store.write_batch(batch)
    node = with_risk(store).risk_node(target, viewer)
    if node is None or not set(node["labels"]) & set(FLAG_TARGET_LABELS):
        raise NotFoundError(f"no actor, container, identifier, vessel, B/L or consignment with id {target!r}"
                            + (f" ({label} {value})" if value else ""))
    return node


def _flag_row(target: str, reason: str, severity: str, note: str | None, by: str | None,
              scope: dict[str, Any], originator: str | None, seizure: str | None = None) -> dict[str, Any]:
    return {"id": ids.node_id("Flag", target, reason), "target_id": target, "reason": reason, "severity": severity,
            "note": note, "created_by": by, "created_at": service.now_iso(), "originator": originator,
            "seizure": seizure, **scope}


def record_flag(store: Any, viewer: Viewer, payload: dict[str, Any]) -> dict[str, Any]:
    reason = (payload.get("reason") or "").strip()
    if not reason:
        raise InputError("a flag needs a reason")
    severity = payload.get("severity") or "high"
    if severity not in SEVERITIES[:3]:
        raise InputError(f"severity must be one of {list(SEVERITIES[:3])}, got {severity!r}")
    node = resolve_target(store, viewer, payload.get("target"), payload.get("label"), payload.get("value"))
    originator = _country(payload["originator"], "originator") if payload.get("originator") else viewer.country
    row = _flag_row(node["id"], reason, severity, payload.get("note"), payload.get("created_by"), _scope(payload),
                    originator)
    store = with_risk(store)
    before = service.stamp(store)
    store.write_flags([row])
    service.bump(store, "flag", before)
    return {**row, "target": {"id": node["id"], "labels": sorted(node["labels"])}}


def record_seizure(store: Any, viewer: Viewer, payload: dict[str, Any]) -> dict[str, Any]:
    record_id = str(payload.get("record_id") or "").strip()
    if not record_id:
        raise InputError("a seizure needs record_id (the seizure report's own id)")
    originator = _country(payload.get("originator") or viewer.country, "originator")
    when = payload.get("seizure_date")
    if when:
        try:
            when = date.fromisoformat(str(when)).isoformat()
        except ValueError:
            raise InputError(f"seizure_date must be a date YYYY-MM-DD, got {when!r}") from None
    hs_code = None
    if payload.get("hs_code"):
        cleaned = hs_values.clean(str(payload["hs_code"]))
        if cleaned.value is None:
            raise InputError(f"hs_code: {cleaned.problem}")
        hs_code = cleaned.value.code
    consignments = []
    for cid in payload.get("consignments") or []:
        node = with_risk(store).risk_node(cid, viewer)
        if node is None or "Consignment" not in node["labels"]:
            raise NotFoundError(f"consignments: no consignment with id {cid!r}")
        consignments.append(cid)
    boxes = []
    for number in payload.get("containers") or []:
        cleaned = container_values.clean(number)
        if cleaned.value is None:
            raise InputError(f"containers: {number!r} is not an ISO 6346 container number ({cleaned.problem})")
        boxes.append(cleaned.value)
    actors = []
    for aid in payload.get("actors") or []:
        node = with_risk(store).risk_node(aid, viewer)
        if node is None or "Actor" not in node["labels"]:
            raise NotFoundError(f"actors: no actor with id {aid!r}")
        actors.append(aid)
    if not (consignments or boxes or actors):
        raise InputError("a seizure names at least one consignment, container or actor")
    scope = _scope(payload)
    sid = ids.node_id("Seizure", originator, record_id)
    now = service.now_iso()
    before = service.stamp(store)
    batch = GraphBatch()
    batch.node("Seizure", sid, {
        "record_id": record_id, "originator": originator, "reporting_country": originator, "seizure_date": when,
        "place": payload.get("place"), "goods_description": payload.get("goods_description"), "hs_code": hs_code,
        "quantity": payload.get("quantity"), "unit": payload.get("unit"), "reason": payload.get("reason"),
        "source_file": "api", "source_row": None, "ingest_run": f"api-{now}", "actors": sorted(set(actors)),
        "created_by": payload.get("created_by"), **scope})
    batch.record_ids.append(sid)
    for cid in consignments:
        batch.rel("SEIZED", sid, cid)
    for number in boxes:
        box = batch.node("Container", ids.shared_node_id("Container", number), {"number": number,
                                                                                "owner_code": number[:3]})
        batch.rel("SEIZED_CONTAINER", sid, box)
    store.write_batch(batch)
    label = f"seizure {originator}/{record_id}"
    flags = [_flag_row(aid, label, "seizure", payload.get("reason"), payload.get("created_by"), scope, originator,
                       sid) for aid in sorted(set(actors))]
    if flags:
        with_risk(store).write_flags(flags)
    service.bump(store, "seizure", before)
    return {"id": sid, "record_id": record_id, "originator": originator, "seizure_date": when,
            "consignments": consignments, "containers": boxes, "actors": sorted(set(actors)),
            "flags": [f["id"] for f in flags], **scope}
