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
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ingest.mentions import ARM_LABEL, Mention, Reading, Sentence, sorted_drugs
from ingest.numbers import Quantity, find_hazard_ratios, find_p_values, find_quantities, parse_number
from ingest.subgroups import subgroup_label
from ingest.tables import PipeTable, Row, grid_header, grid_row
from ingest.trials import TrialState, TrialTracker, agent_groups, arm_for

TIME_ENDPOINTS = frozenset({"PFS", "OS", "DOR"})
RATE_ENDPOINTS = frozenset({"ORR", "DCR"})

_CUES: tuple[tuple[re.Pattern[str], str | None], ...] = (
    # second progression (PFS2) and time to treatment failure are not PFS; a complete response
    # rate is not the objective response rate (a partial response rate is, when none was complete)
    (
        re.compile(
            r"\b(?P<at>time to (?:second|subsequent) (?:disease )?progression|second (?:disease )?progression|"
            r"PFS2|time to (?:treatment )?failure)\b",
            re.I,
        ),
        None,
    ),
    (
        re.compile(r"\brespon\w*\b[^.;]{0,60}?\b(?P<at>lasted|lasting|lasts|durable|persist\w*|endured)\b", re.I),
        "DOR",
    ),
    (
        re.compile(
            r"(?<![(/])\b(?P<at>complete\s+(?:respon(?:ses?|ders?)|remissions?))\b(?!\s+or\s+partial)",
            re.I,
        ),
        None,
    ),
    # a molecular, cytogenetic, pathological or PSA response is not an objective (radiological) one
    (
        re.compile(
            r"\b(?P<at>(?i:(?:(?:major|complete|deep|partial|overall)\s+)?(?:molecular|cytogenetic|ha?ematologic(?:al)?|"
            r"patholog(?:ic|ical)|metabolic|serologic(?:al)?|PSA|biochemical)\s+respon\w*)|MMR|CCyR|MRD|pCR)\b"
        ),
        None,
    ),
    (re.compile(r"\b(?P<at>time (?:before|to) (?:disease )?progression or death)\b", re.I), "PFS"),
    # "hazard ratio for disease progression or death", "HR for death"
    (re.compile(r"\b(?P<at>(?:disease )?progression or death|death or (?:disease )?progression)\b", re.I), "PFS"),
    (re.compile(r"\b(?P<at>death|mortality)\b", re.I), "OS"),
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
    r"\b(?:at|after|within|up to|every|by|for up to|over|beyond|until|than|least|landmark|aged?)\s*$"
    # a difference between arms: "an improvement of 9.4 months", "a gain in median OS of 4 months"
    r"|\b(?:improvement|gain|difference|prolongation|extension|increase|reduction|benefit)\s+"
    r"(?:in\s+(?:median\s+)?[\w-]+(?:\s+[\w-]+)?\s+)?of\s*(?:about\s+|approximately\s+)?$",
    re.I,
)
# "in 64% and 59% of responders": a share of the responders, not a response rate
_OF_RESPONDERS = re.compile(
    r"^[^.;]{0,30}?\bof\s+(?:the\s+|those\s+|these\s+)?(?:responders|responding\s+patients|responses)\b", re.I
)
_LIST_GAP = re.compile(
    r"^\s*(?:months?|weeks?|%|percent)?\s*(?:\((?:[^()]|\([^()]*\))*\)\s*)?,?\s*"
    r"(?:and|or|versus|vs\.?|v\.?|to|compared with|as against|against|,)\s*$",
    re.I,
)
# "(37%) of 43 evaluable patients in the selumetinib group": the arm follows the denominator
# "(37%) of 43 evaluable patients in the selumetinib group", "10.5 mo (IQR ...) for 628 patients
# allocated ramucirumab plus docetaxel": the arm follows the patient count
_SHARE_OF = re.compile(
    r"^\s*\)?\s*(?:of|for|in|among)\s+(?:the\s+)?\d+\s+(?:[\w-]+\s+){0,2}?(?:patients|participants)\s+"
    r"(?:who\s+)?(?:were\s+)?(?:in|on|receiving|received|given|allocated(?:\s+to)?|assigned\s+to|"
    r"randomi[sz]ed\s+to|treated\s+with|with)\s+",
    re.I,
)
_COMPARED_WITH_BEFORE = re.compile(r"\b(?:compared\s+with|relative\s+to|versus|vs\.?|against)\s+(?:the\s+)?$", re.I)
_TRAIL_BLOCK = re.compile(r"\b(?:versus|vs|compared|comparison|than|against|over|whereas|while)\b", re.I)
# "A was non-inferior to B", "A was better than B": A is the subject, B the comparator
_COMPARATIVE_TO = re.compile(
    r"\b(?:non-?inferior|superior|inferior|equivalent|similar|comparable|better|worse)\s+(?:to|than|with)\b", re.I
)
_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
_AS_DID = re.compile(r",?\s+(?:as|so)\s+did\b", re.I)
_GENERALISATION = re.compile(r"\b(?:rarely|seldom|typically|usually|generally|historically|commonly)\b", re.I)
# "- HRD-positive (n=387): 37.2 vs 17.7 months": a bulleted line under its label
_BULLET_LINE = re.compile(r"^\s*[\u2022\u25aa\u25e6\u2023\u00b7*\u2013-]\s*(?P<label>[^:;\d][^:;]{1,60}?)\s*:")
# "the median was 11.3 months versus 6.8 months": a median whose endpoint an earlier sentence named
_BARE_MEDIAN = re.compile(
    r"\bmedians?\b(?:\s+(?:was|were|of))?[\s,:(]*"
    r"(?:\d+(?:\.\d+)?\s*(?:months?|weeks?)?\s*(?:vs\.?|versus|and|or|,)\s*)?$",
    re.I,
)
_BOTH_ARMS = re.compile(r"^[^.;]{0,25}\b(?:in|for)\s+(?:both|each|all)\s+(?:arms|groups)\b", re.I)
_TREATED_AFTER = re.compile(r"^[-\s]*(?:treated|pretreated|pre-treated|exposed|experienced|naive)\b", re.I)
# "Label: 11.0", "Label: median 11.0 months (96% CI 7.4 to 13.8)"
_TABLE_ROW = re.compile(
    r"(?P<label>[A-Za-z][\w /+()-]{0,40}?)\s*:\s*(?:(?:median|mean)\s+)?(?P<value>\d+(?:\.\d+)?)"
    r"(?P<unit>\s*(?:months?|weeks?|%|percent(?:age)?)\b)?",
    re.I,
)
_TABLE_OUTCOME_FIELD = re.compile(
    r"\s*(?:\d{1,2}\.\s*)?(?:(?:primary|secondary|other)(?:\s+outcome(?:\s+measures?)?)?|outcome(?:\s+measures?)?)"
    r"(?:\s+title)?(?:\s+\d{1,2})?\s*:",
    re.I,
)
# lines of an outcome measure that hold no figures of it
_TABLE_TIME_FRAME = re.compile(
    r"\s*(?:time\s+frame|population|description|analysis\s+population|measure\s+type)\b", re.I
)
_TABLE_UNIT_LINE = re.compile(r"\bunits?\s+of\s+measure\b|^\s*(?:median|mean|percentage|number)\b", re.I)
_TABLE_HR_BRACKET = re.compile(
    r"\b(?:hazard ratio|HR)\s*\((?P<arm>[\w /+-]+?)\s+(?:vs\.?|versus)\s+(?P<comparator>[\w /+-]+?)\)", re.I
)
# A results record in columns (see ResultReader._read_columns)
_COLUMN_TITLES = re.compile(r"^\s*arm/group\s+title\s*:\s*(?P<labels>[^|\n]+(?:\|[^|\n]+)+?)\s*$", re.I)
_MEASURE_TITLE = re.compile(
    r"^\s*(?:\d{1,2}\.\s*)?(?:(?:primary|secondary|other(?:\s+pre-?specified)?)(?:\s+outcome(?:\s+measures?)?)?|"
    r"(?:outcome\s+(?:measure\s+)?)?title)\s*:",
    re.I,
)
_RECORD_SECTION = re.compile(
    r"^\s*(?:(?:serious|other)\s+)?(?:adverse\s+events|baseline\s+characteristics|participant\s+flow|"
    r"more\s+information|limitations)\b",
    re.I,
)
_COLUMN_CELL = r"\s*(?:NA|NE|\d+(?:\.\d+)?)\b[^|\n]*"
_COLUMN_ROW = re.compile(
    rf"^\s*(?:(?P<measure>(?:median|mean|number|percentage|proportion)\b[^:|\n]*):)?"
    rf"(?P<cells>{_COLUMN_CELL}(?:\|{_COLUMN_CELL})+)$",
    re.I,
)
_COLUMN_FIGURE = re.compile(
    r"\s*(?P<value>\d+(?:\.\d+)?)\s*(?:\[\d+\]\s*)?(?:\(\s*(?P<low>\d+(?:\.\d+)?)\s+to\s+(?P<high>\d+(?:\.\d+)?))?"
)
_COLUMN_HR = re.compile(
    r"^\s*(?:statistical\s+analysis\s*:[^.;\n]*[.;]\s*)?(?:(?P<subgroup>[^:;]+?),\s*)?hazard\s+ratio\b", re.I
)
_TABLE_HR = re.compile(
    r"^(?P<arm>[\w /+-]+?)\s+(?:vs\.?|versus)\s+(?P<comparator>[\w /+-]+?)\s*:\s*(?:hazard ratio|HR)\b", re.I
)

