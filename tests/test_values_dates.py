"""Dates."""

from __future__ import annotations

import datetime as dt

import pytest

from consignet.values import dates

NEW_YEARS_EVE = dt.date(2025, 12, 31)


@pytest.mark.parametrize(
    "raw",
    [
        "31.12.2025",
        "2025-12-31",
        "31/12/2025",
        "31-12-2025",
        "31.12.25",
        "31-Dec-2025",
        "31 Dec 2025",
        "31-DEC-2025",
        "31 December 2025",
        "Dec 31, 2025",
        "December 31 2025",
        "31-дек-2025",
        "31 декабря 2025",
        "31 декабря 2025 г.",
        "31 Aralık 2025",
        "31 ARALIK 2025",
        "2025-12-31T10:00:00Z",
        "2025-12-31T23:30:00+05:00",
        "2025-12-31 10:00",
        "2025-12-31T10:00:00.123",
        "31.12.2025 10:00",
        "2025/12/31",
        "20251231",
        " 31.12.2025 ",
    ],
)
def test_formats(raw: str) -> None:
    result = dates.parse(raw)
    assert result.ok, result.problem
    assert result.value == NEW_YEARS_EVE


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("01-мая-2025", dt.date(2025, 5, 1)),
        ("1 Mayıs 2025", dt.date(2025, 5, 1)),
        ("29 NİSAN 2025", dt.date(2025, 4, 29)),
        ("15-Sept-2025", dt.date(2025, 9, 15)),
        ("05.03.2025", dt.date(2025, 3, 5)),
    ],
)
def test_other_month_names(raw: str, value: dt.date) -> None:
    assert dates.parse(raw).value == value


def test_dayfirst_false_reads_month_first() -> None:
    assert dates.parse("12/31/2025", dayfirst=False).value == NEW_YEARS_EVE
    assert dates.parse("05/03/2025", dayfirst=False).value == dt.date(2025, 5, 3)


def test_month_first_date_in_a_day_first_file_is_rejected_not_swapped() -> None:
    result = dates.parse("12/31/2025")
    assert result.severity == "reject"
    assert "not a real date" in (result.problem or "")


def test_profile_formats_are_tried_first() -> None:
    assert dates.parse("2025|31|12", formats=["%Y|%d|%m"]).value == NEW_YEARS_EVE
    # A format that does not fit falls through to the built-in forms.
    assert dates.parse("31.12.2025", formats=["%Y|%d|%m"]).value == NEW_YEARS_EVE


def test_xlsx_cells_pass_through() -> None:
    assert dates.parse(dt.datetime(2025, 12, 31, 18, 45)).value == NEW_YEARS_EVE
    assert dates.parse(NEW_YEARS_EVE).value == NEW_YEARS_EVE


def test_excel_serials_only_when_enabled() -> None:
    serial = (NEW_YEARS_EVE - dt.date(1899, 12, 30)).days
    for raw in (str(serial), serial, float(serial)):
        assert dates.parse(raw).severity == "reject"
        assert dates.parse(raw, excel_serial=True).value == NEW_YEARS_EVE
    assert "Excel" in (dates.parse(str(serial)).problem or "")


@pytest.mark.parametrize(
    "raw", ["31.02.2025", "2025-02-30", "32.01.2025", "31-Foo-2025", "2025-13-01", "00.01.2025"]
)
def test_impossible_dates_are_rejected(raw: str) -> None:
    result = dates.parse(raw)
    assert result.severity == "reject"
    assert result.value is None


@pytest.mark.parametrize("raw", ["tomorrow", "31 Decision 2025", "2025", "12.2025", "31..12..2025", True])
def test_garbage_is_rejected(raw: str | bool) -> None:
    result = dates.parse(raw)
    assert result.severity == "reject"
    assert result.value is None


def test_leap_day() -> None:
    assert dates.parse("29.02.2024").value == dt.date(2024, 2, 29)
    assert dates.parse("29.02.2025").severity == "reject"


def test_empty() -> None:
    assert dates.parse("").ok
    assert dates.parse(None).value is None
