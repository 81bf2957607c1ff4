"""Print the extractor's time against the size of one document, 10 KB to 10 MB, doubling.

Usage: python benchmarks/bench_extract_scaling.py [--largest-mb 10]

Two texts: report prose (figures, places, dates) and the pathological "1 1 1 ..." of bare
numbers that once took quadratic time. Linear work shows as a ratio near 2 from each size
to the next; the last column prints it. Documents over 5 MB need `--max-bytes` on the CLI.
"""

from __future__ import annotations

import argparse
import time
from datetime import date

from tracker.extract import extract

PROSE = (
    "Over the last day, 900 people, including 217 children, were evacuated from frontline "
    "areas of the Pokrovsk district, the regional military administration reported. About 40 "
    "people are still in Toretsk, and the Toretsk community about 140. "
)
BARE_NUMBERS = "1 "
TAIL = " people have been evacuated from the Kupiansk district."


def seconds_for(unit: str, size: int) -> float:
    """Return the seconds the extractor takes for `unit` repeated to `size` characters."""
    text = unit * (size // len(unit)) + TAIL
    started = time.perf_counter()
    extract(text, published=date(2024, 5, 14))
    return time.perf_counter() - started


def main() -> None:
    """Print one row per size and text."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--largest-mb", type=float, default=10.0)
    args = parser.parse_args()
    extract("warm-up: 5 people were evacuated from Izium.", published=date(2024, 5, 14))
    for name, unit in (("prose", PROSE), ("bare numbers", BARE_NUMBERS)):
        print(f"{name}:\n{'size':>10} {'seconds':>9} {'x previous':>11}")
        size, previous = 10_000, None
        while size <= args.largest_mb * 1_000_000:
            seconds = seconds_for(unit, size)
            ratio = f"{seconds / previous:>11.2f}" if previous else f"{'':>11}"
            print(f"{size / 1000:>8.0f}KB {seconds:>9.3f} {ratio}", flush=True)
            size, previous = size * 2, seconds


if __name__ == "__main__":
    main()
