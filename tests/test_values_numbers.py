"""Numbers."""

from __future__ import annotations

import pytest

from consignet.values import numbers


@pytest.mark.parametrize(
    ("raw", "decimal", "thousands", "value"),
    [
        ("1234.56", ".", None, 1234.56),
        ("1234,56", ",", None, 1234.56),
        ("1 234,56", ",", None, 1234.56),
        ("1\u00a0234,56", ",", None, 1234.56),  # non-breaking space
        ("1\u202f234,56", ",", None, 1234.56),  # narrow non-breaking space (French/Russian Excel)
        ("1.234,56", ",", None, 1234.56),
        ("1.234.567,8", ",", None, 1234567.8),
        ("1.234,56", ",", ".", 1234.56),
        ("1,234.56", ".", None, 1234.56),
        ("1,234,567", ".", None, 1234567.0),
        ("1,234.56", ".", ",", 1234.56),
        ("1 234 567", ".", " ", 1234567.0),
        ("1'234.5", ".", None, 1234.5),
        ("-12.5", ".", None, -12.5),
        ("+3", ".", None, 3.0),
        ("0,5", ",", None, 0.5),
        (",5", ",", None, 0.5),
        ("1e3", ".", None, 1000.0),
        (" 42 ", ".", None, 42.0),
    ],
)
def test_written_forms(raw: str, decimal: str, thousands: str | None, value: float) -> None:
    result = numbers.parse(raw, decimal=decimal, thousands=thousands)
    assert result.ok, result.problem
    assert result.value == pytest.approx(value)


@pytest.mark.parametrize("raw", [12, 12.5, 0, -3])
def test_numbers_pass_through(raw: int | float) -> None:
    result = numbers.parse(raw)
    assert result.ok
    assert result.value == float(raw)
    assert isinstance(result.value, float)


def test_other_mark_alone_is_read_with_a_warning() -> None:
    result = numbers.parse("12.5", decimal=",")
    assert result.severity == "warn"
    assert result.value == 12.5
    result = numbers.parse("12,5", decimal=".")
    assert result.severity == "warn"
    assert result.value == 12.5


@pytest.mark.parametrize(
    ("raw", "decimal"),
    [("abc", "."), ("12 kg", "."), ("1,234.56", ","), ("1.2.3", ","), ("1,2,3", "."), ("nan", "."),
     ("inf", "."), ("--5", "."), ("1..2", "."), (True, ".")],
)  # fmt: skip
def test_garbage_is_rejected(raw: str | bool, decimal: str) -> None:
    result = numbers.parse(raw, decimal=decimal)
    assert result.severity == "reject"
    assert result.value is None


def test_non_finite_float_cell_is_rejected() -> None:
    assert numbers.parse(float("nan")).severity == "reject"


def test_bad_decimal_setting_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        numbers.parse("1", decimal=";")
    with pytest.raises(ValueError, match="decimal mark"):
        numbers.parse("1,5", decimal=",", thousands=",")


def test_empty() -> None:
    assert numbers.parse("  ").ok
    assert numbers.parse(None).value is None
