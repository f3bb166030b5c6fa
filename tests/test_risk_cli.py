"""`consignet communities`, `risk`, `alerts` and `export graphml|gexf|ftm` as users run them: a real process,
a real data folder, files written, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
from test_communities import RING_A, rings
from test_risk_support import Rec, actor_id, cli

from consignet.store.embedded import EmbeddedStore


def test_commands_end_to_end(tmp_path: Path) -> None:
    data = tmp_path / "data"
    s = rings()
    seized = s.add(Rec("SEIZED", "A2", "A3", dep="2025-02-01"))[0]
    s.seize("KZ", "S-1", "2025-02-03", consignments=(seized,))
    store = EmbeddedStore(data / "consignet.sqlite")
    s.write(store)
    store.close()

    refreshed = cli("communities", "--refresh", "--json", data_dir=data)
    assert refreshed.returncode == 0, refreshed.stderr
    answer = json.loads(refreshed.stdout)
    assert answer["refresh"]["communities"] == answer["total"] == 3
    ring = next(c for c in answer["items"] if actor_id("A1") in {m["id"] for m in c["top_members"]})
    assert ring["size"] == len(RING_A)

    top = json.loads(cli("risk", "--top", "3", "--json", data_dir=data).stdout)
    assert len(top["items"]) == 3 and top["items"][0]["rank"] == 1
    explained = json.loads(cli("risk", "--actor", actor_id("A2"), "--json", data_dir=data).stdout)
    assert "proximity" in {c["indicator"] for c in explained["contributions"]}
    table = cli("risk", "--top", "5", data_dir=data)
    assert table.returncode == 0 and "proximity" in table.stdout

    s.add(Rec("LATER", "A3", "A1", dep="2025-05-01"))  # a new run touching the seized actors
    store = EmbeddedStore(data / "consignet.sqlite")
    s.write(store)
    store.close()
    assert json.loads(cli("communities", "--refresh", "--json", data_dir=data).stdout)["refresh"]["alerts"] > 0
    alerts = json.loads(cli("alerts", "--json", data_dir=data).stdout)
    first = alerts["items"][0]
    assert first["kind"] == "seized_actor" and first["record"]["record_id"] == "LATER"
    assert cli("alerts", "seen", first["id"], "--by", "ana", data_dir=data).returncode == 0
    noted = json.loads(cli("alerts", "note", first["id"], "case opened", "--json", data_dir=data).stdout)
    assert noted["status"] == "seen" and noted["notes"][0]["text"] == "case opened"
    missing = cli("alerts", "seen", "alr_nope", data_dir=data)
    assert missing.returncode == 2 and "alr_nope" in missing.stderr

    graphml, gexf, ftm = tmp_path / "a1.graphml", tmp_path / "ring.gexf", tmp_path / "ring.ftm.json"
    made = cli("export", "graphml", "--node", actor_id("A1"), "--hops", "1", "-o", str(graphml), data_dir=data)
    assert made.returncode == 0, made.stderr
    assert nx.read_graphml(graphml).number_of_nodes() > len(RING_A)
    assert cli("export", "gexf", "--community", ring["id"], "-o", str(gexf), data_dir=data).returncode == 0
    assert set(nx.read_gexf(gexf).nodes) == {actor_id(k) for k in RING_A}
    assert cli("export", "ftm", "--community", ring["id"], "-o", str(ftm), data_dir=data).returncode == 0
    schemata = [json.loads(line)["schema"] for line in ftm.read_text(encoding="utf-8").splitlines()]
    assert schemata.count("Company") == len(RING_A) and "UnknownLink" in schemata
    neither = cli("export", "gexf", "-o", str(gexf), data_dir=data)
    assert neither.returncode == 2 and "--community" in neither.stderr
