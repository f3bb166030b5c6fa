"""Numbers as officers write them -> ``float``: ``1 234,56``, ``1.234,56``, ``1,234.56``, NBSPs.

``decimal`` and ``thousands`` come from the mapping profile. With ``thousands=None`` spaces of any
kind (and ``'``) group digits, and the other mark is read as grouping only in groups of three
(``1.234,56`` with a decimal comma). A number whose only mark contradicts the profile (``12.5`` in a
decimal-comma file) is read the way it is written, with a warning.
"""

from __future__ import annotations

import math
import re

from consignet.values.base import Cleaned, RawValue, empty, good, is_blank, raw_text, reject, warn

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007']+", re.UNICODE)
_PLAIN = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def _grouped(text: str, mark: str) -> bool:
    """``text`` uses ``mark`` only between groups of three digits: 1.234.567 / 1,234."""
    return re.fullmatch(rf"[+-]?\d{{1,3}}(\{mark}\d{{3}})+(\.\d*|,\d*)?", text) is not None


def _to_float(raw: RawValue, text: str, problem: str | None = None) -> Cleaned:
    if not _PLAIN.fullmatch(text):
        return reject(raw, f"{raw_text(raw)!r} is not a number")
    value = float(text)
    if not math.isfinite(value):
        return reject(raw, f"{raw_text(raw)!r} is not a finite number")
    return warn(value, raw, problem) if problem else good(value, raw)


def parse(raw: RawValue, decimal: str = ".", thousands: str | None = None) -> Cleaned:
    if is_blank(raw):
        return empty(raw)
    if isinstance(raw, bool):
        return reject(raw, "a yes/no value is not a number")
    if isinstance(raw, int | float):
        if not math.isfinite(raw):
            return reject(raw, f"{raw!r} is not a finite number")
        return good(float(raw), raw)
    if not isinstance(raw, str):
        return reject(raw, f"{raw_text(raw)!r} is not a number")
    if decimal not in {".", ","}:
        raise ValueError(f"decimal separator must be '.' or ',', got {decimal!r}")
    if thousands is not None and thousands.strip() == decimal:
        raise ValueError(f"thousands separator {thousands!r} is the decimal mark")
    other = "," if decimal == "." else "."
    text = _SPACES.sub("", raw.strip())
    if thousands is not None and thousands.strip():
        text = text.replace(thousands.strip(), "")
    has_decimal, has_other = decimal in text, other in text
    if has_other and (has_decimal or _grouped(text, other)):
        # 1.234,56 (decimal ',') or 1,234 (decimal '.'): the other mark groups thousands.
        if has_decimal and text.rfind(other) > text.find(decimal):
            return reject(raw, f"{raw!r}: both '.' and ',' used, in an order that is not a number")
        text = text.replace(other, "")
        return _to_float(raw, text.replace(decimal, "."))
    if has_other:
        if text.count(other) > 1:
            return reject(raw, f"{raw!r} is not a number")
        # 12.5 in a decimal-comma file: only one reading is possible.
        problem = f"{raw!r} uses {other!r} as decimal mark, the profile says {decimal!r}"
        return _to_float(raw, text.replace(other, "."), problem)
    return _to_float(raw, text.replace(decimal, "."))
