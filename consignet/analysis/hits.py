"""What an indicator finds: a hit on a consignment, or on an actor, with the records behind it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

_WORD = re.compile(r"[^\W_]+(?:['ʻʼ`’][^\W_]+)*")


@dataclass(slots=True)
class Hit:
    """One indicator firing on one consignment. ``related``: other records it rests on (the other legs of a
    relay, the other parts of a split shipment, the other use of a cloned container)."""

    indicator: str
    record: str
    points: float
    detail: str
    related: tuple[str, ...] = ()


@dataclass(slots=True)
class ActorHit:
    """One indicator firing on one actor (company age, forwarder name, shared contact, proximity, community).
    ``records`` are consignment or seizure ids; ``path`` the chain of links of a proximity hit."""

    indicator: str
    actor: str
    points: float
    detail: str
    records: tuple[str, ...] = ()
    path: list[dict[str, Any]] = field(default_factory=list)
    actors: tuple[str, ...] = ()


def words(text: str | None) -> list[str]:
    """Lower-cased words of a free text in any script (apostrophes of Uzbek Latin kept inside words)."""
    return _WORD.findall((text or "").casefold())


def to_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
