"""Ukrainian figures before they are kept: a `Draft` each, and which drafts are kept once.

The shared rules (tracker/extract/restatements.py) keep a restated figure once; on top of
them, for Ukrainian: two figures of one sentence with places written differently are two
facts, a range is restated only whole, a round figure in words gives way to the precise
figure it rounds, and the parts of a stated total at the same place are not logged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import combinations

from tracker.extract.place_columns import Place
from tracker.extract.restatements import drop_adult_only_beside_children, drop_restatements
from tracker.extract.uk.readings import UkReading

__all__ = ["Draft", "kept_once"]


@dataclass(frozen=True, slots=True)
class Draft:
    """A figure before restatements are dropped (the shared `Statement` protocol)."""

    reading: UkReading
    value: int
    qualifier: str
    suffix: str
    is_range_bound: bool
    place: Place
    since: date | None
    as_of: date | None
    period: str
    in_headline: bool
    sentence: tuple[int, int]

    @property
    def metric(self) -> str:
        """Return the event."""
        return self.reading.metric

    @property
    def population_group(self) -> str:
        """Return the group."""
        return self.reading.group.value

    @property
    def units(self) -> frozenset[str]:
        """Return the folded names of the figure's places."""
        return self.place.units

    @property
    def has_since(self) -> bool:
        """Return True when the figure carries a start date."""
        return self.since is not None

    @property
    def adult(self) -> bool:
        """Return True for an adults-only count."""
        return self.reading.adult


def kept_once(drafts: list[Draft]) -> list[Draft]:
    """Return the drafts to log, in order: each quantity once, no parts of a stated total,
    no adults-only count beside a children count."""
    return drop_adult_only_beside_children(_parts_dropped(_restatements_dropped(drafts)))


def _restatements_dropped(drafts: list[Draft]) -> list[Draft]:
    """Return the drafts with restated figures kept once (the shared rules), except that
    two figures of one sentence with places written differently are two facts ("у самій
    Костянтинівці 5 000, а в громаді 5200"), and a range is restated only whole; then a
    round figure in words ("чотири тисячі дітей") gives way to the precise figure it
    rounds ("4 тис. 83 дітей")."""
    kept = {id(d) for d in drop_restatements(drafts)}
    by_sentence: dict[tuple[int, int], list[Draft]] = {}
    for draft in drafts:
        if id(draft) in kept:
            by_sentence.setdefault(draft.sentence, []).append(draft)
    for draft in drafts:
        if id(draft) not in kept and any(
            _two_places(draft, other) or _other_bound(draft, other)
            for other in by_sentence.get(draft.sentence, [])
        ):
            kept.add(id(draft))
    by_kind: dict[tuple[str, str], list[Draft]] = {}
    for draft in drafts:
        if id(draft) in kept:
            by_kind.setdefault((draft.metric, draft.population_group), []).append(draft)
    return [
        d
        for d in drafts
        if id(d) in kept and not any(_rounds(d, o) for o in by_kind[(d.metric, d.population_group)])
    ]


_MAX_PARTS = 12  # figures of one kind and place searched for parts of a total


def _parts_dropped(drafts: list[Draft]) -> list[Draft]:
    """Return the drafts without the parts of a stated total at the same place: "вивезено
    715 людей ... ще 718 самостійно залишили" beside "усього 1433" are subsets by who moved
    them, which the total already counts (guidelines 3.7). Parts at places of their own
    (a breakdown by hromada) are kept."""
    groups: dict[tuple[str, str, frozenset[str]], list[Draft]] = {}
    for draft in drafts:
        if not draft.is_range_bound and draft.qualifier == "exact" and draft.units:
            key = (draft.metric, draft.population_group, draft.units)
            groups.setdefault(key, []).append(draft)
    dropped: set[int] = set()
    for same in groups.values():
        if 3 <= len(same) <= _MAX_PARTS:
            dropped.update(_summing_parts(same))
    return [d for d in drafts if id(d) not in dropped]


def _summing_parts(same: list[Draft]) -> set[int]:
    """Return the ids of two or three drafts whose values add up to another's."""
    totals = {d.value: d for d in same}
    for size in (2, 3):
        for parts in combinations(same, size):
            total = totals.get(sum(d.value for d in parts))
            if total is not None and all(total is not p for p in parts):
                return {id(p) for p in parts}
    return set()


def _two_places(draft: Draft, other: Draft) -> bool:
    return (
        other.sentence == draft.sentence
        and other.metric == draft.metric
        and other.population_group == draft.population_group
        and other.value != draft.value
        and other.place.location != draft.place.location
    )


def _other_bound(draft: Draft, other: Draft) -> bool:
    """Return True when `other` is the kept bound of `draft`'s own range: "500-540" is not
    restated by "500-600"; a range is restated only whole."""
    return draft.is_range_bound and other.reading is draft.reading


def _rounds(rough: Draft, precise: Draft) -> bool:
    """Return True when `rough` is a round figure in words or a scale word ("чотири
    тисячі", "5,8 тис") that `precise` states exactly."""
    if rough is precise or rough.is_range_bound or "uk-thousand-and-rest" in rough.reading.rule:
        return False
    if not any(r in rough.reading.rule for r in ("uk-number-words", "uk-scale-word")):
        return False
    step = 10 ** (len(str(rough.value)) - len(str(rough.value).rstrip("0")))
    agree = not rough.units or not precise.units or bool(rough.units & precise.units)
    return (
        step >= 100
        and rough.qualifier == "exact"  # a hedged one is the shared rules' to judge
        and agree
        and precise.metric == rough.metric
        and precise.population_group == rough.population_group
        and precise.value % step != 0
        and round(precise.value / step) * step == rough.value
    )
