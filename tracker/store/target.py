"""Where the figures live: a SQLite file path or a PostgreSQL URL, as the user wrote it.

`--db` and `$TRACKER_DB` take either. A password in a URL is never shown: `display`
masks it, and `redact` takes it out of any message a driver wrote.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit, urlunsplit

__all__ = ["POSTGRES_SCHEMES", "StoreTarget", "store_target"]

POSTGRES_SCHEMES = ("postgresql://", "postgres://")
_MASK = "***"
_SQLITE_COMPANIONS = ("", "-wal", "-shm", "-journal")


@dataclass(frozen=True)
class StoreTarget:
    """A store's address: `kind` says which database, `location` is the path or the URL."""

    kind: Literal["sqlite", "postgresql"]
    location: str

    @property
    def path(self) -> Path:
        """Return the SQLite file's path (only for kind "sqlite")."""
        if self.kind != "sqlite":
            raise ValueError(f"{self.display} is not a SQLite file")
        return Path(self.location)

    @property
    def display(self) -> str:
        """Return the address as it may be shown: a URL's password replaced by ***."""
        password = self._password()
        if password is None:
            return self.location
        parts = urlsplit(self.location)
        user = parts.username or ""
        host = parts.netloc.rpartition("@")[2]
        return urlunsplit(parts._replace(netloc=f"{user}:{_MASK}@{host}"))

    def owns(self, path: Path) -> bool:
        """Return whether writing to `path` would overwrite this SQLite store (or its WAL)."""
        if self.kind != "sqlite":
            return False
        database = Path(self.location).absolute()
        own = {Path(f"{database}{suffix}") for suffix in _SQLITE_COMPANIONS}
        resolved = {p.resolve() for p in own}
        return path.absolute() in own or path.resolve() in resolved

    def redact(self, message: str) -> str:
        """Return `message` with this target's password (if any) replaced by ***."""
        password = self._password()
        return message.replace(password, _MASK) if password else message

    def _password(self) -> str | None:
        if self.kind != "postgresql":
            return None
        try:
            return urlsplit(self.location).password or None
        except ValueError:
            return None

    def __str__(self) -> str:
        return self.display


def store_target(value: str | Path | StoreTarget) -> StoreTarget:
    """Return the StoreTarget that `value` names: a postgresql:// URL, else a file path."""
    if isinstance(value, StoreTarget):
        return value
    text = str(value)
    if text.lower().startswith(POSTGRES_SCHEMES):
        return StoreTarget("postgresql", text)
    return StoreTarget("sqlite", text)
