"""Fast scanning of a big alternation regex: try it only at words that can start a match.

Python's regex engine tries every alternative at every position; for the cue and frame
lexicons that is most of the extractor's time. `scan` walks the words instead and tries
the pattern only where a word's first four letters are among the pattern's `triggers`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["scan", "triggers"]

_WORD_RE = re.compile(r"\b[A-Za-z]\w*")
_KEY = 4  # "there" and "the" differ in four letters; "evacuated" and "evacuation" agree


def triggers(first_words: str) -> frozenset[str]:
    """Return the trigger set (first four letters, lower case) of whitespace-separated words."""
    return frozenset(word[:_KEY].lower() for word in first_words.split())


def scan(
    pattern: re.Pattern[str], starts: frozenset[str], text: str, start: int, end: int
) -> Iterator[re.Match[str]]:
    """Yield the non-overlapping matches of `pattern` in text[start:end] that start at a word
    whose first four letters are in `starts` (see `triggers`), left to right."""
    pos = start
    for word in _WORD_RE.finditer(text, start, end):
        if word.start() < pos or word.group()[:_KEY].lower() not in starts:
            continue
        match = pattern.match(text, word.start(), end)
        if match is not None:
            pos = match.end()
            yield match
