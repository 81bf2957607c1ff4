"""Distractor frames: contexts in which a person count is never a fact (guidelines 3.1).

Noun classes that are never facts (km, drones, troops, money...) live in groups.py; here
are the frames around a person noun that disqualify it: casualties, people affected or
without power, pre-war population, capacity, projections, warnings and expected numbers,
intentions, school enrolments, transport, actor or destination subsets and derived counts.
Each frame has a name, which becomes the reason a number was skipped in `--explain`.
"""

from __future__ import annotations

from dataclasses import dataclass

from tracker.extract.caseless import caseless
from tracker.extract.scanning import index_by_first_word, scan_index

__all__ = [
    "PREDICATE_FRAMES",
    "Blocker",
    "actor_subset",
    "find_blockers",
    "money_before",
    "subset_after",
]

# Frames that are predicates of the people counted ("12 people were wounded"): they compete
# with event verbs for a number; the other frames disqualify the number nearest to them.
PREDICATE_FRAMES = frozenset({"casualties", "affected", "destination-subset"})

_FRAMES: tuple[tuple[str, str], ...] = (
    (
        "casualties",
        r"\b(?:killed|killing|died|dead|death\s+toll|deaths|wounded|wounding|injured|injuring|"
        r"missing|hurt|lost\s+their\s+"
        r"lives|perished|drowned|hospitali[sz]ed|taken\s+hostage|captured|eliminated|buried|"
        r"unaccounted\s+for|under\s+(?:the\s+)?rubble|in\s+(?:a\s+|the\s+)?hospitals?)\b",
    ),
    (
        "affected",
        r"\b(?:left\s+homeless|left\s+without|homeless|affected|affectees|stranded|trapped|"
        r"lost\s+(?:power|electricity|heating|water|gas|access)|without\s+(?:power|light|electricity|water|heat\w*|gas|"
        r"shelter|food)|exposed\s+to|at\s+risk|in\s+need\s+of|cut\s+off\s+from)\b",
    ),
    (
        "pre-war-population",
        r"\b(?:before\s+(?:the\s+|russia['\u2019]s\s+)?(?:(?:19|20)\d\d\s+)?"
        r"(?:full[- ]scale\s+|large[- ]scale\s+|russian\s+)?"
        r"(?:war|invasion|offensive|hostilities|active\s+hostilities|occupation|escalation|"
        r"advance)|"
        r"before\s+(?:19|20)\d\d|"
        r"pre-?war|pre-?invasion|once\s+home\s+to|once\s+had|used\s+to\s+(?:live|have|be)|"
        r"previously\s+lived|peacetime|in\s+peacetime|prior\s+to\s+the\s+(?:war|invasion))\b",
    ),
    (
        "capacity",
        r"\b(?:capacity|resources\s+to|(?:able|ready|prepared)\s+to\s+(?:\w+\s+){0,2}"
        r"(?:take|accommodate|receive|host|accept|evacuate)|can\s+(?:\w+\s+)?(?:take|"
        r"accommodate|receive|host|accept|hold)|designed\s+for|built\s+for|room\s+for|places\s+for|"
        r"vacant)\b",
    ),
    (
        "projection",
        r"\b(?:could|might|may\s+(?:have\s+to|need\s+to|be)|would|projected|forecast\w*|"
        r"(?:expect|anticipat)\w*(?=\s+(?:(?:another|a|further|about|around|some|over|up|to|"
        r"more|than|at|least|roughly|nearly)\s+){0,3}\d)|"
        r"warned|predict\w*|threaten\w*|risk\s+of|if\s+(?:necessary|needed|required|"
        r"the\s+situation\s+\w+)|in\s+case\s+of)\b",
    ),
    (
        "intention",
        r"\b(?:do|does|did)\s+not\s+(?:plan|intend|want|wish)\s+to\s+(?:leave|evacuate|go)|"
        r"\bnot\s+planning\s+to\s+(?:leave|evacuate)|\b(?:want|wish|intend)\s+to\s+(?:leave|"
        r"evacuate|return)|\bapplied\s+for\b",
    ),
    (
        "school-enrolment",
        # (a lyceum's dormitory shelters people: the word alone tells no enrolment)
        r"\b(?:stud(?:y|ied|ies|ying)|enrol\w*|pupils|classes|school\s+had)\b",
    ),
    (
        "destination-subset",
        r"\b(?:fled|moved|went|relocated|displaced|evacuated)\s+to\s+\d[\d,]*\s+(?:\w+\s+)?"
        r"(?:sites|locations|camps|shelters|settlements|places|areas|centres|centers|countries|"
        r"regions|districts|municipalities)\b",
    ),
    (
        "rubble-rescue",
        r"\b(?:out\s+of|from(?:\s+under)?)\s+(?:the\s+)?(?:(?:collapsed|destroyed|fallen)\s+"
        r"(?:\w+\s+)?(?:buildings?|houses?|homes?|blocks?)|rubble|debris|ruins|wreckage)\b",
    ),
    # "60,000 IDP families are waiting in the queue for housing": a request, not housing.
    (
        "housing-request",
        r"\b(?:wait(?:ing|s)?|queu\w*|(?:on|in)\s+(?:the\s+|a\s+)?(?:queue|waiting\s+list))\s+"
        r"(?:[\w-]+\s+){0,3}?for\s+(?:\w+\s+)?(?:housing|accommodation|shelter|homes?)\b",
    ),
    # "Nysa, a town of 44,000", "a city of about 600,000 people": a place's population.
    (
        "population-of-a-place",
        r"\b(?:town|city|village|community|settlement|municipality|country|nation)\s+of\s+"
        r"(?=(?:about|around|some|roughly|nearly|almost|over|more\s+than|just\s+over)?\s*\d)",
    ),
    # "1,200 people per hectare": a density, not a count of people.
    (
        "density",
        r"\bper\s+(?:hectare|square\s+(?:kilo)?met(?:re|er)|sq\.?\s*km|km2|km\u00b2|acre|"
        r"household|tent|room|toilet|latrine)s?\b",
    ),
    ("return", r"\b(?:returned|return\w*\s+home|came\s+back|have\s+returned)\b"),
    ("staff", r"\b(?:who\s+(?:phone|call|work|help|volunteer)\w*|on\s+duty|employed)\b"),
)
# The words each frame can start with (four letters count): see scanning.py.
_FIRST_WORDS = {
    "casualties": "killed killing died dead death deaths wounded wounding injured injuring "
    "missing hurt lost perished drowned hospitalized hospitalised taken captured eliminated "
    "buried unaccounted under in",
    "affected": "left homeless affected affectees stranded trapped lost without exposed at in cut",
    "rubble-rescue": "out from",
    "pre-war-population": "before pre prewar preinvasion once used previously peacetime in prior",
    "capacity": "capacity resources able ready prepared can designed built room places vacant",
    "projection": "could might may would projected forecast forecasts expect expects "
    "expected expecting anticipate anticipates anticipated anticipating warned predict "
    "predicted predicting threaten threatened threatening risk if in",
    "intention": "do does did not want wants wish intend intends applied",
    "school-enrolment": "study studied studies studying enrolled enrolment enrollment "
    "pupils classes school",
    "destination-subset": "fled moved went relocated displaced evacuated",
    "return": "returned return returning returns came have",
    "housing-request": "wait waiting waits queue queued queuing queueing on in",
    "density": "per",
    "population-of-a-place": "town city village community settlement municipality country nation",
    "staff": "who on employed",
}
_FRAMES_BY_WORD = index_by_first_word(
    [(_FIRST_WORDS[name], pattern) for name, pattern in _FRAMES], "f"
)
_MONEY_BEFORE_RE = caseless(r"(?:\b(?:uah|usd|eur|gbp|rub|us\$|hryvnias?)|[$€£₴])\s*$")
_TRANSPORT = (
    r"(?:train|trains|bus|buses|car|cars|boat|boats|helicopter|helicopters|plane|planes|air|"
    r"rail|road|sea|foot|ambulance|ambulances|ferry|ferries|vehicle|vehicles|evacuation\s+train)"
)
_SUBSET_RE = caseless(
    r"^\s*(?:of\s+(?:them|those|whom|these)|among\s+them)\s+(?:were\s+|was\s+|have\s+been\s+|"
    r"had\s+been\s+)?(?:\w+ed\s+|taken\s+|brought\s+)?(?:out\s+)?"
    r"(?:(?:by|on|in|via|aboard)\s+(?:\w+\s+)?" + _TRANSPORT + r"|"
    r"(?:by|through|with\s+the\s+help\s+of|thanks\s+to)\s+(?:the\s+)?(?:volunteers|police|"
    r"rescuers|military|army|soldiers|ngos?|red\s+cross|\w+\s+organi[sz]ations?))\b|"
    # "46 out of 47", not "4 500 residents of 32 settlements" (where they live)
    r"^\s*out\s+of\s+(?:the\s+)?\d|^\s*of\s+(?:the\s+)?\d(?![\d\s,.]*(?:[\w-]+\s+)?(?:settlements|villages|"
    r"communities|hromadas|towns|cities|districts|regions|oblasts|provinces|municipalities|"
    r"raions|areas|localities|neighbourhoods|neighborhoods)\b)|"
    # "5 000 of them have reached Tawila": a destination subset of a flow counted before.
    r"^\s*(?:of\s+(?:them|those|whom|these)|among\s+them)\s+(?:have\s+|has\s+|had\s+)?"
    r"(?:already\s+|now\s+|so\s+far\s+)?(?:reached|arrived\s+(?:in|at)|made\s+it\s+to)\b"
)
_ACTOR_ALONE_RE = caseless(
    r"\b(?:volunteers|police|rescuers|the\s+military|soldiers|the\s+army)\s+alone\b"
)


