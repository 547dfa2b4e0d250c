"""Negation and hedging of a span in a sentence, NegEx / ConText style, on plain strings.

Negation cues come from negspacy's clinical termset (pseudo, preceding, following and
termination cues), less the few that misfire on research prose, plus cues that papers use to
report a negative result ("failed to", "did not"). Hedging cues are kept below as data.

Scope follows ConText: a preceding cue reaches forward and a following cue backward, to the
nearest boundary. Boundaries are termination cues ("but", "however", ";", ":"), the comma that
closes an opening subordinate clause ("Although OS did not differ, PFS was longer") and the
comma that opens a participle clause ("..., suggesting that"). Three refinements keep a
negation from spreading over a whole sentence:
- a bracketed aside is a clause of its own, so the figures printed in brackets after a
  negative finding are not negated ("no gain in OS (9.8 vs 9.5 months)");
- a cue that negates a noun phrase ("without", "lack of") stops at the next verb
  ("patients without prior immunotherapy had a median PFS of ...");
- a cue inside a relative clause governs that clause only
  ("patients who had not received ... had a median PFS of ...").
A negated claim about a comparison ("OS did not differ") still negates the figures stated in
the same clause outside brackets; callers reading numeric results should weigh that.
Pseudo-negations ("not only", "no increase") are matched first and are never cues.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
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
    "unlike", ";", ":",
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
    """A cue's words; a final "*" stays on the last word, marking it a prefix."""
    prefix = phrase.endswith("*") and len(phrase) > 1
    words = tuple(token.text for token in _tokens(phrase[:-1] if prefix else phrase))
    return (*words[:-1], words[-1] + "*") if prefix else words


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


class _CueList:
    """A list of cue phrases, matched longest first and without overlaps."""

    def __init__(self, phrases: Iterable[tuple[str, Direction]]) -> None:
        by_first_word: dict[str, list[tuple[tuple[str, ...], str, Direction]]] = {}
        prefixed: list[tuple[tuple[str, ...], str, Direction]] = []
        for phrase, direction in phrases:
            words = _phrase_tokens(phrase)
            if words:
                entry = (words, phrase, direction)
                (prefixed if words[0].endswith("*") else by_first_word.setdefault(words[0], [])).append(entry)
        self._by_first_word = {
            word: sorted(entries, key=lambda entry: -len(entry[0])) for word, entries in by_first_word.items()
        }
        self._prefixed = sorted(prefixed, key=lambda entry: -len(entry[0]))

    def find(self, tokens: Sequence[_Token]) -> list[_Cue]:
        cues: list[_Cue] = []
        index = 0
        while index < len(tokens):
            candidates = [*self._by_first_word.get(tokens[index].text, ()), *self._prefixed]
            match = next((entry for entry in candidates if _phrase_matches_at(tokens, index, entry[0])), None)
            if match is None:
                index += 1
                continue
            words, phrase, direction = match
            cues.append(_Cue(phrase, index, index + len(words), direction))
            index += len(words)
        return cues


@dataclass(frozen=True)
class _CueLists:
    pseudo: _CueList
    preceding: _CueList
    following: _CueList
    termination: _CueList
    hedging: _CueList


@cache
def _cue_lists() -> _CueLists:
    patterns = termset("en_clinical").get_patterns()

    def merged(key: str, extra: Iterable[str], direction: Direction) -> _CueList:
        cues = {cue.lower() for cue in patterns[key]} | set(extra)
        return _CueList((cue, direction) for cue in sorted(cues - _EXCLUDED_NEGATION_CUES))

    return _CueLists(
        pseudo=merged("pseudo_negations", _EXTRA_PSEUDO_NEGATIONS, "both"),
        preceding=merged("preceding_negations", _EXTRA_PRECEDING, "forward"),
        following=merged("following_negations", _EXTRA_FOLLOWING, "backward"),
        termination=merged("termination", _EXTRA_TERMINATION, "both"),
        hedging=_CueList(HEDGING_CUES),
    )


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


def _bracket_levels(tokens: Sequence[_Token]) -> list[int]:
    """For each token, the index of the innermost open bracket around it, or -1 outside brackets."""
    levels: list[int] = []
    open_brackets: list[int] = []
    for index, token in enumerate(tokens):
        if token.text in (")", "]") and open_brackets:
            open_brackets.pop()
        levels.append(open_brackets[-1] if open_brackets else -1)
        if token.text in ("(", "["):
            open_brackets.append(index)
    return levels


