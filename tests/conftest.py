"""Fixtures shared by the tests: fresh databases and small figure files under tmp_path."""

from __future__ import annotations

import csv
import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pg_server
import pytest

FIGURE_HEADER = (
    "metric",
    "population_group",
    "value",
    "qualifier",
    "location",
    "as_of",
    "source_name",
)


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """Return a store that holds nothing yet, once per backend: the path of a SQLite file
    that does not exist, or the URL of an empty database on the test PostgreSQL server."""
    if request.param == "sqlite":
        return tmp_path / "tracker.db"
    url: str = request.getfixturevalue("postgres_url")
    return url


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Path:
    """Return the path of a SQLite database file that does not exist yet."""
    return tmp_path / "tracker.db"


@pytest.fixture
def write_csv(tmp_path: Path) -> Callable[..., Path]:
    """Return a function that writes rows (dicts or tuples) to a CSV file under tmp_path."""

    def write(
        rows: list[dict[str, object]] | list[tuple[object, ...]],
        name: str = "figures.csv",
        header: tuple[str, ...] = FIGURE_HEADER,
    ) -> Path:
        path = tmp_path / name
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            for row in rows:
                writer.writerow([row.get(h, "") for h in header] if isinstance(row, dict) else row)
        return path

    return write


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[pg_server.PostgresServer]:
    """Start one throwaway PostgreSQL server for the session and stop it at the end.

    $TRACKER_TEST_PG_URL (a superuser's URL) names a running server to use instead. A server
    that cannot start fails the tests that need it: never a skip.
    """
    if url := os.environ.get("TRACKER_TEST_PG_URL"):
        yield pg_server.PostgresServer(url)
        return
    try:
        server = pg_server.start()
    except pg_server.PostgresError as error:
        reason = str(error)
    else:
        reason = ""
    if reason:  # failed outside the except block, so that the reason is shown once, unchained
        pytest.fail(f"cannot start the test PostgreSQL server: {reason}", pytrace=False)
    yield server
    server.stop()


@pytest.fixture
def postgres_url(postgres_server: pg_server.PostgresServer) -> Iterator[str]:
    """Return the URL of a new, empty database on the session's server; dropped afterwards."""
    name = f"t_{uuid.uuid4().hex}"
    yield pg_server.create_database(postgres_server.url, name)
    pg_server.drop_database(postgres_server.url, name)
