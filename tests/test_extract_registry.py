"""Registry records and results tables, written for these tests in the layouts registries and
Markdown papers use."""

from __future__ import annotations

from ingest.extract import read_paper
from ingest.lexicon import shipped_lexicon
from ingest.mentions import Reading, Sentence
from ingest.nlp import pipeline_for
from ingest.sentences import CleanText
from ingest.tables import PipeTable, row_cells
from kg.model import Arm, Combination, Document, Outcome, PaperFacts, TrialDesign


def read(text: str) -> PaperFacts:
    return read_paper(Document(id="t", text=text))


def keyed(facts: PaperFacts) -> set[tuple[tuple[str, ...], str, str, float]]:
    return {(o.arm, o.endpoint, o.measure, o.value) for f in facts.facts if isinstance(o := f.statement, Outcome)}


PIPE_ARMS = """Registry results summary

NCT09990001
Study title: Sotorasib + Panitumumab vs. Placebo + Panitumumab in Colorectal Cancer (ORBIT-4)
Phase: Phase 3
Actual enrollment: 300 participants

Arm/Group title | Description
Sotorasib + Panitumumab | Sotorasib 960 mg orally once daily plus panitumumab 6 mg/kg every 2 weeks.
Placebo + Panitumumab | Matching placebo once daily plus panitumumab 6 mg/kg every 2 weeks.

Participant flow
Started: Sotorasib + Panitumumab 200; Placebo + Panitumumab 100

Primary outcome: Progression-Free Survival
Time frame: up to 36 months
Median (95% Confidence Interval), unit of measure: months
Sotorasib + Panitumumab: 5.6 (4.2 to 6.3)
Placebo + Panitumumab: 2.2 (1.9 to 3.9)
Statistical analysis: Hazard Ratio 0.49, 95% CI 0.30 to 0.80

Secondary outcome: Percentage of Participants With Objective Response
Unit of measure: percentage of participants
Sotorasib + Panitumumab: 26.4
Placebo + Panitumumab: 0

Secondary outcome: Number of participants with adverse events
Sotorasib + Panitumumab: 180
Placebo + Panitumumab: 90
"""


def test_a_registry_record_with_an_arms_table_and_results() -> None:
    facts = read(PIPE_ARMS)
    assert list(facts.trials) == ["ORBIT-4"]
    design = next(f.statement for f in facts.facts if isinstance(f.statement, TrialDesign))
    assert (design.phase, design.n_enrolled, facts.trials["ORBIT-4"].nct) == ("3", 300, "NCT09990001")
    assert {(a.drugs, a.n) for f in facts.facts if isinstance(a := f.statement, Arm)} == {
        (("panitumumab", "sotorasib"), 200),
        (("panitumumab",), 100),
    }
    assert keyed(facts) == {
        (("panitumumab", "sotorasib"), "PFS", "median", 5.6),
        (("panitumumab",), "PFS", "median", 2.2),
        (("panitumumab", "sotorasib"), "PFS", "HR", 0.49),
        (("panitumumab", "sotorasib"), "ORR", "rate", 26.4),
        (("panitumumab",), "ORR", "rate", 0.0),
    }


FIELD_ARMS = """Results: NCT09990002 (ORBIT-5)

Study Design: Randomized, open-label, phase 3
Actual Enrollment: 600

Arm/Group Title: Cabozantinib
Arm/Group Description: Cabozantinib 60 mg orally once daily
Arm/Group Title: Sunitinib
Arm/Group Description: Sunitinib 50 mg orally once daily

Outcome Measure Title: Overall Survival (OS)
Measure Type: Median; Unit of Measure: months
Cabozantinib: 26.6
Sunitinib: 21.2
Hazard Ratio (Cabozantinib vs Sunitinib): 0.80
"""


def test_arm_title_fields_and_a_ratio_naming_its_arms() -> None:
    facts = read(FIELD_ARMS)
    design = next(f.statement for f in facts.facts if isinstance(f.statement, TrialDesign))
    assert (design.phase, design.n_enrolled) == ("3", 600)
    assert keyed(facts) == {
        (("cabozantinib",), "OS", "median", 26.6),
        (("sunitinib",), "OS", "median", 21.2),
        (("cabozantinib",), "OS", "HR", 0.8),
    }
    hr = next(o for f in facts.facts if isinstance(o := f.statement, Outcome) and o.measure == "HR")
    assert hr.comparator == ("sunitinib",)


def test_an_arm_offering_drugs_in_the_alternative_is_no_combination() -> None:
    facts = read(
        "Brief Title: A Study of Savolitinib Plus Osimertinib (ORBIT-6)\nPhase: Phase 3\n\n"
        "Experimental: Savolitinib + osimertinib. Savolitinib 300 mg twice daily plus osimertinib 80 mg daily.\n"
        "Active Comparator: Platinum doublet chemotherapy. Pemetrexed 500 mg/m2 plus cisplatin 75 mg/m2 or "
        "carboplatin AUC5 every 3 weeks.\n"
    )
    arms = {a.drugs for f in facts.facts if isinstance(a := f.statement, Arm)}
    assert arms == {("osimertinib", "savolitinib"), ("carboplatin", "cisplatin", "pemetrexed")}
    assert {c.drugs for f in facts.facts if isinstance(c := f.statement, Combination)} == {
        ("osimertinib", "savolitinib")
    }


MARKDOWN = """# ORBIT-7

ORBIT-7 (NCT09990003) was a randomized trial. A total of 600 patients were randomly assigned 2:1
to tucatinib or placebo, each in combination with trastuzumab and capecitabine.

| Arm | Patients | Median PFS (months) | ORR (%) |
|---|---|---|---|
| Tucatinib + trastuzumab + capecitabine | 400 | 7.8 | 40.6 |
| Placebo + trastuzumab + capecitabine | 200 | 5.6 | 22.8 |
"""


def test_a_markdown_results_table() -> None:
    facts = read(MARKDOWN)
    triplet, doublet = ("capecitabine", "trastuzumab", "tucatinib"), ("capecitabine", "trastuzumab")
    assert {(a.drugs, a.n) for f in facts.facts if isinstance(a := f.statement, Arm)} == {
        (triplet, 400),
        (doublet, 200),
    }
    assert keyed(facts) == {
        (triplet, "PFS", "median", 7.8),
        (doublet, "PFS", "median", 5.6),
        (triplet, "ORR", "rate", 40.6),
        (doublet, "ORR", "rate", 22.8),
    }


def sentences(text: str) -> list[Sentence]:
    lexicon = shipped_lexicon()
    return Reading(text, pipeline_for(lexicon)(CleanText(text).text), lexicon).sentences


def test_pipe_table_rows_come_with_their_header() -> None:
    table = PipeTable()
    rows = [
        table.feed(s)
        for s in sentences("| Arm | N |\n|---|---|\n| Drug A | 12 |\n\nProse ends the table.\n| Drug B | 3 |\n")
    ]
    data = [row for row in rows if row is not None]
    assert len(data) == 1
    assert [c.text for c in data[0].header] == ["Arm", "N"]
    assert [c.text for c in data[0].cells] == ["Drug A", "12"]
    assert data[0].count_column() == 1


def test_a_line_with_one_bar_is_not_a_table_row() -> None:
    assert all(row_cells(sentence) is None for sentence in sentences("Arm | Description\n"))


