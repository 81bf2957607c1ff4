"""The HTML report library: chart data, latest values, file names, CSVs, determinism."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from tracker.errors import InvalidDataError
from tracker.model import COLUMN_NAMES, polars_schema
from tracker.report import build_report
from tracker.schema import Failure

DAY = date(2024, 5, 12)
GENERATED = date(2024, 5, 20)


def figure(**overrides: Any) -> dict[str, Any]:
    """Return one figure row (Kupianskyi, evacuated people) with `overrides` applied."""
    row: dict[str, Any] = {
        "figure_id": "f0",
        "metric": "evacuated",
        "population_group": "people",
        "value": 100,
        "qualifier": "exact",
        "location": "Kupiansk district",
        "admin1_name": "Kharkivska",
        "admin1_pcode": "UA63",
        "admin2_name": "Kupianskyi",
        "admin2_pcode": "UA6308",
        "settlement": None,
        "place_match": "exact",
        "as_of": DAY,
        "since": None,
        "published_on": DAY,
        "period": "cumulative",
        "programme": None,
        "source_name": "Kharkiv OVA",
        "source_url": "https://example.org/news/1",
        "evidence": "100 people were evacuated",
        "method": "extracted",
        "recorded_at": datetime(2024, 5, 13, tzinfo=UTC),
        "doc_id": "d1",
        "claim_id": None,
        "note": None,
    }
    row.update(overrides)
    return row


def frame(*rows: dict[str, Any]) -> pl.DataFrame:
    """Return the figures frame of `rows`, giving each a distinct figure_id."""
    numbered = [{**row, "figure_id": row["figure_id"] + f"-{i}"} for i, row in enumerate(rows)]
    return pl.DataFrame(numbered, schema=polars_schema())


class _Page(HTMLParser):
    """Collects the JSON blocks, tags, attributes and links of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.json_blocks: dict[str, Any] = {}
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self._block: str | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "script" and attributes.get("type") == "application/json":
            self._block = attributes["id"]

    def handle_endtag(self, tag: str) -> None:
        self._block = None if tag == "script" else self._block

    def handle_data(self, data: str) -> None:
        if self._block is not None:
            self.json_blocks[self._block] = json.loads(data)
        else:
            self.text.append(data)

    def hrefs(self) -> list[str]:
        return [a["href"] or "" for tag, a in self.tags if tag == "a" and "href" in a]


def page(path: Path) -> _Page:
    """Return the parsed page at `path`."""
    parser = _Page()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


TABLE_BLOCK = "figures-data"


def _keys(coded: dict[str, list[Any]]) -> list[str]:
    """Return the distinct values of one column, undoing front coding where it is used."""
    keys: list[str] = []
    for j, suffix in enumerate(coded["k"]):
        shared = coded["p"][j] if "p" in coded else 0
        keys.append(keys[-1][:shared] + suffix if shared else suffix)
    return keys


def decode_table(table: dict[str, Any]) -> list[dict[str, Any]]:
    """Return the rows of a page's figure table JSON, decoding its dictionary-coded columns."""
    count = len(table["value"])
    columns = {
        name: [_keys(coded)[i] for i in coded.get("i", [0] * count)]
        for name, coded in table.items()
        if name != "value"
    }
    return [
        {"value": value, **{name: texts[i] for name, texts in columns.items()}}
        for i, value in enumerate(table["value"])
    ]


def figure_table(path: Path) -> list[dict[str, Any]]:
    """Return the rows of the table of figures of a district page, in page order."""
    return decode_table(page(path).json_blocks[TABLE_BLOCK])


def charts(path: Path) -> dict[str, dict[str, Any]]:
    """Return the plotly figures of a district page by div id, each point trace's x and y
    filled in from the figure table by its `rows`, as the page script does."""
    blocks = page(path).json_blocks
    rows = decode_table(blocks[TABLE_BLOCK])
    figures = {k.removesuffix("-data"): v for k, v in blocks.items() if k != TABLE_BLOCK}
    for figure_dict in figures.values():
        for trace in figure_dict["data"]:
            if "rows" in trace:
                trace["x"] = [rows[i]["as_of"] for i in trace["rows"]]
                trace["y"] = [rows[i]["value"] for i in trace["rows"]]
    return figures


