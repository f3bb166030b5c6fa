"""Sharing scopes: who may see a record. Every read goes through the store, which applies this.

A record carries ``{originator, kind, group, countries}`` (see docs/graph-model.md). A viewer is a
member country (and the closed groups it belongs to); ``Viewer.all()`` is the unrestricted operator
view used by the CLI on a single-agency installation.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Viewer:
    country: str | None = None  # None: unrestricted (operator of the installation)
    groups: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def all(cls) -> Viewer:
        return cls()

    @property
    def unrestricted(self) -> bool:
        return self.country is None

    def can_see(self, props: Mapping[str, Any]) -> bool:
        """Whether a record node (Consignment, Mention, Seizure) with these properties is visible."""
        if self.unrestricted:
            return True
        kind = props.get("scope_kind") or "network"
        if props.get("originator") == self.country or kind == "network":
            return True
        if kind == "countries":
            return self.country in (props.get("scope_countries") or [])
        if kind == "group":
            return props.get("scope_group") in self.groups
        return False

    def params(self) -> dict[str, Any]:
        """Parameters of the scope predicate that every scoped query in cypher/ carries."""
        return {"viewer_country": self.country, "viewer_groups": sorted(self.groups)}


def scope_predicate(var: str) -> str:
    """The Cypher predicate equivalent to ``Viewer.can_see`` for node variable ``var``.

    Queries in cypher/ spell it out literally (so an analyst can paste them into Neo4j Browser after
    ``:param viewer_country => null``); tests/test_cypher_library.py checks they carry it."""
    return (
        f"($viewer_country IS NULL OR {var}.originator = $viewer_country "
        f"OR coalesce({var}.scope_kind, 'network') = 'network' "
        f"OR ({var}.scope_kind = 'countries' AND $viewer_country IN coalesce({var}.scope_countries, [])) "
        f"OR ({var}.scope_kind = 'group' AND {var}.scope_group IN $viewer_groups))"
    )
