"""Results laid out as structure rather than prose: registry records whose figures stand in
columns, arm letters defined in brackets, bulleted subgroup lists, and medians whose endpoint an
earlier sentence named. Every text here is written for these tests."""

from __future__ import annotations

from kg.model import Arm, Combination, Outcome, PaperFacts, TrialDesign
from tests.reading import arm_sets, read, statements


def figures(facts: PaperFacts) -> set[tuple[tuple[str, ...], str, str, float, bool]]:
    return {(o.arm, o.endpoint, o.measure, o.value, o.subgroup is not None) for o in statements(facts, Outcome)}


def ratios(facts: PaperFacts) -> set[tuple[tuple[str, ...], tuple[str, ...] | None, str, float, bool]]:
    return {
        (o.arm, o.comparator, o.endpoint, o.value, o.subgroup is not None)
        for o in statements(facts, Outcome)
        if o.measure == "HR"
    }


# ---- registry records in columns ---------------------------------------------------------------

_COLUMN_RECORD = """ClinicalTrials.gov ID: NCT09990001
Acronym: HARBOR-7
Phase: Phase 3
Allocation: Randomized
Enrollment: 420 participants (Actual)

Arms and Interventions
Experimental: Cabozantinib + Nivolumab
  Cabozantinib 40 mg orally once daily with nivolumab 240 mg IV every 2 weeks.
Active Comparator: Sunitinib
  Sunitinib 50 mg orally once daily, 4 weeks on and 2 weeks off.

Outcome Measures

1. Primary: Progression-Free Survival (PFS)
  Arm/Group Title: Cabozantinib + Nivolumab | Sunitinib
  Number of Participants Analyzed: 210 | 210
  Median (95% Confidence Interval), Unit of Measure: months
    15.1 (12.4 to 17.9) | 7.9 (6.1 to 9.2)
  Statistical Analysis 1
    Hazard Ratio (HR): 0.55; 95% Confidence Interval: 0.43 to 0.70

2. Secondary: Percentage of Participants Free of Progression at 2 Years
  Arm/Group Title: Cabozantinib + Nivolumab | Sunitinib
  Number (95% Confidence Interval), Unit of Measure: percentage of participants
    41.0 (34.2 to 47.9) | 22.5 (16.9 to 28.8)

3. Secondary: Overall Survival (OS)
  Arm/Group Title: Cabozantinib + Nivolumab | Sunitinib
  Median (95% Confidence Interval), Unit of Measure: months
    NA (NA to NA) | 29.5 (28.4 to NA)

4. Secondary: Objective Response Rate (ORR)
  Arm/Group Title: Cabozantinib + Nivolumab | Sunitinib
  Number (95% Confidence Interval), Unit of Measure: percentage of participants
    55.7 (48.7 to 62.5) | 27.1 (21.2 to 33.7)

Adverse Events
  Grade 3 or 4 diarrhoea: 6.9% | 4.3%
"""


def test_a_column_header_of_arm_labels_is_not_an_arm() -> None:
    facts = read(_COLUMN_RECORD)
    assert arm_sets(facts) == {("cabozantinib", "nivolumab"), ("sunitinib",)}


def test_figures_in_columns_go_to_the_arms_of_the_header_in_order() -> None:
    facts = read(_COLUMN_RECORD)
    found = figures(facts)
    assert (("cabozantinib", "nivolumab"), "PFS", "median", 15.1, False) in found
    assert (("sunitinib",), "PFS", "median", 7.9, False) in found
    assert (("sunitinib",), "OS", "median", 29.5, False) in found
    assert (("cabozantinib", "nivolumab"), "ORR", "rate", 55.7, False) in found
    assert (("sunitinib",), "ORR", "rate", 27.1, False) in found


def test_a_measure_that_is_no_endpoint_and_adverse_events_give_no_figures() -> None:
    values = {value for _arm, _endpoint, _measure, value, _sub in figures(read(_COLUMN_RECORD))}
    assert not values & {41.0, 22.5, 6.9, 4.3}


