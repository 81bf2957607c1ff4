"""Plotly figures for the district pages, built as plain dicts (no plotly objects).

One row of a vectorised group_by becomes one trace: all the figures of one series
(metric/group, or programme for housing), one period and one qualifier. A point trace
names its figures by position in the page's figure table (`rows`, see table.py); the
page script fills in x, y and the hover text from that table, so each quote is written
once per page. Every series of running totals or counts at a moment also gets a line by
the rule of series.py (a running total follows the highest figure stated so far, so a
lower second source cannot pull it down), even with one source. Colours are fixed per
population group and marks per qualifier, the same on every page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import polars as pl

from tracker.model import Group, Metric, Period, Qualifier
from tracker.report.data import escape_html
from tracker.report.series import RUNNING, series_lines

__all__ = [
    "CHARTS",
    "GROUP_COLOURS",
    "PROGRAMME_NAMES",
    "QUALIFIER_WORDS",
    "SYMBOLS",
    "Chart",
    "district_charts",
    "programme_name",
]

Figure = dict[str, Any]

# chart id -> (title, metrics drawn on it)
CHARTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "evacuated": ("People evacuated", (Metric.EVACUATED.value,)),
    "remaining": (
        "People remaining and to be evacuated",
        (Metric.REMAINING.value, Metric.TO_EVACUATE.value),
    ),
    "housed": ("People housed, by programme", (Metric.HOUSED.value,)),
}

_METRIC_CHART = {metric: chart for chart, (_, metrics) in CHARTS.items() for metric in metrics}
_CHART_ORDER = {chart: i for i, chart in enumerate(CHARTS)}
_METRIC_WORDS = {
    Metric.EVACUATED.value: "evacuated",
    Metric.REMAINING.value: "remaining",
    Metric.TO_EVACUATE.value: "to be evacuated",
    Metric.HOUSED.value: "housed",
}
# Housing programmes by the name the extractor gives them, as an analyst knows them.
PROGRAMME_NAMES = {"Shelter": "Shelter (Prykhystok)"}
_PERIOD_WORDS = {
    Period.CUMULATIVE.value: "running total",
    Period.DAY.value: "in one day (bars)",
    Period.SINGLE_OPERATION.value: "in one operation (bars)",
    Period.UNKNOWN.value: "span not stated",
}
_PERIOD_ORDER = {period: i for i, period in enumerate(_PERIOD_WORDS)}
QUALIFIER_WORDS = {
    Qualifier.EXACT.value: "exact",
    Qualifier.APPROX.value: "about (hollow)",
    Qualifier.AT_LEAST.value: "at least (\u25b2)",
    Qualifier.AT_MOST.value: "at most (\u25bc)",
}
_QUALIFIER_HOVER = {
    Qualifier.EXACT.value: "exact",
    Qualifier.APPROX.value: "about",
    Qualifier.AT_LEAST.value: "at least",
    Qualifier.AT_MOST.value: "at most",
}
_QUALIFIER_ORDER = {qualifier: i for i, qualifier in enumerate(QUALIFIER_WORDS)}
# One mark per qualifier and one colour per population group, on every page.
SYMBOLS = {
    Qualifier.EXACT.value: "circle",
    Qualifier.APPROX.value: "circle-open",
    Qualifier.AT_LEAST.value: "triangle-up",
    Qualifier.AT_MOST.value: "triangle-down",
}
GROUP_COLOURS = {
    Group.PEOPLE.value: "#1f5f99",
    Group.CHILDREN.value: "#c2410c",
    Group.FAMILIES.value: "#6d28d9",
}
# Series of one group on one chart (another metric, place or programme) differ by dash.
_DASHES = ("solid", "dash", "dot", "dashdot", "longdash", "longdashdot")
# One-sided error bars give the direction of a bound, not its size (sources state none).
_BOUND_PERCENT = 10
_SHORT_SPAN_DAYS = 14
_DAY_MS = 86_400_000
# A bar is most of a day wide, so a count over one day reads as one.
_BAR_DAYS = 0.8
_SERIES = ["district_key", "_chart", "_series"]


@dataclass(frozen=True)
class Chart:
    """One chart of a district page: its fixed div id, title and plotly figure dict."""

    div_id: str
    title: str
    figure: Figure
    alt: str = ""


def programme_name() -> pl.Expr:
    """Return the programme column as shown: with its Ukrainian name where known."""
    return pl.col("programme").replace(PROGRAMME_NAMES)


def _series_label() -> pl.Expr:
    """Name what one line may join, in words: group, metric (and programme), and the
    settlement when the figure is about one, so a town's count never joins the district's."""
    metric_words = pl.col("metric").replace_strict(_METRIC_WORDS, return_dtype=pl.String)
    label = pl.col("population_group") + " " + metric_words
    programme = pl.coalesce(programme_name(), pl.lit("programme not named"))
    label = (
        pl.when(pl.col("metric") == Metric.HOUSED.value)
        .then(label + " by " + programme)
        .otherwise(label)
    )
    return (
        pl.when(pl.col("settlement").is_null())
        .then(label)
        .otherwise(label + " in " + pl.col("settlement"))
    )


def _with_plot_columns(frame: pl.DataFrame) -> pl.DataFrame:
    """Add chart, series label (escaped: plotly draws names as a small HTML subset), x,
    and the sort orders of charts, periods and qualifiers."""
    return frame.with_columns(
        _chart=pl.col("metric").replace_strict(_METRIC_CHART, return_dtype=pl.String),
        _series=_series_label(),
        _x=pl.col("as_of").cast(pl.String),
        _colour=pl.col("population_group").replace_strict(GROUP_COLOURS, return_dtype=pl.String),
    ).with_columns(
        _series=escape_html("_series"),
        _chart_order=pl.col("_chart").replace_strict(_CHART_ORDER, return_dtype=pl.Int64),
    )


def _with_dashes(frame: pl.DataFrame) -> pl.DataFrame:
    """Number the series of one group on one chart: the first is solid, others dashed."""
    return frame.with_columns(
        _dash=pl.col("_series").rank("dense").over("district_key", "_chart", "population_group") - 1
    )


def _point_trace(row: dict[str, Any]) -> Figure:
    colour = row["_colour"]
    qualifier, period = row["qualifier"], row["period"]
    name = f"{row['_series']}, {_PERIOD_WORDS[period]}, {QUALIFIER_WORDS[qualifier]}"
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
        # Counts over a day or an operation are far smaller than running totals: they
        # get their own axis on the right, so they show apart and readable.
        trace["yaxis"] = "y2"
        trace["width"] = _BAR_DAYS * _DAY_MS
        fill = "rgba(0,0,0,0)" if hollow else colour
        trace["marker"] = {"color": fill, "line": {"color": colour, "width": 2}}
        trace["opacity"] = 0.45
    else:
        trace["mode"] = "markers"
        trace["marker"] = {"color": colour, "symbol": SYMBOLS[qualifier], "size": 9}
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


def _line_trace(row: dict[str, Any]) -> Figure:
    kind_words = (
        "running total, highest stated so far"
        if row["kind"] == RUNNING
        else ("median of each day's figures")
    )
    return {
        "type": "scatter",
        "mode": "lines",
        "name": f"{row['_series']}: line, {kind_words}",
        "legendgroup": row["_series"],
        "x": row["_x"],
        "y": row["value"],
        "hoverinfo": "skip",
        "line": {"color": row["_colour"], "width": 2, "dash": _DASHES[row["_dash"] % len(_DASHES)]},
    }


def _x_axis(days: list[str]) -> Figure:
    """A date axis; short spans get one tick per day and a day's margin, not hour ticks."""
    axis: Figure = {
        "type": "date",
        "tickformat": "%d %b %Y",
        "hoverformat": "%Y-%m-%d",
        "automargin": True,
    }
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


