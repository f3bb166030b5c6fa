"""Streaming writers, one per file format. Each returns the row number the readers will report:
CSV/XLSX = 1-based line/row with the header as row 1; JSON array = 1-based element; NDJSON = 1-based line."""

from __future__ import annotations

import codecs
import csv
import json
from datetime import datetime
from pathlib import Path
from typing import Any

import xlsxwriter
from anyascii import anyascii

from ..profile import Profile

# A fixed creation time keeps XLSX files byte-identical for one seed.
FIXED_TIME = datetime(2026, 1, 1)


def _ascii_fallback(err: UnicodeError) -> tuple[str, int]:
    # A cp1251/cp1250 export cannot hold ş, ə, ʻ, ...: the exporting system writes the nearest ASCII.
    assert isinstance(err, UnicodeEncodeError)
    return anyascii(err.object[err.start:err.end]) or "?", err.end


FALLBACK = "consignet-ascii"
codecs.register_error(FALLBACK, _ascii_fallback)


class Writer:
    def __init__(self, path: Path, profile: Profile) -> None:
        self.path = path
        self.headers = list(profile.columns)
        self.rows = 0
        path.parent.mkdir(parents=True, exist_ok=True)

    def write(self, cells: list[Any]) -> int:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError


class CsvWriter(Writer):
    def __init__(self, path: Path, profile: Profile) -> None:
        super().__init__(path, profile)
        encoding = profile.encoding if profile.encoding != "auto" else "utf-8"
        self.fh = path.open("w", encoding=encoding, errors=FALLBACK, newline="")
        self.csv = csv.writer(self.fh, delimiter=profile.delimiter or ",", lineterminator="\r\n")
        self.csv.writerow(self.headers)

    def write(self, cells: list[Any]) -> int:
        self.csv.writerow(["" if c is None else c for c in cells])
        self.rows += 1
        return self.rows + 1

    def close(self) -> None:
        self.fh.close()


class XlsxWriter(Writer):
    def __init__(self, path: Path, profile: Profile, date_format: str = "dd.mm.yyyy") -> None:
        super().__init__(path, profile)
        self.wb = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_numbers": False,
                                                  "strings_to_urls": False})
        self.wb.set_properties({"created": FIXED_TIME, "author": "consignet generate"})
        sheet = profile.sheet if isinstance(profile.sheet, str) else "Sheet1"
        self.ws = self.wb.add_worksheet(sheet)
        self.date_fmt = self.wb.add_format({"num_format": date_format})
        bold = self.wb.add_format({"bold": True})
        self.ws.write_row(0, 0, self.headers, bold)

    def write(self, cells: list[Any]) -> int:
        self.rows += 1
        for col, value in enumerate(cells):
            if value is None:
                continue
            if isinstance(value, datetime):
                self.ws.write_datetime(self.rows, col, value, self.date_fmt)
            elif isinstance(value, str):
                self.ws.write_string(self.rows, col, value)
            else:
                self.ws.write_number(self.rows, col, value)
        return self.rows + 1

    def close(self) -> None:
        self.wb.close()


class JsonArrayWriter(Writer):
    def __init__(self, path: Path, profile: Profile) -> None:
        super().__init__(path, profile)
        self.fh = path.open("w", encoding="utf-8", newline="\n")
        self.fh.write("[")

    def write(self, cells: list[Any]) -> int:
        self.fh.write(",\n  " if self.rows else "\n  ")
        self.fh.write(json.dumps(dict(zip(self.headers, cells, strict=True)), ensure_ascii=False))
        self.rows += 1
        return self.rows

    def close(self) -> None:
        self.fh.write("\n]\n")
        self.fh.close()


class NdjsonWriter(Writer):
    def __init__(self, path: Path, profile: Profile) -> None:
        super().__init__(path, profile)
        self.fh = path.open("w", encoding="utf-8", newline="\n")

    def write(self, cells: list[Any]) -> int:
        self.fh.write(json.dumps(dict(zip(self.headers, cells, strict=True)), ensure_ascii=False) + "\n")
        self.rows += 1
        return self.rows

    def close(self) -> None:
        self.fh.close()


def open_writer(path: Path, profile: Profile) -> Writer:
    kind = profile.format
    if kind == "xlsx":
        return XlsxWriter(path, profile)
    if kind == "json":
        return JsonArrayWriter(path, profile)
    if kind == "ndjson":
        return NdjsonWriter(path, profile)
    return CsvWriter(path, profile)
