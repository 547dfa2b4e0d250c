"""The typed model between reading (ingest/) and assembling (kg/).

Reading turns a Document into a PaperFacts: the entities the paper mentions and the
statements it makes, each statement carrying the Evidence (sentence, offsets, rule,
negated, hedged) that supports it. Assembling turns PaperFacts into RDF (kg.rdf).

Identity follows INDRA: an entity's key is its normalised name; a statement's key is a hash
of its normalised content (kg.rdf mints the IRIs), so two papers stating the same fact
give one statement with two evidences.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

PHASES = ("1", "1b", "2", "1/2", "1b/2", "2/3", "3", "4")
ENDPOINTS = ("PFS", "OS", "ORR", "DOR", "DCR")
MEASURES = ("median", "rate", "HR")
UNITS = ("months", "weeks", "%")
SOURCE_TYPES = ("article", "abstract", "commentary", "news", "registry", "review", "other")

CombinationStatus = Literal["tested", "proposed"]
POperator = Literal["=", "<", "<=", ">", ">="]


@dataclass(frozen=True)
class Document:
    """A paper's text and what is known about it before reading."""

    id: str
    text: str
    title: str | None = None
    pmid: str | None = None
    doi: str | None = None
    journal: str | None = None
    year: int | None = None
    authors: tuple[str, ...] = ()
    source_type: str | None = None
    source_path: str | None = None


@dataclass(frozen=True)
class Evidence:
    """One sentence of a paper that supports a statement."""

    sentence: str
    start: int  # character offsets of the sentence in Document.text
    end: int
    rule: str  # the pattern or component that produced the fact
    negated: bool = False
    hedged: bool = False


# ---- entities (global, merged by key) ---------------------------------------------------


@dataclass(frozen=True)
class Drug:
    name: str  # lower-case INN, or an upper-case code when there is no INN
    classes: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()  # HGNC symbols
    synonyms: tuple[str, ...] = ()
    kind: str | None = None  # targeted | antibody | chemotherapy | ...
    drugbank: str | None = None
    chebi: str | None = None
    ncit: str | None = None
    new: bool = False  # not in the lexicon: recognised by an INN stem or code pattern


@dataclass(frozen=True)
class DrugClass:
    name: str  # "MEK inhibitor", "CDK4/6 inhibitor", "chemotherapy"
    targets: tuple[str, ...] = ()


@dataclass(frozen=True)
class Gene:
    symbol: str  # HGNC symbol
    hgnc_id: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class Variant:
    gene: str  # HGNC symbol
    change: str  # short protein change: "Q61R", or codon level "Q61"
    hgvs: str | None = None  # "p.Gln61Arg", "p.Gln61"


@dataclass(frozen=True)
class Disease:
    name: str  # lower-case main term
    curie: str | None = None  # NCIT:C3224 or MONDO:0005105


@dataclass(frozen=True)
class Trial:
    """A clinical trial, named by NCT id, else acronym, else a label minted from the paper."""

    key: str
    acronym: str | None = None
    nct: str | None = None


# ---- statements (content-identified, each with evidence) --------------------------------


@dataclass(frozen=True)
class TrialDesign:
    """What a paper says of a trial's design and population."""

    trial: str  # Trial.key
    phase: str | None = None
    randomized: bool | None = None
    n_enrolled: int | None = None
    allocation_ratio: str | None = None  # "2:1"
    population_genes: tuple[str, ...] = ()
    population_variants: tuple[tuple[str, str], ...] = ()  # (gene, change)
    population_diseases: tuple[str, ...] = ()
    line_of_therapy: str | None = None


@dataclass(frozen=True)
class Arm:
    """A trial's arm: the drugs (or class phrases) it gave, for one cohort."""

    trial: str
    drugs: tuple[str, ...]  # sorted drug names; class phrases such as "chemotherapy" allowed
    cohort: str | None = None
    n: int | None = None
    dose: str | None = None


@dataclass(frozen=True)
class Outcome:
    """A reported result: a median, a rate or a hazard ratio of one arm."""

    trial: str | None
    arm: tuple[str, ...]  # the arm's drugs (an Arm of the same trial and cohort)
    endpoint: str  # PFS | OS | ORR | DOR | DCR
    measure: str  # median | rate | HR
    value: float
    unit: str | None = None  # months | weeks | % | None
    comparator: tuple[str, ...] | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    p_value: float | None = None
    p_operator: str | None = None
    subgroup: str | None = None
    cohort: str | None = None
    timepoint: str | None = None  # a rate's landmark time: "2 years", "18 months"


@dataclass(frozen=True)
class Combination:
    drugs: tuple[str, ...]  # sorted; drug names or class phrases ("CDK4/6 inhibitor")
    status: str  # tested | proposed
    trial: str | None = None


@dataclass(frozen=True)
class VariantFrequency:
    """A variant (or a gene's mutations) occurs in a share of a disease."""

    gene: str
    change: str | None  # None for the gene-level category ("NRAS-mutant")
    disease: str
    frequency: str  # as printed: "20%", "15-20%"


Statement = TrialDesign | Arm | Outcome | Combination | VariantFrequency


@dataclass
class Fact:
    """A statement with the evidence for it in one paper."""

    statement: Statement
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class PaperFacts:
    """Everything reading found in one paper."""

    document: Document
    drugs: dict[str, Drug] = field(default_factory=dict)
    drug_classes: dict[str, DrugClass] = field(default_factory=dict)
    genes: dict[str, Gene] = field(default_factory=dict)
    variants: dict[tuple[str, str], Variant] = field(default_factory=dict)
    diseases: dict[str, Disease] = field(default_factory=dict)
    trials: dict[str, Trial] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)

    def add(self, statement: Statement, evidence: Evidence) -> None:
        """Record a statement, merging evidence when the paper states it again."""
        for fact in self.facts:
            if fact.statement == statement:
                if evidence not in fact.evidence:
                    fact.evidence.append(evidence)
                return
        self.facts.append(Fact(statement, [evidence]))
