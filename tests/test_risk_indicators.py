"""Every risk indicator on a small graph built for it, on both stores: it fires where the published rule says,
not where it does not, with the records behind it and points from the weights file."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from test_risk_support import Rec, Scenario, actor_id, box, kz_bin

from consignet.analysis import service
from consignet.analysis.risk import RiskModel
from consignet.analysis.weights import DEFAULT_PATH, Weights, load_weights
from consignet.scope import Viewer
from consignet.store.base import GraphStore

K1, K2, K9 = box("MSCU100001"), box("MSCU100002"), box("TGHU900009")
W = load_weights()


def scenario() -> tuple[Scenario, dict[str, Rec]]:
    s = Scenario()
    for key in ("SUP", "BUY1", "SUP2", "BUY2", "SUPH", "BUYH", "LLS", "LLR", "SPS", "SPR", "SPS2", "SPR2", "RLS",
                "RLX", "RLY", "CLA", "CLB", "CLC", "CLD", "VOS", "VOR", "VGS", "VGR", "OLDS", "PXS", "PXA", "PXB",
                "CKS", "CKR", "CKT", "CKU"):
        s.actor(key)
    s.actor("NEWCO", tax=("kz.bin", kz_bin("2501")))
    s.actor("NEWCO2", tax=("kz.bin", kz_bin("2501", "54321")))
    s.actor("OLDCO", tax=("kz.bin", kz_bin("1901")))
    s.actor("FWD", "Silk Road Logistics LLP")
    s.actor("FWD2", "Caspian Freight Forwarding LLP")
    s.actor("SC1", phone="+77010000001")
    s.actor("SC2", phone="+77010000001")
    r: dict[str, Rec] = {}

    def add(name: str, *args: object, **kw: object) -> None:
        r[name] = s.add(Rec(name, *args, **kw))[0]  # type: ignore[arg-type]

    add("CHPL", "SUP", "BUY1", hs6="854231")
    add("PLAIN", "SUP2", "BUY2", hs6="940360")
    add("HUB", "SUPH", "BUYH", hs6="854232", tss=("AEJEA",))
    add("HUB_PLAIN", "SUPH", "BUYH", hs6="940360", tss=("AEJEA",))
    add("HUB_DEST", "SUPH", "BUYH", hs6="854232", tss=("GEBUS",))
    add("LL", "LLS", "LLR", mode="sea", pod="KZALA")
    add("LL_CASPIAN", "LLS", "LLR", mode="sea", pod="KZAAU")
    add("LL_RAIL", "LLS", "LLR", mode="rail", pod="KZALA")
    for i, day in enumerate(("2025-05-01", "2025-05-03", "2025-05-05")):
        add(f"SPLIT{i}", "SPS", "SPR", hs6="851762", dep=day, mass=200.0 + i, value=20000.0)
    add("SPLIT_LATE", "SPS", "SPR", hs6="851762", dep="2025-06-20", mass=210.0, value=21000.0)
    add("SPLIT_BIG", "SPS", "SPR", hs6="851762", dep="2025-05-02", mass=15000.0)
    for i, day in enumerate(("2025-05-01", "2025-05-04")):  # two shipments, each reported by two countries
        for origin in ("KZ", "GE"):
            add(f"COPY{i}{origin}", "SPS2", "SPR2", hs6="851762", dep=day, mass=250.0, originator=origin)
    add("COPY_THIRD", "SPS2", "SPR2", hs6="851762", dep="2025-05-30", mass=250.0)
    add("LEG1", "RLS", "RLX", hs6="854233", dep="2025-06-01", arr="2025-06-10")
    add("LEG2", "RLX", "RLY", hs6="854233", dep="2025-06-14", pol="KZAAU", pod="AZBAK")
    add("LEG_OTHER_HS", "RLX", "RLY", hs6="940360", dep="2025-06-14")
    add("LEG_BACK", "RLX", "RLS", hs6="854233", dep="2025-06-15")
    add("CLONE1", "CLA", "CLB", dep="2025-07-01", arr="2025-07-20", containers=(K1,))
    add("CLONE2", "CLC", "CLD", pol="ITGOA", pod="TRMER", dep="2025-07-05", arr="2025-07-12", containers=(K1,))
    add("SAME_KZ", "CLA", "CLB", dep="2025-08-01", arr="2025-08-20", containers=(K2,))
    add("SAME_GE", "CLA", "CLB", dep="2025-08-01", arr="2025-08-20", containers=(K2,), originator="GE")
    add("OUTLIER", "VOS", "VOR", value=600.0)
    add("VAGUE", "VGS", "VGR", hs6="847330", description="Spare parts")
    add("VAGUE_RU", "VGS", "VGR", hs6="851762", description="Запасные части, комплектующие")
    add("VAGUE_94", "VGS", "VGR", hs6="940360", description="Spare parts")
    add("SPECIFIC", "VGS", "VGR", hs6="854231", description="Integrated circuits (microcontrollers)")
    add("NEW", "SUP", "NEWCO", hs6="854231", dep="2025-04-01")
    add("NEW_PLAIN", "SUP", "NEWCO2", hs6="940360", dep="2025-04-01")
    add("OLD", "OLDS", "OLDCO", hs6="854231", dep="2025-04-01")
    add("FWD_CHPL", "SUP", "FWD", hs6="854231")
    add("FWD_PLAIN", "SUP", "FWD2", hs6="940360")
    add("SHARED1", "SUP2", "SC1")
    add("SHARED2", "SUP2", "SC2")
    add("PX1", "PXS", "PXA", dep="2025-02-01")
    add("PX2", "PXB", "PXA", dep="2025-02-20")
    add("CK1", "CKS", "CKR", dep="2025-08-01", arr="2025-08-09", containers=(K9,))
    add("CK2", "CKU", "CKT", dep="2025-10-01", arr="2025-10-20", containers=(K9,))  # other traders
    s.seize("KZ", "S-PX1", "2025-02-10", consignments=(r["PX1"],))
    s.seize("KZ", "S-K9", "2025-08-10", containers=(K9,))
    return s, r


@pytest.fixture()
def built(store: GraphStore) -> tuple[RiskModel, dict[str, Rec]]:
    s, recs = scenario()
    s.write(store)
    return service.get_model(store, Viewer.all()), recs


def fired(model: RiskModel, indicator: str) -> set[str]:
    return {cid for cid, cs in model.consignment.items() if any(c.indicator == indicator for c in cs)}


def points(model: RiskModel, cid: str, indicator: str) -> float:
    return sum(c.points for c in model.consignment.get(cid, []) if c.indicator == indicator)


def actor_points(model: RiskModel, key: str, indicator: str) -> float:
    return sum(c.points for c in model.actor.get(actor_id(key), []) if c.indicator == indicator)


def ids_of(recs: dict[str, Rec], *names: str) -> set[str]:
    return {recs[n].id for n in names}


def test_chpl_goods_by_tier(built: tuple[RiskModel, dict[str, Rec]]) -> None:
    model, r = built
    assert points(model, r["CHPL"].id, "chpl_goods") == W.indicators.chpl_goods.tiers["1"]
    assert r["PLAIN"].id not in fired(model, "chpl_goods")
    # an actor's records of one indicator saturate: SUP consigned CHPL goods three times
    sup = [c for c in model.actor[actor_id("SUP")] if c.indicator == "chpl_goods"][0]
    tier1 = W.indicators.chpl_goods.tiers["1"]
    assert sup.count == 3
    assert sup.points == pytest.approx(tier1 * (1 + W.saturation + W.saturation ** 2))


def test_transshipment_through_listed_hubs_for_chpl_goods(built: tuple[RiskModel, dict[str, Rec]]) -> None:
    model, r = built
    hub = fired(model, "transshipment_hub")
    assert r["HUB"].id in hub
    assert not hub & ids_of(r, "HUB_PLAIN", "HUB_DEST")  # ordinary goods; transshipped in the destination


def test_sea_discharge_inland_in_a_landlocked_country(built: tuple[RiskModel, dict[str, Rec]]) -> None:
    model, r = built
    assert fired(model, "sea_discharge_landlocked") & ids_of(r, "LL", "LL_CASPIAN", "LL_RAIL") == ids_of(r, "LL")


def test_split_shipments(built: tuple[RiskModel, dict[str, Rec]]) -> None:
    model, r = built
    split = fired(model, "split_shipment")
    assert split & {x.id for x in r.values()} == ids_of(r, "SPLIT0", "SPLIT1", "SPLIT2")
    detail = next(c for c in model.consignment[r["SPLIT0"].id] if c.indicator == "split_shipment")
    assert set(detail.records) == ids_of(r, "SPLIT0", "SPLIT1", "SPLIT2")


def test_relay_within_days_same_hs6(built: tuple[RiskModel, dict[str, Rec]]) -> None:
    model, r = built
    relay = fired(model, "relay")
    assert ids_of(r, "LEG1", "LEG2") <= relay
    assert not relay & ids_of(r, "LEG_OTHER_HS", "LEG_BACK")
    leg2 = next(c for c in model.consignment[r["LEG2"].id] if c.indicator == "relay")
    assert r["LEG1"].id in leg2.records and "4 days later" in leg2.detail


def test_container_in_two_places_at_once(built: tuple[RiskModel, dict[str, Rec]]) -> None:
    model, r = built
    clone = fired(model, "container_clone")
    assert ids_of(r, "CLONE1", "CLONE2") <= clone
    assert not clone & ids_of(r, "SAME_KZ", "SAME_GE")  # one shipment reported by two countries


def test_value_far_from_peers(built: tuple[RiskModel, dict[str, Rec]]) -> None:
    model, r = built
    outliers = fired(model, "value_outlier")
    assert r["OUTLIER"].id in outliers
    assert r["PLAIN"].id not in outliers and r["CHPL"].id not in outliers


def test_vague_descriptions_on_chapters_84_85_88_90(built: tuple[RiskModel, dict[str, Rec]]) -> None:
    model, r = built
    vague = fired(model, "vague_description")
    assert vague & ids_of(r, "VAGUE", "VAGUE_RU", "VAGUE_94", "SPECIFIC") == ids_of(r, "VAGUE", "VAGUE_RU")


def test_new_kazakh_company_receiving_chpl_goods(built: tuple[RiskModel, dict[str, Rec]]) -> None:
    model, _ = built
    assert actor_points(model, "NEWCO", "new_company") == W.indicators.new_company.weight
    assert actor_points(model, "NEWCO2", "new_company") == 0  # ordinary goods
    assert actor_points(model, "OLDCO", "new_company") == 0  # registered in 2019


def test_forwarder_or_trading_house_consignee(built: tuple[RiskModel, dict[str, Rec]]) -> None:
    model, _ = built
    assert actor_points(model, "FWD", "forwarder_consignee") == W.indicators.forwarder_consignee.weight
    assert actor_points(model, "FWD2", "forwarder_consignee") == 0  # ordinary goods


def test_shared_contact_and_common_identifiers(store: GraphStore, tmp_path: Path) -> None:
    s, _ = scenario()
    for key in ("X1", "X2", "X3"):
        s.actor(key, phone="+77010000002")
        s.add(Rec(f"R{key}", "SUP", key))
    s.write(store)
    model = service.get_model(store, Viewer.all())
    for key in ("SC1", "SC2", "X1", "X2", "X3"):
        assert actor_points(model, key, "shared_contact") == W.indicators.shared_contact.weight, key
    strict = _weights(tmp_path, common_threshold=3)  # now the phone of X1..X3 is common: no link
    model = service.get_model(store, Viewer.all(), strict)
    assert actor_points(model, "X1", "shared_contact") == 0
    assert actor_points(model, "SC1", "shared_contact") == strict.indicators.shared_contact.weight


def test_proximity_to_seizures_through_links(built: tuple[RiskModel, dict[str, Rec]]) -> None:
    model, r = built
    w = W.indicators.proximity
    pxa = next(c for c in model.actor[actor_id("PXA")] if c.indicator == "proximity")
    assert pxa.points == pytest.approx(w.weight)  # consignee of the seized consignment
    pxb = model.expand(next(c for c in model.actor[actor_id("PXB")] if c.indicator == "proximity"))
    assert pxb.points == pytest.approx(w.weight * w.decay)  # traded with that consignee
    assert [step["node"] for step in pxb.path][1:] == [r["PX1"].id, actor_id("PXA"), r["PX2"].id, actor_id("PXB")]
    assert "2 hops" in pxb.detail and r["PX1"].id in pxb.records
    # a seized container: the trip it was seized on fully, its later trip through the equipment only
    assert points(model, r["CK1"].id, "proximity") == pytest.approx(w.weight)
    assert points(model, r["CK2"].id, "proximity") == pytest.approx(w.weight * w.link_factors["container"])


def test_every_score_is_the_sum_of_its_explained_contributions(built: tuple[RiskModel, dict[str, Rec]]) -> None:
    model, _ = built
    assert model.ranking
    for aid in model.ranking:
        contributions = [model.expand(c) for c in model.actor[aid]]
        assert model.actor_score[aid] == pytest.approx(sum(c.points for c in contributions), abs=1e-3)
        for c in contributions:
            assert c.detail
            assert c.records or c.indicator == "community", (aid, c.indicator)
            assert all(x in model.facts.records or x.startswith("szr_") for x in c.records)


def test_weights_file_errors_name_the_file_and_field(tmp_path: Path) -> None:
    from consignet.errors import InputError

    bad = tmp_path / "w.yaml"
    data = yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))
    data["indicators"]["relay"]["window_days"] = -1
    bad.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(InputError, match=r"w\.yaml: field indicators\.relay\.window_days"):
        load_weights(bad)
    with pytest.raises(InputError, match="cannot read"):
        load_weights(tmp_path / "missing.yaml")


def _weights(tmp_path: Path, **changes: object) -> Weights:
    data = yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))
    data.update(changes)
    path = tmp_path / f"weights-{len(list(tmp_path.iterdir()))}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return load_weights(path)


def test_an_agency_points_the_setting_at_its_own_weights(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from consignet.analysis.weights import weights_path

    assert load_weights().path == str(DEFAULT_PATH)
    own = _weights(tmp_path, alert_threshold=25.0)
    monkeypatch.setenv("CONSIGNET_RISK_WEIGHTS", own.path)
    assert weights_path() == Path(own.path)
    assert load_weights().alert_threshold == 25.0


def test_a_flag_seeds_proximity_by_its_severity(store: GraphStore) -> None:
    from consignet.analysis import reports

    s, _ = scenario()
    s.write(store)
    reports.record_flag(store, Viewer.all(), {"target": actor_id("VOS"), "reason": "tip-off", "severity": "low"})
    model = service.get_model(store, Viewer.all())
    w = W.indicators.proximity
    vos = next(c for c in model.actor[actor_id("VOS")] if c.indicator == "proximity")
    assert vos.points == pytest.approx(w.weight * w.severity_factors["low"])
    assert "flag 'tip-off'" in model.expand(vos).detail
