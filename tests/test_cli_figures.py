"""The figures commands through the CLI: log, list, import, export, validate."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal
from typer.testing import CliRunner

from tracker.cli import app
from tracker.store import open_store

runner = CliRunner()

GOOD_ROWS = [
    ("evacuated", "people", "436", "exact", "Kupyansk district", "2023-08-10", "Kharkiv RMA"),
    ("evacuated", "children", "128", "exact", "Kupyansk district", "2023-08-10", "Kharkiv RMA"),
    ("remaining", "people", "7000", "approx", "Izium", "2023-08-11", "Ukrinform"),
]


def invoke(*args: str | Path) -> object:
    """Run the CLI in-process and return the result."""
    return runner.invoke(app, [str(a) for a in args])


def stored(db: Path | str) -> int:
    """Return how many figures the database holds (0 if it does not exist)."""
    if isinstance(db, Path) and not db.exists():
        return 0
    with open_store(db) as store:
        return store.count_figures()


def test_log_stores_people_and_children_within_one_metric(db: Path | str) -> None:
    result = invoke(
        "log",
        "--district",
        "Kupyansk district",
        "--evacuated",
        "436",
        "--children",
        "128",
        "--date",
        "2023-08-10",
        "--source",
        "Kharkiv RMA",
        "--db",
        db,
    )
    assert result.exit_code == 0, result.output
    with open_store(db) as store:
        frame = store.read_figures()
    got = sorted(frame.select("metric", "population_group", "value", "method").rows())
    assert got == [("evacuated", "children", 128, "manual"), ("evacuated", "people", 436, "manual")]
    assert "stored 2 figure(s)" in result.stderr


def test_log_twice_adds_nothing_the_second_time(db: Path | str) -> None:
    args = (
        "log",
        "--district",
        "Izium",
        "--remaining",
        "7000",
        "--qualifier",
        "approx",
        "--date",
        "2023-08-11",
        "--source",
        "Ukrinform",
        "--db",
        db,
    )
    assert invoke(*args).exit_code == 0
    second = invoke(*args)
    assert second.exit_code == 0
    assert "stored 0 figure(s), 1 already stored" in second.stderr
    assert stored(db) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--source", "X"], "give at least one count"),
        (
            ["--source", "X", "--evacuated", "5", "--remaining", "3", "--children", "1"],
            "exactly one",
        ),
        (["--source", "X", "--evacuated", "5", "--date", "2024-13-45"], "not a date"),
        (["--source", "X", "--evacuated", "5", "--since", "yesterday"], "--since"),
    ],
)
def test_log_usage_errors_exit_2(db: Path | str, args: list[str], message: str) -> None:
    result = invoke("log", "--district", "Izium", *args, "--db", db)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert stored(db) == 0


def test_import_then_reimport_adds_nothing_twice(
    db: Path | str, write_csv: Callable[..., Path]
) -> None:
    path = write_csv(GOOD_ROWS)
    first = invoke("import", path, "--db", db)
    assert first.exit_code == 0, first.output
    assert "imported 3 figure(s)" in first.stderr
    second = invoke("import", path, "--db", db)
    assert second.exit_code == 0
    assert "imported 0 figure(s) from 1 file(s); 3 already stored" in second.stderr
    assert stored(db) == 3


def test_import_fills_places_from_the_gazetteer(
    db: Path | str, write_csv: Callable[..., Path]
) -> None:
    assert invoke("import", write_csv(GOOD_ROWS[:1]), "--db", db).exit_code == 0
    with open_store(db) as store:
        row = store.read_figures().row(0, named=True)
    assert row["location"] == "Kupyansk district"
    assert row["admin2_pcode"] == "UA6308"
    assert row["admin1_pcode"] == "UA63"


def _lines(*rows: str) -> str:
    return "\n".join(["metric,population_group,value,qualifier,location,as_of,source_name", *rows])


GOOD = "evacuated,people,436,exact,Izium,2023-08-10,RMA"

BAD_FILES = [
    pytest.param("empty.csv", b"", "the file is empty", id="empty"),
    pytest.param("header.csv", _lines().encode(), "header but no rows", id="header-only"),
    pytest.param(
        "unknown.csv",
        b"metric,population_group,value,qualifier,location,as_of,source_name,colour\n"
        b"evacuated,people,1,exact,Izium,2023-08-10,RMA,red\n",
        "unknown column(s) 'colour'",
        id="unknown-column",
    ),
    pytest.param(
        "missing.csv",
        b"metric,population_group,value\nevacuated,people,1\n",
        "missing required column(s) 'qualifier', 'location', 'as_of', 'source_name'",
        id="missing-columns",
    ),
    pytest.param(
        "abc.csv",
        _lines(GOOD, "evacuated,people,abc,exact,Izium,2023-08-10,RMA").encode(),
        ":3",
        id="not-a-number",
    ),
    pytest.param(
        "date.csv",
        _lines(GOOD, "evacuated,people,5,exact,Izium,2024-13-45,RMA").encode(),
        "2024-13-45",
        id="bad-date",
    ),
    pytest.param(
        "negative.csv",
        _lines(GOOD, "evacuated,people,-5,exact,Izium,2023-08-10,RMA").encode(),
        "-5",
        id="negative",
    ),
    pytest.param(
        "absurd.csv",
        _lines(GOOD, "evacuated,people,900000000000,exact,Izium,2023-08-10,RMA").encode(),
        "900000000000",
        id="absurd",
    ),
    pytest.param(
        "future.csv",
        _lines(GOOD, "evacuated,people,5,exact,Izium,2999-01-01,RMA").encode(),
        "2999-01-01",
        id="future-date",
    ),
    pytest.param(
        "latin1.csv",
        _lines(GOOD).encode() + b"\nevacuated,people,5,exact,Kyiv\xe9,2023-08-10,RMA\n",
        "not UTF-8",
        id="not-utf8",
    ),
    pytest.param(
        "enum.csv",
        _lines(GOOD, "fled,people,5,exact,Izium,2023-08-10,RMA").encode(),
        "fled",
        id="bad-enum",
    ),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_FILES)
def test_bad_files_are_rejected_whole(
    db: Path | str, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = invoke("import", path, "--db", db)
    assert result.exit_code == 1
    assert message in result.stderr
    assert name in result.stderr
    assert "Traceback" not in result.output
    assert stored(db) == 0


def test_a_bad_row_in_the_second_file_writes_nothing_from_the_first(
    db: Path | str, tmp_path: Path, write_csv: Callable[..., Path]
) -> None:
    good = write_csv(GOOD_ROWS, name="good.csv")
    bad = tmp_path / "bad.csv"
    bad.write_text(_lines(GOOD, "evacuated,people,-1,exact,Izium,2023-08-10,RMA"), encoding="utf-8")
    result = invoke("import", good, bad, "--db", db)
    assert result.exit_code == 1
    assert f"{bad}:3" in result.stderr
    assert "nothing was written" in result.stderr
    assert stored(db) == 0


def test_missing_file_is_a_clear_error(db: Path | str, tmp_path: Path) -> None:
    result = invoke("import", tmp_path / "nope.csv", "--db", db)
    assert result.exit_code == 2
    assert "no such file" in result.stderr


def test_a_database_that_is_not_sqlite_is_refused(
    tmp_path: Path, write_csv: Callable[..., Path]
) -> None:
    not_db = tmp_path / "notes.db"
    not_db.write_text("these are my notes, not a database\n", encoding="utf-8")
    result = invoke("import", write_csv(GOOD_ROWS), "--db", not_db)
    assert result.exit_code == 1
    assert "is not a SQLite database" in result.stderr
    assert not_db.read_text(encoding="utf-8") == "these are my notes, not a database\n"


def test_text_is_stored_as_given_and_never_executed(
    db: Path | str, write_csv: Callable[..., Path]
) -> None:
    evil = "x'); DROP TABLE figures; --"
    path = write_csv([("evacuated", "people", "3", "exact", "Kupiansk", "2023-08-10", evil)])
    assert invoke("import", path, "--db", db).exit_code == 0
    with open_store(db) as store:
        assert store.read_figures()["source_name"].to_list() == [evil]


@pytest.mark.parametrize("fmt", ["csv", "parquet", "json", "jsonl", "hxl"])
def test_export_then_import_gives_an_identical_frame(
    db: Path | str, tmp_path: Path, write_csv: Callable[..., Path], fmt: str
) -> None:
    assert invoke("import", write_csv(GOOD_ROWS), "--db", db).exit_code == 0
    exported = tmp_path / f"figures.{'csv' if fmt == 'hxl' else fmt}"
    assert invoke("export", "--format", fmt, "--output", exported, "--db", db).exit_code == 0
    other = tmp_path / "other.db"
    result = invoke("import", exported, "--db", other)
    assert result.exit_code == 0, result.output
    with open_store(db) as first, open_store(other) as second:
        assert_frame_equal(first.read_figures(), second.read_figures())


def test_hxl_export_has_the_hashtag_row(db: Path | str, write_csv: Callable[..., Path]) -> None:
    assert invoke("import", write_csv(GOOD_ROWS), "--db", db).exit_code == 0
    result = invoke("export", "--format", "hxl", "--db", db)
    header, tags = result.stdout.splitlines()[:2]
    assert header.split(",")[0] == "figure_id"
    for tag in (
        "#date+reported",
        "#adm1+name",
        "#adm1+code",
        "#adm2+name",
        "#adm2+code",
        "#indicator+value+num",
        "#affected+evacuated+ind+num",
        "#adm3+code",
        "#loc+code",
        "#country+code",
        "#meta+source",
        "#meta+url",
    ):
        assert tag in tags.split(",")


def test_export_parquet_to_stdout_is_a_usage_error(db: Path | str) -> None:
    result = invoke("export", "--format", "parquet", "--db", db)
    assert result.exit_code == 2
    assert "--output" in result.stderr


def test_list_filters_and_formats(db: Path | str, write_csv: Callable[..., Path]) -> None:
    assert invoke("import", write_csv(GOOD_ROWS), "--db", db).exit_code == 0
    result = invoke("list", "--district", "Kupiansk", "--format", "jsonl", "--db", db)
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(r["value"] for r in rows) == [128, 436]
    dated = invoke("list", "--from", "2023-08-11", "--format", "csv", "--db", db)
    assert pl.read_csv(dated.stdout.encode())["value"].to_list() == [7000]
    table = invoke("list", "--metric", "remaining", "--db", db)
    assert "Izium" in table.stdout
    assert "Kupyansk" not in table.stdout


def test_validate_reports_every_failure_with_file_and_line(tmp_path: Path, db: Path | str) -> None:
    path = tmp_path / "check.csv"
    path.write_text(
        _lines(
            GOOD,
            "evacuated,people,abc,exact,Izium,2023-08-10,RMA",
            "evacuated,people,-4,exact,Izium,2023-08-10,RMA",
        ),
        encoding="utf-8",
    )
    text = invoke("validate", path, "--db", db)
    assert text.exit_code == 1
    assert f"{path}:3" in text.stdout
    assert f"{path}:4" in text.stdout
    as_json = invoke("validate", path, "--format", "json", "--db", db)
    assert as_json.exit_code == 1
    report = json.loads(as_json.stdout)
    lines = sorted(f["line"] for f in report["failures"] if f["severity"] == "error")
    assert lines == [3, 4]
    assert not isinstance(db, Path) or not db.exists(), "validate writes nothing"


def test_validate_passes_clean_files(write_csv: Callable[..., Path], db: Path | str) -> None:
    result = invoke("validate", write_csv(GOOD_ROWS), "--db", db)
    assert result.exit_code == 0, result.output


def test_a_file_failing_on_every_row_shows_the_first_failures_and_counts_the_rest(
    db: Path | str, tmp_path: Path
) -> None:
    path = tmp_path / "all-bad.csv"
    path.write_text(
        _lines(*["evacuated,people,-1,exact,Izium,2023-08-10,RMA"] * 80), encoding="utf-8"
    )
    result = invoke("import", path, "--db", db)
    assert result.exit_code == 1
    assert f"{path}:51:" in result.stderr
    assert f"{path}:52:" not in result.stderr
    assert "... and 30 more" in result.stderr
    assert "80 rows checked: 80 errors" in result.stderr


SUDAN_PLACES = (
    "name,level,pcode,parent,country\nNorth Darfur,admin1,SD02,,SD\nTawila,admin2,SD0212,SD02,SD\n"
)
SUDAN_FIGURE = ("housed", "people", "652000", "exact", "Tawila", "2025-05-01", "OCHA")


def test_a_user_gazetteer_serves_places_outside_ukraine(
    db: Path | str, tmp_path: Path, write_csv: Callable[..., Path]
) -> None:
    figures = write_csv([SUDAN_FIGURE])
    unknown = invoke("import", figures, "--db", db)
    assert unknown.exit_code == 1
    assert "unknown place 'Tawila'" in unknown.stderr
    places = tmp_path / "sudan.csv"
    places.write_text(SUDAN_PLACES, encoding="utf-8")
    result = invoke("import", figures, "--db", db, "--places", places)
    assert result.exit_code == 0, result.output
    with open_store(db) as store:
        row = store.read_figures().row(0, named=True)
    assert (row["admin1_name"], row["admin1_pcode"]) == ("North Darfur", "SD02")
    assert (row["admin2_name"], row["admin2_pcode"]) == ("Tawila", "SD0212")


def test_a_user_gazetteer_with_an_unknown_parent_is_refused(
    db: Path | str, tmp_path: Path, write_csv: Callable[..., Path]
) -> None:
    places = tmp_path / "sudan.csv"
    places.write_text(
        "name,level,pcode,parent,country\nTawila,admin2,SD0212,Darfur North,SD\n", encoding="utf-8"
    )
    result = invoke("import", write_csv([SUDAN_FIGURE]), "--db", db, "--places", places)
    assert result.exit_code == 1
    assert "the parent 'Darfur North' of 'Tawila' is no code or P-code" in result.stderr
    assert stored(db) == 0


def test_log_with_a_settlement_rolls_it_up_to_its_raion(db: Path | str) -> None:
    result = invoke(
        "log", "--district", "Kupiansk district", "--settlement", "Kupyansk", "--remaining", "900",
        "--date", "2024-05-01", "--source", "RMA", "--db", db,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    with open_store(db) as store:
        row = store.read_figures().row(0, named=True)
    assert (row["location"], row["settlement"]) == ("Kupyansk", "Kupiansk")
    assert (row["admin2_pcode"], row["admin1_pcode"]) == ("UA6308", "UA63")
