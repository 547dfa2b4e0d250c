"""PaperFacts -> an rdflib Graph in the project ontology (one graph per paper).

IRIs: entities by normalised name (drug/binimetinib, gene/NRAS, variant/NRAS-Q61R), statements
by a hash of their normalised content (so the same fact from two papers is one node), evidence
by paper + statement + sentence offsets + rule.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict, replace
from urllib.parse import quote

from rdflib import RDF, XSD, Graph, Literal, Namespace, URIRef

from kg.model import (
    Arm,
    Combination,
    Document,
    Evidence,
    Fact,
    Outcome,
    PaperFacts,
    Statement,
    TrialDesign,
    VariantFrequency,
)

EKG = Namespace("https://w3id.org/evidence-kg/ontology#")
ID = Namespace("https://w3id.org/evidence-kg/id/")


def _iri(kind: str, key: str) -> URIRef:
    return ID[f"{kind}/{quote(key, safe='')}"]


def drug_iri(name: str) -> URIRef:
    return _iri("drug", name)


def drug_class_iri(name: str) -> URIRef:
    return _iri("drug-class", name)


def gene_iri(symbol: str) -> URIRef:
    return _iri("gene", symbol)


def variant_iri(gene: str, change: str) -> URIRef:
    return _iri("variant", f"{gene}-{change}")


def disease_iri(name: str) -> URIRef:
    return _iri("disease", name)


def trial_iri(key: str) -> URIRef:
    return _iri("trial", key)


def paper_iri(paper_id: str) -> URIRef:
    return _iri("paper", paper_id)


def statement_key(statement: Statement) -> str:
    """A stable hash of a statement's normalised content (INDRA's matches_key)."""
    content = {"kind": type(statement).__name__, **asdict(statement)}
    if isinstance(statement, Arm):
        # n and dose describe the arm; they do not make it another arm
        content.pop("n")
        content.pop("dose")
    if isinstance(statement, Outcome) and statement.timepoint is None:
        # outcomes without a landmark keep the ids they had before the field existed
        content.pop("timepoint")
    blob = json.dumps(content, sort_keys=True, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()[:20]


def statement_iri(statement: Statement) -> URIRef:
    return _iri("statement", statement_key(statement))


def arm_iri(trial: str | None, drugs: tuple[str, ...], cohort: str | None) -> URIRef:
    return statement_iri(Arm(trial=trial or "", drugs=drugs, cohort=cohort))


def evidence_iri(paper_id: str, statement: URIRef, evidence: Evidence) -> URIRef:
    blob = f"{statement}|{evidence.start}|{evidence.end}|{evidence.rule}"
    return _iri("evidence", f"{paper_id}/{hashlib.sha256(blob.encode()).hexdigest()[:16]}")


def _value_text(value: float, unit: str | None) -> str:
    return f"{value:g}{'' if unit in (None, '%') else ' '}{unit or ''}"


def reading(statement: Statement) -> tuple[str, str, str]:
    """The statement as subject, predicate, object."""
    if isinstance(statement, Outcome):
        subject = " + ".join(statement.arm) + (f" ({statement.subgroup})" if statement.subgroup else "")
        obj = _value_text(statement.value, statement.unit)
        if statement.timepoint:
            obj += f" at {statement.timepoint}"
        if statement.comparator:
            obj += " vs " + " + ".join(statement.comparator)
        return subject, f"{statement.endpoint} {statement.measure}", obj
    if isinstance(statement, Arm):
        return statement.trial, "arm treated with", " + ".join(statement.drugs)
    if isinstance(statement, TrialDesign):
        return statement.trial, "design", summarise(statement)
    if isinstance(statement, Combination):
        return " + ".join(statement.drugs), f"combination {statement.status}", statement.trial or ""
    subject = f"{statement.gene} {statement.change}" if statement.change else f"{statement.gene} mutation"
    return subject, "occurs in", f"{statement.frequency} of {statement.disease}"


def summarise(statement: Statement) -> str:
    """A one-line reading of a statement, for curators."""
    if isinstance(statement, Outcome):
        value = _value_text(statement.value, statement.unit)
        at = f" at {statement.timepoint}" if statement.timepoint else ""
        parts = [" + ".join(statement.arm) or "?", statement.endpoint, f"{statement.measure} {value}{at}"]
        if statement.comparator:
            parts.append("vs " + " + ".join(statement.comparator))
        if statement.subgroup:
            parts.append(f"subgroup: {statement.subgroup}")
        return " | ".join(parts)
    if isinstance(statement, Arm):
        n = f" (n={statement.n})" if statement.n is not None else ""
        cohort = f" [{statement.cohort}]" if statement.cohort else ""
        return f"{statement.trial or '?'} arm: {' + '.join(statement.drugs)}{cohort}{n}"
    if isinstance(statement, TrialDesign):
        bits = [statement.trial]
        if statement.phase:
            bits.append(f"phase {statement.phase}")
        if statement.randomized is not None:
            bits.append("randomized" if statement.randomized else "non-randomized")
        if statement.n_enrolled is not None:
            bits.append(f"n={statement.n_enrolled}")
        return " | ".join(bits)
    if isinstance(statement, Combination):
        return f"{' + '.join(statement.drugs)} | {statement.status}"
    change = f" {statement.change}" if statement.change else ""
    return f"{statement.gene}{change} in {statement.frequency} of {statement.disease}"


class _GraphWriter:
    def __init__(self) -> None:
        self.graph = Graph()
        self.graph.bind("ekg", EKG)
        self.graph.bind("id", ID)

    def typed(self, node: URIRef, *classes: str) -> URIRef:
        for cls in classes:
            self.graph.add((node, RDF.type, EKG[cls]))
        return node

    def lit(self, node: URIRef, prop: str, value: object) -> None:
        if value is None:
            return
        if isinstance(value, bool):
            literal = Literal(value, datatype=XSD.boolean)
        elif isinstance(value, int):
            literal = Literal(value, datatype=XSD.integer)
        elif isinstance(value, float):
            literal = Literal(value, datatype=XSD.double)
        else:
            literal = Literal(str(value))
        self.graph.add((node, EKG[prop], literal))

    def lits(self, node: URIRef, prop: str, values: Iterable[object]) -> None:
        for value in values:
            self.lit(node, prop, value)

    def rel(self, subject: URIRef, prop: str, obj: URIRef) -> None:
        self.graph.add((subject, EKG[prop], obj))


def _participant_iri(facts: PaperFacts, name: str) -> tuple[URIRef, str]:
    """A drug of an arm or combination is a Drug, else a class phrase ("CDK4/6 inhibitor")."""
    if name in facts.drugs:
        return drug_iri(name), "Drug"
    return drug_class_iri(name), "DrugClass"


def paper_graph(facts: PaperFacts) -> Graph:
    """The RDF of one paper: its publication, the entities it mentions, its statements and evidence."""
    w = _GraphWriter()
    doc = facts.document
    paper = w.typed(paper_iri(doc.id), "Publication")
    _publication(w, paper, doc)

    for drug in facts.drugs.values():
        node = w.typed(drug_iri(drug.name), "Entity", "Drug")
        w.lit(node, "name", drug.name)
        w.lits(node, "synonym", drug.synonyms)
        w.lit(node, "kind", drug.kind)
        w.lit(node, "drugbank", drug.drugbank)
        w.lit(node, "chebi", drug.chebi)
        w.lit(node, "ncit", drug.ncit)
        w.lit(node, "isNew", drug.new)
        w.rel(paper, "mentions", node)
        for cls in drug.classes:
            w.rel(node, "memberOf", _drug_class(w, facts, cls))
        for target in drug.targets:
            w.rel(node, "targets", _gene(w, facts, target))
    for drug_class in facts.drug_classes.values():
        _drug_class(w, facts, drug_class.name)
    for gene in facts.genes.values():
        w.rel(paper, "mentions", _gene(w, facts, gene.symbol))
    for variant in facts.variants.values():
        w.rel(paper, "mentions", _variant(w, facts, variant.gene, variant.change))
    for disease in facts.diseases.values():
        w.rel(paper, "mentions", _disease(w, facts, disease.name))
    for trial in facts.trials.values():
        node = w.typed(trial_iri(trial.key), "Entity", "ClinicalTrial")
        w.lit(node, "name", trial.key)
        w.lit(node, "acronym", trial.acronym)
        w.lit(node, "nct", trial.nct)
        w.lit(node, "minted", trial.acronym is None and trial.nct is None)
        w.rel(paper, "mentions", node)

    for fact in [*facts.facts, *_implied_arms(facts)]:
        node = _statement(w, facts, fact.statement)
        for evidence in fact.evidence:
            ev = w.typed(evidence_iri(doc.id, node, evidence), "Evidence")
            w.lit(ev, "text", evidence.sentence)
            w.lit(ev, "start", evidence.start)
            w.lit(ev, "end", evidence.end)
            w.lit(ev, "rule", evidence.rule)
            w.lit(ev, "negated", evidence.negated)
            w.lit(ev, "hedged", evidence.hedged)
            w.lit(ev, "curatorStatus", "extracted")
            w.lit(ev, "paperId", doc.id)
            w.rel(ev, "supports", node)
            w.rel(ev, "inPublication", paper)
    return w.graph


def _implied_arms(facts: PaperFacts) -> list[Fact]:
    """Arms that a result names but no sentence describes: the result's evidence supports them."""
    stated = {statement_iri(f.statement) for f in facts.facts if isinstance(f.statement, Arm)}
    implied: dict[URIRef, Fact] = {}
    for fact in facts.facts:
        outcome = fact.statement
        if not isinstance(outcome, Outcome):
            continue
        for drugs in (outcome.arm, outcome.comparator):
            if not drugs:
                continue
            arm = Arm(trial=outcome.trial or "", drugs=drugs, cohort=outcome.cohort)
            iri = statement_iri(arm)
            if iri in stated:
                continue
            target = implied.setdefault(iri, Fact(arm))
            target.evidence.extend(replace(e, rule=f"{e.rule}>arm") for e in fact.evidence)
    return list(implied.values())


