"""Source text in the report is shown as text: no markup, no script, no unsafe links."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import polars as pl
import pytest
from test_report import GENERATED, charts, figure, figure_table, frame, page, points

from tracker.report import build_report
from tracker.report.data import http_href
from tracker.report.pages import figure_json

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '" onmouseover="alert(1)" x="'
HOSTILE = f"{SCRIPT}{ATTRIBUTE}</textarea><img src=x onerror=alert(1)>"


def hostile_report(out: Path) -> None:
    """Write a report whose every source text is hostile, in a P-code and a slug page."""
    rows = frame(
        figure(
            source_name=HOSTILE,
            evidence=HOSTILE,
            location=HOSTILE,
            programme=HOSTILE,
            metric="housed",
            period="unknown",
            source_url="javascript:alert(1)",
        ),
        figure(
            source_name=HOSTILE,
            evidence=HOSTILE,
            location=HOSTILE,
            admin2_pcode=None,
            admin2_name=None,
            admin1_name=HOSTILE,
            source_url=f"https://example.org/{ATTRIBUTE}",
        ),
        figure(source_url=" JAVASCRIPT:alert(1)", as_of=date(2024, 5, 11)),
        figure(source_url="data:text/html,<script>alert(1)</script>", as_of=date(2024, 5, 10)),
    )
    build_report(rows, out, generated_on=GENERATED)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    hostile_report(tmp_path / "report")
    return tmp_path / "report"


def test_no_page_gains_a_script_an_element_or_an_event_handler(out: Path) -> None:
    for html in out.glob("*.html"):
        parsed = page(html)
        scripts = [a for tag, a in parsed.tags if tag == "script"]
        assert all(a.get("type") == "application/json" or "src" in a for a in scripts)
        assert not [tag for tag, _ in parsed.tags if tag in {"img", "textarea"}]
        handlers = [name for _, a in parsed.tags for name in a if name.startswith("on")]
        assert handlers == []


def test_hostile_text_is_shown_as_text(out: Path) -> None:
    for html in out.glob("*.html"):
        text = "".join(page(html).text)
        assert SCRIPT in text, html.name
        assert ATTRIBUTE in text, html.name


def test_only_http_urls_become_links(out: Path) -> None:
    for html in out.glob("*.html"):
        for href in page(html).hrefs():
            assert href.startswith(("https://", "http://")) or "/" not in href, href
            assert "javascript" not in href.lower()
            assert not href.lower().startswith("data:")


def test_trace_names_escape_source_text(out: Path) -> None:
    names = [
        trace["name"]
        for html in out.glob("*.html")
        if html.name != "index.html"
        for chart in charts(html).values()
        for trace in points(chart)
    ]
    hostile = [name for name in names if "alert(1)" in name]
    assert len(hostile) == 1
    assert not [name for name in names if "<script" in name or "<img" in name]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in hostile[0]
    assert "&#34; onmouseover=&#34;" in hostile[0]


def test_the_figure_table_carries_source_text_unchanged_for_textcontent(out: Path) -> None:
    rows = [
        row
        for html in out.glob("*.html")
        if html.name != "index.html"
        for row in figure_table(html)
    ]
    assert [row["evidence"] for row in rows].count(HOSTILE) == 2
    assert {row["href"] for row in rows} == {""}
    assert {row["url_text"] for row in rows} == {
        "javascript:alert(1)",
        f"https://example.org/{ATTRIBUTE}",
        " JAVASCRIPT:alert(1)",
        "data:text/html,<script>alert(1)</script>",
    }


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://example.org/a?b=1", True),
        ("http://example.org", True),
        ("HTTPS://EXAMPLE.ORG/", True),
        ("javascript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("data:text/html,x", False),
        ("//example.org/a", False),
        ("example.org", False),
        ("https://", False),
        ("https://exa mple.org", False),
        ("https://example.org/a\nb", False),
        ("https://user@evil.example", False),
        (None, False),
    ],
)
def test_only_absolute_http_urls_are_linkable(url: str | None, linked: bool) -> None:
    href = pl.select(http_href(pl.lit(url, dtype=pl.String))).item()

    assert (href is not None) is linked


def test_figure_json_cannot_close_its_script_block() -> None:
    figure_text = {"data": [{"hovertext": ["</script><script>alert(1)</script>", "<!--<script>"]}]}

    encoded = str(figure_json(figure_text))

    assert "</" not in encoded
    assert "<!--" not in encoded
    assert json.loads(encoded) == figure_text


def test_names_display_as_written_and_long_ones_are_cut(tmp_path: Path) -> None:
    spoofed = "\u202elmth.xedni"  # displays as "index.html" wherever bidi is obeyed
    huge = "Kupiansk " * 25_000
    rows = frame(
        figure(admin2_pcode=None, admin2_name=None, location=spoofed, admin1_name=huge),
    )
    build_report(rows, tmp_path / "r", generated_on=GENERATED)

    index = (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
    shown = re.sub(r"<[^>]*>", "", index)  # the text a reader sees, without tags

    assert "\u202e" not in shown
    for html in (tmp_path / "r").glob("*.html"):  # district pages: heading, table, hovers
        assert "\u202e" not in re.sub(r"<[^>]*>", "", html.read_text(encoding="utf-8"))
    assert "<bdi>lmth.xedni</bdi>" in index
    assert f'<bdi title="{huge}">' in index
    assert len(max(index.splitlines(), key=len)) < len(huge) * 2  # the title, not the cell
    assert "Kupiansk " * 20 not in index.split(f'title="{huge}">')[1]
