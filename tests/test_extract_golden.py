"""The project's sample paper read end to end and compared with its expected facts, keyed the
way the evaluation keys them (drug sets, endpoint, measure, value, subgroup or not)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from ingest.extract import read_paper
from ingest.readers import read_text
from kg.model import Arm, Combination, Outcome, PaperFacts, TrialDesign

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SAMPLE = EXAMPLES / "nras_melanoma_commentary.md"
EXPECTED = EXAMPLES / "nras_melanoma_commentary.expected.json"


def _drugs(names: list[str] | tuple[str, ...] | None) -> frozenset[str]:
    return frozenset(name.casefold() for name in names or ())


def expected_keys(gold: dict) -> dict[str, Counter]:
    keys: dict[str, Counter] = {name: Counter() for name in ("trials", "outcomes", "combinations")}
    for trial in gold["trials"]:
        arms = frozenset(_drugs(arm["drugs"]) for arm in trial["arms"])
        keys["trials"][(trial["phase"], arms, trial["n_enrolled"])] += 1
    for o in gold["outcomes"]:
        keys["outcomes"][
            (_drugs(o["arm"]), o["endpoint"], o["measure"], float(o["value"]), bool(o["subgroup"]))
        ] += 1
    for c in gold["combinations"]:
        keys["combinations"][(_drugs(c["drugs"]), c["status"])] += 1
    return keys


def read_keys(facts: PaperFacts) -> dict[str, Counter]:
    keys: dict[str, Counter] = {name: Counter() for name in ("trials", "outcomes", "combinations")}
    statements = [fact.statement for fact in facts.facts]
    for key in facts.trials:
        design = next(s for s in statements if isinstance(s, TrialDesign) and s.trial == key)
        arms = frozenset(_drugs(s.drugs) for s in statements if isinstance(s, Arm) and s.trial == key)
        keys["trials"][(design.phase, arms, design.n_enrolled)] += 1
    for s in statements:
        if isinstance(s, Outcome):
            keys["outcomes"][(_drugs(s.arm), s.endpoint, s.measure, s.value, s.subgroup is not None)] += 1
        elif isinstance(s, Combination):
            keys["combinations"][(_drugs(s.drugs), s.status)] += 1
    return keys


@pytest.fixture(scope="module")
def sample() -> tuple[PaperFacts, dict]:
    (document,) = read_text(SAMPLE.read_bytes(), SAMPLE.name).documents
    return read_paper(document), json.loads(EXPECTED.read_text())


def test_entities_match(sample: tuple[PaperFacts, dict]) -> None:
    facts, gold = sample
    assert set(facts.drugs) == set(gold["drugs"])
    assert set(facts.genes) == set(gold["genes"])
    assert {(v.gene, v.change) for v in facts.variants.values()} == {
        (v["gene"], v["change"]) for v in gold["variants"]
    }


@pytest.mark.parametrize("category", ["trials", "outcomes", "combinations"])
def test_statements_match(sample: tuple[PaperFacts, dict], category: str) -> None:
    facts, gold = sample
    got, want = read_keys(facts)[category], expected_keys(gold)[category]
    assert got == want, f"missing {list((want - got).elements())}, extra {list((got - want).elements())}"


def test_outcomes_sit_on_trials_and_arms(sample: tuple[PaperFacts, dict]) -> None:
    facts, _ = sample
    statements = [fact.statement for fact in facts.facts]
    arms = {(s.trial, s.drugs) for s in statements if isinstance(s, Arm)}
    for outcome in (s for s in statements if isinstance(s, Outcome)):
        assert outcome.trial in facts.trials
        assert (outcome.trial, outcome.arm) in arms


def test_named_trial_key_is_its_acronym(sample: tuple[PaperFacts, dict]) -> None:
    facts, _ = sample
    assert "NEMO" in facts.trials
    assert sum(1 for key in facts.trials if key.startswith(facts.document.id + ":trial-")) == 2
