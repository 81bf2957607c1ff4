"""How long small commands take, wall clock, with the import-time breakdown of each.

Goals (2 cores, pandas installed as in any notebook environment): `tracker --help` under
0.25 s, `tracker log` of one figure into a store of 100,000 figures under 0.5 s,
`tracker list --district Kupiansk` on it under 0.4 s.

Run: python benchmarks/bench_cli_start.py [--runs 5] [--rows 100000]
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

GOALS = {"--help": 0.25, "log": 0.5, "list": 0.4}
HEAVY = ("polars", "pandera", "pandas", "hypothesis", "plotly", "rapidfuzz", "pyarrow", "numpy")


def build_store(folder: Path, rows: int) -> Path:
    """Return a SQLite store of `rows` figures spread over Ukraine's 136 raions."""
    import polars as pl

    import tracker
    from tracker.places import units

    raions = [u for u in units("raion") if u.pcode and u.pcode.startswith("UA")]
    index = pl.int_range(rows, eager=True) % len(raions)
    names = [f"{u.name} raion" for u in raions]
    frame = pl.DataFrame({"r": index, "i": pl.int_range(rows, eager=True)}).select(
        pl.lit("evacuated").alias("metric"),
        pl.lit("people").alias("population_group"),
        (pl.col("i") % 1000).cast(pl.String).alias("value"),
        pl.lit("exact").alias("qualifier"),
        pl.col("r").replace_strict(list(range(len(raions))), names).alias("location"),
        pl.col("r")
        .replace_strict(list(range(len(raions))), [u.admin1_name for u in raions])
        .alias("admin1_name"),
        (pl.lit(date(2020, 1, 1)) + pl.duration(days=pl.col("i") % 1500))
        .cast(pl.String)
        .alias("as_of"),
        pl.format("Source {}", pl.col("i") // 1000).alias("source_name"),
    )
    figures = folder / "figures.csv"
    frame.write_csv(figures)
    db = folder / "tracker.db"
    tracker.import_files(db, figures)
    return db


def commands(db: Path) -> dict[str, list[list[str]]]:
    """Return each timed command, once per run (each log stores a new figure)."""
    log = [
        "log", "--district", "Kupiansk", "--oblast", "Kharkiv", "--date", "2024-05-01",
        "--source", "bench", "--db", str(db), "--evacuated",
    ]  # fmt: skip
    return {
        "--help": [["--help"]] * 100,
        "log": [[*log, str(1000 + run)] for run in range(100)],
        "list": [["list", "--district", "Kupiansk", "--db", str(db)]] * 100,
    }


def wall_times(args_per_run: list[list[str]], runs: int) -> list[float]:
    """Return the wall-clock seconds of `runs` runs of `python -m tracker ARGS`."""
    timings = []
    for args in args_per_run[:runs]:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "tracker", *args], check=True, capture_output=True)
        timings.append(time.perf_counter() - started)
    return timings


def import_breakdown(args: list[str]) -> list[tuple[str, float]]:
    """Return (top-level package, cumulative import ms) of one run, largest first."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "tracker", *args],
        capture_output=True,
        text=True,
        check=True,
    )
    totals: dict[str, float] = defaultdict(float)
    line = re.compile(r"import time:\s+\d+ \|\s+(\d+) \| ( *)(\S+)")
    for match in map(line.match, done.stderr.splitlines()):
        if match and len(match.group(2)) <= 1:  # a module imported by no other one
            totals[match.group(3).split(".")[0]] += int(match.group(1)) / 1000
    return sorted(totals.items(), key=lambda item: -item[1])


def main() -> None:
    """Build the store once, time each command, print the figures and the breakdowns."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rows", type=int, default=100_000)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        db = build_store(Path(folder), options.rows)
        print(f"store of {options.rows:,} figures built in {time.perf_counter() - started:.1f} s")
        for name, args_per_run in commands(db).items():
            timings = wall_times(args_per_run, options.runs)
            print(
                f"tracker {name}: median {statistics.median(timings):.3f} s, best "
                f"{min(timings):.3f} s over {options.runs} runs (goal < {GOALS[name]} s)"
            )
            top = import_breakdown(args_per_run[-1])[:8]
            print("  imports (ms): " + ", ".join(f"{pkg} {ms:.0f}" for pkg, ms in top))
    probe = f"import sys, tracker.cli; print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True)
    print(f"heavy modules imported by the CLI at start: {done.stdout.strip()}")


if __name__ == "__main__":
    main()
