"""Benchmark `build_report`: 200 districts x 50 reports; time, size on disk, page load.

What it models: each district gets `--reports` reports, two a day, from four sources in
turn (an oblast administration, two outlets, a ministry), so the two reports of a day
come from different sources and usually disagree by a little. Every report states
evacuated people (a running total); three in five also state children evacuated, one
in four people remaining: 1-3 figures a report, about 1.85 on average (18,500 figures
for 200 x 50). One report in seven is approximate, one in eleven a lower bound. Each
figure has its own evidence quote of 40-150 characters (evenly spread, 95 on average),
a source URL of about 85 characters shared by the figures of one report, and store-like
17-character figure, claim and document ids, so the CSVs weigh what real ones would.

Goals (issues 5 and 13): build < 3 s, < 15 MB on disk, the index's load event < 0.3 s,
one district page drawn in headless chromium < 1 s. Page load is measured cold (a new
browser profile, first visit) and warm (the same profile, the page visited before, new tab).

    PYTHONPATH=. python benchmarks/bench_report.py [--districts 200] [--reports 50]
        [--repeats 3] [--loads 3] [--no-browser] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

import polars as pl
from playwright.sync_api import BrowserContext

from tracker.model import COLUMN_NAMES, polars_schema
from tracker.report import build_report
from tracker.report.assets import PLOTLY_JS

START = date(2024, 3, 1)
SOURCES = (
    ("Kharkiv Regional Military Administration", "https://kharkivoda.gov.ua/news"),
    ("Suspilne Kharkiv", "https://suspilne.media/kharkiv"),
    ("Ukrinform", "https://www.ukrinform.net/rubric-regions"),
    ("Ministry of Social Policy", "https://www.msp.gov.ua/news"),
)
# What a report can state, in turn: (metric, group, period, start, change a day, words).
KINDS = (
    ("evacuated", "people", "cumulative", 1000, 40, "people were evacuated"),
    ("evacuated", "children", "cumulative", 250, 9, "children were taken out"),
    ("remaining", "people", "unknown", 9000, -30, "residents still remain"),
)
FILLER = (
    " from the frontline communities of the district over the past day, the head of the"
    " regional military administration said on Telegram, adding that buses leave daily"
    " from the centre of the community and that evacuation is still possible"
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


def _spread(*columns: str) -> pl.Expr:
    """A deterministic number in 0..999 that varies with `columns` (no random state)."""
    primes = (7919, 104_729, 31)
    mixed = sum((pl.col(c) * p for c, p in zip(columns, primes, strict=False)), pl.lit(0))
    return (mixed * 2_654_435_761 % 1_000_003) % 1000


def _digest(prefix: str, *parts: pl.Expr) -> pl.Expr:
    """A 17-character id like the store's figure, claim and document ids."""
    text = pl.concat_str([p.cast(pl.String) for p in parts], separator="/")
    return prefix + text.hash(seed=7).cast(pl.String).str.zfill(20).str.slice(4, 16)


