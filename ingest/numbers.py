"""Numbers and statistics as papers print them.

Papers write the same figure many ways: "15.2", "15·2" (a middle-dot decimal), "1,000",
"−0.3" (a Unicode minus), "Fifteen", "1.2 × 10−5". The finders here return each statistic
with its character span, so the caller can tie it to an endpoint, an arm and a sentence:
p-values, confidence intervals, hazard ratios, and result quantities (durations in months or
weeks, percentages, patient counts).

What is deliberately not a result quantity: the "95%" of "95% CI", doses ("1000 mg/m2"),
schedules ("every 3 weeks", "Q3W", "21-day cycle", "3-week cycles"), landmark times written
as adjectives ("12-month OS rate"), grades ("grade 3-4") and the bounds of a confidence
interval (they are returned by find_confidence_intervals instead).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeVar

_UNITS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
)  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1000}


def _word_numbers() -> dict[str, int]:
    words = {word: value for value, word in enumerate(_UNITS)}
    for tens_word, tens in _TENS.items():
        words[tens_word] = tens
        for unit in range(1, 10):
            words[f"{tens_word}-{_UNITS[unit]}"] = tens + unit
    return words


# "zero" .. "ninety-nine"; parse_number composes hundreds and thousands from these.
WORD_NUMBERS: Mapping[str, int] = _word_numbers()

_PLAIN_EXPONENT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻\u2212\u2013", "0123456789---")
_MINUS = "-\u2212\u2013"  # hyphen-minus, minus sign, and the en dash some typesetters use for it
_DECIMAL = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:[.·]\d+)?|[.·]\d+"
_POWER = rf"[{_MINUS}⁻]?\s?[\d⁰¹²³⁴⁵⁶⁷⁸⁹]+"
_TIMES_TEN_TO = r"\s?[×x]\s?10\s?(?:\^\s?)?"
# "1.2 × 10−5", "3 x 10^-4", "2e-5"; and a bare negative power of ten, "10−4", "10⁻⁴".
_SCIENTIFIC = rf"(?:{_DECIMAL})(?:{_TIMES_TEN_TO}{_POWER}|[eE][{_MINUS}]?\d+)"
_POWER_OF_TEN = rf"10\s?(?:\^\s?)?(?P<power_of_ten>[{_MINUS}⁻]\s?[\d⁰¹²³⁴⁵⁶⁷⁸⁹]+)"
_PLAIN_NUMBER_FORM = re.compile(rf"[{_MINUS}]?\s?(?:{_DECIMAL})")
_SCIENTIFIC_FORM = re.compile(
    rf"(?P<mantissa>[{_MINUS}]?(?:{_DECIMAL}))"
    rf"(?:{_TIMES_TEN_TO}(?P<power>{_POWER})|[eE](?P<e_power>[{_MINUS}]?\d+))"
)
_POWER_OF_TEN_FORM = re.compile(_POWER_OF_TEN)

_WORD_UNIT = "|".join(sorted(_UNITS, key=len, reverse=True))
_WORD_TENS = "|".join(_TENS)
_WORD_BELOW_HUNDRED = rf"(?:(?:{_WORD_TENS})(?:[\s-](?:{_WORD_UNIT}))?|{_WORD_UNIT})"
_WORD_NUMBER = rf"(?:{_WORD_BELOW_HUNDRED}\s+hundred(?:\s+(?:and\s+)?{_WORD_BELOW_HUNDRED})?|{_WORD_BELOW_HUNDRED})"


@dataclass(frozen=True)
class PValue:
    op: str  # "=", "<", "<=", ">", ">="
    value: float
    start: int
    end: int


@dataclass(frozen=True)
class ConfidenceInterval:
    level: float | None  # 95.0; None for a bare range ("(2.0–3.8)") read as an interval
    low: float
    high: float
    start: int
    end: int


@dataclass(frozen=True)
class HazardRatio:
    value: float
    ci_low: float | None
    ci_high: float | None
    p_op: str | None
    p_value: float | None
    start: int
    end: int


@dataclass(frozen=True)
class Quantity:
    value: float  # the low end for a range
    unit: str  # "months" | "weeks" | "%" | "n"
    start: int
    end: int
    high: float | None = None  # the high end of a range ("15-20%"), else None

    @property
    def is_range(self) -> bool:
        return self.high is not None


def _parse_words(text: str) -> float | None:
    total = current = 0
    seen = False
    for word in re.split(r"[\s-]+", text.lower()):
        if word == "and" and seen:
            continue
        if word in WORD_NUMBERS:
            current += WORD_NUMBERS[word]
        elif word in _SCALES and seen:
            current = max(current, 1) * _SCALES[word]
            if word == "thousand":
                total, current = total + current, 0
        else:
            return None
        seen = True
    return float(total + current) if seen else None


def _power(text: str) -> int:
    return int(re.sub(r"\s", "", text.translate(_PLAIN_EXPONENT)))


def parse_number(s: str) -> float | None:
    """The value of a number as printed, or None when ``s`` is not one number.

    Handles "15.2", "15·2", "1,000", ".015", "−0.3", "1.2 × 10−5", "10⁻⁴", "2e-5" and number words
    ("Fifteen", "seventy-one", "one hundred and seventeen").
    """
    text = s.strip()
    if not text:
        return None
    if text[0].isalpha():
        return _parse_words(text)
    scientific = _SCIENTIFIC_FORM.fullmatch(text)
    if scientific is not None:
        power = scientific["power"] or scientific["e_power"]
        mantissa = parse_number(scientific["mantissa"])
        return None if mantissa is None else mantissa * 10.0 ** _power(power)
    power_of_ten = _POWER_OF_TEN_FORM.fullmatch(text)
    if power_of_ten is not None:
        return 10.0 ** _power(power_of_ten["power_of_ten"])
    if _PLAIN_NUMBER_FORM.fullmatch(text) is None:
        return None
    negative = text[0] in _MINUS
    digits = re.sub(r"\s", "", text.lstrip(_MINUS)).replace(",", "").replace("·", ".")
    value = float(digits)
    return -value if negative else value


def count_value(text: str) -> int | None:
    """A count as printed ("402", "1,024", "Seventy-one"): its whole number, else None."""
    value = parse_number(text)
    return int(value) if value is not None and value == int(value) else None


# ---- p-values ---------------------------------------------------------------------------

_OPERATORS = {"=": "=", "<": "<", ">": ">", "≤": "<=", "≥": ">=", "⩽": "<=", "⩾": ">=", "<=": "<=",
              ">=": ">=", "=<": "<=", "=>": ">="}  # fmt: skip
_OPERATOR = r"<=|>=|=<|=>|[=<>≤≥⩽⩾]"
_P_NUMBER = rf"{_POWER_OF_TEN}|{_SCIENTIFIC}|{_DECIMAL}"
_P_VALUE = re.compile(
    rf"(?<![A-Za-z0-9.])(?:(?:one|two|1|2)[-\s]sided\s+)?(?:log[-\s]rank\s+)?"
    rf"[Pp](?:[-\s]?values?)?(?:[-\s]?(?:for\s+)?(?:interaction|trend|heterogeneity))?"
    rf"(?:\s*(?P<op>{_OPERATOR})|\s*:|\s+(?:of|was|is|were)(?:\s*(?P<word_op>{_OPERATOR}))?)"
    rf"\s*(?P<number>{_P_NUMBER})(?![\d·]|\.\d)"
)


def find_p_values(text: str) -> list[PValue]:
    """Every p-value: "P = .015", "p<0.001", "P=0·04", "two-sided P value of 0.03", "P < 10−4"."""
    found: list[PValue] = []
    for match in _P_VALUE.finditer(text):
        value = parse_number(match["number"])
        if value is None or not 0 <= value <= 1:
            continue
        op = _OPERATORS[match["op"] or match["word_op"] or "="]
        found.append(PValue(op, value, match.start(), match.end()))
    return found


# ---- confidence intervals ---------------------------------------------------------------

_SIGNED = rf"[{_MINUS}]?\s?(?:{_DECIMAL})"
_RANGE_UNIT = r"%|months?\b|mo\b\.?|mos\b|weeks?\b|wks?\b"
_RANGE = (
    rf"(?P<low>{_SIGNED})\s*(?:{_RANGE_UNIT})?\s*(?:[-\u2010\u2013\u2014]|to|,|;)\s*"
    rf"(?P<high>{_SIGNED})(?:\s*(?:{_RANGE_UNIT}))?"
)
_LEVEL = r"\d{2}(?:[.·]\d+)?"
_CI_LABEL = r"(?:CI|C\.I\.|(?i:confidence\s+(?:intervals?|limits?)))"
_LABELLED_CI = re.compile(
    rf"(?:(?P<level>{_LEVEL})\s*%\s*{_CI_LABEL}|{_CI_LABEL}\s*(?P<level_after>{_LEVEL})\s*%)"
    rf"(?:\s*[\[(]CI[\])])?\s*(?:[,:=]\s*|\s+(?:of|was|were|from)\s+)?(?P<open>[\[(])?\s*{_RANGE}"
    rf"(?(open)\s*[\])])"
)
_BARE_RANGE = re.compile(rf"[(\[]\s*{_RANGE}\s*[)\]]")
_ESTIMATE_BEFORE = re.compile(rf"(?P<estimate>{_SIGNED})\s*(?:{_RANGE_UNIT})?\s*$")


def _interval(match: re.Match[str], level: float | None) -> ConfidenceInterval | None:
    low, high = parse_number(match["low"]), parse_number(match["high"])
    if low is None or high is None or low > high:
        return None
    return ConfidenceInterval(level, low, high, match.start(), match.end())


def find_confidence_intervals(text: str) -> list[ConfidenceInterval]:
    """Every labelled interval: "95% CI 0.47-0.80", "(95% CI: 2.1–4.9)", "[95% CI 0.66, 1.27]"."""
    found: list[ConfidenceInterval] = []
    for match in _LABELLED_CI.finditer(text):
        level = parse_number(match["level"] or match["level_after"])
        interval = _interval(match, level)
        if interval is not None:
            found.append(interval)
    return found


def find_bare_range(text: str) -> list[ConfidenceInterval]:
    """Unlabelled bracketed ranges that follow an estimate they contain: "2.8 months (2.0–3.8)".

    Abstracts often label only the first interval; later ones are printed bare after their
    estimate. Requiring the estimate inside the range keeps citations ("[3–5]") and ranges
    of other numbers out. A range labelled "range" or "IQR" is not bare and is not returned.
    """
    found: list[ConfidenceInterval] = []
    for match in _BARE_RANGE.finditer(text):
        before = _ESTIMATE_BEFORE.search(text, max(0, match.start() - 40), match.start())
        estimate = None if before is None else parse_number(before["estimate"])
        interval = _interval(match, None)
        if estimate is not None and interval is not None and interval.low <= estimate <= interval.high:
            found.append(interval)
    return found


# ---- hazard ratios ----------------------------------------------------------------------

_HR_LABEL = re.compile(
    r"(?<![A-Za-z])(?:(?i:adjusted|stratified|unstratified|pooled|overall)\s+)?(?:(?i:hazard\s+ratios?)|HRs?)"
    # "hazard ratio (HR)", "Hazard Ratio (Cox proportional hazards) 0.31": a name or a method
    r"(?:\s*[\[(](?:HR|aHR|[A-Za-z][A-Za-z ,'-]{2,40})[\])])?"
    # (digits inside a word belong to it: "for death in the HER2-low population was 0.83")
    r"(?:\s+(?:for|of)\s+(?P<about>(?!\d)(?:[^\d;:()\[\]=<>]|(?<=[A-Za-z])\d+){1,80}?))?"
    # "the hazard ratio for death favoured A (0.75; 95% CI ...)": the value in brackets after its arm
    r"(?:\s+(?:favou?r(?:ed|ing|s)|was\s+in\s+favou?r\s+of)\s+[^\d;:()\[\]=<>]{1,60}?\s*\((?=\s*[\d.]+\s*[;,]))?"
    # "PFS hazard ratio vs chemotherapy: 0.65": the arm every ratio of the line is against
    r"(?:\s+(?:vs\.?|versus|against)\s+[^\d;:()\[\]=<>,]{1,40}?(?=\s*:))?"
    # "Hazard ratio (A vs B): 0.75", "hazard ratio (A/B) 0.21": the comparison in brackets
    r"(?:\s*\((?P<compared>[^()\d]{1,80}?(?:\b(?:vs\.?|versus)\s|\s*/\s*)[^()\d]{1,80})\))?"
    r"(?:\s*[\[(]95\s*%\s*CI[\])])?"
    r"(?:\s*[,:=]|\s+(?:was|of|is|were|equal\s+to))?\s*"
    rf"(?<![A-Za-z\d])(?P<value>{_DECIMAL})(?![\d%])(?!\s*(?:{_RANGE_UNIT}|mg|patients))"
)
# Words after which a number is a grade, stage or count, not the ratio: "HR for stage 3 disease".
_NOT_A_RATIO_AFTER = frozenset({
    "stage", "grade", "grades", "phase", "cycle", "cycles", "arm", "cohort", "day", "days", "week",
    "weeks", "month", "months", "year", "years", "exon", "codon", "group", "part", "level", "version",
    "dose", "n",
    # "hazard ratios for death between 0.58 and 0.70": the spread of several trials' ratios
    "between", "from", "ranging",
})  # fmt: skip
_GAP = re.compile(r"[\s,;:(\[]*")
_CLOSE_GAP = re.compile(r"[\s,;:()\[\]]*")
_HR_REACH = 160
# A bare ratio after "and" or a comma, printed with decimals and without a unit.
_LISTED_RATIO = re.compile(
    # "... was 0.68; in those aged 60 or older it was 0.94": the ratio named again by "it"
    # ("0.57 in A but only 0.89 in B")
    r"(?:\band|[,;]|\bbut(?:\s+(?:only|just))?|\b(?:it|this|that)\s+(?:was|is|stood\s+at))"
    rf"\s+(?P<value>\d?[.·]\d+)(?![\d·%])(?!\s*(?:{_RANGE_UNIT}|mg|patients|participants))"
    # nor the low end of a bare interval ("HR 0.76, 0.68 to 0.86"), nor the first of a list of
    # durations ("0.7, 1.5 and 2.5 months")
    r"(?!\s*(?:to|[-\u2013\u2014])\s*\d)"
    rf"(?!\s*(?:,|and|or|vs\.?|versus)\s*\d[\d.·]*\s*(?:{_RANGE_UNIT}))"
)
_LARGEST_LISTED_RATIO = 5.0
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z(\[])")


def find_hazard_ratios(text: str) -> list[HazardRatio]:
    """Every hazard ratio with the interval and p-value printed right after it.

    "HR 0.62", "HR=0.55", "hazard ratio for progression or death, 0.54",
    "hazard ratio [HR], 0.62; 95% CI, 0.47 to 0.80; P<.001", "(HR 0.87 [95% CI 0.66–1.27])".
    Odds ratios and risk ratios are not hazard ratios and are not returned.
    """
    labels = list(_HR_LABEL.finditer(text))
    intervals = find_confidence_intervals(text) + find_bare_range(text)
    p_values = find_p_values(text)
    found: list[HazardRatio] = []
    for index, match in enumerate(labels):
        about = (match["about"] or "").split()
        if about and about[-1].lower() in _NOT_A_RATIO_AFTER:
            continue
        value = parse_number(match["value"])
        if value is None or value <= 0:
            continue
        limit = min(
            labels[index + 1].start() if index + 1 < len(labels) else len(text),
            match.end() + _HR_REACH,
            *(end.start() + 1 for end in _SENTENCE_END.finditer(text, match.end(), match.end() + _HR_REACH)),
        )
        ratio = _with_statistics(value, match.start(), match.end(), text, limit, intervals, p_values)
        found.append(ratio)
        found.extend(_listed_ratios(text, ratio.end, limit, intervals, p_values))
    return found


def _listed_ratios(
    text: str, position: int, limit: int, intervals: list[ConfidenceInterval], p_values: list[PValue]
) -> list[HazardRatio]:
    """Further ratios listed after a labelled one, each for another arm or subgroup: "the hazard
    ratio was 0.43 (...) among patients with exon 19 deletions and 0.51 (...) among those with
    L858R", "0.52 for the combination and 0.63 for nivolumab"."""
    found: list[HazardRatio] = []
    while (match := _LISTED_RATIO.search(text, position, limit)) is not None:
        value = parse_number(match["value"])
        if value is None or not 0 < value < _LARGEST_LISTED_RATIO:
            break
        ratio = _with_statistics(value, match.start("value"), match.end(), text, limit, intervals, p_values)
        found.append(ratio)
        position = ratio.end
    return found