def points(chart: dict[str, Any]) -> list[dict[str, Any]]:
    """Return the traces that plot figures (not the median lines)."""
    return [t for t in chart["data"] if "rows" in t]


def lines(chart: dict[str, Any]) -> dict[str, list[float]]:
    """Return the median lines of a chart: trace name -> y."""
    return {t["name"]: t["y"] for t in chart["data"] if t.get("mode") == "lines"}


@pytest.fixture
def out(tmp_path: Path) -> Path:
    return tmp_path / "report"


RUNNING_LINE = "people evacuated: line, running total, highest stated so far"


@pytest.mark.parametrize(
    ("period", "trace_type", "mode", "line"),
    [
        ("cumulative", "scatter", "markers", {RUNNING_LINE: [100]}),
        ("day", "bar", None, {}),
        ("single_operation", "bar", None, {}),
        ("unknown", "scatter", "markers", {}),
    ],
)
def test_period_decides_the_trace_kind_and_only_running_totals_are_joined(
    out: Path, period: str, trace_type: str, mode: str, line: dict[str, list[float]]
) -> None:
    build_report(frame(figure(period=period)), out, generated_on=GENERATED)

    chart = charts(out / "UA6308.html")["chart-evacuated"]
    (trace,) = points(chart)
    assert (trace["type"], trace.get("mode")) == (trace_type, mode)
    assert lines(chart) == line


@pytest.mark.parametrize(
    ("figures", "line"),
    [
        # (day of May 2024, value, qualifier, source)
        ([(10, 100, "exact", "A")], [100]),
        ([(10, 100, "exact", "A"), (11, 110, "exact", "A"), (11, 90, "exact", "B")], [100, 110]),
        (
            [(10, 100, "exact", "A"), (11, 95, "approx", "B"), (12, 120, "exact", "A")],
            [100, 100, 120],
        ),
        ([(10, 100, "exact", "A"), (11, 500, "at_most", "B")], [100]),
        ([(10, 6, "at_most", "A"), (11, 5, "at_most", "A")], [6, 6]),
        ([(10, 100, "at_least", "A"), (11, 104, "approx", "B")], [100, 104]),
    ],
)
def test_the_running_total_line_is_the_highest_credible_figure_so_far(
    out: Path, figures: list[tuple[int, int, str, str]], line: list[float]
) -> None:
    rows = frame(
        *(
            figure(as_of=date(2024, 5, day), value=value, qualifier=qualifier, source_name=source)
            for day, value, qualifier, source in figures
        )
    )
    build_report(rows, out, generated_on=GENERATED)

    chart = charts(out / "UA6308.html")["chart-evacuated"]
    assert lines(chart) == {RUNNING_LINE: line}
    assert sum(len(t["rows"]) for t in points(chart)) == len(figures)


@pytest.mark.parametrize(
    ("qualifier", "symbol", "legend_word", "error_up", "error_down"),
    [
        ("exact", "circle", "exact", None, None),
        ("approx", "circle-open", "about (hollow)", None, None),
        ("at_least", "triangle-up", "at least", 10, 0),
        ("at_most", "triangle-down", "at most", 0, 10),
    ],
)
def test_qualifier_decides_marker_and_legend(
    out: Path,
    qualifier: str,
    symbol: str,
    legend_word: str,
    error_up: int | None,
    error_down: int | None,
) -> None:
    build_report(frame(figure(qualifier=qualifier)), out, generated_on=GENERATED)

    (trace,) = points(charts(out / "UA6308.html")["chart-evacuated"])
    assert trace["marker"]["symbol"] == symbol
    assert legend_word in trace["name"]
    error = trace.get("error_y", {})
    assert (error.get("value"), error.get("valueminus")) == (error_up, error_down)


