"""Resolving batch after batch against the previous state = resolving everything at once.

Groups are always equal. Ids are equal too, except where a later batch split an actor that an earlier
batch had formed (new evidence shows two namesakes): the part with most mentions keeps the old id, as
for an analyst's split, where resolving everything at once would have named that part after its own
oldest mention. The test checks that every difference in ids is such a split.
"""

from __future__ import annotations

import json

import pytest

from consignet.resolution import ResolutionState, resolve
from consignet.resolution.synthetic import generate


def _groups(result) -> set[frozenset[str]]:
    by_actor: dict[str, set[str]] = {}
    for mention, assignment in result.assignments.items():
        by_actor.setdefault(assignment.actor_id, set()).add(mention)
    return {frozenset(v) for v in by_actor.values()}


@pytest.fixture(scope="module")
def mentions():
    data, _ = generate(6000, seed=21)
    return sorted(data, key=lambda x: (x.date or "", x.mention_id))


def test_batches_in_date_order_give_the_same_groups_and_ids(mentions) -> None:
    at_once = resolve(mentions)
    state = None
    split: set[str] = set()  # ids of the parts of actors that a later batch split in two or more
    for start in range(0, len(mentions), 1500):  # four batches, each later than the one before
        result = resolve(mentions[start : start + 1500], previous=state)
        if state is not None:
            spread: dict[str, set[str]] = {}
            for mention, old in state.mention_actor.items():
                spread.setdefault(old, set()).add(result.assignments[mention].actor_id)
            for new in spread.values():
                if len(new) > 1:
                    split.update(new)
        # the state goes through JSON, as the lead stores it
        state = ResolutionState.from_dict(json.loads(json.dumps(result.state.to_dict())))
    assert _groups(result) == _groups(at_once)
    incremental = {k: v.actor_id for k, v in result.assignments.items()}
    differ = {k for k, v in at_once.assignments.items() if incremental[k] != v.actor_id}
    assert {incremental[k] for k in differ} <= split
    assert len(differ) <= 0.02 * len(mentions)
    assert len(set(incremental.values())) == len(_groups(result))  # one id per group, never shared
    assert set(result.aliases.values()) <= set(result.actors)  # absorbed ids resolve to current ones


def test_a_batch_that_repeats_known_mentions_changes_nothing(mentions) -> None:
    first = resolve(mentions[:3000])
    again = resolve(mentions[1000:3000], previous=first.state)
    assert {k: v.actor_id for k, v in again.assignments.items()} == {
        k: v.actor_id for k, v in first.assignments.items()
    }


def test_two_workers_give_the_same_result_as_one(mentions) -> None:
    from consignet.resolution import ResolutionConfig

    one = resolve(mentions, cfg=ResolutionConfig(workers=1))
    two = resolve(mentions, cfg=ResolutionConfig(workers=2))
    assert {k: v.actor_id for k, v in one.assignments.items()} == {k: v.actor_id for k, v in two.assignments.items()}
    assert [(r.a, r.b, r.score) for r in one.review] == [(r.a, r.b, r.score) for r in two.review]


def test_atoms_grouped_on_two_cores_equal_those_grouped_on_one(mentions) -> None:
    """Parsing and grouping split between two processes and merged = grouping everything in one
    (analyst-isolated mentions and contested names included); only the order of mention ids in an atom
    may differ."""
    from dataclasses import replace

    from consignet.resolution.atom_parts import build_atoms_parallel
    from consignet.resolution.atoms import build_atoms

    taxed = next(m for m in mentions if m.tax_ids)
    scheme, value = taxed.tax_ids[0]
    namesakes = [  # the name with another tax id in its scheme, and twice without any identifier
        replace(taxed, mention_id="x1", tax_ids=[(scheme, value + "9")]),
        replace(taxed, mention_id="x2", tax_ids=[], phones=[], emails=[], country=None),
        replace(taxed, mention_id="x3", tax_ids=[], phones=[], emails=[], country=None),
    ]
    listed = list(mentions) + namesakes
    isolated = {mentions[5].mention_id, mentions[77].mention_id}
    one = build_atoms(listed, isolated)
    two, parsed_of = build_atoms_parallel(listed, isolated, 2)

    def view(a):
        return (
            a.idx, a.name_key, a.parsed.clean, a.kind, a.country, a.tax, a.phones, a.emails, a.contested,
            sorted(a.mention_ids), a.anchor, a.names, a.legal_forms, a.legal_families, a.bls, a.containers,
            a.counterparties, a.roles, a.reporting, a.addresses,
        )  # fmt: skip

    assert [view(a) for a in one] == [view(a) for a in two]
    contested = [a.mention_ids for a in one if a.contested]
    assert ["x2"] in contested and ["x3"] in contested and any(len(a.mention_ids) > 1 for a in one)
    assert {m.name for m in mentions} <= set(parsed_of)


