"""Entity resolution: link the mentions of one actor across countries, scripts and spellings.

``resolve`` clusters mentions into actors (block, score, cluster without chaining, stable ids,
judgements); ``compare`` scores two names alone; ``pairwise_scores`` measures a clustering against a
ground truth; ``screen`` matches actors against a watch list.
"""

from .compare import compare
from .config import DEFAULT_CONFIG, ResolutionConfig
from .engine import resolve
from .evaluate import baseline_clusters, pairwise_scores
from .screen import WatchlistEntry, load_watchlist, screen
from .types import (
    ActorSummary,
    Assignment,
    Comparison,
    Feature,
    Judgement,
    MentionInput,
    ResolutionResult,
    ResolutionState,
    ResolutionStats,
    ReviewPair,
)

__all__ = [
    "DEFAULT_CONFIG",
    "ActorSummary",
    "Assignment",
    "Comparison",
    "Feature",
    "Judgement",
    "MentionInput",
    "ResolutionConfig",
    "ResolutionResult",
    "ResolutionState",
    "ResolutionStats",
    "ReviewPair",
    "WatchlistEntry",
    "baseline_clusters",
    "compare",
    "load_watchlist",
    "pairwise_scores",
    "resolve",
    "screen",
]
