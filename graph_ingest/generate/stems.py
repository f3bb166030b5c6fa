"""Raw material for names: company name stems and personal names per country, in their own scripts.

Cyrillic-only entries get their Latin forms from ``translit``; Uzbek, Azerbaijani and Turkmen entries
carry both, because their official Latin alphabets are not a transliteration of Russian.
"""

from __future__ import annotations


def _split(text: str) -> list[str]:
    return [s.strip() for s in text.split("|") if s.strip()]


def _pairs(text: str) -> list[tuple[str, str]]:
    """``"lat=cyr | lat=cyr"`` -> [(lat, cyr), ...]"""
    return [tuple(p.split("=", 1)) for p in _split(text)]  # type: ignore[misc]


Part = tuple[str | None, str | None]  # (Latin, Cyrillic)


def _cyr(text: str) -> list[Part]:
    return [(None, c) for c in _split(text)]


def _lat(text: str) -> list[Part]:
    return [(c, None) for c in _split(text)]


def _both(text: str) -> list[Part]:
    """``"lat=cyr | lat=cyr"`` -> [(lat, cyr), ...]"""
    return [tuple(p.split("=", 1)) for p in _split(text)]  # type: ignore[misc]


RU_PREFIX = _cyr(
    "Восток|Запад|Азия|Евразия|Евро|Каспий|Техно|Пром|Строй|Электро|Интер|Транс|Глобал|Альфа|Мега|Гранд|"
    "Стандарт|Сибирь|Урал|Алтай|Север|Орион|Меридиан|Атлант|Вектор|Сигма|Гарант|Импульс|Прогресс|Альянс|"
    "Континент|Дельта|Премьер|Лидер|Нова|Форвард|Профи|Снаб|Азимут|Радиан")
RU_SUFFIX = _cyr(
    "Трейд|Транс|Логистик|Карго|Импэкс|Снаб|Групп|Инвест|Терминал|Сервис|Комплект|Торг|Экспорт|Маркет|"
    "Техника|Транзит|Компани|Холдинг|Электроника|Систем")
RU_STANDALONE = _cyr(
    "Шелковый путь|Северный ветер|Золотой караван|Новый век|Звезда Востока|Белый парус|ТехноСнаб|"
    "СибЭлектроКомплект|Микросистемы|ПромЭлектроника|Электрон-М|Гефест|Сфера|Радиокомплект|Феникс")
KZ_STANDALONE = _cyr(
    "Барыс|Сұңқар|Ақ Жол|Алтын Жол|Нұрлы Жол|Жібек Жолы|Тұлпар|Береке|Достық|Бірлік|Қайнар|Жетісу|Арман|"
    "Самұрық|Ақниет|Көктем|Шаңырақ|Ертіс|Алатау|Сарыарқа|Атамекен|Бәйтерек|Қазына|Мерей|Ынтымақ|Дала|"
    "Көкжиек|Каспий Терминал|Азия Логистик|Восток Транс|Восток Трейд|Евразия Карго|Шелковый путь")
KG_STANDALONE = _cyr(
    "Ала-Тоо|Ысык-Көл|Теңир|Манас|Ак-Кеме|Кыргыз Карго|Бишкек Импэкс|Нарын|Ош Транзит|Тулпар|Айкөл|"
    "Сапат|Бакыт|Кут|Мурас|Эркин|Азия Логистик|Восток Трейд")
TJ_STANDALONE = _cyr(
    "Сомон|Сомониён|Рахш|Ориён|Помир|Ҳисор|Зарафшон|Варзоб|Тоҷикистон Логистик|Суғд|Хатлон|Ситора|"
    "Баҳор|Наврӯз|Файз|Сомон Тиҷорат|Помир Транзит|Душанбе Карго|Восток Трейд")