class _Clauses:
    """Where cue scopes stop in one sentence.

    Boundaries are termination cues, the comma ending an opening subordinate clause, and a
    comma opening a participle clause. A bracketed aside is a clause of its own: a cue outside
    it does not reach into it (the figures printed in brackets after a negative finding are
    still stated), and a cue inside does not reach out.
    """

    def __init__(self, tokens: Sequence[_Token], terminations: Sequence[_Cue]) -> None:
        self.tokens = tokens
        self.levels = _bracket_levels(tokens)
        boundaries = [(cue.first, cue.last) for cue in terminations]
        boundaries += [
            (i, i + 1) for i, token in enumerate(tokens) if token.text == "," and _opens_participle_clause(tokens, i)
        ]
        for start in [0, *(cue.last for cue in terminations)]:
            if start < len(tokens) and tokens[start].text in _SUBORDINATORS:
                comma = next((i for i in range(start + 1, len(tokens)) if tokens[i].text == ","), None)
                if comma is not None:
                    boundaries.append((comma, comma + 1))
        self.boundaries = sorted(boundaries)

    def _segment(self, cue: _Cue) -> tuple[int, int]:
        """The token range between the boundaries either side of a cue, at the cue's bracket level."""
        level = self.levels[cue.first]
        same_level = [(first, last) for first, last in self.boundaries if self.levels[first] == level]
        start = max((last for first, last in same_level if last <= cue.first), default=0)
        end = min((first for first, _ in same_level if first >= cue.last), default=len(self.tokens))
        return start, end

    def _first_verb_after(self, start: int, end: int) -> int:
        return next((i for i in range(start, end) if self.tokens[i].text in _CLAUSE_VERBS), end)

    def _last_relative_pronoun(self, start: int, end: int) -> int | None:
        return next((i for i in range(end - 1, start - 1, -1) if self.tokens[i].text in _RELATIVE_PRONOUNS), None)

    def scope(self, cue: _Cue) -> set[int]:
        """The tokens a cue governs."""
        start, end = self._segment(cue)
        backward_start = start
        pronoun = self._last_relative_pronoun(start, cue.first)
        forward_end = end
        if cue.phrase in _NOUN_PHRASE_CUES:
            forward_end = self._first_verb_after(cue.last, end)
        elif pronoun is not None and cue.first - pronoun <= _RELATIVE_REACH:
            # A cue inside a relative clause governs that clause only: back to the pronoun, and
            # forward past the clause's own verb (right after the cue) up to the main verb.
            backward_start = pronoun + 1
            forward_end = self._first_verb_after(cue.last + 1, end)
        reach = {
            "backward": range(backward_start, cue.first),
            "forward": range(cue.last, forward_end),
            "both": range(backward_start, forward_end),
        }[cue.direction]
        level = self.levels[cue.first]
        return {i for i in reach if self.levels[i] == level and not cue.first <= i < cue.last}

    def nearest_covering(self, cues: Sequence[_Cue], target: set[int]) -> _Cue | None:
        covering = [cue for cue in cues if target & self.scope(cue)]
        if not covering:
            return None
        first = min(target)
        return min(covering, key=lambda cue: min(abs(cue.first - first), abs(cue.last - 1 - first)))


def _target_tokens(tokens: Sequence[_Token], start: int, end: int) -> set[int]:
    return {i for i, token in enumerate(tokens) if token.start < end and start < token.end}


@dataclass(frozen=True)
class _SentenceCues:
    tokens: tuple[_Token, ...]
    clauses: _Clauses
    negations: tuple[_Cue, ...]
    hedges: tuple[_Cue, ...]


@lru_cache(maxsize=256)
def _sentence_cues(sentence: str) -> _SentenceCues:
    """The cues of a sentence; cached because callers ask about several targets per sentence."""
    tokens = tuple(_tokens(sentence))
    cue_lists = _cue_lists()
    pseudo = cue_lists.pseudo.find(tokens)
    # A cue such as "was not" is both: "not" negates what follows, "was not" what precedes.
    negations = [
        cue for cue in cue_lists.preceding.find(tokens) + cue_lists.following.find(tokens) if not _overlaps(cue, pseudo)
    ]
    hedges = [cue for cue in cue_lists.hedging.find(tokens) if not _is_calendar_may(sentence, tokens, cue)]
    clauses = _Clauses(tokens, cue_lists.termination.find(tokens))
    return _SentenceCues(tokens, clauses, tuple(negations), tuple(hedges))


def assertion_status(sentence: str, target_start: int, target_end: int) -> AssertionStatus:
    """Whether the span ``sentence[target_start:target_end]`` is negated or hedged."""
    cues = _sentence_cues(sentence)
    target = _target_tokens(cues.tokens, target_start, target_end)
    if not target:
        return AssertionStatus(negated=False, hedged=False, cue=None)

    def outside_target(found: Sequence[_Cue]) -> list[_Cue]:
        return [cue for cue in found if not target.intersection(range(cue.first, cue.last))]

    negation = cues.clauses.nearest_covering(outside_target(cues.negations), target)
    hedge = cues.clauses.nearest_covering(outside_target(cues.hedges), target)
    cue = negation or hedge
    return AssertionStatus(negated=negation is not None, hedged=hedge is not None, cue=cue.phrase if cue else None)
