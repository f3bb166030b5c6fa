"""Tidy a raw party name for display and detect its script.

What officers type: any of «» „“ "" '' as quotes, doubled spaces, Latin look-alike letters inside
Cyrillic words (``Вocтoк`` with Latin o and c), and the Uzbek modifier letter ʻ (U+02BB) typed as
' ` ‘ or ’. The display form keeps the original script; only the noise goes.
"""

from __future__ import annotations

import re
import unicodedata

from rigour.text.scripts import text_scripts

# Double quotes of every kind become one ASCII quote in the display form.
_DOUBLE_QUOTES = '«»„“”‟〝〞＂❝❞‹›"'
# Characters used both as single quotes and as apostrophes (soft sign, Uzbek oʻ/gʻ, O'Brien).
APOSTROPHES = "'‘’‚‛`´ʹʻʼ′"
_DQ_TABLE = str.maketrans({c: '"' for c in _DOUBLE_QUOTES})
# Invisible characters that break tokens when copied from PDFs or spreadsheets.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060\ufeff\u0000-\u001f\u007f]")
# BGN/PCGN writes a middle dot to keep letters apart (Интернэшнл = Intern·eshnl): not part of the word.
_MIDDLE_DOT = re.compile(r"(?<=\w)[\u00b7\u2027\u22c5](?=\w)")
_APOS_RE = re.compile(f"[{re.escape(APOSTROPHES)}]")
_SPACES = re.compile(r"\s+")
_QUOTED = re.compile(r'"([^"]*)"')

# Latin letters that look exactly like Cyrillic ones (and back). Used only inside a word that mixes both
# scripts, where the minority script is almost certainly a keyboard-layout slip.
_LAT_TO_CYR = str.maketrans("AaBCcEeHKMOoPpTXxy", "АаВСсЕеНКМОоРрТХху")
_CYR_TO_LAT = str.maketrans("АаВСсЕеНКМОоРрТХху", "AaBCcEeHKMOoPpTXxy")
_WORD = re.compile(r"\w+")


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff" or "\u0500" <= ch <= "\u052f"


def _fix_homoglyphs(word: str) -> str:
    cyr = sum(1 for ch in word if _is_cyrillic(ch))
    lat = sum(1 for ch in word if ch.isascii() and ch.isalpha())
    if not cyr or not lat:
        return word
    return word.translate(_LAT_TO_CYR) if cyr >= lat else word.translate(_CYR_TO_LAT)


_HAS_LATIN = re.compile("[A-Za-z]")
_HAS_CYRILLIC = re.compile("[\u0400-\u052f]")


def fix_homoglyphs(text: str) -> str:
    """Make every word single-script when it mixes Cyrillic and Latin look-alikes."""
    if text.isascii() or not _HAS_LATIN.search(text) or not _HAS_CYRILLIC.search(text):
        return text  # one script only: nothing to fix (the common case, checked in C)
    return _WORD.sub(lambda m: _fix_homoglyphs(m.group(0)), text)


def _apostrophe(match: re.Match[str]) -> str:
    text, i = match.string, match.start()
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if before.isalpha() and after.isalpha():
        # Uzbek Latin oʻ / gʻ: o or g, the modifier letter, then a lower-case letter, or an upper-case
        # one inside a word in capitals (YOʻLDOSHEV; but not O'Brien).
        if before in "oOgG" and (after.islower() or (before.isupper() and i > 1 and text[i - 2].isupper())):
            return "\u02bb"
        return "'"
    # After a word it closes a quotation if one was opened, otherwise it is a transliterated soft sign
    # (``Put'``), which we drop. Anywhere else it is a quote mark.
    if before.isalpha() and not after.isalnum():
        return '"' if _opened_quote(text, i) else ""
    return '"'


def _opened_quote(text: str, i: int) -> bool:
    """Whether a single quote before position ``i`` opens a quotation (starts a word)."""
    return any(m.start() == 0 or not text[m.start() - 1].isalnum() for m in _APOS_RE.finditer(text, 0, i))


def clean_display(raw: str) -> str:
    """Display form: NFC, one kind of quote, single spaces, no invisible characters, homoglyphs fixed."""
    text = unicodedata.normalize("NFC", raw or "")
    if not text.isascii():
        text = _INVISIBLE.sub("", text)
        text = _MIDDLE_DOT.sub("", text)
        text = text.translate(_DQ_TABLE)
    elif not text.isprintable():
        text = _INVISIBLE.sub("", text)
    if _APOS_RE.search(text):
        text = _APOS_RE.sub(_apostrophe, text)
    text = fix_homoglyphs(text)
    text = _SPACES.sub(" ", text).strip(" ,;")
    # A quote directly inside the text edges with a space (`" Barys "`) is tidied to `"Barys"`.
    if '" ' in text or ' "' in text:
        text = _QUOTED.sub(lambda m: f'"{m.group(1).strip()}"', text)
    if text.count('"') == 2 and text.startswith('"') and text.endswith('"'):
        text = text[1:-1].strip()
    return text


_SCRIPT_NAMES = {
    "Latin": "latin",
    "Cyrillic": "cyrillic",
    "Georgian": "georgian",
    "Arabic": "arabic",
    "Greek": "greek",
    "Armenian": "armenian",
    "Han": "han",
    "Hangul": "hangul",
}


def detect_script(text: str) -> str:
    """``latin``, ``cyrillic``, ``georgian``, ``arabic``, ... ``mixed`` (several) or ``none`` (no letters)."""
    scripts = text_scripts(text)
    if not scripts:
        return "none"
    if len(scripts) > 1:
        return "mixed"
    (only,) = scripts
    return _SCRIPT_NAMES.get(only, only.lower())