UZ_PREFIX = _both(
    "Ipak Yoʻli=Ипак Йули|Oltin Vodiy=Олтин Водий|Samarqand=Самарканд|Toshkent=Ташкент|Fargʻona=Фергана|"
    "Buxoro=Бухара|Yangi Asr=Янги Аср|Navroʻz=Навруз|Zarafshon=Зарафшан|Oʻzbekiston=Узбекистон|Gʻalaba=Галаба|"
    "Bunyodkor=Бунёдкор|Orzu=Орзу|Baraka=Барака|Sharq Yulduzi=Шарк Юлдузи|Turon=Турон|Asaka=Асака|"
    "Xorazm=Хорезм|Qoʻqon=Коканд|Chorsu=Чорсу|Sirdaryo=Сырдарья|Andijon=Андижан|Nurafshon=Нурафшон|Mehr=Мехр")
UZ_SUFFIX = _both(
    "Savdo=Савдо|Trans=Транс|Tekstil=Текстиль|Invest=Инвест|Logistika=Логистика|Agro=Агро|Avto=Авто|"
    "Paxta=Пахта|Servis=Сервис|Group=Групп|Export=Экспорт|Qurilish=Курилиш")
AZ_PREFIX = _both(
    "Xəzər=Хазар|Qafqaz=Кавказ|Bakı=Баку|Araz=Араз|Şirvan=Ширван|Gəncə=Гянджа|Kür=Кюр|Abşeron=Апшерон|"
    "Qarabağ=Карабах|Azər=Азер|Ələt=Алят|Sumqayıt=Сумгаит|Naxçıvan=Нахчыван|Günəş=Гюнеш|Ulduz=Улдуз|"
    "Dəniz=Дениз|Lənkəran=Ленкорань|Şamaxı=Шемаха|Qəbələ=Габала|İpək Yolu=Ипек Йолу")
AZ_SUFFIX = _both(
    "Logistika=Логистика|Ticarət=Тиджарет|Trans=Транс|Group=Групп|İnvest=Инвест|Servis=Сервис|"
    "Terminal=Терминал|Aqro=Агро|Tekstil=Текстиль|Trade=Трейд|Cargo=Карго|İnşaat=Иншаат|Holding=Холдинг")
TM_PREFIX = _both(
    "Altyn Asyr=Алтын Асыр|Türkmen=Туркмен|Hazar=Хазар|Garagum=Каракум|Ak Öýi=Ак Ойи|Bagtyýarlyk=Багтыярлык|"
    "Watan=Ватан|Ahal=Ахал|Daşoguz=Дашогуз|Lebap=Лебап|Balkan=Балкан|Merw=Мерв|Gündogar=Гюндогар")
TM_SUFFIX = _both(
    "Söwda=Сёвда|Ulag=Улаг|Ýoly=Йолы|Pagta=Пагта|Nebit=Небит|Logistik=Логистик|Gurluşyk=Гурлушык|Hyzmat=Хызмат")
BG_PREFIX = _cyr("Транс|Балкан|Черно море|Витоша|Дунав|Родопи|Пирин|Тракия|Варна|Бургас|Марица|Странджа|Мизия|"
                 "Добруджа|Етър|Сердика")
