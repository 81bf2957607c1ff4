"""The SQLite store: the only module that speaks SQL.

One file holds the figures table, the source documents and a log of every write. The
schema is versioned with `PRAGMA user_version`; opening an older file migrates it. Every
write is one transaction and skips rows whose key is already stored, so re-running an
import adds nothing twice. Every statement is parametrised.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import polars as pl

from tracker.errors import StoreError
from tracker.model import COLUMN_NAMES, COLUMNS, polars_schema

__all__ = [
    "DOCUMENT_COLUMNS",
    "SCHEMA_VERSION",
    "FigureQuery",
    "Staging",
    "Store",
    "WriteResult",
    "open_store",
]

_SQLITE_MAGIC = b"SQLite format 3\x00"
_BUSY_TIMEOUT_MS = 60_000
_ADBC_BATCH_ROWS = "adbc.sqlite.query.batch_rows"
# The staging file is thrown away after each write: keep it in memory where the system
# offers a RAM-backed folder, so a big import does not write its rows to disk twice.
_SHM = Path("/dev/shm")
_STAGE_DIR = str(_SHM) if _SHM.is_dir() and os.access(_SHM, os.W_OK) else None
_DATETIME_TEXT = "%Y-%m-%dT%H:%M:%S%.6f+00:00"

DOCUMENT_COLUMNS: dict[str, pl.DataType] = {
    "doc_id": pl.String(),
    "title": pl.String(),
    "url": pl.String(),
    "source_name": pl.String(),
    "published_on": pl.Date(),
    "ingested_at": pl.Datetime("us", "UTC"),
    "text": pl.String(),
    "programmes": pl.String(),
}


def _figures_ddl() -> str:
    columns = ",\n  ".join(
        f"{c.name} {c.sql_type}{'' if c.nullable else ' NOT NULL'}" for c in COLUMNS
    )
    return (
        f"CREATE TABLE figures (\n  {columns},\n  write_id INTEGER,\n  PRIMARY KEY (figure_id)\n)"
    )


# Each entry moves the schema from version N to N+1; never edit a released entry.
_MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        # No secondary indexes: reads scan (filters match names case-insensitively), and
        # an index on a random key such as claim_id made a million-row import 6x slower.
        _figures_ddl(),
        """CREATE TABLE documents (
  doc_id TEXT PRIMARY KEY, title TEXT, url TEXT, source_name TEXT,
  published_on TEXT, ingested_at TEXT NOT NULL, text TEXT)""",
        """CREATE TABLE writes (
  write_id INTEGER PRIMARY KEY, written_at TEXT NOT NULL, method TEXT,
  figures_added INTEGER NOT NULL, figures_skipped INTEGER NOT NULL,
  documents_added INTEGER NOT NULL, documents_skipped INTEGER NOT NULL)""",
    ),
    # 2: housing programmes a document names, with or without a figure ("; "-separated).
    ("ALTER TABLE documents ADD COLUMN programmes TEXT",),
)
SCHEMA_VERSION = len(_MIGRATIONS)


@dataclass(frozen=True)
class WriteResult:
    """What one write added and what it skipped because it was already stored."""

    figures_added: int = 0
    figures_skipped: int = 0
    documents_added: int = 0
    documents_skipped: int = 0


@dataclass(frozen=True)
class FigureQuery:
    """Which figures to read; every field left empty matches everything."""

    districts: tuple[str, ...] = ()
    oblast: str | None = None
    metric: str | None = None
    date_from: date | None = None
    date_to: date | None = None


class _StageWorker(threading.Thread):
    """Copies frames into a staging file; ADBC's bulk ingest releases the GIL meanwhile."""

    def __init__(self, stage: Path, tables: dict[str, pl.DataFrame]) -> None:
        super().__init__(name="tracker-stage", daemon=True)
        self.stage = stage
        self.tables = tables
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            _stage_tables(self.stage, self.tables)
        except BaseException as error:  # re-raised by the caller's thread at merge()
            self.error = error


