"""Reported results: endpoints, arms, comparators and subgroups, one mechanism at a time, on
sentences written for these tests."""

from __future__ import annotations

import pytest

from ingest.extract import read_paper
from kg.model import Arm, Document, Outcome, PaperFacts, TrialDesign

TWO_ARMS = "In the phase 3 ORBIT trial, 400 patients were randomized to abemaciclib or placebo, each with fulvestrant. "


def read(text: str) -> PaperFacts:
    return read_paper(Document(id="t", text=text))


def outcomes(text: str) -> list[Outcome]:
    return [f.statement for f in read(text).facts if isinstance(f.statement, Outcome)]


def keyed(text: str) -> set[tuple[tuple[str, ...], str, str, float]]:
    return {(o.arm, o.endpoint, o.measure, o.value) for o in outcomes(text)}


def ratios(text: str) -> set[tuple[tuple[str, ...], tuple[str, ...] | None, str, float]]:
    return {(o.arm, o.comparator, o.endpoint, o.value) for o in outcomes(text) if o.measure == "HR"}


COMBO, BACKBONE = ("abemaciclib", "fulvestrant"), ("fulvestrant",)


# ---- endpoints -----------------------------------------------------------------------------------


def test_hazard_ratio_for_death_is_overall_survival() -> None:
    assert ratios(TWO_ARMS + "The hazard ratio for death was 0.76 (95% CI 0.61-0.95).") == {
        (COMBO, BACKBONE, "OS", 0.76)
    }


def test_hazard_ratio_for_progression_or_death_is_progression_free_survival() -> None:
    assert ratios(TWO_ARMS + "The HR for disease progression or death was 0.55.") == {(COMBO, BACKBONE, "PFS", 0.55)}


def test_a_ratio_without_an_endpoint_takes_the_one_of_the_ratio_before() -> None:
    text = (
        TWO_ARMS
        + "The hazard ratio for progression or death was 0.55. The ratio was similar in men: the hazard ratio was 0.58."
    )
    assert {value for _a, _c, endpoint, value in ratios(text) if endpoint == "PFS"} == {0.55, 0.58}


def test_second_progression_and_differences_between_arms_are_not_results() -> None:
    text = TWO_ARMS + (
        "Median time to second progression was 23.1 versus 20.6 months. The gain was an improvement of 9.4 "
        "months in median overall survival."
    )
    assert keyed(text) == set()


def test_other_time_to_event_and_free_survival_endpoints_are_not_reported() -> None:
    text = TWO_ARMS + (
        "The combination delayed time to pain progression (HR 0.61) and time to initiation of chemotherapy "
        "(HR 0.66). Metastasis-free survival also improved (HR 0.52)."
    )
    assert keyed(text) == set()


def test_shares_of_responders_and_complete_responses_are_not_response_rates() -> None:
    text = TWO_ARMS + (
        "Objective responses occurred in 40% of patients; 70% of those responses lasted at least six months, "
        "and complete responses were seen in 9% with abemaciclib."
    )
    assert keyed(text) == {(COMBO, "ORR", "rate", 40.0)}


def test_partial_responses_when_none_was_complete_are_the_response_rate() -> None:
    text = TWO_ARMS + "There were no complete responses. Partial responses occurred in 22% with abemaciclib."
    assert keyed(text) == {(COMBO, "ORR", "rate", 22.0)}


# ---- arms ----------------------------------------------------------------------------------------


def test_the_arm_named_by_one_drug_and_the_placebo_arm() -> None:
    text = (
        TWO_ARMS + "Median overall survival was 46.7 months in the abemaciclib arm and 37.3 months in the placebo arm."
    )
    assert keyed(text) == {(COMBO, "OS", "median", 46.7), (BACKBONE, "OS", "median", 37.3)}


def test_the_control_group() -> None:
    text = (
        "In the phase 3 ORBIT trial, patients were randomized to encorafenib plus cetuximab or a control regimen "
        "of cetuximab and irinotecan. Median survival was 8.4 months with encorafenib plus cetuximab and 5.4 "
        "months in the control group."
    )
    assert (("cetuximab", "irinotecan"), "OS", "median", 5.4) in keyed(text)


def test_a_figure_for_a_placebo_arm_is_the_placebo_arms() -> None:
    text = (
        "In the phase 3 ORBIT trial, 390 patients were randomly assigned to olaparib or placebo. The median "
        "progression-free survival was not reached with olaparib, as compared with 13.8 months in the placebo group."
    )
    assert keyed(text) == {(("placebo",), "PFS", "median", 13.8)}


def test_a_class_phrase_names_the_arm_of_its_members() -> None:
    text = (
        "In the phase 3 ORBIT trial, patients were randomly assigned to amivantamab plus carboplatin-pemetrexed "
        "or carboplatin-pemetrexed alone. Median PFS was 11.4 months in the amivantamab-chemotherapy group and "
        "6.7 months in the chemotherapy group."
    )
    assert keyed(text) == {
        (("amivantamab", "carboplatin", "pemetrexed"), "PFS", "median", 11.4),
        (("carboplatin", "pemetrexed"), "PFS", "median", 6.7),
    }


def test_monotherapy_and_the_combination() -> None:
    text = (
        "In the ORBIT study, patients received adagrasib alone (n = 44) or adagrasib plus cetuximab (n = 32). "
        "The response rate was 19% with monotherapy and 46% with the combination."
    )
    assert keyed(text) == {(("adagrasib",), "ORR", "rate", 19.0), (("adagrasib", "cetuximab"), "ORR", "rate", 46.0)}


def test_respectively_follows_the_order_the_arms_were_assigned_in() -> None:
    text = (
        "The phase 3 ORBIT study randomly assigned 1000 patients to lenvatinib plus pembrolizumab, lenvatinib "
        "plus everolimus, or sunitinib. Median PFS was 23.9, 14.7 and 9.2 months, respectively."
    )
    assert keyed(text) == {
        (("lenvatinib", "pembrolizumab"), "PFS", "median", 23.9),
        (("everolimus", "lenvatinib"), "PFS", "median", 14.7),
        (("sunitinib",), "PFS", "median", 9.2),
    }


def test_respectively_follows_the_order_of_the_sentence_before() -> None:
    text = (
        "Investigators randomly assigned 800 patients to arm A (paclitaxel and carboplatin) or arm B (paclitaxel "
        "and carboplatin plus bevacizumab). Median survival was 12.3 months in arm B and 10.3 months in arm A. "
        "Median PFS was 6.2 and 4.5 months, respectively."
    )
    assert (("bevacizumab", "carboplatin", "paclitaxel"), "PFS", "median", 6.2) in keyed(text)


