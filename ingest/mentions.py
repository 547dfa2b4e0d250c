"""A read document: its sentences and the typed mentions in each, with drug aliases resolved.

This is the layer between the spaCy pipeline (:mod:`ingest.nlp`) and the fact extractors
(:mod:`ingest.trials`, :mod:`ingest.results`, :mod:`ingest.combinations`). Offsets here are
offsets in the cleaned text (:class:`ingest.sentences.CleanText`); :meth:`Reading.evidence`
maps a sentence back to the original text.

"Agents" are what a trial arm can consist of: drugs, drug-class phrases ("chemotherapy",
"a MEK inhibitor"), placebo, and the noun phrases that refer back to them ("the drug", "this
agent", "the doublet", "the MEK inhibitor", "it"). :meth:`Reading.agents` resolves them.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ingest.prior_therapy import in_prior_therapy
from ingest.sentences import CleanText

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ingest.lexicon import Lexicon
    from kg.model import Evidence

# Noun phrases that point back to drugs named earlier.
_DRUG_ANAPHOR = re.compile(
    r"\b(?:the|this|that|the same)\s+(?:(?:oral|new|investigational|study|experimental|novel)\s+)?"
    r"(?:drug|agent|compound|molecule|medicine|conjugate|antibody)\b"
    r"(?!\s+(?:class|classes|development|application)|[-\s]+drug\s+conjugate)",
    re.IGNORECASE,
)
# "the oral combination tablet trifluridine/tipiracil": a noun a drug is introduced with
_DESCRIBED_BY = re.compile(r"\b(?:the|an?)\s+(?:[\w-]+\s+){0,3}?(?P<noun>[a-z]{4,})\s+$")
_NOT_DESCRIPTIVE_NOUNS = frozenset({
    "combination", "combinations", "regimen", "doublet", "triplet", "therapy", "treatment", "drug", "drugs", "agent",
    "agents", "inhibitor", "inhibitors", "antibody", "blocker", "conjugate", "arm", "group", "cohort", "trial",
    "study", "dose", "doses", "patients", "with", "plus", "versus", "than", "and", "either", "both",
    "first", "second", "same", "standard", "backbone", "chemotherapy", "addition", "placebo", "control",
})  # fmt: skip
# "trifluridine/tipiracil", "trifluridine-tipiracil": one product's drugs
_PRODUCT_JOIN = re.compile(r"\s?[/\u2013-]\s?")
# The control arm named as such: "in the control group", "versus control", "the placebo arm".
_CONTROL_ANAPHOR = re.compile(
    r"\b(?P<at>(?:the\s+)?(?:control|comparator|standard[- ]of[- ]care)\s+(?:group|arm|cohort|regimen|patients))\b"
    r"|\b(?:versus|vs\.?|than|for|with|to)\s+(?P<bare>control)\b"
    # "42% of those on standard treatment": the arm the new one is tested against
    r"|\b(?:on|with|receiving|given)\s+(?P<standard>standard\s+(?:treatment|therapy))\b",
    re.IGNORECASE,
)
# "a standard EGFR TKI (gefitinib or erlotinib)": a class phrase whose bracket lists options.
# the options a class offers, in brackets or between dashes: "a TKI (A or B)", "chemotherapy—A plus
# B or C—with ..."
OPTIONS_AFTER = re.compile(
    r"\s*(?:\((?:[^()]|\([^()]*\))*\bor\b(?:[^()]|\([^()]*\))*\)|\u2014(?:[^\u2014.;]|\([^()]*\))*\bor\b(?:[^\u2014.;])*\u2014)",
    re.IGNORECASE,
)
# a class naming what an antibody-drug conjugate carries: "microtubule inhibitor conjugate",
# "a topoisomerase I inhibitor payload"
_DESCRIBES_CONJUGATE = re.compile(r"[-\s]+(?:drug\s+)?(?:conjugates?|payloads?|warheads?)\b", re.IGNORECASE)
# "the belantamab triplet", "the A-based combination": a set named by one of its drugs
_SET_NOUN_AFTER = re.compile(r"(?:[-\s]based)?\s+(?P<noun>doublet|triplet|quadruplet|combination|regimen)\b", re.I)
_DEFINITE_BEFORE_DRUG = re.compile(r"\b(?:the|this|that)\s+$", re.I)
# who picks among the options of a class: "chemotherapy chosen by the investigator (A or B)"
_CHOSEN_BY = re.compile(
    r",?\s+(?:(?:chosen|selected|determined)\s+by\s+(?:the\s+|each\s+)?(?:treating\s+)?"
    r"(?:investigator|physician|clinician|doctor|centre|center|site)s?|(?:of|at)\s+(?:the\s+)?"
    r"(?:investigator|physician|clinician)(?:'s|s'|\u2019s)?\s+(?:choice|discretion))",
    re.IGNORECASE,
)
_SET_ANAPHOR = re.compile(
    r"\b(?:the|this|that|these|both|same)\s+(?:same\s+)?(?:(?:targeted|drug|active|experimental|"
    r"oral|two-drug|three-drug)\s+)?(?P<noun>doublets?|triplets?|combinations?|regimens?|pairings?|backbones?)\b",
    re.IGNORECASE,
)
# "the combination of A and B", "the oral combination A/B": the set is named right after
_SET_NAMED_GAP = re.compile(r"\s*(?:of\s+|[,:]\s*)?", re.IGNORECASE)
# what a list of arms ends on: "the A, B and C groups"
PLURAL_ARM_NOUN = r"(?:groups|arms|cohorts)\b"
# "in the combination, sorafenib and cabozantinib groups": a list of arms, not the set's drugs
_GROUPS_LISTED_AFTER = re.compile(rf"\s*,[^.;()]{{0,80}}?\s{PLURAL_ARM_NOUN}", re.IGNORECASE)
_COMBINATION_AFTER = re.compile(r"[-\s]*(?:containing\s+)?(?:combination|doublet|triplet)\b", re.IGNORECASE)
# "MRD-negative at entry: 30.1 vs. 24.3 months": a label, a colon and figures
_LABELLED_FIGURES = re.compile(r"\s*[^:;\d\s][^:;]{1,60}?:\s*\d")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_PRONOUN = re.compile(r"\b(?:it|its)\b", re.IGNORECASE)
# not "placebo-controlled", which says how a trial was run
PLACEBO = re.compile(r"\b(?:placebo|PBO)\b(?![-\u2010\u2011]\s*controlled)", re.IGNORECASE)
PLACEBO_ARM = "placebo"  # the drug set of an arm given placebo alone
# "VEN+AZA", "NIVO/IPI": an arm label made of clipped drug names
_CLIPPED_LABEL = re.compile(r"(?<![\w-])[A-Z][A-Za-z]{2,5}(?:\s?[+/]\s?[A-Z][A-Za-z]{2,5})+(?![\w-])")
_DEFINITE_BEFORE = re.compile(
    r"\b(?:the|this|that)\s+(?:(?:oral|selective|same|allosteric|potent|approved|intravenous)\s+)*$",
    re.IGNORECASE,
)
# "the CDK4/6 inhibitor ribociclib": a class phrase in apposition to the drug it describes.
_APPOSITION_GAP = re.compile(r"^\s*(?:drug|agent)?\s*$", re.IGNORECASE)
# "drugname (CODE-1), an ERK inhibitor": the drug before may be its bracketed alias.
_DESCRIBES_BEFORE = re.compile(r"^\s*\)?\s*(?:\([^()]*\))?\s*,\s*(?:a|an|the)\s+(?:[\w/-]+\s+){0,3}$", re.IGNORECASE)
_ALIAS_CUE = re.compile(
    r"\b(?:developed|known|coded|designated|also called|formerly)\b[^.;()]{0,40}?\b(?:as|name)\s+$"
    r"|\bcode\s+name[sd]?\s+$|\bOther names?:\s*(?:[\w -]+,\s*)*$",
    re.IGNORECASE,
)

_IN_LONGER_IDENTIFIER = re.compile(r"-\d")
_AS_IN_BEFORE = re.compile(r"\b(?:as|same\s+as)\s+(?:in|for)\s+(?:the\s+)?$", re.IGNORECASE)
# "may" the verb, not the month ("Between May 7, 2014, and ...", "in May 2020", "15 May")
MODAL_MAY = r"(?<!\b\d\s)(?<!\b\d\d\s)(?<!\bin\s)may(?!\s+\d)"
# "CODE-7, a bevacizumab biosimilar", "CODE-7 (a biosimilar of bevacizumab)"
_BIOSIMILAR_OF = re.compile(r"\s*[,(]\s*(?:an?\s+)?(?:proposed\s+)?biosimilar\s+(?:of|to)\s+", re.IGNORECASE)
_BEFORE_BIOSIMILAR = re.compile(r"\s*[,(]\s*(?:an?\s+)?(?:proposed\s+)?", re.IGNORECASE)
_BIOSIMILAR_AFTER = re.compile(r"\s*-?\s*biosimilar\b", re.IGNORECASE)


def _biosimilar(gap: str, after: str) -> bool:
    """Whether the text between a code name and a drug makes the code a biosimilar of the drug."""
    return bool(_BIOSIMILAR_OF.fullmatch(gap) or (_BEFORE_BIOSIMILAR.fullmatch(gap) and _BIOSIMILAR_AFTER.match(after)))


@dataclass(frozen=True)
class Mention:
    kind: str  # drug | class | gene | disease | endpoint | trial | nct | phase | placebo
    start: int
    end: int
    text: str
    key: str
    rule: str = ""


@dataclass(frozen=True)
class Agent:
    """One thing an arm can give: a set of drugs (or a class phrase), where it was named."""

    drugs: tuple[str, ...]
    start: int
    end: int
    kind: str  # drug | class | choice (a class offered as a choice of drugs) | placebo | anaphor
    text: str


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str
    mentions: list[Mention] = field(default_factory=list)
    # an unbulleted item of a list a heading line introduces ("Results by group (median OS):" then
    # "  MRD-negative: 30.1 vs. 24.3 months")
    list_item: bool = False

    def of(self, *kinds: str) -> list[Mention]:
        return [m for m in self.mentions if m.kind in kinds]

    def names_given(self, start: int, end: int) -> bool:
        """Whether a drug, regimen, class or placebo starts between two sentence-local offsets:
        the words name what patients were given."""
        return any(start <= self.local(m.start) < end for m in self.of("drug", "regimen", "class", "placebo"))

    def local(self, offset: int) -> int:
        return offset - self.start


def sorted_drugs(drugs: set[str] | tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return tuple(sorted(set(drugs), key=lambda name: (name.casefold(), name)))


# a bracket, with one level of brackets inside: "(5.25 mg/kg/d (age < 12 years))"
BRACKETED = r"\((?:[^()]|\([^()]*\))*\)"
# "platinum-based chemotherapy", "taxane chemotherapy": a class phrase headed by chemotherapy
_CHEMOTHERAPY_HEAD = re.compile(r"\bchemo(?:therap(?:y|ies))?$", re.IGNORECASE)
_CLASS_COMPOUND_GAP = re.compile(r"\s*[-\u2010-\u2013/]\s*")
# the arm of standard care, under the name the text gives it
_STANDARD_OF_CARE = frozenset({"standard of care", "standard care"})
# classes that name the care a control arm gets, not a drug a combination could hold
SUPPORTIVE_CARE = "best supportive care"
CARE_CLASSES = _STANDARD_OF_CARE | {SUPPORTIVE_CARE}
# the care every patient gets beside an arm's drugs, no part of the arm: "A plus ADT" is A's arm
BACKGROUND_CARE = frozenset({SUPPORTIVE_CARE, "androgen deprivation therapy"})
CHEMOIMMUNOTHERAPY = "chemoimmunotherapy"
# the broad kinds of treatment a physician's-choice arm is drawn from
_KINDS_OF_TREATMENT = frozenset({"chemotherapy", "endocrine therapy", "immunotherapy", "targeted therapy"})
# the classes a choice arm is named by, kept as the text words it: whose choice it is
CHOICE_ARM_CLASSES = frozenset({"physician's choice", "investigator's choice"})


def is_choice_arm(arm: tuple[str, ...]) -> bool:
    return len(arm) == 1 and arm[0] in CHOICE_ARM_CLASSES


_SOC_ARM_BEFORE = re.compile(
    r"\b(?:to|versus|vs\.?|v|with|against|or|over|than|compared\s+with|plus|and)\s+"
    r"(?:(?:the|a|an|current|local|investigator[- ]chosen|conventional)\s+)*$",
    re.IGNORECASE,
)
# "standard-of-care chemotherapy", "standard-of-care endocrine monotherapy"
_SOC_ADJECTIVE = re.compile(
    r"[-\s]+(?:(?!(?:or|and|plus|with|versus|vs|in|for)\b)[a-z-]+\s+)?\w*(?:chemo\w*|therap\w+|treatments?|regimens?)\b",
    re.IGNORECASE,
)
# The headings of a structured abstract, on a line of their own or before a colon; PubMed's
# MEDLINE export runs them on inside the paragraph ("... therapy. METHODS: In this ...")
_SECTION_HEADING = re.compile(
    r"^[ \t]*(?P<name>[A-Z][A-Za-z ]{2,30}?)[ \t]*(?::|$)|(?<=[.!?] )(?P<inline>[A-Z][A-Za-z ]{2,30}?):",
    re.MULTILINE,
)
_BACKGROUND_SECTIONS = frozenset({"background", "introduction", "context", "rationale", "importance"})
_SECTIONS = _BACKGROUND_SECTIONS | frozenset({
    "objective", "objectives", "purpose", "aim", "aims", "methods", "patients and methods", "design",
    "setting", "participants", "interventions", "results", "findings", "conclusions", "conclusion",
    "interpretation", "discussion", "funding", "trial registration",
})  # fmt: skip


class Reading:
    """A document after the pipeline: sentences, mentions, drug aliases, salience."""

    def __init__(self, raw_text: str, doc: Doc, lexicon: Lexicon) -> None:
        self.raw_text = raw_text
        self.clean = CleanText(raw_text)
        self.text = doc.text
        self.doc = doc
        self.lexicon = lexicon
        self.new_drugs: dict[str, str] = {}  # name -> rule, for drugs not in the lexicon
        self.sentences = self._sentences(doc)
        self._mark_list_items()
        self._resolve_aliases()
        self.regimens: dict[str, tuple[str, ...]] = {name: entry.drugs for name, entry in lexicon.regimens.items()}
        self._resolve_abbreviations()
        self.drug_counts = Counter(m.key for s in self.sentences for m in s.of("drug"))
        self._class_members: dict[str, set[str]] = {}
        self.class_labelled = self._class_labelled_regimens()
        self._drug_starts = {m.start for s in self.sentences for m in s.of("drug")}
        self.described = self._described_drugs()
        self._sections = [
            (m.start(), name)
            for m in _SECTION_HEADING.finditer(self.text)
            if (name := (m["name"] or m["inline"]).casefold()) in _SECTIONS
        ]
        self._section_starts = [start for start, _ in self._sections]

    # -- building --------------------------------------------------------------------------

    def _described_drugs(self) -> list[tuple[int, str, tuple[str, ...]]]:
        """The nouns the text introduces a drug with, so that "the <noun>" means it later: "the
        oral combination tablet trifluridine/tipiracil" makes "the tablet" that pair. Each is
        (where the drug is named, the noun, the drugs)."""
        found = []
        for sentence in self.sentences:
            drugs = sentence.of("drug")
            for index, mention in enumerate(drugs):
                if index and _PRODUCT_JOIN.fullmatch(self.text, drugs[index - 1].end, mention.start):
                    continue  # inside a product's name
                described = _DESCRIBED_BY.search(self.text, max(0, mention.start - 60), mention.start)
                if described is None or described["noun"].casefold() in _NOT_DESCRIPTIVE_NOUNS:
                    continue
                run = [mention]
                for following in drugs[index + 1 :]:
                    if not _PRODUCT_JOIN.fullmatch(self.text, run[-1].end, following.start):
                        break
                    run.append(following)
                found.append((mention.start, described["noun"].casefold(), sorted_drugs({m.key for m in run})))
        return found

    def described_anaphors(self, start: int, end: int) -> list[tuple[int, int, tuple[str, ...]]]:
        """The "the <noun>" phrases between two offsets that mean a drug the text introduced with
        that noun, with its drugs."""
        found = []
        window = self.text[start:end]
        for position, noun, drugs in self.described:
            for match in re.finditer(rf"\b(?:the|this|that)\s+{re.escape(noun)}\b(?P<gap>\s*)", window, re.I):
                at = start + match.start()
                # "the tablet trifluridine/tipiracil": the drug named again right after
                named_again = start + match.end("gap") in self._drug_starts
                if at > position and not named_again:
                    found.append((at, start + match.start("gap"), drugs))
        return found

    def _mark_list_items(self) -> None:
        """Mark the unbulleted items of a list a heading line introduces: lines of a label, a colon
        and figures, each after the heading or another item."""
        for previous, sentence in itertools.pairwise(self.sentences):
            introduced = previous.text.rstrip().endswith(":") or previous.list_item
            sentence.list_item = (
                introduced and self.starts_paragraph(sentence) and _LABELLED_FIGURES.match(sentence.text) is not None
            )

    def _sentences(self, doc: Doc) -> list[Sentence]:
        sentences = [Sentence(i, sent.start_char, sent.end_char, sent.text) for i, sent in enumerate(doc.sents)]
        starts = [s.start for s in sentences]

        def add(mention: Mention) -> None:
            index = bisect_right(starts, mention.start) - 1
            if index >= 0:
                sentences[index].mentions.append(mention)

        kinds = {
            "DRUG": "drug",
            "DRUG_CLASS": "class",
            "DISEASE": "disease",
            "ENDPOINT": "endpoint",
            "REGIMEN": "regimen",
        }
        for ent in doc.ents:
            if ent.label_ in kinds:
                kind = kinds[ent.label_]
                rule = ent.kb_id_ or f"lexicon.{kind}"
                if kind == "drug" and _IN_LONGER_IDENTIFIER.match(doc.text, ent.end_char) and ent.text[-1].isdigit():
                    continue  # "MK-3475-426": a protocol number that starts with the drug's code
                if kind == "drug" and ent.kb_id_:
                    self.new_drugs.setdefault(ent.id_, ent.kb_id_)
                add(Mention(kind, ent.start_char, ent.end_char, ent.text, ent.id_, rule))
        genes = doc.spans.get("genes", [])
        for span in genes:
            # not "Epidermal Growth Factor Receptor" inside "Human Epidermal Growth Factor Receptor 2"
            if not any(
                other.start_char <= span.start_char
                and span.end_char <= other.end_char
                and other.end_char - other.start_char > span.end_char - span.start_char
                for other in genes
            ):
                add(Mention("gene", span.start_char, span.end_char, span.text, span.id_, "lexicon.gene"))
        for group, kind in (("trials", "trial"), ("nct", "nct"), ("phases", "phase")):
            for span in doc.spans.get(group, []):
                add(Mention(kind, span.start_char, span.end_char, span.text, span.id_, f"trial.{kind}"))
        for match in PLACEBO.finditer(doc.text):
            add(Mention("placebo", match.start(), match.end(), match.group(), "placebo", "arm.placebo"))
        for start, end, text, symbol in _numbered_series(doc.text, self.lexicon):
            add(Mention("gene", start, end, text, symbol, "gene.numbered_series"))
        for sentence in sentences:
            sentence.mentions.sort(key=lambda m: (m.start, -m.end))
        return sentences

    def _resolve_aliases(self) -> None:
        """Map code names to the drug they are given for: "binimetinib (MEK162)",
        "HL-085 (tunlametinib)", "first tested as HL-085"."""
        aliases: dict[str, str] = {}
        for sentence in self.sentences:
            drugs = sentence.of("drug")
            for previous, current in itertools.pairwise(drugs):
                if previous.key == current.key:
                    continue
                gap = self.text[previous.end : current.start]
                new_current = current.key in self.new_drugs and previous.key not in self.new_drugs
                new_previous = previous.key in self.new_drugs and current.key not in self.new_drugs
                if new_previous and _biosimilar(gap, self.text[current.end : current.end + 20]):
                    aliases[previous.key] = current.key  # "CODE-7, a bevacizumab biosimilar" gives bevacizumab
                elif re.fullmatch(r"\s*\(\s*", gap) or _ALIAS_CUE.search(gap):
                    if new_current:
                        aliases[current.key] = previous.key
                    elif new_previous and gap.strip() == "(":
                        aliases[previous.key] = current.key
        # "inotuzumab ozogamicin ... the inotuzumab group": the first word of a conjugate's name
        named = {m.key for s in self.sentences for m in s.of("drug") if m.key not in self.new_drugs}
        for new in self.new_drugs:
            heads = [drug for drug in named if drug.casefold().startswith(new.casefold() + " ")]
            if len(heads) == 1:
                aliases.setdefault(new, heads[0])
        if not aliases:
            return
        for sentence in self.sentences:
            sentence.mentions = [
                Mention(m.kind, m.start, m.end, m.text, aliases[m.key], "drug.alias")
                if m.kind == "drug" and m.key in aliases
                else m
                for m in sentence.mentions
            ]
        for code in aliases:
            self.new_drugs.pop(code, None)

    def _resolve_abbreviations(self) -> None:
        """Give the drugs a paper abbreviates to every later use of the short form:
        "enfortumab vedotin (EV) plus pembrolizumab (P)" makes "EV+P" two drug mentions, and
        "atezolizumab, carboplatin and paclitaxel (ACP)" makes "ACP" one mention of that set."""
        mentions = sorted((m for s in self.sentences for m in s.mentions), key=lambda m: m.start)
        meanings: dict[str, tuple[str, ...]] = {}
        classes: dict[str, str] = {}  # "physician's choice (PC)": PC names the class
        defined_at: list[tuple[int, int]] = []
        defined = itertools.chain(_drug_short_forms(self.text, mentions), _named_regimens(self.text))
        for short, start, end, long_start, long_end in defined:
            if _overlaps(mentions, start, end) or short in meanings or short in classes:
                continue  # the lexicon knows the short form itself ("nivolumab (Opdivo)")
            # "abiraterone acetate plus prednisone (AAP)", "platinum-based chemotherapy (CT)": the
            # long form may start inside a name
            inside = [m for m in mentions if m.start < long_end and long_start < m.end <= long_end]
            drugs: list[str] = []
            for mention in inside:
                if mention.kind == "drug":
                    drugs.append(mention.key)
                elif mention.kind == "regimen":
                    drugs.extend(self.regimens.get(mention.key, ()))
            named_classes = {
                "chemotherapy" if self.chemotherapy_headed(m.key, m.text) else m.key
                for m in inside
                if m.kind == "class"
            }
            # "durvalumab plus four cycles of CT (D+CT)": short forms defined before say what they name
            for used, used_start, _ in _short_form_uses(self.text[long_start:long_end], [*meanings, *classes]):
                if " " in used and any(d_start <= long_start + used_start < d_end for d_start, d_end in defined_at):
                    continue  # "A plus B (group A), C (group B)": the label of an earlier arm
                if used in classes:
                    named_classes.add(classes[used])
                else:
                    drugs.extend(meanings[used])
            if drugs:
                # a regimen given with chemotherapy keeps it: "durvalumab plus chemotherapy (D+CT)"
                meanings[short] = sorted_drugs(drugs + [c for c in named_classes if c == "chemotherapy"])
            elif len(named_classes) == 1:
                classes[short] = named_classes.pop()
            else:
                continue
            defined_at.append((start, end))
        for short, drug in _clipped_names(self.text, mentions).items():
            meanings.setdefault(short, (drug,))
        named = {m.key for m in mentions if m.kind == "drug"}
        for short, regimen in _prefixed_regimens(self.text, meanings, named).items():
            meanings.setdefault(short, regimen)
        for short, start, end, regimen in _plus_joined_regimens(self.text, meanings, classes, mentions):
            if short not in meanings and not _overlaps(mentions, start, end):
                meanings[short] = regimen
                defined_at.append((start, end))
        if not meanings and not classes:
            return
        starts = [s.start for s in self.sentences]
        touched: set[int] = set()
        for short, start, end in _short_form_uses(self.text, [*meanings, *classes]):
            if any(d_start <= start < d_end for d_start, d_end in defined_at) or _overlaps(mentions, start, end):
                continue
            if len(short) == 1 and not _single_letter_drug_use(self.text, start, end):
                continue
            index = bisect_right(starts, start) - 1
            meaning = meanings.get(short, ())
            if short in classes:
                mention = Mention("class", start, end, short, classes[short], "class.abbreviation")
            elif len(meaning) == 1:
                mention = Mention("drug", start, end, short, meaning[0], "drug.abbreviation")
            else:
                self.regimens.setdefault(short, meaning)
                mention = Mention("regimen", start, end, short, short, "drug.abbreviation")
            self.sentences[index].mentions.append(mention)
            touched.add(index)
        for index in touched:
            self.sentences[index].mentions.sort(key=lambda m: (m.start, -m.end))

    def _class_labelled_regimens(self) -> dict[int, tuple[int, Mention]]:
        """The regimens a text labels with their class ("pemetrexed plus cisplatin or carboplatin
        (hereafter, chemotherapy)"), by the label's mention start: (the regimen's start, the
        label). The run of drugs before the label, each of the class and joined by "plus",
        "with", "or", doses and schedules, is that one class from then on."""
        labelled: dict[int, tuple[int, Mention]] = {}
        for sentence in self.sentences:
            for label in sentence.of("class"):
                opening = _CLASS_LABEL_BEFORE.search(self.text, sentence.start, label.start)
                if opening is None or opening.end() != label.start or not _CLOSING.match(self.text, label.end):
                    continue
                drugs = [m for m in sentence.of("drug") if m.end <= opening.start()]
                start, limit = None, opening.start()
                for drug in reversed(drugs):
                    gap = self.text[drug.end : limit]
                    if len(gap) > 60 or _RUN_BREAK.search(gap) or label.key not in self.drug_classes(drug.key):
                        break
                    start, limit = drug.start, drug.start
                if start is not None:
                    labelled[label.start] = (start, label)
        return labelled

    # -- look-ups --------------------------------------------------------------------------

    def in_background(self, sentence: Sentence) -> bool:
        """Whether a sentence lies in the background section of a structured abstract
        ("BACKGROUND: Drug A prolonged survival when ..."), where earlier evidence is told."""
        index = bisect_right(self._section_starts, sentence.start) - 1
        return index >= 0 and self._sections[index][1] in _BACKGROUND_SECTIONS

    def _standard_of_care_arm(self, mention: Mention) -> bool:
        """Whether "standard of care" names the arm a drug is compared with ("to axi-cel or
        standard of care", "50% with standard care", "the standard-care group"), rather than a
        verdict ("a new standard of care") or an adjective ("standard-of-care chemotherapy")."""
        if _SOC_ADJECTIVE.match(self.text, mention.end):
            return False
        line_start = self.text.rfind("\n", 0, mention.start) + 1
        return bool(
            _SOC_ARM_BEFORE.search(self.text, max(0, mention.start - 40), mention.start)
            or not self.text[line_start : mention.start].strip(" -*:\t")
            or re.match(r"\s+(?:arm|group|cohort)\b", self.text[mention.end :], re.IGNORECASE)
        )

    def chemotherapy_headed(self, key: str, text: str) -> bool:
        """Whether a class phrase is headed by chemotherapy ("platinum-based chemotherapy"), so
        that an arm it alone names is chemotherapy rather than the narrower class; a class that is
        itself a kind of chemotherapy ("salvage chemotherapy") keeps its name."""
        return (
            _CHEMOTHERAPY_HEAD.search(text) is not None
            and "chemotherapy" in self.drug_classes(key)
            and (key == "chemotherapy" or _CHEMOTHERAPY_HEAD.search(key) is None)
        )

    def _modifies_chemotherapy(self, mentions: list[Mention], mention: Mention) -> bool:
        """ "fluoropyrimidine–platinum chemotherapy": a class joined to the chemotherapy after it."""
        following = next((m for m in mentions if m.start >= mention.end), None)
        return (
            following is not None
            and following.kind == "class"
            and _CLASS_COMPOUND_GAP.fullmatch(self.text, mention.end, following.start) is not None
            and self.chemotherapy_headed(following.key, following.text)
            and "chemotherapy" in self.drug_classes(mention.key)
        )

    def starts_paragraph(self, sentence: Sentence) -> bool:
        """Whether a line break separates the sentence from the one before (a sentence's span
        may end with the line break itself)."""
        if sentence.index == 0:
            return False
        previous = self.sentences[sentence.index - 1]
        return "\n" in self.text[previous.start + len(previous.text.rstrip()) : sentence.start]

    def blank_line_before(self, sentence: Sentence) -> bool:
        """Whether an empty line parts the sentence from the one before in the original text (the
        clean text keeps one newline for any run of them)."""
        if sentence.index == 0:
            return False
        previous = self.sentences[sentence.index - 1]
        end = self.clean.raw(previous.start + len(previous.text.rstrip()))
        return _BLANK_LINE.search(self.raw_text, end, self.clean.raw(sentence.start)) is not None

    def own_line(self, sentence: Sentence) -> bool:
        """Whether the sentence is a line of its own, as a record's field or heading is."""
        following = self.sentences[sentence.index + 1] if sentence.index + 1 < len(self.sentences) else None
        return (sentence.index == 0 or self.starts_paragraph(sentence)) and (
            following is None or self.starts_paragraph(following)
        )

    def evidence(self, sentence: Sentence, rule: str, negated: bool = False, hedged: bool = False) -> Evidence:
        from kg.model import Evidence

        start, end = self.clean.raw(sentence.start), self.clean.raw(sentence.end)
        # The end offset maps to the character after the sentence's last character.
        end = self.clean.raw(sentence.end - 1) + 1 if sentence.end > sentence.start else end
        return Evidence(self.raw_text[start:end], start, end, rule, negated, hedged)

    def drug_classes(self, drug: str) -> set[str]:
        """The classes of a drug and all their ancestors (plus its kind, for chemotherapy); for a
        class phrase, the class itself and its ancestors ("platinum agent" is chemotherapy). A
        cytotoxic or an antibody is part of chemoimmunotherapy ("FCR" is chemoimmunotherapy)."""
        found: set[str] = set()
        entry = self.lexicon.drugs.get(drug)
        if drug in self.lexicon.drug_classes:
            pending = [drug]
        elif entry is not None:
            pending = list(entry.classes)
            if entry.kind == "chemotherapy":
                pending.append("chemotherapy")
            if entry.kind in {"chemotherapy", "antibody"}:
                pending.append(CHEMOIMMUNOTHERAPY)
        else:
            stem = self.lexicon.stem_for(drug)
            pending = [stem.drug_class] if stem else []
        while pending:
            name = pending.pop()
            if name in found:
                continue
            found.add(name)
            parent = self.lexicon.drug_classes.get(name)
            if parent is not None and parent.parent:
                pending.append(parent.parent)
        return found

    def _is_antibody(self, drug: str) -> bool:
        entry = self.lexicon.drugs.get(drug)
        return (entry is not None and entry.kind == "antibody") or drug.split()[0].endswith("mab")

    def salient_drug(self, before: int, accept: Callable[[str], bool] | None = None) -> str | None:
        """The drug a bare "the drug", "the conjugate" or "it" most likely means: the last drug
        named before the position in its sentence; else the first drug referred to in the
        nearest of the two sentences before (the subject of a sentence is usually named first,
        and may itself be "the drug"); else the paper's most named drug. A drug the patients had
        before ("progressed on prior therapy including A") is never the one meant."""
        # the sentence the position is in: the last to start at or before it (one sentence may end
        # where the next starts)
        index = max((s.index for s in self.sentences if s.start <= before), default=0)
        drugs = [
            m for m in self._drugs_given(self.sentences[index]) if m.end <= before and (accept is None or accept(m.key))
        ]
        if drugs:
            return drugs[-1].key
        for back in (1, 2):
            if index - back < 0:
                break
            sentence = self.sentences[index - back]
            references: list[tuple[int, str | None]] = [(m.start, m.key) for m in self._drugs_given(sentence)]
            references += [(sentence.start + m.start(), None) for m in _DRUG_ANAPHOR.finditer(sentence.text)]
            if references:
                position, drug = min(references, key=lambda reference: reference[0])
                return drug or self.salient_drug(position)
        return self.drug_counts.most_common(1)[0][0] if self.drug_counts else None

    def _set_headed_by(
        self, mention: Mention, sentence: Sentence, context: AgentContext
    ) -> tuple[tuple[str, ...], int] | None:
        """The set a definite noun phrase built on one of its drugs means ("the belantamab
        triplet", "the A-based combination"), with where the phrase ends; None when no set of that
        size holding the drug was named before."""
        noun = _SET_NOUN_AFTER.match(self.text, mention.end)
        if noun is None or not _DEFINITE_BEFORE_DRUG.search(self.text, max(0, mention.start - 12), mention.start):
            return None
        size = {"doublet": 2, "triplet": 3, "quadruplet": 4}.get(noun["noun"].casefold().rstrip("s"))
        named = context.set_named_with(mention.key, sentence.index)
        if named is None or (size is not None and len(named) != size):
            return None
        return named, noun.end()

    def _drugs_given(self, sentence: Sentence) -> list[Mention]:
        return [m for m in sentence.of("drug") if not in_prior_therapy(self.text, sentence, m.start, m.end)]

    def drug_anaphors(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The noun phrases between two offsets that point back to a drug ("the drug", "this
        agent", "the conjugate"), with the drug each means."""
        found = []
        for match in _DRUG_ANAPHOR.finditer(self.text, start, end):
            # "then continued the antibody": the antibody named before it in the sentence
            accept = self._is_antibody if match.group().casefold().endswith("antibody") else None
            drug = self.salient_drug(match.start(), accept)
            if drug:
                found.append((match.start(), match.end(), drug))
        return found

    def _set_named_before(self, sentence: Sentence, position: int, size: int | None) -> tuple[str, ...] | None:
        """The drugs named together last before a position of the sentence, when they make a
        set of the size a "doublet" or "triplet" needs: "A added to B and C ... the targeted
        doublet" is B and C."""
        run: list[Mention] = []
        for mention in sentence.of("drug"):
            if mention.end > position:
                break
            if run and not _SET_JOIN.fullmatch(self.text, run[-1].end, mention.start):
                run = []
            run.append(mention)
        if size is None:
            return None
        last = sorted_drugs([m.key for m in run[-size:]])
        return last if len(last) == size else None

    def is_given(self, mention: Mention) -> bool:
        """Whether a mention names what patients are given, not what qualifies them or the arm
        ("chemotherapy-naive", "eligible for A", "a drug-matched placebo", "B at the physician's
        discretion")."""
        return not (
            _QUALIFIER_AFTER.match(self.text, mention.end)
            or _QUALIFIER_BEFORE.search(self.text, max(0, mention.start - 24), mention.start)
        )

    def agents(self, sentence: Sentence, start: int, end: int, context: AgentContext) -> list[Agent]:
        """The agents named between two offsets of a sentence, anaphors resolved, in order."""
        found: list[Agent] = []
        mentions = [m for m in sentence.mentions if start <= m.start and m.end <= end and self.is_given(m)]
        # drugs a class label covers count as the class ("... or carboplatin (hereafter chemotherapy)")
        runs = {
            id(label): run_start
            for run_start, label in self.class_labelled.values()
            if start <= run_start and label.end <= end
        }
        labels = [m for m in mentions if id(m) in runs]
        mentions = [m for m in mentions if not any(runs[id(label)] <= m.start < label.start for label in labels)]
        drugs = [m for m in mentions if m.kind == "drug"]
        for mention in mentions:
            if id(mention) in runs:
                run_start = runs[id(mention)]
                found.append(Agent((mention.key,), run_start, mention.end, "class", self.text[run_start : mention.end]))
            elif mention.kind == "drug":
                named_set = self._set_headed_by(mention, sentence, context)
                if named_set is not None:
                    # "the belantamab triplet": the three-drug set named before that holds it
                    found.append(Agent(named_set[0], mention.start, named_set[1], "anaphor", mention.text))
                    continue
                found.append(Agent((mention.key,), mention.start, mention.end, "drug", mention.text))
            elif mention.kind == "regimen" and mention.key in self.regimens:
                drugs_of = self.regimens[mention.key]
                found.append(Agent(drugs_of, mention.start, mention.end, "drug", mention.text))
            elif mention.kind == "placebo":
                if context.control:
                    # while results are read, "with placebo" and "the placebo group" are the control
                    found.append(Agent(context.control, mention.start, mention.end, "anaphor", mention.text))
                else:
                    found.append(Agent((), mention.start, mention.end, "placebo", mention.text))
            elif mention.kind == "class":
                if mention.key in _STANDARD_OF_CARE and not self._standard_of_care_arm(mention):
                    continue  # "may become a new standard of care": a verdict, no arm
                chooser = _CHOSEN_BY.match(self.text, mention.end)
                chosen_end = chooser.end() if chooser else mention.end
                if OPTIONS_AFTER.match(self.text, chosen_end):
                    # a choice between drugs of the class is an arm of its own
                    phrase = self.text[mention.start : chosen_end]
                    found.append(Agent((mention.key,), mention.start, chosen_end, "choice", phrase))
                    continue
                following = next((d for d in drugs if d.start >= mention.end), None)
                if following is not None and _APPOSITION_GAP.match(self.text[mention.end : following.start]):
                    continue  # "the MEK inhibitor trametinib": the drug itself follows
                if _inside_expansion(self.text, mention):
                    continue
                if _DESCRIBES_CONJUGATE.match(self.text, mention.end):
                    continue  # "an antibody and microtubule inhibitor conjugate": what the drug carries
                preceding = next((d for d in reversed(drugs) if d.end <= mention.start), None)
                if preceding is not None and _DESCRIBES_BEFORE.match(self.text[preceding.end : mention.start]):
                    continue  # "drugname (CODE-1), an ERK inhibitor": a description
                if (
                    preceding is not None
                    and not self.text[preceding.end : mention.start].strip()
                    and mention.key in self.drug_classes(preceding.key)
                ):
                    continue  # "gemcitabine–cisplatin chemotherapy": the drugs say what it is
                definite = _DEFINITE_BEFORE.search(self.text[max(0, mention.start - 40) : mention.start])
                if self._modifies_chemotherapy(mentions, mention):
                    continue  # "fluoropyrimidine–platinum chemotherapy": one chemotherapy
                resolved = context.resolve_class(mention.key, definite is not None)
                if definite and _COMBINATION_AFTER.match(self.text, mention.end):
                    # "the chemotherapy combination": the arm that adds a drug to the class
                    resolved = context.arm_adding_to(mention.key) or resolved
                if resolved:
                    found.append(Agent(resolved, mention.start, mention.end, "anaphor", mention.text))
                elif _names_a_therapy(mention.key):
                    found.append(Agent((mention.key,), mention.start, mention.end, "class", mention.text))
        window = self.text[start:end]
        for position, stop, drug in self.drug_anaphors(start, end):
            found.append(Agent((drug,), position, stop, "anaphor", self.text[position:stop]))
        for position, stop, drugs_of in self.described_anaphors(start, end):
            found.append(Agent(drugs_of, position, stop, "anaphor", self.text[position:stop]))
        singles = [arm for arm in context.arms if len(arm) == 1]
        if len(singles) == 1 and len(context.arms) > 1:
            for match in _MONOTHERAPY.finditer(window):
                position = start + match.start()
                found.append(Agent(singles[0], position, start + match.end(), "anaphor", match.group()))
        for match in ARM_LABEL.finditer(window):
            labelled = context.labels.get(" ".join(match.group().casefold().split()))
            # "B and C as in Arm I": the schedule another arm gives them, not that arm
            if labelled and not _AS_IN_BEFORE.search(window, 0, match.start()):
                position = start + match.start()
                found.append(Agent(labelled, position, start + match.end(), "anaphor", match.group()))
        if context.control:
            for match in _CONTROL_ANAPHOR.finditer(window):
                group = next(name for name in ("at", "bare", "standard") if match.group(name))
                position, stop = start + match.start(group), start + match.end(group)
                found.append(Agent(context.control, position, stop, "anaphor", match.group(group)))
        for match in _SET_ANAPHOR.finditer(window):
            following = next((d for d in drugs if d.start >= start + match.end()), None)
            if (
                following is not None
                and _SET_NAMED_GAP.fullmatch(self.text, start + match.end(), following.start)
                and not _GROUPS_LISTED_AFTER.match(self.text, start + match.end())
            ):
                continue  # "the oral combination trifluridine/tipiracil": the drugs it names follow
            noun = match.group("noun").casefold()
            size = 2 if noun.startswith("doublet") else 3 if noun.startswith("triplet") else None
            if noun.startswith("backbone"):
                drugs_set = context.resolve_backbone()
            else:
                drugs_set = self._set_named_before(sentence, start + match.start(), size) or context.resolve_set(size)
            if drugs_set:
                position = start + match.start()
                found.append(Agent(drugs_set, position, start + match.end(), "anaphor", match.group()))
        found.sort(key=lambda agent: agent.start)
        return _without_overlaps(found)


# "chemotherapy-naive", "anti-PD-1-refractory", "a chemotherapy-free option": the drug or class
# qualifies the patients or the regimen, it is not given
_AT_DISCRETION = (
    r"\s+(?:(?:was|is|were|being)\s+)?(?:given\s+|added\s+|used\s+|allowed\s+|permitted\s+)?(?:at\s+(?:the\s+)?"
    r"(?:treating\s+)?(?:investigator|physician)'?s?'?\s+discretion|optional(?:ly)?\b|where\s+(?:appropriate|indicated))"
)
# "bevacizumab was added at the investigator's discretion": a drug no arm is defined by
GIVEN_AT_DISCRETION = re.compile(_AT_DISCRETION, re.IGNORECASE)
_QUALIFIER_AFTER = re.compile(
    r"[-\u2010\u2011]\s?(?:na[iï]ve|pre-?treated|refractory|resistant|sensitive|containing|exposed|experienced|free|intolerant|"
    r"eligible|ineligible|unfit)\b|\s+(?:eligibility|ineligibility|exposure|refractoriness|intolerance)\b|"
    r"\s+(?:(?:was|is|being)\s+)?(?:replaced|omitted|withheld|substituted)\b|"
    # "with drug C added at the physician's discretion": optional, no part of an arm
    rf"{_AT_DISCRETION}|"
    # "R-CHOP with a polatuzumab placebo", "a drug-matched placebo": the drug is not given
    # ("ibrutinib-placebo (n=133)" names the arm that gives ibrutinib with placebo)
    # (on one line: a drug that ends a line is no placebo's)
    r"(?:[ \t]+(?:matched\s+|matching\s+)?|[-\u2010\u2011]\s?(?:matched|matching)\s+)(?:placebo|dummy)\b",
    re.IGNORECASE,
)
# "VEGFR1-3", "VEGFR-1, -2 and -3", "FGFR1/2/3": numbered members of a gene family
_NUMBERED_SERIES = re.compile(
    r"\b(?P<prefix>[A-Z][A-Za-z]{1,6})[-\u2010\u2011 ]?(?P<first>\d)(?P<rest>\s*(?:[-\u2013]|to|through)\s*"
    r"(?P<last>\d)\b|(?:\s*,\s*-?\s*\d\b)*\s*,?\s*(?:and|or)\s+-?\s*\d\b|(?:\s*/\s*\d\b)+)"
)
# "pembrolizumab (P)": a one-letter short form for a drug
_SINGLE_LETTER_DEFINITION = re.compile(r"\s*\(\s*(?P<letter>[A-Z])\s*[),;]")
# "(hereafter, chemotherapy)", "(collectively referred to as chemotherapy)", "(chemotherapy)"
_CLASS_LABEL_BEFORE = re.compile(
    r"\(\s*(?:(?:hereafter|henceforth|collectively)\s*,?\s*(?:(?:referred\s+to\s+as|called|termed)\s+)?)?$",
    re.IGNORECASE,
)
_CLOSING = re.compile(r"\s*\)")
# what ends a run of drugs one label may cover: a clause break or a comparison
_RUN_BREAK = re.compile(r"[;:]|\.\s|\b(?:versus|vs\.?|compared|or\s+to|and\s+to|to)\b|,\s*(?:or|and)\b", re.IGNORECASE)
# "(C+V)", ", hereafter D+T,": a short form of initials joined by "+" or "/"
_INITIALS_AFTER = re.compile(
    r"(?:\(\s*(?:hereafter,?\s+)?|,\s*hereafter,?\s+)(?P<short>[A-Z](?:\s*[+/]\s*[A-Z]){1,3})(?=\s*[),;]|\s+(?:or|and)\b)"
)
_INITIALS_REACH = 200
_LETTERED_BEFORE = re.compile(r"\s*(?:alone|only)?", re.IGNORECASE)  # "A and B alone (Rd)"
# "(Rd)", "(Rd; n = 283)"; "A, B and C, DVd (n = 251)"
_LETTERED_SHORT = re.compile(
    r"\s*(?:\(\s*(?P<short>[A-Z](?:[A-Za-z]{1,3}|[A-Za-z]{0,2}-[A-Z][a-z]{0,2}))\s*[);,]"
    # (mixed case, two capitals at least: a regimen's letters, not a word)
    r"|,\s+(?P<apposed>(?=[A-Za-z]{2,4}\b)(?=[A-Za-z]*[a-z])(?=[A-Z][A-Za-z]*[A-Z])[A-Za-z]{2,4})(?=\s*[(;,]))"
)
_LETTERED_GAP = re.compile(r"\s*(?:,|\band\b|\bplus\b|\bwith\b|\+|[-/\u2013])\s*(?:and\s+)?", re.IGNORECASE)
# what stands between the drugs of a run: a joiner, doses and schedules (brackets are taken out)
_INITIALS_GAP = re.compile(
    r"(?:\s|[\d.,/\u00b2\u00b5]|\b(?:mg|g|mcg|kg|m[2\u00b2]?|d|IU|plus|with|and|daily|weekly|once|twice|every|days?|weeks?|"
    r"orally|intravenously|IV|PO|given|as|induction|followed|by|maintenance|cycles?)\b|\+|\u00d7)*",
    re.IGNORECASE,
)
_DRUG_JOINER = re.compile(r"\s*[-\u2010-\u2013/]\s*")
_STATISTIC_AFTER = re.compile(r"\s*(?:[=<>\u2264\u2265]|values?\b|\d)", re.IGNORECASE)
_AGENT_BEFORE_LETTER = re.compile(
    r"(?:[+/]\s*|\b(?:with|plus|and|or|to|on|of|versus|vs\.?|than|receiving|received)\s+)$", re.IGNORECASE
)
_AGENT_AFTER_LETTER = re.compile(r"\s*(?:[+/]|\b(?:plus|alone|monotherapy|arm|group|versus|vs\b))", re.IGNORECASE)
# "eligible for cisplatin", "unfit for intensive chemotherapy": the patients, not the arm
# "eligible for cisplatin", "non-platinum chemotherapy": the drug named is not given
# "eligible for A", "non-A", "with optional A maintenance": not a drug an arm is given
_QUALIFIER_BEFORE = re.compile(
    r"\b(?:eligible|ineligible|unfit|unsuitable|fit|candidates?)\s+for\s+(?:intensive\s+)?$|\bnon[-\u2010\u2011]$"
    r"|\boptional\s+$"
    # "Placebo matched to drug A", "placebo matching A": the drug is not given
    r"|\bplacebo\s+(?:matched\s+to|matching|for)\s+$"
    # "placebo in place of A", "placebo instead of A"
    r"|\b(?:in\s+place|instead)\s+of\s+$",
    re.I,
)
# The one single-drug arm of a trial that also tests a combination: "19% with monotherapy"
_MONOTHERAPY = re.compile(
    r"\b(?:the\s+)?(?:monotherapy|single[- ]agent(?:\s+(?:therapy|treatment))?)(?:\s+(?:arm|group|cohort))?\b",
    re.IGNORECASE,
)
# An arm named by its label: "arm B", "group 2", "cohort A"
ARM_LABEL = re.compile(r"\b(?:arm|group|cohort)\s+[A-Z0-9]{1,2}\b", re.IGNORECASE)
# A regimen's name in apposition to its drugs: ", the ABC regimen"; "the ABC regimen (A plus B)"
_REGIMEN_NAME = r"(?P<name>[A-Z][A-Z0-9]{2,}(?:-[A-Z0-9]+)?)"
_REGIMEN_NAMED_AFTER = re.compile(rf"[,(\u2013\u2014]\s*(?:the|a)\s+{_REGIMEN_NAME}\s+(?:regimen|schedule)\b")
_REGIMEN_NAMED_BEFORE = re.compile(
    rf"\b(?:the|a)\s+{_REGIMEN_NAME}\s+(?:regimen|schedule)\s*(?:\(|\bof\b|,\s*(?:consisting\s+of|comprising)\b)"
)
_REGIMEN_CLAUSE_START = re.compile(r"[:;]|\.\s")
_REGIMEN_CLAUSE_END = re.compile(r"[);]|\.\s|,\s+(?!plus\b|and\b)")
_SET_JOIN = re.compile(r"\s*(?:,|and|plus|\+|with|/|-|\u2013|(?:added|adding)\s+to|to)\s*", re.IGNORECASE)


def _overlaps(mentions: list[Mention], start: int, end: int) -> bool:
    return any(m.start < end and start < m.end for m in mentions)


def _clipped_names(text: str, mentions: list[Mention]) -> dict[str, str]:
    """Drug names clipped to capitals in arm labels the text never defines: "VEN+AZA",
    "NIVO/IPI". A part counts when it begins exactly one drug the paper names."""
    named = {m.key for m in mentions if m.kind == "drug"}
    clipped: dict[str, str] = {}
    for label in _CLIPPED_LABEL.finditer(text):
        for part in re.split(r"\s*[+/]\s*", label.group()):
            starting = [drug for drug in named if drug.casefold().startswith(part.casefold())]
            if len(starting) == 1 and len(part) >= 3:
                clipped[part] = starting[0]
    return clipped


def _drug_short_forms(text: str, mentions: list[Mention]) -> Iterator[tuple[str, int, int, int, int]]:
    """(short form, its span, its long form's span) for each abbreviation the text defines,
    plus the single letters Schwartz-Hearst leaves out: "pembrolizumab (P)"."""
    from ingest.abbreviations import coined_short_form, find_abbreviations

    defined: set[int] = set()
    for abbreviation in find_abbreviations(text):
        defined.add(abbreviation.short_start)
        yield (
            abbreviation.short,
            abbreviation.short_start,
            abbreviation.short_end,
            abbreviation.long_start,
            abbreviation.long_end,
        )
    for first, last in _joined_drugs(text, mentions):
        coined = coined_short_form(text, last.end)
        if coined and coined.start("short") not in defined:
            yield coined["short"], coined.start("short"), coined.end("short"), first.start, last.end
    for short, start, end, first, last in _initialled_regimens(text, mentions):
        if start not in defined:
            yield short, start, end, first.start, last.end
    for short, start, end, first, last in _lettered_regimens(text, mentions):
        if start not in defined:
            yield short, start, end, first.start, last.end
    for mention in mentions:
        if mention.kind != "drug":
            continue
        letter = _SINGLE_LETTER_DEFINITION.match(text, mention.end)
        if letter and letter.group("letter").casefold() == mention.text[:1].casefold():
            yield letter.group("letter"), letter.start("letter"), letter.end("letter"), mention.start, mention.end


def _initialled_regimens(text: str, mentions: list[Mention]) -> Iterator[tuple[str, int, int, Mention, Mention]]:
    """Short forms made of the drugs' initials, after drugs given with their doses, which
    Schwartz-Hearst cannot reach: "A 175 mg/m2 plus B 1.5 mg/m2 (A+B)", "A (dose) plus B (dose),
    hereafter A+B". (short form, its span, first and last drug)."""
    drugs = [m for m in mentions if m.kind == "drug"]
    for match in _INITIALS_AFTER.finditer(text):
        letters = [c for c in match["short"] if c.isalpha()]
        before = [d for d in drugs if d.end <= match.start() and match.start() - d.end <= _INITIALS_REACH]
        run = before[-len(letters) :]
        if len(run) != len(letters) or any(
            drug.text[:1].casefold() != letter.casefold() for drug, letter in zip(run, letters, strict=True)
        ):
            continue
        gaps = [text[a.end : b.start] for a, b in itertools.pairwise(run)] + [text[run[-1].end : match.start()]]
        if all(_INITIALS_GAP.fullmatch(re.sub(BRACKETED, " ", gap)) for gap in gaps):
            yield match["short"], match.start("short"), match.end("short"), run[0], run[-1]


def _lettered_regimens(text: str, mentions: list[Mention]) -> Iterator[tuple[str, int, int, Mention, Mention]]:
    """Short forms of one letter per drug, right after the drugs they name, whose letters need not
    be the drugs' initials (brand names often give them): "bortezomib and dexamethasone (Vd)",
    "lenalidomide plus dexamethasone (Rd)"; in mixed case a drug may take a capital and the
    letters that start its name ("venetoclax plus the anti-CD20 antibody rituximab (RVe)"). (short
    form, its span, first and last drug)"""
    drugs = [m for m in mentions if m.kind == "drug"]
    for match in _LETTERED_SHORT.finditer(text):
        group = "short" if match["short"] else "apposed"
        short = match[group]
        before = [d for d in drugs if d.end <= match.start()]
        letters = sum(1 for c in short if c.isalpha())
        for run in (before[-letters:] if "-" not in short else [], _run_by_capitals(short, letters, before)):
            if len(run) < 2 or not _LETTERED_BEFORE.fullmatch(text, run[-1].end, match.start()):
                continue
            gaps = [_without_classes(text, a.end, b.start, mentions) for a, b in itertools.pairwise(run)]
            if all(_LETTERED_GAP.fullmatch(gap) for gap in gaps):
                yield short, match.start(group), match.end(group), run[0], run[-1]
                break


def _run_by_capitals(short: str, letters: int, before: list[Mention]) -> list[Mention]:
    """The drugs before a mixed-case short form, one per capital, when each capital's lower-case
    letters spell, in order, the name of one of them from its start ("Ve" for venetoclax in "RVe",
    "Clb" for chlorambucil in "G-Clb"); [] otherwise."""
    units = re.findall(r"[A-Z][a-z]*", short)
    run = before[-len(units) :]
    if len(units) == letters or len(run) != len(units):
        return []
    names = [drug.text.casefold() for drug in run]
    spelled = all(any(_spells(unit.casefold(), name) for name in names) for unit in units if len(unit) > 1)
    return run if spelled else []


def _spells(letters: str, name: str) -> bool:
    """Whether the letters are the name's first letter and then some of its letters, in order."""
    if not name.startswith(letters[0]):
        return False
    rest = iter(name[1:])
    return all(letter in rest for letter in letters[1:])


def _without_classes(text: str, start: int, end: int, mentions: list[Mention]) -> str:
    """The text between two drugs without the class phrases that describe the second ("and the
    BTK inhibitor ibrutinib")."""
    gap = text[start:end]
    inside = [m for m in mentions if m.kind == "class" and start <= m.start and m.end <= end]
    for mention in sorted(inside, key=lambda m: -m.start):
        gap = gap[: mention.start - start] + gap[mention.end - start :]
    return re.sub(r"\b(?:the|an?)\s+(?=\s*$)", "", gap, flags=re.IGNORECASE)


def _prefixed_regimens(text: str, meanings: dict[str, tuple[str, ...]], named: set[str]) -> dict[str, tuple[str, ...]]:
    """Regimens written as a drug's first letters joined to a regimen's short form: "D-Rd" is
    daratumumab with Rd, "Isa-Pd" isatuximab with Pd, when one drug the paper names, and not in
    the regimen, starts with those letters."""
    regimens = {short: drugs for short, drugs in meanings.items() if len(drugs) >= 2}
    if not regimens:
        return {}
    found: dict[str, tuple[str, ...]] = {}
    pattern = re.compile(
        r"(?<![\w-])(?P<prefix>[A-Z][a-z]{0,3})[-\u2010\u2011\u2013](?P<short>"
        + "|".join(re.escape(short) for short in sorted(regimens, key=len, reverse=True))
        + r")(?![\w-])"
    )
    for match in pattern.finditer(text):
        base = regimens[match["short"]]
        starting = [d for d in named if d.casefold().startswith(match["prefix"].casefold()) and d not in base]
        if len(starting) == 1:
            found[match.group()] = sorted_drugs([*base, starting[0]])
    return found


# "(T+D+CT; n = 338)": a short form coined in brackets from parts joined by plus signs
_PLUS_JOINED_SHORT = re.compile(r"\(\s*(?P<short>[A-Z][A-Za-z]{0,4}(?:\s*\+\s*[A-Z][A-Za-z]{0,4}){1,3})\s*[;,)]")
_PLUS_JOINED_REACH = 400


def _plus_joined_regimens(
    text: str, meanings: dict[str, tuple[str, ...]], classes: dict[str, str], mentions: list[Mention]
) -> Iterator[tuple[str, int, int, tuple[str, ...]]]:
    """Short forms coined from parts joined by "+" after a long description of the regimen, each
    part a short form defined before ("CT") or the first letters of one drug named just before
    it ("T" for tremelimumab): (short form, its span, the regimen)."""
    for match in _PLUS_JOINED_SHORT.finditer(text):
        before = {
            m.key: m.text
            for m in mentions
            if m.kind == "drug" and m.end <= match.start() and match.start() - m.end <= _PLUS_JOINED_REACH
        }
        members: list[str] = []
        for part in re.split(r"\s*\+\s*", match["short"]):
            if part in meanings:
                members.extend(meanings[part])
            elif part in classes:
                members.append(classes[part])
            else:
                starting = {key for key, name in before.items() if name.casefold().startswith(part.casefold())}
                if len(starting) != 1:
                    break
                members.extend(starting)
        else:
            yield match["short"], match.start("short"), match.end("short"), sorted_drugs(members)


def _joined_drugs(text: str, mentions: list[Mention]) -> Iterator[tuple[Mention, Mention]]:
    """(first, last) of each run of two drugs or more written as one name: "A–B", "A/B"."""
    drugs = [m for m in mentions if m.kind == "drug"]
    first = 0
    for index, mention in enumerate(drugs):
        following = drugs[index + 1] if index + 1 < len(drugs) else None
        if following is not None and _DRUG_JOINER.fullmatch(text, mention.end, following.start):
            continue
        if index > first:
            yield drugs[first], mention
        first = index + 1


def _named_regimens(text: str) -> Iterator[tuple[str, int, int, int, int]]:
    """(name, its span, the span of the drugs it names) for a regimen a text names in apposition:
    "A 300 mg once with B every four weeks, the ABC regimen" (the drugs of the clause before)
    and "the ABC regimen (A plus B)" or "the ABC regimen of A plus B" (the drugs after)."""
    for match in _REGIMEN_NAMED_AFTER.finditer(text):
        boundaries = list(_REGIMEN_CLAUSE_START.finditer(text, max(0, match.start() - 250), match.start()))
        clause_start = boundaries[-1].end() if boundaries else max(0, match.start() - 250)
        yield match.group("name"), match.start("name"), match.end("name"), clause_start, match.start()
    for match in _REGIMEN_NAMED_BEFORE.finditer(text):
        closing = _REGIMEN_CLAUSE_END.search(text, match.end())
        yield (
            match.group("name"),
            match.start("name"),
            match.end("name"),
            match.end(),
            (closing.start() if closing else len(text)),
        )


def _numbered_series(text: str, lexicon: Lexicon) -> Iterator[tuple[int, int, str, str]]:
    """The genes of a numbered family written as a range or an elliptic list: "VEGFR1-3",
    "FGFR1-4", "VEGFR-1, -2 and -3", "FGFR1/2/3" (each member a gene the lexicon knows)."""
    for match in _NUMBERED_SERIES.finditer(text):
        prefix, first = match["prefix"], int(match["first"])
        if match["last"]:
            numbers = list(range(first, int(match["last"]) + 1))
        else:
            numbers = [first, *(int(n) for n in re.findall(r"\d", match["rest"]))]
        if not 2 <= len(numbers) <= 6:
            continue
        symbols = [lexicon.gene_for(f"{prefix}{n}") or lexicon.gene_for(f"{prefix}-{n}") for n in numbers]
        if all(symbols):  # else not a family of genes the lexicon knows ("Stage 1-3")
            yield from ((match.start(), match.end(), match.group(), symbol) for symbol in symbols if symbol)


def _short_form_uses(text: str, shorts: list[str]) -> Iterator[tuple[str, int, int]]:
    """(short form, start, end) of each use of the short forms; a short form joined by a hyphen
    to a word is part of another name ("EV-301"), unless every part is a short form ("BEV-CT")."""
    if not shorts:
        return  # an empty alternation would match the empty string everywhere
    alternatives = "|".join(sorted((re.escape(short) for short in shorts), key=len, reverse=True))
    hyphen = "\\-\u2010\u2011"
    compound = re.compile(rf"(?<![\w{hyphen}.])(?:{alternatives})(?:[{hyphen}](?:{alternatives}))*(?![\w{hyphen}])")
    part = re.compile(alternatives)
    for match in compound.finditer(text):
        position = match.start()
        while position < match.end():
            used = part.match(text, position)
            if used is None:
                break
            yield used.group(), used.start(), used.end()
            position = used.end() + 1


def _single_letter_drug_use(text: str, start: int, end: int) -> bool:
    """Whether a one-letter short form is used as a drug here: joined to another agent
    ("EV+P", "P plus chemo") or after a word that introduces a treatment ("with P"), and not
    a statistic ("P = .01", "P<0.001")."""
    after = text[end : end + 12]
    if _STATISTIC_AFTER.match(after):
        return False
    before = text[max(0, start - 16) : start]
    return bool(_AGENT_BEFORE_LETTER.search(before) or _AGENT_AFTER_LETTER.match(after))


def _names_a_therapy(class_name: str) -> bool:
    # Broad umbrella terms ("targeted therapy", "kinase inhibitor") never stand for an arm.
    return class_name not in {"targeted therapy", "kinase inhibitor", "monoclonal antibody"}


def _inside_expansion(text: str, mention: Mention) -> bool:
    """Whether a mention sits in the bracketed expansion of a trial acronym:
    "NEMO (NRAS melanoma and MEK inhibitor)"."""
    opening = text.rfind("(", 0, mention.start)
    if opening < 0 or ")" in text[opening : mention.start]:
        return False
    before = text[max(0, opening - 30) : opening]
    return re.search(r"\b(?:trial|study)\s*$", before, re.IGNORECASE) is not None


def _without_overlaps(agents: list[Agent]) -> list[Agent]:
    kept: list[Agent] = []
    for agent in agents:
        if kept and agent.start < kept[-1].end:
            if agent.end - agent.start > kept[-1].end - kept[-1].start:
                kept[-1] = agent
            continue
        kept.append(agent)
    return kept


class AgentContext:
    """What anaphors can point to at a point in the text: the current trial's arms, the last
    drug sets named, and the drugs of the paper."""

    def __init__(self, reading: Reading) -> None:
        self.reading = reading
        self.arms: list[tuple[str, ...]] = []  # the current trial's arms, in order
        self.control: tuple[str, ...] | None = None  # its control arm, while results are read
        self.labels: dict[str, tuple[str, ...]] = {}  # its arms by label ("arm b"), case-folded
        self.recent_sets: list[tuple[str, ...]] = []  # multi-drug sets, most recent last
        self.named_sets: list[tuple[int, tuple[str, ...]]] = []  # (sentence index, set), in text order

    def remember_set(self, drugs: tuple[str, ...], sentence: int | None = None) -> None:
        if len(drugs) >= 2:
            if drugs in self.recent_sets:
                self.recent_sets.remove(drugs)
            self.recent_sets.append(drugs)
            if sentence is not None:
                self.named_sets.append((sentence, drugs))

    def set_named_with(self, drug: str, sentence: int) -> tuple[str, ...] | None:
        """The last drug set holding a drug that the text named up to a sentence."""
        return next((s for index, s in reversed(self.named_sets) if index <= sentence and drug in s), None)

    def _sets_in_reach(self) -> list[tuple[str, ...]]:
        """The drug sets an anaphor may mean: the current trial's, then the last named first."""
        return [arm for arm in self.arms if len(arm) >= 2] + self.recent_sets[::-1]

    def resolve_set(self, size: int | None) -> tuple[str, ...] | None:
        for drugs in self._sets_in_reach():
            if size is None or len(drugs) == size:
                return drugs
        return None

    def resolve_backbone(self) -> tuple[str, ...] | None:
        """What "the same backbone" means: the last set named that another set adds to (B+C in
        "A added to B and C"), else the last set named."""
        sets = self._sets_in_reach()
        added_to = [s for s in sets if any(set(s) < set(other) for other in sets)]
        found = added_to or sets
        return found[0] if found else None

    def arm_adding_to(self, class_name: str) -> tuple[str, ...] | None:
        """The one arm that gives drugs of a class together with a drug outside it."""
        adding = [
            arm
            for arm in self.arms
            if any(class_name in self.reading.drug_classes(d) for d in arm)
            and not all(class_name in self.reading.drug_classes(d) for d in arm)
        ]
        return adding[0] if len(adding) == 1 else None

    def resolve_class(self, class_name: str, definite: bool) -> tuple[str, ...] | None:
        """A class phrase that stands for a drug of the current trial ("the chemotherapy arm",
        "the MEK inhibitor") resolves to that arm's drugs; an indefinite one stays a class. A
        class that is itself an arm ("standard EGFR TKIs" as the comparator) is that arm."""
        if (class_name,) in self.arms:
            return (class_name,)
        whole = [arm for arm in self.arms if all(class_name in self.reading.drug_classes(d) for d in arm)]
        if definite and len(whole) == 1:
            return whole[0]  # "the chemotherapy group" of a carboplatin-pemetrexed arm
        choice_arms = [arm for arm in self.arms if is_choice_arm(arm)]
        if class_name in _KINDS_OF_TREATMENT and len(choice_arms) == 1:
            # "the chemotherapy group", "with standard endocrine therapy" in a trial against
            # physician's choice: the trial's own drugs are named by name
            return choice_arms[0]
        for arm in self.arms:
            if len(arm) == 1 and class_name in self.reading.drug_classes(arm[0]):
                return arm
        if definite:
            # "to A or placebo with the same chemotherapy backbone", "or B plus the same
            # chemotherapy" after "A plus C and D": the drugs of the class in the set named last
            named = next(
                (
                    members
                    for s in reversed(self.recent_sets)
                    if (members := tuple(d for d in s if class_name in self.reading.drug_classes(d)))
                ),
                None,
            )
            if named is not None:
                return named
            for drug, _count in self.reading.drug_counts.most_common():
                if class_name in self.reading.drug_classes(drug):
                    return (drug,)
        return None
