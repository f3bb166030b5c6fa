"""The generated sample through ingest and the analysis: the planted networks rank first and sit in their
own communities, seized actors raise alerts, and both stores give the same communities and scores.

The quality measured on a fresh seed and a bigger sample is bench/risk.py's job; here the sample of the
test run (600 consignments, seed 7) guards against a regression."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from consignet.analysis import alerts, service
from consignet.analysis.evaluate import evaluate
from consignet.ingest.pipeline import ingest, jobs_from_paths
from consignet.scope import Viewer
from consignet.store.base import GraphStore


def _ingest(store: GraphStore, sample_dir: Path, tmp_path: Path) -> dict:
    """Ingest refreshes communities, scores and alerts itself (its summary says what it found)."""
    summary = ingest(store, jobs_from_paths([sample_dir], None), tmp_path / "rejects")
    assert summary.analysis is not None
    return summary.analysis


def test_planted_networks_rank_first(embedded_store: GraphStore, sample_dir: Path, tmp_path: Path) -> None:
    summary = _ingest(embedded_store, sample_dir, tmp_path)
    truth = json.loads((sample_dir / "truth.json").read_text(encoding="utf-8"))
    result = evaluate(embedded_store, truth)
    assert result["precision_at_k"] >= 0.7
    assert result["precision_at_k"] >= result["baseline_chpl_count_precision_at_k"] + 0.1
    assert result["mean_share_in_largest_community"] >= 0.7
    # the suppliers of every planted network are among the first ten
    suppliers = result["ranks_by_role"]["supplier"]
    assert len(suppliers) >= len(truth["networks"]) and max(suppliers[:len(truth["networks"])]) <= 10
    # the generator seizes network consignments: their parties' later records are alerts
    assert summary["alerts"] > 0
    kinds = {a["kind"] for a in alerts.list_alerts(embedded_store, Viewer.all(), limit=1000)["items"]}
    assert "seized_actor" in kinds


@pytest.mark.neo4j
def test_both_stores_give_the_same_answers(embedded_store: GraphStore, neo4j_store: GraphStore, sample_dir: Path,
                                           tmp_path: Path) -> None:
    for store in (embedded_store, neo4j_store):
        _ingest(store, sample_dir, tmp_path)
    for viewer in (Viewer.all(), Viewer("KZ")):
        a, b = service.get_model(embedded_store, viewer), service.get_model(neo4j_store, viewer)
        assert a.communities.members == b.communities.members
        assert a.ranking == b.ranking
        assert a.actor_score == pytest.approx(b.actor_score)
        assert {k: [c.indicator for c in v] for k, v in a.consignment.items()} == {
            k: [c.indicator for c in v] for k, v in b.consignment.items()}
