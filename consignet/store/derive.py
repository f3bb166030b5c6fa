"""Derived aggregates and resolution writes for the embedded store, in Python over its graph.

The Neo4j store computes the same in Cypher (cypher/derive/*.cypher); the contract tests hold the
two to the same answers.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Any

from consignet import ids
from consignet.scope import Viewer

if TYPE_CHECKING:
    from consignet.store.embedded import EmbeddedStore

CONSIGNMENT_TARGETS = ("Port", "Container", "Vessel", "Route", "Commodity", "BillOfLading", "Seal")
IDENTIFIER_LABELS = ("TaxId", "Phone", "Email", "Address")
SENDER_ROLES = ("consignor", "seller")
RECEIVER_ROLES = ("consignee", "buyer")
DERIVED_RELS = ("SHIPPED_TO", "USES_IDENTIFIER", "USED_CONTAINER")
MAX_LIST = 50  # cap on lists kept on derived links (hs6s); evidence is paged by query instead


def _span(dates: list[str], count: int) -> dict[str, Any]:
    dates = [d for d in dates if d]
    return {"first_date": min(dates) if dates else None, "last_date": max(dates) if dates else None,
            "record_count": count}


def _actor_of(store: EmbeddedStore, mention: str) -> str | None:
    for _, dst, key in store.g.out_edges(mention, keys=True):
        if key == "RESOLVES_TO":
            return dst
    return None


def refresh(store: EmbeddedStore) -> tuple[set[str], dict[str, tuple[str, str, str]], set[str]]:
    g = store.g
    changed: set[str] = set()
    date_of = {c: g.nodes[c]["p"].get("shipment_date") for c in store.by_label["Consignment"]}
    for label in CONSIGNMENT_TARGETS:
        for nid in store.by_label[label]:
            recs = {src for src, _ in g.in_edges(nid) if src in date_of}
            g.nodes[nid]["p"].update(_span([date_of[c] for c in recs], len(recs)))
            changed.add(nid)
    for label in IDENTIFIER_LABELS:
        for nid in store.by_label[label]:
            recs = {g.nodes[m]["p"].get("consignment_id") for m, _ in g.in_edges(nid)}
            recs.discard(None)
            g.nodes[nid]["p"].update(_span([date_of.get(c) for c in recs], len(recs)))
            changed.add(nid)
    # Actors and actor-level links.
    old_rels = {d["id"] for _, _, k, d in g.edges(keys=True, data=True) if k in DERIVED_RELS}
    g.remove_edges_from([(s, t, k) for s, t, k in list(g.edges(keys=True)) if k in DERIVED_RELS])
    links: dict[tuple[str, str, str], dict[str, Any]] = {}

    def link(rtype: str, src: str, dst: str, cid: str, extra: dict[str, Any] | None = None) -> None:
        agg = links.setdefault((rtype, src, dst), {"recs": set(), "originators": set(), "hs6s": set()})
        agg["recs"].add(cid)
        if extra:
            agg["originators"].add(extra.get("originator"))
            if extra.get("hs6"):
                agg["hs6s"].add(extra["hs6"])

    for cid in store.by_label["Consignment"]:
        cprops = g.nodes[cid]["p"]
        parties = [(g.nodes[m]["p"]["role"], m, _actor_of(store, m))
                   for _, m, k in g.out_edges(cid, keys=True) if k == "HAS_PARTY"]
        containers = [t for _, t, k in g.out_edges(cid, keys=True) if k == "IN_CONTAINER"]
        senders = {a for r, _, a in parties if a and r in SENDER_ROLES}
        receivers = {a for r, _, a in parties if a and r in RECEIVER_ROLES}
        for s in senders:
            for r in receivers - {s}:
                link("SHIPPED_TO", s, r, cid, cprops)
        for _, mention, actor in parties:
            if not actor:
                continue
            for box in containers:
                link("USED_CONTAINER", actor, box, cid)
            for _, ident, k in g.out_edges(mention, keys=True):
                if k in ("HAS_TAX_ID", "HAS_PHONE", "HAS_EMAIL", "HAS_ADDRESS"):
                    link("USES_IDENTIFIER", actor, ident, cid)
    new_rels: dict[str, tuple[str, str, str]] = {}
    for (rtype, src, dst), agg in links.items():
        props = _span([date_of.get(c) for c in agg["recs"]], len(agg["recs"]))
        if rtype == "SHIPPED_TO":
            props["originators"] = sorted(o for o in agg["originators"] if o)
            props["hs6s"] = sorted(agg["hs6s"])[:MAX_LIST]
        rid = ids.rel_id(rtype, src, dst)
        g.add_edge(src, dst, key=rtype, id=rid, p=props)
        new_rels[rid] = (rtype, src, dst)
    for aid in store.by_label["Actor"]:
        g.nodes[aid]["p"].update(actor_aggregate(store, aid, date_of))
        changed.add(aid)
    return changed, new_rels, old_rels - set(new_rels)


def actor_aggregate(store: EmbeddedStore, aid: str, date_of: dict[str, Any]) -> dict[str, Any]:
    g = store.g
    mentions = [g.nodes[m]["p"] for m, _, k in g.in_edges(aid, keys=True) if k == "RESOLVES_TO"]
    recs = {m["consignment_id"] for m in mentions}
    originators = sorted({m["originator"] for m in mentions if m.get("originator")})
    names = Counter(m["name"] for m in mentions)
    return {
        **_span([date_of.get(c) for c in recs], len(recs)),
        "names": [n for n, _ in sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_LIST]],
        "originators": originators, "originator_count": len(originators),
        "countries": sorted({m["country"] for m in mentions if m.get("country")}),
        "legal_forms": sorted({m["legal_form"] for m in mentions if m.get("legal_form")}),
        "tax_ids": sorted({f"{m['tax_scheme']}:{m['tax_id']}" for m in mentions if m.get("tax_id")}),
        "mention_count": len(mentions),
    }


def mention_rows(store: EmbeddedStore, only_unresolved: bool) -> list[dict[str, Any]]:
    g = store.g
    rows = []
    for mid in store.by_label["Mention"]:
        actor = _actor_of(store, mid)
        if only_unresolved and actor:
            continue
        p = g.nodes[mid]["p"]
        cid = p["consignment_id"]
        others = [g.nodes[m]["p"]["name"] for _, m, k in g.out_edges(cid, keys=True)
                  if k == "HAS_PARTY" and m != mid]
        out = [(k, g.nodes[t]["p"]) for _, t, k in g.out_edges(cid, keys=True)]
        rows.append({
            **{k: p.get(k) for k in ("name", "kind", "country", "originator", "role", "consignment_id",
                                     "shipment_date", "tax_scheme", "tax_id", "tax_valid", "phone",
                                     "email", "address", "city", "source_file", "source_row",
                                     "record_id", "reporting_country")},
            "id": mid, "actor_id": actor,
            "containers": sorted(t["number"] for k, t in out if k == "IN_CONTAINER"),
            "bl_numbers": sorted(t["number"] for k, t in out if k == "UNDER_BL"),
            "counterparties": sorted(others),
        })
    return sorted(rows, key=lambda r: r["id"])


def apply_resolution(store: EmbeddedStore, actors: list[dict[str, Any]], links: list[dict[str, Any]],
                     drop_actors: Any) -> tuple[set[str], dict, set[str], set[str]]:
    g = store.g
    nodes: set[str] = set()
    rels: dict[str, tuple[str, str, str]] = {}
    gone_nodes: set[str] = set()
    gone_rels: set[str] = set()
    for actor in actors:
        kind = actor.get("kind") or "unknown"
        extra = {"company": "Company", "person": "Person"}.get(kind)
        store._put_node(actor["id"], "Actor", actor, ["Actor", extra] if extra else ["Actor"])
        nodes.add(actor["id"])
    for row in links:
        mid = row["mention_id"]
        if mid not in g:
            continue
        for _, old, k, d in list(g.out_edges(mid, keys=True, data=True)):
            if k == "RESOLVES_TO" and old != row["actor_id"]:
                g.remove_edge(mid, old, key=k)
                gone_rels.add(d["id"])
        rid = ids.rel_id("RESOLVES_TO", mid, row["actor_id"])
        props = {"score": row.get("score"), "method": row.get("method"),
                 "evidence": row["evidence"] if isinstance(row.get("evidence"), str)
                 else json.dumps(row.get("evidence"), ensure_ascii=False, default=str)}
        store._put_rel(rid, "RESOLVES_TO", mid, row["actor_id"], props)
        rels[rid] = ("RESOLVES_TO", mid, row["actor_id"])
        gone_rels.discard(rid)
    for aid in drop_actors:
        if aid in g:
            gone_rels.update(d["id"] for *_, d in g.in_edges(aid, keys=True, data=True))
            gone_rels.update(d["id"] for *_, d in g.out_edges(aid, keys=True, data=True))
            g.remove_node(aid)
            store.by_label["Actor"].discard(aid)
            gone_nodes.add(aid)
    return nodes, rels, gone_nodes, gone_rels


def _visible_mentions(store: EmbeddedStore, viewer: Viewer) -> list[str]:
    return [m for m in store.by_label["Mention"] if viewer.can_see(store.g.nodes[m]["p"])]


def stats(store: EmbeddedStore, viewer: Viewer) -> dict[str, Any]:
    g = store.g
    scoped = {"Consignment", "Mention", "Seizure", "ConsignmentVersion"}
    nodes = {label: (len(ids_) if label not in scoped
                     else sum(1 for n in ids_ if viewer.can_see(g.nodes[n]["p"])))
             for label, ids_ in store.by_label.items() if ids_ and label != "Meta"}
    rels = Counter(k for _, _, k in g.edges(keys=True))
    by_country = Counter(g.nodes[c]["p"].get("originator") for c in store.by_label["Consignment"]
                         if viewer.can_see(g.nodes[c]["p"]))
    return {"nodes": dict(sorted(nodes.items())), "relationships": dict(sorted(rels.items())),
            "consignments_by_country": dict(sorted(by_country.items()))}


def summary_counts(store: EmbeddedStore, viewer: Viewer) -> dict[str, int]:
    g = store.g
    originators: dict[str, set[str]] = defaultdict(set)
    for mid in _visible_mentions(store, viewer):
        actor = _actor_of(store, mid)
        if actor:
            originators[actor].add(g.nodes[mid]["p"].get("originator"))
    consignments = sum(1 for c in store.by_label["Consignment"] if viewer.can_see(g.nodes[c]["p"]))
    return {"actors": len(originators), "consignments": consignments,
            "repeat_actors": sum(1 for o in originators.values() if len(o) >= 2)}


def mention_assignments(store: EmbeddedStore, viewer: Viewer) -> list[dict[str, Any]]:
    g = store.g
    rows = []
    for mid in _visible_mentions(store, viewer):
        p = g.nodes[mid]["p"]
        actor, score = None, None
        for _, dst, k, d in g.out_edges(mid, keys=True, data=True):
            if k == "RESOLVES_TO":
                actor, score = dst, d["p"].get("score")
        rows.append({"file": p.get("source_file"), "row": p.get("source_row"),
                     "record_id": p.get("record_id"), "role": p.get("role"), "name": p.get("name"),
                     "reporting_country": p.get("reporting_country") or p.get("originator"),
                     "originator": p.get("originator"), "mention_id": mid, "actor_id": actor,
                     "score": score})
    return sorted(rows, key=lambda r: (str(r["file"]), r["row"] or 0, r["role"] or ""))


def actor_rows(store: EmbeddedStore, viewer: Viewer) -> list[dict[str, Any]]:
    g = store.g
    rows = []
    for aid in sorted(store.by_label["Actor"]):
        if not viewer.unrestricted and not any(
                k == "RESOLVES_TO" and viewer.can_see(g.nodes[m]["p"]) for m, _, k in g.in_edges(aid, keys=True)):
            continue
        p = g.nodes[aid]["p"]
        rows.append({"id": aid, "kind": p.get("kind"), "names": p.get("names") or [p.get("name")],
                     "countries": p.get("countries") or [], "tax_ids": p.get("tax_ids") or [],
                     "originators": p.get("originators") or []})
    return rows
