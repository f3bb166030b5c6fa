"""IMO ship numbers: ``IMO 9074729`` / ``IMO9074729`` / ``9074729`` -> ``9074729``.

A failed check digit is only a warning: about 2% of real AIS-derived vessel lists fail it, and the
number is still the best key the officer has for the ship.
"""

from __future__ import annotations

import re

from stdnum import imo

from consignet.values.base import Cleaned, RawValue, empty, good, is_blank, raw_text, reject, squash, warn

# `IMO 9074729`, `IMO no. 9074729`, `IMO: 9074729`, `imo#9074729`
_PREFIX = re.compile(r"^IMO(?:NUMBER|NO\.?|N[°º]|№|#|:|\.)*", re.IGNORECASE)


def clean(raw: RawValue) -> Cleaned:
    if is_blank(raw):
        return empty(raw)
    text = squash(raw_text(raw) or "")
    number = _PREFIX.sub("", text).lstrip(":#.")
    if not number.isdigit() or not number.isascii():
        return reject(raw, "IMO number must be 7 digits, optionally written after 'IMO'")
    if len(number) != 7:
        return reject(raw, f"IMO number must be 7 digits, got {len(number)}")
    expected = imo.calc_check_digit(number[:6])
    if number[6] != expected:
        return warn(number, raw, f"IMO check digit is {number[6]}, expected {expected}; kept as given")
    return good(number, raw)
