"""The tax-identifier schemes consignet knows, named like python-stdnum modules (``kz.bin``, ``tr.vkn``).

Each scheme says which compact numbers have its shape, how to verify them (stdnum where it has a
module; the Kazakh rules in ``kz_id``; format only where no public rule could be verified) and what
kind of party a number belongs to.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from typing import Literal

from stdnum import exceptions as stdnum_errors
from stdnum.az import voen
from stdnum.bg import vat as bg_vat
from stdnum.cn import uscc
from stdnum.eu import vat as eu_vat
from stdnum.it import iva
from stdnum.pk import cnic
from stdnum.pl import nip
from stdnum.ru import inn as ru_inn
from stdnum.tr import tckimlik, vkn
from stdnum.util import get_cc_module

from consignet.values import kz_id

Kind = Literal["company", "person"]


@dataclass(frozen=True, slots=True)
class Scheme:
    name: str
    country: str
    describe: str  # shape in words, for messages: "12 digits"
    fits: Callable[[str], bool]  # has this scheme's shape (compact number)
    verify: Callable[[str], str | None] | None  # problem or None; None = no rule beyond the shape
    kind: Callable[[str], Kind | None]
    normalise: Callable[[str], str] = str
    has_check_digit: bool = True
    guessable: bool = True  # may be chosen from the shape alone, with no country given


def digits(length: int | tuple[int, ...]) -> Callable[[str], bool]:
    lengths = (length,) if isinstance(length, int) else length
    return lambda n: n.isdigit() and n.isascii() and len(n) in lengths


def stdnum_verify(module: ModuleType, name: str) -> Callable[[str], str | None]:
    def verify(number: str) -> str | None:
        try:
            module.validate(number)
        except stdnum_errors.InvalidChecksum:
            return f"{name} check digit does not match"
        except stdnum_errors.ValidationError as exc:
            return f"{name}: {exc.message.rstrip('.').lower()}"
        return None

    return verify


def _kz_verify(shape_problem: Callable[[str], str | None], name: str) -> Callable[[str], str | None]:
    def verify(number: str) -> str | None:
        if problem := shape_problem(number):
            return problem
        expected = kz_id.check_digit(number[:11])
        if expected is None:
            return f"{name} {number[:11]}… cannot be issued (no valid check digit exists)"
        if number[11] != expected:
            return f"{name} check digit is {number[11]}, expected {expected}"
        return None

    return verify


def _const(kind: Kind | None) -> Callable[[str], Kind | None]:
    return lambda _n: kind


_COMPANY, _PERSON, _UNKNOWN = _const("company"), _const("person"), _const(None)

_SCHEMES = [
    # VÖEN: last digit 1 = legal person, 2 = natural person (stdnum docs, OECD TIN sheet).
    Scheme("az.voen", "AZ", "10 digits", digits((9, 10)), stdnum_verify(voen, "az.voen"),
           lambda n: {"1": "company", "2": "person"}.get(n[-1]), voen.compact),
    # VKN is for legal entities; Turkish natural persons use the T.C. kimlik no.
    Scheme("tr.vkn", "TR", "10 digits", digits(10), stdnum_verify(vkn, "tr.vkn"), _COMPANY),
    Scheme("tr.tckimlik", "TR", "11 digits", digits(11), stdnum_verify(tckimlik, "tr.tckimlik"), _PERSON),
    # NIP and Partita IVA are business numbers (sole traders included): "company" = a business party.
    Scheme("pl.nip", "PL", "10 digits", digits(10), stdnum_verify(nip, "pl.nip"), _COMPANY),
    Scheme("it.iva", "IT", "11 digits", digits(11), stdnum_verify(iva, "it.iva"), _COMPANY),
    # CNIC has structure (province, gender) but no check digit.
    Scheme("pk.cnic", "PK", "13 digits", digits(13), stdnum_verify(cnic, "pk.cnic"), _PERSON,
           has_check_digit=False),
    # NTN: 7 digits, often written with a check digit after a dash (1234567-8). The check algorithm is
    # not public, so only the format is checked and the 7-digit base is kept (the check digit is
    # determined by it, so nothing is lost). Issued to companies, associations and individuals.
    Scheme("pk.ntn", "PK", "7 digits (+ check digit after a dash)", digits((7, 8)), None, _UNKNOWN,
           lambda n: n[:7], has_check_digit=False, guessable=False),
    # 9 digits: legal entities; 10 digits: EGN (persons) or PNF (foreigners).
    Scheme("bg.vat", "BG", "9 or 10 digits", digits((9, 10)), stdnum_verify(bg_vat, "bg.vat"),
           lambda n: "company" if len(n) == 9 else "person"),
    Scheme("kz.bin", "KZ", "12 digits (YYMM, type 4-6, division 0-3, serial, check)",
           kz_id.is_bin_shape, _kz_verify(kz_id.bin_problem, "BIN"), _COMPANY),
    Scheme("kz.iin", "KZ", "12 digits (YYMMDD, century/sex, serial, check)",
           lambda n: digits(12)(n) and not kz_id.is_bin_shape(n), _kz_verify(kz_id.iin_problem, "IIN"),
           _PERSON),
    # Uzbekistan STIR: 9 digits, companies start 2 or 3 (domain notes); no public check algorithm.
    Scheme("uz.stir", "UZ", "9 digits", digits(9), None,
           lambda n: "company" if n[0] in "23" else None, has_check_digit=False, guessable=False),
    # Georgia: the 9-digit identification code is a legal entity's (persons have 11-digit numbers).
    Scheme("ge.id", "GE", "9 digits", digits(9), None, _COMPANY, has_check_digit=False, guessable=False),
    # Kyrgyzstan INN: 14 digits; legal entities start with 0, persons with 1/2 (sex) + birth DDMMYYYY.
    Scheme("kg.inn", "KG", "14 digits", digits(14), None,
           lambda n: "company" if n[0] == "0" else "person" if n[0] in "12" else None,
           has_check_digit=False, guessable=False),
    Scheme("tj.inn", "TJ", "9 digits", digits(9), None, _UNKNOWN, has_check_digit=False, guessable=False),
    # Turkmenistan: no public description of the number was found; digits only, 9-12 accepted.
    Scheme("tm.inn", "TM", "9 to 12 digits", digits((9, 10, 11, 12)), None, _UNKNOWN,
           has_check_digit=False, guessable=False),
    # Major counterpart countries that stdnum covers.
    Scheme("ru.inn", "RU", "10 or 12 digits", digits((10, 12)), stdnum_verify(ru_inn, "ru.inn"),
           lambda n: "company" if len(n) == 10 else "person"),
    Scheme("cn.uscc", "CN", "18 characters", lambda n: len(n) == 18 and n.isalnum(),
           stdnum_verify(uscc, "cn.uscc"), _COMPANY),
]  # fmt: skip

SCHEMES: dict[str, Scheme] = {s.name: s for s in _SCHEMES}

COUNTRY_SCHEMES: dict[str, list[Scheme]] = {}
for _s in _SCHEMES:
    COUNTRY_SCHEMES.setdefault(_s.country, []).append(_s)

_SCHEME_NAME = re.compile(r"([a-z]{2})\.([a-z_]+)")


def get_scheme(name: str) -> Scheme:
    """A scheme by name: ours first, else any stdnum module (``de.vat``); ValueError if neither."""
    name = name.strip().lower()
    if name in SCHEMES:
        return SCHEMES[name]
    match = _SCHEME_NAME.fullmatch(name)
    module = get_cc_module(match.group(1), match.group(2)) if match else None
    if match is None or module is None or not hasattr(module, "validate"):
        raise ValueError(
            f"unknown tax id scheme {name!r}; known: {', '.join(sorted(SCHEMES))} or a stdnum module"
        )
    return stdnum_scheme(module, name, match.group(1).upper())


def stdnum_scheme(module: ModuleType, name: str, country: str) -> Scheme:
    return Scheme(name, country, "the stdnum format", lambda n: True, stdnum_verify(module, name), _UNKNOWN,
                  module.compact, guessable=False)  # fmt: skip


@cache
def country_vat_scheme(country: str) -> Scheme | None:
    """stdnum's VAT module for a country we have no own scheme for (EU, UAE...), if any."""
    module = get_cc_module(country, "vat")
    return stdnum_scheme(module, f"{country.lower()}.vat", country) if module else None


def is_number_prefix(prefix: str) -> bool:
    """A 2-letter prefix that names the issuing country: ours, or an EU VAT prefix (EL = Greece).

    Deliberately narrow: "No. 12345" must not be read as a Norwegian number.
    """
    return prefix in COUNTRY_SCHEMES or prefix.lower() in eu_vat.MEMBER_STATES or prefix == "EL"
