"""Known trial names and trial series: the shipped tables, their loader and validator, and the
pipeline reading bare trial names in sentences written for these tests."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from spacy.tokens import Doc

from ingest.extract import read_paper
from ingest.lexicon import (
    SERIES_PREFIX,
    TRIAL_JOINERS,
    DrugEntry,
    GeneEntry,
    Lexicon,
    LexiconError,
    TrialEntry,
    TrialSeries,
    lexicon_problems,
    read_lexicon,
    shipped_lexicon,
    trial_key,
)
from ingest.nlp import _NOT_TRIAL_NAMES, TrialFinder, pipeline_for
from kg.model import Document


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return shipped_lexicon()


def nlp_doc(text: str, lexicon: Lexicon | None = None) -> Doc:
    return pipeline_for(lexicon or shipped_lexicon())(text)


def trials(text: str) -> list[tuple[str, str]]:
    """(text, id) of each trial span."""
    doc = nlp_doc(text)  # the spans live only as long as their doc
    return [(span.text, span.id_) for span in doc.spans["trials"]]


def drug_entities(doc: Doc) -> dict[str, str]:
    """Each DRUG entity's text to the rule that found it."""
    return {ent.text: ent.kb_id_ for ent in doc.ents if ent.label_ == "DRUG"}


# ---- the shipped tables -----------------------------------------------------------------------


def test_the_shipped_trial_tables_have_no_problems(lex: Lexicon) -> None:
    problems = [p for p in lexicon_problems(lex) if p.startswith("trial")]
    assert problems == []


def test_the_shipped_tables_name_many_trials_and_series(lex: Lexicon) -> None:
    assert len(lex.trials) >= 300
    assert len(lex.trial_series) >= 50


def test_no_two_trials_share_a_spelling(lex: Lexicon) -> None:
    owners: dict[str, str] = {}
    for trial in lex.trials.values():
        for spelling in (trial.name, *trial.synonyms):
            assert owners.setdefault(trial_key(spelling), trial.name) == trial.name, spelling


def test_series_prefixes_are_well_formed(lex: Lexicon) -> None:
    for series in lex.trial_series.values():
        for spelling in (series.prefix, *series.synonyms):
            assert SERIES_PREFIX.match(spelling), spelling
            assert not spelling[-1].isdigit()
        assert series.joiner in TRIAL_JOINERS.values()


def test_no_trial_name_opens_with_a_word_the_pattern_reader_refuses(lex: Lexicon) -> None:
    spellings = [s for t in lex.trials.values() for s in (t.name, *t.synonyms)]
    prefixes = [s for series in lex.trial_series.values() for s in (series.prefix, *series.synonyms)]
    refused = [s for s in (*spellings, *prefixes) if s.split()[0].split("-")[0].upper() in _NOT_TRIAL_NAMES]
    assert refused == []


def test_every_listed_spelling_is_read_as_its_trial(lex: Lexicon) -> None:
    nlp = pipeline_for(lex)
    pairs = [(s, t.name) for t in lex.trials.values() for s in (t.name, *t.synonyms)]
    docs = nlp.pipe(f"Results from {spelling} were discussed." for spelling, _ in pairs)
    wrong = [
        (spelling, found)
        for (spelling, name), doc in zip(pairs, docs, strict=True)
        if (found := [(span.text, span.id_) for span in doc.spans["trials"]]) != [(spelling, name)]
    ]
    assert wrong == []


# ---- trial_key and look-ups -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("KEYNOTE-022", "KEYNOTE 22"),
        ("KEYNOTE-022", "KEYNOTE022"),
        ("DESTINY-Breast03", "DESTINY Breast 3"),
        ("CheckMate 9ER", "CheckMate-9ER"),
        ("EMPOWER-Lung 3", "EMPOWER\u2013Lung 03"),
    ],
)
def test_spelling_variants_share_a_key(one: str, other: str) -> None:
    assert trial_key(one) == trial_key(other)


@pytest.mark.parametrize(("one", "other"), [("ALEX", "A LEX"), ("CROWN", "Crown"), ("SOLO1", "SOLO 11")])
def test_different_spellings_keep_different_keys(one: str, other: str) -> None:
    assert trial_key(one) != trial_key(other)


@pytest.mark.parametrize(
    ("spelling", "name"),
    [("KN-189", "KEYNOTE-189"), ("CM67", "CheckMate 067"), ("LEAP-2", "LEAP-002"), ("crown", None)],
)
def test_trial_for_finds_the_canonical_name(lex: Lexicon, spelling: str, name: str | None) -> None:
    assert lex.trial_for(spelling) == name


