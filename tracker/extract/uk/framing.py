"""Which event a Ukrainian number reports: the cue of its clause, framed by the passage.

A number takes the cue of its own clause (the nearest; a neutral presence verb only when
nothing else is there), else the nearest cue of its sentence. A neutral presence verb
(проживає, мешкають, перебуває) reports to_evacuate when the passage puts the place under
an evacuation decision that covers the counted group ("оголосили обов'язкову евакуацію",
"готує обов'язкову евакуацію з села"), and remaining otherwise: when the evacuation is
only possible ("можуть оголосити"), or the decision covers children and the count is of
all people (guidelines 3.2). A clause about the time before the war (до війни, колишніх,
станом на початок 2022 року) states a pre-war population, never a fact.
"""

from __future__ import annotations

import re

from tracker.extract.uk.events import Cue, find_cues
from tracker.model import Group, Metric

__all__ = ["choose_cue", "decision_scope", "heading_event", "is_pre_war", "metric_of"]

_DECIDE = r"(?:оголос\w+|оголош\w+|запровад\w+|ухвал\w+|вирішил\w+|готу(?:є|ють)|погодил\w+)"
_CHILDREN = r"(?:діт\w*|сім\w*\s+з\s+дітьми|родин\w*\s+з\s+дітьми)"
# A decision, not a running evacuation ("триває евакуація": what is left there remains).
_DECISION_RE = re.compile(
    rf"(?<![\w])(?P<modal>можуть\s+|може\s+|можливо\s+)?(?:{_DECIDE}|рішення)\s+(?:\w+\s+){{0,3}}?"
    r"(?:примусов\w+\s+|обов.язков\w+\s+|загальн\w+\s+)?евакуаці\w+"
    rf"(?P<scope>\s+(?:\w+\s+){{0,2}}?{_CHILDREN})?"
    # the other order: "обов'язкову евакуацію (дітей) оголосили"
    rf"|(?<![\w])евакуаці\w+(?P<scope2>\s+(?:\w+\s+){{0,2}}?{_CHILDREN})?\s+"
    rf"(?:\w+\s+){{0,2}}?(?P<modal2>можуть\s+|може\s+)?{_DECIDE}"
    # "примусово евакуюють дітей", "примусова евакуація родин з дітьми": forced, so decided
    rf"|(?<![\w])(?:примусов\w+|обов.язков\w+)\s+(?:евакуаці\w+|евакую\w+|евакуюват\w+"
    rf"|евакуйовуват\w+|вивоз\w+|вивез\w+)(?P<scope3>\s+(?:\w+\s+){{0,2}}?{_CHILDREN})?",
    re.IGNORECASE,
)
_PRE_WAR_RE = re.compile(
    r"до\s+війни|до\s+повномасштабн\w+|до\s+вторгнення|до\s+20(?:14|22)(?:\s+року|-го)"
    r"|довоєнн\w+"
    r"|станом\s+на\s+(?:\d{1,2}\s+\w+"
    r"|початок)\s+2022|за\s+даними\s+держстату",
    re.IGNORECASE,
)

_HEADING_END_RE = re.compile(r":\s*$")
_EVACUATION_NOUN_RE = re.compile(r"(?<![\w])евакуаці\w+", re.IGNORECASE)
_NEGATION_RE = re.compile(r"(?<![\w])не\s", re.IGNORECASE)
_RUNNING_AFTER_RE = re.compile(r"(?:\s+[\w'\u2019-]+){0,4}?\s+(?:трива\w*|продовжу\w*)", re.I)
_NEGATED_AFTER_RE = re.compile(r"(?:\s+\w+){0,2}?\s+не\s", re.IGNORECASE)
_RELATIVE_RE = re.compile(r"(?:у|в)\s+яких\s+$|(?<![\w])де\s+$", re.IGNORECASE)


def decision_scope(text: str) -> str | None:
    """Return "children" or "all" for the evacuation decision the passage reports, None when
    it reports none (or only a possible one)."""
    for match in _DECISION_RE.finditer(text):
        if match.group("modal") or match.group("modal2"):
            continue
        # "евакуації не оголошено", "не запровадили евакуацію": no decision
        if (
            _NEGATION_RE.search(match.group(0))
            or _NEGATION_RE.search(text, max(0, match.start() - 4), match.start() + 1)
            # "обов'язкової евакуації (тут) не оголошено"
            or _NEGATED_AFTER_RE.match(text, match.end())
            # "обов'язкова евакуація з п'ятикілометрової зони триває": already running
            or _RUNNING_AFTER_RE.match(text, match.end())
        ):
            continue
        scoped = match.group("scope") or match.group("scope2") or match.group("scope3")
        return "children" if scoped else "all"
    return None


def is_pre_war(text: str, start: int, end: int) -> bool:
    """Return True when text[start:end] (a clause up to its number) speaks of the
    population before the war."""
    return _PRE_WAR_RE.search(text, start, end) is not None


def heading_event(text: str, start: int, end: int) -> str | None:
    """Return the event a line without numbers announces for the list under it
    ("Евакуація за минулу добу:", "Залишаються в громадах:"), None for any other line."""
    if not _HEADING_END_RE.search(text, start, end):
        return None
    cues = [c for c in find_cues(text, start, end) if c.metric not in ("", "presence")]
    if cues:
        return cues[0].metric
    return Metric.EVACUATED.value if _EVACUATION_NOUN_RE.search(text, start, end) else None


def choose_cue(
    text: str,
    cues: list[Cue],
    clause: tuple[int, int],
    sentence: tuple[int, int],
    position: int,
    own: tuple[int, int] = (0, 0),
) -> Cue | None:
    """Return the cue that governs a number at `position`: its clause's, else its
    sentence's nearest; a presence verb yields to any other cue of the clause. A cue
    inside the number's own noun phrase (`own`: "розмістили 600 евакуйованих") is its
    noun, which tells the event only when its clause has no verb ("вже 76 евакуйованих")."""
    verbs = [c for c in cues if not own[0] <= c.start < own[1]]
    for start, end in (clause, sentence):
        here = [c for c in verbs if start <= c.start < end]
        if not here and (start, end) == clause:
            here = [c for c in cues if start <= c.start < end]
        if not here:
            continue
        strong = [c for c in here if c.metric != "presence"] or here
        chosen = min(strong, key=lambda c: _distance(c, position))
        if chosen.metric == "presence" and _RELATIVE_RE.search(
            text, max(0, chosen.start - 10), chosen.start
        ):
            # "автобуси, у яких перебуває 2 тисяч осіб, вирушили": the relative clause
            # describes the vehicle; the sentence's own verb reports the event.
            main = [
                c
                for c in cues
                if sentence[0] <= c.start < sentence[1] and c.metric not in ("presence", "")
            ]
            if main:
                return min(main, key=lambda c: _distance(c, position))
        return chosen
    return None


def metric_of(cue: Cue, group: Group, scope: str | None, displaced: bool = False) -> str | None:
    """Return the metric a cue gives a count of `group` under the passage's decision
    `scope`; None for a pre-war population. Displaced people (ВПО, переселенці) who live
    somewhere are housed there."""
    if not cue.metric:
        return None
    if displaced and cue.metric in ("presence", "remaining"):
        return Metric.HOUSED.value
    if cue.metric != "presence":
        return cue.metric
    if scope == "all" or (scope == "children" and group != Group.PEOPLE):
        return Metric.TO_EVACUATE.value
    return Metric.REMAINING.value


def _distance(cue: Cue, position: int) -> int:
    return position - cue.end if cue.end <= position else cue.start - position
