"""The figures a sentence reports, each with the endpoint it is for, and the Result a figure
becomes once it is tied to a trial and an arm.

The figures come from :mod:`ingest.numbers` (durations, percentages, hazard ratios); each takes
the endpoint named nearest before it (else just after it, as in "34.7 percent responded").
Figures joined by "versus", "and" or "from ... to" form a list that names its arms in turn.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ingest.mentions import Sentence
from ingest.numbers import Landmark, Quantity, find_hazard_ratios, find_landmarks, find_p_values, find_quantities
from ingest.trial_state import TrialState

TIME_ENDPOINTS = frozenset({"PFS", "OS", "DOR"})
RATE_ENDPOINTS = frozenset({"ORR", "DCR"})
# a share of patients alive, or alive without progression, at a landmark time ("2-year OS 41%")
LANDMARK_ENDPOINTS = frozenset({"PFS", "OS"})

# how common a marker is ("KRAS mutations in 30%", "95% had X-positive tumours"): stops rates, not ratios
_PREVALENCE = re.compile(
    r"\b(?P<at>prevalence|mutations?|altered|[\w.]+-(?:positive|negative)\s+(?:tumou?rs?|disease|cancers?))\b", re.I
)
_PATIENTS_WITH_BEFORE = re.compile(
    r"\b(?:patients|participants|those|tumou?rs)\s+(?:with|whose|harbou?ring|carrying|bearing)\s+(?:[\w/+-]+\s+){0,3}$",
    re.I,
)
_CUES: tuple[tuple[re.Pattern[str], str | None], ...] = (
    # second progression (PFS2) and time to treatment failure are not PFS; a complete response
    # rate is not the objective response rate (a partial response rate is, when none was complete)
    (
        re.compile(
            r"\b(?P<at>time to (?:second|subsequent) (?:disease )?progression|second (?:disease )?progression|"
            r"PFS2|time to (?:treatment )?failure|TTNT|"
            # endpoints the graph does not report: event-, disease-, relapse-free survival, TTP
            r"(?!progression\b)[\w-]+[- ]free survival|"
            # "time to symptomatic progression", "time to initiation of chemotherapy": only "time to
            # progression or death" is PFS
            r"i?DFS|EFS|RFS|MFS|TTP|time to (?!(?:[\w-]+ )?progression or death\b)[\w-]+)\b",
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
    # a molecular, cytogenetic, pathological, PSA or pain response is not an objective (radiological) one
    (
        re.compile(
            r"\b(?P<at>(?i:(?:(?:major|complete|deep|partial|overall)\s+)?(?:molecular|cytogenetic|ha?ematologic(?:al)?|"
            r"patholog(?:ic|ical)|metabolic|serologic(?:al)?|PSA|biochemical|pain|symptom(?:atic)?)\s+respon\w*)|"
            # "PSA declines of at least 50% in 45%": a marker's fall, no tumour response
            r"(?i:PSA\s+(?:declines?|decreases?|reductions?|falls?))|(?i:(?:minimal|measurable)\s+residual\s+disease)|"
            r"MMR|CCyR|MRD|pCR)\b"
        ),
        None,
    ),
    (re.compile(r"\b(?P<at>time (?:before|to) (?:disease )?progression or death)\b", re.I), "PFS"),
    # "24.0% were alive and free of progression at 18 months", "82% were progression-free at 1 year"
    (
        re.compile(
            r"\b(?P<at>(?:alive\s+(?:and\s+)?)?(?:(?:free\s+(?:of|from)|without)\s+"
            r"(?:(?:disease|radiographic|radiological|radiologic)\s+)?progression|"
            r"progression[- ]free(?![- ]survival)))\b",
            re.I,
        ),
        "PFS",
    ),
    (re.compile(r"\b(?P<at>alive|still living|survived)\b", re.I), "OS"),
    # "hazard ratio for disease progression or death", "HR for death"
    (re.compile(r"\b(?P<at>(?:disease )?progression or death|death or (?:disease )?progression)\b", re.I), "PFS"),
    (re.compile(r"\b(?P<at>death|mortality)\b", re.I), "OS"),
    # survival unqualified is overall survival ("the survival benefit held in ..."); the
    # qualified kinds are endpoint mentions of their own, or not reported here
    (re.compile(r"(?<!free )(?<!-free )\b(?P<at>survival)\b", re.I), "OS"),
    (re.compile(r"\b(?P<at>disease\b[^.;,]{0,30}\bcontrol\w*|controlled (?:their )?disease)\b", re.I), "DCR"),
    (re.compile(r"(?<!complete )(?<!duration of )\b(?P<at>respon(?:se|ses|ded|ding|ders?))\b", re.I), "ORR"),
    (
        re.compile(
            r"\b(?P<at>adverse (?:events?|reactions?)|toxicit\w+|grade\s+\d|serious|side effects?|follow-up|followed|"
            r"time frame|odds ratio|crossed over|cross over|discontinu\w+|dose reductions?|clinical benefit)\b",
            re.I,
        ),
        None,
    ),
    (_PREVALENCE, None),
)
_ABOUT = r"(?:(?:about|approximately|roughly|nearly|almost|around|some)\s+)?"
_NOT_A_RESULT_BEFORE = re.compile(
    # ("similar at 40% and 43%" gives the figures themselves)
    rf"\b(?:(?<!similar )(?<!comparable )(?<!identical )(?<!steady )at|after|within|up to|every|by|for up to|over|"
    rf"beyond|until|than|least|landmark|aged?)\s*{_ABOUT}$"
    # a threshold: "stable disease lasting \u226524 weeks"
    r"|(?:[<>\u2264\u2265]=?|=>)\s*$"
    # a difference between arms: "an improvement of 9.4 months", "a gain in median OS of nearly 4 months"
    r"|\b(?:improvement|gain|difference|prolongation|extension|increase|reduction|benefit)\s+"
    rf"(?:in\s+(?:median\s+)?[\w-]+(?:\s+[\w-]+)?\s+)?of\s*{_ABOUT}$",
    re.I,
)
# "among those with X the corresponding rates were 26.8% and 8.2%": the rates before, for others
_CORRESPONDING_RATES = re.compile(
    r"\b(?:the\s+)?(?:corresponding|respective|equivalent)\s+(?:rates?|figures|values|proportions|percentages)\s+"
    r"(?:was|were)[\s,:(]*(?:\d+(?:\.\d+)?\s*%?\s*(?:vs\.?|versus|and|or|,)\s*)?$",
    re.I,
)
# "a modest gain, 8.1 versus 5.4 months (HR 0.68)": two arms' medians, the ratio right after them
_PAIR_BEFORE_RATIO = re.compile(
    r"\d+(?:\.\d+)?\s*(?:months?|weeks?)?\s*(?:vs\.?|versus)\s*\d+(?:\.\d+)?\s*(?:months?|weeks?)\s*"
    r"[(\[;,]\s*(?:HR|hazard\s+ratio)\b",
    re.I,
)
_AT_BEFORE = re.compile(r"\bat\s*$", re.I)
# ("stood at 72.6% with the drug compared with 60.1% without it")
_COMPARED_AFTER = re.compile(
    r"\s*(?:months?|weeks?|%)?\s*(?:(?:with|in|for|on)\s+[^,;.()\d]{1,40}?\s+)?(?:versus|vs\.?|compared\s+with)\s+\d",
    re.I,
)
# "a 6.5% absolute difference", "4.1 months longer": a gap between arms, not an arm's result
_A_DIFFERENCE_AFTER = re.compile(
    r"\s*(?:(?:absolute|relative)\s+)?(?:difference|improvement|gain|reduction|increase|decrease|"
    r"longer|shorter|lower|higher|greater|fewer)\b",
    re.I,
)
# "in 64% and 59% of responders": a share of the responders, not a response rate
_OF_RESPONDERS = re.compile(
    r"^[^.;]{0,30}?\bof\s+(?:the\s+|those\s+|these\s+)?(?:responders|responding\s+patients|responses)\b", re.I
)
_LIST_GAP = re.compile(
    r"^\s*(?:months?|weeks?|%|percent)?\s*(?:\((?:[^()]|\([^()]*\))*\)\s*|\[[^\[\]]*\]\s*)?,?\s*"
    r"(?:and|or|versus|vs\.?|v\.?|to|compared with|as against|against|,)\s*$",
    re.I,
)
_DEFINITION = re.compile(r",\s*defined\s+as\b[^,;]*|\(\s*defined\s+as\b[^()]*\)", re.I)
RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
_RESPECTIVELY_AFTER = re.compile(r"\s*(?:months?|weeks?|%)?\s*(?:\([^()]*\)\s*)?,?\s*respectively\b", re.I)
# endpoints named in a list: "progression-free and overall survival", "PFS, OS and ORR"
_ENDPOINT_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)", re.I)
_GENERALISATION = re.compile(r"\b(?:rarely|seldom|typically|usually|generally|historically|commonly)\b", re.I)
# "- HRD-positive (n=387): 37.2 vs 17.7 months": a bulleted line under its label
_BULLET_LINE = re.compile(r"^\s*[\u2022\u25aa\u25e6\u2023\u00b7*\u2013-]\s*(?P<label>[^:;\d][^:;]{1,60}?)\s*:")
_ITEM_LINE = re.compile(r"^\s*(?P<label>[^:;\d][^:;]{1,60}?)\s*:")


def list_label(sentence: Sentence) -> re.Match[str] | None:
    """The label of a list item, bulleted ("- KRAS-altered (n=40): ...") or set under a heading line
    ("Results by group:" then "MRD-negative: 30.1 vs. 24.3 months")."""
    return _BULLET_LINE.match(sentence.text) or (_ITEM_LINE.match(sentence.text) if sentence.list_item else None)
# "the median was 11.3 months versus 6.8 months": a median whose endpoint an earlier sentence named
_BARE_MEDIAN = re.compile(
    # "the corresponding figures were 12.2 and 10.4 months": the endpoint of the figures before
    r"(?:\bmedians?\b(?:\s+(?:was|were|of))?|\bit\s+was|\b(?:the|corresponding|respective|equivalent)\s+"
    r"(?:figures|values|medians|numbers)\s+(?:was|were))[\s,:(]*"
    r"(?:\d+(?:\.\d+)?\s*(?:months?|weeks?)?\s*(?:vs\.?|versus|and|or|,)\s*)?$",
    re.I,
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
    timepoint: str | None = None  # the landmark of a PFS or OS rate: "2 years"


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
    timepoint: str | None = None


def find_values(
    sentence: Sentence,
    last_time_endpoint: str | None,
    heading_endpoint: str | None = None,
    last_rate: tuple[str, str | None] | None = None,
) -> list[Value]:
    """The figures of a sentence that are results, each with its endpoint; a ratio or a bare
    median whose sentence names no endpoint takes ``last_time_endpoint``, that of the figures
    before it, and "the corresponding rates were 26.8% and 8.2%" the endpoint and time of the
    rates before (``last_rate``); a figure left without one under an outcome's heading takes the
    heading's endpoint when it fits the figure."""
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
        # "longer, at 3.7 versus 2.0 months": figures compared, no time they were taken at
        compared = _AT_BEFORE.search(text[: quantity.start]) and _COMPARED_AFTER.match(text, quantity.end)
        if (
            any(s <= quantity.start < e for s, e in hr_spans)
            or (_NOT_A_RESULT_BEFORE.search(text[: quantity.start]) and not compared)
            or _A_DIFFERENCE_AFTER.match(text, quantity.end)
        ):
            continue
        values.extend(_expand(text, quantity))
    for ratio in ratios:
        values.append(
            Value(
                ratio.value,
                None,
                ratio.start,
                ratio.end,
                "HR",
                ci=interval(ratio.ci_low, ratio.ci_high),
                p=p_value(ratio.p_op, ratio.p_value),
            )
        )
    values.sort(key=lambda v: v.start)
    cues = _cues(sentence)
    kept = []
    named = any(endpoint is not None for _s, _e, endpoint in cues)
    # "the effect held in both mutation subgroups (... HR 0.17)": a prevalence word stops rates only
    ratio_cues = [c for c in cues if not (c[2] is None and _PREVALENCE.fullmatch(text[c[0] : c[1]]))]
    bare_before = False  # "it was 31.9 versus 20.5 months, and in X 23.5 versus 17.3 months"
    chained = _chain_ends(text, values, cues)
    landmarks = find_landmarks(text)
    # a share counted at a landmark is of those alive: "1-year mortality of 12%" is no survival rate
    landmark_cues = [(s, e, None if _DEATH.search(text, s, e) else endpoint) for s, e, endpoint in cues]
    for value in values:
        own_cues = ratio_cues if value.measure == "HR" else cues
        landmark = _landmark_of(text, value, landmarks)
        value_cues = own_cues if landmark is None else landmark_cues
        value.endpoint = _endpoint(value, value_cues, text, chained.get(id(value), value.end), landmark is not None)
        if landmark is not None and value.endpoint in LANDMARK_ENDPOINTS:
            value.timepoint = landmark.label
        blocked = any(endpoint is None and end <= value.start for _s, end, endpoint in own_cues)
        bare_median = value.unit in {"months", "weeks"} and bool(
            bare_before
            or _BARE_MEDIAN.search(text[: value.start])
            or list_label(sentence)
            or _PAIR_BEFORE_RATIO.match(text, value.start)
        )
        if value.unit in {"months", "weeks"}:
            bare_before = bare_median and not named
        if value.endpoint is None and heading_endpoint in _HEADING_FITS[value.measure] and not (named or blocked):
            value.endpoint = heading_endpoint  # "Secondary outcome: ORR" over "Drug A: 14/207 (6.8%)"
        if (
            value.endpoint is None
            and value.unit == "%"
            and last_rate is not None
            and _CORRESPONDING_RATES.search(text[: value.start])
            and not blocked
        ):
            value.endpoint, value.timepoint = last_rate
        if value.measure == "rate" and value.endpoint is not None:
            last_rate = (value.endpoint, value.timepoint)  # for the sentence's own "corresponding rates"
        if value.endpoint is None and (value.measure == "HR" or bare_median) and not (named or blocked):
            # "The hazard ratio was 0.43 among ...", "the median was 11.3 months versus ...": the
            # endpoint of the figures before
            value.endpoint = last_time_endpoint
        if value.endpoint is None or (value.unit == "%" and _OF_RESPONDERS.match(text[value.end :])):
            continue
        if value.measure != "HR" and value.p is None:
            following = next((p for p in p_values if 0 <= p.start - value.end <= 25), None)
            value.p = (following.op, following.value) if following else None
        kept.append(value)
    _endpoints_in_turn(text, kept, cues)
    _link_lists(text, kept)
    return kept


