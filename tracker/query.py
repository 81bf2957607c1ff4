"""Turn what a user types to pick figures (district names, dates) into a store query."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from tracker.store import FigureQuery

__all__ = ["figure_query"]


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


def _gazetteer_names(name: str, level: str | None = None) -> list[str]:
    from tracker.places import resolve

    resolution = resolve(name, level=level)
    unit = resolution.unit
    if unit is None or resolution.match == "fuzzy":
        return []
    return [name for name in (unit.name, unit.pcode) if name]
