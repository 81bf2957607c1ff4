"""Options shared by several commands, and the one place that turns errors into exits."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Annotated, ParamSpec, TypeVar

import typer

from tracker.errors import TrackerError, UsageError

if TYPE_CHECKING:
    from tracker.store.target import StoreTarget

P = ParamSpec("P")
R = TypeVar("R")

DEFAULT_DB = "tracker.db"


def default_db() -> str:
    """Return the store used when --db is not given: $TRACKER_DB, else ./tracker.db."""
    return os.environ.get("TRACKER_DB") or DEFAULT_DB


def default_db_given() -> bool:
    """Return whether $TRACKER_DB names a store."""
    return bool(os.environ.get("TRACKER_DB"))


DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        metavar="PATH|URL",
        help="SQLite file (created on first use) or postgresql://user@host:port/dbname. "
        "Default: $TRACKER_DB, else ./tracker.db.",
    ),
]


def db_target(db: str | None) -> StoreTarget:
    """Return the store the user asked for (a SQLite path or a PostgreSQL URL), or the default."""
    from tracker.store.target import store_target

    return store_target(db if db is not None else default_db())


def fail(message: str, code: int) -> typer.Exit:
    """Print `message` on stderr and return the Exit to raise with `code`."""
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def handle_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Wrap a command so that a TrackerError becomes a message on stderr and its exit code."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except TrackerError as error:
            report = getattr(error, "report", None)
            if report is not None:
                from tracker.cli.output import report_excerpt

                typer.echo(report_excerpt(report), err=True)
            typer.echo(f"error: {error}", err=True)
            suggestions = getattr(error, "suggestions", None)
            if suggestions:
                typer.echo("did you mean: " + ", ".join(suggestions) + "?", err=True)
            raise typer.Exit(error.exit_code) from None
        except BrokenPipeError:
            # Output piped into `head` and closed early: not an error worth a traceback.
            sys.stderr.close()
            raise typer.Exit(0) from None
        finally:
            _warn_about_skipped_places()

    return wrapper


def _warn_about_skipped_places() -> None:
    """Say which files of the places folder were skipped, if this command read places."""
    if "tracker.places.api" not in sys.modules or sys.stderr.closed:
        return  # no place was resolved: nothing to say, and no import to pay for
    from tracker.places import skipped_user_files

    for problem in skipped_user_files():
        typer.echo(f"warning: {problem}", err=True)


def parse_date(text: str | None, option: str) -> date | None:
    """Return the date written YYYY-MM-DD, None for None; UsageError naming `option` if bad."""
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{option} {text!r} is not a date written YYYY-MM-DD") from None
