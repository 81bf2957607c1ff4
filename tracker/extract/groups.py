"""What a number counts: the noun after it, read against closed lexicons.

A number is followed by a person group (people, children, families), an adult-only or a
subgroup noun the schema cannot hold, a noun that is never a fact (km, drones, troops,
staff, money...), an unknown noun (also never a fact), or nothing at all ("a bare
number", which later rules may tie to an earlier figure: "the community about 140").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.extract.caseless import caseless
from tracker.model import Group

__all__ = ["BARE_SUBJECT_VERBS", "NounReading", "may_count_people", "read_noun"]

_PEOPLE = frozenset(
    [
        "people",
        "persons",
        "person",
        "individuals",
        "residents",
        "inhabitants",
        "civilians",
        "citizens",
        "locals",
        "evacuees",
        "idps",
        "refugees",
        "arrivals",
        "newcomers",
        "villagers",
        "townspeople",
        "tourists",
        "visitors",
        "passengers",
        "patients",
        "pensioners",
        "seniors",
        "migrants",
        "returnees",
        "ukrainians",
        "souls",
        "holidaymakers",
        "campers",
        "population",
        "dwellers",
        "occupants",
        "survivors",
    ]
)
_CHILDREN = frozenset(
    ["children", "child", "kids", "minors", "infants", "babies", "newborns", "teenagers"]
)
_FAMILIES = frozenset(["families", "family"])
_ADULTS = frozenset(["adults", "adult", "men", "women"])
_SUBGROUPS = frozenset(["orphans", "bedridden", "disabled", "wheelchair", "immobile"])
_NEVER_PEOPLE = {
    "casualty": "soldiers troops servicemen military invaders occupiers fighters militants "
    "terrorists hostages prisoners pows bodies dead victims wounded injured killed",
    "staff": "volunteers staff employees workers rescuers officers police policemen "
    "firefighters doctors medics nurses specialists personnel crew crews teachers "
    "members journalists deputies officials operators guards",
    "school": "pupils students schoolchildren learners graduates",
    "host": "homeowners hosts landlords",
}
_NEVER_UNITS = {
    "place-count": "settlements settlement communities community villages village towns town "
    "cities city districts district regions region oblasts hromadas raions areas zones "
    "neighborhoods neighbourhoods streets addresses countries states provinces sites",
    "transport": "routes buses bus trains train flights aircraft airplanes planes "
    "helicopters boats vessels ships vehicles cars trucks ambulances convoys carriages "
    "wagons trips",
    "distance": "km kilometres kilometers kilometre kilometer miles mile meters metres "
    "feet ft hectares acres mph kmh yards cm centimetres centimeters inches mm millimetres",
    "building": "homes houses house buildings apartments flats caravans tents shelters "
    "shelter places beds spaces camps points centres centers hubs schools hospitals "
    "kindergartens institutions facilities objects rooms classrooms seats plots",
    "request": "requests applications calls appeals hotlines lines documents cases alerts "
    "warnings messages notifications",
    "weapon": "shells drones missiles rockets uavs bombs strikes attacks mines rounds",
    "time": "times days day hours hour weeks week months month years year minutes "
    "seconds nights decades",
    "measure": "percent per cent tons tonnes kg kilograms litres liters degrees fold",
    "money": "uah hryvnias hryvnia hryvnas dollars euros usd eur rubles roubles pounds",
    "organisation": "organizations organisations teams units brigades groups agencies "
    "packages kits meals sets tunnels",
}
_UNIT_REASON = {
    word: reason
    for reason, words in {**_NEVER_PEOPLE, **_NEVER_UNITS}.items()
    for word in words.split()
}
# Words after a number that show it stands alone ("about 70 have left", "now has 80;").
_CLOSED = frozenset(
    [
        "of",
        "in",
        "at",
        "from",
        "to",
        "for",
        "on",
        "by",
        "with",
        "and",
        "or",
        "but",
        "have",
        "has",
        "had",
        "are",
        "is",
        "was",
        "were",
        "will",
        "would",
        "could",
        "can",
        "may",
        "might",
        "be",
        "been",
        "being",
        "now",
        "still",
        "already",
        "who",
        "which",
        "that",
        "whom",
        "before",
        "after",
        "since",
        "during",
        "a",
        "an",
        "the",
        "this",
        "these",
        "those",
        "remain",
        "remained",
        "remains",
        "left",
        "live",
        "lived",
        "living",
        "stay",
        "stayed",
        "fled",
        "evacuated",
        "moved",
        "came",
        "come",
        "arrived",
        "were",
        "out",
        "there",
        "here",
        "then",
        "today",
        "yesterday",
        "so",
        "as",
        "than",
        "it",
        "they",
        "he",
        "she",
        "we",
        "more",
        "while",
        "each",
        "every",
        "daily",
        "per",
    ]
)
_ADJECTIVE_SKIP = 3
_MORE_BEFORE_NOUN_RE = caseless(r"\s+(?:more|other|further|additional)(?=\s+[a-z])(?!\s+than\b)")
_PARTITIVE_RE = caseless(r"\s+of\s+(?:its|their|the|these|those|our)\s")
_POSTFIX_HEDGE_RE = caseless(r"\s+or\s+(?:so|more)\b")
# Modifiers that make a person noun the hosts, not the housed (guidelines 3.1).
_HOST_MODIFIERS = frozenset({"host", "hosting", "foster", "receiving"})
# A word may hold an apostrophe ("people's") but not end on a closing quote ("people'").
_TOKEN_RE = re.compile(
    r"[\s(]*([^\W\d_]\w*(?:['\u2019]\w+)*(?:-[^\W\d_]\w*(?:['\u2019]\w+)*)*)|[\s]*([%$€£₴])"
)
_SUBGROUP_AFTER_RE = caseless(
    r"^\s+(?:with\s+(?:disabilit|limited\s+mobility|reduced\s+mobility|special\s+needs)|"
    r"deprived\s+of\s+parental\s+care|without\s+parental\s+care)"
)
_DEMONYM_RE = re.compile(r"^[A-Z][a-z]+(?:ians|ans|is|ese|ers)$")
# The verbs whose bare subject is a count of people ("a further 45 were taken out",
# "about 3,000 still live there"): (first word, pattern). Their first words are hint stems.
BARE_SUBJECT_VERBS: tuple[tuple[str, str], ...] = (
    ("left", r"left\b"),
    ("leave", r"leave\b"),
    ("remain", r"remain(?:s|ed)?\b"),
    ("stay", r"stay(?:s|ed|ing)?\b"),
    ("live", r"(?:live|lives|living)\b"),
    ("evacuated", r"evacuated\b"),
    ("fled", r"fled\b"),
    ("relocated", r"relocated\b"),
    ("displaced", r"displaced\b"),
    ("rescued", r"rescued\b"),
    ("airlifted", r"airlifted\b"),
    ("moved", r"moved\b"),
    ("flown", r"flown\s+out\b"),
    ("taken", r"taken\s+out\b"),
    ("brought", r"brought\s+out\b"),
    ("transported", r"transported\b"),
    ("accommodated", r"accommodated\b"),
    ("sheltered", r"sheltered\b"),
    ("housed", r"housed\b"),
)
# A sentence can hold a person count only if it names people or an evacuation: the
# words of the group lexicons, demonyms, and the verbs that take a bare number.
_HINT_WORDS = frozenset(
    _PEOPLE
    | _CHILDREN
    | _FAMILIES
    | _ADULTS
    | {"population", "figure", "number", "count", "total", "many", "left", "fled", "them"}
    | {"whom", "these", "those"}
)
_HINT_STEMS = (
    "evacu",
    "rescu",
    "reloca",
    "famil",
    "remain",
    "displac",
    "airlift",
    *(first for first, _ in BARE_SUBJECT_VERBS),  # "stayed", "lives"
)
_WORD_RE = re.compile(r"[A-Za-z][\w'\u2019-]*")


@dataclass(frozen=True, slots=True)
class NounReading:
    """What follows a number.

    `kind` is "group" (with `group` set), "adult", "subgroup", "never" (a noun that is
    never a fact; `reason` says which class), "unknown" (a noun in no lexicon) or "bare".
    `end` is where the noun ends (the number's end for a bare number).
    """

    kind: str
    group: Group | None
    end: int
    reason: str


def may_count_people(text: str, start: int, end: int) -> bool:
    """Return False when text[start:end] names no people and no evacuation at all."""
    for match in _WORD_RE.finditer(text, start, end):
        word = match.group()
        lowered = word.lower()
        if lowered in _HINT_WORDS or lowered.startswith(_HINT_STEMS):
            return True
        if word[0].isupper() and _DEMONYM_RE.match(word):
            return True
    return False


def read_noun(text: str, number_end: int) -> NounReading:
    """Return what the number ending at `number_end` counts, from the words after it."""
    postfix = _POSTFIX_HEDGE_RE.match(text, number_end)
    pos = number_end if postfix is None else postfix.end()  # "1,000 or so people"
    more = _MORE_BEFORE_NOUN_RE.match(text, pos)  # "24 more residents", "300 other people"
    pos = pos if more is None else more.end()
    partitive = _PARTITIVE_RE.match(text, pos)
    if partitive is not None:  # "36 of its residents", "2 000 of the evacuees"
        noun = read_noun(text, partitive.end() - 1)
        if noun.kind == "group":
            return noun
    first = True
    modifiers: list[str] = []
    for _ in range(_ADJECTIVE_SKIP + 1):
        match = _TOKEN_RE.match(text, pos)
        if match is None:
            break
        if match.group(2):
            return NounReading(
                "never", None, match.end(), "measure" if match.group(2) == "%" else "money"
            )
        word = match.group(1)
        reading = _classify(text, word, match.end())
        if reading is not None:
            if reading.kind == "group" and _HOST_MODIFIERS.intersection(modifiers):
                return NounReading("never", None, reading.end, "host")  # "312 host families"
            return reading
        if word.lower() in _CLOSED:
            break
        modifiers.append(word.lower())
        first = False
        pos = match.end()
    if first:
        return NounReading("bare", None, number_end, "")
    return NounReading("unknown", None, pos, "unknown-noun")


def _classify(text: str, word: str, end: int) -> NounReading | None:
    lowered = word.lower()
    last = lowered.rsplit("-", 1)[-1]
    if lowered in _PEOPLE or last in _PEOPLE or _DEMONYM_RE.match(word):
        if _SUBGROUP_AFTER_RE.match(text[end : end + 40]):
            return NounReading("subgroup", None, end, "subgroup")
        return NounReading("group", Group.PEOPLE, end, "")
    if lowered in _CHILDREN:
        if _SUBGROUP_AFTER_RE.match(text[end : end + 40]):
            return NounReading("subgroup", None, end, "subgroup")
        return NounReading("group", Group.CHILDREN, end, "")
    if lowered in _FAMILIES:
        return NounReading("group", Group.FAMILIES, end, "")
    if lowered in _ADULTS:
        return NounReading("adult", None, end, "adult-only")
    if lowered in _SUBGROUPS or "mobility" in lowered:
        return NounReading("subgroup", None, end, "subgroup")
    reason = _UNIT_REASON.get(lowered) or _UNIT_REASON.get(last)
    if reason is not None:
        return NounReading("never", None, end, reason)
    return None
