"""Negation and hedging of a span in a sentence, NegEx / ConText style, on plain strings.

Negation cues come from negspacy's clinical termset (pseudo, preceding, following and
termination cues), less the few that misfire on research prose, plus cues that papers use to
report a negative result ("failed to", "did not"). Hedging cues are kept below as data.

Scope follows ConText: a preceding cue reaches forward and a following cue backward, to the
nearest boundary. Boundaries are termination cues ("but", "however", ";") and the comma that
closes an opening subordinate clause ("Although OS did not differ, PFS was longer"). Two
refinements keep a negation from spreading over a whole sentence:
- a cue that negates a noun phrase ("without", "lack of") stops at the next verb
  ("patients without prior immunotherapy had a median PFS of ...");
- a cue inside a relative clause stops at the verb after that clause
  ("patients who had not received ... had a median PFS of ...").
Pseudo-negations ("not only", "no increase") are matched first and are never cues.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal

from negspacy.termsets import termset

Direction = Literal["forward", "backward", "both"]

# Clinical cues that misread research prose: "versus" joins trial arms, "declined" is a fall
# in a measurement, "free" is part of "progression free survival".
_EXCLUDED_NEGATION_CUES = frozenset({"versus", "declined", "free", "evaluate for", "r/o", "ro"})
_EXTRA_PSEUDO_NEGATIONS = ("whether or not", "not limited to", "no more than", "no less than", "if not")
_EXTRA_PRECEDING = (
    "failed to", "fail to", "fails to", "lack of", "lacked", "lacks", "neither", "nor", "unable to",
    "non-significant", "nonsignificant", "insignificant", "absence of",
)  # fmt: skip
_EXTRA_FOLLOWING = (
    "did not", "does not", "do not", "has not", "have not", "had not", "is not", "are not", "could not",
    "cannot", "failed to", "fails to", "fail to", "was unable to", "were unable to", "not significant",
    "not statistically significant", "not reached", "didn't", "doesn't", "don't", "hasn't", "haven't",
    "isn't", "aren't",
)  # fmt: skip
_EXTRA_TERMINATION = (
    "whereas", "while", "in contrast", "conversely", "nonetheless", "instead", "despite", "meanwhile",
    "unlike", ";",
)  # fmt: skip
# Cues that negate the noun phrase after them; their scope ends at the next verb.
_NOUN_PHRASE_CUES = frozenset({
    "without", "lack of", "absence of", "free of", "no evidence of", "no sign of", "no signs of",
    "without evidence of", "without signs of", "negative for",
})  # fmt: skip
_RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose", "that"})
_RELATIVE_REACH = 3  # tokens between a relative pronoun and a cue inside its clause
_CLAUSE_VERBS = frozenset({
    "had", "has", "have", "was", "were", "is", "are", "did", "does", "showed", "show", "shows", "shown",
    "achieved", "achieve", "experienced", "derived", "obtained", "demonstrated", "reached", "exhibited",
    "displayed", "attained", "remained", "improved", "improves", "prolonged", "prolongs", "increased",
    "increases", "reduced", "reduces", "decreased", "extended", "extends", "yielded", "yields",
    "resulted", "led", "produced", "conferred", "provided", "appeared", "received",
})  # fmt: skip
_SUBORDINATORS = frozenset({
    "although", "though", "while", "whereas", "because", "since", "if", "when", "as", "after", "before",
    "once", "unless", "despite", "given",
})  # fmt: skip

# Hedging cues: speculation, proposal and uncertainty. "*" ends a prefix cue. Participles that
# open a comment on what was just reported ("..., suggesting that") hedge only what follows.
HEDGING_CUES: tuple[tuple[str, Direction], ...] = (
    ("may", "both"), ("might", "both"), ("could", "both"), ("would", "both"),
    ("suggest", "both"), ("suggests", "both"), ("suggested", "both"), ("suggesting", "forward"),
    ("propose", "both"), ("proposes", "both"), ("proposed", "both"), ("proposing", "forward"),
    ("potential", "both"), ("potentially", "both"), ("possible", "both"), ("possibly", "both"),
    ("perhaps", "both"), ("presumably", "both"), ("putative", "both"), ("likely", "both"),
    ("appears to", "both"), ("appear to", "both"), ("appeared to", "both"),
    ("seems to", "both"), ("seem to", "both"), ("seemed to", "both"),
    ("warrant", "both"), ("warrants", "both"), ("warranted", "both"), ("warrants further", "both"),
    ("merits further", "both"), ("hypothes*", "both"), ("speculate*", "both"),
    ("worth exploring", "both"), ("worth investigating", "both"), ("in the future", "both"),
    ("future studies", "both"), ("future trials", "both"), ("further studies", "both"),
    ("further investigation", "both"), ("remains to be", "both"), ("remain to be", "both"),
    ("should be explored", "both"), ("should be investigated", "both"), ("expected to", "both"),
    ("unclear", "both"), ("unknown whether", "both"), ("rationale for", "forward"),
    ("raising the possibility", "forward"),
)  # fmt: skip

_TOKEN = re.compile(r"\w+(?:['’-]\w+)*|[^\w\s]")


@dataclass(frozen=True)
class AssertionStatus:
    negated: bool
    hedged: bool
    cue: str | None  # the negation cue when negated, else the hedging cue when hedged


@dataclass(frozen=True)
class _Token:
    text: str  # lower case, typographic apostrophes made plain
    start: int
    end: int


@dataclass(frozen=True)
class _Cue:
    phrase: str
    first: int  # token indexes, end exclusive
    last: int
    direction: Direction


def _tokens(sentence: str) -> list[_Token]:
    return [
        _Token(match.group().lower().replace("’", "'"), match.start(), match.end())
        for match in _TOKEN.finditer(sentence)
    ]


def _phrase_tokens(phrase: str) -> tuple[str, ...]:
    return tuple(token.text for token in _tokens(phrase))


@dataclass(frozen=True)
class _CueSets:
    pseudo: tuple[str, ...]
    preceding: tuple[str, ...]
    following: tuple[str, ...]
    termination: tuple[str, ...]


@cache
def _cue_sets() -> _CueSets:
    patterns = termset("en_clinical").get_patterns()

    def merged(key: str, extra: Iterable[str]) -> tuple[str, ...]:
        cues = {cue.lower() for cue in patterns[key]} | set(extra)
        return tuple(sorted(cues - _EXCLUDED_NEGATION_CUES))

    return _CueSets(
        pseudo=merged("pseudo_negations", _EXTRA_PSEUDO_NEGATIONS),
        preceding=merged("preceding_negations", _EXTRA_PRECEDING),
        following=merged("following_negations", _EXTRA_FOLLOWING),
        termination=merged("termination", _EXTRA_TERMINATION),
    )


def _phrase_matches_at(tokens: Sequence[_Token], index: int, phrase: tuple[str, ...]) -> bool:
    if index + len(phrase) > len(tokens):
        return False
    for offset, word in enumerate(phrase):
        token = tokens[index + offset].text
        if word.endswith("*") and token.startswith(word[:-1]):
            continue
        if token != word:
            return False
    return True


def _find(tokens: Sequence[_Token], phrases: Iterable[tuple[str, Direction]]) -> list[_Cue]:
    """Longest-first, non-overlapping matches of ``phrases`` in ``tokens``."""
    candidates = sorted(((_phrase_tokens(phrase), phrase, direction) for phrase, direction in phrases),
                        key=lambda item: -len(item[0]))  # fmt: skip
    cues: list[_Cue] = []
    index = 0
    while index < len(tokens):
        for words, phrase, direction in candidates:
            if words and _phrase_matches_at(tokens, index, words):
                cues.append(_Cue(phrase, index, index + len(words), direction))
                index += len(words)
                break
        else:
            index += 1
    return cues


def _overlaps(cue: _Cue, others: Iterable[_Cue]) -> bool:
    return any(cue.first < other.last and other.first < cue.last for other in others)


def _is_calendar_may(sentence: str, tokens: Sequence[_Token], cue: _Cue) -> bool:
    """ "May 2021", "15 May": the month, not the modal verb."""
    if cue.phrase != "may" or sentence[tokens[cue.first].start] != "M":
        return False
    neighbours = [tokens[i].text for i in (cue.first - 1, cue.first + 1) if 0 <= i < len(tokens)]
    return any(neighbour.isdigit() for neighbour in neighbours)


def _opens_participle_clause(tokens: Sequence[_Token], comma: int) -> bool:
    """ "..., suggesting that ...": a comma followed by a participle starts a comment clause."""
    following = tokens[comma + 1].text if comma + 1 < len(tokens) else ""
    return following.isalpha() and len(following) > len("ing") + 1 and following.endswith("ing")


def _boundaries(tokens: Sequence[_Token], terminations: Sequence[_Cue]) -> list[tuple[int, int]]:
    """Token ranges no scope crosses: termination cues, the comma ending an opening subordinate
    clause, and a comma opening a participle clause."""
    boundaries = [(cue.first, cue.last) for cue in terminations]
    boundaries += [
        (i, i + 1)
        for i, token in enumerate(tokens)
        if token.text == "," and _opens_participle_clause(tokens, i)
    ]
    clause_starts = [0, *(cue.last for cue in terminations)]
    for start in clause_starts:
        if start < len(tokens) and tokens[start].text in _SUBORDINATORS:
            comma = next((i for i in range(start + 1, len(tokens)) if tokens[i].text == ","), None)
            if comma is not None:
                boundaries.append((comma, comma + 1))
    return sorted(boundaries)


def _segment(cue: _Cue, boundaries: Sequence[tuple[int, int]], size: int) -> tuple[int, int]:
    """The token range between the boundaries either side of a cue."""
    start = max((last for first, last in boundaries if last <= cue.first), default=0)
    end = min((first for first, _ in boundaries if first >= cue.last), default=size)
    return start, end


def _first_verb_after(tokens: Sequence[_Token], start: int, end: int) -> int:
    return next((i for i in range(start, end) if tokens[i].text in _CLAUSE_VERBS), end)


def _scope(tokens: Sequence[_Token], cue: _Cue, boundaries: Sequence[tuple[int, int]]) -> range:
    start, end = _segment(cue, boundaries, len(tokens))
    if cue.direction == "backward":
        return range(start, cue.first)
    forward_end = end
    if cue.phrase in _NOUN_PHRASE_CUES:
        forward_end = _first_verb_after(tokens, cue.last, end)
    elif any(
        tokens[i].text in _RELATIVE_PRONOUNS
        for i in range(max(start, cue.first - _RELATIVE_REACH), cue.first)
    ):
        # The verb right after the cue belongs to the relative clause; the next one is the main verb.
        forward_end = _first_verb_after(tokens, cue.last + 1, end)
    if cue.direction == "forward":
        return range(cue.last, forward_end)
    return range(start, forward_end)


def _target_tokens(tokens: Sequence[_Token], start: int, end: int) -> set[int]:
    return {i for i, token in enumerate(tokens) if token.start < end and start < token.end}


def _nearest_covering(
    tokens: Sequence[_Token], cues: Sequence[_Cue], boundaries: Sequence[tuple[int, int]], target: set[int]
) -> _Cue | None:
    covering = [cue for cue in cues if target & set(_scope(tokens, cue, boundaries))]
    if not covering:
        return None
    middle = min(target)
    return min(covering, key=lambda cue: min(abs(cue.first - middle), abs(cue.last - 1 - middle)))


def assertion_status(sentence: str, target_start: int, target_end: int) -> AssertionStatus:
    """Whether the span ``sentence[target_start:target_end]`` is negated or hedged."""
    tokens = _tokens(sentence)
    target = _target_tokens(tokens, target_start, target_end)
    if not target:
        return AssertionStatus(negated=False, hedged=False, cue=None)
    cue_sets = _cue_sets()
    pseudo = _find(tokens, ((phrase, "both") for phrase in cue_sets.pseudo))
    terminations = _find(tokens, ((phrase, "both") for phrase in cue_sets.termination))
    boundaries = _boundaries(tokens, terminations)

    def usable(cues: list[_Cue]) -> list[_Cue]:
        return [cue for cue in cues if not target.intersection(range(cue.first, cue.last))]

    # A cue such as "was not" is both: "not" negates what follows, "was not" what precedes.
    negations = usable(
        [cue for cue in _find(tokens, ((phrase, "forward") for phrase in cue_sets.preceding))
         if not _overlaps(cue, pseudo)]
        + [cue for cue in _find(tokens, ((phrase, "backward") for phrase in cue_sets.following))
           if not _overlaps(cue, pseudo)]
    )  # fmt: skip
    hedges = usable(
        [cue for cue in _find(tokens, HEDGING_CUES) if not _is_calendar_may(sentence, tokens, cue)]
    )
    negation = _nearest_covering(tokens, negations, boundaries, target)
    hedge = _nearest_covering(tokens, hedges, boundaries, target)
    cue = negation or hedge
    return AssertionStatus(
        negated=negation is not None, hedged=hedge is not None, cue=cue.phrase if cue else None
    )
