"""The Cypher library and the Cypher endpoints on the real Neo4j: complete headers, every file runs with
its example parameters, the API's anchored queries use indexes, raw Cypher is read-only and closed to
files, network and administration; on the embedded store both endpoints answer 501."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import ROOT, neo4j_uri
from test_api_support import ACTORS, K1, V1, build_graph, record_id, serve

from consignet import cypher_library as lib
from consignet.scope import Viewer
from consignet.settings import Settings
from consignet.store.analysis import DEFAULT_REL_TYPES
from consignet.store.embedded import EmbeddedStore
from consignet.store.neo4j import Neo4jStore

pytestmark = pytest.mark.neo4j
MINE = ("analysis", "questions")
SCANS = {"AllNodesScan", "NodeByLabelScan", "DirectedAllRelationshipsScan", "UndirectedAllRelationshipsScan",
         "DirectedRelationshipTypeScan", "UndirectedRelationshipTypeScan", "NodeIndexScan"}
ROW_CAP = 50


def test_library_headers_are_complete() -> None:
    """Title, purpose, mode, and every parameter with a type and an example that parses (JSON)."""
    files = sorted(p for area in MINE for p in (ROOT / "cypher" / area).glob("*.cypher"))
    assert len(files) >= 30
    for path in files:
        header = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.startswith("//")]
        query = lib.get(f"{path.parent.name}/{path.stem}")
        assert query.title and query.purpose and query.mode == "read", path.name
        params = [ln for ln in header if ln.startswith("// param ")]
        assert all("; example:" in ln for ln in params), f"{path.name}: a parameter without an example"
        assert len(query.params) == len(params), f"{path.name}: a parameter line does not parse"
        used = set(re.findall(r"\$(\w+)", query.text))
        assert used == {p.name for p in query.params}, f"{path.name}: declared and used parameters differ"
    questions = lib.all_queries()
    assert sum(1 for name in questions if name.startswith("questions/")) == 8  # one per analysts' question


@pytest.fixture()
def graph(neo4j_store: Neo4jStore) -> Neo4jStore:
    build_graph(neo4j_store)
    return neo4j_store


def test_every_cypher_file_runs_with_its_examples(graph: Neo4jStore) -> None:
    """Every file of the library: EXPLAIN, then run with the header's example parameters (writes in a
    transaction that is rolled back, ``IN TRANSACTIONS`` ones on their own)."""
    with graph.driver.session() as session:
        for query in lib.all_queries().values():
            params = query.example_params()
            if query.mode == "schema":
                for statement in query.statements():
                    session.run(statement).consume()
                continue
            session.run("EXPLAIN " + query.text, params).consume()
            if "IN TRANSACTIONS" in query.text:
                session.run(query.text, params).consume()
                continue
            with session.begin_transaction() as tx:
                tx.run(query.text, params).consume()
                tx.rollback()


def _operators(plan: Any, out: set[str]) -> set[str]:
    out.add(plan["operatorType"].split("@", 1)[0])
    for child in plan.get("children", []):
        _operators(child, out)
    return out


def test_anchored_api_queries_use_indexes(graph: Neo4jStore) -> None:
    """PROFILE each query the API anchors on an id, a number or element ids: seeks, no label scans."""
    viewer = {**Viewer.all().params(), "date_from": None, "date_to": None, "countries": None, "hs_prefix": None}
    silk = ACTORS["SILK"]
    eids = {r["id"]: r["eid"] for r in graph.read("analysis/nodes_by_ids", ids=[silk, ACTORS["ALTYN"]],
                                                   **Viewer.all().params())}
    pair = [{"source": eids[ACTORS["ALTYN"]], "target": eids[silk]}]
    types = list(DEFAULT_REL_TYPES)
    anchored = {
        "nodes_by_ids": {"ids": [silk], **Viewer.all().params()},
        "expand_nodes": {"frontier": [eids[silk]], "seen": [eids[silk]], "rel_types": types, "labels": None,
                         "limit": 50, **viewer},
        "expand_pairs": {"frontier": [eids[silk]], "keep": list(eids.values()), "seen": [], "rel_types": types,
                         "skip_labels": ["Country"], "common_threshold": 10, **viewer},
        "links_among": {"nodes": list(eids.values()), "rel_types": types, **{k: None for k in (
            "date_from", "date_to", "countries", "hs_prefix")}},
        "evidence_actor": {"items": [eids[silk]], "offset": 0, "limit": 3, **viewer},
        "evidence_identifier": {"items": [eids[silk]], "offset": 0, "limit": 3, **viewer},
        "evidence_node_records": {"items": [eids[silk]], "offset": 0, "limit": 3, **viewer},
        "evidence_shipped_to": {"items": pair, "offset": 0, "limit": 3, **viewer},
        "evidence_uses_identifier": {"items": pair, "offset": 0, "limit": 3, **viewer},
        "evidence_used_container": {"items": pair, "offset": 0, "limit": 3, **viewer},
        "actor_cards": {"ids": [silk], "names_limit": 5, "evidence_limit": 3, "counterparties_limit": 5, **viewer},
        "actor_profile": {"id": silk, "list_limit": 50, "counterparties_limit": 50, "evidence_limit": 3, **viewer},
        "actor_months": {"id": silk, **viewer},
        "actor_record_ids": {"id": silk, "offset": 0, "limit": 10, **viewer},
        "record_facts": {"records": [record_id("KZ", "R1")], **Viewer.all().params()},
        "shipped_pairs": {"ids": [silk, ACTORS["SHEN"]]},
        "shared_identifiers": {"id": silk, "common_threshold": 10, "labels": None, **Viewer.all().params()},
        "container_records": {"number": K1, **Viewer.all().params()},
        "vessel": {"imo": V1, "offset": 0, "limit": 10, **Viewer.all().params()},
        "search_identifiers": {"e164": "+77011234567", "email": None, "container": K1, "imo": V1, "bl": None,
                               "tax_ids": []},
    }
    with graph.driver.session() as session:
        session.run("CALL db.clearQueryCaches()").consume()  # plans made on an emptier graph are not reused
        for name, params in anchored.items():
            summary = session.run("PROFILE " + lib.get(f"analysis/{name}").text, params).consume()
            operators = _operators(summary.profile, set())
            assert not operators & SCANS, f"{name}: {sorted(operators & SCANS)}"
            assert any("Seek" in op for op in operators), f"{name}: no index or id seek in {sorted(operators)}"


# -- the endpoints --------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def cypher_api(neo4j_server: Any) -> Iterator[httpx.Client]:
    store = Neo4jStore(neo4j_uri(neo4j_server))
    store.reset()
    store.ensure_schema()
    build_graph(store)
    settings = Settings(cypher_row_cap=ROW_CAP, cypher_timeout_s=5.0)
    with serve(store, settings) as client:
        yield client
    store.close()


def _cypher(api: httpx.Client, query: str, status: int = 200, **params: Any) -> Any:
    response = api.post("/cypher", json={"query": query, "params": params})
    assert response.status_code == status, (query, response.text)
    return response.json()


def _count(api: httpx.Client) -> int:
    return _cypher(api, "MATCH (n) RETURN count(n) AS n")["rows"][0][0]


def test_raw_cypher_returns_nodes_relationships_and_paths(cypher_api: httpx.Client) -> None:
    answer = _cypher(cypher_api, "MATCH p = (a:Actor {id: $id})<-[r:SHIPPED_TO]-(b:Actor) RETURN a, r, p",
                     id=ACTORS["SILK"])
    assert answer["columns"] == ["a", "r", "p"] and answer["row_count"] == 1 and not answer["truncated"]
    node, rel, path = answer["rows"][0]
    assert node["type"] == "node" and node["id"] == ACTORS["SILK"] and "Actor" in node["labels"]
    assert rel["type"] == "relationship" and rel["rel_type"] == "SHIPPED_TO" and rel["end"] == ACTORS["SILK"]
    assert rel["props"]["record_count"] == 3
    assert path["type"] == "path" and [n["id"] for n in path["nodes"]] == [ACTORS["SILK"], ACTORS["SHEN"]]
    capped = _cypher(cypher_api, "UNWIND range(1, 1000) AS x RETURN x")
    assert capped["row_count"] == ROW_CAP and capped["truncated"] and capped["row_cap"] == ROW_CAP
    dated = _cypher(cypher_api, "RETURN date('2025-03-01') AS d, duration('P3D') AS p")
    assert dated["rows"] == [["2025-03-01", "P3D"]]
    # the plan is checked, not the text: the words in a comment are harmless
    assert _cypher(cypher_api, "// LOAD CSV FROM 'file:///etc/passwd'\nRETURN 1 AS one")["rows"] == [[1]]


WRITES = ["CREATE (n:Meta {id: 'x'}) RETURN n", "MATCH (a:Actor) SET a.name = 'x'", "MATCH (a:Actor) DETACH DELETE a",
          "MERGE (n:Country {id: 'cty_x'})", "MATCH (a:Actor) REMOVE a.name", "MATCH (a:Actor) SET a:Person",
          "CALL db.createLabel('Planted')", "CREATE INDEX planted IF NOT EXISTS FOR (n:Actor) ON (n.kind)",
          "MATCH (a:Actor) CALL (a) { SET a.x = 1 } IN TRANSACTIONS RETURN count(*)"]
CLOSED = ["LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
          "load csv from 'https://example.org/x.csv' as r return r",
          "LOAD CSV WITH HEADERS FROM 'file:///import/x.csv' AS row RETURN count(row)",
          "CALL dbms.listConfig() YIELD name RETURN name", "CALL dbms.killConnections(['bolt-1'])",
          "CALL dbms.listConnections()", "SHOW SETTINGS YIELD name RETURN name"]


def test_raw_cypher_refuses_writes_files_network_and_administration(cypher_api: httpx.Client) -> None:
    before = _count(cypher_api)
    for query in WRITES + CLOSED:
        response = cypher_api.post("/cypher", json={"query": query})
        assert response.status_code == 403, (query, response.text)
        assert response.json()["error"]["type"] == "QueryRefused"
    assert _count(cypher_api) == before
    load = cypher_api.post("/cypher", json={"query": CLOSED[0]}).json()["error"]["detail"]
    assert "LOAD CSV" in load
    write = cypher_api.post("/cypher", json={"query": WRITES[0]}).json()["error"]["detail"]
    assert "read transaction" in write


def test_raw_cypher_limits_and_errors(cypher_api: httpx.Client) -> None:
    slow = _cypher(cypher_api, "UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x)", 403)
    assert "limit" in slow["error"]["detail"]
    syntax = _cypher(cypher_api, "MATCH (n RETURN n", 422)["error"]["detail"]
    assert "column 10" in syntax and "EXPLAIN" not in syntax
    assert _cypher(cypher_api, "RETURN $missing AS x", 422)["error"]["detail"]
    assert cypher_api.post("/cypher", json={"query": ""}).status_code == 422
    assert cypher_api.post("/cypher", json={}).status_code == 422


def test_named_queries_are_listed_and_run(cypher_api: httpx.Client) -> None:
    listed = cypher_api.get("/queries").json()
    names = {q["name"] for q in listed}
    assert {"questions/q1_repeat_actors", "analysis/actor_profile", "ingest/merge_actor"} <= names
    q8 = cypher_api.get("/queries/questions/q8_shortest_chain").json()
    assert q8["runnable"] and "ALL SHORTEST" in q8["text"]
    assert {p["name"] for p in q8["params"]} == {"from_name", "to_name", "max_length", "common_threshold",
                                                 "viewer_country", "viewer_groups"}
    assert all(q["mode"] == "read" for q in cypher_api.get("/queries", params={"area": "questions"}).json())
    run = cypher_api.post("/queries/questions/q1_repeat_actors", json={"params": {"min_countries": 3, "limit": 5}})
    assert run.status_code == 200, run.text
    rows = run.json()["rows"]
    assert {r[0] for r in rows} == {ACTORS["SILK"], ACTORS["SHEN"]}
    chain = cypher_api.post("/queries/questions/q8_shortest_chain", json={"params": {
        "from_name": "Shelkovyy Put LLP", "to_name": "Altyn Trade LLP", "max_length": 6, "common_threshold": 10}})
    assert chain.status_code == 200, chain.text
    assert chain.json()["rows"][0][0] == 2
    for name, params, status in (("questions/q1_repeat_actors", {"min_countries": 2}, 422),
                                 ("questions/q1_repeat_actors", {"min_countries": 2, "limit": 5, "x": 1}, 422),
                                 ("questions/q1_repeat_actors", {"min_countries": "two", "limit": 5}, 422),
                                 ("questions/q1_repeat_actors", {"min_countries": 2, "limit": 5,
                                                                 "viewer_country": None}, 422),
                                 ("questions/nothing", {}, 404), ("ingest/merge_actor", {"rows": []}, 403)):
        response = cypher_api.post(f"/queries/{name}", json={"params": params})
        assert response.status_code == status, (name, response.text)


def test_cypher_on_the_embedded_store_says_it_needs_neo4j(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "consignet.sqlite")
    build_graph(store)
    with serve(store) as api:
        for response in (api.post("/cypher", json={"query": "RETURN 1"}),
                         api.post("/queries/questions/q1_repeat_actors",
                                  json={"params": {"min_countries": 2, "limit": 5}})):
            assert response.status_code == 501
            assert "Neo4j" in response.json()["error"]["detail"]
        assert len(api.get("/queries").json()) == len(lib.all_queries())  # the library is listed all the same
    store.close()


def test_the_readme_lists_every_query_of_the_api_and_the_questions() -> None:
    readme = (ROOT / "cypher" / "README.md").read_text(encoding="utf-8")
    missing = [name for name in lib.all_queries() if name.split("/")[0] in MINE and name.split("/")[1] not in readme]
    assert not missing, f"cypher/README.md does not mention {missing}"
