"""Hedges: the words right before (or after) a number that say how exact it is.

Scope is mechanical (guidelines 3.5): a hedge applies only to the number it directly
precedes, with at most filler words such as "a total of" or "already" in between.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.extract.caseless import caseless
from tracker.model import Qualifier

__all__ = ["Hedge", "hedge_after", "hedge_before"]

# Longest phrases first, so "a little more than" wins over "more than".
_LEXICON: tuple[tuple[str, Qualifier], ...] = (
    ("a little more than", Qualifier.AT_LEAST),
    ("a little over", Qualifier.AT_LEAST),
    ("slightly more than", Qualifier.AT_LEAST),
    ("slightly over", Qualifier.AT_LEAST),
    ("just over", Qualifier.AT_LEAST),
    ("just under", Qualifier.AT_MOST),
    ("well over", Qualifier.AT_LEAST),
    ("more than", Qualifier.AT_LEAST),
    ("over", Qualifier.AT_LEAST),
    ("at least", Qualifier.AT_LEAST),
    ("no fewer than", Qualifier.AT_LEAST),
    ("no less than", Qualifier.AT_LEAST),
    ("not less than", Qualifier.AT_LEAST),
    ("upwards of", Qualifier.AT_LEAST),
    ("in excess of", Qualifier.AT_LEAST),
    ("exceeding", Qualifier.AT_LEAST),
    ("above", Qualifier.AT_LEAST),
    ("no more than", Qualifier.AT_MOST),
    ("not more than", Qualifier.AT_MOST),
    ("less than", Qualifier.AT_MOST),
    ("fewer than", Qualifier.AT_MOST),
    ("under", Qualifier.AT_MOST),
    ("up to", Qualifier.AT_MOST),
    ("as many as", Qualifier.AT_MOST),
    ("as much as", Qualifier.AT_MOST),
    ("nearly", Qualifier.AT_MOST),
    ("almost", Qualifier.AT_MOST),
    ("close to", Qualifier.AT_MOST),
    ("approximately", Qualifier.APPROX),
    ("approx.", Qualifier.APPROX),
    ("about", Qualifier.APPROX),
    ("around", Qualifier.APPROX),
    ("roughly", Qualifier.APPROX),
    ("an estimated", Qualifier.APPROX),
    ("estimated", Qualifier.APPROX),
    ("some", Qualifier.APPROX),
    ("barely", Qualifier.APPROX),
    ("circa", Qualifier.APPROX),
    ("~", Qualifier.APPROX),
)
# Words that may sit between a hedge and its number without breaking its scope.
_FILLER = r"(?:(?:a\s+total\s+of|in\s+total|already|just|only|still|another|an?\s+additional)\s+)?"
_HEDGE_RE = caseless(
    r"(?<![\w])(?P<hedge>"
    + "|".join(re.escape(phrase).replace(r"\ ", r"\s+") for phrase, _ in _LEXICON)
    + r")\s*"
    + _FILLER
    + r"$"
)
_QUALIFIER_OF = dict(_LEXICON)
# The word right before a hedged number: the last word of a hedge or of a filler.
_LAST_WORDS = frozenset(
    [phrase.split()[-1] for phrase, _ in _LEXICON]
    + ["of", "total", "already", "just", "only", "still", "another", "additional"]
)
_POSTFIX_RE = caseless(r"^\s+(?:or\s+so|or\s+more|plus)\b")
_POSTFIX_QUALIFIER = {
    "or so": Qualifier.APPROX,
    "or more": Qualifier.AT_LEAST,
    "plus": Qualifier.AT_LEAST,
}
# "We are talking about 202 children", "reports about 12 people": "about" that a verb or
# noun takes as its preposition is no hedge.
_ABOUT_AS_PREPOSITION_RE = caseless(
    r"\b(?:talk\w*|speak\w*|spoke|spoken|know\w*|knew|reports?|reported|information|"
    r"data|news|told|tell\w*|heard|hear\w*|learn\w*|care\w*|worr\w*|think\w*|thought)\s+$"
)
# "Over the past week": temporal "over" is not a hedge; it never directly precedes a number.
_LOOKBEHIND = 40


@dataclass(frozen=True, slots=True)
class Hedge:
    """A hedge phrase: its span and the qualifier it gives."""

    start: int
    end: int
    qualifier: Qualifier
    phrase: str

    @property
    def caps(self) -> bool:
        """Return True for an upper-bound hedge, which caps a range ("no more than 5-6")."""
        return self.qualifier is Qualifier.AT_MOST


def hedge_before(text: str, number_start: int) -> Hedge | None:
    """Return the hedge that directly precedes the number starting at `number_start`."""
    window_start = max(0, number_start - _LOOKBEHIND)
    window = text[window_start:number_start]
    words = window.split()
    if not words or words[-1].lower() not in _LAST_WORDS:
        return None  # most numbers have no hedge: skip the regex
    match = _HEDGE_RE.search(window)
    if match is None:
        return None
    phrase = " ".join(match.group("hedge").lower().split())
    if phrase == "about" and _ABOUT_AS_PREPOSITION_RE.search(window, 0, match.start("hedge")):
        return None  # "we are talking about 202 children": the verb's preposition
    return Hedge(
        window_start + match.start("hedge"),
        window_start + match.end("hedge"),
        _QUALIFIER_OF[phrase],
        phrase,
    )


def hedge_after(text: str, number_end: int) -> Hedge | None:
    """Return a postfix hedge ("or so", "or more") right after a number's noun, if any."""
    match = _POSTFIX_RE.match(text[number_end : number_end + 16])
    if match is None:
        return None
    phrase = " ".join(match.group(0).lower().split())
    return Hedge(
        number_end + match.start(0) + 1,
        number_end + match.end(0),
        _POSTFIX_QUALIFIER[phrase],
        phrase,
    )
