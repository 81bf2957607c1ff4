"""Villages in running text: when a village's name is a place, and which homonym a text means.

Ukraine has 27,000 villages, and their names are also first names ("Oleh", "Serhii"),
surnames ("Chaus"), words of titles and, folded, English words ("Many" -> Mani). A city or
town is found wherever its name stands; a village only where the words around it make it
a place (`village_here`):

- its name is written as the gazetteer has it (the national Latin spelling or the Cyrillic
  one), or a folded spelling of seven letters or more ("Bohoyavlenka"): a short word that
  only folds onto a village is an English word or a name more often than the village;
- it stands alone among capitalised words: a capitalised word right before it (other than
  a sentence's first word) or right after it (other than a level word, or a name with its
  own level word: "Izium, Borova community") makes it part of a person's or an
  organisation's name ("Oleh Syniehubov", "Kordon.Media");
- it is not a landmark of the fighting ("broke through near Kucheriv Yar").

Homonyms (`settle_homonyms`): a village name that several raions have is a mention without
a unit until the other places of the text choose one: the candidate inside the smallest unit
the text names (a hromada, then a raion, then an oblast), or inside the smallest unit that
holds another place the text names. A choice that puts the village outside every raion the
text names in its oblast contradicts the text and is not made. A homonym nothing settles is
dropped: a name the gazetteer cannot place, as if it did not know it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from tracker.places.gazetteer import FIRST_LEVELS, SECOND_LEVELS, Gazetteer, Unit
from tracker.places.resolver import LEVEL_HINTS, Resolution

if TYPE_CHECKING:
    from tracker.places.mentions import Mention

__all__ = ["settle_by_context", "village_here"]

_FOLDED_MIN_LETTERS = 7
_LEVEL_WORDS = "|".join(sorted(LEVEL_HINTS, key=len, reverse=True))
# The capitalised word right after a name: a space apart, or glued by a dot ("Kordon.Media").
_NEXT_CAPITAL_RE = re.compile(r"(?:[^\S\n]|\.(?=\w))(?P<word>[^\W\d_][\w'\u2019\u02bc\-]*)")
_LEVEL_WORD_RE = re.compile(rf"(?:{_LEVEL_WORDS})\b", re.IGNORECASE)
_NAMED_LEVEL_AFTER_RE = re.compile(
    rf"[^\S\n]+(?:(?:territorial|urban|rural|village|settlement)[^\S\n]+)*(?:{_LEVEL_WORDS}|"
    r"громади|громада|району|області|сільської|селищної|міської)\b",
    re.IGNORECASE,
)
_WORD_BEFORE_RE = re.compile(r"(?P<word>[^\W\d_][\w'\u2019\u02bc\-`]*)[^\S\n]$")
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;\n\"\u201c\u00ab(]\s*)$")
_LANDMARK_BEFORE_RE = re.compile(r"\b(?:near|nearby|close\s+to|outside)\s+$", re.IGNORECASE)

# How strongly a unit speaks for a homonym inside it: the smaller the unit the stronger, and a
# unit the text names beats one that only holds a place the text names.
_NAMED_WEIGHT = {"hromada": 6, "admin3": 6, "raion": 4, "admin2": 4, "oblast": 2, "admin1": 2}
_HOLDING_WEIGHT = {"hromada": 5, "admin3": 5, "raion": 3, "admin2": 3, "oblast": 1, "admin1": 1}
# A town or village the category prior chose moves to a namesake only for a raion or hromada
# the text names, or a hromada holding another place it names.
_MOVABLE_LEVELS = frozenset({"town", "village"})
_MOVE_MIN_WEIGHT = 4
# A homonym is settled by an oblast the text names, or by anything smaller: a place the text
# names in the same oblast is too little (there are 125 Ivanivkas in 24 oblasts).
_SETTLE_MIN_WEIGHT = 2
_LIST_GAP_RE = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)")
_IN_CONTAINER_RE = re.compile(r",?\s+(?:in|of)\s+(?:the\s+)?", re.IGNORECASE)
_CONTAINER_LEVELS = frozenset({"raion", "hromada"})


def village_here(text: str, start: int, end: int, resolution: Resolution) -> bool:
    """Return True when the village name at text[start:end] is a place (module docstring)."""
    if resolution.match == "alias" and end - start < _FOLDED_MIN_LETTERS:
        return False
    if _LANDMARK_BEFORE_RE.search(text, max(0, start - 16), start):
        return False
    return not _capital_before(text, start) and not _capital_after(text, end)


def _capital_before(text: str, start: int) -> bool:
    """Return True when a capitalised word that starts no sentence stands right before."""
    before = _WORD_BEFORE_RE.search(text, max(0, start - 40), start)
    if before is None or not before["word"][0].isupper():
        return False
    if before["word"].endswith(("'s", "\u2019s")):
        return False  # "Kharkiv region's Hlushkivka"
    return _SENTENCE_START_RE.search(text, max(0, before.start() - 4), before.start()) is None


def _capital_after(text: str, end: int) -> bool:
    """Return True when a capitalised word that is no level word stands right after."""
    after = _NEXT_CAPITAL_RE.match(text, end)
    if after is None or not after["word"][0].isupper():
        return False
    if _LEVEL_WORD_RE.match(after["word"]):
        return False  # "Hlushkivka Village Council"
    # "Bohuslavka and Iziumske Borivska community": the next name has its own level word.
    return _NAMED_LEVEL_AFTER_RE.match(text, after.end()) is None


def settle_by_context(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """Return `mentions` with each homonym settled by the text's other places (or dropped),
    each town or village moved to its namesake inside a raion or hromada the text names, and
    without the villages of a list the text puts in a unit that does not hold them all."""
    if not any(_movable(m.resolution) for m in mentions):
        return _without_contradicted(text, mentions)
    areas = [_areas_of(m.resolution.unit, gazetteer) for m in mentions]
    named_raions = {
        gazetteer.position(u.code)
        for m in mentions
        if (u := m.resolution.unit) is not None and u.level in SECOND_LEVELS
    }
    settled: list[Mention] = []
    for k, mention in enumerate(mentions):
        resolution = mention.resolution
        unit = resolution.unit
        if not _movable(resolution):
            settled.append(mention)
            continue
        others = _merged(areas[:k] + areas[k + 1 :])
        chosen = _best(resolution.candidates, unit, gazetteer, others, named_raions)
        if chosen is not None:
            area, best = chosen
            why = f"chose {best.label} ({best.admin2_name} raion): it is in "
            note = f"{resolution.note}; {why}{gazetteer.units[area].label}, {others[area][1]}"
            settled.append(replace(mention, resolution=replace(resolution, unit=best, note=note)))
        elif unit is not None:
            settled.append(mention)
    return _without_contradicted(text, settled)


def _movable(resolution: Resolution) -> bool:
    """Return True for a homonym, or a town or village whose name other units have."""
    unit = resolution.unit
    if unit is None:
        return resolution.needs_context
    return unit.level in _MOVABLE_LEVELS and len(resolution.candidates) > 1


def _without_contradicted(text: str, mentions: list[Mention]) -> list[Mention]:
    """Return `mentions` without the villages of a list that the text puts in a raion or
    hromada ("Mala Komyshuvakha and Hrakove in Chuhuiv district") not holding them all.

    The text and the codifier disagree (an older raion, a slip): the text is what the
    reader was told, so its villages are left as names the gazetteer cannot place.
    """
    dropped: set[int] = set()
    first = 0
    for k in range(1, len(mentions) + 1):
        if k < len(mentions) and _LIST_GAP_RE.fullmatch(
            text, mentions[k - 1].end, mentions[k].start
        ):
            continue  # mentions[first:k+1] is still one list
        container = mentions[k] if k < len(mentions) else None
        listed = mentions[first:k]
        first = k
        if container is None or not _IN_CONTAINER_RE.fullmatch(
            text, listed[-1].end, container.start
        ):
            continue
        holder = container.resolution.unit
        if holder is None or holder.level not in _CONTAINER_LEVELS:
            continue
        villages = [m for m in listed if m.resolution.unit and m.resolution.unit.level == "village"]
        if any(_outside(m.resolution.unit, holder) for m in villages):
            dropped.update(id(m) for m in villages)
    return [m for m in mentions if id(m) not in dropped] if dropped else mentions


def _outside(unit: Unit | None, holder: Unit) -> bool:
    if unit is None:
        return False
    if holder.level in SECOND_LEVELS:
        return unit.admin2_pcode != holder.pcode
    return unit.admin3_pcode != holder.pcode


def _areas_of(unit: Unit | None, gazetteer: Gazetteer) -> dict[int, tuple[int, str]]:
    """Return the units a mention of `unit` speaks for: itself when it is an area (named),
    and the units holding it; each with its weight and the reason it counts."""
    if unit is None:
        return {}
    i = gazetteer.position(unit.code)
    found = {i: (_NAMED_WEIGHT.get(gazetteer.level(i), 0), "which the text names")}
    for j in gazetteer.ancestors(i):
        found[j] = (_HOLDING_WEIGHT.get(gazetteer.level(j), 0), f"which holds {unit.label}")
    return {j: value for j, value in found.items() if value[0]}


def _merged(area_lists: list[dict[int, tuple[int, str]]]) -> dict[int, tuple[int, str]]:
    merged: dict[int, tuple[int, str]] = {}
    for found in area_lists:
        for j, value in found.items():
            if value[0] > merged.get(j, (0, ""))[0]:
                merged[j] = value
    return merged


def _best(
    candidates: tuple[Unit, ...],
    unit: Unit | None,
    gazetteer: Gazetteer,
    areas: dict[int, tuple[int, str]],
    named_raions: set[int],
) -> tuple[int, Unit] | None:
    """Return (area, candidate) for the candidate in the strongest area, when the text's
    places choose one (module docstring); None to keep the mention as it is."""
    if unit is not None:  # a town or village: only its namesakes of those levels
        candidates = tuple(
            c for c in candidates if c.name == unit.name and c.level in _MOVABLE_LEVELS
        )
    scored: list[tuple[int, int, Unit]] = []
    for candidate in candidates:
        chain = gazetteer.ancestors(gazetteer.position(candidate.code))
        area = max(chain, key=lambda j: areas.get(j, (0, ""))[0])
        scored.append((areas.get(area, (0, ""))[0], area, candidate))
    best = max(weight for weight, _, _ in scored)
    top = [(area, c) for weight, area, c in scored if weight == best]
    if best < _SETTLE_MIN_WEIGHT or len({c.admin2_pcode for _, c in top}) > 1:
        return None
    area, chosen = top[0]
    if unit is not None:
        own = next(weight for weight, _, c in scored if c == unit)
        if chosen == unit or best < _MOVE_MIN_WEIGHT or own >= best:
            return None
    if _outside_named_raions(gazetteer, gazetteer.position(chosen.code), named_raions):
        return None
    return area, chosen


def _outside_named_raions(gazetteer: Gazetteer, i: int, named_raions: set[int]) -> bool:
    """Return True when the text names raions of unit `i`'s oblast but not unit `i`'s raion."""
    chain = gazetteer.ancestors(i)
    oblast = next((j for j in chain if gazetteer.level(j) in FIRST_LEVELS), None)
    same_oblast = {r for r in named_raions if oblast in gazetteer.ancestors(r)}
    return bool(same_oblast) and not same_oblast.intersection(chain)
