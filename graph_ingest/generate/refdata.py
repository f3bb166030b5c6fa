"""Small curated code lists embedded in the generator.

The product must not read ``../shared`` at run time, so the few real codes the sample needs are copied
here; ``tests/test_generate.py`` checks every one of them against ``/work/shared/refdata``.
"""

from __future__ import annotations

from typing import NamedTuple


class Place(NamedTuple):
    code: str  # UN/LOCODE, country + location
    name: str
    seaport: bool  # position 1 of the UN/LOCODE function string is "1"


# Real UN/LOCODEs on the routes of the sample. ``seaport`` follows the code list used by the tests
# (CNSHA/CNNGB are listed there as airports only, so they are not flagged as seaports).
PLACES: dict[str, Place] = {
    p.code: p
    for p in [
        Place("CNSHA", "Shanghai", False), Place("CNNGB", "Ningbo", False), Place("CNQDG", "Qingdao", True),
        Place("CNTXG", "Tianjin Xingang", True), Place("CNYTN", "Yantian", True),
        Place("CNLYG", "Lianyungang", True), Place("CNXIA", "Xian", True), Place("CNCQI", "Chongqing", True),
        Place("CNYIU", "Yiwu", False), Place("CNURM", "Urumqi", False), Place("CNHRS", "Horgos", False),
        Place("HKHKG", "Hong Kong", True), Place("AEJEA", "Jebel Ali", True), Place("AEDXB", "Dubai", True),
        Place("AESHJ", "Sharjah", True), Place("INNSA", "Nhava Sheva", True), Place("INMUN", "Mundra", True),
        Place("PKKHI", "Karachi", True), Place("PKBQM", "Port Qasim", True), Place("PKLHE", "Lahore", False),
        Place("PKPEW", "Peshawar", False), Place("TRMER", "Mersin", True), Place("TRAMR", "Ambarli", True),
        Place("TRIST", "Istanbul", True), Place("TRIZM", "Izmir", True), Place("ROCND", "Constanta", True),
        Place("BGVAR", "Varna", True), Place("BGBOJ", "Burgas", True), Place("PLGDN", "Gdansk", True),
        Place("PLGDY", "Gdynia", True), Place("PLWAW", "Warszawa", False), Place("PLLOD", "Lodz", False),
        Place("ITGOA", "Genova", True), Place("ITSPE", "La Spezia", True), Place("ITTRS", "Trieste", True),
        Place("ITMIL", "Milano", False), Place("RUNVS", "Novorossiysk", True), Place("RUMOW", "Moskva", True),
        Place("RULED", "Saint Petersburg", True), Place("RUCEK", "Chelyabinsk", False),
        Place("RUKZN", "Kazan", False), Place("GEPTI", "Poti", True), Place("GEBUS", "Batumi", True),
        Place("GETBS", "Tbilisi", False), Place("AZALA", "Alat (Alyat)", True), Place("AZBAK", "Baku", True),
        Place("AZYAL", "Yalama", False), Place("AMEVN", "Yerevan", False), Place("KZAAU", "Aktau", True),
        Place("KZALA", "Almaty", False), Place("KZAST", "Astana", False), Place("KZKGF", "Karaganda", False),
        Place("KZSHY", "Shymkent", False), Place("KZDOS", "Dostyk", False), Place("KZHOR", "Khorgos", False),
        Place("UZTAS", "Tashkent", False), Place("UZTER", "Termez", False), Place("KGFRU", "Bishkek", False),
        Place("KGOSS", "Osh", False), Place("TJDYU", "Dushanbe", False), Place("TJKUR", "Bokhtar", False),
        Place("TJVAH", "Vahdat", False), Place("TJSTZ", "Shaartuz", False), Place("TMKRW", "Turkmenbashi", True),
        Place("TMASB", "Ashgabat", False),
    ]
}

# Codes that look like UN/LOCODEs but are not in the code list: typos officers make (bad rows).
UNKNOWN_LOCODES = ["GEPOT", "KZAKT", "TRMRS", "AZALY", "KGBSK", "TJDSB", "PLGDA", "ITGEN", "KZXQZ", "UZQQQ"]
# Six-digit codes that are not HS 2022 subheadings, and malformed ones (bad rows).
UNKNOWN_HS = ["854299", "850099", "847199", "880799", "870399", "85423", "8542311"]
# Not ISO 3166 codes (bad rows).
UNKNOWN_COUNTRIES = ["ZZ", "XZ", "QX", "XX"]

# Landlocked member countries (UN LLDC list) used for the "sea discharge inland" pattern.
LANDLOCKED = {"KZ", "UZ", "KG", "TJ", "TM", "AZ", "AM", "AF"}
# Transshipment hubs named in the 2022 FinCEN/BIS alert.
LISTED_HUBS = {"GE", "AM", "KZ", "KG", "TJ", "TR", "UZ", "AE"}

