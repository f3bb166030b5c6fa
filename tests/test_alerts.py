"""Alerts on both stores: after each ingest run, new records touching a seized or flagged actor, container or
identifier, or raising an actor's risk above the threshold, each with its trigger; seen, notes, scope."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from test_risk_support import Rec, Scenario, actor_id, box

from consignet import ids
from consignet.analysis import alerts, reports, service
from consignet.analysis.weights import DEFAULT_PATH, Weights, load_weights
from consignet.errors import InputError, NotFoundError
from consignet.scope import Viewer
from consignet.store.base import GraphStore

K5 = box("TGHU500005")
PHONE = "+77015550000"


def weights(tmp_path: Path, threshold: float) -> Weights:
    data = yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))
    data["alert_threshold"] = threshold
    path = tmp_path / "weights.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return load_weights(path)


def by_kind(items: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for a in items:
        out.setdefault(a["kind"], []).append(a)
    return out


def test_new_records_touching_seized_and_flagged_things(store: GraphStore, tmp_path: Path) -> None:
    w = weights(tmp_path, 1000.0)  # no threshold alerts in this test
    s = Scenario()
    for key in ("S1", "A", "S2", "B", "C", "D", "X", "Y", "Z", "T"):
        s.actor(key)
    s.actor("W", phone=PHONE)
    r1 = s.add(Rec("R1", "S1", "A"))[0]
    s.add(Rec("R2", "S2", "B"), Rec("RW", "S2", "W"))
    s.seize("KZ", "S-1", "2025-03-05", consignments=(r1,))
    s.write(store)
    assert service.refresh_communities(store, weights=w)["alerts"] == 0  # the seized record is not news about itself
    reports.record_flag(store, Viewer.all(), {"label": "Container", "value": K5, "reason": "watch list"})
    reports.record_flag(store, Viewer.all(), {"target": ids.node_id("Phone", PHONE), "reason": "tip-off"})
    r3, r4, r5, r6, r7 = s.add(Rec("R3", "S1", "C"), Rec("R4", "X", "Y", containers=(K5,)), Rec("R5", "Z", "W"),
                               Rec("R6", "D", "A"), Rec("R7", "T", "A", originator="TR", scope="originator"))
    s.write(store)
    summary = service.refresh_communities(store, weights=w)
    listed = alerts.list_alerts(store, Viewer.all(), limit=100)
    assert summary["alerts"] == listed["total"]
    kinds = by_kind(listed["items"])
    seized = {(a["record"]["record"], a["target"]["id"]) for a in kinds["seized_actor"]}
    assert seized == {(r3.id, actor_id("S1")), (r6.id, actor_id("A")), (r7.id, actor_id("A"))}
    assert all(a["via"]["record"]["record_id"] == "S-1" for a in kinds["seized_actor"])
    assert [a["record"]["record"] for a in kinds["flagged_container"]] == [r4.id]
    assert "watch list" in kinds["flagged_container"][0]["via"]["label"]
    assert {a["record"]["record"] for a in kinds["flagged_identifier"]} == {r5.id}
    assert set(kinds) == {"seized_actor", "flagged_container", "flagged_identifier"}
    # each alert names its record with file and row, and says what triggered it
    for a in listed["items"]:
        assert a["record"]["file"] and a["record"]["row"] and a["trigger"] and a["status"] == "new"
    # Kazakhstan does not see the Turkish record, nor its alert
    kz = alerts.list_alerts(store, Viewer("KZ"), limit=100)
    assert kz["total"] == listed["total"] - 1 and r7.id not in {a["record"]["record"] for a in kz["items"]}
    # nothing new: no new alerts
    assert service.refresh_communities(store, weights=w)["alerts"] == 0


def test_risk_rising_above_the_threshold(store: GraphStore, tmp_path: Path) -> None:
    shipped = load_weights()
    tier1, c = shipped.indicators.chpl_goods.tiers["1"], shipped.indicators.community.weight
    # H and its supplier form a community of two: each gets a share c of the other's score
    one, two = tier1 * (1 + c), tier1 * (1 + shipped.saturation) * (1 + c)  # after one, two CHPL records
    w = weights(tmp_path, (one + two) / 2)
    s = Scenario()
    s.actor("SUP")
    s.actor("H")
    s.add(Rec("C1", "SUP", "H", hs6="854231", dep="2025-01-10"))
    s.write(store)
    first = service.refresh_communities(store, weights=w)
    assert first["alerts"] == 0
    second = s.add(Rec("C2", "SUP", "H", hs6="854231", dep="2025-04-10"))[0]
    s.write(store)
    service.refresh_communities(store, weights=w)
    raised = [a for a in alerts.list_alerts(store, Viewer.all())["items"] if a["kind"] == "risk_threshold"]
    assert {a["target"]["id"] for a in raised} == {actor_id("H"), actor_id("SUP")}
    h = next(a for a in raised if a["target"]["id"] == actor_id("H"))
    assert h["previous_score"] == pytest.approx(one) and h["score"] == pytest.approx(two)
    assert second.id in {r["record"] for r in h["records"]}


def test_seen_and_case_notes(store: GraphStore, tmp_path: Path) -> None:
    s = Scenario()
    for key in ("S1", "A", "B"):
        s.actor(key)
    r1 = s.add(Rec("R1", "S1", "A"))[0]
    s.seize("KZ", "S-1", "2025-03-05", consignments=(r1,))
    s.write(store)
    service.refresh_communities(store)
    s.add(Rec("R2", "B", "A"))
    s.write(store)
    service.refresh_communities(store)
    alert = alerts.list_alerts(store, Viewer.all())["items"][0]
    seen = alerts.mark_seen(store, alert["id"], Viewer.all(), by="analyst-kz")
    assert seen["status"] == "seen" and seen["seen_by"] == "analyst-kz"
    alerts.add_note(store, alert["id"], Viewer.all(), "case 2025/17 opened", by="analyst-kz")
    noted = alerts.add_note(store, alert["id"], Viewer.all(), "consignee called in", by="analyst-ge")
    assert [n["text"] for n in noted["notes"]] == ["case 2025/17 opened", "consignee called in"]
    assert noted["case_opened_at"] == noted["notes"][0]["at"]
    assert alerts.list_alerts(store, Viewer.all(), status="new")["total"] == 0
    assert alerts.list_alerts(store, Viewer.all(), status="seen")["items"][0]["id"] == alert["id"]
    with pytest.raises(NotFoundError):
        alerts.mark_seen(store, "alr_nope", Viewer.all())
    with pytest.raises(InputError):
        alerts.add_note(store, alert["id"], Viewer.all(), "  ")
