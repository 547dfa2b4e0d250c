"""Protein-change mentions: "Q61R", "p.Gln61Arg", "V600E/K", "codon 12, 13 or 61", "BRAFV600E".

Each mention is normalised to the one-letter short form the graph keys variants by ("Q61R",
codon level "Q61") and to HGVS protein notation ("p.Gln61Arg", "p.Gln61").

Many tokens of scientific prose have the shape letter-digits-letter without being protein
changes: dosing schedules (Q3W, Q12H), cell lines (A549, T47D, H1299), proteins and enzymes
(S100B, CD274, P450), cell-cycle phases (G1, G2). A one-letter mention is therefore kept only
when something supports it:
- a substitution, deletion or insertion needs a position of two or more digits, a "p." prefix,
  or a gene written against it ("NRAS Q61R", "BRAFV600E", "Q61R NRAS");
- a bare codon ("Q61", "A549") needs a "p." prefix, a gene written against it, or must be a
  well-known hotspot (HOTSPOTS), since cell-line names are bare codons too;
- schedule-shaped changes (Q3W, Q12H) and cell-line names (T47D) are dropped unless a gene is
  written against them.
Three-letter forms ("Gln61Arg") are distinctive and always kept.

A written token counts as a gene when gene_spans covers it or names its symbol, or when it is
a gene of the hotspot table; other upper-case words next to a change (trial names, "ORR") are
not taken as its gene.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

AMINO_ACIDS: Mapping[str, str] = {
    "A": "Ala", "R": "Arg", "N": "Asn", "D": "Asp", "C": "Cys", "Q": "Gln", "E": "Glu",
    "G": "Gly", "H": "His", "I": "Ile", "L": "Leu", "K": "Lys", "M": "Met", "F": "Phe",
    "P": "Pro", "S": "Ser", "T": "Thr", "W": "Trp", "Y": "Tyr", "V": "Val", "*": "Ter",
}  # fmt: skip
_ONE_LETTER: Mapping[str, str] = {three: one for one, three in AMINO_ACIDS.items()}

# Reference residues of well-known hotspot codons: (gene, codon) -> residue. They let a
# codon-level mention ("codon 61") be written as residue + position, and let a bare codon
# ("Q61") be told from a cell-line name ("A549").
HOTSPOTS: Mapping[tuple[str, int], str] = {
    ("NRAS", 12): "G", ("NRAS", 13): "G", ("NRAS", 59): "A", ("NRAS", 61): "Q", ("NRAS", 117): "K",
    ("NRAS", 146): "A",
    ("KRAS", 12): "G", ("KRAS", 13): "G", ("KRAS", 59): "A", ("KRAS", 61): "Q", ("KRAS", 117): "K",
    ("KRAS", 146): "A",
    ("HRAS", 12): "G", ("HRAS", 13): "G", ("HRAS", 61): "Q",
    ("BRAF", 464): "G", ("BRAF", 466): "G", ("BRAF", 469): "G", ("BRAF", 594): "D", ("BRAF", 597): "L",
    ("BRAF", 600): "V", ("BRAF", 601): "K",
    ("EGFR", 719): "G", ("EGFR", 768): "S", ("EGFR", 790): "T", ("EGFR", 797): "C", ("EGFR", 858): "L",
    ("EGFR", 861): "L",
    ("KIT", 557): "W", ("KIT", 559): "V", ("KIT", 560): "V", ("KIT", 576): "L", ("KIT", 642): "K",
    ("KIT", 816): "D",
    ("PDGFRA", 842): "D",
    ("IDH1", 132): "R", ("IDH2", 140): "R", ("IDH2", 172): "R",
    ("PIK3CA", 542): "E", ("PIK3CA", 545): "E", ("PIK3CA", 1047): "H",
    ("MAP2K1", 56): "Q", ("MAP2K1", 57): "K", ("MAP2K1", 121): "C", ("MAP2K1", 124): "P",
    ("MAP2K1", 203): "E",
    ("AKT1", 17): "E",
    ("GNAQ", 183): "R", ("GNAQ", 209): "Q", ("GNA11", 183): "R", ("GNA11", 209): "Q",
    ("ERBB2", 310): "S", ("ERBB2", 755): "L", ("ERBB2", 777): "V",
    ("CTNNB1", 33): "S", ("CTNNB1", 37): "S", ("CTNNB1", 41): "T", ("CTNNB1", 45): "S",
    ("TP53", 175): "R", ("TP53", 245): "G", ("TP53", 248): "R", ("TP53", 249): "R", ("TP53", 273): "R",
    ("TP53", 282): "R",
    ("ESR1", 537): "Y", ("ESR1", 538): "D",
    ("JAK2", 617): "V",
    ("ABL1", 315): "T", ("ABL1", 255): "E",
    ("FGFR3", 248): "R", ("FGFR3", 249): "S",
    ("BTK", 481): "C",
    ("ALK", 1174): "F", ("ALK", 1196): "L", ("ALK", 1202): "G",
    ("ROS1", 2032): "G",
    ("RET", 918): "M",
    ("FLT3", 835): "D",
    ("SF3B1", 700): "K",
    ("MYD88", 265): "L",
    ("RAC1", 29): "P",
    ("POLE", 286): "P",
    ("DNMT3A", 882): "R",
}  # fmt: skip
HOTSPOT_GENES = frozenset(gene for gene, _ in HOTSPOTS)

_AA1 = "[ACDEFGHIKLMNPQRSTVWY]"
_ALT1 = r"[ACDEFGHIKLMNPQRSTVWY*]"
_AA3 = "(?:" + "|".join(three for one, three in AMINO_ACIDS.items() if one != "*") + ")"
_ALT3 = rf"(?:{_AA3}|Ter|\*)"
_POSITION = r"[1-9]\d{0,4}"


def _change_pattern(aa: str, alt: str, stop: str) -> str:
    return (
        rf"(?P<ref>{aa})(?P<pos>{_POSITION})(?:_(?P<end_ref>{aa})(?P<end_pos>{_POSITION}))?"
        rf"(?:(?P<edit>delins|del|dup|ins)(?P<inserted>(?:{aa})*)"
        rf"|(?P<fs_alt>{aa})?(?P<fs>fs)(?:{stop})?(?P<fs_length>\d+)?"
        rf"|(?P<alt>{alt}))?"
    )


_ONE_LETTER_CHANGE = _change_pattern(_AA1, _ALT1, r"\*")
_THREE_LETTER_CHANGE = _change_pattern(_AA3, _ALT3, r"Ter|\*")
_CHANGE_FORMS = (
    re.compile(rf"(?:p\.)?(?P<open>\()?{_ONE_LETTER_CHANGE}(?(open)\))"),
    re.compile(rf"(?:p\.)?(?P<open>\()?{_THREE_LETTER_CHANGE}(?(open)\))"),
)
_ONE_LETTER_MENTION = re.compile(
    rf"(?<![a-z_])(?P<prefix>p\.(?P<open>\()?)?{_ONE_LETTER_CHANGE}(?(open)\))(?![A-Za-z0-9])"
)
_THREE_LETTER_MENTION = re.compile(
    rf"(?<![A-Za-z0-9_])(?P<prefix>p\.(?P<open>\()?)?{_THREE_LETTER_CHANGE}(?(open)\))(?![A-Za-z0-9])"
)
# "V600E/K", "Q61R/K/L": further alternative residues at the same position.
_ALTERNATIVE_RESIDUE = re.compile(rf"\s?/\s?(?P<alt>{_ALT1})(?![A-Za-z0-9])")
# "G12/13": a further codon with the same reference residue written once.
_ALTERNATIVE_CODON = re.compile(rf"\s?/\s?(?P<pos>{_POSITION})(?![A-Za-z0-9])")
_CODON_LIST_SEPARATOR = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s*/\s*|\s+(?:and|or|&)\s+)"
_CODON_LIST = re.compile(rf"\b(?i:codons?)\s+(?P<list>{_POSITION}(?:{_CODON_LIST_SEPARATOR}{_POSITION})*)")
_NUMBER = re.compile(r"\d+")
# A substitution needs no other support once its position has two digits.
_MIN_UNSUPPORTED_POSITION = 10
# Dosing schedules: every 1-12 weeks, every 1-72 hours, every 1-7 days.
_SCHEDULE = re.compile(r"Q(?:[1-9]|1[0-2])W|Q(?:[1-9]|1\d|2[0-4]|48|72)H|Q[1-7]D")
# Cell lines and proteins spelt like a substitution with a two-digit position.
_NAMES_SHAPED_LIKE_CHANGES = frozenset({"T47D", "T98G", "C33A", "S100A"})
_GENE_TOKEN_BEFORE = re.compile(r"(?<![A-Za-z0-9-])(?P<gene>[A-Z][A-Z0-9]{1,9})(?:\s*[-\u2010\u2013:]\s*|\s+)$")
_GENE_TOKEN_AFTER = re.compile(
    r"^(?:\s*[-\u2010\u2013]\s*|\s+|\s+(?:mutations?\s+|substitutions?\s+)?(?:of|in)\s+(?:the\s+)?)"
    r"(?P<gene>[A-Z][A-Z0-9]{1,9})(?![A-Za-z0-9])"
)
_SEPARATOR_ONLY = re.compile(r"\s*[-\u2010\u2013:]?\s*")
_SEPARATOR_AFTER = re.compile(r"\s*[-\u2010\u2013]?\s*|\s+(?:mutations?\s+|substitutions?\s+)?(?:of|in)\s+(?:the\s+)?")
_CHANGE_AHEAD = re.compile(rf"\s*[-\u2010\u2013:]?\s*(?:p\.\(?)?(?:{_AA1}|{_AA3})[1-9]")
_LIST_SEPARATOR = re.compile(r"\s*(?:[,/;]\s*)?(?:(?:and|or|and/or|to|vs\.?|versus)\s+)?")
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z(\[])|\n\s*\n")

GeneSpans = Sequence[tuple[int, int, str]]


@dataclass(frozen=True)
class VariantMention:
    gene: str | None
    change: str  # one-letter short form: "Q61R", codon level "Q61"
    hgvs: str  # "p.Gln61Arg", "p.Gln61"
    start: int
    end: int
    is_codon_level: bool


@dataclass(frozen=True)
class _ProteinChange:
    """A parsed protein change in one-letter residues."""

    ref: str
    position: int
    end_ref: str | None = None
    end_position: int | None = None
    edit: str = ""  # "" codon level | "sub" | "del" | "dup" | "ins" | "delins" | "fs"
    residues: str = ""  # the new residue(s): substituted, inserted, or first of a frameshift
    fs_length: str = ""

    @property
    def is_codon_level(self) -> bool:
        return self.edit == ""

    def _render(self, name: Mapping[str, str] | None) -> str:
        def aa(residues: str) -> str:
            return "".join(name[residue] for residue in residues) if name else residues

        text = f"{aa(self.ref)}{self.position}"
        if self.end_ref is not None:
            text += f"_{aa(self.end_ref)}{self.end_position}"
        if self.edit == "sub":
            return text + aa(self.residues)
        if self.edit == "fs":
            stop = "Ter" if name else "*"
            return f"{text}{aa(self.residues)}fs" + (f"{stop}{self.fs_length}" if self.fs_length else "")
        return text + self.edit + aa(self.residues)

    def short(self) -> str:
        return self._render(None)

    def hgvs(self) -> str:
        return "p." + self._render(AMINO_ACIDS)


def _parse_match(match: re.Match[str]) -> _ProteinChange | None:
    """The change a one- or three-letter match spells, or None when it is not a valid change."""
    width = len(match["ref"])

    def one_letter(residues: str | None) -> str:
        if not residues:
            return ""
        if residues in ("*", "Ter"):
            return "*"
        return "".join(
            residues[i] if width == 1 else _ONE_LETTER[residues[i : i + width]] for i in range(0, len(residues), width)
        )

    position = int(match["pos"])
    end_position = int(match["end_pos"]) if match["end_pos"] else None
    if end_position is not None and end_position <= position:
        return None
    if match["edit"]:
        edit, residues = match["edit"], one_letter(match["inserted"])
        if (edit in ("ins", "delins")) != bool(residues) or (edit == "ins" and end_position is None):
            return None
    elif match["fs"]:
        edit, residues = "fs", one_letter(match["fs_alt"])
    elif match["alt"]:
        edit, residues = "sub", one_letter(match["alt"])
    else:
        edit, residues = "", ""
    if end_position is not None and edit in ("", "sub", "fs"):
        return None
    return _ProteinChange(
        one_letter(match["ref"]),
        position,
        one_letter(match["end_ref"]) or None,
        end_position,
        edit,
        residues,
        match["fs_length"] or "",
    )


def _parse(text: str) -> _ProteinChange | None:
    cleaned = text.strip()
    for form in _CHANGE_FORMS:
        match = form.fullmatch(cleaned)
        if match is not None:
            return _parse_match(match)
    return None


def to_hgvs(change: str) -> str:
    """HGVS protein notation of a change in any written form: "Q61R" -> "p.Gln61Arg".

    Raises ValueError when ``change`` is not a protein change.
    """
    parsed = _parse(change)
    if parsed is None:
        raise ValueError(f"not a protein change: {change!r}")
    return parsed.hgvs()


def short_change(text: str) -> str | None:
    """The one-letter short form of a change in any written form: "p.Gln61Arg" -> "Q61R"."""
    parsed = _parse(text)
    return None if parsed is None else parsed.short()


def hotspot_residue(gene: str | None, codon: int) -> str | None:
    """The reference residue at a hotspot codon; for an unknown gene, only when all genes agree."""
    if gene is not None:
        return HOTSPOTS.get((gene, codon))
    residues = {residue for (_, position), residue in HOTSPOTS.items() if position == codon}
    return residues.pop() if len(residues) == 1 else None


@dataclass(frozen=True)
class _GeneLink:
    symbol: str | None
    written_against: bool  # glued to, or directly next to, the change


class _GeneResolver:
    """Finds the gene a mention belongs to, from gene_spans and the written form."""

    def __init__(self, text: str, gene_spans: GeneSpans) -> None:
        self.text = text
        self.spans = sorted(gene_spans)
        self.symbols = frozenset(symbol for _, _, symbol in gene_spans)
        self.sentence_starts = [0, *(match.end() for match in _SENTENCE_END.finditer(text))]
        # A gene written against a change belongs to it, not to later changes in the sentence.
        self.taken = {span for span in self.spans if _CHANGE_AHEAD.match(text, span[1])}

    def _span_covering(self, start: int, end: int) -> str | None:
        for span_start, span_end, symbol in self.spans:
            if (span_start <= start and end <= span_end) or span_start == start:
                return symbol
        return None

    def glued(self, start: int) -> _GeneLink | None:
        """The gene in "BRAFV600E": an upper-case run glued to the change."""
        run_start = start
        while run_start > 0 and (self.text[run_start - 1].isupper() or self.text[run_start - 1].isdigit()):
            run_start -= 1
        if run_start == start:
            return None
        if run_start > 0 and self.text[run_start - 1].isalnum():
            return _GeneLink(None, written_against=True)
        symbol = self._span_covering(run_start, start) or self._known(self.text[run_start:start])
        return _GeneLink(symbol, written_against=True)

    def _known(self, token: str) -> str | None:
        """A written token taken as a gene: a symbol of gene_spans or a hotspot gene."""
        return token if token in self.symbols or token in HOTSPOT_GENES else None

    def before(self, start: int) -> _GeneLink | None:
        """The gene written directly before: "NRAS Q61R", "NRAS-Q61K", "KRAS p.G12C"."""
        for _, span_end, symbol in reversed(self.spans):
            if span_end <= start and _SEPARATOR_ONLY.fullmatch(self.text, span_end, start):
                return _GeneLink(symbol, written_against=True)
            if span_end <= start:
                break
        match = _GENE_TOKEN_BEFORE.search(self.text, max(0, start - 16), start)
        return self._written_token(match)

    def after(self, end: int) -> _GeneLink | None:
        """The gene written directly after: "Q61R NRAS", "codon 61 of NRAS"."""
        for span_start, _, symbol in self.spans:
            if span_start >= end and _SEPARATOR_AFTER.fullmatch(self.text, end, span_start):
                return _GeneLink(symbol, written_against=True)
        return self._written_token(_GENE_TOKEN_AFTER.match(self.text[end : end + 40]))

    def _written_token(self, match: re.Match[str] | None) -> _GeneLink | None:
        gene = None if match is None else self._known(match["gene"])
        return None if gene is None else _GeneLink(gene, written_against=True)

    def nearest_before(self, start: int) -> _GeneLink | None:
        """The closest gene of gene_spans before the mention in its sentence."""
        sentence_start = max(boundary for boundary in self.sentence_starts if boundary <= start)
        candidates = [
            span for span in self.spans if sentence_start <= span[0] and span[1] <= start and span not in self.taken
        ]
        if not candidates:
            return None
        return _GeneLink(max(candidates, key=lambda span: span[1])[2], written_against=False)

    def resolve(self, start: int, end: int) -> _GeneLink:
        for link in (self.before(start), self.after(end), self.nearest_before(start)):
            if link is not None:
                return link
        return _GeneLink(None, written_against=False)


def _is_hotspot(gene: str | None, change: _ProteinChange) -> bool:
    if gene is not None and (gene, change.position) in HOTSPOTS:
        return HOTSPOTS[(gene, change.position)] == change.ref
    return any(position == change.position and residue == change.ref for (_, position), residue in HOTSPOTS.items())


def _reconciled(link: _GeneLink, change: _ProteinChange) -> _GeneLink | None:
    """The link, checked against the gene's reference residue where the hotspot table knows it.

    A gene written against a change with the wrong reference residue ("KRAS Q12H") means the
    mention is not that gene's change: it is dropped. A nearest gene with the wrong residue is
    just the wrong gene: the mention is kept without one.
    """
    reference = HOTSPOTS.get((link.symbol, change.position)) if link.symbol else None
    if reference is None or reference == change.ref:
        return link
    return None if link.written_against else _GeneLink(None, written_against=False)


def _supported(change: _ProteinChange, written: str, link: _GeneLink, has_prefix: bool) -> bool:
    """Whether a one-letter mention is a protein change rather than a name shaped like one."""
    gene_written_against = link.written_against and link.symbol is not None
    if _SCHEDULE.fullmatch(written) or written in _NAMES_SHAPED_LIKE_CHANGES:
        return gene_written_against
    if change.is_codon_level:
        return has_prefix or gene_written_against or _is_hotspot(link.symbol, change)
    return has_prefix or gene_written_against or change.position >= _MIN_UNSUPPORTED_POSITION


@dataclass(frozen=True)
class _Found:
    mention: VariantMention
    gene_written_against: bool


def _found(link: _GeneLink, change: _ProteinChange, start: int, end: int) -> _Found:
    mention = VariantMention(link.symbol, change.short(), change.hgvs(), start, end, change.is_codon_level)
    return _Found(mention, link.written_against and link.symbol is not None)


_HYPHENED_NAME = re.compile(r"[A-Z0-9][-\u2010\u2011]$")


def _one_letter_mentions(text: str, resolver: _GeneResolver) -> list[_Found]:
    found: list[_Found] = []
    for match in _ONE_LETTER_MENTION.finditer(text):
        change = _parse_match(match)
        if change is None:
            continue
        has_prefix = match["prefix"] is not None
        glued = resolver.glued(match.start())
        if glued is not None:
            # A glued prefix must be a known gene, and a glued bare codon ("CD274") is a name.
            if glued.symbol is None or change.is_codon_level:
                continue
            link = glued
        else:
            link = resolver.resolve(match.start(), match.end())
            hyphened = _HYPHENED_NAME.search(text, max(0, match.start() - 2), match.start()) is not None
            if change.is_codon_level and hyphened and not _is_hotspot(link.symbol, change):
                continue  # "AR-V7", "CD44-V6": an isoform's name, not a codon
        reconciled = _reconciled(link, change)
        written = match.group(0)[match.start("ref") - match.start() :]
        if reconciled is None or not _supported(change, written, reconciled, has_prefix):
            continue
        found.append(_found(reconciled, change, match.start(), match.end()))
        found.extend(_alternatives(text, match.end(), change, reconciled))
    return found


def _alternatives(text: str, end: int, change: _ProteinChange, link: _GeneLink) -> list[_Found]:
    """Mentions written as alternatives after a change: "V600E/K", "G12/13"."""
    found: list[_Found] = []
    if change.edit == "sub":
        while (match := _ALTERNATIVE_RESIDUE.match(text, end)) is not None:
            alternative = _ProteinChange(change.ref, change.position, edit="sub", residues=match["alt"])
            found.append(_found(link, alternative, match.start("alt"), match.end()))
            end = match.end()
    elif change.is_codon_level:
        while (match := _ALTERNATIVE_CODON.match(text, end)) is not None:
            position = int(match["pos"])
            residue = hotspot_residue(link.symbol, position)
            if residue is not None:
                found.append(_found(link, _ProteinChange(residue, position), match.start("pos"), match.end()))
            end = match.end()
    return found


def _three_letter_mentions(text: str, resolver: _GeneResolver) -> list[_Found]:
    found: list[_Found] = []
    for match in _THREE_LETTER_MENTION.finditer(text):
        change = _parse_match(match)
        link = None if change is None else _reconciled(resolver.resolve(match.start(), match.end()), change)
        if change is not None and link is not None:
            found.append(_found(link, change, match.start(), match.end()))
    return found


def _codon_list_mentions(text: str, resolver: _GeneResolver) -> list[_Found]:
    """ "codon 61", "codons 12 and 13", "codon 12, 13 or 61" of a gene with known hotspots."""
    found: list[_Found] = []
    for match in _CODON_LIST.finditer(text):
        link = resolver.resolve(match.start(), match.end())
        for number in _NUMBER.finditer(match["list"]):
            position = int(number.group())
            residue = hotspot_residue(link.symbol, position)
            if residue is None:
                continue
            start = match.start("list") + number.start()
            found.append(_found(link, _ProteinChange(residue, position), start, start + len(number.group())))
    return found


def find_variants(text: str, gene_spans: GeneSpans = ()) -> list[VariantMention]:
    """Every protein-change mention in ``text``, in text order.

    ``gene_spans`` are the genes already recognised in ``text`` as (start, end, HGNC symbol).
    A mention's gene is, in this order: a gene glued to it ("BRAFV600E"), the gene written
    directly before or after it ("NRAS Q61R", "Q61R NRAS", "codon 61 of NRAS"), the gene of
    the change it is listed with ("NRAS Q61R or Q61K"), the nearest gene of ``gene_spans``
    before it in its sentence that is not written against another change; else None, for
    the caller to resolve from the rest of the document.
    """
    resolver = _GeneResolver(text, gene_spans)
    found = {
        item.mention: item
        for item in (
            *_one_letter_mentions(text, resolver),
            *_three_letter_mentions(text, resolver),
            *_codon_list_mentions(text, resolver),
        )
    }
    in_order = sorted(found.values(), key=lambda item: (item.mention.start, item.mention.end, item.mention.change))
    return [item.mention for item in _share_genes_along_lists(text, in_order)]


def _share_genes_along_lists(text: str, found: list[_Found]) -> list[_Found]:
    """A mention listed after another takes its gene unless one is written against it itself:
    "NRAS Q61R or Q61K"."""
    shared: list[_Found] = []
    for item in found:
        previous = shared[-1] if shared else None
        if (
            not item.gene_written_against
            and previous is not None
            and previous.mention.gene is not None
            and previous.mention.end <= item.mention.start
            and _LIST_SEPARATOR.fullmatch(text, previous.mention.end, item.mention.start)
        ):
            shared.append(_Found(replace(item.mention, gene=previous.mention.gene), previous.gene_written_against))
        else:
            shared.append(item)
    return shared
