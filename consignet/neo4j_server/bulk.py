"""Initial loads through Neo4j's bulk importer (``neo4j-admin database import full``).

The importer comes with the jars ``consignet neo4j install`` fetched (neo4j-import-tool,
neo4j-command-line); it writes a new store for a stopped DBMS, so it is for the first load of a
database, not for daily increments (those go through ``consignet ingest``).
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

from consignet.errors import InputError
from consignet.neo4j_server.manager import JVM_FLAGS, Neo4jServer, Neo4jServerError, java_binary
from consignet.store.import_files import ARRAY_DELIMITER


def admin_import(server: Neo4jServer, nodes: list[Path], rels: list[Path], *, database: str = "neo4j",
                 overwrite: bool = False, heap: str | None = None) -> dict[str, object]:
    """Run the importer into ``server``'s data directory. The server must be stopped."""
    if server.status().get("running"):
        raise InputError("stop the project's Neo4j first (`consignet neo4j stop`): the bulk importer "
                         "writes a new store for a stopped database")
    if not server.is_installed():
        server.install()
    store_dir = server.data_dir / "databases" / database
    if store_dir.exists() and any(store_dir.iterdir()) and not overwrite:
        raise InputError(f"database {database!r} already has data in {store_dir}; the bulk importer "
                         "replaces it: pass --overwrite, or ingest increments with `consignet ingest`")
    conf_dir = server.home / "import-conf"
    conf_dir.mkdir(parents=True, exist_ok=True)
    # The importer finds the data directory through neo4j.conf, as a packaged Neo4j would.
    (conf_dir / "neo4j.conf").write_text(
        f"server.directories.data={server.data_dir}\nserver.directories.logs={server.home / 'logs'}\n",
        encoding="utf-8")
    report = server.home / "import.report"
    cmd = [
        java_binary(), f"-Xmx{heap or server.heap}", *JVM_FLAGS, "-cp", server.classpath_file.read_text().strip(),
        "org.neo4j.cli.AdminTool", "database", "import", "full", database,
        *(f"--nodes={p}" for p in nodes), *(f"--relationships={p}" for p in rels),
        f"--array-delimiter={ARRAY_DELIMITER}", "--skip-bad-relationships=true", "--skip-duplicate-nodes=true",
        f"--report-file={report}", "--overwrite-destination=true", "--high-parallel-io=on",
    ]
    env = {**os.environ, "NEO4J_HOME": str(server.home), "NEO4J_CONF": str(conf_dir)}
    started = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-25:])
        raise Neo4jServerError(f"the bulk importer failed (exit {proc.returncode}):\n{tail}")
    return {"seconds": round(seconds, 1), "output": proc.stdout.strip().splitlines()[-6:],
            "report": str(report)}
