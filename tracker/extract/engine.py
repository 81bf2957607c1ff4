"""The extractor: text in, figures out, each with the rules that read it.

Per sentence: numbers (numbers.py) -> readings, what each number counts (readings.py)
-> framing, which event it reports or which distractor rules it out (framing.py). Then
per figure: its value and qualifier (hedges, ranges), time frame (dates.py), place
(placing.py) and programme; restated figures are kept once (restatements.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from itertools import pairwise

from tracker.extract.caseless import caseless
from tracker.extract.cleaning import CleanText, clean_text
from tracker.extract.dates import TimeFrame, read_time_frame
from tracker.extract.figure import ExtractedFigure, Extraction
from tracker.extract.framing import frame_sentence
from tracker.extract.groups import may_count_people
from tracker.extract.headings import heading_event, is_list_line
from tracker.extract.hedges import hedge_after
from tracker.extract.language import Language, detect_language
from tracker.extract.numbers import find_numbers
from tracker.extract.placing import Place, PlaceChooser
from tracker.extract.programmes import find_programmes
from tracker.extract.readings import Reading, read_sentence
from tracker.extract.restatements import drop_adult_only_beside_children, drop_restatements
from tracker.extract.sentences import Sentence, clause_span, split_sentences
from tracker.model import Metric, Qualifier

__all__ = ["extract"]

_STOCKS = frozenset({Metric.REMAINING.value, Metric.TO_EVACUATE.value})
_CONNECTOR_RE = caseless(
    r"\b(?:including|incl\.|among\s+them(?:\s+(?:are|were))?|among\s+whom|among\s+these|"
    r"of\s+whom|of\s+which|"
    r"of\s+them|of\s+these|with|from|or|a\s+mother\s+of|mother\s+of)[\s,:]*$"
)
_GAPPED_NAME_RE = re.compile(
    r"[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,3}(?:\s+(?:region|oblast|district|raion|"
    r"province|community|hromada|city|state))?\s+$"
)
_LISTED_COUNT_RE = re.compile(r"[(\u2013\u2014-]\s*\d")  # "Kindrashivka (14)", "district - 131"
_OF_THEM_RE = caseless(r"\b(?:of|among)\s+(?:them|whom|these|those)\b")
_FROM_AFTER_RE = caseless(r"\s*from\b")
_MAX_CUE_REACH = 140  # evidence stretches to a governing verb at most this far away


@dataclass(frozen=True, slots=True)
class _Draft:
    """A figure before its place and restatements are settled."""

    metric: str
    population_group: str
    value: int
    qualifier: str
    start: int
    end: int
    sentence: Sentence
    clause: tuple[int, int]
    rule: str
    is_range_bound: bool
    adult: bool
    since: date | None
    as_of: date | None
    period: str
    place: Place
    in_headline: bool

    @property
    def units(self) -> frozenset[str]:
        """Return the folded names of the figure's places."""
        return self.place.units

    @property
    def has_since(self) -> bool:
        """Return True when the figure carries a start date."""
        return self.since is not None


def extract(
    text: str,
    *,
    published: date | None = None,
    source: str | None = None,
    url: str | None = None,
    doc_id: str | None = None,
    lang: Language | str = Language.AUTO,
) -> Extraction:
    """Return the figures and housing programmes that `text` states.

    `published` resolves relative dates ("since May 10", "yesterday"); `source`, `url`
    and `doc_id` are copied onto every figure. `lang` ("auto", "en" or "uk") picks the
    rules: "auto" detects the language of the text (language.py). Never raises on odd
    input: any string gives an Extraction, possibly empty. Invisible format characters
    are read as absent (see cleaning.py); every figure's offsets and evidence still point
    into `text`.
    """
    clean = clean_text(text)
    language = Language(lang)
    if language == Language.AUTO:
        language = detect_language(clean.text)
    if language == Language.UK:
        from tracker.extract.uk import extract_uk  # only Ukrainian texts load its rules

        extraction = extract_uk(clean.text, published, source, url, doc_id)
    else:
        extraction = _extract(clean.text, published, source, url, doc_id)
    extraction = replace(extraction, language=language.value)
    if not clean.changed:
        return extraction
    return replace(
        extraction, figures=[_in_original(text, clean, figure) for figure in extraction.figures]
    )


