"""The lexicon: drugs, drug classes, genes, gene families, diseases, endpoints and INN stems.

The curated data ships as TSV files in the package (``kg.resources.lexicon_dir()``); a user
lexicon is a folder holding any subset of the same files, merged over the shipped one with
``Lexicon.merged``.

File format: UTF-8 (a byte-order mark is allowed), tab-separated. The first line that is
not blank or a ``#`` comment is the header: column names in any order, the key column
required, unknown names refused, absent columns empty. A row may leave trailing cells out
but may not have more cells than the header. List cells are separated by ``|``; an empty
cell means none. A malformed file raises ``LexiconError`` naming the file and line.

Tests and callers that need a small lexicon build it in code from the dataclasses::

    lex = Lexicon(drugs={"binimetinib": DrugEntry("binimetinib", "targeted", ("MEK inhibitor",),
                                                  ("MAP2K1", "MAP2K2"), ("MEK162",))})

every mapping defaults to empty and ``drugbank``/``chebi``/``ncit``, ``hgnc_id`` and the
like default to None. ``lexicon_problems`` checks a lexicon's consistency (what the loader
cannot see from one row alone) and returns each problem as one readable line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib.resources.abc import Traversable
from pathlib import Path
from types import MappingProxyType
from typing import Any

from kg.model import ENDPOINTS
from kg.resources import lexicon_dir

DRUG_KINDS = (
    "targeted",
    "antibody",
    "chemotherapy",
    "hormonal",
    "immunomodulator",
    "radiopharmaceutical",
    "other",
)

DRUGBANK_ID = re.compile(r"^DB\d{5}$")
CHEBI_ID = re.compile(r"^CHEBI:\d+$")
NCIT_DRUG_ID = re.compile(r"^C\d+$")
HGNC_ID = re.compile(r"^HGNC:\d+$")
DISEASE_CURIE = re.compile(r"^(NCIT:C\d+|MONDO:\d{7})$")

# An INN stem only names an unknown drug when at least a syllable precedes it
# ("zapmetinib"); shorter prefixes are ordinary words ("ghrelin" is not a GnRH agonist).
MIN_STEM_PREFIX = 3

_DASHES = re.compile(r"[\s\-\u2010\u2011\u2012\u2013\u2014]+")


class LexiconError(ValueError):
    """A lexicon file is malformed; the message names the file and line."""


def fold(text: str) -> str:
    """Case-fold a spelling and treat hyphens and runs of spaces alike.

    Two spellings with the same fold are the same spelling to the matcher, so the
    validator compares folds when it looks for a spelling shared by two concepts.
    """
    return _DASHES.sub(" ", text.casefold()).strip()


def _fold_keep_case(text: str) -> str:
    # Gene aliases are case-sensitive (MET the gene, "met" the verb), but hyphen and
    # space variants are still the same alias.
    return _DASHES.sub(" ", text).strip()


# ---- entries --------------------------------------------------------------------------------


@dataclass(frozen=True)
class DrugEntry:
    inn: str
    kind: str
    classes: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    synonyms: tuple[str, ...] = ()
    drugbank: str | None = None
    chebi: str | None = None
    ncit: str | None = None


@dataclass(frozen=True)
class DrugClassEntry:
    name: str
    synonyms: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    parent: str | None = None


@dataclass(frozen=True)
class GeneEntry:
    symbol: str
    hgnc_id: str | None = None
    name: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class GeneFamily:
    mention: str
    symbols: tuple[str, ...]


@dataclass(frozen=True)
class DiseaseEntry:
    name: str
    curie: str | None = None
    synonyms: tuple[str, ...] = ()
    parent: str | None = None


@dataclass(frozen=True)
class EndpointEntry:
    code: str
    name: str
    synonyms: tuple[str, ...] = ()


@dataclass(frozen=True)
class InnStem:
    stem: str
    drug_class: str
    targets: tuple[str, ...] = ()
    kind: str = "targeted"


def _frozen(mapping: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Everything the reader recognises by name. Mappings are read-only views.

    A lexicon is compared and hashed by identity, so a caller may cache what it builds
    from one (a matcher, a pattern table) keyed by the lexicon itself.
    """

    drugs: Mapping[str, DrugEntry] = field(default_factory=dict)
    drug_classes: Mapping[str, DrugClassEntry] = field(default_factory=dict)
    genes: Mapping[str, GeneEntry] = field(default_factory=dict)
    gene_families: Mapping[str, GeneFamily] = field(default_factory=dict)
    diseases: Mapping[str, DiseaseEntry] = field(default_factory=dict)
    endpoints: Mapping[str, EndpointEntry] = field(default_factory=dict)
    inn_stems: tuple[InnStem, ...] = ()

    def __post_init__(self) -> None:
        for name in ("drugs", "drug_classes", "genes", "gene_families", "diseases", "endpoints"):
            object.__setattr__(self, name, _frozen(getattr(self, name)))
        # Longest stem first so "metinib" is tried before the generic "tinib".
        ordered = tuple(sorted(self.inn_stems, key=lambda s: (-len(s.stem), s.stem)))
        object.__setattr__(self, "inn_stems", ordered)

    # -- look-up tables (built once per lexicon; the public methods hand out copies) --------

    @cached_property
    def _drug_spellings(self) -> Mapping[str, str]:
        return _first_wins(
            (spelling.casefold(), drug.inn) for drug in self.drugs.values() for spelling in (drug.inn, *drug.synonyms)
        )

    @cached_property
    def _class_spellings(self) -> Mapping[str, str]:
        return _first_wins(
            (spelling.casefold(), entry.name)
            for entry in self.drug_classes.values()
            for spelling in (entry.name, *entry.synonyms)
        )

    @cached_property
    def _gene_spellings(self) -> Mapping[str, str]:
        return _first_wins(
            (spelling, gene.symbol) for gene in self.genes.values() for spelling in (gene.symbol, *gene.aliases)
        )

    @cached_property
    def _gene_spellings_folded(self) -> Mapping[str, frozenset[str]]:
        symbols: dict[str, set[str]] = {}
        for spelling, symbol in self._gene_spellings.items():
            symbols.setdefault(spelling.casefold(), set()).add(symbol)
        return MappingProxyType({key: frozenset(found) for key, found in symbols.items()})

    @cached_property
    def _disease_spellings(self) -> Mapping[str, str]:
        return _first_wins(
            (spelling.casefold(), disease.name)
            for disease in self.diseases.values()
            for spelling in (disease.name, *disease.synonyms)
        )

    @cached_property
    def _endpoint_spellings(self) -> Mapping[str, str]:
        return _first_wins(
            (spelling.casefold(), endpoint.code)
            for endpoint in self.endpoints.values()
            for spelling in (endpoint.code, endpoint.name, *endpoint.synonyms)
        )

    def drug_by_synonym(self) -> dict[str, str]:
        """Every spelling of every drug (INN and synonyms), case-folded, to the INN."""
        return dict(self._drug_spellings)

    def class_by_synonym(self) -> dict[str, str]:
        """Every spelling of every drug class (name and synonyms), case-folded, to the name."""
        return dict(self._class_spellings)

    def gene_by_alias(self) -> dict[str, str]:
        """Every symbol and alias, case kept as written, to the HGNC symbol."""
        return dict(self._gene_spellings)

    def gene_for(self, mention: str) -> str | None:
        """The symbol a mention names: the exact spelling first, else a case-insensitive
        match when only one gene has it."""
        if mention in self._gene_spellings:
            return self._gene_spellings[mention]
        found = self._gene_spellings_folded.get(mention.casefold(), frozenset())
        return next(iter(found)) if len(found) == 1 else None

    def disease_by_synonym(self) -> dict[str, str]:
        """Every spelling of every disease (name and synonyms), case-folded, to the name."""
        return dict(self._disease_spellings)

    def endpoint_by_synonym(self) -> dict[str, str]:
        """Every spelling of every endpoint (code, name, synonyms), case-folded, to the code."""
        return dict(self._endpoint_spellings)

    def disease_root(self, name: str) -> str:
        """Follow parents up to the main term; an unknown name is its own root."""
        seen = {name}
        current = name
        while (entry := self.diseases.get(current)) is not None and entry.parent:
            if entry.parent in seen:  # a cycle is reported by lexicon_problems
                break
            seen.add(entry.parent)
            current = entry.parent
        return current

    def stem_for(self, word: str) -> InnStem | None:
        """The longest INN stem a single alphabetic word ends with, if any."""
        folded = word.casefold()
        if not folded.isalpha():
            return None
        for stem in self.inn_stems:
            if folded.endswith(stem.stem) and len(folded) >= len(stem.stem) + MIN_STEM_PREFIX:
                return stem
        return None

    def merged(self, other: Lexicon) -> Lexicon:
        """This lexicon with ``other``'s entries added, an entry of ``other`` replacing one
        of the same key; a stem of ``other`` replaces the stem with the same spelling."""
        stems = {stem.stem: stem for stem in self.inn_stems}
        stems.update({stem.stem: stem for stem in other.inn_stems})
        return Lexicon(
            drugs={**self.drugs, **other.drugs},
            drug_classes={**self.drug_classes, **other.drug_classes},
            genes={**self.genes, **other.genes},
            gene_families={**self.gene_families, **other.gene_families},
            diseases={**self.diseases, **other.diseases},
            endpoints={**self.endpoints, **other.endpoints},
            inn_stems=tuple(stems.values()),
        )


