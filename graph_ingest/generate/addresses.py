"""Street addresses per country, in the native script and in Latin."""

from __future__ import annotations

import random
from dataclasses import dataclass

from .translit import to_latin

# country -> (cities "cyr=lat=postcode prefix", streets). Cyrillic streets are "prefix name"; the
# Latin form is transliterated. Latin-script countries give Latin only.
_CYR = {
    "KZ": ("Алматы=Almaty=050|Астана=Astana=010|Шымкент=Shymkent=160|Караганда=Karaganda=100|Актау=Aktau=130|"
           "Атырау=Atyrau=060|Костанай=Kostanay=110|Павлодар=Pavlodar=140",
           "ул. Абая|пр. Абая|ул. Толе би|ул. Сатпаева|ул. Жандосова|мкр. Самал-2|ул. Кунаева|пр. Райымбека|"
           "ул. Желтоксан|ул. Богенбай батыра|пр. Сарыарка|ул. Кенесары"),
    "KG": ("Бишкек=Bishkek=720|Ош=Osh=723|Кара-Балта=Kara-Balta=724|Токмок=Tokmok=725",
           "ул. Киевская|пр. Чуй|ул. Токтогула|пр. Манаса|ул. Ибраимова|ул. Московская|пр. Жибек Жолу"),
    "TJ": ("Душанбе=Dushanbe=734|Худжанд=Khujand=735|Бохтар=Bokhtar=735|Турсунзаде=Tursunzoda=735",
           "пр. Рудаки|ул. Айни|ул. Шотемур|пр. Исмоили Сомони|ул. Бохтар|ул. Лахути"),
    "RU": ("Москва=Moscow=1|Санкт-Петербург=Saint Petersburg=19|Новосибирск=Novosibirsk=630|"
           "Екатеринбург=Yekaterinburg=620|Казань=Kazan=420|Челябинск=Chelyabinsk=454|Омск=Omsk=644",
           "ул. Ленина|пр. Мира|ул. Советская|ул. Профсоюзная|Варшавское ш.|ул. Промышленная|ул. Гагарина"),
    "BG": ("София=Sofia=1|Варна=Varna=9|Бургас=Burgas=8|Пловдив=Plovdiv=4|Русе=Ruse=7",
           "бул. Витоша|ул. Граф Игнатиев|бул. Цар Освободител|ул. Раковски|бул. Приморски|ул. Търговска"),
}
_LAT = {
    "UZ": ("Toshkent=100|Samarqand=140|Fargʻona=150|Andijon=170|Buxoro=200|Namangan=160",
           "Amir Temur koʻchasi|Navoiy koʻchasi|Mustaqillik shoh koʻchasi|Bobur koʻchasi|Chilonzor koʻchasi"),
    "AZ": ("Bakı=AZ10|Sumqayıt=AZ50|Gəncə=AZ20|Ələt=AZ01",
           "Nizami küç.|Füzuli küç.|Neftçilər pr.|Azadlıq pr.|Heydər Əliyev pr."),
    "TM": ("Aşgabat=744|Türkmenbaşy=745|Mary=745|Daşoguz=746",
           "Magtymguly şaýoly|Bitarap Türkmenistan şaýoly|Atatürk köçesi"),
    "GE": ("Tbilisi=01|Batumi=60|Poti=44|Kutaisi=46|Rustavi=37",
           "Rustaveli Ave|Chavchavadze Ave|Aghmashenebeli Ave|Gorgasali St|Tsereteli Ave"),
    "PK": ("Karachi=74|Lahore=54|Faisalabad=38|Sialkot=51|Peshawar=25", "Korangi Industrial Area|Shahrah-e-Faisal|"
           "SITE Area|Gulberg III|Mall Road|I.I. Chundrigar Road"),
    "TR": ("İstanbul=34|Mersin=33|İzmir=35|Bursa=16|Gaziantep=27|Ankara=06",
           "Atatürk Cad.|Cumhuriyet Cad.|İnönü Bulvarı|Organize Sanayi Bölgesi|Bağdat Cad.|Limanı Yolu"),
    "PL": ("Warszawa=00|Gdańsk=80|Łódź=90|Poznań=60|Kraków=30",
           "ul. Marszałkowska|ul. Długa|ul. Piotrkowska|ul. Portowa|al. Jerozolimskie"),
    "IT": ("Genova=161|Milano=201|Trieste=341|Bologna=401|Torino=101", "Via Roma|Via Garibaldi|Corso Italia|Via Milano|"
           "Via dell'Industria|Via del Porto"),
    "CN": ("Shenzhen=518|Yiwu=322|Guangzhou=510|Ningbo=315|Urumqi=830|Shanghai=200|Qingdao=266",
           "Shennan Road|Jiangbin Road|Huanshi East Road|Zhongshan Road|Renmin Road|Binhai Avenue"),
    "HK": ("Hong Kong=|Kowloon=", "Nathan Road|Des Voeux Road Central|Kwun Tong Road|Canton Road"),
    "AE": ("Dubai=|Sharjah=|Jebel Ali=", "Jebel Ali Free Zone|Jumeirah Lake Towers|Al Qusais Industrial Area|"
           "Dubai Airport Free Zone|Sharjah Airport Free Zone"),
    "IN": ("Mumbai=400|Ahmedabad=380|Delhi=110|Chennai=600", "MIDC Andheri East|SG Highway|Okhla Industrial Area"),
    "AM": ("Yerevan=00|Gyumri=31", "Tigran Mets Ave|Mashtots Ave|Arshakunyats Ave"),
}
_STREET_EN = {"ул.": "str.", "пр.": "ave.", "мкр.": "microdistrict", "бул.": "blvd.", "ш.": "hwy"}


