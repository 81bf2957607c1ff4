"""What differs between the two databases the store speaks to, and nothing else.

Both are reached through ADBC (Arrow in and out, bulk loads by the driver: SQLite's
prepared inserts, PostgreSQL's COPY), so the store's code is one; a dialect opens the
connection, names the column types, writes placeholders, and reads and writes the schema
version. SQLite keeps dates as ISO text (`PRAGMA user_version` holds its version);
PostgreSQL uses DATE and TIMESTAMPTZ and keeps its version history in `tracker_schema`.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from tracker.errors import MissingStoreError, StoreError
from tracker.model import Kind
from tracker.store.adbc import Connection, Cursor, driver_error
from tracker.store.target import StoreTarget

if TYPE_CHECKING:
    import polars as pl

__all__ = ["Dialect", "PostgresDialect", "SqliteDialect", "StoreState", "dialect_for"]

_SQLITE_MAGIC = b"SQLite format 3\x00"
_BUSY_TIMEOUT_MS = 60_000
_PLACEHOLDER = re.compile(r"\?")
_DATETIME_TEXT = "%Y-%m-%dT%H:%M:%S%.6f+00:00"
# Any fixed number: it names the lock that serialises migrations on one PostgreSQL database.
_MIGRATION_LOCK = 7_260_431
_POSTGRES_TYPES = {"int": "BIGINT", "date": "DATE", "datetime": "TIMESTAMPTZ"}


class StoreState:
    """What an opened database holds, before anything is written to it."""

    EMPTY = "empty"  # no tables at all: a new store
    TRACKER = "tracker"  # a tracker store (of some schema version)
    FOREIGN = "foreign"  # another application's tables


class Dialect:
    """The SQL and connection details of one database; the base holds the shared parts."""

    name = ""
    begin_write = "BEGIN"
    now = "CURRENT_TIMESTAMP"
    write_id_type = ""

    def connect(self, target: StoreTarget, *, read_only: bool) -> Connection:
        """Return an autocommit connection; raise StoreError when it cannot be made."""
        raise NotImplementedError

    def prepare(self, cursor: Cursor, *, read_only: bool) -> None:
        """Set the connection's options once the database is known to be ours."""

    def column_type(self, kind: Kind) -> str:
        """Return the SQL type of a model column kind."""
        raise NotImplementedError

    def sql(self, statement: str) -> str:
        """Return `statement` with its `?` placeholders in this driver's style."""
        return statement

    def state(self, cursor: Cursor) -> tuple[str, int]:
        """Return (StoreState, schema version) read without writing anything."""
        raise NotImplementedError

    def lock_schema(self, cursor: Cursor) -> None:
        """Inside a write transaction: wait until no other process is migrating."""

    def set_version(self, cursor: Cursor, version: int) -> None:
        """Record that the schema is now at `version` (inside the migration transaction)."""
        raise NotImplementedError

    def rows_changed(self, cursor: Cursor) -> int:
        """Return how many rows the cursor's last INSERT or UPDATE changed."""
        return int(cursor.rowcount)

    def param(self, value: object) -> object:
        """Return a query parameter as this database compares it with stored values."""
        return value

    def to_stored(self, frame: pl.DataFrame) -> pl.DataFrame:
        """Return a frame's values as they are written into this database."""
        return frame

    def from_stored(self, frame: pl.DataFrame, schema: dict[str, pl.DataType]) -> pl.DataFrame:
        """Return a frame read from this database with the dtypes of `schema`."""
        return frame.with_columns(frame[name].cast(dtype) for name, dtype in schema.items())