def test_the_ratio_of_a_statistical_analysis_compares_experimental_with_control() -> None:
    found = ratios(read(_COLUMN_RECORD))
    assert found == {(("cabozantinib", "nivolumab"), ("sunitinib",), "PFS", 0.55, False)}


_INTERVENTIONS_RECORD = """Acronym: LANTERN-2
ClinicalTrials.gov Identifier: NCT09990002
Other Study ID Numbers: GRP-2211
Phase: Phase 3
Actual Enrollment: 300 participants

Arms and Interventions
Arm/Group Title: Group 1 (Gilteritinib)
  Interventions: Drug: Azacitidine; Drug: Gilteritinib (Other Names: ASP-2215X)
Arm/Group Title: Group 2 (Placebo)
  Interventions: Drug: Azacitidine; Other: Placebo

Primary Outcome Measure
Title: Overall Survival
Arm/Group Title: Group 1 (Gilteritinib) | Group 2 (Placebo)
Median (95% Confidence Interval), Unit of Measure: months
  14.2 (11.0 to 17.5) | 10.1 (8.3 to 12.0)
Statistical Analysis
  Hazard Ratio (HR): 0.71; 95% Confidence Interval: 0.55 to 0.92
Title: Overall Survival by Mutation Type
Arm/Group Title: Group 1 (Gilteritinib) | Group 2 (Placebo)
  ITD only, Hazard Ratio (HR): 0.66; 95% CI 0.48 to 0.91
"""


def test_intervention_lines_give_a_registry_arm_its_drugs() -> None:
    facts = read(_INTERVENTIONS_RECORD)
    assert arm_sets(facts) == {("azacitidine", "gilteritinib"), ("azacitidine",)}


def test_another_study_id_field_names_the_same_trial() -> None:
    designs = statements(read(_INTERVENTIONS_RECORD), TrialDesign)
    assert [(d.trial, d.n_enrolled) for d in designs] == [("LANTERN-2", 300)]


def test_a_labelled_ratio_line_is_for_its_subgroup() -> None:
    found = ratios(read(_INTERVENTIONS_RECORD))
    control = ("azacitidine",)
    assert found == {
        (("azacitidine", "gilteritinib"), control, "OS", 0.71, False),
        (("azacitidine", "gilteritinib"), control, "OS", 0.66, True),
    }


# ---- arm letters and the control group ---------------------------------------------------------

_LETTERS = (
    "In this phase 3 trial, we randomly assigned 900 patients to durvalumab plus gemcitabine plus cisplatin "
    "(DGC; arm A, 300 patients), durvalumab plus tremelimumab plus gemcitabine plus cisplatin (DTGC; arm B, "
    "300 patients) or gemcitabine plus cisplatin (GC; arm C, 300 patients), given for eight cycles and "
    "followed by maintenance with durvalumab, tremelimumab, or both. This report compares arm B with arm C, "
    "the control group. Median overall survival was longer in arm B than in arm C (16.4 months vs. 11.9 "
    "months; hazard ratio for death, 0.70). Among patients with high tumour mutational burden, the median "
    "was 19.0 months versus 12.2 months (hazard ratio, 0.61)."
)


def test_a_label_in_the_bracket_after_an_arm_names_that_arm() -> None:
    facts = read(_LETTERS)
    assert arm_sets(facts) == {
        ("cisplatin", "durvalumab", "gemcitabine"),
        ("cisplatin", "durvalumab", "gemcitabine", "tremelimumab"),
        ("cisplatin", "gemcitabine"),
    }
    found = figures(facts)
    assert (("cisplatin", "durvalumab", "gemcitabine", "tremelimumab"), "OS", "median", 16.4, False) in found
    assert (("cisplatin", "gemcitabine"), "OS", "median", 11.9, False) in found


def test_a_bare_median_continues_the_endpoint_and_the_pair_compared_before() -> None:
    facts = read(_LETTERS)
    triplet = ("cisplatin", "durvalumab", "gemcitabine", "tremelimumab")
    control = ("cisplatin", "gemcitabine")
    assert (triplet, "OS", "median", 19.0, True) in figures(facts)
    assert (control, "OS", "median", 12.2, True) in figures(facts)
    assert (triplet, control, "OS", 0.61, True) in ratios(facts)


