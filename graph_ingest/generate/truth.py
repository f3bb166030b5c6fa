"""Ground truth: who each written name really is, which rows are bad or duplicated, what was planted.

Mentions can run to millions, so they are streamed to a scratch file and copied into ``truth.json`` at
the end; everything else is small and kept in memory.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from .actors import Actor
from .networks import Network
from .shipments import Consignment


def ref(emission: tuple[str, str, int, str]) -> dict[str, Any]:
    source, file, row, record_id = emission
    return {"file": file, "row": row, "record_id": record_id, "source": source}


class Truth:
    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.scratch = out_dir / ".truth-mentions.tmp"
        self.fh = self.scratch.open("w", encoding="utf-8")
        self.mentions = 0
        self.bad_rows: list[dict[str, Any]] = []
        self.duplicates: list[dict[str, Any]] = []
        self.forwarded: list[dict[str, Any]] = []
        self.seizures: list[dict[str, Any]] = []

    def mention(self, file: str, row: int, record_id: str, role: str, name: str, actor: Actor, country: str) -> None:
        item = {"file": file, "row": row, "record_id": record_id, "role": role, "name": name, "actor": actor.id,
                "reporting_country": country}
        self.fh.write(("," if self.mentions else "") + "\n    " + json.dumps(item, ensure_ascii=False,
                                                                          separators=(",", ":")))
        self.mentions += 1

    def bad_row(self, file: str, row: int, field: str, reason: str, value: Any) -> None:
        self.bad_rows.append({"file": file, "row": row, "field": field, "reason": reason,
                              "value": value if not hasattr(value, "isoformat") else value.isoformat()})

    def duplicate(self, file: str, row: int, of_file: str, of_row: int, kind: str) -> None:
        self.duplicates.append({"file": file, "row": row, "duplicate_of": {"file": of_file, "row": of_row},
                                "kind": kind})

    def forward(self, file: str, row: int, record_id: str, by: str, original: tuple[str, str, int, str]) -> None:
        self.forwarded.append({"file": file, "row": row, "record_id": record_id, "forwarded_by": by,
                               "original": ref(original)})

    def seizure(self, file: str, row: int, record_id: str, cons: Consignment, seized_in: str) -> None:
        original = next((e for e in cons.emissions if e[0].startswith(seized_in.lower())), cons.emissions[0])
        self.seizures.append({"file": file, "row": row, "record_id": record_id, "consignment": ref(original),
                              "containers": cons.containers, "hs6": cons.hs6, "network": cons.network})

    def write(self, actors: dict[str, Actor], networks: list[Network], decoys: list[list[Actor]]) -> Path:
        self.fh.close()
        path = self.out_dir / "truth.json"
        with path.open("w", encoding="utf-8") as out:
            out.write("{\n")
            out.write(f'  "actors": {_dumps({a.id: a.truth() for a in actors.values()})},\n')
            out.write(f'  "networks": {_dumps([network_truth(n) for n in networks])},\n')
            out.write(f'  "decoys": {_dumps([[a.id for a in group] for group in decoys])},\n')
            out.write(f'  "bad_rows": {_dumps(self.bad_rows)},\n')
            out.write(f'  "duplicates": {_dumps(self.duplicates)},\n')
            out.write(f'  "forwarded": {_dumps(self.forwarded)},\n')
            out.write(f'  "seizures": {_dumps(self.seizures)},\n')
            out.write('  "mentions": [')
            with self.scratch.open(encoding="utf-8") as src:
                shutil.copyfileobj(src, out, 1 << 20)
            out.write("\n  ]\n}\n")
        self.scratch.unlink()
        return path


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def network_truth(net: Network) -> dict[str, Any]:
    tax_ids = [a.tax_id for a in net.actors if a.tax_id]
    return {
        "id": net.id,
        "description": net.description,
        "actors": [a.id for a in net.actors],
        "containers": net.containers,
        "phones": net.phones,
        "addresses": net.addresses,
        "emails": net.emails,
        "tax_ids": tax_ids,
        "decoys": [net.decoy.id] if net.decoy else [],
        "patterns": [{"kind": kind, "description": text,
                      "records": [ref(e) for c in conss for e in c.emissions]} for kind, text, conss in net.patterns],
        "records": [ref(e) for plan in net.plans for e in plan.cons.emissions],
    }
