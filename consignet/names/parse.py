"""``parse_name``: one raw party name -> display form, legal form, script, matching keys."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from .kind import guess_kind, kind_from_scheme
from .legal_forms import split_legal_form
from .text import clean_display, detect_script
from .translit import ascii_tokens, consonants, skeleton_token


class ParsedName(NamedTuple):
    """A parsed name: immutable. A named tuple, not a frozen dataclass: a resolution run builds one per
    distinct name (358k at 1M mentions) and sends half of them between processes; a frozen dataclass
    took 1.7 µs to build (one ``object.__setattr__`` per field), a tuple 0.3 µs."""

    raw: str
    clean: str  # display form: original script, quotes and spaces tidied
    legal_form: str | None  # canonical label ("LLP", "LLC", "JSC", "Ltd", "PVT LTD", ...) or None
    legal_form_raw: str | None  # the legal form as written ("ТОО", "Sp. z o.o.")
    legal_family: str | None  # "limited", "joint-stock", "individual", ...
    kind_hint: str | None  # "company" | "person" | None
    script: str  # "latin", "cyrillic", "georgian", "arabic", "mixed", "none", ...
    norm: str  # ASCII lower-case words without the legal form, original order
    tokens: tuple[str, ...]  # the words of ``norm``
    skeleton: tuple[str, ...]  # spelling skeleton of each word (see translit.skeleton_token)
    key: str  # skeleton words sorted and joined: equal keys = same name up to order and spelling
    compact: str  # skeleton words joined without spaces (Ala-Too = Alatoo)
    phonetic: tuple[str, ...]  # consonant outline of each skeleton word (for vowel-less scripts)

    @property
    def empty(self) -> bool:
        return not self.tokens


@lru_cache(maxsize=1 << 18)
def parse_name(raw: str, country: str | None = None) -> ParsedName:
    """Parse a raw party name. ``country`` (alpha-2) is accepted for callers that know it; the rules
    used today do not depend on it."""
    clean = clean_display(raw or "")
    split = split_legal_form(clean)
    tokens = tuple(ascii_tokens(_split_camel(split.core)))
    if not tokens:  # a name that is only a legal form ("ООО"), or only punctuation
        tokens = tuple(ascii_tokens(clean))
    skel = tuple(skeleton_token(t) for t in tokens)
    if split.family == "individual":
        kind_hint = "person"  # ИП Иванов, YaTT Rahimov: a person trading in their own name
    else:
        kind_hint = "company" if split.legal_form else guess_kind(tokens, skel)
    script = detect_script(clean)
    return ParsedName(
        raw=raw,
        clean=clean,
        legal_form=split.legal_form,
        legal_form_raw=split.legal_form_raw,
        legal_family=split.family,
        kind_hint=kind_hint,
        script=script,
        norm=" ".join(tokens),
        tokens=tokens,
        skeleton=skel,
        key=" ".join(sorted(skel)),
        compact="".join(skel),
        phonetic=_phonetic(skel, arabic=script == "arabic"),
    )


def _split_camel(text: str) -> str:
    """``СтандартЭлектроника`` -> ``Стандарт Электроника``: words run together in camel case."""
    if text.isupper() or text.islower():
        return text
    out = []
    prev = ""
    for ch in text:
        if ch.isupper() and prev.islower():
            out.append(" ")
        out.append(ch)
        prev = ch
    return "".join(out)


def _phonetic(skel: tuple[str, ...], arabic: bool) -> tuple[str, ...]:
    """Consonant outlines, without the Arabic article: ``al``/``el`` words in Latin, and the ``l`` that
    ``ال`` leaves at the start of a transliterated Arabic word."""
    out = []
    for word in skel:
        if word in ("al", "el", "ul"):
            continue
        outline = consonants(word)
        if arabic and outline.startswith("l") and len(outline) >= 3:
            outline = outline[1:]
        out.append(outline)
    return tuple(out)


def classify_kind(parsed: ParsedName, tax_scheme: str | None = None) -> str:
    """``company``, ``person`` or ``unknown``, from the tax-id scheme, the legal form, the name's shape."""
    by_scheme = kind_from_scheme(tax_scheme)
    if by_scheme:
        return by_scheme
    return parsed.kind_hint or "unknown"