class Staging:
    """Rows being staged for one write; `merge()` stores them in one transaction."""

    def __init__(self, store: Store, worker: _StageWorker, method: str | None) -> None:
        self._store = store
        self._worker = worker
        self._method = method

    def merge(self) -> WriteResult:
        """Wait for the staging to finish, then store the rows; return what was added."""
        return self._store._merge_staged(self._worker, self._method)


class Store:
    """An open figures database. Use `open_store` to get one."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self.path = path

    def write(self, figures: pl.DataFrame, documents: pl.DataFrame | None = None) -> WriteResult:
        """Store figures (and their documents) in one transaction; return what was added.

        Rows whose figure_id or doc_id is already stored are skipped. `figures` must hold
        every model column; columns starting with `_` are ignored.
        """
        with self.staged(figures, documents) as staging:
            return staging.merge()

    @contextmanager
    def staged(
        self, figures: pl.DataFrame, documents: pl.DataFrame | None = None
    ) -> Iterator[Staging]:
        """Yield a Staging: the rows are copied to a staging file in a background thread,
        so the caller can validate meanwhile, then call `merge()`, or leave to drop them."""
        # Sorted by key, the merge appends to the primary-key index instead of scattering.
        tables = {"figures": figures.select(COLUMN_NAMES).sort("figure_id")}
        if documents is not None:
            tables["documents"] = documents.select(list(DOCUMENT_COLUMNS))
        with tempfile.TemporaryDirectory(prefix="tracker-stage-", dir=_STAGE_DIR) as folder:
            worker = _StageWorker(Path(folder) / "stage.db", tables)
            worker.start()
            try:
                yield Staging(self, worker, method=_first(figures, "method"))
            finally:
                worker.join()

    def _merge_staged(self, worker: _StageWorker, method: str | None) -> WriteResult:
        worker.join()
        if worker.error is not None:
            raise StoreError(f"cannot stage the rows to write: {worker.error}") from worker.error
        # ATTACH is refused inside a transaction, so it brackets it.
        self._db.execute("ATTACH DATABASE ? AS stage", (str(worker.stage),))
        try:
            return self._merge_stage(worker.tables, method=method)
        finally:
            self._db.execute("DETACH DATABASE stage")

    def _merge_stage(self, tables: dict[str, pl.DataFrame], method: str | None) -> WriteResult:
        with self._transaction() as db:
            docs_added = (
                _insert_new(db, "documents", list(DOCUMENT_COLUMNS)) if "documents" in tables else 0
            )
            write_id = db.execute(
                "INSERT INTO writes (written_at, method, figures_added, figures_skipped,"
                " documents_added, documents_skipped) VALUES (?, ?, 0, 0, 0, 0)",
                (datetime.now(UTC).isoformat(), method),
            ).lastrowid
            figs_added = _insert_new(db, "figures", list(COLUMN_NAMES), write_id=write_id)
            documents = tables.get("documents")
            result = WriteResult(
                figures_added=figs_added,
                figures_skipped=tables["figures"].height - figs_added,
                documents_added=docs_added,
                documents_skipped=(documents.height if documents is not None else 0) - docs_added,
            )
            db.execute(
                "UPDATE writes SET figures_added = ?, figures_skipped = ?, documents_added = ?,"
                " documents_skipped = ? WHERE write_id = ?",
                (*_counts(result), write_id),
            )
        return result

    def read_figures(self, query: FigureQuery | None = None) -> pl.DataFrame:
        """Return the stored figures matching `query` as a frame with model dtypes."""
        where, params = _where(query or FigureQuery())
        sql = f"SELECT {', '.join(COLUMN_NAMES)} FROM figures{where} ORDER BY as_of, figure_id"
        return _typed_frame(self._read_arrow(sql, params), polars_schema())

    def read_documents(self) -> pl.DataFrame:
        """Return every stored document."""
        sql = f"SELECT {', '.join(DOCUMENT_COLUMNS)} FROM documents ORDER BY doc_id"
        return _typed_frame(self._read_arrow(sql, []), DOCUMENT_COLUMNS)

    def _read_arrow(self, sql: str, params: list[object]) -> pl.DataFrame:
        """Run a query through ADBC, which reads into Arrow about 2.5x faster than sqlite3."""
        import adbc_driver_sqlite.dbapi as adbc

        with adbc.connect(str(self.path)) as connection, connection.cursor() as cursor:
            # The driver infers each column's type from its first batch; one batch for the
            # whole result keeps a column that starts with NULLs from failing later.
            cursor.adbc_statement.set_options(**{_ADBC_BATCH_ROWS: str(10**9)})
            cursor.execute(sql, params or None)
            frame = pl.from_arrow(cursor.fetch_arrow_table())
        assert isinstance(frame, pl.DataFrame)
        return frame

    def programme_mentions(self) -> pl.DataFrame:
        """Return one row (doc_id, programme, published_on) per programme a document names."""
        sql = (
            "SELECT doc_id, programmes, published_on FROM documents"
            " WHERE programmes IS NOT NULL ORDER BY doc_id"
        )
        frame = _typed_frame(
            self._read_arrow(sql, []),
            {"doc_id": pl.String(), "programmes": pl.String(), "published_on": pl.Date()},
        )
        return (
            frame.with_columns(pl.col("programmes").str.split("; "))
            .explode("programmes")
            .select("doc_id", pl.col("programmes").alias("programme"), "published_on")
        )

    def known_documents(self, doc_ids: Iterable[str]) -> set[str]:
        """Return the ids among `doc_ids` that are already stored."""
        return self._known("documents", "doc_id", doc_ids)

    def known_figures(self, figure_ids: Iterable[str]) -> set[str]:
        """Return the ids among `figure_ids` that are already stored."""
        return self._known("figures", "figure_id", figure_ids)

    def count_figures(self) -> int:
        """Return how many figures are stored."""
        return int(self._db.execute("SELECT count(*) FROM figures").fetchone()[0])

    def _known(self, table: str, key: str, ids: Iterable[str]) -> set[str]:
        wanted = list(dict.fromkeys(ids))
        found: set[str] = set()
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            rows = self._db.execute(f"SELECT {key} FROM {table} WHERE {key} IN ({marks})", chunk)
            found.update(row[0] for row in rows)
        return found

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        try:
            # IMMEDIATE takes the write lock up front, so two writers queue on the busy
            # timeout instead of failing half-way with SQLITE_BUSY.
            self._db.execute("BEGIN IMMEDIATE")
            yield self._db
        except BaseException as error:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            if isinstance(error, sqlite3.Error):
                raise StoreError(f"{self.path}: nothing was written: {error}") from error
            raise
        else:
            self._db.execute("COMMIT")


@contextmanager
def open_store(path: Path) -> Iterator[Store]:
    """Open (creating and migrating as needed) the database at `path`; yield a Store.

    Raises StoreError when the file is not a SQLite database, is from a newer version of
    the tracker, or cannot be opened.
    """
    _check_is_sqlite(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(path, timeout=_BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except (OSError, sqlite3.Error) as error:
        raise StoreError(f"cannot open database {path}: {error}") from error
    try:
        _prepare(connection, path)
        yield Store(connection, path)
    except sqlite3.DatabaseError as error:
        raise StoreError(f"database {path}: {error}") from error
    finally:
        connection.close()


def _check_is_sqlite(path: Path) -> None:
    if not path.exists():
        return
    if path.is_dir():
        raise StoreError(f"database path {path} is a directory")
    with path.open("rb") as handle:
        head = handle.read(len(_SQLITE_MAGIC))
    if head and head != _SQLITE_MAGIC:
        raise StoreError(f"{path} is not a SQLite database (give another --db path)")


def _prepare(db: sqlite3.Connection, path: Path) -> None:
    db.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    # A larger page cache keeps the primary-key B-tree in memory during big imports.
    db.execute("PRAGMA cache_size = -262144")
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path} has schema version {version}, newer than this tracker's "
            f"{SCHEMA_VERSION}: upgrade the tracker"
        )
    if version == SCHEMA_VERSION:
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        # Another process may have migrated while we waited for the lock.
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        for step in _MIGRATIONS[version:]:
            for statement in step:
                db.execute(statement)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


def _stage_tables(stage: Path, tables: dict[str, pl.DataFrame]) -> None:
    """Write frames into a fresh SQLite file through ADBC's bulk ingest (Arrow, no Python rows)."""
    import adbc_driver_sqlite.dbapi as adbc

    with adbc.connect(str(stage), autocommit=True) as connection, connection.cursor() as cursor:
        # A throwaway file: no journal and no fsync (about 25% faster for a million rows).
        cursor.execute("PRAGMA journal_mode = OFF")
        cursor.fetchall()
        cursor.execute("PRAGMA synchronous = OFF")
        cursor.execute("PRAGMA page_size = 65536")  # fewer, larger pages to fill
        for name, frame in tables.items():
            cursor.adbc_ingest(name, _as_sql_values(frame), mode="create")


