"""Bad input through the real `kg`: exactly one line on stderr starting with "error:" and naming the
file or the reason, a non-zero exit, no traceback, and the graph as it was before.

Every test starts from a graph holding the sample commentary, so that "unchanged" is measured on a
graph with something in it. Hostile files are made here (random bytes from a fixed seed, fake
headers, a sparse 50 MB file) or taken from tests/fixtures (see its README).
"""

from __future__ import annotations

import builtins
import gzip
import io
import json
import os
import random
import shutil
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess
from typing import Any

import pytest

from kg.canned import canned_queries
from kg.config import DEFAULT_MAX_BYTES
from tests.conftest import FIXTURES, SAMPLE, Cli

# the graph as `kg stats --format json` counts it, and its every triple (a SET changes no count)
Snapshot = tuple[list[dict[str, Any]], list[str]]


def snapshot(kg: Cli) -> Snapshot:
    return kg.json("stats"), sorted(kg("export", "--format", "ntriples").stdout.splitlines())


@pytest.fixture(scope="module")
def sample_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store home with the sample paper, made once: each test starts from a copy of it."""
    home = tmp_path_factory.mktemp("sample") / "home"
    with pytest.MonkeyPatch.context() as env:
        env.setenv("KG_HOME", str(home))
        env.setenv("KG_CONFIG", os.devnull)
        env.delenv("KG_STORE", raising=False)
        Cli()("add", str(SAMPLE))
    return home


@pytest.fixture
def before(kg: Cli, kg_home: Path, sample_home: Path) -> Snapshot:
    """The graph with the sample paper in it (its records and database copied in)."""
    for part in ("records", "db"):
        shutil.copytree(sample_home / part, kg_home / part)
    state = snapshot(kg)
    assert state[0] and state[1], "the sample paper should give a non-empty graph"
    assert [p["paper"] for p in kg.json("papers")] == ["nras-melanoma-commentary"]
    return state


def refused(kg: Cli, before: Snapshot, *args: str) -> str:
    """Run a command that must fail cleanly; returns its one error line."""
    result = kg(*args, ok=False)
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.splitlines()
    assert len(lines) == 1, f"expected one line on stderr, got:\n{result.stderr}"
    assert lines[0].startswith("error: "), lines[0]
    assert result.stdout == "", "nothing on stdout when a command fails"
    assert snapshot(kg) == before
    return lines[0]


def write(folder: Path, name: str, content: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def random_bytes(size: int, low: int = 0, high: int = 256, seed: int = 20240601) -> bytes:
    generator = random.Random(seed)
    return bytes(generator.randrange(low, high) for _ in range(size))


def xml_with_doctype(doctype: str) -> str:
    """A small, well-formed PubMed article whose DOCTYPE is the test's."""
    return (f'<?xml version="1.0"?>\n{doctype}\n<PubmedArticleSet><PubmedArticle><MedlineCitation>'
            "<PMID>90000007</PMID><Article><ArticleTitle>A made-up title</ArticleTitle><Abstract>"
            "<AbstractText>Text &ext; here.</AbstractText></Abstract></Article></MedlineCitation>"
            "</PubmedArticle></PubmedArticleSet>\n")


# ---- files that are not papers -------------------------------------------------------------------

