"""Arms a trial registry record defines, and their patients.

A record lists its arms as lines under a label ("Experimental: Drug A + Drug B", "Placebo
comparator: Placebo + Drug B") or as rows of an arms table, and may follow each with the
intervention lines that say what the arm gives ("Interventions: Drug: A; Other: Placebo"). Its
participant flow gives each arm its patients, as a grid ("Started | 374 | 372") or by label
("A: Started 360"). A results table row whose first cell names an arm defines that arm too.
"""

from __future__ import annotations

import itertools
import re

from ingest.arm_groups import (
    ARM_N,
    OPTION_CLASSES,
    agent_groups,
    is_class_phrase,
    without_described_classes,
    without_placebo,
)
from ingest.mentions import (
    CHOICE_ARM_CLASSES,
    PLACEBO_ARM,
    Agent,
    AgentContext,
    Mention,
    Reading,
    Sentence,
    is_choice_arm,
    sorted_drugs,
)
from ingest.numbers import count_value
from ingest.subgroups import subgroup_label
from ingest.tables import Row, column_titles, grid_row
from ingest.trial_state import TrialState, arm_for

REGISTRY_ARM = re.compile(
    # "D+T | Experimental: ...": a short code the record's tables use for the arm may come first
    r"^\s*(?:(?P<code>[A-Za-z0-9+/]{1,10})\s*\|\s*|\[\s*(?P<bracketed>[A-Za-z0-9+/]{1,4})\s*\]\s*)?"
    r"(?:[-*\u2022]|\d{1,2}[.)])?\s*"
    r"(?P<kind>Experimental|Active comparator|Placebo comparator|Comparator|Arm(?:/Group)?\s+Title|"
    r"Arm(?: [A-Z0-9]+)?|No intervention|Other)"
    # "Arm 2 (Placebo comparator): placebo tablets ...": the arm's number, then its role
    r"(?:\s*\((?P<role>[^()]{1,30})\))?"
    # "Arm B, Placebo Comparator - Placebo: matching tablets": its role, then its name
    r"(?:\s*,\s*(?P<role2>experimental|active\s+comparator|placebo\s+comparator|sham\s+comparator|comparator)\b)?"
    r"(?:\s*[-\u2013\u2014]\s*(?P<name>[^:|]{1,60}?))?"
    r"\s*:\s*(?P<label>[^.]+?)(?:\.\s*(?P<body>.*))?$",
    re.IGNORECASE,
)
# "ZRd: Zeltinib 100 mg daily plus lenalidomide ... and dexamethasone", "[ZRD] Zeltinib ...": an
# arm under the short code the record's tables use, its drugs after it
_CODED_ARM = re.compile(
    r"^\s*(?:(?P<code>(?!(?i:drugs?|biological|other|arms?|groups?|interventions?|treatments?|notes?|titles?|aims?)\b)"
    r"[A-Za-z][A-Za-z0-9+/-]{0,5})\s*:|\[\s*(?P<bracketed>[A-Za-z][A-Za-z0-9+/-]{0,11})\s*\])\s*(?P<label>\S.*)$"
)
# a column head naming a cohort: "group 1", "cohort b", "part 2"
_COHORT_TITLE = re.compile(r"(?:group|cohort|part)\s+[a-z0-9]{1,2}")
_FIGURE_FIRST = re.compile(r"\s*(?:median\s+)?\d", re.IGNORECASE)
# A row of an arms table: "Drug A + Drug B | Drug A 125 mg daily plus drug B ..."
# ("EG000 | Drug A + drug B | Drug A 200 mg ...": after the code the record's tables use for it)
REGISTRY_ROW = re.compile(
    r"^\s*(?:(?P<code>[A-Z]{1,3}\d{1,3})\s*\|\s*)?(?P<label>[^|:]{2,60}?)\s*\|\s*(?P<body>[^|]+)$"
)
# a participant-flow row: "Started", "Randomized"
_STARTED_WORD = r"(?:started|randomi[sz]ed|assigned|enrolled)"
_STARTED = re.compile(_STARTED_WORD, re.IGNORECASE)
_STARTED_COLUMNS = re.compile(rf"^\s*{_STARTED_WORD}\s*:\s*(?P<cells>\d[\d,]*(?:\s*\|\s*\d[\d,]*)+)\s*$", re.I)
_LABEL_STARTED = re.compile(
    rf"^\s*(?P<label>[^:|\n]{{2,60}}?)\s*:\s*{_STARTED_WORD}\s*[:=]?\s*(?P<n>\d[\d,]*)\b",
    re.IGNORECASE,
)
# Patients per arm by label: "Started: Drug A + Drug B 444; Placebo + Drug B 222"
REGISTRY_COUNTS = re.compile(
    r"^\s*(?:started|randomi[sz]ed|enrolled|treated|(?:overall\s+)?number\s+of\s+participants|"
    r"participants\s+analy[sz]ed)\b[^:]{0,40}:",
    re.IGNORECASE,
)
# "| Participants: 184": an arm line's count cell
_PARTICIPANTS_CELL = re.compile(r"\|\s*(?:participants|patients|enrolled|n)\s*[:=]\s*(?P<n>\d+)\s*(?:\||$)", re.I)
# an arm row whose other cell is its patients: "[A] Drug A + drug B | 169"
_COUNT_BODY = re.compile(r"\s*(?P<n>\d[\d,]*)\s*")
# "Participants assigned: 79": the patients of the registry arm whose lines these are
# "Investigator's choice of one of the following:", "one of these, chosen by the site": a line of an
# arm's record saying that the drugs listed under it are options
_OFFERS_OPTIONS = re.compile(r"\b(?:choice\s+of|one\s+of\s+the\s+following|one\s+of\s+these)\b", re.IGNORECASE)
_ASSIGNED_LINE = re.compile(
    r"\s*(?:number\s+of\s+)?(?:participants|patients)\s+(?:assigned|allocated|randomi[sz]ed|enrolled|started)"
    r"\s*[:=]\s*(?P<n>\d+)\s*\.?\s*$",
    re.I,
)
# The interventions a registry arm lists: "Interventions: Drug: A; Other: Placebo", "Drug: A"
_INTERVENTION_LINE = re.compile(r"\s*(?:interventions?|drug|biological)\s*:", re.IGNORECASE)


