from __future__ import annotations

import pytest

from ingest.variants import HOTSPOTS, VariantMention, find_variants, hotspot_residue, short_change, to_hgvs


def changes(text: str, gene_spans: tuple[tuple[int, int, str], ...] = ()) -> list[tuple[str | None, str]]:
    return [(mention.gene, mention.change) for mention in find_variants(text, gene_spans)]


def gene_span(text: str, symbol: str, written: str | None = None) -> tuple[int, int, str]:
    start = text.index(written or symbol)
    return (start, start + len(written or symbol), symbol)


# ---- forms ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "change", "hgvs"),
    [
        ("Tumours carrying Q61R responded.", "Q61R", "p.Gln61Arg"),
        ("Most carried V600E.", "V600E", "p.Val600Glu"),
        ("The G12C allele is druggable.", "G12C", "p.Gly12Cys"),
        ("A G12D substitution was found.", "G12D", "p.Gly12Asp"),
        ("A Gln61Arg change was found.", "Q61R", "p.Gln61Arg"),
        ("We detected p.Gln61Arg in plasma.", "Q61R", "p.Gln61Arg"),
        ("Predicted p.(Gln61Arg) from RNA.", "Q61R", "p.Gln61Arg"),
        ("Sequencing showed p.Q61R in two cases.", "Q61R", "p.Gln61Arg"),
        ("Sequencing showed p.(Q61R) in two cases.", "Q61R", "p.Gln61Arg"),
        ("Resistance arose through T790M.", "T790M", "p.Thr790Met"),
        ("An exon 19 E746_A750del was present.", "E746_A750del", "p.Glu746_Ala750del"),
        ("An insertion D770_N771insSVD was present.", "D770_N771insSVD", "p.Asp770_Asn771insSerValAsp"),
        ("A truncating R213* was present.", "R213*", "p.Arg213Ter"),
        ("A frameshift R213fs was present.", "R213fs", "p.Arg213fs"),
    ],
)  # fmt: skip
def test_written_forms(text: str, change: str, hgvs: str) -> None:
    [mention] = find_variants(text)
    assert (mention.change, mention.hgvs, mention.is_codon_level) == (change, hgvs, False)
    assert short_change(text[mention.start : mention.end]) == change


def test_bare_hotspot_codon_is_codon_level() -> None:
    [mention] = find_variants("Alterations at Q61 were the most frequent.")
    assert mention == VariantMention(None, "Q61", "p.Gln61", 15, 18, is_codon_level=True)


def test_three_letter_bare_codon() -> None:
    assert changes("a change at Gln61 of the protein") == [(None, "Q61")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tumours harboured NRAS codon 61 mutations.", [("NRAS", "Q61")]),
        ("Mutations at codon 12, 13 or 61 of NRAS were eligible.",
         [("NRAS", "G12"), ("NRAS", "G13"), ("NRAS", "Q61")]),
        ("Codons 12 and 13 of KRAS were sequenced.", [("KRAS", "G12"), ("KRAS", "G13")]),
        # No gene: the residue is used only when every hotspot gene agrees on it.
        ("Substitutions at codon 600 dominate.", [(None, "V600")]),
        ("Substitutions at codon 61 dominate.", [(None, "Q61")]),
        # A codon with no known reference residue cannot be written as residue + position.
        ("TP53 codon 213 was altered.", []),
    ],
)  # fmt: skip
def test_codon_phrases(text: str, expected: list[tuple[str | None, str]]) -> None:
    assert changes(text) == expected


def test_codon_phrase_gene_from_spans() -> None:
    text = "In the MEK1 cohort, codon 57 substitutions were common."
    assert changes(text, (gene_span(text, "MAP2K1", "MEK1"),)) == [("MAP2K1", "K57")]


def test_codon_list_offsets_point_at_each_number() -> None:
    text = "codons 12 or 13 of HRAS"
    assert [text[m.start : m.end] for m in find_variants(text)] == ["12", "13"]


# ---- alternatives and lists -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BRAF V600E/K melanoma", [("BRAF", "V600E"), ("BRAF", "V600K")]),
        ("the Q61R/K/L alleles", [(None, "Q61R"), (None, "Q61K"), (None, "Q61L")]),
        ("KRAS G12/G13 mutations", [("KRAS", "G12"), ("KRAS", "G13")]),
        ("KRAS G12/13 mutations", [("KRAS", "G12"), ("KRAS", "G13")]),
        ("NRAS Q61R or Q61K", [("NRAS", "Q61R"), ("NRAS", "Q61K")]),
        ("NRAS Q61R, Q61K or Q61L", [("NRAS", "Q61R"), ("NRAS", "Q61K"), ("NRAS", "Q61L")]),
        ("EGFR L858R/T790M double mutants", [("EGFR", "L858R"), ("EGFR", "T790M")]),
    ],
)
def test_alternatives_and_lists(text: str, expected: list[tuple[str | None, str]]) -> None:
    assert changes(text) == expected


