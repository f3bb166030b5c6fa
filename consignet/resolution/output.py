"""Turn a clustering into the public result: assignments with evidence, actor summaries, review list."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from .atoms import Atom
from .cluster import ClusterOutcome, Link
from .config import ResolutionConfig, points_to_score
from .judgements import ResolvedJudgements
from .scoring import Scorer
from .types import ActorSummary, Assignment, Feature, MentionInput, ReviewPair


@dataclass(slots=True)
class Outputs:
    assignments: dict[str, Assignment]
    actors: dict[str, ActorSummary]
    review: list[ReviewPair]


class _Explainer:
    """Features of a link, computed once per link (a link explains both of its atoms)."""

    def __init__(self, atoms: list[Atom], scorer: Scorer, sim: Callable, key_of: list[int]) -> None:
        self.atoms, self.scorer, self.sim, self.key_of = atoms, scorer, sim, key_of
        self.done: dict[int, tuple[Link, list[Feature]]] = {}

    def __call__(self, lk: Link) -> list[Feature]:
        cached = self.done.get(id(lk))
        if cached is not None and cached[0] is lk:
            return list(cached[1])
        score, detail = self.sim(self.key_of[lk.a], self.key_of[lk.b])
        features = self.scorer.score(self.atoms[lk.a], self.atoms[lk.b], score, detail, explain=True).features or []
        self.done[id(lk)] = (lk, features)
        return list(features)

    def atom(self, atom: Atom, lk: Link) -> list[Feature]:
        """The evidence of an atom joined through ``lk``: ``identical`` first when it pools mentions."""
        if atom.size > 1:
            return [_identical(atom), *self(lk)]
        return self(lk)


def _identical(atom: Atom) -> Feature:
    return Feature("identical", atom.name_key, 0.0, f"{atom.size} mentions with the same name, country and identifiers")


def build_outputs(
    atoms: list[Atom],
    outcome: ClusterOutcome,
    links: list[Link],
    ids: dict[int, str],
    aliases: dict[str, str],
    judged: ResolvedJudgements,
    scorer: Scorer,
    sim: Callable,
    key_of: list[int],
    mentions: dict[str, MentionInput],
    cfg: ResolutionConfig,
) -> Outputs:
    """Assignments, actor summaries and the review list."""
    explain = _Explainer(atoms, scorer, sim, key_of)
    by_root = _by_root(atoms, outcome.root_of)

    assignments: dict[str, Assignment] = {}
    for root, members in by_root.items():
        actor = ids[root]
        alone = len(members) == 1
        for atom in members:
            lk = outcome.merge_links.get(atom.idx)
            if lk is not None:
                # explained when read (see ``Assignment``): callers store the evidence of what changed
                score = round(points_to_score(lk.points), 4)
                assignment = Assignment(actor, score, None, partial(explain.atom, atom, lk))
            else:
                evidence: list[Feature] = [_identical(atom)] if atom.size > 1 else []
                if not alone:
                    evidence.append(Feature("judgement", "confirm", 0.0, "joined by an analyst's confirmation"))
                assignment = Assignment(actor, 1.0, evidence)
            if len(atom.mention_ids) == 1:
                assignments[atom.mention_ids[0]] = assignment
            else:  # the whole atom at C speed, same order
                assignments.update(dict.fromkeys(atom.mention_ids, assignment))

    review = _review(atoms, outcome, links, ids, judged, by_root, explain, cfg)
    actors = {ids[root]: ActorSummary(ids[root], *_summary(members)) for root, members in by_root.items()}
    return Outputs(assignments, actors, review)


def _ranked(counts: dict[str, int]) -> list[str]:
    if len(counts) == 1:
        return list(counts)
    return [k for k, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def _by_root(atoms: list[Atom], root_of: Sequence[int]) -> dict[int, list[Atom]]:
    by_root: dict[int, list[Atom]] = defaultdict(list)
    for atom in atoms:
        by_root[root_of[atom.idx]].append(atom)
    return by_root


def _summary(members: list[Atom]) -> tuple:
    """An actor's ``ActorSummary`` but for its id: (kind, names, legal forms, countries, reporting
    countries, tax ids, phones, e-mails, mention count)."""
    if len(members) == 1:  # most actors: one atom, nothing to add up
        atom = members[0]
        kind = atom.kind if atom.kind != "unknown" else (atom.parsed.kind_hint or "unknown")
        return (
            kind,
            _ranked(atom.names),
            _ranked(atom.legal_forms),
            [atom.country] if atom.country else [],
            sorted(atom.reporting),
            sorted((s, v) for s, vs in atom.tax.items() for v in vs),
            sorted(atom.phones),
            sorted(atom.emails),
            len(atom.mention_ids),
        )
    names: dict[str, int] = {}
    forms: dict[str, int] = {}
    kinds: dict[str, int] = {}
    countries, reporting, phones, emails = set(), set(), set(), set()
    tax: set[tuple[str, str]] = set()
    for atom in members:
        for name, n in atom.names.items():
            names[name] = names.get(name, 0) + n
        for form, n in atom.legal_forms.items():
            forms[form] = forms.get(form, 0) + n
        kind = atom.kind if atom.kind != "unknown" else (atom.parsed.kind_hint or "unknown")
        kinds[kind] = kinds.get(kind, 0) + len(atom.mention_ids)
        if atom.country:
            countries.add(atom.country)
        reporting |= atom.reporting
        phones |= atom.phones
        emails |= atom.emails
        tax.update((s, v) for s, vs in atom.tax.items() for v in vs)
    known = [(n, k) for k, n in kinds.items() if k != "unknown"]
    return (
        max(known)[1] if known else "unknown",
        _ranked(names),
        _ranked(forms),
        sorted(countries),
        sorted(reporting),
        sorted(tax),
        sorted(phones),
        sorted(emails),
        sum(len(a.mention_ids) for a in members),
    )


def _review(atoms, outcome, links, ids, judged, by_root, explain, cfg) -> list[ReviewPair]:
    root_of = outcome.root_of
    best: dict[tuple[int, int], Link] = {}
    candidates = [lk for lk in links if lk.points < cfg.match_points] + [lk for lk, _ in outcome.blocked]
    for lk in candidates:
        ra, rb = root_of[lk.a], root_of[lk.b]
        if ra == rb:
            continue
        key = (ra, rb) if ra < rb else (rb, ra)
        cur = best.get(key)
        if cur is None or lk.points > cur.points:
            best[key] = lk
    if not best:
        return []
    atom_of = {m: a.idx for a in atoms for m in a.mention_ids} if judged.judged_mention_pairs() else {}
    for a, b in judged.judged_mention_pairs():
        ra, rb = root_of[atom_of[a]], root_of[atom_of[b]]
        best.pop((ra, rb) if ra < rb else (rb, ra), None)
    paired = {r for pair in best for r in pair}  # only these actors are ranked (not all 300k at 1M)
    reporting = {r: set().union(*(a.reporting for a in by_root[r])) for r in paired}
    records = {r: sum(len(a.mention_ids) for a in by_root[r]) for r in paired}  # a mention = a record
    ranked = []
    for (ra, rb), lk in best.items():
        new_countries = len(reporting[ra] | reporting[rb]) - max(len(reporting[ra]), len(reporting[rb]))
        score = points_to_score(lk.points)
        value = score * (1 + new_countries) * math.log2(2 + min(records[ra], records[rb]))
        ranked.append((-round(value, 4), ids[ra], ids[rb], lk, score, value))
    ranked.sort(key=lambda t: (t[0], t[1], t[2]))
    blocked = {id(lk): why for lk, why in outcome.blocked}
    out = []
    for _, a, b, lk, score, value in ranked[: cfg.review_limit]:
        features = explain(lk)
        if id(lk) in blocked:
            features.append(Feature("blocked", blocked[id(lk)], 0.0, _WHY[blocked[id(lk)]]))
        x, y = sorted((a, b))
        out.append(ReviewPair(x, y, round(score, 4), features, round(value, 3)))
    return out


_WHY = {
    "ambiguous": "the name fits more than one actor that identifiers keep apart",
    "cohesion": "the two groups' names are not alike enough as a whole",
    "tax_id": "different tax ids in the same scheme",
    "kind": "a person and a company",
    "judgement": "an analyst rejected this merge",
    "country": "different party countries",
    "contacts": "both have phones or e-mails and share none",
    "legal_form": "a limited and a joint-stock company",
    "contested": "several actors bear this name; the name alone cannot tell which",
}
