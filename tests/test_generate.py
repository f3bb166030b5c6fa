"""`consignet generate`: the sample is reproducible, readable through its own profiles, and its truth is
true — checked against the public code lists in /work/shared/refdata, not against the generator's own."""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import phonenumbers
import pytest
import yaml
from stdnum import imo as imo_check
from stdnum import iso6346
from stdnum.az import voen
from stdnum.bg import vat as bg_vat
from stdnum.cn import uscc
from stdnum.it import iva
from stdnum.pl import nip
from stdnum.ru import inn
from stdnum.tr import vkn

from consignet.errors import InputError
from consignet.ingest.generate import generate
from consignet.ingest.generate.refdata import CHPL, PLACES, VESSELS
from consignet.ingest.profile import Profile, load_profile

REFDATA = Path(__file__).resolve().parents[2] / "shared" / "refdata"
PROFILES = Path(__file__).resolve().parents[1] / "graph_ingest" / "profiles"
N = 600
SEED = 7


# -- reference data (test inputs only) ---------------------------------------------------------------
@pytest.fixture(scope="module")
def refdata() -> dict[str, Any]:
    if not REFDATA.is_dir():
        pytest.fail(f"reference data missing: {REFDATA} (the tests check codes against it)")
    locodes: dict[str, str] = {}
    with (REFDATA / "unlocode.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            locodes.setdefault(r["country"] + r["location"], r["function"])
    with (REFDATA / "hs2022.csv").open(encoding="utf-8") as fh:
        hs6 = {r["hscode"] for r in csv.DictReader(fh) if r["level"] == "6"}
    with (REFDATA / "vessels-3.csv").open(encoding="utf-8") as fh:
        vessels = {r["imo"]: r["vessel_name"] for r in csv.DictReader(fh)}
    with (REFDATA / "chpl.csv").open(encoding="utf-8") as fh:
        chpl = {r["hs6"]: r["tier"] for r in csv.DictReader(fh)}
    with (REFDATA / "country-codes.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, dialect="excel"))
    countries = {r["ISO3166-1-Alpha-2"] for r in rows if r["ISO3166-1-Alpha-2"]}
    alpha3 = {r["ISO3166-1-Alpha-3"]: r["ISO3166-1-Alpha-2"] for r in rows if r["ISO3166-1-Alpha-3"]}
    landlocked = {r["ISO3166-1-Alpha-2"] for r in rows if r["Land Locked Developing Countries (LLDC)"].strip()}
    return {"locodes": locodes, "hs6": hs6, "vessels": vessels, "chpl": chpl, "countries": countries,
            "alpha3": alpha3, "landlocked": landlocked}


# -- the sample ---------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("sample")
    manifest = generate(out, consignments=N, seed=SEED)
    truth = json.loads((out / "truth.json").read_text(encoding="utf-8"))
    files: dict[str, dict[int, dict[str, Any]]] = {}
    headers: dict[str, list[str]] = {}
    profiles: dict[str, Profile] = {}
    for entry in manifest.files:
        prof = load_profile(out / entry.profile)
        headers[entry.path], rows = read_file(out / entry.path, prof)
        files[entry.path] = rows
        profiles[entry.path] = prof
    return {"out": out, "manifest": manifest, "truth": truth, "files": files, "headers": headers,
            "profiles": profiles}


def read_file(path: Path, prof: Profile) -> tuple[list[str], dict[int, dict[str, Any]]]:
    """Read one file with the standard library / openpyxl, numbering rows as the readers do."""
    if prof.format == "csv":
        with path.open(encoding=prof.encoding, newline="") as fh:
            reader = csv.reader(fh, delimiter=prof.delimiter or ",")
            header = next(reader)
            return header, {i: dict(zip(header, r, strict=True)) for i, r in enumerate(reader, start=2)}
    if prof.format == "xlsx":
        wb = openpyxl.load_workbook(path, read_only=True)
        assert prof.sheet in wb.sheetnames, f"{path}: no sheet {prof.sheet!r}"
        it = wb[prof.sheet].iter_rows(values_only=True)
        header = [str(h) for h in next(it)]
        rows = {i: dict(zip(header, r, strict=True)) for i, r in enumerate(it, start=2)}
        wb.close()
        return header, rows
    text = path.read_text(encoding="utf-8")
    objects = json.loads(text) if prof.format == "json" else [json.loads(line) for line in text.splitlines()]
    keys = [list(o) for o in objects]
    header = keys[0] if keys else list(prof.columns)
    assert all(k == header for k in keys), f"{path}: objects do not all have the same keys"
    return header, {i: o for i, o in enumerate(objects, start=1)}


def column(prof: Profile, field: str) -> str | None:
    return next((h for h, f in prof.columns.items() if f == field), None)


def cells(sample: dict[str, Any], field: str):
    """(file, row number, cell) for every non-empty cell of a canonical field across consignment files."""
    for path, rows in sample["files"].items():
        prof = sample["profiles"][path]
        col = column(prof, field)
        if col is None:
            continue
        for n, row in rows.items():
            if row.get(col) not in (None, ""):
                yield path, n, row[col], prof


def bad(sample: dict[str, Any], field: str) -> set[tuple[str, int]]:
    return {(b["file"], b["row"]) for b in sample["truth"]["bad_rows"] if b["field"] == field}


def parse_date(value: Any, prof: Profile) -> date:
    if isinstance(value, datetime):
        return value.date()
    return datetime.strptime(str(value), prof.date_formats[0]).date()


def to_float(value: Any, prof: Profile) -> float:
    if isinstance(value, int | float):
        return float(value)
    text = str(value).replace(prof.thousands, "") if prof.thousands else str(value)
    return float(text.replace(prof.decimal, "."))


def to_alpha2(value: str, ref: dict[str, Any]) -> str | None:
    if value in ref["countries"]:
        return value
    return ref["alpha3"].get(value)


# -- tests --------------------------------------------------------------------------------------------
def test_same_seed_same_bytes_other_seed_other_data(tmp_path: Path) -> None:
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    generate(a, consignments=300, seed=11)
    generate(b, consignments=300, seed=11)
    generate(c, consignments=300, seed=12)
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files_a == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    for rel in files_a:
        if rel.name == "manifest.json":
            ma, mb = (json.loads((d / rel).read_text()) for d in (a, b))
            ma.pop("created"), mb.pop("created")
            assert ma == mb
        else:
            assert (a / rel).read_bytes() == (b / rel).read_bytes(), f"{rel} differs between two runs"
    assert (a / "truth.json").read_bytes() != (c / "truth.json").read_bytes()


def test_rejects_sizes_out_of_range(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="consignments"):
        generate(tmp_path, consignments=3)


def test_every_profile_validates_and_is_shipped(sample: dict[str, Any]) -> None:
    shipped = sorted(PROFILES.glob("*.yaml"))
    assert len(shipped) >= 14
    for path in shipped:
        Profile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    out = sample["out"]
    for entry in sample["manifest"].files:
        copy = out / entry.profile
        assert copy.read_bytes() == (PROFILES / copy.name).read_bytes()
        assert load_profile(copy).reporting_country == entry.country
    scopes = {load_profile(p).scope.kind for p in shipped}
    assert {"network", "countries"} <= scopes
    assert any("scope_kind" in load_profile(p).columns.values() for p in shipped)


def test_manifest_lists_every_file_with_its_row_count(sample: dict[str, Any]) -> None:
    m = sample["manifest"]
    raw = json.loads((sample["out"] / "manifest.json").read_text(encoding="utf-8"))
    assert raw["generator"] == "consignet" and raw["version"] == 1 and raw["seed"] == SEED
    assert raw["consignments"] == N and raw["truth"] == "truth.json"
    assert {"path", "profile", "country", "format", "rows"} == set(raw["files"][0])
    countries = {f.country for f in m.files}
    assert countries >= {"KZ", "UZ", "KG", "TJ", "TM", "AZ", "GE", "PK", "TR", "BG", "PL", "IT"}
    assert {f.format for f in m.files} == {"csv", "xlsx", "json", "ndjson"}
    for entry in m.files:
        assert len(sample["files"][entry.path]) == entry.rows, entry.path
    consignment_rows = sum(f.rows for f in m.files if "seizure" not in f.profile)
    assert N <= consignment_rows <= N * 1.1  # duplicates and forwarded copies come on top


def test_headers_match_profile_columns(sample: dict[str, Any]) -> None:
    for path, header in sample["headers"].items():
        assert header == list(sample["profiles"][path].columns), path


def test_encodings_are_what_the_profiles_say(sample: dict[str, Any]) -> None:
    out = sample["out"]
    for entry in sample["manifest"].files:
        prof = sample["profiles"][entry.path]
        raw = (out / entry.path).read_bytes()
        if prof.encoding == "utf-8-sig":
            assert raw.startswith(b"\xef\xbb\xbf")
        if prof.encoding in ("cp1251", "cp1250"):
            with pytest.raises(UnicodeDecodeError):
                raw.decode("utf-8")


def test_mentions_point_at_real_rows(sample: dict[str, Any]) -> None:
    truth, files = sample["truth"], sample["files"]
    assert len(truth["mentions"]) > 2 * N
    for m in truth["mentions"]:
        prof = sample["profiles"][m["file"]]
        row = files[m["file"]][m["row"]]
        assert row[column(prof, "record_id")] == m["record_id"]
        assert row[column(prof, f"{m['role']}_name")] == m["name"]
        assert m["actor"] in truth["actors"]
        assert m["reporting_country"] == prof.reporting_country


def test_one_actor_is_written_many_ways_across_scripts(sample: dict[str, Any]) -> None:
    names: dict[str, set[str]] = defaultdict(set)
    for m in sample["truth"]["mentions"]:
        names[m["actor"]].add(m["name"])
    cyrillic = re.compile("[\u0400-\u04ff]")
    mixed = [a for a, ns in names.items() if any(cyrillic.search(n) for n in ns) and any(
        not cyrillic.search(n) for n in ns)]
    assert len(mixed) >= 20
    busiest = max(names.values(), key=len)
    assert len(busiest) >= 8


def test_codes_exist_in_the_public_lists(sample: dict[str, Any], refdata: dict[str, Any]) -> None:
    for code, place in PLACES.items():
        assert code in refdata["locodes"], code
        assert place.seaport == refdata["locodes"][code].startswith("1"), code
    assert refdata["chpl"] == CHPL
    for number, name in VESSELS:
        assert refdata["vessels"].get(number) == name
    for field in ("port_loading", "port_discharge", "port_delivery", "transshipment_ports", "place"):
        spoiled = bad(sample, field)
        for path, n, value, prof in cells(sample, field):
            for code in str(value).split(prof.list_separator):
                assert ((code in refdata["locodes"]) != ((path, n) in spoiled)), (path, n, field, code)
    spoiled = bad(sample, "hs_code")
    seen = 0
    for path, n, value, _ in cells(sample, "hs_code"):
        digits = re.sub(r"[ .]", "", str(value))
        ok = len(digits) in (6, 8, 10, 12) and digits[:6] in refdata["hs6"]
        assert ok != ((path, n) in spoiled), (path, n, value)
        seen += 1
    assert seen > N / 2
    for path, n, value, _ in cells(sample, "imo"):
        number = str(value).removeprefix("IMO ").strip()
        assert imo_check.is_valid(number) and number in refdata["vessels"], (path, n, value)
        prof = sample["profiles"][path]
        vessel_col = column(prof, "vessel_name")
        if vessel_col:
            assert sample["files"][path][n][vessel_col] == refdata["vessels"][number]


def test_containers_valid_except_bad_rows(sample: dict[str, Any]) -> None:
    spoiled = bad(sample, "containers")
    count = 0
    for path, n, value, prof in cells(sample, "containers"):
        numbers = [re.sub(r"[\s-]", "", c) for c in str(value).split(prof.list_separator)]
        valid = [iso6346.is_valid(c) for c in numbers]
        if (path, n) in spoiled:
            assert not valid[0] and all(valid[1:]), (path, n, value)
        else:
            assert all(valid), (path, n, value)
        count += len(numbers)
    assert count > N / 2


def test_bad_rows_carry_the_defect_they_claim(sample: dict[str, Any], refdata: dict[str, Any]) -> None:
    truth, files = sample["truth"], sample["files"]
    reasons = {b["reason"] for b in truth["bad_rows"]}
    assert len(truth["bad_rows"]) >= N * 0.015
    assert len(reasons) >= 6
    for b in truth["bad_rows"]:
        prof = sample["profiles"][b["file"]]
        row = files[b["file"]][b["row"]]
        value = row[column(prof, b["field"])]
        reason = b["reason"]
        if reason == "missing required field":
            assert value in (None, "") and b["field"] in prof.required_fields()
        elif reason == "gross mass not positive":
            assert to_float(value, prof) <= 0
        elif reason == "arrival before departure":
            dep = parse_date(row[column(prof, "departure_date")], prof)
            assert parse_date(value, prof) < dep
        elif reason == "unparseable date":
            with pytest.raises(ValueError):
                datetime.strptime(str(value), prof.date_formats[0])
        elif reason == "unknown country":
            assert to_alpha2(str(value), refdata) is None
        elif reason == "unknown UN/LOCODE":
            assert value not in refdata["locodes"]
        elif reason == "unknown HS code":
            assert re.sub(r"[ .]", "", str(value))[:6] not in refdata["hs6"] or len(str(value)) not in (6, 8, 10, 12)


def test_good_rows_keep_the_rules(sample: dict[str, Any], refdata: dict[str, Any]) -> None:
    bad_rows = {(b["file"], b["row"]) for b in sample["truth"]["bad_rows"]}
    for path, rows in sample["files"].items():
        prof = sample["profiles"][path]
        if prof.record_type != "consignment":
            continue
        dep_col, arr_col = column(prof, "departure_date"), column(prof, "arrival_date")
        mass_col = column(prof, "gross_mass_kg")
        country_cols = [h for h, f in prof.columns.items() if f.endswith("_country")]
        for n, row in rows.items():
            if (path, n) in bad_rows:
                continue
            if dep_col and arr_col:
                assert parse_date(row[arr_col], prof) >= parse_date(row[dep_col], prof), (path, n)
            if mass_col:
                assert to_float(row[mass_col], prof) > 0, (path, n)
            if prof.reporting_country != "GE":  # Georgia writes country names
                for col in country_cols:
                    if row[col]:
                        assert to_alpha2(row[col], refdata), (path, n, col, row[col])


def test_duplicates_repeat_their_original(sample: dict[str, Any]) -> None:
    dups = sample["truth"]["duplicates"]
    assert dups, "no duplicate rows planted"
    kinds = {d["kind"] for d in dups}
    assert kinds <= {"same_file", "resent"}
    for d in dups:
        copy = sample["files"][d["file"]][d["row"]]
        orig = sample["files"][d["duplicate_of"]["file"]][d["duplicate_of"]["row"]]
        assert copy == orig
        assert (d["file"] == d["duplicate_of"]["file"]) == (d["kind"] == "same_file")


def test_forwarded_records_keep_the_originators_id(sample: dict[str, Any]) -> None:
    forwarded = sample["truth"]["forwarded"]
    assert forwarded
    for f in forwarded:
        prof = sample["profiles"][f["file"]]
        row = sample["files"][f["file"]][f["row"]]
        assert row[column(prof, "originator")] == f["forwarded_by"]
        orig = f["original"]
        oprof = sample["profiles"][orig["file"]]
        assert sample["files"][orig["file"]][orig["row"]][column(oprof, "record_id")] == row[column(prof, "record_id")]
        assert oprof.reporting_country == f["forwarded_by"]


def test_actor_identifiers_validate(sample: dict[str, Any]) -> None:
    checks = {"AZ": voen.is_valid, "PL": nip.is_valid, "IT": iva.is_valid, "BG": bg_vat.is_valid, "RU": inn.is_valid,
              "CN": uscc.is_valid}
    counted = 0
    for actor in sample["truth"]["actors"].values():
        for tid in actor["tax_ids"]:
            check = checks.get(actor["country"])
            if actor["country"] == "TR" and actor["kind"] == "company":
                check = vkn.is_valid
            if check:
                assert check(tid), (actor, tid)
                counted += 1
            if actor["country"] == "KZ" and actor["kind"] == "company":
                assert re.fullmatch(r"\d{12}", tid) and 1 <= int(tid[2:4]) <= 12
            if actor["country"] == "UZ" and actor["kind"] == "company":
                assert re.fullmatch(r"[23]\d{8}", tid)
        for number in actor["phones"]:
            assert phonenumbers.is_valid_number_for_region(phonenumbers.parse(number), actor["country"]), number
    assert counted > 20


def test_planted_networks_are_what_truth_says(sample: dict[str, Any], refdata: dict[str, Any]) -> None:
    truth, files = sample["truth"], sample["files"]
    assert len(truth["networks"]) >= 2

    def row_of(ref: dict[str, Any]) -> tuple[dict[str, Any], Profile]:
        prof = sample["profiles"][ref["file"]]
        row = files[ref["file"]][ref["row"]]
        assert row[column(prof, "record_id")] == ref["record_id"]
        return row, prof

    def get(ref: dict[str, Any], field: str) -> Any:
        row, prof = row_of(ref)
        col = column(prof, field)
        return row.get(col) if col else None

    def actor_of(ref: dict[str, Any], role: str) -> str | None:
        return next((m["actor"] for m in truth["mentions"] if m["file"] == ref["file"] and m["row"] == ref["row"]
                     and m["role"] == role), None)

    for net in truth["networks"]:
        members = [truth["actors"][a] for a in net["actors"]]
        assert all(m["network"] == net["id"] and m["planted"] for m in members)
        family = [m for m in members if m["role_in_network"] == "family" and m["kind"] == "company"]
        assert len({m["country"] for m in family}) >= 3 and len({t for m in family for t in m["tax_ids"]}) >= 3
        fronts = [m for m in members if m["role_in_network"] == "front" and m["phones"] == net["phones"]]
        assert len(fronts) >= 2
        kinds = {p["kind"] for p in net["patterns"]}
        assert kinds >= {"transshipment_hubs", "split_shipment", "relay", "family", "sea_discharge_landlocked",
                         "new_company_chpl", "container_reuse", "cloned_container"}
        reporting = {sample["profiles"][r["file"]].reporting_country for r in net["records"]}
        assert len(reporting) >= 3, "a network must show up in records shared by several countries"
        for pattern in net["patterns"]:
            refs = pattern["records"]
            for ref in refs:
                row_of(ref)
            if pattern["kind"] == "cloned_container":
                a, b = refs[0], refs[-1]
                shared = set(re.sub(r"[\s-]", "", c) for c in str(get(a, "containers")).split(
                    sample["profiles"][a["file"]].list_separator)) & set(re.sub(r"[\s-]", "", c) for c in str(
                        get(b, "containers")).split(sample["profiles"][b["file"]].list_separator))
                assert shared
                pa, pb = sample["profiles"][a["file"]], sample["profiles"][b["file"]]
                a0, a1 = parse_date(get(a, "departure_date"), pa), parse_date(get(a, "arrival_date"), pa)
                b0, b1 = parse_date(get(b, "departure_date"), pb), parse_date(get(b, "arrival_date"), pb)
                assert a0 <= b1 and b0 <= a1, "clone periods do not overlap"
                assert get(a, "port_loading") != get(b, "port_loading")
            if pattern["kind"] == "sea_discharge_landlocked":
                ref = refs[0]
                pod = get(ref, "port_discharge")
                assert get(ref, "transport_mode") == "sea"
                assert not refdata["locodes"][pod].startswith("1") and pod[:2] in refdata["landlocked"]
            if pattern["kind"] == "new_company_chpl":
                for ref in refs:
                    if sample["profiles"][ref["file"]].reporting_country != "KZ":
                        continue
                    hs = re.sub(r"[ .]", "", str(get(ref, "hs_code")))[:6]
                    assert refdata["chpl"][hs] == "1"
                    consignee = truth["actors"][actor_of(ref, "consignee")]
                    bin_ = consignee["tax_ids"][0]
                    registered = date(2000 + int(bin_[:2]), int(bin_[2:4]), 1)
                    dep = parse_date(get(ref, "departure_date"), sample["profiles"][ref["file"]])
                    assert 0 <= (dep - registered).days < 366
            if pattern["kind"] == "split_shipment":
                pairs = {(actor_of(r, "consignor"), actor_of(r, "consignee")) for r in refs}
                hs = {re.sub(r"[ .]", "", str(get(r, "hs_code")))[:6] for r in refs}
                deps = sorted(parse_date(get(r, "departure_date"), sample["profiles"][r["file"]]) for r in refs)
                assert len(pairs) == 1 and len(hs) == 1 and (deps[-1] - deps[0]).days <= 10 and len(refs) >= 3
            if pattern["kind"] == "relay":
                first, second = refs[0], refs[-1]
                assert actor_of(first, "consignee") == actor_of(second, "consignor")
                hs1 = re.sub(r"[ .]", "", str(get(first, "hs_code")))[:6]
                assert hs1 == re.sub(r"[ .]", "", str(get(second, "hs_code")))[:6] and hs1 in refdata["chpl"]


def test_seizures_name_planted_consignments(sample: dict[str, Any]) -> None:
    truth, files = sample["truth"], sample["files"]
    seizures = truth["seizures"]
    assert any(s["network"] for s in seizures)
    for s in seizures:
        prof = sample["profiles"][s["file"]]
        assert prof.record_type == "seizure"
        row = files[s["file"]][s["row"]]
        ref = s["consignment"]
        cprof = sample["profiles"][ref["file"]]
        assert row[column(prof, "consignment_ref")] == ref["record_id"]
        assert files[ref["file"]][ref["row"]][column(cprof, "record_id")] == ref["record_id"]
        assert re.sub(r"[\s-]", "", str(row[column(prof, "containers")])).split(prof.list_separator) == s["containers"]


def test_same_name_decoys_have_distinct_ids(sample: dict[str, Any]) -> None:
    actors = sample["truth"]["actors"]
    for group in sample["truth"]["decoys"]:
        assert len(group) >= 3
        assert len({actors[a]["name_native"] for a in group}) == 1
        assert len({actors[a]["tax_ids"][0] for a in group}) == len(group)
