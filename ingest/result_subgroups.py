"""Subgroups: the part of a trial's patients a reported figure is for.

A subgroup is named at the head of a sentence ("Among patients with brain metastases, ..."), by
a bulleted line's label ("- BRCA-mutated (n=120): ..."), right before the bracket that holds a
figure ("in patients with ESCC (12.6 vs 9.8 months)") or right after the figure ("63% among
previously treated patients", "in cohort A"). A phrase that names the trial's whole population
("patients with NRAS-mutant melanoma" in a melanoma trial) or an arm ("patients who received
placebo") is no subgroup. A named cohort stays in force over the sentences after it.
"""

from __future__ import annotations

import re

from ingest.mentions import ARM_LABEL, Reading, Sentence
from ingest.result_values import RESPECTIVELY, Value, list_label
from ingest.subgroups import subgroup_label
from ingest.trial_state import TrialState

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
    # "in intermediate- and poor-risk patients", "In the 249 favourable-risk patients": patients of a
    # kind a hyphened word names
    re.compile(
        r"\b(?:in|among)\s+(?:the\s+)?(?:\d[\d,]*\s+)?(?P<phrase>(?:\w+-?\s+(?:and|or)\s+)?\w+-"
        r"(?:risk|positive|negative|mutant|mutated|high|low|expressing)\s+(?:patients|participants))\b",
        re.I,
    ),
    # "The drug also helped patients whose tumours were HRD-negative (n = 189): 12.1 versus ...":
    # a population, counted, and its figures after a colon
    re.compile(
        r"\b(?P<phrase>(?:patients|participants|those)\s+(?:whose|with|who)\b[^,;:()]{3,60}?)\s*"
        r"\(\s*n\s*=\s*\d[\d,]*\s*\)\s*:",
        re.I,
    ),
    # "In squamous cell carcinoma with CPS >=10 (n = 286), median OS was ...": a counted population
    re.compile(
        r"^(?:[A-Z][\w ]{0,20}:\s*)?(?:In|Among|For)\s+(?:the\s+)?(?P<phrase>[^,;()]{3,80}?)\s*"
        r"\(\s*n\s*=\s*\d[\d,]*\s*\)\s*,",
    ),
    # "in the CPS >=10 group, PFS was ...", "in the HER2-ultralow group": a group named by a
    # threshold or a marker's status (not an arm: see _names_an_arm)
    re.compile(
        r"\b(?:in|among)\s+the\s+(?P<phrase>(?!(?:overall|intent|intention|whole|entire|total|all[- ]comers?|full|"
        r"safety|efficacy)\b)[^,;()]{0,30}?(?:[<>\u2264\u2265]|\b(?:positive|negative|high|low|ultralow|"
        r"mutant|mutated|wild-type)\b|[A-Za-z0-9]+-[A-Za-z]{3,})[^,;()]{0,20}?\s+(?:group|subgroup|population|cohort|"
        r"stratum))\b",
        re.I,
    ),
    # "BRCAm subgroup: rPFS, median ...": a line whose label names its group
    re.compile(
        r"^\s*(?P<phrase>(?!(?:overall|whole|entire|total|all)\b)[\w+/<>\u2264\u2265=%-]+(?:\s+[\w+/<>\u2264\u2265=%-]+){0,3}"
        r"\s+(?:subgroup|subset|population|cohort|stratum))\s*:",
        re.I,
    ),
    # "In that earlier look at the first 264 participants, 74.4% ...": the patients first enrolled
    re.compile(
        r"\b(?:among|in|of|at|for)\s+the\s+(?P<phrase>first\s+\d+\s+(?:randomi[sz]ed\s+)?(?:patients|participants))\b",
        re.I,
    ),
    # "Even in homologous recombination-proficient tumours there was ...": tumours of a kind
    re.compile(
        r"^(?:(?:even|only|but|yet|however,?)\s+)?(?:in|among)\s+(?:the\s+)?"
        r"(?P<phrase>(?:[\w-]+\s+){0,3}?[A-Za-z0-9]+-[\w-]+\s+(?:tumou?rs|cancers|disease))\b",
        re.I,
    ),
    # "In patients with primary endocrine resistance, the HR was ..." (a population phrase that
    # names a disease is the trial's population, not a subgroup: see _names_population)
    re.compile(
        r"^(?:[-*\u2022]\s*(?:and\s+)?)?(?:[A-Z][\w ]{0,20}:\s*)?(?:In|Among|For)\s+(?:the\s+)?(?:[\w-]+\s+)?"
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
    r"^\s*(?:\((?:[^()]|\([^()]*\))*\)\s*)?(?:among\s+(?:the\s+|all\s+)?(?:\d+\s+)?|in\s+(?:the\s+|all\s+)?(?!\d)|"
    # ("56.5% of HER2-low patients given A": patients of a marker's kind)
    r"of\s+(?:the\s+)?(?:\d+\s+)?(?=(?:patients|participants|those)\s+(?:with|without|who|whose)\b|"
    r"[A-Za-z0-9]+-(?!treated\b|exposed\b)[\w-]+\s+(?:patients|participants)\b))(?P<phrase>"
    r"(?:patients|participants|those)\s+(?:with|without|who|whose|harbou?ring|carrying)\b[^,;()]{3,70}?"
    r"|(?:[\w-]+\s+){1,3}(?:patients|participants))"
    # ("59% of patients with virus-positive tumours (n = 27) and ...": the group's count after it)
    r"(?=\s*(?:\([^()]*\)\s*)?(?:[,;.)]|\band\b|\bversus\b|\bvs\b|$|(?:responded|achieved|had)\b)"
    r"|\s+(?:given|treated|receiving|taking)\b)",
    re.I,
)
# "24 of 82 (29%) with LOH-high tumours": the kind of tumour a figure's patients had (not a
# response category: "with stable disease")
_TRAILING_TUMOUR_KIND = re.compile(
    r"(?:[^()]{0,20}\))?\s*(?:\([^()]*\)\s*)?with\s+(?P<phrase>(?!(?:stable|progressive|responsive|measurable|evaluable)\b)"
    r"[\w-]+(?:\s+[\w-]+){0,2}?\s+(?:tumou?rs|disease|cancers?))\b",
    re.I,
)
# the number of patients a population phrase starts from: "of 87 patients with ..."
_COUNT_FIRST = re.compile(r"(?P<count>\d{1,3}(?:,\d{3})*|\d+)\s+")
# ("Among 111 patients with HER2 IHC 3+ tumours": the count before the people the phrase qualifies)
_COUNT_BEFORE = re.compile(
    r"\b(?P<count>\d{1,3}(?:,\d{3})*|\d+)\s+(?:(?:[\w-]+\s+)?(?:patients|participants)\s+(?:with|who|whose)\s+)?$"
)
# a cohort named by a letter or number: "cohort A", "Cohort 2"
_COHORT_LETTER = r"(?i:cohort)\s+(?-i:[A-Z0-9]{1,2})\b"
_LABELLED_COHORT = re.compile(
    rf"^(?:[A-Z][\w ]{{0,20}}:\s*)?(?:In|Among|For)\s+(?:the\s+)?(?P<phrase>{_COHORT_LETTER})"
)
# "Inhibitor-naive cohort (n = 64).", "Cohort previously treated with one inhibitor (n = 38).":
# a heading that names the cohort the paragraph under it is about
_COHORT_HEADING = re.compile(
    # ("Efficacy, Cohort A": after what the lines under it report)
    r"(?:[A-Z][\w ]{0,40},\s*)?"
    r"(?P<phrase>(?:[\w/+-]+\s+){1,5}cohort|cohort\s+(?:[A-Z0-9]{1,2}\b|(?!\d)[^.;:(),]{1,80}?))\s*(?:\(\s*n\s*=\s*\d+\s*\))?\s*[.:]?",
    re.I,
)
# "Cohort 2 told a different story.": a lettered cohort as a sentence's subject; not the label
# of a registry line ("Cohort 2: ...")
_COHORT_SUBJECT = re.compile(rf"^(?P<phrase>{_COHORT_LETTER})(?!\s*[:|])")
# "the AKT pathway-altered population", "the melanoma expansion cohort", "the IC2/3 subgroup"; not
# everyone ("the overall population"), an arm ("the placebo cohort") or one named before ("the same
# population")
_GROUP_NAME = (
    r"(?!(?:overall|intent|intention|whole|entire|total|safety|efficacy|full|primary|study|trial|same|control|placebo|"
    r"all[- ]comers?)\b)"
    r"[\w/+<>\u2264\u2265=%\u2010-\u2013-]+(?:\s+[\w/+<>\u2264\u2265=.%\u2010-\u2013-]+){0,4}?\s+"
    r"(?:population|subgroup|subset|cohort|stratum)"
)
# "In the AKT pathway-altered population, ...", "In the melanoma expansion cohort (n = 22), ...",
# "In the cohort without PIK3CA mutations, ..."
_NAMED_POPULATION = re.compile(
    r"^(?:[A-Z][\w ]{0,20}:\s*)?(?:In|Among|For)\s+(?:the|that|this)\s+"
    rf"(?P<phrase>{_GROUP_NAME}"
    r"|(?:population|subgroup|subset|cohort|stratum)\s+(?:of\s+patients\s+)?(?:with|without)\s+[^,;()]{3,60}(?=,))\b",
    re.I,
)
# "Once again, the non-epithelioid subgroup fared best, with an OS hazard ratio of 0.51": the group
# as the subject of how it did
_SUBJECT_GROUP = re.compile(
    r"^(?:[A-Za-z]+(?:\s+[a-z]+)?,\s+)?the\s+"
    rf"(?P<phrase>{_GROUP_NAME})\s+(?=(?:fared|did|had|showed|derived|benefit\w*|gained|saw|achieved|experienced|"
    r"responded)\b)",
    re.I,
)
_QUALIFIED_GROUP = re.compile(
    r"\b(?:in|among|for)\s+(?:the|that|this|these)\s+"
    r"(?P<phrase>(?:pre-?treated|previously\s+treated|treatment[- ]na[iï]ve|untreated|"
    r"na[iï]ve|refractory|[\w/]+(?:-[\w/]+)*-(?:mutant|mutated|positive|negative|pre-?treated|na[iï]ve|refractory))\s+"
    r"(?:group|cohort|subgroup|population|patients))\b",
    re.I,
)
# a cohort or stratum stays in force; a subgroup is one sentence's
_COHORT_WORD = re.compile(r"\b(?:cohort|stratum)\b", re.I)
_ALL_PATIENTS = re.compile(
    # ("all patients with CPS >=10" are some of them)
    r"\b(?:all|overall|entire|whole|total)\s+(?:\w+\s+)?(?:patients|participants|population|cohort)\b"
    r"(?!\s+(?:with|who|whose|harbou?ring)\b)|"
    r"\ball[- ]comers?\b|\binten(?:t|tion)[- ]to[- ]treat\b",
    re.I,
)
# "... in patients with ESCC (": the population a bracket of figures is for
_POPULATION_BEFORE_BRACKET = re.compile(
    r"(?:\b(?:in|among|for|including)\s+|(?:,|\band\b)\s+)(?P<phrase>(?:the\s+|all\s+)?(?:(?!(?:in|among|for)\b)[\w-]+\s+)?"
    r"(?:patients|participants|those)"
    r"(?:\s+(?:with|without|whose|who|previously\s+(?:treated\s+with|given|exposed\s+to)|pre-?treated\s+with|"
    r"treated\s+(?:in|as|at|after|following|beyond)|"
    r"not\s+previously\s+treated\s+with)"
    r"\b[^,;()\[\]]{2,70}?)?|the\s+[^,;()\[\]]{2,40}?\s+(?:population|subgroup|cohort))"
    r"\s*$",
    re.I,
)
# "0.61 at TPS >=50% (median 9.0 vs 7.5 months)": the biomarker threshold a bracket's figures are for
_THRESHOLD_BEFORE_BRACKET = re.compile(
    r"\bat\s+(?P<phrase>[^,;()\d]{1,25}[\u2265\u2264<>]=?\s*\d+(?:\.\d+)?\s*%?)\s*$", re.I
)
# what an arm's patients were given, named by anaphor: "the drug", "the triplet", "study treatment"
_ARM_ANAPHOR = re.compile(
    r"(?:the\s+|this\s+|study\s+|active\s+)(?:(?:study|active|experimental|investigational|new|oral|same)\s+)?"
    r"(?:drug|agent|combination|doublet|triplet|regimen|treatment|therapy)\b",
    re.I,
)
# those a figure is measured in, no subgroup: "patients evaluable for response"
_EVALUABLE = re.compile(
    r"\b(?:evaluable|assessable|(?:could|can)\s+be\s+(?:evaluated|assessed)|(?:were|was)\s+evaluated\s+for)\b", re.I
)
# how a figure was read, not whose it is: "when the same scans were read using other criteria"
_HOW_ASSESSED = re.compile(
    r"\b(?:scans?|images?)\b|\b(?:were|was)\s+(?:read|re-?read|reviewed|re-?assessed|censored)\b", re.I
)
# "those previously treated with bevacizumab": a drug given before the trial names a subgroup
_PRIOR_TREATMENT = re.compile(r"\b(?:previously|prior|earlier|pre-?treated)\b", re.I)
# a subgroup's label before its ratio in a bracketed list: "(women, HR 0.71; men, HR 0.80)"
_LABEL_IN_BRACKET_LIST = re.compile(
    r"[(\[;]\s*(?P<label>(?!(?:stratified|unstratified|adjusted|overall|median)\b)[^,;:()\[\]=<>\d][^,;:()\[\]=<>]{1,39}?)"
    r"\s*[,:]\s*$",
    re.I,
)
_CLAUSE_POPULATION = re.compile(
    r"\b(?:in|among|including|incl\.)\s+(?:the\s+|all\s+)?(?:\d+\s+)?"
    # "in PD-L1-positive patients with measurable disease": a hyphenated qualifier may come first
    r"(?P<phrase>(?:[A-Za-z]\w*-[\w-]+\s+)?(?:patients|participants|those|pts|men|women|subjects|people|adults)\s+"
    r"(?:with|without|whose|who|aged|"
    r"younger|older|treated\s+(?:in|as|at|after|beyond)|previously\s+(?:treated|untreated|given|exposed)|pre-?treated)\b"
    r"(?:[^,;()\u2014]|\([^()]{1,20}\)){2,60}?"
    # "among 40 treatment-naive patients, ...": patients named by the treatment they had before
    r"|(?:[\w]+-na[iï]ve|untreated|pre-?treated|previously\s+(?:un)?treated)\s+(?:patients|participants))"
    r"(?=\s*[,;(\u2014]|\.(?:\s|$)|\s+(?:the|median|it|its|HR|was|were)\b)",
    re.I,
)
# "..., and in the HRD cohort it was ...", "median OS in the IC2/3 population was ...": a group
# named within a sentence
_CLAUSE_GROUP = re.compile(rf"\b(?:in|among)\s+the\s+(?P<phrase>{_GROUP_NAME})\b", re.I)
_CLAUSE_EVERYONE = re.compile(
    r"\b(?:in|among|across)\s+(?:all\s+(?:\w+\s+)?(?:patients|participants)(?!\s+(?:with|who|whose|harbou?ring)\b)|"
    r"the\s+(?:overall|whole|entire|total|"
    r"inten(?:t|tion)[- ]to[- ]treat)\s+(?:\w+\s+)?(?:population|patients|participants))\b"
    # "2.8 versus 1.9 months overall and 3.8 versus 1.9 months in patients with X"
    r"|\boverall\b(?=\s*(?:[,;.]|\band\b|\bbut\b|\bwhile\b|\bwhereas\b))",
    re.I,
)
# a figure for one dose level of an escalation: "25% at 60 mg/m2", "(40%) at the 115 mg/m² dose", "31% of
# patients in the 2 mg/kg arm"
_DOSE_LEVEL_AFTER = re.compile(
    r"\s*(?:\)\s*)?(?:\([^()]*\)\s*)?(?:of\s+(?:the\s+)?(?:patients|participants)\s+)?(?:at|with|in)\s+(?:the\s+)?(?P<dose>\d+(?:\.\d+)?\s*(?:mg|\u00b5g|mcg)(?:/(?:m\u00b2|m2|kg))?)",
    re.I,
)
_ANAPHORIC_SUBGROUP = re.compile(
    r"\b(?:(?:this|that|these|the same)\s+(?:[\w-]+\s+){0,2}?(?:subgroup|subset|population|cohort)|"
    r"(?:this|that|these)\s+groups?)\b",
    re.I,
)
_PATIENTS_HAD = re.compile(
    r"\b(?:patients|participants|people)\s+(?:had|have|carried|harbou?red|expressed)\s+(?:an?\s+)?"
    r"(?P<feature>[^,;.()]{3,60}?(?:\([^()]*\)[^,;.()]{0,30})?)(?=\s*[,;.])",
    re.I,
)
# "... focused on the 313 patients without a detectable alteration. In this subgroup, ..."
_PATIENTS_WHO = re.compile(r"\b(?:patients|participants|those)\s+(?:with|without|whose|who)\b[^,;.()]{3,60}", re.I)
_HAD_BEEN_GIVEN = re.compile(
    r"\b(?:had|have)\s+(?:already\s+|previously\s+)?(?:been\s+given|been\s+treated\s+with|received)\s+[^,;.()]{3,60}",
    re.I,
)
_TRAILING_COHORT = re.compile(
    # "31% in the 2.5 mg/kg cohort", "12 (30%; CI 17-46) of 40 patients in the 1 mg/kg cohort"
    r"^(?:[^()]*\))?\s*(?:\((?:[^()]|\([^()]*\))*\)\s*)?(?:of\s+\d+\s+(?:(?:patients|participants)\s+)?)?"
    r"in\s+(?:the\s+(?P<name>[\w/. \u2013-]{2,30}?)\s+cohorts?\b|"
    rf"(?:the\s+)?(?P<label>{_COHORT_LETTER}))",
    re.I,
)
_LETTERED_COHORT = re.compile(rf"\b{_COHORT_LETTER}")
# a ratio's subgroup named right after it: "HRs were 0.46 for good-risk and 0.47 for poor-risk
# disease", "0.69 in high-volume disease"; not an arm ("0.52 for the triplet"), a count ("in 361
# patients"), an event ("for death") or a group named as a whole ("in each arm")
_TRAILING_RATIO_GROUP = re.compile(
    r"\s*\)?\s*(?:\((?:[^()]|\([^()]*\))*\)\s*)?(?:for|in|among|at(?=\s[^,;()]{1,25}[\u2265\u2264<>]))\s+"
    r"(?!(?:(?:the|a)\s+)?(?:\d|(?:each|every|both|all|either|death|progression|events?|comparison|survival|"
    r"recurrence|relapse|intention|overall|combination|triplet|doublet|monotherapy|control|experimental)\b))"
    r"(?:the\s+|a\s+)?(?P<phrase>[^,;:()\[\]]{3,60}?)(?=\s*(?:[,;:.()\]]|\b(?:and|while|whereas|but|respectively)\b|$))",
    re.I,
)
# what a p-value is "for": the test, not a subgroup ("p=0.049 for log-rank analysis")
_STATISTICS = re.compile(
    r"\b(?:analys[ie]s|tests?|non-?inferiority|superiority|interaction|log-?rank|heterogeneity|trend|significance)\b",
    re.I,
)
_NOT_A_GROUP = frozenset({"drug", "class", "regimen", "placebo", "trial", "nct", "endpoint", "phase"})
# "the ORR in cohort A was 37%": a lettered cohort named in the figure's clause, before it
_COHORT_BEFORE = re.compile(
    rf"\b(?:in|for|of)\s+(?:the\s+)?(?P<label>{_COHORT_LETTER})[^,;()\d]*$"
    # a cell that opens on its group's label: "%: Group 1 61.0 | Group 2 58.4"
    r"|(?:^|[|:])\s*(?P<cell>(?:group|cohort)\s+[A-Z0-9]{1,2})\s*[:=]?\s*$",
    re.I,
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


_DISEASE_SUBGROUP = (
    re.compile(r"^(?:In|Among)\s+(?:(?:patients|those)\s+with\s+)?(?P<phrase>[\w' -]{3,40}?)\s*,"),
    re.compile(r"\bin\s+(?:(?:patients|those)\s+with\s+)?(?P<phrase>[\w' -]{3,40}?),\s+where\b"),
)
# "Key figures presented (tumour-cell PD-L1 >=1%):": a bracket right before the line's colon
_LIST_HEADING_POPULATION = re.compile(r"\((?P<phrase>[^()]{2,50})\)\s*:\s*$")
_THRESHOLD = re.compile(r"[<>\u2264\u2265]|\b(?:positive|negative|mutant|mutated|high|low)\b", re.I)


class SubgroupReader:
    """Names the subgroup of each figure, keeping from one sentence to the next the cohort in
    force and the last sentence's subgroup (for "in this subgroup")."""

    def __init__(self, reading: Reading) -> None:
        self.reading = reading
        self.last: str | None = None  # the subgroup of the last sentence with figures
        self._cohort: str | None = None  # a cohort subgroup that later sentences continue
        self._list_heading: str | None = None  # the population a line introducing a bulleted list names
        self._last_groups: list[str] = []  # the groups the last sentence with figures gave figures for
        self._headed = False  # whether the cohort in force comes from a heading line

    def note_line(self, sentence: Sentence) -> None:
        """Keep the population a line that introduces a bulleted list names in brackets ("Key
        figures (PD-L1 of 1% or more):"), for the bullets under it; any other line ends it."""
        if list_label(sentence):
            return
        self._list_heading = None
        heading = _LIST_HEADING_POPULATION.search(sentence.text)
        if heading is None:
            return
        start, end = sentence.start + heading.start("phrase"), sentence.start + heading.end("phrase")
        marker = any(start <= m.start < end for m in sentence.of("gene", "variant"))
        if marker or _THRESHOLD.search(heading.group("phrase")):
            self._list_heading = subgroup_label(heading.group("phrase"))

    def note_sentence(self, sentence: Sentence) -> None:
        """Keep the cohort a sentence opens on, with figures or not ("In cohort 1, 266 patients
        were assigned to A or B."), for the figures after it in its paragraph; a new paragraph, or
        a sentence that speaks of all patients, ends it."""
        # a heading line ("Efficacy, Cohort A") holds for the lines under it, up to a blank line
        new_block = self.reading.starts_paragraph(sentence) and not (
            self._headed and not self.reading.blank_line_before(sentence)
        )
        if new_block or _ALL_PATIENTS.search(sentence.text):
            self._cohort, self._headed = None, False
        heading = _COHORT_HEADING.fullmatch(sentence.text.strip())
        opening = _LABELLED_COHORT.search(sentence.text) or _COHORT_SUBJECT.match(sentence.text) or heading
        if opening and self._is_subgroup(opening.group("phrase")):
            self._cohort = subgroup_label(opening.group("phrase"))
            self._headed = opening is heading and self.reading.own_line(sentence)

    def sentence_subgroup(self, sentence: Sentence, trial: TrialState) -> tuple[str | None, int]:
        """The subgroup a sentence's figures are for, with where the sentence names it (0 when it
        does not). A cohort named at the head of a sentence ("In the primary cohort of patients with
        HR-positive disease, ...") stays in force for the sentences after it in its paragraph until
        one speaks of all patients (``note_sentence``)."""
        text = sentence.text
        for pattern in (
            _LABELLED_COHORT,
            _NAMED_POPULATION,
            _SUBJECT_GROUP,
            *_LEADING_SUBGROUP,
            _QUALIFIED_GROUP,
            _CLAUSE_GROUP,
            _CLAUSE_POPULATION,
        ):
            match = pattern.search(text)
            if (
                match
                and self._is_subgroup(match.group("phrase"))
                and not self._names_population(sentence, match.start("phrase"), match.end("phrase"), trial)
                and not self._names_an_arm(sentence, match.start("phrase"), match.end("phrase"))
            ):
                label = subgroup_label(match.group("phrase"))
                self._cohort = label if _COHORT_WORD.search(match.group()) else None
                return label, match.start()
        for match in (m for pattern in _DISEASE_SUBGROUP for m in pattern.finditer(text)):
            # "In leiomyosarcoma, median OS was ...", "... concentrated in liposarcoma, where ...":
            # one of the trial's several diseases
            start, end = match.start("phrase"), match.end("phrase")
            diseases = [m for m in sentence.of("disease") if start <= sentence.local(m.start) < end]
            if diseases and len(trial.diseases) > 1 and not self._names_population(sentence, start, end, trial):
                return subgroup_label(match.group("phrase")), match.start()
        anaphor = _ANAPHORIC_SUBGROUP.search(text)
        if anaphor:
            # "85% of participants had a CPS of 1 or higher, and in this group ...": named before it
            own = [*_PATIENTS_HAD.finditer(text, 0, anaphor.start())]
            if own:
                return subgroup_label(own[-1].group("feature")), 0
            previous = self.reading.sentences[sentence.index - 1].text if sentence.index else ""
            phrase = _group_named_in(previous)
            return self.last or (subgroup_label(phrase) if phrase else None) or self._cohort, 0
        return self._cohort, 0

    def clause_subgroup(self, sentence: Sentence, value: Value, trial: TrialState, first: int) -> str | None:
        """Of two populations or more a sentence names in turn ("in patients with high PD-L1 expression,
        ... (HR 0.65), while among those with CPS below 1 the HR was 0.92"), the last named before
        the figure ("" when that is all patients); None when the sentence names fewer. When the
        sentence names its first population after its first figure (``first``), each population
        follows its figures ("15.0 versus 14.0 months in the total population and 17.2 versus
        13.9 months for those with a high mutational burden"): the first named after the figure."""
        named: list[tuple[int, int, str]] = [
            (match.start(), match.end(), subgroup_label(match.group("phrase")))
            for match in _CLAUSE_POPULATION.finditer(sentence.text)
            if self._is_subgroup(match.group("phrase"))
            and not self._names_population(sentence, match.start("phrase"), match.end("phrase"), trial)
        ]
        named += [(m.start(), m.end(), subgroup_label(m["phrase"])) for m in _CLAUSE_GROUP.finditer(sentence.text)]
        named += [(match.start(), match.end(), "") for match in _CLAUSE_EVERYONE.finditer(sentence.text)]
        if len(named) < 2:
            return None
        named.sort()
        if named[0][0] > first:
            return next((label for start, _end, label in named if start >= value.end), None)
        before = [label for _start, end, label in named if end <= value.start]
        return before[-1] if before else None

    def bullet_subgroup(self, sentence: Sentence) -> str | None:
        """The subgroup a bulleted line's label names: "- BRCA-mutated (n=120): 30.1 vs 14.2 months"
        under a line announcing results by subgroup. A label that names an arm, an endpoint or
        all patients is not a subgroup."""
        line = list_label(sentence)
        if line is None:
            return None
        start, end = sentence.start + line.start("label"), sentence.start + line.end("label")
        if any(start <= m.start < end for m in sentence.mentions if m.kind not in {"gene", "disease"}):
            return self._list_heading
        label = line.group("label")
        if ARM_LABEL.search(label) or _ALL_PATIENTS.search(label):
            return self._list_heading
        return subgroup_label(re.sub(r"\s*\([^()]*\)", "", label)) or self._list_heading

    @staticmethod
    def _names_an_arm(sentence: Sentence, start: int, end: int) -> bool:
        """Whether a group phrase names what an arm was given ("the pembrolizumab-chemotherapy
        group"), not the patients' kind; a therapy they had before ("the previously treated group")
        qualifies them."""
        if not re.search(r"\b(?:group|arm)$", sentence.text[start:end], re.I):
            return False  # "patients who had received immunotherapy": what they had before
        return sentence.names_given(start, end) and not _PRIOR_TREATMENT.search(sentence.text, start, end)

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
        if _EVALUABLE.search(phrase) and not _PRIOR_TREATMENT.search(phrase):
            # "those evaluable for response", "patients whose disease could be evaluated": the
            # analysis set; "those previously treated with A who were evaluable" a subgroup still
            return False
        if _HOW_ASSESSED.search(phrase):
            return False  # "when the same scans were read using other criteria": a reading, no patients
        # "patients who received placebo plus docetaxel" are an arm, not a subgroup ("patients who
        # received the recommended dose" are)
        given = re.search(
            r"(?<!\bhad\s)\b(?:received|given|assigned\s+to|allocated(?:\s+to)?|treated\s+with)\s+"
            r"(?!(?:prior|previous|earlier)\b)(?P<what>.*)$",
            phrase,
            re.I,
        )
        if given is None or _PRIOR_TREATMENT.search(phrase):
            return True
        if _ARM_ANAPHOR.match(given.group("what")):
            return False  # "patients who received the drug", "those given the triplet": an arm
        words = re.findall(r"[\w-]+", given.group("what").casefold())[:3]
        return not ("placebo" in words or self._names_a_drug(words))

    def _names_a_drug(self, words: list[str]) -> bool:
        spellings = self.reading.lexicon.drug_by_synonym()
        return any(word in spellings for word in words)

    @staticmethod
    def _names_population(sentence: Sentence, start: int, end: int, trial: TrialState) -> bool:
        """Whether a phrase of the sentence names the trial's disease: "patients with NRAS-mutant
        melanoma" is the population, "patients with prior immunotherapy" a subgroup, and so is
        "those with colorectal cancer" in a trial of several diseases. Patients as many as the
        trial enrolled ("32% of 87 patients with FGFR alterations" of an 87-patient trial) are its
        population, whatever the phrase says of them."""
        counted = _COUNT_BEFORE.search(sentence.text, 0, start) or _COUNT_FIRST.match(sentence.text, start, end)
        if counted and trial.n_enrolled is not None and int(counted["count"].replace(",", "")) == trial.n_enrolled:
            return True
        diseases = {m.key for m in sentence.of("disease") if start <= sentence.local(m.start) < end}
        if not diseases:
            return False
        # a disease the trial's design did not name, or one of several it did, narrows the
        # population ("among 40 patients with lung cancer" in a solid-tumour basket trial)
        return not trial.diseases or (diseases <= trial.diseases and len(trial.diseases) == 1)

    def bracket_subgroup(self, sentence: Sentence, value: Value, trial: TrialState) -> str | None:
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
            threshold = _THRESHOLD_BEFORE_BRACKET.search(text[:opening])
            return subgroup_label(threshold.group("phrase")) if threshold else None
        phrase = named.group("phrase")
        prior = _PRIOR_TREATMENT.search(phrase)
        if not prior and (
            re.search(r"-treated\b", phrase, re.I) or self._names_a_drug(re.findall(r"[\w-]+", phrase.casefold()))
        ):
            return None  # "in the trametinib-treated patients (4% with docetaxel)": an arm
        if _ALL_PATIENTS.search(phrase) or not self._is_subgroup(phrase):
            return ""
        start, end = named.start("phrase"), named.end("phrase")
        if self._names_population(sentence, start, end, trial):
            return ""
        return subgroup_label(phrase)

    def value_subgroup(self, sentence: Sentence, value: Value, trial: TrialState) -> str | None:
        text = sentence.text
        cohort = _TRAILING_COHORT.match(text[value.end :]) or _COHORT_BEFORE.search(text[: value.start])
        if cohort:
            return subgroup_label(cohort["label"] or cohort.groupdict().get("cell") or cohort["name"] + " cohort")
        dose = _DOSE_LEVEL_AFTER.match(text, value.end)
        if dose:
            return f"{' '.join(dose['dose'].split())} dose level"  # "1/4 (25%) at 60 mg/m2"
        named_before = {" ".join(m.group().casefold().split()) for m in _LETTERED_COHORT.finditer(text, 0, value.start)}
        if len(named_before) == 1 and not _ALL_PATIENTS.search(text, 0, value.start):
            return named_before.pop()  # "the ORR in cohort A was 37%, and the DCR was 82%"
        trailing = _TRAILING_SUBGROUP.match(text[value.end :])
        if trailing and self._is_subgroup(trailing.group("phrase")):
            start, end = value.end + trailing.start("phrase"), value.end + trailing.end("phrase")
            if not self._names_population(sentence, start, end, trial):
                return subgroup_label(trailing.group("phrase"))
        if value.measure == "HR":
            ratio_group = self._trailing_ratio_group(sentence, value, trial)
            if ratio_group:
                return ratio_group
        else:
            kind = _TRAILING_TUMOUR_KIND.match(text, value.end)
            if kind and not self._names_population(sentence, kind.start("phrase"), kind.end("phrase"), trial):
                return subgroup_label(kind.group("phrase"))
        listed = _LABEL_IN_BRACKET_LIST.search(text, 0, value.start) if value.measure == "HR" else None
        if listed and not any(
            listed.start("label") < sentence.local(m.end)
            for m in sentence.of("endpoint")
            if sentence.local(m.start) < listed.end("label")
        ):
            return subgroup_label(listed.group("label"))  # "(women, HR 0.71; men, HR 0.80)"
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

    def _trailing_ratio_group(self, sentence: Sentence, value: Value, trial: TrialState) -> str | None:
        named = _TRAILING_RATIO_GROUP.match(sentence.text, value.end)
        if named is None:
            return None
        start, end = named.start("phrase"), named.end("phrase")
        phrase = named.group("phrase")
        if (
            any(start < sentence.local(m.end) and sentence.local(m.start) < end for m in sentence.of(*_NOT_A_GROUP))
            or ARM_LABEL.search(phrase)
            or _ALL_PATIENTS.search(phrase)
            or re.search(r"\b(?:arm|group|regimen|schedule|trial|study)s?$", phrase, re.I)
            or _STATISTICS.search(phrase)
            or not self._is_subgroup(phrase)
            or self._names_population(sentence, start, end, trial)
        ):
            return None
        return subgroup_label(phrase)

    @staticmethod
    def part(trial: TrialState) -> str | None:
        """The cohort a trial's results come from when they are of one phase of a multi-phase
        trial: the phase 2 part of a phase 1/2 trial; the phase 3 part of a phase 2/3 trial is the
        randomised comparison the trial was run for, no cohort of it."""
        if trial.part_phase and trial.phase and trial.part_phase not in {trial.phase, "3"}:
            return f"phase {trial.part_phase} cohort"
        return None

    def remember(self, sentence: Sentence, subgroup: str | None, groups: list[str | None]) -> None:
        """Keep the subgroup of a sentence with figures for the next one; a sentence that names
        none keeps the one before only when it refers back to it ("in this subgroup"). Keep
        too the groups its figures were for, in order, for "in the two groups, respectively"."""
        self.last = subgroup or (self.last if _ANAPHORIC_SUBGROUP.search(sentence.text) else None)
        self._last_groups = list(dict.fromkeys(group for group in groups if group))

    def earlier_group_in_turn(self, sentence: Sentence, value: Value, values: list[Value]) -> str | None:
        """ "Among 87 pretreated patients ... 61%; among 27 untreated ones ... 70%. Median PFS was
        17.1 and 9.1 months in the two groups, respectively": a list that names the groups of the
        sentence before only by number takes them in turn."""
        members = _list_of(value, values)
        if len(members) < 2 or len(members) != len(self._last_groups):
            return None
        if not _GROUPS_RESPECTIVELY.match(sentence.text, members[-1].end):
            return None
        return self._last_groups[members.index(value)]


_LATER_CLAUSE = re.compile(r";|,\s+(?:and|but|while|whereas|yet)\s", re.IGNORECASE)


def named_after(sentence: Sentence, value: Value, named_at: int) -> bool:
    """Whether a sentence names its own subgroup (at ``named_at``) in a later clause than the
    figure: "was 12.3 months (...); among responders at 10 mg it was not reached", "(HR 0.63),
    and the effect held among patients with ... (HR 0.64)"."""
    return value.end < named_at and _LATER_CLAUSE.search(sentence.text, value.end, named_at) is not None


def _list_of(value: Value, values: list[Value]) -> list[Value]:
    """The figures of the list a figure is in, in the sentence's order ([] when it is in none)."""
    if value.list_id is None:
        return []
    return sorted((v for v in values if v.list_id == value.list_id), key=lambda v: v.start)


def cohort_in_turn(sentence: Sentence, value: Value, values: list[Value]) -> str | None:
    """ "7.0 months in cohort A, 2.1 in cohort B and 1.7 in cohort C; median OS was 17.5, 6.7
    and 4.0 months, respectively": a list closed by "respectively" takes the lettered cohorts
    the sentence named last before it, in their order."""
    members = _list_of(value, values)
    if not members or not RESPECTIVELY.search(sentence.text, members[-1].end):
        return None
    before = _LETTERED_COHORT.finditer(sentence.text, 0, members[0].start)
    named = [" ".join(m.group().casefold().split()) for m in before]
    cohorts = named[-len(members) :]
    return cohorts[members.index(value)] if len(set(cohorts)) == len(members) else None


# "... in the two groups, respectively", "in both cohorts, respectively": groups named before
_GROUPS_RESPECTIVELY = re.compile(
    r"(?:[^.;]|\.\d)*?\b(?:in|for|among)\s+(?:the|these|both|each\s+of\s+the)\s+(?:(?:two|three|four|respective)\s+)?"
    r"(?:groups|cohorts|populations|subgroups|subsets|strata)\b[^.;]*?\brespectively\b",
    re.I,
)
# "0.36, 0.51 and 0.64 for the high, low and negative categories": one group per figure, in turn
_GROUPS_AFTER_LIST = re.compile(
    r"\s*(?:\)\s*)?(?:for|in|among)\s+(?:the\s+)?(?P<labels>[^;:.()]{3,120}?)\s+"
    r"(?:categories|subgroups|groups|strata|subsets|populations|cohorts)\b",
    re.I,
)
_LIST_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", re.I)


def _group_named_in(text: str) -> str | None:
    """The group a sentence names, for "this subgroup" in the sentence after it: patients with
    or who ..., a qualified cohort ("... in the PIK3CA-mutated cohort"), or those given a therapy
    ("... and four in ten had already been given CAR T-cell therapy")."""
    named = _PATIENTS_WHO.search(text)
    if named:
        return named.group()
    qualified = _QUALIFIED_GROUP.search(text)
    if qualified:
        return qualified.group("phrase")
    treated = [*_HAD_BEEN_GIVEN.finditer(text)]
    return treated[-1].group() if treated else None


def group_in_turn(sentence: Sentence, value: Value, values: list[Value]) -> str | None:
    """The group a list of figures names for each, in order, right after its last figure."""
    members = _list_of(value, values)
    named = _GROUPS_AFTER_LIST.match(sentence.text, members[-1].end) if members else None
    if named is None or len(members) < 2:
        return None
    start, end = named.span("labels")
    if sentence.names_given(start, end):
        return None  # "in the A and placebo groups, respectively": the arms, no subgroups
    labels = [label for label in _LIST_SEPARATOR.split(named.group("labels")) if label.strip()]
    return subgroup_label(labels[members.index(value)]) if len(labels) == len(members) else None


def in_subgroup_phrase(text: str, sentence: Sentence, position: int) -> bool:
    before = text[sentence.start : position]
    clause = re.split(r"[,;]", before)[-1]
    return bool(re.search(r"\b(?:among|subgroup|who had|whose)\b", clause, re.I)) and bool(
        _PRIOR_IN_PHRASE.search(clause)
    )
