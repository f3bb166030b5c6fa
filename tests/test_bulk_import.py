"""Initial load through Neo4j's bulk importer gives the same graph as the online ingest."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from neo4j_support import free_port

from consignet.ingest.pipeline import ingest, jobs_from_paths
from consignet.neo4j_server import Neo4jServer
from consignet.scope import Viewer
from consignet.store.embedded import EmbeddedStore
from consignet.store.neo4j import Neo4jStore

pytestmark = pytest.mark.neo4j


def test_bulk_import_equals_online_ingest(sample_dir: Path, tmp_path: Path) -> None:
    online = EmbeddedStore(tmp_path / "online.sqlite")
    expected = ingest(online, jobs_from_paths([sample_dir], None), tmp_path / "rejects").as_dict()
    expected_stats = online.stats(Viewer.all())
    online.close()

    port = free_port()
    env = {**os.environ, "CONSIGNET_DATA_DIR": str(tmp_path / "data"), "CONSIGNET_NEO4J_PORT": str(port),
           "CONSIGNET_NEO4J_HEAP": "1g", "CONSIGNET_NEO4J_PAGECACHE": "256m"}
    server = Neo4jServer(home=tmp_path / "data" / "neo4j", port=port)
    try:
        result = subprocess.run([sys.executable, "-m", "consignet.cli.main", "neo4j", "import", str(sample_dir),
                                 "--json"], capture_output=True, text=True, env=env, timeout=900)
        assert result.returncode == 0, result.stderr[-3000:]
        summary = json.loads(result.stdout)
        for key in ("read", "loaded", "duplicates", "rejected", "warned", "consignments"):
            assert summary[key] == expected[key], key
        store = Neo4jStore(server.uri)
        try:
            stats = store.stats(Viewer.all())
            for label in ("Consignment", "Mention", "Container", "Port", "Phone", "TaxId", "Seizure"):
                assert stats["nodes"][label] == expected_stats["nodes"][label], label
            for rtype in ("HAS_PARTY", "IN_CONTAINER", "LOADED_AT", "HAS_PHONE", "RESOLVES_TO"):
                assert stats["relationships"][rtype] == expected_stats["relationships"][rtype], rtype
            assert stats["consignments_by_country"] == expected_stats["consignments_by_country"]
            # the imported nodes carry the same deterministic ids: an online re-ingest adds nothing
            again = ingest(store, jobs_from_paths([sample_dir], None), tmp_path / "rejects").as_dict()
            assert again["loaded"] == 0 and again["updated"] == 0
        finally:
            store.close()
        busy = subprocess.run([sys.executable, "-m", "consignet.cli.main", "neo4j", "import", str(sample_dir)],
                              capture_output=True, text=True, env=env, timeout=300)
        assert busy.returncode == 2 and "stop" in busy.stderr  # a running database is never replaced
    finally:
        server.stop()