# Real container ships (IMO, name) taken from the public vessel list the tests read.
VESSELS: list[tuple[str, str]] = [
    ("9532771", "APL TURKEY"), ("9410727", "CMA CGM ANDROMEDA"), ("9350393", "CMA CGM CORAL"),
    ("9360142", "CMA CGM HERODOTE"), ("9409194", "CMA CGM LAMARTINE"), ("9356311", "CMA CGM MUSCA"),
    ("9399210", "CMA CGM PEGASUS"), ("9356294", "CMA CGM THALASSA"), ("9345427", "COSCO AMERICA"),
    ("9448748", "COSCO JAPAN"), ("9355551", "COSCO PACIFIC"), ("9300403", "EVER SMART"),
    ("9323508", "HYUNDAI COLOMBO"), ("9305661", "HYUNDAI HONGKONG"), ("9305685", "HYUNDAI SINGAPORE"),
    ("9483475", "KOTA DUNIA"), ("9351036", "KOTA LAMBANG"), ("9494541", "KOTA LUMAYAN"),
    ("9494632", "KOTA NEBULA"), ("9296339", "KOTA RIA"), ("9402029", "MAERSK BATUR"),
    ("9332975", "MAERSK CHICAGO"), ("9456783", "MAERSK ESSEN"), ("9294161", "MAERSK JALAN"),
    ("9434905", "MAERSK NIAGARA"), ("9306172", "MAERSK PUELO"), ("9315238", "MAERSK SEBAROK"),
    ("9299927", "MAERSK SEVILLE"), ("9334662", "MAERSK TAIKUNG"), ("9550319", "MAERSK WILMINGTON"),
    ("9289099", "MSC BEIJING"), ("9349813", "MSC CARMEN"), ("9399052", "MSC EMANUELA"),
    ("9309473", "MSC HEIDI"), ("9461403", "MSC LA SPEZIA"), ("9308625", "MSC LUNA F"),
    ("9398228", "MSC NOA"), ("9289116", "MSC RITA"), ("9404663", "MSC SONIA"), ("9299551", "MSC VITTORIA"),
    ("9302140", "ONE HUMBER"), ("9332200", "OOCL AUSTRALIA"), ("9367205", "OOCL ITALY"),
    ("9445514", "OOCL NEW ZEALAND"), ("9329552", "OOCL TEXAS"), ("9407134", "SEASPAN EMERALD"),
    ("9399117", "X-PRESS HOOGLY"), ("9360556", "X-PRESS MEGHNA"), ("9301275", "YM HEIGHTS"),
    ("9319090", "YM INITIATIVE"), ("9337468", "YM UPWARD"), ("9389708", "ZIM MONACO"),
    ("9322346", "ZIM YOKOHAMA"),
]

# Common High Priority List (Feb 2024): all 50 HS-6 subheadings with their tier.
CHPL: dict[str, str] = {
    "854231": "1", "854232": "1", "854233": "1", "854239": "1",
    "851762": "2", "852691": "2", "853221": "2", "853224": "2", "854800": "2",
    "847150": "3A", "850440": "3A", "851769": "3A", "852589": "3A", "852910": "3A", "852990": "3A",
    "853669": "3A", "853690": "3A", "854110": "3A", "854121": "3A", "854129": "3A", "854130": "3A",
    "854149": "3A", "854151": "3A", "854159": "3A", "854160": "3A",
    "848210": "3B", "848220": "3B", "848230": "3B", "848250": "3B", "880730": "3B", "901310": "3B",
    "901380": "3B", "901420": "3B", "901480": "3B",
    "847180": "4A", "848610": "4A", "848620": "4A", "848640": "4A", "853400": "4A", "854320": "4A",
    "902750": "4A", "903020": "4A", "903032": "4A", "903039": "4A", "903082": "4A",
    "845710": "4B", "845811": "4B", "845891": "4B", "845961": "4B", "846693": "4B",
}

# ISO 6346 owner codes (BIC) of real carriers and container lessors.
CONTAINER_OWNERS = [
    "MSCU", "MEDU", "MSDU", "MAEU", "MSKU", "MRKU", "CMAU", "CGMU", "TGHU", "COSU", "CSNU", "CBHU", "OOLU",
    "EGHU", "EISU", "HLXU", "HLBU", "ONEU", "TCNU", "TCLU", "TRHU", "SEGU", "SEKU", "FCIU", "GESU", "BMOU",
    "CAIU", "DRYU", "TEMU", "KKFU", "YMLU", "ZIMU", "ZCSU", "APZU", "BEAU", "FSCU", "TLLU", "UETU", "KTZU",
]
CONTAINER_TYPES = ["22G1", "22G1", "42G1", "45G1", "45G1", "45G1", "L5G1", "45R1", "22T1", "42U1"]

# Carriers by mode: (country, native name, Latin name). Real operators, written as on documents.
CARRIERS = {
    "sea": [
        ("CH", None, "Mediterranean Shipping Company S.A."), ("DK", None, "A.P. Moller - Maersk A/S"),
        ("FR", None, "CMA CGM S.A."), ("CN", None, "COSCO Shipping Lines Co., Ltd."),
        ("TW", None, "Evergreen Marine Corp."), ("DE", None, "Hapag-Lloyd AG"),
    ],
    "caspian": [
        ("AZ", None, "ADY Container LLC"), ("KZ", "ТОО «Казмортрансфлот»", "Kazmortransflot LLP"),
        ("AZ", None, "Azerbaijan Caspian Shipping CJSC"),
    ],
    "rail": [
        ("KZ", "АО «КТЖ – Грузовые перевозки»", "KTZ Freight Transportation JSC"),
        ("UZ", "АО «Узбекистон темир йуллари»", "Oʻzbekiston temir yoʻllari AJ"),
        ("RU", "ОАО «РЖД»", "Russian Railways JSC"), ("CN", None, "China Railway Container Transport Corp."),
    ],
}

CURRENCIES_BY_COUNTRY = {
    "CN": ["USD", "USD", "CNY"], "HK": ["USD", "HKD"], "AE": ["USD", "AED"], "RU": ["RUB", "USD", "CNY"],
    "KZ": ["USD", "KZT", "RUB"], "TR": ["USD", "EUR", "TRY"], "IT": ["EUR"], "PL": ["EUR", "PLN"],
    "BG": ["EUR", "BGN"], "PK": ["USD"], "IN": ["USD"], "UZ": ["USD", "UZS"], "GE": ["USD", "GEL"],
}
