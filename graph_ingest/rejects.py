"""The rejects file: one CSV row per rejected record, with file, row, field, reason and the raw record."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import IO

from .records import ParsedRecord

COLUMNS = ["file", "row", "record_type", "field", "reason", "raw_value", "all_problems", "raw_record"]


class RejectsWriter:
    """Opened lazily: a run without rejects leaves no empty file behind."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fh: IO[str] | None = None
        self._writer: csv.writer | None = None  # type: ignore[valid-type]
        self.count = 0

    def write(self, rec: ParsedRecord) -> None:
        if self._writer is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._fh = self.path.open("w", newline="", encoding="utf-8")
            self._writer = csv.writer(self._fh)
            self._writer.writerow(COLUMNS)
        first = rec.first_reject()
        assert first is not None
        self._writer.writerow([
            rec.source_file, rec.row, rec.record_type, first.field, first.reason,
            "" if first.raw is None else str(first.raw),
            json.dumps([p.as_dict() for p in rec.problems], ensure_ascii=False, default=str),
            json.dumps(rec.raw, ensure_ascii=False, default=str),
        ])
        self.count += 1

    def close(self) -> None:
        if self._fh:
            self._fh.close()
