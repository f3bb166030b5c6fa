"""``consignet serve`` as a user runs it: a separate process (uvicorn, 2 workers), the embedded store from
``--data-dir``, answering over HTTP on loopback; bad options exit 2 with a message."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import typer
from test_api_support import ACTORS, build_graph, free_port
from typer.testing import CliRunner

from consignet.cli import serve_cmd
from consignet.store.embedded import EmbeddedStore

# The lead registers the command in consignet/cli/main.py; until then the test mounts it on its own app.
LAUNCH = ("import typer; from consignet.cli import serve_cmd; app = typer.Typer(); serve_cmd.register(app); "
          "app.command('noop')(lambda: None); app()")


def _app() -> typer.Typer:
    app = typer.Typer()
    serve_cmd.register(app)
    app.command("noop")(lambda: None)
    return app


def test_serve_answers_over_http_with_two_workers(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "consignet.sqlite")
    build_graph(store)
    store.close()
    port = free_port()
    env = {**os.environ, "CONSIGNET_STORE": "neo4j"}  # --store wins over the environment
    proc = subprocess.Popen([sys.executable, "-c", LAUNCH, "serve", "--port", str(port), "--workers", "2",
                             "--store", "embedded", "--data-dir", str(tmp_path)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as client:
            while True:
                try:
                    health = client.get("/health")
                    break
                except httpx.TransportError:
                    assert proc.poll() is None, proc.stdout.read().decode() if proc.stdout else ""
                    assert time.monotonic() < deadline, "consignet serve did not answer in 60 s"
                    time.sleep(0.2)
            assert health.status_code == 200 and health.json()["backend"] == "embedded"
            for _ in range(6):  # requests spread over both workers answer alike
                profile = client.get(f"/actors/{ACTORS['SILK']}")
                assert profile.status_code == 200 and profile.json()["name"] == "Shelkovyy Put LLP"
            assert client.get("/docs").status_code == 200
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


def test_serve_rejects_bad_options() -> None:
    runner = CliRunner()
    for args, needle in ((["serve", "--port", "70000"], "--port"), (["serve", "--workers", "0"], "--workers"),
                         (["serve", "--store", "mongo"], "--store")):
        result = runner.invoke(_app(), args)
        assert result.exit_code == 2, result.output
        assert needle in result.output


def test_opentelemetry_is_off_unless_asked_for(tmp_path: Path) -> None:
    from consignet.api.app import create_app
    from consignet.settings import Settings

    store = EmbeddedStore(tmp_path / "consignet.sqlite")
    try:
        off = create_app(Settings(data_dir=tmp_path), store=store)
        on = create_app(Settings(data_dir=tmp_path, telemetry=True), store=store)
        assert not any(off._telemetry[k] for k in ("tracing", "metrics", "logs"))  # type: ignore[literal-required]
        assert all(on._telemetry[k] for k in ("tracing", "metrics", "logs"))  # type: ignore[literal-required]
    finally:
        store.close()
