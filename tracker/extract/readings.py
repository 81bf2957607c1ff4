"""Readings: each number of a sentence with what it counts (rule names in capitals below).

A reading ties a number to a person group by one of these rules:
- NUMBER-NOUN: the noun after the number ("900 people", "1,5 thousand children");
- SUBGROUP-OF-HEAD: "including 217 children", "among them 37 children", "480 of whom are
  children", "of which 140 are children", "409 families with 601 children", "40 children
  from 26 families", "601 children, or 409 families": the reading has a head figure whose
  event it shares;
- BARE-ELLIPSIS: a number with no noun that continues an earlier person count of its
  sentence ("the Toretsk community about 140", "it was 70,000, now it is 67,000");
  IMPLIED-MULTIPLIER carries "thousand" over ("50 - 60 thousand ... in Kramatorsk - 50-60");
- POPULATION-IS: "the population of the right-bank Kherson Region is 162,000";
- FAMILY-OF-N: "a family of six" counts six people;
- NUMBER-OF: "the number of evacuees reached 3,400";
- HOW-MANY-ANCHOR: "how many citizens are in X ... it is about 50 thousand";
- BARE-OBJECT: a number right after an evacuation verb ("rescuers evacuated 48,751");
- BARE-SUBJECT: a bare number before an event verb counts people ("about 3,000 are left",
  "burst two dams, and a further 6,085 were displaced": over a count of things);
- BRACKETED-SUBGROUP: "318 people (30 children)" is a subgroup of the people count;
- PART-OF-EVACUEES: "Of the evacuees, 1,450 came from Lyptsi" counts evacuated people;
- ACTOR-SUBSET (distractors.py): "Police alone took out 4,000 of them", "Of those, 2,000
  were picked up by boats" is a share of a total, not a figure;
- POPULATION-IS also reads "the number has fallen to 2,7 thousand" (noun given earlier).
A year-like number before a person noun or after an evacuation verb is a count ("2036
people"). "including a family of five" inside a total is a subset, not a figure.
Numbers that count anything else are kept with the reason they are not facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from tracker.extract.caseless import caseless
from tracker.extract.distractors import actor_subset, money_before, subset_after
from tracker.extract.groups import BARE_SUBJECT_VERBS, NounReading, read_noun
from tracker.extract.hedges import Hedge, hedge_before
from tracker.extract.numbers import NumberMention
from tracker.model import Group

__all__ = ["Reading", "read_sentence"]

_HEAD_BEFORE_RE = caseless(
    r"(?:\b(?:including|incl\.|among\s+them|among\s+whom|of\s+whom|of\s+which|of\s+them|"
    r"of\s+these|among\s+these|"
    r"with|from|or)|\bi\.e\.|\bamong\s+(?:them|these|those|whom)\s+(?:are|were|is|was))"
    r"[\s,:]*$"
)
_OF_THEM_AFTER_RE = caseless(r"\s+of\s+(?:them|these|those)\b")
_OF_THEM_FROM_RE = caseless(
    r"\s+of\s+(?:them|these|those)(?P<rest>\s+(?:(?:had|have)\s+)?(?:came|come|were|are)?\s*"
    r"from\b)"
)
# "and seventeen from the Borova community": the verb of the part before is gapped.
_GAPPED_FROM_RE = re.compile(r"\s+from\s+(?:the\s+)?[A-Z]")
_OF_THESE_RE = caseless(r"\s*(?:of|among)\s+(?:these|them|those|whom)\b")
_BRACKET_RE = re.compile(r"\s*\(\s*")
_WEAK_HEAD_RE = caseless(r"\b(?:with|from|or)[\s,:]*$")
_MOTHER_OF_RE = caseless(r"\b(?:an?\s+)?(?:mother|father|parent)s?\s+of\s*$")
_OF_WHOM_AFTER_RE = caseless(
    r"^\s+(?:of\s+(?:whom|which|them)\s+(?:(?:are|were|is|was)\s+)?|(?:are|were|is|was)\s+)"
    r"(?:\w+\s+)?"
    r"(?P<noun>children|minors|kids|families|people|women|adults)\b"
)
_POSSESSIVE_RE = caseless(r"\b(?:his|her|their|our|my|its)\s+(?:own\s+)?$")
# "took out a mother and her four children": the children are counted (guidelines 3.3,
# "mother and 3 children" gives children 3), the mother is not.
_PARENT_WITH_CHILDREN_RE = caseless(
    r"\b(?:mother|father|woman|man|grandmother|grandfather|parents?|couple)\s+(?:and|with)\s+"
    r"(?:his|her|their)\s+$"
)
# Opens on the literal "how" (the engine then skips ahead fast); the lookbehind is the \b.
_HOW_MANY_RE = caseless(r"how(?<![a-z]how)\s+many\s+(?P<noun>[a-z]+)")
_OBJECT_VERBS = (
    r"(?:evacuated|rescued|relocated|moved|sheltered|sheltering|housed|hosted|hosting|hosts|"
    r"holds|held|houses|received|admitted|accommodated|took\s+out|taken\s+out|brought\s+out|"
    r"took\s+in|taken\s+in)"
)
_OBJECT_VERB_RE = caseless(
    rf"\b{_OBJECT_VERBS}\s+(?:(?:a|another|further|additional|total|of)\s+){{0,3}}$"
    rf"|\b{_OBJECT_VERBS}$"
)
_POPULATION_IS_RE = caseless(
    r"\bpopulation\b[^.;:]{0,60}?\b(?:is|was|stands\s+at|numbers|numbered|totals|of|fell\s+to|"
    r"dropped\s+to|decreased\s+to)\s*$"
)
# "the number has fallen to 2,7 thousand": a head count whose noun an earlier sentence gave.
_NUMBER_IS_RE = caseless(
    r"\b(?:the|this|that|their)\s+(?:number|figure|count|total)\s+(?:has\s+|had\s+|is\s+now\s+|"
    r"now\s+)?(?:fallen|fell|dropped|decreased|declined|shrunk|shrank|risen|rose|grown|grew|"
    r"increased|reached|stands\s+at|stood\s+at|is|was)\s+(?:to\s+|at\s+)?$"
)
# A bare number as the subject of an event verb counts people: "Now about 3,000 are left".
_BARE_SUBJECT_RE = caseless(
    r"['\u2019\u201d\"]?\s+(?:more\s+|others?\s+)?"
    r"(?:(?:are|were|have|had|will|must|need\s+to|needed\s+to|(?:are|were)\s+(?:due\s+)?to)"
    r"\s+)?(?:still\s+|now\s+|already\s+|only\s+)?(?:be\s+|been\s+)?"
    r"(?:" + "|".join(pattern for _, pattern in BARE_SUBJECT_VERBS) + ")"
)
# COUNT-AFTER-PLACE: a place name (or its level word), then "(" or a dash, then the number.
_COUNT_AFTER_PLACE_RE = re.compile(
    r"(?:[A-Z][\w'\u2019-]*|hromadas?|communit(?:y|ies)|districts?|raions?|regions?|oblasts?)"
    r"\s*(?P<open>\(|[\u2014\u2013-])\s*$"
)
_BRACKET_CLOSE_RE = re.compile(r"\s*\)")
_DASH_ITEM_END_RE = re.compile(r"\s*(?:[,;.)\u2014\u2013]|\s(?:including|among|of\s+them)\b|$)")
_MORE_AFTER_RE = caseless(r"\s+more\b")
_REST_BEFORE_RE = caseless(r"\b(?:the\s+(?:remaining|last|other)|another|a\s+further)\s+$")
_OF_EVACUEES_RE = caseless(
    r"\b(?:of|among)\s+(?:the|these|those)\s+(?:evacuees|evacuated|displaced)\s*,?\s*$"
)
_FAMILY_OF_RE = caseless(r"\bfamily\s+of\s*$")
_INCLUDED_FAMILY_RE = caseless(
    r"\b(?:including|among\s+them|among\s+whom|of\s+whom)\s+(?:\w+\s+){0,2}family\s+of\s*$"
)
_NUMBER_OF_RE = caseless(
    r"\bnumber\s+of\s+(?:[\w-]+\s+){0,2}?(?P<noun>people|persons|evacuees|residents|children|"
    r"families|civilians|idps|displaced|evacuated|refugees)\b[^.;:]{0,40}?\b(?:reached|is|was|stands\s+at|stood\s+at|rose\s+to|"
    r"increased\s+to|grew\s+to|exceeded|exceeds|totals?|totalled|totaled|amounts\s+to|hit|at|"
    r"(?:has\s+|had\s+)?(?:fallen|fell|dropped|decreased|declined|risen)\s+to)\s*$"
)
_PROPORTION_BASE_RE = caseless(
    r"(?:%|\b(?:percent|per\s+cent|half|third|quarter|most|majority|many|all|some|part|share|"
    r"fraction))\s+of\s+(?:the\s+|its\s+|their\s+)?$"
)
_DERIVED_RE = caseless(
    r"(?:\d|\bmillion|\bthousand)\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|"
    r"[\w'\u2019-]+['\u2019]s\s+)?$"
)
# "About 1.7 million of Gaza's 2.1 million people": a part, counted by the whole's noun.
_OF_WHOLE_RE = caseless(
    r"\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|[\w'\u2019-]+['\u2019]s\s+)"
    r"[\d.,]+(?:\s*(?:million|thousand))?\s+(?:people|residents|inhabitants|civilians)\b"
)
_NOT_PEOPLE_NOUNS = frozenset({"never", "unknown", "subgroup"})
_SMALL_WORD_NUMBER = 100
_NOT_ANCHORS = frozenset({"date", "year", "ordinal", "age", "time", "bare-number", "measure"})
_GROUP_OF = {"children": Group.CHILDREN, "minors": Group.CHILDREN, "kids": Group.CHILDREN,
             "families": Group.FAMILIES}  # fmt: skip


@dataclass(slots=True)
class Reading:
    """One number of a sentence and what it counts; `rejected` says why it is no fact."""

    number: NumberMention
    hedge: Hedge | None
    group: Group | None
    adult: bool
    noun_end: int
    rule: str
    head: Reading | None = None
    anchor: Reading | None = None
    rejected: str | None = None
    metric: str | None = None
    event_rule: str = ""
    cue_start: int | None = None
    cue_end: int | None = None
    value_scale: int = 1

    @property
    def start(self) -> int:
        """Return where the reading's words start (its hedge, else its number)."""
        return self.hedge.start if self.hedge is not None else self.number.start


