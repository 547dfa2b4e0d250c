"""Readers: a file on disk -> Documents (text + metadata), chosen by content and extension.

Formats: plain text and Markdown (optional YAML front matter), PubMed XML (efetch export,
several articles per file), PubMed's MEDLINE text format ("Save > PubMed format", `.nbib`;
several records per file, only their title and abstract read as text), BioC XML and JSON
(PubTator, PMC), and Turtle in the project ontology (a curated record going back in: returned
as a graph, not as text to extract). Binary content (PDF, ZIP, NUL bytes) is refused whatever
the name. `.xml`, `.json` and `.ttl` name their format; any other file is read by its content:
a `.txt` holding PubMed XML is read as PubMed XML, one holding BioC JSON or Turtle likewise, one
starting with a "PMID- " line as MEDLINE, anything else textual as text.

Paper ids: the PMID, else the DOI, else the given id (front matter `id`, BioC document id),
else a hash of the title line (so that an edited version of the same paper replaces the
earlier one).

XML is parsed only with defusedxml: entity declarations are refused (external entities could
read local files, nested ones expand without bound) and no DTD is ever fetched.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import defusedxml.ElementTree as safe_xml
from defusedxml import DefusedXmlException, EntitiesForbidden
from rdflib import RDF, Graph, Literal, URIRef

from kg.model import SOURCE_TYPES, Document
from kg.rdf import EKG, paper_iri
from kg.records import PaperIdError, check_paper_id

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element  # the type only: parsing is defusedxml's

XML_SUFFIXES = {".xml"}
JSON_SUFFIXES = {".json"}
TURTLE_SUFFIXES = {".ttl"}
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n", re.DOTALL)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_BOM = b"\xef\xbb\xbf"
# formats that are never a text paper, named so the refusal can say what the file is
_BINARY_SIGNATURES = (
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive such as .docx or .xlsx"),
    (b"\x1f\x8b", "gzip-compressed data"),
)
# byte-order marks of the wide Unicode encodings; UTF-32's come first, as its little-endian mark
# starts with UTF-16's
_WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)
# Western text in Windows-1252/Latin-1 is mostly ASCII (accented letters are a few percent even in
# French or German): bytes that decode to more non-ASCII than this are binary data or text in
# another encoding (Cyrillic, Shift-JIS, ...), which the fallback would turn into gibberish
_MAX_NON_ASCII_SHARE = 0.3
_PUBMED_ROOTS = ("PubmedArticleSet", "PubmedArticle")
_BIOC_ROOT = "collection"
_XML_START = re.compile(
    rb"<\?xml[\s?]|<!DOCTYPE\s+(?:PubmedArticleSet|PubmedArticle|collection)\b"
    rb"|<(?:PubmedArticleSet|PubmedArticle|collection)[\s>/]"
)
_TURTLE_START = re.compile(rb"@(?:prefix|base)\s|(?:PREFIX\s+[\w.-]*:|BASE)\s*<")
_YEAR = re.compile(r"\d{4}")
_MEDLINE_START = re.compile(rb"PMID- ")
# "10.1000/xyz [doi]" in an AID or LID line; several LID lines arrive joined into one value
_MEDLINE_DOI = re.compile(r"(\S+)\s*\[doi\]")
_MEDLINE_INDENT = " " * 6


class ReadError(ValueError):
    """The file cannot be read as a paper; the message says why, in one line."""


@dataclass
class ReadResult:
    """What a file holds: documents to extract, and records (graphs) to load as they are."""

    documents: list[Document]
    warnings: list[str] = field(default_factory=list)
    # Turtle records: the publication's metadata (text "") and the record's whole graph
    graphs: list[tuple[Document, Graph]] = field(default_factory=list)


def _one_line(message: str, limit: int = 200) -> str:
    line = " ".join(message.split())
    return line if len(line) <= limit else line[: limit - 3] + "..."


def _shown(text: str) -> str:
    """A file name as one printable line: a newline or other control character in it is escaped."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


