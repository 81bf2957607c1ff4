"""Time frames: `since`, `as_of` and `period`, resolved against the publication date.

Guidelines 3.9: `since` is set only when the text ties a figure to a start point whose
year can be resolved ("since May 10" in a 2024 article -> 2024-05-10; "during the
full-scale war" -> 2022-02-24); month-only starts ("Since May") stay null.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from tracker.extract.caseless import caseless

__all__ = ["TimeFrame", "read_time_frame"]

FULL_SCALE_WAR = date(2022, 2, 24)
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY_MONTH = (
    rf"(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}|"
    rf"{_MONTH.replace('month', 'month2')}\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?)"
)
# "Since May 10, 2036 people ...": a year-like number before a person noun is the count.
_YEAR = (
    r"(?:,?\s+(?P<year>(?:19|20)\d\d)(?!\s+(?:[a-z-]+\s+)?(?:people|persons|residents|"
    r"inhabitants|civilians|children|minors|families|evacuees|idps|villagers|citizens)\b))?"
)
_START_WORDS = (
    r"(?:since|starting\s+(?:from|on)|from|began\s+on|begun\s+on|started\s+on|beginning\s+on|"
    r"since\s+the\s+morning\s+of|since\s+[^,.;]{1,60}?\s+on)"
)
_SINCE_DATE_RE = caseless(rf"\b(?P<word>{_START_WORDS})\s+(?:the\s+)?{_DAY_MONTH}{_YEAR}\b")
_SINCE_BEGINNING_RE = caseless(
    rf"\b(?:since|from)\s+(?:the\s+)?(?:beginning|start)\s+(?:of\s+)?(?:the\s+)?"
    rf"(?:(?P<thisyear>this\s+year|the\s+year)|{_MONTH}{_YEAR})"
)
# "since Friday": the last such weekday before the publication date.
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_SINCE_WEEKDAY_RE = caseless(r"\bsince\s+(?:last\s+)?(?P<weekday>" + "|".join(_WEEKDAYS) + r")\b")
_AS_OF_RE = caseless(rf"\bas\s+of\s+(?:the\s+)?{_DAY_MONTH}{_YEAR}\b")
_BETWEEN_RE = caseless(rf"\bbetween\s+(?P<day>\d{{1,2}})\s+and\s+\d{{1,2}}\s+{_MONTH}{_YEAR}")
_WAR_RE = caseless(
    r"\b(?:since\s+the\s+(?:start|beginning|outbreak)\s+of\s+(?:the\s+|russia's\s+)?"
    r"(?:full[- ]scale|large[- ]scale|russian)\s+(?:war|invasion|aggression)|during\s+the\s+"
    r"(?:full[- ]scale|large[- ]scale)\s+(?:war|invasion)|since\s+(?:the\s+)?"
    r"(?:full[- ]scale|large[- ]scale)\s+(?:war|invasion)|since\s+(?:feb\.?|february)\s+24"
    r"(?:,?\s+2022)?|since\s+24\s+february(?:\s+2022)?)"
)
_DAY_RE = caseless(
    r"\b(?:over\s+the\s+(?:last|past)\s+day|in\s+the\s+(?:last|past)\s+day|(?:last|past)\s+24"
    r"\s+hours|per\s+day|a\s+day\b|every\s+day|daily|yesterday|today|tonight|overnight|"
    r"last\s+night|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"during\s+the\s+(?:last\s+|past\s+)?day|in\s+one\s+day|in\s+a\s+day|(?:this|since|in\s+the)\s+morning|"
    r"on\s+(?:\d{1,2}\s+)?(?:january|february|march|april|may|june|july|august|september|"
    r"october|november|december)(?:\s+\d{1,2})?)\b"
)
# Every start-date phrase holds one of these words; most sentences hold none.
_START_HINT_RE = caseless(r"since|from|beg[ua]n|start|during|between|began|feb")
_YESTERDAY_RE = caseless(r"\byesterday\b")
_WINDOW_RE = caseless(
    r"\b(?:(?:since|over|during|in)\s+the\s+(?:beginning\s+of\s+the\s+)?(?:last|past|this)?\s*"
    r"(?:week|month|two\s+weeks|\w+\s+days)|in\s+(?:january|february|march|april|may|june|july|"
    r"august|september|october|november|december)\b|(?:last|this)\s+(?:week|month)|"
    r"(?:in|within)\s+(?:a|one|two|three)\s+(?:weeks?|months?)|"
    r"(?:every|each|per|a)\s+week\b|weekly)"
)
_CUMULATIVE_RE = caseless(
    r"\b(?:since|so\s+far|already|as\s+of|a\s+total\s+of|in\s+total|in\s+all|to\s+date|"
    r"over\s+the\s+(?:entire|whole)\s+period|altogether|overall|total)\b"
)


@dataclass(frozen=True, slots=True)
class TimeFrame:
    """The time frame of a flow figure: start date, as-of date and period name.

    `period` is "day", "cumulative", "unknown" (a window the schema cannot express), or
    "" when the text gives no time frame at all.
    """

    since: date | None
    as_of: date | None
    period: str


def read_time_frame(text: str, start: int, end: int, published: date | None) -> TimeFrame:
    """Return the time frame that text[start:end] (a clause or sentence) gives a flow figure."""
    since = _since(text, start, end, published)
    as_of = published
    if published is not None and _YESTERDAY_RE.search(text, start, end):
        as_of = published - timedelta(days=1)
    stated = _AS_OF_RE.search(text, start, end)
    if stated is not None:
        as_of = _resolve(stated, published) or as_of
    if since is not None:
        period = "cumulative"
    elif _DAY_RE.search(text, start, end):
        period = "day"
    elif _WINDOW_RE.search(text, start, end):
        period = "unknown"
    elif _CUMULATIVE_RE.search(text, start, end):
        period = "cumulative"
    else:
        period = ""
    return TimeFrame(since, as_of, period)


def _since(text: str, start: int, end: int, published: date | None) -> date | None:
    if _START_HINT_RE.search(text, start, end) is None:
        return None
    if _WAR_RE.search(text, start, end):
        return FULL_SCALE_WAR
    for pattern in (_SINCE_DATE_RE, _BETWEEN_RE, _SINCE_BEGINNING_RE):
        match = pattern.search(text, start, end)
        if match is not None:
            return _resolve(match, published)
    weekday = _SINCE_WEEKDAY_RE.search(text, start, end)
    if weekday is not None and published is not None:
        back = (published.weekday() - _WEEKDAYS.index(weekday.group("weekday").lower())) % 7
        return published - timedelta(days=back or 7)
    return None


def _resolve(match: re.Match[str], published: date | None) -> date | None:
    groups = match.groupdict()
    if groups.get("thisyear"):
        return date(published.year, 1, 1) if published else None
    month = _MONTHS[(groups.get("month") or groups["month2"]).lower()]
    day_text = groups.get("day") or groups.get("day2")
    day = int(day_text) if day_text else 1
    year = int(groups["year"]) if groups.get("year") else None
    if year is None:
        if published is None:
            return None
        year = published.year
        if (month, day) > (published.month, published.day):
            year -= 1  # "since December 5" in a January article means last December
    try:
        return date(year, month, day)
    except ValueError:
        return None