def _endpoints_in_turn(text: str, values: list[Value], cues: list[tuple[int, int, str | None]]) -> None:
    """ "the 24-month progression-free and overall survival rates were 48.3% and 68.7%,
    respectively": a list of figures closed by "respectively" after a list of as many endpoints
    takes one endpoint each, in order."""
    for index in range(len(values)):
        run = [values[index]]
        while index + len(run) < len(values) and _LIST_GAP.match(text[run[-1].end : values[index + len(run)].start]):
            run.append(values[index + len(run)])
        if len(run) < 2 or not _RESPECTIVELY_AFTER.match(text, run[-1].end):
            continue
        before = [c for c in cues if c[1] <= run[0].start]
        named = before[-len(run) :]
        if len(named) != len(run) or any(
            not _ENDPOINT_LIST_GAP.fullmatch(text[first[1] : second[0]]) for first, second in itertools.pairwise(named)
        ):
            continue
        endpoints = [endpoint for _s, _e, endpoint in named]
        if None in endpoints or len(set(endpoints)) != len(endpoints):
            continue
        if all(value.measure == "rate" for value in run) or all(value.measure == "median" for value in run):
            for value, endpoint in zip(run, endpoints, strict=True):
                value.endpoint = endpoint


def led_by_endpoint(sentence: Sentence) -> bool:
    """Whether a sentence opens on an endpoint's name ("Overall survival, median, months")."""
    endpoints = sentence.of("endpoint")
    return bool(endpoints) and not sentence.text[: sentence.local(endpoints[0].start)].strip()


