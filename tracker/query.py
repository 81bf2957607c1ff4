"""Store queries: what a user types to pick figures, and the history new figures meet."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from tracker.store import FigureQuery, Store

if TYPE_CHECKING:
    import polars as pl

__all__ = ["check_filter_places", "figure_query", "history_for"]

# Above this many places, one full read of the store is cheaper than a long IN list.
_MAX_HISTORY_PLACES = 400


def figure_query(
    districts: Sequence[str] = (),
    *,
    oblast: str | None = None,
    metric: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> FigureQuery:
    """Return a FigureQuery; each district name also matches its gazetteer names and P-code.

    "Kupyansk" thus finds figures stored under "Kupianskyi" (UA6308) as well as those
    whose location was written "Kupyansk".
    """
    names: list[str] = []
    for district in districts:
        # "Kupiansk" is a city and a raion: a district filter means the raion too.
        names.extend([district, *_gazetteer_names(district), *_gazetteer_names(district, "raion")])
    oblast_names = [oblast, *_gazetteer_names(oblast, level="oblast")] if oblast else []
    return FigureQuery(
        districts=tuple(dict.fromkeys(names)),
        oblast=oblast_names[-1] if oblast_names else None,
        metric=metric,
        date_from=date_from,
        date_to=date_to,
    )


def check_filter_places(
    districts: Sequence[str] = (),
    oblast: str | None = None,
    found: pl.DataFrame | None = None,
) -> None:
    """Return when every place a filter names is known to the gazetteer, is a P-code, or
    matched some of the figures `found` with it: a typo is told from a place with no figures.

    Raises UnknownFilterError naming the first name that is none of these, with the
    closest names the gazetteer knows.
    """
    from tracker.errors import UnknownFilterError
    from tracker.places import resolve

    named: list[tuple[str, str | None, str]] = [(name, None, "district") for name in districts]
    if oblast:
        named.append((oblast, "oblast", "oblast"))
    for name, level, what in named:
        if _PCODE.fullmatch(name.strip()):
            continue
        resolution = resolve(name, level=level)
        if resolution.unit is not None and resolution.match in ("exact", "alias"):
            continue
        if found is not None and _matched(found, name, what):
            continue
        closest = [resolution.unit.name] if resolution.unit is not None else []
        suggestions = list(dict.fromkeys([*closest, *resolution.suggestions]))
        raise UnknownFilterError(
            f"the gazetteer knows no {what} {name!r}, and no figure is stored under it",
            suggestions,
        )


def _matched(found: pl.DataFrame, name: str, what: str) -> bool:
    """Return whether a figure of `found` names the place `name` (as the store matches)."""
    from tracker.store.place_keys import fold_name, with_place_keys

    keys = ("admin1_key",) if what == "oblast" else ("admin2_key", "settlement_key", "location_key")
    keyed = with_place_keys(found.select("admin1_name", "admin2_name", "settlement", "location"))
    wanted = fold_name(name)
    return any(wanted in set(keyed[key].drop_nulls().unique().to_list()) for key in keys)


_PCODE = re.compile(r"[A-Za-z]{2}[0-9]+")


def _gazetteer_names(name: str, level: str | None = None) -> list[str]:
    from tracker.places import resolve

    resolution = resolve(name, level=level)
    unit = resolution.unit
    if unit is None or resolution.match == "fuzzy":
        return []
    return [name for name in (unit.name, unit.pcode) if name]


def history_for(store: Store, figures: pl.DataFrame) -> pl.DataFrame:
    """Return the stored figures about the places of `figures`: what warning rules compare.

    A series that goes down or a value far from the district's others can only be seen
    against what is already stored for the same place.
    """
    from tracker.figures import empty_figures

    places = set(figures["admin2_pcode"].drop_nulls()) | set(figures["location"].drop_nulls())
    if not places:
        return empty_figures()
    if len(places) > _MAX_HISTORY_PLACES:
        return store.read_figures()
    return store.read_figures(FigureQuery(districts=tuple(sorted(places))))
