"""Names of places the gazetteer lacks, read from how the sentence writes them.

- UNKNOWN-PLACE: a capitalised name after a locative preposition or a verb of leaving
  ("in Jaffarabad", "fled Zamzam camp", "around El Fasher"), or a name with a level word
  as a subject ("the Tawila locality now hosts ...");
- TIGHT-UNKNOWN: such a name right after the figure ("15,000 people in the Buzi
  district", "residents of Yellowknife", "people in Hay River and Fort Smith");
- a name with a level word ("Dadu district", "Zamzam camp") names one unit, whose short
  name is its district; a list of names names no one district;
- NOT-A-PLACE: a name that opens with a month, an office or the like ("Ministry"), or
  that names an event ("Super Typhoon Man-yi", "Tropical Storm Alberto", "Operation ..."),
  is no place.
Callers drop the names the gazetteer does know.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from tracker.extract.set_aside import set_aside

__all__ = [
    "PLACE_MODIFIER",
    "PLACE_NAME",
    "UNIT_WORDS",
    "tight_name",
    "unknown_district",
    "unresolved_names",
]

# A capitalised word ("Vina", "Man-yi"), never taking an owner's "'s" ("Sindh's Dadu"); a
# name is such words, with lower-case joiners inside ("Vina del Mar", "Kafr el-Sheikh").
_WORD = r"[A-Z][a-z](?:[\w-]|['\u2019](?![sS]\b))*"
_JOINER = r"(?:al|el|de|del|della|da|do|dos|das|la|le|du|des|di)"
PLACE_NAME = rf"{_WORD}(?:\s+(?:{_JOINER}\s+)?{_WORD})*"
_NAME = PLACE_NAME
# "from the town of Opava": the level word belongs to the name as written.
_SETTLEMENT_OF = r"(?:(?:town|city|village)\s+of\s+)"
# "in neighbouring Jacobabad", "from flood-hit Dadu": the name after a place adjective.
PLACE_MODIFIER = (
    r"(?:(?:neighbou?ring|nearby|northern|southern|eastern|western|central|coastal|frontline|"
    r"front-line|flooded|flood-hit|hard-hit|quake-hit|fire-hit)\s+)?"
)
# "in Sindh's Dadu district": the owner is the region, the owned name the place.
_OWNER = r"(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?['\u2019]s\s+)?"
# Units below a region abroad: the name before the word is the figure's district.
_SUB_UNITS = r"(?:township|upazila|tehsil|taluka|commune|prefecture|town)"
# "the Parshuram upazila of Feni": a unit inside a district, written with that district.
_OF_WHOLE = rf"(?:(?<=upazila)\s+of\s+{PLACE_NAME}|(?<=tehsil)\s+of\s+{PLACE_NAME})?"
_WHOLE_AFTER_RE = re.compile(rf"\s(?:upazila|tehsil)\s+of\s+(?P<whole>{PLACE_NAME})$")
UNIT_WORDS = rf"(?:locality|district|province|county|municipality|governorate|camp|{_SUB_UNITS})"
_UNKNOWN_PLACE_RE = re.compile(
    r"\b(?i:in|from|of|on|near|around|inside|within|across|throughout|leave|left|fled|flee)"
    rf"\s+(?:the\s+)?{PLACE_MODIFIER}{_OWNER}(?P<name>{_SETTLEMENT_OF}?{_NAME}"
    rf"(?:(?:,\s*|,?\s+and\s+){_NAME})*"
    r"(?:\s+(?:region|province|state|county|district|oblast|areas?|city|island|islands|"
    rf"locality|municipality|governorate|camp|wards?|villages|{_SUB_UNITS}))?{_OF_WHOLE})"
    rf"|\bthe\s+(?P<unit>{_NAME}\s+{UNIT_WORDS})\b"
)
_NOT_PLACES = frozenset(
    re.findall(
        r"\S+",
        """
    January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday The This That These Those
    Russian Ukrainian Russia's Ukraine's State Emergency Service Ministry Police National
    Interior Defense Defence Regional Military Administration Council Office President
    Prime Deputy Head Governor Mayor Red Cross United Nations International Organization
    Telegram Facebook Storm Cyclone Hurricane Typhoon Highway Route Street Avenue Mr Mrs Ms
    Eid Ramadan Christmas Easter Passover Hanukkah Diwali Nowruz Independence Victory
    Mount Mt Lake River Volcano
    """,
    )
)
# Words that end the name of a landmark, not of a place people live in: "Mayon Volcano".
_LANDMARK_WORDS = frozenset(
    ("Volcano", "River", "Lake", "Dam", "Bridge", "Mountain", "Mountains", "Sea", "Bay")
)
# Words that make a name an event: a storm, a disaster, an operation.
_EVENT_WORDS = frozenset(
    re.findall(
        r"\S+",
        "Storm Storms Cyclone Hurricane Typhoon Depression Earthquake Wildfire Wildfires Fire "
        "Flood Floods Operation Offensive",
    )
)
_TIGHT_NAME_RE = re.compile(
    rf"\s+(?:from|in|of)\s+(?:the\s+)?(?P<name>{_SETTLEMENT_OF}?{_NAME}(?:(?:,\s*|\s+and\s+){_NAME})*"
    r"(?:\s+(?:district|province|county|locality|municipality|governorate|camp|island|"
    rf"{_SUB_UNITS})s?)?{_OF_WHOLE})\b"
)
_JOINED_RE = re.compile(r",\s|\sand\s")
_SETTLEMENT_OF_RE = re.compile(rf"^{_SETTLEMENT_OF}(?P<name>{PLACE_NAME})$")
# A province, like a region, is a first-level unit: its name is no district.
_UNIT_WORD_RE = re.compile(
    rf"\s+(?:district|county|locality|municipality|governorate|camp|island|{_SUB_UNITS})$",
    re.IGNORECASE,
)


def unresolved_names(
    text: str, start: int, end: int, known: Sequence[tuple[int, int]]
) -> Iterator[tuple[int, int]]:
    """Yield the spans of the place-like names in text[start:end] that overlap none of the
    `known` spans (names the gazetteer resolves), in order."""
    for match in _UNKNOWN_PLACE_RE.finditer(text, start, end):
        group = "name" if match.group("name") else "unit"
        a, b = match.span(group)
        if any(k0 < b and a < k1 for k0, k1 in known):
            continue
        if not _not_a_place(match.group(group)) and not set_aside(text, a, b):
            yield a, b


def _not_a_place(name: str) -> bool:
    """Return True for a capitalised name that is no place (see NOT-A-PLACE above)."""
    words = name.split()
    return (
        words[0] in _NOT_PLACES
        or words[-1] in _LANDMARK_WORDS
        or any(word in _EVENT_WORDS for word in words)
    )


def tight_name(text: str, end: int, known: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """Return the span of a place-like name written right after a figure ending at `end`,
    unless it overlaps one of the `known` spans."""
    match = _TIGHT_NAME_RE.match(text, end)
    if match is None:
        return None
    a, b = match.span("name")
    if any(k0 < b and a < k1 for k0, k1 in known) or _not_a_place(match.group("name")):
        return None
    return None if set_aside(text, a, b) else (a, b)


def unknown_district(name: str) -> str | None:
    """Return the district a place name the gazetteer lacks gives ("Dadu district" ->
    Dadu, "Parshuram upazila of Feni" -> Feni), or None for a bare name or a list."""
    if _JOINED_RE.search(name):
        return None
    whole = _WHOLE_AFTER_RE.search(name)
    if whole is not None:
        return whole.group("whole")  # "Parshuram upazila of Feni" -> Feni
    settlement = _SETTLEMENT_OF_RE.match(name)
    if settlement is not None:
        return settlement.group("name")  # "town of Opava" -> Opava
    level = _UNIT_WORD_RE.search(name)
    return None if level is None else name[: level.start()].strip()
