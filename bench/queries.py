"""Link-analysis speed on a generated graph in the real Neo4j, each figure beside the same query run
without the schema's indexes (the baseline), then the profile endpoint under load with ``wrk``.

    .venv/bin/python bench/queries.py --consignments 1000000 --heap 4g --pagecache 6g   # by hand
    .venv/bin/python bench/queries.py --consignments 20000 --runs 50 --load-seconds 10  # CI size
    .venv/bin/python bench/queries.py --uri bolt://127.0.0.1:7687 --no-load             # a graph already loaded

1. Graph: ``consignet.ingest.generate`` writes the sample; the product's ingest loads it; mentions are then
   resolved to actors from the generator's ground truth (``--resolution truth``, the default: the resolver
   has its own benchmark and 1M records would time it, not the queries) or by the resolver
   (``--resolution run``); derived aggregates are refreshed as after any ingest.
2. Latency, through the store's analysis reads (what the API calls), after a warm-up: actor profile,
   2-hop neighbourhood (capped at 100 nodes, the default), shortest path between two actors, repeat actors over the
   whole graph. p50/p95/max in ms.
3. Baseline: the schema's constraints and indexes dropped, the same queries (fewer runs), then restored.
   A baseline call running longer than ``--baseline-timeout`` seconds is cut off (its transaction
   terminated) and counted as that long; ``--baseline-runs 0`` skips the baseline (quick A/B runs).
4. Load: ``consignet serve --workers 2`` and ``wrk`` (Debian package; 20 connections, 60 s, loopback)
   on GET /actors/{id} over the sampled actors: requests/s and errors.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from consignet.api.deps import with_analysis
from consignet.ingest.generate import generate
from consignet.ingest.pipeline import IngestRun, ingest, jobs_from_paths
from consignet.neo4j_server import Neo4jServer
from consignet.scope import Viewer
from consignet.store.neo4j import Neo4jStore

TARGETS = {"actor profile": 50, "2-hop neighbourhood (capped 100)": 150, "shortest path": 200,
           "repeat actors (whole graph)": 2000}
LOAD_TARGET = 300  # requests/s on the profile endpoint, with 0 errors
LAUNCH = ("import typer; from consignet.cli import serve_cmd; app = typer.Typer(); serve_cmd.register(app); "
          "app.command('noop')(lambda: None); app()")
V = Viewer.all()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def load_graph(store: Any, work: Path, consignments: int, seed: int, resolution: str) -> dict[str, float]:
    timings: dict[str, float] = {}
    sample = work / f"sample-{consignments}-{seed}"
    if not (sample / "manifest.json").exists():
        t0 = time.perf_counter()
        generate(sample, consignments=consignments, seed=seed)
        timings["generate_s"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    jobs = jobs_from_paths([sample], None)
    if resolution == "run":
        ingest(store, jobs, work / "rejects")
    else:  # the write path only; derived aggregates once, after the truth resolution
        IngestRun(store, work / "rejects").run(jobs)
    timings["ingest_s"] = time.perf_counter() - t0
    if resolution == "truth":
        t0 = time.perf_counter()
        resolve_from_truth(store, sample / "truth.json")
        store.refresh_derived()
        timings["truth_resolution_and_derive_s"] = time.perf_counter() - t0
    return timings


def resolve_from_truth(store: Neo4jStore, truth_file: Path, chunk: int = 20_000) -> None:
    """Each mention to the actor the generator planted behind it (file, row and role identify it)."""
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    actor_of = {(m["file"], int(m["row"]), m["role"]): m["actor"] for m in truth["mentions"]}
    links, used = [], set()
    with store.driver.session(database=store.database) as session:
        for rec in session.run("MATCH (m:Mention) RETURN m.id AS id, m.source_file AS file, "
                               "m.source_row AS row, m.role AS role"):
            actor = actor_of.get((rec["file"], rec["row"], rec["role"]))
            if actor:
                used.add(actor)
                links.append({"mention_id": rec["id"], "actor_id": actor, "score": 1.0, "method": "truth",
                              "evidence": "[]"})
    actors = [{"id": a, "actor_key": a, "kind": truth["actors"][a]["kind"], "name": truth["actors"][a]["name"],
               "aliases": []} for a in sorted(used)]
    for i in range(0, len(actors), chunk):  # actors first: a link to an actor not written is not made
        store.write_resolution(actors[i:i + chunk], [])
    for i in range(0, len(links), chunk):
        store.write_resolution([], links[i:i + chunk])


def samples(store: Neo4jStore, seed: int, count: int) -> tuple[list[str], list[tuple[str, str]]]:
    rows = store.driver.execute_query("MATCH (a:Actor) WHERE a.record_count > 0 RETURN a.id AS id ORDER BY id",
                                      database_=store.database).records
    ids = [r["id"] for r in rows]
    rnd = random.Random(seed)
    actors = rnd.sample(ids, min(count, len(ids)))
    pairs = [(rnd.choice(ids), rnd.choice(ids)) for _ in range(count)]
    return actors, [(a, b) for a, b in pairs if a != b]


def timed(fn: Callable[[Any], Any], args: list[Any], runs: int, warmup: int = 5,
          give_up_ms: float | None = None) -> dict[str, float]:
    """p50/p95/max over ``runs`` calls after a warm-up. With ``give_up_ms`` (the baseline), a call the
    watchdog cut off counts as that long and is reported in ``timeouts``."""
    timeouts = 0
    for arg in args[:warmup]:
        try:
            fn(arg)
        except Exception:
            if give_up_ms is None:
                raise
    times = []
    for i in range(runs):
        t0 = time.perf_counter()
        try:
            fn(args[i % len(args)])
        except Exception:
            if give_up_ms is None:
                raise
            timeouts += 1
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    out = {"runs": runs, "p50_ms": statistics.median(times), "p95_ms": times[max(0, int(len(times) * 0.95) - 1)],
           "max_ms": times[-1]}
    if give_up_ms is not None:
        out["timeouts"] = timeouts
    return out


def latency(store: Any, actors: list[str], pairs: list[tuple[str, str]], runs: int,
            give_up_ms: float | None = None) -> dict[str, dict[str, float]]:
    found = []

    def path(pair: tuple[str, str]) -> None:
        found.append(store.paths(pair[0], pair[1], V, max_length=6)["found"])

    out = {
        "actor profile": timed(lambda a: store.actor_profile(a, V), actors, runs, give_up_ms=give_up_ms),
        "2-hop neighbourhood (capped 100)": timed(lambda a: store.neighbourhood(a, V, hops=2, limit=100),
                                                  actors, runs, give_up_ms=give_up_ms),
        "shortest path": timed(path, pairs, runs, give_up_ms=give_up_ms),
        "repeat actors (whole graph)": timed(lambda _: store.repeat_actors(V, limit=50), [None],
                                             max(3, runs // 20), warmup=1, give_up_ms=give_up_ms),
    }
    out["shortest path"]["found_share"] = round(sum(found) / max(1, len(found)), 2)
    return out


class Watchdog(threading.Thread):
    """Terminates transactions running longer than ``seconds`` (the no-index baseline: looking records up
    by id without the index scans every record, which on a 1M graph takes minutes per call)."""

    def __init__(self, store: Neo4jStore, seconds: float) -> None:
        super().__init__(daemon=True)
        self.store, self.seconds, self.stop = store, seconds, threading.Event()

    def run(self) -> None:
        while not self.stop.wait(0.5):
            try:
                rows = self.store.driver.execute_query(
                    "SHOW TRANSACTIONS YIELD transactionId AS id, elapsedTime AS t, currentQuery AS q "
                    "WHERE t.milliseconds > $ms AND NOT q STARTS WITH 'SHOW' AND NOT q STARTS WITH 'TERMINATE' "
                    "RETURN collect(id) AS ids", ms=int(self.seconds * 1000), database_=self.store.database).records
                if rows and rows[0]["ids"]:
                    self.store.driver.execute_query("TERMINATE TRANSACTIONS $ids", ids=rows[0]["ids"],
                                                    database_=self.store.database)
            except Exception:  # the watchdog must never stop the benchmark
                continue


def without_indexes(store: Neo4jStore, run: Callable[[], Any]) -> Any:
    """Run ``run`` with the schema's constraints and indexes dropped (token lookups stay), then restore."""
    with store.driver.session(database=store.database) as session:
        for rec in list(session.run("SHOW CONSTRAINTS YIELD name")):
            session.run(f"DROP CONSTRAINT `{rec['name']}`").consume()
        for rec in list(session.run("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP'")):
            session.run(f"DROP INDEX `{rec['name']}`").consume()
        session.run("CALL db.clearQueryCaches()").consume()
    try:
        return run()
    finally:
        store.ensure_schema()
        with store.driver.session(database=store.database) as session:
            session.run("CALL db.clearQueryCaches()").consume()


