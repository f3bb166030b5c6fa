"""JSON arrays of objects and NDJSON (one object per line)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from consignet.errors import InputError

from ..profile import Profile
from .base import RawRow, SourceFile, clean_header_cell, is_empty

# NDJSON has no header: its columns are the keys seen in the first records.
HEADER_SCAN = 1000


def flatten(obj: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested objects become dotted keys (``{"consignee": {"name": ..}}`` -> ``consignee.name``), so a
    profile can map them like columns. Lists are kept as lists."""
    out: dict[str, Any] = {}
    for key, value in obj.items():
        name = f"{prefix}{clean_header_cell(key)}"
        if isinstance(value, dict):
            out.update(flatten(value, f"{name}."))
        else:
            out[name] = value
    return out


def sniff_json_kind(text: str) -> str:
    """``json`` (one document: an array, or an object wrapping one) or ``ndjson`` (an object per line)."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith("{"):
        first = stripped.split("\n", 1)[0].strip()
        try:
            obj = json.loads(first)
        except json.JSONDecodeError:
            return "json"
        # {"records": [{...}, ...]} on one line is a wrapped array, not a one-line NDJSON file.
        lists = [v for v in obj.values() if isinstance(v, list)] if isinstance(obj, dict) else []
        if len(lists) == 1 and lists[0] and all(isinstance(x, dict) for x in lists[0]):
            return "json"
        return "ndjson"
    return "json"


def _union(keys: list[str], seen: set[str], obj: dict[str, Any]) -> None:
    for key in obj:
        if key not in seen:
            seen.add(key)
            keys.append(key)


class JsonSource(SourceFile):
    """A JSON document: an array of objects, or an object with one array of objects (``{"records": [..]}``).

    JSON has no streaming parser in the stdlib, so the document is loaded once per pass.
    """

    def __init__(self, path: Path, profile: Profile, encoding: str) -> None:
        self._enc = encoding
        items = self._load(path)
        keys: list[str] = []
        seen: set[str] = set()
        for obj in items:
            _union(keys, seen, obj)
        if not keys:
            raise InputError(f"{path.name}: the JSON array holds no records")
        super().__init__(path, profile, format="json", header=keys, encoding=encoding)

    def _load(self, path: Path) -> list[dict[str, Any]]:
        name = path.name
        try:
            doc = json.loads(path.read_text(encoding=self._enc))
        except json.JSONDecodeError as exc:
            raise InputError(f"{name}: line {exc.lineno} column {exc.colno}: bad JSON ({exc.msg})") from exc
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: bytes that are not {self._enc}; set encoding: in the profile") from exc
        except OSError as exc:
            raise InputError(f"{name}: cannot read the file: {exc.strerror or exc}") from exc
        if isinstance(doc, dict):
            lists = [v for v in doc.values() if isinstance(v, list)]
            if len(lists) != 1:
                raise InputError(f"{name}: expected a JSON array of objects (or an object holding one array)")
            doc = lists[0]
        if not isinstance(doc, list):
            raise InputError(f"{name}: expected a JSON array of objects, found {type(doc).__name__}")
        out = []
        for index, obj in enumerate(doc, start=1):
            if not isinstance(obj, dict):
                raise InputError(f"{name}: element {index} is {type(obj).__name__}, not an object")
            out.append(flatten(obj))
        return out

    def rows(self) -> Iterator[RawRow]:
        rename = dict(zip(self.header, self.keys, strict=True))
        for index, obj in enumerate(self._load(self.path), start=1):
            row = _row(self, rename, index, obj)
            if row is not None:
                yield row


class NdjsonSource(SourceFile):
    def __init__(self, path: Path, profile: Profile, encoding: str) -> None:
        self._enc = encoding
        keys: list[str] = []
        seen: set[str] = set()
        for count, (_line, obj) in enumerate(self._objects(path), start=1):
            _union(keys, seen, obj)
            if count >= HEADER_SCAN:
                break
        if not keys:
            raise InputError(f"{path.name}: the file holds no JSON objects")
        super().__init__(path, profile, format="ndjson", header=keys, encoding=encoding)

    def _objects(self, path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
        name = path.name
        try:
            fh = path.open("r", encoding=self._enc)
        except OSError as exc:
            raise InputError(f"{name}: cannot read the file: {exc.strerror or exc}") from exc
        with fh:
            line_no = 0
            try:
                for line_no, line in enumerate(fh, start=1):  # noqa: B007 - line_no is used after the loop
                    text = line.strip().lstrip("\ufeff")
                    if not text:
                        continue
                    try:
                        obj = json.loads(text)
                    except json.JSONDecodeError as exc:
                        raise InputError(f"{name}: line {line_no}: bad JSON ({exc.msg})") from exc
                    if not isinstance(obj, dict):
                        raise InputError(f"{name}: line {line_no}: {type(obj).__name__}, not a JSON object")
                    yield line_no, flatten(obj)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{name}: line {line_no + 1}: bytes that are not {self._enc}; set encoding: in the profile"
                ) from exc

    def rows(self) -> Iterator[RawRow]:
        rename = dict(zip(self.header, self.keys, strict=True))
        for line_no, obj in self._objects(self.path):
            row = _row(self, rename, line_no, obj)
            if row is not None:
                yield row


def _row(source: SourceFile, rename: dict[str, str], number: int, obj: dict[str, Any]) -> RawRow | None:
    if all(is_empty(v) for v in obj.values()):
        return None
    # Keys of the header are always present (None when the object lacks them); later keys are kept too.
    values = {key: None for key in source.keys}
    for key, value in obj.items():
        values[rename.get(key, key)] = value
    return RawRow(number, values)
