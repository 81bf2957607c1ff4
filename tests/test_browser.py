"""The report in a real headless chromium over file://: charts render, nothing else loads.

Needs Debian's chromium at /usr/bin/chromium (CI installs it); never skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import Browser, Dialog, Page, sync_playwright
from test_report import GENERATED, figure, frame

from tracker.report import build_report

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HOSTILE = '<script>alert(1)</script>" onmouseover="alert(2)" x=" %{y} <b>bold</b>'
URL_12 = "https://example.org/news/12"
LONG_QUOTE = "a quote of 150 characters: " + "x" * 123
TIMEOUT_MS = 20_000


@dataclass
class Visit:
    """What a page did while it loaded."""

    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a report folder: two P-code districts, one named place, hostile source text."""
    out = tmp_path_factory.mktemp("browser") / "report"
    rows = frame(
        figure(value=100, as_of=date(2024, 5, 10), since=date(2024, 5, 1), evidence=LONG_QUOTE),
        figure(value=150, qualifier="approx", source_name=HOSTILE, evidence=HOSTILE),
        figure(value=160, qualifier="at_least", source_url="javascript:alert(3)"),
        figure(value=40, population_group="children", period="day", source_url=URL_12),
        figure(metric="remaining", period="unknown", value=900, qualifier="at_most"),
        figure(metric="housed", period="unknown", programme=HOSTILE, value=30),
        figure(admin2_pcode="UA6310", admin2_name="Izium", value=7, period="single_operation"),
        figure(admin2_pcode=None, admin2_name=None, location=HOSTILE, value=3),
    )
    build_report(rows, out, generated_on=GENERATED)
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


def open_page(browser: Browser, path: Path) -> tuple[Page, Visit]:
    """Open `path` over file:// and return the page once its charts are drawn."""
    page = browser.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    visit = Visit()
    page.on(
        "console", lambda m: visit.errors.append(m.text) if m.type in {"error", "warning"} else None
    )
    page.on("pageerror", lambda error: visit.errors.append(str(error)))
    page.on("request", lambda request: visit.requests.append(request.url))

    def dismiss(dialog: Dialog) -> None:
        visit.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    page.goto(path.as_uri(), wait_until="load")
    page.wait_for_function(
        "Array.from(document.querySelectorAll('div[data-figure]'))"
        ".every(div => div.querySelector('svg.main-svg'))"
    )
    return page, visit


@pytest.fixture(scope="module")
def opened(browser: Browser, report: Path) -> dict[str, tuple[Page, Visit]]:
    """Return every page of the report, opened once, with what it did while loading."""
    return {path.name: open_page(browser, path) for path in sorted(report.glob("*.html"))}


def test_every_page_loads_without_errors_or_network(
    opened: dict[str, tuple[Page, Visit]],
) -> None:
    assert len(opened) == 4
    for name, (_, visit) in opened.items():
        assert visit.errors == [], name
        assert visit.dialogs == [], name
        assert [url for url in visit.requests if not url.startswith("file://")] == [], name


def test_every_chart_renders_an_svg(opened: dict[str, tuple[Page, Visit]]) -> None:
    page, _ = opened["UA6308.html"]
    chart_ids = page.eval_on_selector_all("div[data-figure]", "divs => divs.map(d => d.id)")
    rendered = page.eval_on_selector_all(
        "div[data-figure]", "divs => divs.filter(d => d.querySelector('svg.main-svg')).length"
    )
    assert chart_ids == ["chart-evacuated", "chart-remaining", "chart-housed"]
    assert rendered == 3


def test_hover_shows_hostile_text_as_text_and_runs_nothing(
    opened: dict[str, tuple[Page, Visit]],
) -> None:
    page, visit = opened["UA6308.html"]
    hover = _hover(page, "about (hollow)", 0)
    injected = page.evaluate(
        "document.querySelectorAll('.hoverlayer script, [onmouseover]').length"
    )
    assert hover is not None
    assert HOSTILE in hover
    assert injected == 0
    assert visit.dialogs == []


