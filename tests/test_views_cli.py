"""``consignet view ...`` as users run it: a real process, a real store, files written, exit codes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
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

from consignet.analysis import service
from consignet.scope import Viewer
from consignet.store.embedded import EmbeddedStore


def _command() -> list[str]:
    """``consignet view`` once the lead has wired it into the main command; its own module until then."""
    from consignet.cli import main

    wired = any(group.name == "view" for group in main.app.registered_groups)
    return [sys.executable, "-m", "consignet.cli.main" if wired else "consignet.cli.view_cmd"]


def view(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    prefix = _command()
    argv = [*prefix, *(["view"] if prefix[-1].endswith("main") else []), *args]
    env = {**os.environ, "CONSIGNET_DATA_DIR": str(data_dir), "CONSIGNET_STORE": "embedded"}
    return subprocess.run(argv, capture_output=True, text=True, env=env, timeout=300)


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    folder = tmp_path_factory.mktemp("cli-data")
    store = EmbeddedStore(folder / "consignet.sqlite")
    store.ensure_schema()
    try:
        ingest_folder(store, write_multiscript(folder / "in"), folder / "rejects")
        names = {n: actor_named(store, n) for n in (EXPORTER, CYRILLIC, GEORGIAN, GEORGIAN_2)}
        names["community"] = service.get_model(store, Viewer.all()).communities.of[names[EXPORTER]]
    finally:
        store.close()
    return folder, names


def page_data(path: Path) -> tuple[list[dict], list[dict], str]:
    """The nodes and edges a page hands to vis, and its subtitle."""
    html = path.read_text(encoding="utf-8")
    nodes = json.loads(re.search(r"var nodes = new vis\.DataSet\((.*?)\);\n", html, re.S).group(1))
    edges = json.loads(re.search(r"var edges = new vis\.DataSet\((.*?)\);\n", html, re.S).group(1))
    meta = re.search(r'<p class="meta" id="view-meta">(.*?)</p>', html, re.S).group(1)
    return nodes, edges, meta


def test_every_view_command_writes_a_page(data_dir: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    folder, ids = data_dir
    exporter, cyrillic = ids[EXPORTER], ids[CYRILLIC]
    commands = {
        "actor": ["actor", exporter, "--hops", "3"],
        "paths": ["paths", cyrillic, ids[GEORGIAN_2], "--max-length", "6"],
        "community": ["community", ids["community"]],
        "actors": ["community", "georgian", "--actors", f"{ids[GEORGIAN]},{ids[GEORGIAN_2]}"],
        "repeat-actors": ["repeat-actors", "--min-countries", "2"],
        "container": ["container", f"{BOX[:4]} {BOX[4:10]}-{BOX[10]}"],  # as officers write it
    }
    for kind, args in commands.items():
        out = tmp_path / "views" / f"{kind}.html"
        result = view(*args, "-o", str(out), data_dir=folder)
        assert result.returncode == 0, (kind, result.stderr)
        assert f"wrote {out}" in result.stderr.replace("\n", "")
        nodes, edges, _ = page_data(out)
        assert nodes and edges, kind
    nodes, _, _ = page_data(tmp_path / "views" / "actor.html")
    labels = {n["label"] for n in nodes}
    assert EXPORTER in labels and any(re.search("[\u10a0-\u10ff]", label) for label in labels)


def test_filters_narrow_the_view_and_are_shown(data_dir: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    folder, ids = data_dir
    everything, only_kz = tmp_path / "all.html", tmp_path / "kz.html"
    assert view("actor", ids[EXPORTER], "-o", str(everything), data_dir=folder).returncode == 0
    result = view("actor", ids[EXPORTER], "--countries", "kz", "--date-from", "2025-05-04", "-o", str(only_kz),
                  data_dir=folder)
    assert result.returncode == 0, result.stderr
    all_nodes, _, _ = page_data(everything)
    kz_nodes, _, meta = page_data(only_kz)
    assert "countries: KZ" in meta and "2025-05-04 → …" in meta
    assert {n["id"] for n in kz_nodes} < {n["id"] for n in all_nodes}
    # the Georgian company shipped to, and used the box, only before the date asked from
    assert ids[CYRILLIC] in {n["id"] for n in kz_nodes} and ids[GEORGIAN] not in {n["id"] for n in kz_nodes}


def test_bad_input_exits_2_and_says_what(data_dir: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    folder, ids = data_dir
    unknown = view("actor", "nobody", "-o", str(tmp_path / "x.html"), data_dir=folder)
    assert unknown.returncode == 2 and "nobody" in unknown.stderr
    assert not (tmp_path / "x.html").exists()
    bad_date = view("actor", ids[EXPORTER], "--date-from", "2025-13-01", data_dir=folder)
    assert bad_date.returncode == 2 and "date_from" in bad_date.stderr
    bad_box = view("container", "MSCU1234567", data_dir=folder)
    assert bad_box.returncode == 2 and "MSCU1234567" in bad_box.stderr
    folder_out = view("repeat-actors", "-o", str(tmp_path), data_dir=folder)
    assert folder_out.returncode == 2 and "directory" in folder_out.stderr
