"""Pairwise evaluation: counted from the contingency table, checked against brute force."""

from __future__ import annotations

import itertools
import random

from consignet.resolution import baseline_clusters, pairwise_scores


def _brute(pred: dict, truth: dict) -> tuple[int, int, int]:
    keys = sorted(pred)
    tp = pp = tt = 0
    for a, b in itertools.combinations(keys, 2):
        same_pred, same_true = pred[a] == pred[b], truth[a] == truth[b]
        pp += same_pred
        tt += same_true
        tp += same_pred and same_true
    return tp, pp, tt


def test_counts_match_brute_force() -> None:
    rng = random.Random(5)
    for _ in range(20):
        keys = [f"m{i}" for i in range(rng.randint(5, 60))]
        truth = {k: rng.randint(0, 8) for k in keys}
        pred = {k: (truth[k] if rng.random() < 0.7 else rng.randint(0, 8)) for k in keys}
        got = pairwise_scores(pred, truth)
        assert (got["true_positive_pairs"], got["predicted_pairs"], got["true_pairs"]) == _brute(pred, truth)


def test_breakdown_by_country_pair_and_script_adds_up() -> None:
    rng = random.Random(9)
    keys = [f"m{i}" for i in range(200)]
    truth = {k: rng.randint(0, 20) for k in keys}
    pred = {k: truth[k] if rng.random() < 0.8 else 99 for k in keys}
    country = {k: rng.choice(["KZ", "GE", "TR"]) for k in keys}
    script = {k: rng.choice(["latin", "cyrillic"]) for k in keys}
    got = pairwise_scores(pred, truth, reporting_country=country, script=script)
    for breakdown in (got["by_reporting_countries"], got["by_script"]):
        assert sum(v["true_positive_pairs"] for v in breakdown.values()) == got["true_positive_pairs"]
        assert sum(v["predicted_pairs"] for v in breakdown.values()) == got["predicted_pairs"]
        assert sum(v["true_pairs"] for v in breakdown.values()) == got["true_pairs"]
    assert "GE|KZ" in got["by_reporting_countries"] and "cyrillic|latin" in got["by_script"]


def test_worst_false_merges_and_misses_are_named() -> None:
    truth = {"a1": "A", "a2": "A", "a3": "A", "b1": "B", "b2": "B", "c1": "C", "c2": "C"}
    pred = {"a1": 1, "a2": 1, "a3": 2, "b1": 1, "b2": 1, "c1": 3, "c2": 3}
    names = {k: k.upper() for k in truth}
    got = pairwise_scores(pred, truth, names=names)
    assert got["worst_false_merges"][0]["cluster"] == 1
    assert got["worst_false_merges"][0]["false_pairs"] == 4
    assert got["worst_misses"][0]["actor"] == "A" and got["worst_misses"][0]["missed_pairs"] == 2
    assert got["precision"] == round(3 / 7, 4) and got["recall"] == round(3 / 5, 4)


def test_baseline_groups_equal_normalised_names() -> None:
    clusters = baseline_clusters({"x": "ТОО «Барыс»", "y": "тоо барыс", "z": "Barys LLP"})
    assert clusters["x"] == clusters["y"] != clusters["z"]
