"""Abbreviation definitions in running text, after Schwartz & Hearst (2003).

A definition is a parenthesised short form next to its long form, written either way round:
"long form (SF)" or "SF (long form)". The long form is found by matching the short form's
letters and digits right to left against the words before the parenthesis; the first
character of the short form must start a word. The candidate long form is limited to
min(|SF| + 5, |SF| * 2) words, where |SF| counts the short form's letters and digits.

Deviations from the published algorithm, each for text this project reads:
- nested parentheses are resolved with a stack, so an inner definition's long form is looked
  for only inside its enclosing parenthetical, and a nested group inside a short form
  ("PD-L1 (CD274)") is cut off before the short form is tested;
- a short form holding a comparison or percent sign ("n=57", "P=.002") or a word that is a
  number ("HR 1.01") is not a short form: these are statistics, and the character scan would
  otherwise accept some of them;
- the long form is reported with line breaks and hyphenation at line ends removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MIN_SHORT_FORM_CHARS = 2
MAX_SHORT_FORM_CHARS = 10
MAX_SHORT_FORM_WORDS = 2

_WORD = re.compile(r"\S+")
_SPACE = re.compile(r"\s+")
# Sentence and clause ends a long form never spans.
_CLAUSE_END = re.compile(r"[.!?;](?=\s)")
_STATISTIC_MARKS = frozenset("=<>%±≤≥")
_NUMERIC_WORD = re.compile(r"[\d.,·]+")
# A word broken at a line end: "progres-\nsion". The hyphen is kept when the second part is a
# common compound head ("progression-\nfree"), because then it was a real hyphen.
_LINE_END_HYPHEN = re.compile(r"(?<=[a-z])-[ \t]*\r?\n\s*(?=([a-z]+))")
_COMPOUND_HEADS = frozenset({
    "free", "related", "based", "line", "small", "cell", "naive", "type", "mutant", "mutated",
    "positive", "negative", "specific", "term", "dependent", "independent", "like", "induced",
    "associated", "directed", "targeted", "wide",
})  # fmt: skip


@dataclass(frozen=True)
class Abbreviation:
    short: str
    long: str
    short_start: int
    short_end: int
    long_start: int
    long_end: int


def find_abbreviations(text: str) -> list[Abbreviation]:
    """Every abbreviation definition in ``text``, in text order."""
    found: list[Abbreviation] = []
    for open_index, close_index, enclosing_open in _parenthesis_pairs(text):
        definition = _long_form_first(text, open_index, close_index, enclosing_open)
        if definition is None:
            definition = _short_form_first(text, open_index, close_index, enclosing_open)
        if definition is not None:
            found.append(definition)
    return sorted(found, key=lambda abbreviation: abbreviation.short_start)


# A short form coined for a regimen or a fixed pair, whose letters need not start the long
# form's words ("trifluridine–tipiracil (FTD–TPI)"): two capitals or more in joined
# parts (a bare "(ORBIT)" after drugs is a trial's name), no space.
_COINED_SHORT_FORM = re.compile(
    r"\s*\(\s*(?P<short>(?=(?:[^()\s]*[A-Z]){2})[A-Za-z][A-Za-z0-9]*(?:[-\u2010-\u2013/+][A-Za-z0-9]+){1,3})\s*\)"
)
_DIGIT = re.compile(r"\d")


def coined_short_form(text: str, end: int) -> re.Match[str] | None:
    """The bracketed short form that follows ``end``, when the words before are already known
    to name something (a drug, a regimen), so its letters need not match them; a name with a
    digit ("(KEYNOTE-189)", "(TAS-102)", "(SOLACE-4)") is a trial or a code, not a short form."""
    match = _COINED_SHORT_FORM.match(text, end)
    if match is None or _DIGIT.search(match["short"]):
        return None
    return match


def abbreviation_map(text: str) -> dict[str, str]:
    """Short form -> long form; when a short form is defined twice the first definition wins."""
    mapping: dict[str, str] = {}
    for abbreviation in find_abbreviations(text):
        mapping.setdefault(abbreviation.short, abbreviation.long)
    return mapping


def _parenthesis_pairs(text: str) -> list[tuple[int, int, int | None]]:
    """(open, close, enclosing open or None) for every balanced pair of round brackets."""
    pairs: list[tuple[int, int, int | None]] = []
    stack: list[int] = []
    for index, char in enumerate(text):
        if char == "(":
            stack.append(index)
        elif char == ")" and stack:
            open_index = stack.pop()
            pairs.append((open_index, index, stack[-1] if stack else None))
    return sorted(pairs)


def _letters_and_digits(short: str) -> int:
    return sum(char.isalnum() for char in short)


def _is_valid_short_form(short: str) -> bool:
    return (
        len(short) >= MIN_SHORT_FORM_CHARS
        and _letters_and_digits(short) <= MAX_SHORT_FORM_CHARS
        and any(char.isalpha() for char in short)
        and short[0].isalnum()
        and len(short.split()) <= MAX_SHORT_FORM_WORDS
        and not _STATISTIC_MARKS.intersection(short)
        and not any(_NUMERIC_WORD.fullmatch(word) for word in short.split())
    )


def _max_long_form_words(short: str) -> int:
    size = _letters_and_digits(short)
    return min(size + 5, size * 2)


def _context_start(text: str, open_index: int, enclosing_open: int | None) -> int:
    """Where the text a long form may come from begins: the enclosing bracket or the clause."""
    start = 0 if enclosing_open is None else enclosing_open + 1
    for match in _CLAUSE_END.finditer(text, start, open_index):
        start = match.end()
    return start


def _short_form_region(text: str, open_index: int, close_index: int) -> tuple[int, int]:
    """The part of a parenthetical that can be a short form: before ", ", "; ", ": " or a nested "("."""
    end = close_index
    for separator in (", ", "; ", ": ", "("):
        cut = text.find(separator, open_index + 1, end)
        if cut != -1:
            end = cut
    return _strip_span(text, open_index + 1, end)


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _best_long_form_start(short: str, candidate: str) -> int | None:
    """Index in ``candidate`` where the long form of ``short`` begins, or None.

    Scans both strings right to left: every letter or digit of the short form must appear in
    the candidate in order, and the short form's first character must begin a word.
    """
    long_index = len(candidate) - 1
    for short_index in range(len(short) - 1, -1, -1):
        char = short[short_index].lower()
        if not char.isalnum():
            continue
        while long_index >= 0 and (
            candidate[long_index].lower() != char
            or (short_index == 0 and long_index > 0 and candidate[long_index - 1].isalnum())
        ):
            long_index -= 1
        if long_index < 0:
            return None
        long_index -= 1
    word_start = long_index + 1
    while word_start > 0 and not candidate[word_start - 1].isspace():
        word_start -= 1
    return word_start


def _acceptable(short: str, long: str) -> bool:
    long_words = len([part for part in re.split(r"[\s-]+", long) if part])
    return not (
        len(long) < len(short)
        or f"{short} " in long
        or long.endswith(short)
        or long_words > _max_long_form_words(short)
    )


def _normalise_long_form(long: str) -> str:
    def join(match: re.Match[str]) -> str:
        return "-" if match.group(1) in _COMPOUND_HEADS else ""

    return _SPACE.sub(" ", _LINE_END_HYPHEN.sub(join, long)).strip()


def _match_long_form(
    text: str, short: str, short_span: tuple[int, int], region: tuple[int, int]
) -> Abbreviation | None:
    """The definition of ``short`` whose long form ends ``text[region]``, if the scan finds one."""
    region_start, region_end = _strip_span(text, *region)
    candidate = text[region_start:region_end]
    start = _best_long_form_start(short, candidate)
    if start is None:
        return None
    long_start = region_start + start
    while long_start < region_end and not text[long_start].isalnum():
        long_start += 1
    long = _normalise_long_form(text[long_start:region_end])
    if not _acceptable(short, long):
        return None
    return Abbreviation(short, long, short_span[0], short_span[1], long_start, region_end)


def _long_form_first(text: str, open_index: int, close_index: int, enclosing_open: int | None) -> Abbreviation | None:
    """The pattern "long form (SF)"."""
    short_start, short_end = _short_form_region(text, open_index, close_index)
    short = text[short_start:short_end]
    if not _is_valid_short_form(short):
        return None
    words = list(_WORD.finditer(text, _context_start(text, open_index, enclosing_open), open_index))
    if not words:
        return None
    window = words[-_max_long_form_words(short) :]
    return _match_long_form(text, short, (short_start, short_end), (window[0].start(), open_index))


def _short_form_first(text: str, open_index: int, close_index: int, enclosing_open: int | None) -> Abbreviation | None:
    """The pattern "SF (long form)": the short form is the word before the parenthesis."""
    context_start = _context_start(text, open_index, enclosing_open)
    words = list(_WORD.finditer(text, context_start, open_index))
    if not words:
        return None
    short_start, short_end = words[-1].span()
    while short_start < short_end and not text[short_start].isalnum():
        short_start += 1
    while short_end > short_start and not text[short_end - 1].isalnum():
        short_end -= 1
    short = text[short_start:short_end]
    if not _is_valid_short_form(short) or not any(char.isupper() for char in short):
        return None
    long_end = close_index
    for separator in (", ", "; "):
        cut = text.find(separator, open_index + 1, long_end)
        if cut != -1:
            long_end = cut
    return _match_long_form(text, short, (short_start, short_end), (open_index + 1, long_end))
