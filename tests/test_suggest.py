"""``profile suggest``: hand-made files in every language of the network, the generator's files, and the
file-level settings (encoding, delimiter, sheet, header row, decimal, dates, list separator, country)."""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook
from stdnum import imo, iso6346

from consignet.errors import InputError
from consignet.ingest.profile import load_profile
from consignet.ingest.readers import open_source
from consignet.ingest.suggest import Suggestion, format_report, suggest_profile

ROWS = 40
LOCODES = ["KZALA", "KZAKX", "GEPTI", "GEBUS", "TRMER", "TRIST", "AZBAK", "CNSHA", "PLGDN", "ITGOA", "BGVAR",
           "UZTAS", "TMKRW", "PKKHI", "KGFRU", "TJDYU", "AEJEA", "NLRTM"]  # fmt: skip
NAMES = {
    "ru": ["ООО «Восток Трейд»", "АО «Казмунайгаз»", "ТОО «Шелковый путь»", "ИП Ахмедов Р.К."],
    "kk": ["«Жібек жолы» ЖШС", "ТОО «Алтын Орда»", "«Қазақ Экспорт» АҚ", "ЖШС «Дала Логистик»"],
    "ky": ["«Ала-Тоо Импорт» ЖЧК", "ОсОО «Бишкек Трейд»", "ОсОО «Нарын Логистик»"],
    "uz": ["«Toshkent Savdo» MChJ", "«Farg'ona Tekstil» AJ", "«Samarqand Logistika» MChJ"],
    "uz_cyrl": ["«Тошкент Савдо» МЧЖ", "«Фарғона Текстил» АЖ", "«Навоий Кон» МЧЖ"],
    "tg": ["ҶДММ «Помир Трейд»", "ҶСК «Душанбе Логистик»", "ЧДММ «Суғд Импекс»"],
    "tk": ["«Aşgabat Söwda» HJ", "«Türkmenbaşy Logistika» HK", "«Mary Tekstil» HJ"],
    "az": ["«Xəzər Logistika» MMC", "«Bakı Ticarət» ASC", "«Gəncə Tekstil» MMC"],
    "ka": ["შპს „ფოთი ლოჯისტიკი“", "სს „თბილისი ტრეიდი“", "შპს „ბათუმი იმპექსი“"],
    "tr": ["Yılmaz Dış Ticaret Ltd. Şti.", "Anadolu Lojistik A.Ş.", "Mersin Gıda San. ve Tic. Ltd. Şti."],
    "bg": ["„Варна Логистик“ ЕООД", "„Пловдив Трейд“ ООД", "„Бургас Импорт“ АД"],
    "pl": ["Gdańsk Żegluga Sp. z o.o.", "Łódź Tekstylia S.A.", "Poznań Logistyka Sp. z o.o."],
    "it": ["Genova Spedizioni S.r.l.", "Trieste Caffè S.p.A.", "Milano Tessile S.r.l."],
    "en": ["Karachi Textile Mills (Pvt.) Ltd.", "Shenzhen Best Electronics Co., Ltd.", "Jebel Ali Trading FZE"],
}
# Street and goods words per language, so that every value fits the file's code page.
LOCAL = {
    "ru": ("ул. Абая", "Электронные компоненты и печатные платы в сборе"),
    "kk": ("Абай даңғылы", "Өнеркәсіптік жабдыққа арналған қосалқы бөлшектер"),
    "ky": ("Чүй проспекти", "Өнөр жай жабдуулары үчүн запастык тетиктер"),
    "uz": ("Amir Temur ko'chasi", "Sanoat uskunalari uchun ehtiyot qismlar"),
    "uz_cyrl": ("Амир Темур кўчаси", "Саноат ускуналари учун эҳтиёт қисмлар"),
    "tg": ("кӯчаи Рӯдакӣ", "Қисмҳои эҳтиётӣ барои таҷҳизоти саноатӣ"),
    "tk": ("Magtymguly şaýoly", "Senagat enjamlary üçin ätiýaçlyk şaýlary"),
    "az": ("Nizami küçəsi", "Sənaye avadanlığı üçün ehtiyat hissələri"),
    "ka": ("რუსთაველის გამზირი", "სათადარიგო ნაწილები სამრეწველო აღჭურვილობისთვის"),
    "tr": ("Atatürk Caddesi", "Sanayi makineleri için yedek parçalar ve aksamlar"),
    "bg": ("бул. Христо Ботев", "Резервни части за промишлено оборудване"),
    "pl": ("ul. Długa", "Części zamienne do maszyn przemysłowych"),
    "it": ("Via Garibaldi", "Parti di ricambio per macchinari industriali"),
    "en": ("Shahrah-e-Faisal", "Integrated circuits and processors for industrial controllers"),
}