def test_approximate_bars_are_hollow(out: Path) -> None:
    rows = frame(
        figure(period="day", qualifier="approx"), figure(period="day", as_of=date(2024, 5, 11))
    )
    build_report(rows, out, generated_on=GENERATED)

    bars = points(charts(out / "UA6308.html")["chart-evacuated"])
    fills = {t["name"].rsplit(", ", 1)[1]: t["marker"]["color"] for t in bars}
    assert fills["about (hollow)"] == "rgba(0,0,0,0)"
    assert fills["exact"].startswith("#")


def test_same_day_disagreeing_sources_are_all_plotted_with_the_spread(out: Path) -> None:
    rows = frame(
        figure(value=150, source_name="Kharkiv OVA"),
        figure(value=160, source_name="Suspilne"),
        figure(value=100, as_of=date(2024, 5, 10)),
    )
    build_report(rows, out, generated_on=GENERATED)

    chart = charts(out / "UA6308.html")["chart-evacuated"]
    (trace,) = points(chart)
    assert sorted(zip(trace["x"], trace["y"], strict=True)) == [
        ("2024-05-10", 100),
        ("2024-05-12", 150),
        ("2024-05-12", 160),
    ]
    assert list(lines(chart).values()) == [[100, 160]]
    cells = {a.get("data-sort") for tag, a in page(out / "index.html").tags if tag == "td"}
    assert "160" in cells


def test_people_remaining_get_a_line_through_the_daily_median(out: Path) -> None:
    rows = frame(
        figure(metric="remaining", period="unknown", value=900, as_of=date(2024, 5, 10)),
        figure(metric="remaining", period="unknown", value=800, source_name="A"),
        figure(metric="remaining", period="unknown", value=700, source_name="B"),
    )
    build_report(rows, out, generated_on=GENERATED)

    chart = charts(out / "UA6308.html")["chart-remaining"]
    (line,) = [t for t in chart["data"] if t.get("mode") == "lines"]
    assert (line["x"], line["y"]) == (["2024-05-10", "2024-05-12"], [900, 750])
    assert line["name"] == "people remaining: line, median of each day's figures"


def test_a_settlement_count_is_its_own_series_and_not_the_latest(out: Path) -> None:
    rows = frame(
        figure(value=2000),
        figure(value=2010, source_name="Suspilne"),
        figure(value=300, settlement="Kupiansk", as_of=date(2024, 5, 13)),
        figure(value=320, settlement="Kupiansk", as_of=date(2024, 5, 13), source_name="B"),
    )
    build_report(rows, out, generated_on=GENERATED)

    chart = charts(out / "UA6308.html")["chart-evacuated"]
    assert lines(chart) == {
        RUNNING_LINE: [2010],
        "people evacuated in Kupiansk: line, running total, highest stated so far": [320],
    }
    cells = {a.get("data-sort") for tag, a in page(out / "index.html").tags if tag == "td"}
    assert "2010" in cells
    assert "320" not in cells


def test_hover_shows_value_qualifier_date_source_and_evidence(out: Path) -> None:
    row = figure(
        value=1234, qualifier="approx", evidence="about 1,234 left", since=date(2024, 5, 1)
    )
    build_report(frame(row), out, generated_on=GENERATED)

    (trace,) = points(charts(out / "UA6308.html")["chart-evacuated"])
    assert trace["hovertemplate"] == "<b>%{y:,}</b> about<br>%{x}%{customdata}"
    assert trace["name"] == "people evacuated, running total, about (hollow)"
    (shown,) = [figure_table(out / "UA6308.html")[i] for i in trace["rows"]]
    assert (shown["since"], shown["source_name"], shown["evidence"]) == (
        "2024-05-01",
        "Kharkiv OVA",
        "about 1,234 left",
    )


def test_charts_group_metrics_and_programmes(out: Path) -> None:
    rows = frame(
        figure(metric="remaining", period="unknown", value=900),
        figure(metric="to_evacuate", period="unknown", population_group="children", value=40),
        figure(metric="housed", period="unknown", programme="Shelter", value=30),
        figure(metric="housed", period="unknown", value=20),
    )
    build_report(rows, out, generated_on=GENERATED)

    district = charts(out / "UA6308.html")
    assert set(district) == {"chart-remaining", "chart-housed"}
    remaining = {t["legendgroup"] for t in district["chart-remaining"]["data"]}
    assert remaining == {"people remaining", "children to be evacuated"}
    housed = {t["legendgroup"]: t["y"] for t in district["chart-housed"]["data"]}
    assert housed == {
        "people housed by Shelter (Prykhystok)": [30],
        "people housed by programme not named": [20],
    }


