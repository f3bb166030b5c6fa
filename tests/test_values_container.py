"""Container numbers (ISO 6346)."""

from __future__ import annotations

import pytest
from stdnum import iso6346

from consignet.values import container

# CSQU3054383 is the worked example of ISO 6346 (and of python-stdnum's docs).
VALID = "CSQU3054383"


@pytest.mark.parametrize(
    "raw",
    [
        "CSQU3054383",
        "CSQU 305438 3",
        "CSQU 305438-3",
        "csqu3054383",
        " csqu 305438-3 ",
        "CSQU\u00a0305438\u00a03",
    ],
)
def test_accepts_written_forms(raw: str) -> None:
    result = container.clean(raw)
    assert result.ok, result.problem
    assert result.value == VALID
    assert result.raw == raw


@pytest.mark.parametrize("category", ["U", "J", "Z", "R"])
def test_accepts_every_equipment_category(category: str) -> None:
    body = f"ABC{category}123456"
    number = body + iso6346.calc_check_digit(body)
    assert container.clean(number).value == number


def test_wrong_check_digit_names_expected_digit() -> None:
    wrong = VALID[:-1] + "7"
    result = container.clean(wrong)
    assert result.value is None
    assert result.severity == "reject"
    assert result.problem == "ISO 6346 check digit is 7, expected 3"


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("CSQU305438", "11 characters"),
        ("CSQU30543833", "11 characters"),
        ("CS1U3054383", "owner code"),
        ("CSQX3054383", "equipment category 'X'"),
        ("CSQU30543A3", "7 digits"),
        ("CSQU 305438/3", "11 characters"),
    ],
)
def test_rejects_bad_format(raw: str, fragment: str) -> None:
    result = container.clean(raw)
    assert result.value is None
    assert result.severity == "reject"
    assert fragment in (result.problem or "")


@pytest.mark.parametrize("raw", [None, "", "   ", "\t"])
def test_empty_is_not_a_problem(raw: str | None) -> None:
    result = container.clean(raw)
    assert result.value is None
    assert result.ok
    assert result.raw == raw
