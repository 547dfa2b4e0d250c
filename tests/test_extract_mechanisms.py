"""Extraction mechanisms, one at a time, on sentences written for these tests."""

from __future__ import annotations

import pytest

from ingest.extract import read_paper
from ingest.sentences import CleanText, sentence_spans
from kg.model import Arm, Combination, Document, Outcome, PaperFacts
from tests.reading import designs


def read(text: str, paper_id: str = "t") -> PaperFacts:
    return read_paper(Document(id=paper_id, text=text))


def outcomes(facts: PaperFacts) -> list[Outcome]:
    return [f.statement for f in facts.facts if isinstance(f.statement, Outcome)]


def outcome_keys(facts: PaperFacts) -> set[tuple[tuple[str, ...], str, str, float, bool]]:
    return {(o.arm, o.endpoint, o.measure, o.value, o.subgroup is not None) for o in outcomes(facts)}


def arms(facts: PaperFacts, trial: str) -> set[tuple[str, ...]]:
    return {
        f.statement.drugs for f in facts.facts if isinstance(f.statement, Arm) and f.statement.trial == trial
    }


def combinations(facts: PaperFacts) -> set[tuple[tuple[str, ...], str]]:
    return {
        (f.statement.drugs, f.statement.status) for f in facts.facts if isinstance(f.statement, Combination)
    }


# ---- sentences -------------------------------------------------------------------------------


def test_wrapped_lines_join_and_fields_stay_apart() -> None:
    text = (
        "Patients given the study\ndrug lived longer than\nexpected. A second line\nfollows here.\n"
        "Phase: Phase 2\nEnrollment: 80 participants\n"
    )
    clean = CleanText(text)
    sentences = [clean.text[s:e] for s, e in sentence_spans(clean.text)]
    assert sentences == [
        "Patients given the study drug lived longer than expected.",
        "A second line follows here.",
        "Phase: Phase 2",
        "Enrollment: 80 participants",
    ]


def test_a_p_value_line_under_table_rows_does_not_make_a_record_wrapped() -> None:
    text = (
        "Unit of Measure: percentage\nZeltinib (N=80) | 4.6\nPlacebo (N=40) | 1.1\np = 0.17\n\n"
        "Outcome 5 - Disease control rate\nUnit of Measure: percentage\nZeltinib (N=80) | 59.9\n"
        "Placebo (N=40) | 38.9\np = 0.0006\n"
    )
    clean = CleanText(text)
    sentences = [clean.text[s:e] for s, e in sentence_spans(clean.text)]
    assert "Outcome 5 - Disease control rate" in sentences
    assert "p = 0.17" in sentences


def test_abbreviation_does_not_end_a_sentence() -> None:
    text = "Median PFS was 4.1 vs. 2.0 months in the trial. It was short."
    assert len(sentence_spans(text)) == 2


def test_an_initial_does_not_end_a_sentence_but_a_cohort_letter_does() -> None:
    assert len(sentence_spans("The study was led by J. Smith in Leeds. It was short.")) == 2
    assert len(sentence_spans("No responses occurred in cohort C. Median PFS was 2.1 months.")) == 2


def test_a_respectively_list_takes_the_cohorts_named_before_it() -> None:
    facts = read_paper(Document(id="t", text=(
        "In the phase 2 HARBOUR study, zeltinib was given to three cohorts. Median PFS was 7.0 months in "
        "cohort A, 2.4 months in cohort B and 1.9 months in cohort C; median OS was 17.5, 6.7 and 4.0 months, "
        "respectively. In cohort A, the response rate was 37%, and the disease control rate was 82%."
    )))
    found = {(o.endpoint, o.value, o.subgroup) for f in facts.facts if isinstance(o := f.statement, Outcome)}
    assert found == {
        ("PFS", 7.0, "cohort a"), ("PFS", 2.4, "cohort b"), ("PFS", 1.9, "cohort c"),
        ("OS", 17.5, "cohort a"), ("OS", 6.7, "cohort b"), ("OS", 4.0, "cohort c"),
        ("ORR", 37.0, "cohort a"), ("DCR", 82.0, "cohort a"),
    }


def test_hyphen_at_a_line_end_is_joined() -> None:
    text = "Most KRAS-\nmutant tumours were\nresistant to BRAF- and\nMEK-directed drugs."
    assert CleanText(text).text == "Most KRAS-mutant tumours were resistant to BRAF- and MEK-directed drugs."


# ---- trials ----------------------------------------------------------------------------------


