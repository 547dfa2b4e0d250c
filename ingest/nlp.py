"""The spaCy pipeline: sentences, lexicon entities, unknown drugs, trial names and phases.

``spacy.blank("en")`` plus rule components only (no statistical model):

- ``evidence_sentences`` sets sentence starts from :mod:`ingest.sentences`;
- ``lexicon_entities`` (a span ruler) labels DRUG, DRUG_CLASS, DISEASE, ENDPOINT and GENE
  from the lexicon, the longest match winning; each span's ``id_`` is the normalised name
  (INN, class name, disease name, endpoint code, HGNC symbol or ``family:<mention>``);
- ``gene_mentions`` (a span ruler) puts every gene mention in ``doc.spans["genes"]``, also
  those inside a longer entity ("MEK" in "MEK inhibitor", "PD-1" in "anti-PD-1 antibody");
- ``known_trials`` puts the trials the lexicon names in ``doc.spans["known_trials"]``: a listed
  name ("HIMALAYA", "KN-189" for KEYNOTE-189) or a numbered member of a listed series
  ("KEYNOTE-999"), case as written; a drug mention inside such a name is dropped;
- ``new_drugs`` labels drug names the lexicon does not know: a word with a WHO INN stem or an
  investigational code (letters and digits, "HL-085", "LXH254", "AMG 510"), never a known trial;
- ``trial_mentions`` puts NCT ids, phases and trial names (the known ones and those the text
  introduces, "the NEMO trial") in ``doc.spans``.

Spans carry the normalised name in ``id_`` and the rule that found them in ``kb_id_``.
Build a pipeline with :func:`pipeline_for`; it is cached per lexicon object.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

    from ingest.lexicon import Lexicon

DASHES = frozenset("-\u2010\u2011\u2012\u2013\u2014")
NCT_ID = re.compile(r"\bNCT\s?(\d{8})\b")
# "phase III", "phase 1b/2", "Phase Ib/II", "phase I-II", "phase 2/3"
PHASE = re.compile(
    r"\bphase(?:[ \t]*:)?[\s-]*(?P<a>IV|I{1,3}|[1-4])(?P<asub>[ab])?"
    r"(?:\s*(?:/|-|\u2013|to|and)\s*(?:phase\s*)?(?P<b>IV|I{1,3}|[1-4])(?P<bsub>[ab])?)?(?![\w/])",
    re.IGNORECASE,
)
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}
# "IIIb trial", "phase II LYRA trial": a phase's numeral is no trial's name
_PHASE_NUMERAL = re.compile(r"(?:IV|I{1,3})[ab]?", re.IGNORECASE)
_KNOWN_PHASES = ("1", "1b", "2", "1/2", "1b/2", "2/3", "3", "4")

# A code name: 2-5 capitals, an optional hyphen or space, 3-7 digits, an optional letter.
# ("ESMO 2022", "ASCO 2024": a meeting and its year, not a code)
# ("ET743-SAR-3007": a part of a longer identifier, such as a protocol's, is no code of its own)
DRUG_CODE = re.compile(r"(?<![-/])\b[A-Z]{2,5}(?:-| )?(?!(?:19|20)\d\d\b)\d{3,7}[A-Z]?\b(?![-/][A-Za-z0-9])")
_CODE_CONTEXT = re.compile(
    r"\b(?:mg|dose[sd]?|dosing|inhibitors?|antibod(?:y|ies)|agents?|drugs?|compounds?|plus|"
    r"combin\w*|together|developed|code|received|receiving|treated|treatment|given|administered|"
    r"tablets?|capsules?|oral|orally|intravenous\w*|degrader|blocker)\b|\+",
    re.IGNORECASE,
)
# "the NAME-123 trial", "the SP263 assay": a study or a diagnostic test
# ClinicalTrials.gov's codes for a record's groups: "EG000" (events), "OG001" (outcomes), "BG000", "FG000"
_REGISTRY_GROUP_CODE = re.compile(r"[BEFO]G\d{3}")
_NOT_A_DRUG_AFTER = re.compile(
    r"\s*(?:trial|study|studies|cohort|part|assay|test|kit|clone|immunohistochemistry|IHC)\b", re.IGNORECASE
)

# Known trial names are matched on whole words: letters and digits, hyphenated parts together
# ("DESTINY-Breast03"), a name's words apart by spaces on one line.
_TRIAL_WORD = re.compile(r"[^\W_]+(?:[-\u2010\u2011\u2012\u2013][^\W_]+)*")
_WORD_GAP = re.compile(r"[^\S\n]+")
_LEADING_LETTERS = re.compile(r"[^\W\d_]*")
# A number that is a dose, a percentage or a duration is no series member: "EV 1.25 mg/kg".
_NOT_A_MEMBER_AFTER = re.compile(r"[.,]\d|\s*(?:%|(?:mg|g|mL|months?|weeks?|days?|years?|cycles?)\b)", re.IGNORECASE)

# A trial acronym: capitals (maybe with lower-case letters after the first two, as in
# "IMspire150" or "CodeBreaK"), optionally a hyphen or space and a number, a short suffix or a
# capitalised word with a number ("DESTINY-Breast03") or a capitalised part ("ATHENA-MONO").
_ACRONYM = (
    # ("PA.3", "BR.21": a cooperative group's letters, a dot and a number)
    r"(?:[A-Z]{2,4}\.\d{1,3}(?![\d.])|[A-Z][A-Za-z]*[A-Z][A-Za-z]*\d*|[A-Z]{2,}\d*|[a-z]{1,2}[A-Z]{3,}[A-Za-z]*\d*)"
    # "-2", "-Breast03", "-v", "-MONO", "-CCA3"
    r"(?:[-\u2010\u2011](?:\d+[A-Za-z]?|[A-Z][a-z]+\d+|[A-Z]{1,4}\d{1,3}[A-Za-z]?\b|[A-Za-z]{1,3}\b|[A-Z]{4,6}\b))?"
    r"(?: \d{1,4}\b)?"
)
_TRIAL_NOUN = r"(?:trial|study|studies|program|programme)"
# a cooperative group's protocol number, a name only before "trial" ("the S1826 trial", "E1912 study")
_PROTOCOL_NUMBER = r"[A-Z]\d{4,5}"
# "Study 309 reversed that pattern": a sponsor's study number as the trial's name
_STUDY_NUMBER = r"Study \d{3,4}"
_DESIGN_WORD = r"(?:randomi[sz]ed|randomly|enrolled|assigned|allocated|compared|recruited|treated|received)"
_TRIAL_NAME_PATTERNS = tuple(
    re.compile(pattern)
    for pattern in (
        rf"(?<![\w-])(?P<name>{_STUDY_NUMBER})(?![\w.%-]|\s*(?:%|patients|participants|weeks|months|days|mg))",
        rf"(?<![\w-])(?P<name>{_PROTOCOL_NUMBER})\s+{_TRIAL_NOUN}\b",
        # "the phase III NEMO trial", "NEMO trial", "SELECT-1 trial", "CodeBreaK 200 study",
        # "the BEACON CRC study" (a short qualifier in capitals after the name)
        rf"(?P<name>{_ACRONYM}(?:\s[A-Z]{{2,4}}\b)?)\s+(?:(?i:phase)\s+\S+\s+)?{_TRIAL_NOUN}\b",
        # "NEMO (NCT01763164)", "(FLAURA; NCT02296125)", "(... ; NEMO ClinicalTrials.gov number, NCT01763164)"
        rf"(?P<name>{_ACRONYM})\s*(?:[(;,]|\s+ClinicalTrials\.gov\s+number,?)\s*NCT\d{{8}}",
        # "ORBIT, a randomised phase 3 study", "ORBIT-2, which randomised", "ORCA, another phase 3 trial",
        # "ORCA, the largest of the three,"
        rf"(?P<name>{_ACRONYM}),\s+(?:a|an|another|the|which|that)\b[^.;]{{0,80}}?\b(?:{_TRIAL_NOUN}|randomi[sz]ed|"
        r"of\s+the\s+(?:two|three|four|five|six|trials|studies))\b",
        # "trial (NEMO)", "trial (NEMO; ...)"
        rf"\b{_TRIAL_NOUN}\s*\((?P<name>{_ACRONYM})\s*[);,]",
        # registry fields: "Acronym: COLUMBUS", "Brief title acronym: NEMO"
        rf"\b(?i:acronym)\s*:\s*(?P<name>{_ACRONYM})",
        # "ALTO met its goal. This phase 3 trial ...": the next sentence calls it a trial
        # (a score compared with a value, "CPS >=10. This study ...", names no trial)
        rf"(?<![\w-])(?P<name>{_ACRONYM})(?!\s*[\u2265\u2264<>=]|\s+(?:of|score)\b)\s[^.;]{{0,60}}\.\s+"
        rf"(?:This|The)\s+(?:[\w-]+\s+){{0,3}}{_TRIAL_NOUN}\b",
        # "the adult basket trial ROAR, ...", "the third trial, ORBIT-2, ...": the name right after
        # the trial noun
        rf"\b{_TRIAL_NOUN},?[ \t]+(?P<name>{_ACRONYM})"
        r"(?=[ \t]*[,;:)]|[ \t]+(?:was|is|enrolled|randomi[sz]ed|showed|compared|tested)\b)",
        # "the trial, known as ORBIT-202, ...", "a study called ORBIT"
        rf"\b{_TRIAL_NOUN},?\s+(?:(?:known|referred\s+to)\s+as|called|named|dubbed)\s+(?P<name>{_ACRONYM})(?![\w-])",
        # "part of KEYNOTE-022", "arm of COMBI-v" ("ImmunoGen, now part of AbbVie" names a company)
        rf"\b(?<!now\s)(?<!became\s)(?<!become\s)(?:part|arm|cohort|analysis|results?)\s+of\s+(?P<name>{_ACRONYM})\b",
        # "COMBI-d compared ...", "coBRIM randomised ...": the name is the subject of a design verb
        # ("16.5 months with MIRV compared with 12.7" compares figures: no trial there)
        rf"(?<![\w-])(?P<name>{_ACRONYM})\s+(?:compared(?!\s+(?:with|to)\b)|randomi[sz]ed|randomly\s+assigned|enrolled|recruited|"
        r"assigned|tested|evaluated)\b",
        # "was tested in COLUMBUS against vemurafenib" ("tested in pMMR patients" names a population)
        rf"\b(?:tested|evaluated|studied|investigated|compared)\s+in\s+(?:the\s+)?(?P<name>{_ACRONYM})\b"
        r"(?!\s+(?:pts|patients|participants|tumou?rs|disease|subgroups?|populations?|cohorts?|subsets?)\b)",
        # "IMpower133 is a double-blind, phase 3 study"
        rf"(?P<name>{_ACRONYM})\s+(?:is|was)\s+(?:a|an|the)\b[^.;]{{0,80}}?\b{_TRIAL_NOUN}\b",
        # "In CLEOPATRA, 808 patients were randomized ...": a name whose clause describes a design
        rf"\b[Ii]n\s+(?P<name>{_ACRONYM}),\s+[^.;]{{0,100}}?\b{_DESIGN_WORD}\b",
        # "MONARCH 2", "PALOMA-2": five or more capitals with a short number are a trial's name
        r"(?<![\w-])(?P<name>[A-Z]{5,}(?:-|\s)\d{1,3})(?![\w,-]|[.,]\d|\s*(?:mg|%|months?|weeks?|patients)\b)",
        # "TiNivo-2", "KarMMa-3": a word with inner capitals and a hyphenated number is a name
        r"(?<![\w-])(?P<name>[A-Z][a-z]+[A-Z][A-Za-z]*-\d{1,4})(?![\w-]|[.,]\d)",
    )
)
# A title that ends with the trial's name in brackets, or puts it before a subtitle:
# "... Advanced Breast Cancer (PALOMA-2)", "... lung cancer (IMpower133): updated survival".
_TITLE_NAME = re.compile(rf"\((?P<name>{_ACRONYM})(?:\s+[Pp]art\s+\w+)?\)\s*(?::|$)")
_TITLE_FIELD = re.compile(r"^\s*(?:(?:brief|official|study|scientific)\s+)?title\s*:", re.IGNORECASE)
# Capitalised words that look like acronyms but are not trial names.
_NOT_TRIAL_NAMES = frozenset(
    [
        "ORR",
        "PFS",
        "OS",
        "DOR",
        "DCR",
        "HR",
        "CI",
        "FDA",
        "EMA",
        "US",
        "USA",
        "UK",
        "EU",
        "NDA",
        "BLA",
        "RECIST",
        "ECOG",
        "NCI",
        "WHO",
        "AE",
        "AES",
        "SAE",
        "MEK",
        "ERK",
        "RAS",
        "RAF",
        "PD",
        "DNA",
        "RNA",
        "CT",
        "MRI",
        "PET",
        "NSCLC",
        "CRC",
        "AML",
        "CML",
        "CLL",
        "NCT",
        "PHASE",
        "STAGE",
        "GRADE",
        "COHORT",
        "ARM",
        "PART",
        "TABLE",
        "FIGURE",
        # registry record headings ("OUTCOME MEASURE 1 (Primary)", "ANALYSIS 2")
        "MEASURE",
        "OUTCOME",
        "ANALYSIS",
        "SECTION",
        # participant-flow rows ("STARTED 149", "NOT COMPLETED 147")
        "STARTED",
        "COMPLETED",
        "ENROLLED",
        "TREATED",
        "RANDOMIZED",
        "RANDOMISED",
        "ONGOING",
        # review committees an endpoint is assessed by ("... Based on Blinded Independent Central Review (BICR)")
        "BICR",
        "BIRC",
        "IRC",
        "ICR",
        "IRF",
        "COVID",
        # meetings, where results are presented ("ESMO 2023", "ASCO 2021")
        "ESMO",
        "ASCO",
        "ASH",
        "AACR",
        "SABCS",
        "EHA",
        "WCLC",
        "ELCC",
        "SITC",
        "SGO",
        "ESGO",
        "ASTRO",
        "NCCN",
        # endpoints other than the reported ones, and analysis populations
        "CR",
        "CRH",
        "PR",
        "SD",
        "EFS",
        "DFS",
        "RFS",
        "TTP",
        "TTF",
        "MRD",
        "QOL",
        "ITT",
        # section headings of structured abstracts and registry records
        "MEASURES",
        "OUTCOME",
        "OUTCOMES",
        "BASELINE",
        "CHARACTERISTICS",
        "ADVERSE",
        "EVENTS",
        "ELIGIBILITY",
        "BACKGROUND",
        "METHODS",
        "RESULTS",
        "CONCLUSION",
        "CONCLUSIONS",
        "OBJECTIVE",
        "PURPOSE",
        "FINDINGS",
        "INTERPRETATION",
        "SUMMARY",
        "INTRODUCTION",
        "DISCUSSION",
        "IMPORTANCE",
        "DESIGN",
        "SETTING",
        "PARTICIPANTS",
        "INTERVENTIONS",
        "FUNDING",
        "ABSTRACT",
        "THE",
        "THIS",
        "AN",
        "AND",
        "OR",
        "IN",
        "A",
        "OF",
    ]
)


def normalise_phase(match: re.Match[str]) -> str | None:
    """ "phase Ib/II" -> "1b/2"; a phase outside kg.model.PHASES gives None."""

    def one(number: str, sub: str | None) -> str:
        digit = _ROMAN.get(number.casefold(), number)
        # Only phase 1 keeps its letter ("1b"); "2a"/"3b" are reported as 2 and 3.
        return digit + (sub.casefold() if sub and digit == "1" and sub.casefold() == "b" else "")

    first = one(match.group("a"), match.group("asub"))
    if match.group("b") is None:
        return first if first in _KNOWN_PHASES else None
    second = one(match.group("b"), match.group("bsub"))
    phase = f"{first}/{second}"
    return phase if phase in _KNOWN_PHASES else None


# ---- patterns from the lexicon ---------------------------------------------------------------


def _token_pattern(nlp: Language, phrase: str, attr: str, plural_last: bool = False) -> list[dict[str, Any]]:
    """Token pattern for a phrase: hyphens optional and interchangeable with spaces."""
    if phrase.isalpha() and phrase not in nlp.tokenizer.rules:  # type: ignore[union-attr]
        # A word of letters alone is one token; tokenising it would only slow the build.
        words = [phrase]
    else:
        words = [t.text for t in nlp.make_doc(phrase) if t.text not in DASHES and not t.is_space]
    pattern: list[dict[str, Any]] = []
    for index, word in enumerate(words):
        if index:
            pattern.append({"ORTH": {"IN": sorted(DASHES)}, "OP": "?"})
        value = word.casefold() if attr == "LOWER" else word
        last = index == len(words) - 1
        if plural_last and last and value[-1:].isalpha():
            variants = sorted({value, value + "s", value + "es", re.sub(r"y$", "ies", value)})
            pattern.append({attr: {"IN": variants}})
        else:
            pattern.append({attr: value})
    return pattern


def _patterns(nlp: Language, lexicon: Lexicon, gene_patterns: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for drug in lexicon.drugs.values():
        for spelling in (drug.inn, *drug.synonyms):
            # Brand names and codes are case-sensitive when written in capitals ("MEK162"
            # never appears otherwise, and upper-case matching keeps "Mektovi" and "mektovi").
            yield {"label": "DRUG", "pattern": _token_pattern(nlp, spelling, "LOWER"), "id": drug.inn}
    for entry in lexicon.drug_classes.values():
        for spelling in (entry.name, *entry.synonyms):
            yield {
                "label": "DRUG_CLASS",
                "pattern": _token_pattern(nlp, spelling, "LOWER", plural_last=True),
                "id": entry.name,
            }
    for disease in lexicon.diseases.values():
        for spelling in (disease.name, *disease.synonyms):
            yield {
                "label": "DISEASE",
                "pattern": _token_pattern(nlp, spelling, "LOWER", plural_last=True),
                "id": lexicon.disease_root(disease.name),
            }
    for endpoint in lexicon.endpoints.values():
        for spelling in (endpoint.code, endpoint.name, *endpoint.synonyms):
            # Codes stay case-sensitive: "OS" and "mOS" are overall survival, "os" and "mos"
            # (months) are not.
            attr = "ORTH" if any(c.isupper() for c in spelling) and " " not in spelling else "LOWER"
            yield {
                "label": "ENDPOINT",
                "pattern": _token_pattern(nlp, spelling, attr, plural_last=True),  # "ORRs were ..."
                "id": endpoint.code,
            }
    for regimen in lexicon.regimens.values():
        for spelling in (regimen.name, *regimen.synonyms):
            # Short names in capitals are case-sensitive ("CHOP" is a regimen, "chop" is not;
            # "VRd" is one, "vrd" is noise); longer ones are distinctive in any case ("Folfox").
            attr = "ORTH" if len(spelling) <= 4 and any(c.isupper() for c in spelling) else "LOWER"
            yield {"label": "REGIMEN", "pattern": _token_pattern(nlp, spelling, attr), "id": regimen.name}
    yield from gene_patterns


def _gene_patterns(nlp: Language, lexicon: Lexicon) -> Iterator[dict[str, Any]]:
    for spelling, symbol in lexicon.gene_by_alias().items():
        # Symbols are case-sensitive (MET the gene, "met" the verb); a name written out in
        # words ("programmed death 1") is not, since it may open a sentence.
        attr = "LOWER" if " " in spelling and spelling.islower() else "ORTH"
        yield {"label": "GENE", "pattern": _token_pattern(nlp, spelling, attr), "id": symbol}
    for family in lexicon.gene_families.values():
        yield {
            "label": "GENE",
            "pattern": _token_pattern(nlp, family.mention, "ORTH"),
            "id": "family:" + family.mention,
        }


# ---- components --------------------------------------------------------------------------


def _register_components() -> None:
    """Register the project's factories once (spaCy keeps a global registry)."""
    from spacy.language import Language

    if Language.has_factory("evidence_sentences"):
        return

    @Language.factory("evidence_sentences")
    def make_sentences(nlp: Language, name: str) -> Any:
        return _set_sentences

    @Language.factory("known_trials")
    def make_known_trials(nlp: Language, name: str) -> Any:
        return _KnownTrials()

    @Language.factory("new_drugs")
    def make_new_drugs(nlp: Language, name: str) -> Any:
        return _NewDrugs()

    @Language.factory("trial_mentions")
    def make_trial_mentions(nlp: Language, name: str) -> Any:
        return _mark_trials


