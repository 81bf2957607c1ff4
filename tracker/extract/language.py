"""Which language a report is written in: English or Ukrainian, per document.

A script-and-stopword check, not a statistical model: the tracker reads two languages
whose scripts differ, so the share of Cyrillic letters among all letters decides; then
the letters and function words only Ukrainian has (і, ї, є, ґ; "що", "та", "від") are
weighed against those only Russian has (ы, э, ъ, ё), so that a Russian text is not read
with Ukrainian rules while a short Ukrainian sentence without і still is. It costs one
pass over the text, needs no model or download, and cannot be fooled by a few Cyrillic
place names in an English report (a share, not a presence). A text with no letters is
English.
"""

from __future__ import annotations

import re
from enum import StrEnum

__all__ = ["Language", "detect_language"]

_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]+")
_LATIN_RE = re.compile(r"[A-Za-z]+")
_UKRAINIAN_RE = re.compile(r"[іїєґІЇЄҐ]|(?<![\w])(?:що|та|як|це|було|від|для|яких)(?![\w])")
_RUSSIAN_RE = re.compile(r"[ыэъёЫЭЪЁ]|(?<![\w])(?:что|это|как|или|его)(?![\w])")
_SAMPLE = 20_000  # characters read: enough for the decision, bounded for huge texts
_CYRILLIC_SHARE = 0.5


class Language(StrEnum):
    """A language the extractor reads; AUTO asks `detect_language` per document."""

    AUTO = "auto"
    EN = "en"
    UK = "uk"


def detect_language(text: str) -> Language:
    """Return Language.UK when most letters of `text` are Cyrillic and Ukrainian letters
    and words are no fewer than Russian ones, else Language.EN."""
    sample = text[:_SAMPLE]
    cyrillic = sum(map(len, _CYRILLIC_RE.findall(sample)))
    latin = sum(map(len, _LATIN_RE.findall(sample)))
    if cyrillic == 0 or cyrillic < _CYRILLIC_SHARE * (cyrillic + latin):
        return Language.EN
    ukrainian = len(_UKRAINIAN_RE.findall(sample))
    russian = len(_RUSSIAN_RE.findall(sample))
    return Language.UK if ukrainian >= russian else Language.EN
