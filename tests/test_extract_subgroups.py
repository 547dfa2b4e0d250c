"""Subgroup labels: the short phrase an outcome's subgroup is recorded under."""

from __future__ import annotations

import pytest

from ingest.subgroups import MAX_WORDS, subgroup_label
from kg.model import Outcome, TrialDesign
from tests.reading import read, statements


@pytest.mark.parametrize(
    "phrase",
    [
        "patients whose disease had earlier been exposed to immunotherapy",
        "patients who had already received immunotherapy",
        "previously treated with immunotherapy",
        "after immunotherapy",
        "patients exposed to immunotherapy",
        "patients with prior immunotherapy",
        "immunotherapy-pretreated patients",
    ],
)
def test_prior_therapy_is_said_one_way(phrase: str) -> None:
    assert subgroup_label(phrase) == "prior immunotherapy"


def test_the_main_clause_after_the_subgroup_is_cut_off() -> None:
    assert subgroup_label("patients who had already received ipilimumab derived the largest gain") == (
        "prior ipilimumab"
    )


def test_progression_on_a_named_therapy_is_prior_therapy() -> None:
    assert subgroup_label("patients who progressed on anti-PD-1 therapy") == "prior anti-pd-1 therapy"


def test_prior_treatment_without_a_named_therapy() -> None:
    assert subgroup_label("previously treated patients") == "previously treated"


@pytest.mark.parametrize("phrase", ["treatment-naive patients", "those who had not received prior therapy"])
def test_untreated_patients(phrase: str) -> None:
    assert subgroup_label(phrase) == "treatment-naive"


def test_a_negated_named_therapy_keeps_its_name() -> None:
    assert subgroup_label("patients without prior anti-EGFR therapy") == "no prior anti-egfr therapy"


@pytest.mark.parametrize(
    ("phrase", "label"),
    [
        ("patients with KRAS-mutant tumours", "kras-mutant tumours"),
        ("those with the G719A mutation", "g719a mutation"),
        ("patients whose tumours carried NRAS Q61K", "nras q61k"),
        ("the expansion cohort", "expansion cohort"),
        ("  Patients  with high tumour burden ", "high tumour burden"),
        ("patients whose tumours had a KRAS G12C mutation", "kras g12c mutation"),
        ("patients without a detectable alteration", "no detectable alteration"),
        ("patients with a BRCA2 mutation (PFS HR", "brca2 mutation"),
    ],
)
def test_the_words_naming_the_patients_are_dropped(phrase: str, label: str) -> None:
    assert subgroup_label(phrase) == label


def test_labels_are_short() -> None:
    label = subgroup_label("patients with a very long and winding description of their tumour and its many features")
    assert len(label.split()) <= MAX_WORDS


def test_a_phrase_with_no_head_keeps_its_words() -> None:
    assert subgroup_label("those who were not") == "those who were not"


def test_the_phase_3_part_of_a_phase_2_3_trial_is_no_cohort() -> None:
    facts = read(
        "CRESTA was an open-label phase 2/3 trial. In its phase 3 part, 400 patients were randomly "
        "assigned to cabozantinib or sunitinib. Median PFS was 7.4 months versus 5.1 months."
    )
    assert {(o.value, o.subgroup) for o in statements(facts, Outcome)} == {(7.4, None), (5.1, None)}


def test_the_phase_2_part_of_a_phase_1_2_trial_is_a_cohort() -> None:
    facts = read(
        "LUMEN was a phase 1/2 study. In its phase 2 part, 60 patients received lenvatinib. The "
        "objective response rate was 31%."
    )
    assert [o.subgroup for o in statements(facts, Outcome)] == ["phase 2 cohort"]


def test_a_list_of_ratios_takes_the_groups_named_after_it_in_turn() -> None:
    facts = read(
        "In the phase 3 ALDER trial, patients were randomised to atezolizumab or placebo. Hazard ratios for "
        "PFS were 0.41, 0.58 and 0.77 for the high, low and negative PD-L1 categories. In the PD-L1 <1% "
        "subgroup, median OS was 14.1 versus 11.0 months."
    )
    assert {(o.value, o.subgroup) for o in statements(facts, Outcome)} == {
        (0.41, "high"),
        (0.58, "low"),
        (0.77, "negative pd-l1"),
        (14.1, "pd-l1 <1% subgroup"),
        (11.0, "pd-l1 <1% subgroup"),
    }


