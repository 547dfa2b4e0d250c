from __future__ import annotations

import re

import pytest

from ingest.numbers import (
    WORD_NUMBERS,
    ConfidenceInterval,
    HazardRatio,
    PValue,
    Quantity,
    find_bare_range,
    find_confidence_intervals,
    find_hazard_ratios,
    find_landmarks,
    find_p_values,
    find_quantities,
    parse_number,
)

# ---- parse_number -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("15.2", 15.2),
        ("15·2", 15.2),
        ("1,000", 1000.0),
        ("12,480", 12480.0),
        ("−0.3", -0.3),
        ("-0.3", -0.3),
        (".015", 0.015),
        ("0·04", 0.04),
        ("Fifteen", 15.0),
        ("seventy-one", 71.0),
        ("Seventy one", 71.0),
        ("one hundred and seventeen", 117.0),
        ("two hundred", 200.0),
        ("three thousand four hundred", 3400.0),
        ("zero", 0.0),
        ("1.2 × 10−5", 1.2e-5),
        ("3 x 10^-4", 3e-4),
        ("10⁻⁴", 1e-4),
        ("2e-5", 2e-5),
    ],
)
def test_parse_number(written: str, value: float) -> None:
    assert parse_number(written) == pytest.approx(value)


@pytest.mark.parametrize(
    "written",
    ["", "abc", "1,5", "inf", "nan", "1_000", "twenty percent", "and five", "hundred", "2.8 months"],
)
def test_parse_number_rejects_what_is_not_one_number(written: str) -> None:
    assert parse_number(written) is None


def test_word_numbers_cover_zero_to_ninety_nine() -> None:
    assert len(WORD_NUMBERS) == 100
    assert WORD_NUMBERS["zero"] == 0
    assert WORD_NUMBERS["nineteen"] == 19
    assert WORD_NUMBERS["forty-four"] == 44
    assert WORD_NUMBERS["ninety-nine"] == 99
    assert sorted(WORD_NUMBERS.values()) == list(range(100))


# ---- p-values ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "op", "value"),
    [
        ("the difference favoured the doublet (P = .015).", "=", 0.015),
        ("longer with the doublet, p<0.001.", "<", 0.001),
        ("longer with the doublet (P<.001)", "<", 0.001),
        ("met its end point (one-sided p-value <0.001)", "<", 0.001),
        ("reached significance, p = 0.0022, in the update", "=", 0.0022),
        ("a small gain (P=0·04)", "=", 0.04),
        ("with a two-sided P value of 0.03 at the final look", "=", 0.03),
        ("strongly associated (P < 10−4)", "<", 1e-4),
        ("strongly associated (P = 1.2 × 10−5)", "=", 1.2e-5),
        ("judged significant at P ≤ 0.05", "<=", 0.05),
        ("an interaction test (P for interaction = 0.04)", "=", 0.04),
        ("by stratified log-rank test (P = 0.01)", "=", 0.01),
        ("the P value was 0.21", "=", 0.21),
        ("noted (p > 0.2)", ">", 0.2),
    ],
)
def test_p_values(text: str, op: str, value: float) -> None:
    [found] = find_p_values(text)
    assert (found.op, found.value) == (op, pytest.approx(value))
    span = text[found.start : found.end]
    assert re.search(r"\b[Pp]\b", span) and span[-1].isdigit(), span


@pytest.mark.parametrize(
    "text", ["the p.V600E allele", "P = 1.4 was printed in error", "stage P3 disease", "PFS of 0.5"]
)
def test_not_p_values(text: str) -> None:
    assert find_p_values(text) == []


# ---- confidence intervals ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "level", "low", "high"),
    [
        ("HR 0.62; 95% CI 0.47-0.80", 95.0, 0.47, 0.80),
        ("hazard ratio, 0.62; 95% CI, 0.47 to 0.80", 95.0, 0.47, 0.80),
        ("median 3.4 months (95% CI: 2.1–4.9)", 95.0, 2.1, 4.9),
        ("HR 0.87 [95% CI 0.66, 1.27]", 95.0, 0.66, 1.27),
        ("a 95% confidence interval 0.4-0.9 was reported", 95.0, 0.4, 0.9),
        ("a 95% confidence interval [CI], 0.47 to 0.80", 95.0, 0.47, 0.80),
        ("odds ratio 1.6 (CI 95%: 1.1-2.0)", 95.0, 1.1, 2.0),
        ("difference −0.3 (90% CI −0.5 to −0.1)", 90.0, -0.5, -0.1),
        ("rate 22% (95% CI 14%–31%)", 95.0, 14.0, 31.0),
        ("median 5.6 months (95% CI, 4.1 to 7.2 months)", 95.0, 4.1, 7.2),
        ("rate 22% (95%CI 14-31)", 95.0, 14.0, 31.0),
    ],
)
def test_labelled_confidence_intervals(text: str, level: float, low: float, high: float) -> None:
    [found] = find_confidence_intervals(text)
    assert (found.level, found.low, found.high) == (level, pytest.approx(low), pytest.approx(high))
    assert "CI" in text[found.start : found.end] or "confidence" in text[found.start : found.end]


