"""Reported results: medians, rates and hazard ratios, each tied to a trial, an arm, an
endpoint and (when the figure is for part of the patients) a subgroup.

Per sentence: the figures come from :mod:`ingest.numbers` (durations, percentages, hazard
ratios); each takes the endpoint named nearest before it (else just after it, as in "34.7
percent responded"); its arm is, in this order, the agent named right after it ("2.8 months
with binimetinib", "7% in the chemotherapy arm"), its place in a list ("2.8 versus 1.5 months",
"58% and 25%, respectively", "from 9.2 to 13.8 months" names the control first) matched to
the arms named before the list or else the trial's arms, the agent the clause is about
("dabrafenib plus trametinib extended median PFS to 11.0 months"), and else the arm in focus.
A registry results table ("Arm label: 14.9 | Other label: 7.3" under a header line naming the
endpoint) is read through the arm labels the record defines.

The figures and their endpoints are found by :mod:`ingest.result_values`, subgroups named by
:mod:`ingest.result_subgroups`, and tables read by :mod:`ingest.result_tables`; this module
ties figures to trials and arms.
"""

from __future__ import annotations

import re

from ingest.arm_groups import ALONE_AFTER, agent_groups
from ingest.mentions import BRACKETED, PLURAL_ARM_NOUN, Reading, Sentence, sorted_drugs
from ingest.result_subgroups import SubgroupReader, cohort_in_turn, group_in_turn, in_subgroup_phrase, named_after
from ingest.result_tables import TableReader
from ingest.result_values import (
    OUTCOME_HEADING,
    RESPECTIVELY,
    Result,
    Value,
    find_values,
    led_by_endpoint,
    list_label,
)
from ingest.trial_state import TrialState, arm_for
from ingest.trials import TrialTracker

# "(37%) of 43 evaluable patients in the selumetinib group": the arm follows the denominator
# "(37%) of 43 evaluable patients in the selumetinib group", "10.5 mo (IQR ...) for 628 patients
# allocated ramucirumab plus docetaxel": the arm follows the patient count
_SHARE_OF = re.compile(
    r"^\s*\)?\s*(?:of|for|in|among)\s+(?:the\s+)?\d+\s+(?:[\w-]+\s+){0,2}?(?:patients|participants)\s+"
    r"(?:who\s+)?(?:were\s+)?(?:in|on|receiving|received|given|allocated(?:\s+to)?|assigned\s+to|"
    r"randomi[sz]ed\s+to|treated\s+with|with)\s+",
    re.I,
)
_COMPARISON_WORDS = r"(?:compared\s+with|relative\s+to|versus|vs\.?|against)"
_COMPARED_WITH_AFTER = re.compile(rf"\s*,?\s*(?:{_COMPARISON_WORDS}|over)\s+(?:the\s+)?", re.I)
_COMPARED_WITH_BEFORE = re.compile(rf"\b(?:{_COMPARISON_WORDS}|than(?:\s+(?:with|for|in))?)\s+(?:the\s+)?$", re.I)
# what ends the reach of a figure to an agent after it ("46% and 43%, respectively \u2014 but ... A")
_TRAIL_BLOCK = re.compile(
    r"\b(?:versus|vs|compared|comparison|than|against|over|whereas|while|respectively)\b|\u2014\s*but\b", re.I
)
# "A was non-inferior to B", "A was better than B": A is the subject, B the comparator
_COMPARATIVE_TO = re.compile(
    r"\b(?:non-?inferior|superior|inferior|equivalent|similar|comparable|better|worse)\s+(?:to|than|with)\b", re.I
)
# a line under an outcome heading: "Drug A: median 24.1 weeks", "Hazard ratio 0.33"
_HEADED_LINE = re.compile(r"^\s*(?:[\w' /+()-]{1,60}:\s|hazard\s+ratio\b)", re.IGNORECASE)
# a trial still to run: "which plans to enrol", "will randomise", "is now recruiting"
_PLANNED = re.compile(
    r"\b(?:plans?\s+to|planned|will\s+(?:enrol|enroll|randomi[sz]e|compare|test|assign|allocate|evaluate)|"
    r"is\s+(?:now\s+)?(?:enrolling|recruiting|under\s+way)|ongoing)\b",
    re.IGNORECASE,
)
_AS_DID = re.compile(r",?\s+(?:as|so)\s+did\b", re.I)
_BOTH_ARMS = re.compile(r"^[^.;]{0,25}\b(?:in|for)\s+(?:(?:both|all)\s+(?:arms|groups)|each\s+(?:arm|group)s?)\b", re.I)
_TREATED_AFTER = re.compile(r"^[-\s]*(?:treated|pretreated|pre-treated|exposed|experienced|naive)\b", re.I)

# "acalabrutinib monotherapy vs chlorambucil-obinutuzumab: HR " before a ratio
_COMPARISON_LABEL = re.compile(
    r"\s*(?P<pair>[^:,]{3,80}?\s(?:vs\.?|versus)\s[^:,]{3,80}?)\s*[:,]\s*"
    r"(?:(?:the\s+)?(?:HR|hazard\s+ratio)(?:\s+for\s+[\w\s]{3,30}?)?\s*(?:[:=,]\s*)?)?",
    re.I,
)


