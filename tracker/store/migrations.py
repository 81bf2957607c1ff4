"""The store's schema, as the steps that build it; both databases run the same steps.

Each step moves the schema from version N to N+1 inside one write transaction; never edit
a released step. A new database runs them all, an older one the ones it lacks.
"""

from __future__ import annotations

from collections.abc import Callable

from tracker.model import COLUMNS
from tracker.store.adbc import Cursor
from tracker.store.dialects import Dialect
from tracker.store.place_keys import PLACE_KEYS, with_place_keys

__all__ = ["DOCUMENT_KINDS", "MIGRATIONS", "SCHEMA_VERSION", "migrate"]

# The documents table's columns and their model kinds.
DOCUMENT_KINDS: dict[str, str] = {
    "doc_id": "str",
    "title": "str",
    "url": "str",
    "source_name": "str",
    "published_on": "date",
    "ingested_at": "datetime",
    "text": "str",
    "programmes": "str",
    "language": "str",
}

Step = Callable[[Cursor, Dialect], None]


def _v1_tables(cursor: Cursor, dialect: Dialect) -> None:
    # No secondary indexes: an index on a random key such as claim_id made a million-row
    # import 6x slower, and reads scan anyway.
    columns = ",\n  ".join(
        f"{c.name} {dialect.column_type(c.kind)}{'' if c.nullable else ' NOT NULL'}"
        for c in COLUMNS
    )
    cursor.execute(
        f"CREATE TABLE figures (\n  {columns},\n  write_id INTEGER,\n  PRIMARY KEY (figure_id)\n)"
    )
    date, stamp = dialect.column_type("date"), dialect.column_type("datetime")
    cursor.execute(
        "CREATE TABLE documents (doc_id TEXT PRIMARY KEY, title TEXT, url TEXT,"
        f" source_name TEXT, published_on {date}, ingested_at {stamp} NOT NULL, text TEXT)"
    )
    cursor.execute(
        f"CREATE TABLE writes (write_id {dialect.write_id_type}, written_at {stamp} NOT NULL,"
        " method TEXT, figures_added INTEGER NOT NULL, figures_skipped INTEGER NOT NULL,"
        " documents_added INTEGER NOT NULL, documents_skipped INTEGER NOT NULL)"
    )


def _v2_programmes(cursor: Cursor, dialect: Dialect) -> None:
    # Housing programmes a document names, with or without a figure ("; "-separated).
    cursor.execute("ALTER TABLE documents ADD COLUMN programmes TEXT")


def _v3_place_keys(cursor: Cursor, dialect: Dialect) -> None:
    """Add the folded place-name keys and fill them for the figures already stored."""
    import polars as pl

    for key in PLACE_KEYS:
        cursor.execute(f"ALTER TABLE figures ADD COLUMN {key} TEXT")
    names = ", ".join(PLACE_KEYS.values())
    cursor.execute(f"SELECT figure_id, {names} FROM figures")
    stored = cursor.fetch_frame()
    if stored.is_empty():
        return
    keys = with_place_keys(stored.cast(pl.String)).select("figure_id", *PLACE_KEYS)
    cursor.ingest("tracker_place_keys", keys, temporary=True)
    assignments = ", ".join(f"{key} = k.{key}" for key in PLACE_KEYS)
    cursor.execute(
        f"UPDATE figures SET {assignments} FROM tracker_place_keys AS k"
        " WHERE figures.figure_id = k.figure_id"
    )
    cursor.execute("DROP TABLE tracker_place_keys")


def _v4_user_places(cursor: Cursor, dialect: Dialect) -> None:
    # User gazetteers (`tracker places add`) kept with the store, so that every desk on
    # one store resolves a name alike: the checked CSV text, one row per file name.
    stamp = dialect.column_type("datetime")
    cursor.execute(
        "CREATE TABLE user_places (file_name TEXT PRIMARY KEY, content TEXT NOT NULL,"
        f" units INTEGER NOT NULL, added_at {stamp} NOT NULL)"
    )


def _v5_document_language(cursor: Cursor, dialect: Dialect) -> None:
    # The language whose rules read a document ("en", "uk"); NULL for documents stored
    # before languages were told apart (they were all read as English).
    cursor.execute("ALTER TABLE documents ADD COLUMN language TEXT")


# The columns that a `--district` filter (and the history every new figure is checked
# against) matches on. Each term of the filter's OR needs its own index, or the query scans
# every figure: 50-65 ms at 100,000 figures, in every `log` and `list --district`. An
# oblast holds a large share of the figures, so its filter scans.
PLACE_INDEXES: dict[str, str] = {
    "figures_admin2_key": "admin2_key",
    "figures_admin2_pcode": "lower(admin2_pcode)",
    "figures_settlement_key": "settlement_key",
    "figures_location_key": "location_key",
}


def _v6_place_indexes(cursor: Cursor, dialect: Dialect) -> None:
    for name, expression in PLACE_INDEXES.items():
        cursor.execute(f"CREATE INDEX {name} ON figures ({expression})")


MIGRATIONS: tuple[Step, ...] = (
    _v1_tables,
    _v2_programmes,
    _v3_place_keys,
    _v4_user_places,
    _v5_document_language,
    _v6_place_indexes,
)
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(cursor: Cursor, dialect: Dialect) -> None:
    """Bring the schema to SCHEMA_VERSION in one transaction; another process may race."""
    cursor.execute(dialect.begin_write)
    try:
        dialect.lock_schema(cursor)
        # Another process may have migrated while we waited for the lock.
        _, version = dialect.state(cursor)
        for number, step in enumerate(MIGRATIONS[version:], start=version + 1):
            step(cursor, dialect)
            dialect.set_version(cursor, number)
        cursor.execute("COMMIT")
    except BaseException:
        cursor.execute("ROLLBACK")
        raise
