"""What validation found: one Failure per bad cell or row, gathered in a ValidationReport.

A failed validation is a value, not a crash: callers print the report, store nothing
when it has errors, and go on.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    import polars as pl

__all__ = ["EMPTY_VALUE_RULE", "FAILURE_COLUMNS", "Failure", "Severity", "ValidationReport"]

Severity = Literal["error", "warning"]

# The rule of a required cell left empty; a cell that failed to parse is also empty
# afterwards, and `merged` keeps only the parse failure for it.
EMPTY_VALUE_RULE = "must not be empty"

# The columns of `ValidationReport.to_frame()`: a Failure's fields.
FAILURE_COLUMNS: tuple[str, ...] = ("severity", "rule", "column", "value", "row", "file", "line")


@dataclass(frozen=True)
class Failure:
    """One broken rule: where (file/line or row, column), the value as written, and why."""

    severity: Severity
    rule: str
    column: str | None = None
    value: str | None = None
    row: int | None = None
    file: str | None = None
    line: int | None = None

    def to_text(self) -> str:
        """Return the failure as one line: `file:line: column 'c' = 'v': rule [severity]`."""
        parts = [p for p in (self._place(), self._cell()) if p]
        prefix = ": ".join(parts)
        body = f"{self.rule} [{self.severity}]"
        return f"{prefix}: {body}" if prefix else body

    def _place(self) -> str:
        if self.file is not None and self.line is not None:
            return f"{self.file}:{self.line}"
        if self.file is not None:
            return self.file
        if self.row is not None:
            # `row` counts from 0 like the frame; people count rows from 1.
            return f"row {self.row + 1}"
        return ""

    def _cell(self) -> str:
        if self.column is None:
            return ""
        if self.value is None:
            return f"column '{self.column}'"
        return f"column '{self.column}' = '{self.value}'"

    def _cell_key(self) -> tuple[str | None, int | None, str | None]:
        # Rows are numbered per frame, lines per file: prefer the file's numbering.
        if self.line is not None:
            return (self.file, self.line, self.column)
        return (None, self.row, self.column)


@dataclass
class ValidationReport:
    """Every failure found in `rows` rows; `valid` when none of them is an error."""

    failures: list[Failure] = field(default_factory=list)
    rows: int = 0

    @property
    def errors(self) -> list[Failure]:
        """Return the failures that block a write."""
        return [f for f in self.failures if f.severity == "error"]

    @property
    def warnings(self) -> list[Failure]:
        """Return the failures that are reported but do not block a write."""
        return [f for f in self.failures if f.severity == "warning"]

    @property
    def valid(self) -> bool:
        """Return True when there is no error (warnings allowed)."""
        return not any(f.severity == "error" for f in self.failures)

    def summary(self) -> str:
        """Return the summary line: `N rows checked: E errors, W warnings`."""
        return f"{self.rows} rows checked: {len(self.errors)} errors, {len(self.warnings)} warnings"

    def to_text(self) -> str:
        """Return one line per failure, then the summary line."""
        return "\n".join([*(f.to_text() for f in self.failures), self.summary()])

    def to_dict(self) -> dict[str, Any]:
        """Return the report as JSON-ready data (for `--format json`)."""
        return {
            "valid": self.valid,
            "rows": self.rows,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "failures": [asdict(f) for f in self.failures],
        }

    def to_frame(self) -> pl.DataFrame:
        """Return one row per failure (FAILURE_COLUMNS), errors and warnings alike."""
        import polars as pl

        schema = {name: pl.String() for name in FAILURE_COLUMNS} | {
            "row": pl.Int64(),
            "line": pl.Int64(),
        }
        rows = [asdict(failure) for failure in self.failures]
        return pl.DataFrame(rows, schema=schema, orient="row")

    def merged(self, other: ValidationReport) -> ValidationReport:
        """Return one report with the failures of both and the sum of their rows.

        An empty-cell error in `other` is dropped when this report already has an error
        for the same cell: a cell that failed to parse is empty afterwards, and one
        message about it is enough.
        """
        broken_cells = {f._cell_key() for f in self.failures if f.severity == "error"}
        kept = [
            f
            for f in other.failures
            if not (f.rule == EMPTY_VALUE_RULE and f._cell_key() in broken_cells)
        ]
        return ValidationReport([*self.failures, *kept], self.rows + other.rows)
