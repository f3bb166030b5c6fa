"""Tax identifiers of parties: ``TaxId(scheme, value, country, status)``.

The scheme comes from ``scheme`` if given, else from the party's country, else from the shape of the
number (only when exactly one scheme with a check digit accepts it). A number that fails its scheme is
never rejected: it is kept with status ``unverified`` and a warning, because a mistyped tax id is
still evidence an analyst wants to see.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from consignet.values import country as country_values
from consignet.values import kz_id
from consignet.values.base import Cleaned, RawValue, empty, good, is_blank, raw_text, warn
from consignet.values.taxid_schemes import (
    COUNTRY_SCHEMES,
    SCHEMES,
    Kind,
    Scheme,
    country_vat_scheme,
    get_scheme,
    is_number_prefix,
)

# valid: passed its check digit; format: right shape, scheme has no public check digit;
# unverified: failed its scheme (warned); unchecked: no scheme known for it (kept as given).
TaxStatus = Literal["valid", "format", "unverified", "unchecked"]
UNKNOWN = "unknown"

_SEPARATORS = re.compile(r"[\s.\-/]+", re.UNICODE)
# A VAT-style country prefix: PL8567346215, BG 175074752, KZ 940140000385.
_PREFIXED = re.compile(r"([A-Z]{2})(\d[0-9A-Z]*)")
_NTN_WRITTEN = re.compile(r"\s*\d{7}\s*-\s*\d\s*")


@dataclass(frozen=True, slots=True)
class TaxId:
    scheme: str  # stdnum-style name ('kz.bin', 'tr.vkn', ...) or 'unknown'
    value: str  # compact number: digits (letters too for e.g. cn.uscc), no country prefix
    country: str  # issuing country alpha-2; '' when not known
    status: TaxStatus = "valid"


def _compact(text: str) -> str:
    return _SEPARATORS.sub("", text).upper()


def _country_hint(country: str | None) -> str:
    if not country or not country.strip():
        return ""
    return country_values.lookup(country) or ""


def clean(raw: RawValue, country: str | None, scheme: str | None = None) -> Cleaned:
    """Clean a tax id; ``country`` is the party's country (alpha-2), ``scheme`` overrides guessing.

    Raises ValueError for an unknown ``scheme`` name (a mapping-profile mistake, not bad data).
    """
    if is_blank(raw):
        return empty(raw)
    text = raw_text(raw) or ""
    number = _compact(text)
    cc = _country_hint(country)
    prefixed = _PREFIXED.fullmatch(number)
    if prefixed and is_number_prefix(prefixed.group(1)):
        cc, number = prefixed.group(1), prefixed.group(2)
        cc = "GR" if cc == "EL" else cc  # Greece's VAT prefix is not its ISO code
    if not number.isalnum():
        return warn(None, raw, "tax id must be digits (letters only for some countries); not kept")
    if scheme:
        return _apply(get_scheme(scheme), number, raw)
    if cc in COUNTRY_SCHEMES:
        fitting = [s for s in COUNTRY_SCHEMES[cc] if s.fits(number)]
        if not fitting:
            shapes = " or ".join(f"{s.name} ({s.describe})" for s in COUNTRY_SCHEMES[cc])
            tax = TaxId(UNKNOWN, number, cc, "unverified")
            return warn(tax, raw, f"{number} does not look like a {cc} tax id: {shapes}; kept unverified")
        return _apply(_prefer_valid(fitting, number), number, raw)
    if cc:
        fallback = country_vat_scheme(cc)
        if fallback and fallback.verify and fallback.verify(fallback.normalise(number)) is None:
            return good(TaxId(fallback.name, fallback.normalise(number), cc, "valid"), raw)
        return good(TaxId(UNKNOWN, number, cc, "unchecked"), raw)
    guessed = _guess(number, text)
    if guessed is None:
        return good(TaxId(UNKNOWN, number, "", "unchecked"), raw)
    return _apply(guessed, number, raw)


def _prefer_valid(fitting: list[Scheme], number: str) -> Scheme:
    """Among schemes of one country with this shape, the one whose check passes (else the first)."""
    for s in fitting:
        if s.verify is not None and s.verify(s.normalise(number)) is None:
            return s
    return fitting[0]


def _guess(number: str, text: str) -> Scheme | None:
    """The only scheme the shape and check digits allow, or None when that is not clear-cut."""
    candidates = [s for s in SCHEMES.values() if s.guessable and s.fits(number)]
    if _NTN_WRITTEN.fullmatch(text):
        candidates.append(SCHEMES["pk.ntn"])
    if len(candidates) == 1 and (candidates[0].has_check_digit is False or _passes(candidates[0], number)):
        return candidates[0]
    passing = [s for s in candidates if s.has_check_digit and _passes(s, number)]
    # Guess only when every other candidate was ruled out by its own check digit.
    if len(passing) == 1 and all(s.has_check_digit for s in candidates):
        return passing[0]
    return None


def _passes(s: Scheme, number: str) -> bool:
    return s.verify is not None and s.verify(s.normalise(number)) is None


def _apply(s: Scheme, number: str, raw: RawValue) -> Cleaned:
    if not s.fits(number):
        tax = TaxId(s.name, number, s.country, "unverified")
        return warn(tax, raw, f"{s.name} must be {s.describe}, got {number!r}; kept unverified")
    value = s.normalise(number)
    problem = s.verify(value) if s.verify else None
    if problem:
        return warn(TaxId(s.name, value, s.country, "unverified"), raw, f"{problem}; kept unverified")
    return good(TaxId(s.name, value, s.country, "valid" if s.has_check_digit else "format"), raw)


def kind_hint(tax: TaxId) -> Kind | None:
    """'company' or 'person' when the scheme (or the number's structure) says so, else None."""
    s = SCHEMES.get(tax.scheme)
    if s is None or not s.fits(tax.value):
        return None
    return s.kind(tax.value)


def kz_bin_registration(value: str | TaxId, today: dt.date | None = None) -> dt.date | None:
    """First day of the month a Kazakh company was registered (from its BIN), or None if not a BIN."""
    if isinstance(value, TaxId):
        if value.scheme != "kz.bin":
            return None
        value = value.value
    number = _compact(value)
    if number.startswith("KZ"):
        number = number[2:]
    return kz_id.registration_month(number, today)
