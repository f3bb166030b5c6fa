"""consignet.resolution.resolve on small, hand-built cases: each rule of docs/entity-resolution.md."""

from __future__ import annotations

import json
import random
from dataclasses import replace

from consignet.resolution import Judgement, MentionInput, ResolutionState, resolve

_n = 0


def m(
    name: str,
    *,
    kind: str = "company",
    country: str | None = "KZ",
    reporting: str = "KZ",
    role: str = "consignee",
    tax: list[tuple[str, str]] | None = None,
    phones: list[str] | None = None,
    emails: list[str] | None = None,
    date: str = "2025-03-01",
    counterparties: list[str] | None = None,
    containers: list[str] | None = None,
    mid: str | None = None,
) -> MentionInput:
    global _n
    _n += 1
    return MentionInput(
        mention_id=mid or f"m{_n:04d}",
        name=name,
        kind=kind,
        country=country,
        reporting_country=reporting,
        role=role,
        record_id=f"r{_n}",
        date=date,
        tax_ids=tax or [],
        phones=phones or [],
        emails=emails or [],
        addresses=[],
        containers=containers or [],
        bl_numbers=[],
        counterparties=counterparties or [],
    )


def actor_of(result, mention: MentionInput) -> str:
    return result.assignments[mention.mention_id].actor_id


def test_one_company_across_scripts_and_one_person() -> None:
    kz = m("ТОО «Шелковый путь»", tax=[("kz.bin", "123456789012")], phones=["+77011234567"])
    ge = m("SHELKOVYY PUT LLP", reporting="GE")
    tr = m("Şelkovyj Put TOO", reporting="TR")
    pk = m("Shelkvoy Put", reporting="PK", phones=["+77011234567"])  # a typo, but the same phone
    p1 = m("Каримов Улугбек", kind="person", country="UZ", reporting="UZ")
    p2 = m("Ulugbek Karimov", kind="person", country="UZ", reporting="KZ")
    result = resolve([kz, ge, tr, pk, p1, p2])
    company = actor_of(result, kz)
    assert {actor_of(result, x) for x in (ge, tr, pk)} == {company}
    assert actor_of(result, p1) == actor_of(result, p2) != company
    summary = result.actors[company]
    assert summary.mention_count == 4 and summary.kind == "company"
    assert set(summary.reporting_countries) == {"KZ", "GE", "TR", "PK"}
    assert 'ТОО "Шелковый путь"' in summary.names and "SHELKOVYY PUT LLP" in summary.names
    assert summary.tax_ids == [("kz.bin", "123456789012")] and summary.legal_forms[0] == "LLP"
    evidence = {f.name for f in result.assignments[pk.mention_id].evidence}
    assert {"name", "phone"} <= evidence
    assert all(0.0 < a.score <= 1.0 for a in result.assignments.values())


def test_namesakes_with_different_tax_ids_stay_apart_and_a_bare_mention_goes_to_review() -> None:
    a1 = m("ТОО «Барыс»", tax=[("kz.bin", "960140209107")])
    a2 = m("ТОО «Барыс»", tax=[("kz.bin", "960140209107")], reporting="KZ")
    b1 = m("ЖШС «Барыс»", tax=[("kz.bin", "980840743574")])
    bare = m("BARYS LLP", reporting="GE")
    result = resolve([a1, a2, b1, bare])
    assert actor_of(result, a1) == actor_of(result, a2)
    assert actor_of(result, a1) != actor_of(result, b1)
    alone = actor_of(result, bare)
    assert alone not in (actor_of(result, a1), actor_of(result, b1))  # not guessed
    pairs = {frozenset((r.a, r.b)) for r in result.review}
    assert frozenset((alone, actor_of(result, a1))) in pairs or frozenset((alone, actor_of(result, b1))) in pairs
    assert all(r.value > 0 and r.evidence for r in result.review)


def test_context_tells_namesakes_apart() -> None:
    a = m("ТОО «Барыс»", tax=[("kz.bin", "960140209107")], phones=["+77011111111"])
    b = m("ТОО «Барыс»", tax=[("kz.bin", "980840743574")], phones=["+77012222222"])
    bare = m("BARYS LLP", reporting="GE", phones=["+77012222222"])
    result = resolve([a, b, bare])
    assert actor_of(result, bare) == actor_of(result, b) != actor_of(result, a)


