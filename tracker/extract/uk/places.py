"""Ukrainian place names in running text, in any grammatical case, read as gazetteer units.

A name is a run of capitalised Cyrillic words ("Нової Слободи", "Середино-Будська"). Its
words are turned back into nominatives by generated declension rules (declension.py) and
looked up among the native (KATOTTG) names of the gazetteer; the regional names of oblasts
and raions (Харківщина, Донеччина, Куп'янщина) are made from their adjectives. A level
word after the name picks the unit's level (Куп'янського району, Вовчанській громаді,
Сумської області; an administration: Харківської ОВА); a settlement word before it picks
a village, town or city (с. Нова Слобода, у селищі Борова). An adjective with no level
word takes the level of the list it stands in ("з Вознесенського району ..., з
Баштанського", "у Білопільській та Ворожбянській громадах"). A name that several units
bear is read as the one inside a unit the same phrase or the document names.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import product

from tracker.extract.uk.declension import nominatives
from tracker.places import Unit, places
from tracker.places.fold import heavy_key, light_key
from tracker.places.gazetteer import Gazetteer

__all__ = ["UkMention", "find_uk_mentions", "town_named"]

_LETTERS = "а-яіїєґ'\u2019\u02bc`"
_WORD_RE = re.compile(
    rf"(?<![\w'\u2019\u02bc`])[А-ЯІЇЄҐ][{_LETTERS}]+(?:-[А-ЯІЇЄҐа-яіїєґ][{_LETTERS}]+)*"
)
_LEVEL_AFTER_RE = re.compile(
    # "Корабельного району міста": a district of a city, not a raion
    r"\s+(?:(?P<city_district>район(?:у|і|ом|ів|ах|и)?\s+міста\b)"
    r"|(?P<raion>район(?:у|і|ом|ів|ах|и)?\b|р-н(?:у|і)?\b)|(?P<hromada>(?:міськ\w+\s+|селищн\w+\s+"
    r"|сільськ\w+\s+)?(?:територіальн\w+\s+)?громад(?:а|и|і|у|ою|ах|ам)?\b|ОТГ|МТГ|СТГ|СмТГ|ТГ)"
    r"|(?P<oblast>област(?:ь|і|ей|ях|ю)\b|обл\.)"
    r"|(?P<admin1>ОВА|ОДА|обласн\w+\s+військов\w+)|(?P<admin2>РВА|районн\w+\s+військов\w+)"
    r"|(?P<admin3>МВА|міськ\w+\s+військов\w+|селищн\w+\s+військов\w+))"
)
_SETTLEMENT_BEFORE_RE = re.compile(
    r"(?<![\w])(?:(?P<village>с\.|села|селі|село|селом|сіл|селах|селища|селищі|селище|смт)"
    r"|(?P<city>м\.|міста|місті|місто|містом))\s+$",
    re.IGNORECASE,
)
# "з деокупованих Циркунів та Руської Лозової": a preposition before adjectives, or before
# another name coordinated with this one.
_LISTED_AFTER_PREPOSITION_RE = re.compile(
    r"(?<![\w])(?:у|в|з|із|зі|до|на|по|від|біля|під|для|щодо)\s+"
    r"(?:[а-яіїєґ'\u2019]+(?:их|ого|ої|ій|ому|ім)\s+){1,2}$"
    r"|(?<![\w])(?:у|в|з|із|зі|до|на|по|від|біля|під|для|щодо)\s+"
    r"(?:[а-яіїєґ'\u2019]+(?:их|ого|ої|ій|ому|ім)\s+){0,2}"
    r"[А-ЯІЇЄҐ][\w'\u2019-]*(?:\s+[А-ЯІЇЄҐ][\w'\u2019-]*)?\s*(?:,|та|і|й)\s+$",
)
# "Староста Дар'ївки", "мешканців Вільхуватки": a village's headman or people, in the genitive.
_PEOPLE_OF_BEFORE_RE = re.compile(r"(?<![\w])(?:старост\w*|мешкан\w+|жител\w+)\s+$", re.IGNORECASE)
_PREPOSITION_BEFORE_RE = re.compile(
    r"(?<![\w])(?:у|в|з|із|зі|до|на|по|від|біля|під|для|щодо)\s+$", re.IGNORECASE
)
_LANDMARK_RE = re.compile(r"(?:км|кілометр\w*|метр\w*)\s+(?:[\w-]+\s+){0,4}?від\s+$", re.I)
_AND_RE = re.compile(r"^\s*(?:,|та|і|й)\s*$")
_REGION_PREPOSITION_RE = re.compile(r"(?<![\w])(?:на|по)\s+$", re.IGNORECASE)
# "до Харкова", "в бік Дніпра"; "обстріли з боку Херсонщини" (where fire comes from), "до
# околиць Покровська": places no one is counted in.
_DESTINATION_RE = re.compile(
    r"(?<![\w])(?:до|в\s+бік|з\s+боку|до\s+околиць|до\s+меж)\s+$", re.IGNORECASE
)
_ON_RE = re.compile(r"(?<![\w])на\s+$", re.IGNORECASE)
_PLURAL_LEVEL_AHEAD_RE = re.compile(
    r"(?:\s*(?:,|та|і|й)\s+[А-ЯІЇЄҐ][\w'\u2019\u02bc`-]*){1,6}\s+(?:(?P<hromada>громад\w*)"
    r"|(?P<city_district>район\w*\s+міста\b)|(?P<raion>район\w*)|(?P<oblast>област\w*))"
)
# Oblique adjective endings: a name in them stands for "<name> району/громаді" elided.
_ADJECTIVE_ENDING_RE = re.compile(r"(?:ськ|цьк|зьк)(?:ого|ому|ої|ій|им|их|ою|ими)$")
_SETTLEMENTS = ("city", "town", "village")
_LEVEL_ORDER = {"city": 0, "town": 1, "raion": 2, "oblast": 3, "hromada": 4, "village": 5}


@dataclass(frozen=True, slots=True)
class UkMention:
    """A place name at text[start:end] (with its level word), read as `unit`.

    `administration` marks a name that only names an authority (Харківська ОВА);
    `destination` a place people are taken to ("до Харкова", "на Полтавщину")."""

    start: int
    end: int
    unit: Unit
    administration: bool
    destination: bool
    # Why the name is left unsettled: several places of that name in different raions fit
    # the text alike ("" when `unit` is the text's place). `unit` is then only the first.
    ambiguous: str = ""


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    indices: tuple[int, ...]
    level: str | None
    administration: bool
    destination: bool
    regional: bool  # "на Запоріжжі", "по Запоріжжю": a region named by its centre


def find_uk_mentions(text: str) -> list[UkMention]:
    """Return the Ukrainian place names of `text` that the gazetteer holds, in order."""
    gazetteer = places().gazetteer
    found: list[_Found] = []
    words = list(_WORD_RE.finditer(text))
    # How many words from each on are written one space apart (a name has up to three).
    runs = [1] * len(words)
    for k in range(len(words) - 2, -1, -1):
        if text[words[k].end() : words[k + 1].start()] == " ":
            runs[k] = runs[k + 1] + 1
    i = 0
    last_level: str | None = None
    while i < len(words):
        hit = _name_at(text, words, i, min(runs[i], 3), gazetteer, last_level)
        if hit is None:
            i += 1
            continue
        item, used = hit
        if found and found[-1].destination and _AND_RE.match(text[found[-1].end : item.start]):
            item = replace(item, destination=True)  # "до Миколаєва та Одеси": both are
        found.append(item)
        if not item.administration:
            last_level = item.level
        i += used
    return _resolve_all(found, gazetteer)


def _name_at(
    text: str,
    words: list[re.Match[str]],
    i: int,
    longest: int,
    gazetteer: Gazetteer,
    last_level: str | None,
) -> tuple[_Found, int] | None:
    """Return the longest name of the `longest` adjacent words from word i on, or None."""
    for size in range(longest, 0, -1):
        run = words[i : i + size]
        start, end = run[0].start(), run[-1].end()
        level, end_with_level, administration = _level_after(text, end)
        surface_words = [w.group() for w in run]
        if level is None and _ADJECTIVE_ENDING_RE.search(surface_words[-1]):
            level = _level_ahead(text, end) or last_level
        indices = _lookup(tuple(surface_words), gazetteer, level)
        if not indices and end_with_level == end and level is not None:
            indices = _lookup(tuple(surface_words), gazetteer, None)  # the elided level was wrong
        if not indices:
            continue
        if _person_name(text, words, i + size, start):
            continue
        settlement = _SETTLEMENT_BEFORE_RE.search(text, max(0, start - 8), start)
        if level is None and settlement is not None:
            wanted = ("city",) if settlement.group("city") else ("town", "village")
            indices = tuple(j for j in indices if gazetteer.level(j) in wanted) or indices
        if not _plausible(text, start, indices, gazetteer, level, settlement is not None):
            continue
        before = text[max(0, start - 16) : start]
        destination = bool(_DESTINATION_RE.search(before)) or (
            bool(_ON_RE.search(before)) and surface_words[-1].endswith(("у", "ю"))
        )
        regional = level is None and _REGION_PREPOSITION_RE.search(before) is not None
        # "за 100 кілометрів від Запоріжжя": a landmark to measure from, not a place of people
        if _LANDMARK_RE.search(text, max(0, start - 40), start):
            destination = True
        item = _Found(start, end_with_level, indices, level, administration, destination, regional)
        return item, size
    return None


def _person_name(text: str, words: list[re.Match[str]], after: int, start: int) -> bool:
    """Return True for a name followed by a capitalised word it does not form a name with,
    with no preposition or settlement word before it: a person (Володимир Мацокін)."""
    if after >= len(words) or text[words[after - 1].end() : words[after].start()] != " ":
        return False
    before = text[max(0, start - 8) : start]
    return not (_PREPOSITION_BEFORE_RE.search(before) or _SETTLEMENT_BEFORE_RE.search(before))


def _level_after(text: str, end: int) -> tuple[str | None, int, bool]:
    match = _LEVEL_AFTER_RE.match(text, end)
    if match is None:
        return None, end, False
    kind = match.lastgroup or ""
    if kind.startswith("admin"):
        level = {"admin1": "oblast", "admin2": "raion", "admin3": "hromada"}[kind]
        return level, match.end(), True
    return kind, match.end(), False


def _level_ahead(text: str, end: int) -> str | None:
    match = _PLURAL_LEVEL_AHEAD_RE.match(text, end)
    return match.lastgroup if match is not None else None


def _plausible(
    text: str,
    start: int,
    indices: tuple[int, ...],
    gazetteer: Gazetteer,
    level: str | None,
    settlement_word: bool,
) -> bool:
    """Return True unless only villages answer to a capitalised word that nothing marks as
    a place (a person's name that a village also bears)."""
    if level is not None or settlement_word:
        return True
    if any(gazetteer.level(j) != "village" for j in indices):
        return True
    return (
        _PREPOSITION_BEFORE_RE.search(text, max(0, start - 8), start) is not None
        or _PEOPLE_OF_BEFORE_RE.search(text, max(0, start - 14), start) is not None
        or _LISTED_AFTER_PREPOSITION_RE.search(text, max(0, start - 60), start) is not None
    )


def _lookup(surface: tuple[str, ...], gazetteer: Gazetteer, level: str | None) -> tuple[int, ...]:
    """Return the units whose native or regional name the words may be a case form of."""
    found = _candidates(surface)
    regional = [j for j in found if j in _regional_units()]
    if level is None and regional and len(surface) == 1:
        return tuple(regional)  # Харківщина is the region, not a village of that name
    if level is not None:
        return tuple(j for j in found if gazetteer.level(j) == level)
    return tuple(j for j in found if gazetteer.level(j) in _SETTLEMENTS) or tuple(
        j for j in found if j in _regional_units()
    )


def town_named(name: str) -> bool:
    """Return True when `name`, as written in the nominative, is a Ukrainian city or town
    (an exact name: no fuzzy search)."""
    gazetteer = places().gazetteer
    return any(
        gazetteer.level(j) in ("city", "town")
        and light_key(gazetteer.column("native")[j]) == light_key(name)
        for j in gazetteer.lookup(heavy_key(name))
    )


@lru_cache(maxsize=16384)
def _candidates(surface: tuple[str, ...]) -> tuple[int, ...]:
    gazetteer = places().gazetteer
    regional = _regional_names()
    forms = [_word_nominatives(word) for word in surface]
    found: dict[int, None] = {}
    renamed: dict[int, None] = {}
    for combo in product(*forms):
        name = " ".join(combo)
        key = light_key(name)
        if len(surface) == 1 and key in regional:
            found[regional[key]] = None
        for j in gazetteer.lookup(heavy_key(name)):
            if gazetteer.column("country")[j] != "UA":
                continue
            unit_native = gazetteer.column("native")[j]
            if unit_native and light_key(unit_native) == key:
                found[j] = None
            elif gazetteer.level(j) in ("city", "town"):
                renamed[j] = None  # by a former name: Сєвєродонецьк, Дніпропетровськ
    return tuple(found or renamed)


def _word_nominatives(word: str) -> tuple[str, ...]:
    """Return the nominatives a word may be a case form of; both parts of a hyphenated
    name decline (Куп'янську-Вузловому -> Куп'янськ-Вузловий)."""
    if "-" not in word:
        return nominatives(word)
    parts = [nominatives(part) if part else ("",) for part in word.split("-")]
    return tuple(dict.fromkeys(["-".join(combo) for combo in product(*parts)]))


@lru_cache(maxsize=1)
def _regional_names() -> dict[str, int]:
    """Return the regional names of oblasts and raions (Харківщина, Донеччина, Куп'янщина)
    by light key, oblasts first: "Сумщина" is the oblast, not the Sumy raion."""
    gazetteer = places().gazetteer
    names: dict[str, int] = {}
    for wanted in ("oblast", "raion"):
        for j in range(len(gazetteer)):
            if gazetteer.level(j) != wanted or gazetteer.column("country")[j] != "UA":
                continue
            native = gazetteer.column("native")[j]
            for regional in _regional_forms(native):
                names.setdefault(light_key(regional), j)
    return names


@lru_cache(maxsize=1)
def _regional_units() -> frozenset[int]:
    """Return the units that have a regional name."""
    return frozenset(_regional_names().values())


# Regions whose name is not made from the oblast's adjective.
_HISTORICAL_REGIONS = {
    "Закарпатська": ("Закарпаття",),
    "Чернівецька": ("Буковина",),
    "Волинська": ("Волинь",),
    "Івано-Франківська": ("Прикарпаття", "Івано-Франківщина"),
    "Дніпропетровська": ("Дніпропетровщина", "Дніпровщина"),
}


def _regional_forms(adjective: str) -> list[str]:
    """Return the regional nouns of an oblast or raion adjective: Харківська -> Харківщина,
    Донецька -> Донеччина, Куп'янський -> Куп'янщина, Закарпатська -> Закарпаття."""
    if adjective in _HISTORICAL_REGIONS:
        return list(_HISTORICAL_REGIONS[adjective])
    for ending in ("ська", "ський"):
        if adjective.endswith(ending):
            return [adjective[: -len(ending)] + "щина"]
    for ending in ("цька", "цький"):
        if adjective.endswith(ending):
            return [adjective[: -len(ending)] + "ччина"]
    return []


def _resolve_all(found: list[_Found], gazetteer: Gazetteer) -> list[UkMention]:
    """Return one unit per name: among several, the one inside a unit that the name's
    phrase (the next name, as in "Борова Ізюмського району") or the document names."""
    if not found:
        return []
    certain = {f.indices[0] for f in found if len(f.indices) == 1}
    settling = _Settling(found, gazetteer)
    phrases = [
        set(after.indices) if after.start - item.end <= 2 else set()
        for item, after in zip(found, [*found[1:], found[-1]], strict=True)
    ]
    facts = _Facts(gazetteer)
    # First each name alone, then each again beside what the others were read as.
    first = [
        item.indices[0]
        if len(item.indices) == 1
        else min(item.indices, key=lambda j: _rank(j, facts, phrases[k], certain, (), ()))
        for k, item in enumerate(found)
    ]
    chosen = _Settling([replace(f, indices=(b,)) for f, b in zip(found, first, strict=True)],
                       gazetteer)  # fmt: skip
    mentions: list[UkMention] = []
    for k, item in enumerate(found):
        best, ambiguous = first[k], ""
        if len(item.indices) > 1:
            context = (chosen.others(replace(item, indices=(best,))), settling.others(item))
            ranks = {j: _rank(j, facts, phrases[k], certain, *context) for j in item.indices}
            ranked = sorted(item.indices, key=ranks.__getitem__)
            best = ranked[0]
            ambiguous = _unsettled(ranked, ranks, gazetteer)
        if item.regional:
            best, ambiguous = _region_of_centre(best, gazetteer), ""
        mentions.append(
            UkMention(
                item.start,
                item.end,
                gazetteer.make_unit(best),
                item.administration,
                item.destination,
                ambiguous,
            )
        )
    return mentions


def _unsettled(ranked: list[int], ranks: dict[int, tuple[int, ...]], gazetteer: Gazetteer) -> str:
    """Return why a name stays unsettled when its best places rank alike (only the order of
    the gazetteer would choose) and lie in different raions, else ""."""
    tied = [j for j in ranked if ranks[j][:-1] == ranks[ranked[0]][:-1]]
    units = [gazetteer.make_unit(j) for j in tied]
    if len({u.admin2_pcode for u in units}) < 2:
        return ""
    listed = "; ".join(f"{u.name} ({u.admin2_name} raion, {u.admin1_name})" for u in units)
    return f"{len(units)} places of that name fit the text alike: {listed}; name its raion"


_MAX_SETTLING = 200  # names that may settle an ambiguous one: a report's worth


class _Settling:
    """What the names of one document may be, with the units holding them: two ambiguous
    names settle each other (Запсілля and Миропільська громада of one oblast)."""

    def __init__(self, found: list[_Found], gazetteer: Gazetteer) -> None:
        self._by_name: dict[tuple[int, ...], set[int]] = {}
        for item in found[:_MAX_SETTLING]:
            if item.indices not in self._by_name:
                units = set(item.indices)
                for j in item.indices:
                    units.update(gazetteer.ancestors(j))
                self._by_name[item.indices] = units
        self._counts = Counter(u for units in self._by_name.values() for u in units)
        self._others: dict[tuple[int, ...], frozenset[int]] = {}

    def others(self, item: _Found) -> frozenset[int]:
        """Return what the names other than `item`'s may be, or hold."""
        found = self._others.get(item.indices)
        if found is None:
            own = self._by_name.get(item.indices, set())
            found = frozenset(u for u, n in self._counts.items() if n > (u in own))
            self._others[item.indices] = found
        return found


def _region_of_centre(j: int, gazetteer: Gazetteer) -> int:
    """Return the oblast of which city j is the centre, else j ("на Запоріжжі" is the
    region; a city is its oblast's centre when it is the centre of the raion that bears
    the oblast's name: Запорізький raion of Запорізька oblast)."""
    if gazetteer.level(j) != "city":
        return j
    chain = gazetteer.ancestors(j)
    raion = next((a for a in chain if gazetteer.level(a) == "raion"), None)
    oblast = next((a for a in chain if gazetteer.level(a) == "oblast"), None)
    if raion is None or oblast is None:
        return j
    natives = gazetteer.column("native")
    centre = gazetteer.column("centre")[raion] == gazetteer.column("name")[j]
    same_name = light_key(natives[raion])[:-2] == light_key(natives[oblast])[:-1]
    return oblast if centre and same_name else j


class _Facts:
    """What ranking needs to know of a unit, looked up once per document."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self._gazetteer = gazetteer
        self._known: dict[int, tuple[frozenset[int], bool, bool, int]] = {}

    def of(self, j: int) -> tuple[frozenset[int], bool, bool, int]:
        """Return (the units holding j, is a city, is its raion's centre, level order)."""
        known = self._known.get(j)
        if known is None:
            g = self._gazetteer
            chain = g.ancestors(j)
            raion = next((a for a in chain if g.level(a) == "raion"), None)
            centre = raion is not None and g.column("centre")[raion] == g.column("name")[j]
            level = g.level(j)
            known = (frozenset(chain), level == "city", centre, _LEVEL_ORDER.get(level, 9))
            self._known[j] = known
        return known


def _rank(
    j: int,
    facts: _Facts,
    phrase: set[int],
    certain: set[int],
    read: Collection[int],
    others: Collection[int],
) -> tuple[int, ...]:
    """Order the units a name may be: inside a unit of its phrase, a city before a village
    of its name (Лозова), inside units the document names for certain, then the units its
    other names were read as, then those they may be, a raion's centre (Миколаїв of
    Mykolaivska, not of Lvivska), by level."""
    ancestors, city, centre, level = facts.of(j)
    return (
        0 if ancestors & phrase else 1,
        0 if city else 1,
        -len(ancestors & certain),
        -(len(ancestors.intersection(read)) + (j in read)),
        -(len(ancestors.intersection(others)) + (j in others)),
        0 if centre else 1,
        level,
        j,
    )
