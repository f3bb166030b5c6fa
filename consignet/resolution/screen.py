"""Screen resolved actors against a watch list (FollowTheMoney JSON lines, or CSV name/identifiers/country).

Same name matching and thresholds as ``resolve``: candidates come from the same name blocks, a shared
identifier is decisive, a different country counts against. Every hit carries its evidence.
"""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from consignet.errors import InputError
from consignet.names import name_similarity, parse_name

from .blocking import _deletions, _words, name_block_keys, rarest_word
from .config import DEFAULT_CONFIG, ResolutionConfig, decide, name_points, points_to_score
from .types import ActorSummary, Feature

_ID_PROPS = ("taxNumber", "registrationNumber", "innCode", "vatCode", "idNumber", "ogrnCode", "leiCode")
_NAME_PROPS = ("name", "alias", "previousName", "weakAlias")


@dataclass(slots=True)
class WatchlistEntry:
    entry_id: str
    names: list[str]
    identifiers: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    schema: str | None = None


@dataclass(slots=True)
class ScreenHit:
    actor_id: str
    entry_id: str
    score: float
    decision: str
    evidence: list[Feature]


def _digits(value: str) -> str:
    return re.sub(r"[^0-9A-Za-z]", "", value).upper()


def load_watchlist(path: str | Path) -> list[WatchlistEntry]:
    """Read FollowTheMoney entities (``.json``/``.jsonl``/``.ftm``) or a CSV with columns ``name``,
    ``identifiers`` (``;``-separated), ``country`` (and optionally ``id``, ``schema``)."""
    path = Path(path)
    entries: list[WatchlistEntry] = []
    try:
        with path.open(encoding="utf-8-sig") as fh:
            if path.suffix.lower() == ".csv":
                reader = csv.DictReader(fh)
                if not reader.fieldnames or "name" not in reader.fieldnames:
                    raise InputError(f"{path}: a watch-list CSV needs a 'name' column")
                for row_no, row in enumerate(reader, start=2):
                    if not (row.get("name") or "").strip():
                        raise InputError(f"{path}: row {row_no}, field name: empty name")
                    entries.append(
                        WatchlistEntry(
                            entry_id=row.get("id") or f"{path.name}:{row_no}",
                            names=[n.strip() for n in row["name"].split(";") if n.strip()],
                            identifiers=[i.strip() for i in (row.get("identifiers") or "").split(";") if i.strip()],
                            countries=[c.strip().upper() for c in (row.get("country") or "").split(";") if c.strip()],
                            schema=row.get("schema") or None,
                        )
                    )
                return entries
            for line_no, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    data = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"{path}: line {line_no}: not JSON ({exc.msg})") from exc
                props = data.get("properties", {})
                names = [n for p in _NAME_PROPS for n in props.get(p, [])]
                if not names:
                    continue
                entries.append(
                    WatchlistEntry(
                        entry_id=str(data.get("id") or f"{path.name}:{line_no}"),
                        names=names,
                        identifiers=[i for p in _ID_PROPS for i in props.get(p, [])],
                        countries=[
                            c.upper() for p in ("country", "jurisdiction", "nationality") for c in props.get(p, [])
                        ],
                        schema=data.get("schema"),
                    )
                )
    except OSError as exc:
        raise InputError(f"{path}: cannot read watch list: {exc}") from exc
    return entries


def screen(
    actors: Iterable[ActorSummary] | dict[str, ActorSummary],
    entries: list[WatchlistEntry],
    cfg: ResolutionConfig = DEFAULT_CONFIG,
) -> list[ScreenHit]:
    """Hits (``match`` or ``unsure``) of actors against watch-list entries, best first."""
    if isinstance(actors, dict):
        actors = actors.values()
    doc_freq: dict[str, int] = defaultdict(int)
    parsed_entries = [[parse_name(n) for n in e.names] for e in entries]
    for names in parsed_entries:
        for p in names:
            for w in set(p.skeleton):
                doc_freq[w] += 1
    index: dict[str, set[int]] = defaultdict(set)
    by_id: dict[str, set[int]] = defaultdict(set)
    for i, (entry, names) in enumerate(zip(entries, parsed_entries, strict=True)):
        for p in names:
            for key in name_block_keys(p):
                index[key].add(i)
            for word in _words(p):
                for variant in _deletions(word):
                    index["w:" + variant].add(i)
        for ident in entry.identifiers:
            by_id[_digits(ident)].add(i)
    hits: list[ScreenHit] = []
    for actor in actors:
        ids = {_digits(v) for _, v in actor.tax_ids}
        parsed = [parse_name(n) for n in actor.names[:10]]
        candidates = set().union(*(by_id.get(v, set()) for v in ids)) if ids else set()
        for p in parsed:
            for key in name_block_keys(p):
                candidates |= index.get(key, set())
            word = rarest_word(p, doc_freq)
            if word:
                for variant in _deletions(word):
                    candidates |= index.get("w:" + variant, set())
        person = actor.kind == "person"
        for i in sorted(candidates):
            entry = entries[i]
            best = max(
                (name_similarity(p, q, person=person) for p in parsed for q in parsed_entries[i]), key=lambda s: s.score
            )
            points = name_points(best.score, cfg)
            evidence = [Feature("name", entry.names[0], points, f"{best.reason}: {best.detail} ({best.score:.2f})")]
            shared = ids & {_digits(x) for x in entry.identifiers}
            if shared:
                points += cfg.tax_id
                evidence.append(Feature("identifier", min(shared), cfg.tax_id, "same identifier"))
            if actor.countries and entry.countries:
                same = bool(set(actor.countries) & set(entry.countries))
                w = cfg.same_country if same else cfg.other_country
                points += w
                evidence.append(Feature("country", ",".join(entry.countries), w, "listed country"))
            decision = decide(points, cfg)
            if decision != "no-match":
                hits.append(
                    ScreenHit(actor.actor_id, entry.entry_id, round(points_to_score(points), 4), decision, evidence)
                )
    hits.sort(key=lambda h: (-h.score, h.actor_id, h.entry_id))
    return hits
