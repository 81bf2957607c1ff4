"""CLI conventions: --version, --quiet/--verbose, JSON with the API's keys, data on stdout
and messages on stderr, NO_COLOR, "did you mean", exit codes, and help without Python types."""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from test_docs import _commands
from typer.testing import CliRunner

import tracker
from tracker.cli import app

SEEDS = Path(__file__).parent.parent / "seeds"
SEED = SEEDS / "005_pokrovsk_2024-08-19.txt"
runner = CliRunner()
ROWS = [
    ("evacuated", "people", "15031", "exact", "Pokrovsk district", "2024-08-19", "Donetsk RMA"),
    ("evacuated", "children", "1203", "exact", "Pokrovsk district", "2024-08-19", "Donetsk RMA"),
    ("remaining", "people", "53000", "approx", "Pokrovsk", "2024-08-19", "Donetsk RMA"),
]


def invoke(*args: str | Path) -> object:
    """Run the CLI in-process and return the result."""
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def stored(sqlite_db: Path, write_csv: Callable[..., Path]) -> Path:
    """Return a SQLite store holding ROWS."""
    tracker.import_files(sqlite_db, write_csv(ROWS))
    return sqlite_db


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout == f"tracker {tracker.__version__}\n"


@pytest.mark.parametrize(
    "args",
    [
        ["import", "{csv}"],
        ["ingest", str(SEED)],
        ["report", "--out", "{tmp}/report"],
        ["export", "-o", "{tmp}/out.csv"],
    ],
    ids=lambda args: args[0],
)
def test_messages_go_to_stderr_and_quiet_silences_them(
    stored: Path, tmp_path: Path, write_csv: Callable[..., Path], args: list[str]
) -> None:
    filled = [a.format(csv=write_csv(ROWS, name="more.csv"), tmp=tmp_path) for a in args]
    loud = invoke(*filled, "--db", stored)
    assert loud.exit_code == 0, loud.output
    assert loud.stdout == ""
    assert loud.stderr
    quiet = invoke("--quiet", *filled, "--db", stored)
    assert quiet.exit_code == 0, quiet.output
    assert (quiet.stdout, quiet.stderr) == ("", "")


def test_verbose_names_the_store(stored: Path) -> None:
    result = invoke("--verbose", "list", "--db", stored)
    assert f"store: {stored}" in result.stderr


def test_log_json_has_the_keys_of_the_api(sqlite_db: Path) -> None:
    args = ["--district", "Izium", "--source", "X", "--evacuated", "5", "--date", "2024-02-02"]
    result = invoke("log", *args, "--format", "json", "--db", sqlite_db)
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout)
    again = tracker.log(sqlite_db, district="Izium", source="X", evacuated=5, on="2024-02-02")
    assert printed.keys() == again.to_dict().keys() == {"figures", "written", "report"}
    stamp = "recorded_at"
    assert [{**f, stamp: None} for f in printed["figures"]] == [
        {**f, stamp: None} for f in again.to_dict()["figures"]
    ]
    assert printed["written"]["figures_added"] == 1


def test_import_json_has_the_keys_of_the_api(
    sqlite_db: Path, tmp_path: Path, write_csv: Callable[..., Path]
) -> None:
    path = write_csv(ROWS)
    result = invoke("import", path, "--format", "json", "--db", sqlite_db)
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout)
    again = tracker.import_files(tmp_path / "other.db", path).to_dict()
    assert printed.keys() == again.keys()
    assert (
        printed["written"]
        == again["written"]
        == {
            "figures_added": 3,
            "figures_skipped": 0,
            "documents_added": 0,
            "documents_skipped": 0,
        }
    )


def test_ingest_and_report_json_have_the_keys_of_the_api(sqlite_db: Path, tmp_path: Path) -> None:
    ingested = invoke("ingest", SEED, "--format", "json", "--db", sqlite_db)
    assert ingested.exit_code == 0, ingested.output
    summary = tracker.ingest_texts(tmp_path / "other.db", SEED).to_dict()
    assert json.loads(ingested.stdout).keys() == summary.keys()
    assert json.loads(ingested.stdout)["figures_stored"] == summary["figures_stored"] == 6
    out = tmp_path / "report"
    reported = invoke("report", "--out", out, "--format", "json", "--db", sqlite_db)
    assert reported.exit_code == 0, reported.output
    printed = json.loads(reported.stdout)
    assert set(printed) == {"index", "paths", "districts", "figures"}
    assert printed["index"] == str(out / "index.html")


