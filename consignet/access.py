"""Who may ask what: API keys mapped to viewers (a member country and its closed groups), and the audit trail.

An installation that serves more than one agency lists its keys in a keys file (``CONSIGNET_API_KEYS_FILE``,
YAML). Each key has a name (who holds it, e.g. ``kz-pcu-aktau``), the country whose view it gets, the closed
groups it belongs to, and only the SHA-256 of the key itself: the key is shown once, when it is made, and a
stolen keys file gives no key away. Keys are 256-bit random tokens, so a plain hash is enough (a slow
password hash protects low-entropy secrets, which these are not). ``unrestricted: true`` marks the
operator's key (the whole graph, raw Cypher). Without a keys file the API answers with the unrestricted view,
which ``consignet serve`` allows on loopback only.

Every request is appended to the audit log (JSON lines): when, which key, which view, what was asked, the
answer's status and how long it took.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

from consignet.errors import ConsignetError, InputError
from consignet.scope import Viewer

KEY_PREFIX = "cn_"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


class Unauthorized(ConsignetError):
    """No key, or a key the installation does not know."""

    status = 401


@dataclass(frozen=True)
class ApiKey:
    name: str
    sha256: str
    country: str | None = None
    groups: frozenset[str] = field(default_factory=frozenset)
    unrestricted: bool = False

    @property
    def viewer(self) -> Viewer:
        return Viewer.all() if self.unrestricted else Viewer(self.country, self.groups)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "sha256": self.sha256}
        if self.unrestricted:
            out["unrestricted"] = True
        else:
            out.update(country=self.country, groups=sorted(self.groups))
        return out


def digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class KeyRing:
    """The keys file, read once; ``viewer_for`` compares digests in constant time."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.keys: list[ApiKey] = load_keys(path) if path.exists() else []

    def find(self, key: str | None) -> ApiKey:
        if not key:
            raise Unauthorized("this installation needs an API key: send it as 'X-API-Key: KEY' or "
                               "'Authorization: Bearer KEY'")
        wanted = digest(key.strip())
        for item in self.keys:
            if hmac.compare_digest(item.sha256, wanted):
                return item
        raise Unauthorized("unknown API key")

    def add(self, name: str, country: str | None, groups: list[str], unrestricted: bool) -> str:
        """A new key for ``name`` (returned once; only its digest is written)."""
        if not _NAME.match(name):
            raise InputError(f"key name {name!r}: letters, digits, '.', '_' and '-' only (at most 64)")
        if any(k.name == name for k in self.keys):
            raise InputError(f"{self.path}: a key named {name!r} exists already (revoke it first)")
        if unrestricted == bool(country):
            raise InputError("a key is either for one member country (--country XX) or --unrestricted")
        if country and not re.fullmatch(r"[A-Za-z]{2}", country):
            raise InputError(f"country {country!r}: an ISO 3166 alpha-2 code, e.g. KZ")
        key = KEY_PREFIX + secrets.token_urlsafe(32)
        self.keys.append(ApiKey(name, digest(key), country.upper() if country else None,
                                frozenset(g.strip() for g in groups if g.strip()), unrestricted))
        self._save()
        return key

    def revoke(self, name: str) -> None:
        kept = [k for k in self.keys if k.name != name]
        if len(kept) == len(self.keys):
            raise InputError(f"{self.path}: no key named {name!r}")
        self.keys = kept
        self._save()

    def _save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(self.path.suffix + ".tmp")
        tmp.write_text(yaml.safe_dump({"keys": [k.as_dict() for k in self.keys]}, sort_keys=False,
                                      allow_unicode=True), encoding="utf-8")
        tmp.chmod(0o600)
        tmp.replace(self.path)  # atomic: a server reading the file never sees half of it


def load_keys(path: Path) -> list[ApiKey]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(f"{path}: cannot read the keys file: {exc}") from exc
    out = []
    for i, item in enumerate(data.get("keys") or []):
        where = f"{path}: keys[{i}]"
        if not isinstance(item, dict) or not item.get("name") or not re.fullmatch(r"[0-9a-f]{64}",
                                                                                  str(item.get("sha256", ""))):
            raise InputError(f"{where}: needs 'name' and 'sha256' (64 hex digits)")
        unrestricted = bool(item.get("unrestricted"))
        country = item.get("country")
        if not unrestricted and not country:
            raise InputError(f"{where} ({item['name']}): needs 'country' or 'unrestricted: true'")
        out.append(ApiKey(str(item["name"]), item["sha256"], None if unrestricted else str(country).upper(),
                          frozenset(item.get("groups") or []), unrestricted))
    return out


class AuditLog:
    """Appends one JSON line per request. The file stays open (no open/close on every request of the hot
    path), line-buffered in append mode, so each entry reaches the file whole as it is written, also when
    several server workers append to it; a lock keeps lines whole between threads of one process."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        path.parent.mkdir(parents=True, exist_ok=True)
        self._fh = path.open("a", encoding="utf-8", buffering=1)

    def write(self, **entry: Any) -> None:
        line = json.dumps({"time": datetime.now(UTC).isoformat(timespec="milliseconds"), **entry},
                          ensure_ascii=False, default=str)
        with self._lock:
            self._fh.write(line + "\n")

    def close(self) -> None:
        self._fh.close()


def read_audit(path: Path, key: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
    """The newest ``limit`` entries (of one key's holder when ``key`` is given), oldest first."""
    if not path.exists():
        return []
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if key:
        rows = [r for r in rows if r.get("key") == key]
    return rows[-limit:] if limit else rows
