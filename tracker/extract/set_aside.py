"""Place names that are not where people are counted, and names read at a wider level.

Set aside: the speaker's office ("Sumy Regional Military Administration"), a destination
("evacuated to Kharkiv", "the Cherkasy region designated to receive them"), a partial area
("mostly in West Bengal"), a venue ("told reporters in Dhaka"), a person's surname
("police chief Oleksii Kharkivskyi"), a bearing ("85 miles
southwest of Dhaka"), a possessive container ("Gaza's city of Rafah"), a dateline, and a
name that is part of another name or a part of a city ("Kakhovka dam", "the Tsentralnyi
neighbourhood").
"""

from __future__ import annotations

import re

from tracker.extract.caseless import caseless
from tracker.places import Mention, Unit

__all__ = ["possessor", "regional", "regional_office", "set_aside"]

_FIRST_LEVEL = frozenset({"oblast", "admin1"})
_ORG_AFTER_RE = caseless(
    r"\s*(?:regional\s+|oblast\s+|city\s+|district\s+|town\s+|village\s+|community\s+)?"
    r"(?:military|state|civil|civilian|defen[cs]e|police|administration|council|"
    r"headquarters|prosecutor|court|council)\b"
)
_REGIONAL_OFFICE_AFTER_RE = caseless(
    r"\s*(?P<level>(?:regional|oblast)\s+)?(?:military\s+|state\s+|civil\s+|civilian\s+)?"
    r"(?:administration|council|authorities|police|governor)\b"
)
_REGIONAL_NAME_RE = caseless(r"\b(?:regional|oblast|region)$")
_DESTINATION_BEFORE_RE = caseless(
    r"\b(?:to|towards|into|for|direction\s+of|reach\w*)\s+(?:the\s+)?$"
)
# "most of them for Dnipro and Zaporizhzhia": a name listed after a destination is one too.
_DESTINATION_NAME = r"[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)?"
_LISTED_DESTINATION_BEFORE_RE = re.compile(
    rf"\b(?:to|towards|into|for)\s+(?:the\s+)?{_DESTINATION_NAME}"
    rf"(?:\s*,\s*{_DESTINATION_NAME}){{0,4}}\s*(?:,\s*|\s+and\s+|\s+or\s+)$"
)
_DESTINATION_AFTER_RE = caseless(r"[^.;]{0,30}\b(?:to\s+receive|will\s+receive|received\s+them)\b")
_PARTIAL_BEFORE_RE = caseless(
    r"\b(?:mostly|mainly|largely|mostly\s+in|including|especially|particularly|such\s+as)\s+"
    r"(?:in\s+|from\s+)?(?:the\s+)?$"
)
_VENUE_BEFORE_RE = caseless(
    r"\b(?:told\s+\w+|said|speaking|spoke|briefing|conference|reported|wrote)\s+(?:in|from)\s+$"
)
# "police chief Oleksii Kharkivskyi", "Governor Oleh Syniehubov": a surname after a title
# and a first name is a person, not a place.
_TITLES = frozenset(
    [
        "chief",
        "head",
        "governor",
        "mayor",
        "minister",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "commander",
        "director",
        "deputy",
        "president",
        "official",
        "officer",
        "secretary",
        "chair",
        "chairman",
        "chairwoman",
        "colonel",
        "general",
        "lieutenant",
        "captain",
    ]
)
# "by evacuation train from Pavlohrad": where a vehicle left from is a transit point.
_VEHICLES = frozenset(
    ["train", "trains", "bus", "buses", "flight", "flights", "plane", "planes", "ferry", "ferries"]
)
_TRANSIT_WORDS = frozenset({"from", "via", "through"})
# "85 miles southwest of Dhaka" is a bearing; "in the north of Shostka district" is inside it.
_BEARING_BEFORE_RE = caseless(
    r"(?<!the\s)\b(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?"
    r"\s+of\s+$"
)
# "KHARKIV - Over the past week...": the dateline names where the report was filed; a
# number after the dash makes a list item instead ("Pokrovsk district - 318 people").
_DATELINE_AFTER_RE = re.compile(r"\s*(?:\([^)]{0,30}\)\s*)?[-\u2013\u2014]\s(?!\s*\d)")
_LINE_START_RE = re.compile(r"(?:^|[\n.!?]\s*)$")
_CONTAINER_AFTER_RE = re.compile(r"['\u2019]s\b")
_REGION_CONTEXT_RE = caseless(
    r"\b(?:settlements|villages|communities|districts|towns|areas)\s+(?:in|of)\s+(?:the\s+)?$"
)
_LEVEL_WORD_RE = caseless(
    r"\b(?:district|raion|rayon|region|oblast|community|hromada|province|state|county)s?\b"
)
# A place name that is part of another name: "Kakhovka dam", "Kupiansk direction".
_PART_OF_NAME_RE = caseless(
    r"\s*(?:dam|reservoir|power\s+plant|hpp|npp|tpp|airport|railway\s+station|station|"
    r"bridge|river|offensive|operation|brigade|highway|road|neighbou?rhoods?|"
    r"micro-?districts?|streets?|avenue|quarter|square)\b"
)