class ResultReader:
    def __init__(self, reading: Reading, tracker: TrialTracker) -> None:
        self.reading = reading
        self.tracker = tracker
        self.results: list[Result] = []
        self.context = tracker.context
        self._last_arm: tuple[str, ...] | None = None
        self._last_trial: TrialState | None = None
        # the trial before a paragraph that names none, while its sentences name no drug either
        self._before_paragraph: list[TrialState] = []
        self._last_time_endpoint: str | None = None  # for a ratio whose sentence names no endpoint
        self._heading_trials: list[TrialState] = []  # the trials the heading line over a table names
        self._last_rate: tuple[str, str | None] | None = None  # for "the corresponding rates were ..."
        self._heading_endpoint: str | None = None  # the endpoint an outcome heading's lines report
        self._sentence_comparator: dict[int, tuple[str, ...]] = {}  # the arm a sentence compares with
        # the arms the last sentence with figures gave them to, in order
        self._last_order: tuple[TrialState | None, list[tuple[str, ...]]] = (None, [])
        # the arm named after "versus" by figure, for the sentence being read: keyed by the figures'
        # ids, which later sentences' figures may reuse, so emptied with each sentence
        self._comparators: dict[int, tuple[str, ...]] = {}
        self.subgroups = SubgroupReader(reading)
        self.tables = TableReader(reading, self._add)
        self._main = self._main_trial()

    def _main_trial(self) -> TrialState | None:
        trials = self.tracker.trials
        if not trials:
            return None
        return max(trials, key=lambda t: (len(t.sentences) + 2 * bool(t.nct) + len(t.arms), -t.number))

    # -- the pass ----------------------------------------------------------------------------

    def read(self) -> list[Result]:
        previous_trials: list[TrialState] = []
        # the trial each paragraph is first about: this one's, and the one's before it
        topic: TrialState | None = None
        previous_topic: TrialState | None = None
        for sentence in self.reading.sentences:
            if self.reading.starts_paragraph(sentence):
                previous_topic, topic = topic, None
            if OUTCOME_HEADING.match(sentence.text) or self._endpoint_title(sentence):
                endpoints = [m.key for m in sentence.of("endpoint")]
                self._heading_endpoint = endpoints[0] if len(set(endpoints)) == 1 else ""
            elif not _HEADED_LINE.match(sentence.text):
                self._heading_endpoint = None  # the lines under a heading end with the first other line
            self.subgroups.note_line(sentence)
            self.subgroups.note_sentence(sentence)
            heading = {m.key for m in sentence.of("endpoint")} & {"PFS", "OS"}
            if sentence.text.rstrip().endswith(":") and len(heading) == 1:
                self._last_time_endpoint = heading.pop()  # "Results by group (median OS, A vs B):"
            trials = self.tracker.by_sentence.get(sentence.index, [])
            inherited = not trials
            headed = self._headed_trials(sentence, trials)
            if not trials and headed:
                trials = headed  # the rows under "Table 2. Efficacy results in REFLECT"
            elif not trials:
                # the items of a bulleted list continue the sentence that introduced them
                new_paragraph = self.reading.starts_paragraph(sentence) and not list_label(sentence)
                if new_paragraph and not self.tables.in_table:
                    self._before_paragraph = [previous_topic] if previous_topic else []
                    trials = self._paragraph_trial(sentence)
                    self._last_arm = self.subgroups.last = None
                    if trials[:1] != [previous_topic]:
                        # a ratio with no endpoint of its own takes the last one of the same trial
                        self._last_time_endpoint = None
                elif self._before_paragraph:
                    trials = self._paragraph_trial(sentence)
                else:
                    trials = previous_trials[-1:]
            else:
                self._before_paragraph = []
            topic = topic or (trials[0] if trials else None)
            if self.tables.read(sentence, trials[0] if trials else self._main):
                previous_trials = trials or previous_trials
                continue
            trials = self._read_prose(sentence, trials, inherited)
            previous_trials = trials or previous_trials
        return self.results

    def _headed_trials(self, sentence: Sentence, trials: list[TrialState]) -> list[TrialState]:
        """The trials a heading line names ("Efficacy results in REFLECT"), kept for the lines under
        it up to a blank line."""
        text = self.reading.text
        if self.reading.blank_line_before(sentence):
            self._heading_trials = []
        line_start = text.rfind("\n", 0, sentence.start) + 1
        line_end = text.find("\n", sentence.start)
        line_end = len(text) if line_end < 0 else line_end
        line = text[line_start:line_end].strip()
        caption = len(trials) == 1 and len(line) <= _CAPTION_LENGTH and not line.endswith(".")
        if trials and sentence.end >= line_end and caption and not _FIGURE.search(line):
            self._heading_trials = trials  # a short line that names one trial and gives no figure
            return []
        if trials:
            self._heading_trials = []
        return self._heading_trials if not trials else []

    @staticmethod
    def _endpoint_title(sentence: Sentence) -> bool:
        """A line that titles the figures under it by naming an endpoint and no figure: "Overall
        Survival, median, months (data immature)"."""
        return (
            led_by_endpoint(sentence)
            and sentence.text.endswith("\n")
            # "Overall survival (central review), time frame 5 years"
            and not re.search(r"\d", re.sub(BRACKETED, "", sentence.text).split(",")[0])
        )

    def _yet_to_run(self, trial: TrialState, sentence: Sentence) -> bool:
        """Whether a trial first named after the sentence is one still to come ("the phase 3 ACTION
        trial, which plans to enrol 450 patients"): figures before it are of earlier studies."""
        first = min(trial.sentences, default=sentence.index)
        return first > sentence.index and _PLANNED.search(self.reading.sentences[first].text) is not None

    def _paragraph_trial(self, sentence: Sentence) -> list[TrialState]:
        """The trial a paragraph that names none is about: the paper's main trial, unless the
        trial the paragraph before was about has every drug the paragraph first names among its arms
        and the main trial does not ("An exploratory analysis ... did better on A (...) and on B"
        after a paragraph on the trial of A against B, in a review of several trials). The
        question stays open over the paragraph's sentences until one names a drug."""
        main = [self._main] if self._main and not self._yet_to_run(self._main, sentence) else []
        previous = self._before_paragraph
        if not previous or previous[0] is self._main:
            self._before_paragraph = []
            return main
        drugs = {m.key for m in sentence.of("drug")}
        for mention in sentence.of("regimen"):
            drugs.update(self.reading.regimens.get(mention.key, ()))
        if not drugs:
            # a figure that names neither drug nor trial continues the trial of the paragraph
            # before when the text reviews several named trials ("Among those with a 17p
            # deletion, the HR was 0.53" after a paragraph on one of them)
            named = [t for t in self.tracker.trials if t.acronym or t.nct]
            if len(named) >= 2 and previous[0] in named and find_values(sentence, self._last_time_endpoint):
                self._before_paragraph = []
                return previous
            return main
        self._before_paragraph = []
        if drugs <= previous[0].drugs and not (self._main and drugs <= self._main.drugs):
            return previous
        return main

    # -- prose -------------------------------------------------------------------------------

    def _read_prose(self, sentence: Sentence, trials: list[TrialState], inherited: bool) -> list[TrialState]:
        """Read a sentence's figures; returns the trials they were given to (a sentence about
        a drug the trial in focus never named starts a trial of its own)."""
        values = find_values(sentence, self._last_time_endpoint, self._heading_endpoint, self._last_rate)
        self._comparators.clear()
        if not values:
            return trials
        if not trials:
            trials = [self._mint(sentence)]
        by_value_trial = {id(v): self._trial_for(sentence, v, trials) for v in values}
        assigned: dict[int, list[tuple[str, ...]]] = {}
        # 1. the agent named right after the figure
        for value in values:
            arm = self._trailing_arm(sentence, value, values, by_value_trial[id(value)])
            if arm is not None:
                assigned[id(value)] = [arm]  # () for a placebo arm the trial does not list
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
            named_arms = self._sets_named_after(sentence, members, trial)
            if named_arms is not None:
                # "15.4 vs 13.7 vs 9.1 months (A vs B vs C)", "12%, 5% and 7% of patients in the A,
                # B and C groups": the words after the list name each figure's arm
                for value, arm in zip(members, named_arms, strict=True):
                    assigned[id(value)] = [arm]
                continue
            if _LATTER_AFTER.match(sentence.text, members[-1].end):
                # "17%, 36% and 36% in the A, B and C groups, with medians of 6.7 and 4.3 months in
                # the latter two": the last arms of the list before, in its order
                earlier = [
                    assigned[id(v)][0]
                    for v in values
                    if v.end <= members[0].start and assigned.get(id(v)) and v.measure != "HR"
                ]
                latter = list(dict.fromkeys(earlier))[-len(todo) :]
                if len(latter) == len(todo):
                    for value, arm in zip(todo, latter, strict=True):
                        assigned[id(value)] = [arm]
                continue
            pair = self._bracketed_comparison(sentence, members, trial) if len(todo) == 2 else None
            if pair is not None:
                # "A prolonged PFS compared with B (median, 23.9 v 9.2 months), as did C (14.7 v 9.2)"
                for value, arm in zip(todo, pair, strict=True):
                    assigned[id(value)] = [arm]
                continue
            used = {a for v in members for a in assigned.get(id(v), [])}
            before = self._arms_before(sentence, members[0].start, trial)
            if len(before) < len(todo):
                # "... with placebo plus B, and median OS was 14.4 versus 12.2 months": an arm of an
                # earlier clause does not start the list; the list's own clause, or the trial's order
                before = self._arms_before(sentence, members[0].start, trial, from_clause=True)
            # a ratio is never the control's: "A ..., B ... and C (HR 0.54 and 0.64, respectively)" are
            # the arms against C; "for AML and for MDS, the HRs were 0.46 and 0.42" both the arm's
            # against control
            in_force = trial.arms_in_force(sentence.index)
            not_control = trial.control_arm(in_force) if all(v.measure == "HR" for v in members) else None
            if not_control is not None:
                before = [arm for arm in before if arm != not_control]
            candidates = [a for a in before if a not in used][-len(todo) :] if before else []
            respectively = RESPECTIVELY.search(sentence.text, members[-1].end) is not None
            order = self._trial_order(trial, sentence.index, len(todo), respectively)
            last_trial, last_order = self._last_order
            if (
                not before
                and len(trial.arm_sets()) >= 3
                and last_trial is trial
                and len(last_order) >= len(todo)
                and all(arm in in_force for arm in last_order)
            ):
                # of three arms, a list that names none continues the pair the figures before
                # compared, unless patients were since assigned to other arms
                candidates = [arm for arm in last_order if arm not in used][: len(todo)]
            if respectively and last_trial is trial and len(last_order) >= len(todo):
                # "..., respectively" after "12.3 months in arm B and 10.3 in arm A" keeps B, A
                order = last_order + [arm for arm in order if arm not in last_order]
            if not_control is not None:
                candidates = [arm for arm in candidates if arm != not_control]
                order = [arm for arm in order if arm != not_control]
            elif len(todo) == 2 and len(candidates) == 1 and trial.declared_control in in_force:
                # "A improved OS (13.0 vs 10.7 months)" of three arms: A against the control
                order = [trial.declared_control, *order]
            for arm in order:
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
            if not before and _NOT_REACHED_BEFORE.search(sentence.text, 0, value.start):
                # "median OS was not reached versus 26.0 months": the second arm's, the first's has no figure
                order = self._trial_order(trial, sentence.index, 2, respectively=False)
                if len(order) == 2:
                    assigned[id(value)] = [order[1]]
                    continue
            compared, comparator = self._compared_before(sentence, value, trial) if len(before) >= 2 else (None, None)
            if compared is not None and comparator is not None:
                # "A was non-inferior to B, with a median OS of 16.5 months": the subject, not B
                assigned[id(value)] = [compared]
            elif before:
                # "Adding A to B and C extended PFS to 15.0 months": the subject is the whole
                # regimen, not the B and C it was added to
                whole = [arm for arm in before if set(before[-1]) < set(arm)]
                assigned[id(value)] = [whole[0] if whole else before[-1]]
            elif self._last_arm and self._last_trial is trial:
                assigned[id(value)] = [self._last_arm]
            elif trial.arm_sets():
                in_force = trial.arms_in_force(sentence.index)
                assigned[id(value)] = [trial.experimental_arm(in_force) or in_force[0]]
            else:
                drug = self.reading.salient_drug(sentence.start + value.start)
                if drug:
                    # "the approval of dabrafenib with trametinib ... the response rate was 41%"
                    assigned[id(value)] = [self.context.set_named_with(drug, sentence.index) or (drug,)]
        # "in the selumetinib group" names the arm by one of its drugs
        for value in values:
            trial = by_value_trial[id(value)]
            if id(value) in assigned:
                assigned[id(value)] = [self._as_trial_arm(arm, trial) for arm in assigned[id(value)]]
        other = self._another_trial(sentence, trials, values, assigned) if inherited else None
        if other is not None:
            trials = [other]
            by_value_trial = {id(v): other for v in values}
        subgroup_sentence, named_at = self.subgroups.sentence_subgroup(sentence, trials[0])
        subgroup_sentence = self.subgroups.bullet_subgroup(sentence) or subgroup_sentence
        groups: list[str | None] = []  # each figure's subgroup, in the sentence's order
        for value in values:
            trial = by_value_trial[id(value)]
            bracketed = self.subgroups.bracket_subgroup(sentence, value, trial)
            if bracketed is not None:
                subgroup = bracketed or None  # "" for "in all randomised patients (...)"
            else:
                clause = self.subgroups.clause_subgroup(sentence, value, trial, values[0].start)
                subgroup = (
                    group_in_turn(sentence, value, values)
                    or self.subgroups.value_subgroup(sentence, value, trial)
                    or clause
                )
                if clause is None:
                    own = None if named_after(sentence, value, named_at) else subgroup_sentence
                    subgroup = (
                        subgroup
                        or cohort_in_turn(sentence, value, values)
                        or self.subgroups.earlier_group_in_turn(sentence, value, values)
                        or own
                        or self.subgroups.part(trial)
                    )
                subgroup = subgroup or None
            groups.append(subgroup)
            cohort_arm = {**trial.labels, **trial.prose_labels}.get(subgroup or "")
            if cohort_arm in trial.arm_sets() and value.measure != "HR":
                # "... 9.8 and 10.2 months in cohorts B and C": the arm each labelled cohort was given
                assigned[id(value)] = [cohort_arm]
            if value.measure == "HR":
                self._hazard_ratio(sentence, value, trial, values, assigned, subgroup)
                continue
            for arm in assigned.get(id(value), []):
                if not arm or self._restated(trial, arm, value, subgroup, sentence, values):
                    continue
                arm = trial.add_arm(arm, sentence.index, "arm.from_result")
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
                        timepoint=value.timepoint,
                    )
                )
                self._last_arm, self._last_trial = arm, trial
        figures = [arm for v in values if v.measure != "HR" for arm in assigned.get(id(v), []) if arm]
        self._last_order = (trials[0], list(dict.fromkeys(figures)))
        ratio_endpoints = [v.endpoint for v in values if v.endpoint in {"PFS", "OS"}]
        if ratio_endpoints:
            self._last_time_endpoint = ratio_endpoints[-1]
        rates = [(v.endpoint, v.timepoint) for v in values if v.measure == "rate" and v.endpoint]
        if rates:
            self._last_rate = rates[-1]
        self.subgroups.remember(sentence, subgroup_sentence, groups)
        return trials

    def _another_trial(
        self,
        sentence: Sentence,
        trials: list[TrialState],
        values: list[Value],
        assigned: dict[int, list[tuple[str, ...]]],
    ) -> TrialState | None:
        """A new unnamed trial for figures inherited from the trial in focus whose drugs that
        trial never named: "Mobocertinib ... showed a response rate of 28% in 114 patients"
        after a paragraph on another drug's trial."""
        if len(trials) != 1 or not trials[0].arms:
            return None
        trial = trials[0]
        drugs = {drug for value in values for arm in assigned.get(id(value), []) for drug in arm}
        named = {m.key for index in trial.sentences for m in self.reading.sentences[index].of("drug")}
        if not drugs or drugs & (trial.drugs | named):
            return None
        new = self._mint(sentence)
        self.tracker.enrolment(sentence, new, sentence.start, sentence.end)
        return new

    @staticmethod
    def _rule(value: Value, assigned: dict[int, list[tuple[str, ...]]]) -> str:
        if value.list_id is not None:
            return "outcome.versus_list"
        return "outcome.median" if value.measure == "median" else "outcome.rate"

    def _restated(
        self,
        trial: TrialState,
        arm: tuple[str, ...],
        value: Value,
        subgroup: str | None,
        sentence: Sentence,
        values: list[Value],
    ) -> bool:
        """A subgroup's figure already reported for the trial and endpoint, repeated: for comparison
        next to a subgroup's, or in a summary that names the subgroup otherwise ("In that
        PD-L1-positive group, ..." then "Key figures (PD-L1 of 1% or more): ...")."""
        if subgroup is None:
            return False
        earlier = [r for r in self.results if r.trial is trial and r.endpoint == value.endpoint]
        overall = [r for r in earlier if r.value == value.value and r.subgroup is None]
        if any(r.arm != arm for r in overall):
            return True  # "15.8% versus 15.2%": a subgroup's figure beside another arm's overall one
        # the whole list repeated: every figure of the sentence for the endpoint reported before
        # ("8.6 months with A compared with 1.9 months with B": B's overall figure may recur)
        listed = [v.value for v in values if v.endpoint == value.endpoint and v.measure == value.measure]
        told = [r for r in earlier if r.sentence.index != sentence.index]
        if overall and all(any(r.value == figure for r in told) for figure in listed):
            return True
        before = {(r.value, r.arm) for r in told if r.subgroup is not None}
        values_before = {figure for figure, _ in before}
        return (value.value, arm) in before and all(v in values_before for v in listed)

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
        # the figures since the ratio before it: "(23.9 v 9.2 months; HR 0.39), as did C (14.7 v 9.2; HR 0.65)"
        since = max((v.end for v in values if v.measure == "HR" and v.end <= value.start), default=0)
        for other in values:
            if other.measure != "HR" and other.endpoint == value.endpoint and since <= other.start < value.start:
                for arm in assigned.get(id(other), []):
                    if arm not in arms:
                        arms.append(arm)
        in_force = trial.arms_in_force(sentence.index)
        control = trial.control_arm(in_force)
        experimental = trial.experimental_arm(in_force)
        compared, comparator = self._compared_before(sentence, value, trial)
        own = assigned.get(id(value))
        labelled = self._labelled_comparison(sentence, value, trial)
        if labelled is not None:
            # "(A vs B: HR 0.10 [...]; C vs B: HR 0.20 [...])"
            (experimental, control), arms = labelled, []
        elif own:
            # "0.52 for the combination versus ipilimumab": the ratio names its arms itself
            experimental = own[0]
            named = self._comparators.get(id(value))
            control = self._as_trial_arm(named, trial) if named else comparator or control
            arms = []
        elif not arms and compared:
            # "favoured A over B (hazard ratio for death, 0.66)"
            experimental, control = compared, comparator or control
        if len(arms) >= 2:
            experimental = next((a for a in arms if a != control), arms[0])
            if control not in arms or control == experimental:
                control = next((a for a in arms if a != experimental), control)
        elif len(arms) == 1 and comparator is not None and comparator != arms[0]:
            # "A was non-inferior to B, with a median OS of 16.5 months (HR 0.86)"
            experimental, control = arms[0], comparator
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

    def _labelled_comparison(
        self, sentence: Sentence, value: Value, trial: TrialState
    ) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
        """The two arms a ratio's own label compares: "A vs B: HR 0.20", "A versus B, hazard
        ratio 0.61" right before the ratio, inside its bracket or clause."""
        text = sentence.text
        opening = max(text.rfind(mark, 0, value.start) for mark in "([;")
        segment = text[opening + 1 : value.start]
        match = _COMPARISON_LABEL.fullmatch(segment)
        if match is None:
            return None
        start = sentence.start + opening + 1
        groups = agent_groups(self.reading, sentence, start, start + match.end("pair"), self.context)
        if len(groups) != 2:
            return None
        first, second = (self._as_trial_arm(drugs, trial) for drugs, _agent in groups)
        return (first, second) if first != second else None

    def _sets_named_after(
        self, sentence: Sentence, members: list[Value], trial: TrialState
    ) -> list[tuple[str, ...]] | None:
        """The arms a bracket, a plural label ("in the A, B and C groups") or a list closed by
        "respectively" right after a list of figures names one per figure, in order."""
        bracket = (
            _BRACKET_AFTER_LIST.match(sentence.text, members[-1].end)
            or _GROUPS_AFTER_LIST.match(sentence.text, members[-1].end)
            or _ARMS_AFTER_LIST_RESPECTIVELY.match(sentence.text, members[-1].end)
        )
        if bracket is None:
            return None
        self._focus(trial)
        start, end = sentence.start + bracket.start("inside"), sentence.start + bracket.end("inside")
        groups = agent_groups(self.reading, sentence, start, end, self.context)
        if len(groups) != len(members):
            # "in the monotherapy, A-chemotherapy and B-chemotherapy groups": one arm per item
            cuts = [start, *(start + m.end() for m in _LIST_ITEM_BREAK.finditer(self.reading.text[start:end]))]
            groups = []
            for item_start, item_end in zip(cuts, [*cuts[1:], end], strict=True):
                groups += agent_groups(self.reading, sentence, item_start, item_end, self.context)[:1]
            if len(groups) != len(members):
                return None
        return [self._as_trial_arm(drugs, trial) for drugs, _ in groups]

    def _bracketed_comparison(
        self, sentence: Sentence, members: list[Value], trial: TrialState
    ) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
        """The two arms a bracketed pair of figures compares, named by the clause before the
        bracket ("A prolonged PFS compared with B (median, 23.9 v 9.2 months"); after "as did C"
        C faces the comparator the sentence named before."""
        before = sentence.text[: members[0].start]
        if before.count("(") <= before.count(")"):
            return None
        as_did = list(_AS_DID.finditer(before))
        if as_did:
            start = sentence.start + as_did[-1].end()
            groups = agent_groups(self.reading, sentence, start, sentence.start + members[0].start, self.context)
            experimental = self._as_trial_arm(groups[0][0], trial) if groups else None
            comparator = self._sentence_comparator.get(sentence.index)
        else:
            experimental, comparator = self._compared_before(sentence, members[0], trial)
        if experimental is None or comparator is None or experimental == comparator:
            return None
        self._sentence_comparator[sentence.index] = comparator
        return experimental, comparator

    def _compared_before(
        self, sentence: Sentence, value: Value, trial: TrialState
    ) -> tuple[tuple[str, ...] | None, tuple[str, ...] | None]:
        """The arms a comparison before a ratio names, in its clause: "A over B", "A versus B",
        or a leading "Compared with B, ..." (experimental, comparator; either may be None)."""
        self._focus(trial)
        end = sentence.start + value.start
        breaks = _top_level_breaks(self.reading.text[sentence.start : end])
        start = sentence.start + (breaks[-1] if breaks else 0)
        groups = agent_groups(self.reading, sentence, start, end, self.context)
        if not groups:
            return None, None
        text = self.reading.text
        arms = [self._as_trial_arm(drugs, trial) for drugs, _agent in groups]
        if _COMPARED_WITH_BEFORE.search(text, start, groups[0][1].start):
            return (arms[-1] if len(arms) > 1 else None), arms[0]
        if len(groups) > 1 and (
            _TRAIL_BLOCK.search(text, groups[0][1].end, groups[1][1].start)
            or _COMPARATIVE_TO.search(text, groups[0][1].end, groups[1][1].start)
        ):
            return arms[0], arms[1]
        return arms[0], self._compared_after(sentence, value, trial)

    def _compared_after(self, sentence: Sentence, value: Value, trial: TrialState) -> tuple[str, ...] | None:
        """The comparator a clause names right after the brackets its figures stand in: "A improved
        both PFS (median 6.2 v 4.8 months) and OS (...) versus B"."""
        text = self.reading.text
        before = sentence.text[: value.start]
        depth = before.count("(") - before.count(")")
        if depth <= 0:
            return None
        for position in range(sentence.start + value.end, sentence.end):
            char = text[position]
            if char == "(":
                depth += 1
            elif char == ")":
                depth -= 1
                comparison = _COMPARED_WITH_AFTER.match(text, position + 1) if depth == 0 else None
                if comparison is not None:
                    groups = agent_groups(self.reading, sentence, comparison.end(), sentence.end, self.context)
                    return self._as_trial_arm(groups[0][0], trial) if groups else None
            elif depth == 0 and char == ";":
                break
        return None

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
    def _trial_order(trial: TrialState, index: int, size: int, respectively: bool) -> list[tuple[str, ...]]:
        """The order a list of figures follows: experimental then control; for "respectively",
        or with three arms or more, the order the text last listed the arms in before it."""
        sets = trial.arm_sets()
        listed = trial.listed_before(index, size)
        if (respectively or len(sets) >= 3) and listed:
            order = [a for a in listed if a in sets]
        else:
            in_force = trial.arms_in_force(index)
            order = [a for a in (trial.experimental_arm(in_force), trial.control_arm(in_force)) if a is not None]
        return order + [a for a in sets if a not in order]

    # -- arms --------------------------------------------------------------------------------

    def _focus(self, trial: TrialState) -> None:
        self.context.arms = trial.arm_sets()
        self.context.control = trial.control_arm()
        self.context.labels = {**trial.labels, **trial.prose_labels}

    def _trailing_arm(
        self, sentence: Sentence, value: Value, values: list[Value], trial: TrialState
    ) -> tuple[str, ...] | None:
        self._focus(trial)
        if _BOTH_ARMS.match(sentence.text[value.end :]):
            return None  # "5.6 months in both arms, yet the ratio favoured A": every arm's figure
        following = [v.start for v in values if v.start > value.end]
        limit = sentence.start + (following[0] if following else len(sentence.text))
        start = sentence.start + value.end
        clause_break = re.search(r";|,\s+(?:and|but|while|whereas|although|though)\b", self.reading.text[start:limit])
        if clause_break:
            limit = start + clause_break.start()
        before = sentence.text[: value.start]
        if before.count("(") > before.count(")"):
            # a figure in brackets ("(hazard ratio for death, 0.66)") names its arm inside them,
            # unless the brackets hold the figure alone ("Sixteen (37%) of 43 patients in ...")
            closing = self.reading.text.find(")", start, limit)
            opening = before.rfind("(")
            alone = not before[opening + 1 :].strip()
            # "given A (10.2 months)": a figure alone in brackets right after an agent is the agent's
            after_agent = any(
                m.kind in {"drug", "class", "regimen", "placebo"}
                and sentence.local(m.end) <= opening
                and not sentence.text[sentence.local(m.end) : opening].strip()
                for m in sentence.mentions
            )
            if closing >= 0 and (self.reading.text[start:closing].strip() or not alone or after_agent):
                limit = closing
        groups = agent_groups(self.reading, sentence, start, limit, self.context)
        if not groups and _WITHOUT_IT.match(self.reading.text, start, limit):
            return trial.control_arm()  # "72.6% with the drug compared with 60.1% without it"
        if not groups:
            return () if self._placebo_follows(sentence, start, limit) else None
        drugs, agent = groups[0]
        gap = self.reading.text[start : agent.start]
        outside = _SHARE_OF.sub("", re.sub(rf"{BRACKETED}|\[[^\[\]]*\]", "", gap))
        # a table cell ends at its bar: "Arm I: 46% | Arm II: 18%" names Arm II's figure after it
        if _TRAIL_BLOCK.search(outside) or re.search(r"[\d|]", outside) or len(outside.split()) > 8:
            return None
        if agent.kind == "class" and _TREATED_AFTER.match(self.reading.text[agent.end :]):
            return None
        if _WITHOUT_BEFORE.search(gap):
            # "60.1% without it", "without pembrolizumab": the one arm that lacks it
            lacking = [arm for arm in trial.arm_sets() if not set(drugs) & set(arm)]
            return lacking[0] if len(lacking) == 1 else None
        if len(groups) > 1 and _TRAIL_BLOCK.search(self.reading.text[agent.end : groups[1][1].start]):
            self._comparators[id(value)] = groups[1][0]
        if agent.kind == "placebo" and drugs not in trial.arm_sets():
            # "6.8 months with placebo plus B": the control arm is B alone, not the arm that adds
            # a drug to B
            return trial.add_arm(drugs, sentence.index, "arm.from_result")
        return drugs

    def _placebo_follows(self, sentence: Sentence, start: int, limit: int) -> bool:
        """Whether the figure is for a placebo arm that has no drug of its own: "13.8 months in the
        placebo group" of a trial whose arms are a drug and placebo."""
        placebo = next((m for m in sentence.of("placebo") if start <= m.start < limit), None)
        return placebo is not None and len(self.reading.text[start : placebo.start].split()) <= 8

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
            if _DESCRIBED_IN_PASSING.search(self.reading.text, max(start, agent.start - 80), agent.start):
                continue
            if _FAVOURED_BEFORE.search(self.reading.text, max(start, agent.start - 30), agent.start):
                continue  # "outcomes favoured B: 29% versus 52%": a verdict, not the list's first arm
            # "among those treated with A" is a subgroup by prior treatment; "... with A alone" an arm
            if in_subgroup_phrase(self.reading.text, sentence, agent.start) and not ALONE_AFTER.match(
                self.reading.text, agent.end
            ):
                continue
            drugs = self._as_trial_arm(drugs, trial)
            sets = trial.arm_sets()
            if drugs not in sets and len(drugs) > 1 and all((d,) in sets for d in drugs):
                # "eribulin and dacarbazine gave 12.7 and 13.0 months": two arms, each a drug alone, in
                # the order the text names them
                named = [m.key for m in sentence.of("drug") if agent.start <= m.start < end and m.key in drugs]
                arms.extend((d,) for d in dict.fromkeys([*named, *drugs]) if (d,) not in arms)
                continue
            if drugs not in arms:
                arms.append(drugs)
        return arms

    def _as_trial_arm(self, drugs: tuple[str, ...], trial: TrialState) -> tuple[str, ...]:
        sets = trial.arm_sets()
        if trial.randomized and len(sets) == 1 and len(drugs) >= 2 and set(drugs) < set(sets[0]):
            # "A was combined with B and C (Vd) in TRIAL ... 7.1 months with Vd": the backbone
            # a randomised trial that names one arm compares its arm with
            return drugs
        return arm_for(self.reading, trial, drugs)