def _with_statistics(
    value: float,
    start: int,
    end: int,
    text: str,
    limit: int,
    intervals: list[ConfidenceInterval],
    p_values: list[PValue],
) -> HazardRatio:
    """A ratio with the interval and then the p-value that directly follow it."""
    interval = _next_after(intervals, text, end, limit, _GAP)
    end = interval.end if interval is not None else end
    p_value = _next_after(p_values, text, end, limit, _CLOSE_GAP)
    end = p_value.end if p_value is not None else end
    return HazardRatio(
        value,
        interval.low if interval else None,
        interval.high if interval else None,
        p_value.op if p_value else None,
        p_value.value if p_value else None,
        start,
        end,
    )


_Spanned = TypeVar("_Spanned", ConfidenceInterval, PValue)


def _next_after(items: list[_Spanned], text: str, position: int, limit: int, gap: re.Pattern[str]) -> _Spanned | None:
    """The item that starts after ``position`` with only punctuation between, before ``limit``."""
    for item in sorted(items, key=lambda item: item.start):
        if position <= item.start < limit and gap.fullmatch(text, position, item.start):
            return item
    return None


# ---- quantities -------------------------------------------------------------------------

_UNIT_NAMES = {"%": "%", "percent": "%", "per cent": "%", "month": "months", "months": "months",
               "mo": "months", "mo.": "months", "mos": "months", "mth": "months", "mths": "months",
               "week": "weeks", "weeks": "weeks", "wk": "weeks", "wks": "weeks"}  # fmt: skip
