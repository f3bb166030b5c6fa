"""Read shared files (CSV, XLSX, JSON, NDJSON) as a stream of raw rows.

``open_source(path, profile)`` checks the file up front without reading every row (format, encoding,
delimiter, sheet, header, every required field's column) and raises ``InputError`` naming the file and
the problem; ``SourceFile.rows()`` then streams ``RawRow(row, values)``.

Row numbers are where an officer finds the record: the 1-based line (CSV, NDJSON) or sheet row (XLSX)
the record starts on — for a CSV record with a quoted multi-line field, its first line — and the
1-based element index for a JSON array. Entirely empty rows are skipped and not counted as records,
but they keep their line numbers, so numbers after them still match the file.

``profile.header_row`` (CSV/XLSX) is the line or sheet row where the header is; blank lines at that
place are passed over, so the header is the first non-empty row at or after it.

``RawRow.values`` maps each header cell to its raw value (``str`` for CSV; str/float/int/datetime/None
for XLSX and JSON). A column the profile names with other letter case is keyed by the profile's spelling.
Empty header cells are keyed ``column_<n>``; a repeated header ``name#<n>`` (n = 1-based position).
JSON objects nested in a record become dotted keys (``consignee.name``); a JSON file may also be one
object holding the array (``{"records": [...]}``).
"""

from __future__ import annotations

from pathlib import Path

from consignet.errors import InputError

from ..profile import Profile
from .base import RawRow, SourceFile, clean_header_cell
from .csvfile import CsvSource, detect_delimiter, parse_delimiter
from .jsonfile import JsonSource, NdjsonSource, sniff_json_kind
from .peek import peek_csv, peek_workbook, peek_xlsx
from .text import decode_sample, detect_encoding, read_sample
from .xlsxfile import XlsxSource, sheet_names

__all__ = [
    "RawRow",
    "SourceFile",
    "clean_header_cell",
    "decode_sample",
    "detect_delimiter",
    "detect_format",
    "detect_encoding",
    "open_source",
    "peek_csv",
    "peek_workbook",
    "peek_xlsx",
    "sheet_names",
]

EXTENSIONS = {
    ".csv": "csv",
    ".tsv": "csv",
    ".txt": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".json": "json",
    ".ndjson": "ndjson",
    ".jsonl": "ndjson",
}


def detect_format(path: Path, declared: str = "auto") -> str:
    """csv | xlsx | json | ndjson: the profile's format, else from the extension (.json sniffed for
    NDJSON). An unknown extension is sniffed from the first bytes."""
    if declared != "auto":
        return declared
    suffix = path.suffix.lower()
    fmt = EXTENSIONS.get(suffix)
    if suffix == ".xls":
        raise InputError(f"{path.name}: old Excel .xls files are not read; save it as .xlsx or CSV")
    if fmt == "json" or fmt is None:
        head = read_sample(path, 64 * 1024)
        if fmt is None and head.startswith(b"PK\x03\x04"):
            return "xlsx"
        text = head.decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n")
        if fmt == "json" or text[:1] in ("[", "{"):
            return sniff_json_kind(text)
        return "csv"
    return fmt


def open_source(path: Path, profile: Profile) -> SourceFile:
    """Open and check a source file for ``profile``; see the module docstring."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    fmt = detect_format(path, profile.format)
    if fmt == "xlsx":
        return XlsxSource(path, profile)
    if fmt == "csv":
        encoding = detect_encoding(path, profile.encoding, kind="CSV/text")
        try:
            delimiter = parse_delimiter(profile.delimiter) if profile.delimiter else None
        except InputError as exc:
            raise InputError(f"{path.name}: {exc.detail}") from exc
        return CsvSource(path, profile, encoding, delimiter)
    encoding = detect_encoding(path, profile.encoding, kind="JSON")
    if fmt == "json":
        return JsonSource(path, profile, encoding)
    return NdjsonSource(path, profile, encoding)
