"""The API contract over HTTP (a real uvicorn server, httpx), on the embedded store and on the real Neo4j.

The graph is the hand-made one of ``test_api_support`` whose answers are known by construction; every
test runs against both backends, and ``test_both_backends_answer_the_same`` compares them answer by answer.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import neo4j_uri
from test_api_support import (
    ACTORS,
    BIN,
    COMMON,
    K1,
    K2,
    K3,
    K4,
    OLD_SILK,
    P1,
    P2,
    V1,
    box,
    build_graph,
    record_id,
    serve,
    ship,
)

from consignet import ids
from consignet.store.embedded import EmbeddedStore
from consignet.store.neo4j import Neo4jStore

A = ACTORS
pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module")
def servers(neo4j_server: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, httpx.Client]]:
    """Both backends loaded with the same graph, each behind its own server (built once for the module)."""
    embedded = EmbeddedStore(Path(tmp_path_factory.mktemp("api")) / "consignet.sqlite")
    neo4j = Neo4jStore(neo4j_uri(neo4j_server))
    neo4j.reset()
    for store in (embedded, neo4j):
        store.ensure_schema()
        build_graph(store)
    with serve(embedded) as e_client, serve(neo4j) as n_client:
        yield {"embedded": e_client, "neo4j": n_client}
    embedded.close()
    neo4j.close()


@pytest.fixture(params=["embedded", "neo4j"])
def api(request: pytest.FixtureRequest, servers: dict[str, httpx.Client]) -> httpx.Client:
    return servers[request.param]


def ok(client: httpx.Client, url: str, **params: Any) -> Any:
    response = client.get(url, params=params or None)  # an empty dict would drop the URL's own query
    assert response.status_code == 200, response.text
    return response.json()


def error(client: httpx.Client, url: str, status: int, **params: Any) -> str:
    response = client.get(url, params=params or None)
    assert response.status_code == status, response.text
    body = response.json()["error"]
    assert body["status"] == status and body["detail"] and body["type"]
    return body["detail"]


# -- status ---------------------------------------------------------------------------------------
def test_health_and_stats(api: httpx.Client) -> None:
    health = ok(api, "/health")
    assert health["status"] == "ok" and health["backend"] in ("embedded", "neo4j")
    assert health["counts"]["repeat_actors"] == 4  # SILK, SHEN, ALTYN, ANKARA
    stats = ok(api, "/stats")
    assert stats["consignments_by_country"]["GE"] == 10
    assert stats["relationships"]["SHIPPED_TO"] > 0
    assert "/actors/repeat" in ok(api, "/openapi.json")["paths"]
    assert "swagger" in api.get("/docs").text.lower()


# -- repeat actors --------------------------------------------------------------------------------
def test_repeat_actors_are_ranked_with_names_counterparties_and_evidence(api: httpx.Client) -> None:
    answer = ok(api, "/actors/repeat")
    assert answer["total"] == 4 and answer["min_countries"] == 2
    ranked = [item["id"] for item in answer["items"]]
    assert set(ranked[:2]) == {A["SILK"], A["SHEN"]}  # three countries each, before two-country actors
    silk = next(item for item in answer["items"] if item["id"] == A["SILK"])
    assert silk["countries"] == ["GE", "KZ", "UZ"] and silk["country_count"] == 3
    assert silk["records"] == 3 and silk["high_priority"] == 3  # 854231 twice, 851762 once: all on the CHPL
    assert silk["first_seen"] == "2025-03-01" and silk["last_seen"] == "2025-06-10"
    assert {"ТОО «Шелковый путь»", "Shelkovyy Put LLP", "TOO Shelkovy Put"} <= set(silk["names"])
    assert silk["counterparties"][0] == {"id": A["SHEN"], "name": "Shenzhen Best Electronics Co., Ltd.",
                                         "direction": "in", "records": 3, "first_date": "2025-03-01",
                                         "last_date": "2025-06-10"}
    evidence = silk["evidence"]["records"]
    assert sorted(r["originator"] for r in evidence) == ["GE", "KZ", "UZ"]  # one record per country
    first = next(r for r in evidence if r["originator"] == "KZ")
    assert first == {"record": record_id("KZ", "R1"), "record_type": "Consignment", "record_id": "R1",
                     "originator": "KZ", "reporting_country": "KZ", "file": "kz.csv", "row": 2,
                     "date": "2025-03-01", "role": "consignee"}
    altyn = next(item for item in answer["items"] if item["id"] == A["ALTYN"])
    assert altyn["records"] == 3 and altyn["high_priority"] == 2  # R2 854232 and T2 854231


def test_repeat_actors_filters_and_paging(api: httpx.Client) -> None:
    later = ok(api, "/actors/repeat", date_from="2025-04-01")
    assert A["ALTYN"] not in [i["id"] for i in later["items"]]  # after April ALTYN is seen in TR only
    silk = next(i for i in later["items"] if i["id"] == A["SILK"])
    assert silk["countries"] == ["GE", "UZ"] and silk["records"] == 2
    chips = ok(api, "/actors/repeat", hs="85.42")
    silk = next(i for i in chips["items"] if i["id"] == A["SILK"])
    assert silk["countries"] == ["GE", "KZ"]  # the Uzbek record is 8517.62
    only = ok(api, "/actors/repeat", countries="KZ,TR")
    assert {i["id"] for i in only["items"]} == {A["ALTYN"], A["ANKARA"]}
    assert ok(api, "/actors/repeat", min_countries=3)["total"] == 2
    page = ok(api, "/actors/repeat", limit=1, offset=1)
    assert page["total"] == 4 and len(page["items"]) == 1
    assert page["items"][0]["id"] == ok(api, "/actors/repeat")["items"][1]["id"]


# -- actor profile, timeline, search ----------------------------------------------------------------
def test_actor_profile_names_identifiers_usage(api: httpx.Client) -> None:
    profile = ok(api, f"/actors/{A['SILK']}")
    assert profile["names_by_script"]["cyrillic"] == ["ТОО «Шелковый путь»"]
    assert set(profile["names_by_script"]["latin"]) == {"Shelkovyy Put LLP", "TOO Shelkovy Put"}
    assert profile["countries"]["originators"] == ["GE", "KZ", "UZ"]
    phone = next(i for i in profile["identifiers"] if i["label"] == "Phone")
    assert phone["value"] == P1 and phone["actors"] == 2 and phone["records"] == 2 and not phone["common"]
    assert {i["value"] for i in profile["identifiers"] if i["label"] == "TaxId"} >= {f"kz.bin:{BIN}"}
    assert {c["name"] for c in profile["containers"]} >= {K1}
    assert profile["vessels"][0]["imo"] == V1 and profile["vessels"][0]["records"] == 2
    assert profile["routes"][0]["name"] == "CNSHA>GEPTI"
    assert profile["counterparties"][0]["id"] == A["SHEN"]
    assert profile["evidence"]["total"] == 3 and len(profile["evidence"]["records"]) == 3
    assert profile["requested_id"] is None


def test_absorbed_actor_id_still_answers(api: httpx.Client) -> None:
    profile = ok(api, f"/actors/{OLD_SILK}")
    assert profile["id"] == A["SILK"] and profile["requested_id"] == OLD_SILK
    assert ok(api, f"/actors/{OLD_SILK}/timeline")["id"] == A["SILK"]


def test_unknown_ids_are_404_with_one_error_shape(api: httpx.Client) -> None:
    for url in ("/actors/act_nobody", "/actors/act_nobody/timeline", "/actors/act_nobody/shared-identifiers",
                "/nodes/act_nobody", "/nodes/act_nobody/neighbourhood", f"/containers/{box('MSKU000000')}",
                f"/vessels/{ship('999999')}"):
        assert "no " in error(api, url, 404)
    assert "no route" in error(api, "/no/such/route", 404)
    assert "act_nobody" in error(api, "/paths", 404, **{"from": A["SILK"], "to": "act_nobody"})


def test_timeline_by_month_and_records(api: httpx.Client) -> None:
    timeline = ok(api, f"/actors/{A['SILK']}/timeline")
    assert [(m["month"], m["countries"]) for m in timeline["months"]] == [
        ("2025-03", {"KZ": 1}), ("2025-04", {"GE": 1}), ("2025-06", {"UZ": 1})]
    records = timeline["records"]
    assert records["total"] == 3 and [r["record_id"] for r in records["items"]] == ["R1", "G1", "U1"]
    first = records["items"][0]
    assert first["roles"] == ["consignee"] and first["containers"] == [K1] and first["loading"] == "CNSHA"
    assert first["vessel"]["imo"] == V1 and first["discharge"] == "GEPTI"
    assert {p["actor"] for p in first["parties"]} == {A["SILK"], A["SHEN"]}
    page = ok(api, f"/actors/{A['SILK']}/timeline", limit=1, offset=1, countries="GE,UZ")
    assert page["records"]["total"] == 2 and page["records"]["items"][0]["record_id"] == "U1"


def test_search_across_scripts_spellings_and_identifiers(api: httpx.Client) -> None:
    for q in ("Шелковый путь", "shelkovy put", "SHELKOVYI PUT"):
        hits = ok(api, "/search", q=q)["items"]
        assert hits and hits[0]["id"] == A["SILK"], q
        assert hits[0]["score"] >= 0.8
    assert ok(api, "/search", q="Shelkovyy", kind="person")["items"] == []
    phone = ok(api, "/search", q=P1)
    assert [i["id"] for i in phone["identifiers"]] == [ids.node_id("Phone", P1)]
    box = ok(api, "/search", q=f"{K1[:4]} {K1[4:10]}-{K1[10]}")
    assert [i["label"] for i in box["identifiers"]] == ["Container"]
    assert "q" in error(api, "/search", 422, q="")


# -- neighbourhood and paths ----------------------------------------------------------------------
def test_neighbourhood_links_carry_evidence_and_hubs_are_leaves(api: httpx.Client) -> None:
    one = ok(api, f"/nodes/{A['SILK']}/neighbourhood", hops=1)
    ids_ = {n["id"] for n in one["nodes"]}
    assert {A["SHEN"], ids.node_id("Phone", P1), ids.node_id("Container", K1)} <= ids_
    assert not one["capped"] and all(n["hop"] <= 1 for n in one["nodes"])
    shipped = next(li for li in one["links"] if li["type"] == "SHIPPED_TO")
    assert shipped["source"] == A["SHEN"] and shipped["target"] == A["SILK"]
    assert shipped["evidence"]["total"] == 3 and len(shipped["evidence"]["records"]) == 3
    assert shipped["props"]["originators"] == ["GE", "KZ", "UZ"]
    record = record_id("KZ", "R1")
    around = ok(api, f"/nodes/{record}/neighbourhood", hops=2)
    port = next(n for n in around["nodes"] if n["id"] == ids.node_id("Port", "GEPTI"))
    assert port["hub"] and not port["expanded"] and port["hop"] == 1
    assert port["evidence"]["total"] > 1 and port["evidence"]["records"] == []  # hubs: counts only
    assert not any(n["label"] == "Consignment" and n["id"] != record and n["hop"] == 2 and
                   n["props"].get("record_id") == "G7" for n in around["nodes"])
    through = ok(api, f"/nodes/{record}/neighbourhood", hops=2, via="Port")
    assert record_id("GE", "G7") in {n["id"] for n in through["nodes"]}  # another record at Poti


def test_neighbourhood_cap_filters_and_bad_parameters(api: httpx.Client) -> None:
    capped = ok(api, f"/nodes/{A['SILK']}/neighbourhood", hops=3, limit=5)
    assert capped["capped"] and len(capped["nodes"]) == 5
    actors_only = ok(api, f"/nodes/{A['SILK']}/neighbourhood", hops=2, labels="Actor")
    assert {n["label"] for n in actors_only["nodes"]} == {"Actor"}
    early = ok(api, f"/nodes/{A['SILK']}/neighbourhood", hops=2, date_to="2025-03-31",
               rel_types="RESOLVES_TO,HAS_PARTY")
    records = {n["props"].get("record_id") for n in early["nodes"] if n["label"] == "Consignment"}
    assert records == {"R1"}
    common = ok(api, f"/nodes/{A['N1']}/neighbourhood", hops=2, common_threshold=COMMON)
    phone = next(n for n in common["nodes"] if n["id"] == ids.node_id("Phone", P2))
    assert phone["common"] and not phone["expanded"] and phone["measure"] == 5
    assert A["N2"] not in {n["id"] for n in common["nodes"]}
    assert "hops" in error(api, f"/nodes/{A['SILK']}/neighbourhood", 422, hops=4)
    assert "via" in error(api, f"/nodes/{A['SILK']}/neighbourhood", 422, via="Planet")
    assert "rel_types" in error(api, f"/nodes/{A['SILK']}/neighbourhood", 422, rel_types="LOVES")


def test_shortest_paths_with_supporting_records(api: httpx.Client) -> None:
    answer = ok(api, "/paths", **{"from": A["SILK"], "to": A["ALTYN"]})
    assert answer["found"] and answer["length"] == 2 and answer["total_paths"] == 1
    path = answer["paths"][0]
    assert [n["id"] for n in path["nodes"]] == [A["SILK"], ids.node_id("Phone", P1), A["ALTYN"]]
    assert [li["type"] for li in path["links"]] == ["USES_IDENTIFIER", "USES_IDENTIFIER"]
    altyn_link = next(li for li in path["links"] if li["source"] == A["ALTYN"])
    assert [r["record_id"] for r in altyn_link["evidence"]["records"]] == ["R2"]


def test_paths_do_not_pass_through_hubs_or_common_identifiers_unless_asked(api: httpx.Client) -> None:
    ends = {"from": A["H1"], "to": A["H2"]}
    assert not ok(api, "/paths", **ends)["found"]
    via_port = ok(api, "/paths", **ends, via="Port", all="true")
    assert via_port["found"] and via_port["length"] == 6
    assert all(ids.node_id("Port", "GEPTI") in [n["id"] for n in p["nodes"]] for p in via_port["paths"])
    pair = {"from": A["N1"], "to": A["N2"], "common_threshold": COMMON}
    assert not ok(api, "/paths", **pair)["found"]
    common = ok(api, "/paths", **pair, via="common")
    assert common["length"] == 2 and common["paths"][0]["nodes"][1]["id"] == ids.node_id("Phone", P2)
    short = ok(api, "/paths", **{"from": A["SILK"], "to": A["ALTYN"], "max_length": 1})
    assert not short["found"]
    assert "same" in error(api, "/paths", 422, **{"from": A["SILK"], "to": A["SILK"]})
    error(api, "/paths", 422, **{"from": A["SILK"], "to": A["ALTYN"], "max_length": 11})


# -- identifiers ----------------------------------------------------------------------------------
def test_shared_identifiers_and_common_ones(api: httpx.Client) -> None:
    shared = ok(api, f"/actors/{A['SILK']}/shared-identifiers", common_threshold=COMMON)
    phone = next(e for e in shared["shared"] if e["identifier"]["id"] == ids.node_id("Phone", P1))
    assert [a["id"] for a in phone["actors"]] == [A["ALTYN"]]
    assert phone["used_by"] == 2 and phone["records"] == 2
    assert [r["record_id"] for r in phone["actors"][0]["evidence"]["records"]] == ["R2"]
    n1 = ok(api, f"/actors/{A['N1']}/shared-identifiers", common_threshold=COMMON)
    # the forwarder's phone (5 actors) and K1 (SHEN, SILK, N1S, N1) reach the threshold of 4
    assert {(e["identifier"]["value"], e["used_by"]) for e in n1["common"]} == {(P2, 5), (K1, 4)}
    bl = n1["shared"][0]  # the B/L on N1's G2 is also on G7, between H1S and H1
    assert [e["identifier"]["label"] for e in n1["shared"]] == ["BillOfLading"]
    assert {a["id"] for a in bl["actors"]} == {A["H1"], A["H1S"]} and bl["used_by_kind"] == "records"
    phones_only = ok(api, f"/actors/{A['N1']}/shared-identifiers", labels="Phone", common_threshold=COMMON)
    assert [e["identifier"]["value"] for e in phones_only["common"]] == [P2] and not phones_only["own"]
    higher = ok(api, f"/actors/{A['N1']}/shared-identifiers", common_threshold=6)
    assert {e["identifier"]["value"] for e in higher["shared"]} == {P2, K1, "MEDU1234567"}
    listing = ok(api, "/identifiers/common", threshold=COMMON, labels="Phone")
    assert [(i["value"], i["used_by"]) for i in listing["items"]] == [(P2, 5)]
    boxes = ok(api, "/identifiers/common", threshold=COMMON, labels="Container")
    found = [(i["value"], i["used_by"]) for i in boxes["items"]]
    assert found[0] == (K3, 6) and set(found[1:]) == {(K1, 4), (K2, 4)}  # most used first
    assert "labels" in error(api, "/identifiers/common", 422, labels="Vessel")


# -- containers and vessels -----------------------------------------------------------------------
def test_container_history_with_anomalies_and_seizures(api: httpx.Client) -> None:
    written = f"{K1[:4]} {K1[4:10]}-{K1[10]}"
    history = ok(api, f"/containers/{written}")
    assert history["number"] == K1 and history["records"]["total"] == 2
    assert [r["record_id"] for r in history["records"]["items"]] == ["R1", "G2"]
    kinds = {a["kind"] for a in history["anomalies"]}
    assert kinds == {"overlap", "unrelated_reuse"}
    overlap = next(a for a in history["anomalies"] if a["kind"] == "overlap")
    assert "MSC ANNA" in overlap["detail"] and "EVER ACE" in overlap["detail"]
    seized = ok(api, f"/containers/{K4}")
    assert [s["record_id"] for s in seized["seizures"]] == ["S1"]
    assert "check digit" in error(api, f"/containers/{K1[:10]}{(int(K1[10]) + 1) % 10}", 422)


def test_container_anomalies_listing(api: httpx.Client) -> None:
    everything = ok(api, "/containers/anomalies")
    found = {(a["number"], a["kind"]) for a in everything["items"]}
    assert found == {(K1, "overlap"), (K1, "unrelated_reuse"), (K2, "unrelated_reuse"), (K3, "many_owners")}
    owners = next(a for a in everything["items"] if a["kind"] == "many_owners")
    assert set(owners["owners"]) == {A["N2S"], A["N3S"], A["N5S"]}
    overlap = ok(api, "/containers/anomalies", kinds="overlap")
    assert [a["number"] for a in overlap["items"]] == [K1]
    assert {r["record_id"] for r in overlap["items"][0]["evidence"]} == {"R1", "G2"}
    assert ok(api, "/containers/anomalies", min_owners=4, kinds="many_owners")["total"] == 0
    assert ok(api, "/containers/anomalies", window_days=3, kinds="unrelated_reuse")["total"] == 0
    error(api, "/containers/anomalies", 422, kinds="teleport")


def test_vessel_consignments_and_ports(api: httpx.Client) -> None:
    vessel = ok(api, f"/vessels/IMO {V1}")
    assert vessel["name"] == "MSC ANNA" and vessel["records"]["total"] == 2
    ports = {(p["locode"], p["role"]): p["records"] for p in vessel["ports"]}
    assert ports == {("CNSHA", "LOADED_AT"): 2, ("GEPTI", "DISCHARGED_AT"): 2}
    assert vessel["voyages"] == ["V01"]
    error(api, "/vessels/12", 422)


# -- evidence and nodes ---------------------------------------------------------------------------
def test_evidence_pages_for_nodes_and_links(api: httpx.Client) -> None:
    page = ok(api, "/evidence", node=A["SILK"], limit=1, offset=1)
    assert page["total"] == 3 and [r["record_id"] for r in page["records"]] == ["G1"]
    link = ok(api, "/evidence", **{"from": A["SHEN"], "to": A["SILK"], "type": "SHIPPED_TO"})
    assert [r["record_id"] for r in link["records"]] == ["R1", "G1", "U1"]
    filtered = ok(api, "/evidence", **{"from": A["SHEN"], "to": A["SILK"], "type": "SHIPPED_TO",
                                       "countries": "UZ"})
    assert filtered["total"] == 1
    node = ok(api, f"/nodes/{ids.node_id('Port', 'GEPTI')}")
    assert node["label"] == "Port" and node["evidence"]["total"] >= 13
    error(api, "/evidence", 422)


def test_bad_input_never_gives_a_500(api: httpx.Client) -> None:
    nasty = ["'", "\" OR 1=1", "%00", "../../etc/passwd", "x" * 300, "🙂", "MATCH (n) DETACH DELETE n"]
    for value in nasty:
        for url, params in ((f"/actors/{value}", {}), (f"/nodes/{value}/neighbourhood", {}),
                            (f"/containers/{value}", {}), (f"/vessels/{value}", {}),
                            ("/search", {"q": value}), ("/paths", {"from": value, "to": A["SILK"]}),
                            ("/actors/repeat", {"hs": value}), ("/actors/repeat", {"countries": value}),
                            ("/evidence", {"node": value}), ("/nodes/" + A["SILK"] + "/neighbourhood",
                                                              {"via": value})):
            response = api.get(url, params=params)
            assert response.status_code < 500, (url, params, response.text)
            if response.status_code >= 400:
                assert set(response.json()["error"]) >= {"status", "detail", "type"}


# -- both backends --------------------------------------------------------------------------------
COMPARED = [
    "/stats", "/actors/repeat", "/actors/repeat?date_from=2025-03-01&hs=85", f"/actors/{A['SILK']}",
    f"/actors/{A['ALTYN']}", f"/actors/{A['SILK']}/timeline", "/search?q=Шелковый путь",
    f"/search?q={P1}", f"/nodes/{A['SILK']}/neighbourhood?hops=2",
    f"/nodes/{A['N1']}/neighbourhood?hops=3&limit=25&common_threshold={COMMON}",
    f"/nodes/{record_id('KZ', 'R1')}/neighbourhood?via=Port,Route",
    f"/paths?from={A['SILK']}&to={A['ALTYN']}&all=true",
    f"/paths?from={A['H1']}&to={A['H2']}&via=Port&all=true", f"/paths?from={A['N3']}&to={A['SHEN']}&max_length=8",
    f"/actors/{A['SILK']}/shared-identifiers", f"/actors/{A['N1']}/shared-identifiers?common_threshold={COMMON}",
    "/identifiers/common?threshold=2", f"/containers/{K1}", f"/containers/{K3}", "/containers/anomalies",
    f"/vessels/{V1}", "/review", f"/evidence?node={ids.node_id('Port', 'GEPTI')}&limit=20",
]


def test_both_backends_answer_the_same(servers: dict[str, httpx.Client]) -> None:
    for url in COMPARED:
        embedded = ok(servers["embedded"], url)
        neo4j = ok(servers["neo4j"], url)
        assert embedded == neo4j, url


def test_heavy_nodes_show_counts_not_pages(servers: dict[str, httpx.Client], monkeypatch: pytest.MonkeyPatch) -> None:
    """Inside a neighbourhood, nodes with very many links (a carrier) give their count only; links between two
    of them read the stored count; GET /evidence still pages them. Both backends alike."""
    from consignet.store import analysis

    monkeypatch.setattr(analysis, "EVIDENCE_SCAN_LIMIT", 2)  # SILK and SHEN (3 mentions each) count as heavy
    answers = {name: ok(client, f"/nodes/{A['SILK']}/neighbourhood", hops=1) for name, client in servers.items()}
    assert answers["embedded"] == answers["neo4j"]
    nodes = {n["id"]: n for n in answers["neo4j"]["nodes"]}
    assert nodes[A["SILK"]]["evidence"] == {"total": 3, "offset": 0, "limit": 0, "records": []}
    shipped = next(li for li in answers["neo4j"]["links"] if li["type"] == "SHIPPED_TO")
    assert shipped["evidence"]["total"] == 3 and shipped["evidence"]["records"] == []
    assert len(ok(servers["neo4j"], "/evidence", node=A["SILK"])["records"]) == 3


def test_first_page_of_evidence_from_the_stored_record_ids(servers: dict[str, httpx.Client]) -> None:
    """Neo4j's derive step keeps on actors and derived links the ids of their oldest records (at most
    ``STORED_EVIDENCE``); the unrestricted, unfiltered first page of their evidence is read from those ids,
    bigger pages and filtered views walk the records. Either way both backends answer the same, and the
    ids never show in an answer."""
    from consignet.store.analysis import EVIDENCE_IDS, STORED_EVIDENCE

    neo4j, embedded = servers["neo4j"], servers["embedded"]
    stored = neo4j.post("/cypher", json={"query": (
        "MATCH (s:Actor {id: $s})-[l:SHIPPED_TO]->(t:Actor {id: $t}) "
        "RETURN l.evidence_ids AS link, l.record_count AS total, t.evidence_ids AS actor, t.mention_count AS n"),
        "params": {"s": A["SHEN"], "t": A["SILK"]}}).json()["rows"][0]
    assert stored[0] == [record_id(c, r) for c, r in (("KZ", "R1"), ("GE", "G1"), ("UZ", "U1"))]  # oldest first
    assert stored[1] == 3 and len(stored[2]) == stored[3] == 3
    for params in ({"evidence_limit": 2}, {"evidence_limit": STORED_EVIDENCE + 1}, {"countries": "KZ,GE"},
                   {"evidence_limit": 0}):
        url = f"/nodes/{A['SILK']}/neighbourhood"
        answer = ok(neo4j, url, hops=2, **params)
        assert answer == ok(embedded, url, hops=2, **params), params
        shipped = next(li for li in answer["links"] if li["type"] == "SHIPPED_TO" and li["source"] == A["SHEN"])
        assert EVIDENCE_IDS not in shipped["props"]
        assert all(EVIDENCE_IDS not in n["props"] for n in answer["nodes"])
    first = ok(neo4j, f"/nodes/{A['SILK']}/neighbourhood", hops=1, evidence_limit=2)
    shipped = next(li for li in first["links"] if li["type"] == "SHIPPED_TO")
    assert [r["record_id"] for r in shipped["evidence"]["records"]] == ["R1", "G1"]
    assert shipped["evidence"]["total"] == 3
    silk = next(n for n in first["nodes"] if n["id"] == A["SILK"])
    assert silk["evidence"]["total"] == 3 and len(silk["evidence"]["records"]) == 2
    path = ok(neo4j, "/paths", **{"from": A["SILK"], "to": A["ALTYN"], "evidence_limit": 1})
    assert path == ok(embedded, "/paths", **{"from": A["SILK"], "to": A["ALTYN"], "evidence_limit": 1})
