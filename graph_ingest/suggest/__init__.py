"""``consignet profile suggest``: draft a mapping profile for a file nobody has mapped yet.

Each column gets candidate canonical fields from two kinds of evidence: its header, read against the
vocabulary in ``vocab/headers.yaml`` (13 languages), and a sample of its values (``detect.py``: ISO 6346
check digits, IMO numbers, LOCODEs, dates, ...). The two combine into a confidence in [0, 1]; fields are
then handed out best-first, each at most once (list fields may take several columns), and a column
below ``THRESHOLD`` is left for the officer in ``unmapped``. File-level settings (encoding, delimiter,
sheet, header row, decimal and thousands separators, date formats, list separator, reporting country)
are read from the same sample.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from normality import slugify

from consignet.errors import InputError
from consignet.model import canonical_fields

from ..detect import column_shape
from ..profile import Profile
from ..readers import (
    decode_sample,
    detect_delimiter,
    detect_encoding,
    detect_format,
    open_source,
    peek_csv,
    peek_workbook,
)
from ..vocab import vocabulary
from .columns import THRESHOLD, ColumnGuess, assign
from .settings import date_settings, header_row, number_format, read_headers, reporting_country

__all__ = ["THRESHOLD", "ColumnGuess", "Suggestion", "format_report", "suggest_profile"]


@dataclass(slots=True)
class Suggestion:
    profile: Profile
    report: list[ColumnGuess]
    notes: list[str] = field(default_factory=list)  # file-level findings the officer should check

    def to_yaml(self) -> str:
        return self.profile.to_yaml()


# -- entry point --------------------------------------------------------------------------------------------
def suggest_profile(path: Path, country: str | None = None, sample_rows: int = 500) -> Suggestion:
    """Draft a mapping profile for ``path``; see the module docstring. Raises InputError for a file that
    cannot be read (as ``open_source`` would)."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    fmt = detect_format(path)
    layout: dict[str, Any] = {"format": fmt}
    if fmt == "csv":
        encoding = detect_encoding(path)
        delimiter = detect_delimiter(decode_sample(path, encoding))
        layout |= {"encoding": encoding, "delimiter": delimiter,
                   "header_row": header_row(peek_csv(path, encoding, delimiter))}  # fmt: skip
    elif fmt == "xlsx":
        # The sheet whose header row the vocabulary recognises best (a workbook may open on notes).
        best: tuple[int, str, int] | None = None
        for title, rows in peek_workbook(path):
            row = header_row(rows)
            cells = next((c for n, c in rows if n == row), [])
            hits = sum(1 for c in cells if isinstance(c, str) and vocabulary().read(c).hits)
            if rows and (best is None or hits > best[0]):
                best = (hits, title, row)
        if best is None:
            raise InputError(f"{path.name}: every sheet of the workbook is empty")
        layout |= {"sheet": best[1], "header_row": best[2]}
    probe = Profile(source="probe", reporting_country="XX", columns={}, required=[], **layout)
    source = open_source(path, probe)
    headers = source.header
    keys = source.keys
    samples: dict[str, list[Any]] = {k: [] for k in keys}
    for n, row in enumerate(source.rows()):
        if n >= sample_rows:
            break
        for k in keys:
            samples[k].append(row.values.get(k))
    shapes = [column_shape(samples[k]) for k in keys]
    readings = read_headers(headers)

    options = {rt: assign(keys, readings, shapes, rt) for rt in ("consignment", "seizure")}
    total = {rt: sum(g.confidence for g in gs if g.field) for rt, gs in options.items()}
    seizure = any(g.field == "seizure_date" for g in options["seizure"]) and total["seizure"] > total["consignment"]
    record_type = "seizure" if seizure else "consignment"
    report = options[record_type]
    fields = canonical_fields(record_type)

    notes: list[str] = []
    mapped = {g.header: g.field for g in report if g.field}
    by_kind = {kind: [s for g, s in zip(report, shapes, strict=True) if g.field and fields[g.field]["kind"] == kind]
               for kind in ("number", "integer", "date", "list")}  # fmt: skip
    decimal, thousands = number_format(by_kind["number"] + by_kind["integer"], notes)
    date_formats, dayfirst = date_settings(by_kind["date"])
    seps = sum((s.list_separators for s in by_kind["list"]), Counter[str]())
    list_separator = seps.most_common(1)[0][0] if seps else ";"
    reporting = reporting_country(country, readings, shapes, path, notes)
    required = [f for f, s in fields.items() if s.get("required") and f not in mapped.values()]
    if required:
        notes.append(f"required field(s) with no column: {', '.join(required)}; map a column or add a constant")

    profile = Profile(
        source=slugify(path.stem, sep="-") or "source",
        # The notes (a guessed reporting country above all) go into the file too, where the officer looks.
        description=" ".join(
            [
                f"Draft by `consignet profile suggest` from {path.name} on {dt.date.today().isoformat()};",
                f"review it: columns under confidence {THRESHOLD} are in `unmapped`.",
                *(f"{n}." for n in notes),
            ]
        ),  # fmt: skip
        record_type=record_type,
        reporting_country=reporting,
        decimal=decimal,
        thousands=thousands,
        date_formats=date_formats,
        dayfirst=dayfirst,
        list_separator=list_separator,
        columns=mapped,
        confidence={g.header: g.confidence for g in report},
        unmapped=[g.header for g in report if not g.field],
        **(layout | {"encoding": source.encoding or "auto", "delimiter": source.delimiter}),
    )
    return Suggestion(profile, report, notes)


def format_report(suggestion: Suggestion) -> str:
    """The suggestion as plain text for the terminal: one line per column, then the notes."""
    p = suggestion.profile
    lines = [
        f"{p.source}: {p.record_type}, format {p.format}, encoding {p.encoding}, delimiter {p.delimiter!r}, "
        f"sheet {p.sheet!r}, header row {p.header_row}, decimal {p.decimal!r}, thousands {p.thousands!r}, "
        f"dates {p.date_formats}, list separator {p.list_separator!r}, reporting country {p.reporting_country}",
    ]
    width = max((len(g.header) for g in suggestion.report), default=10)
    for g in suggestion.report:
        target = g.field or "-- unmapped --"
        alts = ", ".join(f"{f} {c:.2f}" for f, c in g.alternatives)
        lines.append(f"  {g.header:<{width}}  {target:<24} {g.confidence:4.2f}  {g.reason}"
                     + (f"  [also: {alts}]" if alts else ""))  # fmt: skip
    lines += [f"note: {n}" for n in suggestion.notes]
    return "\n".join(lines)
