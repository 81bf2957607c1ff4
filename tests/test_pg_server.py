"""The throwaway PostgreSQL server of conftest.py: reachable, UTF-8, one new database per test."""

from __future__ import annotations

import uuid

import adbc_driver_postgresql.dbapi as pg
import pg_server
import pytest


def _tables(url: str) -> list[str]:
    """Return the names of the tables in the public schema of the database at url."""
    with pg.connect(url) as connection, connection.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        return [name for (name,) in cursor.fetchall()]


def test_rows_written_in_one_connection_are_read_back_in_another(postgres_url: str) -> None:
    with pg.connect(postgres_url) as connection, connection.cursor() as cursor:
        cursor.execute("CREATE TABLE figures (district text PRIMARY KEY, evacuated integer)")
        cursor.executemany(
            "INSERT INTO figures VALUES ($1, $2)", [("Куп'янськ", 436), ("Izium", 7)]
        )
        connection.commit()
    with pg.connect(postgres_url) as connection, connection.cursor() as cursor:
        cursor.execute("SELECT district, evacuated FROM figures ORDER BY evacuated")
        assert cursor.fetchall() == [("Izium", 7), ("Куп'янськ", 436)]


def test_the_server_is_utf8_and_folds_the_case_of_cyrillic(postgres_url: str) -> None:
    with pg.connect(postgres_url) as connection, connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('server_encoding'), lower('КУП''ЯНСЬК ЇЖАК')")
        assert cursor.fetchone() == ("UTF8", "куп'янськ їжак")


@pytest.mark.parametrize("run", ["first", "second"])
def test_each_test_gets_an_empty_database(postgres_url: str, run: str) -> None:
    assert _tables(postgres_url) == []
    with pg.connect(postgres_url) as connection, connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE left_by_the_{run}_run (x integer)")
        connection.commit()


def test_two_databases_on_the_server_are_distinct(
    postgres_server: pg_server.PostgresServer, postgres_url: str
) -> None:
    name = f"t_{uuid.uuid4().hex}"
    other_url = pg_server.create_database(postgres_server.url, name)
    try:
        assert other_url != postgres_url
        with pg.connect(postgres_url) as connection, connection.cursor() as cursor:
            cursor.execute("CREATE TABLE only_here (x integer)")
            connection.commit()
        assert _tables(postgres_url) == ["only_here"]
        assert _tables(other_url) == []
    finally:
        pg_server.drop_database(postgres_server.url, name)