def test_a_population_with_a_hyphenated_qualifier_before_patients_is_a_subgroup() -> None:
    facts = read(
        "In the phase 3 ALDER trial, patients were randomised to alpelisib or placebo. ORR in "
        "PIK3CA-mutant patients with measurable disease was 26.6% versus 12.8%."
    )
    assert all(o.subgroup for o in statements(facts, Outcome)) and len(statements(facts, Outcome)) == 2


def test_a_figure_for_the_patients_of_one_dose_arm_is_for_that_dose() -> None:
    facts = read(
        "In the phase 2 SPRUCE-2 study, 120 patients were randomly assigned to zongertinib at 120 mg or 240 mg "
        "daily. Responses were seen in 44.0% of patients in the 120 mg arm and 51.0% in the 240 mg arm."
    )
    assert {(o.value, o.subgroup) for o in statements(facts, Outcome)} == {
        (44.0, "120 mg dose level"),
        (51.0, "240 mg dose level"),
    }


def test_each_cohort_of_a_trial_compares_its_own_arms() -> None:
    facts = read(
        "The phase 3 CEDAR-5 trial enrolled 600 patients with FGFR-altered bladder cancer into two cohorts.\n\n"
        "In cohort 1, 300 patients with prior immunotherapy were randomly assigned to zeltinib (n = 150) or "
        "docetaxel (n = 150). Median overall survival was 11.0 versus 8.0 months (HR 0.70).\n\n"
        "Cohort 2 enrolled patients without prior immunotherapy. There, 300 patients were randomised to "
        "zeltinib (n = 150) or nivolumab (n = 150), and survival was similar: 10.0 versus 10.5 months "
        "(HR 1.05)."
    )
    assert {(o.arm, o.comparator, o.value, o.subgroup) for o in statements(facts, Outcome)} == {
        (("zeltinib",), None, 11.0, "cohort 1"),
        (("docetaxel",), None, 8.0, "cohort 1"),
        (("zeltinib",), ("docetaxel",), 0.70, "cohort 1"),
        (("zeltinib",), None, 10.0, "cohort 2"),
        (("nivolumab",), None, 10.5, "cohort 2"),
        (("zeltinib",), ("nivolumab",), 1.05, "cohort 2"),
    }


def test_as_many_patients_as_the_trial_enrolled_are_its_population() -> None:
    facts = read(
        "The single-arm phase 2 ASPEN-1 study enrolled 64 patients. Zeltinib produced responses in 30% of "
        "64 patients with FGFR2 fusions or rearrangements."
    )
    assert [(o.value, o.subgroup) for o in statements(facts, Outcome)] == [(30.0, None)]


def test_the_patients_evaluable_for_efficacy_are_no_subgroup() -> None:
    facts = read(
        "The single-arm phase 2 ASPEN-2 study enrolled 70 patients given zeltinib. Among the 66 patients with "
        "measurable disease evaluable for response, the objective response rate was 33.3%."
    )
    assert [(o.value, o.subgroup) for o in statements(facts, Outcome)] == [(33.3, None)]


def test_the_groups_of_the_sentence_before_taken_in_turn() -> None:
    facts = read(
        "The single-arm phase 2 ASPEN-3 study of zeltinib had enrolled 140 patients by the cutoff. Among 90 "
        "patients previously treated with chemotherapy, 55% responded; among 40 treatment-naive patients, "
        "the response rate was 68%. Median progression-free survival was 12.0 months (95% CI 9.5-14.4) "
        "and 10.2 months (7.1-13.3) in the two groups, respectively."
    )
    groups = {o.value: o.subgroup for o in statements(facts, Outcome)}
    assert groups[12.0] == groups[55.0] and groups[10.2] == groups[68.0] == "treatment-naive"
    assert groups[55.0] and groups[55.0] != groups[68.0]
    assert next(d for d in statements(facts, TrialDesign)).n_enrolled == 140


def test_a_heading_that_names_a_cohort_holds_for_its_paragraph() -> None:
    facts = read(
        "The efficacy of zeltinib was evaluated in BIRCH-2 (NCT09990090), a single-arm, multi-cohort trial.\n\n"
        "Inhibitor-naive cohort (n = 60). No earlier targeted therapy was allowed. The ORR was 71%.\n\n"
        "Cohort previously given one inhibitor (n = 40). The ORR was 35%.\n\n"
        "Overall, the ORR was 57%."
    )
    groups = {o.value: o.subgroup for o in statements(facts, Outcome)}
    assert groups[71.0] and groups[35.0] and groups[71.0] != groups[35.0]
    assert groups[57.0] is None


