"""Turn partial figure rows into complete rows of the figures table.

Every write path (manual entry, file import, extraction) ends here, so ids, defaults and
column order are decided once.
"""

from __future__ import annotations

from datetime import UTC, datetime

import polars as pl

from tracker.model import (
    COLUMN_NAMES,
    FIGURE_KEY_COLUMNS,
    KEY_NULL,
    KEY_SEPARATOR,
    Period,
    polars_schema,
)

__all__ = ["CLAIM_KEY_COLUMNS", "complete_figures", "empty_figures", "metadata_columns"]

# What makes two rows the same claim, whoever reported it: the place key is the
# P-code where known, else the settlement, else the place as written.
CLAIM_KEY_COLUMNS: tuple[str, ...] = (
    "metric",
    "population_group",
    "value",
    "qualifier",
    "_claim_place",
    "as_of",
    "since",
)


def empty_figures() -> pl.DataFrame:
    """Return an empty figures frame with every model column and dtype."""
    return pl.DataFrame(schema=polars_schema())


def metadata_columns(frame: pl.DataFrame) -> list[str]:
    """Return the passthrough columns of `frame` (names starting with `_`), in order."""
    return [name for name in frame.columns if name.startswith("_")]


def complete_figures(
    frame: pl.DataFrame, *, method: str, recorded_at: datetime | None = None
) -> pl.DataFrame:
    """Return `frame` as complete figure rows: model columns, dtypes and order.

    Missing nullable columns become null; method, recorded_at, period and published_on
    are filled where empty; figure_id and claim_id are computed where empty. Columns
    whose name starts with `_` are kept at the end, untouched.
    """
    schema = polars_schema()
    stamp = (recorded_at or datetime.now(UTC)).astimezone(UTC)
    frame = frame.with_columns(
        pl.lit(None, dtype).alias(name)
        for name, dtype in schema.items()
        if name not in frame.columns
    )
    frame = frame.with_columns(
        pl.col(name).cast(dtype, strict=False) for name, dtype in schema.items()
    )
    frame = frame.with_columns(
        pl.col("method").fill_null(method),
        pl.col("recorded_at").fill_null(pl.lit(stamp, schema["recorded_at"])),
        pl.col("period").fill_null(Period.UNKNOWN.value),
        pl.col("published_on").fill_null(pl.col("as_of")),
    )
    claim_place = pl.coalesce(
        pl.col("admin2_pcode"), pl.col("settlement"), pl.col("location").str.to_lowercase()
    )
    # Both keys, then both digests, in one context each: polars runs them in parallel.
    frame = frame.with_columns(claim_place.alias("_claim_place")).with_columns(
        _key(FIGURE_KEY_COLUMNS).alias("_figure_key"), _key(CLAIM_KEY_COLUMNS).alias("_claim_key")
    )
    frame = frame.with_columns(
        pl.col("figure_id").fill_null(_digest("_figure_key", "f")),
        pl.col("claim_id").fill_null(_digest("_claim_key", "c")),
    )
    return frame.select([*COLUMN_NAMES, *metadata_columns(frame)]).drop(
        "_claim_place", "_figure_key", "_claim_key"
    )


def _key(columns: tuple[str, ...]) -> pl.Expr:
    """Return the text model.stable_digest hashes for a row: its key values joined."""
    return pl.concat_str(
        [pl.col(c).cast(pl.String).fill_null(KEY_NULL) for c in columns], separator=KEY_SEPARATOR
    )


def _digest(key_column: str, prefix: str) -> pl.Expr:
    """Return model.stable_digest of `key_column`'s text: prefix + 16 hex digits of SHA-256.

    polars-hash computes the same SHA-256 as hashlib, vectorised; polars' own hash is
    not promised to stay the same across versions, and these ids are stored for good.
    """
    import polars_hash as plh

    return prefix + plh.col(key_column).chash.sha2_256().str.slice(0, 16)
