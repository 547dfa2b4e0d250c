"""Prior therapy: the drugs a sentence names as treatment its patients had before the trial
("patients progressing after immunotherapy", "previously treated with A, B and C"), which name
no arm and no drug a later "the drug" can point back to."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ingest.mentions import Sentence

# A prior-therapy phrase ("who had previously received chemotherapy and anti-PD-1 or") reaches
# over a coordinated list up to the verb of the main clause ("were given adagrasib").
_PRIOR_CUE = (
    # "at least three previous lines of therapy, including an immunomodulatory drug, ..." (first,
    # so that it wins over a bare "previous" at the same place)
    r"\b(?:(?:prior|previous|previously\s+(?:received|treated\s+with)|earlier|established|standard|available)\s+"
    r"(?:[\w-]+\s+){0,4}?"
    r"(?:therap(?:y|ies)|treatments?|lines?(?:\s+of\s+(?:therapy|treatment))?|regimens?|agents?)\s*,?\s*"
    r"(?:including|such\s+as|(?:one|all|each|at\s+least\s+one)\s+of\s+which\s+(?:contained|included|was|were)|"
    # "previous regimens, which had to include A and B"
    r"(?:which|that)\s+(?:had\s+to\s+|must\s+(?:have\s+)?)?(?:include[ds]?|contain(?:ed|s)?))|(?<!\bwith\sand\s)(?<!\bduring\sand\s)(?:after|following)|progress\w*\s+(?:on|after|during|with|while\s+(?:receiving|taking|on))(?:\s+or\s+after)?|prior|"
    r"previous(?:ly)?(?:\s+(?:received|been\s+treated\s+with|treated\s+with|given))?|"
    r"pre-?treated\s+with|refractory\s+to|resistant\s+to|failure\s+of|progression\s+on|"
    # maintenance after a response: "whose disease had responded to first-line treatment with A"
    r"respond(?:ed|ing)\s+to|sensitive\s+to|"
    r"already(?:\s+received)?|earlier|naive\s+to|exposed\s+to|received\s+(?:prior|previous)|"
    r"had\s+(?:already\s+)?received|(?:had\s+)?completed|completing)\b"
)
_MAIN_VERB = (
    r"(?!\b(?:were|was|are|is|be|receive|received|receiving|given|took|then|versus|vs|compared|comparing|to|"
    r"randomi[sz]ed|assigned|allocated|enrolled|tested|evaluated|showed|reported|trial|study|studies|"
    # "patients who had already received A derived the greatest benefit from B"
    r"derived|benefit(?:ed|ted)?|achieved|experienced|obtained)\b)"
)
_PRIOR_THERAPY = re.compile(rf"{_PRIOR_CUE}(?:{_MAIN_VERB}[^.;,]){{0,100}}$", re.IGNORECASE)
# The same phrase over a comma list of drugs ("previously treated with trastuzumab, pertuzumab
# and T-DM1")
_PRIOR_THERAPY_LIST = re.compile(rf"{_PRIOR_CUE}(?:{_MAIN_VERB}[^.;]){{0,100}}$", re.IGNORECASE)
_PRIOR_CUE_ALONE = re.compile(_PRIOR_CUE, re.IGNORECASE)
# What follows an item inside a list of prior therapies: another item
_LIST_GOES_ON = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:,|\b(?:and|or|plus)\b)", re.IGNORECASE)
_PRIOR_REACH = 150
# "after at least one systemic therapy, most often A and B": the comma before the therapies named
_NAMES_INSTANCES = re.compile(
    r"\s*(?:most\s+often|mostly|usually|typically|commonly|mainly|chiefly|predominantly|including|such\s+as|"
    r"e\.g\.|notably)\b",
    re.IGNORECASE,
)


def in_prior_therapy(text: str, sentence: Sentence, start: int, end: int) -> bool:
    """Whether a mention of a sentence lies in a prior-therapy phrase ("patients progressing
    after immunotherapy", "who had previously received chemotherapy and anti-PD-1 or ...",
    "previously treated with trastuzumab, pertuzumab and trastuzumab emtansine")."""
    before_start = max(sentence.start, start - _PRIOR_REACH)
    before = text[before_start:start]
    if _PRIOR_THERAPY.search(before):
        return True
    listed = _PRIOR_THERAPY_LIST.search(before)
    if listed is None:
        return False
    # every comma after the cue must close a drug of the list ("trastuzumab, pertuzumab and")
    ends = [m.end for m in sentence.mentions if m.kind in {"drug", "class"}]
    # commas inside a cue ("previous lines of therapy, including") are not list commas
    after_cue = max((cue.end() for cue in _PRIOR_CUE_ALONE.finditer(before, listed.start())), default=listed.start())
    commas = [before_start + i for i in range(after_cue, len(before)) if before[i] == ","]
    if commas and not text[commas[-1] + 1 : start].strip() and not _LIST_GOES_ON.match(text, end):
        return False  # "treated with an ICI, nivolumab added to ...": the list ended at the comma
    return all(
        any(e <= comma and not text[e:comma].strip() for e in ends) or _NAMES_INSTANCES.match(text, comma + 1)
        for comma in commas
    )
