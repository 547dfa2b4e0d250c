"""PubMed's MEDLINE text format ("Save > PubMed format", .nbib): one paper per record, only the
title and abstract read as text, never the index lines (publication types, substances, MeSH)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ingest.readers import read_path
from tests.conftest import Cli
from tests.reader_files import LIMIT, refusal, write_file

# Invented records in the layout PubMed exports: a four-character tag padded with spaces, "- ",
# continuation lines indented six spaces, a blank line between records.
FIRST = """\
PMID- 90000101
OWN - NLM
STAT- MEDLINE
DP  - 2021 Nov 4
TI  - Tumour shrinkage with an oral MEK inhibitor in NRAS-mutant melanoma cell
      lines grown as spheroids.
PG  - 211-219
LID - 10.9999/fict.2021.0101 [doi]
AB  - Spheroids of six melanoma cell lines carrying NRAS codon 61 changes were
      exposed to binimetinib for fourteen days. Spheroid volume fell in five of the
      six lines, and phosphorylated ERK stayed low while the drug was present.
FAU - Okonkwo, Adaeze Chioma
AU  - Okonkwo AC
FAU - Lindqvist, Per
AU  - Lindqvist P
LA  - eng
PT  - Journal Article
TA  - Fict Cell Oncol
JT  - Fictional journal of cell oncology
JID - 999999901
RN  - 0 (Antineoplastic Agents)
SB  - IM
MH  - Melanoma/*drug therapy
MH  - Cell Line, Tumor
EDAT- 2021/11/05 06:00
"""

SECOND = """\
PMID- 90000102
OWN - NLM
DP  - 2019 Dec-2020 Jan
TI  - Skin toxicity under combined BRAF and MEK blockade: a retrospective chart review.
AB  - Records of forty adults treated with dabrafenib plus trametinib were reviewed
      for rashes. Most rashes were mild.
AU  - Haddad R
AU  - Moreau-Lefevre J
CN  - Fictional Skin Toxicity Study Group
PT  - Journal Article
TA  - Fict Dermatol Rep
AID - S0000-0000(19)00002-X [pii]
AID - 10.9999/fdr.2019.0202 [doi]
"""

# the index lines name a phase III randomised trial, its registry number and a second drug; the
# title and abstract name no trial and no phase, only a result
INDEXED_AS_A_TRIAL = """\
PMID- 90000103
OWN - NLM
DP  - 2022 Feb
TI  - Pembrolizumab after progression on BRAF inhibitors in melanoma.
AB  - Eighty adults whose melanoma progressed on a BRAF inhibitor received
      pembrolizumab. Median overall survival was 20.1 months.
FAU - Varga, Ilona
AU  - Varga I
PT  - Clinical Trial, Phase III
PT  - Randomized Controlled Trial
PT  - Journal Article
SI  - ClinicalTrials.gov/NCT09990103
TA  - Fict Melanoma Res
RN  - 0 (pembrolizumab)
RN  - 0 (ipilimumab)
MH  - Melanoma/*drug therapy
"""


def test_one_record_gives_its_title_and_abstract_as_the_text(tmp_path: Path) -> None:
    result = read_path(write_file(tmp_path, "export.txt", FIRST), LIMIT)
    assert result.warnings == [] and result.graphs == []
    (document,) = result.documents
    title = "Tumour shrinkage with an oral MEK inhibitor in NRAS-mutant melanoma cell lines grown as spheroids."
    assert document.title == title
    assert document.text == (
        f"{title}\n\nSpheroids of six melanoma cell lines carrying NRAS codon 61 changes were exposed to "
        "binimetinib for fourteen days. Spheroid volume fell in five of the six lines, and phosphorylated "
        "ERK stayed low while the drug was present."
    )
    # index lines are metadata, not prose
    for tag_value in ("Journal Article", "Antineoplastic", "Cell Line, Tumor", "NLM", "211-219"):
        assert tag_value not in document.text


def test_metadata_comes_from_the_tags(tmp_path: Path) -> None:
    document = read_path(write_file(tmp_path, "export.nbib", FIRST), LIMIT).documents[0]
    assert document.id == document.pmid == "90000101"
    assert document.doi == "10.9999/fict.2021.0101"
    assert document.year == 2021
    assert document.journal == "Fictional journal of cell oncology"
    assert document.authors == ("Okonkwo, Adaeze Chioma", "Lindqvist, Per")
    assert document.source_type == "abstract"
    assert document.source_path == "export.nbib"


def test_two_records_in_one_file_are_two_papers(tmp_path: Path) -> None:
    result = read_path(write_file(tmp_path, "two.medline", FIRST + "\n" + SECOND), LIMIT)
    assert result.warnings == []
    first, second = result.documents
    assert (first.id, second.id) == ("90000101", "90000102")
    assert second.text == (
        "Skin toxicity under combined BRAF and MEK blockade: a retrospective chart review.\n\n"
        "Records of forty adults treated with dabrafenib plus trametinib were reviewed for rashes. "
        "Most rashes were mild."
    )
    # no JT: the abbreviation; no FAU: the short names, then the group; DOI from an AID line
    assert second.journal == "Fict Dermatol Rep"
    assert second.authors == ("Haddad R", "Moreau-Lefevre J", "Fictional Skin Toxicity Study Group")
    assert second.doi == "10.9999/fdr.2019.0202"
    assert second.year == 2019


def test_windows_line_ends_bom_and_leading_blank_lines_are_read(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf\r\n\r\n" + (FIRST + "\n" + SECOND).replace("\n", "\r\n").encode()
    documents = read_path(write_file(tmp_path, "export.txt", data), LIMIT).documents
    assert [d.id for d in documents] == ["90000101", "90000102"]
    assert documents[0].text == read_path(write_file(tmp_path, "unix.txt", FIRST), LIMIT).documents[0].text


def test_continuation_lines_join_with_single_spaces_and_blank_ones_keep_paragraphs(tmp_path: Path) -> None:
    record = (
        "PMID- 90000104\n"
        "TI  - A title that runs   \n"
        "      over two lines.\n"
        "AB  - BACKGROUND: The first paragraph\n"
        "      ends here.\n"
        "      \n"
        "      METHODS: The second   one\n"
        "        follows.\n"
    )
    document = read_path(write_file(tmp_path, "wrapped.txt", record), LIMIT).documents[0]
    assert document.title == "A title that runs over two lines."
    assert document.text == (
        "A title that runs over two lines.\n\nBACKGROUND: The first paragraph ends here.\n"
        "METHODS: The second one follows."
    )


def test_several_lid_lines_give_the_doi_not_the_publisher_id(tmp_path: Path) -> None:
    record = (
        "PMID- 90000105\nTI  - A short title.\nLID - e2024001 [pii]\nLID - 10.9999/fict.e2024001 [doi]\n"
        "DEP - 20240115\n"
    )
    document = read_path(write_file(tmp_path, "lid.txt", record), LIMIT).documents[0]
    assert document.doi == "10.9999/fict.e2024001"
    # no DP: the electronic publication date gives the year
    assert document.year == 2024


def test_record_without_abstract_is_read_by_its_title(tmp_path: Path) -> None:
    record = "PMID- 90000106\nTI  - A letter with no abstract.\nPT  - Letter\n"
    document = read_path(write_file(tmp_path, "letter.txt", record), LIMIT).documents[0]
    assert (document.id, document.text, document.title) == ("90000106", "A letter with no abstract.",
                                                             "A letter with no abstract.")


def test_record_without_title_or_abstract_is_skipped_with_a_warning(tmp_path: Path) -> None:
    empty = "PMID- 90000107\nPT  - Published Erratum\nDP  - 2020\n"
    result = read_path(write_file(tmp_path, "mixed.txt", empty + "\n" + FIRST), LIMIT)
    assert [d.id for d in result.documents] == ["90000101"]
    assert len(result.warnings) == 1 and "90000107" in result.warnings[0]
    assert result.warnings[0].startswith("mixed.txt: ")


def test_file_with_no_record_with_text_is_refused_in_one_line(tmp_path: Path) -> None:
    message = refusal(write_file(tmp_path, "errata.nbib", "PMID- 90000108\nPT  - Published Erratum\n"))
    assert "no MEDLINE record with a title or an abstract" in message


def test_a_paper_twice_in_one_file_is_read_once_with_a_warning(tmp_path: Path) -> None:
    revised = FIRST.replace("Spheroids of six", "Spheroids of seven")
    result = read_path(write_file(tmp_path, "twice.txt", FIRST + "\n" + revised), LIMIT)
    (document,) = result.documents
    assert "seven" in document.text
    assert len(result.warnings) == 1 and "90000101" in result.warnings[0]


@pytest.mark.parametrize(
    ("content", "line"),
    [
        # a continuation line opening a record
        ("PMID- 90000109\nTI  - A title.\n\n      stray continuation\n", 4),
        # indented neither as a tag line nor as a continuation
        ("PMID- 90000109\nTI  - A title.\nAB  - An abstract\n   wrongly indented.\n", 4),
    ],
)
def test_malformed_lines_are_refused_with_their_number(tmp_path: Path, content: str, line: int) -> None:
    message = refusal(write_file(tmp_path, "bad.txt", content))
    assert f"malformed MEDLINE: line {line} " in message


def test_pmid_tag_further_down_is_plain_text(tmp_path: Path) -> None:
    note = "My notes on a paper.\n\n" + FIRST
    document = read_path(write_file(tmp_path, "notes.txt", note), LIMIT).documents[0]
    assert document.text == note and document.pmid is None


def test_reading_the_module_does_not_load_biopython() -> None:
    code = "import sys, ingest.readers; print('Bio' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_kg_add_keys_the_paper_by_pmid_and_reads_no_trial_from_index_lines(kg: Cli, tmp_path: Path) -> None:
    path = write_file(tmp_path, "pubmed-export.txt", INDEXED_AS_A_TRIAL)
    kg("add", str(path))
    (paper,) = kg.json("papers")
    assert paper["paper"] == "90000103"
    # the abstract was read; the substance line naming ipilimumab was not
    assert paper["drugs"] == ["pembrolizumab"]
    # read as prose, the publication type and registry lines made the result one of a phase 3 trial
    # NCT09990103; the abstract alone names no trial, no registry number and no phase
    trials = kg.json("query", "trials")
    assert all((t["trial"], t["nct"], t["phase"]) == (None, None, None) for t in trials), trials
    assert all(t["papers"] == ["90000103"] for t in trials)