BULLETED_RECORD = """ClinicalTrials.gov ID: NCT09990011
Official title: A Randomized, Placebo-Controlled Phase 3 Study of Cabozantinib in Thymic Carcinoma
Acronym: THYMOS
Enrollment: 300 participants (Actual)

Arm groups
- Experimental: Cabozantinib 60 mg (n=200)
- Placebo Comparator: Placebo (n=100). Crossover to cabozantinib was allowed at progression.

Primary outcome measure
1. Progression-free survival by central review [Time frame: up to 3 years]
   Cabozantinib: median 11.2 months (95% CI 9.0 to 13.1)
   Placebo: median 4.1 months (95% CI 3.3 to 5.0)
   Statistical analysis: HR (cabozantinib/placebo) 0.38; 90% CI 0.28 to 0.52
2. Objective response rate
   Cabozantinib: 31.5% (63/200)
   Placebo: 2.0% (2/100)
"""


def test_a_bulleted_arm_list_and_numbered_outcomes_with_rows_by_drug_name() -> None:
    facts = read(BULLETED_RECORD)
    assert {a.drugs: a.n for f in facts.facts if isinstance(a := f.statement, Arm)} == {
        ("cabozantinib",): 200,
        ("placebo",): 100,
    }
    assert keyed(facts) == {
        (("cabozantinib",), "PFS", "median", 11.2),
        (("placebo",), "PFS", "median", 4.1),
        (("cabozantinib",), "PFS", "HR", 0.38),
        (("cabozantinib",), "ORR", "rate", 31.5),
        (("placebo",), "ORR", "rate", 2.0),
    }


COLUMN_TITLES_BY_DRUG = """A Phase 3 Study of Zanubrutinib Versus Investigator's Choice Chemotherapy (KESTON)

ClinicalTrials.gov ID: NCT09990012
Phase: Phase 3
Enrollment (Actual): 330 participants

PARTICIPANT FLOW
Arm/Group Title: Zanubrutinib | Salvage Chemotherapy
STARTED: 220 | 110
COMPLETED: 0 | 0

OUTCOME MEASURES
1. Primary Outcome
Title: Overall Survival (OS)
Arm/Group Title: Zanubrutinib | Salvage Chemotherapy
Number of Participants Analyzed: 220 | 110
Median (95% Confidence Interval), Unit of Measure: months: 10.4 (8.8 to 12.0) | 6.2 (5.1 to 7.7)
Statistical Analysis 1: Comparison Groups: Zanubrutinib, Salvage Chemotherapy; P-Value: <0.001; Hazard Ratio (HR): 0.66

2. Secondary Outcome
Title: Event-Free Survival (EFS)
Arm/Group Title: Zanubrutinib | Salvage Chemotherapy
Median (95% CI), months: 2.9 (1.5 to 3.9) | 0.8 (0.3 to NA)
"""


def test_column_titles_name_their_arms_by_the_drugs_they_spell() -> None:
    facts = read(COLUMN_TITLES_BY_DRUG)
    assert {d.trial for d in (f.statement for f in facts.facts) if isinstance(d, TrialDesign)} == {"KESTON"}
    assert {a.drugs: a.n for f in facts.facts if isinstance(a := f.statement, Arm)} == {
        ("zanubrutinib",): 220,
        ("investigator's choice",): 110,
    }
    assert keyed(facts) == {
        (("zanubrutinib",), "OS", "median", 10.4),
        (("investigator's choice",), "OS", "median", 6.2),
        (("zanubrutinib",), "OS", "HR", 0.66),
    }


def test_arm_lines_with_cells_and_outcomes_under_units_lines() -> None:
    facts = read(
        "ClinicalTrials.gov ID: NCT09990017\n"
        "Brief Title: Zeltinib Versus Bevacizumab in Recurrent Glioma (CREST)\n"
        "Phase: Phase 3\n"
        "Enrollment (Cohort 2): 300 participants (Actual)\n\n"
        "Arms and Interventions\n"
        "  Experimental: Zeltinib | Drug: Zeltinib 3 mg/kg every 2 weeks | Participants: 150\n"
        "  Active Comparator: Bevacizumab | Drug: Bevacizumab 10 mg/kg every 2 weeks | Participants: 150\n\n"
        "Primary Outcome Measure\n"
        "1. Overall Survival (OS) [Time Frame: up to 4 years]\n"
        "  Units: Months, Median (95% Confidence Interval)\n"
        "  Zeltinib: 9.7 (8.1 to 11.5)\n"
        "  Bevacizumab: 10.2 (9.1 to 11.9)\n"
        "  Statistical analysis: Hazard Ratio (Zeltinib vs Bevacizumab) 1.05, 95% CI 0.84 to 1.31\n"
        "2. Overall Survival Rate at 12 Months\n"
        "  Units: Percentage of participants (95% CI)\n"
        "  Zeltinib: 41.5 (34.2 to 48.1)\n"
        "  Bevacizumab: 42.5 (35.1 to 49.3)\n"
    )
    assert keyed(facts) == {
        (("zeltinib",), "OS", "median", 9.7),
        (("bevacizumab",), "OS", "median", 10.2),
        (("zeltinib",), "OS", "HR", 1.05),
        (("zeltinib",), "OS", "rate", 41.5),
        (("bevacizumab",), "OS", "rate", 42.5),
    }
    outcomes = [o for f in facts.facts if isinstance(o := f.statement, Outcome)]
    rates = {(o.value, o.timepoint) for o in outcomes if o.measure == "rate"}
    assert rates == {(41.5, "12 months"), (42.5, "12 months")}
    arms = {(f.statement.drugs, f.statement.n) for f in facts.facts if isinstance(f.statement, Arm)}
    assert arms == {(("zeltinib",), 150), (("bevacizumab",), 150)}
    assert {f.statement.n_enrolled for f in facts.facts if isinstance(f.statement, TrialDesign)} == {300}


NUMBERED_ARMS = """Study results record
Brief title: Phase 2 Study of Lenvatinib Against Sorafenib in Thyroid Cancer (PALISADE-2)
Phase: Phase 2
Enrollment: 120 participants (actual)

Arms
Arm A (Experimental): lenvatinib 24 mg by mouth daily in 28-day cycles.
Participants assigned: 61.
Arm B (Active comparator): sorafenib 400 mg by mouth twice daily.
Participants assigned: 59.

Secondary outcome measures
Objective response rate
  Arm A: 52% (32/61) | Arm B: 20% (12/59)
"""


def test_a_count_line_under_a_numbered_arm_and_one_line_of_both_arms_rates() -> None:
    facts = read(NUMBERED_ARMS)
    assert {(a.drugs, a.n) for f in facts.facts if isinstance(a := f.statement, Arm)} == {
        (("lenvatinib",), 61),
        (("sorafenib",), 59),
    }
    # each rate is its own label's, not the label after its bar
    assert keyed(facts) == {(("lenvatinib",), "ORR", "rate", 52.0), (("sorafenib",), "ORR", "rate", 20.0)}


