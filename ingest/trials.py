"""Trials: which trial each sentence talks about, and what it says of the trial's design.

A trial is named by an acronym or an NCT id, or introduced by a phrase such as "a randomised
phase II study". Mentions in one sentence that sit together ("NEMO (NCT01763164)", "the phase
III ORBIT trial", "ORBIT, a randomised phase III study") are one trial; "this trial", "the
study" and sentences that only describe a design ("Participants were randomised 2:1 to ...")
refer to the trial in focus. An indefinite mention is a new trial unless it re-mentions a
known one (same phase, drugs already among its arms), or it is the only unnamed mention in a
sentence that names one trial. A trial announced in the title is the trial the body then
names.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from ingest.mentions import PLACEBO_ARM, Agent, AgentContext, Reading, Sentence, sorted_drugs
from ingest.numbers import parse_number
from ingest.tables import PipeTable, Row, grid_header, grid_row

_NUMBER_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)"
)
# A count of patients as printed: "402", "1,024", "Seventy-one", "One hundred".
COUNT = rf"(?<![\w.-])(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?![\d.])|{_NUMBER_WORD}(?:[\s-](?:and\s+)?{_NUMBER_WORD})*"


def count_value(text: str) -> int | None:
    value = parse_number(text)
    return int(value) if value is not None and value == int(value) else None


_PHASE_TO_NOUN = re.compile(
    r"[\s,\w-]{0,50}?\b(?P<noun>trials?|study|studies|part|portion|cohort|stage)\b", re.IGNORECASE
)
# The count before a phase mention that announces several trials: "the four phase 3 studies",
# "three randomised phase 3 trials"
_TRIAL_COUNT_BEFORE = re.compile(
    r"\b(?P<count>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[2-9]|1[0-2])\s+"
    r"(?:(?:randomi[sz]ed|large|pivotal|key|major|positive|negative|global|international|"
    r"double-blind|open-label|placebo-controlled|controlled|confirmatory|registrational),?\s+){0,3}$",
    re.IGNORECASE,
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
# "...; all patients continued B": a background every arm of the listing gets
_BACKGROUND = re.compile(
    r"\s*(?:and\s+|while\s+)?(?:all|both|every)\s+(?:\w+\s+){0,2}?(?:patients|participants|arms|groups)\s+"
    r"(?:also\s+|additionally\s+)?(?:continued|received|were\s+given|got|remained\s+on|were\s+treated\s+with)\b",
    re.IGNORECASE,
)
_RATIO = re.compile(r"\b[1-4](?:\s*:\s*[1-4]){1,3}\b")
_DESIGN_VERB = re.compile(
    r"\b(?:randomi[sz]ed|randomly assigned|assigned|allocated|enrolled|recruited|received|receiving|"
    r"took|treated|given|compared|pitted|evaluat\w+|tested|enrol\w*|Enrollment|Arms?|Experimental|"
    r"comparator|adding|added)\b",
    re.IGNORECASE,
)
_ARM_START = re.compile(
    r"\b(?:randomi[sz]ed|randomly assigned|assigned|allocated|received|receiving|took|given|compared|adding|added|"
    r"pitted|evaluated|tested|treated)\b",
    re.IGNORECASE,
)
# A prior-therapy phrase ("who had previously received chemotherapy and anti-PD-1 or") reaches
# over a coordinated list up to the verb of the main clause ("were given adagrasib").
_PRIOR_CUE = (
    # "at least three previous lines of therapy, including an immunomodulatory drug, ..." (first,
    # so that it wins over a bare "previous" at the same place)
    r"\b(?:(?:prior|previous|earlier|established|standard|available)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:therap(?:y|ies)|treatments?|lines?(?:\s+of\s+(?:therapy|treatment))?|regimens?|agents?)\s*,?\s*"
    r"(?:including|such\s+as|(?:one|all|each|at\s+least\s+one)\s+of\s+which\s+(?:contained|included|was|were))|after|following|progress\w*\s+(?:on|after|during|with|while\s+(?:receiving|taking|on))(?:\s+or\s+after)?|prior|"
    r"previous(?:ly)?(?:\s+(?:received|been\s+treated\s+with|treated\s+with|given))?|"
    r"pre-?treated\s+with|refractory\s+to|resistant\s+to|failure\s+of|progression\s+on|"
    r"already(?:\s+received)?|earlier|naive\s+to|exposed\s+to|received\s+(?:prior|previous)|"
    r"had\s+(?:already\s+)?received)\b"
)
_MAIN_VERB = (
    r"(?!\b(?:were|was|are|is|be|receive|received|receiving|given|took|then|versus|vs|compared|comparing|to|"
    r"randomi[sz]ed|assigned|allocated|enrolled|tested|evaluated|showed|reported|trial|study|studies)\b)"
)
_PRIOR_THERAPY = re.compile(rf"{_PRIOR_CUE}(?:{_MAIN_VERB}[^.;,]){{0,100}}$", re.IGNORECASE)
# The same phrase over a comma list of drugs ("previously treated with trastuzumab, pertuzumab
# and T-DM1")
_PRIOR_THERAPY_LIST = re.compile(rf"{_PRIOR_CUE}(?:{_MAIN_VERB}[^.;]){{0,100}}$", re.IGNORECASE)
_PRIOR_CUE_ALONE = re.compile(_PRIOR_CUE, re.IGNORECASE)
# What follows an item inside a list of prior therapies: another item
_LIST_GOES_ON = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:,|\b(?:and|or|plus)\b)", re.IGNORECASE)
_PRIOR_REACH = 150
_SPLIT = re.compile(
    r"\b(?:or|versus|vs|compared|comparison|against|over|than|whereas|while|respectively)\b|\bvs\.",
    re.IGNORECASE,
)
_STANDALONE_NUMBER = re.compile(r"(?<![\w/.-])\d+(?:\.\d+)?(?![\w/-])")
# "lenvatinib-pembrolizumab": two drug names joined by a hyphen are a pair
_JOIN = re.compile(
    r"\+|\bplus\b|\band\b|\bwith\b|\btogether\b|\bcombin\w*|\bpaired\b|\balongside\b|/|^\s*[-\u2013]\s*$",
    re.IGNORECASE,
)
# Doses and schedules between a drug and its partner: "45 mg orally twice daily", "1000 mg/m2 Q3W".
_DOSE = re.compile(
    r"\d+(?:[.,]\d+)?\s*(?:[-\u2013]\s*\d+(?:[.,]\d+)?\s*)?(?:mg|g|mcg|\u00b5g|ug|IU|units?)\b(?:/(?:m2|m\u00b2|kg|day|d))?"
    r"|\b[Qq]\d+[WwHhDd]\b|\bdays?\s+\d+(?:\s*(?:[-\u2013,]|to|through|and)\s*\d+)*|\b\d+-(?:day|week)\b"
    r"|\bevery\s+\d+\s+(?:weeks?|days?)|\b\d+\s+(?:days?|weeks?)\s+(?:on|off)\b",
)
# "Adding the MEK inhibitor binimetinib to ...": the drug may follow a short description.
_ADDING_BEFORE = re.compile(r"\badd(?:ing|ed|ition\s+of)\s+(?:(?:the|a|an)\s+)?(?:[\w/-]+\s+){0,3}$", re.IGNORECASE)
# What separates a drug from the same drug named again: "dabrafenib (Tafinlar)", "X, the MEK
# inhibitor X"; a bare comma or "or" lists a new set ("A plus B, A plus C").
_ALIAS_GAP = re.compile(r"\s*(?:[(\[]\s*|,\s*(?:the|a|an)\b[^,;]*|\b(?:also\s+known\s+as|i\.e\.?)\s*)?", re.IGNORECASE)
_GROUP_LABEL_AFTER = re.compile(r"\s+(?:group|arm)\b", re.IGNORECASE)
_ALONE_AFTER = re.compile(r"\s*(?:alone|monotherapy|only|as\s+a\s+single\s+agent)\b", re.IGNORECASE)
# "A or placebo, each given with B": B joins every set listed before it.
_SHARED_PARTNER = re.compile(
    r",\s*(?:each|both|all|in\s+(?:both|all|each)\s+(?:arms|groups))\b[^,;()]{0,30}?"
    r"\b(?:with|plus|combined\s+with|in\s+combination\s+with|added\s+to|on\s+a\s+background\s+of)\s*$",
    re.IGNORECASE,
)
_CHOICE_CLASSES = frozenset({"physician's choice", "chemotherapy"})
_BRACKETED = r"\((?:[^()]|\([^()]*\))*\)"
_CHOICE_OF = re.compile(rf"\s*(?:{_BRACKETED}\s*)?(?:(?:of|with)\s+(?:[\w-]+\s+){{0,2}}|\)?\s*:\s*)", re.IGNORECASE)
# a bracket after a choice arm, with its patients by option: "(55 irinotecan, 7 paclitaxel)"
_CHOICE_BRACKET = re.compile(r"\s*\(\s*(?P<count>\d+\s+[^,;()]*?[,;]\s*(?:and\s+)?\d+\s+[A-Za-z])?")
# what separates the options a choice arm lists: "A (schedule), B and C (ABC); or D"
_OPTION_LIST_GOES_ON = re.compile(
    rf"\s*\)?\s*(?:{_BRACKETED}\s*)?(?:[,;]\s*)?(?:or|and)?\s*\(?\s*", re.IGNORECASE
)
_ADDED_TO = re.compile(r"\badded\s+(?:on\s+)?to\b", re.IGNORECASE)
_REGISTRY_ARM = re.compile(
    r"^\s*(?:[-*\u2022]|\d{1,2}[.)])?\s*"
    r"(?P<kind>Experimental|Active comparator|Placebo comparator|Comparator|Arm(?:/Group)?\s+Title|"
    r"Arm(?: [A-Z0-9]+)?|No intervention|Other)"
    r"\s*:\s*(?P<label>[^.]+?)(?:\.\s*(?P<body>.*))?$",
    re.IGNORECASE,
)
# A row of an arms table: "Drug A + Drug B | Drug A 125 mg daily plus drug B ..."
_REGISTRY_ROW = re.compile(r"^\s*(?P<label>[^|:]{2,60}?)\s*\|\s*(?P<body>[^|]+)$")
# a participant-flow row: "Started", "Randomized"
_STARTED = re.compile(r"(?:started|randomi[sz]ed|assigned|enrolled)", re.IGNORECASE)
_LABEL_STARTED = re.compile(
    r"^\s*(?P<label>[^:|\n]{2,60}?)\s*:\s*(?:started|randomi[sz]ed|assigned|enrolled)\s*[:=]?\s*(?P<n>\d[\d,]*)\b",
    re.IGNORECASE,
)
# the short form an arm's label ends with: "Investigator's Choice Chemotherapy (IC Chemo)"
_SHORT_LABEL = re.compile(r"\(\s*([^()]{1,15}?)\s*\)\s*$")
_LABEL_KIND = re.compile(
    r"^(?:experimental|active\s+comparator|placebo\s+comparator|sham\s+comparator|comparator)\s*:\s*"
)
# Patients per arm by label: "Started: Drug A + Drug B 444; Placebo + Drug B 222"
# what names the arm the others are compared with: "versus C", "non-inferior to C"
_COMPARED_WITH = re.compile(
    r"\b(?:versus|vs\.?|compared\s+with|compared\s+to|(?:non-?)?inferior\s+to|superior\s+to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_REGISTRY_COUNTS = re.compile(
    r"^\s*(?:started|randomi[sz]ed|enrolled|treated|(?:overall\s+)?number\s+of\s+participants|"
    r"participants\s+analy[sz]ed)\b[^:]{0,40}:",
    re.IGNORECASE,
)
# "44 to selumetinib", "78 previously treated patients received dabrafenib"
_COUNT_BEFORE_ARM = re.compile(
    r"(?<![\w.:])(?P<n>\d[\d,]*)\s+(?:(?:[\w-]+\s+){0,3}?(?:patients|participants)\s+(?:\w+\s+)?"
    r"(?:received|were\s+given|were\s+assigned\s+to|were\s+treated\s+with)\s+|to\s+)"
    r"(?:(?:the|a|an|oral|either)\s+)*$",
    re.IGNORECASE,
)
# "all randomized patients", "a randomised phase 3 trial": the participle describes, it does
# not assign anyone to an arm
_ADJECTIVAL = re.compile(
    r"\s+(?:patients|participants|subjects|population|trial|study|studies|phase|controlled|double|open|"
    r"cohort|comparison|design|clinical)\b|,",
    re.IGNORECASE,
)
_ASSIGNS_ARMS = re.compile(
    r"\b(?:randomly\s+assigned|randomi[sz]ed|allocated)\b(?!\s+(?:patients|participants|trials?|stud\w+|phase|"
    r"controlled|double|open|design))[^.;]{0,120}?\bto\b",
    re.IGNORECASE,
)
_NEW_CLAUSE = re.compile(r";|,\s+(?:and\s+)?(?:so|thus|hence|therefore|but|whereas|while)\b", re.I)
# A registration line: "Trial registration: ClinicalTrials.gov, NCT...", "registered with ..."
_REGISTRATION = re.compile(r"\bregist(?:ered|ration|ry)\b|ClinicalTrials\.gov|\btrial identification\b", re.I)
# "to arm A (paclitaxel and carboplatin) or arm B (...)": the label an arm is given
_LABEL_BEFORE = re.compile(r"\b(?P<label>(?:arm|group|cohort)\s+[A-Z0-9]{1,2})\s*[(:,]?\s*$")
# "X plus Y (XY; arm A, 402 patients)": the label in the bracket that closes an arm's drugs,
# before the next arm starts
_LABEL_AFTER = re.compile(
    r"[^()]*?\((?:[^()]{0,30}?[;,]\s*)?(?P<label>(?:arm|group|cohort)\s+[A-Z0-9]{1,2})\b[^()]*\)", re.IGNORECASE
)
_CONTROL_NOUN = r"(?:the\s+)?(?:control|comparator)\s+(?:group|arm)"
_CONTROL_LABEL = re.compile(
    rf"\b(?P<before>(?:arm|group|cohort)\s+[A-Z0-9]{{1,2}})\s*[,(]\s*{_CONTROL_NOUN}\b"
    rf"|\b{_CONTROL_NOUN}\s*[,(]\s*(?P<after>(?:arm|group|cohort)\s+[A-Z0-9]{{1,2}})\b",
    re.IGNORECASE,
)
# A registry field listing the record's other identifiers: "Other Study ID Numbers:", "Secondary IDs:"
_OTHER_ID_FIELD = re.compile(
    r"\s*(?:other|secondary|additional|org(?:ani[sz]ation)?(?:'s)?(?:\s+unique)?)\s+(?:study\s+|protocol\s+)?"
    r"(?:ID|identifier)s?(?:\s+numbers?)?\s*:",
    re.IGNORECASE,
)
# The interventions a registry arm lists: "Interventions: Drug: A; Other: Placebo", "Drug: A"
_INTERVENTION_LINE = re.compile(r"\s*(?:interventions?|drug|biological)\s*:", re.IGNORECASE)
_HYPOTHETICAL = re.compile(r"\b(?:should|could|would|might|may|perhaps|whether|suggest\w*)\b", re.IGNORECASE)
# The question a trial asked, right after its name: "TRIAL-9 asked whether", "(TRIAL-9) tested
# whether", "TRIAL-9, which enrolled 300 patients, examined whether"
_TRIAL_QUESTION = re.compile(
    r"[)\]]?\s*(?:(?:trial|study)\s+)?(?:,[^,;.]{0,80},\s*)?(?:was\s+designed\s+to\s+(?:test|determine|establish)|"
    r"asked|asks|tested|tests|examined|examines|addressed|addresses|explored|explores|investigated|"
    r"investigates|assessed|assesses|evaluated|evaluates|set\s+out\s+to\s+(?:test|determine|establish))\s+"
    r"whether\b",
    re.IGNORECASE,
)
# A named trial as the subject of a design verb in the indicative: "TRIAL-9 compares", "the
# ongoing TRIAL-9 trial randomised"
_TRIAL_REPORTS = re.compile(
    r"[)\]]?\s*(?:(?:trial|study)\s+)?(?:is\s+|was\s+)?(?:compares|compared|comparing|randomi[sz]es|randomi[sz]ed|"
    r"randomi[sz]ing|assigns|assigned|tests|testing|evaluates|evaluating|enrols|enrolls|enrolled|pits|pitted)\b",
    re.IGNORECASE,
)
# "a control regimen of X", "the control arm received X"
_CONTROL_BEFORE = re.compile(r"\bcontrol\b[\w\s]{0,25}$", re.IGNORECASE)
# "(n = 192)", "(192 patients)", "(EV+P group, n = 442)"
_ARM_N = re.compile(
    r"\((?:[^()]{0,40}?[,;]\s*)?n\s*=\s*(?P<n>\d+)\s*\)|\((?P<n2>\d+)\s+(?:patients|participants)\)",
    re.IGNORECASE,
)
_APPOSITION = re.compile(r"[\s)\]]*[:,(]\s*(?:(?:an?|the)\s+)?[^.;:]{0,80}", re.IGNORECASE)
# A registry field whose phase needs no trial noun: "Phase: Phase 3", "Study design: randomized,
# open-label, phase 3"
_PHASE_FIELD = re.compile(r"\s*(?:study\s+)?(?:phase|design)\b[^:\n]{0,20}:", re.IGNORECASE)
# A registry field: "Phase: Phase 3", "Study title: ...", "ClinicalTrials.gov ID: NCT...".
_FIELD_LINE = re.compile(r"\s*[A-Z][\w ./()&-]{0,40}:\s")
_CLAUSE_BREAK = re.compile(
    r";|,\s+(?:and|but|while|whereas|yet|followed\s+by|(?:even\s+)?(?:though|although))\b|"
    r"\s+and\s+followed\s+by\b|(?<!\bvs)(?<!\bv)(?<!\be\.g)(?<!\bi\.e)(?<!\bcf)\.\s",
    re.IGNORECASE,
)

# words that tie a sentence to the arms of the trial in focus
_ARM_WORDS = re.compile(r"\b(?:arms?|groups?|control|comparator|placebo|randomi[sz]\w*|assigned|allocated)\b", re.I)
_LABELLED_PART = re.compile(r"\b(?i:cohort|arm)\s+[A-Z0-9]{1,2}\b[^.;]{0,30}$")
_PART_OF = re.compile(r"\b(?:part|portion|stage)\s+of\b[^.;]{0,120}$", re.IGNORECASE)
_QUALIFIED_AFTER = re.compile(r"\s+(?:who|whose|in\s+whom)\b", re.IGNORECASE)
_PEOPLE = r"(?:patients|participants|subjects|adults|women|men|people|individuals|children|adolescents|persons)"
_ENROLMENT = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        rf"\bEnrol(?:l)?ment\b[^:]*:\s*(?P<n>{COUNT})",
        rf"\b(?:randomi[sz]ed|randomly assigned|enrolled|recruited|assigned|allocated|took|included)\s+"
        rf"(?P<n>{COUNT})\s+(?:[\w-]+\s+){{0,2}}?{_PEOPLE}\b",
        # "Of the 303 patients, 152 were assigned ..." opens its sentence ("79% of 71 patients" does not)
        rf"\b(?-i:Of)\s+(?:the\s+)?(?P<n>{COUNT})\s+(?:randomi[sz]ed\s+|enrolled\s+|treated\s+)?(?:patients|participants)\b",
        # "556 patients with ... (a long description) ... were randomly assigned"
        rf"\b(?:In\s+total,?\s+)?(?P<n>{COUNT})\s+(?:[\w-]+\s+){{0,2}}?{_PEOPLE}\b"
        rf"[^.;]{{0,160}}?\b(?:were|was)\s+(?:then\s+)?"
        rf"(?:randomi[sz]ed|randomly|enrolled|treated|assigned|allocated|recruited|included|given)",
        # "twenty-six patients with BRAF V600E-mutant thyroid cancer received ..."
        rf"(?<![\w.])(?P<n>{COUNT})\s+(?:[\w-]+\s+){{0,2}}?(?:patients|participants)\b[^.;]{{0,100}}?\s"
        rf"(?:took|received|were given|were treated)\b",
        # "Patients (n=403) with untreated disease were randomized"
        r"\b(?:patients|participants)\s*\(\s*n\s*=\s*(?P<n>\d[\d,]*)\s*\)[^.;]{0,120}?\b(?:were|was)\s+"
        r"(?:randomi[sz]ed|randomly|enrolled|assigned|allocated|treated|included)",
        rf"\b(?:trial|study)\s+(?:of|in|with|that enrolled)\s+(?P<n>{COUNT})\s+(?:patients|participants)\b",
        rf"\bin\s+(?P<n>{COUNT})\s+(?:patients|participants)\b(?=[^.;]*\b(?:randomi|compar))",
        # "compared A with B in 524 previously treated patients", "combined A with B in 33 patients"
        rf"\b(?:compared|combined|paired|tested|evaluated|studied|assessed)\b[^.;]{{0,120}}?\bin\s+(?P<n>{COUNT})\s+"
        rf"(?:[\w-]+\s+){{0,3}}?(?:patients|participants)\b",
        rf"\b(?:cohort|total)\s+of\s+(?P<n>{COUNT})\s+(?:\w+\s+)?(?:patients|participants)\b",
        rf"%\s+(?:of|in|among)\s+(?:the\s+)?(?P<n>{COUNT})\s+(?:[\w-]+\s+){{0,2}}?(?:patients|participants)\b",
        # "In 343 patients previously treated with ..., A added to B yielded ... compared with ...":
        # a leading clause that sizes the comparison the sentence reports (not a cohort's figure)
        rf"(?:^\s*|[:;]\s*)(?i:in)\s+(?P<n>{COUNT})\s+(?:[\w-]+\s+){{0,2}}?{_PEOPLE}\b[^.;:]{{0,120}}?,"
        r"(?=[^;]*\b(?:versus|vs|compared\s+with|compared\s+to)\b)",
        # "In a pivotal phase 2 study, 155 patients with ... achieved": the study's patients
        rf"^\s*(?i:in)\s+(?:the|a|an|this|its)\s+(?:(?!\b(?:part|portion|stage|cohort|arm)\b)[^,;.]){{0,60}}?"
        rf"\b(?:trial|study)\b[^,;.]{{0,40}}?,\s+(?P<n>{COUNT})\s+"
        rf"(?:[\w-]+\s+){{0,2}}?{_PEOPLE}\s+(?:with|who)\b",
    )
)
# A count that belongs to part of a trial: "among the 57 ...", "(n = 44)" before the phrase; and
# one in a clause about a labelled cohort: "in cohort B, 57 ...", "cohort C enrolled 36 ...".
# "among its 794 patients": the trial's own patients, in whichever clause of its sentence
_ITS_PATIENTS = re.compile(rf"\b(?:among|of|in|across)\s+its\s+(?P<n>{COUNT})\s+(?:[\w-]+\s+){{0,2}}?{_PEOPLE}\b", re.I)
_SUBGROUP_COUNT = re.compile(r"\b(?:among|in)\s+(?:the\s+|these\s+)?$|\bsubgroup\b|\(\s*n\s*=", re.IGNORECASE)


@dataclass
class ArmState:
    drugs: tuple[str, ...]
    n: int | None = None
    dose: str | None = None
    label: str | None = None
    sentence: int | None = None
    rule: str = "arm.design"
    alternatives: bool = False  # a registry arm offering drugs in the alternative ("cisplatin or carboplatin")
    # the regimens a choice arm offers: "gemcitabine with either cisplatin or carboplatin"
    options: list[tuple[str, ...]] = field(default_factory=list)


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
    labels: dict[str, tuple[str, ...]] = field(default_factory=dict)  # registry and table arm labels
    prose_labels: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "arm b" named in prose
    declared_control: tuple[str, ...] | None = None  # an arm the text calls control or comparator
    placebo_backbone: tuple[str, ...] | None = None  # the arm "placebo" names in an add-on trial
    # the orders sentences list the arms in: (sentence index, assigns patients, arms)
    listings: list[tuple[int, bool, list[tuple[str, ...]]]] = field(default_factory=list)

    def listed_before(self, index: int, size: int) -> list[tuple[str, ...]]:
        """The arms in the order a sentence before ``index`` listed at least ``size`` of them
        ("..., respectively" follows it): the last that assigned patients to them, else the
        last that named them."""
        earlier = [
            (assigns, arms) for sentence, assigns, arms in self.listings if sentence < index and len(arms) >= size
        ]
        assigning = [arms for assigns, arms in earlier if assigns]
        return assigning[-1] if assigning else (earlier[-1][1] if earlier else [])

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

    def add_arm(
        self, drugs: tuple[str, ...], sentence: int, rule: str, n: int | None = None, alternatives: bool = False
    ) -> tuple[str, ...]:
        """Add an arm (or give a known one its size); returns the arm's drugs as the trial now
        has them (the placebo arm of an add-on trial is its backbone's arm)."""
        drugs = _without_placebo(drugs)
        if not drugs:
            return drugs
        if drugs in self.arm_sets():
            self.size_arm(drugs, n)
        else:
            self.arms.append(ArmState(drugs, n=n, sentence=sentence, rule=rule, alternatives=alternatives))
            self._settle_placebo()
        return self.placebo_backbone if drugs == (PLACEBO_ARM,) and self.placebo_backbone else drugs

    def name_arm(self, label: str, drugs: tuple[str, ...]) -> None:
        """Record the label a record gives an arm, with the names tables may use for it: without
        its kind ("Active comparator: ..."), and its short form ("... Chemotherapy (IC Chemo)")."""
        label = " ".join(label.casefold().split())
        self.labels[label] = drugs
        bare = _LABEL_KIND.sub("", label)
        self.labels.setdefault(bare, drugs)
        short = _SHORT_LABEL.search(bare)
        if short:
            self.labels.setdefault(short.group(1), drugs)

    def size_arm(self, drugs: tuple[str, ...], n: int | None) -> None:
        """Give an arm its patients, unless it has them already."""
        for arm in self.arms:
            if arm.drugs == drugs and arm.n is None:
                arm.n = n

    def redefine_arm(self, old: tuple[str, ...], new: tuple[str, ...]) -> None:
        """Give an arm the drugs a later line of its record lists; an arm that already has them
        absorbs it."""
        new = _without_placebo(new)
        arm = next((a for a in self.arms if a.drugs == old), None)
        if arm is None or old == new:
            return
        target = next((other for other in self.arms if other.drugs == new), None)
        if target is not None:
            target.n = target.n or arm.n
            self.arms.remove(arm)
        else:
            arm.drugs = new
        self._rename_arm(old, new)

    def _settle_placebo(self) -> None:
        """In an add-on trial (A plus B against B) the placebo stands in for A, so "the placebo
        arm" is B's arm; only a trial of drugs against placebo alone has a placebo arm."""
        placebo = (PLACEBO_ARM,)
        sets = self.arm_sets()
        if placebo not in sets:
            return
        # placebo masks a drug, never chemotherapy ("A vs chemotherapy plus A" has no placebo arm)
        backbones = [
            arm
            for arm in sets
            if arm != placebo
            and any(set(arm) < set(other) and not set(other) - set(arm) & _CHOICE_CLASSES for other in sets)
        ]
        if len(backbones) == 1:
            self.placebo_backbone = backbones[0]
            self.redefine_arm(placebo, backbones[0])

    def note_options(self, drugs: tuple[str, ...], options: list[tuple[str, ...]]) -> None:
        for arm in self.arms:
            if arm.drugs == drugs:
                arm.options.extend(option for option in options if option not in arm.options)

    def merge_class_arms(self, reading: Reading) -> None:
        """An arm named with a class phrase ("pembrolizumab plus chemotherapy") is the arm that
        names the class's drugs ("pembrolizumab, cisplatin and fluorouracil"), once there is
        exactly one such arm; a chemotherapy arm is the physician's-choice arm, when there is one."""
        sets = self.arm_sets()
        if ("chemotherapy",) in sets and ("physician's choice",) in sets:
            self.redefine_arm(("chemotherapy",), ("physician's choice",))
        for arm in list(self.arms):
            members = [
                other
                for other in self.arms
                if other is not arm
                and not any(_is_class_phrase(reading, d) for d in other.drugs)
                and _spells_out(reading, arm.drugs, other.drugs)
            ]
            if len(members) != 1 or members[0].sentence == arm.sentence:
                continue  # a choice of the class named beside the drug arm is an arm of its own
            target = members[0]
            target.n = target.n or arm.n
            self.arms.remove(arm)
            self._rename_arm(arm.drugs, target.drugs)

    def _rename_arm(self, old: tuple[str, ...], new: tuple[str, ...]) -> None:
        for labels in (self.labels, self.prose_labels):
            for label, drugs in labels.items():
                if drugs == old:
                    labels[label] = new
        if self.declared_control == old:
            self.declared_control = new
        self.listings = [
            (sentence, assigns, [new if arm == old else arm for arm in arms])
            for sentence, assigns, arms in self.listings
        ]

    def note_chemotherapy(self, reading: Reading) -> None:
        self.chemotherapy = {d for d in self.drugs if d == "chemotherapy" or "chemotherapy" in reading.drug_classes(d)}

    def control_arm(self) -> tuple[str, ...] | None:
        """The comparator: the arm the text calls control (or the placebo arm), else an arm
        whose drugs are all in another arm, else a chemotherapy or class-phrase arm facing a drug
        arm, else the second arm."""
        sets = self.arm_sets()
        if len(sets) < 2:
            return None
        if self.declared_control in sets:
            return self.declared_control
        for arm in sets:
            if any(arm != other and set(arm) < set(other) for other in sets):
                return arm
        standard = [arm for arm in sets if all(self.standard_care(d) for d in arm)]
        if len(standard) == 1:
            return standard[0]
        return sets[1]

    def arm_named(self, drugs: tuple[str, ...]) -> tuple[str, ...]:
        """The arm a set names: itself, else the one arm holding all its drugs ("the
        selumetinib group" of a selumetinib-plus-docetaxel arm)."""
        sets = self.arm_sets()
        if not drugs or drugs in sets:
            return drugs
        supersets = [arm for arm in sets if set(drugs) < set(arm)]
        return supersets[0] if len(supersets) == 1 else drugs

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


def in_prior_therapy(text: str, sentence: Sentence, start: int, end: int) -> bool:
    """Whether a mention of a sentence lies in a prior-therapy phrase ("patients progressing
    after immunotherapy", "who had previously received chemotherapy and anti-PD-1 or ...",
    "previously treated with trastuzumab, pertuzumab and trastuzumab emtansine")."""
    before_start = max(sentence.start, start - _PRIOR_REACH)
    before = text[before_start:start]
    if _PRIOR_THERAPY.search(before):
        return True
    listed = _PRIOR_THERAPY_LIST.search(before)
    if listed is None:
        return False
    # every comma after the cue must close a drug of the list ("trastuzumab, pertuzumab and")
    ends = [m.end for m in sentence.mentions if m.kind in {"drug", "class"}]
    # commas inside a cue ("previous lines of therapy, including") are not list commas
    after_cue = max((cue.end() for cue in _PRIOR_CUE_ALONE.finditer(before, listed.start())), default=listed.start())
    commas = [before_start + i for i in range(after_cue, len(before)) if before[i] == ","]
    if commas and not text[commas[-1] + 1 : start].strip() and not _LIST_GOES_ON.match(text, end):
        return False  # "treated with an ICI, nivolumab added to ...": the list ended at the comma
    return all(any(e <= comma and not text[e:comma].strip() for e in ends) for comma in commas)


@dataclass
class _DrugSet:
    drugs: list[str]
    agent: Agent  # where the set starts
    before_join: list[str] = field(default_factory=list)  # its drugs before the last one joined


def agent_groups(
    reading: Reading, sentence: Sentence, start: int, end: int, context: AgentContext, skip_prior: bool = True
) -> list[tuple[tuple[str, ...], Agent]]:
    """Drug sets named between two offsets, split at "or"/"versus", joined at "plus"/"with".

    - "adding A to B" and "A added to B" give two sets, A+B and B;
    - a serial list ending in "and" is one set ("encorafenib, binimetinib and cetuximab"), one
      ending in "or" or with "alone" after an item lists sets;
    - a partner shared by the sets before it ("A or placebo, each given with B") or named before
      "either" ("B plus either A or placebo") joins every set, so placebo leaves B alone; so does
      a standard backbone given with A "or placebo" ("carboplatin and etoposide with
      atezolizumab or placebo");
    - a class phrase whose bracket lists drugs of that class ("a standard EGFR TKI (gefitinib
      or erlotinib)") is one set: the choice, not its options;
    - placebo is dropped from a set that has drugs, and alone is the set ("placebo",);
      agents in a prior-therapy phrase are not arms.
    Each set comes with the agent where it starts.
    """
    text = reading.text
    agents = [
        agent
        for agent in reading.agents(sentence, start, end, context)
        if not (skip_prior and in_prior_therapy(text, sentence, agent.start, agent.end))
    ]
    agents = _without_choice_options(reading, agents)
    groups: list[_DrugSet] = []
    extra: list[_DrugSet] = []
    control: list[str] | None = None  # the arm "adding A to B" compares with: B
    backbone: list[str] = []  # "B plus either A or placebo": B
    shared: list[_DrugSet] = []  # the sets a shared partner ("each given with B") joins
    compare_open = re.search(r"\bcompar\w*\b", text[start : agents[0].start], re.I) if agents else None
    for index, agent in enumerate(agents):
        if index == 0:
            groups.append(_DrugSet(list(agent.drugs), agent))
            continue
        gap = text[agents[index - 1].end : agent.start]
        previous_drugs = groups[-1].drugs
        if set(agent.drugs) <= set(previous_drugs) and agent.drugs and _ALIAS_GAP.fullmatch(gap):
            continue  # the same drug again: an alias ("dabrafenib (Tafinlar)") or its description
        if agent.kind == "class" and "(" in gap and _GROUP_LABEL_AFTER.match(text, agent.end):
            continue  # "(chemotherapy group, n = 444)": the name of the arm before
        # ", and" closing a comma list ("rituximab, cyclophosphamide, and prednisone") ends no clause
        list_end = index >= 2 and re.fullmatch(r"\s*,\s*and\s*", gap) is not None and re.fullmatch(
            r"\s*,\s*", text[agents[index - 2].end : agents[index - 1].start]
        )
        # a schedule in brackets ("(1.25 mg/kg on days 1 and 8)") is long, holds numbers and
        # "or", but splits nothing
        unbracketed = re.sub(_BRACKETED, " ", gap)
        if len(_DOSE.sub(" ", unbracketed).split()) > 14 or (_CLAUSE_BREAK.search(gap) and not list_end):
            groups.append(_DrugSet(list(agent.drugs), agent))
            control, backbone, shared = None, [], []
            continue
        if _SHARED_PARTNER.search(gap):
            shared = groups[_last_clause_start(text, groups) :]
            for group in shared:
                group.drugs.extend(agent.drugs)
            continue
        if shared and _JOIN.search(gap) and not _SPLIT.search(gap):
            for group in shared:
                group.drugs.extend(agent.drugs)
            continue
        shared = []
        if _ADDED_TO.search(gap) or (
            re.search(r"\bto\b", gap, re.I)
            and _ADDING_BEFORE.search(text[max(start, agents[index - 1].start - 40) : agents[index - 1].start])
        ):
            # "adding A to B" / "A added to B": the trial compares A+B with B alone.
            control = list(agent.drugs)
            extra.append(_DrugSet(control, agent))
            groups[-1].drugs.extend(agent.drugs)
            continue
        bare_gap = _DOSE.sub("", unbracketed)
        split = _SPLIT.search(unbracketed) is not None or _STANDALONE_NUMBER.search(bare_gap) is not None
        if compare_open and re.search(r"\bwith\b", gap, re.I) and not re.search(r"\bplus\b|\+", gap):
            split = True
            compare_open = None
        joined = not split and (_JOIN.search(gap) is not None or _serial_and(text, agents, index))
        if joined:
            if re.search(r"\beither\b", gap, re.I):
                backbone = list(groups[-1].drugs)
            groups[-1].before_join = list(groups[-1].drugs)
            groups[-1].drugs.extend(agent.drugs)
            if control is not None:
                control.extend(agent.drugs)
        else:
            drugs = [*backbone, *agent.drugs]
            if agent.kind == "placebo" and not backbone and _standard_backbone(reading, groups[-1].before_join):
                drugs = list(groups[-1].before_join)
            groups.append(_DrugSet(drugs, agent))
            control = None
    result: list[tuple[tuple[str, ...], Agent]] = []
    for group in [*groups, *extra]:
        kept = _without_placebo(without_described_classes(reading, sorted_drugs(group.drugs)))
        if not kept and group.agent.kind == "placebo":
            kept = (PLACEBO_ARM,)  # placebo alone is an arm; "placebo plus B" is B's arm
        if kept and kept not in [r[0] for r in result]:
            result.append((kept, group.agent))
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


def _choice_arms(
    reading: Reading, groups: list[tuple[tuple[str, ...], Agent]]
) -> tuple[list[tuple[tuple[str, ...], Agent]], dict[tuple[str, ...], list[tuple[str, ...]]]]:
    """Sets that differ only in interchangeable chemotherapy ("gemcitabine with either cisplatin
    or carboplatin", chosen per patient) are one arm: its other drugs plus "chemotherapy". The
    regimens it offers are kept as its options."""
    merged: list[tuple[tuple[str, ...], Agent]] = []
    options: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for drugs, agent in groups:
        if merged and _interchangeable(reading, merged[-1][0], drugs, options):
            first = options.pop(merged[-1][0], [merged[-1][0]])
            shared = set(first[0]).intersection(drugs)
            choice = sorted_drugs([*(d for d in shared if not _chemotherapy(reading, d)), "chemotherapy"])
            options[choice] = [*first, drugs]
            merged[-1] = (choice, merged[-1][1])
            continue
        merged.append((drugs, agent))
    return merged, options


def _interchangeable(
    reading: Reading,
    before: tuple[str, ...],
    drugs: tuple[str, ...],
    options: dict[tuple[str, ...], list[tuple[str, ...]]],
) -> bool:
    reference = options.get(before, [before])[0]
    only_before, only_now = set(reference) - set(drugs), set(drugs) - set(reference)
    if len(only_before) != 1 or len(only_now) != 1 or not set(reference) & set(drugs):
        return False
    (one,), (other,) = only_before, only_now
    if not (_chemotherapy(reading, one) and _chemotherapy(reading, other)):
        return False
    shared = (reading.drug_classes(one) & reading.drug_classes(other)) - {"chemotherapy"}
    return bool(shared)


def _all_drugs(reading: Reading, groups: list[tuple[tuple[str, ...], Agent]]) -> tuple[str, ...]:
    """What one arm's label or record names, all sets together ("Placebo + B: matching placebo
    plus B" gives B)."""
    return _without_placebo(without_described_classes(reading, sorted_drugs({d for g, _ in groups for d in g})))


def _without_placebo(drugs: tuple[str, ...]) -> tuple[str, ...]:
    """An arm's drugs without the placebo that masks a drug of another arm ("placebo plus B")."""
    return tuple(d for d in drugs if d != PLACEBO_ARM) if len(drugs) > 1 else drugs


def _chemotherapy(reading: Reading, drug: str) -> bool:
    entry = reading.lexicon.drugs.get(drug)
    return drug == "chemotherapy" or (entry is not None and entry.kind == "chemotherapy")


def _standard_backbone(reading: Reading, drugs: list[str]) -> bool:
    """Whether drugs are standard care that a placebo-controlled add-on trial gives to both arms
    (chemotherapy or hormonal therapy), as opposed to an experimental pair matched by placebos."""
    kinds = {entry.kind for drug in drugs if (entry := reading.lexicon.drugs.get(drug)) is not None}
    known = all(drug in reading.lexicon.drugs for drug in drugs)
    return bool(drugs) and known and kinds <= {"chemotherapy", "hormonal"}


def _serial_and(text: str, agents: list[Agent], index: int) -> bool:
    """Whether the comma before agents[index] is inside a list of single drugs closed by "and"
    ("encorafenib, binimetinib and cetuximab"), which names one set; "A plus B, C plus D" is not."""
    if not re.fullmatch(r"\s*,\s*", text[agents[index - 1].end : agents[index].start]):
        return False
    # after "A plus B, C" only a closing "and" makes one set ("A plus B, C, and D"); "A plus B,
    # C plus D" names two
    joined_before = index >= 2 and _JOIN.search(text[agents[index - 2].end : agents[index - 1].start])
    closing = r"\s*,?\s*and\s*" if joined_before else r"\s*,?\s*(?:and|plus|\+)\s*"
    for position in range(index, len(agents)):
        agent = agents[position]
        if agent.kind != "drug" or _ALONE_AFTER.match(text, agent.end):
            return False
        if position + 1 == len(agents):
            return False
        gap = text[agent.end : agents[position + 1].start]
        if re.fullmatch(r"\s*,\s*", gap):
            continue
        return re.fullmatch(closing, gap, re.I) is not None and agents[position + 1].kind == "drug"
    return False


def _last_clause_start(text: str, groups: list[_DrugSet]) -> int:
    """Index of the first set of the run of alternatives that ends the list so far."""
    first = len(groups) - 1
    while first > 0 and not _CLAUSE_BREAK.search(text[groups[first - 1].agent.end : groups[first].agent.start]):
        first -= 1
    return first


def _listed_options(text: str, agents: list[Agent]) -> list[Agent]:
    """The agents that go on a list of options from the first one: "A (schedule), B and C (ABC);
    or D"."""
    listed: list[Agent] = []
    for option, after in zip(agents, [*agents[1:], None], strict=True):
        listed.append(option)
        if after is None or not _OPTION_LIST_GOES_ON.fullmatch(text[option.end : after.start]):
            break
    return listed


def _without_choice_options(reading: Reading, agents: list[Agent]) -> list[Agent]:
    """Drop the drugs a choice arm lists as its options: "a standard EGFR TKI (gefitinib or
    erlotinib)", "physician's choice (docetaxel or paclitaxel)", "physician's choice of
    chemotherapy"; the class phrase is the arm."""
    text = reading.text
    dropped: set[int] = set()
    for position, agent in enumerate(agents[:-1]):
        following = agents[position + 1]
        if (
            agent.drugs
            and agent.drugs[0] in _CHOICE_CLASSES - {"chemotherapy"}
            and _CHOICE_OF.fullmatch(text[agent.end : following.start])
        ):
            # "physician's choice (PC) of A (schedule) or B": the options it lists
            dropped.update(id(option) for option in _listed_options(text, agents[position + 1 :]))
    for agent in agents:
        # "physician's choice (docetaxel or paclitaxel)", "chemotherapy (55 irinotecan, 7 paclitaxel)";
        # not "chemotherapy (carboplatin and paclitaxel)", which says what the chemotherapy was
        bracket = _CHOICE_BRACKET.match(text, agent.end)
        offered = agent.kind == "choice" or (
            bool(agent.drugs)
            and bracket is not None
            and (agent.drugs[0] == "physician's choice" or (agent.drugs[0] in _CHOICE_CLASSES and bracket["count"]))
        )
        if not offered:
            continue
        close = text.find(")", agent.end)
        if close < 0:
            continue
        options = [other for other in agents if agent.end < other.start < close and other.kind == "drug"]
        choice = agent.drugs[0] if agent.drugs else ""
        if len(options) >= 2 and all(
            choice in _CHOICE_CLASSES or choice in reading.drug_classes(d) for o in options for d in o.drugs
        ):
            dropped.update(id(option) for option in options)
    return [agent for agent in agents if id(agent) not in dropped]


class TrialTracker:
    """Reads sentences in order and keeps the trials and the trial in focus."""

    def __init__(self, reading: Reading) -> None:
        self.reading = reading
        self.trials: list[TrialState] = []
        self.current: TrialState | None = None
        self.by_sentence: dict[int, list[TrialState]] = {}
        self.context = AgentContext(reading)
        self._pipe = PipeTable()
        self._row: Row | None = None  # the table row the current sentence is, if it is one
        # the registry arm whose intervention lines may follow: trial, label, whether it is the control
        self._open_arm: tuple[TrialState, str, bool] | None = None
        self._grid: list[tuple[str, ...]] | None = None  # the arms of a registry grid's columns
        # "four phase 3 studies": (trials known then, how many, phase, randomised, sentence)
        self._announced: list[tuple[int, int, str, bool, int]] = []

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
        self.context.labels = {**trial.labels, **trial.prose_labels} if trial else {}

    # -- mentions ----------------------------------------------------------------------------

    def _groups(self, sentence: Sentence) -> list[_Group]:
        text = self.reading.text
        groups: list[_Group] = []
        for mention in sentence.of("trial", "nct", "phase"):
            if mention.kind == "phase":
                noun = _PHASE_TO_NOUN.match(text, mention.end)
                field_line = _PHASE_FIELD.match(sentence.text)
                if noun is None and not field_line:
                    continue
                if noun is not None and self._announces_trials(sentence, mention.start, mention.key, noun):
                    continue
                group = _Group(mention.start, noun.end() if noun else mention.end)
                if noun and noun.group("noun").casefold() in {"part", "portion", "cohort", "stage"}:
                    group.part_phase = mention.key
                else:
                    group.phase = mention.key
                article = text[max(sentence.start, mention.start - 80) : mention.start]
                words = re.findall(r"[A-Za-z]+", article)[-8:]
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

    def _announces_trials(self, sentence: Sentence, start: int, phase: str, noun: re.Match[str]) -> bool:
        """Whether a phase mention counts several trials ("the four phase 3 studies", "three
        randomised phase 3 trials"): a review announcing the trials it goes on to name, not a
        trial of its own. The count is kept for :meth:`_apply_announced`."""
        if noun.group("noun").casefold() not in {"trials", "studies"}:
            return False
        counted = _TRIAL_COUNT_BEFORE.search(self.reading.text, sentence.start, start)
        if counted is None:
            return False
        count = count_value(counted.group("count"))
        if count is None or not 2 <= count <= 12:
            return False
        randomised = bool(_RANDOMISED.search(counted.group()) or _RANDOMISED.search(noun.group()))
        self._announced.append((len(self.trials), count, phase, randomised, sentence.index))
        return True

    def _apply_announced(self) -> None:
        """Give the phase a review announced for "N phase 3 trials" to the N named trials that
        follow the announcement, when at least N follow; a trial that states its own phase keeps
        it (and still counts)."""
        for known, count, phase, randomised, index in self._announced:
            named = [t for t in self.trials[known:] if t.acronym or t.nct]
            if len(named) < count:
                # a title or lead that names the trials before the count ("what A, B and C tell
                # us ... we review three phase 3 trials"): the count is of every trial named
                named = [t for t in self.trials if t.acronym or t.nct]
                if len(named) != count:
                    continue
            for trial in named[:count]:
                trial.set_once("phase", phase, index, "trial.announced_phase")
                if randomised:
                    trial.set_once("randomized", True, index, "trial.announced_phase")

    def _adjacent(self, first: _Group, second: _Group) -> bool:
        gap = self.reading.text[first.end : second.start]
        if first.part_phase and not (first.names or first.ncts) and re.fullmatch(r"\s*of\s+[\w\s,-]*", gap):
            return True
        if len(gap) <= 3:  # "NEMO (NCT...", "phase III NEMO"
            return True
        if re.fullmatch(r"\s*(?:trial|study)?\s*\(\s*", gap):
            return True
        listed = re.fullmatch(r"\s*(?:,|;|and|,\s*and)\s*", gap)
        if first.names and first.ncts and second.ncts and not second.names and listed:
            return True  # "NAME (NCT01 and NCT02)": one trial registered under two records
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
        if trial is None and current is not None and _OTHER_ID_FIELD.match(sentence.text):
            trial = current  # "Other Study ID Numbers: ABC-123": the record's trial under another code
        if trial is None and (group.names or group.ncts) and current is not None and compatible:
            # "This phase II trial (NCT...)" names the trial in focus; so does a record's ID
            # field, the first name the body gives to a trial announced in the title, and a
            # name given to an unnamed trial whose drugs the sentence names again.
            untitled = current.from_title and not (current.acronym or current.nct)
            # "(Funded by ...; NAME ClinicalTrials.gov number, NCT...)" names the paper's trial
            registered = _REGISTRATION.search(sentence.text) and not (current.acronym or current.nct)
            if (
                group.definite
                or untitled
                or registered
                or self._fills_record(current, sentence, group)
                or self._names_unnamed(current, sentence)
            ):
                trial = current
        if trial is None and group.ncts and not group.names and _REGISTRATION.search(sentence.text):
            # "This study is registered with ClinicalTrials.gov, NCT...": the paper's own trial
            trial = next((t for t in self.trials if t.from_title and t.nct is None), None)
            if trial is None and current is not None and current.nct is None:
                trial = current
        if trial is None and not (group.names or group.ncts):
            if (group.definite or _FIELD_LINE.match(sentence.text)) and current is not None and compatible:
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

    def _fills_record(self, current: TrialState, sentence: Sentence, group: _Group) -> bool:
        """A registry record names its trial field by field ("Acronym:", "ID:" lines, a title
        line ending in the acronym, a line holding only the NCT id)."""
        text = self.reading.text
        field_line = _FIELD_LINE.match(sentence.text) or sentence.text.strip() == text[group.start : group.end]
        if not field_line:
            return False
        return (bool(group.ncts) and current.nct is None) or (bool(group.names) and current.acronym is None)

    @staticmethod
    def _names_unnamed(current: TrialState, sentence: Sentence) -> bool:
        drugs = {m.key for m in sentence.of("drug")}
        return not (current.acronym or current.nct) and bool(drugs) and drugs == current.drugs

    def _appositive(self, sentence: Sentence, trial: TrialState, group: _Group) -> bool:
        """Whether a phase mention stands in apposition to the trial's name: "REVEL: a randomised
        phase 3 trial", "(ORBIT), an open-label phase 2 study"."""
        names = [m for m in sentence.of("trial", "nct") if m.key in {trial.acronym, trial.nct} and m.end <= group.start]
        return any(_APPOSITION.fullmatch(self.reading.text, m.end, group.start) for m in names)

    def _one_clause(self, sentence: Sentence, group: _Group, trial: TrialState) -> bool:
        """Whether the sentence names the trial later in the clause of a phase mention ("a
        randomised phase III trial ..., binimetinib, lengthened PFS ... in NEMO"), not in a new
        one ("an early phase 2 trial, so ORBIT was designed")."""
        names = [m for m in sentence.of("trial") if m.key == trial.acronym and m.start >= group.end]
        return bool(names) and not _NEW_CLAUSE.search(self.reading.text, group.end, names[0].start)

    def _remention(self, sentence: Sentence, group: _Group) -> TrialState | None:
        """An indefinite mention that repeats a known trial: same phase, and every drug of its
        clause already in that trial."""
        clause = _clause_around(self.reading.text, sentence, group.start)
        drugs = {m.key for m in sentence.of("drug") if clause[0] <= m.start < clause[1]}
        named = [t for t in self.by_sentence.get(sentence.index, []) if t.acronym or t.nct]
        # "REVEL: a randomised phase 3 trial" describes the one trial the sentence names
        if (
            len(named) == 1
            and named[0].phase in (None, group.phase)
            and (
                not drugs - named[0].drugs
                or self._appositive(sentence, named[0], group)
                or (not named[0].arms and named[0].phase is None and self._one_clause(sentence, group, named[0]))
            )
        ):
            return named[0]
        for trial in self.trials:
            if trial.phase == group.phase and drugs and drugs <= trial.drugs:
                return trial
        return None

    # -- the pass ----------------------------------------------------------------------------

    def read(self) -> None:
        for sentence in self.reading.sentences:
            self._row = self._pipe.feed(sentence)
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
                    found[0][1] if len(found) > 1 and self._subordinate(sentence, found[-1][0]) else found[-1][1]
                )
            elif self.current is None and _ASSIGNS_ARMS.search(sentence.text):
                # "we randomly assigned 878 patients to A or B": a trial the text never names
                trial = self._new(sentence)
                self.by_sentence[sentence.index] = [trial]
                self.focus(trial)
            elif self.current is not None and (
                self._row is not None
                or _DESIGN_VERB.search(sentence.text)
                or _REGISTRY_ROW.match(sentence.text)
                or _REGISTRY_COUNTS.match(sentence.text)
            ) and not (self._row is None and self._leaves_trial(sentence, self.current)):
                self.by_sentence[sentence.index] = [self.current]
            # two mentions of one trial ("a phase III trial ... in NEMO") are read once
            found = [pair for i, pair in enumerate(found) if all(pair[1] is not t for _, t in found[:i])]
            if found:
                windows = self._windows(sentence, [group for group, _ in found])
                for (group, trial), window in zip(found, windows, strict=True):
                    self._attach(sentence, trial, group, window if len(found) > 1 else None)
            elif sentence.index in self.by_sentence and self.current is not None:
                self._attach(sentence, self.current, None, None)
            self._read_interventions(sentence)
            self._read_flow(sentence)
            self._remember_sets(sentence)
            if found:
                self.focus(found[-1][1])
        self._apply_announced()
        for trial in self.trials:
            self._control_by_comparison(trial)
            self._arm_from_lead(trial)

    def _lead_set(self, trial: TrialState) -> tuple[str, ...] | None:
        """The one drug set its paragraph names before a trial that names no drug of its own:
        "Drug A is given for eight cycles. In the phase 2 TRIAL-1 study, 90 patients were
        treated." (the drug a review's paragraph is about). Sentences about another trial do
        not count; two sets leave it open."""
        if not trial.sentences:
            return None
        first = self.reading.sentences[min(trial.sentences)]
        if first.of("drug", "regimen"):
            return None
        sets: set[tuple[str, ...]] = set()
        for index in range(first.index - 1, -1, -1):
            sentence = self.reading.sentences[index]
            if all(other is trial for other in self.by_sentence.get(index, [])):
                groups = agent_groups(self.reading, sentence, sentence.start, sentence.end, self.context)
                sets.update(drugs for drugs, _ in groups if not all(_is_class_phrase(self.reading, d) for d in drugs))
            if self.reading.starts_paragraph(sentence):
                break
        return next(iter(sets)) if len(sets) == 1 else None

    def _arm_from_lead(self, trial: TrialState) -> None:
        """A single-arm trial whose text names no drug tests the drug its paragraph is about."""
        if trial.arms or trial.randomized or not (trial.acronym or trial.nct or trial.phase):
            return
        lead = self._lead_set(trial)
        if lead is not None:
            trial.add_arm(lead, min(trial.sentences), "arm.paragraph_drug")

    def _leaves_trial(self, sentence: Sentence, trial: TrialState) -> bool:
        """Whether a sentence that names no trial is not about the trial in focus, though a
        design verb in it ("randomised", "given") would tie it there: a section heading ("First
        randomised data"), or a paragraph that opens on drugs the trial never gave ("Drug B is
        given intravenously ..." after a paragraph on the trial of drug A, in a review)."""
        if _is_heading(self.reading, sentence):
            return True
        if (
            not self.reading.starts_paragraph(sentence)
            or _FIELD_LINE.match(sentence.text)
            or _ARM_WORDS.search(sentence.text)
        ):
            return False  # a record's field, or an arm of the trial in focus
        text = self.reading.text
        drugs = {
            drug
            for mention in sentence.of("drug", "regimen")
            if not in_prior_therapy(text, sentence, mention.start, mention.end)
            for drug in (self.reading.regimens.get(mention.key, ()) if mention.kind == "regimen" else (mention.key,))
        }
        known = trial.drugs or set(self._lead_set(trial) or ())
        return bool(drugs) and bool(known) and not drugs & known

    def _control_by_comparison(self, trial: TrialState) -> None:
        """Of three or more arms, the control is the one arm the text compares the others with
        ("16.4 months with A versus 13.8 months with C", "B was non-inferior to C"), when the
        text never calls one the control."""
        sets = trial.arm_sets()
        if len(sets) < 3 or trial.declared_control in sets:
            return
        compared: dict[tuple[str, ...], int] = {}
        first = min(trial.sentences, default=0)
        for sentence in self.reading.sentences[first:]:
            if any(other is not trial for other in self.by_sentence.get(sentence.index, [])):
                continue  # a sentence about another trial
            for drugs, agent in agent_groups(self.reading, sentence, sentence.start, sentence.end, self.context):
                arm = trial.arm_named(drugs)
                if arm in sets and _COMPARED_WITH.search(self.reading.text, max(0, agent.start - 40), agent.start):
                    compared[arm] = compared.get(arm, 0) + 1
        if len(compared) == 1:
            trial.declared_control = next(iter(compared))

    def _attach(
        self, sentence: Sentence, trial: TrialState, group: _Group | None, window: tuple[int, int] | None
    ) -> None:
        if sentence.index not in trial.sentences:
            trial.sentences.append(sentence.index)
        self.focus(trial)
        self._design(sentence, trial, group, window)
        trial.note_chemotherapy(self.reading)

    def _windows(self, sentence: Sentence, groups: list[_Group]) -> list[tuple[int, int]]:
        """The part of a sentence each of its trials owns. The words between two trial mentions
        are cut at the last clause break between them ("(NEMO), and pimasertib gave ... in a
        phase II study"); without one they belong to the trial named first, so a count stated
        after it ("a phase II trial ... in 117 patients, the phase III NEMO trial") stays
        there."""
        text = self.reading.text
        cuts: list[tuple[int, int]] = []
        for first, second in itertools.pairwise(groups):
            breaks = clause_breaks(text, first.end, second.start)
            cuts.append((breaks[-1].start(), breaks[-1].end()) if breaks else (second.start, second.start))
        return [
            (
                cuts[position - 1][1] if position else sentence.start,
                cuts[position][0] if position < len(cuts) else sentence.end,
            )
            for position in range(len(groups))
        ]

    def _subordinate(self, sentence: Sentence, group: _Group) -> bool:
        before = self.reading.text[sentence.start : group.start]
        return bool(re.search(r"\b(?:those|that)\s+(?:for|of|in|seen)\b", before, re.IGNORECASE))

    # -- design facts ------------------------------------------------------------------------

    def _remember_sets(self, sentence: Sentence) -> None:
        """Drug sets named together anywhere ("the drug is paired with encorafenib"), for a
        later "that combination" or "the doublet"."""
        for drugs, _agent in agent_groups(self.reading, sentence, sentence.start, sentence.end, self.context):
            self.context.remember_set(drugs, sentence.index)

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
            trial.set_once("ratio", re.sub(r"\s+", "", ratio.group()), index, "trial.allocation_ratio")
        if re.search(r"\bcohorts?\b", clause, re.I) and re.search(
            r"\bcohorts?\s+(?:or|and)\b|\bcohorts\b", clause, re.I
        ):
            trial.has_cohorts = True
        self.enrolment(sentence, trial, start, end)
        own = _ITS_PATIENTS.search(sentence.text) if window is None else None
        if own is not None:
            trial.set_once("n_enrolled", count_value(own.group("n")), index, "trial.enrolment.its_patients")
        for mention in sentence.of("gene"):
            if start <= mention.start < end and re.match(
                r"[-\s]*(?:mutant|mutated|mutation|positive|altered)",
                text[mention.end : mention.end + 12],
                re.I,
            ):
                trial.genes.add(mention.key)
        trial.diseases.update(m.key for m in sentence.of("disease") if start <= m.start < end)
        _control_by_label(sentence, trial)
        if self._row is not None:
            self._table_arm(sentence, trial, self._row)
            return
        registry = _REGISTRY_ARM.match(sentence.text) or _REGISTRY_ROW.match(sentence.text)
        if registry and self._registry_arm(sentence, trial, registry):
            return
        if trial.labels and _REGISTRY_COUNTS.match(sentence.text):
            self._registry_counts(sentence, trial)
            return
        self._arms(sentence, trial, start, end)

    def enrolment(self, sentence: Sentence, trial: TrialState, start: int, end: int) -> None:
        if trial.n_enrolled is not None:
            return
        text = self.reading.text
        clause = text[start:end]
        for rank, pattern in enumerate(_ENROLMENT):
            for match in pattern.finditer(clause):
                if _SUBGROUP_COUNT.search(clause[max(0, match.start() - 12) : match.start()]) or (
                    _LABELLED_PART.search(clause[max(0, match.start("n") - 40) : match.start("n")])
                ):
                    continue
                if rank and _PART_OF.search(text, sentence.start, start + match.start()):
                    continue  # "during the phase 2 portion, 38 patients ...": not the whole trial
                if clause[match.start()] == "%" and _QUALIFIED_AFTER.match(clause, match.end()):
                    continue  # "79% of 71 patients who were new to ...": a subgroup's count
                value = count_value(match.group("n"))
                if value is not None and value >= 5:
                    trial.set_once("n_enrolled", value, sentence.index, f"trial.enrolment.{rank}")
                    return

    def _arms(self, sentence: Sentence, trial: TrialState, start: int, end: int) -> None:
        """Arms named in a design clause; clauses joined by semicolons ("in cohort A, 78 patients
        received X; in cohort B, 57 received Y") are read one by one."""
        text = self.reading.text
        pieces = [m.start() for m in clause_breaks(text, start, end) if text[m.start()] == ";"]
        bounds = [start, *(cut + 1 for cut in pieces)]
        named: list[tuple[str, ...]] = []
        for piece_start, piece_end in zip(bounds, [*pieces, end], strict=True):
            background = _BACKGROUND.match(text, piece_start, piece_end)
            if background and named:
                self._give_background(sentence, trial, named, background.end(), piece_end)
                continue
            named.extend(self._clause_arms(sentence, trial, piece_start, piece_end))
        # the design clause may end where the background's clause starts
        after = len(text[end : sentence.end]) - len(text[end : sentence.end].lstrip(" \t\n;,")) + end
        background = _BACKGROUND.match(text, after, sentence.end) if named and after > end else None
        if background:
            self._give_background(sentence, trial, named, background.end(), sentence.end)

    def _give_background(
        self, sentence: Sentence, trial: TrialState, named: list[tuple[str, ...]], start: int, end: int
    ) -> None:
        """"...; all patients continued B": B joins every arm the sentence named, so its placebo
        arm is B's arm."""
        groups = agent_groups(self.reading, sentence, start, end, self.context)
        background = {d for drugs, _ in groups for d in drugs} - {PLACEBO_ARM}
        if not background:
            return
        for arm in named:
            trial.redefine_arm(arm, sorted_drugs(set(arm) | background))
        trial.merge_class_arms(self.reading)
        self.context.arms = trial.arm_sets()

    def _clause_arms(self, sentence: Sentence, trial: TrialState, start: int, end: int) -> list[tuple[str, ...]]:
        """The arms a clause names (added to the trial), in the clause's order."""
        text = self.reading.text
        if _HYPOTHETICAL.search(text, start, end):
            # "whether X should be given with Y" proposes, it does not report an arm
            cut = hypothetical_cut(self.reading, sentence, start, end)
            if cut is None:
                return []
            end = cut
        verbs = list(_ARM_START.finditer(text, start, end))
        verb = verbs[0] if verbs else None
        has_trial_mention = bool(sentence.of("trial", "nct", "phase"))
        if verb is None and not has_trial_mention:
            return []
        # After "randomised/assigned/allocated ... to" the arms follow the verb ("all randomized
        # patients" is no such verb); otherwise the clause's subject can be an arm ("A was
        # compared with B").
        acting = [m for m in verbs if not _ADJECTIVAL.match(text, m.end())]
        passive = bool(acting) and re.match(r"random|assigned|allocated", acting[0].group(), re.I) is not None
        verb = acting[0] if passive else verb
        scan_from = verb.start() if verb is not None and passive else start
        clause_end = end
        breaker = next(iter(clause_breaks(text, scan_from, end)), None)
        if breaker and verb and breaker.start() > verb.end():
            clause_end = breaker.start()
        groups = agent_groups(self.reading, sentence, scan_from, clause_end, self.context)
        if not groups and verb is not None and has_trial_mention:
            groups = agent_groups(self.reading, sentence, start, end, self.context)
        if not groups or (verb is None and not re.search(r"\b(?:of|with|comparing|testing)\b", text[start:end], re.I)):
            return []
        groups, options = _choice_arms(self.reading, groups)
        counts = self._arm_counts(text, groups, start, clause_end)
        named: list[tuple[str, ...]] = []
        known = TrialState(0, arms=list(trial.arms))  # the arms before this clause
        for position, (set_drugs, agent) in enumerate(groups):
            if all(_is_class_phrase(self.reading, d) for d in set_drugs) and len(groups) == 1:
                continue  # "received a MEK inhibitor": no arm named
            # Outside an assignment, "in the selumetinib group" names a known arm by one drug;
            # "selumetinib alone" and the placebo arm are arms of their own.
            alone = _ALONE_AFTER.match(text, agent.end) or re.search(
                r"single[- ]agent\s*$", text[max(start, agent.start - 20) : agent.start]
            )
            own = passive or alone or agent.kind == "placebo"
            drugs = set_drugs if own else arm_for(self.reading, known, set_drugs)
            if not (own or has_trial_mention) and _shared_by_arms(drugs, known):
                continue  # "Drug B was given at 20 mg/m2": the schedule of a drug every arm gets
            drugs = trial.add_arm(
                drugs, sentence.index, "arm.design", counts[position] if position < len(counts) else None
            )
            trial.note_options(drugs, options.get(set_drugs, []))
            if set_drugs[0] in _CHOICE_CLASSES - {"chemotherapy"}:
                trial.note_options(drugs, self._offered(sentence, agent))
            named.append(drugs)
            self.context.remember_set(drugs)
            previous_end = groups[position - 1][1].end if position else start
            if agent.kind == "placebo" or _CONTROL_BEFORE.search(text, previous_end, agent.start):
                trial.declared_control = trial.declared_control or drugs
            label = _LABEL_BEFORE.search(text, previous_end, agent.start) or _LABEL_AFTER.match(
                text, agent.start, groups[position + 1][1].start if position + 1 < len(groups) else clause_end
            )
            if label:
                trial.prose_labels[" ".join(label.group("label").casefold().split())] = drugs
        if len(named) >= 2:
            trial.listings.append((sentence.index, passive, named))
        trial.merge_class_arms(self.reading)
        self.context.arms = trial.arm_sets()
        return named

    def _offered(self, sentence: Sentence, choice: Agent) -> list[tuple[str, ...]]:
        """The regimens a choice arm lists ("physician's choice: A, B and C; D and C; or E"), as
        the sets its patients may get."""
        text = self.reading.text
        after = self.reading.agents(sentence, choice.end, sentence.end, self.context)
        if not after or not _CHOICE_OF.fullmatch(text[choice.end : after[0].start]):
            return []
        listed = _listed_options(text, after)
        end = listed[-1].end
        return [drugs for drugs, _ in agent_groups(self.reading, sentence, listed[0].start, end, self.context)]

    @staticmethod
    def _arm_counts(text: str, groups: list[tuple[tuple[str, ...], Agent]], start: int, end: int) -> list[int | None]:
        """Each set's patient count: "(n = 192)" after it, or "44 to" / "78 patients received"
        before it."""
        counts: list[int | None] = []
        counted_before: list[bool] = []
        for position, (_drugs, agent) in enumerate(groups):
            stop = groups[position + 1][1].start if position + 1 < len(groups) else end
            after = _ARM_N.search(text, agent.end, stop)
            before = _COUNT_BEFORE_ARM.search(text[groups[position - 1][1].end if position else start : agent.start])
            counted_before.append(not after and before is not None)
            if after:
                counts.append(int(after.group("n") or after.group("n2")))
            else:
                counts.append(count_value(before.group("n")) if before else None)
        if len(groups) > 1 and counted_before[0] and not any(counted_before[1:]):
            counts[0] = None  # "886 patients were assigned to A (...) or B (n = 444)": the total
        return counts

    def _registry_arm(self, sentence: Sentence, trial: TrialState, match: re.Match[str]) -> bool:
        """An arm defined by a registry line, under its label; a comparator or placebo arm is the
        control. A table row counts only when its label names a drug or placebo; a results
        header listing the labels as columns ("Arm/Group Title: A | B") defines no arm."""
        if "|" in match.group("label"):
            return True
        label_end = sentence.start + match.end("label")
        label_mentions = [m for m in sentence.of("drug", "placebo", "class") if m.start < label_end]
        kind = (match.groupdict().get("kind") or "").casefold()
        if not kind and not label_mentions:
            return False
        groups = agent_groups(self.reading, sentence, sentence.start, sentence.end, self.context)
        drugs = _all_drugs(self.reading, groups)
        named_drugs = tuple(d for d in drugs if not _is_class_phrase(self.reading, d))
        choice = [m.key for m in label_mentions if m.key in _CHOICE_CLASSES - {"chemotherapy"}]
        # "Platinum-based doublet chemotherapy. Pemetrexed plus cisplatin ...": the label's class
        # describes the drugs the arm gives; "Investigator's choice. Irinotecan plus cetuximab or
        # ..." offers them
        drugs = (choice[0],) if choice else named_drugs or drugs
        placebo_label = any(m.kind == "placebo" for m in label_mentions)
        label = match.group("label").strip().casefold()
        self._open_arm = (trial, label, "comparator" in kind or placebo_label)
        if not drugs:
            return placebo_label  # "Arm II (Placebo)": its intervention lines give its drugs
        n = _ARM_N.search(sentence.text)
        drugs = trial.add_arm(
            drugs,
            sentence.index,
            "arm.registry",
            int(n.group("n") or n.group("n2")) if n else None,
            alternatives=len(groups) > 1,
        )
        trial.name_arm(match.group("label"), drugs)
        if re.fullmatch(r"arm \w+", kind):
            trial.labels[kind] = drugs  # results tables may name it "Arm 1"
        if "comparator" in kind or any(m.kind == "placebo" for m in label_mentions):
            trial.declared_control = trial.declared_control or drugs
        trial.set_once("randomized", None, sentence.index, "")
        self.context.remember_set(drugs)
        self.context.arms = trial.arm_sets()
        return True

    def _read_interventions(self, sentence: Sentence) -> None:
        """The intervention lines under a registry arm ("Interventions: Drug: A; Drug: B; Other:
        Placebo", "Drug: A (Other Names: ...)") list what the arm gives, whatever its label names
        ("Arm I (Drug A)"); the arm's record ends at a blank line."""
        if self._open_arm is None:
            return
        previous = self.reading.sentences[sentence.index - 1] if sentence.index else sentence
        if re.search(r"\n[ \t]*\n", self.reading.text[previous.start : sentence.start]):
            self._open_arm = None
            return
        if not _INTERVENTION_LINE.match(sentence.text):
            return
        trial, label, control = self._open_arm
        # not the aliases in brackets ("Drug: A (Other Names: CODE-1, Brand)")
        text = sentence.text
        named = [
            m
            for m in sentence.of("drug", "regimen")
            if text.count("(", 0, sentence.local(m.start)) == text.count(")", 0, sentence.local(m.start))
        ]
        listed = {m.key for m in named if m.kind == "drug"}
        listed.update(d for m in named if m.kind == "regimen" for d in self.reading.regimens.get(m.key, ()))
        if not listed:
            return
        old = trial.labels.get(label)
        drugs = sorted_drugs((listed | set(old or ())) - {PLACEBO_ARM})  # "Group 2 (Placebo)" gives A
        if old is None:
            trial.labels[label] = trial.add_arm(drugs, sentence.index, "arm.registry")
        else:
            trial.redefine_arm(old, drugs)
        if control and trial.declared_control in (None, old):
            trial.declared_control = drugs
        trial.merge_class_arms(self.reading)
        self.context.arms = trial.arm_sets()

    def _table_arm(self, sentence: Sentence, trial: TrialState, row: Row) -> None:
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

    def _registry_counts(self, sentence: Sentence, trial: TrialState) -> None:
        for label, drugs in trial.labels.items():
            found = re.search(re.escape(label) + r"\s*[:=]?\s*(\d[\d,]*)\b", sentence.text, re.IGNORECASE)
            if found is not None:
                trial.size_arm(drugs, count_value(found.group(1)))

    def _read_flow(self, sentence: Sentence) -> None:
        """A registry's participant flow as a grid (" | A | B", then "Started | 374 | 372") or
        by label ("A: Started 360 | Completed 326") gives each arm its patients."""
        trial = self.current
        if trial is None or not trial.labels:
            return
        text = sentence.text
        labels = grid_header(text)
        if labels is not None:
            known = all(label in trial.labels for label in labels)
            self._grid = [trial.labels[label] for label in labels] if known else None
            return
        row = grid_row(text)
        if row is not None and self._grid and _STARTED.fullmatch(row[0]) and len(row[1]) == len(self._grid):
            for drugs, cell in zip(self._grid, row[1], strict=True):
                trial.size_arm(drugs, count_value(cell))
            return
        started = _LABEL_STARTED.match(text)
        labelled = trial.labels.get(" ".join(started["label"].casefold().split())) if started else None
        if started and labelled:
            trial.size_arm(labelled, count_value(started["n"]))


