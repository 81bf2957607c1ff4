"""The store: the figures table, their source documents and a log of every write.

Every connection to the user's database goes through one library, ADBC, for both
backends. For SQLite this is what keeps acknowledged writes: Python's `sqlite3` links its
own copy of SQLite, and two copies in one process release each other's POSIX locks
whenever either closes the file, so a writer in another process could write while this
one believed it held the lock, and a closing reader could delete the writer's WAL. ADBC
was kept over `sqlite3` because it reads a million figures into Arrow 2-3x faster and
bulk-loads them without Python rows, and because the PostgreSQL driver has the same API.

A Store holds a writer connection (migrations, staging, merges) and opens a reader
connection on the first read, so that reads may run while rows are being staged. Staged
rows go into a temporary table of the writer's own session, which vanishes with the
process even under `kill -9`, then one transaction copies them in, skipping keys already
stored: a re-run of an import adds nothing twice. Every statement is parametrised.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl

from tracker.errors import MissingStoreError, StoreError
from tracker.model import COLUMN_NAMES, polars_schema
from tracker.store.adbc import Connection, Cursor, driver_error
from tracker.store.dialects import Dialect, StoreState, dialect_for
from tracker.store.migrations import DOCUMENT_KINDS, SCHEMA_VERSION, migrate
from tracker.store.place_keys import PLACE_KEYS, fold_name, with_place_keys
from tracker.store.target import StoreTarget, store_target

__all__ = ["DOCUMENT_COLUMNS", "FigureQuery", "Staging", "Store", "WriteResult", "open_store"]

_ADBC_BATCH_ROWS = "adbc.sqlite.query.batch_rows"
_STAGE_PREFIX = "tracker_stage_"
_FIGURE_STORE_COLUMNS = (*COLUMN_NAMES, *PLACE_KEYS)


_DTYPES: dict[str, pl.DataType] = {
    "str": pl.String(),
    "date": pl.Date(),
    "datetime": pl.Datetime("us", "UTC"),
}
DOCUMENT_COLUMNS: dict[str, pl.DataType] = {
    name: _DTYPES[kind] for name, kind in DOCUMENT_KINDS.items()
}


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
    """Prepares frames and loads them into the writer's temporary tables. Polars and the
    driver release the GIL, so this runs beside the caller's validation."""

    def __init__(
        self, connection: Connection, dialect: Dialect, tables: dict[str, pl.DataFrame]
    ) -> None:
        super().__init__(name="tracker-stage", daemon=True)
        self.connection = connection
        self.dialect = dialect
        self.tables = tables
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            with self.connection.cursor() as cursor:
                for name, frame in self.tables.items():
                    prepared = self.dialect.to_stored(_stored_rows(name, frame))
                    cursor.ingest(_STAGE_PREFIX + name, prepared, temporary=True)
        except BaseException as error:  # re-raised by the caller's thread at merge()
            self.error = error


def _stored_rows(table: str, frame: pl.DataFrame) -> pl.DataFrame:
    """Return the columns a table stores, figures with their place keys, sorted by key."""
    if table == "documents":
        return frame.select(list(DOCUMENT_KINDS))
    # Sorted by key, the merge appends to the primary-key index instead of scattering.
    return with_place_keys(frame.select(COLUMN_NAMES)).sort("figure_id")


class Staging:
    """Rows being staged for one write; `merge()` stores them in one transaction."""

    def __init__(self, store: Store, worker: _StageWorker, method: str | None) -> None:
        self._store = store
        self._worker = worker
        self._method = method

    def merge(self) -> WriteResult:
        """Wait for the staging to finish, then store the rows; return what was added."""
        self._worker.join()
        if self._worker.error is not None:
            error = self._worker.error
            raise StoreError(f"cannot stage the rows to write: {error}") from error
        return self._store._merge_stage(self._worker.tables, self._method)