def test_the_arm_called_the_control_group_is_the_comparator() -> None:
    found = ratios(read(_LETTERS))
    assert (
        ("cisplatin", "durvalumab", "gemcitabine", "tremelimumab"),
        ("cisplatin", "gemcitabine"),
        "OS",
        0.70,
        False,
    ) in found


# ---- bulleted subgroup lists and ratios in a bracketed clause ----------------------------------

_BULLETS = (
    "In the randomised phase 3 KESTREL-4 trial, 600 patients were assigned to niraparib plus abiraterone or "
    "to abiraterone alone. Median progression-free survival was 16.5 months with niraparib plus abiraterone "
    "versus 13.7 months with abiraterone alone (HR 0.73). Results by genotype (niraparib arm vs control arm):\n"
    "- BRCA-mutated (n=225): 19.5 vs 10.9 months; HR 0.53\n"
    "- ATM-altered (n=86): 14.1 vs 11.2 months; HR 0.81\n"
)


def test_a_bullet_label_names_the_subgroup_of_its_figures() -> None:
    facts = read(_BULLETS)
    pair = ("abiraterone", "niraparib")
    assert (pair, "PFS", "median", 19.5, True) in figures(facts)
    assert (("abiraterone",), "PFS", "median", 11.2, True) in figures(facts)
    assert (pair, ("abiraterone",), "PFS", 0.81, True) in ratios(facts)


def test_a_ratio_after_a_semicolon_in_a_bracket_keeps_the_comparison_before_it() -> None:
    facts = read(
        "In the phase 3 SPARROW trial, 700 patients were randomly assigned to lorlatinib plus crizotinib, "
        "lorlatinib alone, or crizotinib alone. The benefit of lorlatinib plus crizotinib over crizotinib "
        "alone extended to patients with brain metastases (median progression-free survival, 14.0 vs. 6.2 "
        "months; hazard ratio, 0.41)."
    )
    assert {(arm, comparator) for arm, comparator, *_rest in ratios(facts)} == {
        (("crizotinib", "lorlatinib"), ("crizotinib",))
    }


def test_a_title_adding_a_drug_or_placebo_to_chemotherapy_keeps_the_placebo_arm_the_control() -> None:
    record = _INTERVENTIONS_RECORD.replace(
        "Acronym: LANTERN-2",
        "Official Title: A Phase 3 Randomized Study of Induction (Daunorubicin/Cytarabine) Chemotherapy "
        "Combined With Gilteritinib or Placebo in Older Adults\nAcronym: LANTERN-2",
    ).replace("Drug: Azacitidine", "Drug: Daunorubicin; Drug: Cytarabine")
    facts = read(record)
    control = ("cytarabine", "daunorubicin")
    assert arm_sets(facts) == {("cytarabine", "daunorubicin", "gilteritinib"), control}
    assert (("cytarabine", "daunorubicin", "gilteritinib"), control, "OS", 0.71, False) in ratios(facts)


_GRID_RECORD = """ClinicalTrials.gov ID: NCT09990003
Brief Title: Zeltinib Versus Everolimus in Previously Treated Kidney Cancer (HARBOUR-4)
Acronym: HARBOUR-4
Phase: Phase 3
Allocation: Randomized | Masking: Open Label | Model: Parallel
Actual Enrollment: 500 participants

Arms and Interventions
Participant Group/Arm | Intervention/Treatment
Experimental: Zeltinib. Zeltinib 80 mg orally once daily. | Drug: Zeltinib
Active Comparator: Everolimus. Everolimus 10 mg orally once daily. | Drug: Everolimus

Participant Flow
 | Zeltinib | Everolimus
Started | 251 | 249
Completed | 0 | 0

Outcome Measures
1. Primary Outcome: Progression-Free Survival (PFS)
Time Frame: Up to 30 months
 | Zeltinib | Everolimus
Overall Number of Participants Analyzed | 251 | 249
Median (95% Confidence Interval), Unit of Measure: months | 7.1 (5.5 to 8.0) | 4.2 (3.9 to 5.0)
Statistical Analysis: Zeltinib vs Everolimus. Hazard Ratio (HR) 0.70, 95% CI 0.57 to 0.86

2. Secondary Outcome: Objective Response Rate (ORR)
 | Zeltinib | Everolimus
Percentage of participants (95% CI) | 24.3 (19.1 to 30.1) | 4.0 (1.9 to 7.3)
"""


