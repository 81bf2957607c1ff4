"""Toponym resolution in the context of one document: each name's candidates, chosen jointly.

Built on how geoparsers rank candidates (CLAVIN's ancestry check, Mordecai's and the
Edinburgh Geoparser's features): collect every place mention first, give each ambiguous one
all its candidates (every homonym of its level), and score each candidate by the other places
the document names. A name is ambiguous when it fits several units of one kind (125
villages named Ivanivka, two Pokrovska hromadas in one oblast), or when the category prior
chose a town that the text may mean as a namesake village elsewhere.

Named features (each gives a weight, times the proximity below):

- NAMED-CONTAINER: the document names a unit that holds the candidate: a hromada 6, a
  raion 4, an oblast 2 (the strongest signal: "Ivanivka ... in the Bakhmut district");
- SHARED-CONTAINER: another place the document names lies in the same hromada 5, raion 3,
  oblast 1 or country 1 ("Ivanivka west of Chasiv Yar");
- PROXIMITY: a name right after the mention that holds it ("Ivanivka, a village in the
  Kupiansk district", "Hlushkivka (Kupiansk district)") counts double; one in the same
  sentence in full; one in the next or previous sentence at half; one further away at a
  third.

Before scoring:

- LEVEL-WORDS: the words around the name keep the namesakes of the level they ask for
  ("the town of Druzhba", "Kolisnykivka village"); a bare name that a hromada took from its
  centre ("Petrivka") competes with the settlements written so;
- NOT-CONTRADICTED: a candidate outside the oblasts, or the raions, that the mention's own
  sentence names is dropped ("Ivanivka ... in the Bakhmut district" is no Ivanivka of another
  raion); a city is exempt, being named for itself.

Choice: the best candidate wins when it scores at least 1 and no candidate in another raion
scores as much (namesakes of one raion give that raion). The category prior (resolver.py)
holds for a city (of cities sharing a name, the one its oblast is named after), a unique
town, a raion or a region: a namesake takes its place only by scoring higher, and a village
only by scoring 6 against a city or 1 against a town. For a village, a hromada, or a town
that shares its name with other towns, the prior chooses nothing. A name whose best
candidates lie in several raions, or that nothing scores, is left ambiguous: its unit is
None, its candidates are the best ones, and its note says why; nothing is guessed. Mentions
settled in a first pass take part as context in a second; a city the prior chose speaks from
the start.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from tracker.places.fold import heavy_key, light_key, strip_adjective
from tracker.places.gazetteer import FIRST_LEVELS, SECOND_LEVELS, Gazetteer, Unit
from tracker.places.resolver import LEVEL_HINTS, Resolution, split_level_word

if TYPE_CHECKING:
    from tracker.places.mentions import Mention

__all__ = ["resolve_in_context"]

_NAMED_WEIGHT = {"hromada": 6.0, "admin3": 6.0, "raion": 4.0, "admin2": 4.0, "oblast": 2.0,
                 "admin1": 2.0}  # fmt: skip
_SHARED_WEIGHT = {"hromada": 5.0, "admin3": 5.0, "raion": 3.0, "admin2": 3.0, "oblast": 1.0,
                  "admin1": 1.0, "country": 1.0}  # fmt: skip
_ATTACHED, _SAME_SENTENCE, _NEXT_SENTENCE, _FAR = 2.0, 1.0, 0.5, 1 / 3
_SETTLE_MIN = 1.0
# How much context a prior's choice needs before it moves to a namesake.
# A city moves to a namesake village only for a raion or hromada named by it and its oblast;
# a town for its oblast named in its sentence or the next; to a namesake city or town (or a
# region to a namesake region) any clue will do.
_TO_VILLAGE_FLOOR = {"city": 6.0, "town": 1.0}
_FLOOR = 0.5
# Levels where the resolver's first candidate is no choice at all (one of many namesakes);
# a hromada has one when only one namesake has its centre written so ("Orikhiv community").
_NO_PRIOR_LEVELS = frozenset({"village", "hromada", "admin3", "city_district"})
# Kinds of unit whose namesakes compete: a town may be meant as a village, never as a raion.
_KIND = {"city": "settlement", "town": "settlement", "village": "settlement",
         "admin3": "hromada", "admin2": "raion", "admin1": "oblast"}  # fmt: skip
# "the town of Druzhba", "villages of Hlushkivka": the level written before the name.
_LEVEL_BEFORE_RE = re.compile(r"\b(?P<word>town|city|village)s?\s+of\s+(?:the\s+)?$", re.I)
_WRITTEN_LEVELS = {"city": frozenset({"city", "town"}), "village": frozenset({"village"})}
_SENTENCE_END_RE = re.compile(r"[.!?\u2026][\"'\u201d\u00bb)]*\s+|\n\s*")
# The gap between a name and a unit holding it written right after: ", a village in the",
# " (", ", ", " in the", " of the".
_ATTACHED_GAP_RE = re.compile(
    r"\s*(?:,|\(|\u2013|-)?\s*(?:(?:an?|the)\s+(?:small\s+)?(?:village|town|settlement|city|"
    r"community|hromada)\s+)?(?:(?:in|of|within)\s+)?(?:the\s+)?",
    re.IGNORECASE,
)
_ATTACHED_REACH = 48


@dataclass(frozen=True, slots=True)
class _Clue:
    """A unit the document's context speaks for: where, how strongly, and why."""

    weight: float
    mention: int  # index of the mention it comes from
    reason: str


