"""The Python API (`import tracker`): the README's notebook example and each function."""

from __future__ import annotations

import doctest
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest

import tracker
from tracker.errors import InputFileError, InvalidDataError, MissingStoreError, UsageError
from tracker.model import COLUMN_NAMES
from tracker.schema import ValidationReport

ROOT = Path(__file__).parent.parent
ROWS = [
    ("evacuated", "people", "436", "exact", "Kupyansk district", "2023-08-10", "Kharkiv RMA"),
    ("evacuated", "children", "128", "exact", "Kupyansk district", "2023-08-10", "Kharkiv RMA"),
    ("remaining", "people", "7000", "approx", "Izium", "2023-08-11", "Ukrinform"),
]
TEXT = "About 1,200 people were evacuated from Pokrovsk district this week."


def _readme_example() -> tuple[str, int]:
    """Return the README's Python example (the ```python block with >>> prompts) and the
    README line it starts on, counted from 0 as doctest does."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"```python\n(>>>.*?)```", readme, flags=re.DOTALL)
    assert match is not None, "the README has no ```python block of >>> examples"
    return match.group(1), readme.count("\n", 0, match.start(1))


def test_the_readme_notebook_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    examples, line = _readme_example()
    assert "tracker.read_figures" in examples
    (tmp_path / "seeds").symlink_to(ROOT / "seeds")
    monkeypatch.chdir(tmp_path)
    parser = doctest.DocTestParser()
    test = parser.get_doctest(examples, {}, "README.md", str(ROOT / "README.md"), line)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    output: list[str] = []
    result = runner.run(test, out=output.append)
    assert result.attempted > 5
    assert result.failed == 0, "".join(output)


def test_import_tracker_loads_no_heavy_library() -> None:
    code = "import sys, tracker; print(sorted({'polars', 'pandera', 'typer'} & set(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_package_is_typed() -> None:
    assert (Path(tracker.__file__).parent / "py.typed").is_file()


def test_no_submodule_hides_a_public_name() -> None:
    import importlib
    import pkgutil
    import types

    for module in pkgutil.iter_modules(tracker.__path__):
        if module.name != "__main__":  # runs the CLI
            importlib.import_module(f"tracker.{module.name}")
    for name in tracker.__all__:
        value = getattr(tracker, name)
        assert not isinstance(value, types.ModuleType), f"tracker.{name} is a module"
        assert name.startswith("_") or value.__doc__


@pytest.fixture
def filled(db: Path | str, write_csv: Callable[..., Path]) -> Path | str:
    """Return a store (SQLite path or PostgreSQL URL) holding the three ROWS."""
    tracker.import_files(db, write_csv(ROWS))
    return db


@pytest.mark.parametrize(
    ("filters", "values"),
    [
        ({}, [436, 128, 7000]),
        ({"district": "Kupiansk"}, [436, 128]),
        ({"district": ["Kupiansk", "Izium"]}, [436, 128, 7000]),
        ({"metric": "remaining"}, [7000]),
        ({"oblast": "Kharkiv", "date_from": "2023-08-11"}, [7000]),
        ({"date_to": "2023-08-10"}, [436, 128]),
    ],
)
def test_read_figures_filters(
    filled: Path | str, filters: dict[str, object], values: list[int]
) -> None:
    frame = tracker.read_figures(filled, **filters)  # type: ignore[arg-type]
    assert list(frame.columns) == list(COLUMN_NAMES)
    assert sorted(frame["value"].to_list()) == sorted(values)


def test_read_figures_takes_a_str_a_path_and_a_url(filled: Path | str) -> None:
    as_text = tracker.read_figures(str(filled))
    as_given = tracker.read_figures(filled)
    assert as_text.equals(as_given)


def test_reading_a_mistyped_path_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(MissingStoreError, match=r"typo\.db"):
        tracker.read_figures(tmp_path / "no-folder" / "typo.db")
    with pytest.raises(MissingStoreError):
        tracker.build_report(str(tmp_path / "typo.db"), tmp_path / "out")
    assert sorted(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda db: tracker.read_figures(db, metric="fled"), UsageError, "metric 'fled'"),
        (lambda db: tracker.read_figures(db, date_from="10/08/2023"), UsageError, "date_from"),
        (lambda db: tracker.log(db, district="Izium", source="X"), UsageError, "at least one"),
        (
            lambda db: tracker.log(db, district="Izium", source="X", evacuated=1, on="soon"),
            UsageError,
            "'soon'",
        ),
        (lambda db: tracker.import_files(db, "missing.csv"), InputFileError, "no such file"),
    ],
)
def test_bad_calls_raise_clear_errors(
    sqlite_db: Path, call: Callable[[Path], object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        call(sqlite_db)


def test_log_stores_one_figure_per_count(db: Path | str) -> None:
    summary = tracker.log(
        db,
        district="Kupiansk",
        oblast="Kharkiv",
        source="Kharkiv RMA",
        evacuated=436,
        children=128,
        on="2023-08-10",
    )
    assert summary.written.figures_added == 2
    frame = tracker.read_figures(db).sort("population_group")
    assert frame.select("population_group", "value", "admin2_pcode").rows() == [
        ("children", 128, "UA6308"),
        ("people", 436, "UA6308"),
    ]


def test_import_files_writes_all_or_nothing(
    sqlite_db: Path, write_csv: Callable[..., Path]
) -> None:
    good = write_csv(ROWS, name="good.csv")
    bad = write_csv([(*ROWS[0][:2], "-1", *ROWS[0][3:])], name="bad.csv")
    with pytest.raises(InvalidDataError) as raised:
        tracker.import_files(sqlite_db, [good, bad])
    report = raised.value.report
    assert isinstance(report, ValidationReport)
    assert report.to_frame().select("file", "line", "value").row(0) == (str(bad), 2, "-1")
    assert not sqlite_db.exists() or tracker.read_figures(sqlite_db).is_empty()


def test_extract_frame_reads_texts_and_files(tmp_path: Path) -> None:
    report = tmp_path / "pokrovsk.txt"
    report.write_text("---\npublished: 2025-01-10\n---\n" + TEXT, encoding="utf-8")
    from_file = tracker.extract_frame(report)
    from_text = tracker.extract_frame([TEXT], published="2025-01-10")
    assert list(from_text.columns) == [*COLUMN_NAMES, "start", "end", "rule"]
    for frame, doc_id in ((from_file, str(report)), (from_text, "text-1")):
        row = frame.row(0, named=True)
        assert (row["value"], row["admin2_pcode"], row["doc_id"]) == (1200, "UA1416", doc_id)
        assert TEXT[row["start"] : row["end"]].startswith("About 1,200")
    assert from_text["as_of"].dtype == pl.Date


def test_extract_frame_names_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match=r"typo\.txt"):
        tracker.extract_frame(str(tmp_path / "typo.txt"))


def test_validate_files_names_file_line_column_and_rule(write_csv: Callable[..., Path]) -> None:
    path = write_csv([ROWS[0], (*ROWS[1][:2], "many", *ROWS[1][3:])])
    report = tracker.validate(path)
    assert not report.valid
    failures = report.to_frame()
    assert failures.select("file", "line", "column", "value").row(0) == (
        str(path),
        3,
        "value",
        "many",
    )
    assert tracker.validate([str(path)], db=path.parent / "none.db").to_dict() == report.to_dict()
