"""Texts that discuss several trials (reviews, commentaries, news round-ups): each trial keeps its
own phase, arms and results. Sentences written for these tests."""

from __future__ import annotations

import pytest

from kg.model import Arm, Combination, Outcome, PaperFacts, TrialDesign
from tests.reading import arms_of, designs, read, statements


def outcomes(facts: PaperFacts) -> set[tuple[str, tuple[str, ...], str, str, float]]:
    return {(o.trial, o.arm, o.endpoint, o.measure, o.value) for o in statements(facts, Outcome)}


def ratios(facts: PaperFacts) -> dict[float, tuple[tuple[str, ...], tuple[str, ...] | None]]:
    return {o.value: (o.arm, o.comparator) for o in statements(facts, Outcome) if o.measure == "HR"}


def combinations(facts: PaperFacts) -> set[tuple[tuple[str, ...], str]]:
    return {(c.drugs, c.status) for c in statements(facts, Combination)}


# ---- a review announces how many trials of a phase it discusses -------------------------------


def test_a_counted_phase_goes_to_the_trials_named_after_it() -> None:
    facts = read(
        "This overview covers the three phase 3 studies that changed practice.\n\n"
        "ORBIT-1 randomised 400 patients to osimertinib or gefitinib.\n\n"
        "In KESTREL, 300 patients were randomly assigned to alectinib or crizotinib.\n\n"
        "PELICAN compared lorlatinib with crizotinib in 290 patients.\n\n"
        "The later HERON trial compared brigatinib with crizotinib in 275 patients."
    )
    phases = {name: design.phase for name, design in designs(facts).items()}
    assert phases == {"ORBIT-1": "3", "KESTREL": "3", "PELICAN": "3", "HERON": None}


def test_a_counted_phase_is_not_a_trial_of_its_own() -> None:
    facts = read(
        "Adding ramucirumab to paclitaxel lengthened survival in two phase 3 trials.\n\n"
        "In ORBIT-1, 600 patients were randomly assigned to ramucirumab plus paclitaxel or to placebo "
        "plus paclitaxel.\n\n"
        "KESTREL enrolled 500 patients and randomly assigned them to ramucirumab plus docetaxel or placebo "
        "plus docetaxel."
    )
    assert set(designs(facts)) == {"ORBIT-1", "KESTREL"}
    assert all(design.phase == "3" for design in designs(facts).values())


def test_a_count_with_too_few_named_trials_after_it_assigns_nothing() -> None:
    facts = read(
        "Four phase 3 trials have tested the idea.\n\n"
        "ORBIT-1 randomised 400 patients to osimertinib or gefitinib."
    )
    assert designs(facts)["ORBIT-1"].phase is None


# ---- trial names in reviews -------------------------------------------------------------------


def test_a_name_with_a_capitalised_part_and_its_sibling() -> None:
    facts = read(
        "The second trial, KESTREL-SOLO, compared niraparib with placebo in 420 patients. The companion "
        "KESTREL-DUO comparison added dostarlimab to niraparib and did not improve PFS over niraparib alone."
    )
    assert arms_of(facts) == {
        "KESTREL-SOLO": {("niraparib",), ("placebo",)},
        "KESTREL-DUO": {("dostarlimab", "niraparib"), ("niraparib",)},
    }


def test_a_name_with_inner_capitals_and_a_number() -> None:
    facts = read(
        "ZetaCab-4 reached the same verdict with a different pair. In 350 patients previously treated "
        "with an immune checkpoint inhibitor, nivolumab added to axitinib gave a median PFS of 6.1 months "
        "compared with 7.0 months for axitinib monotherapy (HR 1.08)."
    )
    assert arms_of(facts) == {"ZETACAB-4": {("axitinib", "nivolumab"), ("axitinib",)}}
    assert designs(facts)["ZETACAB-4"].n_enrolled == 350
    assert ratios(facts)[1.08] == (("axitinib", "nivolumab"), ("axitinib",))


def test_a_prior_therapy_list_ends_at_a_comma_not_followed_by_another_item() -> None:
    facts = read(
        "In the ORBIT-1 trial of 300 patients previously treated with trastuzumab, pertuzumab and "
        "docetaxel, tucatinib added to capecitabine gave a median PFS of 7.8 months."
    )
    assert arms_of(facts)["ORBIT-1"] == {("capecitabine", "tucatinib"), ("capecitabine",)}


