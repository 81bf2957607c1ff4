"""What each Ukrainian number counts and which event it reports: one `UkReading` each.

Per sentence, in order: a number followed by a group noun is a count of that group; a
noun that counts anything else rules it out; a number with no noun (an ellipsis: "а
станом на ранок вивезли 43", "в Ізюмському — 25", "Краснопільська громада – 1298") counts
the group named last before it in its sentence, else the group of the previous sentence's
head figure. A number after a breakdown connector ("з них", "у тому числі", "серед яких",
"зокрема", "у яких", "тобто") is a part of the head figure before it and shares its event.
A count that refers back ("усі 18 людей") is no new figure.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from tracker.extract.uk.events import Cue, find_cues
from tracker.extract.uk.framing import choose_cue, is_pre_war, metric_of
from tracker.extract.uk.groups import counts_other_before, group_after, is_distractor, is_subgroup
from tracker.extract.uk.hedges import hedge_before
from tracker.extract.uk.numbers import UkNumber, find_numbers
from tracker.model import Group, Qualifier

__all__ = ["UkReading", "read_sentence"]

_CONNECTOR_RE = re.compile(
    r"(?<![\w])(?:з\s+них|із\s+них|з\s+яких|серед\s+них|серед\s+яких|у\s+тому\s+числі"
    r"|в\s+тому\s+числі|[ув]\s+т\.\s?ч\.|зокрема|у\s+яких|в\s+яких|тобто|з\s+них\s+–)"
    r"[\s,:\u2014\u2013-]*"
    # a hedge may stand between: "з них майже 80 тисяч дітей"
    r"(?:(?:майже|понад|близько|приблизно|щонайменше|більше|менше|до|ще)\s+)?$",
    re.IGNORECASE,
)
_OF_WHICH_AFTER_RE = re.compile(r"\s+(?:з|із)\s+(?:яких|них)(?=\s)", re.IGNORECASE)
# "дітей — 260": what stands between a group noun and its count after a dash.
_DASH_GAP_RE = re.compile(
    r"\s*[\u2013\u2014-]\s*(?:(?:понад|близько|майже|щонайменше|приблизно)\s+)?",
    re.IGNORECASE,
)
# "віком 2, 5 та 9 років": ages, never counts.
_AGE_BEFORE_RE = re.compile(
    r"(?<![\w])(?:віком|у\s+віці|віку)\s+(?:(?:від\s+)?\d+\s*(?:,|та|і|й|до|[-\u2013])\s*)*$",
    re.IGNORECASE,
)
# A part after a dash that is no group of people: by transport ("— евакуаційними
# потягами", "— власним транспортом") or a subgroup the schema cannot hold ("— маломобільні").
_DASH_SUBSET_RE = re.compile(
    r"\s*[\u2013\u2014-]\s*(?:[а-яіїєґ'\u2019-]+(?:ими|им)\s+)?(?:потяг\w*|поїзд\w*|автобус\w*"
    r"|транспорт\w*|залізниц\w*|маломобільн\w*|лежач\w*)",
    re.IGNORECASE,
)
_REFERS_BACK_RE = re.compile(r"(?<![\w])(?:усі|всі|усіх|всіх|ці|цих)\s+$", re.IGNORECASE)
_PRE_WAR_BEFORE_RE = re.compile(r"(?<![\w])(?:колишніх|довоєнних)\s+$", re.IGNORECASE)
_GROUP_WORD_RE = re.compile(
    r"(?<![\w])(?:(?P<children>діт(?:ей|и)|дитин\w*)|(?P<families>родин\w*|сімей|сім.[їя])"
    r"|(?P<people>люд(?:ей|и)|осіб|особи|мешканц\w+|жител\w+|населення|евакуйованих))(?![\w])",
    re.IGNORECASE,
)
_CLAUSE_RE = re.compile(
    r";|:\s|,\s+(?:а|але|проте|тоді\s+як|хоча|натомість|однак|тож|і|й)\s"
    r"|\s(?:а|але|проте)\s(?=на\s|у\s|в\s|з\s|із\s|тепер|зараз|нині)",
    re.IGNORECASE,
)
_MAX_CUE_REACH = 140
_ELIDED_AFTER_RE = re.compile(
    r"\s*(?:$|[^\w\s]|(?:з|із|у|в|на|до|та|і|й|а|але|проте|досі|ще|вже|уже|нині|зараз|тепер)\s)",
    re.IGNORECASE,
)
_LIST_DASH_RE = re.compile(r"[\u2013\u2014-]\s*(?:\w+\s+)?$")
# "до 45 тис. населення": a count of the population is a stock where no verb says otherwise.
_POPULATION = Cue(0, 0, "presence", "uk-population-noun")


@dataclass(frozen=True, slots=True)
class UkReading:
    """One number read as a count: group, event (metric), hedge and the rules that read it."""

    number: UkNumber
    group: Group
    metric: str
    qualifier: Qualifier | None
    start: int
    end: int
    clause: tuple[int, int]
    rule: str
    adult: bool
    head: UkReading | None
    noun_end: int = 0  # where the counted noun ends (the number's end when there is none)


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return the (start, end) of the clauses of the sentence text[start:end]."""
    cuts = [start, *(m.start() for m in _CLAUSE_RE.finditer(text, start, end)), end]
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


