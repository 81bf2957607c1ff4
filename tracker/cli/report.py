"""The `tracker report` command: stored figures -> an HTML report folder."""

from __future__ import annotations

import dataclasses
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from tracker.cli.app import app
from tracker.cli.common import DbOption, db_target, fail, handle_errors, parse_date
from tracker.cli.output import echo_json, say

__all__ = ["report_command"]

DEFAULT_OUT = Path("reports")


class ReportFormat(StrEnum):
    """How `tracker report` says what it wrote."""

    TEXT = "text"
    JSON = "json"


@app.command("report")
@handle_errors
def report_command(
    db: DbOption = None,
    out: Annotated[
        Path,
        typer.Option(
            "--out", file_okay=False, metavar="DIR", help="Folder to write the report into."
        ),
    ] = DEFAULT_OUT,
    districts: Annotated[
        list[str] | None,
        typer.Option(
            "--district",
            metavar="PLACE",
            help="Only this district, settlement or P-code (repeatable).",
        ),
    ] = None,
    date_from: Annotated[
        str | None,
        typer.Option("--from", metavar="YYYY-MM-DD", help="From this day (as_of), YYYY-MM-DD."),
    ] = None,
    date_to: Annotated[
        str | None,
        typer.Option("--to", metavar="YYYY-MM-DD", help="Up to this day (as_of), YYYY-MM-DD."),
    ] = None,
    report_date: Annotated[
        str | None,
        typer.Option(
            "--report-date",
            metavar="YYYY-MM-DD",
            help="Day the freshness badges count from, YYYY-MM-DD. Default: today.",
        ),
    ] = None,
    fmt: Annotated[
        ReportFormat,
        typer.Option(
            "--format",
            help="text: where the report is, on stderr; json: what was written (index, "
            "paths, districts, figures) on stdout, with the Python API's keys.",
        ),
    ] = ReportFormat.TEXT,
    full_plotly: Annotated[
        bool,
        typer.Option(
            "--full-plotly",
            help="Write the installed plotly package's complete plotly.js (4.8 MB, every "
            "trace type) instead of the 1.2 MB basic bundle the charts need.",
        ),
    ] = False,
) -> None:
    """Write an offline HTML report: index.html plus one page and one CSV per district.

    The same figures and --report-date give the same bytes.

    Example: tracker report --out reports/ --district Kupiansk --from 2024-05-01
    """
    from tracker.api import build_report

    try:
        result = build_report(
            db_target(db),
            out,
            district=districts or None,
            date_from=parse_date(date_from, "--from"),
            date_to=parse_date(date_to, "--to"),
            report_date=parse_date(report_date, "--report-date"),
            full_plotly=full_plotly,
        )
    except OSError as error:
        raise fail(f"cannot write the report to {out}: {error.strerror or error}", 1) from None
    if fmt == ReportFormat.JSON:
        echo_json(dataclasses.asdict(result))
        return
    index = result.index.resolve()
    say(f"Wrote {result.districts} district page(s) from {result.figures:,} figure(s).")
    say(f"Open {index}")
    say(f"     {index.as_uri()}")
