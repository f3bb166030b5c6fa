"""Is this file text, and in which encoding? Decided from the first bytes, never the whole file."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

from charset_normalizer import from_bytes

from consignet.errors import InputError

SAMPLE_BYTES = 256 * 1024

# Longest BOM first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS: list[tuple[bytes, str]] = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]

# charset-normalizer's best guess is not always right on short samples (it takes Polish cp1250 for
# cp1252). Among its near candidates, prefer a decoding without stray symbols (£ ³ ¯ are what Polish
# letters become in the wrong code page), then the least chaos, then the code pages the network's
# office software writes: Cyrillic, Turkish, Western and Central European.
_PREFERRED = ["cp1251", "cp1254", "cp1252", "cp1250", "koi8_r", "cp866", "iso8859_9", "iso8859_2"]
_TIE = 0.2
_USUAL = set("№€°§«»")  # symbols real headers and values do contain

_MAGIC: list[tuple[bytes, str]] = [
    (b"PK\x03\x04", "a ZIP archive or XLSX workbook; set format: xlsx if it is a workbook"),
    (b"\xd0\xcf\x11\xe0", "an old Excel .xls / OLE document; save it as .xlsx or CSV"),
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "a gzip archive"),
]


def read_sample(path: Path, size: int = SAMPLE_BYTES) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(size)
    except OSError as exc:
        raise InputError(f"{path.name}: cannot read the file: {exc.strerror or exc}") from exc


def what_binary(sample: bytes) -> str:
    for magic, what in _MAGIC:
        if sample.startswith(magic):
            return what
    return "binary data"


def not_text(path: Path, sample: bytes, kind: str = "CSV/text") -> InputError:
    return InputError(f"{path.name}: not a {kind} file (it looks like {what_binary(sample)})")


def _bom_encoding(sample: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if sample.startswith(bom):
            return encoding
    return None


def _is_utf8(sample: bytes, complete: bool) -> bool:
    # Incremental decoder: a sample cut in the middle of a multi-byte character is not an error.
    decoder = codecs.getincrementaldecoder("utf-8")(errors="strict")
    try:
        decoder.decode(sample, final=complete)
    except UnicodeDecodeError:
        return False
    return True


def detect_encoding(path: Path, declared: str = "auto", kind: str = "CSV/text") -> str:
    """The encoding to read ``path`` with. ``declared`` (from the profile) wins unless it is ``auto``.

    auto: a BOM decides; else strict UTF-8 over the sample; else charset-normalizer (cp1251 and the
    other code pages). NUL bytes or no plausible decoding -> InputError "not a CSV/text file".
    """
    sample = read_sample(path)
    complete = len(sample) < SAMPLE_BYTES
    if declared and declared.lower() != "auto":
        try:
            name = codecs.lookup(declared).name
        except LookupError as exc:
            raise InputError(f"{path.name}: unknown encoding {declared!r} in the profile") from exc
        # A BOM in a file declared utf-8 would otherwise end up in the first header cell.
        if name == "utf-8" and sample.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        return declared
    bom = _bom_encoding(sample)
    if bom:
        return bom
    if b"\x00" in sample:
        raise not_text(path, sample, kind)
    if _is_utf8(sample, complete):
        return "utf-8"
    if any(sample.startswith(magic) for magic, _ in _MAGIC):
        raise not_text(path, sample, kind)
    matches = from_bytes(sample)
    best = matches.best()
    if best is None:
        raise not_text(path, sample, kind)
    tied = [m.encoding for m in matches if m.chaos <= best.chaos + _TIE]
    rank = {e: i for i, e in enumerate(_PREFERRED)}
    chaos = {m.encoding: m.chaos for m in matches}
    return min(tied, key=lambda e: (_stray_symbols(sample, e) > 0, round(chaos[e] / 0.02), rank.get(e, len(rank))))


def _stray_symbols(sample: bytes, encoding: str) -> int:
    text = sample.decode(encoding, errors="replace")
    return sum(1 for c in text if ord(c) > 127 and c not in _USUAL and unicodedata.category(c)[0] in "SNC")


def decode_sample(path: Path, encoding: str) -> str:
    """The sample decoded, cut after its last complete line if the file is longer than the sample."""
    sample = read_sample(path)
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    text = decoder.decode(sample, final=len(sample) < SAMPLE_BYTES)
    if len(sample) >= SAMPLE_BYTES and "\n" in text:
        text = text[: text.rindex("\n") + 1]
    return text
