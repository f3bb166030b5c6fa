"""Risk and communities against the sample generator's planted networks, and how long they take.

    .venv/bin/python bench/risk.py --consignments 3000            # fresh seed, embedded store
    .venv/bin/python bench/risk.py --consignments 3000 --store neo4j
    .venv/bin/python bench/risk.py --db /path/consignet.sqlite --sample /path/sample   # an existing store

Generates a sample with a fresh seed (printed; pass --seed to repeat one), ingests it with resolution,
then times ``refresh_communities`` (facts read through the store, communities, risk, alerts) and prints:
  precision of the top k risk actors against the planted truth (k = 50, or the number of planted network
  actors if fewer), beside a baseline that ranks actors by their number of CHPL consignments alone;
  the share of planted networks whose actors all fall in one community (and the mean share of a network's
  actors in its largest community).
Graph actors are matched to the generator's actors through the mentions (file, row, role) by majority.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import socket
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from consignet.analysis import service
from consignet.analysis.evaluate import evaluate


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def resolve_from_truth(store: Any, truth: dict[str, Any], chunk: int = 100_000) -> int:
    """Resolve every mention to the generator's actor (``--resolve truth``): times the analysis on a big sample
    without timing (or waiting for) entity resolution, whose own benchmark is elsewhere."""
    from consignet import ids
    from consignet.scope import Viewer

    by_key = {(m["file"], int(m["row"]), m["role"]): m["actor"] for m in truth["mentions"]}
    people = truth["actors"]
    links, used = [], set()
    for row in store.mention_assignments(Viewer.all()):
        actor = by_key.get((row["file"], int(row["row"]), row["role"]))
        if actor:
            used.add(actor)
            links.append({"mention_id": row["mention_id"], "actor_id": ids.node_id("Actor", actor), "score": 1.0,
                          "method": "truth", "evidence": []})
    actors = [{"id": ids.node_id("Actor", a), "actor_key": ids.node_id("Actor", a),
               "kind": people[a].get("kind") or "company", "name": people[a].get("name")} for a in sorted(used)]
    for start in range(0, max(len(actors), len(links)), chunk):
        store.write_resolution(actors[start:start + chunk], links[start:start + chunk])
    store.refresh_derived()
    return len(links)


def open_store(args: argparse.Namespace, tmp: Path) -> tuple[Any, Any]:
    if args.store == "embedded":
        from consignet.store.embedded import EmbeddedStore

        return EmbeddedStore(Path(args.db) if args.db else tmp / "consignet.sqlite"), None
    from consignet.neo4j_server import Neo4jServer
    from consignet.store.neo4j import Neo4jStore

    server = None
    uri = args.uri
    if not uri:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        server = Neo4jServer(home=tmp / "neo4j", port=port, heap=args.heap, pagecache=args.pagecache)
        server.install()
        if args.bulk:
            bulk_load(server, Path(args.sample), tmp)
        server.start(wait=True, timeout=300, exit_with_parent=True)
        uri = server.uri
    store = Neo4jStore(uri)
    store.ensure_schema()
    return store, server


def _not_served(*_: Any, **__: Any) -> Any:
    raise NotImplementedError("the import writer only writes")


def bulk_load(server: Any, sample: Path, tmp: Path) -> None:
    """Load the sample through Neo4j's bulk importer, as `consignet neo4j import` does (the online ingest
    of a million records takes an hour on a loaded 2-core machine; the import a few minutes)."""
    from consignet.ingest.pipeline import IngestRun, jobs_from_paths
    from consignet.neo4j_server.bulk import admin_import
    from consignet.store.import_files import ImportFileWriter

    missing = getattr(ImportFileWriter, "__abstractmethods__", frozenset())
    # The import writer is a write-only store: reads it does not serve may be abstract on it.
    writer_class = type("BenchImportWriter", (ImportFileWriter,), {m: _not_served for m in missing})
    writer = writer_class(tmp / "import")
    try:
        IngestRun(writer, tmp / "rejects", 5000).run(jobs_from_paths([sample], None))
    finally:
        writer.close()
    admin_import(server, *writer.files(), overwrite=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--consignments", type=int, default=3000)
    ap.add_argument("--seed", type=int, help="default: a fresh one (printed)")
    ap.add_argument("--store", choices=("embedded", "neo4j"), default="embedded")
    ap.add_argument("--db", help="an existing embedded store (skips generate and ingest; needs --sample)")
    ap.add_argument("--uri", help="an existing Neo4j; with --sample its data are kept, else they are replaced")
    ap.add_argument("--sample", help="the folder of an existing sample (its truth.json); the store holds it "
                                     "already, unless --ingest")
    ap.add_argument("--ingest", action="store_true", help="with --sample: ingest it into the (reset) store")
    ap.add_argument("--bulk", action="store_true", help="with --store neo4j --sample (no --uri): load it with "
                                                       "Neo4j's bulk importer into a new server")
    ap.add_argument("--heap", default="2g")
    ap.add_argument("--pagecache", default="1g")
    ap.add_argument("--top-k", type=int, default=50)
    ap.add_argument("--resolve", choices=("product", "truth"), default="product",
                    help="truth: resolve mentions to the generator's actors (to time the analysis at 1M)")
    ap.add_argument("--reuse-communities", action="store_true",
                    help="keep the stored communities when the actor projection is unchanged (what a refresh after "
                         "an ingest does); by default Louvain recomputes them, as on new data")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if args.bulk and (args.store != "neo4j" or args.uri or not args.sample):
        ap.error("--bulk needs --store neo4j and --sample, and no --uri")

    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1, 10**6)
    tmp = Path(tempfile.mkdtemp(prefix="consignet-risk-bench-"))
    result: dict[str, Any] = {"date": datetime.now(UTC).strftime("%Y-%m-%d"),
                              "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
                                         f"Python {platform.python_version()}", "store": args.store}
    t_open = time.perf_counter()
    store, server = open_store(args, tmp)
    try:
        from consignet.ingest.pipeline import ingest, jobs_from_paths

        t0 = time.perf_counter()
        if args.sample:
            sample = Path(args.sample)
            manifest = json.loads((sample / "manifest.json").read_text(encoding="utf-8"))
            result.update(consignments=manifest["consignments"], seed=manifest["seed"])
        else:
            from consignet.ingest.generate import generate

            sample = tmp / "sample"
            generate(sample, consignments=args.consignments, seed=seed)
            result.update(consignments=args.consignments, seed=seed)
        fresh = not args.sample or (args.ingest and not args.db)
        if args.bulk:
            result["load_s"] = round(time.perf_counter() - t_open, 1)  # import files, importer, start
            if args.resolve == "product":  # (truth resolution below refreshes the derived links itself)
                from consignet.resolve_service import resolve_store

                resolve_store(store)
                store.refresh_derived()
        elif fresh:
            store.reset()
            summary = ingest(store, jobs_from_paths([sample], None), tmp / "rejects",
                             resolve=args.resolve == "product")
            loaded = summary.as_dict(include_files=False)["loaded"]
            result.update(loaded=loaded, ingest_s=round(time.perf_counter() - t0, 1),
                          alerts_at_ingest=(summary.analysis or {}).get("alerts"))
        truth = json.loads((sample / "truth.json").read_text(encoding="utf-8"))
        if args.resolve == "truth" and (fresh or args.bulk):
            t0 = time.perf_counter()
            result["resolved_from_truth"] = resolve_from_truth(store, truth)
            result["resolve_s"] = round(time.perf_counter() - t0, 1)
        cpu0, kids0 = time.process_time(), _children_cpu()
        load_before = os.getloadavg()[0]
        refresh = service.refresh_communities(store, reuse=args.reuse_communities)
        refresh["load_average"] = [round(load_before, 1), round(os.getloadavg()[0], 1)]
        refresh["seconds"]["python_cpu"] = round(time.process_time() - cpu0, 2)
        refresh["seconds"]["worker_cpu"] = round(_children_cpu() - kids0, 2)  # the Louvain worker process
        result["refresh"] = refresh
        result.update(evaluate(store, truth, args.top_k))
    finally:
        store.close()
        if server:
            server.stop()
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    sec = result["refresh"]["seconds"]
    print(f"consignet risk benchmark, {result['date']}, {result['machine']}, {args.store} store")
    print(f"  sample: {result['consignments']:,} consignments, seed {result['seed']}, "
          f"{result['networks']} planted networks ({result['planted_actors']} actors)")
    print(f"  refresh (facts + communities + risk + alerts): {sec['total']} s  "
          f"(facts {sec['facts']} s, communities {sec['communities']} s, risk {sec['risk']} s; "
          f"CPU of this process {sec['python_cpu']} s, of the Louvain worker {sec['worker_cpu']} s; "
          f"load average {result['refresh']['load_average'][0]} before, "
          f"{result['refresh']['load_average'][1]} after"
          f"{'; communities reused: projection unchanged' if sec.get('communities_reused') else ''})")
    print(f"  precision of the top {result['k']} risk actors:      {result['precision_at_k']:.3f}")
    print(f"  baseline (rank by CHPL consignment count):  {result['baseline_chpl_count_precision_at_k']:.3f}")
    print(f"  planted networks entirely in one community: {result['networks_in_one_community']} of "
          f"{result['networks']} ({result['share_networks_in_one_community']:.0%}); mean share of a network in "
          f"its largest community {result['mean_share_in_largest_community']:.0%}")
    print(f"  communities: {result['refresh']['communities']:,} (largest {result['refresh']['largest_community']:,} "
          f"actors); actors scored: {result['actors_scored']:,}; alerts raised: "
          f"{result.get('alerts_at_ingest') or result['refresh']['alerts']:,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
