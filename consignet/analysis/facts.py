"""The facts the risk engine and the communities read, loaded once through the store's risk reads.

Rows become small slotted objects (a million consignments must fit in memory beside the store); every
answer the engine gives names its records with ``Record.ref`` (the evidence shape of link analysis:
record, record id, originator, file, row, date, role).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from consignet.scope import Viewer
from consignet.store.risk_reads import TRADE_ROLES


@dataclass(slots=True, frozen=True)
class Party:
    role: str
    actor: str | None
    actor_name: str | None
    kind: str | None
    name: str | None
    tax_scheme: str | None
    tax_id: str | None


@dataclass(slots=True)
class Record:
    """One visible consignment."""

    id: str
    record_id: str | None
    originator: str | None
    reporting_country: str | None
    file: str | None
    row: int | None
    ingest_run: str | None
    date: str | None
    departure: str | None
    arrival: str | None
    hs6: str | None
    description: str | None
    mass: float | None
    value: float | None
    currency: str | None
    packages: int | None
    mode: str | None
    pol: str | None
    pod: str | None
    delivery: str | None
    tss: tuple[str, ...]
    containers: tuple[str, ...]
    parties: tuple[Party, ...]

    @classmethod
    def from_tuple(cls, row: tuple[Any, ...], known: dict[tuple[Any, ...], Party] | None = None) -> Record:
        """From a row of ``risk_consignments`` (values in ``CONSIGNMENT_FIELDS`` order). ``known``: parties
        made before, shared (a party is frozen, and one company appears alike on thousands of records: a
        million records make a few hundred thousand distinct parties, not millions)."""
        *head, mass, value, currency, packages, mode, pol, pod, delivery, tss, containers, parties = row
        if known is None:
            known = {}
        made = []
        for p in parties:
            key = tuple(p)
            party = known.get(key)
            if party is None:
                party = known[key] = Party(p[0] or "", *p[1:])
            made.append(party)
        return cls(*head, _num(mass), _num(value), currency, packages, mode, pol, pod, delivery, tuple(tss),
                   tuple(containers), tuple(made))

    @property
    def end_date(self) -> str | None:
        return self.arrival or self.date

    def trade_parties(self) -> list[Party]:
        return [p for p in self.parties if p.actor and p.role in TRADE_ROLES]

    def actors(self, *roles: str) -> list[str]:
        return sorted({p.actor for p in self.parties if p.actor and p.role in roles})

    def ref(self, role: str | None = None) -> dict[str, Any]:
        return {"record": self.id, "record_type": "Consignment", "record_id": self.record_id,
                "originator": self.originator, "reporting_country": self.reporting_country, "file": self.file,
                "row": self.row, "date": self.date, "role": role}


@dataclass(slots=True)
class Seizure:
    id: str
    record_id: str | None
    originator: str | None
    reporting_country: str | None
    file: str | None
    row: int | None
    ingest_run: str | None
    date: str | None
    place: str | None
    reason: str | None
    consignments: tuple[str, ...]
    containers: tuple[str, ...]
    actors: tuple[str, ...]

    def ref(self) -> dict[str, Any]:
        return {"record": self.id, "record_type": "Seizure", "record_id": self.record_id,
                "originator": self.originator, "reporting_country": self.reporting_country, "file": self.file,
                "row": self.row, "date": self.date, "role": None}

    @property
    def label(self) -> str:
        return f"seizure {self.originator}/{self.record_id}"


@dataclass(slots=True)
class Flag:
    id: str
    target: str
    target_label: str | None
    reason: str | None
    severity: str | None
    note: str | None
    created_by: str | None
    created_at: str | None
    seizure: str | None = None

    @property
    def label(self) -> str:
        return f"flag '{self.reason}'" + (f" by {self.created_by}" if self.created_by else "")


@dataclass(slots=True)
class IdentifierGroup:
    id: str
    label: str
    name: str
    uses: tuple[tuple[str, str], ...]  # (actor, record)

    @property
    def actors(self) -> set[str]:
        return {a for a, _ in self.uses}


@dataclass
class RiskFacts:
    records: dict[str, Record]
    identifiers: list[IdentifierGroup]
    seizures: list[Seizure]
    flags: list[Flag]
    stamp: str = ""
    _by_actor: dict[str, list[str]] | None = field(default=None, repr=False)
    _names: dict[str, str] | None = field(default=None, repr=False)
    _kinds: dict[str, str] | None = field(default=None, repr=False)

    def records_of(self, actor: str) -> list[str]:
        """Consignments the actor is a trading party of (ids, sorted)."""
        if self._by_actor is None:
            index: dict[str, list[str]] = defaultdict(list)
            for rec in self.records.values():
                rid = rec.id
                for p in rec.parties:
                    if p.actor and p.role in TRADE_ROLES:
                        found = index[p.actor]
                        if not found or found[-1] != rid:  # one actor in two roles of a record: once
                            found.append(rid)
            # Records are loaded in id order, so the lists are mostly sorted already (sorting them is cheap).
            self._by_actor = {a: sorted(set(r)) for a, r in index.items()}
        return self._by_actor.get(actor, [])

    def actor_names(self) -> dict[str, str]:
        """Actor id -> its name (computed once; callers must not modify it)."""
        if self._names is None:
            names: dict[str, str] = {}
            kinds: dict[str, str] = {}
            for rec in self.records.values():
                for p in rec.parties:
                    if p.actor and p.actor not in names:
                        names[p.actor] = p.actor_name or p.name or p.actor
                        kinds[p.actor] = p.kind or "unknown"
            self._names, self._kinds = names, kinds
        return self._names

    def actor_kinds(self) -> dict[str, str]:
        self.actor_names()
        return self._kinds or {}


def _num(value: Any) -> float | None:
    try:
        return float(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def load_facts(store: Any, viewer: Viewer) -> RiskFacts:
    """Everything the engine reads, for what ``viewer`` may see."""
    known: dict[tuple[Any, ...], Party] = {}
    loaded = [Record.from_tuple(row, known) for row in store.risk_consignments(viewer)]
    del known
    loaded.sort(key=lambda r: r.id)  # one order on both stores (ties in the engine break alike)
    records = {r.id: r for r in loaded}
    del loaded
    identifiers = [IdentifierGroup(r["id"], r["label"], r["name"], tuple((a, c) for a, c in r["uses"]))
                   for r in store.risk_identifiers(viewer)]
    seizures = [Seizure(r["id"], r.get("record_id"), r.get("originator"), r.get("reporting_country"), r.get("file"),
                        r.get("row"), r.get("ingest_run"), r.get("date"), r.get("place"), r.get("reason"),
                        tuple(r.get("consignments") or ()), tuple(r.get("containers") or ()),
                        tuple(r.get("actors") or ())) for r in store.risk_seizures(viewer)]
    flags = [Flag(r["id"], r["target"], r.get("target_label"), r.get("reason"), r.get("severity"), r.get("note"),
                  r.get("created_by"), r.get("created_at"), r.get("seizure")) for r in store.risk_flags(viewer)
             if r.get("target")]
    return RiskFacts(records, identifiers, seizures, flags)
