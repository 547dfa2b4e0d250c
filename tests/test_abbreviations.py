from __future__ import annotations

import pytest

from ingest.abbreviations import Abbreviation, abbreviation_map, find_abbreviations


def only(text: str) -> Abbreviation:
    found = find_abbreviations(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "short", "long"),
    [
        ("The primary end point was progression-free survival (PFS) by central review.", "PFS",
         "progression-free survival"),
        ("An overall response rate (ORR) of 18% was seen in the expansion cohort.", "ORR",
         "overall response rate"),
        ("Antibodies against programmed death 1 (PD1) were given every two weeks.", "PD1",
         "programmed death 1"),
        ("Tumours were classed as non-small cell lung cancer (NSCLC) on histology.", "NSCLC",
         "non-small cell lung cancer"),
        ("Inhibitors of cyclin-dependent kinase 4 and 6 (CDK4/6) slow the cell cycle.", "CDK4/6",
         "cyclin-dependent kinase 4 and 6"),
    ],
)  # fmt: skip
def test_long_form_before_short_form(text: str, short: str, long: str) -> None:
    abbreviation = only(text)
    assert (abbreviation.short, abbreviation.long) == (short, long)
    assert text[abbreviation.short_start : abbreviation.short_end] == short
    assert text[abbreviation.long_start : abbreviation.long_end] == long


def test_short_form_before_long_form() -> None:
    text = "Secondary end points included DCR (disease control rate) at week 12."
    abbreviation = only(text)
    assert (abbreviation.short, abbreviation.long) == ("DCR", "disease control rate")
    assert text[abbreviation.short_start : abbreviation.short_end] == "DCR"
    assert text[abbreviation.long_start : abbreviation.long_end] == "disease control rate"


def test_trial_acronym_whose_letters_occur_in_order_in_the_words_before() -> None:
    # Schwartz & Hearst match characters, not initials: each letter of the acronym is found,
    # right to left, in the preceding words, and N starts a word.
    text = "Enrolment in NRAS melanoma and MEK inhibitor (NEMO) closed early."
    assert abbreviation_map(text) == {"NEMO": "NRAS melanoma and MEK inhibitor"}


def test_trial_acronym_without_its_letters_is_not_a_definition() -> None:
    assert find_abbreviations("Patients were randomised in a phase 3 trial (COLUMBUS).") == []


def test_long_form_window_limits_the_number_of_words() -> None:
    # "MT" allows at most min(2 + 5, 2 * 2) = 4 words; its letters are only found further back.
    text = "Maintenance was followed by six cycles of consolidation with three agents (MT)."
    assert find_abbreviations(text) == []


def test_nested_parentheses_inner_definition_stays_inside_its_bracket() -> None:
    text = "Outcomes differed by arm (median overall survival (OS), 11.2 months) in the update."
    abbreviation = only(text)
    assert (abbreviation.short, abbreviation.long) == ("OS", "overall survival")


def test_nested_group_inside_a_short_form_is_cut_off() -> None:
    text = "Expression of programmed death-ligand 1 (PD-L1 (also called CD274)) was scored."
    abbreviation = only(text)
    assert (abbreviation.short, abbreviation.long) == ("PD-L1", "programmed death-ligand 1")


def test_line_breaks_and_hyphenation_at_line_ends() -> None:
    text = "The median dura-\ntion of response\n(DOR) was not reached."
    abbreviation = only(text)
    assert (abbreviation.short, abbreviation.long) == ("DOR", "duration of response")
    assert abbreviation.long_start == text.index("dura-")


def test_hyphen_of_a_compound_at_a_line_end_is_kept() -> None:
    assert abbreviation_map("a longer event-\nfree survival (EFS) in the trial") == {
        "EFS": "event-free survival"
    }


@pytest.mark.parametrize(
    "text",
    [
        "All treated patients (n = 57) were evaluable for safety.",
        "Enrolment closed in March (n=57) after the interim look.",
        "The difference was significant (P = .002) in favour of the doublet.",
        "Responses were more frequent with the doublet (P=.002).",
        "The hazard ratio was 0.62 (95% CI 0.4-0.8) for progression.",
        "Response rates in the two arms (24% vs 9%) differed.",
        "Median follow-up was long (2019).",
        "Overall survival, however, was 9.7 months against 10.4 months (HR 1.03).",
    ],
)
def test_statistics_in_parentheses_are_not_definitions(text: str) -> None:
    assert find_abbreviations(text) == []


def test_short_form_validity() -> None:
    # One character is too short; a parenthetical with no letter is not a short form.
    assert find_abbreviations("best overall response (B) and one (1)") == []


def test_map_keeps_the_first_definition() -> None:
    text = (
        "Objective response rate (ORR) was the primary end point. "
        "In the second cohort the overall response rate (ORR) was lower."
    )
    assert [abbreviation.long for abbreviation in find_abbreviations(text)] == [
        "Objective response rate",
        "overall response rate",
    ]
    assert abbreviation_map(text) == {"ORR": "Objective response rate"}


def test_definitions_are_in_text_order() -> None:
    text = "Both overall survival (OS) and time to progression (TTP) were recorded."
    assert [abbreviation.short for abbreviation in find_abbreviations(text)] == ["OS", "TTP"]


def test_long_form_does_not_cross_a_sentence_end() -> None:
    text = "Tumours progressed. Scans (S) were read centrally."
    assert find_abbreviations(text) == []


def test_a_short_form_followed_by_a_colon_and_its_options() -> None:
    text = "The control was treatment of physician's choice (TPC: capecitabine, eribulin or gemcitabine)."
    assert abbreviation_map(text) == {"TPC": "treatment of physician's choice"}
