"""Framing: which event each reading reports, or which distractor frame disqualifies it.

Rules, in order (names end up in the figure's `rule`):
1. BLOCKER: a distractor frame (pre-war, capacity, projection...) disqualifies the
   number nearest to it in its comma phrase, else its clause; a distractor predicate
   (killed, wounded, affected, without power) competes with the event cues and
   disqualifies the numbers it governs. An ellipsis of a disqualified number inherits
   what was counted (pupils) but not the anchor's frame (before the war).
2. HEAD: a subgroup ("including 217 children") shares the event of its head figure.
   GAPPED-COORDINATION: "Kramatorsk has 53,000 residents, Sloviansk about 78,000": a bare
   number after a place name in a list keeps the first figure's event.
3. CUE: an event verb right before its object governs it ("police evacuated 19 residents
   ... who had lived there"); else the nearest event cue of the reading's clause,
   preferring the predicate after the noun; a participle right after the noun ("people
   displaced from their homes") gives way to a finite verb later in the clause ("have
   been given accommodation"), as does "people living in X" to "had been told to move"
   or to a modal ("residents living inside it must now leave");
   an infinitive after the noun ("urged 50,000 residents to evacuate") gives way to the
   order verb before it; "Of the 1,000 residents, 600 have left": the 1,000 has only
   the predicate before the comma (not a relative "who lived"), else it is a reference
   total. REMAIN-UNDER-ORDER: "remain under evacuation orders" is to_evacuate.
4. FRAMING: a neutral presence verb ("live", "there are", "X has") gives to_evacuate when
   the clause, or what follows it in the sentence, frames a zone under an evacuation
   decision, or points back ("these settlements", "living there") at a zone an earlier
   sentence placed under one; "evacuated" when the sentence goes on "and they had to
   flee"; else remaining ("still home to" stays remaining even under an order). "X has
   N people" needs X to be a place. A remaining or presence verb followed by a shelter
   ("staying in temporary shelters") gives housed, as does a shelter-type place as the
   subject of a presence verb ("the camp is home to 40,000"); an evacuee noun outranks a
   presence verb ("2 000 of the evacuees are from Cross Lake").
5. ELLIPSIS: a clause with no cue continues the event of the previous figure of its
   sentence ("and since the beginning of this year one and a half thousand people"),
   else takes a cue of the sentence right next to it ("Evacuated: 1,234 people");
   PART-OF-EARLIER: "X accounts for 1,478 of them" takes the previous sentence's event.
"""

from __future__ import annotations

import re

from tracker.extract.caseless import caseless
from tracker.extract.distractors import PREDICATE_FRAMES, Blocker, find_blockers
from tracker.extract.events import (
    Cue,
    find_cues,
    names_zone,
    plan_follows,
    previous_sentence_start,
    running_evacuation,
    shelter_relative,
    shelter_subject,
    they_fled_after,
)
from tracker.extract.governing import (
    governing_cue,
    holder_is_a_place,
    nearest_in_sentence,
    shelter_taken_in,
)
from tracker.extract.headings import heading_cue, is_list_line
from tracker.extract.readings import Reading
from tracker.extract.sentences import Sentence, clause_span

__all__ = ["frame_sentence"]

