"""Helpers for tests that need the real Neo4j: one server per test run, in a temporary folder.

``tests/conftest.py`` is expected to call :func:`start_test_server` from a session-scoped fixture and
``server.stop()`` when the session ends. Jars come from Maven's local cache (~/.m2), so a fresh
temporary home costs a ~4 s copy after the first ``consignet neo4j install`` on the machine.
"""

from __future__ import annotations

import socket
from pathlib import Path

from consignet.neo4j_server import Neo4jServer

# Small enough for CI machines, big enough for the test graphs (a few 100k nodes at most).
TEST_HEAP = "1g"
TEST_PAGECACHE = "256m"


def free_port() -> int:
    """A TCP port nothing listens on right now (the OS picks it; Neo4j binds it a few seconds later)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_test_server(tmp_home: Path, timeout: float = 180) -> Neo4jServer:
    """Install (from the Maven cache) and start a Neo4j on a free port; waits for Bolt.

    ``tmp_home`` is a temporary *data dir*: the server lives in ``tmp_home / "neo4j"``, laid out like the
    product's ``<data dir>/neo4j``, so ``consignet neo4j status --data-dir tmp_home`` finds it.
    The server shuts itself down if the test process dies without calling ``stop()``.
    """
    home = tmp_home / "neo4j"
    server = Neo4jServer(home=home, port=free_port(), heap=TEST_HEAP, pagecache=TEST_PAGECACHE)
    server.install()
    server.start(wait=True, timeout=timeout, exit_with_parent=True)
    return server
