"""The ingest job: read -> validate -> normalise -> write -> resolve -> derive, counting every record.

Every record read is counted exactly once: ``read = loaded + updated + duplicates + rejected``
(warned records are loaded and also counted in ``warned``). Before anything is written every file
of the run is opened and checked against its profile; one unreadable file stops the run.
"""

from __future__ import annotations

import json
import queue
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from consignet import ids
from consignet.errors import InputError
from consignet.scope import Viewer
from consignet.store.base import GraphStore
from consignet.store.batch import GraphBatch

from .counts import FileCounts, RunSummary
from .profile import Profile, load_profile
from .readers import open_source
from .records import ParsedRecord
from .rejects import RejectsWriter
from .to_graph import GraphMapper
from .validate import RecordBuilder


@dataclass
class Job:
    """One file to ingest with its profile."""

    path: Path
    profile: Profile
    label: str  # how the file is named in provenance and messages (relative to the manifest dir)


@dataclass
class _Pending:
    records: list[tuple[ParsedRecord, int, bool]] = field(default_factory=list)  # record, version, replace


def jobs_from_paths(paths: Iterable[Path], profile_path: Path | None) -> list[Job]:
    """Files with ``--profile``, or directories written by ``consignet generate`` (their manifest)."""
    jobs: list[Job] = []
    profile = load_profile(profile_path) if profile_path else None
    for path in paths:
        path = Path(path)
        if path.is_dir():
            manifest = path / "manifest.json"
            if not manifest.exists():
                raise InputError(f"{path}: a directory to ingest needs a manifest.json (as written by "
                                 "`consignet generate`); or name files with --profile")
            try:
                data = json.loads(manifest.read_text(encoding="utf-8"))
                entries = data["files"]
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise InputError(f"{manifest}: not a consignet manifest ({exc})") from exc
            for entry in entries:
                prof = profile or load_profile(path / entry["profile"])
                jobs.append(Job(path / entry["path"], prof, entry["path"]))
        elif not path.exists():
            raise InputError(f"{path}: no such file")
        else:
            if profile is None:
                raise InputError(f"{path}: no mapping profile; pass --profile PROFILE.yaml "
                                 "(draft one with `consignet profile suggest`)")
            jobs.append(Job(path, profile, path.name))
    if not jobs:
        raise InputError("nothing to ingest")
    return jobs


