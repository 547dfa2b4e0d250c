"""Trials, arms and enrolment, one mechanism at a time, on sentences written for these tests."""

from __future__ import annotations

import pytest

from kg.model import Arm, Combination, Outcome, PaperFacts, TrialDesign
from tests.reading import arm_sets, arms_of, designs, read, statements


def sizes(facts: PaperFacts) -> dict[str, int | None]:
    return {d.trial: d.n_enrolled for d in statements(facts, TrialDesign)}


# ---- which drugs make an arm -------------------------------------------------------------------


def test_adding_a_described_drug_to_a_doublet() -> None:
    facts = read(
        "In the phase 3 ORBIT trial, adding the MEK inhibitor binimetinib to encorafenib and cetuximab "
        "lengthened survival."
    )
    assert arm_sets(facts) == {("binimetinib", "cetuximab", "encorafenib"), ("cetuximab", "encorafenib")}


@pytest.mark.parametrize(
    "text",
    [
        "Sotorasib with or without panitumumab in KRAS G12C colorectal cancer: the phase 2 ORCA trial.",
        "In the phase 2 ORCA trial, patients received sotorasib alone or in combination with panitumumab.",
        "ORCA, another phase 2 trial, gave sotorasib, alone or with the anti-EGFR antibody panitumumab.",
    ],
)
def test_a_drug_with_or_without_a_partner_is_two_arms(text: str) -> None:
    facts = read(text)
    assert {d.trial for d in statements(facts, TrialDesign)} == {"ORCA"}
    assert arm_sets(facts) == {("panitumumab", "sotorasib"), ("sotorasib",)}


def test_a_serial_list_closed_by_and_is_one_arm() -> None:
    facts = read(
        "In the phase 3 ORBIT trial, patients were randomly assigned to the triplet (encorafenib, "
        "binimetinib and cetuximab) or to irinotecan."
    )
    assert arm_sets(facts) == {("binimetinib", "cetuximab", "encorafenib"), ("irinotecan",)}


def test_a_list_of_regimens_with_alone_is_three_arms() -> None:
    facts = read(
        "In the phase 3 ORBIT trial, 700 patients were randomly assigned to relatlimab plus nivolumab, "
        "nivolumab alone, or relatlimab alone."
    )
    assert arm_sets(facts) == {("nivolumab", "relatlimab"), ("nivolumab",), ("relatlimab",)}


def test_two_pairs_sharing_a_drug_are_two_arms() -> None:
    facts = read(
        "The phase 3 ORBIT study randomly assigned 900 patients to lenvatinib plus pembrolizumab, "
        "lenvatinib plus everolimus, or sunitinib."
    )
    assert arm_sets(facts) == {("lenvatinib", "pembrolizumab"), ("everolimus", "lenvatinib"), ("sunitinib",)}


def test_a_partner_given_to_each_arm() -> None:
    facts = read(
        "In the phase 3 ORBIT trial, 500 women were randomised to abemaciclib or placebo, each with fulvestrant."
    )
    assert arm_sets(facts) == {("abemaciclib", "fulvestrant"), ("fulvestrant",)}


def test_a_backbone_named_before_either() -> None:
    facts = read(
        "In this phase 2 study, patients were randomly assigned to docetaxel plus either selumetinib or placebo."
    )
    assert arm_sets(facts) == {("docetaxel", "selumetinib"), ("docetaxel",)}


def test_a_chemotherapy_backbone_with_a_drug_or_placebo() -> None:
    facts = read(
        "In this phase 3 study, patients were randomized to carboplatin and etoposide with atezolizumab or placebo."
    )
    assert arm_sets(facts) == {("atezolizumab", "carboplatin", "etoposide"), ("carboplatin", "etoposide")}


def test_a_targeted_pair_against_placebo_has_a_placebo_arm() -> None:
    facts = read("In this phase 3 study, patients were randomized to dabrafenib plus trametinib or placebo.")
    assert arm_sets(facts) == {("dabrafenib", "trametinib"), ("placebo",)}


def test_figures_of_a_placebo_arm_are_its_own_and_it_is_the_comparator() -> None:
    facts = statements(
        read(
            "In the phase 3 LUMEN trial, 240 patients with desmoid tumours were randomised to zeltinib (n = 120) "
            "or placebo (n = 120). Median PFS was 14.2 months with zeltinib and 6.1 months with placebo "
            "(HR 0.41, 95% CI 0.28-0.60). The response rate was 31% in the zeltinib group and 4% in the "
            "placebo group."
        ),
        Outcome,
    )
    found = {(o.arm, o.endpoint, o.measure, o.value, o.comparator) for o in facts}
    assert found == {
        (("zeltinib",), "PFS", "median", 14.2, None),
        (("placebo",), "PFS", "median", 6.1, None),
        (("zeltinib",), "PFS", "HR", 0.41, ("placebo",)),
        (("zeltinib",), "ORR", "rate", 31.0, None),
        (("placebo",), "ORR", "rate", 4.0, None),
    }


def test_the_placebo_arm_of_an_add_on_trial_is_the_backbone_arm() -> None:
    facts = read(
        "In the phase 3 ORBIT trial, 500 patients were randomized to zeltinib plus letrozole or placebo plus "
        "letrozole. Median PFS was 22.1 months with zeltinib and 14.0 months in the placebo arm."
    )
    assert arm_sets(facts) == {("letrozole", "zeltinib"), ("letrozole",)}
    found = {(o.arm, o.value) for o in statements(facts, Outcome)}
    assert found == {(("letrozole", "zeltinib"), 22.1), (("letrozole",), 14.0)}


def test_a_background_every_patient_received_joins_each_arm() -> None:
    facts = read(
        "In the phase 3 ORBIT trial, 600 patients were randomised 2:1 to zeltinib or placebo; all patients "
        "continued bevacizumab every 3 weeks."
    )
    assert arm_sets(facts) == {("bevacizumab", "zeltinib"), ("bevacizumab",)}


def test_a_background_told_in_a_sentence_of_its_own_joins_the_arms_listed_before() -> None:
    facts = read(
        "In the phase 3 ORBIT trial, 600 patients were randomly assigned to zeltinib (n=300) or placebo (n=300). "
        "All patients also received trastuzumab and chemotherapy with oxaliplatin plus either capecitabine or "
        "fluorouracil. Median OS was 15.1 months [95% CI 13.0-17.2] with zeltinib and 12.4 months [10.9-13.8] "
        "with placebo."
    )
    backbone = ("capecitabine", "fluorouracil", "oxaliplatin", "trastuzumab")
    experimental = ("capecitabine", "fluorouracil", "oxaliplatin", "trastuzumab", "zeltinib")
    assert arm_sets(facts) == {experimental, backbone}
    found = {(o.arm, o.value) for o in statements(facts, Outcome)}
    assert found == {(experimental, 15.1), (backbone, 12.4)}


def test_a_regimen_told_in_short_before_the_assignment_is_the_arm_it_assigns() -> None:
    facts = read(
        "The ORBIT investigators set out to replace rituximab with obinutuzumab. The phase 3 trial randomly "
        "assigned 900 patients to obinutuzumab or rituximab, each combined with chemotherapy chosen by the local "
        "investigator: bendamustine in most patients, otherwise CHOP. Infections were frequent among elderly "
        "patients treated with bendamustine."
    )
    assert arm_sets(facts) == {("chemotherapy", "obinutuzumab"), ("chemotherapy", "rituximab")}


def test_a_drug_s_own_placebo_controlled_trial_is_another_trial_against_placebo() -> None:
    facts = read(
        "The randomised phase 3 ORBIT trial enrolled 172 patients (113 assigned to zeltinib and 59 to "
        "placebo). The gain resembles that of sunitinib, which in its randomised, placebo-controlled "
        "phase 3 trial gave a median PFS of 11.4 months versus 5.5 months."
    )
    assert {frozenset(arms) for arms in arms_of(facts).values()} == {
        frozenset({("placebo",), ("zeltinib",)}),
        frozenset({("placebo",), ("sunitinib",)}),
    }
    assert {(arm.drugs, arm.n) for arm in statements(facts, Arm) if arm.n} == {(("zeltinib",), 113), (("placebo",), 59)}
    found = {(o.arm, o.value) for o in statements(facts, Outcome)}
    assert found == {(("sunitinib",), 11.4), (("placebo",), 5.5)}


def test_et_al_ends_no_clause_of_a_design_sentence() -> None:
    facts = read(
        "In the phase 3 ORBIT trial, Lindqvist et al. report that zeltinib prolonged survival as compared with "
        "chemotherapy among 600 patients who had previously received platinum-based chemotherapy."
    )
    assert arm_sets(facts) == {("zeltinib",), ("chemotherapy",)}


def test_placebo_controlled_names_no_arm_and_a_long_schedule_splits_nothing() -> None:
    facts = read(
        "This was a double-blind, placebo-controlled, phase 3 trial (ORBIT). Patients were randomly assigned "
        "to receive letrozole (2.5 mg orally once a day, taken in the morning or the evening, on every day of "
        "each 28-day cycle) plus either zeltinib (200 mg once daily) or matching placebo."
    )
    assert arm_sets(facts) == {("letrozole", "zeltinib"), ("letrozole",)}


def test_a_class_offered_as_a_choice_of_drugs_is_one_arm() -> None:
    facts = read(
        "In the phase 3 ORBIT trial, 500 patients were randomly assigned to osimertinib or a standard "
        "EGFR-TKI (gefitinib or erlotinib)."
    )
    assert arm_sets(facts) == {("osimertinib",), ("EGFR inhibitor",)}


@pytest.mark.parametrize(
    ("choice", "arm"),
    [
        ("physician's choice of chemotherapy", "physician's choice"),
        ("investigator's choice of chemotherapy", "chemotherapy"),
    ],
)
def test_physicians_choice_is_an_arm_and_investigators_choice_of_chemotherapy_is_chemotherapy(
    choice: str, arm: str
) -> None:
    facts = read(f"The phase 3 ORBIT trial randomized 500 patients to trastuzumab deruxtecan or {choice}.")
    assert arm_sets(facts) == {("trastuzumab deruxtecan",), (arm,)}


def test_drugs_of_a_prior_therapy_list_are_not_arms() -> None:
    facts = read(
        "In this single-arm phase 2 study, 80 patients who had previously received platinum-based "
        "chemotherapy and anti-PD-1 or anti-PD-L1 therapy were given adagrasib."
    )
    assert arm_sets(facts) == {("adagrasib",)}


def test_drugs_a_prior_regimen_had_to_include_are_not_arms() -> None:
    facts = read(
        "In the phase 3 ORBIT trial we enrolled adults with one or two previous regimens, which must have "
        "contained an anti-PD-1 antibody as well as a multikinase inhibitor. Patients were assigned to "
        "belzutifan or to cabozantinib."
    )
    assert arm_sets(facts) == {("belzutifan",), ("cabozantinib",)}


def test_a_comma_list_of_prior_drugs_is_prior_therapy() -> None:
    facts = read(
        "In the phase 3 ORBIT trial, patients previously treated with trastuzumab, pertuzumab and "
        "trastuzumab emtansine were randomized to tucatinib or placebo, each with capecitabine."
    )
    assert arm_sets(facts) == {("capecitabine", "tucatinib"), ("capecitabine",)}


