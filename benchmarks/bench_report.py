"""Benchmark `build_report`: 200 districts x 50 reports, time, size on disk, page load.

A synthetic report states `--figures-per-report` figures, taken in turn from: people
evacuated so far, children evacuated so far, people remaining, people housed (two
programmes). Two reports a day from four sources, so same-day sources disagree; one in
seven is approximate, one in eleven a lower bound. Goals: build < 3 s, < 15 MB on disk,
one district page loaded in headless chromium < 1 s.

    python benchmarks/bench_report.py [--districts 200] [--reports 50]
        [--figures-per-report 1] [--no-browser]
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

import polars as pl
from playwright.sync_api import Browser

from tracker.model import COLUMN_NAMES, figure_id, polars_schema
from tracker.report import build_report

START = date(2024, 3, 1)
EVIDENCE = (
    "According to the regional military administration, {} people, including "
    "children, have been evacuated from the district since the start of the operation."
)
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def synthetic_figures(districts: int, reports: int, per_report: int = 1) -> pl.DataFrame:
    """Return `districts` x `reports` synthetic reports of `per_report` figures each."""
    grid = pl.DataFrame({"district": pl.int_range(districts, eager=True)}).join(
        pl.DataFrame({"report": pl.int_range(reports, eager=True)}), how="cross"
    )
    metrics = pl.DataFrame(
        {
            "metric": ["evacuated", "evacuated", "remaining", "housed"],
            "population_group": ["people", "children", "people", "people"],
            "period": ["cumulative", "cumulative", "unknown", "unknown"],
            "scale": [40, 9, -30, 5],
        }
    ).with_row_index("kind")
    day = pl.col("report") // 2
    oblast = (pl.col("district") // 20 + 10).cast(pl.String)
    rows = (
        grid.join(metrics, how="cross")
        .filter(((pl.col("kind") - pl.col("report") * per_report) % 4) < per_report)
        .with_columns(
            value=(1000 + pl.col("scale") * day + pl.col("district") * 7 + pl.col("report") % 3)
            .clip(lower_bound=0)
            .cast(pl.Int64),
            qualifier=pl.when(pl.col("report") % 7 == 0)
            .then(pl.lit("approx"))
            .when(pl.col("report") % 11 == 0)
            .then(pl.lit("at_least"))
            .otherwise(pl.lit("exact")),
            location=pl.format("District {}", pl.col("district")),
            admin1_name=pl.format("Oblast {}", oblast),
            admin1_pcode="UA" + oblast,
            admin2_name=pl.format("District {}", pl.col("district")),
            admin2_pcode="UA" + oblast + (pl.col("district") % 20).cast(pl.String).str.zfill(2),
            settlement=pl.lit(None, pl.String),
            place_match=pl.lit("exact"),
            as_of=pl.lit(START) + pl.duration(days=day),
            since=pl.lit(START),
            programme=pl.when(pl.col("metric") == "housed").then(
                pl.when(pl.col("report") % 2 == 0)
                .then(pl.lit("Shelter"))
                .otherwise(pl.lit("eOselia"))
            ),
            source_name=pl.format("Source {}", pl.col("report") % 4),
            source_url=pl.format("https://example.org/{}/{}", pl.col("district"), pl.col("report")),
            method=pl.lit("extracted"),
            recorded_at=pl.lit(datetime(2024, 6, 1, tzinfo=UTC)),
            doc_id=pl.format("doc-{}-{}", pl.col("district"), pl.col("report")),
            claim_id=pl.lit(None, pl.String),
            note=pl.lit(None, pl.String),
        )
        .with_columns(
            published_on=pl.col("as_of"),
            evidence=pl.format(EVIDENCE, pl.col("value")),
            figure_id=pl.lit(""),
        )
    )
    frame = rows.sort("district", "report", "kind").select(COLUMN_NAMES).cast(polars_schema())  # type: ignore[arg-type]
    ids = pl.Series("figure_id", [figure_id([str(i)]) for i in range(frame.height)])
    return frame.with_columns(ids)


def folder_bytes(folder: Path) -> int:
    """Return the total size of the files under `folder`."""
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def page_load_seconds(
    browser: Browser, page_path: Path, repeats: int
) -> tuple[list[float], list[float]]:
    """Open `page_path` in a new tab `repeats` times; return seconds until every chart
    has drawn, and the browser's own milliseconds until the page was readable
    (domInteractive: text and tables shown, scripts still loading)."""
    drawn, readable = [], []
    for _ in range(repeats):
        page = browser.new_page()
        started = time.perf_counter()
        page.goto(page_path.as_uri(), wait_until="load")
        page.wait_for_function(
            "Array.from(document.querySelectorAll('div[data-figure]'))"
            ".every(div => div.querySelector('svg.main-svg'))"
        )
        drawn.append(time.perf_counter() - started)
        readable.append(
            page.evaluate("performance.getEntriesByType('navigation')[0].domInteractive") / 1000
        )
        page.close()
    return drawn, readable


def print_page_loads(out: Path, district_page: Path) -> None:
    """Print page load times, and those of a page that only loads plotly.min.js."""
    from playwright.sync_api import sync_playwright

    baseline = out / "plotly_only.html"
    baseline.write_text('<script src="assets/plotly.min.js"></script>', encoding="utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_FLAGS
        )
        plotly_only, _ = page_load_seconds(browser, baseline, repeats=3)
        drawn, readable = page_load_seconds(browser, district_page, repeats=4)
        browser.close()
    print(
        f"district page, new tab each time: charts drawn {[round(t, 2) for t in drawn]} s"
        f" (goal < 1 s), readable {[round(t, 2) for t in readable]} s;"
        f" plotly.min.js alone: {[round(t, 2) for t in plotly_only]} s"
    )
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


def main() -> None:
    """Build the synthetic report a few times and print time, size and page load."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--districts", type=int, default=200)
    parser.add_argument("--reports", type=int, default=50)
    parser.add_argument("--figures-per-report", type=int, default=1, choices=[1, 2, 3, 4])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()

    figures = synthetic_figures(args.districts, args.reports, args.figures_per_report)
    print(
        f"figures: {figures.height:,} ({args.districts} districts x {args.reports} reports"
        f" x {args.figures_per_report} figure(s))"
    )
    out = Path(tempfile.mkdtemp(prefix="bench_report_"))
    try:
        timings = []
        for _ in range(args.repeats):
            shutil.rmtree(out, ignore_errors=True)
            started = time.perf_counter()
            result = build_report(figures, out, generated_on=date(2024, 4, 1))
            timings.append(time.perf_counter() - started)
        print(
            f"build_report: best {min(timings):.2f} s, "
            f"runs {[round(t, 2) for t in timings]} (goal < 3 s)"
        )
        total = folder_bytes(out)
        plotly_js = folder_bytes(out / "assets")
        pages = sorted(out.glob("UA*.html"))
        print(
            f"on disk: {total / 1e6:.1f} MB in {len(result.paths)} files "
            f"(assets {plotly_js / 1e6:.1f} MB; goal < 15 MB); "
            f"district page {pages[0].stat().st_size / 1e3:.0f} kB, "
            f"csv {pages[0].with_suffix('.csv').stat().st_size / 1e3:.0f} kB"
        )
        if not args.no_browser:
            print_page_loads(out, pages[0])
    finally:
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
