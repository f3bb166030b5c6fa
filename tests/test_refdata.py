"""The shipped code lists and the cleaners agree with the public source files in ../shared/refdata.

These tests read the source files (never the product). They fail, not skip, when the files are absent.
"""

from __future__ import annotations

import csv
import gzip
import os
import random
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from stdnum import imo as stdnum_imo

from consignet import refdata
from consignet.values import country, hs, imo, locode

REPO = Path(__file__).resolve().parents[1]
LOCODE_PATTERN = re.compile(r"[A-Z]{2}[A-Z2-9]{3}")


def shared_refdata() -> Path:
    """../shared/refdata beside the checkout, else $CONSIGNET_SHARED_REFDATA; fail if neither has it."""
    beside = Path(__file__).resolve().parents[2] / "shared" / "refdata"
    env = os.environ.get("CONSIGNET_SHARED_REFDATA")
    for candidate in (beside, Path(env) if env else None):
        if candidate is not None and (candidate / "unlocode.csv").is_file():
            return candidate
    pytest.fail(
        f"reference data not found at {beside} nor in $CONSIGNET_SHARED_REFDATA ({env or 'unset'}): "
        "clone shared/ beside the repository or set CONSIGNET_SHARED_REFDATA",
        pytrace=False,
    )


def read_csv(name: str) -> list[dict[str, str]]:
    with (shared_refdata() / name).open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


@cache
def source_locodes() -> dict[str, dict[str, str]]:
    """Codes as a plain CSV reader sees them: the first record of every line, keyed by full code."""
    return {row["country"] + row["location"]: row for row in read_csv("unlocode.csv")}


def test_loaders_return_every_list() -> None:
    assert len(refdata.locodes()) > 100_000
    assert len(refdata.hs_nomenclature()) > 6_000
    assert len(refdata.countries()) > 240
    assert len(refdata.chpl()) == 50


def test_sample_of_2000_locodes_all_clean() -> None:
    codes = sorted(c for c in source_locodes() if LOCODE_PATTERN.fullmatch(c))
    sample = random.Random(6346).sample(codes, 2000)
    for code in sample:
        spaced = f"{code[:2]} {code[2:]}".lower()
        result = locode.clean(spaced)
        assert result.ok, f"{code}: {result.problem}"
        assert result.value == code


def test_every_well_formed_source_locode_is_shipped() -> None:
    shipped = refdata.locodes()
    missing = [c for c in source_locodes() if LOCODE_PATTERN.fullmatch(c) and c not in shipped]
    assert missing == []


def test_names_and_functions_match_the_source() -> None:
    rows = read_csv("unlocode.csv")
    seen: dict[str, int] = {}
    for row in rows:
        seen[row["country"] + row["location"]] = seen.get(row["country"] + row["location"], 0) + 1
    # Rows the source wrote cleanly (all 11 fields, a status, an 8-character function) and whose
    # code occurs once must come through unchanged.
    well_formed = [
        r
        for r in rows
        if None not in r
        and None not in r.values()
        and re.fullmatch(r"[A-Z]{2}", r["status"])
        and re.fullmatch(r"[-0-9B]{8}", r["function"])
        and seen[r["country"] + r["location"]] == 1
        and LOCODE_PATTERN.fullmatch(r["country"] + r["location"])
    ]
    assert len(well_formed) > 100_000
    for row in random.Random(1).sample(well_formed, 5000):
        info = locode.info(row["country"] + row["location"])
        assert info is not None
        assert (info.name, info.subdivision, info.function) == (
            row["nameWoDiacritics"].strip(),
            row["subdivision"].strip(),
            row["function"],
        )
        assert info.is_seaport is (row["function"][0] == "1")


def test_source_codes_breaking_the_pattern_are_rejected_with_the_format_reason() -> None:
    bad = [c for c in source_locodes() if not LOCODE_PATTERN.fullmatch(c)]
    assert bad, "the source is known to carry a few codes using 0/1"
    for code in bad:
        result = locode.clean(code)
        assert result.severity == "reject"
        assert "2-letter country code" in (result.problem or "")


