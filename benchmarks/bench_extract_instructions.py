"""Print the CPU instructions the extractor spends per ~1 KB passage, counted by valgrind.

Usage: python benchmarks/bench_extract_instructions.py [--passages N]

Wall and CPU time (bench_extract.py) move with whatever else the host runs; an instruction
count does not, so this is the figure to compare two versions of the extractor by. It runs
the same passages as bench_extract.py under `valgrind --tool=callgrind` twice, with 1 and
with N+1 passages, and divides the difference by N, so that start-up and the gazetteer
load drop out. Needs valgrind (`apt-get install valgrind`); N=200 takes about a minute.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

_RUN = """
import sys
sys.path.insert(0, {benchmarks!r})
from datetime import date
from bench_extract import _passages
from tracker.extract import extract
passages = _passages({count})
for passage in passages:
    extract(passage, published=date(2024, 6, 1))
"""
_COLLECTED_RE = re.compile(r"Collected : (\d+)")


def main() -> None:
    """Count the instructions for 1 and N+1 passages and print their difference per passage."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--passages", type=int, default=200)
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed: apt-get install valgrind")
    one = _instructions(1)
    many = _instructions(args.passages + 1)
    per_passage = (many - one) / args.passages
    print(f"{args.passages} passages: {per_passage / 1e6:.2f} M instructions per passage")


def _instructions(count: int) -> int:
    """Return the instructions valgrind counts for extracting `count` passages."""
    code = _RUN.format(benchmarks=str(Path(__file__).resolve().parent), count=count)
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable],
        input=code,
        capture_output=True,
        text=True,
        check=True,
    )
    found = _COLLECTED_RE.search(done.stderr)
    if found is None:
        sys.exit(f"valgrind printed no instruction count:\n{done.stderr[-2000:]}")
    return int(found.group(1))


if __name__ == "__main__":
    main()
