"""Plotly figures for the district pages, built as plain dicts (no plotly objects).

One row of a vectorised group_by becomes one trace: all the figures of one series
(metric/group, or programme for housing), one period and one qualifier. A point trace
names its figures by position in the page's figure table (`rows`, see table.py); the
page script fills in x, y and the hover text from that table, so each quote is written
once per page. Running totals and stocks (remaining, to be evacuated) also get a line
through the per-day median where sources disagree, i.e. where some day has more than one
figure: the line then shows the trend through the spread, and a series with one figure
a day has no line that would only repeat its points.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import polars as pl

from tracker.model import Group, Metric, Period, Qualifier
from tracker.report.data import escape_html

__all__ = ["CHARTS", "Chart", "district_charts"]

Figure = dict[str, Any]

# chart id -> (title, metrics drawn on it, y axis title)
CHARTS: dict[str, tuple[str, tuple[str, ...], str]] = {
    "evacuated": ("Evacuated", (Metric.EVACUATED.value,), "count"),
    "remaining": (
        "Remaining and to be evacuated",
        (Metric.REMAINING.value, Metric.TO_EVACUATE.value),
        "count",
    ),
    "housed": ("Housed, by programme", (Metric.HOUSED.value,), "count"),
}

_METRIC_CHART = {metric: chart for chart, (_, metrics, _) in CHARTS.items() for metric in metrics}
_CHART_ORDER = {chart: i for i, chart in enumerate(CHARTS)}
_METRIC_WORDS = {
    Metric.EVACUATED.value: "evacuated",
    Metric.REMAINING.value: "remaining",
    Metric.TO_EVACUATE.value: "to be evacuated",
    Metric.HOUSED.value: "housed",
}
_METRIC_ORDER = {metric.value: str(i) for i, metric in enumerate(Metric)}
_GROUP_ORDER = {group.value: str(i) for i, group in enumerate(Group)}
_PERIOD_WORDS = {
    Period.CUMULATIVE.value: "running total",
    Period.DAY.value: "per day (bars)",
    Period.SINGLE_OPERATION.value: "one operation (bars)",
    Period.UNKNOWN.value: "span not stated",
}
_PERIOD_ORDER = {period: i for i, period in enumerate(_PERIOD_WORDS)}
_QUALIFIER_WORDS = {
    Qualifier.EXACT.value: "exact",
    Qualifier.APPROX.value: "approximate (hollow)",
    Qualifier.AT_LEAST.value: "at least (▲, may be higher)",
    Qualifier.AT_MOST.value: "at most (▼, may be lower)",
}
_QUALIFIER_HOVER = {
    Qualifier.EXACT.value: "exact",
    Qualifier.APPROX.value: "about",
    Qualifier.AT_LEAST.value: "at least",
    Qualifier.AT_MOST.value: "at most",
}
_QUALIFIER_ORDER = {qualifier: i for i, qualifier in enumerate(_QUALIFIER_WORDS)}
_SYMBOLS = {
    Qualifier.EXACT.value: "circle",
    Qualifier.APPROX.value: "circle-open",
    Qualifier.AT_LEAST.value: "triangle-up",
    Qualifier.AT_MOST.value: "triangle-down",
}
# One-sided error bars give the direction of a bound, not its size (sources state none).
_BOUND_PERCENT = 10
_PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#17becf")
# Counts of people at a moment (not over a window): a line between days reads right.
_STOCKS = (Metric.REMAINING.value, Metric.TO_EVACUATE.value)
_SHORT_SPAN_DAYS = 14
_DAY_MS = 86_400_000


@dataclass(frozen=True)
class Chart:
    """One chart of a district page: its fixed div id, title and plotly figure dict."""

    div_id: str
    title: str
    figure: Figure


def _series_label() -> pl.Expr:
    """Name what one line may join: metric (or programme) and group, and the settlement
    when the figure is about one, so a town's count never averages with the district's."""
    group = pl.col("population_group")
    metric_words = pl.col("metric").replace_strict(_METRIC_WORDS, return_dtype=pl.String)
    programme = pl.coalesce(pl.col("programme"), pl.lit("programme not named"))
    label = (
        pl.when(pl.col("metric") == Metric.HOUSED.value)
        .then(programme + ", " + group)
        .otherwise(metric_words + ", " + group)
    )
    return (
        pl.when(pl.col("settlement").is_null())
        .then(label)
        .otherwise(label + " in " + pl.col("settlement"))
    )


def _colour_rank() -> pl.Expr:
    """Number the series of each chart people, children, families, metric by metric."""
    metric = pl.col("metric").replace_strict(_METRIC_ORDER, return_dtype=pl.String)
    group = pl.col("population_group").replace_strict(_GROUP_ORDER, return_dtype=pl.String)
    key = (
        metric
        + group
        + pl.coalesce(pl.col("programme"), pl.lit(""))
        + pl.coalesce(pl.col("settlement"), pl.lit(""))
    )
    return key.rank("dense").over("district_key", "_chart").cast(pl.Int64) - 1


def _with_plot_columns(prepared: pl.DataFrame) -> pl.DataFrame:
    # Plotly draws trace names as a small HTML subset: source text in them is escaped.
    frame = prepared.with_columns(
        _chart=pl.col("metric").replace_strict(_METRIC_CHART, return_dtype=pl.String),
        _series=_series_label(),
        _x=pl.col("as_of").cast(pl.String),
    ).with_columns(_series=escape_html("_series"))
    return frame.with_columns(
        _colour=_colour_rank(),
        _chart_order=pl.col("_chart").replace_strict(_CHART_ORDER, return_dtype=pl.Int64),
        _period_order=pl.col("period").replace_strict(_PERIOD_ORDER, return_dtype=pl.Int64),
        _qualifier_order=pl.col("qualifier").replace_strict(
            _QUALIFIER_ORDER, return_dtype=pl.Int64
        ),
    )


def _point_trace(row: dict[str, Any]) -> Figure:
    colour = _PALETTE[row["_colour"] % len(_PALETTE)]
    qualifier, period = row["qualifier"], row["period"]
    name = f"{row['_series']}, {_PERIOD_WORDS[period]}, {_QUALIFIER_WORDS[qualifier]}"
    is_bar = period in (Period.DAY.value, Period.SINGLE_OPERATION.value)
    hollow = qualifier == Qualifier.APPROX.value
    trace: Figure = {
        "type": "bar" if is_bar else "scatter",
        "name": name,
        "legendgroup": row["_series"],
        "rows": row["_i"],
        "hovertemplate": _hover_template(qualifier),
    }
    if is_bar:
        fill = "rgba(0,0,0,0)" if hollow else colour
        trace["marker"] = {"color": fill, "line": {"color": colour, "width": 2}}
        trace["opacity"] = 0.6
    else:
        trace["mode"] = "markers"
        trace["marker"] = {"color": colour, "symbol": _SYMBOLS[qualifier], "size": 9}
    if qualifier == Qualifier.AT_LEAST.value:
        trace["error_y"] = _bound(colour, up=_BOUND_PERCENT, down=0)
    elif qualifier == Qualifier.AT_MOST.value:
        trace["error_y"] = _bound(colour, up=0, down=_BOUND_PERCENT)
    return trace


def _hover_template(qualifier: str) -> str:
    """Value and qualifier, date, then the point's customdata (since, source, quote, which
    the page script escapes); the trace name beside."""
    return f"<b>%{{y:,}}</b> {_QUALIFIER_HOVER[qualifier]}<br>%{{x}}%{{customdata}}"


def _bound(colour: str, *, up: int, down: int) -> Figure:
    return {
        "type": "percent",
        "symmetric": False,
        "value": up,
        "valueminus": down,
        "color": colour,
        "visible": True,
    }


def _median_line(row: dict[str, Any]) -> Figure:
    colour = _PALETTE[row["_colour"] % len(_PALETTE)]
    return {
        "type": "scatter",
        "mode": "lines",
        "name": f"{row['_series']}, line: median of sources per day",
        "legendgroup": row["_series"],
        "x": row["_x"],
        "y": row["value"],
        "hoverinfo": "skip",
        "line": {"color": colour, "width": 2},
    }


def _x_axis(days: list[str]) -> Figure:
    """A date axis; short spans get one tick per day and a day's margin, not hour ticks."""
    axis: Figure = {"type": "date", "tickformat": "%d %b %Y", "hoverformat": "%Y-%m-%d"}
    first, last = date.fromisoformat(min(days)), date.fromisoformat(max(days))
    if (last - first).days < _SHORT_SPAN_DAYS:
        margin = timedelta(days=1)
        axis["range"] = [(first - margin).isoformat(), (last + margin).isoformat()]
        axis["dtick"] = _DAY_MS
    return axis