def test_a_cohort_label_given_a_regimen_names_that_arm() -> None:
    facts = read(
        "The phase 2 BIRCH-4 study (NCT09990091) enrolled three cohorts: cohort A received zeltinib alone "
        "(n = 60); cohort B received zeltinib plus trametinib (n = 50); and cohort C received that doublet "
        "before any other treatment (n = 30). The ORR was 64% in cohort B and 61% in cohort C, with responses "
        "lasting a median of 9.0 and 11.5 months, respectively."
    )
    combination = ("trametinib", "zeltinib")
    assert {(o.arm, o.value, o.subgroup) for o in statements(facts, Outcome)} == {
        (combination, 64.0, "cohort b"),
        (combination, 61.0, "cohort c"),
        (combination, 9.0, "cohort b"),
        (combination, 11.5, "cohort c"),
    }


def test_a_heading_line_naming_a_cohort_holds_for_the_lines_under_it() -> None:
    facts = read(
        "ORCHARD (NCT09990092)\n"
        "An open-label trial that randomized 300 men 2:1 to zeltinib (n=200) or to enzalutamide (n=100).\n\n"
        "Results, Cohort 1\n"
        "  Radiographic PFS, median: 8.1 vs 4.0 months; HR 0.40\n"
        "  Overall survival, median: 18.2 vs 15.0 months; HR 0.72\n\n"
        "Results, all randomized patients\n"
        "  Overall survival, median: 16.0 vs 14.1 months; HR 0.84\n"
    )
    groups = {o.value: o.subgroup for o in statements(facts, Outcome)}
    assert groups[8.1] == groups[0.40] == groups[18.2] == groups[0.72] == "cohort 1"
    assert groups[16.0] is None and groups[0.84] is None


@pytest.mark.parametrize(
    "opening",
    ["Even in mismatch repair-proficient tumours there was a gain,", "In mismatch repair-proficient disease,"],
)
def test_tumours_of_a_qualified_kind_at_the_head_of_a_sentence_are_a_subgroup(opening: str) -> None:
    facts = read(
        "In the phase 3 ORBIT trial, 600 women were randomised to zeltinib or placebo. Median PFS was 12.0 versus "
        f"7.0 months (HR 0.55). {opening} 8.1 versus 5.4 months (HR 0.68)."
    )
    grouped = {(o.value, o.subgroup) for o in statements(facts, Outcome)}
    assert {(12.0, None), (0.55, None)} <= grouped
    assert {value for value, subgroup in grouped if subgroup and "proficient" in subgroup} == {8.1, 5.4, 0.68}


def test_an_all_comer_population_is_everyone_and_a_long_group_name_is_a_subgroup() -> None:
    facts = read(
        "In the phase 3 ORBIT trial, 617 patients were randomly assigned to zeltinib or placebo. In the "
        "all-comer population, median OS was 26.4 versus 16.8 months (HR 0.63). Median PFS in the CPS of 1 or "
        "more population was 10.5 and 8.2 months in the zeltinib and placebo groups, respectively."
    )
    grouped = {(o.value, o.subgroup) for o in statements(facts, Outcome)}
    assert grouped == {
        (26.4, None),
        (16.8, None),
        (0.63, None),
        (10.5, "cps of 1 or more population"),
        (8.2, "cps of 1 or more population"),
    }


def test_patients_counted_before_a_colon_are_the_subgroup_of_the_figures_after_it() -> None:
    facts = read(
        "In the phase 3 ORBIT trial, 538 women were randomly assigned to zeltinib or placebo. Median PFS was "
        "20.2 versus 9.2 months. Zeltinib also helped patients whose tumours were HRD-negative (n = 189): 12.1 "
        "versus 9.1 months, HR 0.65."
    )
    grouped = {(o.value, o.subgroup) for o in statements(facts, Outcome)}
    assert {value for value, subgroup in grouped if subgroup == "tumours were hrd-negative"} == {12.1, 9.1, 0.65}
    assert {(20.2, None), (9.2, None)} <= grouped


def test_figures_overall_and_then_for_a_subgroup() -> None:
    facts = read(
        "In the phase 3 ORBIT trial, 478 patients were randomly assigned to zeltinib or placebo. Median PFS was "
        "2.8 versus 1.9 months overall and 3.8 versus 1.7 months in patients with ESR1 mutations."
    )
    assert {(o.value, o.subgroup) for o in statements(facts, Outcome)} == {
        (2.8, None),
        (1.9, None),
        (3.8, "esr1 mutations"),
        (1.7, "esr1 mutations"),
    }