def _in_original(text: str, clean: CleanText, figure: ExtractedFigure) -> ExtractedFigure:
    """Return the figure with its spans moved from the cleaned text into `text`."""
    start, end = clean.original_span(figure.start, figure.end)
    sentence_start, sentence_end = clean.original_span(figure.sentence_start, figure.sentence_end)
    return replace(
        figure,
        start=start,
        end=end,
        evidence=text[start:end],
        sentence_start=sentence_start,
        sentence_end=sentence_end,
    )


def _extract(
    text: str,
    published: date | None,
    source: str | None,
    url: str | None,
    doc_id: str | None,
) -> Extraction:
    sentences = split_sentences(text)
    readings = _read(text, sentences)
    programmes = find_programmes(text)
    if not readings:
        return Extraction([], programmes)
    last_sentence_end = max(sentence.end for _, sentence in readings)
    chooser = PlaceChooser(text, [(s.start, s.end) for s in sentences], last_sentence_end)
    frames = _FrameCache(text, published, sentences)
    places = _places(text, readings, chooser)
    drafts = [
        d
        for reading, sentence in readings
        for d in _drafts(text, reading, sentence, frames, places[id(reading)], sentences[0].start)
    ]
    kept = drop_adult_only_beside_children(drop_restatements(drafts))
    figures = [_figure(text, d, published, source, url, doc_id) for d in kept]
    return Extraction(figures, programmes)


def _read(text: str, sentences: list[Sentence]) -> list[tuple[Reading, Sentence]]:
    """Return the readings that report an event, with their sentences, in text order."""
    found: list[tuple[Reading, Sentence]] = []
    carried: Reading | None = None
    heading: str | None = None
    for sentence in sentences:
        # A sentence right after a figure may continue it with bare numbers alone ("The
        # largest group came from the Kupiansk hromada (21), ...").
        continues = carried is not None and (
            _LISTED_COUNT_RE.search(text, sentence.start, sentence.end) is not None
            # "Twelve of them came from Kivsharivka": a part of the figure just before
            or _OF_THEM_RE.search(text, sentence.start, sentence.end) is not None
        )
        own = (
            find_numbers(text, sentence.start, sentence.end)
            if continues or may_count_people(text, sentence.start, sentence.end)
            else []
        )
        if not own:
            carried = None
            heading = heading_event(text, sentence.start, sentence.end)
            continue
        sentence_readings = read_sentence(text, sentence.start, sentence.end, own, carried)
        frame_sentence(text, sentence, sentence_readings, carried.metric if carried else heading)
        accepted = [
            r
            for r in sentence_readings
            if r.rejected is None and r.metric is not None and r.group is not None
        ]
        found.extend((r, sentence) for r in accepted)
        carried = accepted[-1] if accepted else None
        heading = None
    return found


class _FrameCache:
    """The time frames of the clauses and sentences of one text, each read once."""

    def __init__(self, text: str, published: date | None, sentences: list[Sentence]) -> None:
        self._text, self._published = text, published
        self._frames: dict[tuple[int, int], TimeFrame] = {}
        self._before = {b.start: (a.start, a.end) for a, b in pairwise(sentences)}

    def of_sentence(self, sentence: Sentence) -> TimeFrame:
        """Return the time frame of a sentence; a verbless "Place - N" list that states
        none takes the frame of the line above it ("Over the past day, people were
        evacuated from:")."""
        frame = self.of(sentence.start, sentence.end)
        before = self._before.get(sentence.start)
        if frame.period or before is None or not is_list_line(self._text, *_span(sentence)):
            return frame
        return self.of(*before)

    def of(self, start: int, end: int) -> TimeFrame:
        """Return the time frame of text[start:end]."""
        frame = self._frames.get((start, end))
        if frame is None:
            frame = read_time_frame(self._text, start, end, self._published)
            self._frames[(start, end)] = frame
        return frame


