"""Large figure files built for tests, vectorised (a million rows in well under a second)."""

from __future__ import annotations

from datetime import date

import polars as pl


def izium_figures(rows: int) -> pl.DataFrame:
    """Return `rows` distinct, valid figures about Izium as text cells, a source per
    thousand rows, as a CSV file holds them."""
    index = pl.int_range(rows, eager=True)
    return pl.DataFrame({"i": index}).select(
        pl.lit("evacuated").alias("metric"),
        pl.lit("people").alias("population_group"),
        (pl.col("i") % 1000).cast(pl.String).alias("value"),
        pl.lit("exact").alias("qualifier"),
        pl.lit("Izium").alias("location"),
        (pl.lit(date(2020, 1, 1)) + pl.duration(days=pl.col("i") % 1500))
        .cast(pl.String)
        .alias("as_of"),
        pl.format("Source {}", pl.col("i") // 1000).alias("source_name"),
    )
