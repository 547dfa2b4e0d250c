"""Where the package data lives: ontology, shapes, lexicon and canned queries."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable


def ontology_dir() -> Traversable:
    return files("kg.ontology")


def lexicon_dir() -> Traversable:
    return ontology_dir() / "lexicon"


def queries_dir() -> Traversable:
    return files("kg.queries")


def examples_dir() -> Traversable:
    return files("kg.examples")
