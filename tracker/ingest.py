"""The write path for report texts: documents -> extract -> complete -> validate -> store.

Ingest is idempotent because every id is a content hash: a document is stored once per
normalised text (`Document.doc_id`), and a figure once per figure_id, which covers its
numbers, place, dates, source and document. Running the same input again therefore adds
nothing, while the same figure told by several outlets is kept once per outlet and linked
through claim_id, so reports can count the claim once.

Every document is extracted, even when its text is already stored, because an identical
text republished by another outlet is that outlet's claim too. Nothing is written when any
extracted figure fails validation; warnings are written and reported.

polars, the extractor and the store are imported inside the functions that need them, so
that `tracker extract --format jsonl` (which only needs `extract_records`) starts fast.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.documents import Document, require_published
from tracker.errors import InvalidDataError
from tracker.model import COLUMN_NAMES, Method

if TYPE_CHECKING:
    import polars as pl

    from tracker.extract import ExtractedFigure, Extraction
    from tracker.schema import Failure
    from tracker.store import Store, StoreTarget

__all__ = [
    "RECORD_EXTRAS",
    "DocumentOutcome",
    "IngestSummary",
    "ProgressCallback",
    "extract_document",
    "extract_records",
    "ingest_documents",
]

# Called after each document with how many are done and how many there are in all.
ProgressCallback = Callable[[int, int], None]

# The passthrough column that locates validation failures (see tracker.validation).
_ORIGIN = "_file"

# What `extract_records` adds to the model's columns: where the evidence sits in the text.
RECORD_EXTRAS: tuple[str, ...] = ("start", "end", "rule")


@dataclass(frozen=True)
class DocumentOutcome:
    """What ingest found in one document."""

    key: str
    doc_id: str
    figures: int
    programmes: tuple[str, ...]
    already_stored: bool
    language: str = "en"


@dataclass(frozen=True)
class IngestSummary:
    """What one ingest read, stored and skipped; `warnings` are validation Failures."""

    documents_seen: int = 0
    documents_new: int = 0
    documents_already_stored: int = 0
    figures_extracted: int = 0
    figures_stored: int = 0
    figures_skipped: int = 0
    warnings: tuple[Failure, ...] = ()
    documents: tuple[DocumentOutcome, ...] = field(default=())

    @property
    def documents_repeated(self) -> int:
        """Return how many documents repeat the text of an earlier one in the same input."""
        return self.documents_seen - self.documents_new - self.documents_already_stored

    @property
    def programmes(self) -> dict[str, tuple[str, ...]]:
        """Return the housing programmes each document mentions, by document key."""
        return {d.key: d.programmes for d in self.documents if d.programmes}

    def to_dict(self) -> dict[str, object]:
        """Return the summary as JSON-ready data, keyed like its attributes (`--format json`)."""
        from dataclasses import asdict

        data = asdict(self)
        data["warnings"] = [asdict(warning) for warning in self.warnings]
        data["documents_repeated"] = self.documents_repeated
        return data


def extract_document(
    document: Document, *, doc_id: str | None = None, lang: str = "auto"
) -> Extraction:
    """Return the figures and programmes that the extractor reads in `document`.

    The figures carry the document's publication date, source name, URL, and `doc_id`
    (default: the document's key, as `tracker extract` reports it); `lang` ("auto", "en",
    "uk") picks the language's rules, "auto" detects it.
    """
    from tracker.extract import extract

    return extract(
        document.text,
        published=document.published,
        source=document.source_name,
        url=document.url,
        doc_id=document.key if doc_id is None else doc_id,
        lang=lang,
    )


def extract_records(document: Document, *, lang: str = "auto") -> list[dict[str, object]]:
    """Return one JSON-ready record per figure in `document`, nothing stored.

    Each record has every model column (ids and recorded_at stay null: nothing is
    recorded), doc_id set to the document's key, dates as YYYY-MM-DD, and the evidence's
    `start`/`end` offsets in the text, the extractor `rule` that read it, and the
    guidelines' short `district` and `oblast` names (Kupiansk, Kharkiv), and the `language`
    whose rules read the document.
    """
    extraction = extract_document(document, lang=lang)
    return [_record(document, figure, extraction.language) for figure in extraction.figures]


def ingest_documents(
    documents: Sequence[Document],
    db: str | Path | StoreTarget,
    *,
    recorded_at: datetime | None = None,
    progress: ProgressCallback | None = None,
    lang: str = "auto",
) -> IngestSummary:
    """Extract, validate and store `documents` in the database at `db`; return a summary.

    Every document needs a publication date (InputFileError otherwise, before anything is
    read). Raises InvalidDataError, writing nothing, when an extracted figure fails
    validation; StoreError when the database cannot be used. `lang` ("auto", "en", "uk")
    picks the rules each document is read with; the language is stored with it.
    """
    from tracker.places import extra_places
    from tracker.query import history_for
    from tracker.store import open_store

    require_published(documents)
    stamp = (recorded_at or datetime.now(UTC)).astimezone(UTC)
    doc_ids = [d.doc_id for d in documents]
    # Opened first, so that a bad --db fails before minutes of extraction.
    with open_store(db) as store, extra_places(store.user_places()):
        known = store.known_documents(doc_ids)
        rows, outcomes = _extract_all(documents, doc_ids, known, progress, lang)
        figures = _new_figures(store, _figures_frame(rows, stamp))
        warnings = _validate(figures, history_for(store, figures))
        result = store.write(figures, _documents_frame(documents, doc_ids, outcomes, stamp))
    return IngestSummary(
        documents_seen=len(documents),
        documents_new=result.documents_added,
        documents_already_stored=len(set(doc_ids) & known),
        figures_extracted=len(rows),
        figures_stored=result.figures_added,
        figures_skipped=len(rows) - result.figures_added,
        warnings=warnings,
        documents=tuple(outcomes),
    )


def _extract_all(
    documents: Sequence[Document],
    doc_ids: Sequence[str],
    known: set[str],
    progress: ProgressCallback | None,
    lang: str,
) -> tuple[list[dict[str, object]], list[DocumentOutcome]]:
    rows: list[dict[str, object]] = []
    outcomes: list[DocumentOutcome] = []
    total = len(documents)
    for done, (document, doc_id) in enumerate(zip(documents, doc_ids, strict=True), start=1):
        extraction = extract_document(document, doc_id=doc_id, lang=lang)
        # `_file` travels with each figure so that a validation failure names its document.
        rows.extend({**figure.to_row(), _ORIGIN: document.origin} for figure in extraction.figures)
        outcomes.append(
            DocumentOutcome(
                key=document.key,
                doc_id=doc_id,
                figures=len(extraction.figures),
                programmes=tuple(extraction.programmes),
                already_stored=doc_id in known,
                language=extraction.language,
            )
        )
        if progress is not None:
            progress(done, total)
    return rows, outcomes


def _figures_frame(rows: list[dict[str, object]], recorded_at: datetime) -> pl.DataFrame:
    import polars as pl

    from tracker.figures import complete_figures
    from tracker.model import polars_schema

    schema: dict[str, pl.DataType] = {**polars_schema(), _ORIGIN: pl.String()}
    present = {name: schema[name] for name in (rows[0] if rows else {}) if name in schema}
    frame = pl.DataFrame(
        [{name: row.get(name) for name in present} for row in rows],
        schema=present,
        orient="row",
    )
    return complete_figures(frame, method=Method.EXTRACTED.value, recorded_at=recorded_at)


def _new_figures(store: Store, figures: pl.DataFrame) -> pl.DataFrame:
    """Return the figures not stored yet, each once: only they are validated and written."""
    import polars as pl

    known = store.known_figures(figures["figure_id"])
    return figures.filter(~pl.col("figure_id").is_in(list(known))).unique(
        "figure_id", keep="first", maintain_order=True
    )


def _validate(figures: pl.DataFrame, history: pl.DataFrame | None) -> tuple[Failure, ...]:
    """Return the warnings; raise InvalidDataError when any figure has an error."""
    from tracker.schema import validate_figures

    report = validate_figures(figures, history=history)
    if not report.valid:
        raise InvalidDataError(
            f"{len(report.errors)} problem(s) in the extracted figures; nothing was stored",
            report,
        )
    return tuple(report.warnings)


def _documents_frame(
    documents: Sequence[Document],
    doc_ids: Sequence[str],
    outcomes: Sequence[DocumentOutcome],
    ingested_at: datetime,
) -> pl.DataFrame:
    import polars as pl

    from tracker.store import DOCUMENT_COLUMNS

    columns: dict[str, list[object]] = {
        "doc_id": list(doc_ids),
        "title": [d.title for d in documents],
        "url": [d.url for d in documents],
        "source_name": [d.source_name for d in documents],
        "published_on": [d.published for d in documents],
        "ingested_at": [ingested_at] * len(documents),
        "text": [d.text for d in documents],
        # Programmes named without a number ("find housing through the Shelter program")
        # are kept with their document.
        "programmes": ["; ".join(o.programmes) or None for o in outcomes],
        "language": [o.language for o in outcomes],
    }
    return pl.DataFrame(columns, schema=DOCUMENT_COLUMNS)


def _record(document: Document, figure: ExtractedFigure, language: str) -> dict[str, object]:
    row = figure.to_row()
    record: dict[str, object] = {name: _json_value(row.get(name)) for name in COLUMN_NAMES}
    record["method"] = Method.EXTRACTED.value
    record["doc_id"] = document.key
    record["start"] = figure.start
    record["end"] = figure.end
    record["rule"] = figure.rule
    # The guidelines' short names (Kupiansk for Kupianskyi raion, Kharkiv for Kharkivska).
    record["district"] = figure.district
    record["oblast"] = figure.oblast
    record["language"] = language
    return record


def _json_value(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value
