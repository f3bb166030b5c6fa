"""Identifiers that validate: tax ids (check digits from python-stdnum), phones (phonenumbers),
ISO 6346 container numbers, B/L, seal and voyage numbers."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date

import phonenumbers
from stdnum import iso6346
from stdnum.az import voen
from stdnum.bg import vat as bg_vat
from stdnum.cn import uscc
from stdnum.in_ import gstin
from stdnum.it import iva
from stdnum.pk import cnic
from stdnum.pl import nip
from stdnum.ru import inn
from stdnum.tr import tckimlik, vkn

from .refdata import CONTAINER_OWNERS


def _digits(rng: random.Random, n: int, first: str = "0123456789") -> str:
    head = first[rng.randrange(len(first))]
    return head + f"{rng.randrange(10 ** (n - 1)):0{n - 1}d}" if n > 1 else head


def _complete(rng: random.Random, make: Callable[[], str], is_valid: Callable[[str], bool]) -> str:
    """Append the check digit the stdnum validator accepts (for schemes whose module has no public
    ``calc_check_digit``); draw a new body when no digit fits (mod 11 = 10)."""
    while True:
        body = make()
        for d in "0123456789":
            if is_valid(body + d):
                return body + d


def kz_check_digit(first11: str) -> int | None:
    # Kazakhstan IIN/BIN check digit. python-stdnum has no kz module, so it is written out here:
    # weights 1..11, mod 11; if 10, weights 3..11,1,2; if 10 again the number is not issued.
    digits = [int(c) for c in first11]
    c = sum(w * d for w, d in zip(range(1, 12), digits, strict=True)) % 11
    if c == 10:
        c = sum(w * d for w, d in zip([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2], digits, strict=True)) % 11
    return None if c == 10 else c


def kz_bin(rng: random.Random, registered: date) -> str:
    while True:
        # YYMM of registration, 4 = resident legal entity, 0 = head office, serial, check digit.
        body = f"{registered:%y%m}40{_digits(rng, 5)}"
        c = kz_check_digit(body)
        if c is not None:
            return body + str(c)


def kz_iin(rng: random.Random, born: date, female: bool) -> str:
    century = (3 if born.year < 2000 else 5) + (1 if female else 0)
    while True:
        body = f"{born:%y%m%d}{century}{_digits(rng, 4)}"
        c = kz_check_digit(body)
        if c is not None:
            return body + str(c)


CN_REGIONS = ["440300", "330782", "440100", "330200", "350200", "650100", "330100", "370200", "310000", "441900",
              "120000", "500000", "610100", "320500"]
_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def tax_id(country: str, person: bool, registered: date, rng: random.Random) -> tuple[str, str] | None:
    """A plausible national id for a company (or person), with its scheme name; None where unknown."""
    if country == "KZ":
        if person:
            return kz_iin(rng, registered, rng.random() < 0.3), "kz.iin"
        return kz_bin(rng, registered), "kz.bin"
    if country == "UZ":
        return _digits(rng, 9, "456" if person else "23"), "uz.stir"
    if country == "KG":
        return f"{'12'[rng.randrange(2)] if person else '0'}{registered:%d%m%Y}{_digits(rng, 5)}", "kg.inn"
    if country == "TJ":
        return _digits(rng, 9, "0123456"), "tj.inn"
    if country == "TM":
        return _digits(rng, 12, "123"), "tm.tin"
    if country == "AZ":
        suffix = "2" if person else "1"
        body = _complete(rng, lambda: _digits(rng, 8, "123456789"), lambda n: voen.is_valid(n + suffix))
        return body + suffix, "az.voen"
    if country == "GE":
        return (_digits(rng, 11, "0123456"), "ge.pn") if person else (_digits(rng, 9, "2468"), "ge.id")
    if country == "PK":
        if person:
            return _complete(rng, lambda: _digits(rng, 12, "1234567"), cnic.is_valid), "pk.cnic"
        return f"{_digits(rng, 7)}-{rng.randrange(10)}", "pk.ntn"
    if country == "TR":
        if person:
            body = _digits(rng, 9, "123456789")
            return body + tckimlik.calc_check_digits(body), "tr.tckimlik"
        body = _digits(rng, 9)
        return body + vkn.calc_check_digit(body), "tr.vkn"
    if country == "PL":
        return _complete(rng, lambda: _digits(rng, 9, "123456789"), nip.is_valid), "pl.nip"
    if country == "IT":
        def make() -> str:
            return _digits(rng, 7) + f"{rng.randint(1, 100):03d}"
        return _complete(rng, make, iva.is_valid), "it.iva"
    if country == "BG":
        body = _digits(rng, 8, "12")
        return "BG" + body + bg_vat.calc_check_digit_legal(body), "bg.vat"
    if country == "RU":
        if person:
            body = _digits(rng, 10, "1234567")
            return body + inn.calc_personal_check_digits(body), "ru.inn"
        body = _digits(rng, 9, "1234567")
        return body + inn.calc_company_check_digit(body), "ru.inn"
    if country == "CN":
        body = "91" + rng.choice(CN_REGIONS) + "".join(rng.choice(_USCC_ALPHABET) for _ in range(9))
        return body + uscc.calc_check_digit(body), "cn.uscc"
    if country == "AE":
        return "100" + _digits(rng, 12), "ae.trn"
    if country == "HK":
        return _digits(rng, 8, "3456789"), "hk.br"
    if country == "IN":
        pan = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3)) + "C" + rng.choice("ABKMRS")
        body = rng.choice(["27", "24", "29", "07", "33"]) + pan + _digits(rng, 4) + rng.choice("ABCDEFGH") + "1Z"
        for ch in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ":
            if gstin.is_valid(body + ch):
                return body + ch, "in.gstin"
        return None
    if country == "AM":
        return _digits(rng, 8, "0"), "am.tin"
    return None


def phone(country: str, rng: random.Random) -> str | None:
    """An E.164 number that phonenumbers accepts as valid for ``country``."""
    kind = phonenumbers.PhoneNumberType.MOBILE if rng.random() < 0.7 else phonenumbers.PhoneNumberType.FIXED_LINE
    example = phonenumbers.example_number_for_type(country, kind) or phonenumbers.example_number(country)
    if example is None:
        return None
    national = str(example.national_number)
    keep = max(2, len(national) - 7)
    for _ in range(30):
        cand = phonenumbers.PhoneNumber(country_code=example.country_code,
                                        national_number=int(national[:keep] + _digits(rng, len(national) - keep)))
        if phonenumbers.is_valid_number_for_region(cand, country):
            return phonenumbers.format_number(cand, phonenumbers.PhoneNumberFormat.E164)
    return phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164)


def phone_variants(e164: str) -> tuple[str, ...]:
    """The ways the same number is typed: +7 701 123 4567, 8 (701) 123 4567, 77011234567, +77011234567."""
    num = phonenumbers.parse(e164)
    fmt = phonenumbers.PhoneNumberFormat
    return (phonenumbers.format_number(num, fmt.INTERNATIONAL), phonenumbers.format_number(num, fmt.NATIONAL),
            e164.lstrip("+"), e164)


def container(rng: random.Random, owner: str | None = None) -> str:
    body = (owner or rng.choice(CONTAINER_OWNERS)) + _digits(rng, 6)
    return body + str(iso6346.calc_check_digit(body))


def container_written(number: str, rng: random.Random) -> str:
    r = rng.random()
    if r < 0.7:
        return number
    if r < 0.82:
        return f"{number[:4]} {number[4:10]} {number[10]}"
    if r < 0.92:
        return f"{number[:4]} {number[4:10]}-{number[10]}"
    return f"{number[:4]}-{number[4:]}"


def bad_check_digit(number: str) -> str:
    good = int(number[-1])
    return number[:-1] + str((good + 3) % 10)


_BL_PREFIX = {"sea": ["MEDU", "MAEU", "CMDU", "COSU", "EGLV", "HLCU", "ONEY", "OOLU", "ZIMU"]}


def bl_number(mode: str, rng: random.Random) -> str:
    if mode == "rail":
        return f"SMGS {_digits(rng, 8, '123456789')}"
    if mode == "road":
        return f"CMR {_digits(rng, 7)}"
    prefix = rng.choice(_BL_PREFIX["sea"])
    letters = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(rng.choice((0, 2, 3))))
    return f"{prefix}{letters}{_digits(rng, 10 - len(letters), '123456789')}"


def seal(rng: random.Random, owner: str) -> str:
    r = rng.random()
    if r < 0.5:
        return f"{owner[:2]}{_digits(rng, 7)}"
    if r < 0.8:
        return _digits(rng, 7, "123456789")
    return f"{rng.choice(['H', 'C', 'ML-CN', 'EU'])}{_digits(rng, 6)}"


def voyage(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.5:
        return f"{rng.randint(100, 599)}{rng.choice('EWNS')}"
    if r < 0.8:
        return f"{rng.choice(['FJ', 'FE', 'AE', 'ME', 'QE'])}{rng.randint(100, 599)}{rng.choice('EW')}"
    return f"{rng.randint(2501, 2552)}"
