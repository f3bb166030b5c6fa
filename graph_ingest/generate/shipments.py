"""Consignments: the physical movement, independent of who reports it and how it is written."""

from __future__ import annotations

import heapq
import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from .actors import YEAR_START, Actor, Population
from .goods import CHPL_GOODS, EXPORT_MIX, GOODS, Goods
from .ids import bl_number, container, seal, voyage
from .lanes import CASPIAN, Lane, resolve
from .names import pick_weighted as pick
from .refdata import CONTAINER_TYPES, CURRENCIES_BY_COUNTRY, VESSELS

_RATE = {"USD": 1.0, "EUR": 0.92, "CNY": 7.2, "RUB": 90.0, "KZT": 480.0, "TRY": 34.0, "PLN": 4.0, "BGN": 1.8,
         "GEL": 2.7, "AED": 3.67, "HKD": 7.8, "UZS": 12600.0}
# Re-exporting hubs ship goods made elsewhere.
_REEXPORT = {"AE", "HK", "KG", "AM", "GE", "TR"}


@dataclass(eq=False)
class Consignment:
    parties: dict[str, Actor]
    mode: str
    pol: str
    pod: str
    delivery: str | None
    tss: list[str]
    dep: date
    arr: date
    shared: date
    goods: Goods
    hs6: str
    mass: float
    packages: int
    value: float
    currency: str
    origin: str
    destination: str
    containers: list[str] = field(default_factory=list)
    container_type: str = "45G1"
    seals: list[str] = field(default_factory=list)
    vessel: tuple[str, str] | None = None
    voyage: str | None = None
    bl: str = ""
    vague: bool = False
    scope_kind: str | None = None
    scope_countries: list[str] = field(default_factory=list)
    network: str | None = None
    tags: list[str] = field(default_factory=list)
    # (source profile, file, row, record_id) for every row written for it
    emissions: list[tuple[str, str, int, str]] = field(default_factory=list)

    @property
    def route(self) -> list[str]:
        out: list[str] = []
        for code in [self.pol, *self.tss, self.pod] + ([self.delivery] if self.delivery else []):
            if not out or out[-1] != code[:2]:
                out.append(code[:2])
        return out


