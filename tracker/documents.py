"""Report documents: read them from text files, directories, stdin or JSONL, and name them.

A document has two names, because they serve two different readers:

- `doc_id` is the sha256 of the normalised text (NFC, runs of whitespace collapsed to one
  space, stripped). It is what the store keeps: the same text always gets the same id,
  whoever published it and whatever the file was called, so ingesting it again adds nothing.
- `key` is what a person (or the scorer) recognises: the JSONL line's `id`, else the path
  of the file as found (`-` for stdin). `tracker extract` prints it as `doc_id`, as the
  extraction issue asks.

Text files may start with front matter that carries what the text itself cannot::

    ---
    published: 2025-10-14
    source: Kharkiv Regional Military Administration
    url: https://example.org/news/1
    title: Evacuation from Kupiansk district continues
    ---

Blank lines and lines starting with `#` inside it are comments. Evidence offsets are
counted in the text after the front matter. This module imports no heavy library, so
that `tracker extract --format jsonl` starts fast.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from tracker.errors import InputFileError, MissingInputError, UsageError

__all__ = [
    "FRONT_MATTER_KEYS",
    "MAX_DOCUMENT_BYTES",
    "STDIN",
    "STDIN_NAME",
    "TEXT_SUFFIXES",
    "Document",
    "document_id",
    "normalise_text",
    "parse_date",
    "read_documents",
    "require_published",
    "with_overrides",
]

STDIN = "-"
STDIN_NAME = "<stdin>"
TEXT_SUFFIXES: tuple[str, ...] = (".txt", ".md")
FRONT_MATTER_KEYS: tuple[str, ...] = ("published", "source", "url", "title")
_FENCE = "---"
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Document:
    """One report text with what is known about where it came from.

    `key` is the name shown to people (the JSONL `id`, else the path); `origin` is where
    it was read, for messages (`file` or `file:line`); `file` is the file it came from.
    The storage id is `doc_id` (see the module docstring).
    """

    key: str
    text: str
    origin: str
    file: str
    published: date | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None

    @property
    def doc_id(self) -> str:
        """Return the storage id: the sha256 of the normalised text."""
        return document_id(self.text)

    @property
    def source_name(self) -> str:
        """Return who published it: the given source, else the URL's host, else the file name."""
        if self.source:
            return self.source
        host = urlsplit(self.url).hostname if self.url else None
        return host or Path(self.file).name


