"""Drug sets: the candidate arms a stretch of a sentence names.

"A plus B versus C" names two sets, A+B and C; "adding A to B" names A+B and B; a serial list
ending in "and" is one set; a choice arm ("physician's choice of A or B") is one set, with the
regimens it offers as its options; drugs in a prior-therapy phrase ("patients progressing after
A") are no arm at all. Also here: the patients a listing gives each set ("(n = 192)"), and the
clause boundaries the listing is read within.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.mentions import (
    BACKGROUND_CARE,
    BRACKETED,
    CHEMOIMMUNOTHERAPY,
    CHOICE_ARM_CLASSES,
    OPTIONS_AFTER,
    PLACEBO_ARM,
    PLURAL_ARM_NOUN,
    Agent,
    AgentContext,
    Reading,
    Sentence,
    sorted_drugs,
)
from ingest.numbers import count_value
from ingest.prior_therapy import in_prior_therapy

_SPLIT = re.compile(
    r"\b(?:or|versus|vs|compared|comparison|against|over|than|whereas|while|respectively)\b|\bvs\.",
    re.IGNORECASE,
)
# "A added to B and a combination of A with C": "and" opening a new set of its own
# "A compared to B and of A with or without C": a repeated preposition too; "patients given A
# and those given B": patients of another arm
_NEW_SET = re.compile(
    r"\band\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:combination|regimen|doublet|triplet)s?\s+of\b|\band\s+(?:of|to|for)\s*$"
    r"|\band\s+(?:those|patients|participants)\s+(?:who\s+(?:were\s+)?)?"
    r"(?:given|receiving|received|treated|assigned|allocated|randomi[sz]ed|on)\b",
    re.IGNORECASE,
)
_STANDALONE_NUMBER = re.compile(r"(?<![\w/.-])\d+(?:\.\d+)?(?![\w/-])")
# "lenvatinib-pembrolizumab": two drug names joined by a hyphen are a pair
_JOIN = re.compile(
    r"\+|&|\bplus\b|\band\b|\bwith\b|\btogether\b|\bcombin\w*|\bpaired\b|\balongside\b|/|^\s*[-\u2013]\s*$",
    re.IGNORECASE,
)
# Doses and schedules between a drug and its partner: "45 mg orally twice daily", "1000 mg/m2 Q3W".
_DOSE = re.compile(
    r"\d+(?:[.,]\d+)?\s*(?:[-\u2013]\s*\d+(?:[.,]\d+)?\s*)?(?:mg|g|mcg|\u00b5g|ug|IU|units?)\b(?:/(?:m2|m\u00b2|kg|day|d))?"
    r"|\b[Qq]\d+[WwHhDd]\b|\bdays?\s+\d+(?:\s*(?:[-\u2013,]|to|through|and)\s*\d+)*|\b\d+-(?:day|week)\b"
    r"|\bevery\s+\d+\s+(?:weeks?|days?)|\b\d+\s+(?:days?|weeks?)\s+(?:on|off)\b",
)
# "Adding the MEK inhibitor binimetinib to ...": the drug may follow a short description.
# "adding the anti-CTLA-4 (cytotoxic T-lymphocyte antigen 4) antibody A to B": a description between
_ADDING_BEFORE = re.compile(
    # (dashes of any kind: "the anti–programmed death 1 (PD-1) antibody")
    r"\badd(?:ing|ed|ition\s+of)\s+(?:(?:the|a|an)\s+)?"
    # ("the company's PD-1 blocker A": a possessive too)
    r"(?:[\w/\u2010-\u2013-]+(?:\([\w/-]+\))?[\w/\u2010-\u2013-]*(?:['\u2019]s)?\s+|\([^()]{1,20}\)\s+){0,7}$",
    re.IGNORECASE,
)
# What separates a drug from the same drug named again: "dabrafenib (Tafinlar)", "X, the MEK
# inhibitor X"; a bare comma or "or" lists a new set ("A plus B, A plus C").
_ALIAS_GAP = re.compile(
    r"[\u00ae\u2122]?\s*(?:[(\[]\s*(?:(?:also\s+known\s+as|formerly|previously|i\.e\.?,?)\s*)?|,\s*(?:the|a|an)\b[^,;]*|"
    r"\b(?:also\s+known\s+as|i\.e\.?)\s*)?",
    re.IGNORECASE,
)
# "the A group", "the A arm", "A-combination" (the arm that combines A with the backbone)
GROUP_LABEL_AFTER = re.compile(r"\s+(?:group|arm)\b|[-\u2010\u2011]combination\b", re.IGNORECASE)
_PLUS_AFTER = re.compile(r"\s*(?:plus|\+|in\s+combination\s+with|combined\s+with)\s", re.IGNORECASE)
_PLURAL_LABEL_AFTER = re.compile(rf"\s+{PLURAL_ARM_NOUN}", re.IGNORECASE)
# "to replace A with B", "substituting B for A": one drug takes another's place, no combination
_SUBSTITUTED_BEFORE = re.compile(r"\b(?:replac|substitut|swap|switch)\w*\s+(?:from\s+)?(?:the\s+)?$", re.IGNORECASE)
_SUBSTITUTE_GAP = re.compile(r"\s*,?\s*(?:with|by|for|to)\s+(?:the\s+)?", re.IGNORECASE)
ALONE_AFTER = re.compile(r"\s*(?:alone|monotherapy|only|as\s+a\s+single\s+agent)\b", re.IGNORECASE)
# what may describe the last drug of a list: "A, B and the BTK inhibitor C"
_DRUG_DESCRIPTION = (
    r"(?:(?:the|an?)\s+(?:[\w/-]+\s+){0,3}?(?:inhibitor|antibody|agent|conjugate|antagonist|blocker|degrader)\s+)?"
)
# "each on top of B", "alongside B": a partner every set before it is given with
# "on top of B", "alongside B", "on a B backbone"
_GIVEN_ON_TOP = r"on\s+top\s+of|in\s+addition\s+to|alongside|on\s+(?:a|an|the)"
# "A or placebo, each given with B": B joins every set listed before it.
_SHARED_PARTNER = re.compile(
    r",\s*(?:each|both|all|in\s+(?:both|all|each)\s+(?:arms|groups|cases?))\b[^,;()]{0,30}?"
    r"\b(?:with|plus|combined\s+with|in\s+combination\s+with|added\s+to|on\s+a\s+background\s+of|"
    rf"{_GIVEN_ON_TOP})\s+"
    # "both with investigator-chosen chemotherapy", "each with the PD-1 inhibitor B", "each with six
    # 21-day cycles of B"
    rf"(?:(?:[a-z][\w-]*\s+){{0,2}}|{_DRUG_DESCRIPTION}|(?:[\w-]+\s+){{0,2}}cycles?\s+of\s+)$"
    # "A or placebo, again on a B-C backbone": the backbone the drugs after it make
    r"|,\s*(?:(?:again|both|each|all)\s+)?(?:given\s+)?on\s+(?:a|an|the)\s+(?:(?:standard|common|shared)\s+)?$",
    re.IGNORECASE,
)
# classes naming an arm whose options the text may list ("investigator's choice of A or B",
# "chemoimmunotherapy, consisting of A or B"); chemotherapy may be such an arm too
OPTION_CLASSES = CHOICE_ARM_CLASSES | {CHEMOIMMUNOTHERAPY, "standard regimen"}
CHOICE_CLASSES = OPTION_CLASSES | {"chemotherapy", "salvage chemotherapy"}
# "investigator's choice of (single-agent) chemotherapy": a choice named by the kind it is of
_CHOICE_OF_KIND = re.compile(r"\s*(?:\([^()]*\)\s*)?of\s+(?:[\w-]+\s+){0,2}", re.IGNORECASE)
CHOICE_OF = re.compile(
    # ("standard regimens selected by the investigator (n = 127): A; B; or C")
    r"\s*(?:,?\s*(?:chosen|selected|determined|decided)\s+by\s+(?:the\s+|each\s+)?[\w'\u2019-]+(?:\s+[\w'\u2019-]+){0,2}?)?"
    # ("standard endocrine therapy chosen by the investigator, either A or B")
    rf"\s*(?:{BRACKETED}\s*)?(?:(?:of|with)\s+(?:[\w-]+\s+){{0,2}}|\)?\s*:\s*|,\s*(?:either|namely)\s+)",
    re.IGNORECASE,
)
# "chemotherapy of the investigator's choice": the class is the arm, the choice says who picks
_OF_WHOSE_CHOICE = re.compile(r"\s+(?:of|at)\s+(?:the\s+)?(?:treating\s+)?", re.IGNORECASE)
# "investigator's choice, A or B": options set off by a comma
_CHOICE_APPOSITION = re.compile(r"\s*,\s*")
# a bracket after a choice arm, with its patients by option: "(55 irinotecan, 7 paclitaxel)"
_CHOICE_BRACKET = re.compile(r"\s*\(\s*(?P<count>\d+\s+[^,;()]*?[,;]\s*(?:and\s+)?\d+\s+[A-Za-z])?")
# what separates the options a choice arm lists: "A (schedule), B and C (ABC); or D"
_OPTION_LIST_GOES_ON = re.compile(
    rf"\s*\)?\s*(?:{BRACKETED}\s*)?(?:[,;]\s*)?(?:or|and|plus|with|\+)?\s*\(?\s*", re.IGNORECASE
)
_JOINED_WITH = re.compile(
    r"\bplus\b|\+|\b(?:in\s+combination|combined|given|administered|together)\s+with\b", re.IGNORECASE
)
_OR_ALONE = re.compile(r"\s+or\s+", re.IGNORECASE)
_OR_WITH = re.compile(r"\s*,?\s*or\s+(?:with|plus)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?", re.IGNORECASE)
# what a described choice offers: "A or B", "A in 57% of patients, otherwise B"
_OPTIONS_OFFERED = re.compile(
    r"\s+(?:or|otherwise)\s+|\bin\s+(?:\d[\d.]*\s*%|most|some|others|the\s+(?:rest|others))\b", re.IGNORECASE
)
_VERSUS_NEXT = re.compile(r"\s+(?:versus|vs\.?)\s+", re.IGNORECASE)
# "A-B or C-B, each with or without D": every set before, with D and without it
_EACH_WITH_OR_WITHOUT = re.compile(
    r",\s*(?:each|both|all)\s+(?:given\s+)?with\s+or\s+without\s+(?:[a-z][\w-]*\s+){0,2}$", re.IGNORECASE
)
# "A or placebo, given with B", "A (268) or placebo (271) together with B": B is in both arms
_PARTNER_AFTER_PLACEBO = re.compile(
    r"(?:,\s*(?:(?:given|administered)\s+)?(?:with|plus)|,?\s*(?:(?:given|administered)\s+)?"
    rf"(?:in\s+combination\s+with|combined\s+with|together\s+with|along\s+with|{_GIVEN_ON_TOP})"
    # "A 10 mg or placebo every 4 weeks with two cycles of B"
    r"|^\s*(?:every\s+\d+\s+weeks?\s+|(?:once\s+|twice\s+)?(?:daily|weekly)\s+)?with)"
    r"\s+(?:[a-z][\w-]*\s+){0,3}$",
    re.IGNORECASE,
)
# "A and B induction, high-dose B consolidation": the phase of treatment a drug named again is for
_PHASE_WORDS = re.compile(
    r"\b(?:induction|re-?induction|consolidation|intensification|maintenance|conditioning|priming|"
    r"continu(?:ed|ing)|then)\b",
    re.IGNORECASE,
)
_PHASE_AFTER = re.compile(r"\s+(?:maintenance|consolidation)\b", re.IGNORECASE)
# ("whether A adds anything to B": the question an add-on trial asks; not "whether an antibody
# adds to a BTK inhibitor", a question about kinds of drug)
ADDS_OBJECT = r"(?:anything|something|much|little)\s+to"
_ADDED_TO = re.compile(rf"\badded\s+(?:on\s+)?to\b|\badds\s+{ADDS_OBJECT}\b", re.IGNORECASE)
# "A with or without B", "A, alone or with B", "A alone or in combination with B", "A ± B": A+B and A
_WITH_OR_WITHOUT = re.compile(
    r"^\s*,?\s*(?:(?:with\s+or\s+without|alone\s+or\s+(?:with|plus|(?:in\s+combination|combined)\s+with)|"
    r"(?:as\s+)?(?:monotherapy|a\s+single\s+agent)\s+or\s+(?:with|plus|(?:in\s+combination|combined)\s+with))\b"
    r"|\u00b1|\+/[-\u2212])[^,;()]{0,40}$",
    re.IGNORECASE,
)
# "44 to selumetinib", "78 previously treated patients received dabrafenib", "122 to salvage chemotherapy"
_COUNT_BEFORE_ARM = re.compile(
    r"(?<![\w.:])(?P<n>\d[\d,]*)\s+(?:(?:(?:[\w-]+\s+){0,3}?(?:patients|participants)\s+)?(?:\w+\s+)?"
    r"(?:received|(?:were\s+)?given|(?:were\s+)?(?:randomly\s+)?(?:assigned|allocated|randomi[sz]ed)\s+to|"
    r"were\s+treated\s+with)\s+|to\s+)"
    r"(?:(?:the|a|an|oral|either)\s+)*(?:[a-z][\w-]*\s+)?$",
    re.IGNORECASE,
)
# "(245 drug A, 249 placebo)": counts listed in a bracket, each before its arm
_BARE_COUNT_BEFORE_ARM = re.compile(r"[(,;]\s*(?P<n>\d[\d,]*)\s+$")
# "(n = 192)", "(192 patients)", "(EV+P group, n = 442)"
ARM_N = re.compile(
    r"\((?:[^()]{0,120}?[,;]\s*)?n\s*=\s*(?P<n>\d+)\s*\)|\((?:[^()]{0,40}?[,;]\s*)?(?P<n2>\d+)\s+(?:patients|participants)\)",
    re.IGNORECASE,
)
# "(Z+D+CT; n = 300), B plus ...": an arm's count and a bare comma close the arm
_COUNT_CLOSES_ARM = re.compile(rf"(?:{ARM_N.pattern})\s*,\s*$", re.IGNORECASE)
# "(drug A, n = 484; placebo, n = 242)": a count after an arm listed inside a bracket
_LABELLED_N = re.compile(r"\s*[,:]\s*n\s*=\s*(?P<n>\d+)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(
    r";|,\s+(?:and|but|while|whereas|yet|followed\s+by|(?:even\s+)?(?:though|although))\b|"
    r"\s+and\s+followed\s+by\b|(?<!\bvs)(?<!\bv)(?<!\be\.g)(?<!\bi\.e)(?<!\bcf)(?<!\bal)\.\s|"
    # "... (G-Clb): median PFS was not reached with A": a clause of its own after a colon
    r":\s[^:]*\b(?:was|were|is|are|has|had)\b|"
    # "Randomised to A or placebo, patients treated with A lived longer": the main clause's subject
    r",\s+(?:the\s+)?(?:patients|participants)\s+(?:treated|given|receiving|who|on)\b",
    re.IGNORECASE,
)
# "whether chemotherapy is needed at all: combining A with B ...": a colon after a clause of
# its own starts another; one right after an agent ("chemotherapy: A plus B") says what it was
WORDS_BEFORE_COLON = re.compile(r"\w\s+\w+\s*:\s")


@dataclass
class _DrugSet:
    drugs: list[str]
    agent: Agent  # where the set starts
    before_join: list[str] = field(default_factory=list)  # its drugs before the last one joined
    fixed_pair: bool = False  # the last join was a slash or hyphen ("trifluridine/tipiracil")


def agent_groups(
    reading: Reading, sentence: Sentence, start: int, end: int, context: AgentContext, skip_prior: bool = True
) -> list[tuple[tuple[str, ...], Agent]]:
    """Drug sets named between two offsets, split at "or"/"versus", joined at "plus"/"with".

    - "adding A to B" and "A added to B" give two sets, A+B and B; "A with or without B" and
      "A, alone or with B" give A+B and A;
    - a serial list ending in "and" is one set ("encorafenib, binimetinib and cetuximab"), one
      ending in "or" or with "alone" after an item lists sets;
    - a partner shared by the sets before it ("A or placebo, each given with B") or named before
      "either" ("B plus either A or placebo") joins every set, so placebo leaves B alone; so does
      a standard backbone given with A "or placebo" ("carboplatin and etoposide with
      atezolizumab or placebo");
    - a class phrase whose bracket lists drugs of that class ("a standard EGFR TKI (gefitinib
      or erlotinib)") is one set: the choice, not its options;
    - placebo is dropped from a set that has drugs, and alone is the set ("placebo",);
      agents in a prior-therapy phrase are not arms.
    Each set comes with the agent where it starts.
    """
    text = reading.text
    agents = [
        agent
        for agent in reading.agents(sentence, start, end, context)
        if not (skip_prior and in_prior_therapy(text, sentence, agent.start, agent.end))
    ]
    agents = _without_bracketed_components(
        text, _without_bracketed_aliases(text, _without_choice_options(reading, agents))
    )
    groups: list[_DrugSet] = []
    extra: list[_DrugSet] = []
    control: list[str] | None = None  # the arm "adding A to B" compares with: B
    backbone: list[str] = []  # "B plus either A or placebo": B
    shared: list[_DrugSet] = []  # the sets a shared partner ("each given with B") joins
    compare_open = re.search(r"\bcompar\w*\b", text[start : agents[0].start], re.I) if agents else None
    repeated = False  # the agent before was a drug named again for a later phase
    schedule_end = -1  # the end of a bracket that gives the schedules of the set before it
    for index, agent in enumerate(agents):
        if index == 0:
            groups.append(_DrugSet(list(agent.drugs), agent))
            continue
        if agent.start < schedule_end:
            continue
        schedule = _schedule_bracket(text, agents, index, groups[-1].drugs)
        if schedule is not None:
            schedule_end = schedule.end()
            continue
        if repeated and agent.kind == "placebo":
            continue  # "followed by maintenance A or placebo": the placebo of a drug named again
        repeated = False
        gap = text[agents[index - 1].end : agent.start]
        previous_drugs = groups[-1].drugs
        if set(agent.drugs) <= set(previous_drugs) and agent.drugs and _ALIAS_GAP.fullmatch(gap):
            continue  # the same drug again: an alias ("dabrafenib (Tafinlar)") or its description
        if agent.kind == "class" and "(" in gap and GROUP_LABEL_AFTER.match(text, agent.end):
            continue  # "(chemotherapy group, n = 444)": the name of the arm before
        # ", and" closing a comma list ("rituximab, cyclophosphamide, and prednisone") ends no clause
        list_end = (
            index >= 2
            and re.fullmatch(r"\s*,\s*and\s*", gap) is not None
            and re.fullmatch(r"\s*,\s*", text[agents[index - 2].end : agents[index - 1].start])
        )
        # a schedule in brackets ("(1.25 mg/kg on days 1 and 8)") is long, holds numbers and
        # "or", but splits nothing
        unbracketed = re.sub(BRACKETED, " ", gap)
        if (
            agent.drugs
            and not _SPLIT.search(unbracketed)
            and any(set(agent.drugs) <= set(group.drugs) for group in groups)
            and (_PHASE_WORDS.search(_DOSE.sub("", unbracketed)) or _PHASE_AFTER.match(text, agent.end))
            and not ALONE_AFTER.match(text, agent.end)
        ):
            # "A and B induction, high-dose B consolidation", "followed by maintenance A", "then
            # continued A": a later phase of the same regimen
            repeated = True
            continue
        if (
            len(_DOSE.sub(" ", unbracketed).split()) > 14
            or (_CLAUSE_BREAK.search(unbracketed) and not list_end)
            or WORDS_BEFORE_COLON.search(unbracketed)
            or _COUNT_CLOSES_ARM.search(gap)
        ):
            groups.append(_DrugSet(list(agent.drugs), agent))
            control, backbone, shared = None, [], []
            continue
        if _EACH_WITH_OR_WITHOUT.search(gap):
            # "A-B or C-B, each with or without D": a factorial design, every set with D and without it
            for group in groups[_last_clause_start(text, groups) :]:
                extra.append(_DrugSet(list(group.drugs), group.agent))
                group.drugs.extend(agent.drugs)
            continue
        if _SHARED_PARTNER.search(gap) or (groups[-1].agent.kind == "placebo" and _PARTNER_AFTER_PLACEBO.search(gap)):
            # "A or placebo every 3 weeks, in combination with B": B is given in both arms
            shared = groups[_last_clause_start(text, groups) :]
            for group in shared:
                group.drugs.extend(agent.drugs)
            continue
        if shared and _JOIN.search(gap) and not _SPLIT.search(gap):
            for group in shared:
                group.drugs.extend(agent.drugs)
            if control is not None:
                control.extend(agent.drugs)
            continue
        shared = []
        # "A every 2 weeks, alone or with B": the schedule of A is no part of the choice
        if _WITH_OR_WITHOUT.search(_DOSE.sub("", unbracketed)):
            extra.append(_DrugSet(list(groups[-1].drugs), groups[-1].agent))
            groups[-1].drugs.extend(agent.drugs)
            # "A with or without B plus C": C joins both sets
            shared = [groups[-1], extra[-1]] if _PLUS_AFTER.match(text, agent.end) else []
            continue
        if _ADDED_TO.search(gap) or (
            re.search(r"\bto\b", gap, re.I)
            and _ADDING_BEFORE.search(text[max(start, groups[-1].agent.start - 90) : groups[-1].agent.start])
        ):
            # "adding A to B" / "A added to B": the trial compares A+B with B alone; "A or placebo
            # added to B" adds B to both.
            control = list(agent.drugs)
            extra.append(_DrugSet(control, agent))
            masked = groups[-1].agent.kind == "placebo"
            for group in groups[_last_clause_start(text, groups) if masked else -1 :]:
                group.drugs.extend(agent.drugs)
            if masked:
                shared = groups[_last_clause_start(text, groups) :]  # "... to B and C": C too
            continue
        bare_gap = _DOSE.sub("", unbracketed)
        # "with A+B, C+D, and E": a comma that split the sets before makes ", and" close their list
        sets_listed = bool(list_end) and groups[-1].agent is agents[index - 1]
        split = (
            _SPLIT.search(unbracketed) is not None
            or _STANDALONE_NUMBER.search(bare_gap) is not None
            or _NEW_SET.search(unbracketed) is not None
            or sets_listed
        )
        # "to compare A with B": B is the comparator, though "A in combination with B" joins them
        if compare_open and re.search(r"\bwith\b", gap, re.I) and not _JOINED_WITH.search(gap):
            split = True
            compare_open = None
        if _SUBSTITUTED_BEFORE.search(text, max(start, agents[index - 1].start - 40), agents[index - 1].start):
            split = split or _SUBSTITUTE_GAP.fullmatch(unbracketed) is not None
        # "B alone and A lowered ...": a set closed by "alone" takes no partner; "the sorafenib and
        # cabozantinib groups" are two
        closed = ALONE_AFTER.match(text, agents[index - 1].end) is not None or (
            _PLURAL_LABEL_AFTER.match(text, agent.end) is not None and re.fullmatch(r"\s*,?\s*and\s*", gap) is not None
        )
        joined = (
            not split and not closed and (_JOIN.search(unbracketed) is not None or _serial_and(text, agents, index))
        )
        if joined:
            if re.search(r"\beither\b", gap, re.I):
                backbone = list(groups[-1].drugs)
            groups[-1].before_join = list(groups[-1].drugs)
            groups[-1].fixed_pair = re.fullmatch(r"\s*[/\u2013-]\s*", gap) is not None
            groups[-1].drugs.extend(agent.drugs)
            if control is not None:
                control.extend(agent.drugs)
        else:
            drugs = [*backbone, *agent.drugs]
            if (
                agent.kind == "placebo"
                and not backbone
                and not _partner_follows(text, agents, index)
                and _standard_backbone(reading, groups[-1].before_join)
                and not groups[-1].fixed_pair
            ):
                drugs = list(groups[-1].before_join)
            elif (
                _shares_first_partner(text, agents, index, groups[-1])
                or _OR_WITH.fullmatch(unbracketed)
                or _alternative_partner(reading, unbracketed, agents[index], groups[-1])
            ) and not backbone:
                # "A plus B or C versus D", "A with B, or with C", "A with cisplatin or carboplatin":
                # C takes A too
                drugs = [*groups[-1].before_join, *agent.drugs]
            # "A plus carboplatin or cisplatin and B": B joins either platinum
            alternative = _OR_ALONE.fullmatch(unbracketed) and _interchangeable(
                reading, tuple(groups[-1].drugs), tuple(drugs), {}
            )
            groups.append(_DrugSet(drugs, agent))
            shared = groups[-2:] if alternative else []
            # "B plus either A or C" names B with two sets, the next "or" a set of its own
            control, backbone = None, []
    headed = {
        a.drugs[0] for a in agents if a.kind in {"class", "choice"} and reading.chemotherapy_headed(a.drugs[0], a.text)
    }
    result: list[tuple[tuple[str, ...], Agent]] = []
    for group in [*groups, *extra]:
        kept = without_placebo(without_described_classes(reading, sorted_drugs(group.drugs)))
        if not any(is_chemotherapy_drug(reading, d) for d in kept):
            # "A plus platinum-based chemotherapy" is chemotherapy; "pemetrexed and platinum
            # chemotherapy" keeps the class that says what joins pemetrexed
            kept = sorted_drugs({"chemotherapy" if d in headed else d for d in kept})
        if len(kept) > 1 and CHOICE_ARM_CLASSES & set(kept):
            # "A or B, each given with the investigator's choice of C, D or E": a choice given
            # with a drug is the chemotherapy the drug is given with, not an arm of its own
            kept = sorted_drugs({"chemotherapy" if d in CHOICE_ARM_CLASSES else d for d in kept})
        if len(kept) > 1 and BACKGROUND_CARE & set(kept):
            # "A plus best supportive care" is A's arm, "A plus ADT" too; "placebo plus best
            # supportive care" the placebo arm
            kept = tuple(d for d in kept if d not in BACKGROUND_CARE)
        elif len(kept) == 1 and kept[0] in BACKGROUND_CARE and group.agent.kind == "placebo":
            kept = ()
        if not kept and group.agent.kind == "placebo":
            kept = (PLACEBO_ARM,)  # placebo alone is an arm; "placebo plus B" is B's arm
        if kept and kept not in [r[0] for r in result]:
            result.append((kept, group.agent))
    # "the one MEK inhibitor ..., binimetinib": a class phrase next to a drug of that class is
    # a description of the drug, not an arm of its own.
    singles = [r[0][0] for r in result if len(r[0]) == 1]
    return [
        (drugs, agent)
        for drugs, agent in result
        if not (
            agent.kind == "class"
            and len(drugs) == 1
            and any(drugs[0] in reading.drug_classes(d) for d in singles if d != drugs[0])
        )
    ]


def choice_arms(
    reading: Reading, groups: list[tuple[tuple[str, ...], Agent]]
) -> tuple[list[tuple[tuple[str, ...], Agent]], dict[tuple[str, ...], list[tuple[str, ...]]]]:
    """Sets that differ only in interchangeable chemotherapy, chosen per patient, are one arm: a
    chemotherapy-only choice ("gemcitabine with either cisplatin or carboplatin") is the
    chemotherapy arm, with the regimens it offers kept as its options; a choice given with another
    drug ("A plus cisplatin or carboplatin") is A's arm holding every drug offered."""
    merged: list[tuple[tuple[str, ...], Agent]] = []
    options: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for drugs, agent in groups:
        # "TP or TC": regimens named whole are arms of their own, whatever drug they swap
        if merged and len(agent.drugs) == 1 and _interchangeable(reading, merged[-1][0], drugs, options):
            first = options.pop(merged[-1][0], [merged[-1][0]])
            shared = set(first[0]).intersection(drugs)
            if any(not is_chemotherapy(reading, d) for d in shared):
                # "A plus cisplatin or carboplatin": A's arm, with whichever platinum each patient had
                merged[-1] = (sorted_drugs({*merged[-1][0], *drugs}), merged[-1][1])
                continue
            choice = ("chemotherapy",)
            options[choice] = [*first, drugs]
            merged[-1] = (choice, merged[-1][1])
            continue
        merged.append((drugs, agent))
    return merged, options


def _interchangeable(
    reading: Reading,
    before: tuple[str, ...],
    drugs: tuple[str, ...],
    options: dict[tuple[str, ...], list[tuple[str, ...]]],
) -> bool:
    reference = options.get(before, [before])[0]
    only_before, only_now = set(reference) - set(drugs), set(drugs) - set(reference)
    if len(only_before) != 1 or len(only_now) != 1 or not set(reference) & set(drugs):
        return False
    (one,), (other,) = only_before, only_now
    if not (is_chemotherapy(reading, one) and is_chemotherapy(reading, other)):
        return False
    # the kinds every cytotoxic belongs to say nothing of one chemotherapy's options
    shared = (reading.drug_classes(one) & reading.drug_classes(other)) - {"chemotherapy", CHEMOIMMUNOTHERAPY}
    return bool(shared)


def without_placebo(drugs: tuple[str, ...]) -> tuple[str, ...]:
    """An arm's drugs without the placebo that masks a drug of another arm ("placebo plus B")."""
    return tuple(d for d in drugs if d != PLACEBO_ARM) if len(drugs) > 1 else drugs


def is_chemotherapy(reading: Reading, drug: str) -> bool:
    """Whether a drug is a cytotoxic (the lexicon's kind), or the chemotherapy class itself."""
    entry = reading.lexicon.drugs.get(drug)
    return drug == "chemotherapy" or (entry is not None and entry.kind == "chemotherapy")


def is_chemotherapy_drug(reading: Reading, drug: str) -> bool:
    """Whether a drug is a named cytotoxic ("carboplatin"), not a class phrase."""
    return drug not in reading.lexicon.drug_classes and is_chemotherapy(reading, drug)


def _standard_backbone(reading: Reading, drugs: list[str]) -> bool:
    """Whether drugs are standard care that a placebo-controlled add-on trial gives to both arms
    (chemotherapy or endocrine therapy), as opposed to an experimental pair matched by placebos."""
    kinds = {entry.kind for drug in drugs if (entry := reading.lexicon.drugs.get(drug)) is not None}
    known = all(drug in reading.lexicon.drugs for drug in drugs)
    return bool(drugs) and known and kinds <= {"chemotherapy", "hormonal"}


def _partner_follows(text: str, agents: list[Agent], index: int) -> bool:
    """Whether agents[index] is joined to the agent after it ("placebo plus prednisone"), which
    then names the arm's partner itself."""
    if index + 1 >= len(agents):
        return False
    gap = text[agents[index].end : agents[index + 1].start]
    return _JOIN.search(gap) is not None and _SPLIT.search(gap) is None and len(gap.split()) <= 3


_ONE_WORD_BRACKET = re.compile(r"\s*\((?=[^()]*[A-Za-z])[^()\s=]+\)")
# "dabrafenib (150 mg twice daily), trametinib (2 mg once daily) and panitumumab": a drug's dose
_DOSE_BRACKET = re.compile(r"\s*\((?![^()]*\bn\s*=)[^()]*\d\s*(?:mg|g|mcg|\u00b5g|ug|IU)\b[^()]*\)", re.I)


def _list_gap(gap: str) -> str:
    """What separates two drugs of a list once a short form or a dose in brackets is dropped."""
    return _DOSE_BRACKET.sub("", _ONE_WORD_BRACKET.sub("", gap))


def _serial_and(text: str, agents: list[Agent], index: int) -> bool:
    """Whether the comma before agents[index] is inside a list of single drugs closed by "and"
    ("encorafenib, binimetinib and cetuximab"), which names one set; "A plus B, C plus D" is not."""
    gap = _list_gap(text[agents[index - 1].end : agents[index].start])
    if agents[index - 1].kind != "drug" or not re.fullmatch(r"\s*,\s*", gap):
        return False
    # after "A plus B, C" only a closing "and" makes one set ("A plus B, C, and D"); "A plus B,
    # C plus D" names two
    joined_before = index >= 2 and _JOIN.search(text[agents[index - 2].end : agents[index - 1].start])
    closing = (r"\s*,?\s*and\s*" if joined_before else r"\s*,?\s*(?:and|plus|\+)\s*") + _DRUG_DESCRIPTION
    for position in range(index, len(agents)):
        agent = agents[position]
        if agent.kind != "drug" or ALONE_AFTER.match(text, agent.end):
            return False
        if position + 1 == len(agents):
            return False
        # "oxaliplatin, 5-fluorouracil (5-FU) and leucovorin": a short form in brackets goes on the list
        gap = _list_gap(text[agent.end : agents[position + 1].start])
        if re.fullmatch(r"\s*,\s*", gap):
            continue
        last = agents[position + 1]
        # "the A, B and C groups": one arm each
        return (
            re.fullmatch(closing, gap, re.I) is not None
            and last.kind == "drug"
            and not _PLURAL_LABEL_AFTER.match(text, last.end)
        )
    return False


def _shares_first_partner(text: str, agents: list[Agent], index: int, previous: _DrugSet) -> bool:
    """Whether a drug after "or" takes the first drug of the pair before it, because both are
    compared with what follows "versus": "A plus B or C versus D" is A+B and A+C against D."""
    if not previous.before_join or len(agents[index].drugs) != 1 or index + 1 >= len(agents):
        return False
    return bool(
        _OR_ALONE.fullmatch(text, agents[index - 1].end, agents[index].start)
        and _VERSUS_NEXT.fullmatch(text, agents[index].end, agents[index + 1].start)
    )


def _alternative_partner(reading: Reading, gap: str, agent: Agent, previous: _DrugSet) -> bool:
    """Whether a drug after a bare "or" (the gap before it, brackets taken out) is the alternative
    to the partner just joined, of the same kind of chemotherapy: "pemetrexed with cisplatin or
    carboplatin" (either platinum, with pemetrexed)."""
    if not previous.before_join or len(agent.drugs) != 1 or not _OR_ALONE.fullmatch(gap):
        return False
    alternative = (*previous.before_join, *agent.drugs)
    return _interchangeable(reading, tuple(previous.drugs), alternative, {})


def _last_clause_start(text: str, groups: list[_DrugSet]) -> int:
    """Index of the first set of the run of alternatives that ends the list so far."""
    first = len(groups) - 1
    while first > 0 and not _CLAUSE_BREAK.search(text[groups[first - 1].agent.end : groups[first].agent.start]):
        first -= 1
    return first


def listed_options(text: str, agents: list[Agent]) -> list[Agent]:
    """The agents that go on a list of options from the first one: "A (schedule), B and C (ABC);
    or D", "A 75 mg/m2 or B"."""
    listed: list[Agent] = []
    for option, after in zip(agents, [*agents[1:], None], strict=True):
        listed.append(option)
        if after is None or not _OPTION_LIST_GOES_ON.fullmatch(_DOSE.sub("", text[option.end : after.start])):
            break
    return listed


# a relative clause after a choice arm that says what the choice was
_CHOICE_DESCRIBED = re.compile(
    r"(?:\s+of\s+[\w-]+(?:\s+[\w-]+){0,2})?\s*(?:\([^()]*\)\s*)?"
    # "chemotherapy chosen by the investigator from A, B or C"
    r"(?:,?\s*(?:chosen|selected|determined|decided)\s+by\s+(?:the\s+|each\s+|their\s+)?[\w'\u2019-]+"
    r"(?:\s+[\w'\u2019-]+){0,2}?\s+(?:from|among)\b|"
    # "chemotherapy chosen by the treating centre: A, B or C"
    r"(?:,?\s*(?:chosen|selected|determined|decided)\s+by\s+(?:the\s+|each\s+)?[\w'\u2019-]+(?:\s+[\w'\u2019-]+){0,2})?"
    # ("regimens selected by the investigator (n = 127): A; B; or C")
    r"(?:\s*\([^()]*\))?"
    r"(?:,\s*(?:which|consisting|mostly|mainly|chiefly|meaning|namely|i\.e\.|that\s+is)\b|:|\s*\u2014"
    # "chemotherapy options were A, B or C"
    r"|\s+(?:options|choices|agents|regimens)\s+(?:were|included|comprised|consisted\s+of)\b))",
    re.IGNORECASE,
)
# where options described after a choice end: its clause, or the next arm it was offered against
# ("chemoimmunotherapy, consisting of A or B, or to C")
_SEMICOLON_OPTIONS = re.compile(r"[^.;]+(?:;[^.;]+)*;\s*or\s+[^.;]+")
_OPTIONS_STOP = re.compile(r"[;.](?:\s|$)|,\s*(?:or|and)\s+to\b|\s(?:versus|vs\.?)\s", re.IGNORECASE)


def _without_bracketed_aliases(text: str, agents: list[Agent]) -> list[Agent]:
    """Drop a name in brackets that repeats what comes right before it: a drug's short form
    ("5-fluorouracil (5-FU)") or a regimen's name after its drugs ("oxaliplatin, fluorouracil and
    leucovorin (FOLFOX4)"), so that the list it interrupts reads as one."""
    kept: list[Agent] = []
    for agent in agents:
        if kept and agent.drugs and re.fullmatch(r"\s*\(\s*", text[kept[-1].end : agent.start]):
            run = {d for other in kept[-len(agent.drugs) :] for d in other.drugs}
            if set(agent.drugs) <= set(kept[-1].drugs) or set(agent.drugs) == run:
                continue
        kept.append(agent)
    return kept


_BRACKET_AFTER = re.compile(rf"\s*{BRACKETED}")


def _schedule_bracket(text: str, agents: list[Agent], index: int, drugs: list[str]) -> re.Match[str] | None:
    """The bracket an agent opens that gives the schedules of the set named before it, wherever
    it stands in that set's clause: "A plus B, given orally at weight-based doses (A 5 mg/kg
    daily; B 0.03 mg/kg daily)" names no arm of A or of B alone."""
    gap_start = agents[index - 1].end
    gap = text[gap_start : agents[index].start]
    opened = gap.rfind("(")
    if opened < 0 or ")" in gap[opened:]:
        return None
    before = re.sub(BRACKETED, " ", gap[:opened])
    if _SPLIT.search(before) or _CLAUSE_BREAK.search(before):
        return None
    bracket = _BRACKET_AFTER.match(text, gap_start + opened)
    if bracket is None:
        return None
    inside = [other for other in agents[index:] if other.start < bracket.end()]
    if len(inside) < 2 or not all(other.drugs and set(other.drugs) <= set(drugs) for other in inside):
        return None
    return bracket


def _without_bracketed_components(text: str, agents: list[Agent]) -> list[Agent]:
    """Drop the drugs a bracket after a regimen spells out as its parts: "TP (paclitaxel 135 mg/m2
    over 24 hours and cisplatin 50 mg/m2 on day 2; n = 127)" is one set, TP."""
    dropped: set[int] = set()
    for position, agent in enumerate(agents):
        bracket = _BRACKET_AFTER.match(text, agent.end) if len(agent.drugs) >= 2 else None
        if bracket is None:
            continue
        inside = [other for other in agents[position + 1 :] if other.start < bracket.end()]
        if inside and all(set(other.drugs) <= set(agent.drugs) for other in inside):
            dropped.update(id(other) for other in inside)
    return [agent for agent in agents if id(agent) not in dropped]


def _without_choice_options(reading: Reading, agents: list[Agent]) -> list[Agent]:
    """Drop the drugs a choice arm lists as its options: "a standard EGFR TKI (gefitinib or
    erlotinib)", "physician's choice (docetaxel or paclitaxel)", "physician's choice of
    chemotherapy"; the class phrase is the arm."""
    text = reading.text
    dropped: set[int] = set()
    for position, agent in enumerate(agents[:-1]):
        following = agents[position + 1]
        if (
            position
            and agent.drugs
            and agent.drugs[0] in CHOICE_ARM_CLASSES
            and agents[position - 1].drugs
            and agents[position - 1].drugs[0] in CHOICE_CLASSES
            and _OF_WHOSE_CHOICE.fullmatch(text[agents[position - 1].end : agent.start])
        ):
            # "chemotherapy of the investigator's choice": the arm goes by the name the text gives it
            # after ("with chemotherapy" or "the investigator's choice group"); a physician's
            # choice (TPC) is an arm's name of its own, whatever it is of
            kind = agents[position - 1]
            by_choice = _named_later(reading, agent.drugs[0], agent.end)
            by_kind = _named_later(reading, kind.drugs[0], agent.end)
            own_name = agent.drugs[0] == "physician's choice"
            dropped.add(id(kind) if own_name or by_choice > by_kind else id(agent))
        if agent.drugs and _CHOICE_APPOSITION.fullmatch(text[agent.end : following.start]):
            listed = listed_options(text, agents[position + 1 :])
            # "chemotherapy of the investigator's choice, A or B (n = 130)"; "a nonsteroidal
            # antiandrogen, A, B or C (n = 562)": the choice's options, or the class's members on offer
            on_offer = agent.drugs[0] in CHOICE_ARM_CLASSES or (
                agent.kind == "class"
                and agent.drugs[0] not in CHOICE_CLASSES
                and all(agent.drugs[0] in reading.drug_classes(d) for option in listed for d in option.drugs)
            )
            if on_offer and len(listed) >= 2 and _OR_ALONE.search(text, listed[-2].end, listed[-1].start):
                dropped.update(id(option) for option in listed)
                continue
        if (
            agent.drugs
            and agent.drugs[0] in CHOICE_ARM_CLASSES
            and CHOICE_OF.fullmatch(text[agent.end : following.start])
        ):
            if (
                following.drugs == ("chemotherapy",)
                and _CHOICE_OF_KIND.fullmatch(text[agent.end : following.start])
                and agent.text.casefold().startswith("investigator")
            ):
                # "the investigator's choice of platinum-based chemotherapy (A or B)": the
                # chemotherapy arm, offering what follows it; "physician's choice" (TPC) names an
                # arm of its own, whatever it is of
                dropped.add(id(agent))
                limit = _options_end(text, following)
                dropped.update(id(other) for other in agents[position + 2 :] if other.start < limit)
                continue
            # "physician's choice (PC) of A (schedule) or B": the options it lists
            dropped.update(id(option) for option in listed_options(text, agents[position + 1 :]))
        if not agent.drugs or agent.drugs[0] not in CHOICE_CLASSES:
            continue
        described = _CHOICE_DESCRIBED.match(text, agent.end)
        if described is None:
            continue
        limit = _options_end(text, agent)
        if agent.drugs[0] in CHOICE_ARM_CLASSES or _OPTIONS_OFFERED.search(text, described.end(), limit):
            # "the investigator's choice of therapy (126), which was mostly A, the rest B or C";
            # "chemotherapy (ICC): A + B or C + D", a chemotherapy the investigator chose
            dropped.update(id(other) for other in agents[position + 1 :] if other.start < limit)
    for agent in agents:
        # "physician's choice (docetaxel or paclitaxel)", "chemotherapy (55 irinotecan, 7 paclitaxel)";
        # not "chemotherapy (carboplatin and paclitaxel)", which says what the chemotherapy was
        bracket = _CHOICE_BRACKET.match(text, agent.end)
        offered = agent.kind == "choice" or (
            bool(agent.drugs)
            and bracket is not None
            and (agent.drugs[0] in CHOICE_ARM_CLASSES or (agent.drugs[0] in CHOICE_CLASSES and bracket["count"]))
        )
        if not offered:
            continue
        span = OPTIONS_AFTER.match(text, agent.end)
        close = span.end() if span else text.find(")", agent.end)
        if close < 0:
            continue
        options = [other for other in agents if agent.end < other.start < close and other.kind == "drug"]
        choice = agent.drugs[0] if agent.drugs else ""
        # "platinum-based chemotherapy (paclitaxel plus cisplatin or carboplatin)": a kind of
        # chemotherapy offers cytotoxics
        cytotoxic = "chemotherapy" in reading.drug_classes(choice)
        if len(options) >= 2 and all(
            choice in CHOICE_CLASSES
            or choice in reading.drug_classes(d)
            or (cytotoxic and is_chemotherapy(reading, d))
            for o in options
            for d in o.drugs
        ):
            dropped.update(id(option) for option in options)
    return [agent for agent in agents if id(agent) not in dropped]


def _named_later(reading: Reading, key: str, end: int) -> int:
    """How often the text names a class after a position, other than as a therapy the patients
    had before ("three previous chemotherapy regimens")."""
    return sum(
        1
        for sentence in reading.sentences
        for mention in sentence.of("class")
        if mention.key == key
        and mention.start >= end
        and not in_prior_therapy(reading.text, sentence, mention.start, mention.end)
    )


def _options_end(text: str, choice: Agent) -> int:
    """Where the options listed right after a choice end: a bracket with "or" ("(A, B or C)"), or
    the clause a colon or "which was" opens; the choice's own end when none follows."""
    bracket = OPTIONS_AFTER.match(text, choice.end)
    if bracket:
        return bracket.end()
    described = _CHOICE_DESCRIBED.match(text, choice.end)
    if described:
        # "chemotherapy: A; B and C; or D": options of several drugs, parted by semicolons
        semicolons = _SEMICOLON_OPTIONS.match(text, described.end())
        if semicolons:
            return semicolons.end()
        stop = _OPTIONS_STOP.search(text, described.end())
        return stop.start() if stop else len(text)
    return choice.end


def without_described_classes(reading: Reading, drugs: tuple[str, ...]) -> tuple[str, ...]:
    """A set without the class phrases its own drugs belong to: "standard chemotherapy with
    carboplatin plus vincristine" is carboplatin and vincristine."""
    classes = [d for d in drugs if is_class_phrase(reading, d)]
    plain = [d for d in drugs if d not in classes]
    choices = [c for c in classes if c in CHOICE_ARM_CLASSES]
    if choices and not plain:
        return (choices[0],)  # "Investigator's Choice Chemotherapy (IC Chemo)"
    # "chemotherapy with pembrolizumab, platinum and fluorouracil": the chemotherapy is the platinum
    # and fluorouracil, a class the set's drugs or narrower classes belong to
    described = {c for c in classes if any(c in reading.drug_classes(d) for d in drugs if d != c)}
    if plain and described:
        return sorted_drugs(set(drugs) - described)
    return drugs


def is_class_phrase(reading: Reading, name: str) -> bool:
    return name in reading.lexicon.drug_classes


def clause_breaks(text: str, start: int, end: int) -> list[re.Match[str]]:
    """Clause boundaries between two offsets, leaving out those inside brackets
    ("(FLAURA; NCT02296125)" does not end a clause)."""
    depth, opened = 0, {}
    for index in range(start, end):
        char = text[index]
        if char in "([":
            depth += 1
        elif char in ")]" and depth:
            depth -= 1
        opened[index] = depth
    return [
        m
        for m in _CLAUSE_BREAK.finditer(text, start, end)
        if not opened.get(m.start()) and not _closes_list(text, start, m)
    ]


def _closes_list(text: str, start: int, match: re.Match[str]) -> bool:
    return re.fullmatch(r",\s+and", match.group(), re.I) is not None and bool(
        _LIST_BEFORE_AND.search(text, max(start, match.start() - 40), match.start())
    )


# ", carboplatin, and etoposide": the comma before "and" closes a list, not a clause
_LIST_BEFORE_AND = re.compile(r",\s*[\w-]+(?:\s+[\w-]+){0,2}$")


def clause_around(text: str, sentence: Sentence, position: int) -> tuple[int, int]:
    start, end = sentence.start, sentence.end
    for match in clause_breaks(text, sentence.start, sentence.end):
        if match.end() <= position:
            start = match.end()
        elif match.start() >= position:
            end = match.start()
            break
    return start, end


def arm_counts(text: str, groups: list[tuple[tuple[str, ...], Agent]], start: int, end: int) -> list[int | None]:
    """Each set's patient count: "(n = 192)" after it, or "44 to" / "78 patients received" /
    "(245 A, 249 B)" before it."""
    counts: list[int | None] = []
    counted_before: list[bool] = []
    for position, (_drugs, agent) in enumerate(groups):
        stop = groups[position + 1][1].start if position + 1 < len(groups) else end
        after = ARM_N.search(text, agent.end, stop) or _LABELLED_N.match(text, agent.end, stop)
        preceding = text[groups[position - 1][1].end if position else start : agent.start]
        before = _COUNT_BEFORE_ARM.search(preceding) or _BARE_COUNT_BEFORE_ARM.search(preceding)
        counted_before.append(not after and before is not None)
        if after:
            counts.append(int(after.group("n") or after.group("n2")))
        else:
            counts.append(count_value(before.group("n")) if before else None)
    if len(groups) > 1 and counted_before[0] and not any(counted_before[1:]):
        counts[0] = None  # "886 patients were assigned to A (...) or B (n = 444)": the total
    if len(groups) > 1 and not any(counts):
        return _bare_counts(text, groups, start, end) or counts
    return counts


_BARE_COUNT_AFTER = re.compile(r"\s*\((?P<n>\d+)\)")


def _bare_counts(text: str, groups: list[tuple[tuple[str, ...], Agent]], start: int, end: int) -> list[int | None]:
    """ "565 patients were assigned to A (283) or B (282)": a bare number in brackets after every
    set is its count when they add up to a total the clause states (else it may be a citation)."""
    bare = [_BARE_COUNT_AFTER.match(text, agent.end) for _drugs, agent in groups]
    counts = [int(match.group("n")) for match in bare if match]
    if len(counts) < len(groups) or not re.search(rf"(?<![\d.,]){sum(counts)}(?![\d.,]\d)", text[start:end]):
        return []
    return list(counts)
