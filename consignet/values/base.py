"""The result every value cleaner returns, and small helpers the cleaners share."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Literal

Severity = Literal["reject", "warn"]

# What a cell can hold: text from CSV/JSON, numbers and dates from XLSX cells.
RawValue = str | int | float | dt.date | dt.datetime | None

# Every Unicode space (NBSP U+00A0, narrow NBSP U+202F, thin space U+2009, ...) counts as a space.
_SPACES = re.compile(r"\s+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Cleaned:
    value: Any | None  # cleaned value; None when the input is empty or invalid
    raw: str | None  # the raw input as given
    problem: str | None = None  # human reason, e.g. "ISO 6346 check digit is 3, expected 7"
    severity: Severity | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


def raw_text(raw: RawValue) -> str | None:
    """The raw input as text, for ``Cleaned.raw`` and error messages."""
    if raw is None:
        return None
    if isinstance(raw, str):
        return raw
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))  # an XLSX cell 9074729.0 was typed as 9074729
    if isinstance(raw, dt.date):
        return raw.isoformat()
    return str(raw)


def is_blank(raw: RawValue) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def squash(text: str) -> str:
    """Drop every kind of whitespace (officers type codes with spaces, NBSPs, tabs)."""
    return _SPACES.sub("", text)


def empty(raw: RawValue) -> Cleaned:
    return Cleaned(None, raw_text(raw))


def reject(raw: RawValue, problem: str) -> Cleaned:
    return Cleaned(None, raw_text(raw), problem, "reject")


def warn(value: Any, raw: RawValue, problem: str) -> Cleaned:
    return Cleaned(value, raw_text(raw), problem, "warn")


def good(value: Any, raw: RawValue) -> Cleaned:
    return Cleaned(value, raw_text(raw))
