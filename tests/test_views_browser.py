"""The views as an investigator sees them: opened in headless Chromium with the network blocked.

Every request that would leave the page is aborted and counted; a page passes when it loads with no
failed request and no script error, its vis DataSets hold the nodes and links the analysis reads
answered, the legend is there, Cyrillic, Georgian and Turkish names are in it, and the drawing stops
moving. Screenshots go to test-artifacts/ (kept by CI, ignored by git).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_api_support import serve
from test_views_support import (
    BOX,
    CYRILLIC,
    EXPORTER,
    GEORGIAN,
    GEORGIAN_2,
    Opened,
    actor_named,
    chromium,
    ingest_folder,
    open_view,
    views_app,
    write_multiscript,
)

from consignet.analysis import service
from consignet.ingest.generate import generate
from consignet.ingest.pipeline import ingest, jobs_from_paths
from consignet.scope import Viewer
from consignet.store.base import GraphStore
from consignet.store.embedded import EmbeddedStore
from consignet.visualisations import (
    ACTOR_LINKS,
    actor_view,
    community_view,
    container_view,
    paths_view,
    render,
    repeat_actors_view,
)
from consignet.visualisations.network_views import analysis

pytestmark = pytest.mark.browser
EVERYONE = Viewer.all()
SETTLE_BUDGET_MS = 5000
BIG_SAMPLE = 2000  # consignments: the top repeat actor's 3-hop network holds more than 2,000 nodes


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


def scripts(texts: list[str]) -> dict[str, bool]:
    joined = " ".join(texts)
    return {"cyrillic": bool(re.search("[\u0400-\u04ff]", joined)),
            "georgian": bool(re.search("[\u10a0-\u10ff]", joined)),
            "turkish": bool(re.search("[ŞşİıĞğ]", joined))}


def assert_clean(seen: Opened) -> None:
    assert seen.blocked == [], f"requests left the page: {seen.blocked}"
    assert seen.failed == [], seen.failed
    assert seen.still, "the drawing still moves half a second after it settled"
    assert seen.legend, "no legend"


def distinct_pairs(links: list[dict[str, Any]]) -> int:
    return len({frozenset((li["source"], li["target"])) for li in links if li["source"] != li["target"]})


def test_views_open_offline_with_their_nodes_legend_and_scripts(store: GraphStore, browser: Any,
                                                                 tmp_path: Path) -> None:
    ingest_folder(store, write_multiscript(tmp_path / "in"), tmp_path / "rejects")
    exporter = actor_named(store, EXPORTER)
    answer = analysis(store).neighbourhood(exporter, EVERYONE, hops=3, limit=1500, rel_types=list(ACTOR_LINKS))
    views = {
        "actor": actor_view(store, exporter, EVERYONE, hops=3),
        "paths": paths_view(store, actor_named(store, CYRILLIC), actor_named(store, GEORGIAN_2), EVERYONE),
        "repeat-actors": repeat_actors_view(store, EVERYONE),
        "container": container_view(store, BOX, EVERYONE),
        "community": community_view(store, "georgian", EVERYONE,
                                    members=[actor_named(store, GEORGIAN), actor_named(store, GEORGIAN_2)]),
    }
    for kind, graph in views.items():
        path = tmp_path / f"{kind}.html"
        path.write_text(render(graph), encoding="utf-8")
        seen = open_view(browser, path.as_uri(), shot=f"view-{kind}-{store.backend}")
        assert_clean(seen)
        assert (seen.nodes, seen.edges) == (len(graph.nodes), len(graph.edges)), kind
        kinds = set(seen.data["kinds"])
        assert len(seen.legend) >= len(kinds) + 1, (kind, seen.legend)  # each kind, and the lines
        assert seen.title == graph.title
        assert seen.screenshot is not None and seen.screenshot.stat().st_size > 10_000

    # the actor's page holds what the neighbourhood read answers, names in three scripts
    actor = open_view(browser, (tmp_path / "actor.html").as_uri())
    assert actor.nodes == len(answer["nodes"])
    assert actor.edges == distinct_pairs(answer["links"])
    assert scripts(actor.labels) == {"cyrillic": True, "georgian": True, "turkish": True}
    assert EXPORTER in actor.labels and "შპს „აბრეშუმის გზა“" in actor.names
    assert any("seizure" in item for item in actor.legend)
    seizures = {n["id"] for n in answer["nodes"] if n["label"] == "Seizure"}
    named = {li["target"] for li in answer["links"] if li["source"] in seizures}
    assert seizures and set(actor.data["seized"]) == seizures | named  # the seizure, the box and record it names
    box = open_view(browser, (tmp_path / "container.html").as_uri())
    assert any("red border" in item for item in box.legend)
    assert "2025-06-16" in " ".join(box.data["edgeLabels"])  # the seizure's date on its line


def test_views_from_the_api_over_http(store: GraphStore, browser: Any, tmp_path: Path) -> None:
    ingest_folder(store, write_multiscript(tmp_path / "in"), tmp_path / "rejects")
    exporter, cyrillic, georgian_2 = (actor_named(store, n) for n in (EXPORTER, CYRILLIC, GEORGIAN_2))
    communities = service.get_model(store, EVERYONE).communities
    community = communities.of[exporter]
    members = communities.members[community]
    with serve(store, app=views_app(store)) as client:
        base = str(client.base_url).rstrip("/")
        hood = client.get(f"/nodes/{exporter}/neighbourhood", params={
            "hops": 2, "limit": 1500, "rel_types": ",".join(ACTOR_LINKS)}).json()
        found = client.get("/paths", params={"from": cyrillic, "to": georgian_2, "all": True}).json()
        repeat = client.get("/actors/repeat").json()
        routes = {
            "actor": (f"/views/actor/{exporter}?hops=2", len(hood["nodes"]), distinct_pairs(hood["links"])),
            "paths": (f"/views/paths?from={cyrillic}&to={georgian_2}",
                      len({n["id"] for p in found["paths"] for n in p["nodes"]}), None),
            "repeat-actors": ("/views/repeat-actors?min_countries=2", None, None),
            "container": (f"/views/container/{BOX}", None, None),
            "community": (f"/views/community/{community}", None, None),
        }
        for kind, (route, nodes, edges) in routes.items():
            response = client.get(route)
            assert response.status_code == 200, response.text
            assert response.headers["content-type"].startswith("text/html")
            seen = open_view(browser, base + route, shot=f"api-view-{kind}-{store.backend}", allowed=base + route)
            assert_clean(seen)
            assert nodes is None or seen.nodes == nodes, (kind, seen.nodes, nodes)
            assert edges is None or seen.edges == edges, (kind, seen.edges, edges)
        drawn = open_view(browser, f"{base}/views/community/{community}",
                          allowed=f"{base}/views/community/{community}")
        assert set(drawn.data["focus"]) == set(members)  # the members, and what ties them
        countries = {c for item in repeat["items"] for c in item["countries"]}
        seen = open_view(browser, base + "/views/repeat-actors", allowed=base + "/views/repeat-actors")
        assert set(seen.data["kinds"]) >= {"Country", "Company"} and set(seen.labels) >= countries

        missing = client.get("/views/actor/nobody")
        assert missing.status_code == 404 and "nobody" in missing.json()["error"]["detail"]
        bad = client.get(f"/views/actor/{exporter}", params={"date_from": "2025-13-01"})
        assert bad.status_code == 422
        wide = client.get(f"/views/actor/{exporter}", params={"max_nodes": 99_999})
        assert wide.status_code == 422


@pytest.fixture(scope="module")
def big_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedStore]:
    """A larger generated sample, where an actor's 3-hop network has more than 2,000 nodes."""
    folder = tmp_path_factory.mktemp("big")
    generate(folder / "sample", consignments=BIG_SAMPLE, seed=11)
    store = EmbeddedStore(folder / "consignet.sqlite")
    store.ensure_schema()
    ingest(store, jobs_from_paths([folder / "sample"], None), folder / "rejects")
    try:
        yield store
    finally:
        store.close()


def test_a_2000_node_view_is_still_and_readable_within_5_seconds(big_store: EmbeddedStore, browser: Any,
                                                                 tmp_path: Path) -> None:
    top = analysis(big_store).repeat_actors(EVERYONE, limit=1)["items"][0]["id"]
    graph = actor_view(big_store, top, EVERYONE, hops=3, max_nodes=2000)
    assert len(graph.nodes) == 2000 and graph.cut, "the view is cut at 2,000 nodes and says so"
    path = tmp_path / "big.html"
    path.write_text(render(graph), encoding="utf-8")

    seen = open_view(browser, path.as_uri(), shot="view-actor-2000-nodes")
    assert_clean(seen)
    assert (seen.nodes, seen.edges) == (2000, len(graph.edges))
    assert seen.settled_ms < SETTLE_BUDGET_MS, f"settled after {seen.settled_ms:.0f} ms"
    assert seen.cut_note and "2,000" in seen.cut_note and "Narrow it" in seen.cut_note
