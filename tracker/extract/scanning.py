"""Fast scanning of a big alternation regex: try it only at words that can start a match.

Python's regex engine tries every alternative at every position; for the cue and frame
lexicons that is most of the extractor's time. `scan` walks the words instead and tries
the pattern only where a word's first three letters are among the pattern's `triggers`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["scan", "triggers"]

_WORD_RE = re.compile(r"\b[A-Za-z]\w*")


def triggers(first_words: str) -> frozenset[str]:
    """Return the trigger set (first three letters, lower case) of whitespace-separated words."""
    return frozenset(word[:3].lower() for word in first_words.split())


def scan(
    pattern: re.Pattern[str], starts: frozenset[str], text: str, start: int, end: int
) -> Iterator[re.Match[str]]:
    """Yield the non-overlapping matches of `pattern` in text[start:end] that start at a word
    whose first three letters are in `starts` (see `triggers`), left to right."""
    pos = start
    for word in _WORD_RE.finditer(text, start, end):
        if word.start() < pos or word.group()[:3].lower() not in starts:
            continue
        match = pattern.match(text, word.start(), end)
        if match is not None:
            pos = match.end()
            yield match