def _set_sentences(doc: Doc) -> Doc:
    from ingest.sentences import sentence_spans

    starts = {start for start, _ in sentence_spans(doc.text)}
    for token in doc:
        token.is_sent_start = token.i == 0 or (token.idx in starts and not token.is_space)
    return doc


class TrialFinder:
    """Finds the trials a lexicon names in a text: a listed name or synonym, or a member of a
    listed series ("KEYNOTE-999"), with case as written ("CROWN" is a trial, "crown" is not) and
    the variants :func:`ingest.lexicon.trial_key` folds ("KEYNOTE 189", "CheckMate 67")."""

    def __init__(self, lexicon: Lexicon) -> None:
        from ingest.lexicon import TRIAL_PART

        self.lexicon = lexicon
        spellings = [s for trial in lexicon.trials.values() for s in (trial.name, *trial.synonyms)]
        prefixes = [s for series in lexicon.trial_series.values() for s in (series.prefix, *series.synonyms)]
        # Only a word that opens like some spelling can start a name; this keeps the look-ups few.
        self._openings = frozenset(_leading_letters(s) for s in (*spellings, *prefixes))
        # A text may write every run of a name as a word of its own ("KEYNOTE 189"), and a
        # member's number has up to three runs ("A39", "9ER").
        self._most_words = max(
            (*(len(TRIAL_PART.findall(s)) for s in spellings), *(len(TRIAL_PART.findall(p)) + 3 for p in prefixes)),
            default=0,
        )

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, canonical name) of each trial name in the text, in text order; of two
        names starting at one word the longer wins ("JAVELIN Bladder 100" over a shorter one)."""
        words = list(_TRIAL_WORD.finditer(text))
        found: list[tuple[int, int, str]] = []
        first = 0
        while first < len(words):
            match = self._name_at(text, words, first)
            if match is None:
                first += 1
                continue
            last, name = match
            found.append((words[first].start(), words[last].end(), name))
            first = last + 1
        return found

    def _name_at(self, text: str, words: list[re.Match[str]], first: int) -> tuple[int, str] | None:
        """The last word and the name of the longest trial name starting at word ``first``."""
        if _leading_letters(words[first].group()) not in self._openings:
            return None
        last = first
        while (
            last + 1 < len(words)
            and last - first + 1 < self._most_words
            and _WORD_GAP.fullmatch(text, words[last].end(), words[last + 1].start())
        ):
            last += 1
        for end in range(last, first - 1, -1):
            spelling = text[words[first].start() : words[end].end()]
            name = self.lexicon.trial_for(spelling)
            if name is None and not _NOT_A_MEMBER_AFTER.match(text, words[end].end()):
                name = self.lexicon.series_member(spelling)
            if name is not None:
                return end, name
        return None


def _leading_letters(word: str) -> str:
    match = _LEADING_LETTERS.match(word)
    return match.group() if match else ""


# A line that opens with two or more words in capitals, as journal section headings do
_IN_CAPITAL_HEADING = re.compile(r"(?:[A-Z]{2,}[,:]?\s+){1,}[A-Z]{2,}\b")


class _KnownTrials:
    """Marks the trials the lexicon names, and drops a drug mention inside one: "LEAP-002" is a
    trial, not a company code. The finder is attached after construction, as for ``new_drugs``."""

    finder: TrialFinder | None = None

    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens import Span

        if self.finder is None:
            return doc
        found: list[Span] = []
        for start, end, name in self.finder.find(doc.text):
            heading = _IN_CAPITAL_HEADING.match(doc.text, doc.text.rfind("\n", 0, start) + 1)
            if heading is not None and heading.end() >= end:
                continue  # "CONCLUSIONS AND RELEVANCE": a journal's section heading, not a trial
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                found.append(Span(doc, span.start, span.end, label="TRIAL", span_id=name, kb_id="trial.lexicon"))
        doc.spans["known_trials"] = found
        covered = _tokens(found)
        if covered:
            doc.ents = [ent for ent in doc.ents if ent.label_ != "DRUG" or not covered & _tokens([ent])]
        return doc


def _tokens(spans: Iterable[Span]) -> set[int]:
    return {i for span in spans for i in range(span.start, span.end)}


_COMPANY_AFTER = re.compile(
    r"\s+(?:A/S|Inc\b|Ltd\b|AG\b|plc\b|Corp\b|Corporation|GmbH|S\.A\.|N\.V\.|Pharma\w*|Therapeutics|"
    r"Biotech\w*|Biosciences|Biologics)|\s*\((?:Nasdaq|NYSE|LSE)\b"
)


class _NewDrugs:
    """Labels drug names that are not in the lexicon, by INN stem or code-name shape.

    The lexicon is attached after construction (``lexicon`` attribute) because spaCy
    factories only take serialisable settings.
    """

    lexicon: Lexicon | None = None

    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens import Span
        from spacy.util import filter_spans

        if self.lexicon is None:
            return doc
        # A known trial's name is never an unknown drug ("LEAP-002", "WJTOG3405").
        taken = _tokens(doc.ents) | _tokens(doc.spans.get("known_trials", []))
        genes = _tokens(doc.spans.get("genes", []))
        found: list[Span] = []
        # "Genmab A/S", "Xencor Inc.": a company named like a drug, wherever the text names it
        companies = {t.text for t in doc if _COMPANY_AFTER.match(doc.text, t.idx + len(t.text))}
        for token in doc:
            if token.i in taken or token.i in genes or token.text in companies:
                continue
            word = token.text
            if word.isalpha() and not word.isupper() and self.lexicon.stem_for(word) is not None:
                found.append(
                    Span(
                        doc,
                        token.i,
                        token.i + 1,
                        label="DRUG",
                        span_id=word.casefold(),
                        kb_id="drug.inn_stem",
                    )
                )
        for match in DRUG_CODE.finditer(doc.text):
            span = doc.char_span(match.start(), match.end(), alignment_mode="strict")
            if span is None or any(i in taken or i in genes for i in range(span.start, span.end)):
                continue
            if match.group().startswith("NCT") or not _looks_like_drug_code(doc, span):
                continue
            code = re.sub(r"\s+", " ", match.group())
            found.append(Span(doc, span.start, span.end, label="DRUG", span_id=code, kb_id="drug.code"))
        if found:
            doc.ents = filter_spans([*doc.ents, *found])
        return doc


def _looks_like_drug_code(doc: Doc, span: Span) -> bool:
    """A code is a drug when its sentence treats it as one (a dose, a partner, an alias)."""
    if _NOT_A_DRUG_AFTER.match(doc.text, span.end_char) or _REGISTRY_GROUP_CODE.fullmatch(span.text):
        return False
    before = doc.text[max(0, span.start_char - 12) : span.start_char].casefold()
    if "phase" in before:
        return False
    letters, _, number = span.text.partition(" ")
    if number and re.search(rf"\b{re.escape(letters)}\b(?!\s*\d)", doc.text):
        return False  # "MIRV 218" where the text also says "MIRV" alone: a name and a count
    # An alias in brackets right after a drug name, or a drug name in brackets after it.
    if span.start > 1 and doc[span.start - 1].text == "(" and doc[span.start - 2].ent_type_ == "DRUG":
        return True
    if span.end + 1 < len(doc) and doc[span.end].text == "(" and doc[span.end + 1].ent_type_ == "DRUG":
        return True
    sentence = span.sent
    window = doc[max(sentence.start, span.start - 6) : min(sentence.end, span.end + 6)]
    return bool(_CODE_CONTEXT.search(window.text)) or any(ent.label_ == "DRUG" for ent in window.ents)


def _mark_trials(doc: Doc) -> Doc:
    """NCT ids, phases and trial acronyms, as span groups with normalised ids."""
    from spacy.tokens import Span

    def spans(pattern_matches: Iterable[tuple[int, int, str]], label: str) -> list[Span]:
        found: list[Span] = []
        for start, end, key in pattern_matches:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                found.append(Span(doc, span.start, span.end, label=label, span_id=key, kb_id=label))
        return found

    doc.spans["nct"] = spans(((m.start(), m.end(), "NCT" + m.group(1)) for m in NCT_ID.finditer(doc.text)), "NCT")
    doc.spans["phases"] = spans(
        ((m.start(), m.end(), phase) for m in PHASE.finditer(doc.text) if (phase := normalise_phase(m)) is not None),
        "PHASE",
    )
    known = list(doc.spans.get("known_trials", []))
    # The lexicon's names are found as written; the case-blind search is for the names the text
    # introduces, and must not turn "crown" into the trial CROWN.
    known_texts = {span.text.casefold() for span in known}
    names = {key: name for key, name in trial_names(doc).items() if key not in known_texts}
    introduced = spans(
        ((m.start(), m.end(), names[m.group().casefold()]) for m in _name_finder(names).finditer(doc.text))
        if names
        else (),
        "TRIAL",
    )
    covered = _tokens(known)
    found = [*known, *(span for span in introduced if not covered & _tokens([span]))]
    doc.spans["trials"] = sorted(found, key=lambda span: span.start)
    return doc


def trial_names(doc: Doc) -> dict[str, str]:
    """The trial acronyms a document introduces by the patterns around them ("the NEMO trial"),
    case-folded, to the name as written. The names the lexicon knows are found by ``known_trials``."""
    from ingest.abbreviations import coined_short_form, find_abbreviations

    entity_words = {ent.text.casefold() for ent in doc.ents}
    # "mirvetuximab soravtansine (MIRV)", "unresectable hepatocellular carcinoma (uHCC)": the
    # short form of a drug, class or disease is no trial
    entity_words.update(
        a.short.casefold()
        for a in find_abbreviations(doc.text)
        if any(word in " ".join(a.long.casefold().split()) for word in entity_words)
        and not re.search(rf"\b{_TRIAL_NOUN}\b|\bgroup\b", a.long, re.IGNORECASE)
    )
    # "trifluridine–tipiracil (FTD–TPI)": a short form coined for what the words before name
    entity_words.update(
        coined["short"].casefold()
        for ent in doc.ents
        if ent.label_ == "DRUG" and (coined := coined_short_form(doc.text, ent.end_char))
    )
    gene_words = {span.text.casefold() for span in doc.spans.get("genes", [])}
    names: dict[str, str] = {}
    candidates = [m.group("name") for pattern in _TRIAL_NAME_PATTERNS for m in pattern.finditer(doc.text)]
    for number, line in enumerate(doc.text.splitlines()):
        if number == 0 or _TITLE_FIELD.match(line):
            candidates.extend(m.group("name") for m in _TITLE_NAME.finditer(line.rstrip(" .")))
    for candidate in candidates:
        if name := _trial_name(candidate, entity_words, gene_words):
            names.setdefault(name.casefold(), name)
    for sibling in _sibling_names(doc.text, list(names.values())):
        if sibling.casefold() not in entity_words:
            names.setdefault(sibling.casefold(), sibling)
    known = [span.text for span in doc.spans.get("known_trials", [])]
    for listed in _coordinated_names(doc.text, [*names.values(), *known]):
        if name := _trial_name(listed, entity_words, gene_words):
            names.setdefault(name.casefold(), name)
    return names


def _trial_name(candidate: str, entity_words: set[str], gene_words: set[str]) -> str | None:
    """The trial name a candidate spells, unless it is another kind of word."""
    if re.fullmatch(_STUDY_NUMBER, candidate):
        return candidate
    # "phase III LYRA trial": the numeral before the name is the phase's
    words = candidate.split()
    leading_word = len(words) > 1 and (words[0].upper() in _NOT_TRIAL_NAMES or _PHASE_NUMERAL.fullmatch(words[0]))
    name = " ".join(words[1:]) if leading_word else candidate
    if not (re.fullmatch(_ACRONYM, name) or re.fullmatch(_PROTOCOL_NUMBER, name)):
        return None
    first = name.split()[0].split("-")[0]
    if first.upper() in _NOT_TRIAL_NAMES or _PHASE_NUMERAL.fullmatch(first) or name.startswith("NCT"):
        return None
    if name.casefold() in entity_words or first.casefold() in gene_words:
        return None
    if " " in name and name.split()[0].casefold() in entity_words:
        return None  # "LENVIMA 65%": a brand and a figure
    return name


# "PERSEUS, CEPHEUS and IMROZ": acronyms listed together
_ACRONYM_LIST = re.compile(
    rf"(?<![\w-]){_ACRONYM}(?:,\s+{_ACRONYM})*,?\s+(?:and|or)\s+{_ACRONYM}(?![\w-])"
)


def _coordinated_names(text: str, names: list[str]) -> list[str]:
    """The acronyms a list gives beside a trial's name ("PERSEUS, CEPHEUS and IMROZ" where
    PERSEUS is a trial): the trials a review names together."""
    known = {name.casefold() for name in names}
    found: list[str] = []
    for listing in _ACRONYM_LIST.finditer(text):
        members = [m.group() for m in re.finditer(_ACRONYM, listing.group())]
        if any(member.casefold() in known for member in members):
            found.extend(member for member in members if member.casefold() not in known)
    return found


def _sibling_names(text: str, names: list[str]) -> list[str]:
    """Other parts of a trial programme the text names with the same prefix: "ATHENA-COMBO"
    beside the trial ATHENA-MONO, "ALPHA-2" beside ALPHA-1 (a prefix of four letters or more)."""
    prefixes = {name.split("-")[0] for name in names if "-" in name and len(name.split("-")[0]) >= 4}
    found: list[str] = []
    for prefix in sorted(prefixes):
        pattern = re.compile(rf"(?<![\w-]){re.escape(prefix)}-[A-Z0-9][A-Za-z0-9]*(?![\w-])")
        found.extend(match.group() for match in pattern.finditer(text))
    return found


def _name_finder(names: dict[str, str]) -> re.Pattern[str]:
    alternatives = sorted((re.escape(name) for name in names.values()), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", re.IGNORECASE)


# ---- building ----------------------------------------------------------------------------

_CACHE: dict[int, tuple[Lexicon, Language]] = {}


def pipeline_for(lexicon: Lexicon) -> Language:
    """The pipeline for a lexicon, built on first use and kept while the lexicon lives."""
    cached = _CACHE.get(id(lexicon))
    if cached is not None and cached[0] is lexicon:
        return cached[1]
    nlp = build_pipeline(lexicon)
    if len(_CACHE) >= 4:
        _CACHE.clear()
    _CACHE[id(lexicon)] = (lexicon, nlp)
    return nlp


@cache
def _language() -> type[Language]:
    """English with a few tokenizer rules more, so that gene patterns see their symbols in
    receptor-status runs, bracketed names and fusions: "ER+/HER2-" -> "ER+ / HER2 -",
    "(PD1)-antibodies" -> "( PD1 ) - antibodies", "BCR::ABL1" -> "BCR :: ABL1". A subclass
    builds its tokenizer once; setting the rules on a built tokenizer would rebuild its special
    cases twice."""
    from spacy.lang.en import English

    base = English.Defaults

    class EvidenceDefaults(base):  # type: ignore[valid-type,misc]
        infixes = (
            *(base.infixes or ()),
            r"(?<=[+\-\u2212\u2013])/(?=[A-Za-z])",
            r"(?<=[A-Za-z0-9])\)(?=[-\u2010\u2013])",
            r"(?<=\))[-\u2010\u2013](?=[A-Za-z])",
            r"(?<=[A-Za-z0-9])::(?=[A-Za-z])",
            # "physician's-choice": the possessive apart, as before a space
            r"(?<=[A-Za-z])['\u2019]s(?=[-\u2010\u2011][A-Za-z])",
        )
        suffixes = (*(base.suffixes or ()), r"(?<=[A-Za-z0-9])[+\u2212]", r"(?<=[A-Z0-9])-")

    class EvidenceEnglish(English):
        Defaults = EvidenceDefaults

    return EvidenceEnglish


def build_pipeline(lexicon: Lexicon) -> Language:
    _register_components()
    nlp = _language()()
    nlp.add_pipe("evidence_sentences")
    gene_patterns = list(_gene_patterns(nlp, lexicon))
    gene_ruler = nlp.add_pipe("span_ruler", name="gene_mentions", config={"spans_key": "genes"})
    gene_ruler.add_patterns(gene_patterns)  # type: ignore[attr-defined]
    entity_ruler = nlp.add_pipe(
        "span_ruler",
        name="lexicon_entities",
        config={"spans_key": None, "annotate_ents": True, "overwrite": True},
    )
    entity_ruler.add_patterns(list(_patterns(nlp, lexicon, gene_patterns)))  # type: ignore[attr-defined]
    known_trials = nlp.add_pipe("known_trials")
    known_trials.finder = TrialFinder(lexicon)  # type: ignore[attr-defined]
    new_drugs = nlp.add_pipe("new_drugs")
    new_drugs.lexicon = lexicon  # type: ignore[attr-defined]
    nlp.add_pipe("trial_mentions")
    return nlp
