"""Text as a reader sees it: invisible format characters dropped, NFC applied.

Text pasted from web pages and messengers carries characters that display as nothing: a
zero-width space inside "1​248", a soft hyphen inside "Kupi­ansk", bidi controls around a
name. Read raw, they split a number (248 instead of 1,248) or a name ("Kupi"). The
extractor reads the cleaned text; `CleanText.original_span` maps any span of it back, so
that the evidence of a figure is still an exact substring of the text as given.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["CleanText", "clean_text"]

# Unicode's format characters (category Cf): soft hyphen, zero-width spaces and joiners,
# bidi marks, embeddings, overrides and isolates, word joiner, invisible operators, BOM,
# interlinear annotation, Arabic and Syriac marks, tag characters.
_FORMAT_CHARACTERS = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)


@dataclass(frozen=True)
class CleanText:
    """The cleaned text, and for each of its characters the span it came from."""

    text: str
    _starts: tuple[int, ...] = ()
    _ends: tuple[int, ...] = ()

    @property
    def changed(self) -> bool:
        """Return whether cleaning changed anything (else offsets are the original's)."""
        return bool(self._starts)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Return the span of the original text that cleaned text[start:end] came from."""
        if not self.changed or start >= end:
            return start, end
        return self._starts[start], self._ends[end - 1]


def clean_text(text: str) -> CleanText:
    """Return `text` without format characters and in NFC, with its map back."""
    if _FORMAT_CHARACTERS.search(text) is None and unicodedata.is_normalized("NFC", text):
        return CleanText(text)
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for start, end in _clusters(text):
        cluster = _FORMAT_CHARACTERS.sub("", text[start:end])
        for char in unicodedata.normalize("NFC", cluster):
            chars.append(char)
            starts.append(start)
            ends.append(end)
    return CleanText("".join(chars), tuple(starts), tuple(ends))


def _clusters(text: str) -> list[tuple[int, int]]:
    """Return the spans of a character and the combining marks after it (NFC composes
    within such a span only)."""
    spans: list[tuple[int, int]] = []
    for index, char in enumerate(text):
        if spans and unicodedata.combining(char):
            spans[-1] = (spans[-1][0], index + 1)
        else:
            spans.append((index, index + 1))
    return spans