_UNIT = r"(?P<unit>%|(?i:per\s?cent|percent|months?|mths?|mos|mo\.?|weeks?|wks?)\b)"
_VALUE = rf"(?:{_DECIMAL}|(?i:{_WORD_NUMBER}))"
_QUANTITY = re.compile(
    rf"(?<![\w.·,\u2212\u2013\u2014-])(?P<low>{_VALUE})"
    rf"(?:\s*(?P<low_unit>%|(?i:percent|months?|weeks?)\b))?"
    rf"(?:\s*(?:[-\u2010\u2013\u2014]|to)\s*(?P<high>{_DECIMAL}|(?i:{_WORD_NUMBER})))?"
    rf"\s*{_UNIT}"
)
_COUNT = re.compile(r"(?<![A-Za-z])[nN]\s*=\s*(?P<value>\d{1,3}(?:,\d{3})+|\d+)(?![\d·]|\.\d)")
_SCHEDULE_BEFORE = re.compile(r"(?i:\b(?:every|each|per|q))\s*$")
_CI_AFTER = re.compile(r"\s*(?:CI\b|C\.I\.|(?i:confidence))")
# A bare number listed with a quantity shares its unit: "2.8 vs 1.5 months", "23.9 v 9.2 months".
_LISTED_NUMBER = re.compile(
    rf"(?<![\w.·,\u2212\u2013\u2014-])(?P<value>{_DECIMAL})\s*(?:,|vs\.?|v\.?|versus|and|or|compared\s+with)\s*$"
)
# A table-like line whose label gives the unit: "mPFS, mo: 7.3 vs 5.6", "ORR (%): 63.5 vs 42.4"
# "mPFS, mo:", "ORR (%):", "Overall survival, median in months (95% CI):"
_UNIT_IN_LABEL = re.compile(
    r"^[ \t]*[^\n:;\d][^\n:;]{0,80}?(?:,[ \t]*|\([ \t]*|\bin[ \t]+)(?P<unit>%|(?i:months?|mos|mo|weeks?|wks?))\)?"
    r"(?:[ \t]*\([^()\n]{0,20}\))?[ \t]*:",
    re.MULTILINE,
)
# (a semicolon ends the label's figures unless an arm's name follows it: "A 13.6 (...); B 12.3 (...)")
_CLAUSE_OR_LINE_END = re.compile(r"\n|;(?![ \t]*[A-Za-z][\w-]*[ \t]+\d)")
_BARE_NUMBER = re.compile(rf"(?<![\w.·,\u2212\u2013\u2014-])(?P<value>{_DECIMAL})(?![\w.·%]|\s*[-\u2013]\s*\d)")
_NOT_A_RESULT_AFTER = frozenset({
    "grade", "grades", "phase", "stage", "cycle", "cycles", "day", "days", "arm", "cohort", "level",
    "dose", "hr", "ci", "p", "n", "exon", "codon", "part",
})  # fmt: skip
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\W*$")
# the word a group's number follows: "Group 2", "cohort 3", "arm 1"
_LABEL_NUMBER_BEFORE = re.compile(r"\b(?:group|cohort|arm|part|level|grade|stage)[ \t]+$", re.I)
_OPERATOR_BEFORE = re.compile(r"[=<>≤≥]\s*$")