def test_a_share_of_the_patients_of_an_arm() -> None:
    text = TWO_ARMS + "Sixteen (37%) of 43 evaluable patients in the abemaciclib group had an objective response."
    assert keyed(text) == {(COMBO, "ORR", "rate", 37.0)}


# ---- hazard ratios -------------------------------------------------------------------------------


def test_ratios_listed_for_each_arm_against_a_comparator() -> None:
    text = (
        "The phase 3 ORBIT study randomly assigned 900 patients to nivolumab plus ipilimumab, nivolumab alone, or "
        "ipilimumab alone. The hazard ratio for death was 0.52 for the combination versus ipilimumab and 0.63 for "
        "nivolumab versus ipilimumab."
    )
    assert ratios(text) == {
        (("ipilimumab", "nivolumab"), ("ipilimumab",), "OS", 0.52),
        (("nivolumab",), ("ipilimumab",), "OS", 0.63),
    }


def test_a_leading_comparison_names_the_comparator() -> None:
    text = (
        "The phase 3 ORBIT study randomly assigned 900 patients to lenvatinib plus pembrolizumab, lenvatinib plus "
        "everolimus, or sunitinib. Compared with sunitinib, the hazard ratio for progression or death was 0.39 for "
        "lenvatinib-pembrolizumab and 0.65 for lenvatinib-everolimus."
    )
    assert ratios(text) == {
        (("lenvatinib", "pembrolizumab"), ("sunitinib",), "PFS", 0.39),
        (("everolimus", "lenvatinib"), ("sunitinib",), "PFS", 0.65),
    }


def test_a_ratio_after_a_comparison_in_its_clause() -> None:
    text = (
        "The phase 3 ORBIT study randomly assigned 900 patients to lenvatinib plus pembrolizumab, lenvatinib plus "
        "everolimus, or sunitinib. Survival favoured lenvatinib-pembrolizumab over sunitinib (hazard ratio for "
        "death, 0.66), although the everolimus combination did not improve it."
    )
    assert ratios(text) == {(("lenvatinib", "pembrolizumab"), ("sunitinib",), "OS", 0.66)}


# ---- subgroups -----------------------------------------------------------------------------------


def test_a_subgroup_named_after_the_figure() -> None:
    text = TWO_ARMS + (
        "The hazard ratio for progression or death was 0.43 among patients with visceral metastases and 0.51 "
        "among those with bone-only disease."
    )
    assert {o.subgroup for o in outcomes(text)} == {"visceral metastases", "bone-only disease"}


def test_a_subgroup_named_before_the_figures() -> None:
    text = TWO_ARMS + "In patients with primary endocrine resistance, the HR for death was 0.69."
    assert [o.subgroup for o in outcomes(text)] == ["primary endocrine resistance"]


def test_a_population_phrase_naming_the_disease_is_not_a_subgroup() -> None:
    text = (
        "In the phase 2 ORBIT trial, 100 patients with melanoma received binimetinib. Among patients with "
        "melanoma, the response rate was 15%."
    )
    assert [o.subgroup for o in outcomes(text)] == [None]


def test_disease_cohorts_of_a_basket_trial_are_subgroups() -> None:
    text = (
        "In this phase 1 study, adults with solid tumours received divarasib. A response was seen in 53% of the "
        "patients with non-small cell lung cancer and in 29% of those with colorectal cancer."
    )
    assert {o.subgroup for o in outcomes(text)} == {"non-small cell lung cancer", "colorectal cancer"}


def test_a_cohort_stays_in_force_until_all_patients_are_spoken_of() -> None:
    text = TWO_ARMS + (
        "In the primary cohort of patients with visceral disease, the HR for death was 0.60. Median PFS was "
        "10.1 months versus 5.4 months. Across all randomized patients, median PFS was 9.9 versus 5.1 months."
    )
    subgroups = {o.value: o.subgroup for o in outcomes(text)}
    assert subgroups[10.1] == subgroups[5.4] == "visceral disease"
    assert subgroups[9.9] is subgroups[5.1] is None


def test_a_count_of_the_patients_a_figure_is_for_is_no_subgroup() -> None:
    text = "In a phase 2 study, mobocertinib gave a response rate of 28% in 114 platinum-pretreated patients."
    assert [o.subgroup for o in outcomes(text)] == [None]


def test_a_qualified_group_is_a_subgroup() -> None:
    text = (
        "In the ORBIT study, 150 patients received selpercatinib. The median duration of response in the "
        "pretreated group was 17.5 months."
    )
    assert [o.subgroup for o in outcomes(text)] == ["previously treated"]


# ---- trials -------------------------------------------------------------------------------------


def test_figures_for_a_drug_the_trial_in_focus_never_named_start_another_trial() -> None:
    facts = read(
        "In the ORBIT trial, 81 patients received amivantamab. The response rate was 40%.\n\n"
        "Mobocertinib showed a response rate of 28% in 114 patients."
    )
    by_drug = {o.arm: o.trial for f in facts.facts if isinstance(o := f.statement, Outcome)}
    assert by_drug[("amivantamab",)] == "ORBIT"
    assert by_drug[("mobocertinib",)] not in (None, "ORBIT")


def test_a_figure_in_a_new_paragraph_goes_to_the_paper_s_main_trial() -> None:
    facts = read(
        "In the phase 1b/2 study (NCT01234567), 41 patients received binimetinib plus ribociclib. The response "
        "rate was 19%. By comparison, binimetinib alone gave a median PFS of 2.8 months in the phase 3 ORBIT "
        "trial.\n\nWhen tumours also carried a CDK4 alteration, the response rate rose to 33%."
    )
    outcome = next(o for f in facts.facts if isinstance(o := f.statement, Outcome) and o.value == 33)
    assert outcome.arm == ("binimetinib", "ribociclib")


def test_a_named_population_is_a_subgroup() -> None:
    text = TWO_ARMS + "In the AKT pathway-altered population, the median PFS was 7.3 months versus 3.1 months."
    assert {o.subgroup for o in outcomes(text)} == {"akt pathway-altered population"}


