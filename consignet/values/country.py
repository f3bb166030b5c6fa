"""Countries: codes and names in the languages of the network -> ISO 3166-1 alpha-2.

Accepted: alpha-2 (``KZ``), alpha-3 (``KAZ``), numeric (``398``), English and Russian names from the
shipped table, pycountry's names, and pycountry's own translations (iso-codes project) for the
languages officers of the network write in: Kazakh ``Қазақстан``, Turkish ``Kazakistan``, Uzbek
``Oʻzbekiston``, Azerbaijani ``Azərbaycan``...
"""

from __future__ import annotations

import gettext
import re
from functools import lru_cache

import pycountry
from anyascii import anyascii

from consignet import refdata
from consignet.values.base import Cleaned, RawValue, empty, good, is_blank, raw_text, reject

# Languages of IREN members and WCO Europe partners first, then common trade languages.
LANGUAGES = (
    "ru", "kk", "ky", "tg", "tk", "uz", "az", "ka", "ur", "tr", "bg", "pl", "it",
    "uk", "fa", "ar", "zh_CN", "de", "fr", "es",
)  # fmt: skip

# Names and codes in everyday use that neither ISO nor the iso-codes translations carry.
EXTRA_NAMES = {
    "UK": "GB", "Great Britain": "GB", "Britain": "GB", "England": "GB",
    "USA": "US", "America": "US", "UAE": "AE", "Emirates": "AE",
    "Turkey": "TR", "Turkiye": "TR", "Turkiya": "TR", "Türkiya": "TR",
    "Kirgizia": "KG", "Kirghizia": "KG", "Kyrgyz Republic": "KG", "Киргизстан": "KG",
    "Turkmenia": "TM", "Persia": "IR", "Holland": "NL", "Czech Republic": "CZ",
    "Macedonia": "MK", "Burma": "MM", "Swaziland": "SZ", "Ivory Coast": "CI",
    "Moldavia": "MD", "Byelorussia": "BY", "Vatican": "VA",
    "Россия": "RU", "РФ": "RU", "ОАЭ": "AE", "КНР": "CN", "Туркмения": "TM",
    "Белоруссия": "BY", "Молдавия": "MD", "Великобритания": "GB",
}  # fmt: skip

_APOSTROPHES = re.compile(r"['`\u2018\u2019\u02bb\u02bc\u02b9]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def name_key(text: str) -> str:
    """Fold a country name for lookup: script, case, accents and punctuation do not count."""
    # Turkish/Azerbaijani dotted capital I lower-cases to i + combining dot, and dotless ı is not i:
    # fold both before transliterating so that TÜRKİYE, Türkiye and turkiye meet.
    text = text.replace("İ", "I").replace("ı", "i").replace("&", " and ")
    # anyascii transliterates every script (Қазақстан -> Qazaqstan, Azərbaycan -> Azerbaycan), so
    # Cyrillic, Latin and typed-without-diacritics variants of one name share a key.
    text = _APOSTROPHES.sub("", anyascii(text)).casefold()
    words = _NON_ALNUM.sub(" ", text).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    """name key -> alpha-2. Earlier sources win; a key two countries share at one level is dropped."""
    table = refdata.countries()
    levels: list[list[tuple[str, str]]] = [
        [(name, a2) for name, a2 in EXTRA_NAMES.items()],
        [(n, a2) for a2, row in table.items() for n in (row.name_en, row.name_ru, *row.aliases)],
    ]
    iso: list[tuple[str, str]] = []
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            if value := getattr(c, attr, None):
                iso.append((value, c.alpha_2))
    levels.append(iso)
    for lang in LANGUAGES:
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        levels.append([(tr.gettext(name), a2) for name, a2 in iso])
    index: dict[str, str] = {}
    for level in levels:
        found: dict[str, set[str]] = {}
        for name, a2 in level:
            if key := name_key(name):
                found.setdefault(key, set()).add(a2)
        for key, codes in found.items():
            if key not in index and len(codes) == 1:
                index[key] = next(iter(codes))
    return index


@lru_cache(maxsize=1)
def _codes() -> tuple[dict[str, str], dict[str, str]]:
    """alpha-3 -> alpha-2 and numeric -> alpha-2."""
    table = refdata.countries()
    return {r.alpha3: a2 for a2, r in table.items()}, {r.numeric: a2 for a2, r in table.items()}


def lookup(text: str) -> str | None:
    """alpha-2 for a code or name, or None."""
    text = text.strip()
    upper = text.upper()
    table = refdata.countries()
    if len(upper) == 2 and upper.isalpha() and upper in table:
        return upper
    alpha3, numeric = _codes()
    if len(upper) == 3 and upper in alpha3:
        return alpha3[upper]
    if upper.isdigit():
        # Only the 3-digit form: a stray "12" must not become Algeria (012).
        return numeric.get(upper) if len(upper) == 3 else None
    return _index().get(name_key(text))


def clean(raw: RawValue) -> Cleaned:
    if is_blank(raw):
        return empty(raw)
    text = raw_text(raw) or ""
    found = lookup(text)
    if found is None:
        return reject(raw, f"unknown country {text.strip()!r}: use an ISO alpha-2/alpha-3 code or a name")
    return good(found, raw)


def name(alpha2: str) -> str:
    """English name of a country from the shipped table; KeyError for an unknown code."""
    row = refdata.countries().get(alpha2.upper())
    if row is None:
        raise KeyError(f"unknown country code {alpha2!r}")
    return row.name_en


def is_landlocked(alpha2: str) -> bool:
    """Landlocked country (UN LLDC list plus the landlocked developed states); False if unknown."""
    row = refdata.countries().get(alpha2.upper())
    return bool(row and row.landlocked)


def is_lldc(alpha2: str) -> bool:
    """On the UN list of Landlocked Developing Countries (the source's own flag)."""
    row = refdata.countries().get(alpha2.upper())
    return bool(row and row.lldc)