THREE_ARM_RECORD = """ClinicalTrials.gov Identifier: NCT09990042
Brief Title: Combination Chemotherapy With or Without Ramucirumab in Advanced Gastric Cancer
Official Title: Irinotecan, 5-Fluorouracil (5-FU) and Leucovorin (FOLFIRI) With or Without Ramucirumab
Phase: Phase 3
Enrollment: 600 (Actual)

Arms and Interventions
Arm I (FOLFIRI plus ramucirumab): Patients receive ramucirumab 8 mg/kg, irinotecan, leucovorin and fluorouracil IV.
Arm II (FOLFIRI): Patients receive fluorouracil, leucovorin and irinotecan as in Arm I.
Arm III (ramucirumab alone): Patients receive ramucirumab 8 mg/kg IV on day 1.

Participant Flow
Arm I: Started 201 | Arm II: Started 200 | Arm III: Started 199

1. Primary Outcome: Overall Survival
Unit of Measure: months. Median (95% Confidence Interval)
Arm I: 11.4 (10.2 to 12.9)
Arm II: 9.1 (8.0 to 10.3)
Arm III: 8.2 (7.1 to 9.5)
"""


def test_a_three_arm_record_with_a_regimen_named_after_its_drugs_and_flow_cells_by_label() -> None:
    facts = read(THREE_ARM_RECORD)
    folfiri = ("fluorouracil", "folinic acid", "irinotecan")
    with_ramucirumab = ("fluorouracil", "folinic acid", "irinotecan", "ramucirumab")
    assert {(a.drugs, a.n) for f in facts.facts if isinstance(a := f.statement, Arm)} == {
        (with_ramucirumab, 201),
        (folfiri, 200),
        (("ramucirumab",), 199),
    }
    # "(95% Confidence Interval)" is no unit: the medians are in months
    assert {(o.arm, o.value, o.unit) for f in facts.facts if isinstance(o := f.statement, Outcome)} == {
        (with_ramucirumab, 11.4, "months"),
        (folfiri, 9.1, "months"),
        (("ramucirumab",), 8.2, "months"),
    }


def test_numbered_outcome_measures_in_capitals_head_their_tables() -> None:
    facts = read(
        """Registry results record

NCT09990077
Official Title: A Randomized Phase 3 Study of Drug Pairs in Kidney Cancer (HARBOUR)
Phase: Phase 3 | Allocation: Randomized
Enrollment: 600 participants (Actual)

ARMS AND INTERVENTIONS
Experimental: Axitinib + Avelumab
  Drug: axitinib 5 mg orally twice daily
  Drug: avelumab 10 mg/kg every 2 weeks
Active Comparator: Sunitinib
  Drug: sunitinib 50 mg orally once daily

OUTCOME MEASURE 1 (Primary): Progression-free Survival by Investigator
  Unit of Measure: months
  Median (95% Confidence Interval)
    Axitinib + Avelumab: 13.8 (11.1 to 16.4)
    Sunitinib:           8.4 (6.9 to 11.1)

OUTCOME MEASURE 2 (Secondary): Objective Response Rate
  Unit of Measure: percentage of participants
  Number (95% Confidence Interval)
    Axitinib + Avelumab: 52.5 (46.1 to 58.9)
    Sunitinib:           27.3 (21.8 to 33.3)
"""
    )
    assert {f.statement.trial for f in facts.facts if isinstance(f.statement, TrialDesign)} == {"HARBOUR"}
    assert keyed(facts) == {
        (("avelumab", "axitinib"), "PFS", "median", 13.8),
        (("sunitinib",), "PFS", "median", 8.4),
        (("avelumab", "axitinib"), "ORR", "rate", 52.5),
        (("sunitinib",), "ORR", "rate", 27.3),
    }


def test_a_title_line_of_column_heads_set_apart_by_spaces_is_no_arm() -> None:
    facts = read(
        """A Study of Ensartinib Versus Crizotinib in ALK-Positive Lung Cancer (HARBOUR)
Phase: Phase 3

Outcome Measure 1 (Primary)
  Title: Investigator-Assessed Progression-Free Survival
  Arm/Group Title:                  Ensartinib        Crizotinib
  Unit of Measure: months
"""
    )
    assert {f.statement.drugs for f in facts.facts if isinstance(f.statement, Arm)} == {
        ("ensartinib",),
        ("crizotinib",),
    }


# ---- outcome blocks: a heading, field lines, rows by arm label, a statistical analysis ------------

LABELLED_BLOCKS = """ClinicalTrials.gov results

NCT09990077
Brief Title: Tislelizumab Versus Chemotherapy of the Investigator's Choice in Oesophageal Cancer (HERON-3)
Phase: Phase 3
Allocation: Randomized
Enrollment: 450 (Actual)

Arms and Interventions
Experimental: Tislelizumab
  Drug: Tislelizumab 200 mg intravenously every 3 weeks
Active Comparator: Investigator's Choice
  Drug: Paclitaxel 175 mg/m2 every 3 weeks, OR
  Drug: Irinotecan 125 mg/m2 weekly

Primary Outcome Measure
  Title: Overall Survival
  Time Frame: from randomization to death, up to 30 months
  Unit of Measure: Months
  Median (95% Confidence Interval)
    Tislelizumab (n=300):            8.9 (7.6 to 9.8)
    Investigator's Choice (n=150):   6.2 (5.1 to 7.0)
  Statistical Analysis
    Comparison Groups: Tislelizumab, Investigator's Choice
    Method: Log Rank; P-Value: 0.002
    Hazard Ratio (HR): 0.74; 95% Confidence Interval: 0.58 to 0.90

Other Outcome Measures
  Title: Overall Survival Rate at 18 Months
  Unit of Measure: participants alive (%)
    Tislelizumab: 21.4 | Investigator's Choice: 12.9
"""

PIPED_BLOCKS = """REGISTRY ENTRY

Identifier: NCT09990078 | Acronym: LARCH
Brief title: Olutasidenib Versus Placebo in IDH1-Mutant Chondrosarcoma
Phase 3 | Randomized 2:1 | Double-blind
Actual enrollment: 180 participants

Interventions
  Drug: olutasidenib, 150 mg by mouth twice daily
  Drug: placebo, matching capsule twice daily

Outcome measure 1 (primary): Progression-free survival by central review
  Unit of measure: months | Measure type: Median (95% CI)
  Olutasidenib (n=120) | 10.6 (8.1 to 13.0)
  Placebo (n=60)       | 4.2 (3.0 to 5.5)
  Statistical analysis: Cox regression, hazard ratio 0.45 (95% CI 0.30 to 0.66); log-rank P=0.0004

Outcome measure 2 (key secondary): Objective response rate
  Unit of measure: % of participants
  Olutasidenib | 18.3
  Placebo      | 1.7
"""


def test_rows_by_arm_label_under_a_title_line_and_the_analysis_after_them() -> None:
    facts = read(LABELLED_BLOCKS)
    choice, drug = ("investigator's choice",), ("tislelizumab",)
    assert keyed(facts) == {
        (drug, "OS", "median", 8.9),
        (choice, "OS", "median", 6.2),
        (drug, "OS", "HR", 0.74),
        (drug, "OS", "rate", 21.4),
        (choice, "OS", "rate", 12.9),
    }
    rates = {o.timepoint for f in facts.facts if isinstance(o := f.statement, Outcome) and o.measure == "rate"}
    assert rates == {"18 months"}
    assert {a.drugs for f in facts.facts if isinstance(a := f.statement, Arm)} == {drug, choice}


def test_rows_with_a_bar_after_the_arm_label_under_a_numbered_measure() -> None:
    facts = read(PIPED_BLOCKS)
    drug, placebo = ("olutasidenib",), ("placebo",)
    assert keyed(facts) == {
        (drug, "PFS", "median", 10.6),
        (placebo, "PFS", "median", 4.2),
        (drug, "PFS", "HR", 0.45),
        (drug, "ORR", "rate", 18.3),
        (placebo, "ORR", "rate", 1.7),
    }
    [design] = [d for f in facts.facts if isinstance(d := f.statement, TrialDesign)]
    assert (design.trial, design.phase, design.n_enrolled) == ("LARCH", "3", 180)