def test_a_figure_with_no_arm_named_goes_to_the_drugs_given_together() -> None:
    text = (
        "Regulators approved dabrafenib with trametinib for solid tumours. In the basket trial ORBIT, 131 patients "
        "with rare cancers were treated, and the overall response rate was 41%."
    )
    assert keyed(text) == {(("dabrafenib", "trametinib"), "ORR", "rate", 41.0)}


def test_a_molecular_response_is_not_an_objective_response() -> None:
    text = (
        "In the phase 3 HARBOUR trial, 400 patients with chronic myeloid leukaemia were randomized to zeltinib "
        "or imatinib. Major molecular response (MMR) was achieved by 68% and 49% of patients. MMR rates in "
        "the imatinib stratum were 69% versus 40%. The objective response rate was 30% versus 20%."
    )
    assert {(arm, endpoint, value) for arm, endpoint, _measure, value in keyed(text)} == {
        (("zeltinib",), "ORR", 30.0),
        (("imatinib",), "ORR", 20.0),
    }


def test_survival_unqualified_is_overall_survival_and_time_to_next_treatment_is_no_endpoint() -> None:
    text = TWO_ARMS + (
        "Median PFS was 9.1 versus 4.0 months (HR 0.50). Time to next treatment also favoured abemaciclib "
        "(HR 0.45). The survival benefit was seen in older patients (HR 0.70)."
    )
    assert {(endpoint, value) for _arm, _comparator, endpoint, value in ratios(text)} == {
        ("PFS", 0.50),
        ("OS", 0.70),
    }


def test_a_list_of_populations_each_bracketing_a_ratio_gives_each_its_subgroup() -> None:
    text = TWO_ARMS + (
        "The survival advantage held in prespecified subgroups, including patients with visceral metastases "
        "(HR 0.72), those with bone-only disease (HR 0.51) and those pretreated with tamoxifen (HR 0.65)."
    )
    assert {(o.value, o.subgroup) for o in outcomes(text)} == {
        (0.72, "visceral metastases"),
        (0.51, "bone-only disease"),
        (0.65, "prior tamoxifen"),
    }


def test_ratios_listed_in_a_bracket_after_their_subgroups() -> None:
    text = TWO_ARMS + (
        "Median PFS was 9.1 versus 4.0 months (HR 0.50). The effect held in both mutation subgroups "
        "(visceral disease, HR 0.47; bone-only disease, HR 0.58). Overall survival was immature (OS, HR 0.81)."
    )
    assert {(o.endpoint, o.value, o.subgroup) for o in outcomes(text) if o.measure == "HR"} == {
        ("PFS", 0.50, None),
        ("PFS", 0.47, "visceral disease"),
        ("PFS", 0.58, "bone-only disease"),
        ("OS", 0.81, None),
    }


def test_that_cohort_is_the_cohort_the_sentence_before_named_and_a_cohort_without_a_marker() -> None:
    text = TWO_ARMS + (
        "The primary end point was PFS in the ESR1-mutated cohort, which included 200 patients. In that cohort, "
        "median PFS was 9.1 versus 4.0 months (HR 0.50). In the cohort without ESR1 mutations, the HR was 0.90."
    )
    assert {(o.value, o.subgroup) for o in outcomes(text)} == {
        (9.1, "esr1-mutated cohort"),
        (4.0, "esr1-mutated cohort"),
        (0.50, "esr1-mutated cohort"),
        (0.90, "cohort without esr1 mutations"),
    }


def test_each_figure_takes_the_population_named_last_before_it() -> None:
    text = TWO_ARMS + (
        "In patients with visceral disease, median PFS was 8.0 versus 4.1 months (HR 0.55), while among those "
        "with bone-only disease the HR was 0.92. In those with ESR1 mutations, median PFS was 7.0 versus 3.0 "
        "months (HR 0.40); in all randomised patients it was 9.1 versus 4.0 months (HR 0.50)."
    )
    assert {(o.value, o.subgroup) for o in outcomes(text)} == {
        (8.0, "visceral disease"),
        (4.1, "visceral disease"),
        (0.55, "visceral disease"),
        (0.92, "bone-only disease"),
        (7.0, "esr1 mutations"),
        (3.0, "esr1 mutations"),
        (0.40, "esr1 mutations"),
        (9.1, None),
        (4.0, None),
        (0.50, None),
    }


def test_rates_per_dose_level_and_the_single_agent_arm_of_a_dose_escalation() -> None:
    text = (
        "Alectinib with or without chemotherapy in neuroblastoma: a phase 1 trial\n\n"
        "Patients received alectinib monotherapy. A separate arm evaluated alectinib combined with "
        "cyclophosphamide and topotecan.\n\n"
        "Among the 30 children treated with alectinib alone, nine (30%) had an objective response. Response "
        "rates by dose were 0/3 (0%) at 40 mg/m\u00b2 and 5/12 (42%) at 120 mg/m\u00b2. In the "
        "combination arm, 10 of 18 evaluable patients (56%) had an objective response."
    )
    assert {(o.arm, o.value, o.subgroup) for o in outcomes(text)} == {
        (("alectinib",), 30.0, None),
        (("alectinib",), 0.0, "40 mg/m\u00b2 dose level"),
        (("alectinib",), 42.0, "120 mg/m\u00b2 dose level"),
        (("alectinib", "cyclophosphamide", "topotecan"), 56.0, None),
    }


def test_bulleted_subgroup_ratios_in_a_new_paragraph_keep_the_trials_endpoint() -> None:
    text = (
        "In the phase 3 ORBIT trial, two hundred forty patients were randomly assigned to abemaciclib or placebo.\n\n"
        "Median progression-free survival was 20.1 months with abemaciclib and 9.0 months with placebo (HR 0.45).\n\n"
        "The benefit was consistent across prespecified subgroups:\n"
        "- in patients with visceral metastases (liver or lung), HR 0.48;\n"
        "- in those aged 65 or older, HR 0.44, and in patients younger than 65 years, HR 0.35."
    )
    assert {(o.endpoint, o.value, o.subgroup) for o in outcomes(text) if o.measure == "HR"} == {
        ("PFS", 0.45, None),
        ("PFS", 0.48, "visceral metastases"),
        ("PFS", 0.35, "younger than 65 years"),
        ("PFS", 0.44, "aged 65 or older"),
    }
    assert {d.n_enrolled for f in read(text).facts if isinstance(d := f.statement, TrialDesign)} == {240}


def test_a_follow_up_time_is_no_median_of_an_endpoint() -> None:
    text = TWO_ARMS + (
        "Median PFS was 9.1 versus 4.0 months.\n\nThe trial followed patients for a median of 40.9 months."
    )
    assert {o.value for o in outcomes(text)} == {9.1, 4.0}


