"""The figures of each district page once, as compact columnar JSON.

The page's table of figures and its charts' hover text are both drawn from this one
block, so each quote, source and URL is written once per page (the CSV beside it holds
every column). Text columns are dictionary-coded: `{"k": distinct values, "i": one index
per figure}`, with "" for a missing value, and just `{"k": [value]}` where all figures
share one value; `value` is a plain list of numbers. URLs, which share long prefixes,
are front-coded: `"p"` gives how many leading characters each key shares with the key
before it, and `"k"` holds only the rest. Figures come in the page's order, and a chart
trace names its points by position in it.
"""

from __future__ import annotations

import itertools
import os
from typing import Any

import polars as pl

__all__ = ["BIDI_CONTROLS", "TABLE_COLUMNS", "figure_tables"]

# Column of the page table -> how it is computed from a prepared figure row.
_COLUMNS: dict[str, pl.Expr] = {
    "as_of": pl.col("as_of").cast(pl.String),
    "metric": pl.col("metric"),
    "population_group": pl.col("population_group"),
    "qualifier": pl.col("qualifier"),
    "period": pl.col("period"),
    "since": pl.col("since").cast(pl.String),
    "place": pl.coalesce(pl.col("settlement"), pl.col("location")),
    "programme": pl.col("programme"),
    "source_name": pl.col("source_name"),
    # A link only where the URL is an absolute http(s) one; else the URL shows as text.
    "href": pl.col("_href"),
    "url_text": pl.when(pl.col("_href").is_null()).then(pl.col("source_url")),
    "published_on": pl.col("published_on").cast(pl.String),
    "evidence": pl.col("evidence"),
    "method": pl.col("method"),
}
TABLE_COLUMNS: tuple[str, ...] = ("value", *_COLUMNS)
_FRONT_CODED = ("href", "url_text")
# Bidi controls reorder what follows them: "\u202elmth.xedni" would display as
# "index.html". Every text from a source is shown without them.
BIDI_CONTROLS = "[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]"


def _shared_length(before: str, key: str) -> int:
    # Characters, not path components: URLs share host and path prefixes.
    return len(os.path.commonprefix([before, key]))  # noqa: RUF071


def _front_coded(keys: list[str]) -> dict[str, list[Any]]:
    """Return sorted `keys` as shared-prefix lengths and the remaining suffixes."""
    shared = [0, *(_shared_length(before, key) for before, key in itertools.pairwise(keys))]
    return {"p": shared, "k": [key[n:] for key, n in zip(keys, shared, strict=True)]}


def _column(name: str, keys: list[str], codes: list[int]) -> dict[str, list[Any]]:
    """Return one dictionary-coded column: its keys (front-coded for URLs) and codes."""
    coded: dict[str, list[Any]] = (
        _front_coded(keys) if name in _FRONT_CODED and len(keys) > 1 else {"k": keys}
    )
    if len(keys) > 1:
        coded["i"] = codes
    return coded


def figure_tables(prepared: pl.DataFrame) -> dict[str, dict[str, Any]]:
    """Return, per district key, its figures as {column: codes or values} in page order.

    `prepared` comes from data.prepare with `_href` (data.http_href of source_url); its
    rows are already in page order. Codes index the distinct values sorted, so the same
    figures always give the same JSON.
    """
    names = list(_COLUMNS)
    text = prepared.select(
        "district_key",
        "value",
        # Bidi controls would make a quote or a name display as something else.
        *(
            expr.fill_null("").str.replace_all(BIDI_CONTROLS, "").alias(name)
            for name, expr in _COLUMNS.items()
        ),
    )
    codes = (
        text.with_columns(
            (pl.col(name).rank("dense").over("district_key").cast(pl.Int64) - 1) for name in names
        )
        .group_by("district_key", maintain_order=True)
        .agg("value", *names)
    )
    keys = text.group_by("district_key", maintain_order=True).agg(
        pl.col(name).unique().sort() for name in names
    )
    tables: dict[str, dict[str, Any]] = {}
    for coded, distinct in zip(
        codes.iter_rows(named=True), keys.iter_rows(named=True), strict=True
    ):
        table: dict[str, Any] = {"value": coded["value"]}
        for name in names:
            table[name] = _column(name, distinct[name], coded[name])
        tables[coded["district_key"]] = table
    return tables
