"""XLSX workbooks through openpyxl in read-only mode (rows are streamed from the zip, not loaded)."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from consignet.errors import InputError

from ..profile import Profile
from .base import RawRow, SourceFile, clean_header_cell, is_empty
from .text import read_sample, what_binary


@contextmanager
def open_workbook(path: Path) -> Iterator[Any]:
    try:
        # data_only: the cached result of a formula, which is what the officer saw.
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise InputError(
            f"{path.name}: not an XLSX workbook (it looks like {what_binary(read_sample(path, 8))}): {exc}"
        ) from exc
    try:
        yield workbook
    finally:
        workbook.close()


def sheet_names(path: Path) -> list[str]:
    with open_workbook(path) as workbook:
        return list(workbook.sheetnames)


def pick_sheet(path: Path, workbook: Any, wanted: str | int | None) -> Any:
    """The named sheet (exact, then ignoring case and outer spaces), the sheet at a 0-based index, or
    the first sheet."""
    names = list(workbook.sheetnames)
    if wanted is None:
        return workbook[names[0]]
    as_index = isinstance(wanted, str) and wanted.strip().isdigit() and wanted not in names
    if isinstance(wanted, int) or as_index:
        index = int(wanted)
        if 0 <= index < len(names):
            return workbook[names[index]]
    elif wanted in names:
        return workbook[wanted]
    else:
        folded = {n.strip().casefold(): n for n in names}
        if wanted.strip().casefold() in folded:
            return workbook[folded[wanted.strip().casefold()]]
    listed = ", ".join(repr(n) for n in names)
    raise InputError(f"{path.name}: no sheet {wanted!r}; the workbook has: {listed}")


def sheet_rows(sheet: Any) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """(1-based sheet row number, cell values) for every row, empty rows included."""
    # Some writers store a wrong <dimension>; without a reset openpyxl would cut rows and columns.
    sheet.reset_dimensions()
    yield from enumerate(sheet.iter_rows(min_row=1, min_col=1, values_only=True), start=1)


class XlsxSource(SourceFile):
    def __init__(self, path: Path, profile: Profile) -> None:
        header: list[str] | None = None
        with open_workbook(path) as workbook:
            sheet = pick_sheet(path, workbook, profile.sheet)
            title = sheet.title
            for number, values in sheet_rows(sheet):
                if number >= profile.header_row and not all(is_empty(v) for v in values):
                    header = [clean_header_cell(v) for v in values]
                    self._header_at = number
                    break
        if header is None:
            raise InputError(f"{path.name}: sheet {title!r} is empty (no header row)")
        while header and not header[-1]:
            header.pop()  # formatted but empty cells right of the table
        super().__init__(path, profile, format="xlsx", header=header, sheet=title)

    def rows(self) -> Iterator[RawRow]:
        with open_workbook(self.path) as workbook:
            sheet = workbook[self.sheet]
            for number, values in sheet_rows(sheet):
                if number <= self._header_at:
                    continue
                # Cells right of the header are notes beside the table, not data: ignored.
                row = self._make_row(number, values[: len(self.keys)], None)
                if row is not None:
                    yield row
