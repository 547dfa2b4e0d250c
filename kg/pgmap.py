"""The mapping between the project's RDF and the property graph, written once, both ways.

Neo4j's conventions (as rdflib-neo4j and neosemantics do it): one node per IRI with a `uri`
property and the label `Resource`; further labels from `rdf:type` (the class's local name);
literal properties under the predicate's camelCase local name, as a list when the ontology
does not declare the property functional; relationship types UPPER_SNAKE_CASE from the
predicate's local name. Labels, relationship types and property keys come only from the
ontology (an allow-list), never from data.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import OWL, RDF, RDFS, XSD, Graph, Literal, URIRef

from kg.rdf import EKG
from kg.resources import ontology_dir

RESOURCE_LABEL = "Resource"


class MappingError(ValueError):
    """The RDF uses a term the ontology does not define."""


@dataclass(frozen=True)
class Vocabulary:
    """What the ontology allows in the property graph."""

    labels: frozenset[str]
    relationships: dict[str, str]  # predicate local name -> relationship type
    properties: dict[str, URIRef]  # property key -> XSD datatype (its rdfs:range)
    functional: frozenset[str]  # property keys with at most one value

    @property
    def relationship_types(self) -> frozenset[str]:
        return frozenset(self.relationships.values())

    def predicate_for(self, relationship_type: str) -> URIRef:
        for local, rel_type in self.relationships.items():
            if rel_type == relationship_type:
                return EKG[local]
        raise MappingError(f"unknown relationship type {relationship_type!r}")


def upper_snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).upper()


def _local(term: object) -> str:
    text = str(term)
    if not text.startswith(str(EKG)):
        raise MappingError(f"{text} is not a term of the evidence-kg ontology")
    return text[len(str(EKG)):]


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    onto = Graph()
    onto.parse(data=(ontology_dir() / "evidence-kg.ttl").read_text(encoding="utf-8"), format="turtle")
    labels = {_local(c) for c in onto.subjects(RDF.type, OWL.Class) if str(c).startswith(str(EKG))}
    relationships = {
        _local(p): upper_snake(_local(p)) for p in onto.subjects(RDF.type, OWL.ObjectProperty)
    }
    properties: dict[str, URIRef] = {}
    for prop in onto.subjects(RDF.type, OWL.DatatypeProperty):
        datatype = onto.value(prop, RDFS.range)
        properties[_local(prop)] = datatype if isinstance(datatype, URIRef) else XSD.string
    functional = {
        _local(p) for p in onto.subjects(RDF.type, OWL.FunctionalProperty) if _local(p) in properties
    }
    return Vocabulary(frozenset(labels), relationships, properties, frozenset(functional))


@dataclass
class PropertyGraph:
    """Nodes grouped by label set and relationships grouped by type, ready for `UNWIND $rows`."""

    nodes: dict[tuple[str, ...], list[dict]] = field(default_factory=dict)
    relationships: dict[str, list[dict]] = field(default_factory=dict)

    def node_uris(self) -> set[str]:
        return {row["uri"] for rows in self.nodes.values() for row in rows}


def to_property_graph(graph: Graph) -> PropertyGraph:
    vocab = vocabulary()
    labels: dict[str, set[str]] = defaultdict(set)
    props: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    rels: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for s, p, o in graph:
        if not isinstance(s, URIRef):
            raise MappingError("blank nodes are not part of the project's RDF")
        subject = str(s)
        if p == RDF.type:
            label = _local(o)
            if label not in vocab.labels:
                raise MappingError(f"unknown class {label!r}")
            labels[subject].add(label)
            continue
        local = _local(p)
        if isinstance(o, Literal):
            if local not in vocab.properties:
                raise MappingError(f"unknown property {local!r}")
            props[subject][local].append(o.toPython())
        else:
            if local not in vocab.relationships:
                raise MappingError(f"unknown relation {local!r}")
            rels[vocab.relationships[local]].add((subject, str(o)))
            labels.setdefault(str(o), set())

    pg = PropertyGraph()
    by_labels: dict[tuple[str, ...], list[dict]] = defaultdict(list)
    for uri in sorted(set(labels) | set(props)):
        node_props: dict[str, object] = {}
        for key, values in props.get(uri, {}).items():
            if key in vocab.functional:
                if len(values) > 1:
                    raise MappingError(f"{uri} has {len(values)} values for the single-valued {key!r}")
                node_props[key] = values[0]
            else:
                node_props[key] = sorted(values, key=lambda v: (str(v).casefold(), str(v)))
        by_labels[tuple(sorted(labels.get(uri, ())))].append({"uri": uri, "props": node_props})
    pg.nodes = dict(by_labels)
    pg.relationships = {
        rel_type: [{"s": s, "o": o} for s, o in sorted(pairs)] for rel_type, pairs in sorted(rels.items())
    }
    return pg


def _literal(key: str, value: object) -> Literal:
    datatype = vocabulary().properties[key]
    if datatype == XSD.string:
        return Literal(str(value))
    if datatype == XSD.double:
        return Literal(float(value), datatype=XSD.double)  # type: ignore[arg-type]
    return Literal(value, datatype=datatype)


def to_rdf(nodes: list[dict], relationships: list[dict]) -> Graph:
    """The inverse mapping: rows of {uri, labels, props} and {s, type, o} back to triples."""
    vocab = vocabulary()
    graph = Graph()
    graph.bind("ekg", EKG)
    for node in nodes:
        subject = URIRef(node["uri"])
        for label in node["labels"]:
            if label == RESOURCE_LABEL:
                continue
            if label not in vocab.labels:
                raise MappingError(f"unknown label {label!r}")
            graph.add((subject, RDF.type, EKG[label]))
        for key, value in node["props"].items():
            if key == "uri":
                continue
            if key not in vocab.properties:
                raise MappingError(f"unknown property {key!r}")
            for item in value if isinstance(value, list) else [value]:
                graph.add((subject, EKG[key], _literal(key, item)))
    for rel in relationships:
        graph.add((URIRef(rel["s"]), vocab.predicate_for(rel["type"]), URIRef(rel["o"])))
    return graph
