"""Completing rows: ids are stable, defaults filled, the same claim linked across sources."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from tracker.figures import complete_figures
from tracker.model import COLUMN_NAMES, FIGURE_KEY_COLUMNS, figure_id, polars_schema

BASE = {
    "metric": "evacuated",
    "population_group": "people",
    "value": 436,
    "qualifier": "exact",
    "location": "Kupyansk district",
    "as_of": date(2023, 8, 10),
    "source_name": "Kharkiv RMA",
}


def completed(*rows: dict[str, object]) -> pl.DataFrame:
    """Return the rows completed as manual entries."""
    return complete_figures(pl.DataFrame(list(rows)), method="manual")


@pytest.mark.parametrize(
    "change",
    [
        {},
        {"value": 0},
        {"evidence": "436 people"},
        {"since": date(2023, 5, 10)},
        {"source_url": "https://x.org/a"},
    ],
)
def test_vectorised_ids_equal_the_model_digest(change: dict[str, object]) -> None:
    row = completed({**BASE, **change}).row(0, named=True)
    keys = [None if row[k] is None else str(row[k]) for k in FIGURE_KEY_COLUMNS]
    assert row["figure_id"] == figure_id(keys)


def test_every_column_comes_out_in_model_order_and_dtype() -> None:
    frame = completed(BASE)
    assert frame.columns == list(COLUMN_NAMES)
    assert dict(frame.schema) == polars_schema()
    row = frame.row(0, named=True)
    assert (row["method"], row["period"], row["published_on"]) == (
        "manual",
        "unknown",
        BASE["as_of"],
    )


def test_the_same_figure_from_two_sources_is_one_claim_with_two_ids() -> None:
    frame = completed(BASE, {**BASE, "source_name": "Ukrinform"})
    assert frame["figure_id"].n_unique() == 2
    assert frame["claim_id"].n_unique() == 1


def test_a_different_number_is_a_different_claim() -> None:
    frame = completed(BASE, {**BASE, "value": 437})
    assert frame["claim_id"].n_unique() == 2


def test_null_and_empty_text_give_different_ids() -> None:
    frame = completed({**BASE, "evidence": None}, {**BASE, "evidence": ""})
    assert frame["figure_id"].n_unique() == 2


def test_given_ids_are_kept() -> None:
    frame = completed({**BASE, "figure_id": "fmine"})
    assert frame["figure_id"].to_list() == ["fmine"]
