"""How abstracts as journals print them are read: drug abbreviations defined in the text,
regimen names, arms first named by a class phrase, counts in arm labels, registration lines,
figures bracketed after their population, ratios labelled with the arms they compare.
Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from kg.model import Arm, Combination, Outcome, PaperFacts, Trial, TrialDesign
from tests.reading import read, statements


def arms(facts: PaperFacts) -> dict[tuple[str, ...], int | None]:
    return {f.statement.drugs: f.statement.n for f in facts.facts if isinstance(f.statement, Arm)}


def results(facts: PaperFacts) -> set[tuple[tuple[str, ...], str, str, float, str | None]]:
    return {
        (o.arm, o.endpoint, o.measure, o.value, o.subgroup)
        for f in facts.facts
        if isinstance(o := f.statement, Outcome)
    }


# ---- abbreviations the text defines ---------------------------------------------------------------


def test_drug_abbreviations_and_their_sum_name_the_arm() -> None:
    facts = read(
        "In this randomized phase 3 trial, 600 patients received sacituzumab govitecan (SG) plus "
        "pembrolizumab (P) or docetaxel. Median overall survival was 14.1 months with SG+P and 10.2 months "
        "with docetaxel."
    )
    assert set(arms(facts)) == {("pembrolizumab", "sacituzumab govitecan"), ("docetaxel",)}
    assert (("pembrolizumab", "sacituzumab govitecan"), "OS", "median", 14.1, None) in results(facts)


def test_a_short_form_for_a_set_of_drugs_is_that_set() -> None:
    facts = read(
        "Patients were randomly assigned to nivolumab, carboplatin and pemetrexed (NCP) or to carboplatin "
        "and pemetrexed in this phase 3 study. The objective response rate was 48% with NCP and 30% with "
        "carboplatin and pemetrexed."
    )
    assert (("carboplatin", "nivolumab", "pemetrexed"), "ORR", "rate", 48.0, None) in results(facts)
    assert "drug.abbreviation" in {m.rule for s in _sentences(facts) for m in s}


def test_a_short_form_whose_long_form_starts_inside_a_drug_name_holds_the_whole_drug() -> None:
    facts = read(
        "In this phase 3 trial, patients were randomly assigned to zeltinib plus abiraterone acetate plus "
        "prednisone (AAP) or to placebo plus AAP. Median PFS was 16.1 months with zeltinib plus AAP and 13.2 "
        "months with placebo plus AAP."
    )
    assert set(arms(facts)) == {("abiraterone", "prednisone", "zeltinib"), ("abiraterone", "prednisone")}


def test_short_forms_joined_by_a_hyphen_name_a_set_and_options_listed_for_a_class_are_no_arms() -> None:
    facts = read(
        "Chemotherapy (CT) alone gives few responses. In the phase 3 HARBOR trial, patients were randomly "
        "assigned to CT alone or to bevacizumab (BEV) with CT (BEV-CT). CT options were weekly paclitaxel or "
        "topotecan. The response rate was 12% with CT and 27% with BEV-CT."
    )
    assert set(arms(facts)) == {("chemotherapy",), ("bevacizumab", "chemotherapy")}
    assert (("bevacizumab", "chemotherapy"), "ORR", "rate", 27.0, None) in results(facts)


def test_a_short_form_of_the_head_of_a_chemotherapy_class_phrase_is_chemotherapy() -> None:
    facts = read(
        "Patients received zeltinib with platinum-based chemotherapy (CT). In the phase 3 HARBOR trial, they were "
        "randomly assigned to zeltinib plus four cycles of CT or to six cycles of CT alone."
    )
    assert set(arms(facts)) == {("chemotherapy", "zeltinib"), ("chemotherapy",)}


def test_short_forms_coined_from_parts_joined_by_plus_after_a_long_description() -> None:
    facts = read(
        "Adding zeltinib to durvalumab and platinum-based chemotherapy (CT) might help. In the phase 3 HARBOR "
        "trial, patients were randomly assigned to zeltinib 75 mg plus durvalumab 1500 mg plus four cycles of CT "
        "followed by durvalumab maintenance with one more zeltinib dose (Z+D+CT; n = 300), durvalumab plus four "
        "cycles of CT followed by durvalumab maintenance (D+CT; n = 301), or up to six cycles of CT alone "
        "(n = 302). Response rates were 39%, 41%, and 24% with Z+D+CT, D+CT, and CT, respectively. Z+D+CT "
        "improved both PFS (median 6.2 v 4.8 months; HR, 0.72) and OS (median 14.0 v 11.7 months; HR, 0.77) "
        "versus CT."
    )
    triplet, doublet = ("chemotherapy", "durvalumab", "zeltinib"), ("chemotherapy", "durvalumab")
    assert arms(facts) == {triplet: 300, doublet: 301, ("chemotherapy",): 302}
    found = {
        (o.arm, o.comparator, o.endpoint, o.measure, o.value)
        for f in facts.facts
        if isinstance(o := f.statement, Outcome)
    }
    assert {
        (triplet, None, "ORR", "rate", 39.0),
        (doublet, None, "ORR", "rate", 41.0),
        (("chemotherapy",), None, "ORR", "rate", 24.0),
        (triplet, None, "PFS", "median", 6.2),
        (("chemotherapy",), None, "PFS", "median", 4.8),
        (triplet, ("chemotherapy",), "PFS", "HR", 0.72),
        (triplet, ("chemotherapy",), "OS", "HR", 0.77),
    } <= found


def _sentences(facts: PaperFacts) -> list[list[object]]:
    from ingest.lexicon import shipped_lexicon
    from ingest.mentions import Reading
    from ingest.nlp import pipeline_for

    nlp = pipeline_for(shipped_lexicon())
    reading = Reading(facts.document.text, nlp(facts.document.text), shipped_lexicon())
    return [sentence.mentions for sentence in reading.sentences]


def test_a_short_form_coined_for_a_fixed_pair_names_both_drugs() -> None:
    # the letters of "OXT-TPY" do not start the long form's words, so Schwartz-Hearst cannot derive it
    facts = read(
        "Oxaliplatin\u2013tipiracil (OXT\u2013TPY) is a pair. In the randomised phase 3 trial (HARBOR), "
        "patients were assigned 1:1 to OXT\u2013TPY plus panitumumab or to OXT\u2013TPY alone. Median overall "
        "survival was 9.9 months in the combination group and 6.1 months in the OXT\u2013TPY group."
    )
    assert {d.trial for d in statements(facts, TrialDesign)} == {"HARBOR"}
    assert set(arms(facts)) == {("oxaliplatin", "panitumumab", "tipiracil"), ("oxaliplatin", "tipiracil")}
    assert (("oxaliplatin", "tipiracil"), "OS", "median", 6.1, None) in results(facts)


def test_a_one_letter_short_form_is_not_a_p_value() -> None:
    facts = read(
        "In a randomized phase 2 study, 120 patients were given lenvatinib (L) with everolimus or everolimus "
        "alone. Median PFS was 12.8 months with L plus everolimus and 5.5 months with everolimus (P = 0.002)."
    )
    assert (("everolimus", "lenvatinib"), "PFS", "median", 12.8, None) in results(facts)
    assert all("lenvatinib" not in arm or len(arm) == 2 for arm in arms(facts))


def test_a_regimen_name_gives_its_drugs() -> None:
    facts = read(
        "In this phase 3 trial, 400 patients with colorectal cancer were randomized to FOLFOX with "
        "bevacizumab or FOLFOX alone."
    )
    assert ("bevacizumab", "fluorouracil", "folinic acid", "oxaliplatin") in arms(facts)
    assert {"fluorouracil", "folinic acid", "oxaliplatin"} <= set(facts.drugs)


# ---- arms and counts --------------------------------------------------------------------------------


def test_a_count_inside_an_arm_label_is_the_arms() -> None:
    facts = read(
        "In this open-label phase 3 trial, 700 patients were assigned to tislelizumab plus chemotherapy "
        "(combination group, n = 352) or to chemotherapy alone (control group, n = 348)."
    )
    assert arms(facts)[("chemotherapy", "tislelizumab")] == 352
    assert arms(facts)[("chemotherapy",)] == 348


def test_the_total_before_a_list_of_arms_is_not_the_first_arms_count() -> None:
    facts = read(
        "In this phase 3 trial, 500 patients were assigned to ribociclib plus letrozole or to letrozole "
        "(n = 249)."
    )
    assert arms(facts)[("letrozole", "ribociclib")] is None
    assert arms(facts)[("letrozole",)] == 249


def test_an_arm_first_named_by_its_class_becomes_the_arm_of_its_drugs() -> None:
    facts = read(
        "Durvalumab plus chemotherapy versus placebo plus chemotherapy in biliary tract cancer (TOPAZ-9)\n"
        "In this phase 3 trial, patients were randomly assigned to durvalumab or placebo, each given with "
        "gemcitabine and cisplatin. Median overall survival was 12.8 months with durvalumab plus "
        "chemotherapy and 11.5 months with placebo plus chemotherapy."
    )
    assert set(arms(facts)) == {("cisplatin", "durvalumab", "gemcitabine"), ("cisplatin", "gemcitabine")}
    assert (("cisplatin", "gemcitabine"), "OS", "median", 11.5, None) in results(facts)


def test_a_registration_line_names_the_papers_trial() -> None:
    facts = read(
        "Olaparib after chemotherapy in ovarian cancer (SOLACE-4)\n"
        "In this randomized phase 3 trial, 260 patients received olaparib or placebo.\n"
        "Trial registration: ClinicalTrials.gov, NCT01234567."
    )
    trials = [f.statement for f in facts.facts if isinstance(f.statement, Trial)] or list(facts.trials.values())
    assert [(t.acronym, t.nct) for t in trials] == [("SOLACE-4", "NCT01234567")]
    assert len([f for f in facts.facts if isinstance(f.statement, TrialDesign)]) == 1


def test_a_prior_line_of_therapy_listing_classes_names_no_arm() -> None:
    facts = read(
        "In this phase 2 study, 150 patients with myeloma who had received at least three previous lines of "
        "therapy, including a proteasome inhibitor, an immunomodulatory drug and an anti-CD38 antibody, were "
        "given elranatamab."
    )
    assert set(arms(facts)) == {("elranatamab",)}


# ---- results -----------------------------------------------------------------------------------------


def test_figures_bracketed_after_a_population_carry_it() -> None:
    facts = read(
        "In this randomized phase 3 trial, 800 patients received tiragolumab plus atezolizumab or "
        "atezolizumab. Overall survival was longer with the combination in patients with squamous tumours "
        "(14.2 vs 10.1 months) and in all randomized patients (13.0 vs 11.2 months)."
    )
    found = results(facts)
    assert (("atezolizumab", "tiragolumab"), "OS", "median", 14.2, "squamous tumours") in found
    assert (("atezolizumab",), "OS", "median", 10.1, "squamous tumours") in found
    assert (("atezolizumab",), "OS", "median", 11.2, None) in found


def test_a_ratio_labelled_with_the_arms_it_compares() -> None:
    facts = read(
        "In this phase 3 trial, 600 patients were randomly assigned to zanubrutinib plus rituximab, "
        "zanubrutinib alone, or bendamustine plus rituximab. Progression-free survival favoured both "
        "zanubrutinib arms (zanubrutinib plus rituximab vs bendamustine plus rituximab: HR 0.31; zanubrutinib "
        "alone vs bendamustine plus rituximab: HR 0.52)."
    )
    ratios = {(o.arm, o.comparator, o.value) for f in facts.facts if isinstance(o := f.statement, Outcome)}
    assert (("rituximab", "zanubrutinib"), ("bendamustine", "rituximab"), 0.31) in ratios
    assert (("zanubrutinib",), ("bendamustine", "rituximab"), 0.52) in ratios


def test_middle_dot_decimals_are_decimals() -> None:
    facts = read(
        "In this randomised phase 3 trial, 500 patients received acalabrutinib or chlorambucil. Median "
        "progression-free survival was 27\u00b74 months with acalabrutinib and 14\u00b72 months with "
        "chlorambucil (HR 0\u00b736)."
    )
    found = results(facts)
    assert (("acalabrutinib",), "PFS", "median", 27.4, None) in found
    assert any(o[2] == "HR" and o[3] == 0.36 for o in found)


def test_tested_combinations_from_abbreviated_arms() -> None:
    facts = read(
        "In this phase 3 trial, 400 patients were randomized to enfortumab vedotin (EV) plus pembrolizumab "
        "(P) (EV+P group, n = 200) or to chemotherapy (n = 200)."
    )
    combos = {c.drugs for f in facts.facts if isinstance(c := f.statement, Combination)}
    assert ("enfortumab vedotin", "pembrolizumab") in combos
    assert arms(facts)[("enfortumab vedotin", "pembrolizumab")] == 200


# ---- choice arms, labels and schedules --------------------------------------------------------------


def test_interchangeable_chemotherapy_is_one_choice_arm_with_its_options() -> None:
    facts = read(
        "In this phase 3 trial, 700 patients were randomized to durvalumab plus tremelimumab or to pemetrexed "
        "with either cisplatin or carboplatin (chemotherapy group, n = 350)."
    )
    assert arms(facts) == {("durvalumab", "tremelimumab"): None, ("chemotherapy",): 350}
    combos = {c.drugs for f in facts.facts if isinstance(c := f.statement, Combination)}
    assert {("cisplatin", "pemetrexed"), ("carboplatin", "pemetrexed")} <= combos


def test_two_experimental_drugs_offered_in_the_alternative_stay_two_arms() -> None:
    facts = read(
        "In this phase 2 trial, 90 patients were randomized to fulvestrant with either alpelisib or "
        "capivasertib."
    )
    assert set(arms(facts)) == {("alpelisib", "fulvestrant"), ("capivasertib", "fulvestrant")}


def test_a_schedule_in_brackets_does_not_split_a_combination() -> None:
    facts = read(
        "In this phase 3 trial, 500 patients received tisotumab vedotin (2.0 mg/kg on days 1 and 15) plus "
        "pembrolizumab or investigator's choice chemotherapy."
    )
    assert ("pembrolizumab", "tisotumab vedotin") in arms(facts)
    assert ("tisotumab vedotin",) not in arms(facts)


def test_eligibility_for_a_drug_is_not_an_arm() -> None:
    facts = read(
        "In this phase 3 trial, 600 patients received nivolumab plus chemotherapy or chemotherapy. The "
        "overall survival benefit held among patients eligible for cisplatin (HR 0.70) and among those "
        "with cisplatin ineligibility (HR 0.76)."
    )
    assert ("cisplatin",) not in arms(facts)
    ratios = {(o.arm, o.value) for f in facts.facts if isinstance(o := f.statement, Outcome) and o.measure == "HR"}
    assert (("chemotherapy", "nivolumab"), 0.70) in ratios


def test_a_drug_plus_a_comma_list_closed_by_and_is_one_arm() -> None:
    facts = read(
        "In this phase 3 trial, 800 patients were randomly assigned to obinutuzumab plus ifosfamide, "
        "carboplatin, and etoposide, or to ifosfamide, carboplatin, and etoposide alone."
    )
    assert ("carboplatin", "etoposide", "ifosfamide", "obinutuzumab") in arms(facts)
    assert ("carboplatin", "etoposide", "ifosfamide") in arms(facts)


def test_a_drug_replaced_by_placebo_is_not_given() -> None:
    facts = read(
        "In this phase 3 trial, 500 patients were randomly assigned to brentuximab vedotin plus doxorubicin "
        "and dacarbazine, with bleomycin replaced by placebo, or to doxorubicin, bleomycin and dacarbazine."
    )
    assert ("brentuximab vedotin", "dacarbazine", "doxorubicin") in arms(facts)


def test_a_meeting_and_its_year_is_not_a_drug_code() -> None:
    facts = read(
        "Presented at ASCO 2024, the phase 3 trial randomized 400 patients to zanidatamab plus chemotherapy or "
        "to chemotherapy."
    )
    assert "ASCO 2024" not in facts.drugs
    assert "zanidatamab" in facts.drugs


def test_clipped_drug_names_in_an_arm_label() -> None:
    facts = read(
        "In this phase 3 trial, 400 patients were randomly assigned to nivolumab plus ipilimumab or to "
        "sunitinib. Median overall survival was 47.0 months in the NIVO+IPI group and 26.6 months in the "
        "SUN group, whereas patients on PBO were not enrolled."
    )
    assert (("ipilimumab", "nivolumab"), "OS", "median", 47.0, None) in results(facts)


# ---- choice arms ---------------------------------------------------------------------------------


def test_a_choice_arm_abbreviated_keeps_its_figures() -> None:
    facts = read(
        "In the phase 2 HARBOUR trial, 150 patients were assigned to zeltinib or to physician's choice (PC) of "
        "docetaxel (75 mg/m2 every 3 weeks) or pemetrexed (500 mg/m2 every 3 weeks). Median PFS was 6.2 months "
        "with zeltinib and 2.9 months with PC (HR 0.51)."
    )
    assert set(arms(facts)) == {("zeltinib",), ("physician's choice",)}
    assert (("physician's choice",), "PFS", "median", 2.9, None) in results(facts)


def test_patients_of_a_choice_arm_counted_by_option_are_not_arms() -> None:
    facts = read(
        "In the phase 3 HARBOUR trial, zeltinib was compared with chemotherapy chosen by the treating physician "
        "in patients whose disease had progressed after two earlier regimens, one of which contained "
        "trastuzumab. Of 300 patients randomised, 200 received zeltinib and 100 received chemotherapy "
        "(70 docetaxel, 30 pemetrexed)."
    )
    # the class is what the arm gives; who chose among its drugs does not rename it
    assert set(arms(facts)) == {("zeltinib",), ("chemotherapy",)}


def test_a_choice_arm_listing_regimens_is_one_arm_that_offers_them() -> None:
    facts = read(
        "In the phase 3 HARBOUR trial, patients were randomly assigned to zeltinib or to a regimen chosen by "
        "the investigator (investigator's choice): docetaxel and ramucirumab (DR); gemcitabine and "
        "carboplatin; or pemetrexed alone. Median PFS was 8.0 months with zeltinib and 4.1 months with "
        "investigator's choice."
    )
    assert set(arms(facts)) == {("zeltinib",), ("investigator's choice",)}
    offered = {c.drugs for f in facts.facts if isinstance(c := f.statement, Combination)}
    assert offered == {("docetaxel", "ramucirumab"), ("carboplatin", "gemcitabine")}


def test_a_drug_short_form_compared_with_another_arm_is_no_trial() -> None:
    facts = read(
        "The antibody-drug conjugate telisotuzumab vedotin (TELI; Brandix) improved survival over single-agent "
        "chemotherapy in the phase 3 HARBOUR trial. Patients were randomly assigned to TELI 6 mg/kg or to "
        "investigator's choice chemotherapy (ICC; n = 200) with weekly paclitaxel or topotecan. Median OS was "
        "16.5 months with TELI compared with 12.8 months with ICC. Responses to non-platinum "
        "chemotherapy are seldom seen in more than 12% of patients."
    )
    assert {trial.key for trial in facts.trials.values()} == {"HARBOUR"}
    assert set(arms(facts)) == {("telisotuzumab vedotin",), ("investigator's choice",)}
    assert results(facts) == {
        (("telisotuzumab vedotin",), "OS", "median", 16.5, None),
        (("investigator's choice",), "OS", "median", 12.8, None),
    }


def test_a_funding_line_names_the_papers_trial_and_prior_drugs_are_not_arms() -> None:
    facts = read(
        "BACKGROUND\nMen whose cancer progressed while receiving enzalutamide or abiraterone have few options.\n"
        "METHODS\nIn this phase 3 trial, patients were assigned in a 2:1 ratio to zeltinib or the physician's "
        "choice of enzalutamide or abiraterone. Median PFS was 7.4 months with zeltinib and 3.6 months with "
        "the physician's choice.\n(Funded by Example Pharma; HARBOUR ClinicalTrials.gov number, NCT09990011.)"
    )
    assert {(trial.key, trial.nct) for trial in facts.trials.values()} == {("HARBOUR", "NCT09990011")}
    assert {(a.trial, a.drugs) for a in statements(facts, Arm)} == {
        ("HARBOUR", ("zeltinib",)), ("HARBOUR", ("physician's choice",)),
    }


def test_initials_after_drugs_given_with_their_doses_name_the_regimen() -> None:
    facts = read(
        "Children were randomly assigned to selumetinib (25 mg/m\u00b2 twice daily; 20 mg/m\u00b2 if younger than "
        "3 years) plus trametinib (0.025 mg/kg daily), hereafter S+T, or to carboplatin 175 mg/m\u00b2 plus "
        "vinblastine 6 mg/m\u00b2 (C+V), as induction and then maintenance. In all, 90 were "
        "assigned to S+T and 45 to C+V. The response rate was 52% (31 of 60) with S+T and 20% (6 of 30) with "
        "C+V. Clinical benefit, defined as a response or disease stable for \u226524 weeks, was seen in 88% "
        "v 49%."
    )
    assert {a.drugs: a.n for a in statements(facts, Arm)} == {
        ("selumetinib", "trametinib"): 90,
        ("carboplatin", "vinblastine"): 45,
    }
    found = {(o.arm, o.endpoint, o.value) for o in statements(facts, Outcome)}
    assert found == {(("selumetinib", "trametinib"), "ORR", 52.0), (("carboplatin", "vinblastine"), "ORR", 20.0)}


def test_the_antibody_name_of_a_conjugate_is_the_conjugate() -> None:
    facts = read(
        "The phase 3 ORCA trial randomly assigned 300 adults to inotuzumab ozogamicin (Besponsa) or to "
        "standard chemotherapy. Median overall survival was 7.7 months in the inotuzumab group and 6.7 months "
        "in the chemotherapy group."
    )
    assert {o.arm for o in statements(facts, Outcome)} == {("inotuzumab ozogamicin",), ("chemotherapy",)}
    assert "inotuzumab" not in facts.drugs


@pytest.mark.parametrize(
    "control",
    ["pomalidomide and dexamethasone alone (Pd; n = 150)", "pomalidomide-dexamethasone (Pd)"],
)
def test_a_lettered_short_form_before_a_count_or_after_hyphenated_drugs(control: str) -> None:
    facts = read(
        "In the ORBIT study, 300 patients were randomly assigned to zeltinib plus pomalidomide and dexamethasone "
        f"(Z-Pd; n = 150) or {control}. Median PFS was 11.2 months with Z-Pd against 6.5 months with Pd "
        "(HR 0.64)."
    )
    assert {(o.arm, o.value) for o in statements(facts, Outcome) if o.measure == "median"} == {
        (("dexamethasone", "pomalidomide", "zeltinib"), 11.2),
        (("dexamethasone", "pomalidomide"), 6.5),
    }


def test_a_short_form_set_off_by_a_comma_after_the_drugs() -> None:
    facts = read(
        "In the phase 3 ORBIT trial, 494 patients were randomised to zeltinib or to daratumumab, bortezomib and "
        "dexamethasone, DVd (n = 251). Median PFS was 36.6 months with zeltinib versus 13.4 months in the DVd arm."
    )
    assert {(o.arm, o.value) for o in statements(facts, Outcome)} == {
        (("zeltinib",), 36.6),
        (("bortezomib", "daratumumab", "dexamethasone"), 13.4),
    }
