"""Cyrillic to Latin the ways officers actually meet it.

ICU (PyICU) supplies BGN/PCGN per language and ISO 9 ("Cyrillic-Latin"). ICU has no ICAO 9303
(Russian passport) table, no Turkish/Azerbaijani/Turkmen/Polish/Uzbek renderings of Russian names, so
those are small hand tables below; each is the published letter mapping and nothing more.
"""

from __future__ import annotations

from functools import lru_cache

import icu

# Kazakh/Kyrgyz/Tajik/Uzbek letters typed with the nearest Russian letter (a cp1251 keyboard has none
# of them), which is also what Russian-language documents in the region do.
RUSSIFY = str.maketrans({
    "ә": "а", "Ә": "А", "ғ": "г", "Ғ": "Г", "қ": "к", "Қ": "К", "ң": "н", "Ң": "Н", "ө": "о", "Ө": "О",
    "ұ": "у", "Ұ": "У", "ү": "у", "Ү": "У", "һ": "х", "Һ": "Х", "і": "и", "І": "И", "ҷ": "ч", "Ҷ": "Ч",
    "ҳ": "х", "Ҳ": "Х", "ӣ": "и", "Ӣ": "И", "ӯ": "у", "Ӯ": "У", "ў": "у", "Ў": "У",
})

_PASSPORT = {  # ICAO Doc 9303 as used in Russian passports since 2014
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ie", "ы": "y",
    "ь": "", "э": "e", "ю": "iu", "я": "ia",
}
_COMMON = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "з": "z", "и": "i", "к": "k", "л": "l",
    "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "ъ": "",
    "ь": "", "э": "e",
}
_TURKISH = {**_COMMON, "ё": "yo", "ж": "j", "й": "j", "х": "h", "ц": "ts", "ч": "ç", "ш": "ş", "щ": "şç",
            "ы": "y", "ю": "yu", "я": "ya"}
_AZERI = {**_COMMON, "ё": "yo", "ж": "j", "й": "y", "х": "x", "ц": "ts", "ч": "ç", "ш": "ş", "щ": "şç",
          "ы": "ı", "ю": "yu", "я": "ya"}
_TURKMEN = {**_COMMON, "в": "w", "ё": "ýo", "ж": "ž", "й": "ý", "х": "h", "ц": "s", "ч": "ç", "ш": "ş",
            "щ": "şç", "ы": "y", "ю": "ýu", "я": "ýa"}
_UZBEK = {**_COMMON, "ё": "yo", "ж": "j", "й": "y", "х": "x", "ц": "s", "ч": "ch", "ш": "sh", "щ": "sh",
          "ы": "i", "ю": "yu", "я": "ya", "ъ": "ʼ"}
_POLISH = {**_COMMON, "в": "w", "ё": "io", "ж": "ż", "й": "j", "л": "ł", "х": "ch", "ц": "c", "ч": "cz",
           "ш": "sz", "щ": "szcz", "ы": "y", "ю": "iu", "я": "ia", "ь": "'"}
_TABLES = {"passport": _PASSPORT, "tr": _TURKISH, "az": _AZERI, "tm": _TURKMEN, "uz": _UZBEK, "pl": _POLISH}
_VOWELS = set("аеёиоуыэюяъь")
_SOFT = set("еёиюяь")


def _table(text: str, table: dict[str, str], scheme: str) -> str:
    out: list[str] = []
    prev = ""
    for i, ch in enumerate(text):
        low = ch.lower()
        rep = table.get(low)
        if rep is None:
            out.append(ch)
            prev = low
            continue
        # Word-initial or post-vowel е is "ye" in BGN-like schemes; Polish writes "je".
        if low == "е" and scheme in ("tr", "az", "uz") and (not prev.isalpha() or prev in _VOWELS):
            rep = "ye"
        elif low == "е" and scheme == "pl" and (not prev.isalpha() or prev in _VOWELS):
            rep = "je"
        elif low == "л" and scheme == "pl" and i + 1 < len(text) and text[i + 1].lower() in _SOFT:
            rep = "l"
        if ch.isupper() and rep:
            rep = rep[0].upper() + rep[1:]
        out.append(rep)
        prev = low
    return "".join(out)


@lru_cache(maxsize=16)
def _icu(tid: str) -> icu.Transliterator:
    return icu.Transliterator.createInstance(tid)


def _clean_bgn(text: str) -> str:
    # Officers' keyboards have no prime marks or diaeresis: BGN "putʹ" is typed "put", "Yëlkin" "Yelkin".
    # ICU's Kazakh/Kyrgyz BGN tables write й as ī̆/ĭ and и as ī; typed as y and i.
    text = text.replace("ī\u0306", "y").replace("Ī\u0306", "Y").replace("ĭ", "y").replace("ī", "i").replace("Ī", "I")
    return text.replace("ʹ", "").replace("ʺ", "").replace("ë", "e").replace("Ë", "E")


SCHEMES = ("bgn", "iso9", "passport", "tr", "az", "tm", "uz", "pl")


@lru_cache(maxsize=200_000)
def to_latin(text: str, scheme: str, lang: str = "ru") -> str:
    """Transliterate Cyrillic ``text`` (of language ``lang``: ru, kk, ky, tg, bg) with ``scheme``."""
    if scheme == "bgn":
        tid = {"kk": "Kazakh-Latin/BGN", "ky": "Kirghiz-Latin/BGN", "bg": "Bulgarian-Latin/BGN"}.get(
            lang, "Russian-Latin/BGN")
        src = text if lang in ("kk", "ky", "bg") else text.translate(RUSSIFY)
        return _clean_bgn(_icu(tid).transliterate(src))
    if scheme == "iso9":
        return _icu("Cyrillic-Latin").transliterate(text.translate(RUSSIFY)).replace("ʹ", "'").replace("ʺ", "")
    return _table(text.translate(RUSSIFY), _TABLES[scheme], scheme)


def russify(text: str) -> str:
    return text.translate(RUSSIFY)


_NATIONAL = {"kk": set("әғқңөұүһіӘҒҚҢӨҰҮҺІ"), "ky": set("ңөүҢӨҮ"), "tg": set("ҷҳӣӯқғҶҲӢӮҚҒ")}


def cyr_lang(text: str, lang: str) -> str:
    """``lang`` if ``text`` uses that language's own letters, else "ru" (a Russian name in Kazakhstan)."""
    if lang == "bg":
        return lang
    return lang if lang in _NATIONAL and _NATIONAL[lang] & set(text) else "ru"


def has_cyrillic(text: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in text)


# Lower/upper casing that Turkish and Azerbaijani writers apply: i<->İ, ı<->I.
def upper_tr(text: str) -> str:
    return text.replace("i", "İ").replace("ı", "I").upper()