def test_a_hedged_clause_names_no_arm() -> None:
    facts = read(
        "In the phase 2 ORBIT trial, 60 patients received amivantamab. Whether amivantamab should be given "
        "with carboplatin is an open question."
    )
    assert arm_sets(facts) == {("amivantamab",)}


def test_cohorts_joined_by_semicolons_each_give_an_arm_with_its_count() -> None:
    facts = read(
        "The phase 2 ORBIT study enrolled three cohorts. In cohort A, 70 patients received dabrafenib alone; "
        "in cohort B, 50 patients received dabrafenib plus trametinib."
    )
    assert {(a.drugs, a.n) for a in statements(facts, Arm)} == {
        (("dabrafenib",), 70),
        (("dabrafenib", "trametinib"), 50),
    }
    assert list(sizes(facts).values()) == [None]  # cohort counts are not the trial's enrolment


def test_counts_before_each_arm() -> None:
    facts = read(
        "In this phase 2 study, 87 patients were randomised: 44 to selumetinib plus docetaxel and 43 to "
        "placebo plus docetaxel."
    )
    assert {(a.drugs, a.n) for a in statements(facts, Arm)} == {
        (("docetaxel", "selumetinib"), 44),
        (("docetaxel",), 43),
    }


def test_an_arm_named_by_a_label_in_prose() -> None:
    facts = read(
        "Investigators randomly assigned 800 patients to arm A (paclitaxel and carboplatin) or arm B "
        "(paclitaxel and carboplatin plus bevacizumab). Median survival was 12.0 months in arm B."
    )
    outcome = next(o for f in facts.facts if isinstance(o := f.statement, Outcome))
    assert outcome.arm == ("bevacizumab", "carboplatin", "paclitaxel")


# ---- which trial, and how many patients ----------------------------------------------------------


def test_a_randomisation_sentence_starts_a_trial_without_a_name() -> None:
    facts = read("We randomly assigned 300 patients to pemetrexed or docetaxel.")
    assert arm_sets(facts) == {("pemetrexed",), ("docetaxel",)}
    assert list(sizes(facts).values()) == [300]


def test_a_name_given_later_to_the_same_trial() -> None:
    facts = read(
        "Nivolumab plus ipilimumab improved outcomes over ipilimumab in a phase 3 trial. In ORBIT, 900 "
        "patients were randomly assigned to nivolumab plus ipilimumab, nivolumab alone, or ipilimumab alone."
    )
    assert list(facts.trials) == ["ORBIT"]


def test_a_count_between_two_trials_belongs_to_the_first() -> None:
    facts = read(
        "Following a phase 2 study of pimasertib that enrolled 96 patients, the phase 3 ORBIT trial began. "
        "ORBIT randomized 388 patients to pimasertib or temozolomide."
    )
    assert sorted(n for n in sizes(facts).values() if n) == [96, 388]


def test_a_count_in_a_part_of_a_trial_is_not_its_enrolment() -> None:
    facts = read(
        "During the phase 2 portion of a phase 1b/2 study, 38 patients were given palbociclib with trametinib."
    )
    assert list(sizes(facts).values()) == [None]


def test_counts_in_a_long_population_phrase_and_after_patients_n() -> None:
    long = read(
        "In ORBIT, 556 patients with previously untreated advanced lung cancer harbouring an EGFR mutation "
        "(exon 19 deletion or L858R) were randomly assigned to osimertinib or gefitinib."
    )
    bracket = read("Patients (n=403) with untreated disease were randomized to atezolizumab or placebo.")
    assert list(sizes(long).values()) == [556]
    assert list(sizes(bracket).values()) == [403]


def test_a_trial_number_is_not_a_count() -> None:
    facts = read("In MERIDIAN-2, 668 women were randomised to ribociclib or placebo, both combined with letrozole.")
    assert list(sizes(facts).values()) == [668]


def test_a_phase_appositive_to_a_named_trial_is_that_trial() -> None:
    facts = read(
        "Ramucirumab plus docetaxel (ORBIT): a randomised phase 3 trial\n\nWe randomly assigned 1200 patients "
        "to docetaxel plus either ramucirumab or placebo."
    )
    assert list(facts.trials) == ["ORBIT"]
    assert statements(facts, TrialDesign)[0].phase == "3"


def test_tested_combinations_carry_their_trial() -> None:
    facts = read(
        "In the phase 3 ORBIT trial, 500 patients were randomized to dabrafenib plus trametinib or vemurafenib."
    )
    assert {(c.drugs, c.trial) for c in statements(facts, Combination)} == {(("dabrafenib", "trametinib"), "ORBIT")}


def test_a_class_given_in_place_of_a_drug_stays_in_the_tested_combination() -> None:
    facts = read(
        "In the phase 3 ORBIT trial, 400 patients were randomized to ivonescimab plus chemotherapy or "
        "placebo plus chemotherapy."
    )
    assert ("chemotherapy", "ivonescimab") in {c.drugs for c in statements(facts, Combination)}


def test_a_phase_mentioned_beside_a_named_trial_without_apposition_is_another_trial() -> None:
    facts = read(
        "Selumetinib looked promising in an early randomized phase 2 trial, so ORBIT was designed to confirm it. "
        "The trial assigned 129 patients to selumetinib plus dacarbazine or to placebo plus dacarbazine."
    )
    by_trial = {d.trial: (d.phase, d.n_enrolled) for d in statements(facts, TrialDesign)}
    assert by_trial["ORBIT"] == (None, 129)
    assert ("2", None) in by_trial.values()


def test_a_trial_named_after_its_noun_and_no_section_heading() -> None:
    facts = read(
        "Alectinib versus crizotinib: a randomised phase 3 trial\n\nBACKGROUND: Alectinib is selective.\n"
        "In the basket trial ORBIT, 131 patients received dabrafenib plus trametinib."
    )
    assert "BACKGROUND" not in facts.trials
    assert "ORBIT" in facts.trials


def test_numbered_registry_arms_answer_to_their_number_and_a_choice_label() -> None:
    facts = read(
        "Identifier: NCT09990004\nPhase: Phase 3\n\n"
        "Arm 1: Encorafenib + Cetuximab. Doublet regimen (n = 220)\n"
        "Arm 2: Investigator's choice. Irinotecan plus cetuximab or FOLFIRI plus cetuximab (n = 221)\n\n"
        "Outcome: Overall survival, median (95% CI), months\n"
        "Arm 1: 8.4 (7.5 to 11.0) | Arm 2: 5.4 (4.8 to 6.6)\n"
    )
    assert arm_sets(facts) == {("cetuximab", "encorafenib"), ("investigator's choice",)}
    assert {(o.arm, o.value) for f in facts.facts if isinstance(o := f.statement, Outcome)} == {
        (("cetuximab", "encorafenib"), 8.4),
        (("investigator's choice",), 5.4),
    }


def test_a_count_of_a_qualified_share_is_not_the_enrolment() -> None:
    facts = read(
        "In the ORBIT study, repotrectinib produced responses in 79% of 71 patients who were new to ROS1-targeted "
        "treatment."
    )
    assert list(sizes(facts).values()) == [None]


def test_of_three_arms_the_one_the_others_are_compared_with_is_the_control() -> None:
    facts = read(
        "The phase 3 HARBOUR trial randomised 1,000 patients to zeltinib plus durvalumab, durvalumab alone or "
        "sorafenib. Median OS was 16.0 months with the combination versus 13.5 months with sorafenib (HR 0.80). "
        "Single-agent durvalumab proved non-inferior to sorafenib: median OS 16.2 months (HR 0.87). Median PFS "
        "was 3.8, 3.7 and 4.0 months, respectively (HR 0.91)."
    )
    ratios = {o.value: (o.arm, o.comparator) for o in statements(facts, Outcome) if o.measure == "HR"}
    assert ratios == {
        0.80: (("durvalumab", "zeltinib"), ("sorafenib",)),
        0.87: (("durvalumab",), ("sorafenib",)),
        0.91: (("durvalumab", "zeltinib"), ("sorafenib",)),
    }


def test_a_bracketed_pair_compares_the_clause_arms_and_as_did_reuses_the_comparator() -> None:
    facts = read(
        "In the phase 3 HARBOUR trial, 900 patients were randomly assigned to zeltinib plus pembrolizumab, "
        "zeltinib plus everolimus, or sunitinib. Zeltinib plus pembrolizumab prolonged PFS compared with "
        "sunitinib (median, 23.9 v 9.2 months; HR, 0.39), as did zeltinib plus everolimus (median, 14.7 v "
        "9.2 months; HR, 0.65)."
    )
    found = {(o.arm, o.comparator, o.measure, o.value) for o in statements(facts, Outcome)}
    assert found == {
        (("pembrolizumab", "zeltinib"), None, "median", 23.9),
        (("sunitinib",), None, "median", 9.2),
        (("everolimus", "zeltinib"), None, "median", 14.7),
        (("pembrolizumab", "zeltinib"), ("sunitinib",), "HR", 0.39),
        (("everolimus", "zeltinib"), ("sunitinib",), "HR", 0.65),
    }


def test_an_allocation_ratio_of_three_arms() -> None:
    facts = read(
        "In the phase 3 HARBOUR trial, 600 patients were randomized 1:1:1 to zeltinib plus "
        "everolimus, zeltinib alone or everolimus alone."
    )
    assert arm_sets(facts) == {("everolimus", "zeltinib"), ("zeltinib",), ("everolimus",)}
    assert {d.allocation_ratio for d in statements(facts, TrialDesign)} == {"1:1:1"}


def test_a_long_description_between_adding_and_the_drug_keeps_the_add_on_design() -> None:
    facts = read(
        "In the phase III LYRA trial, adding the anti-programmed cell death ligand 1 (PD-L1) antibody "
        "durvalumab to gemcitabine\u2013cisplatin prolonged survival."
    )
    assert arms_of(facts) == {"LYRA": {("cisplatin", "durvalumab", "gemcitabine"), ("cisplatin", "gemcitabine")}}


def test_counts_listed_in_a_bracket_size_the_arms_they_name() -> None:
    facts = read(
        "In the phase 3 LYRA trial, patients were randomised to durvalumab or placebo, each combined with "
        "gemcitabine and cisplatin. Of 600 randomised patients (301 durvalumab, 299 placebo), 80 had "
        "intrahepatic disease."
    )
    assert {a.drugs: a.n for a in statements(facts, Arm)} == {
        ("cisplatin", "durvalumab", "gemcitabine"): 301,
        ("cisplatin", "gemcitabine"): 299,
    }


def test_slash_joined_names_are_one_trial_called_by_the_name_the_text_uses_most() -> None:
    facts = read(
        "Durvalumab with chemotherapy in biliary cancer: the GOG-7001/LYRA trial\n\n"
        "LYRA randomised 600 patients to durvalumab plus gemcitabine or gemcitabine alone. In LYRA, median "
        "overall survival was 12.8 versus 11.5 months."
    )
    assert set(designs(facts)) == {"LYRA"}


