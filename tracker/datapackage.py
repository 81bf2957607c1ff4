"""A Frictionless Data Package (datapackage.json) describing CSV exports beside it.

Each CSV file written by `tracker export` is one resource, with the Table Schema of its
profile; exporting another file into the same folder adds its resource and keeps the
others, so one datapackage.json describes the folder.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tracker.errors import InputFileError

__all__ = ["DATAPACKAGE_NAME", "write_datapackage"]

DATAPACKAGE_NAME = "datapackage.json"


def write_datapackage(data_file: Path, schema: dict[str, Any]) -> Path:
    """Write (or update) the datapackage.json beside `data_file`, a CSV export whose
    columns `schema` describes; return the datapackage's path.

    A datapackage.json that is not a Data Package (unreadable, no resource list) raises
    InputFileError and is left untouched.
    """
    path = data_file.parent / DATAPACKAGE_NAME
    package = _existing(path)
    resource = {
        "name": _resource_name(data_file),
        "path": data_file.name,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    }
    others = [r for r in package["resources"] if r.get("path") != data_file.name]
    package["resources"] = sorted([*others, resource], key=lambda r: str(r.get("path")))
    text = json.dumps(package, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    try:
        path.write_text(text, encoding="utf-8", newline="\n")
    except OSError as error:
        raise InputFileError(f"cannot write {path}: {error.strerror or error}") from None
    return path


def _existing(path: Path) -> dict[str, Any]:
    """Return the Data Package already at `path`, or a new empty one."""
    if not path.exists():
        return {
            "name": "evacuation-figures",
            "title": "Evacuation figures exported by the tracker",
            "profile": "tabular-data-package",
            "resources": [],
        }
    try:
        package = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputFileError(f"{path}: not a readable Data Package ({error})") from None
    if not isinstance(package, dict) or not isinstance(package.get("resources"), list):
        raise InputFileError(f"{path}: not a Data Package (no 'resources' list); left as it was")
    return package


def _resource_name(data_file: Path) -> str:
    """Return a resource name Frictionless accepts: lower case, digits, `-._`."""
    allowed = "abcdefghijklmnopqrstuvwxyz0123456789-._"
    name = "".join(c if c in allowed else "-" for c in data_file.stem.lower())
    return name.strip("-") or "figures"
