"""Link-analysis reads: the interface both stores implement, and the rules they share.

``AnalysisReads`` is a mixin for a ``GraphStore``: ``EmbeddedAnalysis`` answers over the networkx graph,
``Neo4jAnalysis`` in Cypher (cypher/analysis/). What a hub is, what makes an identifier common, what
counts as evidence and how answers are ordered are defined here once, so both backends give the same
answers; the two walks (neighbourhood, shortest paths) are written here once too, over a small
``expand`` step each backend provides (a Cypher query on Neo4j), so only bounded subgraphs reach Python.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from consignet import ids
from consignet.errors import InputError, NotFoundError
from consignet.model import load_yaml
from consignet.scope import Viewer

# Through these every actor is a few hops from every other: walks do not pass through them unless the
# caller names them in ``via`` (they still show as leaves of a neighbourhood).
HUB_LABELS = ("Country", "Port", "Commodity", "Route")
# Identifier-like nodes and how "shared by very many" is measured: actors using it (derived link), or,
# where no actor-level link exists, records carrying it.
COMMON_MEASURE = {
    "TaxId": ("USES_IDENTIFIER", "actors"), "Phone": ("USES_IDENTIFIER", "actors"),
    "Email": ("USES_IDENTIFIER", "actors"), "Address": ("USES_IDENTIFIER", "actors"),
    "Container": ("USED_CONTAINER", "actors"), "BillOfLading": ("UNDER_BL", "records"),
    "Seal": ("SEALED_WITH", "records"), "Vessel": ("ON_VESSEL", "records"),
}
SHARED_IDENTIFIER_LABELS = ("TaxId", "Phone", "Email", "Address", "Container", "BillOfLading")
COMMON_THRESHOLD = 10  # an identifier used by this many actors is "common", not a link
RECORD_LABELS = ("Consignment", "Mention", "Seizure", "ConsignmentVersion")  # carry the sharing scope
HIDDEN_LABELS = ("Meta", "IngestRun", "Judgement")  # bookkeeping, never part of link analysis
DERIVED_LINKS = ("SHIPPED_TO", "USES_IDENTIFIER", "USED_CONTAINER")
IDENTIFIER_RELS = ("HAS_TAX_ID", "HAS_PHONE", "HAS_EMAIL", "HAS_ADDRESS")
SENDER_ROLES = ("consignor", "seller")
RECEIVER_ROLES = ("consignee", "buyer")
MAX_HOPS = 3
MAX_PATH_LENGTH = 10
MAX_VISITED = 20_000  # nodes a path search may reach before it gives up (reported, not silent)
MAX_PATHS_ENUMERATED = 5_000

_MODEL = load_yaml("graph.yaml")
ALL_LABELS = tuple(_MODEL["nodes"])
ALL_REL_TYPES = tuple(_MODEL["relationships"])
# Archived versions are history, not links.
DEFAULT_REL_TYPES = tuple(t for t in ALL_REL_TYPES if t != "PREVIOUS_VERSION")
VIA_CHOICES = (*HUB_LABELS, "common")

# How the evidence of a node or link is found (see ``evidence_kind``).
NODE_EVIDENCE = {"Actor": "actor_mentions", **{k: "identifier_mentions" for k in ("TaxId", "Phone", "Email",
                                                                                  "Address")},
                 **{k: "node_records" for k in ("Container", "Vessel", "Port", "Route", "Commodity",
                                                "BillOfLading", "Seal", "Country")},
                 "Consignment": "self", "Seizure": "self", "Mention": "self"}
LINK_EVIDENCE = {"SHIPPED_TO": "shipped_to", "USES_IDENTIFIER": "uses_identifier",
                 "USED_CONTAINER": "used_container"}


@dataclass(frozen=True)
class Filters:
    """Record filters: shipment (or seizure) date range, originator countries, HS prefix (2-6 digits)."""

    date_from: str | None = None
    date_to: str | None = None
    countries: tuple[str, ...] | None = None
    hs_prefix: str | None = None

    @property
    def empty(self) -> bool:
        return not (self.date_from or self.date_to or self.countries or self.hs_prefix)

    def params(self) -> dict[str, Any]:
        return {"date_from": self.date_from, "date_to": self.date_to,
                "countries": list(self.countries) if self.countries else None, "hs_prefix": self.hs_prefix}

    def record_ok(self, props: dict[str, Any], hs: str | None) -> bool:
        """Whether a record (its date, originator and HS code ``hs``) passes; the Cypher twin is the
        ``$date_from``/``$countries``/``$hs_prefix`` predicate in cypher/analysis/*.cypher."""
        when = props.get("shipment_date") if props.get("shipment_date") is not None else props.get("seizure_date")
        if self.date_from and (when is None or when < self.date_from):
            return False
        if self.date_to and (when is None or when > self.date_to):
            return False
        if self.countries and props.get("originator") not in self.countries:
            return False
        return not self.hs_prefix or (hs is not None and str(hs).startswith(self.hs_prefix))

    def link_ok(self, rel_type: str, props: dict[str, Any]) -> bool:
        """Derived links are kept when their first/last dates overlap the range (and, for SHIPPED_TO, one of
        their originators is asked for)."""
        if rel_type not in DERIVED_LINKS:
            return True
        if self.date_to and props.get("first_date") is not None and props["first_date"] > self.date_to:
            return False
        if self.date_from and props.get("last_date") is not None and props["last_date"] < self.date_from:
            return False
        return not (self.countries and rel_type == "SHIPPED_TO"
                    and not set(props.get("originators") or []) & set(self.countries))


def make_filters(date_from: date | str | None = None, date_to: date | str | None = None,
                 countries: Iterable[str] | None = None, hs: str | None = None) -> Filters:
    """Validated filters (bad values raise InputError naming the parameter)."""
    def iso(name: str, value: date | str | None) -> str | None:
        if value in (None, ""):
            return None
        if isinstance(value, date):
            return value.isoformat()
        try:
            return date.fromisoformat(str(value)).isoformat()
        except ValueError:
            raise InputError(f"{name} must be a date YYYY-MM-DD, got {value!r}") from None

    start, end = iso("date_from", date_from), iso("date_to", date_to)
    if start and end and start > end:
        raise InputError(f"date_from {start} is after date_to {end}")
    codes: list[str] = []
    for item in countries or []:
        for code in str(item).split(","):
            code = code.strip().upper()
            if not code:
                continue
            if not re.fullmatch(r"[A-Z]{2}", code):
                raise InputError(f"countries: {code!r} is not an ISO 3166 alpha-2 code")
            codes.append(code)
    prefix = re.sub(r"[\s.]", "", hs or "") or None
    if prefix and not re.fullmatch(r"\d{2,6}", prefix):
        raise InputError(f"hs must be an HS prefix of 2 to 6 digits (e.g. 85, 8542, 854231), got {hs!r}")
    return Filters(start, end, tuple(sorted(set(codes))) or None, prefix)


# -- nodes ----------------------------------------------------------------------------------------
def primary_label(node_id: str, labels: Sequence[str] = ()) -> str:
    """The model label of a node: from its id prefix (labels() order is not defined in Neo4j)."""
    label = ids.LABEL_OF_PREFIX.get(node_id.split("_", 1)[0])
    if label:
        return label
    return next((lab for lab in labels if lab in ALL_LABELS), labels[0] if labels else "")


# The properties that name a node, by label (module level: display_name runs for every listed node).
_NAME_KEYS: dict[str, tuple[str, ...]] = {
    "Actor": ("name",), "Mention": ("name",), "Consignment": ("record_id",), "Seizure": ("record_id",),
    "Container": ("number",), "BillOfLading": ("number",), "Seal": ("number",), "Vessel": ("name", "imo"),
    "Port": ("locode",), "Route": ("label",), "Country": ("code",), "Commodity": ("hs6",),
    "TaxId": ("value",), "Phone": ("e164",), "Email": ("address",), "Address": ("text", "text_norm"),
}


def display_name(label: str, props: dict[str, Any]) -> str:
    """A short human name for a node in any answer."""
    for key in _NAME_KEYS.get(label, ("id",)):
        if props.get(key):
            value = props[key]
            if label in ("Consignment", "Seizure"):
                return f"{props.get('originator')}/{value}"
            if label == "Vessel" and key == "name" and props.get("imo"):
                return f"{value} (IMO {props['imo']})"
            if label == "TaxId":
                return f"{props.get('scheme')}:{value}"
            return str(value)
    return str(props.get("id", ""))


def identifier_value(label: str, props: dict[str, Any]) -> str:
    return display_name(label, props)


# Neo4j's derive step keeps on actors and derived links the ids of their oldest records (the first page of
# their evidence, read by id instead of walking the records); bookkeeping, not part of any answer.
EVIDENCE_IDS = "evidence_ids"
STORED_EVIDENCE = 10  # how many ids the derive step keeps (cypher/derive/*.cypher)
INTERNAL_PROPS = ("payload", EVIDENCE_IDS)


def public_props(props: dict[str, Any]) -> dict[str, Any]:
    """Node properties as answered: the archived payload of a version is left out (it can be big), and so
    are bookkeeping and empty values (Neo4j does not store nulls; the embedded store keeps them)."""
    return {k: v for k, v in props.items() if k not in INTERNAL_PROPS and v is not None}


def common_flags(label: str, measure: int | None, via: Sequence[str], threshold: int) -> tuple[bool, bool]:
    """(hub, common) for a node: walks pass through neither unless ``via`` names them."""
    hub = label in HUB_LABELS and label not in via
    common = (label in COMMON_MEASURE and measure is not None and measure >= threshold
              and "common" not in via)
    return hub, common


# -- evidence -------------------------------------------------------------------------------------
def evidence_record(label: str, props: dict[str, Any]) -> dict[str, Any]:
    """One supporting record: a Consignment or Seizure (from its node or from a Mention on it)."""
    if label == "Mention":
        record, record_type, when, role = props.get("consignment_id"), "Consignment", props.get("shipment_date"), \
            props.get("role")
    elif label == "Seizure":
        record, record_type, when, role = props.get("id"), "Seizure", props.get("seizure_date"), None
    else:
        record, record_type, when, role = props.get("id"), "Consignment", props.get("shipment_date"), None
    return {"record": record, "record_type": record_type, "record_id": props.get("record_id"),
            "originator": props.get("originator"),
            "reporting_country": props.get("reporting_country") or props.get("originator"),
            "file": props.get("source_file"), "row": props.get("source_row"), "date": when, "role": role}


def evidence_sort_key(rec: dict[str, Any]) -> tuple[str, str, str]:
    # Same order as the Cypher: ORDER BY coalesce(date, ''), record, coalesce(role, '')
    return (rec.get("date") or "", rec.get("record") or "", rec.get("role") or "")


def evidence_page(records: list[dict[str, Any]], offset: int, limit: int) -> dict[str, Any]:
    records = sorted(records, key=evidence_sort_key)
    return {"total": len(records), "offset": offset, "limit": limit, "records": records[offset:offset + limit]}


def empty_evidence(offset: int = 0, limit: int = 0) -> dict[str, Any]:
    return {"total": 0, "offset": offset, "limit": limit, "records": []}


def node_evidence_key(node_id: str) -> tuple[str, ...]:
    return ("node", node_id)


def link_evidence_key(rel_type: str, source: str, target: str) -> tuple[str, ...]:
    return ("link", rel_type, source, target)


# Nodes with more links than this (a carrier's or a port agent's mentions, the address of a busy actor)
# show only their record count inside a neighbourhood or a path; GET /evidence pages their records.
EVIDENCE_SCAN_LIMIT = 2000
WEIGHT_RELS = {"Actor": ("RESOLVES_TO",), **{k: IDENTIFIER_RELS for k in ("TaxId", "Phone", "Email", "Address")},
               "Container": ("IN_CONTAINER",), "BillOfLading": ("UNDER_BL",)}


def evidence_plan(nodes: dict[str, dict[str, Any]], links: list[dict[str, Any]], viewer: Viewer,
                  filters: Filters) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]], dict[tuple[str, ...], Any]]:
    """Which evidence of a graph answer gets a page of records (``full``), which a count only (``light``:
    hubs, common identifiers, heavy nodes, links between heavy nodes), and which counts are read from the
    stored aggregates (heavy derived links in the unrestricted, unfiltered view)."""
    def heavy(node_id: str) -> bool:
        return (nodes[node_id].get("weight") or 0) > EVIDENCE_SCAN_LIMIT

    full: list[tuple[str, ...]] = []
    light: list[tuple[str, ...]] = []
    stored: dict[tuple[str, ...], Any] = {}
    for node_id, node in nodes.items():
        key = node_evidence_key(node_id)
        (light if node.get("hub") or node.get("common") or heavy(node_id) else full).append(key)
    for li in links:
        key = link_evidence_key(li["type"], li["source"], li["target"])
        if li["type"] in DERIVED_LINKS and heavy(li["source"]) and heavy(li["target"]):
            if viewer.unrestricted and filters.empty:
                stored[key] = {"total": li["props"].get("record_count") or 0, "offset": 0, "limit": 0, "records": []}
            else:
                light.append(key)
        else:
            full.append(key)
    return full, light, stored


def link_id(rel_type: str, source: str, target: str) -> str:
    return ids.rel_id(rel_type, source, target)


def check_walk_args(hops: int | None = None, limit: int | None = None, via: Iterable[str] = (),
                    rel_types: Iterable[str] | None = None, labels: Iterable[str] | None = None,
                    max_length: int | None = None) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...] | None]:
    """Validate walk parameters; returns (via, rel_types, labels)."""
    if hops is not None and not 1 <= hops <= MAX_HOPS:
        raise InputError(f"hops must be between 1 and {MAX_HOPS}, got {hops}")
    if limit is not None and limit < 1:
        raise InputError(f"limit must be at least 1, got {limit}")
    if max_length is not None and not 1 <= max_length <= MAX_PATH_LENGTH:
        raise InputError(f"max_length must be between 1 and {MAX_PATH_LENGTH}, got {max_length}")
    via_t = tuple(sorted({v for v in via if v}))
    bad = [v for v in via_t if v not in VIA_CHOICES]
    if bad:
        raise InputError(f"via: unknown {bad}; choose from {list(VIA_CHOICES)}")
    types = tuple(sorted(set(rel_types))) if rel_types else DEFAULT_REL_TYPES
    bad = [t for t in types if t not in ALL_REL_TYPES]
    if bad:
        raise InputError(f"rel_types: unknown {bad}; the model has {list(ALL_REL_TYPES)}")
    labels_t = tuple(sorted(set(labels))) if labels else None
    bad = [lab for lab in labels_t or () if lab not in ALL_LABELS or lab in HIDDEN_LABELS]
    if bad:
        raise InputError(f"labels: unknown {bad}")
    return via_t, types, labels_t


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


DECISIONS = ("confirm", "reject", "unsure")
JUDGEMENTS_KEY = "judgements"  # as consignet.resolve_service.load_judgements reads them
REVIEW_KEY = "review_queue"


class AnalysisReads(ABC):
    """The reads behind the API. Every method takes a ``Viewer``; ids unknown (or out of scope) raise
    NotFoundError, bad parameters InputError. Mixed into a GraphStore (``get_meta``/``set_meta``)."""

    get_meta: Callable[[str], Any]
    set_meta: Callable[[str, Any], None]

    @abstractmethod
    def repeat_actors(self, viewer: Viewer, *, min_countries: int = 2, filters: Filters = Filters(),
                      limit: int = 50, offset: int = 0, evidence_limit: int = 3,
                      counterparties: int = 5) -> dict[str, Any]:
        """Actors seen in records of >= ``min_countries`` originator countries, ranked by countries,
        records and records of high-priority (CHPL) HS codes."""

    @abstractmethod
    def actor_profile(self, actor_id: str, viewer: Viewer, *, evidence_limit: int = 3,
                      list_limit: int = 50) -> dict[str, Any]:
        """Names by script, identifiers, countries, counterparties, containers, vessels, routes."""

    @abstractmethod
    def actor_timeline(self, actor_id: str, viewer: Viewer, *, filters: Filters = Filters(), limit: int = 50,
                       offset: int = 0) -> dict[str, Any]:
        """Records by month and the records themselves (paged, oldest first)."""

    @abstractmethod
    def search(self, q: str, viewer: Viewer, *, limit: int = 20, kind: str | None = None) -> dict[str, Any]:
        """Actors by name across scripts and spellings, and identifiers by exact value."""

    @abstractmethod
    def neighbourhood(self, node_id: str, viewer: Viewer, *, hops: int = 2, limit: int = 100,
                      via: Sequence[str] = (), rel_types: Sequence[str] | None = None,
                      labels: Sequence[str] | None = None, filters: Filters = Filters(),
                      common_threshold: int = COMMON_THRESHOLD, evidence_limit: int = 3) -> dict[str, Any]: ...

    @abstractmethod
    def paths(self, source: str, target: str, viewer: Viewer, *, max_length: int = 6, all_paths: bool = False,
              limit: int = 10, via: Sequence[str] = (), rel_types: Sequence[str] | None = None,
              filters: Filters = Filters(), common_threshold: int = COMMON_THRESHOLD,
              evidence_limit: int = 3) -> dict[str, Any]: ...

    @abstractmethod
    def shared_identifiers(self, actor_id: str, viewer: Viewer, *, common_threshold: int = COMMON_THRESHOLD,
                           labels: Sequence[str] | None = None, evidence_limit: int = 3) -> dict[str, Any]: ...

    @abstractmethod
    def common_identifiers(self, viewer: Viewer, *, threshold: int = COMMON_THRESHOLD,
                           labels: Sequence[str] | None = None, limit: int = 50, offset: int = 0) -> dict[str, Any]: ...

    @abstractmethod
    def container_history(self, number: str, viewer: Viewer, *, limit: int = 50, offset: int = 0,
                          window_days: int = 14) -> dict[str, Any]: ...

    @abstractmethod
    def container_anomalies(self, viewer: Viewer, *, kinds: Sequence[str] = (), min_owners: int = 3,
                            window_days: int = 14, limit: int = 50, offset: int = 0) -> dict[str, Any]: ...

    @abstractmethod
    def vessel(self, imo: str, viewer: Viewer, *, limit: int = 50, offset: int = 0) -> dict[str, Any]: ...

    @abstractmethod
    def evidence(self, keys: Sequence[tuple[str, ...]], viewer: Viewer, *, filters: Filters = Filters(),
                 limit: int = 3, offset: int = 0) -> dict[tuple[str, ...], dict[str, Any]]:
        """Supporting records of nodes (``("node", id)``) and links (``("link", type, source, target)``),
        one page each. Unknown keys get an empty page."""

    @abstractmethod
    def node_summaries(self, node_ids: Sequence[str], viewer: Viewer) -> dict[str, dict[str, Any]]:
        """``{id, label, labels, name, props}`` of the visible nodes among ``node_ids``."""

    @abstractmethod
    def named_query(self, name: str, params: dict[str, Any], viewer: Viewer, *, timeout_s: float,
                    row_cap: int) -> dict[str, Any]: ...

    @abstractmethod
    def raw_cypher(self, query: str, params: dict[str, Any], viewer: Viewer, *, timeout_s: float,
                   row_cap: int) -> dict[str, Any]: ...

    # -- shared, over node_summaries and get_meta ------------------------------------------------
    def resolve_actor_id(self, actor_id: str) -> str:
        """An actor id absorbed by a later resolution run still finds its actor (ids stay valid)."""
        aliases = (self.get_meta("resolution_anchors") or {}).get("aliases") or {}
        seen = {actor_id}
        while actor_id in aliases and aliases[actor_id] not in seen:
            actor_id = aliases[actor_id]
            seen.add(actor_id)
        return actor_id

    def require_node(self, node_id: str, viewer: Viewer, label: str | None = None) -> dict[str, Any]:
        """The node's summary, or NotFoundError (unknown, out of scope, or not of ``label``)."""
        node = self.node_summaries([node_id], viewer).get(node_id)
        if node is None or (label and label not in node["labels"]):
            what = label.lower() if label else "node"
            raise NotFoundError(f"no {what} with id {node_id!r}")
        return node

    def judgements(self, viewer: Viewer) -> list[dict[str, Any]]:
        return list(self.get_meta(JUDGEMENTS_KEY) or [])

    def add_judgement(self, viewer: Viewer, a: str, b: str, decision: str, note: str | None,
                      by: str | None) -> dict[str, Any]:
        """Keep an analyst's decision on two mentions or actors; the resolution run reads it
        (``consignet.resolve_service.load_judgements``). Judgements are never overwritten."""
        if decision not in DECISIONS:
            raise InputError(f"decision must be one of {list(DECISIONS)}, got {decision!r}")
        if a == b:
            raise InputError("a judgement needs two different ids")
        found = self.node_summaries([a, b], viewer)
        for node_id in (a, b):
            if node_id not in found or not {"Mention", "Actor"} & set(found[node_id]["labels"]):
                raise NotFoundError(f"no mention or actor with id {node_id!r}")
        entry = {"a": a, "b": b, "decision": decision, "note": note, "by": by, "at": now_iso()}
        self.set_meta(JUDGEMENTS_KEY, [*self.judgements(viewer), entry])
        return entry

    def review_queue(self, viewer: Viewer, *, limit: int = 50, offset: int = 0) -> dict[str, Any]:
        """Pairs resolution was unsure about (written by the last resolution run), with both sides named;
        pairs already judged are left out."""
        queue = list(self.get_meta(REVIEW_KEY) or [])
        judged = {frozenset((j["a"], j["b"])) for j in self.judgements(viewer)}
        pending = [p for p in queue if frozenset((p.get("a"), p.get("b"))) not in judged]
        page = pending[offset:offset + limit]
        names = self.node_summaries(sorted({p[k] for p in page for k in ("a", "b") if p.get(k)}), viewer)
        items = []
        for pair in page:
            if pair.get("a") in names and pair.get("b") in names:  # out of scope: not shown
                items.append({**pair, "a_node": names[pair["a"]], "b_node": names[pair["b"]]})
        return {"total": len(pending), "offset": offset, "limit": limit, "items": items}