def test_acronym_and_nct_are_one_trial_with_phase_arms_and_size() -> None:
    facts = read(
        "HARBOR (NCT09876543) was a randomized phase 3 study. A total of 300 patients were randomly "
        "assigned 2:1 to trametinib 2 mg daily or docetaxel 75 mg/m2 every 3 weeks."
    )
    assert list(facts.trials) == ["HARBOR"]
    assert facts.trials["HARBOR"].nct == "NCT09876543"
    design = designs(facts)["HARBOR"]
    assert (design.phase, design.randomized, design.n_enrolled, design.allocation_ratio) == (
        "3",
        True,
        300,
        "2:1",
    )
    assert arms(facts, "HARBOR") == {("trametinib",), ("docetaxel",)}


def test_unnamed_trial_gets_a_minted_key_and_phase_spelling_is_normalised() -> None:
    facts = read("In a single-arm phase Ib/II trial, 45 patients received cobimetinib plus vemurafenib.")
    (key,) = facts.trials
    assert key == "t:trial-1"
    assert designs(facts)[key].phase == "1b/2"
    assert designs(facts)[key].n_enrolled == 45
    assert arms(facts, key) == {("cobimetinib", "vemurafenib")}
    assert (("cobimetinib", "vemurafenib"), "tested") in combinations(facts)


def test_adding_a_drug_to_a_doublet_gives_triplet_and_doublet_arms() -> None:
    facts = read(
        "In the phase 2 ORCA trial, adding nivolumab to dabrafenib plus trametinib extended median "
        "PFS from 9.0 to 13.5 months (HR 0.70)."
    )
    triplet, doublet = ("dabrafenib", "nivolumab", "trametinib"), ("dabrafenib", "trametinib")
    assert arms(facts, "ORCA") == {triplet, doublet}
    assert {
        (doublet, "PFS", "median", 9.0, False),
        (triplet, "PFS", "median", 13.5, False),
        (triplet, "PFS", "HR", 0.7, False),
    } <= outcome_keys(facts)


# ---- results ---------------------------------------------------------------------------------


TRIAL = "The phase III SUMMIT trial randomised 250 patients to binimetinib or dacarbazine. "


def test_values_followed_by_their_arm_and_bracketed_hazard_ratio() -> None:
    facts = read(
        TRIAL + "Median PFS was 3.1 months (95% CI 2.9-3.9) with binimetinib versus 1.6 months with "
        "dacarbazine (hazard ratio [HR], 0.58; 95% CI, 0.44 to 0.77; P = .002)."
    )
    hr = next(o for o in outcomes(facts) if o.measure == "HR")
    assert (hr.arm, hr.comparator, hr.value, hr.ci_low, hr.ci_high) == (
        ("binimetinib",),
        ("dacarbazine",),
        0.58,
        0.44,
        0.77,
    )
    assert {
        (("binimetinib",), "PFS", "median", 3.1, False),
        (("dacarbazine",), "PFS", "median", 1.6, False),
    } <= (outcome_keys(facts))
    assert next(o for o in outcomes(facts) if o.value == 3.1).unit == "months"


def test_respectively_list_follows_the_trial_arms() -> None:
    facts = read(TRIAL + "Disease control rates were 61% and 30%, respectively.")
    assert outcome_keys(facts) == {
        (("binimetinib",), "DCR", "rate", 61.0, False),
        (("dacarbazine",), "DCR", "rate", 30.0, False),
    }


def test_number_words_weeks_and_class_arm_anaphora() -> None:
    facts = read(
        TRIAL + "Twenty-two percent of patients given the MEK inhibitor responded, against nine percent in "
        "the chemotherapy arm. Median PFS was 14 weeks on binimetinib and 8 weeks on dacarbazine."
    )
    assert {
        (("binimetinib",), "ORR", "rate", 22.0, False),
        (("dacarbazine",), "ORR", "rate", 9.0, False),
        (("binimetinib",), "PFS", "median", 14.0, False),
    } <= outcome_keys(facts)
    assert next(o for o in outcomes(facts) if o.value == 14.0).unit == "weeks"


def test_subgroup_figures_are_marked() -> None:
    facts = read(
        TRIAL + "Among patients who had received prior ipilimumab, the median PFS was 4.4 months with "
        "binimetinib."
    )
    (outcome,) = outcomes(facts)
    assert outcome.subgroup is not None and "ipilimumab" in outcome.subgroup


def test_adverse_event_percentages_are_not_results() -> None:
    facts = read(TRIAL + "Rash occurred in 41% and 12% of patients, respectively.")
    assert outcomes(facts) == []


def test_non_significant_difference_is_still_an_asserted_median() -> None:
    facts = read(
        TRIAL + "Median OS was 12.0 months with binimetinib and 11.1 months with dacarbazine, "
        "a difference that was not significant."
    )
    fact = next(f for f in facts.facts if isinstance(f.statement, Outcome))
    assert fact.evidence[0].negated is False


# ---- drugs the lexicon does not know ---------------------------------------------------------


