"""Measure a clustering against a ground truth by pairs of mentions, without enumerating pairs.

Two mentions form a predicted pair if they share a predicted cluster, a true pair if they share a true
actor. Counting works on the contingency table (predicted cluster x true actor): a cell holding n
mentions contributes n(n-1)/2 correct pairs, so the cost is linear in the number of mentions.
Breakdowns split every pair by the pair of its two mentions' attributes (reporting countries, scripts).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Mapping
from typing import Any

import normality

Key = Hashable


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def _attr_pairs(counts: Counter[str]) -> Counter[str]:
    """Pairs inside one group, by the sorted pair of attributes of their two members."""
    out: Counter[str] = Counter()
    items = sorted(counts.items())
    for i, (x, nx) in enumerate(items):
        if nx > 1:
            out[f"{x}|{x}"] += _pairs(nx)
        for y, ny in items[i + 1 :]:
            out[f"{x}|{y}"] += nx * ny
    return out


def _prf(tp: int, pred: int, true: int) -> dict[str, float | int]:
    precision = tp / pred if pred else 1.0
    recall = tp / true if true else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "true_positive_pairs": tp,
        "predicted_pairs": pred,
        "true_pairs": true,
    }


def _breakdown(keys: list[Key], pred: Mapping, truth: Mapping, attr: Mapping) -> dict[str, dict]:
    cell: dict[tuple, Counter[str]] = defaultdict(Counter)
    pgroup: dict[Any, Counter[str]] = defaultdict(Counter)
    tgroup: dict[Any, Counter[str]] = defaultdict(Counter)
    for k in keys:
        a = str(attr.get(k, "?"))
        cell[(pred[k], truth[k])][a] += 1
        pgroup[pred[k]][a] += 1
        tgroup[truth[k]][a] += 1
    tp, pp, tt = Counter(), Counter(), Counter()
    for c in cell.values():
        tp.update(_attr_pairs(c))
    for c in pgroup.values():
        pp.update(_attr_pairs(c))
    for c in tgroup.values():
        tt.update(_attr_pairs(c))
    return {pair: _prf(tp[pair], pp[pair], tt[pair]) for pair in sorted(set(pp) | set(tt))}


def pairwise_scores(
    pred: Mapping[Key, Hashable],
    truth: Mapping[Key, Hashable],
    *,
    reporting_country: Mapping[Key, str] | None = None,
    script: Mapping[Key, str] | None = None,
    names: Mapping[Key, str] | None = None,
    worst: int = 10,
) -> dict[str, Any]:
    """Pairwise precision, recall and F1 of ``pred`` (key -> cluster) against ``truth`` (key -> actor),
    over the keys present in both; breakdowns when attributes are given; the worst false merges
    (predicted clusters mixing actors) and misses (actors split over clusters)."""
    keys = [k for k in pred if k in truth]
    cells: Counter[tuple] = Counter((pred[k], truth[k]) for k in keys)
    psize: Counter = Counter(pred[k] for k in keys)
    tsize: Counter = Counter(truth[k] for k in keys)
    tp = sum(_pairs(n) for n in cells.values())
    result: dict[str, Any] = _prf(tp, sum(_pairs(n) for n in psize.values()), sum(_pairs(n) for n in tsize.values()))
    result["mentions"] = len(keys)
    result["predicted_clusters"] = len(psize)
    result["true_clusters"] = len(tsize)
    if reporting_country is not None:
        result["by_reporting_countries"] = _breakdown(keys, pred, truth, reporting_country)
    if script is not None:
        result["by_script"] = _breakdown(keys, pred, truth, script)

    by_pred: dict[Any, list[tuple[Any, int]]] = defaultdict(list)
    by_true: dict[Any, list[tuple[Any, int]]] = defaultdict(list)
    for (p, t), n in cells.items():
        by_pred[p].append((t, n))
        by_true[t].append((p, n))
    examples: dict[tuple, str] = {}
    if names is not None:
        for k in keys:
            examples.setdefault((pred[k], truth[k]), names[k])

    def describe(group: Any, parts: list[tuple[Any, int]], flip: bool) -> list[dict[str, Any]]:
        rows = []
        for other, n in sorted(parts, key=lambda x: (-x[1], str(x[0])))[:5]:
            row: dict[str, Any] = {"cluster" if flip else "actor": other, "mentions": n}
            if names is not None:
                row["example"] = examples[(other, group) if flip else (group, other)]
            rows.append(row)
        return rows

    false_merges = []
    for p, parts in by_pred.items():
        wrong = _pairs(psize[p]) - sum(_pairs(n) for _, n in parts)
        if wrong:
            false_merges.append((wrong, str(p), p, parts))
    false_merges.sort(key=lambda x: (-x[0], x[1]))
    result["worst_false_merges"] = [
        {"cluster": p, "false_pairs": w, "actors": describe(p, parts, flip=False)}
        for w, _, p, parts in false_merges[:worst]
    ]
    misses = []
    for t, parts in by_true.items():
        missed = _pairs(tsize[t]) - sum(_pairs(n) for _, n in parts)
        if missed:
            misses.append((missed, str(t), t, parts))
    misses.sort(key=lambda x: (-x[0], x[1]))
    result["worst_misses"] = [
        {"actor": t, "missed_pairs": m, "clusters": describe(t, parts, flip=True)} for m, _, t, parts in misses[:worst]
    ]
    return result


def baseline_clusters(names: Mapping[Key, str]) -> dict[Key, str]:
    """Baseline: mentions with equal normalised names (normality: lower case, punctuation removed,
    transliterated to ASCII) are one actor."""
    return {k: normality.normalize(v, ascii=True) or f"<empty {k}>" for k, v in names.items()}
