"""Read a column header against the vocabulary in ``headers.yaml``: which role, party field or canonical
field its words name, in which language, and how much of the header those words explain."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from anyascii import anyascii
from rapidfuzz import fuzz, process

VOCAB_FILE = Path(__file__).with_name("headers.yaml")

_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_LETTER_DIGIT = re.compile(r"(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])")
# Uzbek Oʻ/Gʻ and typed stand-ins; dropped so that Jo'natuvchi, Joʻnatuvchi and Jonatuvchi meet.
_APOSTROPHES = re.compile(r"['`\u2018\u2019\u02bb\u02bc\u02b9]")
_SPLIT = re.compile(r"[^a-z0-9]+")
_SPLIT_STARS = re.compile(r"[^a-z0-9*]+")
_WORD = re.compile(r"[a-z0-9]+")
FUZZY_MIN_LEN = 5
FUZZY_CUTOFF = 85.0
WEAK = 0.75
ABBREVIATED = 0.9  # reliability of a word cut short with a period matching the word it abbreviates


def _fold(text: str) -> str:
    # Turkish/Azerbaijani İ and ı: fold before transliterating, or İ lower-cases to i + combining dot.
    text = text.replace("İ", "I").replace("ı", "i").replace("_", " ")
    text = _CAMEL.sub(" ", text)  # consigneeName -> consignee Name
    text = _APOSTROPHES.sub("", anyascii(text)).lower()
    return _LETTER_DIGIT.sub(" ", text)


def tokens(text: str, stars: bool = False) -> list[str]:
    """Header text -> comparable words (see the notes at the top of headers.yaml)."""
    return [t for t in (_SPLIT_STARS if stars else _SPLIT).split(_fold(text)) if t]


def marked_tokens(text: str) -> list[tuple[str, bool]]:
    """Words with a flag for the ones cut short with a period ("Страна назн." -> strana, nazn*)."""
    folded = _fold(text)
    return [(m.group(), folded[m.end() : m.end() + 1] == ".") for m in _WORD.finditer(folded)]


@dataclass(frozen=True, slots=True)
class Concept:
    kind: str  # role | party | field | ignore
    name: str  # consignor / tax_id / hs_code / "" for ignore


@dataclass(slots=True)
class Phrase:
    words: tuple[str, ...]  # without the trailing * of stems
    stems: tuple[bool, ...]
    concepts: set[Concept] = field(default_factory=set)
    langs: set[str] = field(default_factory=set)
    examples: set[str] = field(default_factory=set)
    weak: bool = False  # a generic word (see `weak` in headers.yaml)


@dataclass(slots=True)
class Hit:
    phrase: Phrase
    start: int
    end: int  # exclusive
    reliability: float  # 1 for exact words and stems, lower for fuzzy-corrected words


@dataclass
class Reading:
    """What the vocabulary makes of one header."""

    header: str
    words: list[str]  # content words (fillers and stop words dropped)
    hits: list[Hit]
    coverage: float  # share of the header's letters explained by the hits
    reliability: float
    fillers_only: bool  # e.g. "№" or "No." alone
    langs: Counter[str] = field(default_factory=Counter)
    fuzzy: list[tuple[str, str]] = field(default_factory=list)  # (header word, vocabulary word)

    def concepts(self, kind: str) -> list[tuple[str, Hit]]:
        return [(c.name, h) for h in self.hits for c in sorted(h.phrase.concepts, key=_ckey) if c.kind == kind]


def _ckey(c: Concept) -> tuple[str, str]:
    return (c.kind, c.name)


class Vocabulary:
    def __init__(self, data: dict[str, Any]) -> None:
        self.countries: dict[str, str] = dict(data.get("countries") or {})
        self.fillers = {t for w in data.get("fillers", []) for t in tokens(str(w))}
        self.stopwords = {t for w in data.get("stopwords", []) for t in tokens(str(w))}
        self.phrases: dict[tuple[str, ...], Phrase] = {}
        for kind, key in (("role", "roles"), ("party", "party_fields"), ("field", "fields")):
            for name, by_lang in (data.get(key) or {}).items():
                self._add_all(Concept(kind, name), by_lang)
                self._add(Concept(kind, name), name.replace("_", " "), "en")  # canonical names as written
        self._add_all(Concept("ignore", ""), data.get("ignore") or {})
        for text in data.get("weak") or []:
            key = tuple(t for t in tokens(str(text)) if t not in self.fillers | self.stopwords)
            if key in self.phrases:
                self.phrases[key].weak = True
        self.by_first: dict[str, list[Phrase]] = defaultdict(list)
        self.by_stem2: dict[str, list[Phrase]] = defaultdict(list)
        self.by_prefix2: dict[str, list[Phrase]] = defaultdict(list)
        for phrase in self.phrases.values():
            self.by_prefix2[phrase.words[0][:2]].append(phrase)
            if phrase.stems[0]:
                self.by_stem2[phrase.words[0][:2]].append(phrase)
            else:
                self.by_first[phrase.words[0]].append(phrase)
        pairs = [(w, s) for p in self.phrases.values() for w, s in zip(p.words, p.stems, strict=True)]
        self.exact = {w for w, s in pairs if not s}
        self.stems = sorted({w for w, s in pairs if s})
        self.words = sorted({w for w, _ in pairs if len(w) >= 4})
        # Whole phrases as text, for headers whose words are inflected past a stem ("portu załadunku").
        self.texts = {" ".join(p.words): p for p in self.phrases.values() if len(p.words) > 1}
        self.text_list = list(self.texts)

    def _add_all(self, concept: Concept, by_lang: dict[str, list[str]]) -> None:
        for lang, phrases in by_lang.items():
            for text in phrases or []:
                self._add(concept, str(text), lang)

    def _add(self, concept: Concept, text: str, lang: str) -> None:
        toks = [t for t in tokens(text, stars=True) if t.rstrip("*") not in self.fillers | self.stopwords]
        toks = [t for t in toks if t.rstrip("*")]
        if not toks:
            return
        key = tuple(toks)
        phrase = self.phrases.get(key)
        if phrase is None:
            words = tuple(t.rstrip("*") for t in toks)
            phrase = self.phrases[key] = Phrase(words, tuple(t.endswith("*") for t in toks))
        phrase.concepts.add(concept)
        phrase.langs.add(lang)
        phrase.examples.add(text)

    # -- reading a header ----------------------------------------------------------------------------
    def _known(self, word: str) -> bool:
        return word in self.exact or any(word.startswith(s) for s in self.stems if s[:2] == word[:2])

    def _correct(self, word: str) -> tuple[str, float] | None:
        """A near vocabulary word for a typo or another transliteration (konteiner -> konteyner)."""
        if len(word) < FUZZY_MIN_LEN or word.isdigit():
            return None
        found = process.extractOne(word, self.words, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        return (found[0], found[1] / 100) if found else None

    def read(self, header: str, prefer: dict[str, float] | None = None) -> Reading:
        """Read one header. ``prefer``: weights of the file's languages, which decide between phrases of
        equal length from different languages (Turkish "unvanı" is a company name, Azerbaijani "ünvanı"
        an address; both transliterate to "unvani")."""
        prefer = prefer or {}
        marked = marked_tokens(header)
        kept = [(t, a) for t, a in marked if t not in self.fillers and t not in self.stopwords]
        words = [t for t, _ in kept]
        abbrev = [a and not t.isdigit() for t, a in kept]
        fillers_only = bool(marked) and not words and any(t in self.fillers for t, _ in marked)
        reliab = [1.0] * len(words)
        fuzzy: list[tuple[str, str]] = []
        matched = list(words)
        for i, word in enumerate(words):
            if not abbrev[i] and not self._known(word) and (near := self._correct(word)) is not None:
                matched[i], reliab[i] = near[0], near[1] * 0.95
                fuzzy.append((word, near[0]))
        candidates: list[Hit] = []
        for i, word in enumerate(matched):
            pool = self.by_first.get(word, []) + self.by_stem2.get(word[:2], [])
            if abbrev[i]:
                pool = pool + self.by_prefix2.get(word[:2], [])
            for phrase in {id(p): p for p in pool}.values():
                hit = self._match(phrase, matched, abbrev, reliab, i)
                if hit is not None:
                    candidates.append(hit)

        def rank(h: Hit) -> tuple[int, float, int, float, int]:
            lang = max((prefer.get(x, 0.0) for x in h.phrase.langs), default=0.0)
            return (-(h.end - h.start), -lang, -h.reliability, -sum(map(len, h.phrase.words)), h.start)

        # Longest phrases first: "сатып алушы" (buyer) wins over "алушы" (consignee).
        candidates.sort(key=rank)
        taken = [False] * len(words)
        hits: list[Hit] = []
        for hit in candidates:
            if not any(taken[hit.start : hit.end]):
                hits.append(hit)
                for k in range(hit.start, hit.end):
                    taken[k] = True
        total = sum(map(len, words)) or 1
        if len(words) > 1 and sum(len(w) for w, t in zip(words, taken, strict=True) if t) / total < 0.5:
            whole = self._whole(words)
            if whole is not None:
                hits, taken = [whole], [True] * len(words)
        hits.sort(key=lambda h: h.start)
        covered = sum(len(w) for w, t in zip(words, taken, strict=True) if t)
        reliability = min((h.reliability for h in hits), default=0.0)
        langs: Counter[str] = Counter()
        for hit in hits:
            if len(hit.phrase.langs) <= 2:  # a word shared by many languages tells nothing
                for lang in hit.phrase.langs:
                    langs[lang] += 1 / len(hit.phrase.langs)
        return Reading(header, words, hits, covered / total, reliability, fillers_only, langs, fuzzy)

    @staticmethod
    def _match(phrase: Phrase, words: list[str], abbrev: list[bool], reliab: list[float], i: int) -> Hit | None:
        end = i + len(phrase.words)
        if end > len(words):
            return None
        rel = min(reliab[i:end]) * (WEAK if phrase.weak else 1.0)
        multi = len(phrase.words) > 1
        for k, (target, stem) in enumerate(zip(phrase.words, phrase.stems, strict=True)):
            word = words[i + k]
            if word == target:
                continue
            if stem and word.startswith(target):
                rel *= 0.97
            elif abbrev[i + k] and target.startswith(word) and (len(word) >= 4 or (multi and len(word) >= 2)):
                rel *= ABBREVIATED  # "назн." for назначения; two letters only inside a longer phrase
            else:
                return None
        return Hit(phrase, i, end, rel)

    def _whole(self, words: list[str]) -> Hit | None:
        """The header as a whole near one multi-word phrase, when word-by-word matching left words over:
        catches inflections the stems do not (Polish "portu załadunku" ~ "port załadunku")."""
        found = process.extractOne(" ".join(words), self.text_list, scorer=fuzz.ratio, score_cutoff=88.0)
        if found is None:
            return None
        phrase = self.texts[found[0]]
        if len(phrase.words) != len(words):
            return None
        for word, target in zip(words, phrase.words, strict=True):
            # Word by word: short words must be equal, longer ones near (an inflection, a typo).
            if word != target and (min(len(word), len(target)) <= 3 or fuzz.ratio(word, target) < 80):
                return None
        return Hit(phrase, 0, len(words), found[1] / 100 * 0.9)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    with VOCAB_FILE.open(encoding="utf-8") as fh:
        return Vocabulary(yaml.safe_load(fh))
