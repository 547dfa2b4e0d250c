"""The command line, end to end on the embedded store: the contract scripts depend on."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
import typer.main
from typer.testing import CliRunner

from kg.canned import canned_queries
from kg.cli import app
from tests.conftest import FIXTURES, SAMPLE, Cli

PHASES = {"1", "1b", "2", "1/2", "1b/2", "2/3", "3", "4", None}


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    for name, command in group.commands.items():
        path = (*prefix, name)
        if isinstance(command, click.Group):
            found += _commands(command, path)
        else:
            found.append(path)
    return found


ALL_COMMANDS = _commands(typer.main.get_command(app))  # type: ignore[arg-type]


def test_every_command_is_listed() -> None:
    names = {c[0] for c in ALL_COMMANDS}
    assert {"add", "extract", "remove", "papers", "query", "queries", "cypher", "export", "validate", "stats",
            "rebuild", "demo", "server"} <= names


@pytest.mark.parametrize("command", ALL_COMMANDS, ids=lambda c: " ".join(c))
def test_every_command_has_help_with_an_example(command: tuple[str, ...]) -> None:
    result = CliRunner().invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example: kg " in result.stdout


def test_sample_paper_answers_the_main_questions(kg: Cli) -> None:
    kg("add", str(SAMPLE))
    papers = kg.json("papers")
    assert len(papers) == 1
    paper = papers[0]
    assert {"binimetinib", "dacarbazine"} <= set(paper["drugs"])
    assert "NRAS" in paper["genes"]
    assert {"gene": "NRAS", "change": "Q61R"} in paper["variants"]
    assert paper["statements"] > 10

    trials = kg.json("query", "trials")
    nemo = next(t for t in trials if t["trial"] == "NEMO")
    assert nemo["phase"] == "3" and nemo["randomized"] is True and nemo["n_enrolled"] == 402
    assert {"drugs": ["binimetinib"], "n": 269} in [{"drugs": a["drugs"], "n": a["n"]} for a in nemo["arms"]]
    assert all(t["phase"] in PHASES for t in trials)

    outcomes = kg.json("query", "outcomes", "--trial", "NEMO", "--endpoint", "PFS")
    hr = next(o for o in outcomes if o["measure"] == "HR")
    assert hr["value"] == 0.62 and hr["arm"] == ["binimetinib"] and hr["comparator"] == ["dacarbazine"]
    assert hr["sentence"] and hr["paper"] == paper["paper"]
    medians = {(tuple(o["arm"]), o["value"]) for o in outcomes if o["measure"] == "median" and not o["subgroup"]}
    assert {(("binimetinib",), 2.8), (("dacarbazine",), 1.5)} <= medians

    inhibitors = kg.json("query", "inhibitors", "--gene", "NRAS", "--disease", "melanoma")
    names = {row["drug"] for row in inhibitors}
    assert "binimetinib" in names and "dacarbazine" not in names

    combos = kg.json("query", "combinations", "--drug", "binimetinib")
    assert any(c["status"] == "proposed" and "CDK4/6 inhibitor" in c["drugs"] for c in combos)

    evidence = kg.json("query", "evidence", "binimetinib")
    assert evidence and all({"statement", "subject", "predicate", "object", "paper", "sentence", "negated",
                             "hedged"} <= set(row) for row in evidence)


def test_code_names_find_the_drug(kg: Cli) -> None:
    kg("add", str(SAMPLE))
    by_inn = kg.json("query", "outcomes", "--drug", "binimetinib")
    assert by_inn and kg.json("query", "outcomes", "--drug", "MEK162") == by_inn
    assert kg.json("query", "drug", "Mektovi")[0]["drug"] == "binimetinib"


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "md"])
def test_listing_formats(kg: Cli, fmt: str) -> None:
    kg("add", str(SAMPLE))
    out = kg("papers", "--format", fmt).stdout
    if fmt == "json":
        assert isinstance(json.loads(out), list)
    elif fmt == "csv":
        assert out.splitlines()[0].startswith("paper,title")
    elif fmt == "md":
        assert out.startswith("| paper | title")
    else:
        assert "binimetinib" in out


def test_json_output_is_only_json(kg: Cli) -> None:
    kg("add", str(SAMPLE))
    for args in (["papers"], ["stats"], ["queries"], ["query", "mutations", "--gene", "NRAS"]):
        json.loads(kg(*args, "--format", "json").stdout)


def test_every_canned_query_runs_with_its_defaults(kg: Cli) -> None:
    kg("add", str(SAMPLE))
    for query in canned_queries().values():
        positional = ["binimetinib"] if any(p.required for p in query.params) else []
        rows = kg.json("query", query.name, *positional)
        assert isinstance(rows, list)


def test_queries_lists_names_descriptions_and_parameters(kg: Cli) -> None:
    rows = kg.json("queries")
    names = {r["name"] for r in rows}
    assert {"trials", "outcomes", "inhibitors", "combinations", "mutations", "evidence", "drug", "papers",
            "stats"} <= names
    outcomes = next(r for r in rows if r["name"] == "outcomes")
    assert outcomes["description"] and any("--drug" in p for p in outcomes["parameters"])


def test_extract_writes_nothing(kg: Cli, kg_home: Path) -> None:
    rows = kg.json("extract", str(SAMPLE))
    groups = {r["group"] for r in rows}
    assert {"entities", "trials and arms", "results", "combinations"} <= groups
    assert all(r["rule"] for r in rows)
    assert not (kg_home / "records").exists()


def test_remove_and_re_add_restore_the_same_stats(kg: Cli) -> None:
    kg("add", str(SAMPLE))
    before = kg.json("stats")
    paper = kg.json("papers")[0]["paper"]
    kg("remove", paper)
    assert kg.json("stats") == []
    kg("add", str(SAMPLE))
    assert kg.json("stats") == before
    kg("rebuild")
    assert kg.json("stats") == before
    kg("validate")


def test_adding_twice_leaves_stats_identical(kg: Cli) -> None:
    kg("add", str(SAMPLE))
    before = kg.json("stats")
    kg("add", str(SAMPLE))
    assert kg.json("stats") == before


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "jsonld", "graphml"])
def test_export_formats(kg: Cli, fmt: str) -> None:
    kg("add", str(SAMPLE))
    out = kg("export", "--format", fmt).stdout
    assert "binimetinib" in out


# ---- errors: one line on stderr, non-zero exit, the graph unchanged ------------------------------


def _one_line_error(result: object) -> str:
    stderr = result.stderr.strip()  # type: ignore[attr-defined]
    assert result.returncode != 0  # type: ignore[attr-defined]
    assert stderr.startswith("error:") and "Traceback" not in stderr, stderr
    return stderr


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["query", "no-such-query"], "unknown query"),
        (["query", "outcomes", "--colour", "red"], "no option --colour"),
        (["query", "evidence"], "needs ENTITY"),
        (["cypher", "MATCH (n) DETACH DELETE n"], "read-only"),
        (["cypher", "CREATE (:Drug {name: 'x'})"], "read-only"),
        (["cypher", "match (n) set n.x = 1 return n"], "read-only"),
        (["cypher", "CALL apoc.create.node(['X'], {}) YIELD node RETURN node"], "read-only"),
        (["cypher", "MATCH (n RETURN n"], "query failed"),
        (["remove", "../../etc/passwd"], "invalid paper id"),
        (["remove", "no-such-paper"], "no paper"),
        (["export", "--format", "pdf"], "unknown export format"),
        (["add", "/no/such/file.txt"], "no such file"),
    ],
)
def test_bad_requests_get_one_clear_line(kg: Cli, args: list[str], expected: str) -> None:
    kg("add", str(SAMPLE))
    before = kg.json("stats")
    stderr = _one_line_error(kg(*args, ok=False))
    assert expected in stderr
    assert kg.json("stats") == before


def test_unknown_output_format_is_a_usage_error(kg: Cli) -> None:
    result = kg("papers", "--format", "xml", ok=False)
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_quotes_and_cypher_in_parameters_are_only_values(kg: Cli) -> None:
    kg("add", str(SAMPLE))
    before = kg.json("stats")
    hostile = "x') DETACH DELETE n //\"; MATCH (n) DETACH DELETE n"
    for query, option in (("outcomes", "--drug"), ("trials", "--gene"), ("mutations", "--gene")):
        assert kg.json("query", query, option, hostile) == []
    assert kg.json("query", "evidence", hostile) == []
    assert kg.json("cypher", "MATCH (d:Drug) WHERE d.name = $name RETURN d.name AS drug", "-p",
                   f"name={hostile}") == []
    assert kg.json("stats") == before


@pytest.mark.parametrize("name", ["empty.txt", "binary_renamed.txt"])
def test_unreadable_files_are_refused(kg: Cli, name: str) -> None:
    stderr = _one_line_error(kg("add", str(FIXTURES / name), ok=False))
    assert name in stderr
    assert kg.json("stats") == []


def test_a_survival_rate_is_listed_with_its_landmark_time(kg: Cli, tmp_path: Path) -> None:
    paper = tmp_path / "landmark.txt"
    paper.write_text(
        "In the phase 3 KESTREL-2 trial, 300 patients were randomized to lorlatinib or crizotinib. "
        "The 3-year progression-free survival rate was 64% with lorlatinib and 19% with crizotinib.",
        encoding="utf-8",
    )
    kg("add", str(paper))
    rows = kg.json("query", "outcomes", "--endpoint", "PFS")
    assert {(tuple(r["arm"]), r["measure"], r["value"], r["timepoint"]) for r in rows} == {
        (("lorlatinib",), "rate", 64.0, "3 years"),
        (("crizotinib",), "rate", 19.0, "3 years"),
    }