def _unit_name(text: str) -> str:
    return _UNIT_NAMES[re.sub(r"\s+", " ", text.lower())]


def _excluded_spans(text: str) -> list[tuple[int, int]]:
    return [(ci.start, ci.end) for ci in find_confidence_intervals(text) + find_bare_range(text)]


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(span_start <= start and end <= span_end for span_start, span_end in spans)


def find_quantities(text: str) -> list[Quantity]:
    """Result quantities: "2.8 months", "13 weeks", "15.2%", "Fifteen percent", "11 mo", "15-20%", "n = 57".

    A number listed before a quantity with no unit of its own takes that quantity's unit
    ("2.8 vs 1.5 months" gives 2.8 months and 1.5 months). Two numbers joined by a dash or "to"
    are one quantity with ``high`` set; whether it is a spread ("15-20%") or a change
    ("from 9.2 to 13.8 months") is for the caller to read from the words before it.
    """
    excluded = _excluded_spans(text)
    found: list[Quantity] = []
    for match in _QUANTITY.finditer(text):
        unit = _unit_name(match["unit"])
        if match["low_unit"] and _unit_name(match["low_unit"]) != unit:
            continue
        if unit == "%" and _CI_AFTER.match(text, match.end()):
            continue
        if _SCHEDULE_BEFORE.search(text, max(0, match.start() - 8), match.start()):
            continue
        if _inside(match.start(), match.end(), excluded):
            continue
        low = parse_number(match["low"])
        high = parse_number(match["high"]) if match["high"] else None
        if low is None or (high is not None and high < low):
            continue
        found.append(Quantity(low, unit, match.start(), match.end(), high))
    found.extend(_listed_numbers(text, found, excluded))
    found.extend(_numbers_under_unit_label(text, found, excluded))
    found.extend(
        Quantity(float(match["value"].replace(",", "")), "n", match.start(), match.end())
        for match in _COUNT.finditer(text)
    )
    return sorted(found, key=lambda quantity: quantity.start)


