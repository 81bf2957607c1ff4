"""The Typer application every command group registers on, with the options of them all."""

from __future__ import annotations

from typing import Annotated

import typer

from tracker.cli.output import configure_messages

app = typer.Typer(
    name="tracker",
    help=(
        "Pull, keep, check and show evacuation figures.\n\n"
        "Example: tracker ingest seeds/ && tracker report"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _print_version(value: bool) -> None:
    if value:
        from tracker import __version__

        typer.echo(f"tracker {__version__}")
        raise typer.Exit(0)


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_print_version,
            is_eager=True,
            help="Print the version and exit.",
        ),
    ] = False,
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q", help="Print only data and errors: no summaries or notes."),
    ] = False,
    verbose: Annotated[
        bool,
        typer.Option("--verbose", "-v", help="Also say which store and files are used."),
    ] = False,
) -> None:
    """Pull, keep, check and show evacuation figures.

    Data goes to stdout, messages to stderr. Example: tracker ingest seeds/ && tracker report
    """
    configure_messages(quiet=quiet, verbose=verbose and not quiet)
