"""How long the terminal table of `tracker list` takes to draw, against rich's Table.

Issue 14 asked for one table printer, rich. The tracker keeps its own (tracker/cli/output.py
`print_table`, the one printer of every command) because rich's Table measures every cell
of every row: this prints both on the same rows, into memory, 160 characters wide.

Goal: a district's figures (about 750 rows at 100,000 stored) drawn in well under the 0.4 s
that `tracker list --district` may take in all.
Run: python benchmarks/bench_table.py [--rows 50 750 4618] [--runs 5]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import statistics
import time
from collections.abc import Callable
from datetime import date, timedelta

from tracker.cli.output import TABLE_COLUMNS, print_table


def figure_rows(count: int) -> list[dict[str, object]]:
    """Return `count` rows like those `tracker list` prints."""
    start = date(2023, 1, 1)
    return [
        {
            "as_of": start + timedelta(days=i % 700),
            "location": f"Kupianskyi raion {i % 13}",
            "admin2_name": "Kupianskyi",
            "metric": "evacuated",
            "population_group": "people",
            "qualifier": "exact",
            "value": 100 + i * 7,
            "source_name": f"Kharkiv Regional Military Administration {i % 40}",
            "figure_id": f"f{i:016x}",
        }
        for i in range(count)
    ]


def tracker_table(rows: list[dict[str, object]]) -> None:
    """Draw the rows with the tracker's printer (stdout captured)."""
    with contextlib.redirect_stdout(io.StringIO()):
        print_table(rows, TABLE_COLUMNS)


def rich_table(rows: list[dict[str, object]]) -> None:
    """Draw the rows with rich's Table, cells cut with an ellipsis as the tracker cuts them."""
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, pad_edge=False)
    for column in TABLE_COLUMNS:
        table.add_column(column, no_wrap=True, overflow="ellipsis", max_width=40)
    for row in rows:
        table.add_row(*(str(row[c]) for c in TABLE_COLUMNS))
    Console(file=io.StringIO(), width=160).print(table)


def median_seconds(draw: Callable[[list[dict[str, object]]], None], rows: list, runs: int) -> float:
    """Return the median seconds of `runs` draws of `rows`."""
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        draw(rows)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def main() -> None:
    """Print both printers' median time for each row count."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, nargs="+", default=[50, 750, 4618])
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    started = time.perf_counter()
    import rich.console
    import rich.table  # noqa: F401

    print(f"importing rich's console and table: {time.perf_counter() - started:.3f} s")
    for count in options.rows:
        rows = figure_rows(count)
        ours = median_seconds(tracker_table, rows, options.runs)
        theirs = median_seconds(rich_table, rows, options.runs)
        print(
            f"{count:>6,} rows: tracker print_table {ours:.3f} s, rich Table {theirs:.3f} s "
            f"({theirs / ours:.0f}x)"
        )


if __name__ == "__main__":
    main()
