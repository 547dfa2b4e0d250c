"""Subgroup labels: the short lower-case phrase an outcome's subgroup is recorded under.

The words that introduce a subgroup in a sentence ("among patients whose disease had earlier
been exposed to checkpoint inhibitors, the median PFS ...") are a clause fragment; the label is
its head phrase:

- prior therapy becomes "prior <therapy>" however it is said ("previously treated with
  immunotherapy", "after immunotherapy", "who had already received immunotherapy", "exposed to
  immunotherapy" all give "prior immunotherapy"); without a named therapy it is "previously
  treated"; a negated one is "no prior <therapy>", or "treatment-naive";
- otherwise the words naming the patients and the relative words after them are dropped
  ("patients with BRAF-mutant tumours" -> "braf-mutant tumours", "those whose tumours carried
  NRAS Q61R" -> "nras q61r", "the recommended dose cohort" -> "recommended dose cohort");
- the phrase stops where the main clause resumes ("... derived the greatest benefit") and is
  kept to a few words.
"""

from __future__ import annotations

import re

MAX_WORDS = 6

_MAIN_CLAUSE = re.compile(
    # not "tumours had a PIK3CA alteration", which is the subgroup
    r"(?:(?<!tumours)(?<!tumour)(?<!tumors)(?<!tumor)(?<!disease)(?<!cancers)(?<!cancer)\s(?:derived|showed|achieved|experienced|obtained|reached|responded|gained|benefit+ed|lived|"
    r"survived|remained|had\s+(?:an?|the|longer|shorter|similar|better|worse)\b|"
    r"(?:was|were)\s+(?!treated|exposed|given|previously|pretreated|pre-treated|resistant|refractory))"
    # "Only in patients who had not received A for metastatic disease did a gap appear": inverted
    r"|\sdid\s+(?:an?|the|any)\b)"
    r".*$",
    re.IGNORECASE,
)
_NEGATED_PRIOR = re.compile(
    r"\b(?:naive|untreated|not\s+(?:\w+\s+){0,2}?(?:received|been\s+treated|been\s+exposed)|without\s+"
    r"(?:any\s+)?(?:prior|previous)|no\s+(?:prior|previous))\b",
    re.IGNORECASE,
)
_PRIOR_CUE = re.compile(
    r"\b(?:prior|previous(?:ly)?|already|earlier|after|following|pre-?treated|exposed|progress\w*|"
    r"refractory|resistant|failure|failed|relapsed|received|experienced)\b|-(?:pre-?treated|exposed)\b",
    re.IGNORECASE,
)
# The words after which the therapy is named: "received X", "treated with X", "exposed to X".
_THERAPY_AFTER = re.compile(
    r".*\b(?:received|receiving|been\s+given|treated\s+with|treatment\s+with|exposed\s+to|exposure\s+to|after|following|"
    r"on|to|with|of|prior|previous)\s+(?P<therapy>.+)$",
    re.IGNORECASE,
)
# "immunotherapy-pretreated", "ipilimumab-refractory"
_COMPOUND_PRIOR = re.compile(
    r"\b(?P<therapy>[\w/]+(?:-[\w/]+)*?)-(?:pre-?treated|treated|exposed|experienced|refractory|resistant)\b",
    re.IGNORECASE,
)
_THERAPY_LEAD = re.compile(r"^(?:(?:an?|the|any|prior|previous|earlier|one|two|more|or|least|at)\s+)+", re.I)
_PEOPLE = (
    r"(?:patients|participants|subjects|people|individuals|women|men|those|cases|persons|adults|children|"
    r"responders|pts)"
)
_LEAD = re.compile(
    rf"^(?:including\s+)?(?:(?:the|all|these|a|an)\s+)?(?:\d+\s+(?!(?:mg|mcg|\u00b5g|g)\b))?(?:(?:evaluable|treated|enrolled|randomi[sz]ed)\s+)?"
    rf"(?:{_PEOPLE}\s+)?(?:(?:who|whose|with|in\s+whom|that|which|having)\s+)?"
    # "those treated as first-line therapy": the setting is the label
    r"(?:(?:treated|given|receiving)\s+(?:in|as|at)\s+(?:the\s+|an?\s+)?)?",
    re.IGNORECASE,
)
# "tumours carrying NRAS Q61R", "disease harbouring a KRAS mutation": the genotype is the label.
_CARRIER = re.compile(
    r"^(?:(?:their|the)\s+)?(?:tumou?rs?|disease|cancers?)\s+(?:(?:had|has|have)\s+)?"
    r"(?:harbou?r(?:ing|ed|s)?|carr(?:ying|ied|ies)|bearing|bore|with|contain(?:ing|ed)|had|has|have)"
    r"\s+(?:an?\s+|the\s+)?",
    re.IGNORECASE,
)
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def subgroup_label(phrase: str) -> str:
    """The short lower-case label of a subgroup phrase; see the module docstring."""
    text = " ".join(phrase.split()).strip(" ,;:.()").casefold()
    text = re.sub(r"\s*[(\[][^)\]]*$", "", text)  # a bracket the phrase does not close
    text = _MAIN_CLAUSE.sub("", text).strip(" ,;:")
    prior = _prior_label(text)
    if prior is not None:
        return prior
    text = _LEAD.sub("", text, count=1)
    text = re.sub(r"^without\s+(?:an?\s+|any\s+)?", "no ", text)  # "patients without X": "no x"
    text = _CARRIER.sub("", text, count=1)
    text = _ARTICLE.sub("", text, count=1)
    if re.fullmatch(r"(?:who|whose|which|that|were|was|not|did|do|does|\s)*", text):
        # "those who were not": no head phrase to keep; the words say at least that it is one
        text = " ".join(phrase.split()).strip(" ,;:.()").casefold()
    return _clip(text) or _clip(phrase.casefold())


def _prior_label(text: str) -> str | None:
    if _NEGATED_PRIOR.search(text):
        therapy = _therapy(text)
        return f"no prior {therapy}" if therapy else "treatment-naive"
    if not _PRIOR_CUE.search(text):
        return None
    therapy = _therapy(text)
    if therapy:
        return f"prior {therapy}"
    if re.search(r"\b(?:previously|pre-?treated|treated)\b", text):
        return "previously treated"
    return None


def _therapy(text: str) -> str | None:
    compound = _COMPOUND_PRIOR.search(text)
    if compound:
        return compound.group("therapy")
    found = _THERAPY_AFTER.match(text)
    if found is None:
        return None
    therapy = _THERAPY_LEAD.sub("", found.group("therapy")).strip(" ,;:")
    therapy = re.sub(rf"\s+{_PEOPLE}$", "", therapy)
    if not therapy or re.fullmatch(rf"{_PEOPLE}|treatment|therapy|therapies|disease", therapy):
        return None
    return _clip(therapy)


def _clip(text: str) -> str:
    return " ".join(text.split()[:MAX_WORDS])
