"""Turn raw cells (text from CSV, or native values from Parquet and JSON) into typed columns.

Every cell is cast at once with `strict=False`; a cell that held something but came out
null did not parse, and becomes one Failure. Nothing loops over rows in Python.
"""

from __future__ import annotations

import polars as pl

from tracker.model import COLUMN_NAMES, Kind, column, polars_schema
from tracker.validation.locate import failures_from_frame
from tracker.validation.report import Failure

__all__ = ["PARSE_RULES", "parse_figures"]

# What a cell of each kind must look like, in the words a failure uses.
PARSE_RULES: dict[Kind, str] = {
    "int": "must be a whole number",
    "date": "must be a date YYYY-MM-DD",
    "datetime": "must be an ISO 8601 date and time, e.g. 2024-05-10T14:30:00Z",
    "str": "must be text",
    "enum": "must be text",
}

_ROW = "_parse_row"


def parse_figures(raw: pl.DataFrame) -> tuple[pl.DataFrame, list[Failure]]:
    """Return `raw` cast to the model's dtypes, and one Failure per cell that did not parse.

    `raw` holds any subset of the model's columns, as text or native values. Cells that
    do not parse become null. Other columns (unknown ones, `_`-prefixed metadata) are
    passed through untouched; `_file` and `_line`, when present, locate each failure.
    """
    names = [n for n in raw.columns if n in COLUMN_NAMES]
    schema = polars_schema()
    parsed = raw.with_columns(_cast(raw.schema[n], n, schema[n]).alias(n) for n in names)
    marked = raw.with_row_index(_ROW).with_columns(
        (_present(raw.schema[n], n) & parsed.get_column(n).is_null()).alias(_mark(n)) for n in names
    )
    return parsed, _failures(marked, names)


def _mark(name: str) -> str:
    return f"_unparsed_{name}"


def _present(dtype: pl.DataType, name: str) -> pl.Expr:
    """Return True where the raw cell holds something (blank text counts as empty)."""
    if dtype == pl.String:
        return pl.col(name).str.strip_chars().str.len_chars() > 0
    return pl.col(name).is_not_null()


def _cast(source: pl.DataType, name: str, target: pl.DataType) -> pl.Expr:
    """Return the expression that casts raw column `name` to `target`, null where it fails."""
    cell = pl.col(name)
    if source == target:
        return cell
    kind = column(name).kind
    if source == pl.String:
        return _from_text(cell, kind, target)
    if kind == "int" and source.is_float():
        # 12.0 is a whole number; 12.5 is not, and a plain cast would truncate it.
        return pl.when(cell == cell.floor()).then(cell.cast(target, strict=False))
    if kind == "datetime" and isinstance(source, pl.Datetime) and source.time_zone is None:
        return cell.dt.replace_time_zone("UTC").cast(target, strict=False)
    if not _castable(source, kind):
        # A number is not a date (20240510 would become a day in 57,000 AD), nor is a
        # boolean a count: every present cell of such a column fails.
        return pl.lit(None, target)
    return cell.cast(target, strict=False)


def _castable(source: pl.DataType, kind: Kind) -> bool:
    """Return True when a native `source` column can stand for values of `kind`."""
    if kind == "int":
        return source.is_integer() or source.is_float() or isinstance(source, pl.Null)
    if kind in ("date", "datetime"):
        return isinstance(source, pl.Date | pl.Datetime | pl.Null)
    return True


def _from_text(cell: pl.Expr, kind: Kind, target: pl.DataType) -> pl.Expr:
    text = cell.str.strip_chars()
    if kind == "int":
        return text.cast(target, strict=False)
    if kind == "date":
        return text.str.to_date("%Y-%m-%d", strict=False)
    if kind == "datetime":
        return text.str.to_datetime(time_unit="us", time_zone="UTC", strict=False)
    return cell


_WHOLE_NUMBER = r"^\s*[+-]?[0-9]+\s*$"


def _rule(name: str) -> pl.Expr:
    """Return the rule a cell of `name` broke: a whole number too long to be any count is
    out of range, not malformed."""
    kind = column(name).kind
    rule = pl.lit(PARSE_RULES[kind])
    if kind != "int":
        return rule
    digits = pl.col(name).cast(pl.String).str.contains(_WHOLE_NUMBER)
    return pl.when(digits).then(pl.lit("is out of range (too large to be a count)")).otherwise(rule)


def _failures(marked: pl.DataFrame, names: list[str]) -> list[Failure]:
    """Return one Failure per marked cell, with the raw value as written."""
    located = [c for c in marked.columns if c in ("_file", "_line")]
    parts = [
        marked.filter(pl.col(_mark(n))).select(
            pl.col(_ROW).alias("row"),
            *located,
            pl.lit(n).alias("column"),
            pl.col(n).cast(pl.String).alias("value"),
            _rule(n).alias("rule"),
        )
        for n in names
        if marked.get_column(_mark(n)).any()
    ]
    if not parts:
        return []
    return failures_from_frame(pl.concat(parts), "error")
