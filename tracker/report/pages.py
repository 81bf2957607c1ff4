"""HTML pages from templates/ through jinja2 with autoescaping on every template."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from tracker.model import Period, Qualifier
from tracker.report.assets import ASSETS_DIR, PLOTLY_JS
from tracker.report.charts import CHARTS, PROGRAMME_NAMES, Chart
from tracker.report.table import BIDI_CONTROLS

__all__ = ["figure_json", "render_district", "render_index"]

_TEMPLATES = Path(__file__).parent / "templates"
_QUALIFIER_SIGNS = {
    Qualifier.EXACT.value: "",
    Qualifier.APPROX.value: "~",
    Qualifier.AT_LEAST.value: "≥",
    Qualifier.AT_MOST.value: "≤",
}
# Inside <script type="application/json"> only "</" (closing the block) and "<!--"
# (the tokenizer's escaped state) matter; both are rewritten as JSON escapes.
_SCRIPT_END = ("</", "<\\/")
_COMMENT_OPEN = ("<!--", "\\u003c!--")


def figure_json(figure: Mapping[str, Any]) -> Markup:
    """Return `figure` as JSON safe to place inside <script type="application/json">."""
    text = json.dumps(figure, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return Markup(text.replace(*_SCRIPT_END).replace(*_COMMENT_OPEN))


_BIDI_CONTROLS = re.compile(BIDI_CONTROLS)
_SHOWN_CHARACTERS = 80


def user_text(value: object, limit: int = _SHOWN_CHARACTERS) -> Markup:
    """Return text from a source (a place, an outlet, a warning) as HTML that displays as
    written: escaped, without bidi controls, isolated in <bdi> so its direction cannot
    leak into the page, and cut at `limit` characters with the whole text in a title."""
    text = _BIDI_CONTROLS.sub("", "" if value is None else str(value))
    if len(text) <= limit:
        return Markup("<bdi>{}</bdi>").format(text)
    return Markup('<bdi title="{}">{}…</bdi>').format(text, text[: limit - 1])


def plain_text(value: object, limit: int = _SHOWN_CHARACTERS) -> str:
    """Return text from a source for a place that takes no markup (a page title): without
    bidi controls and cut at `limit` characters."""
    text = _BIDI_CONTROLS.sub("", "" if value is None else str(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _number(value: object) -> str:
    if isinstance(value, float):
        return f"{round(value):,}" if value.is_integer() else f"{value:,.1f}"
    return f"{value:,}" if isinstance(value, int) else ""


_PERIOD_WORDS = {
    Period.DAY.value: "in one day",
    Period.SINGLE_OPERATION.value: "in one operation",
    Period.UNKNOWN.value: "span not stated",
    Period.CUMULATIVE.value: "running total",
}


def _programme_name(programme: object) -> object:
    return PROGRAMME_NAMES.get(programme, programme) if isinstance(programme, str) else programme


def _period_words(period: object) -> str:
    return _PERIOD_WORDS.get(period, "") if isinstance(period, str) else ""


def _qualifier_sign(qualifier: object) -> str:
    return _QUALIFIER_SIGNS.get(qualifier, "") if isinstance(qualifier, str) else ""


@cache
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(_TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters.update(
        number=_number,
        qualifier_sign=_qualifier_sign,
        period_words=_period_words,
        programme_name=_programme_name,
        figure_json=figure_json,
        user_text=user_text,
        plain_text=plain_text,
    )
    environment.globals["plotly_js"] = f"{ASSETS_DIR}/{PLOTLY_JS}"
    return environment


def render_index(context: Mapping[str, Any]) -> str:
    """Return index.html for `context` (districts, figures, latest, generated_on, thresholds)."""
    return _environment().get_template("index.html").render(context)


def render_district(
    district: Mapping[str, Any],
    charts: Sequence[Chart],
    table: Mapping[str, Any],
    programmes: Sequence[Mapping[str, Any]],
    *,
    csv_name: str,
    generated_on: str,
) -> str:
    """Return one district page: its charts, programmes and figure table, linking `csv_name`.

    `table` is the district's entry of table.figure_tables: the page script draws the
    table of figures and the charts' hover text from it.
    """
    return (
        _environment()
        .get_template("district.html")
        .render(
            d=district,
            charts={chart.div_id.removeprefix("chart-"): chart for chart in charts},
            chart_titles=[(chart_id, title) for chart_id, (title, _) in CHARTS.items()],
            table=table,
            programmes=programmes,
            csv=csv_name,
            generated_on=generated_on,
        )
    )
