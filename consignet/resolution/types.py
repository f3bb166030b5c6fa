"""Data exchanged with the resolver. Plain dataclasses; everything in ``ResolutionState`` is JSON-able."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Decision = Literal["match", "unsure", "no-match"]


@dataclass(slots=True)
class MentionInput:
    """One party mention of one record, as the resolver reads it.

    The many-valued fields are tuples: most are empty or hold one value, and an empty tuple is one
    object shared by all, where seven empty lists took ~0.4 KB per mention (0.4 GB of a 1M-mention
    run, held twice while a helper process shares the work; measured in bench/resolution.py). The
    resolver only iterates them, so lists work too; ``from_dict`` gives tuples.
    """

    mention_id: str  # stable id (hash) assigned by ingest
    name: str  # raw name
    kind: str  # "company" | "person" | "unknown"
    country: str | None  # party's own country (alpha-2), may be None
    reporting_country: str  # originator of the record
    role: str  # consignor, consignee, notify, ...
    record_id: str  # consignment node id
    date: str | None  # ISO date of the shipment
    tax_ids: tuple[tuple[str, str], ...]  # (scheme, value) — only validly formed ones
    phones: tuple[str, ...]  # E.164
    emails: tuple[str, ...]
    addresses: tuple[str, ...]  # already cleaned text
    containers: tuple[str, ...]  # ISO 6346 numbers on the same record
    bl_numbers: tuple[str, ...]
    counterparties: tuple[str, ...]  # raw names of the other parties on the same record

    def to_dict(self) -> dict[str, Any]:
        data = {name: getattr(self, name) for name in _SCALARS}
        data["tax_ids"] = [list(t) for t in self.tax_ids]
        data.update((name, list(getattr(self, name))) for name in _SEQUENCES)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MentionInput:
        values = {name: data[name] for name in _SCALARS}
        values["tax_ids"] = tuple(tuple(t) for t in data.get("tax_ids") or ())
        values.update((name, tuple(data.get(name) or ())) for name in _SEQUENCES)
        return cls(**values)


_SCALARS = ("mention_id", "name", "kind", "country", "reporting_country", "role", "record_id", "date")
_SEQUENCES = ("phones", "emails", "addresses", "containers", "bl_numbers", "counterparties")


@dataclass(frozen=True, slots=True)
class Feature:
    """One piece of evidence: ``weight`` is its log-odds contribution (positive = same actor)."""

    name: str  # e.g. "name", "tax_id", "phone", "country", "conflict:tax_id"
    value: str  # what was compared, e.g. "kz.bin 123456789012" or "shelkovi put"
    weight: float
    detail: str = ""


class Assignment:
    """A mention's actor, the confidence of the link that put it there (0..1; 1.0 alone) and the
    evidence for that link.

    The evidence may be given as a function that builds it: a large run has hundreds of thousands
    of links to explain (a fifth of its time, measured), while a caller usually stores the evidence of
    the few assignments that changed. It is built on first access, then kept; the same list either way.
    Until then the function holds the run's explainer (its atoms, scorer and name table): drop a result
    once its evidence has been read or stored.
    """

    __slots__ = ("actor_id", "score", "_evidence", "_build")

    def __init__(
        self,
        actor_id: str,
        score: float,
        evidence: list[Feature] | None = None,
        build: Callable[[], list[Feature]] | None = None,
    ) -> None:
        self.actor_id = actor_id
        self.score = score
        self._evidence = [] if evidence is None and build is None else evidence
        self._build = build

    @property
    def evidence(self) -> list[Feature]:
        if self._evidence is None:
            assert self._build is not None
            self._evidence, self._build = self._build(), None
        return self._evidence

    @evidence.setter
    def evidence(self, value: list[Feature]) -> None:
        self._evidence, self._build = value, None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Assignment):
            return NotImplemented
        return (self.actor_id, self.score, self.evidence) == (other.actor_id, other.score, other.evidence)

    __hash__ = None  # type: ignore[assignment]  # mutable, like the dataclass it replaces

    def __repr__(self) -> str:
        return f"Assignment(actor_id={self.actor_id!r}, score={self.score!r}, evidence={self.evidence!r})"


@dataclass(slots=True)
class ActorSummary:
    actor_id: str
    kind: str
    names: list[str]  # every variant as written, most frequent first
    legal_forms: list[str]
    countries: list[str]  # party countries
    reporting_countries: list[str]
    tax_ids: list[tuple[str, str]]
    phones: list[str]
    emails: list[str]
    mention_count: int


@dataclass(slots=True)
class ReviewPair:
    a: str  # actor id (or mention id)
    b: str
    score: float
    evidence: list[Feature]
    value: float  # how much a decision would connect: records and countries


@dataclass(frozen=True, slots=True)
class Judgement:
    a: str  # mention id or actor id
    b: str
    decision: Literal["confirm", "reject", "unsure"]
    note: str | None = None
    by: str | None = None
    at: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class ResolutionState:
    """What the next incremental run needs. ``to_dict`` gives JSON-able data; ``from_dict`` reads it."""

    version: int = 1
    mentions: dict[str, MentionInput] = field(default_factory=dict)
    mention_actor: dict[str, str] = field(default_factory=dict)
    # actor id -> its anchor: (date or "9999-12-31", mention id) of its oldest mention when created
    anchors: dict[str, tuple[str, str]] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "mentions": [m.to_dict() for m in self.mentions.values()],
            "mention_actor": dict(self.mention_actor),
            "anchors": {k: list(v) for k, v in self.anchors.items()},
            "aliases": dict(self.aliases),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ResolutionState:
        mentions = [MentionInput.from_dict(m) for m in data.get("mentions", [])]
        return cls(
            version=int(data.get("version", 1)),
            mentions={m.mention_id: m for m in mentions},
            mention_actor=dict(data.get("mention_actor", {})),
            anchors={k: (v[0], v[1]) for k, v in data.get("anchors", {}).items()},
            aliases=dict(data.get("aliases", {})),
        )


@dataclass(slots=True)
class ResolutionStats:
    mentions: int = 0
    atoms: int = 0
    name_keys: int = 0
    blocks: int = 0
    blocks_capped: int = 0
    name_pairs_scored: int = 0
    atom_pairs_scored: int = 0
    merges: int = 0
    blocked_conflict: int = 0
    blocked_cohesion: int = 0
    blocked_ambiguous: int = 0
    seconds: dict[str, float] = field(default_factory=dict)  # wall clock per step
    cpu_seconds: dict[str, float] = field(default_factory=dict)  # CPU time of this process per step


@dataclass(slots=True)
class ResolutionResult:
    assignments: dict[str, Assignment]
    actors: dict[str, ActorSummary]
    review: list[ReviewPair]
    aliases: dict[str, str]
    state: ResolutionState
    stats: ResolutionStats = field(default_factory=ResolutionStats)


@dataclass(frozen=True, slots=True)
class Comparison:
    score: float
    decision: Decision
    explanation: list[Feature]
