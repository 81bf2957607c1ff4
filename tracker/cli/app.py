"""The Typer application every command group registers on."""

from __future__ import annotations

import typer

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