THREE_ARM_ANALYSES = """Results record

NCT09990079
Official Title: Cabozantinib With Nivolumab or Ipilimumab Versus Sunitinib in Renal Cell Carcinoma (MAPLE-3)
Phase: Phase 3 | Allocation: Randomized
Enrollment: 900 participants (Actual)

Arms and Interventions
Experimental: Cabozantinib + Nivolumab
  Drug: cabozantinib 40 mg daily
  Drug: nivolumab 240 mg every 2 weeks
Experimental: Cabozantinib + Ipilimumab
  Drug: cabozantinib 40 mg daily
  Drug: ipilimumab 1 mg/kg every 6 weeks
Active Comparator: Sunitinib
  Drug: sunitinib 50 mg daily, 4 weeks on and 2 off

Outcome Measure 1 (Primary): Overall Survival
  Unit of Measure: months
  Median (95% Confidence Interval)
    Cabozantinib + Nivolumab:  NA (30.2 to NA)
    Cabozantinib + Ipilimumab: 28.4 (24.0 to 33.1)
    Sunitinib:                 NA (NA to NA)
    [NA: too few deaths to estimate the median]
  Statistical Analysis 1: Cabozantinib + Nivolumab vs Sunitinib
    Hazard Ratio (HR): 0.69 | 95% CI: 0.55 to 0.92
  Statistical Analysis 2: Cabozantinib + Ipilimumab vs Sunitinib
    Hazard Ratio (HR): 1.08 | 95% CI: 0.84 to 1.39
"""


def test_each_statistical_analysis_names_the_arms_its_ratio_compares() -> None:
    facts = read(THREE_ARM_ANALYSES)
    ratios = {
        (o.arm, o.comparator, o.endpoint, o.value)
        for f in facts.facts
        if isinstance(o := f.statement, Outcome) and o.measure == "HR"
    }
    assert ratios == {
        (("cabozantinib", "nivolumab"), ("sunitinib",), "OS", 0.69),
        (("cabozantinib", "ipilimumab"), ("sunitinib",), "OS", 1.08),
    }
    medians = {(o.arm, o.value) for f in facts.facts if isinstance(o := f.statement, Outcome) and o.measure == "median"}
    assert medians == {(("cabozantinib", "ipilimumab"), 28.4)}


# ---- layouts set out with spaces -----------------------------------------------------------------


def test_columns_set_apart_by_spaces_read_as_cells() -> None:
    text = (
        "Sponsor ........ Acme Oncology\nPhase ....... III\n\n"
        "  Started        200     100\n  Treated        198      97\n"
    )
    assert CleanText(text).text == "Sponsor: Acme Oncology\nPhase: III\nStarted | 200 | 100\nTreated | 198 | 97\n"


def test_a_header_over_the_row_labels_opens_with_an_empty_cell() -> None:
    text = "                   Zeltinib   Docetaxel\n  Randomized       150        75\n"
    assert CleanText(text).text.splitlines()[0] == "| Zeltinib | Docetaxel"


def test_double_spaces_in_prose_are_no_cells() -> None:
    text = "Median PFS was 7.1 months.  The drug was well tolerated, and  no deaths were reported.\n"
    assert "|" not in CleanText(text).text


SPACED_RECORD = """Results record | NCT09990077
A Study of Zeltinib Versus Placebo in Advanced Mesothelioma (CEDAR-9)
Phase ................ III
Enrollment ........... 300 participants (actual)

ARMS                                       Assigned
[Z] Zeltinib 100 mg daily                  200
[P] Placebo                                100

PARTICIPANT FLOW          Z        P
Started                   200      100
Completed                 12       3

OUTCOME 1 (Primary): Progression-free survival, PD-L1-positive cohort
Unit of Measure: months | Median (95% Confidence Interval)
  Z  6.4 (5.1 to 7.7)
  P  3.0 (2.6 to 3.9)
Statistical analysis, Z vs P: Hazard Ratio 0.52, 95% CI 0.40 to 0.68
"""


def test_a_record_set_out_with_spaces_and_coded_arms() -> None:
    facts = read(SPACED_RECORD)
    design = next(f.statement for f in facts.facts if isinstance(f.statement, TrialDesign))
    assert (design.phase, design.n_enrolled) == ("3", 300)
    assert {(a.drugs, a.n) for f in facts.facts if isinstance(a := f.statement, Arm)} == {
        (("zeltinib",), 200),
        (("placebo",), 100),
    }
    results = {(o.arm, o.measure, o.value, o.subgroup) for f in facts.facts if isinstance(o := f.statement, Outcome)}
    assert results == {
        (("zeltinib",), "median", 6.4, "pd-l1-positive cohort"),
        (("placebo",), "median", 3.0, "pd-l1-positive cohort"),
        (("zeltinib",), "HR", 0.52, "pd-l1-positive cohort"),
    }


def test_arm_lines_led_by_the_codes_the_tables_use() -> None:
    facts = read(
        """Study Results | NCT09990078
Official Title: A Phase III Study of Zeltinib, or Zeltinib and Tremelimumab, After Chemoradiation (CEDAR-10)

Arm/Group Descriptions
  Z        Experimental: Zeltinib 1200 mg IV every 3 weeks
  Z+T      Experimental: Zeltinib 1200 mg + tremelimumab 300 mg IV, day 1 only
  Placebo  Placebo Comparator: Saline infusion, three-weekly

Participant Flow
  Arm/Group             Z      Z+T    Placebo
  Randomized            250    200    250

Overall survival, median (95% CI), months
    Z:        50.1 (40.2 to NA)
    Placebo:  31.0 (25.5 to 40.0)
"""
    )
    assert {(a.drugs, a.n) for f in facts.facts if isinstance(a := f.statement, Arm)} == {
        (("zeltinib",), 250),
        (("tremelimumab", "zeltinib"), 200),
        (("placebo",), 250),
    }
    assert keyed(facts) == {(("zeltinib",), "OS", "median", 50.1), (("placebo",), "OS", "median", 31.0)}


def test_a_label_table_with_arms_as_columns_and_endpoints_as_sections() -> None:
    facts = read(
        """Label summary: ZEJULA (niraparib)

CEDAR-11 (NCT09990079) randomised 300 patients to niraparib (n = 200) or investigator's choice (n = 100).

Table: Efficacy
  Endpoint                        ZEJULA (N=200)       Investigator's choice (N=100)
  Overall survival
    Median, months (95% CI)       20.5 (17.0, 24.1)    14.2 (11.0, 17.3)
    Hazard ratio (95% CI)         0.60 (0.45, 0.80)
    OS rate at 1 year             70%                  55%
  Objective response rate         12%                  4%
"""
    )
    assert keyed(facts) == {
        (("niraparib",), "OS", "median", 20.5),
        (("investigator's choice",), "OS", "median", 14.2),
        (("niraparib",), "OS", "HR", 0.60),
        (("niraparib",), "OS", "rate", 70.0),
        (("investigator's choice",), "OS", "rate", 55.0),
        (("niraparib",), "ORR", "rate", 12.0),
        (("investigator's choice",), "ORR", "rate", 4.0),
    }