def _span(sentence: Sentence) -> tuple[int, int]:
    return sentence.start, sentence.end


def _places(
    text: str, readings: list[tuple[Reading, Sentence]], chooser: PlaceChooser
) -> dict[int, Place]:
    """Return the place of every reading, by id: a subgroup without a place of its own
    ("including 1,229 from Mariupol" has one) shares its head's place."""
    places: dict[int, Place] = {}
    heads = _gapped_heads(readings)
    by_sentence: dict[int, list[Reading]] = {}
    for reading, sentence in readings:
        by_sentence.setdefault(id(sentence), []).append(reading)
    for reading, sentence in readings:
        clause = clause_span(sentence, reading.number.start)
        siblings = [r.noun_end for r in by_sentence[id(sentence)] if r is not reading]
        # "Kurylivka hromada - 19": a list item's place is the name before its dash.
        own = chooser.place_right_before(reading.start, dash=True) or chooser.tight_place(
            reading.noun_end
        )
        origin = False
        if reading.metric == Metric.HOUSED.value and reading.cue_start is not None:
            # "IDPs from Nikopol accommodated in the Dnipropetrovsk region": the host place.
            host = chooser.host_place(reading.cue_start, clause[1]) or chooser.host_before(
                reading.cue_start, clause[0]
            )
            # "In the Mykolaiv region, 3,612 people from Kherson Oblast are housed": the
            # place after "from" is where they came from, not where they live.
            origin = host is None and _FROM_AFTER_RE.match(text, reading.noun_end) is not None
            if origin:
                own, siblings = None, [*siblings, reading.noun_end]
            own = host or own
        if reading.event_rule == "gapped-coordination" or reading.rule == "bare-ellipsis":
            # "Sloviansk about 78,000", "Kharkiv region for 811": the place before it.
            own = chooser.place_right_before(reading.start) or own
        elif id(reading) in heads:
            # "Kramatorsk still has 53,000, Sloviansk about 78,000": the head's subject.
            own = own or chooser.place_before(sentence.start, reading.start)
        head = places.get(id(reading.head)) if reading.head is not None else None
        if head is None and reading.rule == "bare-ellipsis" and reading.anchor is not None:
            # "up to 15,000 people in the Buzi district ..., while 3,000 had been rescued":
            # an ellipsis whose clause names no place shares its anchor's.
            anchor = places.get(id(reading.anchor))
            head = None if chooser.names_a_place(clause) else anchor
        if own is None and head is not None:
            places[id(reading)] = head
            continue
        places[id(reading)] = own or chooser.place_for(
            clause,
            (sentence.start, sentence.end),
            reading.number.start,
            reading.noun_end,
            siblings,
            origin_after=origin,
        )
        if chooser.lead == (sentence.start, sentence.end):
            chooser.set_lead_place(places[id(reading)])
    return places


def _gapped_heads(readings: list[tuple[Reading, Sentence]]) -> set[int]:
    """Return the ids of the readings that head a gapped list of their sentence."""
    heads: set[int] = set()
    for i, (reading, sentence) in enumerate(readings):
        if reading.event_rule != "gapped-coordination":
            continue
        for earlier, where in reversed(readings[:i]):
            if where is sentence and earlier.event_rule != "gapped-coordination":
                heads.add(id(earlier))
                break
    return heads