@pytest.mark.parametrize(
    "label",
    ["(chemotherapy)", "(hereafter, chemotherapy)", "(hereafter referred to as chemotherapy)"],
)
def test_a_regimen_labelled_with_its_class_is_that_class(label: str) -> None:
    facts = read(
        "In the phase 3 ORCA trial, patients were randomly assigned to ipilimumab plus nivolumab or to six "
        f"cycles of gemcitabine 1000 mg/m2 plus cisplatin or carboplatin every 3 weeks {label}. Median "
        "overall survival was 15.0 months with ipilimumab plus nivolumab and 12.0 months with chemotherapy."
    )
    assert arms_of(facts) == {"ORCA": {("ipilimumab", "nivolumab"), ("chemotherapy",)}}
    assert {"gemcitabine", "cisplatin", "carboplatin"} <= set(facts.drugs)


def test_a_drug_or_placebo_added_to_a_labelled_backbone() -> None:
    facts = read(
        "The phase 3 ORCA trial randomly assigned 600 patients to tislelizumab or placebo added to docetaxel "
        "plus carboplatin or cisplatin (hereafter chemotherapy), with bevacizumab added at the physician's "
        "discretion."
    )
    assert arms_of(facts) == {"ORCA": {("chemotherapy", "tislelizumab"), ("chemotherapy",)}}


def test_a_drug_given_with_and_after_a_therapy_is_combined_with_it() -> None:
    facts = read(
        "The phase 3 ORCA trial found that atezolizumab given with and after chemoradiotherapy did not improve "
        "PFS versus placebo plus chemoradiotherapy (HR 0.91)."
    )
    assert arms_of(facts) == {"ORCA": {("atezolizumab", "chemoradiotherapy"), ("chemoradiotherapy",)}}


def test_what_a_quoted_speaker_says_was_given_is_no_arm() -> None:
    facts = read(
        "The phase 3 ORCA trial randomly assigned 300 patients to alectinib or placebo.\n"
        "\u201cBefore ORCA, patients were usually offered durvalumab consolidation,\u201d said the investigator."
    )
    assert arms_of(facts) == {"ORCA": {("alectinib",), ("placebo",)}}


def test_a_sentence_saying_what_a_class_arm_consisted_of_adds_no_arms() -> None:
    facts = read(
        "In the phase 3 ORCA trial, patients were randomly assigned to nivolumab plus platinum-based "
        "chemotherapy or placebo plus platinum-based chemotherapy. Chemotherapy consisted of gemcitabine with "
        "either cisplatin or carboplatin. The PFS benefit was similar in the patients allocated to carboplatin."
    )
    assert arms_of(facts) == {"ORCA": {("chemotherapy", "nivolumab"), ("chemotherapy",)}}


@pytest.mark.parametrize(
    "backbone", ["platinum-based chemotherapy", "fluoropyrimidine\u2013platinum chemotherapy", "taxane chemotherapy"]
)
def test_an_arm_named_by_a_chemotherapy_phrase_is_chemotherapy(backbone: str) -> None:
    facts = read(f"The phase 3 ORCA trial assigned 500 patients to tislelizumab plus {backbone} or {backbone}.")
    assert arms_of(facts) == {"ORCA": {("chemotherapy", "tislelizumab"), ("chemotherapy",)}}


def test_a_class_arm_without_a_chemotherapy_head_keeps_its_class() -> None:
    facts = read("The phase 3 ORCA trial randomly assigned 500 patients to olaparib plus a taxane or a taxane.")
    assert arms_of(facts) == {"ORCA": {("olaparib", "taxane"), ("taxane",)}}


def test_options_between_dashes_and_a_described_backbone_make_no_arms() -> None:
    facts = read(
        "ORCA-1 randomised 1500 patients to sintilimab plus chemotherapy or placebo plus chemotherapy, the "
        "backbone being oxaliplatin with capecitabine or with S-1, as the centre preferred.\n\n"
        "ORCA-2 compared camrelizumab plus chemotherapy\u2014capecitabine plus oxaliplatin or FOLFOX\u2014with "
        "chemotherapy alone in 1200 patients."
    )
    assert arms_of(facts) == {
        "ORCA-1": {("chemotherapy", "sintilimab"), ("chemotherapy",)},
        "ORCA-2": {("camrelizumab", "chemotherapy"), ("chemotherapy",)},
    }


def test_a_plus_b_or_c_versus_d_gives_c_the_first_partner() -> None:
    facts = read(
        "Cabozantinib Plus Nivolumab or Everolimus Versus Sunitinib as Initial Therapy for Renal Cell "
        "Carcinoma: Final Analysis of the Phase III ORCA Trial\n\n"
        "ORCA compared both cabozantinib combinations with sunitinib. ORRs were 60.0%, 45.0%, and 30.0% in the "
        "three groups, respectively."
    )
    assert arms_of(facts) == {"ORCA": {("cabozantinib", "nivolumab"), ("cabozantinib", "everolimus"), ("sunitinib",)}}
    assert {(o.arm, o.value) for o in statements(facts, Outcome)} == {
        (("cabozantinib", "nivolumab"), 60.0),
        (("cabozantinib", "everolimus"), 45.0),
        (("sunitinib",), 30.0),
    }


@pytest.mark.parametrize(
    "title",
    [
        "Cabozantinib versus sunitinib in renal cell carcinoma: the phase III ORCA trial",
        "Cabozantinib versus sunitinib in renal cell carcinoma (ORCA): a phase III trial",
    ],
)
def test_a_title_comparing_two_drugs_names_the_arms(title: str) -> None:
    facts = read(f"{title}\n\nORCA enrolled 900 patients.")
    assert arms_of(facts) == {"ORCA": {("cabozantinib",), ("sunitinib",)}}


def test_a_partner_after_a_drug_or_placebo_and_counts_assigned_to_labelled_groups() -> None:
    facts = read(
        "In this phase 3 trial (ORCA), we randomly assigned patients to receive tislelizumab or placebo every 3 "
        "weeks, in combination with gemcitabine and oxaliplatin. A total of 600 patients underwent "
        "randomization: 301 were assigned to the tislelizumab group and 299 to the placebo group."
    )
    assert {a.drugs: a.n for a in statements(facts, Arm)} == {
        ("gemcitabine", "oxaliplatin", "tislelizumab"): 301,
        ("gemcitabine", "oxaliplatin"): 299,
    }


@pytest.mark.parametrize(
    "design",
    [
        "randomly assigned 610 adults to gilteritinib (305 patients) or placebo (305 patients), given with "
        "azacitidine and venetoclax",
        "randomised 610 adults to gilteritinib (305) or placebo (305) together with standard azacitidine "
        "and venetoclax",
    ],
)
def test_a_backbone_after_a_drug_or_placebo_is_in_both_arms(design: str) -> None:
    facts = read(f"The phase 3 ORCA trial {design}, followed by maintenance.")
    assert arm_sets(facts) == {("azacitidine", "gilteritinib", "venetoclax"), ("azacitidine", "venetoclax")}


def test_a_drug_named_again_for_a_later_phase_of_treatment_is_no_arm() -> None:
    facts = read(
        "The phase 3 ORCA trial randomly assigned 500 adults to gilteritinib or placebo, given with idarubicin "
        "and cytarabine induction, then cytarabine consolidation at a higher dose and finally maintenance alone."
    )
    assert arm_sets(facts) == {("cytarabine", "gilteritinib", "idarubicin"), ("cytarabine", "idarubicin")}


def test_a_placebo_arm_with_patients_of_its_own_beside_a_monotherapy_arm_stays_placebo() -> None:
    facts = read(
        "The phase 3 ORCA trial enrolled 700 patients. They were randomly assigned to atezolizumab (250 patients), "
        "to placebo (250 patients) or to atezolizumab plus tiragolumab (200 patients)."
    )
    assert {a.drugs: a.n for a in statements(facts, Arm)} == {
        ("atezolizumab",): 250,
        ("placebo",): 250,
        ("atezolizumab", "tiragolumab"): 200,
    }


def test_a_partner_given_in_each_case_and_an_alias_in_brackets() -> None:
    facts = read(
        "The phase 3 ORCA trial tested camrelizumab combined with rivoceranib (also known as apatinib). It "
        "randomly assigned 500 patients to camrelizumab (n = 250) or placebo (n = 250), in each case given "
        "with rivoceranib."
    )
    assert {a.drugs: a.n for a in statements(facts, Arm)} == {
        ("apatinib", "camrelizumab"): 250,
        ("apatinib",): 250,
    }


def test_standard_of_care_and_best_supportive_care_arms() -> None:
    facts = read(
        "The phase 3 ORCA trial assigned 300 adults to tisagenlecleucel or standard of care. Median "
        "progression-free survival was 12.1 months with tisagenlecleucel and 4.0 months with standard "
        "care (HR 0.45). The phase 3 LUMEN trial randomly assigned 600 patients to avelumab plus best "
        "supportive care or to best supportive care alone. Tisagenlecleucel may become a new standard "
        "of care; patients unsuitable for standard-of-care chemotherapy were excluded."
    )
    assert arms_of(facts) == {
        "ORCA": {("tisagenlecleucel",), ("standard of care",)},
        "LUMEN": {("avelumab",), ("best supportive care",)},
    }
    proposals = {c.drugs for c in statements(facts, Combination) if c.status == "proposed"}
    assert not any("standard of care" in drugs for drugs in proposals)


def test_a_listing_of_arms_resumes_after_a_maintenance_schedule() -> None:
    facts = read(
        "Adding durvalumab (Imfinzi) to standard gemcitabine\u2013carboplatin chemotherapy was the question. The "
        "phase 3 ORCA trial randomly assigned 600 carboplatin-eligible patients to durvalumab plus "
        "gemcitabine\u2013carboplatin for four cycles, followed by durvalumab maintenance for up to a year "
        "(300 patients), or to gemcitabine\u2013carboplatin alone (300 patients)."
    )
    assert {a.drugs: a.n for a in statements(facts, Arm)} == {
        ("carboplatin", "durvalumab", "gemcitabine"): 300,
        ("carboplatin", "gemcitabine"): 300,
    }


# ---- placebo, fixed pairs and passing mentions -----------------------------------------------------


def test_placebo_with_its_own_partner_is_the_partner_arm() -> None:
    facts = read(
        "In HARBOUR (phase 3), 900 men were randomly assigned 2:1 to enzalutamide with prednisone "
        "(600 men) or to placebo plus prednisone (300 men)."
    )
    assert arm_sets(facts) == {("enzalutamide", "prednisone"), ("prednisone",)}


def test_a_slash_joined_pair_against_placebo_keeps_the_placebo_arm() -> None:
    facts = read(
        "HARBOUR randomly assigned 500 patients to the tablet combination trifluridine/tipiracil or to placebo."
    )
    assert arm_sets(facts) == {("tipiracil", "trifluridine"), ("placebo",)}


def test_the_combination_named_right_after_is_no_anaphor() -> None:
    facts = read(
        "Paclitaxel plus ramucirumab is the usual second-line doublet. In the HARBOUR trial, 500 "
        "patients were randomised to the oral combination trifluridine/tipiracil or placebo."
    )
    assert arms_of(facts)["HARBOUR"] == {("tipiracil", "trifluridine"), ("placebo",)}


