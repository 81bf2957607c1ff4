"""build_report: figures frame -> index.html, one page and one CSV per district, assets."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl

from tracker.errors import InvalidDataError
from tracker.model import COLUMN_NAMES
from tracker.report.assets import write_assets
from tracker.report.charts import Chart, district_charts
from tracker.report.data import (
    FRESH_DAYS,
    PLACE_KEY_PREFIX,
    STALE_DAYS,
    ValidationWarning,
    district_summaries,
    http_href,
    prepare,
    programmes,
    warnings_by_district,
)
from tracker.report.index import INDEX_COLUMNS, INDEX_CSV, change_text, index_csv, sparkline
from tracker.report.pages import render_district, render_index
from tracker.report.series import headlines, latest_counts, series_lines
from tracker.report.table import figure_tables
from tracker.tables import neutralise_formulas

__all__ = ["ReportResult", "build_report"]


@dataclass(frozen=True)
class ReportResult:
    """What build_report wrote: the index, every path, and how many districts and figures."""

    index: Path
    paths: tuple[Path, ...]
    districts: int
    figures: int


def _check_columns(figures: pl.DataFrame) -> None:
    missing = [name for name in COLUMN_NAMES if name not in figures.columns]
    if missing:
        raise InvalidDataError("the figures lack columns: " + ", ".join(missing))


def _write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


def _district_contexts(
    prepared: pl.DataFrame, day: date, warnings: Sequence[ValidationWarning]
) -> list[dict[str, Any]]:
    """One dict per district for the templates: summary, headline cells, the latest count
    over a day or operation, the change since the previous report, sparkline, warnings."""
    latest = headlines(series_lines(prepared))
    counts = latest_counts(prepared)
    warned = warnings_by_district(prepared, warnings)
    contexts = []
    for summary in district_summaries(prepared, day).iter_rows(named=True):
        key = summary["district_key"]
        shown = latest.get(key, {})
        cells = {
            column: shown.get((metric, group))
            for column, (metric, group, _) in INDEX_COLUMNS.items()
        }
        contexts.append(
            {
                **summary,
                "pcode": None if key.startswith(PLACE_KEY_PREFIX) else key,
                "page": summary["page_stem"] + ".html",
                "headlines": cells,
                "count": counts.get(key),
                "change": change_text(cells["evacuated"]),
                "spark": sparkline(cells["evacuated"]),
                "warnings": warned.get(key, []),
            }
        )
    return contexts


def _write_district(
    out_dir: Path,
    district: dict[str, Any],
    rows: pl.DataFrame,
    charts: list[Chart],
    table: dict[str, Any],
    named_programmes: list[dict[str, object]],
    day: date,
) -> list[Path]:
    """Write one district's CSV and page; return their paths."""
    csv_path = out_dir / f"{district['page_stem']}.csv"
    neutralise_formulas(rows.select(COLUMN_NAMES)).write_csv(csv_path)
    page = render_district(
        district,
        charts,
        table,
        named_programmes,
        csv_name=csv_path.name,
        generated_on=day.isoformat(),
    )
    return [csv_path, _write(out_dir / district["page"], page)]


def build_report(
    figures: pl.DataFrame,
    out_dir: Path,
    *,
    warnings: Sequence[ValidationWarning] = (),
    generated_on: date | None = None,
    full_plotly: bool = False,
    mentions: pl.DataFrame | None = None,
) -> ReportResult:
    """Write the HTML report of `figures` under `out_dir` and return what was written.

    `warnings` are validation failures whose `row` counts rows of `figures`; each is shown
    with its district. `generated_on` is the day freshness is measured from and the only
    date printed besides the data; it defaults to the latest figure's day (today when
    there are no figures), so the same data always gives the same bytes. `full_plotly`
    writes the installed plotly package's complete plotly.js (4.8 MB, every trace type)
    instead of the 1.2 MB basic bundle the charts need. `mentions` (doc_id, programme,
    published_on) lists housing programmes that reports name without a figure.
    """
    _check_columns(figures)
    prepared = prepare(figures).with_columns(_href=http_href(pl.col("source_url")))
    latest_day = prepared.get_column("as_of").max()
    day = generated_on or (latest_day if isinstance(latest_day, date) else date.today())
    districts = _district_contexts(prepared, day, warnings)
    charts = district_charts(prepared)
    tables = figure_tables(prepared)
    named_programmes = programmes(prepared, mentions)
    parts = prepared.partition_by("district_key", as_dict=True, maintain_order=True)

    out_dir.mkdir(parents=True, exist_ok=True)
    written = write_assets(out_dir, full_plotly=full_plotly)
    for district in districts:
        key = district["district_key"]
        written += _write_district(
            out_dir,
            district,
            parts[(key,)],
            charts.get(key, []),
            tables[key],
            named_programmes.get(key, []),
            day,
        )
    csv_path = out_dir / INDEX_CSV
    neutralise_formulas(index_csv(districts)).write_csv(csv_path)
    written.append(csv_path)
    index = _write(
        out_dir / "index.html",
        render_index(
            {
                "districts": districts,
                "figures": prepared.height,
                "latest": latest_day,
                "generated_on": day.isoformat(),
                "fresh_days": FRESH_DAYS,
                "stale_days": STALE_DAYS,
                "csv": INDEX_CSV,
                "oblasts": sorted({d["oblast"] or "" for d in districts}),
            }
        ),
    )
    return ReportResult(index, (index, *written), len(districts), prepared.height)
