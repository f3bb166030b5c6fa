"""One consignment as one source's row: every mapped column filled the way that source writes it,
plus the defects of bad rows."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from ..profile import Profile
from .actors import Actor
from .cells import Formatter
from .goods import VAGUE
from .ids import bad_check_digit, container_written
from .refdata import UNKNOWN_COUNTRIES, UNKNOWN_HS, UNKNOWN_LOCODES
from .shipments import Consignment
from .sources import SourceSpec
from .writers import FALLBACK

ROLES = ("consignor", "consignee", "notify", "buyer", "seller", "carrier", "forwarder")
Mention = tuple[str, str, Actor]  # role, name as written, actor


def _split_party(field: str) -> tuple[str, str] | None:
    role, _, rest = field.partition("_")
    return (role, rest) if role in ROLES and rest else None


class RowBuilder:
    def __init__(self, spec: SourceSpec, profile: Profile) -> None:
        self.spec = spec
        self.fmt = Formatter(spec, profile)
        self.fields = list(profile.columns.values())
        self.has = set(self.fields)
        self.required = [f for f in profile.required_fields() if f in self.has]
        self.plan = [(f, _split_party(f)) for f in self.fields]
        self.getters = self._getters()
        # A legacy code page cannot hold every letter; what the file will hold is what truth must say.
        encoding = profile.encoding.lower()
        self.legacy = encoding if encoding.startswith("cp") else None

    def build(self, cons: Consignment, record_id: str, rng: random.Random,
              forwarded_by: str | None = None) -> tuple[dict[str, Any], list[Mention]]:
        values: dict[str, Any] = {}
        mentions: list[Mention] = []
        parties = cons.parties
        rich = cons.network is not None  # planted records carry the identifiers that link them
        for field, party in self.plan:
            if party:
                actor = parties.get(party[0])
                value = self._party(actor, party[0], party[1], rng, rich) if actor else None
                if party[1] == "name" and value:
                    mentions.append((party[0], value, actor))  # type: ignore[arg-type]
            else:
                value = self._field(field, cons, record_id, forwarded_by, rng)
            values[field] = value
        if self.legacy:
            enc = self.legacy
            for key, value in values.items():
                if isinstance(value, str) and not value.isascii():
                    values[key] = value.encode(enc, FALLBACK).decode(enc)
            mentions = [(role, name.encode(enc, FALLBACK).decode(enc), actor)
                        for role, name, actor in mentions]
        return values, mentions

    # -- parties -------------------------------------------------------------------------------------
    def _party(self, actor: Actor, role: str, what: str, rng: random.Random, rich: bool = False) -> Any:
        spec = self.spec
        home = actor.country == spec.country
        if what == "name":
            return actor.written(spec.style, rng, spec.country)
        if what == "country":
            return self.fmt.country(actor.country)
        if what == "kind":
            return actor.kind
        fill = spec.id_fill if home else spec.id_fill * 0.3
        if rich:
            fill = max(fill, 0.7)
        if what == "tax_id":
            if not actor.tax_id or rng.random() >= (fill if home or rich else 0.08):
                return None
            return _tax_written(actor, rng)
        if rng.random() >= fill:
            return None
        if what == "phone":
            return rng.choice(actor.phones) if actor.phones else None
        if what == "email":
            return actor.email
        addr = actor.address
        if addr is None:
            return None
        cyr = spec.style.script == "cyr"
        if what == "address":
            return addr.street(cyr) if f"{role}_city" in self.has else addr.full(cyr)
        if what == "city":
            return addr.city_cyr if cyr and addr.city_cyr else addr.city_lat
        if what == "postcode":
            return addr.postcode or None
        return None

    # -- consignment fields --------------------------------------------------------------------------
    def _field(self, field: str, cons: Consignment, record_id: str, forwarded_by: str | None,
               rng: random.Random) -> Any:
        getter = self.getters.get(field)
        if getter is not None:
            return getter(cons, rng)
        if field == "record_id":
            return record_id
        if field in ("originator", "forwarded_by"):
            # a forwarded copy names the country the record came from: its originator
            return forwarded_by
        return None

    def _getters(self) -> dict[str, Callable[[Consignment, random.Random], Any]]:
        fmt, lang = self.fmt, self.spec.lang

        def goods(c: Consignment, rng: random.Random) -> str:
            return rng.choice(VAGUE[lang]) if c.vague else c.goods.text[lang]

        def imo(c: Consignment, rng: random.Random) -> str | None:
            if not c.vessel:
                return None
            return f"IMO {c.vessel[0]}" if rng.random() < 0.3 else c.vessel[0]

        return {
            "bl_number": lambda c, r: c.bl or None,
            "containers": lambda c, r: fmt.join([container_written(x, r) for x in c.containers]) or None,
            "container_type": lambda c, r: c.container_type if c.containers else None,
            "seals": lambda c, r: fmt.join(c.seals) or None,
            "hs_code": lambda c, r: fmt.hs(c.hs6, r),
            "goods_description": goods,
            "gross_mass_kg": lambda c, r: fmt.number(c.mass, 1),
            "packages": lambda c, r: fmt.integer(c.packages),
            "value": lambda c, r: fmt.number(c.value, 2),
            "currency": lambda c, r: c.currency,
            "port_loading": lambda c, r: c.pol,
            "port_discharge": lambda c, r: c.pod,
            "port_delivery": lambda c, r: c.delivery,
            "transshipment_ports": lambda c, r: fmt.join(c.tss) or None,
            "route_countries": lambda c, r: fmt.join(c.route),
            "origin_country": lambda c, r: fmt.country(c.origin),
            "destination_country": lambda c, r: fmt.country(c.destination),
            "vessel_name": lambda c, r: c.vessel[1] if c.vessel else None,
            "imo": imo,
            "voyage": lambda c, r: c.voyage,
            "transport_mode": lambda c, r: c.mode,
            "departure_date": lambda c, r: fmt.date(c.dep, r),
            "arrival_date": lambda c, r: fmt.date(c.arr, r),
            "shared_date": lambda c, r: fmt.date(c.shared, r),
            "scope_kind": lambda c, r: c.scope_kind or "network",
            "scope_countries": lambda c, r: fmt.join(c.scope_countries) or None,
        }

    # -- bad rows ------------------------------------------------------------------------------------
    def spoil(self, values: dict[str, Any], cons: Consignment, rng: random.Random) -> tuple[str, str, Any] | None:
        """Give a row exactly one defect an officer would make; returns (field, reason, value written)."""
        fmt = self.fmt
        options: dict[str, list[str]] = {}
        if values.get("containers"):
            options["container check digit"] = ["containers"]
        options["unknown UN/LOCODE"] = [f for f in ("port_loading", "port_discharge") if f in self.has]
        options["unknown HS code"] = ["hs_code"] if "hs_code" in self.has else []
        options["missing required field"] = [f for f in self.required if f != "record_id"]
        options["gross mass not positive"] = ["gross_mass_kg"] if "gross_mass_kg" in self.has else []
        if "arrival_date" in self.has and "departure_date" in self.has:
            options["arrival before departure"] = ["arrival_date"]
        options["unknown country"] = [f for f in self.fields if f.endswith("_country") and values.get(f)]
        options["unparseable date"] = ["departure_date"] if "departure_date" in self.has else []
        kinds = sorted(k for k, fields in options.items() if fields)
        if not kinds:
            return None
        reason = rng.choice(kinds)  # every kind of defect equally often, whatever the column count
        field = rng.choice(options[reason])
        if reason == "container check digit":
            first = cons.containers[0]
            bad = bad_check_digit(first)
            rest = [container_written(c, rng) for c in cons.containers[1:]]
            value: Any = fmt.join([bad, *rest])
        elif reason == "unknown UN/LOCODE":
            value = rng.choice(UNKNOWN_LOCODES)
        elif reason == "unknown HS code":
            value = rng.choice(UNKNOWN_HS)
        elif reason == "missing required field":
            value = None
        elif reason == "gross mass not positive":
            value = fmt.number(rng.choice((0.0, -cons.mass)), 1)
        elif reason == "arrival before departure":
            value = fmt.date(cons.dep - timedelta(days=rng.randint(2, 20)), rng)
        elif reason == "unknown country":
            value = rng.choice(UNKNOWN_COUNTRIES)
        else:
            value = fmt.bad_date(rng)
        values[field] = value
        return field, reason, value


def _tax_written(actor: Actor, rng: random.Random) -> str:
    tid = actor.tax_id or ""
    scheme = actor.tax_scheme
    r = rng.random()
    if scheme == "pl.nip" and r < 0.3:
        return f"{tid[:3]}-{tid[3:6]}-{tid[6:8]}-{tid[8:]}"
    if scheme == "it.iva" and r < 0.4:
        return f"IT{tid}"
    if scheme == "bg.vat" and r < 0.4:
        return tid[2:]
    if scheme == "az.voen" and r < 0.2:
        return f"{tid[:3]} {tid[3:6]} {tid[6:]}"
    return tid