class Fleet:
    """Container numbers in circulation; a box is not reused while it is on a voyage, so background data
    never contains an accidental clone (the planted clone is the only one)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.busy: list[tuple[int, str]] = []
        self.free: list[str] = []
        self.issued: set[str] = set()

    def new(self, owner: str | None = None) -> str:
        while True:
            number = container(self.rng, owner)
            if number not in self.issued:
                self.issued.add(number)
                return number

    def take(self, dep: date, arr: date) -> str:
        day = (dep - YEAR_START).days
        while self.busy and self.busy[0][0] <= day:
            self.free.append(heapq.heappop(self.busy)[1])
        if self.free and self.rng.random() < 0.55:
            i = self.rng.randrange(len(self.free))
            self.free[i], self.free[-1] = self.free[-1], self.free[i]
            number = self.free.pop()
        else:
            number = self.new()
        heapq.heappush(self.busy, ((arr - YEAR_START).days + self.rng.randint(5, 30), number))
        return number


def carrier_for(mode: str, pol: str, pod: str, pop: Population, rng: random.Random) -> Actor | None:
    if mode == "road":
        return pop.pick(pol[:2], rng, forwarder=True) if pol[:2] in pop.forwarders else None
    if pol in CASPIAN and pod in CASPIAN:
        return rng.choice(pop.carriers["caspian"])
    if mode == "rail":
        rail = pop.carriers["rail"]
        return next((c for c in rail if c.country == pol[:2]), rng.choice(rail))
    return rng.choice(pop.carriers["sea"])


def fill_cargo(cons: Consignment, fleet: Fleet | None, rng: random.Random, small: bool = False) -> None:
    """Containers, seals, mass, packages, value, vessel and B/L for a consignment."""
    mode = cons.mode
    n_boxes = 0 if mode == "road" and rng.random() < 0.8 else 1 if small else rng.choices((1, 2, 3), (65, 25, 10))[0]
    if fleet is not None and not cons.containers:
        cons.containers = [fleet.take(cons.dep, cons.arr) for _ in range(n_boxes)]
    cons.container_type = rng.choice(("22G1", "42G1", "45G1")) if small else rng.choice(CONTAINER_TYPES)
    cons.seals = [seal(rng, c) for c in cons.containers]
    g = cons.goods
    units = max(1, len(cons.containers))
    cons.mass = round(rng.uniform(20, 350), 1) if small else round(units * rng.uniform(4500, 24000), 1)
    cons.packages = max(1, round(cons.mass / rng.uniform(*g.kg_per_package)))
    rate = _RATE.get(cons.currency, 1.0)
    cons.value = round(cons.mass * rng.uniform(*g.usd_per_kg) * rate, 2)
    ocean = mode in ("sea", "multimodal") and not (cons.pol in CASPIAN and cons.pod in CASPIAN)
    if ocean and rng.random() < 0.9:
        cons.vessel = rng.choice(VESSELS)
        cons.voyage = voyage(rng)
    cons.bl = bl_number("sea" if mode in ("sea", "multimodal") else mode, rng)


def background(lane: Lane, dep: date, reporting: str, pop: Population, fleet: Fleet,
               rng: random.Random) -> Consignment:
    shipper_cc = pick(rng, lane.consignors)
    buyer_cc = pick(rng, lane.consignees)
    if buyer_cc == shipper_cc and len(lane.consignees) > 1:
        buyer_cc = next(c for c, _ in lane.consignees if c != shipper_cc)
    shipper = pop.pick(shipper_cc, rng)
    buyer = pop.pick(buyer_cc, rng)
    goods = GOODS[rng.choice(EXPORT_MIX[shipper_cc])]
    # A little legitimate high-priority trade, never to a newly registered consignee (that is planted).
    if shipper_cc in ("CN", "HK", "IT", "TR") and rng.random() < 0.03:
        goods = rng.choice(CHPL_GOODS)
    if goods in CHPL_GOODS and (dep - buyer.registered).days < 730:
        goods = GOODS["appliances"]
    pol = rng.choice(lane.pol)
    tss = list(rng.choice(lane.tss))
    pod = resolve(lane.pod, buyer_cc, rng) or pol
    delivery = resolve(lane.delivery, buyer_cc, rng)
    if delivery in (pod, pol) or (delivery and delivery in tss):
        delivery = None
    arr = dep + timedelta(days=rng.randint(*lane.days))
    origin = shipper_cc
    if shipper_cc in _REEXPORT and rng.random() < 0.5:
        origin = rng.choice(("CN", "CN", "KR", "TW", "JP", "MY", "VN"))
    parties: dict[str, Actor] = {"consignor": shipper, "consignee": buyer}
    r = rng.random()
    if r < 0.35:
        parties["notify"] = buyer
    elif r < 0.7 and buyer_cc in pop.forwarders:
        parties["notify"] = pop.pick(buyer_cc, rng, forwarder=True)
    if buyer_cc in pop.forwarders and rng.random() < 0.7:
        parties["forwarder"] = pop.pick(buyer_cc, rng, forwarder=True)
    carrier = carrier_for(lane.mode, pol, pod, pop, rng)
    if carrier:
        parties["carrier"] = carrier
    currency = rng.choice(CURRENCIES_BY_COUNTRY.get(shipper_cc, ["USD"]))
    cons = Consignment(parties, lane.mode, pol, pod, delivery, tss, dep, arr,
                       arr + timedelta(days=rng.randint(0, 10)), goods, rng.choice(goods.hs6), 0.0, 0, 0.0,
                       currency, origin, buyer_cc)
    fill_cargo(cons, fleet, rng)
    return cons