def test_validate_json_is_the_api_report(write_csv: Callable[..., Path]) -> None:
    path = write_csv([ROWS[0], (*ROWS[1][:2], "-3", *ROWS[1][3:])])
    result = invoke("validate", path, "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == tracker.validate(path).to_dict()


def test_list_json_has_the_columns_of_read_figures(stored: Path) -> None:
    result = invoke("list", "--format", "json", "--db", stored)
    records = json.loads(result.stdout)
    assert list(records[0]) == tracker.read_figures(stored).columns


@pytest.mark.parametrize(
    ("option", "name", "suggestion"),
    [
        ("--district", "Pokrovk", "Pokrovsk"),
        ("--district", "Kupyanks", "Kupiansk"),
        ("--oblast", "Kharkv", "Kharkivska"),
    ],
)
def test_an_unknown_place_filter_asks_did_you_mean(
    stored: Path, option: str, name: str, suggestion: str
) -> None:
    result = invoke("list", option, name, "--db", stored)
    assert result.exit_code == 2
    assert f"did you mean: {suggestion}" in result.stderr
    assert result.stdout == ""


def test_a_typo_beside_a_known_district_is_still_a_wrong_call(stored: Path) -> None:
    result = invoke("report", "--district", "Pokrovsk", "--district", "Pokrovk", "--db", stored)
    assert result.exit_code == 2
    assert "'Pokrovk'" in result.stderr
    with pytest.raises(tracker.errors.UnknownFilterError) as raised:
        tracker.read_figures(stored, district=["Pokrovsk", "Pokrovk"])
    assert raised.value.suggestions == ["Pokrovsk"]


def test_a_place_the_gazetteer_lacks_lists_when_figures_are_stored_under_it(
    sqlite_db: Path, write_csv: Callable[..., Path]
) -> None:
    coded = [(*ROWS[0][:4], "Camp Alpha", *ROWS[0][5:])]
    header = ("metric", "population_group", "value", "qualifier", "location", "as_of",
              "source_name", "admin1_pcode", "admin2_pcode")  # fmt: skip
    path = write_csv([(*coded[0], "UA14", "UA1416")], header=header)
    assert invoke("import", path, "--db", sqlite_db).exit_code == 0
    result = invoke("list", "--district", "Camp Alpha", "--format", "csv", "--db", sqlite_db)
    assert result.exit_code == 0, result.output
    assert "Camp Alpha" in result.stdout


@pytest.mark.parametrize(
    ("option", "name"),
    [("--district", "Kupiansk"), ("--district", "UA9999"), ("--oblast", "Lvivska")],
)
def test_a_known_place_without_figures_lists_none(stored: Path, option: str, name: str) -> None:
    result = invoke("list", option, name, "--db", stored)
    assert result.exit_code == 0, result.output
    assert "0 figure(s)" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["import", "missing.csv"],
        ["validate", "missing.csv"],
        ["extract", "missing.txt"],
        ["ingest", "missing.txt"],
        ["places", "add", "missing.csv"],
    ],
    ids=" ".join,
)
def test_a_missing_input_file_is_a_wrong_call(tmp_path: Path, args: list[str]) -> None:
    db = tmp_path / "store" / "tracker.db"
    store = ["--db", db] if args[0] in {"import", "ingest"} else []
    result = invoke(*args[:-1], tmp_path / args[-1], *store)
    assert result.exit_code == 2
    assert "no such file" in result.stderr
    assert not db.parent.exists(), "a wrong call created a store"


def test_list_limit_and_thousands_separators(stored: Path) -> None:
    result = invoke("list", "--limit", "2", "--db", stored)
    assert result.exit_code == 0, result.output
    rows = result.stdout.splitlines()[2:]
    assert len(rows) == 2
    assert "15,031" in result.stdout
    assert "2 of 3 figure(s) (--limit 2)" in result.stderr
    as_csv = invoke("list", "--limit", "1", "--format", "csv", "--db", stored)
    assert len(as_csv.stdout.splitlines()) == 2
    assert ",15031," in as_csv.stdout


def test_places_list_as_csv() -> None:
    result = invoke("places", "list", "--level", "raion", "--within", "Kharkiv", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {"Kupianskyi", "Iziumskyi"} <= {row["name"] for row in rows}
    assert {row["pcode"][:4] for row in rows} == {"UA63"}


_PYTHON_TYPES = re.compile(r"<(?:str|int|float|bool|list\[|Path|file|directory|datetime|%Y)")
_DATE_OPTIONS = ("--date", "--since", "--from", "--to", "--published", "--report-date")


@pytest.mark.parametrize("command", _commands(), ids=" ".join)
def test_help_shows_no_python_types_and_dates_as_iso(command: list[str]) -> None:
    result = invoke(*command, "--help")
    assert result.exit_code == 0
    assert not _PYTHON_TYPES.search(result.stdout), result.stdout
    for option in _DATE_OPTIONS:
        for line in result.stdout.splitlines():
            if re.match(rf"\s+{option}[ ,]", line):
                assert f"{option} YYYY-MM-DD" in line


def _run_on_a_terminal(args: list[str], env: dict[str, str]) -> str:
    """Return what the CLI wrote to stdout when stdout is a terminal (a pseudo-terminal)."""
    leader, follower = pty.openpty()
    with subprocess.Popen(
        [sys.executable, "-m", "tracker", *args],
        stdout=follower,
        stderr=subprocess.DEVNULL,
        env={**os.environ, **env},
    ) as process:
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed: the process has ended
                break
            if not chunk:
                break
            chunks.append(chunk)
        os.close(leader)
    assert process.returncode == 0
    return b"".join(chunks).decode("utf-8")


@pytest.mark.parametrize(("no_color", "styled"), [("", True), ("1", False)])
def test_no_color_is_respected_on_a_terminal(no_color: str, styled: bool) -> None:
    shown = _run_on_a_terminal(["extract", str(SEED), "--explain"], {"NO_COLOR": no_color})
    assert ("\x1b[" in shown) is styled
    assert ("[[" in shown) is not styled


class _Terminal(io.StringIO):
    """A stdout that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("no_color", "bold"), [("", True), ("1", False)])
def test_a_table_on_a_terminal_fits_its_width(
    monkeypatch: pytest.MonkeyPatch, no_color: str, bold: bool
) -> None:
    from tracker.cli.output import print_table

    screen = _Terminal()
    monkeypatch.setattr(sys, "stdout", screen)
    monkeypatch.setenv("NO_COLOR", no_color)
    monkeypatch.setattr("shutil.get_terminal_size", lambda: os.terminal_size((40, 24)))
    rows = [{"place": "Kupiansk district, Kharkiv oblast", "source": "x" * 30, "value": 15031}]
    print_table(rows, ["place", "source", "value"])
    header, rule, line = screen.getvalue().splitlines()
    assert header.startswith("\x1b[1m") is bold
    assert len(rule) <= 40
    assert len(line) <= 40
    assert line.endswith("15,031")
    assert "…" in line
