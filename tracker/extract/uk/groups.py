"""Who a Ukrainian number counts: the noun after it, or a distractor that rules it out.

The noun may follow adjectives ("1500 місцевих жителів", "479 внутрішньо переміщених
осіб") or a dash ("з них 213 — діти"). Groups: people (людей, осіб, мешканців, жителів,
цивільних, населення, ВПО, demonyms such as "ізюмчан"), children (дітей, дитина,
малолітніх, неповнолітніх), families (родин, сімей). Adults (дорослих) are people counts
kept only alone (guidelines 3.3). A count of anything else (settlements, hromadas, km,
buses, years, hryvnias, drones, casualties) is a distractor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.model import Group

__all__ = ["UkGroup", "counts_other_before", "group_after", "is_distractor", "is_subgroup"]

_A = "['\u2019\u02bc`]"
_ADJECTIVE = r"(?:[а-яіїєґ'\u2019\u02bc`-]+(?:их|іх|ого|ому|ої|ій|ні|ті|чі)\s+|ще\s+)"
_NOUNS: tuple[tuple[str, Group, str], ...] = (
    (
        r"діт(?:ей|и|ям|ьми|ях)|дитин(?:а|и|у|і|ою)|малолітн\w*|неповнолітн\w*",
        Group.CHILDREN,
        "children",
    ),
    (
        rf"родин(?:а|и|у|і|ою|ам|ами|ах)?|сім(?:{_A}(?:я|ї|ю|єю|ям|ями)|ей)",
        Group.FAMILIES,
        "families",
    ),
    # Displaced people: where they live now is where they are housed (framing.py).
    (
        r"(?:внутрішньо\s+)?переміщен(?:их|і|а|ій|ої|им|ими)\s+ос(?:іб|оби|оба|обі|обу|обам|обами)"
        r"|ВПО|переселен(?:ців|ці|цям|цями)"
        r"|евакуйован(?:их|і)",
        Group.PEOPLE,
        "displaced",
    ),
    (
        r"люд(?:ей|ям|ьми|ях|и)|людин(?:а|и|у|і|ою)|ос(?:іб|оби|оба|обу|обам|обами)"
        r"|мешкан(?:ців|ці|ця|ець|цям|цями)|жител(?:ів|і|ь|я|ям|ями)|цивільн(?:их|і|им)"
        r"|громадян\w*|[а-яіїєґ]+чан(?:и|ам|ами)?|чоловік\b|пасажир(?:ів|и|ам|ами)?",
        Group.PEOPLE,
        "people",
    ),
    (r"доросл(?:их|і|им|ими)", Group.PEOPLE, "adults"),
    (r"населення", Group.PEOPLE, "population"),
)
# "702 херсонців", "2,5 тис. харків'ян", "маріупольцям": the people of a town, named
# after it (checked against the gazetteer, so "бійців" is nobody's people).
_DEMONYM_RE = re.compile(
    rf"\s*(?P<stem>[а-яіїєґ{_A[1:-1]}]{{3,}}?)(?:ців|цям|цями|цях|{_A}ян(?:ам|ами)?)\b",
    re.IGNORECASE,
)
_NOUN_RES = [
    (re.compile(rf"\s*(?:[-\u2013\u2014]\s*)?{_ADJECTIVE}{{0,2}}(?:{stem})\b", re.IGNORECASE), g, n)
    for stem, g, n in _NOUNS
]
_DISTRACTOR_RE = re.compile(
    r"\s*(?:[а-яіїєґ'\u2019\u02bc`-]+(?:их|іх|і)\s+){0,2}"
    r"(?:населен\w+\s+пункт\w*|пункт\w*|громад\w*|сіл\b|сел(?:а|ах|ищ\w*)|район\w*|област\w*"
    r"|км|кілометр\w*|метр\w*|гривень|грн|доларів|дрон\w*|шахед\w*|ракет\w*|снаряд\w*"
    r"|автобус\w*|потяг\w*|поїзд\w*|рейс\w*|маршрут\w*|коридор\w*|транзитн\w*|центр\w*"
    r"|рок\w*|рік|років|дн(?:ів|і)|діб|доб[иу]?|тижн\w*|місяц\w*|годин\w*|хвилин\w*|разів|рази"
    r"|загибл\w*|поранен\w*|убит\w*|вбит\w*|заг[иі]н\w*|будинк\w*|будівел\w*|споруд\w*|квартир\w*"
    r"|заявок|заяв\w*|набор\w*|одиниц\w*|відсот\w*|%|тонн\w*|гектар\w*|місц\w*|ліж\w*|шкіл|закладів"
    r"|військов\w*|солдат\w*|полонен\w*|волонтер\w*|працівник\w*|рятувальник\w*"
    r"|січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня"
    r"|числа|годин[іи]|ранку|вечора)\b",
    re.IGNORECASE,
)
# Subgroups the schema cannot hold (guidelines 3.3): orphans, people with disabilities.
_SUBGROUP_RE = re.compile(
    r"\s*(?:[-,]?\s*)?(?:сиріт|позбавлених\s+батьківського|з\s+інвалідністю|з\s+опікунами"
    r"|маломобільн\w*)",
    re.IGNORECASE,
)
_GROUP_WORD_RE = re.compile(
    "|".join(f"(?:{stem})" for stem, _, _ in _NOUNS) + r"|евакуйован\w+", re.IGNORECASE
)
# Nouns of things counted in reports: buses, settlements, communities, kilometres.
_OTHER_NOUN_RE = re.compile(
    r"(?<![\w])(?:автобус\w*|потяг\w*|поїзд\w*|рейс\w*|населених\s+пунктів|сіл\b|громад\b"
    r"|кілометр\w*|км\b|дрон\w*|снаряд\w*|будинк\w+|номер\w*|телефон\w*|лінії|лінію)",
    re.IGNORECASE,
)
_SUBGROUP_ADJECTIVE_RE = re.compile(r"маломобільн\w+|лежач\w+|осиротіл\w+", re.IGNORECASE)
_SUCH_RE = re.compile(r"\s*таких\s", re.IGNORECASE)
_SUBGROUP_NAMED_RE = re.compile(r"сиріт|позбавлених\s+батьківського|з\s+інвалідністю", re.I)


@dataclass(frozen=True, slots=True)
class UkGroup:
    """The noun a number counts: its group, end offset, and whether it counts adults only."""

    group: Group
    end: int
    adult: bool
    rule: str


def group_after(text: str, position: int, limit: int) -> UkGroup | None:
    """Return the group counted by a number ending at `position`, None when no group noun
    follows within text[:limit]."""
    for pattern, group, name in _NOUN_RES:
        match = pattern.match(text, position, limit)
        if match is not None:
            return UkGroup(group, match.end(), name == "adults", f"uk-noun-{name}")
    demonym = _DEMONYM_RE.match(text, position, limit)
    if demonym is not None and _is_town(demonym.group("stem")):
        return UkGroup(Group.PEOPLE, demonym.end(), False, "uk-noun-demonym")
    return None


def _is_town(stem: str) -> bool:
    """Return True when `stem` ("херсон" of херсонців, "харків" of харків'ян) is the name
    of a Ukrainian city or town: its people, not fighters (бійців) or anyone else."""
    from tracker.extract.uk.places import town_named

    return town_named(stem.capitalize())


def is_distractor(text: str, position: int, limit: int) -> bool:
    """Return True when the noun after a number counts no people (settlements, km, years)."""
    return _DISTRACTOR_RE.match(text, position, limit) is not None


def counts_other_before(text: str, start: int, position: int) -> bool:
    """Return True when the noun named last before `position` (from `start`) counts no
    people: a bare number there counts it ("З десятків автобусів ... вдалося всього 6")."""
    last_group = max((m.end() for m in _GROUP_WORD_RE.finditer(text, start, position)), default=-1)
    return any(m.start() > last_group for m in _OTHER_NOUN_RE.finditer(text, start, position))


def is_subgroup(text: str, group_end: int, number_end: int, limit: int, scope: str) -> bool:
    """Return True for a subgroup the schema cannot hold: "9 дітей з опікунами", "12
    маломобільних жителів", or "113 таких дітей" where `scope` (the passage) names orphans
    or people with disabilities."""
    if _SUBGROUP_RE.match(text, group_end, limit):
        return True
    if _SUBGROUP_ADJECTIVE_RE.search(text, number_end, group_end):
        return True  # "12 маломобільних жителів"
    return _SUCH_RE.match(text, number_end, limit) is not None and bool(
        _SUBGROUP_NAMED_RE.search(scope)
    )
