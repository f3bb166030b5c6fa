"""Indicators on an actor: a newly registered Kazakh company, a forwarder or trading house receiving CHPL
goods, a contact (phone, e-mail, address, tax id) shared with other actors."""

from __future__ import annotations

from collections import defaultdict

from consignet.analysis.facts import RiskFacts
from consignet.analysis.hits import ActorHit, to_date, words
from consignet.analysis.ind_goods import chpl_tier
from consignet.analysis.ind_patterns import RECEIVERS
from consignet.analysis.weights import Weights
from consignet.values.taxid import kz_bin_registration


def new_company(facts: RiskFacts, w: Weights) -> list[ActorHit]:
    """The BIN's first four digits are the year and month of registration (consignet.values.taxid)."""
    spec = w.indicators.new_company
    found: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for rec in facts.records.values():
        if spec.chpl_only and not chpl_tier(rec):
            continue
        when = to_date(rec.date)
        if when is None:
            continue
        for p in rec.parties:
            if not p.actor or p.role not in RECEIVERS or p.tax_scheme != "kz.bin" or not p.tax_id:
                continue
            registered = kz_bin_registration(p.tax_id, when)
            if registered is None:
                continue
            age = (when - registered).days
            if 0 <= age < spec.max_age_days:
                found[p.actor].append((age, rec.id, f"BIN {p.tax_id} registered {registered:%Y-%m}, {age} days "
                                                    f"before the shipment of {rec.date}"))
    out = []
    for actor, items in sorted(found.items()):
        items.sort()
        goods = "CHPL goods " if spec.chpl_only else ""
        out.append(ActorHit("new_company", actor, spec.weight,
                            f"{goods}received by a company registered less than {spec.max_age_days} days "
                            f"before: {items[0][2]}", tuple(sorted({r for _, r, _ in items}))))
    return out


def _matches(name: str | None, terms: set[str], stems: tuple[str, ...]) -> str | None:
    for word in words(name):
        if word in terms or (stems and word.startswith(stems)):
            return word
    return None


def forwarder_consignee(facts: RiskFacts, w: Weights) -> list[ActorHit]:
    """By name: a word such as Logistics, Freight, Trading, Логистика, Savdo. Words of five letters or more
    also match as stems (Логистик matches Логистика)."""
    spec = w.indicators.forwarder_consignee
    terms = {t.casefold() for t in spec.name_words}
    stems = tuple(sorted(t for t in terms if len(t) >= 5))
    found: dict[str, tuple[str, list[str]]] = {}
    for rec in facts.records.values():
        if spec.chpl_only and not chpl_tier(rec):
            continue
        for p in rec.parties:
            if not p.actor or p.role not in RECEIVERS:
                continue
            word = _matches(p.name, terms, stems) or _matches(p.actor_name, terms, stems)
            if word:
                entry = found.setdefault(p.actor, (f"named {p.name or p.actor_name!r} ({word!r})", []))
                entry[1].append(rec.id)
    goods = "CHPL goods" if spec.chpl_only else "goods"
    return [ActorHit("forwarder_consignee", actor, spec.weight,
                     f"consignee of {goods} that looks like a forwarder or trading house: {why}",
                     tuple(sorted(set(recs)))) for actor, (why, recs) in sorted(found.items())]


def shared_contact(facts: RiskFacts, w: Weights) -> list[ActorHit]:
    """One hit per shared identifier and actor; identifiers used by ``common_threshold`` actors or more are
    common (a business centre, a forwarder's phone) and are not counted."""
    spec = w.indicators.shared_contact
    names = facts.actor_names()
    out = []
    for group in facts.identifiers:
        actors = group.actors
        if not 2 <= len(actors) < w.common_threshold:
            continue
        for actor in sorted(actors):
            others = sorted(actors - {actor})
            records = tuple(sorted({r for a, r in group.uses if a == actor}))
            out.append(ActorHit("shared_contact", actor, spec.weight,
                                f"{group.label} {group.name} is also used by "
                                + ", ".join(names.get(o, o) for o in others[:5])
                                + (f" and {len(others) - 5} more" if len(others) > 5 else ""),
                                records, actors=tuple(others)))
    return out