def test_a_shared_phone_does_not_merge_different_names() -> None:
    fronts = [m(n, country="AM", phones=["+37477323670"]) for n in ("Ararat Logistics", "Sevan Trade", "Gyumri Impex")]
    result = resolve(fronts)
    assert len({actor_of(result, f) for f in fronts}) == 3


def test_a_chain_of_weak_links_does_not_glue_companies() -> None:
    # each neighbour shares a phone and part of the name, the two ends have nothing in common
    a = m("Altyn Dala", phones=["+77010000001"])
    b = m("Altyn Dala Kazyna", phones=["+77010000001", "+77010000002"])
    c = m("Kazyna Invest", phones=["+77010000002"])
    result = resolve([a, b, c])
    assert actor_of(result, a) != actor_of(result, c)


def test_person_and_company_conflict() -> None:
    person = m("Karimov Ulugbek", kind="person", country="UZ")
    company = m("Karimov Ulugbek", kind="company", country="UZ")
    assert actor_of(resolve([person, company]), person) != actor_of(resolve([person, company]), company)


def test_countries_keep_namesakes_apart_and_a_countryless_mention_cannot_bridge_them() -> None:
    pl = m("Polimex Sp. z o.o.", country="PL", reporting="PL")
    bg = m("Polimex", country="BG", reporting="BG")
    nowhere = m("POLIMEX", country=None, reporting="GE")
    result = resolve([pl, bg, nowhere])
    assert actor_of(result, pl) != actor_of(result, bg)


def test_limited_and_joint_stock_are_different_companies() -> None:
    srl = m("Lombarda Alimentari S.r.l.", country="IT")
    spa = m("Lombarda Alimentari S.p.A.", country="IT")
    assert actor_of(resolve([srl, spa]), srl) != actor_of(resolve([srl, spa]), spa)


def test_ids_are_deterministic_and_independent_of_input_order() -> None:
    mentions = [m("ТОО «Алтын Дала»", date=f"2025-01-{d:02d}") for d in range(1, 10)]
    mentions += [m("Жетысу Агро", date="2025-02-01"), m("Zhetysu Agro LLP", date="2025-02-02")]
    first = resolve(mentions)
    shuffled = mentions[:]
    random.Random(3).shuffle(shuffled)
    second = resolve(shuffled)
    assert {k: v.actor_id for k, v in first.assignments.items()} == {
        k: v.actor_id for k, v in second.assignments.items()
    }
    again = resolve(mentions, previous=first.state)
    assert {k: v.actor_id for k, v in again.assignments.items()} == {
        k: v.actor_id for k, v in first.assignments.items()
    }


def test_state_survives_json() -> None:
    mentions = [m("ТОО «Алтын Дала»", tax=[("kz.bin", "111111111111")]), m("Altyn Dala LLP", reporting="GE")]
    first = resolve(mentions)
    state = ResolutionState.from_dict(json.loads(json.dumps(first.state.to_dict())))
    later = resolve([m("ALTYN DALA TOO", reporting="TR")], previous=state)
    assert len({a.actor_id for a in later.assignments.values()}) == 1
    assert later.assignments[mentions[0].mention_id].actor_id == first.assignments[mentions[0].mention_id].actor_id


def test_mention_sequences_are_tuples_through_json_and_lists_resolve_the_same() -> None:
    as_lists = m(
        "ТОО «Алтын Дала»", tax=[("kz.bin", "111111111111")], phones=["+77011111111"], containers=["MSCU1234565"]
    )
    data = json.loads(json.dumps(as_lists.to_dict()))
    back = MentionInput.from_dict(data)
    assert back.tax_ids == (("kz.bin", "111111111111"),) and back.phones == ("+77011111111",)
    assert back.containers == ("MSCU1234565",) and back.emails == () and back.counterparties == ()
    assert MentionInput.from_dict(back.to_dict()) == back
    # the resolver only iterates the sequences: lists (older callers) give the same result as tuples
    other = m("Altyn Dala LLP", reporting="GE", phones=["+77011111111"])
    with_lists = resolve([as_lists, other])
    with_tuples = resolve([back, MentionInput.from_dict(other.to_dict())])
    assert {k: (a.actor_id, a.score) for k, a in with_lists.assignments.items()} == {
        k: (a.actor_id, a.score) for k, a in with_tuples.assignments.items()
    }


