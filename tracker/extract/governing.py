"""Which event cue governs a number: the verb right before its object, else the predicate
after its noun, else a cue before it in the clause (framing.py, rule 3).

A participle right after the noun ("people displaced from their homes") gives way to a
finite verb later in the clause, "people living in X" to an order or a modal ("must now
leave"); an infinitive after the noun ("urged 50,000 residents to evacuate") gives way to
the order verb before it; a shelter right after a verb that took the preposition gives
housed.
"""

from __future__ import annotations

import re

from tracker.extract.caseless import caseless
from tracker.extract.events import Cue, shelter_after
from tracker.extract.readings import Reading

__all__ = ["governing_cue", "holder_is_a_place", "nearest_in_sentence", "shelter_taken_in"]

_PREDICATE_REACH = 90  # chars after the noun in which the predicate verb is looked for
_SUBJECT_REACH = 120  # chars before the number in which a governing verb is looked for
_HEADLINE_REACH = 40
_POSSESSIVE_VERB_RE = caseless(r"(?:has|have|had)\b")
# A name (a capitalised word other than a function word) or a place noun.
_PLACE_SUBJECT_RE = re.compile(
    r"\b(?!(?:The|A|An|This|That|These|Those|Its|Their|Our|His|Her|In|On|At|By|For|"
    r"According|Currently|Now|Still|Only|But|And|As|So)\b)[A-Z][a-z'\u2019-]+|"
    r"\b(?:city|town|village|community|region|district|oblast|settlement|hromada|area|"
    r"province|state|territory|country|island|camp|it)\b"
)
_OF_THE_RE = caseless(r"\bof\s+(?:the|these|those)\s+$")
_PARTITIVE_RE = caseless(r",\s*(?:[\w,.]+\s+)?(?:of|among)\s+(?:whom|which|them|these)\b")
_OBJECT_GOVERNORS = frozenset({"evacuated", "planned", "housed"})
_OBJECT_FILLERS = frozenset({"a", "another", "further", "additional", "total", "of", "the", "some"})
_OBJECT_FILLER_REACH = 3
_LEAVE_RE = caseless(r"(?:leav(?:e|es|ing)|left)\b")
_ENDS_IN_PREPOSITION_RE = caseless(r"\b(?:in|at)$")
_MODAL_RE = caseless(r"(?:must|will|shall|should|need|needs)\b")
_FINITE_START_RE = caseless(r"(?:are|is|were|was|have|has|had)\b")
# "All 121 children still in the town must be evacuated": a reduced relative, like a
# participle, gives way to the finite verb after it.
_STILL_IN_RE = caseless(r"still\s+(?:in|at|there|living)\b")
_AUXILIARY = ("have", "has", "had", "were", "was", "are", "is", "been", "be")


def governing_cue(text: str, reading: Reading, cues: list[Cue]) -> Cue | None:
    """Return the cue of the reading's clause (`cues`) that says what happened to the
    people it counts, or None when no cue governs it."""
    after = [
        c
        for c in cues
        if c.start >= reading.noun_end and c.start - reading.noun_end <= _PREDICATE_REACH
    ]
    before = [
        c
        for c in cues
        if c.end <= reading.number.start and reading.number.start - c.end <= _SUBJECT_REACH
    ]
    partitive = _PARTITIVE_RE.search(text, reading.noun_end, reading.noun_end + _PREDICATE_REACH)
    if partitive is not None:
        # "The hospital had 200 patients, 35 of whom were moved": the verb is the 35's;
        # a parenthetical ", among them four children, were evacuated" closes with a comma.
        close = text.find(",", partitive.end())
        after = [
            c for c in after if c.start < partitive.start() or (close != -1 and c.start > close)
        ]
    if _OF_THE_RE.search(text, max(0, reading.start - 12), reading.start):
        comma = text.find(",", reading.noun_end)
        # "Of the 161 children we planned to take out, about 70 have left": the predicate
        # after the comma belongs to the 70.
        if comma != -1:
            after = [c for c in after if c.start < comma]
        # "Of the 5,000 people who lived in the village, ...": living there describes the
        # reference set; it reports no presence of its own.
        after = [c for c in after if c.kind != "presence"]
        if not after and not before:
            return Cue(reading.number.start, reading.number.start, "blocked", "reference-total")
    around = next(
        (
            c
            for c in cues
            if c.kind == "planned" and c.start < reading.start and c.end > reading.noun_end
        ),
        None,
    )
    if around is not None:
        return around  # "the evacuation of another 30,000 from X is planned": the frame
    governor = before[-1] if before else None
    if (
        governor is not None
        and governor.kind == "blocked"
        and _governs_object(text, governor, reading)
    ):
        return governor  # "where a dam breach killed at least 52 people": the verb's object
    if (
        governor is not None
        and governor.kind in _OBJECT_GOVERNORS
        and governor.name != "evacuation-of"  # a noun: "the evacuation of N ... was ordered"
        and _governs_object(text, governor, reading)
    ):
        if _left_in_a_state(text, governor, reading, after):
            return after[0]  # "leaving some 1.8 million people affected": no departure
        return governor  # "police evacuated 19 residents ... who had lived": the object's verb
    if (
        after
        and governor is not None
        and governor.kind == "planned"
        and _infinitive(text, after[0])
    ):
        return governor  # "urged 50,000 residents to evacuate": the verb before governs
    if after:
        first = after[0]
        if (
            first.start - reading.noun_end <= 2
            and (_participle(text, first) or _STILL_IN_RE.match(text, first.start) is not None)
            and len(after) > 1
            and not _after_auxiliary(text, first)
        ):
            finite = [
                c
                for c in after[1:]
                if _after_auxiliary(text, c) or _is_modal(text, c) or _is_finite(text, c)
            ]
            if finite:
                return finite[0]
        return first
    if before:
        return before[-1]
    return None


