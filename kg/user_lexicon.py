"""The user lexicon beside the store (`<KG_HOME>/lexicon/*.tsv`): what `kg lexicon add` teaches.

Rows are written in the shipped lexicon's format and checked against the shipped lexicon
first (a new spelling must not already name another concept); the shipped files are never
edited.
"""

from __future__ import annotations

from pathlib import Path

from ingest.lexicon import (
    DiseaseEntry,
    DrugEntry,
    GeneEntry,
    Lexicon,
    lexicon_problems,
    read_lexicon,
    shipped_lexicon,
)
from kg.records import atomic_write

COLUMNS = {
    "drugs.tsv": ("inn", "kind", "classes", "targets", "synonyms", "drugbank", "chebi", "ncit"),
    "genes.tsv": ("symbol", "hgnc_id", "name", "aliases"),
    "diseases.tsv": ("name", "curie", "synonyms", "parent"),
}


class LexiconRefused(ValueError):
    """The new entry conflicts with the lexicon; the message says how."""


def _cell(value: str | tuple[str, ...] | None) -> str:
    if value is None:
        return ""
    text = "|".join(value) if isinstance(value, tuple) else value
    if "\t" in text or "\n" in text:
        raise LexiconRefused("lexicon entries cannot hold tabs or line breaks")
    return text


def _append(folder: Path, file: str, row: dict[str, str | tuple[str, ...] | None]) -> None:
    path = folder / file
    columns = COLUMNS[file]
    existing = path.read_text(encoding="utf-8") if path.is_file() else "\t".join(columns) + "\n"
    line = "\t".join(_cell(row.get(c)) for c in columns)
    atomic_write(path, existing + line + "\n")


def _check(folder: Path, addition: Lexicon) -> None:
    current = shipped_lexicon().merged(read_lexicon(folder)) if folder.is_dir() else shipped_lexicon()
    problems = lexicon_problems(current.merged(addition))
    if problems:
        raise LexiconRefused("; ".join(problems[:3]))


def add_drug(folder: Path, entry: DrugEntry) -> None:
    _check(folder, Lexicon(drugs={entry.inn: entry}))
    _append(folder, "drugs.tsv", {"inn": entry.inn, "kind": entry.kind, "classes": entry.classes,
                                  "targets": entry.targets, "synonyms": entry.synonyms,
                                  "drugbank": entry.drugbank, "chebi": entry.chebi, "ncit": entry.ncit})


def add_gene(folder: Path, entry: GeneEntry) -> None:
    _check(folder, Lexicon(genes={entry.symbol: entry}))
    _append(folder, "genes.tsv", {"symbol": entry.symbol, "hgnc_id": entry.hgnc_id, "name": entry.name,
                                  "aliases": entry.aliases})


def add_disease(folder: Path, entry: DiseaseEntry) -> None:
    _check(folder, Lexicon(diseases={entry.name: entry}))
    _append(folder, "diseases.tsv", {"name": entry.name, "curie": entry.curie, "synonyms": entry.synonyms,
                                     "parent": entry.parent})
