"""What every reader returns: raw rows with their place in the file, and the checked file header."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from consignet.errors import InputError

from ..profile import Profile


@dataclass(slots=True)
class RawRow:
    """One record as it stands in the file, before any validation.

    ``row`` is where an officer finds it: CSV/XLSX the 1-based line/row number (header = 1, first data
    row = 2; for a CSV record whose quoted field spans several lines, the line the record *starts* on);
    JSON array the 1-based element index; NDJSON the 1-based line number.
    """

    row: int
    values: dict[str, Any]
    problem: str | None = None  # the row cannot be read as a record (e.g. more cells than the header)


def clean_header_cell(value: Any) -> str:
    """Header text as matched against a profile: BOM and outer whitespace stripped, NFC, inner runs of
    whitespace collapsed (spreadsheet headers often wrap onto two lines)."""
    text = "" if value is None else str(value)
    text = unicodedata.normalize("NFC", text.replace("\ufeff", ""))
    return " ".join(text.split())


def is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class SourceFile:
    """An opened, checked source file. ``rows()`` streams its records (it may be called again)."""

    def __init__(
        self,
        path: Path,
        profile: Profile,
        *,
        format: str,
        header: list[str],
        encoding: str | None = None,
        delimiter: str | None = None,
        sheet: str | None = None,
    ) -> None:
        self.path = path
        self.profile = profile
        self.format = format
        self.encoding = encoding
        self.delimiter = delimiter
        self.sheet = sheet
        self.header = header
        self.extra_columns: list[str] = []
        self.missing_optional: list[str] = []
        # Per header position: the key the value is stored under in RawRow.values (the profile's spelling
        # of the column when it matched case-insensitively, so the pipeline can look up profile.columns).
        self.keys: list[str] = []
        self._bind_columns()

    # -- header checks --------------------------------------------------------------------------------
    def _bind_columns(self) -> None:
        name = self.path.name
        profile_cols = {clean_header_cell(c): c for c in self.profile.columns}
        by_fold: dict[str, str] = {}
        for cleaned, original in profile_cols.items():
            by_fold.setdefault(cleaned.casefold(), original)

        seen: dict[str, int] = {}
        found: set[str] = set()
        for pos, cell in enumerate(self.header, start=1):
            key = cell or f"column_{pos}"
            if key in profile_cols:
                key = profile_cols[key]
            elif key.casefold() in by_fold:
                key = by_fold[key.casefold()]
            if key in seen:
                if key in self.profile.columns:
                    raise InputError(
                        f"{name}: column {key!r} appears twice (columns {seen[key]} and {pos}); rename one of them"
                    )
                key = f"{key}#{pos}"
            seen[key] = pos
            self.keys.append(key)
            if key in self.profile.columns:
                found.add(key)
            else:
                self.extra_columns.append(key)

        required = set(self.profile.required_fields())
        problems: list[str] = []
        for field in self.profile.required_fields():
            if field in self.profile.constants:
                continue
            cols = [c for c, f in self.profile.columns.items() if f == field]
            if not cols:
                problems.append(f"the profile maps no column to required field {field!r}")
            elif not any(c in found for c in cols):
                quoted = " or ".join(repr(c) for c in cols)
                problems.append(f"column {quoted} ({field}) is missing")
        if problems:
            shown = ", ".join(repr(h) for h in self.header[:40])
            more = f" (+{len(self.header) - 40} more)" if len(self.header) > 40 else ""
            raise InputError(f"{name}: {'; '.join(problems)}; header has: {shown}{more}")
        self.missing_optional = [c for c, f in self.profile.columns.items() if c not in found and f not in required]

    # -- rows -----------------------------------------------------------------------------------------
    def rows(self) -> Iterator[RawRow]:
        """Stream the data rows; entirely empty rows are skipped."""
        raise NotImplementedError

    def _make_row(self, number: int, cells: list[Any] | tuple[Any, ...], blank: Any) -> RawRow | None:
        """Pair cells with header keys; None for an entirely empty row. Short rows are padded with
        ``blank``; the caller has already rejected surplus cells it cares about."""
        if all(is_empty(c) for c in cells):
            return None
        values = {key: (cells[i] if i < len(cells) else blank) for i, key in enumerate(self.keys)}
        return RawRow(number, values)

    def __repr__(self) -> str:
        return (
            f"SourceFile({self.path.name!r}, format={self.format!r}, encoding={self.encoding!r}, "
            f"delimiter={self.delimiter!r}, sheet={self.sheet!r}, columns={len(self.header)})"
        )
