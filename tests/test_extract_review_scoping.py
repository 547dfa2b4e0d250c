"""Reviews of several trials: each trial's figures, drug and phase stay with that trial, however
the review spreads them over its paragraphs. Sentences written for these tests."""

from __future__ import annotations

from kg.model import Outcome, PaperFacts
from tests.reading import arms_of, designs, read, statements


def figures(facts: PaperFacts) -> set[tuple[tuple[str, ...], str, float]]:
    return {(o.arm, o.endpoint, o.value) for o in statements(facts, Outcome)}


_TWO_SINGLE_ARM_TRIALS = (
    "Two BCMA-directed agents reached the clinic: teclistamab and elranatamab.\n\n"
    "Teclistamab is injected subcutaneously once a week.\n"
    "In the pivotal phase 2 HARBOR-7 study, 120 patients with relapsed myeloma were treated. The objective "
    "response rate was 61%, and median progression-free survival was 11.3 months.\n\n"
    "Elranatamab is likewise given subcutaneously.\n"
    "In the phase 1/2 DELTA-4 trial, 98 patients with relapsed myeloma were treated. The objective response "
    "rate was 57%, and median progression-free survival was 9.1 months."
)


def test_a_trial_that_names_no_drug_tests_the_drug_its_paragraph_is_about() -> None:
    facts = read(_TWO_SINGLE_ARM_TRIALS)
    assert arms_of(facts) == {"HARBOR-7": {("teclistamab",)}, "DELTA-4": {("elranatamab",)}}
    assert {("teclistamab",), ("elranatamab",)} == {arm for arm, _, _ in figures(facts)}
    assert (("teclistamab",), "ORR", 61.0) in figures(facts)
    assert (("elranatamab",), "PFS", 9.1) in figures(facts)


def test_each_trial_keeps_its_own_phase_and_size() -> None:
    found = designs(read(_TWO_SINGLE_ARM_TRIALS))
    assert (found["HARBOR-7"].phase, found["HARBOR-7"].n_enrolled) == ("2", 120)
    assert (found["DELTA-4"].phase, found["DELTA-4"].n_enrolled) == ("1/2", 98)


def test_a_paragraph_on_another_drug_leaves_the_trial_before() -> None:
    facts = read(
        "Several PD-1 antibodies are now approved in cervical cancer.\n\n"
        "Cemiplimab is given every three weeks.\n"
        "In the phase 3 OSPREY-2 trial, 600 patients were randomly assigned to cemiplimab or chemotherapy.\n\n"
        "Dostarlimab is given intravenously every three weeks.\n"
        "In a phase 2 study, 70 patients with mismatch repair-deficient tumours achieved a response rate of 44%."
    )
    found = arms_of(facts)
    assert found["OSPREY-2"] == {("cemiplimab",), ("chemotherapy",)}
    unnamed = [name for name in found if name != "OSPREY-2"]
    assert len(unnamed) == 1 and found[unnamed[0]] == {("dostarlimab",)}
    assert (("dostarlimab",), "ORR", 44.0) in figures(facts)
    assert {d.n_enrolled for d in designs(facts).values()} == {600, 70}


def test_a_section_heading_is_not_a_design_sentence() -> None:
    facts = read(
        "Two trials tested sotorasib and adagrasib.\n\n"
        "In the phase 2 CRANE-1 study, 126 patients with KRAS G12C-mutant lung cancer received sotorasib. "
        "The response rate was 37%.\n\n"
        "Randomised evidence\n"
        "The phase 3 CRANE-2 trial randomly assigned 345 patients to sotorasib or docetaxel."
    )
    assert designs(facts)["CRANE-1"].randomized is not True
    assert designs(facts)["CRANE-2"].randomized is True


def test_a_counted_phase_covers_trials_named_before_the_count() -> None:
    facts = read(
        "What HERON, EGRET and IBIS taught us about second-line myeloma therapy\n\n"
        "We review three phase 3 trials that added a CD38 antibody to a doublet.\n\n"
        "HERON randomised 400 patients to daratumumab plus bortezomib and dexamethasone or bortezomib and "
        "dexamethasone.\n\n"
        "EGRET randomised 500 patients to daratumumab plus lenalidomide and dexamethasone or lenalidomide and "
        "dexamethasone.\n\n"
        "IBIS randomised 300 patients to isatuximab plus pomalidomide and dexamethasone or pomalidomide and "
        "dexamethasone."
    )
    assert {name: d.phase for name, d in designs(facts).items()} == {"HERON": "3", "EGRET": "3", "IBIS": "3"}


def test_a_count_that_matches_no_set_of_named_trials_assigns_nothing() -> None:
    facts = read(
        "HERON randomised 400 patients to daratumumab or bortezomib.\n\n"
        "EGRET randomised 500 patients to daratumumab or lenalidomide.\n\n"
        "Three phase 3 trials have asked this question so far."
    )
    assert {name: d.phase for name, d in designs(facts).items()} == {"HERON": None, "EGRET": None}


def test_the_schedule_of_a_shared_backbone_is_not_an_arm() -> None:
    facts = read(
        "The phase 3 PLOVER trial randomised 450 patients to pomalidomide, dexamethasone and elotuzumab or to "
        "pomalidomide and dexamethasone. Pomalidomide was given at 4 mg on days 1 to 21 of each cycle. Median "
        "progression-free survival was 10.3 months with the triplet versus 4.7 months with the doublet."
    )
    assert arms_of(facts)["PLOVER"] == {
        ("dexamethasone", "elotuzumab", "pomalidomide"),
        ("dexamethasone", "pomalidomide"),
    }


def test_a_trial_registered_under_two_records_is_one_trial() -> None:
    facts = read(
        "The approval rests on KITE-9 (NCT01234567 and NCT07654321), a phase 1/2 study of linvoseltamab in "
        "117 patients. The response rate was 71%."
    )
    assert set(designs(facts)) == {"KITE-9"}
    assert arms_of(facts) == {"KITE-9": {("linvoseltamab",)}}