def container(rng: random.Random) -> str:
    body = f"{rng.choice(['MSCU', 'TGHU', 'CMAU', 'MAEU'])}{rng.randint(100000, 999999)}"
    return body + iso6346.calc_check_digit(body)


def imo_number(rng: random.Random) -> str:
    body = str(rng.randint(900000, 999999))
    return body + imo.calc_check_digit(body)


def value_for(field: str, lang: str, i: int, rng: random.Random, decimal: str, datefmt: str) -> object:
    """A plausible raw value for a canonical field, as an officer's export would write it."""
    party = field.split("_", 1)[1] if field.split("_", 1)[0] in {"consignor", "consignee", "notify"} else None
    number = f"{rng.randint(100, 24000)}{decimal}{rng.randint(0, 9)}"
    day = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    y, m, d = day.split("-")
    date = {"%d.%m.%Y": f"{d}.{m}.{y}", "%Y-%m-%d": day, "%d/%m/%Y": f"{d}/{m}/{y}"}[datefmt]
    if party == "name":
        return f"{rng.choice(NAMES[lang])} {i}"
    return {
        "record_id": f"{lang.upper()}-{2025}-{i:05d}",
        "bl_number": f"MEDU{rng.randint(10**7, 10**8 - 1)}",
        "containers": container(rng),
        "container_type": rng.choice(["22G1", "45G1", "42G1"]),
        "seals": f"ML{rng.randint(10**5, 10**6 - 1)}",
        "hs_code": rng.choice(["8542.31", "847130", "8471 30 000 0", "850440", "3004.90.00"]),
        "goods_description": LOCAL[lang][1],
        "gross_mass_kg": number,
        "packages": str(rng.randint(1, 400)),
        "value": f"{rng.randint(1000, 900000)}{decimal}{rng.randint(10, 99)}",
        "currency": rng.choice(["USD", "EUR", "KZT", "TRY"]),
        "port_loading": rng.choice(LOCODES[:6]),
        "port_discharge": rng.choice(LOCODES[6:]),
        "port_delivery": rng.choice(LOCODES),
        "transshipment_ports": ";".join(rng.sample(LOCODES, 2)),
        "origin_country": rng.choice(["CN", "TR", "DE", "KZ"]),
        "vessel_name": rng.choice(["MSC ANNA", "MAERSK KENSINGTON", "CMA CGM TAGE", "KAPITAN MASLOV"]),
        "imo": imo_number(rng),
        "voyage": f"{rng.randint(100, 999)}{rng.choice('EWNS')}",
        "transport_mode": rng.choice(["sea", "rail", "road"]),
        "departure_date": date,
        "arrival_date": date,
        "consignor_address": f"{LOCAL[lang][0]} {rng.randint(1, 200)}",
        "consignee_address": f"{LOCAL[lang][0]} {rng.randint(1, 200)}",
        "consignor_country": rng.choice(["CN", "TR", "KZ"]),
        "consignee_country": rng.choice(["GE", "AZ", "UZ"]),
        "consignor_tax_id": str(rng.randint(10**11, 10**12 - 1)),
        "consignee_tax_id": str(rng.randint(10**8, 10**10 - 1)),
        "consignor_phone": f"+7 727 {rng.randint(100, 999)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
        "consignee_phone": f"+995 32 {rng.randint(100, 999)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
        "consignee_email": f"info{i}@{rng.choice(['example.kz', 'trade.ge', 'mail.pk'])}",
    }.get(field, f"x{i}")


def build_rows(columns: list[tuple[str, str | None]], lang: str, decimal: str, datefmt: str) -> list[list[object]]:
    rng = random.Random(hash(lang) % 1000)
    out = []
    for i in range(ROWS):
        out.append([value_for(f or "", lang, i, rng, decimal, datefmt) if f else f"n{i}" for _, f in columns])
    return out