def test_and_a_combination_of_opens_a_new_arm() -> None:
    facts = read(
        "In the phase 3 HARBOUR trial, nivolumab added to chemotherapy and a combination of "
        "nivolumab with ipilimumab both beat chemotherapy alone."
    )
    assert ("ipilimumab", "nivolumab") in arm_sets(facts)
    assert all("ipilimumab" not in arm or len(arm) == 2 for arm in arm_sets(facts))


def test_a_repeated_preposition_opens_a_new_arm() -> None:
    facts = read(
        "Brief Title: A Study of Zeltinib Compared to Bevacizumab and of Zeltinib With or Without "
        "Ipilimumab in Glioma (HARBOUR)\nPhase: Phase 3\n"
    )
    assert ("bevacizumab", "zeltinib") not in arm_sets(facts)
    assert ("bevacizumab",) in arm_sets(facts)


def test_prior_therapy_before_the_assignment_is_no_arm() -> None:
    facts = read(
        "Adults who had received two earlier regimens (an anthracycline among them) were randomly "
        "assigned 1:1 to eribulin or dacarbazine in the phase 3 HARBOUR trial."
    )
    assert arm_sets(facts) == {("eribulin",), ("dacarbazine",)}


def test_a_trial_named_in_passing_with_the_arms_of_another_is_left_out() -> None:
    facts = read(
        "Eribulin was active in a phase 2 study, so we compared it with dacarbazine in the phase 3 "
        "HARBOUR trial. HARBOUR randomly assigned 452 patients to eribulin or dacarbazine."
    )
    assert set(arms_of(facts)) == {"HARBOUR"}


def test_a_trial_named_in_passing_with_its_own_drug_is_kept() -> None:
    facts = read(
        "HARBOUR, a phase 3 trial, found longer PFS with binimetinib than with chemotherapy; a randomised "
        "phase 2 study of pimasertib pointed the same way."
    )
    assert ("pimasertib",) in {arm for arms in arms_of(facts).values() for arm in arms}


def test_a_planned_next_experiment_is_no_arm() -> None:
    facts = read(
        "HARBOUR randomised 500 patients to nivolumab or placebo. The logical next experiments are "
        "rational pairings, such as ramucirumab with an anti-PD-1 antibody, tested in selected patients."
    )
    assert arm_sets(facts) == {("nivolumab",), ("placebo",)}
    combos = {(c.drugs, c.status) for c in statements(facts, Combination)}
    assert (("anti-PD-1 antibody", "ramucirumab"), "proposed") in combos


# ---- enrolment ---------------------------------------------------------------------------------


def test_among_n_patients_randomised_is_the_trial_size() -> None:
    facts = read(
        "HARBOUR is a phase 3 trial in gastric cancer. Among 490 patients randomised to nivolumab "
        "or placebo, median overall survival was 5.3 versus 4.1 months."
    )
    assert sizes(facts) == {"HARBOUR": 490}


def test_a_regimen_lettered_after_its_drugs_and_a_drug_prefixed_to_it() -> None:
    facts = read(
        "In the phase 3 KESTREL trial, 560 patients received lenalidomide and dexamethasone (Rd) "
        "with or without daratumumab. Median PFS was 44.1 months with D-Rd versus 17.2 months with Rd."
    )
    assert arm_sets(facts) == {("daratumumab", "dexamethasone", "lenalidomide"), ("dexamethasone", "lenalidomide")}
    found = {(o.arm, o.value) for o in statements(facts, Outcome)}
    assert found == {
        (("daratumumab", "dexamethasone", "lenalidomide"), 44.1),
        (("dexamethasone", "lenalidomide"), 17.2),
    }


def test_a_backbone_named_in_the_results_of_a_trial_with_one_arm_is_the_control() -> None:
    facts = read(
        "The randomised phase 3 KESTREL trial tested isatuximab combined with pomalidomide and "
        "dexamethasone (Pd). Among 300 patients (150 Isa-Pd, 150 Pd), median PFS was 11.4 versus 6.6 months."
    )
    assert arm_sets(facts) == {("dexamethasone", "isatuximab", "pomalidomide"), ("dexamethasone", "pomalidomide")}


def test_the_patients_of_an_arm_name_no_arm() -> None:
    facts = read(
        "KESTREL randomly assigned 500 patients to daratumumab plus bortezomib or bortezomib alone. "
        "Infusion reactions occurred in 44% of daratumumab-treated patients (in KESTREL) and in 37% of "
        "those receiving isatuximab in other studies."
    )
    assert arms_of(facts)["KESTREL"] == {("bortezomib", "daratumumab"), ("bortezomib",)}


def test_what_a_choice_arm_turned_out_to_be_is_no_arm() -> None:
    facts = read(
        "In the trial, known as KESTREL-7, 380 patients were randomly assigned 2:1 to tebentafusp "
        "(250 patients) or to the investigator's choice of therapy (130 patients), which was mostly "
        "pembrolizumab, the rest getting ipilimumab or dacarbazine."
    )
    assert arms_of(facts) == {"KESTREL-7": {("tebentafusp",), ("investigator's choice",)}}


def test_the_phase_of_a_news_lead_goes_to_the_trial_described_next() -> None:
    facts = read(
        "A new antibody lengthened survival in uveal melanoma, according to phase 3 results.\n\n"
        "In the trial, known as KESTREL-7, 380 patients were randomly assigned to tebentafusp or to "
        "dacarbazine."
    )
    assert designs(facts)["KESTREL-7"].phase == "3"


def test_labels_in_a_bracket_after_randomized_name_known_arms() -> None:
    facts = read(
        "In the phase 3 KESTREL study, adults were randomized 1:1 to zolbetuximab with capecitabine and "
        "oxaliplatin (CAPOX) or to placebo with CAPOX. Of 2,000 patients screened, 38% were eligible, and "
        "500 were randomized (zolbetuximab, n = 250; placebo, n = 250)."
    )
    assert arm_sets(facts) == {("capecitabine", "oxaliplatin", "zolbetuximab"), ("capecitabine", "oxaliplatin")}
    assert sizes(facts) == {"KESTREL": 500}


def test_a_trial_named_only_as_where_a_drug_showed_activity_tests_that_drug() -> None:
    facts = read(
        "BACKGROUND: Zeltinib showed single-agent activity in the phase 1 KESTREL-1 study.\n"
        "METHODS: KESTREL-2 is a phase 2 study that randomly assigned 200 patients to two doses of zeltinib."
    )
    assert arms_of(facts)["KESTREL-1"] == {("zeltinib",)}
    assert designs(facts)["KESTREL-1"].phase == "1"


def test_past_the_background_this_study_is_the_papers_own_trial() -> None:
    facts = read(
        "Zeltinib versus chemotherapy in lung cancer (KESTREL-42): a randomised, phase 3 trial\n\n"
        "Background\nIn KESTREL-24, most of the chemotherapy group later switched to zeltinib.\n\n"
        "Methods\nThis randomised phase 3 study ran at 200 centres. Patients were randomly "
        "assigned to zeltinib or to the investigator's choice of platinum-based chemotherapy (carboplatin with "
        "pemetrexed or carboplatin with paclitaxel), with optional pemetrexed maintenance.\n\n"
        "Findings\n1270 patients (900 men, 370 women; median age 63 years) were allocated to zeltinib (n=635) "
        "or chemotherapy (n=635)."
    )
    assert arms_of(facts)["KESTREL-42"] == {("zeltinib",), ("investigator's choice",)}
    assert sizes(facts)["KESTREL-42"] == 1270


@pytest.mark.parametrize(
    "design",
    [
        "to zeltinib 100 mg or placebo every 3 weeks with four cycles of carboplatin and paclitaxel, followed by "
        "maintenance zeltinib 300 mg or placebo",
        "to zeltinib (n = 360) or placebo (n = 190) in combination with paclitaxel and carboplatin; all then "
        "continued the antibody until progression",
    ],
)
def test_placebo_with_a_backbone_of_two_and_a_later_phase_named_again(design: str) -> None:
    facts = read(f"The phase 3 KESTREL trial randomly assigned 550 patients {design}.")
    assert arm_sets(facts) == {("carboplatin", "paclitaxel", "zeltinib"), ("carboplatin", "paclitaxel")}


def test_a_drug_or_placebo_added_to_a_backbone_of_two() -> None:
    facts = read("KESTREL-1 added the antibody zeltinib or placebo to carboplatin and etoposide in 460 patients.")
    assert arm_sets(facts) == {("carboplatin", "etoposide", "zeltinib"), ("carboplatin", "etoposide")}


@pytest.mark.parametrize(
    ("choice", "arm"),
    [
        (
            "investigator's choice of single-agent chemotherapy (n=250): topotecan, vinorelbine or gemcitabine",
            "chemotherapy",
        ),
        (
            "investigator's choice of endocrine therapy, meaning an aromatase inhibitor or fulvestrant",
            "investigator's choice",
        ),
    ],
)
def test_the_options_a_choice_arm_lists_after_it_are_no_arms(choice: str, arm: str) -> None:
    facts = read(f"The phase 3 KESTREL trial randomized 500 patients 1:1 to zeltinib (n=250) or {choice}.")
    assert arm_sets(facts) == {("zeltinib",), (arm,)}


@pytest.mark.parametrize(
    ("choice", "arm"),
    [
        (
            "cytotoxic chemotherapy of the treating investigator's choice, eribulin or capecitabine (n=250)",
            "chemotherapy",
        ),
        ("chemotherapy selected by the physician (eribulin or capecitabine; n=250)", "chemotherapy"),
        (
            "standard-of-care endocrine monotherapy selected by the treating physician (exemestane or tamoxifen)",
            "endocrine therapy",
        ),
        ("investigator's choice, eribulin or capecitabine (n=250)", "investigator's choice"),
    ],
)
def test_who_chooses_among_a_class_does_not_rename_the_arm(choice: str, arm: str) -> None:
    facts = read(f"The phase 3 KESTREL trial randomized 500 patients 1:1 to zeltinib (n=250) or to {choice}.")
    assert arm_sets(facts) == {("zeltinib",), (arm,)}


def test_the_drug_is_never_a_therapy_the_patients_had_before() -> None:
    facts = read(
        "The phase 2 HARBOUR-3 trial tested zanidatamab. Patients whose disease had progressed on earlier "
        "lines including trastuzumab were assigned to the drug (n=80) or to physician's choice of "
        "docetaxel or pemetrexed (n=40)."
    )
    assert arms_of(facts) == {"HARBOUR-3": {("zanidatamab",), ("physician's choice",)}}


def test_the_payload_class_of_a_conjugate_is_no_partner_drug() -> None:
    facts = read(
        "Telisotuzumab vedotin is a MET-directed antibody and microtubule inhibitor conjugate. In the single-arm "
        "phase 2 LINDEN study of 90 patients, the objective response rate was 28%."
    )
    assert {(o.arm, o.value) for o in statements(facts, Outcome)} == {(("telisotuzumab vedotin",), 28.0)}