def normalise_text(text: str) -> str:
    """Return `text` in NFC with whitespace runs collapsed to one space, stripped."""
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def document_id(text: str) -> str:
    """Return the hex sha256 of the normalised text: the id under which a text is stored."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


def parse_date(value: str, where: str) -> date:
    """Return the date written as YYYY-MM-DD (a trailing time is ignored).

    Raises InputFileError naming `where` when it is not a real date.
    """
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise InputFileError(f"{where}: {value!r} is not a date (use YYYY-MM-DD)") from None


# Reading is linear in the text, about 0.6 MB a second: a larger document is more likely
# a mistake (a database dump, a binary) than a report, and is refused, not cut.
MAX_DOCUMENT_BYTES = 5_000_000


def read_documents(
    paths: Iterable[str | Path],
    *,
    stdin: BinaryIO | None = None,
    max_bytes: int = MAX_DOCUMENT_BYTES,
) -> list[Document]:
    """Return every document named by `paths`, in order.

    A path is a text file, a directory (its *.txt and *.md files, recursively, sorted), a
    `.jsonl` file of {"id", "text", "published", "url"?, "source"?, "title"?} lines, or `-`
    for `stdin`. Raises InputFileError for a missing file, bytes that are not UTF-8, a bad
    JSONL line or front matter, an empty text, a text over `max_bytes` (UTF-8), or when
    nothing is found at all.
    """
    documents: list[Document] = []
    for path in paths:
        documents.extend(_read_path(str(path), stdin))
    if not documents:
        raise InputFileError("no documents to read: the input is empty")
    for document in documents:
        size = len(document.text.encode("utf-8", "surrogatepass"))
        if size > max_bytes:
            raise InputFileError(
                f"{document.origin}: {size:,} bytes of text, over the limit of {max_bytes:,} "
                "per document; nothing was read (--max-bytes raises the limit)"
            )
    return documents


def with_overrides(
    documents: Iterable[Document], *, published: date | None = None, source: str | None = None
) -> list[Document]:
    """Return the documents with the publication date and source the user gave on the command
    line put in place of their own (an explicit option beats the file's metadata)."""
    return [
        replace(d, published=published or d.published, source=source or d.source) for d in documents
    ]


def require_published(documents: Iterable[Document]) -> None:
    """Return nothing when every document has a publication date.

    Raises InputFileError naming the first document that has none, and saying how to give one.
    """
    for document in documents:
        if document.published is None:
            raise InputFileError(
                f"{document.origin}: no publication date; give --published YYYY-MM-DD, "
                "a 'published' field on the JSONL line, or front matter "
                "('---', 'published: YYYY-MM-DD', '---') at the top of the file"
            )


def _read_path(path: str, stdin: BinaryIO | None) -> Iterator[Document]:
    if path == STDIN:
        if stdin is None:
            raise UsageError("'-' reads standard input, which is not available here")
        yield _text_document(STDIN_NAME, _decode(stdin.read(), STDIN_NAME))
        return
    found = Path(path)
    if found.is_dir():
        files = sorted(
            p for p in found.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES
        )
        if not files:
            raise InputFileError(f"{path}: no *.txt or *.md files in this directory")
        for file in files:
            yield _text_document(str(file), _read_text(file))
    elif found.suffix.lower() == ".jsonl":
        yield from _jsonl_documents(path, _read_text(found))
    else:
        yield _text_document(path, _read_text(found))


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise MissingInputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputFileError(f"{path}: is a directory") from None
    except OSError as error:
        raise InputFileError(f"{path}: cannot be read ({error.strerror})") from None
    return _decode(data, str(path))


def _decode(data: bytes, where: str) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputFileError(
            f"{where}: not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start}); "
            "convert it, e.g. iconv -f cp1251 -t utf-8"
        ) from None
    return text.removeprefix("\ufeff")


def _text_document(key: str, raw: str) -> Document:
    meta, text = _split_front_matter(raw, key)
    if not text.strip():
        raise InputFileError(f"{key}: the text is empty")
    published = parse_date(meta["published"], f"{key}: published") if "published" in meta else None
    return Document(
        key=key,
        text=text,
        origin=key,
        file=key,
        published=published,
        source=meta.get("source") or None,
        url=meta.get("url") or None,
        title=meta.get("title") or None,
    )


def _split_front_matter(raw: str, where: str) -> tuple[dict[str, str], str]:
    """Return the front matter's fields and the text after it (the whole text if none)."""
    lines = raw.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != _FENCE:
        return {}, raw
    meta: dict[str, str] = {}
    consumed = len(lines[0])
    for number, line in enumerate(lines[1:], start=2):
        consumed += len(line)
        stripped = line.strip()
        if stripped == _FENCE:
            return meta, raw[consumed:]
        if not stripped or stripped.startswith("#"):
            continue
        name, colon, value = stripped.partition(":")
        name = name.strip().lower()
        if not colon or name not in FRONT_MATTER_KEYS:
            raise InputFileError(
                f"{where}:{number}: front matter line {stripped!r} is not one of "
                + ", ".join(f"'{k}: ...'" for k in FRONT_MATTER_KEYS)
            )
        meta[name] = value.strip().strip("\"'")
    raise InputFileError(f"{where}: front matter opened with '---' on line 1 is never closed")


def _jsonl_documents(path: str, content: str) -> Iterator[Document]:
    # Lines end at "\n" only: JSON strings may hold U+2028 or U+0085, which splitlines()
    # would also split on.
    for number, line in enumerate(content.split("\n"), start=1):
        if line.strip():
            yield _jsonl_document(line, path, f"{path}:{number}")


def _refuse_lone_surrogates(record: dict[str, object], where: str) -> None:
    """Raise InputFileError when a string of the record holds a lone surrogate escape
    ("\\ud800"): valid JSON, but no character that text can hold."""
    for field, value in record.items():
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as error:
                raise InputFileError(
                    f"{where}: {field!r} holds a lone surrogate escape at character "
                    f"{error.start} (\\u{ord(value[error.start]):04x}), which is no character"
                ) from None


def _jsonl_document(line: str, path: str, where: str) -> Document:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputFileError(
            f"{where}: not valid JSON ({error.msg}, column {error.colno})"
        ) from None
    except RecursionError:
        raise InputFileError(f"{where}: not valid JSON (nested too deeply)") from None
    if not isinstance(record, dict):
        raise InputFileError(f"{where}: expected a JSON object with 'id' and 'text'")
    _refuse_lone_surrogates(record, where)
    key, text = record.get("id"), record.get("text")
    if not isinstance(key, str | int) or isinstance(key, bool) or str(key) == "":
        raise InputFileError(f"{where}: 'id' must be a non-empty string or number")
    if not isinstance(text, str):
        raise InputFileError(f"{where}: 'text' must be a string")
    if not text.strip():
        raise InputFileError(f"{where}: the text is empty")
    published = record.get("published")
    if published is not None and not isinstance(published, str):
        raise InputFileError(f"{where}: 'published' must be a YYYY-MM-DD string or null")
    return Document(
        key=str(key),
        text=text,
        origin=where,
        file=path,
        published=parse_date(published, f"{where}: published") if published else None,
        source=_optional_string(record, "source", where),
        url=_optional_string(record, "url", where),
        title=_optional_string(record, "title", where),
    )


def _optional_string(record: dict[str, object], name: str, where: str) -> str | None:
    value = record.get(name)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputFileError(f"{where}: '{name}' must be a string")
    return value