def _insert_new(
    db: sqlite3.Connection, table: str, columns: list[str], write_id: int | None = None
) -> int:
    """Copy rows from stage.`table`, skipping keys (first column) already stored.

    Returns how many rows were added.
    """
    names = ", ".join(columns)
    extra_column, extra_value = (", write_id", ", ?") if write_id is not None else ("", "")
    # ON CONFLICT on the key only: OR IGNORE would also drop rows breaking NOT NULL.
    # `WHERE true` settles a parsing ambiguity of INSERT ... SELECT ... ON CONFLICT.
    sql = (
        f"INSERT INTO main.{table} ({names}{extra_column}) SELECT {names}{extra_value}"
        f" FROM stage.{table} WHERE true ON CONFLICT ({columns[0]}) DO NOTHING"
    )
    before = db.total_changes
    db.execute(sql, (write_id,) if write_id is not None else ())
    return db.total_changes - before


def _as_sql_values(frame: pl.DataFrame) -> pl.DataFrame:
    """Return the frame with dates and datetimes as ISO 8601 text, as the store keeps them."""
    return frame.with_columns(
        pl.col(name).dt.to_string(_DATETIME_TEXT)
        if isinstance(dtype, pl.Datetime)
        else pl.col(name).cast(pl.String)
        for name, dtype in frame.schema.items()
        if isinstance(dtype, pl.Date | pl.Datetime)
    )