def write(path: Path, columns: list[tuple[str, str | None]], lang: str, *, decimal: str = ",",
          datefmt: str = "%d.%m.%Y", encoding: str = "utf-8", delimiter: str = ";") -> Path:  # fmt: skip
    header = [h for h, _ in columns]
    rows = build_rows(columns, lang, decimal, datefmt)
    if path.suffix == ".xlsx":
        wb = Workbook()
        ws = wb.active
        ws.append(header)
        for row in rows:
            ws.append(row)
        wb.save(path)
    elif path.suffix == ".json":
        path.write_text(json.dumps([dict(zip(header, r, strict=True)) for r in rows], ensure_ascii=False), "utf-8")
    else:
        with path.open("w", encoding=encoding, newline="") as fh:
            csv.writer(fh, delimiter=delimiter).writerows([header, *rows])
    return path


def check(suggestion: Suggestion, columns: list[tuple[str, str | None]]) -> None:
    got = {g.header: g.field for g in suggestion.report}
    wrong = {h: (f, got.get(h)) for h, f in columns if got.get(h) != f}
    assert not wrong, f"expected vs suggested: {wrong}\n{format_report(suggestion)}"


# -- one hand-made file per language -------------------------------------------------------------------
RU = [("Номер декларации", "record_id"), ("Грузоотправитель", "consignor_name"),
      ("Адрес отправителя", "consignor_address"), ("Страна отправителя", "consignor_country"),
      ("Грузополучатель", "consignee_name"), ("ИНН/БИН получателя", "consignee_tax_id"),
      ("Тел. получателя", "consignee_phone"), ("Эл. почта получателя", "consignee_email"),
      ("Код ТН ВЭД ЕАЭС", "hs_code"), ("Наименование товара", "goods_description"),
      ("Масса брутто (кг)", "gross_mass_kg"), ("Количество мест", "packages"), ("Фактурная стоимость", "value"),
      ("Валюта", "currency"), ("Номера контейнеров", "containers"), ("Пломбы", "seals"),
      ("Порт погрузки", "port_loading"), ("Порт выгрузки", "port_discharge"),
      ("Страна происхождения", "origin_country"), ("Наименование судна", "vessel_name"), ("Номер ИМО", "imo"),
      ("Рейс", "voyage"), ("Дата отгрузки", "departure_date"), ("Дата прибытия", "arrival_date"),
      ("Вес нетто", None), ("Примечание", None)]  # fmt: skip
KK = [("Декларация нөмірі", "record_id"), ("Жүк жөнелтуші", "consignor_name"),
      ("Жөнелтушінің мекенжайы", "consignor_address"), ("Жүк алушы", "consignee_name"),
      ("Алушының БСН", "consignee_tax_id"), ("Алушының телефоны", "consignee_phone"), ("СЭҚ ТН коды", "hs_code"),
      ("Тауардың сипаттамасы", "goods_description"), ("Брутто салмағы, кг", "gross_mass_kg"),
      ("Орын саны", "packages"), ("Құны", "value"), ("Валюта", "currency"), ("Контейнер нөмірі", "containers"),
      ("Тиеу порты", "port_loading"), ("Түсіру порты", "port_discharge"), ("Шығарылған елі", "origin_country"),
      ("Кеме атауы", "vessel_name"), ("Жөнелту күні", "departure_date"), ("Келу күні", "arrival_date")]  # fmt: skip
KY = [("Декларациянын номери", "record_id"), ("Жөнөтүүчү", "consignor_name"),
      ("Жөнөтүүчүнүн дареги", "consignor_address"), ("Алуучу", "consignee_name"),
      ("Алуучунун ИНН", "consignee_tax_id"), ("ТН ВЭД коду", "hs_code"), ("Товардын аталышы", "goods_description"),
      ("Брутто салмагы", "gross_mass_kg"), ("Орундардын саны", "packages"), ("Наркы", "value"),
      ("Валюта", "currency"), ("Контейнердин номери", "containers"), ("Жүктөө порту", "port_loading"),
      ("Түшүрүү порту", "port_discharge"), ("Келип чыккан өлкө", "origin_country"),
      ("Жөнөтүү күнү", "departure_date"), ("Келүү күнү", "arrival_date")]  # fmt: skip