def test_a_leading_count_of_patients_sizes_the_trial() -> None:
    facts = read(
        "ORBIT-1 is typical: in 640 patients, lenvatinib plus pembrolizumab gave a median PFS of 23.9 "
        "months versus 9.2 months with sunitinib (HR 0.39)."
    )
    assert designs(facts)["ORBIT-1"].n_enrolled == 640


# ---- a trial's question, a trial under way -----------------------------------------------------


def test_the_question_a_trial_asked_gives_its_arms() -> None:
    facts = read(
        "The KESTREL trial asked whether adding atezolizumab to cabozantinib would help; it did not. Median OS was "
        "15.4 months with the combination and 15.2 months with cabozantinib (HR 0.97)."
    )
    assert arms_of(facts)["KESTREL"] == {("atezolizumab", "cabozantinib"), ("cabozantinib",)}
    assert ("KESTREL", ("atezolizumab", "cabozantinib"), "OS", "median", 15.4) in outcomes(facts)
    assert ratios(facts)[0.97] == (("atezolizumab", "cabozantinib"), ("cabozantinib",))
    assert combinations(facts) == {(("atezolizumab", "cabozantinib"), "tested")}


def test_a_trial_that_compares_arms_and_should_answer_a_question() -> None:
    facts = read(
        "The ongoing KESTREL trial compares olaparib plus durvalumab with olaparib after chemotherapy "
        "and should show whether pairing PARP inhibition with PD-L1 blockade adds to either alone."
    )
    assert arms_of(facts)["KESTREL"] == {("durvalumab", "olaparib"), ("olaparib",)}
    assert combinations(facts) == {(("durvalumab", "olaparib"), "tested")}


def test_a_hedge_without_a_trial_as_subject_still_gives_no_arm() -> None:
    facts = read("Whether olaparib should be given with durvalumab after chemotherapy remains open in KESTREL.")
    assert not statements(facts, Arm)


# ---- a regimen named in apposition ------------------------------------------------------------


def test_a_regimen_named_after_its_drugs_is_those_drugs_later() -> None:
    facts = read(
        "The KESTREL trial took another path: one dose of ipilimumab with nivolumab every four weeks, the DUET "
        "regimen. Median OS was 18.0 months with DUET and 14.0 months with sunitinib (HR 0.75). "
        "The DUET regimen could be combined with axitinib without the toxicity of bevacizumab."
    )
    assert ("KESTREL", ("ipilimumab", "nivolumab"), "OS", "median", 18.0) in outcomes(facts)
    assert (("axitinib", "ipilimumab", "nivolumab"), "proposed") in combinations(facts)
    assert not any("bevacizumab" in drugs for drugs, _status in combinations(facts))


# ---- the subject of a comparison ---------------------------------------------------------------


def test_a_figure_after_a_non_inferiority_statement_belongs_to_the_subject() -> None:
    facts = read(
        "In KESTREL, 900 patients were randomly assigned to tremelimumab plus durvalumab, durvalumab "
        "alone, or sorafenib. Durvalumab alone was non-inferior to sorafenib, with a median OS of 16.1 "
        "months (HR 0.87)."
    )
    assert ("KESTREL", ("durvalumab",), "OS", "median", 16.1) in outcomes(facts)
    assert ratios(facts)[0.87] == (("durvalumab",), ("sorafenib",))


# ---- a paragraph that names no trial -----------------------------------------------------------


def test_a_paragraph_on_the_drugs_of_the_trial_before_stays_with_that_trial() -> None:
    facts = read(
        "ORBIT-1 randomised 200 patients to regorafenib or placebo. Median PFS was 4.8 versus 0.9 months "
        "(HR 0.27). ORBIT-1 enrolled more patients than any later trial and was described in more detail "
        "than the others.\n\n"
        "KESTREL randomised 450 patients to cabozantinib or sunitinib.\n\n"
        "A later analysis split the patients by genotype. Those with exon 17 mutations did better on "
        "cabozantinib (median PFS 12.0 vs 2.0 months; HR 0.25)."
    )
    assert arms_of(facts)["ORBIT-1"] == {("regorafenib",), ("placebo",)}
    assert ("KESTREL", ("cabozantinib",), "PFS", "median", 12.0) in outcomes(facts)
    assert ("KESTREL", ("sunitinib",), "PFS", "median", 2.0) in outcomes(facts)