def test_components_clustered_on_two_cores_equal_clustering_on_one(mentions) -> None:
    """Clustering cut by connected components, the second part in the helper kept from scoring
    (``cluster_parts``), gives the roots, merge links, blocked links in their order, counts and name
    comparisons of one process -- with an analyst's confirm that joins two components of different
    parts and a reject between two linked atoms."""
    from functools import partial

    from consignet.resolution import ResolutionConfig
    from consignet.resolution.cluster import cluster
    from consignet.resolution.cluster_parts import cluster_parallel, components
    from consignet.resolution.engine import _Run
    from consignet.resolution.helper import after_scoring

    run = _Run(mentions, None, (), ResolutionConfig(workers=2))
    cfg, atoms, names = run.cfg, run.atoms, run.names
    pairs, scorer, _ = run.pairs_and_scorer()
    found, _, _ = run.score(pairs, scorer)
    strong = [lk for lk in found if lk.points >= cfg.match_points]
    linked = sorted({x for lk in strong for x in (lk.a, lk.b)})
    alone = sorted(set(range(len(atoms))) - set(linked))
    # smallest and largest linked atom: components of both parts; two atoms without links: the helper's
    confirms = [(linked[0], linked[-1]), (alone[-2], alone[-1])]
    rejected = max(strong, key=lambda lk: (lk.corroboration, lk.a))
    rejects = {rejected.a: {(0, 0)}, rejected.b: {(0, 1)}}
    known = len(names.cache)
    cols = run.cols
    links, sizes, kept = run.score(pairs, scorer, partial(after_scoring, cols, confirms, rejects, names, cfg))
    assert kept is not None and len(sizes) == 2 and sizes[1] > 1000
    scored = dict(names.cache)

    def view(outcome):
        return (
            outcome.root_of,
            sorted((atom, lk.a, lk.b) for atom, lk in outcome.merge_links.items()),
            [(lk.a, lk.b, why) for lk, why in outcome.blocked],
            outcome.counts,
        )

    with kept:
        parallel = cluster_parallel(cols, links, sizes, kept, confirms, rejects, names, cfg, known, from_links=0)
    assert not kept.children
    two, compared_two = view(parallel), set(names.cache)
    names.cache = dict(scored)
    one = view(cluster(cols, links, confirms, rejects, names.score, cfg))
    assert one == two
    assert one[3]["confirmed"] == 2 and one[3]["blocked_judgement"] >= 1 and one[3]["merges"] > 100
    assert len(names.cache) > len(scored)  # cohesion compared names while clustering
    # the helper sends back every name pair it compared: those of its scoring too, which one process
    # (here only this one's scoring before clustering) would also have compared
    assert set(names.cache) < compared_two
    assert components(5, [3, 1], [4, 3]) == [0, 1, 2, 1, 1]


def test_two_workers_cluster_components_apart_and_give_the_result_of_one(mentions, monkeypatch) -> None:
    from consignet.resolution import ResolutionConfig, cluster_parts

    monkeypatch.setattr(cluster_parts, "PARALLEL_FROM_LINKS", 0)
    one = resolve(mentions, cfg=ResolutionConfig(workers=1))
    two = resolve(mentions, cfg=ResolutionConfig(workers=2))
    assert {k: v.actor_id for k, v in one.assignments.items()} == {k: v.actor_id for k, v in two.assignments.items()}
    assert [(r.a, r.b, r.score, r.evidence) for r in one.review] == [
        (r.a, r.b, r.score, r.evidence) for r in two.review
    ]
    assert list(one.actors.items()) == list(two.actors.items())


def test_the_helper_process_gives_the_result_of_one_process_with_judgements(mentions, monkeypatch) -> None:
    """Two processes, one helper from the name candidates through clustering (``helper.remote_steps``):
    the analysts' confirms and rejects reach it, and every output and statistic equals one process's."""
    from consignet.resolution import Judgement, ResolutionConfig, cluster_parts

    monkeypatch.setattr(cluster_parts, "PARALLEL_FROM_LINKS", 0)
    first = resolve(mentions, cfg=ResolutionConfig(workers=1))
    by_actor: dict[str, list[str]] = {}
    for mid, a in first.assignments.items():
        by_actor.setdefault(a.actor_id, []).append(mid)
    big = [ids for ids in by_actor.values() if len(ids) > 3]
    judgements = [
        Judgement(big[0][0], big[1][0], "confirm", by="analyst", at="2025-01-01"),
        Judgement(big[2][0], big[2][-1], "reject", by="analyst", at="2025-01-01"),
    ]
    one = resolve(mentions, judgements=judgements, cfg=ResolutionConfig(workers=1))
    two = resolve(mentions, judgements=judgements, cfg=ResolutionConfig(workers=2))
    assert one.assignments[big[0][0]].actor_id == one.assignments[big[1][0]].actor_id
    assert one.assignments[big[2][0]].actor_id != one.assignments[big[2][-1]].actor_id
    assert {k: (v.actor_id, v.score) for k, v in one.assignments.items()} == {
        k: (v.actor_id, v.score) for k, v in two.assignments.items()
    }
    review = [[(r.a, r.b, r.score, r.evidence) for r in res.review] for res in (one, two)]
    assert review[0] == review[1]
    assert list(one.actors.items()) == list(two.actors.items())
    keep = ("blocks", "blocks_capped", "name_pairs_scored", "atom_pairs_scored", "merges", "blocked_conflict",
            "blocked_ambiguous")
    assert [getattr(one.stats, k) for k in keep] == [getattr(two.stats, k) for k in keep]
