"""Protein-change mentions: "Q61R", "p.Gln61Arg", "V600E/K", "codon 12, 13 or 61", "BRAFV600E".

Each mention is normalised to the one-letter short form the graph keys variants by ("Q61R",
codon level "Q61") and to HGVS protein notation ("p.Gln61Arg", "p.Gln61").

Many tokens of scientific prose have the shape letter-digits-letter without being protein
changes: dosing schedules (Q3W, Q12H), cell lines (A549, T47D, H1299), proteins and enzymes
(S100B, CD274, P450), cell-cycle phases (G1, G2). A one-letter mention is therefore kept only
when something supports it:
- a substitution, deletion or insertion needs a position of two or more digits, a "p." prefix,
  or a gene written against it ("NRAS Q61R", "BRAFV600E", "Q61R NRAS");
- a bare codon ("Q61", "A549") needs a "p." prefix, a known gene written against it, or must be
  a well-known hotspot (HOTSPOTS), since cell-line names are bare codons too;
- schedule-shaped changes (Q3W, Q12H) and cell-line names (T47D) are dropped unless a gene is
  written against them.
Three-letter forms ("Gln61Arg") are distinctive and always kept.
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
_CODON_LIST = re.compile(
    rf"\b(?i:codons?)\s+(?P<list>{_POSITION}(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s*/\s*|\s+(?:and|or|&)\s+){_POSITION})*)"
)
_NUMBER = re.compile(r"\d+")
# A substitution needs no other support once its position has two digits.
MIN_UNSUPPORTED_POSITION = 10
# Dosing schedules: every 1-12 weeks, every 1-72 hours, every 1-7 days.
_SCHEDULE = re.compile(r"Q(?:[1-9]|1[0-2])W|Q(?:[1-9]|1\d|2[0-4]|48|72)H|Q[1-7]D")
_NAMES_SHAPED_LIKE_CHANGES = frozenset({"T47D", "C3H", "E2F", "G2M", "H3K4", "S100A"})
# Upper-case tokens that stand before a change without being its gene.
_NOT_GENES = frozenset({
    "A", "AN", "AND", "OR", "OF", "IN", "ON", "TO", "BY", "AT", "AS", "FOR", "WITH", "VS", "NOT", "NO",
    "THE", "ALL", "ANY", "BOTH", "EACH", "HR", "CI", "OS", "PFS", "ORR", "DCR", "DOR", "CR", "PR", "SD",
    "PD", "AE", "AES", "DNA", "RNA", "CDNA", "MRNA", "CTDNA", "NGS", "PCR", "FDA", "EMA", "WHO", "ECOG",
    "RECIST", "CTCAE", "NCI", "ATCC", "CCLE", "TCGA", "COSMIC", "SNV", "SNVS", "CNV", "II", "III", "IV",
})  # fmt: skip
_GENE_TOKEN_BEFORE = re.compile(
    r"(?<![A-Za-z0-9-])(?P<gene>[A-Z][A-Z0-9]{1,9})(?:\s*[-\u2010\u2013:]\s*|\s+)$"
)
_GENE_TOKEN_AFTER = re.compile(
    r"^(?:\s*[-\u2010\u2013]\s*|\s+|\s+(?:mutations?\s+|substitutions?\s+)?(?:of|in)\s+(?:the\s+)?)"
    r"(?P<gene>[A-Z][A-Z0-9]{1,9})(?![A-Za-z0-9])"
)
_SEPARATOR_ONLY = re.compile(r"\s*[-\u2010\u2013:]?\s*")
_SEPARATOR_AFTER = re.compile(
    r"\s*[-\u2010\u2013]?\s*|\s+(?:mutations?\s+|substitutions?\s+)?(?:of|in)\s+(?:the\s+)?"
)
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
        return text + (self.edit if self.edit else "") + aa(self.residues)

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
            residues[i] if width == 1 else _ONE_LETTER[residues[i : i + width]]
            for i in range(0, len(residues), width)
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
    known: bool  # from gene_spans or a hotspot gene rather than an upper-case token


class _GeneResolver:
    """Finds the gene a mention belongs to, from gene_spans and the written form."""

    def __init__(self, text: str, gene_spans: GeneSpans) -> None:
        self.text = text
        self.spans = sorted(gene_spans)
        self.symbols = frozenset(symbol for _, _, symbol in gene_spans)
        self.sentence_starts = [0, *(match.end() for match in _SENTENCE_END.finditer(text))]

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
            return _GeneLink(None, written_against=True, known=False)
        token = self.text[run_start:start]
        symbol = self._span_covering(run_start, start)
        if symbol is None and (token in HOTSPOT_GENES or token in self.symbols):
            symbol = token
        return _GeneLink(symbol, written_against=True, known=symbol is not None)

    def before(self, start: int) -> _GeneLink | None:
        """The gene written directly before: "NRAS Q61R", "NRAS-Q61K", "KRAS p.G12C"."""
        for _, span_end, symbol in reversed(self.spans):
            if span_end <= start and _SEPARATOR_ONLY.fullmatch(self.text, span_end, start):
                return _GeneLink(symbol, written_against=True, known=True)
            if span_end <= start:
                break
        match = _GENE_TOKEN_BEFORE.search(self.text, max(0, start - 16), start)
        if match is None or match["gene"] in _NOT_GENES:
            return None
        gene = match["gene"]
        known = gene in HOTSPOT_GENES or gene in self.symbols
        return _GeneLink(gene, written_against=True, known=known)

    def after(self, end: int) -> _GeneLink | None:
        """The gene written directly after: "Q61R NRAS", "codon 61 of NRAS"."""
        for span_start, _, symbol in self.spans:
            if span_start >= end and _SEPARATOR_AFTER.fullmatch(self.text, end, span_start):
                return _GeneLink(symbol, written_against=True, known=True)
        match = _GENE_TOKEN_AFTER.match(self.text[end : end + 40])
        if match is not None and match["gene"] in HOTSPOT_GENES:
            return _GeneLink(match["gene"], written_against=True, known=True)
        return None

    def nearest_before(self, start: int) -> _GeneLink | None:
        """The closest gene of gene_spans before the mention in its sentence."""
        sentence_start = max(boundary for boundary in self.sentence_starts if boundary <= start)
        candidates = [span for span in self.spans if sentence_start <= span[0] and span[1] <= start]
        if not candidates:
            return None
        return _GeneLink(max(candidates, key=lambda span: span[1])[2], written_against=False, known=True)

    def resolve(self, start: int, end: int) -> _GeneLink:
        for link in (self.before(start), self.after(end), self.nearest_before(start)):
            if link is not None:
                return link
        return _GeneLink(None, written_against=False, known=False)


def _is_hotspot(gene: str | None, change: _ProteinChange) -> bool:
    if gene is not None and (gene, change.position) in HOTSPOTS:
        return HOTSPOTS[(gene, change.position)] == change.ref
    return any(
        position == change.position and residue == change.ref for (_, position), residue in HOTSPOTS.items()
    )


def _reconciled(link: _GeneLink, change: _ProteinChange) -> _GeneLink | None:
    """The link, checked against the gene's reference residue where the hotspot table knows it.

    A gene written against a change with the wrong reference residue ("KRAS Q12H") means the
    mention is not that gene's change: it is dropped. A nearest gene with the wrong residue is
    just the wrong gene: the mention is kept without one.
    """
    reference = HOTSPOTS.get((link.symbol, change.position)) if link.symbol else None
    if reference is None or reference == change.ref:
        return link
    return None if link.written_against else _GeneLink(None, written_against=False, known=False)


def _supported(change: _ProteinChange, written: str, link: _GeneLink, has_prefix: bool) -> bool:
    """Whether a one-letter mention is a protein change rather than a name shaped like one."""
    gene_written_against = link.written_against and link.symbol is not None
    if _SCHEDULE.fullmatch(written) or written in _NAMES_SHAPED_LIKE_CHANGES:
        return gene_written_against and link.known
    if change.is_codon_level:
        return has_prefix or (gene_written_against and link.known) or _is_hotspot(link.symbol, change)
    return has_prefix or gene_written_against or change.position >= MIN_UNSUPPORTED_POSITION


def _mention(gene: str | None, change: _ProteinChange, start: int, end: int) -> VariantMention:
    return VariantMention(gene, change.short(), change.hgvs(), start, end, change.is_codon_level)


def _one_letter_mentions(text: str, resolver: _GeneResolver) -> list[VariantMention]:
    mentions: list[VariantMention] = []
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
        reconciled = _reconciled(link, change)
        written = match.group(0)[match.start("ref") - match.start() :]
        if reconciled is None or not _supported(change, written, reconciled, has_prefix):
            continue
        mentions.append(_mention(reconciled.symbol, change, match.start(), match.end()))
        mentions.extend(_alternatives(text, match.end(), change, reconciled.symbol))
    return mentions


def _alternatives(text: str, end: int, change: _ProteinChange, gene: str | None) -> list[VariantMention]:
    """Mentions written as alternatives after a change: "V600E/K", "G12/13"."""
    mentions: list[VariantMention] = []
    if change.edit == "sub":
        while (match := _ALTERNATIVE_RESIDUE.match(text, end)) is not None:
            alternative = _ProteinChange(change.ref, change.position, edit="sub", residues=match["alt"])
            mentions.append(_mention(gene, alternative, match.start("alt"), match.end()))
            end = match.end()
    elif change.is_codon_level:
        while (match := _ALTERNATIVE_CODON.match(text, end)) is not None:
            position = int(match["pos"])
            residue = hotspot_residue(gene, position)
            if residue is not None:
                mentions.append(
                    _mention(gene, _ProteinChange(residue, position), match.start("pos"), match.end())
                )
            end = match.end()
    return mentions


def _three_letter_mentions(text: str, resolver: _GeneResolver) -> list[VariantMention]:
    mentions: list[VariantMention] = []
    for match in _THREE_LETTER_MENTION.finditer(text):
        change = _parse_match(match)
        link = None if change is None else _reconciled(resolver.resolve(match.start(), match.end()), change)
        if change is not None and link is not None:
            mentions.append(_mention(link.symbol, change, match.start(), match.end()))
    return mentions


def _codon_list_mentions(text: str, resolver: _GeneResolver) -> list[VariantMention]:
    """ "codon 61", "codons 12 and 13", "codon 12, 13 or 61" of a gene with known hotspots."""
    mentions: list[VariantMention] = []
    for match in _CODON_LIST.finditer(text):
        gene = resolver.resolve(match.start(), match.end()).symbol
        for number in _NUMBER.finditer(match["list"]):
            position = int(number.group())
            residue = hotspot_residue(gene, position)
            if residue is None:
                continue
            start = match.start("list") + number.start()
            mentions.append(
                _mention(gene, _ProteinChange(residue, position), start, start + len(number.group()))
            )
    return mentions


def find_variants(text: str, gene_spans: GeneSpans = ()) -> list[VariantMention]:
    """Every protein-change mention in ``text``, in text order.

    ``gene_spans`` are the genes already recognised in ``text`` as (start, end, HGNC symbol).
    A mention's gene is, in this order: a gene glued to it ("BRAFV600E"), the gene written
    directly before or after it ("NRAS Q61R", "Q61R NRAS", "codon 61 of NRAS"), the nearest
    gene of ``gene_spans`` before it in its sentence; else None, for the caller to resolve
    from the rest of the document.
    """
    resolver = _GeneResolver(text, gene_spans)
    mentions = [
        *_one_letter_mentions(text, resolver),
        *_three_letter_mentions(text, resolver),
        *_codon_list_mentions(text, resolver),
    ]
    return _share_genes_along_lists(text, sorted(set(mentions), key=lambda m: (m.start, m.end, m.change)))


def _share_genes_along_lists(text: str, mentions: list[VariantMention]) -> list[VariantMention]:
    """Give a mention with no gene the gene of the mention it is listed with: "NRAS Q61R or Q61K"."""
    shared: list[VariantMention] = []
    for mention in mentions:
        previous = shared[-1] if shared else None
        if (
            mention.gene is None
            and previous is not None
            and previous.gene is not None
            and previous.end <= mention.start
            and _LIST_SEPARATOR.fullmatch(text, previous.end, mention.start)
        ):
            shared.append(replace(mention, gene=previous.gene))
        else:
            shared.append(mention)
    return shared
