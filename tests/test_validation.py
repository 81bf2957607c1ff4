"""validate_figures: one failing and one passing case per rule, warnings, the report."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pandera.polars as pa
import polars as pl
import pytest

from tracker.model import polars_schema
from tracker.schema import Failure, FiguresModel, ValidationReport, validate_figures

TODAY = date(2024, 6, 1)


def figure(**changes: Any) -> dict[str, Any]:
    """Return one valid figure (every model column), with `changes` applied."""
    row: dict[str, Any] = {
        "figure_id": "f1",
        "metric": "evacuated",
        "population_group": "people",
        "value": 436,
        "qualifier": "exact",
        "location": "Pokrovsk",
        "admin1_name": "Donetska",
        "admin1_pcode": "UA14",
        "admin2_name": "Pokrovskyi",
        "admin2_pcode": "UA1412",
        "settlement": None,
        "place_match": "exact",
        "as_of": date(2024, 5, 10),
        "since": None,
        "published_on": date(2024, 5, 10),
        "period": "day",
        "programme": None,
        "source_name": "Donetsk regional administration",
        "source_url": "https://example.org/news/1",
        "evidence": "436 people were evacuated",
        "method": "imported",
        "recorded_at": datetime(2024, 5, 11, 9, 0, tzinfo=UTC),
        "doc_id": "d1",
        "claim_id": None,
        "note": None,
    }
    row.update(changes)
    return row


def frame(*rows: dict[str, Any]) -> pl.DataFrame:
    """Return `rows` as a frame with the model's dtypes (plus any extra columns given)."""
    schema = polars_schema()
    extra = {k: pl.String() for row in rows for k in row if k not in schema}
    return pl.DataFrame(list(rows), schema={**schema, **extra}, orient="row")


def errors_of(report: ValidationReport) -> list[tuple[str | None, str]]:
    return [(f.column, f.rule) for f in report.errors]


# (id, rows, column of the expected error or None when the rows are valid, words in the rule)
RULE_CASES: list[tuple[str, list[dict[str, Any]], str | None, str]] = [
    ("metric unknown", [figure(metric="flown")], "metric", "must be one of evacuated"),
    ("metric known", [figure(metric="housed")], None, ""),
    ("group unknown", [figure(population_group="adults")], "population_group", "one of"),
    ("qualifier unknown", [figure(qualifier="maybe")], "qualifier", "one of exact"),
    ("method unknown", [figure(method="guessed")], "method", "one of"),
    ("period unknown", [figure(period="weekly")], "period", "one of"),
    ("place_match unknown", [figure(place_match="close")], "place_match", "one of"),
    ("place_match empty", [figure(place_match=None)], None, ""),
    ("value negative", [figure(value=-1)], "value", "must be >= 0"),
    ("value zero", [figure(value=0)], None, ""),
    ("value absurd", [figure(value=50_000_001)], "value", "must be <= 50,000,000"),
    ("value at the cap", [figure(value=50_000_000)], None, ""),
    ("value missing", [figure(value=None)], "value", "must not be empty"),
    ("location blank", [figure(location="   ")], "location", "must not be blank"),
    ("source blank", [figure(source_name="")], "source_name", "must not be blank"),
    ("source missing", [figure(source_name=None)], "source_name", "must not be empty"),
    ("as_of future", [figure(as_of=date(2024, 6, 2))], "as_of", "must not be in the future"),
    ("as_of today", [figure(as_of=TODAY, published_on=TODAY)], None, ""),
    (
        "published future",
        [figure(published_on=date(2024, 6, 2))],
        "published_on",
        "must not be in the future",
    ),
    (
        "since after as_of",
        [figure(since=date(2024, 5, 11))],
        "since",
        "must be on or before as_of (2024-05-10)",
    ),
    ("since on as_of", [figure(since=date(2024, 5, 10), period="cumulative")], None, ""),
    (
        "as_of after publication",
        [figure(published_on=date(2024, 5, 9))],
        "as_of",
        "must be on or before published_on (2024-05-09)",
    ),
    (
        "plan target after publication",
        [figure(metric="to_evacuate", as_of=date(2024, 5, 20), published_on=date(2024, 5, 9))],
        None,
        "",
    ),
    (
        "children exceed people",
        [figure(value=100), figure(figure_id="f2", population_group="children", value=128)],
        "value",
        "children (128) exceed people (100) for the same source, place, metric and day",
    ),
    (
        "families exceed people",
        [figure(value=100), figure(figure_id="f2", population_group="families", value=101)],
        "value",
        "families (101) exceed people (100)",
    ),
    (
        "children within people",
        [figure(value=128), figure(figure_id="f2", population_group="children", value=128)],
        None,
        "",
    ),
    (
        "children of another source",
        [
            figure(value=100),
            figure(figure_id="f2", population_group="children", value=128, source_name="UNHCR"),
        ],
        None,
        "",
    ),
    (
        "children of another document",
        [
            figure(value=100),
            figure(figure_id="f2", population_group="children", value=128, doc_id="d2"),
        ],
        None,
        "",
    ),
    ("admin1 malformed", [figure(admin1_pcode="UA1")], "admin1_pcode", "first-level P-code"),
    ("admin1 lower case", [figure(admin1_pcode="ua14")], "admin1_pcode", "first-level P-code"),
    ("admin2 malformed", [figure(admin2_pcode="UA141")], "admin2_pcode", "second-level P-code"),
    (
        "admin2 outside admin1",
        [figure(admin2_pcode="UA6308")],
        "admin2_pcode",
        "must start with admin1_pcode (UA14)",
    ),
    ("codes empty", [figure(admin1_pcode=None, admin2_pcode=None)], None, ""),
    (
        "figure_id reused",
        [figure(), figure(value=437)],
        "figure_id",
        "appears 2 times with different contents",
    ),
    (
        "figure repeated",
        [figure(), figure(recorded_at=datetime(2024, 5, 12, tzinfo=UTC))],
        None,
        "",
    ),
    ("unknown column", [figure(bogus="1")], "bogus", "is not a column of the figures table"),
    ("metadata column", [figure(_comment="kept")], None, ""),
]


