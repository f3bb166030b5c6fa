"""UN/LOCODE places: ``KZ ALA`` / ``kz-ala`` / ``KZALA`` -> ``KZALA``, checked against the shipped list."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from consignet import refdata
from consignet.values.base import Cleaned, RawValue, empty, good, is_blank, raw_text, reject, squash

# 2-letter country + 3 of A-Z or 2-9 (0 and 1 are excluded by the UN/LOCODE rules: they read as O/I).
_PATTERN = re.compile(r"[A-Z]{2}[A-Z2-9]{3}")


@dataclass(frozen=True, slots=True)
class LocodeInfo:
    code: str
    country: str
    name: str
    subdivision: str
    is_seaport: bool  # function position 1 is '1' ("port" in UN/LOCODE terms)
    function: str  # the 8-character function string, e.g. '1-3-----'


def normalise(raw: str) -> str:
    return squash(raw).replace("-", "").replace(".", "").upper()


def clean(raw: RawValue) -> Cleaned:
    if is_blank(raw):
        return empty(raw)
    code = normalise(raw_text(raw) or "")
    if not _PATTERN.fullmatch(code):
        return reject(
            raw, "UN/LOCODE must be a 2-letter country code and 3 letters or digits 2-9, e.g. KZALA"
        )
    if code not in refdata.locodes():
        country = code[:2]
        if country not in _countries_with_codes():
            return reject(raw, f"UN/LOCODE {code}: the list has no places for country {country}")
        return reject(raw, f"UN/LOCODE {code} is not in the UN/LOCODE list")
    return good(code, raw)


def info(code: str) -> LocodeInfo | None:
    """What the shipped list says about a code (normalised first); None when it is unknown."""
    code = normalise(code)
    row = refdata.locodes().get(code)
    if row is None:
        return None
    return LocodeInfo(code, code[:2], row.name, row.subdivision, row.function[:1] == "1", row.function)


def is_seaport(code: str) -> bool:
    found = info(code)
    return found is not None and found.is_seaport


@lru_cache(maxsize=1)
def _countries_with_codes() -> frozenset[str]:
    return frozenset(code[:2] for code in refdata.locodes())