def _count_axis(y_title: str) -> Figure:
    """The right-hand axis of counts over one day or one operation (the bars)."""
    return {
        "overlaying": "y",
        "side": "right",
        "rangemode": "tozero",
        "showgrid": False,
        "tickmode": "auto",
        "tickformat": ",d",
        "title": {"text": f"{y_title} in one day or operation (bars)"},
    }


def _y_title(groups: set[str]) -> str:
    """The y axis title with its unit: people, or people and families where both show."""
    return "people or families (see legend)" if Group.FAMILIES.value in groups else "people"


def _trace_rows(frame: pl.DataFrame) -> pl.DataFrame:
    keys = ["district_key", "_chart", "_series", "period", "qualifier"]
    order = ["_chart_order", "_series", "_period_order", "_qualifier_order"]
    return (
        frame.with_columns(
            _period_order=pl.col("period").replace_strict(_PERIOD_ORDER, return_dtype=pl.Int64),
            _qualifier_order=pl.col("qualifier").replace_strict(
                _QUALIFIER_ORDER, return_dtype=pl.Int64
            ),
        )
        .sort(["district_key", "_chart", "_series", "as_of", "value", "figure_id"])
        .group_by(keys, maintain_order=True)
        .agg(
            pl.col("_i", "_x"),
            pl.col(
                "_chart_order", "_period_order", "_qualifier_order", "_colour", "population_group"
            ).first(),
        )
        .sort(["district_key", *order])
    )