_METRIC_OF = {
    "evacuated": "evacuated",
    "planned": "to_evacuate",
    "housed": "housed",
    "remaining": "remaining",
}
_SHELTER_REACH = 40  # "are staying in temporary shelters": the shelter right after the verb
# Why an anchor was no fact that an ellipsis does not inherit: they concern the anchor's
# own time or frame ("3,500 lived there before the war, fewer than 100 remain"), not what
# is counted (pupils, casualties, staff), which carries over ("and now there are 17").
_OWN_FRAME = frozenset(
    {
        "reference-total",
        "pre-war-population",
        "projection",
        "capacity",
        "intention",
        "return",
        "negated-plan",
        "no-event",
        "proportion-base",
        "derived-total",
        "subset",
        "destination-subset",
        "presence-not-of-a-place",
    }
)
_PHRASE_COMMA_RE = re.compile(r",\s")
_STILL_RE = caseless(r"\bstill\b")
_STILL_AFTER_RE = caseless(r"\s+still\b")
_EVACUEE_RE = caseless(r"evacuee|number\s+of\s+(?:the\s+)?(?:displaced|evacuated)")
# "UNHCR counts more than 6.9 million refugees from Ukraine": with no verb of its own, a
# count of refugees or displaced people is of people who left.
_REFUGEE_NOUN_RE = caseless(
    r"\s+(?:[\w-]+\s+)?(?:refugees|idps|internally\s+displaced\s+(?:people|persons))\b"
)
_GAPPED_RE = re.compile(
    r"^\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,3}"
    r"(?:\s+(?:region|oblast|district|raion|province|community|hromada|city|state))?\s+$"
)
_ORDER_REACH = 6  # "remain under evacuation orders": the order right after the verb
_RELATIVE_REACH = 120  # "FACILITY in PLACE, where | N people are staying"
_MOVED_INTO_RE = caseless(r"(?:moved|move|moving|relocated)$")
# "is home to about 31,000 IDPs": a place hosting displaced people (their number after it).
_DISPLACED_HOSTED_RE = caseless(
    r"home\s+to\b[^.;]{0,40}?\b(?:idps|internally\s+displaced|displaced\s+(?:people|persons)|"
    r"evacuees|refugees)\b"
)


def frame_sentence(
    text: str, sentence: Sentence, readings: list[Reading], heading: str | None = None
) -> None:
    """Set `metric` (or `rejected`) on every reading of one sentence, in place.

    `heading` is the event of the line above (its last figure's, or a heading's ending in
    a colon): a verbless "Place - N" list continues it."""
    if not any(r.group is not None and r.rejected is None for r in readings):
        return
    cues = find_cues(text, sentence.start, sentence.end)
    opener = heading_cue(text, sentence.start, sentence.end)
    if opener is not None:
        cues.append(opener)
    listed = heading if heading and is_list_line(text, sentence.start, sentence.end) else None
    blockers = find_blockers(text, sentence.start, sentence.end)
    planned = [c for c in cues if c.kind == "planned"]
    cues = sorted(
        cues
        + [
            Cue(b.start, b.end, "blocked", b.name)
            for b in blockers
            if b.name in PREDICATE_FRAMES and not _inside(b, planned)
        ],
        key=lambda c: (c.start, c.kind != "blocked"),  # a frame beats a verb it starts with
    )
    _apply_blockers(
        text, sentence, readings, cues, [b for b in blockers if b.name not in PREDICATE_FRAMES]
    )
    previous: Reading | None = None
    for reading in readings:
        if reading.rejected is None and reading.group is not None:
            _frame(text, sentence, reading, cues, previous)
            if listed is not None and reading.rejected == "no-event" and reading.head is None:
                reading.rejected, reading.metric = None, listed
                reading.event_rule = "list-under-heading"
        if reading.group is not None and reading.rejected is None and reading.metric:
            previous = reading


def _apply_blockers(
    text: str,
    sentence: Sentence,
    readings: list[Reading],
    cues: list[Cue],
    blockers: list[Blocker],
) -> None:
    counted = [r for r in readings if r.rejected not in ("date", "year", "ordinal", "time")]
    planned = [c for c in cues if c.kind == "planned"]
    for blocker in blockers:
        if _inside(blocker, planned):
            continue  # "affected by the evacuation orders" is a frame, not a distractor
        clause = clause_span(sentence, blocker.start)
        # Nearest within the blocker's comma-delimited phrase first: "Of the 3,500 people
        # who lived there before the war, fewer than 100 remain" disqualifies the 3,500.
        phrase = _phrase_around(text, clause, blocker.start, blocker.end)
        near = [r for r in counted if phrase[0] <= r.number.start < phrase[1]] or [
            r for r in counted if clause[0] <= r.number.start < clause[1]
        ]
        if near:
            nearest = min(near, key=lambda r: _gap(blocker, r))
            # What is counted (pupils) outranks when it was counted (before the war).
            if nearest.rejected is None or (
                nearest.rejected in _OWN_FRAME and blocker.name not in _OWN_FRAME
            ):
                nearest.rejected = blocker.name


