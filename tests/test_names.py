"""consignet.names: cleaning, legal forms, scripts, transliteration keys, kind hints, similarity."""

from __future__ import annotations

import pytest

from consignet.names import classify_kind, clean_display, name_similarity, parse_name, skeleton_token, to_ascii


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("ТОО «Шелковый путь»", 'ТОО "Шелковый путь"'),
        ("  SHELKOVYY   PUT  LLP ", "SHELKOVYY PUT LLP"),
        ("„Polimex“ Sp. z o.o.", '"Polimex" Sp. z o.o.'),
        ("'Barys' LLP", '"Barys" LLP'),
        ('" Barys "', "Barys"),
        ("Shelkovyy Put'", "Shelkovyy Put"),  # a transliterated soft sign, not a quote
        ("O'zbek Savdo", "Oʻzbek Savdo"),  # Uzbek oʻ typed with an ASCII apostrophe
        ("Qo‘qon G`alaba", "Qoʻqon Gʻalaba"),
        ("YOʻLDOSHEV", "YOʻLDOSHEV"),
        ("O'Brien Ltd", "O'Brien Ltd"),  # not Uzbek: capital letter after the apostrophe
        ("ООО «Вocтoк»", 'ООО "Восток"'),  # Latin o and c typed inside a Cyrillic word
        ("Intern·eshnl", "Interneshnl"),  # BGN's separating middle dot
        ("Alfa\u200bTrans", "AlfaTrans"),
    ],
)
def test_clean_display(raw: str, clean: str) -> None:
    assert clean_display(raw) == clean


@pytest.mark.parametrize(
    ("raw", "form", "core_key"),
    [
        ("ТОО «Шелковый путь»", "LLP", "put shelkovi"),
        ("ЖШС «Барыс»", "LLP", "baris"),
        ("Т.О.О. «Барыс»", "LLP", "baris"),
        ("ОсОО «Ала-Тоо Транс»", "LLC", "ala to trans"),  # Тоо inside quotes is part of the name
        ("ҶДММ «Сомон»", "LLC", "somon"),
        ("ЧДММ Сомон", "LLC", "somon"),
        ("МЧЖ «Oʻzbek Savdo»", "LLC", "savdo uzbek"),
        ("Ozbek Savdo MChJ", "LLC", "ozbek savdo"),
        ("Polimex Sp. z o.o.", "LLC", "polimeks"),
        ("Balkan Trans EOOD", "LLC", "balkan trans"),
        ("Gulf Star FZE", "FZE", "gulf star"),
        ("Gulf Star FZCO", "FZCO", "gulf star"),
        ("Al-Noor Textiles (Pvt.) Ltd.", "PVT LTD", "al nor tekstiles"),
        ("Kaya Tekstil Ltd. Şti.", "Ltd", "kaia tekstil"),
        ("KAYA TEKSTİL A.Ş.", "JSC", "kaia tekstil"),
        ("Rossi Trasporti S.p.A.", "JSC", "rosi trasporti"),
        ("Shenzhen Hengda Co., Ltd.", "Ltd", "hengda shenjen"),  # pinyin zh = Russian чж
        ("ИП Иванов Сергей", "IE", "ivanov sergei"),
        ("შპს „ქართული ლოჯისტიკა“", "LLC", "kartuli logistiks"),
        ("ООЛ «Профи»", "LLC", "profi"),  # one letter mistyped in a capitalised legal form
        ("Alfa Inc.", "Inc", "alfa"),  # from rigour's world list
    ],
)
def test_legal_forms_are_set_aside(raw: str, form: str, core_key: str) -> None:
    parsed = parse_name(raw)
    assert parsed.legal_form == form
    assert parsed.key == core_key
    assert parsed.legal_form_raw  # kept as evidence


def test_name_that_is_only_a_legal_form_keeps_its_words() -> None:
    assert parse_name("ООО").tokens == ("ooo",)


def test_all_caps_words_are_not_taken_for_mistyped_legal_forms() -> None:
    assert parse_name("TOY MARKET LLC").key == "market toi"
    assert parse_name("Toy Market").legal_form is None


@pytest.mark.parametrize(
    ("raw", "script"),
    [
        ("Барыс", "cyrillic"),
        ("Barys", "latin"),
        ("ბარისი", "georgian"),
        ("شرکت", "arabic"),
        ("Восток Trans", "mixed"),
        ("123", "none"),
    ],
)
def test_script(raw: str, script: str) -> None:
    assert parse_name(raw).script == script