def set_aside(text: str, start: int, end: int) -> bool:
    """Return True when the place name at text[start:end] is not where people are counted."""
    # The regexes read the 30 characters before the name and the 60 after it, in place.
    reach, after = max(0, start - 30), end + 60
    before = text[reach:start]
    return bool(
        _ORG_AFTER_RE.match(text, end, after)
        or _PART_OF_NAME_RE.match(text, end, after)
        or _DESTINATION_BEFORE_RE.search(text, reach, start)
        or _listed_destination(text, start)
        or _DESTINATION_AFTER_RE.match(text, end, after)
        or _PARTIAL_BEFORE_RE.search(text, reach, start)
        or _VENUE_BEFORE_RE.search(text, reach, start)
        or _BEARING_BEFORE_RE.search(text, reach, start)
        or _after_title_and_name(before)
        or _after_vehicle_from(before)
        or possessor(text, end)
        or (
            _DATELINE_AFTER_RE.match(text, end, after) is not None
            and _LINE_START_RE.search(before) is not None
        )
    )


def regional_office(text: str, start: int, end: int) -> bool:
    """Return True when the name at text[start:end] names a regional office ("Sumy regional
    military administration", "the Donetsk Oblast Military Administration"): no figure's
    place, but the region the speaker answers for (not a city's council)."""
    office = _REGIONAL_OFFICE_AFTER_RE.match(text, end)
    if office is None:
        return False
    return bool(office.group("level")) or _REGIONAL_NAME_RE.search(text, start, end) is not None


def _listed_destination(text: str, start: int) -> bool:
    """Return True when the name at `start` is listed after a destination."""
    joint = text[max(0, start - 5) : start]
    if "," not in joint and "and" not in joint and "or" not in joint:
        return False  # most names follow no list: skip the regex
    return _LISTED_DESTINATION_BEFORE_RE.search(text, max(0, start - 80), start) is not None


def possessor(text: str, end: int) -> bool:
    """Return True when the name ending at `end` owns the next one ("Sindh's Dadu district"):
    it is no figure's place, but it is the region around the owned one."""
    return _CONTAINER_AFTER_RE.match(text, end) is not None


def _after_title_and_name(before: str) -> bool:
    words = before.split()
    return len(words) >= 2 and words[-1][:1].isupper() and words[-2].lower() in _TITLES


def _after_vehicle_from(before: str) -> bool:
    words = before.lower().split()
    if words and words[-1] == "the":
        words.pop()
    return len(words) >= 2 and words[-1] in _TRANSIT_WORDS and words[-2] in _VEHICLES


def regional(text: str, mention: Mention, unit: Unit) -> Unit:
    """Read "settlements in Zaporizhzhia" as the oblast when the name also names one."""
    if _LEVEL_WORD_RE.search(mention.surface):
        return unit  # "settlements in the Sumy district": the level is written out
    if unit.level in _FIRST_LEVEL or not _REGION_CONTEXT_RE.search(
        text, max(0, mention.start - 40), mention.start
    ):
        return unit
    wider = [u for u in mention.resolution.candidates if u.level in _FIRST_LEVEL]
    return wider[0] if wider else unit