INDEX_HEADINGS = [
    "Oblast",
    "District",
    "Evacuated, running total",
    "Change since previous report",
    "Latest count over a day or one operation",
    "Remaining",
    "To be evacuated",
    "Housed",
    "Trend of evacuated",
    "Latest data",
    "Warnings",
]


def index_rows(out: Path) -> list[dict[str, str | None]]:
    """Return the index's rows as heading -> the cell's data-sort value."""
    sorts = [a.get("data-sort") for tag, a in page(out / "index.html").tags if tag == "td"]
    width = len(INDEX_HEADINGS)
    return [
        dict(zip(INDEX_HEADINGS, sorts[i : i + width], strict=True))
        for i in range(0, len(sorts), width)
    ]


def index_text(out: Path) -> str:
    return " ".join(" ".join(page(out / "index.html").text).split())


def test_index_shows_running_totals_counts_and_programmes_apart(out: Path) -> None:
    rows = frame(
        figure(value=500, as_of=date(2024, 5, 10)),
        figure(value=700),
        figure(value=35, period="day", as_of=date(2024, 5, 13)),
        figure(metric="housed", period="unknown", programme="Shelter", value=30),
        figure(metric="housed", period="unknown", programme="eOselia", value=12),
    )
    build_report(rows, out, generated_on=GENERATED)

    (row,) = index_rows(out)
    assert row["Evacuated, running total"] == "700"
    assert row["Change since previous report"] == "+200"
    assert row["Latest count over a day or one operation"] == "35"
    assert row["Housed"] == "42"
    assert "35 in one day" in index_text(out)
    assert "+200 since 2024-05-10" in index_text(out)


@pytest.mark.parametrize(
    ("figures", "column", "shown", "words"),
    [
        # Two places, one source: one place's value, never "20,000-45,000".
        (
            [
                {"settlement": "Pokrovsk", "value": 45000, "qualifier": "at_most"},
                {"settlement": "Myrnohrad", "value": 20000, "qualifier": "at_least"},
            ],
            "Remaining",
            "45000",
            "≤45,000 in Pokrovsk +1 place",
        ),
        # A district-wide figure is preferred to a settlement's.
        (
            [{"settlement": "Kupiansk", "value": 900}, {"value": 4000}],
            "Remaining",
            "4000",
            "4,000 +1 place",
        ),
        # A lower second source on a later day does not lower a running total.
        (
            [
                {"metric": "evacuated", "period": "cumulative", "value": 25000},
                {
                    "metric": "evacuated",
                    "period": "cumulative",
                    "value": 24000,
                    "source_name": "B",
                    "as_of": date(2024, 5, 13),
                },
            ],
            "Evacuated, running total",
            "25000",
            "25,000 2024-05-12",
        ),
    ],
)
def test_an_index_cell_never_joins_places_or_drops_with_a_lower_source(
    out: Path, figures: list[dict[str, Any]], column: str, shown: str, words: str
) -> None:
    defaults = {"metric": "remaining", "period": "unknown"}
    build_report(frame(*(figure(**(defaults | f)) for f in figures)), out, generated_on=GENERATED)

    (row,) = index_rows(out)
    assert row[column] == shown
    assert words in index_text(out)
    assert re.search(r"\d\u2013\d", index_text(out)) is None


def test_a_daily_children_count_is_not_paired_with_a_running_total(out: Path) -> None:
    rows = frame(
        figure(value=6300, qualifier="at_least", as_of=date(2024, 5, 14)),
        figure(value=52, population_group="children", period="day", as_of=date(2024, 5, 13)),
    )
    build_report(rows, out, generated_on=GENERATED)

    (row,) = index_rows(out)
    assert row["Evacuated, running total"] == "6300"
    assert row["Latest count over a day or one operation"] == "52"
    assert "children 52 in one day" in index_text(out)
    assert "≥6,300 children" not in index_text(out)


