"""The `tracker report` command: stored figures -> an HTML report folder."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from tracker.cli.app import app
from tracker.cli.common import DbOption, db_target, fail, handle_errors, parse_date

__all__ = ["report_command"]

DEFAULT_OUT = Path("reports")


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
        typer.Option("--district", help="Only this district, settlement or P-code (repeatable)."),
    ] = None,
    date_from: Annotated[
        str | None,
        typer.Option("--from", metavar="DATE", help="From this day (as_of), YYYY-MM-DD."),
    ] = None,
    date_to: Annotated[
        str | None, typer.Option("--to", metavar="DATE", help="Up to this day (as_of), YYYY-MM-DD.")
    ] = None,
    report_date: Annotated[
        str | None,
        typer.Option(
            "--report-date",
            metavar="DATE",
            help="Day the freshness badges count from, YYYY-MM-DD. Default: today.",
        ),
    ] = None,
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
    from tracker.query import figure_query
    from tracker.report import build_report
    from tracker.schema import validate_figures
    from tracker.store import open_store

    query = figure_query(
        districts or [],
        date_from=parse_date(date_from, "--from"),
        date_to=parse_date(date_to, "--to"),
    )
    database = db_target(db)
    with open_store(database, read_only=True) as store:
        figures = store.read_figures(query)
        mentions = store.programme_mentions()
    if figures.is_empty():
        filtered = bool(districts or date_from or date_to)
        reason = "match the filters" if filtered else "are stored"
        hint = "" if filtered else " (add some: tracker ingest seeds/, or tracker log)"
        raise fail(f"no figures {reason} in {database}; nothing to report{hint}", 1)
    warnings = validate_figures(figures).warnings
    generated_on = parse_date(report_date, "--report-date") or date.today()
    try:
        result = build_report(
            figures,
            out,
            warnings=warnings,
            generated_on=generated_on,
            full_plotly=full_plotly,
            mentions=mentions,
        )
    except OSError as error:
        raise fail(f"cannot write the report to {out}: {error.strerror or error}", 1) from None
    index = result.index.resolve()
    typer.echo(f"Wrote {result.districts} district page(s) from {result.figures} figure(s).")
    typer.echo(f"Open {index}")
    typer.echo(f"     {index.as_uri()}")
