"""Results given as tables rather than prose.

A registry results record gives each outcome measure in columns, one per arm ("Arm/Group Title:
A | B", then "6.8 (5.7 to 8.3) | 4.3 (4.0 to 5.6)"); a registry results table gives rows by arm
label ("Arm label: 14.9") under a header line naming the endpoint; a pipe table gives a row per
arm with a column per endpoint. Each is read through the arm labels the record defines.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from ingest.mentions import Mention, Reading, Sentence
from ingest.numbers import HazardRatio, find_bare_range, find_hazard_ratios, find_landmarks, parse_number
from ingest.registry_arms import column_arms, column_cohorts, labelled_arm
from ingest.result_values import (
    HEADING_SEPARATOR,
    LANDMARK_ENDPOINTS,
    MEASURE_ROLE,
    RATE_ENDPOINTS,
    TIME_ENDPOINTS,
    Result,
    interval,
    led_by_endpoint,
    p_value,
)
from ingest.subgroups import subgroup_label
from ingest.tables import POPULATION_TITLE, PipeTable, Row, column_titles, grid_row, row_cells
from ingest.trial_state import TrialState

# "Label: 11.0", "Label: median 11.0 months (96% CI 7.4 to 13.8)", "Label (n=310):   6.4 (5.2 to 8.0)",
# "Label (n=97) | 19.3 (14.0 to 25.5)"; "Label: NA (33.6 to NA)", a median not reached
_TABLE_ROW = re.compile(
    # ("[B] Label | n=247 | 12.3 (9.5 to 13.4)", "Label | 238 | 24.7 (18.7 to 30.5)": the count in
    # a cell of its own, before a figure with its interval)
    r"(?P<label>[A-Za-z][\w '\u2019/+()-]{0,60}?)"
    r"(?:\s*\(\s*n\s*=\s*\d+\s*\)|\s*[|,]\s*n\s*=\s*\d+|\s*\|\s*\d+(?=\s*\|\s*\d+(?:\.\d+)?\s*\(\s*\d))?\s*[:|]\s*"
    r"(?:(?:median|mean)\s+)?"
    # "12/200 (6.0%)": the share in brackets after the count
    r"(?:(?:\d+\s*/\s*\d+\s*\(\s*)?(?P<value>\d+(?:\.\d+)?)(?![\d.]|\s*/)(?P<unit>\s*(?:months?|weeks?|%|percent(?:age)?)\b)?"
    r"|(?:NA|NE|NR|not\s+(?:reached|estimable|evaluable))\b)",
    re.I,
)
# "[NA: median not estimable ...]": a note under a table's rows
# ("NA = not reached.": what a table's abbreviation stands for)
_TABLE_NOTE = re.compile(r"\s*(?:[\[*\u2020]|(?:NA|NE|NR)\s*[=:])")
_TABLE_OUTCOME_FIELD = re.compile(
    r"\s*(?:\d{1,2}\.\s*)?(?:(?:primary|secondary|other)(?:\s+pre-?specified)?(?:\s+outcome(?:\s+measures?)?)?|"
    r"outcome(?:\s+measures?)?"
    # "Title: Overall Survival (OS)" under an outcome measure's heading
    r"|(?=title\b))"
    # "OUTCOME MEASURE 1 (Primary): Progression-free Survival"
    rf"(?:\s*title)?(?:\s+\d{{1,2}})?(?:{MEASURE_ROLE})?{HEADING_SEPARATOR}",
    re.I,
)
# "Overall Survival by FLT3 Subtype (Hazard Ratio, Arm I vs Arm II)": a table of ratios
_RATIO_TABLE = re.compile(r"\bhazard\s+ratios?\b", re.I)
# "FLT3-ITD, allelic ratio 0.7 or higher (n = 214): 0.80 (0.57 to 1.12)": a group's ratio, a row a line
_RATIO_ROW = re.compile(
    r"^\s*(?P<label>[A-Za-z][^:\n]{0,100}?)\s*(?:\(\s*n\s*=\s*\d+\s*\))?\s*:\s*(?P<value>\d+(?:\.\d+)?)(?![\d.])", re.M
)
# "Overall survival by rash grade, Arm I only": the one arm a table's rows are of
_ONE_ARM_ONLY = re.compile(r"(?:,|\bin|\bfor)\s+(?:the\s+)?(?P<label>[^,;()]{1,40}?)\s+only\s*$", re.I)
# "[Primary] Overall survival", "[Other, exploratory] ...": an outcome's title led by its role
_BRACKETED_ROLE = re.compile(r"\s*\[(?:key\s+)?(?:primary|secondary|other)\b[^\]\n]{0,30}\]\s*[A-Za-z]", re.I)
# lines of an outcome measure that hold no figures of it
# "2. Objective response rate", "1. Primary. Progression-free survival (PFS) by ..."
_NUMBERED_TITLE = re.compile(r"\s*\d{1,2}\.\s+(?:(?:primary|secondary|other)[.:]\s+)?[A-Za-z]", re.I)
# an outcome measure's field lines, between its heading and its rows or after them
_TABLE_FIELD = re.compile(
    r"\s*(?:time\s+frame|population|description|analysis\s+population|measure\s+type|statistical\s+analys[ie]s|"
    r"comparison\s+groups?|method|p-?value|(?:overall\s+)?number\s+of\s+participants\s+analy[sz]ed|dispersion)\b",
    re.I,
)
# "Overall Survival in Participants With PD-L1 Expression of 1% or More": the group the measure is for
_TITLE_SUBGROUP = re.compile(
    r"(?:\b(?:in|among)\s+|,\s*)(?:(?P<group>(?:participants|patients|subjects)\s+(?:with|who|enrolled|from|aged)\b.*)$"
    # "ORR, AKT Pathway-Altered Participants With Measurable Disease": the qualifier is the group
    r"|(?P<qualified>(?!(?:in|among|of|for|the)\s)[\w+/-]+(?:\s+[\w+/-]+){0,3}?)\s+(?:participants|patients|subjects)\b)"
    # "Progression-free survival, PIK3CA-mutant cohort"
    r"|,\s*(?:in\s+)?(?:the\s+)?(?P<cohort>(?!(?:all|overall|whole|entire|full)\b)[\w+/-]+(?:\s+[\w+/-]+){0,3}?\s+"
    r"(?:cohort|population|subgroup|subset))\b",
    re.IGNORECASE,
)
# the patients a response can be measured in: everyone the outcome is of, no subgroup
_ANALYSIS_SET = re.compile(
    r"(?:participants|patients|subjects)\s+with\s+(?:measurable|evaluable)\s+disease(?:\s+at\s+baseline)?\s*", re.I
)
# a row counting patients past a threshold: "n (%)", "Duration of response >= 6 months"
_COUNTED_SHARE = re.compile(
    r"\bn\s*\(\s*%\s*\)|(?:>=|\u2265|at\s+least|more\s+than)\s*\d+(?:\.\d+)?\s*(?:months?|weeks?)\b", re.I
)
_UNIT_OF_MEASURE = re.compile(r"\bunits?\s+of\s+measure\b", re.I)
_TABLE_UNIT_LINE = re.compile(
    rf"{_UNIT_OF_MEASURE.pattern}|^\s*(?:units?\s*:|(?:median|mean|percentage|number)\b)", re.I
)
_TABLE_HR_BRACKET = re.compile(
    r"\b(?:hazard ratio|HR)\s*\((?P<arm>[\w /+-]+?)\s+(?:vs\.?|versus)\s+(?P<comparator>[\w /+-]+?)\)", re.I
)
_MEASURE_TITLE = re.compile(
    r"^\s*(?:\d{1,2}\.\s*)?(?:(?:primary|secondary|other(?:\s+pre-?specified)?)(?:\s+outcome(?:\s+measures?)?)?|"
    rf"(?:outcome\s+(?:measure\s+)?)?title|outcome\s+measure\s+\d{{1,2}}{MEASURE_ROLE}|"
    # "Outcome 1a (prespecified subgroup): ..."
    r"outcome\s+\d{1,2}[a-z]?(?:\s*\([^()]{1,40}\))?)"
    rf"{HEADING_SEPARATOR}",
    re.I,
)
_RECORD_SECTION = re.compile(
    r"^\s*(?:(?:serious|other)\s+)?(?:adverse\s+events|baseline\s+characteristics|participant\s+flow|"
    r"more\s+information|limitations)\b",
    re.I,
)
_COLUMN_CELL = r"\s*(?:NA|NE|\d+(?:\.\d+)?)\b[^|\n]*"
_COLUMN_ROW = re.compile(
    # ("Number Analyzed | 59 | 78" counts the patients, no figure of the outcome)
    rf"^\s*(?:(?P<measure>(?:median|mean|number(?!\s+(?:analy[sz]ed|of\s+(?:participants|patients)))|percentage|"
    rf"proportion|value)\b[^|\n]*?):)?"
    rf"(?P<cells>{_COLUMN_CELL}(?:\|{_COLUMN_CELL})+)$",
    re.I,
)
_COLUMN_FIGURE = re.compile(
    r"\s*(?P<value>\d+(?:\.\d+)?)\s*%?\s*(?:\[\d+\]\s*)?"
    r"(?:\(\s*(?P<low>\d+(?:\.\d+)?)\s*(?:to|,|-|\u2013)\s*(?P<high>\d+(?:\.\d+)?))?"
)
_COLUMN_HR = re.compile(
    # "Statistical analysis, pMMR: hazard ratio 0.60": the group the analysis is of
    r"^\s*(?:statistical\s+analysis(?:\s+\d+)?\s*(?:,\s*(?P<analysed>[^:;]+?)\s*)?:\s*(?:[^.;\n]*[.;]\s*)*?)?"
    r"(?:(?P<subgroup>[^:;]+?),\s*)?hazard\s+ratio\b",
    re.I,
)
_TIME_FRAME_FIELD = re.compile(r"\btime\s+frame\s*:[^|\n]*", re.I)
_STATISTICAL_METHOD = re.compile(r"\b(?:cox|model|log-?rank|(?:un)?stratified|method|regression)\b", re.I)
# a table whose rows are populations: " Population | A | B", then "pMMR | 6.6 (...) | 3.8 (...)"
_GROUP_COLUMN_HEAD = re.compile(rf"\s*(?:{POPULATION_TITLE})\s*\|", re.I)
# a row or analysis of everyone: "All-comers", "Overall", "ITT population"
_WHOLE_POPULATION = re.compile(
    r"(?:all[- ]comers|all(?:\s+(?:randomi[sz]ed|treated|enrolled))?(?:\s+(?:patients|participants))?|overall"
    r"|total|itt|inten(?:t|tion)[- ]to[- ]treat|full\s+analysis\s+set)(?:\s+(?:population|set))?",
    re.I,
)
# "Statistical Analysis 1: Drug A + Drug B vs Drug C": the comparison the ratio after it is of
_ANALYSIS_COMPARISON = re.compile(
    # ("Comparison: Drug A + Drug B vs Placebo + Drug B", a line of the analysis)
    r"^\s*(?:statistical\s+analys[ie]s(?:\s+\d+)?|comparison(?:\s+groups?)?)\s*:\s*(?P<arm>[^:|;]+?)\s+"
    r"(?:vs\.?|versus)\s+(?P<comparator>[^:|;]+?)\s*$",
    re.IGNORECASE,
)
_TABLE_HR = re.compile(
    r"^(?P<arm>[\w /+-]+?)\s+(?:vs\.?|versus)\s+(?P<comparator>[\w /+-]+?)\s*:\s*(?:hazard ratio|HR)\b", re.I
)


@dataclass(frozen=True)
class _Block:
    """The outcome measure a registry results table gives rows of."""

    endpoint: str
    measure: str  # median | rate
    unit: str | None
    timepoint: str | None = None  # "Overall Survival Rate at 12 Months"
    subgroup: str | None = None
    only_arm: tuple[str, ...] | None = None  # "..., Arm I only": rows of that arm's patients by kind
    ratios: bool = False  # "OS by subtype (Hazard Ratio, Arm I vs Arm II)": rows of ratios by group


class TableReader:
    """Reads the results a paper gives in tables, keeping from one line to the next the table
    or record in columns being read; each result goes to ``add``."""

    def __init__(self, reading: Reading, add: Callable[[Result], None]) -> None:
        self.reading = reading
        self._add = add
        self._pipe = PipeTable()
        self._table: _Block | None = None
        # the arms a statistical analysis line compares, for the ratio on the lines after it
        self._comparison: tuple[tuple[str, ...], tuple[str, ...]] | None = None
        # a results record whose figures stand in columns, one per arm ("6.8 (5.7 to 8.3) | 4.3 ...")
        self._columns: list[tuple[str, ...]] | None = None
        self._column_groups: list[str | None] = []  # the cohort each column is, in a one-arm trial
        self._column_endpoint: str | None = None
        self._column_unit: str | None = None
        self._column_subgroup: str | None = None  # "Title: Overall Survival in Participants With ..."
        self._rows_by_group = False  # whether the rows under the columns are populations

    @property
    def in_table(self) -> bool:
        """Whether a registry results table is being read."""
        return self._table is not None

    def read(self, sentence: Sentence, trial: TrialState | None) -> bool:
        """Read a sentence as a line of a table or results record of a trial; False when it is
        none, to be read as prose."""
        cells = row_cells(sentence)
        if self._table is not None and cells is not None and len(cells) == 2 and self._read_table(sentence, trial):
            # "| Drug A (N=88) | 7.9 (6.0 to 9.4) |" under an outcome's heading: a row by arm label
            self._pipe.feed(sentence)
            return True
        row = self._pipe.feed(sentence)
        if row is not None and trial is not None:
            self._table_row(sentence, row, trial)
            return True
        return self._read_columns(sentence, trial) or self._read_table(sentence, trial)

    def _read_columns(self, sentence: Sentence, trial: TrialState | None) -> bool:
        """A registry results record that gives each outcome measure as columns, one per arm: a
        title line naming the endpoint ("2. Primary: Progression-Free Survival", "Title: Overall
        Survival"), the columns' arm labels ("Arm/Group Title: A | B"), a unit line ("Median (95%
        CI), Unit of Measure: months"), a row of figures in the same order ("6.8 (5.7 to 8.3) |
        4.3 (4.0 to 5.6)"; "NA" when not estimable) and hazard ratios in its statistical
        analysis ("Hazard Ratio (HR): 0.59", "Subgroup X, Hazard Ratio (HR): 0.80"). Title and
        unit lines are left to the other readers as well."""
        text = sentence.text
        if trial is None:
            return False
        if column_titles(text) is not None:
            self._columns = column_arms(self.reading, sentence, trial)
            self._rows_by_group = _GROUP_COLUMN_HEAD.match(text) is not None
            self._column_groups = [None] * len(self._columns or [])
            cohorts = column_cohorts(sentence, trial) if self._columns is None else None
            if cohorts is not None:
                # " | Group 1 | Group 2": the cohorts of a trial of one regimen, each a subgroup
                self._columns = [trial.arm_sets()[0]] * len(cohorts)
                self._column_groups = list(cohorts)
            return True
        if _MEASURE_TITLE.match(text) or (self._columns is not None and _endpoint_line(sentence)):
            # "Title: Overall Survival"; under a label's table of arms, "Overall survival" alone
            endpoints = sentence.of("endpoint")
            self._column_endpoint = endpoints[0].key if endpoints else None
            self._column_unit = None
            self._column_subgroup = _title_subgroup(sentence, endpoints[0]) if endpoints else None
            return False
        if _RECORD_SECTION.match(text):
            self._columns = None
            return False
        if self._columns is None:
            if self._column_endpoint is not None and _UNIT_OF_MEASURE.search(text):
                # the measure's unit, given before the header of its columns
                self._column_unit = _unit_named(text) or self._column_unit
            return False
        labelled = _endpoint_row(sentence)
        if labelled is not None:
            # "Objective response rate | 9% | 5%", "Overall response rate, % (95% CI) | 84.6 (...) |
            # 67.3 (...)": a row that names its own endpoint, and perhaps its unit
            label_unit = _unit_named(sentence.text.split("|", 1)[0])
            self._column_row(sentence, trial, labelled[1], labelled[0], unit=label_unit)
            return True
        if self._column_endpoint is None:
            return False
        row = _COLUMN_ROW.match(text) or _COLUMN_ROW.match(_grid_row_as_measure(text))
        if row is None and _TABLE_UNIT_LINE.search(text):
            self._column_unit = _unit_named(text) or self._column_unit
            return False
        if row is not None:
            self._column_row(sentence, trial, row)
            return True
        grouped = grid_row(text) if self._rows_by_group else None
        row = _COLUMN_ROW.match(" | ".join(grouped[1])) if grouped else None
        if grouped and row:
            # "pMMR | 6.6 (5.6 to 7.4) | 3.8 (3.6 to 5.0)": the figures of one population
            self._column_row(sentence, trial, row, subgroup=_population(grouped[0]))
            return True
        if _COLUMN_HR.match(text) and len(self._columns) == 2:
            self._column_ratio(sentence, trial, _COLUMN_HR.match(text))
            return True
        return False

    def _column_row(
        self,
        sentence: Sentence,
        trial: TrialState,
        row: re.Match[str],
        endpoint: str | None = None,
        subgroup: str | None = None,
        unit: str | None = None,
    ) -> None:
        endpoint, columns = endpoint or self._column_endpoint, self._columns or []
        cells = row.group("cells").split("|")
        percent = all(cell.strip().endswith("%") for cell in cells)
        unit = unit or _unit_named(row.group("measure") or "") or self._column_unit or ("%" if percent else None)
        allowed = RATE_ENDPOINTS if unit == "%" else TIME_ENDPOINTS if unit in {"months", "weeks"} else frozenset()
        # "OS rate at 1 year | 73% | 59%": the share alive at a time
        landmarks = find_landmarks(sentence.text.split("|", 1)[0]) if unit == "%" else []
        timepoint = landmarks[0].label if landmarks and endpoint in LANDMARK_ENDPOINTS else None
        if endpoint is None or (endpoint not in allowed and timepoint is None) or len(cells) != len(columns):
            return
        for arm, cell, group in zip(columns, cells, self._column_groups, strict=True):
            figure = _COLUMN_FIGURE.match(cell)
            value = parse_number(figure.group("value")) if figure else None
            if figure is None or value is None:
                continue  # "NA": not estimable
            ci = interval(parse_number(figure.group("low") or ""), parse_number(figure.group("high") or ""))
            measure = "rate" if unit == "%" else "median"
            self._add(
                Result(
                    trial,
                    arm,
                    endpoint,
                    measure,
                    value,
                    unit,
                    sentence,
                    "outcome.registry_columns",
                    ci=ci,
                    subgroup=group or subgroup or self._column_subgroup,
                    timepoint=timepoint,
                )
            )

    def _column_ratio(self, sentence: Sentence, trial: TrialState, line: re.Match[str] | None) -> None:
        # "Hazard ratio (95% CI) | 0.62 (0.48, 0.80)": the bar parts cells, as a space would
        ratios = find_hazard_ratios(sentence.text.replace("|", " "))
        endpoint, columns = self._column_endpoint, self._columns or []
        if line is None or not ratios or endpoint not in {"PFS", "OS"}:
            return
        # the comparison is of the experimental arm with the control, whichever column it is in
        experimental, comparator = columns[::-1] if columns[0] == trial.control_arm() else columns
        prefix = line.group("subgroup")
        if prefix and _STATISTICAL_METHOD.search(prefix):
            prefix = None  # "stratified Cox model, hazard ratio 0.39": how, not for whom
        subgroup = subgroup_label(re.sub(r"\([^()]*\)", " ", prefix)) if prefix else None
        analysed = line.group("analysed")
        if analysed and not re.search(r"\b(?:vs\.?|versus)\s", analysed, re.I):
            subgroup = _population(analysed)  # not "Statistical analysis, A vs B: ...", a comparison
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
                ci=interval(ratio.ci_low, ratio.ci_high),
                p=p_value(ratio.p_op, ratio.p_value),
                subgroup=subgroup or self._column_subgroup,
            )
        )

    def _read_table(self, sentence: Sentence, trial: TrialState | None) -> bool:
        """A registry results table, read through the arm labels the record defines: a header
        naming the endpoint ("Overall survival, median (95% CI), months", "Primary outcome:
        Progression-Free Survival", "Title: Overall Survival Rate at 12 Months"), field lines
        (unit, time frame, statistical analysis), rows by arm label ("Label: value", "Label (n=168)
        | value") and hazard-ratio lines ("A vs B: hazard ratio 0.54", "Hazard Ratio (HR): 0.58")."""
        text = sentence.text
        if trial is None:
            return False
        header = self._table_header(sentence)
        # a header in prose ("PFS, OS and safety were assessed") heads no table unless the record
        # gives its arms labels
        if header is not None and (trial.labels or self.reading.own_line(sentence)):
            self._table = header if header.endpoint else None
            self._comparison = None
            only = _ONE_ARM_ONLY.search(text)
            arm = labelled_arm(self.reading, sentence, trial, *only.span("label")) if only else None
            if self._table is not None and arm:
                self._table = replace(self._table, only_arm=arm)
            if self._table is not None and _RATIO_TABLE.search(text):
                self._table = replace(self._table, ratios=True)
            return True
        if self._table is None:
            return False
        if _RECORD_SECTION.match(text):
            self._table = None  # "SERIOUS ADVERSE EVENTS | A: 12/80 (15.0%)": the outcomes have ended
            return False
        block = self._table
        ratios = find_hazard_ratios(text)
        if ratios and block.endpoint in TIME_ENDPOINTS and block.measure != "rate":
            self._table_ratio(sentence, trial, block, ratios[0])
            return True
        compared = _ANALYSIS_COMPARISON.match(text)
        if compared is not None:
            arms = [labelled_arm(self.reading, sentence, trial, *compared.span(side)) for side in ("arm", "comparator")]
            self._comparison = (arms[0], arms[1]) if arms[0] and arms[1] and arms[0] != arms[1] else None
            return True
        rows = [
            (m, arm)
            for m in _TABLE_ROW.finditer(text)
            if (arm := labelled_arm(self.reading, sentence, trial, *m.span("label")))
        ]
        if not rows and (_TABLE_FIELD.match(text) or _TABLE_NOTE.match(text)):
            return True
        if not rows and sentence.index and not self.reading.starts_paragraph(sentence) and not re.search(r"\d", text):
            return True  # "Description: Time to death. Patients were not censored ...": the field goes on
        kind_arm = block.only_arm if not rows else None  # rows of that arm's patients by kind
        if kind_arm is not None:
            # "No rash (grade 0): 5.29" under "... by worst rash grade, Arm I only": that arm's patients of a kind
            rows = [(m, kind_arm) for m in _TABLE_ROW.finditer(text)]
        if not rows and _TABLE_UNIT_LINE.search(text):
            unit = _unit_named(text) or block.unit
            self._table = replace(block, unit=unit)
            landmarks = find_landmarks(text)
            if unit == "%" and block.measure == "median" and block.endpoint in LANDMARK_ENDPOINTS and landmarks:
                # "Unit of Measure: percentage of participants alive at Month 48": a rate at a time
                self._table = replace(block, unit=unit, measure="rate", timepoint=landmarks[0].label)
            return True
        if not rows and block.ratios and block.endpoint in TIME_ENDPOINTS:
            return self._ratio_rows(sentence, trial, block)
        if not rows:
            self._table = None
            return False
        for row, arm in rows:
            if row.group("value") is None:
                continue  # not reached
            value = float(row.group("value"))
            row_unit = _unit_named(row.group("unit") or "") or block.unit
            if (block.measure == "rate") != (row_unit == "%"):
                continue  # a percentage under a time endpoint, or months under a rate
            self._add(
                Result(
                    trial,
                    arm,
                    block.endpoint,
                    block.measure,
                    value,
                    row_unit,
                    sentence,
                    "outcome.registry_table",
                    subgroup=(subgroup_label(row.group("label")) if kind_arm is not None else None) or block.subgroup,
                    timepoint=block.timepoint,
                )
            )
        return True

    def _ratio_rows(self, sentence: Sentence, trial: TrialState, block: _Block) -> bool:
        """ "FLT3-TKD (n = 162): 0.65 (0.42 to 1.01)" in a table of hazard ratios by group: the
        experimental arm's ratio against the control in that group."""
        text = sentence.text
        rows = list(_RATIO_ROW.finditer(text))
        experimental, control = trial.experimental_arm(), trial.control_arm()
        if not rows or experimental is None or control is None:
            self._table = None
            return False
        for row in rows:
            intervals = find_bare_range(text[row.start("value") :])
            ci = interval(intervals[0].low, intervals[0].high) if intervals else None
            self._add(
                Result(
                    trial,
                    experimental,
                    block.endpoint,
                    "HR",
                    float(row.group("value")),
                    None,
                    sentence,
                    "hr.registry_table",
                    comparator=control,
                    ci=ci,
                    subgroup=subgroup_label(re.sub(r"\s*\([^()]*\)", "", row.group("label"))),
                )
            )
        return True

    def _table_ratio(self, sentence: Sentence, trial: TrialState, block: _Block, ratio: HazardRatio) -> None:
        """A hazard ratio of a registry results table: of the arms its label names ("A vs B:
        hazard ratio 0.54"), else of the one a statistical analysis line compares, else of the
        experimental arm against the control."""
        text = sentence.text
        named = _TABLE_HR.match(text) or _TABLE_HR_BRACKET.search(text)
        if named is not None:
            arm = trial.labels.get(named.group("arm").strip().casefold())
            comparator = trial.labels.get(named.group("comparator").strip().casefold())
        else:
            arm, comparator = self._comparison or (trial.experimental_arm(), trial.control_arm())
        if arm:
            self._add(
                Result(
                    trial,
                    arm,
                    block.endpoint,
                    "HR",
                    ratio.value,
                    None,
                    sentence,
                    "hr.registry_table",
                    comparator=comparator if comparator != arm else None,
                    ci=interval(ratio.ci_low, ratio.ci_high),
                    p=p_value(ratio.p_op, ratio.p_value),
                    subgroup=block.subgroup,
                )
            )

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

    def _table_header(self, sentence: Sentence) -> _Block | None:
        """The outcome measure a sentence heads a results table of; one naming no endpoint it
        reads (a time to another event, a landmark of a response rate) has no endpoint, so that
        its rows are not read."""
        text = sentence.text
        endpoints = sentence.of("endpoint")
        outcome_field = _TABLE_OUTCOME_FIELD.match(text) or _BRACKETED_ROLE.match(text)
        listing = endpoints and not re.search(r"\d", re.sub(r"\(\s*95\s*%\s*CI\s*\)|95\s*%", "", text)) and "," in text
        # "2. Objective response rate (complete + partial response)": a numbered outcome title
        title = _NUMBERED_TITLE.match(text)
        numbered = endpoints and title and sentence.local(endpoints[0].start) < title.end() + 2
        # "Progression-free survival assessed by independent review" alone on its line, in a record
        # whose arms have labels
        # ("Overall survival | Unit of Measure: months | Time frame: up to 4 years": its fields)
        untimed = _TIME_FRAME_FIELD.sub("", text)
        titled = led_by_endpoint(sentence) and not re.search(r"\d", untimed) and self.reading.own_line(sentence)
        if not (outcome_field or listing or numbered or titled):
            return None
        if not endpoints:
            return _Block("", "median", None)
        endpoint = endpoints[0].key
        subgroup = _title_subgroup(sentence, endpoints[0])
        landmarks = find_landmarks(text)
        if landmarks:
            # "Overall Survival Rate at 12 Months": the share alive at that time
            if endpoint not in LANDMARK_ENDPOINTS:
                return _Block("", "median", None)
            return _Block(endpoint, "rate", "%", landmarks[0].label, subgroup)
        measure = "rate" if endpoint in RATE_ENDPOINTS else "median"
        return _Block(endpoint, measure, _unit_named(text) or ("%" if measure == "rate" else None), None, subgroup)


def sentence_mentions(reading: Reading, start: int, end: int, kind: str) -> list[Mention]:
    """The mentions of a kind between two offsets of the reading's text."""
    return [
        m
        for sentence in reading.sentences
        if sentence.start <= start < sentence.end + 1 or start <= sentence.start < end
        for m in sentence.of(kind)
        if start <= m.start and m.end <= end
    ]


def _title_subgroup(sentence: Sentence, endpoint: Mention) -> str | None:
    """The population an outcome's title narrows its figures to ("Overall Survival in
    Participants With PD-L1 of 1% or More", "Progression-free survival, PIK3CA-mutant cohort");
    responders are everyone a duration of response is measured in, no subgroup."""
    group = _TITLE_SUBGROUP.search(sentence.text, sentence.local(endpoint.end))
    if group is None:
        return None
    qualified = group.group("qualified")
    if qualified is not None:
        return _population(qualified)
    phrase = group.group("group") or group.group("cohort")
    if endpoint.key == "DOR" and re.search(r"\brespon(?:se|ded|ders?)\b", phrase, re.I):
        return None
    if _ANALYSIS_SET.fullmatch(phrase):
        return None  # "ORR in Participants With Measurable Disease": those a response is measured in
    return subgroup_label(phrase)


def _endpoint_line(sentence: Sentence) -> bool:
    """A line that is an endpoint's name and nothing else: "Overall survival", "PFS"."""
    endpoints = sentence.of("endpoint")
    return (
        len(endpoints) == 1
        and "|" not in sentence.text
        and not re.search(r"\d", sentence.text)
        and len(sentence.text.strip()) <= len(endpoints[0].text) + 12
    )


def _endpoint_row(sentence: Sentence) -> tuple[str, re.Match[str]] | None:
    """A grid row whose label is an endpoint's name ("Objective response rate | 9% | 5%"): the
    endpoint, and the row read as a column row."""
    row = grid_row(sentence.text)
    if row is None:
        return None
    label = sentence.text.split("|", 1)[0]
    if _COUNTED_SHARE.search(label):
        return None  # "Duration of response >= 6 months, n (%)": patients counted, no median or rate
    endpoints = [m for m in sentence.of("endpoint") if sentence.local(m.end) <= len(label)]
    if len(endpoints) != 1:
        return None
    cells = _COLUMN_ROW.match(" | ".join(row[1]))
    return (endpoints[0].key, cells) if cells else None


def _population(label: str) -> str | None:
    """The subgroup a table row or analysis names; None for everyone ("All-comers")."""
    return None if _WHOLE_POPULATION.fullmatch(label.strip()) else subgroup_label(label)


def _grid_row_as_measure(text: str) -> str:
    """A grid row ("Median (95% CI), months | 5.6 (3.9 to 7.0) | 5.6 (4.8 to 5.8)") written as a
    column row ("Median ..., months: 5.6 (...) | 5.6 (...)")."""
    row = grid_row(text)
    if row is None:
        return ""
    label, cells = row
    return f"{label.replace(':', ',')}: {' | '.join(cells)}"


_CONFIDENCE_LEVEL = re.compile(r"\d+(?:\.\d+)?\s*%\s*(?:CI|confidence\s+intervals?)\b", re.I)


_UNIT_WORD = re.compile(r"\bmonths?\b|\bweeks?\b|%|\bper\s?cent(?:age)?\b", re.I)


def _unit_named(text: str) -> str | None:
    """The unit a label names first ("percentage of participants alive at Month 48" is a
    percentage)."""
    text = _CONFIDENCE_LEVEL.sub("", text)  # "Median (95% Confidence Interval)" is no percentage
    named = _UNIT_WORD.search(text)
    if named is None:
        return None
    word = named.group().casefold()
    return "months" if word.startswith("month") else "weeks" if word.startswith("week") else "%"

