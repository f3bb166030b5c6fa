"""How alike are two parsed names? A 0..1 similarity with a one-line explanation.

Words are compared on their spelling skeletons (so scripts and romanisations already agree), aligned
one-to-one regardless of order (``Каримов Улугбек`` = ``Ulugbek Karimov``), each pair scored with the
optimal-string-alignment edit distance from rapidfuzz (a transposition counts as one typo). The score
is the weighted share of the letters of both names that found a partner: long, distinctive words weigh
more than short ones and generic company words (Trans, Trade, Group ...) weigh half, so ``Восток Транс``
and ``Восток Трейд`` differ while ``Shelkovy Put`` and ``Shelkvoy Put`` agree.

Rules on top: different numbers cap the score (``Барыс-1`` / ``Барыс-2``); for persons initials that
agree (``Каримов У.Р.`` / ``Karimov Ulugbek``) cap it just below a name match, an unmatched patronymic or
initial barely counts, and ``Karimov`` / ``Karimova`` (another person, often a relative) caps it low.
``e`` and ``a`` are nearly interchangeable (Azerbaijani ə). Names in a script without short vowels
(Arabic, Urdu) are compared on consonant outlines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA
from rapidfuzz.fuzz import ratio

from .kind import COMPANY_WORDS
from .parse import ParsedName

MIN_PAIR = 0.7  # two words below this are not the same word with typos
# Skeletons of Cyrillic initials that romanise to two letters (Ш. Ч. Ц. Ю. Я. Ё.)
_TWO_LETTER_INITIALS = frozenset({"sh", "ch", "ts", "iu", "ia", "io"})
INITIAL_WEIGHT = 2.0  # an initial weighs like a two-letter word
INITIALS_CAP = 0.88  # "Karimov U." against "Karimov Ulugbek": consistent, not proof (below a name match)
_PATRONYMIC = re.compile(r"(ovich|evich|ovna|evna|ogli|oglu|ugli|kizi|uli|uli|kizi)$")
_GENDERED = re.compile(r"(ov|ev|in|ski|kii|sk)$")


@dataclass(frozen=True, slots=True)
class NameSimilarity:
    score: float
    reason: str  # the rule that decided, e.g. "same after transliteration"
    detail: str  # the word alignment, e.g. "shelkovi~shelkvoi 0.88, put=put"


@lru_cache(maxsize=1 << 16)
def _weight(token: str) -> float:
    if token.isdigit():
        return 3.0
    base = float(min(max(len(token), 2), 8))
    return base * 0.5 if token in COMPANY_WORDS else base


def _fold_e(word: str) -> str:
    # ə has no agreed Latin stand-in (Məmmədov = Mammadov = Memmedov): e and a are one vowel here
    return word.replace("e", "a")


@lru_cache(maxsize=1 << 18)
def _pair_sim(x: str, y: str) -> float:
    if x == y:
        return 1.0
    if x.isdigit() or y.isdigit():
        return 0.0
    lx, ly = len(x), len(y)
    if (lx <= 3 or ly <= 3) and (min(lx, ly) <= 2 or x[0] != y[0]):
        return 0.0  # short words must agree on their first letter
    if min(lx, ly) / max(lx, ly) < MIN_PAIR:
        return 0.0  # the edit similarity cannot exceed the length ratio
    sim = OSA.normalized_similarity(x, y)
    if sim < 0.95 and ("e" in x or "e" in y):
        sim = max(sim, OSA.normalized_similarity(_fold_e(x), _fold_e(y)) - 0.05)
    return sim


def _is_initial(token: str) -> bool:
    return len(token) == 1 or token in _TWO_LETTER_INITIALS


def _align(
    ta: tuple[str, ...],
    tb: tuple[str, ...],
    person: bool,
    ra: tuple[str, ...] = (),
    rb: tuple[str, ...] = (),
    explain: bool = True,
) -> tuple[float, list[str], list[tuple[str, str]], bool]:
    """Greedy one-to-one word alignment of skeletons ``ta``/``tb``; ``ra``/``rb`` are the same words in
    plain ASCII, tried too (slightly discounted) where the skeleton folded away a letter that mattered
    (Elçin typed Elcin: skeleton elchin / elsin, ASCII elchin / elcin). Returns (score, notes, aligned
    pairs, initials used)."""
    pairs = []
    for i, x in enumerate(ta):
        for j, y in enumerate(tb):
            if person and (_is_initial(x) or _is_initial(y)):
                if x.startswith(y) or y.startswith(x):
                    pairs.append((1.0, 1, i, j))  # an initial consistent with a full name (or initial)
            else:
                sim = _pair_sim(x, y)
                if ra and sim < 1.0 and (ra[i] != x or rb[j] != y):
                    sim = max(sim, _pair_sim(ra[i], rb[j]) - 0.03)
                if sim >= MIN_PAIR:
                    pairs.append((sim, 0, i, j))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2], p[3]))
    used_a: dict[int, float] = {}
    used_b: dict[int, float] = {}
    matched = 0.0
    notes: list[str] = []
    links: list[tuple[str, str]] = []
    initials = False
    for sim, initial, i, j in pairs:
        if i in used_a or j in used_b:
            continue
        if initial:
            # an initial stands for the word it abbreviates: both sides count as one letter's weight
            initials = True
            used_a[i] = used_b[j] = INITIAL_WEIGHT
            matched += 2 * INITIAL_WEIGHT
            if explain:
                notes.append(f"{ta[i]}~{tb[j]} initial")
            continue
        used_a[i], used_b[j] = _weight(ta[i]), _weight(tb[j])
        matched += sim * (used_a[i] + used_b[j])
        links.append((ta[i], tb[j]))
        if explain:
            notes.append(f"{ta[i]}={tb[j]}" if sim == 1.0 else f"{ta[i]}~{tb[j]} {sim:.2f}")
    total = 0.0
    for side, used in ((ta, used_a), (tb, used_b)):
        for k, tok in enumerate(side):
            if k in used:
                total += used[k]
            else:
                discount = 0.3 if person and (_PATRONYMIC.search(tok) or _is_initial(tok)) else 1.0
                total += _weight(tok) * discount
                if explain:
                    notes.append(f"-{tok}" if side is ta else f"+{tok}")
    return (matched / total if total else 0.0), notes, links, initials


def _gender_pair(links: list[tuple[str, str]]) -> bool:
    for x, y in links:
        short, long_ = sorted((x, y), key=len)
        if long_ == short + "a" and _GENDERED.search(short):
            return True
    return False


def name_similarity(a: ParsedName, b: ParsedName, person: bool | None = None, explain: bool = True) -> NameSimilarity:
    """Similarity of two parsed names; ``person`` switches on the person rules (default: from hints).
    ``explain=False`` skips building the word-by-word detail (the resolver's hot path)."""
    if a.empty or b.empty:
        return NameSimilarity(0.0, "empty name", "")
    if a.key == b.key:
        return NameSimilarity(1.0, "same after transliteration", a.key)
    if person is None:
        person = "person" in (a.kind_hint, b.kind_hint) and "company" not in (a.kind_hint, b.kind_hint)
    vowelless = (a.script == "arabic") != (b.script == "arabic")
    ta, tb = (a.phonetic, b.phonetic) if vowelless else (a.skeleton, b.skeleton)
    if vowelless:
        score, notes, links, initials = _align(ta, tb, person, explain=explain)
    else:
        score, notes, links, initials = _align(ta, tb, person, a.tokens, b.tokens, explain)
    reason = "consonant outline (vowel-less script)" if vowelless else "word alignment"
    if len(ta) != len(tb) and a.compact == b.compact:
        return NameSimilarity(0.98, "same letters, different spacing", f"{a.compact}")
    if len(ta) != len(tb):
        # words split or joined ("Vostok Trans" / "Vostoktrans", "Ala-Too" / "Alatoo"); either word order
        merged = max(ratio(a.compact, b.compact), ratio(a.compact, "".join(reversed(b.skeleton)))) / 100 - 0.05
        if merged > score:
            score, reason = merged, "joined words"
    nums_a = {t for t in a.tokens if t.isdigit()}
    nums_b = {t for t in b.tokens if t.isdigit()}
    if nums_a != nums_b:
        cap, why = (0.5, "different numbers") if nums_a and nums_b else (0.8, "number on one side only")
        if score > cap:
            score, reason = cap, why
    if initials and score > INITIALS_CAP:
        score, reason = INITIALS_CAP, "surname and initials agree"
    if person and _gender_pair(links) and score > 0.6:
        score, reason = 0.6, "male and female form of a surname"
    return NameSimilarity(round(score, 4), reason, ", ".join(notes))
