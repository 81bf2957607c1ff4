"""Keep pandas, hypothesis and numpy out of the command-line tool's process: it uses none
of them, and imports that would load them anyway cost a one-figure `tracker log` most of
its time.

Why they load: `import pandera.polars` first runs `pandera/__init__.py`, which imports
pandas and pandera's whole pandas API (`pandera.engines.pandas_engine`, 0.3-0.5 s)
whenever pandas is installed, though the polars backend uses none of it; pandera's polars
checks import hypothesis (0.35 s) for data synthesis whenever it is installed; pandera
imports numpy for its pandas API only. All three handle a missing module ("No module named
'pandas'"), so the CLI makes these look missing. (The store reads and writes Arrow through
polars, not pyarrow, so nothing in the CLI needs numpy.) The library itself (notebooks) is
left alone: there these are usually loaded already, and a notebook may want them.
tests/test_cli_smoke.py runs the commands the way `tracker` does.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType

__all__ = ["UNUSED_PACKAGES", "hidden_packages", "hide_unused_packages"]

UNUSED_PACKAGES: tuple[str, ...] = ("pandas", "hypothesis", "numpy")


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


def hidden_packages() -> tuple[str, ...]:
    """Return the packages that this process hides (none before hide_unused_packages)."""
    return tuple(
        name for finder in sys.meta_path if isinstance(finder, _Hidden) for name in finder.packages
    )
