"""Tax identifiers."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from consignet.values import kz_id, taxid
from consignet.values.taxid import TaxId

# Public BINs of Halyk Bank branches (halykbank.kz requisites page, as used in the tests of
# github.com/valery1707/kaz-person-id) with their registration month.
PUBLIC_BINS = {
    "940140000385": dt.date(1994, 1, 1),
    "950341000052": dt.date(1995, 3, 1),
    "961141000023": dt.date(1996, 11, 1),
    "070941024691": dt.date(2007, 9, 1),
}
# Public IINs from the same test suite (serj.ws/salyk).
PUBLIC_IINS = ["871008401427", "760212350620", "800416300257", "680503450037"]

# Valid numbers from python-stdnum's documentation of each module.
STDNUM_EXAMPLES = [
    ("140 155 5071", "AZ", "az.voen", "1401555071"),
    ("4540536920", "TR", "tr.vkn", "4540536920"),
    ("PL 8567346215", "PL", "pl.nip", "8567346215"),
    ("34201-0891231-8", "PK", "pk.cnic", "3420108912318"),
    ("BG 175 074 752", "BG", "bg.vat", "175074752"),
    ("IT 00743110157", "IT", "it.iva", "00743110157"),
]


def _flip_last(number: str) -> str:
    return number[:-1] + str((int(number[-1]) + 1) % 10)


@pytest.mark.parametrize("number", PUBLIC_BINS)
def test_public_kazakh_bins(number: str) -> None:
    for raw in (number, f"{number[:4]} {number[4:8]} {number[8:]}", f"KZ{number}"):
        result = taxid.clean(raw, "KZ")
        assert result.ok, result.problem
        assert result.value == TaxId("kz.bin", number, "KZ", "valid")
        assert taxid.kind_hint(result.value) == "company"
        assert taxid.kz_bin_registration(result.value) == PUBLIC_BINS[number]
    assert taxid.kz_bin_registration(number) == PUBLIC_BINS[number]


@pytest.mark.parametrize("number", PUBLIC_IINS)
def test_public_kazakh_iins(number: str) -> None:
    result = taxid.clean(number, "KZ")
    assert result.value == TaxId("kz.iin", number, "KZ", "valid")
    assert taxid.kind_hint(result.value) == "person"
    assert taxid.kz_bin_registration(result.value) is None
    assert taxid.kz_bin_registration(number) is None


def test_kazakh_bin_failing_check_is_kept_unverified() -> None:
    number = _flip_last("940140000385")
    result = taxid.clean(number, "KZ")
    assert result.severity == "warn"
    assert result.value == TaxId("kz.bin", number, "KZ", "unverified")
    assert "expected 5" in (result.problem or "")


def test_kazakh_check_digit_second_weights() -> None:
    # Find prefixes where the first weighted sum is 10 and check the decree's second pass.
    w1, w2 = range(1, 12), (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)
    tried = 0
    for digits in itertools.product("0123456789", repeat=3):
        prefix = "94014" + "".join(digits) + "000"
        if sum(int(d) * w for d, w in zip(prefix, w1, strict=True)) % 11 != 10:
            continue
        tried += 1
        second = sum(int(d) * w for d, w in zip(prefix, w2, strict=True)) % 11
        assert kz_id.check_digit(prefix) == (None if second == 10 else str(second))
    assert tried > 0


def test_bin_registration_century() -> None:
    today = dt.date(2026, 6, 1)
    assert taxid.kz_bin_registration("250540000007", today) == dt.date(2025, 5, 1)
    assert taxid.kz_bin_registration("990540000007", today) == dt.date(1999, 5, 1)
    assert taxid.kz_bin_registration("991340000007", today) is None  # month 13
    assert taxid.kz_bin_registration("12345", today) is None
    assert taxid.kz_bin_registration(TaxId("tr.vkn", "4540536920", "TR")) is None


@pytest.mark.parametrize(("raw", "cc", "scheme", "value"), STDNUM_EXAMPLES)
def test_stdnum_schemes_from_country(raw: str, cc: str, scheme: str, value: str) -> None:
    result = taxid.clean(raw, cc)
    assert result.ok, result.problem
    assert (result.value.scheme, result.value.value, result.value.country) == (scheme, value, cc)
    assert result.value.status == ("format" if scheme == "pk.cnic" else "valid")


@pytest.mark.parametrize(
    ("raw", "cc", "scheme", "value"),
    [e for e in STDNUM_EXAMPLES if e[2] != "pk.cnic"],  # CNIC: no check digit
)
def test_failed_check_is_a_warning_never_a_reject(raw: str, cc: str, scheme: str, value: str) -> None:
    # The VÖEN check digit is the 9th; its 10th digit is the taxpayer type.
    broken = _flip_last(value[:-1]) + value[-1] if scheme == "az.voen" else _flip_last(value)
    result = taxid.clean(broken, cc, scheme)
    assert result.severity == "warn"
    assert result.value.status == "unverified"
    assert result.value.scheme == scheme
    assert result.value.value == broken


def test_scheme_argument_wins_over_country() -> None:
    result = taxid.clean("940140000385", "UZ", scheme="kz.bin")
    assert result.value == TaxId("kz.bin", "940140000385", "KZ", "valid")


def test_unknown_scheme_name_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown tax id scheme"):
        taxid.clean("123", None, scheme="xx.nothing")


def test_any_stdnum_module_can_be_named() -> None:
    result = taxid.clean("DE 136 695 976", None, scheme="de.vat")
    assert result.value == TaxId("de.vat", "136695976", "DE", "valid")


@pytest.mark.parametrize(
    ("raw", "cc", "scheme", "kind"),
    [
        ("200123456", "UZ", "uz.stir", "company"),
        ("300123456", "UZ", "uz.stir", "company"),
        ("400123456", "UZ", "uz.stir", None),
        ("204567890", "GE", "ge.id", "company"),
        ("02406200910120", "KG", "kg.inn", "company"),
        ("21503199000123", "KG", "kg.inn", "person"),
        ("020025789", "TJ", "tj.inn", None),  # org-id.guide example of a Tajik TIN
        ("1234567-8", "PK", "pk.ntn", None),
        ("1234567", "PK", "pk.ntn", None),
        ("101234567890", "TM", "tm.inn", None),
    ],
)
def test_format_only_schemes(raw: str, cc: str, scheme: str, kind: str | None) -> None:
    result = taxid.clean(raw, cc)
    assert result.ok, result.problem
    assert result.value.scheme == scheme
    assert result.value.status == "format"
    assert taxid.kind_hint(result.value) == kind


def test_ntn_keeps_the_seven_digit_base() -> None:
    assert taxid.clean("1234567-8", "PK").value.value == "1234567"
    assert taxid.clean("1234567", "PK").value.value == "1234567"


def test_wrong_shape_for_country_is_warned_and_kept() -> None:
    result = taxid.clean("12345", "KZ")
    assert result.severity == "warn"
    assert result.value == TaxId("unknown", "12345", "KZ", "unverified")
    assert "kz.bin" in (result.problem or "") and "kz.iin" in (result.problem or "")


@pytest.mark.parametrize(
    ("raw", "scheme"),
    [
        ("940140000385", "kz.bin"),  # BIN shape + check digit; no other scheme has 12 digits with that
        ("34201-0891231-8", "pk.cnic"),  # the only 13-digit scheme
        ("1234567-8", "pk.ntn"),  # written the NTN way
        ("IT 00743110157", "it.iva"),  # the VAT prefix names the country
    ],
)
def test_scheme_from_the_shape_alone(raw: str, scheme: str) -> None:
    result = taxid.clean(raw, None)
    assert result.ok
    assert result.value.scheme == scheme


def test_ambiguous_shape_is_kept_unchecked_without_warning() -> None:
    # 9 digits fit uz.stir, ge.id and tj.inn, none with a check digit: no guess.
    result = taxid.clean("123456789", None)
    assert result.ok
    assert result.value == TaxId("unknown", "123456789", "", "unchecked")


def test_country_without_own_scheme_uses_stdnum_vat_or_keeps_as_given() -> None:
    assert taxid.clean("136695976", "DE").value == TaxId("de.vat", "136695976", "DE", "valid")
    kept = taxid.clean("AB-12345", "US")
    assert kept.ok
    assert kept.value == TaxId("unknown", "AB12345", "US", "unchecked")


def test_prefix_that_is_not_a_country_of_a_scheme_is_kept() -> None:
    result = taxid.clean("No. 1234567", None)
    assert result.ok
    assert result.value == TaxId("unknown", "NO1234567", "", "unchecked")


def test_greek_vat_prefix() -> None:
    # EL is the VAT prefix of Greece (ISO GR); 094259216 is stdnum's gr.vat example.
    result = taxid.clean("EL 094259216", None)
    assert result.value == TaxId("gr.vat", "094259216", "GR", "valid")


def test_kind_hints() -> None:
    assert taxid.kind_hint(taxid.clean("34201-0891231-8", "PK").value) == "person"
    assert taxid.kind_hint(taxid.clean("1401555071", "AZ").value) == "company"  # VÖEN ending 1
    assert taxid.kind_hint(taxid.clean("4540536920", "TR").value) == "company"
    assert taxid.kind_hint(TaxId("unknown", "123", "")) is None


def test_no_digits_at_all() -> None:
    result = taxid.clean("--- / ---", "KZ")
    assert result.severity == "warn"
    assert result.value is None


def test_empty() -> None:
    assert taxid.clean("  ", "KZ").ok
    assert taxid.clean(None, None).value is None
