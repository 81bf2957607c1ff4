"""The line of each series and the headline value the index shows for it.

A series is what one line may join: one district, metric, population group, place (a
settlement, or the district as a whole), housing programme and kind of count. It never
joins different places or different periods:

- a running total (period "cumulative") follows the highest figure stated so far,
  leaving out upper bounds ("at most") where the series has any other figure; a lower
  figure from a second source, or a later lower one, stays a point and cannot pull the
  line down, since a running total does not fall;
- a count at a moment (people remaining, to be evacuated, housed other than as a running
  total) follows the median of the figures of each day, since it can fall;
- counts over a day, one operation or an unstated span are not joined at all (bars or
  points on the charts, their own column on the index).

Every series gets its line, even with a single source.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import polars as pl

from tracker.model import Metric, Period, Qualifier

__all__ = [
    "LINE_RULES",
    "RUNNING",
    "SERIES_KEYS",
    "STOCK",
    "Headline",
    "headlines",
    "latest_counts",
    "series_lines",
]

RUNNING = "running"
STOCK = "stock"
# The rule each kind of line follows, in the words of the page's legend sentence.
LINE_RULES = {
    RUNNING: "highest figure stated so far (a running total does not fall: a lower figure "
    "from another source, or an upper bound, stays a point)",
    STOCK: "median of the figures of each day",
}
SERIES_KEYS = ("district_key", "metric", "population_group", "settlement", "programme", "kind")
_STOCKS = (Metric.REMAINING.value, Metric.TO_EVACUATE.value)
_COUNTED_OVER = (Period.DAY.value, Period.SINGLE_OPERATION.value, Period.UNKNOWN.value)


@dataclass(frozen=True)
class Headline:
    """The latest value of one series as the index shows it, with what it changed from."""

    value: float
    low: int
    high: int
    qualifier: str | None
    as_of: date
    place: str | None
    other_places: int
    sources: int
    previous_value: float | None
    previous_day: date | None
    programmes: int
    days: tuple[date, ...]
    values: tuple[float, ...]


def _kind() -> pl.Expr:
    """`running`, `stock`, or null for counts over a window (never joined by a line)."""
    metric, period = pl.col("metric"), pl.col("period")
    return (
        pl.when(metric.is_in(_STOCKS))
        .then(pl.lit(STOCK))
        .when(period == Period.CUMULATIVE.value)
        .then(pl.lit(RUNNING))
        .when(metric == Metric.HOUSED.value)
        .then(pl.lit(STOCK))
    )


def series_lines(prepared: pl.DataFrame) -> pl.DataFrame:
    """Return one row per series and day with a figure: the line's `value` that day.

    Columns: SERIES_KEYS, `as_of`, `stated_on` (the day the line's value was stated:
    earlier than `as_of` where a running total's later figures were lower), `value` (the
    line), `low` and `high` (the figures the rule used that day), `qualifier` (of the
    figure that set the value, null where a day's median mixes several), `sources`
    (distinct sources that day). `prepared` is data.prepare's output; rows come sorted
    by series and day.
    """
    keys = list(SERIES_KEYS)
    frame = prepared.with_columns(kind=_kind()).filter(pl.col("kind").is_not_null())
    credible = pl.col("qualifier") != Qualifier.AT_MOST.value
    frame = frame.filter((pl.col("kind") == STOCK) | credible | ~credible.any().over(keys))
    daily = (
        frame.group_by([*keys, "as_of"])
        .agg(
            low=pl.col("value").min(),
            high=pl.col("value").max(),
            median=pl.col("value").median(),
            top_qualifier=pl.col("qualifier").sort_by("value").last(),
            qualifiers=pl.col("qualifier").n_unique(),
            sources=pl.col("source_name").n_unique(),
        )
        .sort([*keys, "as_of"], nulls_last=True)
    )
    running_max = pl.col("high").cum_max().over(keys)
    sets_max = pl.col("high") == running_max
    running = pl.col("kind") == RUNNING
    return daily.with_columns(
        value=pl.when(running).then(running_max.cast(pl.Float64)).otherwise(pl.col("median")),
        qualifier=pl.when(running)
        .then(pl.when(sets_max).then(pl.col("top_qualifier")).forward_fill().over(keys))
        .when(pl.col("qualifiers") == 1)
        .then(pl.col("top_qualifier")),
        stated_on=pl.when(running)
        .then(pl.when(sets_max).then(pl.col("as_of")).forward_fill().over(keys))
        .otherwise(pl.col("as_of")),
    ).select(*keys, "as_of", "stated_on", "value", "low", "high", "qualifier", "sources")


def _chosen_places(lines: pl.DataFrame) -> pl.DataFrame:
    """Per district, metric, group and kind: the place the index shows (the district as a
    whole where it has figures, else the place with the latest, then highest, figure) and
    how many other places have figures."""
    by = ["district_key", "metric", "population_group", "kind"]
    places = (
        lines.group_by([*by, "settlement"])
        .agg(last_day=pl.col("as_of").max(), last_high=pl.col("high").last())
        .sort(
            [*by, pl.col("settlement").is_not_null(), "last_day", "last_high", "settlement"],
            descending=[False] * len(by) + [False, True, True, False],
            nulls_last=True,
        )
    )
    return places.group_by(by, maintain_order=True).agg(
        pl.col("settlement").first(), other_places=pl.len() - 1
    )


def headlines(lines: pl.DataFrame) -> dict[str, dict[tuple[str, str], Headline]]:
    """Return, per district key, the headline of each (metric, group) from `series_lines`.

    A headline is one place's latest line value (see _chosen_places), never a range over
    places; running totals are preferred to counts at a moment. For housing, the
    programmes' latest values at that place are added up and no change is given when
    there are several. `previous_*` is the line's value on its previous day with a figure;
    `days` and `values` are the whole line (of the first programme, for housing).
    """
    by = ["district_key", "metric", "population_group"]
    kind_rank = pl.col("kind").replace_strict({RUNNING: 0, STOCK: 1}, return_dtype=pl.Int8)
    chosen = _chosen_places(lines).filter(kind_rank == kind_rank.min().over(by))
    rows = lines.join(
        chosen, on=[*by, "kind", "settlement"], nulls_equal=True, maintain_order="left"
    )
    per_programme = rows.group_by([*by, "programme"]).agg(
        pl.col("value", "low", "high", "qualifier", "as_of", "stated_on", "sources").last(),
        previous_value=pl.col("value").shift(1).last(),
        previous_day=pl.col("as_of").shift(1).last(),
        place=pl.col("settlement").first(),
        other_places=pl.col("other_places").first(),
        days=pl.col("as_of"),
        values=pl.col("value"),
    )
    summed = per_programme.group_by(by).agg(
        pl.col("value", "low", "high").sum(),
        qualifier=pl.when(pl.col("qualifier").n_unique() == 1).then(pl.col("qualifier").first()),
        as_of=pl.col("stated_on").max(),
        place=pl.col("place").first(),
        other_places=pl.col("other_places").first(),
        sources=pl.col("sources").max(),
        previous_value=pl.col("previous_value").first(),
        previous_day=pl.col("previous_day").first(),
        programmes=pl.len(),
        days=pl.col("days").first(),
        values=pl.col("values").first(),
    )
    result: dict[str, dict[tuple[str, str], Headline]] = {}
    for row in summed.sort(by).iter_rows(named=True):
        key = row.pop("district_key")
        metric, group = row.pop("metric"), row.pop("population_group")
        if row["programmes"] > 1:
            row["previous_value"] = row["previous_day"] = None
        row["days"], row["values"] = tuple(row["days"]), tuple(row["values"])
        result.setdefault(key, {})[(metric, group)] = Headline(**row)
    return result


def latest_counts(prepared: pl.DataFrame) -> dict[str, dict[str, object]]:
    """Return, per district key, its latest count of people evacuated over a day, one
    operation or an unstated span: value, qualifier, period, day and place.

    The district as a whole is preferred to a settlement on the latest day, people to
    children, then the highest figure; one figure, never a range.
    """
    counts = prepared.filter(
        (pl.col("metric") == Metric.EVACUATED.value) & pl.col("period").is_in(_COUNTED_OVER)
    )
    latest = (
        counts.sort(
            [
                "district_key",
                "as_of",
                pl.col("settlement").is_null(),
                pl.col("population_group") == "people",
                "value",
            ],
            descending=[False, True, True, True, True],
        )
        .group_by("district_key", maintain_order=True)
        .first()
    )
    columns = ["value", "qualifier", "period", "as_of", "population_group", "settlement"]
    return {
        row["district_key"]: {name: row[name] for name in columns}
        for row in latest.iter_rows(named=True)
    }