def _publication(w: _GraphWriter, paper: URIRef, doc: Document) -> None:
    w.lit(paper, "paperId", doc.id)
    w.lit(paper, "name", doc.title or doc.id)
    w.lit(paper, "title", doc.title)
    w.lit(paper, "pmid", doc.pmid)
    w.lit(paper, "doi", doc.doi)
    w.lit(paper, "journal", doc.journal)
    w.lit(paper, "year", doc.year)
    w.lit(paper, "sourceType", doc.source_type)
    w.lits(paper, "author", doc.authors)


def _gene(w: _GraphWriter, facts: PaperFacts, symbol: str) -> URIRef:
    node = w.typed(gene_iri(symbol), "Entity", "Gene")
    w.lit(node, "name", symbol)
    gene = facts.genes.get(symbol)
    if gene is not None:
        w.lit(node, "hgncId", gene.hgnc_id)
    return node


def _variant(w: _GraphWriter, facts: PaperFacts, gene: str, change: str) -> URIRef:
    node = w.typed(variant_iri(gene, change), "Entity", "Variant")
    w.lit(node, "name", f"{gene} {change}")
    w.lit(node, "gene", gene)
    w.lit(node, "change", change)
    variant = facts.variants.get((gene, change))
    if variant is not None:
        w.lit(node, "hgvs", variant.hgvs)
    w.rel(node, "variantOf", _gene(w, facts, gene))
    return node


