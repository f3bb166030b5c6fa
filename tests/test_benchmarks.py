"""Every benchmark in bench/ runs at a small size in CI so that it keeps working (the full sizes run by
hand; their figures are in docs/benchmarks.md). Each runs as a user runs it, in its own process, against
the test run's Neo4j where it needs one, and must print its figures beside its baseline."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import neo4j_uri

from consignet.neo4j_server import Neo4jServer

BENCH = Path(__file__).resolve().parent.parent / "bench"


def run(script: str, *args: str, timeout: int = 600) -> str:
    done = subprocess.run([sys.executable, str(BENCH / script), *args], capture_output=True, text=True,
                          timeout=timeout)
    assert done.returncode == 0, f"{script} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


def first_json(out: str) -> dict[str, Any]:
    """The JSON object a bench prints with --json (some print their table after it)."""
    value, _ = json.JSONDecoder().raw_decode(out[out.index("{"):])
    return value


def test_resolution_dump_is_the_same_on_one_and_two_processes(tmp_path: Path) -> None:
    """``bench/resolution_dump.py`` writes every output of a run, to compare two versions of the code.
    One process and two give the same bytes -- at this size clustering falls back to one process after
    scoring on two, and the helper's name similarities still come back (``name_pairs_scored``)."""
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    run("resolution_dump.py", "--mentions", "3000", "--workers", "1", "-o", str(one))
    run("resolution_dump.py", "--mentions", "3000", "--workers", "2", "-o", str(two))
    text = one.read_text(encoding="utf-8")
    assert text.count("\nA ") > 2000 and "\nS " in text and "\nT " in text and "\nQ " in text
    assert one.read_bytes() == two.read_bytes()


@pytest.mark.neo4j
def test_ingest_benchmark(neo4j_server: Neo4jServer) -> None:
    result = first_json(run("ingest.py", "--consignments", "400", "--naive", "20", "--uri",
                            neo4j_uri(neo4j_server), "--json"))
    for path in ("naive", "product", "reingest", "embedded"):
        assert result[path]["records"] > 0 and result[path]["records_per_s"] > 0, path
    assert result["product"]["loaded"] + result["product"]["rejected"] <= result["product"]["records"]
    assert result["reingest"]["loaded"] == 0  # re-ingesting adds nothing
    assert result["ratio_product_vs_naive"] > 1


@pytest.mark.neo4j
def test_queries_benchmark(neo4j_server: Neo4jServer) -> None:
    result = first_json(run("queries.py", "--consignments", "600", "--uri", neo4j_uri(neo4j_server), "--runs", "5",
                            "--baseline-runs", "1", "--load-seconds", "2", "--json"))
    queries = {"actor profile", "2-hop neighbourhood (capped 100)", "shortest path", "repeat actors (whole graph)"}
    assert set(result["latency"]) == queries and set(result["baseline"]) == queries  # each beside its baseline
    for row in result["latency"].values():
        assert 0 < row["p50_ms"] <= row["p95_ms"]
    load = result["load"]
    assert "error" not in load, load  # wrk is installed by .ci/run
    assert load["requests_per_s"] > 0 and load["errors"] == 0


@pytest.mark.neo4j
def test_risk_benchmark(neo4j_server: Neo4jServer) -> None:
    result = first_json(run("risk.py", "--consignments", "600", "--seed", "3", "--store", "neo4j", "--uri",
                            neo4j_uri(neo4j_server), "--json"))
    assert result["k"] > 0 and 0 <= result["baseline_chpl_count_precision_at_k"] <= 1
    assert result["precision_at_k"] >= 0.8  # the planted networks rank on top, as on the full sizes
    assert result["networks"] > 0 and 0 <= result["share_networks_in_one_community"] <= 1
    assert result["refresh"]["seconds"]["total"] > 0


def test_resolution_benchmark() -> None:
    out = run("resolution.py", "--sizes", "20000", "--exhaustive", "1000", "--sample", "300")
    assert re.search(r"shipped compare 'match'\s+P=[\d.]+ R=[\d.]+ F1=0\.9", out), out
    assert "baseline token_sort_ratio" in out and "baseline (same normalised name)" in out
    assert re.search(r"blocked .* every pair", out, re.S)
    assert re.search(r"^\s+20,000\s+[\d,]+\s+[\d,]+\s+[\d.]+", out, re.M), out


@pytest.mark.browser
def test_views_benchmark(tmp_path: Path) -> None:
    out = run("views.py", "--consignments", "300", "--sizes", "50", "--baseline-timeout", "30", "--out",
              str(tmp_path))
    assert "consignet view" in out and "pyvis defaults" in out
    rows = json.loads(next(tmp_path.glob("views-*.json")).read_text(encoding="utf-8"))["rows"]
    assert rows and rows[0]["nodes"] > 0
    for drawn in ("consignet", "pyvis"):  # the product's view beside pyvis' defaults, both opened in Chromium
        assert rows[0][drawn]["still_ms"] > 0 and rows[0][drawn]["page_kb"] > 0