UZ = [("Deklaratsiya raqami", "record_id"), ("Jo‘natuvchi", "consignor_name"),
      ("Jo'natuvchi manzili", "consignor_address"), ("Qabul qiluvchi", "consignee_name"),
      ("Qabul qiluvchi STIR", "consignee_tax_id"), ("Qabul qiluvchi telefoni", "consignee_phone"),
      ("TIF TN kodi", "hs_code"), ("Tovar tavsifi", "goods_description"), ("Brutto vazni (kg)", "gross_mass_kg"),
      ("Joylar soni", "packages"), ("Bojxona qiymati", "value"), ("Valyuta", "currency"),
      ("Konteyner raqami", "containers"), ("Yuklash porti", "port_loading"), ("Tushirish porti", "port_discharge"),
      ("Kelib chiqqan mamlakat", "origin_country"), ("Joʻnatish sanasi", "departure_date"),
      ("Kelish sanasi", "arrival_date")]  # fmt: skip
UZ_CYRL = [("Декларация рақами", "record_id"), ("Юк жўнатувчи", "consignor_name"),
           ("Жўнатувчи СТИР", "consignor_tax_id"), ("Қабул қилувчи", "consignee_name"),
           ("Қабул қилувчи манзили", "consignee_address"), ("ТИФ ТН коди", "hs_code"),
           ("Товар тавсифи", "goods_description"), ("Брутто вазни", "gross_mass_kg"),
           ("Контейнер рақами", "containers"), ("Юклаш порти", "port_loading"), ("Тушириш порти", "port_discharge"),
           ("Жўнатиш санаси", "departure_date")]  # fmt: skip
TG = [("Рақами эъломия", "record_id"), ("Ирсолкунанда", "consignor_name"),
      ("Суроғаи ирсолкунанда", "consignor_address"), ("Гиранда", "consignee_name"),
      ("РМА-и гиранда", "consignee_tax_id"), ("Рамзи ННМ ФИХ", "hs_code"), ("Тавсифи мол", "goods_description"),
      ("Вазни брутто", "gross_mass_kg"), ("Арзиши гумрукӣ", "value"), ("Асъор", "currency"),
      ("Рақами контейнер", "containers"), ("Бандари боркунӣ", "port_loading"),
      ("Бандари борфарорӣ", "port_discharge"), ("Кишвари истеҳсолкунанда", "origin_country"),
      ("Санаи ирсол", "departure_date"), ("Санаи расидан", "arrival_date")]  # fmt: skip
TK = [("Deklarasiýa belgisi", "record_id"), ("Ugradyjy", "consignor_name"),
      ("Ugradyjynyň salgysy", "consignor_address"), ("Alyjy", "consignee_name"),
      ("Alyjynyň telefony", "consignee_phone"), ("Haryt kody", "hs_code"), ("Harydyň beýany", "goods_description"),
      ("Brutto agramy", "gross_mass_kg"), ("Orunlaryň sany", "packages"), ("Gümrük bahasy", "value"),
      ("Walýuta", "currency"), ("Konteýner belgisi", "containers"), ("Ýükleme porty", "port_loading"),
      ("Düşürme porty", "port_discharge"), ("Gäminiň ady", "vessel_name"), ("Ugradylan senesi", "departure_date"),
      ("Gelen senesi", "arrival_date")]  # fmt: skip
AZ = [("Bəyannamə nömrəsi", "record_id"), ("Göndərən", "consignor_name"),
      ("Göndərənin ünvanı", "consignor_address"), ("Yükalan", "consignee_name"),
      ("Alıcının VÖEN-i", "consignee_tax_id"), ("Alıcının telefonu", "consignee_phone"), ("XİF MN kodu", "hs_code"),
      ("Malın təsviri", "goods_description"), ("Brutto çəki (kq)", "gross_mass_kg"), ("Yerlərin sayı", "packages"),
      ("Gömrük dəyəri", "value"), ("Valyuta", "currency"), ("Konteyner nömrəsi", "containers"),
      ("Yükləmə limanı", "port_loading"), ("Boşaltma limanı", "port_discharge"),
      ("Mənşə ölkəsi", "origin_country"), ("Gəminin adı", "vessel_name"), ("Göndərilmə tarixi", "departure_date"),
      ("Gəliş tarixi", "arrival_date")]  # fmt: skip