def test_inn_stem_drug_is_new_and_typed() -> None:
    facts = read("Zelvametinib, an oral agent, was given at 30 mg daily to 20 patients.")
    drug = facts.drugs["zelvametinib"]
    assert drug.new is True
    assert drug.classes == ("MEK inhibitor",)


def test_code_name_drug_and_alias_of_a_known_drug() -> None:
    facts = read("QRT-4410 was combined with trametinib at 5 mg daily. Binimetinib (MEK162) is oral.")
    assert facts.drugs["QRT-4410"].new is True
    assert "MEK162" not in facts.drugs and "binimetinib" in facts.drugs


def test_trial_acronym_is_not_a_drug_code() -> None:
    facts = read("The phase 3 ALPHA-301 trial enrolled 410 patients given sotorasib.")
    assert "ALPHA-301" not in facts.drugs


# ---- combinations ----------------------------------------------------------------------------


def test_hedged_proposals_pair_the_anchor_with_each_alternative() -> None:
    facts = read("Selumetinib might be combined with SHP2 or ERK inhibitors in future studies.")
    assert combinations(facts) == {
        (("ERK inhibitor", "selumetinib"), "proposed"),
        (("selumetinib", "SHP2 inhibitor"), "proposed"),
    }
    fact = next(f for f in facts.facts if isinstance(f.statement, Combination))
    assert fact.evidence[0].hedged is True
    assert fact.evidence[0].rule == "combination.hedged_proposal"


def test_target_blockade_phrase_is_a_proposed_class_pair() -> None:
    facts = read("MEK plus CDK4/6 inhibition could be a rational strategy.")
    assert combinations(facts) == {(("CDK4/6 inhibitor", "MEK inhibitor"), "proposed")}


def test_reported_combination_without_hedge_is_not_a_proposal() -> None:
    facts = read("Patients received trametinib plus dabrafenib.")
    assert all(status != "proposed" for _, status in combinations(facts))


# ---- evidence ----------------------------------------------------------------------------------


def test_evidence_offsets_point_at_the_sentence_in_the_original_text() -> None:
    text = "Title line\n\n" + TRIAL + "Median PFS was 3.1\nmonths with binimetinib."
    facts = read(text)
    for fact in facts.facts:
        for evidence in fact.evidence:
            assert text[evidence.start : evidence.end] == evidence.sentence
            assert evidence.rule


def test_a_subgroup_named_back_and_one_in_brackets() -> None:
    facts = read_paper(Document(id="t", text=(
        "In the phase 3 HARBOUR trial, 600 patients were randomized to zeltinib plus letrozole or placebo plus "
        "letrozole. Median PFS was 9.0 versus 5.0 months (HR 0.55). The analysis also looked at the 250 "
        "patients without a detectable alteration. Within this small subgroup, PFS favoured zeltinib (HR 0.81). "
        "The effect was consistent in patients previously treated with a CDK4/6 inhibitor (HR 0.60)."
    )))
    found = {o.value: o.subgroup for f in facts.facts if isinstance(o := f.statement, Outcome) and o.measure == "HR"}
    assert found == {0.55: None, 0.81: "no detectable alteration", 0.6: "prior cdk4/6 inhibitor"}


def test_a_population_named_once_does_not_carry_over() -> None:
    facts = read_paper(Document(id="t", text=(
        "In the phase 3 HARBOUR trial, 300 patients were randomized to zeltinib or crizotinib. In the modified "
        "intention-to-treat population, the HR for PFS was 0.45. Response rates were 74% and 67%, respectively."
    )))
    found = {o.value: o.subgroup for f in facts.facts if isinstance(o := f.statement, Outcome)}
    assert found == {0.45: "modified intention-to-treat population", 74.0: None, 67.0: None}


def test_numbered_gene_families_written_as_ranges_and_elliptic_lists() -> None:
    facts = read_paper(Document(id="t", text=(
        "Zeltinib inhibits VEGFR1-3 and FGFR1/2/3; an older agent blocks VEGFR-1, -2 and -3. "
        "Patients with stage 1-3 disease were excluded."
    )))
    assert set(facts.genes) == {"FLT1", "KDR", "FLT4", "FGFR1", "FGFR2", "FGFR3"}


@pytest.mark.parametrize("apposition", ["QL-2207, a trastuzumab biosimilar,", "QL-2207 (a biosimilar of trastuzumab)"])
def test_a_biosimilar_code_name_is_the_drug_it_copies(apposition: str) -> None:
    facts = read(f"Patients received {apposition} with docetaxel every three weeks.")
    assert "QL-2207" not in facts.drugs and "trastuzumab" in facts.drugs


def test_a_single_line_break_after_a_comma_before_a_lower_case_word_is_inside_the_sentence() -> None:
    text = "Patients were randomized to zeltinib or to standard therapy (n=211),\nwhich was chosen by the physician."
    assert len(sentence_spans(text)) == 1