def test_companies_and_meetings_are_neither_drugs_nor_trials() -> None:
    facts = read(
        "Seagen and Genmab announce results\n\n"
        "The data were shown at the ESMO Congress 2023. Seagen Inc. and Genmab A/S reported results "
        "of the phase 3 KESTREL-301 trial of tisotumab vedotin."
    )
    assert "genmab" not in facts.drugs
    assert set(arms_of(facts)) == {"KESTREL-301"}


def test_an_unnamed_trial_that_is_only_warranted_has_no_arm() -> None:
    facts = read(
        "In this phase 2 study, 80 patients were randomly assigned to docetaxel plus zeltinib or placebo. "
        "Zeltinib plus docetaxel looks promising, and a phase 3 trial is warranted."
    )
    assert set(arms_of(facts)) == {"t:trial-1"}


def arm_sizes(facts: PaperFacts) -> set[tuple[tuple[str, ...], int | None]]:
    return {(arm.drugs, arm.n) for arm in statements(facts, Arm)}


def test_an_enrolment_that_allocates_gives_each_arm_its_count() -> None:
    facts = read(
        "In the phase 3 KESTREL trial we enrolled 612 patients, 305 to zeltinib and 307 to docetaxel. Grade 3 "
        "events occurred in 40 (13%) of 300 patients who received zeltinib and 88 (29%) of 299 who received "
        "docetaxel."
    )
    assert arm_sizes(facts) == {(("zeltinib",), 305), (("docetaxel",), 307)}


def test_a_phase_numeral_with_a_letter_is_no_trial_name() -> None:
    facts = read(
        "Zeltinib rechallenge in relapsed ovarian cancer (KESTREL/GROUP-ov12): a phase IIIb trial\n\n"
        "KESTREL was a randomised, placebo-controlled phase IIIb trial; 210 patients were randomised 2:1 to "
        "zeltinib or placebo."
    )
    assert set(designs(facts)) == {"KESTREL"}
    assert designs(facts)["KESTREL"].phase == "3"


def test_a_regimens_short_form_ending_a_sentence_is_no_initial() -> None:
    facts = read(
        "Children were randomly assigned to dabrafenib plus trametinib (D+T) or carboplatin plus vincristine "
        "(C+V). A total of 118 patients were randomized, 80 to D+T and 38 to C+V. Responses were more "
        "frequent with D+T."
    )
    assert sizes(facts) == {"t:trial-1": 118}
    assert arm_sizes(facts) == {(("dabrafenib", "trametinib"), 80), (("carboplatin", "vincristine"), 38)}


def test_headings_run_on_inside_a_pubmed_abstract_still_end_its_background() -> None:
    facts = read(
        "BACKGROUND: Zeltinib was active in a single-arm study of relapsed disease. METHODS: In this phase 2 "
        "trial, patients were randomly assigned to zeltinib or docetaxel. RESULTS: A total of 150 patients "
        "were randomized, 100 to zeltinib and 50 to docetaxel."
    )
    assert sizes(facts) == {"t:trial-1": 150}


def test_a_share_of_patients_receiving_a_drug_is_no_arm() -> None:
    facts = read(
        "In the phase 3 KESTREL trial, 640 patients were randomized to zeltinib plus chemotherapy or placebo plus "
        "chemotherapy; 55% received paclitaxel-based chemotherapy."
    )
    assert arm_sets(facts) == {("chemotherapy", "zeltinib"), ("chemotherapy",)}


def test_a_backbone_chosen_by_the_investigator_joins_both_arms_and_its_options_are_none() -> None:
    facts = read(
        "In the phase 3 KESTREL trial, adults were randomized 1:1 to zeltinib 200 mg or placebo every 3 weeks, "
        "both with investigator-chosen chemotherapy (ICC): cisplatin plus fluorouracil or cisplatin plus "
        "paclitaxel."
    )
    assert arm_sets(facts) == {("chemotherapy", "zeltinib"), ("chemotherapy",)}


def test_a_ratio_after_the_assignment_verb_keeps_a_drug_alone_its_own_arm() -> None:
    facts = read(
        "In the phase 3 KESTREL trial, 800 adults were randomly assigned (2:1:1) to lenvatinib 8 mg plus "
        "pembrolizumab, sorafenib 400 mg twice daily, or lenvatinib 12 mg once daily."
    )
    assert arm_sets(facts) == {("lenvatinib", "pembrolizumab"), ("sorafenib",), ("lenvatinib",)}


def test_names_in_the_bracket_after_a_trials_name_are_that_trial() -> None:
    facts = read(
        "The phase 3 KESTREL trial (GROUP-ABC EA1234; NCT01234567) randomly assigned 265 patients to nivolumab "
        "plus ipilimumab or to dabrafenib plus trametinib. KESTREL met its primary end point."
    )
    assert set(designs(facts)) == {"KESTREL"}


def test_the_study_named_in_a_later_clause_leaves_the_design_to_the_whole_sentence() -> None:
    facts = read(
        "Patients were eligible for the phase 3 KESTREL trial if their disease had not progressed on platinum. "
        "A total of 160 patients were allocated 3:2 to maintenance zeltinib 300 mg twice daily (n = 96) or "
        "placebo (n = 64); crossover within the study was not permitted."
    )
    assert sizes(facts) == {"KESTREL": 160}
    assert arm_sizes(facts) == {(("zeltinib",), 96), (("placebo",), 64)}


def test_an_assay_code_is_no_drug() -> None:
    facts = read(
        "In the phase 3 KESTREL trial, 900 patients were randomized to durvalumab, durvalumab plus tremelimumab, "
        "or chemotherapy. The two primary end points were survival with durvalumab where PD-L1 was 25% or more "
        "(SP263 assay), and survival with durvalumab plus tremelimumab overall."
    )
    assert "SP263" not in facts.drugs and "sp263" not in facts.drugs


def test_a_brand_with_a_registered_sign_and_its_inn_in_brackets_is_one_drug() -> None:
    facts = read(
        "Results of the phase 3 KESTREL-9 study of TALZENNA\u00ae (talazoparib), a PARP inhibitor, in combination "
        "with XTANDI\u00ae (enzalutamide) were announced today. In KESTREL-9, 800 men were randomized to "
        "talazoparib plus enzalutamide (n=400) or placebo plus enzalutamide (n=400)."
    )
    assert arm_sets(facts) == {("enzalutamide", "talazoparib"), ("enzalutamide",)}


def test_a_trial_that_is_a_phase_3_study_is_one_trial_with_its_counts() -> None:
    facts = read(
        "KESTREL 3 is a randomized, double-blind phase III study in which women were assigned 2:1 to "
        "abemaciclib or placebo, each with letrozole. Of 480 women randomized, 320 received abemaciclib plus "
        "letrozole and 160 received placebo plus letrozole."
    )
    assert sizes(facts) == {"KESTREL 3": 480}
    assert designs(facts)["KESTREL 3"].phase == "3"


def test_a_total_after_the_arm_counts_and_options_after_a_dash() -> None:
    facts = read(
        "KESTREL-4 randomised 500 patients to tarlatamab (n=250) or to investigator's choice of second-line "
        "chemotherapy \u2014 topotecan, lurbinectedin or amrubicin (n=250). The phase 3 HARRIER trial "
        "randomised adults to lurbinectedin plus atezolizumab (n=240) or atezolizumab alone (n=240), 480 "
        "patients in total."
    )
    assert arms_of(facts) == {
        "KESTREL-4": {("tarlatamab",), ("chemotherapy",)},
        "HARRIER": {("atezolizumab", "lurbinectedin"), ("atezolizumab",)},
    }
    assert sizes(facts) == {"KESTREL-4": 500, "HARRIER": 480}


def test_a_group_protocol_number_before_trial_is_a_name_and_counts_after_a_label_in_brackets() -> None:
    facts = read(
        "The phase 3 E2345 trial randomly assigned 300 patients to nivolumab plus ipilimumab (NIVO+IPI; 151 "
        "patients) or dabrafenib plus trametinib (DAB+TRAM; 149 patients)."
    )
    assert set(designs(facts)) == {"E2345"}
    assert arm_sizes(facts) == {(("ipilimumab", "nivolumab"), 151), (("dabrafenib", "trametinib"), 149)}


def test_a_partner_after_with_or_without_joins_both_sets() -> None:
    facts = read("Durvalumab with or without tremelimumab plus chemotherapy: the phase 3 KESTREL-7 trial.")
    assert arm_sets(facts) == {("chemotherapy", "durvalumab", "tremelimumab"), ("chemotherapy", "durvalumab")}


def test_part_of_a_protocol_identifier_is_no_drug_code() -> None:
    facts = read(
        "In this randomised phase 3 trial (ZX101-SAR-3001), trabectedin was compared with dacarbazine in 500 "
        "patients with leiomyosarcoma."
    )
    assert set(facts.drugs) == {"dacarbazine", "trabectedin"}


def test_an_opening_participle_names_the_arms_before_the_main_clause_names_one() -> None:
    facts = read(
        "SUMMIT-4 was a phase 3 trial of atezolizumab in 300 patients. Randomised 2:1 to atezolizumab "
        "(n=200) or placebo (n=100), patients treated with the PD-L1 antibody lived longer: median OS "
        "11.2 months vs 8.9 months."
    )
    assert arm_sets(facts) == {("atezolizumab",), ("placebo",)}
    assert {(o.arm, o.value) for o in statements(facts, Outcome)} == {
        (("atezolizumab",), 11.2),
        (("placebo",), 8.9),
    }


@pytest.mark.parametrize(
    "partner",
    [
        "each given with the PD-1 inhibitor nivolumab 3 mg/kg and the CTLA-4 inhibitor ipilimumab 1 mg/kg",
        "each combined with four 21-day cycles of nivolumab and ipilimumab",
    ],
)
def test_a_shared_partner_described_or_given_in_cycles_joins_both_arms(partner: str) -> None:
    facts = read(
        f"In the phase 3 TALON trial, 640 patients were randomly assigned to lenvatinib 20 mg daily or "
        f"matching placebo, {partner}."
    )
    assert arm_sets(facts) == {("ipilimumab", "lenvatinib", "nivolumab"), ("ipilimumab", "nivolumab")}


@pytest.mark.parametrize(
    "text",
    [
        "In the phase 3 RIVET trial, patients received FOLFOX every 2 weeks, alone or with panitumumab.",
        "Atezolizumab \u00b1 bevacizumab in liver cancer: the phase 2 RIVET trial.",
    ],
)
def test_a_schedule_before_alone_or_with_and_a_plus_minus_sign_give_both_arms(text: str) -> None:
    arms = arm_sets(read(text))
    assert len(arms) == 2 and any(set(a) > set(b) for a in arms for b in arms)


def test_a_protocol_number_that_starts_with_a_drug_code_names_no_arm() -> None:
    facts = read(
        "Brief title: Pembrolizumab (MK-3475) With Lenvatinib Versus Docetaxel in Lung Cancer "
        "(MK-3475-789/ORCHID-7)\nPhase: Phase 3\n"
    )
    assert arm_sets(facts) == {("lenvatinib", "pembrolizumab"), ("docetaxel",)}


