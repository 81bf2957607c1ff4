"""Careless or hostile input files give a message naming file, line and rule, never a
traceback (issue 11, item 5), driven through the CLI."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import polars as pl
import pytest
from typer.testing import CliRunner

from tracker.cli import app

runner = CliRunner()
HEADER = "metric,population_group,value,qualifier,location,as_of,source_name\n"
ROW = "evacuated,people,5,exact,Izium,2024-05-01,RMA\n"


def write(path: Path, content: str | bytes) -> Path:
    """Write text (UTF-8) or bytes to `path` and return it."""
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def nested_parquet(path: Path) -> Path:
    """Write a Parquet file whose value column holds lists."""
    pl.DataFrame(
        {
            "metric": ["evacuated"],
            "population_group": ["people"],
            "value": [[1, 2]],
            "qualifier": ["exact"],
            "location": ["Izium"],
            "as_of": ["2024-05-01"],
            "source_name": ["RMA"],
        }
    ).write_parquet(path)
    return path


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("nested.parquet", nested_parquet, "'value' hold lists or records"),
        ("deep.json", lambda p: write(p, "[" * 100_000 + "]" * 100_000), "nested too deeply"),
        ("ragged.csv", lambda p: write(p, HEADER + ROW + ROW.strip() + ",x,y\n"), "line 3 has 9"),
        (
            "unclosed.csv",
            lambda p: write(p, HEADER + ROW + 'evacuated,people,5,exact,"Izium,2024-05-01,RMA\n'),
            "line 3: unexpected end of data",
        ),
        (
            "huge.csv",
            lambda p: write(p, HEADER + ROW.replace(",5,", ",1" + "0" * 30 + ",")),
            "huge.csv:2: column 'value' = '1000000000000000000000000000000': is out of range",
        ),
    ],
)
def test_a_bad_file_is_named_with_what_is_wrong(
    tmp_path: Path, name: str, make: object, message: str
) -> None:
    path = make(tmp_path / name)  # type: ignore[operator]

    result = runner.invoke(app, ["validate", str(path)])

    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert message in result.output
    assert str(path) in result.output or name in result.output


def test_blank_lines_in_a_csv_are_no_rows(tmp_path: Path) -> None:
    path = write(tmp_path / "blank.csv", HEADER + ROW + "\n\n" + ROW.replace(",5,", ",6,"))

    result = runner.invoke(app, ["validate", str(path)])

    assert result.exit_code == 0, result.output
    assert "2 rows checked: 0 errors" in result.stdout


def test_a_folder_named_like_a_file_says_so(tmp_path: Path) -> None:
    (tmp_path / "x.csv").mkdir()

    result = runner.invoke(app, ["validate", str(tmp_path / "x.csv")])

    assert result.exit_code == 1
    assert "is a folder, not a file" in result.stderr


def test_a_lone_surrogate_in_a_jsonl_report_is_named(tmp_path: Path) -> None:
    path = write(
        tmp_path / "reports.jsonl",
        '{"id": "a1", "published": "2024-05-01", "text": "5 people left Izium \\ud800"}\n',
    )

    result = runner.invoke(app, ["ingest", str(path), "--db", str(tmp_path / "t.db")])

    assert result.exit_code == 1
    assert f"{path}:1: 'text' holds a lone surrogate escape" in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_line_separator_inside_a_jsonl_string_is_text(tmp_path: Path) -> None:
    record = {
        "id": "a1",
        "published": "2024-05-01",
        "text": "Four hundred people\u2028were evacuated from the Izium district.",
    }
    path = write(tmp_path / "reports.jsonl", json.dumps(record, ensure_ascii=False) + "\n")

    result = runner.invoke(app, ["extract", str(path), "--format", "jsonl"])

    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().split("\n")
    assert [json.loads(line)["value"] for line in lines] == [400]


def test_control_characters_never_reach_the_terminal(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    logged = runner.invoke(
        app,
        [
            *("log", "--district", "Izium", "--evacuated", "5", "--date", "2024-05-01"),
            *("--source", "RMA\x1b[2J\rfake\u202eevil", "--db", str(db)),
        ],
    )
    assert logged.exit_code == 0, logged.output

    listed = runner.invoke(app, ["list", "--db", str(db)])

    assert listed.exit_code == 0
    assert "\x1b" not in listed.stdout
    assert "\r" not in listed.stdout
    assert "\u202e" not in listed.stdout
    assert "RMA\\x1b[2J\\x0dfake\\u202eevil" in listed.stdout


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_a_document_over_the_size_limit_is_refused_not_cut(tmp_path: Path, command: str) -> None:
    path = write(tmp_path / "dump.txt", "---\npublished: 2024-05-01\n---\n" + "x " * 600)
    db = ["--db", str(tmp_path / "t.db")] if command == "ingest" else []

    refused = runner.invoke(app, [command, str(path), "--max-bytes", "1000", *db])
    assert refused.exit_code == 1
    assert f"{path}: 1,200 bytes of text, over the limit of 1,000 per document" in refused.stderr
    assert not (tmp_path / "t.db").exists()

    allowed = runner.invoke(app, [command, str(path), "--max-bytes", "2000", *db])
    assert allowed.exit_code in (0, 1)  # read (it holds no figure), not refused
    assert "over the limit" not in allowed.stderr


def test_an_unknown_region_of_a_row_is_named_with_its_file_and_line(tmp_path: Path) -> None:
    path = write(
        tmp_path / "figures.csv",
        HEADER.strip() + ",admin1_name\n" + ROW.strip() + ',"<script>alert(1)</script>"\n',
    )

    result = runner.invoke(app, ["validate", str(path)])

    assert result.exit_code == 1
    assert f"{path}:2:" in result.stdout
    assert "admin1_name '<script>alert(1)</script>' is no known oblast or region" in result.stdout


class _Terminal:
    """Stands for a stderr that is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("sentences", "bars"), [(30_000, [1]), (10, [])])
