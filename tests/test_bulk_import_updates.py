"""A record updated inside one initial load: the import files hold its last version only (plus the previous
version as a ConsignmentVersion), exactly as the online ingest leaves the graph; the importer would refuse
doubled ids (found on the 1M sample, which re-sends corrected records)."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

from consignet.ingest.pipeline import IngestRun, Job, jobs_from_paths
from consignet.scope import Viewer
from consignet.store.embedded import EmbeddedStore
from consignet.store.import_files import ImportFileWriter


class _Writer(ImportFileWriter):
    """The import writer alone (reads it does not serve are not called by the ingest)."""


_Writer.__abstractmethods__ = frozenset()


def _resend(sample_dir: Path, tmp_path: Path) -> list[Job]:
    """The sample, then a corrected re-send of the first KZ file's first three rows (another gross mass)."""
    manifest = json.loads((sample_dir / "manifest.json").read_text(encoding="utf-8"))
    entry = next(e for e in manifest["files"] if e["country"] == "KZ" and e["format"] == "csv")
    jobs = jobs_from_paths([sample_dir], None)
    job = next(j for j in jobs if j.label == entry["path"])
    encoding = job.profile.encoding if job.profile.encoding not in (None, "auto") else "utf-8"
    delim = job.profile.delimiter or ","
    lines = job.path.read_bytes().decode(encoding).splitlines(keepends=True)
    header = lines[0]
    names = next(csv.reader([header], delimiter=delim))
    mass = next(src for src, field in job.profile.columns.items() if field == "gross_mass_kg")
    col = names.index(mass)
    changed = []
    for line in lines[1:4]:
        cells = next(csv.reader([line], delimiter=delim))
        cells[col] = "777"
        out = io.StringIO()
        csv.writer(out, delimiter=delim, lineterminator="\r\n").writerow(cells)
        changed.append(out.getvalue())
    path = tmp_path / "kz_resend.csv"
    path.write_bytes((header + "".join(changed)).encode(encoding))
    return [*jobs, Job(path, job.profile, "kz_resend.csv")]


def _rows(path: Path) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.reader(fh))[1:]


def test_updates_inside_one_load_leave_the_last_version(sample_dir: Path, tmp_path: Path) -> None:
    jobs = _resend(sample_dir, tmp_path)
    online = EmbeddedStore(tmp_path / "online.sqlite")
    expected = IngestRun(online, tmp_path / "rejects-online", 5000).run(jobs).as_dict(include_files=False)
    assert expected["updated"] == 3
    stats = online.stats(Viewer.all())
    writer = _Writer(tmp_path / "import")
    got = IngestRun(writer, tmp_path / "rejects-import", 5000).run(jobs).as_dict(include_files=False)
    writer.close()
    assert got["updated"] == expected["updated"] and got["loaded"] == expected["loaded"]
    nodes, rels = writer.files()
    for path in nodes:
        ids = Counter(row[0] for row in _rows(path))
        assert not [i for i, n in ids.items() if n > 1], f"{path.name}: doubled ids"
        label = path.stem.removeprefix("nodes_")
        assert len(ids) == stats["nodes"].get(label, 0), label
    for path in rels:
        rtype = path.stem.removeprefix("rels_")
        assert len(_rows(path)) == stats["relationships"].get(rtype, 0), rtype
    versions = _rows(tmp_path / "import" / "nodes_ConsignmentVersion.csv")
    assert len(versions) == 3
    masses = {row[0]: row for row in _rows(tmp_path / "import" / "nodes_Consignment.csv")}
    for version in versions:
        header = next(csv.reader((tmp_path / "import" / "nodes_ConsignmentVersion.csv").open(encoding="utf-8")))
        payload = json.loads(version[[h.split(":")[0] for h in header].index("payload")])
        assert payload["gross_mass_kg"] != 777 and payload["version"] == 1
        assert version[[h.split(":")[0] for h in header].index("consignment_id")] in masses
    online.close()
