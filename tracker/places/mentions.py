"""Find place names in running text, with the level word that follows them.

Only capitalised words start a mention, so "sumy" in a URL does not fire; a short list of
generic words and first names ("North", "Central", "Delta", "Maria") never stands alone as
a place; a name followed by "school", "street" and the like is not a place. Countries are
not reported (they carry no unit below them). Lower-case joiners ("do", "of", "el-") may
stand inside a name ("Rio Grande do Sul", "Kafr el-Sheikh"), never at its ends. A unit
outside Ukraine must be written as one of its names (folding is for Ukrainian
romanisations, not "URI" -> Uri). "The" before a city names its river ("across the
Dnipro"), unless a level word follows ("the Dnipro district", "the Kharkiv and Sumy
regions"). A name after a settlement-name adjective that did not make a name with it
("Nove Zaporizhzhia", "Mala Komyshuvakha"), or after a capitalised compass word ("East
Flores"), is part of a name the gazetteer lacks, not the place it names alone.

A name of several words is found by extending a word while the longer phrase is still the
start of some name in the gazetteer (a prefix set built once), so the work is one
dictionary lookup per capitalised word, not a loop over the names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property

from tracker.places.context import resolve_in_context
from tracker.places.fold import heavy_key, light_key
from tracker.places.gazetteer import Gazetteer, Unit
from tracker.places.resolver import LEVEL_HINTS, Resolution, Resolver
from tracker.places.villages import village_here, without_contradicted

__all__ = ["Mention", "MentionFinder"]

# A possessive "'s" is not part of the name: "Sindh's Dadu district".
_WORD = re.compile(r"[^\W\d_](?:[\w\u02bc\-]|['\u2019](?![sS]\b))*")
_LEVEL_AFTER = re.compile(
    r"(?:\s+(?:territorial|urban|rural|city|village|settlement|міська|сільська|селищна|"
    r"територіальна))*\s+(?P<word>" + "|".join(sorted(LEVEL_HINTS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
# "Oleksandrivska school", "Kharkivska street": a name used for something that is not a place.
_NOT_A_PLACE_AFTER = re.compile(
    r"\s+(?:school|lyceum|gymnasium|street|avenue|prospekt|boulevard|square|lane|park|"
    r"hospital|university|plant|factory|bridge|highway|stadium|church|river|reservoir)\b",
    re.IGNORECASE,
)
_RIVER_BEFORE = re.compile(
    r"\b(?:river|the\s+rivers?|siverskyi|sivers'kyi|seversky|severskiy|southern)\s+$",
    re.IGNORECASE,
)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
# "the Kharkiv and Sumy regions", "the Pokrovsk direction": the article belongs to the
# level word (or the front-line direction) that follows, not to the name.
_LISTED_LEVEL = re.compile(
    r"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s+)[A-Z][\w'\u2019\-]*)*\s+"
    r"(?:regions?|oblasts?|districts?|raions?|rayons?|communit(?:y|ies)|hromadas?|city|"
    r"cities|provinces?|states?|governorates?|directions?|axis|axes|sectors?|fronts?|areas?|"
    r"outskirts|suburbs|agglomeration)\b",
)
_CITY_LEVELS = frozenset({"city", "town", "village", "hromada"})
# Rivers of Ukraine that share a name with a settlement (or are read as one).
_RIVERS = frozenset(
    (  # noqa: SIM905
        "dnipro dnieper dnister dniester inhulets inhul oskil desna vorskla psel sula samara "
        "kalmius donets buh bug"
    ).split()
)
_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)$")
# Words that are place names somewhere but mostly mean something else in a report: English
# words, directions, features and first names that ISO 3166-2 uses as first-level names.
_GENERIC = frozenset(
    (  # noqa: SIM905
        "central centre center north south east west northern southern eastern western "
        "northeast northwest southeast southwest upper lower far middle capital national "
        "region province delta niger georgia victoria washington bay mon chin shan bari "
        "sool nord sud ouest est union peace hope may march august nova bar ukrainka "
        "independence liberty mala stara velyka nove novyi zelene pryvilne shevchenkove "
        "maria mariia sofiia nadiia vira liubov lyubov nadezhda "
        "acre afar apace ascension bled bong cabanas canaries cascade cascades coast colon "
        "debar encamp falcon grad gulf lakes littoral male mascara meta midlands mono "
        "pecs pest plateau plateaux pool quiche rivers ruse saga savannah store unity van "
        "yap zeta nan kara mara lori luce yuma bono lara leon lima mary isabel charlotte "
        "nelson miranda rivera herrera sofia cesar bolivar constantine rocha flores cortes "
        "guerrero trujillo sucre magdalena mendoza maldonado batman montana "
        "manchester portland hanover kingston toledo cordoba granada pembroke clarendon "
        "principe balkan somali sahel volta zambezi zaire berne england scotland "
        "red sea long island saint john peter mark progress gust nandi "
        "balky bassi bile buddy dimer dimmer gay hail hay jerky marine maritime oriental "
        "polygon sad siren spas stare ugly wiry nikita tamara lawanda pollyanna alba samar "
        "sana barr romanov"
    ).split()
)
_DIRECTIONS = frozenset(
    (  # noqa: SIM905
        "central centre center north south east west northern southern eastern western "
        "northeast northwest southeast southwest upper lower far middle capital national "
        "region province"
    ).split()
)
# Lower-case words allowed inside a name ("Rio Grande do Sul", "Bay of Plenty"), never
# at its start or end.
_JOINERS = frozenset(
    (  # noqa: SIM905
        "do da dos das de del della di du des of and el al es la le y "
        "ad adh an ar as ash az ech ez va wa i na ob og pri kai aux the"
    ).split()
)
_MAX_WORDS = 5
# Where a capitalised word can start: a capital (checked with isupper()) that no word
# character, apostrophe or hyphen precedes. The class comes first so the engine skips fast.
_CAPITAL_RE = re.compile(
    r"[A-Z\u00c0-\u00de\u0100-\u024f\u0391-\u03a9\u0400-\u042f\u0490]"
    r"(?<![\w'\u2019\u02bc\-].)"
)
_ADJACENT_GAP_RE = re.compile(r"-|[^\S\n]{1,2}")
_WORD_BEFORE_RE = re.compile(r"(?<![\w'\u2019\u02bc\-])(?P<word>[^\W\d_]+)[ -]$")
# The adjectives that open Ukrainian (and Russian-style) settlement names: "Nova Vodolaha",
# "Mala Danylivka", "Verkhnia Syrovatka", "Novaya Kakhovka".
_NAME_ADJECTIVES = frozenset(
    (  # noqa: SIM905
        "mala malyi male mali velyka velykyi velyke velyki nova novyi nove novi stara staryi "
        "stare stari verkhnia verkhnii verkhnie nyzhnia nyzhnii nyzhnie zelena zelenyi "
        "chervona chervonyi chervone krasna krasnyi krasne pershe druhe "
        "malaya malyy bolshaya bolshoy novaya novyy novoye staraya staryy verkhnyaya "
        "nizhnyaya krasnaya krasnyy"
    ).split()
)
_MAX_REMEMBERED_WORDS = 200_000
_ROLE_BEFORE_RE = re.compile(
    r"\b(?:governor|head|mayor|chief|commander|minister|deputy|spokes(?:person|man|woman)|"
    r"official|adviser|advisor|president|secretary|director|chairman|chairwoman)\s+$",
    re.IGNORECASE,
)
_SURNAME_AFTER_RE = re.compile(
    r"[^\S\n]+[A-Z\u0400-\u042f][a-z\u0430-\u044f\u0456\u0457\u0454'\u2019-]+"
)
# "in the same district": the last unit of that level named before.
_SAME_UNIT_RE = re.compile(
    r"\bthe\s+same\s+(?P<word>district|raion|region|oblast|community|hromada)\b", re.IGNORECASE
)
_SAME_UNIT_LEVELS = {
    "raion": frozenset({"raion", "admin2"}),
    "oblast": frozenset({"oblast", "admin1"}),
    "hromada": frozenset({"hromada", "admin3"}),
}
_COMPASS_PARTS = frozenset({"North", "South", "East", "West", "Upper", "Lower"})


@dataclass(frozen=True)
class Mention:
    """A place name found in a text: where, as written, and what it resolved to."""

    start: int
    end: int
    surface: str
    resolution: Resolution


class MentionFinder:
    """Finds mentions of the units of one gazetteer; build once, use many times."""

    def __init__(self, gazetteer: Gazetteer, resolver: Resolver) -> None:
        self._resolver = resolver
        self._gazetteer = gazetteer
        self._index = gazetteer.keys
        self._starts: dict[str, bool] = {}  # capitalised word -> may it start a name?

    @cached_property
    def _prefixes(self) -> frozenset[str]:
        return _name_prefixes(self._gazetteer)

    def find(self, text: str) -> list[Mention]:
        """Return the place mentions in `text`, in order, longest name first at a position."""
        mentions: list[Mention] = []
        free = 0  # where the text after the last mention starts
        for capital in _CAPITAL_RE.finditer(text):
            start = capital.start()
            if start < free or not text[start].isupper():
                continue
            first = _WORD.match(text, start)
            if first is None or not self._may_start(first.group()):
                continue
            if _after_name_adjective(text, start, free):
                continue
            words = _adjacent_words(text, first)
            found = self._mention_at(text, words)
            if found is None:
                continue
            mention, used = found
            if mention is not None:
                mentions.append(mention)
            free = words[used - 1].end()
        mentions = _same_unit_anaphors(text, _share_plural_levels(text, mentions, self._resolver))
        return without_contradicted(text, resolve_in_context(text, mentions, self._gazetteer))

    def _may_start(self, word: str) -> bool:
        """Return True when `word` is a name, a rule-made stem or the first word of a name."""
        known = self._starts.get(word)
        if known is None:
            key = heavy_key(word)
            known = key in self._index or self._gazetteer.has_stem(key) or key in self._prefixes
            if len(self._starts) < _MAX_REMEMBERED_WORDS:
                self._starts[word] = known
        return known

    def _mention_at(
        self, text: str, words: list[re.Match[str]]
    ) -> tuple[Mention | None, int] | None:
        """Return the mention starting at the first of `words` (adjacent words) and its word
        count; a country is passed over whole (None, count), so "Trinidad and Tobago" yields
        no "Tobago"."""
        best: tuple[int, str] | None = None
        phrase = ""
        for n, word in enumerate(words):
            if n and not _may_continue(word.group()):
                break
            phrase = f"{phrase} {word.group()}" if n else word.group()
            key = heavy_key(phrase)
            if _capital_end(word.group()) and self._names_here(phrase, key, text, word.end()):
                best = (n + 1, key)
            if key not in self._prefixes:
                break
        if best is None:
            return None
        count, key = best
        start, end = words[0].start(), words[count - 1].end()
        if _NOT_A_PLACE_AFTER.match(text, end) or _RIVER_BEFORE.search(
            text, max(0, start - 40), start
        ):
            return None
        hint = None
        if after := _LEVEL_AFTER.match(text, end):
            hint = LEVEL_HINTS[after["word"].lower()]
            end = after.end()
        surface = text[start:end]
        core = text[start : words[count - 1].end()]
        resolution = self._resolver.resolve_key(key, light_key(core), hint, surface)
        if resolution is None or not (resolution.unit or resolution.needs_context):
            return None
        unit = resolution.unit or resolution.candidates[0]
        if unit.level == "country":
            return None, count
        if unit.level == "city_district":
            return None  # "the Saltivskyi district of Kharkiv": the city is the place
        if hint is None and _is_river(text, start, end, light_key(core), unit.level):
            return None
        if not self._spelt_as_named(unit, core):
            return None
        if unit.level == "village" and not village_here(text, start, start + len(core), resolution):
            return None
        if hint is None and _person_named(text, start, end):
            return None
        return Mention(start, end, surface, resolution), count

    def _names_here(self, phrase: str, key: str, text: str, end: int) -> bool:
        """Return True when `phrase` (folded to `key`) ending at `end` is a name in `text`.

        The level-word regex runs only when the name alone is not enough: a rule-made stem
        ("Kupian district") or a generic word ("Unity state").
        """
        if key in self._index and _usable(phrase, level_after=False):
            return True
        if key not in self._index and not self._gazetteer.has_stem(key):
            return False
        return _LEVEL_AFTER.match(text, end) is not None and _usable(phrase, level_after=True)

    def _spelt_as_named(self, unit: Unit, core: str) -> bool:
        """Return False for a word that only looks like a name after folding ("URI", "Java").

        Folding meets the romanisations of Ukrainian names (Kharkov, Gorlovka); a unit
        elsewhere must be written as one of its names, and an all-capitals word ("URI",
        "HOST") only when that name is written so ("KPK").
        """
        if unit.country == "UA":
            return True
        names = self._gazetteer.exact_names(i := self._gazetteer.position(unit.code))
        names += self._gazetteer.alias_names(i)
        if core.isupper() and " " not in core:
            return core in names
        return light_key(core) in {light_key(n) for n in names}


def _person_named(text: str, start: int, end: int) -> bool:
    """PERSON-NAME: return True for a first name that is also a town, after a role and
    before a surname: "governor Volodymyr Artiukh", "Mayor Ivan Fedorov"."""
    role = _ROLE_BEFORE_RE.search(text, max(0, start - 24), start)
    return role is not None and _SURNAME_AFTER_RE.match(text, end) is not None


def _after_name_adjective(text: str, start: int, free: int) -> bool:
    """Return True when the word at `start` follows, in the same name, a settlement-name
    adjective that started no mention: "Zaporizhzhia" in "Nove Zaporizhzhia" (a village);
    or a capitalised compass word: "East Flores", "West Java"."""
    before = _WORD_BEFORE_RE.search(text, max(free, start - 24), start)
    if before is None:
        return False
    word = before.group("word")
    return word.lower() in _NAME_ADJECTIVES or word in _COMPASS_PARTS


def _adjacent_words(text: str, first: re.Match[str]) -> list[re.Match[str]]:
    """Return `first` and the words right after it (a space, two, or a hyphen apart, on
    one line), as many as a name may have."""
    words = [first]
    while len(words) < _MAX_WORDS:
        gap = _ADJACENT_GAP_RE.match(text, words[-1].end())
        following = None if gap is None else _WORD.match(text, gap.end())
        if following is None:
            break
        words.append(following)
    return words


def _usable(phrase: str, level_after: bool) -> bool:
    """Return False for a phrase of generic words only ("North", "Central Region", "Red Sea").

    A level word after it makes a generic word a name ("Unity state", "Georgia state"),
    but never a direction ("Central region", "North province").
    """
    words = light_key(phrase).split()
    if len(phrase) <= 2 or all(w in _DIRECTIONS or w in _JOINERS for w in words):
        return False
    return level_after or not all(w in _GENERIC or w in _JOINERS for w in words)


def _may_continue(word: str) -> bool:
    """Return True when `word` can stand inside a name: capitalised or a joiner ("do", "el-")."""
    return word[0].isupper() or word.split("-")[0].lower() in _JOINERS


def _capital_end(word: str) -> bool:
    """Return True when `word` can end a name: "Sul", "el-Sheikh", never "do" or "of"."""
    return word.split("-")[-1][:1].isupper()


def _is_river(text: str, start: int, end: int, light: str, level: str) -> bool:
    """Return True when a name is a river here: "the Dnipro", "across the Oskil".

    English gives a city no article: "the" before a city or town (with no level word, or
    list of names ending in one, after it) names the river that shares its name.
    """
    if not _THE_BEFORE.search(text, max(0, start - 8), start):
        return False
    named_river = level in _CITY_LEVELS or light in _RIVERS
    return named_river and not _LISTED_LEVEL.match(text, end)


def _name_prefixes(gazetteer: Gazetteer) -> frozenset[str]:
    """Return the heavy keys of every proper word prefix of a multi-word name."""
    prefixes: set[str] = set()
    for name in gazetteer.names_of_several_words():
        words = name.replace("-", " ").split()
        for n in range(1, min(len(words), _MAX_WORDS)):
            prefixes.add(heavy_key(" ".join(words[:n])))
    return frozenset(prefixes)


def _share_plural_levels(text: str, mentions: list[Mention], resolver: Resolver) -> list[Mention]:
    """In "Kindrashivka and Kurylivka communities" the level word serves both names."""
    hint: str | None = None
    for j in range(len(mentions) - 1, -1, -1):
        mention = mentions[j]
        own = _LEVEL_AFTER.search(mention.surface)
        if own is not None:
            word = own["word"].lower()
            plural = word.endswith("s") or word in ("oblasts", "raions")
            hint = LEVEL_HINTS[word] if plural else None
            continue
        following = mentions[j + 1] if j + 1 < len(mentions) else None
        if hint is None or following is None:
            continue
        if not _LIST_GAP.match(text[mention.end : following.start]):
            hint = None
            continue
        again = resolver.resolve_key(
            heavy_key(mention.surface), light_key(mention.surface), hint, mention.surface
        )
        if again is not None:
            mentions[j] = replace(mention, resolution=again)
    return mentions


def _same_unit_anaphors(text: str, mentions: list[Mention]) -> list[Mention]:
    """Return `mentions` with "the same district" (region, community) read as a mention of
    the last unit of that level named before it, so that it places what it is said of."""
    if "same" not in text:
        return mentions
    added: list[Mention] = []
    for phrase in _SAME_UNIT_RE.finditer(text):
        levels = _SAME_UNIT_LEVELS[LEVEL_HINTS[phrase["word"].lower()]]
        before = [
            m
            for m in mentions
            if m.end <= phrase.start() and m.resolution.unit and m.resolution.unit.level in levels
        ]
        if before:
            resolution = before[-1].resolution.for_query(phrase.group())
            note = f"the same unit as {before[-1].surface!r} before it"
            resolution = replace(resolution, note=note)
            added.append(Mention(phrase.start(), phrase.end(), phrase.group(), resolution))
    return sorted([*mentions, *added], key=lambda m: m.start) if added else mentions
