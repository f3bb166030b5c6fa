"""The store contract: the same tests against the embedded store and the real Neo4j."""

from __future__ import annotations

import json

from consignet import ids
from consignet.scope import Viewer
from consignet.store.base import GraphStore
from consignet.store.batch import GraphBatch


def _record(batch: GraphBatch, originator: str, record_id: str, content: str, *, scope: str = "network",
            countries: list[str] | None = None, parties: tuple[str, ...] = ("consignor", "consignee"),
            port: str = "GEPTI", date: str = "2025-03-01") -> str:
    cid = ids.node_id("Consignment", originator, record_id)
    batch.node("Consignment", cid, {
        "record_id": record_id, "originator": originator, "reporting_country": originator,
        "content_hash": content, "version": 1, "shipment_date": date, "hs6": "854231",
        "scope_kind": scope, "scope_countries": countries or [], "source_file": f"{originator}.csv",
        "source_row": 2})
    batch.record_ids.append(cid)
    pid = batch.node("Port", ids.node_id("Port", port), {"locode": port})
    batch.rel("DISCHARGED_AT", cid, pid)
    for pos, role in enumerate(parties):
        mid = ids.node_id("Mention", cid, role, pos)
        batch.node("Mention", mid, {
            "consignment_id": cid, "role": role, "position": pos, "name": f"{role} of {record_id}",
            "originator": originator, "reporting_country": originator, "scope_kind": scope,
            "scope_countries": countries or [], "source_file": f"{originator}.csv", "source_row": 2,
            "record_id": record_id, "shipment_date": date, "kind": "company"})
        batch.rel("HAS_PARTY", cid, mid, {"role": role})
    return cid


def test_write_is_idempotent_and_versions_are_read_back(store: GraphStore) -> None:
    batch = GraphBatch()
    cid = _record(batch, "KZ", "R1", "h1")
    store.write_batch(batch)
    store.write_batch(batch)
    assert store.record_versions([cid, "csg_missing"]) == {cid: ("h1", 1)}
    stats = store.stats(Viewer.all())
    assert stats["nodes"]["Consignment"] == 1
    assert stats["nodes"]["Mention"] == 2
    assert stats["nodes"]["Port"] == 1
    assert stats["relationships"]["HAS_PARTY"] == 2
    assert stats["consignments_by_country"] == {"KZ": 1}


def test_replace_keeps_previous_version_and_rebuilds_links(store: GraphStore) -> None:
    first = GraphBatch()
    cid = _record(first, "KZ", "R1", "h1", parties=("consignor", "consignee", "notify"))
    store.write_batch(first)
    second = GraphBatch()
    _record(second, "KZ", "R1", "h2", parties=("consignor",), port="KZAKX")
    second.nodes["Consignment"][cid]["version"] = 2
    second.replace.append(cid)
    store.write_batch(second)
    assert store.record_versions([cid]) == {cid: ("h2", 2)}
    stats = store.stats(Viewer.all())
    assert stats["nodes"]["Mention"] == 1
    assert stats["nodes"]["ConsignmentVersion"] == 1
    assert stats["relationships"]["PREVIOUS_VERSION"] == 1
    assert stats["relationships"]["DISCHARGED_AT"] == 1  # the old port link went with the old version


def test_links_to_missing_nodes_are_not_made(store: GraphStore) -> None:
    batch = GraphBatch()
    batch.node("Seizure", "szr_1", {"record_id": "S1", "originator": "KZ", "content_hash": "x"})
    batch.rel("SEIZED", "szr_1", "csg_not_there")
    store.write_batch(batch)
    stats = store.stats(Viewer.all())
    assert "SEIZED" not in stats["relationships"]
    assert stats["nodes"].get("Consignment", 0) == 0