def test_the_index_csv_lists_every_value_the_index_shows(out: Path) -> None:
    rows = frame(
        figure(value=500, as_of=date(2024, 5, 10)),
        figure(value=600, as_of=date(2024, 5, 11)),
        figure(value=700),
        figure(value=35, period="day", as_of=date(2024, 5, 13)),
        figure(metric="remaining", period="unknown", value=900, settlement="Kupiansk"),
    )
    build_report(rows, out, generated_on=GENERATED)

    shown = pl.read_csv(out / "index.csv", try_parse_dates=True)
    assert shown.select("shown_as", "value", "as_of", "place").rows() == [
        ("people evacuated, running total", 700.0, DAY, None),
        ("trend of people evacuated, running total", 500.0, date(2024, 5, 10), None),
        ("trend of people evacuated, running total", 700.0, DAY, None),
        ("people remaining", 900.0, DAY, "Kupiansk"),
        (
            "latest count over a day, an operation or an unstated span",
            35.0,
            date(2024, 5, 13),
            None,
        ),
    ]
    assert set(shown["page"]) == {"UA6308.html"}
    assert "index.csv" in page(out / "index.html").hrefs()


@pytest.mark.parametrize(
    ("values", "shown"),
    [
        ([24000], "Figures: 24,000 on 2024-05-13 from B"),
        ([1234567, 999], "Figures: 999 on 2024-05-13 from B; 1,234,567 on 2024-05-13 from B"),
        (list(range(7)), "Figures: 0 on 2024-05-13 from B; 1 on"),
        (list(range(7)), "4 on 2024-05-13 from B; and 2 more"),
    ],
)
def test_a_warning_is_listed_once_with_the_figures_it_is_about(
    out: Path, values: list[int], shown: str
) -> None:
    rows = frame(
        figure(value=25000),
        *(figure(value=v, as_of=date(2024, 5, 13), source_name="B") for v in values),
    )
    warnings = [
        Failure(severity="warning", rule="went down: 25000 was earlier", column="value", row=i)
        for i in range(1, len(values) + 1)
    ]
    build_report(rows, out, warnings=warnings, generated_on=GENERATED)

    text = " ".join(" ".join(page(out / "UA6308.html").text).split())
    assert text.count("went down: 25000 was earlier") == 1
    assert shown in text
    (row,) = index_rows(out)
    assert row["Warnings"] == "1"


def test_warnings_are_a_count_linking_to_the_district_list(out: Path) -> None:
    rows = frame(figure(), figure(value=90, as_of=date(2024, 5, 13)))
    warnings = [
        Failure(severity="warning", rule="went down", column="value", row=1),
        Failure(severity="warning", rule="another", column="value", row=1),
    ]
    build_report(rows, out, warnings=warnings, generated_on=GENERATED)

    (row,) = index_rows(out)
    assert row["Warnings"] == "2"
    assert "UA6308.html#warnings" in page(out / "index.html").hrefs()
    assert "went down" not in index_text(out)
    ids = [a.get("id") for _, a in page(out / "UA6308.html").tags]
    assert "warnings" in ids


@pytest.mark.parametrize(
    ("latest", "badge"),
    [
        (date(2024, 5, 20), "fresh 0"),
        (date(2024, 5, 17), "fresh 3"),
        (date(2024, 5, 16), "aging 4"),
        (date(2024, 5, 6), "aging 14"),
        (date(2024, 5, 5), "stale 15"),
    ],
)
def test_freshness_badge_counts_days_from_the_report_date(
    out: Path, latest: date, badge: str
) -> None:
    build_report(frame(figure(as_of=latest, published_on=latest)), out, generated_on=GENERATED)

    index = out.joinpath("index.html").read_text(encoding="utf-8")
    kind, age = badge.split(" ")
    assert f'<span class="badge {kind}" title="{kind}: {age} days old">{age} d</span>' in index


