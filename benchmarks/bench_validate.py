"""Time validate_figures on 1,000,000 valid figures against the same rules in plain polars.

The floor evaluates every rule as one polars query (column rules, row rules, then the
same warning queries); validate_figures runs the column and row rules through pandera.
Prints both times (best of --repeat runs) and their ratio; the goal is at most 1.2x.

    python benchmarks/bench_validate.py [--rows 1000000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import UTC, date, datetime

import polars as pl

from tracker.model import COLUMNS, polars_schema
from tracker.schema import validate_figures
from tracker.validation.rules import (
    ADMIN1_PCODE_PATTERN,
    ADMIN2_PCODE_PATTERN,
    MAX_VALUE,
    ROW_RULES,
    future_date_rules,
    not_blank,
)
from tracker.validation.warning_rules import warning_cases

TODAY = date(2025, 1, 1)


def build_figures(rows: int) -> pl.DataFrame:
    """Return `rows` valid figures: pairs of people and children for the same claim."""
    pairs = rows // 2
    i = pl.int_range(0, pairs, eager=False)
    district = i % 100
    people = (
        pl.DataFrame()
        .lazy()
        .select(
            (pl.lit("f") + (i * 2).cast(pl.String)).alias("figure_id"),
            pl.lit("evacuated").alias("metric"),
            pl.lit("people").alias("population_group"),
            (500 + i % 400).cast(pl.Int64).alias("value"),
            pl.lit("approx").alias("qualifier"),
            (pl.lit("District ") + district.cast(pl.String)).alias("location"),
            pl.lit("Donetsk").alias("admin1_name"),
            pl.lit("UA14").alias("admin1_pcode"),
            (pl.lit("District ") + district.cast(pl.String)).alias("admin2_name"),
            (pl.lit("UA14") + (10 + district % 90).cast(pl.String)).alias("admin2_pcode"),
            pl.lit(None, pl.String).alias("settlement"),
            pl.lit("exact").alias("place_match"),
            (pl.lit(date(2022, 3, 1)) + pl.duration(days=i % 1000)).alias("as_of"),
            pl.lit(None, pl.Date).alias("since"),
            (pl.lit(date(2022, 3, 1)) + pl.duration(days=i % 1000 + 1)).alias("published_on"),
            pl.lit("day").alias("period"),
            pl.lit(None, pl.String).alias("programme"),
            (pl.lit("Source ") + (i % 7).cast(pl.String)).alias("source_name"),
            pl.lit("https://example.org/report").alias("source_url"),
            pl.lit("about 500 people were evacuated").alias("evidence"),
            pl.lit("imported").alias("method"),
            pl.lit(datetime(2024, 1, 1, tzinfo=UTC)).alias("recorded_at"),
            (pl.lit("d") + i.cast(pl.String)).alias("doc_id"),
            pl.lit(None, pl.String).alias("claim_id"),
            pl.lit(None, pl.String).alias("note"),
        )
    )
    children = people.with_columns(
        (pl.lit("f") + (i * 2 + 1).cast(pl.String)).alias("figure_id"),
        pl.lit("children").alias("population_group"),
        (pl.col("value") // 3).alias("value"),
    )
    frame = pl.concat([people, children]).collect()
    return frame.cast(polars_schema())  # type: ignore[arg-type]


def floor_validate(frame: pl.DataFrame) -> tuple[int, int]:
    """Return (errors, warnings) from the same rules written as one polars query each."""
    masks = frame.lazy().select(*_column_rules(), *_row_rules(frame)).collect()
    errors = masks.select(pl.sum_horizontal(pl.all().not_().sum())).item()
    warnings = warning_cases(frame, None).height
    return int(errors), warnings


def _column_rules() -> list[pl.Expr]:
    rules: list[pl.Expr] = []
    for spec in COLUMNS:
        cell = pl.col(spec.name)
        if not spec.nullable:
            rules.append(cell.is_not_null().alias(f"{spec.name}_not_null"))
        if spec.choices:
            ok = cell.is_in(list(spec.choices)) | cell.is_null()
            rules.append(ok.alias(f"{spec.name}_isin"))
    rules += [
        (pl.col("value") >= 0).fill_null(value=True).alias("value_ge"),
        (pl.col("value") <= MAX_VALUE).fill_null(value=True).alias("value_le"),
        pl.col("admin1_pcode").str.contains(ADMIN1_PCODE_PATTERN).fill_null(value=True),
        pl.col("admin2_pcode").str.contains(ADMIN2_PCODE_PATTERN).fill_null(value=True),
        not_blank("location").fill_null(value=True).alias("location_blank"),
        not_blank("source_name").fill_null(value=True).alias("source_blank"),
    ]
    return rules


def _row_rules(frame: pl.DataFrame) -> list[pl.Expr]:
    """Return the row rules that apply to `frame` (one query for all the cheap guards)."""
    rules = (*ROW_RULES, *future_date_rules(TODAY))
    guarded = [r for r in rules if r.applies is not None]
    guards = frame.select(r.applies.alias(r.name) for r in guarded if r.applies is not None)
    skipped = {name for name, applies in guards.row(0, named=True).items() if not applies}
    return [rule.ok.alias(rule.name) for rule in rules if rule.name not in skipped]


def plant_errors(frame: pl.DataFrame) -> pl.DataFrame:
    """Return `frame` with broken rules in four rows (both paths must find the same errors)."""
    row = pl.int_range(pl.len())
    return frame.with_columns(
        pl.when(row == 0).then(-1).otherwise(pl.col("value")).alias("value"),
        pl.when(row == 2).then(pl.lit("flown")).otherwise(pl.col("metric")).alias("metric"),
        pl.when(row == 4).then(pl.col("as_of") + pl.duration(days=1)).alias("since"),
        pl.when(row == 6)
        .then(pl.lit("UA6308"))
        .otherwise(pl.col("admin2_pcode"))
        .alias("admin2_pcode"),
    )


def interleaved(
    repeat: int, runs: dict[str, Callable[[], object]]
) -> dict[str, tuple[list[float], list[float]]]:
    """Return (wall, CPU) seconds of each run, taking turns so that load hits all alike."""
    times: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name in runs}
    for _ in range(repeat):
        for name, run in runs.items():
            wall, cpu = time.perf_counter(), time.process_time()
            run()
            times[name][0].append(time.perf_counter() - wall)
            times[name][1].append(time.process_time() - cpu)
    return times


def main() -> None:
    """Build the figures, check both paths agree, time them, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    frame = build_figures(args.rows)
    planted = plant_errors(frame)
    start = time.perf_counter()
    found = len(validate_figures(planted, today=TODAY).errors)
    took = time.perf_counter() - start
    print(
        f"rows: {frame.height:,}; planted errors: pandera found {found} in {took:.2f} s, "
        f"floor {floor_validate(planted)[0]}"
    )
    report = validate_figures(frame, today=TODAY)
    print(f"valid frame: {len(report.errors)} errors, {len(report.warnings)} warnings")

    times = interleaved(
        args.repeat,
        {
            "validate_figures (pandera)": lambda: validate_figures(frame, today=TODAY),
            "plain polars floor": lambda: floor_validate(frame),
        },
    )
    for name, (wall, cpu) in times.items():
        print(
            f"{name:28} wall best {min(wall):.3f} s median {statistics.median(wall):.3f} s"
            f" | CPU median {statistics.median(cpu):.3f} s"
        )
    (p_wall, p_cpu), (f_wall, f_cpu) = times.values()
    print(
        f"ratio: wall best {min(p_wall) / min(f_wall):.2f}x, "
        f"wall median {statistics.median(p_wall) / statistics.median(f_wall):.2f}x, "
        f"CPU median {statistics.median(p_cpu) / statistics.median(f_cpu):.2f}x (goal <= 1.2x)"
    )


if __name__ == "__main__":
    main()
