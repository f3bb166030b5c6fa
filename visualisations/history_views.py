"""Views built on the ranked answers: the repeat actors across countries, a container's history."""

from __future__ import annotations

from typing import Any

from consignet import ids
from consignet.scope import Viewer
from consignet.store.analysis import Filters
from consignet.visualisations.graph import LinkPart, ViewGraph, ViewNode
from consignet.visualisations.network_views import (
    DEFAULT_MAX_NODES,
    FILTER_HINT,
    analysis,
    check_max_nodes,
    filter_parameters,
)

PORT_LINKS = {"loading": "LOADED_AT", "discharge": "DISCHARGED_AT", "delivery": "DELIVERED_AT"}


def _page(records: list[dict[str, Any]]) -> dict[str, Any]:
    return {"total": len(records), "offset": 0, "limit": len(records), "records": records}


def repeat_actors_view(store: Any, viewer: Viewer, *, min_countries: int = 2, filters: Filters = Filters(),
                       limit: int = 50, offset: int = 0, counterparties: int = 5,
                       max_nodes: int = DEFAULT_MAX_NODES) -> ViewGraph:
    """The actors seen in records of several member countries (ranked as ``GET /actors/repeat``), the
    countries whose records name them, and who they ship with."""
    reads = analysis(store)
    check_max_nodes(max_nodes)
    answer = reads.repeat_actors(viewer, min_countries=min_countries, filters=filters, limit=limit, offset=offset,
                                 evidence_limit=50, counterparties=counterparties)
    items = answer["items"]
    graph = ViewGraph("repeat-actors", f"Actors seen in records of {min_countries} or more countries",
                      backend=reads.backend, layout="anchored",
                      narrow_hint=f"fewer actors (limit), more countries (min_countries), fewer counterparties, "
                                  f"{FILTER_HINT}.")
    graph.parameters = {"min countries": min_countries, "actors": f"{offset + 1}–{offset + len(items)} of "
                        f"{answer['total']:,}" if items else "none", "counterparties per actor": counterparties,
                        **filter_parameters(filters), "max nodes": max_nodes}
    codes = sorted({c for item in items for c in item["countries"]})
    country_ids = {c: ids.shared_node_id("Country", c) for c in codes}
    known = reads.node_summaries(list(country_ids.values()), viewer)
    for i, code in enumerate(codes):
        summary = known.get(country_ids[code]) or {"id": country_ids[code], "label": "Country", "name": code,
                                                    "props": {"code": code}}
        node = graph.add_answer_node(summary, rank=i)
        country_name = node.props.get("name")
        node.names = [code] + ([country_name] if country_name else [])
        node.weight = 1.4
    graph.roots = list(country_ids.values())
    for rank, item in enumerate(items):
        props = {"kind": item["kind"], "names": item["names"], "originators": item["countries"],
                 "record_count": item["records"], "first_date": item["first_seen"], "last_date": item["last_seen"]}
        node = graph.add_node(ViewNode(item["id"], "Actor", item["name"] or item["id"], props,
                                       rank=len(codes) + rank, evidence=item["evidence"],
                                       weight=1 + 0.15 * max(0, item["country_count"] - 2)))
        node.facts.append(f"rank {offset + rank + 1} of {answer['total']:,}: {item['country_count']} countries, "
                          f"{item['records']:,} record(s)")
        if item["high_priority"]:
            node.flagged.append(f"{item['high_priority']} record(s) of high-priority (CHPL) goods")
        first_by_country: dict[str, dict[str, Any]] = {}
        for rec in sorted(item["evidence"]["records"], key=lambda r: (r.get("date") or "", r.get("record") or "")):
            first_by_country.setdefault(rec.get("originator"), rec)
        for code in item["countries"]:
            rec = first_by_country.get(code)
            graph.add_part(LinkPart("SEEN_IN", item["id"], country_ids[code],
                                    first_date=rec.get("date") if rec else None, evidence=_page([rec]) if rec else None,
                                    note="earliest record from this country" if rec else None))
    for rank, item in enumerate(items):
        for other in item["counterparties"]:
            if other["id"] not in graph.nodes:
                graph.add_node(ViewNode(other["id"], "Actor", other["name"] or other["id"], {},
                                        rank=10_000 + rank))
            source, target = (item["id"], other["id"]) if other["direction"] == "out" else (other["id"], item["id"])
            graph.add_part(LinkPart("SHIPPED_TO", source, target, records=other["records"],
                                    first_date=other["first_date"], last_date=other["last_date"], derived=True))
    graph.enrich(reads.node_summaries([n for n, node in graph.nodes.items() if not node.props], viewer))
    if answer["total"] > offset + len(items):
        graph.notes.append(f"{answer['total'] - offset - len(items):,} more actor(s) rank below these: "
                           "page on with offset, or raise min_countries.")
    graph.mark_alerts()
    graph.cap(max_nodes, graph.narrow_hint)
    return graph