def _hover(page: Page, trace_word: str, point: int) -> str:
    """Hover one point of the evacuated chart; return the hover label's text.

    Plotly throttles hover events, so a label drawn for an earlier hover may
    still be on screen: clear it, then wait for the label of this trace.
    """
    page.evaluate(
        """([word, point]) => {
          const div = document.getElementById('chart-evacuated');
          const curve = div.data.findIndex(t => t.name.includes(word) && t.mode !== 'lines');
          Plotly.Fx.unhover(div);
          Plotly.Fx.hover(div, [{curveNumber: curve, pointNumber: point}]);
        }""",
        [trace_word, point],
    )
    page.wait_for_function(
        "word => (document.querySelector('#chart-evacuated .hoverlayer')"
        "?.textContent ?? '').includes(word)",
        arg=trace_word,
    )
    return page.locator("#chart-evacuated .hoverlayer").text_content() or ""


def test_hover_shows_value_date_since_source_and_a_shortened_quote(
    opened: dict[str, tuple[Page, Visit]],
) -> None:
    page, _ = opened["UA6308.html"]
    hover = _hover(page, "people evacuated, running total, exact", 0)
    assert hover == (
        "people evacuated, running total, exact"
        "100 exact"
        "2024-05-10 (since 2024-05-01)"
        "Source: Kharkiv OVA"
        "example.org/news/1"
        "\u201c" + LONG_QUOTE[:100] + "\u2026\u201d"
        "Click: this figure in the table below"
    )


def test_clicking_a_point_shows_its_row_in_the_table_of_figures(
    browser: Browser, report: Path
) -> None:
    page, visit = open_page(browser, report / "UA6308.html")
    page.evaluate(
        """() => {
          const div = document.getElementById('chart-evacuated');
          const curve = div.data.findIndex(t => t.name.includes('children'));
          div.emit('plotly_click', {points: [{curveNumber: curve, pointNumber: 0}]});
        }"""
    )
    picked = page.eval_on_selector_all(
        "#figures tr.picked", "rows => rows.map(r => Array.from(r.cells, c => c.textContent))"
    )
    focused = page.evaluate("document.activeElement.classList.contains('picked')")
    page.close()
    assert [row[:4] for row in picked] == [["2024-05-12", "evacuated", "children", "40"]]
    assert focused
    assert visit.errors == []


def test_the_table_of_figures_shows_every_figure_as_text(
    opened: dict[str, tuple[Page, Visit]],
) -> None:
    page, visit = opened["UA6308.html"]
    cells = page.eval_on_selector_all(
        "#figures tbody tr", "rows => rows.map(r => Array.from(r.cells, c => c.textContent))"
    )
    table_links = page.eval_on_selector_all("#figures a", "links => links.map(a => a.href)")
    injected = page.evaluate("document.querySelectorAll('#figures script, #figures b').length")
    assert len(cells) == 6
    assert all(len(row) == 12 for row in cells)
    assert cells[0][:4] == ["2024-05-10", "evacuated", "people", "100"]
    assert [row[3] for row in cells if row[1] == "remaining"] == ["\u2264900"]
    assert HOSTILE in [row[8] for row in cells]
    assert HOSTILE in [row[10] for row in cells]
    assert "Kharkiv OVA javascript:alert(3)" in [row[8] for row in cells]
    assert sorted(table_links) == ["https://example.org/news/1"] * 4 + [URL_12]
    assert injected == 0
    assert visit.dialogs == []


def _links(page: Page) -> list[str]:
    links: list[str] = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    return links


def test_index_links_resolve_to_files(opened: dict[str, tuple[Page, Visit]]) -> None:
    links = _links(opened["index.html"][0])
    assert len(links) == 4
    for link in links:
        parts = urlsplit(link)
        assert parts.scheme == "file"
        assert Path(unquote(parts.path)).is_file(), link


def test_district_page_links_back_and_to_its_csv(opened: dict[str, tuple[Page, Visit]]) -> None:
    links = _links(opened["UA6308.html"][0])
    local = [Path(unquote(urlsplit(link).path)) for link in links if link.startswith("file:")]
    assert {p.name for p in local} == {"index.html", "UA6308.csv"}
    assert all(p.is_file() for p in local)
    assert not [link for link in links if link.startswith("javascript:")]


