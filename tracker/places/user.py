"""User gazetteers: CSV files that add units (another country's common operational dataset).

Two layouts are read:

- the gazetteer's own columns: `name`, `level` (admin1, admin2, admin3, city, ...) and
  optionally `code`, `pcode`, `parent` (the code or P-code of the containing unit, in the
  same file or the packaged gazetteer), `country`, `native`, `aliases` (`|`-separated);
- the COD-AB layout of HDX (`ADM1_EN`, `ADM1_PCODE`, `ADM2_EN`, `ADM2_PCODE`, ... and
  optionally `ADM0_PCODE`): one row per lowest unit, parents repeated on every row.

`tracker places add FILE` copies a checked file into the places directory: $TRACKER_PLACES_DIR,
else $XDG_DATA_HOME/tracker/places, else ~/.local/share/tracker/places. Every CSV there is
loaded with the packaged gazetteer.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
from pathlib import Path

from tracker.errors import InputFileError, MissingInputError
from tracker.places.gazetteer import LEVELS, Gazetteer

__all__ = [
    "add_places_file",
    "parse_user_gazetteer",
    "places_dir",
    "read_user_gazetteer",
    "user_files",
]

_COD_COLUMN = re.compile(r"^ADM([1-4])_(EN|PCODE)$", re.IGNORECASE)


def places_dir() -> Path:
    """Return the directory holding the user's gazetteer CSV files (it may not exist yet)."""
    if configured := os.environ.get("TRACKER_PLACES_DIR"):
        return Path(configured)
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "tracker" / "places"


def user_files() -> list[Path]:
    """Return the CSV files in the places directory, sorted by name; InputFileError when
    the folder cannot be read."""
    folder = places_dir()
    try:
        return sorted(folder.glob("*.csv")) if folder.is_dir() else []
    except OSError as error:
        raise InputFileError(f"cannot read the places folder {folder}: {error.strerror}") from None


def add_places_file(path: Path) -> tuple[Path, int]:
    """Check the gazetteer CSV at `path`, copy it into the places directory, and return
    (where it was copied, how many units it holds)."""
    if path.suffix.lower() != ".csv":
        raise InputFileError(
            f"{path}: a gazetteer is a .csv file (the places folder is read for *.csv only)"
        )
    units = len(read_user_gazetteer(path).units)
    folder = places_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / path.name
    shutil.copyfile(path, target)
    return target, units


def read_user_gazetteer(path: Path) -> Gazetteer:
    """Return the units of a gazetteer CSV; InputFileError says what is wrong with it."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise MissingInputError(f"{path}: no such file") from None
    except UnicodeDecodeError as error:
        raise InputFileError(f"{path}: not a UTF-8 CSV file ({error})") from None
    return parse_user_gazetteer(text, path)


def parse_user_gazetteer(text: str, origin: Path) -> Gazetteer:
    """Return the units of a gazetteer CSV's text; `origin` names it in messages and codes."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    records: list[dict[str, str]] = []
    try:
        for record in reader:
            if None in record:  # more cells than the header names
                extra = len(record[None])
                raise InputFileError(
                    f"{origin}, line {reader.line_num}: {extra} field(s) more than the header has"
                )
            records.append(record)
    except csv.Error as error:
        raise InputFileError(
            f"{origin}, line {reader.line_num}: cannot read as CSV ({error})"
        ) from None
    if not records:
        raise InputFileError(f"{origin}: no rows")
    columns = set(records[0])
    if any(_COD_COLUMN.match(c) for c in columns):
        rows = _from_cod(records)
    else:
        rows = [_checked(origin, line, r) for line, r in enumerate(records, start=2)]
    return Gazetteer.from_rows(rows)


def _checked(path: Path, line: int, record: dict[str, str]) -> dict[str, str]:
    row = {k.strip().lower(): (v or "").strip() for k, v in record.items() if k}
    missing = [c for c in ("name", "level") if not row.get(c)]
    if missing:
        raise InputFileError(f"{path}, line {line}: missing {', '.join(missing)}")
    if row["level"] not in LEVELS:
        raise InputFileError(
            f"{path}, line {line}: level {row['level']!r} is not one of {', '.join(LEVELS)}"
        )
    row["code"] = row.get("code") or row.get("pcode") or f"{path.stem}:{line}"
    row["keys"] = ""
    return row


def _from_cod(records: list[dict[str, str]]) -> list[dict[str, str]]:
    """Return one gazetteer row per distinct unit named in a COD-AB table."""
    units: dict[str, dict[str, str]] = {}
    for record in records:
        row = {k.strip().upper(): (v or "").strip() for k, v in record.items() if k}
        country = row.get("ADM0_PCODE", "")[:2]
        parent = ""
        for depth in range(1, 5):
            name, pcode = row.get(f"ADM{depth}_EN"), row.get(f"ADM{depth}_PCODE")
            if not name or not pcode:
                break
            units.setdefault(
                pcode,
                {
                    "code": pcode,
                    "pcode": pcode,
                    "level": f"admin{min(depth, 3)}",
                    "name": name,
                    "parent": parent,
                    "country": country or pcode[:2],
                },
            )
            parent = pcode
    return list(units.values())
