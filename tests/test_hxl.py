"""HXL exports as HXL tools read them (libhxl), and HXL files as the tracker reads them."""

from __future__ import annotations

import csv
from pathlib import Path

import hxl
import polars as pl
import pytest
from typer.testing import CliRunner

import tracker
from tracker.cli import app
from tracker.hxl import GROUP_ATTRIBUTES, METRIC_ATTRIBUTES, column_for_tag

SEEDS = Path(__file__).parent.parent / "seeds"
runner = CliRunner()


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a SQLite store holding the seeds' figures (every metric but one group)."""
    db = tmp_path_factory.mktemp("hxl") / "tracker.db"
    tracker.ingest_texts(db, SEEDS)
    return db


@pytest.fixture(scope="module")
def exported(seeded: Path) -> list[list[str]]:
    """Return the rows of the seeds' HXL export: header, hashtags, then one per figure."""
    result = runner.invoke(app, ["export", "--format", "hxl", "--db", str(seeded)])
    assert result.exit_code == 0, result.output
    return list(csv.reader(result.stdout.splitlines()))


def _sums_by_district(rows: list[list[str]], aggregate: str, *filters: str) -> dict[str, int]:
    """Return libhxl's sum of `aggregate` per #adm2+code, after its row filters."""
    source = hxl.data(rows)
    for condition in filters:
        source = source.with_rows(condition)
    counted = source.count("#adm2+code", aggregators=f"sum({aggregate}) as Total#total")
    return {row.get("#adm2+code") or "": row.get("#total") for row in counted if row.get("#total")}


def _expected(seeded: Path, metric: str, group: str) -> dict[str, int]:
    figures = tracker.read_figures(seeded).filter(
        (pl.col("metric") == metric) & (pl.col("population_group") == group)
    )
    sums = figures.group_by(pl.col("admin2_pcode").fill_null("")).agg(pl.col("value").sum())
    return dict(sums.iter_rows())


def test_no_column_adds_up_unlike_figures(exported: list[list[str]]) -> None:
    tags = exported[1]
    assert "#affected+num" not in tags
    assert tags[exported[0].index("value")] == "#indicator+value+num"
    affected = [tag for tag in tags if tag.startswith("#affected")]
    assert len(affected) == len(METRIC_ATTRIBUTES) * len(GROUP_ATTRIBUTES) == len(set(affected))


@pytest.mark.parametrize(
    ("metric", "group"),
    [("evacuated", "people"), ("evacuated", "children"), ("remaining", "people"),
     ("remaining", "children"), ("to_evacuate", "children"), ("housed", "families")],
)  # fmt: skip
def test_libhxl_sums_one_kind_of_figure_per_tag(
    exported: list[list[str]], seeded: Path, metric: str, group: str
) -> None:
    expected = _expected(seeded, metric, group)
    tag = f"#affected+{METRIC_ATTRIBUTES[metric]}+{GROUP_ATTRIBUTES[group]}+num"
    assert _sums_by_district(exported, tag) == expected
    by_filter = _sums_by_district(
        exported,
        "#indicator+value+num",
        f"#indicator+metric={metric}",
        f"#indicator+group={group}",
    )
    assert by_filter == expected


def test_the_export_carries_country_hromada_and_settlement_codes(
    exported: list[list[str]],
) -> None:
    source = hxl.data(exported)
    rows = [(r.get("#loc+settlement"), r.get("#adm3+code"), r.get("#loc+code")) for r in source]
    settled = [row for row in rows if row[0]]
    assert len(settled) > len(rows) // 3  # most seed figures name a town or hromada
    assert all(hromada for _, hromada, _ in settled)
    assert ("Kramatorsk", "UA1412009", "UA1412009001") in settled
    # Lozova is read in its raion, Lozivskyi, not as the Luhansk town named Lozivskyi
    assert ("Lozova", "UA6310005", "UA6310005001") in settled
    assert ("Kupianska", "UA6308009", "") in settled or ("Kupianska", "UA6308009", None) in settled
    assert {r.get("#country+code") for r in hxl.data(exported)} <= {"UKR", "", None}


def test_an_hxl_export_imports_back_identical(seeded: Path, tmp_path: Path) -> None:
    path = tmp_path / "figures-hxl.csv"
    exported = runner.invoke(
        app, ["export", "--format", "hxl", "-o", str(path), "--db", str(seeded)]
    )
    assert exported.exit_code == 0, exported.output
    other = tmp_path / "other.db"
    result = runner.invoke(app, ["import", str(path), "--db", str(other)])
    assert result.exit_code == 0, result.output
    assert tracker.read_figures(other).equals(tracker.read_figures(seeded))


@pytest.mark.parametrize(
    ("tag", "column"),
    [
        ("#adm2+code", "admin2_pcode"),
        ("#adm2+code+v_pcode", "admin2_pcode"),
        ("#ADM2 +Code", "admin2_pcode"),
        ("#indicator+value+num", "value"),
        ("#affected+num", "value"),  # files exported before the scheme
        ("#affected+evacuated+children+num", "derived"),
        ("#adm3+code", "derived"),
        ("#date+reported+x_source", "as_of"),
        ("#date", None),
        ("#sector", None),
        ("not a tag", None),
    ],
)
def test_tags_match_by_attribute_subset(tag: str, column: str | None) -> None:
    assert column_for_tag(tag) == column


ROW = ["evacuated", "people", "436", "exact", "Kupyansk district", "2023-08-10", "Kharkiv RMA"]
HEADER = ["metric", "population_group", "value", "qualifier", "location", "as_of", "source"]
TAGS = [
    "#indicator+metric",
    "#indicator+group",
    "#affected+num",
    "#indicator+qualifier",
    "#loc+name",
    "#date+reported",
    "#meta+source+org",
]


@pytest.mark.parametrize(
    ("above", "bad_line"),
    [
        ([HEADER], 3),
        ([], 2),
        ([["Evacuation figures, August 2023", *[""] * 6], HEADER], 4),
        ([["Title", *[""] * 6], ["notes", *[""] * 6], HEADER], 5),
    ],
    ids=["header then tags", "tags only", "a title row", "title and notes"],
)
def test_the_hashtag_row_is_found_among_the_first_rows(
    tmp_path: Path, above: list[list[str]], bad_line: int
) -> None:
    path = tmp_path / "figures.csv"
    bad = [*ROW[:2], "many", *ROW[3:]]
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([*above, TAGS, bad, ROW])
    report = tracker.validate(path)
    assert report.rows == 2
    assert [(f.line, f.column, f.value) for f in report.errors] == [(bad_line, "value", "many")]