class IngestRun:
    def __init__(self, store: GraphStore, rejects_dir: Path, batch_size: int = 5000,
                 progress: Callable[[str, int], None] | None = None) -> None:
        self.store = store
        self.batch_size = batch_size
        self.started = datetime.now(UTC)
        self.run_id = f"{self.started:%Y%m%dT%H%M%S}-{ids.digest(self.started.isoformat(), size=3)}"
        self.rejects = RejectsWriter(rejects_dir / f"rejects-{self.run_id}.csv")
        self.mapper = GraphMapper(self.run_id)
        self.summary = RunSummary(run_id=self.run_id, rejects_file=str(self.rejects.path))
        self.progress = progress
        self._seen: dict[str, tuple[str, int]] = {}  # record id -> (content hash, version) this run
        # Batches span file boundaries: many small files must not mean many small transactions.
        self._pending = _Pending()
        self._forwarders: dict[str, set[str]] = {}
        # One writer thread: Python prepares batch N+1 while the store writes batch N.
        self._queue: queue.Queue[GraphBatch | None] = queue.Queue(maxsize=2)
        self._error: BaseException | None = None
        self._writer = threading.Thread(target=self._write_loop, name="consignet-writer", daemon=True)

    # -- writer thread ----------------------------------------------------------------------------
    def _write_loop(self) -> None:
        while (batch := self._queue.get()) is not None:
            if self._error is None:
                try:
                    self.store.write_batch(batch)
                except BaseException as exc:  # surfaced in the main thread
                    self._error = exc

    def _submit(self, pending: _Pending) -> None:
        if not pending.records:
            return
        batch = GraphBatch(fresh=True)  # every record here is new or replaced: see GraphBatch.fresh
        for rec, version, replace in pending.records:
            self.mapper.add(batch, rec, version)
            if replace:
                batch.replace.append(rec.node_id)
        pending.records.clear()
        if self._error:
            raise self._error
        self._queue.put(batch)

    # -- the run ----------------------------------------------------------------------------------
    def run(self, jobs: list[Job]) -> RunSummary:
        sources = [(job, open_source(job.path, job.profile)) for job in jobs]  # all checked first
        t0 = time.perf_counter()
        self._writer.start()
        try:
            for job, source in sources:
                counts = self.summary.file(job.label, job.profile.source, job.profile.reporting_country)
                if source.extra_columns:
                    counts.warnings.append(f"extra columns kept as raw values: {source.extra_columns}")
                self._ingest_file(job, source, counts)
            self._submit(self._pending)
        finally:
            self._queue.put(None)
            self._writer.join()
            self.rejects.close()
        self.summary.rejects_file = str(self.rejects.path) if self.rejects.count else None
        if self._error:
            raise self._error
        if self._forwarders:
            self.store.add_forwarders({k: sorted(v) for k, v in self._forwarders.items()})
        self.summary.write_seconds = time.perf_counter() - t0
        return self.summary

    def _ingest_file(self, job: Job, source: Any, counts: FileCounts) -> None:
        builder = RecordBuilder(job.profile, job.label)
        pending = self._pending
        chunk: list[ParsedRecord] = []
        for raw in source.rows():
            counts.read += 1
            rec = builder.build(raw)
            if rec.rejected:
                counts.rejected += 1
                self.rejects.write(rec)
                continue
            chunk.append(rec)
            if len(chunk) >= self.batch_size:
                self._classify(chunk, counts, pending)
                chunk = []
            if self.progress and counts.read % 1000 == 0:
                self.progress(job.label, counts.read)
        self._classify(chunk, counts, pending)
        if self.progress:
            self.progress(job.label, counts.read)

    def _classify(self, chunk: list[ParsedRecord], counts: FileCounts, pending: _Pending) -> None:
        """Loaded, updated or duplicate: against this run first, then against the store."""
        unseen = [r.node_id for r in chunk if r.node_id not in self._seen]
        stored = self.store.record_versions(sorted(set(unseen))) if unseen else {}
        in_batch = {r.node_id for r, _, _ in pending.records}
        for rec in chunk:
            known = self._seen.get(rec.node_id) or stored.get(rec.node_id)
            # A copy forwarded by another country never replaces the record it copies (it often carries
            # fewer columns): it adds the forwarder to the record's provenance, like an identical copy.
            forwarded_copy = rec.originator != rec.sender
            if known and (known[0] == rec.content_hash or forwarded_copy):
                counts.duplicates += 1
                forwarded = rec.values.get("forwarded_by") or []
                if forwarded:
                    self._forwarders.setdefault(rec.node_id, set()).update(forwarded)
                continue
            if rec.warned:
                counts.warned += 1
            if known:
                counts.updated += 1
                if rec.node_id in in_batch:
                    # The earlier version waits in this batch: write it first, then replace it.
                    self._submit(pending)
                    in_batch.clear()
                version = known[1] + 1
                pending.records.append((rec, version, True))
            else:
                counts.loaded += 1
                version = 1
                pending.records.append((rec, version, False))
            in_batch.add(rec.node_id)
            self._seen[rec.node_id] = (rec.content_hash, version)
            if len(pending.records) >= self.batch_size:
                self._submit(pending)
                in_batch.clear()


def ingest(store: GraphStore, jobs: list[Job], rejects_dir: Path, *, batch_size: int = 5000,
           resolve: bool = True, progress: Callable[[str, int], None] | None = None) -> RunSummary:
    """Run an ingest, then resolve what it loaded and refresh the derived aggregates."""
    run = IngestRun(store, rejects_dir, batch_size, progress)
    summary = run.run(jobs)
    t0 = time.perf_counter()
    if resolve:
        from consignet.resolve_service import resolve_store

        summary.resolution = resolve_store(store)
    store.refresh_derived()
    if resolve:
        # communities, risk scores and the alerts raised by the records this run loaded
        from consignet.analysis.service import refresh_communities

        summary.analysis = refresh_communities(store)
    summary.resolve_seconds = time.perf_counter() - t0
    summary.totals_from_store(store.summary_counts(Viewer.all()))
    record = GraphBatch()
    totals = summary.as_dict(include_files=False)
    record.node("IngestRun", ids.node_id("IngestRun", summary.run_id), {
        "run_id": summary.run_id, "started_at": run.started.isoformat(timespec="seconds"),
        "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "files": [f.file for f in summary.files],
        **{k: totals[k] for k in ("read", "loaded", "updated", "duplicates", "rejected", "warned")}})
    store.write_batch(record)
    return summary
