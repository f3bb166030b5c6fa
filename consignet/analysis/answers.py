"""How risk and community answers are shaped (API, CLI and exports answer alike)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from consignet.analysis.communities import community_links
from consignet.analysis.risk import Contribution, RiskModel
from consignet.errors import NotFoundError

RECORD_LIMIT = 20  # records listed per contribution (the total is given)


def _ref(model: RiskModel, rid: str, actor: str | None = None) -> dict[str, Any] | None:
    rec = model.facts.records.get(rid)
    if rec is not None:
        role = next((p.role for p in rec.parties if actor and p.actor == actor), None)
        return rec.ref(role)
    seizure = next((s for s in model.facts.seizures if s.id == rid), None)
    return seizure.ref() if seizure else None


def contribution_out(model: RiskModel, c: Contribution, actor: str | None, limit: int) -> dict[str, Any]:
    c = model.expand(c)
    spec = model.weights.indicator(c.indicator)
    refs = [r for r in (_ref(model, rid, actor) for rid in c.records[:limit]) if r]
    out: dict[str, Any] = {"indicator": c.indicator, "points": round(c.points, 3), "detail": c.detail,
                           "count": c.count, "weight": getattr(spec, "weight", None), "source": spec.source,
                           "records_total": len(c.records), "records": refs}
    if c.path:
        out["path"] = c.path
    if c.actors:
        out["actors"] = [{"id": a, "name": model.names.get(a, a), "score": model.actor_score.get(a, 0.0)}
                         for a in c.actors]
    return out


def actor_countries(model: RiskModel, aid: str) -> list[str]:
    return sorted({model.facts.records[r].originator or "" for r in model.facts.records_of(aid)} - {""})


def sources(model: RiskModel, aid: str, limit: int = 3) -> list[str]:
    """The first records behind an actor's strongest contributions, as ``originator/record id (file:row)``."""
    out: list[str] = []
    for c in model.actor.get(aid, []):
        for rid in model.expand(c).records:
            ref = _ref(model, rid)
            text = f"{ref['originator']}/{ref['record_id']} ({ref['file'] or 'api'}:{ref['row']})" if ref else None
            if text and text not in out:
                out.append(text)
            if len(out) >= limit:
                return out
    return out


def actor_row(model: RiskModel, aid: str) -> dict[str, Any]:
    return {"id": aid, "name": model.names.get(aid, aid), "score": model.actor_score.get(aid, 0.0),
            "rank": model.rank.get(aid), "community": model.communities.of.get(aid),
            "records": len(model.facts.records_of(aid)), "countries": actor_countries(model, aid),
            "indicators": {c.indicator: round(c.points, 3) for c in model.actor.get(aid, [])},
            "sources": sources(model, aid)}


def risk_actors(model: RiskModel, *, limit: int = 50, offset: int = 0, min_score: float = 0.0) -> dict[str, Any]:
    ranked = [a for a in model.ranking if model.actor_score[a] >= min_score]
    return {"total": len(ranked), "offset": offset, "limit": limit, "weights": model.weights.path,
            "weights_digest": model.weights.digest,
            "items": [actor_row(model, a) for a in ranked[offset:offset + limit]]}


def risk_actor(model: RiskModel, aid: str, *, record_limit: int = RECORD_LIMIT) -> dict[str, Any]:
    if aid not in model.names and aid not in model.actor_score:
        raise NotFoundError(f"no actor with id {aid!r} on the records you may see")
    return {**actor_row(model, aid), "kind": model.facts.actor_kinds().get(aid),
            "community_score": model.community_score.get(model.communities.of.get(aid, ""), None),
            "alert_threshold": model.weights.alert_threshold,
            "contributions": [contribution_out(model, c, aid, record_limit) for c in model.actor.get(aid, [])]}


def risk_consignment(model: RiskModel, cid: str, *, record_limit: int = RECORD_LIMIT) -> dict[str, Any]:
    rec = model.facts.records.get(cid)
    if rec is None:
        raise NotFoundError(f"no consignment with id {cid!r} on the records you may see")
    parties = [{"role": p.role, "actor": p.actor, "name": p.name, "actor_score": model.actor_score.get(p.actor or "")}
               for p in rec.parties]
    return {"id": cid, "record": rec.ref(), "hs6": rec.hs6, "description": rec.description,
            "route": [x for x in (rec.pol, *rec.tss, rec.pod, rec.delivery) if x], "containers": list(rec.containers),
            "score": model.consignment_score(cid), "parties": parties,
            "contributions": [contribution_out(model, c, None, record_limit) for c in model.consignment.get(cid, [])]}


def _community_records(model: RiskModel, members: list[str]) -> set[str]:
    return {r for m in members for r in model.facts.records_of(m)}


def community_row(model: RiskModel, cid: str, top: int = 5) -> dict[str, Any]:
    members = model.communities.members[cid]
    records = _community_records(model, members)
    ranked = sorted(members, key=lambda m: (-model.base_score.get(m, 0.0), m))
    comp = model.communities.component.get(cid)
    return {"id": cid, "size": len(members), "score": round(model.community_score.get(cid, 0.0), 3),
            "component": comp, "component_size": model.communities.component_size.get(comp or "", len(members)),
            "records": len(records),
            "countries": sorted({model.facts.records[r].originator or "" for r in records} - {""}),
            "top_members": [{"id": m, "name": model.names.get(m, m), "score": model.actor_score.get(m, 0.0)}
                            for m in ranked[:top]]}


def communities_list(model: RiskModel, *, limit: int = 50, offset: int = 0, min_size: int = 2) -> dict[str, Any]:
    ids_ = [c for c, m in model.communities.members.items() if len(m) >= min_size]
    ids_.sort(key=lambda c: (-model.community_score.get(c, 0.0), -len(model.communities.members[c]), c))
    return {"total": len(ids_), "offset": offset, "limit": limit, "actors_linked": model.communities.actors,
            "items": [community_row(model, c) for c in ids_[offset:offset + limit]]}


def community_detail(model: RiskModel, cid: str, *, record_limit: int = 5) -> dict[str, Any]:
    if cid not in model.communities.members:
        raise NotFoundError(f"no community with id {cid!r} on the records you may see")
    members = model.communities.members[cid]
    by_indicator: dict[str, dict[str, Any]] = defaultdict(lambda: {"points": 0.0, "actors": [], "records": []})
    for m in members:
        for c in model.actor.get(m, []):
            if c.indicator == "community":
                continue
            c = model.expand(c)
            item = by_indicator[c.indicator]
            item["points"] += c.points
            item["actors"].append(m)
            item["records"].extend(r for r in c.records if r not in item["records"])
    contributions = [{"indicator": k, "points": round(v["points"], 3), "actors": len(v["actors"]),
                      "records_total": len(v["records"]),
                      "records": [x for x in (_ref(model, r) for r in v["records"][:record_limit]) if x]}
                     for k, v in sorted(by_indicator.items(), key=lambda kv: -kv[1]["points"])]
    links = []
    for link in community_links(model.facts, model.weights, members):
        links.append({"source": link["source"], "target": link["target"], "weight": link["weight"],
                      "consignments": link["consignments"], "identifiers": link["identifiers"],
                      "records_total": len(link["records"]),
                      "records": [x for x in (_ref(model, r) for r in link["records"][:record_limit]) if x]})
    return {**community_row(model, cid, top=len(members)), "members": [actor_row(model, m) for m in members],
            "contributions": contributions, "links": links}