def test_dose_cohorts_keep_their_dose_and_a_later_clause_population_or_prevalence_is_not_the_figures() -> None:
    text = (
        "This open-label phase 1 trial (NCT09990077) gave teclistamab to 80 patients. The ORR was 10.0% (2/20) in "
        "the 0.1\u20131 mg cohorts and 35.0% (14/40) in the 10 mg cohort. Median duration of response was 11.0 "
        "months; among responders at 10 mg the median had not been reached. Of 60 patients with tissue, 95% had "
        "DLL3-positive tumours; responses occurred at every expression level."
    )
    assert {(o.endpoint, o.value, o.subgroup) for o in outcomes(text)} == {
        ("ORR", 10.0, "0.1\u20131 mg cohort"),
        ("ORR", 35.0, "10 mg cohort"),
        ("DOR", 11.0, None),
    }


def test_that_group_and_a_subgroup_named_by_a_threshold_carry_their_subgroups() -> None:
    found = {
        (o.arm, o.measure, o.value, o.subgroup)
        for o in outcomes(
            "The phase 3 ORCA trial randomly assigned 640 patients to zanidatamab plus chemotherapy or to "
            "chemotherapy alone. Median overall survival was 18.0 versus 14.2 months (HR 0.78). Most of the "
            "benefit came from patients whose tumours had a PD-L1 score of 5 or more, who made up 60% of "
            "those enrolled. In that group, median overall survival was 19.9 versus 13.8 months (HR 0.70). "
            "In the PD-L1 <5 subgroup, the hazard ratio for death was 0.98."
        )
    }
    assert (("chemotherapy", "zanidatamab"), "median", 18.0, None) in found
    assert any(value == 19.9 and subgroup for _arm, _m, value, subgroup in found)
    assert any(value == 0.98 and subgroup == "pd-l1 <5 subgroup" for _arm, _m, value, subgroup in found)


def test_event_free_survival_and_complete_response_rates_are_not_reported() -> None:
    found = keyed(
        "The phase 3 ORCA trial assigned 300 adults to lisocabtagene maraleucel or standard of care. Median "
        "progression-free survival was 14.8 versus 5.7 months (HR 0.41). Median event-free survival was 10.1 "
        "versus 2.3 months (HR 0.35); the complete response rate reached 66% against 39%."
    )
    assert {(arm, value) for arm, _e, _m, value in found} == {
        (("lisocabtagene maraleucel",), 14.8),
        (("standard of care",), 5.7),
        (("lisocabtagene maraleucel",), 0.41),
    }


# ---- three arms, lists and brackets ----------------------------------------------------------------

THREE_ARMS = (
    "The phase 3 DELTA trial randomised 900 adults 1:1:1 to nivolumab plus fluorouracil and cisplatin, "
    "nivolumab plus ipilimumab, or fluorouracil plus cisplatin alone. "
)
NIVO_CHEMO, NIVO_IPI, CHEMO = (
    ("cisplatin", "fluorouracil", "nivolumab"),
    ("ipilimumab", "nivolumab"),
    (
        "cisplatin",
        "fluorouracil",
    ),
)


def test_ratios_listed_respectively_are_the_experimental_arms_against_control() -> None:
    text = THREE_ARMS + (
        "Median OS was 15 months with nivolumab plus chemotherapy and 14 months with nivolumab plus "
        "ipilimumab, compared with 9 months with chemotherapy (HR 0.55 and 0.66, respectively)."
    )
    assert ratios(text) == {(NIVO_CHEMO, CHEMO, "OS", 0.55), (NIVO_IPI, CHEMO, "OS", 0.66)}


def test_a_bracket_after_a_list_names_each_figure_arm() -> None:
    text = (
        THREE_ARMS
        + "OS (median): 15.1 vs 13.2 vs 9.4 months (nivolumab + chemotherapy vs nivolumab + ipilimumab vs chemo)"
    )
    assert keyed(text) == {
        (NIVO_CHEMO, "OS", "median", 15.1),
        (NIVO_IPI, "OS", "median", 13.2),
        (CHEMO, "OS", "median", 9.4),
    }


def test_ratios_of_a_line_against_one_arm() -> None:
    text = (
        THREE_ARMS
        + "\n- PFS hazard ratio vs chemotherapy: 0.66 (nivolumab + chemotherapy); 1.03 (nivolumab + ipilimumab)\n"
    )
    assert ratios(text) == {(NIVO_CHEMO, CHEMO, "PFS", 0.66), (NIVO_IPI, CHEMO, "PFS", 1.03)}


def test_the_class_combination_is_the_arm_adding_a_drug_to_the_class() -> None:
    text = THREE_ARMS + "Across all patients, median OS reached 13.4 months with the chemotherapy combination."
    assert keyed(text) == {(NIVO_CHEMO, "OS", "median", 13.4)}


def test_the_bracketed_population_of_a_list_heading_is_its_bullets_subgroup() -> None:
    text = THREE_ARMS + (
        "\n\nFigures for the biomarker group (PD-L1 \u22651%):\n"
        "- Median PFS: 7.1 vs 4.2 vs 4.6 months\n\n"
        "Median OS was 13.0 months with nivolumab plus chemotherapy."
    )
    subgroups = {(o.value, o.subgroup) for o in outcomes(text)}
    assert subgroups == {(7.1, "pd-l1 \u22651%"), (4.2, "pd-l1 \u22651%"), (4.6, "pd-l1 \u22651%"), (13.0, None)}


def test_the_chemotherapy_group_of_a_physicians_choice_trial() -> None:
    text = (
        "In this phase 3 trial (NEXUS), we randomly assigned 540 patients to pembrolizumab or investigator's "
        "choice chemotherapy (docetaxel, paclitaxel, or vinflunine). Median overall survival was 10.1 "
        "months in the pembrolizumab group versus 7.2 months in the chemotherapy group."
    )
    assert keyed(text) == {
        (("pembrolizumab",), "OS", "median", 10.1),
        (("investigator's choice",), "OS", "median", 7.2),
    }


def test_a_difference_of_about_n_months_is_no_median() -> None:
    text = TWO_ARMS + "Abemaciclib lengthened overall survival (by approximately 3 months)."
    assert keyed(text) == set()


