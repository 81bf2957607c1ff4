"""Commands over the figures table: log, list, import, export, validate."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from tracker.cli.app import app
from tracker.cli.common import DbOption, db_target, handle_errors, parse_date
from tracker.cli.output import (
    detail,
    echo_figures,
    echo_json,
    echo_report,
    print_table,
    report_excerpt,
    say,
)
from tracker.cli.places import PlacesOption, using_places
from tracker.errors import UsageError
from tracker.model import Metric, Qualifier

if TYPE_CHECKING:
    from tracker.schema import ValidationReport

__all__ = ["export_command", "import_command", "list_command", "log_command", "validate_command"]


RawOption = Annotated[
    bool,
    typer.Option(
        "--raw",
        help="Write CSV cells verbatim. By default a cell that a spreadsheet would run as a "
        "formula (starting with = + - @, tab or CR) gets a leading ' that import removes.",
    ),
]


class ListFormat(StrEnum):
    """Output formats of `tracker list`."""

    TABLE = "table"
    CSV = "csv"
    JSON = "json"
    JSONL = "jsonl"


class ExportFormat(StrEnum):
    """File formats of `tracker export`."""

    CSV = "csv"
    PARQUET = "parquet"
    JSON = "json"
    JSONL = "jsonl"
    HXL = "hxl"


class Profile(StrEnum):
    """Column names of `tracker export`."""

    TRACKER = "tracker"
    HAPI = "hapi"


class ReportFormat(StrEnum):
    """Output formats of `tracker validate`, `import` and `log`."""

    TEXT = "text"
    JSON = "json"


SummaryFormat = Annotated[
    ReportFormat,
    typer.Option(
        "--format",
        help="text: the stored figures as a table (log) and a summary on stderr; json: the "
        "summary on stdout, with the Python API's keys (figures, written, report).",
    ),
]


@app.command("log")
@handle_errors
def log_command(
    district: Annotated[
        str, typer.Option(metavar="TEXT", help="District (raion) as the source names it.")
    ],
    source: Annotated[
        str, typer.Option(metavar="TEXT", help="Who said it: ministry, administration, outlet.")
    ],
    oblast: Annotated[
        str | None, typer.Option(metavar="TEXT", help="Oblast (first-level unit).")
    ] = None,
    settlement: Annotated[
        str | None,
        typer.Option(
            metavar="TEXT",
            help="City, town, village or hromada the figure is about; it becomes the "
            "location, and its raion and oblast come from the gazetteer.",
        ),
    ] = None,
    evacuated: Annotated[
        int | None, typer.Option(metavar="N", min=0, help="People evacuated.")
    ] = None,
    remaining: Annotated[
        int | None, typer.Option(metavar="N", min=0, help="People remaining.")
    ] = None,
    to_evacuate: Annotated[
        int | None,
        typer.Option("--to-evacuate", metavar="N", min=0, help="People due to be evacuated."),
    ] = None,
    housed: Annotated[int | None, typer.Option(metavar="N", min=0, help="People housed.")] = None,
    children: Annotated[
        int | None,
        typer.Option(metavar="N", min=0, help="Children among the one count given above."),
    ] = None,
    families: Annotated[
        int | None,
        typer.Option(metavar="N", min=0, help="Families among the one count given above."),
    ] = None,
    programme: Annotated[
        str | None, typer.Option(metavar="TEXT", help="Housing programme, e.g. Shelter.")
    ] = None,
    qualifier: Annotated[Qualifier, typer.Option(help="How the numbers were hedged.")] = (
        Qualifier.EXACT
    ),
    since: Annotated[
        str | None,
        typer.Option(metavar="YYYY-MM-DD", help="Start of a cumulative count, YYYY-MM-DD."),
    ] = None,
    on: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="YYYY-MM-DD",
            help="Day of the figures and of the report, YYYY-MM-DD. Default: today.",
        ),
    ] = None,
    url: Annotated[str | None, typer.Option(metavar="TEXT", help="Where it was said.")] = None,
    note: Annotated[
        str | None, typer.Option(metavar="TEXT", help="A note kept with each figure.")
    ] = None,
    fmt: SummaryFormat = ReportFormat.TEXT,
    db: DbOption = None,
    places: PlacesOption = None,
) -> None:
    """Record one report by hand: one figure per count given.

    Children and families are counted within the one metric given, so
    `--evacuated 436 --children 128` stores people 436 and children 128, both evacuated.

    Example: tracker log --district "Kupiansk" --oblast Kharkiv --evacuated 436
    --children 128 --date 2023-08-10 --source "Kharkiv RMA"
    """
    from tracker.api import log

    target = db_target(db)
    detail(f"store: {target.display}")
    with using_places(places):
        summary = log(
            target,
            district=district,
            source=source,
            evacuated=evacuated,
            remaining=remaining,
            to_evacuate=to_evacuate,
            housed=housed,
            children=children,
            families=families,
            on=parse_date(on, "--date"),
            oblast=oblast,
            settlement=settlement,
            qualifier=qualifier.value,
            since=parse_date(since, "--since"),
            programme=programme,
            url=url,
            note=note,
        )
    if fmt == ReportFormat.JSON:
        echo_json(summary.to_dict())
        return
    print_table(summary.figures.to_dicts(), _LOGGED_COLUMNS)
    written = summary.written
    say(f"stored {written.figures_added} figure(s), {written.figures_skipped} already stored")
    _echo_warnings(summary.report)


_LOGGED_COLUMNS = (
    "figure_id",
    "metric",
    "population_group",
    "value",
    "qualifier",
    "location",
    "admin2_name",
    "admin2_pcode",
    "as_of",
)


@app.command("list")
@handle_errors
def list_command(
    district: Annotated[
        str | None, typer.Option(metavar="TEXT", help="Only this district or settlement.")
    ] = None,
    oblast: Annotated[str | None, typer.Option(metavar="TEXT", help="Only this oblast.")] = None,
    metric: Annotated[Metric | None, typer.Option(help="Only this metric.")] = None,
    date_from: Annotated[
        str | None,
        typer.Option("--from", metavar="YYYY-MM-DD", help="From this day (as_of), YYYY-MM-DD."),
    ] = None,
    date_to: Annotated[
        str | None,
        typer.Option("--to", metavar="YYYY-MM-DD", help="Up to this day (as_of), YYYY-MM-DD."),
    ] = None,
    fmt: Annotated[ListFormat, typer.Option("--format", help="Output format.")] = ListFormat.TABLE,
    limit: Annotated[
        int | None,
        typer.Option("--limit", min=1, metavar="N", help="Only the first N figures."),
    ] = None,
    raw: RawOption = False,
    db: DbOption = None,
) -> None:
    """List stored figures, oldest first.

    A district or oblast the gazetteer does not know, with no figures under that name,
    is a wrong call (exit 2) answered with the closest names.

    Example: tracker list --district Kupiansk --metric evacuated --format csv
    """
    from tracker.api import read_figures

    target = db_target(db)
    detail(f"store: {target.display}")
    frame = read_figures(
        target,
        district=district,
        oblast=oblast,
        metric=metric.value if metric else None,
        date_from=parse_date(date_from, "--from"),
        date_to=parse_date(date_to, "--to"),
    )
    shown = frame if limit is None else frame.head(limit)
    echo_figures(shown, fmt.value, raw=raw)
    if shown.height < frame.height:
        say(f"{shown.height:,} of {frame.height:,} figure(s) (--limit {limit})")
    elif fmt == ListFormat.TABLE:
        say(f"{frame.height:,} figure(s)")


@app.command("import")
@handle_errors
def import_command(
    files: Annotated[
        list[Path],
        typer.Argument(metavar="FILE", hidden=True),
    ],
    fmt: SummaryFormat = ReportFormat.TEXT,
    db: DbOption = None,
    places: PlacesOption = None,
) -> None:
    """Import figures from files: all files are validated, then all are written or none.

    Each FILE is CSV, HXL CSV, Parquet, JSON or JSONL.

    Columns are the figures table's (see schemas/figures.md); figure_id, method,
    recorded_at, period, published_on and place codes may be absent.

    Example: tracker import figures.csv more.parquet --db tracker.db
    """
    from tracker.api import import_files

    target = db_target(db)
    detail(f"store: {target.display}")
    with using_places(places):
        summary = import_files(target, files)
    if fmt == ReportFormat.JSON:
        echo_json(summary.to_dict())
        return
    written = summary.written
    say(
        f"imported {written.figures_added} figure(s) from {len(files)} file(s); "
        f"{written.figures_skipped} already stored"
    )
    _echo_warnings(summary.report)


@app.command("export")
@handle_errors
def export_command(
    fmt: Annotated[ExportFormat, typer.Option("--format", help="File format.")] = ExportFormat.CSV,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="File to write. Default: stdout.", dir_okay=False
        ),
    ] = None,
    profile: Annotated[
        Profile,
        typer.Option(
            "--profile",
            help="Column names: the figures table's, or HDX HAPI's (admin1_code, "
            "admin2_code, location_code, reference_period_start/_end).",
        ),
    ] = Profile.TRACKER,
    datapackage: Annotated[
        bool,
        typer.Option(
            "--datapackage/--no-datapackage",
            help="With --format csv --output: write or update datapackage.json beside the "
            "file (a Frictionless Data Package with its Table Schema).",
        ),
    ] = True,
    raw: RawOption = False,
    db: DbOption = None,
) -> None:
    """Export every stored figure (stdout unless --output; parquet needs --output).

    HXL is CSV with a hashtag row under the header: each column's tag (schemas/figures.md),
    #country+code, #adm3+code and #loc+code, and one #affected+METRIC+GROUP+num column
    per kind of count, so HXL tools never add unlike figures (README, "HXL").

    Example: tracker export --format csv --profile hapi --output exports/figures.csv
    """
    from tracker.contracts import export_schema
    from tracker.datapackage import write_datapackage
    from tracker.store import open_store
    from tracker.tables import write_file

    if fmt == ExportFormat.PARQUET and output is None:
        raise UsageError("--format parquet writes binary data: give --output FILE")
    target = db_target(db)
    if output is not None and target.owns(output):
        raise UsageError(f"--output {output} is the database itself: give another file")
    with open_store(target, read_only=True) as store:
        frame = store.read_figures()
    if output is None:
        echo_figures(frame, fmt.value, raw=raw, profile=profile.value)
        return
    write_file(frame, fmt.value, output, raw=raw, profile=profile.value)
    say(f"wrote {frame.height:,} figure(s) to {output}")
    if fmt == ExportFormat.CSV and datapackage:
        package = write_datapackage(output, export_schema(profile.value))
        say(f"described it in {package}")


@app.command("validate")
@handle_errors
def validate_command(
    files: Annotated[
        list[Path] | None,
        typer.Argument(metavar="FILE", hidden=True),
    ] = None,
    fmt: Annotated[
        ReportFormat, typer.Option("--format", help="Report format.")
    ] = ReportFormat.TEXT,
    db: DbOption = None,
    places: PlacesOption = None,
) -> None:
    """Check files (or the stored figures) and report every failure; write nothing.

    Each FILE is CSV, HXL CSV, Parquet, JSON or JSONL; with none, the stored figures.

    Each failure names the file, line, column, value and rule. Exit 1 when there are
    errors, 0 when there are only warnings.

    Example: tracker validate new-figures.csv --format json
    """
    from tracker.importer import check_files_against, check_stored
    from tracker.store import open_store

    target = db_target(db)
    if files:
        with using_places(places):
            report = check_files_against(files, target)
    else:
        with open_store(target, read_only=True) as store:
            report = check_stored(store)
    echo_report(report, fmt.value)
    if not report.valid:
        raise typer.Exit(1)


def _echo_warnings(report: ValidationReport) -> None:
    if report.warnings:
        say(report_excerpt(report))
