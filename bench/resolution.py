"""Entity-resolution benchmark: speed at 250k / 500k / 1M mentions, quality, and what blocking saves.

    .venv/bin/python bench/resolution.py                      # everything (takes a while)
    .venv/bin/python bench/resolution.py --sizes 50000,100000 --sample 2000   # a quick look
    .venv/bin/python bench/resolution.py --sizes 1000000 --sample 0 --exhaustive 0 --total-memory
    .venv/bin/python bench/resolution.py --sizes "" --sample 0 --exhaustive 0 --neo4j 20000   # Neo4j only

Prints, in one run:
1. the labelled name pairs (tests/data/name_pairs.csv): F1 of the shipped ``compare`` decisions beside
   a plain rapidfuzz baseline (``token_sort_ratio >= 90`` on lower-cased raw names);
2. a sample written by ``consignet generate`` (read with its shipped profiles): pairwise precision and
   recall of ``resolve`` beside the baseline (exact match on the normalised name);
3. the same matcher with and without blocking on 10k synthetic mentions (time, pairs, quality);
4. synthetic mentions (consignet.resolution.synthetic) at each size, each resolved in a fresh process:
   wall and CPU seconds, peak memory, growth factor when the input doubles, quality and baseline;
5. with ``--neo4j N``: ``consignet resolve`` end to end against a throw-away Neo4j holding N generated
   consignments (ingested without resolving): read mentions, resolve, write actors and links, timed apart.
The larger sizes are prefixes of one generated run (same actors, more records), so doubling the
input is the real workload doubling. Wall time is affected by other load on the machine; CPU seconds
of the resolving process are printed beside it.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import pickle
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz  # noqa: E402

from consignet.resolution import (  # noqa: E402
    DEFAULT_CONFIG,
    baseline_clusters,
    compare,
    pairwise_scores,
    resolve,
)
from consignet.resolution.synthetic import generate  # noqa: E402


def _prf(pred: list[bool], truth: list[bool]) -> tuple[float, float, float]:
    tp = sum(p and t for p, t in zip(pred, truth, strict=True))
    fp = sum(p and not t for p, t in zip(pred, truth, strict=True))
    fn = sum(t and not p for p, t in zip(pred, truth, strict=True))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def name_pairs() -> None:
    with (ROOT / "tests" / "data" / "name_pairs.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    truth = [r["label"] == "match" for r in rows]
    ours = [compare(r["name1"], r["name2"], r["schema"]).decision == "match" for r in rows]
    base = [fuzz.token_sort_ratio(r["name1"].lower(), r["name2"].lower()) >= 90 for r in rows]
    print(f"\n1. labelled name pairs: {len(rows)} ({sum(truth)} match, {len(rows) - sum(truth)} no-match)")
    for label, pred in (("shipped compare 'match'", ours), ("baseline token_sort_ratio>=90", base)):
        p, r, f1 = _prf(pred, truth)
        print(f"   {label:<31} P={p:.3f} R={r:.3f} F1={f1:.3f}")


def _scores(result, truth: dict[str, str]) -> dict:
    return pairwise_scores({k: v.actor_id for k, v in result.assignments.items()}, truth)


def generated_sample(consignments: int) -> None:
    try:
        from consignet.ingest.generate import generate as write_sample
        from consignet.resolution.sample import load_sample
    except ImportError as exc:  # the generator lives in the ingest package
        print(f"\n2. generated sample: skipped ({exc})")
        return
    with tempfile.TemporaryDirectory() as tmp:
        write_sample(Path(tmp), consignments=consignments, seed=42)
        sample = load_sample(tmp)
    t0 = time.perf_counter()
    result = resolve(sample.mentions)
    elapsed = time.perf_counter() - t0
    ours = _scores(result, sample.truth)
    base = pairwise_scores(baseline_clusters(sample.names), sample.truth)
    print(
        f"\n2. consignet generate --consignments {consignments}: {len(sample.mentions)} mentions, "
        f"{len(set(sample.truth.values()))} true actors, resolved in {elapsed:.1f} s"
    )
    print(f"   resolve                         P={ours['precision']:.4f} R={ours['recall']:.4f} F1={ours['f1']:.4f}")
    print(f"   baseline (same normalised name) P={base['precision']:.4f} R={base['recall']:.4f} F1={base['f1']:.4f}")


def blocking_effect(n: int) -> None:
    mentions, truth = generate(n, seed=3)
    rows = []
    for label, cfg in (("blocked", DEFAULT_CONFIG), ("every pair", DEFAULT_CONFIG.__class__(blocking=False))):
        t0, c0 = time.perf_counter(), time.process_time()
        result = resolve(mentions, cfg=cfg)
        rows.append(
            (
                label,
                time.perf_counter() - t0,
                time.process_time() - c0,
                result.stats.atom_pairs_scored,
                result.stats.name_pairs_scored,
                _scores(result, truth),
            )
        )
    print(f"\n3. blocking on {len(mentions)} synthetic mentions ({rows[0][5]['true_clusters']} true actors)")
    for label, wall, cpu, pairs, name_pairs_, s in rows:
        print(
            f"   {label:<11} wall {wall:7.1f} s  cpu {cpu:7.1f} s  atom pairs {pairs:>11,}  name pairs "
            f"{name_pairs_:>9,}  P={s['precision']:.4f} R={s['recall']:.4f}"
        )


def child(size: int, path: str) -> None:
    """One size, in its own process: peak memory belongs to this run only."""
    with open(path, "rb") as fh:
        mentions, truth = pickle.load(fh)
    mentions = mentions[:size]
    truth = {m.mention_id: truth[m.mention_id] for m in mentions}
    rss_input = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6
    t0, c0 = time.perf_counter(), time.process_time()
    result = resolve(mentions)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6
    helpers = resource.getrusage(resource.RUSAGE_CHILDREN)  # the helpers, once they have exited
    ours = _scores(result, truth)
    base = pairwise_scores(baseline_clusters({m.mention_id: m.name for m in mentions}), truth)
    print(
        json.dumps(
            {
                "mentions": len(mentions),
                "wall": wall,
                "cpu": cpu,
                "helper_cpu": helpers.ru_utime + helpers.ru_stime,
                "peak_gb": peak,
                "input_gb": rss_input,
                "atoms": result.stats.atoms,
                "names": result.stats.name_keys,
                "pairs": result.stats.atom_pairs_scored,
                "actors": len(result.actors),
                "review": len(result.review),
                "steps": result.stats.seconds,
                "cpu_steps": result.stats.cpu_seconds,
                "p": ours["precision"],
                "r": ours["recall"],
                "bp": base["precision"],
                "br": base["recall"],
            }
        )
    )


def _pss_kb(pid: int) -> int:
    """Proportional set size of ``pid`` and its descendants (kB): each shared page counted once, split
    between the processes that map it, so the sum is the memory the run really holds (its helpers
    included, and a fork's copy-on-write copies, which ``ru_maxrss`` of the resolving process leaves out)."""
    total = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            total += next((int(line.split()[1]) for line in fh if line.startswith("Pss:")), 0)
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            children = [int(c) for c in fh.read().split()]
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return total
    return total + sum(_pss_kb(c) for c in children)


def total_memory(size: int, path: str) -> tuple[float, float]:
    """Run one size again, sampling the memory of the resolving process and its helpers every second
    (not in the timed runs: reading the page tables of a 3 GB process holds them up). Peak GB, and the
    GB of the loaded mentions (the run's input)."""
    proc = subprocess.Popen([sys.executable, __file__, "--child", str(size), path], stdout=subprocess.PIPE, text=True)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, _pss_kb(proc.pid))
        time.sleep(1.0)
    assert proc.stdout is not None
    report = json.loads(proc.stdout.read().strip().splitlines()[-1])
    return peak / 1e6, report["input_gb"]


