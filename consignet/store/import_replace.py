"""Records updated inside one bulk load: the import files keep the last version only, as the online store does.

An initial load can carry a record twice with different content (a corrected re-send in a later file). The
online stores replace it: the previous version becomes a ``ConsignmentVersion`` (``PREVIOUS_VERSION``) and
its mentions and outgoing links go. The import files are appended as batches arrive, so the superseded rows
are already written when the update comes; Neo4j's importer would refuse the doubled ids. The writer notes,
for each replaced record, how many rows every file held when the update arrived (its *cut*): the record's
rows before the cut are the old version's. ``drop_superseded`` rewrites the files without them, once, at
the end, and turns each superseded Consignment row into its version node.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from consignet import ids

ARRAY_DELIMITER = "\x1f"  # never in our values; passed to the importer as --array-delimiter
_SCALARS: dict[str, Callable[[str], Any]] = {"long": int, "double": float, "boolean": lambda v: v == "true",
                                             "string": str}


def _value(cell: str, kind: str) -> Any:
    if cell == "":
        return None
    if kind.endswith("[]"):
        return [_SCALARS[kind[:-2]](v) for v in cell.split(ARRAY_DELIMITER)]
    return _SCALARS[kind](cell)


def _rewrite(path: Path, drop: Callable[[int, list[str]], bool], header_out: list[list[str]] | None = None) -> None:
    """Copy ``path`` without the data rows ``drop(index, row)`` selects (0 = first row after the header)."""
    tmp = path.with_suffix(".tmp")
    with path.open(newline="", encoding="utf-8") as src, tmp.open("w", newline="", encoding="utf-8") as dst:
        reader, writer = csv.reader(src), csv.writer(dst)
        header = next(reader)
        if header_out is not None:
            header_out.append(header)
        writer.writerow(header)
        for i, row in enumerate(reader):
            if not drop(i, row):
                writer.writerow(row)
    tmp.replace(path)


def drop_superseded(nodes: dict[str, Any], rels: dict[str, Any], cuts: dict[str, dict[str, int]],
                    ) -> tuple[list[dict[str, Any]], list[tuple[str, str]]]:
    """Rewrite the files of ``nodes``/``rels`` (label or type -> table with ``path``) without the superseded
    rows; return the ConsignmentVersion rows and the PREVIOUS_VERSION links to write instead."""
    versions: list[dict[str, Any]] = []
    links: list[tuple[str, str]] = []
    now = datetime.now(UTC).isoformat()
    if "Consignment" in nodes:
        header: list[list[str]] = []
        table = nodes["Consignment"]

        def old_record(i: int, row: list[str]) -> bool:
            cut = cuts.get(row[0])
            if cut is None or i >= cut.get(table.path.name, 0):
                return False
            cols = header[0]
            props = {c.split(":")[0]: _value(v, c.split(":", 1)[1]) for c, v in zip(cols[2:], row[2:], strict=True)}
            props = {k: v for k, v in props.items() if v is not None}
            vid = ids.node_id("ConsignmentVersion", row[0], props.get("content_hash"))
            versions.append({
                "id": vid, "consignment_id": row[0], "content_hash": props.get("content_hash"),
                "version": props.get("version"), "replaced_at": now,
                "payload": json.dumps(props, ensure_ascii=False, default=str),
                "originator": props.get("originator"), "scope_kind": props.get("scope_kind"),
                "scope_group": props.get("scope_group"), "scope_countries": props.get("scope_countries")})
            links.append((row[0], vid))
            return True

        _rewrite(table.path, old_record, header)
    old_mentions: dict[str, str] = {}  # mention id -> its record, for the mentions of old versions
    if "Mention" in nodes:
        table = nodes["Mention"]
        header = []

        col: list[int] = []  # the consignment_id column, found once from the header

        def old_mention(i: int, row: list[str]) -> bool:
            if not col:
                col.append(next(n for n, c in enumerate(header[0]) if c.split(":")[0] == "consignment_id"))
            cut = cuts.get(row[col[0]])
            if cut is None or i >= cut.get(table.path.name, 0):
                return False
            old_mentions[row[0]] = row[col[0]]
            return True

        _rewrite(table.path, old_mention, header)
    for rel_table in rels.values():
        name = rel_table.path.name

        def old_link(i: int, row: list[str], name: str = name) -> bool:
            owner = row[0] if row[0] in cuts else old_mentions.get(row[0])
            return owner is not None and i < cuts[owner].get(name, 0)

        _rewrite(rel_table.path, old_link)
    return versions, links


def drop_dangling(nodes: dict[str, Any], rels: dict[str, Any], rel_to: dict[str, str]) -> int:
    """Drop links to records the load does not hold (a seizure report naming a consignment no file shared).
    The online writers MATCH the target and skip them; the importer would count each as a bad entry and
    abort past its tolerance. ``rel_to``: link type -> target label, for links between records."""
    dropped = 0
    for rtype, label in rel_to.items():
        if rtype not in rels:
            continue
        held: set[str] = set()
        if label in nodes:
            with nodes[label].path.open(newline="", encoding="utf-8") as fh:
                reader = csv.reader(fh)
                next(reader)
                held = {row[0] for row in reader}

        def dangling(_: int, row: list[str], held: set[str] = held) -> bool:
            nonlocal dropped
            if row[1] in held:
                return False
            dropped += 1
            return True

        _rewrite(rels[rtype].path, dangling)
    return dropped