def test_arms_under_short_codes_and_measures_numbered_with_a_role_in_brackets() -> None:
    facts = read(
        """RESULTS | NCT09990080
Adding Zeltinib to Lenalidomide and Dexamethasone in Relapsed Myeloma (CEDAR-12)
Study design: Phase III | Randomized, 1:1
Enrollment: 400 participants randomized

Groups
  ZRd: Zeltinib 100 mg orally daily plus lenalidomide 25 mg on days 1-21 and dexamethasone 40 mg weekly
  Rd: Lenalidomide 25 mg on days 1-21 plus dexamethasone 40 mg weekly

Participant flow           | ZRd | Rd
  Randomized               | 201 | 199

Outcome 1 (primary): Progression-Free Survival
  Unit of Measure: Months
  Median (95% Confidence Interval) | 30.2 (25.0 to 36.1) | 18.4 (15.2 to 21.0)
  Hazard Ratio (Cox proportional hazards) 0.55 | 95% CI 0.42 to 0.71

Outcome 1b (prespecified subgroup): Progression-Free Survival, participants with high-risk cytogenetics
  Unit of Measure: Months
  Median (95% Confidence Interval) | 22.0 (14.0 to NA) | 10.1 (7.3 to 13.0)
"""
    )
    zrd, rd = ("dexamethasone", "lenalidomide", "zeltinib"), ("dexamethasone", "lenalidomide")
    assert {(a.drugs, a.n) for f in facts.facts if isinstance(a := f.statement, Arm)} == {(zrd, 201), (rd, 199)}
    results = {(o.arm, o.measure, o.value, o.subgroup) for f in facts.facts if isinstance(o := f.statement, Outcome)}
    assert {(zrd, "median", 30.2, None), (rd, "median", 18.4, None), (zrd, "HR", 0.55, None)} <= results
    assert {value for arm, _, value, subgroup in results if subgroup == "high-risk cytogenetics"} == {22.0, 10.1}


def test_column_heads_that_shorten_the_arms_labels() -> None:
    facts = read(
        """Official Title: A Phase 3 Study of Zeltinib Plus Rituximab, or Zeltinib, Versus Rituximab Plus Bendamustine
Acronym: CEDAR-13
Allocation: Randomized (1:1:1)

Arms and Interventions
Active Comparator: Rituximab + Bendamustine
Experimental: Zeltinib + Rituximab
Experimental: Zeltinib

Participant Flow
                              Ri+Be     Zel+Ri     Zel
  STARTED                       150        152        151

Secondary Outcome Measures
3. Overall Response Rate (ORR)
   Unit of Measure: percentage of participants
     Ri+Be (n=150)        70.1
     Zel+Ri (n=152)       91.4
     Zel (n=151)          83.0
"""
    )
    assert {(a.drugs, a.n) for f in facts.facts if isinstance(a := f.statement, Arm)} == {
        (("bendamustine", "rituximab"), 150),
        (("rituximab", "zeltinib"), 152),
        (("zeltinib",), 151),
    }
    assert keyed(facts) == {
        (("bendamustine", "rituximab"), "ORR", "rate", 70.1),
        (("rituximab", "zeltinib"), "ORR", "rate", 91.4),
        (("zeltinib",), "ORR", "rate", 83.0),
    }


def test_arms_named_after_their_role_and_two_cell_rows_under_numbered_titles() -> None:
    facts = read(
        """RESULTS RECORD - NCT09990081

Zeltinib as Maintenance After Induction Chemotherapy in Advanced Gastric Cancer
Brief title / acronym: CEDAR-14
Study design: Phase III; randomized 2:1; double-blind; placebo-controlled

ARMS / INTERVENTIONS
  Arm 1, Experimental - Zeltinib: zeltinib 200 mg tablets once daily until progression. Randomized: 120
  Arm 2, Placebo Comparator - Placebo: identical tablets once daily. Randomized: 60

PARTICIPANT FLOW
  Period: Main study              Arm 1     Arm 2
  Randomized                        120       60

RESULTS
1. Primary. PFS per investigator
   Unit of Measure: months
   Median (95% Confidence Interval)
| Arm 1 (N=120)    | 9.1 (7.7 to 10.5) |
| Arm 2 (N=60)     | 4.0 (3.1 to 4.9)  |

2. Secondary. Duration of response (DOR), in patients who had a response
   Unit of Measure: months
     Arm 1 (N=30) .......... 11.8 (9.0 to NE)
"""
    )
    assert {(a.drugs, a.n) for f in facts.facts if isinstance(a := f.statement, Arm)} == {
        (("zeltinib",), 120),
        (("placebo",), 60),
    }
    results = {(o.arm, o.endpoint, o.value, o.subgroup) for f in facts.facts if isinstance(o := f.statement, Outcome)}
    assert results == {
        (("zeltinib",), "PFS", 9.1, None),
        (("placebo",), "PFS", 4.0, None),
        (("zeltinib",), "DOR", 11.8, None),
    }


def test_the_cohorts_of_a_one_regimen_record_as_columns() -> None:
    facts = read(
        """Registry record NCT09990082 -- results
Brief Title: Study of Zeltinib in Patients With Advanced Basal Cell Carcinoma (LARCH-3)
Design: Single group, three cohorts | Phase 2 | Open label
Enrollment: 150 (Actual) in Cohorts A-C

Intervention: Drug: zeltinib, an oral hedgehog inhibitor.

Arms/Groups
  Cohort A: Locally advanced disease; zeltinib 200 mg daily
  Cohort B: Metastatic disease; zeltinib 200 mg daily
  Cohort C: Metastatic disease after surgery; zeltinib 200 mg daily

OUTCOME MEASURE 1 (PRIMARY): Overall Response Rate
Unit of Measure: percentage of participants
                                Cohort A        Cohort B        Cohort C
  Number Analyzed                   50              60              40
  Value (95% CI)            40.0 (26.4-54.8) 35.0 (23.1-48.4) 52.5 (36.1-68.5)

OUTCOME MEASURE 2 (SECONDARY): Overall Survival
  Estimated proportion alive at 12 months, %: Cohort A 80.1 | Cohort B 77.0 | Cohort C 85.2
"""
    )
    design = next(f.statement for f in facts.facts if isinstance(f.statement, TrialDesign))
    assert design.phase == "2"
    results = {(o.endpoint, o.value, o.subgroup) for f in facts.facts if isinstance(o := f.statement, Outcome)}
    assert results == {
        ("ORR", 40.0, "cohort a"),
        ("ORR", 35.0, "cohort b"),
        ("ORR", 52.5, "cohort c"),
        ("OS", 80.1, "cohort a"),
        ("OS", 77.0, "cohort b"),
        ("OS", 85.2, "cohort c"),
    }


def test_bracket_coded_arms_blocks_titled_by_their_endpoint_and_an_adverse_event_section() -> None:
    facts = read(
        """NCT09990083
Study of Zeltinib Versus Investigator's Choice in Relapsed Lymphoma (CEDAR-15)
Design: Open label | Phase 3 | Randomised, two arms

ARMS / INTERVENTIONS
[A] Experimental - Zeltinib: 160 mg orally once daily until progression.
[B] Active comparator - Investigator's choice: rituximab with bendamustine, or rituximab with lenalidomide.

PRIMARY OUTCOME
Progression-free survival by central review
Unit of Measure: months
Median (95% Confidence Interval) | A: 15.2 (12.0 to 18.3) | B: 9.0 (7.7 to 10.9)
Statistical analysis, A vs B, stratified: hazard ratio 0.58 (95% CI 0.42 to 0.80)

SERIOUS ADVERSE EVENTS | A: 40/120 (33.3%) | B: 50/118 (42.4%)
"""
    )
    assert keyed(facts) == {
        (("zeltinib",), "PFS", "median", 15.2),
        (("investigator's choice",), "PFS", "median", 9.0),
        (("zeltinib",), "PFS", "HR", 0.58),
    }


