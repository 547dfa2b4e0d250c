"""Export the store: RDF (Turtle, N-Triples, JSON-LD) through the reversible mapping, or GraphML."""

from __future__ import annotations

from typing import Any

from rdflib import Graph

from kg.pgmap import to_rdf
from kg.store.base import GraphStore

RDF_FORMATS = {"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld"}
EXPORT_FORMATS = (*RDF_FORMATS, "graphml")

_NODES = "MATCH (n:Resource) RETURN n.uri AS uri, labels(n) AS labels, properties(n) AS props ORDER BY uri"
_RELATIONSHIPS = (
    "MATCH (a:Resource)-[r]->(b:Resource) RETURN a.uri AS s, type(r) AS type, b.uri AS o ORDER BY s, type, o"
)


def store_contents(store: GraphStore) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    return store.read(_NODES), store.read(_RELATIONSHIPS)


def store_graph(store: GraphStore) -> Graph:
    nodes, relationships = store_contents(store)
    return to_rdf(nodes, relationships)


def export_text(store: GraphStore, fmt: str) -> str:
    if fmt in RDF_FORMATS:
        return store_graph(store).serialize(format=RDF_FORMATS[fmt])
    import networkx as nx

    nodes, relationships = store_contents(store)
    graph = nx.MultiDiGraph()
    for node in nodes:
        attrs = {k: (";".join(map(str, v)) if isinstance(v, list) else v) for k, v in node["props"].items()}
        graph.add_node(node["uri"], labels=":".join(sorted(node["labels"])), **attrs)
    for rel in relationships:
        graph.add_edge(rel["s"], rel["o"], key=rel["type"], type=rel["type"])
    return "\n".join(nx.generate_graphml(graph)) + "\n"
