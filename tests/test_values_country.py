"""Countries."""

from __future__ import annotations

import pycountry
import pytest

from consignet import refdata
from consignet.values import country

MEMBER_NAMES = {
    "KZ": ["Kazakhstan", "Казахстан", "Қазақстан", "Kazakistan", "KAZAKİSTAN", "Qazaqstan", "kazakhstan"],
    "TR": ["Türkiye", "Turkey", "Турция", "TÜRKİYE", "türkiye", "Turkiye"],
    "GE": ["Georgia", "Грузия", "Gürcistan", "GÜRCİSTAN", "საქართველო"],
    "UZ": [
        "Uzbekistan",
        "Узбекистан",
        "Özbekistan",
        "O'zbekiston",
        "Oʻzbekiston",
        "O‘zbekiston",
        "O`zbekiston",
    ],
    "AZ": ["Azerbaijan", "Азербайджан", "Azərbaycan", "AZƏRBAYCAN", "Azerbaycan"],
    "KG": ["Kyrgyzstan", "Кыргызстан", "Киргизия", "Kırgızistan"],
    "TJ": ["Tajikistan", "Таджикистан", "Тоҷикистон", "Tacikistan"],
    "TM": ["Turkmenistan", "Туркменистан", "Türkmenistan"],
    "PK": ["Pakistan", "Пакистан", "پاکستان"],
    "BG": ["Bulgaria", "Болгария", "България", "Bulgaristan"],
    "PL": ["Poland", "Польша", "Polska", "Polonya"],
    "IT": ["Italy", "Италия", "Italia", "İtalya", "ITALYA"],
    "RU": ["Russia", "Russian Federation", "Россия", "Российская Федерация"],
    "AE": ["United Arab Emirates", "UAE", "ОАЭ"],
    "CN": ["China", "Китай", "Çin"],
    "GB": ["United Kingdom", "UK", "Великобритания"],
}


@pytest.mark.parametrize(("alpha2", "name"), [(a2, n) for a2, names in MEMBER_NAMES.items() for n in names])
def test_names_in_the_network_languages(alpha2: str, name: str) -> None:
    result = country.clean(name)
    assert result.ok, result.problem
    assert result.value == alpha2


def test_codes_of_every_iso_country() -> None:
    for c in pycountry.countries:
        if c.alpha_2 not in refdata.countries():
            continue
        assert country.clean(c.alpha_2).value == c.alpha_2
        assert country.clean(c.alpha_2.lower()).value == c.alpha_2
        assert country.clean(c.alpha_3).value == c.alpha_2
        assert country.clean(c.numeric).value == c.alpha_2
        assert country.clean(c.name).value == c.alpha_2, c.name


def test_every_shipped_english_and_russian_name() -> None:
    for alpha2, row in refdata.countries().items():
        assert country.clean(row.name_en).value == alpha2, row.name_en
        assert country.clean(row.name_ru).value == alpha2, row.name_ru


def test_namibia_code_is_not_missing_data() -> None:
    assert country.clean("NA").value == "NA"


@pytest.mark.parametrize("raw", ["Xyzland", "QQ", "ZZZ", "999", "Kazakh", "12"])
def test_unknown_is_rejected(raw: str) -> None:
    result = country.clean(raw)
    assert result.severity == "reject"
    assert result.value is None
    assert raw in (result.problem or "")


def test_name_key_folds_turkish_i_and_scripts() -> None:
    assert country.name_key("TÜRKİYE") == country.name_key("Türkiye") == country.name_key("turkiye")
    assert country.name_key("Oʻzbekiston") == country.name_key("O'zbekiston")


def test_landlocked_and_names() -> None:
    table = refdata.countries()
    for member in ("KZ", "KG", "TJ", "TM", "UZ", "AZ"):
        assert country.is_landlocked(member) and country.is_lldc(member)
    for coastal in ("GE", "TR", "PK", "BG", "PL", "IT"):
        assert not country.is_landlocked(coastal)
    # Landlocked but not a developing country: on the landlocked list, not the LLDC list.
    assert country.is_landlocked("AT") and not country.is_lldc("AT")
    assert country.is_landlocked("ch")
    assert not country.is_landlocked("QQ")
    assert country.name("KZ") == table["KZ"].name_en
    assert country.name("tr") == table["TR"].name_en
    with pytest.raises(KeyError):
        country.name("QQ")


def test_empty() -> None:
    assert country.clean("").ok
