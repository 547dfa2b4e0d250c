"""Reading a paper: from a Document's text to the typed facts of kg.model.

``read_paper`` runs the spaCy pipeline (:mod:`ingest.nlp`), then the extractors: entities
(drugs, classes, genes, variants, diseases), trials and their design (:mod:`ingest.trials`),
results (:mod:`ingest.results`) and combinations (:mod:`ingest.combinations`). Every
statement carries the sentence that supports it, its offsets in ``Document.text``, the rule
that produced it and whether the sentence negates or hedges it.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from kg.model import (
    Arm,
    Combination,
    Disease,
    Document,
    Drug,
    DrugClass,
    Gene,
    Outcome,
    PaperFacts,
    Trial,
    TrialDesign,
    Variant,
)

if TYPE_CHECKING:
    from ingest.lexicon import Lexicon
    from ingest.mentions import Reading, Sentence
    from ingest.result_values import Result
    from ingest.trial_state import TrialState
    from ingest.trials import TrialTracker


def read_paper(document: Document, lexicon: Lexicon | None = None) -> PaperFacts:
    """Everything the paper states that the extractors recognise, with evidence."""
    from ingest.lexicon import shipped_lexicon
    from ingest.mentions import Reading
    from ingest.nlp import pipeline_for
    from ingest.sentences import CleanText

    lexicon = lexicon or shipped_lexicon()
    nlp = pipeline_for(lexicon)
    doc = nlp(CleanText(document.text).text)
    reading = Reading(document.text, doc, lexicon)
    facts = PaperFacts(document=document)
    _entities(reading, facts)
    _trials_and_results(reading, facts)
    return facts


# ---- entities ------------------------------------------------------------------------------


def _entities(reading: Reading, facts: PaperFacts) -> None:
    lexicon = reading.lexicon
    for sentence in reading.sentences:
        for mention in sentence.mentions:
            if mention.kind == "drug" and mention.key not in facts.drugs:
                facts.drugs[mention.key] = _drug(reading, mention.key)
            elif mention.kind == "regimen":
                for drug in reading.regimens.get(mention.key, ()):
                    if drug not in facts.drugs:
                        facts.drugs[drug] = _drug(reading, drug)
            elif mention.kind == "class" and mention.key not in facts.drug_classes:
                entry = lexicon.drug_classes.get(mention.key)
                facts.drug_classes[mention.key] = DrugClass(mention.key, entry.targets if entry else ())
            elif mention.kind == "disease" and mention.key not in facts.diseases:
                entry_d = lexicon.diseases.get(mention.key)
                facts.diseases[mention.key] = Disease(mention.key, entry_d.curie if entry_d else None)
            elif mention.kind == "gene":
                for symbol in gene_symbols(lexicon, mention.key):
                    if symbol not in facts.genes:
                        gene = lexicon.genes.get(symbol)
                        facts.genes[symbol] = Gene(symbol, gene.hgnc_id if gene else None, gene.name if gene else None)
    _variants(reading, facts)


def gene_symbols(lexicon: Lexicon, key: str) -> tuple[str, ...]:
    if key.startswith("family:"):
        family = lexicon.gene_families.get(key.removeprefix("family:"))
        return family.symbols if family else ()
    return (key,)


def _drug(reading: Reading, name: str) -> Drug:
    entry = reading.lexicon.drugs.get(name)
    if entry is not None:
        return Drug(
            name,
            entry.classes,
            entry.targets,
            entry.synonyms,
            entry.kind,
            entry.drugbank,
            entry.chebi,
            entry.ncit,
        )
    stem = reading.lexicon.stem_for(name)
    if stem is not None:
        return Drug(name, (stem.drug_class,), stem.targets, kind=stem.kind, new=True)
    return Drug(name, new=True)


def _variants(reading: Reading, facts: PaperFacts) -> None:
    from ingest.variants import find_variants

    gene_spans = []
    for sentence in reading.sentences:
        for mention in sentence.of("gene"):
            symbols = gene_symbols(reading.lexicon, mention.key)
            if len(symbols) == 1:
                gene_spans.append((mention.start, mention.end, symbols[0]))
    counts = Counter(symbol for _, _, symbol in gene_spans)
    for variant in find_variants(reading.text, gene_spans):
        if any(start <= variant.start < end for start, end, _ in gene_spans):
            continue  # the tail of a gene symbol ("CDKN2A"), not a protein change
        gene = variant.gene or _gene_for_change(variant.change, counts)
        if gene is None:
            continue
        facts.variants.setdefault((gene, variant.change), Variant(gene, variant.change, variant.hgvs))
        if gene not in facts.genes:
            entry = reading.lexicon.genes.get(gene)
            facts.genes[gene] = Gene(gene, entry.hgnc_id if entry else None, entry.name if entry else None)


def _gene_for_change(change: str, counts: Counter[str]) -> str | None:
    """A change written without its gene ("a Q61R substitution") belongs to the paper's most
    named gene that has that residue at that position as a known hotspot, else its most named
    gene."""
    from ingest.variants import hotspot_residue

    position = int("".join(ch for ch in change[1:] if ch.isdigit()) or 0)
    for symbol, _count in counts.most_common():
        if position and hotspot_residue(symbol, position) == change[0]:
            return symbol
    return counts.most_common(1)[0][0] if counts else None


# ---- trials, results, combinations ---------------------------------------------------------


def _trials_and_results(reading: Reading, facts: PaperFacts) -> None:
    from ingest.combinations import ongoing_tests, proposals
    from ingest.results import ResultReader
    from ingest.trials import TrialTracker

    tracker = TrialTracker(reading)
    tracker.read()
    results = ResultReader(reading, tracker).read()
    with_results = {id(result.trial) for result in results}
    kept = [t for t in tracker.trials if t.arms and not _passing_mention(tracker, t, with_results)]
    ordered = sorted(kept, key=lambda t: (min(t.sentences) if t.sentences else 10**6, t.number))
    keys: dict[int, str] = {}
    for position, trial in enumerate(ordered, start=1):
        key = trial.acronym.upper() if trial.acronym else trial.nct or f"{facts.document.id}:trial-{position}"
        keys[id(trial)] = key
        facts.trials[key] = Trial(key, trial.acronym, trial.nct)
        _design(reading, facts, trial, key)
    for result in results:
        if id(result.trial) in keys:
            _outcome(reading, facts, result, keys[id(result.trial)])
    tested: set[tuple[str, ...]] = set()
    for trial in ordered:
        for arm in trial.arms:
            for option in arm.options:
                if len(option) >= 2 and arm.sentence is not None:
                    tested.add(option)
                    facts.add(
                        Combination(option, "tested", keys[id(trial)]),
                        reading.evidence(reading.sentences[arm.sentence], "combination.arm_option"),
                    )
            # a class given in place of a drug ("chemotherapy") stays in the combination
            drugs = tuple(d for d in arm.drugs if d in facts.drugs or d in facts.drug_classes)
            if len(drugs) >= 2 and arm.sentence is not None and not arm.alternatives:
                sentence = reading.sentences[arm.sentence]
                tested.add(drugs)
                facts.add(
                    Combination(drugs, "tested", keys[id(trial)]),
                    reading.evidence(sentence, "combination.trial_arm"),
                )
    for ongoing in ongoing_tests(reading):
        if ongoing.drugs not in tested:
            tested.add(ongoing.drugs)
            facts.add(Combination(ongoing.drugs, "tested"), reading.evidence(ongoing.sentence, ongoing.rule))
    for proposal in proposals(reading):
        if proposal.drugs in tested:
            continue  # "A plus B may be an option" after a trial of A plus B: a hedged claim, not a proposal
        start, end = _span_of(reading, proposal.sentence, proposal.drugs)
        status = _status(proposal.sentence, start, end)
        facts.add(
            Combination(proposal.drugs, "proposed"),
            reading.evidence(proposal.sentence, proposal.rule, negated=status[0], hedged=True),
        )


def _passing_mention(tracker: TrialTracker, trial: TrialState, with_results: set[int]) -> bool:
    """Whether a trial is only named in passing, in sentences about another trial ("after a phase 2
    study of A looked promising, we compared A with B in a phase 3 trial"): it has no name, no
    size and no result of its own, and no arm that the other trial does not have."""
    if trial.acronym or trial.nct or trial.n_enrolled is not None or id(trial) in with_results:
        return False
    others = [[o for o in tracker.by_sentence.get(index, []) if o is not trial] for index in trial.sentences]
    if not others or not all(others):
        return False
    their_arms = {arm for trials in others for other in trials for arm in other.arm_sets()}
    return set(trial.arm_sets()) <= their_arms


def _design(reading: Reading, facts: PaperFacts, trial: TrialState, key: str) -> None:
    first = reading.sentences[min(trial.sentences)] if trial.sentences else reading.sentences[0]
    index, rule = trial.evidence.get("phase") or trial.evidence.get("n_enrolled") or (first.index, "trial.mention")
    design = TrialDesign(
        trial=key,
        # A trial known only by the phase of its part ("the phase 2 portion of TRIAL-9") is
        # reported with that phase.
        phase=trial.phase or trial.part_phase,
        randomized=trial.randomized,
        n_enrolled=trial.n_enrolled,
        allocation_ratio=trial.ratio,
        population_genes=tuple(sorted(trial.genes)),
        population_diseases=tuple(sorted(trial.diseases)),
    )
    facts.add(design, reading.evidence(reading.sentences[index], rule))
    for arm in trial.arms:
        sentence = reading.sentences[arm.sentence if arm.sentence is not None else first.index]
        facts.add(Arm(key, arm.drugs, n=arm.n, dose=arm.dose), reading.evidence(sentence, arm.rule))


def _outcome(reading: Reading, facts: PaperFacts, result: Result, key: str) -> None:
    outcome = Outcome(
        trial=key,
        arm=result.arm,
        endpoint=result.endpoint,
        measure=result.measure,
        value=result.value,
        unit=result.unit,
        comparator=result.comparator,
        ci_low=result.ci[0] if result.ci else None,
        ci_high=result.ci[1] if result.ci else None,
        p_value=result.p[1] if result.p else None,
        p_operator=result.p[0] if result.p else None,
        subgroup=result.subgroup,
        timepoint=result.timepoint,
    )
    needle = _format(result.value)
    local = result.sentence.text.find(needle)
    negated, hedged = _status(result.sentence, local, local + len(needle)) if local >= 0 else (False, False)
    facts.add(outcome, reading.evidence(result.sentence, result.rule, negated=negated, hedged=hedged))


def _format(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def _span_of(reading: Reading, sentence: Sentence, names: tuple[str, ...]) -> tuple[int, int]:
    positions = [m for m in sentence.mentions if m.key in names]
    if not positions:
        return 0, len(sentence.text)
    return sentence.local(positions[0].start), sentence.local(positions[-1].end)


def _status(sentence: Sentence, start: int, end: int) -> tuple[bool, bool]:
    from ingest.assertion import assertion_status

    status = assertion_status(sentence.text, start, end)
    return status.negated, status.hedged