def test_merge_keeps_the_oldest_id_and_aliases_the_other() -> None:
    old = m("ТОО «Каспий Нефть Транс»", date="2025-01-01", tax=[("kz.bin", "222222222222")])
    other = m("Kaspii Neft Trans", country="KZ", reporting="GE", date="2025-01-05", phones=["+77013333333"])
    first = resolve([old, other])
    # on their own, the two may or may not be joined; a later mention carrying both identifiers joins them
    bridge = m("Kaspiy Neft Trans LLP", date="2025-02-01", tax=[("kz.bin", "222222222222")], phones=["+77013333333"])
    second = resolve([bridge], previous=first.state)
    survivor = second.assignments[old.mention_id].actor_id
    assert survivor == first.assignments[old.mention_id].actor_id
    assert second.assignments[other.mention_id].actor_id == survivor
    absorbed = first.assignments[other.mention_id].actor_id
    if absorbed != survivor:
        assert second.aliases[absorbed] == survivor


def test_judgements_override_and_a_split_keeps_the_id_on_the_larger_part() -> None:
    big = [m("ТОО «Алтын Дала»", date=f"2025-01-{d:02d}") for d in range(1, 6)]
    stray = m("Altyn Dala LLP", reporting="GE", date="2025-01-03")
    first = resolve(big + [stray])
    actor = first.assignments[big[0].mention_id].actor_id
    assert first.assignments[stray.mention_id].actor_id == actor
    reject = Judgement(stray.mention_id, actor, "reject", note="another company", by="analyst", at="2025-04-01")
    second = resolve([], previous=first.state, judgements=[reject])
    assert second.assignments[big[0].mention_id].actor_id == actor  # the part with most mentions keeps the id
    assert second.assignments[stray.mention_id].actor_id != actor
    # re-applied on every run, whatever the algorithm would do
    third = resolve(
        [replace(stray, mention_id="again", record_id="r-again")], previous=second.state, judgements=[reject]
    )
    assert third.assignments[stray.mention_id].actor_id != actor


def test_a_taken_id_moves_to_the_next_oldest_mention_and_only_then_are_members_sorted() -> None:
    from consignet.resolution.identity import assign_ids, derive_id

    taken = ResolutionState(aliases={derive_id("m1"): "A-elsewhere", derive_id("x1"): "A-elsewhere"})
    firsts = {7: ("2025-01-01", "m1"), 8: ("2025-01-05", "n1"), 9: ("2025-01-09", "x1")}
    sorted_members = {7: [("2025-01-01", "m1"), ("2025-01-02", "m2")], 9: [("2025-01-09", "x1")]}
    asked: list[int] = []

    def members(root: int) -> list[tuple[str, str]]:
        asked.append(root)
        return sorted_members[root]

    ids, anchors, _ = assign_ids(firsts, members, taken)
    assert ids == {7: derive_id("m2"), 8: derive_id("n1"), 9: derive_id("x1#1")}
    assert anchors[ids[7]] == ("2025-01-01", "m1")  # the anchor stays the oldest mention
    assert asked == [7, 9]  # a cluster whose oldest mention's id is free is never sorted


def test_confirm_joins_what_the_algorithm_keeps_apart() -> None:
    a = m("ТОО «Барыс»", tax=[("kz.bin", "960140209107")])
    b = m("Barys Trading", country="KZ", reporting="GE")
    first = resolve([a, b])
    assert actor_of(first, a) != actor_of(first, b)
    confirmed = resolve([], previous=first.state, judgements=[Judgement(a.mention_id, b.mention_id, "confirm")])
    assert actor_of(confirmed, a) == actor_of(confirmed, b)
    evidence = {f.name for f in confirmed.assignments[b.mention_id].evidence}
    assert "judgement" in evidence or "name" in evidence


