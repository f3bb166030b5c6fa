"""Package discovery for the folder -> import-name mapping declared in pyproject.toml.

The product keeps its promised top-level folders (graph_ingest/, api/, visualisations/, cypher/) but
installs them under one import name (consignet.ingest, consignet.api, ...): a bare top-level ``api``
package would clash in site-packages. setuptools' ``find`` cannot follow such a mapping, so the
package list is computed here from the same mapping.
"""

from pathlib import Path

from setuptools import setup

ROOT = Path(__file__).parent
MAPPING = {
    "consignet": "consignet",
    "consignet.ingest": "graph_ingest",
    "consignet.api": "api",
    "consignet.visualisations": "visualisations",
    "consignet.cypher": "cypher",
}


def _packages() -> list[str]:
    found: list[str] = []
    for name, folder in MAPPING.items():
        base = ROOT / folder
        for init in sorted(base.rglob("__init__.py")):
            rel = init.parent.relative_to(base)
            parts = [p for p in rel.parts if p]
            if any(p.startswith(".") or p == "__pycache__" for p in parts):
                continue
            found.append(".".join([name, *parts]))
    # Data-only folders (cypher/<area>/, profiles/) are packages too, so their files ship.
    for name, folder in MAPPING.items():
        for sub in sorted((ROOT / folder).rglob("*")):
            if sub.is_dir() and not (sub / "__init__.py").exists() and "__pycache__" not in sub.parts:
                rel = sub.relative_to(ROOT / folder)
                found.append(".".join([name, *rel.parts]))
    return sorted(set(found))


setup(packages=_packages(), package_dir=MAPPING)