def _layout(title: str, y_title: str, days: list[str]) -> Figure:
    return {
        "title": {"text": title},
        "barmode": "overlay",
        "hovermode": "closest",
        "showlegend": True,
        "hoverlabel": {"align": "left", "namelength": -1},
        "height": 420,
        "margin": {"l": 60, "r": 20, "t": 50, "b": 40},
        "legend": {"orientation": "h", "yanchor": "top", "y": -0.12},
        "xaxis": _x_axis(days),
        "yaxis": {"rangemode": "tozero", "title": {"text": y_title}},
    }


def _trace_rows(frame: pl.DataFrame) -> pl.DataFrame:
    keys = ["district_key", "_chart", "_series", "period", "qualifier"]
    order = ["_chart_order", "_series", "_period_order", "_qualifier_order"]
    return (
        frame.sort(["district_key", "_chart", "_series", "as_of", "value", "figure_id"])
        .group_by(keys, maintain_order=True)
        .agg(
            pl.col("_i", "_x"),
            pl.col("_chart_order", "_period_order", "_qualifier_order", "_colour").first(),
        )
        .sort(["district_key", *order])
    )


def _median_rows(frame: pl.DataFrame) -> pl.DataFrame:
    """One row per line to draw: the series' days and medians, for running totals and
    stocks that have some day with more than one figure."""
    keys = ["district_key", "_chart", "_series"]
    daily = (
        frame.filter(
            (pl.col("period") == Period.CUMULATIVE.value) | pl.col("metric").is_in(_STOCKS)
        )
        .group_by([*keys, "_x"])
        .agg(
            pl.col("value").median().round(1),
            pl.len().alias("_figures"),
            pl.col("_chart_order", "_colour").first(),
        )
        .filter((pl.col("_figures") > 1).any().over(keys))
        .sort([*keys, "_x"])
    )
    return (
        daily.group_by(keys, maintain_order=True)
        .agg(pl.col("_x", "value"), pl.col("_chart_order", "_colour").first())
        .sort(["district_key", "_chart_order", "_series"])
    )


