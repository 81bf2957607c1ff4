"""HXL: the figures table with a hashtag row, written so that HXL tools sum like with like.

The scheme (README, "HXL"):

- every column of the figures table keeps the tag model.py gives it; `value` is
  `#indicator+value+num`, a number whose meaning the `#indicator` columns give, so no
  tool adds it up as one kind of count;
- one column per metric and group, `#affected+<metric>+<group>+num`, holds the row's
  value in its own column only (`#affected+evacuated+children+num`); the metric
  attributes are +evacuated, +remaining, +to_evacuate, +housed, the groups +ind
  (people, children included), +children and +hh (families). Summing one such column,
  or filtering by attributes, never mixes metrics or groups;
- `#country+code` (ISO3), `#adm3+code` (hromada) and `#loc+code` (settlement P-code).

Reading matches a tag by attribute subset, as HXL tools do: `#adm2+code+v_pcode` is the
`#adm2+code` column. The columns that only restate others (the per-metric values and
the looked-up codes) are dropped on reading; they are derived again on export.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracker.model import COLUMNS, Group, Metric
from tracker.places.codes import CODE_COLUMNS

if TYPE_CHECKING:
    import polars as pl

__all__ = [
    "CODE_TAGS",
    "DERIVED",
    "GROUP_ATTRIBUTES",
    "HXL_TAGS",
    "METRIC_ATTRIBUTES",
    "column_for_tag",
    "hxl_columns",
    "value_columns",
]

HXL_TAGS: dict[str, str] = {c.name: c.hxl for c in COLUMNS}
CODE_TAGS: dict[str, str] = {
    "country_code": "#country+code",
    "admin3_pcode": "#adm3+code",
    "settlement_pcode": "#loc+code",
}
METRIC_ATTRIBUTES: dict[str, str] = {m.value: m.value for m in Metric}
GROUP_ATTRIBUTES: dict[str, str] = {
    Group.PEOPLE.value: "ind",
    Group.CHILDREN.value: "children",
    Group.FAMILIES.value: "hh",
}
# Files written before this scheme tagged `value` #affected+num.
_OLD_VALUE_TAG = ("#affected", frozenset({"num"}))
DERIVED = "derived"


def value_columns() -> dict[str, str]:
    """Return the per-metric value columns, `evacuated_children` -> its tag."""
    return {
        f"{metric}_{group}": f"#affected+{m_attr}+{g_attr}+num"
        for metric, m_attr in METRIC_ATTRIBUTES.items()
        for group, g_attr in GROUP_ATTRIBUTES.items()
    }


def hxl_columns(frame: pl.DataFrame) -> tuple[pl.DataFrame, list[str]]:
    """Return the figures with the HXL export's extra columns, and the tag of each column.

    `frame` holds the figures table's columns (in order); the looked-up codes and the
    per-metric value columns are appended.
    """
    import polars as pl

    from tracker.places.codes import with_place_codes

    coded = with_place_codes(frame)
    per_metric = [
        pl.when((pl.col("metric") == metric) & (pl.col("population_group") == group))
        .then(pl.col("value"))
        .otherwise(None)
        .alias(f"{metric}_{group}")
        for metric in METRIC_ATTRIBUTES
        for group in GROUP_ATTRIBUTES
    ]
    written = coded.select([*frame.columns, *CODE_COLUMNS, *per_metric])
    tags = {**HXL_TAGS, **CODE_TAGS, **value_columns()}
    return written, [tags[name] for name in written.columns]


def column_for_tag(tag: str) -> str | None:
    """Return the figures column a file's hashtag stands for, "derived" for a column the
    export only restates, or None for a tag the tracker does not know.

    A tag matches a column's when it has the same hashtag and at least its attributes
    (`#adm2+code+v_pcode` is admin2_pcode); of several matches the one with the most
    attributes wins, then the first in the table's order.
    """
    hashtag, attributes = _parse(tag)
    if not hashtag:
        return None
    best: tuple[int, str] | None = None
    for name, known in _KNOWN_TAGS:
        known_hashtag, known_attributes = known
        fits = known_hashtag == hashtag and known_attributes <= attributes
        if fits and (best is None or len(known_attributes) > best[0]):
            best = (len(known_attributes), name)
    if best is not None:
        return best[1]
    return "value" if (hashtag, attributes) == _OLD_VALUE_TAG else None


def _parse(tag: str) -> tuple[str, frozenset[str]]:
    """Return a tag's hashtag and attributes, lower case, spaces dropped: `#adm2+code`."""
    parts = tag.strip().lower().replace(" ", "").split("+")
    hashtag = parts[0] if parts[0].startswith("#") and len(parts[0]) > 1 else ""
    return hashtag, frozenset(p for p in parts[1:] if p)


_KNOWN_TAGS: list[tuple[str, tuple[str, frozenset[str]]]] = [
    *((name, _parse(tag)) for name, tag in HXL_TAGS.items()),
    *((DERIVED, _parse(tag)) for tag in CODE_TAGS.values()),
    *((DERIVED, _parse(tag)) for tag in value_columns().values()),
]
