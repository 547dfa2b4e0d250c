"""Curator decisions: accept or reject a statement, kept in the paper's record folder
(`decisions.json`, keyed by statement IRI) and laid over its evidence whenever the record is
loaded, so that decisions survive `kg reextract` and `kg rebuild` while the statement exists.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from kg.rdf import EKG, ID

STATUSES = ("accepted", "rejected")
_FILE = "decisions.json"


@dataclass(frozen=True)
class Decision:
    status: str  # accepted | rejected
    curator: str
    at: str
    reason: str | None = None


def statement_id(uri: str) -> str:
    """The short, stable id curators use: the content hash at the end of the statement's IRI."""
    return uri.rsplit("/", 1)[-1]


def statement_uri(statement: str) -> str:
    return statement if statement.startswith("http") else f"{ID}statement/{statement}"


def new_decision(status: str, curator: str, reason: str | None) -> Decision:
    if status not in STATUSES:
        raise ValueError(f"a decision is one of {', '.join(STATUSES)}")
    return Decision(status, curator, datetime.now(UTC).isoformat(timespec="seconds"), reason or None)


def read_decisions(folder: Path) -> dict[str, Decision]:
    path = folder / _FILE
    if not path.is_file():
        return {}
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {uri: Decision(**entry) for uri, entry in raw.items()}


def decisions_json(decisions: dict[str, Decision]) -> str:
    return json.dumps({uri: asdict(d) for uri, d in sorted(decisions.items())}, indent=1)


def with_decisions(graph: Graph, decisions: dict[str, Decision]) -> Graph:
    """A copy of a paper's graph whose evidence carries the curator decisions."""
    if not decisions:
        return graph
    decided = Graph()
    decided += graph
    for uri, decision in decisions.items():
        for evidence in graph.subjects(EKG.supports, URIRef(uri)):
            decided.set((evidence, EKG.curatorStatus, Literal(decision.status)))
            decided.set((evidence, EKG.curator, Literal(decision.curator)))
            decided.set((evidence, EKG.decidedAt, Literal(decision.at)))
            if decision.reason:
                decided.set((evidence, EKG.decisionReason, Literal(decision.reason)))
    return decided
