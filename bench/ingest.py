"""Ingest speed into the real Neo4j: the product's batched path against the naive baseline, same run.

    .venv/bin/python bench/ingest.py --consignments 100000 --naive 3000

Generates the sample, starts a throw-away Neo4j (or uses --uri), then measures on the same records:
  naive     one transaction per record, per-record MERGE of every node and link (first --naive records)
  product   read -> validate -> write with UNWIND batches (what `consignet ingest` does), no resolution
  re-ingest the same files again: every record a duplicate, nothing written
  embedded  the product path into the embedded store
and prints records/s for each, the ratio product/naive, and the derive/resolution times separately.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from consignet.ingest.generate import generate
from consignet.ingest.pipeline import IngestRun, jobs_from_paths
from consignet.ingest.readers import open_source
from consignet.ingest.to_graph import GraphMapper
from consignet.ingest.validate import RecordBuilder
from consignet.neo4j_server import Neo4jServer
from consignet.store.batch import GraphBatch
from consignet.store.embedded import EmbeddedStore
from consignet.store.neo4j import Neo4jStore


def naive(store: Neo4jStore, jobs: list, limit: int) -> tuple[int, float]:
    """One transaction per record; inside it one MERGE statement per node and per link."""
    mapper = GraphMapper("bench-naive")
    done, t0 = 0, time.perf_counter()
    for job in jobs:
        builder = RecordBuilder(job.profile, job.label)
        for raw in open_source(job.path, job.profile).rows():
            rec = builder.build(raw)
            if rec.rejected:
                continue
            batch = GraphBatch()
            mapper._emitted.clear()  # the naive path merges every shared node again, every time
            mapper.add(batch, rec)
            batch.flatten()  # one MERGE per node and per link, as a naive writer would

            def work(tx, batch=batch) -> None:
                for label, rows in batch.nodes.items():
                    for row in rows.values():
                        tx.run(f"MERGE (n:{label} {{id: $id}}) SET n += $row", id=row["id"], row=row).consume()
                for rtype, rels in batch.rels.items():
                    spec = store._model["relationships"][rtype]
                    for rel in rels.values():
                        tx.run(f"MATCH (a:{spec['from']} {{id: $src}}) MATCH (b:{spec['to']} {{id: $dst}}) "
                               f"MERGE (a)-[r:{rtype}]->(b) SET r += $props",
                               src=rel.src, dst=rel.dst, props=rel.props).consume()

            with store.driver.session() as session:
                session.execute_write(work)
            done += 1
            if done >= limit:
                return done, time.perf_counter() - t0
    return done, time.perf_counter() - t0


def product(store, jobs: list, rejects: Path, batch_size: int) -> tuple[dict, float]:
    run = IngestRun(store, rejects, batch_size)
    t0 = time.perf_counter()
    summary = run.run(jobs)
    return summary.as_dict(), time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--consignments", type=int, default=100_000)
    ap.add_argument("--naive", type=int, default=3_000, help="records for the naive baseline")
    ap.add_argument("--batch-size", type=int, default=5_000)
    ap.add_argument("--uri", help="an existing Neo4j (its data is deleted!); default: start one")
    ap.add_argument("--heap", default="2g")
    ap.add_argument("--pagecache", default="1g")
    ap.add_argument("--resolve", action="store_true", help="also time resolution + derived aggregates")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="consignet-bench-"))
    t0 = time.perf_counter()
    generate(tmp / "sample", consignments=args.consignments, seed=11)
    gen_s = time.perf_counter() - t0
    jobs = jobs_from_paths([tmp / "sample"], None)
    server = None
    if args.uri:
        uri = args.uri
    else:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        server = Neo4jServer(home=tmp / "neo4j", port=port, heap=args.heap, pagecache=args.pagecache)
        server.install()
        server.start(wait=True, timeout=180, exit_with_parent=True)
        uri = server.uri
    try:
        store = Neo4jStore(uri)
        store.reset()
        store.ensure_schema()
        n_naive, naive_s = naive(store, jobs, args.naive)
        store.reset()
        prod, prod_s = product(store, jobs, tmp / "rejects", args.batch_size)
        again, again_s = product(store, jobs, tmp / "rejects", args.batch_size)
        extra = {}
        if args.resolve:
            from consignet.resolve_service import resolve_store

            t1 = time.perf_counter()
            extra["resolution"] = resolve_store(store)
            extra["resolve_s"] = round(time.perf_counter() - t1, 2)
            t1 = time.perf_counter()
            store.refresh_derived()
            extra["derive_s"] = round(time.perf_counter() - t1, 2)
        store.close()
        emb = EmbeddedStore(tmp / "embedded.sqlite")
        emb_sum, emb_s = product(emb, jobs, tmp / "rejects", args.batch_size)
        emb.close()
    finally:
        if server:
            server.stop()
    naive_rate = n_naive / naive_s
    prod_rate = prod["read"] / prod_s
    again_rate = again["read"] / again_s
    result = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d"), "machine": f"{platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}", "consignments": args.consignments,
        "generate_s": round(gen_s, 1),
        "naive": {"records": n_naive, "seconds": round(naive_s, 2), "records_per_s": round(naive_rate)},
        "product": {"records": prod["read"], "loaded": prod["loaded"], "rejected": prod["rejected"],
                    "seconds": round(prod_s, 2), "records_per_s": round(prod_rate)},
        "reingest": {"records": again["read"], "loaded": again["loaded"], "duplicates": again["duplicates"],
                     "seconds": round(again_s, 2), "records_per_s": round(again_rate)},
        "embedded": {"records": emb_sum["read"], "seconds": round(emb_s, 2),
                     "records_per_s": round(emb_sum["read"] / emb_s)},
        "ratio_product_vs_naive": round(prod_rate / naive_rate, 1),
        **extra,
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"consignet ingest benchmark, {result['date']}, {result['machine']}")
        print(f"  naive baseline (1 tx + MERGE per record): {n_naive:>9,} records {naive_s:8.1f} s "
              f"{naive_rate:>9,.0f} records/s")
        print(f"  product path (UNWIND batches):            {prod['read']:>9,} records {prod_s:8.1f} s "
              f"{prod_rate:>9,.0f} records/s   x{result['ratio_product_vs_naive']} the baseline")
        print(f"  re-ingest (all duplicates, adds nothing): {again['read']:>9,} records {again_s:8.1f} s "
              f"{again_rate:>9,.0f} records/s")
        print(f"  embedded store:                           {emb_sum['read']:>9,} records {emb_s:8.1f} s "
              f"{emb_sum['read'] / emb_s:>9,.0f} records/s")
        for key in ("resolve_s", "derive_s"):
            if key in extra:
                print(f"  {key}: {extra[key]} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
