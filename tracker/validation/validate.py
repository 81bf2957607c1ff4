"""Validate a frame of figures: pandera for the errors, polars queries for the warnings."""

from __future__ import annotations

from datetime import date

import pandera.errors as pa_errors
import pandera.polars as pa
import polars as pl

from tracker.validation.figures_model import check_words, figures_schema, rule_named
from tracker.validation.locate import failures_from_frame
from tracker.validation.report import EMPTY_VALUE_RULE, ValidationReport
from tracker.validation.rules import complete_columns
from tracker.validation.warning_rules import warning_cases

__all__ = ["MISSING_COLUMN_RULE", "UNKNOWN_COLUMN_RULE", "validate_figures"]

UNKNOWN_COLUMN_RULE = "is not a column of the figures table"
MISSING_COLUMN_RULE = "is required but missing"

_CASES_SCHEMA = {"row": pl.Int64, "column": pl.String, "value": pl.String, "rule": pl.String}
_LOCATION_COLUMNS = ("_file", "_line")


def validate_figures(
    frame: pl.DataFrame, *, history: pl.DataFrame | None = None, today: date | None = None
) -> ValidationReport:
    """Return the report of every rule `frame` breaks: errors first, then warnings.

    `frame` holds figures with the model's dtypes (see parse_figures). Columns whose name
    starts with `_` are not validated; `_file` and `_line` locate each failure. `history`
    (figures already stored) is compared with, never reported on. Dates are checked
    against `today` (default: the local date). A LazyFrame is collected first: pandera
    checks only the schema of a LazyFrame, and bad values would pass.
    """
    if isinstance(frame, pl.LazyFrame):
        frame = frame.collect()
    data = frame.select(c for c in frame.columns if not c.startswith("_"))
    errors = _error_cases(data, today or date.today())
    warnings = warning_cases(data, history) if _has_model_dtypes(data) else _no_cases()
    return ValidationReport(
        failures=[
            *failures_from_frame(_locate(errors, frame), "error"),
            *failures_from_frame(_locate(warnings, frame), "warning"),
        ],
        rows=frame.height,
    )


def _has_model_dtypes(data: pl.DataFrame) -> bool:
    """Return True when the comparisons of the warnings can run on `data`."""
    from tracker.model import polars_schema

    schema = polars_schema()
    return all(dtype == schema[name] for name, dtype in data.schema.items() if name in schema)


def _no_cases() -> pl.DataFrame:
    return pl.DataFrame(schema=_CASES_SCHEMA)


def _locate(cases: pl.DataFrame, frame: pl.DataFrame) -> pl.DataFrame:
    """Return `cases` with the `_file` and `_line` of their row, when `frame` has them."""
    located = [c for c in _LOCATION_COLUMNS if c in frame.columns]
    if not located or cases.is_empty():
        return cases
    places = frame.select(located).with_row_index("row").with_columns(pl.col("row").cast(pl.Int64))
    return cases.join(places, on="row", how="left", maintain_order="left")


def _error_cases(data: pl.DataFrame, today: date) -> pl.DataFrame:
    """Return one row (row, column, value, rule) per error pandera finds in `data`."""
    schema = figures_schema(today)
    try:
        schema.validate(data, lazy=True)
    except pa_errors.SchemaErrors as exc:
        return _describe(exc.failure_cases, schema, data, today)
    return _no_cases()


def _describe(
    cases: pl.DataFrame, schema: pa.DataFrameSchema, data: pl.DataFrame, today: date
) -> pl.DataFrame:
    """Return pandera's failure cases as rows (row, column, value, rule) in words."""
    keys = ["schema_context", "column", "check", "check_number"]
    parts = [
        _describe_group(group, schema, data, today, context, column, check, number)
        for (context, column, check, number), group in cases.group_by(keys, maintain_order=True)
    ]
    described = pl.concat([p.cast(_CASES_SCHEMA) for p in parts]) if parts else _no_cases()  # type: ignore[arg-type]
    return described.sort("row", nulls_last=False, maintain_order=True)


def _describe_group(
    group: pl.DataFrame,
    schema: pa.DataFrameSchema,
    data: pl.DataFrame,
    today: date,
    context: object,
    column: object,
    check: object,
    number: object,
) -> pl.DataFrame:
    """Return the rows of one pandera check's failures, worded."""
    row = pl.col("index").cast(pl.Int64).alias("row")
    case = pl.col("failure_case")
    if check in ("column_in_schema", "column_in_dataframe"):
        words = UNKNOWN_COLUMN_RULE if check == "column_in_schema" else MISSING_COLUMN_RULE
        return group.select(
            row, case.alias("column"), pl.lit(None).alias("value"), pl.lit(words).alias("rule")
        )
    if context == "Column" and str(check).startswith("dtype("):
        words = (
            f"must have type {schema.columns[str(column)].dtype}, not {group['failure_case'][0]}"
        )
        return group.select(
            row,
            pl.lit(column).alias("column"),
            pl.lit(None).alias("value"),
            pl.lit(words).alias("rule"),
        )
    if check == "not_nullable":
        return group.select(
            row,
            pl.lit(column).alias("column"),
            pl.lit(None).alias("value"),
            pl.lit(EMPTY_VALUE_RULE).alias("rule"),
        )
    if number is None or group["index"].is_null().all():
        words = f"could not be checked ({check}): {group['failure_case'][0]}"
        column_name = column if context == "Column" else None
        return group.select(
            row,
            pl.lit(column_name).alias("column"),
            pl.lit(None).alias("value"),
            pl.lit(words).alias("rule"),
        )
    if context == "Column":
        words = check_words(schema.columns[str(column)].checks[int(str(number))])
        return group.select(
            row, pl.lit(column).alias("column"), case.alias("value"), pl.lit(words).alias("rule")
        )
    return _describe_row_rule(group, schema.checks[int(str(number))], data, today)


def _describe_row_rule(
    group: pl.DataFrame, check: pa.Check, data: pl.DataFrame, today: date
) -> pl.DataFrame:
    """Return the failures of a dataframe-level rule, worded with each row's values."""
    rule = rule_named(str(check.name), today)
    rows = group.get_column("index").cast(pl.Int64)
    if rule is None:
        return pl.DataFrame({"row": rows, "column": None, "value": None, "rule": str(check.error)})
    worded = (
        complete_columns(data.lazy())
        .select(
            pl.col(rule.column).cast(pl.String).alias("value"),
            (rule.detail if rule.detail is not None else pl.lit(rule.words)).alias("rule"),
        )
        .collect()
        .select(pl.all().gather(rows))
    )
    return worded.select(
        pl.Series("row", rows), pl.lit(rule.column).alias("column"), "value", "rule"
    )