@pytest.mark.parametrize(
    ("rows", "column", "words"), [c[1:] for c in RULE_CASES], ids=[c[0] for c in RULE_CASES]
)
def test_each_rule(rows: list[dict[str, Any]], column: str | None, words: str) -> None:
    report = validate_figures(frame(*rows), today=TODAY)
    if column is None:
        assert report.failures == []
        assert report.valid
    else:
        assert not report.valid
        assert any(c == column and words in rule for c, rule in errors_of(report)), report.to_text()


def test_a_missing_required_column_is_named() -> None:
    report = validate_figures(frame(figure()).drop("value"), today=TODAY)
    assert errors_of(report) == [("value", "is required but missing")]


def test_derivable_columns_may_be_absent() -> None:
    report = validate_figures(
        frame(figure()).drop("figure_id", "method", "recorded_at", "period"), today=TODAY
    )
    assert report.failures == []


def test_a_column_of_the_wrong_type_is_named() -> None:
    data = frame(figure()).with_columns(
        pl.col("value").cast(pl.String), pl.col("as_of").cast(pl.String)
    )
    report = validate_figures(data, today=TODAY)
    # Only the types are reported: no rule can be read on unparsed text.
    assert errors_of(report) == [
        ("value", "must have type Int64, not String"),
        ("as_of", "must have type Date, not String"),
    ]


def test_failures_point_at_the_row_or_at_file_and_line() -> None:
    rows = [figure(), figure(figure_id="f2", value=-5)]
    bare = validate_figures(frame(*rows), today=TODAY)
    assert bare.errors == [Failure("error", "must be >= 0", "value", "-5", row=1)]

    located = frame(*rows).with_columns(
        pl.lit("in.csv").alias("_file"), pl.Series("_line", [2, 3], dtype=pl.Int64)
    )
    report = validate_figures(located, today=TODAY)
    assert report.errors == [
        Failure("error", "must be >= 0", "value", "-5", row=1, file="in.csv", line=3)
    ]


def test_every_failing_row_is_reported() -> None:
    rows = [figure(figure_id=f"f{i}", value=-i - 1) for i in range(5)]
    report = validate_figures(frame(*rows), today=TODAY)
    assert [f.row for f in report.errors] == [0, 1, 2, 3, 4]


def test_every_row_failing_a_row_rule_is_reported() -> None:
    # pandera keeps one failure case per dataframe-level rule; the rest come from its output.
    rows = [figure(figure_id=f"f{i}", since=date(2024, 5, 11)) for i in range(5)]
    report = validate_figures(frame(*rows), today=TODAY)
    assert [(f.row, f.column, f.value) for f in report.errors] == [
        (i, "since", "2024-05-11") for i in range(5)
    ]


def test_today_defaults_to_the_local_date() -> None:
    tomorrow = date.fromordinal(date.today().toordinal() + 1)
    report = validate_figures(frame(figure(as_of=tomorrow, published_on=tomorrow)))
    assert {f.column for f in report.errors} == {"as_of", "published_on"}


def test_pandera_alone_lets_bad_values_through_a_lazyframe() -> None:
    # The pitfall this module guards against: a LazyFrame is checked for schema only.
    bad = frame(figure(value=-5, metric="flown")).lazy()
    FiguresModel.validate(bad, lazy=True)  # no error raised: values were never looked at
    with pytest.raises(pa.errors.SchemaErrors):
        FiguresModel.validate(bad.collect(), lazy=True)


def test_validate_figures_rejects_bad_values_in_a_lazyframe() -> None:
    bad = frame(figure(value=-5, metric="flown")).lazy()
    report = validate_figures(bad, today=TODAY)  # type: ignore[arg-type]
    assert {c for c, _ in errors_of(report)} == {"value", "metric"}


def test_an_empty_frame_is_valid() -> None:
    report = validate_figures(frame(), today=TODAY)
    assert report.valid
    assert report.rows == 0
