"""``CONSIGNET_RESOLUTION_WORKERS``: one process or two give the same actors, through a real store."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from consignet.ingest.pipeline import ingest, jobs_from_paths
from consignet.resolve_service import resolve_store
from consignet.settings import Settings, get_settings
from consignet.store.embedded import EmbeddedStore


def test_the_setting_refuses_a_negative_number_of_processes(monkeypatch) -> None:
    monkeypatch.setenv("CONSIGNET_RESOLUTION_WORKERS", "1")
    assert Settings().resolution_workers == 1
    with pytest.raises(ValidationError, match="resolution_workers"):
        Settings(resolution_workers=-1)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_one_or_two_processes_resolve_the_sample_alike(workers, sample_dir: Path, tmp_path: Path, monkeypatch) -> None:
    """The sample is far below the size at which two processes start on their own: forcing two runs
    the helper process (``remote``) through name candidates, comparisons, scoring and clustering."""
    actors: dict[str, dict[str, str]] = {}
    for setting in ("0", workers):  # 0 (automatic) is one process at this size: the reference
        monkeypatch.setenv("CONSIGNET_RESOLUTION_WORKERS", setting)
        get_settings.cache_clear()
        store = EmbeddedStore(tmp_path / f"w{setting}.sqlite")
        try:
            ingest(store, jobs_from_paths([sample_dir], None), tmp_path / f"rejects{setting}", resolve=False)
            summary = resolve_store(store)
            assert summary["mentions"] > 1000 and summary["actors_created"] > 100
            actors[setting] = {r["id"]: r["actor_id"] for r in store.mention_rows(only_unresolved=False)}
        finally:
            store.close()
    get_settings.cache_clear()
    assert actors["0"] == actors[workers]
