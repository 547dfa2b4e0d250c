"""Combinations: drug sets given together in a trial arm ("tested"), and pairings a paper
suggests without having tested them ("proposed").

A proposal is a clause that names a pairing ("combined with", "plus", "partners such as",
"adding X to Y", "pairing") under a hedge or a proposal word ("may", "could", "should",
"proposed", "rational", "hypothesis", "idea"). Its agents are drugs and class phrases, also
class phrases spread over a list ("CDK4/6, MDM2 or ERK inhibitors" is three classes) and
target phrases ("MEK plus CDK4/6 inhibition", "an agent blocking both CDK4 and CDK6"). Agents
joined by "or" (or a bare comma) are alternatives: each forms its own pair with the agents
named before them ("binimetinib with CDK4/6 or ERK inhibitors" is two proposals); so are
partners each given their own preposition ("X with A in one disease and with B in another").
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ingest.arm_groups import WORDS_BEFORE_COLON
from ingest.mentions import CARE_CLASSES, MODAL_MAY, Mention, Reading, Sentence, sorted_drugs
from ingest.prior_therapy import in_prior_therapy
from ingest.trials import trial_reports

_COMBINATION_CUE = re.compile(
    r"\b(?:combin\w*|pair\w*|partners?|plus|add(?:ing|ed)|together\s+with|doublets?|triplets?|backbone)\b|\+",
    re.IGNORECASE,
)
# (not "patients who could tolerate it": what patients were able to do)
_PROPOSAL_CUE = re.compile(
    rf"(?<!\bwho )\b(?:{MODAL_MAY}|might|could|should|would|probably|likely|proposed|propose[sd]?|rational\w*|"
    r"hypothes\w+|worth\w*|warrant\w*|idea|suggest\w*|future|candidates?|potential(?:ly)?|require|deserv\w*|merit\w*|"
    r"logical|next\s+step|attractive|compelling|open\s+question)\b",
    re.IGNORECASE,
)
_TRIAL_REFERENCE = re.compile(
    r"\b(?:studies|trials?|study)\s+(?:combining|of|testing|that\s+combine)\b|\b(?:is|are)\s+being\s+"
    r"(?:evaluated|tested|studied)\b",
    re.IGNORECASE,
)
# "trials combining A with B are warranted": trials still to be run
_HYPOTHETICAL_TRIAL = re.compile(
    rf"\b(?:might|could|would|should|{MODAL_MAY}|warranted|needed|required|planned|future)\b", re.IGNORECASE
)
# a test under way: "the company is also testing A with B", "A plus B is being evaluated"
_ONGOING_TEST = re.compile(
    r"\b(?:is|are)\s+(?:also\s+|now\s+|currently\s+|already\s+)*(?:testing|evaluating|studying|investigating|"
    r"being\s+(?:tested|evaluated|studied|investigated))\b",
    re.IGNORECASE,
)
_TOGETHER = re.compile(r"\b(?:with|alongside)\b", re.IGNORECASE)
_COMPARED = re.compile(r"\b(?:against|versus|vs\.?|compared\s+with|rather\s+than)\b", re.IGNORECASE)
_CLAUSES = re.compile(r";|,\s+(?:and|but|while|whereas|yet)\s+(?!that\b)", re.IGNORECASE)
_CLASS_HEAD = re.compile(r"(?:inhibitors?|antibod(?:y|ies)|blockers?|antagonists?)$", re.IGNORECASE)
_LIST_BEFORE_HEAD = re.compile(r"((?:[\w/-]+\s*(?:,|\bor\b|\band\b|,\s*or\b|,\s*and\b)\s*)+)$", re.IGNORECASE)
_TARGET_PHRASE = re.compile(
    r"(?P<targets>[A-Z][\w/-]*(?:\s*(?:,|plus|and|\+)\s*[A-Z][\w/-]*)*)\s+(?:inhibition|blockade)\b"
)
_BLOCKING_DRUG = re.compile(
    r"\b(?:drug|agent|compound|molecule|inhibitor)s?\s+(?:that|which)\s+(?:blocks?|inhibits?|targets?)\s+"
    r"(?P<targets>[\w/-]+(?:\s*(?:,|and|or)\s*[\w/-]+)*?)(?=\s*[,.;]|\s+(?:was|is|were|are|has|have|would|could|may)\b)",
    re.IGNORECASE,
)
_DESCRIBED_DRUG_GAP = re.compile(
    r"\s*(?:drug|agent)?\s*|\s*,?\s*(?:such\s+as|like|e\.g\.,?|for\s+example,?|namely)\s*|\s*\(\s*", re.IGNORECASE
)
# "or", and a repeated preposition: "with cetuximab in colorectal cancer and with pembrolizumab"
_ALTERNATIVE_GAP = re.compile(r"\bor\b|\band\s+(?:with|to)\b", re.IGNORECASE)
_PAIRING_GAP = re.compile(rf"{_COMBINATION_CUE.pattern}|\b(?:with|and|to|alongside)\b", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(?:it|its)\b", re.IGNORECASE)
# A drug named as what the pairing avoids or replaces: "without the toxicity of X", "instead of X"
_EXCLUDED_BEFORE = re.compile(
    r"\b(?:without|instead\s+of|rather\s+than|unlike|in\s+place\s+of|sparing)\b[^,;]{0,50}$", re.IGNORECASE
)


@dataclass(frozen=True)
class Pairing:
    """Drugs a sentence names together, as proposed or as being tested."""

    drugs: tuple[str, ...]
    sentence: Sentence
    rule: str


@dataclass(frozen=True)
class _Agent:
    name: str
    start: int
    end: int


def proposals(reading: Reading) -> list[Pairing]:
    found: list[Pairing] = []
    for sentence in reading.sentences:
        for start, end in _clauses(sentence):
            clause = reading.text[start:end]
            if not (_COMBINATION_CUE.search(clause) and _PROPOSAL_CUE.search(clause)):
                continue
            if _TRIAL_REFERENCE.search(clause) and not _HYPOTHETICAL_TRIAL.search(clause):
                continue  # a trial of the pairing exists; "a trial combining A with B might ..." does not
            if trial_reports(reading, sentence, start, end):
                continue  # "TRIAL-9 asked whether adding A to B would help": the trial tested it
            agents = _agents(reading, sentence, start, end)
            for drugs in _combinations(reading.text, agents):
                found.append(Pairing(drugs, sentence, "combination.hedged_proposal"))
    return found


def ongoing_tests(reading: Reading) -> list[Pairing]:
    """Pairings a text says are being tested now, outside the trials it reports ("the company is
    also testing A in combination with B and C", "TRIAL-7, which is testing A plus B against B
    alone"): tested, not proposed; a comparator after "against" is no partner."""
    found: list[Pairing] = []
    for sentence in reading.sentences:
        for start, end in _clauses(sentence):
            cue = _ONGOING_TEST.search(reading.text, start, end)
            # the hedge of the cue's own clause ("A could be tested with B"), not of a clause it
            # hangs on ("approval may depend on TRIAL-7, which is testing A plus B")
            own_start = max(start, reading.text.rfind(",", start, cue.start()) + 1) if cue else start
            if cue is None or _HYPOTHETICAL_TRIAL.search(reading.text, own_start, cue.start()):
                continue
            compared = _COMPARED.search(reading.text, cue.end(), end)
            stop = compared.start() if compared else end
            if not _COMBINATION_CUE.search(reading.text, cue.end(), stop) and not _TOGETHER.search(
                reading.text, cue.end(), stop
            ):
                continue
            # the drug tested may be named before the cue ("A is being evaluated with B")
            agents = _agents(reading, sentence, start, stop)
            for drugs in _combinations(reading.text, agents):
                found.append(Pairing(drugs, sentence, "combination.ongoing_test"))
    return found


def _clauses(sentence: Sentence) -> list[tuple[int, int]]:
    spans, start = [], sentence.start
    for match in _CLAUSES.finditer(sentence.text):
        spans.append((start, sentence.start + match.start()))
        start = sentence.start + match.end()
    spans.append((start, sentence.end))
    return spans


def _class_named(reading: Reading, target: str) -> str | None:
    by_synonym = reading.lexicon.class_by_synonym()
    for suffix in (" inhibitor", " antibody", ""):
        name = by_synonym.get((target.strip() + suffix).casefold())
        if name:
            return name
    return None


def _agents(reading: Reading, sentence: Sentence, start: int, end: int) -> list[_Agent]:
    text = reading.text
    agents: list[_Agent] = []
    mentions = [m for m in sentence.mentions if start <= m.start and m.end <= end]
    for position, mention in enumerate(mentions):
        if mention.kind in {"drug", "class"} and in_prior_therapy(text, sentence, mention.start, mention.end):
            continue  # "rather than after chemotherapy has failed": a prior line, not a partner
        if _EXCLUDED_BEFORE.search(text, start, mention.start):
            continue  # "without the bleeding risk of bevacizumab": named to be left out
        if mention.kind == "drug":
            agents.append(_Agent(mention.key, mention.start, mention.end))
        elif mention.kind == "regimen":
            # a named regimen ("the ABC regimen") gives each of its drugs, at one place
            agents.extend(_Agent(drug, mention.start, mention.end) for drug in reading.regimens.get(mention.key, ()))
        elif mention.kind == "class" and _describes_next_drug(text, mention, mentions[position + 1 :]):
            continue  # "the SHP2 inhibitor TNO155": the drug itself follows
        elif mention.kind == "class" and mention.key not in {"targeted therapy", "kinase inhibitor", *CARE_CLASSES}:
            agents.append(_Agent(mention.key, mention.start, mention.end))
            if _CLASS_HEAD.search(mention.text):
                agents.extend(_spread_list(reading, text, start, mention))
    for match in _TARGET_PHRASE.finditer(text, start, end):
        for target in re.split(r"\s*(?:,|plus|and|\+)\s*", match.group("targets")):
            name = _class_named(reading, target)
            if name:
                position = match.start() + match.group().find(target)
                agents.append(_Agent(name, position, position + len(target)))
    for match in _BLOCKING_DRUG.finditer(text, start, end):
        name = _class_named(reading, match.group("targets"))
        if name:
            agents.append(_Agent(name, match.start(), match.end()))
    for anaphor_start, anaphor_end, drug in reading.drug_anaphors(start, end):
        agents.append(_Agent(drug, anaphor_start, anaphor_end))
    for match in _PRONOUN.finditer(text, start, end):
        meant = reading.salient_drug(match.start())
        if meant and not any(a.start <= match.start() < a.end for a in agents):
            agents.append(_Agent(meant, match.start(), match.end()))
    agents.sort(key=lambda agent: (agent.start, -agent.end))
    kept: list[_Agent] = []
    for agent in agents:
        same_place = kept and (agent.start, agent.end) == (kept[-1].start, kept[-1].end)
        if kept and agent.start < kept[-1].end and not same_place:
            continue
        kept.append(agent)
    return kept


def _describes_next_drug(text: str, mention: Mention, following: list[Mention]) -> bool:
    """ "the SHP2 inhibitor TNO155", "a PI3K inhibitor such as alpelisib": the drug is the agent."""
    drug = next((m for m in following if m.kind == "drug"), None)
    gap = text[mention.end : drug.start] if drug else ""
    return drug is not None and _DESCRIBED_DRUG_GAP.fullmatch(gap) is not None


def _spread_list(reading: Reading, text: str, clause_start: int, head: object) -> list[_Agent]:
    """ "CDK4/6, MDM2 or ERK inhibitors": the words listed before a class head are classes too."""
    head_start = head.start  # type: ignore[attr-defined]
    head_word = head.text.split()[-1]  # type: ignore[attr-defined]
    before = text[clause_start:head_start]
    listed = _LIST_BEFORE_HEAD.search(before)
    if not listed:
        return []
    agents = []
    offset = clause_start + listed.start()
    for match in re.finditer(r"[\w/-]+", listed.group(1)):
        word = match.group()
        if word.casefold() in {"or", "and"}:
            continue
        name = _class_named(reading, f"{word} {head_word.rstrip('s')}") or _class_named(reading, word)
        if name:
            agents.append(_Agent(name, offset + match.start(), offset + match.end()))
    return agents


def _combinations(text: str, agents: list[_Agent]) -> list[tuple[str, ...]]:
    """The drug sets a clause's agents pair; agents far apart with no word of pairing between
    them ("the curve for A plus B crossed below that of C"), or on either side of a colon that
    ends a clause, belong to separate pairings."""
    segments: list[list[_Agent]] = [[]]
    for index, agent in enumerate(agents):
        if index:
            gap = re.sub(r"\([^()]*\)", " ", text[agents[index - 1].end : agent.start])
            if WORDS_BEFORE_COLON.search(gap) or (
                len(gap.split()) > 2 and not (_PAIRING_GAP.search(gap) or _ALTERNATIVE_GAP.search(gap))
            ):
                segments.append([])
        segments[-1].append(agent)
    combos: list[tuple[str, ...]] = []
    for segment in segments:
        combos.extend(drugs for drugs in _paired(text, segment) if drugs not in combos)
    return combos


def _paired(text: str, agents: list[_Agent]) -> list[tuple[str, ...]]:
    if len(agents) < 2:
        return []
    groups: list[list[str]] = [[agents[0].name]]
    for previous, agent in itertools.pairwise(agents):
        gap = text[previous.end : agent.start]
        if _ALTERNATIVE_GAP.search(gap) or re.fullmatch(r"\s*,\s*", gap):
            groups.append([agent.name])
        else:
            groups[-1].append(agent.name)
    if len(groups) == 1:
        drugs = sorted_drugs(groups[0])
        return [drugs] if len(drugs) >= 2 else []
    anchor = groups[0][:-1]
    if not anchor:
        return []
    alternatives = [groups[0][-1:], *groups[1:]]
    combos = []
    for alternative in alternatives:
        drugs = sorted_drugs([*anchor, *alternative])
        if len(drugs) >= 2 and drugs not in combos:
            combos.append(drugs)
    return combos