def coded_arm(sentence: Sentence) -> re.Match[str] | None:
    """A line that gives an arm's drugs under a short code ("Rd: Lenalidomide 25 mg plus
    dexamethasone"): the code is a short word (four letters at most, or mixed case) and the
    line names a drug, a regimen or placebo first."""
    match = _CODED_ARM.match(sentence.text)
    if match is None:
        return None
    code = match["code"] or match["bracketed"]
    if len(code) > 4 and code[1:].islower():
        return None  # "Methods: ...", a heading
    first = min(
        (
            m
            for m in sentence.mentions
            if m.kind in {"drug", "regimen", "placebo", "class"} and sentence.local(m.start) >= match.start("label")
        ),
        key=lambda m: m.start,
        default=None,
    )
    if first is None or sentence.local(first.start) != match.start("label"):
        return None
    if first.kind == "class" and first.key not in CHOICE_ARM_CLASSES:
        return None  # "[TPC] Treatment of physician's choice: A or B" is an arm; a class heading is not
    return match


class RegistryArmReader:
    """Reads a registry record's arm lines, intervention lines and participant flow into the
    trial they describe, keeping the arm whose intervention lines may follow and the arms of a
    flow grid's columns from one line to the next."""

    def __init__(self, reading: Reading, context: AgentContext) -> None:
        self.reading = reading
        self.context = context  # the tracker's, so that later mentions resolve to the arms read here
        # the registry arm whose intervention lines may follow: trial, label, whether it is the control
        self._open_arm: tuple[TrialState, str, bool] | None = None
        self._open_arm_offers = False  # its record said the lines after offer options, one each
        self._grid: list[tuple[str, ...]] | None = None  # the arms of a registry grid's columns

    def read_arm(self, sentence: Sentence, trial: TrialState, match: re.Match[str]) -> bool:
        """An arm defined by a registry line, under its label; a comparator or placebo arm is the
        control. A table row counts only when its label names a drug or placebo; a results
        header listing the labels as columns ("Arm/Group Title: A | B") defines no arm."""
        kind = (match.groupdict().get("kind") or "").casefold()
        roles = f"{kind} {match.groupdict().get('role') or ''} {match.groupdict().get('role2') or ''}"
        comparator = "comparator" in roles.casefold()
        # "Arm A, Experimental - Olaparib: olaparib 300 mg ...": the name is the arm's label
        labelled_by = "name" if match.groupdict().get("name") else "label"
        label_text, label_end = match.group(labelled_by), sentence.start + match.end(labelled_by)
        if _FIGURE_FIRST.match(label_text):
            return False  # "Arm I: median 8.2 months | Arm II: ...": the arms' results, no arm
        if "|" in label_text:
            if not kind or "title" in kind:
                return True
            # "Experimental: Drug A | Drug: Drug A 3 mg/kg ... | Participants: 184": the first cell
            label_end = sentence.start + match.start("label") + label_text.index("|")
            label_text = label_text[: label_text.index("|")]
        label_mentions = [m for m in sentence.of("drug", "placebo", "class") if m.start < label_end]
        if not kind and not label_mentions:
            return False
        if "title" in kind and _columns_of_names(self.reading.text, label_mentions):
            return True  # "Arm/Group Title:   Drug A   Drug B": columns set apart by spaces, no arm
        # a label that names the arm's drugs is the arm ("Placebo Comparator: Placebo (n=131). Patients
        # may switch to drug A"); else the line's text says what it gives
        end = label_end if any(m.kind != "class" for m in label_mentions) else sentence.end
        groups = agent_groups(self.reading, sentence, sentence.start, end, self.context)
        described = agent_groups(self.reading, sentence, label_end, sentence.end, self.context)
        if end == label_end and described and not kind:
            # "Arm I (A) | Induction B + C with A ...": a label naming the drug the arms differ by,
            # its description every drug the arm gives
            whole = _all_drugs(self.reading, described)
            label_drugs = set(_all_drugs(self.reading, groups))
            if label_drugs < set(whole) and not any(is_class_phrase(self.reading, d) for d in whole):
                groups = described
        drugs = _all_drugs(self.reading, groups)
        named_drugs = tuple(d for d in drugs if not is_class_phrase(self.reading, d))
        choice = [m.key for m in label_mentions if m.key in OPTION_CLASSES]
        # "Platinum-based doublet chemotherapy. Pemetrexed plus cisplatin ...": the label's class
        # describes the drugs the arm gives; "Investigator's choice. Irinotecan plus cetuximab or
        # ..." offers them
        drugs = (choice[0],) if choice else named_drugs or drugs
        placebo_label = any(m.kind == "placebo" for m in label_mentions)
        label = label_text.strip().casefold()
        self._open_arm = (trial, label, comparator or placebo_label)
        self._open_arm_offers = False
        if not drugs:
            return placebo_label  # "Arm II (Placebo)": its intervention lines give its drugs
        counted = _COUNT_BODY.fullmatch(match.groupdict().get("body") or "")
        if counted and not kind and len(trial.arm_sets()) >= 2:
            # "Cohort 1, Niraparib + AAP | 212" in a flow table: the patients of an arm defined before
            known = arm_for(self.reading, trial, drugs)
            if known in trial.arm_sets():
                trial.size_arm(known, count_value(counted["n"]))
                trial.name_arm(label_text, known)
            return True
        if drugs == (PLACEBO_ARM,) and not match.groupdict().get("body"):
            # "Placebo Comparator: matching placebo infusions": an arm of its own, no add-on's backbone
            trial.placebo_alone = True
        n = ARM_N.search(sentence.text)
        cell = _PARTICIPANTS_CELL.search(sentence.text) or counted
        drugs = trial.add_arm(
            drugs,
            sentence.index,
            "arm.registry",
            int(n.group("n") or n.group("n2")) if n else count_value(cell.group("n")) if cell else None,
            alternatives=len(groups) > 1,
        )
        trial.name_arm(label_text, drugs)
        code = match.groupdict().get("code") or match.groupdict().get("bracketed")
        if code:
            trial.labels.setdefault(code.casefold(), drugs)  # "[A] Experimental - Drug: ..."
        if re.fullmatch(r"arm \w+", kind):
            trial.labels[kind] = drugs  # results tables may name it "Arm 1"
        if comparator or placebo_label:
            trial.declared_control = trial.declared_control or drugs
        trial.set_once("randomized", None, sentence.index, "")
        self.context.remember_set(drugs)
        self.context.arms = trial.arm_sets()
        return True

    def read_arm_lines(self, sentence: Sentence) -> None:
        """The intervention lines under a registry arm ("Interventions: Drug: A; Drug: B; Other:
        Placebo", "Drug: A (Other Names: ...)") list what the arm gives, whatever its label names
        ("Arm I (Drug A)"), and a count line its patients ("Participants assigned: 79"); the arm's
        record ends at a blank line."""
        if self._open_arm is None:
            return
        previous = self.reading.sentences[sentence.index - 1] if sentence.index else sentence
        if re.search(r"\n[ \t]*\n", self.reading.text[previous.start : sentence.start]):
            self._open_arm = None
            return
        trial, label, control = self._open_arm
        assigned = _ASSIGNED_LINE.match(sentence.text)
        if assigned is not None and label in trial.labels:
            trial.size_arm(trial.labels[label], int(assigned["n"]))
            return
        if not _INTERVENTION_LINE.match(sentence.text):
            self._open_arm_offers = self._open_arm_offers or bool(_OFFERS_OPTIONS.search(sentence.text))
            return
        # not the aliases in brackets ("Drug: A (Other Names: CODE-1, Brand)")
        text = sentence.text
        named = [
            m
            for m in sentence.of("drug", "regimen")
            if text.count("(", 0, sentence.local(m.start)) == text.count(")", 0, sentence.local(m.start))
            and self.reading.is_given(m)  # not "Drug: A-matched placebo"
        ]
        listed = {m.key for m in named if m.kind == "drug"}
        listed.update(d for m in named if m.kind == "regimen" for d in self.reading.regimens.get(m.key, ()))
        if not listed:
            return
        old = trial.labels.get(label)
        if old is not None and (is_choice_arm(old) or self._open_arm_offers):
            # "Investigator's Choice", then "Drug: A, OR" / "Drug: B"; "Chemotherapy", "Investigator's
            # choice of one of the following:", then the drugs: the options it offers
            return
        drugs = sorted_drugs((listed | set(old or ())) - {PLACEBO_ARM})  # "Group 2 (Placebo)" gives A
        if old is None:
            trial.labels[label] = trial.add_arm(drugs, sentence.index, "arm.registry")
        else:
            trial.redefine_arm(old, drugs)
        if control and trial.declared_control in (None, old):
            trial.declared_control = drugs
        trial.merge_class_arms(self.reading)
        self.context.arms = trial.arm_sets()

    def read_table_arm(self, sentence: Sentence, trial: TrialState, row: Row) -> None:
        """A results table row whose first cell names an arm ("| Drug A + drug B | 410 | 7.8 |"):
        the arm, its label, and its patients from a count column."""
        first = row.cells[0]
        groups = agent_groups(self.reading, sentence, first.start, first.end, self.context)
        drugs = _all_drugs(self.reading, groups)
        if not drugs:
            return
        count = row.count_column()
        n = count_value(row.cells[count].text) if count is not None and count < len(row.cells) else None
        drugs = trial.add_arm(drugs, sentence.index, "arm.table", n)
        trial.name_arm(first.text, drugs)
        if any(m.kind == "placebo" and first.start <= m.start < first.end for m in sentence.mentions):
            trial.declared_control = trial.declared_control or drugs
        self.context.arms = trial.arm_sets()

    @staticmethod
    def read_counts(sentence: Sentence, trial: TrialState) -> None:
        for label, drugs in trial.labels.items():
            found = re.search(re.escape(label) + r"\s*[:=]?\s*(\d[\d,]*)\b", sentence.text, re.IGNORECASE)
            if found is not None:
                trial.size_arm(drugs, count_value(found.group(1)))

    def read_flow(self, sentence: Sentence, trial: TrialState | None) -> None:
        """A registry's participant flow as a grid (" | A | B", then "Started | 374 | 372") or
        by label ("A: Started 360 | Completed 326") gives each arm of the trial in focus its
        patients."""
        if trial is None:
            return
        text = sentence.text
        if column_titles(text) is not None:
            self._grid = column_arms(self.reading, sentence, trial)
            return
        row = grid_row(text)
        counts = _STARTED_COLUMNS.match(text)
        cells = counts["cells"].split("|") if counts else []
        if row is not None and _STARTED.fullmatch(row[0]):
            cells = row[1]
        if cells and self._grid and len(cells) == len(self._grid):
            for drugs, cell in zip(self._grid, cells, strict=True):
                trial.size_arm(drugs, count_value(cell.strip()))
            return
        # "A: Started 360 | Completed 326", "Arm I: Started 286 | Arm II: Started 291": by label, in any cell
        for cell in text.split("|"):
            started = _LABEL_STARTED.match(cell)
            labelled = trial.labels.get(" ".join(started["label"].casefold().split())) if started else None
            if started and labelled:
                trial.size_arm(labelled, count_value(started["n"]))


