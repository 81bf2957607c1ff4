"""`tracker extract` (read figures out of report texts, store nothing) and `tracker ingest`."""

from __future__ import annotations

import csv
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from tracker.cli.app import app
from tracker.cli.common import DbOption, db_target, handle_errors
from tracker.cli.output import echo_json, print_table, say
from tracker.cli.places import PlacesOption, using_places
from tracker.documents import MAX_DOCUMENT_BYTES, Document, read_documents, with_overrides
from tracker.errors import UsageError
from tracker.model import COLUMN_NAMES

if TYPE_CHECKING:
    from tracker.extract import ExtractedFigure, Extraction
    from tracker.ingest import IngestSummary

__all__ = ["extract_command", "ingest_command"]

# Below this many documents a progress bar would only flicker.
_PROGRESS_MIN_BYTES = 1_000_000  # about two seconds of reading
_PROGRESS_MIN_DOCUMENTS = 20
_EVIDENCE_WIDTH = 70
_WARNINGS_SHOWN = 20
_TABLE_COLUMNS = (
    "doc_id",
    "metric",
    "population_group",
    "value",
    "qualifier",
    "location",
    "admin2_name",
    "as_of",
    "since",
    "programme",
    "evidence",
)


MaxBytesOption = Annotated[
    int,
    typer.Option(
        "--max-bytes",
        metavar="N",
        min=1,
        help="Refuse a document whose text is larger than this (UTF-8 bytes); reading "
        "takes about a second per 0.6 MB.",
    ),
]


class Lang(StrEnum):
    """Which language's rules read the documents (tracker.extract.Language, kept here so
    that `tracker --help` does not load the extractor)."""

    AUTO = "auto"
    EN = "en"
    UK = "uk"


LangOption = Annotated[
    Lang,
    typer.Option(
        "--lang",
        help="Language of the documents: en, uk, or auto to detect it per document "
        "(Cyrillic letters with Ukrainian words are read as Ukrainian).",
    ),
]


class OutputFormat(StrEnum):
    """How `tracker extract` prints the figures."""

    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"


class SummaryFormat(StrEnum):
    """How `tracker ingest` reports what it stored."""

    TEXT = "text"
    JSON = "json"


PathsArgument = Annotated[
    list[str] | None,
    # Described in each command's text: typer would show an argument's Python type.
    typer.Argument(metavar="PATH", hidden=True, show_default=False),
]
PublishedOption = Annotated[
    datetime | None,
    typer.Option(
        "--published",
        metavar="YYYY-MM-DD",
        formats=["%Y-%m-%d"],
        help="Publication date (YYYY-MM-DD) for every document; "
        "default: the JSONL 'published' field or the file's front matter.",
    ),
]
SourceOption = Annotated[
    str | None,
    typer.Option(
        "--source",
        metavar="TEXT",
        help="Who published the documents; default: the JSONL 'source', the front matter, "
        "the URL's host, else the file name.",
    ),
]


@app.command("extract")
@handle_errors
def extract_command(
    paths: PathsArgument = None,
    published: PublishedOption = None,
    source: SourceOption = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help="Output format.")
    ] = OutputFormat.TABLE,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain",
            help="Show each figure in its sentence with the evidence marked (bold on a "
            "terminal, else [[...]]) and the rule that read it, instead of --format.",
        ),
    ] = False,
    places: PlacesOption = None,
    max_bytes: MaxBytesOption = MAX_DOCUMENT_BYTES,
    lang: LangOption = Lang.AUTO,
) -> None:
    """Read the evacuation figures in report texts and print them; nothing is stored.

    Each PATH is a text file, a folder of *.txt/*.md, a .jsonl file of {"id", "text",
    "published", "url"?, "source"?} lines, or - for stdin.

    Example: tracker extract seeds/ --explain
    """
    from tracker.ingest import extract_document, extract_records

    documents = _read(paths, published, source, max_bytes)
    with using_places(places):
        if explain:
            for document in documents:
                _explain(document, extract_document(document, lang=lang.value))
            return
        records: list[dict[str, object]] = []
        with _progress_bar(len(documents), _text_bytes(documents)) as progress:
            for done, document in enumerate(documents, start=1):
                records.extend(extract_records(document, lang=lang.value))
                if progress is not None:
                    progress(done, len(documents))
    _FORMATTERS[output_format](records)
    if not records:
        say(f"no figures found in {len(documents)} document(s)")


@app.command("ingest")
@handle_errors
def ingest_command(
    paths: PathsArgument = None,
    db: DbOption = None,
    published: PublishedOption = None,
    source: SourceOption = None,
    places: PlacesOption = None,
    max_bytes: MaxBytesOption = MAX_DOCUMENT_BYTES,
    summary_format: Annotated[
        SummaryFormat,
        typer.Option(
            "--format",
            help="text: a summary on stderr; json: the summary on stdout, with the Python "
            "API's keys (documents_seen, figures_stored, warnings ...).",
        ),
    ] = SummaryFormat.TEXT,
    lang: LangOption = Lang.AUTO,
) -> None:
    """Extract the figures in report texts, validate them and store them with their documents.

    Each PATH is a text file, a folder of *.txt/*.md, a .jsonl file of {"id", "text",
    "published", "url"?, "source"?} lines, or - for stdin.

    Ingesting the same text again adds nothing. Example: tracker ingest seeds/
    """
    from tracker.ingest import ingest_documents

    documents = _read(paths, published, source, max_bytes)
    with using_places(places), _progress_bar(len(documents), _text_bytes(documents)) as progress:
        summary = ingest_documents(documents, db_target(db), progress=progress, lang=lang.value)
    if summary_format == SummaryFormat.JSON:
        echo_json(summary.to_dict())
    else:
        _print_summary(summary)


