"""Blocking: which atoms are worth comparing. Never all pairs.

Name blocks work on distinct name keys (many atoms share one):
- ``n:`` the key itself (same words after transliteration, any order);
- ``c:`` the words joined without spaces (Ala-Too = Alatoo, Vostok Trans = Vostoktrans);
- ``p:`` the consonant outline (Arabic/Urdu script against Latin);
- a word index for typos: every word with its one-letter deletions (words of five letters or more),
  so a typo, a missing or a swapped letter still meets its original (the SymSpell idea); each name
  looks up only its rarest word: a name is recognised by what is distinctive in it.
A block holding more than ``max_block`` distinct names is dropped and counted (a word such as
``trans`` that thousands of names contain says nothing); the other keys of those names still work.

Identifier blocks work on atoms: the same tax id, phone, e-mail, address, or B/L number in the same
role. An identifier block larger than ``max_id_block`` atoms is linked as a star around its first
atom instead of all pairs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from consignet.names import ParsedName

from .config import ResolutionConfig


def _deletions(word: str) -> set[str]:
    if len(word) < 5 or word.isdigit():
        return {word}
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def _words(parsed: ParsedName) -> set[str]:
    return {w for w in parsed.skeleton if len(w) >= 3 and not w.isdigit()}


def name_block_keys(parsed: ParsedName) -> set[str]:
    """Exact blocks: the key, the letters without spaces, the consonant outline."""
    keys = {"n:" + parsed.key, "c:" + parsed.compact}
    if parsed.phonetic:
        keys.add("p:" + " ".join(sorted(parsed.phonetic)))
    return keys


def rarest_word(parsed: ParsedName, doc_freq: dict[str, int]) -> str | None:
    words = _words(parsed)
    return min(words, key=lambda w: (doc_freq.get(w, 0), w)) if words else None


def name_candidates(parsed_by_key: list[ParsedName], cfg: ResolutionConfig, stats: dict[str, int]) -> list[set[int]]:
    """For each index ``i`` into ``parsed_by_key``, the indices ``j > i`` of names worth a full name
    comparison with it (a list of sets: cheaper than a set of pair tuples, and what the caller needs).

    Exact blocks (``name_block_keys``) plus a typo-tolerant word index: every word of every name is
    indexed with its one-letter deletions; each name then looks up only its rarest word (and that
    word's deletions). Two spellings of one name share their rarest word, or have it one typo apart;
    names that merely share a common word (``Trans``) are not paired. A posting list longer than
    ``max_block`` names is skipped and counted (a word that common identifies nothing).
    """
    doc_freq: dict[str, int] = defaultdict(int)
    for parsed in parsed_by_key:
        for word in set(parsed.skeleton):
            doc_freq[word] += 1
    blocks: dict[str, list[int]] = defaultdict(list)
    index: dict[str, list[int]] = defaultdict(list)
    for i, parsed in enumerate(parsed_by_key):
        for key in name_block_keys(parsed):
            blocks[key].append(i)
        for word in _words(parsed):
            for variant in _deletions(word):
                index[variant].append(i)
    later: list[set[int]] = [set() for _ in parsed_by_key]
    for members in blocks.values():
        if len(members) < 2:
            continue
        stats["blocks"] += 1
        if len(members) > cfg.max_block:
            stats["blocks_capped"] += 1
            continue
        for x in range(len(members) - 1):  # members are in ascending order: each pairs with those after it
            later[members[x]].update(members[x + 1 :])
    for i, parsed in enumerate(parsed_by_key):
        word = rarest_word(parsed, doc_freq)
        if word is None or doc_freq[word] > cfg.max_block:
            continue  # even its rarest word is common: the exact blocks above are all it gets
        found: set[int] = set()
        for variant in _deletions(word):
            posting = index.get(variant)
            if posting is None or len(posting) < 2:
                continue
            stats["blocks"] += 1
            if len(posting) > cfg.max_block:
                stats["blocks_capped"] += 1
                continue
            found.update(posting)
        mine = later[i]
        for j in found:
            if j > i:
                mine.add(j)
            elif j < i:
                later[j].add(i)
    return later


def identifier_pairs(
    blocks: Iterable[list[int]], cfg: ResolutionConfig, stats: dict[str, int]
) -> Iterator[tuple[int, int]]:
    """The pairs of atoms in each identifier block (``blocks``: the atoms of each value, in order)."""
    for members in blocks:
        if len(members) < 2:
            continue
        stats["blocks"] += 1
        if len(members) > cfg.max_id_block:
            stats["blocks_capped"] += 1
            hub = members[0]
            for other in members[1:]:
                yield hub, other
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                yield members[x], members[y]
