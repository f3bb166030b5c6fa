"""Per-file and per-run counts: every record read is counted exactly once."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class FileCounts:
    file: str
    source: str
    reporting_country: str
    read: int = 0
    loaded: int = 0
    updated: int = 0
    duplicates: int = 0
    rejected: int = 0
    warned: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def reconciled(self) -> bool:
        return self.read == self.loaded + self.updated + self.duplicates + self.rejected


COUNT_KEYS = ("read", "loaded", "updated", "duplicates", "rejected", "warned")


@dataclass
class RunSummary:
    run_id: str
    rejects_file: str | None
    files: list[FileCounts] = field(default_factory=list)
    actors: int = 0
    consignments: int = 0
    repeat_actors: int = 0
    resolution: dict[str, Any] = field(default_factory=dict)
    analysis: dict[str, Any] = field(default_factory=dict)
    write_seconds: float = 0.0
    resolve_seconds: float = 0.0

    def file(self, name: str, source: str, country: str) -> FileCounts:
        counts = FileCounts(name, source, country)
        self.files.append(counts)
        return counts

    def total(self, key: str) -> int:
        return sum(getattr(f, key) for f in self.files)

    def totals_from_store(self, counts: dict[str, int]) -> None:
        self.actors = counts["actors"]
        self.consignments = counts["consignments"]
        self.repeat_actors = counts["repeat_actors"]

    def as_dict(self, include_files: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {"run_id": self.run_id}
        out.update({key: self.total(key) for key in COUNT_KEYS})
        out.update({
            "rejects_file": self.rejects_file, "actors": self.actors, "consignments": self.consignments,
            "repeat_actors": self.repeat_actors, "resolution": self.resolution, "analysis": self.analysis,
            "write_seconds": round(self.write_seconds, 3), "resolve_seconds": round(self.resolve_seconds, 3),
            "records_per_second": round(self.total("read") / self.write_seconds, 1)
            if self.write_seconds else None,
        })
        if include_files:
            out["files"] = [{**asdict(f), "reconciled": f.reconciled} for f in self.files]
        return out