@pytest.mark.parametrize(
    ("spelling", "member"),
    [
        ("KEYNOTE-999", "KEYNOTE-999"),
        ("Keynote 999", "KEYNOTE-999"),
        ("KEYNOTE-A77", "KEYNOTE-A77"),
        ("CheckMate-4XY", "CheckMate 4XY"),
        ("DESTINY-Breast 40", "DESTINY-Breast40"),
        ("JAVELIN Renal 999", "JAVELIN Renal 999"),
        ("KEYNOTE", None),
        ("KEYNOTE-abc", None),
        ("keynote-999", None),
    ],
)
def test_series_members(lex: Lexicon, spelling: str, member: str | None) -> None:
    assert lex.series_member(spelling) == member


# ---- loading, merging, validating ---------------------------------------------------------------


def write(folder: Path, name: str, *lines: str) -> None:
    (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_reads_trials_and_series_from_a_folder(tmp_path: Path) -> None:
    write(tmp_path, "trials.tsv", "# two trials", "name\tsynonyms", "ORCHARD-7\tORC-7|ORCH-7", "MAPLE\t")
    write(tmp_path, "trial_series.tsv", "prefix\tsynonyms\tjoiner", "ORCHARD\tOrchard\thyphen", "GROVE\t\tnone")
    lex = read_lexicon(tmp_path)
    assert lex.trials["ORCHARD-7"] == TrialEntry("ORCHARD-7", ("ORC-7", "ORCH-7"))
    assert lex.trials["MAPLE"] == TrialEntry("MAPLE")
    assert lex.trial_series["ORCHARD"] == TrialSeries("ORCHARD", ("Orchard",), "-")
    assert lex.trial_series["GROVE"].member("12") == "GROVE12"


def test_a_series_with_an_unknown_joiner_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "trial_series.tsv", "prefix\tsynonyms\tjoiner", "ORCHARD\t\tdash")
    with pytest.raises(LexiconError, match=r"trial_series\.tsv, line 2: joiner"):
        read_lexicon(tmp_path)


def test_a_user_lexicon_adds_trials_and_series() -> None:
    base = Lexicon(trials={"MAPLE": TrialEntry("MAPLE")}, trial_series={"GROVE": TrialSeries("GROVE")})
    user = Lexicon(
        trials={"MAPLE": TrialEntry("MAPLE", ("MAPLE-1",)), "CEDAR": TrialEntry("CEDAR")},
        trial_series={"ORCHARD": TrialSeries("ORCHARD", joiner=" ")},
    )
    merged = base.merged(user)
    assert merged.trials["MAPLE"].synonyms == ("MAPLE-1",)
    assert set(merged.trials) == {"MAPLE", "CEDAR"}
    assert set(merged.trial_series) == {"GROVE", "ORCHARD"}
    assert merged.series_member("ORCHARD 5") == "ORCHARD 5"


def test_a_spelling_of_two_trials_is_a_problem() -> None:
    lex = Lexicon(trials={"MAPLE-1": TrialEntry("MAPLE-1"), "CEDAR": TrialEntry("CEDAR", ("MAPLE 01",))})
    assert any("'MAPLE" in p and "names 'CEDAR' and 'MAPLE-1'" in p for p in lexicon_problems(lex))


def test_a_trial_spelled_like_a_drug_or_gene_is_a_problem() -> None:
    lex = Lexicon(
        drugs={"zapmetinib": DrugEntry("zapmetinib", "targeted", synonyms=("ZAP-101",))},
        genes={"KIT": GeneEntry("KIT")},
        trials={"ZAP-101": TrialEntry("ZAP-101"), "KIT": TrialEntry("KIT"), "Kit": TrialEntry("Kit")},
    )
    problems = [p for p in lexicon_problems(lex) if p.startswith("trial")]
    assert problems == [
        "trial 'ZAP-101': the spelling 'ZAP-101' is also the drug 'zapmetinib'",
        "trial 'KIT': the spelling 'KIT' is also the gene 'KIT'",
    ]


def test_a_series_prefix_ending_in_a_digit_is_a_problem() -> None:
    lex = Lexicon(trial_series={"ORCHARD2": TrialSeries("ORCHARD2"), "GROVE": TrialSeries("GROVE", ("GROVE-",))})
    problems = lexicon_problems(lex)
    assert any("'ORCHARD2' must start and end with a letter" in p for p in problems)
    assert any("'GROVE-' must start and end with a letter" in p for p in problems)