def test_a_square_bracketed_interval_keeps_a_list_together() -> None:
    text = TWO_ARMS + (
        "Survival was longer with abemaciclib than with placebo (median 13.5 months [95% CI 10.9-15.6] "
        "vs 11.5 months [9.6-13.0])."
    )
    assert keyed(text) == {(COMBO, "OS", "median", 13.5), (BACKBONE, "OS", "median", 11.5)}


def test_that_marker_positive_group_is_a_subgroup() -> None:
    text = (
        TWO_ARMS
        + "In that HER2-positive group, median PFS was 9.9 months with abemaciclib and 5.1 months with placebo."
    )
    assert {o.subgroup for o in outcomes(text)} == {"her2-positive group"}


def test_one_disease_of_a_trial_of_several_is_a_subgroup() -> None:
    text = (
        "The phase 3 SPAN trial randomly assigned 450 adults with liposarcoma or leiomyosarcoma to eribulin or "
        "dacarbazine. In liposarcoma, median overall survival was 15.5 months with eribulin and 8.5 months with "
        "dacarbazine. Overall, median overall survival was 13.4 versus 11.6 months."
    )
    assert {(o.value, o.subgroup) for o in outcomes(text)} == {
        (15.5, "liposarcoma"),
        (8.5, "liposarcoma"),
        (13.4, None),
        (11.6, None),
    }


def test_labelled_lines_under_a_heading_are_subgroup_figures() -> None:
    text = TWO_ARMS + (
        "Median overall survival was 24.5 months with abemaciclib and 14.9 months with placebo, a gain of "
        "nearly ten months.\n\n"
        "Results in selected groups (median OS, abemaciclib vs. placebo):\n"
        "  Residual disease at entry: 14.2 vs. 10.1 months\n"
        "  No residual disease at entry: 30.4 vs. 24.1 months\n"
    )
    found = {(o.arm, o.value, o.subgroup is not None) for o in outcomes(text)}
    assert found == {
        (COMBO, 24.5, False),
        (BACKBONE, 14.9, False),
        (COMBO, 14.2, True),
        (BACKBONE, 10.1, True),
        (COMBO, 30.4, True),
        (BACKBONE, 24.1, True),
    }


def test_a_subgroup_figure_repeated_in_a_summary_is_one_fact() -> None:
    text = TWO_ARMS + (
        "In that HER2-positive group, median PFS was 9.9 months with abemaciclib and 5.1 months with placebo.\n\n"
        "Key figures (HER2-positive):\n"
        "- Median PFS: 9.9 vs 5.1 months\n"
    )
    assert sorted(o.value for o in outcomes(text)) == [5.1, 9.9]


def test_two_subgroups_sharing_one_figure_keep_both() -> None:
    text = TWO_ARMS + (
        "PFS by biomarker:\n"
        "- BRCA-mutated (n=200): 36.9 vs 21.5 months\n"
        "- HRD-positive (n=380): 36.9 vs 17.4 months\n"
    )
    assert sorted((o.value, o.subgroup) for o in outcomes(text) if o.arm == COMBO) == [
        (36.9, "brca-mutated"),
        (36.9, "hrd-positive"),
    ]


def test_figures_by_dose_cohort_with_the_endpoint_named_after_them() -> None:
    text = (
        "The phase 2 LARK study randomly assigned 200 patients to zeltinib 2.5 mg/kg or 3.4 mg/kg. "
        "In all, 30 (31%; 97.5% CI 21-43) of 97 in the 2.5 mg/kg cohort and 34 (34%; 24-46) of "
        "99 in the 3.4 mg/kg cohort had an overall response. Median progression-free survival "
        "was 2.8 months with 2.5 mg/kg and 4.7 months with 3.4 mg/kg."
    )
    assert {(o.endpoint, o.value, o.subgroup) for o in outcomes(text)} == {
        ("ORR", 31.0, "2.5 mg/kg cohort"),
        ("ORR", 34.0, "3.4 mg/kg cohort"),
        ("PFS", 2.8, "2.5 mg/kg dose level"),
        ("PFS", 4.7, "3.4 mg/kg dose level"),
    }


def test_a_population_named_with_an_en_dash_is_a_subgroup() -> None:
    text = TWO_ARMS + "In the brain-metastasis\u2013negative population, median PFS was 5.5 months with abemaciclib."
    assert {o.subgroup for o in outcomes(text)} == {"brain-metastasis\u2013negative population"}


def test_a_stratum_stays_in_force_for_the_sentences_after_it() -> None:
    text = TWO_ARMS + (
        "In the wild-type KRAS stratum (n = 650), median PFS was 9.5 v 8.1 months. The response rate was 54% "
        "with abemaciclib and 47% with placebo.\n\nOverall, median OS was 20.1 v 18.2 months."
    )
    assert {(o.value, o.subgroup) for o in outcomes(text)} == {
        (9.5, "wild-type kras stratum"),
        (8.1, "wild-type kras stratum"),
        (54.0, "wild-type kras stratum"),
        (47.0, "wild-type kras stratum"),
        (20.1, None),
        (18.2, None),
    }


def test_what_patients_had_after_their_share_names_its_endpoint() -> None:
    text = (
        "KESTREL randomly assigned 790 patients to carfilzomib with lenalidomide and dexamethasone or to "
        "lenalidomide and dexamethasone alone (Rd). The rate of overall response was 87.0% with carfilzomib "
        "and 66.5% with Rd, and 31.5% and 9.5% of patients, respectively, had a complete response."
    )
    assert keyed(text) == {
        (("carfilzomib", "dexamethasone", "lenalidomide"), "ORR", "rate", 87.0),
        (("dexamethasone", "lenalidomide"), "ORR", "rate", 66.5),
    }


def test_patients_given_one_drug_and_those_given_another_are_two_arms() -> None:
    text = (
        "In the phase 3 HARBOR trial, 800 patients were randomly assigned to tebentafusp or to chemotherapy. "
        "Median overall survival did not differ between patients given tebentafusp (10.2 months) and those "
        "given chemotherapy (9.9 months)."
    )
    assert keyed(text) == {(("tebentafusp",), "OS", "median", 10.2), (("chemotherapy",), "OS", "median", 9.9)}


def test_a_share_of_patients_who_had_a_response_names_the_endpoint_after_the_arms() -> None:
    text = (
        "HARBOR randomly assigned 120 children to dabrafenib plus trametinib or to carboplatin plus vincristine. "
        "In all, 52% of the patients in the dabrafenib-trametinib group and 14% of those in the chemotherapy "
        "group had an overall response."
    )
    assert keyed(text) == {
        (("dabrafenib", "trametinib"), "ORR", "rate", 52.0),
        (("carboplatin", "vincristine"), "ORR", "rate", 14.0),
    }