def read_sentence(
    text: str,
    start: int,
    end: int,
    numbers: list[NumberMention],
    carried: Reading | None = None,
) -> list[Reading]:
    """Return a Reading for every number of the sentence text[start:end], in order.

    `carried` is the last figure of the previous sentence: the head of a subgroup in a
    sentence that opens "Of these, 300 were children.", or the count that "12,000 of them
    have left" refers to.
    """
    readings = _Trail()
    anchor = _how_many_anchor(text, start, end)
    opens_on_head = carried is not None and _OF_THESE_RE.match(text, start, end) is not None
    for number in numbers:
        refers_back = opens_on_head or _OF_THEM_AFTER_RE.match(text, number.end) is not None
        use_carried = not readings and refers_back and carried is not None
        previous = _Trail([carried]) if use_carried and carried is not None else readings
        reading = _read(text, start, number, previous, anchor)
        if reading.rule == "figure-is" and reading.anchor is None:
            # "the figure stands at 1,134": the count of the figure just before.
            reading.anchor = readings.last_counted or carried
        if reading.rejected in ("bare-number", "bare-small-number"):
            _read_count_after_place(text, reading, readings.last_counted or carried)
        readings.append(reading)
    return list(readings)


class _Trail(list[Reading]):
    """The readings of a sentence so far, with the nearest counted one and the nearest head
    kept as they are appended: a sentence of thousands of bare numbers stays linear.

    A reading is final once appended (framing, which can reject it, runs later)."""

    def __init__(self, readings: list[Reading] | None = None) -> None:
        super().__init__()
        self.last_counted: Reading | None = None
        self.head: Reading | None = None
        self._ids: set[int] = set()
        for reading in readings or []:
            self.append(reading)

    def append(self, reading: Reading) -> None:
        """Add a reading and update what the next one can refer back to."""
        super().append(reading)
        self._ids.add(id(reading))
        counted = reading.rejected not in _NOT_ANCHORS
        if counted:
            self.last_counted = reading
        if counted or reading.group is not None:
            self.head = reading

    def holds(self, reading: Reading | None) -> bool:
        """Return whether this very reading (not an equal one) is in the trail."""
        return reading is not None and id(reading) in self._ids


