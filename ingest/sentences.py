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

# a line with cells set apart by three spaces or more, or by bars
_ALIGNED_LINE = re.compile(r"[ \t]*(?:\S[^\n]*?\S[ \t]{3,}\S|[^\n]*?\s\|\s)")
_WRAPPED_MID_CLAUSE = re.compile(r"(?:,|\b(?:and|or|of|to|with|the|a|an|in|for|versus|vs\.?))$", re.IGNORECASE)
_LOWER_START = re.compile(r"[a-z]")
# a word in lower case that goes on with a sentence, not a statistic's name ("p = 0.02")
_CONTINUING_WORD = re.compile(r"(?=[a-z])[^\W\d_]+(?![ \t]*[=<>\u2264\u2265:])")
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
        # a line may open on a word in lower case that is no sentence's middle: "mPFS, mo: 7.3",
        # "p = 0.017" under a table's rows
        following = _CONTINUING_WORD.match(text[match.end() : match.end() + 30])
        previous_start = text.rfind("\n", 0, match.start()) + 1
        if following and not _ALIGNED_LINE.match(text, previous_start):
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
    previous_start = text.rfind("\n", 0, match.start()) + 1
    if _ALIGNED_LINE.match(text, line_start) or _ALIGNED_LINE.match(text, previous_start):
        return False  # a table laid out with spaces: each line is a row
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
    return {
        match.start()
        for match in breaks
        if not (_break_is_soft(text, match, wrap_width) if wrap_width is not None else _mid_clause(text, match))
    }


def _mid_clause(text: str, match: re.Match[str]) -> bool:
    """Whether a single line break in a text not otherwise wrapped falls inside a clause: the line
    ends on a comma or a joining word and the next opens in lower case ("... (n=211),\nwhich
    was ...")."""
    return (
        match.group().count("\n") == 1
        and _WRAPPED_MID_CLAUSE.search(text, max(0, match.start() - 12), match.start()) is not None
        and _LOWER_START.match(text, match.end()) is not None
        and _break_is_soft(text, match, 1)
    )


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
# "Phase .............. III": dot leaders between a field's name and its value
_LEADER_LINE = re.compile(r"^[ \t]*[A-Za-z][^\n.|]{0,40}?(?P<leader>[ \t]*\.{3,}[ \t]*)(?=\S)", re.MULTILINE)
# a gap between the cells of a table laid out with spaces: two spaces or more, not after the
# punctuation that ends a sentence or opens a field's value ("Arm A:   12.0")
_CELL_GAP = re.compile(r"(?<=[^\s.!?:;,])[ \t]{2,}(?=\S)")
_CELL_SPLIT = re.compile(r"[ \t]{2,}")
_WIDE_GAP = 3
# figures of a table row, each with its interval in brackets, set apart by one space
_FIGURE = r"(?:\d+(?:\.\d+)?|NE|NA|NR)\s*\([^()\n]*\)"
_FIGURE_RUN = re.compile(rf"(?<!\S){_FIGURE}(?: {_FIGURE})+(?!\S)")
_SHORT_ROW = 80