@dataclass(frozen=True, slots=True)
class Blocker:
    """A distractor frame found in a text: its span and name."""

    start: int
    end: int
    name: str


def find_blockers(text: str, start: int, end: int) -> list[Blocker]:
    """Return the distractor frames in text[start:end]."""
    found = [
        Blocker(m.start(), m.end(), _FRAMES[int(m.lastgroup[1:])][0] if m.lastgroup else "")
        for m in scan_index(_FRAMES_BY_WORD, text, start, end)
    ]
    found.extend(
        Blocker(m.start(), m.end(), "actor-subset")
        for m in _ACTOR_ALONE_RE.finditer(text, start, end)
    )
    return found


def money_before(text: str, number_start: int) -> bool:
    """Return True when a currency sign or code directly precedes the number."""
    return _MONEY_BEFORE_RE.search(text[max(0, number_start - 12) : number_start]) is not None


# ACTOR-SUBSET: the share of an earlier total that one actor or vehicle moved.
_OF_THEM_AFTER_RE = caseless(r"\s*of\s+(?:them|those|these)\b")
_ALONE_RE = caseless(r"\balone\b")
_OF_THOSE_LEAD_RE = caseless(r"\b(?:of|among)\s+(?:them|those|these)\s*,?\s*$")
_BY_ACTOR_RE = caseless(
    r"\bby\s+(?:[\w-]+\s+){0,3}?(?:" + _TRANSPORT + r"|volunteers|police|rescuers|military|"
    r"army|soldiers|coast\s*guards?|crews?|officers)\b"
)
_ACTOR_REACH = 80


def actor_subset(text: str, sentence_start: int, number_start: int, noun_end: int) -> bool:
    """Return True for the share of an earlier total moved by one actor or vehicle: "Police
    officers alone have taken out 4,000 of them", "Of those, 2,000 were picked up by boats"
    (a part by place, "Of them, 1,450 came from Lyptsi", is no such subset)."""
    if _OF_THEM_AFTER_RE.match(text, noun_end):
        return _ALONE_RE.search(text, sentence_start, number_start) is not None
    return bool(
        _OF_THOSE_LEAD_RE.search(text[max(sentence_start, number_start - 24) : number_start])
        and _BY_ACTOR_RE.search(text, noun_end, noun_end + _ACTOR_REACH)
    )


def subset_after(text: str, noun_end: int) -> bool:
    """Return True for a transport/actor subset ("135 of them by train"), "N out of M", or a
    destination subset ("5 000 of them have reached Tawila")."""
    return _SUBSET_RE.match(text[noun_end : noun_end + 80]) is not None
