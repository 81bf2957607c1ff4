"""The time frame of a Ukrainian clause: start date (`since`) and period (guidelines 3.9).

- day: "за минулу добу", "минулої доби", "за добу", "вчора", "щодоби", "на добу",
  "щодня", a weekday ("у четвер") or a date with no "з" before it ("12 березня ...
  виїхали");
- cumulative: "з 5 травня", "з початку року", "за час війни" (since 2022-02-24),
  "(28.08.23)", "станом на ...", "загалом", "вже";
- unknown: windows the schema cannot hold ("за тиждень", "за останній місяць", "на місяць",
  "за останні два тижні", "з 2 по 15 лютого" keeps its start).
A day and month take the year of `published`; with no publication date `since` stays None.
`as_of` is the day the figure describes: "станом на 3 вересня", the day before publication
for "вчора" and "минулої доби", else the publication date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["UkFrame", "read_frame"]

_MONTHS = {
    "січ": 1,
    "лют": 2,
    "бер": 3,
    "кві": 4,
    "тра": 5,
    "чер": 6,
    "лип": 7,
    "сер": 8,
    "вер": 9,
    "жов": 10,
    "лис": 11,
    "гру": 12,
}
_MONTH = (
    r"(?P<month>січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня"
    r"|листопада|грудня)"
)
_SINCE_DATE_RE = re.compile(
    rf"(?<![\w])(?:з|із|від)\s+(?P<day>\d{{1,2}})(?:-?го)?\s+(?:по\s+\d{{1,2}}\s+)?{_MONTH}"
    rf"(?:\s+(?P<year>\d{{4}}))?",
    re.IGNORECASE,
)
_NUMERIC_DATE_RE = re.compile(r"\((?P<day>\d{2})\.(?P<month>\d{2})\.(?P<year>\d{2}|\d{4})\)")
_WAR_RE = re.compile(
    r"за\s+час\s+(?:повномасштабної\s+)?війни|з\s+початку\s+(?:повномасштабн\w+\s+)?(?:війни|вторгнення)"
    r"|від\s+початку\s+повномасштабн\w+",
    re.IGNORECASE,
)
_YEAR_START_RE = re.compile(
    r"(?:з|від)\s+початку\s+(?:цього\s+|(?P<year>\d{4})\s+)?року", re.IGNORECASE
)
_WINDOW_RE = re.compile(
    r"тиждень|тижні|тижня|місяць|місяця|на\s+зиму|два\s+тижні|останні\s+\w+\s+дн|сім\s+днів"
    r"|\bз\s+\d{1,2}(?:-?го)?\s+по\s+\d",
    re.IGNORECASE,
)
_DAY_RE = re.compile(
    r"добу|доби|щодоби|щодня|вчора|минулої\s+доби|за\s+день|у\s+(?:понеділок|вівторок|середу"
    r"|четвер|п.ятницю|суботу|неділю)|в\s+(?:понеділок|вівторок|середу|четвер|п.ятницю|суботу"
    r"|неділю)",
    re.IGNORECASE,
)
_BARE_DATE_RE = re.compile(rf"(?<![\w])(?<!з\s)(?<!із\s)(?<!на\s)\d{{1,2}}\s+{_MONTH}", re.I)
_AS_OF_RE = re.compile(rf"станом\s+на\s+(?P<day>\d{{1,2}})\s+{_MONTH}", re.IGNORECASE)
_YESTERDAY_RE = re.compile(r"вчора|минулої\s+доби|за\s+минулу\s+добу", re.IGNORECASE)
_CUMULATIVE_RE = re.compile(r"станом\s+на|загалом|усього|всього|вже|з\s+початку", re.I)


@dataclass(frozen=True, slots=True)
class UkFrame:
    """A clause's time frame: `period` is "" when the clause states none."""

    since: date | None
    period: str
    as_of: date | None = None


def read_frame(text: str, start: int, end: int, published: date | None) -> UkFrame:
    """Return the time frame that text[start:end] states."""
    span = text[start:end]
    since = _since(span, published)
    as_of = _as_of(span, published)
    if _WINDOW_RE.search(span):
        return UkFrame(since, "unknown", as_of)
    if _DAY_RE.search(span):
        return UkFrame(None, "day", as_of)
    if since is not None:
        return UkFrame(since, "cumulative", as_of)
    if _BARE_DATE_RE.search(span) and not _CUMULATIVE_RE.search(span):
        return UkFrame(None, "day", as_of)
    if _CUMULATIVE_RE.search(span):
        return UkFrame(None, "cumulative", as_of)
    return UkFrame(None, "", as_of)


def _as_of(span: str, published: date | None) -> date | None:
    if published is None:
        return None
    stated = _AS_OF_RE.search(span)
    if stated is not None:
        month = _MONTHS[stated.group("month")[:3].lower()]
        year = published.year - (1 if month > published.month else 0)
        return _date(year, month, int(stated.group("day"))) or published
    if _YESTERDAY_RE.search(span):
        return published - timedelta(days=1)
    return published


def _since(span: str, published: date | None) -> date | None:
    if _WAR_RE.search(span):
        return date(2022, 2, 24)
    numeric = _NUMERIC_DATE_RE.search(span)
    if numeric is not None:
        year = int(numeric.group("year"))
        return _date(
            year + 2000 if year < 100 else year,
            int(numeric.group("month")),
            int(numeric.group("day")),
        )
    if published is None:
        return None
    year_start = _YEAR_START_RE.search(span)
    if year_start is not None:
        return date(int(year_start.group("year") or published.year), 1, 1)
    match = _SINCE_DATE_RE.search(span)
    if match is None:
        return None
    month = _MONTHS[match.group("month")[:3].lower()]
    year = int(match.group("year")) if match.group("year") else published.year
    if not match.group("year") and month > published.month:
        year -= 1
    return _date(year, month, int(match.group("day")))


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
