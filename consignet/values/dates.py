"""Dates as officers write them -> ``datetime.date``.

Accepted: the profile's own strptime formats first, then ISO dates and datetimes (``2025-12-31``,
``2025-12-31T10:00:00Z``: the date as written, no time-zone shift), ``31.12.2025``, ``31/12/2025``,
``31-12-2025`` (day first unless ``dayfirst=False``), month names in English, Russian and Turkish
(``31-Dec-2025``, ``31-дек-2025``, ``31 декабря 2025``, ``31 Aralık 2025``, ``Dec 31, 2025``), and
``date``/``datetime`` objects from XLSX cells. A bare number is an Excel serial day only when
``excel_serial=True``: guessing would turn quantities into dates.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from consignet.values.base import Cleaned, RawValue, empty, good, is_blank, raw_text, reject

# Written out here rather than with strptime's %b, which follows the process locale (global state,
# English only in the C locale). Genitive Russian forms are what dates use: "31 декабря".
_MONTHS: tuple[tuple[str, ...], ...] = (
    ("january", "январь", "января", "ocak"),
    ("february", "февраль", "февраля", "şubat"),
    ("march", "март", "марта", "mart"),
    ("april", "апрель", "апреля", "nisan"),
    ("may", "май", "мая", "mayıs"),
    ("june", "июнь", "июня", "haziran"),
    ("july", "июль", "июля", "temmuz"),
    ("august", "август", "августа", "ağustos"),
    ("september", "сентябрь", "сентября", "eylül"),
    ("october", "октябрь", "октября", "ekim"),
    ("november", "ноябрь", "ноября", "kasım"),
    ("december", "декабрь", "декабря", "aralık"),
)


def _fold(word: str) -> str:
    """Case-fold so that Turkish capitals match: ARALIK/Aralık, NİSAN/Nisan (İ and ı both -> i)."""
    return word.replace("İ", "i").replace("ı", "i").casefold()


_FOLDED_MONTHS = tuple(tuple(_fold(n) for n in names) for names in _MONTHS)
_EXCEL_EPOCH = dt.date(1899, 12, 30)  # Excel's day 0 (with its 1900 leap-year bug absorbed)
_TIME = r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|UTC|[+-]\d{2}:?\d{2})?)?"
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})" + _TIME)
_YMD = re.compile(r"(\d{4})[./](\d{1,2})[./](\d{1,2})" + _TIME)
_BASIC = re.compile(r"(\d{4})(\d{2})(\d{2})")  # ISO basic format 20251231
_NUMERIC = re.compile(r"(\d{1,2})[./\-](\d{1,2})[./\-](\d{4}|\d{2})" + _TIME)
_DAY_MONTH_NAME = re.compile(
    r"(\d{1,2})[\s\-./]*([^\W\d_]{3,9})\.?[\s\-./,]+(\d{4}|\d{2})(?:\s*г\.?)?" + _TIME
)
_MONTH_NAME_DAY = re.compile(r"([^\W\d_]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})" + _TIME)
_SERIAL = re.compile(r"\d{1,6}(?:\.\d+)?")


def month_number(word: str) -> int | None:
    """1-12 for a month name or an abbreviation of at least 3 letters (en/ru/tr), else None."""
    word = _fold(word.rstrip("."))
    if len(word) < 3:
        return None
    for number, names in enumerate(_FOLDED_MONTHS, start=1):
        if any(name.startswith(word) for name in names):
            return number
    return None


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        # Two-digit years in shipping papers are recent: up to ten years ahead, else last century.
        year += 2000 if 2000 + year <= dt.date.today().year + 10 else 1900
    return year


def _make(raw: RawValue, year: int, month: int, day: int) -> Cleaned:
    try:
        return good(dt.date(year, month, day), raw)
    except ValueError as exc:
        return reject(raw, f"{raw_text(raw)!r} is not a real date ({exc})")


def _from_serial(raw: RawValue, serial: float) -> Cleaned:
    if not 1 <= serial < 2958466:  # 9999-12-31
        return reject(raw, f"{serial} is out of range for an Excel serial date")
    return good(_EXCEL_EPOCH + dt.timedelta(days=int(serial)), raw)


def parse(
    raw: RawValue,
    formats: Sequence[str] = (),
    dayfirst: bool = True,
    excel_serial: bool = False,
) -> Cleaned:
    if is_blank(raw):
        return empty(raw)
    if isinstance(raw, dt.datetime):
        return good(raw.date(), raw)
    if isinstance(raw, dt.date):
        return good(raw, raw)
    if isinstance(raw, bool):
        return reject(raw, "not a date")
    if isinstance(raw, int | float):
        if excel_serial:
            return _from_serial(raw, float(raw))
        return reject(raw, "a number is not a date (Excel serial days are read only if the profile says so)")
    text = " ".join(str(raw).split())
    for fmt in formats:
        try:
            return good(dt.datetime.strptime(text, fmt).date(), raw)
        except ValueError:
            continue
    if m := _ISO.fullmatch(text) or _YMD.fullmatch(text) or _BASIC.fullmatch(text):
        return _make(raw, int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := _NUMERIC.fullmatch(text):
        first, second = int(m.group(1)), int(m.group(2))
        day, month = (first, second) if dayfirst else (second, first)
        return _make(raw, _year(m.group(3)), month, day)
    if (m := _DAY_MONTH_NAME.fullmatch(text)) and (month := month_number(m.group(2))):
        return _make(raw, _year(m.group(3)), month, int(m.group(1)))
    if (m := _MONTH_NAME_DAY.fullmatch(text)) and (month := month_number(m.group(1))):
        return _make(raw, int(m.group(3)), month, int(m.group(2)))
    if _SERIAL.fullmatch(text):
        if excel_serial:
            return _from_serial(raw, float(text))
        return reject(raw, f"{text!r} is a number, not a date (Excel serial days are read only if enabled)")
    return reject(raw, f"{text!r} is not a date in a known format (e.g. 31.12.2025 or 2025-12-31)")
