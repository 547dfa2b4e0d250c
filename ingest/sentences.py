"""Sentence boundaries for scientific prose, abstracts, news copy and registry records.

spaCy's rule sentencizer splits on punctuation only, which fails in two directions on the
texts this project reads: hard-wrapped text (PDF extractions, Markdown) breaks sentences
across lines, and structured records (registry fields, bullet lists, section headings) have
no final punctuation at all. This module decides boundaries on the raw text:

- a line break ends a sentence unless the text is hard-wrapped and the break is a soft wrap
  (the next line continues the sentence: it starts in lower case, or the previous line ends
  mid-phrase);
- inside a line (or a run of joined lines) a sentence ends at ``.``, ``!`` or ``?`` followed
  by a capital, a digit or an opening bracket, unless the period ends a known abbreviation,
  an initial or a decimal.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter

# Words whose trailing period does not end a sentence.
_ABBREVIATIONS = frozenset(
    [
        "vs",
        "al",
        "e.g",
        "i.e",
        "cf",
        "fig",
        "figs",
        "no",
        "nos",
        "dr",
        "drs",
        "mr",
        "ms",
        "mrs",
        "prof",
        "approx",
        "ca",
        "inc",
        "ltd",
        "co",
        "corp",
        "st",
        "jr",
        "sr",
        "ref",
        "refs",
        "vol",
        "eds",
        "ed",
        "est",
        "min",
        "max",
        "resp",
        "incl",
        "dept",
        "univ",
        "colo",
        "calif",
        "mass",
        "wash",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
    ]
)

_LINE_BREAKS = re.compile(r"[ \t\r\f\v]*\n(?:[ \t\r\f\v]*\n)*")
_LONGEST_LIST_ITEM = 400
_BULLET = re.compile(r"\s*(?:[-*\u2022\u2013]\s|\d{1,2}[.)]\s)")
_TABLE_ROW_LINE = re.compile(r"[ \t]*\|[^\n]*\|[ \t]*")
# A registry's arm line: "Experimental: Drug A + Drug B. Drug A 10 mg daily plus ..."
_ARM_FIELD = re.compile(
    r"\s*(?:\d{1,2}[.)]\s*)?(?:Experimental|Active\s+comparator|Placebo\s+comparator|Sham\s+comparator|"
    r"No\s+intervention|Arm\s+[A-Z0-9]{1,3}|Cohort\s+[A-Z0-9]{1,3})\s*:",
    re.IGNORECASE,
)
_FIELD = re.compile(r"\s*[A-Z][\w ()/'&,.-]{0,60}:(?:\s|$)")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")
_LABEL_NOUN_BEFORE = re.compile(r"\b(?:cohort|arm|group|part|stage|type|class|category|level|panel|appendix)\s+$", re.I)


def _is_abbreviation(text: str, dot: int) -> bool:
    match = _WORD_BEFORE.search(text, 0, dot + 1)
    if match is None:
        return False
    word = match.group(1).casefold()
    if word in _ABBREVIATIONS:
        return True
    # A single capital letter followed by a period is an initial ("J. Smith"), unless it labels
    # a cohort, arm or the like ("... in cohort C. Median PFS ...") or ends a regimen's short
    # form ("... to C+V. After ...").
    return (
        len(word) == 1
        and text[match.start(1)].isupper()
        and text[match.start(1) - 1 : match.start(1)] not in {"+", "/"}
        and not _LABEL_NOUN_BEFORE.search(text, max(0, match.start(1) - 12), match.start(1))
    )


def _soft_wrap_width(text: str, breaks: list[re.Match[str]]) -> int | None:
    """How many newlines a soft wrap uses in this text, or None when the text is not wrapped.

    A text is hard-wrapped when several line breaks fall inside sentences, which shows as a
    next line starting in lower case.
    """
    widths: Counter[int] = Counter()
    for match in breaks:
        # a line may open on a word in lower case that is no sentence's middle: "mPFS, mo: 7.3"
        following = re.match(r"[^\W\d_]+", text[match.end() : match.end() + 30])
        if following and following.group().islower():
            widths[match.group().count("\n")] += 1
    if sum(widths.values()) < 2:
        return None
    return widths.most_common(1)[0][0]


def _break_is_soft(text: str, match: re.Match[str], wrap_width: int) -> bool:
    if match.group().count("\n") > wrap_width:
        return False  # a paragraph break
    line_start = match.end()
    if _BULLET.match(text, line_start) or _FIELD.match(text, line_start):
        return False
    previous = text[: match.start()].rstrip()
    if not previous:
        return False
    if previous[-1] in ".!?:":
        # A full stop at the end of a line ends the sentence unless an abbreviation ends there.
        return previous[-1] == "." and _is_abbreviation(previous, len(previous) - 1)
    # Inside a wrapped text a line that stops without final punctuation is wrapped mid-sentence.
    return True


def hard_breaks(text: str) -> set[int]:
    """Start offsets of the line breaks that end a sentence or a block."""
    breaks = list(_LINE_BREAKS.finditer(text))
    wrap_width = _soft_wrap_width(text, breaks)
    return {match.start() for match in breaks if wrap_width is None or not _break_is_soft(text, match, wrap_width)}


def _blocks(text: str) -> list[tuple[int, int]]:
    """Spans of text between hard line breaks."""
    hard = hard_breaks(text)
    blocks: list[tuple[int, int]] = []
    start = 0
    for match in _LINE_BREAKS.finditer(text):
        if match.start() in hard:
            blocks.append((start, match.start()))
            start = match.end()
    blocks.append((start, len(text)))
    return blocks


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans (start, end) of the sentences of ``text``, in order, without the
    whitespace around them."""
    spans: list[tuple[int, int]] = []
    for block_start, block_end in _blocks(text):
        start = block_start
        if _TABLE_ROW_LINE.fullmatch(text, block_start, block_end):
            spans.append(_strip(text, block_start, block_end))  # a pipe-table row is one row
            continue
        listed = _BULLET.match(text, block_start) or _ARM_FIELD.match(text, block_start)
        if listed and block_end - block_start <= _LONGEST_LIST_ITEM:
            # A list item or a registry arm ("- Experimental: Arm A. Drug X 10 mg daily") is one
            # statement.
            spans.append(_strip(text, block_start, block_end))
            continue
        for match in _SENTENCE_END.finditer(text, block_start, block_end):
            dot = match.start()
            if text[dot] == "." and _is_abbreviation(text, dot):
                continue
            spans.append(_strip(text, start, match.end()))
            start = match.end()
        spans.append(_strip(text, start, block_end))
    return [(s, e) for s, e in spans if e > s]