def test_scope_filters_every_read(store: GraphStore) -> None:
    batch = GraphBatch()
    _record(batch, "KZ", "R1", "h1", scope="network")
    _record(batch, "GE", "R2", "h2", scope="countries", countries=["KZ"])
    _record(batch, "TR", "R3", "h3", scope="originator")
    store.write_batch(batch)
    everyone = store.stats(Viewer.all())["consignments_by_country"]
    assert everyone == {"GE": 1, "KZ": 1, "TR": 1}
    assert store.stats(Viewer("KZ"))["consignments_by_country"] == {"GE": 1, "KZ": 1}
    assert store.stats(Viewer("UZ"))["consignments_by_country"] == {"KZ": 1}
    assert store.stats(Viewer("TR"))["consignments_by_country"] == {"KZ": 1, "TR": 1}
    assert len(store.mention_assignments(Viewer("UZ"))) == 2
    assert store.summary_counts(Viewer("UZ"))["consignments"] == 1
    hidden = ids.node_id("Consignment", "TR", "R3")
    assert store.get_node(hidden, Viewer("UZ")) is None
    assert store.get_node(hidden, Viewer("TR")) is not None


def test_resolution_and_derived_aggregates(store: GraphStore) -> None:
    batch = GraphBatch()
    c1 = _record(batch, "KZ", "R1", "h1", date="2025-01-05")
    c2 = _record(batch, "GE", "R2", "h2", date="2025-02-07")
    store.write_batch(batch)
    rows = store.mention_rows(only_unresolved=True)
    assert len(rows) == 4
    assert rows[0]["counterparties"] and rows[0]["actor_id"] is None
    sender, receiver = "act_sender", "act_receiver"
    links = [{"mention_id": r["id"], "actor_id": sender if r["role"] == "consignor" else receiver,
              "score": 0.9, "method": "test", "evidence": [{"feature": "name", "weight": 1}]}
             for r in rows]
    store.write_resolution([{"id": sender, "kind": "company", "name": "S"},
                            {"id": receiver, "kind": "person", "name": "R"}], links)
    assert store.mention_rows(only_unresolved=True) == []
    store.refresh_derived()
    counts = store.summary_counts(Viewer.all())
    assert counts == {"actors": 2, "consignments": 2, "repeat_actors": 2}
    assert store.summary_counts(Viewer("KZ"))["repeat_actors"] == 2  # both records are network-wide
    stats = store.stats(Viewer.all())
    actor = store.get_node(sender, Viewer.all())
    assert actor is not None and set(actor["labels"]) == {"Actor", "Company"}
    assert actor["props"]["originators"] == ["GE", "KZ"] and actor["props"]["record_count"] == 2
    assert actor["props"]["first_date"] == "2025-01-05" and actor["props"]["last_date"] == "2025-02-07"
    port = store.get_node(ids.node_id("Port", "GEPTI"), Viewer.all())
    assert port is not None and port["props"]["record_count"] == 2
    assert stats["relationships"]["SHIPPED_TO"] == 1
    assert stats["relationships"]["RESOLVES_TO"] == 4
    assigned = store.mention_assignments(Viewer.all())
    assert {a["actor_id"] for a in assigned} == {sender, receiver}
    assert all(a["score"] == 0.9 for a in assigned)
    # moving a mention to another actor replaces its link, and an emptied actor can be dropped
    moved = [dict(next(li for li in links if li["actor_id"] == sender), actor_id=receiver)]
    store.write_resolution([], moved, drop_actors=[])
    assert sum(1 for a in store.mention_assignments(Viewer.all()) if a["actor_id"] == receiver) == 3
    assert {c1, c2} == set(store.record_versions([c1, c2]))


def test_meta_round_trip(store: GraphStore) -> None:
    assert store.get_meta("nothing") is None
    store.set_meta("state", {"a": [1, 2], "b": "ü"})
    store.set_meta("state", {"a": [3]})
    assert store.get_meta("state") == {"a": [3]}
    assert json.dumps(store.get_meta("state"))


def test_forwarders_add_provenance_not_records(store: GraphStore) -> None:
    batch = GraphBatch()
    cid = _record(batch, "AZ", "M1", "h1")
    store.write_batch(batch)
    store.add_forwarders({cid: ["TM"]})
    store.add_forwarders({cid: ["TM", "GE"]})
    assert store.stats(Viewer.all())["nodes"]["Consignment"] == 1
    node = store.get_node(cid, Viewer.all())
    assert node is not None and sorted(node["props"]["forwarded_by"]) == ["GE", "TM"]
    assert store.get_node(cid, Viewer("UZ")) is not None  # network scope
    assert store.get_node("csg_unknown", Viewer.all()) is None