def _inside(blocker: Blocker, cues: list[Cue]) -> bool:
    """True when a cue spans the blocker: "affected by the evacuation orders" is a frame."""
    return any(c.start <= blocker.start < c.end for c in cues)


def _phrase_around(text: str, clause: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """Return the comma-delimited phrase of `clause` around text[start:end] (a comma in
    "3,500" is no boundary: a phrase comma is followed by a space)."""
    left = clause[0]
    for comma in _PHRASE_COMMA_RE.finditer(text, clause[0], start):
        left = comma.end()
    right = _PHRASE_COMMA_RE.search(text, end, clause[1])
    return left, right.start() if right is not None else clause[1]


def _gap(blocker: Blocker, reading: Reading) -> int:
    if blocker.start >= reading.noun_end:
        return blocker.start - reading.noun_end
    return max(0, reading.start - blocker.end)


def _frame(
    text: str, sentence: Sentence, reading: Reading, cues: list[Cue], previous: Reading | None
) -> None:
    anchor = reading.anchor
    if anchor is not None and anchor.rejected is not None and anchor.rejected not in _OWN_FRAME:
        reading.rejected = anchor.rejected  # an ellipsis of a distractor is one too
        return
    if reading.rule == "part-by-origin" and anchor is not None and anchor.metric is not None:
        # "Twelve of them came from Kivsharivka": a part of the count before, by origin.
        reading.metric, reading.event_rule = anchor.metric, "part-of-earlier"
        return
    head = reading.head
    if head is not None:
        reading.rejected = head.rejected
        reading.metric, reading.event_rule = head.metric, f"head:{head.event_rule}"
        if head.metric is None and head.rejected is None:
            reading.rejected = "no-event"
        return
    if (
        reading.rule in ("bare-ellipsis", "implied-multiplier")
        and previous is not None
        and previous.metric is not None
        and _GAPPED_RE.match(text[previous.noun_end : reading.start]) is not None
    ):
        # "Kramatorsk has 53,000 residents, Sloviansk about 78,000": the verb is gapped.
        reading.metric, reading.event_rule = previous.metric, "gapped-coordination"
        return
    relative = shelter_relative(
        text, max(sentence.start, reading.number.start - _RELATIVE_REACH), reading.number.start
    )
    if relative == "through":
        # "the transit centre in Lozova, through which 2,480 evacuees have passed"
        reading.metric, reading.event_rule = "housed", "passed-through-shelter"
        return
    clause = clause_span(sentence, reading.number.start)
    cue = governing_cue(text, reading, [c for c in cues if clause[0] <= c.start < clause[1]])
    if reading.rule == "figure-is" and cue is None and anchor is not None and anchor.metric:
        # "Since the start of 2025 the figure stands at 1,134": the earlier figure's event.
        reading.metric, reading.event_rule = anchor.metric, "same-count-as-before"
        return
    if reading.rule in ("population-is", "figure-is") and (cue is None or cue.kind == "presence"):
        reading.metric, reading.event_rule = "remaining", "population-stock"
        return
    if cue is None:
        reach = reading.number.start - (
            60 if reading.rule in ("number-of", "part-of-evacuees") else 0
        )
        if _EVACUEE_RE.search(text, max(0, reach), reading.noun_end + 20) or (
            _REFUGEE_NOUN_RE.match(text, reading.number.end, reading.noun_end + 1)
        ):
            reading.metric, reading.event_rule = "evacuated", "evacuee-noun"
            return
        if previous is not None and previous.metric is not None:
            reading.metric, reading.event_rule = previous.metric, "ellipsis"
            return
        if anchor is not None and anchor.metric is not None and anchor.rejected is None:
            # "X accounts for 1,478 of them": a part of the previous sentence's figure.
            reading.metric, reading.event_rule = anchor.metric, "part-of-earlier"
            return
        near = nearest_in_sentence(reading, cues)
        if near is None:
            if plan_follows(text, previous_sentence_start(text, sentence.start), sentence.start):
                # "... ordered the mandatory evacuation of families with children. 'We are
                # talking about 202 children,' he said": the count the decision covers.
                reading.metric, reading.event_rule = "to_evacuate", "count-after-decision"
                return
            reading.rejected = "no-event"
            return
        cue = near
    reading.cue_start, reading.cue_end = cue.start, cue.end
    if cue.kind == "negated":
        reading.rejected = "negated-plan"
        return
    if cue.kind == "blocked":
        reading.rejected = cue.name
        return
    kind, name = cue.kind, cue.name
    blocker = next(
        (c for c in cues if c.kind == "blocked" and 0 <= c.start - cue.end <= _ORDER_REACH), None
    )
    if kind == "remaining" and blocker is not None:
        reading.rejected = blocker.name  # "remain without power" is no stay
        return
    if kind == "remaining" and any(
        c.kind == "planned" and 0 <= c.start - cue.end <= _ORDER_REACH for c in cues
    ):
        kind, name = "planned", "remain-under-order"  # "remain under evacuation orders"
    if kind in ("presence", "remaining"):
        housed = next(
            (c for c in cues if c.kind == "housed" and 0 <= c.start - cue.end <= _SHELTER_REACH),
            None,
        )
        place_end = housed.end if housed is not None else shelter_taken_in(text, cue)
        if place_end is not None:
            kind, name = "housed", f"{name}-in-shelter"
            reading.cue_end = place_end
    if kind == "evacuated" and _MOVED_INTO_RE.match(text, cue.start, cue.end):
        into = next((c for c in cues if c.kind == "housed" and 0 <= c.start - cue.end <= 2), None)
        if into is not None and text[into.start : into.start + 5].lower() == "into ":
            # "28 people have so far moved into a dormitory in Voznesensk"
            kind, name = "housed", "moved-into-shelter"
            reading.cue_end = into.end
    if kind in ("presence", "remaining") and relative == "where":
        # "a transit point in Vasylkivka, where 27 people are currently staying"
        kind, name = "housed", f"{name}-in-shelter-where"
    if kind == "presence" and _DISPLACED_HOSTED_RE.match(text, cue.start, reading.noun_end + 1):
        kind, name = "housed", "home-to-displaced"  # "the town is home to 31,000 IDPs"
    if kind == "presence" and shelter_subject(text, max(clause[0], cue.start - 60), cue.start):
        kind, name = "housed", "presence-of-a-shelter"  # "the camp is home to 40,000"
    if kind == "presence" and _EVACUEE_RE.search(text, reading.number.start, reading.noun_end):
        # "About 2 000 of the evacuees are from Cross Lake": the noun says what happened.
        reading.cue_start = reading.cue_end = None
        reading.metric, reading.event_rule = "evacuated", "evacuee-noun"
        return
    if kind == "presence" and not holder_is_a_place(text, clause, cue):
        reading.rejected = "presence-not-of-a-place"  # "the hospital had 200 patients"
        return
    if kind == "presence":
        kind, name = _frame_presence(text, sentence, clause, cue)
    reading.metric, reading.event_rule = _METRIC_OF[kind], name


def _frame_presence(
    text: str, sentence: Sentence, clause: tuple[int, int], cue: Cue
) -> tuple[str, str]:
    if _STILL_RE.search(text, max(clause[0], cue.start - 16), cue.start) or _STILL_AFTER_RE.match(
        text, cue.end
    ):
        # "still home to 53 thousand", "there are still 37 children": even under an order
        return "remaining", "still-present"
    if running_evacuation(text, sentence.start, clause[1]):
        return "remaining", "presence-mid-evacuation"
    if plan_follows(text, clause[0], sentence.end):
        return "planned", "presence-in-evacuation-zone"
    if names_zone(text, clause[0], clause[1]) and plan_follows(text, 0, clause[0]):
        return "planned", "presence-in-zone-named-before"
    if plan_follows(text, previous_sentence_start(text, sentence.start), sentence.start):
        # "X announced the mandatory evacuation of ... . In the villages of the Y community,
        # 86 children currently live": the population of the zone just placed under it.
        return "planned", "presence-after-decision"
    if they_fled_after(text, clause[1], sentence.end):
        return "evacuated", "presence-then-fled"
    return "remaining", "presence"
