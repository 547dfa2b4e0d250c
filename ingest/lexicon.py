"""The lexicon: drugs, drug classes, genes, gene families, diseases, endpoints, INN stems,
named treatment regimens, and named trials with the numbered trial series they belong to.

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
# The runs a trial name is made of: letters, or digits ("DESTINY-Breast03": DESTINY, Breast, 03).
TRIAL_PART = re.compile(r"[^\W\d_]+|\d+")
# The number of a series member: "522", "03", "9ER", "77T", "A39", "B-31".
SERIES_NUMBER = re.compile(r"[A-Z]?[-\u2010\u2011\u2013]?\d{1,5}[A-Z]{0,3}")
# A series prefix ends in a letter, so the number after it is plain to see.
SERIES_PREFIX = re.compile(r"^[^\W\d_][\w\- ]*(?<=[^\W\d_])$")
TRIAL_JOINERS = {"hyphen": "-", "space": " ", "none": ""}


class LexiconError(ValueError):
    """A lexicon file is malformed; the message names the file and line."""


def fold(text: str) -> str:
    """Case-fold a spelling and treat hyphens and runs of spaces alike.

    Two spellings with the same fold are the same spelling to the matcher, so the
    validator compares folds when it looks for a spelling shared by two concepts.
    """
    return _DASHES.sub(" ", text.casefold()).strip()


def trial_key(spelling: str) -> str:
    """The form in which the matcher compares trial names: case kept, a word and a number
    written together or apart alike, leading zeros dropped.

    "KEYNOTE-022", "KEYNOTE 22" and "KEYNOTE022" share the key "KEYNOTE22"; "DESTINY-Breast03"
    is "DESTINY Breast3". Two words stay apart, so "A LEX" is not "ALEX".
    """
    key = ""
    for part in TRIAL_PART.findall(spelling):
        if part.isdigit():
            part = part.lstrip("0") or "0"
        if key and key[-1].isdigit() == part[0].isdigit():
            key += " "
        key += part
    return key


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
class RegimenEntry:
    """A named combination ("R-CHOP", "FOLFOX") and the drugs (INNs) it stands for."""

    name: str
    synonyms: tuple[str, ...] = ()
    drugs: tuple[str, ...] = ()


@dataclass(frozen=True)
class TrialEntry:
    """A named trial: its canonical spelling (the id) and other spellings."""

    name: str
    synonyms: tuple[str, ...] = ()


@dataclass(frozen=True)
class TrialSeries:
    """A series of numbered trials ("KEYNOTE", "CheckMate"); ``joiner`` goes between the
    prefix and the number in a member's id."""

    prefix: str
    synonyms: tuple[str, ...] = ()
    joiner: str = "-"

    def member(self, number: str) -> str:
        return f"{self.prefix}{self.joiner}{number}"


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
    trials: Mapping[str, TrialEntry] = field(default_factory=dict)
    trial_series: Mapping[str, TrialSeries] = field(default_factory=dict)
    inn_stems: tuple[InnStem, ...] = ()
    regimens: Mapping[str, RegimenEntry] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name in (
            "drugs",
            "drug_classes",
            "genes",
            "gene_families",
            "diseases",
            "endpoints",
            "trials",
            "trial_series",
            "regimens",
        ):
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

    @cached_property
    def _regimen_spellings(self) -> Mapping[str, str]:
        return _first_wins(
            (spelling.casefold(), regimen.name)
            for regimen in self.regimens.values()
            for spelling in (regimen.name, *regimen.synonyms)
        )

    @cached_property
    def _trial_spellings(self) -> Mapping[str, str]:
        return _first_wins(
            (trial_key(spelling), trial.name)
            for trial in self.trials.values()
            for spelling in (trial.name, *trial.synonyms)
        )

    @cached_property
    def _series_spellings(self) -> Mapping[str, TrialSeries]:
        table: dict[str, TrialSeries] = {}
        for series in self.trial_series.values():
            for spelling in (series.prefix, *series.synonyms):
                table.setdefault(trial_key(spelling), series)
        return MappingProxyType(table)

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

    def regimen_by_synonym(self) -> dict[str, str]:
        """Every spelling of every regimen (name and synonyms), case-folded, to the name."""
        return dict(self._regimen_spellings)

    def trial_for(self, spelling: str) -> str | None:
        """The listed trial a spelling names, compared by :func:`trial_key` (case kept)."""
        return self._trial_spellings.get(trial_key(spelling))

    def series_member(self, spelling: str) -> str | None:
        """The id of the numbered series member a spelling names ("Keynote 999" ->
        "KEYNOTE-999"): a series prefix (case kept) and a number as :data:`SERIES_NUMBER`."""
        for part in reversed(list(TRIAL_PART.finditer(spelling))[1:]):
            series = self._series_spellings.get(trial_key(spelling[: part.start()]))
            number = spelling[part.start() :]
            if series is not None and SERIES_NUMBER.fullmatch(number):
                return series.member(number)
        return None

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
            trials={**self.trials, **other.trials},
            trial_series={**self.trial_series, **other.trial_series},
            inn_stems=tuple(stems.values()),
            regimens={**self.regimens, **other.regimens},
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


def _regimen(row: _Row) -> RegimenEntry:
    drugs = row.items("drugs")
    if len(drugs) < 2:
        raise row.error("a regimen needs at least two drugs")
    return RegimenEntry(name=row.text("name"), synonyms=row.items("synonyms"), drugs=drugs)


