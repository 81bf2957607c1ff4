"""The tracker for notebooks and scripts: read, extract, check, log, import and report.

Every function takes a store as a `str` path, a `pathlib.Path` or a ``postgresql://``
URL, and files as `str` or `Path`. Functions that only read open the store read-only and
create nothing: a mistyped path raises MissingStoreError instead of leaving an empty
database behind. Errors are subclasses of `tracker.errors.TrackerError`.

polars and the rest are imported inside the functions, so `import tracker` stays fast.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.errors import InputFileError, UsageError

if TYPE_CHECKING:
    import polars as pl

    from tracker.documents import Document
    from tracker.importer import ImportSummary
    from tracker.ingest import IngestSummary
    from tracker.report import ReportResult
    from tracker.schema import ValidationReport
    from tracker.store import StoreTarget

__all__ = [
    "EXTRACT_EXTRAS",
    "build_report",
    "extract_frame",
    "import_files",
    "ingest_texts",
    "log",
    "read_figures",
    "validate",
]

# What `extract_frame` adds to the figures columns: where the evidence sits in its text.
EXTRACT_EXTRAS: tuple[str, ...] = ("start", "end", "rule")
_DOCUMENT_SUFFIXES = (".txt", ".md", ".jsonl")


def read_figures(
    db: str | Path | StoreTarget,
    *,
    district: str | Sequence[str] | None = None,
    oblast: str | None = None,
    metric: str | None = None,
    date_from: date | str | None = None,
    date_to: date | str | None = None,
) -> pl.DataFrame:
    """Return the stored figures that match, oldest first, one row per figure.

    `district` is a district (raion), settlement or P-code, or several; a name also finds
    figures stored under its gazetteer names. Dates are `date` objects or YYYY-MM-DD.
    Raises MissingStoreError when `db` holds no store (nothing is created), and
    UnknownFilterError (with `suggestions`) when a district or oblast is neither a place
    the gazetteer knows nor a name some figure is stored under: a typo, not a place
    without figures.
    """
    from tracker.query import check_filter_places, figure_query
    from tracker.store import open_store

    districts = [district] if isinstance(district, str) else list(district or [])
    query = figure_query(
        districts,
        oblast=oblast,
        metric=_metric(metric),
        date_from=_day(date_from, "date_from"),
        date_to=_day(date_to, "date_to"),
    )
    with open_store(db, read_only=True) as store:
        figures = store.read_figures(query)
    check_filter_places(districts, oblast, figures)
    return figures


def extract_frame(
    texts_or_paths: str | Path | Iterable[str | Path],
    *,
    published: date | str | None = None,
    source: str | None = None,
) -> pl.DataFrame:
    """Return the figures read out of report texts, nothing stored: one row per figure.

    Each item is a `Path` (a text file, a folder of *.txt/*.md, or a .jsonl file), a `str`
    naming such a file or folder, or else the text of a report itself. The frame has the
    figures columns (see schemas/figures.md) with `doc_id` set to the file name, the
    JSONL id or `text-N`, plus `start`, `end` (the evidence's offsets in its text) and
    `rule`. `published` is the day of every text that does not give its own.
    """
    import polars as pl

    from tracker.documents import with_overrides
    from tracker.ingest import extract_document
    from tracker.model import Method, polars_schema

    items = [texts_or_paths] if isinstance(texts_or_paths, str | Path) else list(texts_or_paths)
    documents = with_overrides(
        _documents(items), published=_day(published, "published"), source=source
    )
    schema: dict[str, pl.DataType] = {
        **polars_schema(),
        "start": pl.Int64(),
        "end": pl.Int64(),
        "rule": pl.String(),
    }
    rows: list[dict[str, object]] = []
    for document in documents:
        for figure in extract_document(document).figures:
            row = figure.to_row()
            row.update(
                method=Method.EXTRACTED.value,
                doc_id=document.key,
                start=figure.start,
                end=figure.end,
                rule=figure.rule,
            )
            rows.append({name: row.get(name) for name in schema})
    return pl.DataFrame(rows, schema=schema, orient="row")


def validate(
    data: pl.DataFrame | str | Path | Sequence[str | Path],
    *,
    db: str | Path | StoreTarget | None = None,
) -> ValidationReport:
    """Return the validation report of a frame of figures or of figure files; write nothing.

    A frame needs the figures columns (dates as `date` or YYYY-MM-DD text; the `start`,
    `end` and `rule` of `extract_frame` are ignored); files are CSV,
    HXL, Parquet, JSON or JSONL. With `db`, the figures are also compared with what that
    store holds (the warnings about jumps and drops) and its gazetteers count. The report's
    `valid`, `errors`, `warnings` and `to_frame()` tell what failed, where and why.
    """
    import polars as pl

    from tracker.importer import check_files, check_files_against, check_frame

    if isinstance(data, pl.DataFrame):
        # extract_frame's evidence offsets are no figures column, and need no check.
        figures = data.drop(EXTRACT_EXTRAS, strict=False)
        return check_frame(figures, _target(db) if db is not None else None)
    paths = [Path(p) for p in ([data] if isinstance(data, str | Path) else data)]
    if db is not None:
        return check_files_against(paths, _target(db))
    return check_files(paths)[1]


def log(
    db: str | Path | StoreTarget,
    *,
    district: str,
    source: str,
    evacuated: int | None = None,
    remaining: int | None = None,
    to_evacuate: int | None = None,
    housed: int | None = None,
    children: int | None = None,
    families: int | None = None,
    on: date | str | None = None,
    oblast: str | None = None,
    settlement: str | None = None,
    qualifier: str = "exact",
    since: date | str | None = None,
    programme: str | None = None,
    url: str | None = None,
    note: str | None = None,
) -> ImportSummary:
    """Record one report typed in by hand, one figure per count; return what was stored.

    Children and families count within the one metric given (`evacuated=436,
    children=128`: people 436 and children 128, both evacuated). `on` is the day of the
    figures (default: today). The store is created on first use. Raises InvalidDataError
    (nothing written) when a figure breaks a rule, UsageError for a bad combination.
    """
    from tracker.importer import ManualEntry, entry_counts, log_entry
    from tracker.model import Metric
    from tracker.store import open_store

    counts = entry_counts(
        {
            Metric.EVACUATED: evacuated,
            Metric.REMAINING: remaining,
            Metric.TO_EVACUATE: to_evacuate,
            Metric.HOUSED: housed,
        },
        children=children,
        families=families,
    )
    entry = ManualEntry(
        location=settlement or district,
        source_name=source,
        counts=counts,
        as_of=_day(on, "on") or date.today(),
        qualifier=qualifier,
        since=_day(since, "since"),
        programme=programme,
        source_url=url,
        oblast=oblast,
        note=note,
    )
    with open_store(_target(db)) as store:
        return log_entry(entry, store)


def import_files(
    db: str | Path | StoreTarget, paths: str | Path | Sequence[str | Path]
) -> ImportSummary:
    """Validate figure files, then store all their figures in one transaction.

    Files are CSV, HXL, Parquet, JSON or JSONL with the figures columns. Returns what was
    stored; raises InvalidDataError (carrying the report, nothing written) when any row
    of any file fails, InputFileError when a file cannot be read, MissingInputError
    (before the store is created) when one does not exist.
    """
    from tracker.importer import import_files as import_into
    from tracker.store import open_store

    files = _existing_files(_paths(paths))
    with open_store(_target(db)) as store:
        return import_into(files, store)


def ingest_texts(
    db: str | Path | StoreTarget,
    paths: str | Path | Sequence[str | Path],
    *,
    published: date | str | None = None,
    source: str | None = None,
) -> IngestSummary:
    """Extract, validate and store the figures of report texts (files, folders, .jsonl).

    Ingesting the same text again adds nothing. Returns counts of documents and figures
    read, stored and skipped, and the warnings.
    """
    from tracker.documents import read_documents, with_overrides
    from tracker.ingest import ingest_documents

    documents = with_overrides(
        read_documents(_paths(paths)), published=_day(published, "published"), source=source
    )
    return ingest_documents(documents, _target(db))


def build_report(
    db: str | Path | StoreTarget,
    out: str | Path,
    *,
    district: str | Sequence[str] | None = None,
    date_from: date | str | None = None,
    date_to: date | str | None = None,
    report_date: date | str | None = None,
    full_plotly: bool = False,
) -> ReportResult:
    """Write the offline HTML report of the stored figures under `out`; return what was written.

    `report_date` is the day freshness is counted from (default: today). `full_plotly`
    writes the plotly package's complete plotly.js (the `plotly` extra) instead of the
    bundled basic one. Raises MissingStoreError when `db` holds no store, InvalidDataError
    when no figure matches, UsageError for `full_plotly` without plotly installed.
    """
    from tracker.errors import InvalidDataError
    from tracker.report import build_report as write_report
    from tracker.schema import validate_figures
    from tracker.store import open_store

    if full_plotly:
        _require_plotly()
    target = _target(db)
    figures = read_figures(target, district=district, date_from=date_from, date_to=date_to)
    with open_store(target, read_only=True) as store:
        mentions = store.programme_mentions()
    if figures.is_empty():
        filtered = bool(district or date_from or date_to)
        reason = "match the filters" if filtered else "are stored"
        hint = "" if filtered else " (add some: tracker ingest seeds/, or tracker log)"
        raise InvalidDataError(f"no figures {reason} in {target}; nothing to report{hint}")
    return write_report(
        figures,
        Path(out),
        warnings=validate_figures(figures).warnings,
        generated_on=_day(report_date, "report_date") or date.today(),
        full_plotly=full_plotly,
        mentions=mentions,
    )


def _require_plotly() -> None:
    """Return when the plotly package can be imported; UsageError saying how to get it."""
    from importlib.util import find_spec

    try:
        installed = find_spec("plotly") is not None
    except ValueError:  # a module set to None in sys.modules: not importable either
        installed = False
    if not installed:
        raise UsageError(
            "--full-plotly writes the plotly package's plotly.js, and plotly is not "
            "installed: pip install 'evac-tracker[plotly]'"
        )


def _target(db: str | Path | StoreTarget) -> StoreTarget:
    """Return the StoreTarget of a path, URL or target."""
    from tracker.store import store_target

    return store_target(db)


def _paths(paths: str | Path | Sequence[str | Path]) -> list[Path]:
    """Return one Path or several as a list of Paths."""
    return [Path(p) for p in ([paths] if isinstance(paths, str | Path) else paths)]


def _existing_files(paths: list[Path]) -> list[Path]:
    """Return `paths` when each names a file; MissingInputError for the first that does not,
    before any store is created for them."""
    from tracker.errors import MissingInputError

    for path in paths:
        if not path.exists():
            raise MissingInputError(f"{path}: no such file")
    return paths


def _day(value: date | str | None, name: str) -> date | None:
    """Return a date given as a `date` or as YYYY-MM-DD text; UsageError naming `name`."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{name} {value!r} is not a date written YYYY-MM-DD") from None


def _metric(metric: str | None) -> str | None:
    """Return the metric's value; UsageError naming the allowed ones when it is unknown."""
    from tracker.model import Metric

    if metric is None:
        return None
    allowed = [m.value for m in Metric]
    if metric not in allowed:
        raise UsageError(f"metric {metric!r} is not one of {', '.join(allowed)}")
    return metric


def _documents(items: Sequence[str | Path]) -> list[Document]:
    """Return the documents of files, folders and texts (see `extract_frame`)."""
    from tracker.documents import Document, read_documents

    documents: list[Document] = []
    for number, item in enumerate(items, start=1):
        if isinstance(item, Path) or _names_a_file(item):
            documents.extend(read_documents([item]))
        elif not item.strip():
            raise InputFileError(f"text {number} is empty")
        else:
            key = f"text-{number}"
            documents.append(Document(key=key, text=item, origin=key, file=key))
    return documents


def _names_a_file(text: str) -> bool:
    """Return whether a string is a path (an existing one, or one line ending in .txt,
    .md or .jsonl) rather than the text of a report."""
    if "\n" in text or len(text) > 4096:
        return False
    return Path(text).exists() or text.lower().endswith(_DOCUMENT_SUFFIXES)
