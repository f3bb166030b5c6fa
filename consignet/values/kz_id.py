"""Kazakhstan's 12-digit identification numbers: BIN (companies) and IIN (persons).

python-stdnum has no Kazakh module, so the rules are written here from the Government decree that
defines them (Постановление Правительства РК от 22.05.2007 № 406, adilet.zan.kz/rus/docs/P070000406_)
and checked against public BINs/IINs (tests/test_values_taxid.py).

BIN: YYMM of registration, entity type (4 resident legal entity, 5 non-resident legal entity,
6 individual entrepreneur in joint business), division (0 head office, 1 branch, 2 representative
office, 3 peasant farm), 5-digit serial, check digit.
IIN: YYMMDD of birth, century/sex digit (1-6; 0 seen for some foreigners), 4-digit serial, check digit.

Check digit (both): sum of digits 1-11 weighted 1..11, mod 11; if that is 10, weights 3..11,1,2;
if that is 10 again the number is never issued.
"""

from __future__ import annotations

import datetime as dt

_WEIGHTS_1 = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)
_WEIGHTS_2 = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)


def check_digit(first11: str) -> str | None:
    """The check digit for the first 11 digits, or None for a combination that is never issued."""
    digits = [int(d) for d in first11]
    total = sum(d * w for d, w in zip(digits, _WEIGHTS_1, strict=True)) % 11
    if total == 10:
        total = sum(d * w for d, w in zip(digits, _WEIGHTS_2, strict=True)) % 11
        if total == 10:
            return None
    return str(total)


def is_bin_shape(number: str) -> bool:
    """12 digits whose 5th digit is an entity type (4-6): a BIN, not an IIN (whose 5th is a day's tens)."""
    return len(number) == 12 and number.isdigit() and number[4] in "456"


def bin_problem(number: str) -> str | None:
    """What is structurally wrong with a BIN (before the check digit), or None."""
    if not 1 <= int(number[2:4]) <= 12:
        return f"BIN month {number[2:4]} is not 01-12"
    if number[5] not in "0123":
        return f"BIN division digit {number[5]} is not 0-3"
    return None


def iin_problem(number: str) -> str | None:
    """What is structurally wrong with an IIN (before the check digit), or None."""
    month, day = int(number[2:4]), int(number[4:6])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return f"IIN birth date {number[:6]} (YYMMDD) is impossible"
    if number[6] not in "0123456":
        return f"IIN century/sex digit {number[6]} is not 0-6"
    return None


def registration_month(number: str, today: dt.date | None = None) -> dt.date | None:
    """First day of the BIN's registration month, or None if ``number`` is not a BIN.

    BINs were introduced in 2007 but carry the original registration date (1994 for old companies),
    so a two-digit year later than this year belongs to the 1900s.
    """
    if not is_bin_shape(number) or bin_problem(number):
        return None
    today = today or dt.date.today()
    year = 2000 + int(number[:2])
    if year > today.year:
        year -= 100
    return dt.date(year, int(number[2:4]), 1)
