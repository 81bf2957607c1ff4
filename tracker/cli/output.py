"""Formatting of figures and validation reports for the terminal."""

from __future__ import annotations

import io
import json
import re
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    import polars as pl

    from tracker.schema import ValidationReport

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


def text_table(rows: Sequence[dict[str, object]], columns: Sequence[str]) -> str:
    """Return rows as a plain aligned text table with a header line."""
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip()]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    return "\n".join(lines)


# Control characters (ESC can rewrite a terminal's screen, CR overwrite a line) and bidi
# controls (which reorder what follows) are shown as escapes, never sent to the terminal.
_UNSAFE_IN_TERMINAL = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """Return `text` with control and bidi characters written as escapes (\\x1b, \\u202e)."""
    return _UNSAFE_IN_TERMINAL.sub(_escaped, text)


def _cell(value: object) -> str:
    text = terminal_safe(("" if value is None else str(value)).replace("\n", " "))
    return text if len(text) <= 40 else text[:39] + "…"


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def echo_figures(
    frame: pl.DataFrame, fmt: str, *, raw: bool = False, profile: str = "tracker"
) -> None:
    """Print figures as table, csv, json or jsonl on stdout (CSV cells that would run as
    spreadsheet formulas get a leading `'` unless `raw`)."""
    if fmt == "table":
        typer.echo(text_table(frame.to_dicts(), TABLE_COLUMNS))
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
