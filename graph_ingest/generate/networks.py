"""Planted cross-country networks: the ground truth the analysts' questions should recover."""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from . import stems as S
from .actors import YEAR_START, Actor, Population, title_case
from .goods import CHPL_GOODS, GOODS, Goods
from .lanes import INLAND, SEAPORTS
from .names import FORMS, Stem
from .refdata import CHPL
from .routes import Route, route
from .shipments import Consignment, Fleet, carrier_for, fill_cargo
from .translit import to_latin

HIGH_TIER = [g for g in CHPL_GOODS if any(CHPL[h] in ("1", "2") for h in g.hs6)]


@dataclass(eq=False)
class Plan:
    cons: Consignment
    reporters: tuple[str, ...]


@dataclass(eq=False)
class Network:
    id: str
    description: str
    actors: list[Actor] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    addresses: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    plans: list[Plan] = field(default_factory=list)
    patterns: list[tuple[str, str, list[Consignment]]] = field(default_factory=list)
    seized: list[tuple[Consignment, str]] = field(default_factory=list)
    decoy: Actor | None = None

    @property
    def containers(self) -> list[str]:
        seen: dict[str, None] = {}
        for plan in self.plans:
            for c in plan.cons.containers:
                seen.setdefault(c)
        return list(seen)


def family_stem(cyr: str, country: str) -> Stem:
    """The same family name as each country registers it."""
    if country in ("KZ", "KG", "TJ", "RU"):
        return Stem(cyr, None)
    scheme = {"UZ": "uz", "AZ": "az", "TM": "tm", "TR": "tr"}.get(country, "bgn")
    return Stem(cyr, title_case(to_latin(cyr, scheme)))