_WHITESPACE = re.compile(r"\s+")
_HYPHEN_BEFORE = re.compile(r"\w[-\u2010\u2011]$")
_WORD_AFTER = re.compile(r"(?!(?:and|or|to|nor)\b)[a-z]")


_MIDDLE_DOT_DECIMAL = re.compile(r"(?<=\d)[\u00b7\u2027\u22c5](?=\d)")


class CleanText:
    """A document's text with line wrapping undone, and the way back to the original offsets.

    A line break that ends a sentence or block becomes one newline, any other whitespace run
    one space, a middle-dot decimal point a full stop, and a word hyphenated across a line break is joined
    ("NRAS-\\nmutated" -> "NRAS-mutated", but "BRAF-\\nand MEK-" stays apart), so that
    phrase patterns match however the source was wrapped.
    """

    def __init__(self, text: str) -> None:
        hard = hard_breaks(text)
        pieces: list[str] = []
        offsets: list[int] = []
        position = 0
        for match in _WHITESPACE.finditer(text):
            pieces.append(text[position : match.start()])
            offsets.extend(range(position, match.start()))
            wrapped_word = (
                "\n" in match.group()
                and _HYPHEN_BEFORE.search(text, 0, match.start()) is not None
                and _WORD_AFTER.match(text, match.end()) is not None
            )
            if match.start() in hard:
                pieces.append("\n")
                offsets.append(match.start())
            elif not wrapped_word:
                pieces.append(" ")
                offsets.append(match.start())
            position = match.end()
        pieces.append(text[position:])
        offsets.extend(range(position, len(text)))
        offsets.append(len(text))
        # Lancet style writes decimals with a middle dot ("0\u00b710"); one character for one
        self.text = _MIDDLE_DOT_DECIMAL.sub(".", "".join(pieces))
        self._offsets = offsets

    def raw(self, index: int) -> int:
        """The offset in the original text of clean offset ``index``."""
        return self._offsets[index]

    def clean(self, raw_index: int) -> int:
        """The first clean offset at or after a raw offset."""
        return bisect_left(self._offsets, raw_index)
