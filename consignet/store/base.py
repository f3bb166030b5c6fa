"""The store seam: one interface in front of Neo4j and the embedded store.

Every read takes a ``Viewer``: the sharing-scope filter applies in one place, whatever asks
(CLI, API, views, exports, named and raw Cypher). Writes come as ``GraphBatch``es built from the model.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import Any

from consignet.scope import Viewer
from consignet.store.batch import GraphBatch


class GraphStore(ABC):
    backend: str = "abstract"

    # -- lifecycle --------------------------------------------------------------------------------
    @abstractmethod
    def ensure_schema(self) -> None:
        """Create constraints and indexes (idempotent)."""

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def reset(self) -> None:
        """Delete all data (schema stays). For tests and `consignet reset --yes`."""

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- write path -------------------------------------------------------------------------------
    @abstractmethod
    def record_versions(self, ids: Sequence[str]) -> dict[str, tuple[str, int]]:
        """For the record nodes among ``ids`` that exist: id -> (content_hash, version)."""

    @abstractmethod
    def write_batch(self, batch: GraphBatch) -> None:
        """Archive and replace the records in ``batch.replace``, then upsert every node and link."""

    @abstractmethod
    def add_forwarders(self, forwarders: dict[str, list[str]]) -> None:
        """Add forwarding countries to existing records (provenance of a duplicate)."""

    @abstractmethod
    def refresh_derived(self) -> None:
        """Recompute derived aggregates from the records behind them (dates, counts, actor links)."""

    # -- resolution -------------------------------------------------------------------------------
    @abstractmethod
    def mention_rows(self, only_unresolved: bool = False) -> list[dict[str, Any]]:
        """Mentions with what resolution needs (identifiers, containers, counterparties)."""

    @abstractmethod
    def write_resolution(self, actors: list[dict[str, Any]], links: list[dict[str, Any]],
                         drop_actors: Sequence[str] = ()) -> None:
        """Upsert Actor nodes and RESOLVES_TO links (mention -> actor); drop actors left empty."""

    @abstractmethod
    def get_meta(self, key: str) -> Any:
        """A small JSON value stored beside the graph (resolution state, judgements, settings)."""

    @abstractmethod
    def set_meta(self, key: str, value: Any) -> None: ...

    # -- reads (scope-filtered) -------------------------------------------------------------------
    @abstractmethod
    def get_node(self, node_id: str, viewer: Viewer) -> dict[str, Any] | None:
        """``{"id", "labels", "props"}`` of one node, or None when unknown or out of the viewer's scope."""

    @abstractmethod
    def stats(self, viewer: Viewer) -> dict[str, Any]:
        """Node counts by label, relationship counts by type, consignments by reporting country."""

    @abstractmethod
    def summary_counts(self, viewer: Viewer) -> dict[str, int]:
        """``actors``, ``consignments`` and ``repeat_actors`` (actors in records of >= 2 originators)."""

    @abstractmethod
    def actor_rows(self, viewer: Viewer) -> list[dict[str, Any]]:
        """Actors the viewer may see: id, kind, names, countries, tax_ids ("scheme:value"), originators."""

    @abstractmethod
    def mention_assignments(self, viewer: Viewer) -> list[dict[str, Any]]:
        """One row per visible mention: file, row, record_id, role, name, reporting_country,
        actor_id, score (for `consignet export mentions` and evaluation)."""
