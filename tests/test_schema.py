"""The pandera model agrees with tracker.model; the contracts are generated and committed."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import UTC, date, datetime
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from tracker.cli import app
from tracker.contracts import DICTIONARY_NAME, TABLE_SCHEMA_NAME, table_schema, write_contracts
from tracker.model import COLUMN_NAMES, COLUMNS, polars_schema
from tracker.schema import FiguresModel

SCHEMAS = Path(__file__).parent.parent / "schemas"
runner = CliRunner()


def test_the_pandera_model_declares_every_column_of_the_table() -> None:
    columns = FiguresModel.to_schema().columns
    assert list(columns) == list(COLUMN_NAMES)
    for spec in COLUMNS:
        declared = columns[spec.name]
        assert declared.dtype.type == polars_schema()[spec.name], spec.name
        assert declared.description == spec.description
        assert declared.nullable == spec.nullable
        allowed = [c.statistics["allowed_values"] for c in declared.checks if c.name == "isin"]
        assert allowed == ([list(spec.choices)] if spec.choices else [])


@pytest.mark.parametrize("name", [DICTIONARY_NAME, TABLE_SCHEMA_NAME])
def test_the_committed_contracts_are_up_to_date(tmp_path: Path, name: str) -> None:
    write_contracts(tmp_path)
    committed = (SCHEMAS / name).read_text(encoding="utf-8")
    assert (tmp_path / name).read_text(encoding="utf-8") == committed, (
        f"schemas/{name} is stale: run `tracker schema export --out schemas` and commit it"
    )


def test_the_contracts_are_deterministic(tmp_path: Path) -> None:
    first = [p.read_bytes() for p in write_contracts(tmp_path / "a")]
    second = [p.read_bytes() for p in write_contracts(tmp_path / "b")]
    assert first == second
    assert all(text.endswith(b"\n") and not text.endswith(b"\n\n") for text in first)


def test_the_table_schema_carries_the_constraints() -> None:
    schema = table_schema()
    fields = {f["name"]: f for f in schema["fields"]}
    assert list(fields) == list(COLUMN_NAMES)
    assert schema["primaryKey"] == ["figure_id"]
    assert fields["value"]["type"] == "integer"
    assert fields["value"]["constraints"] == {"required": True, "minimum": 0, "maximum": 50_000_000}
    assert fields["metric"]["constraints"]["enum"] == [
        "evacuated",
        "remaining",
        "to_evacuate",
        "housed",
    ]
    admin1 = fields["admin1_pcode"]["constraints"]
    assert admin1["required"] is False
    # Frictionless patterns are implicitly anchored: UA63 and SD02 pass, UA6 does not.
    assert re.fullmatch(admin1["pattern"], "UA63")
    assert re.fullmatch(admin1["pattern"], "SD02")
    assert not re.fullmatch(admin1["pattern"], "UA6")
    assert fields["as_of"]["type"] == "date"
    assert fields["figure_id"]["constraints"]["unique"] is True


def test_the_table_schema_formats_match_the_csv_export() -> None:
    from tracker.tables import write_table

    stamp = datetime(2024, 5, 11, 9, 30, 15, 123456, tzinfo=UTC)
    figures = pl.DataFrame(
        [{"as_of": date(2024, 5, 10), "recorded_at": stamp}], schema=polars_schema()
    )
    target = io.BytesIO()
    write_table(figures, "csv", target)
    row = next(csv.DictReader(io.StringIO(target.getvalue().decode("utf-8"))))
    fields = {f["name"]: f for f in table_schema()["fields"]}
    assert datetime.strptime(row["recorded_at"], fields["recorded_at"]["format"]) == stamp.replace(
        tzinfo=None
    )
    assert fields["as_of"]["format"] == "default"
    assert date.fromisoformat(row["as_of"]) == date(2024, 5, 10)


def test_the_dictionary_lists_every_column_and_the_rules() -> None:
    text = (SCHEMAS / DICTIONARY_NAME).read_text(encoding="utf-8")
    for spec in COLUMNS:
        assert f"| `{spec.name}` |" in text
    assert "children or families must not exceed the people figure" in text
    assert "must be <= 50,000,000" in text
    assert "### Warnings" in text


def test_schema_export_writes_both_files(tmp_path: Path) -> None:
    out = tmp_path / "contracts"
    result = runner.invoke(app, ["schema", "export", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"wrote {out / DICTIONARY_NAME}",
        f"wrote {out / TABLE_SCHEMA_NAME}",
    ]
    assert result.stdout == ""
    assert json.loads((out / TABLE_SCHEMA_NAME).read_text(encoding="utf-8")) == table_schema()


def test_schema_export_into_a_file_fails_cleanly(tmp_path: Path) -> None:
    blocker = tmp_path / "taken"
    blocker.write_text("not a folder", encoding="utf-8")
    result = runner.invoke(app, ["schema", "export", "--out", str(blocker / "sub")])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("error: cannot write the contracts into")
    assert "Traceback" not in result.output


def test_frictionless_accepts_the_export_and_rejects_bad_rows(tmp_path: Path) -> None:
    import frictionless
    from test_validation import figure, frame

    from tracker.tables import write_table

    figures = frame(
        figure(admin2_pcode=None, since=date(2024, 5, 1)),
        figure(figure_id="f2", population_group="children", value=128, note='a, "quoted" note'),
    )
    write_table(figures, "csv", tmp_path / "good.csv")
    lines = (tmp_path / "good.csv").read_text(encoding="utf-8").splitlines()
    bad = [lines[0], lines[1].replace(",436,", ",-5,"), lines[2].replace(",UA14,", ",UA1,")]
    (tmp_path / "bad.csv").write_text("\n".join(bad) + "\n", encoding="utf-8")
    schema = frictionless.Schema.from_descriptor(table_schema())

    def errors(name: str) -> list[list[object]]:
        resource = frictionless.Resource(path=name, basepath=str(tmp_path), schema=schema)
        return resource.validate().flatten(["rowNumber", "fieldName", "type"])

    assert errors("good.csv") == []
    assert errors("bad.csv") == [
        [2, "value", "constraint-error"],
        [3, "admin1_pcode", "constraint-error"],
    ]
