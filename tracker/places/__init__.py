"""Places: an offline gazetteer of Ukraine's units (and first-level units elsewhere).

`resolve` turns a name into a unit with names, P-codes and parents (`resolve_in_text`, as
read in a document that names other places); `find_mentions` finds place names in running
text, each homonym chosen by the document's other places; `annotate_places` fills the
place columns of a figures frame.
"""

from typing import TYPE_CHECKING

from tracker.places.api import (
    add_places_file,
    annotate_places,
    extra_places,
    find_mentions,
    places,
    resolve,
    resolve_in_text,
    skipped_user_files,
    units,
)
from tracker.places.gazetteer import LEVELS, Unit
from tracker.places.resolver import Resolution
from tracker.places.user import places_dir

if TYPE_CHECKING:
    from tracker.places.mentions import Mention

__all__ = [
    "LEVELS",
    "Mention",
    "Resolution",
    "Unit",
    "add_places_file",
    "annotate_places",
    "extra_places",
    "find_mentions",
    "places",
    "places_dir",
    "resolve",
    "resolve_in_text",
    "skipped_user_files",
    "units",
]


def __getattr__(name: str) -> object:
    # The mention finder's module (and the context resolution it imports) loads only for
    # running text, not for a name looked up by `list --district` or `log`.
    if name == "Mention":
        from tracker.places.mentions import Mention

        return Mention
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