# "median OS was not reached versus 26.0 months": the first of a pair that has no figure
_NOT_REACHED_BEFORE = re.compile(
    r"\bnot\s+(?:yet\s+)?(?:been\s+)?reached\s*(?:\([^()]*\)\s*)?(?:,\s*)?(?:versus|vs\.?|v|compared\s+with)\s*$", re.I
)
# "outcomes favoured B": the arm a verdict names
_FAVOURED_BEFORE = re.compile(r"\bfavou?r(?:ed|ing|s)?\s+(?:the\s+)?$", re.I)
# "..., a histology that responds poorly to B:": a drug in a description, no arm of the figures
_DESCRIBED_IN_PASSING = re.compile(r",\s+(?:a|an)\s+[\w-]+(?:\s+[\w-]+)?\s+(?:that|which)\s+[^,;:()]*$", re.I)
# the unit a list of figures may end on before the words that name their arms
_LIST_UNIT = r"\s*(?:months?|weeks?|%|percent)?\s*"
# "... 9.1 months (A vs B vs C)": the arms of a list, in a bracket right after it
_LIST_ITEM_BREAK = re.compile(r",\s*(?:and\s+)?|\s+and\s+", re.IGNORECASE)
_BRACKET_AFTER_LIST = re.compile(rf"{_LIST_UNIT}\((?P<inside>[^()]+)\)")
_GROUPS_AFTER_LIST = re.compile(
    rf"{_LIST_UNIT}(?:of\s+(?:the\s+)?(?:patients|participants)\s+)?(?:in|with|for)\s+"
    rf"(?P<inside>the\s+[^.;()]+?)\s+{PLURAL_ARM_NOUN}",
    re.IGNORECASE,
)
# "38.8%, 41.5% and 24.4% with A, B and C, respectively"
_ARMS_AFTER_LIST_RESPECTIVELY = re.compile(
    rf"{_LIST_UNIT}(?:with|for|in)\s+(?:the\s+)?(?P<inside>[^.;()]+?),?\s+respectively\b", re.IGNORECASE
)


_LATTER_AFTER = re.compile(
    r"\s*(?:months?|weeks?|%)?\s*,?\s*(?:in|for|with)\s+the\s+(?:latter|last)\s+(?:two|three)\b", re.I
)
_CAPTION_LENGTH = 80
_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:%|months?|weeks?)|\b(?:HR|hazard ratio)\b", re.I)
_WITHOUT_BEFORE = re.compile(r"\bwithout\s+(?:the\s+)?$", re.I)
_WITHOUT_IT = re.compile(r"\s*(?:%\s*)?without\s+(?:it|them)\b", re.I)


def _top_level_breaks(text: str) -> list[int]:
    """Where the clauses of a text end, leaving out the semicolons and commas inside brackets:
    in "A over B (median, 9.7 vs. 6.1 months; hazard ratio, 0.59)" the ratio's clause still
    names A and B."""
    depth, ends = 0, []
    for match in re.finditer(r"[()\[\]]|;|,\s+(?:and|but|while|whereas)\b", text):
        mark = match.group()
        if mark in "([":
            depth += 1
        elif mark in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            ends.append(match.end())
    return ends


__all__ = ["Result", "ResultReader", "sorted_drugs"]