def _line_rows(prepared: pl.DataFrame, dashes: pl.DataFrame) -> pl.DataFrame:
    """One row per line to draw (series.series_lines): its days and values."""
    lines = _with_plot_columns(series_lines(prepared)).join(dashes, on=_SERIES, how="left")
    keys = [*_SERIES, "kind"]
    return (
        lines.group_by(keys, maintain_order=True)
        .agg(pl.col("_x", "value"), pl.col("_chart_order", "_colour", "_dash").first())
        .sort(["district_key", "_chart_order", "_series", "kind"])
    )


def _alt_texts(prepared: pl.DataFrame) -> dict[tuple[str, str], list[str]]:
    """Per district and chart, each series in words with its first and last figure and
    their dates (plain text: the template escapes it)."""
    series = prepared.with_columns(
        _chart=pl.col("metric").replace_strict(_METRIC_CHART, return_dtype=pl.String),
        _label=_series_label()
        + ", "
        + pl.col("period").replace_strict(_PERIOD_WORDS, return_dtype=pl.String),
    )
    ends = (
        series.sort("district_key", "_chart", "_label", "as_of", "value")
        .group_by("district_key", "_chart", "_label", maintain_order=True)
        .agg(
            pl.col("value", "as_of").first().name.prefix("first_"),
            pl.col("value", "as_of").last().name.prefix("last_"),
            figures=pl.len(),
        )
    )
    texts: dict[tuple[str, str], list[str]] = {}
    for row in ends.iter_rows(named=True):
        label = row["_label"].replace(" (bars)", "")
        first = f"{row['first_value']:,} on {row['first_as_of']}"
        last = f"{row['last_value']:,} on {row['last_as_of']}"
        text = f"{label}: {first}" if row["figures"] == 1 else f"{label}: {first} to {last}"
        texts.setdefault((row["district_key"], row["_chart"]), []).append(text)
    return texts


def district_charts(prepared: pl.DataFrame) -> dict[str, list[Chart]]:
    """Return, per district key, its charts in CHARTS order (a chart without data is left out).

    `prepared` is the output of data.prepare. Each chart's `figure` is a plain dict with
    `data` (traces) and `layout`, ready for json.dumps; a point trace's `rows` stand for
    its x, y and customdata, which the page script fills in from the figure table. Every
    series has a line by the rule of series.series_lines, drawn under its points.
    """
    frame = _with_dashes(_with_plot_columns(prepared))
    dashes = frame.select(*_SERIES, "_dash").unique()
    traces: dict[tuple[str, str], list[Figure]] = {}
    days: dict[tuple[str, str], list[str]] = {}
    groups: dict[tuple[str, str], set[str]] = {}
    for row in _line_rows(prepared, dashes).iter_rows(named=True):
        traces.setdefault((row["district_key"], row["_chart"]), []).append(_line_trace(row))
    for row in _trace_rows(frame).iter_rows(named=True):
        chart_key = (row["district_key"], row["_chart"])
        traces.setdefault(chart_key, []).append(_point_trace(row))
        days.setdefault(chart_key, []).extend(row["_x"])
        groups.setdefault(chart_key, set()).add(row["population_group"])
    alts = _alt_texts(prepared)
    charts: dict[str, list[Chart]] = {}
    for (key, chart_id), chart_traces in sorted(
        traces.items(), key=lambda item: (item[0][0], _CHART_ORDER[item[0][1]])
    ):
        title = CHARTS[chart_id][0]
        y_title = _y_title(groups[(key, chart_id)])
        layout = _layout(title, y_title, days[(key, chart_id)])
        if any(trace.get("yaxis") == "y2" for trace in chart_traces):
            layout["yaxis2"] = _count_axis(y_title)
            layout["margin"]["r"] = 60
        figure = {"data": chart_traces, "layout": layout}
        alt = f"{title}. " + "; ".join(alts.get((key, chart_id), [])) + "."
        alt += " Every figure is in the table of figures below."
        charts.setdefault(key, []).append(Chart(f"chart-{chart_id}", title, figure, alt))
    return charts
