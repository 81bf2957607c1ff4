"""Validate a frame of figures: pandera for the errors, polars queries for the warnings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandera.errors as pa_errors
import pandera.polars as pa
import polars as pl

from tracker.model import polars_schema
from tracker.validation.figures_model import check_words, figures_schema, rule_named
from tracker.validation.locate import failures_from_frame
from tracker.validation.report import EMPTY_VALUE_RULE, ValidationReport
from tracker.validation.rules import complete_columns
from tracker.validation.warning_rules import warning_cases

__all__ = ["MISSING_COLUMN_RULE", "UNKNOWN_COLUMN_RULE", "validate_figures"]

UNKNOWN_COLUMN_RULE = "is not a column of the figures table"
MISSING_COLUMN_RULE = "is required but missing"

_CASES_SCHEMA = pl.Schema(
    {"row": pl.Int64(), "column": pl.String(), "value": pl.String(), "rule": pl.String()}
)
_LOCATION_COLUMNS = ("_file", "_line")
_WRONG_TYPE = "must have type"
_UNCHECKED = "could not be checked"


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
        found = _Findings(schema, data, today, _rule_failures(exc))
        return _describe(exc.failure_cases, found)
    return _no_cases()


@dataclass(frozen=True)
class _Findings:
    """What pandera ran and found: what the wording of its failure cases needs."""

    schema: pa.DataFrameSchema
    data: pl.DataFrame
    today: date
    rule_rows: dict[str, pl.Series]  # every failing row of each dataframe-level rule


@dataclass(frozen=True)
class _CheckKey:
    """Which pandera check a group of failure cases comes from."""

    context: str
    column: str | None
    name: str
    number: int | None


def _rule_failures(exc: pa_errors.SchemaErrors) -> dict[str, pl.Series]:
    """Return the failing rows of each dataframe-level rule, read from its full output.

    pandera keeps one failure case of those rules (n_failure_cases=1): it would turn
    every failing row into JSON in Python, seconds for 100,000 rows.
    """
    found: dict[str, pl.Series] = {}
    for error in exc.schema_errors:
        output, check = error.check_output, error.check
        if (
            isinstance(error.schema, pa.DataFrameSchema)
            and isinstance(check, pa.Check)
            and isinstance(output, pl.DataFrame)
            and output.width == 1
        ):
            failed = output.with_row_index("row").filter(~pl.col(output.columns[0]))
            found[str(check.name)] = failed.get_column("row").cast(pl.Int64)
    return found


def _describe(cases: pl.DataFrame, found: _Findings) -> pl.DataFrame:
    """Return pandera's failure cases as rows (row, column, value, rule) in words."""
    keys = ["schema_context", "column", "check", "check_number"]
    parts = [
        _describe_group(
            _CheckKey(str(context), _text(column), str(name), _number(number)), group, found
        )
        for (context, column, name, number), group in cases.group_by(keys, maintain_order=True)
    ]
    described = pl.concat([p.cast(_CASES_SCHEMA) for p in parts]) if parts else _no_cases()
    if described.get_column("rule").str.starts_with(_WRONG_TYPE).any():
        # Rules cannot be read on a column of the wrong type; the type error says it all.
        described = described.filter(~pl.col("rule").str.starts_with(_UNCHECKED))
    return described.sort("row", nulls_last=False, maintain_order=True)


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _number(value: object) -> int | None:
    return None if value is None else int(str(value))


def _worded(
    group: pl.DataFrame, column: str | pl.Expr | None, rule: str, value: pl.Expr | None = None
) -> pl.DataFrame:
    """Return one case per failure of `group`, all with the same column and rule."""
    return group.select(
        pl.col("index").cast(pl.Int64).alias("row"),
        (column if isinstance(column, pl.Expr) else pl.lit(column, pl.String)).alias("column"),
        (pl.lit(None, pl.String) if value is None else value).alias("value"),
        pl.lit(rule, pl.String).alias("rule"),
    )


def _describe_group(check: _CheckKey, group: pl.DataFrame, found: _Findings) -> pl.DataFrame:
    """Return the failures of one pandera check, worded."""
    case = pl.col("failure_case")
    first_case = group.get_column("failure_case")[0]
    if check.name == "column_in_schema":
        return _worded(group, case, UNKNOWN_COLUMN_RULE)
    if check.name == "column_in_dataframe":
        return _worded(group, case, MISSING_COLUMN_RULE)
    if check.name == "not_nullable":
        return _worded(group, check.column, EMPTY_VALUE_RULE)
    if check.context == "Column" and check.name.startswith("dtype("):
        expected = found.schema.columns[check.column].dtype
        return _worded(group, check.column, f"{_WRONG_TYPE} {expected}, not {first_case}")
    if check.number is None or group.get_column("index").is_null().all():
        # A check that raised instead of answering: pandera gives the error as the case.
        column = check.column if check.context == "Column" else None
        reason = str(first_case).splitlines()[0]
        return _worded(group, column, f"{_UNCHECKED} ({check.name}): {reason}")
    if check.context == "Column":
        words = check_words(found.schema.columns[check.column].checks[check.number])
        return _worded(group, check.column, words, value=case)
    return _describe_row_rule(group, found.schema.checks[check.number], found)


def _describe_row_rule(group: pl.DataFrame, check: pa.Check, found: _Findings) -> pl.DataFrame:
    """Return the failures of a dataframe-level rule, worded with each row's values."""
    rule = rule_named(str(check.name), found.today)
    if rule is None:
        return _worded(group, None, str(check.error))
    rows = found.rule_rows.get(rule.name, group.get_column("index").cast(pl.Int64))
    # Windows first (they need every row), then word only the failing rows.
    return (
        complete_columns(found.data.lazy())
        .with_columns(rule.context)
        .with_row_index("row")
        .filter(pl.col("row").is_in(rows.cast(pl.UInt32).implode()))
        .select(
            pl.col("row").cast(pl.Int64),
            pl.lit(rule.column, pl.String).alias("column"),
            pl.col(rule.column).cast(pl.String).alias("value"),
            (rule.detail if rule.detail is not None else pl.lit(rule.words)).alias("rule"),
        )
        .collect()
    )