@dataclass(frozen=True, slots=True)
class _Scored:
    candidate: Unit
    score: float
    reasons: tuple[str, ...]


class _Clues:
    """The clues of a document by unit: per sentence the strongest few, and the strongest
    few of all, so that a mention looks at a bounded number of them (no quadratic walk)."""

    _KEEP = 3

    def __init__(self) -> None:
        self._by_sentence: dict[tuple[int, int], list[_Clue]] = {}
        self._strongest: dict[int, list[_Clue]] = {}
        self._of_mention: dict[tuple[int, int], _Clue] = {}

    def add(self, unit: int, clue: _Clue, sentence: int) -> None:
        """Keep `clue` for `unit`, said in `sentence`."""
        self._of_mention[(unit, clue.mention)] = clue
        _keep_strongest(self._by_sentence.setdefault((unit, sentence), []), clue, self._KEEP)
        _keep_strongest(self._strongest.setdefault(unit, []), clue, self._KEEP)

    def near(self, unit: int, sentence: int, attached: int | None) -> list[_Clue]:
        """Return the clues for `unit` that may count most for a mention in `sentence`."""
        found = [c for s in (sentence - 1, sentence, sentence + 1)
                 for c in self._by_sentence.get((unit, s), ())]  # fmt: skip
        found += self._strongest.get(unit, ())
        if attached is not None and (unit, attached) in self._of_mention:
            found.append(self._of_mention[(unit, attached)])
        return found


def _keep_strongest(clues: list[_Clue], clue: _Clue, keep: int) -> None:
    clues.append(clue)
    if len(clues) > keep:
        clues.sort(key=lambda c: -c.weight)
        del clues[keep:]


