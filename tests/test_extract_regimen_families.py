"""Arms named in short or as a family, and the hazard ratios a list of subgroups reports, on
sentences written for these tests."""

from __future__ import annotations

import pytest

from kg.model import Outcome, PaperFacts, TrialDesign
from tests.reading import arm_sets, read, statements


def ratios(facts: PaperFacts) -> set[tuple[tuple[str, ...], tuple[str, ...] | None, float, bool]]:
    return {
        (o.arm, o.comparator, o.value, o.subgroup is not None) for o in statements(facts, Outcome) if o.measure == "HR"
    }


def medians(facts: PaperFacts) -> set[tuple[tuple[str, ...], float]]:
    return {(o.arm, o.value) for o in statements(facts, Outcome) if o.measure == "median"}


# ---- short forms in mixed case -------------------------------------------------------------------


def test_mixed_case_short_forms_take_a_capital_per_drug() -> None:
    facts = read(
        "In the phase 3 WILLOW trial, adults were randomly assigned to venetoclax plus the anti-CD20 "
        "antibody rituximab (RVe) or to obinutuzumab, venetoclax and the BTK inhibitor ibrutinib (GIVe). "
        "Median PFS was 40.1 months with RVe and 52.3 months with GIVe."
    )
    assert arm_sets(facts) == {("rituximab", "venetoclax"), ("ibrutinib", "obinutuzumab", "venetoclax")}
    assert medians(facts) == {(("rituximab", "venetoclax"), 40.1), (("ibrutinib", "obinutuzumab", "venetoclax"), 52.3)}


def test_a_hyphenated_short_form_whose_letters_spell_a_drug() -> None:
    facts = read(
        "The phase 3 ASPEN-2 trial compared zanubrutinib plus obinutuzumab with chlorambucil plus "
        "obinutuzumab (G-Clb). Median PFS was 31.0 months with zanubrutinib plus obinutuzumab versus "
        "17.2 months with G-Clb."
    )
    assert (("chlorambucil", "obinutuzumab"), 17.2) in medians(facts)


def test_a_short_form_with_more_letters_than_drugs_that_spell_none_of_them_names_no_pair() -> None:
    facts = read(
        "In the phase 3 CEDAR trial, patients received belantamab mafodotin 2.5 mg/kg every 3 weeks plus "
        "bortezomib and dexamethasone (BVd) or daratumumab plus bortezomib and dexamethasone (DVd). "
        "Median PFS was 30.2 months with BVd."
    )
    assert (("bortezomib", "dexamethasone"), 30.2) not in medians(facts)


def test_a_common_short_form_of_low_dose_cytarabine_is_cytarabine() -> None:
    facts = read(
        "In the randomised phase 2 MAPLE trial, older adults with AML received glasdegib plus low-dose "
        "cytarabine (LDAC) or LDAC alone. Median OS was 8.1 months with the combination and 4.6 months "
        "with LDAC alone."
    )
    assert arm_sets(facts) == {("cytarabine", "glasdegib"), ("cytarabine",)}
    assert (("cytarabine",), 4.6) in medians(facts)


# ---- arms named by what they are -----------------------------------------------------------------


def test_chemoimmunotherapy_described_by_its_options_is_one_arm() -> None:
    facts = read(
        "In the phase 3 BIRCH trial, fit adults were randomly assigned to chemoimmunotherapy, consisting "
        "of fludarabine, cyclophosphamide and rituximab in younger patients or bendamustine and rituximab "
        "in older ones, or to zanubrutinib plus obinutuzumab."
    )
    assert arm_sets(facts) == {("chemoimmunotherapy",), ("obinutuzumab", "zanubrutinib")}


def test_chemoimmunotherapy_named_later_is_the_arm_of_a_cytotoxic_and_an_antibody() -> None:
    facts = read(
        "In the phase 3 ALDER trial, patients were randomly assigned to ibrutinib plus rituximab or to "
        "fludarabine, cyclophosphamide and rituximab. Patients who usually relapse early after "
        "chemoimmunotherapy gained most: the HR for PFS was 0.21."
    )
    assert arm_sets(facts) == {("ibrutinib", "rituximab"), ("cyclophosphamide", "fludarabine", "rituximab")}


def test_an_investigators_choice_arm_keeps_the_word_the_text_gives_it() -> None:
    facts = read(
        "In the phase 3 HAZEL trial, patients were randomly assigned to zeltinib or to investigator's "
        "choice. Median OS was 11.2 months with zeltinib and 8.4 months with investigator's choice."
    )
    assert arm_sets(facts) == {("zeltinib",), ("investigator's choice",)}


def test_a_family_of_regimens_named_before_the_assigning_sentence_is_no_arm() -> None:
    facts = read(
        "Zeltinib-based combinations versus chemotherapy: the phase 3 SPRUCE trial\n\n"
        "Patients were randomly assigned to chemotherapy, to zeltinib plus rituximab or to zeltinib plus "
        "obinutuzumab."
    )
    assert arm_sets(facts) == {("chemotherapy",), ("rituximab", "zeltinib"), ("obinutuzumab", "zeltinib")}