KA = [("დეკლარაციის ნომერი", "record_id"), ("გამგზავნი", "consignor_name"),
      ("გამგზავნის მისამართი", "consignor_address"), ("მიმღები", "consignee_name"),
      ("მიმღების საიდენტიფიკაციო კოდი", "consignee_tax_id"), ("მიმღების ტელეფონი", "consignee_phone"),
      ("საქონლის კოდი", "hs_code"), ("საქონლის აღწერა", "goods_description"), ("ბრუტო წონა (კგ)", "gross_mass_kg"),
      ("ადგილების რაოდენობა", "packages"), ("საბაჟო ღირებულება", "value"), ("ვალუტა", "currency"),
      ("კონტეინერის ნომერი", "containers"), ("დატვირთვის პორტი", "port_loading"),
      ("გადმოტვირთვის პორტი", "port_discharge"), ("წარმოშობის ქვეყანა", "origin_country"),
      ("გემის დასახელება", "vessel_name"), ("გაგზავნის თარიღი", "departure_date"),
      ("ჩამოსვლის თარიღი", "arrival_date")]  # fmt: skip
TR = [("Beyanname No", "record_id"), ("Gönderici Firma", "consignor_name"), ("Gönderici Adresi", "consignor_address"),
      ("Alıcı", "consignee_name"), ("Alıcı Vergi No", "consignee_tax_id"), ("Alıcı Telefon", "consignee_phone"),
      ("GTİP", "hs_code"), ("Eşya Tanımı", "goods_description"), ("Brüt Ağırlık (kg)", "gross_mass_kg"),
      ("Kap Adedi", "packages"), ("Fatura Bedeli", "value"), ("Döviz Cinsi", "currency"),
      ("Konteyner No", "containers"), ("Mühür No", "seals"), ("Yükleme Limanı", "port_loading"),
      ("Boşaltma Limanı", "port_discharge"), ("Menşe Ülke", "origin_country"), ("Gemi Adı", "vessel_name"),
      ("IMO No", "imo"), ("Sefer No", "voyage"), ("Hareket Tarihi", "departure_date"),
      ("Varış Tarihi", "arrival_date"), ("Net Ağırlık", None)]  # fmt: skip
BG = [("Номер на декларация", "record_id"), ("Изпращач", "consignor_name"),
      ("Адрес на изпращача", "consignor_address"), ("Получател", "consignee_name"),
      ("ЕИК на получателя", "consignee_tax_id"), ("Тарифен код", "hs_code"),
      ("Описание на стоката", "goods_description"), ("Бруто тегло (кг)", "gross_mass_kg"),
      ("Брой колети", "packages"), ("Митническа стойност", "value"), ("Валута", "currency"),
      ("Номер на контейнер", "containers"), ("Пристанище на товарене", "port_loading"),
      ("Пристанище на разтоварване", "port_discharge"), ("Държава на произход", "origin_country"),
      ("Име на кораба", "vessel_name"), ("Дата на заминаване", "departure_date"),
      ("Дата на пристигане", "arrival_date")]  # fmt: skip
PL = [("Numer zgłoszenia", "record_id"), ("Nadawca", "consignor_name"), ("Adres nadawcy", "consignor_address"),
      ("Odbiorca", "consignee_name"), ("NIP odbiorcy", "consignee_tax_id"), ("Telefon odbiorcy", "consignee_phone"),
      ("Kod CN", "hs_code"), ("Opis towaru", "goods_description"), ("Masa brutto (kg)", "gross_mass_kg"),
      ("Liczba opakowań", "packages"), ("Wartość celna", "value"), ("Waluta", "currency"),
      ("Nr kontenera", "containers"), ("Port załadunku", "port_loading"), ("Port wyładunku", "port_discharge"),
      ("Kraj pochodzenia", "origin_country"), ("Nazwa statku", "vessel_name"), ("Data wysyłki", "departure_date"),
      ("Data przybycia", "arrival_date")]  # fmt: skip
IT = [("N. pratica", "record_id"), ("Mittente", "consignor_name"), ("Indirizzo mittente", "consignor_address"),
      ("Destinatario", "consignee_name"), ("P.IVA destinatario", "consignee_tax_id"), ("Codice doganale", "hs_code"),
      ("Descrizione merce", "goods_description"), ("Peso lordo (kg)", "gross_mass_kg"),
      ("Numero colli", "packages"), ("Valore doganale", "value"), ("Valuta", "currency"),
      ("N. container", "containers"), ("Porto di imbarco", "port_loading"), ("Porto di sbarco", "port_discharge"),
      ("Paese di origine", "origin_country"), ("Nome nave", "vessel_name"), ("Data partenza", "departure_date"),
      ("Data arrivo", "arrival_date")]  # fmt: skip
