"""The store: the only package that speaks SQL, to SQLite or PostgreSQL (see store.py)."""

from tracker.store.migrations import SCHEMA_VERSION
from tracker.store.store import (
    DOCUMENT_COLUMNS,
    FigureQuery,
    Staging,
    Store,
    WriteResult,
    open_store,
)
from tracker.store.target import StoreTarget, store_target

__all__ = [
    "DOCUMENT_COLUMNS",
    "SCHEMA_VERSION",
    "FigureQuery",
    "Staging",
    "Store",
    "StoreTarget",
    "WriteResult",
    "open_store",
    "store_target",
]
