"""Curators: review, reject and accept statements; teach the lexicon; re-extract; decisions survive."""

from __future__ import annotations

import pytest

from tests.conftest import FIXTURES, SAMPLE, Cli

NEWS = FIXTURES / "frontmatter_news.md"


def _hazard_ratio(kg: Cli, *extra: str) -> list[dict]:
    return [o for o in kg.json("query", "outcomes", "--trial", "NEMO", *extra) if o["measure"] == "HR"]


def test_review_lists_statements_with_stable_ids(kg: Cli) -> None:
    kg("add", str(SAMPLE))
    paper = kg.json("papers")[0]["paper"]
    rows = kg.json("review", "--paper", paper)
    assert rows and {"id", "paper", "kind", "summary", "status", "rule", "sentence"} <= set(rows[0])
    assert {r["status"] for r in rows} == {"extracted"}
    assert {"Outcome", "Arm", "TrialDesign", "Combination"} <= {r["kind"] for r in rows}
    assert any(r["summary"] == "binimetinib | PFS | HR 0.62 | vs dacarbazine" for r in rows)
    kg("rebuild")
    assert {r["id"] for r in kg.json("review", "--paper", paper)} == {r["id"] for r in rows}


def test_a_rejected_statement_leaves_the_answers_and_stays_rejected(kg: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_CURATOR", "curator-a")
    kg("add", str(SAMPLE))
    hr = next(r for r in kg.json("review") if r["kind"] == "Outcome" and "HR 0.62" in r["summary"])
    assert _hazard_ratio(kg)

    kg("reject", hr["id"], "--reason", "belongs to another analysis")
    assert _hazard_ratio(kg) == []
    assert _hazard_ratio(kg, "--include-rejected", "true")
    rejected = [r for r in kg.json("review", "--status", "rejected")]
    assert [(r["id"], r["curator"], r["reason"]) for r in rejected] == [
        (hr["id"], "curator-a", "belongs to another analysis")]

    kg("reextract")
    assert _hazard_ratio(kg) == []
    kg("rebuild")
    assert _hazard_ratio(kg) == []
    assert [r["id"] for r in kg.json("review", "--status", "rejected")] == [hr["id"]]
    kg("validate")

    kg("accept", hr["id"], "--curator", "curator-b")
    assert _hazard_ratio(kg)
    accepted = kg.json("review", "--status", "accepted")
    assert [(r["id"], r["curator"]) for r in accepted] == [(hr["id"], "curator-b")]


def test_rejecting_an_unknown_statement_is_one_clear_line(kg: Cli) -> None:
    kg("add", str(SAMPLE))
    result = kg("reject", "0123456789abcdef0123", "--reason", "x", ok=False)
    assert result.returncode == 2
    assert result.stderr.strip().startswith("error: no statement") and "\n" not in result.stderr.strip()


def test_teaching_a_drug_then_reextracting(kg: Cli, kg_home) -> None:  # type: ignore[no-untyped-def]
    kg("add", str(NEWS))
    paper = kg.json("papers")[0]
    assert paper["new_drugs"] == ["ZX-4410"]
    assert [r["drug"] for r in kg.json("query", "new-terms")] == ["ZX-4410"]

    kg("lexicon", "add", "drug", "zapmetinib", "--code", "ZX-4410", "--class", "MEK inhibitor",
       "--target", "MAP2K1", "--target", "MAP2K2")
    assert (kg_home / "lexicon" / "drugs.tsv").is_file()
    report = kg.json("reextract", paper["paper"])
    assert report[0]["status"] == "replaced" and report[0]["added"] > 0 and report[0]["removed"] > 0

    after = kg.json("papers")[0]
    assert "zapmetinib" in after["drugs"] and after["new_drugs"] == []
    assert kg.json("query", "new-terms") == []
    card = kg.json("query", "drug", "ZX-4410")[0]
    assert card["drug"] == "zapmetinib" and card["classes"] == ["MEK inhibitor"]
    assert kg.json("reextract", paper["paper"])[0]["status"] == "unchanged"


def test_the_lexicon_refuses_a_conflicting_spelling(kg: Cli) -> None:
    result = kg("lexicon", "add", "drug", "notbinimetinib", "--code", "MEK162", ok=False)
    assert result.returncode == 2 and result.stderr.startswith("error:")
    result = kg("lexicon", "add", "drug", "newinib", "--target", "NOTAGENE", ok=False)
    assert result.returncode == 2 and "NOTAGENE" in result.stderr


def test_reextract_of_an_unknown_paper_is_refused(kg: Cli) -> None:
    result = kg("reextract", "no-such-paper", ok=False)
    assert result.returncode == 1 and "no paper" in result.stderr
