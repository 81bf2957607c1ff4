"""Choosing a figure's place: its clause, else its sentence, else the document's lead
(the first sentence that names a place).

Place mentions come from `tracker.places.find_mentions`; those that are not where people
are counted are set aside first (set_aside.py), and named_places.py turns the ones a figure
points at into columns by guidelines 3.8 (an oblast gives admin1 only; a raion gives
admin2; a city or hromada gives the settlement with its raion and oblast; several places
give their common unit). Place phrases the gazetteer lacks are read by place_phrases.py
and unknown_places.py (a name in the figure's clause beats a wider region; such names take
the one region their sentence or lead names; abroad, where the gazetteer stops at regions,
a name in the figure's clause beats the lead); a housed figure takes the host place, a
gapped or dashed list item the place right before it; a figure with no place takes the
place of the lead's first figure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from tracker.extract.caseless import caseless
from tracker.extract.named_places import NamedPlaces
from tracker.extract.place_columns import (
    FIRST_LEVEL,
    NOT_STATED,
    SECOND_LEVEL,
    Place,
    Seen,
    columns,
    unit_key,
    unknown_place,
)
from tracker.extract.place_phrases import possessive_before, scene_phrase
from tracker.extract.set_aside import possessor, regional_office
from tracker.extract.unknown_places import (
    PLACE_NAME,
    UNIT_WORDS,
    tight_name,
    unresolved_names,
)
from tracker.model import PlaceMatch
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
_SCENE_OPENING_RE = caseless(
    r"[\s,;:]*(?:(?:and|but|while|whereas)\s+)?(?:in|at)\s+(?:the\s+)?(?:neighbou?ring\s+)?"
)
_PLURAL_AREAS_RE = caseless(
    r"\b(?:from|in|of|across|throughout)\s+(?:the\s+)?(?P<areas>(?:\d+|two|three|four|five|six|"
    r"seven|eight|nine|ten|several|many|dozens\s+of)\s+(?:[\w-]+\s+){0,2}?(?:provinces|regions|"
    r"districts|states|counties|municipalities|communities|settlements|villages|towns|cities|"
    r"islands)\b)"
)
_OTHER_AREAS_RE = caseless(
    r"\bother\s+(?:[\w-]+\s+){0,3}?(?:areas|regions|districts|parts|provinces|communities|"
    r"settlements|villages|towns|cities)\b(?:\s+(?:of|in)\s+[^,.;:]{1,40})?"
)


_ANTECEDENT_REACH = 400
_AREA_WORDS_RE = caseless(r"\b(?:front-?line|border|borderline|frontier)\s+(?:areas|settlements|"
                          r"villages|communities|zones?|territories|towns)\b")  # fmt: skip
_AREA_PHRASE_RE = re.compile(
    r"\b(?i:from|in|of|across|leave|left|fled)\s+(?:the\s+)?(?P<phrase>(?:"
    rf"{PLACE_NAME}(?:\s+(?i:region|oblast|district|province))?['\u2019]s\s+)?"
    r"(?i:front-?line|border|borderline|frontier)\s+(?i:areas|settlements|villages|"
    r"communities|zones?|territories|towns)"
    rf"(?:\s+of\s+(?:the\s+)?{PLACE_NAME}(?:(?:,\s*|,?\s+and\s+){PLACE_NAME})*"
    r"(?:\s+(?i:regions?|oblasts?|districts?|provinces?|raions?|communit(?:y|ies)|"
    r"hromadas?))?)?)"
)
_CONTAINER_AFTER_RE = re.compile(
    rf"(?:\s+(?:town|city|village|camp))?,\s+(?:also\s+)?in\s+(?P<name>{PLACE_NAME})"
    r"(?:\s+(?:district|county))?,"
)
_RELATIVE_REACH = 120
_RELATIVE_GAP_RE = re.compile(r",\s+(?:where|which|in\s+which)\b[^,;:.]*")
# "Tawila locality, which now hosts", "Renk, in Upper Nile state, which now hosts".
_RELATIVE_RE = re.compile(
    rf"(?P<name>{PLACE_NAME}(?:\s+{UNIT_WORDS})?)(?:,\s+(?:a|an|in|also)\b[^,;:.]{{1,60}})?"
    r",\s+(?:which|where)\b[^,;:.]*$"
)


@cache
def _named_unit_re(word: str) -> re.Pattern[str]:
    """Return the pattern of a name written with the level `word` ("Macomia town", "the
    town of Johi")."""
    return re.compile(rf"{PLACE_NAME}\s+{word}\b|\b{word}\s+of\s+{PLACE_NAME}")


class PlaceChooser(NamedPlaces):
    """Chooses places for the figures of one document."""

    def __init__(self, text: str, sentence_spans: list[tuple[int, int]], upto: int) -> None:
        """Find the place names of text[:upto]: no figure looks for its place after it."""
        mentions = find_mentions(text[:upto])
        super().__init__(text, mentions)
        self._first = sentence_spans[0] if sentence_spans else None
        self._owners = [
            Seen(m, m.resolution.unit)
            for m in mentions
            if m.resolution.unit is not None and possessor(text, m.end)
        ]
        self._offices = [
            Seen(m, region)
            for m in mentions
            if m.resolution.unit is not None
            and regional_office(text, m.start, m.end)
            and (region := _office_of(m)) is not None
        ]
        self._abroad = bool(self._seen) and all(s.unit.country != "UA" for s in self._seen)
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
        own = own or self._phrase_place(start, sentence) or self._relative_antecedent(start)
        if own is not None:
            return own
        area = self._area_phrase(clause, sentence)
        if area is not None:
            return area
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
            local = self._plural_areas(clause, sentence) or self._unresolved_place(clause, sentence)
            if local is not None:
                return local
        earlier = self._antecedent(sentence, start)
        if earlier is not None:
            return self._columns(earlier, earlier.mention.surface)
        unknown_earlier = self._unknown_antecedent(sentence, start)
        if unknown_earlier is not None:
            return self._in_region(unknown_place(unknown_earlier), sentence)
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
        owner = self._owner_region(sentence)
        if owner is not None:
            # "Sindh's disaster authority said 150,000 people had been evacuated": the
            # region that owns the speaker is the figure's, when nothing nearer is.
            return self._columns(owner, owner.mention.surface)
        office = self._office_region(sentence)
        if office is not None:
            # '"We are evacuating about 100 people a day," Sumy regional military
            # administration head Oleh Hryhorov said': the region the speaker answers for.
            return self._columns(office, office.mention.surface)
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
        """Return `place` (a name the gazetteer lacks, or one it cannot tell among its
        namesakes) in the one region (first-level unit) its sentence, else the lead (or the
        first sentence), names: that region's admin1, or the columns of the one district
        (second-level unit) of it they name ("Lithi, Elata and Vessa" on Chios)."""
        return self._marked_ambiguous(self._in_named_region(place, sentence))

    def _with_container_after(self, place: Place, sentence: tuple[int, int]) -> Place:
        """CONTAINER-APPOSITION: "The town of Johi, also in Dadu, ...", "the Teachers
        Village camp, also in Maiduguri, ...": the name set off after the place holds it,
        and is its district."""
        where = self._text.find(place.location, sentence[0], sentence[1])
        if where < 0:
            return place
        container = _CONTAINER_AFTER_RE.match(self._text, where + len(place.location))
        if container is None or self._names_a_region(*container.span("name")):
            return place  # "Malakal, also in Upper Nile": a region is no district
        return replace(place, district=container["name"])

    def _names_a_region(self, start: int, end: int) -> bool:
        """Return True when text[start:end] is a first-level unit the gazetteer knows."""
        return any(s.unit.level in FIRST_LEVEL for s in self._within(start, end))

    def _marked_ambiguous(self, place: Place) -> Place:
        """AMBIGUOUS-HOMONYM: a place whose name fits several units, and that the document
        does not settle, says so in place_match and its note; no unit of it is guessed."""
        notes = [r.note for name, r in self._ambiguous.items() if name in place.location]
        if not notes:
            return place
        return replace(place, place_match=PlaceMatch.AMBIGUOUS.value, note="; ".join(notes))

    def _in_named_region(self, place: Place, sentence: tuple[int, int]) -> Place:
        place = self._with_container_after(place, sentence)
        for span in (sentence, self._lead or self._first):
            if span is None or span[0] > sentence[0]:
                continue  # a region named only later in the text is not this place's
            named = self._within(*span) + [
                s for s in self._owners if span[0] <= s.mention.start < span[1]
            ]
            regions = _units_at(named, FIRST_LEVEL)
            districts = _units_at(named, SECOND_LEVEL)
            if len(regions) == 1:
                (region_seen,) = regions.values()
                inside = [
                    d
                    for d in districts.values()
                    if d.unit.admin1_pcode == region_seen.unit.admin1_pcode
                ]
                if len(inside) == 1 and len(districts) == 1:
                    # "Ivanivka, in the Bakhmut district of Donetsk region": the district.
                    district = columns(inside[0], place.location)
                    return replace(district, units=frozenset({unit_key(place.location)}))
                region = columns(region_seen, place.location)
                units = frozenset({unit_key(place.location)})
                return replace(region, units=units, district=place.district)
            if regions:
                break
            if len(districts) == 1:
                district = columns(next(iter(districts.values())), place.location)
                return replace(district, units=frozenset({unit_key(place.location)}))
        return place

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

    def _plural_areas(self, clause: tuple[int, int], sentence: tuple[int, int]) -> Place | None:
        """PLURAL-AREAS: "from six central provinces" names several areas the gazetteer
        cannot list: the figure's place as written, in the one region its sentence names."""
        areas = _PLURAL_AREAS_RE.search(self._text, *clause)
        if areas is None:
            return None
        place = Place(self._text[areas.start("areas") : areas.end("areas")])
        regions = _units_at(self._within(*sentence), FIRST_LEVEL)
        if len(regions) != 1:
            return place
        return replace(columns(next(iter(regions.values())), place.location), units=frozenset())

    def _owner_region(self, sentence: tuple[int, int]) -> Seen | None:
        """Return the one region (first-level unit) written as an owner ("Sindh's ...") in
        the sentence, else in the first sentence."""
        return self._one_region(self._owners, sentence)

    def _office_region(self, sentence: tuple[int, int]) -> Seen | None:
        """Return the one region whose regional office the sentence names, else the first
        sentence does (when the document names no nearer place for the figure)."""
        return self._one_region(self._offices, sentence)

    def _one_region(self, seen: list[Seen], sentence: tuple[int, int]) -> Seen | None:
        """Return the one first-level unit among `seen` in the sentence, else in the first
        sentence; None when there are none or several."""
        for span in (sentence, self._first):
            if span is None:
                continue
            here = [s for s in seen if span[0] <= s.mention.start < span[1]]
            regions = _units_at(here, FIRST_LEVEL)
            if len(regions) == 1:
                return next(iter(regions.values()))
        return None

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

    def _area_phrase(self, clause: tuple[int, int], sentence: tuple[int, int]) -> Place | None:
        """AREA-PHRASE: "leave frontline areas", "from Sumy region's border areas", "from
        border areas of the Zolochiv community": the phrase as written is the figure's
        place, in the units it names; a phrase that names none yields to a place its
        sentence names."""
        if not _AREA_WORDS_RE.search(self._text, *clause):
            return None  # most clauses have none: skip the long pattern
        phrase = _AREA_PHRASE_RE.search(self._text, *clause)
        if phrase is None:
            return None
        start, end = phrase.span("phrase")
        inside = [
            s for s in (*self._within(start, end), *self._owners) if start <= s.mention.start < end
        ]
        if not inside and self._within(*sentence):
            return None  # "Odesa region has taken in 3,200 people from frontline areas"
        location = self._text[start:end]
        if not inside:
            return Place(location)
        return replace(self._place(inside, start, end), location=location, units=frozenset())

    def _unknown_antecedent(self, sentence: tuple[int, int], start: int) -> str | None:
        """UNKNOWN-ANTECEDENT: return the name the gazetteer lacks that "the town" (the
        district, ...) points back to: the last one written with that level word before it
        ("attacked Macomia town ... 7,230 people fled the town")."""
        phrase = _ANAPHOR_RE.search(self._text, sentence[0], sentence[1])
        if phrase is None:
            return None
        found = None
        window = max(0, sentence[0] - _ANTECEDENT_REACH)
        for named in _named_unit_re(phrase.group(1).lower()).finditer(self._text, window, start):
            if not any(a < named.end() and named.start() < b for a, b in self._named):
                found = named.group()
        return found

    def _relative_antecedent(self, start: int) -> Place | None:
        """RELATIVE-ANTECEDENT: a figure in a relative clause ("Tawila locality, which now
        hosts 380,000 displaced people") is about the place the clause hangs on."""
        window = self._text[max(0, start - _RELATIVE_REACH) : start]
        if "which" not in window and "where" not in window:
            return None  # most figures are in no relative clause: skip the regex
        relative = _RELATIVE_RE.search(self._text, max(0, start - _RELATIVE_REACH), start)
        if relative is None:
            # "seventeen from the Borova community, where about 2,300 people still live": a
            # name the pattern of unit words abroad does not know, right before the clause.
            named = self._within(max(0, start - _RELATIVE_REACH), start)
            if named and _RELATIVE_GAP_RE.fullmatch(self._text, named[-1].mention.end, start):
                return self._place(named, start, start)  # a list: "Pokrovsk and Kramatorsk"
            return None
        a, b = relative.span("name")
        known = [s for s in self._within(a, b) if s.mention.end <= b]
        if known:
            return self._columns(known[-1], known[-1].mention.surface)
        return self._in_region(unknown_place(relative.group("name")), (a, start))

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


def _region_of(seen: Seen, start: int, end: int, surface: str) -> Seen | None:
    """Return the first-level unit holding `seen`'s place, as a mention of text[start:end]."""
    unit = seen.unit
    level = "oblast" if unit.country == "UA" else "admin1"
    region = resolve(unit.admin1_name, level=level).unit if unit.admin1_name else None
    if region is None or region.level not in FIRST_LEVEL:
        return None
    resolution = replace(seen.mention.resolution, unit=region, candidates=(region,))
    return Seen(Mention(start, end, surface, resolution), region)


def _units_at(seen: list[Seen], levels: frozenset[str]) -> dict[str, Seen]:
    """Return the distinct units of `levels` among `seen`, by code (its last mention)."""
    return {s.unit.code: s for s in seen if s.unit.level in levels}


def _office_of(mention: Mention) -> Unit | None:
    """Return the first-level unit a name of a regional office stands for ("Sumy" of the
    Sumy regional military administration is the oblast, not the city)."""
    unit = mention.resolution.unit
    if unit is not None and unit.level in FIRST_LEVEL:
        return unit
    return next((u for u in mention.resolution.candidates if u.level in FIRST_LEVEL), None)
