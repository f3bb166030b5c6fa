"""Trade lanes each reporting country sees: who ships what to whom, by which places and mode.

A lane is written compactly: countries as ``"CN:3 HK:1"`` (weights), places as UN/LOCODEs separated by
spaces, transshipment options separated by ``|`` (an empty option = direct). ``@inland``/``@sea`` pick a
place in the consignee's country.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

INLAND = {
    "KZ": ["KZALA", "KZAST", "KZKGF", "KZSHY"], "UZ": ["UZTAS", "UZTAS", "UZTER"], "KG": ["KGFRU", "KGFRU", "KGOSS"],
    "TJ": ["TJDYU", "TJDYU", "TJKUR", "TJVAH"], "RU": ["RUMOW", "RUCEK", "RUKZN"], "CN": ["CNXIA", "CNURM", "CNCQI"],
    "AM": ["AMEVN"], "TM": ["TMASB"], "AZ": ["AZBAK"], "GE": ["GETBS"], "TR": ["TRIST"], "PL": ["PLWAW", "PLLOD"],
    "IT": ["ITMIL"], "BG": ["BGVAR"], "PK": ["PKLHE", "PKPEW"], "AE": ["AEDXB"], "IN": ["INNSA"], "HK": ["HKHKG"],
}
SEAPORTS = {
    "AE": ["AEJEA", "AEJEA", "AESHJ"], "CN": ["CNSHA", "CNQDG", "CNNGB", "CNTXG"], "TR": ["TRMER", "TRAMR", "TRIST"],
    "IT": ["ITGOA", "ITSPE", "ITTRS"], "PL": ["PLGDN", "PLGDY"], "BG": ["BGVAR", "BGBOJ"], "GE": ["GEPTI", "GEBUS"],
    "RU": ["RUNVS", "RULED"], "PK": ["PKKHI", "PKBQM"], "HK": ["HKHKG"], "IN": ["INNSA", "INMUN"],
    "AZ": ["AZALA", "AZBAK"], "KZ": ["KZAAU"], "TM": ["TMKRW"],
}
ASIA_PORTS = "CNSHA CNNGB CNQDG CNYTN CNTXG HKHKG INNSA INMUN AEJEA"
CN_RAIL = "CNXIA CNCQI CNYIU CNURM CNLYG"
CASPIAN = {"KZAAU", "AZALA", "AZBAK", "TMKRW"}
# Where sea cargo for a country is discharged: its own ports, else Poti/Batumi for the Caucasus and
# Central Asia (onward by rail and the Caspian ferries).
GATEWAY = {**SEAPORTS, "AZ": ["GEPTI", "GEBUS"], "KZ": ["GEPTI", "GEBUS"], "TM": ["GEPTI"], "UZ": ["GEPTI"],
           "KG": ["GEPTI"], "TJ": ["GEPTI"], "AM": ["GEPTI", "GEBUS"], "RU": ["RUNVS"]}


@dataclass(frozen=True)
class Lane:
    weight: float
    mode: str
    consignors: tuple[tuple[str, float], ...]
    consignees: tuple[tuple[str, float], ...]
    pol: tuple[str, ...]
    tss: tuple[tuple[str, ...], ...]
    pod: tuple[str, ...] | str
    delivery: tuple[str, ...] | str
    days: tuple[int, int]


def _countries(text: str) -> tuple[tuple[str, float], ...]:
    return tuple((p.split(":")[0], float(p.split(":")[1]) if ":" in p else 1.0) for p in text.split())


def _places(text: str) -> tuple[str, ...] | str:
    return text if text.startswith("@") or not text else tuple(text.split())


def lane(weight: float, mode: str, consignors: str, consignees: str, pol: str, tss: str, pod: str,
         delivery: str = "", days: tuple[int, int] = (5, 20)) -> Lane:
    options = tuple(tuple(o.split()) for o in tss.split("|")) if tss else ((),)
    return Lane(weight, mode, _countries(consignors), _countries(consignees), tuple(pol.split()), options,
                _places(pod), _places(delivery), days)


LANES: dict[str, list[Lane]] = {
    "KZ": [
        lane(.30, "rail", "CN", "KZ", CN_RAIL, "KZDOS|KZHOR|KZDOS", "@inland", days=(8, 20)),
        lane(.10, "rail", "CN", "UZ:3 KG:2 TJ:1", CN_RAIL, "KZDOS|KZHOR", "@inland", days=(10, 25)),
        lane(.15, "rail", "RU", "KZ", "RUMOW RUCEK RUKZN", "", "@inland", days=(4, 12)),
        lane(.12, "multimodal", "TR:3 IT:2 PL:1 BG:1 GE:1", "KZ", "TRIST TRMER ITGOA ROCND BGVAR",
             "GEPTI AZALA|GEBUS AZBAK|GEPTI AZBAK", "KZAAU", "@inland", days=(15, 35)),
        lane(.10, "rail", "KZ", "CN:3 UZ:2 KG:2 TJ:1 RU:2", "KZAST KZKGF KZSHY KZALA", "", "@inland", days=(5, 15)),
        lane(.05, "sea", "KZ", "AZ:2 GE:1 TR:1", "KZAAU", "", "AZALA AZBAK", "@inland", days=(1, 4)),
    ],
    "UZ": [
        lane(.25, "rail", "CN", "UZ", CN_RAIL, "KZDOS|KZHOR", "UZTAS", days=(12, 25)),
        lane(.12, "multimodal", "TR:3 IT:1 PL:1 GE:1 BG:1", "UZ", "TRMER TRIST ITGOA ROCND",
             "GEPTI AZALA TMKRW|GEBUS AZBAK TMKRW", "UZTAS", days=(20, 40)),
        lane(.10, "road", "PK", "UZ", "PKKHI PKBQM PKLHE PKPEW", "", "UZTER UZTAS", days=(5, 12)),
        lane(.08, "multimodal", "AE:2 IN:1", "UZ", "AEJEA INNSA", "PKKHI|PKBQM", "UZTER", days=(15, 30)),
        lane(.15, "rail", "RU:2 KZ:1", "UZ", "RUMOW RUCEK KZAST KZSHY", "", "UZTAS", days=(5, 15)),
        lane(.20, "rail", "UZ", "CN:2 RU:3 KZ:2 TR:1 KG:1 TJ:1", "UZTAS", "", "@inland", days=(5, 18)),
    ],
    "KG": [
        lane(.30, "road", "CN", "KG", "CNURM CNHRS", "", "KGFRU KGOSS", days=(3, 10)),
        lane(.15, "rail", "CN", "KG", CN_RAIL, "KZDOS", "KGFRU", days=(10, 20)),
        lane(.15, "road", "KG", "RU:3 KZ:2 UZ:1", "KGFRU KGOSS", "", "@inland", days=(3, 12)),
        lane(.15, "rail", "RU:2 KZ:1", "KG", "RUMOW RUCEK KZALA KZAST", "", "KGFRU", days=(5, 14)),
        lane(.10, "multimodal", "TR", "KG", "TRMER TRIST", "GEPTI AZALA KZAAU", "KGFRU", days=(20, 35)),
    ],
    "TJ": [
        lane(.25, "road", "CN", "TJ", "CNURM CNHRS", "KGOSS", "TJDYU TJKUR", days=(5, 14)),
        lane(.20, "rail", "RU:2 KZ:1", "TJ", "RUMOW RUCEK KZAST KZSHY", "UZTAS", "TJDYU TJVAH TJSTZ", days=(7, 18)),
        lane(.15, "rail", "TJ", "RU:3 KZ:1 TR:1 CN:1 UZ:1", "TJDYU TJKUR", "", "@inland", days=(6, 18)),
        lane(.10, "road", "PK", "TJ", "PKPEW PKLHE", "", "TJDYU", days=(4, 10)),
        lane(.10, "rail", "CN", "TJ", CN_RAIL, "KZDOS UZTAS|KZHOR UZTAS", "TJDYU", days=(14, 28)),
    ],
    "TM": [
        lane(.30, "sea", "AZ:3 GE:1 TR:1 IT:1", "TM:3 UZ:1", "AZALA", "", "TMKRW", "TMASB UZTAS", days=(1, 4)),
        lane(.15, "sea", "KZ", "TM", "KZAAU", "", "TMKRW", "TMASB", days=(1, 3)),
        lane(.25, "sea", "TM", "AZ:2 GE:1 TR:2 IT:1", "TMKRW", "", "AZALA AZBAK", "@inland", days=(1, 4)),
        lane(.10, "road", "UZ", "TM", "UZTAS", "", "TMASB", days=(2, 6)),
    ],
    "AZ": [
        lane(.25, "sea", "KZ:2 TM:2 UZ:1 CN:1", "AZ:2 GE:1 TR:1", "KZAAU TMKRW", "", "AZALA", "@inland",
             days=(1, 4)),
        lane(.20, "multimodal", "CN", "AZ:2 GE:1 TR:1", CN_RAIL, "KZDOS KZAAU|KZHOR KZAAU", "AZALA", "@inland",
             days=(14, 25)),
        lane(.15, "multimodal", "TR:2 IT:1 BG:1 PL:1", "AZ", "TRMER TRIST ITGOA BGVAR", "GEPTI|GEBUS", "AZBAK",
             days=(6, 20)),
        lane(.15, "rail", "RU", "AZ", "RUMOW RUKZN", "AZYAL", "AZBAK", days=(5, 12)),
        lane(.10, "sea", "AZ", "KZ:2 TM:2", "AZALA AZBAK", "", "@sea", "@inland", days=(1, 4)),
    ],
    "GE": [
        lane(.25, "sea", "CN:4 HK:1 IN:1 AE:1", "GE:3 AZ:2 AM:2 KZ:1 UZ:1", ASIA_PORTS, "|TRAMR|AEJEA|",
             "GEPTI GEBUS", "@inland", days=(25, 45)),
        lane(.20, "sea", "TR:3 BG:1 IT:1 PL:1", "GE:3 AZ:2 AM:2 KZ:1 TM:1", "TRAMR TRIST TRMER BGVAR BGBOJ ROCND ITGOA",
             "", "GEPTI GEBUS", "@inland", days=(3, 14)),
        lane(.12, "sea", "GE", "TR:2 BG:2 IT:1 CN:1 PL:1", "GEPTI GEBUS", "", "@sea", days=(3, 30)),
        lane(.15, "rail", "CN:2 KZ:2 UZ:1 TM:1", "TR:2 BG:1 IT:1 PL:1 GE:2", "AZBAK AZALA", "", "GEPTI GEBUS",
             "@inland", days=(2, 5)),
        lane(.10, "road", "TR", "AM:2 AZ:1 GE:1", "TRIST TRMER", "", "GETBS", "@inland", days=(3, 7)),
    ],
    "PK": [
        lane(.30, "sea", "PK", "AE:3 CN:2 TR:1 IT:1 PL:1 BG:1 GE:1", "PKKHI PKBQM", "|AEJEA", "@sea", days=(5, 30)),
        lane(.25, "sea", "CN:4 AE:2 HK:1 TR:1", "PK", ASIA_PORTS + " TRMER", "", "PKKHI PKBQM", "PKLHE PKPEW",
             days=(10, 30)),
        lane(.20, "road", "CN:2 AE:2 PK:1", "UZ:3 TJ:2 KZ:1 KG:1 TM:1", "PKKHI PKBQM", "PKPEW", "@inland",
             days=(6, 15)),
        lane(.10, "road", "PK", "UZ:2 TJ:1 KZ:1", "PKLHE PKPEW PKKHI", "", "@inland", days=(4, 10)),
    ],
    "TR": [
        lane(.30, "sea", "TR", "GE:3 AZ:2 KZ:1 TM:1 UZ:1 RU:2", "TRAMR TRIST TRMER TRIZM", "", "@gateway",
             "@inland", days=(3, 10)),
        lane(.15, "road", "TR", "GE:2 AZ:2 AM:1 KZ:1 UZ:1 TM:1", "TRIST TRMER", "GETBS", "@inland", days=(4, 15)),
        lane(.20, "sea", "CN:4 HK:1 IN:1 AE:1", "TR", ASIA_PORTS, "|AEJEA", "TRMER TRAMR TRIST", days=(20, 40)),
        lane(.15, "multimodal", "CN", "TR", CN_RAIL, "KZDOS KZAAU AZALA GETBS|KZHOR KZAAU AZBAK GETBS", "TRIST",
             days=(18, 30)),
        lane(.10, "sea", "TR", "RU:3 KZ:1 KG:1 AM:1", "TRMER TRAMR", "", "RUNVS GEPTI", "@inland", days=(3, 12)),
    ],
    "BG": [
        lane(.35, "sea", "BG:2 PL:1 IT:1", "GE:3 AZ:2 AM:1 KZ:1 UZ:1 TM:1", "BGVAR BGBOJ", "", "GEPTI GEBUS",
             "@inland", days=(3, 6)),
        lane(.25, "sea", "GE:2 TR:2 CN:1 AZ:1 KZ:1", "BG:3 PL:1 IT:1", "GEPTI GEBUS TRAMR CNSHA", "", "BGVAR BGBOJ",
             "@inland", days=(3, 35)),
        lane(.20, "sea", "BG", "TR:2 GE:2", "BGVAR BGBOJ", "", "@sea", days=(2, 6)),
    ],
    "PL": [
        lane(.35, "rail", "CN", "PL", CN_RAIL, "KZDOS|KZHOR", "PLWAW PLLOD", days=(14, 22)),
        lane(.25, "sea", "CN:3 HK:1 IN:1", "PL", ASIA_PORTS, "", "PLGDN PLGDY", "@inland", days=(30, 45)),
        lane(.25, "rail", "PL", "KZ:3 UZ:2 GE:1 AZ:1 TM:1", "PLWAW PLLOD PLGDN", "", "@inland", days=(8, 20)),
    ],
    "IT": [
        lane(.40, "sea", "IT", "TR:3 GE:2 AZ:1 KZ:1 UZ:1 TM:1 AE:1", "ITGOA ITSPE ITTRS", "", "@gateway",
             "@inland", days=(5, 25)),
        lane(.25, "sea", "CN:3 HK:1 IN:1 TR:1", "IT", ASIA_PORTS + " TRMER", "|AEJEA|TRAMR", "ITGOA ITSPE ITTRS",
             days=(20, 40)),
        lane(.15, "multimodal", "IT", "KZ:2 UZ:1", "ITTRS ITGOA", "GEPTI AZALA", "KZAAU", "@inland", days=(15, 30)),
    ],
}


def pick_lane(rng: random.Random, lanes: list[Lane]) -> Lane:
    r = rng.random() * sum(la.weight for la in lanes)
    for la in lanes:
        r -= la.weight
        if r <= 0:
            return la
    return lanes[-1]


def resolve(places: tuple[str, ...] | str, consignee_country: str, rng: random.Random) -> str | None:
    if not places:
        return None
    if places == "@inland":
        return rng.choice(INLAND[consignee_country])
    if places == "@sea":
        return rng.choice(SEAPORTS[consignee_country])
    if places == "@gateway":
        return rng.choice(GATEWAY[consignee_country])
    assert isinstance(places, tuple)
    return rng.choice(places)
