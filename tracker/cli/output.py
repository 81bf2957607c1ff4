"""Formatting of figures and validation reports for the terminal."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    import polars as pl

    from tracker.schema import ValidationReport

_messages = {"quiet": False, "verbose": False}


def configure_messages(*, quiet: bool, verbose: bool) -> None:
    """Set how much `say` and `detail` print for this run (the --quiet/--verbose options)."""
    _messages.update(quiet=quiet, verbose=verbose)


def say(message: str) -> None:
    """Print a message (a summary, a note) on stderr, unless --quiet."""
    if not _messages["quiet"]:
        typer.echo(message, err=True)


def detail(message: str) -> None:
    """Print a message on stderr only with --verbose."""
    if _messages["verbose"]:
        typer.echo(message, err=True)


def echo_json(data: object) -> None:
    """Print JSON-ready data on stdout, indented, UTF-8 as is."""
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False, default=_json_default))


def _json_default(value: object) -> object:
    """Return dates as YYYY-MM-DD, datetimes as ISO 8601, paths as text."""
    from datetime import date, datetime
    from pathlib import PurePath

    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, PurePath):
        return str(value)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


TABLE_COLUMNS = (
    "as_of",
    "location",
    "admin2_name",
    "metric",
    "population_group",
    "qualifier",
    "value",
    "source_name",
    "figure_id",
)


def print_table(
    rows: Sequence[dict[str, object]],
    columns: Sequence[str],
    *,
    widths: dict[str, int] | None = None,
) -> None:
    """Print rows as an aligned table on stdout: the one table printer of every command.

    Cells are cut at 40 characters (or `widths[column]`) with `…`, whole numbers get
    thousands separators and sit right, control characters are escaped. On a terminal
    the widest columns are narrowed to fit it and the header is bold (unless NO_COLOR).
    The table is drawn here, not by rich: rich took 0.63 s for a district's 750 rows, this
    0.013 s (benchmarks/bench_table.py).
    """
    limits = widths or {}
    cells = [[_cell(row.get(c), limits.get(c, _CELL_WIDTH)) for c in columns] for row in rows]
    numeric = [all(_is_count(row.get(c)) for row in rows) for c in columns]
    sizes = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
    terminal = sys.stdout.isatty()
    if terminal:
        sizes = _fitted(sizes, shutil.get_terminal_size().columns, numeric)
    header = _line(list(columns), sizes, [False] * len(columns))
    bold = terminal and not os.environ.get("NO_COLOR")
    lines = [f"\x1b[1m{header}\x1b[0m" if bold else header, "-" * len(header)]
    lines += [_line(row, sizes, numeric) for row in cells]
    sys.stdout.write("".join(f"{line}\n" for line in lines))
    sys.stdout.flush()


_CELL_WIDTH = 40
_MIN_WIDTH = 6
# Line breaks and runs of spaces become one space; other control characters are escaped.
_SPACES = re.compile("[ \n]+")


def _line(cells: Sequence[str], sizes: Sequence[int], right: Sequence[bool]) -> str:
    """Return one table line: cells padded (or cut) to their column's size."""
    parts = [
        _fit(cell, size).rjust(size) if flush else _fit(cell, size).ljust(size)
        for cell, size, flush in zip(cells, sizes, right, strict=True)
    ]
    return "  ".join(parts).rstrip()


def _fit(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def _fitted(sizes: list[int], width: int, numeric: Sequence[bool]) -> list[int]:
    """Return column sizes narrowed, widest text column first, until a line fits `width`."""
    sizes = list(sizes)
    while sum(sizes) + 2 * (len(sizes) - 1) > width:
        text_columns = [i for i, n in enumerate(numeric) if not n and sizes[i] > _MIN_WIDTH]
        if not text_columns:
            break
        widest = max(text_columns, key=lambda i: sizes[i])
        sizes[widest] -= 1
    return sizes


def _is_count(value: object) -> bool:
    return value is None or (isinstance(value, int) and not isinstance(value, bool))


# Control characters (ESC can rewrite a terminal's screen, CR overwrite a line) and bidi
# controls (which reorder what follows) are shown as escapes, never sent to the terminal.
_UNSAFE_IN_TERMINAL = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """Return `text` with control and bidi characters written as escapes (\\x1b, \\u202e)."""
    return _UNSAFE_IN_TERMINAL.sub(_escaped, text)


def _cell(value: object, width: int = _CELL_WIDTH) -> str:
    """Return a value as one table cell: on one line, escaped, cut at `width` with `…`."""
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    text = terminal_safe(_SPACES.sub(" ", "" if value is None else str(value)).strip(" "))
    return text if len(text) <= width else text[: width - 1] + "…"


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def echo_figures(
    frame: pl.DataFrame, fmt: str, *, raw: bool = False, profile: str = "tracker"
) -> None:
    """Print figures as table, csv, json or jsonl on stdout (CSV cells that would run as
    spreadsheet formulas get a leading `'` unless `raw`)."""
    if fmt == "table":
        print_table(frame.to_dicts(), TABLE_COLUMNS)
        return
    from tracker.tables import write_table

    buffer = io.BytesIO()
    write_table(frame, fmt, buffer, raw=raw, profile=profile)
    sys.stdout.write(buffer.getvalue().decode("utf-8"))
    sys.stdout.flush()


# A million-row import can fail on every row: show the first failures, then count the rest.
SHOWN_FAILURES = 50


def report_excerpt(report: ValidationReport, limit: int = SHOWN_FAILURES) -> str:
    """Return the first `limit` failures, a line counting the rest, and the summary line."""
    lines = [failure.to_text() for failure in report.failures[:limit]]
    hidden = len(report.failures) - limit
    if hidden > 0:
        lines.append(f"... and {hidden} more (tracker validate FILE --format json lists them all)")
    return "\n".join([*lines, report.summary()])


def echo_report(report: ValidationReport, fmt: str) -> None:
    """Print a validation report as text (stderr lines) or JSON (stdout)."""
    if fmt == "json":
        typer.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        typer.echo(report.to_text())