@dataclass(frozen=True)
class Address:
    country: str
    city_cyr: str | None
    city_lat: str
    postcode: str
    street_cyr: str | None
    street_lat: str
    number: int
    office: int | None

    def street(self, cyr: bool) -> str:
        n, o = self.number, self.office
        if cyr and self.street_cyr:
            if self.country == "BG":
                return f"{self.street_cyr} № {n}" + (f", офис {o}" if o else "")
            return f"{self.street_cyr}, д. {n}" + (f", оф. {o}" if o else "")
        # Each country's own way of writing the house and office number.
        if self.country == "PL":
            return f"{self.street_lat} {n}" + (f"/{o}" if o else "")
        if self.country == "TR":
            return f"{self.street_lat} No:{n}" + (f" D:{o}" if o else "")
        if self.country == "UZ":
            return f"{self.street_lat}, {n}-uy" + (f", {o}-xona" if o else "")
        if self.country == "IT":
            return f"{self.street_lat} {n}" + (f", int. {o}" if o else "")
        if self.country == "AZ":
            return f"{self.street_lat} {n}" + (f", ofis {o}" if o else "")
        return f"{self.street_lat} {n}" + (f", office {o}" if o else "")

    def full(self, cyr: bool) -> str:
        city = self.city_cyr if cyr and self.city_cyr else self.city_lat
        return f"{city}, {self.street(cyr)}" if cyr and self.city_cyr else f"{self.street(cyr)}, {city}"


def make_address(country: str, rng: random.Random) -> Address | None:
    if country in _CYR:
        cities, streets = _CYR[country]
        city_cyr, city_lat, pc = rng.choice(cities.split("|")).split("=")
        street_cyr = rng.choice(streets.split("|"))
        prefix, _, name = street_cyr.partition(" ")
        lang = "bg" if country == "BG" else "ru"
        street_lat = f"{to_latin(name, 'bgn', lang)} {_STREET_EN.get(prefix, prefix)}"
    elif country in _LAT:
        cities, streets = _LAT[country]
        city_lat, pc = rng.choice(cities.split("|")).split("=")
        city_cyr, street_cyr, street_lat = None, None, rng.choice(streets.split("|"))
    else:
        return None
    # Postcode lengths: 6 digits in the CIS, CN and IN; 4 in BG, GE and AZ ("AZ1000"); 5 elsewhere ("80-001").
    width = 6 if country in ("KZ", "KG", "TJ", "RU", "UZ", "TM", "CN", "IN") else 4 if country in ("BG", "GE") else 5
    if country == "AZ":
        width = 6
    tail = "".join(rng.choice("0123456789") for _ in range(max(0, width - len(pc))))
    postcode = "" if not pc else (pc + tail if country != "PL" else f"{pc}-{tail[-3:]}")
    office = rng.randint(1, 420) if rng.random() < 0.45 else None
    return Address(country, city_cyr, city_lat, postcode, street_cyr, street_lat, rng.randint(1, 250), office)