def test_a_borderless_grid_gives_arms_their_patients_figures_and_ratio() -> None:
    facts = read(_GRID_RECORD)
    assert {a.drugs: a.n for a in statements(facts, Arm)} == {("zeltinib",): 251, ("everolimus",): 249}
    assert {figure for figure in figures(facts) if figure[2] != "HR"} == {
        (("zeltinib",), "PFS", "median", 7.1, False),
        (("everolimus",), "PFS", "median", 4.2, False),
        (("zeltinib",), "ORR", "rate", 24.3, False),
        (("everolimus",), "ORR", "rate", 4.0, False),
    }
    assert ratios(facts) == {(("zeltinib",), ("everolimus",), "PFS", 0.70, False)}


def test_labelled_figures_and_flow_lines_of_a_record() -> None:
    record = """Acronym: HARBOUR-5
Phase: Phase 3
Arms and Interventions
Arm/Group Title: Arm I (Zeltinib)
  Interventions: Drug: Zeltinib
Arm/Group Title: Arm II (Placebo)
  Interventions: Other: Placebo

Participant Flow
  Arm I (Zeltinib): Started 120 | Completed 100
  Arm II (Placebo): Started 60 | Completed 51

Primary Outcome Measure 1: Progression-Free Survival
Time Frame: Up to 24 months
Population: all randomized participants
Arm I (Zeltinib): median 9.2 months (95% CI 7.0 to 11.1) | Arm II (Placebo): median 2.1 months (95% CI 1.8 to 3.0)
Statistical analysis: Zeltinib vs Placebo; Hazard Ratio 0.31 (95% CI 0.21 to 0.45)
"""
    facts = read(record)
    assert {a.drugs: a.n for a in statements(facts, Arm)} == {("zeltinib",): 120, ("placebo",): 60}
    assert {figure for figure in figures(facts) if figure[2] != "HR"} == {
        (("zeltinib",), "PFS", "median", 9.2, False),
        (("placebo",), "PFS", "median", 2.1, False),
    }
    assert ratios(facts) == {(("zeltinib",), ("placebo",), "PFS", 0.31, False)}


def test_a_record_naming_arms_by_short_forms_in_a_pipe_table() -> None:
    record = """Brief Title: Zeltinib vs. Investigator's Choice of Chemotherapy (HARBOUR-6)
Phase: Phase 3
Enrollment: 400 (Actual)

Arms and Interventions
| Arm | Intervention |
|---|---|
| Experimental: Zeltinib (ZEL) | Drug: zeltinib, 6 mg/kg IV on Day 1. Other names: ZX-101, ZEL |
| Active Comparator: Investigator's Choice Chemotherapy (IC Chemo) | Drug: paclitaxel weekly; OR Drug: topotecan |

Participant Flow
Started: ZEL 201 | IC Chemo 199

Outcome Measures
1. Primary: Progression-Free Survival (PFS) [Time Frame: Up to 30 months]
   Measure type: Median (95% Confidence Interval). Unit of measure: months
   ZEL: 5.6 (4.3 to 5.9) | IC Chemo: 4.0 (2.9 to 4.5)
   Statistical analysis: Hazard Ratio (HR) 0.66, 95% CI 0.52 to 0.81
"""
    facts = read(record)
    assert {a.drugs: a.n for a in statements(facts, Arm)} == {("zeltinib",): 201, ("investigator's choice",): 199}
    assert {figure for figure in figures(facts) if figure[2] != "HR"} == {
        (("zeltinib",), "PFS", "median", 5.6, False),
        (("investigator's choice",), "PFS", "median", 4.0, False),
    }
    assert ratios(facts) == {(("zeltinib",), ("investigator's choice",), "PFS", 0.66, False)}
    assert set(facts.drugs) == {"zeltinib", "paclitaxel", "topotecan"}