# (file name, its content, what the error line must start with)
BAD_FILES: list[tuple[str, Callable[[], bytes | str], str]] = [
    ("empty.txt", lambda: b"", "empty.txt: empty file"),
    ("blank.md", lambda: "\n  \n\t\n", "blank.md: no text to read"),
    ("front-matter-only.md", lambda: "---\ntitle: Nothing below\n---\n", "front-matter-only.md: no text to read"),
    ("random.bin", lambda: random_bytes(4096), "random.bin: binary content"),
    ("random.txt", lambda: random_bytes(4096), "random.txt: binary content"),
    ("random.pdf", lambda: random_bytes(4096), "random.pdf: binary content"),
    # random bytes with no NUL and no control character: the Latin-1 fallback must not take them for text
    ("high-bytes.txt", lambda: random_bytes(4096, low=0x80), "high-bytes.txt: neither UTF-8 nor Western"),
    ("printable-bytes.txt", lambda: random_bytes(4096, low=0x20), "printable-bytes.txt: neither UTF-8 nor"),
    ("fake.pdf", lambda: b"%PDF-1.4\n" + random_bytes(2048), "fake.pdf: binary content (a PDF file)"),
    ("pdf-renamed.txt", lambda: b"%PDF-1.4\n" + random_bytes(2048), "pdf-renamed.txt: binary content (a PDF"),
    ("paper.docx", lambda: b"PK\x03\x04" + random_bytes(2048), "paper.docx: binary content (a ZIP archive"),
    ("zipped.txt", lambda: gzip.compress(b"A made-up abstract.\n" * 50), "zipped.txt: binary content (gzip"),
    ("wide.txt", lambda: "A made-up abstract.\n".encode("utf-16"), "wide.txt: UTF-16 text is not read"),
    ("wider.txt", lambda: "A made-up abstract.\n".encode("utf-32"), "wider.txt: UTF-32 text is not read"),
    ("no-bom.txt", lambda: "A made-up abstract.\n".encode("utf-16-le"),
     "no-bom.txt: UTF-16 text without a byte-order mark"),
    # Cyrillic and Japanese in their legacy encodings would become gibberish as Windows-1252
    ("cyrillic.txt", lambda: "Меланома с мутацией NRAS: медиана выживаемости.\n".encode("cp1251"),
     "cyrillic.txt: neither UTF-8 nor Western"),
    ("japanese.txt", lambda: "NRAS変異メラノーマの無増悪生存期間。\n".encode("shift_jis"),
     "japanese.txt: neither UTF-8 nor Western"),
    ("truncated.xml", lambda: (FIXTURES / "truncated.xml").read_bytes(), "truncated.xml: malformed XML"),
    # the content decides: a .txt holding XML is parsed as XML, with the same refusals
    ("truncated-xml.txt", lambda: (FIXTURES / "truncated.xml").read_bytes(), "truncated-xml.txt: malformed XML"),
    ("xxe.xml", lambda: (FIXTURES / "xxe.xml").read_bytes(), "xxe.xml: refused: the XML declares entities"),
    ("xxe.txt", lambda: (FIXTURES / "xxe.xml").read_bytes(), "xxe.txt: refused: the XML declares entities"),
    ("billion_laughs.xml", lambda: (FIXTURES / "billion_laughs.xml").read_bytes(),
     "billion_laughs.xml: refused: the XML declares entities"),
    ("parameter-entity.xml",
     lambda: xml_with_doctype('<!DOCTYPE PubmedArticleSet [<!ENTITY % ext SYSTEM "file:///etc/passwd"> %ext;]>'),
     "parameter-entity.xml: refused"),
    ("remote-entity.xml",
     lambda: xml_with_doctype('<!DOCTYPE PubmedArticleSet [<!ENTITY ext SYSTEM "http://127.0.0.1:9/x">]>'),
     "remote-entity.xml: refused"),
    # YAML's own billion laughs: nested aliases, expanded once the title is made text
    ("yaml-aliases.md", lambda: "---\n" + "\n".join(
        ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
        + [f"{n}: &{n} [{', '.join([f'*{p}'] * 10)}]" for p, n in zip("abcdefgh", "bcdefghi", strict=True)]
    ) + "\ntitle: *i\n---\nA made-up body.\n", "yaml-aliases.md: refused: the YAML front matter uses aliases"),
    ("broken-yaml.md", lambda: "---\ntitle: [unclosed\n---\nA made-up body.\n",
     "broken-yaml.md: malformed YAML front matter"),
    ("list-title.md", lambda: "---\ntitle: [a, b]\n---\nA made-up body.\n",
     "list-title.md: front matter title must be a single value"),
    ("huge-year.md", lambda: "---\nyear: 1.0e+999999\n---\nA made-up body.\n",
     "huge-year.md: front matter year must be a number"),
    # unknown formats
    ("page.xml", lambda: "<?xml version='1.0'?><html><body>A made-up page.</body></html>",
     "page.xml: unknown XML format (root <html>)"),
    ("rows.json", lambda: '{"rows": [1, 2, 3]}', "rows.json: unknown JSON format"),
    ("broken.json", lambda: '{"documents": [', "broken.json: malformed JSON"),
    ("deep.json", lambda: "[" * 100_000 + "]" * 100_000, "deep.json: refused: the JSON is nested too deeply"),
    ("broken.ttl", lambda: "@prefix ex: <https://example.org/> .\nex:a ex:b\n", "broken.ttl: malformed Turtle"),
    # paper ids that would name a folder outside the records
    ("dotdot.md", lambda: "---\nid: ../../etc/x\n---\nA made-up body.\n", "dotdot.md: invalid paper id '../../etc/x'"),
    ("slash.md", lambda: "---\nid: a/b\n---\nA made-up body.\n", "slash.md: invalid paper id 'a/b'"),
    ("pmid-path.xml", lambda: (FIXTURES / "pubmed_two_articles.xml").read_text(encoding="utf-8")
     .replace("<PMID Version=\"1\">90000001</PMID>", "<PMID Version=\"1\">../../x</PMID>", 1),
     "pmid-path.xml: invalid paper id"),
]


