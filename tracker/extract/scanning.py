"""Fast scanning of a big alternation regex: try it only at words that can start a match.

Python's regex engine tries every alternative at every position; for the cue and frame
lexicons that is most of the extractor's time. `scan_index` walks the words instead and,
at each word, tries only the alternatives filed under its first four letters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from tracker.extract.caseless import lowered, require_lower_case

__all__ = ["index_by_first_word", "scan_index", "triggers"]

_KEY_RE = re.compile(r"\b[a-z]\w{0,3}")  # a word's key, its first four characters (lowered)
_last_keys: tuple[str, int, int, list[tuple[int, str]]] = ("", 0, 0, [])
_KEY = 4  # "there" and "the" differ in four letters; "evacuated" and "evacuation" agree


def triggers(first_words: str) -> frozenset[str]:
    """Return the trigger set (first four letters, lower case) of whitespace-separated words."""
    return frozenset(word[:_KEY].lower() for word in first_words.split())


def index_by_first_word(
    alternatives: Sequence[tuple[str, str]], group: str
) -> dict[str, re.Pattern[str]]:
    """Return, for each trigger key, one regex holding only the alternatives that may start
    with a word of that key, in their original order (named groups `{group}{i}`).

    `alternatives` are (first words, pattern) pairs, in priority order; the patterns are
    case-insensitive, written in lower case (they run on `lowered` text).
    """
    members: dict[str, list[int]] = {}
    for i, (first_words, _) in enumerate(alternatives):
        for key in triggers(first_words):
            members.setdefault(key, []).append(i)
    compiled: dict[tuple[int, ...], re.Pattern[str]] = {}
    index: dict[str, re.Pattern[str]] = {}
    for key, positions in members.items():
        chosen = tuple(positions)
        if chosen not in compiled:
            alternation = "|".join(
                f"(?P<{group}{i}>{require_lower_case(alternatives[i][1])})" for i in chosen
            )
            compiled[chosen] = re.compile(alternation)  # run on lowered text
        index[key] = compiled[chosen]
    return index


def scan_index(
    index: dict[str, re.Pattern[str]], text: str, start: int, end: int
) -> Iterator[re.Match[str]]:
    """Yield the non-overlapping matches in text[start:end] of the regexes of `index`, each
    tried only at the words whose key (first four letters) it is filed under.

    The matches are on `lowered(text)`: same offsets, lower-case group text."""
    pos = start
    low = lowered(text)
    for at, key in _keys(low, start, end):
        if at < pos:
            continue
        pattern = index.get(key)
        if pattern is None:
            continue
        match = pattern.match(low, at, end)
        if match is not None:
            pos = match.end()
            yield match


def _keys(low: str, start: int, end: int) -> list[tuple[int, str]]:
    """Return (offset, key) of the words of low[start:end]; each sentence is scanned by
    several lexicons in turn, so the last span's list is kept."""
    global _last_keys
    last = _last_keys
    if last[0] is low and last[1] == start and last[2] == end:
        return last[3]
    keys = [(m.start(), m.group()) for m in _KEY_RE.finditer(low, start, end)]
    _last_keys = (low, start, end, keys)
    return keys