def test_a_kind_of_treatment_in_a_physicians_choice_trial_is_the_choice_arm() -> None:
    text = (
        "HARBOR assigned 480 women to elacestrant or to physician's choice of fulvestrant or an aromatase "
        "inhibitor. Among those with ESR1 mutations, median PFS was 3.9 months with elacestrant versus 2.0 "
        "months with standard endocrine therapy."
    )
    assert {(o.arm, o.value) for o in outcomes(text)} == {(("elacestrant",), 3.9), (("physician's choice",), 2.0)}


def test_the_comparators_overall_figure_recurring_in_a_subgroup_is_kept() -> None:
    text = TWO_ARMS + (
        "Median PFS was 7.8 versus 2.1 months. Among patients with liver metastases, median PFS was 6.6 months "
        "with abemaciclib compared with 2.1 months with placebo."
    )
    assert {(o.value, o.subgroup) for o in outcomes(text) if o.measure == "median"} == {
        (7.8, None),
        (2.1, None),
        (6.6, "liver metastases"),
        (2.1, "liver metastases"),
    }


def test_a_population_named_inside_the_sentence_and_the_same_population_later() -> None:
    text = TWO_ARMS + (
        "Median OS in the PD-L1-high population was 13.0 months with abemaciclib and 11.9 months with placebo. "
        "In the same population, response rates were 30% and 21%."
    )
    assert {(o.value, o.subgroup) for o in outcomes(text)} == {
        (13.0, "pd-l1-high population"),
        (11.9, "pd-l1-high population"),
        (30.0, "pd-l1-high population"),
        (21.0, "pd-l1-high population"),
    }


def test_each_population_named_after_its_figures() -> None:
    text = TWO_ARMS + (
        "Median OS was 16.0 versus 14.0 months in the total population and 17.5 versus 13.1 months among "
        "patients with a high tumour mutational burden."
    )
    assert {(o.value, o.subgroup) for o in outcomes(text)} == {
        (16.0, None),
        (14.0, None),
        (17.5, "high tumour mutational burden"),
        (13.1, "high tumour mutational burden"),
    }


def test_a_counted_population_before_a_ratio_further_on_is_its_subgroup() -> None:
    text = TWO_ARMS + (
        "Median PFS was 7.8 versus 2.1 months (HR 0.55). The benefit seen in the 240 patients without any "
        "detectable ESR1 mutation was modest (HR 0.88)."
    )
    assert {(o.value, o.subgroup) for o in outcomes(text) if o.measure == "HR"} == {
        (0.55, None),
        (0.88, "no detectable esr1 mutation"),
    }


def test_lines_whose_label_gives_the_unit() -> None:
    text = TWO_ARMS + "Efficacy (abemaciclib vs placebo)\nmPFS, mo: 8.1 vs 5.0; HR 0.60\nORR, %: 48.5 vs 30.2\n"
    assert keyed(text) == {
        (COMBO, "PFS", "median", 8.1),
        (BACKBONE, "PFS", "median", 5.0),
        (COMBO, "PFS", "HR", 0.6),
        (COMBO, "ORR", "rate", 48.5),
        (BACKBONE, "ORR", "rate", 30.2),
    }


def test_a_list_of_figures_then_the_groups_they_are_for() -> None:
    text = (
        "HARBOR randomly assigned 800 patients (2:1:1) to lenvatinib plus pembrolizumab, sorafenib, or "
        "lenvatinib. Responses occurred in 24%, 7% and 15% of patients in the combination, sorafenib and "
        "lenvatinib groups."
    )
    assert {(o.arm, o.value) for o in outcomes(text)} == {
        (("lenvatinib", "pembrolizumab"), 24.0),
        (("sorafenib",), 7.0),
        (("lenvatinib",), 15.0),
    }


def test_abbreviated_patients_and_a_population_before_a_colon() -> None:
    text = (
        "In the phase 3 HARBOR trial, 640 pts were randomized to tislelizumab plus chemotherapy (n=321) or "
        "placebo plus chemotherapy (n=319). "
        "OS benefit held across "
        "subgroups, incl. pts with PD-L1 \u226510% (n=300): mOS 15.9 vs 10.4 mo (HR 0.61)."
    )
    facts = read(text)
    assert {d.n_enrolled for d in facts_of(facts, TrialDesign)} == {640}
    assert {o.subgroup for o in facts_of(facts, Outcome)} == {"pd-l1 \u226510%"}


def facts_of(facts: PaperFacts, kind: type) -> list:
    return [f.statement for f in facts.facts if isinstance(f.statement, kind)]


def test_a_respectively_list_reaches_no_agent_after_it() -> None:
    text = (
        "HARBOR randomly assigned 300 patients to nivolumab plus ipilimumab or to dabrafenib plus trametinib. "
        "Median PFS was 11.0 months with nivolumab plus ipilimumab and 8.0 months with dabrafenib plus "
        "trametinib. Response rates were similar \u2014 45% and 41%, respectively \u2014 but responses to "
        "immunotherapy lasted longer."
    )
    assert {(o.arm, o.value) for o in outcomes(text) if o.endpoint == "ORR"} == {
        (("ipilimumab", "nivolumab"), 45.0),
        (("dabrafenib", "trametinib"), 41.0),
    }


# ---- landmark rates --------------------------------------------------------------------------------

LANDMARK_TRIAL = (
    "The phase 3 CORAL-5 trial randomly assigned 500 patients to zanidatamab plus docetaxel or to docetaxel "
    "alone. "
)
ZANI, DOCE = ("docetaxel", "zanidatamab"), ("docetaxel",)


def landmarks(text: str) -> set[tuple[tuple[str, ...], str, float, str | None]]:
    return {(o.arm, o.endpoint, o.value, o.timepoint) for o in outcomes(text) if o.measure == "rate"}


