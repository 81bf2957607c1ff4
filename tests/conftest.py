"""Fixtures shared by the tests: fresh databases and small figure files under tmp_path."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest

FIGURE_HEADER = (
    "metric",
    "population_group",
    "value",
    "qualifier",
    "location",
    "as_of",
    "source_name",
)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """Return the path of a database file that does not exist yet."""
    return tmp_path / "tracker.db"


@pytest.fixture
def write_csv(tmp_path: Path) -> Callable[..., Path]:
    """Return a function that writes rows (dicts or tuples) to a CSV file under tmp_path."""

    def write(
        rows: list[dict[str, object]] | list[tuple[object, ...]],
        name: str = "figures.csv",
        header: tuple[str, ...] = FIGURE_HEADER,
    ) -> Path:
        path = tmp_path / name
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            for row in rows:
                writer.writerow([row.get(h, "") for h in header] if isinstance(row, dict) else row)
        return path

    return write