def _drug_class(w: _GraphWriter, facts: PaperFacts, name: str) -> URIRef:
    node = w.typed(drug_class_iri(name), "Entity", "DrugClass")
    w.lit(node, "name", name)
    drug_class = facts.drug_classes.get(name)
    if drug_class is not None:
        for target in drug_class.targets:
            w.rel(node, "targets", _gene(w, facts, target))
    return node


def _disease(w: _GraphWriter, facts: PaperFacts, name: str) -> URIRef:
    node = w.typed(disease_iri(name), "Entity", "Disease")
    w.lit(node, "name", name)
    disease = facts.diseases.get(name)
    if disease is not None:
        w.lit(node, "curie", disease.curie)
    return node


def _trial(w: _GraphWriter, key: str) -> URIRef:
    node = w.typed(trial_iri(key), "Entity", "ClinicalTrial")
    w.lit(node, "name", key)
    return node


def _arm_node(w: _GraphWriter, facts: PaperFacts, trial: str | None, drugs: tuple[str, ...],
              cohort: str | None) -> URIRef:
    node = w.typed(arm_iri(trial, drugs, cohort), "Statement", "Arm")
    w.lits(node, "drugs", drugs)
    w.lit(node, "cohort", cohort)
    if trial:
        w.lit(node, "trialKey", trial)
        w.rel(node, "inTrial", _trial(w, trial))
    for name in drugs:
        participant, cls = _participant_iri(facts, name)
        w.typed(participant, "Entity", cls)
        w.lit(participant, "name", name)
        w.rel(node, "treatedWith", participant)
    # without n: an arm's identity (and so its summary) does not depend on its size
    w.lit(node, "summary", summarise(Arm(trial=trial or "", drugs=drugs, cohort=cohort)))
    return node


