"""The Cypher library: every query lives in ``cypher/<area>/<name>.cypher`` and is loaded by name.

Each file starts with a header of ``// key: value`` lines::

    // title: Consignments by reporting country
    // purpose: Count the consignments each member country shared.
    // mode: read
    // param limit (integer): how many rows at most; example: 20

The body follows the header. Files in ``cypher/schema/`` hold several statements separated by ``;``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from consignet.errors import NotFoundError

_PARAM = re.compile(r"^(?P<name>\w+)\s*\((?P<type>[^)]+)\)\s*:\s*(?P<doc>.*?)(?:;\s*example:\s*(?P<ex>.*))?$")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    doc: str
    example: Any = None


@dataclass(frozen=True)
class Query:
    name: str  # "<area>/<name>"
    title: str
    purpose: str
    mode: str  # read | write | schema
    text: str
    params: tuple[Param, ...] = field(default_factory=tuple)
    header: dict[str, str] = field(default_factory=dict)

    @property
    def area(self) -> str:
        return self.name.split("/", 1)[0]

    def statements(self) -> list[str]:
        return [s.strip() for s in self.text.split(";") if s.strip()]

    def example_params(self) -> dict[str, Any]:
        return {p.name: p.example for p in self.params}


def parse(name: str, source: str) -> Query:
    header: dict[str, str] = {}
    params: list[Param] = []
    body: list[str] = []
    in_header = True
    for line in source.splitlines():
        stripped = line.strip()
        if in_header and stripped.startswith("//"):
            content = stripped[2:].strip()
            key, _, value = content.partition(":")
            key = key.strip().lower()
            if key.startswith("param "):
                match = _PARAM.match(key[6:] + ":" + value)
                if match:
                    example = match.group("ex")
                    params.append(Param(match.group("name"), match.group("type").strip(),
                                        match.group("doc").strip(),
                                        json.loads(example) if example else None))
            elif value:
                header[key] = value.strip()
            continue
        if stripped or body:
            in_header = False
            body.append(line)
    return Query(name=name, title=header.get("title", ""), purpose=header.get("purpose", ""),
                 mode=header.get("mode", ""), text="\n".join(body).strip(), params=tuple(params),
                 header=header)


def _root() -> Any:
    return resources.files("consignet.cypher")


@lru_cache(maxsize=1)
def all_queries() -> dict[str, Query]:
    out: dict[str, Query] = {}
    for area in sorted(_root().iterdir(), key=lambda p: p.name):
        if not area.is_dir() or area.name.startswith(("_", ".")):
            continue
        for item in sorted(area.iterdir(), key=lambda p: p.name):
            if item.name.endswith(".cypher"):
                name = f"{area.name}/{item.name[:-7]}"
                out[name] = parse(name, item.read_text(encoding="utf-8"))
    return out


def get(name: str) -> Query:
    try:
        return all_queries()[name]
    except KeyError:
        raise NotFoundError(f"no Cypher query named {name!r}; see GET /queries") from None
