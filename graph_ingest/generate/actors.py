"""Actors (companies and persons) with their registered identities, and the background population."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from anyascii import anyascii

from . import stems as S
from .addresses import Address, make_address
from .ids import phone, phone_variants, tax_id
from .names import (
    ENTREPRENEUR,
    FORMS,
    LegalForm,
    NameStyle,
    PersonName,
    Stem,
    pick_weighted,
    render_company,
    render_person,
)
from .refdata import CARRIERS
from .translit import cyr_lang, to_latin

COMPANY_COUNTRIES: tuple[tuple[str, float], ...] = (
    ("KZ", .14), ("UZ", .09), ("KG", .06), ("TJ", .04), ("TM", .03), ("AZ", .06), ("GE", .06), ("PK", .07),
    ("TR", .10), ("BG", .03), ("PL", .04), ("IT", .05), ("CN", .12), ("AE", .03), ("HK", .02), ("RU", .06),
    ("IN", .02), ("AM", .01),
)
PERSON_COUNTRIES: tuple[tuple[str, float], ...] = (
    ("KZ", .25), ("UZ", .18), ("KG", .12), ("TJ", .1), ("RU", .1), ("AZ", .07), ("TM", .04), ("GE", .05),
    ("TR", .05), ("PK", .04),
)
CYRILLIC_COUNTRIES = {"KZ", "KG", "TJ", "RU", "BG"}
_CYR_LANG = {"KZ": "kk", "KG": "ky", "TJ": "tg", "BG": "bg"}
_TLD = {"KZ": "kz", "UZ": "uz", "KG": "kg", "TJ": "tj", "TM": "tm", "AZ": "az", "GE": "ge", "PK": "com.pk",
        "TR": "com.tr", "BG": "bg", "PL": "pl", "IT": "it", "CN": "cn", "AE": "ae", "HK": "com.hk", "RU": "ru",
        "IN": "in", "AM": "am"}
_FREE_MAIL = {"KZ": ["mail.ru", "gmail.com", "inbox.ru"], "RU": ["mail.ru", "yandex.ru", "bk.ru"],
              "CN": ["163.com", "qq.com", "126.com"], "default": ["gmail.com", "hotmail.com", "outlook.com"]}
YEAR_START = date(2025, 1, 1)


@dataclass(eq=False)
class Actor:
    id: str
    kind: str  # company | person
    country: str
    name: str  # canonical Latin
    name_native: str
    stem: Stem | None = None
    form: LegalForm | None = None
    person: PersonName | None = None
    entrepreneur: bool = False
    tax_id: str | None = None
    tax_scheme: str | None = None
    registered: date = date(2010, 1, 1)
    phone: str | None = None
    phones: tuple[str, ...] = ()
    email: str | None = None
    address: Address | None = None
    activity: str = "trader"  # trader | forwarder | carrier
    network: str | None = None
    role: str | None = None
    planted: bool = False
    extra: dict[str, str] = field(default_factory=dict)

    def written(self, style: NameStyle, rng: random.Random, reporting_country: str) -> str:
        """The name as an officer of ``reporting_country`` writing in ``style`` would type it."""
        home = reporting_country == self.country
        if self.activity == "carrier":
            return self.name_native if style.script == "cyr" else self.name
        if self.person is not None:
            prefix = None
            if self.entrepreneur:
                cyr, lat = ENTREPRENEUR[self.country]
                prefix = cyr if style.script == "cyr" else lat
            return render_person(self.person, style, rng, home, prefix)
        assert self.stem is not None and self.form is not None
        return render_company(self.stem, self.form, style, rng, home)

    def truth(self) -> dict[str, object]:
        return {"kind": self.kind, "name": self.name, "name_native": self.name_native, "country": self.country,
                "network": self.network, "role_in_network": self.role, "tax_ids": [self.tax_id] if self.tax_id else [],
                "planted": self.planted, "phones": [self.phone] if self.phone else [],
                "emails": [self.email] if self.email else []}


def _join(a: str | None, b: str | None) -> str | None:
    return f"{a} {b}" if a and b else None


def company_stem(country: str, rng: random.Random) -> Stem:
    lang = "ru"
    if country == "CN":
        return Stem(None, f"{rng.choice(S.CN_CITY)} {rng.choice(S.CN_BRAND)} {rng.choice(S.CN_ACTIVITY)}")
    if country in S.LATIN_PARTS:
        pre, suf = S.LATIN_PARTS[country]
        lat, cyr = _join(rng.choice(pre)[0], rng.choice(suf)[0]), None
    elif country in ("UZ", "AZ", "TM") and rng.random() < (0.75 if country == "UZ" else 0.95):
        pre, suf = {"UZ": (S.UZ_PREFIX, S.UZ_SUFFIX), "AZ": (S.AZ_PREFIX, S.AZ_SUFFIX),
                    "TM": (S.TM_PREFIX, S.TM_SUFFIX)}[country]
        (pl, pc), (sl, sc) = rng.choice(pre), rng.choice(suf)
        lat, cyr = (pl, pc) if rng.random() < 0.15 else (_join(pl, sl), _join(pc, sc))
    elif country == "BG":
        lat, cyr, lang = None, _join(rng.choice(S.BG_PREFIX)[1], rng.choice(S.BG_SUFFIX)[1]), "bg"
    else:
        standalone = {"KZ": S.KZ_STANDALONE, "KG": S.KG_STANDALONE, "TJ": S.TJ_STANDALONE}.get(country, S.RU_STANDALONE)
        if rng.random() < 0.35:
            lat, cyr = rng.choice(standalone)
            lang = _CYR_LANG.get(country, "ru") if country in ("KZ", "KG", "TJ") else "ru"
        else:
            lat, cyr = None, _join(rng.choice(S.RU_PREFIX)[1], rng.choice(S.RU_SUFFIX)[1])
        if country in ("UZ", "AZ", "TM"):  # a Russian-named company registered in Latin
            lat = title_case(to_latin(cyr or "", {"UZ": "uz", "AZ": "az", "TM": "tm"}[country]))
    if rng.random() < 0.2:
        q_lat, q_cyr = rng.choice(S.QUALIFIERS)
        cyr = f"{cyr} {q_cyr}".replace(" -", "-") if cyr else None
        lat = f"{lat} {q_lat}".replace(" -", "-") if lat else None
    return Stem(cyr, lat, cyr_lang(cyr, lang) if cyr else lang)


def title_case(text: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in text.split(" "))


def canonical_stem(stem: Stem) -> str:
    return stem.lat or title_case(to_latin(stem.cyr or "", "bgn", stem.lang))


def native_company(stem: Stem, form: LegalForm, country: str) -> str:
    if country in CYRILLIC_COUNTRIES and stem.cyr:
        return f"{form.cyr[0]} «{stem.cyr}»" if form.cyr[0] else stem.cyr
    if country == "GE":
        return f"{form.lat[0]} {stem.lat}"
    return f"{stem.lat} {form.lat[0]}".strip()


def person_name(country: str, rng: random.Random) -> tuple[PersonName, bool]:
    female = rng.random() < 0.25

    def fem(s: str | None) -> str | None:
        if s and female and s[-2:] in ("ов", "ев", "ин", "ov", "ev", "ow", "ew"):
            return s + ("а" if s[-1] in "вн" else "a")
        return s
    if country in S.PEOPLE_PAIRS:
        sur, males, females = S.PEOPLE_PAIRS[country]
        (sl, sc), (gl, gc) = rng.choice(sur), rng.choice(females if female else males)
        patro = None
    elif country in S.PEOPLE_LAT:
        sur, males, females = S.PEOPLE_LAT[country]
        return PersonName(None, None, None, rng.choice(sur), rng.choice(females if female else males)), female
    else:
        sur, males, females = S.PEOPLE_CYR.get(country, S.PEOPLE_CYR["RU"])
        sl, sc, gl, gc = None, rng.choice(sur), None, rng.choice(females if female else males)
        base = rng.choice(S.PATRONYMIC_BASES)
        stem_ = base[:-1] + "е" if base.endswith("й") else base + "о"
        patro = stem_ + ("вна" if female else "вич") if country != "BG" else None
    lang = cyr_lang(f"{sc} {gc}", _CYR_LANG.get(country, "ru")) if sc else "ru"
    return PersonName(fem(sc), gc, patro, fem(sl), gl, lang), female


def _email(slug: str, country: str, rng: random.Random) -> str:
    slug = "".join(c for c in anyascii(slug).lower() if c.isalnum())[:20] or "office"
    if rng.random() < 0.5:
        box = rng.choice(["info", "sales", "office", "export", "import", "logistics"])
        return f"{box}@{slug}.{_TLD.get(country, 'com')}"
    free = _FREE_MAIL.get(country, _FREE_MAIL["default"])
    return f"{slug}{rng.randint(1, 99) if rng.random() < 0.5 else ''}@{rng.choice(free)}"


class Population:
    """All actors; background traders and forwarders are picked per country with a skewed draw."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.actors: dict[str, Actor] = {}
        self.traders: dict[str, list[Actor]] = {}
        self.forwarders: dict[str, list[Actor]] = {}
        self.carriers: dict[str, list[Actor]] = {}

    def _id(self) -> str:
        return f"A{len(self.actors) + 1:05d}"

    def add_company(self, country: str, stem: Stem | None = None, form: LegalForm | None = None,
                    registered: date | None = None, activity: str = "trader", background: bool = True) -> Actor:
        rng = self.rng
        stem = stem or company_stem(country, rng)
        form = form or _pick_form(country, rng)
        registered = registered or date(1995, 1, 1) + timedelta(days=rng.randrange(365 * 30))
        tid = tax_id(country, False, registered, rng)
        name = f"{canonical_stem(stem)} {form.en}".strip()
        actor = Actor(self._id(), "company", country, name, native_company(stem, form, country), stem=stem,
                      form=form, registered=registered, activity=activity)
        if tid:
            actor.tax_id, actor.tax_scheme = tid
        self._contacts(actor, canonical_stem(stem))
        self.actors[actor.id] = actor
        if background and activity == "trader":
            self.traders.setdefault(country, []).append(actor)
        elif background and activity == "forwarder":
            self.forwarders.setdefault(country, []).append(actor)
        return actor

    def add_person(self, country: str, background: bool = True) -> Actor:
        rng = self.rng
        pname, female = person_name(country, rng)
        born = date(1960, 1, 1) + timedelta(days=rng.randrange(365 * 40))
        given = pname.given_lat or to_latin(pname.given_cyr or "", "bgn", pname.lang)
        surname = pname.surname_lat or to_latin(pname.surname_cyr or "", "bgn", pname.lang)
        native = (f"{pname.surname_cyr} {pname.given_cyr}" if country in CYRILLIC_COUNTRIES
                  else f"{pname.surname_lat} {pname.given_lat}")
        actor = Actor(self._id(), "person", country, f"{given} {surname}", native, person=pname,
                      entrepreneur=country in ENTREPRENEUR and rng.random() < 0.6, registered=born)
        tid = tax_id(country, True, born, rng)
        if tid:
            actor.tax_id, actor.tax_scheme = tid
        self._contacts(actor, f"{surname}.{given}")
        self.actors[actor.id] = actor
        if background:
            self.traders.setdefault(country, []).append(actor)
        return actor

    def _contacts(self, actor: Actor, slug: str) -> None:
        actor.phone = phone(actor.country, self.rng)
        actor.phones = phone_variants(actor.phone) if actor.phone else ()
        actor.email = _email(slug, actor.country, self.rng)
        actor.address = make_address(actor.country, self.rng)

    def populate(self, companies: int) -> None:
        rng = self.rng
        for mode, rows in CARRIERS.items():
            for country, native, latin in rows:
                actor = Actor(self._id(), "company", country, latin, native or latin, activity="carrier")
                self.actors[actor.id] = actor
                self.carriers.setdefault(mode, []).append(actor)
        for _ in range(companies):
            country = pick_weighted(rng, COMPANY_COUNTRIES)
            self.add_company(country, activity="forwarder" if rng.random() < 0.12 else "trader")
        for _ in range(max(10, companies // 8)):
            self.add_person(pick_weighted(rng, PERSON_COUNTRIES))
        for country, _ in COMPANY_COUNTRIES:  # every country has at least a few of each
            while len(self.traders.get(country, [])) < 4:
                self.add_company(country)
            while len(self.forwarders.get(country, [])) < 2:
                self.add_company(country, activity="forwarder")

    def pick(self, country: str, rng: random.Random, forwarder: bool = False) -> Actor:
        pool = (self.forwarders if forwarder else self.traders)[country]
        # Skewed: a few companies ship a lot, most ship rarely.
        return pool[int(len(pool) * rng.random() ** 1.6)]


def _pick_form(country: str, rng: random.Random) -> LegalForm:
    options = FORMS[country]
    r = rng.random() * sum(w for _, w in options)
    for form, w in options:
        r -= w
        if r <= 0:
            return form
    return options[-1][0]