def test_a_partner_with_an_alternative_platinum_is_one_chemotherapy_arm() -> None:
    facts = read(
        "In the phase 3 KESTREL trial, 300 patients were randomised to lorlatinib (n = 150) or to "
        "pemetrexed with cisplatin or carboplatin (n = 150)."
    )
    assert arm_sets(facts) == {("lorlatinib",), ("chemotherapy",)}


def test_a_date_in_may_is_no_hedge_and_a_described_arm_takes_its_count() -> None:
    facts = read(
        "In this phase 3 trial, adults were randomly assigned to gilteritinib or to chemotherapy. Between "
        "May 3, 2015, and June 9, 2017, 371 patients were randomly assigned, 247 to gilteritinib and 124 "
        "to salvage chemotherapy."
    )
    assert {(a.drugs, a.n) for a in statements(facts, Arm)} == {(("gilteritinib",), 247), (("chemotherapy",), 124)}


def test_a_chemotherapy_whose_options_are_parted_by_semicolons_is_one_arm() -> None:
    facts = read(
        "In the phase 3 CORAL-3 trial, patients were randomly assigned to gilteritinib or to a salvage "
        "chemotherapy selected by the investigator beforehand: azacitidine; mitoxantrone, etoposide and "
        "cytarabine; or fludarabine, cytarabine and idarubicin."
    )
    assert arm_sets(facts) == {("gilteritinib",), ("salvage chemotherapy",)}


def test_a_bracket_spelling_out_a_regimen_names_no_arms_and_its_count_is_the_arms() -> None:
    facts = read(
        "Gemcitabine plus cisplatin (GP) and gemcitabine plus carboplatin (GC) are both used. The phase 3 "
        "HALCYON trial randomly assigned 300 patients to GP (gemcitabine 1000 mg/m2 on days 1 and 8 and "
        "cisplatin 75 mg/m2 on day 1; n = 151) or GC (gemcitabine 1000 mg/m2 on days 1 and 8 and "
        "carboplatin AUC 5 on day 1; n = 149)."
    )
    assert {(a.drugs, a.n) for a in statements(facts, Arm)} == {
        (("cisplatin", "gemcitabine"), 151),
        (("carboplatin", "gemcitabine"), 149),
    }


def test_a_share_of_an_arms_patients_given_a_drug_is_no_arm() -> None:
    facts = read(
        "The phase 3 BRIGHTON trial randomly assigned 500 patients to tislelizumab or to the investigator's "
        "choice of sorafenib or lenvatinib. In the control arm, 70% of patients were given sorafenib."
    )
    assert arm_sets(facts) == {("tislelizumab",), ("investigator's choice",)}


def test_bare_platinum_is_a_class_and_spells_out_the_chemotherapy_a_title_named() -> None:
    facts = read(
        "Nivolumab alone or with chemotherapy versus cetuximab with chemotherapy in head and neck cancer: "
        "the phase 3 HARBOR trial\n\nPatients with platinum-sensitive disease were randomly assigned to "
        "nivolumab alone (n = 200), nivolumab plus platinum and fluorouracil (n = 201), or cetuximab plus "
        "platinum and fluorouracil (n = 199)."
    )
    assert {(a.drugs, a.n) for a in statements(facts, Arm)} == {
        (("nivolumab",), 200),
        (("fluorouracil", "nivolumab", "platinum"), 201),
        (("cetuximab", "fluorouracil", "platinum"), 199),
    }


def test_a_drug_combination_label_and_a_placebo_combination_label_name_the_arms() -> None:
    facts = read(
        "Adding the anti\u2013programmed death-ligand 1 antibody durvalumab to gemcitabine and cisplatin was "
        "tested in the phase 3 TOPAZ-9 trial. Of 600 patients, 300 were assigned to durvalumab-combination "
        "and 300 to placebo-combination."
    )
    assert {(a.drugs, a.n) for a in statements(facts, Arm)} == {
        (("cisplatin", "durvalumab", "gemcitabine"), 300),
        (("cisplatin", "gemcitabine"), 300),
    }


def test_options_of_a_choice_may_carry_their_doses() -> None:
    facts = read(
        "In the phase 3 MERIDIAN trial, patients were randomised to sintilimab or placebo, each combined "
        "with pemetrexed 500 mg/m2 and the investigator's choice of cisplatin 75 mg/m2 or carboplatin AUC 5."
    )
    assert not any(arm == ("carboplatin",) or arm == ("cisplatin",) for arm in arm_sets(facts))


def test_counts_by_drug_after_a_shared_partner_was_added_to_every_arm() -> None:
    facts = read(
        "In the phase 3 CEDAR trial, men were randomly assigned to cabazitaxel every three weeks or to "
        "mitoxantrone every three weeks. All patients also took prednisone. In all, 755 men were enrolled: "
        "378 to cabazitaxel and 377 to mitoxantrone. Pain responses were seen in 9% and 8%, respectively."
    )
    assert {(a.drugs, a.n) for a in statements(facts, Arm)} == {
        (("cabazitaxel", "prednisone"), 378),
        (("mitoxantrone", "prednisone"), 377),
    }
    assert not statements(facts, Outcome)


def test_a_named_triplet_spelled_out_in_brackets_then_a_doublet_and_a_control() -> None:
    facts = read(
        "Adding the ERK inhibitor ulixertinib to sotorasib and panitumumab was tested in the phase 3 "
        "LANTERN trial. Patients were randomly assigned to the triplet (sotorasib, ulixertinib and "
        "panitumumab), a doublet of sotorasib plus panitumumab, or a control of panitumumab and irinotecan."
    )
    assert arm_sets(facts) == {
        ("panitumumab", "sotorasib", "ulixertinib"),
        ("panitumumab", "sotorasib"),
        ("irinotecan", "panitumumab"),
    }


def test_a_drug_placebo_pair_after_a_date_in_may_is_the_drugs_arm() -> None:
    facts = read(
        "In the phase 3 MAPLE trial, patients received acalabrutinib with venetoclax or with placebo. "
        "Between May 2, 2018, and Feb 1, 2020, 300 patients were randomly assigned to "
        "acalabrutinib-venetoclax (n=151) or acalabrutinib-placebo (n=149)."
    )
    assert {(a.drugs, a.n) for a in statements(facts, Arm)} == {
        (("acalabrutinib", "venetoclax"), 151),
        (("acalabrutinib",), 149),
    }


def test_a_bracket_of_schedules_later_in_the_clause_names_no_arm_of_its_own() -> None:
    facts = read(
        "In the phase 2 LANTERN trial, 96 children with BRAF V600E-mutant glioma were randomly assigned to "
        "encorafenib plus binimetinib (E+B), taken by mouth at doses set by body weight (encorafenib "
        "4 mg/kg daily; binimetinib 0.6 mg/kg twice daily), or to carboplatin with vinblastine."
    )
    assert arm_sets(facts) == {("binimetinib", "encorafenib"), ("carboplatin", "vinblastine")}


def test_a_partner_given_on_top_of_each_set_joins_both() -> None:
    facts = read(
        "In the phase 3 HARBOUR trial, 412 patients were assigned to tislelizumab or placebo, each on top of "
        "cisplatin and gemcitabine."
    )
    assert arm_sets(facts) == {("cisplatin", "gemcitabine", "tislelizumab"), ("cisplatin", "gemcitabine")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In the phase 3 HARBOUR trial, 412 patients were assigned to tislelizumab (207) or sorafenib (205).",
            {(("tislelizumab",), 207), (("sorafenib",), 205)},
        ),
        # numbers that do not add up to the total are not counts (a citation, a dose)
        (
            "In the phase 3 HARBOUR trial, 412 patients were assigned to tislelizumab (12) or sorafenib (14).",
            {(("tislelizumab",), None), (("sorafenib",), None)},
        ),
    ],
)
def test_bare_numbers_after_the_arms_are_counts_when_they_add_up_to_the_total(text: str, expected: set) -> None:
    assert {(a.drugs, a.n) for a in statements(read(text), Arm)} == expected


def test_adding_a_drug_described_with_its_makers_possessive() -> None:
    facts = read(
        "Adding Kestrel Pharma's PD-1 blocker retifanlimab to carboplatin and paclitaxel lengthened survival "
        "in the phase 3 HARBOUR trial."
    )
    assert arm_sets(facts) == {("carboplatin", "paclitaxel", "retifanlimab"), ("carboplatin", "paclitaxel")}


def test_a_partner_given_alongside_a_drug_or_placebo_is_in_both_arms() -> None:
    facts = read(
        "The phase 3 HARBOUR trial randomly assigned 300 patients to retifanlimab 500 mg or placebo every "
        "four weeks alongside four cycles of carboplatin and paclitaxel."
    )
    assert arm_sets(facts) == {("carboplatin", "paclitaxel", "retifanlimab"), ("carboplatin", "paclitaxel")}


def test_a_serial_list_with_a_dose_after_each_drug_is_one_arm() -> None:
    facts = read(
        "In the phase 3 ORBIT trial, patients were assigned to dabrafenib (150 mg twice daily), trametinib "
        "(2 mg once daily) and panitumumab, or to irinotecan plus panitumumab."
    )
    assert arm_sets(facts) == {("dabrafenib", "panitumumab", "trametinib"), ("irinotecan", "panitumumab")}


def test_arms_listed_between_semicolons_are_one_listing() -> None:
    facts = read(
        "In this phase 3 study, 600 patients were randomly assigned to a triplet of dabrafenib, trametinib and "
        "panitumumab; to a doublet of dabrafenib and panitumumab; or to a control of irinotecan plus panitumumab. "
        "Responses were seen in 30%, 20% and 2% of patients, respectively."
    )
    assert arm_sets(facts) == {
        ("dabrafenib", "panitumumab", "trametinib"),
        ("dabrafenib", "panitumumab"),
        ("irinotecan", "panitumumab"),
    }
    rates = {o.arm: o.value for o in statements(facts, Outcome)}
    assert rates == {
        ("dabrafenib", "panitumumab", "trametinib"): 30,
        ("dabrafenib", "panitumumab"): 20,
        ("irinotecan", "panitumumab"): 2,
    }


def test_the_noun_a_drug_was_introduced_with_names_it_later() -> None:
    facts = read(
        "Regulators cleared the fixed-dose capsule nivolumab/relatlimab for use with ipilimumab in melanoma. "
        "The approval rests on the phase 3 KITE-7 study. In it, 500 patients were randomly assigned to the "
        "capsule with ipilimumab or to the capsule alone."
    )
    assert arm_sets(facts) == {("ipilimumab", "nivolumab", "relatlimab"), ("nivolumab", "relatlimab")}


def test_the_same_backbone_of_a_class_is_the_set_of_that_class_named_before() -> None:
    facts = read(
        "The phase 3 ALDER trial randomly assigned 700 patients to durvalumab or placebo, each with carboplatin "
        "and paclitaxel. The phase 3 BIRCH trial, which randomly assigned 500 patients to tislelizumab or placebo "
        "with the same chemotherapy backbone, reached a similar result."
    )
    assert arms_of(facts)["BIRCH"] == {("carboplatin", "paclitaxel", "tislelizumab"), ("carboplatin", "paclitaxel")}


