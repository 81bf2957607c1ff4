"""The static files every page loads by relative path: plotly.js, the page script, the CSS.

plotly.js is plotly's own "basic" bundle (traces scatter, bar and pie, with error bars,
date axes, legends and hover: all the charts use), kept beside this module as
static/plotly-basic.min.js; see static/plotly-basic.txt for where it comes from. It is a
quarter of the full bundle that the plotly Python package ships, which matters twice:
it is written into every report folder, and a browser parses it on every page opened
from file://, where nothing is cached between pages.
"""

from __future__ import annotations

import shutil
from pathlib import Path

__all__ = ["ASSETS_DIR", "PLOTLY_JS", "VENDORED_PLOTLY_JS", "write_assets"]

ASSETS_DIR = "assets"
PLOTLY_JS = "plotly.min.js"
_STATIC = Path(__file__).parent / "static"
VENDORED_PLOTLY_JS = _STATIC / "plotly-basic.min.js"
_PAGE_FILES = ("report.js", "report.css")


def write_assets(out_dir: Path, *, full_plotly: bool = False) -> list[Path]:
    """Write plotly.js, report.js and report.css under out_dir/assets; return their paths.

    plotly.js is the vendored basic bundle, or with `full_plotly` the complete bundle of
    the installed plotly package.
    """
    target = out_dir / ASSETS_DIR
    target.mkdir(parents=True, exist_ok=True)
    plotly_js = target / PLOTLY_JS
    if full_plotly:
        from plotly.offline import get_plotlyjs

        plotly_js.write_text(get_plotlyjs(), encoding="utf-8")
    else:
        shutil.copyfile(VENDORED_PLOTLY_JS, plotly_js)
    written = [plotly_js]
    for name in _PAGE_FILES:
        destination = target / name
        shutil.copyfile(_STATIC / name, destination)
        written.append(destination)
    return written