EN = [("Declaration No", "record_id"), ("Shipper", "consignor_name"), ("Shipper NTN", "consignor_tax_id"),
      ("Shipper Address", "consignor_address"), ("Consignee", "consignee_name"), ("Consignee Phone", "consignee_phone"),
      ("Consignee Email", "consignee_email"), ("Notify Party", "notify_name"), ("HS Code", "hs_code"),
      ("Description of Goods", "goods_description"), ("Gross Weight (KG)", "gross_mass_kg"),
      ("No. of Packages", "packages"), ("Invoice Value", "value"), ("Currency", "currency"),
      ("Container No.", "containers"), ("Container Type", "container_type"), ("Seal No.", "seals"),
      ("B/L No.", "bl_number"), ("POL", "port_loading"), ("POD", "port_discharge"),
      ("Place of Delivery", "port_delivery"), ("T/S Port", "transshipment_ports"), ("Vessel", "vessel_name"),
      ("IMO", "imo"), ("Voyage", "voyage"), ("Mode", "transport_mode"), ("ETD", "departure_date"),
      ("ETA", "arrival_date"), ("Remarks", None)]  # fmt: skip

# (language, columns, file name, writer options, reporting country the header language implies)
CASES = [
    ("ru", RU, "manifest.csv", {"encoding": "cp1251"}, None),
    ("kk", KK, "manifest.xlsx", {}, "KZ"),
    ("ky", KY, "manifest.csv", {"delimiter": ","}, "KG"),
    ("uz", UZ, "manifest.csv", {}, "UZ"),
    ("uz_cyrl", UZ_CYRL, "manifest.csv", {"encoding": "utf-8-sig"}, "UZ"),
    ("tg", TG, "manifest.csv", {"delimiter": "\t"}, "TJ"),
    ("tk", TK, "manifest.json", {}, "TM"),
    ("az", AZ, "manifest.csv", {}, "AZ"),
    ("ka", KA, "manifest.csv", {"decimal": ".", "datefmt": "%Y-%m-%d", "delimiter": ","}, "GE"),
    ("tr", TR, "manifest.csv", {"encoding": "cp1254", "datefmt": "%d/%m/%Y"}, "TR"),
    ("bg", BG, "manifest.xlsx", {}, "BG"),
    ("pl", PL, "manifest.csv", {"encoding": "cp1250"}, "PL"),
    ("it", IT, "manifest.xlsx", {"datefmt": "%d/%m/%Y"}, "IT"),
    ("en", EN, "manifest.json", {"decimal": ".", "datefmt": "%Y-%m-%d"}, None),
]


@pytest.mark.parametrize(("lang", "columns", "name", "options", "country"), CASES, ids=[c[0] for c in CASES])
def test_each_language_maps_every_column(tmp_path: Path, lang: str, columns: list[tuple[str, str | None]],
                                         name: str, options: dict[str, str], country: str | None) -> None:  # fmt: skip
    path = write(tmp_path / name, columns, lang, **options)
    suggestion = suggest_profile(path)
    check(suggestion, columns)
    profile = suggestion.profile
    if country:  # the header language names the country, and the report says it guessed
        assert profile.reporting_country == country
        assert any("guessed from the header language" in n for n in suggestion.notes)
    if path.suffix == ".csv":
        assert profile.encoding == options.get("encoding", "utf-8")
        assert profile.delimiter == options.get("delimiter", ";")
    if path.suffix != ".xlsx":  # XLSX numbers and dates are typed cells: nothing to detect
        assert profile.decimal == options.get("decimal", ",")
        assert profile.date_formats[0] == options.get("datefmt", "%d.%m.%Y")


@pytest.mark.parametrize("lang", ["ru", "tr", "it", "en"])
def test_the_written_profile_loads_and_reads_the_file(tmp_path: Path, lang: str) -> None:
    columns, name, options, _ = next((c[1], c[2], c[3], c[4]) for c in CASES if c[0] == lang)
    path = write(tmp_path / name, columns, lang, **options)
    suggestion = suggest_profile(path, country="KZ")
    yaml_path = tmp_path / "profile.yaml"
    yaml_path.write_text(suggestion.to_yaml(), encoding="utf-8")
    profile = load_profile(yaml_path)
    assert profile.reporting_country == "KZ"
    assert profile.columns == suggestion.profile.columns
    assert set(profile.unmapped) == {h for h, f in columns if f is None}
    source = open_source(path, profile)
    rows = list(source.rows())
    assert len(rows) == ROWS
    assert {profile.columns[k] for k in rows[0].values if k in profile.columns} == {f for _, f in columns if f}


