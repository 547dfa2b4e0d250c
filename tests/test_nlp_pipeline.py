"""The spaCy pipeline on sentences written for these tests: tokens, genes, endpoints, trial names."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from ingest.extract import read_paper
from ingest.lexicon import shipped_lexicon
from ingest.nlp import pipeline_for
from kg.model import Document


def nlp_doc(text: str) -> Doc:
    return pipeline_for(shipped_lexicon())(text)


def genes(text: str) -> set[str]:
    return set(read_paper(Document(id="t", text=text)).genes)


def trial_names(text: str) -> set[str]:
    doc = nlp_doc(text)
    return {span.id_ for span in doc.spans["trials"]}


def test_receptor_status_runs_are_split_into_their_markers() -> None:
    tokens = [t.text for t in nlp_doc("Women with ER+/HER2- disease")]
    assert "HER2" in tokens
    assert genes("Women with ER+/HER2- advanced disease were enrolled.") == {"ERBB2"}


@pytest.mark.parametrize(
    ("text", "symbols"),
    [
        ("Patients had BCR::ABL1-positive disease.", {"BCR", "ABL1"}),
        ("An FGFR2::BICC1 fusion was found.", {"FGFR2", "BICC1"}),
        ("EML4-ALK and KIF5B-RET rearrangements", {"EML4", "ALK", "KIF5B", "RET"}),
    ],
)
def test_both_partners_of_a_fusion_are_genes(text: str, symbols: set[str]) -> None:
    assert genes(text) == symbols


def test_a_bracketed_symbol_glued_to_a_hyphen_is_found() -> None:
    assert "PDCD1" in genes("Blocking programmed death 1 (PD1)-antibodies is standard.")


@pytest.mark.parametrize(
    ("text", "symbol"),
    [
        ("Tumours were tested for PD-ligand 1 expression.", "CD274"),
        ("Programmed death 1 is a checkpoint receptor.", "PDCD1"),
        ("Expression of programmed death-ligand 1 was measured.", "CD274"),
        ("Bevacizumab binds vascular endothelial growth factor.", "VEGFA"),
    ],
)
def test_gene_names_written_out_in_words(text: str, symbol: str) -> None:
    assert symbol in genes(text)


@pytest.mark.parametrize(
    ("text", "symbols"),
    [
        # a gene's name inside a longer gene's name is that gene only
        ("Tumours negative for human epidermal growth factor receptor 2 were eligible.", {"ERBB2"}),
        # serum markers the papers measure are their genes
        ("Serum alpha-fetoprotein of 400 ng/mL or more was required.", {"AFP"}),
        ("A prostate-specific antigen (PSA) fall of 50% was seen.", {"KLK3"}),
        # an aromatase inhibitor is a class of drug, not a mention of the gene
        ("Disease had progressed on an aromatase inhibitor.", set()),
    ],
)
def test_genes_a_text_names(text: str, symbols: set[str]) -> None:
    assert genes(text) == symbols


def test_a_drug_named_inside_a_gene_name_is_not_a_drug() -> None:
    facts = read_paper(Document(id="t", text="Temsirolimus blocks the mammalian target of rapamycin (mTOR)."))
    assert "MTOR" in facts.genes
    assert "sirolimus" not in facts.drugs


def test_radiographic_progression_free_survival_is_pfs() -> None:
    endpoints = [e.id_ for e in nlp_doc("Median rPFS was 24.8 months.").ents if e.label_ == "ENDPOINT"]
    assert endpoints == ["PFS"]


def test_a_month_abbreviation_is_not_overall_survival() -> None:
    endpoints = [e.id_ for e in nlp_doc("Median PFS was 9.1 mos; mOS was 20.2 mos.").ents if e.label_ == "ENDPOINT"]
    assert endpoints == ["PFS", "OS"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("In ZEPHYR, 300 patients were randomized to sotorasib or docetaxel.", "ZEPHYR"),
        ("This double-blind phase 3 trial (ORCHID; NCT01234567) enrolled adults.", "ORCHID"),
        ("Sotorasib in pretreated lung cancer (ATLAS-3): final results\n\nText follows.", "ATLAS-3"),
        ("Overall survival in MERIDIAN 2 was reported last year.", "MERIDIAN 2"),
        ("That changed with HORIZON-Lung05, a phase 3 study.", "HORIZON-Lung05"),
        ("TRITON7 is a randomized phase 2 study of olaparib.", "TRITON7"),
        ("The doublet was tested in CASCADE against vemurafenib.", "CASCADE"),
        ("In seBRIM, 400 patients received vemurafenib.", "seBRIM"),
    ],
)
def test_trial_names_in_their_usual_settings(text: str, name: str) -> None:
    assert name in trial_names(text)


@pytest.mark.parametrize(
    "text",
    [
        "Median PFS was 4.1 months per RECIST 1.1 in the phase 2 part.",
        "Patients with STAGE 4 disease and COVID-19 were excluded.",
        "Zeltinib for unresectable hepatocellular carcinoma (uHCC): final results\n\nText follows.",
        "Telisotuzumab vedotin (TELI; Brandix) was studied. OS was 16.5 months with TELI compared with 12.8.",
        "OUTCOME MEASURE 2 (Secondary): Overall Survival\n  Unit of Measure: months",
        "Participant Flow\n  STARTED 145 145\n  NOT COMPLETED 120 131\n",
        "Title: Progression-Free Survival Based on Blinded Independent Central Review (BICR)\n",
    ],
)
def test_capitalised_words_with_numbers_that_are_not_trials(text: str) -> None:
    assert trial_names(text) == set()
