"""One settings object for the whole product, read from ``CONSIGNET_*`` environment variables."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# Passwords that ship in examples; refused for a server that is not on loopback.
PLACEHOLDER_SECRETS = {"changeme", "password", "neo4j", "secret", "changethis"}


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CONSIGNET_", env_file=".env", extra="ignore")

    store: Literal["embedded", "neo4j"] = "embedded"
    data_dir: Path = Field(default=Path("./data"))

    neo4j_uri: str = "bolt://127.0.0.1:7687"
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr | None = None
    neo4j_database: str = "neo4j"
    # The project's own Neo4j (``consignet neo4j start``).
    neo4j_port: int = 7687
    neo4j_heap: str = "1g"
    neo4j_pagecache: str = "512m"
    neo4j_version: str = "5.26.28"

    batch_size: int = 5000
    # Processes for entity resolution: 0 = two for runs of 100k mentions or more (when the process runs a
    # single thread), 1 = one (less memory, more time: figures in the README's settings table).
    resolution_workers: int = Field(default=0, ge=0)
    # HTML views: the most nodes a view draws before it is cut (with a visible note saying how to narrow it).
    view_max_nodes: int = 1500
    # Raw Cypher endpoint limits.
    cypher_timeout_s: float = 10.0
    cypher_row_cap: int = 5000
    # Access control: the API keys (see consignet/access.py); without a file the API serves the unrestricted
    # view, on loopback only. The audit trail of every API request (default: DATA_DIR/audit.jsonl).
    api_keys_file: Path | None = None
    audit_log: Path | None = None
    # FastAPI's native OpenTelemetry (traces, metrics and logs to the globally configured providers). Off
    # unless asked for: with nothing configured it still looks the providers up on every request, ~4 % of
    # the server's CPU on the actor profile under load (py-spy, 1M graph).
    telemetry: bool = False

    @field_validator("neo4j_password")
    @classmethod
    def _no_placeholder(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and value.get_secret_value().lower() in PLACEHOLDER_SECRETS:
            raise ValueError("CONSIGNET_NEO4J_PASSWORD is a placeholder: set a real secret")
        return value

    @property
    def embedded_path(self) -> Path:
        return self.data_dir / "consignet.sqlite"

    @property
    def audit_path(self) -> Path:
        return self.audit_log or self.data_dir / "audit.jsonl"

    @property
    def neo4j_home(self) -> Path:
        return self.data_dir / "neo4j"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
