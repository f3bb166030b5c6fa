"""Every setting is in the README's configuration table, under its environment variable."""

from __future__ import annotations

import re
from pathlib import Path

from consignet.settings import Settings

README = Path(__file__).resolve().parents[1] / "README.md"


def _documented() -> set[str]:
    """Variables named in the table's first column; ``CONSIGNET_A_B`, `_C`` names ``CONSIGNET_A_C`` too."""
    names: set[str] = set()
    for line in README.read_text(encoding="utf-8").splitlines():
        if not line.startswith("| `CONSIGNET_"):
            continue
        first = line.split("|")[1]
        full = re.findall(r"`(CONSIGNET_[A-Z0-9_]+)`", first)
        names.update(full)
        for suffix in re.findall(r"`(_[A-Z0-9_]+)`", first):
            stem = full[0].rsplit("_", 1)[0]
            names.add(stem + suffix)
    return names


def test_every_setting_is_in_the_readme() -> None:
    variables = [f"CONSIGNET_{name.upper()}" for name in Settings.model_fields]
    missing = [v for v in variables if v not in _documented()]
    assert not missing, f"settings missing from README's configuration table: {missing}"
