"""A figure's place columns (guidelines 3.8), from a resolved place mention.

An oblast gives admin1 only; a raion gives admin2; a city or hromada gives the settlement
with its raion and oblast; `district` and `oblast` hold the guidelines' short names. A name
the gazetteer lacks keeps `location` as written (and a district when it has a level word).
"""

from __future__ import annotations

from dataclasses import dataclass

from tracker.extract.caseless import caseless
from tracker.extract.set_aside import regional, set_aside
from tracker.extract.short_names import oblast_short_name, short_name
from tracker.extract.unknown_places import unknown_district
from tracker.places import Mention, Unit
from tracker.places.fold import heavy_key, strip_adjective

__all__ = [
    "FIRST_LEVEL",
    "NOT_STATED",
    "SECOND_LEVEL",
    "Place",
    "Seen",
    "columns",
    "mention_distance",
    "unit_key",
    "unknown_place",
    "usable_mentions",
]

NOT_STATED = "(not stated)"
_CITY_LEVELS = frozenset({"city"})
_OF_THE_CITY_RE = caseless(r"\s+of\s+the\s+city\b")
_OF_RE = caseless(r"\s+of\s+")
FIRST_LEVEL = frozenset({"oblast", "admin1"})
SECOND_LEVEL = frozenset({"raion", "admin2"})


@dataclass(frozen=True, slots=True)
class Place:
    """The place columns of one figure; `units` holds folded names of the places it covers."""

    location: str
    admin1_name: str | None = None
    admin1_pcode: str | None = None
    admin2_name: str | None = None
    admin2_pcode: str | None = None
    settlement: str | None = None
    place_match: str | None = None
    units: frozenset[str] = frozenset()
    district: str | None = None
    oblast: str | None = None
    note: str = ""  # why this place: how its name was resolved


@dataclass(frozen=True, slots=True)
class Seen:
    """A usable place mention and the unit it is read as."""

    mention: Mention
    unit: Unit


def columns(seen: Seen, location: str) -> Place:
    """Return the place columns of one resolved mention, with `location` as written."""
    unit, match = seen.unit, seen.mention.resolution.match
    admin1 = unit.admin1_name or (unit.name if unit.level in FIRST_LEVEL else None)
    units = frozenset({unit_key(unit.name)})
    oblast = oblast_short_name(unit) if admin1 else None
    note = seen.mention.resolution.note
    if unit.level in FIRST_LEVEL:
        return Place(location, admin1, unit.admin1_pcode, place_match=match, units=units,
                     oblast=oblast, note=note)  # fmt: skip
    if unit.level in SECOND_LEVEL:
        return Place(location, admin1, unit.admin1_pcode, unit.name, unit.pcode, None, match,
                     units, short_name(unit), oblast, note)  # fmt: skip
    return Place(location, admin1, unit.admin1_pcode, unit.admin2_name, unit.admin2_pcode,
                 unit.name, match, units, short_name(unit), oblast, note)  # fmt: skip


def unknown_place(name: str) -> Place:
    """Return the place of a name the gazetteer lacks, as written."""
    return Place(name, district=unknown_district(name))


def unit_key(name: str) -> str:
    """Fold a unit name so that a city and its hromada meet (Toretsk = Toretska)."""
    key = strip_adjective(heavy_key(name))
    return key[:-2] if key.endswith("sk") and len(key) >= 5 else key


def mention_distance(mention: Mention, start: int, end: int) -> int:
    """Return how many characters lie between a mention and text[start:end]."""
    if mention.start >= end:
        return mention.start - end
    return max(0, start - mention.end)


def usable_mentions(text: str, mentions: list[Mention]) -> list[Seen]:
    """Return the mentions that resolve and are where people are counted, as Seen."""
    kept: list[Seen] = []
    for i, mention in enumerate(mentions):
        unit = mention.resolution.unit
        if unit is None or set_aside(text, mention.start, mention.end):
            continue
        if _city_district(text, mention, mentions[i + 1] if i + 1 < len(mentions) else None):
            continue
        kept.append(Seen(mention, regional(text, mention, unit)))
    return kept


def _city_district(text: str, mention: Mention, following: Mention | None) -> bool:
    """Return True for a district of a city, not a raion: "the Dniprovskyi district of the
    city", "the Saltivskyi district of Kharkiv" (the city is the place)."""
    unit = mention.resolution.unit
    if unit is None or unit.level not in SECOND_LEVEL:
        return False
    of_city = _OF_THE_CITY_RE.match(text, mention.end)
    if of_city is not None:
        return True
    if following is None or following.resolution.unit is None:
        return False
    return (
        following.resolution.unit.level in _CITY_LEVELS
        and _OF_RE.fullmatch(text, mention.end, following.start) is not None
    )
