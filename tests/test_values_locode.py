"""UN/LOCODE places."""

from __future__ import annotations

import pytest

from consignet import refdata
from consignet.values import locode


@pytest.mark.parametrize("raw", ["KZ ALA", "kz-ala", "KZALA", " kzala ", "KZ-ALA", "kz ala"])
def test_normalises_written_forms(raw: str) -> None:
    result = locode.clean(raw)
    assert result.ok, result.problem
    assert result.value == "KZALA"


def test_codes_with_digits_2_to_9_are_valid_pattern() -> None:
    with_digit = next(code for code in refdata.locodes() if any(ch.isdigit() for ch in code[2:]))
    assert locode.clean(with_digit.lower()).value == with_digit


@pytest.mark.parametrize("raw", ["KZAL", "KZALAA", "K1ALA", "KZAL1", "KZA0A", "12345", "KZ_ALA"])
def test_bad_pattern_is_rejected(raw: str) -> None:
    result = locode.clean(raw)
    assert result.severity == "reject"
    assert "2-letter country code" in (result.problem or "")


def test_unknown_code_is_rejected_with_reason() -> None:
    codes = refdata.locodes()
    missing = next(f"KZ{a}{b}{c}" for a in "ZYX" for b in "ZYX" for c in "ZYX" if f"KZ{a}{b}{c}" not in codes)
    result = locode.clean(missing)
    assert result.severity == "reject"
    assert result.value is None
    assert missing in (result.problem or "") and "not in the UN/LOCODE list" in (result.problem or "")


def test_unknown_country_is_named() -> None:
    result = locode.clean("QQALA")
    assert result.severity == "reject"
    assert "country QQ" in (result.problem or "")


def test_info_and_seaport() -> None:
    info = locode.info("kz ala")
    assert info is not None
    row = refdata.locodes()["KZALA"]
    assert (info.code, info.country, info.name, info.function) == ("KZALA", "KZ", row.name, row.function)
    assert info.is_seaport is (row.function[0] == "1")
    assert locode.info("QQZZZ") is None
    assert locode.is_seaport("QQZZZ") is False


def test_seaport_flag_follows_function_position_one() -> None:
    ports = [code for code, row in refdata.locodes().items() if row.function.startswith("1")][:50]
    inland = [code for code, row in refdata.locodes().items() if not row.function.startswith("1")][:50]
    assert ports and inland
    assert all(locode.is_seaport(code) for code in ports)
    assert not any(locode.is_seaport(code) for code in inland)


def test_member_country_ports() -> None:
    # Alyat (AZ), Turkmenbashi (TM), Poti (GE), Aktau (KZ) are the Caspian/Black Sea ports of the network.
    names = {row.name for code, row in refdata.locodes().items() if code[:2] in {"AZ", "TM", "GE", "KZ"}}
    assert {"Poti", "Aktau"} <= names


def test_empty() -> None:
    assert locode.clean("").ok