# the endpoints a figure of each measure can be a result of
_HEADING_FITS = {"HR": TIME_ENDPOINTS - {"DOR"}, "median": TIME_ENDPOINTS, "rate": RATE_ENDPOINTS}
# an outcome measure's role in brackets after its number: "OUTCOME MEASURE 1 (Primary)"
MEASURE_ROLE = r"\s*\((?:key\s+)?(?:primary|secondary|other|exploratory)\)"
# what parts an outcome heading from its title: "Outcome 2: PFS", "Outcome 2 (Secondary) - PFS"
HEADING_SEPARATOR = r"(?:\s*:|\s+[-\u2013\u2014]\s)"
# a registry record's outcome heading: "Secondary outcome: Progression-free survival (PFS)"
OUTCOME_HEADING = re.compile(
    r"^\s*(?:(?:primary|secondary|key\s+secondary|other|exploratory)\s+)?(?:outcome|end\s*-?point)"
    rf"(?:\s+measure)?s?\s*\d*(?:{MEASURE_ROLE})?{HEADING_SEPARATOR}\s*\S",
    re.IGNORECASE,
)


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


def _cues(sentence: Sentence) -> list[tuple[int, int, str | None]]:
    cues: list[tuple[int, int, str | None]] = [
        (sentence.local(m.start), sentence.local(m.end), m.key) for m in sentence.of("endpoint")
    ]
    # a bullet's label names its subgroup ("- KRAS-altered (n=40):"); its words are no cue
    bullet = list_label(sentence)
    floor = bullet.end() if bullet else 0
    for pattern, endpoint in _CUES:
        for match in pattern.finditer(sentence.text, floor):
            start, end = match.start("at"), match.end("at")
            if pattern is _PREVALENCE and _PATIENTS_WITH_BEFORE.search(sentence.text, max(0, start - 60), start):
                continue  # "49% of patients with FGFR3 mutations": whom the figure is of, no prevalence
            if not any(s <= start < e for s, e, _ in cues):
                cues.append((start, end, endpoint))
    # "Benefit, defined as a response or disease stable for 6 months, ...": the definition's words are no
    # cue; nor is "response rate" inside "complete response rate"
    definitions = [m.span() for m in _DEFINITION.finditer(sentence.text)]
    stops = [(s, e) for s, e, endpoint in cues if endpoint is None]
    return sorted(
        c
        for c in cues
        if not any(s <= c[0] < e for s, e in definitions)
        and not (c[2] is not None and any(s < c[0] < e for s, e in stops))
    )


