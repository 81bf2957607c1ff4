"""Choosing a figure's place: its clause, else its sentence, else the document's lead
(the first sentence that names a place).

Place mentions come from `tracker.places.find_mentions`; those that are not where people
are counted are set aside first (set_aside.py). A resolution maps to columns by guidelines
3.8: an oblast gives admin1 only; a raion gives admin2; a city or hromada gives the
settlement (with its raion and oblast); places of several raions or cities give neither
district nor settlement, only their common oblast, unless the text names a raion holding
them all. `district` and `oblast` hold the guidelines' short names (short_names.py): a
hromada or village in a raion or community the text names takes that container's centre.
Place phrases the gazetteer lacks are read by place_phrases.py and unknown_places.py (a
name in the figure's clause beats a wider region; such names take the one region their
sentence or lead names); a housed figure takes the host place, a gapped or dashed list
item the place right before it; a figure with no place takes the place of the lead's
first figure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from tracker.extract.caseless import caseless
from tracker.extract.place_columns import (
    FIRST_LEVEL,
    NOT_STATED,
    SECOND_LEVEL,
    Place,
    Seen,
    columns,
    mention_distance,
    unit_key,
    unknown_place,
    usable_mentions,
)
from tracker.extract.place_phrases import city_before_region, possessive_before, scene_phrase
from tracker.extract.set_aside import possessor
from tracker.extract.short_names import oblast_short_name, short_name
from tracker.extract.unknown_places import tight_name, unresolved_names
from tracker.places import Mention, Unit, find_mentions, resolve

__all__ = ["NOT_STATED", "Place", "PlaceChooser"]

_ALONE_AFTER_RE = caseless(r"^\s*(?:alone|only)\b")
_ANAPHOR_RE = caseless(
    r"\bthe\s+(city|town|village|district|raion|community|hromada|region|oblast|province)\b"
    r"(?!\s+of\b)"
)
_ANAPHOR_LEVELS = {
    **dict.fromkeys(("city", "town", "village"), frozenset({"city", "town"})),
    **dict.fromkeys(("district", "raion"), frozenset({"raion", "admin2"})),
    **dict.fromkeys(("community", "hromada"), frozenset({"hromada"})),
    **dict.fromkeys(("region", "oblast", "province"), frozenset({"oblast", "admin1"})),
}
_TIGHT_GAP = 24
_TIGHT_RE = caseless(
    r"\s*(?:from|in|of|at)\s+(?:the\s+)?(?:(?:city|town|village|settlement)\s+of\s+)?$"
)
_LIST_GAP_RE = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+|&\s*|or\s+)$")
_SCENE_OPENING_RE = caseless(
    r"[\s,;:]*(?:(?:and|but|while|whereas)\s+)?(?:in|at)\s+(?:the\s+)?(?:neighbou?ring\s+)?"
)
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

_OTHER_AREAS_RE = caseless(
    r"\bother\s+(?:[\w-]+\s+){0,3}?(?:areas|regions|districts|parts|provinces|communities|"
    r"settlements|villages|towns|cities)\b(?:\s+(?:of|in)\s+[^,.;:]{1,40})?"
)
_OPENERS = ("-", "\u2013", "\u2014", "(")  # "Kurylivka hromada - 19", "Kindrashivka (14)"
_DASH_GAP_RE = re.compile(r"\s*[\u2013\u2014(-]\s*")


class PlaceChooser:
    """Chooses places for the figures of one document."""

    def __init__(self, text: str, sentence_spans: list[tuple[int, int]], upto: int) -> None:
        """Find the place names of text[:upto]: no figure looks for its place after it."""
        self._text = text
        self._first = sentence_spans[0] if sentence_spans else None
        mentions = find_mentions(text[:upto])
        self._named = [(m.start, m.end) for m in mentions]  # every known name, even set aside
        self._seen = usable_mentions(text, mentions)
        self._owners = [
            Seen(m, m.resolution.unit)
            for m in mentions
            if m.resolution.unit is not None and possessor(text, m.end)
        ]
        self._abroad = bool(self._seen) and all(s.unit.country != "UA" for s in self._seen)
        self._raions = {s.unit.code: s.unit for s in self._seen if s.unit.level in SECOND_LEVEL}
        # The lead: the first sentence naming a place that is not a part ("Hatay alone").
        self._lead_place: Place | None = None
        self._unresolved_in: dict[tuple[int, int], str | None] = {}
        self._lead = next(
            (span for span in sentence_spans if any(map(self._sets_scene, self._within(*span)))),
            None,
        )

    def place_for(
        self,
        clause: tuple[int, int],
        sentence: tuple[int, int],
        start: int,
        end: int,
        siblings: Sequence[int] = (),
        *,
        origin_after: bool = False,
    ) -> Place:
        """Return the place of a figure at text[start:end] in `clause` of `sentence`.

        `siblings` are where the other figures of the sentence end: a place right after
        one of them ("1,229 from Mariupol") is theirs, not this figure's. With
        `origin_after`, the place right after the figure is where its people came from.
        """
        own = None if origin_after else self.tight_place(end)
        own = own or (None if origin_after else self._tightunknown_place(end, sentence))
        abroad = self._abroad and not self._within(*sentence)
        if own is None and abroad and clause[0] > sentence[0]:
            own = self._clause_scene(clause, sentence)  # ", and in Lahore, teams ..."
        own = own or self._phrase_place(start, sentence)
        if own is not None:
            return own
        other = self._other_areas(clause)
        if other is not None and not any(
            not other.start() <= s.mention.start < other.end() for s in self._within(*clause)
        ):
            # "a further 6,085 were displaced in other flood-hit areas of eastern Libya":
            # not the place the sentence named before.
            return Place(self._text[other.start() : other.end()])
        taken = {id(s) for s in map(self._tight, siblings) if s is not None}
        local = self._unknown_in_clause(clause, sentence, taken)
        if local is not None:
            return local
        for span in (clause, sentence):
            found = [s for s in self._within(*span) if id(s) not in taken]
            if found:
                return self._place(found, start, end)
        parts = [s for s in self._within(*sentence) if id(s) in taken and s.mention.start > end]
        if len({s.unit.code for s in parts}) > 1:
            # PARTS-GIVE-THE-WHOLE: "147 children, including 99 from the Beryslav community
            # and 48 from the Bilozerka community": the total covers its parts' places.
            whole = self._many(parts)
            return replace(whole, location=" and ".join(s.mention.surface for s in parts))
        scene = scene_phrase(self._text, *sentence)
        if scene is not None:
            return self._in_region(unknown_place(self._text[scene[0] : scene[1]]), sentence)
        if abroad:
            local = self._unresolved_place(clause, sentence)
            if local is not None:
                return local
        earlier = self._antecedent(sentence, start)
        if earlier is not None:
            return self._columns(earlier, earlier.mention.surface)
        if self._lead_place is not None:
            return self._lead_place
        if self._lead is not None:
            found = [s for s in self._within(*self._lead) if id(s) not in taken]
            if found:
                return self._place(found, start, end)
        scopes = [clause, sentence] + ([self._first] if self._first is not None else [])
        for scope in scopes:
            name = self._unresolved(scope)
            if name is not None:
                return self._in_region(unknown_place(name), sentence)
        return Place(NOT_STATED)

    @property
    def lead(self) -> tuple[int, int] | None:
        """Return the span of the document's lead sentence, if a sentence names a place."""
        return self._lead

    def set_lead_place(self, place: Place) -> None:
        """LEAD-FIGURE-PLACE: make `place` (where the lead's first figure is) the place of
        figures that name none ("All 20,000 residents of Yellowknife were ordered to leave
        the capital of the Northwest Territories. Some 1,500 were flown out")."""
        if self._lead_place is None and place.location != NOT_STATED:
            self._lead_place = place

    def _tightunknown_place(self, end: int, sentence: tuple[int, int]) -> Place | None:
        """Return a place the gazetteer lacks written right after a figure ("15,000 people
        in the Buzi district", "20,000 residents of Yellowknife")."""
        span = tight_name(self._text, end, self._named)
        if span is None:
            return None
        name = self._text[span[0] : span[1]]
        return self._in_region(unknown_place(name), sentence)

    def _in_region(self, place: Place, sentence: tuple[int, int]) -> Place:
        """Return `place` (a name the gazetteer lacks) with the admin1 of the one region
        (first-level unit) its sentence, else the lead (or the first sentence), names."""
        for span in (sentence, self._lead or self._first):
            if span is None:
                continue
            named = self._within(*span) + [
                s for s in self._owners if span[0] <= s.mention.start < span[1]
            ]
            regions = {s.unit.code: s for s in named if s.unit.level in FIRST_LEVEL}
            if len(regions) == 1:
                region = columns(next(iter(regions.values())), place.location)
                units = frozenset({unit_key(place.location)})
                return replace(region, units=units, district=place.district)
            if regions:
                break
        return place

    def _container_after(self, seen: Seen) -> Seen | None:
        """Return the hromada or raion named right after a place as its container."""
        if seen.unit.level in FIRST_LEVEL or seen.unit.level in SECOND_LEVEL:
            return None
        for other in self._seen:
            if other.mention.start >= seen.mention.end:
                fits = other.unit.level in _CONTAINER_LEVELS and _IN_CONTAINER_RE.fullmatch(
                    self._text, seen.mention.end, other.mention.start
                )
                return other if fits and other.unit.code != seen.unit.code else None
        return None

    def _contains(self, part: Seen, container: Seen) -> bool:
        """Return True for "Izyum district, Kharkiv": a name after a comma that names the
        region holding the place before it."""
        if not _COMMA_GAP_RE.fullmatch(self._text, part.mention.end, container.mention.start):
            return False
        return short_name(container.unit) == oblast_short_name(part.unit) or (
            container.unit.name == part.unit.admin1_name
        )

    def _phrase_place(self, start: int, sentence: tuple[int, int]) -> Place | None:
        """Return the place of "Yellowknife's 20,000 residents" or of a sentence opening
        "In Dadu district alone, ...", when the gazetteer does not know the name."""
        possessive = possessive_before(self._text, start)
        if possessive is not None:
            whole = [s for s in self._seen if (s.mention.start, s.mention.end) == possessive]
            if whole:
                return self._columns(whole[0], self._text[possessive[0] : possessive[1]])
            if not any((a, b) == possessive for a, b in self._named):
                return self._in_region(
                    unknown_place(self._text[possessive[0] : possessive[1]]), sentence
                )
        scene = scene_phrase(self._text, *sentence)
        if scene is not None and not any(a < scene[1] and scene[0] < b for a, b in self._named):
            return self._in_region(unknown_place(self._text[scene[0] : scene[1]]), sentence)
        return None

    def _unknown_in_clause(
        self, clause: tuple[int, int], sentence: tuple[int, int], taken: set[int]
    ) -> Place | None:
        """UNKNOWN-PLACE-IN-CLAUSE: a name the gazetteer lacks after a locative preposition
        in the figure's own clause ("authorities in Dadu district evacuated ...", "were
        moved to higher ground in Jaffarabad") is the figure's place, over a wider region
        (a first-level unit) named in the sentence; the region gives its admin1."""
        known = [s for s in self._within(*sentence) if id(s) not in taken]
        if not known or any(s.unit.level not in FIRST_LEVEL for s in known):
            return None
        name = self._unresolved(clause)
        return None if name is None else self._in_region(unknown_place(name), sentence)

    def _unresolved_place(self, clause: tuple[int, int], sentence: tuple[int, int]) -> Place | None:
        """ABROAD-UNKNOWN-IN-CLAUSE: outside Ukraine the gazetteer stops at regions, so a
        name it lacks in the figure's own clause ("In neighbouring Jacobabad, another 3,400
        were moved") is the figure's district or town; in Ukraine such a name is a village
        of the lead's area."""
        name = self._unresolved(clause)
        return None if name is None else self._in_region(unknown_place(name), sentence)

    def _clause_scene(self, clause: tuple[int, int], sentence: tuple[int, int]) -> Place | None:
        """Return the unknown place a later clause opens with (", and in Lahore, ..."): a
        new scene, where a name after "from" later in the clause is a place inside it."""
        name = self._unresolved(clause)
        if name is None:
            return None
        where = self._text.find(name, clause[0], clause[1])
        if not _SCENE_OPENING_RE.fullmatch(self._text, clause[0], where):
            return None
        return self._in_region(unknown_place(name), sentence)

    def _unresolved(self, span: tuple[int, int]) -> str | None:
        """Return a place name the gazetteer does not know ("in Bangladesh"), as written."""
        if span not in self._unresolved_in:
            self._unresolved_in[span] = self._first_unresolved(span)
        return self._unresolved_in[span]

    def _first_unresolved(self, span: tuple[int, int]) -> str | None:
        # A known place set aside is no fallback: known names are skipped.
        for start, end in unresolved_names(self._text, *span, self._named):
            return self._text[start:end]
        return None

    def _antecedent(self, sentence: tuple[int, int], start: int) -> Seen | None:
        """Return the place "the district" / "the city" points back to, if the sentence
        has such a phrase: the nearest earlier mention of that level."""
        phrase = _ANAPHOR_RE.search(self._text, sentence[0], sentence[1])
        if phrase is None:
            return None
        levels = _ANAPHOR_LEVELS[phrase.group(1).lower()]
        earlier = [s for s in self._seen if s.mention.end <= start and s.unit.level in levels]
        if earlier:
            return earlier[-1]
        before = [s for s in self._seen if s.mention.end <= start]
        if levels == FIRST_LEVEL and before:
            # "the region's border areas" in a text that named only places inside it.
            return _region_of(before[-1], phrase.start(), phrase.end(), phrase.group(0))
        return None

    def _sets_scene(self, seen: Seen) -> bool:
        after = self._text[seen.mention.end : seen.mention.end + 12]
        return _ALONE_AFTER_RE.match(after) is None

    def _other_areas(self, span: tuple[int, int]) -> re.Match[str] | None:
        """Return the "other (flood-hit) areas of X" phrase of text[span], if any."""
        phrase = self._text[span[0] : span[1]]
        if "other" not in phrase and "Other" not in phrase:
            return None  # most clauses have none: skip the regex
        return _OTHER_AREAS_RE.search(self._text, *span)

    def names_a_place(self, span: tuple[int, int]) -> bool:
        """Return True when text[span] names a place, known to the gazetteer or not."""
        return (
            bool(self._within(*span))
            or self._unresolved(span) is not None
            or self._other_areas(span) is not None
        )

    def host_place(self, cue_start: int, clause_end: int) -> Place | None:
        """Return the place a housing verb puts people in ("accommodated ... in the
        Dnipropetrovsk region"), the first one after the verb in its clause, or the list
        it opens ("in Sofala, Manica, Zambezia and Tete provinces")."""
        for i, seen in enumerate(self._seen):
            if cue_start <= seen.mention.start < clause_end and _HOST_BEFORE_RE.search(
                self._text, max(0, seen.mention.start - 12), seen.mention.start
            ):
                listed = [seen]
                for other in self._seen[i + 1 :]:
                    gap = self._text[listed[-1].mention.end : other.mention.start]
                    if not _LIST_GAP_RE.match(gap):
                        break
                    listed.append(other)
                return self._place(listed, seen.mention.start, seen.mention.end)
        return None

    def place_before(self, sentence_start: int, start: int) -> Place | None:
        """Return the last place named between `sentence_start` and `start`, if any."""
        before = [s for s in self._seen if sentence_start <= s.mention.start < start]
        return self._place(before[-1:], start, start) if before else None

    def place_right_before(self, start: int, *, dash: bool = False) -> Place | None:
        """Return the place named right before a figure starting at `start` ("Sloviansk
        about 78,000" in a gapped list); with `dash`, only across a dash ("Kurylivka
        hromada - 19" in a list, "Kindrashivka (14)")."""
        if dash and not self._text[max(0, start - 4) : start].rstrip().endswith(_OPENERS):
            return None  # most figures follow no dash: skip the walk over the mentions
        for seen in reversed(self._seen):
            if seen.mention.end <= start:
                gap = self._text[seen.mention.end : start]
                if dash and not _DASH_GAP_RE.fullmatch(gap):
                    return None
                if not dash and gap.strip():
                    return None
                return self._place([seen], start, start)
        return None

    def tight_place(self, end: int) -> Place | None:
        """Return the place written right after a figure ending at `end` ("... from Izium")."""
        seen = self._tight(end)
        return None if seen is None else self._place([seen], end, end)

    def _tight(self, end: int) -> Seen | None:
        for seen in self._seen:
            gap = seen.mention.start - end
            if 0 <= gap <= _TIGHT_GAP and _TIGHT_RE.match(self._text, end, seen.mention.start):
                return seen
        return None

    def _within(self, start: int, end: int) -> list[Seen]:
        return [s for s in self._seen if start <= s.mention.start < end]

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


def _region_of(seen: Seen, start: int, end: int, surface: str) -> Seen | None:
    """Return the first-level unit holding `seen`'s place, as a mention of text[start:end]."""
    unit = seen.unit
    level = "oblast" if unit.country == "UA" else "admin1"
    region = resolve(unit.admin1_name, level=level).unit if unit.admin1_name else None
    if region is None or region.level not in FIRST_LEVEL:
        return None
    resolution = replace(seen.mention.resolution, unit=region, candidates=(region,))
    return Seen(Mention(start, end, surface, resolution), region)
