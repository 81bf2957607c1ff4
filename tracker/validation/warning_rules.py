"""Rules whose failures are warnings: reported, never blocking a write.

They compare new figures with what is already stored (`history`), so they run as plain
polars queries over both rather than as pandera checks of one frame.
"""

from __future__ import annotations

import polars as pl

from tracker.model import COLUMN_NAMES, Metric, Period, PlaceMatch
from tracker.validation.rules import complete_columns

__all__ = ["MIN_FIGURES_FOR_MEDIAN", "OUTLIER_FACTOR", "WARNING_RULES", "warning_cases"]

# A value this many times above or below the district's median is flagged.
OUTLIER_FACTOR = 10
# Fewer figures than this make no median worth comparing with.
MIN_FIGURES_FOR_MEDIAN = 3

WARNING_RULES: tuple[str, ...] = (
    "a place matched fuzzily to the gazetteer is named, so that someone checks it",
    "a cumulative evacuated figure for one district (admin2_pcode, else location) and "
    "population group must not be lower than one reported for an earlier day "
    "(stored figures included)",
    f"a value more than {OUTLIER_FACTOR}x above or below the median of the district's "
    "figures of the same metric, population group and period (stored figures plus this "
    f"batch, when there are at least {MIN_FIGURES_FOR_MEDIAN}) is flagged",
)

_ROW = "_row"
_NEW = "_new"
_DISTRICT = "_district"
_CASE_COLUMNS = ("row", "column", "value", "rule")


def warning_cases(frame: pl.DataFrame, history: pl.DataFrame | None) -> pl.DataFrame:
    """Return one row (row, column, value, rule) per warning about a row of `frame`.

    `frame` and `history` hold model columns with model dtypes; `history` is what is
    already stored, used for comparison only and never warned about.
    """
    new = (
        complete_columns(frame.lazy())
        .with_row_index(_ROW)
        .select(_ROW, *COLUMN_NAMES, pl.lit(value=True).alias(_NEW))
    )
    both = new
    if history is not None and history.height:
        old = complete_columns(history.lazy()).select(
            pl.lit(None, pl.UInt32).alias(_ROW), *COLUMN_NAMES, pl.lit(value=False).alias(_NEW)
        )
        both = pl.concat([new, old], how="vertical_relaxed")
    both = both.with_columns(pl.coalesce("admin2_pcode", "location").alias(_DISTRICT))
    cases = [_fuzzy_places(new), _cumulative_drops(both), _outliers(both)]
    return pl.concat(pl.collect_all(cases)).sort("row", maintain_order=True)


def _fuzzy_places(new: pl.LazyFrame) -> pl.LazyFrame:
    name = pl.coalesce("settlement", "admin2_name", "admin1_name").fill_null("a place")
    code = pl.coalesce("admin2_pcode", "admin1_pcode")
    code_words = pl.when(code.is_not_null()).then(pl.format(" ({})", code)).otherwise(pl.lit(""))
    return new.filter(pl.col("place_match") == PlaceMatch.FUZZY.value).select(
        pl.col(_ROW).alias("row"),
        pl.lit("location").alias("column"),
        pl.col("location").alias("value"),
        pl.concat_str(
            pl.lit("place was matched fuzzily to "), name, code_words, pl.lit("; check it")
        ).alias("rule"),
    )


def _cumulative_drops(both: pl.LazyFrame) -> pl.LazyFrame:
    keys = [_DISTRICT, "population_group"]
    series = both.filter(
        (pl.col("metric") == Metric.EVACUATED.value)
        & (pl.col("period") == Period.CUMULATIVE.value)
        & pl.col("value").is_not_null()
        & pl.col("as_of").is_not_null()
    )
    earlier = (
        series.group_by([*keys, "as_of"])
        .agg(pl.col("value").max().alias("_day_max"))
        .sort([*keys, "as_of"])
        .with_columns(pl.col("_day_max").cum_max().shift(1).over(keys).alias("_earlier_max"))
    )
    return (
        series.filter(pl.col(_NEW))
        .join(earlier, on=[*keys, "as_of"], how="left", nulls_equal=True)
        .filter(pl.col("value") < pl.col("_earlier_max"))
        .select(
            pl.col(_ROW).alias("row"),
            pl.lit("value").alias("column"),
            pl.col("value").cast(pl.String).alias("value"),
            pl.format(
                "cumulative evacuated {} in {} went down: {} was reported for an earlier day",
                pl.col("population_group"),
                pl.col(_DISTRICT),
                pl.col("_earlier_max"),
            ).alias("rule"),
        )
    )


def _outliers(both: pl.LazyFrame) -> pl.LazyFrame:
    keys = [_DISTRICT, "metric", "population_group", "period"]
    value = pl.col("value")
    median = value.median().over(keys)
    count = value.count().over(keys)
    typical = pl.col("_median")
    far = (value > typical * OUTLIER_FACTOR) | (value * OUTLIER_FACTOR < typical)
    # Negative values are errors already; a median over them means nothing.
    return (
        both.filter(value >= 0)
        .with_columns(median.alias("_median"), count.alias("_count"))
        .filter(pl.col(_NEW) & (pl.col("_count") >= MIN_FIGURES_FOR_MEDIAN) & far)
        .select(
            pl.col(_ROW).alias("row"),
            pl.lit("value").alias("column"),
            value.cast(pl.String).alias("value"),
            pl.format(
                "is more than {}x away from the median ({}) of {} {} {} figures in {}",
                pl.lit(OUTLIER_FACTOR),
                pl.col("_median"),
                pl.col("metric"),
                pl.col("population_group"),
                pl.col("period"),
                pl.col(_DISTRICT),
            ).alias("rule"),
        )
    )