def read_sentence(
    text: str,
    span: tuple[int, int],
    scope: str | None,
    carried: UkReading | None,
    heading: str | None = None,
) -> list[UkReading]:
    """Return the counts that the sentence text[span] reports, in order; `scope` is the
    passage's evacuation decision (framing.decision_scope), `carried` the previous
    sentence's last head figure, `heading` the event of a list's heading line above."""
    start, end = span
    numbers = find_numbers(text, start, end)
    if not numbers:
        return []
    cues = find_cues(text, start, end)
    parts = clauses(text, start, end)
    found: list[UkReading] = []
    head: UkReading | None = None
    for number in numbers:
        clause = next(((a, b) for a, b in parts if a <= number.start < b), span)
        reading = _read(text, number, span, clause, cues, scope, (head, carried), heading)
        if reading is None:
            continue
        found.append(reading)
        if reading.head is None:
            head = reading
    return found


def _read(
    text: str,
    number: UkNumber,
    span: tuple[int, int],
    clause: tuple[int, int],
    cues: list[Cue],
    scope: str | None,
    heads: tuple[UkReading | None, UkReading | None],
    heading: str | None,
) -> UkReading | None:
    start, end = span
    own_head, carried = heads
    head = own_head or carried
    if _REFERS_BACK_RE.search(text, max(start, number.start - 6), number.start):
        return None
    if _AGE_BEFORE_RE.search(text, max(start, number.start - 30), number.start):
        return None  # "з трьома дітьми віком 2, 5 та 9 років": ages
    if _PRE_WAR_BEFORE_RE.search(text, max(start, number.start - 12), number.start):
        return None
    noun = group_after(text, number.end, end)
    of_which = _OF_WHICH_AFTER_RE.match(text, number.end, end)
    if noun is None and of_which is not None:
        noun = group_after(text, of_which.end(), end)  # "178 з яких діти"
    connector = _CONNECTOR_RE.search(text, max(start, number.start - 36), number.start)
    is_part = (connector is not None or of_which is not None) and head is not None
    group, rule, adult, noun_end = None, "", False, number.end
    if noun is not None:
        if is_subgroup(text, noun.end, number.end, end, text[: end + 400]):
            return None
        group, rule, adult, noun_end = noun.group, noun.rule, noun.adult, noun.end
    elif _DASH_SUBSET_RE.match(text, number.end, end):
        return None  # "з них 61 тис. — евакуаційними потягами", "ще 110 — маломобільні"
    elif (
        is_distractor(text, number.end, end)
        or not (_may_elide(text, number, end) or _cue_follows(cues, number))
        or counts_other_before(text, clause[0], number.start)
    ):
        return None
    else:
        # "в Ізюмському — 25", "а станом на ранок вивезли 43": the group of the figure
        # before in the sentence, else the last group named, else the previous sentence's.
        last = _last_group_word(text, start, number.start)
        named = Group(last.lastgroup) if last is not None and last.lastgroup else None
        group = own_head.group if own_head else named or (carried.group if carried else None)
        if last is not None and _DASH_GAP_RE.fullmatch(text, last.end(), number.start):
            group = named  # "4 тисячі людей, дітей — 260": the noun right before the dash
        rule = "uk-ellipsis"
    if group is None:
        return None
    if is_part and head is not None:
        # "(до війни — понад 20 тис.), з них щонайменше 200 дітей": only what follows the
        # connector can make the part pre-war.
        part_start = connector.start() if connector is not None else clause[0]
        if is_pre_war(text, max(clause[0], part_start), number.start):
            return None
        return _reading(
            text,
            number,
            group,
            head.metric,
            clause,
            span,
            None,
            f"{rule}+uk-breakdown",
            adult,
            head,
        )
    if is_pre_war(text, clause[0], number.start):
        return None
    cue = choose_cue(text, cues, clause, span, number.start, (number.end, noun_end))
    if rule == "uk-ellipsis" and cue is not None and not clause[0] <= cue.start < clause[1]:
        # A bare number takes a cue of another clause only as a list item ("громада – 1298").
        cue = (
            cue if _LIST_DASH_RE.search(text, max(start, number.start - 16), number.start) else None
        )
        if cue is None and head is None:
            return None
    if cue is None and noun is not None and noun.rule == "uk-noun-population":
        metric, cue_rule = metric_of(_POPULATION, group, scope), "uk-population-noun"
    elif cue is not None:
        displaced = noun is not None and noun.rule == "uk-noun-displaced"
        metric, cue_rule = metric_of(cue, group, scope, displaced), cue.rule
    elif head is not None and (rule == "uk-ellipsis" or _is_list_item(text, start, number)):
        metric, cue_rule = head.metric, "uk-carried-event"  # a list line of the figure above
    elif heading is not None and _is_list_item(text, start, number):
        metric, cue_rule = heading, "uk-heading-event"  # "Евакуація за добу:" over a list
    else:
        return None
    if metric is None:
        return None
    return _reading(
        text, number, group, metric, clause, span, cue, f"{rule}+{cue_rule}", adult, None
    )