def _shared_by_arms(drugs: tuple[str, ...], trial: TrialState) -> bool:
    """Whether a set is part of two or more of a trial's arms without being one of them: the
    backbone they share, not an arm of its own."""
    sets = trial.arm_sets()
    return drugs not in sets and sum(set(drugs) < set(arm) for arm in sets) >= 2


def _is_heading(reading: Reading, sentence: Sentence) -> bool:
    """Whether a sentence is a section heading: a short line of its own, without figures or the
    punctuation that ends a sentence or a field ("Randomised evidence", "Safety")."""
    text = sentence.text.strip()
    opens_line = sentence.index == 0 or reading.starts_paragraph(sentence)
    closes_line = sentence.text.endswith("\n") or sentence.index + 1 == len(reading.sentences)
    return (
        opens_line
        and closes_line
        and 0 < len(text.split()) <= 8
        and not re.search(r"[.;?!]$|[:|+=\d]", text)
    )


def _control_by_label(sentence: Sentence, trial: TrialState) -> None:
    """An arm label set in apposition to "the control group" ("arm C, the control group", "the
    control arm (group 2)") declares that arm the control."""
    for match in _CONTROL_LABEL.finditer(sentence.text):
        label = " ".join((match.group("before") or match.group("after")).casefold().split())
        drugs = trial.prose_labels.get(label) or trial.labels.get(label)
        if drugs:
            trial.declared_control = drugs
            return


