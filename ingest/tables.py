"""Pipe tables ("| Arm | Patients | Median PFS (months) | ORR (%) |") as Markdown papers, trial
registries and converted PDFs print them.

A table is a header row, an optional separator row ("|---|---|") and data rows; each line is a
sentence of its own (:mod:`ingest.sentences`). :class:`PipeTable` is fed the sentences in order
and hands back each data row with the header cell above each of its cells, so a reader can take
an arm from the first cell and a figure from a column whose header names an endpoint.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ingest.mentions import Sentence

_SEPARATOR_CELL = re.compile(r"\s*:?-{2,}:?\s*")
_NUMBER = re.compile(r"\d")
# A column that counts patients: "Patients", "N", "No. of patients", "Participants (n)"
_COUNT_COLUMN = re.compile(r"^\s*(?:n|no\.?(?:\s+of\s+\w+)?|number(?:\s+of\s+\w+)?|patients|participants)\b", re.I)


@dataclass(frozen=True)
class Cell:
    start: int  # offsets in the reading's text
    end: int
    text: str


@dataclass(frozen=True)
class Row:
    header: tuple[Cell, ...]
    cells: tuple[Cell, ...]

    def under(self, index: int) -> Cell | None:
        """The header cell of a column."""
        return self.header[index] if index < len(self.header) else None

    def count_column(self) -> int | None:
        """The index of the column that counts patients, if any."""
        return next((i for i, cell in enumerate(self.header) if _COUNT_COLUMN.match(cell.text)), None)


def row_cells(sentence: Sentence) -> tuple[Cell, ...] | None:
    """The cells of a sentence that is a pipe-table row (at least two cells), else None."""
    text = sentence.text.rstrip()
    stripped = text.lstrip()
    if not stripped.startswith("|") or text.count("|") < 3:
        return None
    bars = [i for i, char in enumerate(text) if char == "|"]
    cells = []
    for left, right in itertools.pairwise(bars):
        raw = text[left + 1 : right]
        lead = len(raw) - len(raw.lstrip())
        content = raw.strip()
        start = sentence.start + left + 1 + lead
        cells.append(Cell(start, start + len(content), content))
    return tuple(cells) if len(cells) >= 2 else None


class PipeTable:
    """Follows the tables of a document sentence by sentence."""

    def __init__(self) -> None:
        self._header: tuple[Cell, ...] | None = None
        self._separated = False  # a separator row closed the header: every row after it is data

    def feed(self, sentence: Sentence) -> Row | None:
        """The data row a sentence is, with its table's header; None for any other sentence
        (a header or separator row is remembered, anything that is not a row ends the table).
        Without a separator row, a row without figures is read as a header row."""
        cells = row_cells(sentence)
        if cells is None:
            self._header, self._separated = None, False
            return None
        if all(_SEPARATOR_CELL.fullmatch(cell.text) for cell in cells):
            self._separated = self._header is not None
            return None
        if self._header is None or not (self._separated or any(_NUMBER.search(cell.text) for cell in cells[1:])):
            self._header = cells
            return None
        return Row(self._header, cells)


# the title over a header's row labels when the rows are populations: "Population | A | B"
POPULATION_TITLE = r"(?:analysis\s+)?populations?|subgroups?"
# Registry results copied as a grid without borders: a header whose first cell is empty
# (" | Drug A | Drug B") or says what the columns are or the rows ("Arm/Group | A | B",
# "PARTICIPANT FLOW | A | B", "Endpoint | A | B") and rows that start with their label ("Started | 374 | 372").
_GRID_HEADER = re.compile(
    r"^\s*(?i:arm\s*/\s*group(?:\s+title)?|arms?|groups?|participant\s+flow|endpoints?|outcomes?|period\b[^|\n]*|"
    rf"{POPULATION_TITLE})?\s*"
    r"\|(?P<labels>[^|\n]+(?:\|[^|\n]+)+?)\s*\|?\s*$"
)
_TITLE_LINE = re.compile(r"^\s*arm/group\s+title\s*:\s*(?P<labels>[^|\n]+(?:\|[^|\n]+)+?)\s*$", re.I)
_GRID_ROW = re.compile(r"^\s*(?P<label>[^|\n]+?)\s*\|(?P<cells>[^|\n]+(?:\|[^|\n]+)+?)\s*\|?\s*$")


def column_titles(text: str) -> list[tuple[str, int, int]] | None:
    """The arm labels a header row gives its columns, casefolded, each with its span in the
    text: a borderless grid's header (" | Drug A | Drug B") or a results record's title line
    ("Arm/Group Title: Drug A | Drug B")."""
    match = _GRID_HEADER.match(text) or _TITLE_LINE.match(text)
    if match is None:
        return None
    titles: list[tuple[str, int, int]] = []
    position = match.start("labels")
    for cell in match["labels"].split("|"):
        titles.append((" ".join(cell.casefold().split()), position, position + len(cell)))
        position += len(cell) + 1
    return titles


def grid_row(text: str) -> tuple[str, list[str]] | None:
    """A borderless grid row: its label and its cells."""
    match = _GRID_ROW.match(text)
    return (match["label"], [cell.strip() for cell in match["cells"].split("|")]) if match else None
