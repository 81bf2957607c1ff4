"""Restated figures logged once (guidelines 3.6), and adult-only counts (3.3).

Two figures restate one quantity when they share event and group, their places agree
(the same units, or one has none, or one lists several places including the other's),
and their values are equal or one is a rounding of the other ("More than 670" of 679,
"over 800" of "about 870", "over one million" of 1,014,748). The kept statement is the
one with a start date, else the most precise, else the one with the narrower place, else
the first. A headline figure restated in the body with a different place is the body's.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

__all__ = ["Statement", "drop_adult_only_beside_children", "drop_restatements"]


class Statement(Protocol):
    """What restatement rules need to know of a figure."""

    @property
    def metric(self) -> str: ...
    @property
    def population_group(self) -> str: ...
    @property
    def value(self) -> int: ...
    @property
    def qualifier(self) -> str: ...
    @property
    def units(self) -> frozenset[str]: ...
    @property
    def has_since(self) -> bool: ...
    @property
    def is_range_bound(self) -> bool: ...
    @property
    def adult(self) -> bool: ...
    @property
    def in_headline(self) -> bool: ...


_T = TypeVar("_T", bound=Statement)
# A rounded restatement is within this share of the precise figure ("over 800" of 870).
_ROUNDING_TOLERANCE = 0.1


def drop_restatements(figures: Sequence[_T]) -> list[_T]:
    """Return `figures` with each restated quantity kept once, in the original order."""
    kept: list[_T] = []
    for figure in figures:
        twin = next((k for k in kept if _restates(k, figure)), None)
        if twin is None:
            kept.append(figure)
        elif _better(figure, twin):
            kept[kept.index(twin)] = figure
    return kept


def drop_adult_only_beside_children(figures: Sequence[_T]) -> list[_T]:
    """Drop adult-only counts where a children or people count of the same event exists for
    the same place (an adults-only count is the place's only count of its event otherwise)."""
    return [
        f for f in figures if not f.adult or not any(_beside(f, o) for o in figures if o is not f)
    ]


def _beside(adult: Statement, other: Statement) -> bool:
    return not other.adult and other.metric == adult.metric and _places_agree(adult, other)


def _restates(a: Statement, b: Statement) -> bool:
    if a.metric != b.metric or a.population_group != b.population_group:
        return False
    if not _places_agree(a, b):
        # A headline restated in the body with another place: the body wins (guidelines 3.6),
        # also when the headline rounds it ("Over 1,500 children to be evacuated" and "the
        # decision covers 1,565 children").
        if a.in_headline == b.in_headline:
            return False
        same = a.value == b.value and a.qualifier == b.qualifier
        return same or _rounds(a, b) or _rounds(b, a)
    if a.value == b.value:
        return not (a.is_range_bound and b.is_range_bound and a.qualifier != b.qualifier)
    return _rounds(a, b) or _rounds(b, a)


def _rounds(rough: Statement, precise: Statement) -> bool:
    """Return True when `rough` (hedged, round) could be a rounding of `precise`."""
    if (
        rough.qualifier == "exact"
        or rough.is_range_bound
        or _precision(rough.value) >= _precision(precise.value)
    ):
        return False
    step = 10 ** _trailing_zeros(rough.value)
    if step < 10:
        return False
    low, high = _bounds(rough.qualifier, rough.value, step)
    close = abs(precise.value - rough.value) <= rough.value * _ROUNDING_TOLERANCE
    return close and low <= precise.value <= high


def _bounds(qualifier: str, value: int, step: int) -> tuple[int, int]:
    if qualifier == "at_least":
        return value, value + step - 1
    if qualifier == "at_most":
        return value - step + 1, value
    return value - step // 2, value + step // 2


def _better(new: Statement, old: Statement) -> bool:
    if not _places_agree(new, old):
        return old.in_headline  # the body's place wins over the headline's
    return _rank(new) > _rank(old)


def _rank(figure: Statement) -> tuple[int, int, int]:
    """Preference among restatements: a start date, then precision, then a narrower place."""
    narrowness = -len(figure.units) if figure.units else -99
    return int(figure.has_since), _precision(figure.value), narrowness


def _places_agree(a: Statement, b: Statement) -> bool:
    if not a.units or not b.units:
        return True
    return bool(a.units & b.units)


def _trailing_zeros(value: int) -> int:
    zeros = 0
    while value and value % 10 == 0:
        value //= 10
        zeros += 1
    return zeros


def _precision(value: int) -> int:
    return len(str(value)) - _trailing_zeros(value)