def test_turkic_letters_do_not_vanish() -> None:
    # 'İ'.lower() is i + combining dot; NFKD + ASCII-ignore would delete ə and ı
    assert to_ascii("ƏLİYEV İlham") == "aliyev ilham"
    assert to_ascii("Iğdır Şişli") == "igdir shishli"
    assert parse_name("KAYA LOJİSTİK").key == parse_name("Kaya Lojistik").key


@pytest.mark.parametrize(
    "spellings",
    [
        ["Шелковый", "Shelkovyy", "Shelkovyj", "Shelkovyi", "Şelkovyj", "Shelkovy", "Šelkovyj"],  # BGN, GOST, ICAO, ISO
        ["Хасанов", "Khasanov", "Hasanov", "Xasanov"],
        ["Жанибек", "Zhanibek", "Janibek", "Dzhanibek", "Djanibek"],
        ["Юлия", "Yuliya", "Iuliia", "Yulia"],
        ["Щукин", "Shchukin", "Ščukin"],
        ["Цой", "Tsoi", "Tsoy"],
        ["Ерлан", "Yerlan", "Erlan"],
        ["Szymański", "Шиманский", "Shimanskiy"],
        ["Çelik", "Chelik", "Челик"],
        ["Ўринбоев", "Oʻrinboyev"],
        ["Интернэшнл", "International"],
    ],
)
def test_romanisations_converge_on_one_skeleton(spellings: list[str]) -> None:
    keys = {parse_name(s).key for s in spellings}
    assert len(keys) == 1, keys


def test_skeleton_keeps_digits_and_distinct_words_apart() -> None:
    assert skeleton_token("2000") == "2000"
    assert skeleton_token("trans") != skeleton_token("treid")


def test_camel_case_words_are_split() -> None:
    assert parse_name("ТОО «СтандартЭлектроника»").key == parse_name("Standart Elektronika LLP").key


@pytest.mark.parametrize(
    ("raw", "scheme", "kind"),
    [
        ("ТОО «Барыс»", None, "company"),
        ("Vostok Trans", None, "company"),
        ("Каримов Улугбек", None, "person"),
        ("Ulugbek Karimov", None, "person"),
        ("ИП Иванов Сергей", None, "person"),
        ("Barys", "kz.bin", "company"),
        ("Barys", "pk.cnic", "person"),
        ("Barys", None, "unknown"),
    ],
)
def test_classify_kind(raw: str, scheme: str | None, kind: str) -> None:
    assert classify_kind(parse_name(raw), scheme) == kind


def _sim(a: str, b: str) -> float:
    return name_similarity(parse_name(a), parse_name(b)).score


def test_similarity_behaviour() -> None:
    assert _sim("ТОО «Шелковый путь»", "SHELKOVYY PUT LLP") == 1.0
    assert _sim("Каримов Улугбек", "Ulugbek Karimov") == 1.0  # word order
    assert _sim("Vostok Trans", "Vostoktrans") >= 0.95  # spacing
    assert 0.9 <= _sim("Shelkovyy Put", "Shelkvoy Put") < 1.0  # a swapped letter
    assert _sim("Восток Транс", "Восток Трейд") < 0.75  # a different second word
    assert _sim("Барыс-1", "Барыс-2") <= 0.5  # different numbers
    assert _sim("Karimov Ulugbek", "Karimova Ulugbek") <= 0.6  # another person
    assert 0.75 <= _sim("Каримов У.Р.", "Karimov Ulugbek Rustamovich") < 0.9  # initials: consistent only
    assert _sim("Каримов Улугбек Рустамович", "Ulugbek Karimov") >= 0.9  # patronymic may be missing
    assert _sim("Məmmədov Elçin", "Memmedov Elcin") >= 0.85  # ə and ç typed without diacritics
    assert _sim("شرکت تجارت الخلیج", "Sharikat Tijarat al Khalij") >= 0.9  # consonant outline


def test_similarity_explains_itself() -> None:
    s = name_similarity(parse_name("Shelkovyy Put"), parse_name("Shelkvoy Put"))
    assert "shelkovi~shelkvoi" in s.detail and s.reason
