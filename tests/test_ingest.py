"""The ingest job on both stores: counting, idempotence, updates, forwarding, scopes, bad input."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
import yaml

from consignet import ids
from consignet.errors import InputError
from consignet.ingest.pipeline import ingest, jobs_from_paths
from consignet.scope import Viewer
from consignet.store.base import GraphStore

HEADER = ["№ декларации", "Отправитель", "Страна отправителя", "Получатель", "БИН получателя",
          "Тел. получателя", "Код ТН ВЭД", "Описание", "Вес брутто, кг", "Контейнер", "Порт погрузки",
          "Порт выгрузки", "Дата отправления", "Дата прибытия", "IMO", "Судно", "Страна-источник",
          "Примечание"]
PROFILE = {
    "source": "kz-test", "reporting_country": "KZ", "delimiter": ";", "encoding": "cp1251",
    "decimal": ",", "thousands": " ", "date_formats": ["%d.%m.%Y"],
    "scope": {"kind": "countries", "countries": ["GE", "UZ"]},
    "columns": {
        "№ декларации": "record_id", "Отправитель": "consignor_name", "Страна отправителя": "consignor_country",
        "Получатель": "consignee_name", "БИН получателя": "consignee_tax_id", "Тел. получателя": "consignee_phone",
        "Код ТН ВЭД": "hs_code", "Описание": "goods_description", "Вес брутто, кг": "gross_mass_kg",
        "Контейнер": "containers", "Порт погрузки": "port_loading", "Порт выгрузки": "port_discharge",
        "Дата отправления": "departure_date", "Дата прибытия": "arrival_date", "IMO": "imo",
        "Судно": "vessel_name", "Страна-источник": "originator"},
}
GOOD = ["D1", "Shenzhen Best Electronics Co., Ltd.", "CN", "ТОО «Шелковый путь»", "", "+7 701 123 4567",
        "8542.31", "интегральные схемы", "1 250,5", "MSCU 123456-6", "CNSHA", "GEPTI", "01.03.2025",
        "20.03.2025", "IMO 9074729", "MSC ANNA", "", "срочно"]


def _row(**changes: str) -> list[str]:
    row = list(GOOD)
    for name, value in changes.items():
        row[HEADER.index(name)] = value
    return row


def write_case(folder: Path, rows: list[list[str]], name: str = "kz.csv",
               profile: dict | None = None) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    with path.open("w", encoding="cp1251", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(HEADER)
        writer.writerows(rows)
    prof = folder / f"{name}.yaml"
    prof.write_text(yaml.safe_dump(profile or PROFILE, allow_unicode=True), encoding="utf-8")
    return path, prof


def run(store: GraphStore, tmp_path: Path, path: Path, prof: Path) -> dict:
    return ingest(store, jobs_from_paths([path], prof), tmp_path / "rejects").as_dict()


BAD_ROWS = {
    "containers": _row(**{"№ декларации": "B1", "Контейнер": "MSCU1234565"}),
    "port_discharge": _row(**{"№ декларации": "B2", "Порт выгрузки": "GEXXQ"}),
    "hs_code": _row(**{"№ декларации": "B3", "Код ТН ВЭД": "8542.9"}),
    "gross_mass_kg": _row(**{"№ декларации": "B4", "Вес брутто, кг": "0"}),
    "arrival_date": _row(**{"№ декларации": "B5", "Дата прибытия": "01.01.2025"}),
    "consignor_country": _row(**{"№ декларации": "B6", "Страна отправителя": "Atlantis"}),
    "departure_date": _row(**{"№ декларации": "B7", "Дата отправления": "31.02.2025"}),
    "record_id": _row(**{"№ декларации": ""}),
    "row": [*_row(**{"№ декларации": "B8"}), "surplus;cell"],  # more cells than the header
}


def test_every_record_is_counted_once_and_rejects_name_file_row_field(store: GraphStore,
                                                                       tmp_path: Path) -> None:
    rows = [GOOD, _row(**{"№ декларации": "D2", "IMO": "IMO 9074728"}), *BAD_ROWS.values(), GOOD]
    path, prof = write_case(tmp_path / "in", rows)
    summary = run(store, tmp_path, path, prof)
    assert summary["read"] == 3 + len(BAD_ROWS)
    assert summary["loaded"] == 2 and summary["duplicates"] == 1 and summary["updated"] == 0
    assert summary["rejected"] == len(BAD_ROWS)
    assert summary["warned"] == 1  # the IMO check digit fails: a warning, not a reject
    assert summary["read"] == (summary["loaded"] + summary["updated"] + summary["duplicates"]
                               + summary["rejected"])
    assert summary["files"][0]["reconciled"]
    assert any("Примечание" in w for w in summary["files"][0]["warnings"])
    with open(summary["rejects_file"], encoding="utf-8") as fh:
        rejects = list(csv.DictReader(fh))
    assert {r["field"] for r in rejects} == set(BAD_ROWS)
    for r in rejects:
        assert r["file"] == "kz.csv" and r["reason"]
        expected_row = 2 + rows.index(BAD_ROWS[r["field"]])
        assert int(r["row"]) == expected_row
        raw = json.loads(r["raw_record"])
        assert raw.get("Отправитель", raw.get("cell_2")) == GOOD[1]
    assert summary["consignments"] == 2


def test_reingest_adds_nothing_and_update_keeps_previous_version(store: GraphStore, tmp_path: Path) -> None:
    path, prof = write_case(tmp_path / "in", [GOOD, _row(**{"№ декларации": "D2"})])
    first = run(store, tmp_path, path, prof)
    stats_before = store.stats(Viewer.all())
    again = run(store, tmp_path, path, prof)
    assert (again["loaded"], again["updated"], again["duplicates"]) == (0, 0, 2)
    stats_after = store.stats(Viewer.all())
    # the only new node is the audit record of the second run
    assert stats_after["nodes"].pop("IngestRun") == stats_before["nodes"].pop("IngestRun") + 1
    assert stats_after == stats_before
    assert first["actors"] == again["actors"] > 0
    changed, prof2 = write_case(tmp_path / "in2", [GOOD, _row(**{"№ декларации": "D2", "Вес брутто, кг": "999"})])
    third = run(store, tmp_path, changed, prof2)
    assert (third["loaded"], third["updated"], third["duplicates"]) == (0, 1, 1)
    stats = store.stats(Viewer.all())
    assert stats["nodes"]["Consignment"] == 2
    assert stats["nodes"]["ConsignmentVersion"] == 1
    node = store.get_node(ids.node_id("Consignment", "KZ", "D2"), Viewer.all())
    assert node and node["props"]["version"] == 2 and node["props"]["gross_mass_kg"] == 999


def test_forwarded_record_adds_provenance_not_a_record(store: GraphStore, tmp_path: Path) -> None:
    path, prof = write_case(tmp_path / "kz", [GOOD])
    run(store, tmp_path, path, prof)
    tm_profile = {**PROFILE, "source": "tm-forward", "reporting_country": "TM"}
    fwd, fwd_prof = write_case(tmp_path / "tm", [_row(**{"Страна-источник": "KZ"})], profile=tm_profile)
    summary = run(store, tmp_path, fwd, fwd_prof)
    assert summary["duplicates"] == 1 and summary["loaded"] == 0
    node = store.get_node(ids.node_id("Consignment", "KZ", "D1"), Viewer.all())
    assert node and node["props"]["forwarded_by"] == ["TM"]


def test_scope_comes_from_the_profile(store: GraphStore, tmp_path: Path) -> None:
    path, prof = write_case(tmp_path / "in", [GOOD])
    run(store, tmp_path, path, prof)
    cid = ids.node_id("Consignment", "KZ", "D1")
    assert store.get_node(cid, Viewer("GE")) is not None
    assert store.get_node(cid, Viewer("TR")) is None
    assert store.stats(Viewer("TR"))["consignments_by_country"] == {}


def test_unreadable_file_stops_the_run_before_anything_is_written(store: GraphStore, tmp_path: Path) -> None:
    good, prof = write_case(tmp_path / "in", [GOOD])
    missing_column = {**PROFILE, "columns": {**PROFILE["columns"], "HS-код (нет)": "hs_code"}}
    del missing_column["columns"]["Код ТН ВЭД"]
    (tmp_path / "bad.yaml").write_text(yaml.safe_dump(missing_column, allow_unicode=True), encoding="utf-8")
    jobs = jobs_from_paths([good], prof) + jobs_from_paths([good], tmp_path / "bad.yaml")
    with pytest.raises(InputError, match="kz.csv"):
        ingest(store, jobs, tmp_path / "rejects")
    assert store.stats(Viewer.all())["consignments_by_country"] == {}


def test_mentions_keep_raw_names_and_identifiers(store: GraphStore, tmp_path: Path) -> None:
    path, prof = write_case(tmp_path / "in", [GOOD, _row(**{"№ декларации": "D2",
                                                            "Получатель": 'ТОО "Шелковый путь"'})])
    run(store, tmp_path, path, prof)
    rows = store.mention_assignments(Viewer.all())
    names = sorted(r["name"] for r in rows if r["role"] == "consignee")
    assert names == ['ТОО "Шелковый путь"', "ТОО «Шелковый путь»"]
    assert all(r["file"] == "kz.csv" and r["row"] in (2, 3) for r in rows)
    consignees = {r["actor_id"] for r in rows if r["role"] == "consignee"}
    assert len(consignees) == 1 and None not in consignees  # same name and phone: one actor
    stats = store.stats(Viewer.all())
    assert stats["nodes"]["Phone"] == 1 and stats["nodes"]["Container"] == 1
    assert stats["nodes"]["Vessel"] == 1 and stats["relationships"]["SHIPPED_TO"] == 1
