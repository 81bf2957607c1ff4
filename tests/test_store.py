"""The store on both backends: transactions, idempotence, concurrency, migrations."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from tracker.errors import StoreError
from tracker.figures import complete_figures
from tracker.store import SCHEMA_VERSION, FigureQuery, open_store


def figures(count: int, source: str = "RMA", location: str = "Izium") -> pl.DataFrame:
    """Return `count` distinct complete figures."""
    raw = pl.DataFrame(
        {
            "metric": ["evacuated"] * count,
            "population_group": ["people"] * count,
            "value": list(range(count)),
            "qualifier": ["exact"] * count,
            "location": [location] * count,
            "as_of": [date(2024, 5, 1)] * count,
            "source_name": [source] * count,
        }
    )
    return complete_figures(raw, method="imported")


def test_write_then_read_gives_the_same_frame(db: Path | str) -> None:
    frame = figures(5)
    with open_store(db) as store:
        result = store.write(frame)
        assert (result.figures_added, result.figures_skipped) == (5, 0)
        assert_frame_equal(store.read_figures(), frame.sort("as_of", "figure_id"))


def test_a_second_write_of_the_same_rows_adds_nothing(db: Path | str) -> None:
    with open_store(db) as store:
        store.write(figures(5))
        result = store.write(figures(7))
        assert (result.figures_added, result.figures_skipped) == (2, 5)
        assert store.count_figures() == 7


def test_a_failing_write_leaves_nothing_behind(db: Path | str) -> None:
    broken = figures(3).with_columns(
        pl.when(pl.col("value") == 2)
        .then(None)
        .otherwise(pl.col("source_name"))
        .alias("source_name")
    )
    with open_store(db) as store:
        with pytest.raises(StoreError):
            store.write(broken)
        assert store.count_figures() == 0


def test_filters_select_by_place_metric_and_dates(db: Path | str) -> None:
    frame = pl.concat([figures(2, location="Izium"), figures(3, location="Kupiansk")])
    with open_store(db) as store:
        store.write(frame)
        assert store.read_figures(FigureQuery(districts=("kupiansk",))).height == 3
        assert store.read_figures(FigureQuery(metric="remaining")).height == 0
        assert store.read_figures(FigureQuery(date_from=date(2024, 5, 2))).height == 0
        assert store.read_figures(FigureQuery(date_to=date(2024, 5, 1))).height == 5


_WRITER = """
import sys
from pathlib import Path
sys.path.insert(0, {tests!r})
from test_store import figures
from tracker.store import open_store
with open_store({db!r}) as store:
    for start in range(0, 200, 10):
        store.write(figures(200, source=sys.argv[1]).slice(start, 10))
