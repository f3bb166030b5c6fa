"""Canonical records: one raw row mapped through its profile, each value cleaned beside its raw form."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from consignet.values.base import Cleaned


@dataclass(slots=True)
class Problem:
    """One thing wrong with a record: the field, why, how bad, and the raw value."""

    field: str
    reason: str
    severity: str  # "reject" | "warn"
    raw: Any = None

    def as_dict(self) -> dict[str, Any]:
        return {"field": self.field, "reason": self.reason, "severity": self.severity, "raw": self.raw}


@dataclass(slots=True)
class Party:
    """A party as written on one record (a mention), with its cleaned identifiers."""

    role: str
    position: int
    name: str
    name_clean: str = ""
    name_norm: str = ""
    kind: str = "unknown"
    legal_form: str | None = None
    script: str | None = None
    country: str | None = None
    address: str | None = None
    city: str | None = None
    postcode: str | None = None
    phone: str | None = None
    email: str | None = None
    tax_scheme: str | None = None
    tax_id: str | None = None
    tax_valid: bool = False

    def content(self) -> dict[str, Any]:
        return {
            "role": self.role, "name": self.name, "kind": self.kind, "country": self.country,
            "address": self.address, "city": self.city, "postcode": self.postcode, "phone": self.phone,
            "email": self.email, "tax_scheme": self.tax_scheme, "tax_id": self.tax_id,
        }


@dataclass(slots=True)
class Scope:
    originator: str
    kind: str = "network"
    group: str | None = None
    countries: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"originator": self.originator, "kind": self.kind, "group": self.group,
                "countries": list(self.countries)}


@dataclass(slots=True)
class ParsedRecord:
    """A shared record after mapping and cleaning. ``values`` hold cleaned canonical values,
    ``raw`` the source row as read (kept for the rejects file and for audit)."""

    record_type: str
    source_file: str
    row: int
    sender: str
    raw: dict[str, Any]
    values: dict[str, Any] = field(default_factory=dict)
    parties: list[Party] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    scope: Scope | None = None
    node_id: str = ""
    content_hash: str = ""

    @property
    def rejected(self) -> bool:
        return any(p.severity == "reject" for p in self.problems)

    @property
    def warned(self) -> bool:
        return any(p.severity == "warn" for p in self.problems)

    @property
    def originator(self) -> str:
        return self.scope.originator if self.scope else self.sender

    def add(self, name: str, cleaned: Cleaned) -> Any:
        """Record a cleaned value and its problem, if any; return the value."""
        if cleaned.problem:
            self.problems.append(Problem(name, cleaned.problem, cleaned.severity or "reject", cleaned.raw))
        return cleaned.value

    def first_reject(self) -> Problem | None:
        return next((p for p in self.problems if p.severity == "reject"), None)