def test_the_study_with_its_registry_number_is_the_trial_just_named() -> None:
    facts = read(
        "Investigators presented the phase 2 MAPLE-9 trial of zongertinib. The study (NCT09990123) randomly "
        "assigned 150 patients to zongertinib or docetaxel."
    )
    assert {(d.trial, d.phase, d.n_enrolled) for d in designs(facts).values()} == {("MAPLE-9", "2", 150)}


def test_a_therapy_the_patients_had_responded_to_is_no_arm() -> None:
    facts = read(
        "The phase 3 LINDEN trial took 400 women with ovarian cancer whose tumours had responded to a platinum "
        "doublet, allocating them 2:1 to niraparib (n = 267) or placebo (n = 133)."
    )
    assert arm_sets(facts) == {("niraparib",), ("placebo",)}


def test_names_joined_by_slashes_are_one_trial_even_with_an_unknown_one_between() -> None:
    facts = read(
        "A Phase 3 Study of Zeltinib Versus Placebo in Ovarian Cancer (ORCHID-7 / ENGOT-ov99 / GOG-3999)\n\n"
        "Patients were randomised to zeltinib (n=200) or placebo (n=100)."
    )
    assert set(designs(facts)) == {"ORCHID-7"}


def test_a_company_a_drug_maker_became_part_of_is_no_trial() -> None:
    facts = read(
        "The single-arm phase 2 LARCH study gave zeltinib to 90 patients. Zeltinib was discovered at "
        "Medarex, now part of BigPharmaCo."
    )
    assert set(designs(facts)) == {"LARCH"}


def test_registry_group_codes_are_no_drugs() -> None:
    facts = read(
        "Reporting groups\n"
        "  EG000  Zeltinib + RT   Zeltinib 100 mg daily given with radiotherapy, then zeltinib alone.\n"
        "  EG001  Placebo + RT    Matching placebo daily given with the same radiotherapy.\n\n"
        "Participant flow\n"
        "  Group  | Started | Treated\n"
        "  EG000  |   200   |   198\n"
        "  EG001  |   100   |   99\n"
    )
    assert not {"eg000", "eg001"} & set(facts.drugs)


def test_a_set_named_by_one_of_its_drugs_is_the_set_named_before() -> None:
    facts = read(
        "Zeltinib, given with bortezomib and dexamethasone, doubled progression-free survival. In the phase 3 "
        "CEDAR-16 trial, 500 patients were randomised to the zeltinib triplet (n = 250) or to daratumumab, "
        "bortezomib and dexamethasone (n = 250)."
    )
    assert arms_of(facts)["CEDAR-16"] == {
        ("bortezomib", "dexamethasone", "zeltinib"),
        ("bortezomib", "daratumumab", "dexamethasone"),
    }


@pytest.mark.parametrize(
    ("chooser", "later", "arm"),
    [
        ("investigator", "4.1 months with investigator's choice.", "investigator's choice"),
        ("investigator", "4.1 months with chemotherapy.", "chemotherapy"),
        # a physician's choice (TPC) is the arm's own name, whatever the text calls it after
        ("physician", "4.1 months with physician's choice.", "physician's choice"),
        ("physician", "4.1 months with chemotherapy.", "physician's choice"),
    ],
)
def test_a_class_of_a_choice_goes_by_the_name_the_text_gives_it_after(chooser: str, later: str, arm: str) -> None:
    facts = read(
        "After two earlier lines of chemotherapy, 400 patients in the phase 3 KESTREL-5 trial were randomized to "
        f"zeltinib or to single-drug chemotherapy of the {chooser}'s choice, eribulin or vinorelbine. "
        f"Median PFS was 6.0 months with zeltinib and {later}"
    )
    assert arms_of(facts)["KESTREL-5"] == {("zeltinib",), (arm,)}


@pytest.mark.parametrize("written", ["physician's-choice chemotherapy", "physician's choice chemotherapy"])
def test_a_possessive_choice_joined_by_a_hyphen_names_the_choice_arm(written: str) -> None:
    facts = read(f"ORCA-2, a phase 3 trial of zeltinib 1 mg daily against {written} in 431 patients, read out.")
    assert arms_of(facts)["ORCA-2"] == {("zeltinib",), ("physician's choice",)}
    assert designs(facts)["ORCA-2"].n_enrolled == 431


# ---- listings parted by semicolons, platinum alternatives within an arm ----------------------------


def test_arms_parted_by_semicolons_with_the_last_after_or() -> None:
    facts = read(
        "In the phase 3 HALDEN trial (NCT09990101), adults were randomly assigned 1:1:1 to tislelizumab 200 mg "
        "every 3 weeks; tislelizumab plus carboplatin (AUC 5) or cisplatin (75 mg/m2) and gemcitabine; or "
        "panitumumab (6 mg/kg every 2 weeks) plus the same chemotherapy."
    )
    assert arm_sets(facts) == {
        ("tislelizumab",),
        ("carboplatin", "cisplatin", "gemcitabine", "tislelizumab"),
        ("carboplatin", "cisplatin", "gemcitabine", "panitumumab"),
    }


def test_options_a_colon_introduces_are_no_semicolon_listing_of_arms() -> None:
    facts = read(
        "In the phase 3 HALDEN trial, patients were randomly assigned to zeltinib or to a regimen the investigator "
        "chose: docetaxel; gemcitabine and carboplatin; or pemetrexed alone."
    )
    assert len(arm_sets(facts)) == 2


@pytest.mark.parametrize(
    "arm",
    [
        "osimertinib plus pemetrexed and either cisplatin or carboplatin",
        "osimertinib plus pemetrexed and cisplatin (75 mg/m2) or carboplatin (AUC 5)",
    ],
)
def test_a_drug_given_with_either_platinum_is_one_arm_holding_both(arm: str) -> None:
    facts = read(f"In the phase 3 HALDEN trial, patients were randomly assigned to {arm}, or to osimertinib alone.")
    assert arm_sets(facts) == {("carboplatin", "cisplatin", "osimertinib", "pemetrexed"), ("osimertinib",)}


def test_a_partner_after_the_platinum_alternatives_joins_either() -> None:
    facts = read(
        "In the phase 3 HALDEN trial, patients were randomly assigned to tislelizumab plus carboplatin or "
        "cisplatin and gemcitabine, or to panitumumab plus gemcitabine."
    )
    assert arm_sets(facts) == {
        ("carboplatin", "cisplatin", "gemcitabine", "tislelizumab"),
        ("gemcitabine", "panitumumab"),
    }


def test_a_title_arm_with_platinum_is_the_arm_the_methods_spell_out() -> None:
    facts = read(
        "Tislelizumab with platinum and gemcitabine versus gemcitabine alone (HALDEN): a randomised phase 3 "
        "trial\n\nMethods: Patients were randomly assigned to tislelizumab plus cisplatin or carboplatin and "
        "gemcitabine, or to gemcitabine alone."
    )
    assert arm_sets(facts) == {("carboplatin", "cisplatin", "gemcitabine", "tislelizumab"), ("gemcitabine",)}


def test_a_title_comparing_a_drug_in_combination_with_another_names_one_arm() -> None:
    facts = read(
        "Title: A Randomized Phase 3 Study to Compare Zeltinib in Combination With Tislelizumab Versus "
        "Treatment of Physician's Choice in Endometrial Cancer (HALDEN-2)"
    )
    assert arms_of(facts) == {"HALDEN-2": {("tislelizumab", "zeltinib"), ("physician's choice",)}}


def test_a_chemotherapy_spelled_out_with_its_steroid_is_the_class_arm() -> None:
    facts = read(
        "Zeltinib with chemotherapy for T-cell lymphoma: the HALDEN randomised trial. In the phase 3 HALDEN "
        "trial, patients were randomised to zeltinib with cyclophosphamide, doxorubicin and prednisone or to "
        "cyclophosphamide, doxorubicin, vincristine and prednisone."
    )
    assert arm_sets(facts) == {
        ("cyclophosphamide", "doxorubicin", "prednisone", "zeltinib"),
        ("cyclophosphamide", "doxorubicin", "prednisone", "vincristine"),
    }


def test_salvage_chemotherapy_keeps_its_name_and_the_regimens_offered_are_no_arms() -> None:
    facts = read(
        "In the phase 3 HALDEN trial, 300 patients were randomized 2:1, with 200 assigned to zeltinib and 100 to "
        "salvage chemotherapy chosen by the investigator: low-dose cytarabine, azacitidine, or mitoxantrone, "
        "etoposide and cytarabine."
    )
    assert {(a.drugs, a.n) for a in statements(facts, Arm)} == {(("zeltinib",), 200), (("salvage chemotherapy",), 100)}


def test_a_count_of_phase_3_programmes_gives_each_trial_named_after_its_phase() -> None:
    facts = read(
        "Two long-running phase 3 programmes led the session.\n\nFirst came the HALDEN trial, in which 500 "
        "patients were randomly assigned to zeltinib or placebo.\n\nThen came the CEDAR trial, in which 300 "
        "patients were randomised to tislelizumab or docetaxel."
    )
    assert {d.trial: d.phase for d in statements(facts, TrialDesign)} == {"HALDEN": "3", "CEDAR": "3"}


def test_a_class_arm_listed_beside_a_drug_of_its_class_stays_after_a_title_naming_the_drug() -> None:
    facts = read(
        "Osimertinib versus standard EGFR tyrosine kinase inhibitors in EGFR-mutated lung cancer (HALDEN)\n\n"
        "Methods: HALDEN was a randomised phase 3 trial. Adults were assigned 1:1 to osimertinib 80 mg once "
        "daily or to a standard EGFR-TKI (gefitinib 250 mg or erlotinib 150 mg once daily)."
    )
    assert arm_sets(facts) == {("osimertinib",), ("EGFR inhibitor",)}


def test_the_study_named_by_its_id_after_a_description_is_the_trial_in_focus() -> None:
    facts = read(
        "Updated results of the phase 3 HALDEN trial were presented. The head-to-head study (NCT09990301) "
        "randomised 524 patients to zeltinib (n = 261) or docetaxel (n = 263)."
    )
    assert [(d.trial, d.n_enrolled) for d in statements(facts, TrialDesign)] == [("HALDEN", 524)]


def test_a_drug_or_placebo_on_a_class_backbone_joins_the_backbone() -> None:
    facts = read(
        "The phase 3 HALDEN trial randomised 997 patients to tislelizumab or placebo on a chemotherapy backbone."
    )
    assert arm_sets(facts) == {("chemotherapy", "tislelizumab"), ("chemotherapy",)}


def test_an_enrolment_cell_of_a_pipe_table_gives_the_trials_size() -> None:
    facts = read(
        "A Randomized Phase 3 Study of Zeltinib vs Placebo in Melanoma (HALDEN-4)\n"
        "Design | phase 3 | randomized 1:1\nEnrollment | 706 participants (actual)\n"
    )
    assert sizes(facts) == {"HALDEN-4": 706}


def test_androgen_deprivation_every_arm_gets_is_no_part_of_an_arm() -> None:
    facts = read(
        "In the phase 3 HALDEN trial, 1,306 men were randomised to zeltinib (n = 651) or matching placebo "
        "(n = 655), each given with ADT and six cycles of docetaxel."
    )
    assert arm_sets(facts) == {("docetaxel", "zeltinib"), ("docetaxel",)}


