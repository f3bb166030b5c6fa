"""Communities on both stores: rings found by Louvain, components, stable ids, what does not glue rings
together, the stored result, and the viewer's scope."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from test_risk_support import Rec, Scenario, actor_id

from consignet import ids
from consignet.analysis import communities as comm
from consignet.analysis import service
from consignet.analysis.communities import community_id, component_id
from consignet.analysis.weights import DEFAULT_PATH, load_weights
from consignet.errors import NotFoundError
from consignet.scope import Viewer
from consignet.store.base import GraphStore
from consignet.store.batch import GraphBatch

RING_A = ("A1", "A2", "A3", "A4")
RING_B = ("B1", "B2", "B3", "B4")


def rings(carrier: bool = False) -> Scenario:
    """Two rings trading densely inside, joined by one consignment A1 -> B1, and a separate pair C1 -> C2."""
    s = Scenario()
    for key in (*RING_A, *RING_B, "C1", "C2", "SHIP"):
        s.actor(key)
    n = 0
    for ring in (RING_A, RING_B):
        for i, a in enumerate(ring):
            for b in ring[i + 1:]:
                for _ in range(2):
                    n += 1
                    s.add(Rec(f"R{n}", a, b, carrier="SHIP" if carrier else None))
    s.add(Rec("BRIDGE", "A1", "B1", carrier="SHIP" if carrier else None))
    s.add(Rec("PAIR", "C1", "C2"))
    return s


def members(*keys: str) -> list[str]:
    return sorted(actor_id(k) for k in keys)


def test_louvain_finds_the_rings_and_ids_derive_from_members(store: GraphStore) -> None:
    rings().write(store)
    model = service.get_model(store, Viewer.all())
    found = sorted(model.communities.members.values())
    assert found == sorted([members(*RING_A), members(*RING_B), members("C1", "C2")])
    for cid, ms in model.communities.members.items():
        assert cid == community_id(ms)
    a, b = model.communities.of[actor_id("A1")], model.communities.of[actor_id("B1")]
    assert model.communities.component[a] == model.communities.component[b] == component_id(
        members(*RING_A, *RING_B))
    assert model.communities.component_size[model.communities.component[a]] == 8


def test_carriers_and_common_identifiers_do_not_glue_rings(store: GraphStore, tmp_path: Path) -> None:
    s = rings(carrier=True)
    for key in ("C1", "C2", "A2", "B2"):  # one phone used by four actors: common at threshold 4
        s.actors[key]["phone"] = "+995322000000"
    s.write(store)
    data = yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))
    data["common_threshold"] = 4
    (tmp_path / "w.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    model = service.get_model(store, Viewer.all(), load_weights(tmp_path / "w.yaml"))
    assert actor_id("SHIP") not in model.communities.of  # a carrier is no trading party
    assert model.communities.of[actor_id("C1")] != model.communities.of[actor_id("A2")]
    assert model.communities.of[actor_id("A2")] != model.communities.of[actor_id("B2")]
    # with the shipped threshold the same phone is a real link: C1 and C2 join A2's component
    loose = service.get_model(store, Viewer.all())
    comp = loose.communities.component
    assert comp[loose.communities.of[actor_id("C1")]] == comp[loose.communities.of[actor_id("A2")]]


def test_refresh_stores_communities_and_ids_stay_while_members_do(store: GraphStore) -> None:
    s = rings()
    s.write(store)
    first = service.refresh_communities(store)
    assert first["communities"] == 3 and first["largest_community"] == 4
    run = GraphBatch()  # ingest records its run after the refresh: that is no change of the data
    run.node("IngestRun", ids.node_id("IngestRun", "r1"), {"run_id": "r1"})
    store.write_batch(run)
    stored = service.stored_communities(store, service.stamp(store))
    assert stored is not None and sorted(stored.members.values()) == sorted(
        service.get_model(store, Viewer.all()).communities.members.values())
    before = dict(stored.members)
    s.actor("D1")
    s.actor("D2")
    s.add(Rec("NEW", "D1", "D2"))
    s.write(store)
    assert service.stored_communities(store, service.stamp(store)) is None  # data changed since
    service.refresh_communities(store)
    after = service.stored_communities(store, service.stamp(store))
    assert after is not None
    assert set(before) <= set(after.members)  # unchanged communities keep their ids
    assert after.of[actor_id("D1")] == community_id(members("D1", "D2"))


def test_community_members_for_a_viewer(store: GraphStore) -> None:
    s = rings()
    s.actor("T1")
    s.add(Rec("TR_ONLY", "T1", "C2", originator="TR", scope="originator"))
    s.write(store)
    everyone = service.get_model(store, Viewer.all())
    pair = everyone.communities.of[actor_id("C2")]
    assert set(everyone.communities.members[pair]) == {actor_id(k) for k in ("C1", "C2", "T1")}
    rows = service.community_members(store, pair, Viewer.all())
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)
    # Kazakhstan does not see the Turkish record: T1 is not linked, the community is the pair alone
    kz = service.get_model(store, Viewer("KZ"))
    assert kz.communities.members[kz.communities.of[actor_id("C2")]] == members("C1", "C2")
    assert actor_id("T1") not in kz.names
    with pytest.raises(NotFoundError):
        service.community_members(store, pair, Viewer("KZ"))  # that community does not exist for KZ


def test_a_worker_process_gives_the_same_answers(embedded_store: GraphStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """Big projections run Louvain in a worker process beside the indicators: same communities, same scores."""
    rings().write(embedded_store)
    inline = service.get_model(embedded_store, Viewer.all())
    facts, weights = inline.facts, inline.weights
    monkeypatch.setattr(service, "PARALLEL_LINKS", 1)
    communities, model, seconds = service.analyse(facts, weights)
    assert seconds["parallel"] is True
    assert communities.members == inline.communities.members
    assert model.actor_score == inline.actor_score


def test_an_unchanged_projection_keeps_the_stored_communities(embedded_store: GraphStore) -> None:
    """A refresh on the projection the stored communities were made from reuses them (Louvain would give them
    again); a change of the projection, or reuse=False, recomputes."""
    s = rings()
    s.write(embedded_store)
    first = service.refresh_communities(embedded_store)
    assert first["seconds"]["communities_reused"] is False
    again = service.refresh_communities(embedded_store)
    assert again["seconds"]["communities_reused"] is True
    forced = service.refresh_communities(embedded_store, reuse=False)
    assert forced["seconds"]["communities_reused"] is False
    assert service.get_model(embedded_store, Viewer.all()).communities.members == service.stored_communities(
        embedded_store).members
    s.add(Rec("MORE", "C2", "A2"))
    s.write(embedded_store)
    changed = service.refresh_communities(embedded_store)
    assert changed["seconds"]["communities_reused"] is False


def test_projection_links_add_up_as_one_by_one_sums(embedded_store: GraphStore) -> None:
    """The links are counted once and their weights added one by one, consignments first: the same floats as
    summing each consignment and identifier in turn (the partition depends on them to the last bit)."""
    rings().write(embedded_store)
    model = service.get_model(embedded_store, Viewer.all())
    proj = comm.projection(model.facts, model.weights)
    proj.cooccurrence_weight, proj.identifier_weight = 0.1, 0.7  # weights a product would round differently
    naive: dict[tuple[str, str], float] = {}
    for rec in model.facts.records.values():
        actors = sorted({p.actor for p in rec.trade_parties() if p.actor})
        for i, a in enumerate(actors):
            for b in actors[i + 1:]:
                naive[(a, b)] = naive.get((a, b), 0.0) + 0.1
    assert comm.edge_list(proj) == [(a, b, x) for (a, b), x in sorted(naive.items())]
