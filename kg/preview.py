"""What a paper would add, as rows grouped for a curator: entities, trials and arms, results,
combinations, other statements; each with the rule and the sentence behind it."""

from __future__ import annotations

from typing import Any

from kg.model import Arm, Combination, Outcome, PaperFacts, TrialDesign
from kg.rdf import statement_key, summarise

_GROUPS = ((TrialDesign, "trials and arms"), (Arm, "trials and arms"), (Outcome, "results"),
           (Combination, "combinations"))


def preview_rows(facts: PaperFacts) -> list[dict[str, Any]]:
    paper = facts.document.id
    rows: list[dict[str, Any]] = []

    def entity(kind: str, summary: str) -> None:
        rows.append({"paper": paper, "group": "entities", "kind": kind, "id": None, "summary": summary,
                     "rule": "lexicon", "negated": False, "hedged": False, "sentence": None})

    for drug in facts.drugs.values():
        extra = [", ".join(drug.classes)] if drug.classes else []
        if drug.new:
            extra.append("new: not in the lexicon")
        entity("Drug", drug.name + (f" ({'; '.join(extra)})" if extra else ""))
    for gene in facts.genes.values():
        entity("Gene", gene.symbol)
    for variant in facts.variants.values():
        entity("Variant", f"{variant.gene} {variant.change}" + (f" ({variant.hgvs})" if variant.hgvs else ""))
    for disease in facts.diseases.values():
        entity("Disease", disease.name)
    for trial in facts.trials.values():
        entity("ClinicalTrial", trial.key + (f" ({trial.nct})" if trial.nct and trial.nct != trial.key else ""))

    ranked = sorted(facts.facts, key=lambda f: next(
        (i for i, (cls, _g) in enumerate(_GROUPS) if isinstance(f.statement, cls)), len(_GROUPS)))
    for fact in ranked:
        group = next((g for cls, g in _GROUPS if isinstance(fact.statement, cls)), "other")
        for evidence in fact.evidence:
            rows.append({
                "paper": paper, "group": group, "kind": type(fact.statement).__name__,
                "id": statement_key(fact.statement), "summary": summarise(fact.statement),
                "rule": evidence.rule, "negated": evidence.negated, "hedged": evidence.hedged,
                "sentence": evidence.sentence,
            })
    return rows
