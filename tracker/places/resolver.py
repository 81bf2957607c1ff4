"""Resolve a place name to a gazetteer unit: exact, alias or fuzzy, with ambiguity explicit.

Ambiguity: one name often fits several units ("Kharkiv" is a city, a raion and an oblast).
The words around the name decide the level ("Kharkiv district" -> raion, "Kharkiv region"
-> oblast, "Pokrovsk community" -> hromada, "Hlushkivka village" -> village); a bare name
prefers an exact name over a former or foreign one ("Dnipropetrovsk" is the oblast now, no
longer the city), then by category: a city or town, a raion, an oblast, a hromada
("Kharkivska" alone is the oblast), a village, a district of a city. `within` keeps only
the units inside another unit. Every candidate is kept in `Resolution.candidates`, best
first, and `Resolution.note` says why the first was chosen.

Homonyms: villages share names by the dozen (there are 125 Ivanivkas). When the best
candidates are villages (or districts of cities) of one name in different raions, nothing
in the name chooses among them: the Resolution has no unit, keeps them all as candidates
and says so (`needs_context`); `within`, a level, or the other places of a document
(mentions.py) settle it. Villages in one raion settle on that raion (the figure's columns
are the same), the note saying which ones remain. Villages and districts of cities match
by their names and the folded spellings of them only, never fuzzily: a misspelt word would
find some village among 27,000.
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
    **dict.fromkeys(("village", "villages", "selo", "село"), "village"),
}
_QUALIFIERS = (
    r"(?:territorial|urban|rural|settlement|city|village|міська|сільська|селищна|територіальна)"
)
_TRAILING = re.compile(
    rf"^(?P<core>.+?)(?:\s+{_QUALIFIERS})*\s+(?P<word>{'|'.join(LEVEL_HINTS)})\.?$",
    re.IGNORECASE,
)
_LEADING = re.compile(
    r"^(?:the\s+)?(?P<word>city|town|village|oblast|region)\s+of\s+(?P<core>.+)$", re.I
)
_THE = re.compile(r"^the\s+", re.IGNORECASE)

# Which levels a hint prefers, best first; levels not listed come last in LEVELS order.
# Without a hint this is the category prior: a city or town before the units named after
# it, a village only when no larger unit has the name, a district of a city last.
_PREFERENCE: dict[str | None, tuple[str, ...]] = {
    # A bare name that is a country's is the country ("Mexico", not the Mexican state).
    None: ("country", "city", "town", "raion", "admin2", "oblast", "admin1", "hromada", "admin3",
           "village", "city_district"),
    "raion": ("raion", "admin2", "city_district", "city", "town", "hromada", "admin3", "oblast",
              "admin1", "village"),
    "oblast": ("oblast", "admin1", "city", "town", "raion", "admin2", "hromada", "admin3",
               "village", "city_district"),
    "hromada": ("hromada", "admin3", "city", "town", "village", "raion", "admin2", "oblast",
                "admin1", "city_district"),
    "city": ("city", "town", "hromada", "admin3", "village", "raion", "admin2", "oblast",
             "admin1", "city_district"),
    "village": ("village", "town", "city", "hromada", "admin3", "raion", "admin2", "oblast",
                "admin1", "city_district"),
}  # fmt: skip
# Levels whose homonyms are not told apart by a prior (see the module docstring).
_HOMONYM_LEVELS = frozenset({"village", "city_district"})
# Levels never matched fuzzily.
_EXACT_ONLY_LEVELS = frozenset({"village", "city_district"})
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

    @property
    def needs_context(self) -> bool:
        """Return True when the name fits several places equally well (homonym villages in
        different raions) and nothing chose one: `unit` is None, `candidates` holds them."""
        return self.unit is None and len(self.candidates) > 1

    def for_query(self, query: str) -> Resolution:
        """Return this resolution as the answer to `query` (a copy; faster than
        `dataclasses.replace`, which the extractor would call for every place it reads)."""
        return Resolution(
            query, self.unit, self.match, self.score, self.candidates, self.suggestions, self.note
        )

    def problem(self) -> str | None:
        """Return why this name cannot be used ("unknown place ...; did you mean ...",
        "ambiguous place ..."), or None."""
        if self.unit is not None:
            return None
        if self.needs_context:
            return f"place {self.query!r} is {self.note}"
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
        """Return the index of the unit named `within`: the level its words ask for
        ("Kupiansk district" is the raion), else read as broadly as possible (an oblast)."""
        core, hint = split_level_word(within)
        found = self._found(heavy_key(core), hint)
        if not found:
            raise UnknownPlaceError(f"unknown place {within!r} given as the area to search in")
        order = _PREFERENCE["oblast" if hint is None else hint]
        return min(found, key=lambda i: _level_rank(order, self.gazetteer.level(i)))

    def _inside(self, i: int, area: int | None) -> bool:
        return area is None or i == area or area in self.gazetteer.ancestors(i)

    def _choose(
        self, query: str, found: list[int], light: str, hint: str | None, level: str | None
    ) -> Resolution:
        order = _PREFERENCE[hint]
        gazetteer = self.gazetteer
        exact = {i: light in {light_key(n) for n in gazetteer.exact_names(i)} for i in found}

        def rank(i: int) -> tuple[int, int, int, int]:
            level_rank = _level_rank(order, gazetteer.level(i))
            # A level word decides first; a bare name prefers what it names today over a
            # former name ("Dnipropetrovsk" is the oblast, no longer the city).
            current = 0 if exact[i] else 1
            first, second = (level_rank, current) if hint or level else (current, level_rank)
            # Then a unit with a P-code (a user's COD gazetteer before the ISO layer).
            return (first, second, 0 if gazetteer.units[i].pcode else 1, i)

        ranks = {i: rank(i) for i in exact}
        ranked = sorted(ranks, key=ranks.__getitem__)
        best = ranked[0]
        match: Match = "exact" if exact[best] else "alias"
        units = gazetteer.units
        candidates = tuple(units[i] for i in ranked)
        tied = [units[i] for i in ranked if ranks[i][:2] == ranks[best][:2]]
        if len(tied) > 1 and tied[0].level in _HOMONYM_LEVELS:
            if len({u.admin2_pcode for u in tied}) > 1:
                note = _homonyms(tied, "; name its raion, hromada or oblast")
                return Resolution(query, None, match, 1.0, tuple(tied), note=note)
            note = _homonyms(tied, f": all in {tied[0].admin2_name} raion, so that is certain")
            return Resolution(query, units[best], match, 1.0, candidates, note=note)
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
        levels = self.gazetteer.level
        return [
            (score, i)
            for choice, score, _ in hits
            for i in self.gazetteer.lookup(choice)
            if levels(i) not in _EXACT_ONLY_LEVELS
            and self._inside(i, area)
            and (level is None or levels(i) == level)
        ]

    @cached_property
    def _choices(self) -> list[str]:
        """The keys a misspelling may be matched to: those of a unit other than a village."""
        gazetteer = self.gazetteer
        return [
            key
            for key in gazetteer.keys
            if any(gazetteer.level(i) not in _EXACT_ONLY_LEVELS for i in gazetteer.lookup(key))
        ]

    @cached_property
    def _by_initial(self) -> dict[str, list[str]]:
        groups: dict[str, list[str]] = {}
        for choice in self._choices:
            groups.setdefault(choice[0], []).append(choice)
        return groups


def _hint_of_level(level: str | None) -> str | None:
    hints = {"admin1": "oblast", "admin2": "raion", "admin3": "hromada", "town": "city"}
    return hints.get(level or "", "raion" if level == "city_district" else level)


def _level_rank(order: tuple[str, ...], level: str) -> int:
    return order.index(level) if level in order else len(order)


def _where(unit: Unit) -> str:
    """Return where a unit is, as much as tells it from its homonyms: "Kharkivska" for a
    city or raion, "Kurylivska hromada, Kupianskyi raion, Kharkivska" for a village."""
    if unit.level not in _HOMONYM_LEVELS:
        return unit.admin1_name
    parts = [f"{unit.admin3_name} hromada" if unit.admin3_name else None]
    parts.append(f"{unit.admin2_name} raion" if unit.admin2_name else None)
    return ", ".join(p for p in (*parts, unit.admin1_name) if p)


def _homonyms(tied: list[Unit], tail: str) -> str:
    kind = {"village": "villages", "city_district": "districts of cities"}[tied[0].level]
    listed = "; ".join(f"{u.label} ({_where(u)})" for u in tied[:6])
    more = f" and {len(tied) - 6} more" if len(tied) > 6 else ""
    return f"ambiguous: {len(tied)} {kind} of that name: {listed}{more}{tail}"


def _why(candidates: tuple[Unit, ...], hint: str | None, level: str | None) -> str:
    if len(candidates) < 2:
        return ""
    first = candidates[0]
    others = ", ".join(f"{u.label} ({_where(u)})" for u in candidates[1:4])
    if level:
        reason = f"level {level} was asked for"
    elif hint:
        reason = f"the words around the name ask for the level {hint}"
    else:
        reason = (
            "a bare name: current names first, then city or town, raion, oblast, hromada, village"
        )
    return f"chose {first.label} ({_where(first)}) over {others}: {reason}"
