"""Proposed combinations and the drugs pronouns and noun phrases refer to, on sentences written
for these tests."""

from __future__ import annotations

from ingest.extract import read_paper
from kg.model import Combination, Document


def proposed(text: str) -> set[tuple[str, ...]]:
    facts = read_paper(Document(id="t", text=text))
    return {c.drugs for f in facts.facts if isinstance(c := f.statement, Combination) and c.status == "proposed"}


def test_a_class_describing_the_drug_after_it_is_not_a_partner() -> None:
    assert proposed("Pairing adagrasib with the SHP2 inhibitor TNO155 may deepen responses.") == {
        ("adagrasib", "TNO155")
    }


def test_a_class_followed_by_such_as_a_drug() -> None:
    assert proposed("Adding a PI3K inhibitor such as alpelisib to fulvestrant is a logical next step.") == {
        ("alpelisib", "fulvestrant")
    }


def test_partners_each_with_their_own_preposition_are_alternatives() -> None:
    text = (
        "Its combination with cetuximab in colorectal cancer and with pembrolizumab in lung cancer could be explored."
    )
    assert proposed("Divarasib was active. " + text) == {("cetuximab", "divarasib"), ("divarasib", "pembrolizumab")}


def test_a_noun_phrase_and_a_pronoun_refer_to_the_subject_of_the_sentence_before() -> None:
    text = (
        "Interstitial lung disease remains the main worry with trastuzumab deruxtecan. Whether the conjugate "
        "should move into the first line, perhaps together with pertuzumab, is an open question. Combining it "
        "with tucatinib could also be rational."
    )
    assert proposed(text) == {("pertuzumab", "trastuzumab deruxtecan"), ("trastuzumab deruxtecan", "tucatinib")}


def test_a_prior_line_of_therapy_is_not_a_partner() -> None:
    text = (
        "Amivantamab might be given earlier, perhaps together with carboplatin, rather than after chemotherapy "
        "has failed."
    )
    assert proposed(text) == {("amivantamab", "carboplatin")}


def test_a_trial_that_might_be_run_is_a_proposal_and_one_under_way_is_not() -> None:
    assert proposed("A trial combining osimertinib with ivonescimab might help settle the question.") == {
        ("ivonescimab", "osimertinib")
    }
    assert proposed("A trial combining osimertinib with ivonescimab is being conducted.") == set()


def test_a_drug_compared_with_a_pair_is_no_partner_of_it() -> None:
    text = (
        "Early on, the curve of nivolumab plus ipilimumab fell below that of chemotherapy, "
        "suggesting some patients may do worse without chemotherapy."
    )
    assert proposed(text) == {("ipilimumab", "nivolumab")}


def test_trials_of_a_pairing_still_warranted_propose_it() -> None:
    text = "Trials combining crizotinib with first-line chemotherapy in untreated disease are warranted."
    assert proposed(text) == {("chemotherapy", "crizotinib")}


def test_a_colon_after_a_clause_ends_it_and_or_with_keeps_the_first_drug() -> None:
    text = (
        "What remains open is whether chemotherapy is needed at all: combining zeltinib with letrozole, "
        "or with a CDK4/6 inhibitor, deserves a randomised comparison."
    )
    assert proposed(text) == {("letrozole", "zeltinib"), ("CDK4/6 inhibitor", "zeltinib")}


def combinations(text: str) -> set[tuple[tuple[str, ...], str]]:
    facts = read_paper(Document(id="t", text=text))
    return {(c.drugs, c.status) for f in facts.facts if isinstance(c := f.statement, Combination)}


def test_a_pairing_said_to_be_under_test_now_is_tested() -> None:
    assert combinations("The company is also testing zeltinib in combination with rituximab and lenalidomide.") == {
        (("lenalidomide", "rituximab", "zeltinib"), "tested")
    }


def test_a_trial_testing_a_pairing_against_a_comparator_tests_the_pairing_only() -> None:
    text = (
        "Approval may depend on the ORCA-7 trial, which is testing zeltinib plus pembrolizumab against "
        "pembrolizumab alone."
    )
    assert combinations(text) == {(("pembrolizumab", "zeltinib"), "tested")}


def test_a_pairing_that_could_be_tested_is_proposed() -> None:
    assert combinations("Zeltinib could be tested together with pembrolizumab.") == {
        (("pembrolizumab", "zeltinib"), "proposed")
    }
