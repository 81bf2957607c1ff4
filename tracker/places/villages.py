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

Homonyms are chosen among by the document's other places (context.py). A list of villages
that the text puts in a raion or hromada not holding them all is dropped
(`without_contradicted`): the text and the codifier disagree.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tracker.places.gazetteer import SECOND_LEVELS, Unit
from tracker.places.resolver import LEVEL_HINTS, Resolution

if TYPE_CHECKING:
    from tracker.places.mentions import Mention

__all__ = ["village_here", "without_contradicted"]

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


def without_contradicted(text: str, mentions: list[Mention]) -> list[Mention]:
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
    """Return True when `unit` lies outside the raion of `holder` (a raion or a hromada):
    hromadas were merged and redrawn, so a village the text puts in a neighbouring
    hromada of its raion is no contradiction."""
    if unit is None:
        return False
    raion = holder.pcode if holder.level in SECOND_LEVELS else holder.admin2_pcode
    return unit.admin2_pcode != raion