def district_charts(prepared: pl.DataFrame) -> dict[str, list[Chart]]:
    """Return, per district key, its charts in CHARTS order (a chart without data is left out).

    `prepared` is the output of data.prepare. Each chart's `figure` is a plain dict with
    `data` (traces) and `layout`, ready for json.dumps; a point trace's `rows` stand for
    its x, y and customdata, which the page script fills in from the figure table.
    """
    frame = _with_plot_columns(prepared)
    traces: dict[tuple[str, str], list[Figure]] = {}
    days: dict[tuple[str, str], list[str]] = {}
    for row in _median_rows(frame).iter_rows(named=True):
        traces.setdefault((row["district_key"], row["_chart"]), []).append(_median_line(row))
    for row in _trace_rows(frame).iter_rows(named=True):
        chart_key = (row["district_key"], row["_chart"])
        traces.setdefault(chart_key, []).append(_point_trace(row))
        days.setdefault(chart_key, []).extend(row["_x"])
    charts: dict[str, list[Chart]] = {}
    for (key, chart_id), chart_traces in sorted(
        traces.items(), key=lambda item: (item[0][0], _CHART_ORDER[item[0][1]])
    ):
        title, _, y_title = CHARTS[chart_id]
        layout = _layout(title, y_title, days[(key, chart_id)])
        figure = {"data": chart_traces, "layout": layout}
        charts.setdefault(key, []).append(Chart(f"chart-{chart_id}", title, figure))
    return charts
