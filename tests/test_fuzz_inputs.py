"""Fuzz target (issue 11, item 7): hostile files and report texts, built by hypothesis, go
through validate, import, extract, ingest and report in-process. No exception escapes (a
TrackerError becomes exit 1 or 2, never a traceback), and nothing is half-written: a
failed import or ingest leaves the store as it was."""

from __future__ import annotations

import json
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from tracker.cli import app
from tracker.store import open_store

runner = CliRunner()
COLUMNS = ["metric", "population_group", "value", "qualifier", "location", "as_of", "source_name"]
GOOD = ["evacuated", "people", "5", "exact", "Izium", "2024-05-01", "RMA"]

# Text that breaks naive readers: control and format characters, quotes and separators,
# huge or negative numbers, formula starts, markup, other scripts.
HOSTILE_CHARACTERS = st.sampled_from(
    [*"\x00\x1b\r\n\t\u200b\u00ad\u202e\u2028\ufeff\"',;=+-@<>&{}[]\\", "é", "й", "ع", "😀"]
)
HOSTILE_TEXT = st.text(
    alphabet=st.one_of(HOSTILE_CHARACTERS, st.sampled_from(string.ascii_letters + string.digits)),
    max_size=30,
)
CELLS = st.one_of(
    HOSTILE_TEXT,
    st.sampled_from(GOOD),
    st.integers(-(10**30), 10**30).map(str),
    st.sampled_from(
        [
            "",
            " ",
            "NaN",
            "1e309",
            "2024-02-30",
            "=1+1",
            "\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
        ]
    ),
)
ROWS = st.lists(st.lists(CELLS, min_size=0, max_size=9), min_size=0, max_size=6)
SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def csv_text(rows: list[list[str]], header: list[str]) -> str:
    """Return a CSV written naively (no quoting): ragged rows and stray quotes stay in."""
    return "\n".join(",".join(row) for row in [header, *rows]) + "\n"


def finished_cleanly(result: object) -> bool:
    """Return True when a CLI run ended with an exit code and no escaped exception."""
    exception = getattr(result, "exception", None)
    return exception is None or isinstance(exception, SystemExit)


def stored_count(db: Path) -> int:
    """Return how many figures the database holds (0 when it does not exist)."""
    if not db.exists():
        return 0
    with open_store(db, read_only=True) as store:
        return store.count_figures()


@pytest.fixture
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a store holding one figure, made once per test."""
    db = tmp_path_factory.mktemp("fuzz") / "t.db"
    result = runner.invoke(
        app,
        ["log", "--district", "Izium", "--evacuated", "3", "--source", "RMA", "--db", str(db)],
    )
    assert result.exit_code == 0, result.output
    return db


@SETTINGS
@given(rows=ROWS, header=st.one_of(st.just(COLUMNS), st.lists(HOSTILE_TEXT, max_size=8)))
def test_hostile_csv_files_are_refused_or_imported_whole(
    tmp_path_factory: pytest.TempPathFactory, seeded: Path, rows: list[list[str]], header: list[str]
) -> None:
    path = tmp_path_factory.mktemp("in") / "figures.csv"
    path.write_text(csv_text(rows, header), encoding="utf-8", errors="surrogatepass")
    before = stored_count(seeded)

    checked = runner.invoke(app, ["validate", str(path)])
    imported = runner.invoke(app, ["import", str(path), "--db", str(seeded)])

    assert finished_cleanly(checked), checked.exception
    assert finished_cleanly(imported), imported.exception
    assert checked.exit_code in (0, 1, 2)
    assert imported.exit_code in (0, 1, 2)
    if imported.exit_code != 0:
        assert stored_count(seeded) == before, "a failed import wrote something"


@SETTINGS
@given(
    records=st.lists(
        st.dictionaries(
            st.sampled_from([*COLUMNS, "x"]),
            CELLS | st.none() | st.integers() | st.lists(st.integers(), max_size=2),
        ),
        max_size=5,
    )
)
def test_hostile_json_files_are_refused_or_imported_whole(
    tmp_path_factory: pytest.TempPathFactory, seeded: Path, records: list[dict[str, object]]
) -> None:
    folder = tmp_path_factory.mktemp("in")
    before = stored_count(seeded)
    for name, content in (
        ("figures.json", json.dumps(records)),
        ("figures.jsonl", "\n".join(json.dumps(r) for r in records) + "\n"),
    ):
        path = folder / name
        path.write_text(content, encoding="utf-8")
        imported = runner.invoke(app, ["import", str(path), "--db", str(seeded)])
        assert finished_cleanly(imported), imported.exception
        if imported.exit_code != 0:
            assert stored_count(seeded) == before
        before = stored_count(seeded)


@SETTINGS
@given(
    text=st.text(max_size=400)
    | HOSTILE_TEXT.map(lambda t: f"{t} 120 people were evacuated from Izium. {t}")
)
def test_hostile_report_texts_extract_ingest_and_report_cleanly(
    tmp_path_factory: pytest.TempPathFactory, seeded: Path, text: str
) -> None:
    folder = tmp_path_factory.mktemp("in")
    path = folder / "report.txt"
    path.write_text(
        "---\npublished: 2024-05-01\n---\n" + text, encoding="utf-8", errors="surrogatepass"
    )

    extracted = runner.invoke(app, ["extract", str(path), "--format", "jsonl"])
    ingested = runner.invoke(app, ["ingest", str(path), "--db", str(seeded)])
    reported = runner.invoke(app, ["report", "--db", str(seeded), "--out", str(folder / "out")])

    for result in (extracted, ingested, reported):
        assert finished_cleanly(result), result.exception
        assert result.exit_code in (0, 1, 2)
    for line in extracted.stdout.strip().split("\n") if extracted.exit_code == 0 else []:
        if line.strip():
            record = json.loads(line)
            assert text[record["start"] : record["end"]] == record["evidence"]
