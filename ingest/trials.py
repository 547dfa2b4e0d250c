"""Trials: which trial each sentence talks about, and what it says of the trial's design.

A trial is named by an acronym or an NCT id, or introduced by a phrase such as "a randomised
phase II study". Mentions in one sentence that sit together ("NEMO (NCT01763164)", "the phase
III ORBIT trial", "ORBIT, a randomised phase III study") are one trial; "this trial", "the
study" and sentences that only describe a design ("Participants were randomised 2:1 to ...")
refer to the trial in focus. An indefinite mention is a new trial unless it re-mentions a
known one (same phase, drugs already among its arms), or it is the only unnamed mention in a
sentence that names one trial. A trial announced in the title is the trial the body then
names.

The drug sets a design clause names come from :mod:`ingest.arm_groups`, what is known of each
trial is kept by :mod:`ingest.trial_state`, and the arms a registry record defines are read by
:mod:`ingest.registry_arms`.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from ingest.arm_groups import (
    ADDS_OBJECT,
    ALONE_AFTER,
    CHOICE_OF,
    GROUP_LABEL_AFTER,
    OPTION_CLASSES,
    agent_groups,
    arm_counts,
    choice_arms,
    clause_around,
    clause_breaks,
    is_class_phrase,
    listed_options,
)
from ingest.mentions import (
    GIVEN_AT_DISCRETION,
    MODAL_MAY,
    PLACEBO_ARM,
    Agent,
    AgentContext,
    Reading,
    Sentence,
    sorted_drugs,
)
from ingest.numbers import count_value
from ingest.prior_therapy import in_prior_therapy
from ingest.registry_arms import REGISTRY_ARM, REGISTRY_COUNTS, REGISTRY_ROW, RegistryArmReader, coded_arm
from ingest.tables import PipeTable, Row
from ingest.trial_state import TrialState, arm_for

_NUMBER_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)"
)
# A count of patients as printed: "402", "1,024", "Seventy-one", "One hundred".
COUNT = rf"(?<![\w.-])(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?![\d.])|{_NUMBER_WORD}(?:[\s-](?:and\s+)?{_NUMBER_WORD})*"


_PHASE_TO_NOUN = re.compile(
    r"(?:[\s,\w/-]|\([\w -]{1,20}\)){0,50}?\b(?P<noun>trials?|study|studies|programmes|programs|part|portion|cohort|"
    r"stage)\b",
    re.IGNORECASE,
)
# The count before a phase mention that announces several trials: "the four phase 3 studies",
# "three randomised phase 3 trials"
_TRIAL_COUNT_BEFORE = re.compile(
    # ("several randomised phase 3 trials", "a cluster of phase III trials": trials not counted)
    r"\b(?:(?P<count>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[2-9]|1[0-2])|several|multiple|"
    r"a\s+(?:few|number|series|cluster|handful|string|succession)\s+of)\s+"
    r"(?:(?:randomi[sz]ed|[a-z]+-[a-z]+|large|pivotal|key|major|positive|negative|global|international|landmark|"
    r"separate|similar|recent|controlled|multi\w+|blinded|parallel|independent|"
    r"confirmatory|registrational),?\s+){0,4}$",
    re.IGNORECASE,
)
_DEFINITE = re.compile(r"\b(?:the|this|that|these|its|our)\b", re.IGNORECASE)
_THIS_TRIAL_BEFORE_ID = re.compile(
    # "this phase II trial (NCT...)", "The study (NCT...)", "The head-to-head study (NCT...)"; not "the
    # second study (NCT...)", another one
    r"\b(?:(?:this|our|the\s+present)\s+(?:[\w-]+\s+){0,4}?|the\s+(?:(?!(?:first|second|third|other|later|earlier|"
    r"companion|sister|subsequent|confirmatory|follow-?up)\b)[\w-]+\s+){0,3}?)(?:trial|study)\s*[(\[,]\s*"
    r"(?:[\w.]+\s*[:,]?\s*)?$",
    re.IGNORECASE,
)
_INDEFINITE = re.compile(r"\b(?:a|an|another|one)\b", re.IGNORECASE)
_EARLIER_TRIAL = re.compile(r"preceding|previous|earlier|prior|predecessor|original|parent|pilot", re.IGNORECASE)
# an unnamed trial other than the one in focus: "an earlier randomised, placebo-controlled trial"
_OTHER_TRIAL = re.compile(
    r"\b(?:an?\s+(?:earlier|previous|prior|separate|older|smaller)|another)\s+(?:[\w-]+,?\s+){0,4}?(?:trial|study)\b"
    r"(?!\s+(?:design|drug))",
    re.IGNORECASE,
)
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
    r"(?:also\s+|additionally\s+)?(?:continued|received|were\s+given|got|took|remained\s+on|were\s+treated\s+with)\b",
    re.IGNORECASE,
)
_RATIO = re.compile(r"\b[1-4](?:\s*:\s*[1-4]){1,3}\b")
_THEN = re.compile(r",?\s*(?:and\s+)?followed\s+by\b", re.IGNORECASE)
_LISTING_RESUMES = re.compile(
    r"(?:\)|\b(?:years?|months?|weeks?|cycles?|progression|toxicity))\s*,\s*or\s+(?:to\s+)?", re.IGNORECASE
)
# "...; or to D": the next arm of a listing split by semicolons
# ("...; cohort B received D; and cohort C received E": the next labelled group's regimen)
_NEXT_ARM = re.compile(
    r"\s*(?:(?:or|and)\s+)?(?:to\s+|(?:cohort|arm|group)\s+[A-Z0-9]{1,2}\s+(?:received|was\s+given|were\s+given)\s+)",
    re.IGNORECASE,
)
_INTRODUCING_COLON = re.compile(r"(?<!\d):(?!\s*\d)")  # not a ratio's "1:1:1"
# "; or D": the last arm of a listing parted by semicolons, whose arms before need no "to"
_LAST_ARM = re.compile(r"\s*or\s+(?=\S)", re.IGNORECASE)
_DESIGN_VERB = re.compile(
    r"\b(?:randomi[sz](?:ed|ation)|randomly assigned|assigned|allocated|enrolled|recruited|received|receiving|"
    r"took|treated|given|compared|pitted|evaluat\w+|tested|enrol\w*|Enrollment|Arms?|Experimental|"
    rf"comparator|adding|added|adds\s+{ADDS_OBJECT}|population\s+(?:comprised|consisted\s+of))\b",
    re.IGNORECASE,
)
_ARM_START = re.compile(
    r"\b(?:randomi[sz]ed|underwent randomi[sz]ation|randomly assigned|assigned|allocated|received|receiving|took|"
    rf"given|compared|adding|added|adds(?=\s+{ADDS_OBJECT})|pitted|evaluated|tested|treated|"
    # a planned trial's design: "to allocate them to A or B", "will randomise patients to"
    r"(?:(?<=to\s)|(?<=will\s))(?:allocate|assign|randomi[sz]e)"
    # "we enrolled 931 patients, 467 to A and 464 to B": an enrolment that allocates
    r"|(?:enrolled|included|recruited)(?=[^.;]{0,60}?\b\d[\d,]*\s+(?:patients\s+|participants\s+)?to\b))\b",
    re.IGNORECASE,
)
_COUNTED_PATIENTS_GIVEN = re.compile(
    r"\s*(?:among|in|of)\s+(?:the\s+)?\d[\d,]*\s+(?:[\w-]+\s+)?(?:patients|participants)\s+(?:given|treated\s+with|"
    r"receiving|who\s+received)\b",
    re.IGNORECASE,
)
# "the most rigorously tested of those is B", "the best studied": how well, no arm assigned
_DEGREE_BEFORE = re.compile(r"\b(?:most|best|least|well|widely|rigorously|extensively)\s+(?:\w+ly\s+)?$", re.I)
# "neither trial randomised B", "B was not given": no arm
_NEGATED_BEFORE = re.compile(r"\b(?:neither|nor|not|never)\s+(?:[\w-]+\s+)?(?:been\s+)?$", re.IGNORECASE)
# what names the arm the others are compared with: "versus C", "non-inferior to C", "OS over C"
_COMPARED_WITH = re.compile(
    r"\b(?:versus|vs\.?|compared\s+with|compared\s+to|(?:non-?)?inferior\s+to|superior\s+to|over)\s+(?:the\s+)?$",
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
_REGIMEN_AFTER = re.compile(r"\s+(?:regimens?|protocol)\b", re.IGNORECASE)
_CLASS_DEFINED_AS = re.compile(
    r"\s+(?:\([^()]*\)\s+)?(?:consisted\s+of|consisting\s+of|comprised|was\s+(?:composed|made\s+up)\s+of)\b", re.I
)
_BACKBONE_DESCRIBED = re.compile(
    r",\s+(?:with\s+)?the\s+(?:chemotherapy\s+|common\s+|shared\s+)?backbone\s+"
    r"(?:being|consisting\s+of|comprising|of|was|chosen)\b",
    re.I,
)
_NAMES_SETS_OF = re.compile(r"[\s-]+(?:combinations|regimens|doublets|triplets|(?:containing|based)\s+arms)\b", re.I)
_ARMS_LINK = re.compile(r"\b(?:of|with|comparing|testing)\b", re.I)
_TREATED_PATIENTS_BEFORE = re.compile(
    r"\b(?:patients|participants|those)\s+(?:receiving|given|treated\s+with|on)\s+(?:the\s+)?$", re.I
)
_PLURAL_TRIALS_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:trials|studies)\b", re.I)
_TREATED_AFTER = re.compile(r"[-\u2010\u2011](?:treated|exposed)\b", re.I)
# a title's comparison: "A versus B in X", "A \u00b1 B in X"
_VERSUS = re.compile(r"\b(?:versus|vs)\b|\u00b1", re.I)
# "in the patients allocated to ...", "in 38% of those receiving ...": an arm's patients
_PATIENTS_BEFORE = re.compile(
    r"(?:\b(?:in|among|for)\s+(?:the\s+)?(?:\d+\s+)?(?:[a-z-]+\s+){0,2}?|%\s+of\s+(?:the\s+)?)"
    # "among those who also received B": a subgroup by what it was given
    r"(?:patients|participants|those|men|women)\s+(?:were\s+|who\s+(?:had\s+)?(?:also\s+)?)?$"
    # "55% received paclitaxel-based chemotherapy", "85% of patients were given A": a share of the patients
    r"|\d\s*%\s+(?:were\s+)?$",
    re.I,
)
# "KEYNOTE-A18 / ENGOT-cx11 / GOG-3047": names of one trial, perhaps with one between not known as a name
_NAME_SLASH = re.compile(r"\s*/\s*(?:[A-Za-z][\w-]*\s*/\s*)*")
# a trial's other name in the bracket after it, perhaps after its sponsor group's ("ECOG-ACRIN EA6134")
_BRACKETED_ALIAS_GAP = re.compile(r"\s*(?:trial|study)?\s*\(\s*(?:[A-Z][\w-]*\s+){0,2}")
# A registration line: "Trial registration: ClinicalTrials.gov, NCT...", "registered with ..."
_REGISTRATION = re.compile(r"\bregist(?:ered|ration|ry)\b|ClinicalTrials\.gov|\btrial identification\b", re.I)
# "to arm A (paclitaxel and carboplatin) or arm B (...)": the label an arm is given
# "arm A: X", "cohort B received X plus Y": the label right before an arm's drugs
_LABEL_BEFORE = re.compile(
    r"\b(?P<label>(?:arm|group|cohort)\s+[A-Z0-9]{1,2})\s*[(:,]?\s*"
    r"(?:(?:received|got|was\s+given|were\s+given|was\s+treated\s+with|were\s+treated\s+with)\s+)?$"
)
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
# a hedge, or a plan for trials still to come ("the logical next experiments are ...")
_HYPOTHETICAL = re.compile(
    rf"\b(?:should|could|would|might|{MODAL_MAY}|perhaps|whether|suggest\w*|logical|rational|"
    r"next\s+(?:experiments?|steps?|trials?|studies))\b",
    re.IGNORECASE,
)
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
    r"randomi[sz]ing|assigns|assigned|tests|testing|evaluates|evaluating|enrols|enrolls|enrolled|pits|pitted|"
    # one still to run: "ACTION (NCT...), which plans to enrol 450 patients and to allocate them to"
    r",\s*which\s+(?:plans|aims|intends|will)\s+(?:to\s+)?(?:enrol|enroll|randomi[sz]e|assign|allocate|compare|test))\b",
    re.IGNORECASE,
)
# "a control regimen of X", "the control arm received X"
_CONTROL_BEFORE = re.compile(r"\bcontrol\b[\w\s]{0,25}$", re.IGNORECASE)
_APPOSITION = re.compile(r"(?:\s*/\s*[\w-]+)*[\s)\]]*[:,(]\s*(?:(?:an?|the)\s+)?[^.;:]{0,80}", re.IGNORECASE)
# A registry field whose phase needs no trial noun: "Phase: Phase 3", "Study design: randomized,
# open-label, phase 3"
_CELL_START = re.compile(r"\|[ \t]*$")
_CELL_END = re.compile(r"[ \t]*(?:\||$)", re.MULTILINE)
_PHASE_FIELD = re.compile(r"\s*(?:study\s+)?(?:phase|design)\b[^:\n]{0,20}:", re.IGNORECASE)
# A registry field: "Phase: Phase 3", "Study title: ...", "ClinicalTrials.gov ID: NCT...".
_FIELD_LINE = re.compile(
    r"\s*[A-Z][\w ./()&-]{0,40}:\s"
    # a line of short cells: "Phase 3 | Randomized 2:1 | Double-blind"
    r"|\s*[^|\n]{1,80}(?:\|[^|\n]{1,80})+\s*$"
)

# words that tie a sentence to the arms of the trial in focus
_ARM_WORDS = re.compile(r"\b(?:arms?|groups?|control|comparator|placebo|randomi[sz]\w*|assigned|allocated)\b", re.I)
_LABELLED_PART = re.compile(r"\b(?i:cohort|arm)\s+[A-Z0-9]{1,2}\b[^.;]{0,30}$")
# a trial's design told right after its name: "TRIAL-2, a phase 3 trial that is comparing"
_DESCRIBED_TRIAL = re.compile(
    r"\s*(?:\([^()]*\)\s*)?,\s*(?:an?|the)\s+[^,;.]{0,60}?\b(?:trial|study)\s+(?:that|which)\s+(?:is|was)\s+"
    r"(?:comparing|testing|evaluating|randomi[sz]ing)\b",
    re.IGNORECASE,
)
_SHARED_BY_TRIALS = re.compile(
    r"\b(?:one\s+of\s+|any\s+of\s+)?(?:two|three|four|five|six|[2-9])\s+(?:[\w-]+,?\s+){0,5}?(?:trials|studies)\b",
    re.IGNORECASE,
)
# "placebo in place of midostaurin": the drug the placebo arm goes without
_PLACEBO_IN_PLACE_OF = re.compile(r"\bplacebo\s+(?:(?:given|used)\s+)?(?:in\s+place|instead)\s+of\s+(?:the\s+)?$", re.I)
_PART_OF = re.compile(r"\b(?:part|portion|stage)\s+of\b[^.;]{0,120}$", re.IGNORECASE)
_QUALIFIED_AFTER = re.compile(r"\s+(?:who|whose|in\s+whom)\b", re.IGNORECASE)
_PEOPLE = r"(?:patients|participants|subjects|adults|women|men|people|individuals|children|adolescents|persons|pts)"
_ENROLMENT = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        rf"\bEnrol(?:l)?ment\b[^:|]*[:|]\s*(?P<n>{COUNT})",  # "Enrollment: 706", "Enrollment | 706 participants"
        rf"\b(?:randomi[sz]ed|randomly assigned|enrolled|recruited|assigned|allocated|took|included|"
        rf"(?:plans?|aims?|will|intends?)\s+(?:to\s+)?(?:enrol|enroll|recruit|randomi[sz]e|include))\s+"
        rf"(?:(?:approximately|about|around|some|up\s+to)\s+)?(?P<n>{COUNT})\s+(?:[\w-]+\s+){{0,2}}?{_PEOPLE}\b",
        # "Of 2,104 patients screened, ..., and 507 were randomized (...)": those randomised, not those screened
        rf"(?<![\w.,])(?P<n>{COUNT})\s+(?:were|was)\s+(?:randomi[sz]ed|enrolled)\b(?!\s+(?:to|in|into|at)\b)",
        # "Of the 303 patients, 152 were assigned ..." opens its sentence ("79% of 71 patients" does not)
        rf"\b(?-i:Of)\s+(?:the\s+)?(?P<n>{COUNT})\s+(?:randomi[sz]ed\s+|enrolled\s+|treated\s+)?{_PEOPLE}\b",
        # "Among 493 patients randomised to A or B": the whole trial, named by how it was assigned
        rf"\b(?:among|in|of)\s+(?:the\s+)?(?P<n>{COUNT})\s+(?:patients|participants)\s+(?:who\s+were\s+)?"
        r"(?:randomi[sz]ed|randomly\s+assigned|assigned|allocated)\s+(?:\d+\s*:\s*\d+\s+)?(?:to|between)\b",
        # "Among 400 randomised patients, ...", "applied A to 395 randomised patients": all the trial
        # assigned (not "the first 264 randomised patients")
        rf"\b(?:among|in|of|to|across)\s+(?:all\s+|the\s+)?(?P<n>{COUNT})\s+randomi[sz]ed\s+{_PEOPLE}\b",
        # "556 patients with ... (a long description) ... were randomly assigned"
        rf"\b(?:In\s+total,?\s+)?(?P<n>{COUNT})\s+(?:[\w-]+\s+){{0,2}}?{_PEOPLE}\b"
        rf"(?:\([^()]*\)|[^.;()]){{0,200}}?\b(?:(?:were|was|had\s+been|have\s+been)\s+(?:then\s+)?"
        rf"(?:randomi[sz]ed|randomly|enrolled|treated|assigned|allocated|recruited|included|given)|"
        rf"underwent\s+randomi[sz]ation|entered\s+(?:the\s+)?(?:trial|study|part|randomi[sz]ation)\b)",
        # "twenty-six patients with BRAF V600E-mutant thyroid cancer received ..."
        rf"(?<![\w.])(?P<n>{COUNT})\s+(?:[\w-]+\s+){{0,2}}?(?:patients|participants)\b[^.;]{{0,160}}?\s"
        rf"(?:took|received|were given|were treated)\b",
        # "Patients (n=403) with untreated disease were randomized"
        r"\b(?:patients|participants)\s*\(\s*n\s*=\s*(?P<n>\d[\d,]*)\s*\)[^.;]{0,120}?\b(?:were|was)\s+"
        r"(?:randomi[sz]ed|randomly|enrolled|assigned|allocated|treated|included)",
        rf"\b(?:trial|study)\s+(?:of|in|with|that enrolled)\s+(?P<n>{COUNT})\s+(?:patients|participants)\b",
        rf"\bin\s+(?P<n>{COUNT})\s+(?:patients|participants)\b(?=[^.;]*\b(?:randomi|compar))",
        # "compared A with B in 524 previously treated patients", "combined A with B in 33 patients"
        rf"\b(?:compar(?:ed|ing)|combined|paired|test(?:ed|ing)|evaluat(?:ed|ing)|studied|assessed|add(?:ed|ing))\b[^.;]{{0,120}}?"
        rf"\bin\s+(?:(?:approximately|about|around|some)\s+)?(?P<n>{COUNT})\s+(?:[\w-]+\s+){{0,3}}?{_PEOPLE}\b",
        # "a phase 3 trial of A against B in 431 patients"
        rf"\b(?:trial|study)\s+(?:of|comparing|testing)\b[^.;()]{{0,120}}?\bin\s+(?P<n>{COUNT})\s+"
        rf"(?:[\w-]+\s+){{0,3}}?(?:patients|participants)\b",
        rf"\b(?:cohort|total)\s+of\s+(?P<n>{COUNT})\s+(?:\w+\s+)?(?:patients|participants)\b",
        rf"(?P<n>{COUNT})\s+{_PEOPLE}\s+in\s+total\b",  # "..., 483 patients in total"
        # "TRIAL-2: Among 111 patients with HER2 IHC 3+ tumours, the ORR was ...": a line led by the
        # trial's name gives its patients
        rf"^\s*[A-Z][\w-]*(?:\s+[\w-]+)?\s*:\s*(?i:among|in)\s+(?:the\s+)?(?P<n>{COUNT})\s+"
        rf"(?:[\w-]+\s+){{0,2}}?{_PEOPLE}\b",
        # "The efficacy population comprised 43 patients with ...", not "60 X patients and 100 Y patients"
        rf"\bpopulation\s+(?:comprised|included|consisted\s+of)\s+(?P<n>{COUNT})\s+(?:[\w-]+\s+){{0,2}}?{_PEOPLE}\b"
        r"(?![^.;]{0,60}\band\s+\d)",
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
_SUBGROUP_COUNT = re.compile(r"\b(?:among|in)\s+(?:the\s+|these\s+)?$|\bsubgroup\b|\(\s*n\s*=\s*$", re.IGNORECASE)


@dataclass
class _Group:
    """Trial mentions in one sentence that name one trial."""

    start: int
    end: int
    names: list[str] = field(default_factory=list)  # acronyms as written
    aliases: list[str] = field(default_factory=list)  # the names after the first, when slash-joined
    ncts: list[str] = field(default_factory=list)
    phase: str | None = None
    part_phase: str | None = None
    definite: bool = False
    indefinite: bool = False
    anaphoric: bool = False  # "the study", in a sentence that names no trial: the whole sentence is its


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
        self.registry_arms = RegistryArmReader(reading, self.context)
        # "four phase 3 studies": (trials known then, how many, phase, randomised, sentence)
        self._announced: list[tuple[int, int | None, str, bool, int]] = []

    # -- finding -----------------------------------------------------------------------------

    def find(self, name: str | None = None, nct: str | None = None) -> TrialState | None:
        for trial in self.trials:
            if name and trial.acronym and name.casefold() in {trial.acronym.casefold(), *trial.aliases}:
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
                # "Phase: III", or a cell of its own: "Study Type: Interventional | Phase 2 | ..."
                field_line = _PHASE_FIELD.match(sentence.text) or (
                    _CELL_START.search(text, sentence.start, mention.start) and _CELL_END.match(text, mention.end)
                )
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
                    if word.casefold() == "its" and self._drug_of_another_trial(sentence, mention.start):
                        group.indefinite = True  # "sunitinib, which in its pivotal phase 3 trial ..."
                        break
                    if _DEFINITE.fullmatch(word):
                        group.definite = True
                        break
                    if _INDEFINITE.fullmatch(word) or _EARLIER_TRIAL.fullmatch(word):
                        group.indefinite = True  # "a phase 2 study", "the preceding phase 2 study"
                        break
            elif mention.kind == "trial":
                if _REGIMEN_AFTER.match(text, mention.end) and self.find(name=mention.key) is not None:
                    continue  # "over the B regimen": the regimen a known trial tested, not its report
                group = _Group(mention.start, mention.end, names=[mention.key])
            else:
                # "In this three-arm trial (NCT...)": the id of the trial in focus
                definite = _THIS_TRIAL_BEFORE_ID.search(text, max(sentence.start, mention.start - 60), mention.start)
                group = _Group(mention.start, mention.end, ncts=[mention.key], definite=definite is not None)
            if groups and self._adjacent(groups[-1], group):
                gap = self.reading.text[groups[-1].end : group.start]
                other_name = _NAME_SLASH.fullmatch(gap) or _BRACKETED_ALIAS_GAP.fullmatch(gap)
                if groups[-1].names and group.names and other_name:
                    groups[-1].aliases += group.names  # "ENGOT-EN6/GOG-3031/RUBY": one trial's names
                self._merge(groups[-1], group)
            else:
                groups.append(group)
        other = _OTHER_TRIAL.search(sentence.text) if not groups else None
        if other is not None and not _HYPOTHETICAL.search(sentence.text, other.end()):
            # "In an earlier randomised trial of 87 patients, the multikinase inhibitor ...": a
            # trial of its own, unnamed
            groups.append(_Group(sentence.start + other.start(), sentence.start + other.end(), indefinite=True))
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
        if noun.group("noun").casefold() not in {"trials", "studies", "programmes", "programs"}:
            return False
        counted = _TRIAL_COUNT_BEFORE.search(self.reading.text, sentence.start, start)
        if counted is None:
            return False
        count = count_value(counted.group("count")) if counted.group("count") else None
        if count is not None and not 2 <= count <= 12:
            return False
        randomised = bool(_RANDOMISED.search(counted.group()) or _RANDOMISED.search(noun.group()))
        self._announced.append((len(self.trials), count, phase, randomised, sentence.index))
        return True

    def _apply_announced(self) -> None:
        """Give the phase a review announced for "N phase 3 trials" to the N named trials that
        follow the announcement, when at least N follow ("several phase 3 trials": to all that
        follow, two at least); a trial that states its own phase keeps it (and still counts)."""
        for known, count, phase, randomised, index in self._announced:
            named = [t for t in self.trials[known:] if t.acronym or t.nct]
            if count is None:
                # trials not counted are the ones named after the announcement
                if len(named) < 2:
                    continue
                count = len(named)
            elif len(named) < count:
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
        if first.names and second.names and _NAME_SLASH.fullmatch(gap):
            return True  # "KEYNOTE-A18 / ENGOT-cx11 / GOG-3047"
        if _BRACKETED_ALIAS_GAP.fullmatch(gap):
            return True  # "NAME (NCT...", "NAME trial (GROUP-ABC EA6134; ..."
        listed = re.fullmatch(r"\s*(?:,|;|and|,\s*and)\s*", gap)
        if first.names and first.ncts and second.ncts and not second.names and listed:
            return True  # "NAME (NCT01 and NCT02)": one trial registered under two records
        both_named = (first.names or first.ncts) and (second.names or second.ncts)
        # "ORBIT, a randomised phase 3 study", "ORBIT is a double-blind phase III study"
        appositive = re.fullmatch(
            r",\s+(?:a|an|the|which|that)\b[^;()]{0,60}|\s+(?:is|was)\s+(?:a|an)\b[^;().]{0,80}"
            # a title's "(NAME Part 1): a randomised, phase 2 trial"
            r"|(?:\s+part\s+\w+)?\s*\)\s*:\s+(?:a|an)\b[^;().]{0,80}",
            gap,
            re.IGNORECASE,
        )
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

    def _drug_of_another_trial(self, sentence: Sentence, before: int) -> bool:
        """Whether the last drug named before a point is one the trial in focus did not give."""
        drugs = [m for m in sentence.of("drug") if m.end <= before]
        current = self.current
        return bool(drugs) and current is not None and bool(current.drugs) and drugs[-1].key not in current.drugs

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
            if name in group.aliases and name != trial.acronym:
                trial.aliases.add(name.casefold())
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
        clause = clause_around(self.reading.text, sentence, group.start)
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
            if self.current is not None and not self.reading.in_background(sentence) and self._told_in_background():
                # past a structured abstract's background, "this study" is the paper's own trial
                self.focus(next((t for t in self.trials if 0 in t.sentences), self.current))
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
            elif (
                self.current is not None
                and (
                    self._row is not None
                    or _DESIGN_VERB.search(sentence.text)
                    or REGISTRY_ARM.match(sentence.text)
                    or REGISTRY_ROW.match(sentence.text)
                    or coded_arm(sentence)
                    or REGISTRY_COUNTS.match(sentence.text)
                )
                and not (self._row is None and self._leaves_trial(sentence, self.current))
            ):
                self.by_sentence[sentence.index] = [self.current]
            # two mentions of one trial ("a phase III trial ... in NEMO") are read once
            found = [pair for i, pair in enumerate(found) if all(pair[1] is not t for _, t in found[:i])]
            if found:
                windows = self._windows(sentence, [group for group, _ in found])
                for (group, trial), window in zip(found, windows, strict=True):
                    self._attach(sentence, trial, group, window if len(found) > 1 else None)
            elif sentence.index in self.by_sentence and self.current is not None:
                self._attach(sentence, self.current, None, None)
            self.registry_arms.read_arm_lines(sentence)
            self.registry_arms.read_flow(sentence, self.current)
            self._remember_sets(sentence)
            if found:
                self.focus(found[-1][1])
        self._apply_announced()
        for trial in self.trials:
            self._control_from_sibling(trial)
            trial.drop_optional_drugs()
            trial.unmask_placebo_arm()
            trial.absorb_foreshadowed_arms()
            trial.add_unnamed_placebo_arm()
            trial.settle_choice_arm()
            trial.absorb_background_care_arm()
            self._control_by_comparison(trial)
            self._arm_from_lead(trial)
            self._name_most_used(trial)
        self._phase_from_lead()

    def _phase_from_lead(self) -> None:
        """A news lead's phase ("according to phase 3 results") is the phase of the first trial the
        text goes on to describe, when no trial was named where the phase was."""
        named = [t for t in self.trials if t.sentences]
        if not named:
            return
        trial = min(named, key=lambda t: min(t.sentences))
        if trial.phase is not None:
            return
        first = min(trial.sentences)
        phases = {
            (mention.key, sentence.index)
            for sentence in self.reading.sentences[:first]
            if not self.by_sentence.get(sentence.index)
            for mention in sentence.of("phase")
            if not _PLURAL_TRIALS_AFTER.match(self.reading.text, mention.end)  # "four phase 3 trials"
        }
        if len({key for key, _ in phases}) == 1:
            key, index = min(phases, key=lambda pair: pair[1])
            trial.set_once("phase", key, index, "trial.phase_in_lead")

    def _told_in_background(self) -> bool:
        """Whether the trial in focus is named only in the background of a structured abstract."""
        sentences = self.current.sentences if self.current is not None else []
        return bool(sentences) and all(self.reading.in_background(self.reading.sentences[i]) for i in sentences)

    def _name_most_used(self, trial: TrialState) -> None:
        """Of the names a trial goes by ("ENGOT-EN6/GOG-3031/RUBY"), the one the text uses most."""
        if not (trial.acronym and trial.aliases):
            return
        spellings = {
            name: re.findall(rf"(?<![\w-]){re.escape(name)}(?![\w-])", self.reading.text, re.I)
            for name in [trial.acronym, *sorted(trial.aliases)]
        }
        best = max(spellings, key=lambda name: len(spellings[name]))
        if best != trial.acronym and spellings[best]:
            trial.aliases = (trial.aliases - {best}) | {trial.acronym.casefold()}
            trial.acronym = spellings[best][0]

    def _lead_set(self, trial: TrialState) -> tuple[str, ...] | None:
        """The one drug set a trial whose design names no arm is about: the set the sentence that
        first names it holds ("A showed activity in the phase 1 TRIAL-1 study"), else the one its
        paragraph names before it ("Drug A is given for eight cycles. In the phase 2 TRIAL-1 study,
        90 patients were treated.": the drug a review's paragraph is about). Sentences about
        another trial do not count; two sets leave it open."""
        if not trial.sentences:
            return None
        first = self.reading.sentences[min(trial.sentences)]
        if first.of("drug", "regimen"):
            # "A showed single-agent activity in the phase 1 TRIAL-1 study": the one set it names
            # ("a phase 3 trial of A is warranted" names no trial that has run)
            if len(self.by_sentence.get(first.index, [])) > 1 or not (trial.acronym or trial.nct):
                return None
            groups = agent_groups(self.reading, first, first.start, first.end, self.context)
            named = {drugs for drugs, _ in groups if not all(is_class_phrase(self.reading, d) for d in drugs)}
            return next(iter(named)) if len(named) == 1 else None
        sets: set[tuple[str, ...]] = set()
        for index in range(first.index - 1, -1, -1):
            sentence = self.reading.sentences[index]
            if all(other is trial for other in self.by_sentence.get(index, [])):
                groups = agent_groups(self.reading, sentence, sentence.start, sentence.end, self.context)
                sets.update(drugs for drugs, _ in groups if not all(is_class_phrase(self.reading, d) for d in drugs))
            if self.reading.starts_paragraph(sentence):
                break
        return next(iter(sets)) if len(sets) == 1 else self._document_drug(trial)

    def _document_drug(self, trial: TrialState) -> tuple[str, ...] | None:
        """The one drug a whole text names, as a label's summary does ("TRADENAME (drug) ...
        Efficacy was evaluated in TRIAL-1, a phase 2 study"), for the one trial it describes."""
        if trial.phase is None or any(other.arms for other in self.trials if other is not trial):
            return None
        drugs = {m.key for sentence in self.reading.sentences for m in sentence.of("drug")}
        return (next(iter(drugs)),) if len(drugs) == 1 else None

    def _arm_from_lead(self, trial: TrialState) -> None:
        """A single-arm trial whose design names no arm tests the drug it is named with, or the one
        its paragraph is about."""
        if trial.arms or trial.randomized or not (trial.acronym or trial.nct or trial.phase):
            return
        lead = self._lead_set(trial)
        if lead is not None:
            trial.add_arm(lead, min(trial.sentences), "arm.paragraph_drug")

    def _leaves_trial(self, sentence: Sentence, trial: TrialState) -> bool:
        """Whether a sentence that names no trial is not about the trial in focus, though a
        design verb in it ("randomised", "given") would tie it there: a section heading ("First
        randomised data"), the background of a structured abstract, or a paragraph that opens on
        drugs the trial never gave ("Drug B is given intravenously ..." after a paragraph on the
        trial of drug A, in a review)."""
        if _is_heading(self.reading, sentence) or self.reading.in_background(sentence):
            return True
        if (
            not self.reading.starts_paragraph(sentence)
            or _FIELD_LINE.match(sentence.text)
            or _ARM_WORDS.search(sentence.text)
            or coded_arm(sentence)
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

    def _control_from_sibling(self, trial: TrialState) -> None:
        """A randomised trial told by its one regimen ("TRIAL-3 combined A with B and C") among
        trials that each added a drug to one backbone (B and C alone in TRIAL-1 and TRIAL-2)
        compared that regimen with the backbone."""
        sets = trial.arm_sets()
        if trial.randomized is not True or len(sets) != 1 or len(sets[0]) < 2:
            return
        backbones = {
            arm
            for other in self.trials
            if other is not trial
            for arm in other.arm_sets()
            if set(arm) < set(sets[0]) and len(arm) == len(sets[0]) - 1
        }
        if len(backbones) == 1 and trial.arms[0].sentence is not None:
            trial.add_arm(backbones.pop(), trial.arms[0].sentence, "arm.sibling_backbone")

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
                arm = arm_for(self.reading, trial, drugs)
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
        elif group is not None and not group.anaphoric:
            start, end = clause_around(text, sentence, group.start)
            if text.startswith(":", end) and not text[start : group.start].strip():
                # "TRIAL-2: Among 111 patients with ..., the ORR was ...": the line the name labels
                end = clause_around(text, sentence, end + 1)[1]
            breaks = clause_breaks(text, end, sentence.end)
            resumed = _resumed_listing(text, breaks, start, sentence.end)
            end = resumed[-1][1] if resumed else end
            # "NAME was a randomised phase 3 trial; 210 patients were randomised to A or B": the
            # assignment the next clause reports is the named trial's
            following = clause_breaks(text, end + 1, sentence.end) if end < sentence.end else []
            stop = following[0].start() if following else sentence.end
            if _ASSIGNS_ARMS.search(text, end, stop) and not any(
                end <= m.start < stop for m in sentence.of("trial", "nct")
            ):
                end = stop
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
        if re.search(r"\bplacebo[-\s]controlled\b", clause, re.I):
            trial.placebo_controlled = True
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
        trial.optional_drugs.update(m.key for m in sentence.of("drug") if GIVEN_AT_DISCRETION.match(text, m.end))
        trial.masked_drugs.update(
            m.key for m in sentence.of("drug") if _PLACEBO_IN_PLACE_OF.search(text, max(0, m.start - 40), m.start)
        )
        _control_by_label(sentence, trial)
        if self._row is not None:
            self.registry_arms.read_table_arm(sentence, trial, self._row)
            return
        registry = REGISTRY_ARM.match(sentence.text) or REGISTRY_ROW.match(sentence.text) or coded_arm(sentence)
        if registry and self.registry_arms.read_arm(sentence, trial, registry):
            return
        if trial.labels and REGISTRY_COUNTS.match(sentence.text):
            self.registry_arms.read_counts(sentence, trial)
            return
        if not (_quoted(self.reading.text, sentence) or _defines_class(sentence)):
            self._arms(sentence, trial, start, end)

    def enrolment(self, sentence: Sentence, trial: TrialState, start: int, end: int) -> None:
        if trial.n_enrolled is not None:
            return
        text = self.reading.text
        clause = text[start:end]
        for rank, pattern in enumerate(_ENROLMENT):
            for match in pattern.finditer(clause):
                if _SUBGROUP_COUNT.search(clause[max(0, match.start() - 12) : match.start()]) or (
                    # a registry's enrolment field counts the trial, whichever cohort it names
                    rank and _LABELLED_PART.search(clause[max(0, match.start("n") - 40) : match.start("n")])
                ):
                    continue
                if rank and _PART_OF.search(text, sentence.start, start + match.start()):
                    continue  # "during the phase 2 portion, 38 patients ...": not the whole trial
                if clause[match.start()] == "%" and _QUALIFIED_AFTER.match(clause, match.end()):
                    continue  # "79% of 71 patients who were new to ...": a subgroup's count
                if _SHARED_BY_TRIALS.search(clause, match.end()):
                    continue  # "192 patients enrolled in one of three phase 2 trials": no one trial's
                value = count_value(match.group("n"))
                if value is not None and value >= 5:
                    trial.set_once("n_enrolled", value, sentence.index, f"trial.enrolment.{rank}")
                    return

    def _arms(self, sentence: Sentence, trial: TrialState, start: int, end: int) -> None:
        """Arms named in a design clause; clauses joined by semicolons ("in cohort A, 78 patients
        received X; in cohort B, 57 received Y") are read one by one."""
        text = self.reading.text
        # "to A; to B; or to C" is one listing, read as one clause
        breaks = clause_breaks(text, start, end)
        listing = _listing_semicolons(text, breaks, start, end)
        pieces = [m.start() for m in breaks if text[m.start()] == ";" and m.start() not in listing]
        bounds = [start, *(cut + 1 for cut in pieces)]
        named: list[tuple[str, ...]] = []
        if _BACKGROUND.match(text, start, end):
            # "All patients also received B.": a sentence of its own for the arms listed before it
            named = trial.listed_before(sentence.index, 2)
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
        """ "...; all patients continued B": B joins every arm the sentence named, so its placebo
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
        # "..., the backbone being A and B or C and D": what the arms share, no arms of its own
        described = _BACKBONE_DESCRIBED.search(text, start, end)
        end = described.start() if described else end
        # "in the patients allocated to carboplatin (HR 0.91)": a subgroup by what was given, no design
        # "Among 452 patients given A (n = 228) or B (n = 224)": the patients of a trial with no arms yet
        counted = not trial.arms and _COUNTED_PATIENTS_GIVEN.match(text, start, end) is not None
        verbs = [
            m
            for m in _ARM_START.finditer(text, start, end)
            if (counted or not _PATIENTS_BEFORE.search(text, start, m.start()))
            and text[m.start() - 1] not in "-\u2010\u2011"  # "A-treated patients" are an arm's patients
            and not _NEGATED_BEFORE.search(text, max(start, m.start() - 40), m.start())
            and not _DEGREE_BEFORE.search(text, max(start, m.start() - 30), m.start())
        ]
        verb = verbs[0] if verbs else None
        has_trial_mention = bool(sentence.of("trial", "nct", "phase"))
        if verb is None and not has_trial_mention:
            return []
        # After "randomised/assigned/allocated ... to" the arms follow the verb ("all randomized
        # patients" is no such verb); otherwise the clause's subject can be an arm ("A was
        # compared with B").
        acting = [m for m in verbs if not _ADJECTIVAL.match(text, m.end())]
        # "patients who had received X were randomly assigned to A or B": the assignment lists the arms
        assigning = [m for m in acting if re.match(r"random|assign|allocat", m.group(), re.I)]
        verb = assigning[0] if assigning else verb
        # "507 were randomized (A, n = 254; placebo, n = 253)": a bracket names known arms by label
        passive = bool(assigning) and not re.match(r"\s*\((?!\s*\d+\s*:\s*\d)", text[assigning[0].end() : end])
        scan_from = verb.start() if verb is not None and passive else start
        clause_end = end
        breaks = clause_breaks(text, scan_from, end)
        breaker = next(iter(breaks), None)
        resumed: list[tuple[int, int]] = []
        if breaker and verb and breaker.start() > verb.end():
            clause_end = breaker.start()
            resumed = _resumed_listing(text, breaks, scan_from, end)
        groups = agent_groups(self.reading, sentence, scan_from, clause_end, self.context)
        for span in resumed:
            for drugs, _ in choice_arms(self.reading, groups)[0]:
                self.context.remember_set(drugs)  # "...; or B plus the same chemotherapy"
            groups += agent_groups(self.reading, sentence, *span, self.context)
            clause_end = span[1]
        if not groups and verb is not None and has_trial_mention:
            groups = agent_groups(self.reading, sentence, start, end, self.context)
        if not groups or (verb is None and not self._links_arms(sentence, groups, start, end)):
            return []
        groups, options = choice_arms(self.reading, groups)
        counts = arm_counts(text, groups, start, clause_end)
        named: list[tuple[str, ...]] = []
        known = TrialState(0, arms=list(trial.arms))  # the arms before this clause
        known_sets = known.arm_sets()
        # what every arm named so far gives besides its own drugs ("all patients also took B")
        shared = set.intersection(*(set(arm) for arm in known_sets)) if len(known_sets) >= 2 else set()
        for position, (set_drugs, agent) in enumerate(groups):
            if all(is_class_phrase(self.reading, d) for d in set_drugs) and len(groups) == 1:
                continue  # "received a MEK inhibitor": no arm named
            # Outside an assignment, "in the selumetinib group" names a known arm by one drug;
            # "selumetinib alone" and the placebo arm are arms of their own.
            alone = ALONE_AFTER.match(text, agent.end) or re.search(
                r"single[- ]agent\s*$", text[max(start, agent.start - 20) : agent.start]
            )
            # "341 were assigned to the durvalumab group": a label naming a known arm by one drug
            labelled = GROUP_LABEL_AFTER.match(text, agent.end) is not None
            own = (passive and not labelled) or alone or (agent.kind == "placebo" and not labelled)
            holding = [arm for arm in known_sets if set(arm) == set(set_drugs) | shared]
            unlisted = set_drugs not in known_sets and agent.kind != "placebo" and not shared & set(set_drugs)
            if own and passive and not alone and unlisted and shared and len(holding) == 1:
                # "335 to docetaxel and 337 to mitoxantrone" after arms that add prednisone to each:
                # a drug names the one arm that holds it
                drugs = holding[0]
            elif own:
                drugs = set_drugs
            elif agent.kind == "placebo":
                # "206 to placebo-combination", "the placebo group" of a trial whose control adds
                # placebo to its backbone: the control arm
                drugs = known.control_arm() or set_drugs
            else:
                drugs = arm_for(self.reading, known, set_drugs)
            if not (own or has_trial_mention) and _shared_by_arms(drugs, known):
                continue  # "Drug B was given at 20 mg/m2": the schedule of a drug every arm gets
            if _NAMES_SETS_OF.match(text, agent.end) and _shared_by_arms(drugs, known):
                continue  # "both lenvatinib combinations": the arms that hold it, named already
            drugs = trial.add_arm(
                drugs, sentence.index, "arm.design", counts[position] if position < len(counts) else None
            )
            trial.note_options(drugs, options.get(set_drugs, []))
            if set_drugs[0] in OPTION_CLASSES:
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

    def _links_arms(
        self, sentence: Sentence, groups: list[tuple[tuple[str, ...], Agent]], start: int, end: int
    ) -> bool:
        """Whether a clause with no design verb still names arms: "a trial of A with B"; a title
        compares drugs without one ("A versus B in X (NAME): a phase 3 trial"), though a class
        there ("versus platinum-based chemotherapy") is left for the methods to spell out."""
        text = self.reading.text
        if all(
            _TREATED_PATIENTS_BEFORE.search(text, start, agent.start) or _TREATED_AFTER.match(text, agent.end)
            for _, agent in groups
        ):
            return False  # "in 45% of A-treated patients and 38% of those receiving B": no design
        if _ARMS_LINK.search(text, start, end):
            return True
        return (
            sentence.index == 0
            and _VERSUS.search(text, start, end) is not None
            and all(not is_class_phrase(self.reading, d) for drugs, _ in groups for d in drugs)
        )

    def _offered(self, sentence: Sentence, choice: Agent) -> list[tuple[str, ...]]:
        """The regimens a choice arm lists ("physician's choice: A, B and C; D and C; or E"), as
        the sets its patients may get."""
        text = self.reading.text
        after = self.reading.agents(sentence, choice.end, sentence.end, self.context)
        if not after or not CHOICE_OF.fullmatch(text[choice.end : after[0].start]):
            return []
        listed = listed_options(text, after)
        end = listed[-1].end
        return [drugs for drugs, _ in agent_groups(self.reading, sentence, listed[0].start, end, self.context)]


def _resumed_listing(text: str, breaks: list[re.Match[str]], start: int, end: int) -> list[tuple[int, int]]:
    """Where a listing of arms goes on past the clause break that ends its first arm: after a
    schedule ("to A plus B, followed by A maintenance (304 patients), or to B alone"), the span
    after its "or"; after semicolons between arms ("to a triplet of A, B and C; to a doublet of A and
    C; or to D", "to A; B plus C; or D"), each span after them."""
    spans: list[tuple[int, int]] = []
    listing = _listing_semicolons(text, breaks, start, end)
    for position, breaker in enumerate(breaks):
        limit = breaks[position + 1].start() if position + 1 < len(breaks) else end
        if _THEN.match(breaker.group()):
            again = _LISTING_RESUMES.search(text, breaker.end(), limit)
        elif breaker.start() in listing:
            again = _NEXT_ARM.match(text, breaker.end(), limit)
            spans.append((again.end() if again else breaker.end(), limit))
            continue
        else:
            again = None
        if again is None:
            break
        spans.append((again.end(), limit))
    return spans


def _listing_semicolons(text: str, breaks: list[re.Match[str]], start: int, end: int) -> set[int]:
    """Offsets of the semicolons that part the arms of one listing: before "to D" or "cohort B
    received D", and each of a run that ends "; or D" ("to A; B plus C; or D") unless the run
    lists what a colon introduced ("a regimen chosen by the investigator: A; B and C; or D")."""
    semicolons = [m for m in breaks if m.group().strip() == ";"]
    listing: set[int] = set()
    run: list[int] = []
    run_start = start
    for position, semicolon in enumerate(semicolons):
        limit = semicolons[position + 1].start() if position + 1 < len(semicolons) else end
        run.append(semicolon.start())
        if _NEXT_ARM.match(text, semicolon.end(), limit):
            listing.add(semicolon.start())
        if _LAST_ARM.match(text, semicolon.end(), limit):
            # the colon after the last "to" ("to a regimen the investigator chose: A; B; or C")
            last_to = max((m.end() for m in re.finditer(r"\bto\b", text[run_start : run[0]])), default=0)
            if not _INTRODUCING_COLON.search(text, run_start + last_to, run[0]):
                listing.update(run)
            run, run_start = [], semicolon.end()
    return listing


def _defines_class(sentence: Sentence) -> bool:
    """Whether a sentence says what a class phrase an arm was named by stands for ("Chemotherapy
    consisted of A with either B or C"): its drugs are that arm's, not arms of their own."""
    classes = sentence.of("class")
    first = sentence.mentions[0] if sentence.mentions else None
    return (
        bool(classes)
        and first is classes[0]
        and sentence.local(first.start) < 25
        and _CLASS_DEFINED_AS.match(sentence.text, sentence.local(first.end)) is not None
    )


def _quoted(text: str, sentence: Sentence) -> bool:
    """Whether a sentence is someone's words in quotation marks ("'Patients were usually offered
    X,' said ..."): what a speaker says was given is no arm of the trial."""
    paragraph_start = text.rfind("\n", 0, sentence.start) + 1
    opened = len(re.findall(r'["\u201c\u201d]', text[paragraph_start : sentence.start])) % 2 == 1
    return opened or sentence.text.lstrip().startswith(('"', "\u201c"))


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
    return opens_line and closes_line and 0 < len(text.split()) <= 8 and not re.search(r"[.;?!]$|[:|+=\d]", text)


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
    named = [m for m in sentence.of("trial", "nct") if hedge.end() <= m.start < end]
    if named and not _HYPOTHETICAL.search(text, named[0].end, end) and _DESCRIBED_TRIAL.match(text, named[0].end):
        # "approval may depend on TRIAL-2, a phase 3 trial that is comparing A with B": the hedge is
        # the approval's, the trial named after it reports its design
        return end
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