POPULATION_ROWS_RECORD = """STUDY RESULTS | NCT09990203
Title: A Randomized Phase 3 Study of Zeltinib Plus Tislelizumab Versus Treatment of Physician's Choice (CEDAR-12)
Phase 3 | Randomized 1:1 | Open label

Groups
  [Z+T] zeltinib 20 mg orally once daily + tislelizumab 200 mg IV every 3 weeks
  [TPC] Treatment of Physician's Choice: docetaxel 75 mg/m2 IV every 3 weeks, or irinotecan 180 mg/m2 IV every 2 weeks

Participant flow     Z+T    TPC
  Randomized         300    302
  Treated            296    280

Outcome 1 (primary): Progression-Free Survival
  Unit of Measure: months; Median (95% Confidence Interval)
  Population     Z+T                 TPC
  MSS tumours   5.9 (5.0 to 6.8)    3.1 (2.9 to 4.0)
  All-comers    6.4 (5.5 to 7.2)    3.3 (3.0 to 4.1)
  Statistical analysis, MSS tumours: hazard ratio 0.61 (95% CI 0.50 to 0.75); p<0.0001
  Statistical analysis, all-comers: hazard ratio 0.58 (95% CI 0.48 to 0.70); p<0.0001

Outcome 2 (secondary): Overall Survival
  Unit of Measure: percentage of participants alive at Month 24
    Z+T:  48.2 (95% CI 42.0 to 54.1)
    TPC:  33.0 (95% CI 27.5 to 38.6)
"""


def test_coded_arm_lines_and_a_table_whose_rows_are_populations() -> None:
    facts = read(POPULATION_ROWS_RECORD)
    assert {(a.drugs, a.n) for f in facts.facts if isinstance(a := f.statement, Arm)} == {
        (("tislelizumab", "zeltinib"), 300),
        (("physician's choice",), 302),
    }
    results = {
        (o.arm, o.endpoint, o.measure, o.value, o.subgroup, o.timepoint)
        for f in facts.facts
        if isinstance(o := f.statement, Outcome) and o.endpoint == "PFS"
    }
    combination, choice = ("tislelizumab", "zeltinib"), ("physician's choice",)
    assert results == {
        (combination, "PFS", "median", 5.9, "mss tumours", None),
        (choice, "PFS", "median", 3.1, "mss tumours", None),
        (combination, "PFS", "median", 6.4, None, None),
        (choice, "PFS", "median", 3.3, None, None),
        (combination, "PFS", "HR", 0.61, "mss tumours", None),
        (combination, "PFS", "HR", 0.58, None, None),
    }


def test_a_unit_of_participants_alive_at_a_visit_makes_a_survival_rate() -> None:
    facts = read(POPULATION_ROWS_RECORD)
    rates = {
        (o.arm, o.measure, o.value, o.unit, o.timepoint)
        for f in facts.facts
        if isinstance(o := f.statement, Outcome) and o.endpoint == "OS"
    }
    assert rates == {
        (("tislelizumab", "zeltinib"), "rate", 48.2, "%", "24 months"),
        (("physician's choice",), "rate", 33.0, "%", "24 months"),
    }


MATCHED_PLACEBO_RECORD = """ClinicalTrials.gov Results Record
Official Title: A Phase 3 Study of Zeltinib With Nivolumab and Ipilimumab Versus Nivolumab and Ipilimumab (CEDAR-13)
Phase: Phase 3
Enrollment: 855 (Actual)

Arms and Interventions
Experimental: Zeltinib + Nivolumab + Ipilimumab
  Drug: zeltinib 40 mg orally once daily
  Drug: nivolumab 3 mg/kg IV every 3 weeks
  Drug: ipilimumab 1 mg/kg IV every 3 weeks
Placebo Comparator: Placebo + Nivolumab + Ipilimumab
  Drug: zeltinib-matched placebo orally once daily
  Drug: nivolumab and ipilimumab as in the experimental arm

Participant Flow
                          Zelt + Nivo + Ipi    Placebo + Nivo + Ipi
  STARTED                 428                  427

Outcome Measure 1 (Primary)
  Title: Progression-Free Survival
  Description: Assessed in the first 550 participants.
  NA = not reached.
  Unit of Measure: months
  Median (95% Confidence Interval)
    Zelt + Nivo + Ipi (n=276):       NA (14.0 to NA)
    Placebo + Nivo + Ipi (n=274):    11.3 (7.7 to 18.2)
"""


def test_a_matched_placebo_line_and_column_heads_that_shorten_each_label() -> None:
    facts = read(MATCHED_PLACEBO_RECORD)
    assert {(a.drugs, a.n) for f in facts.facts if isinstance(a := f.statement, Arm)} == {
        (("ipilimumab", "nivolumab", "zeltinib"), 428),
        (("ipilimumab", "nivolumab"), 427),
    }
    assert keyed(facts) == {(("ipilimumab", "nivolumab"), "PFS", "median", 11.3)}


AMPERSAND_RECORD = """ClinicalTrials.gov Identifier: NCT09990404
Brief Title: A Study of Zeltinib vs. Placebo in Combination With Capecitabine & Trastuzumab in Breast Cancer (CEDAR-14)
Phase: Phase 2
Enrollment: 612 (Actual)

Outcome Measures

1. Primary: Progression-free Survival (PFS)
   Time Frame: Up to approximately 2 years
   Overall Number of Participants Analyzed: 320 / 160
   Unit of Measure: months
   Median (95% Confidence Interval)
     Zeltinib + Capecitabine + Trastuzumab: 7.8 (7.5 to 9.6)
     Placebo + Capecitabine + Trastuzumab: 5.6 (4.2 to 7.1)
   Statistical Analysis: Hazard Ratio (HR) 0.54; 95% CI 0.42 to 0.71
"""


def test_drugs_joined_by_an_ampersand_and_a_placebo_label_naming_the_backbone_arm() -> None:
    facts = read(AMPERSAND_RECORD)
    combination, backbone = ("capecitabine", "trastuzumab", "zeltinib"), ("capecitabine", "trastuzumab")
    assert {a.drugs for f in facts.facts if isinstance(a := f.statement, Arm)} == {combination, backbone}
    assert keyed(facts) == {
        (combination, "PFS", "median", 7.8),
        (backbone, "PFS", "median", 5.6),
        (combination, "PFS", "HR", 0.54),
    }


SPACED_LABEL_TABLE = """The efficacy of zeltinib was evaluated in CEDAR-15 (NCT09990405), a randomized Phase 3 study.
A total of 419 patients were randomized 1:1 to zeltinib (n=208) or to standard therapy (n=211),
which was the physician's choice of pomalidomide and dexamethasone or daratumumab and dexamethasone.

Table 1. Efficacy results for CEDAR-15
                                   Zeltinib arm (N=208)     Standard therapy arm (N=211)
Progression-free survival
  Median, months (95% CI)          NE (22.8, NE)            11.8 (9.7, 13.8)
  Hazard ratio (95% CI)            0.41 (0.30, 0.56)
Overall response rate, % (95% CI)  84.6 (79.0, 89.2)        67.3 (60.5, 73.6)
"""


