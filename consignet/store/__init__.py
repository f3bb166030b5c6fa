"""Stores behind one interface: ``open_store()`` gives the configured backend."""

from __future__ import annotations

from consignet.settings import Settings, get_settings
from consignet.store.base import GraphStore


def open_store(settings: Settings | None = None, backend: str | None = None) -> GraphStore:
    settings = settings or get_settings()
    backend = backend or settings.store
    if backend == "neo4j":
        from consignet.store.neo4j import Neo4jStore

        password = settings.neo4j_password.get_secret_value() if settings.neo4j_password else None
        store: GraphStore = Neo4jStore(settings.neo4j_uri, settings.neo4j_user, password,
                                       settings.neo4j_database)
    elif backend == "embedded":
        from consignet.store.embedded import EmbeddedStore

        store = EmbeddedStore(settings.embedded_path)
    else:
        from consignet.errors import InputError

        raise InputError(f"unknown store {backend!r}: use embedded or neo4j")
    store.ensure_schema()
    return store


__all__ = ["GraphStore", "open_store"]
