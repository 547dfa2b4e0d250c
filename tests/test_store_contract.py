"""One contract for every store: the embedded FalkorDB always, Neo4j when NEO4J_URI is set."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.config import Neo4jSettings
from kg.load import load_paper, unload_paper
from kg.rdf import paper_graph
from kg.store.base import GraphStore, ReadOnlyViolation, StoreError
from kg.store.embedded import EmbeddedStore
from tests.factories import mek_trial_paper

STORES = ["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)]


@pytest.fixture(params=STORES)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GraphStore]:
    if request.param == "embedded":
        opened: GraphStore = EmbeddedStore(tmp_path / "home")
    else:
        uri = os.environ.get("NEO4J_URI")
        if not uri:
            pytest.skip("NEO4J_URI is not set: no Neo4j server to test against")
        from kg.store.neo4j_store import Neo4jStore

        opened = Neo4jStore(Neo4jSettings(uri, os.environ.get("NEO4J_USER", "neo4j"),
                                          os.environ.get("NEO4J_PASSWORD", ""), os.environ.get("NEO4J_DATABASE")))
        opened.clear()
    opened.ensure_schema()
    try:
        yield opened
    finally:
        opened.clear()
        opened.close()


def test_schema_creation_is_idempotent(store: GraphStore) -> None:
    store.ensure_schema()
    store.ensure_schema()


def test_uri_is_unique(store: GraphStore) -> None:
    store.write("CREATE (:Resource {uri: 'x'})", {})
    with pytest.raises(StoreError):
        store.write("CREATE (:Resource {uri: 'x'})", {})


def test_a_failing_write_leaves_nothing(store: GraphStore) -> None:
    store.write("CREATE (:Resource {uri: 'taken'})", {})
    with pytest.raises(StoreError):
        store.write("CREATE (:Resource {uri: 'new'}) WITH count(*) AS c CREATE (:Resource {uri: 'taken'})", {})
    assert store.read("MATCH (n:Resource) RETURN n.uri AS uri") == [{"uri": "taken"}]


def test_reads_refuse_writes(store: GraphStore) -> None:
    with pytest.raises(ReadOnlyViolation):
        store.read("CREATE (:Resource {uri: 'sneaky'})")
    assert store.read("MATCH (n) RETURN count(n) AS n") == [{"n": 0}]


def test_rows_are_plain_values(store: GraphStore) -> None:
    rows = store.read("RETURN 1 AS one, 'a' AS text, [1, 2] AS list, {k: 'v'} AS map, null AS nothing")
    assert rows == [{"one": 1, "text": "a", "list": [1, 2], "map": {"k": "v"}, "nothing": None}]


def test_parameters_are_values_never_code(store: GraphStore) -> None:
    hostile = "'}) DETACH DELETE n //"
    store.write("CREATE (:Resource {uri: $uri})", {"uri": hostile})
    assert store.read("MATCH (n:Resource {uri: $uri}) RETURN n.uri AS uri", {"uri": hostile}) == [{"uri": hostile}]


def test_paper_load_and_unload(store: GraphStore) -> None:
    facts = mek_trial_paper()
    graph = paper_graph(facts)
    load_paper(store, "paper-a", graph, set())
    load_paper(store, "paper-a", graph, set())
    nodes = store.read("MATCH (n) RETURN count(n) AS n")[0]["n"]
    assert nodes > 10
    assert store.read("MATCH (o:Outcome {measure: 'HR'})-[:VERSUS_ARM]->(a:Arm) RETURN a.drugs AS d") == [
        {"d": ["dacarbazine"]}
    ]
    from kg.pgmap import to_property_graph

    unload_paper(store, "paper-a", to_property_graph(graph).node_uris())
    assert store.read("MATCH (n) RETURN count(n) AS n") == [{"n": 0}]


def test_clear_empties_the_store(store: GraphStore) -> None:
    store.write("CREATE (:Resource {uri: 'x'})", {})
    store.clear()
    store.ensure_schema()
    assert store.read("MATCH (n) RETURN count(n) AS n") == [{"n": 0}]
