"""A large file with one bad row at its very end is rejected whole."""

from __future__ import annotations

from pathlib import Path

import polars as pl
from large_files import izium_figures
from typer.testing import CliRunner

from tracker.cli import app

ROWS = 1_000_000


def test_one_bad_row_at_the_end_of_a_million_writes_nothing(tmp_path: Path) -> None:
    frame = izium_figures(ROWS)
    frame = frame.with_columns(
        pl.when(pl.int_range(pl.len()) == ROWS - 1)
        .then(pl.lit("-7"))
        .otherwise(pl.col("value"))
        .alias("value")
    )
    path = tmp_path / "million.csv"
    frame.write_csv(path)
    db = tmp_path / "tracker.db"

    result = CliRunner().invoke(app, ["import", str(path), "--db", str(db)])

    assert result.exit_code == 1
    assert f"{path}:{ROWS + 1}" in result.stderr
    assert "nothing was written" in result.stderr
    from tracker.store import open_store

    with open_store(db) as store:
        assert store.count_figures() == 0
