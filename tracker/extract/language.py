"""Which language a report is written in: English or Ukrainian, per document.

A script-and-stopword check, not a statistical model: the tracker reads two languages
whose scripts differ, so the share of Cyrillic letters among all letters decides, and a
Cyrillic text must also carry Ukrainian function words or letters (і, ї, є, ґ; "що",
"та", "від") so that a Russian text is not read with Ukrainian rules. It costs one pass
over the text, needs no model or download, and cannot be fooled by a few Cyrillic place
names in an English report (a share, not a presence). A text with no letters is English.
"""

from __future__ import annotations

import re
from enum import StrEnum

__all__ = ["Language", "detect_language"]

_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
_LATIN_RE = re.compile(r"[A-Za-z]")
_UKRAINIAN_RE = re.compile(r"[іїєґІЇЄҐ]|(?<![\w])(?:що|та|як|це|було|від|для|яких)(?![\w])")
_SAMPLE = 20_000  # characters read: enough for the decision, bounded for huge texts
_CYRILLIC_SHARE = 0.5


class Language(StrEnum):
    """A language the extractor reads; AUTO asks `detect_language` per document."""

    AUTO = "auto"
    EN = "en"
    UK = "uk"


def detect_language(text: str) -> Language:
    """Return Language.UK when most letters of `text` are Cyrillic and Ukrainian words or
    letters occur, else Language.EN."""
    sample = text[:_SAMPLE]
    cyrillic = len(_CYRILLIC_RE.findall(sample))
    latin = len(_LATIN_RE.findall(sample))
    if cyrillic == 0 or cyrillic < _CYRILLIC_SHARE * (cyrillic + latin):
        return Language.EN
    return Language.UK if _UKRAINIAN_RE.search(sample) else Language.EN
