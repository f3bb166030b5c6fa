"""The data model, declared once as YAML: canonical record fields and the graph model."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).parent


@cache
def load_yaml(name: str) -> dict[str, Any]:
    with (HERE / name).open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def canonical_fields(record_type: str = "consignment") -> dict[str, dict[str, Any]]:
    """All canonical field names of a record type (party fields expanded per role) with their spec."""
    spec = load_yaml("fields.yaml")
    if record_type not in spec["record_types"]:
        raise KeyError(f"unknown record type {record_type!r}")
    fields = dict(spec[record_type])
    if record_type == "consignment":
        for role in spec["party_roles"]:
            for name, fspec in spec["party_fields"].items():
                fields[f"{role}_{name}"] = {**fspec, "role": role, "party_field": name}
    return fields


def party_roles() -> list[str]:
    return list(load_yaml("fields.yaml")["party_roles"])