def test_corresponding_rates_for_a_subgroup_take_the_endpoint_and_time_of_the_rates_before() -> None:
    facts = read(
        "In the phase 3 ORBIT trial, 478 patients were randomly assigned to zeltinib or placebo. At 12 months, "
        "22.3% and 9.4% of all patients were alive and free of progression with zeltinib and placebo, "
        "respectively; among patients with ESR1-mutated tumours the corresponding rates were 26.8% and 8.2%."
    )
    assert {(o.arm, o.endpoint, o.value, o.timepoint, o.subgroup is not None) for o in statements(facts, Outcome)} == {
        (("zeltinib",), "PFS", 22.3, "12 months", False),
        (("placebo",), "PFS", 9.4, "12 months", False),
        (("zeltinib",), "PFS", 26.8, "12 months", True),
        (("placebo",), "PFS", 8.2, "12 months", True),
    }


ORBIT_DESIGN = "In the phase 3 ORBIT trial, 749 patients were randomised to zeltinib or placebo. "


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("In squamous tumours with CPS ≥10 (n = 286), median OS was 13.9 versus 8.8 months.", "squamous tumours"),
        ("Median OS was 13.9 versus 8.8 months among all patients with CPS ≥10.", "cps ≥10"),
        ("In the CPS ≥10 group, median OS was 13.9 versus 8.8 months.", "cps ≥10 group"),
        ("In the HER2-ultralow group, median OS was 13.9 versus 8.8 months.", "her2-ultralow group"),
        ("In that early look at the first 264 participants, median OS was 13.9 versus 8.8 months.", "first 264"),
        (
            "About 85% of participants had a CPS of 1 or higher, and in this group median OS was 13.9 versus "
            "8.8 months.",
            "cps of 1 or higher",
        ),
    ],
)
def test_a_population_named_before_or_after_a_pair_of_figures(sentence: str, label: str) -> None:
    facts = read(ORBIT_DESIGN + sentence)
    subgroups = {o.value: o.subgroup for o in statements(facts, Outcome) if o.value in {13.9, 8.8}}
    assert set(subgroups) == {13.9, 8.8}
    assert all(subgroup and subgroup.startswith(label) for subgroup in subgroups.values())


def test_a_group_named_by_what_its_arm_was_given_is_no_subgroup() -> None:
    facts = read(
        "In the phase 3 ORBIT trial, 749 patients were randomised to zeltinib plus chemotherapy or placebo plus "
        "chemotherapy. In the zeltinib-chemotherapy group, median OS was 13.9 months."
    )
    assert {o.subgroup for o in statements(facts, Outcome)} == {None}


def test_patients_of_a_marker_kind_given_an_arm_are_a_subgroup() -> None:
    facts = read(
        ORBIT_DESIGN + "The objective response rate was 56.5% in HER2-low patients given zeltinib and 32.2% in "
        "those given placebo. Responses occurred in 41.0% of HER2-low patients given zeltinib."
    )
    assert {o.subgroup for o in statements(facts, Outcome) if o.value == 41.0} == {"her2-low patients"}


def test_a_heading_lines_cohort_ends_at_a_blank_line() -> None:
    facts = read(
        "ORCHARD (NCT09990093)\n"
        "An open-label trial that randomized 300 men 2:1 to zeltinib (n=200) or to enzalutamide (n=100).\n\n"
        "Results, Cohort 1\n"
        "  Radiographic PFS, median: 8.1 vs 4.0 months; HR 0.40\n\n"
        "  Overall survival, median: 16.0 vs 14.1 months; HR 0.84\n"
    )
    groups = {o.value: o.subgroup for o in statements(facts, Outcome)}
    assert groups[8.1] == groups[0.40] == "cohort 1"
    assert groups[16.0] is None and groups[0.84] is None


def test_a_line_labelled_by_its_subgroup_carries_it() -> None:
    facts = read(
        "ORBIT (NCT09990094)\nA randomized trial in 796 men who received zeltinib (n=399) or placebo (n=397).\n"
        "  BRCAm subgroup: overall survival HR 0.30 (95% CI 0.15, 0.59)\n"
    )
    assert {o.subgroup for o in statements(facts, Outcome)} == {"brcam subgroup"}


@pytest.mark.parametrize("given", ["the drug", "the triplet", "study treatment"])
def test_patients_given_an_arm_named_by_anaphor_are_no_subgroup(given: str) -> None:
    facts = read(
        ORBIT_DESIGN + f"Objective responses were seen in 58.4% of patients who received {given} versus 25.0%."
    )
    assert {(o.value, o.subgroup) for o in statements(facts, Outcome)} == {(58.4, None), (25.0, None)}


def test_a_subgroup_before_an_inverted_main_clause_ends_where_it_starts() -> None:
    label = subgroup_label("patients who had not received chemotherapy for metastatic disease did a")
    assert label == "no prior chemotherapy for metastatic disease"


