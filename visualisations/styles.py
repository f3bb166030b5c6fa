"""How each kind of node and link looks: one table, read by the page (vis options) and by the legend.

Colours are from the Tableau 10 / Category 20 palettes (distinct for colour-blind readers in the
pairs that sit next to each other: actors blue, records brown, containers orange, seizures red).
Shapes are vis-network's built-in ones, so nothing has to be loaded.
"""

from __future__ import annotations

from dataclasses import dataclass

from consignet.store.analysis import display_name


@dataclass(frozen=True)
class NodeStyle:
    title: str  # the legend's words for it
    color: str
    shape: str  # a vis-network shape whose label sits below it
    size: int


NODE_STYLES: dict[str, NodeStyle] = {
    "Company": NodeStyle("company", "#1f77b4", "dot", 16),
    "Person": NodeStyle("person", "#9467bd", "triangle", 16),
    "Actor": NodeStyle("party (company or person unknown)", "#6baed6", "dot", 14),
    "Mention": NodeStyle("party as written on one record", "#aec7e8", "dot", 8),
    "Consignment": NodeStyle("consignment record", "#8c564b", "square", 10),
    "ConsignmentVersion": NodeStyle("earlier version of a record", "#c49c94", "square", 8),
    "Seizure": NodeStyle("seizure", "#d62728", "star", 20),
    "Flag": NodeStyle("analyst's flag", "#ff7f0e", "star", 14),
    "Container": NodeStyle("container", "#ff7f0e", "hexagon", 12),
    "Vessel": NodeStyle("vessel", "#17becf", "triangleDown", 13),
    "Port": NodeStyle("port", "#2ca02c", "diamond", 12),
    "Route": NodeStyle("route", "#98df8a", "dot", 8),
    "Country": NodeStyle("country", "#bcbd22", "square", 22),
    "Commodity": NodeStyle("HS-6 commodity", "#e377c2", "triangle", 10),
    "TaxId": NodeStyle("tax or company id", "#637939", "diamond", 9),
    "Phone": NodeStyle("phone", "#e7ba52", "diamond", 9),
    "Email": NodeStyle("e-mail", "#ad494a", "diamond", 9),
    "Address": NodeStyle("address", "#8ca252", "diamond", 9),
    "BillOfLading": NodeStyle("bill of lading", "#843c39", "diamond", 9),
    "Seal": NodeStyle("seal", "#a55194", "diamond", 8),
}
FALLBACK = NodeStyle("other", "#7f7f7f", "dot", 8)

# Markers drawn on top of the type's look (border colour and width), with the legend's words.
SEIZED_BORDER = "#d62728"
FLAGGED_BORDER = "#ff7f0e"
MARKERS = {
    "focus": "what the view is about (larger)",
    "seized": "seized, or named in a seizure (thick red border)",
    "flagged": "flagged: analyst's flag, container anomaly or high-priority goods (thick orange border)",
    "hub": "hub or common identifier: shown, not walked through (dashed border)",
}


@dataclass(frozen=True)
class EdgeStyle:
    title: str
    color: str
    dashes: bool = False


# Link families: what the line means to an investigator.
EDGE_STYLES: dict[str, EdgeStyle] = {
    "shipping": EdgeStyle("goods shipped (arrow: sender to receiver)", "#1f4e79"),
    "identifier": EdgeStyle("uses the same identifier or container", "#7f7f7f"),
    "party": EdgeStyle("party on a record (role)", "#8c564b"),
    "seizure": EdgeStyle("seizure", SEIZED_BORDER),
    "anomaly": EdgeStyle("container anomaly (overlap or reuse)", SEIZED_BORDER, dashes=True),
    "reported": EdgeStyle("named in records of that country", "#bcbd22"),
    "record": EdgeStyle("other record link (port, vessel, goods, route)", "#c7c7c7"),
}
LINK_FAMILY = {
    "SHIPPED_TO": "shipping", "USES_IDENTIFIER": "identifier", "USED_CONTAINER": "identifier",
    "HAS_PARTY": "party", "RESOLVES_TO": "party", "SEIZED": "seizure", "SEIZED_CONTAINER": "seizure",
    "FLAGS": "seizure", "ANOMALY": "anomaly", "REPORTED_BY": "reported", "SEEN_IN": "reported",
    "HAS_TAX_ID": "identifier", "HAS_PHONE": "identifier", "HAS_EMAIL": "identifier", "HAS_ADDRESS": "identifier",
    "IN_CONTAINER": "identifier", "UNDER_BL": "identifier", "SEALED_WITH": "identifier",
}
# Words on the line for each link type (a party link shows the party's role instead).
LINK_VERBS = {
    "SHIPPED_TO": "shipped to", "USES_IDENTIFIER": "uses", "USED_CONTAINER": "used container",
    "RESOLVES_TO": "written as", "IN_CONTAINER": "in container", "ON_VESSEL": "on vessel",
    "LOADED_AT": "loaded at", "DISCHARGED_AT": "discharged at", "DELIVERED_AT": "delivered at",
    "TRANSSHIPPED_AT": "transshipped at", "FOLLOWS_ROUTE": "route", "CARRIES": "goods", "UNDER_BL": "B/L",
    "SEALED_WITH": "seal", "REPORTED_BY": "reported by", "PREVIOUS_VERSION": "earlier version",
    "HAS_TAX_ID": "tax id", "HAS_PHONE": "phone", "HAS_EMAIL": "e-mail", "HAS_ADDRESS": "address",
    "SEIZED": "seized", "SEIZED_CONTAINER": "seized", "FLAGS": "flags", "IN_COUNTRY": "in",
    "ANOMALY": "anomaly", "SEEN_IN": "in records of",
}


# Lines drawn without words (the tooltip has them): an actor's many lines to the countries of its records.
UNLABELLED = frozenset({"SEEN_IN"})


def node_kind(label: str, props: dict) -> str:
    """The style key: an actor is drawn by its kind (company, person, unknown)."""
    if label == "Actor":
        return {"company": "Company", "person": "Person"}.get(str(props.get("kind") or ""), "Actor")
    return label if label in NODE_STYLES else "other"


def style_of(kind: str) -> NodeStyle:
    return NODE_STYLES.get(kind, FALLBACK)


def short_label(label: str, props: dict, name: str | None = None, width: int = 38) -> str:
    """The words drawn under a node: its name, cut to ``width`` characters (the tooltip has it whole)."""
    text = name or display_name(label, props) or ""
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


def edge_family(rel_type: str) -> str:
    return LINK_FAMILY.get(rel_type, "record")


FAMILY_ORDER = ("anomaly", "seizure", "shipping", "party", "identifier", "reported", "record")


def edges_family(rel_types: list[str]) -> str:
    """The look of a line that stands for several links: the most telling of their families."""
    found = {edge_family(t) for t in rel_types}
    return next((f for f in FAMILY_ORDER if f in found), "record")
