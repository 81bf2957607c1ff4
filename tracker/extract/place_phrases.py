"""Place phrases the gazetteer cannot resolve, read from the shape of the sentence.

- SCENE-PHRASE: a sentence-initial "In Dadu district alone, ...", "In Hay River, ..." or
  "Tawila, which ..."
  sets the place of the sentence's figures, over the document's lead;
- POSSESSIVE-COUNT: "Yellowknife's roughly 20,000 residents" counts people of Yellowknife;
- CITY-COMMA-REGION: "in Grande Prairie, Alberta" names the city, not the region.
"""

from __future__ import annotations

import re

from tracker.extract.unknown_places import PLACE_MODIFIER, PLACE_NAME

__all__ = ["city_before_region", "possessive_before", "scene_phrase"]

_NAME = PLACE_NAME
_SCENE_RE = re.compile(
    rf"\s*(?:(?:In|Across|Throughout)\s+(?:the\s+)?{PLACE_MODIFIER}(?P<area>{_NAME}\s+(?:district|province|"
    r"county|region|state|oblast|raion|hromada|community|municipality|camp|area))\b|"
    rf"(?P<subject>{_NAME}),\s+(?:which|where|whose|home\s+to)\b|"
    rf"In\s+(?P<town>{_NAME}),)"
)
_POSSESSIVE_RE = re.compile(rf"(?P<name>{_NAME})['\u2019]s\s+(?:(?:[a-z]+\s+){{0,2}})$")
_CITY_COMMA_RE = re.compile(rf"\b(?:in|at|near|from|to)\s+(?P<name>{_NAME}),\s*$")
_NOT_NAMES = frozenset(
    re.findall(
        r"\S+",
        """The This That These Those Its Their Our His Her In On At By For Since According
        Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
        May June July August September October November December""",
    )
)


def scene_phrase(text: str, sentence_start: int, sentence_end: int) -> tuple[int, int] | None:
    """Return the span of a sentence-initial place phrase ("In Dadu district alone,",
    "Tawila, which ..."), or None."""
    match = _SCENE_RE.match(text, sentence_start, sentence_end)
    if match is None:
        return None
    group = next(g for g in ("area", "subject", "town") if match.group(g))
    if match.group(group).split()[0] in _NOT_NAMES:
        return None
    return match.span(group)


def possessive_before(text: str, start: int) -> tuple[int, int] | None:
    """Return the span of "X" in "X's [hedge] N residents" ending right before `start`."""
    window = text[max(0, start - 60) : start]
    if "s " not in window or ("'s" not in window and "\u2019s" not in window):
        return None  # most figures have no possessive before them: skip the regex
    match = _POSSESSIVE_RE.search(text, max(0, start - 60), start)
    if match is None or match.group("name").split()[0] in _NOT_NAMES:
        return None
    return match.span("name")


def city_before_region(text: str, region_start: int) -> tuple[int, int] | None:
    """Return the span of the city in "in Grande Prairie, Alberta" before a region name."""
    match = _CITY_COMMA_RE.search(text, max(0, region_start - 60), region_start)
    if match is None or match.group("name").split()[0] in _NOT_NAMES:
        return None
    return match.span("name")