def scaling(sizes: list[int], measure_total: bool = False) -> None:
    t0 = time.perf_counter()
    mentions, truth = generate(max(sizes), seed=5)
    print(
        f"\n4. synthetic mentions: generated {len(mentions):,} in {time.perf_counter() - t0:.0f} s; "
        f"each size resolved in a fresh process ({os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f})"
    )
    with tempfile.NamedTemporaryFile(suffix=".pkl", delete=False) as fh:
        pickle.dump((mentions, truth), fh, protocol=pickle.HIGHEST_PROTOCOL)
        path = fh.name
    del mentions, truth
    try:
        results = []
        for size in sizes:
            out = subprocess.run(
                [sys.executable, __file__, "--child", str(size), path], capture_output=True, text=True, check=True
            )
            results.append(json.loads(out.stdout.strip().splitlines()[-1]))
        memory = total_memory(sizes[-1], path) if measure_total and Path("/proc/self/smaps_rollup").exists() else None
    finally:
        os.unlink(path)
    print(
        "   mentions    atoms   names  wall s   cpu s (+helper)  x wall / x cpu  peak GB (input)  actors    P       R"
        "      baseline P/R"
    )
    prev = None
    for r in results:
        total = r["cpu"] + r["helper_cpu"]
        growth = f"{r['wall'] / prev['wall']:.2f} / {total / (prev['cpu'] + prev['helper_cpu']):.2f}" if prev else "-"
        print(
            f"   {r['mentions']:>8,} {r['atoms']:>8,} {r['names']:>7,} {r['wall']:7.1f} {r['cpu']:7.1f} "
            f"(+{r['helper_cpu']:4.1f})  {growth:>13}  {r['peak_gb']:7.2f} ({r['input_gb']:.2f}) {r['actors']:>7,}  "
            f"{r['p']:.4f} {r['r']:.4f}  "
            f"{r['bp']:.4f}/{r['br']:.4f}"
        )
        prev = r
    last = results[-1]
    print(f"   steps at {last['mentions']:,} (wall s): {last['steps']}")
    print(f"   steps at {last['mentions']:,} (CPU s of the resolving process): {last['cpu_steps']}")
    print("   cpu s: user+sys of the resolving process; +helper: of its helpers on runs of 100k+ mentions (a fork")
    print("   that shares name parsing, a new process that compares, scores and clusters); input: memory after")
    print("   loading the mentions.")
    print("   targets: 1M <= 60 s and <= 4 GB on 2 cores; doubling the input <= 2.2 x the time")
    if memory is not None:
        print(
            f"   resolving process and helpers together at {sizes[-1]:,} (a separate run, PSS sampled every second): "
            f"peak {memory[0]:.2f} GB, of which the loaded mentions {memory[1]:.2f} GB"
        )


