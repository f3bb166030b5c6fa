"""The network views' data on both stores: what each view draws is what the analysis reads answer, with
repeat links aggregated, parties folded into their actors, seizures marked and the cap said out loud.

The pages themselves are opened in Chromium in test_views_browser.py.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest
from test_api_support import ACTORS, K1, K4, build_graph, record_id
from test_views_support import (
    BOX,
    CYRILLIC,
    EXPORTER,
    GEORGIAN,
    GEORGIAN_2,
    actor_named,
    ingest_folder,
    write_multiscript,
)

from consignet.errors import InputError, NotFoundError
from consignet.ingest.pipeline import ingest, jobs_from_paths
from consignet.scope import Viewer
from consignet.store.base import GraphStore
from consignet.visualisations import (
    ACTOR_LINKS,
    actor_view,
    community_view,
    container_view,
    group_view,
    paths_view,
    render,
    repeat_actors_view,
)
from consignet.visualisations.demo import planted_networks
from consignet.visualisations.network_views import analysis
from consignet.visualisations.page import positions

EVERYONE = Viewer.all()


def pairs(links: list[dict]) -> set[tuple[str, str]]:
    return {(min(li["source"], li["target"]), max(li["source"], li["target"])) for li in links
            if li["source"] != li["target"]}


@pytest.fixture()
def multiscript(store: GraphStore, tmp_path: Path) -> GraphStore:
    ingest_folder(store, write_multiscript(tmp_path / "in"), tmp_path / "rejects")
    return store


def test_actor_view_draws_what_the_neighbourhood_answers(multiscript: GraphStore) -> None:
    exporter = actor_named(multiscript, EXPORTER)
    answer = analysis(multiscript).neighbourhood(exporter, EVERYONE, hops=2, limit=1500,
                                                 rel_types=list(ACTOR_LINKS))
    view = actor_view(multiscript, exporter, EVERYONE, hops=2)

    assert set(view.nodes) == {n["id"] for n in answer["nodes"]}
    assert set(view.edges) == pairs(answer["links"])
    assert [n.id for n in view.nodes.values() if n.focus] == [exporter]
    # the seized container stands out, with the seizure that names it
    box = next(n for n in view.nodes.values() if n.label == "Container")
    assert box.props["number"] == BOX and box.seized and "S1" in box.seized[0]
    assert any(n.label == "Seizure" for n in view.nodes.values())
    # two shipments to the Georgian company: one line, with the count and the dates of the derived link
    georgian = actor_named(multiscript, GEORGIAN)
    shipped = next(li for li in answer["links"] if li["type"] == "SHIPPED_TO" and li["target"] == georgian)
    edge = view.edges[(min(exporter, georgian), max(exporter, georgian))]
    assert edge.records == shipped["props"]["record_count"] == 2
    assert len(edge.parts) == 1
    html = render(view)
    assert f"shipped to ×{shipped['props']['record_count']}" in html
    assert f"{shipped['props']['first_date']} → {shipped['props']['last_date']}" in html


def test_tooltips_carry_provenance_and_every_spelling(multiscript: GraphStore) -> None:
    from consignet.visualisations.text import edge_tooltip, node_tooltip

    exporter = actor_named(multiscript, EXPORTER)
    view = actor_view(multiscript, exporter, EVERYONE, hops=2)
    georgian = view.nodes[actor_named(multiscript, GEORGIAN)]
    tip = node_tooltip(georgian)
    assert "„აბრეშუმის გზა“" in tip and "Georgian:" in tip  # the spelling as written, by script
    assert "reported by GE" in tip and "2025-03-01 → 2025-05-03" in tip
    assert "ge.csv row" in tip  # the file and row of a record behind it
    exporter_tip = node_tooltip(view.nodes[exporter])
    assert "reported by GE, KZ" in exporter_tip
    edge = view.edges[(min(exporter, georgian.id), max(exporter, georgian.id))]
    assert "2 record(s)" in edge_tooltip(edge, view) and "GE G1" in edge_tooltip(edge, view)


def test_record_links_fold_each_party_into_its_actor(multiscript: GraphStore) -> None:
    exporter = actor_named(multiscript, EXPORTER)
    types = ["HAS_PARTY", "RESOLVES_TO", "SHIPPED_TO"]
    answer = analysis(multiscript).neighbourhood(exporter, EVERYONE, hops=3, limit=1500, rel_types=types)
    view = actor_view(multiscript, exporter, EVERYONE, hops=3, rel_types=types)

    labels = {n["id"]: n["label"] for n in answer["nodes"]}
    actor_of = {li["source"]: li["target"] for li in answer["links"]
                if li["type"] == "RESOLVES_TO" and labels.get(li["source"]) == "Mention"}
    assert actor_of, "the walk reached parties as written"
    assert set(view.nodes) == set(labels) - set(actor_of)
    expected = {(min(a, b), max(a, b)) for li in answer["links"] if li["type"] != "RESOLVES_TO"
                for a, b in [(actor_of.get(li["source"], li["source"]), actor_of.get(li["target"], li["target"]))]
                if a != b}
    assert set(view.edges) == expected
    # a consignment's line to the exporter says the exporter's role on it
    g1 = next(n for n in view.nodes.values() if n.label == "Consignment" and n.props.get("record_id") == "G1")
    edge = view.edges[(min(g1.id, exporter), max(g1.id, exporter))]
    assert [p.verb for p in edge.parts] == ["consignor"]


def test_paths_view_reads_left_to_right(multiscript: GraphStore) -> None:
    a, b = actor_named(multiscript, CYRILLIC), actor_named(multiscript, GEORGIAN_2)
    answer = analysis(multiscript).paths(a, b, EVERYONE, all_paths=True)
    view = paths_view(multiscript, a, b, EVERYONE)

    assert answer["found"] and answer["paths"]
    assert set(view.nodes) == {n["id"] for p in answer["paths"] for n in p["nodes"]}
    assert {n.id for n in view.nodes.values() if n.focus} == {a, b}
    where = positions(view)
    for path in answer["paths"]:
        xs = [where[n["id"]][0] for n in path["nodes"]]
        assert xs == sorted(xs) and len(set(xs)) == len(xs), xs
    assert f"{answer['total_paths']} shortest path(s) of {answer['length']} link(s)" in view.notes[0]


def test_repeat_actors_view_places_actors_among_their_countries(multiscript: GraphStore) -> None:
    answer = analysis(multiscript).repeat_actors(EVERYONE, counterparties=5)
    view = repeat_actors_view(multiscript, EVERYONE)

    assert answer["items"]
    countries = {n.props.get("code") for n in view.nodes.values() if n.label == "Country"}
    assert countries == {c for item in answer["items"] for c in item["countries"]}
    for item in answer["items"]:
        assert view.nodes[item["id"]].props["originators"] == item["countries"]
        linked = {n.props.get("code") for key in view.edges if item["id"] in key
                  for n in [view.nodes[key[0] if key[1] == item["id"] else key[1]]] if n.label == "Country"}
        assert linked == set(item["countries"])
        for other in item["counterparties"]:
            edge = view.edges[(min(item["id"], other["id"]), max(item["id"], other["id"]))]
            assert edge.records == other["records"]


def test_container_view_is_a_timeline_with_its_seizure(multiscript: GraphStore) -> None:
    answer = analysis(multiscript).container_history(BOX, EVERYONE)
    view = container_view(multiscript, BOX, EVERYONE)

    records = [r["record"] for r in answer["records"]["items"]]
    assert len(records) == 3
    where = positions(view)
    assert [where[r][0] for r in records] == sorted(where[r][0] for r in records)
    box = view.nodes[answer["id"]]
    assert box.focus and box.seized
    assert {p["actor"] for r in answer["records"]["items"] for p in r["parties"]} <= set(view.nodes)
    assert view.nodes[actor_named(multiscript, GEORGIAN)].kind == "Company"  # filled in from the store
    seizure = next(n for n in view.nodes.values() if n.label == "Seizure")
    assert seizure.props["reason"] == "undeclared dual-use goods"


def test_container_anomalies_are_drawn_between_the_records(store: GraphStore) -> None:
    build_graph(store)
    answer = analysis(store).container_history(K1, EVERYONE)
    view = container_view(store, K1, EVERYONE)

    overlap = next(a for a in answer["anomalies"] if a["kind"] == "overlap")
    r1, g2 = record_id("KZ", "R1"), record_id("GE", "G2")
    assert sorted(overlap["pairs"][0]) == sorted([r1, g2])
    edge = view.edges[(min(r1, g2), max(r1, g2))]
    # every anomaly naming the pair is on the one line between them (overlap, and reuse by unrelated actors)
    naming = [a for a in answer["anomalies"] if any(sorted(p) == sorted([r1, g2]) for p in a["pairs"])]
    assert [(p.type, p.note) for p in edge.parts] == [("ANOMALY", a["detail"]) for a in naming]
    assert overlap in naming
    assert view.nodes[answer["id"]].flagged == [a["detail"] for a in answer["anomalies"]]
    seized = container_view(store, K4, EVERYONE)
    assert seized.nodes[seized.roots[0]].seized
    # ANKARA's mentions in Latin and Turkish spellings are one actor with both names
    altyn = actor_view(store, ACTORS["ALTYN"], EVERYONE, hops=2)
    assert any(n.seized for n in altyn.nodes.values() if n.label == "Container")


def test_views_refuse_bad_input_naming_it(multiscript: GraphStore) -> None:
    with pytest.raises(NotFoundError, match="nope"):
        actor_view(multiscript, "nope", EVERYONE)
    with pytest.raises(InputError, match="max_nodes"):
        actor_view(multiscript, actor_named(multiscript, EXPORTER), EVERYONE, max_nodes=5)
    with pytest.raises(InputError, match="hops"):
        actor_view(multiscript, actor_named(multiscript, EXPORTER), EVERYONE, hops=7)
    with pytest.raises(InputError, match="MSCU1234567"):
        container_view(multiscript, "MSCU1234567", EVERYONE)
    with pytest.raises(InputError, match="no actors"):
        group_view(multiscript, [], EVERYONE, title="nothing")


def test_community_view_takes_the_members_of_a_community(multiscript: GraphStore) -> None:
    members = [actor_named(multiscript, n) for n in (GEORGIAN, GEORGIAN_2)]
    view = community_view(multiscript, "c1", EVERYONE, members=members)
    # the two Georgian companies are tied by the phone they share, and only by it
    assert {n.id for n in view.nodes.values() if n.focus} == set(members)
    assert {n.label for n in view.nodes.values() if not n.focus} == {"Phone"}
    with_unknown = community_view(multiscript, "c1", EVERYONE, members=[*members, "nobody"])
    assert set(with_unknown.nodes) == set(view.nodes)
    assert any("1 actor(s) not visible or unknown: nobody" in note for note in with_unknown.notes)


def test_community_view_looks_the_community_up(multiscript: GraphStore) -> None:
    from consignet.analysis import service

    model = service.get_model(multiscript, EVERYONE)
    exporter = actor_named(multiscript, EXPORTER)
    found = model.communities.of[exporter]
    members = model.communities.members[found]
    view = community_view(multiscript, found, EVERYONE)
    assert {n.id for n in view.nodes.values() if n.focus} == set(members)
    assert view.parameters["community"] == found and view.title == f"Community {found}"
    with pytest.raises(NotFoundError, match="com_nothing"):
        community_view(multiscript, "com_nothing", EVERYONE)


def test_planted_networks_and_the_demo_views(store: GraphStore, sample_dir: Path, tmp_path: Path) -> None:
    from consignet.cli.view_cmd import write_demo_views

    assert ingest(store, jobs_from_paths([sample_dir], None), tmp_path / "rejects").as_dict()["loaded"] > 0
    truth = json.loads((sample_dir / "truth.json").read_text(encoding="utf-8"))
    networks = planted_networks(store, sample_dir / "truth.json")
    assert len(networks) == len(truth["networks"])

    net = networks[0]
    planted = next(n for n in truth["networks"] if n["id"] == net["id"])
    view = group_view(store, net["actors"], EVERYONE, title=f"network {net['id']}")
    assert {n.id for n in view.nodes.values() if n.focus} == set(net["actors"])
    # the fronts' shared phone ties several of the network's actors together
    phones = [n for n in view.nodes.values() if n.label == "Phone" and n.props.get("e164") in planted["phones"]]
    assert phones
    for phone in phones:
        assert sum(1 for key in view.edges if phone.id in key) >= 2

    # a cut view says so, and how to narrow it
    busiest = max(net["actors"], key=lambda a: view.nodes[a].props.get("record_count") or 0)
    small = actor_view(store, busiest, EVERYONE, hops=3, max_nodes=10)
    assert len(small.nodes) == 10 and small.cut and "Narrow it" in small.cut

    written = write_demo_views(store, tmp_path / "views", sample_dir / "truth.json")
    names = {p.name for p in written}
    assert "repeat-actors.html" in names and f"network-{net['id']}.html" in names
    for page in written:
        html = page.read_text(encoding="utf-8")
        assert "vis.Network(" in html
        # nothing is fetched: no src or href leaves the file (data: URLs only)
        assert not re.findall(r'(?:src|href)\s*=\s*["\'](?!data:|#)', html), page.name


def test_layout_keeps_nodes_apart(multiscript: GraphStore) -> None:
    """Drawn as computed (no physics on large views): no two nodes on top of each other."""
    from consignet.visualisations import layout

    star = {"c": [f"n{i}" for i in range(300)], **{f"n{i}": ["c"] for i in range(300)}}
    for where in (layout.radial(list(star), star, ["c"]),
                  layout.anchored(list(star), star, ["c"])):
        points = list(where.values())
        closest = min(math.dist(p, q) for i, p in enumerate(points) for q in points[i + 1:])
        assert closest >= layout.SPACING * 0.5, closest
    view = actor_view(multiscript, actor_named(multiscript, EXPORTER), EVERYONE, hops=3)
    where = positions(view)
    points = list(where.values())
    assert len(points) == len(view.nodes)
    assert min(math.dist(p, q) for i, p in enumerate(points) for q in points[i + 1:]) >= layout.SPACING * 0.5
