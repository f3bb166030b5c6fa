"""The model is declared once: generated Cypher and docs must match it; every query is documented."""

from __future__ import annotations

import re
from pathlib import Path

from consignet import cypher_library
from consignet.model import canonical_fields, load_yaml
from consignet.model.codegen import doc_text, fields_doc_text, generated_files

ROOT = Path(__file__).resolve().parents[1]


def test_generated_cypher_and_docs_are_up_to_date() -> None:
    stale = [rel for rel, text in generated_files().items()
             if not (ROOT / "cypher" / rel).exists() or (ROOT / "cypher" / rel).read_text(encoding="utf-8") != text]
    assert not stale, f"run `python -m consignet.model.codegen`: out of date: {stale}"
    doc = (ROOT / "docs" / "graph-model.md").read_text(encoding="utf-8")
    assert doc_text(doc) == doc, "docs/graph-model.md tables are out of date: run the codegen"
    fields = (ROOT / "docs" / "mapping-profiles.md").read_text(encoding="utf-8")
    assert fields_doc_text(fields) == fields, "docs/mapping-profiles.md field tables are out of date"


def test_every_cypher_file_has_a_complete_header() -> None:
    queries = cypher_library.all_queries()
    assert len(queries) > 50
    for name, query in queries.items():
        assert query.title, f"{name}: no title"
        assert query.purpose, f"{name}: no purpose"
        assert query.mode in ("read", "write", "schema"), f"{name}: mode must be read, write or schema"
        used = set(re.findall(r"\$(\w+)", query.text))
        declared = {p.name for p in query.params}
        assert used <= declared | {"viewer_country", "viewer_groups"}, f"{name}: undeclared {used - declared}"
        if "$viewer_country" in query.text:
            assert {"viewer_country", "viewer_groups"} <= declared, f"{name}: scope params not declared"


def test_labels_and_types_in_cypher_come_from_the_model() -> None:
    model = load_yaml("graph.yaml")
    labels = set(model["nodes"]) | {"Company", "Person"}
    types = set(model["relationships"])
    for name, query in cypher_library.all_queries().items():
        text = re.sub(r"//.*", "", query.text)
        text = re.sub(r"'[^']*'|\"[^\"]*\"", "''", text)
        for found in re.findall(r"\(\s*\w*\s*:\s*([A-Z]\w*(?:\s*\|\s*[A-Z]\w*)*)", text):
            for label in re.split(r"\s*\|\s*", found):
                assert label in labels, f"{name}: label {label} is not in the model"
        for found in re.findall(r"\[\s*\w*\s*:\s*([A-Z_]+(?:\s*\|\s*[A-Z_]+)*)", text):
            for rtype in re.split(r"\s*\|\s*", found):
                assert rtype in types, f"{name}: relationship type {rtype} is not in the model"


def test_canonical_fields_expand_party_roles() -> None:
    fields = canonical_fields("consignment")
    assert fields["consignee_tax_id"]["kind"] == "taxid"
    assert fields["record_id"]["required"] is True
    assert "seizure_date" in canonical_fields("seizure")
