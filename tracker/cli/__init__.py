"""The command-line tool: parses arguments, calls the library, formats output.

Each command group lives in its own module and registers itself on `app` when imported.
"""

from __future__ import annotations

# Imported for their side effect: each module registers its commands on `app`.
from tracker.cli import (
    extract,  # noqa: F401  (extract, ingest)
    figures,  # noqa: F401  (log, list, import, export, validate)
    places,  # noqa: F401  (places resolve, list, add)
    report,  # noqa: F401  (report)
    schema,  # noqa: F401  (schema export)
)
from tracker.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    """Run the tracker command-line tool."""
    from tracker.cli.imports import hide_unused_packages

    hide_unused_packages()
    app()
