"""The pandera model of the figures table, declared from tracker.model.

Names, types, nullability, allowed values and descriptions come from tracker.model (a
test checks that the two agree); this module adds the ranges, patterns and the rules
that read several columns or rows, which run as polars expressions (see rules.py).
"""

from __future__ import annotations

import functools
from datetime import date
from typing import Annotated, Any, cast

import pandera.polars as pa
import polars as pl

from tracker.model import REQUIRED_COLUMNS, column
from tracker.validation.rules import (
    ADMIN1_PCODE_PATTERN,
    ADMIN2_PCODE_PATTERN,
    BLANK_RULE,
    MAX_VALUE,
    ROW_RULES,
    RowRule,
    evaluate_rule,
    future_date_rules,
    not_blank,
)

__all__ = ["FiguresModel", "check_words", "figures_schema", "rule_named"]

_RULES = {rule.name: rule for rule in ROW_RULES}

_PATTERN_WORDS = {
    ADMIN1_PCODE_PATTERN: (
        "must be a first-level P-code: UA and 2 digits for an oblast (UA63), "
        "else a country's letters and digits (SD02)"
    ),
    ADMIN2_PCODE_PATTERN: (
        "must be a second-level P-code: UA and 4 digits for a raion (UA6308), "
        "else a country's letters and digits (SD0212)"
    ),
}


def _field(name: str, **constraints: Any) -> Any:
    """Return the pandera Field of model column `name`, plus `constraints`."""
    spec = column(name)
    if spec.choices:
        constraints["isin"] = list(spec.choices)
    return pa.Field(
        description=spec.description,
        nullable=spec.nullable,
        required=name in REQUIRED_COLUMNS,
        **constraints,
    )


def _evaluate(rule: RowRule, data: pa.PolarsData) -> pl.LazyFrame:
    return evaluate_rule(rule, data.lazyframe)


def _rule_check(rule: RowRule) -> pa.Check:
    """Return the pandera dataframe-level check that evaluates `rule`'s polars expression."""
    # One failure case only: validate reads the failing rows from the check's output.
    return pa.Check(
        lambda data: _evaluate(rule, data), name=rule.name, error=rule.words, n_failure_cases=1
    )


class FiguresModel(pa.DataFrameModel):
    """One row per figure; see tracker.model for what each column means.

    validate_figures runs this model through figures_schema, which adds the rules that
    depend on the day of validation (no dates in the future).
    """

    figure_id: pl.String = _field("figure_id")
    metric: pl.String = _field("metric")
    population_group: pl.String = _field("population_group")
    value: pl.Int64 = _field("value", ge=0, le=MAX_VALUE)
    qualifier: pl.String = _field("qualifier")
    location: pl.String = _field("location")
    admin1_name: pl.String = _field("admin1_name")
    admin1_pcode: pl.String = _field("admin1_pcode", str_matches=ADMIN1_PCODE_PATTERN)
    admin2_name: pl.String = _field("admin2_name")
    admin2_pcode: pl.String = _field("admin2_pcode", str_matches=ADMIN2_PCODE_PATTERN)
    settlement: pl.String = _field("settlement")
    place_match: pl.String = _field("place_match")
    as_of: pl.Date = _field("as_of")
    since: pl.Date = _field("since")
    published_on: pl.Date = _field("published_on")
    period: pl.String = _field("period")
    programme: pl.String = _field("programme")
    source_name: pl.String = _field("source_name")
    source_url: pl.String = _field("source_url")
    evidence: pl.String = _field("evidence")
    method: pl.String = _field("method")
    recorded_at: Annotated[pl.Datetime, "us", "UTC"] = _field("recorded_at")
    doc_id: pl.String = _field("doc_id")
    claim_id: pl.String = _field("claim_id")
    note: pl.String = _field("note")

    class Config:
        """Unknown columns are errors; types are parsed before, never coerced here."""

        name = "figures"
        strict = True
        coerce = False

    @pa.check("location", "source_name", name="not_blank", error=BLANK_RULE)
    @classmethod
    def _not_blank(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(not_blank(data.key))

    @pa.dataframe_check(
        name="since_before_as_of", error=_RULES["since_before_as_of"].words, n_failure_cases=1
    )
    @classmethod
    def _since_before_as_of(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return _evaluate(_RULES["since_before_as_of"], data)

    @pa.dataframe_check(
        name="as_of_before_published_on",
        error=_RULES["as_of_before_published_on"].words,
        n_failure_cases=1,
    )
    @classmethod
    def _as_of_before_published_on(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return _evaluate(_RULES["as_of_before_published_on"], data)

    @pa.dataframe_check(
        name="subgroup_within_people",
        error=_RULES["subgroup_within_people"].words,
        n_failure_cases=1,
    )
    @classmethod
    def _subgroup_within_people(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return _evaluate(_RULES["subgroup_within_people"], data)

    @pa.dataframe_check(
        name="admin2_within_admin1", error=_RULES["admin2_within_admin1"].words, n_failure_cases=1
    )
    @classmethod
    def _admin2_within_admin1(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return _evaluate(_RULES["admin2_within_admin1"], data)

    @pa.dataframe_check(
        name="figure_id_consistent", error=_RULES["figure_id_consistent"].words, n_failure_cases=1
    )
    @classmethod
    def _figure_id_consistent(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return _evaluate(_RULES["figure_id_consistent"], data)


@functools.lru_cache(maxsize=4)
def figures_schema(today: date) -> pa.DataFrameSchema:
    """Return the model's schema plus the rules that depend on `today` (no future dates).

    Cached per day: building a pandera schema deep-copies every column (about 15 ms).
    """
    base = FiguresModel.to_schema()
    return pa.DataFrameSchema(
        columns=base.columns,
        checks=[*base.checks, *(_rule_check(r) for r in future_date_rules(today))],
        strict=cast("bool", base.strict),
        coerce=base.coerce,
        name=base.name,
        description=base.description,
    )


def rule_named(name: str, today: date) -> RowRule | None:
    """Return the row rule called `name` (including today's date rules), or None."""
    rules = {r.name: r for r in (*ROW_RULES, *future_date_rules(today))}
    return rules.get(name)


def check_words(check: pa.Check) -> str:
    """Return what a column check asks for, in words (e.g. "must be >= 0")."""
    stats = check.statistics or {}
    if check.name == "isin":
        return "must be one of " + ", ".join(stats["allowed_values"])
    if check.name == "greater_than_or_equal_to":
        return f"must be >= {stats['min_value']}"
    if check.name == "less_than_or_equal_to":
        return f"must be <= {stats['max_value']:,}: a larger figure is taken as a typo"
    if check.name == "str_matches":
        pattern = stats["pattern"]
        return _PATTERN_WORDS.get(pattern, f"must match the pattern {pattern}")
    return str(check.error or check.name)
