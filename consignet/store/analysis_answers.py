"""How analysis answers are shaped, from the rows both backends produce in the same form.

Each backend returns rows shaped like the Cypher of cypher/analysis/ (the embedded store builds them in
Python); the functions here turn them into the API's answers, so both stores answer alike.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from typing import Any

from consignet import ids
from consignet.errors import InputError
from consignet.names import name_similarity, parse_name
from consignet.store.analysis import (
    COMMON_MEASURE,
    COMMON_THRESHOLD,
    INTERNAL_PROPS,
    SENDER_ROLES,
    SHARED_IDENTIFIER_LABELS,
    display_name,
    evidence_record,
    link_id,
    primary_label,
)
from consignet.store.walks import PathSearch
from consignet.values import container as container_values
from consignet.values import email as email_values
from consignet.values import imo as imo_values
from consignet.values import phone as phone_values
from consignet.values.taxid_schemes import SCHEMES

SEARCH_CANDIDATES = 2000  # candidate (actor, name) rows scored per search
SEARCH_MIN_SCORE = 0.6
ANOMALY_KINDS = ("overlap", "unrelated_reuse", "many_owners")
PORT_ROLES = {"LOADED_AT": "loading", "DISCHARGED_AT": "discharge", "DELIVERED_AT": "delivery"}


def _node_out(node: dict[str, Any], evidence: dict[str, Any]) -> dict[str, Any]:
    out = {k: node[k] for k in ("id", "label", "labels", "name") if k in node}
    for key in ("hop", "hub", "common", "expanded", "measure"):
        if key in node:
            out[key] = node[key]
    out["props"] = node["props"]
    out["evidence"] = evidence
    return out


def _link_props(props: dict[str, Any]) -> dict[str, Any]:
    # SHIPPED_TO keeps its originators and HS-6 codes as sets; Neo4j stores them in arrival order, the
    # embedded store sorted: answer them sorted.
    return {k: sorted(v) if isinstance(v, list) and k in ("originators", "hs6s") else v
            for k, v in props.items() if v is not None and k not in INTERNAL_PROPS}


def graph_answer(nodes: dict[str, dict[str, Any]], links: list[dict[str, Any]],
                 evidence: dict[tuple[str, ...], dict[str, Any]]) -> dict[str, Any]:
    ordered = sorted(nodes.values(), key=lambda n: (n.get("hop", 0), n["id"]))
    out_links = [{"id": link_id(li["type"], li["source"], li["target"]), "type": li["type"],
                  "source": li["source"], "target": li["target"], "props": _link_props(li["props"]),
                  "evidence": evidence[("link", li["type"], li["source"], li["target"])]}
                 for li in sorted(links, key=lambda li: (li["source"], li["target"], li["type"]))]
    return {"nodes": [_node_out(n, evidence[("node", n["id"])]) for n in ordered], "links": out_links}


def paths_answer(source: str, target: str, max_length: int, found: PathSearch,
                 graph: dict[str, Any]) -> dict[str, Any]:
    by_id = {n["id"]: n for n in graph["nodes"]}
    by_pair: dict[frozenset[str], list[dict[str, Any]]] = defaultdict(list)
    for li in graph["links"]:
        by_pair[frozenset((li["source"], li["target"]))].append(li)
    paths = []
    for path in found.paths:
        steps = [li for a, b in zip(path, path[1:], strict=False) for li in by_pair[frozenset((a, b))]]
        paths.append({"length": len(path) - 1, "nodes": [by_id[n] for n in path], "links": steps})
    return {"from": source, "to": target, "max_length": max_length, "found": bool(paths), "length": found.length,
            "total_paths": found.total, "truncated": found.truncated, "search_capped": found.capped,
            "paths": paths}


def repeat_answer(total: int, items: list[dict[str, Any]], cards: dict[str, dict[str, Any]], min_countries: int,
                  offset: int, limit: int, evidence_limit: int) -> dict[str, Any]:
    out = []
    for item in items:
        card = cards.get(item["id"], {})
        countries = sorted(c for c in item["countries"] or [] if c)
        out.append({
            "id": item["id"], "name": item["name"], "kind": item["kind"], "countries": countries,
            "country_count": len(countries), "records": item["records"], "high_priority": item["high_priority"],
            "first_seen": item["first_seen"], "last_seen": item["last_seen"], "names": card.get("names", []),
            "counterparties": card.get("counterparties", []),
            "evidence": {"total": card.get("evidence_total", 0), "offset": 0, "limit": evidence_limit,
                         "records": card.get("evidence", [])}})
    return {"min_countries": min_countries, "total": total, "offset": offset, "limit": limit, "items": out}


def _used(item: dict[str, Any], label: str) -> dict[str, Any]:
    props = item["props"]
    return {"id": item["id"], "name": display_name(label, props), "records": item["records"],
            "first_date": item["first_date"], "last_date": item["last_date"]}


def profile_answer(requested: str, row: dict[str, Any], evidence: dict[str, Any]) -> dict[str, Any]:
    props = row["props"]
    by_script: dict[str, list[str]] = defaultdict(list)
    for entry in row["names"]:
        by_script[entry["script"] or "unknown"].append(entry["name"])
    identifiers = []
    for item in row["identifiers"]:
        label = primary_label(item["id"], item["labels"])
        identifiers.append({"id": item["id"], "label": label, "value": display_name(label, item["props"]),
                            "records": item["records"], "first_date": item["first_date"],
                            "last_date": item["last_date"], "actors": item["actors"],
                            "common": item["actors"] >= COMMON_THRESHOLD})
    usage = {u["kind"]: u["items"] for u in row["usage"]}
    return {
        "id": row["id"], "requested_id": requested if requested != row["id"] else None,
        "labels": sorted(row["labels"]), "kind": props.get("kind"), "name": props.get("name"),
        "aliases": props.get("aliases") or [], "names": row["names"],
        "names_by_script": dict(sorted(by_script.items())),
        "legal_forms": sorted(x for x in row["legal_forms"] if x), "roles": sorted(x for x in row["roles"] if x),
        "countries": {"originators": sorted(x for x in row["originators"] if x),
                      "parties": sorted(x for x in row["party_countries"] if x)},
        "records": row["records"], "mentions": row["mentions"], "first_seen": row["first_seen"],
        "last_seen": row["last_seen"], "identifiers": identifiers,
        "containers": [_used(i, "Container") for i in usage.get("IN_CONTAINER", [])],
        "vessels": [{**_used(i, "Vessel"), "imo": i["props"].get("imo")} for i in usage.get("ON_VESSEL", [])],
        "routes": [_used(i, "Route") for i in usage.get("FOLLOWS_ROUTE", [])],
        "counterparties": row["counterparties"], "evidence": evidence,
    }


def make_event(props: dict[str, Any], vessel: dict[str, Any] | None, ports: list[dict[str, Any]],
               containers: list[str], parties: list[dict[str, Any]], route: str | None) -> dict[str, Any]:
    """One record as an analyst reads it (timeline, container and vessel histories)."""
    by_role: dict[str, str | None] = {v: None for v in PORT_ROLES.values()}
    for port in ports:
        if port["role"] in PORT_ROLES:
            by_role[PORT_ROLES[port["role"]]] = port["locode"]
    tranship = [p["locode"] for p in sorted((p for p in ports if p["role"] == "TRANSSHIPPED_AT"),
                                            key=lambda p: (p.get("seq") or 0, p["locode"]))]
    return {
        **evidence_record("Consignment", props),
        **{k: props.get(k) for k in ("departure_date", "arrival_date", "hs_code", "hs6", "goods_description",
                                     "gross_mass_kg", "packages", "value", "currency")},
        "voyage": (vessel or {}).get("voyage") or props.get("voyage"),
        "vessel": {k: vessel.get(k) for k in ("id", "imo", "name")} if vessel else None,
        **by_role, "transshipment": tranship, "route": route, "containers": sorted(containers),
        "parties": sorted(({k: p.get(k) for k in ("role", "position", "name", "mention", "actor", "actor_name")}
                           for p in parties), key=lambda p: (p["role"] or "", p["position"] or 0)),
    }


def timeline_answer(requested: str, current: str, months: list[dict[str, Any]], page: dict[str, Any],
                    facts: dict[str, dict[str, Any]], offset: int, limit: int) -> dict[str, Any]:
    out_months = [{"month": m["month"], "records": sum(c["records"] for c in m["countries"]),
                   "countries": {c["country"]: c["records"] for c in m["countries"]}} for m in months]
    items = [{**facts[p["record"]], "roles": sorted(p["roles"])} for p in page["page"] if p["record"] in facts]
    return {"id": current, "requested_id": requested if requested != current else None, "months": out_months,
            "records": {"total": page["total"], "offset": offset, "limit": limit, "items": items}}


def search_plan(q: str) -> dict[str, Any]:
    """Name prefixes (ASCII, as Mention.name_norm) and exact identifier values to look up for ``q``."""
    text = (q or "").strip()
    if not text:
        raise InputError("q is empty: give a name, phone, e-mail, container, IMO or B/L number")
    if len(text) > 200:
        raise InputError("q is longer than 200 characters")
    parsed = parse_name(text)
    tokens = [t for t in parsed.tokens if len(t) >= 2]
    prefixes = sorted({t[:4] for t in tokens if len(t) >= 3} or set(tokens))
    found: dict[str, Any] = {}
    if (box := container_values.clean(text)).ok:
        found["container"] = box.value
    ship = imo_values.clean(text)
    if ship.value and (text.upper().startswith("IMO") or len(re.sub(r"\D", "", text)) == 7):
        found["imo"] = ship.value
    if text.startswith(("+", "00")) and (tel := phone_values.clean(text, None)).value:
        found["e164"] = tel.value
    if "@" in text and (mail := email_values.clean(text)).value:
        found["email"] = mail.value
    compact = re.sub(r"[\s./-]", "", text).upper()
    if re.fullmatch(r"[A-Z0-9]{6,30}", compact) and "container" not in found:
        found["bl"] = compact
    if re.fullmatch(r"\d{7,14}", compact):
        found["tax_ids"] = sorted(ids.node_id("TaxId", name, compact) for name in SCHEMES)
    identifiers = {k: found.get(k) for k in ("e164", "email", "container", "imo", "bl")}
    identifiers["tax_ids"] = found.get("tax_ids", [])
    return {"norm": parsed.norm, "prefixes": prefixes,
            "identifiers": identifiers if any(found.values()) else None}


def search_answer(q: str, plan: dict[str, Any], rows: list[dict[str, Any]], hits: list[dict[str, Any]],
                  limit: int, kind: str | None) -> dict[str, Any]:
    query = parse_name(q.strip())
    best: dict[str, dict[str, Any]] = {}
    for row in rows:
        if kind and row["kind"] != kind:
            continue
        sim = name_similarity(query, parse_name(row["name"]))
        if sim.score < SEARCH_MIN_SCORE:
            continue
        item = {"id": row["actor"], "label": "Actor", "name": row["actor_name"], "kind": row["kind"],
                "score": sim.score, "reason": sim.reason, "matched": row["name"],
                "countries": sorted(row["originators"] or []), "records": row["records"]}
        held = best.get(row["actor"])
        if held is None or (item["score"], held["matched"]) > (held["score"], item["matched"]):
            best[row["actor"]] = item
    items = sorted(best.values(), key=lambda i: (-i["score"], -(i["records"] or 0), i["id"]))[:limit]
    identifiers = [{k: h[k] for k in ("id", "label", "labels", "name", "props")} for h in hits]
    return {"q": q, "normalised": plan["norm"], "items": items, "identifiers": identifiers}


def check_identifier_labels(labels: Any) -> list[str] | None:
    if not labels:
        return None
    bad = [x for x in labels if x not in SHARED_IDENTIFIER_LABELS]
    if bad:
        raise InputError(f"labels: {bad} are not identifier labels; choose from {list(SHARED_IDENTIFIER_LABELS)}")
    return sorted(set(labels))


def shared_evidence_keys(actor: str, rows: list[dict[str, Any]], threshold: int) -> list[tuple[str, ...]]:
    keys: list[tuple[str, ...]] = []
    for row in rows:
        keys.append(("uses", actor, row["id"]))
        if (row["measure"] or 0) < threshold:
            keys.extend(("uses", other["id"], row["id"]) for other in row["actors"])
    return keys


def shared_answer(requested: str, actor: str, rows: list[dict[str, Any]], threshold: int,
                  evidence: dict[tuple[str, ...], dict[str, Any]]) -> dict[str, Any]:
    shared, common, own = [], [], []
    for row in rows:
        label = primary_label(row["id"], row["labels"])
        entry = {"identifier": {"id": row["id"], "label": label, "value": display_name(label, row["props"])},
                 "used_by": row["measure"], "used_by_kind": COMMON_MEASURE[label][1], "records": row["records"],
                 "first_date": row["first_date"], "last_date": row["last_date"],
                 "evidence": evidence[("uses", actor, row["id"])]}
        if (row["measure"] or 0) >= threshold:
            common.append(entry)
        elif row["actors"]:
            entry["actors"] = [{**other, "evidence": evidence[("uses", other["id"], row["id"])]}
                               for other in row["actors"]]
            shared.append(entry)
        else:
            own.append(entry)
    shared.sort(key=lambda e: (-len(e["actors"]), e["identifier"]["id"]))
    common.sort(key=lambda e: (-(e["used_by"] or 0), e["identifier"]["id"]))
    return {"id": actor, "requested_id": requested if requested != actor else None, "common_threshold": threshold,
            "shared": shared, "common": common, "own": own}


def common_answer(total: int, items: list[dict[str, Any]], threshold: int, offset: int, limit: int) -> dict[str, Any]:
    out = []
    for item in items:
        label = primary_label(item["id"], item["labels"])
        props = item["props"]
        out.append({"id": item["id"], "label": label, "value": display_name(label, props), "used_by": item["measure"],
                    "used_by_kind": COMMON_MEASURE[label][1], "records": props.get("record_count"),
                    "first_date": props.get("first_date"), "last_date": props.get("last_date")})
    return {"threshold": threshold, "total": total, "offset": offset, "limit": limit, "items": out}


def container_number(raw: str) -> str:
    cleaned = container_values.clean(raw)
    if not cleaned.ok:
        raise InputError(f"container number {raw!r}: {cleaned.problem}")
    return cleaned.value


def imo_number(raw: str) -> str:
    cleaned = imo_values.clean(raw)
    if cleaned.value is None:  # a wrong check digit is kept (warned), as at ingest
        raise InputError(f"IMO number {raw!r}: {cleaned.problem or 'empty'}")
    return cleaned.value


def check_anomaly_args(kinds: Any, min_owners: int, window_days: int) -> tuple[str, ...]:
    bad = [k for k in kinds or () if k not in ANOMALY_KINDS]
    if bad:
        raise InputError(f"kinds: unknown {bad}; choose from {list(ANOMALY_KINDS)}")
    if min_owners < 2:
        raise InputError(f"min_owners must be at least 2, got {min_owners}")
    if not 0 <= window_days <= 365:
        raise InputError(f"window_days must be between 0 and 365, got {window_days}")
    return tuple(kinds or ())


def anomaly_rec(event: dict[str, Any]) -> dict[str, Any]:
    """The facts of one record the clone rules look at (same as the ``recs`` of container_anomalies.cypher)."""
    start = event["departure_date"] if event["departure_date"] is not None else event["date"]
    end = next((x for x in (event["arrival_date"], event["departure_date"], event["date"]) if x is not None), None)
    parties = event["parties"]
    return {"record": event["record"], "from": start, "to": end, "vessel": (event["vessel"] or {}).get("imo"),
            "loading": event["loading"], "actors": [p["actor"] for p in parties if p["actor"]],
            "senders": [p["actor"] for p in parties if p["actor"] and p["role"] in SENDER_ROLES]}


def find_anomalies(recs: list[dict[str, Any]], shipped: set[tuple[str, str]],
                   window_days: int) -> tuple[list[list[str]], list[list[str]], list[str]]:
    """Pairs of records in overlapping periods on different journeys, pairs of records within
    ``window_days`` by unrelated actors, and the distinct consignors (the Python twin of the Cypher)."""
    recs = sorted(recs, key=lambda r: r["record"])
    overlaps, unrelated = [], []
    for i, r1 in enumerate(recs):
        for r2 in recs[i + 1:]:
            if r1["from"] is None or r2["from"] is None:
                continue
            journeys_differ = ((r1["vessel"] and r2["vessel"] and r1["vessel"] != r2["vessel"])
                               or (r1["loading"] and r2["loading"] and r1["loading"] != r2["loading"]))
            if r1["from"] <= r2["to"] and r2["from"] <= r1["to"] and journeys_differ:
                overlaps.append([r1["record"], r2["record"]])
            days = abs((date.fromisoformat(r1["from"]) - date.fromisoformat(r2["from"])).days)
            if (days <= window_days and r1["actors"] and r2["actors"] and not set(r1["actors"]) & set(r2["actors"])
                    and not any((x, y) in shipped or (y, x) in shipped for x in r1["actors"] for y in r2["actors"])):
                unrelated.append([r1["record"], r2["record"]])
    owners = sorted({x for r in recs for x in r["senders"]})
    return overlaps, unrelated, owners


def anomaly_items(number: str, container_id: str, overlaps: list[list[str]], unrelated: list[list[str]],
                  owners: list[str], min_owners: int) -> list[dict[str, Any]]:
    items = []
    for kind, pairs in (("overlap", overlaps), ("unrelated_reuse", unrelated)):
        if pairs:
            shown = sorted(pairs)[:5]
            items.append({"number": number, "id": container_id, "kind": kind, "count": len(pairs), "pairs": shown,
                          "owners": [], "records": sorted({x for p in shown for x in p})})
    if len(set(owners)) >= min_owners:
        items.append({"number": number, "id": container_id, "kind": "many_owners", "count": len(set(owners)),
                      "pairs": [], "owners": sorted(set(owners)), "records": []})
    return items


def _journey(event: dict[str, Any]) -> str:
    ship = (event["vessel"] or {}).get("name") or (event["vessel"] or {}).get("imo") or "no vessel"
    return (f"{event['originator']}/{event['record_id']} on {ship} from {event['loading'] or '?'} "
            f"{event['departure_date'] or event['date'] or '?'}..{event['arrival_date'] or '?'}")


def describe(item: dict[str, Any], facts: dict[str, dict[str, Any]]) -> str:
    if item["kind"] == "many_owners":
        return f"{item['count']} different consignors shipped in {item['number']}"
    first = item["pairs"][0]
    a, b = facts.get(first[0]), facts.get(first[1])
    what = ("in two places in overlapping periods" if item["kind"] == "overlap"
            else "used within days by actors with no link between them")
    if a and b:
        return f"{item['number']} {what}: {_journey(a)} and {_journey(b)} ({item['count']} pair(s))"
    return f"{item['number']} {what} ({item['count']} pair(s))"


def anomalies_answer(items: list[dict[str, Any]], page: list[dict[str, Any]], facts: dict[str, dict[str, Any]],
                     offset: int, limit: int, min_owners: int, window_days: int) -> dict[str, Any]:
    out = [{**item, "detail": describe(item, facts),
            "evidence": [evidence_record("Consignment", _ev_props(facts[r])) for r in item["records"] if r in facts]}
           for item in page]
    return {"total": len(items), "offset": offset, "limit": limit, "min_owners": min_owners,
            "window_days": window_days, "items": out}


def _ev_props(event: dict[str, Any]) -> dict[str, Any]:
    return {"id": event["record"], "record_id": event["record_id"], "originator": event["originator"],
            "reporting_country": event["reporting_country"], "source_file": event["file"],
            "source_row": event["row"], "shipment_date": event["date"]}


def container_answer(number: str, row: dict[str, Any], facts: dict[str, dict[str, Any]], shipped: set[tuple[str, str]],
                     offset: int, limit: int, window_days: int, min_owners: int) -> dict[str, Any]:
    records = [r for r in row["records"] if r in facts]
    overlaps, unrelated, owners = find_anomalies([anomaly_rec(facts[r]) for r in records], shipped, window_days)
    anomalies = anomaly_items(number, row["id"], overlaps, unrelated, owners, min_owners)
    actors: dict[str, dict[str, Any]] = {}
    for rec in records:
        for party in facts[rec]["parties"]:
            if party["actor"]:
                entry = actors.setdefault(party["actor"], {"id": party["actor"], "name": party["actor_name"],
                                                           "records": set(), "roles": set()})
                entry["records"].add(rec)
                entry["roles"].add(party["role"])
    actor_list = sorted(({**a, "records": len(a["records"]), "roles": sorted(a["roles"])} for a in actors.values()),
                        key=lambda a: (-a["records"], a["id"]))
    seizures = [{**evidence_record("Seizure", s), **{k: s.get(k) for k in ("place", "reason", "goods_description",
                                                                          "quantity", "unit")}}
                for s in row["seizures"]]
    return {"number": number, "id": row["id"], "props": row["props"],
            "records": {"total": len(records), "offset": offset, "limit": limit,
                        "items": [facts[r] for r in records[offset:offset + limit]]},
            "actors": actor_list, "seizures": seizures,
            "anomalies": [{**a, "detail": describe(a, facts)} for a in anomalies]}


def vessel_answer(imo: str, row: dict[str, Any], facts: dict[str, dict[str, Any]], offset: int,
                  limit: int) -> dict[str, Any]:
    props = row["props"]
    return {"imo": imo, "id": row["id"], "name": props.get("name"), "props": props, "ports": row["ports"],
            "voyages": sorted(v for v in row["voyages"] if v), "first_seen": row["first_seen"],
            "last_seen": row["last_seen"],
            "records": {"total": row["total"], "offset": offset, "limit": limit,
                        "items": [facts[r] for r in row["page"] if r in facts]}}