# ---- structured abstracts -------------------------------------------------------------------

_STRUCTURED_ABSTRACT = """Tislelizumab and Olaparib in Ovarian Cancer: the ORCA-5 Trial.

BACKGROUND: Olaparib lengthened progression-free survival when added to bevacizumab as maintenance \
therapy. ORCA-5 asked whether tislelizumab adds to olaparib.

METHODS: Women with advanced ovarian cancer were randomly assigned 2:1 to tislelizumab plus olaparib \
or to placebo plus olaparib.

RESULTS: Altogether, 612 patients underwent randomization (tislelizumab, n = 408; placebo, n = 204). \
Median progression-free survival was 19.0 months with tislelizumab plus olaparib and 15.5 months \
with placebo plus olaparib (hazard ratio, 0.74). It was alike for patients treated as first-line \
maintenance (HR, 0.70) and for those treated after a relapse (HR, 0.81).

CONCLUSIONS: Tislelizumab plus olaparib may be an option for these women.
"""


def test_a_structured_abstract_background_names_no_arms_of_the_trial() -> None:
    facts = read(_STRUCTURED_ABSTRACT)
    assert arm_sets(facts) == {("olaparib", "tislelizumab"), ("olaparib",)}
    [design] = statements(facts, TrialDesign)
    assert design.n_enrolled == 612
    assert {a.drugs: a.n for a in statements(facts, Arm)} == {
        ("olaparib", "tislelizumab"): 408,
        ("olaparib",): 204,
    }


def test_ratios_by_the_setting_patients_were_treated_in_are_subgroups() -> None:
    found = ratios(read(_STRUCTURED_ABSTRACT))
    assert (("olaparib", "tislelizumab"), ("olaparib",), "PFS", 0.70, True) in found
    assert (("olaparib", "tislelizumab"), ("olaparib",), "PFS", 0.81, True) in found
    assert (("olaparib", "tislelizumab"), ("olaparib",), "PFS", 0.74, False) in found


def test_a_hedged_claim_about_a_tested_combination_is_no_proposal() -> None:
    facts = read(_STRUCTURED_ABSTRACT)
    combinations = {(c.drugs, c.status) for c in statements(facts, Combination)}
    assert (("olaparib", "tislelizumab"), "tested") in combinations
    assert (("olaparib", "tislelizumab"), "proposed") not in combinations


_TITLED_ABSTRACT = """Niraparib with first-line chemotherapy in ovarian cancer (ORCA/GOG-9999): a randomised, \
three-arm phase 3 trial

Methods
In this three-arm trial (NCT09990007), patients were randomly assigned to carboplatin and paclitaxel with \
placebo (control group); or chemotherapy with niraparib followed by niraparib maintenance (niraparib group).

Findings
In total, 900 patients were enrolled. Among BRCA carriers (the BRCA cohort), PFS medians were 30.2 months in the \
niraparib group and 21.0 months in the control group (HR 0.50). In the HRD cohort it was 28.1 months \
versus 19.9 months (HR 0.61), and in the intention-to-treat population 22.4 months versus 17.0 months \
(HR 0.72).
"""


def test_this_trial_with_its_registry_id_is_the_trial_of_the_title() -> None:
    facts = read(_TITLED_ABSTRACT)
    [design] = statements(facts, TrialDesign)
    assert (design.phase, design.n_enrolled) == ("3", 900)
    assert arm_sets(facts) == {("carboplatin", "niraparib", "paclitaxel"), ("carboplatin", "paclitaxel")}


def test_medians_restated_by_it_was_and_cohorts_named_in_turn() -> None:
    found = figures(read(_TITLED_ABSTRACT))
    combination = ("carboplatin", "niraparib", "paclitaxel")
    assert (combination, "PFS", "median", 28.1, True) in found
    assert (combination, "PFS", "median", 22.4, False) in found
    assert (("carboplatin", "paclitaxel"), "PFS", "median", 17.0, False) in found
    assert (combination, "PFS", "HR", 0.72, False) in found
    assert (combination, "PFS", "HR", 0.61, True) in found