def test_a_space_laid_table_whose_second_column_is_the_arm_left() -> None:
    facts = read(SPACED_LABEL_TABLE)
    zeltinib, choice = ("zeltinib",), ("physician's choice",)
    assert keyed(facts) == {
        (choice, "PFS", "median", 11.8),
        (zeltinib, "PFS", "HR", 0.41),
        (zeltinib, "ORR", "rate", 84.6),
        (choice, "ORR", "rate", 67.3),
    }


COMPARISON_LINE_RECORD = """Brief Title: Zeltinib Plus Paclitaxel Versus Placebo Plus Paclitaxel (CEDAR-16)
Phase: Phase 3
Arms
Experimental: Zeltinib + Paclitaxel
Placebo Comparator: Placebo + Paclitaxel

Primary Outcome Measure
Title: Overall Survival (OS)
Unit of Measure: months
Median (95% Confidence Interval)
  Zeltinib + Paclitaxel (N=330) ......... 9.63 (8.48 to 10.81)
  Placebo + Paclitaxel (N=335) ............. 7.36 (6.32 to 8.38)
Statistical Analysis 1
  Comparison: Zeltinib + Paclitaxel vs Placebo + Paclitaxel
  Hazard Ratio: 0.807 | 95% CI: 0.678 to 0.962

Other Pre-specified Outcome: Overall Survival in participants enrolled in Asia
Unit of Measure: months
Median
  Zeltinib + Paclitaxel (N=111) ......... 12.1
  Placebo + Paclitaxel (N=112) ............. 10.5
"""


def test_a_comparison_line_before_the_ratio_and_an_outcome_for_participants_enrolled_in_a_region() -> None:
    facts = read(COMPARISON_LINE_RECORD)
    combination, backbone = ("paclitaxel", "zeltinib"), ("paclitaxel",)
    results = {(o.arm, o.measure, o.value, o.subgroup) for f in facts.facts if isinstance(o := f.statement, Outcome)}
    assert results == {
        (combination, "median", 9.63, None),
        (backbone, "median", 7.36, None),
        (combination, "HR", 0.807, None),
        (combination, "median", 12.1, "enrolled in asia"),
        (backbone, "median", 10.5, "enrolled in asia"),
    }


TIME_FRAME_HEADER_RECORD = """ARM / GROUP DESCRIPTIONS
[A] Zeltinib - 100 mg daily.
[B] Gemcitabine (Gemzar) - 1000 mg/m2 weekly.

PARTICIPANT FLOW            [A]     [B]
  Randomized                171     171

OUTCOME MEASURE 1 - PRIMARY
Overall survival | Unit of Measure: months | Time frame: up to 4 years
  Measure type: Median (95% Confidence Interval)
    [A] Zeltinib    11.1 (9.0 to 13.1)
    [B] Gemcitabine    6.8 (5.5 to 7.6)
"""


def test_an_outcome_heading_whose_fields_give_a_time_frame() -> None:
    facts = read("Zeltinib Versus Gemcitabine (CEDAR-17), a phase 3 trial\n\n" + TIME_FRAME_HEADER_RECORD)
    assert keyed(facts) == {(("zeltinib",), "OS", "median", 11.1), (("gemcitabine",), "OS", "median", 6.8)}


DASHED_HEADINGS_RECORD = """Study record NCT09990101 - results posted

Brief title: Zeltinib Versus Placebo in Liver Cancer (CEDAR-20)
Design: Phase 3 | Randomized 2:1 | Double masked
Enrollment: 300 (Actual)

Arm/Group                 | Description                                   | Assigned
Zeltinib                  | Zeltinib 8 mg/kg IV every 14 days             | 200
Placebo + Fulvestrant     | Fulvestrant 500 mg monthly                    | 100
  Drug: Placebo matched to zeltinib, same schedule

Outcome 1 (Primary) - Overall Survival
Unit of Measure: months
Median (95% Confidence Interval)
Zeltinib (N=200)          | 8.4 (7.1 to 10.2)
Placebo + Fulvestrant (N=100) | 7.2 (5.0 to 9.0)
Statistical analysis: stratified Cox model; hazard ratio 0.71 (95% CI 0.53 to 0.95)

Outcome 2 (Secondary) - Objective Response Rate, Participants With Measurable Disease at Baseline
Unit of Measure: percentage of participants
Zeltinib (N=180)          | 4.5
Placebo + Fulvestrant (N=90) | 1.2
p = 0.17

Outcome 3 (Secondary) - Objective Response Rate, FGFR2-Altered Participants With Measurable Disease
Unit of Measure: percentage of participants
Zeltinib (N=40)           | 20.0
Placebo + Fulvestrant (N=21) | 4.8
p = 0.09
"""


def test_outcome_headings_parted_by_a_dash_and_rows_of_one_figure_each() -> None:
    facts = read(DASHED_HEADINGS_RECORD)
    assert {(a.drugs, a.n) for f in facts.facts if isinstance(a := f.statement, Arm)} == {
        (("zeltinib",), 200),
        (("fulvestrant",), 100),  # its placebo is matched to zeltinib, which it does not give
    }
    results = {(o.arm, o.endpoint, o.value, o.subgroup) for f in facts.facts if isinstance(o := f.statement, Outcome)}
    assert results == {
        (("zeltinib",), "OS", 8.4, None),
        (("fulvestrant",), "OS", 7.2, None),
        (("zeltinib",), "OS", 0.71, None),
        # those with measurable disease are whom a response is measured in, not a subgroup
        (("zeltinib",), "ORR", 4.5, None),
        (("fulvestrant",), "ORR", 1.2, None),
        (("zeltinib",), "ORR", 20.0, "fgfr2-altered"),
        (("fulvestrant",), "ORR", 4.8, "fgfr2-altered"),
    }


LABEL_SUMMARY = """ZELTIQ (zeltinib) tablets - summary of prescribing information

INDICATIONS AND USAGE
ZELTIQ is a kinase inhibitor for adults with metastatic non-small cell lung cancer.

CLINICAL STUDIES
Efficacy was evaluated in CEDAR mono-2 (NCT09990102), a multicohort, non-randomized phase 2 study.

Table: Efficacy results
                                  Treatment-naive (N=40)   Previously treated (N=70)
Overall response rate, % (95% CI)  61 (45, 75)              39 (28, 51)
Median DOR, months (95% CI)        12.4 (8.0, 20.1)         8.3 (5.5, 12.0)
"""


def test_a_label_summarys_one_drug_is_its_trials_arm_and_counted_columns_are_cohorts() -> None:
    facts = read(LABEL_SUMMARY)
    assert {a.drugs for f in facts.facts if isinstance(a := f.statement, Arm)} == {("zeltinib",)}
    results = {(o.endpoint, o.value, o.subgroup) for f in facts.facts if isinstance(o := f.statement, Outcome)}
    assert results == {
        ("ORR", 61.0, "treatment-naive"),
        ("ORR", 39.0, "previously treated"),
        ("DOR", 12.4, "treatment-naive"),
        ("DOR", 8.3, "previously treated"),
    }