def test_unsure_takes_a_pair_off_the_review_list() -> None:
    a = m("ТОО «Барыс»", tax=[("kz.bin", "960140209107")])
    b = m("ЖШС «Барыс»", tax=[("kz.bin", "980840743574")])
    bare = m("BARYS LLP", reporting="GE")
    first = resolve([a, b, bare])
    assert first.review
    judged = [Judgement(r.a, r.b, "unsure") for r in first.review]
    second = resolve([], previous=first.state, judgements=judged)
    assert not second.review


def test_unknown_references_in_judgements_are_ignored() -> None:
    a = m("Barys")
    result = resolve([a], judgements=[Judgement("no-such-id", a.mention_id, "reject")])
    assert result.assignments[a.mention_id].score == 1.0


def test_a_judgement_with_an_unknown_decision_is_refused() -> None:
    import pytest

    from consignet.errors import InputError

    a, b = m("Barys"), m("Barys Trade")
    with pytest.raises(InputError, match="field decision"):
        resolve([a, b], judgements=[Judgement(a.mention_id, b.mention_id, "maybe")])  # type: ignore[arg-type]


def test_the_fast_pair_points_equal_the_explained_score() -> None:
    """The resolver scores candidate pairs in batches on arrays (``Scorer.many``); the evidence shown
    comes from ``Scorer.score`` on the atoms. Both must give the same points, corroboration and
    decisiveness, to the last bit, on every candidate pair -- pairs that share identifiers, B/Ls,
    containers and counterparties, and unrelated pairs -- and ``many`` must keep exactly the pairs
    that reach ``unsure_points``."""
    from consignet.resolution.config import DEFAULT_CONFIG, name_points
    from consignet.resolution.engine import _Run
    from consignet.resolution.synthetic import generate

    mentions, _ = generate(4000, seed=11)
    run = _Run(mentions, None, (), DEFAULT_CONFIG)
    unsorted, scorer, _ = run.pairs_and_scorer()
    pairs = sorted(unsorted)
    assert len(pairs) > 1000
    rng = random.Random(5)
    pairs += [tuple(sorted(rng.sample(range(len(run.atoms)), 2))) for _ in range(2000)]  # unrelated pairs too
    sims = [run.names.score(run.key_of[a], run.key_of[b]) for a, b in pairs]
    fast = {(a, b): (pts, corr, decisive) for pts, a, b, corr, decisive in
            scorer.many(pairs, [name_points(sim, DEFAULT_CONFIG) for sim in sims])}  # fmt: skip
    slow = [scorer.score(run.atoms[a], run.atoms[b], sim) for (a, b), sim in zip(pairs, sims, strict=True)]
    shown = {f.name for (a, b), sim in zip(pairs[:1500], sims, strict=False)
             for f in scorer.score(run.atoms[a], run.atoms[b], sim, explain=True).features or []}  # fmt: skip
    assert {"name", "country", "bl", "container", "counterparty", "phone"} <= shown, shown
    kept = [(a, b) for (a, b), s in zip(pairs, slow, strict=True) if s.points >= DEFAULT_CONFIG.unsure_points]
    assert set(fast) == set(kept) and len(kept) > 500 and len(kept) < len(pairs)
    for (a, b), s in zip(pairs, slow, strict=True):
        if (a, b) in fast:
            assert fast[(a, b)] == (s.points, s.corroboration, s.decisive), (a, b)


def test_a_field_numbers_its_values_and_finds_what_pairs_of_atoms_share() -> None:
    """``vectors.Field``: values numbered in their order when asked (the smallest id shared is the
    smallest value), the values each pair of atoms shares, and the atoms of each value two or more
    atoms carry, in order (the identifier blocks)."""
    import numpy as np

    from consignet.resolution.vectors import Field

    field = Field([{"b", "a"}, set(), {"c", "a", "d"}, {"a", "d"}, {"c"}], ordered=True)
    assert field.values == ["a", "b", "c", "d"] and field.offsets.tolist() == [0, 2, 2, 5, 7, 8]
    heads, tails = np.array([0, 0, 1, 2, 2]), np.array([2, 3, 2, 3, 4])
    at, ids = field.shared(heads, tails)
    assert list(zip(at.tolist(), [field.values[i] for i in ids.tolist()], strict=True)) == [
        (0, "a"), (1, "a"), (3, "a"), (3, "d"), (4, "c")
    ]  # fmt: skip
    assert field.any_shared(heads, tails).tolist() == [True, True, False, True, True]
    assert list(field.blocks()) == [[0, 2, 3], [2, 4], [2, 3]]  # a, c, d; b has one atom


