"""Figures tables as files: read CSV, HXL, Parquet, JSON and JSONL; write them back.

Reading returns the raw cells (text for CSV) with two passthrough columns, `_file` and
`_line`, so that every later failure can point at the line a text editor shows. HXL
files are CSV files whose second row holds hashtags; columns are matched by hashtag.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from pathlib import Path

import polars as pl

from tracker.errors import InputFileError, InvalidDataError, MissingInputError, UsageError
from tracker.hxl import DERIVED, HXL_TAGS, column_for_tag, hxl_columns
from tracker.model import COLUMN_NAMES, REQUIRED_COLUMNS
from tracker.profiles import PROFILES, from_hapi, is_hapi, to_hapi

__all__ = [
    "EXPORT_FORMATS",
    "HXL_TAGS",
    "check_columns",
    "neutralise_formulas",
    "read_table",
    "restore_formulas",
    "write_file",
    "write_table",
]

EXPORT_FORMATS: tuple[str, ...] = ("csv", "parquet", "json", "jsonl", "hxl")
# HXL allows rows (a title, notes) above the hashtag row; it is looked for this far down.
_HASHTAG_ROW_SEARCH = 25
_SUFFIX_FORMATS = {
    ".csv": "csv",
    ".hxl": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}


def read_table(path: Path) -> pl.DataFrame:
    """Return the rows of a figures file, with `_file` and `_line` columns added.

    Raises InputFileError when the file is missing, empty, not UTF-8 or not parseable.
    """
    kind = _SUFFIX_FORMATS.get(path.suffix.lower())
    if kind is None:
        known = ", ".join(sorted(_SUFFIX_FORMATS))
        raise InputFileError(f"{path}: unknown file type {path.suffix!r} (expected one of {known})")
    if path.is_dir():
        raise InputFileError(f"{path}: is a folder, not a file")
    if not path.is_file():
        raise MissingInputError(f"{path}: no such file")
    if path.stat().st_size == 0:
        raise InputFileError(f"{path}: the file is empty")
    if kind != "parquet":
        _check_utf8(path)
    try:
        frame = _READERS[kind](path)
    except RecursionError:
        raise InputFileError(f"{path}: cannot read as {kind}: nested too deeply") from None
    except (pl.exceptions.PolarsError, OSError, ValueError) as error:
        where = _csv_problem(path) if kind == "csv" else None
        reason = where or _first_line(error)
        raise InputFileError(f"{path}: cannot read as {kind}: {reason}") from error
    nested = [n for n, t in frame.schema.items() if t.is_nested() or t == pl.Object]
    if nested:
        raise InputFileError(
            f"{path}: column(s) {', '.join(map(repr, nested))} hold lists or records;"
            " a figures file holds one value per cell"
        )
    if frame.height == 0:
        raise InputFileError(f"{path}: the file has a header but no rows")
    if is_hapi(frame):
        frame = from_hapi(frame)
    return frame.with_columns(pl.lit(str(path)).alias("_file"))


def check_columns(frame: pl.DataFrame, source: str) -> None:
    """Raise InvalidDataError if `frame` has unknown columns or lacks required ones."""
    given = [c for c in frame.columns if not c.startswith("_")]
    unknown = [c for c in given if c not in COLUMN_NAMES]
    missing = [c for c in REQUIRED_COLUMNS if c not in given]
    problems = []
    if unknown:
        problems.append(f"unknown column(s) {', '.join(map(repr, unknown))}")
    if missing:
        problems.append(f"missing required column(s) {', '.join(map(repr, missing))}")
    if problems:
        expected = ", ".join(COLUMN_NAMES)
        raise InvalidDataError(f"{source}: {'; '.join(problems)} (columns are: {expected})")


def write_table(
    frame: pl.DataFrame,
    fmt: str,
    target: Path | io.BytesIO,
    *,
    raw: bool = False,
    profile: str = "tracker",
) -> None:
    """Write figures to `target` in format `fmt`, one of EXPORT_FORMATS (HXL: CSV + hashtags),
    with the columns of `profile` (see tracker.profiles).

    CSV and HXL cells that a spreadsheet would run as a formula get a leading `'`
    (see `neutralise_formulas`) unless `raw`; reading the file back removes it.
    """
    if fmt not in EXPORT_FORMATS:
        raise UsageError(f"unknown format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    if profile not in PROFILES:
        raise UsageError(f"unknown profile {profile!r}; choose one of {', '.join(PROFILES)}")
    if profile == "hapi" and fmt == "hxl":
        raise UsageError("the hapi profile names columns, HXL tags them: choose one")
    frame = frame.select(COLUMN_NAMES)
    tags: list[str] = []
    if fmt == "hxl":
        frame, tags = hxl_columns(frame)
    elif profile == "hapi":
        frame = to_hapi(frame)
    if fmt in ("csv", "hxl") and not raw:
        frame = neutralise_formulas(frame)
    if fmt == "parquet":
        frame.write_parquet(target)
    elif fmt == "jsonl":
        frame.write_ndjson(target)
    elif fmt == "json":
        frame.write_json(target)
    elif fmt == "csv":
        frame.write_csv(target, date_format="%Y-%m-%d", datetime_format=_DATETIME_FORMAT)
    else:
        _write_hxl(frame, tags, target)


# OWASP's CSV injection guidance: a cell starting with one of these runs as a formula in
# Excel, LibreOffice or Google Sheets. Quotes before it are counted so that the prefix can
# be undone exactly: writing adds one `'`, reading removes one.
_FORMULA_CELL = r"^'*[=+\-@\t\r]"
_PREFIXED_CELL = r"^'+[=+\-@\t\r]"
_PLAIN_NUMBER = r"^[+-]?[0-9]+(?:\.[0-9]+)?$"


def neutralise_formulas(frame: pl.DataFrame) -> pl.DataFrame:
    """Return `frame` with a `'` before every text cell that starts like a formula
    (`=`, `+`, `-`, `@`, tab or CR, after any quotes), unless it is a plain number."""
    return frame.with_columns(
        pl.when(pl.col(name).str.contains(_FORMULA_CELL))
        .then(
            pl.when(pl.col(name).str.contains(_PLAIN_NUMBER))
            .then(pl.col(name))
            .otherwise(pl.lit("'") + pl.col(name))
        )
        .otherwise(pl.col(name))
        .alias(name)
        for name, dtype in frame.schema.items()
        if dtype == pl.String
    )


def restore_formulas(frame: pl.DataFrame) -> pl.DataFrame:
    """Return `frame` with the `'` that `neutralise_formulas` added removed again."""
    return frame.with_columns(
        pl.when(pl.col(name).str.contains(_PREFIXED_CELL))
        .then(pl.col(name).str.slice(1))
        .otherwise(pl.col(name))
        .alias(name)
        for name, dtype in frame.schema.items()
        if dtype == pl.String and not name.startswith("_")
    )


_DATETIME_FORMAT = "%Y-%m-%dT%H:%M:%S%.6fZ"


def write_file(
    frame: pl.DataFrame, fmt: str, path: Path, *, raw: bool = False, profile: str = "tracker"
) -> None:
    """Write figures to the file at `path` whole or not at all (a temporary file renamed).

    Raises UsageError when the folder does not exist, InputFileError when writing fails
    (a full disk, no permission); the file at `path` is then left as it was.
    """
    if not path.parent.is_dir():
        raise UsageError(f"cannot write {path}: folder {path.parent} does not exist")
    partial: Path | None = None
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        os.close(handle)
        partial = Path(name)
        write_table(frame, fmt, partial, raw=raw, profile=profile)
        partial.replace(path)
    except (OSError, pl.exceptions.PolarsError) as error:
        reason = error.strerror if isinstance(error, OSError) else None
        raise InputFileError(f"cannot write {path}: {reason or error}") from None
    finally:
        if partial is not None:
            partial.unlink(missing_ok=True)


def _write_hxl(frame: pl.DataFrame, tags: list[str], target: Path | io.BytesIO) -> None:
    tag_row = pl.DataFrame([tags], schema=dict.fromkeys(frame.columns, pl.String), orient="row")
    body = frame.with_columns(
        pl.col(c).dt.to_string(_DATETIME_FORMAT)
        for c, t in frame.schema.items()
        if isinstance(t, pl.Datetime)
    ).with_columns(pl.all().cast(pl.String))
    pl.concat([tag_row, body]).write_csv(target)


def _read_csv(path: Path) -> pl.DataFrame:
    frame = pl.read_csv(path, infer_schema=False)
    found = _hashtag_row(frame)
    lined = _with_csv_lines(frame, first_line=2) if found is None else _from_hxl(frame, found)
    # A blank line is no row (polars reads it as one with every cell empty).
    cells = [c for c in lined.columns if not c.startswith("_")]
    return restore_formulas(lined.filter(~pl.all_horizontal(pl.col(cells).is_null())))


def _hashtag_row(frame: pl.DataFrame) -> int | None:
    """Return where the hashtag row is: -1 for the header line itself, else the index of
    the row among the first ones; None when the file is plain CSV."""
    if _is_hashtag_row(tuple(frame.columns)):
        return -1
    for index in range(min(frame.height, _HASHTAG_ROW_SEARCH)):
        if _is_hashtag_row(frame.row(index)):
            return index
    return None


def _csv_problem(path: Path) -> str | None:
    """Return where a CSV file breaks its own shape (a ragged row, an unclosed quote), or
    None when the csv module finds nothing wrong."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, strict=True)
        try:
            header = next(reader)
            start = reader.line_num + 1
            for row in reader:
                if row and len(row) != len(header):
                    return f"line {start} has {len(row)} fields, the header {len(header)}"
                start = reader.line_num + 1
        except csv.Error as error:
            return f"line {start}: {error} (a quote opened there is never closed?)"
    return None