BG_SUFFIX = _cyr("Трейд|Карго|Лоджистикс|Агро|Импекс|Ойл|Шипинг|Терминал|Фарма|Груп|Инвест|Транс")
LATIN_PARTS: dict[str, tuple[list[Part], list[Part]]] = {
    "GE": (_lat("Kolkheti|Iberia|Rioni|Mtkvari|Black Sea|Caucasus|Georgian|Batumi|Poti|Kartli|Imereti|Svaneti|"
                "Tbilisi|Adjara|Kakheti|Lazika|Samegrelo|Colchis|Argo|Tamari|Mtatsminda|Gelati"),
           _lat("Trade|Logistics|Terminal|Trans|Cargo|Group|Agro|Wine|Invest|Shipping|Import|Transit|Holding")),
    "PK": (_lat("Al-Noor|Indus|Karachi|Mehran|Shaheen|Crescent|Habib|Faisal|Gulf Link|Sialkot|Lahore|Punjab|"
                "Hamza|Bilal|Zam Zam|Khyber|Quetta|Madina|Sitara|Ravi|Al-Karam|Nishat|Kohinoor|Sapphire"),
           _lat("Traders|Logistics|Freight Forwarders|Impex|Trading|Textiles|Enterprises|Cotton Mills|"
                "Surgical|Garments|Rice Exports|Corporation|Trade Links|Fabrics|Engineering")),
    "TR": (_lat("Anadolu|Karadeniz|Boğaziçi|Ege|Yıldız|İstanbul|Özgür|Akdeniz|Marmara|Kapadokya|Toros|Doğu|"
                "İpekyolu|Güneş|Çukurova|Mersin|Kuzey|Aslan|Şahin|Öztürk|Işık|Gökdeniz|Ağrı|Başak|Çağdaş"),
           _lat("Lojistik|Dış Ticaret|Elektronik|Nakliyat|Makina|Teknik|Gıda|Denizcilik|Tekstil|Seramik|Tarım|"
                "Taşımacılık|Mobilya|Plastik|Konteyner|Otomotiv|Elektrik|İnşaat|Kimya|Enerji")),
    "PL": (_lat("Bałtyk|Wisła|Pol|Gdańsk|Mazowsze|Pomorze|Karpaty|Śląsk|Odra|Tatra|Warmia|Kraków|Łódź|Poznań|"
                "Wielkopolska|Mazury|Sudety|Bug"),
           _lat("Logistyka|Trans|Handel|Cargo|Spedycja|Meble|Stal|Logistics|Agro|Farm|Trade|Import|Tekstylia|"
                "Maszyny|Export")),
    "IT": (_lat("Tirrenia|Adriatica|Lombarda|Ligure|Padana|Brianza|Toscana|Veneta|Appennino|Sicula|Emiliana|"
                "Pugliese|Torino|Genova|Ital|Campana|Sarda|Friulana|Marche|Alpina"),
           _lat("Logistica|Trasporti|Meccanica|Spedizioni|Elettronica|Mobili|Alimentari|Macchine|Export|"
                "Ceramiche|Componenti|Shipping|Trade|Impianti|Tessile")),
    "IN": (_lat("Shree Ganesh|Bharat|Sai|Om|Krishna|Lakshmi|Apex|Sunrise|Royal|Global|Shiva|Ambica|Mahavir"),
           _lat("Exports|Engineering Works|Electronics|Pharma|Textiles|Impex|Spices|Tea Traders|Industries")),
    "AM": (_lat("Ararat|Yerevan|Armen|Sevan|Masis|Hayk|Aragats|Zangezur|Van|Arsen|Nairi|Shirak"),
           _lat("Trade|Logistics|Impex|Group|Electronics|Trans|Invest|Tech")),
    "HK": (_lat("Golden Bridge|Asia Pacific|Everwin|Grand Ocean|Bright Star|Wing Fat|Sun Hing|Kowloon|Pacific Rim|"
                "Victoria Harbour|Jade Dragon|Silver Sea|Great Wall|Ever Glory|Lucky Star|Fortune Way"),
           _lat("Trading|Electronics|Components|International|Holdings|Technology|Industrial|Supply Chain")),
    "AE": (_lat("Gulf Star|Al Noor|Falcon|Desert Rose|Emirates Link|Blue Ocean|Al Safa|Silver Sands|Royal Crown|"
                "Al Barsha|Oasis|Palm Horizon|Al Qusais|Creek Side|Al Wasl|Golden Sands|Dune|Marina Bay"),
           _lat("General Trading|Electronics Trading|Logistics|Shipping|Auto Spare Parts Trading|"
                "Technology Trading|Industrial Supplies|Freight Services")),
}
CN_CITY = _split("Shenzhen|Yiwu|Guangzhou|Ningbo|Xiamen|Urumqi|Xinjiang|Hangzhou|Qingdao|Shanghai|Dongguan|"
                 "Tianjin|Chongqing|Xi'an|Suzhou|Zhejiang")