def test_evidence_is_built_once_on_first_read_and_equals_the_eager_list() -> None:
    """Merge evidence is explained lazily (``Assignment``); reading it gives the same list every time,
    shared by the mentions of one atom."""
    from consignet.resolution import Assignment
    from consignet.resolution.synthetic import generate
    from consignet.resolution.types import Feature

    calls: list[int] = []

    def build() -> list[Feature]:
        calls.append(1)
        return [Feature("name", "a | b", 1.0)]

    lazy = Assignment("A1", 0.9, None, build)
    assert calls == [] and lazy.evidence == [Feature("name", "a | b", 1.0)] and lazy.evidence is lazy.evidence
    assert calls == [1] and lazy == Assignment("A1", 0.9, [Feature("name", "a | b", 1.0)])
    mentions, _ = generate(3000, seed=2)
    result = resolve(mentions)
    merged = [a for a in result.assignments.values() if a.score < 1.0]
    assert merged and all(any(f.name == "name" for f in a.evidence) for a in merged)


def test_parallel_parts_concatenate_to_the_input() -> None:
    from consignet.resolution.parallel import chunks

    for n in (0, 1, 3, 10, 1001):
        for k in (1, 2, 3):
            parts = chunks(list(range(n)), k)
            assert [x for p in parts for x in p] == list(range(n)) and len(parts) <= k
    first, second = chunks(list(range(1000)), 2)
    assert len(first) < len(second)  # the part computed here is the smaller one: it also merges


def test_a_kept_helper_answers_each_message_ends_when_closed_and_reports_errors() -> None:
    """``parallel.fork_keep``: the children keep what they computed and answer messages through their
    ``follow`` generator; closing the pipe ends a waiting child; an error there is raised here."""
    import pytest

    from consignet.resolution.parallel import fork_keep, reap

    def follow(result: int):
        message = yield None
        while True:
            if message == "boom":
                raise ValueError("boom")
            message = yield result * message

    results, kept = fork_keep(lambda x: x + 1, [1, 2], follow)
    assert results == [2, 3] and kept is not None
    with kept:
        assert kept.ask([10], lambda: "here") == ["here", 30]
        kept.send([2])
        assert kept.receive() == [6]
        kept.send(["boom"])
        with pytest.raises(RuntimeError, match="ValueError: boom"):
            kept.receive()
    results, kept = fork_keep(lambda x: x, [1, 2], follow)
    assert kept is not None
    kept.close()  # never asked: the child sees the pipe closed and ends
    reap()  # would wait forever for a child that did not end
    assert not kept.children