def container_view(store: Any, number: str, viewer: Viewer, *, limit: int = 50, offset: int = 0,
                   window_days: int = 14, min_owners: int = 3, max_nodes: int = DEFAULT_MAX_NODES) -> ViewGraph:
    """A container number's records in date order, with their parties, ships, ports and seizures; the
    anomalies of ``GET /containers/{number}`` (one box in two places, reuse by unrelated actors) drawn."""
    reads = analysis(store)
    check_max_nodes(max_nodes)
    answer = reads.container_history(number, viewer, limit=limit, offset=offset, window_days=window_days,
                                     min_owners=min_owners)
    box = answer["id"]
    graph = ViewGraph("container", f"History of container {answer['number']}", backend=reads.backend,
                      layout="timeline", narrow_hint="fewer records per page (limit, offset).")
    graph.parameters = {"records": f"{offset + 1}–{offset + len(answer['records']['items'])} of "
                        f"{answer['records']['total']:,}" if answer["records"]["items"] else "none",
                        "window days": window_days, "min owners": min_owners, "max nodes": max_nodes}
    graph.add_node(ViewNode(box, "Container", answer["number"], dict(answer["props"]), rank=-1, focus=True))
    records = []
    for i, event in enumerate(answer["records"]["items"]):
        records.append(event["record"])
        _add_event(graph, box, event, rank=i * 20)
    for seizure in answer["seizures"]:
        props = {"originator": seizure["originator"], "seizure_date": seizure["date"], "place": seizure.get("place"),
                 "reason": seizure.get("reason"), "record_id": seizure.get("record_id"),
                 "goods_description": seizure.get("goods_description")}
        graph.add_node(ViewNode(seizure["record"], "Seizure", f"{seizure['originator']}/{seizure['record_id']}", props,
                                rank=0, evidence=_page([seizure])))
        graph.add_part(LinkPart("SEIZED_CONTAINER", seizure["record"], box, records=1, first_date=seizure["date"],
                                evidence=_page([seizure])))
    for anomaly in answer["anomalies"]:
        graph.nodes[box].flagged.append(anomaly["detail"])
        for a, b in anomaly["pairs"]:
            graph.add_part(LinkPart("ANOMALY", a, b, role=anomaly["kind"].replace("_", " "), note=anomaly["detail"]))
    graph.roots = [box, *records]
    looked_up = [n for n, node in graph.nodes.items() if node.label in ("Actor", "Vessel", "Port")]
    graph.enrich(reads.node_summaries(looked_up, viewer))
    total = answer["records"]["total"]
    if total > offset + len(records) or offset:
        graph.note_cut(f"Records {offset + 1}–{offset + len(records)} of {total:,} are drawn: page with offset "
                       "and limit for the others.")
    graph.mark_alerts()
    graph.cap(max_nodes, graph.narrow_hint)
    return graph


def _add_event(graph: ViewGraph, box: str, event: dict[str, Any], rank: int) -> None:
    record = event["record"]
    props = {k: event.get(k) for k in ("record_id", "originator", "reporting_country", "hs_code", "hs6",
                                       "goods_description", "departure_date", "arrival_date")}
    props["shipment_date"] = event["date"]
    evidence = _page([{k: event.get(k) for k in ("record", "record_type", "record_id", "originator",
                                                  "reporting_country", "file", "row", "date", "role")}])
    node = graph.add_node(ViewNode(record, "Consignment", f"{event['originator']}/{event['record_id']}", props,
                                   rank=rank, evidence=evidence))
    node.facts += [line for line in (
        f"goods: {event.get('hs6') or event.get('hs_code') or '?'} {event.get('goods_description') or ''}".rstrip(),
        f"route: {event['route']}" if event.get("route") else None,
        f"departed {event['departure_date']}" + (f", arrived {event['arrival_date']}" if event.get("arrival_date")
                                                  else "") if event.get("departure_date") else None,
        f"containers: {', '.join(event['containers'])}" if len(event.get("containers") or []) > 1 else None,
    ) if line]
    graph.add_part(LinkPart("IN_CONTAINER", record, box, records=1, first_date=event["date"], evidence=evidence))
    for party in event["parties"]:
        target = party["actor"] or party["mention"]
        label = "Actor" if party["actor"] else "Mention"
        who = graph.add_node(ViewNode(target, label, party["actor_name"] or party["name"] or target,
                                      {"role": party["role"]} if label == "Mention" else {}, rank=rank + 1))
        if party["name"] and party["name"] not in who.names:
            who.names.append(party["name"])
        graph.add_part(LinkPart("HAS_PARTY", record, target, role=party["role"], records=1, first_date=event["date"],
                                evidence=evidence))
    vessel = event.get("vessel")
    if vessel and vessel.get("id"):
        name = f"{vessel.get('name') or '?'} (IMO {vessel.get('imo')})" if vessel.get("imo") else vessel.get("name")
        graph.add_node(ViewNode(vessel["id"], "Vessel", name or vessel["id"], {"imo": vessel.get("imo")},
                                rank=rank + 2))
        graph.add_part(LinkPart("ON_VESSEL", record, vessel["id"], records=1, first_date=event["date"],
                                note=f"voyage {event['voyage']}" if event.get("voyage") else None, evidence=evidence))
    for role, rel in PORT_LINKS.items():
        locode = event.get(role)
        if locode:
            port = ids.shared_node_id("Port", locode)
            graph.add_node(ViewNode(port, "Port", locode, {"locode": locode}, rank=rank + 3))
            graph.add_part(LinkPart(rel, record, port, records=1, first_date=event["date"], evidence=evidence))