"""


def test_two_processes_writing_at_once_lose_nothing(db: Path | str) -> None:
    script = _WRITER.format(tests=str(Path(__file__).parent), db=str(db))
    with open_store(db):
        pass  # create and migrate first, as any earlier command would have
    writers = [subprocess.Popen([sys.executable, "-c", script, name]) for name in ("A", "B")]
    assert [w.wait(timeout=120) for w in writers] == [0, 0]
    with open_store(db) as store:
        assert store.count_figures() == 400


def test_an_empty_sqlite_file_is_migrated(sqlite_db: Path) -> None:
    sqlite3.connect(sqlite_db).close()
    with open_store(sqlite_db) as store:
        assert store.count_figures() == 0
    with sqlite3.connect(sqlite_db) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_district_filter_reads_through_indexes_not_a_scan(sqlite_db: Path) -> None:
    # The filter of `list --district` and of every new figure's history.
    where = (
        "admin2_key IN (?) OR lower(admin2_pcode) IN (?) OR settlement_key IN (?)"
        " OR location_key IN (?)"
    )
    with open_store(sqlite_db) as store:
        store.write(figures(3))
    with sqlite3.connect(sqlite_db) as raw:
        query = f"EXPLAIN QUERY PLAN SELECT * FROM figures WHERE {where}"
        plan = raw.execute(query, ["izium"] * where.count("?")).fetchall()
    steps = [str(row[-1]) for row in plan]
    assert not any(step.startswith("SCAN figures") for step in steps), steps
    assert any("USING INDEX" in step for step in steps), steps


def test_a_file_from_a_newer_tracker_is_refused(sqlite_db: Path) -> None:
    with sqlite3.connect(sqlite_db) as raw:
        raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer"), open_store(sqlite_db):
        pass


def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "figures.db"
    path.write_bytes(b"PK\x03\x04 a zip file")
    with pytest.raises(StoreError, match="not a SQLite database"), open_store(path):
        pass


def test_documents_are_stored_once(db: Path | str) -> None:
    from datetime import UTC, datetime

    from tracker.store import DOCUMENT_COLUMNS

    documents = pl.DataFrame(
        {
            "doc_id": ["d1"],
            "title": ["<b>title</b>"],
            "url": [None],
            "source_name": ["RMA"],
            "published_on": [date(2024, 5, 1)],
            "ingested_at": [datetime(2024, 5, 2, tzinfo=UTC)],
            "text": ["Евакуйовано 12 людей."],
            "programmes": ["Shelter"],
            "language": ["uk"],
        },
        schema=DOCUMENT_COLUMNS,
    )
    with open_store(db) as store:
        assert store.write(figures(1), documents).documents_added == 1
        assert store.write(figures(1), documents).documents_skipped == 1
        assert_frame_equal(store.read_documents(), documents)
        assert store.known_documents(["d1", "d2"]) == {"d1"}


def test_a_version_1_file_opens_and_keeps_its_rows(sqlite_db: Path) -> None:
    from tracker.store.dialects import SqliteDialect
    from tracker.store.migrations import MIGRATIONS

    with sqlite3.connect(sqlite_db) as old:
        MIGRATIONS[0](old.cursor(), SqliteDialect())
        old.execute(
            "INSERT INTO documents (doc_id, ingested_at, text) VALUES (?, ?, ?)",
            ("d1", "2024-05-02T00:00:00.000000+00:00", "An old report."),
        )
        old.execute("PRAGMA user_version = 1")
    with open_store(sqlite_db) as store:
        documents = store.read_documents()
    # A document stored before languages were told apart has none.
    assert documents.select("doc_id", "text", "programmes", "language").rows() == [
        ("d1", "An old report.", None, None)
    ]
    with sqlite3.connect(sqlite_db) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_figures_stored_before_place_keys_are_found_by_folded_names(sqlite_db: Path) -> None:
    from tracker.store.dialects import SqliteDialect
    from tracker.store.migrations import MIGRATIONS

    frame = figures(2, location="Ñuble")
    with sqlite3.connect(sqlite_db) as old:
        for step in MIGRATIONS[:2]:
            step(old.cursor(), SqliteDialect())
        stored = SqliteDialect().to_stored(frame)
        marks = ", ".join("?" * stored.width)
        old.executemany(
            f"INSERT INTO figures ({', '.join(stored.columns)}) VALUES ({marks})", stored.rows()
        )
        old.execute("PRAGMA user_version = 2")
    with open_store(sqlite_db) as store:
        assert store.read_figures(FigureQuery(districts=("ñUBLE",))).height == 2


def test_programme_mentions_come_one_per_row(db: Path | str) -> None:
    from datetime import UTC, datetime

    from tracker.store import DOCUMENT_COLUMNS

    documents = pl.DataFrame(
        {
            "doc_id": ["d1", "d2"],
            "title": [None, None],
            "url": [None, None],
            "source_name": ["RMA", "RMA"],
            "published_on": [date(2024, 5, 1), date(2024, 5, 2)],
            "ingested_at": [datetime(2024, 5, 2, tzinfo=UTC)] * 2,
            "text": ["a", "b"],
            "programmes": ["Shelter; Prykhystok", None],
            "language": ["en", None],
        },
        schema=DOCUMENT_COLUMNS,
    )
    with open_store(db) as store:
        store.write(figures(1), documents)
        mentions = store.programme_mentions()
    assert mentions.rows() == [
        ("d1", "Shelter", date(2024, 5, 1)),
        ("d1", "Prykhystok", date(2024, 5, 1)),
    ]


def test_staged_rows_are_written_only_by_merge(db: Path | str) -> None:
    with open_store(db) as store:
        with store.staged(figures(3)):
            pass  # validation failed, say: leave without merging
        assert store.count_figures() == 0
        with store.staged(figures(3)) as staging:
            assert staging.merge().figures_added == 3
        assert store.count_figures() == 3


def test_a_staging_failure_surfaces_at_merge(db: Path | str) -> None:
    # Neither driver can store a struct: the staging fails in its thread.
    unstageable = figures(1).with_columns(pl.struct(a=pl.lit(1), b=pl.lit("x")).alias("note"))
    with open_store(db) as store:
        with pytest.raises(StoreError, match="cannot stage"), store.staged(unstageable) as staging:
            staging.merge()
        assert store.count_figures() == 0
