"""What is known of a trial while a paper is read: its arms (ArmState), its design and the
labels its arms go by (TrialState), and which of its arms a set of drugs names (arm_for)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.arm_groups import (
    CHOICE_CLASSES,
    is_chemotherapy_drug,
    is_class_phrase,
    without_described_classes,
    without_placebo,
)
from ingest.mentions import BACKGROUND_CARE, CARE_CLASSES, PLACEBO_ARM, Reading, is_choice_arm, sorted_drugs

# the short form an arm's label ends with: "Investigator's Choice Chemotherapy (IC Chemo)"
_SHORT_LABEL = re.compile(r"\(\s*([^()]{1,15}?)\s*\)\s*$")
_CODE_LABEL = re.compile(r"\[\s*([a-z0-9+/]{1,4})\s*\]")
# the parts of an arm's label: "obinutuzumab + chlorambucil", "ob+chl"
_LABEL_PARTS = re.compile(r"\s*[+/&]\s*|\s+(?:plus|and|with)\s+")
_ARM_COUNT = re.compile(r"n\s*=\s*\d+", re.IGNORECASE)
_BRACKETS = re.compile(r"\s*\([^()]*\)")
_LABEL_DOSE = re.compile(r"\s+\d[\d.,]*\s*(?:mg|mcg|\u00b5g|g|iu)\b.*$", re.IGNORECASE)
_LABEL_KIND = re.compile(
    r"^(?:experimental|active\s+comparator|placebo\s+comparator|sham\s+comparator|comparator)\s*:\s*"
)


@dataclass
class ArmState:
    drugs: tuple[str, ...]
    n: int | None = None
    dose: str | None = None
    label: str | None = None
    sentence: int | None = None
    rule: str = "arm.design"
    alternatives: bool = False  # a registry arm offering drugs in the alternative ("cisplatin or carboplatin")
    # the regimens a choice arm offers: "gemcitabine with either cisplatin or carboplatin"
    options: list[tuple[str, ...]] = field(default_factory=list)


@dataclass
class TrialState:
    number: int
    acronym: str | None = None
    aliases: set[str] = field(default_factory=set)  # "GOG-3031/RUBY": the other names of one trial, casefolded
    nct: str | None = None
    phase: str | None = None
    part_phase: str | None = None
    randomized: bool | None = None
    n_enrolled: int | None = None
    ratio: str | None = None
    arms: list[ArmState] = field(default_factory=list)
    genes: set[str] = field(default_factory=set)
    diseases: set[str] = field(default_factory=set)
    from_title: bool = False
    has_cohorts: bool = False
    placebo_controlled: bool = False
    placebo_alone: bool = False  # a record defined an arm that gives placebo and nothing else
    sentences: list[int] = field(default_factory=list)
    evidence: dict[str, tuple[int, str]] = field(default_factory=dict)  # field -> (sentence, rule)
    labels: dict[str, tuple[str, ...]] = field(default_factory=dict)  # registry and table arm labels
    prose_labels: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "arm b" named in prose
    declared_control: tuple[str, ...] | None = None  # an arm the text calls control or comparator
    placebo_backbone: tuple[str, ...] | None = None  # the arm "placebo" names in an add-on trial
    # the orders sentences list the arms in: (sentence index, assigns patients, arms)
    listings: list[tuple[int, bool, list[tuple[str, ...]]]] = field(default_factory=list)
    optional_drugs: set[str] = field(default_factory=set)  # given at the investigator's discretion
    masked_drugs: set[str] = field(default_factory=set)  # "placebo in place of A": what placebo stands for

    def listed_before(self, index: int, size: int) -> list[tuple[str, ...]]:
        """The arms in the order a sentence before ``index`` listed at least ``size`` of them
        ("..., respectively" follows it): the last that assigned patients to them, else the
        last that named them."""
        # a sentence that assigns patients may go on to their figures ("randomised to A or B, and
        # A did not improve survival: 10.9 versus 11.1 months")
        earlier = [
            (assigns, arms)
            for sentence, assigns, arms in self.listings
            if (sentence < index or (assigns and sentence == index)) and len(arms) >= size
        ]
        assigning = [arms for assigns, arms in earlier if assigns]
        return assigning[-1] if assigning else (earlier[-1][1] if earlier else [])

    chemotherapy: set[str] = field(default_factory=set)  # drugs of its arms that are standard chemotherapy

    @property
    def drugs(self) -> set[str]:
        return {drug for arm in self.arms for drug in arm.drugs}

    def arm_sets(self) -> list[tuple[str, ...]]:
        seen: list[tuple[str, ...]] = []
        for arm in self.arms:
            if arm.drugs not in seen:
                seen.append(arm.drugs)
        return seen

    def add_arm(
        self, drugs: tuple[str, ...], sentence: int, rule: str, n: int | None = None, alternatives: bool = False
    ) -> tuple[str, ...]:
        """Add an arm (or give a known one its size); returns the arm's drugs as the trial now
        has them (the placebo arm of an add-on trial is its backbone's arm)."""
        drugs = without_placebo(drugs)
        if not drugs:
            return drugs
        if drugs in self.arm_sets():
            self.size_arm(drugs, n)
        else:
            self.arms.append(ArmState(drugs, n=n, sentence=sentence, rule=rule, alternatives=alternatives))
            self._settle_placebo()
        return self.placebo_backbone if drugs == (PLACEBO_ARM,) and self.placebo_backbone else drugs

    def name_arm(self, label: str, drugs: tuple[str, ...]) -> None:
        """Record the label a record gives an arm, with the names tables may use for it: without
        its kind ("Active comparator: ..."), its short form ("... Chemotherapy (IC Chemo)") and
        without its dose and brackets ("Drug A 24 mg (n=261)": "drug a")."""
        label = " ".join(label.casefold().split())
        self.labels[label] = drugs
        bare = _LABEL_KIND.sub("", label)
        self.labels.setdefault(bare, drugs)
        short = _SHORT_LABEL.search(bare)
        if short and not _ARM_COUNT.fullmatch(short.group(1)):
            self.labels.setdefault(short.group(1), drugs)
        plain = _LABEL_DOSE.sub("", _BRACKETS.sub("", bare)).strip()  # "lenvatinib 24 mg (n=261)": "lenvatinib"
        if plain:
            self.labels.setdefault(plain, drugs)
        code = _CODE_LABEL.match(label)  # "[a] drug a + drug b, cohort 1": tables say "a"
        if code:
            self.labels.setdefault(code.group(1), drugs)

    def arm_shortened(self, short: str) -> tuple[str, ...] | None:
        """The one arm whose label a short form abbreviates part by part: each part of "ob+chl"
        starts the word of the same part of "obinutuzumab + chlorambucil"; "acala" is
        "acalabrutinib" alone, not "acalabrutinib + obinutuzumab"."""
        parts = _LABEL_PARTS.split(_BRACKETS.sub("", short).strip())
        if not all(len(part) >= 2 and part.isalpha() for part in parts):
            return None
        found = set()
        for label, drugs in self.labels.items():
            words = _LABEL_PARTS.split(_BRACKETS.sub("", label).strip())
            if len(words) == len(parts) and all(w.startswith(p) for w, p in zip(words, parts, strict=True)):
                found.add(drugs)
        return found.pop() if len(found) == 1 else None

    def size_arm(self, drugs: tuple[str, ...], n: int | None) -> None:
        """Give an arm its patients, unless it has them already."""
        for arm in self.arms:
            if arm.drugs == drugs and arm.n is None:
                arm.n = n

    def drop_optional_drugs(self) -> None:
        """An arm is not defined by a drug given at the investigator's discretion: "A plus B with
        or without C" is A+B when "C was added at the investigator's discretion"."""
        for arm in list(self.arms):
            kept = tuple(d for d in arm.drugs if d not in self.optional_drugs)
            if kept and kept != arm.drugs:
                self.redefine_arm(arm.drugs, kept)

    def redefine_arm(self, old: tuple[str, ...], new: tuple[str, ...]) -> None:
        """Give an arm the drugs a later line of its record lists; an arm that already has them
        absorbs it."""
        new = without_placebo(new)
        arm = next((a for a in self.arms if a.drugs == old), None)
        if arm is None or old == new:
            return
        if old == (PLACEBO_ARM,):
            self.placebo_backbone = new  # "placebo" still names the arm that now has its backbone
        target = next((other for other in self.arms if other.drugs == new), None)
        if target is not None:
            self._absorb(arm, target)
        else:
            arm.drugs = new
            self._rename_arm(old, new)

    def _absorb(self, arm: ArmState, into: ArmState) -> None:
        """One arm is another under a second name: the other takes its patients when it counts
        none, and its labels."""
        into.n = into.n or arm.n
        self.arms.remove(arm)
        self._rename_arm(arm.drugs, into.drugs)

    def _settle_placebo(self) -> None:
        """In an add-on trial (A plus B against B) the placebo stands in for A, so "the placebo
        arm" is B's arm; only a trial of drugs against placebo alone has a placebo arm."""
        placebo = (PLACEBO_ARM,)
        sets = self.arm_sets()
        if placebo not in sets or self.placebo_alone:
            return
        # placebo masks a drug, never chemotherapy ("A vs chemotherapy plus A" has no placebo arm)
        backbones = [
            arm
            for arm in sets
            if arm != placebo
            and any(set(arm) < set(other) and not set(other) - set(arm) & CHOICE_CLASSES for other in sets)
        ]
        sized = {arm.drugs for arm in self.arms if arm.n is not None}
        # "to A (264 patients), to placebo (266 patients) or to A plus B": each has patients of its own
        if len(backbones) == 1 and not {placebo, backbones[0]} <= sized:
            self.placebo_backbone = backbones[0]
            self.redefine_arm(placebo, backbones[0])

    def note_options(self, drugs: tuple[str, ...], options: list[tuple[str, ...]]) -> None:
        for arm in self.arms:
            if arm.drugs == drugs:
                arm.options.extend(option for option in options if option not in arm.options)

    def add_unnamed_placebo_arm(self) -> None:
        """A placebo-controlled trial of one drug whose placebo arm the text never names as one
        ("sunitinib, which in its placebo-controlled phase 3 trial ...") compares it with placebo."""
        sets = self.arm_sets()
        lone_drug = len(sets) == 1 and len(sets[0]) == 1 and sets[0] != (PLACEBO_ARM,)
        sentence = self.arms[0].sentence if self.arms else None
        if self.placebo_controlled and self.randomized is not False and lone_drug and sentence is not None:
            self.add_arm((PLACEBO_ARM,), sentence, "arm.placebo_controlled")

    def absorb_foreshadowed_arms(self) -> None:
        """An arm named before the sentence that assigns patients, as part of one regimen that
        sentence lists ("set out to replace B with A" before "assigned to A or B, each with
        chemotherapy"), was that regimen told in short; part of several, it named their family
        ("A-based combinations versus B" before "assigned to B, A plus C or A plus D")."""
        assigning = [(sentence, arms) for sentence, assigns, arms in self.listings if assigns]
        if not assigning:
            return
        first = min(sentence for sentence, _ in assigning)
        assigned = {arm for _, arms in assigning for arm in arms}
        for arm in list(self.arms):
            if arm.drugs in assigned or arm.n is not None or arm.sentence is None or arm.sentence >= first:
                continue
            wholes = [whole for whole in assigned if set(arm.drugs) < set(whole)]
            if len(wholes) == 1:
                self.redefine_arm(arm.drugs, wholes[0])
            elif wholes:
                self.arms.remove(arm)

    def unmask_placebo_arm(self) -> None:
        """The placebo arm of a trial that gave "placebo in place of A" is the arm with A minus A
        ("B + C with A" against placebo: B + C)."""
        placebo = (PLACEBO_ARM,)
        if len(self.masked_drugs) != 1 or placebo not in self.arm_sets():
            return
        masked = next(iter(self.masked_drugs))
        holding = [arm for arm in self.arm_sets() if masked in arm and len(arm) >= 2]
        if len(holding) == 1:
            self.redefine_arm(placebo, tuple(d for d in holding[0] if d != masked))

    def absorb_background_care_arm(self) -> None:
        """An arm of background care alone in a placebo-controlled trial ("A plus best supportive
        care versus best supportive care" over a placebo arm) is the placebo arm."""
        placebo = next((arm for arm in self.arms if arm.drugs == (PLACEBO_ARM,)), None)
        care = next((arm for arm in self.arms if len(arm.drugs) == 1 and arm.drugs[0] in BACKGROUND_CARE), None)
        if placebo is not None and care is not None:
            self._absorb(care, placebo)

    def settle_choice_arm(self) -> None:
        """A chemotherapy arm and a physician's-choice arm of one trial are one arm ("Zeltinib vs.
        Investigator's Choice of Chemotherapy" over an arm labelled "Investigator's Choice")."""
        sets = self.arm_sets()
        choices = [arm for arm in sets if is_choice_arm(arm)]
        if ("chemotherapy",) in sets and len(choices) == 1:
            self.redefine_arm(("chemotherapy",), choices[0])

    def merge_class_arms(self, reading: Reading) -> None:
        """An arm named with a class phrase ("pembrolizumab plus chemotherapy") is the arm that
        names the class's drugs ("pembrolizumab, cisplatin and fluorouracil"), once there is
        exactly one such arm; a chemotherapy arm is the physician's-choice arm, when there is one."""
        self.settle_choice_arm()
        for arm in list(self.arms):
            members = [
                other
                for other in self.arms
                if other is not arm
                # a class may stand among the drugs when it is narrower ("platinum" for chemotherapy)
                and all(
                    not is_class_phrase(reading, d) or any(c != d and c in reading.drug_classes(d) for c in arm.drugs)
                    for d in other.drugs
                )
                and _spells_out(reading, arm.drugs, other.drugs)
            ]
            if len(members) != 1 or members[0].sentence == arm.sentence or self._listed_together(arm, members[0]):
                continue  # a choice of the class named beside the drug arm is an arm of its own
            self._absorb(arm, members[0])
        self._spell_out_chemotherapy(reading)

    def _listed_together(self, arm: ArmState, other: ArmState) -> bool:
        """Whether one sentence listed both arms ("to osimertinib or to a standard EGFR TKI")."""
        return any(arm.drugs in named and other.drugs in named for _sentence, _passive, named in self.listings)

    def _spell_out_chemotherapy(self, reading: Reading) -> None:
        """ "Chemotherapy with drug A" beside a control arm of named chemotherapy drugs (and no
        arm of chemotherapy alone) is that chemotherapy with A: carboplatin, paclitaxel and A."""
        chemo_only = [
            arm.drugs for arm in self.arms if arm.drugs and all(is_chemotherapy_drug(reading, d) for d in arm.drugs)
        ]
        if len(chemo_only) != 1 or ("chemotherapy",) in self.arm_sets():
            return
        for arm in list(self.arms):
            if "chemotherapy" in arm.drugs and len(arm.drugs) > 1:
                others = [d for d in arm.drugs if d != "chemotherapy"]
                if not any("chemotherapy" in reading.drug_classes(d) for d in others):
                    self.redefine_arm(arm.drugs, sorted_drugs({*others, *chemo_only[0]}))

    def _rename_arm(self, old: tuple[str, ...], new: tuple[str, ...]) -> None:
        for labels in (self.labels, self.prose_labels):
            for label, drugs in labels.items():
                if drugs == old:
                    labels[label] = new
        if self.declared_control == old:
            self.declared_control = new
        self.listings = [
            (sentence, assigns, [new if arm == old else arm for arm in arms])
            for sentence, assigns, arms in self.listings
        ]

    def note_chemotherapy(self, reading: Reading) -> None:
        self.chemotherapy = {d for d in self.drugs if d == "chemotherapy" or "chemotherapy" in reading.drug_classes(d)}

    def arms_in_force(self, index: int) -> list[tuple[str, ...]]:
        """The arms the figures of a sentence compare: those the last sentence up to it assigned
        patients to, when the trial has more arms than that ("In cohort 2, 351 patients were
        randomised to A or B" of a trial whose cohort 1 compared A with C); else every arm."""
        sets = self.arm_sets()
        assigning = [arms for sentence, assigns, arms in self.listings if assigns and sentence <= index]
        if assigning and len(sets) > len(assigning[-1]) >= 2 and all(arm in sets for arm in assigning[-1]):
            return assigning[-1]
        return sets

    def control_arm(self, among: list[tuple[str, ...]] | None = None) -> tuple[str, ...] | None:
        """The comparator (of the arms ``among``, by default all): the arm the text calls control
        (or the placebo arm), else the one physician's-choice arm, else an arm whose drugs are all
        in another arm, else a chemotherapy or class-phrase arm facing a drug arm, else the second
        arm."""
        sets = self.arm_sets() if among is None else among
        if len(sets) < 2:
            return None
        if self.declared_control in sets:
            return self.declared_control
        choices = [arm for arm in sets if is_choice_arm(arm)]
        if len(choices) == 1:
            return choices[0]  # "A, A plus B, or the investigator's choice": the choice, not A
        for arm in sets:
            if any(arm != other and set(arm) < set(other) for other in sets):
                return arm
        standard = [arm for arm in sets if all(self.standard_care(d) for d in arm)]
        if len(standard) == 1:
            return standard[0]
        return sets[1]

    def arm_named(self, drugs: tuple[str, ...]) -> tuple[str, ...]:
        """The arm a set names: itself, else the one arm holding all its drugs ("the
        selumetinib group" of a selumetinib-plus-docetaxel arm)."""
        sets = self.arm_sets()
        if not drugs or drugs in sets:
            return drugs
        supersets = [arm for arm in sets if set(drugs) < set(arm)]
        return supersets[0] if len(supersets) == 1 else drugs

    def standard_care(self, drug: str) -> bool:
        return drug in self.chemotherapy

    def experimental_arm(self, among: list[tuple[str, ...]] | None = None) -> tuple[str, ...] | None:
        sets = self.arm_sets() if among is None else among
        control = self.control_arm(sets)
        for arm in sets:
            if arm != control:
                return arm
        return sets[0] if sets else None

    def set_once(self, name: str, value: object, sentence: int, rule: str) -> None:
        if value is None or getattr(self, name) is not None:
            return
        setattr(self, name, value)
        self.evidence[name] = (sentence, rule)


def arm_for(reading: Reading, trial: TrialState, drugs: tuple[str, ...]) -> tuple[str, ...]:
    """The trial's arm a set of drugs or class phrases names: TrialState.arm_named; else the one
    arm whose other drugs all belong to the classes named ("the amivantamab-chemotherapy group"
    for amivantamab, carboplatin and pemetrexed); else, for a lone class phrase, the one arm
    made of class phrases ("with chemotherapy" for a physician's-choice arm)."""
    drugs = without_described_classes(reading, drugs)
    named = trial.arm_named(drugs)
    sets = trial.arm_sets()
    if named in sets:
        return named
    members = [arm for arm in sets if _spells_out(reading, drugs, arm)]
    if len(members) == 1:
        return members[0]
    if len(drugs) != 1 or not is_class_phrase(reading, drugs[0]):
        return named
    if drugs[0] in CARE_CLASSES and trial.declared_control in sets:
        return trial.declared_control  # "with standard care": the control, whatever it is called
    class_arms = [arm for arm in sets if all(is_class_phrase(reading, d) for d in arm)]
    return class_arms[0] if len(class_arms) == 1 else named


_CORTICOSTEROID = "corticosteroid"


def _spells_out(reading: Reading, named: tuple[str, ...], arm: tuple[str, ...]) -> bool:
    """Whether an arm is a set named with class phrases, each class given as drugs of it:
    (cisplatin, fluorouracil, pembrolizumab) spells out (chemotherapy, pembrolizumab); the
    steroid a chemotherapy regimen holds goes with it (cyclophosphamide, doxorubicin and
    prednisone spell out chemotherapy)."""
    classes = [d for d in named if is_class_phrase(reading, d)]
    plain = set(named) - set(classes)
    rest = set(arm) - plain
    members = {d for d in rest if any(c in reading.drug_classes(d) for c in classes)}
    steroids = {d for d in rest if _CORTICOSTEROID in reading.drug_classes(d)} if "chemotherapy" in classes else set()
    return bool(classes) and plain < set(arm) and bool(members) and rest <= members | steroids