def test_pages_are_named_by_pcode_else_by_a_unique_slug(out: Path) -> None:
    rows = frame(
        figure(),
        figure(admin2_pcode=None, admin2_name=None, location="Borova"),
        figure(admin2_pcode=None, admin2_name=None, location="borova "),
        figure(admin2_pcode=None, admin2_name=None, location="Борова"),
        figure(admin2_pcode=None, admin2_name=None, location="../index"),
    )
    result = build_report(rows, out, generated_on=GENERATED)

    pages = sorted(p.name for p in out.glob("*.html"))
    assert result.districts == 4
    assert "UA6308.html" in pages
    assert len(pages) == 5
    assert len([p for p in pages if p.startswith("borova-")]) == 1
    assert all(p.parent == out for p in result.paths if p.suffix in {".html", ".csv"})
    linked = {href.split("#")[0] for href in page(out / "index.html").hrefs()}
    assert linked == {p for p in pages if p != "index.html"} | {"index.csv"}


def test_csv_holds_exactly_the_figures_the_page_shows(out: Path) -> None:
    rows = frame(
        figure(value=100, as_of=date(2024, 5, 10)),
        figure(value=120, qualifier="approx"),
        figure(value=30, population_group="children", period="day"),
        figure(metric="remaining", period="unknown", value=900),
        figure(admin2_pcode="UA6310", admin2_name="Izium", value=7),
    )
    build_report(rows, out, generated_on=GENERATED)

    shown = pl.read_csv(out / "UA6308.csv", schema=polars_schema())
    expected = rows.filter(pl.col("admin2_pcode") == "UA6308")
    assert_frame_equal(shown.sort("figure_id"), expected.sort("figure_id"))
    plotted = [
        y for chart in charts(out / "UA6308.html").values() for t in points(chart) for y in t["y"]
    ]
    assert sorted(plotted) == sorted(shown["value"].to_list())
    assert "UA6308.csv" in page(out / "UA6308.html").hrefs()


def test_the_table_of_figures_lists_what_the_csv_holds(out: Path) -> None:
    rows = frame(
        figure(value=100, as_of=date(2024, 5, 10), since=date(2024, 5, 1)),
        figure(value=110, source_url="https://example.org/news/12"),
        figure(value=115, source_url="https://example.org/new"),
        figure(value=120, qualifier="approx", source_name="B", evidence=None),
        figure(value=30, population_group="children", period="day", source_url="ftp://x"),
        figure(metric="housed", period="unknown", programme="Shelter", settlement="Borova"),
        figure(admin2_pcode="UA6310", admin2_name="Izium", value=7),
    )
    build_report(rows, out, generated_on=GENERATED)

    shown = pl.DataFrame(figure_table(out / "UA6308.html"))
    csv = pl.read_csv(out / "UA6308.csv", schema=polars_schema())
    expected = csv.select(
        "value",
        pl.col("as_of").cast(pl.String),
        "qualifier",
        pl.col("since").cast(pl.String).fill_null(""),
        pl.coalesce("settlement", "location").alias("place"),
        pl.col("programme").fill_null(""),
        "source_name",
        pl.when(pl.col("source_url").str.starts_with("https")).then("source_url").alias("href"),
        pl.when(~pl.col("source_url").str.starts_with("https")).then("source_url").alias("url"),
        pl.col("evidence").fill_null(""),
    )
    actual = shown.select(
        *expected.columns[:7],
        pl.col("href").replace("", None),
        pl.col("url_text").replace("", None).alias("url"),
        "evidence",
    )
    assert_frame_equal(actual, expected)


def test_the_same_data_gives_the_same_bytes(tmp_path: Path) -> None:
    rows = frame(
        figure(value=100, as_of=date(2024, 5, 10)),
        figure(value=120, source_name="B"),
        figure(value=130, source_name="A"),
        figure(admin2_pcode=None, location="Borova", period="day"),
    )
    first = build_report(rows, tmp_path / "a", generated_on=GENERATED)
    second = build_report(rows.reverse(), tmp_path / "b", generated_on=GENERATED)

    names = sorted(p.relative_to(tmp_path / "a") for p in first.paths)
    assert names == sorted(p.relative_to(tmp_path / "b") for p in second.paths)
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_report_date_defaults_to_the_latest_figure(out: Path) -> None:
    build_report(frame(figure(as_of=date(2024, 5, 9), published_on=date(2024, 5, 9))), out)

    assert "Generated on 2024-05-09" in out.joinpath("index.html").read_text(encoding="utf-8")


