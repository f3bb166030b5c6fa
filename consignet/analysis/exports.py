"""Exports to the tools analysts already use: a subgraph as GraphML or GEXF (Gephi, yEd, Cytoscape), result
tables as CSV or XLSX. Everything is read through the store's reads with the viewer's scope, and carries
its provenance: every node and link lists the records behind it (originator/record id, file and row).
FollowTheMoney entities are in ``export_ftm``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

import networkx as nx

from consignet import __version__
from consignet.analysis import service
from consignet.analysis.communities import community_links
from consignet.errors import InputError, NotFoundError
from consignet.scope import Viewer
from consignet.store.analysis import Filters

SUBGRAPH_KINDS = ("neighbourhood", "community", "path")
TABLE_FORMATS = ("json", "csv", "xlsx")
MEDIA_TYPES = {"graphml": "application/graphml+xml", "gexf": "application/gexf+xml", "csv": "text/csv",
               "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
               "ftm": "application/x-ndjson"}
SOURCES_SHOWN = 50  # records named on one node or link of an export (the total is given)


def _source(rec: dict[str, Any]) -> str:
    where = f"{rec.get('file')}:{rec.get('row')}" if rec.get("file") else "api"
    return f"{rec.get('originator')}/{rec.get('record_id')} ({where})"


def _evidence_attrs(evidence: dict[str, Any] | None) -> dict[str, Any]:
    records = (evidence or {}).get("records") or []
    return {"records_total": int((evidence or {}).get("total", len(records))),
            "sources": "; ".join(_source(r) for r in records[:SOURCES_SHOWN])}


def _flat(value: Any) -> str:
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return "" if value is None else str(value)


def subgraph(store: Any, viewer: Viewer, kind: str, *, node: str | None = None, community: str | None = None,
             source: str | None = None, target: str | None = None, hops: int = 2, limit: int = 200,
             max_length: int = 6, via: Sequence[str] = (), rel_types: Sequence[str] | None = None,
             filters: Filters = Filters(), evidence_limit: int = 20) -> dict[str, Any]:
    """``{nodes, links, about}``: nodes ``{id, label, name, props, evidence}``, links ``{id, type, source,
    target, props, evidence}`` from the link-analysis reads (neighbourhood, paths) or the community."""
    about: dict[str, Any] = {"kind": kind, "exported_by": f"consignet {__version__}", "exported_at": service.now_iso(),
                             "viewer": viewer.country or "all"}
    if kind == "neighbourhood":
        if not node:
            raise InputError("a neighbourhood export needs node=ID")
        answer = store.neighbourhood(node, viewer, hops=hops, limit=limit, via=via, rel_types=rel_types,
                                     filters=filters, evidence_limit=evidence_limit)
        about.update(node=node, hops=hops, capped=answer.get("capped"))
        return {"nodes": answer["nodes"], "links": answer["links"], "about": about}
    if kind == "path":
        if not source or not target:
            raise InputError("a path export needs from=ID and to=ID")
        answer = store.paths(source, target, viewer, max_length=max_length, all_paths=True, limit=100, via=via,
                             rel_types=rel_types, filters=filters, evidence_limit=evidence_limit)
        nodes = {n["id"]: n for p in answer["paths"] for n in p["nodes"]}
        links = {li["id"]: li for p in answer["paths"] for li in p["links"]}
        about.update(source=source, target=target, found=answer["found"], length=answer["length"])
        return {"nodes": list(nodes.values()), "links": list(links.values()), "about": about}
    if kind == "community":
        if not community:
            raise InputError("a community export needs community=ID")
        return _community_graph(store, viewer, community, evidence_limit, about)
    raise InputError(f"kind must be one of {list(SUBGRAPH_KINDS)}, got {kind!r}")


def _community_graph(store: Any, viewer: Viewer, cid: str, evidence_limit: int,
                     about: dict[str, Any]) -> dict[str, Any]:
    model = service.get_model(store, viewer)
    members = model.communities.members.get(cid)
    if members is None:
        raise NotFoundError(f"no community with id {cid!r} on the records you may see")
    known = store.node_summaries(members, viewer)
    nodes = []
    for m in members:
        info = known.get(m) or {"id": m, "label": "Actor", "name": model.names.get(m, m), "props": {}}
        records = [model.facts.records[r].ref() for r in model.facts.records_of(m)]
        nodes.append({**info, "props": {**info.get("props", {}), "risk_score": model.actor_score.get(m, 0.0),
                                        "community": cid},
                      "evidence": {"total": len(records), "records": records[:evidence_limit]}})
    links = []
    for link in community_links(model.facts, model.weights, members):
        records = [model.facts.records[r].ref() for r in link["records"] if r in model.facts.records]
        links.append({"id": f"{link['source']}|{link['target']}", "type": "LINKED", "source": link["source"],
                      "target": link["target"], "props": {"weight": link["weight"],
                                                          "consignments": link["consignments"],
                                                          "identifiers": link["identifiers"]},
                      "evidence": {"total": len(records), "records": records[:evidence_limit]}})
    about.update(community=cid, size=len(members), score=round(model.community_score.get(cid, 0.0), 3))
    return {"nodes": nodes, "links": links, "about": about}


def to_networkx(graph: dict[str, Any]) -> nx.MultiDiGraph:
    """Attributes are strings (lists and maps as JSON), except the numbers below: GraphML and GEXF need one
    type per attribute, and a property may hold a number on one node and text on another."""
    g = nx.MultiDiGraph(**{k: _flat(v) for k, v in graph["about"].items()})
    for n in graph["nodes"]:
        attrs = {f"p_{k}": _flat(v) for k, v in (n.get("props") or {}).items()}
        g.add_node(n["id"], label=_flat(n.get("name") or n["id"]), kind=_flat(n.get("label")), **attrs,
                   **_evidence_attrs(n.get("evidence")))
    for li in graph["links"]:
        if li["source"] in g and li["target"] in g:
            attrs = {f"p_{k}": _flat(v) for k, v in (li.get("props") or {}).items()}
            g.add_edge(li["source"], li["target"], key=li.get("id") or li["type"], id=_flat(li.get("id")),
                       label=li["type"], **attrs, **_evidence_attrs(li.get("evidence")))
    return g


def to_graphml(graph: dict[str, Any]) -> bytes:
    out = io.BytesIO()
    nx.write_graphml(to_networkx(graph), out, encoding="utf-8")
    return out.getvalue()


def to_gexf(graph: dict[str, Any]) -> bytes:
    out = io.BytesIO()
    nx.write_gexf(to_networkx(graph), out, encoding="utf-8")
    return out.getvalue()


# -- tables ---------------------------------------------------------------------------------------
def _cell(value: Any) -> Any:
    if isinstance(value, dict):
        return "; ".join(f"{k}={_cell(v)}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return "; ".join(str(_cell(v)) for v in value)
    return value


def table_rows(items: Iterable[dict[str, Any]], columns: Sequence[str]) -> list[list[Any]]:
    return [[_cell(item.get(c)) for c in columns] for item in items]


def to_csv(items: Iterable[dict[str, Any]], columns: Sequence[str]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows(table_rows(items, columns))
    return out.getvalue().encode("utf-8")


def to_xlsx(items: Iterable[dict[str, Any]], columns: Sequence[str], title: str, about: dict[str, Any]) -> bytes:
    """One sheet of results and an ``about`` sheet (what was exported, when, for whom, from which weights)."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    sheet = wb.create_sheet(title[:31])
    sheet.append(list(columns))
    for row in table_rows(items, columns):
        sheet.append([v if isinstance(v, int | float | str) or v is None else str(v) for v in row])
    meta = wb.create_sheet("about")
    for key, value in about.items():
        meta.append([key, _flat(value)])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def check_format(fmt: str) -> str:
    if fmt not in TABLE_FORMATS:
        raise InputError(f"format must be one of {list(TABLE_FORMATS)}, got {fmt!r}")
    return fmt