def _read(
    paths: list[str] | None, published: datetime | None, source: str | None, max_bytes: int
) -> list[Document]:
    if not paths:
        raise UsageError("give at least one PATH (a file, a directory, a .jsonl file, or -)")
    stdin = typer.get_binary_stream("stdin") if "-" in paths else None
    documents = read_documents(paths, stdin=stdin, max_bytes=max_bytes)
    return with_overrides(
        documents, published=published.date() if published else None, source=source
    )


def _print_jsonl(records: list[dict[str, object]]) -> None:
    for record in records:
        typer.echo(json.dumps(record, ensure_ascii=False))


def _print_json(records: list[dict[str, object]]) -> None:
    typer.echo(json.dumps(records, ensure_ascii=False, indent=2))


def _print_csv(records: list[dict[str, object]]) -> None:
    stream = typer.get_text_stream("stdout")
    writer = csv.DictWriter(
        stream,
        fieldnames=[*COLUMN_NAMES, "start", "end", "rule", "district", "oblast", "language"],
    )
    writer.writeheader()
    writer.writerows(records)


def _print_table(records: list[dict[str, object]]) -> None:
    if records:
        print_table(records, _TABLE_COLUMNS, widths={"evidence": _EVIDENCE_WIDTH})


_FORMATTERS: dict[OutputFormat, Callable[[list[dict[str, object]]], None]] = {
    OutputFormat.TABLE: _print_table,
    OutputFormat.JSON: _print_json,
    OutputFormat.JSONL: _print_jsonl,
    OutputFormat.CSV: _print_csv,
}


def _explain(document: Document, extraction: Extraction) -> None:
    figures, programmes = extraction.figures, extraction.programmes
    header = f"== {document.key}: {len(figures)} figure(s), read as {extraction.language}"
    if programmes:
        header += "; programmes mentioned: " + ", ".join(programmes)
    typer.echo(header)
    bold = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    for number, figure in enumerate(figures, start=1):
        row = figure.to_row()
        place = row.get("admin2_name") or row.get("settlement") or row.get("admin1_name")
        where = f"{row.get('location')}" + (f" ({place})" if place else "")
        dates = f"as_of {_iso(row.get('as_of'))}" + (
            f", since {_iso(row.get('since'))}" if row.get("since") else ""
        )
        typer.echo(
            f"{number:>3}. {row.get('metric')} {row.get('population_group')} {row.get('value')} "
            f"{row.get('qualifier')} | {where} | {dates} | rule: {figure.rule}"
        )
        typer.echo("     " + _highlight(document.text, figure, bold=bold))
        if figure.place_note:
            typer.echo(f"     place: {figure.place_note}")
    typer.echo("")


def _highlight(text: str, figure: ExtractedFigure, *, bold: bool) -> str:
    """Return the figure's sentence with its evidence marked: ANSI bold on a terminal
    (unless NO_COLOR is set), else [[...]]."""
    start, end = figure.start, figure.end
    s_start, s_end = min(figure.sentence_start, start), max(figure.sentence_end, end)
    evidence = text[start:end]
    marked = typer.style(evidence, bold=True) if bold else f"[[{evidence}]]"
    sentence = text[s_start:start] + marked + text[end:s_end]
    return " ".join(sentence.split())


def _iso(value: object) -> str:
    return value.isoformat() if isinstance(value, date) else "unknown"


def _text_bytes(documents: list[Document]) -> int:
    return sum(len(document.text) for document in documents)


@contextmanager
def _progress_bar(total: int, text_bytes: int) -> Iterator[Callable[[int, int], None] | None]:
    """Yield a progress callback drawing a bar on stderr, or None when it would not help:
    on no terminal, or for a few small documents that read in a blink."""
    small = total < _PROGRESS_MIN_DOCUMENTS and text_bytes < _PROGRESS_MIN_BYTES
    if small or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("extracting", total=total)

        def advance(done: int, _total: int) -> None:
            bar.update(task, completed=done)

        yield advance


def _print_summary(summary: IngestSummary) -> None:
    repeated = summary.documents_repeated
    say(
        f"documents: {summary.documents_seen} read, {summary.documents_new} new, "
        f"{summary.documents_already_stored} already stored"
        + (f", {repeated} repeated in the input" if repeated else "")
    )
    say(
        f"figures: {summary.figures_extracted} extracted, {summary.figures_stored} stored, "
        f"{summary.figures_skipped} skipped as duplicates"
    )
    say(f"warnings: {len(summary.warnings)}")
    for warning in summary.warnings[:_WARNINGS_SHOWN]:
        say(f"  {warning.to_text()}")
    if len(summary.warnings) > _WARNINGS_SHOWN:
        hidden = len(summary.warnings) - _WARNINGS_SHOWN
        say(f"  ... and {hidden} more (tracker validate lists them all)")
    mentions = Counter(name for names in summary.programmes.values() for name in names)
    if mentions:
        say(
            "programmes mentioned: "
            + ", ".join(f"{name} ({count} document(s))" for name, count in mentions.most_common())
        )
