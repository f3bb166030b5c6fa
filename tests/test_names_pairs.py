"""The labelled name-pair set: F1 of the shipped ``compare`` decisions beside a plain rapidfuzz baseline.

tests/data/name_pairs.csv was written by hand (spellings as officers write them, not produced by the
matcher): companies and persons, Cyrillic / Latin / Georgian / Arabic script, legal forms, typos and
different-but-similar names. The thresholds are the shipped ones; nothing here tunes them.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from consignet.resolution import compare

PAIRS = Path(__file__).parent / "data" / "name_pairs.csv"


def _rows() -> list[dict[str, str]]:
    with PAIRS.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _f1(predicted: list[bool], rows: list[dict[str, str]]) -> tuple[float, float, float]:
    truth = [r["label"] == "match" for r in rows]
    tp = sum(p and t for p, t in zip(predicted, truth, strict=True))
    fp = sum(p and not t for p, t in zip(predicted, truth, strict=True))
    fn = sum(t and not p for p, t in zip(predicted, truth, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, (2 * precision * recall / (precision + recall) if precision + recall else 0.0)


def test_pair_set_is_large_and_balanced() -> None:
    rows = _rows()
    assert list(rows[0]) == ["name1", "name2", "schema", "label"]
    assert len(rows) >= 300
    assert {r["schema"] for r in rows} == {"Company", "Person"}
    assert {r["label"] for r in rows} == {"match", "no-match"}
    assert sum(r["label"] == "no-match" for r in rows) >= 100
    cyrillic = sum(any("\u0400" <= c <= "\u04ff" for c in r["name1"] + r["name2"]) for r in rows)
    assert cyrillic >= 80


def test_shipped_decisions_beat_the_rapidfuzz_baseline(capsys: pytest.CaptureFixture[str]) -> None:
    rows = _rows()
    ours = [compare(r["name1"], r["name2"], r["schema"]).decision == "match" for r in rows]
    baseline = [fuzz.token_sort_ratio(r["name1"].lower(), r["name2"].lower()) >= 90 for r in rows]
    p, r, f1 = _f1(ours, rows)
    bp, br, bf1 = _f1(baseline, rows)
    with capsys.disabled():
        print(
            f"\nname pairs ({len(rows)}): shipped P={p:.3f} R={r:.3f} F1={f1:.3f}; "
            f"baseline token_sort_ratio>=90 P={bp:.3f} R={br:.3f} F1={bf1:.3f}"
        )
    assert f1 >= 0.90
    assert p >= 0.95  # a "match" must be trustworthy; uncertain pairs go to "unsure"
    assert f1 > bf1 + 0.3


@pytest.mark.parametrize("schema", ["Company", "Person"])
def test_each_schema_does_well(schema: str) -> None:
    rows = [r for r in _rows() if r["schema"] == schema]
    ours = [compare(r["name1"], r["name2"], schema).decision == "match" for r in rows]
    assert _f1(ours, rows)[2] >= 0.85


def test_compare_explains_and_decides() -> None:
    c = compare("ТОО «Шелковый путь»", "SHELKOVYY PUT LLP", "Company")
    assert c.decision == "match" and c.score > 0.88
    assert c.explanation[0].name == "name" and "same after transliteration" in c.explanation[0].detail
    assert compare("Восток Транс", "Восток Трейд").decision == "no-match"
    assert compare("Каримов У.", "Karimov Ulugbek", "Person").decision == "unsure"
    different_forms = compare("Lombarda Alimentari S.r.l.", "Lombarda Alimentari S.p.A.")
    assert any(f.name == "legal_form" for f in different_forms.explanation)