# ---- landmark times ----------------------------------------------------------------------

@dataclass(frozen=True)
class Landmark:
    """A time at which a share of patients is counted: "2-year", "at 18 months", "at one year"."""

    value: float
    unit: str  # "months" | "years"
    start: int
    end: int

    @property
    def label(self) -> str:
        """The time as "18 months", "1 year"."""
        return f"{self.value:g} {self.unit[:-1] if self.value == 1 else self.unit}"


_LANDMARK = re.compile(
    # "2-year", "twelve-month", "5 year": a time used as an adjective, singular
    rf"(?<![\w.·,-])(?P<adjective>{_VALUE})[\s\u2010-](?P<adjective_unit>(?i:month|year))(?![\w-])"
    # "at 18 months", "after two years", "by 1 year"
    rf"|(?i:\b(?:at|after|by|beyond))\s+(?P<after>{_VALUE})\s+(?P<after_unit>(?i:months?|years?))\b"
    # "alive at Month 48", a registry's visit
    rf"|(?i:\b(?:at|after|by)\s+(?P<visit_unit>month|year))\s+(?P<visit>\d{{1,3}})\b"
)


def find_landmarks(text: str) -> list[Landmark]:
    """The landmark times of a text: "the 2-year PFS rate", "alive at 18 months", "at Month 48"."""
    found = []
    for match in _LANDMARK.finditer(text):
        number = match["adjective"] or match["after"] or match["visit"]
        unit = (match["adjective_unit"] or match["after_unit"] or match["visit_unit"]).lower().rstrip("s") + "s"
        value = parse_number(number)
        if value is not None and value > 0:
            found.append(Landmark(value, unit, match.start(), match.end()))
    return found