def load_test(uri: str, actors: list[str], seconds: int, connections: int, workers: int) -> dict[str, Any]:
    if not shutil.which("wrk"):
        return {"error": "wrk is not installed (apt-get install wrk)"}
    port = free_port()
    env = {**os.environ, "CONSIGNET_NEO4J_URI": uri}
    server = subprocess.Popen([sys.executable, "-c", LAUNCH, "serve", "--port", str(port), "--workers", str(workers),
                               "--store", "neo4j"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    script = Path(tempfile.mkdtemp()) / "profiles.lua"
    paths = ",".join(json.dumps(f"/actors/{a}") for a in actors)
    script.write_text(f"local paths = {{{paths}}}\nlocal i = 0\n"
                      "request = function()\n  i = i + 1\n  return wrk.format('GET', paths[(i % #paths) + 1])\nend\n")
    base = f"http://127.0.0.1:{port}"
    try:
        import httpx

        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/health", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                return {"error": "consignet serve did not start"}
            time.sleep(0.3)
        for a in actors[:50]:  # warm both workers' query caches
            httpx.get(f"{base}/actors/{a}", timeout=30)
        out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s",
                              str(script), base], capture_output=True, text=True, timeout=seconds + 60).stdout
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    non2xx = int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)) else 0
    sock = sum(int(x) for x in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    latency_line = re.search(r"Latency\s+(\S+)\s+(\S+)\s+(\S+)", out)
    return {"requests_per_s": rps, "errors": non2xx + sock, "connections": connections, "seconds": seconds,
            "workers": workers, "latency_avg": latency_line.group(1) if latency_line else None}


def report(result: dict[str, Any]) -> None:
    print(f"\ngraph: {result['graph']}")
    print(f"{'query':36} {'p50 ms':>8} {'p95 ms':>8} {'no-index p50':>13} {'no-index p95':>13} {'target p95':>11}")
    for name, row in result["latency"].items():
        base = result["baseline"].get(name, {})
        met = "ok" if row["p95_ms"] <= TARGETS[name] else "MISSED"
        cut = f" ({base['timeouts']} baseline calls cut off)" if base.get("timeouts") else ""
        print(f"{name:36} {row['p50_ms']:8.1f} {row['p95_ms']:8.1f} {base.get('p50_ms', float('nan')):13.1f} "
              f"{base.get('p95_ms', float('nan')):13.1f} {TARGETS[name]:>8} ms {met}{cut}")
    load = result.get("load") or {}
    if "requests_per_s" in load:
        met = "ok" if load["requests_per_s"] >= LOAD_TARGET and load["errors"] == 0 else "MISSED"
        print(f"load: GET /actors/{{id}}, {load['connections']} connections, {load['seconds']} s, "
              f"{load['workers']} workers: {load['requests_per_s']:.0f} requests/s, {load['errors']} errors "
              f"(target >= {LOAD_TARGET}/s, 0 errors) {met}")
    elif load:
        print(f"load: {load['error']}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--consignments", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--uri", help="an existing Neo4j (its data is replaced unless --no-load)")
    ap.add_argument("--no-load", action="store_true", help="measure the graph already in --uri")
    ap.add_argument("--resolution", choices=["truth", "run"], default="truth")
    ap.add_argument("--heap", default="2g")
    ap.add_argument("--pagecache", default="2g")
    ap.add_argument("--runs", type=int, default=200)
    ap.add_argument("--baseline-runs", type=int, default=10, help="0 skips the no-index baseline")
    ap.add_argument("--baseline-timeout", type=float, default=30.0,
                    help="seconds after which a baseline call is cut off (counted as that long, reported)")
    ap.add_argument("--load-seconds", type=int, default=60, help="0 skips the load test")
    ap.add_argument("--connections", type=int, default=20)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--work-dir", type=Path, help="keeps the sample between runs (default: a temporary folder)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    work = args.work_dir or Path(tempfile.mkdtemp(prefix="consignet-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    server = None
    uri = args.uri
    if not uri:
        server = Neo4jServer(home=work / "neo4j", port=free_port(), heap=args.heap, pagecache=args.pagecache)
        server.install()
        server.start(wait=True, timeout=300, exit_with_parent=True)
        uri = server.uri
    try:
        store = with_analysis(Neo4jStore(uri))
        result: dict[str, Any] = {"graph": {}}
        if not args.no_load:
            store.reset()
            store.ensure_schema()
            result["graph"]["timings"] = load_graph(store, work, args.consignments, args.seed, args.resolution)
        result["graph"].update(store.summary_counts(V))
        actors, pairs = samples(store, args.seed, max(args.runs, 50))
        result["latency"] = latency(store, actors, pairs, args.runs)
        result["baseline"] = {}
        if args.baseline_runs:
            watchdog = Watchdog(store, args.baseline_timeout)
            watchdog.start()
            try:
                result["baseline"] = without_indexes(store, lambda: latency(
                    store, actors, pairs, args.baseline_runs, give_up_ms=args.baseline_timeout * 1000))
            finally:
                watchdog.stop.set()
        if args.load_seconds:
            result["load"] = load_test(uri, actors, args.load_seconds, args.connections, args.workers)
        store.close()
    finally:
        if server:
            server.stop()
    if args.json:
        print(json.dumps(result, indent=2))
    report(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
