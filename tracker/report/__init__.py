"""HTML trend reports: the only package that draws with plotly (plotly.js figures built
as plain dicts, so no Python plotly import) and renders jinja2 templates.

`build_report(figures, out_dir)` writes index.html, one page and one CSV per district,
and assets/ (plotly.js, the page script and CSS) that every page loads by a relative
path, so the folder opens offline from file://.
"""

from __future__ import annotations

from tracker.report.build import ReportResult, build_report

__all__ = ["ReportResult", "build_report"]
