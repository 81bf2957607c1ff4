"""Import 1,000,000 figures from Parquet into a fresh store and list them back, on SQLite and
on PostgreSQL side by side; then 8 concurrent `tracker log` writers on each.

Goals: SQLite import and list each under 10 s; PostgreSQL within 2x of SQLite; writers lose
nothing (stored == acknowledged). Prints peak memory of each command. Without --pg-url a
throwaway server is started (tests/pg_server.py; needs Debian's postgresql).
Run: python benchmarks/bench_store.py [--rows 1000000] [--keep DIR] [--pg-url URL]
Loss trials (issue 9):
  python benchmarks/bench_store.py --rows 0 --writers 3 --calls 10 --trials 5
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


def postgres_url(given: str | None) -> tuple[str, object | None]:
    """Return a server URL: the one given, or a throwaway server's (and that server)."""
    if given:
        return given, None
    sys.path.insert(0, str(Path(__file__).parent.parent / "tests"))
    import pg_server

    server = pg_server.start()
    return server.url, server


def fresh_postgres_db(server_url: str) -> str:
    """Return the URL of a new, empty database on the server."""
    sys.path.insert(0, str(Path(__file__).parent.parent / "tests"))
    import uuid

    import pg_server

    return str(pg_server.create_database(server_url, f"bench_{uuid.uuid4().hex[:12]}"))


def import_and_list(parquet: Path, db: str) -> dict[str, float]:
    """Import the file into `db`, list it back; return seconds and peak MB of each."""
    import_s, import_mb = timed_command(["import", str(parquet), "--db", db])
    list_s, list_mb = timed_command(["list", "--format", "csv", "--db", db])
    return {"import_s": import_s, "import_mb": import_mb, "list_s": list_s, "list_mb": list_mb}


_WRITER = """
import subprocess, sys
acknowledged = 0
for call in range(int(sys.argv[2])):
    done = subprocess.run(
        [sys.executable, "-m", "tracker", "log", "--district", "Pokrovsk", "--evacuated",
         str(1000 * int(sys.argv[3]) + call), "--date", "2024-05-01", "--source",
         f"writer {sys.argv[3]}", "--db", sys.argv[1]],
        capture_output=True, text=True, check=True,
    )
    acknowledged += int(done.stdout.split("stored ")[1].split()[0])
print(acknowledged)
"""


def concurrent_logs(db: str, writers: int, calls: int) -> tuple[float, int, int]:
    """Run `writers` processes of `calls` log calls each at once on `db`; return (figures
    per second, figures acknowledged, figures stored)."""
    subprocess.run(  # create and migrate first, as any earlier command would have
        [sys.executable, "-m", "tracker", "list", "--db", db], capture_output=True, check=False
    )
    timed_command(["log", "--district", "Izium", "--evacuated", "1", "--source", "s", "--db", db])
    started = time.perf_counter()
    running = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, db, str(calls), str(n)], stdout=subprocess.PIPE
        )
        for n in range(writers)
    ]
    acknowledged = sum(int(p.communicate(timeout=600)[0]) for p in running)
    seconds = time.perf_counter() - started
    listed = subprocess.run(
        [sys.executable, "-m", "tracker", "list", "--format", "jsonl", "--db", db],
        capture_output=True,
        text=True,
        check=True,
    )
    stored = len(listed.stdout.splitlines()) - 1  # less the one logged before
    return acknowledged / seconds, acknowledged, stored


def compare_import_and_list(rows: int, folder: Path, server_url: str) -> None:
    """Print import and list of `rows` figures on SQLite and PostgreSQL side by side."""
    parquet = folder / "figures.parquet"
    synthetic_figures(rows).write_parquet(parquet)
    print(f"{rows:,} figures in {parquet} ({parquet.stat().st_size / 1e6:.1f} MB)")
    sqlite_db = folder / "bench.db"
    sqlite_db.unlink(missing_ok=True)
    results = {
        "sqlite": import_and_list(parquet, str(sqlite_db)),
        "postgresql": import_and_list(parquet, fresh_postgres_db(server_url)),
    }
    print(f"\n{'backend':<11} {'import s':>9} {'peak MB':>8} {'list s':>8} {'peak MB':>8}")
    for name, r in results.items():
        print(
            f"{name:<11} {r['import_s']:>9.2f} {r['import_mb']:>8.0f}"
            f" {r['list_s']:>8.2f} {r['list_mb']:>8.0f}"
        )
    ratio = {k: results["postgresql"][k] / results["sqlite"][k] for k in ("import_s", "list_s")}
    print(
        f"goals: SQLite import and list < {GOAL_SECONDS} s; PostgreSQL within 2x of SQLite"
        f" (import {ratio['import_s']:.2f}x, list {ratio['list_s']:.2f}x)"
    )


def writer_trials(writers: int, calls: int, trials: int, folder: Path, server_url: str) -> None:
    """Print, per backend and trial, what concurrent `log` writers acknowledged and stored."""
    print(f"\n{writers} concurrent writers x {calls} `tracker log` calls, {trials} trial(s):")
    for trial in range(1, trials + 1):
        sqlite_logs = folder / f"logs-{trial}.db"
        sqlite_logs.unlink(missing_ok=True)
        for name, db in (
            ("sqlite", str(sqlite_logs)),
            ("postgresql", fresh_postgres_db(server_url)),
        ):
            rate, acknowledged, stored = concurrent_logs(db, writers, calls)
            print(
                f"{name:<11} trial {trial}: {rate:6.1f} figures/s; acknowledged {acknowledged},"
                f" stored {stored}, lost {acknowledged - stored}"
            )


def main() -> None:
    """Run import and list on both backends (unless --rows 0), then concurrent writers."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000, help="0 skips import and list")
    parser.add_argument("--keep", type=Path, help="keep the files in this folder")
    parser.add_argument("--pg-url", help="a PostgreSQL server URL (default: start one)")
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--calls", type=int, default=5, help="log calls per writer")
    parser.add_argument("--trials", type=int, default=1, help="rounds of concurrent writers")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp())
    folder.mkdir(parents=True, exist_ok=True)
    server_url, server = postgres_url(args.pg_url)
    try:
        if args.rows:
            compare_import_and_list(args.rows, folder, server_url)
        writer_trials(args.writers, args.calls, args.trials, folder, server_url)
    finally:
        if server is not None:
            server.stop()  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()
