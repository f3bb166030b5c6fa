"""Response and request models: what /docs and /openapi.json promise to scripts.

Answers are open (``extra="allow"``): a field added later does not break a client, and the models
document the keys clients rely on.
"""

from __future__ import annotations

from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ErrorBody(Open):
    status: int
    detail: str = Field(description="what went wrong, for the user")
    type: str


class ErrorResponse(BaseModel):
    error: ErrorBody


class EvidenceRecord(Open):
    record: str | None = Field(description="node id of the consignment or seizure")
    record_type: str
    record_id: str | None = Field(description="the record's id at its originator")
    originator: str | None
    reporting_country: str | None
    file: str | None
    row: int | None
    date: str | None
    role: str | None = None


class EvidencePage(Open):
    total: int
    offset: int = 0
    limit: int = 0
    records: list[EvidenceRecord]


class Page(Open, Generic[T]):
    total: int
    offset: int
    limit: int
    items: list[T]


class NodeOut(Open):
    id: str
    label: str
    labels: list[str]
    name: str
    props: dict[str, Any]
    evidence: EvidencePage | None = None


class GraphNode(NodeOut):
    hop: int | None = None
    hub: bool = False
    common: bool = False
    expanded: bool | None = None
    measure: int | None = Field(None, description="actors (or records) using an identifier, vessel or container")


class GraphLink(Open):
    id: str
    type: str
    source: str
    target: str
    props: dict[str, Any]
    evidence: EvidencePage


class Neighbourhood(Open):
    center: str
    hops: int
    limit: int
    capped: bool = Field(description="true when the node limit cut the answer")
    via: list[str]
    nodes: list[GraphNode]
    links: list[GraphLink]


class PathOut(Open):
    length: int
    nodes: list[GraphNode]
    links: list[GraphLink]


class Paths(Open):
    from_: str = Field(alias="from")
    to: str
    max_length: int
    found: bool
    length: int | None
    total_paths: int
    truncated: bool
    search_capped: bool
    paths: list[PathOut]


class Counterparty(Open):
    id: str
    name: str | None
    direction: Literal["out", "in"]
    records: int
    first_date: str | None
    last_date: str | None


class RepeatActor(Open):
    id: str
    name: str | None
    kind: str | None
    countries: list[str]
    country_count: int
    records: int
    high_priority: int = Field(description="records with an HS code on the Common High Priority List")
    first_seen: str | None
    last_seen: str | None
    names: list[str]
    counterparties: list[Counterparty]
    evidence: EvidencePage = Field(description="the earliest record from each originator country")


class RepeatActors(Page[RepeatActor]):
    min_countries: int


class NameVariant(Open):
    name: str | None
    script: str | None
    mentions: int


class ActorIdentifier(Open):
    id: str
    label: str
    value: str
    records: int
    actors: int
    common: bool


class UsedNode(Open):
    id: str
    name: str
    records: int
    first_date: str | None
    last_date: str | None


class ActorProfile(Open):
    id: str
    requested_id: str | None = Field(description="the id asked for, when it was absorbed into this actor")
    labels: list[str]
    kind: str | None
    name: str | None
    aliases: list[str]
    names: list[NameVariant]
    names_by_script: dict[str, list[str | None]]
    legal_forms: list[str]
    roles: list[str]
    countries: dict[str, list[str]]
    records: int
    mentions: int
    first_seen: str | None
    last_seen: str | None
    identifiers: list[ActorIdentifier]
    containers: list[UsedNode]
    vessels: list[UsedNode]
    routes: list[UsedNode]
    counterparties: list[Counterparty]
    evidence: EvidencePage


class Party(Open):
    role: str | None
    position: int | None
    name: str | None
    mention: str | None
    actor: str | None
    actor_name: str | None


