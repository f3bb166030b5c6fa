"""End-to-end quality: pairwise precision and recall against known truth.

Two sources: the sample written by ``consignet generate`` (read with its shipped mapping profiles
through the ingest readers, the targets are precision >= 0.98 and recall >= 0.93) and this package's
own synthetic mentions. Both are compared with the baseline (exact match on the normalised name).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from consignet.names import parse_name
from consignet.resolution import baseline_clusters, pairwise_scores, resolve
from consignet.resolution.synthetic import generate


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory):
    generator = pytest.importorskip("consignet.ingest.generate")
    from consignet.resolution.sample import load_sample

    out: Path = tmp_path_factory.mktemp("sample")
    generator.generate(out, consignments=3000, seed=42)
    return load_sample(out)


def test_generated_sample_meets_the_targets(sample, capsys: pytest.CaptureFixture[str]) -> None:
    assert len(sample.mentions) > 5000 and sample.unmatched == 0
    result = resolve(sample.mentions)
    pred = {k: v.actor_id for k, v in result.assignments.items()}
    script = {m.mention_id: parse_name(m.name).script for m in sample.mentions}
    scores = pairwise_scores(pred, sample.truth, reporting_country=sample.reporting, script=script, names=sample.names)
    base = pairwise_scores(baseline_clusters(sample.names), sample.truth)
    with capsys.disabled():
        print(
            f"\ngenerated sample ({len(sample.mentions)} mentions): P={scores['precision']} R={scores['recall']} "
            f"F1={scores['f1']}; baseline P={base['precision']} R={base['recall']} F1={base['f1']}"
        )
    assert scores["precision"] >= 0.98
    assert scores["recall"] >= 0.93
    assert scores["f1"] > base["f1"] + 0.05
    cross = scores["by_script"]["cyrillic|latin"]
    assert cross["recall"] > 0.7  # across scripts, where the baseline finds almost nothing
    assert scores["worst_false_merges"] and "example" in scores["worst_false_merges"][0]["actors"][0]


def test_synthetic_mentions(capsys: pytest.CaptureFixture[str]) -> None:
    mentions, truth = generate(20000, seed=11)
    result = resolve(mentions)
    scores = pairwise_scores({k: v.actor_id for k, v in result.assignments.items()}, truth)
    base = pairwise_scores(baseline_clusters({m.mention_id: m.name for m in mentions}), truth)
    with capsys.disabled():
        print(
            f"\nsynthetic ({len(mentions)} mentions): P={scores['precision']} R={scores['recall']}; "
            f"baseline P={base['precision']} R={base['recall']}"
        )
    assert scores["precision"] >= 0.98 and scores["recall"] >= 0.93
    assert scores["recall"] > base["recall"] + 0.3
    stats = result.stats
    assert stats.atoms < stats.mentions and stats.atom_pairs_scored < stats.atoms * 10  # blocking, not all pairs
