"""What the extraction tests share: reading a text they wrote, and picking statements out."""

from __future__ import annotations

from typing import TypeVar

from ingest.extract import read_paper
from kg.model import Arm, Document, PaperFacts, TrialDesign

S = TypeVar("S")


def read(text: str) -> PaperFacts:
    return read_paper(Document(id="t", text=text))


def statements(facts: PaperFacts, kind: type[S]) -> list[S]:
    return [f.statement for f in facts.facts if isinstance(f.statement, kind)]


def arm_sets(facts: PaperFacts) -> set[tuple[str, ...]]:
    return {arm.drugs for arm in statements(facts, Arm)}


def arms_of(facts: PaperFacts) -> dict[str, set[tuple[str, ...]]]:
    """Each trial's arms (drug sets), by trial key."""
    found: dict[str, set[tuple[str, ...]]] = {}
    for arm in statements(facts, Arm):
        found.setdefault(arm.trial, set()).add(arm.drugs)
    return found


def designs(facts: PaperFacts) -> dict[str, TrialDesign]:
    return {d.trial: d for d in statements(facts, TrialDesign)}
