"""parse_figures: raw cells to model dtypes, one failure per cell that does not parse."""

from __future__ import annotations

from datetime import UTC, date, datetime

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

from tracker.schema import Failure, parse_figures


@pytest.mark.parametrize(
    ("name", "text", "rule"),
    [
        ("value", "abc", "must be a whole number"),
        ("value", "12.5", "must be a whole number"),
        ("value", "1,000", "must be a whole number"),
        ("value", "99999999999999999999999", "is out of range (too large to be a count)"),
        ("as_of", "2024-13-45", "must be a date YYYY-MM-DD"),
        ("as_of", "10/05/2024", "must be a date YYYY-MM-DD"),
        ("since", "May 10", "must be a date YYYY-MM-DD"),
        ("published_on", "2024-02-30", "must be a date YYYY-MM-DD"),
        ("recorded_at", "yesterday", "must be an ISO 8601 date and time"),
    ],
)
def test_a_bad_cell_becomes_null_and_one_failure(name: str, text: str, rule: str) -> None:
    parsed, failures = parse_figures(pl.DataFrame({name: ["", text], "location": ["a", "b"]}))
    assert parsed.get_column(name).to_list() == [None, None]
    assert [(f.column, f.value, f.row, f.severity) for f in failures] == [(name, text, 1, "error")]
    assert failures[0].rule.startswith(rule)


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("value", " 436 ", 436),
        ("value", "0", 0),
        ("as_of", "2024-05-10", date(2024, 5, 10)),
        ("recorded_at", "2024-05-10T12:30:00Z", datetime(2024, 5, 10, 12, 30, tzinfo=UTC)),
        ("recorded_at", "2024-05-10T14:30:00+02:00", datetime(2024, 5, 10, 12, 30, tzinfo=UTC)),
        (
            "recorded_at",
            "2024-05-10T12:30:00.250000Z",
            datetime(2024, 5, 10, 12, 30, 0, 250000, tzinfo=UTC),
        ),
        ("location", "  Pokrovsk ", "  Pokrovsk "),
    ],
)
def test_a_good_cell_is_cast(name: str, text: str, expected: object) -> None:
    parsed, failures = parse_figures(pl.DataFrame({name: [text]}))
    assert failures == []
    assert parsed.get_column(name).to_list() == [expected]


def test_native_values_are_cast_and_checked() -> None:
    raw = pl.DataFrame(
        {
            "value": [12.0, 12.5, None],
            "as_of": [datetime(2024, 5, 10), datetime(2024, 5, 11), None],
            "recorded_at": [datetime(2024, 5, 10, 9), None, None],
        }
    )
    parsed, failures = parse_figures(raw)
    assert parsed.schema["value"] == pl.Int64
    assert parsed.get_column("value").to_list() == [12, None, None]
    assert parsed.get_column("as_of").to_list() == [date(2024, 5, 10), date(2024, 5, 11), None]
    assert parsed.get_column("recorded_at").to_list()[0] == datetime(2024, 5, 10, 9, tzinfo=UTC)
    assert [(f.column, f.value, f.row) for f in failures] == [("value", "12.5", 1)]


def test_failures_carry_file_and_line_and_metadata_passes_through() -> None:
    raw = pl.DataFrame(
        {"value": ["1", "x"], "_file": ["in.csv", "in.csv"], "_line": [2, 3], "bogus": ["a", "b"]}
    )
    parsed, failures = parse_figures(raw)
    assert failures == [
        Failure("error", "must be a whole number", "value", "x", row=1, file="in.csv", line=3)
    ]
    assert_frame_equal(
        parsed.select("_file", "_line", "bogus"), raw.select("_file", "_line", "bogus")
    )


def test_typed_input_comes_back_unchanged() -> None:
    raw = pl.DataFrame({"value": [1, 2], "as_of": [date(2024, 5, 1), None]})
    parsed, failures = parse_figures(raw)
    assert failures == []
    assert_frame_equal(parsed, raw)


@given(st.text())
def test_any_text_as_a_value_parses_or_fails_and_never_crashes(text: str) -> None:
    parsed, failures = parse_figures(pl.DataFrame({"value": [text]}, schema={"value": pl.String}))
    number = parsed.get_column("value")[0]
    found = [(f.column, f.value) for f in failures]
    if number is not None:
        assert found == []
        assert int(text.strip()) == number
    elif text.strip():
        assert found == [("value", text)]
    else:  # blank to Python; polars may still see a control character such as \x1f
        assert found in ([], [("value", text)])


@given(st.dates())
def test_every_iso_date_parses_back(day: date) -> None:
    parsed, failures = parse_figures(pl.DataFrame({"as_of": [day.isoformat()]}))
    if day.year >= 1000:  # isoformat pads to four digits; so does the rule
        assert failures == []
        assert parsed.get_column("as_of")[0] == day


@pytest.mark.parametrize(
    ("name", "values"),
    [
        ("as_of", [20240510]),
        ("recorded_at", [1715335200]),
        ("value", [True]),
    ],
    ids=["number as a date", "number as a datetime", "boolean as a count"],
)
def test_native_values_of_the_wrong_kind_fail(name: str, values: list[object]) -> None:
    parsed, failures = parse_figures(pl.DataFrame({name: values}))
    assert parsed.get_column(name).to_list() == [None]
    assert [(f.column, f.value) for f in failures] == [(name, str(values[0]).lower())]


def test_a_column_of_nulls_parses_to_nulls() -> None:
    parsed, failures = parse_figures(pl.DataFrame({"as_of": [None, None], "value": [None, None]}))
    assert failures == []
    assert parsed.schema["as_of"] == pl.Date
    assert parsed.schema["value"] == pl.Int64