@pytest.mark.parametrize(
    ("sentence", "endpoint", "timepoint"),
    [
        ("The 18-month overall survival rate was 52.0% versus 38.5%.", "OS", "18 months"),
        ("Three-year progression-free survival was 52.0% and 38.5%, respectively.", "PFS", "3 years"),
        ("At two years, 52.0% of patients given zanidatamab plus docetaxel were alive, against 38.5% of those "
         "given docetaxel alone.", "OS", "2 years"),
        ("At 1 year, 52.0% and 38.5% of the patients, respectively, remained alive and free of progression.",
         "PFS", "1 year"),
        ("In all, 52.0% and 38.5% of patients, respectively, were still alive at 30 months.", "OS", "30 months"),
    ],
)
def test_a_share_counted_at_a_landmark_time_is_a_survival_rate(sentence: str, endpoint: str, timepoint: str) -> None:
    assert landmarks(LANDMARK_TRIAL + sentence) == {
        (ZANI, endpoint, 52.0, timepoint),
        (DOCE, endpoint, 38.5, timepoint),
    }


def test_a_share_without_a_landmark_time_is_no_survival_rate() -> None:
    text = LANDMARK_TRIAL + "Overall survival favoured the combination; 52.0% versus 38.5% had died."
    assert landmarks(text) == set()


def test_deaths_counted_at_a_landmark_are_not_a_survival_rate() -> None:
    assert landmarks(LANDMARK_TRIAL + "The 2-year mortality was 12.0% versus 20.5%.") == set()


def test_a_landmark_in_another_clause_leaves_a_response_rate_alone() -> None:
    text = LANDMARK_TRIAL + (
        "The 2-year overall survival rate was 52.0% versus 38.5%, whereas 40% and 22% of patients responded."
    )
    assert {(arm, endpoint, value) for arm, endpoint, value, _t in landmarks(text)} == {
        (ZANI, "OS", 52.0),
        (DOCE, "OS", 38.5),
        (ZANI, "ORR", 40.0),
        (DOCE, "ORR", 22.0),
    }
    assert {t for _a, endpoint, _v, t in landmarks(text) if endpoint == "ORR"} == {None}


def test_a_difference_between_arms_is_no_rate() -> None:
    text = LANDMARK_TRIAL + (
        "The 2-year overall survival rate was 52.0% versus 38.5%. A 13.5% absolute difference in two-year overall "
        "survival is worth its cost."
    )
    assert 13.5 not in {value for _a, _e, value, _t in landmarks(text)}


def test_a_backbone_named_after_the_arms_joins_each_of_them() -> None:
    facts = read(
        "The ALDER-5 trial randomised 450 patients 2:1 to the PD-1 antibody zelvolimab or to placebo, again on a "
        "cisplatin-etoposide backbone. Median OS was 14.8 versus 11.2 months (HR 0.66)."
    )
    arms = {a.drugs for f in facts.facts if isinstance(a := f.statement, Arm)}
    assert arms == {("cisplatin", "etoposide", "zelvolimab"), ("cisplatin", "etoposide")}


def test_a_drug_named_in_a_passing_description_does_not_lead_a_list() -> None:
    assert keyed(
        "In the phase 3 ORCA-2 trial, 500 patients were assigned to zeltinib or chemotherapy. The gain was "
        "largest in sarcomatoid tumours, a subtype that resists chemotherapy: median OS in that subgroup was "
        "17.0 versus 9.1 months."
    ) == {(("zeltinib",), "OS", "median", 17.0), (("chemotherapy",), "OS", "median", 9.1)}


def test_the_corresponding_figures_are_of_the_endpoint_before() -> None:
    assert keyed(
        "In the phase 3 ORCA-3 trial, 500 patients were assigned to zeltinib or chemotherapy. Median OS was "
        "20.1 versus 15.0 months (HR 0.75). Among older patients, the corresponding figures were 16.4 and "
        "14.9 months."
    ) >= {(("zeltinib",), "OS", "median", 16.4), (("chemotherapy",), "OS", "median", 14.9)}


def test_rates_said_to_be_similar_at_two_figures_are_both_results() -> None:
    assert keyed(TWO_ARMS + "Response rates were similar at 38% and 41%, respectively.") == {
        (COMBO, "ORR", "rate", 38.0),
        (BACKBONE, "ORR", "rate", 41.0),
    }


# ---- bare pairs, three arms and lists of groups ---------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Progression-free survival was longer with the combination, at 7.4 versus 5.1 months.",
        "Progression-free survival favoured the combination: 7.4 versus 5.1 months (HR 0.70).",
    ],
)
def test_a_pair_compared_after_at_is_two_medians(sentence: str) -> None:
    assert {(arm, value) for arm, endpoint, measure, value in keyed(TWO_ARMS + sentence) if measure == "median"} == {
        (COMBO, 7.4),
        (BACKBONE, 5.1),
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "Across the whole population the figures were 13.8 versus 8.2 months (HR 0.62).",
        "Even without a biomarker there was a modest gain, 13.8 versus 8.2 months (HR 0.62).",
    ],
)
def test_a_bare_pair_takes_the_endpoint_of_the_figures_before(sentence: str) -> None:
    text = TWO_ARMS + "Median PFS was 16.4 months with abemaciclib and 9.3 months with placebo (HR 0.55). " + sentence
    assert {(COMBO, "PFS", "median", 13.8), (BACKBONE, "PFS", "median", 8.2)} <= keyed(text)


ZELTINIB_ARMS = (
    "In the phase 3 ORBIT trial, patients were randomly assigned to zeltinib alone, zeltinib plus "
    "carboplatin and paclitaxel, or cetuximab plus carboplatin and paclitaxel. "
)


def test_of_three_arms_a_subject_arm_is_compared_with_the_arm_the_text_compares_others_with() -> None:
    text = (
        ZELTINIB_ARMS + "Zeltinib alone prolonged OS over cetuximab-chemotherapy (14.9 vs 10.7 months; HR 0.61). "
        "Zeltinib with chemotherapy also improved OS (13.0 vs 10.8 months; HR 0.77)."
    )
    with_chemo, control = ("carboplatin", "paclitaxel", "zeltinib"), ("carboplatin", "cetuximab", "paclitaxel")
    assert {(with_chemo, "OS", "median", 13.0), (control, "OS", "median", 10.8)} <= keyed(text)
    assert (with_chemo, control, "OS", 0.77) in ratios(text)


def test_groups_listed_by_their_hyphenated_names_take_a_figure_each() -> None:
    text = (
        ZELTINIB_ARMS + "Responses occurred in 17%, 36% and 33% of patients in the monotherapy, "
        "zeltinib-chemotherapy and cetuximab-chemotherapy groups, respectively."
    )
    assert {(arm, value) for arm, _e, _m, value in keyed(text)} == {
        (("zeltinib",), 17.0),
        (("carboplatin", "paclitaxel", "zeltinib"), 36.0),
        (("carboplatin", "cetuximab", "paclitaxel"), 33.0),
    }


