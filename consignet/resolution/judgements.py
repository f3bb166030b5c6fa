"""Analyst judgements, re-applied on every run and never overwritten by the algorithm.

A judgement names two mentions or actors. An actor id (or an alias of one) stands for the actor as the
previous run left it, represented by its anchor mention (or, if that mention has since moved to another
actor, its oldest remaining mention). "confirm" forces the two into one actor; "reject" forbids any
actor from containing both; "unsure" only takes the pair off the review list.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from consignet.errors import InputError

from .atoms import Atom
from .identity import resolve_alias
from .types import Judgement, MentionInput, ResolutionState


@dataclass(slots=True)
class ResolvedJudgements:
    confirms: list[tuple[str, str]] = field(default_factory=list)
    rejects: list[tuple[str, str]] = field(default_factory=list)
    unsure: list[tuple[str, str]] = field(default_factory=list)
    unresolved: list[Judgement] = field(default_factory=list)

    @property
    def isolated(self) -> set[str]:
        return {m for pair in self.confirms + self.rejects for m in pair}

    def _atom_of(self, atoms: list[Atom]) -> dict[str, int]:
        wanted = self.isolated | {m for pair in self.unsure for m in pair}
        if not wanted:
            return {}
        return {m: a.idx for a in atoms for m in a.mention_ids if m in wanted}

    def confirm_atoms(self, atoms: list[Atom]) -> list[tuple[int, int]]:
        where = self._atom_of(atoms)
        return [(where[a], where[b]) for a, b in self.confirms]

    def reject_tags(self, atoms: list[Atom]) -> dict[int, set[tuple[int, int]]]:
        where = self._atom_of(atoms)
        tags: dict[int, set[tuple[int, int]]] = {}
        for j, (a, b) in enumerate(self.rejects):
            tags.setdefault(where[a], set()).add((j, 0))
            tags.setdefault(where[b], set()).add((j, 1))
        return tags

    def judged_mention_pairs(self) -> list[tuple[str, str]]:
        return self.confirms + self.rejects + self.unsure


def resolve_judgements(
    judgements: Sequence[Judgement], previous: ResolutionState | None, mentions: dict[str, MentionInput]
) -> ResolvedJudgements:
    out = ResolvedJudgements()
    members: dict[str, list[str]] | None = None

    def to_mention(ref: str) -> str | None:
        nonlocal members
        if ref in mentions:
            return ref
        if previous is None:
            return None
        actor = resolve_alias(ref, previous.aliases)
        anchor = previous.anchors.get(actor)
        if anchor and anchor[1] in mentions and previous.mention_actor.get(anchor[1]) == actor:
            return anchor[1]
        if members is None:
            members = {}
            for mid, act in previous.mention_actor.items():
                members.setdefault(act, []).append(mid)
        held = [m for m in members.get(actor, []) if m in mentions]
        if not held:
            return None
        return min(held, key=lambda m: (mentions[m].date or "9999-12-31", m))

    for j in judgements:
        if j.decision not in ("confirm", "reject", "unsure"):
            raise InputError(
                f"judgement {j.a} / {j.b}: field decision: {j.decision!r} is not confirm, reject or unsure"
            )
        a, b = to_mention(j.a), to_mention(j.b)
        if a is None or b is None or a == b:
            out.unresolved.append(j)
            continue
        {"confirm": out.confirms, "reject": out.rejects}.get(j.decision, out.unsure).append((a, b))
    return out
