"""The extractor's time grows linearly with the text: a ratio of times, never a wall time."""

from __future__ import annotations

import time
from datetime import date

import pytest

from tracker.extract import extract

TAIL = "people have been evacuated from the Kupiansk district."


def best_time(text: str, runs: int = 3) -> float:
    """Return the fastest of `runs` extractions of `text`, in seconds."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        extract(text, published=date(2024, 5, 14))
        times.append(time.perf_counter() - started)
    return min(times)


@pytest.mark.parametrize(
    "filler",
    [
        pytest.param("1 ", id="bare-numbers"),  # was quadratic: each looked back over all
        pytest.param("Izium, ", id="place-names"),
        pytest.param("about 5 km away, ", id="measures"),
    ],
)
def test_twice_the_text_takes_about_twice_the_time(filler: str) -> None:
    small = best_time(filler * 2_000 + TAIL)
    large = best_time(filler * 4_000 + TAIL)

    # Linear work doubles; the quadratic look-back it replaced gave 4x. Near 2, with room
    # for a noisy shared machine.
    assert large / small < 3.0, f"{small:.3f} s -> {large:.3f} s"


def test_a_sentence_of_many_bare_numbers_still_reads_its_figure() -> None:
    figures = extract("1; " * 3_000 + "436 " + TAIL, published=date(2024, 5, 14)).figures

    assert [(f.metric, f.value) for f in figures] == [("evacuated", 436)]