# ---- the trial -----------------------------------------------------------------------------------


def test_a_phase_reaches_its_trial_past_a_bracketed_second_name() -> None:
    facts = read("Zeltinib versus chemotherapy: the randomised phase 3 SPRUCE-4 (ALPINE) trial.")
    assert {(d.trial, d.phase) for d in statements(facts, TrialDesign)} == {("SPRUCE-4", "3")}


def test_patients_who_entered_the_trial_are_its_enrolment() -> None:
    facts = read(
        "In the phase 3 LARCH trial, patients were randomly assigned to zeltinib or placebo. A total of "
        "812 patients entered the trial (zeltinib, n=406; placebo, n=406)."
    )
    assert {d.n_enrolled for d in statements(facts, TrialDesign)} == {812}


def test_a_clause_after_a_colon_starts_a_new_set() -> None:
    facts = read(
        "The phase 3 POPLAR trial tested zeltinib plus obinutuzumab against chlorambucil plus obinutuzumab: "
        "median PFS was not reached with the zeltinib doublet versus 18.2 months with chlorambucil plus "
        "obinutuzumab."
    )
    assert arm_sets(facts) == {("obinutuzumab", "zeltinib"), ("chlorambucil", "obinutuzumab")}


# ---- hazard ratios ---------------------------------------------------------------------------------


ARMS = (
    "In the phase 3 ROWAN trial, adults with AML were randomly assigned to zeltinib plus azacitidine or "
    "azacitidine alone. "
)
EXPERIMENTAL, CONTROL = ("azacitidine", "zeltinib"), ("azacitidine",)


def test_ratios_listed_for_subgroups_are_all_of_the_experimental_arm() -> None:
    facts = read(ARMS + "In the AML subset and in the MDS subset, HRs for OS were 0.55 and 0.48, respectively")
    assert ratios(facts) == {(EXPERIMENTAL, CONTROL, 0.55, True), (EXPERIMENTAL, CONTROL, 0.48, True)}


def test_a_subgroup_named_right_after_a_ratio() -> None:
    facts = read(
        ARMS + "By cytogenetic risk, HRs for OS were 0.57 for good or intermediate risk and 0.49 for poor risk"
    )
    assert ratios(facts) == {(EXPERIMENTAL, CONTROL, 0.57, True), (EXPERIMENTAL, CONTROL, 0.49, True)}


@pytest.mark.parametrize(
    "sentence",
    [
        "The HR for death was 0.61 for the combination versus azacitidine.",
        "Survival favoured the doublet (HR for death 0.61; 95% CI 0.45-0.83) for the doublet as a whole.",
        "Overall survival favoured the doublet (HR 0.61; p=0.049 for log-rank analysis).",
    ],
)
def test_an_arm_or_a_test_after_a_ratio_is_no_subgroup(sentence: str) -> None:
    facts = read(ARMS + sentence)
    assert ratios(facts) == {(EXPERIMENTAL, CONTROL, 0.61, False)}


def test_a_ratio_after_longer_than_with_the_comparator_is_the_arm_named_after_it() -> None:
    facts = read(
        "In the phase 3 ELM trial, patients were randomly assigned to chemotherapy, zeltinib plus "
        "rituximab or zeltinib plus obinutuzumab. PFS was longer than with chemotherapy for zeltinib plus "
        "obinutuzumab (HR 0.42) and for zeltinib plus rituximab (HR 0.79)."
    )
    assert ratios(facts) == {
        (("obinutuzumab", "zeltinib"), ("chemotherapy",), 0.42, False),
        (("rituximab", "zeltinib"), ("chemotherapy",), 0.79, False),
    }


def test_a_title_gives_the_phase_of_the_part_it_names_in_brackets() -> None:
    facts = read(
        "Zeltinib in relapsed ovarian carcinoma (HOLLY2 Part 1): an open-label, single-arm, phase 2 trial\n\n"
        "Summary\nAdults received zeltinib 600 mg twice daily."
    )
    assert {(d.trial, d.phase) for d in statements(facts, TrialDesign)} == {("HOLLY2", "2")}


def test_a_population_tested_in_is_no_trial_name() -> None:
    facts = read(
        "In this phase 3 trial (NCT09990007), 600 patients were randomly assigned to zeltinib or chemotherapy. "
        "PFS and OS were each tested in pMMR patients and in all comers."
    )
    assert {d.trial for d in statements(facts, TrialDesign)} == {"NCT09990007"}


def test_figures_before_a_trial_still_to_run_are_not_its_own() -> None:
    facts = read(
        "The pooled analysis of single-arm studies reported an objective response rate of 20.0% with "
        "zeltinib.\n\n"
        "The phase 3 BEECH trial (NCT09990008), which plans to enrol approximately 420 patients and to "
        "allocate them to zeltinib or placebo, should settle the question."
    )
    beech = {d.trial: d.n_enrolled for d in statements(facts, TrialDesign)}
    assert beech["BEECH"] == 420
    assert {o.trial for o in statements(facts, Outcome)} != {"BEECH"}
    assert [arm for arm in arm_sets(facts) if arm == ("placebo",)]


