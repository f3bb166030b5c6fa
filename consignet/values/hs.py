"""HS codes: ``8542.31`` / ``8542 31 000 0`` -> ``HsCode``, the HS-6 checked against HS 2022.

National codes extend the 6 digits to 8 (EU CN), 10 (EAEU TN VED) or 12 (Türkiye GTIP); only the
international HS-6 part can be checked here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from consignet import refdata
from consignet.values.base import Cleaned, RawValue, empty, good, is_blank, raw_text, reject, warn

_SEPARATORS = re.compile(r"[\s.\-/]+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class HsCode:
    code: str  # every digit given, 6 to 12 (national extension included)
    hs6: str  # international subheading, e.g. '854231'
    chapter: str  # '85'
    heading: str  # '8542'


def _text(raw: RawValue) -> str:
    if isinstance(raw, float) and not raw.is_integer():
        # An XLSX number cell holding 8542.1 was typed as "8542.10": the part after the point is
        # the 2-digit subheading, so pad it back.
        head, _, tail = repr(raw).partition(".")
        return head + tail.ljust(2, "0")
    return raw_text(raw) or ""


def clean(raw: RawValue) -> Cleaned:
    if is_blank(raw):
        return empty(raw)
    if isinstance(raw, bool):
        return reject(raw, "HS code must be digits")
    digits = _SEPARATORS.sub("", _text(raw))
    if not (digits.isdigit() and digits.isascii()):
        return reject(raw, "HS code must be 6 to 12 digits (dots and spaces allowed), e.g. 8542.31")
    if len(digits) == 4 and digits in refdata.hs_nomenclature():
        return reject(raw, f"{digits} is an HS heading; the 6-digit subheading is needed")
    if not 5 <= len(digits) <= 12:
        return reject(raw, f"HS code must have 6 to 12 digits, got {len(digits)}")
    nomenclature = refdata.hs_nomenclature()
    if len(digits) >= 6 and digits[:6] in nomenclature:
        return good(_code(digits), raw)
    if len(digits) % 2 == 1 and ("0" + digits)[:6] in nomenclature:
        # National codes have an even length; an odd one whose zero-padded form exists lost its
        # leading zero in a spreadsheet (chapters 01-09 stored as numbers).
        padded = "0" + digits
        return warn(_code(padded), raw, f"HS code {digits} read as {padded} (leading zero restored)")
    if len(digits) == 5:
        return reject(
            raw, f"HS code {digits} has 5 digits; neither it nor 0{digits} is an HS 2022 subheading"
        )
    if digits[:2] not in nomenclature:
        return reject(raw, f"HS chapter {digits[:2]} does not exist in HS 2022")
    return reject(raw, f"HS subheading {digits[:6]} is not in the HS 2022 nomenclature")


def _code(digits: str) -> HsCode:
    return HsCode(code=digits, hs6=digits[:6], chapter=digits[:2], heading=digits[:4])


def description(hs6: str) -> str | None:
    """HS 2022 description of a chapter, heading or subheading (2, 4 or 6 digits)."""
    entry = refdata.hs_nomenclature().get(_SEPARATORS.sub("", hs6))
    return entry.description if entry else None


def chpl_tier(hs6: str) -> str | None:
    """Common High Priority List tier of an HS-6 (or a longer national code), or None if not listed."""
    return refdata.chpl().get(_SEPARATORS.sub("", hs6)[:6])