def resolve_in_context(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """Return `mentions` with every ambiguous name resolved by the document's other places,
    or left ambiguous (unit None, its best candidates kept, a note saying why)."""
    open_ = [k for k, m in enumerate(mentions) if len(_namesakes(m.resolution)) > 1]
    if not open_:
        return mentions
    is_open = set(open_)
    context = _Context(text, mentions, gazetteer, is_open)
    # A city the prior chose speaks as context from the start; the other open names only
    # once the first pass has settled them.
    speaking = {
        k
        for k, m in enumerate(mentions)
        if k not in is_open or (m.resolution.unit is not None and m.resolution.unit.level == "city")
    }
    resolved = list(mentions)
    for _ in range(2):
        clues = context.clues(resolved, speaking)
        for k in open_:
            resolved[k] = context.choose(k, clues)
        settled = {k for k in open_ if resolved[k].resolution.unit is not None}
        if settled <= speaking:
            break
        speaking |= settled
    return resolved


def _namesakes(resolution: Resolution) -> tuple[Unit, ...]:
    """Return the candidates that compete for a mention: its homonyms of one kind. A bare
    name that a hromada took from its centre ("Petrivka") competes with the settlements
    written so, of which the hromada's centre is one."""
    unit = resolution.unit
    if unit is None:
        return resolution.candidates if resolution.needs_context else ()
    kinds = {_KIND.get(unit.level, unit.level)}
    core, word = split_level_word(resolution.query)
    written = light_key(core)
    if word is None and kinds & {"hromada", "settlement"}:
        kinds = {"hromada", "settlement"}
    return tuple(
        c
        for c in resolution.candidates
        if _KIND.get(c.level, c.level) in kinds
        and (c.name == unit.name or light_key(c.name) == written)
    )


def _prior(resolution: Resolution, namesakes: tuple[Unit, ...]) -> Unit | None:
    """Return the namesake the category prior chooses, or None where it chooses none."""
    unit = resolution.unit
    if unit is None:
        return None
    if unit.level == "town":
        # Towns share names across oblasts as villages do (seven towns named Druzhba):
        # the prior chooses a town only when it is the one town of that name.
        towns = {c.admin2_pcode for c in namesakes if c.level == "town"}
        return unit if len(towns) == 1 else None
    if unit.level == "city":
        # Of cities sharing a name, the one its oblast is named after ("Mykolaiv city").
        cities = [c for c in namesakes if c.level == "city"]
        centres = [c for c in cities if _names_its_oblast(c)]
        return centres[0] if len(cities) > 1 and len(centres) == 1 else unit
    if unit.level not in _NO_PRIOR_LEVELS:
        return unit
    core, word = split_level_word(resolution.query)
    if unit.level not in ("hromada", "admin3") or word is None:
        return None  # a bare name is no more its hromada than its village
    written = light_key(core)
    centred = [c for c in namesakes if c.centre and light_key(c.centre) == written]
    return centred[0] if len(centred) == 1 else None


def _names_its_oblast(city: Unit) -> bool:
    """Return True for a city whose oblast bears its name (Mykolaiv, Mykolaivska)."""
    oblast = strip_adjective(heavy_key(city.admin1_name))
    name = heavy_key(city.name)
    return min(len(oblast), len(name)) >= 3 and (name.startswith(oblast) or oblast.startswith(name))


def _move_floor(prior: Unit, to: Unit) -> float:
    """Return the score a namesake needs to take the place of the prior's choice."""
    return _TO_VILLAGE_FLOOR.get(prior.level, _FLOOR) if to.level == "village" else _FLOOR


def _kept(mention: Mention, prior: Unit, note: str) -> Mention:
    """Return the mention resolved to the prior's choice, saying why."""
    if mention.resolution.unit == prior and mention.resolution.note == note:
        return mention
    return replace(mention, resolution=replace(mention.resolution, unit=prior, note=note))


class _Context:
    """The places of one document, as clues for choosing among candidates."""

    def __init__(
        self, text: str, mentions: list[Mention], gazetteer: Gazetteer, open_: set[int]
    ) -> None:
        self._text, self._mentions, self._gazetteer = text, mentions, gazetteer
        ends = [m.end() for m in _SENTENCE_END_RE.finditer(text)]
        self._sentence = [bisect_right(ends, m.start) for m in mentions]
        self._original = [m.resolution for m in mentions]
        self._attached = [self._attached_after(k) for k in range(len(mentions))]
        self._areas_in_sentence = self._areas_by_sentence(open_)

    def _areas_by_sentence(self, open_: set[int]) -> dict[int, dict[str, set[int]]]:
        """Return, per sentence, the regions and the raions it names for sure (by level, as
        indices): not those of names still to be chosen among their namesakes."""
        areas: dict[int, dict[str, set[int]]] = {}
        for k, (sentence, mention) in enumerate(zip(self._sentence, self._mentions, strict=True)):
            unit = mention.resolution.unit
            if k in open_ or unit is None or unit.level not in FIRST_LEVELS | SECOND_LEVELS:
                continue
            level = "first" if unit.level in FIRST_LEVELS else "second"
            at = areas.setdefault(sentence, {}).setdefault(level, set())
            at.add(self._gazetteer.position(unit.code))
        return areas

    def clues(self, mentions: list[Mention], speaking: set[int]) -> _Clues:
        """Return what the `speaking` mentions say for the units holding them."""
        clues = _Clues()
        gazetteer = self._gazetteer
        for k in sorted(speaking):
            unit = mentions[k].resolution.unit
            if unit is None:
                continue
            i = gazetteer.position(unit.code)
            named = _NAMED_WEIGHT.get(gazetteer.level(i))
            if named:
                clues.add(i, _Clue(named, k, f"{unit.label} is named"), self._sentence[k])
            for j in gazetteer.ancestors(i):
                shared = _SHARED_WEIGHT.get(gazetteer.level(j))
                if shared:
                    reason = f"{gazetteer.units[j].label} holds {unit.label}, named"
                    clues.add(j, _Clue(shared, k, reason), self._sentence[k])
        return clues

    def choose(self, k: int, clues: _Clues) -> Mention:
        """Return mention `k` resolved by the clues, or left ambiguous with its reasons."""
        mention = self._mentions[k]
        resolution = self._original[k]
        namesakes = self._of_written_level(k, _namesakes(resolution))
        # A country speaks only for namesakes in different countries ("Punjab").
        countries = len({c.country for c in namesakes}) > 1
        scored = sorted(
            (self._score(k, c, clues, countries) for c in namesakes),
            key=lambda s: -s.score,
        )
        prior = _prior(resolution, namesakes)
        # A city is named for itself; its sentence may name other areas for other reasons
        # ("IDPs from Kherson Oblast live in Mykolaiv city").
        city = prior is not None and prior.level == "city"
        kept = scored if city else self._not_contradicted(k, scored)
        if not kept:
            why = f"none of the {len(scored)} places of that name lies in the areas of its sentence"
            return self._ambiguous(mention, resolution, scored, why)
        scored = kept
        best = scored[0]
        top = [s for s in scored if s.score >= best.score - 1e-9]
        # The prior's choice holds unless its sentence contradicts it or a namesake
        # scores higher, and high enough to move it.
        own = next((s for s in scored if s.candidate == prior), None)
        if own is not None and (
            best.score < _move_floor(own.candidate, best.candidate) or own.score >= best.score
        ):
            note = _chosen_note(own, scored) if own.score > 0 else resolution.note
            return _kept(mention, own.candidate, note)
        if best.score < _SETTLE_MIN:
            why = f"{len(scored)} places of that name fit and nothing in the text chooses one"
            return self._ambiguous(mention, resolution, scored, why)
        if len({s.candidate.admin2_pcode for s in top}) > 1:
            fits = " and ".join(_where(s.candidate) for s in top[:3])
            why = f"{len(top)} places of that name fit the text alike: {fits}"
            return self._ambiguous(mention, resolution, top, why)
        note = _chosen_note(best, scored)
        chosen = replace(resolution, unit=best.candidate, note=note)
        return replace(mention, resolution=chosen)

    def _score(self, k: int, candidate: Unit, clues: _Clues, countries: bool) -> _Scored:
        """Return a candidate's score: for each unit holding it, the best clue for that unit."""
        gazetteer = self._gazetteer
        i = gazetteer.position(candidate.code)
        total, reasons = 0.0, []
        for j in (i, *gazetteer.ancestors(i)):
            if not countries and gazetteer.level(j) == "country":
                continue
            weighted = [
                (clue.weight * proximity, clue, proximity)
                for clue in clues.near(j, self._sentence[k], self._attached[k])
                if self._mentions[clue.mention].surface != self._mentions[k].surface
                and (proximity := self._proximity(k, clue.mention, j == i))
            ]
            if not weighted:
                continue
            weight, clue, proximity = max(weighted, key=lambda w: w[0])
            total += weight
            reasons.append(f"{clue.reason} {_WHERE[proximity]} (+{weight:g})")
        return _Scored(candidate, round(total, 3), tuple(reasons))

    def _of_written_level(self, k: int, namesakes: tuple[Unit, ...]) -> tuple[Unit, ...]:
        """LEVEL-WORDS: return the namesakes of the level the words around mention `k` ask
        for ("the town of Druzhba", "Kolisnykivka village"), or all when none is asked."""
        mention = self._mentions[k]
        word = split_level_word(mention.surface)[1]
        if word not in _WRITTEN_LEVELS:
            before = _LEVEL_BEFORE_RE.search(self._text, max(0, mention.start - 24), mention.start)
            word = LEVEL_HINTS[before["word"].lower()] if before else None
        levels = _WRITTEN_LEVELS.get(word or "")
        of_level = tuple(c for c in namesakes if levels is None or c.level in levels)
        return of_level or namesakes

    def _proximity(self, k: int, other: int, itself: bool) -> float:
        """Return how much a clue from mention `other` counts for mention `k`."""
        if itself:
            return 0.0  # a unit does not hold itself: its own name is no clue
        if other == self._attached[k]:
            return _ATTACHED
        distance = abs(self._sentence[k] - self._sentence[other])
        return _SAME_SENTENCE if distance == 0 else _NEXT_SENTENCE if distance == 1 else _FAR

    def _attached_after(self, k: int) -> int | None:
        """Return the index of the mention written right after mention `k` as the unit
        holding it ("Ivanivka, a village in the Kupiansk district"), if any."""
        if k + 1 >= len(self._mentions):
            return None
        mention, after = self._mentions[k], self._mentions[k + 1]
        gap = after.start - mention.end
        attached = 0 <= gap <= _ATTACHED_REACH and _ATTACHED_GAP_RE.fullmatch(
            self._text, mention.end, after.start
        )
        return k + 1 if attached else None

    def _not_contradicted(self, k: int, scored: list[_Scored]) -> list[_Scored]:
        """Return the candidates that lie inside the regions and raions that mention `k`'s
        sentence names (of each level it names any): "Ivanivka ... in the Bakhmut district"
        is no Ivanivka of another raion, whatever else the text names."""
        kept = scored
        for level, areas in self._areas_in_sentence.get(self._sentence[k], {}).items():
            above = FIRST_LEVELS if level == "first" else FIRST_LEVELS | SECOND_LEVELS
            kept = [
                s
                for s in kept
                if s.candidate.level in above or areas.intersection(self._chain(s.candidate))
            ]
        return kept

    def _chain(self, unit: Unit) -> list[int]:
        i = self._gazetteer.position(unit.code)
        return [i, *self._gazetteer.ancestors(i)]

    def _ambiguous(
        self, mention: Mention, resolution: Resolution, left: list[_Scored], why: str
    ) -> Mention:
        candidates = tuple(s.candidate for s in left)
        note = f"ambiguous: {why}"
        if len(candidates) == 1:
            unit = candidates[0]
            return replace(mention, resolution=replace(resolution, unit=unit, note=note))
        ambiguous = Resolution(resolution.query, None, resolution.match, 1.0, candidates, note=note)
        return replace(mention, resolution=ambiguous)


_WHERE = {
    _ATTACHED: "right after it",
    _SAME_SENTENCE: "in the same sentence",
    _NEXT_SENTENCE: "in the next sentence or the one before",
    _FAR: "elsewhere in the text",
}


def _where(unit: Unit) -> str:
    """Return a unit's label with its raion and oblast: "Ivanivka (Bakhmutskyi raion, Donetska)"."""
    second = (
        (f"{unit.admin2_name} raion" if unit.country == "UA" else unit.admin2_name)
        if unit.admin2_name
        else None
    )
    inside = ", ".join(
        p
        for p in (second if unit.level not in SECOND_LEVELS else None, unit.admin1_name)
        if p and unit.level not in FIRST_LEVELS
    )
    return f"{unit.label} ({inside})" if inside else unit.label


def _chosen_note(best: _Scored, scored: list[_Scored]) -> str:
    """Return why `best` was chosen, and what came next."""
    others = [s for s in scored if s is not best]
    tied = [s for s in others if s.score >= best.score]
    why = "; ".join(best.reasons)
    note = f"chose {_where(best.candidate)} by the text's places: {why} (score {best.score:g})"
    if tied:
        raion = best.candidate.admin2_name
        return f"{note}; {len(tied)} more in {raion} raion fit alike: the raion is certain"
    if others:
        return f"{note}; next best {_where(others[0].candidate)} ({others[0].score:g})"
    return note
