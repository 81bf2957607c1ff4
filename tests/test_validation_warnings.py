"""Warnings: reported with the row they concern, never blocking a write."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import polars as pl
import pytest
from test_validation import TODAY, figure, frame

from tracker.schema import validate_figures


def cumulative(day: int, value: int, **changes: Any) -> dict[str, Any]:
    """Return a cumulative evacuated figure for Pokrovskyi on May `day`."""
    as_of = date(2024, 5, day)
    defaults: dict[str, Any] = {
        "figure_id": f"c{day}-{value}",
        "period": "cumulative",
        "since": date(2024, 5, 1),
        "as_of": as_of,
        "published_on": as_of,
        "value": value,
    }
    return figure(**{**defaults, **changes})


def warnings_of(
    new: pl.DataFrame, history: pl.DataFrame | None = None
) -> list[tuple[int | None, str]]:
    report = validate_figures(new, history=history, today=TODAY)
    assert report.valid, report.to_text()
    return [(f.row, f.rule) for f in report.warnings]


def test_a_fuzzy_place_match_names_the_canonical_place() -> None:
    rows = frame(figure(), figure(figure_id="f2", place_match="fuzzy", location="Pokrovsk raoin"))
    report = validate_figures(rows, today=TODAY)
    assert [(f.row, f.column, f.value, f.rule) for f in report.warnings] == [
        (
            1,
            "location",
            "Pokrovsk raoin",
            "place was matched fuzzily to Pokrovskyi (UA1412); check it",
        )
    ]
    assert report.valid


@pytest.mark.parametrize(
    ("stored", "new", "warned"),
    [
        ([cumulative(10, 500)], [cumulative(12, 400)], True),
        ([cumulative(10, 500)], [cumulative(12, 600)], False),
        ([], [cumulative(10, 500), cumulative(12, 400)], True),
        ([cumulative(14, 500)], [cumulative(12, 400)], False),  # earlier day: lower is fine
        ([cumulative(10, 500, admin2_pcode="UA1410")], [cumulative(12, 400)], False),
        ([cumulative(10, 500, population_group="children")], [cumulative(12, 400)], False),
        ([cumulative(10, 500, period="day")], [cumulative(12, 400)], False),
    ],
    ids=[
        "drop after stored",
        "rise after stored",
        "drop within the batch",
        "lower on an earlier day",
        "other district",
        "other group",
        "stored one is daily",
    ],
)
def test_a_cumulative_series_that_goes_down_is_a_warning(
    stored: list[dict[str, Any]], new: list[dict[str, Any]], warned: bool
) -> None:
    history = frame(*stored) if stored else None
    found = warnings_of(frame(*new), history)
    drops = [rule for _, rule in found if "went down" in rule]
    assert bool(drops) == warned, found
    if warned:
        assert drops == [
            "cumulative evacuated people in UA1412 went down: 500 was reported for an earlier day"
        ]


def test_the_district_is_the_place_as_written_without_a_code() -> None:
    rows = [cumulative(10, 500, admin2_pcode=None), cumulative(12, 400, admin2_pcode=None)]
    found = warnings_of(frame(*rows))
    assert found == [
        (
            1,
            "cumulative evacuated people in Pokrovsk went down: "
            "500 was reported for an earlier day",
        )
    ]


def daily(value: int, day: int) -> dict[str, Any]:
    as_of = date(2024, 5, 1) + timedelta(days=day)
    return figure(figure_id=f"d{day}", value=value, as_of=as_of, published_on=as_of)


@pytest.mark.parametrize(
    ("value", "warned"),
    [(5000, "110.0"), (9, "100.0"), (999, ""), (11, "")],
    ids=["10x above", "10x below", "just under 10x above", "just over 10x below"],
)
def test_a_value_far_from_the_district_median_is_a_warning(value: int, warned: str) -> None:
    # The median is over stored figures and this batch: {100, 100, 120} plus the new one.
    history = frame(daily(100, 1), daily(100, 2), daily(120, 3))
    found = warnings_of(frame(daily(value, 4)), history)
    assert bool(found) == bool(warned), found
    if warned:
        assert found == [
            (
                0,
                f"is more than 10x away from the median ({warned}) of evacuated people day "
                "figures in UA1412",
            )
        ]


def test_no_median_is_judged_from_fewer_than_three_figures() -> None:
    found = warnings_of(frame(daily(5000, 4)), frame(daily(100, 1)))
    assert found == []


def test_stored_figures_are_compared_with_but_never_reported() -> None:
    history = frame(cumulative(10, 500), cumulative(11, 100), figure(place_match="fuzzy"))
    found = warnings_of(frame(cumulative(12, 600)), history)
    assert found == []


def test_warnings_and_row_rules_point_at_file_and_line() -> None:
    rows = frame(
        figure(value=100),
        figure(figure_id="f2", population_group="children", value=128),
        figure(figure_id="f3", place_match="fuzzy", doc_id="d3"),
    ).with_columns(pl.lit("in.csv").alias("_file"), pl.Series("_line", [2, 3, 4]))
    report = validate_figures(rows, today=TODAY)
    assert [(f.severity, f.file, f.line, f.row) for f in report.failures] == [
        ("error", "in.csv", 3, 1),
        ("warning", "in.csv", 4, 2),
    ]
