"""Evacuation figures tracker: pull, keep, check and show evacuation figures."""

__version__ = "0.1.0"
__all__ = ["__version__"]
