"""Case-insensitive regexes that run on a lower-cased copy of the text.

Python's regex engine skips ahead to the first character a pattern can start with, but
only for case-sensitive patterns: a `re.IGNORECASE` search tries the whole pattern at every
position. The extractor's lexicons are searched thousands of times per document, so they
are written in lower case and run, case-sensitively, on `lowered(text)`, which keeps every
offset of `text`. That is 2 to 8 times faster and matches the same spans.

A match's offsets are offsets in the original text; its `group()` text is lower case.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from functools import lru_cache

__all__ = ["Caseless", "caseless", "lowered", "require_lower_case"]

_SHORT = 256  # shorter texts are lowered on every call: cheaper than a cache lookup
_ESCAPE_RE = re.compile(r"\\(?:N\{[^}]*\}|.)|\(\?P<\w+>|\(\?P=\w+\)")


def lowered(text: str) -> str:
    """Return `text` lower-cased with every character at its own offset.

    `str.lower` turns a few characters into two ("İ" -> "i̇"); those keep their case, so
    an offset in the result is always the same offset in `text`.
    """
    last = _last
    if last[0] is text:  # the same document as the call before: the common case
        return last[1]
    low = _lowered(text) if len(text) < _SHORT else _lowered_cached(text)
    _remember(text, low)
    return low


def _remember(text: str, low: str) -> None:
    global _last
    _last = (text, low)  # one tuple: a reader in another thread sees a consistent pair


def _lowered(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):  # lower() never shortens a character, so each kept its place
        return low
    # U+0130 is the one character that Unicode lower-cases to two.
    low = "\u0130".join(part.lower() for part in text.split("\u0130"))
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


# A document's regexes all search the same text: keep its lower-case copy.
_lowered_cached = lru_cache(maxsize=16)(_lowered)
_last: tuple[str, str] = ("", "")


def require_lower_case(pattern: str) -> str:
    """Return `pattern` if its letters (escapes and group names aside) are all lower case;
    raise ValueError otherwise, since on lowered text an upper-case letter never matches."""
    bare = _ESCAPE_RE.sub("", pattern)
    if bare != bare.lower():
        raise ValueError(f"a caseless pattern must be written in lower case: {pattern!r}")
    return pattern


class Caseless:
    """A case-insensitive regex, compiled from a lower-case pattern and run on `lowered`.

    The methods take the original text and offsets, like `re.Pattern`'s.
    """

    __slots__ = ("_compiled", "_match", "_search", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = require_lower_case(pattern)
        self._compiled = re.compile(pattern, flags & ~re.IGNORECASE)
        self._search = self._compiled.search
        self._match = self._compiled.match

    # search and match are the hot paths: the document's lowered copy is read inline.
    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """Return the first match in text[pos:endpos], or None."""
        last = _last
        return self._search(last[1] if last[0] is text else lowered(text), pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """Return the match that starts at `pos`, or None."""
        last = _last
        return self._match(last[1] if last[0] is text else lowered(text), pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """Return the match of all of text[pos:endpos], or None."""
        return self._compiled.fullmatch(lowered(text), pos, endpos)

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        """Return an iterator over the non-overlapping matches in text[pos:endpos]."""
        return self._compiled.finditer(lowered(text), pos, endpos)


def caseless(pattern: str, flags: int = 0) -> Caseless:
    """Return a `Caseless` regex for `pattern` (lower case; `flags` other than IGNORECASE)."""
    return Caseless(pattern, flags)
