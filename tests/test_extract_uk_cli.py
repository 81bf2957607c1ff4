"""Ukrainian documents through the CLI (`--lang`, `--explain`) and the ingest service
(the language stored with the document, on both backends)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from tracker.cli import app
from tracker.documents import Document
from tracker.ingest import ingest_documents
from tracker.store import open_store

REPORT = (
    "З початку серпня з Куп\u02bcянського району Харківської області евакуйовано 1433 "
    "людини, в тому числі 343 дитини. У селі Одноробівка Золочівської громади досі "
    "залишаються дві родини."
)
EXPECTED = {
    ("evacuated", "people", 1433, "Kupianskyi"),
    ("evacuated", "children", 343, "Kupianskyi"),
    ("remaining", "families", 2, "Bohodukhivskyi"),
}
ENGLISH = "Since May 10, 436 people have been evacuated from Kupiansk district."


def _run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _records(result: Result) -> list[dict[str, object]]:
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


@pytest.mark.parametrize("lang", ["auto", "uk"])
def test_extract_reads_a_ukrainian_report(tmp_path: Path, lang: str) -> None:
    path = _write(tmp_path / "kupiansk.txt", REPORT)

    records = _records(_run("extract", "--format", "jsonl", "--lang", lang, str(path)))

    facts = {(r["metric"], r["population_group"], r["value"], r["admin2_name"]) for r in records}
    assert facts == EXPECTED
    assert {r["language"] for r in records} == {"uk"}
    for record in records:
        assert REPORT[int(record["start"]) : int(record["end"])] == record["evidence"]  # type: ignore[call-overload]
    kupiansk = next(r for r in records if r["value"] == 1433)
    assert kupiansk["location"] == "Куп\u02bcянського району"  # as written
    assert kupiansk["admin2_pcode"] == "UA6308"
    assert kupiansk["admin1_name"] == "Kharkivska"
    assert kupiansk["oblast"] == "Kharkiv"


def test_english_rules_on_a_ukrainian_report_find_nothing(tmp_path: Path) -> None:
    path = _write(tmp_path / "kupiansk.txt", REPORT)

    result = _run("extract", "--format", "jsonl", "--lang", "en", str(path))

    assert result.exit_code == 0
    assert result.stdout == ""
    assert "no figures found" in result.stderr


def test_auto_reads_each_document_in_its_own_language(tmp_path: Path) -> None:
    lines = [
        {"id": "uk1", "text": REPORT, "published": "2023-08-28"},
        {"id": "en1", "text": ENGLISH, "published": "2024-06-01"},
    ]
    path = _write(tmp_path / "mixed.jsonl", "".join(json.dumps(x) + "\n" for x in lines))

    records = _records(_run("extract", "--format", "jsonl", str(path)))

    assert {(r["doc_id"], r["language"]) for r in records} == {("uk1", "uk"), ("en1", "en")}


def test_an_unknown_language_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path / "kupiansk.txt", REPORT)

    result = _run("extract", "--lang", "ru", str(path))

    assert result.exit_code == 2
    assert "--lang" in result.stderr


def test_explain_shows_cyrillic_evidence_in_its_sentence(tmp_path: Path) -> None:
    path = _write(tmp_path / "kupiansk.txt", REPORT)

    result = _run("extract", "--explain", str(path))

    assert result.exit_code == 0, result.stderr
    assert "3 figure(s), read as uk" in result.stdout
    assert "[[евакуйовано 1433 людини]]" in result.stdout
    assert "[[в тому числі 343 дитини]]" in result.stdout
    assert "Куп\u02bcянського району (Kupianskyi)" in result.stdout
    assert "rule: uk-digits+uk-noun-people+uk-evacuated-past" in result.stdout


def test_table_shows_cyrillic_places_unescaped(tmp_path: Path) -> None:
    path = _write(tmp_path / "kupiansk.txt", REPORT)

    result = _run("extract", str(path))

    assert result.exit_code == 0, result.stderr
    assert "Одноробівка" in result.stdout
    assert "\\u" not in result.stdout


@pytest.mark.parametrize(("lang", "stored"), [("auto", "uk"), ("uk", "uk"), ("en", "en")])
def test_ingest_stores_the_language_with_the_document(
    db: Path | str, lang: str, stored: str
) -> None:
    document = Document("k1", REPORT, "k1", "k1.txt", published=date(2023, 8, 28))

    summary = ingest_documents([document], db, lang=lang)

    with open_store(db) as store:
        documents = store.read_documents()
        figures = store.read_figures()
    assert documents["language"].to_list() == [stored]
    assert summary.figures_stored == figures.height == (3 if stored == "uk" else 0)


def test_ingest_command_takes_lang(tmp_path: Path) -> None:
    path = _write(tmp_path / "kupiansk.txt", f"---\npublished: 2023-08-28\n---\n{REPORT}")
    db = tmp_path / "t.db"

    result = _run("ingest", "--db", str(db), "--lang", "uk", str(path))

    assert result.exit_code == 0, result.stderr
    with open_store(db) as store:
        assert store.read_documents()["language"].to_list() == ["uk"]
        assert store.read_figures().height == 3


def test_the_ukrainian_seed_goes_from_ingest_to_a_report_in_cyrillic(tmp_path: Path) -> None:
    seed = Path(__file__).parents[1] / "seeds" / "009_kupiansk_uk_2024-10-15.txt"
    db, out = tmp_path / "t.db", tmp_path / "reports"

    ingested = _run("ingest", "--db", str(db), str(seed))
    reported = _run("report", "--db", str(db), "--out", str(out))

    assert ingested.exit_code == 0, ingested.stderr
    assert reported.exit_code == 0, reported.stderr
    page = (out / "UA6308.html").read_text(encoding="utf-8")  # Kupianskyi raion
    assert "Куп'янського району" in page  # the place as written, not \u-escaped
    assert "евакуювали 126 людей" in page  # the evidence quoted in the hover and table
    assert "\\u04" not in page
    with open_store(db) as store:
        assert store.read_documents()["language"].to_list() == ["uk"]
