"""`pip install .` must carry the ontology, lexicon, queries and sample paper as package data."""

from __future__ import annotations

import fnmatch
import subprocess
import sys
import tomllib

from tests.conftest import ROOT

DATA_DIRS = {"kg.ontology": ROOT / "ontology", "kg.queries": ROOT / "queries", "kg.examples": ROOT / "examples"}


def test_every_data_file_is_declared_as_package_data() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    assert config["package-dir"] == {name: str(path.relative_to(ROOT)) for name, path in DATA_DIRS.items()}
    for package, folder in DATA_DIRS.items():
        patterns = config["package-data"][package]
        for path in folder.rglob("*"):
            if path.is_file() and path.suffix not in (".py", ".pyc"):
                relative = str(path.relative_to(folder))
                assert any(fnmatch.fnmatch(relative, p) for p in patterns), f"{package}: {relative} not packaged"


def test_help_answers_without_loading_the_heavy_parts() -> None:
    code = ("import sys, kg.cli; kg.cli.app(['--help'], standalone_mode=False); "
            "heavy = [m for m in ('spacy', 'rdflib', 'pyshacl', 'falkordb', 'neo4j') if m in sys.modules]; "
            "print('HEAVY=' + ','.join(heavy))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip().splitlines()[-1] == "HEAVY="
