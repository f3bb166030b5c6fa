"""Container (equipment) numbers, ISO 6346: ``MSCU 123456-5`` -> ``MSCU1234565``.

The check digit comes from ``stdnum.iso6346``; this module only explains what is wrong in words an
officer can act on. A valid number can still belong to a cloned box: that is for the graph to find.
"""

from __future__ import annotations

import re

from stdnum import iso6346

from consignet.values.base import Cleaned, RawValue, empty, good, is_blank, raw_text, reject, squash

_OWNER = re.compile(r"[A-Z]{3}")
_SERIAL = re.compile(r"\d{6}")
# U freight container, J detachable equipment, Z trailer/chassis; R (reefer) is seen in real files
# and accepted by stdnum too.
_CATEGORIES = "UJZR"


def clean(raw: RawValue) -> Cleaned:
    if is_blank(raw):
        return empty(raw)
    text = raw_text(raw) or ""
    # Officers write `MSCU 123456 5`, `MSCU 123456-5`, `mscu1234565`.
    number = squash(text).replace("-", "").upper()
    if len(number) != 11:
        return reject(raw, f"container number needs 11 characters (4 letters, 7 digits), got {len(number)}")
    if not _OWNER.fullmatch(number[:3]):
        return reject(raw, f"owner code {number[:3]!r} must be 3 letters")
    if number[3] not in _CATEGORIES:
        return reject(raw, f"equipment category {number[3]!r} must be U, J or Z (or R)")
    if not _SERIAL.fullmatch(number[4:10]) or not number[10].isdigit():
        return reject(raw, f"serial number and check digit {number[4:]!r} must be 7 digits")
    expected = iso6346.calc_check_digit(number[:10])
    if number[10] != expected:
        return reject(raw, f"ISO 6346 check digit is {number[10]}, expected {expected}")
    return good(number, raw)
