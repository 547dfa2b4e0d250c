from __future__ import annotations

import pytest

from ingest.assertion import HEDGING_CUES, AssertionStatus, assertion_status


def status(sentence: str, target: str, occurrence: int = 0) -> AssertionStatus:
    start = -1
    for _ in range(occurrence + 1):
        start = sentence.index(target, start + 1)
    return assertion_status(sentence, start, start + len(target))


# ---- negation ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "target", "cue"),
    [
        ("Overall survival did not differ between the two arms.", "Overall survival", "did not"),
        ("There was no significant difference in PFS between the groups.", "PFS", "no"),
        ("The doublet was not successful in this population.", "doublet", "was not"),
        ("Adding cobimetinib failed to improve overall survival.", "overall survival", "failed to"),
        ("Adding cobimetinib failed to improve overall survival.", "cobimetinib", "failed to"),
        ("Responses occurred without evidence of cumulative toxicity.", "cumulative toxicity", "without"),
        ("Neither OS nor ORR improved with the doublet.", "ORR", "nor"),
        ("The median overall survival was not reached.", "median overall survival", "was not"),
        ("No new safety signals were identified.", "safety signals", "no"),
        ("The gain in PFS wasn't significant.", "PFS", "wasn't"),
        ("The gain in PFS wasn’t significant.", "PFS", "wasn't"),
        ("We found an absence of activity in KRAS-mutant disease.", "activity", "absence of"),
        ("Patients who had not received prior immunotherapy were eligible.", "immunotherapy", "not"),
    ],
)
def test_negated(sentence: str, target: str, cue: str) -> None:
    assert status(sentence, target) == AssertionStatus(negated=True, hedged=False, cue=cue)


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        # NegEx pseudo-negations are not cues.
        ("Trametinib not only delayed progression but also extended survival.", "progression"),
        ("There was no increase in cardiac toxicity.", "cardiac toxicity"),
        ("There was no change in tumour burden at week 8.", "tumour burden"),
        ("The cohort included, but was not limited to, uveal melanoma.", "uveal melanoma"),
        # A termination cue closes the scope.
        ("There was no difference in OS, but PFS was longer with binimetinib.", "PFS"),
        ("OS did not differ; however, PFS was longer with binimetinib.", "PFS"),
        ("No OS benefit was seen, whereas PFS was longer with the doublet.", "PFS"),
        # So does the comma closing an opening subordinate clause.
        ("Although OS did not differ, PFS was longer with the combination.", "PFS"),
        # A noun-phrase cue stops at the verb; a relative clause stops at the main verb.
        ("Patients without prior immunotherapy had a median PFS of 5.5 months.", "median PFS"),
        ("Patients who had not received prior immunotherapy had a median PFS of 5.5 months.", "median PFS"),
        # Clinical cues that misread research prose are left out.
        ("Median PFS was 2.8 months with binimetinib versus 1.5 months with dacarbazine.", "dacarbazine"),
        ("Serum LDH declined in most responders.", "LDH"),
        # A negation before the target does not reach back.
        ("Binimetinib improved PFS without increasing toxicity.", "PFS"),
    ],
)
def test_not_negated(sentence: str, target: str) -> None:
    assert not status(sentence, target).negated


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("There was no gain in overall survival (median 9.8 vs 9.5 months) with the doublet.", "9.8"),
        ("The triplet did not raise the response rate: the ORR was 31% versus 29%.", "31%"),
        ("The hazard ratio was 0.91 (95% CI 0.70-1.18), a difference that was not significant.", "0.91"),
        ("The doublet lengthened PFS (no effect on OS was seen) in this cohort.", "PFS"),
    ],
)
def test_brackets_colons_and_relative_clauses_bound_the_scope(sentence: str, target: str) -> None:
    assert not status(sentence, target).negated


def test_negation_crosses_a_bracketed_aside_but_not_into_it() -> None:
    sentence = "No benefit in PFS (4.1 vs 3.9 months; HR 0.95) or OS was seen with the triplet."
    assert status(sentence, "OS", occurrence=0).negated
    assert not status(sentence, "HR 0.95").negated
    assert status("The doublet lengthened PFS (no effect on OS was seen).", "OS").negated


def test_negation_scope_on_the_other_side_of_a_termination() -> None:
    sentence = "There was no difference in OS, but PFS was longer with binimetinib."
    assert status(sentence, "OS").negated
    sentence = "Although OS did not differ, PFS was longer with the combination."
    assert status(sentence, "OS") == AssertionStatus(negated=True, hedged=False, cue="did not")


def test_cue_inside_the_target_is_not_a_cue_for_it() -> None:
    sentence = "Rates of no evidence of disease were similar."
    assert not status(sentence, "no evidence of disease").negated


# ---- hedging ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "target", "cue"),
    [
        ("Activity may be improved by combination with a CDK4/6 inhibitor.", "CDK4/6 inhibitor", "may"),
        ("Activity may be improved by combination with a CDK4/6 inhibitor.", "Activity", "may"),
        ("We suggest that palbociclib be added to MEK inhibition.", "palbociclib", "suggest"),
        ("Binimetinib could be combined with checkpoint blockade.", "Binimetinib", "could"),
        ("A triplet regimen is proposed for this subgroup.", "triplet regimen", "proposed"),
        ("Further studies are warranted to test this doublet.", "doublet", "warranted"),
        ("Dual blockade appears to overcome adaptive resistance.", "Dual blockade", "appears to"),
        ("We hypothesised that ERK inhibition adds to MEK inhibition.", "ERK inhibition", "hypothes*"),
        ("The doublet is worth exploring in NRAS-mutant disease.", "doublet", "worth exploring"),
        ("Such triplets should be tested in the future.", "triplets", "in the future"),
    ],
)
def test_hedged(sentence: str, target: str, cue: str) -> None:
    assert status(sentence, target) == AssertionStatus(negated=False, hedged=True, cue=cue)


def test_participle_comment_hedges_only_what_follows() -> None:
    sentence = (
        "Binimetinib prolonged progression-free survival, suggesting that combinations may add benefit."
    )
    assert status(sentence, "progression-free survival") == AssertionStatus(False, False, None)
    assert status(sentence, "combinations").hedged


def test_month_may_is_not_a_hedge() -> None:
    sentence = "Enrolment began in May 2016 and PFS was assessed every 8 weeks."
    assert not status(sentence, "PFS").hedged
    assert not status("The cut-off was 3 May and PFS was mature.", "PFS").hedged


def test_negated_and_hedged_reports_the_negation_cue() -> None:
    sentence = "The doublet may not improve survival in this setting."
    assert status(sentence, "survival") == AssertionStatus(negated=True, hedged=True, cue="not")


# ---- plain statements -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("Binimetinib improved PFS compared with dacarbazine.", "PFS"),
        ("The objective response rate was 15% with the doublet.", "objective response rate"),
        ("Progression-free survival was longer with the combination.", "Progression-free survival"),
        ("Treatment continued until progression or unacceptable toxicity.", "progression"),
    ],
)
def test_plain_positive(sentence: str, target: str) -> None:
    assert status(sentence, target) == AssertionStatus(negated=False, hedged=False, cue=None)


def test_empty_target_is_plain() -> None:
    assert assertion_status("No response was seen.", 0, 0) == AssertionStatus(False, False, None)


def test_hedging_cues_are_lower_case_data() -> None:
    assert all(
        cue == cue.lower() and direction in {"forward", "backward", "both"} for cue, direction in HEDGING_CUES
    )