def test_made_up_locodes_are_rejected() -> None:
    source = source_locodes()
    candidates = (f"KZ{a}{b}{c}" for a in "QXZ" for b in "QXZ" for c in "QXZ")
    made_up = [code for code in candidates if code not in source][:10]
    assert made_up
    for code in made_up:
        assert locode.clean(code).severity == "reject"


def test_every_hs_code_exists_and_cleans() -> None:
    ours = refdata.hs_nomenclature()
    rows = [r for r in read_csv("hs2022.csv") if r["hscode"] != "TOTAL"]
    for row in rows:
        code = row["hscode"]
        assert code in ours, code
        assert ours[code].level == int(row["level"])
        assert hs.description(code) == row["description"].strip()
        if row["level"] == "6":
            dotted = f"{code[:4]}.{code[4:]}"
            result = hs.clean(dotted)
            assert result.ok, f"{dotted}: {result.problem}"
            assert result.value.hs6 == code
    assert len(ours) == len(rows)


def test_made_up_hs6_is_rejected() -> None:
    source = {r["hscode"] for r in read_csv("hs2022.csv")}
    headings = sorted(c for c in source if len(c) == 4)
    made_up = next(f"{h}{n:02d}" for h in headings for n in range(1, 100) if f"{h}{n:02d}" not in source)
    result = hs.clean(made_up)
    assert result.severity == "reject"
    assert made_up in (result.problem or "")


def test_chpl_matches_source() -> None:
    rows = read_csv("chpl.csv")
    assert refdata.chpl() == {r["hs6"]: r["tier"] for r in rows}
    for row in rows:
        assert hs.clean(row["hs6"]).ok
        assert hs.chpl_tier(row["hs6"]) == row["tier"]


def test_countries_match_source() -> None:
    rows = read_csv("country-codes.csv")
    table = refdata.countries()
    assert set(table) == {r["ISO3166-1-Alpha-2"] for r in rows}
    for row in rows:
        a2 = row["ISO3166-1-Alpha-2"]
        assert country.clean(a2).value == a2
        assert country.clean(row["ISO3166-1-Alpha-3"]).value == a2
        assert country.clean(row["official_name_en"]).value == a2, row["official_name_en"]
        assert country.clean(row["official_name_ru"]).value == a2, row["official_name_ru"]
        lldc = bool(row["Land Locked Developing Countries (LLDC)"].strip())
        assert country.is_lldc(a2) is lldc
        if lldc:
            assert country.is_landlocked(a2)
        assert table[a2].numeric == row["ISO3166-1-numeric"].zfill(3)


def test_every_imo_of_the_container_ship_list_is_valid() -> None:
    rows = read_csv("vessels-3.csv")
    assert len(rows) > 4000
    for row in rows:
        result = imo.clean(f"IMO {row['imo']}")
        assert result.ok, f"{row['imo']} {row['vessel_name']}: {result.problem}"
        assert result.value == row["imo"].strip()


@pytest.mark.parametrize("name", ["vessels-4.csv", "vessels-5.csv"])
def test_imo_warnings_agree_with_stdnum(name: str) -> None:
    for row in read_csv(name):
        result = imo.clean(row["imo"])
        if stdnum_imo.is_valid(row["imo"]):
            assert result.ok and result.value == row["imo"]
        else:
            assert result.severity in {"warn", "reject"}, row["imo"]


def test_shipped_files_are_what_the_build_script_makes(tmp_path: Path) -> None:
    """The committed data is up to date with scripts/build_refdata.py and the sources."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "build_refdata.py"), "--src", str(shared_refdata()),
         "--out", str(tmp_path)],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    package = REPO / "consignet" / "refdata"
    for built in sorted(tmp_path.glob("*.csv.gz")):
        shipped = package / built.name
        assert gzip.decompress(shipped.read_bytes()) == gzip.decompress(built.read_bytes()), built.name
    assert (tmp_path / "SOURCES.md").read_text(encoding="utf-8") == (package / "SOURCES.md").read_text(
        encoding="utf-8"
    )


def test_sources_document_every_list() -> None:
    text = (REPO / "consignet" / "refdata" / "SOURCES.md").read_text(encoding="utf-8")
    for needle in ("geoapify/un-locode", "datasets/harmonized-system", "datasets/country-codes", "MIT",
                   "ODC-PDDL-1.0", "February 2024"):  # fmt: skip
        assert needle in text