def hypothetical_cut(reading: Reading, sentence: Sentence, start: int, end: int) -> int | None:
    """Where a clause holding a hedge or "whether" still reports a trial's arms: the whole clause
    when the hedge is the question a named trial asked ("TRIAL-9 asked whether adding A to B
    would help"); the words before the hedge when a named trial is the subject of a design verb
    before it ("TRIAL-9 compares A with B and should show whether ..."); else None."""
    text = reading.text
    hedge = _HYPOTHETICAL.search(text, start, end)
    if hedge is None:
        return end
    if _trial_subject_end(reading, sentence, start, end, _TRIAL_QUESTION) < end:
        return end
    if _trial_subject_end(reading, sentence, start, hedge.start(), _TRIAL_REPORTS) < hedge.start():
        return hedge.start()
    return None


def trial_reports(reading: Reading, sentence: Sentence, start: int, end: int) -> bool:
    """Whether a named trial is the subject of a clause that reports what it tested or asked
    ("TRIAL-9 compares A with B", "TRIAL-9 asked whether adding A to B would help")."""
    verbs = (_TRIAL_QUESTION, _TRIAL_REPORTS)
    return any(_trial_subject_end(reading, sentence, start, end, verb) < end for verb in verbs)


def _trial_subject_end(reading: Reading, sentence: Sentence, start: int, end: int, verb: re.Pattern[str]) -> int:
    """Where the verb ends that a trial named between two offsets is the subject of; the end
    offset when there is none."""
    for name in sentence.of("trial", "nct"):
        if start <= name.start < end:
            found = verb.match(reading.text, name.end, end)
            if found is not None:
                return found.end()
    return end


