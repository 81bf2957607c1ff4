"""Folded place-name keys, stored beside the names so that filters match on both backends.

SQLite's `lower()` folds ASCII only and PostgreSQL's depends on the server's locale, so a
figure stored at "Ñuble" would not be found by `--district ñuble`. The key is computed
once, here, in Python (NFC, then `casefold`), and kept in its own column.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import polars as pl

__all__ = ["PLACE_KEYS", "fold_name", "with_place_keys"]

# Stored key column -> the name column it folds.
PLACE_KEYS: dict[str, str] = {
    "admin1_key": "admin1_name",
    "admin2_key": "admin2_name",
    "settlement_key": "settlement",
    "location_key": "location",
}


def fold_name(name: str) -> str:
    """Return the key a place name is matched on: NFC-normalised and case-folded."""
    return unicodedata.normalize("NFC", name).casefold()


def with_place_keys(frame: pl.DataFrame) -> pl.DataFrame:
    """Return `frame` with a folded key column for each place name column it holds."""
    return frame.with_columns(
        _folded(frame[name]).alias(key) for key, name in PLACE_KEYS.items() if name in frame
    )


def _folded(names: pl.Series) -> pl.Series:
    """Fold each distinct name once in Python, then map the whole column in polars."""
    import polars as pl

    distinct = names.drop_nulls().unique().to_list()
    return names.replace_strict(
        distinct, [fold_name(n) for n in distinct], default=None, return_dtype=pl.String()
    )
