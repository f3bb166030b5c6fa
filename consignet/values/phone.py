"""Phone numbers -> E.164 (``+77011234567``) with Google's libphonenumber rules (``phonenumbers``).

An invalid number is a warning with no value: a wrong phone must not link two parties.
"""

from __future__ import annotations

import phonenumbers

from consignet.values import country as country_values
from consignet.values.base import Cleaned, RawValue, empty, good, is_blank, raw_text, warn


def _parse(text: str, region: str | None) -> phonenumbers.PhoneNumber | None:
    try:
        return phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None


def clean(raw: RawValue, country: str | None) -> Cleaned:
    """``country`` (alpha-2 of the party) is used to read numbers written without ``+``."""
    if is_blank(raw):
        return empty(raw)
    text = (raw_text(raw) or "").strip()
    region = (country_values.lookup(country) if country else None) or None
    number = _parse(text, region)
    if number is None or not phonenumbers.is_valid_number(number):
        # `00` is the international call prefix in most of the network, but phonenumbers only knows
        # each region's own prefix (KZ's is 8~10), so `0090 212...` typed in a KZ file reads as a
        # national number. Try the international reading when the national one is not valid.
        digits = text.lstrip()
        if digits.startswith("00"):
            alt = _parse("+" + digits[2:], None)
            if alt is not None and phonenumbers.is_valid_number(alt):
                number = alt
    if number is None:
        hint = "" if region else " (no country given to read a national number)"
        return warn(None, raw, f"not a phone number{hint}")
    if not phonenumbers.is_valid_number(number):
        return warn(None, raw, "not a valid phone number for its country code; not kept")
    return good(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164), raw)
