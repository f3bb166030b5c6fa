"""Actors and their links as FollowTheMoney entities (JSON lines), as Aleph and yente load them.

Built with the ``followthemoney`` package's model, so every property is checked and cleaned by it:
an actor is a Company, Person or LegalEntity (names in every script as aliases, countries, tax numbers,
phones, e-mails, addresses); a trading pair is an UnknownLink (consignor -> consignee) and two actors sharing
an identifier another UnknownLink; an actor's risk score is a Risk entity. Provenance: ``publisher`` is the
reporting countries, ``recordId`` and ``sourceUrl``-free ``description`` name the records (file and row).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from followthemoney import model as ftm

from consignet import ids
from consignet.analysis import service
from consignet.analysis.risk import RiskModel
from consignet.errors import InputError
from consignet.scope import Viewer

SCHEMA_OF_KIND = {"company": "Company", "person": "Person"}
RECORDS_NAMED = 20  # records named in a description (the count is always given)
MAX_ACTORS = 10_000


def _prefix(actor: str) -> str:
    return f"consignet-{actor}"


def _describe(model: RiskModel, record_ids: Sequence[str]) -> str:
    refs = [model.facts.records[r].ref() for r in record_ids if r in model.facts.records]
    shown = "; ".join(f"{r['originator']}/{r['record_id']} ({r['file']}:{r['row']})" for r in refs[:RECORDS_NAMED])
    more = f" and {len(refs) - RECORDS_NAMED} more" if len(refs) > RECORDS_NAMED else ""
    return f"{len(refs)} shared records: {shown}{more}"


def select_actors(model: RiskModel, *, actors: Sequence[str] = (), community: str | None = None,
                  min_score: float | None = None, limit: int = 1000) -> list[str]:
    if limit < 1 or limit > MAX_ACTORS:
        raise InputError(f"limit must be between 1 and {MAX_ACTORS}, got {limit}")
    if actors:
        unknown = [a for a in actors if a not in model.names]
        if unknown:
            raise InputError(f"actors not found on the records you may see: {unknown[:5]}")
        return list(dict.fromkeys(actors))[:limit]
    if community:
        members = model.communities.members.get(community)
        if members is None:
            raise InputError(f"no community with id {community!r} on the records you may see")
        return sorted(members, key=lambda a: (-model.actor_score.get(a, 0.0), a))[:limit]
    ranked = [a for a in model.ranking if min_score is None or model.actor_score[a] >= min_score]
    return ranked[:limit]


def _actor_entity(store: Any, viewer: Viewer, model: RiskModel, aid: str) -> Any:
    profile = store.actor_profile(aid, viewer, evidence_limit=0, list_limit=200)
    schema = SCHEMA_OF_KIND.get(profile.get("kind") or "", "LegalEntity")
    proxy = ftm.make_entity(schema)
    proxy.id = _prefix(aid)
    proxy.add("name", profile.get("name") or model.names.get(aid, aid))
    proxy.add("alias", [n["name"] for n in profile.get("names", []) if n.get("name")])
    countries = profile.get("countries") or {}
    proxy.add("country", [c.lower() for c in countries.get("parties", []) if c], quiet=True)
    proxy.add("publisher", countries.get("originators", []))
    for ident in profile.get("identifiers", []):
        label, value = ident["label"], ident["value"]
        if label == "TaxId":
            proxy.add("taxNumber", value.split(":", 1)[-1], quiet=True)
        elif label == "Phone":
            proxy.add("phone", value, quiet=True)
        elif label == "Email":
            proxy.add("email", value, quiet=True)
        elif label == "Address":
            proxy.add("address", value, quiet=True)
    if schema != "Person":
        proxy.add("legalForm", profile.get("legal_forms", []), quiet=True)
    records = model.facts.records_of(aid)
    proxy.add("description", _describe(model, records))
    proxy.add("notes", f"consignet actor {aid}; first seen {profile.get('first_seen')}, last seen "
                       f"{profile.get('last_seen')}")
    return proxy


def _risk_entity(model: RiskModel, aid: str) -> Any | None:
    score = model.actor_score.get(aid, 0.0)
    if score <= 0:
        return None
    proxy = ftm.make_entity("Risk")
    proxy.id = f"consignet-risk-{aid}"
    proxy.add("entity", _prefix(aid))
    proxy.add("topics", "risk")
    proxy.add("status", f"score {score:.1f} (rank {model.rank.get(aid)})")
    parts = [f"{c.indicator} {c.points:.1f}: {model.expand(c).detail}" for c in model.actor.get(aid, [])[:6]]
    proxy.add("reason", "; ".join(parts))
    proxy.add("summary", f"consignet risk score {score:.1f}; weights {model.weights.digest}")
    records = [r for c in model.actor.get(aid, []) for r in c.records if r in model.facts.records]
    proxy.add("recordId", list(dict.fromkeys(records))[:RECORDS_NAMED])
    return proxy


def _links(model: RiskModel, chosen: set[str]) -> Iterator[Any]:
    trade: dict[tuple[str, str], list[str]] = defaultdict(list)
    for rec in model.facts.records.values():
        senders = rec.actors("consignor", "seller")
        receivers = rec.actors("consignee", "buyer")
        for s in senders:
            for r in receivers:
                if s != r and s in chosen and r in chosen:
                    trade[(s, r)].append(rec.id)
    for (s, r), recs in sorted(trade.items()):
        refs = [model.facts.records[x] for x in recs]
        dates = sorted(x.date for x in refs if x.date)
        proxy = ftm.make_entity("UnknownLink")
        proxy.id = "consignet-link-" + ids.digest("SHIPPED_TO", s, r)
        proxy.add("subject", _prefix(s))
        proxy.add("object", _prefix(r))
        proxy.add("role", "shipped to (consignor -> consignee)")
        proxy.add("startDate", dates[:1])
        proxy.add("endDate", dates[-1:])
        proxy.add("publisher", sorted({x.originator for x in refs if x.originator}))
        proxy.add("recordId", [f"{x.originator}/{x.record_id}" for x in refs[:RECORDS_NAMED]])
        proxy.add("description", _describe(model, recs))
        hs = sorted({x.hs6 for x in refs if x.hs6})
        proxy.add("summary", f"{len(recs)} consignments; HS {', '.join(hs[:10])}")
        yield proxy
    for group in model.facts.identifiers:
        inside = sorted(group.actors & chosen)
        if len(inside) < 2 or len(group.actors) >= model.weights.common_threshold:
            continue
        for i, a in enumerate(inside):
            for b in inside[i + 1:]:
                recs = sorted({r for x, r in group.uses if x in (a, b)})
                proxy = ftm.make_entity("UnknownLink")
                proxy.id = "consignet-link-" + ids.digest("SHARES", group.id, a, b)
                proxy.add("subject", _prefix(a))
                proxy.add("object", _prefix(b))
                proxy.add("role", f"shares {group.label} {group.name}")
                proxy.add("description", _describe(model, recs))
                yield proxy


def ftm_lines(store: Any, viewer: Viewer, *, actors: Sequence[str] = (), community: str | None = None,
              min_score: float | None = None, limit: int = 1000) -> Iterator[str]:
    """JSON lines: the chosen actors (by id, by community, or the top ``limit`` by risk), their risk, and
    the links among them."""
    model = service.get_model(store, viewer)
    chosen = select_actors(model, actors=actors, community=community, min_score=min_score, limit=limit)
    for aid in chosen:
        yield json.dumps(_actor_entity(store, viewer, model, aid).to_dict(), ensure_ascii=False) + "\n"
        risk = _risk_entity(model, aid)
        if risk is not None:
            yield json.dumps(risk.to_dict(), ensure_ascii=False) + "\n"
    for link in _links(model, set(chosen)):
        yield json.dumps(link.to_dict(), ensure_ascii=False) + "\n"
