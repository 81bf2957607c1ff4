"""`tracker export --profile hapi` and the datapackage.json written beside CSV exports."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import tracker
from tracker.cli import app

runner = CliRunner()
ROWS = [
    {
        "metric": "evacuated",
        "population_group": "people",
        "value": "436",
        "qualifier": "exact",
        "location": "Kupyansk district",
        "as_of": "2023-08-10",
        "since": "2023-08-01",
        "source_name": "Kharkiv RMA",
    },
    {
        "metric": "remaining",
        "population_group": "children",
        "value": "70",
        "qualifier": "approx",
        "location": "Izium",
        "as_of": "2023-08-11",
        "source_name": "Ukrinform",
    },
]
HEADER = (*ROWS[0], "since")


@pytest.fixture(autouse=True)
def _csv_field_limit_kept() -> Iterator[None]:
    """Put back the csv module's field size limit, which frictionless raises for the whole
    process (tests/test_places_cli.py relies on the default)."""
    limit = csv.field_size_limit()
    yield
    csv.field_size_limit(limit)


def _package_report(path: Path) -> Any:
    """Return frictionless' validation report of the Data Package at `path`."""
    import frictionless

    return frictionless.Package(str(path)).validate()


def invoke(*args: str | Path) -> object:
    """Run the CLI in-process and return the result."""
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def stored(sqlite_db: Path, write_csv: Callable[..., Path]) -> Path:
    """Return a SQLite store holding ROWS."""
    tracker.import_files(sqlite_db, write_csv(ROWS, header=tuple(dict.fromkeys(HEADER))))
    return sqlite_db


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_hapi_profile_has_hapis_names_and_reference_periods(
    stored: Path, tmp_path: Path
) -> None:
    path = tmp_path / "hapi.csv"
    result = invoke("export", "--profile", "hapi", "-o", path, "--db", stored)
    assert result.exit_code == 0, result.output
    rows = {row["metric"]: row for row in _rows(path)}
    assert {"as_of", "since", "admin1_pcode", "admin2_pcode"}.isdisjoint(rows["evacuated"])
    expected = {
        "evacuated": ("UKR", "UA63", "UA6308", "2", "2023-08-01", "2023-08-10"),
        "remaining": ("UKR", "UA63", "UA6304", "2", "2023-08-11", "2023-08-11"),
    }
    for metric, values in expected.items():
        row = rows[metric]
        names = ("location_code", "admin1_code", "admin2_code", "admin_level")
        periods = ("reference_period_start", "reference_period_end")
        assert tuple(row[name] for name in (*names, *periods)) == values


@pytest.mark.parametrize("fmt", ["csv", "json", "parquet"])
def test_a_hapi_export_imports_back_identical(stored: Path, tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"hapi.{fmt}"
    exported = invoke("export", "--profile", "hapi", "--format", fmt, "-o", path, "--db", stored)
    assert exported.exit_code == 0, exported.output
    other = tmp_path / "other.db"
    result = invoke("import", path, "--db", other)
    assert result.exit_code == 0, result.output
    assert tracker.read_figures(other).equals(tracker.read_figures(stored))


def test_hapi_and_hxl_together_is_a_usage_error(stored: Path) -> None:
    result = invoke("export", "--profile", "hapi", "--format", "hxl", "--db", stored)
    assert result.exit_code == 2
    assert "choose one" in result.stderr


def test_csv_exports_are_described_by_a_valid_data_package(stored: Path, tmp_path: Path) -> None:
    for name, profile in (("figures.csv", "tracker"), ("hapi.csv", "hapi")):
        result = invoke("export", "--profile", profile, "-o", tmp_path / name, "--db", stored)
        assert result.exit_code == 0, result.output
        assert "datapackage.json" in result.stderr
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["path"] for r in package["resources"]] == ["figures.csv", "hapi.csv"]
    report = _package_report(tmp_path / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_the_data_package_rejects_an_edited_file(stored: Path, tmp_path: Path) -> None:
    path = tmp_path / "figures.csv"
    assert invoke("export", "-o", path, "--db", stored).exit_code == 0
    path.write_text(path.read_text(encoding="utf-8").replace(",436,", ",-436,"), encoding="utf-8")
    report = _package_report(tmp_path / "datapackage.json")
    assert report.flatten(["rowNumber", "fieldName", "type"]) == [[2, "value", "constraint-error"]]


def test_no_data_package_on_request_or_for_other_formats(stored: Path, tmp_path: Path) -> None:
    for args in (["-o", tmp_path / "a.csv", "--no-datapackage"], ["-o", tmp_path / "a.jsonl"]):
        assert (
            invoke(
                "export",
                *args,
                "--format",
                "csv" if "--no-datapackage" in args else "jsonl",
                "--db",
                stored,
            ).exit_code
            == 0
        )
    assert not (tmp_path / "datapackage.json").exists()


def test_a_foreign_datapackage_json_is_left_alone(stored: Path, tmp_path: Path) -> None:
    foreign = tmp_path / "datapackage.json"
    foreign.write_text('{"note": "not ours"}', encoding="utf-8")
    result = invoke("export", "-o", tmp_path / "figures.csv", "--db", stored)
    assert result.exit_code == 1
    assert "no 'resources' list" in result.stderr
    assert foreign.read_text(encoding="utf-8") == '{"note": "not ours"}'