def _numbers_under_unit_label(
    text: str, quantities: list[Quantity], excluded: list[tuple[int, int]]
) -> list[Quantity]:
    """Bare numbers after a label that names their unit, up to the end of its clause or line:
    "mPFS, mo: 7.3 vs 5.6; HR 0.62" gives 7.3 and 5.6 months."""
    taken = [(q.start, q.end) for q in quantities]
    found: list[Quantity] = []
    for label in _UNIT_IN_LABEL.finditer(text):
        unit = _unit_name(label["unit"])
        stop = _CLAUSE_OR_LINE_END.search(text, label.end())
        end = stop.start() if stop else len(text)
        for match in _BARE_NUMBER.finditer(text, label.end(), end):
            if _inside(match.start(), match.end(), excluded) or _inside(match.start(), match.end(), taken):
                continue
            if _LABEL_NUMBER_BEFORE.search(text, max(0, match.start() - 20), match.start()):
                continue  # "%: Group 1 61.0 | Group 2 58.4": the number of a group, not a share
            value = parse_number(match["value"])
            if value is not None:
                found.append(Quantity(value, unit, match.start(), match.end()))
    return found


def _listed_numbers(text: str, quantities: list[Quantity], excluded: list[tuple[int, int]]) -> list[Quantity]:
    """Bare numbers listed before a quantity, given that quantity's unit."""
    listed: list[Quantity] = []
    for quantity in quantities:
        if quantity.is_range:
            continue
        anchor = quantity.start
        while (match := _LISTED_NUMBER.search(text, max(0, anchor - 40), anchor)) is not None:
            word = _WORD_BEFORE.search(text, max(0, match.start() - 20), match.start())
            if (
                (word is not None and word.group(1).lower() in _NOT_A_RESULT_AFTER)
                or _OPERATOR_BEFORE.search(text, max(0, match.start() - 4), match.start())
                or _inside(match.start(), match.end(), excluded)
            ):
                break
            value = parse_number(match["value"])
            if value is None:
                break
            listed.append(Quantity(value, quantity.unit, match.start("value"), match.end("value")))
            anchor = match.start()
    return listed
