"""Readers: each format read by content, and each bad input refused with one line naming the file."""

from __future__ import annotations

import json
import random
import shutil
import socket
from dataclasses import replace
from pathlib import Path

import pytest
from rdflib import Graph

from ingest.readers import ReadError, read_path
from kg.model import Document
from kg.rdf import paper_graph
from kg.records import graph_hash
from tests.conftest import FIXTURES
from tests.factories import mek_trial_paper
from tests.reader_files import LIMIT, refusal, write_file


def _read_one(path: Path) -> Document:
    result = read_path(path, LIMIT)
    assert len(result.documents) == 1 and result.graphs == []
    return result.documents[0]


# ---- PubMed XML ---------------------------------------------------------------------------


def test_pubmed_export_gives_one_document_per_article(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("the reader opened a network connection")

    # the DOCTYPE names a DTD on dtd.nlm.nih.gov: reading must not fetch it
    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    result = read_path(FIXTURES / "pubmed_two_articles.xml", LIMIT)
    assert result.warnings == [] and result.graphs == []
    first, second = result.documents
    assert (first.id, first.pmid, second.id, second.pmid) == ("90000001", "90000001", "90000002", "90000002")
    assert first.title is not None and second.title is not None
    assert first.title.startswith("Pimasertib or dacarbazine for advanced NRAS-mutant melanoma")
    assert second.title.startswith("Tunlametinib (HL-085) monotherapy")
    assert first.journal == "Journal of Experimental Skin Oncology"
    assert second.journal == "Asian Journal of Targeted Cancer Therapy"
    assert (first.year, second.year) == (2019, 2023)
    assert (first.doi, second.doi) == ("10.9999/ekg.fixture.90000001", "10.9999/ekg.fixture.90000002")
    assert first.authors == ("Varga I", "Mbeki-Holm S", "Castellanos R")
    assert second.authors == ("Zhou L", "Harada K")
    assert {first.source_type, second.source_type} == {"abstract"}
    title, abstract = first.text.split("\n\n")
    assert title == first.title
    sections = abstract.split("\n")
    assert [s.split(":")[0] for s in sections] == ["BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"]
    # inline markup keeps its text: <i>NRAS</i>-mutant, mg/m<sup>2</sup>
    assert "NRAS-mutant cutaneous melanoma" in sections[1] and "1000 mg/m2 every 3 weeks" in sections[1]


def test_pubmed_fallbacks_for_year_doi_and_unlabelled_abstracts(tmp_path: Path) -> None:
    article = """<PubmedArticle><MedlineCitation><PMID>90000010</PMID><Article>
      <Journal><JournalIssue><PubDate><MedlineDate>1998 Dec-1999 Jan</MedlineDate></PubDate></JournalIssue>
        <Title>Made-up Journal</Title></Journal>
      <ArticleTitle>A short made-up title.</ArticleTitle>
      <ELocationID EIdType="doi" ValidYN="Y">10.9999/made.up</ELocationID>
      <Abstract><AbstractText>One paragraph
        without a label.</AbstractText></Abstract>
      <AuthorList><Author><CollectiveName>Made-up Study Group</CollectiveName></Author></AuthorList>
    </Article></MedlineCitation></PubmedArticle>"""
    document = _read_one(write_file(tmp_path, "single.xml", article))
    assert (document.id, document.year, document.doi) == ("90000010", 1998, "10.9999/made.up")
    assert document.text == "A short made-up title.\n\nOne paragraph without a label."
    assert document.authors == ("Made-up Study Group",)

    dated_by_article = article.replace("<MedlineDate>1998 Dec-1999 Jan</MedlineDate>", "").replace(
        "</Abstract>", "</Abstract><ArticleDate><Year>2021</Year></ArticleDate>")
    assert _read_one(write_file(tmp_path, "dated.xml", dated_by_article)).year == 2021


def test_pubmed_xml_saved_as_txt_is_read_as_pubmed(tmp_path: Path) -> None:
    renamed = tmp_path / "export.txt"
    shutil.copy(FIXTURES / "pubmed_two_articles.xml", renamed)
    assert [d.id for d in read_path(renamed, LIMIT).documents] == ["90000001", "90000002"]


def test_pubmed_article_without_text_is_skipped_with_a_warning(tmp_path: Path) -> None:
    xml = ("<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>90000011</PMID><Article/>"
           "</MedlineCitation></PubmedArticle><PubmedArticle><MedlineCitation><PMID>90000012</PMID><Article>"
           "<ArticleTitle>Only a title.</ArticleTitle></Article></MedlineCitation></PubmedArticle>"
           "</PubmedArticleSet>")
    result = read_path(write_file(tmp_path, "partial.xml", xml), LIMIT)
    assert [d.id for d in result.documents] == ["90000012"]
    assert len(result.warnings) == 1 and "90000011" in result.warnings[0]


# ---- BioC ---------------------------------------------------------------------------------


def test_bioc_json_and_xml_give_the_same_document() -> None:
    from_json = _read_one(FIXTURES / "bioc_one_document.json")
    from_xml = _read_one(FIXTURES / "bioc_one_document.xml")
    assert from_json.id == from_xml.id == from_json.pmid == "90000003"
    assert from_json.text == from_xml.text
    assert from_json.title == from_xml.title
    assert from_json.title is not None and from_json.title.startswith("Naporafenib (LXH254) combined with")
    assert (from_json.journal, from_json.year) == ("Fict Melanoma Res", 2024)
    assert from_json.source_type == "abstract"
    # passages joined by one newline: the abstract starts at its BioC offset
    assert from_json.text.startswith(from_json.title + "\n")
    assert from_json.text[129:].startswith("Naporafenib (LXH254), taken by mouth")


def test_bioc_json_saved_as_txt_is_read_as_bioc(tmp_path: Path) -> None:
    renamed = tmp_path / "pubtator.txt"
    shutil.copy(FIXTURES / "bioc_one_document.json", renamed)
    original = _read_one(FIXTURES / "bioc_one_document.json")
    assert _read_one(renamed) == replace(original, source_path="pubtator.txt")


def _bioc(doc_id: str, **extra: object) -> dict:
    return {"id": doc_id, "passages": [
        {"infons": {"type": "title"}, "offset": 0, "text": "A made-up title"},
        {"infons": {"type": "abstract"}, "offset": 16, "text": "A made-up abstract."},
    ], **extra}


def test_pubtator3_export_and_non_pmid_ids(tmp_path: Path) -> None:
    export = {"PubTator3": [_bioc("90000020", journal="Made-up J", date="2022-04-01T00:00:00Z",
                                  authors=["Doe J", "Roe R"]),
                            _bioc("internal-note.7")]}
    first, second = read_path(write_file(tmp_path, "export.json", json.dumps(export)), LIMIT).documents
    assert (first.id, first.journal, first.year) == ("90000020", "Made-up J", 2022)
    assert first.authors == ("Doe J", "Roe R")
    assert first.text == "A made-up title\nA made-up abstract."
    assert (second.id, second.pmid) == ("internal-note.7", None)


def test_bioc_document_with_a_bad_id_is_refused(tmp_path: Path) -> None:
    path = write_file(tmp_path, "bad-id.json", json.dumps({"documents": [_bioc("../../etc/passwd")]}))
    assert "invalid paper id '../../etc/passwd'" in refusal(path)


def test_json_that_is_not_bioc_is_refused(tmp_path: Path) -> None:
    assert "unknown JSON format" in refusal(write_file(tmp_path, "other.json", '{"rows": [1, 2]}'))
    assert "malformed JSON" in refusal(write_file(tmp_path, "broken.json", '{"documents": ['))


def test_text_starting_with_a_bracket_is_still_text(tmp_path: Path) -> None:
    document = _read_one(write_file(tmp_path, "note.txt", "[Draft] A made-up note about a trial.\n"))
    assert document.text.startswith("[Draft]")


# ---- Turtle records -----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["record.ttl", "record-saved-as.txt"])
def test_turtle_record_round_trip(tmp_path: Path, name: str) -> None:
    graph = paper_graph(mek_trial_paper("paper-a"))
    path = tmp_path / name
    path.write_text(graph.serialize(format="turtle"), encoding="utf-8")
    result = read_path(path, LIMIT)
    assert result.documents == [] and result.warnings == []
    [(document, read_graph)] = result.graphs
    assert graph_hash(read_graph) == graph_hash(graph)
    assert (document.id, document.title, document.year) == ("paper-a", "Title of paper-a", 2020)
    assert document.text == ""  # a record is loaded as it is, not read again


def test_turtle_without_a_publication_is_refused(tmp_path: Path) -> None:
    turtle = "@prefix ex: <https://example.org/> .\nex:a ex:b ex:c .\n"
    assert "this Turtle has no ekg:Publication" in refusal(write_file(tmp_path, "nothing.ttl", turtle))


def test_turtle_with_two_publications_is_refused(tmp_path: Path) -> None:
    graph = paper_graph(mek_trial_paper("paper-a")) + paper_graph(mek_trial_paper("paper-b"))
    path = write_file(tmp_path, "two.ttl", graph.serialize(format="turtle"))
    assert "this Turtle has 2 ekg:Publication nodes" in refusal(path)


def test_turtle_publication_must_have_the_iri_of_its_id(tmp_path: Path) -> None:
    graph = Graph()
    graph.parse(data=paper_graph(mek_trial_paper("paper-a")).serialize(format="turtle")
                .replace("/id/paper/paper-a>", "/id/paper/paper-z>"), format="turtle")
    path = write_file(tmp_path, "moved.ttl", graph.serialize(format="turtle"))
    assert "should be <https://w3id.org/evidence-kg/id/paper/paper-a>" in refusal(path)


def test_turtle_with_evidence_of_another_paper_is_refused(tmp_path: Path) -> None:
    turtle = paper_graph(mek_trial_paper("paper-a")).serialize(format="turtle")
    # the first node carrying the paper's id (an evidence) is filed under another paper
    mixed = turtle.replace('ekg:paperId "paper-a"', 'ekg:paperId "paper-b"', 1)
    path = write_file(tmp_path, "mixed.ttl", mixed)
    assert "holds nodes of paperId 'paper-b'" in refusal(path)


@pytest.mark.parametrize(("ending", "problem"), [
    ("ex:a ex:b\n\n", "line 3: objectList expected"),
    ("ex:a ex:b 'cut", "the parser stopped"),
])
def test_malformed_turtle_is_refused(tmp_path: Path, ending: str, problem: str) -> None:
    path = write_file(tmp_path, "broken.ttl", "@prefix ex: <https://example.org/> .\nex:a ex:b ex:c .\n" + ending)
    assert refusal(path).startswith(f"broken.ttl: malformed Turtle: {problem}")


# ---- plain text and Markdown --------------------------------------------------------------


def test_markdown_front_matter_is_metadata() -> None:
    document = _read_one(FIXTURES / "frontmatter_news.md")
    assert (document.id, document.doi) == ("doi_10.9999_ekg.fixture.1", "10.9999/ekg.fixture.1")
    assert document.title == "Regulator accepts filing for MEK inhibitor ZX-4410 in NRAS-mutant melanoma"
    assert (document.journal, document.year, document.source_type, document.authors) == (
        "evidence-kg fixture news", 2025, "news", ())
    assert "---" not in document.text and "source_type" not in document.text


def test_front_matter_id_is_used_when_there_is_no_pmid_or_doi(tmp_path: Path) -> None:
    path = write_file(tmp_path, "note.md", "---\nid: my-note\nauthors: [A. Author]\n---\nBody text.\n")
    document = _read_one(path)
    assert (document.id, document.authors) == ("my-note", ("A. Author",))


def test_front_matter_id_with_a_path_is_refused(tmp_path: Path) -> None:
    path = write_file(tmp_path, "escape.md", "---\nid: ../../outside\n---\nBody text.\n")
    assert "invalid paper id '../../outside'" in refusal(path)


def test_front_matter_aliases_are_refused_before_they_expand(tmp_path: Path) -> None:
    nested = ["a: &a [x, x, x, x, x, x, x, x, x, x]"] + [
        f"{name}: &{name} [{', '.join([f'*{inner}'] * 10)}]" for inner, name in zip("abcdefgh", "bcdefghi", strict=True)
    ]
    path = write_file(tmp_path, "laughs.md", "---\n" + "\n".join(nested) + "\ntitle: *i\n---\nA made-up body.\n")
    assert refusal(path) == "laughs.md: refused: the YAML front matter uses aliases (*name), which are not allowed"


@pytest.mark.parametrize(("front_matter", "reason"), [
    ("title: [a, b]", "front matter title must be a single value, not a list or mapping"),
    ("id: {a: b}", "front matter id must be a single value, not a list or mapping"),
    ("year: [2020]", "front matter year must be a single value, not a list or mapping"),
    ("authors: [[A. Author]]", "front matter authors must be a list of names"),
    ("year: 1.0e+999999", "front matter year must be a number, not inf"),
    ("year: soon", "front matter year must be a number, not 'soon'"),
])
def test_front_matter_fields_have_their_shape(tmp_path: Path, front_matter: str, reason: str) -> None:
    path = write_file(tmp_path, "shape.md", f"---\n{front_matter}\n---\nA made-up body.\n")
    assert refusal(path) == f"shape.md: {reason}"


def test_control_characters_in_a_file_name_are_escaped(tmp_path: Path) -> None:
    path = write_file(tmp_path, "two\nlines\x1b.txt", b"")
    with pytest.raises(ReadError) as caught:
        read_path(path, LIMIT)
    assert str(caught.value) == "two\\nlines\\x1b.txt: empty file"


def test_latin1_is_decoded_with_a_warning() -> None:
    result = read_path(FIXTURES / "latin1.txt", LIMIT)
    assert result.warnings == ["latin1.txt: not UTF-8; decoded as Windows-1252/Latin-1"]
    assert all(char in result.documents[0].text for char in "ôÉ±µé")


def test_utf8_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    path = write_file(tmp_path, "bom.txt", "\ufeffA made-up title\nBody text.\n".encode())
    result = read_path(path, LIMIT)
    assert result.warnings == []
    assert result.documents[0].title == "A made-up title" and result.documents[0].text.startswith("A made")


def test_unknown_extension_with_text_is_read_as_text(tmp_path: Path) -> None:
    document = _read_one(write_file(tmp_path, "notes.rst", "A made-up title\nBody text.\n"))
    assert document.title == "A made-up title"


# ---- bad inputs ---------------------------------------------------------------------------


ENTITIES_REFUSED = "refused: the XML declares entities (external or expanding entities are not allowed)"


@pytest.mark.parametrize(("name", "reason"), [
    ("xxe.xml", ENTITIES_REFUSED),
    ("billion_laughs.xml", ENTITIES_REFUSED),
    ("truncated.xml", "malformed XML: no element found: line 12"),
    ("empty.txt", "empty file"),
    ("binary_renamed.txt", "binary content (NUL bytes)"),
])
def test_bad_fixture_is_refused(name: str, reason: str) -> None:
    message = refusal(FIXTURES / name)
    assert message.startswith(f"{name}: {reason}")
    assert "root:" not in message  # nothing of /etc/passwd


def test_unknown_xml_root_is_refused(tmp_path: Path) -> None:
    path = write_file(tmp_path, "page.xml", "<?xml version='1.0'?><html><body>text</body></html>")
    assert refusal(path).startswith("page.xml: unknown XML format (root <html>)")


@pytest.mark.parametrize("name", ["paper.pdf", "paper.txt", "paper"])
def test_pdf_is_refused_as_binary(tmp_path: Path, name: str) -> None:
    path = write_file(tmp_path, name, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    assert "binary content (a PDF file)" in refusal(path)


def test_unknown_extension_with_binary_content_is_refused(tmp_path: Path) -> None:
    path = write_file(tmp_path, "data.bin", (FIXTURES / "binary_renamed.txt").read_bytes())
    assert "binary content" in refusal(path)


@pytest.mark.parametrize(("encoding", "reason"), [
    ("utf-16", "UTF-16 text is not read; save it as UTF-8"),
    ("utf-32", "UTF-32 text is not read; save it as UTF-8"),  # its byte-order mark starts like UTF-16's
    ("utf-16-le", "UTF-16 text without a byte-order mark is not read; save it as UTF-8"),
    ("utf-16-be", "UTF-16 text without a byte-order mark is not read; save it as UTF-8"),
])
def test_wide_unicode_text_is_refused_with_advice(tmp_path: Path, encoding: str, reason: str) -> None:
    path = write_file(tmp_path, "wide.txt", "A made-up title\nA made-up body.\n".encode(encoding))
    assert refusal(path) == f"wide.txt: {reason}"


NOT_WESTERN = "neither UTF-8 nor Western (Windows-1252/Latin-1) text"


@pytest.mark.parametrize("content", [
    bytes(random.Random(5).randrange(0x80, 0x100) for _ in range(2000)),  # no NUL, no control character
    bytes(random.Random(6).randrange(0x20, 0x100) for _ in range(2000)),
    "Меланома с мутацией NRAS: медиана выживаемости без прогрессирования.\n".encode("cp1251"),
    "NRAS変異メラノーマの無増悪生存期間。\n".encode("shift_jis"),
], ids=["high bytes", "printable bytes", "cp1251", "shift_jis"])
def test_bytes_that_are_not_western_text_are_refused(tmp_path: Path, content: bytes) -> None:
    assert NOT_WESTERN in refusal(write_file(tmp_path, "odd.txt", content))


def test_western_text_with_many_accents_is_still_decoded(tmp_path: Path) -> None:
    text = "Étude de phase 2 : réponse objective à 12,5 % chez les patients âgés, médiane 3,0 mois.\n"
    result = read_path(write_file(tmp_path, "french.txt", text.encode("cp1252")), LIMIT)
    assert result.documents[0].text == text and result.warnings


def test_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = write_file(tmp_path, "long.txt", "word " * 100)
    expected = "long.txt: 500 bytes is over the limit of 100 (KG_MAX_BYTES changes it)"
    assert refusal(path, max_bytes=100) == expected
    assert _read_one(path).text.startswith("word")


def test_whitespace_only_text_is_refused(tmp_path: Path) -> None:
    assert refusal(write_file(tmp_path, "blank.md", "\n   \n")) == "blank.md: no text to read"
