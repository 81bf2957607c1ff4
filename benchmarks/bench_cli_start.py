"""How long small commands take, wall clock, with the import-time breakdown of each.

Goals (2 cores, pandas installed as in any notebook environment): `tracker --help` under
0.25 s, `tracker log` of one figure into a store of 100,000 figures under 0.5 s,
`tracker list --district Kupiansk` on it under 0.4 s.

Run: python benchmarks/bench_cli_start.py [--runs 5] [--rows 100000] [--source OLD_CHECKOUT]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

GOALS = {"--help": 0.25, "log": 0.5, "list": 0.4}
# The third-party packages each command cannot run without: a process that imports only
# these (hiding what the CLI hides) and exits is the floor under the command's time.
# pydantic is there because recent typer (0.29 here; not 0.15) converts every option value
# with it.
NEEDED = {
    "--help": ("typer",),
    "log": ("typer", "pydantic", "polars", "adbc_driver_sqlite", "pandera.polars"),
    "list": ("typer", "pydantic", "polars", "adbc_driver_sqlite"),
}
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


def wall_times(
    args_per_run: list[list[str]], runs: int, env: dict[str, str]
) -> tuple[list[float], list[float]]:
    """Return the wall-clock and the CPU seconds (user + system, which other load on the
    machine disturbs less) of `runs` runs of `python -m tracker ARGS`."""
    timings, cpu = [], []
    for args in args_per_run[:runs]:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "tracker", *args],
            check=True,
            capture_output=True,
            env=env,
            cwd=env["BENCH_CWD"],
        )
        timings.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return timings, cpu


def import_floor(modules: tuple[str, ...], runs: int, env: dict[str, str]) -> float:
    """Return the median wall seconds of a process that only imports `modules`, with the
    packages the CLI hides hidden as the CLI hides them."""
    code = (
        "from tracker.cli.imports import hide_unused_packages; hide_unused_packages()\n"
        + "".join(f"import {module}\n" for module in modules)
    )
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=env["BENCH_CWD"])
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def import_breakdown(args: list[str], env: dict[str, str]) -> list[tuple[str, float]]:
    """Return (top-level package, ms spent importing its modules) of one run, largest
    first: each module's own time, summed over the modules of its package."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "tracker", *args],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=env["BENCH_CWD"],
    )
    totals: dict[str, float] = defaultdict(float)
    line = re.compile(r"import time:\s+(\d+) \|\s+\d+ \| +(\S+)")
    for match in map(line.match, done.stderr.splitlines()):
        if match:
            totals[match.group(2).split(".")[0]] += int(match.group(1)) / 1000
    return sorted(totals.items(), key=lambda item: -item[1])


def main() -> None:
    """Build the store once, time each command, print the figures and the breakdowns."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument(
        "--source",
        type=Path,
        help="Time the tracker in this source folder instead (e.g. an older checkout); "
        "the store is still built by the installed one.",
    )
    options = parser.parse_args()
    env = dict(os.environ)
    if options.source:
        env["PYTHONPATH"] = str(options.source.resolve())
    # Byte-compile the package as `pip install` does: with PYTHONDONTWRITEBYTECODE set (as
    # on some machines) an edited source tree would otherwise be compiled on every run.
    source = options.source or Path(__file__).resolve().parent.parent
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(source / "tracker")], check=True)
    with tempfile.TemporaryDirectory() as folder:
        # From the temporary folder, or `python -m tracker` would import ./tracker first.
        env["BENCH_CWD"] = folder
        started = time.perf_counter()
        db = build_store(Path(folder), options.rows)
        print(f"store of {options.rows:,} figures built in {time.perf_counter() - started:.1f} s")
        for name, args_per_run in commands(db).items():
            timings, cpu = wall_times(args_per_run, options.runs, env)
            print(
                f"tracker {name}: median {statistics.median(timings):.3f} s, best "
                f"{min(timings):.3f} s over {options.runs} runs (goal < {GOALS[name]} s); "
                f"CPU median {statistics.median(cpu):.3f} s"
            )
            spent = import_breakdown(args_per_run[-1], env)
            total = sum(ms for _, ms in spent)
            top = ", ".join(f"{pkg} {ms:.0f}" for pkg, ms in spent[:10])
            print(f"  imports: {total:.0f} ms in all; by package (ms): {top}")
            floor = import_floor(NEEDED[name], options.runs, env)
            print(f"  floor: importing only {', '.join(NEEDED[name])}: median {floor:.3f} s")
        probe = f"import sys, tracker.cli; print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
        done = subprocess.run(
            [sys.executable, "-c", probe],
            check=True,
            capture_output=True,
            text=True,
            env=env,
            cwd=folder,
        )
        print(f"heavy modules imported by the CLI at start: {done.stdout.strip()}")


if __name__ == "__main__":
    main()
