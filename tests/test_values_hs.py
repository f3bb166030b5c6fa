"""HS codes."""

from __future__ import annotations

import pytest

from consignet import refdata
from consignet.values import hs
from consignet.values.hs import HsCode


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("8542.31", "854231"),
        ("854231", "854231"),
        ("8542 31", "854231"),
        ("8542 31 000 0", "8542310000"),  # EAEU TN VED, 10 digits
        ("8542.31.00", "85423100"),  # EU CN, 8 digits
        ("8542.31.00.00.11", "854231000011"),  # Türkiye GTIP, 12 digits
        ("8542-31", "854231"),
        ("8542\u00a031", "854231"),
        (854231, "854231"),
        (8542.31, "854231"),  # an XLSX number cell
        (854231.0, "854231"),
    ],
)
def test_accepts_written_forms(raw: str | int | float, code: str) -> None:
    result = hs.clean(raw)
    assert result.ok, result.problem
    assert result.value == HsCode(code=code, hs6="854231", chapter="85", heading="8542")


def test_xlsx_float_keeps_trailing_zero_of_subheading() -> None:
    # 8471.50 typed into a number cell arrives as 8471.5
    result = hs.clean(8471.5)
    assert result.ok and result.value.hs6 == "847150"


@pytest.mark.parametrize(("raw", "padded"), [("10121", "010121"), ("101210000", "0101210000")])
def test_leading_zero_lost_by_a_spreadsheet_is_restored_with_warning(raw: str, padded: str) -> None:
    result = hs.clean(raw)
    assert result.severity == "warn"
    assert result.value.code == padded
    assert result.value.hs6 == "010121"
    assert "leading zero" in (result.problem or "")


def test_five_digits_without_a_padded_match_are_rejected() -> None:
    known = refdata.hs_nomenclature()
    five = next(
        f"{n:05d}" for n in range(10000, 99999) if f"0{n:05d}" not in known and f"{n:05d}"[:2] in known
    )
    result = hs.clean(five)
    assert result.severity == "reject"
    assert "5 digits" in (result.problem or "")


def test_heading_only_is_rejected() -> None:
    result = hs.clean("8542")
    assert result.severity == "reject"
    assert "heading" in (result.problem or "")


def test_unknown_subheading_is_rejected() -> None:
    known = refdata.hs_nomenclature()
    made_up = next(f"8542{n:02d}" for n in range(100) if f"8542{n:02d}" not in known)
    result = hs.clean(made_up)
    assert result.severity == "reject"
    assert made_up in (result.problem or "") and "HS 2022" in (result.problem or "")


def test_unknown_chapter_is_named() -> None:
    result = hs.clean("7701.11")  # chapter 77 is reserved for future use
    assert result.severity == "reject"
    assert "chapter 77" in (result.problem or "")


@pytest.mark.parametrize("raw", ["85AB31", "8542.31x", "1234567890123", "12", "spare parts"])
def test_bad_format_is_rejected(raw: str) -> None:
    result = hs.clean(raw)
    assert result.severity == "reject"
    assert result.value is None


def test_description_and_chpl_tier() -> None:
    entry = refdata.hs_nomenclature()["854231"]
    assert hs.description("854231") == entry.description
    assert hs.description("8542") == refdata.hs_nomenclature()["8542"].description
    assert hs.description("000000") is None
    for hs6, tier in refdata.chpl().items():
        assert hs.chpl_tier(hs6) == tier
        assert hs.chpl_tier(hs6 + "0000") == tier  # a national extension keeps the HS-6 tier
    assert hs.chpl_tier("854231") == "1"  # integrated circuits are tier 1 (domain notes)
    assert hs.chpl_tier("010121") is None


def test_empty() -> None:
    assert hs.clean(" ").ok
    assert hs.clean(None).value is None
