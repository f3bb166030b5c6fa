"""Value-shape detectors: what a cell looks like (container number, LOCODE, date, ...), and what a sample
of a column looks like. ``consignet profile suggest`` weighs this evidence against the column header.

Check digits come from python-stdnum, phones from phonenumbers, currencies from pycountry, countries
and LOCODE existence from ``consignet.values`` when it is installed (imported lazily, with fallbacks).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import phonenumbers
import pycountry
from stdnum import imo as std_imo
from stdnum import iso6346

# strptime formats a date column may use, most specific first (a value can fit several).
DATE_FORMATS = (
    "%Y-%m-%dT%H:%M:%S%z",
    "%Y-%m-%dT%H:%M:%S.%f%z",
    "%Y-%m-%dT%H:%M:%S.%f",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y",
    "%d.%m.%Y г.",  # Russian and Bulgarian write the year marker: 31.12.2025 г.
    "%d.%m.%Y г",
    "%d.%m.%y",
    "%d/%m/%Y",
    "%m/%d/%Y",
    "%d-%m-%Y",
    "%d-%b-%Y",
    "%d %b %Y",
    "%d-%b-%y",
    "%Y/%m/%d",
)
_DATE_HINT = re.compile(r"^\d{1,4}[./\- ](\d{1,2}|[A-Za-z]{3})[./\- ]\d{2,4}([ T].*)?$")

# Separators officers put between several values in one cell.
LIST_SEPARATORS = (";", ",", "|", "/", "\n", " ")

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
_LOCODE = re.compile(r"^([A-Z]{2})[ \-]?([A-Z2-9]{3})$")
_HS = re.compile(r"^\d{4}(?:[. ]?\d{2})(?:[. ]?\d{1,4}){0,3}$")
_HS_SHORT = re.compile(r"^\d{4}$|^\d{2}\.\d{2}$")
_IMO = re.compile(r"^(?:IMO[\s:.\-]*)?(\d{7})$", re.IGNORECASE)
_INT = re.compile(r"^[+-]?\d+$")
_DEC = re.compile(r"^[+-]?(\d+)([.,])(\d+)$")
_GROUPED = re.compile(r"^[+-]?\d{1,3}(?P<sep>[ \u00a0\u202f.,'])\d{3}(?:(?P=sep)\d{3})*(?:(?P<dec>[.,])\d+)?$")
# A phone is told from other digit strings by its international prefix or an area code in brackets.
_PHONE = re.compile(r"^(\+|00|\d{0,2}\s?\()[\d\s().\-]{7,24}$")
_TAXID = re.compile(r"^[A-Z]{0,3}[\d\s\-]{7,16}$")
# Kinds that are codes, not words: a value of one of these is not a name or a description.
_CODES = frozenset({
    "date", "email", "container", "locode", "currency", "country", "imo_shape",
    "container_list", "locode_list", "country_list", "tax_scheme", "container_type",
})  # fmt: skip
_CONTAINER_TYPE = re.compile(r"^(\d{2}[A-Z][0-9A-Z]|(20|40|45)'?\s?(GP|DV|DC|HC|HQ|RF|RH|OT|FR|TK|PL|ST))$")
_TAX_SCHEME = re.compile(r"^[a-z]{2}\.[a-z_]+$")
_LETTERS = re.compile(r"[^\W\d_]{2,}")

TRANSPORT_MODES = {
    "sea", "maritime", "ocean", "rail", "railway", "road", "truck", "air", "multimodal", "intermodal",
    "море", "морской", "морем", "жд", "ж/д", "железнодорожный", "авто", "автомобильный", "авиа",
    "воздушный", "deniz", "demiryolu", "karayolu", "hava", "morski", "kolejowy", "drogowy", "lotniczy",
    "mare", "marittimo", "ferrovia", "ferroviario", "strada", "stradale", "aereo", "dəniz", "dəmir yolu",
}  # fmt: skip
SCOPE_KINDS = {"network", "group", "countries", "originator"}
PARTY_KINDS = {"company", "person", "organisation", "organization", "individual", "legal", "natural",
               "юл", "фл", "юр", "физ", "юрлицо", "физлицо", "tüzel", "gerçek"}  # fmt: skip


# Codes ISO 4217 has withdrawn but files of the period still carry (pycountry lists current codes only):
# the Bulgarian lev (euro from 2026), the Croatian kuna (2023), and older replaced codes.
WITHDRAWN_CURRENCIES = {"BGN", "HRK", "LTL", "LVL", "EEK", "SKK", "VEF", "MRO", "STD", "SLL", "ZWL", "CUC"}


@lru_cache(maxsize=1)
def _currencies() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in pycountry.currencies) | WITHDRAWN_CURRENCIES


@lru_cache(maxsize=1)
def _alpha2() -> frozenset[str]:
    return frozenset(c.alpha_2 for c in pycountry.countries) | {"XK"}


@lru_cache(maxsize=1)
def _alpha3() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in pycountry.countries)


@lru_cache(maxsize=1)
def _locode_info() -> Any:
    """``consignet.values.locode.info`` when that module exists (it checks the shipped UN/LOCODE list)."""
    try:
        from consignet.values import locode
    except ImportError:
        return None
    return getattr(locode, "info", None)


@lru_cache(maxsize=50_000)
def country_of(text: str) -> str | None:
    """alpha-2 for a country code or name (any script), or None."""
    try:
        from consignet.values.country import lookup
    except ImportError:
        lookup = None
    if lookup is not None:
        try:
            return lookup(text)
        except Exception:  # noqa: BLE001 - its reference data may be missing in a partial checkout
            pass
    upper = text.strip().upper()
    if upper in _alpha2():
        return upper
    found = pycountry.countries.get(alpha_3=upper) if upper in _alpha3() else None
    return found.alpha_2 if found else None


def is_container(text: str) -> bool:
    # Officers write "MSCU 123456 7" or "MSCU123456-7"; stdnum only compacts spaces.
    return iso6346.is_valid(text.replace("-", "").replace(" ", ""))


def locode_country(text: str) -> str | None:
    """Country prefix of a LOCODE-shaped value (upper case as written; known when the list is there)."""
    m = _LOCODE.match(text)
    if not m or m.group(1) not in _alpha2():
        return None
    info = _locode_info()
    if info is not None and info(m.group(1) + m.group(2)) is None:
        return None
    return m.group(1)


def date_formats(text: str) -> tuple[str, ...]:
    if not _DATE_HINT.match(text):
        return ()
    out = []
    for fmt in DATE_FORMATS:
        try:
            dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
        out.append(fmt)
    return tuple(out)


@dataclass(frozen=True, slots=True)
class NumberShape:
    integer: bool
    decimal: str | None = None  # separator seen as decimal point
    thousands: str | None = None  # separator seen between digit groups
    ambiguous: str | None = None  # "1,500" / "1.500": thousands or decimal


def number_shape(text: str) -> NumberShape | None:
    t = text.strip()
    if _INT.match(t):
        return NumberShape(True)
    m = _DEC.match(t)
    if m:
        if len(m.group(3)) == 3 and len(m.group(1)) <= 3:
            return NumberShape(False, ambiguous=m.group(2))
        return NumberShape(False, decimal=m.group(2))
    m = _GROUPED.match(t)
    if m and m.group("sep") != m.group("dec"):
        dec = m.group("dec") or ("," if m.group("sep") == "." else ".")
        return NumberShape(m.group("dec") is None, decimal=dec if m.group("dec") else None,
                           thousands=m.group("sep"))  # fmt: skip
    return None


def _split_list(text: str, test: Any) -> str | None:
    """The separator that splits ``text`` into 2+ parts that all pass ``test``, or None."""
    for sep in LIST_SEPARATORS:
        if sep in text:
            parts = [p.strip() for p in text.split(sep) if p.strip()]
            if len(parts) >= 2 and all(test(p) for p in parts):
                return sep
    return None


@lru_cache(maxsize=200_000)
def classify(text: str) -> tuple[frozenset[str], tuple[str, ...], NumberShape | None, str | None, str | None]:
    """(kinds, date formats, number shape, list separator, country hint) of one non-empty text value."""
    t = text.strip()
    kinds: set[str] = set()
    formats = date_formats(t)
    if formats:
        kinds.add("date")
    num = number_shape(t)
    if num is not None:
        kinds.add("number")
        if num.integer:
            kinds.add("integer")
    country: str | None = None
    sep: str | None = None
    if is_container(t):
        kinds.add("container")
    elif (m := _IMO.match(t)) is not None:
        kinds.add("imo_shape")
        if std_imo.is_valid(m.group(1)):
            kinds.add("imo")
    if (loc := locode_country(t)) is not None:
        kinds.add("locode")
        country = loc
    digits = re.sub(r"\D", "", t)
    hs_digits = len(digits) in (6, 8, 9, 10, 12) and 1 <= int(digits[:2] or 0) <= 97
    if (_HS.match(t) and hs_digits) or _HS_SHORT.match(t):
        kinds.add("hs")
        if not t.isdigit():
            kinds.add("hs_dotted")
    if _EMAIL.match(t):
        kinds.add("email")
    if len(t) == 3 and t in _currencies():
        kinds.add("currency")
    looks_code = t.isalpha() and t.isupper() and len(t) in (2, 3)
    looks_name = not formats and num is None and len(t) <= 40 and not digits
    if (looks_code or looks_name) and (c := country_of(t)):
        kinds.add("country")
        country = c
    if _PHONE.match(t) and 9 <= len(digits) <= 15 and not formats:
        kinds.add("phone")
        if t.startswith(("+", "00")):
            try:
                parsed = phonenumbers.parse("+" + t[2:] if t.startswith("00") else t, None)
            except phonenumbers.NumberParseException:
                parsed = None
            # Bare digits after 00 are as often an id (Kyrgyz INN 00212201228330): a valid number only.
            if parsed is None or (t.isdigit() and not phonenumbers.is_valid_number(parsed)):
                kinds.discard("phone")
            else:
                country = phonenumbers.region_code_for_number(parsed) or country
    id_like = _TAXID.match(t) and 7 <= len(digits) <= 14 and not kinds & {"imo_shape", "date"}
    if id_like and (t.isdigit() or "phone" not in kinds):
        kinds.add("taxid")
    if _CONTAINER_TYPE.match(t.upper()) and not t.isdigit():
        kinds.add("container_type")
    low = t.lower()
    if low in TRANSPORT_MODES:
        kinds.add("transport_mode")
    if low in SCOPE_KINDS:
        kinds.add("scope_kind")
    if low.rstrip(".") in PARTY_KINDS:
        kinds.add("party_kind")
    if _TAX_SCHEME.match(t):
        kinds.add("tax_scheme")
    if not kinds & {"container", "locode", "email", "date", "number"}:
        if (sep := _split_list(t, is_container)) is not None:
            kinds.add("container_list")
        elif (sep := _split_list(t, lambda p: locode_country(p) is not None)) is not None:
            kinds.add("locode_list")
        elif (sep := _split_list(t, lambda p: len(p) == 2 and p.isupper() and p in _alpha2())) is not None:
            kinds.add("country_list")
    if _LETTERS.search(t) and not kinds & _CODES:
        kinds.add("words")
        if len(t) >= 25 and len(t.split()) >= 3:
            kinds.add("long_text")
    return frozenset(kinds), formats, num, sep, country


@dataclass
class ColumnShape:
    """What a sample of one column looks like."""

    count: int = 0  # non-empty values looked at
    kinds: Counter[str] = field(default_factory=Counter)  # kind -> number of values of that kind
    date_formats: Counter[str] = field(default_factory=Counter)  # format -> values it parses
    native_dates: int = 0  # XLSX/JSON date cells (no text format to report)
    decimal: Counter[str] = field(default_factory=Counter)
    thousands: Counter[str] = field(default_factory=Counter)
    ambiguous: Counter[str] = field(default_factory=Counter)
    list_separators: Counter[str] = field(default_factory=Counter)
    countries: Counter[str] = field(default_factory=Counter)  # from LOCODE prefixes, codes, phones
    distinct: int = 0
    value_kinds: list[frozenset[str]] = field(default_factory=list, repr=False)

    def share(self, *kinds: str) -> float:
        """Share of the values that have at least one of ``kinds``."""
        if not self.count:
            return 0.0
        wanted = set(kinds)
        return sum(1 for k in self.value_kinds if k & wanted) / self.count


def column_shape(values: list[Any]) -> ColumnShape:
    shape = ColumnShape()
    seen: set[str] = set()
    for value in values:
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        shape.count += 1
        if isinstance(value, dt.datetime | dt.date):
            shape.native_dates += 1
            kinds: frozenset[str] = frozenset({"date"})
            shape.value_kinds.append(kinds)
            shape.kinds.update(kinds)
            continue
        if isinstance(value, bool):
            text = str(value)
        elif isinstance(value, float) and value.is_integer():
            text = str(int(value))
        elif isinstance(value, list):
            text = ";".join(str(v) for v in value)
        else:
            text = str(value)
        seen.add(text)
        kinds, formats, num, sep, country = classify(text)
        shape.value_kinds.append(kinds)
        shape.kinds.update(kinds)
        shape.date_formats.update(formats)
        if num is not None and not isinstance(value, int | float):
            if num.decimal:
                shape.decimal[num.decimal] += 1
            if num.thousands:
                shape.thousands[num.thousands] += 1
            if num.ambiguous:
                shape.ambiguous[num.ambiguous] += 1
        if sep:
            shape.list_separators[sep] += 1
        if country:
            shape.countries[country] += 1
    shape.distinct = len(seen)
    return shape