_CLAUSE_BETWEEN = re.compile(r";|,\s+(?:and|but|while|whereas)\b|\b(?:whereas|while)\b", re.IGNORECASE)
_HAD_BEFORE_CUE = re.compile(
    r"\s*(?:of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:patients|participants|those)\b[^,;.()]{0,40}?)?,?\s*(?:respectively,?\s*)?"
    r"(?:had|achieved|attained|reached|experienced|(?:were|was|remained)(?:\s+still)?)\s+(?:an?\s+|the\s+)?$",
    re.IGNORECASE,
)


def _chain_ends(text: str, values: list[Value], cues: list[tuple[int, int, str | None]]) -> dict[int, int]:
    """Where the run of like figures a figure starts ends, when no cue stands between them: "30
    (31%) of 97 patients in cohort A and 34 (34%) of 99 in cohort B had a response" names the
    endpoint after the last figure of the run."""
    ends: dict[int, int] = {}
    for value, following in reversed(list(itertools.pairwise(values))):
        if (
            value.measure != "HR"
            and following.unit == value.unit
            and following.start - value.end <= 80
            and not any(value.end <= start < following.start for start, _end, _ in cues)
            and not _CLAUSE_BETWEEN.search(_outside_brackets(text[value.end : following.start]))
        ):
            ends[id(value)] = ends.get(id(following), following.end)
    return ends


