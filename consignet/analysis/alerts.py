"""Alerts: after each ingest, the new records that touch a flagged or seized actor, container or identifier,
or that raise an actor's risk above the threshold, each with what triggered it.

A record is new when its ingest run had not been seen by the previous refresh. Alerts are kept beside the
graph (store meta ``alerts``); an analyst marks one seen or writes case notes on it (notes are appended,
never overwritten). An alert is listed to a viewer who may see its records and what triggered it.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from typing import Any

from consignet import ids
from consignet.analysis.facts import IdentifierGroup, Record
from consignet.analysis.proximity import container_ids
from consignet.analysis.risk import RiskModel
from consignet.errors import InputError, NotFoundError
from consignet.scope import Viewer

ALERTS_KEY = "alerts"
STATUSES = ("new", "seen")
_lock = threading.Lock()


def _now() -> str:
    from consignet.analysis.service import now_iso

    return now_iso()


def _load(store: Any) -> dict[str, Any]:
    data = store.get_meta(ALERTS_KEY) or {}
    return {"processed_runs": list(data.get("processed_runs") or []), "items": list(data.get("items") or [])}


def _alert(kind: str, rec_refs: list[dict[str, Any]], target: dict[str, Any], via: dict[str, Any] | None,
           trigger: str, **extra: Any) -> dict[str, Any]:
    key = (kind, *(r["record"] for r in rec_refs), target.get("id"), (via or {}).get("id"))
    return {"id": "alr_" + ids.digest("Alert", *key), "kind": kind, "created_at": _now(),
            "record": rec_refs[0] if rec_refs else None, "records": rec_refs, "target": target, "via": via,
            "trigger": trigger, "status": "new", "seen_by": None, "seen_at": None, "notes": [], **extra}


def _seeds(model: RiskModel) -> tuple[dict[str, list], dict[str, list], dict[str, list]]:
    """What is flagged or seized: actors, containers and identifiers -> [(via, record behind or None)]."""
    facts = model.facts
    actors: dict[str, list] = defaultdict(list)
    boxes: dict[str, list] = defaultdict(list)
    idents: dict[str, list] = defaultdict(list)
    # Only the flagged containers' numbers (hashing every number of a million records took seconds).
    box_of_id = container_ids(facts, {f.target for f in facts.flags if f.target_label == "Container"})
    for s in facts.seizures:
        via = {"kind": "seizure", "id": s.id, "label": s.label, "reason": s.reason, "record": s.ref()}
        for cid in s.consignments:
            rec = facts.records.get(cid)
            for p in rec.trade_parties() if rec else []:
                actors[p.actor].append((via, cid))  # type: ignore[index]
        for actor in s.actors:
            actors[actor].append((via, None))
        for box in s.containers:
            boxes[box].append((via, tuple(s.consignments)))
    for f in facts.flags:
        if f.seizure:
            continue  # an actor named in a seizure: the seizure itself is the trigger
        via = {"kind": "flag", "id": f.id, "label": f.label, "reason": f.reason, "severity": f.severity,
               "record": None}
        if f.target_label == "Actor":
            actors[f.target].append((via, None))
        elif f.target_label == "Container" and f.target in box_of_id:
            boxes[box_of_id[f.target]].append((via, ()))
        elif f.target_label in ("TaxId", "Phone", "Email", "Address"):
            idents[f.target].append((via, None))
    seized_records = {cid for s in facts.seizures for cid in s.consignments}
    for group in facts.identifiers:
        for _actor, rid in group.uses:
            if rid in seized_records:
                seizure = next(s for s in facts.seizures if rid in s.consignments)
                idents[group.id].append(({"kind": "seizure", "id": seizure.id, "label": seizure.label,
                                          "reason": seizure.reason, "record": seizure.ref()}, rid))
    return actors, boxes, idents


def _touches(model: RiskModel, rec: Record, seeds: tuple[dict, dict, dict],
             groups_of: dict[str, list[IdentifierGroup]]) -> list[dict[str, Any]]:
    actors, boxes, idents = seeds
    out = []
    names = model.names
    for p in rec.parties:
        for via, behind in actors.get(p.actor or "", []):
            if behind == rec.id:
                continue  # the seizure of this very record is not news about it
            kind = "seized_actor" if via["kind"] == "seizure" else "flagged_actor"
            what = "party to a seized consignment" if behind else ("named in a seizure" if via["kind"] == "seizure"
                                                                   else "flagged")
            out.append(_alert(kind, [rec.ref(p.role)], {"id": p.actor, "label": "Actor",
                                                         "name": names.get(p.actor or "", p.name)}, via,
                              f"{p.role} {names.get(p.actor or '', p.name)} is {what} ({via['label']})",
                              actor={"id": p.actor, "name": names.get(p.actor or "", p.name)}))
    for box in rec.containers:
        for via, behind in boxes.get(box, []):
            if rec.id in behind:
                continue
            kind = "seized_container" if via["kind"] == "seizure" else "flagged_container"
            out.append(_alert(kind, [rec.ref()], {"id": ids.shared_node_id("Container", box), "label": "Container",
                                                  "name": box}, via, f"container {box} is in {via['label']}"))
    for group in groups_of.get(rec.id, []):
        for via, behind in idents[group.id]:
            if behind == rec.id:
                continue
            kind = "seized_identifier" if via["kind"] == "seizure" else "flagged_identifier"
            out.append(_alert(kind, [rec.ref()], {"id": group.id, "label": group.label, "name": group.name}, via,
                              f"{group.label} {group.name} on this record is in {via['label']}"))
    return out


def detect(store: Any, model: RiskModel) -> list[dict[str, Any]]:
    """Raise the alerts of the records of ingest runs not processed yet; store them; return the new ones."""
    from consignet.analysis.service import RISK_SCORES_KEY

    facts, w = model.facts, model.weights
    with _lock:
        state = _load(store)
        done = set(state["processed_runs"])
        new_records = [r for r in facts.records.values() if r.ingest_run and r.ingest_run not in done]
        new_seizures = [s for s in facts.seizures if s.ingest_run and s.ingest_run not in done]
        runs = {r.ingest_run for r in new_records} | {s.ingest_run for s in new_seizures}
        seeds = _seeds(model)
        groups_of: dict[str, list[IdentifierGroup]] = defaultdict(list)
        for group in facts.identifiers:
            if group.id in seeds[2]:
                for rid in sorted({r for _, r in group.uses}):
                    groups_of[rid].append(group)
        raised: dict[str, dict[str, Any]] = {}
        for rec in new_records:
            for alert in _touches(model, rec, seeds, groups_of):
                raised.setdefault(alert["id"], alert)
        previous = (store.get_meta(RISK_SCORES_KEY) or {}).get("scores") or {}
        fresh = {r.id for r in new_records} | {s.id for s in new_seizures}
        for aid in model.ranking:
            score = model.actor_score[aid]
            if score <= w.alert_threshold:
                break
            before = float(previous.get(aid, 0.0))
            if before > w.alert_threshold:
                continue
            behind = [r for c in model.actor.get(aid, []) for r in model.expand(c).records if r in fresh]
            behind = list(dict.fromkeys(behind))
            if not behind:
                continue
            refs = [x for x in ((facts.records[r].ref() if r in facts.records else next(
                (s.ref() for s in new_seizures if s.id == r), None)) for r in behind[:20]) if x]
            top = ", ".join(f"{c.indicator} {c.points:.1f}" for c in model.actor[aid][:3])
            alert = _alert("risk_threshold", refs, {"id": aid, "label": "Actor", "name": model.names.get(aid, aid)},
                           None, f"risk of {model.names.get(aid, aid)} rose from {before:.1f} to {score:.1f}, above "
                                 f"the threshold {w.alert_threshold:g} ({top})",
                           actor={"id": aid, "name": model.names.get(aid, aid)}, score=score, previous_score=before)
            raised.setdefault(alert["id"], alert)
        known = {a["id"] for a in state["items"]}
        added = [a for a in raised.values() if a["id"] not in known]
        for alert in added:
            alert["runs"] = sorted(runs)
        state["items"].extend(added)
        state["processed_runs"] = sorted(done | runs)
        store.set_meta(ALERTS_KEY, state)
    return added


def _visible(store: Any, alert: dict[str, Any], viewer: Viewer) -> bool:
    if viewer.unrestricted:
        return True
    via = alert.get("via") or {}
    refs = [*(alert.get("records") or []), *([via["record"]] if via.get("record") else [])]
    from consignet.store.risk_reads import with_risk

    return all(with_risk(store).risk_node(r["record"], viewer) is not None for r in refs)


def list_alerts(store: Any, viewer: Viewer, *, status: str | None = None, kind: str | None = None,
                limit: int = 50, offset: int = 0) -> dict[str, Any]:
    if status is not None and status not in STATUSES:
        raise InputError(f"status must be one of {list(STATUSES)}, got {status!r}")
    items = [a for a in _load(store)["items"] if (status is None or a["status"] == status)
             and (kind is None or a["kind"] == kind)]
    items = [a for a in items if _visible(store, a, viewer)]
    items.sort(key=lambda a: (a["created_at"], a["id"]), reverse=True)
    return {"total": len(items), "offset": offset, "limit": limit, "items": items[offset:offset + limit]}


def _update(store: Any, alert_id: str, viewer: Viewer, change: Any) -> dict[str, Any]:
    with _lock:
        state = _load(store)
        for alert in state["items"]:
            if alert["id"] == alert_id and _visible(store, alert, viewer):
                change(alert)
                store.set_meta(ALERTS_KEY, state)
                return alert
    raise NotFoundError(f"no alert with id {alert_id!r}")


def mark_seen(store: Any, alert_id: str, viewer: Viewer, by: str | None = None) -> dict[str, Any]:
    def change(alert: dict[str, Any]) -> None:
        alert.update(status="seen", seen_by=by, seen_at=_now())

    return _update(store, alert_id, viewer, change)


def add_note(store: Any, alert_id: str, viewer: Viewer, text: str, by: str | None = None) -> dict[str, Any]:
    """A case note on an alert: appended, never overwritten; the first one opens the case."""
    if not text or not text.strip():
        raise InputError("a case note needs text")
    if len(text) > 10_000:
        raise InputError("a case note is at most 10,000 characters")

    def change(alert: dict[str, Any]) -> None:
        alert.setdefault("notes", []).append({"text": text.strip(), "by": by, "at": _now()})
        alert.setdefault("case_opened_at", alert["notes"][0]["at"])

    return _update(store, alert_id, viewer, change)