def test_warnings_are_shown_with_their_district(out: Path) -> None:
    rows = frame(figure(), figure(admin2_pcode="UA6310", admin2_name="Izium", value=5))
    warning = Failure(severity="warning", rule="went down", column="value", row=1)
    unplaced = Failure(severity="warning", rule="about no row")
    build_report(rows, out, warnings=[warning, unplaced], generated_on=GENERATED)

    shown = " ".join(" ".join(page(out / "UA6310.html").text).split())
    assert "went down. Figures: 5 on 2024-05-12 from Kharkiv OVA" in shown
    assert "went down" not in "".join(page(out / "UA6308.html").text)
    assert "about no row" not in out.joinpath("index.html").read_text(encoding="utf-8")


def test_plotly_is_written_once_and_loaded_by_relative_path(out: Path) -> None:
    build_report(frame(figure(), figure(admin2_pcode="UA6310")), out, generated_on=GENERATED)

    plotly_js = out.joinpath("assets", "plotly.min.js").read_text(encoding="utf-8")
    assert plotly_js.startswith("/**\n* plotly.js (basic - minified) v")
    for html in out.glob("*.html"):
        sources = [a["src"] for tag, a in page(html).tags if tag == "script" and "src" in a]
        assert all(s is not None and s.startswith("assets/") for s in sources)
        assert "://" not in "".join(s or "" for s in sources)


def test_frame_without_model_columns_is_refused(out: Path) -> None:
    with pytest.raises(InvalidDataError, match="source_name"):
        build_report(frame(figure()).drop("source_name"), out)


def test_empty_frame_writes_an_empty_index(out: Path) -> None:
    result = build_report(pl.DataFrame(schema=polars_schema()), out, generated_on=GENERATED)

    assert (result.districts, result.figures) == (0, 0)
    assert result.index.is_file()
    assert [p.name for p in out.glob("*.csv")] == ["index.csv"]
    assert pl.read_csv(out / "index.csv").height == 0


def test_only_model_columns_reach_the_csv(out: Path) -> None:
    rows = frame(figure()).with_columns(pl.lit("x").alias("_extra"))
    build_report(rows, out, generated_on=GENERATED)

    assert pl.read_csv(out / "UA6308.csv").columns == list(COLUMN_NAMES)


def test_the_vendored_bundle_is_the_installed_plotly_version() -> None:
    from plotly.offline import get_plotlyjs_version

    from tracker.report.assets import VENDORED_PLOTLY_JS

    head = VENDORED_PLOTLY_JS.read_text(encoding="utf-8")[:200]
    assert f"plotly.js (basic - minified) v{get_plotlyjs_version()}\n" in head


def test_full_plotly_writes_the_installed_package_bundle(out: Path) -> None:
    from plotly.offline import get_plotlyjs

    build_report(frame(figure()), out, generated_on=GENERATED, full_plotly=True)

    assert out.joinpath("assets", "plotly.min.js").read_text(encoding="utf-8") == get_plotlyjs()


def test_every_chart_is_a_valid_plotly_figure(out: Path) -> None:
    import plotly.graph_objects as go

    rows = frame(
        figure(figure_id="f1", period="cumulative"),
        figure(figure_id="f2", period="day", qualifier="approx", value=30),
        figure(figure_id="f3", metric="remaining", qualifier="at_most", value=900),
        figure(figure_id="f4", metric="housed", programme="Shelter", value=40),
    )
    build_report(rows, out, generated_on=GENERATED)

    for chart in charts(out / "UA6308.html").values():
        for trace in chart["data"]:
            trace.pop("rows", None)  # the page script's pointer into the table, not plotly's
        # plotly's validators reject any property or value plotly.js would not understand.
        validated = go.Figure(chart).to_dict()
        assert validated["data"], "a chart with no traces"
        assert all(len(t["x"]) == len(t["y"]) for t in validated["data"] if "x" in t)