class Store:
    """An open figures database. Use `open_store` to get one."""

    def __init__(
        self, target: StoreTarget, dialect: Dialect, writer: Connection, *, read_only: bool
    ) -> None:
        self.target = target
        self.read_only = read_only
        self._dialect = dialect
        self._writer = writer
        self._reader: Connection | None = None

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
        """Yield a Staging: the rows are loaded into temporary tables in a background
        thread, so the caller can validate meanwhile, then call `merge()`, or leave to
        drop them. Reads during staging go through the reader connection."""
        self._require_writable()
        tables = {"figures": figures}
        if documents is not None:
            tables["documents"] = documents
        worker = _StageWorker(self._writer, self._dialect, tables)
        worker.start()
        try:
            yield Staging(self, worker, method=_first(figures, "method"))
        finally:
            worker.join()
            self._drop_stage(tables)

    def _drop_stage(self, tables: dict[str, pl.DataFrame]) -> None:
        with self._writer.cursor() as cursor:
            for name in tables:
                cursor.execute(f"DROP TABLE IF EXISTS {_STAGE_PREFIX}{name}")

    def _merge_stage(self, tables: dict[str, pl.DataFrame], method: str | None) -> WriteResult:
        dialect = self._dialect
        with self._transaction() as cursor:
            docs_added = (
                self._insert_new(cursor, "documents", tuple(DOCUMENT_KINDS))
                if "documents" in tables
                else 0
            )
            cursor.execute(
                dialect.sql(
                    "INSERT INTO writes (written_at, method, figures_added, figures_skipped,"
                    f" documents_added, documents_skipped) VALUES ({dialect.now}, ?, 0, 0, 0, 0)"
                    " RETURNING write_id"
                ),
                (method,),
            )
            write_id = int(cursor.fetchall()[0][0])
            figs_added = self._insert_new(cursor, "figures", _FIGURE_STORE_COLUMNS, write_id)
            documents = tables.get("documents")
            result = WriteResult(
                figures_added=figs_added,
                figures_skipped=tables["figures"].height - figs_added,
                documents_added=docs_added,
                documents_skipped=(documents.height if documents is not None else 0) - docs_added,
            )
            cursor.execute(
                dialect.sql(
                    "UPDATE writes SET figures_added = ?, figures_skipped = ?,"
                    " documents_added = ?, documents_skipped = ? WHERE write_id = ?"
                ),
                (*_counts(result), write_id),
            )
        return result

    def _insert_new(
        self, cursor: Cursor, table: str, columns: tuple[str, ...], write_id: int | None = None
    ) -> int:
        """Copy the staged rows of `table`, skipping keys (first column) already stored.

        Returns how many rows were added.
        """
        names = ", ".join(columns)
        extra_column, extra_value = (", write_id", f", {int(write_id)}") if write_id else ("", "")
        # ON CONFLICT on the key only: OR IGNORE would also drop rows breaking NOT NULL.
        # `WHERE true` settles a parsing ambiguity of INSERT ... SELECT ... ON CONFLICT.
        cursor.execute(
            f"INSERT INTO {table} ({names}{extra_column}) SELECT {names}{extra_value}"
            f" FROM {_STAGE_PREFIX}{table} WHERE true ON CONFLICT ({columns[0]}) DO NOTHING"
        )
        return self._dialect.rows_changed(cursor)

    def read_figures(self, query: FigureQuery | None = None) -> pl.DataFrame:
        """Return the stored figures matching `query` as a frame with model dtypes."""
        where, params = _where(query or FigureQuery(), self._dialect)
        sql = f"SELECT {', '.join(COLUMN_NAMES)} FROM figures{where} ORDER BY as_of, figure_id"
        return self._read(sql, params, polars_schema())

    def read_documents(self) -> pl.DataFrame:
        """Return every stored document."""
        sql = f"SELECT {', '.join(DOCUMENT_KINDS)} FROM documents ORDER BY doc_id"
        return self._read(sql, [], DOCUMENT_COLUMNS)

    def programme_mentions(self) -> pl.DataFrame:
        """Return one row (doc_id, programme, published_on) per programme a document names."""
        sql = (
            "SELECT doc_id, programmes, published_on FROM documents"
            " WHERE programmes IS NOT NULL ORDER BY doc_id"
        )
        schema = {"doc_id": pl.String(), "programmes": pl.String(), "published_on": pl.Date()}
        return (
            self._read(sql, [], schema)
            .with_columns(pl.col("programmes").str.split("; "))
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
        return int(self._rows("SELECT count(*) FROM figures", [])[0][0])

    def user_places(self) -> list[tuple[str, str]]:
        """Return (file name, CSV text) of every user gazetteer kept in the store."""
        rows = self._rows("SELECT file_name, content FROM user_places ORDER BY file_name", [])
        return [(str(name), str(content)) for name, content in rows]

    def add_user_places(self, file_name: str, content: str, units: int) -> None:
        """Keep a checked user gazetteer in the store, replacing one of the same name."""
        dialect = self._dialect
        with self._transaction() as cursor:
            cursor.execute(dialect.sql("DELETE FROM user_places WHERE file_name = ?"), (file_name,))
            cursor.execute(
                dialect.sql(
                    "INSERT INTO user_places (file_name, content, units, added_at)"
                    f" VALUES (?, ?, ?, {dialect.now})"
                ),
                (file_name, content, units),
            )

    def close(self) -> None:
        """Close the store's connections."""
        for connection in (self._reader, self._writer):
            if connection is not None:
                connection.close()
        self._reader = None

    def _known(self, table: str, key: str, ids: Iterable[str]) -> set[str]:
        wanted = list(dict.fromkeys(ids))
        found: set[str] = set()
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            rows = self._rows(f"SELECT {key} FROM {table} WHERE {key} IN ({marks})", chunk)
            found.update(str(row[0]) for row in rows)
        return found

    def _read(self, sql: str, params: list[object], schema: dict[str, pl.DataType]) -> pl.DataFrame:
        """Run a query on the reader connection and return it as a frame with `schema`."""
        with self._reader_cursor() as cursor:
            if self._dialect.name == "sqlite":
                # The driver infers each column's type from its first batch; one batch for
                # the whole result keeps a column that starts with NULLs from failing later.
                cursor.set_options(**{_ADBC_BATCH_ROWS: str(10**9)})
            cursor.execute(self._dialect.sql(sql), params or None)
            frame = cursor.fetch_frame()
        return self._dialect.from_stored(frame, schema)

    def _rows(self, sql: str, params: Sequence[object]) -> list[tuple[Any, ...]]:
        with self._reader_cursor() as cursor:
            cursor.execute(self._dialect.sql(sql), params or None)
            return list(cursor.fetchall())

    @contextmanager
    def _reader_cursor(self) -> Iterator[Cursor]:
        if self._reader is None:
            self._reader = self._dialect.connect(self.target, read_only=self.read_only)
            with self._reader.cursor() as cursor:
                self._dialect.prepare(cursor, read_only=True)
        try:
            with self._reader.cursor() as cursor:
                yield cursor
        except driver_error() as error:
            raise StoreError(f"{self.target.display}: {self.target.redact(str(error))}") from None

    @contextmanager
    def _transaction(self) -> Iterator[Cursor]:
        self._require_writable()
        with self._writer.cursor() as cursor:
            try:
                cursor.execute(self._dialect.begin_write)
                yield cursor
            except BaseException as error:
                cursor.execute("ROLLBACK")
                if isinstance(error, driver_error()):
                    message = self.target.redact(str(error))
                    raise StoreError(
                        f"{self.target.display}: nothing was written: {message}"
                    ) from None
                raise
            cursor.execute("COMMIT")

    def _require_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.target.display} was opened read-only")