def test_index_table_sorts_when_a_heading_is_clicked(
    opened: dict[str, tuple[Page, Visit]],
) -> None:
    page, _ = opened["index.html"]
    column = "Array.from(document.querySelectorAll('#districts tbody tr td:nth-child(3)'))"
    heading = page.locator("#districts thead th").nth(2)
    assert heading.text_content() == "Evacuated, running total"
    heading.click()
    values = f"{column}.filter(td => td.dataset.sort !== '').map(td => Number(td.dataset.sort))"
    ascending = page.evaluate(values)
    heading.click()
    descending = page.evaluate(values)
    assert ascending == sorted(ascending)
    assert descending == sorted(ascending, reverse=True)
    assert len(set(ascending)) == 2


def test_the_modebar_has_no_button_or_link_that_talks_to_a_server(
    browser: Browser, report: Path
) -> None:
    page, visit = open_page(browser, report / "UA6308.html")
    titles = page.eval_on_selector_all(
        "#chart-evacuated .modebar-btn", "buttons => buttons.map(b => b.dataset.title)"
    )
    links = page.eval_on_selector_all(
        ".modebar a[href], .js-plot-link-container a", "a => a.length"
    )
    assert titles == [
        "Download plot as a PNG",
        "Zoom",
        "Pan",
        "Zoom in",
        "Zoom out",
        "Autoscale",
        "Reset axes",
    ]
    assert links == 0
    for chart in page.eval_on_selector_all("div[data-figure]", "divs => divs.map(d => d.id)"):
        buttons = page.locator(f"#{chart} .modebar-btn")
        for i in range(buttons.count()):
            page.hover(f"#{chart}")
            buttons.nth(i).click()
    page.wait_for_timeout(500)  # let a click's request, if any, start; not a timing assertion
    page.close()
    assert [
        url for url in visit.requests if urlsplit(url).scheme not in {"file", "data", "blob"}
    ] == []
    assert visit.errors == []


@pytest.mark.parametrize(
    ("typed", "oblast", "shown"),
    [
        ("", "", 3),
        ("kupiansk", "", 1),
        ("UA6310", "", 1),
        ("kharkiv", "", 3),
        ("", "Kharkivska", 3),
        ("izium", "Kharkivska", 1),
        ("nowhere", "", 0),
    ],
)
def test_the_index_search_box_and_oblast_filter_hide_rows(
    browser: Browser, report: Path, typed: str, oblast: str, shown: int
) -> None:
    page, visit = open_page(browser, report / "index.html")
    page.fill("#search", typed)
    page.select_option("#oblast", oblast)
    visible = page.eval_on_selector_all("#districts tbody tr:not([hidden])", "rows => rows.length")
    status = page.text_content("#shown")
    page.close()
    assert visible == shown
    assert status == f"{shown} of 3 districts shown"
    assert visit.errors == []


# An A4 page less 12 mm margins each side, in CSS pixels (96 per inch); the index
# prints in landscape.
PRINTED_WIDTH_PX = 186 / 25.4 * 96
LANDSCAPE_WIDTH_PX = 273 / 25.4 * 96

_CHART_EXTENTS = """() => Array.from(document.querySelectorAll('div[data-figure]')).map(div => {
  const axis = div._fullLayout.xaxis;
  const days = div.data.flatMap(t => t.x || []).map(String).sort();
  const lastPx = axis._offset + axis.l2p(axis.d2l(days[days.length - 1]));
  return {width: div._fullLayout.width, lastPx: lastPx, plotEnd: axis._offset + axis._length};
})"""


