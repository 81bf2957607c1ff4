"""Turn a frame of failures (one row each) into Failure values, located in their files."""

from __future__ import annotations

import polars as pl

from tracker.validation.report import Failure, Severity

__all__ = ["failures_from_frame"]


def failures_from_frame(failures: pl.DataFrame, severity: Severity) -> list[Failure]:
    """Return a Failure per row of `failures`.

    `failures` has the columns rule, and any of row, column, value, _file and _line
    (absent ones are taken as unknown).
    """
    wanted = {
        "rule": pl.String,
        "column": pl.String,
        "value": pl.String,
        "row": pl.Int64,
        "_file": pl.String,
        "_line": pl.Int64,
    }
    frame = failures.select(
        (pl.col(n) if n in failures.columns else pl.lit(None)).cast(t).alias(n)
        for n, t in wanted.items()
    )
    return [
        Failure(
            severity=severity,
            rule=rule,
            column=col,
            value=value,
            row=row,
            file=file,
            line=line,
        )
        for rule, col, value, row, file, line in frame.iter_rows()
    ]