def _read(
    text: str,
    sentence_start: int,
    number: NumberMention,
    previous: _Trail,
    anchor: Group | None,
) -> Reading:
    noun = read_noun(text, number.end)
    if number.kind == "year" and (
        noun.kind == "group"
        or _OBJECT_VERB_RE.search(text, max(0, number.start - 40), number.start)
    ):
        number = replace(number, kind="count")  # "2036 people", "evacuated 1931": no year
    reading = Reading(number, None, None, False, noun.end, "")
    if not number.usable:
        reading.rejected = number.kind
        return reading
    if noun.kind in _NOT_PEOPLE_NOUNS:
        reading.rejected = noun.reason or noun.kind  # km, drones, staff, an unknown noun...
        return reading
    reading.hedge = hedge_before(text, number.start)
    if money_before(text, number.start):
        reading.rejected = "money"
        return reading
    lead = text[max(sentence_start, reading.start - 30) : reading.start]
    if _POSSESSIVE_RE.search(lead) and not _PARENT_WITH_CHILDREN_RE.search(lead):
        reading.rejected = "family-composition"
        return reading
    if _PROPORTION_BASE_RE.search(lead):
        reading.rejected = "proportion-base"  # "80 percent of the 6,000 residents"
        return reading
    if _DERIVED_RE.search(lead):
        reading.rejected = "derived-total"  # "46 out of 47": the 47 is no count of its own
        return reading
    _assign_group(text, reading, noun, previous, anchor, lead)
    if reading.rejected is None and subset_after(text, reading.noun_end):
        reading.rejected = "subset"
    elif reading.rejected is None and actor_subset(
        text, sentence_start, reading.start, reading.noun_end
    ):
        reading.rejected = "actor-subset"
    return reading


