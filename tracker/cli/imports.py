"""Keep pandas and hypothesis out of the command-line tool's process: it uses neither,
and imports that would load them anyway cost a one-figure `tracker log` most of its time.

Why they load: `import pandera.polars` first runs `pandera/__init__.py`, which imports
pandas and pandera's whole pandas API (`pandera.engines.pandas_engine`, 0.3-0.5 s)
whenever pandas is installed, though the polars backend uses none of it; pyarrow's
dataset module, which ADBC's DB-API imports, loads pandas for its pandas shim; and
pandera's polars checks import hypothesis (0.35 s) for data synthesis whenever it is
installed. All three handle a missing module ("No module named 'pandas'"), so the CLI
makes these look missing. numpy goes too where pyarrow (18 and later) runs without it:
nothing the CLI calls needs numpy, and pandera imports it for its pandas API only. The
library itself (notebooks) is left alone: there these are usually loaded already, and a
notebook may want them. tests/test_cli_smoke.py runs the commands the way `tracker` does.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType

__all__ = ["UNUSED_PACKAGES", "hidden_packages", "hide_unused_packages"]

UNUSED_PACKAGES: tuple[str, ...] = ("pandas", "hypothesis", "numpy")
# The first pyarrow that imports without numpy.
_PYARROW_WITHOUT_NUMPY = (18, 0)
_VERSION = re.compile(r"""version\s*=\s*['"](\d+)\.(\d+)""")


class _Hidden:
    """A meta path finder that answers every import of some packages as a missing module."""

    def __init__(self, packages: tuple[str, ...]) -> None:
        self.packages = packages

    def find_spec(
        self, name: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        """Raise ModuleNotFoundError for a hidden package or its submodules; else None."""
        if name.partition(".")[0] in self.packages:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


def hide_unused_packages() -> None:
    """Make UNUSED_PACKAGES unimportable in this process (those not imported already;
    numpy only where the installed pyarrow runs without it)."""
    if any(isinstance(finder, _Hidden) for finder in sys.meta_path):
        return
    unused = UNUSED_PACKAGES if _pyarrow_runs_without_numpy() else UNUSED_PACKAGES[:-1]
    hidden = tuple(name for name in unused if name not in sys.modules)
    sys.meta_path.insert(0, _Hidden(hidden))


def hidden_packages() -> tuple[str, ...]:
    """Return the packages that this process hides (none before hide_unused_packages)."""
    return tuple(
        name for finder in sys.meta_path if isinstance(finder, _Hidden) for name in finder.packages
    )


def _pyarrow_runs_without_numpy() -> bool:
    """Return whether the installed pyarrow is 18 or later, read from its version file
    (importing pyarrow, or importlib.metadata, would cost what hiding numpy saves)."""
    spec = importlib.util.find_spec("pyarrow")
    if spec is None or spec.origin is None:
        return False
    try:
        text = (Path(spec.origin).parent / "_generated_version.py").read_text(encoding="utf-8")
    except OSError:
        return False
    found = _VERSION.search(text)
    return found is not None and (int(found[1]), int(found[2])) >= _PYARROW_WITHOUT_NUMPY
