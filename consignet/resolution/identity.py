"""Stable actor ids across runs.

A new actor's id is derived from its anchor: the oldest mention (date, then mention id) of the
cluster when the actor first appears. Through ``ResolutionState`` ids survive re-resolution:
- each previous actor id goes to the new cluster holding most of its mentions (ties: the cluster with
  the older anchor), so when a judgement splits an actor, the part keeping most mentions keeps the id;
- a cluster that receives several previous ids keeps the one with the oldest anchor; the others become
  aliases of it (an absorbed id still resolves);
- ids are never reused: a derived id already used or aliased moves on to the next-oldest mention.
Resolving batches in date order gives the same ids as resolving everything at once, because the
oldest mention of a cluster is then always in the earliest batch that saw the actor.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from hashlib import blake2b

from .types import ResolutionState


def derive_id(mention_id: str) -> str:
    return "A" + blake2b(mention_id.encode("utf-8"), digest_size=8).hexdigest()


def resolve_alias(actor_id: str, aliases: dict[str, str]) -> str:
    seen = set()
    while actor_id in aliases and actor_id not in seen:
        seen.add(actor_id)
        actor_id = aliases[actor_id]
    return actor_id


def assign_ids(
    firsts: dict[int, tuple[str, str]],  # root -> the oldest (date, mention id) of its mentions
    members: Callable[[int], list[tuple[str, str]]],  # root -> all its (date, mention id), sorted
    previous: ResolutionState | None,
) -> tuple[dict[int, str], dict[str, tuple[str, str]], dict[str, str]]:
    """Return (root -> actor id, anchors of current ids, aliases). ``members`` is asked only for what
    the oldest mention cannot settle (a previous run's mentions, a derived id already taken): sorting
    every cluster's mentions cost 2.7 s at 1M mentions, for a first run that reads only the oldest."""
    aliases = dict(previous.aliases) if previous else {}
    anchors: dict[str, tuple[str, str]] = dict(previous.anchors) if previous else {}
    prev_of = previous.mention_actor if previous else {}

    holdings: dict[str, Counter[int]] = {}
    for root in firsts if prev_of else ():  # a first run: a million lookups saved
        for _, mention_id in members(root):
            old = prev_of.get(mention_id)
            if old is not None:
                holdings.setdefault(resolve_alias(old, aliases), Counter())[root] += 1

    def order(actor: str) -> tuple[str, str, str]:
        return (*anchors.get(actor, ("9999-12-31", actor)), actor)

    won: dict[int, list[str]] = {}
    for actor in sorted(holdings, key=order):
        count = holdings[actor]
        best = max(count.items(), key=lambda kv: (kv[1], _neg(firsts[kv[0]])))[0]
        won.setdefault(best, []).append(actor)

    ids: dict[int, str] = {}
    used = set(anchors) | set(aliases)
    for root in sorted(firsts, key=firsts.__getitem__):
        mine = won.get(root)
        if mine:
            keep = min(mine, key=order)
            ids[root] = keep
            for other in mine:
                if other != keep:
                    aliases[other] = keep
            continue
        first = firsts[root]
        candidate = derive_id(first[1])
        if candidate in used:  # taken (a split's other part keeps it): the next-oldest mention's
            for anchor in members(root)[1:]:
                candidate = derive_id(anchor[1])
                if candidate not in used:
                    break
        n = 0
        while candidate in used:  # every mention's id is taken (after splits): number the oldest's
            n += 1
            candidate = derive_id(f"{first[1]}#{n}")
        ids[root] = candidate
        anchors[candidate] = first
        used.add(candidate)
    # flatten alias chains so every alias points at a current id
    for old in list(aliases):
        aliases[old] = resolve_alias(old, aliases)
    current = set(ids.values())
    anchors = {k: v for k, v in anchors.items() if k in current or k in aliases}
    return ids, anchors, aliases


def _neg(anchor: tuple[str, str]) -> tuple[int, ...]:
    """Sort key that makes an older anchor win in ``max``."""
    return tuple(-ord(c) for c in anchor[0] + "\x00" + anchor[1])