def _normalised_text(element: Element | None) -> str:
    """All the text inside an element (inline markup such as <i> and <sup> included), on one line."""
    return "" if element is None else " ".join("".join(element.itertext()).split())


def _year(value: str | None) -> int | None:
    """The first four-digit number: "2019", "1998 Dec-1999 Jan", "2024-05-01T00:00:00Z"."""
    match = _YEAR.search(value) if value else None
    return int(match.group()) if match else None


# ---- plain text and Markdown ------------------------------------------------------------


def _looks_like_utf16(data: bytes) -> bool:
    """Text of the ASCII range in UTF-16 without a byte-order mark: every other byte is NUL."""
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    return len(sample) >= 4 and any(
        half.count(0) >= 0.9 * len(half) and 0 not in other for half, other in ((even, odd), (odd, even))
    )


def _decode(data: bytes, name: str, warnings: list[str]) -> str:
    for bom, encoding in _WIDE_BOMS:
        if data.startswith(bom):
            raise ReadError(f"{name}: {encoding} text is not read; save it as UTF-8")
    data = data.removeprefix(_BOM)
    if b"\x00" in data:
        if _looks_like_utf16(data):
            raise ReadError(f"{name}: UTF-16 text without a byte-order mark is not read; save it as UTF-8")
        raise ReadError(f"{name}: binary content (NUL bytes), not a text paper")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
        visible = "".join(text.split())
        non_ascii = len(visible) - len(visible.encode("ascii", "ignore"))
        if non_ascii > _MAX_NON_ASCII_SHARE * len(visible):
            raise ReadError(
                f"{name}: neither UTF-8 nor Western (Windows-1252/Latin-1) text: binary content or "
                "another encoding; save a text paper as UTF-8"
            ) from None
        warnings.append(f"{name}: not UTF-8; decoded as Windows-1252/Latin-1")
    if len(_CONTROL.findall(text)) > max(8, len(text) // 200):
        raise ReadError(f"{name}: binary content (control characters), not a text paper")
    return text


def _slug_doi(doi: str) -> str:
    return "doi_" + re.sub(r"[^A-Za-z0-9._-]", "_", doi.strip())


def title_hash_id(text: str) -> str:
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return "text-" + hashlib.sha256(" ".join(first.lower().split()).encode()).hexdigest()[:12]


def choose_paper_id(pmid: str | None, doi: str | None, given: str | None, text: str) -> str:
    if pmid:
        return check_paper_id(f"pmid_{pmid}" if not pmid.isdigit() else pmid)
    if doi:
        return check_paper_id(_slug_doi(doi))
    if given:
        return check_paper_id(given)
    return title_hash_id(text)


def _paper_id(name: str, pmid: str | None, doi: str | None, given: str | None, text: str) -> str:
    try:
        return choose_paper_id(pmid, doi, given, text)
    except PaperIdError as exc:
        raise ReadError(f"{name}: {exc}") from exc


def _front_matter(text: str, name: str) -> tuple[dict, str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    import yaml

    block = match.group(1)
    try:
        # an alias repeats a node by reference: nested aliases turn a few hundred bytes into
        # billions of values once a field is made text (YAML's "billion laughs")
        if any(isinstance(event, yaml.AliasEvent) for event in yaml.parse(block, Loader=yaml.SafeLoader)):
            raise ReadError(f"{name}: refused: the YAML front matter uses aliases (*name), which are not allowed")
        meta = yaml.safe_load(block) or {}
    except yaml.YAMLError as exc:
        raise ReadError(f"{name}: malformed YAML front matter: {str(exc).splitlines()[0]}") from exc
    if not isinstance(meta, dict):
        raise ReadError(f"{name}: the front matter must be a mapping of fields")
    return meta, text[match.end() :]


def _scalar(meta: dict, key: str, name: str) -> Any:
    value = meta.get(key)
    if isinstance(value, list | dict):
        raise ReadError(f"{name}: front matter {key} must be a single value, not a list or mapping")
    return value


def _optional_str(meta: dict, key: str, name: str) -> str | None:
    value = _scalar(meta, key, name)
    return None if value is None else str(value).strip() or None


def _authors(meta: dict, name: str) -> tuple[str, ...]:
    authors = meta.get("authors") or []
    authors = authors if isinstance(authors, list) else [authors]
    if any(isinstance(author, list | dict) for author in authors):
        raise ReadError(f"{name}: front matter authors must be a list of names")
    return tuple(str(author) for author in authors)


def read_text(data: bytes, name: str) -> ReadResult:
    warnings: list[str] = []
    text = _decode(data, name, warnings)
    meta, body = _front_matter(text, name)
    if not body.strip():
        raise ReadError(f"{name}: no text to read")
    year = _scalar(meta, "year", name)
    try:
        year_value = int(year) if year is not None else None
    except (TypeError, ValueError, OverflowError) as exc:
        raise ReadError(f"{name}: front matter year must be a number, not {_one_line(repr(year), 40)}") from exc
    source_type = _optional_str(meta, "source_type", name)
    if source_type is not None and source_type not in SOURCE_TYPES:
        raise ReadError(f"{name}: source_type must be one of {', '.join(SOURCE_TYPES)}")
    pmid, doi = _optional_str(meta, "pmid", name), _optional_str(meta, "doi", name)
    title = _optional_str(meta, "title", name) or next((ln.strip() for ln in body.splitlines() if ln.strip()), None)
    doc = Document(
        id=_paper_id(name, pmid, doi, _optional_str(meta, "id", name), body),
        text=body,
        title=title,
        pmid=pmid,
        doi=doi,
        journal=_optional_str(meta, "journal", name),
        year=year_value,
        authors=_authors(meta, name),
        source_type=source_type,
        source_path=name,
    )
    return ReadResult([doc], warnings)


# ---- XML: PubMed and BioC -----------------------------------------------------------------


def _parse_xml(data: bytes, name: str) -> Element:
    """The root element; the XML's own declaration decides its encoding."""
    # expat wants the declaration at the very start; a UTF-8 byte-order mark says no more than it
    data = data.removeprefix(_BOM).lstrip()
    try:
        return safe_xml.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except EntitiesForbidden as exc:
        raise ReadError(
            f"{name}: refused: the XML declares entities (external or expanding entities are not allowed)"
        ) from exc
    except DefusedXmlException as exc:
        raise ReadError(f"{name}: refused: the XML refers to an external resource (never fetched)") from exc
    except safe_xml.ParseError as exc:
        raise ReadError(f"{name}: malformed XML: {_one_line(str(exc))}") from exc


def read_xml(data: bytes, name: str) -> ReadResult:
    root = _parse_xml(data, name)
    if root.tag in _PUBMED_ROOTS:
        return _read_pubmed(root, name)
    if root.tag == _BIOC_ROOT:
        return _read_bioc(_bioc_from_xml(root), name)
    raise ReadError(
        f"{name}: unknown XML format (root <{root.tag}>); PubMed XML (<PubmedArticleSet>) and BioC "
        "(<collection>) are read"
    )


def _unique(documents: list[Document], name: str, warnings: list[str]) -> list[Document]:
    """One document per paper id: the file's last version of a paper wins, as a later `kg add` would."""
    by_id: dict[str, Document] = {}
    for document in documents:
        if document.id in by_id:
            warnings.append(f"{name}: paper {document.id} appears more than once; the last one is read")
        by_id[document.id] = document
    return list(by_id.values())


def _papers(
    name: str, kind: str, records: Iterable[tuple[str, Document | None]], warnings: list[str]
) -> ReadResult:
    """The documents of a file's records (each with its PMID, "" when it has none), one per paper:
    a record with neither a title nor an abstract is skipped with a warning, and a file with no
    document at all is refused."""
    documents = []
    for number, (pmid, document) in enumerate(records, start=1):
        if document is None:
            warnings.append(f"{name}: {kind} {pmid or f'number {number}'} has neither a title nor an abstract; skipped")
        else:
            documents.append(document)
    if not documents:
        raise ReadError(f"{name}: no {kind} with a title or an abstract")
    return ReadResult(_unique(documents, name, warnings), warnings)


def _read_pubmed(root: Element, name: str) -> ReadResult:
    warnings: list[str] = []
    articles = [root] if root.tag == "PubmedArticle" else root.findall("PubmedArticle")
    books = root.findall("PubmedBookArticle")
    if books:
        warnings.append(f"{name}: {len(books)} PubmedBookArticle record(s) skipped (books are not read)")
    records = (
        ((article.findtext("MedlineCitation/PMID") or "").strip(), _pubmed_document(article, name))
        for article in articles
    )
    return _papers(name, "PubmedArticle", records, warnings)


def _pubmed_document(article: Element, name: str) -> Document | None:
    citation = article.find("MedlineCitation")
    entry = citation.find("Article") if citation is not None else None
    if citation is None or entry is None:
        return None
    title = _normalised_text(entry.find("ArticleTitle")) or _normalised_text(entry.find("VernacularTitle"))
    paragraphs = []
    for part in entry.findall("Abstract/AbstractText"):
        text = _normalised_text(part)
        label = (part.get("Label") or "").strip()
        if text:
            paragraphs.append(f"{label}: {text}" if label else text)
    if not title and not paragraphs:
        return None
    text = "\n\n".join(chunk for chunk in (title, "\n".join(paragraphs)) if chunk)
    pmid = _normalised_text(citation.find("PMID")) or None
    doi = next(
        (
            _normalised_text(node)
            for node in article.findall("PubmedData/ArticleIdList/ArticleId")
            if node.get("IdType") == "doi"
        ),
        None,
    )
    doi = doi or next(
        (
            _normalised_text(node)
            for node in entry.findall("ELocationID")
            if node.get("EIdType") == "doi" and node.get("ValidYN") != "N"
        ),
        None,
    )
    year = (
        _year(_normalised_text(entry.find("Journal/JournalIssue/PubDate/Year")))
        or _year(_normalised_text(entry.find("Journal/JournalIssue/PubDate/MedlineDate")))
        or _year(_normalised_text(entry.find("ArticleDate/Year")))
    )
    return Document(
        id=_paper_id(name, pmid, doi, None, text),
        text=text,
        title=title or None,
        pmid=pmid,
        doi=doi or None,
        journal=_normalised_text(entry.find("Journal/Title")) or None,
        year=year,
        authors=tuple(_pubmed_authors(entry)),
        source_type="abstract",
        source_path=name,
    )


def _pubmed_authors(entry: Element) -> Iterable[str]:
    for author in entry.findall("AuthorList/Author"):
        last = _normalised_text(author.find("LastName"))
        if last:
            yield f"{last} {_normalised_text(author.find('Initials'))}".strip()
        elif collective := _normalised_text(author.find("CollectiveName")):
            yield collective


# BioC, from either encoding, as one structure so that XML and JSON read the same way


@dataclass(frozen=True)
class _BiocPassage:
    infons: dict[str, str]
    text: str

    @property
    def kind(self) -> str:
        return self.infons.get("type", "").lower()

    @property
    def section(self) -> str:
        return self.infons.get("section_type", "").upper()

    def is_title(self) -> bool:
        return self.section == "TITLE" or self.kind in ("title", "front")

    def is_reference(self) -> bool:
        # a reference list names other papers; its titles would be read as this paper's claims
        return self.section == "REF" or self.kind == "ref"


@dataclass(frozen=True)
class _BiocDocument:
    id: str | None
    infons: dict[str, str]
    passages: list[_BiocPassage]
    authors: tuple[str, ...] = ()


def _infons_from_xml(element: Element) -> dict[str, str]:
    return {node.get("key", ""): _normalised_text(node) for node in element.findall("infon")}


def _bioc_from_xml(root: Element) -> list[_BiocDocument]:
    documents = []
    for node in root.findall("document"):
        passages = []
        for passage in node.findall("passage"):
            text_node = passage.find("text")
            # a passage carries its text, or (sentence-level BioC) its sentences
            text = (
                (text_node.text or "")
                if text_node is not None
                else " ".join((sentence.findtext("text") or "") for sentence in passage.findall("sentence"))
            )
            passages.append(_BiocPassage(_infons_from_xml(passage), text))
        doc_id = (node.findtext("id") or "").strip() or None
        documents.append(_BiocDocument(doc_id, _infons_from_xml(node), passages))
    return documents


def _json_infons(value: object) -> dict[str, str]:
    if not isinstance(value, dict):
        return {}
    return {str(k): str(v) for k, v in value.items() if isinstance(v, str | int | float)}


def _json_bioc_documents(value: object) -> list[dict[str, Any]] | None:
    """The BioC documents of a parsed JSON value, or None when it is not BioC.

    Accepted: a BioC collection ({"documents": [...]}), PubTator3's export ({"PubTator3": [...]}),
    a single document ({"passages": [...]}) and a list of any of these.
    """
    containers = value if isinstance(value, list) else [value]
    documents: list[dict[str, Any]] = []
    for container in containers:
        if not isinstance(container, dict):
            return None
        # a collection lists its documents under "documents", PubTator3's export under "PubTator3"
        inner = container.get("documents", container.get("PubTator3", [container]))
        if not isinstance(inner, list):
            return None
        if not all(isinstance(doc, dict) and isinstance(doc.get("passages"), list) for doc in inner):
            return None
        documents.extend(inner)
    return documents if containers else None


def _bioc_from_json(raw_documents: list[dict[str, Any]]) -> list[_BiocDocument]:
    documents = []
    for raw in raw_documents:
        passages = []
        for passage in raw.get("passages") or []:
            if not isinstance(passage, dict):
                continue
            text = passage.get("text")
            if not isinstance(text, str):
                text = " ".join(
                    s.get("text", "")
                    for s in passage.get("sentences") or []
                    if isinstance(s, dict) and isinstance(s.get("text"), str)
                )
            passages.append(_BiocPassage(_json_infons(passage.get("infons")), text))
        infons = _json_infons(raw.get("infons"))
        # PubTator3 puts the metadata beside the passages rather than in infons
        for key in ("pmid", "doi", "journal", "year", "date"):
            if isinstance(raw.get(key), str | int) and key not in infons:
                infons[key] = str(raw[key])
        authors = raw.get("authors")
        doc_id = str(raw["id"]).strip() if isinstance(raw.get("id"), str | int) else ""
        authors_given = tuple(str(a) for a in authors) if isinstance(authors, list) else ()
        documents.append(_BiocDocument(doc_id or None, infons, passages, authors_given))
    return documents


def _bioc_authors(document: _BiocDocument, meta: dict[str, str]) -> tuple[str, ...]:
    if document.authors:
        return document.authors
    if meta.get("authors"):
        return tuple(a.strip() for a in meta["authors"].split(",") if a.strip())
    # PMC's BioC: name_0, name_1, ... as "surname:Varga;given-names:Ilona"
    names = []
    for key in sorted((k for k in meta if re.fullmatch(r"name_\d+", k)), key=lambda k: int(k[5:])):
        parts = dict(part.split(":", 1) for part in meta[key].split(";") if ":" in part)
        initials = "".join(word[0] for word in parts.get("given-names", "").replace("-", " ").split())
        if parts.get("surname"):
            names.append(f"{parts['surname']} {initials}".strip())
    return tuple(names)


def _read_bioc(documents: list[_BiocDocument], name: str) -> ReadResult:
    warnings: list[str] = []
    result = []
    for number, document in enumerate(documents, start=1):
        passages = [p for p in document.passages if p.text.strip() and not p.is_reference()]
        if not passages:
            warnings.append(f"{name}: BioC document {document.id or number} has no text; skipped")
            continue
        title_passage = next((p for p in passages if p.is_title()), None)
        # the document's own infons win over those PMC and PubTator3 put on the title passage
        meta = {**(title_passage.infons if title_passage else {}), **document.infons}
        text = "\n".join(p.text for p in passages)
        doc_id = document.id
        pmid = meta.get("article-id_pmid") or meta.get("pmid")
        pmid = pmid or (doc_id if doc_id and doc_id.isdigit() else None)
        doi = meta.get("article-id_doi") or meta.get("doi") or None
        given = None if doc_id is None or doc_id == pmid else doc_id
        only_abstract = all(p.is_title() or p.kind == "abstract" or p.section == "ABSTRACT" for p in passages)
        result.append(
            Document(
                id=_paper_id(name, pmid, doi, given, text),
                text=text,
                title=" ".join(title_passage.text.split()) if title_passage else None,
                pmid=pmid,
                doi=doi,
                journal=meta.get("journal") or None,
                year=_year(meta.get("year") or meta.get("date")),
                authors=_bioc_authors(document, meta),
                source_type="abstract" if only_abstract else "article",
                source_path=name,
            )
        )
    if not result:
        raise ReadError(f"{name}: the BioC collection holds no document with text")
    return ReadResult(_unique(result, name, warnings), warnings)


def _read_json(data: bytes, name: str, declared: bool) -> ReadResult | None:
    """BioC JSON; None when the file is not JSON and its extension did not say it was."""
    try:
        value = json.loads(data.removeprefix(_BOM).decode("utf-8"))
    except UnicodeDecodeError as exc:
        if not declared:
            return None
        raise ReadError(f"{name}: JSON must be UTF-8 ({exc.reason} at byte {exc.start})") from exc
    except json.JSONDecodeError as exc:
        if not declared:
            return None
        raise ReadError(f"{name}: malformed JSON: {exc}") from exc
    except RecursionError as exc:
        raise ReadError(f"{name}: refused: the JSON is nested too deeply") from exc
    raw_documents = _json_bioc_documents(value)
    if raw_documents is None:
        raise ReadError(f"{name}: unknown JSON format; a BioC collection with documents and passages is read")
    return _read_bioc(_bioc_from_json(raw_documents), name)


# ---- MEDLINE: PubMed's tagged text format ---------------------------------------------------


def _medline_lines(text: str, name: str) -> Iterator[str]:
    """The file's lines as Bio.Medline reads them, each ending in a newline.

    Biopython takes every line that is neither empty nor indented six spaces for a tag line, its
    first four characters the tag: a line of a few blanks between records (a hand-edited file)
    would join the records, so it is made empty; a line indented otherwise would become a tag of
    spaces that swallows the continuation lines after it, and one indented six spaces with no tag
    line before it makes Biopython fail with a bare KeyError: both are refused with their line.
    """
    in_record = False
    for number, line in enumerate(text.split("\n"), start=1):
        continuation = line.startswith(_MEDLINE_INDENT)
        if continuation and in_record:
            # a blank one included: Biopython keeps it as a paragraph break
            yield line + "\n"
        elif not line.strip():
            in_record = False
            yield "\n"
        elif not line[0].isspace():
            in_record = True
            yield line + "\n"
        elif continuation:
            raise ReadError(
                f"{name}: malformed MEDLINE: line {number} is indented as a continuation but follows no tag line"
            )
        else:
            raise ReadError(
                f"{name}: malformed MEDLINE: line {number} starts with a blank but is neither "
                "a tag line nor a continuation (indented six spaces)"
            )


def _medline_values(record: Mapping[str, str | list[str]], tag: str) -> list[str]:
    # Biopython joins the lines of some tags into one string and keeps others as lists
    value = record.get(tag, [])
    return [value] if isinstance(value, str) else list(value)


def _medline_text(record: Mapping[str, str | list[str]], tag: str) -> str:
    return " ".join(" ".join(_medline_values(record, tag)).split())


def read_medline(data: bytes, name: str) -> ReadResult:
    # imported here so that Biopython is loaded only when a MEDLINE file is read
    from Bio import Medline

    warnings: list[str] = []
    text = _decode(data, name, warnings).replace("\r\n", "\n").replace("\r", "\n")
    records = (
        (_medline_text(record, "PMID"), _medline_document(record, name))
        for record in Medline.parse(_medline_lines(text, name))
    )
    return _papers(name, "MEDLINE record", records, warnings)


def _medline_document(record: Mapping[str, str | list[str]], name: str) -> Document | None:
    """Title and abstract are the text; the index terms (MH, OT, RN, PT, ...) are not prose to extract."""
    title = _medline_text(record, "TI")
    # a blank line indented six spaces inside the abstract comes back from Biopython as a newline
    paragraphs = [" ".join(part.split()) for part in " ".join(_medline_values(record, "AB")).split("\n")]
    abstract = "\n".join(part for part in paragraphs if part)
    if not title and not abstract:
        return None
    text = "\n\n".join(chunk for chunk in (title, abstract) if chunk)
    pmid = _medline_text(record, "PMID") or None
    # AID lines are the article's ids (the XML's ArticleIdList), LID its location (ELocationID)
    doi = next(
        (
            match.group(1)
            for tag in ("AID", "LID")
            for value in _medline_values(record, tag)
            for match in _MEDLINE_DOI.finditer(value)
        ),
        None,
    )
    authors = [*(_medline_values(record, "FAU") or _medline_values(record, "AU")), *_medline_values(record, "CN")]
    return Document(
        id=_paper_id(name, pmid, doi, None, text),
        text=text,
        title=title or None,
        pmid=pmid,
        doi=doi,
        journal=_medline_text(record, "JT") or _medline_text(record, "TA") or None,
        year=_year(_medline_text(record, "DP")) or _year(_medline_text(record, "DEP")),
        authors=tuple(" ".join(author.split()) for author in authors if author.strip()),
        source_type="abstract",
        source_path=name,
    )


# ---- Turtle: a record in the project ontology ---------------------------------------------


def _literal(graph: Graph, subject: URIRef, prop: str) -> str | None:
    value = graph.value(subject, EKG[prop])
    if not isinstance(value, Literal):
        return None
    return str(value).strip() or None


def _turtle_problem(exc: Exception, text: str) -> str:
    # rdflib's BadSyntax keeps the reason and the character position only in private attributes;
    # the line number it prints is unreliable (it counts some newlines twice)
    why, position = getattr(exc, "_why", None), getattr(exc, "_i", None)
    if isinstance(why, str) and isinstance(position, int):
        return f"line {text.count(chr(10), 0, position) + 1}: {_one_line(why)}"
    return f"the parser stopped ({type(exc).__name__})"


def read_turtle(data: bytes, name: str) -> ReadResult:
    """A curated record: exactly one ekg:Publication with its paperId, loaded as it is (not extracted)."""
    try:
        text = data.removeprefix(_BOM).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ReadError(f"{name}: Turtle must be UTF-8 ({exc.reason} at byte {exc.start})") from exc
    graph = Graph()
    try:
        graph.parse(data=text, format="turtle")
    except Exception as exc:
        # most syntax errors come as BadSyntax, but a statement cut short can end rdflib's parser
        # in an IndexError or AssertionError: for a reader they all mean malformed input
        raise ReadError(f"{name}: malformed Turtle: {_turtle_problem(exc, text)}") from exc
    publications = sorted(s for s in graph.subjects(RDF.type, EKG.Publication) if isinstance(s, URIRef))
    if len(publications) != 1:
        found = "no ekg:Publication" if not publications else f"{len(publications)} ekg:Publication nodes"
        raise ReadError(f"{name}: a record describes exactly one paper, and this Turtle has {found}")
    publication = publications[0]
    paper_ids = list(graph.objects(publication, EKG.paperId))
    if len(paper_ids) != 1:
        raise ReadError(f"{name}: the ekg:Publication needs exactly one ekg:paperId, not {len(paper_ids)}")
    try:
        paper_id = check_paper_id(str(paper_ids[0]))
    except PaperIdError as exc:
        raise ReadError(f"{name}: {exc}") from exc
    if publication != paper_iri(paper_id):
        # the store removes a paper through the IRI its id gives; another IRI could never be removed
        raise ReadError(
            f"{name}: the publication <{publication}> should be <{paper_iri(paper_id)}> for paperId {paper_id!r}"
        )
    # the store finds a paper's evidence by its paperId: evidence filed under another id would
    # stay behind when this paper is removed
    strangers = sorted({str(o) for o in graph.objects(None, EKG.paperId)} - {paper_id})
    if strangers:
        raise ReadError(f"{name}: the record of paper {paper_id!r} holds nodes of paperId {strangers[0]!r}")
    year = _literal(graph, publication, "year")
    document = Document(
        id=paper_id,
        text="",
        title=_literal(graph, publication, "title"),
        pmid=_literal(graph, publication, "pmid"),
        doi=_literal(graph, publication, "doi"),
        journal=_literal(graph, publication, "journal"),
        year=int(year) if year and year.isdigit() else None,
        # RDF keeps no order: authors come back sorted
        authors=tuple(sorted(str(a) for a in graph.objects(publication, EKG.author))),
        source_type=_literal(graph, publication, "sourceType"),
        source_path=name,
    )
    return ReadResult([], [], [(document, graph)])


# ---- choosing the reader ------------------------------------------------------------------


def _refuse_binary(data: bytes, name: str) -> None:
    for signature, what in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise ReadError(f"{name}: binary content ({what}), not a text paper")


def read_data(data: bytes, name: str, suffix: str = "") -> ReadResult:
    """Read a file's bytes; the content decides the format, the extension only where content cannot."""
    suffix = suffix.lower()
    _refuse_binary(data, name)
    head = data[:1024].removeprefix(_BOM).lstrip()
    if suffix in XML_SUFFIXES or _XML_START.match(head):
        return read_xml(data, name)
    if suffix in TURTLE_SUFFIXES or _TURTLE_START.match(head):
        return read_turtle(data, name)
    if suffix in JSON_SUFFIXES or head[:1] in (b"{", b"["):
        result = _read_json(data, name, declared=suffix in JSON_SUFFIXES)
        if result is not None:
            return result
    if _MEDLINE_START.match(head):
        return read_medline(data, name)
    return read_text(data, name)


def read_path(path: Path, max_bytes: int) -> ReadResult:
    """Read one file into its papers; raises ReadError with a one-line reason."""
    name = _shown(path.name)
    if not path.exists():
        raise ReadError(f"{_shown(str(path))}: no such file")
    if not path.is_file():
        raise ReadError(f"{_shown(str(path))}: not a regular file")
    size = path.stat().st_size
    if size == 0:
        raise ReadError(f"{name}: empty file")
    if size > max_bytes:
        raise ReadError(f"{name}: {size} bytes is over the limit of {max_bytes} (KG_MAX_BYTES changes it)")
    with path.open("rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:  # the file grew after it was measured
        raise ReadError(f"{name}: over the limit of {max_bytes} bytes (KG_MAX_BYTES changes it)")
    return read_data(data, name, path.suffix)