def test_a_kind_of_tumour_after_a_rate_is_its_subgroup() -> None:
    facts = read(
        "In the single-arm phase 2 HAWTHORN trial, zeltinib produced responses in 18 of 25 patients (72%) "
        "with BRCA-mutant tumours and 15 of 60 (25%) with LOH-high tumours."
    )
    assert {(o.value, o.subgroup) for o in statements(facts, Outcome)} == {
        (72.0, "brca-mutant tumours"),
        (25.0, "loh-high tumours"),
    }


def test_lines_under_an_outcome_heading_report_its_endpoint() -> None:
    facts = read(
        "NCT number: NCT09990010\nPhase: Phase 3\nOfficial title: Sunitinib Versus Placebo in Resistant GIST\n\n"
        "Primary outcome: Time to tumour progression\n"
        "  Sunitinib: median 25.0 weeks\n"
        "  Placebo: median 7.1 weeks\n\n"
        "Secondary outcome: Overall survival (OS)\n"
        "  Sunitinib: median 70.2 weeks\n"
        "  Placebo: median 61.8 weeks\n"
        "  Hazard ratio 0.90\n\n"
        "Secondary outcome: Objective response rate\n"
        "  Sunitinib: 12/200 (6.0%)\n"
    )
    assert {(o.arm, o.endpoint, o.value) for o in statements(facts, Outcome)} == {
        (("sunitinib",), "OS", 70.2),
        (("placebo",), "OS", 61.8),
        (("sunitinib",), "OS", 0.9),
        (("sunitinib",), "ORR", 6.0),
    }


def test_counted_landmark_trials_take_the_phase_of_the_count() -> None:
    facts = read(
        "Follow-up of two landmark phase 3 trials is reported.\n\n"
        "In MAGNOLIA-1, 800 patients were randomly assigned to zeltinib or ipilimumab.\n\n"
        "In MAGNOLIA-2, 400 patients were randomly assigned to zeltinib or dacarbazine."
    )
    assert {(d.trial, d.phase) for d in statements(facts, TrialDesign)} == {("MAGNOLIA-1", "3"), ("MAGNOLIA-2", "3")}


def test_a_biomarker_threshold_after_a_ratio_or_before_a_bracket_is_a_subgroup() -> None:
    facts = read(
        ARMS + "The hazard ratio for OS fell with enrichment: 0.84 (95% CI 0.70-1.01) at CPS \u22651 and 0.61 at "
        "CPS \u226520 (median OS 15.2 vs 11.9 months)."
    )
    assert {(o.measure, o.value, o.subgroup) for o in statements(facts, Outcome)} == {
        ("HR", 0.84, "cps \u22651"),
        ("HR", 0.61, "cps \u226520"),
        ("median", 15.2, "cps \u226520"),
        ("median", 11.9, "cps \u226520"),
    }


def test_patients_treated_in_a_line_of_therapy_are_a_subgroup() -> None:
    facts = read(
        ARMS + "The gain was greatest in the 350 patients treated as a second line, where median OS reached "
        "36.2 months with the combination."
    )
    assert {o.subgroup is not None for o in statements(facts, Outcome)} == {True}


def test_a_choice_given_with_each_arms_drug_is_their_chemotherapy() -> None:
    facts = read(
        "The phase 3 ASPEN-9 trial enrolled 500 women who had previously received three or more anti-HER2 "
        "regimens, including pertuzumab. Patients were randomized 1:1 to zeltuzumab (n=250) or trastuzumab "
        "(n=250), both combined with the investigator's choice of eribulin, vinorelbine or capecitabine."
    )
    assert arm_sets(facts) == {("chemotherapy", "zeltuzumab"), ("chemotherapy", "trastuzumab")}


def test_the_intent_to_treat_population_is_no_subgroup() -> None:
    facts = read(ARMS + "In the intent-to-treat population, median OS was 20.1 months with the combination.")
    assert {o.subgroup for o in statements(facts, Outcome)} == {None}


def test_numbered_registry_arms_with_a_role_and_their_result_lines() -> None:
    facts = read(
        "Official title: Randomized Phase II Trial of Zeltinib Versus Sunitinib in Renal Cancer\n"
        "Phase: Phase 2\n\n"
        "Arms\n"
        "Arm I (Experimental): zeltinib 60 mg orally once daily. Participants assigned: 80.\n"
        "Arm II (Active comparator): sunitinib 37.5 mg by mouth every day. Participants assigned: 80.\n\n"
        "Primary outcome measure\n"
        "Progression-free survival, assessed over 24 months\n"
        "  Arm I: median 9.1 months\n"
        "  Arm II: median 5.2 months\n"
    )
    assert arm_sets(facts) == {("zeltinib",), ("sunitinib",)}
    assert medians(facts) == {(("zeltinib",), 9.1), (("sunitinib",), 5.2)}
