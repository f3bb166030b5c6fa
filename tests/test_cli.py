"""The `consignet` command as users and their scripts run it: a real process, real files, exit codes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from test_ingest import BAD_ROWS, GOOD, _row, write_case

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "consignet.cli.main"]
SUMMARY_KEYS = {"read", "loaded", "updated", "duplicates", "rejected", "warned", "rejects_file", "actors",
                "consignments", "repeat_actors", "files"}


def cli(*args: str, data_dir: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "CONSIGNET_DATA_DIR": str(data_dir), "CONSIGNET_STORE": "embedded", **(env or {})}
    return subprocess.run([*CLI, *args], capture_output=True, text=True, env=full_env, timeout=600)


def test_ingest_json_counts_and_reingest(tmp_path: Path) -> None:
    path, prof = write_case(tmp_path / "in", [GOOD, _row(**{"№ декларации": "D2"}), BAD_ROWS["containers"]])
    first = cli("ingest", str(path), "--profile", str(prof), "--json", data_dir=tmp_path / "data")
    assert first.returncode == 0, first.stderr
    summary = json.loads(first.stdout)
    assert set(summary) >= SUMMARY_KEYS
    assert (summary["read"], summary["loaded"], summary["rejected"]) == (3, 2, 1)
    assert Path(summary["rejects_file"]).exists()
    per_file = summary["files"][0]
    assert per_file["read"] == per_file["loaded"] + per_file["updated"] + per_file["duplicates"] + per_file["rejected"]
    again = json.loads(cli("ingest", str(path), "--profile", str(prof), "--json",
                           data_dir=tmp_path / "data").stdout)
    assert (again["loaded"], again["duplicates"], again["rejected"]) == (0, 2, 1)
    stats = cli("stats", "--json", data_dir=tmp_path / "data")
    data = json.loads(stats.stdout)
    assert data["consignments_by_country"] == {"KZ": 2} and data["nodes"]["Consignment"] == 2


def test_unreadable_input_exits_2_naming_the_file(tmp_path: Path) -> None:
    _, prof = write_case(tmp_path / "in", [GOOD])
    binary = tmp_path / "in" / "scan.csv"
    binary.write_bytes(bytes(range(256)) * 40)
    result = cli("ingest", str(binary), "--profile", str(prof), data_dir=tmp_path / "data")
    assert result.returncode == 2
    assert "scan.csv" in result.stderr
    missing = cli("ingest", str(tmp_path / "nope.csv"), "--profile", str(prof), data_dir=tmp_path / "data")
    assert missing.returncode == 2 and "nope.csv" in missing.stderr
    no_profile = cli("ingest", str(binary), data_dir=tmp_path / "data")
    assert no_profile.returncode == 2 and "--profile" in no_profile.stderr
    stats = json.loads(cli("stats", "--json", data_dir=tmp_path / "data").stdout)
    assert stats["consignments_by_country"] == {}


def test_bad_store_setting_is_bad_usage(tmp_path: Path) -> None:
    result = cli("stats", "--store", "mysql", data_dir=tmp_path)
    assert result.returncode == 2 and "embedded or neo4j" in result.stderr


def test_neo4j_store_unreachable_is_a_clear_error(tmp_path: Path) -> None:
    result = cli("stats", "--store", "neo4j", data_dir=tmp_path, env={"CONSIGNET_NEO4J_URI": "bolt://127.0.0.1:1"})
    assert result.returncode == 1
    assert "cannot reach Neo4j at bolt://127.0.0.1:1" in result.stderr


def test_demo_runs_on_the_embedded_store(tmp_path: Path) -> None:
    result = cli("demo", "--json", "--consignments", "300", data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert set(summary) >= SUMMARY_KEYS
    assert summary["read"] >= 300 and summary["loaded"] > 0 and summary["rejected"] > 0
    assert summary["read"] == summary["loaded"] + summary["updated"] + summary["duplicates"] + summary["rejected"]
    assert summary["repeat_actors"] > 0
    assert len({f["reporting_country"] for f in summary["files"]}) >= 10


@pytest.mark.parametrize("command", ["demo", "generate", "ingest", "stats", "neo4j", "profile", "resolve",
                                     "compare", "export", "eval", "judge", "review", "screen", "view"])
def test_every_command_is_listed_and_documented(command: str, tmp_path: Path) -> None:
    listed = cli("--help", data_dir=tmp_path).stdout
    assert re.search(rf"\b{command}\b", listed), f"`consignet --help` does not list {command}"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"consignet {command}" in readme, f"README.md does not document `consignet {command}`"