@contextmanager
def open_store(target: str | Path | StoreTarget, *, read_only: bool = False) -> Iterator[Store]:
    """Open the store at `target` (a SQLite path or a postgresql:// URL); yield a Store.

    A new database is created and migrated, unless `read_only`: then a SQLite file that
    does not exist is a UsageError, and nothing is ever written. Raises StoreError when
    the database is not a tracker store, is from a newer tracker, or cannot be opened.
    """
    where = store_target(target)
    dialect = dialect_for(where)
    connection = dialect.connect(where, read_only=read_only)
    try:
        _prepare(connection, where, dialect, read_only=read_only)
        store = Store(where, dialect, connection, read_only=read_only)
    except driver_error() as error:
        connection.close()
        raise StoreError(f"database {where.display}: {where.redact(str(error))}") from None
    except BaseException:
        connection.close()
        raise
    try:
        yield store
    except driver_error() as error:
        raise StoreError(f"database {where.display}: {where.redact(str(error))}") from None
    finally:
        store.close()


def _prepare(
    connection: Connection, target: StoreTarget, dialect: Dialect, *, read_only: bool
) -> None:
    """Refuse a database that is not ours, untouched; then set it up and migrate it."""
    with connection.cursor() as cursor:
        state, version = dialect.state(cursor)
        if state == StoreState.FOREIGN:
            raise StoreError(
                f"{target.display} holds another application's tables, not a tracker store;"
                " it was left untouched (give another --db)"
            )
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{target.display} has schema version {version}, newer than this tracker's "
                f"{SCHEMA_VERSION}: upgrade the tracker"
            )
        if read_only and state == StoreState.EMPTY:
            raise MissingStoreError(f"{target.display} holds no tracker store yet (check --db)")
        if read_only and version < SCHEMA_VERSION:
            raise StoreError(
                f"{target.display} has schema version {version}: run a command that writes"
                " (tracker log, import or ingest) once to upgrade it"
            )
        dialect.prepare(cursor, read_only=read_only)
        if version < SCHEMA_VERSION:
            migrate(cursor, dialect)


def _first(frame: pl.DataFrame, column: str) -> str | None:
    return str(frame[column][0]) if frame.height else None


def _where(query: FigureQuery, dialect: Dialect) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if query.districts:
        names = [fold_name(d) for d in query.districts]
        marks = ", ".join("?" * len(names))
        fields = ("admin2_key", "lower(admin2_pcode)", "settlement_key", "location_key")
        clauses.append("(" + " OR ".join(f"{f} IN ({marks})" for f in fields) + ")")
        params.extend(names * len(fields))
    if query.oblast:
        clauses.append("(admin1_key = ? OR lower(admin1_pcode) = ?)")
        params.extend([fold_name(query.oblast)] * 2)
    if query.metric:
        clauses.append("metric = ?")
        params.append(query.metric)
    if query.date_from:
        clauses.append("as_of >= ?")
        params.append(dialect.param(query.date_from))
    if query.date_to:
        clauses.append("as_of <= ?")
        params.append(dialect.param(query.date_to))
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _counts(result: WriteResult) -> tuple[int, int, int, int]:
    return (
        result.figures_added,
        result.figures_skipped,
        result.documents_added,
        result.documents_skipped,
    )