def test_men_with_a_feature_and_those_with_another_each_take_their_own_ratio() -> None:
    facts = read(
        "In the phase 3 ORBIT trial, 1000 men were randomised to zeltinib or placebo. The survival benefit was seen "
        "both in men with high-volume disease (HR 0.70; 95% CI, 0.56 to 0.88) and in those with low-volume disease "
        "(HR 0.52; 95% CI, 0.35 to 0.79)."
    )
    assert {(o.value, o.subgroup) for o in statements(facts, Outcome)} == {
        (0.70, "high-volume disease"),
        (0.52, "low-volume disease"),
    }


def test_that_subgroup_after_patients_who_had_been_given_a_therapy() -> None:
    facts = read(
        "In the single-arm phase 2 ORCA-5 study, 148 patients received zeltinib and the response rate was 61%. "
        "About four in ten had already been given CAR T-cell therapy. In that subgroup the response rate was 54%."
    )
    assert {(o.value, o.subgroup) for o in statements(facts, Outcome)} == {
        (61.0, None),
        (54.0, "prior car t-cell therapy"),
    }


def test_groups_counted_in_brackets_after_each_figure() -> None:
    facts = read(
        "In this single-arm phase 2 trial (NCT09990125), 50 patients received zeltinib. Responses occurred in 59% of "
        "patients with virus-positive tumours (n = 27) and 53% of those with virus-negative tumours (n = 19) responded."
    )
    assert {(o.value, o.subgroup) for o in statements(facts, Outcome)} == {
        (59.0, "virus-positive tumours"),
        (53.0, "virus-negative tumours"),
    }


def test_patients_who_could_be_evaluated_and_scans_read_again_are_no_subgroups() -> None:
    facts = read(
        "The phase 2 ORCA-13 study (NCT09990133) enrolled 77 children given zeltinib. In the 76 patients whose "
        "disease could be evaluated under RANO criteria, the overall response rate was 51%. When the same scans were "
        "read using RANO-HGG criteria, the response rate was 67%."
    )
    assert {(o.value, o.subgroup) for o in statements(facts, Outcome)} == {(51.0, None), (67.0, None)}


def test_patients_of_a_risk_group_are_a_subgroup_wherever_the_sentence_names_them() -> None:
    facts = read(
        "In the phase 3 CEDAR trial, 900 patients were randomised to nivolumab plus ipilimumab or sunitinib. "
        "The 2-year overall survival rate in intermediate- and poor-risk patients was 70% with nivolumab plus "
        "ipilimumab and 56% with sunitinib. In the 210 favourable-risk patients, the response rate was 31% "
        "versus 50%."
    )
    groups = {o.value: o.subgroup for o in statements(facts, Outcome)}
    assert groups == {
        70.0: "intermediate- and poor-risk patients",
        56.0: "intermediate- and poor-risk patients",
        31.0: "favourable-risk patients",
        50.0: "favourable-risk patients",
    }


def test_a_group_as_the_subject_of_how_it_did_is_the_subgroup() -> None:
    facts = read(
        "In the phase 3 CEDAR trial, 400 patients were randomised to zeltumab plus cisplatin or cisplatin. "
        "The OS hazard ratio was 0.80. Once again, the sarcomatoid subgroup fared best, with an overall survival "
        "hazard ratio of 0.48."
    )
    assert {(o.value, o.subgroup) for o in statements(facts, Outcome)} == {(0.8, None), (0.48, "sarcomatoid subgroup")}


def test_a_subgroup_named_in_a_later_clause_is_not_the_first_clauses() -> None:
    facts = read(
        "In the phase 3 CEDAR trial, 400 patients were randomised to zeltumab plus cisplatin or cisplatin. "
        "Survival improved (hazard ratio, 0.66), and the gain held among patients whose tumours expressed "
        "PD-L1 (HR 0.61)."
    )
    groups = {o.value: o.subgroup for o in statements(facts, Outcome)}
    assert groups[0.66] is None and groups[0.61]


def test_ratios_parted_by_but_are_each_for_the_group_after_it() -> None:
    facts = read(
        "In the phase 3 CEDAR trial, 400 patients were randomised to zeltumab plus cisplatin or cisplatin. "
        "The hazard ratio for death was 0.55 in sarcomatoid tumours but only 0.91 in epithelioid disease."
    )
    assert {(o.value, o.subgroup) for o in statements(facts, Outcome)} == {
        (0.55, "sarcomatoid tumours"),
        (0.91, "epithelioid disease"),
    }
