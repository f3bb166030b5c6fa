"""Party names: cleaning, legal forms, transliteration, matching keys and pairwise similarity."""

from .legal_forms import LEGAL_FORMS, split_legal_form
from .parse import ParsedName, classify_kind, parse_name
from .similarity import NameSimilarity, name_similarity
from .text import clean_display, detect_script
from .translit import skeleton_token, to_ascii

__all__ = [
    "LEGAL_FORMS",
    "NameSimilarity",
    "ParsedName",
    "classify_kind",
    "clean_display",
    "detect_script",
    "name_similarity",
    "parse_name",
    "skeleton_token",
    "split_legal_form",
    "to_ascii",
]
