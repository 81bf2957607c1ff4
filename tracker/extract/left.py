"""Which "left" a figure has: "4,788 children are still left" (remaining) or "490 people
left" (departed).

LEFT-AS-REMAINING: "left" after a copula or "still", or before "in/behind/there";
LEFT-AS-DEPARTED: "left" with an object or a destination ("left the town", "left for
Dnipro"); HAVE-N-LEFT: a possession verb before the quantity ("Bakhmut has fewer than five
thousand civilians left"); HEADLINE-N-LEFT: "Nikopol: about 58 thousand residents left".
"""

from __future__ import annotations

import re

from tracker.extract.caseless import caseless

__all__ = ["read_left"]

_LEFT_REMAINING_BEFORE_RE = caseless(
    r"\b(?:still|are|is|were|was|be|been|only|remain\w*)\s+(?:\w+\s+){0,1}$"
)
# "140 residents left the town", "left for Dnipro": "left" with an object or a destination
# is a departure, whatever possession verb came before.
_LEFT_DEPARTED_AFTER_RE = caseless(
    r"^\s+(?:the|their|his|her|its|our|for|home|homes|via|aboard|towards?)\b"
)
# "250,000 people have left Gaza City": a named place as the object is a departure.
_NAMED_PLACE_AFTER_RE = re.compile(
    r"\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|"
    r"March|April|May|June|July|August|September|October|November|December)\b)"
    r"[A-Z][\w'\u2019-]+"
)
# A headline "Place: N people left" with nothing after "left" is a stock.
_HEADLINE_LEAD_RE = caseless(r"\s*[\w'\u2019-]+(?:\s+[\w'\u2019-]+){0,2}:\s")
_LEFT_CLAUSE_FINAL_RE = caseless(r"\s*(?:[-\u2013\u2014:;.,)]|$)")
_LEFT_REMAINING_AFTER_RE = caseless(
    r"^\s+(?:in|behind|there|at|inside)\b(?!\s+(?:about|around|some|over|roughly|\d))"
)
# "Bakhmut has fewer than five thousand civilians left": a possession verb, then a quantity.
_POSSESSION_RE = caseless(
    r"\b(?:(?:has|have|had)\b(?!\s+\w+ed\b)|there\s+(?:are|were|is)\b)[^.;:]*?(?:\d|\b(?:one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|"
    r"dozen)\b)[^.;]*$"
)


def read_left(text: str, clause_start: int, start: int, end: int) -> tuple[str, str]:
    """Return (event class, rule name) of the "left" at text[start:end] in the clause that
    starts at `clause_start`: remaining or evacuated (departed)."""
    before = text[max(clause_start, start - 24) : start]
    after = text[end : end + 12]
    if _LEFT_REMAINING_AFTER_RE.match(after) or _LEFT_REMAINING_BEFORE_RE.search(before):
        return "remaining", "left-as-remaining"
    if _LEFT_DEPARTED_AFTER_RE.match(after) or _NAMED_PLACE_AFTER_RE.match(after):
        return "evacuated", "left-as-departed"
    if _POSSESSION_RE.search(text[clause_start:start]):
        return "remaining", "have-n-left"
    if _HEADLINE_LEAD_RE.match(text, clause_start) and _LEFT_CLAUSE_FINAL_RE.match(after):
        return "remaining", "headline-n-left"  # "Nikopol: about 58 thousand residents left"
    return "evacuated", "left-as-departed"