@pytest.mark.parametrize("name", ["index.html", "UA6308.html"])
def test_a_phone_screen_never_scrolls_sideways(browser: Browser, report: Path, name: str) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto((report / name).as_uri(), wait_until="load")
    page.wait_for_function(
        "() => Array.from(document.querySelectorAll('div[data-figure]'))"
        ".every(div => div.querySelector('svg.main-svg'))"
    )
    page_width = page.evaluate("document.documentElement.scrollWidth")
    tables = page.eval_on_selector_all("table", "ts => ts.map(t => t.closest('.scroll') !== null)")
    charts = page.evaluate(_CHART_EXTENTS)
    page.close()
    assert page_width <= 390
    assert all(tables)
    assert all(c["width"] <= 390 and c["lastPx"] <= c["plotEnd"] for c in charts)


def test_printed_charts_fit_the_page_and_show_the_last_day(
    browser: Browser, report: Path, tmp_path: Path
) -> None:
    page, visit = open_page(browser, report / "UA6308.html")
    on_screen = page.evaluate(_CHART_EXTENTS)
    page.emulate_media(media="print")
    page.wait_for_function(
        "() => Array.from(document.querySelectorAll('div[data-figure]'))"
        ".every(div => div._fullLayout.width <= 703)"
    )
    printed = page.evaluate(_CHART_EXTENTS)
    hidden = page.evaluate("getComputedStyle(document.querySelector('.modebar-container')).display")
    pdf = page.pdf(format="A4", margin={"top": "12mm", "bottom": "12mm"})
    page.close()
    assert all(c["width"] > PRINTED_WIDTH_PX for c in on_screen)
    assert len(printed) == 3
    assert all(c["width"] <= PRINTED_WIDTH_PX for c in printed)
    assert all(0 < c["lastPx"] <= c["plotEnd"] <= c["width"] for c in printed)
    assert hidden == "none"
    assert pdf.startswith(b"%PDF")
    assert visit.errors == []


AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"


@pytest.mark.parametrize("name", ["index.html", "UA6308.html"])
def test_axe_finds_nothing_serious_or_critical(browser: Browser, report: Path, name: str) -> None:
    # axe is injected from the vendored file: the pages' CSP allows no inline script.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.goto((report / name).as_uri(), wait_until="load")
    page.wait_for_function(
        "() => Array.from(document.querySelectorAll('div[data-figure]'))"
        ".every(div => div.querySelector('svg.main-svg'))"
    )
    page.add_script_tag(path=AXE)
    violations = page.evaluate(
        """async () => (await axe.run(document)).violations
          .filter(v => v.impact === 'serious' || v.impact === 'critical')
          .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))"""
    )
    context.close()
    assert violations == []


def test_the_index_of_136_districts_is_a_few_screens_tall_and_never_wider(
    browser: Browser, tmp_path: Path
) -> None:
    rows = [
        figure(
            **{
                "admin1_name": f"Oblast {n // 20}",
                "admin2_pcode": f"UA{10 + n // 20}{n % 20:02}",
                "admin2_name": f"Raion number {n} of a long name",
                "as_of": date(2024, 5, day),
                "value": 1000 + 40 * day + n,
                **extra,
            }
        )
        for n in range(136)
        for day in (10, 11, 12)
        for extra in (
            {},
            {"population_group": "children", "value": 100 + day},
            {"metric": "remaining", "period": "unknown", "settlement": "Town"},
            {"period": "day", "value": 40 + day},
        )
    ]
    build_report(frame(*rows), tmp_path, generated_on=GENERATED)
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    page.goto((tmp_path / "index.html").as_uri(), wait_until="load")
    height, width = page.evaluate(
        "[document.documentElement.scrollHeight, document.documentElement.scrollWidth]"
    )
    table_box = page.evaluate(
        "(() => { const s = document.querySelector('.scroll');"
        " return [s.scrollWidth, s.clientWidth]; })()"
    )
    page.emulate_media(media="print")
    page.set_viewport_size({"width": int(LANDSCAPE_WIDTH_PX), "height": 700})
    printed_width = page.evaluate("document.getElementById('districts').scrollWidth")
    page.close()
    assert width == 1366
    assert table_box[0] <= table_box[1], "the table scrolls sideways at 1366 px"
    assert height <= 6 * 768
    assert printed_width <= LANDSCAPE_WIDTH_PX, "the printed index is cut at the page's edge"
