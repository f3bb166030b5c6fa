"""Phone numbers."""

from __future__ import annotations

import phonenumbers
import pytest

from consignet.values import phone

NETWORK = ["AZ", "GE", "KZ", "KG", "PK", "TJ", "TM", "UZ", "BG", "PL", "TR", "IT"]


def _e164(number: phonenumbers.PhoneNumber) -> str:
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


@pytest.mark.parametrize("cc", NETWORK)
def test_national_and_international_forms_of_each_member(cc: str) -> None:
    example = phonenumbers.example_number_for_type(cc, phonenumbers.PhoneNumberType.MOBILE)
    assert example is not None
    national = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.NATIONAL)
    international = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    assert phone.clean(national, cc).value == _e164(example)
    assert phone.clean(international, None).value == _e164(example)
    assert phone.clean(international, "IT" if cc != "IT" else "KZ").value == _e164(example)


def test_kazakh_trunk_prefix_8() -> None:
    example = phonenumbers.example_number_for_type("KZ", phonenumbers.PhoneNumberType.MOBILE)
    assert example is not None
    written = "8 " + str(example.national_number)
    assert phone.clean(written, "KZ").value == _e164(example)


def test_double_zero_international_prefix_in_a_kazakh_file() -> None:
    example = phonenumbers.example_number_for_type("TR", phonenumbers.PhoneNumberType.FIXED_LINE)
    assert example is not None
    written = f"00 {example.country_code} {example.national_number}"
    assert phone.clean(written, "KZ").value == _e164(example)


def test_xlsx_number_cell() -> None:
    example = phonenumbers.example_number_for_type("KZ", phonenumbers.PhoneNumberType.MOBILE)
    assert example is not None
    assert phone.clean(int(_e164(example)[1:]), "KZ").value == _e164(example)


def test_country_may_be_a_name() -> None:
    example = phonenumbers.example_number_for_type("AZ", phonenumbers.PhoneNumberType.MOBILE)
    assert example is not None
    national = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.NATIONAL)
    assert phone.clean(national, "Azərbaycan").value == _e164(example)


@pytest.mark.parametrize(
    ("raw", "cc"), [("12345", "KZ"), ("call me", "KZ"), ("+7 000", None), ("555 1234", None)]
)
def test_invalid_is_a_warning_without_value(raw: str, cc: str | None) -> None:
    result = phone.clean(raw, cc)
    assert result.severity == "warn"
    assert result.value is None
    assert result.problem


def test_no_country_for_a_national_number_says_so() -> None:
    result = phone.clean("701 123 45 67", None)
    assert result.severity == "warn"
    assert "no country" in (result.problem or "")


def test_empty() -> None:
    assert phone.clean("", "KZ").ok
