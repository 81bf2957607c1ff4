"""`tracker report`: reads the store, writes the folder, says where to open it."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal
from test_report import figure, frame
from typer.testing import CliRunner

from tracker.cli import app
from tracker.store import open_store


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def stored(db: Path | str) -> Path | str:
    """Return a store (each backend) holding figures for Kupianskyi (two days) and Izium."""
    rows = frame(
        figure(value=100, as_of=date(2024, 5, 10), published_on=date(2024, 5, 10)),
        figure(value=150),
        figure(admin2_pcode="UA6310", admin2_name="Izium", location="Izium", value=7),
    )
    with open_store(db) as store:
        store.write(rows)
    return db


def test_report_writes_the_folder_and_says_where_to_open_it(
    runner: CliRunner, stored: Path | str, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["report", "--db", str(stored), "--out", str(out)])

    assert result.exit_code == 0, result.output
    index = (out / "index.html").resolve()
    assert "2 district page(s) from 3 figure(s)" in result.stderr
    assert str(index) in result.stderr
    assert index.as_uri() in result.stderr
    assert sorted(p.name for p in out.glob("*.html")) == [
        "UA6308.html",
        "UA6310.html",
        "index.html",
    ]


@pytest.mark.parametrize(
    ("options", "pages", "figures"),
    [
        (["--district", "Izium"], ["UA6310.csv"], 1),
        (["--district", "UA6308"], ["UA6308.csv"], 2),
        (["--district", "Izium", "--district", "Kupianskyi"], ["UA6308.csv", "UA6310.csv"], 3),
        (["--from", "2024-05-11"], ["UA6308.csv", "UA6310.csv"], 2),
        (["--to", "2024-05-10"], ["UA6308.csv"], 1),
    ],
)
def test_report_filters_districts_and_dates(
    runner: CliRunner,
    stored: Path | str,
    tmp_path: Path,
    options: list[str],
    pages: list[str],
    figures: int,
) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["report", "--db", str(stored), "--out", str(out), *options])

    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.glob("UA*.csv")) == pages
    assert sum(pl.read_csv(p).height for p in out.glob("UA*.csv")) == figures


def test_report_date_defaults_to_today_and_fixes_the_bytes(
    runner: CliRunner, stored: Path | str, tmp_path: Path
) -> None:
    today = runner.invoke(app, ["report", "--db", str(stored), "--out", str(tmp_path / "t")])
    fixed_date = ["--report-date", "2024-05-20"]
    fixed = [
        runner.invoke(
            app, ["report", "--db", str(stored), "--out", str(tmp_path / name), *fixed_date]
        )
        for name in ("a", "b")
    ]

    assert [r.exit_code for r in (today, *fixed)] == [0, 0, 0]
    index = (tmp_path / "t" / "index.html").read_text(encoding="utf-8")
    assert f"Generated on {date.today().isoformat()}" in index
    for name in ("index.html", "UA6308.html", "UA6308.csv"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert "8 d old" in (tmp_path / "a" / "UA6308.html").read_text(encoding="utf-8")


def test_empty_database_is_a_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out"
    new = tmp_path / "new.db"
    with open_store(new):
        pass  # created, migrated, empty
    result = runner.invoke(app, ["report", "--db", str(new), "--out", str(out)])

    assert result.exit_code == 1
    assert "no figures are stored" in result.stderr
    assert "tracker ingest seeds/" in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert not out.exists()


def test_filters_that_match_nothing_say_so(
    runner: CliRunner, stored: Path | str, tmp_path: Path
) -> None:
    result = runner.invoke(
        app, ["report", "--db", str(stored), "--out", str(tmp_path), "--from", "2030-01-01"]
    )

    assert result.exit_code == 1
    assert "no figures match the filters" in result.stderr


def test_bad_date_is_a_usage_error(runner: CliRunner, stored: Path | str, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["report", "--db", str(stored), "--out", str(tmp_path), "--from", "2024-13-45"]
    )

    assert result.exit_code == 2
    assert "--from" in result.stderr


def test_a_file_that_is_not_a_database_is_a_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "notes.db"
    bad.write_text("not a database", encoding="utf-8")

    result = runner.invoke(app, ["report", "--db", str(bad), "--out", str(tmp_path / "out")])

    assert result.exit_code == 1
    assert "error:" in result.stderr
    assert "Traceback" not in result.output


def test_an_output_folder_that_cannot_be_written_is_a_clear_error(
    runner: CliRunner, stored: Path | str, tmp_path: Path
) -> None:
    blocker = tmp_path / "taken"
    blocker.write_text("a file where the assets folder should go", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "assets").symlink_to(blocker)

    result = runner.invoke(app, ["report", "--db", str(stored), "--out", str(out)])

    assert result.exit_code == 1
    assert "cannot write the report" in result.stderr


def test_a_page_csv_imports_back_as_the_same_figures(
    runner: CliRunner, stored: Path | str, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert runner.invoke(app, ["report", "--db", str(stored), "--out", str(out)]).exit_code == 0
    copy = tmp_path / "copy.db"

    result = runner.invoke(app, ["import", str(out / "UA6308.csv"), "--db", str(copy)])

    assert result.exit_code == 0, result.output
    with open_store(stored) as store:
        original = store.read_figures().filter(pl.col("admin2_pcode") == "UA6308")
    with open_store(copy) as store:
        imported = store.read_figures()
    # The fixture stored no claim_id; import derives one where it is empty.
    assert_frame_equal(
        imported.drop("claim_id").sort("figure_id"), original.drop("claim_id").sort("figure_id")
    )


def test_full_plotly_writes_the_larger_bundle(
    runner: CliRunner, stored: Path | str, tmp_path: Path
) -> None:
    basic, full = tmp_path / "basic", tmp_path / "full"
    assert runner.invoke(app, ["report", "--db", str(stored), "--out", str(basic)]).exit_code == 0
    result = runner.invoke(
        app, ["report", "--db", str(stored), "--out", str(full), "--full-plotly"]
    )
    assert result.exit_code == 0, result.output
    size = {
        name: (folder / "assets" / "plotly.min.js").stat().st_size
        for name, folder in (("basic", basic), ("full", full))
    }
    assert size["full"] > 3 * size["basic"]


def test_full_plotly_without_plotly_says_how_to_install_it(
    runner: CliRunner, stored: Path | str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "plotly", None)
    out = tmp_path / "full"
    result = runner.invoke(app, ["report", "--db", str(stored), "--out", str(out), "--full-plotly"])
    assert result.exit_code == 2
    assert "pip install 'evac-tracker[plotly]'" in result.stderr
    assert not out.exists()