def arm_for(reading: Reading, trial: TrialState, drugs: tuple[str, ...]) -> tuple[str, ...]:
    """The trial's arm a set of drugs or class phrases names: TrialState.arm_named; else the one
    arm whose other drugs all belong to the classes named ("the amivantamab-chemotherapy group"
    for amivantamab, carboplatin and pemetrexed); else, for a lone class phrase, the one arm
    made of class phrases ("with chemotherapy" for a physician's-choice arm)."""
    drugs = without_described_classes(reading, drugs)
    named = trial.arm_named(drugs)
    sets = trial.arm_sets()
    if named in sets:
        return named
    members = [arm for arm in sets if _spells_out(reading, drugs, arm)]
    if len(members) == 1:
        return members[0]
    if len(drugs) != 1 or not _is_class_phrase(reading, drugs[0]):
        return named
    class_arms = [arm for arm in sets if all(_is_class_phrase(reading, d) for d in arm)]
    return class_arms[0] if len(class_arms) == 1 else named


def _spells_out(reading: Reading, named: tuple[str, ...], arm: tuple[str, ...]) -> bool:
    """Whether an arm is a set named with class phrases, each class given as drugs of it:
    (cisplatin, fluorouracil, pembrolizumab) spells out (chemotherapy, pembrolizumab)."""
    classes = [d for d in named if _is_class_phrase(reading, d)]
    plain = set(named) - set(classes)
    return (
        bool(classes)
        and plain < set(arm)
        and all(any(c in reading.drug_classes(d) for c in classes) for d in set(arm) - plain)
    )


