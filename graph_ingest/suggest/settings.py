"""File-level settings of a draft profile, read from the sample: header row, number and date formats,
the header languages, the reporting country."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

from consignet.errors import InputError

from ..detect import ColumnShape, country_of
from ..vocab import Reading, vocabulary

# Countries of the network (IREN and the WCO Europe partners), recognised in file names.
NETWORK = {"AZ", "GE", "KZ", "KG", "PK", "TJ", "TM", "UZ", "BG", "PL", "TR", "IT"}


def header_row(rows: list[tuple[int, list[Any]]]) -> int:
    """The row (1-based number) that reads most like a header: most cells the vocabulary recognises;
    without any, the first row about as wide as the widest (title lines above a table are narrow)."""
    if not rows:
        return 1
    vocab = vocabulary()

    def score(cells: list[Any]) -> int:
        return sum(1 for c in cells if isinstance(c, str) and (r := vocab.read(c)).hits and r.coverage >= 0.5)

    scores = [(score(cells), number) for number, cells in rows]
    best = max(s for s, _ in scores)
    if best >= 2:
        return next(n for s, n in scores if s == best)
    widths = [(sum(1 for c in cells if c is not None and str(c).strip()), n) for n, cells in rows]
    widest = max(w for w, _ in widths)
    return next(n for w, n in widths if w >= 0.8 * widest)


def number_format(shapes: list[ColumnShape], notes: list[str]) -> tuple[str, str | None]:
    decimal, thousands, ambiguous = Counter[str](), Counter[str](), Counter[str]()
    for shape in shapes:
        decimal += shape.decimal
        thousands += shape.thousands
        ambiguous += shape.ambiguous
    dec = "," if decimal[","] > decimal["."] else "."
    if not decimal and ambiguous:
        # "1,500" alone cannot tell; a comma is a thousands separator in English exports, a decimal
        # comma after three digits is rare.
        notes.append(f"numbers like '1{ambiguous.most_common(1)[0][0]}500' are ambiguous; check decimal")
    sep = next((s for s, _ in thousands.most_common() if s != dec), None)
    if sep is None and not decimal and ambiguous.get(","):
        sep = ","
    return dec, sep


def date_settings(shapes: list[ColumnShape]) -> tuple[list[str], bool]:
    """strptime formats that parse (nearly) every text value of the date columns, most used first."""
    counts: Counter[str] = Counter()
    for shape in shapes:
        texts = shape.count - shape.native_dates
        for fmt, n in shape.date_formats.items():
            if texts and n >= 0.9 * texts:
                counts[fmt] += n
    formats = [f for f, _ in counts.most_common()]
    dayfirst = not ("%m/%d/%Y" in formats and "%d/%m/%Y" not in formats)
    if "%d/%m/%Y" in formats and "%m/%d/%Y" in formats:
        formats.remove("%m/%d/%Y")  # every value fits both: the network writes day first
    return formats, dayfirst


def reporting_country(
    given: str | None, readings: list[Reading], shapes: list[ColumnShape], path: Path, notes: list[str]
) -> str:
    if given:
        code = country_of(given) if len(given.strip()) != 2 else given.strip().upper()
        if not code:
            raise InputError(f"--country {given!r}: not an ISO 3166 country code")
        return code
    vocab = vocabulary()
    langs: Counter[str] = Counter()
    for reading in readings:
        langs.update({k: v for k, v in reading.langs.items() if k in vocab.countries})
    ranked = langs.most_common(2)
    if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
        code = vocab.countries[ranked[0][0]]
        notes.append(f"reporting_country {code} guessed from the header language ({ranked[0][0]}); check it")
        return code
    stem_codes = [t.upper() for t in re.split(r"[^A-Za-z]+", path.stem) if len(t) == 2]
    named = [c for c in stem_codes if c in NETWORK]
    if len(set(named)) == 1:
        notes.append(f"reporting_country {named[0]} guessed from the file name; check it")
        return named[0]
    # Last resort: the country the values point at most (LOCODE prefixes, phone prefixes, country
    # columns). One side of every consignment is the reporting country, the other side varies.
    found: Counter[str] = Counter()
    for shape in shapes:
        found += shape.countries
    if not found:
        raise InputError(f"{path.name}: cannot tell the reporting country; give it with --country")
    code, n = found.most_common(1)[0]
    notes.append(
        f"reporting_country {code} is a GUESS (most frequent country in the values: LOCODE prefixes, "
        f"phones, country columns; {n} of {sum(found.values())}): set it to the country that sends these files"
    )
    return code


def read_headers(headers: list[str]) -> list[Reading]:
    """Read every header twice: first to learn the file's languages, then preferring them where a
    word means different things in different languages."""
    vocab = vocabulary()
    first = [vocab.read(h) for h in headers]
    votes: Counter[str] = Counter()
    for reading in first:
        votes.update(reading.langs)
    if not votes:
        return first
    return [vocab.read(h, dict(votes)) for h in headers]
