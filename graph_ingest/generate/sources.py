"""The reporting sources: one per country, each with its own habits (names, codes, ids, file layout).

Column headers, encodings, delimiters and date formats live in the mapping profiles
(``graph_ingest/profiles/*.yaml``); this module holds what a profile cannot say: how the officers of
that country write names, which code lengths they use, how their record numbers look.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from ..profile import Profile, load_profile
from .names import NameStyle

PROFILES_DIR = Path(__file__).resolve().parent.parent / "profiles"

RecordId = Callable[[int, date, random.Random], str]


@dataclass(frozen=True)
class SourceSpec:
    profile: str  # profile file stem in graph_ingest/profiles
    country: str
    weight: float  # share of the consignment records
    file_stem: str  # path under OUT_DIR without period and extension
    ext: str
    style: NameStyle
    lang: str  # language of goods descriptions
    countries: str  # alpha2 | alpha3 | name
    hs: str  # tnved10 | cn8 | gtip12 | hs6dot | pct8 | mixed
    record_id: RecordId
    id_fill: float  # how often a home actor's identifiers are filled in
    xlsx_dates: bool = False  # dates as real XLSX date cells
    forwards_from: str | None = None  # country whose records this source passes on (forwarded_by)

    @property
    def loaded(self) -> Profile:
        return profile(self.profile)


@cache
def profile(name: str) -> Profile:
    return load_profile(PROFILES_DIR / f"{name}.yaml")


def _customs(posts: list[str], pattern: str, width: int) -> RecordId:
    def make(serial: int, d: date, rng: random.Random) -> str:
        return pattern.format(post=rng.choice(posts), d=d, serial=f"{serial:0{width}d}")
    return make


def _mrn(country: str, offices: list[str]) -> RecordId:
    # EU Movement Reference Number layout: YY + country + office + serial + procedure letter + check.
    def make(serial: int, d: date, rng: random.Random) -> str:
        return f"{d:%y}{country}{rng.choice(offices)}{serial:06d}{rng.choice('ABCEJK')}{rng.randrange(10)}"
    return make


_BGN = (("bgn", 1.0),)
SOURCES: list[SourceSpec] = [
    SourceSpec("kz-customs", "KZ", .16, "kz/kz_manifest_2025", "csv",
               NameStyle("cyr", keep_national=False, schemes=_BGN, upper=.12, typo=.05, fold=1.0, given_first=.2),
               "ru", "alpha2", "tnved10", _customs(["50508", "55202", "60501", "62001", "39900"],
                                                   "{post}/{d:%d%m%y}/{serial}", 7), .75),
    SourceSpec("uz-customs", "UZ", .10, "uz/uz_yuk_manifest_2025", "xlsx",
               NameStyle("lat", schemes=(("uz", .6), ("bgn", .3), ("passport", .1)), upper=.25, typo=.05, fold=.3,
                         given_first=.2),
               "uz", "alpha2", "tnved10", _customs(["26002", "26003", "27001", "26012"],
                                                   "{post}/{d:%d.%m.%Y}/{serial}", 7), .6, xlsx_dates=True),
    SourceSpec("kg-customs", "KG", .07, "kg/kg_manifest_2025", "csv",
               NameStyle("cyr", upper=.1, typo=.05, fold=.5, given_first=.2),
               "ru", "alpha2", "tnved10", _customs(["41713", "41714", "41701"], "{post}/{d:%d%m%y}/{serial}", 7),
               .5, forwards_from="KZ"),
    SourceSpec("tj-customs", "TJ", .05, "tj/tj_nakladnye_2025", "tsv",
               NameStyle("cyr", upper=.08, typo=.06, fold=.5, given_first=.2),
               "ru", "alpha2", "tnved10", _customs(["10501", "10601", "30401"], "{post}/{d:%d%m%y}/{serial}", 6), .5),
    SourceSpec("tm-customs", "TM", .04, "tm/tm_krw_manifest_2025", "ndjson",
               NameStyle("lat", schemes=(("tm", .4), ("bgn", .4), ("passport", .2)), upper=.5, typo=.04, fold=.4),
               "en", "alpha2", "hs6dot", _customs(["KRW"], "TM-{post}-{d:%Y}-{serial}", 6), .3, forwards_from="AZ"),
    SourceSpec("az-customs", "AZ", .08, "az/az_alyat_manifest_2025", "xlsx",
               NameStyle("lat", schemes=(("az", .5), ("bgn", .3), ("iso9", .2)), upper=.15, typo=.04, fold=.2),
               "az", "alpha3", "tnved10", _customs(["ALT", "BAK"], "{post}{d:%Y}/{serial}", 7), .6, xlsx_dates=True),
    SourceSpec("ge-rs", "GE", .12, "ge/ge_poti_batumi_2025", "csv",
               NameStyle("lat", schemes=(("bgn", .6), ("passport", .25), ("iso9", .15)), upper=.3, typo=.04, fold=.6,
                         given_first=.6),
               "en", "name", "mixed", _customs(["C", "T", "E"], "GE-{d:%Y}-{post}-{serial}", 7), .5),
    SourceSpec("pk-customs", "PK", .09, "pk/pk_weboc_gd_2025", "csv",
               NameStyle("lat", schemes=(("bgn", .7), ("passport", .3)), upper=.7, typo=.05, fold=.8, given_first=.6),
               "en", "alpha3", "pct8", _customs(["KAPE-HC", "KAPW-HC", "PQIB-HC", "KPPI-TR"],
                                                "{post}-{serial}-{d:%d-%m-%Y}", 5), .6),
    SourceSpec("tr-customs", "TR", .12, "tr/tr_beyanname_2025", "csv",
               NameStyle("lat", schemes=(("tr", .5), ("bgn", .3), ("iso9", .2)), upper=.35, typo=.04, fold=.1,
                         turkish_case=True, given_first=.5),
               "tr", "alpha2", "gtip12", _customs(["341300EX", "330100EX", "340200TR", "352000EX"],
                                                  "{d:%y}{post}{serial}", 8), .65),
    SourceSpec("bg-customs", "BG", .05, "bg/bg_varna_burgas_2025", "json",
               NameStyle("cyr", upper=.05, typo=.04, fold=.4, given_first=.5),
               "bg", "alpha2", "cn8", _mrn("BG", ["004000", "002000", "001000"]), .55),
    SourceSpec("pl-kas", "PL", .06, "pl/pl_kas_2025", "csv",
               NameStyle("lat", schemes=(("pl", .5), ("bgn", .3), ("iso9", .2)), upper=.1, typo=.04, fold=.3,
                         given_first=.6),
               "pl", "alpha2", "cn8", _mrn("PL", ["322010", "301000", "441050"]), .6),
    SourceSpec("it-adm", "IT", .06, "it/it_adm_manifesto_2025", "xlsx",
               NameStyle("lat", schemes=(("bgn", .5), ("iso9", .3), ("passport", .2)), upper=.3, typo=.04, fold=.5,
                         given_first=.6),
               "it", "alpha2", "cn8", _mrn("IT", ["GE0100", "SP0100", "TS0100"]), .6),
]
SEIZURE_SOURCES = {
    "KZ": SourceSpec("kz-seizures", "KZ", 0, "kz/kz_seizures_2025", "csv", SOURCES[0].style, "ru", "alpha2",
                     "tnved10", _customs(["АКТ"], "{post}-{d:%Y}/{serial}", 4), 1.0),
    "GE": SourceSpec("ge-seizures", "GE", 0, "ge/ge_seizures_2025", "csv", SOURCES[6].style, "en", "name", "mixed",
                     _customs(["SZ"], "GE-{post}-{d:%Y}-{serial}", 4), 1.0),
}
BY_COUNTRY = {s.country: s for s in SOURCES}