@pytest.mark.parametrize("command", ["add", "extract"])
@pytest.mark.parametrize(("name", "make", "expected"), BAD_FILES, ids=[case[0] for case in BAD_FILES])
def test_bad_file_is_refused_in_one_line(kg: Cli, kg_home: Path, before: Snapshot, tmp_path: Path, command: str,
                                         name: str, make: Callable[[], bytes | str], expected: str) -> None:
    path = write(tmp_path, name, make())
    line = refused(kg, before, command, str(path))
    assert line.startswith(f"error: {expected}")
    assert "root:" not in line  # nothing of /etc/passwd
    assert not (kg_home.parent / "etc").exists() and not (kg_home / "records" / "a").exists()


def test_missing_file(kg: Cli, before: Snapshot, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-paper.txt"
    assert refused(kg, before, "add", str(missing)) == f"error: {missing}: no such file"


def test_device_is_not_read(kg: Cli, before: Snapshot) -> None:
    assert refused(kg, before, "add", "/dev/zero") == "error: /dev/zero: not a regular file"


def test_file_name_with_a_newline_stays_on_one_line(kg: Cli, before: Snapshot, tmp_path: Path) -> None:
    path = write(tmp_path, "two\nlines.txt", b"")
    assert refused(kg, before, "add", str(path)) == "error: two\\nlines.txt: empty file"


def test_empty_folder_and_glob_matching_nothing(kg: Cli, before: Snapshot, tmp_path: Path) -> None:
    (tmp_path / "empty-folder").mkdir()
    assert "no files to add" in refused(kg, before, "add", str(tmp_path / "empty-folder"))
    assert "no files to add" in refused(kg, before, "add", str(tmp_path / "nothing" / "*.txt"))


# ---- the size limit --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["plain_abstract.txt", "pubmed_two_articles.xml", "bioc_one_document.json"])
def test_file_over_a_configured_limit_is_refused(kg: Cli, before: Snapshot, monkeypatch: pytest.MonkeyPatch,
                                                 name: str) -> None:
    monkeypatch.setenv("KG_MAX_BYTES", "100")
    size = (FIXTURES / name).stat().st_size
    line = refused(kg, before, "add", str(FIXTURES / name))
    assert line == f"error: {name}: {size} bytes is over the limit of 100 (KG_MAX_BYTES changes it)"


def test_big_file_is_refused_without_being_read(kg: Cli, before: Snapshot, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:  # 50 MB, nearly all of it a hole: cheap to make
        handle.write(b"A made-up title\n")
        handle.truncate(50 * 1024 * 1024)
    opened: list[object] = []

    def watching(real: Callable[..., Any]) -> Callable[..., Any]:
        def open_and_note(file: Any, *args: Any, **kwargs: Any) -> Any:
            if isinstance(file, str | os.PathLike) and Path(file) == big:
                opened.append(file)
            return real(file, *args, **kwargs)
        return open_and_note

    for module, attribute in ((io, "open"), (builtins, "open"), (os, "open")):
        monkeypatch.setattr(module, attribute, watching(getattr(module, attribute)))
    line = refused(kg, before, "add", str(big))
    assert line == f"error: big.txt: 52428800 bytes is over the limit of {DEFAULT_MAX_BYTES} (KG_MAX_BYTES changes it)"
    assert opened == [], "the size is known from the file system; the content must not be read"


def test_text_under_the_default_limit_meets_no_other_limit(kg: Cli, before: Snapshot, tmp_path: Path) -> None:
    # 1.5 MB: under KG_MAX_BYTES' default, over spaCy's default max_length (1,000,000 characters); one long
    # token, so that reading it is quick once it is allowed
    path = write(tmp_path, "long.txt", "A made-up title\n" + "x" * 1_500_000 + "\n")
    result = kg("extract", str(path), "--format", "json", ok=False)
    assert "Traceback" not in result.stderr
    if result.returncode != 0:  # refused: then by the size limit, in its own words
        assert result.stderr.splitlines() == [f"error: long.txt: {path.stat().st_size} bytes is over the limit of "
                                              f"{DEFAULT_MAX_BYTES} (KG_MAX_BYTES changes it)"], result.stderr
    assert snapshot(kg) == before


def test_a_limit_that_is_not_a_number_is_one_line(kg: Cli, before: Snapshot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_MAX_BYTES", "2MB")
    result = kg("add", str(FIXTURES / "plain_abstract.txt"), ok=False)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert result.stderr.splitlines() == ["error: KG_MAX_BYTES must be a whole number of bytes, not '2MB'"]
    monkeypatch.delenv("KG_MAX_BYTES")
    assert snapshot(kg) == before


# ---- requests that are not valid ---------------------------------------------------------------------


@pytest.mark.parametrize("paper", ["..", "../x", "a/b", "/etc/passwd", "..\\x", ""])
@pytest.mark.parametrize("command", ["remove", "reextract"])
def test_paper_ids_with_paths_are_refused(kg: Cli, before: Snapshot, command: str, paper: str) -> None:
    result_line = refused(kg, before, command, paper)
    assert result_line.startswith(f"error: invalid paper id {paper!r}")


def test_unknown_paper(kg: Cli, before: Snapshot) -> None:
    assert refused(kg, before, "remove", "no-such-paper").startswith("error: no paper 'no-such-paper'")


def test_unknown_query(kg: Cli, before: Snapshot) -> None:
    assert refused(kg, before, "query", "no-such-query").startswith("error: unknown query 'no-such-query'")


@pytest.mark.parametrize("args", [["papers"], ["stats"], ["query", "trials"], ["review"], ["add", str(SAMPLE)]],
                         ids=lambda args: args[0] if args[0] != "query" else " ".join(args))
def test_unknown_output_format(kg: Cli, before: Snapshot, args: list[str]) -> None:
    line = refused(kg, before, *args, "--format", "xml")
    assert "'xml'" in line and "--format" in line


def test_unknown_export_format(kg: Cli, before: Snapshot) -> None:
    assert refused(kg, before, "export", "--format", "pdf").startswith("error: unknown export format 'pdf'")


@pytest.mark.parametrize("args", [
    ["query", "outcomes", "--colour", "red"],
    ["query", "outcomes", "--drug"],
    ["query", "evidence"],
    ["query", "outcomes", "--include-rejected", "true' OR 1=1 //"],
    ["cypher", "MATCH (d:Drug) RETURN d.name", "-p", "not an identifier=1"],
], ids=" ".join)
def test_malformed_query_options(kg: Cli, before: Snapshot, args: list[str]) -> None:
    refused(kg, before, *args)


# ---- hostile values are only data --------------------------------------------------------------------

HOSTILE = [
    "x') DETACH DELETE n //",
    "\"}) MATCH (n) DETACH DELETE n RETURN 1 //",
    "binimetinib' OR 1=1 OR d.name = '",
    "\\' ; CREATE (:Drug {name: 'injected'}) //",
    "`Drug`) DETACH DELETE n WITH 1 AS x MATCH (n",
    "$drug",
    "*/ MATCH (n) DETACH DELETE n /*",
]

STRING_PARAMS = [(query.name, param.option, param.required) for query in canned_queries().values()
                 for param in query.params if param.type == "string"]


@pytest.mark.parametrize(("query", "option", "positional"), STRING_PARAMS,
                         ids=[f"{q}-{o}" for q, o, _ in STRING_PARAMS])
def test_quotes_and_cypher_in_query_parameters_are_values(kg: Cli, before: Snapshot, query: str, option: str,
                                                          positional: bool) -> None:
    for value in HOSTILE:
        args = ["query", query, value] if positional else ["query", query, f"--{option}", value]
        assert kg.json(*args) == [], f"kg {' '.join(args)}"
    assert snapshot(kg) == before


def test_quotes_and_cypher_in_cypher_parameters_are_values(kg: Cli, before: Snapshot) -> None:
    for value in HOSTILE:
        assert kg.json("cypher", "MATCH (d:Drug) WHERE d.name = $name RETURN d.name AS drug", "-p",
                       f"name={value}") == []
    assert snapshot(kg) == before


@pytest.mark.parametrize("command", ["reject", "accept"])
def test_hostile_statement_id_is_unknown(kg: Cli, before: Snapshot, command: str) -> None:
    args = [command, HOSTILE[0], *(["--reason", HOSTILE[1]] if command == "reject" else [])]
    assert refused(kg, before, *args).startswith("error: no statement")


# ---- kg cypher is read-only ----------------------------------------------------------------------------

WRITES = [
    "CREATE (:Drug {name: 'x'})",
    "MERGE (d:Drug {name: 'x'}) RETURN d",
    "MATCH (d:Drug) SET d.name = 'x'",
    "MATCH (d:Drug) SET d += {name: 'x'}",
    "MATCH (d:Drug) DELETE d",
    "MATCH (n) DETACH DELETE n",
    "MATCH (n) DETACH\n  DELETE n",
    "MATCH (d:Drug) REMOVE d.name",
    "MATCH (d:Drug) REMOVE d:Drug",
    "DROP INDEX ON :Drug(name)",
    "CREATE INDEX FOR (d:Drug) ON (d.name)",
    "MATCH (d:Drug) WITH collect(d) AS ds FOREACH (x IN ds | SET x.name = 'x')",
    "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "LOAD  CSV WITH HEADERS FROM 'https://example.org/x.csv' AS row CREATE (:Drug {name: row.x})",
    "CALL db.createLabel('X')",
    "CALL db.idx.fulltext.createNodeIndex('Drug', 'name')",
    "CALL apoc.create.node(['Drug'], {name: 'x'}) YIELD node RETURN node",
    "MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS",
    "MATCH (n) CALL { WITH n RETURN n.name AS name } IN TRANSACTIONS OF 10 ROWS RETURN name",
    "MATCH (d:Drug) RETURN d.name UNION MATCH (n) DETACH DELETE n RETURN 'x' AS name",
    # a procedure name in backticks escapes the clause check; the store's read-only mode still refuses it
    "CALL `db.idx.fulltext.createNodeIndex`('Drug', 'name')",
]


@pytest.mark.parametrize("case", ["as written", "lower case"])
@pytest.mark.parametrize("statement", WRITES)
def test_cypher_write_is_refused(kg: Cli, before: Snapshot, statement: str, case: str) -> None:
    text = statement.lower() if case == "lower case" else statement
    assert "read-only" in refused(kg, before, "cypher", text)


@pytest.mark.parametrize("statement", [
    "MATCH (d:Drug) WHERE d.name = 'create' RETURN d.name AS drug",
    "MATCH (d:Drug) WHERE d.name IN ['set', \"delete\", 'detach delete', 'load csv'] RETURN d.name AS drug",
    "MATCH (d:Drug) WHERE d.name = 'merge (n)' RETURN d.name AS drug // then CREATE something",
    "MATCH (d:Drug) WHERE d.name = 'remove' /* DROP INDEX */ RETURN d.name AS drug",
    "MATCH (d:Drug) WHERE d.name = 'x\\' CREATE (n) //' RETURN d.name AS drug",
])
def test_write_words_inside_strings_and_comments_are_allowed(kg: Cli, before: Snapshot, statement: str) -> None:
    assert kg.json("cypher", statement) == []
    assert snapshot(kg) == before


def test_a_read_query_still_reads(kg: Cli, before: Snapshot) -> None:
    rows = kg.json("cypher", "MATCH (d:Drug) WHERE d.name = $name RETURN d.name AS drug", "-p", "name=binimetinib")
    assert rows == [{"drug": "binimetinib"}]


# ---- text in another encoding ------------------------------------------------------------------------


def test_latin1_text_is_added_with_a_warning(kg: Cli, before: Snapshot) -> None:
    result = kg("add", str(FIXTURES / "latin1.txt"))
    lines = result.stderr.splitlines()
    assert lines[0] == "warning: latin1.txt: not UTF-8; decoded as Windows-1252/Latin-1"
    assert lines[1].startswith("added: ") and len(lines) == 2
    paper = lines[1].removeprefix("added: ")
    [row] = kg.json("papers", "--paper", paper)
    assert "trametinib" in row["drugs"] and "NRAS" in row["genes"]


# ---- folders and globs: each file on its own, a summary, the exit status says if any was refused ----

GOOD = {"plain_abstract.txt": 1, "frontmatter_news.md": 1, "pubmed_two_articles.xml": 2, "latin1.txt": 1}
BAD = {
    "empty.txt": "empty.txt: empty file",
    "binary_renamed.txt": "binary_renamed.txt: binary content (NUL bytes)",
    "truncated.xml": "truncated.xml: malformed XML",
    "xxe.xml": "xxe.xml: refused: the XML declares entities",
    "fake.pdf": "fake.pdf: binary content (a PDF file)",
    "slash.md": "slash.md: invalid paper id 'a/b'",
}


def mixed_folder(root: Path) -> Path:
    folder = root / "papers"
    folder.mkdir()
    for name in GOOD.keys() | BAD.keys() - {"fake.pdf", "slash.md"}:
        shutil.copy(FIXTURES / name, folder / name)
    write(folder, "fake.pdf", b"%PDF-1.4\n" + random_bytes(1024))
    write(folder, "slash.md", "---\nid: a/b\n---\nA made-up body.\n")
    return folder


def summary_counts(result: CompletedProcess[str]) -> str:
    return result.stderr.splitlines()[-1]


def test_folder_adds_the_good_files_and_reports_each_refused_one(kg: Cli, before: Snapshot, tmp_path: Path) -> None:
    folder = mixed_folder(tmp_path)
    result = kg("add", str(folder), "--format", "json", ok=False)
    assert result.returncode == 1
    rows = json.loads(result.stdout)
    by_file: dict[str, list[dict]] = {}
    for row in rows:
        by_file.setdefault(Path(row["source"]).name, []).append(row)
    assert by_file.keys() == GOOD.keys() | BAD.keys()
    for name, count in GOOD.items():
        assert [r["status"] for r in by_file[name]] == ["added"] * count, by_file[name]
    for name, reason in BAD.items():
        [row] = by_file[name]
        assert row["status"] == "refused" and row["reason"].startswith(reason), row
    assert "Traceback" not in result.stderr
    assert "warning: latin1.txt: not UTF-8; decoded as Windows-1252/Latin-1" in result.stderr
    assert summary_counts(result) == "5 added, 0 unchanged, 0 replaced, 6 refused"

    papers = {p["paper"] for p in kg.json("papers")}
    added = {r["paper"] for r in rows if r["status"] == "added"}
    assert {"90000001", "90000002", "doi_10.9999_ekg.fixture.1"} <= added and len(added) == 5
    assert papers == added | {"nras-melanoma-commentary"}


def test_folder_summary_table_names_each_refused_file_and_why(kg: Cli, before: Snapshot, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    folder = mixed_folder(tmp_path)
    kg("add", str(folder), ok=False)
    shutil.copy(FIXTURES / "edited_plain_abstract.txt", folder / "plain_abstract.txt")
    monkeypatch.setenv("COLUMNS", "400")  # wide enough that no reason wraps inside its cell
    result = kg("add", str(folder), ok=False)
    assert result.returncode == 1 and result.stdout == ""
    assert summary_counts(result) == "0 added, 4 unchanged, 1 replaced, 6 refused"
    lines = result.stderr.splitlines()
    for name, reason in BAD.items():
        assert any(f"{name} " in line and "refused" in line and reason in line for line in lines), name


def test_glob_adds_what_it_matches(kg: Cli, before: Snapshot, tmp_path: Path) -> None:
    folder = mixed_folder(tmp_path)
    result = kg("add", str(folder / "*.txt"), "--format", "json", ok=False)
    assert result.returncode == 1
    statuses = {Path(r["source"]).name: r["status"] for r in json.loads(result.stdout)}
    assert statuses == {"plain_abstract.txt": "added", "latin1.txt": "added", "empty.txt": "refused",
                        "binary_renamed.txt": "refused"}
    assert summary_counts(result) == "2 added, 0 unchanged, 0 replaced, 2 refused"


def test_folder_of_good_files_exits_0(kg: Cli, before: Snapshot, tmp_path: Path) -> None:
    folder = tmp_path / "good"
    folder.mkdir()
    for name in ("plain_abstract.txt", "frontmatter_news.md"):
        shutil.copy(FIXTURES / name, folder / name)
    result = kg("add", str(folder))
    assert summary_counts(result) == "2 added, 0 unchanged, 0 replaced, 0 refused"


# ---- a PubMed export with two articles -----------------------------------------------------------------


def test_pubmed_export_becomes_two_papers_with_their_results(kg: Cli, before: Snapshot) -> None:
    result = kg("add", str(FIXTURES / "pubmed_two_articles.xml"), "--format", "json")
    assert [(r["paper"], r["status"]) for r in json.loads(result.stdout)] == [("90000001", "added"),
                                                                             ("90000002", "added")]
    first, second = (kg.json("papers", "--paper", paper)[0] for paper in ("90000001", "90000002"))
    assert first["title"].startswith("Pimasertib or dacarbazine for advanced NRAS-mutant melanoma")
    assert second["title"].startswith("Tunlametinib (HL-085) monotherapy")
    assert (first["journal"], first["year"], first["pmid"]) == ("Journal of Experimental Skin Oncology", 2019,
                                                                "90000001")
    assert (second["journal"], second["year"], second["pmid"]) == ("Asian Journal of Targeted Cancer Therapy", 2023,
                                                                   "90000002")
    assert {"pimasertib", "dacarbazine"} <= set(first["drugs"]) and "tunlametinib" in second["drugs"]

    outcomes = kg.json("query", "outcomes", "--drug", "pimasertib")
    hazard_ratios = [(o["endpoint"], o["value"], o["arm"], o["comparator"], o["paper"])
                     for o in outcomes if o["measure"] == "HR"]
    assert ("PFS", 0.59, ["pimasertib"], ["dacarbazine"], "90000001") in hazard_ratios, outcomes
