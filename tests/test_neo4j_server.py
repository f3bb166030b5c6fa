"""The project's own Neo4j: install, start/stop/restart, refusals, LOAD CSV lock-down, reset, CLI."""

from __future__ import annotations

import http.server
import json
import os
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver, GraphDatabase
from neo4j.exceptions import ClientError
from neo4j_support import free_port
from typer.testing import CliRunner

from consignet.cli.neo4j_cmd import app as neo4j_app
from consignet.errors import InputError
from consignet.neo4j_server import Neo4jServer, Neo4jServerError, port_is_free, reset_database

pytestmark = pytest.mark.neo4j


# The run-wide server comes from tests/conftest.py (neo4j_support.start_test_server). These tests start,
# stop and inspect it, so they need the one this run started, not CONSIGNET_TEST_NEO4J_URI's.
@pytest.fixture(scope="session")
def managed_server(neo4j_server: Neo4jServer) -> Neo4jServer:
    if neo4j_server.pid() is None:
        pytest.skip("server lifecycle tests need the Neo4j started by this test run (CONSIGNET_TEST_NEO4J_URI set)")
    return neo4j_server


@pytest.fixture(scope="session")
def neo4j_driver(managed_server: Neo4jServer) -> Iterator[Driver]:
    driver = GraphDatabase.driver(managed_server.uri, auth=None)
    yield driver
    driver.close()


def _listening_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    return sock


# -- install ------------------------------------------------------------------------------------------


def test_install_is_skipped_when_jars_are_there(managed_server: Neo4jServer) -> None:
    began = time.monotonic()
    assert managed_server.install() is False
    assert time.monotonic() - began < 5
    jars = managed_server.classpath_file.read_text().strip().split(os.pathsep)
    names = {Path(jar).name for jar in jars}
    version = managed_server.version
    for needed in ("neo4j", "neo4j-bolt", "neo4j-import-tool", "neo4j-command-line"):
        assert f"{needed}-{version}.jar" in names
    assert all(Path(jar).parent == managed_server.lib_dir for jar in jars)


def test_cli_install_reports_already_installed(managed_server: Neo4jServer) -> None:
    result = CliRunner().invoke(neo4j_app, ["install", "--data-dir", str(managed_server.home.parent)])
    assert result.exit_code == 0, result.output
    assert f"Neo4j {managed_server.version} already installed in {managed_server.lib_dir}" in result.stdout


def test_missing_java_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))  # a machine without java nor mvn
    with pytest.raises(Neo4jServerError, match="Java 17"):
        Neo4jServer(home=tmp_path / "home").install()


def test_missing_maven_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    java = subprocess.run(["sh", "-c", "command -v java"], capture_output=True, text=True).stdout.strip()
    (bin_dir / "java").symlink_to(os.path.realpath(java))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.setenv("PATH", str(bin_dir))  # java yes, mvn no
    with pytest.raises(Neo4jServerError, match=r"Maven \(mvn\) is not on PATH"):
        Neo4jServer(home=tmp_path / "home").install()


# -- running server -----------------------------------------------------------------------------------


def test_bolt_answers_and_status_reports_it(managed_server: Neo4jServer, neo4j_driver: Driver) -> None:
    records, _, _ = neo4j_driver.execute_query("CALL dbms.components() YIELD name, versions RETURN *")
    assert records[0]["versions"] == [managed_server.version]
    info = managed_server.status()
    assert info["running"] is True
    assert info["pid"] == managed_server.pid()
    assert info["uri"] == f"bolt://127.0.0.1:{managed_server.port}" == managed_server.uri
    assert Path(info["data_dir"]).is_dir()
    assert not port_is_free(managed_server.port)


def test_listens_on_loopback_only(managed_server: Neo4jServer, neo4j_driver: Driver) -> None:
    records, _, _ = neo4j_driver.execute_query(
        "SHOW SETTINGS YIELD name, value WHERE name = 'server.bolt.listen_address' RETURN value"
    )
    assert records[0]["value"] == f"127.0.0.1:{managed_server.port}"


def test_cli_status_json_finds_the_running_port(managed_server: Neo4jServer) -> None:
    # No --port given: the port must come from the running server's state, not from the settings.
    result = CliRunner().invoke(neo4j_app, ["status", "--json", "--data-dir", str(managed_server.home.parent)])
    assert result.exit_code == 0, result.output
    info = json.loads(result.stdout)
    assert info["running"] is True
    assert info["port"] == managed_server.port
    assert info["pid"] == managed_server.pid()


def test_start_again_on_same_home_is_a_no_op(managed_server: Neo4jServer) -> None:
    again = Neo4jServer(home=managed_server.home)
    assert again.start() is False
    assert again.uri == managed_server.uri
    with pytest.raises(InputError, match=f"already runs on port {managed_server.port}"):
        Neo4jServer(home=managed_server.home, port=free_port()).start()


# -- refusals -----------------------------------------------------------------------------------------


def test_port_in_use_is_refused_by_name(tmp_path: Path) -> None:
    with _listening_socket() as busy:
        port = busy.getsockname()[1]
        with pytest.raises(InputError, match=f"port {port} on 127.0.0.1 is already in use"):
            Neo4jServer(home=tmp_path / "other", port=port).start()
    assert not (tmp_path / "other" / "neo4j.pid").exists()


