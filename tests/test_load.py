"""Record and load: merging across papers, re-adding, editing, removing, rebuilding, exporting."""

from __future__ import annotations

from kg.canned import get_query
from kg.export import store_graph
from kg.library import Library
from kg.records import graph_hash
from tests.factories import mek_trial_paper


def stats(lib: Library) -> list[tuple[str, str, int]]:
    rows = lib.read(get_query("stats").text, {})
    return sorted((r["kind"], r["name"], r["count"]) for r in rows)


def count(lib: Library, label: str) -> int:
    return next((n for kind, name, n in stats(lib) if kind == "node" and name == label), 0)


def test_adding_the_same_paper_twice_changes_nothing(library: Library) -> None:
    paper = mek_trial_paper()
    assert library.put(paper.document, paper) == "added"
    before = stats(library)
    assert library.put(paper.document, paper) == "unchanged"
    assert stats(library) == before


def test_a_statement_from_two_papers_is_one_statement_with_two_evidences(library: Library) -> None:
    for paper_id in ("paper-a", "paper-b"):
        paper = mek_trial_paper(paper_id)
        library.put(paper.document, paper)
    rows = library.read(
        "MATCH (e:Evidence)-[:SUPPORTS]->(o:Outcome {measure: 'HR'}) RETURN o.uri AS o, count(e) AS n"
    )
    assert len(rows) == 1
    assert rows[0]["n"] == 2
    assert count(library, "Drug") == 2


def test_removing_a_paper_keeps_what_another_paper_supports(library: Library) -> None:
    shared, alone = mek_trial_paper("paper-a"), mek_trial_paper("paper-b", pfs=3.1, with_hr=False)
    library.put(shared.document, shared)
    library.put(alone.document, alone)
    library.remove("paper-a")
    values = {r["value"] for r in library.read("MATCH (o:Outcome) RETURN o.value AS value")}
    assert values == {3.1, 1.5}  # paper-a's 2.8 and its hazard ratio went with it
    assert count(library, "Drug") == 2 and count(library, "Publication") == 1
    library.remove("paper-b")
    assert stats(library) == []


def test_an_edited_version_replaces_its_facts(library: Library) -> None:
    first = mek_trial_paper("paper-a", pfs=2.8)
    library.put(first.document, first)
    edited = mek_trial_paper("paper-a", pfs=2.9)
    assert library.put(edited.document, edited) == "replaced"
    values = {r["value"] for r in library.read("MATCH (o:Outcome {measure: 'median'}) RETURN o.value AS value")}
    assert values == {2.9, 1.5}
    assert count(library, "Publication") == 1


def test_rebuild_gives_the_same_graph(library: Library) -> None:
    for paper_id in ("paper-a", "paper-b"):
        paper = mek_trial_paper(paper_id, pfs=2.8 if paper_id == "paper-a" else 3.0)
        library.put(paper.document, paper)
    before = stats(library)
    assert library.rebuild() == 2
    assert stats(library) == before
    assert library.validate() == []


def test_export_gives_back_the_records_triples(library: Library) -> None:
    paper = mek_trial_paper()
    library.put(paper.document, paper)
    assert graph_hash(store_graph(library.store)) == graph_hash(library.records.graph("paper-a"))