CN_BRAND = _split("Huaxin|Jinhai|Tianshan|Haitong|Mingda|Ruitai|Hengtong|Xinda|Jiahe|Longsheng|Fuda|Hongyuan|"
                  "Kaiyuan|Yongsheng|Baolong|Jinlong|Tianyi|Shengda|Hualong|Xinyuan|Weida|Chuangxin|Anxin|Boda")
CN_ACTIVITY = _split("Electronics|Trading|Import & Export|Technology|Machinery|Logistics|Industrial|Textile|"
                     "Electronic Technology|Supply Chain")
# Qualifiers that make otherwise equal names distinct ("Восток Трейд Плюс", "Polmax 2000").
QUALIFIERS = _both(
    "Plus=Плюс|2000=2000|Center=Центр|Asia=Азия|-M=-М|Group=Групп|Servis=Сервис|International=Интернэшнл")


# Personal names: (surnames, male given names, female given names, patronymic bases) in native script.
PEOPLE_CYR = {
    "RU": (_split("Иванов|Петров|Смирнов|Кузнецов|Соколов|Попов|Лебедев|Козлов|Новиков|Морозов|Волков|Алексеев|"
                  "Павлов|Семенов|Егоров|Орлов|Белов|Тарасов"),
           _split("Александр|Сергей|Дмитрий|Андрей|Алексей|Максим|Иван|Евгений|Николай|Игорь|Владимир|Олег"),
           _split("Елена|Ольга|Наталья|Татьяна|Ирина|Светлана|Анна|Юлия")),
    "KZ": (_split("Ахметов|Нурланов|Жумабаев|Сейтказиев|Абдрахманов|Касымов|Байжанов|Сулейменов|Искаков|Оспанов|"
                  "Тулегенов|Омаров|Ержанов|Мухамеджанов|Кенжебаев|Садыков"),
           _split("Нурлан|Ерлан|Асхат|Бауыржан|Дархан|Ержан|Самат|Мурат|Азамат|Айдос|Кайрат|Талгат"),
           _split("Айгуль|Гульнара|Динара|Жанар|Сауле|Асель|Меруерт")),
    "KG": (_split("Асанов|Усенов|Токтогулов|Абдыкадыров|Мамытов|Сатыбалдиев|Орозбеков|Кадыров|Турдубаев|Эсенов|"
                  "Жумалиев|Осмонов"),
           _split("Азамат|Бакыт|Эрлан|Нурбек|Талант|Улан|Чынгыз|Мирлан|Айбек|Алмаз"),
           _split("Айжан|Гулзат|Жибек|Нургуль|Айпери")),
    "TJ": (_split("Рахмонов|Саидов|Назаров|Шарипов|Холов|Қурбонов|Давлатов|Иброҳимов|Мирзоев|Ҳасанов|Раджабов|"
                  "Одинаев|Сафаров"),
           _split("Фаридун|Рустам|Бахтовар|Далер|Джамшед|Сухроб|Фирдавс|Манучехр|Парвиз|Шахриёр"),
           _split("Мехрангез|Нигина|Зарина|Фарзона|Шахло")),
    "BG": (_split("Иванов|Георгиев|Димитров|Петров|Николов|Христов|Стоянов|Тодоров|Илиев|Василев"),
           _split("Георги|Иван|Димитър|Петър|Николай|Христо|Стоян|Тодор"),
           _split("Мария|Иванка|Елена|Йорданка|Пенка")),
}
PATRONYMIC_BASES = _split("Александр|Сергей|Иван|Петр|Виктор|Николай|Рустам|Нурлан|Бахтиёр|Кайрат|Асан")
# (Latin official, Cyrillic as written in Russian-language documents)
PEOPLE_PAIRS = {
    "UZ": (_pairs("Karimov=Каримов|Yusupov=Юсупов|Rahimov=Рахимов|Abdullayev=Абдуллаев|Mirzayev=Мирзаев|"
                  "Ismoilov=Исмаилов|Xasanov=Хасанов|Tursunov=Турсунов|Ergashev=Эргашев|Nazarov=Назаров|"
                  "Sultonov=Султанов|Yoʻldoshev=Юлдашев|Usmonov=Усманов|Aliyev=Алиев|Xolmatov=Холматов"),
           _pairs("Ulugʻbek=Улугбек|Shohrux=Шохрух|Baxtiyor=Бахтиёр|Jasur=Жасур|Farrux=Фаррух|Otabek=Отабек|"
                  "Sanjar=Санжар|Dilshod=Дилшод|Sherzod=Шерзод|Aziz=Азиз"),
           _pairs("Dilnoza=Дилноза|Gulnora=Гулнора|Nigora=Нигора|Malika=Малика|Shahnoza=Шахноза")),
    "AZ": (_pairs("Məmmədov=Мамедов|Əliyev=Алиев|Həsənov=Гасанов|Hüseynov=Гусейнов|Quliyev=Кулиев|"
                  "İsmayılov=Исмайлов|Abdullayev=Абдуллаев|Cəfərov=Джафаров|Rzayev=Рзаев|Nəsirov=Насиров|"
                  "Orucov=Оруджев|Babayev=Бабаев"),
           _pairs("Elçin=Эльчин|Rəşad=Рашад|Tural=Турал|Orxan=Орхан|Vüqar=Вугар|Elnur=Эльнур|Kamran=Камран|"
                  "Ramin=Рамин|Fərid=Фарид|Nicat=Ниджат"),
           _pairs("Aynur=Айнур|Günel=Гюнель|Leyla=Лейла|Nərmin=Нармин|Səbinə=Сабина")),
    "TM": (_pairs("Annaýew=Аннаев|Berdiýew=Бердыев|Orazow=Оразов|Durdyýew=Дурдыев|Ataýew=Атаев|Gurbanow=Курбанов|"
                  "Hojaýew=Ходжаев|Saparow=Сапаров|Öwezow=Овезов"),
           _pairs("Merdan=Мердан|Batyr=Батыр|Döwlet=Довлет|Maksat=Максат|Rustam=Рустам|Begenç=Бегенч|Aman=Аман"),
           _pairs("Aýna=Айна|Bägül=Багуль|Jennet=Дженнет|Maýsa=Майса")),
}
PEOPLE_LAT = {
    "GE": (_split("Beridze|Kapanadze|Gelashvili|Maisuradze|Giorgadze|Lomidze|Tsiklauri|Bolkvadze|Nozadze|Abashidze"),
           _split("Giorgi|Davit|Levan|Irakli|Nikoloz|Zurab|Lasha|Tornike"), _split("Nino|Tamar|Mariam|Ana|Eka")),
    "TR": (_split("Yılmaz|Kaya|Demir|Şahin|Çelik|Yıldız|Yıldırım|Öztürk|Aydın|Özdemir|Arslan|Doğan|Kılıç|Çetin"),
           _split("Mehmet|Mustafa|Ahmet|Ali|Hüseyin|Hasan|İbrahim|İsmail|Osman|Yusuf|Murat|Emre"),
           _split("Ayşe|Fatma|Emine|Hatice|Zeynep|Elif")),
    "PK": (_split("Khan|Ahmed|Ali|Hussain|Malik|Butt|Qureshi|Sheikh|Chaudhry|Raza|Iqbal|Siddiqui"),
           _split("Muhammad|Imran|Asif|Tariq|Bilal|Usman|Hamza|Farhan|Kashif|Adnan"),
           _split("Ayesha|Fatima|Sana|Hina|Sadia")),
    "CN": (_split("Wang|Li|Zhang|Liu|Chen|Yang|Huang|Zhao|Wu|Zhou"),
           _split("Wei|Jun|Lei|Yong|Jie|Tao|Ming|Qiang"), _split("Na|Fang|Min|Jing|Li|Xiu")),
}
