"""What the extraction tests share: reading a text they wrote, and picking statements out."""

from __future__ import annotations

from typing import TypeVar

from ingest.extract import read_paper
from kg.model import Arm, Document, PaperFacts

S = TypeVar("S")


def read(text: str) -> PaperFacts:
    return read_paper(Document(id="t", text=text))


def statements(facts: PaperFacts, kind: type[S]) -> list[S]:
    return [f.statement for f in facts.facts if isinstance(f.statement, kind)]


def arm_sets(facts: PaperFacts) -> set[tuple[str, ...]]:
    return {arm.drugs for arm in statements(facts, Arm)}
