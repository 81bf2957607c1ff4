"""Choosing a Ukrainian figure's place among the names its document states.

A part of a breakdown ("з них 436 дітей") takes its head's place. Otherwise, in order:
the name right before the number in a list line ("Краснопільська громада – 1298", "в
Ізюмському — 25"); a name right after the counted noun with a preposition ("вивезли 75
людей з Нової Слободи"); the nearest name before the number in its clause, else after
it; the same in its sentence; the place of the figure before; the document's first name.
Destinations ("до Харкова", "на Полтавщину") and the names of authorities ("Харківської
ОВА") are not where people are counted. Names coordinated under one plural level word
("у Білопільській та Ворожбянській громадах") give the unit that holds them all.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from tracker.extract.place_columns import Place, unit_key
from tracker.extract.short_names import oblast_short_name
from tracker.extract.uk.places import UkMention, find_uk_mentions
from tracker.extract.uk.readings import UkReading
from tracker.model import Metric
from tracker.places import Unit, places

__all__ = ["UkPlaceChooser"]

_LIST_ITEM_RE = re.compile(r"^\s*[\u2013\u2014-]?\s*(?:ще\s+)?$")
_PREPOSITION_AFTER_RE = re.compile(r"^\s*(?:з|із|зі|у|в|на|по)\s+$", re.IGNORECASE)
_ANTECEDENTS = 50  # an anaphor looks this many names back at most
_CHAIN_GAP_RE = re.compile(r"^\s*(?:,\s*)?(?:(?:на|у|в)\s+)?$")
_ANAPHOR_RE = re.compile(
    r"(?<![\w])(?:(?:з|із|у|в|по|на|для)\s+)?(?:(?P<oblast>області|регіону|регіоні|обл\.)"
    r"|(?P<raion>району|районі)|(?P<hromada>громади|громаді|громаду|громада)"
    r"|(?P<city>міста|місті|місто)|(?P<village>села|селі|селища|селищі|селах|сіл)"
    r"|(?P<there>звідти|звідси|там|туди|сюди|тут))(?![\w])",
    re.IGNORECASE,
)
_ORIGIN_RE = re.compile(r"(?<![\w])(?:з|із|зі|від)\s+$", re.IGNORECASE)
_ORIGIN_AFTER_RE = re.compile(r"^\s*(?:з|із|зі|від)\s+$", re.IGNORECASE)
_ASIDE_RE = re.compile(r",\s+(?:що|який|яка|яке|які|котр\w+|де)\s[^,.;:]*,", re.IGNORECASE)
_COORDINATED_RE = re.compile(r"^\s*(?:,|та|і|й)\s*(?:(?:та|і|й)\s+)?$|^\s*\($", re.IGNORECASE)


class UkPlaceChooser:
    """Chooses places for the figures of one Ukrainian document."""

    def __init__(self, text: str) -> None:
        """Find the place names of `text` once."""
        self._text = text
        found = find_uk_mentions(text)
        self._mentions = [m for m in found if not m.destination and not m.administration]
        # People are housed where they arrive: a destination is a housed figure's place.
        self._hosts = [m for m in found if not m.administration]
        # "Сумська ОВА ... з області": an authority's name is an antecedent of an anaphor.
        self._antecedents = [m for m in found if not m.destination]
        self._starts = [m.start for m in self._mentions]
        self._host_starts = [m.start for m in self._hosts]
        self._antecedent_starts = [m.start for m in self._antecedents]
        lead = self._mentions[:1] or [m for m in found if m.administration][:1]
        self._lead = self._columns(lead) if lead else Place("")
        self._by_reading: dict[int, Place] = {}
        self._last: Place | None = None

    def place_for(self, reading: UkReading, sentence: tuple[int, int]) -> Place:
        """Return the place of `reading`, whose sentence spans text[sentence]."""
        place = self._choose(reading, sentence)
        self._by_reading[id(reading)] = place
        self._last = place
        return place

    def _choose(self, reading: UkReading, sentence: tuple[int, int]) -> Place:
        number = reading.number
        listed = self._right_before(number.start, sentence[0])
        if listed is not None:
            return self._columns(self._coordinated(listed))
        if reading.head is not None and id(reading.head) in self._by_reading:
            return self._by_reading[id(reading.head)]
        for start, end in (reading.clause, sentence):
            here = self._within(start, end)
            if reading.metric == Metric.HOUSED.value:
                host = self._host(here, start, end)
                if host is not None:
                    return host
            here = self._outside_asides(here, start, end)
            after = [i for i in here if self._mentions[i].start >= reading.noun_end]
            gap = self._text[reading.noun_end : self._mentions[after[0]].start] if after else ""
            origin_of_housed = reading.metric == Metric.HOUSED.value and _ORIGIN_AFTER_RE.match(gap)
            if after and _PREPOSITION_AFTER_RE.match(gap) and not origin_of_housed:
                # ("прийняла 163 евакуйованих з Покровського району": where they came from is
                # not where they are housed)
                return self._columns(self._coordinated(after[0]))
            before = [i for i in here if self._mentions[i].end <= number.start]
            anaphor = self._anaphor(start, number.start)
            if anaphor is not None and (not before or self._mentions[before[-1]].end < anaphor[0]):
                return anaphor[1]
            if before:
                return self._columns(self._coordinated(self._innermost(before[-1])))
            if after and (start, end) == reading.clause:
                return self._columns(self._coordinated(after[0]))
        return self._last or self._lead

    def _host(self, here: list[int], start: int, end: int) -> Place | None:
        """Return where a housed figure's people live: a place it names that they did not
        come from ("Одещина прийняла ... з Херсонщини", "До Миргорода прибули"), None
        when every place named is an origin."""
        first = bisect_left(self._host_starts, start)
        last = bisect_left(self._host_starts, end)
        named = [m for m in self._hosts[first:last] if m.end <= end]
        origins: list[UkMention] = []
        for m in named:
            # "з Ізюмського та Куп'янського районів", "з Покровського району Донеччини": a
            # name coordinated with an origin, or holding it, is an origin too.
            gap = self._text[origins[-1].end : m.start] if origins else None
            if _ORIGIN_RE.search(self._text, max(0, m.start - 5), m.start) or (
                gap is not None and (_COORDINATED_RE.match(gap) or not gap.strip())
            ):
                origins.append(m)
        hosts = [m for m in named if m not in origins]
        if not hosts:
            return None
        run = [hosts[0]]  # "в Одесі та Ізмаїлі", "гуртожитках Лозової та Балаклії"
        for host in hosts[1:]:
            if not _COORDINATED_RE.match(self._text[run[-1].end : host.start]):
                break
            run.append(host)
        return self._columns(run)

    def _outside_asides(self, here: list[int], start: int, end: int) -> list[int]:
        """Return the mentions not inside a relative aside (", що межує з Енергодаром,")
        when there are others: the aside describes, the main clause counts."""
        asides = [m.span() for m in _ASIDE_RE.finditer(self._text, start, end)]
        kept = [i for i in here if not any(a <= self._mentions[i].start < b for a, b in asides)]
        return kept or here

    def _anaphor(self, start: int, position: int) -> tuple[int, Place] | None:
        """Return where and what "з області", "в місті", "звідти" before `position` in
        text[start:] refer to: the last unit of that level named before, or the unit
        holding it; "звідти", "там" refer to the last place named or chosen."""
        matches = list(_ANAPHOR_RE.finditer(self._text, start, position))
        match = matches[-1] if matches else None
        if match is None:
            return None
        upto = bisect_left(self._antecedent_starts, match.start())
        earlier = self._antecedents[max(0, upto - _ANTECEDENTS) : upto]
        earlier = [m for m in earlier if m.end <= match.start()]
        level = match.lastgroup
        if level == "there":
            # "звідти", "там": the place named last before, else the figure's before it
            named = bisect_left(self._starts, match.start()) - 1
            while named >= 0 and self._mentions[named].end > match.start():
                named -= 1
            if named >= 0:
                last = self._innermost(named)
                return match.start(), self._columns(self._coordinated(last))
            return match.start(), self._last or self._lead
        written = self._text[match.start(level or 0) : match.end()]
        # A name of that level first ("громаду" -> the hromada named), then one holding it.
        for mention in reversed(earlier):
            if _holding(mention.unit, level or "") == mention.unit:
                if mention.ambiguous:  # "в селі" of a village the text does not settle
                    return match.start(), _ambiguous(mention, written)
                return match.start(), _place_of(mention.unit, written)
        for mention in reversed(earlier):
            unit = _holding(mention.unit, level or "")
            if (
                unit is None
                and level in ("village", "city")
                and mention.unit.level
                in (
                    "hromada",
                    "raion",
                )
            ):
                unit = mention.unit  # "у цих селах" of a hromada: the hromada holds them
            if unit is not None:
                return match.start(), _place_of(unit, written)
        return None

    def _innermost(self, i: int) -> int:
        """Return the first name of a chain that names a place with the units holding it
        ("у місті Костянтинівка Донецької області", "Борова Ізюмського району")."""
        while i > 0:
            inner, outer = self._mentions[i - 1], self._mentions[i]
            gap = self._text[inner.end : outer.start]
            if not _CHAIN_GAP_RE.match(gap) or _holding(inner.unit, outer.unit.level) != outer.unit:
                break
            i -= 1
        return i

    def _within(self, start: int, end: int) -> list[int]:
        """Return the indices of the mentions inside text[start:end]."""
        first = bisect_left(self._starts, start)
        last = bisect_left(self._starts, end)
        return [i for i in range(first, last) if self._mentions[i].end <= end]

    def _right_before(self, position: int, floor: int) -> int | None:
        """Return the mention that ends right before `position` in a list line
        ("Краснопільська громада – 1298"), None when words stand between."""
        i = bisect_left(self._starts, position) - 1
        while i >= 0 and self._mentions[i].end > position:
            i -= 1
        if i < 0 or self._mentions[i].start < floor:
            return None
        gap = self._text[self._mentions[i].end : position]
        return i if _LIST_ITEM_RE.match(gap) and gap.strip() else None

    def _coordinated(self, i: int) -> list[UkMention]:
        """Return the mention i with the names coordinated with it ("X та Y громадах")."""
        first = last = i
        text, ms = self._text, self._mentions
        while first > 0 and _COORDINATED_RE.match(text[ms[first - 1].end : ms[first].start]):
            first -= 1
        while last + 1 < len(ms) and _COORDINATED_RE.match(text[ms[last].end : ms[last + 1].start]):
            last += 1
        return ms[first : last + 1]

    def _columns(self, mentions: list[UkMention]) -> Place:
        location = self._text[mentions[0].start : mentions[-1].end]
        unsettled = next((m for m in mentions if m.ambiguous), None)
        if unsettled is not None:
            return _ambiguous(unsettled, location)
        unit = _common_unit([m.unit for m in mentions])
        if unit is None:
            return Place(location)
        return _place_of(unit, location)


def _common_unit(units: list[Unit]) -> Unit | None:
    """Return the smallest unit holding every unit of `units` (None for the country)."""
    if len(units) == 1:
        return units[0]
    gazetteer = places().gazetteer
    chains = [
        [gazetteer.position(u.code), *gazetteer.ancestors(gazetteer.position(u.code))]
        for u in units
    ]
    if all(chain[0] == chains[0][0] for chain in chains):
        return units[0]
    common = next((j for j in chains[0] if all(j in chain for chain in chains[1:])), None)
    if common is None or gazetteer.level(common) == "country":
        return None
    return gazetteer.make_unit(common)


def _holding(unit: Unit, level: str) -> Unit | None:
    """Return `unit` or the unit of `level` that holds it (a village's hromada, raion or
    oblast), None when none does."""
    levels = {"city": ("city", "town"), "village": ("village", "town")}.get(level, (level,))
    if unit.level in levels:
        return unit
    gazetteer = places().gazetteer
    for j in gazetteer.ancestors(gazetteer.position(unit.code)):
        if gazetteer.level(j) in levels:
            return gazetteer.make_unit(j)
    return None


def _ambiguous(mention: UkMention, location: str) -> Place:
    """Return a place the text does not settle: as written, with no unit and the reason."""
    return Place(location, place_match="ambiguous", note=mention.ambiguous)


def _place_of(unit: Unit, location: str) -> Place:
    """Return the place columns of a unit: the raion is the figure's district (section 4
    of the guidelines), the oblast its English short name."""
    units = frozenset({unit_key(unit.name)})
    oblast = oblast_short_name(unit)
    if unit.level == "oblast":
        return Place(
            location, unit.name, unit.pcode, place_match="exact", units=units, oblast=oblast
        )
    if unit.level == "raion":
        return Place(
            location,
            unit.admin1_name,
            unit.admin1_pcode,
            unit.name,
            unit.pcode,
            None,
            "exact",
            units,
            unit.name,
            oblast,
        )
    if unit.admin3_name:  # a settlement restates its hromada's figure (Борова, Борівська)
        units = units | {unit_key(unit.admin3_name)}
    return Place(
        location,
        unit.admin1_name,
        unit.admin1_pcode,
        unit.admin2_name,
        unit.admin2_pcode,
        unit.name,
        "exact",
        units,
        unit.admin2_name,
        oblast,
    )
