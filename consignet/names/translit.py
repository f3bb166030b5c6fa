"""ASCII transliteration and a spelling skeleton on which transliteration schemes converge.

``to_ascii`` turns any script into lower-case ASCII. We use ``anyascii`` (per character, ~2 µs a
name) rather than ``rigour.text.ascii_text`` (ICU based, measured ~190 µs a name here), because the
resolver transliterates every distinct name of a million-mention batch; the skeleton below absorbs
the differences between the two (``Khasanov`` vs ``Hasanov``). Letters that ``anyascii`` would flatten
badly are mapped first: ``ş/š → sh`` and ``ç/č → ch`` (not ``s``/``c``), ``ə → a`` (the usual English
spelling of Azerbaijani names: Məmmədov → Mammadov), Turkish ``İ/ı → i``, Uzbek ``oʻ → u``
(the letter ў; ``clean_display`` has already turned o' o` o‘ into oʻ).

``skeleton`` folds the letters that differ between Russian romanisations (BGN/PCGN, GOST, ISO 9, ICAO
passports), Uzbek/Kazakh/Azerbaijani/Turkish Latin and Polish spelling onto one form, e.g. Shelkovyy /
Shelkovyj / Shelkovyi / Şelkovyj → ``shelkovi``; Khasanov / Hasanov / Xasanov → ``hasanov``;
Zhanibek / Janibek / Dzhanibek → ``janibek``; Yuliya / Iuliia → ``iulia``. It is a matching key, not a
spelling anyone would write.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

from .text import APOSTROPHES

# Uzbek Latin oʻ is the letter ў (Cyrillic Ўринбоев = Oʻrinboyev = Russian Уринбаев): read it as u.
_UZBEK_U = re.compile("([oO])\u02bb")

_PRE = str.maketrans(
    {
        "ə": "a",
        "Ə": "A",
        "ı": "i",
        "İ": "I",
        "š": "sh",
        "Š": "Sh",
        "ş": "sh",
        "Ş": "Sh",
        "ș": "sh",
        "Ș": "Sh",
        "č": "ch",
        "Č": "Ch",
        "ç": "ch",
        "Ç": "Ch",
        "ž": "zh",
        "Ž": "Zh",
        "ţ": "ts",
        "ț": "ts",
        "Ţ": "Ts",
        "Ț": "Ts",
        # Apostrophes inside words (soft sign, Uzbek oʻ, Georgian ejectives) carry no letter.
        **{c: "" for c in APOSTROPHES},
        "\u02bb": "",
    }
)
_TOKEN = re.compile(r"[a-z0-9]+")


def to_ascii(text: str) -> str:
    """Lower-case ASCII transliteration of ``text`` (any script), apostrophes removed."""
    text = _UZBEK_U.sub(lambda m: "U" if m.group(1) == "O" else "u", text)
    return anyascii(text.translate(_PRE)).lower().replace("'", "").replace("`", "")


def ascii_tokens(text: str) -> list[str]:
    """Words of ``text`` as lower-case ASCII (letters and digits; hyphens and dots split words)."""
    return _TOKEN.findall(to_ascii(text))


# One left-to-right pass; longest alternatives first. Upper-case letters are placeholders so a
# replacement is never re-read by a later rule: S=sh, C=ch, J=j/zh, H=h/kh/x.
_FOLD = re.compile(r"shch|sch|dzh|tch|sz|cz|sh|ch|zh|kh|gh|ph|ck|dj|ex|c(?=[eiy])|[cqwxyjh]")
_FOLD_MAP = {
    "shch": "S",
    "sch": "S",
    "sz": "S",
    "sh": "S",
    "tch": "C",
    "cz": "C",
    "ch": "C",
    "dzh": "J",
    "dj": "J",
    "zh": "J",
    "kh": "H",
    "h": "H",
    "x": "H",
    "gh": "g",
    "ph": "f",
    "ck": "k",
    "q": "k",
    "c": "k",
    "w": "v",
    "ex": "eks",  # export, express, textile: English x, unlike Uzbek x = kh (Xasanov, Baxtiyor)
    "y": "i",
}
_VOWELS = frozenset("aeiouy")
_DOUBLE = re.compile(r"(.)\1+")
# y between o/a/u and e is the glide that Cyrillic е carries: Boyev = Боев, Urinboyev = Ўринбоев
_Y_BETWEEN = re.compile(r"(?<=[aou])i(?=e)")
_PLACEHOLDERS = str.maketrans({"S": "sh", "C": "ch", "J": "j", "H": "h"})


def _fold(match: re.Match[str]) -> str:
    part = match.group(0)
    if part == "c":  # c before e/i/y sounds s (Center, Cement); elsewhere k (Company)
        return "s" if match.end() < len(match.string) and match.string[match.end()] in "eiy" else "k"
    if part == "j":
        # j after a vowel and before a consonant or the end is the й of ISO 9/GOST (Sergej, Kajrat,
        # Shelkovyj); elsewhere it is Uzbek/Turkic j = ж/дж (Jamshid, Tijorat, Xoja).
        text, i = match.string, match.start()
        after_vowel = i > 0 and text[i - 1] in _VOWELS
        before_vowel = i + 1 < len(text) and text[i + 1] in _VOWELS
        return "i" if after_vowel and not before_vowel else "J"
    if part == "x" and match.start() == 0:
        return "H"
    return _FOLD_MAP[part]


def _skeleton(token: str) -> str:
    if token[:2] in ("ye", "je", "ie") and len(token) > 3:
        token = token[1:]  # Yerlan / Erlan, Yevgeniy / Evgeniy: the initial y of е is optional
    folded = _FOLD.sub(_fold, token)
    folded = _Y_BETWEEN.sub("", folded)
    return _DOUBLE.sub(r"\1", folded).translate(_PLACEHOLDERS).replace("shh", "sh")


# English business words as Russian, Turkish, Azerbaijani... documents spell them (Интернэшнл,
# Трейдинг, Lojistik): one skeleton each, so ``Qarabağ International`` meets ``Карабах Интернэшнл``.
_SYNONYMS_WRITTEN = {
    "international": "interneshnl internashnl internaeshnl internešnl interneshnal internasional uluslararasi",
    "trading": "treiding treyding trejding",
    "trade": "treid treyd trejd",
    "logistics": "logistic logistik logistiks lojistik logistika lojistika",
    "group": "grupp gruppa grup",
    "service": "servis serviz servisi",
    "company": "kompani kompaniya kompania kompaniia",
    "technology": "tekhnolodzhi tehnolodzhi teknoloji texnologiya tekhnologiya",
    "holding": "kholding",
    "industrial": "industriyal industrialnaya",
    "electronics": "elektroniks elektronika elektronik",
    "export": "eksport",
    "import": "import",
    "transport": "transport",
    "center": "tsentr sentr",
    "express": "ekspress ekspres",
}
_SYNONYMS: dict[str, str] = {}
for _canon, _variants in _SYNONYMS_WRITTEN.items():
    for _variant in _variants.split():
        _SYNONYMS[_skeleton(_variant)] = _skeleton(_canon)


@lru_cache(maxsize=1 << 20)
def skeleton_token(token: str) -> str:
    """Skeleton of one lower-case ASCII word (see module doc). Digits are kept as they are."""
    if token.isdigit():
        return token
    skel = _skeleton(token)
    return _SYNONYMS.get(skel, skel)


_NOT_CONSONANT = str.maketrans("", "", "aeiouy")


@lru_cache(maxsize=1 << 20)
def consonants(skel: str) -> str:
    """Consonant outline of a skeleton word, for scripts that omit short vowels (Arabic, Urdu)."""
    out = skel.translate(_NOT_CONSONANT)
    return out or skel
