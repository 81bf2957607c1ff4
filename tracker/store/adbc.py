"""The store's connections: ADBC's low-level API, with polars frames for Arrow in and out.

ADBC's DB-API module imports pyarrow and pyarrow.dataset at start (about 0.1 s, more
than a one-figure `tracker log` may spend on everything else), although the store never
needs them: polars reads and writes Arrow streams itself through the PyCapsule
interface. So the store drives the driver's own statement API here, and everything
above this module sees a small cursor with `execute`, `fetchall`, `fetch_frame` and
`ingest`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import polars as pl

__all__ = ["Connection", "Cursor", "connect_postgresql", "connect_sqlite", "driver_error"]


def driver_error() -> type[Exception]:
    """Return the base class of every error the ADBC drivers raise."""
    import adbc_driver_manager

    error: type[Exception] = adbc_driver_manager.Error
    return error


class Cursor:
    """One statement at a time on a connection; results are read as polars frames."""

    def __init__(self, connection: Any) -> None:
        import adbc_driver_manager

        self._statement = adbc_driver_manager.AdbcStatement(connection)
        self._result: Any = None
        self.rowcount = -1

    def set_options(self, **options: str) -> None:
        """Set driver options of this cursor's statement."""
        self._statement.set_options(**options)

    def execute(self, sql: str, params: Sequence[object] | None = None) -> None:
        """Run one statement, its `params` bound to its placeholders in order."""
        self._result = None
        self._statement.set_sql_query(sql)
        if params:
            self._statement.bind_stream(_parameter_row(params))
        self._result, self.rowcount = self._statement.execute_query()

    def fetch_frame(self) -> pl.DataFrame:
        """Return the whole result of the last statement as a frame."""
        import polars as pl

        if self._result is None:
            raise RuntimeError("no statement with a result has run on this cursor")
        result, self._result = self._result, None
        return pl.DataFrame(result)

    def fetchall(self) -> list[tuple[Any, ...]]:
        """Return the rows of the last statement's result as tuples."""
        return self.fetch_frame().rows()

    def ingest(self, table: str, frame: pl.DataFrame, *, temporary: bool) -> None:
        """Create `table` and bulk-load `frame` into it (the driver's own fast path)."""
        import adbc_driver_manager

        options = adbc_driver_manager.StatementOptions
        self._result = None
        self._statement.set_options(
            **{
                options.INGEST_TARGET_TABLE.value: table,
                options.INGEST_MODE.value: "adbc.ingest.mode.create",
            }
        )
        if temporary:
            self._statement.set_options(**{options.INGEST_TEMPORARY.value: "true"})
        self._statement.bind_stream(frame)
        self.rowcount = self._statement.execute_update()

    def close(self) -> None:
        """Release the statement (and any unread result)."""
        self._result = None
        self._statement.close()


class Connection:
    """An autocommit ADBC connection; transactions are explicit BEGIN/COMMIT statements."""

    def __init__(self, database: Any) -> None:
        import adbc_driver_manager

        self._database = database
        try:
            self._connection = adbc_driver_manager.AdbcConnection(database)
        except BaseException:
            database.close()
            raise

    @contextmanager
    def cursor(self) -> Iterator[Cursor]:
        """Yield a cursor, closed on leaving."""
        cursor = Cursor(self._connection)
        try:
            yield cursor
        finally:
            cursor.close()

    def close(self) -> None:
        """Close the connection and its database handle."""
        self._connection.close()
        self._database.close()


def connect_sqlite(uri: str) -> Connection:
    """Return a connection to the SQLite database at a `file:` URI."""
    import adbc_driver_sqlite

    return Connection(adbc_driver_sqlite.connect(uri))


def connect_postgresql(url: str) -> Connection:
    """Return a connection to the PostgreSQL server at a `postgresql://` URL."""
    import adbc_driver_postgresql

    return Connection(adbc_driver_postgresql.connect(url))


def _parameter_row(params: Sequence[object]) -> pl.DataFrame:
    """Return the parameters as a one-row frame, one column per placeholder.

    A NULL parameter is sent as text: drivers bind a typed NULL, not Arrow's null type.
    """
    import polars as pl

    columns = [pl.Series(f"p{i}", [value]) for i, value in enumerate(params)]
    return pl.DataFrame(
        [c.cast(pl.String) if c.dtype == pl.Null else c for c in columns],
    )
