"""IMO ship numbers."""

from __future__ import annotations

import pytest
from stdnum import imo as stdnum_imo

from consignet.values import imo

# IMO 9074729 is python-stdnum's documented example.
NUMBER = "9074729"


@pytest.mark.parametrize(
    "raw",
    [
        "IMO 9074729",
        "IMO9074729",
        "9074729",
        "imo 9074729",
        "IMO no. 9074729",
        "IMO: 9074729",
        9074729,
        9074729.0,
    ],
)
def test_accepts_written_forms(raw: str | int | float) -> None:
    result = imo.clean(raw)
    assert result.ok, result.problem
    assert result.value == NUMBER


def test_failed_check_digit_is_a_warning_and_keeps_the_number() -> None:
    expected = stdnum_imo.calc_check_digit(NUMBER[:6])
    wrong_digit = str((int(expected) + 1) % 10)
    result = imo.clean("IMO " + NUMBER[:6] + wrong_digit)
    assert result.severity == "warn"
    assert result.value == NUMBER[:6] + wrong_digit
    assert f"expected {expected}" in (result.problem or "")


@pytest.mark.parametrize("raw", ["907472", "90747290", "IMO", "IMO 90747A9", "ship", "９０７４７２９"])
def test_bad_format_is_rejected(raw: str) -> None:
    result = imo.clean(raw)
    assert result.value is None
    assert result.severity == "reject"
    assert "7 digits" in (result.problem or "")


def test_empty() -> None:
    assert imo.clean("  ").ok
    assert imo.clean(None).value is None
