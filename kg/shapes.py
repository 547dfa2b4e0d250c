"""SHACL validation of a paper's graph against ontology/shapes.ttl."""

from __future__ import annotations

from functools import lru_cache

from rdflib import Graph, URIRef
from rdflib.namespace import SH

from kg.resources import ontology_dir


@lru_cache(maxsize=1)
def _shapes() -> Graph:
    shapes = Graph()
    shapes.parse(data=(ontology_dir() / "shapes.ttl").read_text(encoding="utf-8"), format="turtle")
    return shapes


def _short(node: object) -> str:
    text = str(node)
    return text.rsplit("/", 1)[-1].rsplit("#", 1)[-1] if isinstance(node, URIRef) else text


def shacl_problems(graph: Graph) -> list[str]:
    """Each violation as one readable line; an empty list when the graph conforms."""
    from pyshacl import validate

    conforms, report, _text = validate(graph, shacl_graph=_shapes(), inference="none", advanced=True)
    if conforms:
        return []
    problems = []
    assert isinstance(report, Graph)
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        value = report.value(result, SH.value)
        where = _short(focus) + (f" {_short(path)}" if path is not None else "")
        got = f" (got {value})" if value is not None else ""
        problems.append(f"{where}: {message}{got}")
    return sorted(set(problems))
