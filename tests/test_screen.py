"""Screening actors against a watch list: hits become flags with score and explanation, on both stores."""

from __future__ import annotations

import json
from pathlib import Path

from test_ingest import GOOD, _row, run, write_case

from consignet.cli.resolution_cmds import screen_store
from consignet.scope import Viewer
from consignet.store.base import GraphStore


def test_watchlist_hits_are_stored_as_flags(store: GraphStore, tmp_path: Path) -> None:
    path, prof = write_case(tmp_path / "in", [GOOD, _row(**{"№ декларации": "D2", "Получатель": "ТОО «Барыс»",
                                                            "Тел. получателя": "+7 701 555 0000"})])
    run(store, tmp_path, path, prof)
    actors = store.actor_rows(Viewer.all())
    assert any("ТОО «Шелковый путь»" in a["names"] for a in actors)
    watchlist = tmp_path / "list.csv"
    watchlist.write_text("id,name,identifiers,country\nW1,SHELKOVYY PUT LLP,,KZ\nW2,Completely Other Ltd,,GB\n",
                         encoding="utf-8")
    result = screen_store(store, watchlist, by="analyst-1")
    assert result["entries"] == 2 and result["matches"] == 1
    hit = result["top"][0]
    assert hit["entry_id"] == "W1" and "name" in hit["why"]
    target = next(a for a in actors if "ТОО «Шелковый путь»" in a["names"])
    assert hit["actor_id"] == target["id"]
    assert store.stats(Viewer.all())["nodes"]["Flag"] == 1
    again = screen_store(store, watchlist)  # screening twice does not flag twice
    assert again["matches"] == 1 and store.stats(Viewer.all())["nodes"]["Flag"] == 1
    flag = store.get_node(_flag_id(target["id"], watchlist), Viewer.all())
    assert flag is not None and json.loads(flag["props"]["note"])["decision"] == "match"


def _flag_id(actor_id: str, watchlist: Path) -> str:
    from consignet import ids

    return ids.node_id("Flag", actor_id, f"watchlist:{watchlist.name}:W1")
