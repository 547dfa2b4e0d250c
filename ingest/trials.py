"""Trials: which trial each sentence talks about, and what it says of the trial's design.

A trial is named by an acronym or an NCT id, or introduced by a phrase such as "a randomised
phase II study". Mentions in one sentence that sit together ("NEMO (NCT01763164)", "the phase
III NEMO trial", "COMBI-d, a randomised phase III trial") are one trial; "this trial", "the
study" and sentences that only describe a design ("Participants were randomised 2:1 to ...")
refer to the trial in focus. An indefinite mention is a new trial unless it re-mentions a
known one (same phase, drugs already among its arms), or it is the only unnamed mention in a
sentence that names one trial. A trial announced in the title is the trial the body then
names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.mentions import Agent, AgentContext, Reading, Sentence, sorted_drugs
from ingest.numbers import parse_number

_NUMBER_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)"
)
# A count of patients as printed: "402", "1,024", "Seventy-one", "One hundred".
COUNT = rf"\d[\d,]*|{_NUMBER_WORD}(?:[\s-](?:and\s+)?{_NUMBER_WORD})*"


def count_value(text: str) -> int | None:
    value = parse_number(text)
    return int(value) if value is not None and value == int(value) else None


_TRIAL_NOUN = re.compile(r"\b(?:trials?|study|studies)\b", re.IGNORECASE)
_PHASE_TO_NOUN = re.compile(
    r"[\s,\w-]{0,30}?\b(?P<noun>trials?|study|studies|part|portion|cohort|stage)\b", re.IGNORECASE
)
_DEFINITE = re.compile(r"\b(?:the|this|that|these|its|our)\b", re.IGNORECASE)
_INDEFINITE = re.compile(r"\b(?:a|an|another|one)\b", re.IGNORECASE)
_ANAPHORIC_TRIAL = re.compile(
    r"\b(?:the|this|that|our)\s+(?:[\w-]+\s+){0,4}?(?:trial|study)\b(?!\s+(?:of|design))", re.IGNORECASE
)
_RANDOMISED = re.compile(
    r"\b(?:randomi[sz]ed|randomly|randomi[sz]ation|at random|random (?:assignment|allocation))\b", re.I
)
_NOT_RANDOMISED = re.compile(r"\b(?:non-?randomi[sz]ed|single[- ]arm|open-label single|uncontrolled)\b", re.I)
_RATIO = re.compile(r"\b([1-4])\s*:\s*([1-4])\b")
_DESIGN_VERB = re.compile(
    r"\b(?:randomi[sz]ed|randomly assigned|assigned|allocated|enrolled|recruited|received|receiving|"
    r"took|treated|given|compared|pitted|evaluat\w+|tested|enrol\w*|Enrollment|Arms?|Experimental|"
    r"comparator)\b",
    re.IGNORECASE,
)
_ARM_START = re.compile(
    r"\b(?:randomi[sz]ed|randomly assigned|assigned|allocated|received|receiving|took|given|compared|"
    r"pitted|evaluated|tested|treated)\b",
    re.IGNORECASE,
)
_PRIOR_THERAPY = re.compile(
    r"\b(?:after|following|progress\w*\s+(?:on|after)(?:\s+or\s+after)?|prior|previous(?:ly)?|"
    r"pre-?treated|refractory\s+to|resistant\s+to|failure\s+of|progression\s+on|already|earlier|"
    r"naive\s+to|untreated|received\s+(?:prior|previous)|had\s+(?:already\s+)?received)\b[^.;,]{0,50}$",
    re.IGNORECASE,
)
_SPLIT = re.compile(
    r"\b(?:or|versus|vs|compared|comparison|against|over|than|whereas|while|respectively)\b|\bvs\.",
    re.IGNORECASE,
)
_STANDALONE_NUMBER = re.compile(r"(?<![\w/.-])\d+(?:\.\d+)?(?![\w/-])")
_JOIN = re.compile(
    r"\+|\bplus\b|\band\b|\bwith\b|\btogether\b|\bcombin\w*|\bpaired\b|\balongside\b|/", re.IGNORECASE
)
# Doses and schedules between a drug and its partner: "45 mg orally twice daily", "1000 mg/m2 Q3W".
_DOSE = re.compile(
    r"\d+(?:[.,]\d+)?\s*(?:[-\u2013]\s*\d+(?:[.,]\d+)?\s*)?(?:mg|g|mcg|\u00b5g|ug|IU|units?)\b(?:/(?:m2|m\u00b2|kg|day|d))?"
    r"|\b[Qq]\d+[WwHhDd]\b|\bday\s+\d+|\b\d+-day\b|\bevery\s+\d+\s+(?:weeks?|days?)",
)
_ADDING = re.compile(r"\badd(?:ing|ed|ition of)\b", re.IGNORECASE)
_ADDED_TO = re.compile(r"\badded\s+(?:on\s+)?to\b", re.IGNORECASE)
_REGISTRY_ARM = re.compile(
    r"^\s*[-*\u2022]?\s*(?:Experimental|Active comparator|Placebo comparator|Comparator|Arm(?: [A-Z0-9]+)?|"
    r"No intervention|Other)\s*:\s*(?P<label>[^.]+)\.\s*(?P<body>.*)$",
    re.IGNORECASE,
)
_ARM_N = re.compile(r"\(\s*n\s*=\s*(\d+)\s*\)|\((\d+)\s+(?:patients|participants)\)", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while|whereas|yet)\b|\.\s", re.IGNORECASE)

_ENROLMENT = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        rf"\bEnrol(?:l)?ment\b[^:]*:\s*(?P<n>{COUNT})",
        rf"\b(?:randomi[sz]ed|randomly assigned|enrolled|recruited|assigned|allocated|took|included)\s+"
        rf"(?P<n>{COUNT})\s+(?:\w+\s+){{0,2}}?(?:patients|participants|subjects|adults)\b",
        rf"\bOf\s+(?:the\s+)?(?P<n>{COUNT})\s+(?:randomi[sz]ed\s+|enrolled\s+|treated\s+)?(?:patients|participants)\b",
        rf"\b(?:In\s+total,?\s+)?(?P<n>{COUNT})\s+(?:\w+\s+){{0,2}}?"
        rf"(?:patients|participants|subjects|adults)\b"
        rf"[^.;]{{0,60}}?\b(?:were|was)\s+"
        rf"(?:randomi[sz]ed|enrolled|treated|assigned|allocated|recruited|included)",
        rf"(?<![\w.])(?P<n>{COUNT})\s+(?:\w+\s+){{0,2}}?(?:patients|participants)\s+"
        rf"(?:took|received|were given)\b",
        rf"\b(?:trial|study)\s+(?:of|in|with|that enrolled)\s+(?P<n>{COUNT})\s+(?:patients|participants)\b",
        rf"\bin\s+(?P<n>{COUNT})\s+(?:patients|participants)\b(?=[^.;]*\b(?:randomi|compar))",
        rf"(?<=compared)[^.;]{{0,120}}?\bin\s+(?P<n>{COUNT})\s+(?:patients|participants)\b",
        rf"\b(?:cohort|total)\s+of\s+(?P<n>{COUNT})\s+(?:\w+\s+)?(?:patients|participants)\b",
        rf"%\s+of\s+(?:the\s+)?(?P<n>{COUNT})\s+(?:\w+\s+)?(?:patients|participants)\b",
    )
)
_SUBGROUP_COUNT = re.compile(r"\b(?:among|in)\s+(?:the\s+|these\s+)?$|\bsubgroup\b|\(\s*n\s*=", re.IGNORECASE)


@dataclass
class ArmState:
    drugs: tuple[str, ...]
    n: int | None = None
    dose: str | None = None
    label: str | None = None
    sentence: int | None = None
    rule: str = "arm.design"


@dataclass
class TrialState:
    number: int
    acronym: str | None = None
    nct: str | None = None
    phase: str | None = None
    part_phase: str | None = None
    randomized: bool | None = None
    n_enrolled: int | None = None
    ratio: str | None = None
    arms: list[ArmState] = field(default_factory=list)
    genes: set[str] = field(default_factory=set)
    diseases: set[str] = field(default_factory=set)
    from_title: bool = False
    has_cohorts: bool = False
    sentences: list[int] = field(default_factory=list)
    evidence: dict[str, tuple[int, str]] = field(default_factory=dict)  # field -> (sentence, rule)
    labels: dict[str, tuple[str, ...]] = field(default_factory=dict)  # registry arm labels
    chemotherapy: set[str] = field(default_factory=set)  # drugs of its arms that are standard chemotherapy

    @property
    def drugs(self) -> set[str]:
        return {drug for arm in self.arms for drug in arm.drugs}

    def arm_sets(self) -> list[tuple[str, ...]]:
        seen: list[tuple[str, ...]] = []
        for arm in self.arms:
            if arm.drugs not in seen:
                seen.append(arm.drugs)
        return seen

    def add_arm(self, drugs: tuple[str, ...], sentence: int, rule: str, n: int | None = None) -> None:
        if not drugs:
            return
        for arm in self.arms:
            if arm.drugs == drugs:
                if arm.n is None and n is not None:
                    arm.n = n
                return
        self.arms.append(ArmState(drugs, n=n, sentence=sentence, rule=rule))

    def note_chemotherapy(self, reading: Reading) -> None:
        self.chemotherapy = {
            d for d in self.drugs if d == "chemotherapy" or "chemotherapy" in reading.drug_classes(d)
        }

    def control_arm(self) -> tuple[str, ...] | None:
        """The comparator: an arm whose drugs are all in another arm, else a chemotherapy or
        class-phrase arm facing a drug arm, else the second arm."""
        sets = self.arm_sets()
        if len(sets) < 2:
            return None
        for arm in sets:
            if any(arm != other and set(arm) < set(other) for other in sets):
                return arm
        standard = [arm for arm in sets if all(self.standard_care(d) for d in arm)]
        if len(standard) == 1:
            return standard[0]
        return sets[1]

    def standard_care(self, drug: str) -> bool:
        return drug in self.chemotherapy

    def experimental_arm(self) -> tuple[str, ...] | None:
        sets = self.arm_sets()
        control = self.control_arm()
        for arm in sets:
            if arm != control:
                return arm
        return sets[0] if sets else None

    def set_once(self, name: str, value: object, sentence: int, rule: str) -> None:
        if value is None or getattr(self, name) is not None:
            return
        setattr(self, name, value)
        self.evidence[name] = (sentence, rule)


@dataclass
class _Group:
    """Trial mentions in one sentence that name one trial."""

    start: int
    end: int
    names: list[str] = field(default_factory=list)  # acronyms as written
    ncts: list[str] = field(default_factory=list)
    phase: str | None = None
    part_phase: str | None = None
    definite: bool = False
    indefinite: bool = False
    anaphoric: bool = False


def agent_groups(
    reading: Reading, sentence: Sentence, start: int, end: int, context: AgentContext, skip_prior: bool = True
) -> list[tuple[tuple[str, ...], Agent]]:
    """Drug sets named between two offsets, split at "or"/"versus", joined at "plus"/"with".

    "adding A to B" and "A added to B" give two sets, A+B and B. Placebo is dropped from a
    set; agents in a prior-therapy phrase ("progressing after immunotherapy") are not arms.
    Each set comes with the agent where it starts.
    """
    text = reading.text
    agents = [
        agent
        for agent in reading.agents(sentence, start, end, context)
        if not (
            skip_prior and _PRIOR_THERAPY.search(text[max(sentence.start, agent.start - 70) : agent.start])
        )
    ]
    groups: list[tuple[list[str], Agent]] = []
    extra: list[tuple[list[str], Agent]] = []
    control: list[str] | None = None  # the arm "adding A to B" compares with: B
    compare_open = re.search(r"\bcompar\w*\b", text[start : agents[0].start], re.I) if agents else None
    for index, agent in enumerate(agents):
        if index == 0:
            groups.append((list(agent.drugs), agent))
            continue
        gap = text[agents[index - 1].end : agent.start]
        previous_drugs = groups[-1][0]
        if set(agent.drugs) <= set(previous_drugs) and agent.drugs and not _SPLIT.search(gap):
            continue  # the same drug again: an alias or an appositive
        if len(gap.split()) > 14 or _CLAUSE_BREAK.search(gap):
            groups.append((list(agent.drugs), agent))
            control = None
            continue
        if _ADDED_TO.search(gap) or (
            re.search(r"\bto\b", gap, re.I)
            and _ADDING.search(text[max(start, agents[index - 1].start - 12) : agents[index - 1].start])
        ):
            # "adding A to B" / "A added to B": the trial compares A+B with B alone.
            control = list(agent.drugs)
            extra.append((control, agent))
            groups[-1][0].extend(agent.drugs)
            continue
        split = _SPLIT.search(gap) is not None or _STANDALONE_NUMBER.search(_DOSE.sub("", gap)) is not None
        if compare_open and re.search(r"\bwith\b", gap, re.I) and not re.search(r"\bplus\b|\+", gap):
            split = True
            compare_open = None
        if not split and _JOIN.search(gap):
            groups[-1][0].extend(agent.drugs)
            if control is not None:
                control.extend(agent.drugs)
        else:
            groups.append((list(agent.drugs), agent))
            control = None
    result: list[tuple[tuple[str, ...], Agent]] = []
    for drugs, agent in [*groups, *extra]:
        kept = sorted_drugs(drugs)
        if kept and kept not in [r[0] for r in result]:
            result.append((kept, agent))
    # "the one MEK inhibitor ..., binimetinib": a class phrase next to a drug of that class is
    # a description of the drug, not an arm of its own.
    singles = [r[0][0] for r in result if len(r[0]) == 1]
    return [
        (drugs, agent)
        for drugs, agent in result
        if not (
            agent.kind == "class"
            and len(drugs) == 1
            and any(drugs[0] in reading.drug_classes(d) for d in singles if d != drugs[0])
        )
    ]


class TrialTracker:
    """Reads sentences in order and keeps the trials and the trial in focus."""

    def __init__(self, reading: Reading) -> None:
        self.reading = reading
        self.trials: list[TrialState] = []
        self.current: TrialState | None = None
        self.by_sentence: dict[int, list[TrialState]] = {}
        self.context = AgentContext(reading)

    # -- finding -----------------------------------------------------------------------------

    def find(self, name: str | None = None, nct: str | None = None) -> TrialState | None:
        for trial in self.trials:
            if name and trial.acronym and trial.acronym.casefold() == name.casefold():
                return trial
            if nct and trial.nct == nct:
                return trial
        return None

    def _new(self, sentence: Sentence) -> TrialState:
        trial = TrialState(number=len(self.trials) + 1, from_title=sentence.index == 0)
        self.trials.append(trial)
        return trial

    def focus(self, trial: TrialState | None) -> None:
        self.current = trial
        self.context.arms = trial.arm_sets() if trial else []

    # -- mentions ----------------------------------------------------------------------------

    def _groups(self, sentence: Sentence) -> list[_Group]:
        text = self.reading.text
        groups: list[_Group] = []
        for mention in sentence.of("trial", "nct", "phase"):
            if mention.kind == "phase":
                noun = _PHASE_TO_NOUN.match(text, mention.end)
                field_line = re.match(r"\s*Phase\s*:\s*$", text[sentence.start : mention.start], re.I)
                if noun is None and not field_line:
                    continue
                group = _Group(mention.start, noun.end() if noun else mention.end)
                if noun and noun.group("noun").casefold() in {"part", "portion", "cohort", "stage"}:
                    group.part_phase = mention.key
                else:
                    group.phase = mention.key
                article = text[max(sentence.start, mention.start - 60) : mention.start]
                words = re.findall(r"[A-Za-z]+", article)[-4:]
                for word in reversed(words):
                    if _DEFINITE.fullmatch(word):
                        group.definite = True
                        break
                    if _INDEFINITE.fullmatch(word):
                        group.indefinite = True
                        break
            elif mention.kind == "trial":
                group = _Group(mention.start, mention.end, names=[mention.key])
            else:
                group = _Group(mention.start, mention.end, ncts=[mention.key])
            if groups and self._adjacent(groups[-1], group):
                self._merge(groups[-1], group)
            else:
                groups.append(group)
        if not groups:
            for match in _ANAPHORIC_TRIAL.finditer(sentence.text):
                start = sentence.start + match.start()
                groups.append(_Group(start, sentence.start + match.end(), definite=True, anaphoric=True))
                break
        return groups

    def _adjacent(self, first: _Group, second: _Group) -> bool:
        gap = self.reading.text[first.end : second.start]
        if first.part_phase and not (first.names or first.ncts) and re.fullmatch(r"\s*of\s+[\w\s,-]*", gap):
            return True
        if len(gap) <= 3:  # "NEMO (NCT...", "phase III NEMO"
            return True
        if re.fullmatch(r"\s*(?:trial|study)?\s*\(\s*", gap):
            return True
        both_named = (first.names or first.ncts) and (second.names or second.ncts)
        appositive = re.fullmatch(r",\s+(?:a|an|the|which|that)\b[^;()]{0,60}", gap)
        return bool(appositive) and not both_named

    @staticmethod
    def _merge(into: _Group, other: _Group) -> None:
        into.end = other.end
        into.names += other.names
        into.ncts += other.ncts
        into.phase = into.phase or other.phase
        into.part_phase = into.part_phase or other.part_phase
        into.definite = into.definite or other.definite
        into.indefinite = into.indefinite or other.indefinite

    def _resolve(self, sentence: Sentence, group: _Group) -> TrialState:
        trial = None
        for name in group.names:
            trial = trial or self.find(name=name)
        for nct in group.ncts:
            trial = trial or self.find(nct=nct)
        current = self.current
        compatible = current is not None and (
            group.phase is None or current.phase is None or current.phase == group.phase
        )
        if current is not None and ((group.names and current.acronym) or (group.ncts and current.nct)):
            compatible = False  # a second name is a second trial
        if trial is None and (group.names or group.ncts) and current is not None and compatible:
            # "This phase II trial (NCT...)" names the trial in focus; so does a record's ID
            # field, and the first name the body gives to a trial announced in the title.
            untitled = current.from_title and not (current.acronym or current.nct)
            if group.definite or untitled or self._fills_record(current, group):
                trial = current
        if trial is None and not (group.names or group.ncts):
            if group.definite and current is not None and compatible:
                trial = current
            elif group.indefinite or group.phase or group.part_phase:
                trial = self._remention(sentence, group)
            elif current is not None:
                trial = current
        if trial is None:
            trial = self._new(sentence)
        for name in group.names:
            trial.acronym = trial.acronym or name
        for nct in group.ncts:
            trial.nct = trial.nct or nct
        if group.phase:
            trial.set_once("phase", group.phase, sentence.index, "trial.phase")
        if group.part_phase and (trial.phase is None or trial.phase != group.part_phase):
            trial.part_phase = group.part_phase
        return trial

    def _fills_record(self, current: TrialState, group: _Group) -> bool:
        """A registry record names its trial field by field ("Acronym:", "ID:" lines)."""
        field_line = re.match(
            r"\s*[\w. ]+:\s*$", self.reading.text[self._sentence_start(group) : group.start]
        )
        if not field_line:
            return False
        return (bool(group.ncts) and current.nct is None) or (bool(group.names) and current.acronym is None)

    def _sentence_start(self, group: _Group) -> int:
        for sentence in self.reading.sentences:
            if sentence.start <= group.start < sentence.end:
                return sentence.start
        return group.start

    def _remention(self, sentence: Sentence, group: _Group) -> TrialState | None:
        """An indefinite mention that repeats a known trial: same phase, and every drug of its
        clause already in that trial."""
        clause = _clause_around(self.reading.text, sentence, group.start)
        drugs = {m.key for m in sentence.of("drug") if clause[0] <= m.start < clause[1]}
        named = [t for t in self.by_sentence.get(sentence.index, []) if t.acronym or t.nct]
        if len(named) == 1 and not drugs - named[0].drugs and named[0].phase in (None, group.phase):
            return named[0]
        for trial in self.trials:
            if trial.phase == group.phase and drugs and drugs <= trial.drugs:
                return trial
        return None

    # -- the pass ----------------------------------------------------------------------------

    def read(self) -> None:
        paragraph = 0
        for sentence in self.reading.sentences:
            starts_paragraph = (
                sentence.index > 0
                and "\n" in self.reading.text[self.reading.sentences[sentence.index - 1].end : sentence.start]
            )
            if starts_paragraph:
                paragraph += 1
            groups = self._groups(sentence)
            # Named trials first, so an unnamed mention in the same sentence can join them.
            ordered = sorted(groups, key=lambda g: not (g.names or g.ncts))
            found: list[tuple[_Group, TrialState]] = []
            for group in ordered:
                trial = self._resolve(sentence, group)
                self.by_sentence.setdefault(sentence.index, [])
                if trial not in self.by_sentence[sentence.index]:
                    self.by_sentence[sentence.index].append(trial)
                found.append((group, trial))
                self.focus(trial)
            found.sort(key=lambda pair: pair[0].start)
            if found:
                # The sentence's last trial stays in focus, unless it is only the object of a
                # comparison; the first named one then keeps it.
                self.focus(
                    found[0][1]
                    if len(found) > 1 and self._subordinate(sentence, found[-1][0])
                    else found[-1][1]
                )
            elif self.current is not None and _DESIGN_VERB.search(sentence.text):
                self.by_sentence[sentence.index] = [self.current]
            if found:
                for position, (group, trial) in enumerate(found):
                    window = None
                    if len(found) > 1:
                        # Each trial of the sentence gets the words between its neighbours.
                        window = (
                            found[position - 1][0].end if position else sentence.start,
                            found[position + 1][0].start if position + 1 < len(found) else sentence.end,
                        )
                    self._attach(sentence, trial, group, window)
            elif sentence.index in self.by_sentence and self.current is not None:
                self._attach(sentence, self.current, None, None)
            self._remember_sets(sentence)
            if found:
                self.focus(found[-1][1])

    def _attach(
        self, sentence: Sentence, trial: TrialState, group: _Group | None, window: tuple[int, int] | None
    ) -> None:
        if sentence.index not in trial.sentences:
            trial.sentences.append(sentence.index)
        self.focus(trial)
        self._design(sentence, trial, group, window)
        trial.note_chemotherapy(self.reading)

    def _subordinate(self, sentence: Sentence, group: _Group) -> bool:
        before = self.reading.text[sentence.start : group.start]
        return bool(re.search(r"\b(?:those|that)\s+(?:for|of|in|seen)\b", before, re.IGNORECASE))

    # -- design facts ------------------------------------------------------------------------

    def _remember_sets(self, sentence: Sentence) -> None:
        """Drug sets named together anywhere ("the drug is paired with encorafenib"), for a
        later "that combination" or "the doublet"."""
        for drugs, _agent in agent_groups(self.reading, sentence, sentence.start, sentence.end, self.context):
            self.context.remember_set(drugs)

    def _design(
        self, sentence: Sentence, trial: TrialState, group: _Group | None, window: tuple[int, int] | None
    ) -> None:
        text = self.reading.text
        index = sentence.index
        if window is not None:
            start, end = window
        elif group is not None:
            start, end = _clause_around(text, sentence, group.start)
        else:
            start, end = sentence.start, sentence.end
        clause = text[start:end]
        if _NOT_RANDOMISED.search(clause):
            trial.set_once("randomized", False, index, "trial.single_arm")
        elif _RANDOMISED.search(clause):
            trial.set_once("randomized", True, index, "trial.randomised")
        ratio = _RATIO.search(clause)
        if ratio and re.search(r"randomi|allocat|assign|ratio", clause, re.I):
            trial.set_once("ratio", f"{ratio.group(1)}:{ratio.group(2)}", index, "trial.allocation_ratio")
        if re.search(r"\bcohorts?\b", clause, re.I) and re.search(
            r"\bcohorts?\s+(?:or|and)\b|\bcohorts\b", clause, re.I
        ):
            trial.has_cohorts = True
        self._enrolment(sentence, trial, start, end)
        for mention in sentence.of("gene"):
            if start <= mention.start < end and re.match(
                r"[-\s]*(?:mutant|mutated|mutation|positive|altered)",
                text[mention.end : mention.end + 12],
                re.I,
            ):
                trial.genes.add(mention.key)
        trial.diseases.update(m.key for m in sentence.of("disease") if start <= m.start < end)
        registry = _REGISTRY_ARM.match(sentence.text)
        if registry:
            self._registry_arm(sentence, trial, registry)
            return
        self._arms(sentence, trial, start, end)

    def _enrolment(self, sentence: Sentence, trial: TrialState, start: int, end: int) -> None:
        if trial.n_enrolled is not None:
            return
        clause = self.reading.text[start:end]
        for rank, pattern in enumerate(_ENROLMENT):
            for match in pattern.finditer(clause):
                if _SUBGROUP_COUNT.search(clause[max(0, match.start("n") - 12) : match.start("n")]):
                    continue
                value = count_value(match.group("n"))
                if value is not None and value >= 5:
                    trial.set_once("n_enrolled", value, sentence.index, f"trial.enrolment.{rank}")
                    return

    def _arms(self, sentence: Sentence, trial: TrialState, start: int, end: int) -> None:
        text = self.reading.text
        verb = _ARM_START.search(text, start, end)
        has_trial_mention = bool(sentence.of("trial", "nct", "phase"))
        if verb is None and not has_trial_mention:
            return
        # After "randomised/assigned/allocated ... to" the arms follow the verb; otherwise the
        # clause's subject can be an arm ("A was compared with B").
        passive = verb is not None and re.match(r"randomi|assigned|allocated|randomly", verb.group(), re.I)
        scan_from = verb.start() if verb is not None and passive else start
        clause_end = end
        breaker = _CLAUSE_BREAK.search(text, scan_from, end)
        if breaker and verb and breaker.start() > verb.end():
            clause_end = breaker.start()
        groups = agent_groups(self.reading, sentence, scan_from, clause_end, self.context)
        if not groups and verb is not None and has_trial_mention:
            groups = agent_groups(self.reading, sentence, start, end, self.context)
        if not groups or (
            verb is None and not re.search(r"\b(?:of|with|comparing|testing)\b", text[start:end], re.I)
        ):
            return
        counts = self._arm_counts(text, groups, clause_end)
        for position, (drugs, _agent) in enumerate(groups):
            if all(_is_class_phrase(self.reading, d) for d in drugs) and len(groups) == 1:
                continue  # "received a MEK inhibitor": no arm named
            trial.add_arm(
                drugs, sentence.index, "arm.design", counts[position] if position < len(counts) else None
            )
            self.context.remember_set(drugs)
        self.context.arms = trial.arm_sets()

    @staticmethod
    def _arm_counts(text: str, groups: list[tuple[tuple[str, ...], Agent]], end: int) -> list[int | None]:
        counts: list[int | None] = []
        for position, (_drugs, agent) in enumerate(groups):
            stop = groups[position + 1][1].start if position + 1 < len(groups) else end
            match = _ARM_N.search(text, agent.end, stop)
            counts.append(int(match.group(1) or match.group(2)) if match else None)
        return counts

    def _registry_arm(self, sentence: Sentence, trial: TrialState, match: re.Match[str]) -> None:
        groups = agent_groups(self.reading, sentence, sentence.start, sentence.end, self.context)
        drugs = sorted_drugs({d for g, _ in groups for d in g})
        if not drugs:
            return
        n = _ARM_N.search(sentence.text)
        trial.add_arm(drugs, sentence.index, "arm.registry", int(n.group(1) or n.group(2)) if n else None)
        trial.labels[match.group("label").strip().casefold()] = drugs
        trial.set_once("randomized", None, sentence.index, "")
        self.context.remember_set(drugs)
        self.context.arms = trial.arm_sets()


def _is_class_phrase(reading: Reading, name: str) -> bool:
    return name in reading.lexicon.drug_classes


def _clause_around(text: str, sentence: Sentence, position: int) -> tuple[int, int]:
    start, end = sentence.start, sentence.end
    for match in _CLAUSE_BREAK.finditer(text, sentence.start, sentence.end):
        if match.end() <= position:
            start = match.end()
        elif match.start() >= position:
            end = match.start()
            break
    return start, end


def trial_noun_near(text: str) -> bool:
    return _TRIAL_NOUN.search(text) is not None