def column_arms(reading: Reading, sentence: Sentence, trial: TrialState) -> list[tuple[str, ...]] | None:
    """The arms of a header row's columns, each by the label the record gave it or else by the
    drugs its title names ("Arm/Group Title: Drug A | Salvage Chemotherapy"); None unless every
    column is an arm of the trial."""
    titles = column_titles(sentence.text) or []
    arms = [labelled_arm(reading, sentence, trial, start, end) for _label, start, end in titles]
    sets = trial.arm_sets()
    unnamed = [position for position, arm in enumerate(arms) if arm is None]
    others = [arm for arm in sets if arm not in arms]
    if len(unnamed) == 1 and len(others) == 1 and len(titles) == len(sets):
        # "CARVYKTI arm | Standard therapy arm": the arm the other columns leave
        arms[unnamed[0]] = others[0]
    if not arms or any(arm is None or arm not in sets for arm in arms):
        return None
    return [arm for arm in arms if arm is not None]


def column_cohorts(sentence: Sentence, trial: TrialState) -> list[str | None] | None:
    """The cohorts a header row's columns are in a trial of one regimen, as subgroup labels:
    numbered or lettered groups (" | Group 1 | Group 2 | Group 3") or populations counted and
    named by no drug (" | Treatment-naive (N=60) | Previously treated (N=100)"), a column that
    counts every patient of the trial being no subgroup; None unless every column is one."""
    titles = column_titles(sentence.text) or []
    if len(trial.arm_sets()) != 1 or len(titles) < 2:
        return None
    if all(_COHORT_TITLE.fullmatch(label) for label, _, _ in titles):
        return [label for label, _, _ in titles]
    counted: list[str | None] = [
        None if count_value(count["n"] or count["n2"]) == trial.n_enrolled else subgroup_label(ARM_N.sub("", label))
        for label, start, end in titles
        if (count := ARM_N.search(label))
        and not re.match(r"\s*arms?\b", label)
        and not sentence.names_given(start, end)
    ]
    return counted if len(counted) == len(titles) else None


