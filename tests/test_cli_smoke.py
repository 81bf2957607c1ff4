"""Smoke tests: every command once, on SQLite, through the CLI (in-process, and as the
`tracker` process runs, without the packages it hides).

CI runs this file a second time against the lowest versions pyproject.toml allows
(`.ci/run`), so it needs nothing beyond the runtime dependencies and pytest: no
PostgreSQL, no browser, no dev extra.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tracker.cli import app

SEEDS = Path(__file__).parent.parent / "seeds"
runner = CliRunner()


def invoke(*args: str | Path) -> object:
    """Run the CLI in-process and return the result."""
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a SQLite store holding the seeds, shared by the commands that only read."""
    db = tmp_path_factory.mktemp("smoke") / "tracker.db"
    result = invoke("ingest", SEEDS, "--db", db)
    assert result.exit_code == 0, result.output
    return db


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--help"], "Usage"),
        (["list", "--district", "Kupiansk"], "Kupiansk"),
        (["list", "--metric", "evacuated", "--format", "csv"], "figure_id,"),
        (["list", "--format", "json", "--from", "2024-01-01"], '"as_of":"2024'),
        (["export", "--format", "hxl"], "#affected"),
        (["export", "--format", "jsonl"], '"figure_id"'),
        (["validate", "--format", "json"], '"valid": true'),
        (["places", "resolve", "Kupyansk"], "UA63"),
        (["places", "list", "--level", "oblast"], "Kharkivska"),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else None,
)
def test_a_reading_command_runs(seeded: Path, args: list[str], expected: str) -> None:
    needs_db = args[0] in {"list", "export", "validate"}
    result = invoke(*args, *(["--db", seeded] if needs_db else []))
    assert result.exit_code == 0, result.output
    assert expected in result.stdout


def test_extract_reads_the_seeds() -> None:
    result = invoke("extract", SEEDS, "--format", "json")
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    # eight English reports and one Ukrainian (seeds/009_...): each read by its own rules
    assert Counter(r["language"] for r in records) == {"en": 44, "uk": 7}


def test_log_export_import_validate_and_report(tmp_path: Path, seeded: Path) -> None:
    db = tmp_path / "new.db"
    logged = invoke(
        "log", "--district", "Izium", "--evacuated", "12", "--date", "2024-02-02",
        "--source", "Kharkiv RMA", "--db", db,
    )  # fmt: skip
    assert logged.exit_code == 0, logged.output
    for fmt in ("csv", "parquet", "hxl"):
        exported = tmp_path / f"figures.{fmt}"
        result = invoke("export", "--format", fmt, "-o", exported, "--db", seeded)
        assert result.exit_code == 0, result.output
        checked = invoke("validate", exported)
        assert checked.exit_code == 0, checked.output
    imported = invoke("import", tmp_path / "figures.csv", "--db", db)
    assert imported.exit_code == 0, imported.output
    report = invoke("report", "--db", db, "--out", tmp_path / "report")
    assert report.exit_code == 0, report.output
    assert (tmp_path / "report" / "index.html").is_file()


# Runs the tool as `tracker` does, then prints which of the packages it hid were imported,
# and pyarrow, which the store does without (ADBC's DB-API module would load it).
_PROBE = """
import atexit, sys
from tracker.cli.imports import hidden_packages
unwanted = lambda: {*hidden_packages(), "pyarrow"} & set(sys.modules)
atexit.register(lambda: print(sorted(unwanted()), file=sys.stderr))
sys.argv = ["tracker", *sys.argv[1:]]
from tracker.cli import main
main()
"""


@pytest.mark.parametrize(
    "args",
    [
        ["list", "--district", "Kupiansk", "--format", "csv"],
        ["log", "--district", "Izium", "--evacuated", "7", "--date", "2024-02-03", "--source", "X"],
        ["validate"],
        ["export", "--format", "parquet", "-o", "{tmp}/figures.parquet"],
        ["report", "--out", "{tmp}/report"],
        ["export", "--format", "hxl", "-o", "{tmp}/figures-hxl.csv"],
        ["ingest", str(SEEDS / "001_kupiansk_2023-08-29.txt")],
        ["extract", str(SEEDS / "001_kupiansk_2023-08-29.txt"), "--format", "csv"],
        ["places", "resolve", "Kupyansk", "Kharkov region"],
        ["schema", "export", "--out", "{tmp}/schemas"],
    ],
    ids=lambda args: " ".join(args[:2]),
)
def test_the_tool_runs_without_the_packages_it_hides(
    seeded: Path, tmp_path: Path, args: list[str]
) -> None:
    db = tmp_path / "copy.db"
    db.write_bytes(seeded.read_bytes())
    filled = [a.format(tmp=tmp_path) for a in args]
    store = [] if args[0] in {"extract", "places", "schema"} else ["--db", str(db)]
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *filled, *store],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[-1] == "[]"
