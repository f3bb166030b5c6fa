"""Delimited text files (CSV, TSV, semicolon files) read with the stdlib csv module, one record at a time."""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from consignet.errors import InputError

from ..profile import Profile
from .base import RawRow, SourceFile, clean_header_cell, is_empty
from .text import decode_sample

DELIMITERS = (",", ";", "\t")
# A record longer than this many lines almost always means a quote that never closes.
MAX_RECORD_LINES = 100
_NAMES = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}


def parse_delimiter(value: str) -> str:
    """A profile's delimiter as written in YAML (``"\\t"``, ``tab``, ``;``) -> the character."""
    delimiter = _NAMES.get(value.strip().lower(), value) if value.strip() else value
    if len(delimiter) != 1:
        raise InputError(f"delimiter {value!r} is not one character (use ',', ';', '\\t' or 'tab')")
    return delimiter


def detect_delimiter(text: str) -> str:
    """Pick among ``, ; tab`` the one that splits the sample into the most consistent table.

    csv.Sniffer is unreliable on files with decimal commas in a semicolon file, so count instead: parse
    the sample with each candidate (quotes respected) and prefer a header as wide as the usual record,
    then the share of records with that width, then the width.
    """
    best: tuple[tuple[bool, float, int], str] | None = None
    for delimiter in DELIMITERS:
        widths = []
        for record in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            if any(cell.strip() for cell in record):
                widths.append(len(record))
            if len(widths) >= 200:
                break
        if not widths:
            continue
        width, count = Counter(widths).most_common(1)[0]
        key = (width > 1 and widths[0] == width, count / len(widths), width)
        if width > 1 and (best is None or key > best[0]):
            best = (key, delimiter)
    return best[1] if best else ","


class CsvSource(SourceFile):
    def __init__(self, path: Path, profile: Profile, encoding: str, delimiter: str | None) -> None:
        if delimiter is None:
            delimiter = detect_delimiter(decode_sample(path, encoding))
        self.path, self.profile = path, profile
        self._enc = encoding
        self._delim = delimiter
        header: list[str] | None = None
        with self._open() as fh:
            for _line, record in self._data(fh, header_only=True):
                header = [clean_header_cell(c) for c in record]
                break
        if header is None:
            raise InputError(f"{path.name}: the file is empty (no header row at line {profile.header_row} or after)")
        while header and not header[-1]:
            header.pop()  # trailing delimiters after the last header cell
        super().__init__(path, profile, format="csv", header=header, encoding=encoding, delimiter=delimiter)

    def _open(self) -> TextIO:
        try:
            return self.path.open("r", encoding=self._enc, newline="")
        except OSError as exc:
            raise InputError(f"{self.path.name}: cannot read the file: {exc.strerror or exc}") from exc

    def _records(self, fh: TextIO) -> Iterator[tuple[int, list[str]]]:
        """(line the record starts on, cells) for every record, blank lines included as []."""
        reader = csv.reader(fh, delimiter=self._delim)
        name = self.path.name
        while True:
            start = reader.line_num + 1
            try:
                record = next(reader)
            except StopIteration:
                return
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{name}: line {reader.line_num + 1}: bytes that are not {self._enc} "
                    f"({exc.object[exc.start : exc.start + 4]!r}); set encoding: in the profile"
                ) from exc
            except csv.Error as exc:
                raise InputError(
                    f"{name}: line {start}: cannot parse the record ({exc}); a quote that never closes?"
                ) from exc
            if reader.line_num - start >= MAX_RECORD_LINES:
                raise InputError(
                    f"{name}: line {start}: a quoted field runs over {MAX_RECORD_LINES} lines; "
                    "a quote that never closes?"
                )
            yield start, record

    def _data(self, fh: TextIO, header_only: bool = False) -> Iterator[tuple[int, list[str]]]:
        """Skip to the header (first non-empty record starting at line >= header_row); then, unless
        ``header_only``, the non-empty records after it."""
        records = self._records(fh)
        for start, record in records:
            if start >= self.profile.header_row and any(c.strip() for c in record):
                yield start, record
                break
        if header_only:
            return
        yield from records

    def rows(self) -> Iterator[RawRow]:
        width = len(self.keys)
        with self._open() as fh:
            data = self._data(fh)
            next(data, None)  # the header
            for start, record in data:
                if len(record) > width and not all(is_empty(c) for c in record[width:]):
                    # Shifted values must not load; the row is rejected (and kept in the rejects file).
                    yield RawRow(start, {f"cell_{i + 1}": c for i, c in enumerate(record)},
                                 problem=f"{len(record)} cells but the header has {width}; a value "
                                 f"containing {self._delim!r} without quotes?")
                    continue
                row = self._make_row(start, record, "")
                if row is not None:
                    yield row
