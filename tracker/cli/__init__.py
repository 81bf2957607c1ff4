"""The command-line tool: parses arguments, calls the library, formats output.

Each command group lives in its own module and registers itself on `app` when imported.
"""

from __future__ import annotations

import tracker.cli.extract  # noqa: F401  (registers extract, ingest)
from tracker.cli import (
    figures,  # noqa: F401  (registers log, list, import, export, validate)
    places,  # noqa: F401  (registers places resolve, list, add)
    report,  # noqa: F401  (registers report)
    schema,  # noqa: F401  (registers schema export)
)
from tracker.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    """Run the tracker command-line tool."""
    app()