# Subgroups: a figure for part of the patients.
_LEADING_SUBGROUP = (
    re.compile(r"\bamong\s+(?P<phrase>(?!all\b)[^,;:()]{4,90}?)(?:,|\s+(?=median|the\b))", re.I),
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
    # "In patients with primary endocrine resistance, the HR was ..." (a population phrase that
    # names a disease is the trial's population, not a subgroup: see _names_population)
    re.compile(
        r"^(?:[A-Z][\w ]{0,20}:\s*)?(?:In|Among|For)\s+(?:the\s+)?(?:[\w-]+\s+)?"
        r"(?:(?:cohort|subgroup|subset|population)\s+of\s+)?(?:\d+\s+)?"
        r"(?P<phrase>(?:patients|participants|those)\s+(?:with|without|harbou?ring|carrying)\s+[^,;]{3,80}),",
        re.I,
    ),
)
# A subgroup named right after a figure: "63% among previously treated patients", "0.43 (95% CI
# ...) among patients with exon 19 deletions".
# A count in the phrase ("28% in 114 platinum-pretreated patients") gives the population the
# figure is for, not a subgroup; "among" introduces one whatever follows.
_TRAILING_SUBGROUP = re.compile(
    r"^\s*(?:\((?:[^()]|\([^()]*\))*\)\s*)?(?:among\s+(?:the\s+)?(?:\d+\s+)?|in\s+(?:the\s+)?(?!\d)|"
    r"of\s+(?:the\s+)?(?:\d+\s+)?(?=(?:patients|participants|those)\s+(?:with|without|who|whose)\b))(?P<phrase>"
    r"(?:patients|participants|those)\s+(?:with|without|who|whose|harbou?ring|carrying)\b[^,;()]{3,70}?"
    r"|(?:[\w-]+\s+){1,3}(?:patients|participants))(?=\s*(?:[,;.)]|\band\b|\bversus\b|\bvs\b|$))",
    re.I,
)
# a cohort named by a letter or number: "cohort A", "Cohort 2"
_COHORT_LETTER = r"(?i:cohort)\s+(?-i:[A-Z0-9]{1,2})\b"
_LABELLED_COHORT = re.compile(
    rf"^(?:[A-Z][\w ]{{0,20}}:\s*)?(?:In|Among|For)\s+(?:the\s+)?(?P<phrase>{_COHORT_LETTER})"
)
# "In the AKT pathway-altered population, ...", "In the melanoma expansion cohort (n = 22), ..."
_NAMED_POPULATION = re.compile(
    r"^(?:[A-Z][\w ]{0,20}:\s*)?(?:In|Among|For)\s+the\s+"
    r"(?P<phrase>(?!(?:overall|intention|whole|entire|total|safety|efficacy|full|primary|study|trial)\b)"
    r"[\w/+-]+(?:\s+[\w/+-]+){0,3}?\s+(?:population|subgroup|subset|cohort))\b",
    re.I,
)
_QUALIFIED_GROUP = re.compile(
    r"\b(?:in|among|for)\s+the\s+(?P<phrase>(?:pre-?treated|previously\s+treated|treatment[- ]na[iï]ve|untreated|"
    r"na[iï]ve|refractory|[\w/]+-(?:mutant|mutated|positive|negative|pre-?treated|na[iï]ve|refractory))\s+"
    r"(?:group|cohort|subgroup|population|patients))\b",
    re.I,
)
_COHORT_WORD = re.compile(r"\bcohort\b", re.I)  # a cohort stays in force; a subgroup is one sentence's
_ALL_PATIENTS = re.compile(
    r"\b(?:all|overall|entire|whole|total)\s+(?:\w+\s+)?(?:patients|participants|population|cohort)\b|"
    r"\bintention[- ]to[- ]treat\b",
    re.I,
)
# "acalabrutinib monotherapy vs chlorambucil-obinutuzumab: HR " before a ratio
_COMPARISON_LABEL = re.compile(
    r"\s*(?P<pair>[^:,]{3,80}?\s(?:vs\.?|versus)\s[^:,]{3,80}?)\s*[:,]\s*"
    r"(?:(?:the\s+)?(?:HR|hazard\s+ratio)(?:\s+for\s+[\w\s]{3,30}?)?\s*(?:[:=,]\s*)?)?",
    re.I,
)
# "... in patients with ESCC (": the population a bracket of figures is for
_POPULATION_BEFORE_BRACKET = re.compile(
    r"\b(?:in|among|for)\s+(?P<phrase>(?:the\s+|all\s+)?(?:[\w-]+\s+)?(?:patients|participants|those)"
    r"(?:\s+(?:with|without|whose|who|previously\s+treated\s+with|pre-?treated\s+with|not\s+previously\s+treated\s+with)"
    r"\b[^,;()\[\]]{2,70}?)?|the\s+[^,;()\[\]]{2,40}?\s+(?:population|subgroup|cohort))"
    r"\s*$",
    re.I,
)
_ANAPHORIC_SUBGROUP = re.compile(
    r"\b(?:this|that|these|the same)\s+(?:[\w-]+\s+){0,2}?(?:subgroup|subset|population|cohort)\b", re.I
)
# "... focused on the 313 patients without a detectable alteration. In this subgroup, ..."
_PATIENTS_WHO = re.compile(r"\b(?:patients|participants|those)\s+(?:with|without|whose|who)\b[^,;.()]{3,60}", re.I)
_TRAILING_COHORT = re.compile(
    r"^\s*(?:\((?:[^()]|\([^()]*\))*\)\s*)?in\s+(?:the\s+(?P<name>[\w/ -]{2,30}?)\s+cohort\b|"
    rf"(?:the\s+)?(?P<label>{_COHORT_LETTER}))",
    re.I,
)
_LETTERED_COHORT = re.compile(rf"\b{_COHORT_LETTER}")
# "the ORR in cohort A was 37%": a lettered cohort named in the figure's clause, before it
_COHORT_BEFORE = re.compile(rf"\b(?:in|for|of)\s+(?:the\s+)?(?P<label>{_COHORT_LETTER})[^,;()\d]*$", re.I)
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
        # the trial before a paragraph that names none, while its sentences name no drug either
        self._before_paragraph: list[TrialState] = []
        self._last_time_endpoint: str | None = None  # for a ratio whose sentence names no endpoint
        self._cohort: str | None = None  # a cohort subgroup that later sentences continue
        self._sentence_comparator: dict[int, tuple[str, ...]] = {}  # the arm a sentence compares with
        self._pipe = PipeTable()
        # the arms the last sentence with figures gave them to, in order
        self._last_order: tuple[TrialState | None, list[tuple[str, ...]]] = (None, [])
        self._comparators: dict[int, tuple[str, ...]] = {}  # value id -> arm named after "versus"
        self._table: tuple[str, str, str | None] | None = None  # endpoint, measure, unit
        # a results record whose figures stand in columns, one per arm ("6.8 (5.7 to 8.3) | 4.3 ...")
        self._columns: list[tuple[str, ...]] | None = None
        self._column_endpoint: str | None = None
        self._column_unit: str | None = None
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
            trials = self.tracker.by_sentence.get(sentence.index, [])
            inherited = not trials
            if not trials:
                # the items of a bulleted list continue the sentence that introduced them
                new_paragraph = self.reading.starts_paragraph(sentence) and not _BULLET_LINE.match(sentence.text)
                if new_paragraph and self._table is None:
                    self._before_paragraph = [previous_topic] if previous_topic else []
                    trials = self._paragraph_trial(sentence)
                    self._last_arm = self._last_subgroup = self._last_time_endpoint = None
                elif self._before_paragraph:
                    trials = self._paragraph_trial(sentence)
                else:
                    trials = previous_trials[-1:]
            else:
                self._before_paragraph = []
            topic = topic or (trials[0] if trials else None)
            row = self._pipe.feed(sentence)
            if row is not None and (trials or self._main):
                self._table_row(sentence, row, trials[0] if trials else self._main)
                previous_trials = trials or previous_trials
                continue
            if self._read_columns(sentence, trials) or self._read_table(sentence, trials):
                previous_trials = trials or previous_trials
                continue
            trials = self._read_prose(sentence, trials, inherited)
            previous_trials = trials or previous_trials
        return self.results

    def _paragraph_trial(self, sentence: Sentence) -> list[TrialState]:
        """The trial a paragraph that names none is about: the paper's main trial, unless the
        trial the paragraph before was about has every drug the paragraph first names among its arms
        and the main trial does not ("An exploratory analysis ... did better on A (...) and on B"
        after a paragraph on the trial of A against B, in a review of several trials). The
        question stays open over the paragraph's sentences until one names a drug."""
        main = [self._main] if self._main else []
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
            if len(named) >= 2 and previous[0] in named and self._values(sentence):
                self._before_paragraph = []
                return previous
            return main
        self._before_paragraph = []
        if drugs <= previous[0].drugs and not (self._main and drugs <= self._main.drugs):
            return previous
        return main

    # -- registry tables ---------------------------------------------------------------------

    def _read_columns(self, sentence: Sentence, trials: list[TrialState]) -> bool:
        """A registry results record that gives each outcome measure as columns, one per arm: a
        title line naming the endpoint ("2. Primary: Progression-Free Survival", "Title: Overall
        Survival"), the columns' arm labels ("Arm/Group Title: A | B"), a unit line ("Median (95%
        CI), Unit of Measure: months"), a row of figures in the same order ("6.8 (5.7 to 8.3) |
        4.3 (4.0 to 5.6)"; "NA" when not estimable) and hazard ratios in its statistical
        analysis ("Hazard Ratio (HR): 0.59", "Subgroup X, Hazard Ratio (HR): 0.80"). Title and
        unit lines are left to the other readers as well."""
        text = sentence.text
        trial = trials[0] if trials else self._main
        if trial is None:
            return False
        titles = _COLUMN_TITLES.match(text)
        labels = (
            [" ".join(label.casefold().split()) for label in titles.group("labels").split("|")]
            if titles
            else grid_header(text)
        )
        if labels:
            arms = [trial.labels[label] for label in labels if label in trial.labels]
            self._columns = arms if len(arms) == len(labels) else None
            return True
        if _MEASURE_TITLE.match(text):
            endpoints = sentence.of("endpoint")
            self._column_endpoint = endpoints[0].key if endpoints else None
            self._column_unit = None
            return False
        if _RECORD_SECTION.match(text):
            self._columns = None
            return False
        if self._columns is None or self._column_endpoint is None:
            return False
        row = _COLUMN_ROW.match(text) or _COLUMN_ROW.match(_grid_row_as_measure(text))
        if row is None and _TABLE_UNIT_LINE.search(text):
            self._column_unit = _unit_named(text) or self._column_unit
            return False
        if row is not None:
            self._column_row(sentence, trial, row)
            return True
        if _COLUMN_HR.match(text) and len(self._columns) == 2:
            self._column_ratio(sentence, trial, _COLUMN_HR.match(text))
            return True
        return False

    def _column_row(self, sentence: Sentence, trial: TrialState, row: re.Match[str]) -> None:
        endpoint, columns = self._column_endpoint, self._columns or []
        unit = _unit_named(row.group("measure") or "") or self._column_unit
        cells = row.group("cells").split("|")
        allowed = RATE_ENDPOINTS if unit == "%" else TIME_ENDPOINTS if unit in {"months", "weeks"} else frozenset()
        if endpoint not in allowed or len(cells) != len(columns):
            return
        for arm, cell in zip(columns, cells, strict=True):
            figure = _COLUMN_FIGURE.match(cell)
            value = parse_number(figure.group("value")) if figure else None
            if figure is None or value is None:
                continue  # "NA": not estimable
            ci = _pair(parse_number(figure.group("low") or ""), parse_number(figure.group("high") or ""))
            measure = "rate" if unit == "%" else "median"
            self._add(Result(trial, arm, endpoint, measure, value, unit, sentence, "outcome.registry_columns", ci=ci))

    def _column_ratio(self, sentence: Sentence, trial: TrialState, line: re.Match[str] | None) -> None:
        ratios = find_hazard_ratios(sentence.text)
        endpoint, columns = self._column_endpoint, self._columns or []
        if line is None or not ratios or endpoint not in {"PFS", "OS"}:
            return
        # the comparison is of the experimental arm with the control, whichever column it is in
        experimental, comparator = columns[::-1] if columns[0] == trial.control_arm() else columns
        prefix = line.group("subgroup")
        subgroup = subgroup_label(re.sub(r"\([^()]*\)", " ", prefix)) if prefix else None
        ratio = ratios[0]
        self._add(
            Result(
                trial,
                experimental,
                endpoint,
                "HR",
                ratio.value,
                None,
                sentence,
                "hr.registry_columns",
                comparator=comparator,
                ci=_pair(ratio.ci_low, ratio.ci_high),
                p=_p(ratio.p_op, ratio.p_value),
                subgroup=subgroup or None,
            )
        )

    def _read_table(self, sentence: Sentence, trials: list[TrialState]) -> bool:
        """A registry results table, read through the arm labels the record defines: a header
        naming the endpoint ("Overall survival, median (95% CI), months", "Primary outcome:
        Progression-Free Survival"), optional unit and time-frame lines, rows "Label: value",
        and hazard-ratio lines ("A vs B: hazard ratio 0.54", "Statistical analysis: Hazard
        Ratio 0.58")."""
        text = sentence.text
        trial = trials[0] if trials else self._main
        if trial is None or not trial.labels:
            return False
        header = self._table_header(sentence)
        if header is not None:
            table_endpoint, table_measure, table_unit = header
            self._table = (table_endpoint, table_measure, table_unit) if table_endpoint else None
            return True
        if self._table is None:
            return False
        endpoint, measure, unit = self._table
        rows = [m for m in _TABLE_ROW.finditer(text) if m.group("label").strip().casefold() in trial.labels]
        if _TABLE_TIME_FRAME.match(text):
            return True
        if not rows and _TABLE_UNIT_LINE.search(text):
            self._table = (endpoint, measure, _unit_named(text) or unit)
            return True
        ratios = find_hazard_ratios(text)
        if ratios and endpoint in TIME_ENDPOINTS:
            named = _TABLE_HR.match(text) or _TABLE_HR_BRACKET.search(text)
            arm = trial.labels.get(named.group("arm").strip().casefold()) if named else trial.experimental_arm()
            comparator = (
                trial.labels.get(named.group("comparator").strip().casefold()) if named else trial.control_arm()
            )
            if arm:
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
                        comparator=comparator if comparator != arm else None,
                        ci=_pair(ratio.ci_low, ratio.ci_high),
                        p=_p(ratio.p_op, ratio.p_value),
                    )
                )
            return True
        if not rows:
            self._table = None
            return False
        for row in rows:
            arm = trial.labels[row.group("label").strip().casefold()]
            value = float(row.group("value"))
            row_unit = _unit_named(row.group("unit") or "") or unit
            self._add(Result(trial, arm, endpoint, measure, value, row_unit, sentence, "outcome.registry_table"))
        return True

    def _table_row(self, sentence: Sentence, row: Row, trial: TrialState | None) -> None:
        """Figures of a pipe-table row, one per column whose header names an endpoint:
        "| Drug A + drug B | 410 | 7.8 | 40.6 |" under "| Arm | Patients | Median PFS (months) |
        ORR (%) |"."""
        if trial is None:
            return
        arm = trial.labels.get(row.cells[0].text.casefold())
        if arm is None:
            return
        for index, cell in enumerate(row.cells[1:], start=1):
            header = row.under(index)
            value = re.match(r"\s*(\d+(?:[.·]\d+)?)", cell.text)
            if header is None or value is None:
                continue
            endpoints = [m.key for m in sentence_mentions(self.reading, header.start, header.end, "endpoint")]
            if not endpoints or re.search(r"\b(?:hazard ratio|HR)\b", header.text):
                continue
            endpoint = endpoints[0]
            measure = "rate" if endpoint in RATE_ENDPOINTS else "median"
            unit = _unit_named(header.text) or ("%" if measure == "rate" else None)
            number = parse_number(value.group(1))
            if number is not None:
                self._add(Result(trial, arm, endpoint, measure, number, unit, sentence, "outcome.table"))

    @staticmethod
    def _table_header(sentence: Sentence) -> tuple[str | None, str, str | None] | None:
        """(endpoint, measure, unit) when the sentence heads a results table; an outcome header
        naming no known endpoint gives (None, ...) so that its rows are not read."""
        text = sentence.text
        endpoints = sentence.of("endpoint")
        outcome_field = _TABLE_OUTCOME_FIELD.match(text)
        listing = endpoints and not re.search(r"\d", re.sub(r"\(\s*95\s*%\s*CI\s*\)|95\s*%", "", text)) and "," in text
        if not (outcome_field or listing):
            return None
        if not endpoints:
            return (None, "median", None)
        endpoint = endpoints[0].key
        measure = "rate" if endpoint in RATE_ENDPOINTS else "median"
        return (endpoint, measure, _unit_named(text) or ("%" if measure == "rate" else None))

    # -- prose -------------------------------------------------------------------------------

    def _read_prose(self, sentence: Sentence, trials: list[TrialState], inherited: bool) -> list[TrialState]:
        """Read a sentence's figures; returns the trials they were given to (a sentence about
        a drug the trial in focus never named starts a trial of its own)."""
        values = self._values(sentence)
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
            candidates = [a for a in before if a not in used][-len(todo) :] if before else []
            respectively = _RESPECTIVELY.search(sentence.text, members[-1].end) is not None
            order = self._trial_order(trial, sentence.index, len(todo), respectively)
            last_trial, last_order = self._last_order
            if not before and len(trial.arm_sets()) >= 3 and last_trial is trial and len(last_order) >= len(todo):
                # of three arms, a list that names none continues the pair the figures before compared
                candidates = [arm for arm in last_order if arm not in used][: len(todo)]
            if respectively and last_trial is trial and len(last_order) >= len(todo):
                # "..., respectively" after "12.3 months in arm B and 10.3 in arm A" keeps B, A
                order = last_order + [arm for arm in order if arm not in last_order]
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
                assigned[id(value)] = [trial.experimental_arm() or trial.arm_sets()[0]]
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
        subgroup_sentence = self._sentence_subgroup(sentence, trials[0])
        subgroup_sentence = self._bullet_subgroup(sentence) or subgroup_sentence
        for value in values:
            trial = by_value_trial[id(value)]
            bracketed = self._bracket_subgroup(sentence, value, trial)
            if bracketed is not None:
                subgroup = bracketed or None  # "" for "in all randomised patients (...)"
            else:
                subgroup = (
                    self._value_subgroup(sentence, value, trial)
                    or _cohort_in_turn(sentence, value, values)
                    or subgroup_sentence
                    or self._part(trial)
                )
            if value.measure == "HR":
                self._hazard_ratio(sentence, value, trial, values, assigned, subgroup)
                continue
            for arm in assigned.get(id(value), []):
                if not arm or self._restated(trial, arm, value, subgroup):
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
                    )
                )
                self._last_arm, self._last_trial = arm, trial
        figures = [arm for v in values if v.measure != "HR" for arm in assigned.get(id(v), []) if arm]
        self._last_order = (trials[0], list(dict.fromkeys(figures)))
        ratio_endpoints = [v.endpoint for v in values if v.endpoint in {"PFS", "OS"}]
        if ratio_endpoints:
            self._last_time_endpoint = ratio_endpoints[-1]
        self._last_subgroup = subgroup_sentence or (
            self._last_subgroup if _ANAPHORIC_SUBGROUP.search(sentence.text) else None
        )
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

    def _restated(self, trial: TrialState, arm: tuple[str, ...], value: Value, subgroup: str | None) -> bool:
        """A figure already reported for the trial and endpoint, repeated for comparison."""
        if subgroup is None:
            return False
        return any(
            r.trial is trial and r.endpoint == value.endpoint and r.value == value.value and r.subgroup is None
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
        # the figures since the ratio before it: "(23.9 v 9.2 months; HR 0.39), as did C (14.7 v 9.2; HR 0.65)"
        since = max((v.end for v in values if v.measure == "HR" and v.end <= value.start), default=0)
        for other in values:
            if other.measure != "HR" and other.endpoint == value.endpoint and since <= other.start < value.start:
                for arm in assigned.get(id(other), []):
                    if arm not in arms:
                        arms.append(arm)
        control = trial.control_arm()
        experimental = trial.experimental_arm()
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
            return (arms[1] if len(arms) > 1 else None), arms[0]
        if len(groups) > 1 and (
            _TRAIL_BLOCK.search(text, groups[0][1].end, groups[1][1].start)
            or _COMPARATIVE_TO.search(text, groups[0][1].end, groups[1][1].start)
        ):
            return arms[0], arms[1]
        return arms[0], None

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
            order = [a for a in (trial.experimental_arm(), trial.control_arm()) if a is not None]
        return order + [a for a in sets if a not in order]

    # -- values ------------------------------------------------------------------------------

    def _values(self, sentence: Sentence) -> list[Value]:
        text = sentence.text
        if _GENERALISATION.search(text) and not sentence.of("trial", "nct"):
            return []  # "responses to chemotherapy are seldom above 12%": background, no result
        values: list[Value] = []
        ratios = find_hazard_ratios(text)
        hr_spans = [(r.start, r.end) for r in ratios]
        p_values = find_p_values(text)
        for quantity in find_quantities(text):
            if quantity.unit not in {"months", "weeks", "%"}:
                continue
            if any(s <= quantity.start < e for s, e in hr_spans) or _NOT_A_RESULT_BEFORE.search(text[: quantity.start]):
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
        named = any(endpoint is not None for _s, _e, endpoint in cues)
        for value in values:
            value.endpoint = self._endpoint(value, cues)
            blocked = any(endpoint is None and end <= value.start for _s, end, endpoint in cues)
            bare_median = value.unit in {"months", "weeks"} and (
                _BARE_MEDIAN.search(text[: value.start]) or _BULLET_LINE.match(text)
            )
            if value.endpoint is None and (value.measure == "HR" or bare_median) and not (named or blocked):
                # "The hazard ratio was 0.43 among ...", "the median was 11.3 months versus ...": the
                # endpoint of the figures before
                value.endpoint = self._last_time_endpoint
            if value.endpoint is None or (value.unit == "%" and _OF_RESPONDERS.match(text[value.end :])):
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
        first = Value(quantity.value, quantity.unit, quantity.start, quantity.start + 1, measure, from_to=True)
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
        # a bullet's label names its subgroup ("- KRAS-altered (n=40):"); its words are no cue
        bullet = _BULLET_LINE.match(sentence.text)
        floor = bullet.end() if bullet else 0
        for pattern, endpoint in _CUES:
            for match in pattern.finditer(sentence.text, floor):
                start, end = match.start("at"), match.end("at")
                if not any(s <= start < e for s, e, _ in cues):
                    cues.append((start, end, endpoint))
        return sorted(cues)

    @staticmethod
    def _endpoint(value: Value, cues: list[tuple[int, int, str | None]]) -> str | None:
        allowed = TIME_ENDPOINTS if value.unit in {"months", "weeks"} else RATE_ENDPOINTS
        if value.measure == "HR":
            allowed = frozenset({"PFS", "OS"})
        # A ratio's own label may name the endpoint: "the HR for death was 0.69".
        reach = value.end if value.measure == "HR" else value.start
        for _start, _end, endpoint in reversed([c for c in cues if c[1] <= reach]):
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
            alone = not before[before.rfind("(") + 1 :].strip()
            if closing >= 0 and (self.reading.text[start:closing].strip() or not alone):
                limit = closing
        groups = agent_groups(self.reading, sentence, start, limit, self.context)
        if not groups:
            return () if self._placebo_follows(sentence, start, limit) else None
        drugs, agent = groups[0]
        gap = self.reading.text[start : agent.start]
        outside = _SHARE_OF.sub("", re.sub(r"\((?:[^()]|\([^()]*\))*\)", "", gap))
        if _TRAIL_BLOCK.search(outside) or re.search(r"\d", outside) or len(outside.split()) > 8:
            return None
        if agent.kind == "class" and _TREATED_AFTER.match(self.reading.text[agent.end :]):
            return None
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
            if _in_subgroup_phrase(self.reading.text, sentence, agent.start):
                continue
            drugs = self._as_trial_arm(drugs, trial)
            if drugs not in arms:
                arms.append(drugs)
        return arms

    def _as_trial_arm(self, drugs: tuple[str, ...], trial: TrialState) -> tuple[str, ...]:
        return arm_for(self.reading, trial, drugs)

    # -- subgroups ---------------------------------------------------------------------------

    def _sentence_subgroup(self, sentence: Sentence, trial: TrialState) -> str | None:
        """The subgroup a sentence's figures are for. A cohort named at the head of a sentence
        ("In the primary cohort of patients with HR-positive disease, ...") stays in force for
        the sentences after it in its paragraph until one speaks of all patients."""
        text = sentence.text
        if self.reading.starts_paragraph(sentence) or _ALL_PATIENTS.search(text):
            self._cohort = None
        for pattern in (_LABELLED_COHORT, _NAMED_POPULATION, *_LEADING_SUBGROUP, _QUALIFIED_GROUP):
            match = pattern.search(text)
            if (
                match
                and self._is_subgroup(match.group("phrase"))
                and not self._names_population(sentence, match.start("phrase"), match.end("phrase"), trial)
            ):
                label = subgroup_label(match.group("phrase"))
                self._cohort = label if _COHORT_WORD.search(match.group()) else None
                return label
        if _ANAPHORIC_SUBGROUP.search(text):
            previous = self.reading.sentences[sentence.index - 1].text if sentence.index else ""
            named = _PATIENTS_WHO.search(previous)
            return self._last_subgroup or (subgroup_label(named.group()) if named else None) or self._cohort
        return self._cohort

    def _bullet_subgroup(self, sentence: Sentence) -> str | None:
        """The subgroup a bulleted line's label names: "- BRCA-mutated (n=120): 30.1 vs 14.2 months"
        under a line announcing results by subgroup. A label that names an arm, an endpoint or
        all patients is not a subgroup."""
        line = _BULLET_LINE.match(sentence.text)
        if line is None:
            return None
        start, end = sentence.start + line.start("label"), sentence.start + line.end("label")
        if any(start <= m.start < end for m in sentence.mentions if m.kind not in {"gene", "disease"}):
            return None
        label = line.group("label")
        if ARM_LABEL.search(label) or _ALL_PATIENTS.search(label):
            return None
        return subgroup_label(re.sub(r"\([^()]*\)", " ", label)) or None

    def _is_subgroup(self, phrase: str) -> bool:
        if re.match(
            r"(?:(?:all|the|these)\s+)?(?:\d+\s+)?(?:randomi[sz]ed|enrolled|treated|evaluable|assessable)?\s*"
            r"(?:patients|participants)$",
            phrase,
            re.I,
        ):
            return False
        everyone = r"\b(?:patients|participants)\s+who\s+(?:were\s+)?(?:randomi[sz]ed|enrolled)\b"
        if re.search(everyone, phrase, re.I):
            return False
        # "patients who received placebo plus docetaxel" are an arm, not a subgroup ("patients who
        # received the recommended dose" are)
        given = re.search(
            r"(?<!\bhad\s)\b(?:received|given|assigned\s+to|allocated(?:\s+to)?|treated\s+with)\s+"
            r"(?!(?:prior|previous|earlier)\b)(?P<what>.*)$",
            phrase,
            re.I,
        )
        if given is None:
            return True
        words = re.findall(r"[\w-]+", given.group("what").casefold())[:3]
        return not ("placebo" in words or self._names_a_drug(words))

    def _names_a_drug(self, words: list[str]) -> bool:
        spellings = self.reading.lexicon.drug_by_synonym()
        return any(word in spellings for word in words)

    @staticmethod
    def _names_population(sentence: Sentence, start: int, end: int, trial: TrialState) -> bool:
        """Whether a phrase of the sentence names the trial's disease: "patients with NRAS-mutant
        melanoma" is the population, "patients with prior immunotherapy" a subgroup, and so is
        "those with colorectal cancer" in a trial of several diseases."""
        diseases = {m.key for m in sentence.of("disease") if start <= sentence.local(m.start) < end}
        if not diseases:
            return False
        # a disease the trial's design did not name, or one of several it did, narrows the
        # population ("among 40 patients with lung cancer" in a solid-tumour basket trial)
        return not trial.diseases or (diseases <= trial.diseases and len(trial.diseases) == 1)

    def _bracket_subgroup(self, sentence: Sentence, value: Value, trial: TrialState) -> str | None:
        """The population named right before the bracket that holds a figure: "in patients with
        ESCC (12.6 vs 9.8 months; ...)", "in all randomised patients (...)"; "" when that is
        everyone, None when no population is named there."""
        text = sentence.text
        depth, opening = 0, -1
        for index in range(value.start - 1, -1, -1):
            char = text[index]
            if char in ")]":
                depth += 1
            elif char in "([":
                if depth == 0:
                    opening = index
                    break
                depth -= 1
        if opening < 0:
            return None
        named = _POPULATION_BEFORE_BRACKET.search(text[:opening])
        if named is None:
            return None
        phrase = named.group("phrase")
        if re.search(r"-treated\b", phrase, re.I) or self._names_a_drug(re.findall(r"[\w-]+", phrase.casefold())):
            return None  # "in the trametinib-treated patients (4% with docetaxel)": an arm
        if _ALL_PATIENTS.search(phrase) or not self._is_subgroup(phrase):
            return ""
        start, end = named.start("phrase"), named.end("phrase")
        if self._names_population(sentence, start, end, trial):
            return ""
        return subgroup_label(phrase)

    def _value_subgroup(self, sentence: Sentence, value: Value, trial: TrialState) -> str | None:
        text = sentence.text
        cohort = _TRAILING_COHORT.match(text[value.end :]) or _COHORT_BEFORE.search(text[: value.start])
        if cohort:
            return subgroup_label(cohort["label"] or cohort["name"] + " cohort")
        named_before = {" ".join(m.group().casefold().split()) for m in _LETTERED_COHORT.finditer(text, 0, value.start)}
        if len(named_before) == 1 and not _ALL_PATIENTS.search(text, 0, value.start):
            return named_before.pop()  # "the ORR in cohort A was 37%, and the DCR was 82%"
        trailing = _TRAILING_SUBGROUP.match(text[value.end :])
        if trailing and self._is_subgroup(trailing.group("phrase")):
            start, end = value.end + trailing.start("phrase"), value.end + trailing.end("phrase")
            if not self._names_population(sentence, start, end, trial):
                return subgroup_label(trailing.group("phrase"))
        before = text[: value.start].rstrip()
        if before.endswith(("(", "[")):
            genotype = _TRAILING_GENOTYPE.search(before[:-1])
            if genotype:
                return subgroup_label(genotype.group("phrase"))
        if trial.has_cohorts:
            gene = _COHORT_GENE_BEFORE.search(text[: value.start])
            if gene:
                return subgroup_label(gene.group("gene") + " cohort")
        return None

    @staticmethod
    def _part(trial: TrialState) -> str | None:
        if trial.part_phase and trial.phase and trial.part_phase != trial.phase:
            return f"phase {trial.part_phase} cohort"
        return None


def _cohort_in_turn(sentence: Sentence, value: Value, values: list[Value]) -> str | None:
    """"7.0 months in cohort A, 2.1 in cohort B and 1.7 in cohort C; median OS was 17.5, 6.7
    and 4.0 months, respectively": a list closed by "respectively" takes the lettered cohorts
    the sentence named last before it, in their order."""
    if value.list_id is None:
        return None
    members = sorted((v for v in values if v.list_id == value.list_id), key=lambda v: v.start)
    if not _RESPECTIVELY.search(sentence.text, members[-1].end):
        return None
    before = _LETTERED_COHORT.finditer(sentence.text, 0, members[0].start)
    named = [" ".join(m.group().casefold().split()) for m in before]
    cohorts = named[-len(members) :]
    return cohorts[members.index(value)] if len(set(cohorts)) == len(members) else None


def sentence_mentions(reading: Reading, start: int, end: int, kind: str) -> list[Mention]:
    """The mentions of a kind between two offsets of the reading's text."""
    return [
        m
        for sentence in reading.sentences
        if sentence.start <= start < sentence.end + 1 or start <= sentence.start < end
        for m in sentence.of(kind)
        if start <= m.start and m.end <= end
    ]


def _grid_row_as_measure(text: str) -> str:
    """A grid row ("Median (95% CI), months | 5.6 (3.9 to 7.0) | 5.6 (4.8 to 5.8)") written as a
    column row ("Median ..., months: 5.6 (...) | 5.6 (...)")."""
    row = grid_row(text)
    if row is None:
        return ""
    label, cells = row
    return f"{label.replace(':', ',')}: {' | '.join(cells)}"


def _unit_named(text: str) -> str | None:
    if re.search(r"\bmonths?\b", text, re.I):
        return "months"
    if re.search(r"\bweeks?\b", text, re.I):
        return "weeks"
    if re.search(r"%|\bper\s?cent(?:age)?\b", text, re.I):
        return "%"
    return None


def _in_subgroup_phrase(text: str, sentence: Sentence, position: int) -> bool:
    before = text[sentence.start : position]
    clause = re.split(r"[,;]", before)[-1]
    return bool(re.search(r"\b(?:among|subgroup|who had|whose)\b", clause, re.I)) and bool(
        _PRIOR_IN_PHRASE.search(clause)
    )


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


def _pair(low: float | None, high: float | None) -> tuple[float, float] | None:
    return (low, high) if low is not None and high is not None else None


def _p(op: str | None, value: float | None) -> tuple[str, float] | None:
    return (op, value) if op is not None and value is not None else None


def number(text: str) -> float | None:
    return parse_number(text)


__all__ = ["Result", "ResultReader", "sorted_drugs"]
