"""The write path for tables of figures: manual entries and imported files.

Every path here reads, completes, resolves places, validates and only then writes, in
one transaction: when any row of any file has an error, nothing is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import polars as pl

from tracker.errors import InvalidDataError, MissingStoreError, UsageError
from tracker.figures import complete_figures
from tracker.model import Group, Method, Metric
from tracker.query import history_for
from tracker.schema import Failure, ValidationReport, parse_figures, validate_figures
from tracker.store import FigureQuery, Store, StoreTarget, WriteResult, open_store
from tracker.tables import check_columns, read_table

__all__ = [
    "ImportSummary",
    "ManualEntry",
    "check_files",
    "check_files_against",
    "check_frame",
    "check_stored",
    "entry_counts",
    "import_files",
    "log_entry",
    "prepare_figures",
]

_PLACE_COLUMNS = (
    "admin1_name",
    "admin1_pcode",
    "admin2_name",
    "admin2_pcode",
    "settlement",
    "place_match",
)


@dataclass(frozen=True)
class ImportSummary:
    """What an import or manual entry stored, and the warnings it raised."""

    figures: pl.DataFrame
    written: WriteResult
    report: ValidationReport

    def to_dict(self) -> dict[str, Any]:
        """Return the summary as JSON-ready data, keyed like its attributes (`--format json`)."""
        return {
            "figures": _json_ready(self.figures.to_dicts()),
            "written": asdict(self.written),
            "report": self.report.to_dict(),
        }


def _json_ready(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return records with dates and datetimes as ISO 8601 text."""
    return [
        {k: v.isoformat() if isinstance(v, date) else v for k, v in record.items()}
        for record in records
    ]


@dataclass(frozen=True)
class ManualEntry:
    """One report typed in by hand: the counts it gives for one place and day."""

    location: str
    source_name: str
    counts: dict[tuple[Metric, Group], int]
    as_of: date
    qualifier: str = "exact"
    since: date | None = None
    programme: str | None = None
    source_url: str | None = None
    oblast: str | None = None
    note: str | None = None


def prepare_figures(
    raw: pl.DataFrame, *, method: str, recorded_at: datetime | None = None
) -> tuple[pl.DataFrame, list[Failure]]:
    """Return raw rows as complete, place-resolved figures, and the cells that failed to parse."""
    parsed, failures = parse_figures(raw)
    completed = complete_figures(parsed, method=method, recorded_at=recorded_at)
    resolved, place_failures = _resolve_places(completed)
    return resolved, [*failures, *place_failures]


def check_files(
    paths: Sequence[Path], store: Store | None = None, *, today: date | None = None
) -> tuple[pl.DataFrame, ValidationReport]:
    """Read and validate files without writing; return their figures and the report.

    Raises InputFileError for a file that cannot be read and InvalidDataError for
    unknown or missing columns.
    """
    with _kept_places(store):
        figures, parse_failures = _read_files(paths)
        return figures, _validated(figures, parse_failures, store, today)


def import_files(
    paths: Sequence[Path], store: Store, *, today: date | None = None
) -> ImportSummary:
    """Validate every file, then store all their figures in one transaction.

    Raises InvalidDataError (carrying the report) and writes nothing when any row fails.
    The rows are staged for writing while they are validated (two cores, half the wait).
    """
    with _kept_places(store):
        figures, parse_failures = _read_files(paths)
    with store.staged(figures) as staging:
        report = _validated(figures, parse_failures, store, today)
        _raise_if_invalid(report, what="import")
        written = staging.merge()
    return ImportSummary(figures=figures, written=written, report=report)


def check_files_against(
    paths: Sequence[Path], target: StoreTarget, *, today: date | None = None
) -> ValidationReport:
    """Validate files against the store at `target` (its history and kept gazetteers), or
    alone when no store is there yet; write nothing."""
    try:
        with open_store(target, read_only=True) as store:
            return check_files(paths, store, today=today)[1]
    except MissingStoreError:
        return check_files(paths, today=today)[1]


def check_frame(
    raw: pl.DataFrame, target: StoreTarget | None = None, *, today: date | None = None
) -> ValidationReport:
    """Validate a frame of figures as a file would be (parsed, completed, places resolved),
    against the store at `target` when one is there; write nothing.

    Raises InvalidDataError for unknown or missing columns.
    """
    check_columns(raw, "the frame")
    if target is None:
        return _checked_frame(raw, None, today)
    try:
        with open_store(target, read_only=True) as store:
            return _checked_frame(raw, store, today)
    except MissingStoreError:
        return _checked_frame(raw, None, today)


def _checked_frame(raw: pl.DataFrame, store: Store | None, today: date | None) -> ValidationReport:
    """Return the report of one frame, prepared with the gazetteers kept in `store`."""
    with _kept_places(store):
        figures, failures = prepare_figures(raw, method=Method.IMPORTED)
        return _validated(figures, failures, store, today)


