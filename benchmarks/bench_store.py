"""Import 1,000,000 figures from Parquet into a fresh store, list them back, and compare
the two routes for reading SQLite into polars (stdlib sqlite3 vs ADBC).

Goals: import and list each under 10 s; prints peak memory of each command.
Run: python benchmarks/bench_store.py [--rows 1000000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import polars as pl

GOAL_SECONDS = 10.0
PLACES = ["Kupiansk", "Izium", "Pokrovsk", "Vovchansk", "Kramatorsk", "Nikopol", "Kherson", "Sumy"]


def synthetic_figures(rows: int) -> pl.DataFrame:
    """Return `rows` distinct, valid figures built with vectorised expressions."""
    index = pl.int_range(rows, eager=True)
    places = pl.Series(PLACES).gather(index % len(PLACES))
    return pl.DataFrame({"i": index, "place": places}).select(
        pl.lit("evacuated").alias("metric"),
        pl.lit("people").alias("population_group"),
        (1000 + pl.col("i") % 500).alias("value"),
        pl.lit("exact").alias("qualifier"),
        pl.col("place").alias("location"),
        (pl.lit(date(2020, 1, 1)) + pl.duration(days=pl.col("i") % 2000)).alias("as_of"),
        pl.format("Source {}", pl.col("i") // 5000).alias("source_name"),
    )


# Runs one command in a fresh process so that its children's peak memory is its own.
_MEASURE = """
import resource, subprocess, sys, time
started = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
seconds = time.perf_counter() - started
print(seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
"""


def timed_command(args: list[str]) -> tuple[float, float]:
    """Run a tracker command; return (seconds, its peak resident memory in MB)."""
    command = [sys.executable, "-m", "tracker", *args]
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command], check=True, capture_output=True, text=True
    )
    seconds, peak_mb = done.stdout.split()
    return float(seconds), float(peak_mb)


def compare_read_routes(db: Path) -> None:
    """Print how long each route takes to read every figure into polars."""
    import sqlite3

    started = time.perf_counter()
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT * FROM figures").fetchall()
        pl.DataFrame(rows, orient="row", infer_schema_length=None)
    print(f"read route sqlite3 + pl.DataFrame: {time.perf_counter() - started:.2f} s")
    try:
        import adbc_driver_sqlite.dbapi as adbc
    except ImportError:
        print("read route ADBC: adbc-driver-sqlite not installed")
        return
    started = time.perf_counter()
    with adbc.connect(str(db)) as connection:
        pl.read_database("SELECT * FROM figures", connection)
    print(f"read route ADBC (pl.read_database): {time.perf_counter() - started:.2f} s")


def main() -> None:
    """Build the file, run import and list, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="keep the files in this folder")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp())
    folder.mkdir(parents=True, exist_ok=True)
    parquet, db = folder / "figures.parquet", folder / "bench.db"
    db.unlink(missing_ok=True)
    synthetic_figures(args.rows).write_parquet(parquet)
    print(f"{args.rows:,} figures in {parquet} ({parquet.stat().st_size / 1e6:.1f} MB)")

    seconds, peak = timed_command(["import", str(parquet), "--db", str(db)])
    print(f"import: {seconds:.2f} s (goal < {GOAL_SECONDS} s), peak memory {peak:.0f} MB")
    seconds, peak = timed_command(["list", "--format", "csv", "--db", str(db)])
    print(
        f"list --format csv: {seconds:.2f} s (goal < {GOAL_SECONDS} s), peak memory {peak:.0f} MB"
    )
    compare_read_routes(db)
    print(f"database size: {db.stat().st_size / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