def test_interval_with_reversed_bounds_is_not_an_interval() -> None:
    assert find_confidence_intervals("95% CI 1.30 to 0.61") == []


def test_bare_range_after_its_estimate() -> None:
    text = "Median PFS was 2.8 months (2.0–3.8) with the doublet."
    [found] = find_bare_range(text)
    assert found == ConfidenceInterval(None, 2.0, 3.8, text.index("("), text.index(")") + 1)


@pytest.mark.parametrize(
    "text",
    [
        "as shown before [3–5]",  # a citation range
        "first reported in 2019 [3–5]",  # estimate outside the range
        "median age 61 years (range 24-88)",  # labelled as a range
        "the 2.8 months (4.0–5.2) estimate",  # estimate outside the range
        "in two trials (12, 15)",  # citation numbers, no estimate before
    ],
)
def test_not_bare_ranges(text: str) -> None:
    assert find_bare_range(text) == []


# ---- hazard ratios ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "ci", "p"),
    [
        ("PFS favoured the doublet (HR 0.62).", 0.62, None, None),
        ("with a hazard ratio 0.62 for death", 0.62, None, None),
        ("hazard ratio [HR], 0.62; 95% CI, 0.47 to 0.80; P<.001", 0.62, (0.47, 0.80), ("<", 0.001)),
        ("HR=0.55 in the biomarker cohort", 0.55, None, None),
        ("no benefit (HR 0.87 [95% CI 0.66–1.27])", 0.87, (0.66, 1.27), None),
        ("the hazard ratio for progression or death, 0.54", 0.54, None, None),
        ("a stratified HR: 0.58", 0.58, None, None),
        ("HR 0.62 (0.47–0.80), P = .002", 0.62, (0.47, 0.80), ("=", 0.002)),
        ("The hazard ratio for death was 0.71 (95% CI 0.5 to 0.9).", 0.71, (0.5, 0.9), None),
        ("an adjusted HR of 1.12; p = 0.4", 1.12, None, ("=", 0.4)),
        ("HR (95% CI) 0.70 (0.52–0.94)", 0.70, (0.52, 0.94), None),
        ("the hazard ratio for death favoured drug A (0.81; 95% CI, 0.70 to 0.93)", 0.81,
         (0.70, 0.93), None),
    ],
)
def test_hazard_ratios(
    text: str, value: float, ci: tuple[float, float] | None, p: tuple[str, float] | None
) -> None:
    [found] = find_hazard_ratios(text)
    assert found.value == pytest.approx(value)
    assert (found.ci_low, found.ci_high) == (ci if ci else (None, None))
    assert (found.p_op, found.p_value) == (p if p else (None, None))
    assert re.match(r"(?:adjusted |stratified )?(?:HR|hazard ratio)", text[found.start : found.end])


def test_hazard_ratio_span_ends_after_its_interval_and_p_value() -> None:
    text = "OS improved (HR 0.70; 95% CI 0.55-0.89; P = .003) in the update."
    [found] = find_hazard_ratios(text)
    assert found == HazardRatio(0.70, 0.55, 0.89, "=", 0.003, text.index("HR"), text.index(")"))


def test_each_hazard_ratio_takes_only_its_own_interval() -> None:
    text = "HR for PFS 0.54 (95% CI 0.40-0.73) and HR for OS 0.81, P = 0.09."
    first, second = find_hazard_ratios(text)
    assert (first.value, first.ci_low, first.p_value) == (0.54, 0.40, None)
    assert (second.value, second.ci_low, second.p_value) == (0.81, None, 0.09)


def test_a_ratio_named_again_by_it_is_listed() -> None:
    text = "the hazard ratio was 0.61 in women; in men it was 0.97, with a wide interval"
    assert [r.value for r in find_hazard_ratios(text)] == [0.61, 0.97]


def test_interval_not_next_to_the_ratio_is_not_taken() -> None:
    [found] = find_hazard_ratios("HR 0.62 for PFS, while ORR was 20% (95% CI 12-30)")
    assert (found.ci_low, found.ci_high) == (None, None)


@pytest.mark.parametrize(
    "text",
    [
        "The odds ratio, 2.24, favoured the doublet.",
        "a relative risk of 0.8",
        "HR+ breast cancer in 12 patients",
        "HR-positive disease",
        "The hazard ratio for stage 3 disease was not estimated.",
        "HRQoL scores at 12 weeks",
    ],
)
def test_not_hazard_ratios(text: str) -> None:
    assert find_hazard_ratios(text) == []


