"""The index's rows: the cells each district shows, its sparkline, and the index CSV.

Each cell shows one series of one place (series.headlines), never a range over places
or periods: running totals, counts at a moment and counts over a day or an operation
have columns of their own. The CSV beside the index lists every value a row shows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import polars as pl

from tracker.report.series import Headline

__all__ = ["INDEX_COLUMNS", "INDEX_CSV", "change_text", "index_csv", "sparkline"]

INDEX_CSV = "index.csv"
# Column id -> (metric, group, what the column holds), in the order of the index.
INDEX_COLUMNS: dict[str, tuple[str, str, str]] = {
    "evacuated": ("evacuated", "people", "people evacuated, running total"),
    "evacuated_children": ("evacuated", "children", "children evacuated, running total"),
    "remaining": ("remaining", "people", "people remaining"),
    "to_evacuate": ("to_evacuate", "people", "people to be evacuated"),
    "housed": ("housed", "people", "people housed (programmes added up)"),
}
SPARK_WIDTH = 100
SPARK_HEIGHT = 24


def _number(value: float) -> str:
    return f"{round(value):,}"


def change_text(headline: Headline | None) -> str:
    """Return the change of `headline` since its previous report, e.g. "+1,062", or ""."""
    if headline is None or headline.previous_value is None:
        return ""
    change = round(headline.value - headline.previous_value)
    return f"{change:+,}".replace("-", "\u2212")


def sparkline(headline: Headline | None) -> dict[str, str] | None:
    """Return the SVG polyline `points` of a headline's line scaled from zero into a
    SPARK_WIDTH x SPARK_HEIGHT box, with its `first` and `last` values and dates as text;
    None without a headline."""
    if headline is None or not headline.days:
        return None
    days, values = headline.days, headline.values
    first_day = days[0].toordinal()
    span = days[-1].toordinal() - first_day
    top = max(values) or 1.0
    points = " ".join(
        f"{(day.toordinal() - first_day) * SPARK_WIDTH / span if span else SPARK_WIDTH / 2:.1f},"
        f"{SPARK_HEIGHT - value * SPARK_HEIGHT / top:.1f}"
        for day, value in zip(days, values, strict=True)
    )
    return {
        "points": points,
        "first": f"{days[0].isoformat()}: {_number(values[0])}",
        "last": f"{days[-1].isoformat()}: {_number(values[-1])}",
    }


def _headline_rows(district: Mapping[str, Any]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for column, (metric, group, words) in INDEX_COLUMNS.items():
        headline: Headline | None = district["headlines"].get(column)
        if headline is None:
            continue
        rows.append(
            {
                "shown_as": words,
                "metric": metric,
                "population_group": group,
                "period": None,
                "value": headline.value,
                "qualifier": headline.qualifier,
                "as_of": headline.as_of,
                "place": headline.place,
                "previous_value": headline.previous_value,
                "previous_day": headline.previous_day,
                "sources": headline.sources,
            }
        )
        if column == "evacuated":
            # The sparkline's ends, as its text gives them; the district page has the rest.
            ends = sorted({0, len(headline.days) - 1})
            trend = {"shown_as": "trend of " + words, "metric": metric, "population_group": group}
            rows += [
                trend
                | {"value": headline.values[i], "as_of": headline.days[i]}
                | {"place": headline.place}
                for i in ends
            ]
    return rows


def index_csv(districts: Sequence[Mapping[str, Any]]) -> pl.DataFrame:
    """Return one row per value the index shows (headline cells, the latest count over a
    day or operation, the first and last point of the sparkline), with district and page."""
    rows: list[dict[str, Any]] = []
    for district in districts:
        about = {
            "district": district["district"],
            "oblast": district["oblast"],
            "district_key": district["district_key"],
            "page": district["page"],
        }
        shown = _headline_rows(district)
        count = district["count"]
        if count:
            shown.append(
                {
                    "shown_as": "latest count over a day, an operation or an unstated span",
                    "metric": "evacuated",
                    "population_group": count["population_group"],
                    "period": count["period"],
                    "value": count["value"],
                    "qualifier": count["qualifier"],
                    "as_of": count["as_of"],
                    "place": count["settlement"],
                }
            )
        rows += [about | row for row in shown]
    schema = {
        "district": pl.String,
        "oblast": pl.String,
        "district_key": pl.String,
        "page": pl.String,
        "shown_as": pl.String,
        "metric": pl.String,
        "population_group": pl.String,
        "period": pl.String,
        "value": pl.Float64,
        "qualifier": pl.String,
        "as_of": pl.Date,
        "place": pl.String,
        "previous_value": pl.Float64,
        "previous_day": pl.Date,
        "sources": pl.Int64,
    }
    return pl.DataFrame(rows, schema=schema)
