"""The canned queries pass Neo4j's own Cypher linter (tools/cypher-lint/lint.mjs)."""

import shutil
import subprocess
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
LINT_DIR = REPO_ROOT / "tools" / "cypher-lint"
QUERIES_DIR = REPO_ROOT / "queries"

VALID_QUERY = """\
// name: targets_of_drug
// description: genes a drug targets, optionally for one drug only
// param: drug (string, default null): drug name to keep
MATCH (d:Drug)-[:TARGETS]->(g:Gene)
WHERE $drug IS NULL OR toLower(d.name) = toLower($drug)
WITH d, collect(DISTINCT g.symbol) AS targets
RETURN d.name AS drug, targets ORDER BY drug
"""

# The node pattern is never closed.
BROKEN_QUERY = """\
// name: broken
// description: a node pattern left open
MATCH (n:Drug RETURN n.name AS name
"""


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    if not (LINT_DIR / "node_modules").is_dir():
        pytest.skip("linter not installed: run `npm ci --prefix tools/cypher-lint --no-audit --no-fund`")
    return node


def _lint(*paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [_node(), str(LINT_DIR / "lint.mjs"), *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_canned_queries_pass_the_linter() -> None:
    query_files = sorted(QUERIES_DIR.glob("**/*.cypher"))
    if not query_files:
        pytest.skip("no canned queries yet")
    result = _lint(*query_files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_valid_query_passes(tmp_path: Path) -> None:
    query_file = tmp_path / "valid.cypher"
    query_file.write_text(VALID_QUERY, encoding="utf-8")
    result = _lint(query_file)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_syntax_error_is_reported(tmp_path: Path) -> None:
    query_file = tmp_path / "broken.cypher"
    query_file.write_text(BROKEN_QUERY, encoding="utf-8")
    result = _lint(query_file)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{query_file}:3:" in result.stdout
    assert ": error: " in result.stdout


def test_parameter_missing_from_header_is_an_error(tmp_path: Path) -> None:
    header_without_param = "\n".join(line for line in VALID_QUERY.splitlines() if "param:" not in line)
    query_file = tmp_path / "undeclared.cypher"
    query_file.write_text(header_without_param, encoding="utf-8")
    result = _lint(query_file)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "$drug" in result.stdout