def test_a_large_text_shows_progress_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sentences: int, bars: list[int]
) -> None:
    import rich.progress

    import tracker.cli.extract as extract_cli

    completed: list[int] = []

    class RecordingProgress(rich.progress.Progress):
        def update(self, task_id: rich.progress.TaskID, **fields: object) -> None:
            completed.append(int(str(fields["completed"])))
            super().update(task_id, **fields)

    monkeypatch.setattr(rich.progress, "Progress", RecordingProgress)
    monkeypatch.setattr(extract_cli, "sys", SimpleNamespace(stderr=_Terminal()))
    text = "12 people were evacuated from Izium. " * sentences  # 30,000: about 1.1 MB
    path = write(tmp_path / "large.txt", "---\npublished: 2024-05-01\n---\n" + text)

    result = runner.invoke(app, ["extract", str(path), "--format", "jsonl"])

    assert result.exit_code == 0, result.output
    assert completed == bars


def test_invisible_characters_in_a_report_change_no_figure(tmp_path: Path) -> None:
    text = "1\u200b248 people have been evacuated from the Kupi\u00adansk district."
    path = write(tmp_path / "pasted.txt", "---\npublished: 2024-05-01\n---\n" + text)

    result = runner.invoke(app, ["extract", str(path), "--format", "jsonl"])

    assert result.exit_code == 0, result.output
    [record] = [json.loads(line) for line in result.stdout.strip().split("\n")]
    assert (record["value"], record["admin2_name"]) == (1248, "Kupianskyi")
    assert text[record["start"] : record["end"]] == record["evidence"]


def test_a_spoofed_name_shows_as_written_in_the_report(tmp_path: Path) -> None:
    import re

    from tracker.figures import complete_figures
    from tracker.store import open_store

    raw = pl.DataFrame(
        {
            "metric": ["evacuated"],
            "population_group": ["people"],
            "value": [12],
            "qualifier": ["exact"],
            "location": ["\u202elmth.xedni"],
            "as_of": [date(2024, 5, 1)],
            "source_name": ["RMA\u202e"],
        }
    )
    db = tmp_path / "t.db"
    with open_store(db) as store:
        store.write(complete_figures(raw, method="imported"))

    result = runner.invoke(app, ["report", "--db", str(db), "--out", str(tmp_path / "out")])

    assert result.exit_code == 0, result.output
    for page in (tmp_path / "out").glob("*.html"):
        shown = re.sub(r"<[^>]*>", "", page.read_text(encoding="utf-8"))
        assert "\u202e" not in shown, page.name
