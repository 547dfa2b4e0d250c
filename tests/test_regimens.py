"""Named regimens: the shipped table, its validation, and REGIMEN entities in the pipeline."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from spacy.language import Language

from ingest.lexicon import (
    DiseaseEntry,
    DrugClassEntry,
    DrugEntry,
    EndpointEntry,
    GeneEntry,
    Lexicon,
    LexiconError,
    RegimenEntry,
    lexicon_problems,
    read_lexicon,
    shipped_lexicon,
)
from ingest.nlp import build_pipeline

# ---- the shipped table ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return shipped_lexicon()


def test_at_least_forty_regimens_ship(lex: Lexicon) -> None:
    assert len(lex.regimens) >= 40


def test_every_component_is_a_known_drug(lex: Lexicon) -> None:
    unknown = {name: [d for d in r.drugs if d not in lex.drugs] for name, r in lex.regimens.items()}
    assert {name: drugs for name, drugs in unknown.items() if drugs} == {}


def test_every_regimen_combines_distinct_drugs(lex: Lexicon) -> None:
    too_few_or_repeated = [name for name, r in lex.regimens.items() if len(set(r.drugs)) < max(2, len(r.drugs))]
    assert too_few_or_repeated == []


def test_regimen_spellings_name_nothing_else(lex: Lexicon) -> None:
    problems = [p for p in lexicon_problems(lex) if p.startswith(("regimen", "regimens"))]
    assert problems == []


@pytest.mark.parametrize(
    ("spelling", "name", "drugs"),
    [
        ("r-chop", "R-CHOP", {"rituximab", "cyclophosphamide", "doxorubicin", "vincristine", "prednisone"}),
        ("xelox", "CAPOX", {"capecitabine", "oxaliplatin"}),
        ("mfolfox6", "mFOLFOX6", {"fluorouracil", "folinic acid", "oxaliplatin"}),
        ("rvd", "VRd", {"bortezomib", "lenalidomide", "dexamethasone"}),
        (
            "pola-r-chp",
            "pola-R-CHP",
            {"polatuzumab vedotin", "rituximab", "cyclophosphamide", "doxorubicin", "prednisone"},
        ),
        ("folfirinox", "FOLFIRINOX", {"fluorouracil", "folinic acid", "irinotecan", "oxaliplatin"}),
        (
            "escbeacopp",
            "BEACOPP",
            {"bleomycin", "etoposide", "doxorubicin", "cyclophosphamide", "vincristine", "procarbazine", "prednisone"},
        ),
    ],
)
def test_spellings_lead_to_the_regimen_and_its_drugs(lex: Lexicon, spelling: str, name: str, drugs: set[str]) -> None:
    assert lex.regimen_by_synonym()[spelling] == name
    assert set(lex.regimens[name].drugs) == drugs


@pytest.mark.parametrize("ambiguous", ["br", "tc", "ac", "rd", "kd", "extreme", "epoch", "ice", "gdp", "map"])
def test_ambiguous_short_names_are_left_out(lex: Lexicon, ambiguous: str) -> None:
    assert ambiguous not in lex.regimen_by_synonym()


# ---- REGIMEN entities from the shipped lexicon -------------------------------------------------


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline(shipped_lexicon())


def regimens(nlp: Language, text: str) -> list[tuple[str, str]]:
    return [(ent.text, ent.id_) for ent in nlp(text).ents if ent.label_ == "REGIMEN"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Older adults with diffuse large B-cell lymphoma got six cycles of R-CHOP.", [("R-CHOP", "R-CHOP")]),
        ("The control arm was mFOLFOX6 every two weeks.", [("mFOLFOX6", "mFOLFOX6")]),
        ("Adjuvant FOLFOX was compared with CAPOX in stage III disease.", [("FOLFOX", "FOLFOX"), ("CAPOX", "CAPOX")]),
        ("Both Folfox and XELOX were permitted.", [("Folfox", "FOLFOX"), ("XELOX", "CAPOX")]),
        (
            "Participants on R\u2013CHOP-21 (rituximab and CHOP) were followed.",
            [("R\u2013CHOP-21", "R-CHOP"), ("CHOP", "CHOP")],
        ),
        ("Induction used D-VRd, with VRd as the comparator.", [("D-VRd", "D-VRd"), ("VRd", "VRd")]),
        ("Gem/Cis stayed the backbone for biliary tract cancer.", [("Gem/Cis", "GemCis")]),
    ],
)
def test_regimens_are_labelled_with_their_canonical_name(
    nlp: Language, text: str, expected: list[tuple[str, str]]
) -> None:
    assert regimens(nlp, text) == expected


def test_a_longer_regimen_wins_over_the_one_it_contains(nlp: Language) -> None:
    assert regimens(nlp, "Frail patients received R-mini-CHOP or pola-R-CHP.") == [
        ("R-mini-CHOP", "R-mini-CHOP"),
        ("pola-R-CHP", "pola-R-CHP"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Chop the herbs finely before serving.",
        "Radiotherapy was delivered with a photon beam; Beam angles were reviewed.",
        "Extreme heat marked a new epoch; the ice melted.",
        "Flot and chop are words, not treatments.",
    ],
)
def test_ordinary_words_are_not_regimens(nlp: Language, text: str) -> None:
    assert regimens(nlp, text) == []


def test_regimen_components_named_alone_stay_drugs(nlp: Language) -> None:
    doc = nlp("Folinic acid and prednisone were given with dexamethasone.")
    assert [(e.label_, e.id_) for e in doc.ents] == [
        ("DRUG", "folinic acid"),
        ("DRUG", "prednisone"),
        ("DRUG", "dexamethasone"),
    ]


# ---- a lexicon built in code ----------------------------------------------------------------------


def small_lexicon(**changes: object) -> Lexicon:
    """Two made-up regimens over two drugs; keyword arguments replace whole tables."""
    tables: dict[str, object] = {
        "drugs": {
            "zapmetinib": DrugEntry("zapmetinib", "targeted", ("MEK inhibitor",), (), ("ZM-1",)),
            "dacarbazine": DrugEntry("dacarbazine", "chemotherapy", ("chemotherapy",)),
        },
        "drug_classes": {
            "MEK inhibitor": DrugClassEntry("MEK inhibitor"),
            "chemotherapy": DrugClassEntry("chemotherapy"),
        },
        "genes": {"MAP2K1": GeneEntry("MAP2K1", aliases=("MEK1",))},
        "diseases": {"melanoma": DiseaseEntry("melanoma")},
        "endpoints": {"PFS": EndpointEntry("PFS", "progression-free survival")},
        "regimens": {
            "ZAPDAC": RegimenEntry("ZAPDAC", ("ZAP-DAC",), ("zapmetinib", "dacarbazine")),
            "ZqD": RegimenEntry("ZqD", (), ("zapmetinib", "dacarbazine")),
        },
    }
    tables.update(changes)
    return Lexicon(**tables)  # type: ignore[arg-type]


def test_small_lexicon_is_sound() -> None:
    assert lexicon_problems(small_lexicon()) == []


def test_a_pipeline_built_from_a_small_lexicon_labels_its_regimens() -> None:
    nlp = build_pipeline(small_lexicon())
    text = "Arm A took zapdac, arm B ZAP DAC, arm C ZqD and arm D ZQD."
    assert regimens(nlp, text) == [("zapdac", "ZAPDAC"), ("ZAP DAC", "ZAPDAC"), ("ZqD", "ZqD")]


def test_regimen_lookup_of_a_small_lexicon() -> None:
    assert small_lexicon().regimen_by_synonym() == {"zapdac": "ZAPDAC", "zap-dac": "ZAPDAC", "zqd": "ZqD"}


def test_merged_adds_and_overrides_regimens() -> None:
    user = Lexicon(
        regimens={
            "ZqD": RegimenEntry("ZqD", ("ZQD",), ("zapmetinib", "dacarbazine")),
            "DZ": RegimenEntry("DZ", (), ("dacarbazine", "zapmetinib")),
        }
    )
    merged = small_lexicon().merged(user)
    assert set(merged.regimens) == {"ZAPDAC", "ZqD", "DZ"}
    assert merged.regimens["ZqD"].synonyms == ("ZQD",)
    assert lexicon_problems(merged) == []


@pytest.mark.parametrize(
    ("spelling", "expected"),
    [
        ("ZM-1", "the spelling 'ZM-1' is also the drug 'zapmetinib'"),
        ("Dacarbazine", "the spelling 'Dacarbazine' is also the drug 'dacarbazine'"),
        ("mek inhibitor", "the spelling 'mek inhibitor' is also the drug class 'MEK inhibitor'"),
        ("MEK1", "the spelling 'MEK1' is also the gene 'MAP2K1'"),
        ("Melanoma", "the spelling 'Melanoma' is also the disease 'melanoma'"),
        ("PFS", "the spelling 'PFS' is also the endpoint 'PFS'"),
        ("zap dac", "names 'ZAPDAC' and 'ZqD'"),
    ],
)
def test_reports_a_regimen_spelling_that_names_something_else(spelling: str, expected: str) -> None:
    regimens_table = dict(small_lexicon().regimens)
    regimens_table["ZqD"] = RegimenEntry("ZqD", (spelling,), ("zapmetinib", "dacarbazine"))
    problems = lexicon_problems(small_lexicon(regimens=regimens_table))
    assert len(problems) == 1, problems
    assert expected in problems[0]


def test_reports_an_unknown_or_repeated_component() -> None:
    regimens_table = {
        "ZqD": RegimenEntry("ZqD", (), ("zapmetinib", "carboplatin")),
        "ZZ": RegimenEntry("ZZ", (), ("zapmetinib", "zapmetinib")),
    }
    problems = lexicon_problems(small_lexicon(regimens=regimens_table))
    assert problems == ["regimen 'ZqD': unknown drug 'carboplatin'", "regimen 'ZZ': a drug is listed twice"]


# ---- reading regimens.tsv ---------------------------------------------------------------------


def test_reads_a_user_regimen_file(tmp_path: Path) -> None:
    (tmp_path / "regimens.tsv").write_text(
        "# a curator's regimen\nname\tdrugs\tsynonyms\nZAPDAC\tzapmetinib | dacarbazine\tZAP-DAC\n",
        encoding="utf-8",
    )
    user = read_lexicon(tmp_path)
    assert user.regimens == {"ZAPDAC": RegimenEntry("ZAPDAC", ("ZAP-DAC",), ("zapmetinib", "dacarbazine"))}
    assert user.drugs == {}
    assert lexicon_problems(small_lexicon(regimens={}).merged(user)) == []


def test_a_folder_without_regimens_has_none(tmp_path: Path) -> None:
    (tmp_path / "drugs.tsv").write_text("inn\tkind\nzapmetinib\ttargeted\n", encoding="utf-8")
    assert read_lexicon(tmp_path).regimens == {}


def test_a_regimen_of_one_drug_is_refused_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "regimens.tsv").write_text("name\tsynonyms\tdrugs\nSOLO\t\tzapmetinib\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=rf"^{re.escape('regimens.tsv')}, line 2: .*at least two drugs"):
        read_lexicon(tmp_path)