def _is_hashtag_row(row: tuple[object, ...]) -> bool:
    cells = [str(v).strip() for v in row if v is not None and str(v).strip()]
    return bool(cells) and all(c.startswith("#") for c in cells)


def _from_hxl(frame: pl.DataFrame, tag_row: int) -> pl.DataFrame:
    """Return the rows below the hashtag row, each column named by its tag; the columns
    an export only restates are dropped, an unknown tag keeps its header to be reported."""
    if tag_row < 0:
        headers, tags, body = list(frame.columns), list(frame.columns), frame
    else:
        above = frame.row(tag_row - 1) if tag_row > 0 else frame.columns
        headers = [str(v or name) for v, name in zip(above, frame.columns, strict=True)]
        tags = [str(v or "") for v in frame.row(tag_row)]
        body = frame.slice(tag_row + 1)
    names: dict[str, str] = {}
    dropped: list[str] = []
    for column, header, tag in zip(frame.columns, headers, tags, strict=True):
        known = column_for_tag(tag) if tag.strip() else None
        if known == DERIVED:
            dropped.append(column)
        elif known is not None and known not in names.values():
            names[column] = known
        else:
            names[column] = f"{header} ({tag.strip()})" if tag.strip() else header
    # Lines: the header line, the rows above the tags, the tags; then the body.
    return _with_csv_lines(body.drop(dropped).rename(names), first_line=tag_row + 3)


