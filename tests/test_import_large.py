"""A large file with one bad row at its very end is rejected whole."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
from typer.testing import CliRunner

from tracker.cli import app

ROWS = 1_000_000


def test_one_bad_row_at_the_end_of_a_million_writes_nothing(tmp_path: Path) -> None:
    index = pl.int_range(ROWS, eager=True)
    frame = pl.DataFrame({"i": index}).select(
        pl.lit("evacuated").alias("metric"),
        pl.lit("people").alias("population_group"),
        (pl.col("i") % 1000).cast(pl.String).alias("value"),
        pl.lit("exact").alias("qualifier"),
        pl.lit("Izium").alias("location"),
        (pl.lit(date(2020, 1, 1)) + pl.duration(days=pl.col("i") % 1500))
        .cast(pl.String)
        .alias("as_of"),
        pl.format("Source {}", pl.col("i") // 1000).alias("source_name"),
    )
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