def without_described_classes(reading: Reading, drugs: tuple[str, ...]) -> tuple[str, ...]:
    """A set without the class phrases its own drugs belong to: "standard chemotherapy with
    carboplatin plus vincristine" is carboplatin and vincristine."""
    classes = [d for d in drugs if _is_class_phrase(reading, d)]
    plain = [d for d in drugs if d not in classes]
    if "physician's choice" in classes and not plain:
        return ("physician's choice",)  # "Investigator's Choice Chemotherapy (IC Chemo)"
    if classes and plain and all(any(c in reading.drug_classes(d) for d in plain) for c in classes):
        return sorted_drugs(plain)
    return drugs


def _is_class_phrase(reading: Reading, name: str) -> bool:
    return name in reading.lexicon.drug_classes


def clause_breaks(text: str, start: int, end: int) -> list[re.Match[str]]:
    """Clause boundaries between two offsets, leaving out those inside brackets
    ("(FLAURA; NCT02296125)" does not end a clause)."""
    depth, opened = 0, {}
    for index in range(start, end):
        char = text[index]
        if char in "([":
            depth += 1
        elif char in ")]" and depth:
            depth -= 1
        opened[index] = depth
    return [
        m
        for m in _CLAUSE_BREAK.finditer(text, start, end)
        if not opened.get(m.start()) and not _closes_list(text, start, m)
    ]


def _closes_list(text: str, start: int, match: re.Match[str]) -> bool:
    return re.fullmatch(r",\s+and", match.group(), re.I) is not None and bool(
        _LIST_BEFORE_AND.search(text, max(start, match.start() - 40), match.start())
    )


# ", carboplatin, and etoposide": the comma before "and" closes a list, not a clause
_LIST_BEFORE_AND = re.compile(r",\s*[\w-]+(?:\s+[\w-]+){0,2}$")


def _clause_around(text: str, sentence: Sentence, position: int) -> tuple[int, int]:
    start, end = sentence.start, sentence.end
    for match in clause_breaks(text, sentence.start, sentence.end):
        if match.end() <= position:
            start = match.end()
        elif match.start() >= position:
            end = match.start()
            break
    return start, end