def _governs_object(text: str, cue: Cue, reading: Reading) -> bool:
    """Return True when the reading is the direct object of `cue` ("evacuated 19
    residents", "took out a further 40 people"): only fillers stand between them."""
    between = text[cue.end : reading.start].lower().split()
    return len(between) <= _OBJECT_FILLER_REACH and all(w in _OBJECT_FILLERS for w in between)


def _left_in_a_state(text: str, governor: Cue, reading: Reading, after: list[Cue]) -> bool:
    """LEFT-IN-A-STATE: True for "left/leaving N people affected (homeless, stranded,
    without power)": the verb leaves its object in a state a distractor frame names."""
    return (
        bool(after)
        and after[0].kind == "blocked"
        and after[0].start - reading.noun_end <= 2
        and _LEAVE_RE.match(text, governor.start) is not None
    )


def nearest_in_sentence(reading: Reading, cues: list[Cue]) -> Cue | None:
    """Return an event cue of the sentence next to the clause ("Evacuated: 1,234 people")."""
    close = [
        c
        for c in cues
        if c.kind not in ("blocked", "negated")
        and min(abs(reading.number.start - c.end), abs(c.start - reading.noun_end))
        <= _HEADLINE_REACH
    ]
    return min(close, key=lambda c: abs(reading.number.start - c.end), default=None)


def holder_is_a_place(text: str, clause: tuple[int, int], cue: Cue) -> bool:
    """Return True unless the cue is "X has N people" and X is no place (a name or a place
    noun): "the hospital had 200 patients" counts no residents."""
    if not _POSSESSIVE_VERB_RE.match(text, cue.start):
        return True
    subject = text[max(clause[0], cue.start - 60) : cue.start]
    return _PLACE_SUBJECT_RE.search(subject) is not None


def shelter_taken_in(text: str, cue: Cue) -> int | None:
    """Return where the shelter-type place right after a cue that took the preposition
    ("are still in", "are now in") ends, or None."""
    if not _ENDS_IN_PREPOSITION_RE.search(text, cue.start, cue.end):
        return None
    return shelter_after(text, cue.end)


def _infinitive(text: str, cue: Cue) -> bool:
    return text[max(0, cue.start - 4) : cue.start].lower().endswith("to ")


def _participle(text: str, cue: Cue) -> bool:
    """True for a one-word participle cue ("displaced", "living"), not "are to be moved"."""
    word = text[cue.start : cue.end].lower()
    return " " not in word and word.endswith(
        ("ed", "en", "ing") if cue.kind == "presence" else ("ed", "en")
    )


def _is_finite(text: str, cue: Cue) -> bool:
    """True for a cue that opens with a finite auxiliary ("are to be taken out")."""
    return _FINITE_START_RE.match(text, cue.start) is not None


def _is_modal(text: str, cue: Cue) -> bool:
    """True for a cue that opens with a modal ("must now leave", "will have to leave"): a
    finite verb of its own."""
    return _MODAL_RE.match(text, cue.start) is not None


def _after_auxiliary(text: str, cue: Cue) -> bool:
    words = text[max(0, cue.start - 24) : cue.start].lower().split()
    return any(word in _AUXILIARY for word in words[-2:])
