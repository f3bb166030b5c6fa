"""Recognise legal forms (ТОО, LLP, Sp. z o.o., (Pvt.) Ltd. ...) at the edges of a company name.

The form is set aside for matching (``ТОО «Барыс»`` and ``Barys LLP`` are one name) but kept as
evidence. We look only at the first and last words of a name, outside quotation marks, so ``ОсОО
«Ала-Тоо»`` keeps the mountain range ``Ала-Тоо`` and ``"Too Much" LLP`` keeps ``Too``.

rigour's org-type list (``rigour.names.extract_org_types``) is the fallback for the long tail of world
legal forms; the table below adds what it lacks (Pvt, ЖШС, ҶДММ/ЧДММ, ОсОО, AJ, EOOD, ЯТТ, ...) and
maps every form of this region onto one canonical label. Aliases are compared as ASCII tokens, so the
Cyrillic and Latin spellings of one abbreviation (ТОО / TOO, МЧЖ / MChJ) are one entry.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from anyascii import anyascii
from rapidfuzz.distance import OSA
from rigour.names import extract_org_types, replace_org_types_display

# canonical label -> aliases as written, "|"-separated; matched case- and punctuation-insensitively.
# fmt: off
_WRITTEN: dict[str, str] = {
    "LLP": "ТОО|ЖШС|JShS|LLP|L.L.P.|товарищество с ограниченной ответственностью"
           "|жауапкершілігі шектеулі серіктестік|limited liability partnership",
    "LLC": "ООО|ОсОО|ЖЧК|МЧЖ|MChJ|MCHJ|ҶДММ|ЧДММ|JDMM|MMC|LLC|L.L.C.|ТОВ|Sp. z o.o.|spzoo|Spółka z o.o."
           "|EOOD|ЕООД|OOD|ООД|S.r.l.|srl|GmbH|общество с ограниченной ответственностью"
           "|limited liability company|mas'uliyati cheklangan jamiyat|məhdud məsuliyyətli cəmiyyət"
           "|FZ-LLC|FZ LLC|შპს",
    "Ltd": "Ltd|Limited|Co. Ltd|Co., Ltd.|Company Limited|Ltd. Şti.|Ltd. Sti.|Limited Şirketi|Co. Limited"
           "|Pte Ltd|Pte. Ltd.",
    "PVT LTD": "(Pvt.) Ltd.|Pvt. Ltd.|Pvt Ltd|Private Limited|(Private) Limited|(Pvt) Limited|Pvt|Pvt. Limited",
    "JSC": "АО|ОАО|ЗАО|ПАО|АҚ|AJ|АЖ|ASC|A.Ş.|AŞ|S.p.A.|spa|JSC|PJSC|CJSC|OJSC|АД|ЕАД|AD|ҶСК|ЧСК|S.A."
           "|AG|акционерное общество|joint stock company|joint-stock company|aksiyadorlik jamiyati"
           "|səhmdar cəmiyyəti|anonim şirketi|акционерлік қоғам|სს",
    "FZE": "FZE|FZ-E",
    "FZCO": "FZCO|FZ-CO|FZ CO",
    "ES": "ХО|HJ|ES|hojalyk jemgyýeti",  # Turkmen economic society
    "PE": "ЧП|ХК|XK|HK|PE|частное предприятие|xususiy korxona",  # private enterprise
    "IE": "ИП|IP|ЯТТ|YaTT|ЖК|ФЛ|FŞ|ი/მ|индивидуальный предприниматель|individual entrepreneur",
}
# fmt: on
LEGAL_FORMS: dict[str, list[str]] = {label: aliases.split("|") for label, aliases in _WRITTEN.items()}

# Families: forms that are translations of one another (a KZ ТОО is written LLP, LLC or Ltd) share a
# family and never contradict each other. Two different families on one name -- Srl and SpA, FZE and
# LLC, a Turkmen HJ and HK -- are two registrations, so two companies.
FAMILY = {"LLP": "limited", "LLC": "limited", "Ltd": "limited", "PVT LTD": "limited", "FZE": "fze",
          "FZCO": "fzco", "ES": "economic-society", "JSC": "joint-stock", "PE": "private-enterprise",
          "IE": "individual"}  # fmt: skip

# rigour's generic target -> our family, for forms our table does not list.
_RIGOUR_FAMILY = {"llc": "limited", "llp": "limited", "jsc": "joint-stock", "sp": "individual"}

_WORD = re.compile(r"[^\W_]+(?:[-'ʻ’][^\W_]+)*")
_APOS = re.compile("['ʻ’`]")


@lru_cache(maxsize=1 << 18)
def _ascii_token(word: str) -> str:
    return _APOS.sub("", anyascii(word).lower())


def _alias_tokens(alias: str) -> tuple[str, ...]:
    return tuple(_ascii_token(w) for w in _WORD.findall(alias))


_TABLE: dict[tuple[str, ...], str] = {}
for _label, _aliases in LEGAL_FORMS.items():
    for _alias in _aliases:
        _TABLE[_alias_tokens(_alias)] = _label
        _TABLE[_alias_tokens(_alias.replace("-", " "))] = _label
        if _alias.isalpha() and _alias.isupper() and 2 <= len(_alias) <= 4:
            _TABLE[tuple(_ascii_token(c) for c in _alias)] = _label  # typed with dots: Т.О.О., O.O.O.
# the lengths of the forms that start (end) with a word, longest first
_HEAD_SIZES = {w: sorted({len(k) for k in _TABLE if k[0] == w}, reverse=True) for w in {k[0] for k in _TABLE}}
_TAIL_SIZES = {w: sorted({len(k) for k in _TABLE if k[-1] == w}, reverse=True) for w in {k[-1] for k in _TABLE}}


class LegalFormSplit(NamedTuple):  # a named tuple: built once per distinct name, cheaply
    core: str  # the name without its legal form(s), in the original script
    legal_form: str | None  # canonical label of the first form found
    legal_form_raw: str | None  # the form(s) as written
    family: str | None = None  # "limited", "joint-stock", "individual" or another label


_QUOTED = re.compile(r'"[^"]*"')


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    if '"' not in text:
        return []
    return [m.span() for m in _QUOTED.finditer(text)]


def _match(tokens: list[tuple[str, int, int]], spans: list[tuple[int, int]], at_start: bool) -> int:
    """Number of tokens at one edge that form a known legal form (longest first), 0 if none. Only the
    lengths of the forms that start (end) with the edge word are tried: this runs once per distinct
    name of a resolution run (358k at 1M mentions)."""
    sizes = (_HEAD_SIZES if at_start else _TAIL_SIZES).get(tokens[0][0] if at_start else tokens[-1][0])
    if sizes is None:
        return 0  # no legal form starts (ends) with this word
    for size in sizes:
        if size >= len(tokens):
            continue  # a form needs a name beside it
        part = tokens[:size] if at_start else tokens[-size:]
        if spans and any(s <= part[0][1] and part[-1][2] <= e for s, e in spans):
            continue  # inside quotation marks: part of the name itself
        if tuple([t for t, _, _ in part]) in _TABLE:
            return size
    return 0


@lru_cache(maxsize=1 << 16)
def split_legal_form(clean: str) -> LegalFormSplit:
    """Split a cleaned name into its core and the legal form written at its start and/or end."""
    tokens = [(_ascii_token(m.group(0)), m.start(), m.end()) for m in _WORD.finditer(clean)]
    if len(tokens) < 2:
        return LegalFormSplit(clean, None, None)
    spans = _quoted_spans(clean)
    head = _match(tokens, spans, at_start=True)
    head_label = _TABLE[tuple(t for t, _, _ in tokens[:head])] if head else _fuzzy(clean, tokens[0], spans)
    head = head or (1 if head_label else 0)
    tail = _match(tokens[head:], spans, at_start=False) if len(tokens) - head > 1 else 0
    tail_label = _TABLE[tuple(t for t, _, _ in tokens[-tail:])] if tail else None
    if not tail and len(tokens) - head > 1:
        tail_label = _fuzzy(clean, tokens[-1], spans)
        tail = 1 if tail_label else 0
    if not head and not tail:
        return _rigour_fallback(clean, tokens, spans)
    labels, raws = [], []
    if head:
        labels.append(head_label)
        raws.append(clean[_start_with_paren(clean, tokens[0][1]) : tokens[head - 1][2]])
    if tail:
        labels.append(tail_label)
        raws.append(clean[_start_with_paren(clean, tokens[-tail][1]) : _end_with_dot(clean, tokens[-1][2])])
    core_tokens = tokens[head : len(tokens) - tail]
    core = clean[core_tokens[0][1] : core_tokens[-1][2]].strip(' "')
    return LegalFormSplit(core, labels[0], " / ".join(raws), FAMILY[labels[0]])


_SINGLE_WORD = [(key[0], label) for key, label in _TABLE.items() if len(key) == 1 and len(key[0]) >= 3]


def _fuzzy(clean: str, token: tuple[str, int, int], spans: list[tuple[int, int]]) -> str | None:
    """A legal form with one letter mistyped (ООЛ for ООО): an abbreviation written in capitals in a
    name that is not all capitals, one letter away from known forms that all mean the same family."""
    word, start, end = token
    written = clean[start:end]
    if clean.isupper() or not written.isupper() or any(s <= start < e for s, e in spans):
        return None
    if len(word) < 3:
        return None
    near = {
        label for alias, label in _SINGLE_WORD if abs(len(alias) - len(word)) <= 1 and OSA.distance(alias, word) == 1
    }
    if near and len({FAMILY.get(label, label) for label in near}) == 1:
        return min(near)
    return None


def _start_with_paren(text: str, start: int) -> int:
    return start - 1 if start and text[start - 1] == "(" else start


def _end_with_dot(text: str, end: int) -> int:
    while end < len(text) and text[end] in ".)":
        end += 1
    return end


def _rigour_fallback(clean: str, tokens: list[tuple[str, int, int]], spans: list[tuple[int, int]]) -> LegalFormSplit:
    folded = clean.casefold()
    if len(folded) != len(clean):  # casefold changed lengths (e.g. İ): positions no longer line up
        return LegalFormSplit(clean, None, None)
    for matched, generic in extract_org_types(folded, generic=True):
        start = folded.find(matched)
        if start == 0 or folded.rstrip(" .)").endswith(matched.rstrip(" .)")):
            if any(s <= start < e for s, e in spans):
                continue
            core = (clean[len(matched) :] if start == 0 else clean[: folded.rfind(matched)]).strip(' ,."')
            if core:
                raw = clean[start : start + len(matched)].strip()
                label = replace_org_types_display(raw).strip(" .")
                return LegalFormSplit(core, label, raw, _RIGOUR_FAMILY.get(generic, generic))
    return LegalFormSplit(clean, None, None)


def same_family(a: str | None, b: str | None) -> bool | None:
    """True/False when both families are known, None when either is missing."""
    if not a or not b:
        return None
    return a == b
