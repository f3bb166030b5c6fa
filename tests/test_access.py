"""Access control and the audit trail: API keys map to a member country's view over real HTTP; a missing or
unknown key is refused in the API's error shape; every request is audited; the keys file holds no key; the
CLI makes, lists and revokes keys; ``serve`` refuses a public address without keys."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from test_api_support import ACTORS, build_graph, serve
from typer.testing import CliRunner

from consignet.access import KeyRing, Unauthorized, digest, load_keys, read_audit
from consignet.cli.main import app as cli
from consignet.errors import InputError
from consignet.settings import Settings
from consignet.store.embedded import EmbeddedStore


@pytest.fixture()
def graph(tmp_path: Path) -> EmbeddedStore:
    store = EmbeddedStore(tmp_path / "consignet.sqlite")
    build_graph(store)
    return store


def test_key_ring_stores_digests_only_and_finds_keys(tmp_path: Path) -> None:
    ring = KeyRing(tmp_path / "keys.yaml")
    kz = ring.add("kz-pcu-aktau", "kz", ["iren"], unrestricted=False)
    op = ring.add("operator", None, [], unrestricted=True)
    text = (tmp_path / "keys.yaml").read_text(encoding="utf-8")
    assert kz not in text and op not in text and digest(kz) in text
    assert (tmp_path / "keys.yaml").stat().st_mode & 0o077 == 0  # readable by its owner only
    again = KeyRing(tmp_path / "keys.yaml")
    found = again.find(kz)
    assert found.name == "kz-pcu-aktau" and found.viewer.country == "KZ" and found.viewer.groups == {"iren"}
    assert again.find(f"  {op} ").viewer.unrestricted
    with pytest.raises(Unauthorized, match="unknown API key"):
        again.find("cn_not-a-key")
    with pytest.raises(Unauthorized, match="X-API-Key"):
        again.find(None)
    with pytest.raises(InputError, match="exists already"):
        again.add("operator", None, [], unrestricted=True)
    with pytest.raises(InputError, match="either for one member country"):
        again.add("nobody", None, [], unrestricted=False)
    again.revoke("kz-pcu-aktau")
    with pytest.raises(Unauthorized):
        KeyRing(tmp_path / "keys.yaml").find(kz)


def test_a_bad_keys_file_is_refused_naming_file_and_entry(tmp_path: Path) -> None:
    path = tmp_path / "keys.yaml"
    path.write_text(yaml.safe_dump({"keys": [{"name": "a", "sha256": "0" * 64, "country": "KZ"},
                                             {"name": "b", "sha256": "xyz", "country": "GE"}]}), encoding="utf-8")
    with pytest.raises(InputError, match=r"keys\.yaml: keys\[1\].*sha256"):
        load_keys(path)
    path.write_text(yaml.safe_dump({"keys": [{"name": "c", "sha256": "0" * 64}]}), encoding="utf-8")
    with pytest.raises(InputError, match=r"keys\[0\] \(c\): needs 'country'"):
        load_keys(path)


def test_keys_give_each_country_its_view_over_http_and_every_request_is_audited(
        graph: EmbeddedStore, tmp_path: Path) -> None:
    ring = KeyRing(tmp_path / "keys.yaml")
    kz, tr = ring.add("kz", "KZ", [], False), ring.add("tr", "TR", [], False)
    op = ring.add("operator", None, [], True)
    settings = Settings(api_keys_file=tmp_path / "keys.yaml", data_dir=tmp_path)
    gizli = ACTORS["GIZLI"]  # seen only in a Turkish record shared with its originator alone
    with serve(graph, settings) as client:
        assert client.get("/health").status_code == 200  # liveness and docs stay open
        assert client.get("/openapi.json").status_code == 200
        refused = client.get(f"/actors/{ACTORS['SILK']}")
        assert refused.status_code == 401 and refused.headers["www-authenticate"].startswith("Bearer")
        assert refused.json()["error"]["type"] == "Unauthorized" and "X-API-Key" in refused.json()["error"]["detail"]
        assert client.get("/stats", headers={"X-API-Key": "cn_wrong"}).status_code == 401
        assert client.get(f"/actors/{gizli}", headers={"X-API-Key": kz}).status_code == 404
        assert client.get(f"/actors/{gizli}", headers={"Authorization": f"Bearer {tr}"}).status_code == 200
        assert client.get(f"/actors/{gizli}", headers={"X-API-Key": op}).status_code == 200
        seen_kz = client.get("/actors/repeat?min_countries=1&limit=100", headers={"X-API-Key": kz}).json()
        seen_op = client.get("/actors/repeat?min_countries=1&limit=100", headers={"X-API-Key": op}).json()
        ids_kz = {row["id"] for row in seen_kz["items"]}
        ids_op = {row["id"] for row in seen_op["items"]}
        assert gizli in ids_op and gizli not in ids_kz and ids_kz < ids_op
        raw = client.post("/cypher", json={"query": "MATCH (n) RETURN count(n)"}, headers={"X-API-Key": kz})
        assert raw.status_code in (403, 501)  # refused to a restricted view (403) or on embedded (501)
    audit = read_audit(tmp_path / "audit.jsonl", limit=0)
    assert [(a["path"], a["status"], a["key"]) for a in audit[:4]] == [
        ("/health", 200, None), ("/openapi.json", 200, None), (f"/actors/{ACTORS['SILK']}", 401, None),
        ("/stats", 401, None)]
    kz_rows = read_audit(tmp_path / "audit.jsonl", key="kz", limit=0)
    assert [a["status"] for a in kz_rows] == [404, 200, raw.status_code]
    assert kz_rows[1]["query"] == "min_countries=1&limit=100" and kz_rows[1]["country"] == "KZ"
    assert all(isinstance(a["ms"], float) and a["time"].endswith("+00:00") for a in audit)


def test_without_a_keys_file_the_api_is_open_and_still_audited(graph: EmbeddedStore, tmp_path: Path) -> None:
    with serve(graph, Settings(data_dir=tmp_path)) as client:
        assert client.get(f"/actors/{ACTORS['GIZLI']}").status_code == 200
    (entry,) = read_audit(tmp_path / "audit.jsonl")
    assert entry["status"] == 200 and entry["view"].startswith("unrestricted")


def test_keys_and_audit_commands(tmp_path: Path) -> None:
    runner = CliRunner()
    keys = str(tmp_path / "keys.yaml")
    made = runner.invoke(cli, ["keys", "add", "ge-rs", "--country", "GE", "--group", "iren", "--keys-file", keys])
    assert made.exit_code == 0, made.output
    key = made.stdout.strip().splitlines()[0]
    assert key.startswith("cn_") and KeyRing(Path(keys)).find(key).name == "ge-rs"
    listed = runner.invoke(cli, ["keys", "list", "--keys-file", keys, "--json"])
    assert json.loads(listed.stdout) == [{"name": "ge-rs", "country": "GE", "groups": ["iren"]}]
    bad = runner.invoke(cli, ["keys", "add", "x", "--keys-file", keys])
    assert bad.exit_code != 0 and "member country" in bad.output
    assert runner.invoke(cli, ["keys", "revoke", "ge-rs", "--keys-file", keys]).exit_code == 0
    assert KeyRing(Path(keys)).keys == []
    (tmp_path / "audit.jsonl").write_text(json.dumps({"time": "t", "key": "kz", "method": "GET", "path": "/stats",
                                                      "query": "", "status": 200, "ms": 1.0}) + "\n")
    shown = runner.invoke(cli, ["audit", "--data-dir", str(tmp_path), "--json"])
    assert shown.exit_code == 0 and json.loads(shown.stdout)[0]["path"] == "/stats"


def test_serve_refuses_a_public_address_without_keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CONSIGNET_API_KEYS_FILE", raising=False)
    out = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0", "--data-dir", str(tmp_path)])
    assert out.exit_code != 0 and "CONSIGNET_API_KEYS_FILE" in out.output
