"""The errors the library raises; the CLI turns each into a message and an exit code."""

from __future__ import annotations

__all__ = [
    "InputFileError",
    "InvalidDataError",
    "MissingInputError",
    "MissingStoreError",
    "StoreError",
    "TrackerError",
    "UnknownFilterError",
    "UnknownPlaceError",
    "UsageError",
]


class TrackerError(Exception):
    """Base of every error the tracker raises on purpose."""

    exit_code = 1


class UsageError(TrackerError):
    """The call itself is wrong: an option value, a missing argument, a bad combination."""

    exit_code = 2


class MissingStoreError(UsageError):
    """A command that only reads was pointed at a database that does not exist or is empty."""


class InputFileError(TrackerError):
    """A file cannot be read: missing, unreadable, not UTF-8, or not in the expected format."""


class InvalidDataError(TrackerError):
    """Rows failed validation; `report` holds every failure (a ValidationReport)."""

    def __init__(self, message: str, report: object | None = None) -> None:
        super().__init__(message)
        self.report = report


class MissingInputError(InputFileError):
    """An input file or folder named on the call does not exist: a wrong call, exit 2."""

    exit_code = 2


class UnknownFilterError(UsageError):
    """A filter names a place that nothing matches; `suggestions` holds the closest names."""

    def __init__(self, message: str, suggestions: list[str] | None = None) -> None:
        super().__init__(message)
        self.suggestions = suggestions or []


class StoreError(TrackerError):
    """The database cannot be opened or written (not SQLite, locked, newer schema)."""


class UnknownPlaceError(TrackerError):
    """A place name matches no unit of the gazetteer; `suggestions` holds the closest names."""

    def __init__(self, message: str, suggestions: list[str] | None = None) -> None:
        super().__init__(message)
        self.suggestions = suggestions or []