def _outside_brackets(segment: str) -> str:
    """A stretch of text after a figure without what brackets hold; a figure inside brackets
    ("30 (31%; 95% CI 21-43) of 97") counts from where its bracket closes."""
    return re.sub(r"^[^()]*\)|\([^()]*\)|\[[^\[\]]*\]", "", segment)


_DEATH = re.compile(r"\b(?:death|mortality|died)\b", re.I)


def _landmark_of(text: str, value: Value, landmarks: list[Landmark]) -> Landmark | None:
    """The landmark time a percentage is counted at: the nearest one in its clause."""
    if value.unit != "%":
        return None
    def between(landmark: Landmark) -> str:
        if landmark.end <= value.start:
            return text[landmark.end : value.start]
        return text[value.end : landmark.start]

    in_clause = [landmark for landmark in landmarks if not _CLAUSE_BETWEEN.search(_outside_brackets(between(landmark)))]
    return min(in_clause, key=lambda landmark: abs(landmark.start - value.start), default=None)


def _endpoint(
    value: Value, cues: list[tuple[int, int, str | None]], text: str, run_end: int, landmark: bool = False
) -> str | None:
    """The endpoint a figure is for, from the cues before it or right after the run of figures it
    starts (``run_end``); a percentage counted at a ``landmark`` time may be a PFS or OS rate."""
    allowed = TIME_ENDPOINTS if value.unit in {"months", "weeks"} else RATE_ENDPOINTS
    if landmark:
        allowed = RATE_ENDPOINTS | LANDMARK_ENDPOINTS
    if value.measure == "HR":
        allowed = frozenset({"PFS", "OS"})
    # "30% and 8% of them, respectively, had a complete response", "... were still alive": what the
    # patients had, or were
    had = next((c for c in cues if c[0] >= run_end and _HAD_BEFORE_CUE.match(text[run_end : c[0]])), None)
    if had is not None and value.measure != "HR":
        return had[2] if had[2] in allowed else None
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
        if endpoint in allowed and len(_outside_brackets(text[run_end:start])) <= 60:
            return endpoint
        if endpoint in allowed:
            return None
    return None


def interval(low: float | None, high: float | None) -> tuple[float, float] | None:
    """A confidence interval, when both its bounds are known."""
    return (low, high) if low is not None and high is not None else None


def p_value(op: str | None, value: float | None) -> tuple[str, float] | None:
    """A p-value with its operator ("<", "="), when both are known."""
    return (op, value) if op is not None and value is not None else None
