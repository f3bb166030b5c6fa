"""The risk weights file: loaded once, validated, with errors that name the file and the field.

The shipped file is ``risk_weights.yaml`` beside this module. An agency points ``CONSIGNET_RISK_WEIGHTS``
at its own copy (read through ``consignet.settings`` once the setting exists there, from the environment
until then).
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from consignet.errors import InputError

DEFAULT_PATH = Path(__file__).with_name("risk_weights.yaml")
ENV_VAR = "CONSIGNET_RISK_WEIGHTS"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Indicator(_Strict):
    doc: str = ""
    source: str = ""
    weight: float = Field(default=1.0, ge=0)


class Chpl(Indicator):
    tiers: dict[str, float]


class Hub(Indicator):
    chpl_only: bool = True
    hub_countries: list[str]


class Split(Indicator):
    min_consignments: int = Field(ge=2)
    window_days: int = Field(ge=0)
    small_kg: float = Field(ge=0)
    small_share: float = Field(ge=0, le=1)


class Outlier(Indicator):
    min_peers: int = Field(ge=3)
    max_robust_z: float = Field(gt=0)


class Vague(Indicator):
    chapters: list[str]
    generic_words: list[str]


class Window(Indicator):
    window_days: int = Field(ge=0)


class NewCompany(Indicator):
    max_age_days: int = Field(ge=1)
    chpl_only: bool = True


class Forwarder(Indicator):
    chpl_only: bool = True
    name_words: list[str]


class Proximity(Indicator):
    decay: float = Field(gt=0, le=1)
    max_hops: int = Field(ge=1, le=6)
    min_strength: float = Field(gt=0, le=1)
    link_factors: dict[str, float]
    severity_factors: dict[str, float] = Field(default_factory=dict)


class Indicators(_Strict):
    chpl_goods: Chpl
    transshipment_hub: Hub
    sea_discharge_landlocked: Indicator
    split_shipment: Split
    value_outlier: Outlier
    vague_description: Vague
    relay: Window
    container_clone: Indicator
    new_company: NewCompany
    forwarder_consignee: Forwarder
    shared_contact: Indicator
    proximity: Proximity
    community: Indicator


class CommunityParams(_Strict):
    cooccurrence_weight: float = Field(gt=0)
    identifier_weight: float = Field(gt=0)
    resolution: float = Field(gt=0)
    seed: int = 7


class Weights(_Strict):
    version: int = 1
    saturation: float = Field(ge=0, le=1)
    volume_share: float = Field(default=0.0, ge=0, le=1)
    alert_threshold: float = Field(ge=0)
    community_top: int = Field(ge=1)
    common_threshold: int = Field(ge=2)
    role_factors: dict[str, float]
    indicators: Indicators
    communities: CommunityParams
    path: str = ""
    digest: str = ""

    def indicator(self, name: str) -> Indicator:
        return getattr(self.indicators, name)

    def role(self, role: str | None) -> float:
        return self.role_factors.get(role or "", 0.0)


def weights_path() -> Path:
    """The configured weights file: the setting ``risk_weights`` (CONSIGNET_RISK_WEIGHTS) or the shipped one."""
    from consignet.settings import get_settings

    configured = getattr(get_settings(), "risk_weights", None) or os.environ.get(ENV_VAR)
    return Path(configured) if configured else DEFAULT_PATH


def load_weights(path: Path | str | None = None) -> Weights:
    return _load(str(Path(path) if path else weights_path()))


@lru_cache(maxsize=8)
def _load(path: str) -> Weights:
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read the risk weights file ({exc.strerror or exc})") from exc
    try:
        data: Any = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        raise InputError(f"{path}: not valid YAML ({exc})") from exc
    if not isinstance(data, dict):
        raise InputError(f"{path}: a risk weights file is a mapping (see {DEFAULT_PATH.name})")
    try:
        weights = Weights(**data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InputError(f"{path}: field {where}: {first['msg']}") from exc
    tiers = weights.indicators.chpl_goods.tiers
    if not tiers:
        raise InputError(f"{path}: field indicators.chpl_goods.tiers: give at least one tier")
    weights.path = path
    weights.digest = hashlib.blake2b(raw, digest_size=6).hexdigest()
    return weights