def _with_csv_lines(frame: pl.DataFrame, first_line: int) -> pl.DataFrame:
    # A quoted cell may span lines: count its newlines so that later rows point at
    # the line an editor shows, not at the record number.
    breaks = pl.sum_horizontal(
        pl.col(c).str.count_matches("\n").fill_null(0) for c in frame.columns
    )
    line = pl.int_range(pl.len()) + first_line + breaks.cum_sum().shift(1, fill_value=0)
    return frame.with_columns(line.cast(pl.Int64).alias("_line"))


def _read_parquet(path: Path) -> pl.DataFrame:
    return (
        pl.read_parquet(path)
        .with_row_index("_line", offset=1)
        .with_columns(pl.col("_line").cast(pl.Int64))
    )


def _read_json(path: Path) -> pl.DataFrame:
    records = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(records, dict) and "figures" in records:
        records = records["figures"]
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise ValueError("expected a JSON array of objects (one per figure)")
    return _records_frame(records, lines=list(range(1, len(records) + 1)))


def _read_jsonl(path: Path) -> pl.DataFrame:
    records: list[dict[str, object]] = []
    lines: list[int] = []
    with path.open(encoding="utf-8") as handle:
        for number, text in enumerate(handle, 1):
            if not text.strip():
                continue
            try:
                record = json.loads(text)
            except json.JSONDecodeError as error:
                raise ValueError(f"line {number} is not JSON: {error.msg}") from error
            if not isinstance(record, dict):
                raise ValueError(f"line {number} is not a JSON object")
            records.append(record)
            lines.append(number)
    return _records_frame(records, lines)


def _records_frame(records: list[dict[str, object]], lines: list[int]) -> pl.DataFrame:
    if not records:
        return pl.DataFrame()
    names = list(dict.fromkeys(k for r in records for k in r))
    # Keep every cell as written (text) so that the parser reports bad values itself.
    columns = {n: [None if r.get(n) is None else _as_text(r[n]) for r in records] for n in names}
    frame = pl.DataFrame(columns, schema=dict.fromkeys(names, pl.String))
    return frame.with_columns(pl.Series("_line", lines, dtype=pl.Int64))


def _as_text(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value)


_READERS = {"csv": _read_csv, "parquet": _read_parquet, "json": _read_json, "jsonl": _read_jsonl}


def _check_utf8(path: Path) -> None:
    data = path.read_bytes()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InputFileError(
            f"{path}:{line}: not UTF-8 text (byte 0x{data[error.start]:02x} at offset "
            f"{error.start}); save the file as UTF-8 and try again"
        ) from error


def _first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]
