"""The first rows of a file as they stand, before any header is chosen (for ``profile suggest``)."""

from __future__ import annotations

import csv
import io
from itertools import islice
from pathlib import Path
from typing import Any

from .text import decode_sample
from .xlsxfile import open_workbook, pick_sheet, sheet_rows


def peek_csv(path: Path, encoding: str, delimiter: str, n: int = 15) -> list[tuple[int, list[str]]]:
    """(start line, cells) of the first ``n`` non-empty records, read from the head of the file."""
    reader = csv.reader(io.StringIO(decode_sample(path, encoding), newline=""), delimiter=delimiter)
    out: list[tuple[int, list[str]]] = []
    while len(out) < n:
        start = reader.line_num + 1
        try:
            record = next(reader)
        except (StopIteration, csv.Error):
            break
        if any(c.strip() for c in record):
            out.append((start, record))
    return out


def _head(ws: Any, n: int) -> list[tuple[int, list[Any]]]:
    rows = (
        (number, list(values))
        for number, values in islice(sheet_rows(ws), 200)
        if any(v is not None and str(v).strip() for v in values)
    )
    return list(islice(rows, n))


def peek_xlsx(path: Path, sheet: str | int | None, n: int = 15) -> tuple[str, list[tuple[int, list[Any]]]]:
    """(sheet title, [(row number, cells)]) for the first ``n`` non-empty rows of a sheet."""
    with open_workbook(path) as workbook:
        ws = pick_sheet(path, workbook, sheet)
        return ws.title, _head(ws, n)


def peek_workbook(path: Path, n: int = 15, sheets: int = 20) -> list[tuple[str, list[tuple[int, list[Any]]]]]:
    """The head of every sheet (the first ``sheets``), loading the workbook once: loading is the slow
    part (openpyxl reads the whole shared-strings table)."""
    with open_workbook(path) as workbook:
        return [(ws.title, _head(ws, n)) for ws in workbook.worksheets[:sheets]]
