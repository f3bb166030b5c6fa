"""Shared fixtures: one real Neo4j per test run, both stores for the contract suite, a generated sample.

Nothing here skips: when Neo4j cannot start, every test that needs it fails with the reason.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j_support import start_test_server

from consignet.neo4j_server import Neo4jServer
from consignet.store.base import GraphStore
from consignet.store.embedded import EmbeddedStore
from consignet.store.neo4j import Neo4jStore

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_SIZE = 600


def shared_refdata() -> Path:
    """../shared/refdata beside the checkout (CI clones the repo beside a copy of shared/)."""
    env = os.environ.get("CONSIGNET_SHARED_REFDATA")
    path = Path(env) if env else ROOT.parent / "shared" / "refdata"
    if not (path / "unlocode.csv").exists():
        raise RuntimeError(f"reference data not found at {path}: set CONSIGNET_SHARED_REFDATA")
    return path


@pytest.fixture(scope="session")
def neo4j_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Neo4jServer]:
    uri = os.environ.get("CONSIGNET_TEST_NEO4J_URI")
    if uri:  # an already running server (e.g. started by hand); its data is reset per test
        server = Neo4jServer(home=tmp_path_factory.mktemp("neo4j-external"))
        server.__dict__["_external_uri"] = uri
        yield server
        return
    server = start_test_server(tmp_path_factory.mktemp("neo4j"))
    try:
        yield server
    finally:
        server.stop()


def neo4j_uri(server: Neo4jServer) -> str:
    return server.__dict__.get("_external_uri") or server.uri


@pytest.fixture()
def neo4j_store(neo4j_server: Neo4jServer) -> Iterator[Neo4jStore]:
    store = Neo4jStore(neo4j_uri(neo4j_server))
    store.reset()
    store.ensure_schema()
    try:
        yield store
    finally:
        store.close()


@pytest.fixture()
def embedded_store(tmp_path: Path) -> Iterator[EmbeddedStore]:
    store = EmbeddedStore(tmp_path / "consignet.sqlite")
    store.ensure_schema()
    try:
        yield store
    finally:
        store.close()


@pytest.fixture(params=["embedded", "neo4j"])
def store(request: pytest.FixtureRequest) -> GraphStore:
    """The contract suite: every test using this runs against both backends."""
    return request.getfixturevalue(f"{request.param}_store")


@pytest.fixture(scope="session")
def sample_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from consignet.ingest.generate import generate

    out = tmp_path_factory.mktemp("sample")
    generate(out, consignments=SAMPLE_SIZE, seed=7)
    return out
