"""The validation rules as polars expressions: the engine every check runs on.

Column rules (types, empties, allowed values, ranges, patterns) are declared on the
pandera model; the rules here read several columns or rows at once and become the
model's dataframe-level checks. Each `ok` expression is True for a row that keeps the
rule (null counts as kept: a rule about a missing value is the column's business).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import polars as pl

from tracker.model import COLUMN_NAMES, Group, Metric, polars_schema

__all__ = [
    "ADMIN1_PCODE_PATTERN",
    "ADMIN2_PCODE_PATTERN",
    "BLANK_RULE",
    "FUTURE_DATE_COLUMNS",
    "MAX_VALUE",
    "ROW_RULES",
    "SUBGROUP_KEY_COLUMNS",
    "RowRule",
    "complete_columns",
    "evaluate_rule",
    "future_date_rules",
    "not_blank",
]

# Ukraine has about 40 million people: no single evacuation figure comes near this, so a
# larger number is a typo (an extra digit, a phone number read as a count).
MAX_VALUE = 50_000_000

# OCHA P-codes: for Ukraine UA + 2 digits for an oblast, UA + 4 digits for a raion (the
# oblast's code followed by two more digits); elsewhere (user gazetteers) a country's
# two letters and then digits or letters. polars' regex has no look-ahead, hence the
# spelled-out "two letters other than UA".
_OTHER_COUNTRY = r"(?:[A-TV-Z][A-Z]|U[B-Z])[0-9A-Z]"
ADMIN1_PCODE_PATTERN = rf"^(?:UA[0-9]{{2}}|{_OTHER_COUNTRY}{{1,8}})$"
ADMIN2_PCODE_PATTERN = rf"^(?:UA[0-9]{{4}}|{_OTHER_COUNTRY}{{2,12}})$"

BLANK_RULE = "must not be blank"

# The days a figure names; none of them can be after the day it is checked.
FUTURE_DATE_COLUMNS: tuple[str, ...] = ("as_of", "since", "published_on")

# Figures of children or families are compared with the people figure that shares
# these values: the same claim about the same group of people.
SUBGROUP_KEY_COLUMNS: tuple[str, ...] = (
    "source_name",
    "location",
    "metric",
    "as_of",
    "since",
    "programme",
    "doc_id",
)


@dataclass(frozen=True)
class RowRule:
    """A rule over whole rows; `detail`, when set, words a failure with the row's values."""

    name: str
    column: str
    words: str
    ok: pl.Expr
    detail: pl.Expr | None = None
    # Columns `detail` reads that need the whole frame (windows): computed before the
    # failing rows are picked out, so that only those rows are worded.
    context: tuple[pl.Expr, ...] = ()
    # A cheap whole-frame test: when False, every row keeps the rule and `ok` is skipped.
    applies: pl.Expr | None = None


def complete_columns(frame: pl.LazyFrame) -> pl.LazyFrame:
    """Return `frame` with every absent model column added as typed nulls."""
    present = set(frame.collect_schema().names())
    return frame.with_columns(
        pl.lit(None, dtype).alias(name)
        for name, dtype in polars_schema().items()
        if name not in present
    )


def evaluate_rule(rule: RowRule, frame: pl.LazyFrame) -> pl.LazyFrame:
    """Return one boolean column named after `rule`: True for each row that keeps it."""
    frame = complete_columns(frame)
    if rule.applies is not None and not frame.select(rule.applies).collect().item():
        return frame.select(pl.repeat(True, pl.len()).alias(rule.name))
    return frame.select(rule.ok.alias(rule.name))


def not_blank(name: str) -> pl.Expr:
    """Return True where the text column `name` has something besides spaces."""
    return pl.col(name).str.strip_chars().str.len_chars() > 0


def _since_before_as_of() -> RowRule:
    since, as_of = pl.col("since"), pl.col("as_of")
    return RowRule(
        name="since_before_as_of",
        column="since",
        words="must be on or before as_of: a count cannot start after the day it describes",
        ok=since.is_null() | as_of.is_null() | (since <= as_of),
        detail=pl.format("must be on or before as_of ({})", as_of),
    )


def _as_of_before_published() -> RowRule:
    as_of, published = pl.col("as_of"), pl.col("published_on")
    return RowRule(
        name="as_of_before_published_on",
        column="as_of",
        words=(
            "must be on or before published_on: a report cannot describe a day after it was "
            f"published (except {Metric.TO_EVACUATE.value}, whose day may be a plan's target)"
        ),
        ok=(
            as_of.is_null()
            | published.is_null()
            | (pl.col("metric") == Metric.TO_EVACUATE.value)
            | (as_of <= published)
        ),
        detail=pl.format(
            "must be on or before published_on ({}): a report cannot describe a day after "
            "it was published",
            published,
        ),
    )


def _subgroup_within_people() -> RowRule:
    group, value = pl.col("population_group"), pl.col("value")
    # when/then rather than filter inside the window: several times faster on big frames.
    people = pl.when(group == Group.PEOPLE.value).then(value).max().over(SUBGROUP_KEY_COLUMNS)
    subgroup = group.is_in([Group.CHILDREN.value, Group.FAMILIES.value])
    return RowRule(
        name="subgroup_within_people",
        column="value",
        words=(
            "of children or families must not exceed the people figure for the same source, "
            "place, metric and day (and the same since, programme and document)"
        ),
        ok=(~subgroup | (value <= people)).fill_null(value=True),
        detail=pl.format(
            "{} ({}) exceed people ({}) for the same source, place, metric and day",
            group,
            value,
            pl.col("_people"),
        ),
        context=(people.alias("_people"),),
    )


def _admin2_within_admin1() -> RowRule:
    admin1, admin2 = pl.col("admin1_pcode"), pl.col("admin2_pcode")
    return RowRule(
        name="admin2_within_admin1",
        column="admin2_pcode",
        words="must start with admin1_pcode: a district lies in its oblast",
        ok=admin1.is_null() | admin2.is_null() | admin2.str.starts_with(admin1),
        detail=pl.format(
            "must start with admin1_pcode ({}): a district lies in its oblast", admin1
        ),
    )


def _figure_id_consistent() -> RowRule:
    figure_id = pl.col("figure_id")
    # recorded_at differs between two loads of the same figure; nothing else may.
    contents = pl.struct([c for c in COLUMN_NAMES if c != "recorded_at"]).hash()
    return RowRule(
        name="figure_id_consistent",
        column="figure_id",
        words=(
            "must be unique, unless the rows are the same figure repeated "
            "(equal in every column but recorded_at)"
        ),
        ok=(
            figure_id.is_null()
            | ~figure_id.is_duplicated()
            | (contents.n_unique().over(figure_id) == 1)
        ),
        applies=figure_id.n_unique() < figure_id.len(),
        detail=pl.format(
            "appears {} times with different contents: one id, one figure", pl.col("_copies")
        ),
        context=(figure_id.len().over(figure_id).alias("_copies"),),
    )


# The rules pandera runs as dataframe-level checks, in this order.
ROW_RULES: tuple[RowRule, ...] = (
    _since_before_as_of(),
    _as_of_before_published(),
    _subgroup_within_people(),
    _admin2_within_admin1(),
    _figure_id_consistent(),
)


def future_date_rules(today: date) -> tuple[RowRule, ...]:
    """Return one rule per date column: the day must not be after `today`."""
    return tuple(
        RowRule(
            name=f"{name}_not_in_future",
            column=name,
            words=f"must not be in the future (after {today.isoformat()})",
            ok=pl.col(name).is_null() | (pl.col(name) <= today),
        )
        for name in FUTURE_DATE_COLUMNS
    )
