"""The generation run: one global, day-ordered stream of consignments written to every source's files."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..profile import Profile
from .actors import YEAR_START, Population
from .cells import Formatter
from .lanes import LANES, pick_lane
from .networks import Network, Planter, decoy_group
from .render import Mention, RowBuilder
from .seizures import place_in, seizure_row
from .shipments import Consignment, Fleet, background
from .sources import SEIZURE_SOURCES, SOURCES, SourceSpec
from .truth import Truth
from .writers import Writer, open_writer

BAD_RATE = 0.03  # share of background rows given one defect
DUP_SAME_FILE = 0.006  # share of rows repeated a few rows later in the same file
DUP_RESENT = 0.004  # share of rows re-sent at the start of the source's next file
XLSX_SOFT_CAP = 40_000  # above this an XLSX source grows slowly (XLSX is slow to write and to read)


@dataclass
class FileEntry:
    path: str
    profile: str
    country: str
    format: str
    rows: int = 0


@dataclass
class SourceState:
    spec: SourceSpec
    profile: Profile
    builder: RowBuilder
    periods: int
    period: int = -1
    writer: Writer | None = None
    file: str = ""
    serial: int = 0
    pending: list[tuple[int, list[Any], str, int, list[Mention], str]] = field(default_factory=list)
    resend: list[tuple[list[Any], str, int, list[Mention], str]] = field(default_factory=list)
    files: list[FileEntry] = field(default_factory=list)


class Run:
    def __init__(self, out_dir: Path, consignments: int, seed: int) -> None:
        self.out_dir, self.n, self.seed = out_dir, consignments, seed
        self.rng = random.Random(f"{seed}:rows")
        self.pop = Population(random.Random(f"{seed}:actors"))
        self.pop.populate(max(150, int(10 * consignments ** 0.55)))
        self.fleet = Fleet(random.Random(f"{seed}:fleet"))
        self.truth = Truth(out_dir)
        self.states: dict[str, SourceState] = {}
        self.seize_pool: dict[str, list[Consignment]] = {"KZ": [], "GE": []}
        n_networks = max(2, round(consignments ** 0.3 / 2))
        reps = 1 + int(math.log10(max(consignments, 200) / 200))
        planter = Planter(self.pop, self.fleet, random.Random(f"{seed}:networks"), reps)
        self.networks: list[Network] = [planter.network(k + 1) for k in range(n_networks)]
        self.decoys = [decoy_group(self.pop, random.Random(f"{seed}:decoys"))]
        for spec in SOURCES:
            expected = consignments * spec.weight
            self.states[spec.country] = SourceState(spec, spec.loaded, RowBuilder(spec, spec.loaded),
                                                    4 if expected >= 2000 else 2)

    # -- planning ------------------------------------------------------------------------------------
    def _counts(self, total: int) -> dict[str, int]:
        weights = {}
        for spec in SOURCES:
            share = spec.weight * total
            if spec.loaded.format == "xlsx" and share > XLSX_SOFT_CAP:
                share = XLSX_SOFT_CAP + 0.05 * (share - XLSX_SOFT_CAP)
            weights[spec.country] = share
        scale = total / sum(weights.values())
        raw = {cc: w * scale for cc, w in weights.items()}
        counts = {cc: int(v) for cc, v in raw.items()}
        for cc in sorted(raw, key=lambda c: raw[c] - counts[c], reverse=True)[: total - sum(counts.values())]:
            counts[cc] += 1
        return counts

    def events(self) -> list[tuple[int, int, Any]]:
        planned = [(p.cons.dep, p) for net in self.networks for p in net.plans]
        planted_rows = sum(len(p.reporters) for _, p in planned)
        counts = self._counts(max(0, self.n - planted_rows))
        order = {spec.country: i for i, spec in enumerate(SOURCES)}
        keys: list[int] = []
        for cc, count in counts.items():
            days = random.Random(f"{self.seed}:days:{cc}")
            keys.extend(int(days.random() * 365) * 16 + order[cc] for _ in range(count))
        keys.sort()
        out: list[tuple[int, int, Any]] = [(k // 16, 1, SOURCES[k % 16]) for k in keys]
        out += [((d - YEAR_START).days, 0, p) for d, p in planned]
        out.sort(key=lambda e: (e[0], e[1]))  # stable: planted first on their day, then background
        return out

    # -- writing -------------------------------------------------------------------------------------
    def _open(self, st: SourceState, dep: date) -> None:
        # Files are periods of the year by departure; a late planted leg departing in January next year
        # belongs to the last file (it was declared in December), never to a reopened first one.
        month = dep.month if dep.year == YEAR_START.year else 12 if dep > YEAR_START else 1
        period = (month - 1) // (12 // st.periods)
        if period == st.period and st.writer:
            return
        if period < st.period:
            raise RuntimeError(f"{st.spec.profile}: records out of order ({dep})")
        self._close(st)
        st.period = period
        suffix = f"q{period + 1}" if st.periods == 4 else f"h{period + 1}"
        st.file = f"{st.spec.file_stem}_{suffix}.{st.spec.ext}"
        st.writer = open_writer(self.out_dir / st.file, st.profile)
        st.files.append(FileEntry(st.file, f"profiles/{st.spec.profile}.yaml", st.spec.country, st.profile.format))
        resend, st.resend = st.resend, []
        for cells, of_file, of_row, mentions, rid in resend:
            self._write_copy(st, cells, of_file, of_row, mentions, rid, "resent")

    def _close(self, st: SourceState) -> None:
        if st.writer is None:
            return
        for _, cells, of_file, of_row, mentions, rid in st.pending:
            self._write_copy(st, cells, of_file, of_row, mentions, rid, "same_file")
        st.pending = []
        st.files[-1].rows = st.writer.rows
        st.writer.close()
        st.writer = None

    def _write_copy(self, st: SourceState, cells: list[Any], of_file: str, of_row: int, mentions: list[Mention],
                    rid: str, kind: str) -> None:
        assert st.writer is not None
        row = st.writer.write(cells)
        self.truth.duplicate(st.file, row, of_file, of_row, kind)
        for role, name, actor in mentions:
            self.truth.mention(st.file, row, rid, role, name, actor, st.spec.country)

    def emit(self, st: SourceState, cons: Consignment, planted: bool = False, forwarded_by: str | None = None,
             record_id: str | None = None) -> tuple[str, str, int, str]:
        rng, spec = self.rng, st.spec
        self._open(st, cons.dep)
        assert st.writer is not None
        due = [p for p in st.pending if p[0] <= st.writer.rows]
        if due:
            st.pending = [p for p in st.pending if p[0] > st.writer.rows]
            for _, cells, of_file, of_row, mentions, rid in due:
                self._write_copy(st, cells, of_file, of_row, mentions, rid, "same_file")
        if record_id is None:
            st.serial += 1
            record_id = spec.record_id(st.serial, cons.dep, rng)
        values, mentions = st.builder.build(cons, record_id, rng, forwarded_by)
        clean = not planted and forwarded_by is None
        defect = st.builder.spoil(values, cons, rng) if clean and rng.random() < BAD_RATE else None
        cells = [values[f] for f in st.builder.fields]
        row = st.writer.write(cells)
        for role, name, actor in mentions:
            self.truth.mention(st.file, row, record_id, role, name, actor, spec.country)
        if defect:
            self.truth.bad_row(st.file, row, *defect)
        emission = (spec.profile, st.file, row, record_id)
        cons.emissions.append(emission)
        if clean and defect is None:
            r = rng.random()
            if r < DUP_SAME_FILE:
                st.pending.append((st.writer.rows + rng.randint(1, 25), cells, st.file, row, mentions, record_id))
            elif r < DUP_SAME_FILE + DUP_RESENT:
                st.resend.append((cells, st.file, row, mentions, record_id))
        return emission

    def _forward(self, st: SourceState, cons: Consignment, emission: tuple[str, str, int, str]) -> None:
        """Alyat (AZ) passes ferry records to Turkmenbashi (TM); KZ passes KG-bound records to KG."""
        rng = self.rng
        to = None
        if st.spec.country == "AZ" and "TMKRW" in (cons.pol, cons.pod, *cons.tss) and rng.random() < 0.3:
            to = "TM"
        elif st.spec.country == "KZ" and cons.parties["consignee"].country == "KG" and rng.random() < 0.25:
            to = "KG"
        if to:
            target = self.states[to]
            copy = self.emit(target, cons, forwarded_by=st.spec.country, record_id=emission[3])
            self.truth.forward(copy[1], copy[2], emission[3], st.spec.country, emission)

    def run(self, progress: bool) -> list[FileEntry]:
        events = self.events()
        console = Console(stderr=True)
        with Progress(TextColumn("consignet generate"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=console, disable=not progress, transient=False) as bar:
            task = bar.add_task("rows", total=len(events))
            for i, (day, kind, item) in enumerate(events):
                if kind == 0:
                    for cc in item.reporters:
                        self.emit(self.states[cc], item.cons, planted=True)
                else:
                    self._background(self.states[item.country], day)
                if i % 2000 == 0:
                    bar.update(task, completed=i)
            bar.update(task, completed=len(events))
        for st in self.states.values():
            self._close(st)
        files = [f for spec in SOURCES for f in self.states[spec.country].files]
        files += self._seizures()
        self.truth.write(self.pop.actors, self.networks, self.decoys)
        return files

    def _background(self, st: SourceState, day: int) -> None:
        rng = self.rng
        dep = YEAR_START + timedelta(days=day)
        cons = background(pick_lane(rng, LANES[st.spec.country]), dep, st.spec.country, self.pop, self.fleet, rng)
        if st.spec.country == "TJ":
            r = rng.random()
            cons.scope_kind = "originator" if r < 0.05 else "countries" if r < 0.09 else "network"
            if cons.scope_kind == "countries":
                cons.scope_countries = sorted(rng.sample(["KZ", "UZ", "KG", "TM", "AZ"], 2))
        emission = self.emit(st, cons)
        self._forward(st, cons, emission)
        for cc, pool in self.seize_pool.items():  # two background seizures per country, spring and autumn
            if cons.containers and len(pool) < 2 and day >= (60 if not pool else 200) and place_in(cons, cc):
                pool.append(cons)

    def _seizures(self) -> list[FileEntry]:
        rng = random.Random(f"{self.seed}:seizures")
        jobs: dict[str, list[tuple[Consignment, str]]] = {"KZ": [], "GE": []}
        for net in self.networks:
            for cons, cc in net.seized:
                jobs[cc].append((cons, rng.choice(("dual", "false"))))
        for cc, pool in self.seize_pool.items():
            jobs[cc] += [(cons, rng.choice(("drugs", "fake"))) for cons in pool]
        entries = []
        for cc, items in jobs.items():
            if not items:
                continue
            spec = SEIZURE_SOURCES[cc]
            prof = spec.loaded
            fmt, fields = Formatter(spec, prof), list(prof.columns.values())
            path = f"{spec.file_stem}.{spec.ext}"
            writer = open_writer(self.out_dir / path, prof)
            for serial, (cons, kind) in enumerate(sorted(items, key=lambda it: it[0].arr), start=1):
                values, record_id = seizure_row(spec, fmt, fields, serial, cons, kind, rng)
                row = writer.write([values[f] for f in fields])
                self.truth.seizure(path, row, record_id, cons, cc)
            writer.close()
            entries.append(FileEntry(path, f"profiles/{spec.profile}.yaml", cc, prof.format, writer.rows))
        return entries


def all_specs() -> list[SourceSpec]:
    return [*SOURCES, *SEIZURE_SOURCES.values()]