def _first_wins(pairs: Iterable[tuple[str, str]]) -> Mapping[str, str]:
    # A spelling shared by two concepts is a lexicon problem (reported by lexicon_problems);
    # until it is fixed the first concept keeps it, so look-ups stay deterministic.
    table: dict[str, str] = {}
    for key, value in pairs:
        table.setdefault(key, value)
    return MappingProxyType(table)


# ---- reading --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Row:
    file: str
    line: int
    cells: Mapping[str, str]

    def text(self, column: str) -> str:
        return self.cells.get(column, "")

    def optional(self, column: str) -> str | None:
        return self.cells.get(column) or None

    def items(self, column: str) -> tuple[str, ...]:
        return tuple(item.strip() for item in self.text(column).split("|") if item.strip())

    def error(self, message: str) -> LexiconError:
        return LexiconError(f"{self.file}, line {self.line}: {message}")


def _rows(file: Traversable | Path, columns: tuple[str, ...]) -> Iterator[_Row]:
    """The rows of one TSV file; the first column is the key and must not be empty."""
    name = file.name
    header: list[str] | None = None
    for number, raw in enumerate(file.read_text(encoding="utf-8-sig").splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cells = [cell.strip() for cell in raw.split("\t")]
        if header is None:
            unknown = [cell for cell in cells if cell not in columns]
            if unknown or columns[0] not in cells or len(set(cells)) != len(cells):
                raise LexiconError(
                    f"{name}, line {number}: header must name the columns {', '.join(columns)} "
                    f"(key column {columns[0]!r} required, each once); got {', '.join(cells)}"
                )
            header = cells
            continue
        if len(cells) > len(header):
            raise LexiconError(f"{name}, line {number}: {len(cells)} cells but the header has {len(header)} columns")
        row = _Row(name, number, dict(zip(header, cells, strict=False)))
        if not row.text(columns[0]):
            raise row.error(f"empty {columns[0]!r}")
        yield row
    if header is None:
        raise LexiconError(f"{name}, line 1: no header")


def _drug(row: _Row) -> DrugEntry:
    return DrugEntry(
        inn=row.text("inn"),
        kind=row.text("kind"),
        classes=row.items("classes"),
        targets=row.items("targets"),
        synonyms=row.items("synonyms"),
        drugbank=row.optional("drugbank"),
        chebi=row.optional("chebi"),
        ncit=row.optional("ncit"),
    )


def _drug_class(row: _Row) -> DrugClassEntry:
    return DrugClassEntry(
        name=row.text("name"),
        synonyms=row.items("synonyms"),
        targets=row.items("targets"),
        parent=row.optional("parent"),
    )


def _gene(row: _Row) -> GeneEntry:
    return GeneEntry(
        symbol=row.text("symbol"),
        hgnc_id=row.optional("hgnc_id"),
        name=row.optional("name"),
        aliases=row.items("aliases"),
    )


def _gene_family(row: _Row) -> GeneFamily:
    symbols = row.items("symbols")
    if not symbols:
        raise row.error("a gene family needs at least one symbol")
    return GeneFamily(mention=row.text("mention"), symbols=symbols)


def _disease(row: _Row) -> DiseaseEntry:
    return DiseaseEntry(
        name=row.text("name"),
        curie=row.optional("curie"),
        synonyms=row.items("synonyms"),
        parent=row.optional("parent"),
    )


def _endpoint(row: _Row) -> EndpointEntry:
    name = row.text("name")
    if not name:
        raise row.error("an endpoint needs a name")
    return EndpointEntry(code=row.text("code"), name=name, synonyms=row.items("synonyms"))


def _inn_stem(row: _Row) -> InnStem:
    drug_class = row.text("class")
    if not drug_class:
        raise row.error("an INN stem needs a class")
    return InnStem(
        stem=row.text("stem").casefold(),
        drug_class=drug_class,
        targets=row.items("targets"),
        kind=row.text("kind") or "targeted",
    )


@dataclass(frozen=True)
class _Table:
    file: str
    columns: tuple[str, ...]  # the first is the key
    parse: Callable[[_Row], Any]
    key: str  # the entry attribute the table is keyed by


_TABLES = {
    "drugs": _Table(
        "drugs.tsv",
        ("inn", "kind", "classes", "targets", "synonyms", "drugbank", "chebi", "ncit"),
        _drug,
        "inn",
    ),
    "drug_classes": _Table("drug_classes.tsv", ("name", "synonyms", "targets", "parent"), _drug_class, "name"),
    "genes": _Table("genes.tsv", ("symbol", "hgnc_id", "name", "aliases"), _gene, "symbol"),
    "gene_families": _Table("gene_families.tsv", ("mention", "symbols"), _gene_family, "mention"),
    "diseases": _Table("diseases.tsv", ("name", "curie", "synonyms", "parent"), _disease, "name"),
    "endpoints": _Table("endpoints.tsv", ("code", "name", "synonyms"), _endpoint, "code"),
    "inn_stems": _Table("inn_stems.tsv", ("stem", "class", "targets", "kind"), _inn_stem, "stem"),
}


def _read_table(folder: Traversable | Path, table: _Table) -> dict[str, Any]:
    file = folder / table.file
    if not file.is_file():
        return {}
    entries: dict[str, Any] = {}
    for row in _rows(file, table.columns):
        entry = table.parse(row)
        key = getattr(entry, table.key)
        if key in entries:
            raise row.error(f"{key!r} is listed twice")
        entries[key] = entry
    return entries


def read_lexicon(folder: Traversable | Path) -> Lexicon:
    """Read whichever lexicon files a folder holds; the others are empty."""
    tables = {name: _read_table(folder, table) for name, table in _TABLES.items()}
    return Lexicon(
        drugs=tables["drugs"],
        drug_classes=tables["drug_classes"],
        genes=tables["genes"],
        gene_families=tables["gene_families"],
        diseases=tables["diseases"],
        endpoints=tables["endpoints"],
        inn_stems=tuple(tables["inn_stems"].values()),
    )


@lru_cache(maxsize=1)
def shipped_lexicon() -> Lexicon:
    """The lexicon shipped with the package, read on first use."""
    return read_lexicon(lexicon_dir())


# ---- validation -----------------------------------------------------------------------------


def _shared_spellings(what: str, spellings: Iterable[tuple[str, str]], key: Callable[[str], str] = fold) -> list[str]:
    """Problems for each spelling (by its fold) that names two concepts of one kind."""
    owners: dict[str, dict[str, str]] = {}
    for spelling, concept in spellings:
        owners.setdefault(key(spelling), {}).setdefault(concept, spelling)
    return [
        f"{what}: the spelling {next(iter(by_concept.values()))!r} names "
        + " and ".join(repr(concept) for concept in sorted(by_concept))
        for by_concept in owners.values()
        if len(by_concept) > 1
    ]


def _bad_id(what: str, value: str | None, pattern: re.Pattern[str], label: str) -> list[str]:
    if value is None or pattern.match(value):
        return []
    return [f"{what}: malformed {label} id {value!r}"]


def _drug_problems(lex: Lexicon) -> list[str]:
    problems = _shared_spellings(
        "drugs", ((spelling, d.inn) for d in lex.drugs.values() for spelling in (d.inn, *d.synonyms))
    )
    class_spellings = {fold(s): c.name for c in lex.drug_classes.values() for s in (c.name, *c.synonyms)}
    for drug in lex.drugs.values():
        where = f"drug {drug.inn!r}"
        if drug.kind not in DRUG_KINDS:
            problems.append(f"{where}: kind {drug.kind!r} is not one of {', '.join(DRUG_KINDS)}")
        problems += [f"{where}: unknown class {c!r}" for c in drug.classes if c not in lex.drug_classes]
        problems += [f"{where}: unknown target gene {t!r}" for t in drug.targets if t not in lex.genes]
        problems += [
            f"{where}: the spelling {s!r} is also the drug class {class_spellings[fold(s)]!r}"
            for s in (drug.inn, *drug.synonyms)
            if fold(s) in class_spellings
        ]
        problems += _bad_id(where, drug.drugbank, DRUGBANK_ID, "DrugBank")
        problems += _bad_id(where, drug.chebi, CHEBI_ID, "ChEBI")
        problems += _bad_id(where, drug.ncit, NCIT_DRUG_ID, "NCIt")
    return problems


def _class_problems(lex: Lexicon) -> list[str]:
    problems = _shared_spellings(
        "drug classes",
        ((spelling, c.name) for c in lex.drug_classes.values() for spelling in (c.name, *c.synonyms)),
    )
    for entry in lex.drug_classes.values():
        where = f"drug class {entry.name!r}"
        problems += [f"{where}: unknown target gene {t!r}" for t in entry.targets if t not in lex.genes]
        if entry.parent is not None and entry.parent not in lex.drug_classes:
            problems.append(f"{where}: unknown parent {entry.parent!r}")
    problems += _cycles("drug class", {c.name: c.parent for c in lex.drug_classes.values()})
    return problems


def _gene_problems(lex: Lexicon) -> list[str]:
    problems = _shared_spellings(
        "genes",
        ((spelling, g.symbol) for g in lex.genes.values() for spelling in (g.symbol, *g.aliases)),
        key=_fold_keep_case,
    )
    aliases = {_fold_keep_case(s) for g in lex.genes.values() for s in (g.symbol, *g.aliases)}
    for gene in lex.genes.values():
        problems += _bad_id(f"gene {gene.symbol!r}", gene.hgnc_id, HGNC_ID, "HGNC")
    for family in lex.gene_families.values():
        where = f"gene family {family.mention!r}"
        problems += [f"{where}: unknown gene {s!r}" for s in family.symbols if s not in lex.genes]
        if _fold_keep_case(family.mention) in aliases:
            problems.append(f"{where}: the mention is also a gene symbol or alias")
    return problems


def _disease_problems(lex: Lexicon) -> list[str]:
    problems = _shared_spellings(
        "diseases",
        ((spelling, d.name) for d in lex.diseases.values() for spelling in (d.name, *d.synonyms)),
    )
    for disease in lex.diseases.values():
        where = f"disease {disease.name!r}"
        if disease.parent is not None and disease.parent not in lex.diseases:
            problems.append(f"{where}: unknown parent {disease.parent!r}")
        if disease.curie is not None and not DISEASE_CURIE.match(disease.curie):
            problems.append(f"{where}: malformed curie {disease.curie!r} (want NCIT:C<digits> or MONDO:<7 digits>)")
    problems += _cycles("disease", {d.name: d.parent for d in lex.diseases.values()})
    return problems


def _endpoint_problems(lex: Lexicon) -> list[str]:
    problems = [
        f"endpoint {code!r}: not one of {', '.join(ENDPOINTS)}" for code in lex.endpoints if code not in ENDPOINTS
    ]
    problems += _shared_spellings(
        "endpoints",
        ((s, e.code) for e in lex.endpoints.values() for s in (e.code, e.name, *e.synonyms)),
    )
    return problems


def _stem_problems(lex: Lexicon) -> list[str]:
    problems: list[str] = []
    for stem in lex.inn_stems:
        where = f"INN stem {stem.stem!r}"
        if stem.drug_class not in lex.drug_classes:
            problems.append(f"{where}: unknown class {stem.drug_class!r}")
        if stem.kind not in DRUG_KINDS:
            problems.append(f"{where}: kind {stem.kind!r} is not one of {', '.join(DRUG_KINDS)}")
        problems += [f"{where}: unknown target gene {t!r}" for t in stem.targets if t not in lex.genes]
    return problems


def _cycles(what: str, parents: Mapping[str, str | None]) -> list[str]:
    problems = []
    for start in parents:
        seen = [start]
        current = parents.get(start)
        while current is not None and current not in seen:
            seen.append(current)
            current = parents.get(current)
        if current == start:
            problems.append(f"{what} {start!r}: its parents form a cycle ({' -> '.join([*seen, start])})")
    return problems


def lexicon_problems(lex: Lexicon) -> list[str]:
    """Every inconsistency of a lexicon, one readable line each; empty when it is sound."""
    return [
        *_drug_problems(lex),
        *_class_problems(lex),
        *_gene_problems(lex),
        *_disease_problems(lex),
        *_endpoint_problems(lex),
        *_stem_problems(lex),
    ]


__all__ = [
    "DRUG_KINDS",
    "DiseaseEntry",
    "DrugClassEntry",
    "DrugEntry",
    "EndpointEntry",
    "GeneEntry",
    "GeneFamily",
    "InnStem",
    "Lexicon",
    "LexiconError",
    "fold",
    "lexicon_problems",
    "read_lexicon",
    "shipped_lexicon",
]