def _cue_follows(cues: list[Cue], number: UkNumber) -> bool:
    """Return True when an event verb follows the bare number: "ще 14 оселилися"."""
    return any(0 < c.start - number.end <= 2 and c.rule != "uk-housed-register" for c in cues)


def _is_list_item(text: str, start: int, number: UkNumber) -> bool:
    """Return True for a number after a dash: a line of a list ("громада — 2 700")."""
    return _LIST_DASH_RE.search(text, max(start, number.start - 40), number.start) is not None


def _may_elide(text: str, number: UkNumber, end: int) -> bool:
    """Return True when digits stand alone, their noun elided: the number ends its clause
    or a dash or a preposition follows ("вивезли 43.", "1633, з них", "18 — гуртожиток")."""
    digits = number.rule.startswith(("uk-digits", "uk-scale", "uk-thousand"))
    return digits and _ELIDED_AFTER_RE.match(text, number.end, end) is not None


def _last_group_word(text: str, start: int, position: int) -> re.Match[str] | None:
    """Return the group noun named last before `position` in its sentence, or None."""
    last = None
    for match in _GROUP_WORD_RE.finditer(text, start, position):
        last = match
    return last


def _reading(
    text: str,
    number: UkNumber,
    group: Group,
    metric: str,
    clause: tuple[int, int],
    span: tuple[int, int],
    cue: Cue | None,
    rule: str,
    adult: bool,
    head: UkReading | None,
) -> UkReading:
    hedge = hedge_before(text, number.start, span[0])
    qualifier = hedge[0] if hedge else None
    first = hedge[2] if hedge else number.start
    noun = group_after(text, number.end, span[1])
    last = noun.end if noun else number.end
    if head is not None:
        connector = _CONNECTOR_RE.search(text, max(span[0], number.start - 36), number.start)
        first = min(first, connector.start()) if connector else first
    if cue is not None and cue.end <= first and first - cue.start <= _MAX_CUE_REACH:
        first = cue.start
    elif cue is not None and cue.start >= last and cue.end - last <= _MAX_CUE_REACH:
        last = cue.end
    if hedge:
        rule = f"{rule}+{hedge[1]}"
    return UkReading(
        number,
        group,
        metric,
        qualifier,
        max(first, span[0]),
        min(last, span[1]),
        clause,
        f"{number.rule}+{rule}",
        adult,
        head,
        noun.end if noun else number.end,
    )