def _layout_separators(text: str) -> dict[int, tuple[int, str]]:
    """Where a text laid out in columns says what punctuation would: the dot leaders of a
    field line ("Phase ....... III" reads "Phase: III") and the space between the cells of a
    table aligned with spaces ("Started      169    172" reads "Started | 169 | 172"; a
    header over an empty first column, "            Drug A    Drug B", reads "| Drug A | Drug
    B"). A line is a table's when it has no bars of its own and a gap of three spaces or more,
    or is short and next to another line with gaps (two spaces may be a slip in prose, not in
    "  X  12.0 (9.9 to 14.1)" over "  Y  8.2 (6.5 to 9.0)"). Each separator maps from the
    raw start of what it replaces to that span's end and the words put in its place."""
    separators: dict[int, tuple[int, str]] = {}
    for leader in _LEADER_LINE.finditer(text):
        separators[leader.start("leader")] = (leader.end("leader"), ": ")
    lines: list[tuple[int, str]] = []
    position = 0
    for line in text.split("\n"):
        lines.append((position, line))
        position += len(line) + 1
    gaps = [
        [] if "|" in line or not line.strip() else list(_CELL_GAP.finditer(line, len(line) - len(line.lstrip())))
        for _, line in lines
    ]

    def tabled(index: int) -> bool:
        if not gaps[index]:
            return False
        if any(len(gap.group()) >= _WIDE_GAP for gap in gaps[index]):
            return True
        short = len(lines[index][1].strip()) <= _SHORT_ROW
        return short and any(gaps[j] for j in (index - 1, index + 1) if 0 <= j < len(lines))

    table_lines = [tabled(index) for index in range(len(lines))]
    for index, (start, line) in enumerate(lines):
        if not table_lines[index]:
            continue
        for gap in gaps[index]:
            separators.setdefault(start + gap.start(), (start + gap.end(), " | "))
        for run in _FIGURE_RUN.finditer(line):
            # "12.5 (8.0-17.1) 9.9 (6.2-13.5)": figures with their intervals, one per column
            for space in re.finditer(r"(?<=\)) (?=\S)", run.group()):
                separators.setdefault(start + run.start() + space.start(), (start + run.start() + space.end(), " | "))
        indent = len(line) - len(line.lstrip())
        # the rows next to it, or the first under a section line ("Progression-free survival")
        below = next((lines[j][1] for j in range(index + 1, min(len(lines), index + 3)) if table_lines[j]), None)
        above = lines[index - 1][1] if index and table_lines[index - 1] else None
        neighbours = [other for other in (above, below) if other is not None]
        label_ends = [
            len(other) - len(other.lstrip()) + len(_CELL_SPLIT.split(other.strip())[0]) for other in neighbours
        ]
        if indent and label_ends and indent > max(label_ends):
            separators[start] = (start + indent, "| ")  # a header over the rows' labels
    return separators


def _spaces_and_separators(text: str, separators: dict[int, tuple[int, str]]) -> list[tuple[int, int]]:
    """The whitespace runs of a text and the separators that replace words in it, in order; a
    run is cut where a separator starts inside it (the indentation after a line break)."""
    spans: list[tuple[int, int]] = []
    for match in _WHITESPACE.finditer(text):
        start = match.start()
        for cut in sorted(k for k in separators if match.start() < k < match.end()):
            spans.append((start, cut))
            start = cut
        spans.append((start, match.end()))
    starts = {start for start, _ in spans}
    spans += [(start, end) for start, (end, _) in separators.items() if start not in starts]
    return sorted(spans)


class CleanText:
    """A document's text with line wrapping undone, and the way back to the original offsets.

    A line break that ends a sentence or block becomes one newline, any other whitespace run
    one space, a middle-dot decimal point a full stop, and a word hyphenated across a line break is joined
    ("NRAS-\\nmutated" -> "NRAS-mutated", but "BRAF-\\nand MEK-" stays apart), so that
    phrase patterns match however the source was wrapped.
    """

    def __init__(self, text: str) -> None:
        hard = hard_breaks(text)
        separators = _layout_separators(text)
        pieces: list[str] = []
        offsets: list[int] = []
        position = 0
        for start, end in _spaces_and_separators(text, separators):
            if start < position:
                continue  # whitespace inside a leader already replaced
            pieces.append(text[position:start])
            offsets.extend(range(position, start))
            if start in separators:
                end, words = separators[start]
                pieces.append(words)
                offsets.extend([start] * len(words))
                position = end
                continue
            wrapped_word = (
                "\n" in text[start:end]
                and _HYPHEN_BEFORE.search(text, 0, start) is not None
                and _WORD_AFTER.match(text, end) is not None
            )
            if start in hard:
                pieces.append("\n")
                offsets.append(start)
            elif not wrapped_word:
                pieces.append(" ")
                offsets.append(start)
            position = end
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