def test_cli_start_on_the_port_of_another_neo4j_exits_2(managed_server: Neo4jServer, tmp_path: Path) -> None:
    args = ["start", "--data-dir", str(tmp_path), "--port", str(managed_server.port)]
    result = CliRunner().invoke(neo4j_app, args)
    assert result.exit_code == 2
    assert f"port {managed_server.port}" in result.stderr
    assert result.stdout == ""


def test_bad_sizes_and_ports_are_refused() -> None:
    with pytest.raises(InputError, match="heap"):
        Neo4jServer(heap="lots")
    with pytest.raises(InputError, match="pagecache"):
        Neo4jServer(pagecache="512 MB")
    with pytest.raises(InputError, match="65535"):
        Neo4jServer(port=70000)


def test_a_foreign_pid_in_the_pid_file_is_not_trusted(tmp_path: Path) -> None:
    server = Neo4jServer(home=tmp_path)
    server.pid_file.write_text(f"{os.getpid()}\n")  # alive, but it is pytest, not our launcher
    assert server.pid() is None
    assert server.status()["running"] is False
    assert server.stop() is False  # and it must not signal pytest
    assert not server.pid_file.exists()


# -- LOAD CSV lock-down -------------------------------------------------------------------------------


@pytest.mark.parametrize("target", ["/etc/passwd", "tmp-file"])
def test_load_csv_cannot_read_local_files(neo4j_driver: Driver, tmp_path: Path, target: str) -> None:
    path = Path(target) if target != "tmp-file" else tmp_path / "rows.csv"
    if target == "tmp-file":
        path.write_text("a,b\n1,2\n")
    assert path.is_file()  # so a refusal is the setting, not a missing file
    with pytest.raises(ClientError) as caught:
        neo4j_driver.execute_query(f"LOAD CSV FROM 'file://{path}' AS row RETURN count(row)")
    assert "allow_csv_import_from_file_urls" in caught.value.message


def test_load_csv_cannot_fetch_urls(neo4j_driver: Driver) -> None:
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"a,b\n1,2\n")

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        for url in (f"http://127.0.0.1:{port}/rows.csv", f"http://localhost:{port}/rows.csv"):
            with pytest.raises(ClientError) as caught:
                neo4j_driver.execute_query(f"LOAD CSV FROM '{url}' AS row RETURN count(row)")
            assert "cypher_ip_blocklist" in caught.value.message
    finally:
        server.shutdown()
        server.server_close()
    assert hits == []  # the request never left Neo4j


# -- reset --------------------------------------------------------------------------------------------


def test_reset_database_deletes_all_nodes_in_batches_and_keeps_schema(neo4j_driver: Driver) -> None:
    neo4j_driver.execute_query(
        "CREATE CONSTRAINT test_reset_key IF NOT EXISTS FOR (n:TestReset) REQUIRE n.key IS UNIQUE"
    )
    try:
        # 25k nodes + 25k relationships: more than two 10k batches, so batching is exercised.
        neo4j_driver.execute_query(
            "UNWIND range(1, 25000) AS i CREATE (:TestReset {key: i})-[:LINKS]->(:TestResetOther {key: i})"
        )
        before = neo4j_driver.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"]
        assert before >= 50000
        assert reset_database(neo4j_driver) == before
        after = neo4j_driver.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"]
        assert after == 0
        names = neo4j_driver.execute_query("SHOW CONSTRAINTS YIELD name RETURN collect(name) AS n")
        assert "test_reset_key" in names.records[0]["n"]
    finally:
        neo4j_driver.execute_query("DROP CONSTRAINT test_reset_key IF EXISTS")


# -- stop / restart (last: they bounce the shared server) ---------------------------------------------


def test_stop_and_restart_keep_the_data(managed_server: Neo4jServer, neo4j_driver: Driver) -> None:
    marker = f"restart-{time.time_ns()}"
    neo4j_driver.execute_query("CREATE (:TestRestart {marker: $m})", m=marker)
    old_pid = managed_server.pid()

    assert managed_server.stop() is True
    assert managed_server.pid() is None and not managed_server.pid_file.exists()
    assert managed_server.status()["running"] is False
    assert port_is_free(managed_server.port)
    assert "CONSIGNET_NEO4J_STOPPED" in managed_server.log_file.read_text()  # clean shutdown hook ran

    assert managed_server.start(exit_with_parent=True) is True
    assert managed_server.pid() not in (None, old_pid)
    found = neo4j_driver.execute_query("MATCH (n:TestRestart {marker: $m}) RETURN count(n) AS n", m=marker)
    assert found.records[0]["n"] == 1
    neo4j_driver.execute_query("MATCH (n:TestRestart) DELETE n")


def test_failed_starts_report_the_log_and_leave_nothing_running(managed_server: Neo4jServer) -> None:
    managed_server.stop()
    try:
        # The JVM refuses to start: the error carries the log tail that says why.
        tiny = Neo4jServer(home=managed_server.home, port=managed_server.port, heap="1k")
        with pytest.raises(Neo4jServerError, match="Too small maximum heap"):
            tiny.start(timeout=60)
        assert tiny.pid() is None and not tiny.pid_file.exists()

        # Bolt does not answer in time: the half-started DBMS is stopped, not left behind.
        slow = Neo4jServer(home=managed_server.home, port=managed_server.port)
        with pytest.raises(Neo4jServerError, match="did not answer"):
            slow.start(timeout=0.5, exit_with_parent=True)
        assert slow.pid() is None
        assert port_is_free(managed_server.port)
    finally:
        managed_server.start(exit_with_parent=True)
    assert managed_server.status()["running"] is True
