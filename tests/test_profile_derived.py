"""The unrestricted actor profile on Neo4j reads its identifiers, containers and counterparties from the
derived links, and its vessels and routes from the ids its mentions carry (``analysis/actor_profile_fast``);
it must answer exactly what walking every mention's records answers (``analysis/actor_profile``, the query
every restricted viewer runs), for every actor of the generated sample, before and after an analyst's
judgement re-resolves it, and on a graph written before mentions carried those ids (once upgraded)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from consignet.ingest.pipeline import ingest, jobs_from_paths
from consignet.resolve_service import add_judgement
from consignet.scope import Viewer
from consignet.store import analysis_answers as ans
from consignet.store.neo4j import UPGRADES, UPGRADES_KEY, Neo4jStore

pytestmark = pytest.mark.neo4j


def walked(store: Neo4jStore, actor_id: str, *, list_limit: int, evidence_limit: int) -> dict[str, Any]:
    """The profile as the walking query answers it with every record visible."""
    row = store._q("analysis/actor_profile", id=actor_id, list_limit=list_limit, counterparties_limit=list_limit,
                   evidence_limit=evidence_limit, **Viewer.all().params(), date_from=None, date_to=None,
                   countries=None, hs_prefix=None)[0]
    evidence = {"total": row["mentions"], "offset": 0, "limit": evidence_limit, "records": row["evidence"]}
    return ans.profile_answer(actor_id, row, evidence)


def check_every_actor(store: Neo4jStore) -> int:
    actors = [r["id"] for r in store.driver.execute_query("MATCH (a:Actor) RETURN a.id AS id ORDER BY id").records]
    assert actors
    for actor_id in actors:
        for list_limit, evidence_limit in ((50, 3), (2, 1)):  # short lists test the tie-breaking order
            fast = store.actor_profile(actor_id, Viewer.all(), list_limit=list_limit, evidence_limit=evidence_limit)
            assert fast == walked(store, actor_id, list_limit=list_limit, evidence_limit=evidence_limit), actor_id
    return len(actors)


def test_profile_from_derived_links_equals_the_walk(neo4j_store: Neo4jStore, sample_dir: Path,
                                                    tmp_path: Path) -> None:
    ingest(neo4j_store, jobs_from_paths([sample_dir], None), tmp_path / "rejects")
    busy = neo4j_store.repeat_actors(Viewer.all(), limit=1)["items"][0]
    profile = neo4j_store.actor_profile(busy["id"], Viewer.all())
    assert profile["counterparties"] and profile["identifiers"] and profile["containers"]
    assert profile["vessels"] and profile["routes"]
    assert check_every_actor(neo4j_store) > 50

    # an analyst splits two mentions of the busiest actor: resolution runs again, the derived links follow
    mentions = [m for m in neo4j_store.mention_assignments(Viewer.all()) if m["actor_id"] == busy["id"]]
    assert len(mentions) >= 2
    add_judgement(neo4j_store, mentions[0]["mention_id"], mentions[-1]["mention_id"], "reject", by="tester")
    check_every_actor(neo4j_store)


def test_a_graph_without_record_ids_on_its_mentions_is_upgraded_once(neo4j_store: Neo4jStore, sample_dir: Path,
                                                                     tmp_path: Path) -> None:
    ingest(neo4j_store, jobs_from_paths([sample_dir], None), tmp_path / "rejects")
    assert neo4j_store.get_meta(UPGRADES_KEY) == list(UPGRADES)  # an empty graph needs no upgrade

    def strip() -> int:  # what a graph written by an earlier version looks like
        return neo4j_store.driver.execute_query(
            "MATCH (m:Mention) WHERE m.vessel_id IS NOT NULL OR m.route_id IS NOT NULL "
            "REMOVE m.vessel_id, m.route_id RETURN count(m) AS n").records[0]["n"]

    def carried() -> int:
        return neo4j_store.driver.execute_query(
            "MATCH (m:Mention) WHERE m.vessel_id IS NOT NULL OR m.route_id IS NOT NULL RETURN count(m) AS n"
        ).records[0]["n"]

    written = carried()
    assert written > 100
    assert strip() == written
    neo4j_store.ensure_schema()  # already upgraded: not run again
    assert carried() == 0
    neo4j_store.set_meta(UPGRADES_KEY, [])
    neo4j_store.ensure_schema()
    assert carried() == written
    assert neo4j_store.get_meta(UPGRADES_KEY) == list(UPGRADES)
    check_every_actor(neo4j_store)
