"""The store never harms what it is pointed at: missing, foreign, read-only databases,
exports aimed at the database, passwords in URLs, and names that only Unicode folds."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from tracker.cli import app
from tracker.figures import complete_figures
from tracker.store import open_store

runner = CliRunner()


def invoke(*args: str | Path) -> object:
    """Run the CLI in-process and return the result."""
    return runner.invoke(app, [str(a) for a in args])


def digest(path: Path) -> str:
    """Return the SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def stored_at(db: Path | str, location: str, count: int = 2) -> None:
    """Store `count` figures whose location is `location`, written as given."""
    raw = pl.DataFrame(
        {
            "metric": ["evacuated"] * count,
            "population_group": ["people"] * count,
            "value": list(range(1, count + 1)),
            "qualifier": ["exact"] * count,
            "location": [location] * count,
            "as_of": [date(2024, 5, 1)] * count,
            "source_name": ["RMA"] * count,
        }
    )
    with open_store(db) as store:
        store.write(complete_figures(raw, method="imported"))


@pytest.mark.parametrize(
    "command",
    [
        ("list",),
        ("export", "--format", "csv"),
        ("report", "--out", "{tmp}/out"),
        ("validate",),
    ],
)
def test_read_only_commands_refuse_a_database_that_does_not_exist(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    missing = tmp_path / "typo" / "trackr.db"
    args = [part.format(tmp=tmp_path) for part in command]

    result = invoke(*args, "--db", missing)

    assert result.exit_code == 2, result.output
    assert str(missing) in result.stderr
    assert not missing.parent.exists(), "nothing is created"


@pytest.mark.parametrize(
    ("statements", "command"),
    [
        (["CREATE TABLE users (id INTEGER)"], ("list",)),
        (
            ["CREATE TABLE users (id INTEGER)"],
            ("log", "--district", "Izium", "--evacuated", "4", "--source", "RMA"),
        ),
        (["CREATE TABLE users (id INTEGER)", "PRAGMA user_version = 7"], ("list",)),
        (["CREATE TABLE figures (x)", "PRAGMA user_version = 1"], ("import", "{csv}")),
    ],
)
def test_another_applications_database_is_refused_untouched(
    tmp_path: Path, statements: list[str], command: tuple[str, ...]
) -> None:
    other = tmp_path / "app.db"
    with sqlite3.connect(other) as raw:
        for statement in statements:
            raw.execute(statement)
    raw.close()
    before = digest(other)
    figures_csv = tmp_path / "f.csv"
    figures_csv.write_text(
        "metric,population_group,value,qualifier,location,as_of,source_name\n"
        "evacuated,people,4,exact,Izium,2024-05-01,RMA\n",
        encoding="utf-8",
    )
    args = [part.format(csv=figures_csv) for part in command]

    result = invoke(*args, "--db", other)

    assert result.exit_code == 1, result.output
    assert "not a tracker store" in result.stderr
    assert digest(other) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["app.db", "f.csv"]
    with sqlite3.connect(other) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    raw.close()


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_export_refuses_to_overwrite_the_database(sqlite_db: Path, suffix: str) -> None:
    stored_at(sqlite_db, "Izium")
    before = digest(sqlite_db)

    result = invoke("export", "--db", sqlite_db, "-o", f"{sqlite_db}{suffix}")

    assert result.exit_code == 2
    assert "is the database itself" in result.stderr
    assert digest(sqlite_db) == before


def test_export_to_a_missing_folder_is_a_clear_error(db: Path | str, tmp_path: Path) -> None:
    stored_at(db, "Izium")

    result = invoke("export", "--db", db, "-o", tmp_path / "no-such-dir" / "out.csv")

    assert result.exit_code == 2
    assert "does not exist" in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_export_replaces_a_file_whole_and_leaves_no_partial_file(
    db: Path | str, tmp_path: Path
) -> None:
    stored_at(db, "Izium", count=3)
    out = tmp_path / "exports" / "figures.csv"
    out.parent.mkdir()
    out.write_text("an older export\n", encoding="utf-8")

    assert invoke("export", "--db", db, "-o", out).exit_code == 0

    assert pl.read_csv(out).height == 3
    assert sorted(p.name for p in out.parent.iterdir()) == ["datapackage.json", "figures.csv"]


@pytest.mark.parametrize("typed", ["Ñuble", "ñUBLE", "N\u0303uble"])
def test_district_filters_fold_unicode_on_both_backends(db: Path | str, typed: str) -> None:
    stored_at(db, "Ñuble")
    stored_at(db, "Izium", count=1)

    result = invoke("list", "--district", typed, "--format", "csv", "--db", db)

    assert result.exit_code == 0, result.output
    assert pl.read_csv(result.stdout.encode())["location"].to_list() == ["Ñuble", "Ñuble"]


def test_a_password_in_the_url_is_never_shown() -> None:
    url = "postgresql://analyst:s3cr3t-pw@127.0.0.1:1/figures"

    result = invoke("list", "--db", url)

    assert result.exit_code == 1
    assert "s3cr3t-pw" not in result.output
    assert "analyst:***@127.0.0.1:1" in result.stderr


def test_a_password_accepted_by_the_server_is_never_shown(
    postgres_url: str, tmp_path: Path
) -> None:
    with_password = postgres_url.replace("postgres@", "postgres:pw-never-shown@")
    out = tmp_path / "out"

    logged = invoke(
        "log", "--district", "Izium", "--evacuated", "9", "--source", "RMA", "--db", with_password
    )
    reported = invoke("report", "--db", with_password, "--out", out, "--from", "2030-01-01")

    assert logged.exit_code == 0, logged.output
    assert reported.exit_code == 1
    assert "pw-never-shown" not in logged.output + reported.output
    assert "postgres:***@" in reported.stderr


@pytest.fixture
def read_only_store() -> Iterator[Path]:
    """Return a store in a folder that (for an unprivileged user) is read-only, as is the file."""
    folder = Path(tempfile.mkdtemp(prefix="tracker-ro-"))
    folder.chmod(0o755)
    db = folder / "shared" / "figures.db"
    stored_at(db, "Izium")
    db.chmod(0o444)
    db.parent.chmod(0o555)
    yield db
    db.parent.chmod(0o755)
    for path in sorted(folder.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    folder.rmdir()


# Runs a command as an unprivileged user: root reads and writes anything, so as root the
# child first runs the same command once (importing what it needs), then drops to nobody.
_AS_UNPRIVILEGED = """
import os, sys, tempfile
from typer.testing import CliRunner
from tracker.cli import app
runner = CliRunner()
if os.geteuid() == 0:
    with tempfile.TemporaryDirectory() as warm:
        db = warm + "/w.db"
        runner.invoke(app, ["log", "--district", "Izium", "--evacuated", "1", "--source", "x",
                            "--db", db])
        runner.invoke(app, [*sys.argv[1:-2], "--db", db])
    os.setgid(65534)
    os.setuid(65534)
result = runner.invoke(app, sys.argv[1:])
sys.stdout.write(result.stdout)
sys.stderr.write(result.stderr)
sys.exit(result.exit_code)
"""


@pytest.mark.parametrize("command", [("list", "--format", "csv"), ("export", "--format", "csv")])
def test_a_database_the_user_cannot_write_can_still_be_read(
    read_only_store: Path, command: tuple[str, ...]
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _AS_UNPRIVILEGED, *command, "--db", str(read_only_store)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "HOME": "/nonexistent"},
    )

    assert done.returncode == 0, done.stderr
    assert pl.read_csv(done.stdout.encode())["location"].to_list() == ["Izium", "Izium"]
    assert sorted(p.name for p in read_only_store.parent.iterdir()) == ["figures.db"]