# ---- the pipeline on sentences written for these tests -----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("HIMALAYA changed first-line practice for liver cancer.", [("HIMALAYA", "HIMALAYA")]),
        ("The regimen echoes FLAURA, though the control arm differed.", [("FLAURA", "FLAURA")]),
        (
            "Outcomes were similar to KN-189 and to CheckMate-67.",
            [("KN-189", "KEYNOTE-189"), ("CheckMate-67", "CheckMate 067")],
        ),
        (
            "Both DESTINY-Breast 3 and IMpower 150 reported early.",
            [("DESTINY-Breast 3", "DESTINY-Breast03"), ("IMpower 150", "IMpower150")],
        ),
        ("Data from JAVELIN Bladder 100 were reviewed.", [("JAVELIN Bladder 100", "JAVELIN Bladder 100")]),
    ],
)
def test_a_bare_known_name_is_a_trial(text: str, expected: list[tuple[str, str]]) -> None:
    assert trials(text) == expected


def test_a_numbered_trial_name_is_a_trial_and_not_a_drug_code() -> None:
    text = "In LEAP-002, patients received lenvatinib 8 mg daily with pembrolizumab."
    doc = nlp_doc(text)
    assert [(span.text, span.id_) for span in doc.spans["trials"]] == [("LEAP-002", "LEAP-002")]
    assert "LEAP-002" not in drug_entities(doc)
    facts = read_paper(Document(id="t", text=text))
    assert "LEAP-002" not in facts.drugs
    assert "LEAP-002" in {trial.acronym for trial in facts.trials.values()}


def test_without_the_trial_tables_the_same_name_reads_as_a_drug_code(lex: Lexicon) -> None:
    # The check above can fail: the code-name reader does take the name when the lexicon
    # does not know it as a trial.
    bare = dataclasses.replace(lex, trials={}, trial_series={})
    doc = nlp_doc("In LEAP-002, patients received lenvatinib 8 mg daily with pembrolizumab.", bare)
    assert drug_entities(doc).get("LEAP-002") == "drug.code"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("KEYNOTE-999 will test the same doublet.", [("KEYNOTE-999", "KEYNOTE-999")]),
        ("Enrolment in Keynote 999 began this year.", [("Keynote 999", "KEYNOTE-999")]),
        ("CheckMate 4XY used a fixed dose.", [("CheckMate 4XY", "CheckMate 4XY")]),
        ("Patients in EV-999 received 125 mg daily.", [("EV-999", "EV-999")]),
    ],
)
def test_an_unlisted_member_of_a_series_is_a_trial(text: str, expected: list[tuple[str, str]]) -> None:
    doc = nlp_doc(text)
    assert [(span.text, span.id_) for span in doc.spans["trials"]] == expected
    assert not drug_entities(doc)


@pytest.mark.parametrize(
    "text",
    [
        "These numbers reflect the crown of a long effort, as Alex noted from the pacific coast.",
        "Crown and Prima are brand names of nothing here; the alpine study site was remote.",
        "EV 1.25 mg/kg was given on days 1 and 8.",
        "Patients had ECOG 1 at entry and KEYNOTE lectures were recorded.",
    ],
)
def test_ordinary_words_and_doses_are_not_trials(text: str) -> None:
    assert trials(text) == []


def test_a_name_in_capitals_does_not_make_the_lower_case_word_a_trial() -> None:
    found = trials("The CROWN trial tested lorlatinib; the crown of the tooth was spared.")
    assert found == [("CROWN", "CROWN")]


def test_a_name_the_text_introduces_with_a_known_synonym_takes_the_canonical_id() -> None:
    assert trials("The KN-189 study added pembrolizumab; KN-189 enrolled adults.") == [
        ("KN-189", "KEYNOTE-189"),
        ("KN-189", "KEYNOTE-189"),
    ]


def test_a_name_the_lexicon_does_not_know_is_still_read_from_its_setting() -> None:
    assert trials("In ZEPHYR-4, 300 patients were randomized to sotorasib or docetaxel.") == [("ZEPHYR-4", "ZEPHYR-4")]


def test_an_unknown_code_beside_a_dose_is_still_a_new_drug() -> None:
    doc = nlp_doc("ABC-123 was given at 200 mg twice daily.")
    assert drug_entities(doc) == {"ABC-123": "drug.code"}
    assert list(doc.spans["trials"]) == []


def test_the_finder_reports_offsets_and_names(lex: Lexicon) -> None:
    text = "Compare SOLO1 with\nPAOLA-1 and CheckMate\n067."
    found = TrialFinder(lex).find(text)
    assert [(text[start:end], name) for start, end, name in found] == [("SOLO1", "SOLO1"), ("PAOLA-1", "PAOLA-1")]
