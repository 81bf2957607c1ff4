"""The figures schema: pandera model, parsing and validation (see tracker.validation).

This is the module the rest of the tracker imports; the work is split by noun under
tracker/validation/: report (Failure, ValidationReport), parse, rules (the polars
expressions), figures_model (the pandera model), warning_rules and validate.
"""

from __future__ import annotations

from tracker.validation import (
    Failure,
    FiguresModel,
    Severity,
    ValidationReport,
    figures_schema,
    parse_figures,
    validate_figures,
)

__all__ = [
    "Failure",
    "FiguresModel",
    "Severity",
    "ValidationReport",
    "figures_schema",
    "parse_figures",
    "validate_figures",
]