def _typed_frame(frame: pl.DataFrame, schema: dict[str, pl.DataType]) -> pl.DataFrame:
    """Return a frame read from SQLite cast to `schema` (dates are stored as text)."""
    return frame.with_columns(_parse_stored(name, dtype) for name, dtype in schema.items())


def _parse_stored(name: str, dtype: pl.DataType) -> pl.Expr:
    # A column that is all NULL comes back typed as an integer column: go through text.
    text = pl.col(name).cast(pl.String)
    if isinstance(dtype, pl.Datetime):
        return text.str.to_datetime("%Y-%m-%dT%H:%M:%S%.f%z", time_zone="UTC")
    if isinstance(dtype, pl.Date):
        return text.str.to_date("%Y-%m-%d")
    return pl.col(name).cast(dtype)


def _first(frame: pl.DataFrame, column: str) -> str | None:
    return str(frame[column][0]) if frame.height else None


def _where(query: FigureQuery) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if query.districts:
        names = [d.casefold() for d in query.districts]
        marks = ", ".join("?" * len(names))
        fields = ("admin2_name", "admin2_pcode", "settlement", "location")
        clauses.append("(" + " OR ".join(f"lower({f}) IN ({marks})" for f in fields) + ")")
        params.extend(names * len(fields))
    if query.oblast:
        clauses.append("(lower(admin1_name) = ? OR lower(admin1_pcode) = ?)")
        params.extend([query.oblast.casefold()] * 2)
    if query.metric:
        clauses.append("metric = ?")
        params.append(query.metric)
    if query.date_from:
        clauses.append("as_of >= ?")
        params.append(query.date_from.isoformat())
    if query.date_to:
        clauses.append("as_of <= ?")
        params.append(query.date_to.isoformat())
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _counts(result: WriteResult) -> tuple[int, int, int, int]:
    return (
        result.figures_added,
        result.figures_skipped,
        result.documents_added,
        result.documents_skipped,
    )
