"""How one actor's name is written by different officers: script, transliteration, legal form, noise.

Legal forms are recognised by the resolver but must not decide a match, so every form has the variants
officers really type (ТОО/ЖШС/TOO/LLP, MChJ/МЧЖ/ООО, Ltd. Şti./LTD. ŞTİ., ...).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from anyascii import anyascii

from .translit import RUSSIFY, has_cyrillic, to_latin, upper_tr


@dataclass(frozen=True)
class LegalForm:
    code: str
    en: str  # the English equivalent used in the canonical Latin name
    cyr: tuple[str, ...]  # variants in Cyrillic documents, most common first
    lat: tuple[str, ...]  # variants in Latin documents, most common first
    lat_suffix: bool = True  # Latin word order: "Anadolu Lojistik Ltd. Şti." vs "LLC Kolkheti"


def _lf(code: str, en: str, cyr: str, lat: str, lat_suffix: bool = True) -> LegalForm:
    return LegalForm(code, en, tuple(cyr.split("|")), tuple(lat.split("|")), lat_suffix)


FORMS: dict[str, list[tuple[LegalForm, float]]] = {
    "KZ": [(_lf("kz.too", "LLP", "ТОО|ТОО|ТОО|ЖШС|Т.О.О.", "TOO|LLP|LLP|TOO|Limited Liability Partnership"), .85),
           (_lf("kz.ao", "JSC", "АО|АҚ", "AO|JSC|JSC"), .15)],
    "KG": [(_lf("kg.osoo", "LLC", "ОсОО|ОсОО|ООО|ЖЧК", "OsOO|LLC|OsOO|Ltd"), .9),
           (_lf("kg.oao", "OJSC", "ОАО", "OAO|OJSC"), .1)],
    "TJ": [(_lf("tj.jdmm", "LLC", "ҶДММ|ЧДММ|ООО|ЧДММ", "JDMM|LLC|ChDMM|OOO"), .9),
           (_lf("tj.jsk", "JSC", "ҶСК|ОАО", "JSC|OAO"), .1)],
    "UZ": [(_lf("uz.mchj", "LLC", "ООО|МЧЖ|ООО", "MChJ|MCHJ|MChJ|LLC|OOO"), .8),
           (_lf("uz.aj", "JSC", "АО|АЖ", "AJ|JSC|AJ"), .1), (_lf("uz.xk", "PE", "ЧП|ХК", "XK|XK|PE"), .1)],
    "AZ": [(_lf("az.mmc", "LLC", "ООО|MMC", "MMC|MMC|LLC"), .85),
           (_lf("az.asc", "OJSC", "ОАО|ASC", "ASC|ASC|OJSC"), .15)],
    "TM": [(_lf("tm.hj", "ES", "ХО|ХО", "HJ|HJ|ES"), .7), (_lf("tm.hk", "PE", "ЧП|ХК", "HK|HK|PE"), .3)],
    "GE": [(_lf("ge.llc", "LLC", "ООО", "LLC|LLC|Ltd|Ltd.", lat_suffix=False), .9),
           (_lf("ge.jsc", "JSC", "АО", "JSC"), .1)],
    "PK": [(_lf("pk.pvt", "Pvt Ltd", "(Pvt.) Ltd.", "(Pvt.) Ltd.|(Pvt) Ltd|Pvt. Ltd.|(Private) Limited|PVT LTD"), .8),
           (_lf("pk.sole", "", "", ""), .2)],
    "TR": [(_lf("tr.ltd", "Ltd", "Ltd. Şti.", "Ltd. Şti.|Ltd. Şti.|LTD. ŞTİ.|Ltd.Şti.|Ltd Sti|Limited Şirketi"), .75),
           (_lf("tr.as", "JSC", "A.Ş.", "A.Ş.|A.Ş.|AŞ|A.S."), .25)],
    "BG": [(_lf("bg.eood", "Ltd", "ЕООД", "EOOD|EOOD|Ltd."), .6), (_lf("bg.ood", "Ltd", "ООД", "OOD|Ltd."), .3),
           (_lf("bg.ad", "JSC", "АД", "AD|JSC"), .1)],
    "PL": [(_lf("pl.spzoo", "LLC", "Sp. z o.o.",
                "Sp. z o.o.|Sp. z o.o.|sp. z o.o.|Sp.z o.o.|SP. Z O.O.|Spółka z o.o."), .85),
           (_lf("pl.sa", "JSC", "S.A.", "S.A.|SA"), .15)],
    "IT": [(_lf("it.srl", "LLC", "S.r.l.", "S.r.l.|S.r.l.|Srl|SRL|S.R.L."), .75),
           (_lf("it.spa", "JSC", "S.p.A.", "S.p.A.|SpA|S.P.A."), .25)],
    "CN": [(_lf("cn.ltd", "Co Ltd", "Co., Ltd.", "Co., Ltd.|Co., Ltd.|CO.,LTD|Co. Ltd|Company Limited|Co.,Ltd."), 1.0)],
    "HK": [(_lf("hk.ltd", "Ltd", "Limited", "Limited|Ltd|Ltd.|LIMITED"), 1.0)],
    "AE": [(_lf("ae.llc", "LLC", "LLC", "LLC|L.L.C.|LLC"), .45), (_lf("ae.fze", "FZE", "FZE", "FZE"), .3),
           (_lf("ae.fzco", "FZCO", "FZCO", "FZCO|FZCo"), .15),
           (_lf("ae.fzllc", "FZ-LLC", "FZ-LLC", "FZ-LLC|FZ LLC"), .1)],
    "RU": [(_lf("ru.ooo", "LLC", "ООО|ООО|О.О.О.", "OOO|LLC|OOO"), .85),
           (_lf("ru.ao", "JSC", "АО|ЗАО", "AO|JSC"), .15)],
    "IN": [(_lf("in.pvt", "Pvt Ltd", "Pvt. Ltd.", "Pvt. Ltd.|Private Limited|Pvt Ltd"), 1.0)],
    "AM": [(_lf("am.llc", "LLC", "ООО", "LLC|Ltd"), .8), (_lf("am.cjsc", "CJSC", "ЗАО", "CJSC"), .2)],
}
# Individual entrepreneur prefixes, for persons trading in their own name.
ENTREPRENEUR = {"KZ": ("ИП", "IP"), "RU": ("ИП", "IP"), "KG": ("ИП", "IP"), "TJ": ("ИП", "IP"), "UZ": ("ЯТТ", "YaTT")}


@dataclass(frozen=True)
class Stem:
    cyr: str | None  # Cyrillic form (native, or as written in Russian-language documents)
    lat: str | None  # official Latin form where the country writes Latin
    lang: str = "ru"  # language of ``cyr`` for transliteration: ru, kk, ky, tg, bg


@dataclass(frozen=True)
class PersonName:
    surname_cyr: str | None
    given_cyr: str | None
    patronymic_cyr: str | None
    surname_lat: str | None  # official Latin (UZ, AZ, TM, GE, TR, PK, CN)
    given_lat: str | None
    lang: str = "ru"


@dataclass(frozen=True)
class NameStyle:
    """How one reporting source writes names."""

    script: str  # "cyr" or "lat"
    keep_national: bool = True  # keep Kazakh/Kyrgyz/Tajik letters (False: typed with Russian ones)
    schemes: tuple[tuple[str, float], ...] = (("bgn", 1.0),)
    upper: float = 0.1
    typo: float = 0.04
    fold: float = 0.2  # chance to drop diacritics of Latin-native names (ş -> s, ə -> e)
    turkish_case: bool = False
    given_first: float = 0.5


def pick_weighted(rng: random.Random, items: tuple[tuple[str, float], ...] | list[tuple[str, float]]) -> str:
    r = rng.random() * sum(w for _, w in items)
    for item, w in items:
        r -= w
        if r <= 0:
            return item
    return items[-1][0]


def _variant(rng: random.Random, options: tuple[str, ...]) -> str:
    # Skewed to the first (official) spelling.
    return options[min(int(rng.random() ** 2 * len(options)), len(options) - 1)]


_NEIGHBOURS = {"a": "s", "e": "r", "i": "o", "o": "p", "n": "m", "r": "t", "s": "d", "t": "y", "u": "i", "k": "l",
               "а": "в", "е": "н", "и": "м", "о": "л", "н": "т", "р": "п", "с": "ч", "т": "ь", "к": "у", "л": "д"}


def typo(text: str, rng: random.Random) -> str:
    """One keyboard slip: a dropped, doubled, swapped or neighbouring letter."""
    letters = [i for i, c in enumerate(text) if c.isalpha()]
    if len(letters) < 4:
        return text
    i = letters[rng.randrange(1, len(letters) - 1)]
    op = rng.randrange(4)
    if op == 0:
        return text[:i] + text[i + 1:]
    if op == 1:
        return text[:i] + text[i] + text[i:]
    if op == 2 and i + 1 < len(text) and text[i + 1].isalpha():
        return text[:i] + text[i + 1] + text[i] + text[i + 2:]
    low = text[i].lower()
    rep = _NEIGHBOURS.get(low, low)
    rep = rep.upper() if text[i].isupper() else rep
    return text[:i] + rep + text[i + 1:]


def _fold(text: str, rng: random.Random) -> str:
    # ə has no agreed ASCII stand-in: officers write e, a or ä.
    text = text.replace("ə", rng.choice("eaä")).replace("Ə", rng.choice("EA"))
    return "".join(c if ord(c) < 128 else anyascii(c) for c in text)


def _uz_apostrophe(text: str, rng: random.Random) -> str:
    if "ʻ" not in text and "ʼ" not in text:
        return text
    mark = rng.choice(("ʻ", "ʻ", "'", "'", "`", "‘", "’", ""))
    return text.replace("ʻ", mark).replace("ʼ", "'" if mark else "")


def _title(text: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in text.split(" "))


def latin_of_stem(stem: Stem, style: NameStyle, rng: random.Random, home: bool) -> str:
    if stem.lat and (stem.cyr is None or home or rng.random() < 0.65):
        text = _uz_apostrophe(stem.lat, rng)
        return _fold(text, rng) if not home and rng.random() < style.fold else text
    text = to_latin(stem.cyr or "", pick_weighted(rng, style.schemes), stem.lang)
    return _title(text) if rng.random() < 0.6 else text


def _finish(text: str, style: NameStyle, rng: random.Random) -> str:
    if rng.random() < style.upper:
        text = upper_tr(text) if style.turkish_case else text.upper()
    if rng.random() < style.typo:
        text = typo(text, rng)
    return text[:70]


def render_company(stem: Stem, form: LegalForm, style: NameStyle, rng: random.Random, home: bool) -> str:
    if style.script == "cyr" and stem.cyr and (stem.lat is None or not home):
        base = stem.cyr if style.keep_national else stem.cyr.translate(RUSSIFY)
        if " " in base and rng.random() < 0.12:  # "ВостокТрейд", "Восток-Трейд"
            base = base.replace(" ", rng.choice(("", "-")))
        lf = _variant(rng, form.cyr) if form.cyr[0] else ""
        if not style.keep_national:
            lf = lf.translate(RUSSIFY)
        if lf and not has_cyrillic(lf):  # a Latin-script form (Ltd. Şti., Co., Ltd.) keeps Latin order
            text = f"{base} {lf}"
        else:
            q = rng.random()
            quoted = (f"«{base}»" if q < 0.5 else f'"{base}"' if q < 0.78 else f"'{base}'" if q < 0.83
                      else f"„{base}“" if q < 0.86 else base)
            drop = not lf or rng.random() < 0.06
            text = quoted if drop else (f"{lf} {quoted}" if rng.random() < 0.9 else f"{base} {lf}")
    else:
        base = latin_of_stem(stem, style, rng, home) if (stem.lat or stem.cyr) else ""
        translit_form = has_cyrillic(form.cyr[0])
        lf = _variant(rng, form.lat) if form.lat[0] else ""
        if not lf or rng.random() < 0.06:
            text = base
        elif (not form.lat_suffix and rng.random() < 0.5) or (
                translit_form and lf == form.lat[0] and rng.random() < 0.5):
            text = f'{lf} "{base}"' if rng.random() < 0.25 else f"{lf} {base}"
        else:
            text = f"{base} {lf}"
    return _finish(text, style, rng)


def render_person(name: PersonName, style: NameStyle, rng: random.Random, home: bool, prefix: str | None) -> str:
    r = rng.random()
    if style.script == "cyr" and name.surname_cyr and name.given_cyr:
        surname, given, patro = name.surname_cyr, name.given_cyr, name.patronymic_cyr
        if not style.keep_national:
            surname, given = surname.translate(RUSSIFY), given.translate(RUSSIFY)
        if r < 0.45:
            text = f"{surname} {given}"
        elif r < 0.6 and patro:
            text = f"{surname} {given} {patro}"
        elif r < 0.78:
            text = f"{surname} {given[0]}." + (f"{patro[0]}." if patro and rng.random() < 0.7 else "")
        else:
            text = f"{given} {surname}"
    else:
        if name.surname_lat and (name.surname_cyr is None or home or rng.random() < 0.6):
            surname, given = _uz_apostrophe(name.surname_lat, rng), _uz_apostrophe(name.given_lat or "", rng)
            if not home and rng.random() < style.fold:
                surname, given = _fold(surname, rng), _fold(given, rng)
        else:
            scheme = pick_weighted(rng, style.schemes)
            surname = to_latin(name.surname_cyr or "", scheme, name.lang)
            given = to_latin(name.given_cyr or "", scheme, name.lang)
        if r < style.given_first:
            text = f"{given} {surname}"
        elif r < style.given_first + 0.15:
            text = f"{surname.upper()} {given[:1].upper()}."
        else:
            text = f"{surname} {given}"
    if prefix and rng.random() < 0.35:
        text = f"{prefix} {text}"
    return _finish(text, style, rng)
