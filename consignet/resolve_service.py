"""Resolution against a store: read mentions, resolve (incrementally), write actors and links back.

The matcher itself (``consignet.resolution``) is pure Python and knows nothing of stores; this module
is the seam. What the next incremental run needs is rebuilt from the store: every mention with its
current actor, and each actor's anchor and aliases (kept on the Actor node), plus the analysts'
judgements (kept as Judgement nodes and never overwritten by the algorithm).
"""

from __future__ import annotations

import time
from dataclasses import asdict, replace
from typing import Any

from consignet.resolution import DEFAULT_CONFIG, resolve
from consignet.resolution.types import Judgement, MentionInput, ResolutionResult, ResolutionState
from consignet.settings import get_settings
from consignet.store.base import GraphStore

JUDGEMENTS_KEY = "judgements"


def mention_input(row: dict[str, Any]) -> MentionInput:
    tax = ((row["tax_scheme"], row["tax_id"]),) if row.get("tax_id") and row.get("tax_scheme") else ()
    address = ", ".join(p for p in (row.get("address"), row.get("city")) if p)
    return MentionInput(
        mention_id=row["id"], name=row["name"], kind=row.get("kind") or "unknown",
        country=row.get("country"), reporting_country=row.get("originator") or "",
        role=row.get("role") or "", record_id=row["consignment_id"], date=row.get("shipment_date"),
        tax_ids=tax, phones=(row["phone"],) if row.get("phone") else (),
        emails=(row["email"],) if row.get("email") else (), addresses=(address,) if address else (),
        containers=tuple(row.get("containers") or ()), bl_numbers=tuple(row.get("bl_numbers") or ()),
        counterparties=tuple(row.get("counterparties") or ()),
    )


def load_judgements(store: GraphStore) -> list[Judgement]:
    return [Judgement(**j) for j in store.get_meta(JUDGEMENTS_KEY) or []]


def previous_state(store: GraphStore, rows: list[dict[str, Any]]) -> ResolutionState | None:
    resolved = [r for r in rows if r.get("actor_id")]
    if not resolved:
        return None
    meta = store.get_meta("resolution_anchors") or {}
    return ResolutionState(
        mentions={r["id"]: mention_input(r) for r in resolved},
        mention_actor={r["id"]: r["actor_id"] for r in resolved},
        anchors={k: (v[0], v[1]) for k, v in (meta.get("anchors") or {}).items()},
        aliases=dict(meta.get("aliases") or {}),
    )


def resolve_store(store: GraphStore, full: bool = False) -> dict[str, Any]:
    """Resolve the mentions not yet resolved (or all, with ``full``) and write the result."""
    t0 = time.perf_counter()
    rows = store.mention_rows(only_unresolved=False)
    previous = None if full else previous_state(store, rows)
    pending = [mention_input(r) for r in rows if full or not r.get("actor_id")]
    before = dict(previous.mention_actor) if previous else {r["id"]: r["actor_id"] for r in rows
                                                            if r.get("actor_id")}
    del rows  # the store's rows are as large as the mentions built from them
    t_read = time.perf_counter()
    if not pending and not full:
        return {"mentions": 0, "actors_created": 0, "actors_extended": 0, "review": 0,
                "seconds": round(t_read - t0, 3), "steps": {"read": round(t_read - t0, 3)}}
    cfg = replace(DEFAULT_CONFIG, workers=get_settings().resolution_workers)
    result = resolve(pending, previous=previous, judgements=load_judgements(store), cfg=cfg)
    t_resolve = time.perf_counter()
    summary = write_result(store, result, before)
    t_end = time.perf_counter()
    summary["seconds"] = round(t_end - t0, 3)
    # where the time goes (the benchmark prints it): the store's read, the matcher, the store's write
    summary["steps"] = {"read": round(t_read - t0, 3), "resolve": round(t_resolve - t_read, 3),
                        "write": round(t_end - t_resolve, 3)}
    return summary


def write_result(store: GraphStore, result: ResolutionResult, before: dict[str, str]) -> dict[str, Any]:
    old_actors = set(before.values())
    actors = []
    for actor in result.actors.values():
        actors.append({
            "id": actor.actor_id, "actor_key": actor.actor_id, "kind": actor.kind,
            "name": actor.names[0] if actor.names else None,
            "aliases": sorted(k for k, v in result.aliases.items() if v == actor.actor_id),
        })
    links = [{"mention_id": mid, "actor_id": a.actor_id, "score": round(a.score, 4),
              "method": "resolution", "evidence": [asdict(f) for f in a.evidence]}
             for mid, a in result.assignments.items() if before.get(mid) != a.actor_id]
    new_actor_ids = set(result.actors)
    dropped = sorted(old_actors - new_actor_ids)
    store.write_resolution(actors, links, drop_actors=dropped)
    store.set_meta("resolution_anchors", {
        "anchors": {k: list(v) for k, v in result.state.anchors.items()},
        "aliases": dict(result.state.aliases)})
    store.set_meta("review_queue", [
        {"a": p.a, "b": p.b, "score": p.score, "value": p.value,
         "evidence": [asdict(f) for f in p.evidence]} for p in result.review])
    extended = {a.actor_id for mid, a in result.assignments.items() if mid not in before} & old_actors
    return {"mentions": len(result.assignments), "actors": len(result.actors),
            "actors_created": len(new_actor_ids - old_actors), "actors_extended": len(extended),
            "actors_merged_away": len(dropped), "review": len(result.review)}


def add_judgement(store: GraphStore, a: str, b: str, decision: str, *, note: str | None = None,
                  by: str | None = None, at: str = "") -> dict[str, Any]:
    """Store an analyst's judgement (kept beside the graph, never overwritten by the algorithm) and
    re-run resolution over everything so that it takes effect now."""
    from consignet.errors import NotFoundError
    from consignet.scope import Viewer

    for node in (a, b):
        if store.get_node(node, Viewer.all()) is None and not _is_alias(store, node):
            raise NotFoundError(f"no mention or actor with id {node!r}")
    judgements = [j for j in store.get_meta(JUDGEMENTS_KEY) or [] if {j["a"], j["b"]} != {a, b}]
    judgement = Judgement(a=a, b=b, decision=decision, note=note, by=by, at=at)  # type: ignore[arg-type]
    judgements.append(judgement.to_dict())
    store.set_meta(JUDGEMENTS_KEY, judgements)
    summary = resolve_store(store, full=True)
    store.refresh_derived()
    return {"judgement": judgement.to_dict(), "resolution": summary}


def _is_alias(store: GraphStore, node: str) -> bool:
    meta = store.get_meta("resolution_anchors") or {}
    return node in (meta.get("aliases") or {})


def review_queue(store: GraphStore, viewer: Any, limit: int = 20) -> list[dict[str, Any]]:
    """Uncertain pairs, most valuable first, with the names on each side (what the viewer may see)."""
    items = []
    for item in store.get_meta("review_queue") or []:
        sides = [store.get_node(item["a"], viewer), store.get_node(item["b"], viewer)]
        if any(side is None for side in sides):
            continue
        names = [(s["props"].get("name") or (s["props"].get("names") or [None])[0]) for s in sides if s]
        items.append({**item, "a_name": names[0], "b_name": names[1]})
        if len(items) >= limit:
            break
    return items
