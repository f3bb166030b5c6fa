"""Build the code lists shipped in ``consignet/refdata`` from the public source files.

Dev-time tool only: the product reads the compressed files this script writes, never the sources.

    .venv/bin/python scripts/build_refdata.py [--src ../shared/refdata] [--out consignet/refdata]

The source folder defaults to ``../shared/refdata`` beside the repository, or ``$CONSIGNET_SHARED_REFDATA``.
Output files are gzip-compressed CSV written with a fixed mtime, so an unchanged source gives
byte-identical output (clean diffs in git).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gzip
import hashlib
import io
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SRC = REPO.parent / "shared" / "refdata"
DEFAULT_OUT = REPO / "consignet" / "refdata"

LOCODE_RE = re.compile(r"[A-Z]{2}[A-Z2-9]{3}")
FUNCTION_RE = re.compile(r"[-0-9B]{8}")
# The source's UN/LOCODE CSV is a concatenation of per-country files. Two defects are repaired here:
# 1. A name holding a comma was written as `"""Batu Lintang"," Sarawak"""` (inner quotes not escaped),
#    which a CSV reader splits in two. It is rejoined as `"Batu Lintang, Sarawak"`.
QUOTED_COMMA = re.compile(r'"""([^"]*)","([^"]*)"""')
# 2. The last record of a country file has no newline, so the next country's first record is glued on
#    (`...,-51.53BS,ASD,...`, `...,trueAQ,ABA,...`, `...,1.5,AE,ABU,...`). A new record starts where
#    `CC,LLL,` follows a number, `true`, `NaN` or an empty field; only lines that parse to too many
#    fields are split, so a normal row is never cut.
GLUE = re.compile(r"(?:(?<=[0-9])|(?<=true)|(?<=NaN)|(?<=,))(?=[A-Z]{2},[A-Z0-9]{3},)")

# Landlocked countries that are not on the UN LLDC list (which only counts developing countries).
# Geography fact, 12 states (UN-OHRLLS counts 32 LLDCs of the world's 44 landlocked countries).
LANDLOCKED_NOT_LLDC = {"AD", "AT", "BY", "CH", "CZ", "HU", "LI", "LU", "RS", "SK", "SM", "VA"}

SOURCES = {
    "unlocode.csv": (
        "UN/LOCODE code list (UNECE), all countries",
        "github.com/geoapify/un-locode, src/data/*.csv",
        "MIT",
    ),
    "hs2022.csv": (
        "Harmonized System 2022 nomenclature (WCO), chapters, headings and subheadings",
        "github.com/datasets/harmonized-system, data/harmonized-system.csv",
        "ODC-PDDL-1.0",
    ),
    "country-codes.csv": (
        "ISO 3166-1 codes with English/Russian names and the UN LLDC flag",
        "github.com/datasets/country-codes, data/country-codes.csv",
        "ODC-PDDL-1.0",
    ),
    "chpl.csv": (
        "Common High Priority List (EU, US, UK, Japan), February 2024: 50 HS-6 subheadings in tiers",
        "publication of the list by the US Bureau of Industry and Security and the European Commission",
        "public government list",
    ),
}


class BuildError(Exception):
    """The source files are not what this script expects; the message names the file and line."""


def split_locode_line(line: str, lineno: int) -> Iterator[list[str]]:
    """Yield the records of one physical line of unlocode.csv (usually one, two when glued)."""
    line = QUOTED_COMMA.sub(lambda m: f'"{m.group(1)},{m.group(2)}"', line)
    row = next(csv.reader([line]))
    if len(row) <= 11:
        yield row
        return
    for piece in GLUE.split(line):
        part = next(csv.reader([piece]))
        if not 8 <= len(part) <= 11:
            raise BuildError(f"unlocode.csv line {lineno}: cannot split glued records ({len(row)} fields)")
        yield part


def read_unlocode(path: Path) -> tuple[dict[str, tuple[str, str, str]], list[str]]:
    """code -> (name, subdivision, function); plus notes on rows that were dropped or merged."""
    out: dict[str, tuple[str, str, str]] = {}
    notes: list[str] = []
    with path.open(encoding="utf-8", newline="") as fh:
        header = next(fh).strip().lstrip("\ufeff")
        if not header.startswith("country,location,name,nameWoDiacritics,subdivision"):
            raise BuildError(f"{path}: unexpected header {header!r}")
        for lineno, line in enumerate(fh, start=2):
            line = line.rstrip("\r\n")
            if not line:
                continue
            for row in split_locode_line(line, lineno):
                # Layouts seen: 11 fields (full), 10 (no `geocoded`), 9 or 8 (no status/iata). The
                # function string is whichever of fields 6/7 has the 8-character function shape.
                function = next((f for f in row[5:7] if FUNCTION_RE.fullmatch(f)), None)
                if function is None:
                    raise BuildError(f"{path.name} line {lineno}: no function field in {row!r}")
                code = row[0] + row[1]
                name, subdivision = row[3].strip(), row[4].strip()
                if not LOCODE_RE.fullmatch(code):
                    notes.append(f"dropped {code} ({name}): location part uses 0 or 1, not allowed")
                    continue
                if code in out:
                    # Repeated keys are the same place under another language's name (BEBRU
                    # Brussel/Bruxelles): keep the first name, merge the function flags.
                    old = out[code]
                    merged = "".join(a if a != "-" else b for a, b in zip(old[2], function, strict=True))
                    out[code] = (old[0], old[1] or subdivision, merged)
                    notes.append(f"merged repeated {code}: {old[0]!r} / {name!r}")
                    continue
                out[code] = (name, subdivision, function)
    return out, notes


def read_hs(path: Path) -> list[tuple[str, str, str]]:
    rows: list[tuple[str, str, str]] = []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for lineno, rec in enumerate(csv.DictReader(fh), start=2):
            code, level = rec["hscode"].strip(), rec["level"].strip()
            if code == "TOTAL":
                continue
            if not (code.isdigit() and len(code) == int(level) and level in {"2", "4", "6"}):
                raise BuildError(f"{path.name} line {lineno}: bad hscode/level {code!r}/{level!r}")
            rows.append((code, level, rec["description"].strip()))
    return rows


def _unterm(name: str) -> str:
    """`Russian Federation (the)` / `the Republic of X` / `Holy See (the) *` -> the plain name."""
    name = name.replace("*", "").strip()
    name = re.sub(r"\s*\(the\)$", "", name)
    return re.sub(r"^the\s+", "", name).strip()


def read_countries(path: Path) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for lineno, rec in enumerate(csv.DictReader(fh), start=2):
            a2 = rec["ISO3166-1-Alpha-2"].strip()  # read as text: Namibia is "NA"
            a3 = rec["ISO3166-1-Alpha-3"].strip()
            if not (re.fullmatch(r"[A-Z]{2}", a2) and re.fullmatch(r"[A-Z]{3}", a3)):
                raise BuildError(f"{path.name} line {lineno}: bad alpha-2/alpha-3 {a2!r}/{a3!r}")
            numeric = rec["ISO3166-1-numeric"].strip().zfill(3)
            name_en = rec["official_name_en"].strip() or rec["CLDR display name"].strip()
            name_ru = rec["official_name_ru"].strip() or _unterm(rec["UNTERM Russian Short"])
            others = [
                rec["CLDR display name"],
                _unterm(rec["UNTERM English Short"]),
                _unterm(rec["UNTERM English Formal"]),
                _unterm(rec["UNTERM Russian Short"]),
                _unterm(rec["UNTERM Russian Formal"]),
            ]
            aliases: list[str] = []
            for alias in (o.strip() for o in others):
                if alias and alias not in {name_en, name_ru} and alias not in aliases:
                    aliases.append(alias)
            lldc = "1" if rec["Land Locked Developing Countries (LLDC)"].strip() else "0"
            landlocked = "1" if lldc == "1" or a2 in LANDLOCKED_NOT_LLDC else "0"
            rows.append((a2, a3, numeric, name_en, name_ru, lldc, landlocked, "|".join(aliases)))
    return sorted(rows)


def read_chpl(path: Path, hs6: set[str]) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for lineno, rec in enumerate(csv.DictReader(fh), start=2):
            code, tier = rec["hs6"].strip(), rec["tier"].strip()
            if code not in hs6 or tier not in {"1", "2", "3A", "3B", "4A", "4B"}:
                raise BuildError(f"{path.name} line {lineno}: unknown HS-6 {code!r} or tier {tier!r}")
            rows.append((code, tier))
    return rows


def write_gz_csv(path: Path, header: list[str], rows: Iterable[Iterable[str]]) -> int:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    data = buf.getvalue().encode("utf-8")
    with path.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
        gz.write(data)
    return path.stat().st_size


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_sources(out: Path, src: Path, counts: dict[str, int], notes: list[str]) -> None:
    taken = dt.datetime.fromtimestamp((src / "unlocode.csv").stat().st_mtime, dt.UTC).date()
    lines = [
        "# Sources of the shipped code lists",
        "",
        "Written by `scripts/build_refdata.py`; do not edit by hand. The product reads only the",
        "`*.csv.gz` files in this folder.",
        "",
        f"Source copy dated {taken.isoformat()} (`shared/refdata`, see its README).",
        "",
        "| shipped file | what | rows | source | licence | source sha256 |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    shipped = {
        "unlocode.csv": "unlocode.csv.gz",
        "hs2022.csv": "hs2022.csv.gz",
        "country-codes.csv": "countries.csv.gz",
        "chpl.csv": "chpl.csv.gz",
    }
    for name, (what, where, licence) in SOURCES.items():
        digest = sha256(src / name)[:16]
        lines.append(f"| {shipped[name]} | {what} | {counts[name]:,} | {where} | {licence} | `{digest}` |")
    lines += [
        "",
        "## Editions",
        "",
        "- HS: the 2022 edition of the Harmonized System. The source also carries `99`/`9999`/`999999`",
        '  ("commodities not specified according to kind", a trade-statistics code); they are kept so',
        "  that the list agrees with its source.",
        "- CHPL: the February 2024 version of the Common High Priority List.",
        "- UN/LOCODE: the edition published in the geoapify repository at the time of the copy; the",
        "  copy does not state the UNECE release number.",
        "",
        "## Columns",
        "",
        "- `unlocode.csv.gz`: code, name (`nameWoDiacritics`), subdivision, function (position 1 = port).",
        "- `hs2022.csv.gz`: hscode (2, 4 or 6 digits), level, description.",
        "- `countries.csv.gz`: alpha2, alpha3, numeric, name_en, name_ru, lldc (UN LLDC flag from the",
        "  source), landlocked (LLDC plus the 12 landlocked states that are not developing countries:",
        f"  {', '.join(sorted(LANDLOCKED_NOT_LLDC))}), aliases (other English/Russian UN names, `|`).",
        "- `chpl.csv.gz`: hs6, tier.",
        "",
        "## Repairs made while building",
        "",
        "- unlocode: names with a comma were split by bad quoting and are rejoined; records glued onto",
        "  the previous line (missing newline between country files) are separated; repeated keys keep",
        "  the first name and merge the function flags; codes using the digits 0/1 (not allowed by the",
        "  UN/LOCODE rules) are dropped. About 20 names in the source already hold U+FFFD (lost accents)",
        "  and are shipped as they are.",
        "",
        "Notes from the last build:",
        "",
    ]
    merged = [n for n in notes if n.startswith("merged")]
    lines += [f"- {n}" for n in notes if not n.startswith("merged")]
    lines.append(
        f"- merged {len(merged)} repeated codes (e.g. {merged[0].split(': ', 1)[1]})" if merged else ""
    )
    (out / "SOURCES.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def build(src: Path, out: Path) -> dict[str, int]:
    for name in SOURCES:
        if not (src / name).is_file():
            raise BuildError(f"missing source file {src / name}")
    locodes, notes = read_unlocode(src / "unlocode.csv")
    hs = read_hs(src / "hs2022.csv")
    countries = read_countries(src / "country-codes.csv")
    chpl = read_chpl(src / "chpl.csv", {c for c, level, _ in hs if level == "6"})

    sizes = {
        "unlocode.csv.gz": write_gz_csv(
            out / "unlocode.csv.gz",
            ["code", "name", "subdivision", "function"],
            ((code, *locodes[code]) for code in sorted(locodes)),
        ),
        "hs2022.csv.gz": write_gz_csv(out / "hs2022.csv.gz", ["hscode", "level", "description"], hs),
        "countries.csv.gz": write_gz_csv(
            out / "countries.csv.gz",
            ["alpha2", "alpha3", "numeric", "name_en", "name_ru", "lldc", "landlocked", "aliases"],
            countries,
        ),
        "chpl.csv.gz": write_gz_csv(out / "chpl.csv.gz", ["hs6", "tier"], chpl),
    }
    counts = {
        "unlocode.csv": len(locodes),
        "hs2022.csv": len(hs),
        "country-codes.csv": len(countries),
        "chpl.csv": len(chpl),
    }
    write_sources(out, src, counts, notes)
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    env = os.environ.get("CONSIGNET_SHARED_REFDATA")
    parser.add_argument("--src", type=Path, default=Path(env) if env else DEFAULT_SRC)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    try:
        sizes = build(args.src, args.out)
    except (BuildError, OSError, KeyError) as exc:
        print(f"build_refdata: {exc}", file=sys.stderr)
        return 1
    for name, size in sizes.items():
        print(f"{name:18} {size / 1024:8.1f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
