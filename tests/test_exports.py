"""The routes of communities, risk, seizures, flags, alerts and exports over a real uvicorn, on both stores:
exports re-read by networkx keep their node and link counts, FollowTheMoney lines validate with the
followthemoney model, tables (CSV, XLSX) hold the JSON answer's rows, errors come in the API's shape."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import networkx as nx
from followthemoney import model as ftm
from openpyxl import load_workbook
from test_api_support import serve
from test_communities import RING_A, RING_B, rings
from test_risk_support import Rec, Scenario, actor_id, box

from consignet.analysis import service
from consignet.analysis.http import router
from consignet.api.app import create_app
from consignet.settings import Settings
from consignet.store.base import GraphStore

K7 = box("TGHU700007")


def scenario() -> Scenario:
    s = rings()
    s.actor("TRADING", "Silk Road Logistics LLP", phone="+77017770000")
    s.add(Rec("CHPL1", "A1", "TRADING", hs6="854231", containers=(K7,)),
          Rec("CHPL2", "A2", "TRADING", hs6="854232", dep="2025-03-04"))
    seized = s.add(Rec("SEIZED", "B2", "B3", dep="2025-02-01"))[0]
    s.seize("KZ", "S-7", "2025-02-12", consignments=(seized,))
    return s


@contextmanager
def api(store: GraphStore, s: Scenario | None = None) -> Iterator[httpx.Client]:
    (s or scenario()).write(store)
    service.refresh_communities(store)
    app = create_app(settings=Settings(), store=store)
    if not any(getattr(r, "path", None) == "/risk/actors" for r in app.routes):
        app.include_router(router)  # until the lead includes the router in create_app
    with serve(store, app=app) as client:
        yield client


def ok(response: httpx.Response, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    return response.json() if response.headers.get("content-type", "").startswith("application/json") else response


def test_graph_exports_keep_their_counts_and_provenance(store: GraphStore) -> None:
    with api(store) as client:
        a1 = actor_id("A1")
        hood = ok(client.get(f"/nodes/{a1}/neighbourhood", params={"hops": 2, "limit": 500}))
        g = nx.read_graphml(io.BytesIO(ok(client.get("/export/subgraph.graphml",
                                                     params={"node": a1, "hops": 2, "limit": 500})).content))
        assert (g.number_of_nodes(), g.number_of_edges()) == (len(hood["nodes"]), len(hood["links"]))
        assert g.graph["kind"] == "neighbourhood" and g.graph["node"] == a1
        assert "risk.csv" in g.nodes[a1]["sources"] and int(g.nodes[a1]["records_total"]) > 0

        cid = ok(client.get("/risk/actors/" + a1))["community"]
        community = ok(client.get(f"/communities/{cid}"))
        gexf = nx.read_gexf(io.BytesIO(ok(client.get("/export/subgraph.gexf",
                                                     params={"kind": "community", "community": cid})).content))
        assert set(gexf.nodes) == {m["id"] for m in community["members"]} == {actor_id(k) for k in (*RING_A,
                                                                                                 "TRADING")}
        assert gexf.number_of_edges() == len(community["links"])
        assert all(d["sources"] for _, _, d in gexf.edges(data=True))

        paths = ok(client.get("/paths", params={"from": actor_id("A2"), "to": actor_id("B3"), "all": "true"}))
        g = nx.read_graphml(io.BytesIO(ok(client.get("/export/subgraph.graphml", params={
            "kind": "path", "from": actor_id("A2"), "to": actor_id("B3")})).content))
        assert set(g.nodes) == {n["id"] for p in paths["paths"] for n in p["nodes"]}
        assert g.number_of_edges() == len({li["id"] for p in paths["paths"] for li in p["links"]})

        bad = client.get("/export/subgraph.gexf", params={"kind": "community"})
        assert bad.status_code == 422 and "community=ID" in bad.json()["error"]["detail"]


def test_followthemoney_lines_validate(store: GraphStore) -> None:
    with api(store) as client:
        cid = ok(client.get("/risk/actors/" + actor_id("A1")))["community"]
        response = ok(client.get("/export/actors.ftm.json", params={"community": cid}))
        lines = [json.loads(line) for line in response.text.splitlines()]
    ids_ = {e["id"] for e in lines}
    schemata = {e["schema"] for e in lines}
    assert {"Company", "UnknownLink", "Risk"} <= schemata
    for entity in lines:
        schema = ftm.get(entity["schema"])
        assert schema is not None
        assert set(entity["properties"]) <= set(schema.properties), entity["schema"]
        schema.validate(entity)  # raises InvalidData when a value is not valid for its type
        proxy = ftm.get_proxy(entity, cleaned=False)
        for prop in proxy.iterprops():
            if prop.type.name == "entity":
                assert set(proxy.get(prop)) <= ids_, "a link points outside the export"
    companies = [e for e in lines if e["schema"] == "Company"]
    assert {e["id"] for e in companies} == {f"consignet-{actor_id(k)}" for k in (*RING_A, "TRADING")}
    assert all("risk.csv" in e["properties"]["description"][0] for e in companies)
    links = [e for e in lines if e["schema"] == "UnknownLink"]
    assert all(e["properties"]["publisher"] == ["KZ"] for e in links)


def test_risk_routes_and_tables(store: GraphStore) -> None:
    with api(store) as client:
        answer = ok(client.get("/risk/actors", params={"limit": 100}))
        order = [item["id"] for item in answer["items"]]
        assert answer["total"] == len(order) > 0
        rows = list(csv.DictReader(io.StringIO(ok(client.get("/risk/actors", params={
            "limit": 100, "format": "csv"})).text)))
        assert [r["id"] for r in rows] == order and all(r["sources"] for r in rows)
        book = load_workbook(io.BytesIO(ok(client.get("/risk/actors", params={"limit": 100, "format": "xlsx"}))
                                        .content), read_only=True)
        sheet = list(book["risk-actors"].iter_rows(values_only=True))
        assert [r[1] for r in sheet[1:]] == order and "weights_digest" in {r[0] for r in book["about"].iter_rows(
            values_only=True)}
        top = ok(client.get(f"/risk/actors/{order[0]}"))
        assert top["score"] == answer["items"][0]["score"]
        assert all(c["records"] for c in top["contributions"] if c["indicator"] != "community")
        trading = ok(client.get(f"/risk/actors/{actor_id('TRADING')}"))
        assert {"chpl_goods", "forwarder_consignee"} <= {c["indicator"] for c in trading["contributions"]}
        chpl = trading["contributions"][0]["records"][0]["record"]
        consignment = ok(client.get(f"/risk/consignments/{chpl}"))
        assert consignment["contributions"][0]["indicator"] == "chpl_goods"
        assert consignment["record"]["file"] == "kz-risk.csv"
        listed = ok(client.get("/communities"))
        assert {item["size"] for item in listed["items"]} >= {len(RING_A), len(RING_B)}
        table = ok(client.get("/communities", params={"format": "csv"})).text
        assert table.splitlines()[0].startswith("id,size,score")
        missing = client.get("/risk/actors/act_nope")
        assert missing.status_code == 404 and missing.json()["error"]["type"] == "NotFoundError"
        assert client.get("/communities/com_nope").status_code == 404
        assert client.get("/risk/actors", params={"format": "pdf"}).status_code == 422


def test_seizures_flags_and_alerts_over_http(store: GraphStore) -> None:
    s = scenario()
    with api(store, s) as client:
        target = actor_id("C1")
        before = ok(client.get(f"/risk/actors/{target}"))
        assert "proximity" not in {c["indicator"] for c in before["contributions"]}
        made = ok(client.post("/seizures", json={"record_id": "GE-S-9", "originator": "GE", "actors": [target],
                                                 "containers": [K7], "seizure_date": "2025-03-02",
                                                 "reason": "dual-use"}), 201)
        assert made["containers"] == [K7] and made["actors"] == [target]
        after = ok(client.get(f"/risk/actors/{target}"))
        prox = next(c for c in after["contributions"] if c["indicator"] == "proximity")
        assert prox["records"][0]["record_id"] == "GE-S-9" and prox["path"][0]["name"] == "seizure GE/GE-S-9"
        flag = ok(client.post("/flags", json={"label": "Phone", "value": "+77017770000", "reason": "tip-off"}), 201)
        assert flag["target"]["labels"] == ["Phone"]
        bad = client.post("/seizures", json={"record_id": "X", "originator": "GE", "consignments": ["csg_nope"]})
        assert bad.status_code == 404 and "csg_nope" in bad.json()["error"]["detail"]
        assert client.post("/flags", json={"reason": "x"}).status_code == 422
        assert client.post("/seizures", json={"originator": "GE"}).status_code == 422
        # the next ingest run: C1 (named in the seizure) and the flagged phone (TRADING's) on new records
        new_c1, new_phone = s.add(Rec("LATER1", "C1", "C2", dep="2025-04-01"),
                                  Rec("LATER2", "B4", "TRADING", dep="2025-04-02"))
        s.write(store)
        service.refresh_communities(store)
        alerts = ok(client.get("/alerts", params={"status": "new"}))
        found = {(a["kind"], a["record"]["record"]) for a in alerts["items"]}
        assert {("seized_actor", new_c1.id), ("flagged_identifier", new_phone.id)} <= found
        first = alerts["items"][0]["id"]
        assert ok(client.post(f"/alerts/{first}/seen", json={"by": "ana"}))["status"] == "seen"
        note = ok(client.post(f"/alerts/{first}/notes", json={"text": "case opened", "by": "ana"}), 201)
        assert note["notes"][0]["text"] == "case opened"
        assert ok(client.get("/alerts", params={"status": "new"}))["total"] == alerts["total"] - 1
        rows = list(csv.DictReader(io.StringIO(ok(client.get("/alerts", params={"format": "csv"})).text)))
        assert len(rows) == alerts["total"] and {r["kind"] for r in rows} >= {"seized_actor", "flagged_identifier"}
        assert client.post("/alerts/alr_nope/seen").status_code == 404
