"""Resolve a place name to a gazetteer unit: exact, alias or fuzzy, with ambiguity explicit.

Ambiguity: one name often fits several units ("Kharkiv" is a city, a raion and an oblast).
The words around the name decide the level ("Kharkiv district" -> raion, "Kharkiv region"
-> oblast, "Pokrovsk community" -> hromada); a bare name prefers an exact name over a
former or foreign one ("Dnipropetrovsk" is the oblast now, no longer the city), then a city
or town, a raion, an oblast, a hromada ("Kharkivska" alone is the oblast). `within` keeps
only the units inside another unit. Every candidate is kept in `Resolution.candidates`, best first,
and `Resolution.note` says why the first was chosen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Literal

from tracker.errors import UnknownPlaceError, UsageError
from tracker.places.fold import heavy_key, light_key
from tracker.places.gazetteer import LEVELS, Gazetteer, Unit

__all__ = ["LEVEL_HINTS", "Match", "Resolution", "Resolver", "split_level_word"]

Match = Literal["exact", "alias", "fuzzy"]

# A word next to a name, and the level it asks for. Plurals serve "X and Y communities".
LEVEL_HINTS: dict[str, str] = {
    **dict.fromkeys(
        ("district", "districts", "raion", "raions", "rayon", "rayons", "район"), "raion"
    ),
    **dict.fromkeys(
        (
            "region",
            "regions",
            "oblast",
            "oblasts",
            "province",
            "provinces",
            "state",
            "governorate",
            "regional",
            "область",
            "обл",
        ),
        "oblast",
    ),
    **dict.fromkeys(
        ("community", "communities", "hromada", "hromadas", "громада", "municipality"),
        "hromada",
    ),
    **dict.fromkeys(("city", "town", "місто", "город", "selyshche", "селище"), "city"),
}
_QUALIFIERS = (
    r"(?:territorial|urban|rural|settlement|city|village|міська|сільська|селищна|територіальна)"
)
_TRAILING = re.compile(
    rf"^(?P<core>.+?)(?:\s+{_QUALIFIERS})*\s+(?P<word>{'|'.join(LEVEL_HINTS)})\.?$",
    re.IGNORECASE,
)
_LEADING = re.compile(r"^(?:the\s+)?(?P<word>city|town|oblast|region)\s+of\s+(?P<core>.+)$", re.I)
_THE = re.compile(r"^the\s+", re.IGNORECASE)

# Which levels a hint prefers, best first; levels not listed come last in LEVELS order.
_PREFERENCE: dict[str | None, tuple[str, ...]] = {
    # A bare name that is a country's is the country ("Mexico", not the Mexican state).
    None: ("country", "city", "town", "raion", "admin2", "oblast", "admin1", "hromada", "admin3"),
    "raion": ("raion", "admin2", "city", "town", "hromada", "admin3", "oblast", "admin1"),
    "oblast": ("oblast", "admin1", "city", "town", "raion", "admin2", "hromada", "admin3"),
    "hromada": ("hromada", "admin3", "city", "town", "raion", "admin2", "oblast", "admin1"),
    "city": ("city", "town", "hromada", "admin3", "raion", "admin2", "oblast", "admin1"),
}
_FUZZY_ACCEPT = 85.0
_FUZZY_SUGGEST = 60.0


@dataclass(frozen=True)
class Resolution:
    """What a name resolved to: the unit (None when unknown), how, and the alternatives."""

    query: str
    unit: Unit | None
    match: Match | None
    score: float
    candidates: tuple[Unit, ...] = ()
    suggestions: tuple[str, ...] = ()
    note: str = ""

    @property
    def ambiguous(self) -> bool:
        """Return True when the name fits more than one unit."""
        return len(self.candidates) > 1

    def for_query(self, query: str) -> Resolution:
        """Return this resolution as the answer to `query` (a copy; faster than
        `dataclasses.replace`, which the extractor would call for every place it reads)."""
        return Resolution(
            query, self.unit, self.match, self.score, self.candidates, self.suggestions, self.note
        )

    def problem(self) -> str | None:
        """Return why this name cannot be used ("unknown place ...; did you mean ..."), or None."""
        if self.unit is not None:
            return None
        message = f"unknown place {self.query!r}"
        if self.suggestions:
            message += "; did you mean " + ", ".join(self.suggestions) + "?"
        return message


def split_level_word(text: str) -> tuple[str, str | None]:
    """Return (`text` without a level word around it, the level that word asks for or None)."""
    text = " ".join(text.split())
    if found := _LEADING.match(text):
        return found["core"], LEVEL_HINTS[found["word"].lower()]
    text = _THE.sub("", text)
    if found := _TRAILING.match(text):
        return found["core"], LEVEL_HINTS[found["word"].lower().rstrip(".")]
    return text, None


class Resolver:
    """Resolves names against one gazetteer; results of a key are cached."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._cache: dict[tuple[str, str | None, str | None], Resolution] = {}
        self._key_cache: dict[tuple[str, str, str | None], Resolution] = {}
        self._fuzzy_cache: dict[tuple[str, str | None, int | None, str | None], Resolution] = {}

    def resolve(self, name: str, level: str | None = None, within: str | None = None) -> Resolution:
        """Return the Resolution of `name` (see the module docstring)."""
        if level is not None and level not in LEVELS:
            raise UsageError(f"unknown level {level!r}; choose one of {', '.join(LEVELS)}")
        cache_key = (name, level, within)
        cached = self._cache.get(cache_key)
        if cached is None:
            cached = self._resolve(name, level, within)
            if len(self._cache) < 200_000:
                self._cache[cache_key] = cached
        return cached

    def resolve_key(self, key: str, light: str, hint: str | None, query: str) -> Resolution | None:
        """Return the exact/alias Resolution of a folded key, or None when no unit has it."""
        found = self._found(key, hint)
        if not found:
            return None
        cache_key = (key, light, hint)
        chosen = self._key_cache.get(cache_key)
        if chosen is None:
            chosen = self._choose("", found, light, hint, None)
            if len(self._key_cache) < 200_000:
                self._key_cache[cache_key] = chosen
        return chosen.for_query(query)

    def _resolve(self, name: str, level: str | None, within: str | None) -> Resolution:
        core, hint = split_level_word(name)
        hint = _hint_of_level(level) or hint
        area = self.area(within) if within else None
        key = heavy_key(core)
        found = [i for i in self._found(key, hint) if self._inside(i, area)]
        if level is not None:
            found = [i for i in found if self.gazetteer.level(i) == level]
        if found:
            return self._choose(name, found, light_key(core), hint, level)
        return self._fuzzy(name, key, hint, area, level)

    def _found(self, key: str, hint: str | None) -> list[int]:
        """Return the units with `key`; rule-made stems count next to a level word or alone."""
        named = list(self.gazetteer.lookup(key))
        if hint is not None or not named:
            named += self.gazetteer.lookup_stem(key)
        return named

    def area(self, within: str) -> int:
        """Return the index of the unit named `within`, read as broadly as possible."""
        core, _ = split_level_word(within)
        found = self.gazetteer.lookup(heavy_key(core))
        if not found:
            raise UnknownPlaceError(f"unknown place {within!r} given as the area to search in")
        order = _PREFERENCE["oblast"]
        return min(found, key=lambda i: order.index(self.gazetteer.level(i)))

    def _inside(self, i: int, area: int | None) -> bool:
        return area is None or i == area or area in self.gazetteer.ancestors(i)

    def _choose(
        self, query: str, found: list[int], light: str, hint: str | None, level: str | None
    ) -> Resolution:
        order = _PREFERENCE[hint]
        units = self.gazetteer.units

        def rank(i: int) -> tuple[int, int, int, int]:
            exact = 0 if light in {light_key(n) for n in self.gazetteer.exact_names(i)} else 1
            unit = units[i]
            level_rank = order.index(unit.level) if unit.level in order else len(order)
            # A level word decides first; a bare name prefers what it names today over a
            # former name ("Dnipropetrovsk" is the oblast, no longer the city).
            first, second = (level_rank, exact) if hint or level else (exact, level_rank)
            # Then a unit with a P-code (a user's COD gazetteer before the ISO layer).
            return (first, second, 0 if unit.pcode else 1, i)

        ranked = sorted(dict.fromkeys(found), key=rank)
        best = ranked[0]
        exact_names = self.gazetteer.exact_names(best)
        match: Match = "exact" if light in {light_key(n) for n in exact_names} else "alias"
        candidates = tuple(units[i] for i in ranked)
        return Resolution(
            query=query,
            unit=units[best],
            match=match,
            score=1.0,
            candidates=candidates,
            note=_why(candidates, hint, level),
        )

    def _fuzzy(
        self, query: str, key: str, hint: str | None, area: int | None, level: str | None
    ) -> Resolution:
        if len(key) < 3:
            return Resolution(query, None, None, 0.0)
        cache_key = (key, hint, area, level)
        found = self._fuzzy_cache.get(cache_key)
        if found is None:
            found = self._fuzzy_search(key, hint, area, level)
            if len(self._fuzzy_cache) < 100_000:
                self._fuzzy_cache[cache_key] = found
        return replace(found, query=query)

    def _fuzzy_search(
        self, key: str, hint: str | None, area: int | None, level: str | None
    ) -> Resolution:
        # A misspelling seldom changes the first letter: search those names first (a
        # twentieth of the list), and all names only to find suggestions for an unknown.
        scored = self._scored(key, self._by_initial.get(key[0], []), area, level)
        top = max((score for score, _ in scored), default=0.0)
        if top < _FUZZY_ACCEPT or len(key) < 5:
            scored = self._scored(key, self._choices, area, level)
            top = max((score for score, _ in scored), default=0.0)
        if top >= _FUZZY_ACCEPT and len(key) >= 5:
            best = self._choose("", [i for s, i in scored if s == top], "", hint, level)
            return replace(best, match="fuzzy", score=round(top / 100, 3))
        labels = [self.gazetteer.units[i].label for _, i in sorted(scored, key=lambda p: -p[0])]
        suggestions = tuple(dict.fromkeys(labels))[:4]
        return Resolution("", None, None, round(top / 100, 3), (), suggestions)

    def _scored(
        self, key: str, choices: list[str], area: int | None, level: str | None
    ) -> list[tuple[float, int]]:
        from rapidfuzz import fuzz, process

        hits = process.extract(
            key, choices, scorer=fuzz.ratio, limit=8, score_cutoff=_FUZZY_SUGGEST
        )
        return [
            (score, i)
            for choice, score, _ in hits
            for i in self.gazetteer.lookup(choice)
            if self._inside(i, area) and (level is None or self.gazetteer.level(i) == level)
        ]

    @cached_property
    def _choices(self) -> list[str]:
        """The keys a misspelling may be matched to."""
        return list(self.gazetteer.keys)

    @cached_property
    def _by_initial(self) -> dict[str, list[str]]:
        groups: dict[str, list[str]] = {}
        for choice in self._choices:
            groups.setdefault(choice[0], []).append(choice)
        return groups


def _hint_of_level(level: str | None) -> str | None:
    return {"admin1": "oblast", "admin2": "raion", "admin3": "hromada", "town": "city"}.get(
        level or "", level
    )


def _why(candidates: tuple[Unit, ...], hint: str | None, level: str | None) -> str:
    if len(candidates) < 2:
        return ""
    first = candidates[0]
    others = ", ".join(f"{u.label} ({u.admin1_name})" for u in candidates[1:4])
    if level:
        reason = f"level {level} was asked for"
    elif hint:
        reason = f"the words around the name ask for the level {hint}"
    else:
        reason = "a bare name: current names first, then city or town, raion, oblast, hromada"
    return f"ambiguous: chose {first.label} ({first.admin1_name}) over {others}: {reason}"
