"""Validation of figures: parsing raw cells, the pandera model, and the report of failures."""

from __future__ import annotations

from tracker.validation.figures_model import FiguresModel, figures_schema
from tracker.validation.parse import parse_figures
from tracker.validation.report import Failure, Severity, ValidationReport
from tracker.validation.validate import validate_figures

__all__ = [
    "Failure",
    "FiguresModel",
    "Severity",
    "ValidationReport",
    "figures_schema",
    "parse_figures",
    "validate_figures",
]
