"""Sentences and clauses: the spans a figure's event, date and place are read from."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

__all__ = ["Sentence", "clause_span", "split_sentences"]

_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "no",
        "nos",
        "vs",
        "etc",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "gen",
        "col",
        "lt",
        "sgt",
        "gov",
        "rep",
        "sen",
        "prof",
        "inc",
        "ltd",
        "co",
        "corp",
        "approx",
        "est",
        "incl",
        "ca",
        "cf",
        "resp",
        "u.s",
        "u.k",
        "e.g",
        "i.e",
        "p.m",
        "a.m",
        # Ukrainian: "смт.", "обл.", "т.ч." (of "including"), "т.д."
        "смт",
        "т.ч",
        "т.д",
        "т.п",
        "обл",
        "вул",
        "ім",
        "див",
    ]
)
_BOUNDARY_RE = re.compile(
    r"[.!?]+[\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]?[A-Z0-9\u0400-\u04ff])|\n+"
)
# Ukrainian scale words end a sentence only before a capital: "20 тис. Після" ends one,
# "4 тис. 83", "2,5 тис. людей" and "7 тис. ВПО" (an acronym) do not.
_SCALE_ABBREVIATIONS = frozenset({"тис", "млн", "млрд"})
_WORD_BEFORE_RE = re.compile(r"([\w.]+)$")
_ACRONYM_RE = re.compile(r"[A-Z\u0400-\u042f\u0404\u0406\u0407\u0490]{2,}(?![\w-])")
# Boundaries between clauses of one sentence: the scope of a verb, a date or a hedge.
_CLAUSE_RE = re.compile(
    r";|:\s|\s[-\u2013\u2014]\s(?=[a-z])|,\s+(?:and|but|while|whereas|although|though|as|since|"
    r"when|after|before|so|yet)\s|\s(?:while|whereas|but)\s|,\s+(?:he|she|they|it)\s+"
    r"(?:said|added|noted|reported|wrote)\b"
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a text, by offsets, with the offsets where its clauses start."""

    start: int
    end: int
    clause_starts: tuple[int, ...]


def split_sentences(text: str) -> list[Sentence]:
    """Return the sentences of `text` in order; together they cover every non-blank span."""
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY_RE.finditer(text):
        if match.group(0)[0] in ".!?" and _is_abbreviation(text, match.start()):
            continue
        if _scale_runs_on(text, match):
            continue
        end = match.start() + len(match.group(0).rstrip())
        if text[start:end].strip():
            sentences.append(_sentence(text, start, end))
        start = match.end()
    if text[start:].strip():
        sentences.append(_sentence(text, start, len(text)))
    return sentences


def clause_span(sentence: Sentence, position: int) -> tuple[int, int]:
    """Return the (start, end) of the clause of `sentence` that holds `position`."""
    index = bisect_right(sentence.clause_starts, position) - 1
    start = sentence.clause_starts[max(index, 0)]
    end = (
        sentence.clause_starts[index + 1]
        if index + 1 < len(sentence.clause_starts)
        else sentence.end
    )
    return start, end


def _sentence(text: str, start: int, end: int) -> Sentence:
    starts = [start]
    for match in _CLAUSE_RE.finditer(text, start, end):
        starts.append(match.start())
    return Sentence(start, end, tuple(starts))


def _scale_runs_on(text: str, match: re.Match[str]) -> bool:
    """Return True for "тис." or "млн." followed by anything but a capital letter."""
    word = _WORD_BEFORE_RE.search(text[max(0, match.start() - 6) : match.start()])
    if word is None or word.group(1).lower() not in _SCALE_ABBREVIATIONS:
        return False
    following = text[match.end() : match.end() + 1]
    # "7 тис. ВПО": an acronym in capitals is the counted noun, not a new sentence.
    return not following.isupper() or _ACRONYM_RE.match(text, match.end()) is not None


def _is_abbreviation(text: str, dot: int) -> bool:
    match = _WORD_BEFORE_RE.search(text[max(0, dot - 12) : dot])
    if match is None:
        return False
    word = match.group(1).lower().rstrip(".")
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())