def test_programmes_a_report_names_without_a_figure_are_listed_with_its_district(
    out: Path,
) -> None:
    mentions = pl.DataFrame(
        {
            "doc_id": ["d1", "d9"],
            "programme": ["Shelter", "eOselia"],
            "published_on": [DAY, DAY],
        }
    )
    build_report(frame(figure(doc_id="d1")), out, generated_on=GENERATED, mentions=mentions)

    text = "".join(page(out / "UA6308.html").text)
    assert "Housing programmes mentioned" in text
    assert "Shelter (Prykhystok)" in text, "named by d1, whose figure is about this district"
    assert "eOselia" not in text, "d9 has no figure in this report"


def test_chart_alt_text_names_each_series_with_first_and_last_values(out: Path) -> None:
    rows = frame(
        figure(value=500, as_of=date(2024, 5, 10)),
        figure(value=1700),
        figure(value=35, period="day", population_group="children"),
    )
    build_report(rows, out, generated_on=GENERATED)

    parsed = page(out / "UA6308.html")
    figures = [a for tag, a in parsed.tags if tag == "figure"]
    labels = [text.strip() for text in parsed.text if text.strip().startswith("People evacuated.")]
    assert figures == [{"class": "chart-figure", "aria-labelledby": "chart-evacuated-alt"}]
    assert labels == [
        "People evacuated. children evacuated, in one day: 35 on 2024-05-12; people evacuated,"
        " running total: 500 on 2024-05-10 to 1,700 on 2024-05-12. Every figure is in the"
        " table of figures below."
    ]


def test_a_group_has_one_colour_and_a_qualifier_one_mark_on_every_page(out: Path) -> None:
    rows = frame(
        figure(population_group="children", value=40),
        figure(value=100, qualifier="approx"),
        figure(admin2_pcode="UA6310", admin2_name="Izium", population_group="children"),
        figure(admin2_pcode="UA6310", admin2_name="Izium", metric="remaining", value=9),
        figure(admin2_pcode="UA6310", admin2_name="Izium", population_group="families"),
    )
    build_report(rows, out, generated_on=GENERATED)

    colours: dict[str, set[str]] = {}
    marks: dict[str, set[str]] = {}
    for name in ("UA6308.html", "UA6310.html"):
        for chart in charts(out / name).values():
            for trace in points(chart):
                group = trace["name"].split(" ", 1)[0]
                colours.setdefault(group, set()).add(trace["marker"]["color"])
                marks.setdefault(trace["name"].rsplit(", ", 1)[1], set()).add(
                    trace["marker"]["symbol"]
                )
    assert colours == {"people": {"#1f5f99"}, "children": {"#c2410c"}, "families": {"#6d28d9"}}
    assert marks == {"exact": {"circle"}, "about (hollow)": {"circle-open"}}
    y_titles = {
        name: charts(out / name)["chart-evacuated"]["layout"]["yaxis"]["title"]["text"]
        for name in ("UA6308.html", "UA6310.html")
    }
    assert y_titles == {
        "UA6308.html": "people",
        "UA6310.html": "people or families (see legend)",
    }


@pytest.mark.parametrize(
    ("period", "axis"),
    [("cumulative", None), ("unknown", None), ("day", "y2"), ("single_operation", "y2")],
)
def test_counts_over_a_day_or_operation_have_their_own_axis(
    out: Path, period: str, axis: str | None
) -> None:
    build_report(
        frame(figure(value=2000), figure(value=40, period=period)), out, generated_on=GENERATED
    )

    chart = charts(out / "UA6308.html")["chart-evacuated"]
    (trace,) = [t for t in points(chart) if 40 in t["y"]]
    assert trace.get("yaxis") == axis
    right = chart["layout"].get("yaxis2", {}).get("title", {}).get("text")
    assert right == (None if axis is None else "people in one day or operation (bars)")
