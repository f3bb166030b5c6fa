"""Deterministic ids: a node's id is a hash of its label and natural key, so re-ingest MERGEs onto it."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from typing import Any

# Short, readable prefixes so an id in a log or URL says what it points at.
PREFIX = {
    "Consignment": "csg", "ConsignmentVersion": "ver", "Mention": "men", "Actor": "act", "Vessel": "ves",
    "Container": "cnt", "Port": "prt", "Route": "rte", "Country": "cty", "Commodity": "hs",
    "TaxId": "tax", "Phone": "tel", "Email": "eml", "Address": "adr", "BillOfLading": "bl",
    "Seal": "sea", "Seizure": "szr", "Flag": "flg", "IngestRun": "run", "Judgement": "jdg", "Meta": "meta",
}

LABEL_OF_PREFIX = {prefix: label for label, prefix in PREFIX.items()}


_SEP = "\x1f"  # ASCII unit separator: cannot occur in the cleaned keys it joins


def digest(*parts: Any, size: int = 10) -> str:
    """Stable hex digest of the parts. Keys are short strings and numbers, so a separator join is
    unambiguous and several times faster than JSON (this runs ~20 times per ingested record)."""
    payload = _SEP.join("" if p is None else str(p) for p in parts)
    return hashlib.blake2b(payload.encode("utf-8"), digest_size=size).hexdigest()


def node_id(label: str, *key: Any) -> str:
    return f"{PREFIX[label]}_{digest(label, *key)}"


@lru_cache(maxsize=1 << 18)
def shared_node_id(label: str, *key: Any) -> str:
    """``node_id`` memoised, for nodes that recur on many records (ports, countries, commodities...)."""
    return node_id(label, *key)


def rel_id(rel_type: str, src: str, dst: str) -> str:
    return f"r_{digest(rel_type, src, dst, size=12)}"


def content_hash(text: str) -> str:
    """Hash of a record's cleaned content (provenance excluded), to tell duplicates from updates."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
