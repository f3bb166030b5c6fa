"""Reads and writes behind communities, risk, alerts and exports: the interface both stores implement.

``RiskReads`` is a mixin for a ``GraphStore`` (like ``AnalysisReads``): ``EmbeddedRisk`` answers over the
networkx graph, ``Neo4jRisk`` with the queries of cypher/risk/. The reads return *facts*, plain rows of
the same shape on both backends (documented on each method); every computation on them (projection,
Louvain, indicators, scores) is Python in ``consignet.analysis``, written once, so both stores give the
same communities and the same scores. Every read takes a ``Viewer``: only records it may see are facts.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from typing import Any

from consignet.scope import Viewer

# Roles of the parties that trade (the others, carrier and forwarder, serve everybody: they are kept as
# facts but the projection and the proximity walk do not pass through them, like hubs in link analysis).
TRADE_ROLES = ("consignor", "consignee", "notify", "buyer", "seller")
IDENTIFIER_LABELS = ("TaxId", "Phone", "Email", "Address")
CONSIGNMENT_FIELDS = ("id", "record_id", "originator", "reporting_country", "file", "row", "ingest_run", "date",
                      "departure", "arrival", "hs6", "description", "mass", "value", "currency", "packages", "mode",
                      "pol", "pod", "delivery", "tss", "containers", "parties")
PARTY_FIELDS = ("role", "actor", "actor_name", "kind", "name", "tax_scheme", "tax_id")
FLAG_TARGET_LABELS = ("Actor", "Container", "TaxId", "Phone", "Email", "Address", "Vessel", "BillOfLading",
                      "Consignment")


class RiskReads(ABC):
    """Facts for the risk engine, and the few writes it needs (flags, actor properties)."""

    @abstractmethod
    def risk_consignments(self, viewer: Viewer) -> Iterator[tuple[Any, ...]]:
        """One tuple per visible consignment (in no particular order), its values in the order of
        ``CONSIGNMENT_FIELDS``; ``tss`` (transshipment locodes in sequence order) and ``containers`` (sorted)
        are lists, ``parties`` a list of tuples in the order of ``PARTY_FIELDS`` sorted by (role, name,
        actor). ``actor`` is None for a mention not resolved yet. Tuples, not dicts: a million of them are
        made per refresh."""

    @abstractmethod
    def risk_identifiers(self, viewer: Viewer) -> list[dict[str, Any]]:
        """Tax ids, phones, e-mails and addresses used (on visible records) by two or more actors, or
        flagged, in id order: ``{id, label, name, uses: [[actor, record], ...] (sorted)}``."""

    @abstractmethod
    def risk_seizures(self, viewer: Viewer) -> list[dict[str, Any]]:
        """Visible seizures, in id order: ``{id, record_id, originator, reporting_country, file, row,
        ingest_run, date, place, reason, hs_code, consignments: [id, ...], containers: [number, ...],
        actors: [id, ...]}`` (``actors``: the actors the report names beyond its consignment's parties)."""

    @abstractmethod
    def risk_flags(self, viewer: Viewer) -> list[dict[str, Any]]:
        """Visible flags, in id order: ``{id, target, target_label, reason, severity, note, created_by,
        created_at, seizure}``."""

    @abstractmethod
    def write_flags(self, flags: list[dict[str, Any]]) -> None:
        """Upsert Flag nodes (``id`` and properties) and their FLAGS link to ``target_id``."""

    @abstractmethod
    def risk_node(self, node_id: str, viewer: Viewer) -> dict[str, Any] | None:
        """``{id, labels, props}`` of a node (any id form, resolution's actor ids included), or None when
        unknown or out of the viewer's scope."""

    @abstractmethod
    def data_stamp(self) -> str:
        """Changes whenever the graph may have changed (cache key of computed answers)."""


def with_risk(store: Any) -> Any:
    """The store with the risk reads mixed in.

    ``EmbeddedStore`` and ``Neo4jStore`` are meant to inherit ``EmbeddedRisk`` / ``Neo4jRisk``; until they
    do, a subclass adding the mixin is made here (the mixins hold no state of their own)."""
    if isinstance(store, RiskReads):
        return store
    if store.backend == "neo4j":
        from consignet.store.risk_neo4j import Neo4jRisk as mixin
    else:
        from consignet.store.risk_embedded import EmbeddedRisk as mixin  # type: ignore[assignment]
    store.__class__ = type(f"{type(store).__name__}WithRisk", (type(store), mixin), {})
    return store