def neo4j_end_to_end(consignments: int, heap: str, pagecache: str) -> None:
    """``consignet resolve`` against the real Neo4j: generate, ingest (without resolving) into a
    throw-away server, then time ``resolve_store`` -- read the mentions, resolve, write actors and links --
    first on the fresh graph, then once more with nothing new (the incremental no-op)."""
    import platform
    import socket
    import threading

    from consignet.ingest.generate import generate as write_sample
    from consignet.ingest.pipeline import IngestRun, jobs_from_paths
    from consignet.neo4j_server import Neo4jServer
    from consignet.resolve_service import resolve_store
    from consignet.store.neo4j import Neo4jStore

    tmp = Path(tempfile.mkdtemp(prefix="consignet-bench-resolve-"))
    write_sample(tmp / "sample", consignments=consignments, seed=11)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = Neo4jServer(home=tmp / "neo4j", port=port, heap=heap, pagecache=pagecache)
    server.install()
    server.start(wait=True, timeout=180, exit_with_parent=True)
    try:
        store = Neo4jStore(server.uri)
        store.reset()
        store.ensure_schema()
        t0 = time.perf_counter()
        ingested = IngestRun(store, tmp / "rejects", 5000).run(jobs_from_paths([tmp / "sample"], None)).as_dict()
        ingest_s = time.perf_counter() - t0
        # ingest runs its writes on a thread; the resolver forks helpers only in a single-threaded process
        threads = threading.active_count()
        c0, t0 = time.process_time(), time.perf_counter()
        first = resolve_store(store)
        cpu, wall = time.process_time() - c0, time.perf_counter() - t0
        t0 = time.perf_counter()
        again = resolve_store(store)
        again_s = time.perf_counter() - t0
        store.close()
    finally:
        server.stop()
        shutil.rmtree(tmp, ignore_errors=True)  # the sample and the server's store: hundreds of MB
    print(
        f"\n5. consignet resolve against Neo4j ({platform.machine()}, {os.cpu_count()} CPUs, load "
        f"{os.getloadavg()[0]:.1f}; heap {heap}, page cache {pagecache}): {consignments:,} consignments "
        f"generated, {ingested['loaded']:,} records ingested in {ingest_s:.1f} s (not resolved)"
    )
    steps = first["steps"]
    print(
        f"   resolve_store: {first['mentions']:,} mentions -> {first['actors']:,} actors, "
        f"{first['review']:,} review pairs; wall {wall:.1f} s (read mentions {steps['read']:.1f} s, "
        f"resolve {steps['resolve']:.1f} s, write actors and links {steps['write']:.1f} s); "
        f"CPU of this process {cpu:.1f} s ({threads} thread(s) alive)"
    )
    print(f"   again with nothing new: {again_s:.1f} s (read {again['steps']['read']:.1f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="250000,500000,1000000")
    parser.add_argument("--exhaustive", type=int, default=10_000, help="mentions for the blocking comparison")
    parser.add_argument("--sample", type=int, default=5000, help="consignments for `consignet generate`")
    parser.add_argument("--neo4j", type=int, default=0, metavar="N",
                        help="also time `consignet resolve` end to end on N generated consignments in a "
                        "throw-away Neo4j (e.g. 100000)")
    parser.add_argument("--heap", default="2g", help="Neo4j heap for --neo4j")
    parser.add_argument("--pagecache", default="1g", help="Neo4j page cache for --neo4j")
    parser.add_argument("--total-memory", action="store_true",
                        help="run the largest size once more, sampling the memory of the resolving process "
                        "and its helpers together (Linux)")
    parser.add_argument("--child", nargs=2, metavar=("SIZE", "PICKLE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(int(args.child[0]), args.child[1])
        return
    name_pairs()
    if args.sample:
        generated_sample(args.sample)
    if args.exhaustive:
        blocking_effect(args.exhaustive)
    sizes = sorted(int(s) for s in args.sizes.split(",") if s)
    if sizes:
        scaling(sizes, args.total_memory)
    if args.neo4j:
        neo4j_end_to_end(args.neo4j, args.heap, args.pagecache)


if __name__ == "__main__":
    main()
