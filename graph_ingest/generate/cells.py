"""Turning canonical values into the cells one source writes: numbers, dates, codes, countries."""

from __future__ import annotations

import random
from datetime import date, datetime
from functools import cache

import pycountry

from ..profile import Profile
from .sources import SourceSpec

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# National extensions of the HS-6 code, fixed per subheading so one code always reads the same way.
_EXT10 = ("0000", "9000", "1000", "9009", "0009", "8000")
_EXT8 = ("00", "90", "10", "80")


@cache
def country_text(alpha2: str, style: str) -> str:
    if style == "alpha2":
        return alpha2
    c = pycountry.countries.get(alpha_2=alpha2)
    if c is None:  # a deliberately unknown code (bad rows) stays as written
        return alpha2
    if style == "alpha3":
        return c.alpha_3
    return getattr(c, "common_name", None) or c.name


class Formatter:
    """Per-source value formatting driven by the source's mapping profile."""

    def __init__(self, spec: SourceSpec, profile: Profile) -> None:
        self.spec = spec
        self.native = profile.format in ("json", "ndjson", "xlsx")  # numbers stay numbers
        self.decimal = profile.decimal
        self.thousands = profile.thousands
        self.date_format = profile.date_formats[0] if profile.date_formats else "%Y-%m-%d"
        self.list_sep = profile.list_separator
        self.xlsx_dates = spec.xlsx_dates

    def number(self, x: float, decimals: int = 2) -> str | float:
        if self.native:
            return round(x, decimals)
        text = f"{x:,.{decimals}f}" if self.thousands else f"{x:.{decimals}f}"
        if self.thousands:
            text = text.replace(",", "\0").replace(".", self.decimal).replace("\0", self.thousands)
        elif self.decimal != ".":
            text = text.replace(".", self.decimal)
        return text

    def integer(self, n: int) -> str | int:
        return n if self.native else str(n)

    def date(self, d: date, rng: random.Random) -> str | datetime:
        if self.xlsx_dates:
            return datetime(d.year, d.month, d.day)
        return self.date_text(d.year, d.month, d.day, rng.randrange(24), rng.randrange(0, 60, 5))

    def date_text(self, year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> str:
        # Written by hand, not strftime: %b must be English whatever the machine's locale, and bad rows
        # need impossible dates (30 February) that datetime cannot hold.
        out = self.date_format
        for key, val in (("%d", f"{day:02d}"), ("%m", f"{month:02d}"), ("%Y", f"{year:04d}"),
                         ("%y", f"{year % 100:02d}"), ("%b", _MONTHS[(month - 1) % 12]), ("%H", f"{hour:02d}"),
                         ("%M", f"{minute:02d}"), ("%S", "00")):
            out = out.replace(key, val)
        return out

    def bad_date(self, rng: random.Random) -> str:
        year, month, day = rng.choice([(2025, 2, 30), (2025, 4, 31), (2025, 2, 29), (2025, 6, 31), (2025, 11, 31)])
        return self.date_text(year, month, day)

    def country(self, alpha2: str) -> str:
        return country_text(alpha2, self.spec.countries)

    def hs(self, hs6: str, rng: random.Random) -> str:
        kind = self.spec.hs
        k = int(hs6)
        if kind == "tnved10":
            code = hs6 + _EXT10[k % len(_EXT10)]
            return code if rng.random() < 0.6 else f"{code[:4]} {code[4:6]} {code[6:9]} {code[9]}"
        if kind == "cn8":
            code = hs6 + _EXT8[k % len(_EXT8)]
            return code if rng.random() < 0.7 else f"{code[:4]} {code[4:6]} {code[6:]}"
        if kind == "gtip12":
            code = hs6 + _EXT8[k % len(_EXT8)] + "0000"
            return f"{code[:4]}.{code[4:6]}.{code[6:8]}.{code[8:10]}.{code[10:]}"
        if kind == "pct8":
            return f"{hs6[:4]}.{hs6[4:]}{_EXT8[k % len(_EXT8)]}"
        if kind == "hs6dot":
            return f"{hs6[:4]}.{hs6[4:]}" if rng.random() < 0.7 else hs6
        # mixed: some officers type the national 10 digits, others the HS-6 with a dot
        return hs6 + _EXT10[k % len(_EXT10)] if rng.random() < 0.5 else f"{hs6[:4]}.{hs6[4:]}"

    def join(self, items: list[str]) -> str:
        return self.list_sep.join(items)
