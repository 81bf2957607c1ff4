"""Keep pandas and hypothesis out of the command-line tool's process: it uses neither,
and imports that would load them anyway cost a one-figure `tracker log` most of its time.

Why they load: `import pandera.polars` first runs `pandera/__init__.py`, which imports
pandas and pandera's whole pandas API (`pandera.engines.pandas_engine`, 0.3-0.5 s)
whenever pandas is installed, though the polars backend uses none of it; pyarrow's
dataset module, which ADBC's DB-API imports, loads pandas for its pandas shim; and
pandera's polars checks import hypothesis (0.35 s) for data synthesis whenever it is
installed. All three handle a missing module ("No module named 'pandas'"), so the CLI
makes these look missing. The library itself (notebooks) is left alone: there pandas
is usually loaded already, and a notebook may want both.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType

__all__ = ["UNUSED_PACKAGES", "hide_unused_packages"]

UNUSED_PACKAGES: tuple[str, ...] = ("pandas", "hypothesis")


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
    """Make UNUSED_PACKAGES unimportable in this process (those not imported already)."""
    if any(isinstance(finder, _Hidden) for finder in sys.meta_path):
        return
    hidden = tuple(name for name in UNUSED_PACKAGES if name not in sys.modules)
    sys.meta_path.insert(0, _Hidden(hidden))
