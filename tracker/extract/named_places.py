"""The places a document names, and the place columns a figure gets from them.

`NamedPlaces` holds the place mentions of one text that are where people are counted
(set_aside.py drops the others) and turns those a figure points at into its columns: the
place right before a listed figure ("Kurylivka hromada - 19"), right after it ("from
Izium"), the host after a housing verb; one place, or several (their common oblast, or the
raion the text names holding them all). A hromada or village in a raion or community the
text names takes that container's centre as its district (short_names.py).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from tracker.extract.caseless import caseless
from tracker.extract.place_columns import (
    FIRST_LEVEL,
    SECOND_LEVEL,
    Place,
    Seen,
    columns,
    mention_distance,
    unit_key,
    usable_mentions,
)
from tracker.extract.place_phrases import city_before_region
from tracker.extract.short_names import oblast_short_name, short_name
from tracker.places import Mention, Unit
from tracker.places.resolver import split_level_word

__all__ = ["NamedPlaces"]

_TIGHT_GAP = 24
_TIGHT_RE = caseless(
    r"\s*(?:from|in|of|at)\s+(?:the\s+)?(?:(?:city|town|village|settlement)\s+of\s+)?$"
)
_LIST_GAP_RE = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+|&\s*|or\s+)$")
_HOST_BEFORE_RE = caseless(r"\b(?:in|at|within|across|throughout)\s+(?:the\s+)?$")
_COMMA_GAP_RE = re.compile(r",\s*")
# "Mala Tokmachka in the Orikhiv community", "Seredyna-Buda, in the north of Shostka district".
_IN_CONTAINER_RE = caseless(
    r",?\s+(?:in|of)\s+(?:the\s+)?(?:(?:north|south|east|west|centre|center|"
    r"north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+(?:part\s+)?of\s+"
    r"(?:the\s+)?)?"
)
_CONTAINER_LEVELS = frozenset({"hromada", "raion"})
_PART_LEVELS = frozenset({"hromada", "town"})  # parts of a raion, not cities
_OPENERS = ("-", "\u2013", "\u2014", "(")  # "Kurylivka hromada - 19", "Kindrashivka (14)"
_HOST_VERB_RE = caseless(
    r"(?:hosts|houses|shelters|accommodates|is\s+home\s+to|has\s+(?:taken\s+in|received|"
    r"accommodated|sheltered|hosted))\b"
)
# "Dnipropetrovsk region hosts", "the Pavlohrad transit centre has received": the place, or
# a facility named after it, as the subject of a hosting verb.
_AUXILIARY_BEFORE_RE = caseless(r"\b(?:has|have|had)\s+$")
_SUBJECT_GAP_RE = caseless(
    r"\s+(?:(?:transit|reception|evacuation|humanitarian|collective|accommodation)\s+"
    r"(?:centre|center|point|hub|site)s?\s+|(?:camp|shelter|hub)\s+)?"
    r"(?:now\s+|currently\s+|already\s+|alone\s+)?"
)
_DASH_GAP_RE = re.compile(r"\s*[\u2013\u2014(-]\s*")
# "Donetsk region accounted for 2,734 of them, Kharkiv region for 811": the gapped verb.
_FOR_GAP_RE = caseless(
    r"\s+(?:accounted\s+for|accounts\s+for|account\s+for|for)\s+"
    r"(?:about\s+|some\s+|over\s+|nearly\s+|almost\s+)?"
)


class NamedPlaces:
    """The usable place mentions of one document and the columns they give a figure."""

    def __init__(self, text: str, mentions: list[Mention]) -> None:
        """Keep the mentions of `text` that are where people are counted."""
        self._text = text
        # Every name the gazetteer places, even set aside; a name that stays ambiguous in
        # the document's context is read as a name the gazetteer cannot place, as written.
        self._named = [(m.start, m.end) for m in mentions if m.resolution.unit is not None]
        self._ambiguous = {
            split_level_word(m.surface)[0]: m.resolution
            for m in mentions
            if m.resolution.unit is None
        }
        self._seen = usable_mentions(text, mentions)
        # Mentions come in text order: a bisect finds those near a position, so that a
        # document's figures x its places is no quadratic walk.
        self._starts = [s.mention.start for s in self._seen]
        self._raions = {s.unit.code: s.unit for s in self._seen if s.unit.level in SECOND_LEVEL}

    def _container_after(self, seen: Seen) -> Seen | None:
        """Return the hromada or raion named right after a place as its container."""
        if seen.unit.level in FIRST_LEVEL or seen.unit.level in SECOND_LEVEL:
            return None
        after = bisect_left(self._starts, seen.mention.end)
        if after == len(self._seen):
            return None
        other = self._seen[after]
        fits = other.unit.level in _CONTAINER_LEVELS and _IN_CONTAINER_RE.fullmatch(
            self._text, seen.mention.end, other.mention.start
        )
        return other if fits and other.unit.code != seen.unit.code else None

    def _contains(self, part: Seen, container: Seen) -> bool:
        """Return True for "Izyum district, Kharkiv": a name after a comma that names the
        region holding the place before it."""
        if not _COMMA_GAP_RE.fullmatch(self._text, part.mention.end, container.mention.start):
            return False
        return short_name(container.unit) == oblast_short_name(part.unit) or (
            container.unit.name == part.unit.admin1_name
        )

    def host_place(self, cue_start: int, clause_end: int) -> Place | None:
        """Return the place a housing verb puts people in ("accommodated ... in the
        Dnipropetrovsk region"), the first one after the verb in its clause, or the list
        it opens ("in Sofala, Manica, Zambezia and Tete provinces")."""
        for seen in self._seen:
            if cue_start <= seen.mention.start < clause_end and _HOST_BEFORE_RE.search(
                self._text, max(0, seen.mention.start - 12), seen.mention.start
            ):
                listed = self._listed_from(seen)
                return self._place(listed, seen.mention.start, seen.mention.end)
        return None

    def place_before(self, sentence_start: int, start: int) -> Place | None:
        """Return the last place named between `sentence_start` and `start`, if any."""
        before = self._within(sentence_start, start)
        return self._place(before[-1:], start, start) if before else None

    def host_before(self, cue_start: int, clause_start: int) -> Place | None:
        """SUBJECT-HOST: return the place that is the subject of a hosting verb ("Dnipropetrovsk
        region hosts 350,000 IDPs", "Novomoskovsk is home to 31,000"): named right before
        the verb in its clause."""
        auxiliary = _AUXILIARY_BEFORE_RE.search(self._text, max(0, cue_start - 6), cue_start)
        if auxiliary is not None:
            cue_start = auxiliary.start()  # "Poltava region | has accommodated 1,730"
        if not _HOST_VERB_RE.match(self._text, cue_start):
            return None
        before = self._within(clause_start, cue_start)
        if not before or not _SUBJECT_GAP_RE.fullmatch(
            self._text, before[-1].mention.end, cue_start
        ):
            return None
        return self._place(before[-1:], cue_start, cue_start)

    def place_right_before(self, start: int, *, dash: bool = False) -> Place | None:
        """Return the place named right before a figure starting at `start` ("Sloviansk
        about 78,000", "Kharkiv region for 811" in a gapped list); with `dash`, only
        across a dash ("Kurylivka hromada - 19" in a list, "Kindrashivka (14)")."""
        if dash and not self._text[max(0, start - 4) : start].rstrip().endswith(_OPENERS):
            return None  # most figures follow no dash: skip the walk over the mentions
        for seen in reversed(self._seen):
            if seen.mention.end <= start:
                gap = self._text[seen.mention.end : start]
                if dash and not _DASH_GAP_RE.fullmatch(gap):
                    return None
                if not dash and gap.strip() and not _FOR_GAP_RE.fullmatch(gap):
                    return None
                return self._place([seen], start, start)
        return None

    def tight_place(self, end: int) -> Place | None:
        """Return the place written right after a figure ending at `end` ("... from Izium"),
        or the list it opens ("12,700 people in the Kupiansk, Izium and Chuhuiv districts")."""
        seen = self._tight(end)
        return None if seen is None else self._place(self._listed_from(seen), end, end)

    def _listed_from(self, first: Seen) -> list[Seen]:
        """Return `first` and the mentions listed after it ("X, Y and Z")."""
        i = bisect_left(self._starts, first.mention.start)
        listed = [first]
        for other in self._seen[i + 1 :]:
            if not _LIST_GAP_RE.match(self._text[listed[-1].mention.end : other.mention.start]):
                break
            listed.append(other)
        return listed

    def _tight(self, end: int) -> Seen | None:
        for seen in self._within(end, end + _TIGHT_GAP + 1):
            if _TIGHT_RE.match(self._text, end, seen.mention.start):
                return seen
        return None

    def _within(self, start: int, end: int) -> list[Seen]:
        """Return the mentions that start in text[start:end], in order."""
        return self._seen[bisect_left(self._starts, start) : bisect_left(self._starts, end)]

    def _place(self, found: list[Seen], start: int, end: int) -> Place:
        found = [s for i, s in enumerate(found) if i == 0 or not self._contains(found[i - 1], s)]
        if len(found) == 2:
            # "Seredyna-Buda, in the north of Shostka district": the raion holds the town.
            held = {id(c) for c in map(self._container_after, found) if c is not None}
            found = [s for s in found if id(s) not in held] or found
        specific = [s for s in found if s.unit.level not in FIRST_LEVEL]
        if not specific:
            return self._single_or_many(found, start, end)
        return self._single_or_many(specific, start, end)

    def _single_or_many(self, found: list[Seen], start: int, end: int) -> Place:
        units = {s.unit.code: s for s in found}
        if len(units) == 1:
            return self._columns(found[0], found[0].mention.surface)
        listed = self._listed_group(found, start, end)
        if listed is None:
            nearest = min(found, key=lambda s: mention_distance(s.mention, start, end))
            return self._columns(nearest, nearest.mention.surface)
        return self._many(listed)

    def _listed_group(self, found: list[Seen], start: int, end: int) -> list[Seen] | None:
        """Return the list of mentions joined by "and"/commas nearest to the figure, if any."""
        groups: list[list[Seen]] = [[found[0]]]
        for seen in found[1:]:
            gap = self._text[groups[-1][-1].mention.end : seen.mention.start]
            if _LIST_GAP_RE.match(gap):
                groups[-1].append(seen)
            else:
                groups.append([seen])
        nearest = min(groups, key=lambda g: min(mention_distance(s.mention, start, end) for s in g))
        distinct = {s.unit.code for s in nearest}
        return nearest if len(distinct) > 1 else None

    def _many(self, listed: list[Seen]) -> Place:
        location = self._text[listed[0].mention.start : listed[-1].mention.end]
        admin1 = {s.unit.admin1_name for s in listed}
        admin1_name = admin1.pop() if len(admin1) == 1 else None
        first = listed[0].unit
        raion = self._named_raion(listed)
        return Place(
            location,
            admin1_name=admin1_name,
            admin1_pcode=first.admin1_pcode if admin1_name else None,
            admin2_name=raion.name if raion else None,
            admin2_pcode=raion.pcode if raion else None,
            place_match=listed[0].mention.resolution.match,
            units=frozenset(unit_key(s.unit.name) for s in listed),
            district=short_name(raion) if raion else None,
            oblast=oblast_short_name(first) if admin1_name else None,
        )

    def _columns(self, seen: Seen, location: str) -> Place:
        """Return the columns of one place; a hromada or town inside a raion that the text
        names takes the raion as its district (guidelines 3.8: "Zolochiv hromada in
        Bohodukhiv district" -> Bohodukhiv)."""
        place = columns(seen, location)
        unit = seen.unit
        city = (
            city_before_region(self._text, seen.mention.start)
            if unit.level in FIRST_LEVEL
            else None
        )
        if city is not None and not any(a < city[1] and city[0] < b for a, b in self._named):
            name = self._text[city[0] : city[1]]  # "in Grande Prairie, Alberta": the city
            return replace(place, location=name, settlement=name, district=name)
        container = self._container_after(seen)
        if container is not None:
            # "Mala Tokmachka in the Orikhiv community": the community the text puts it in.
            return replace(place, district=short_name(container.unit))
        raion = next(
            (r for r in self._raions.values() if r.pcode and r.pcode == unit.admin2_pcode), None
        )
        if raion is None or unit.level not in _PART_LEVELS:
            return place
        return replace(place, district=short_name(raion))

    def _named_raion(self, listed: list[Seen]) -> Unit | None:
        """Return the raion the text names that holds every listed place, if any."""
        names = {s.unit.admin2_name for s in listed}
        if len(names) != 1 or None in names or any(s.unit.level in FIRST_LEVEL for s in listed):
            return None
        name = names.pop()
        return next((u for u in self._raions.values() if u.name == name), None)