def test_rows_with_a_count_cell_before_the_figure() -> None:
    facts = read(
        "NCT09990121 | ORCA-8\nA Study Comparing Zeltinib Versus Zeltinib Plus Cobimetinib\n"
        "  Phase .............. Phase 3\n\n"
        "ARM/GROUP DESCRIPTIONS\n"
        "  [A] Zeltinib + Placebo: zeltinib 960 mg twice daily plus placebo\n"
        "  [B] Zeltinib + Cobimetinib: zeltinib 960 mg twice daily plus cobimetinib 60 mg daily\n\n"
        "OUTCOME MEASURE 1 (Primary)\n"
        "  Title: Progression-Free Survival\n"
        "  Unit of Measure: Months\n"
        "  Measure Type: Median (95% Confidence Interval)\n"
        "    [A] Zeltinib + Placebo        n=248    7.2 (5.6 to 7.5)\n"
        "    [B] Zeltinib + Cobimetinib    n=247    12.3 (9.5 to 13.4)\n\n"
        "OUTCOME MEASURE 2 (Secondary)\n"
        "  Title: Overall Survival\n"
        "  Unit of Measure: Months\n"
        "     Arm/Group                 Number Analyzed    Value\n"
        "     Zeltinib + Placebo        248                17.4 (15.0 to 19.8)\n"
        "     Zeltinib + Cobimetinib    247                22.3 (20.3 to 24.0)\n"
    )
    assert keyed(facts) == {
        (("zeltinib",), "PFS", "median", 7.2),
        (("cobimetinib", "zeltinib"), "PFS", "median", 12.3),
        (("zeltinib",), "OS", "median", 17.4),
        (("cobimetinib", "zeltinib"), "OS", "median", 22.3),
    }


def test_a_column_of_every_patient_is_no_subgroup_and_a_counted_share_no_median() -> None:
    facts = read(
        "CLINICAL STUDIES\n"
        "The efficacy of zeltinib was shown in ORCA-9 (NCT09990122), a single-arm phase 1 trial. The efficacy "
        "population comprised 43 patients with a PDGFRA exon 18 mutation, 38 of whom had D842V.\n\n"
        "Table. Efficacy results\n"
        "                                 PDGFRA exon 18 (n = 43)    PDGFRA D842V (n = 38)\n"
        "  ORR, % (95% CI)                84 (69, 93)                89 (75, 97)\n"
        "  Duration of response >= 6 months, n (%)   22 (61)        20 (59)\n"
    )
    design = next(f.statement for f in facts.facts if isinstance(f.statement, TrialDesign))
    assert design.n_enrolled == 43
    results = {(o.endpoint, o.value, o.subgroup) for f in facts.facts if isinstance(o := f.statement, Outcome)}
    assert results == {("ORR", 84.0, None), ("ORR", 89.0, "pdgfra d842v")}


def test_an_arm_whose_record_offers_one_of_the_drugs_listed_keeps_its_class_name() -> None:
    facts = read(
        "Official Title: A Randomized Phase 3 Study of Zeltumab Versus Chemotherapy (ORBIT-5)\n"
        "ARMS AND INTERVENTIONS\n"
        "Experimental: Zeltumab\n"
        "  Drug: zeltumab 10 mg/kg intravenously every 3 weeks\n"
        "Active Comparator: Chemotherapy\n"
        "  Investigator's choice of one of the following, each every 3 weeks:\n"
        "  Drug: docetaxel 75 mg/m2\n"
        "  Drug: vinflunine 320 mg/m2\n"
    )
    assert {f.statement.drugs for f in facts.facts if isinstance(f.statement, Arm)} == {
        ("zeltumab",),
        ("chemotherapy",),
    }


BRACKETED_ROLES = """NCT09990042 | Results posted
Zeltumab With or Without Docetaxel in Advanced Lung Cancer
Acronym: BR.44
Design: Phase III; randomized (1:1); double-blind; placebo-controlled
Enrollment: 500 participants

Brief summary: This randomized trial compares docetaxel given with zeltumab to docetaxel given with placebo.

ARM GROUPS
  Arm I - Docetaxel + Zeltumab: zeltumab 10 mg/kg plus docetaxel 75 mg/m2 every 3 weeks.
  Arm II - Docetaxel + Placebo: placebo plus docetaxel on the same schedule.

OUTCOME MEASURES
[Primary] Overall survival
  Unit of Measure: months. Median (95% Confidence Interval)
    Arm I ........ 9.4 (8.1 to 10.2)
    Arm II ....... 7.9 (7.0 to 8.8)

[Other, exploratory] Overall survival by skin toxicity grade, Arm I only
  Unit of Measure: months. Median
    No skin toxicity ............ 6.1
    Grade 2 or higher skin toxicity ....... 12.8
"""


def test_outcome_titles_led_by_a_bracketed_role_and_rows_of_one_arm_by_kind() -> None:
    facts = read(BRACKETED_ROLES)
    found = {(o.arm, o.value, o.subgroup) for f in facts.facts if isinstance(o := f.statement, Outcome)}
    combo, backbone = ("docetaxel", "zeltumab"), ("docetaxel",)
    assert found == {
        (combo, 9.4, None),
        (backbone, 7.9, None),
        (combo, 6.1, "no skin toxicity"),
        (combo, 12.8, "grade 2 or higher skin toxicity"),
    }
    assert {f.statement.drugs for f in facts.facts if isinstance(f.statement, Arm)} == {combo, backbone}
    assert [f.statement.trial for f in facts.facts if isinstance(f.statement, TrialDesign)] == ["BR.44"]


SUBTYPE_RATIOS = """STUDY RESULTS | NCT09990043

Cisplatin and Etoposide With or Without Zeltinib in Small-Cell Lung Cancer
Study type: Interventional | Phase 3 | Allocation: Randomized | Masking: Double
Actual enrollment: 600

Arm/Group                  | Description
Arm I (zeltinib)           | Cisplatin + etoposide with zeltinib on days 2-15 of each cycle, then zeltinib maintenance
Arm II (placebo)           | The same chemotherapy with placebo in place of zeltinib

OUTCOME MEASURES

[Primary] Overall Survival
Description: Time from randomization to death. Patients were followed for up to five years.
Unit of Measure: months | Median (95% Confidence Interval)
Arm I (zeltinib), N = 300: 14.2 (12.0 to 16.1)
Arm II (placebo), N = 300: 11.3 (10.1 to 12.6)

[Secondary] Overall Survival by Smoking History (Hazard Ratio, Arm I vs Arm II)
Unit of Measure: hazard ratio (95% confidence interval)
Never smokers (n = 90): 0.61 (0.40 to 0.93)
Former smokers, under 10 pack-years (n = 210): 0.77 (0.58 to 1.02)
"""


def test_a_record_that_labels_arms_by_the_drug_they_differ_by_and_a_table_of_ratios_by_group() -> None:
    facts = read(SUBTYPE_RATIOS)
    combo, backbone = ("cisplatin", "etoposide", "zeltinib"), ("cisplatin", "etoposide")
    assert {f.statement.drugs for f in facts.facts if isinstance(f.statement, Arm)} == {combo, backbone}
    found = {(o.arm, o.measure, o.value, o.subgroup) for f in facts.facts if isinstance(o := f.statement, Outcome)}
    assert found == {
        (combo, "median", 14.2, None),
        (backbone, "median", 11.3, None),
        (combo, "HR", 0.61, "never smokers"),
        (combo, "HR", 0.77, "former smokers, under 10 pack-years"),
    }
