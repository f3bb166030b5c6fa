"""E-mail addresses, lower-cased, with a deliberately simple syntax check.

Addresses are notoriously hard to validate fully; the check catches what breaks matching (missing @,
spaces, no domain) and leaves the rest. An invalid address is a warning with no value.
"""

from __future__ import annotations

import re

from consignet.values.base import Cleaned, RawValue, empty, good, is_blank, raw_text, warn

# Local part: no spaces, brackets, quotes or separators (as followthemoney's email type).
_LOCAL = re.compile(r"[^<>()\[\],;:\s@\"]{1,64}")
# Domain: dot-separated labels of letters (any script), digits and hyphens; a TLD of 2+ letters.
_LABEL = re.compile(r"(?!-)[\w-]{1,63}(?<!-)", re.UNICODE)


def clean(raw: RawValue) -> Cleaned:
    if is_blank(raw):
        return empty(raw)
    text = (raw_text(raw) or "").strip()
    if text.lower().startswith("mailto:"):
        text = text[7:]
    text = text.strip("<>").strip().lower()
    local, at, domain = text.rpartition("@")
    if not at or not _LOCAL.fullmatch(local):
        return warn(None, raw, "not an e-mail address (name@domain)")
    labels = domain.rstrip(".").split(".")
    tld = labels[-1]
    if len(labels) < 2 or not all(_LABEL.fullmatch(x) and "_" not in x for x in labels):
        return warn(None, raw, f"e-mail domain {domain!r} is not a valid domain name")
    if len(tld) < 2 or tld.isdigit():
        return warn(None, raw, f"e-mail domain {domain!r} has no top-level domain")
    return good(f"{local}@{'.'.join(labels)}", raw)