def test_alternative_residue_span_is_its_letter() -> None:
    text = "V600E/K"
    assert [(m.change, text[m.start : m.end]) for m in find_variants(text)] == [
        ("V600E", "V600E"),
        ("V600K", "K"),
    ]


# ---- look-alikes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Staining for S100B and CD274 was scored.",
        "Drug clearance depends on cytochrome P450 enzymes.",
        "Cells accumulated in G1 and G2 after exposure.",
        "Nodal status was M1 in three patients.",
        "Pembrolizumab 200 mg IV Q3W was given.",
        "Nivolumab was dosed Q2W, or 480 mg Q4W.",
        "Morphine was given Q12H as needed.",
        "The A549, H1299, T47D, T98G and C33A lines were used.",
        "Cells were plated in T25 flasks.",
        "KRAS-mutant A549 cells were resistant.",
        "BRAF-mutant A375 cells were sensitive.",
        "HEK293T cells were transfected.",
        "Loss of CDKN2A and PIK3CA amplification co-occurred.",
        "The NCI-H460 line was used.",
        "MEK162 and E6201 were compared.",
        "Dosing started on C1D1.",
        "Tumours were staged T4N1.",
        "Staining for E2F and the G2M checkpoint score",
    ],
)
def test_names_shaped_like_changes_are_not_variants(text: str) -> None:
    assert find_variants(text) == []


def test_schedules_are_told_from_changes_by_their_numbers() -> None:
    assert changes("morphine Q4H and nivolumab Q12W") == []
    assert changes("the rare Q61H allele") == [(None, "Q61H")]


def test_schedule_shape_is_kept_when_a_known_gene_is_written_against_it() -> None:
    assert changes("treated Q8H") == []
    assert changes("a ZNF3 Q8H variant") == []  # an upper-case token not known as a gene is not enough
    text = "a ZNF3 Q8H variant"
    assert changes(text, (gene_span(text, "ZNF3"),)) == [("ZNF3", "Q8H")]


def test_reference_residue_must_agree_with_the_gene() -> None:
    # Residue 12 of KRAS is glycine: "KRAS Q12H" is not a KRAS change.
    assert changes("the KRAS Q12H allele") == []
    # A nearest gene with the wrong residue is dropped, not the mention (codon 13 of KRAS is G).
    text = "In KRAS-mutant tumours an additional Q13R change was seen."
    assert changes(text, (gene_span(text, "KRAS"),)) == [(None, "Q13R")]
    text = "In KRAS-mutant tumours an additional G13R change was seen."
    assert changes(text, (gene_span(text, "KRAS"),)) == [("KRAS", "G13R")]


def test_single_digit_substitution_needs_gene_or_prefix() -> None:
    assert changes("cells in G2M") == []
    assert changes("a KRAS A1T change") == [("KRAS", "A1T")]
    assert changes("a p.M1I start loss") == [(None, "M1I")]


# ---- gene attachment --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "gene"),
    [
        ("NRAS Q61R tumours", "NRAS"),
        ("NRAS-Q61K tumours", "NRAS"),
        ("NRAS: Q61K tumours", "NRAS"),
        ("BRAFV600E tumours", "BRAF"),
        ("NRASQ61R tumours", "NRAS"),
        ("KRAS p.G12C tumours", "KRAS"),
        ("ERBB2V777L tumours", "ERBB2"),
        ("MAP2K1 K57N tumours", "MAP2K1"),
        ("the Q61R NRAS allele", "NRAS"),
        ("the Q61R mutation of NRAS", "NRAS"),
    ],
)
def test_gene_written_against_the_change(text: str, gene: str) -> None:
    [mention] = find_variants(text)
    assert mention.gene == gene


def test_glued_prefix_that_is_not_a_gene_rejects_the_mention() -> None:
    assert find_variants("ABCV600E") == []


def test_gene_span_maps_an_alias_written_against_the_change() -> None:
    text = "HER2 V777L was found."
    assert changes(text, (gene_span(text, "ERBB2", "HER2"),)) == [("ERBB2", "V777L")]


