"""The static files every page loads by relative path: plotly.js, the page script, the CSS."""

from __future__ import annotations

import shutil
from pathlib import Path

from tracker.errors import InputFileError

__all__ = ["ASSETS_DIR", "write_assets"]

ASSETS_DIR = "assets"
_STATIC = Path(__file__).parent / "static"


def _plotly_js() -> Path:
    import plotly

    bundled = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    if not bundled.is_file():
        raise InputFileError(f"plotly.min.js is missing from the plotly package at {bundled}")
    return bundled


def write_assets(out_dir: Path) -> list[Path]:
    """Write plotly.min.js, report.js and report.css under out_dir/assets; return their paths."""
    target = out_dir / ASSETS_DIR
    target.mkdir(parents=True, exist_ok=True)
    sources = [_plotly_js(), _STATIC / "report.js", _STATIC / "report.css"]
    written = []
    for source in sources:
        destination = target / source.name
        shutil.copyfile(source, destination)
        written.append(destination)
    return written