# -- file-level settings -------------------------------------------------------------------------------
def test_workbook_with_a_notes_sheet_and_title_rows(tmp_path: Path) -> None:
    wb = Workbook()
    notes = wb.active
    notes.title = "Readme"
    notes.append(["Exported from ASYCUDA World, do not edit"])
    data = wb.create_sheet("Данные")
    data.append(["Манифест за март 2025"])
    data.append([])
    data.append([h for h, _ in RU])
    for row in build_rows(RU, "ru", ",", "%d.%m.%Y"):
        data.append(row)
    path = tmp_path / "kz.xlsx"
    wb.save(path)
    suggestion = suggest_profile(path)
    assert (suggestion.profile.sheet, suggestion.profile.header_row) == ("Данные", 3)
    check(suggestion, RU)
    assert suggestion.profile.reporting_country == "KZ"  # from the file name, since Russian says nothing
    assert any("from the file name" in n for n in suggestion.notes)


def test_numbers_with_thousands_separators(tmp_path: Path) -> None:
    columns = [("Shipper", "consignor_name"), ("HS", "hs_code"), ("Gross weight", "gross_mass_kg"),
               ("Value", "value")]  # fmt: skip
    rng = random.Random(3)
    rows = [[f"Firm {i}", "854231", f"{rng.randint(1, 99)} {rng.randint(100, 999)},{rng.randint(0, 9)}",
             f"{rng.randint(1, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)},{rng.randint(10, 99)}"]
            for i in range(30)]  # fmt: skip
    path = tmp_path / "uz.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter=";").writerows([[h for h, _ in columns], *rows])
    profile = suggest_profile(path, country="UZ").profile
    assert (profile.decimal, profile.thousands) == (",", " ")
    path = tmp_path / "pk.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(
            [[h for h, _ in columns]]
            + [[f"Firm {i}", "854231", f"{i + 1},{i:03d}.5", f"{i + 2},{i:03d},{i:03d}.25"] for i in range(30)]
        )
    profile = suggest_profile(path, country="PK").profile
    assert (profile.decimal, profile.thousands, profile.delimiter) == (".", ",", ",")


def test_month_first_dates_and_a_list_separator(tmp_path: Path) -> None:
    rng = random.Random(5)
    header = ["Record", "HS code", "POL", "POD", "Containers", "Sailing date"]
    rows = [[f"R{i}", "8542.31", "CNSHA", "GEPTI", "|".join(container(rng) for _ in range(2)),
             f"{rng.randint(1, 12):02d}/{rng.randint(13, 28):02d}/2025"] for i in range(30)]  # fmt: skip
    path = tmp_path / "us.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([header, *rows])
    suggestion = suggest_profile(path, country="GE")
    profile = suggestion.profile
    assert profile.columns["Containers"] == "containers"
    assert profile.columns["Sailing date"] == "departure_date"
    assert (profile.list_separator, profile.date_formats, profile.dayfirst) == ("|", ["%m/%d/%Y"], False)


def test_values_alone_map_a_column_with_an_unknown_header(tmp_path: Path) -> None:
    rng = random.Random(9)
    header = ["Номер декларации", "Код ТН ВЭД", "Порт погрузки", "Порт выгрузки", "Ячейка 7", "Ячейка 8"]
    rows = [[f"D{i}", "850440", "KZALA", "GEPTI", container(rng), f"ячейка {i}"] for i in range(30)]
    path = tmp_path / "odd.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter=";").writerows([header, *rows])
    suggestion = suggest_profile(path, country="KZ")
    guesses = {g.header: g for g in suggestion.report}
    assert guesses["Ячейка 7"].field == "containers" and "values" in guesses["Ячейка 7"].reason
    assert guesses["Ячейка 8"].field is None
    assert suggestion.profile.unmapped == ["Ячейка 8"]


