"""How long `tracker --help` takes, wall clock (goal: under 0.25 s on 2 cores).

Run: python benchmarks/bench_cli_start.py [--runs 10]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

GOAL_SECONDS = 0.25


def main() -> None:
    """Time `python -m tracker --help` several times and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "tracker", "--help"], check=True, capture_output=True)
        timings.append(time.perf_counter() - started)
    probe = (
        "import sys, tracker.cli; heavy = ('polars', 'pandera', 'plotly', 'rapidfuzz'); "
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True)
    heavy = done.stdout.strip()
    print(
        f"tracker --help: median {statistics.median(timings):.3f} s, "
        f"best {min(timings):.3f} s over {runs} runs (goal < {GOAL_SECONDS} s)"
    )
    print(f"heavy modules imported by the CLI at start: {heavy}")


if __name__ == "__main__":
    main()