def _statement(w: _GraphWriter, facts: PaperFacts, statement: Statement) -> URIRef:
    node = _statement_node(w, facts, statement)
    for prop, text in zip(("subjectLabel", "predicateLabel", "objectLabel"), reading(statement), strict=True):
        w.lit(node, prop, text or None)
    return node


def _statement_node(w: _GraphWriter, facts: PaperFacts, statement: Statement) -> URIRef:
    if isinstance(statement, Arm):
        node = _arm_node(w, facts, statement.trial, statement.drugs, statement.cohort)
        w.lit(node, "n", statement.n)
        w.lit(node, "dose", statement.dose)
        return node
    node = w.typed(statement_iri(statement), "Statement", type(statement).__name__)
    w.lit(node, "summary", summarise(statement))
    if isinstance(statement, TrialDesign):
        w.rel(node, "describesTrial", _trial(w, statement.trial))
        w.lit(node, "trialKey", statement.trial)
        w.lit(node, "phase", statement.phase)
        w.lit(node, "randomized", statement.randomized)
        w.lit(node, "nEnrolled", statement.n_enrolled)
        w.lit(node, "allocationRatio", statement.allocation_ratio)
        w.lit(node, "lineOfTherapy", statement.line_of_therapy)
        for symbol in statement.population_genes:
            w.rel(node, "populationGene", _gene(w, facts, symbol))
        for gene, change in statement.population_variants:
            w.rel(node, "populationVariant", _variant(w, facts, gene, change))
        for disease in statement.population_diseases:
            w.rel(node, "populationDisease", _disease(w, facts, disease))
    elif isinstance(statement, Outcome):
        if statement.trial:
            w.rel(node, "inTrial", _trial(w, statement.trial))
            w.lit(node, "trialKey", statement.trial)
        w.rel(node, "forArm", _arm_node(w, facts, statement.trial, statement.arm, statement.cohort))
        if statement.comparator:
            w.rel(node, "versusArm", _arm_node(w, facts, statement.trial, statement.comparator, statement.cohort))
            w.lits(node, "comparatorDrugs", statement.comparator)
        w.lits(node, "drugs", statement.arm)
        w.lit(node, "endpoint", statement.endpoint)
        w.lit(node, "measure", statement.measure)
        w.lit(node, "value", float(statement.value))
        w.lit(node, "unit", statement.unit)
        w.lit(node, "ciLow", None if statement.ci_low is None else float(statement.ci_low))
        w.lit(node, "ciHigh", None if statement.ci_high is None else float(statement.ci_high))
        w.lit(node, "pValue", None if statement.p_value is None else float(statement.p_value))
        w.lit(node, "pOperator", statement.p_operator)
        w.lit(node, "subgroup", statement.subgroup)
        w.lit(node, "cohort", statement.cohort)
        w.lit(node, "timepoint", statement.timepoint)
    elif isinstance(statement, Combination):
        w.lits(node, "drugs", statement.drugs)
        w.lit(node, "status", statement.status)
        if statement.trial:
            w.rel(node, "inTrial", _trial(w, statement.trial))
            w.lit(node, "trialKey", statement.trial)
        for name in statement.drugs:
            participant, cls = _participant_iri(facts, name)
            w.typed(participant, "Entity", cls)
            w.lit(participant, "name", name)
            w.rel(node, "combines", participant)
    elif isinstance(statement, VariantFrequency):
        w.rel(node, "ofGene", _gene(w, facts, statement.gene))
        if statement.change:
            w.rel(node, "ofVariant", _variant(w, facts, statement.gene, statement.change))
        w.rel(node, "inDisease", _disease(w, facts, statement.disease))
        w.lit(node, "frequency", statement.frequency)
    return node
