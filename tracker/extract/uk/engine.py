"""The Ukrainian extractor: cleaned text in, figures out, each with the rules that read it.

Per sentence (the shared splitter): numbers, groups and events (readings.py, framing.py);
per figure: value and qualifier (ranges give two), time frame (dates.py) and place
(placing.py); restated figures and parts of totals are settled in drafts.py.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from tracker.extract.figure import ExtractedFigure, Extraction
from tracker.extract.place_columns import Place
from tracker.extract.programmes import find_programmes
from tracker.extract.sentences import split_sentences
from tracker.extract.uk.dates import UkFrame, read_frame
from tracker.extract.uk.drafts import Draft, kept_once
from tracker.extract.uk.framing import decision_scope, heading_event
from tracker.extract.uk.placing import UkPlaceChooser
from tracker.extract.uk.readings import UkReading, read_sentence
from tracker.model import Metric, Qualifier

__all__ = ["extract_uk"]

_STOCKS = frozenset({Metric.REMAINING.value, Metric.TO_EVACUATE.value, Metric.HOUSED.value})


def extract_uk(
    text: str,
    published: date | None,
    source: str | None,
    url: str | None,
    doc_id: str | None,
) -> Extraction:
    """Return the figures and housing programmes that the Ukrainian `text` states.

    `text` is already cleaned (tracker.extract.cleaning); never raises on odd input.
    """
    sentences = split_sentences(text)
    programmes = find_programmes(text)
    scope = decision_scope(text)
    found: list[tuple[UkReading, tuple[int, int]]] = []
    carried: UkReading | None = None
    heading: str | None = None
    for sentence in sentences:
        span = (sentence.start, sentence.end)
        readings = read_sentence(text, span, scope, carried, heading)
        if not readings:
            heading = heading_event(text, *span) or heading
        elif any("uk-heading-event" not in r.rule for r in readings):
            heading = None
        found.extend((r, span) for r in readings)
        heads = [r for r in readings if r.head is None]
        carried = heads[-1] if heads else None
    if not found:
        return Extraction([], programmes)
    chooser = UkPlaceChooser(text)
    headline = sentences[0].start
    frames: dict[tuple[int, int], UkFrame] = {}

    def frame(span: tuple[int, int]) -> UkFrame:
        if span not in frames:
            frames[span] = read_frame(text, *span, published)
        return frames[span]

    drafts: list[Draft] = []
    since_of: dict[int, date | None] = {}
    for reading, span in found:
        place = chooser.place_for(reading, span)
        made = _drafts(reading, span, place, (frame(reading.clause), frame(span)), headline)
        if made and made[0].since is None and made[0].metric != Metric.REMAINING.value:
            # a part, or a line of a list, counts from where its head or the line above does
            above = reading.head if reading.head is not None else _list_line_above(reading, drafts)
            inherited = since_of.get(id(above)) if above is not None else None
            made = [replace(d, since=inherited) for d in made] if inherited else made
        since_of[id(reading)] = made[0].since if made else None
        drafts.extend(made)
    kept = kept_once(drafts)
    figures = [_figure(text, d, published, source, url, doc_id) for d in kept]
    return Extraction(figures, programmes)


def _list_line_above(reading: UkReading, drafts: list[Draft]) -> UkReading | None:
    """Return the reading before a list line that took its event from above, else None."""
    carried = "uk-carried-event" in reading.rule or "uk-heading-event" in reading.rule
    return drafts[-1].reading if carried and drafts else None


def _drafts(
    reading: UkReading,
    span: tuple[int, int],
    place: Place,
    frames: tuple[UkFrame, UkFrame],
    headline: int,
) -> list[Draft]:
    """Return the figures of one reading (two for a range) with their time frame: the
    clause's `frame`, else the sentence's (`whole`)."""
    frame, whole = frames
    since, period = None, "unknown"
    if reading.metric not in _STOCKS:
        since = frame.since or (whole.since if frame.period in ("", "cumulative") else None)
        period = frame.period or whole.period or "cumulative"
    elif reading.metric == Metric.HOUSED.value:
        # "З 1 квітня центр прийняв 40 тисяч": people housed since a date are a running total
        since = frame.since or (whole.since if frame.period in ("", "cumulative") else None)
        period = "day" if frame.period == "day" else "cumulative" if since else "unknown"
    number = reading.number
    values = (
        [
            (number.low, Qualifier.AT_LEAST, "+range-low"),
            (number.high, Qualifier.AT_MOST, "+range-high"),
        ]
        if number.is_range
        else [(number.low, _qualifier(reading), "")]
    )
    return [
        Draft(
            reading,
            value,
            qualifier.value,
            suffix,
            number.is_range,
            place,
            since,
            frame.as_of or whole.as_of,
            period,
            span[0] == headline,
            span,
        )
        for value, qualifier, suffix in values
    ]


def _qualifier(reading: UkReading) -> Qualifier:
    """Return the qualifier of a single number: its hedge, approx for "півсотні"."""
    if reading.qualifier is not None:
        return reading.qualifier
    return Qualifier.APPROX if reading.number.half else Qualifier.EXACT


def _figure(
    text: str,
    draft: Draft,
    published: date | None,
    source: str | None,
    url: str | None,
    doc_id: str | None,
) -> ExtractedFigure:
    reading, place = draft.reading, draft.place
    programmes = find_programmes(text, *draft.sentence)
    programme = programmes[0] if programmes and draft.metric == Metric.HOUSED.value else None
    return ExtractedFigure(
        metric=draft.metric,
        population_group=draft.population_group,
        value=draft.value,
        qualifier=draft.qualifier,
        location=place.location,
        admin1_name=place.admin1_name,
        admin1_pcode=place.admin1_pcode,
        admin2_name=place.admin2_name,
        admin2_pcode=place.admin2_pcode,
        settlement=place.settlement,
        place_match=place.place_match,
        as_of=draft.as_of,
        since=draft.since,
        published_on=published,
        period=draft.period,
        programme=programme,
        source_name=source,
        source_url=url,
        evidence=text[reading.start : reading.end],
        start=reading.start,
        end=reading.end,
        doc_id=doc_id,
        rule=reading.rule + draft.suffix,
        sentence_start=draft.sentence[0],
        sentence_end=draft.sentence[1],
        district=place.district,
        oblast=place.oblast,
        place_note=place.note,
    )