def test_a_class_followed_by_its_members_on_offer_is_one_arm() -> None:
    facts = read(
        "The phase 3 HALDEN trial randomly assigned 1,125 men to enzalutamide (n = 563) or to a conventional "
        "nonsteroidal antiandrogen, bicalutamide, nilutamide or flutamide (n = 562)."
    )
    assert {(a.drugs, a.n) for a in statements(facts, Arm)} == {
        (("enzalutamide",), 563),
        (("nonsteroidal antiandrogen",), 562),
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "Early docetaxel was allowed at the treating physician's discretion.",
        "The effect was larger among men for whom docetaxel was not planned than among those who also "
        "received docetaxel.",
        "The discussant noted that neither trial randomised docetaxel itself.",
    ],
)
def test_a_drug_allowed_received_by_a_subgroup_or_never_randomised_is_no_arm(sentence: str) -> None:
    facts = read(f"The phase 3 HALDEN trial randomly assigned 1,125 men to enzalutamide or to bicalutamide. {sentence}")
    assert arm_sets(facts) == {("enzalutamide",), ("bicalutamide",)}


def test_a_chemotherapy_class_offering_cytotoxics_in_brackets_is_the_chemotherapy_arm() -> None:
    facts = read(
        "In the phase 3 HALDEN trial, 617 patients were randomly assigned to tislelizumab or placebo, each given "
        "with platinum-based chemotherapy (paclitaxel plus cisplatin or carboplatin)."
    )
    assert arm_sets(facts) == {("chemotherapy", "tislelizumab"), ("chemotherapy",)}


def test_a_drug_given_at_the_investigators_discretion_defines_no_arm() -> None:
    facts = read(
        "Tislelizumab plus chemotherapy with or without bevacizumab for cervical cancer: the phase 3 HALDEN "
        "study\n\nIn HALDEN, patients were randomly assigned to tislelizumab or placebo, each with "
        "chemotherapy; bevacizumab was added at the investigator's discretion. Median OS was 28.6 months in "
        "the tislelizumab group and 16.5 months in the placebo group."
    )
    assert arm_sets(facts) == {("chemotherapy", "tislelizumab"), ("chemotherapy",)}
    assert {(o.arm, o.value) for o in statements(facts, Outcome)} == {
        (("chemotherapy", "tislelizumab"), 28.6),
        (("chemotherapy",), 16.5),
    }


def test_a_phase_before_names_joined_by_a_slash_is_their_trials() -> None:
    facts = read("The phase 3 HALDEN-04/CEDAR-D19 trial randomly assigned 443 patients to zeltinib or placebo.")
    assert {(d.trial, d.phase) for d in statements(facts, TrialDesign)} == {("HALDEN-04", "3")}


def test_an_arm_chosen_by_the_investigator_from_a_list_is_one_arm() -> None:
    facts = read(
        "In the phase 3 HALDEN trial, patients were randomly assigned to cemiplimab or to single-agent "
        "chemotherapy chosen by the investigator from pemetrexed, topotecan, irinotecan or gemcitabine."
    )
    assert arm_sets(facts) == {("cemiplimab",), ("chemotherapy",)}


def test_a_named_sibling_trial_is_a_trial_of_its_own_and_prior_therapies_named_as_examples_are_no_arms() -> None:
    facts = read(
        "The approval rests on the single-arm phase 2 HALDEN-CCA2 trial, in which 103 patients whose disease had "
        "progressed after at least one systemic therapy, most often gemcitabine and cisplatin, took zeltinib.\n\n"
        "The company is running the randomised phase 3 HALDEN-CCA3 trial of zeltinib versus gemcitabine plus "
        "cisplatin."
    )
    assert arms_of(facts) == {
        "HALDEN-CCA2": {("zeltinib",)},
        "HALDEN-CCA3": {("zeltinib",), ("cisplatin", "gemcitabine")},
    }
    assert {d.trial: d.phase for d in statements(facts, TrialDesign)} == {"HALDEN-CCA2": "2", "HALDEN-CCA3": "3"}


def test_a_brand_name_before_a_figure_is_no_trial() -> None:
    facts = read(
        "SELECT (NCT09990504) randomised 392 patients to lenvatinib or placebo.\n"
        "Objective response rate: LENVIMA 65% (complete response 2%); placebo 2%\n"
    )
    assert set(designs(facts)) == {"SELECT"}


def test_a_therapy_every_patient_had_completed_is_no_arm() -> None:
    facts = read(
        "The placebo-controlled phase III HALDEN study randomised 713 patients to zeltinib or to placebo. All had "
        "completed at least two cycles of platinum-based chemotherapy given concurrently with radiotherapy."
    )
    assert arm_sets(facts) == {("zeltinib",), ("placebo",)}


def test_a_sponsor_study_number_names_a_trial_whose_counted_patients_were_given_its_arms() -> None:
    facts = read(
        "Two phase 3 trials have shaped later lines.\n\n"
        "The HALDEN trial randomised 369 patients to zeltinib or placebo. Activity had been seen in the preceding "
        "phase 2 study.\n\n"
        "Study 309 reversed that pattern. Among 452 patients given eribulin (n = 228) or dacarbazine (n = 224), "
        "median overall survival was 13.5 versus 11.5 months. In leiomyosarcoma, eribulin and dacarbazine gave "
        "median overall survival of 12.7 and 13.0 months."
    )
    assert arms_of(facts) == {"HALDEN": {("zeltinib",), ("placebo",)}, "STUDY 309": {("eribulin",), ("dacarbazine",)}}
    assert {d.trial: d.phase for d in statements(facts, TrialDesign)} == {"HALDEN": "3", "STUDY 309": "3"}
    assert {(o.arm, o.value) for o in statements(facts, Outcome) if o.value in {12.7, 13.0}} == {
        (("eribulin",), 12.7),
        (("dacarbazine",), 13.0),
    }


def test_standard_regimens_the_investigator_selected_are_one_arm_offering_each() -> None:
    facts = read(
        "ORCA-3 (NCT09990120) randomly assigned 381 patients in a 2:1 ratio to zeltinib (n = 254) or to one of three "
        "standard regimens selected by the investigator (n = 127): daratumumab, pomalidomide and dexamethasone; "
        "carfilzomib and dexamethasone; or elotuzumab, pomalidomide and dexamethasone. Median PFS was 13.3 months in "
        "the zeltinib arm and 4.4 months in the standard-regimen arm. Responses occurred in 71% of patients given "
        "zeltinib, compared with 42% of those on standard treatment."
    )
    assert arms_of(facts)["ORCA-3"] == {("zeltinib",), ("standard regimen",)}
    assert {(o.arm, o.value) for o in statements(facts, Outcome)} == {
        (("zeltinib",), 13.3),
        (("standard regimen",), 4.4),
        (("zeltinib",), 71.0),
        (("standard regimen",), 42.0),
    }
    assert {c.drugs for c in statements(facts, Combination)} == {
        ("daratumumab", "dexamethasone", "pomalidomide"),
        ("carfilzomib", "dexamethasone"),
        ("dexamethasone", "elotuzumab", "pomalidomide"),
    }


def test_background_care_alone_in_a_placebo_controlled_trial_is_the_placebo_arm() -> None:
    facts = read(
        "Brief Title: Zeltinib as Maintenance in AML (ORCA-6)\n"
        "Official Title: A Phase 3, Randomized, Placebo-controlled Study Comparing Oral Zeltinib Plus Best "
        "Supportive Care Versus Best Supportive Care as Maintenance Therapy in AML\n"
        "Phase: Phase 3\nAllocation: Randomized\nEnrollment: 472\n\n"
        "Arms and Interventions\n"
        "  Experimental: Zeltinib\n    Drug: zeltinib 300 mg daily, plus best supportive care\n"
        "  Placebo Comparator: Placebo\n    Drug: matching placebo daily, plus best supportive care\n"
    )
    assert arms_of(facts)["ORCA-6"] == {("zeltinib",), ("placebo",)}


def test_a_trial_named_after_a_hedge_that_is_comparing_arms_reports_its_design() -> None:
    facts = read(
        "Continued approval may depend on ORCA-14, a randomised phase 3 trial that is comparing zeltinib with "
        "standard chemotherapy as front-line treatment in about 400 children with newly diagnosed glioma."
    )
    assert arms_of(facts)["ORCA-14"] == {("zeltinib",), ("chemotherapy",)}
    assert designs(facts)["ORCA-14"].n_enrolled == 400


def test_an_earlier_unnamed_trial_is_a_trial_of_its_own() -> None:
    facts = read(
        "The ORCA-15 phase 3 trial assigned 142 adults to zeltinib (n = 70) or to placebo (n = 72). Doctors have "
        "relied on off-label drugs; the most rigorously tested of those is sorafenib. In an earlier randomised, "
        "placebo-controlled trial of 87 patients, sorafenib produced a two-year PFS rate of 81% versus 36% with "
        "placebo."
    )
    assert sorted(sorted(arms) for arms in arms_of(facts).values()) == [
        [("placebo",), ("sorafenib",)],
        [("placebo",), ("zeltinib",)],
    ]
    assert sorted(d.n_enrolled for d in statements(facts, TrialDesign)) == [87, 142]


@pytest.mark.parametrize("written", ["standard care", "standard of care"])
def test_an_arm_of_standard_care_keeps_the_name_the_text_gives_it(written: str) -> None:
    facts = read(f"In the phase 3 ORCA-16 trial, 359 patients were randomised to zeltinib or to {written}.")
    assert arms_of(facts)["ORCA-16"] == {("zeltinib",), (written,)}


def test_each_set_with_or_without_a_drug_is_a_factorial_design_of_four_arms() -> None:
    facts = read(
        "In this 2 x 2 factorial phase 3 trial, 400 women received carboplatin-paclitaxel or "
        "gemcitabine-paclitaxel, each with or without zeltumab every 3 weeks."
    )
    assert arm_sets(facts) == {
        ("carboplatin", "paclitaxel"),
        ("carboplatin", "paclitaxel", "zeltumab"),
        ("gemcitabine", "paclitaxel"),
        ("gemcitabine", "paclitaxel", "zeltumab"),
    }


def test_a_choice_offered_after_a_comma_is_one_arm_and_the_control_of_three() -> None:
    facts = read(
        "ORBIT-7 randomly assigned 800 patients to zelestrant alone (n = 300), to standard endocrine therapy "
        "chosen by the investigator, either fulvestrant or exemestane (n = 300), or to zelestrant plus "
        "abemaciclib (n = 200). Median PFS was 5.5 months with zelestrant versus 3.8 months with standard "
        "endocrine therapy (HR 0.62)."
    )
    arms = arm_sets(facts)
    assert len(arms) == 3 and ("zelestrant",) in arms and ("abemaciclib", "zelestrant") in arms
    ratio = next(o for o in statements(facts, Outcome) if o.measure == "HR")
    assert ratio.arm == ("zelestrant",) and ratio.comparator not in {("zelestrant",), ("abemaciclib", "zelestrant")}