# ---- quantities -------------------------------------------------------------------------


def quantities(text: str) -> list[tuple[float, str, float | None]]:
    return [(q.value, q.unit, q.high) for q in find_quantities(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("median PFS 2.8 months", [(2.8, "months", None)]),
        ("median PFS 2·8 months", [(2.8, "months", None)]),
        ("a median duration of 13 weeks", [(13.0, "weeks", None)]),
        ("ORR 15.2% in the doublet arm", [(15.2, "%", None)]),
        ("ORR 15 percent", [(15.0, "%", None)]),
        ("ORR 15 per cent", [(15.0, "%", None)]),
        ("Fifteen percent of patients responded", [(15.0, "%", None)]),
        ("seventy-one percent had a response", [(71.0, "%", None)]),
        ("median OS 11 mo", [(11.0, "months", None)]),
        ("median OS 6.9 mos", [(6.9, "months", None)]),
        ("median OS 6.9 mths", [(6.9, "months", None)]),
        ("after a median of six months", [(6.0, "months", None)]),
        ("found in 15-20% of melanomas", [(15.0, "%", 20.0)]),
        ("found in 15–20% of melanomas", [(15.0, "%", 20.0)]),
        ("found in 15% to 20% of melanomas", [(15.0, "%", 20.0)]),
        ("lasting 4 to 6 weeks", [(4.0, "weeks", 6.0)]),
        ("randomised patients (n = 57)", [(57.0, "n", None)]),
        ("randomised patients (n=57)", [(57.0, "n", None)]),
        ("all patients (N = 1,204)", [(1204.0, "n", None)]),
        ("the cohort was small, n = 12.", [(12.0, "n", None)]),
        ("median OS was 9.1 months.", [(9.1, "months", None)]),
    ],
)
def test_quantities(text: str, expected: list[tuple[float, str, float | None]]) -> None:
    assert quantities(text) == expected


def test_quantity_offsets() -> None:
    text = "PFS was 2.8 months and ORR 15.2%."
    assert [text[q.start : q.end] for q in find_quantities(text)] == ["2.8 months", "15.2%"]
    assert find_quantities("15-20%") == [Quantity(15.0, "%", 0, 6, 20.0)]
    assert find_quantities("15-20%")[0].is_range


def test_from_to_is_one_quantity_with_both_ends() -> None:
    text = "adding the second agent lengthened median PFS from 7.1 to 9.4 months"
    [quantity] = find_quantities(text)
    assert (quantity.value, quantity.high, quantity.unit) == (7.1, 9.4, "months")
    assert text[quantity.start : quantity.end] == "7.1 to 9.4 months"


def test_listed_numbers_share_the_unit() -> None:
    assert quantities("median PFS 2.8 vs 1.5 months") == [(2.8, "months", None), (1.5, "months", None)]
    assert quantities("4.1, 3.2 and 2.0 months") == [
        (4.1, "months", None),
        (3.2, "months", None),
        (2.0, "months", None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the 95% CI was wide", []),
        ("ORR 22% (95% CI 14-31)", [(22.0, "%", None)]),
        ("PFS 2.8 months (95% CI, 2.0 to 3.6 months)", [(2.8, "months", None)]),
        ("PFS 2.8 months (2.0–3.9 months)", [(2.8, "months", None)]),
        ("850 mg/m2 given on day 1 of every 28-day cycle", []),
        ("pembrolizumab 200 mg Q3W", []),
        ("given every 3 weeks", []),
        ("given every three weeks", []),
        ("in 3-week cycles", []),
        ("the 12-month OS rate was 45%", [(45.0, "%", None)]),
        ("grade 3-4 events", []),
        ("grade 3 and 15%", [(15.0, "%", None)]),
        ("HR 0.62 and 15%", [(15.0, "%", None)]),
        ("P = 0.03 and 15%", [(15.0, "%", None)]),
        ("stage 4 or 5 months", [(5.0, "months", None)]),
    ],
)
def test_quantity_traps(text: str, expected: list[tuple[float, str, float | None]]) -> None:
    assert quantities(text) == expected


def test_p_value_dataclass_fields() -> None:
    assert find_p_values("P = .015") == [PValue("=", 0.015, 0, 8)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the 2-year PFS rate", ["2 years"]),
        ("Twelve-month survival", ["12 months"]),
        ("at one year, most were alive", ["1 year"]),
        ("still in remission after 30 months", ["30 months"]),
        ("a 5 year overall survival of 40%", ["5 years"]),
        ("after a median follow-up of 24 months", []),
        ("patients aged 65 years or older", []),
        ("given every 2 years", []),
        ("a 24-month-old child", []),
    ],
)
def test_landmark_times(text: str, expected: list[str]) -> None:
    assert [landmark.label for landmark in find_landmarks(text)] == expected
