"""The `tracker schema` commands: the published contracts of the figures table."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tracker.cli.app import app
from tracker.cli.common import handle_errors
from tracker.cli.output import say

__all__ = ["export_command", "schema_app"]

DEFAULT_OUT = Path("schemas")

schema_app = typer.Typer(
    help="The contracts of the figures table.\n\nExample: tracker schema export --out schemas",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(schema_app, name="schema")


@schema_app.command("export")
@handle_errors
def export_command(
    out: Annotated[
        Path,
        typer.Option(
            "--out", file_okay=False, metavar="DIR", help="Folder to write the contracts into."
        ),
    ] = DEFAULT_OUT,
) -> None:
    """Write the data dictionary (figures.md) and the Table Schema (figures.schema.json).

    Both are generated from the table's declarations; commit them after a change.

    Example: tracker schema export --out schemas
    """
    from tracker.contracts import write_contracts

    for path in write_contracts(out):
        say(f"wrote {path}")