def test_nearest_gene_before_in_the_same_sentence() -> None:
    text = "Among NRAS-mutant tumours treated with the doublet, responses occurred with Q61K and Q61R."
    spans = (gene_span(text, "NRAS"),)
    assert changes(text, spans) == [("NRAS", "Q61K"), ("NRAS", "Q61R")]


def test_nearest_gene_does_not_cross_a_sentence() -> None:
    text = "BRAF was wild type in all cases. Most tumours carried Q61R."
    assert changes(text, (gene_span(text, "BRAF"),)) == [(None, "Q61R")]


def test_gene_written_against_wins_over_nearest_gene() -> None:
    text = "Co-occurring BRAF alterations were rare, while KRAS G12D was frequent."
    spans = (gene_span(text, "BRAF"), gene_span(text, "KRAS"))
    assert changes(text, spans) == [("KRAS", "G12D")]
    text = "BRAF wild-type tumours with G12D KRAS"
    assert changes(text, (gene_span(text, "BRAF"), gene_span(text, "KRAS"))) == [("KRAS", "G12D")]


def test_listed_change_takes_the_gene_of_its_list_not_the_nearest_gene() -> None:
    text = "In BRAF wild-type disease, NRAS Q61R or Q61K predicted benefit."
    spans = (gene_span(text, "BRAF"), gene_span(text, "NRAS"))
    assert changes(text, spans) == [("NRAS", "Q61R"), ("NRAS", "Q61K")]


def test_gene_written_against_another_change_is_not_the_nearest_gene() -> None:
    text = "Drugs that bind KRAS G12C rely on a cysteine that Q61 variants do not have."
    assert changes(text, (gene_span(text, "KRAS"),)) == [("KRAS", "G12C"), (None, "Q61")]


def test_no_gene_is_left_for_the_caller() -> None:
    assert changes("Most tumours carried Q61R.") == [(None, "Q61R")]


def test_upper_case_non_gene_word_before_is_not_a_gene() -> None:
    assert changes("ORR Q61R") == [(None, "Q61R")]


def test_offsets_cover_the_change_as_written() -> None:
    text = "detected BRAF p.V600E and NRASQ61K"
    assert [text[m.start : m.end] for m in find_variants(text)] == ["p.V600E", "Q61K"]


# ---- normalisation ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "hgvs"),
    [
        ("Q61R", "p.Gln61Arg"),
        ("Q61", "p.Gln61"),
        ("V600E", "p.Val600Glu"),
        ("G12C", "p.Gly12Cys"),
        ("E746_A750del", "p.Glu746_Ala750del"),
        ("L747_P753delinsS", "p.Leu747_Pro753delinsSer"),
        ("D770_N771insSVD", "p.Asp770_Asn771insSerValAsp"),
        ("R213*", "p.Arg213Ter"),
        ("R213Pfs*12", "p.Arg213ProfsTer12"),
    ],
)
def test_to_hgvs_and_back(change: str, hgvs: str) -> None:
    assert to_hgvs(change) == hgvs
    assert short_change(hgvs) == change
    assert to_hgvs(hgvs) == hgvs


@pytest.mark.parametrize("written", ["p.Gln61Arg", "Gln61Arg", "p.Q61R", "Q61R", "p.(Gln61Arg)", " Q61R "])
def test_short_change_accepts_every_form(written: str) -> None:
    assert short_change(written) == "Q61R"


@pytest.mark.parametrize("written", ["X12", "Q61RR", "E750_A746del", "Q61R K", "BRAF", "", "p.", "A12_B14"])
def test_not_a_change(written: str) -> None:
    assert short_change(written) is None
    with pytest.raises(ValueError, match="not a protein change"):
        to_hgvs(written)


def test_hotspot_table() -> None:
    assert HOTSPOTS[("BRAF", 600)] == "V"
    assert hotspot_residue("NRAS", 61) == "Q"
    assert hotspot_residue(None, 12) == "G"  # every RAS gene agrees
    assert hotspot_residue(None, 209) == "Q"  # GNAQ and GNA11 agree
    assert hotspot_residue("TP53", 61) is None
    assert hotspot_residue("ABL1", 315) == "T"  # T315I, the gatekeeper change of BCR::ABL1


def test_an_isoform_name_hyphened_to_its_gene_is_no_codon() -> None:
    text = "Splice variants such as AR-V7 were studied, and KRAS-G12 mutations were common."
    spans = (gene_span(text, "AR"), gene_span(text, "KRAS"))
    assert changes(text, spans) == [("KRAS", "G12")]

