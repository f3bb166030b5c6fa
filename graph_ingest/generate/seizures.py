"""Seizure reports naming consignments and containers (record type ``seizure``)."""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

from .cells import Formatter
from .shipments import Consignment
from .sources import SourceSpec

REASONS = {
    "ru": {"dual": "Товары двойного назначения без разрешения", "false": "Недостоверное декларирование товара",
           "drugs": "Наркотические средства (гашиш) в тайнике", "fake": "Контрафактная продукция"},
    "en": {"dual": "Dual-use goods without export licence", "false": "False description of goods",
           "drugs": "Narcotics (heroin) concealed in cargo", "fake": "Counterfeit goods"},
}
DRUGS = {"ru": ("Гашиш", "кг"), "en": ("Heroin", "kg")}


def place_in(cons: Consignment, country: str) -> str | None:
    for code in [cons.pod, *cons.tss, cons.delivery or "", cons.pol]:
        if code.startswith(country):
            return code
    return None


def seizure_row(spec: SourceSpec, fmt: Formatter, fields: list[str], serial: int, cons: Consignment,
                kind: str, rng: random.Random) -> tuple[dict[str, Any], str]:
    lang = spec.lang
    place = place_in(cons, spec.country) or cons.pod
    when = cons.arr if place in (cons.pod, cons.delivery) else cons.dep + (cons.arr - cons.dep) * 2 // 3
    when += timedelta(days=rng.randint(0, 2))
    record_id = spec.record_id(serial, when, rng)
    ref = next((e[3] for e in cons.emissions if e[0].startswith(spec.country.lower())), cons.emissions[0][3])
    if kind == "drugs":
        what, unit = DRUGS[lang]
        quantity, hs = round(rng.uniform(5, 120), 1), None
    else:
        what = cons.goods.text[lang if lang in cons.goods.text else "en"]
        unit = "кг" if lang == "ru" else "kg"
        quantity, hs = cons.mass, fmt.hs(cons.hs6, rng)
    values = {
        "record_id": record_id, "seizure_date": fmt.date(when, rng), "place": place, "consignment_ref": ref,
        "containers": fmt.join(cons.containers) or None, "hs_code": hs, "goods_description": what,
        "quantity": fmt.number(quantity, 1), "unit": unit, "reason": REASONS[lang][kind],
    }
    return {f: values.get(f) for f in fields}, record_id