class Planter:
    def __init__(self, pop: Population, fleet: Fleet, rng: random.Random, reps: int) -> None:
        self.pop, self.fleet, self.rng, self.reps = pop, fleet, rng, reps

    def _cons(self, parties: dict[str, Actor], r: Route, dep: date, goods: Goods, hs6: str, net: Network,
              tag: str, small: bool = False, vague: bool = False, boxes: list[str] | None = None) -> Consignment:
        rng = self.rng
        arr = dep + timedelta(days=rng.randint(*r.days))
        carrier = carrier_for(r.mode, r.pol, r.pod, self.pop, rng)
        if carrier:
            parties = {**parties, "carrier": carrier}
        cons = Consignment(parties, r.mode, r.pol, r.pod, r.delivery, list(r.tss), dep, arr,
                           arr + timedelta(days=rng.randint(0, 5)), goods, hs6, 0.0, 0, 0.0, "USD",
                           parties["consignor"].country, parties["consignee"].country)
        if boxes is not None:
            cons.containers = list(boxes)
        elif r.mode != "road" or rng.random() < 0.5:
            cons.containers = [self.fleet.new() for _ in range(1 if small else rng.choice((1, 1, 2)))]
        fill_cargo(cons, None, rng, small)
        if cons.origin in ("AE", "HK", "TR"):
            cons.origin = "CN"
        cons.vague, cons.network, cons.tags = vague, net.id, [tag]
        net.plans.append(Plan(cons, r.reporters))
        return cons

    def network(self, k: int) -> Network:
        rng, pop = self.rng, self.pop
        net = Network(f"N{k}", "")
        base = YEAR_START + timedelta(days=rng.randint(30, 170))

        def member(actor: Actor, role: str) -> Actor:
            actor.network, actor.role, actor.planted = net.id, role, True
            net.actors.append(actor)
            return actor

        stem_cyr = f"{rng.choice(S.RU_PREFIX)[1]} {rng.choice(S.RU_SUFFIX)[1]}"
        hub = member(pop.add_company("RU", background=False), "hub")
        fam_cc = rng.sample(["KZ", "KG", "UZ", "TJ", "AZ", "GE", "TR"], 3)
        family = [member(pop.add_company(c, stem=family_stem(stem_cyr, c), background=False), "family")
                  for c in fam_cc]
        person = member(pop.add_person(rng.choice(["KZ", "UZ", "KG"]), background=False), "family")
        front_cc = rng.choice(["KG", "KZ", "AM"])
        fronts = [member(pop.add_company(front_cc, background=False), "front") for _ in range(rng.randint(2, 3))]
        lead = fronts[0]
        for f in fronts[1:]:  # fronts share one phone, address and e-mail
            f.phone, f.phones, f.address, f.email = lead.phone, lead.phones, lead.address, lead.email
        supplier_cc = rng.choice(["CN", "CN", "HK", "AE", "TR"])
        supplier = member(pop.add_company(supplier_cc, background=False), "supplier")
        forwarder = member(pop.add_company(rng.choice(["GE", "KZ", "AZ", "AE"]), activity="forwarder",
                                           background=False), "forwarder")
        new_dep = base + timedelta(days=rng.randint(20, 120))
        newkz = member(pop.add_company("KZ", registered=new_dep - timedelta(days=rng.randint(60, 300)),
                                       background=False), "front")
        # An unrelated company with the family's name: a same-name decoy in the background.
        decoy_cc = rng.choice([c for c in ("KZ", "KG", "UZ", "RU", "AZ") if c not in fam_cc])
        decoy = pop.add_company(decoy_cc, stem=family_stem(stem_cyr, decoy_cc))
        decoy.planted = True
        net.phones = [fronts[0].phone] if fronts[0].phone else []
        net.addresses = [fronts[0].address.full(False)] if fronts[0].address else []
        net.emails = [fronts[0].email] if fronts[0].email else []
        net.description = (f"{title_case(to_latin(stem_cyr, 'bgn'))} family registered in {', '.join(fam_cc)}; "
                           f"{len(fronts)} fronts in {front_cc} sharing one phone and address; supplier "
                           f"{supplier.name} ({supplier.country}) of CHPL goods; end user {hub.name} (RU)")
        net.decoy = decoy
        self._patterns(net, base, new_dep, hub, family, person, fronts, supplier, forwarder, newkz)
        return net

    def _patterns(self, net: Network, base: date, new_dep: date, hub: Actor, family: list[Actor], person: Actor,
                  fronts: list[Actor], supplier: Actor, forwarder: Actor, newkz: Actor) -> None:
        rng = self.rng
        goods = rng.choice(HIGH_TIER)
        hs6 = rng.choice([h for h in goods.hs6 if CHPL[h] in ("1", "2")])
        src = supplier.country
        front_cc = fronts[0].country

        # 1. CHPL goods through the listed hubs (AE, GE, AZ) into Central Asia.
        target = next((f for f in family if f.country in ("KZ", "KG")), fronts[0])
        if target.country == "AM":
            r = Route("sea", rng.choice(SEAPORTS["CN"]), ("AEJEA",), "GEPTI", "AMEVN", ("GE",), (28, 40))
        else:
            r = Route("multimodal", rng.choice(SEAPORTS["CN"] + SEAPORTS["HK"]), ("AEJEA", "GEPTI", "AZALA"),
                      "KZAAU", None if target.country == "KZ" else rng.choice(INLAND[target.country]),
                      ("GE", "KZ", "AZ") if rng.random() < 0.5 else ("GE", "KZ"), (28, 45))
        hubs = self._cons({"consignor": supplier, "consignee": target, "notify": forwarder}, r, base, goods, hs6, net,
                          "transshipment", vague=rng.random() < 0.5)
        net.patterns.append(("transshipment_hubs", "CHPL goods transshipped through listed hubs (AE, GE, KZ)", [hubs]))
        if rng.random() < 0.6:
            net.seized.append((hubs, "KZ" if "KZAAU" in (r.pod, *r.tss) else "GE"))

        day = base + timedelta(days=rng.randint(5, 15))
        for _ in range(self.reps):
            # 2. Split shipments: same pair, same HS-6, small consignments within days.
            split_to = fronts[1 % len(fronts)]
            r = route(src, front_cc, rng)
            burst = []
            d = day
            for _ in range(rng.randint(3, 5)):
                burst.append(self._cons({"consignor": supplier, "consignee": split_to}, r, d, goods, hs6, net,
                                        "split_shipment", small=True, vague=rng.random() < 0.4))
                d += timedelta(days=rng.randint(0, 2))
            net.patterns.append(("split_shipment", "same pair and HS-6, small consignments within days", burst))
            # 3. Relay: the consignee of one leg is the consignor of the next within days, same HS-6.
            leg1 = self._cons({"consignor": supplier, "consignee": fronts[0]}, r, d + timedelta(days=2), goods, hs6,
                              net, "relay")
            r2 = route(front_cc, "RU", rng)
            leg2 = self._cons({"consignor": fronts[0], "consignee": hub, "notify": person}, r2,
                              leg1.arr + timedelta(days=rng.randint(2, 9)), goods, hs6, net, "relay",
                              vague=rng.random() < 0.5)
            net.patterns.append(("relay", "consignee of one leg consigns the same HS-6 onward within days",
                                 [leg1, leg2]))
            # the next burst some weeks on, wrapping to spring so the network stays inside the year
            day = leg2.dep + timedelta(days=rng.randint(10, 30))
            if (day - YEAR_START).days > 280:
                day = base + timedelta(days=rng.randint(20, 60))

        # 4. The family across member countries, and on to the end user.
        fam_cons = []
        for i, m in enumerate(family):
            sender = supplier if i == 0 or rng.random() < 0.5 else family[i - 1]
            g = goods if rng.random() < 0.5 else GOODS["phones"]
            fam_cons.append(self._cons({"consignor": sender, "consignee": m, "notify": person}, route(
                sender.country, m.country, rng), base + timedelta(days=rng.randint(0, 90)), g, rng.choice(g.hs6), net,
                "family"))
        onward = next((m for m in family if m.country in ("KZ", "KG", "UZ", "AZ", "GE", "TJ")), family[0])
        fam_cons.append(self._cons({"consignor": onward, "consignee": hub}, route(onward.country, "RU", rng),
                                   base + timedelta(days=rng.randint(30, 120)), goods, hs6, net, "family"))
        net.patterns.append(("family", "one family registered in several member countries", fam_cons))

        # 5. Sea discharge at an inland place of a landlocked country.
        inland_to = next((m for m in family if m.country in ("UZ", "KG", "TJ")), newkz)
        place = INLAND[inland_to.country][0]
        r = Route("sea", rng.choice(("CNSHA", "AEJEA", "CNNGB")), (), place, None, (inland_to.country,), (25, 35))
        sea = self._cons({"consignor": supplier, "consignee": inland_to}, r, base + timedelta(days=rng.randint(0, 60)),
                         goods, hs6, net, "landlocked_sea")
        net.patterns.append(("sea_discharge_landlocked", f"mode sea with discharge at inland {place}", [sea]))

        # 6. A newly registered KZ company (BIN < 1 year old) receiving tier-1 goods.
        ic = CHPL_GOODS[0]
        to_kz = route(src, "KZ", rng)
        if "KZ" not in to_kz.reporters:
            to_kz = replace(to_kz, reporters=(*to_kz.reporters, "KZ"))
        new_cons = [self._cons({"consignor": supplier, "consignee": newkz}, to_kz,
                               new_dep + timedelta(days=i * rng.randint(10, 30)), ic, rng.choice(ic.hs6), net,
                               "new_company") for i in range(rng.randint(1, 2))]
        net.patterns.append(("new_company_chpl", "KZ consignee registered less than a year before", new_cons))

        # 7. A network container reused right after by unrelated traders.
        box = hubs.containers[0]
        a, b = self.pop.pick("TR", rng), self.pop.pick("GE", rng)
        reuse1 = self._cons({"consignor": a, "consignee": b}, route("TR", "GE", rng),
                            hubs.arr + timedelta(days=rng.randint(7, 20)), GOODS["tiles"], "690721", net,
                            "container_reuse", boxes=[box])
        c, d2 = self.pop.pick("CN", rng), self.pop.pick("UZ", rng)
        reuse2 = self._cons({"consignor": c, "consignee": d2}, route("CN", "UZ", rng),
                            reuse1.arr + timedelta(days=rng.randint(5, 15)), GOODS["toys"], "950300", net,
                            "container_reuse", boxes=[box])
        net.patterns.append(("container_reuse", f"container {box} reused across unrelated actors",
                             [hubs, reuse1, reuse2]))

        # 8. A cloned container: the same number in two places at overlapping times.
        base_cons = new_cons[0] if new_cons[0].containers else hubs
        clone_box = base_cons.containers[0]
        e, f = self.pop.pick("IT", rng), self.pop.pick("TR", rng)
        r = Route("sea", rng.choice(("ITGOA", "ITSPE")), (), rng.choice(("TRMER", "TRAMR")), None, ("IT",), (5, 9))
        clone = self._cons({"consignor": e, "consignee": f}, r, base_cons.dep + timedelta(days=rng.randint(1, 3)),
                           GOODS["machinery"], "847989", net, "cloned_container", boxes=[clone_box])
        net.patterns.append(("cloned_container", f"container {clone_box} in two places at overlapping times",
                             [base_cons, clone]))


def decoy_group(pop: Population, rng: random.Random) -> list[Actor]:
    """Several distinct KZ companies all called ТОО «Барыс», each with its own BIN."""
    too = FORMS["KZ"][0][0]
    group = [pop.add_company("KZ", stem=Stem("Барыс", None), form=too) for _ in range(rng.randint(3, 4))]
    for actor in group:
        actor.planted = True
    return group
