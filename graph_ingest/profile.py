"""Mapping profiles: one small YAML file per source says how to read its files.

See docs/mapping-profiles.md for the user's guide.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from consignet.errors import InputError
from consignet.model import canonical_fields

ScopeKind = Literal["network", "group", "countries", "originator"]


class Scope(BaseModel):
    """Who may see a record: the originator's handling decision, kept on every record."""

    model_config = ConfigDict(extra="forbid")
    kind: ScopeKind = "network"
    group: str | None = None
    countries: list[str] = Field(default_factory=list)


class Profile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    source: str = Field(description="Short stable name of the source, e.g. kz-customs-manifest")
    description: str = ""
    record_type: Literal["consignment", "seizure"] = "consignment"
    reporting_country: str = Field(description="ISO alpha-2 of the country that sends these files")
    format: Literal["auto", "csv", "xlsx", "json", "ndjson"] = "auto"
    encoding: str = Field(default="auto", description="auto | utf-8 | utf-8-sig | cp1251 | ...")
    delimiter: str | None = Field(default=None, description="CSV delimiter; None = detect")
    sheet: str | int | None = Field(default=None, description="XLSX sheet name or 0-based index")
    header_row: int = Field(default=1, description="1-based row of the header in CSV/XLSX")
    decimal: Literal[".", ","] = "."
    thousands: str | None = Field(default=None, description="Thousands separator, e.g. ' ' or '.'")
    date_formats: list[str] = Field(default_factory=list, description="strptime formats tried first")
    dayfirst: bool = True
    list_separator: str = ";"
    scope: Scope = Field(default_factory=Scope)
    columns: dict[str, str] = Field(description="source column header -> canonical field")
    constants: dict[str, str] = Field(default_factory=dict, description="canonical field -> fixed value")
    required: list[str] | None = Field(
        default=None, description="canonical fields this source must carry; default: the model's required"
    )
    confidence: dict[str, float] = Field(default_factory=dict, description="written by `profile suggest`")
    unmapped: list[str] = Field(default_factory=list, description="columns `profile suggest` left open")

    @field_validator("reporting_country")
    @classmethod
    def _alpha2(cls, value: str) -> str:
        value = value.strip().upper()
        if len(value) != 2 or not value.isalpha():
            raise ValueError("reporting_country must be an ISO 3166 alpha-2 code")
        return value

    @model_validator(mode="after")
    def _known_fields(self) -> Profile:
        known = canonical_fields(self.record_type)
        bad = sorted({f for f in list(self.columns.values()) + list(self.constants) if f not in known})
        if bad:
            raise ValueError(f"unknown canonical field(s) {bad}; see docs/mapping-profiles.md")
        return self

    def required_fields(self) -> list[str]:
        if self.required is not None:
            return self.required
        return [n for n, s in canonical_fields(self.record_type).items() if s.get("required")]

    def to_yaml(self) -> str:
        data = self.model_dump(mode="json", exclude_defaults=False)
        return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def load_profile(path: str | Path) -> Profile:
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(f"{path}: cannot read mapping profile: {exc}") from exc
    if not isinstance(data, dict):
        raise InputError(f"{path}: a mapping profile is a YAML mapping")
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "profile"
        raise InputError(f"{path}: field {where}: {first['msg']}") from exc