def test_a_figure_naming_no_drug_continues_the_trial_of_the_paragraph_before() -> None:
    facts = read(
        "In the ORBIT-1 trial, 600 patients were randomly assigned to zanubrutinib or ibrutinib. Median "
        "PFS was not reached with zanubrutinib. ORBIT-1 was larger than the other trial, and it ran longer. "
        "ORBIT-1 used central review.\n\n"
        "The benefit held in high-risk patients.\n\n"
        "Among those with a 17p deletion, the HR for PFS was 0.51.\n\n"
        "The second study, KESTREL, randomised 500 patients to acalabrutinib or ibrutinib."
    )
    assert ratios(facts)[0.51][0] == ("zanubrutinib",)


# ---- the arms of one trial's results -----------------------------------------------------------


def test_placebo_plus_a_backbone_is_an_arm_of_its_own() -> None:
    facts = read(
        "The KESTREL trial paired trastuzumab with a different backbone, capecitabine plus oxaliplatin, "
        "in 500 patients. Median PFS reached 8.2 months versus 6.8 months with placebo plus capecitabine "
        "and oxaliplatin (HR 0.69), and median OS was 14.4 versus 12.2 months (HR 0.77)."
    )
    assert designs(facts)["KESTREL"].n_enrolled == 500
    triplet, doublet = ("capecitabine", "oxaliplatin", "trastuzumab"), ("capecitabine", "oxaliplatin")
    assert arms_of(facts)["KESTREL"] == {triplet, doublet}
    assert {("KESTREL", triplet, "OS", "median", 14.4), ("KESTREL", doublet, "OS", "median", 12.2)} <= outcomes(
        facts
    )
    assert ratios(facts)[0.77] == (triplet, doublet)


@pytest.mark.parametrize("both", ["in both arms", "in each group"])
def test_a_median_shared_by_both_arms(both: str) -> None:
    facts = read(
        f"KESTREL randomised 700 patients to belzutifan or everolimus. Median PFS was 5.6 months {both}, "
        "yet the hazard ratio favoured belzutifan (HR 0.75)."
    )
    assert {("KESTREL", ("belzutifan",), "PFS", "median", 5.6), ("KESTREL", ("everolimus",), "PFS", "median", 5.6)} <= (
        outcomes(facts)
    )


def test_its_patients_in_a_later_clause_size_the_trial() -> None:
    facts = read(
        "The KESTREL trial asked whether adding pembrolizumab to axitinib would help; among its 800 "
        "patients, it did not."
    )
    assert designs(facts)["KESTREL"].n_enrolled == 800


def test_a_concessive_clause_keeps_its_drugs_to_the_trial_it_names() -> None:
    facts = read(
        "Neither study included an immune checkpoint inhibitor, even though nivolumab plus chemotherapy "
        "became standard after the KESTREL trial for patients with a high PD-L1 score."
    )
    assert arms_of(facts) == {"KESTREL": {("chemotherapy", "nivolumab")}}


def test_the_antibody_refers_back_to_the_antibody_named_before() -> None:
    facts = read(
        "Median PFS was 10.6 months with trastuzumab in the first trial.\n\n"
        "The KESTREL trial paired the antibody with capecitabine in 480 patients."
    )
    assert arms_of(facts)["KESTREL"] == {("capecitabine", "trastuzumab")}


def test_a_trial_named_for_its_regimen_does_not_take_another_trials_results() -> None:
    facts = read(
        "For years the regimen of the ORCA trial was the standard. In that phase 3 trial, which randomised 400 "
        "patients, "
        "adding cetuximab to carboplatin plus fluorouracil (hereafter, chemotherapy) lengthened median overall "
        "survival from 7.0 to 10.0 months.\n\n"
        "In the phase 3 DELTA-7 trial, nivolumab plus ipilimumab did not improve OS over the ORCA regimen "
        "(13.0 vs 13.4 months; HR 0.95)."
    )
    assert arms_of(facts) == {
        "ORCA": {("cetuximab", "chemotherapy"), ("chemotherapy",)},
        "DELTA-7": {("ipilimumab", "nivolumab")},
    }


def test_trials_a_label_pools_take_the_phase_announced_and_each_its_own_labelled_line() -> None:
    facts = read(
        "Efficacy was evaluated in 120 adult patients who were enrolled in one of two multicenter, open-label, "
        "multi-cohort phase 2 trials: ORCA-11 (NCT09990131) and ORCA-12 (NCT09990132). Patients received zeltinib "
        "5.4 mg/kg every 3 weeks.\n\n"
        "ORCA-11: Among 80 patients with HER2 IHC 3+ tumours, the ORR was 51.4% and the median DOR was 19.4 months.\n\n"
        "ORCA-12: Among 40 patients with HER2 IHC 3+ colorectal cancer, the ORR was 46.9%.\n"
    )
    assert {(d.trial, d.phase, d.n_enrolled) for d in statements(facts, TrialDesign)} == {
        ("ORCA-11", "2", 80),
        ("ORCA-12", "2", 40),
    }
    assert {(o.value, o.subgroup) for o in statements(facts, Outcome)} == {(51.4, None), (19.4, None), (46.9, None)}


