"""Hand-built PaperFacts for tests of the assembling side (RDF, SHACL, load, queries)."""

from __future__ import annotations

from kg.model import (
    Arm,
    Combination,
    Disease,
    Document,
    Drug,
    DrugClass,
    Evidence,
    Gene,
    Outcome,
    PaperFacts,
    Trial,
    TrialDesign,
    Variant,
)

MEK = ("MAP2K1", "MAP2K2")


def evidence(text: str, rule: str = "test.rule", start: int = 0, **kw: bool) -> Evidence:
    return Evidence(sentence=text, start=start, end=start + len(text), rule=rule, **kw)


def mek_trial_paper(paper_id: str = "paper-a", pfs: float = 2.8, with_hr: bool = True) -> PaperFacts:
    """A paper about a randomised phase 3 trial of a MEK inhibitor against chemotherapy."""
    text = "A made-up text; the facts below carry their own sentences."
    facts = PaperFacts(Document(id=paper_id, text=text, title=f"Title of {paper_id}", year=2020))
    facts.drugs["binimetinib"] = Drug("binimetinib", ("MEK inhibitor",), MEK, ("MEK162",), "targeted")
    facts.drugs["dacarbazine"] = Drug("dacarbazine", ("chemotherapy",), (), (), "chemotherapy")
    facts.drug_classes["MEK inhibitor"] = DrugClass("MEK inhibitor", MEK)
    facts.drug_classes["chemotherapy"] = DrugClass("chemotherapy")
    for symbol in ("NRAS", *MEK):
        facts.genes[symbol] = Gene(symbol)
    facts.variants[("NRAS", "Q61R")] = Variant("NRAS", "Q61R", "p.Gln61Arg")
    facts.diseases["melanoma"] = Disease("melanoma", "NCIT:C3224")
    facts.trials["NEMO"] = Trial("NEMO", "NEMO", "NCT01763164")
    design = TrialDesign("NEMO", phase="3", randomized=True, n_enrolled=402, allocation_ratio="2:1",
                         population_genes=("NRAS",), population_diseases=("melanoma",))
    facts.add(design, evidence("NEMO randomised 402 patients with NRAS-mutant melanoma.", "trial.design"))
    facts.add(Arm("NEMO", ("binimetinib",), n=269), evidence("269 got binimetinib.", "arm.n", 60))
    facts.add(Arm("NEMO", ("dacarbazine",), n=133), evidence("133 got dacarbazine.", "arm.n", 80))
    pfs_sentence = evidence(f"Median PFS was {pfs} versus 1.5 months.", "outcome.versus", 100)
    facts.add(Outcome("NEMO", ("binimetinib",), "PFS", "median", pfs, "months"), pfs_sentence)
    facts.add(Outcome("NEMO", ("dacarbazine",), "PFS", "median", 1.5, "months"), pfs_sentence)
    if with_hr:
        facts.add(Outcome("NEMO", ("binimetinib",), "PFS", "HR", 0.62, None, ("dacarbazine",), 0.47, 0.8,
                          0.001, "<"), evidence("The hazard ratio was 0.62.", "hr.inline", 140))
    facts.add(Combination(("binimetinib", "CDK4/6 inhibitor"), "proposed"),
              evidence("Binimetinib could be combined with CDK4/6 inhibitors.", "combination.hedged", 170,
                       hedged=True))
    return facts
