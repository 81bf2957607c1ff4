"""Invisible characters pasted with a report change no figure, and evidence still quotes
the text as given (issue 11, item 2)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.extract import extract
from tracker.extract.cleaning import clean_text

PUBLISHED = date(2024, 5, 14)
REPORT = "1,248 people, including 305 children, have been evacuated from the Kupiansk district."
INVISIBLE = ["\u200b", "\u00ad", "\u2066", "\u2069", "\u202e", "\ufeff", "\u2060", "\u200d"]


def facts(text: str) -> list[tuple[str, str, int, str | None]]:
    """Return (metric, group, value, district) of every figure extracted from `text`."""
    return [
        (f.metric, f.population_group, f.value, f.admin2_name)
        for f in extract(text, published=PUBLISHED).figures
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "1\u200b248 people have been evacuated from the Kupiansk district.",
            [("evacuated", "people", 1248, "Kupianskyi")],
        ),
        (
            "436 people have been evacuated from the Kupi\u00adansk district.",
            [("evacuated", "people", 436, "Kupianskyi")],
        ),
        (
            "In the \u2066Izium\u2069 district, 120 people were evacuated.",
            [("evacuated", "people", 120, "Iziumskyi")],
        ),
        (
            "\ufeff300 residents were evacuated from the Izium district.",
            [("evacuated", "people", 300, "Iziumskyi")],
        ),
        ("alert(1) people were evacuated from the Izium district.", []),
    ],
)
def test_invisible_characters_change_no_figure(
    text: str, expected: list[tuple[str, str, int, str | None]]
) -> None:
    assert facts(text) == expected
    for figure in extract(text, published=PUBLISHED).figures:
        assert text[figure.start : figure.end] == figure.evidence


def test_combining_marks_are_read_composed() -> None:
    decomposed = "N\u0303uble"
    assert clean_text(decomposed).text == "Ñuble"
    assert clean_text(decomposed).original_span(0, 5) == (0, 6)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(REPORT)), st.sampled_from(INVISIBLE)), max_size=6))
def test_format_characters_anywhere_keep_the_figures_and_exact_evidence(
    insertions: list[tuple[int, str]],
) -> None:
    text = REPORT
    for position, char in sorted(insertions, reverse=True):
        text = text[:position] + char + text[position:]

    figures = extract(text, published=PUBLISHED).figures

    assert facts(text) == facts(REPORT)
    for figure in figures:
        assert text[figure.start : figure.end] == figure.evidence
        assert text[figure.sentence_start : figure.sentence_end].strip()
