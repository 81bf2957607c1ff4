"""Benchmark: `tracker ingest` of 10,000 generated report documents, end to end.

Generates a JSONL file of realistic reports (about 1 KB each, built from templates with
polars string expressions), then times the real command in a subprocess, twice: the
first run stores everything, the second must add nothing. Prints the figures.

    python benchmarks/bench_ingest.py [--documents 10000] [--seed 1]

Goal (issue 4): 10,000 documents in under 60 s end to end.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import polars as pl

GOAL_SECONDS = 60.0

DISTRICTS = (
    ("Kupiansk district", "Kharkiv"),
    ("Izium district", "Kharkiv"),
    ("Chuhuiv district", "Kharkiv"),
    ("Bohodukhiv district", "Kharkiv"),
    ("Pokrovsk district", "Donetsk"),
    ("Kramatorsk district", "Donetsk"),
    ("Bakhmut district", "Donetsk"),
    ("Nikopol district", "Dnipropetrovsk"),
    ("Synelnykove district", "Dnipropetrovsk"),
    ("Sumy district", "Sumy"),
    ("Shostka district", "Sumy"),
    ("Kherson district", "Kherson"),
)

LEADS = (
    "The evacuation from the {place} of {oblast} Oblast continues, the regional military "
    "administration said on {weekday}. Shelling of the district's communities did not stop "
    "overnight: {shells} attacks were recorded, and {drones} drones were shot down.",
    "Residents of the {place} are urged to leave as the front line moves closer; it is now "
    "about {km} km from the district centre, officials of {oblast} Oblast reported on "
    "{weekday}. Evacuation routes stay open despite {shells} attacks over the past week.",
)

FACTS = (
    "Since May 10, {total} people, including {children} children, have been evacuated "
    "from the {place}.",
    "In total, {total} people, including {children} children, have left the {place} "
    "since the mandatory evacuation was announced on May 10.",
    "A total of {total} residents have been evacuated from the {place} so far, among them "
    "{children} children.",
)

TAILS = (
    "About {remaining} residents remain in the district, officials said. Yesterday "
    "{day} people left, among them {day_children} children.",
    "Nearly {remaining} people still live in the {place}. Over the past day, {day} people "
    "were taken out by volunteers and the police.",
)

FILLER = (
    " Evacuees receive a one-off payment and help with documents at the transit point in "
    "the regional centre, where psychologists and doctors work around the clock. Buses "
    "leave twice a day; the hotline 1545 answers questions about the routes. Families "
    "can find free housing through the Shelter programme; {housed} people have already "
    "been accommodated in this way, the administration added. Humanitarian hubs in "
    "{hubs} communities hand out food kits, water and hygiene products to those who stay."
)

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def generate(documents: int, seed: int) -> pl.DataFrame:
    """Return `documents` generated reports: id, text, published, source."""
    rng = pl.int_range(0, documents, eager=True).alias("n")
    frame = pl.DataFrame(rng).with_columns(
        (pl.col("n").hash(seed) % 1_000_000).alias("r"),
    )
    places = [p for p, _ in DISTRICTS]
    oblasts = [o for _, o in DISTRICTS]
    frame = frame.with_columns(
        _pick(places, pl.col("r")).alias("place"),
        _pick(oblasts, pl.col("r")).alias("oblast"),
        _pick(WEEKDAYS, pl.col("n")).alias("weekday"),
        # Cumulative totals grow and stocks shrink with the date, as in a real series.
        (pl.col("n") * 3 + 500).alias("total"),
        ((pl.col("n") * 3 + 500) // 8).alias("children"),
        (60_000 - pl.col("n") * 5).alias("remaining"),
        (pl.col("r") % 600 + 100).alias("day"),
        ((pl.col("r") % 600 + 100) // 7 + pl.col("r") % 5).alias("day_children"),
        (pl.col("r") % 40 + 3).alias("shells"),
        (pl.col("r") % 25 + 2).alias("drones"),
        (pl.col("r") % 30 + 5).alias("km"),
        (pl.col("r") % 600 + 600).alias("housed"),
        (pl.col("r") % 12 + 2).alias("hubs"),
        pl.lit(date(2024, 6, 1))
        .dt.offset_by(pl.format("{}d", pl.col("n") * 400 // documents))
        .alias("published"),
    )
    frame = frame.with_columns(_grouped(pl.col(c)) for c in ("total", "children", "remaining"))
    text = pl.concat_str(
        _fill(LEADS, pl.col("r") % len(LEADS)),
        pl.lit(" "),
        _fill(FACTS, (pl.col("r") // 7) % len(FACTS)),
        pl.lit(" "),
        _fill(TAILS, (pl.col("r") // 11) % len(TAILS)),
        _fill((FILLER,), pl.lit(0)),
    )
    return frame.select(
        pl.format("bench-{}", pl.col("n")).alias("id"),
        text.alias("text"),
        pl.col("published").cast(pl.String),
        pl.format("Bench Wire {}", pl.col("n") % 5).alias("source"),
    )


def _pick(options: list[str] | tuple[str, ...], index: pl.Expr) -> pl.Expr:
    """Return, per row, the option at `index` modulo the number of options."""
    return pl.lit(pl.Series(list(options))).gather(index % len(options))


def _grouped(number: pl.Expr) -> pl.Expr:
    """Return the number as text with thousands grouped: "15,031" or "15 031" (every other row).

    Reports group thousands; an ungrouped 1900-2100 would also read as a year.
    """
    thousands = (number % 1000).cast(pl.String).str.zfill(3)
    separator = pl.when(pl.col("r") % 2 == 0).then(pl.lit(",")).otherwise(pl.lit(" "))
    grouped = pl.concat_str(number // 1000, separator, thousands)
    return pl.when(number >= 1000).then(grouped).otherwise(number.cast(pl.String))


def _fill(templates: tuple[str, ...], choice: pl.Expr) -> pl.Expr:
    """Return, per row, the chosen template with its {fields} replaced by the row's columns."""
    rendered = [_render(template) for template in templates]
    expr = rendered[-1]
    for index in range(len(rendered) - 2, -1, -1):
        expr = pl.when(choice == index).then(rendered[index]).otherwise(expr)
    return expr