def synthetic_figures(districts: int, reports: int) -> pl.DataFrame:
    """Return `districts` x `reports` synthetic reports of 1-3 figures each (see module doc)."""
    grid = pl.DataFrame({"district": pl.int_range(districts, eager=True)}).join(
        pl.DataFrame({"report": pl.int_range(reports, eager=True)}), how="cross"
    )
    kinds = pl.DataFrame(
        list(KINDS),
        schema=["metric", "population_group", "period", "base", "slope", "words"],
        orient="row",
    ).with_row_index("kind")
    day = pl.col("report") // 2
    oblast = (pl.col("district") // 20 + 10).cast(pl.String)
    chance = _spread("district", "report")
    stated = (
        (pl.col("kind") == 0)
        | ((pl.col("kind") == 1) & (chance % 5 < 3))
        | ((pl.col("kind") == 2) & (chance % 4 == 0))
    )
    source = pl.col("report") % len(SOURCES)
    rows = (
        grid.join(kinds, how="cross")
        .filter(stated)
        .with_columns(
            value=(
                pl.col("base")
                + pl.col("slope") * day
                + pl.col("district") * 7
                + pl.col("report") % 3
            )
            .clip(lower_bound=0)
            .cast(pl.Int64),
            qualifier=pl.when(pl.col("report") % 7 == 0)
            .then(pl.lit("approx"))
            .when(pl.col("report") % 11 == 0)
            .then(pl.lit("at_least"))
            .otherwise(pl.lit("exact")),
            location=pl.format("District {} district", pl.col("district")),
            admin1_name=pl.format("Oblast {}", oblast),
            admin1_pcode="UA" + oblast,
            admin2_name=pl.format("District {}", pl.col("district")),
            admin2_pcode="UA" + oblast + (pl.col("district") % 20).cast(pl.String).str.zfill(2),
            settlement=pl.lit(None, pl.String),
            place_match=pl.lit("exact"),
            as_of=pl.lit(START) + pl.duration(days=day),
            since=pl.when(chance % 3 == 0).then(pl.lit(START)),
            programme=pl.lit(None, pl.String),
            source_name=source.replace_strict({i: s[0] for i, s in enumerate(SOURCES)}),
            method=pl.lit("extracted"),
            recorded_at=pl.lit(datetime(2024, 6, 1, 9, 30, 12, 345678, tzinfo=UTC)),
            doc_id=_digest("d", pl.col("district"), pl.col("report")),
            note=pl.lit(None, pl.String),
            evidence_chars=40 + _spread("district", "report", "kind") % 111,
        )
        .with_columns(
            published_on=pl.col("as_of"),
            source_url=source.replace_strict({i: s[1] for i, s in enumerate(SOURCES)})
            + pl.format(
                "/{}-evacuation-from-district-{}-continues-{}",
                pl.col("as_of").dt.strftime("%Y/%m/%d"),
                pl.col("district"),
                pl.col("report"),
            ),
            evidence=pl.format("{} {}", pl.col("value"), pl.col("words"))
            .add(FILLER)
            .str.slice(0, pl.col("evidence_chars")),
            claim_id=_digest("c", pl.col("district"), pl.col("kind"), pl.col("report") // 2),
            figure_id=_digest("f", pl.col("district"), pl.col("report"), pl.col("kind")),
        )
    )
    return rows.sort("district", "report", "kind").select(COLUMN_NAMES).cast(polars_schema())  # type: ignore[arg-type]


def folder_bytes(folder: Path, pattern: str = "*") -> int:
    """Return the total size of the files under `folder` whose name matches `pattern`."""
    return sum(path.stat().st_size for path in folder.rglob(pattern) if path.is_file())


def print_sizes(out: Path, files: int) -> None:
    """Print the size on disk, in total and by kind of file."""
    total = folder_bytes(out)
    kinds = {
        "plotly.js": folder_bytes(out / "assets", "plotly*.js"),
        "other assets": folder_bytes(out / "assets") - folder_bytes(out / "assets", "plotly*.js"),
        "district pages": folder_bytes(out, "*.html") - folder_bytes(out, "index.html"),
        "index.html": folder_bytes(out, "index.html"),
        "CSVs": folder_bytes(out, "*.csv"),
    }
    pages = sorted(out.glob("UA*.html"))
    by_kind = ", ".join(f"{name} {size / 1e6:.2f} MB" for name, size in kinds.items())
    print(f"on disk: {total / 1e6:.2f} MB in {files} files (goal < 15 MB): {by_kind}")
    print(
        f"one district page {pages[0].stat().st_size / 1e3:.1f} kB, "
        f"its CSV {pages[0].with_suffix('.csv').stat().st_size / 1e3:.1f} kB"
    )


# A function, not an expression: the pages' CSP forbids the eval a string would need.
_DRAWN = (
    "() => Array.from(document.querySelectorAll('div[data-figure]'))"
    ".every(div => div.querySelector('svg.main-svg'))"
)
# Milliseconds from navigation start to the marks report.js sets.
_MARKS = (
    "() => ['report:table-filled', 'report:charts-drawn']"
    ".map(name => performance.getEntriesByName(name)[0].startTime)"
)


def _load_seconds(context: BrowserContext, page_path: Path) -> tuple[float, float, float]:
    """Open `page_path` in a new tab; return seconds until every chart has drawn its SVG
    as the test harness sees it, and, as the page timed itself from navigation start,
    until the table of figures was filled and until the charts were drawn."""
    page = context.new_page()
    started = time.perf_counter()
    page.goto(page_path.as_uri(), wait_until="commit")
    page.wait_for_function(_DRAWN)
    seen = time.perf_counter() - started
    table_ms, charts_ms = page.evaluate(_MARKS)
    page.close()
    return seen, table_ms / 1000, charts_ms / 1000


def page_loads(page_path: Path, baseline: Path, loads: int) -> dict[str, list[float]]:
    """Return load times of `page_path` cold and warm, and of `baseline` (plotly.js alone).

    Cold: a new profile in a new browser, first visit. Warm: the same browser and profile
    after one visit, a new tab each time.
    """
    from playwright.sync_api import sync_playwright

    times: dict[str, list[float]] = {}
    with sync_playwright() as playwright:
        for _ in range(loads):
            with tempfile.TemporaryDirectory(prefix="bench_profile_") as profile:
                context = playwright.chromium.launch_persistent_context(
                    profile, executable_path="/usr/bin/chromium", args=CHROMIUM_FLAGS
                )
                for visit in ("cold", "warm", "warm"):
                    seen, table, charts = _load_seconds(context, page_path)
                    times.setdefault(f"{visit}, charts drawn (harness clock)", []).append(seen)
                    times.setdefault(f"{visit}, charts drawn (page clock)", []).append(charts)
                    times.setdefault(f"{visit}, table filled (page clock)", []).append(table)
                started = time.perf_counter()
                tab = context.new_page()
                tab.goto(baseline.as_uri(), wait_until="load")
                times.setdefault("plotly.js alone, warm", []).append(time.perf_counter() - started)
                tab.close()
                context.close()
    return dict(sorted(times.items()))


# Milliseconds from navigation start to the load event, and the page's height in pixels.
_INDEX_METRICS = (
    "() => [performance.getEntriesByType('navigation')[0].loadEventEnd,"
    " document.documentElement.scrollHeight, document.documentElement.scrollWidth]"
)


def print_index_load(index: Path, loads: int) -> None:
    """Print the index's load time (navigation start to the load event, cold and warm)
    and its height and width at 1366 x 768, the size of an analyst's laptop screen."""
    from playwright.sync_api import sync_playwright

    empty = index.with_name("empty.html")
    empty.write_text("<!DOCTYPE html><title>empty</title>", encoding="utf-8")
    times: dict[str, list[float]] = {}
    with sync_playwright() as playwright:
        for _ in range(loads):
            with tempfile.TemporaryDirectory(prefix="bench_profile_") as profile:
                context = playwright.chromium.launch_persistent_context(
                    profile,
                    executable_path="/usr/bin/chromium",
                    args=CHROMIUM_FLAGS,
                    viewport={"width": 1366, "height": 768},
                )
                for visit in ("cold", "warm", "warm"):
                    page = context.new_page()
                    page.goto(index.as_uri(), wait_until="load")
                    load_ms, height, width = page.evaluate(_INDEX_METRICS)
                    times.setdefault(f"index, {visit}", []).append(load_ms / 1000)
                    page.close()
                # What any page costs on this machine now: an empty one, first visit.
                page = context.new_page()
                page.goto(empty.as_uri(), wait_until="load")
                times.setdefault("an empty page, first visit", []).append(
                    page.evaluate(_INDEX_METRICS)[0] / 1000
                )
                page.close()
                context.close()
    screens = height / 768
    print(f"index.html at 1366 x 768: {height:,} px tall ({screens:.1f} screens), {width} px wide")
    for name, seconds in times.items():
        print(
            f"  load event, {name} (goal for the index < 0.3 s): best {min(seconds):.2f} s,"
            f" median {statistics.median(seconds):.2f} s, runs {[round(t, 2) for t in seconds]}"
        )


def print_page_loads(out: Path, district_page: Path, loads: int) -> None:
    """Print page load times of one district page, cold and warm, with the load average."""
    baseline = out / "plotly_only.html"
    baseline.write_text(f'<script src="assets/{PLOTLY_JS}"></script>', encoding="utf-8")
    before = os.getloadavg()[0]
    times = page_loads(district_page, baseline, loads)
    print(
        f"page load of {district_page.name} in headless chromium (goal < 1 s to charts drawn,"
        " i.e. every chart div has svg.main-svg):"
    )
    for name, seconds in times.items():
        print(
            f"  {name}: best {min(seconds):.2f} s, median {statistics.median(seconds):.2f} s,"
            f" runs {[round(t, 2) for t in seconds]}"
        )
    print(
        f"load average 1 min: {before:.2f} before, {os.getloadavg()[0]:.2f} after,"
        f" on {os.cpu_count()} cores"
    )


def main() -> None:
    """Build the synthetic report a few times and print time, size and page load."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--districts", type=int, default=200)
    parser.add_argument("--reports", type=int, default=50)
    parser.add_argument("--repeats", type=int, default=3, help="builds to time")
    parser.add_argument("--loads", type=int, default=3, help="browser profiles to load in")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--keep", type=Path, help="also write the report into this folder")
    args = parser.parse_args()

    print(f"load average (1, 5, 15 min): {os.getloadavg()} on {os.cpu_count()} cores")
    figures = synthetic_figures(args.districts, args.reports)
    print(
        f"figures: {figures.height:,} ({args.districts} districts x {args.reports} reports,"
        f" {figures.height / (args.districts * args.reports):.2f} figures a report)"
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
        print_sizes(out, len(result.paths))
        if args.keep:
            shutil.copytree(out, args.keep, dirs_exist_ok=True)
        if not args.no_browser:
            print_index_load(out / "index.html", args.loads)
            print_page_loads(out, sorted(out.glob("UA*.html"))[0], args.loads)
    finally:
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
