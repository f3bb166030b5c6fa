"""The generated sample through the whole job, on both stores, checked against its ground truth."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from consignet import ids
from consignet.ingest.pipeline import ingest, jobs_from_paths
from consignet.model import load_yaml
from consignet.scope import Viewer
from consignet.store.base import GraphStore
from consignet.store.embedded import EmbeddedStore


def test_sample_ingest_matches_the_ground_truth(store: GraphStore, sample_dir: Path, tmp_path: Path) -> None:
    truth = json.loads((sample_dir / "truth.json").read_text(encoding="utf-8"))
    manifest = json.loads((sample_dir / "manifest.json").read_text(encoding="utf-8"))
    summary = ingest(store, jobs_from_paths([sample_dir], None), tmp_path / "rejects").as_dict()

    # every row of every file is read and counted exactly once
    assert summary["read"] == sum(f["rows"] for f in manifest["files"])
    for f in summary["files"]:
        assert f["reconciled"], f
    # exactly the planted bad rows are rejected, each for the planted field
    with open(summary["rejects_file"], encoding="utf-8") as fh:
        rejected = {(r["file"], int(r["row"])): r["field"] for r in csv.DictReader(fh)}
    planted = {(b["file"], int(b["row"])): b["field"] for b in truth["bad_rows"]}
    assert rejected == planted
    # duplicates: re-sent and repeated records, plus forwarded copies of known records
    assert summary["duplicates"] >= len(truth["duplicates"])
    assert summary["updated"] == 0
    # a record forwarded by another country is the originator's record, with the sender as provenance
    for fwd in truth["forwarded"]:
        cid = ids.node_id("Consignment", fwd["forwarded_by"], fwd["record_id"])
        node = store.get_node(cid, Viewer.all())
        assert node is not None and node["props"]["source_file"] == fwd["original"]["file"], fwd
        sender = next(f["country"] for f in manifest["files"] if f["path"] == fwd["file"])
        assert sender in node["props"]["forwarded_by"], fwd
    assert summary["repeat_actors"] > 0 and summary["actors"] > 0

    stats = store.stats(Viewer.all())
    countries = stats["consignments_by_country"]
    assert len(countries) >= 10
    assert sum(countries.values()) == stats["nodes"]["Consignment"] == summary["consignments"]
    for label in ("Mention", "Actor", "Container", "Vessel", "Port", "Commodity", "Route", "Phone", "TaxId"):
        assert stats["nodes"].get(label, 0) > 0, label
    for rtype in ("HAS_PARTY", "RESOLVES_TO", "IN_CONTAINER", "SHIPPED_TO", "USES_IDENTIFIER", "CARRIES"):
        assert stats["relationships"].get(rtype, 0) > 0, rtype

    # every mention of a loaded record is exported with its file, row and actor
    mentions = store.mention_assignments(Viewer.all())
    truth_keys = {(m["file"], int(m["row"]), m["role"]) for m in truth["mentions"]}
    exported = {(m["file"], int(m["row"]), m["role"]) for m in mentions}
    assert exported <= truth_keys
    assert all(m["actor_id"] for m in mentions)

    if isinstance(store, EmbeddedStore):  # every property written is declared in the model (its docs)
        model = load_yaml("graph.yaml")
        for _, data in store.g.nodes(data=True):
            undeclared = set(data["p"]) - set(model["nodes"][data["label"]]["properties"]) - {"id"}
            assert not undeclared, (data["label"], undeclared)
        for _, _, rtype, data in store.g.edges(keys=True, data=True):
            undeclared = set(data["p"]) - set(model["relationships"][rtype]["properties"])
            assert not undeclared, (rtype, undeclared)

    again = ingest(store, jobs_from_paths([sample_dir], None), tmp_path / "rejects").as_dict()
    assert again["loaded"] == 0 and again["updated"] == 0
    assert again["duplicates"] == summary["loaded"] + summary["duplicates"]
    assert again["actors"] == summary["actors"]
