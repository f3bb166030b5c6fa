"""Shipped weights and thresholds (documented in docs/entity-resolution.md).

Evidence adds up in log-odds points; the score shown to users is ``1 / (1 + exp(-points))``.
Thresholds were fixed before the labelled pair set was measured and are not tuned on it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ResolutionConfig:
    # decisions on total points
    match_points: float = 2.0  # score >= 0.881 -> "match"
    unsure_points: float = 0.0  # score >= 0.5 -> "unsure" (review), below -> "no-match"
    # name: points = name_slope * (similarity - name_pivot), at most name_max
    name_pivot: float = 0.75
    name_slope: float = 13.33  # similarity 0.90 -> 2.0 points: names alone decide a match
    name_max: float = 3.33
    name_min: float = -6.0
    # identifiers and context
    tax_id: float = 8.0
    email: float = 4.0
    phone: float = 3.0
    address: float = 2.0
    bl_same_role: float = 3.0
    container_same_role: float = 0.75
    container_cap: float = 1.5
    counterparty: float = 1.0
    counterparty_cap: float = 2.0
    same_country: float = 0.5
    other_country: float = -3.0
    other_legal_family: float = -1.0
    # cluster level, links that are not decisive: both sides have phones (e-mails), none in common
    other_phone: float = -2.0
    other_email: float = -2.0
    # an identifier shared by more than ``rare_below`` distinct names counts proportionally less
    rare_below: int = 4
    # clustering
    corroborated_points: float = 1.0  # identifier/context points that make a link "corroborated"
    name_floor: float = 0.80  # average name similarity between two clusters needed to merge them
    decisive_name_floor: float = 0.5  # ... when they share a tax id or an e-mail
    ambiguity_margin: float = 1.0  # a rival link within this many points makes a link ambiguous
    cohesion_names: int = 6  # most frequent names per cluster used in the cohesion check
    # blocking
    blocking: bool = True  # False: score every pair (only to measure what blocking saves)
    max_block: int = 200  # a name block with more distinct names than this is dropped (too common)
    max_id_block: int = 50  # an identifier shared by more atoms is linked as a star, not all pairs
    max_same_name_atoms: int = 60  # groups of one name beyond this many are paired only with the first ones
    review_limit: int = 10_000
    # parallel work (see parallel.py): 0 = both cores for inputs of ``parallel_from`` mentions or more
    workers: int = 0
    parallel_from: int = 100_000


DEFAULT_CONFIG = ResolutionConfig()


def points_to_score(points: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(points, 50.0), -50.0)))


def name_points(similarity: float, cfg: ResolutionConfig = DEFAULT_CONFIG) -> float:
    pts = cfg.name_slope * (similarity - cfg.name_pivot)
    return round(max(cfg.name_min, min(cfg.name_max, pts)), 3)


def decide(points: float, cfg: ResolutionConfig = DEFAULT_CONFIG) -> str:
    if points >= cfg.match_points:
        return "match"
    if points >= cfg.unsure_points:
        return "unsure"
    return "no-match"