# ---- trials a review names together, and what they share -------------------------------------


def test_an_uncounted_set_of_phase_3_trials_gives_its_phase_to_the_trials_named_after_it() -> None:
    facts = read(
        "Several randomised phase III trials have asked whether an antibody improves on docetaxel.\n\n"
        "ORBIT-1 randomised 400 patients to zeltumab plus docetaxel or to docetaxel alone.\n\n"
        "KESTREL enrolled 380 patients and assigned them to ravotumab plus docetaxel or docetaxel."
    )
    assert {name: (d.phase, d.randomized) for name, d in designs(facts).items()} == {
        "ORBIT-1": ("3", True),
        "KESTREL": ("3", True),
    }


def test_an_acronym_listed_with_a_trial_is_a_trial_too() -> None:
    facts = read(
        "What ORBIT-1, HALCYON and KESTREL teach us\n\n"
        "ORBIT-1 randomised 400 patients to zeltumab plus docetaxel or to docetaxel alone.\n\n"
        "HALCYON gave the same regimen to 312 randomised patients; median PFS was 8.1 months with zeltumab "
        "plus docetaxel versus 5.0 months with docetaxel."
    )
    assert designs(facts)["HALCYON"].n_enrolled == 312
    assert arms_of(facts)["HALCYON"] == {("docetaxel", "zeltumab"), ("docetaxel",)}


def test_the_same_backbone_is_the_regimen_an_earlier_trial_added_a_drug_to() -> None:
    facts = read(
        "In ORBIT-1, 500 patients were randomly assigned to zeltumab or placebo, each with carboplatin and "
        "etoposide.\n\n"
        "KESTREL enrolled 450 patients and added ravotumab or placebo to the same backbone."
    )
    assert arms_of(facts)["KESTREL"] == {("carboplatin", "etoposide", "ravotumab"), ("carboplatin", "etoposide")}


def test_a_randomised_trial_told_by_its_regimen_alone_compares_it_with_the_shared_backbone() -> None:
    facts = read(
        "Three randomised phase 3 trials added an antibody to carboplatin and etoposide.\n\n"
        "In ORBIT-1, 500 patients were randomly assigned to zeltumab or placebo, each with carboplatin and "
        "etoposide.\n\n"
        "KESTREL randomised 450 patients to ravotumab or placebo, again with carboplatin and etoposide.\n\n"
        "HALCYON, the last of the three, combined vorutumab with carboplatin and etoposide. Median OS was "
        "15.1 versus 11.9 months."
    )
    assert arms_of(facts)["HALCYON"] == {("carboplatin", "etoposide", "vorutumab"), ("carboplatin", "etoposide")}
    assert ("HALCYON", ("carboplatin", "etoposide"), "OS", "median", 11.9) in outcomes(facts)


def test_a_trial_that_asks_whether_a_drug_adds_to_a_regimen_compares_the_two() -> None:
    facts = read(
        "The phase 3 HALCYON trial asked whether zeltumab adds anything to bevacizumab plus carboplatin. "
        "Among 410 randomised patients, median OS was 19.0 months with the zeltumab-containing regimen and "
        "17.2 months without it."
    )
    assert arms_of(facts)["HALCYON"] == {
        ("bevacizumab", "carboplatin", "zeltumab"),
        ("bevacizumab", "carboplatin"),
    }
    assert designs(facts)["HALCYON"].n_enrolled == 410


def test_a_range_of_several_trials_hazard_ratios_is_no_result() -> None:
    facts = read(
        "ORBIT-1 randomised 400 patients to zeltumab plus docetaxel or docetaxel (HR for death 0.71).\n\n"
        "Across the antibodies, the hazard ratios for death lay between 0.64 and 0.80."
    )
    assert set(ratios(facts)) == {0.71}


def test_a_question_about_kinds_of_drug_names_no_arms() -> None:
    facts = read(
        "ORBIT-9 randomised 300 older patients to ibrutinib plus obinutuzumab or chlorambucil plus "
        "obinutuzumab. It asked whether an anti-CD20 antibody adds to a BTK inhibitor in frail patients."
    )
    assert arms_of(facts)["ORBIT-9"] == {("ibrutinib", "obinutuzumab"), ("chlorambucil", "obinutuzumab")}
