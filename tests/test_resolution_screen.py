"""Screening resolved actors against a watch list (CSV and FollowTheMoney JSON lines)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from consignet.errors import InputError
from consignet.resolution import MentionInput, load_watchlist, resolve, screen


def _mention(mid: str, name: str, tax: list[tuple[str, str]] | None = None, country: str = "KZ") -> MentionInput:
    return MentionInput(
        mid, name, "company", country, "KZ", "consignee", f"r-{mid}", "2025-01-01", tax or [], [], [], [], [], [], []
    )


@pytest.fixture()
def actors():
    result = resolve(
        [
            _mention("1", "ТОО «Шелковый путь»", [("kz.bin", "123456789012")]),
            _mention("2", "ТОО «Алтын Дала»"),
            _mention("3", "Восток Трейд", country="RU"),
        ]
    )
    return result.actors


def test_csv_watch_list(tmp_path: Path, actors) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        "id,name,identifiers,country\nW1,Shelkovyy Put LLP,,KZ\nW2,Unrelated Holdings,123456789012,\n"
        "W3,Vostok Trans,,RU\n",
        encoding="utf-8",
    )
    hits = screen(actors, load_watchlist(path))
    found = {(h.entry_id, h.decision) for h in hits}
    assert ("W1", "match") in found
    assert any(h.entry_id == "W2" and any(f.name == "identifier" for f in h.evidence) for h in hits)
    assert not any(h.entry_id == "W3" and h.decision == "match" for h in hits)


def test_followthemoney_watch_list(tmp_path: Path, actors) -> None:
    path = tmp_path / "list.jsonl"
    entity = {"id": "ofac-1", "schema": "Company", "properties": {"name": ["ALTYN DALA LLP"], "country": ["kz"]}}
    path.write_text(json.dumps(entity) + "\n", encoding="utf-8")
    hits = screen(actors, load_watchlist(path))
    assert [h.entry_id for h in hits if h.decision == "match"] == ["ofac-1"]


def test_bad_watch_lists_say_where(tmp_path: Path) -> None:
    bad_csv = tmp_path / "bad.csv"
    bad_csv.write_text("title\nfoo\n", encoding="utf-8")
    with pytest.raises(InputError, match="'name' column"):
        load_watchlist(bad_csv)
    empty_name = tmp_path / "empty.csv"
    empty_name.write_text("name,country\nAcme,KZ\n,KZ\n", encoding="utf-8")
    with pytest.raises(InputError, match="row 3, field name"):
        load_watchlist(empty_name)
    bad_json = tmp_path / "bad.jsonl"
    bad_json.write_text('{"id": 1}\n{oops\n', encoding="utf-8")
    with pytest.raises(InputError, match="line 2"):
        load_watchlist(bad_json)
