"""RDF -> property graph in the store: one paper, one query, one transaction.

The paper's previous contribution (its evidence and its publication node) is removed, the
new nodes are merged in batches per label set and the relationships per type (`UNWIND $rows`,
MERGE on `Resource.uri`), and the statements and entities that no paper supports any more are
deleted. The segments are chained with `WITH count(*)` so that the whole change is one query:
FalkorDB runs a query atomically (and rolls it back on error), Neo4j runs it in one transaction.
"""

from __future__ import annotations

from typing import Any

from kg.pgmap import RESOURCE_LABEL, PropertyGraph, to_property_graph, vocabulary
from kg.rdf import paper_iri
from kg.store.base import GraphStore, StoreError

# entities stay while a publication mentions them or a statement uses them, directly or
# through other entities (drug -> class -> parent class -> target gene)
_ENTITY_REACH = 6


def _quoted(name: str) -> str:
    return f"`{name}`"


def _label_clause(labels: tuple[str, ...]) -> str:
    allowed = vocabulary().labels
    for label in labels:
        if label not in allowed:
            raise StoreError(f"refusing unknown label {label!r}")
    return "".join(f":{_quoted(label)}" for label in labels)


def _relationship_type(rel_type: str) -> str:
    if rel_type not in vocabulary().relationship_types:
        raise StoreError(f"refusing unknown relationship type {rel_type!r}")
    return _quoted(rel_type)


def paper_change(paper_id: str, pg: PropertyGraph, previous_uris: set[str]) -> tuple[str, dict[str, Any]]:
    """The query (and its parameters) that replaces a paper's contribution by `pg`."""
    segments = [
        "MATCH (e:Evidence {paperId: $paperId}) DETACH DELETE e",
        "MATCH (p:Publication {paperId: $paperId}) DETACH DELETE p",
    ]
    params: dict[str, Any] = {"paperId": paper_id}
    for i, (labels, rows) in enumerate(sorted(pg.nodes.items())):
        key = f"nodes{i}"
        params[key] = rows
        extra = [label for label in labels if label != RESOURCE_LABEL]
        set_labels = f" SET n{_label_clause(tuple(extra))}" if extra else ""
        segments.append(
            f"UNWIND ${key} AS row MERGE (n:{RESOURCE_LABEL} {{uri: row.uri}}){set_labels} SET n += row.props"
        )
    for i, (rel_type, rows) in enumerate(sorted(pg.relationships.items())):
        key = f"rels{i}"
        params[key] = rows
        segments.append(
            f"UNWIND ${key} AS row MATCH (a:{RESOURCE_LABEL} {{uri: row.s}}) "
            f"MATCH (b:{RESOURCE_LABEL} {{uri: row.o}}) MERGE (a)-[:{_relationship_type(rel_type)}]->(b)"
        )
    params["candidates"] = sorted(previous_uris | pg.node_uris())
    segments.append(
        f"UNWIND $candidates AS u MATCH (s:{RESOURCE_LABEL} {{uri: u}}) "
        "WHERE s:Statement AND NOT ()-[:SUPPORTS]->(s) DETACH DELETE s"
    )
    segments.append(
        f"UNWIND $candidates AS u MATCH (n:{RESOURCE_LABEL} {{uri: u}}) "
        f"WHERE n:Entity AND NOT (:Publication)-[*1..{_ENTITY_REACH}]->(n) "
        f"AND NOT (:Statement)-[*1..{_ENTITY_REACH}]->(n) DETACH DELETE n"
    )
    query = "".join(f"{segment}\nWITH count(*) AS step{i}\n" for i, segment in enumerate(segments))
    return query + f"RETURN step{len(segments) - 1} AS done", params


def load_paper(store: GraphStore, paper_id: str, graph: Any, previous_uris: set[str]) -> None:
    """Put a paper's RDF graph into the store, replacing what an earlier version put there."""
    query, params = paper_change(paper_id, to_property_graph(graph), previous_uris)
    store.write(query, params)


def unload_paper(store: GraphStore, paper_id: str, previous_uris: set[str]) -> None:
    """Remove a paper's evidence, and the statements and entities left without support."""
    query, params = paper_change(paper_id, PropertyGraph(), previous_uris)
    store.write(query, params)


def paper_uri(paper_id: str) -> str:
    return str(paper_iri(paper_id))
