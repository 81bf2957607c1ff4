"""Export profiles: the figures table under the column names of another system.

`hapi` is HDX HAPI's: `location_code` (ISO3), `admin1_code`, `admin2_code`,
`admin_level`, and `reference_period_start`/`_end` in place of `since`/`as_of` (a
count with no start covers its one day). Reading a file in HAPI's names gives the
figures table back, so figures move between the two without renaming by hand.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tracker.model import COLUMN_NAMES

if TYPE_CHECKING:
    import polars as pl

__all__ = ["HAPI_RENAMES", "PROFILES", "from_hapi", "hapi_table_schema", "is_hapi", "to_hapi"]

PROFILES: tuple[str, ...] = ("tracker", "hapi")
HAPI_RENAMES: dict[str, str] = {"admin1_pcode": "admin1_code", "admin2_pcode": "admin2_code"}
_HAPI_FIRST = ("location_code", "admin1_code", "admin1_name", "admin2_code", "admin2_name")
_HAPI_LAST = ("admin_level", "reference_period_start", "reference_period_end")
# Columns HAPI files carry that the figures table derives again.
_HAPI_DERIVED = ("location_code", "admin_level")


def to_hapi(frame: pl.DataFrame) -> pl.DataFrame:
    """Return figures (the table's columns) in HAPI's names and order (module docstring)."""
    import polars as pl

    from tracker.places.codes import iso3_expr

    level = (
        pl.when(pl.col("admin2_pcode").is_not_null())
        .then(2)
        .when(pl.col("admin1_pcode").is_not_null())
        .then(1)
        .otherwise(0)
    )
    renamed = frame.with_columns(
        iso3_expr(pl.col("admin1_pcode")).alias("location_code"),
        level.cast(pl.Int64).alias("admin_level"),
        pl.coalesce("since", "as_of").alias("reference_period_start"),
        pl.col("as_of").alias("reference_period_end"),
    ).rename(HAPI_RENAMES)
    kept = [
        HAPI_RENAMES.get(name, name)
        for name in COLUMN_NAMES
        if name not in ("since", "as_of") and HAPI_RENAMES.get(name, name) not in _HAPI_FIRST
    ]
    return renamed.select([*_HAPI_FIRST, *kept, *_HAPI_LAST])


def is_hapi(frame: pl.DataFrame) -> bool:
    """Return whether a file's columns are HAPI's names rather than the figures table's."""
    return "reference_period_end" in frame.columns and "as_of" not in frame.columns


def from_hapi(frame: pl.DataFrame) -> pl.DataFrame:
    """Return a HAPI-profile frame (raw cells) in the figures table's names: the end of
    the reference period is `as_of`, its start `since` when it differs."""
    import polars as pl

    start, end = pl.col("reference_period_start"), pl.col("reference_period_end")
    since = pl.when(start != end).then(start).otherwise(None)
    restored = frame.with_columns(
        end.alias("as_of"),
        (since if "reference_period_start" in frame.columns else pl.lit(None)).alias("since"),
    )
    dropped = [c for c in (*_HAPI_DERIVED, *_HAPI_LAST) if c in restored.columns]
    return restored.drop(dropped).rename(
        {hapi: ours for ours, hapi in HAPI_RENAMES.items() if hapi in restored.columns}
    )


def hapi_table_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """Return the Table Schema of the HAPI profile, made from the figures table's."""
    fields = {field["name"]: field for field in schema["fields"]}
    date_field = fields["as_of"]

    def renamed(name: str) -> dict[str, Any]:
        return {**fields[name], "name": HAPI_RENAMES.get(name, name)}

    added = {
        "location_code": {
            "name": "location_code",
            "type": "string",
            "format": "default",
            "description": "Country, ISO 3166 alpha-3 (UKR).",
            "constraints": {"required": False},
        },
        "admin_level": {
            "name": "admin_level",
            "type": "integer",
            "format": "default",
            "description": "The most detailed admin level coded: 2, 1 or 0.",
            "constraints": {"required": True, "enum": [0, 1, 2]},
        },
        "reference_period_start": {
            **date_field,
            "name": "reference_period_start",
            "description": "First day the count covers (since, else as_of).",
        },
        "reference_period_end": {
            **date_field,
            "name": "reference_period_end",
            "description": "The day the figure describes (as_of).",
        },
    }
    ours = {HAPI_RENAMES.get(name, name): name for name in fields}
    order = [
        *_HAPI_FIRST,
        *(n for n in ours if n not in _HAPI_FIRST and n not in ("since", "as_of")),
        *_HAPI_LAST,
    ]
    return {
        **schema,
        "description": "Evacuation figures in HDX HAPI's column names "
        "(tracker export --profile hapi).",
        "fields": [added[n] if n in added else renamed(ours[n]) for n in order],
    }