def test_the_remote_helper_runs_in_a_new_interpreter_answers_in_order_and_reports_errors(tmp_path, monkeypatch) -> None:
    """``remote.Remote``: the helper of a run on two processes is a new Python process (it never maps
    this one's memory) running this checkout's code, fed by messages: sent the parsed names, it answers
    this process's share of the name candidates as ``blocking.name_candidates`` finds them here; a
    message it cannot use is raised here with its error; closing the pipes ends it; a helper that died
    is reported with its exit code; one whose run died while sending it a message ends too."""
    import os
    import pickle
    from collections import defaultdict

    import pytest

    from consignet.names import parse_name
    from consignet.resolution import ResolutionConfig
    from consignet.resolution.blocking import name_candidates
    from consignet.resolution.engine import _compared_fields
    from consignet.resolution.helper import remote_steps
    from consignet.resolution.parallel import chunks, reap
    from consignet.resolution.remote import Remote

    cfg = ResolutionConfig()
    raw = ["ТОО «Шелковый путь»", "SHELKOVYY PUT LLP", "Şelkovyj Put TOO", "Shelkvoy Put", "Vostok Trans",
           "Vostoktrans", "Восток Трейд", "Каримов Улугбек", "Ulugbek Karimov", "Barys LLP", "ТОО «Барыс»"]  # fmt: skip
    parsed = [parse_name(n) for n in raw]
    counts: dict[str, int] = defaultdict(int)
    groups = [(i, list(js)) for i, js in enumerate(name_candidates(parsed, cfg, counts)) if js]
    # another ``consignet`` in the current directory is not the one the helper imports
    (tmp_path / "consignet").mkdir()
    (tmp_path / "consignet" / "__init__.py").write_text("raise ImportError('the wrong consignet')\n")
    monkeypatch.chdir(tmp_path)
    with Remote(remote_steps, cfg) as remote:
        remote.send([([_compared_fields(p) for p in parsed], [False] * len(parsed))])
        [(here, found_counts)] = remote.receive()
        assert remote.process.pid != os.getpid()
        with open(f"/proc/{remote.process.pid}/cmdline", "rb") as fh:
            assert b"consignet.resolution.remote import serve" in fh.read()  # a new interpreter, not a fork
        assert here == chunks(groups, 2)[0] and found_counts == dict(counts) and here
        remote.send([None])  # not the arrays it expects
        with pytest.raises(RuntimeError, match="resolution helper failed: TypeError"):
            remote.receive()
    with Remote(remote_steps, cfg) as remote:
        remote.close()  # waiting for its first message: it sees the pipe closed and ends
        reap()  # would wait forever for a helper that did not end
        assert remote.process.returncode == 0 and not remote.children
    remote = Remote(remote_steps, cfg)
    remote.process.kill()
    remote.process.wait()
    with pytest.raises(RuntimeError, match="exited with code -9"):
        remote.receive()
    remote.close()
    with Remote(remote_steps, cfg) as remote:  # dies after an answer, before the next message
        remote.send([([_compared_fields(p) for p in parsed], [False] * len(parsed))])
        remote.receive()
        remote.process.kill()
        remote.process.wait()
        with pytest.raises(RuntimeError, match="exited with code -9"):
            remote.send([(list(range(10**6)),)])
    # this process dies while sending a message: the helper ends (with the error), not waits forever
    remote = Remote(remote_steps, cfg)
    message = pickle.dumps(([_compared_fields(p) for p in parsed] * 100, [False] * len(parsed) * 100))
    remote.out.write(message[: len(message) // 2])
    remote.out.close()
    assert remote.process.wait(timeout=60) == 1
    remote.close()
    reap()


def test_two_processes_resolve_a_handful_of_mentions_and_a_config_subclass_like_one(monkeypatch) -> None:
    """Two processes forced on a few mentions (fewer pairs than processes), and settings given as a
    subclass that the helper process cannot import, give the result of one process."""
    from dataclasses import dataclass

    from consignet.resolution import ResolutionConfig, cluster_parts
    from consignet.resolution.synthetic import generate

    @dataclass(frozen=True, slots=True)
    class Stricter(ResolutionConfig):
        pass

    def view(result):
        return {k: (v.actor_id, v.score) for k, v in result.assignments.items()}, list(result.actors.items())

    monkeypatch.setattr(cluster_parts, "PARALLEL_FROM_LINKS", 0)
    mentions, _ = generate(400, seed=3)
    for some in (mentions[:0], mentions[:1], mentions[:3], mentions[:10], mentions):
        one = resolve(some, cfg=ResolutionConfig(workers=1))
        assert view(resolve(some, cfg=ResolutionConfig(workers=2))) == view(one)
    stricter = ResolutionConfig().match_points + 0.5
    two = resolve(mentions, cfg=Stricter(workers=2, match_points=stricter))
    assert view(two) == view(resolve(mentions, cfg=Stricter(workers=1, match_points=stricter)))
    assert view(two) != view(resolve(mentions, cfg=ResolutionConfig(workers=1)))  # the setting reached the helper
