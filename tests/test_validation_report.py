"""The report's shape: text lines, JSON-ready dict, merging."""

from __future__ import annotations

import json

import pytest

from tracker.schema import Failure, ValidationReport

BAD_VALUE = Failure("error", "must be a whole number", "value", "abc", row=2, file="in.csv", line=4)
FUZZY = Failure(
    "warning", "place was matched fuzzily to Pokrovskyi; check it", "location", "Pokrovsk", row=0
)


@pytest.mark.parametrize(
    ("failure", "line"),
    [
        (BAD_VALUE, "in.csv:4: column 'value' = 'abc': must be a whole number [error]"),
        (
            Failure("error", "must not be empty", "value", row=3),
            "row 4: column 'value': must not be empty [error]",
        ),
        (
            Failure("error", "is not a column of the figures table", "bogus"),
            "column 'bogus': is not a column of the figures table [error]",
        ),
        (Failure("error", "is broken", file="in.csv"), "in.csv: is broken [error]"),
        (Failure("warning", "odd"), "odd [warning]"),
    ],
    ids=["file and line", "row only", "no row", "file only", "nothing located"],
)
def test_each_failure_is_one_line(failure: Failure, line: str) -> None:
    assert failure.to_text() == line


def test_the_text_ends_with_the_summary() -> None:
    report = ValidationReport([BAD_VALUE, FUZZY], rows=10)
    assert report.to_text().splitlines() == [
        BAD_VALUE.to_text(),
        FUZZY.to_text(),
        "10 rows checked: 1 errors, 1 warnings",
    ]


def test_errors_make_a_report_invalid_and_warnings_do_not() -> None:
    assert not ValidationReport([BAD_VALUE, FUZZY], rows=3).valid
    only_warnings = ValidationReport([FUZZY], rows=3)
    assert only_warnings.valid
    assert only_warnings.errors == []
    assert only_warnings.warnings == [FUZZY]


def test_the_dict_is_json_ready_and_complete() -> None:
    report = ValidationReport([BAD_VALUE, FUZZY], rows=10)
    data = json.loads(json.dumps(report.to_dict()))
    assert data == {
        "valid": False,
        "rows": 10,
        "errors": 1,
        "warnings": 1,
        "failures": [
            {
                "severity": "error",
                "rule": "must be a whole number",
                "column": "value",
                "value": "abc",
                "row": 2,
                "file": "in.csv",
                "line": 4,
            },
            {
                "severity": "warning",
                "rule": "place was matched fuzzily to Pokrovskyi; check it",
                "column": "location",
                "value": "Pokrovsk",
                "row": 0,
                "file": None,
                "line": None,
            },
        ],
    }


def test_merged_adds_failures_and_rows() -> None:
    first = ValidationReport([BAD_VALUE], rows=5)
    second = ValidationReport([FUZZY], rows=7)
    merged = first.merged(second)
    assert merged.failures == [BAD_VALUE, FUZZY]
    assert merged.rows == 12
    assert first.failures == [BAD_VALUE]  # the originals are unchanged


def test_merged_keeps_one_message_for_a_cell_that_did_not_parse() -> None:
    parse = ValidationReport([BAD_VALUE], rows=0)
    emptied = Failure("error", "must not be empty", "value", row=7, file="in.csv", line=4)
    elsewhere = Failure("error", "must not be empty", "value", row=8, file="in.csv", line=5)
    merged = parse.merged(ValidationReport([emptied, elsewhere], rows=9))
    assert merged.failures == [BAD_VALUE, elsewhere]