def _assign_group(
    text: str,
    reading: Reading,
    noun: NounReading,
    previous: _Trail,
    anchor: Group | None,
    lead: str,
) -> None:
    of_whom = (
        _OF_WHOM_AFTER_RE.match(text[noun.end : noun.end + 40]) if noun.kind == "bare" else None
    )
    head = previous.head if _HEAD_BEFORE_RE.search(lead) or _MOTHER_OF_RE.search(lead) else None
    if head is not None and head.group is None and _WEAK_HEAD_RE.search(lead):
        head = None  # "ten buses with 400 passengers": only a person count heads a subgroup
    if head is None and noun.kind == "group":
        head = _bracketed_head(text, reading, noun, previous)
    if noun.kind == "group":
        reading.group, reading.rule = noun.group, "number-noun"
    elif noun.kind == "adult":
        reading.group, reading.adult, reading.rule = Group.PEOPLE, True, "adult-only-count"
    elif of_whom is not None:
        word = of_whom.group("noun").lower()
        reading.group = _GROUP_OF.get(word, Group.PEOPLE)
        reading.adult = word in ("women", "adults")
        reading.noun_end = noun.end + of_whom.end()
        reading.rule = "subgroup-of-head"
        head = previous.head
    elif noun.kind == "bare":
        _read_bare(text, reading, previous, anchor)
        return
    else:
        reading.rejected = noun.reason or noun.kind
        return
    if head is not None:
        reading.head = head
        reading.rule = "subgroup-of-head"


def _part_by_origin(text: str, reading: Reading, last: Reading | None) -> bool:
    """PART-BY-ORIGIN: "Twelve of them came from Kivsharivka and seventeen from the Borova
    community": parts of the count just before, by where they came from. Return True when
    the reading is one (its group and anchor then set)."""
    if last is None or last.group is None:
        return False
    of_them = _OF_THEM_FROM_RE.match(text, reading.noun_end)
    if of_them is not None:
        whole = last.head or last  # "Forty-two people, five of them children": the 42
        reading.group, reading.rule, reading.anchor = whole.group, "part-by-origin", whole
        reading.noun_end = of_them.start("rest")
        return True
    if last.rule == "part-by-origin" and _GAPPED_FROM_RE.match(text, reading.noun_end):
        reading.group, reading.rule, reading.anchor = last.group, "part-by-origin", last.anchor
        return True
    return False


def _bracketed_head(
    text: str, reading: Reading, noun: NounReading, previous: _Trail
) -> Reading | None:
    """BRACKETED-SUBGROUP: "318 people (30 children)": a count of another group in
    brackets right after a people count is a part of it."""
    last = previous[-1] if previous else None
    if (
        last is None
        or last.group != Group.PEOPLE
        or noun.group in (None, Group.PEOPLE)
        or not _BRACKET_RE.fullmatch(text, last.noun_end, reading.start)
    ):
        return None
    return last