def _drafts(
    text: str,
    reading: Reading,
    sentence: Sentence,
    frames: _FrameCache,
    place: Place,
    headline: int,
) -> list[_Draft]:
    clause = clause_span(sentence, reading.number.start)
    start, end = _evidence_span(text, reading, sentence)
    metric = reading.metric or ""
    frame = frames.of(*clause)
    since = None
    period = "unknown"
    if metric not in _STOCKS:
        whole = frames.of_sentence(sentence)
        # A start date elsewhere in the sentence applies unless the clause has its own window.
        shares = frame.period in ("", "cumulative")  # a day or window frame has no start date
        since = frame.since or (whole.since if shares else None)
        # "Evacuation over the past day: 412 people": a day frame of the sentence holds for
        # a clause that states none of its own.
        evacuated = metric == Metric.EVACUATED.value
        day = "day" if whole.period == "day" and since is None and evacuated else ""
        period = frame.period or day or ("cumulative" if since or evacuated else "unknown")
    if reading.rule == "family-of-n" and metric == Metric.EVACUATED.value:
        period = "single_operation"
    rule = "+".join(part for part in (reading.rule, reading.event_rule) if part)
    group = reading.group.value if reading.group else ""
    return [
        _Draft(
            metric=metric,
            population_group=group,
            value=value,
            qualifier=qualifier,
            start=start,
            end=end,
            sentence=sentence,
            clause=clause,
            rule=f"{rule}{suffix}",
            is_range_bound=bound,
            adult=reading.adult,
            since=since,
            as_of=frame.as_of,
            period=period,
            place=place,
            in_headline=sentence.start == headline,
        )
        for value, qualifier, suffix, bound in _values(text, reading)
    ]


def _values(text: str, reading: Reading) -> list[tuple[int, str, str, bool]]:
    """Return (value, qualifier, rule suffix, is range bound) for each figure of a reading."""
    number, scale, hedge = reading.number, reading.value_scale, reading.hedge
    if number.is_range:
        if hedge is not None and hedge.caps:
            return [(number.high * scale, Qualifier.AT_MOST.value, "+capped-range", False)]
        return [
            (number.low * scale, Qualifier.AT_LEAST.value, "+range-low", True),
            (number.high * scale, Qualifier.AT_MOST.value, "+range-high", True),
        ]
    if hedge is None:
        hedge = hedge_after(text, reading.noun_end) or hedge_after(text, number.end)
    if hedge is not None:
        return [(number.low * scale, hedge.qualifier.value, "", False)]
    if number.half:  # "half a hundred" is a round estimate
        return [(number.low * scale, Qualifier.APPROX.value, "+half-estimate", False)]
    return [(number.low * scale, Qualifier.EXACT.value, "", False)]


def _evidence_span(text: str, reading: Reading, sentence: Sentence) -> tuple[int, int]:
    start, end = reading.start, max(reading.noun_end, reading.number.end)
    if reading.event_rule == "gapped-coordination":
        # "Sloviansk about 78,000": the place stands in for the gapped verb.
        name = _GAPPED_NAME_RE.search(text, max(sentence.start, start - 60), start)
        return (name.start() if name else start), end
    if reading.head is not None:
        # A subgroup states itself with its connector: "including 217 children".
        connector = _CONNECTOR_RE.search(text, max(sentence.start, start - 24), start)
        return (connector.start() if connector else start), end
    if reading.cue_start is not None and reading.cue_end is not None:
        if reading.cue_end <= reading.number.start and start - reading.cue_start <= _MAX_CUE_REACH:
            start = min(start, reading.cue_start)
        elif reading.cue_start >= reading.noun_end and reading.cue_end - end <= _MAX_CUE_REACH:
            end = max(end, reading.cue_end)
    return max(start, sentence.start), min(end, sentence.end)


def _figure(
    text: str,
    draft: _Draft,
    published: date | None,
    source: str | None,
    url: str | None,
    doc_id: str | None,
) -> ExtractedFigure:
    place = draft.place
    programmes = find_programmes(text, draft.sentence.start, draft.sentence.end)
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
        evidence=text[draft.start : draft.end],
        start=draft.start,
        end=draft.end,
        doc_id=doc_id,
        rule=draft.rule,
        sentence_start=draft.sentence.start,
        sentence_end=draft.sentence.end,
        district=place.district,
        oblast=place.oblast,
        place_note=place.note,
    )