class SqliteDialect(Dialect):
    """One SQLite file in WAL mode, opened only through ADBC's copy of SQLite.

    Python's `sqlite3` links another copy of SQLite; two copies in one process release
    each other's POSIX locks when either closes the file, which lets a second process
    write under a lock that the first still believes it holds. So no module of the
    tracker opens the user's database with `sqlite3`.
    """

    name = "sqlite"
    # IMMEDIATE takes the write lock up front, so two writers queue on the busy timeout
    # instead of failing half-way with SQLITE_BUSY.
    begin_write = "BEGIN IMMEDIATE"
    now = "strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')"
    write_id_type = "INTEGER PRIMARY KEY"

    def connect(self, target: StoreTarget, *, read_only: bool) -> Connection:
        """Return a connection to the file; refuse a missing file when only reading."""
        from tracker.store.adbc import connect_sqlite

        path = target.path
        _check_is_sqlite(path)
        if read_only and not path.exists():
            raise MissingStoreError(f"no database at {path} (check --db or $TRACKER_DB)")
        if not read_only:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise StoreError(f"cannot create the folder of {path}: {error}") from error
        uri = f"file:{quote(str(path.absolute()))}?mode={'ro' if read_only else 'rwc'}"
        if read_only and _unchangeable(path):
            # A reader of a WAL file needs a -shm beside it, which cannot be made in a folder
            # we may not write; there, with no -wal file, no one can be writing it either.
            uri += "&immutable=1"
        try:
            connection = connect_sqlite(uri)
        except driver_error() as error:
            raise StoreError(f"cannot open database {path}: {error}") from error
        with connection.cursor() as cursor:
            _run(cursor, f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
        return connection

    def prepare(self, cursor: Cursor, *, read_only: bool) -> None:
        """Switch to WAL and size the caches (only once the file is known to be ours)."""
        if not read_only:
            _run(cursor, "PRAGMA journal_mode = WAL")
            _run(cursor, "PRAGMA synchronous = NORMAL")
        # A larger page cache keeps the primary-key B-tree in memory during big imports;
        # staged rows live in memory and vanish with the process, even under kill -9.
        _run(cursor, "PRAGMA cache_size = -262144")
        _run(cursor, "PRAGMA temp_store = MEMORY")

    def column_type(self, kind: Kind) -> str:
        """Return INTEGER for whole numbers and TEXT for the rest (dates as ISO text)."""
        return "INTEGER" if kind == "int" else "TEXT"

    def state(self, cursor: Cursor) -> tuple[str, int]:
        """Return the store state from sqlite_master and `PRAGMA user_version`."""
        version = int(_run(cursor, "PRAGMA user_version")[0][0])
        tables = {row[0] for row in _run(cursor, "SELECT name FROM sqlite_master")}
        if not tables and version == 0:
            return StoreState.EMPTY, 0
        if {"figures", "documents", "writes"} <= tables and version > 0:
            return StoreState.TRACKER, version
        return StoreState.FOREIGN, version

    def set_version(self, cursor: Cursor, version: int) -> None:
        """Set `PRAGMA user_version` (transactional in SQLite)."""
        _run(cursor, f"PRAGMA user_version = {int(version)}")

    def rows_changed(self, cursor: Cursor) -> int:
        """Return SQLite's changes() (the driver's rowcount is not set for INSERT)."""
        return int(_run(cursor, "SELECT changes()")[0][0])

    def param(self, value: object) -> object:
        """Return dates as the ISO text they are stored as."""
        from datetime import date

        return value.isoformat() if isinstance(value, date) else value

    def to_stored(self, frame: pl.DataFrame) -> pl.DataFrame:
        """Return the frame with dates and datetimes as ISO 8601 text."""
        import polars as pl

        return frame.with_columns(
            pl.col(name).dt.to_string(_DATETIME_TEXT)
            if isinstance(dtype, pl.Datetime)
            else pl.col(name).cast(pl.String)
            for name, dtype in frame.schema.items()
            if isinstance(dtype, pl.Date | pl.Datetime)
        )

    def from_stored(self, frame: pl.DataFrame, schema: dict[str, pl.DataType]) -> pl.DataFrame:
        """Return the frame with its text dates parsed back."""
        import polars as pl

        def parsed(name: str, dtype: pl.DataType) -> pl.Expr:
            # A column that is all NULL comes back typed as integers: go through text.
            text = pl.col(name).cast(pl.String)
            if isinstance(dtype, pl.Datetime):
                return text.str.to_datetime("%Y-%m-%dT%H:%M:%S%.f%z", time_zone="UTC")
            if isinstance(dtype, pl.Date):
                return text.str.to_date("%Y-%m-%d")
            return pl.col(name).cast(dtype)

        return frame.with_columns(parsed(name, dtype) for name, dtype in schema.items())


class PostgresDialect(Dialect):
    """A PostgreSQL database shared by a team, reached with a postgresql:// URL.

    Passwords come from the URL, $PGPASSWORD or ~/.pgpass (libpq reads the last two);
    every message passes through `StoreTarget.redact` before anyone sees it.
    """

    name = "postgresql"
    now = "now()"
    write_id_type = "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"

    def connect(self, target: StoreTarget, *, read_only: bool) -> Connection:
        """Return a connection to the server."""
        from tracker.store.adbc import connect_postgresql

        try:
            return connect_postgresql(target.location)
        except driver_error() as error:
            message = target.redact(str(error))
            raise StoreError(f"cannot connect to {target.display}: {message}") from None

    def prepare(self, cursor: Cursor, *, read_only: bool) -> None:
        """Make a read-only session refuse writes at the server as well."""
        if read_only:
            cursor.execute("SET default_transaction_read_only = on")

    def column_type(self, kind: Kind) -> str:
        """Return BIGINT, DATE, TIMESTAMPTZ or TEXT."""
        return _POSTGRES_TYPES.get(kind, "TEXT")

    def sql(self, statement: str) -> str:
        """Return the statement with `?` numbered as `$1`, `$2`, ..."""
        numbers = iter(range(1, statement.count("?") + 1))
        return _PLACEHOLDER.sub(lambda _: f"${next(numbers)}", statement)

    def state(self, cursor: Cursor) -> tuple[str, int]:
        """Return the store state from `tracker_schema` and the tables present."""
        versioned, figures = _run(
            cursor,
            "SELECT to_regclass('tracker_schema') IS NOT NULL AS versioned,"
            " to_regclass('figures') IS NOT NULL AS has_figures",
        )[0]
        if not versioned:
            return (StoreState.FOREIGN, 0) if figures else (StoreState.EMPTY, 0)
        version = _run(cursor, "SELECT coalesce(max(version), 0) FROM tracker_schema")[0][0]
        return StoreState.TRACKER, int(version)

    def lock_schema(self, cursor: Cursor) -> None:
        """Take the migration lock, then make sure the version table exists."""
        _run(cursor, f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK})")
        cursor.execute(
            "CREATE TABLE IF NOT EXISTS tracker_schema ("
            " version INTEGER PRIMARY KEY, migrated_at TIMESTAMPTZ NOT NULL DEFAULT now())"
        )

    def set_version(self, cursor: Cursor, version: int) -> None:
        """Add the version's row to `tracker_schema`."""
        cursor.execute("INSERT INTO tracker_schema (version) VALUES ($1)", (version,))


def dialect_for(target: StoreTarget) -> Dialect:
    """Return the dialect of a target."""
    return PostgresDialect() if target.kind == "postgresql" else SqliteDialect()


def _run(cursor: Cursor, statement: str) -> list[tuple[Any, ...]]:
    """Execute a statement that returns rows (PRAGMAs do) and return them all."""
    cursor.execute(statement)
    return list(cursor.fetchall())


def _unchangeable(path: Path) -> bool:
    """Return whether no process of this user can be writing the file at `path`."""
    wal = Path(f"{path}-wal")
    return not os.access(path.parent, os.W_OK) and not wal.exists()


def _check_is_sqlite(path: Path) -> None:
    if not path.exists():
        return
    if path.is_dir():
        raise StoreError(f"database path {path} is a directory")
    # Read before this process opens any connection to the file: closing a descriptor
    # drops every POSIX lock the process holds on it.
    try:
        with path.open("rb") as handle:
            head = handle.read(len(_SQLITE_MAGIC))
    except OSError as error:
        raise StoreError(f"cannot read database {path}: {error.strerror}") from error
    if head and head != _SQLITE_MAGIC:
        raise StoreError(f"{path} is not a SQLite database (give another --db path)")
