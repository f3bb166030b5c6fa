"""The code lists shipped with consignet: UN/LOCODE, HS 2022, countries and the CHPL.

The files are gzip-compressed CSV built by ``scripts/build_refdata.py`` (sources and licences in
``SOURCES.md``). Each loader reads its file once per process (``lru_cache``) and returns a plain dict;
callers must treat the result as read-only because it is shared.
"""

from __future__ import annotations

import csv
import gzip
import io
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from consignet.errors import ConsignetError


class Locode(NamedTuple):
    name: str
    subdivision: str
    function: str


class HsEntry(NamedTuple):
    level: int  # 2 = chapter, 4 = heading, 6 = subheading
    description: str


class Country(NamedTuple):
    alpha2: str
    alpha3: str
    numeric: str
    name_en: str
    name_ru: str
    lldc: bool  # on the UN list of Landlocked Developing Countries
    landlocked: bool  # LLDC or one of the landlocked states that are not developing countries
    aliases: tuple[str, ...]


class RefdataMissing(ConsignetError):
    """A shipped code list is missing or unreadable: the installation is broken."""


def _rows(name: str) -> Iterator[list[str]]:
    """The data rows of one shipped file, header checked and skipped."""
    try:
        raw = resources.files(__name__).joinpath(name).read_bytes()
        text = gzip.decompress(raw).decode("utf-8")
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise RefdataMissing(f"shipped code list {name} cannot be read ({exc}); reinstall consignet") from exc
    reader = csv.reader(io.StringIO(text, newline=""))
    next(reader, None)
    yield from reader


@lru_cache(maxsize=1)
def locodes() -> dict[str, Locode]:
    """UN/LOCODE ``code`` (5 chars, e.g. ``KZALA``) -> name, subdivision, function string."""
    return {code: Locode(name, sub, func) for code, name, sub, func in _rows("unlocode.csv.gz")}


@lru_cache(maxsize=1)
def hs_nomenclature() -> dict[str, HsEntry]:
    """HS 2022 code (2, 4 or 6 digits) -> level and description."""
    return {code: HsEntry(int(level), desc) for code, level, desc in _rows("hs2022.csv.gz")}


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """ISO 3166-1 alpha-2 -> country row."""
    out: dict[str, Country] = {}
    for a2, a3, num, en, ru, lldc, landlocked, aliases in _rows("countries.csv.gz"):
        alias_tuple = tuple(a for a in aliases.split("|") if a)
        out[a2] = Country(a2, a3, num, en, ru, lldc == "1", landlocked == "1", alias_tuple)
    return out


@lru_cache(maxsize=1)
def chpl() -> dict[str, str]:
    """Common High Priority List: HS-6 -> tier ('1', '2', '3A', '3B', '4A', '4B')."""
    return {hs6: tier for hs6, tier in _rows("chpl.csv.gz")}


def load_all() -> None:
    """Load every list now (e.g. before timing an ingest, or at server start)."""
    locodes()
    hs_nomenclature()
    countries()
    chpl()