def _read_bare(text: str, reading: Reading, previous: _Trail, anchor: Group | None) -> None:
    before = text[max(0, reading.start - 90) : reading.start]
    last = previous.last_counted
    if _part_by_origin(text, reading, last):
        return
    if _OF_WHOLE_RE.match(text, reading.noun_end):
        reading.group, reading.rule = Group.PEOPLE, "part-of-whole"
        return
    if _OBJECT_VERB_RE.search(before):
        # "rescuers evacuated 48,751": the verb governs the number, whatever came before.
        group = last.group if last is not None and last.group is not None else Group.PEOPLE
        reading.group, reading.rule = group, "bare-object"
        return
    if _FAMILY_OF_RE.search(before):
        reading.group, reading.rule = Group.PEOPLE, "family-of-n"
        if _INCLUDED_FAMILY_RE.search(before) and previous.last_counted is not None:
            reading.rejected = "subset"  # "including a family of five": inside the total
        return
    if _OF_EVACUEES_RE.search(before):
        # "Of the evacuees, 1,450 came from Lyptsi": a part, by origin, of those evacuated.
        reading.group, reading.rule = Group.PEOPLE, "part-of-evacuees"
        return
    number_of = _NUMBER_OF_RE.search(before)
    if number_of is not None:
        noun = number_of.group("noun").lower()
        reading.group, reading.rule = _GROUP_OF.get(noun, Group.PEOPLE), "number-of"
        return
    if _NUMBER_IS_RE.search(before):
        reading.group, reading.rule = Group.PEOPLE, "figure-is"  # "the number fell to"
        return
    if _POPULATION_IS_RE.search(before):
        reading.group, reading.rule = Group.PEOPLE, "population-is"
        return
    # "seventeen more left", "the remaining eleven were taken out": a count of the rest.
    more = _MORE_AFTER_RE.match(text, reading.number.end) is not None or (
        _REST_BEFORE_RE.search(text, max(0, reading.start - 16), reading.start) is not None
    )
    if reading.number.words and reading.number.high < _SMALL_WORD_NUMBER and not more:
        reading.rejected = "bare-small-number"  # "one of them", "six of the community"
        return
    if (last is None or last.rejected == "unknown-noun" or more) and _BARE_SUBJECT_RE.match(
        text, reading.number.end
    ):
        # "burst two dams, and a further 6,085 were displaced": only people are displaced.
        reading.group, reading.rule = Group.PEOPLE, "bare-subject"
        return
    if last is not None and last.group is not None:
        # "318 residents, including 24 children; seventeen more left": the whole, not the part.
        source = _whole(last) if previous.holds(last.head) else last
        reading.group, reading.rule = source.group, "bare-ellipsis"
        reading.adult, reading.anchor = source.adult, source
        if last.rejected is not None:
            reading.rejected = last.rejected
        _carry_multiplier(text, reading, last)
        return
    if last is None and anchor is not None:
        reading.group, reading.rule = anchor, "how-many-anchor"
        return
    reading.rejected = last.rejected if last is not None and last.rejected else "bare-number"


def _read_count_after_place(text: str, reading: Reading, earlier: Reading | None) -> None:
    """COUNT-AFTER-PLACE: a bare number in brackets or after a dash right after a place name
    ("the Kupiansk hromada (21)", "the Kramatorsk district — 131, including ...") counts
    what the figure before it counted."""
    if earlier is None or earlier.rejected is not None:
        return
    number = reading.number
    before = _COUNT_AFTER_PLACE_RE.search(text, max(0, number.start - 40), number.start)
    if before is None:
        return
    closer = _BRACKET_CLOSE_RE if before.group("open") == "(" else _DASH_ITEM_END_RE
    if closer.match(text, number.end) is None:
        return
    whole = _whole(earlier)
    if whole.group is None:
        return
    reading.group, reading.adult, reading.rule = whole.group, whole.adult, "count-after-place"
    reading.anchor, reading.rejected = whole, None


def _whole(reading: Reading) -> Reading:
    """Return the figure a subgroup belongs to ("nine of them children" -> the 47 residents)."""
    head = reading.head
    return head if head is not None and head.group is not None else reading


def _carry_multiplier(text: str, reading: Reading, last: Reading) -> None:
    number = reading.number
    if _OF_THEM_AFTER_RE.match(text, number.end):
        return  # "4 thousand left, some 300-400 of them last week": a part, in its own units
    if last.number.scaled and not number.scaled and number.high < 1000 <= last.number.high:
        reading.value_scale = 1_000_000 if last.number.high >= 1_000_000 else 1000
        reading.rule = "implied-multiplier"


def _how_many_anchor(text: str, start: int, end: int) -> Group | None:
    match = _HOW_MANY_RE.search(text, start, end)
    if match is None:
        return None
    noun = read_noun(" " + match.group("noun"), 0)
    return noun.group if noun.kind == "group" else None
