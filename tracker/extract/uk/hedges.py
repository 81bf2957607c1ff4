"""Ukrainian hedges: the word right before a number sets its qualifier (guidelines 3.5).

"понад", "більше", "більш як", "щонайменше", "не менше" give at_least; "майже", "до",
"не більше", "менше", "максимум" give at_most; "близько", "приблизно", "орієнтовно",
"десь", "майже" are hedges of their own kind (approx or at_most). A hedge applies only
to the number it directly precedes; "трохи більше" is at_least.
"""

from __future__ import annotations

import re

from tracker.model import Qualifier

__all__ = ["hedge_before"]

_HEDGES: tuple[tuple[str, Qualifier, str], ...] = (
    (
        r"не\s+більше|не\s+більш\s+як|не\s+більш\s+ніж|менше|менш\s+як|менш\s+ніж|майже|до|максимум"
        r"|ледь\s+не",
        Qualifier.AT_MOST,
        "uk-hedge-at-most",
    ),
    (
        r"понад|більше|більш\s+як|більш\s+ніж|щонайменше|не\s+менше|не\s+менш\s+як|мінімум"
        r"|трохи\s+більше|трішки\s+більше|з\s+гаком",
        Qualifier.AT_LEAST,
        "uk-hedge-at-least",
    ),
    (
        r"близько|приблизно|орієнтовно|десь|майже\s+що|порядку|біля|в\s+середньому|у\s+середньому",
        Qualifier.APPROX,
        "uk-hedge-approx",
    ),
)
_HEDGE_RE = re.compile(
    "(?:"
    + "|".join(f"(?P<h{i}>(?<![\\w-])(?:{p}))" for i, (p, _, _) in enumerate(_HEDGES))
    + r")\s+(?:ще\s+|вже\s+|лише\s+)?$",
    re.IGNORECASE,
)


def hedge_before(text: str, number_start: int, floor: int) -> tuple[Qualifier, str, int] | None:
    """Return (qualifier, rule, hedge start) of the hedge right before a number, or None."""
    match = _HEDGE_RE.search(text, max(floor, number_start - 24), number_start)
    if match is None:
        return None
    for i, (_, qualifier, rule) in enumerate(_HEDGES):
        if match.group(f"h{i}"):
            return qualifier, rule, match.start()
    return None
