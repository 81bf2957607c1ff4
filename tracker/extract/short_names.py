"""Short names as the annotation guidelines (3.8) write them, asked of the gazetteer.

A raion is named like its centre (Kupianskyi raion -> Kupiansk), a hromada like its centre
(Bilopilska -> Bilopillia), an oblast by its short name (Kharkivska -> Kharkiv); a city and
a unit outside Ukraine keep their own name. The gazetteer holds the short name among a
unit's exact names (after the canonical and native ones).
"""

from __future__ import annotations

from functools import lru_cache

from tracker.places import Unit, places
from tracker.places.gazetteer import FIRST_LEVELS

__all__ = ["oblast_short_name", "short_name"]


def short_name(unit: Unit) -> str:
    """Return the short name of `unit`: its centre's name for a raion or hromada, its
    short English name for an oblast, else its own name."""
    return _short_by_code(unit.code, unit.name, unit.native_name)


def oblast_short_name(unit: Unit) -> str | None:
    """Return the short name of the first-level unit holding `unit` (or `unit` itself),
    None when the gazetteer has none (a country)."""
    if unit.level in FIRST_LEVELS:
        return short_name(unit)
    return _oblast_by_code(unit.code)


@lru_cache(maxsize=4096)
def _short_by_code(code: str, name: str, native: str) -> str:
    gazetteer = places().gazetteer
    try:
        names = gazetteer.exact_names(gazetteer.position(code))
    except KeyError:
        return name
    return next((n for n in names[1:] if n != native and n.isascii()), name)


@lru_cache(maxsize=4096)
def _oblast_by_code(code: str) -> str | None:
    gazetteer = places().gazetteer
    try:
        i = gazetteer.position(code)
    except KeyError:
        return None
    for j in gazetteer.ancestors(i):
        unit = gazetteer.units[j]
        if unit.level in FIRST_LEVELS:
            return short_name(unit)
    return None