def _render(template: str) -> pl.Expr:
    """Return `template` as a string expression: literal parts and {field} columns joined."""
    parts = re.split(r"\{(\w+)\}", template)
    return pl.concat_str(
        [
            pl.lit(part) if i % 2 == 0 else pl.col(part).cast(pl.String)
            for i, part in enumerate(parts)
        ]
    )


@dataclass(frozen=True)
class _Run:
    wall: float
    cpu: float
    stdout: str


def _time_ingest(tracker: str, path: Path, db: Path) -> _Run:
    """Run `tracker ingest` once; return its wall time, CPU time and output."""
    cpu_before = _children_cpu()
    started = time.perf_counter()
    done = subprocess.run(
        [tracker, "ingest", str(path), "--db", str(db)], capture_output=True, text=True, check=False
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"tracker ingest failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return _Run(elapsed, _children_cpu() - cpu_before, done.stdout.strip())


def _children_cpu() -> float:
    # CPU time is what the machine's load does not inflate; wall time is the goal.
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    """Generate the documents, time two ingests, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    tracker = shutil.which("tracker") or sys.exit("the `tracker` command is not installed")

    with tempfile.TemporaryDirectory() as tmp:
        path, db = Path(tmp) / "bench.jsonl", Path(tmp) / "bench.db"
        started = time.perf_counter()
        frame = generate(args.documents, args.seed)
        frame.write_ndjson(path)
        generated = time.perf_counter() - started
        size_kb = path.stat().st_size / 1024
        load = os.getloadavg()[0]
        print(
            f"generated {frame.height} documents ({size_kb / frame.height:.2f} KB each) "
            f"in {generated:.2f} s"
        )

        first = _time_ingest(tracker, path, db)
        second = _time_ingest(tracker, path, db)
        with sqlite3.connect(db) as connection:
            stored = connection.execute("SELECT count(*) FROM figures").fetchone()[0]

    # The summary without the listed warnings (their count is on its own line).
    print("\n".join(line for line in first.stdout.splitlines() if not line.startswith("  ")))
    print(f"load average before the runs: {load:.2f} on {os.cpu_count()} cores")
    for name, run in (("first ingest ", first), ("second ingest", second)):
        rate = frame.height / run.wall
        print(f"{name}: {run.wall:.2f} s wall, {run.cpu:.2f} s CPU ({rate:.0f} documents/s)")
    print(f"second ingest (idempotent) -> {second.stdout.splitlines()[1]}")
    print(f"figures in the store: {stored}")
    verdict = "meets" if first.wall < GOAL_SECONDS else "MISSES"
    print(
        f"goal: {frame.height} documents under {GOAL_SECONDS:.0f} s: {verdict} ({first.wall:.2f} s)"
    )


if __name__ == "__main__":
    main()