def _trial(row: _Row) -> TrialEntry:
    return TrialEntry(name=row.text("name"), synonyms=row.items("synonyms"))


def _trial_series(row: _Row) -> TrialSeries:
    joiner = row.text("joiner")
    if joiner not in TRIAL_JOINERS:
        raise row.error(f"joiner must be one of {', '.join(TRIAL_JOINERS)}; got {joiner!r}")
    return TrialSeries(prefix=row.text("prefix"), synonyms=row.items("synonyms"), joiner=TRIAL_JOINERS[joiner])


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
    "trials": _Table("trials.tsv", ("name", "synonyms"), _trial, "name"),
    "trial_series": _Table("trial_series.tsv", ("prefix", "synonyms", "joiner"), _trial_series, "prefix"),
    "inn_stems": _Table("inn_stems.tsv", ("stem", "class", "targets", "kind"), _inn_stem, "stem"),
    "regimens": _Table("regimens.tsv", ("name", "synonyms", "drugs"), _regimen, "name"),
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
        trials=tables["trials"],
        trial_series=tables["trial_series"],
        inn_stems=tuple(tables["inn_stems"].values()),
        regimens=tables["regimens"],
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


def _regimen_problems(lex: Lexicon) -> list[str]:
    problems = _shared_spellings(
        "regimens",
        ((spelling, r.name) for r in lex.regimens.values() for spelling in (r.name, *r.synonyms)),
    )
    # A regimen spelling that also names another concept would make the matcher choose
    # between them; case is ignored because longer regimen names match in any case.
    others: dict[str, str] = {}
    for what, spellings in (
        ("drug", ((s, d.inn) for d in lex.drugs.values() for s in (d.inn, *d.synonyms))),
        ("drug class", ((s, c.name) for c in lex.drug_classes.values() for s in (c.name, *c.synonyms))),
        ("gene", ((s, g.symbol) for g in lex.genes.values() for s in (g.symbol, *g.aliases))),
        ("gene family", ((f.mention, f.mention) for f in lex.gene_families.values())),
        ("disease", ((s, d.name) for d in lex.diseases.values() for s in (d.name, *d.synonyms))),
        ("endpoint", ((s, e.code) for e in lex.endpoints.values() for s in (e.code, e.name, *e.synonyms))),
    ):
        for spelling, concept in spellings:
            others.setdefault(fold(spelling), f"{what} {concept!r}")
    for regimen in lex.regimens.values():
        where = f"regimen {regimen.name!r}"
        problems += [f"{where}: unknown drug {d!r}" for d in regimen.drugs if d not in lex.drugs]
        if len(set(regimen.drugs)) < len(regimen.drugs):
            problems.append(f"{where}: a drug is listed twice")
        problems += [
            f"{where}: the spelling {s!r} is also the {others[fold(s)]}"
            for s in (regimen.name, *regimen.synonyms)
            if fold(s) in others
        ]
    return problems


def _trial_problems(lex: Lexicon) -> list[str]:
    problems = _shared_spellings(
        "trials", ((s, t.name) for t in lex.trials.values() for s in (t.name, *t.synonyms)), key=trial_key
    )
    problems += _shared_spellings(
        "trial series",
        ((s, series.prefix) for series in lex.trial_series.values() for s in (series.prefix, *series.synonyms)),
        key=trial_key,
    )
    # A trial spelling that also names an entity would be read as both; drugs, classes and
    # diseases match in any case, genes as written.
    others: dict[str, str] = {}
    for what, spellings in (
        ("drug", ((s, d.inn) for d in lex.drugs.values() for s in (d.inn, *d.synonyms))),
        ("drug class", ((s, c.name) for c in lex.drug_classes.values() for s in (c.name, *c.synonyms))),
        ("disease", ((s, d.name) for d in lex.diseases.values() for s in (d.name, *d.synonyms))),
    ):
        for spelling, concept in spellings:
            others.setdefault(fold(spelling), f"{what} {concept!r}")
    genes = {_fold_keep_case(s): g.symbol for g in lex.genes.values() for s in (g.symbol, *g.aliases)}
    for trial in lex.trials.values():
        for spelling in (trial.name, *trial.synonyms):
            where = f"trial {trial.name!r}: the spelling {spelling!r}"
            if not trial_key(spelling):
                problems.append(f"{where} has no letter or digit")
            if fold(spelling) in others:
                problems.append(f"{where} is also the {others[fold(spelling)]}")
            if _fold_keep_case(spelling) in genes:
                problems.append(f"{where} is also the gene {genes[_fold_keep_case(spelling)]!r}")
    for series in lex.trial_series.values():
        problems += [
            f"trial series {series.prefix!r}: the prefix {s!r} must start and end with a letter"
            for s in (series.prefix, *series.synonyms)
            if not SERIES_PREFIX.match(s)
        ]
        if series.joiner not in TRIAL_JOINERS.values():
            problems.append(f"trial series {series.prefix!r}: joiner {series.joiner!r} is not '-', ' ' or ''")
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
        *_trial_problems(lex),
        *_regimen_problems(lex),
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
    "RegimenEntry",
    "TrialEntry",
    "TrialSeries",
    "fold",
    "lexicon_problems",
    "read_lexicon",
    "shipped_lexicon",
    "trial_key",
]