def labelled_arm(
    reading: Reading, sentence: Sentence, trial: TrialState, start: int, end: int
) -> tuple[str, ...] | None:
    """The arm a label between two offsets of the sentence names: the arm the record gave that
    label, else the arm of the trial its drugs make ("Salvage Chemotherapy", "Drug A + Drug B"),
    else the arm whose label it shortens ("Ob+Chl" for "Obinutuzumab + Chlorambucil")."""
    label = " ".join(sentence.text[start:end].casefold().split())
    if label in trial.labels:
        return trial.labels[label]
    named = [
        PLACEBO_ARM if m.kind == "placebo" else m.key
        for m in sentence.of("drug", "class", "placebo")
        if start <= sentence.local(m.start) and sentence.local(m.end) <= end
    ]
    # "Placebo + Nivo + Ipi" shortens the label "Placebo + Nivolumab + Ipilimumab" part by part
    # ("Placebo + Drug B + Drug C" names the arm of B and C)
    arm = trial.arm_shortened(label) or (
        arm_for(reading, trial, without_placebo(sorted_drugs(set(named)))) if named else None
    )
    return arm if arm in trial.arm_sets() else None


def _columns_of_names(text: str, mentions: list[Mention]) -> bool:
    """Whether a title line's names stand side by side with nothing but space between them, as
    the column heads of a table do ("Lorlatinib   Crizotinib"); an arm's own title joins its
    drugs ("Drug A + Drug B")."""
    return len(mentions) >= 2 and all(
        not text[before.end : after.start].strip() for before, after in itertools.pairwise(mentions)
    )


def _all_drugs(reading: Reading, groups: list[tuple[tuple[str, ...], Agent]]) -> tuple[str, ...]:
    """What one arm's label or record names, all sets together ("Placebo + B: matching placebo
    plus B" gives B)."""
    return without_placebo(without_described_classes(reading, sorted_drugs({d for g, _ in groups for d in g})))