def test_values_that_contradict_the_header_lower_the_confidence(tmp_path: Path) -> None:
    header = ["Номер декларации", "Код ТН ВЭД", "Порт погрузки", "Порт выгрузки", "Дата прибытия"]
    rows = [[f"D{i}", "850440", "KZALA", "GEPTI", "сведения отсутствуют"] for i in range(30)]
    path = tmp_path / "kz.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter=";").writerows([header, *rows])
    guess = next(g for g in suggest_profile(path).report if g.header == "Дата прибытия")
    assert guess.field is None and guess.confidence < 0.6
    assert "arrival_date" in guess.reason


def test_one_field_is_given_to_one_column(tmp_path: Path) -> None:
    header = ["№ п/п", "Номер декларации", "Код ТН ВЭД", "Порт погрузки", "Порт выгрузки"]
    rows = [[str(i), f"D{i}", "850440", "KZALA", "GEPTI"] for i in range(30)]
    path = tmp_path / "kz.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter=";").writerows([header, *rows])
    report = {g.header: g for g in suggest_profile(path).report}
    assert report["Номер декларации"].field == "record_id"
    assert report["№ п/п"].field is None and "already taken" in report["№ п/п"].reason


def test_seizure_reports_are_recognised(tmp_path: Path) -> None:
    header = ["Report ID", "Date of seizure", "Place of seizure", "HS code", "Quantity", "Unit", "Reason"]
    rows = [[f"S{i}", "2025-03-01", "KZALA", "8542.31", str(i + 1), "pcs", "dual-use without licence"]
            for i in range(20)]  # fmt: skip
    path = tmp_path / "seizures.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([header, *rows])
    suggestion = suggest_profile(path)
    assert suggestion.profile.record_type == "seizure"
    assert suggestion.profile.columns["Date of seizure"] == "seizure_date"
    assert suggestion.profile.columns["Place of seizure"] == "place"


def test_unknown_country_is_a_marked_guess_from_the_values(tmp_path: Path) -> None:
    header = ["Declaration", "HS code", "POL", "POD"]
    # One side of every consignment is the reporting country; the other side varies.
    loading = ["CNSHA", "TRMER", "NLRTM", "AEJEA", "KZALA"]
    rows = [[f"D{i}", "8542.31", loading[i % 5], "GEPTI" if i % 4 else "GEBUS"] for i in range(20)]
    path = tmp_path / "export.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([header, *rows])
    suggestion = suggest_profile(path)
    assert suggestion.profile.reporting_country == "GE"
    assert any("GUESS" in n for n in suggestion.notes)


def test_bad_country_and_unreadable_files(tmp_path: Path) -> None:
    path = write(tmp_path / "kz.csv", RU, "ru")
    with pytest.raises(InputError, match="--country 'Atlantis'"):
        suggest_profile(path, country="Atlantis")
    binary = tmp_path / "x.csv"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    with pytest.raises(InputError, match="not a CSV/text file"):
        suggest_profile(binary)


# -- the generator's files -----------------------------------------------------------------------------
def test_generated_files_map_at_least_95_percent_without_their_profiles(tmp_path: Path) -> None:
    """Every file ``consignet generate`` writes, suggested WITHOUT its shipped profile (and without
    --country), against that profile's mapping (OUT_DIR/profiles, paired through manifest.json)."""
    from consignet.ingest.generate import generate

    out = tmp_path / "out"
    manifest = generate(out, consignments=400, seed=21)
    assert manifest.files
    total = right = 0
    misses: list[str] = []
    for entry in manifest.files:
        shipped = load_profile(out / entry.profile)
        suggestion = suggest_profile(out / entry.path)
        assert suggestion.profile.record_type == shipped.record_type, entry.path
        got = suggestion.profile.columns
        for header, field in shipped.columns.items():
            total += 1
            if got.get(header) == field:
                right += 1
            else:
                misses.append(f"{entry.path}: {header!r} -> {got.get(header)} (shipped: {field})")
    assert right / total >= 0.95, f"{right}/{total} columns right; misses:\n" + "\n".join(misses)


def test_report_is_readable_text(tmp_path: Path) -> None:
    path = write(tmp_path / "kz.csv", RU, "ru")
    text = format_report(suggest_profile(path, country="KZ"))
    assert "Грузоотправитель" in text and "consignor_name" in text and "-- unmapped --" in text
    assert yaml.safe_load(suggest_profile(path, country="KZ").to_yaml())["columns"]["Валюта"] == "currency"
