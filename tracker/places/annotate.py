"""Fill the place columns of a figures frame from its `location` column, vectorised.

Each distinct (location, admin1 hint) pair is resolved once; the answers are joined back.
"""

from __future__ import annotations

from collections.abc import Callable

import polars as pl

from tracker.errors import UnknownPlaceError
from tracker.places.gazetteer import FIRST_LEVELS, SECOND_LEVELS
from tracker.places.resolver import Resolution

__all__ = ["PLACE_COLUMNS", "annotate_frame"]

PLACE_COLUMNS = (
    "admin1_name",
    "admin1_pcode",
    "admin2_name",
    "admin2_pcode",
    "settlement",
    "place_match",
    "place_problem",
)
_HINT = "__admin1_hint"

Resolve = Callable[[str, str | None], Resolution]


def annotate_frame(frame: pl.DataFrame, resolve: Resolve) -> pl.DataFrame:
    """Return `frame` with PLACE_COLUMNS filled from `location` (admin1_name is a hint)."""
    hint = pl.col("admin1_name") if "admin1_name" in frame.columns else pl.lit(None)
    keyed = frame.with_columns(hint.cast(pl.String).alias(_HINT))
    pairs = keyed.select(pl.col("location").cast(pl.String), _HINT).unique()
    answers = pl.DataFrame(
        [_answer(loc, given, resolve) for loc, given in pairs.iter_rows()],
        schema={"location": pl.String, _HINT: pl.String} | dict.fromkeys(PLACE_COLUMNS, pl.String),
        orient="row",
    )
    kept = [c for c in keyed.columns if c not in PLACE_COLUMNS]
    joined = keyed.select(kept).join(
        answers,
        on=["location", _HINT],
        how="left",
        nulls_equal=True,
        maintain_order="left",
    )
    order = list(frame.columns)
    extra = [c for c in PLACE_COLUMNS if c not in order]
    return joined.select([*order, *extra])


def _answer(location: str | None, given: str | None, resolve: Resolve) -> tuple[str | None, ...]:
    if location is None or not location.strip():
        return (location, given, given, None, None, None, None, None, None)
    try:
        found = resolve(location, given)
    except UnknownPlaceError:
        # The row's own region is unknown: a problem of that row, named with its line.
        problem = f"admin1_name {given!r} is no known oblast or region"
        return (location, given, given, None, None, None, None, None, problem)
    unit = found.unit
    if unit is None:
        return (location, given, given, None, None, None, None, None, found.problem())
    if unit.level == "country":  # a country-level or multi-region figure: no unit below
        return (location, given, None, None, None, None, None, found.match, None)
    admin2 = (unit.admin2_name, unit.admin2_pcode)
    if unit.level in FIRST_LEVELS:
        admin2 = (None, None)
    settlement = None if unit.level in FIRST_LEVELS | SECOND_LEVELS else unit.name
    return (
        location,
        given,
        unit.admin1_name,
        unit.admin1_pcode,
        *admin2,
        settlement,
        found.match,
        None,
    )
