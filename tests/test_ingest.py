"""The ingest service: documents -> figures in the store, idempotent, one claim per syndication."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import polars as pl
import pytest

from tracker.documents import Document, document_id
from tracker.errors import InputFileError, InvalidDataError
from tracker.ingest import extract_records, ingest_documents
from tracker.store import open_store

REPORT = (
    "Since May 10, 436 people, including 128 children, have been evacuated from "
    "Kupiansk district, the regional administration said."
)
REWRITTEN = (
    "Evacuation continues. Since May 10, 436 people, including 128 children, have been "
    "evacuated from Kupiansk district, officials told reporters on Tuesday."
)
PUBLISHED = date(2025, 6, 3)
EXPECTED = {("evacuated", "people", 436), ("evacuated", "children", 128)}


def _document(text: str = REPORT, *, source: str = "Kharkiv RMA", key: str = "r1") -> Document:
    return Document(key, text, key, f"{key}.txt", published=PUBLISHED, source=source)


def _figures(db: Path | str) -> pl.DataFrame:
    with open_store(db) as store:
        return store.read_figures()


def _documents(db: Path | str) -> pl.DataFrame:
    with open_store(db) as store:
        return store.read_documents()


def _facts(frame: pl.DataFrame) -> set[tuple[str, str, int]]:
    return set(frame.select("metric", "population_group", "value").iter_rows())


def test_ingest_stores_the_figures_with_their_document(db: Path | str) -> None:

    summary = ingest_documents([_document()], db)

    figures, documents = _figures(db), _documents(db)
    assert _facts(figures) >= EXPECTED
    assert summary.documents_seen == summary.documents_new == 1
    assert summary.figures_stored == figures.height == summary.figures_extracted
    assert set(figures["doc_id"]) == {document_id(REPORT)}
    assert set(figures["method"]) == {"extracted"}
    assert set(figures["source_name"]) == {"Kharkiv RMA"}
    assert set(figures["published_on"]) == {PUBLISHED}
    assert documents.select("doc_id", "source_name", "published_on", "text").row(0) == (
        document_id(REPORT),
        "Kharkiv RMA",
        PUBLISHED,
        REPORT,
    )


def test_ingesting_the_same_text_again_adds_nothing(db: Path | str) -> None:
    ingest_documents([_document()], db)
    before = _figures(db)

    again = ingest_documents([_document(f"  {REPORT}\n\n", key="copy")], db)

    assert again.documents_already_stored == 1
    assert (again.documents_new, again.figures_stored) == (0, 0)
    assert again.figures_skipped == again.figures_extracted > 0
    assert again.warnings == ()
    assert _figures(db).height == before.height
    assert _documents(db).height == 1


def test_a_figure_syndicated_by_two_outlets_is_kept_per_source_as_one_claim(
    db: Path | str,
) -> None:

    ingest_documents(
        [_document(source="Outlet A", key="a"), _document(REWRITTEN, source="Outlet B", key="b")],
        db,
    )

    people = _figures(db).filter(
        pl.col("metric") == "evacuated", pl.col("population_group") == "people"
    )
    assert sorted(people["source_name"]) == ["Outlet A", "Outlet B"]
    assert people["figure_id"].n_unique() == 2
    assert people["claim_id"].n_unique() == 1


def test_the_same_text_from_two_outlets_is_one_document_and_two_sources(db: Path | str) -> None:

    summary = ingest_documents(
        [_document(source="Outlet A", key="a"), _document(source="Outlet B", key="b")], db
    )

    figures = _figures(db)
    assert (summary.documents_new, summary.documents_repeated) == (1, 1)
    assert _documents(db).height == 1
    assert set(figures["source_name"]) == {"Outlet A", "Outlet B"}
    assert figures["claim_id"].n_unique() == figures.height // 2


def test_a_document_without_a_date_stops_ingest_before_anything_is_written(
    sqlite_db: Path,
) -> None:
    undated = Document("u", REPORT, "batch.jsonl:2", "batch.jsonl")

    with pytest.raises(InputFileError, match=r"batch\.jsonl:2: no publication date"):
        ingest_documents([_document(), undated], sqlite_db)

    assert not sqlite_db.exists()


def test_an_invalid_figure_writes_nothing(db: Path | str) -> None:
    future = Document("f", REPORT, "f.txt", "f.txt", published=date(2999, 1, 1))

    with pytest.raises(InvalidDataError) as caught:
        ingest_documents([_document(), future], db)

    assert caught.value.report is not None
    assert _figures(db).height == 0
    assert _documents(db).height == 0


def test_progress_is_reported_after_each_document(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    documents = [_document(f"{REPORT} Report {n}.", key=str(n)) for n in range(3)]

    ingest_documents(documents, tmp_path / "t.db", progress=lambda d, t: calls.append((d, t)))

    assert calls == [(1, 3), (2, 3), (3, 3)]


def test_recorded_at_is_the_time_given(db: Path | str) -> None:
    stamp = datetime(2025, 6, 4, 12, 0, tzinfo=UTC)

    ingest_documents([_document()], db, recorded_at=stamp)

    assert set(_figures(db)["recorded_at"]) == {stamp}


def test_programmes_named_without_a_number_are_reported_per_document(tmp_path: Path) -> None:
    text = f"{REPORT} They are encouraged to find housing through the Shelter program."

    summary = ingest_documents([_document(text, key="p")], tmp_path / "t.db")

    assert summary.programmes == {"p": ("Shelter",)}
    with open_store(tmp_path / "t.db") as store:
        assert store.read_documents()["programmes"].to_list() == ["Shelter"]


def test_extract_records_carry_every_column_the_key_and_the_evidence_span() -> None:
    document = _document(key="line-7")

    records = extract_records(document)

    assert {(r["metric"], r["population_group"], r["value"]) for r in records} >= EXPECTED
    for record in records:
        assert record["doc_id"] == "line-7"
        assert record["published_on"] == PUBLISHED.isoformat()
        start, end = record["start"], record["end"]
        assert isinstance(start, int)
        assert isinstance(end, int)
        assert REPORT[start:end] == record["evidence"]