def entry_counts(
    by_metric: dict[Metric, int | None], *, children: int | None, families: int | None
) -> dict[tuple[Metric, Group], int]:
    """Return the (metric, group) counts of a manual entry: people for each metric given,
    children and families within the one metric given.

    Raises UsageError when no count is given, or children or families come with not
    exactly one metric.
    """
    given = {metric: value for metric, value in by_metric.items() if value is not None}
    subgroups = {
        group: value
        for group, value in ((Group.CHILDREN, children), (Group.FAMILIES, families))
        if value is not None
    }
    if not given and not subgroups:
        raise UsageError(
            "give at least one count: --evacuated, --remaining, --to-evacuate or --housed"
        )
    if subgroups and len(given) != 1:
        raise UsageError(
            "--children and --families count within one metric: give exactly one of "
            "--evacuated, --remaining, --to-evacuate, --housed with them"
        )
    counts = {(metric, Group.PEOPLE): value for metric, value in given.items()}
    for group, value in subgroups.items():
        counts[(next(iter(given)), group)] = value
    return counts


def _kept_places(store: Store | None) -> AbstractContextManager[None]:
    """Return a context in which the gazetteers kept in `store` count as well, so that
    every desk on one store resolves names alike."""
    from tracker.places import extra_places

    return extra_places(store.user_places() if store is not None else [])


def _read_files(paths: Sequence[Path]) -> tuple[pl.DataFrame, list[Failure]]:
    """Return the prepared figures of every file and the cells that failed to parse."""
    frames: list[pl.DataFrame] = []
    parse_failures: list[Failure] = []
    stamp = datetime.now(UTC)
    for path in paths:
        raw = read_table(path)
        check_columns(raw, str(path))
        figures, failures = prepare_figures(raw, method=Method.IMPORTED, recorded_at=stamp)
        frames.append(figures)
        parse_failures.extend(failures)
    figures = pl.concat(frames, how="diagonal_relaxed") if frames else pl.DataFrame()
    return figures, parse_failures


def _validated(
    figures: pl.DataFrame, parse_failures: list[Failure], store: Store | None, today: date | None
) -> ValidationReport:
    history = history_for(store, figures) if store is not None else None
    report = validate_figures(figures, history=history, today=today)
    return _with_failures(report, parse_failures)


def log_entry(entry: ManualEntry, store: Store, *, today: date | None = None) -> ImportSummary:
    """Validate and store the figures of one manual entry; return what was stored."""
    raw = pl.DataFrame(
        [_entry_row(entry, metric, group, value) for (metric, group), value in entry.counts.items()]
    )
    with _kept_places(store):
        figures, failures = prepare_figures(raw, method=Method.MANUAL)
    report = validate_figures(figures, history=history_for(store, figures), today=today)
    return _write_if_valid(figures, _with_failures(report, failures), store, what="entry")


def check_stored(
    store: Store, query: FigureQuery | None = None, *, today: date | None = None
) -> ValidationReport:
    """Return the validation report of the figures already in the store."""
    return validate_figures(store.read_figures(query), today=today)


def _entry_row(entry: ManualEntry, metric: Metric, group: Group, value: int) -> dict[str, object]:
    return {
        "metric": metric.value,
        "population_group": group.value,
        "value": value,
        "qualifier": entry.qualifier,
        "location": entry.location,
        "admin1_name": entry.oblast,
        "as_of": entry.as_of,
        "since": entry.since,
        "published_on": entry.as_of,
        "programme": entry.programme if metric == Metric.HOUSED else None,
        "source_name": entry.source_name,
        "source_url": entry.source_url,
        "note": entry.note,
    }


def _write_if_valid(
    figures: pl.DataFrame, report: ValidationReport, store: Store, *, what: str
) -> ImportSummary:
    _raise_if_invalid(report, what=what)
    written = store.write(figures)
    return ImportSummary(figures=figures, written=written, report=report)


def _raise_if_invalid(report: ValidationReport, *, what: str) -> None:
    if not report.valid:
        raise InvalidDataError(
            f"{len(report.errors)} error(s) in the {what}; nothing was written", report
        )


def _with_failures(report: ValidationReport, failures: list[Failure]) -> ValidationReport:
    if not failures:
        return report
    return ValidationReport(failures=failures, rows=0).merged(report)


def _resolve_places(figures: pl.DataFrame) -> tuple[pl.DataFrame, list[Failure]]:
    """Fill admin names and P-codes from the gazetteer.

    Rows that already carry a P-code keep their place columns as given: the source's
    coding wins over our reading of the name.
    """
    from tracker.places import annotate_places

    given = figures.select(_PLACE_COLUMNS)
    coded = (given["admin1_pcode"].is_not_null() | given["admin2_pcode"].is_not_null()).alias(
        "_coded"
    )
    annotated = annotate_places(figures.drop(_PLACE_COLUMNS[1:])).with_columns(coded)
    filled = annotated.with_columns(
        pl.when(pl.col("_coded")).then(given[name]).otherwise(pl.col(name)).alias(name)
        for name in _PLACE_COLUMNS
    ).with_columns(
        pl.when(pl.col("_coded"))
        .then(None)
        .otherwise(pl.col("place_problem"))
        .alias("place_problem")
    )
    problems = filled.with_row_index("_row").filter(pl.col("place_problem").is_not_null())
    failures = [
        Failure(
            severity="error",
            rule=str(row["place_problem"]),
            column="location",
            value=str(row["location"]),
            row=int(row["_row"]),
            file=row.get("_file"),
            line=row.get("_line"),
        )
        for row in problems.iter_rows(named=True)
    ]
    return filled.drop("place_problem").select(figures.columns), failures
