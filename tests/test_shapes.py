"""SHACL refuses malformed facts; the sample facts conform."""

from __future__ import annotations

import pytest

from kg.model import Evidence, Outcome, TrialDesign
from kg.rdf import paper_graph
from kg.shapes import shacl_problems
from tests.factories import evidence, mek_trial_paper


def test_well_formed_facts_conform() -> None:
    assert shacl_problems(paper_graph(mek_trial_paper())) == []


@pytest.mark.parametrize(
    ("outcome", "message"),
    [
        (Outcome("NEMO", ("binimetinib",), "PFS", "HR", 0.0, None, ("dacarbazine",)), "hazard ratio"),
        (Outcome("NEMO", ("binimetinib",), "PFS", "HR", -0.5, None, ("dacarbazine",)), "hazard ratio"),
        (Outcome("NEMO", ("binimetinib",), "PFS", "median", 2.8, "months", p_value=1.5), "p-value"),
        (Outcome("NEMO", ("binimetinib",), "PFS", "HR", 0.62, None, ("dacarbazine",), 0.7, 0.9), "interval"),
        (Outcome("NEMO", ("binimetinib",), "PFS", "HR", 0.62, None, ("dacarbazine",), 0.3, 0.5), "interval"),
        (Outcome("NEMO", ("binimetinib",), "TTP", "median", 2.8, "months"), "endpoint"),
        (Outcome("NEMO", ("binimetinib",), "ORR", "rate", 150.0, "%"), "[0, 100]"),
        (Outcome("NEMO", ("binimetinib",), "OS", "rate", 41.0, "%", timepoint="two years"), "landmark time"),
        (Outcome("NEMO", ("binimetinib",), "OS", "median", 9.1, "months", timepoint="2 years"), "belongs to a rate"),
    ],
)
def test_malformed_outcomes_are_refused(outcome: Outcome, message: str) -> None:
    facts = mek_trial_paper()
    facts.add(outcome, evidence("A sentence about the result.", start=300))
    problems = shacl_problems(paper_graph(facts))
    assert any(message in p for p in problems), problems


def test_unknown_phase_is_refused() -> None:
    facts = mek_trial_paper()
    facts.add(TrialDesign("NEMO", phase="5"), evidence("A phase 5 study.", start=300))
    assert any("phase" in p for p in shacl_problems(paper_graph(facts)))


def test_outcome_without_value_is_refused() -> None:
    facts = mek_trial_paper()
    graph = paper_graph(facts)
    from kg.rdf import EKG

    for outcome in list(graph.subjects(EKG.measure, None)):
        graph.remove((outcome, EKG.value, None))
    assert any("numeric value" in p for p in shacl_problems(graph))


def test_evidence_needs_its_rule_and_offsets_in_order() -> None:
    facts = mek_trial_paper()
    facts.facts[0].evidence.append(Evidence("Backwards.", 50, 10, "test.rule"))
    assert any("start < end" in p for p in shacl_problems(paper_graph(facts)))


def test_a_survival_rate_at_its_landmark_conforms() -> None:
    facts = mek_trial_paper()
    facts.add(Outcome("NEMO", ("binimetinib",), "OS", "rate", 41.0, "%", timepoint="18 months"),
              evidence("A sentence about the rate.", start=300))
    assert shacl_problems(paper_graph(facts)) == []
