"""Evacuation figures tracker: pull, keep, check and show evacuation figures.

The functions below are the API for notebooks and scripts (see the README's "Python API").
`ingest_texts` is not called `ingest`: that name is the module tracker.ingest.

>>> import tracker
>>> sorted(tracker.__all__)[:3]
['InvalidDataError', 'MissingStoreError', 'TrackerError']
"""

from tracker.api import (
    build_report,
    extract_frame,
    import_files,
    ingest_texts,
    log,
    read_figures,
    validate,
)
from tracker.errors import InvalidDataError, MissingStoreError, TrackerError

__version__ = "0.1.0"
__all__ = [
    "InvalidDataError",
    "MissingStoreError",
    "TrackerError",
    "__version__",
    "build_report",
    "extract_frame",
    "import_files",
    "ingest_texts",
    "log",
    "read_figures",
    "validate",
]
