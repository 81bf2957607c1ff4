"""Headings and verbless lists: figures whose event is stated once, above or before them.

Rules (names end up in the figure's `rule`):
- HEADING-NOUN: a sentence that opens with an event noun and a colon gives that event to
  the figures after the colon ("Evacuation in Donetsk region over the past day: 412
  people", "Relocated over the week: 90 residents").
- LIST-UNDER-HEADING: a line of "Place - N" items with no verb of its own ("Velykyi Burluk
  hromada - 27 people, Kurylivka hromada - 19") continues the event of the figures just
  before it, or of a heading line ending in a colon ("people were evacuated from:").
"""

from __future__ import annotations

import re

from tracker.extract.caseless import caseless
from tracker.extract.events import Cue, find_cues

__all__ = ["heading_cue", "heading_event", "is_list_line"]

_HEADING_NOUN_RE = caseless(
    r"\s*(?:(?:the\s+)?(?:evacuation|relocation|evacuated|relocated|taken\s+out)\b"
    r"[^.:;\n]{0,80}?):(?=\s)"
)
_NAME = r"[A-Z][\w'\u2019.-]*(?:\s+[\w'\u2019.-]+){0,3}"
_DASH = r"\s*[\u2013\u2014-]\s*"
# One "Place - N" item, at the start of a line or right after a colon ("By hromada: X - 27").
_LIST_ITEM_RE = re.compile(rf"(?:[^:\n]{{0,40}}:\s*)?{_NAME}{_DASH}(?:about\s+|over\s+)?\d")
_METRIC_OF = {
    "evacuated": "evacuated",
    "planned": "to_evacuate",
    "housed": "housed",
    "remaining": "remaining",
}


def heading_cue(text: str, start: int, end: int) -> Cue | None:
    """Return an evacuated cue spanning the heading when text[start:end] opens with an
    event noun and a colon ("Evacuation in X over the past day:"), else None."""
    match = _HEADING_NOUN_RE.match(text, start, end)
    if match is None:
        return None
    return Cue(
        match.start() + len(match.group(0)) - len(match.group(0).lstrip()),
        match.end(),
        "evacuated",
        "heading-noun",
    )


def heading_event(text: str, start: int, end: int) -> str | None:
    """Return the metric a number-less line ending in a colon announces for the list
    below it ("Over the past day, people were evacuated from:"), else None."""
    if not text[start:end].rstrip().endswith(":"):
        return None
    cue = heading_cue(text, start, end)
    if cue is not None:
        return "evacuated"
    kinds = [c.kind for c in find_cues(text, start, end) if c.kind in _METRIC_OF]
    return _METRIC_OF[kinds[-1]] if kinds else None


def is_list_line(text: str, start: int, end: int) -> bool:
    """Return True when text[start:end] is a verbless list of "Place - N" items."""
    return _LIST_ITEM_RE.match(text, start, end) is not None and not any(
        c.kind in _METRIC_OF or c.kind == "presence" for c in find_cues(text, start, end)
    )