def test_residual_disease_negativity_reached_is_no_response_rate() -> None:
    text = TWO_ARMS + (
        "Responses were frequent in both groups (86% vs 82%), but 33% of abemaciclib patients reached minimal "
        "residual disease negativity, versus 15% with placebo."
    )
    assert {value for _a, _e, _m, value in keyed(text)} == {86.0, 82.0}


def test_a_rate_with_the_drug_against_one_without_it() -> None:
    text = TWO_ARMS + "The objective response rate stood at 72.6% with the drug compared with 60.1% without it."
    assert {(arm, value) for arm, _e, _m, value in keyed(text)} == {(COMBO, 72.6), (BACKBONE, 60.1)}


def test_a_hazard_ratio_for_a_population_whose_name_holds_a_digit() -> None:
    text = TWO_ARMS + "The hazard ratio for death in the HER2-low population was 0.83 (95% CI 0.66-1.05)."
    assert {value for _a, _c, _e, value in ratios(text)} == {0.83}


def test_figures_after_a_label_that_names_their_unit_and_arms_parted_by_a_semicolon() -> None:
    text = (
        "REFLECT (NCT09990501) randomised 954 patients to lenvatinib (n = 478) or to sorafenib (n = 476).\n"
        "Overall survival, median in months (95% CI): LENVIMA 13.6 (12.1, 14.9); sorafenib 12.3 (10.4, 13.9)\n"
    )
    assert keyed(text) == {(("lenvatinib",), "OS", "median", 13.6), (("sorafenib",), "OS", "median", 12.3)}


def test_the_rows_under_a_heading_that_names_a_trial_are_that_trials() -> None:
    text = (
        "SELECT (NCT09990502) randomised 392 patients to lenvatinib or placebo.\n\n"
        "REFLECT (NCT09990503) randomised 954 patients to lenvatinib or sorafenib.\n\n"
        "Table 2. Efficacy results in REFLECT\n"
        "  Objective response rate: LENVIMA 41%; sorafenib 12%\n"
    )
    assert {(o.trial, o.arm, o.value) for o in outcomes(text)} == {
        ("REFLECT", ("lenvatinib",), 41.0),
        ("REFLECT", ("sorafenib",), 12.0),
    }


def test_median_durations_of_response_in_the_plural() -> None:
    text = TWO_ARMS + "The median durations of response were 8.3 and 6.0 months, respectively."
    assert {(arm, endpoint, value) for arm, endpoint, _m, value in keyed(text)} == {
        (COMBO, "DOR", 8.3),
        (BACKBONE, "DOR", 6.0),
    }


def test_figures_for_the_latter_two_groups_of_a_list() -> None:
    text = ZELTINIB_ARMS + (
        "Responses occurred in 17%, 36% and 33% of patients in the monotherapy, zeltinib-chemotherapy and "
        "cetuximab-chemotherapy groups, respectively, with median durations of response of 6.7 and 4.3 months in "
        "the latter two."
    )
    assert {(arm, value) for arm, endpoint, _m, value in keyed(text) if endpoint == "DOR"} == {
        (("carboplatin", "paclitaxel", "zeltinib"), 6.7),
        (("carboplatin", "cetuximab", "paclitaxel"), 4.3),
    }


def test_a_caption_naming_a_trial_holds_up_to_a_blank_line() -> None:
    text = (
        "SELECT (NCT09990505) randomised 392 patients to lenvatinib or placebo.\n\n"
        "REFLECT (NCT09990506) randomised 954 patients to lenvatinib or sorafenib.\n\n"
        "Table 2. Efficacy results in REFLECT\n"
        "  Objective response rate: LENVIMA 41%; sorafenib 12%\n\n"
        "In SELECT, the objective response rate was 65% with lenvatinib and 2% with placebo.\n"
        "  Median PFS was 18.3 months with lenvatinib and 3.6 months with placebo.\n"
    )
    assert {(o.trial, o.value) for o in outcomes(text)} == {
        ("REFLECT", 41.0),
        ("REFLECT", 12.0),
        ("SELECT", 65.0),
        ("SELECT", 2.0),
        ("SELECT", 18.3),
        ("SELECT", 3.6),
    }


def test_the_share_alive_without_radiographic_progression_is_a_pfs_rate() -> None:
    found = outcomes(
        TWO_ARMS + "The percentage of patients alive without radiographic progression at 24 months was 68.2% with "
        "abemaciclib and 47.5% with placebo."
    )
    assert {(o.endpoint, o.value, o.timepoint) for o in found} == {
        ("PFS", 68.2, "24 months"),
        ("PFS", 47.5, "24 months"),
    }


def test_a_rate_for_patients_with_a_mutation_and_one_for_those_with_a_fusion() -> None:
    found = outcomes(
        "In the single-group phase 2 ORCA-3 trial, 99 patients received zeltinib. Responses occurred in 49% of "
        "patients with FGFR3 mutations and in 16% of those with fusions."
    )
    assert {(o.value, o.subgroup) for o in found} == {(49.0, "fgfr3 mutations"), (16.0, "fusions")}


def test_a_threshold_of_months_is_no_median() -> None:
    found = outcomes("In the phase 1 ORCA-4 trial, 43 patients received zeltinib. Response lasted >= 6 months in 22.")
    assert not [o for o in found if o.endpoint == "DOR"]


def test_landmark_rates_of_two_endpoints_in_turn() -> None:
    found = outcomes(
        "In this single-arm phase 2 trial (NCT09990124), 50 patients received zeltinib. The 24-month "
        "progression-free and overall survival rates were 48.3% and 68.7%, respectively."
    )
    assert {(o.endpoint, o.value) for o in found} == {("PFS", 48.3), ("OS", 68.7)}


def test_a_median_after_one_not_reached_is_the_other_arms() -> None:
    assert keyed(TWO_ARMS + "Median overall survival was not reached versus 26.4 months (HR 0.70).") >= {
        (BACKBONE, "OS", "median", 26.4)
    }


def test_the_arm_a_verdict_favoured_does_not_start_the_list_after_it() -> None:
    found = keyed(TWO_ARMS + "In older patients, outcomes favoured fulvestrant: the response rate was 20% versus 35%.")
    assert found == {(COMBO, "ORR", "rate", 20.0), (BACKBONE, "ORR", "rate", 35.0)}
