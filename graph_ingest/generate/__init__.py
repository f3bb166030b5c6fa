"""``consignet generate``: a realistic, reproducible sample of shared consignment files.

Writes into OUT_DIR the files of a dozen reporting countries (each in its own format and language),
their mapping profiles, ``manifest.json`` and the ground truth ``truth.json``. Same seed, same bytes
(except the ``created`` time in the manifest).
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel

from ...errors import InputError
from .engine import Run, all_specs
from .sources import PROFILES_DIR

MIN_CONSIGNMENTS = 50
MAX_CONSIGNMENTS = 5_000_000


class ManifestFile(BaseModel):
    path: str  # relative to OUT_DIR
    profile: str  # relative to OUT_DIR
    country: str
    format: str
    rows: int  # data rows (duplicates and forwarded copies included)


class Manifest(BaseModel):
    generator: str = "consignet"
    version: int = 1
    seed: int
    consignments: int
    created: str
    files: list[ManifestFile]
    truth: str = "truth.json"


def generate(out_dir: Path, consignments: int = 2000, seed: int = 42, progress: bool = False) -> Manifest:
    """Write the sample into ``out_dir`` and return its manifest.

    ``consignments`` is the number of distinct consignment records (planted and bad rows included);
    duplicate rows and records forwarded by another country come on top.
    """
    if not MIN_CONSIGNMENTS <= consignments <= MAX_CONSIGNMENTS:
        raise InputError(f"consignments must be between {MIN_CONSIGNMENTS} and {MAX_CONSIGNMENTS:,}, "
                         f"got {consignments}")
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"{out_dir}: not a directory")
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "profiles").mkdir(exist_ok=True)
    for spec in all_specs():
        shutil.copyfile(PROFILES_DIR / f"{spec.profile}.yaml", out_dir / "profiles" / f"{spec.profile}.yaml")
    files = Run(out_dir, consignments, seed).run(progress)
    manifest = Manifest(seed=seed, consignments=consignments,
                        created=datetime.now(UTC).isoformat(timespec="seconds"),
                        files=[ManifestFile(**vars(f)) for f in files])
    (out_dir / "manifest.json").write_text(manifest.model_dump_json(indent=2) + "\n", encoding="utf-8")
    return manifest


__all__ = ["Manifest", "ManifestFile", "generate"]
