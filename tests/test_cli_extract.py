"""`tracker extract` and `tracker ingest` through the CLI, in-process."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from tracker.cli import app
from tracker.model import COLUMN_NAMES

REPORT = (
    "Since May 10, 436 people, including 128 children, have been evacuated from "
    "Kupiansk district. They can find housing through the Shelter program."
)
FRONT_MATTER = "---\npublished: 2025-06-03\nsource: Kharkiv RMA\ntitle: Kupiansk\n---\n"
EXPECTED = {("evacuated", "people", 436), ("evacuated", "children", 128)}


def _run(*args: str, stdin: str | bytes | None = None) -> Result:
    return CliRunner().invoke(app, list(args), input=stdin)


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _jsonl(path: Path, *records: dict[str, object]) -> Path:
    return _write(path, "".join(json.dumps(r) + "\n" for r in records))


def _facts(records: list[dict[str, object]]) -> set[tuple[object, object, object]]:
    return {(r["metric"], r["population_group"], r["value"]) for r in records}


def _lines(result: Result) -> list[dict[str, object]]:
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return _jsonl(
        tmp_path / "passages.jsonl",
        {"id": "d1", "text": REPORT, "published": "2025-06-03"},
        {"id": "d2", "text": "The front line is 8 km away.", "published": None},
    )


def test_jsonl_output_has_every_column_the_line_id_and_the_evidence_span(corpus: Path) -> None:
    result = _run("extract", "--format", "jsonl", str(corpus))

    assert result.exit_code == 0, result.stderr
    records = _lines(result)
    assert _facts(records) >= EXPECTED
    for record in records:
        assert set(COLUMN_NAMES) | {"start", "end"} <= set(record)
        assert record["doc_id"] == "d1"
        assert record["as_of"] == record["published_on"] == "2025-06-03"
        start, end = record["start"], record["end"]
        assert isinstance(start, int)
        assert isinstance(end, int)
        assert REPORT[start:end] == record["evidence"]


def test_json_output_is_the_same_records_as_one_array(corpus: Path) -> None:
    as_lines = _lines(_run("extract", "--format", "jsonl", str(corpus)))

    result = _run("extract", "--format", "json", str(corpus))

    assert result.exit_code == 0
    assert json.loads(result.stdout) == as_lines


def test_csv_output_has_a_header_and_one_row_per_figure(corpus: Path) -> None:
    as_lines = _lines(_run("extract", "--format", "jsonl", str(corpus)))

    result = _run("extract", "--format", "csv", str(corpus))

    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert result.exit_code == 0
    assert len(rows) == len(as_lines)
    assert list(rows[0])[: len(COLUMN_NAMES)] == list(COLUMN_NAMES)
    assert {row["value"] for row in rows} == {str(r["value"]) for r in as_lines}


def test_table_output_shows_each_figure(corpus: Path) -> None:
    result = _run("extract", str(corpus))

    assert result.exit_code == 0
    header, rule, *rows = result.stdout.splitlines()
    assert header.split()[:4] == ["doc_id", "metric", "population_group", "value"]
    assert set(rule) <= {"-", " "}
    assert any("436" in row.split() for row in rows)


def test_stdin_is_read_for_a_dash() -> None:
    result = _run("extract", "--format", "jsonl", "--published", "2025-06-03", "-", stdin=REPORT)

    assert result.exit_code == 0, result.stderr
    records = _lines(result)
    assert _facts(records) >= EXPECTED
    assert {r["doc_id"] for r in records} == {"<stdin>"}


def test_a_directory_is_read_recursively_and_front_matter_dates_the_figures(
    tmp_path: Path,
) -> None:
    _write(tmp_path / "in" / "b" / "report.md", FRONT_MATTER + REPORT)
    _write(tmp_path / "in" / "skip.csv", "not a report")

    result = _run("extract", "--format", "jsonl", str(tmp_path / "in"))

    records = _lines(result)
    assert result.exit_code == 0, result.stderr
    assert _facts(records) >= EXPECTED
    assert {r["doc_id"] for r in records} == {str(tmp_path / "in" / "b" / "report.md")}
    assert {r["source_name"] for r in records} == {"Kharkiv RMA"}
    assert {r["as_of"] for r in records} == {"2025-06-03"}


def test_without_a_date_extract_still_prints_figures_with_as_of_empty(tmp_path: Path) -> None:
    path = _write(tmp_path / "r.txt", REPORT)

    result = _run("extract", "--format", "jsonl", str(path))

    records = _lines(result)
    assert result.exit_code == 0, result.stderr
    assert _facts(records) >= EXPECTED
    assert {r["as_of"] for r in records} == {None}


def test_options_override_the_documents_date_and_source(corpus: Path) -> None:
    result = _run(
        "extract", "--format", "jsonl", "--published", "2025-07-01", "--source", "Wire", str(corpus)
    )

    records = _lines(result)
    assert {r["published_on"] for r in records} == {"2025-07-01"}
    assert {r["source_name"] for r in records} == {"Wire"}


def test_explain_marks_the_evidence_in_its_sentence_and_names_the_rule(corpus: Path) -> None:
    records = _lines(_run("extract", "--format", "jsonl", str(corpus)))

    result = _run("extract", "--explain", str(corpus))

    assert result.exit_code == 0, result.stderr
    assert "== d1:" in result.stdout
    assert "programmes mentioned: Shelter" in result.stdout
    for record in records:
        assert f"[[{' '.join(str(record['evidence']).split())}]]" in result.stdout
        assert f"rule: {record['rule']}" in result.stdout


def test_no_figures_is_said_on_stderr(tmp_path: Path) -> None:
    path = _write(tmp_path / "quiet.txt", "The front line is 8 km away.")

    result = _run("extract", "--format", "jsonl", str(path))

    assert result.exit_code == 0
    assert result.stdout == ""
    assert "no figures found in 1 document(s)" in result.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"ok \xc3\x28 then", "bad.txt: not UTF-8 text (byte 0xc3 at offset 3)"),
        (b"", "bad.txt: the text is empty"),
        (b"---\npublished: someday\n---\ntext", "'someday' is not a date"),
    ],
)
def test_bad_text_files_fail_with_a_message_and_no_traceback(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)

    result = _run("extract", str(path))

    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_a_bad_jsonl_line_names_file_and_line(tmp_path: Path) -> None:
    path = _write(tmp_path / "p.jsonl", '{"id": "a", "text": "x"}\n{"id": "b", "text": \n')

    result = _run("extract", "--format", "jsonl", str(path))

    assert result.exit_code == 1
    assert f"{path}:2: not valid JSON" in result.stderr


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["extract", "absent.txt"], 2, "absent.txt: no such file"),
        (["extract"], 2, "give at least one PATH"),
        (["extract", "--published", "14.10.2025", "x.txt"], 2, "--published"),
        (["extract", "--format", "xml", "x.txt"], 2, "--format"),
        (["ingest"], 2, "give at least one PATH"),
    ],
)
def test_bad_calls_exit_with_a_message(args: list[str], code: int, message: str) -> None:
    result = _run(*args)

    assert result.exit_code == code
    assert message in result.stderr


def test_empty_stdin_is_an_input_error() -> None:
    result = _run("extract", "-", stdin="")

    assert result.exit_code == 1
    assert "<stdin>: the text is empty" in result.stderr


def test_ingest_prints_a_summary_and_a_second_run_adds_nothing(tmp_path: Path) -> None:
    path = _write(tmp_path / "seeds" / "r.txt", FRONT_MATTER + REPORT)
    db = tmp_path / "t.db"

    first = _run("ingest", str(path.parent), "--db", str(db))
    second = _run("ingest", str(path.parent), "--db", str(db))

    assert first.exit_code == 0, first.stderr
    assert "documents: 1 read, 1 new, 0 already stored" in first.stderr
    stored = next(line for line in first.stderr.splitlines() if line.startswith("figures:"))
    assert " 0 stored" not in stored
    assert "warnings: " in first.stderr
    assert "programmes mentioned: Shelter (1 document(s))" in first.stderr
    assert second.exit_code == 0, second.stderr
    assert "documents: 1 read, 0 new, 1 already stored" in second.stderr
    assert " 0 stored" in second.stderr
    listed = _run("list", "--format", "jsonl", "--db", str(db))
    assert _facts(_lines(listed)) >= EXPECTED


def test_ingest_without_a_date_says_how_to_give_one(tmp_path: Path) -> None:
    path = _write(tmp_path / "r.txt", REPORT)
    db = tmp_path / "t.db"

    result = _run("ingest", str(path), "--db", str(db))

    assert result.exit_code == 1
    assert f"{path}: no publication date; give --published YYYY-MM-DD" in result.stderr
    assert not db.exists()


def test_ingest_takes_the_date_and_source_from_the_options(tmp_path: Path) -> None:
    path = _write(tmp_path / "r.txt", REPORT)
    db = tmp_path / "t.db"

    result = _run(
        "ingest", str(path), "--db", str(db), "--published", "2025-06-03", "--source", "Wire"
    )
    listed = _lines(_run("list", "--format", "jsonl", "--db", str(db)))

    assert result.exit_code == 0, result.stderr
    assert {r["source_name"] for r in listed} == {"Wire"}
    assert {r["published_on"] for r in listed} == {"2025-06-03"}


def test_ingest_reports_a_database_that_is_not_sqlite(tmp_path: Path) -> None:
    path = _write(tmp_path / "r.txt", FRONT_MATTER + REPORT)
    db = _write(tmp_path / "not.db", "hello")

    result = _run("ingest", str(path), "--db", str(db))

    assert result.exit_code == 1
    assert "not a SQLite database" in result.stderr


def test_ingest_keeps_a_syndicated_figure_once_per_outlet_under_one_claim(tmp_path: Path) -> None:
    wire = _jsonl(
        tmp_path / "wire.jsonl",
        {"id": "a", "text": REPORT, "published": "2025-06-03", "source": "Outlet A"},
        {"id": "b", "text": f"Update. {REPORT}", "published": "2025-06-03", "source": "Outlet B"},
    )
    db = tmp_path / "t.db"

    result = _run("ingest", str(wire), "--db", str(db))
    listed = _lines(_run("list", "--format", "jsonl", "--db", str(db)))

    assert result.exit_code == 0, result.stderr
    people = [r for r in listed if (r["population_group"], r["value"]) == ("people", 436)]
    assert sorted(str(r["source_name"]) for r in people) == ["Outlet A", "Outlet B"]
    assert len({r["claim_id"] for r in people}) == 1
