"""Reported results: medians, rates and hazard ratios, each tied to a trial, an arm, an
endpoint and (when the figure is for part of the patients) a subgroup.

Per sentence: the figures come from :mod:`ingest.numbers` (durations, percentages, hazard
ratios); each takes the endpoint named nearest before it (else just after it, as in "34.7
percent responded"); its arm is, in this order, the agent named right after it ("2.8 months
with binimetinib", "7% in the chemotherapy arm"), its place in a list ("2.8 versus 1.5 months",
"58% and 25%, respectively", "from 10.6 to 15.1 months" names the control first) matched to
the arms named before the list or else the trial's arms, the agent the clause is about
("dabrafenib plus trametinib extended median PFS to 11.0 months"), and else the arm in focus.
A registry results table ("Arm label: 14.9 | Other label: 7.3" under a header line naming the
endpoint) is read through the arm labels the record defines.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ingest.mentions import Reading, Sentence, sorted_drugs
from ingest.numbers import Quantity, find_hazard_ratios, find_p_values, find_quantities, parse_number
from ingest.trials import TrialState, TrialTracker, agent_groups

TIME_ENDPOINTS = frozenset({"PFS", "OS", "DOR"})
RATE_ENDPOINTS = frozenset({"ORR", "DCR"})

_CUES: tuple[tuple[re.Pattern[str], str | None], ...] = (
    (
        re.compile(
            r"\brespon\w*\b[^.;]{0,60}?\b(?P<at>lasted|lasting|lasts|durable|persist\w*|endured)\b", re.I
        ),
        "DOR",
    ),
    (re.compile(r"\b(?P<at>time (?:before|to) (?:disease )?progression or death)\b", re.I), "PFS"),
    (re.compile(r"\b(?P<at>disease\b[^.;,]{0,30}\bcontrol\w*|controlled (?:their )?disease)\b", re.I), "DCR"),
    (re.compile(r"(?<!complete )(?<!duration of )\b(?P<at>respon(?:se|ses|ded|ding|ders?))\b", re.I), "ORR"),
    (
        re.compile(
            r"\b(?P<at>adverse (?:events?|reactions?)|toxicit\w+|grade\s+\d|serious|side effects?|follow-up|"
            r"time frame|odds ratio|crossed over|cross over|discontinu\w+|dose reductions?|prevalence|"
            r"mutations?|altered|clinical benefit)\b",
            re.I,
        ),
        None,
    ),
)
_NOT_A_RESULT_BEFORE = re.compile(
    r"\b(?:at|after|within|up to|every|by|for up to|over|beyond|until|than|least|landmark|aged?)\s*$", re.I
)
_LIST_GAP = re.compile(
    r"^\s*(?:months?|weeks?|%|percent)?\s*(?:\((?:[^()]|\([^()]*\))*\)\s*)?,?\s*"
    r"(?:and|or|versus|vs\.?|to|compared with|as against|against|,)\s*$",
    re.I,
)
_TRAIL_BLOCK = re.compile(r"\b(?:versus|vs|compared|comparison|than|against|over|whereas|while)\b", re.I)
_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
_BOTH_ARMS = re.compile(r"^[^.;]{0,25}\b(?:in|for)\s+(?:both|each|all)\s+(?:arms|groups)\b", re.I)
_TREATED_AFTER = re.compile(r"^[-\s]*(?:treated|pretreated|pre-treated|exposed|experienced|naive)\b", re.I)
_TABLE_ROW = re.compile(r"(?P<label>[A-Za-z][\w /+-]{0,40}?)\s*:\s*(?P<value>\d+(?:\.\d+)?)")
_TABLE_HR = re.compile(
    r"^(?P<arm>[\w /+-]+?)\s+(?:vs\.?|versus)\s+(?P<comparator>[\w /+-]+?)\s*:\s*(?:hazard ratio|HR)\b", re.I
)

# Subgroups: a figure for part of the patients.
_LEADING_SUBGROUP = (
    re.compile(r"\bamong\s+(?P<phrase>(?!all\b)[^,;:]{4,90}?)(?:,|\s+(?=median|the\b))", re.I),
    re.compile(
        r"\b(?:in|for|among)\s+(?:the\s+)?(?:\d+\s+)?(?:[\w-]+\s+)?(?P<phrase>(?:patients|participants)\s+"
        r"(?:who|whose)\b[^,;]{3,80})",
        re.I,
    ),
    re.compile(r"(?:^|[;,]\s*)(?:when|if|where)\s+(?P<phrase>[^,;]{5,90}),", re.I),
    re.compile(
        r"\b(?:pre-?specified\s+)?(?:subgroup|subset)\s+of\s+(?P<phrase>[^,;()]{4,80}?)(?=\s+(?:treated|in|showed|had|was|\()|[,;(])",
        re.I,
    ),
    re.compile(
        r"\b(?P<phrase>patients\s+who\s+had\s+(?:already\s+|previously\s+)?(?:received|been\s+treated)[^,;]{0,60})",
        re.I,
    ),
    re.compile(r"\bin\s+(?P<phrase>[\w-]+\s+(?:treated|pretreated|pre-treated|naive)\s+patients)\b", re.I),
)
_ANAPHORIC_SUBGROUP = re.compile(r"\b(?:this|that|the same)\s+(?:subgroup|subset|population|cohort)\b", re.I)
_TRAILING_COHORT = re.compile(
    r"^\s*(?:\((?:[^()]|\([^()]*\))*\)\s*)?in\s+the\s+(?P<name>[\w/ -]{2,30}?)\s+cohort\b", re.I
)
_TRAILING_GENOTYPE = re.compile(
    r"\bin\s+(?:the\s+)?(?:tumou?rs|those|patients|participants)\s+(?:harbou?ring|with|carrying|bearing)\s+"
    r"(?P<phrase>[^,;()]{2,40}?)\s*$",
    re.I,
)
_COHORT_GENE_BEFORE = re.compile(
    r"\bpatients\s+with\s+(?P<gene>[A-Z][A-Z0-9]{2,7})[- ](?:mutant|mutated)\b[^,;]{0,30}$"
)
_PRIOR_IN_PHRASE = re.compile(
    r"\b(?:prior|previous|previously|already|pretreated|pre-treated|treated|received)\b", re.I
)


@dataclass
class Value:
    value: float
    unit: str | None  # months | weeks | % | None (hazard ratio)
    start: int  # sentence-local
    end: int
    measure: str
    endpoint: str | None = None
    ci: tuple[float, float] | None = None
    p: tuple[str, float] | None = None
    list_id: int | None = None
    from_to: bool = False


@dataclass
class Result:
    trial: TrialState
    arm: tuple[str, ...]
    endpoint: str
    measure: str
    value: float
    unit: str | None
    sentence: Sentence
    rule: str
    comparator: tuple[str, ...] | None = None
    ci: tuple[float, float] | None = None
    p: tuple[str, float] | None = None
    subgroup: str | None = None


class ResultReader:
    def __init__(self, reading: Reading, tracker: TrialTracker) -> None:
        self.reading = reading
        self.tracker = tracker
        self.results: list[Result] = []
        self.context = tracker.context
        self._last_arm: tuple[str, ...] | None = None
        self._last_subgroup: str | None = None
        self._last_trial: TrialState | None = None
        self._table: tuple[str, str, str | None] | None = None  # endpoint, measure, unit
        self._main = self._main_trial()

    def _main_trial(self) -> TrialState | None:
        trials = self.tracker.trials
        if not trials:
            return None
        return max(trials, key=lambda t: (len(t.sentences) + 2 * bool(t.nct) + len(t.arms), -t.number))

    # -- the pass ----------------------------------------------------------------------------

    def read(self) -> list[Result]:
        previous_trials: list[TrialState] = []
        for sentence in self.reading.sentences:
            trials = self.tracker.by_sentence.get(sentence.index, [])
            new_paragraph = (
                sentence.index > 0
                and "\n" in self.reading.text[self.reading.sentences[sentence.index - 1].end : sentence.start]
            )
            if not trials:
                if new_paragraph and self._table is None:
                    trials = [self._main] if self._main else []
                    self._last_arm = self._last_subgroup = None
                else:
                    trials = previous_trials[-1:]
            if self._read_table(sentence, trials):
                previous_trials = trials or previous_trials
                continue
            self._read_prose(sentence, trials)
            previous_trials = trials or previous_trials
        return self.results

    # -- registry tables ---------------------------------------------------------------------

    def _read_table(self, sentence: Sentence, trials: list[TrialState]) -> bool:
        text = sentence.text
        endpoints = [m for m in sentence.of("endpoint")]
        trial = trials[0] if trials else self._main
        if trial is None or not trial.labels:
            return False
        if (
            endpoints
            and not re.search(r"\d", re.sub(r"\(\s*95\s*%\s*CI\s*\)|95\s*%", "", text))
            and "," in text
        ):
            unit = (
                "months"
                if re.search(r"\bmonths\b", text)
                else "weeks"
                if re.search(r"\bweeks\b", text)
                else "%"
                if "%" in text
                else None
            )
            measure = "rate" if endpoints[0].key in RATE_ENDPOINTS else "median"
            self._table = (endpoints[0].key, measure, unit)
            return True
        if self._table is None:
            return False
        endpoint, measure, unit = self._table
        hr = _TABLE_HR.match(text)
        if hr:
            arm = trial.labels.get(hr.group("arm").strip().casefold())
            comparator = trial.labels.get(hr.group("comparator").strip().casefold())
            ratios = find_hazard_ratios(text)
            if arm and ratios:
                ratio = ratios[0]
                self._add(
                    Result(
                        trial,
                        arm,
                        endpoint,
                        "HR",
                        ratio.value,
                        None,
                        sentence,
                        "hr.registry_table",
                        comparator=comparator,
                        ci=_pair(ratio.ci_low, ratio.ci_high),
                        p=_p(ratio.p_op, ratio.p_value),
                    )
                )
            return True
        rows = [m for m in _TABLE_ROW.finditer(text) if m.group("label").strip().casefold() in trial.labels]
        if not rows:
            self._table = None
            return False
        for row in rows:
            arm = trial.labels[row.group("label").strip().casefold()]
            value = float(row.group("value"))
            self._add(Result(trial, arm, endpoint, measure, value, unit, sentence, "outcome.registry_table"))
        return True

    # -- prose -------------------------------------------------------------------------------

    def _read_prose(self, sentence: Sentence, trials: list[TrialState]) -> None:
        values = self._values(sentence)
        if not values:
            return
        if not trials:
            trials = [self._mint(sentence)]
        by_value_trial = {id(v): self._trial_for(sentence, v, trials) for v in values}
        assigned: dict[int, list[tuple[str, ...]]] = {}
        # 1. the agent named right after the figure
        for value in values:
            arm = self._trailing_arm(sentence, value, values, by_value_trial[id(value)])
            if arm:
                assigned[id(value)] = [arm]
        # 2. lists
        lists: dict[int, list[Value]] = {}
        for value in values:
            if value.list_id is not None:
                lists.setdefault(value.list_id, []).append(value)
        for members in lists.values():
            if len(members) < 2:
                continue
            todo = [v for v in members if id(v) not in assigned]
            if not todo:
                continue
            trial = by_value_trial[id(members[0])]
            used = {a for v in members for a in assigned.get(id(v), [])}
            before = self._arms_before(sentence, members[0].start, trial)
            candidates = [a for a in before if a not in used][-len(todo) :] if before else []
            for arm in self._trial_order(trial):
                if len(candidates) >= len(todo):
                    break
                if arm not in candidates and arm not in used:
                    candidates.append(arm)
            if members[0].from_to and len(candidates) == 2 and len(todo) == 2:
                candidates = candidates[::-1]
            for value, arm in zip(todo, candidates, strict=False):
                assigned[id(value)] = [arm]
        # 3. the clause's subject, 4. the arm in focus
        for value in values:
            if id(value) in assigned or value.measure == "HR":
                continue
            trial = by_value_trial[id(value)]
            if _BOTH_ARMS.match(sentence.text[value.end :]) and len(trial.arm_sets()) >= 2:
                assigned[id(value)] = trial.arm_sets()
                continue
            before = self._arms_before(sentence, 0, trial, upto=value.start, from_clause=True)
            if before:
                assigned[id(value)] = [before[-1]]
            elif self._last_arm and self._last_trial is trial:
                assigned[id(value)] = [self._last_arm]
            elif trial.arm_sets():
                assigned[id(value)] = [trial.experimental_arm() or trial.arm_sets()[0]]
            else:
                drug = self.reading.salient_drug(sentence.start + value.start)
                if drug:
                    assigned[id(value)] = [(drug,)]
        subgroup_sentence = self._sentence_subgroup(sentence)
        for value in values:
            trial = by_value_trial[id(value)]
            subgroup = self._value_subgroup(sentence, value, trial) or subgroup_sentence or self._part(trial)
            if value.measure == "HR":
                self._hazard_ratio(sentence, value, trial, values, assigned, subgroup)
                continue
            for arm in assigned.get(id(value), []):
                if self._restated(trial, arm, value, subgroup):
                    continue
                trial.add_arm(arm, sentence.index, "arm.from_result")
                self._add(
                    Result(
                        trial,
                        arm,
                        value.endpoint or "",
                        value.measure,
                        value.value,
                        value.unit,
                        sentence,
                        self._rule(value, assigned),
                        ci=value.ci,
                        p=value.p,
                        subgroup=subgroup,
                    )
                )
                self._last_arm, self._last_trial = arm, trial
        self._last_subgroup = subgroup_sentence or (
            self._last_subgroup if _ANAPHORIC_SUBGROUP.search(sentence.text) else None
        )

    @staticmethod
    def _rule(value: Value, assigned: dict[int, list[tuple[str, ...]]]) -> str:
        if value.list_id is not None:
            return "outcome.versus_list"
        return "outcome.median" if value.measure == "median" else "outcome.rate"

    def _restated(self, trial: TrialState, arm: tuple[str, ...], value: Value, subgroup: str | None) -> bool:
        """A figure already reported for the trial and endpoint, repeated for comparison."""
        if subgroup is None:
            return False
        return any(
            r.trial is trial
            and r.endpoint == value.endpoint
            and r.value == value.value
            and r.subgroup is None
            for r in self.results
        )

    def _hazard_ratio(
        self,
        sentence: Sentence,
        value: Value,
        trial: TrialState,
        values: list[Value],
        assigned: dict[int, list[tuple[str, ...]]],
        subgroup: str | None,
    ) -> None:
        arms: list[tuple[str, ...]] = []
        for other in values:
            if other.measure != "HR" and other.endpoint == value.endpoint and other.start < value.start:
                for arm in assigned.get(id(other), []):
                    if arm not in arms:
                        arms.append(arm)
        control = trial.control_arm()
        experimental = trial.experimental_arm()
        if len(arms) >= 2:
            experimental = next((a for a in arms if a != control), arms[0])
            control = next((a for a in arms if a != experimental), control)
        elif len(arms) == 1 and arms[0] != control:
            experimental = arms[0]
        if experimental is None:
            before = self._arms_before(sentence, 0, trial, upto=value.start)
            if not before:
                return
            experimental = before[0]
            control = before[1] if len(before) > 1 else None
        self._add(
            Result(
                trial,
                experimental,
                value.endpoint or "",
                "HR",
                value.value,
                None,
                sentence,
                "hr.parenthetical"
                if sentence.text[max(0, value.start - 2) : value.start].strip() in "(["
                else "hr.inline",
                comparator=control if control != experimental else None,
                ci=value.ci,
                p=value.p,
                subgroup=subgroup,
            )
        )

    def _add(self, result: Result) -> None:
        if result.endpoint:
            self.results.append(result)

    def _mint(self, sentence: Sentence) -> TrialState:
        trial = TrialState(number=len(self.tracker.trials) + 1)
        self.tracker.trials.append(trial)
        self.tracker.by_sentence.setdefault(sentence.index, []).append(trial)
        trial.sentences.append(sentence.index)
        self._main = self._main or trial
        return trial

    def _trial_for(self, sentence: Sentence, value: Value, trials: list[TrialState]) -> TrialState:
        if len(trials) == 1:
            return trials[0]
        best = trials[-1]
        best_position = -1
        for trial in trials:
            for mention in sentence.of("trial", "nct", "phase"):
                key = mention.key
                named = key in {trial.acronym, trial.nct} or (mention.kind == "phase" and key == trial.phase)
                position = sentence.local(mention.start)
                if named and best_position < position < value.start:
                    best, best_position = trial, position
        return best

    @staticmethod
    def _trial_order(trial: TrialState) -> list[tuple[str, ...]]:
        experimental, control = trial.experimental_arm(), trial.control_arm()
        order = [a for a in (experimental, control) if a is not None]
        return order + [a for a in trial.arm_sets() if a not in order]

    # -- values ------------------------------------------------------------------------------

    def _values(self, sentence: Sentence) -> list[Value]:
        text = sentence.text
        values: list[Value] = []
        ratios = find_hazard_ratios(text)
        hr_spans = [(r.start, r.end) for r in ratios]
        p_values = find_p_values(text)
        for quantity in find_quantities(text):
            if quantity.unit not in {"months", "weeks", "%"}:
                continue
            if any(s <= quantity.start < e for s, e in hr_spans) or _NOT_A_RESULT_BEFORE.search(
                text[: quantity.start]
            ):
                continue
            values.extend(self._expand(text, quantity))
        for ratio in ratios:
            values.append(
                Value(
                    ratio.value,
                    None,
                    ratio.start,
                    ratio.end,
                    "HR",
                    ci=_pair(ratio.ci_low, ratio.ci_high),
                    p=_p(ratio.p_op, ratio.p_value),
                )
            )
        values.sort(key=lambda v: v.start)
        cues = self._cues(sentence)
        kept = []
        for value in values:
            value.endpoint = self._endpoint(value, cues)
            if value.endpoint is None:
                continue
            if value.measure != "HR" and value.p is None:
                following = next((p for p in p_values if 0 <= p.start - value.end <= 25), None)
                value.p = (following.op, following.value) if following else None
            kept.append(value)
        self._link_lists(text, kept)
        return kept

    @staticmethod
    def _expand(text: str, quantity: Quantity) -> list[Value]:
        measure = "rate" if quantity.unit == "%" else "median"
        if quantity.high is None:
            return [Value(quantity.value, quantity.unit, quantity.start, quantity.end, measure)]
        if not re.search(r"\bfrom\s*$", text[: quantity.start], re.I):
            return []  # a range ("15-20%") is a spread, not a result
        first = Value(
            quantity.value, quantity.unit, quantity.start, quantity.start + 1, measure, from_to=True
        )
        second = Value(quantity.high, quantity.unit, quantity.end - 1, quantity.end, measure, from_to=True)
        first.list_id = second.list_id = quantity.start
        return [first, second]

    @staticmethod
    def _link_lists(text: str, values: list[Value]) -> None:
        for first, second in itertools.pairwise(values):
            if first.measure != second.measure or first.endpoint != second.endpoint:
                continue
            if first.list_id is not None and first.list_id == second.list_id:
                continue
            if _LIST_GAP.match(text[first.end : second.start]):
                second.list_id = first.list_id = first.list_id if first.list_id is not None else first.start
                if re.search(r"\bfrom\s*$", text[: first.start], re.I) and re.match(
                    r"\s*to\b", text[first.end : second.start]
                ):
                    first.from_to = second.from_to = True

    def _cues(self, sentence: Sentence) -> list[tuple[int, int, str | None]]:
        cues: list[tuple[int, int, str | None]] = [
            (sentence.local(m.start), sentence.local(m.end), m.key) for m in sentence.of("endpoint")
        ]
        for pattern, endpoint in _CUES:
            for match in pattern.finditer(sentence.text):
                start, end = match.start("at"), match.end("at")
                if not any(s <= start < e for s, e, _ in cues):
                    cues.append((start, end, endpoint))
        return sorted(cues)

    @staticmethod
    def _endpoint(value: Value, cues: list[tuple[int, int, str | None]]) -> str | None:
        allowed = TIME_ENDPOINTS if value.unit in {"months", "weeks"} else RATE_ENDPOINTS
        if value.measure == "HR":
            allowed = frozenset({"PFS", "OS"})
        for _start, _end, endpoint in reversed([c for c in cues if c[1] <= value.start]):
            if endpoint is None:
                return None
            if endpoint in allowed:
                return endpoint
        for start, _end, endpoint in (c for c in cues if c[0] >= value.end):
            if endpoint is None:
                return None
            if endpoint in allowed and start - value.end <= 60:
                return endpoint
            if endpoint in allowed:
                return None
        return None

    # -- arms --------------------------------------------------------------------------------

    def _focus(self, trial: TrialState) -> None:
        self.context.arms = trial.arm_sets()

    def _trailing_arm(
        self, sentence: Sentence, value: Value, values: list[Value], trial: TrialState
    ) -> tuple[str, ...] | None:
        self._focus(trial)
        following = [v.start for v in values if v.start > value.end]
        limit = sentence.start + (following[0] if following else len(sentence.text))
        start = sentence.start + value.end
        clause_break = re.search(r";|,\s+(?:and|but|while|whereas)\b", self.reading.text[start:limit])
        if clause_break:
            limit = start + clause_break.start()
        groups = agent_groups(self.reading, sentence, start, limit, self.context)
        if not groups:
            return None
        drugs, agent = groups[0]
        gap = self.reading.text[start : agent.start]
        outside = re.sub(r"\((?:[^()]|\([^()]*\))*\)", "", gap)
        if _TRAIL_BLOCK.search(outside) or re.search(r"\d", outside) or len(outside.split()) > 8:
            return None
        if agent.kind == "class" and _TREATED_AFTER.match(self.reading.text[agent.end :]):
            return None
        return drugs

    def _arms_before(
        self,
        sentence: Sentence,
        list_start: int,
        trial: TrialState,
        upto: int | None = None,
        from_clause: bool = False,
    ) -> list[tuple[str, ...]]:
        self._focus(trial)
        end = sentence.start + (upto if upto is not None else list_start)
        start = sentence.start
        if from_clause:
            breaks = list(re.finditer(r";|,\s+(?:and|but|while|whereas)\b", self.reading.text[start:end]))
            start += breaks[-1].end() if breaks else 0
        groups = agent_groups(self.reading, sentence, start, end, self.context)
        arms: list[tuple[str, ...]] = []
        for drugs, agent in groups:
            if agent.kind == "class" and _TREATED_AFTER.match(self.reading.text[agent.end :]):
                continue
            if _in_subgroup_phrase(self.reading.text, sentence, agent.start):
                continue
            drugs = self._as_trial_arm(drugs, trial)
            if drugs not in arms:
                arms.append(drugs)
        return arms

    @staticmethod
    def _as_trial_arm(drugs: tuple[str, ...], trial: TrialState) -> tuple[str, ...]:
        sets = trial.arm_sets()
        if drugs in sets:
            return drugs
        supersets = [a for a in sets if set(drugs) < set(a)]
        if len(sets) == 1 and len(supersets) == 1:
            return supersets[0]
        return drugs

    # -- subgroups ---------------------------------------------------------------------------

    def _sentence_subgroup(self, sentence: Sentence) -> str | None:
        text = sentence.text
        for pattern in _LEADING_SUBGROUP:
            match = pattern.search(text)
            if match and self._is_subgroup(match.group("phrase")):
                return _short(match.group("phrase"))
        if _ANAPHORIC_SUBGROUP.search(text) and self._last_subgroup:
            return self._last_subgroup
        return None

    def _is_subgroup(self, phrase: str) -> bool:
        if re.match(
            r"(?:all|the)\s+(?:\d+\s+)?(?:randomi[sz]ed|enrolled|treated)?\s*patients$", phrase, re.I
        ):
            return False
        everyone = r"\b(?:patients|participants)\s+who\s+(?:were\s+)?(?:randomi[sz]ed|enrolled)\b"
        return not re.search(everyone, phrase, re.I)

    def _value_subgroup(self, sentence: Sentence, value: Value, trial: TrialState) -> str | None:
        text = sentence.text
        cohort = _TRAILING_COHORT.match(text[value.end :])
        if cohort:
            return _short(cohort.group("name") + " cohort")
        before = text[: value.start].rstrip()
        if before.endswith(("(", "[")):
            genotype = _TRAILING_GENOTYPE.search(before[:-1])
            if genotype:
                return _short(genotype.group("phrase"))
        if trial.has_cohorts:
            gene = _COHORT_GENE_BEFORE.search(text[: value.start])
            if gene:
                return _short(gene.group("gene") + " cohort")
        return None

    @staticmethod
    def _part(trial: TrialState) -> str | None:
        if trial.part_phase and trial.phase and trial.part_phase != trial.phase:
            return f"phase {trial.part_phase} cohort"
        return None


def _in_subgroup_phrase(text: str, sentence: Sentence, position: int) -> bool:
    before = text[sentence.start : position]
    clause = re.split(r"[,;]", before)[-1]
    return bool(re.search(r"\b(?:among|subgroup|who had|whose)\b", clause, re.I)) and bool(
        _PRIOR_IN_PHRASE.search(clause)
    )


def _short(phrase: str) -> str:
    words = re.sub(r"\s+", " ", phrase).strip(" ,;:").casefold().split()
    return " ".join(words[:8])


def _pair(low: float | None, high: float | None) -> tuple[float, float] | None:
    return (low, high) if low is not None and high is not None else None


def _p(op: str | None, value: float | None) -> tuple[str, float] | None:
    return (op, value) if op is not None and value is not None else None


def number(text: str) -> float | None:
    return parse_number(text)


__all__ = ["Result", "ResultReader", "sorted_drugs"]