class Event(EvidenceRecord):
    departure_date: str | None
    arrival_date: str | None
    hs6: str | None
    goods_description: str | None
    vessel: dict[str, Any] | None
    loading: str | None
    discharge: str | None
    transshipment: list[str]
    containers: list[str]
    parties: list[Party]


class Month(Open):
    month: str
    records: int
    countries: dict[str, int]


class Timeline(Open):
    id: str
    requested_id: str | None
    months: list[Month]
    records: Page[Event]


class SearchHit(Open):
    id: str
    label: str
    name: str | None
    kind: str | None
    score: float
    reason: str
    matched: str | None
    countries: list[str]
    records: int | None


class SearchResult(Open):
    q: str
    normalised: str
    items: list[SearchHit]
    identifiers: list[NodeOut]


class IdentifierRef(Open):
    id: str
    label: str
    value: str


class SharedEntry(Open):
    identifier: IdentifierRef
    used_by: int | None
    used_by_kind: Literal["actors", "records"]
    records: int
    evidence: EvidencePage
    actors: list[dict[str, Any]] = []


class SharedIdentifiers(Open):
    id: str
    requested_id: str | None
    common_threshold: int
    shared: list[SharedEntry]
    common: list[SharedEntry]
    own: list[SharedEntry]


class CommonIdentifier(Open):
    id: str
    label: str
    value: str
    used_by: int
    used_by_kind: Literal["actors", "records"]
    records: int | None


class CommonIdentifiers(Page[CommonIdentifier]):
    threshold: int


class Anomaly(Open):
    number: str
    id: str
    kind: Literal["overlap", "unrelated_reuse", "many_owners"]
    count: int
    pairs: list[list[str]]
    owners: list[str]
    records: list[str]
    detail: str


class AnomalyOut(Anomaly):
    evidence: list[EvidenceRecord]


class Anomalies(Page[AnomalyOut]):
    min_owners: int
    window_days: int


class ContainerHistory(Open):
    number: str
    id: str
    props: dict[str, Any]
    records: Page[Event]
    actors: list[dict[str, Any]]
    seizures: list[dict[str, Any]]
    anomalies: list[Anomaly]


class VesselOut(Open):
    imo: str
    id: str
    name: str | None
    props: dict[str, Any]
    ports: list[dict[str, Any]]
    voyages: list[str]
    first_seen: str | None
    last_seen: str | None
    records: Page[Event]


class JudgementIn(BaseModel):
    a: str = Field(description="mention or actor id")
    b: str = Field(description="mention or actor id")
    decision: Literal["confirm", "reject", "unsure"]
    note: str | None = Field(None, max_length=2000)
    by: str | None = Field(None, max_length=200, description="who decided")


class JudgementOut(Open):
    a: str
    b: str
    decision: str
    note: str | None
    by: str | None
    at: str


class ReviewItem(Open):
    a: str
    b: str
    score: float | None = None
    a_node: dict[str, Any] | None
    b_node: dict[str, Any] | None


class Health(Open):
    status: Literal["ok"]
    backend: str
    counts: dict[str, int]


class Stats(Open):
    nodes: dict[str, int]
    relationships: dict[str, int]
    consignments_by_country: dict[str, int]


class QueryParam(Open):
    name: str
    type: str
    doc: str
    example: Any = None


class QueryInfo(Open):
    name: str
    area: str
    title: str
    purpose: str
    mode: str
    runnable: bool = Field(description="read queries run over POST /queries/{name}")
    params: list[QueryParam]
    text: str | None = None


class NamedQueryIn(BaseModel):
    params: dict[str, Any] = Field(default_factory=dict)


class CypherIn(BaseModel):
    query: str = Field(min_length=1, max_length=100_000)
    params: dict[str, Any] = Field(default_factory=dict)


class CypherResult(Open):
    columns: list[str]
    rows: list[list[Any]]
    row_count: int
    truncated: bool = Field(description="more rows than the row cap: the rest were not read")
    row_cap: int
    timeout_s: float
