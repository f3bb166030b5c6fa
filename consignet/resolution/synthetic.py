"""Synthetic consignment mentions with a known truth, for tests and the benchmark.

Actors (companies and persons of the IREN and partner countries) trade with habitual partners.
Every record is reported by one country, which writes each party's name its own way: the original
script, or a Latin romanisation by the scheme that country's officers tend to use (BGN/PCGN, ISO 9,
GOST 7.79-B, ICAO passport, Turkish or Polish spelling), in capitals or not, with the legal form
translated, kept or dropped, and sometimes a typo. Tax ids appear only when the reporting country is
the party's own; phones, e-mails and addresses appear at random. Some company names are shared by
several companies of one country (``ТОО «Барыс»``), and some shipments are reported twice (transit).
The romanisation tables here are independent of the matcher's skeleton (consignet.names.translit).
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass, field

from .types import MentionInput

# fmt: off
_RU = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
_SCHEMES = {
    "bgn": "a b v g d e yo zh z i y k l m n o p r s t u f kh ts ch sh shch  y  e yu ya",
    "iso9": "a b v g d e ë ž z i j k l m n o p r s t u f h c č š ŝ  y  è û â",
    "gost": "a b v g d e yo zh z i j k l m n o p r s t u f x cz ch sh shh  y'  e' yu ya",
    "icao": "a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch ie y  e iu ia",
    "tr": "a b v g d e yo j z i y k l m n o p r s t u f h ts ç ş şç  ı  e yu ya",
    "pl": "a b w g d e io ż z i j k l m n o p r s t u f ch c cz sz szcz  y  e ju ja",
}
_EXTRA = {
    "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i", "ў": "u",
    "ҳ": "h", "ҷ": "j", "ӣ": "i", "ӯ": "u",
}
_TABLES: dict[str, dict[str, str]] = {}
for _name, _spec in _SCHEMES.items():
    # ъ and ь are empty in the spec (double spaces): they produce nothing
    _TABLES[_name] = dict(zip(_RU, _spec.split(" "), strict=True)) | _EXTRA
# which scheme a reporting country's officers use for Cyrillic names
_COUNTRY_SCHEME = {
    "GE": "bgn", "AZ": "bgn", "TR": "tr", "PL": "pl", "IT": "iso9", "BG": "gost", "PK": "icao", "UZ": "icao",
    "TM": "bgn", "KZ": "bgn", "KG": "icao", "TJ": "gost",
}
_CYRILLIC_COUNTRIES = {"KG", "KZ", "RU", "TJ", "UZ"}
_COUNTRIES = ["KZ", "UZ", "KG", "TJ", "TM", "AZ", "GE", "PK", "TR", "PL", "BG", "IT", "RU", "CN", "AE"]
_TAX = {
    "KZ": ("kz.bin", 12), "UZ": ("uz.stir", 9), "AZ": ("az.voen", 10), "GE": ("ge.company", 9),
    "TR": ("tr.vkn", 10), "PL": ("pl.nip", 10), "BG": ("bg.vat", 9), "IT": ("it.iva", 11),
    "PK": ("pk.ntn", 7),
}
_FORMS_CYR = {"KZ": "ТОО", "KG": "ОсОО", "TJ": "ҶДММ", "UZ": "МЧЖ", "RU": "ООО"}
# one legal form per actor, in the spellings officers use
_FORMS_LAT = {
    "KZ": ["LLP", "TOO", "LLC"], "KG": ["LLC", "OsOO"], "TJ": ["LLC", "JDMM"], "UZ": ["LLC", "MChJ"],
    "RU": ["LLC", "OOO"], "AZ": ["MMC", "LLC"], "TR": ["Ltd. Şti.", "LTD STI"], "PL": ["Sp. z o.o."],
    "BG": ["EOOD", "OOD"], "IT": ["S.r.l."], "PK": ["(Pvt.) Ltd.", "PVT LTD"], "GE": ["LLC"],
    "CN": ["Co., Ltd."], "AE": ["FZE"], "TM": ["HJ", "ES"],
}
_CYR_WORDS = [
    "шелковый", "путь", "алтын", "дала", "барыс", "восток", "запад", "север", "юг", "степной", "караван",
    "жибек", "жолы", "сарыарка", "жетысу", "тенгри", "ала-тоо", "бишкек", "сомон", "памир", "зарафшан",
    "навруз", "ферганский", "самарканд", "бухара", "хорезм", "каспий", "арал", "иртыш", "тобол", "ишим",
    "есиль", "алатау", "хан-тенгри", "нурлы", "жол", "береке", "бирлик", "достык", "акжол", "бастау",
    "кайнар", "шапагат", "мерей", "самрук", "атамекен", "кокжиек", "арман", "сункар", "бурабай",
]
_CYR_GENERIC = [
    "транс", "трейд", "логистик", "групп", "инвест", "агро", "сервис", "импэкс", "карго", "строй", "текстиль",
    "экспорт",
]
_LAT_WORDS = [
    "anadolu", "kaya", "ozturk", "yildiz", "marmara", "ege", "bosphorus", "karadeniz", "polimex", "baltic",
    "vistula", "krakow", "mazovia", "rossi", "bianchi", "adriatica", "lombardia", "tirreno", "indus",
    "karachi", "lahore", "punjab", "mehran", "xazar", "qafqaz", "abseron", "gence", "kartuli", "batumi",
    "rustavi", "kolkheti", "balkan", "trakia", "rodopi", "dunav", "gulf", "star", "oasis", "falcon", "hengda",
    "jinsheng", "yiwu", "ningbo", "dragon",
]
_LAT_GENERIC = [
    "Trans", "Trading", "Logistics", "Group", "Invest", "Textile", "Cargo", "Shipping", "Impex", "Lojistik",
    "Tekstil",
]
_CYR_GIVEN = [
    "улугбек", "бахтиёр", "ерлан", "нурлан", "асхат", "тимур", "рустам", "фаррух", "жамшид", "шерзод",
    "даулет", "азамат", "айгерим", "гульнара", "дильноза", "мадина", "зарина",
]
_CYR_SURNAME = [
    "карим", "хасан", "жанибек", "рахим", "гафур", "бекмурат", "абдрахман", "сейткали", "кадыр", "уринба",
    "давлат", "юсуп", "назар", "абдулла", "алим", "мамед", "ахмед", "усман", "турсун",
]
_SYL_C, _SYL_V = "бвгджзклмнпрстхчш", "аеиоуы"
# fmt: on


def _pseudo_word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYL_C) + rng.choice(_SYL_V) for _ in range(rng.randint(2, 3))) + rng.choice("нрлкт")


def romanise(text: str, scheme: str) -> str:
    table = _TABLES[scheme]
    out = []
    for ch in text:
        low = ch.lower()
        if low in table:
            rep = table[low]
            out.append(rep.capitalize() if ch != low else rep)
        else:
            out.append(ch)
    return "".join(out)


def _typo(text: str, rng: random.Random) -> str:
    letters = [i for i, c in enumerate(text) if c.isalpha()]
    if len(letters) < 6:
        return text
    i = rng.choice(letters[1:-1])
    op = rng.random()
    if op < 0.4 and i + 1 < len(text):
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    if op < 0.7:
        return text[:i] + text[i + 1 :]
    return text[:i] + text[i] + text[i:]


@dataclass(slots=True)
class Actor:
    actor_id: str
    kind: str
    country: str
    core: str  # name without legal form, in the country's own script
    cyrillic: bool
    tax: tuple[str, str] | None
    phones: list[str]
    email: str | None
    address: str
    partners: list[int] = field(default_factory=list)


def _actors(n: int, rng: random.Random) -> list[Actor]:
    actors: list[Actor] = []
    used: dict[tuple[str, str], int] = {}
    for i in range(n):
        country = rng.choice(_COUNTRIES)
        cyr = country in _CYRILLIC_COUNTRIES
        person = rng.random() < 0.25
        if person:
            stem = rng.choice(_CYR_SURNAME) if rng.random() < 0.3 else _pseudo_word(rng)
            surname = stem + rng.choice(["ов", "ев", "ин"])
            given = rng.choice(_CYR_GIVEN) if rng.random() < 0.6 else _pseudo_word(rng)
            core = f"{surname.capitalize()} {given.capitalize()}"
            if not cyr:
                core = romanise(core, "bgn")
        else:
            words = [_pseudo_word(rng)]
            r = rng.random()
            if r < 0.1:
                words = [rng.choice(_CYR_WORDS if cyr else _LAT_WORDS)]
            elif r < 0.5:
                words.append(rng.choice(_CYR_WORDS) if rng.random() < 0.5 else _pseudo_word(rng))
            if not cyr:
                words = [romanise(w, "bgn") for w in words]
            if rng.random() < 0.5:
                words.append(rng.choice(_CYR_GENERIC) if cyr else rng.choice(_LAT_GENERIC).lower())
            core = " ".join(w.capitalize() for w in " ".join(words).split())
            # a few names are taken again by another company of the same country (same name, other BIN)
            if rng.random() < 0.02 and used:
                other = actors[rng.choice(list(used.values()))]
                if other.kind == "company" and other.country == country:
                    core = other.core
        used[(country, core)] = i
        scheme, digits = _TAX.get(country, (None, 0))
        tax = (scheme, "".join(rng.choice("0123456789") for _ in range(digits))) if scheme and not person else None
        phones = [f"+{rng.randint(10, 99)}{rng.randint(10**8, 10**9 - 1)}"]
        if rng.random() < 0.2:
            phones.append(f"+{rng.randint(10, 99)}{rng.randint(10**8, 10**9 - 1)}")
        email = f"info{i}@{romanise(core.split()[0].lower(), 'bgn')}.example" if rng.random() < 0.4 else None
        address = f"{rng.randint(1, 200)} {romanise(_pseudo_word(rng), 'bgn').capitalize()} street"
        actors.append(
            Actor(f"T{i:07d}", "person" if person else "company", country, core, cyr, tax, phones, email, address)
        )
    for a in actors:
        a.partners = [rng.randrange(n) for _ in range(rng.randint(1, 4))]
    return actors


def _render(actor: Actor, reporter: str, rng: random.Random) -> str:
    core = actor.core
    if actor.cyrillic and reporter not in _CYRILLIC_COUNTRIES:
        core = romanise(core, _COUNTRY_SCHEME.get(reporter, "bgn"))
    elif actor.cyrillic and rng.random() < 0.15:
        core = romanise(core, rng.choice(list(_SCHEMES)))
    if rng.random() < 0.4:
        core = core.upper()
    if rng.random() < 0.08:
        core = _typo(core, rng)
    if actor.kind == "person":
        if rng.random() < 0.3:
            parts = core.split()
            core = " ".join(reversed(parts))
        return core
    r = rng.random()
    if r < 0.2:
        return core
    cyr_text = any("\u0400" <= c <= "\u04ff" for c in core)
    if cyr_text and actor.country in _FORMS_CYR:
        return f"{_FORMS_CYR[actor.country]} «{core}»" if r < 0.7 else f'{_FORMS_CYR[actor.country]} "{core}"'
    return f"{core} {rng.choice(_FORMS_LAT.get(actor.country, ['LLC']))}"


def generate(
    mentions: int, seed: int = 7, actors_per_mention: float = 0.06
) -> tuple[list[MentionInput], dict[str, str]]:
    """About ``mentions`` mentions and their truth (mention id -> true actor id)."""
    rng = random.Random(seed)
    actors = _actors(max(10, int(mentions * actors_per_mention)), rng)
    cum_weights = list(itertools.accumulate(rng.paretovariate(1.3) for _ in actors))  # a few actors ship a lot
    population = range(len(actors))
    out: list[MentionInput] = []
    truth: dict[str, str] = {}
    reporters = [c for c in _COUNTRIES if c not in ("CN", "AE", "RU")]
    rec = 0
    while len(out) < mentions:
        rec += 1
        shipper = rng.choices(population, cum_weights=cum_weights)[0]
        receiver = rng.choice(actors[shipper].partners) if rng.random() < 0.8 else rng.randrange(len(actors))
        parties = [("consignor", shipper), ("consignee", receiver)]
        if rng.random() < 0.25:
            parties.append(("notify", rng.choice(actors[receiver].partners)))
        date = f"20{rng.randint(23, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        # one tuple per record, shared by its mentions (as ``sample.load_sample`` does)
        boxes = (
            f"{'ABCDEFGHJK'[shipper % 10]}{'XYZQW'[shipper % 5]}{'LMN'[shipper % 3]}U{rng.randint(0, 999999):06d}0",
        )
        bls = (f"BL{rec:09d}",)
        reports = [rng.choice(reporters)]
        if rng.random() < 0.1:
            reports.append(rng.choice(reporters))
        for r_i, reporter in enumerate(reports):
            rendered = [(role, idx, _render(actors[idx], reporter, rng)) for role, idx in parties]
            for p_i, (role, idx, name) in enumerate(rendered):
                a = actors[idx]
                own = reporter == a.country
                mid = f"m{rec:08d}{r_i}{p_i}"
                out.append(
                    MentionInput(
                        mention_id=mid,
                        name=name,
                        kind=a.kind if rng.random() < 0.7 else "unknown",
                        country=a.country if rng.random() < 0.85 else None,
                        reporting_country=reporter,
                        role=role,
                        record_id=f"r{rec}-{reporter}",
                        date=date,
                        tax_ids=(a.tax,) if a.tax and own and rng.random() < 0.9 else (),
                        phones=(rng.choice(a.phones),) if rng.random() < 0.35 else (),
                        emails=(a.email,) if a.email and rng.random() < 0.3 else (),
                        addresses=(a.address,) if rng.random() < 0.4 else (),
                        containers=boxes,
                        bl_numbers=bls,
                        counterparties=tuple(n for r2, i2, n in rendered if i2 != idx or r2 != role),
                    )
                )
                truth[mid] = a.actor_id
    return out, truth
