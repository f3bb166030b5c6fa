"""The record writers: one ``UNWIND`` statement per record label that CREATEs the record, its mentions and
every link they carry, derived from graph.yaml (``consignet.model.codegen`` writes them to cypher/ingest/).

Why one statement: the earlier writers ran one ``UNWIND`` per label and per link type (~30 per batch),
and every link statement looked its record up again by id inside a transaction holding thousands of new
records, which made those seeks the largest cost of the write. Here the record node stays bound while
its links are made; only the far end of a link (a shared node committed in the previous transaction) is
looked up, on its uniqueness constraint. Properties are listed from the model rather than set from a map
(``SET n = row``): a map write makes the planner insert an Eager buffer of the whole batch.

Row shape (see ``consignet.store.record_rows``): ``{"props": {...}, "<TYPE>": [...], ...}`` where a link
list holds the far-end ids (link types without properties) or ``{"dst": id, <prop>: value}`` maps; child
records (mentions) are ``{"props": {...}, "link": {<link props>}, "<TYPE>": [...]}`` under their link type.
"""

from __future__ import annotations

from typing import Any

# Record labels written as trees: the root and, per link type, the label of the child records it owns.
# (ConsignmentVersion is only written when an update archives a record: not part of a fresh record.)
RECORD_TREES: dict[str, dict[str, str]] = {"Consignment": {"HAS_PARTY": "Mention"}, "Seizure": {}}


def _props(var: str, label: str, source: str, model: dict[str, Any]) -> str:
    keys = ["id", *model["nodes"][label]["properties"]]
    inner = ", ".join(f"{k}: {source}.{k}" for k in keys)
    return f"({var}:{label} {{{inner}}})"


def record_links(label: str, model: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """The link types a record of ``label`` carries to shared or other records' nodes (not children)."""
    children = RECORD_TREES.get(label, {})
    return [(rtype, spec) for rtype, spec in model["relationships"].items()
            if spec["from"] == label and spec["provenance"] == "record" and spec["to"] in model["nodes"]
            and rtype not in children and spec["to"] != "ConsignmentVersion"]


def _link_calls(var: str, row: str, label: str, model: dict[str, Any], indent: str) -> list[str]:
    lines = []
    for rtype, spec in record_links(label, model):
        props = spec["properties"]
        if props:
            inner = ", ".join(f"{p}: l.{p}" for p in props)
            body = (f"UNWIND {row}.{rtype} AS l MATCH (x:{spec['to']} {{id: l.dst}}) "
                    f"CREATE ({var})-[:{rtype} {{{inner}}}]->(x)")
        else:
            body = f"UNWIND {row}.{rtype} AS l MATCH (x:{spec['to']} {{id: l}}) CREATE ({var})-[:{rtype}]->(x)"
        lines.append(f"{indent}CALL ({var}, {row}) {{ {body} }}")
    return lines


def record_writer(label: str, model: dict[str, Any]) -> str:
    children = RECORD_TREES[label]
    links = [rtype for rtype, _ in record_links(label, model)]
    lines = [
        f"// title: Create new {label} records with their links",
        f"// purpose: Fast path for records ingest has just classified as new: CREATE each {label},",
        "//   " + (f"its {', '.join(f'{c} nodes' for c in children.values())} and all their links"
                  if children else "and all its links")
        + " in one statement (see consignet/model/codegen_records.py).",
        "// mode: write",
        f"// param rows (list of maps): per record its properties and the ids its links point at; "
        f'example: [{{"props": {{"id": "x_0"}}, "{links[0]}": []}}]',
        "// generated from consignet/model/graph.yaml by consignet.model.codegen: do not edit",
        "UNWIND $rows AS row",
        f"CREATE {_props('n', label, 'row.props', model)}",
        "WITH n, row",
        *_link_calls("n", "row", label, model, ""),
    ]
    for rtype, child in children.items():
        link_props = model["relationships"][rtype]["properties"]
        inner = ", ".join(f"{p}: m.link.{p}" for p in link_props)
        lines += [
            "CALL (n, row) {",
            f"  UNWIND row.{rtype} AS m",
            f"  CREATE {_props('k', child, 'm.props', model)}",
            f"  CREATE (n)-[:{rtype}{' {' + inner + '}' if inner else ''}]->(k)",
            "  WITH k, m",
            *_link_calls("k", "m", child, model, "  "),
            "}",
        ]
    return "\n".join(lines) + "\n"


def record_files(model: dict[str, Any]) -> dict[str, str]:
    return {f"ingest/create_{_snake(label)}_records.cypher": record_writer(label, model) for label in RECORD_TREES}


def _snake(label: str) -> str:
    return "".join("_" + c.lower() if c.isupper() else c for c in label).lstrip("_")
