"""The places API: one shared gazetteer (packaged file plus user gazetteers), lazily loaded."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from tracker.errors import InputFileError, UsageError
from tracker.places import user
from tracker.places.gazetteer import LEVELS, Gazetteer, Unit
from tracker.places.resolver import Match, Resolution, Resolver
from tracker.places.user import parse_user_gazetteer, read_user_gazetteer, user_files

if TYPE_CHECKING:
    import polars as pl

    from tracker.places.mentions import Mention, MentionFinder

__all__ = [
    "Places",
    "add_places_file",
    "annotate_places",
    "extra_places",
    "find_mentions",
    "places",
    "resolve",
    "resolve_in_text",
    "skipped_user_files",
    "units",
]

# Words that make a phrase a list of places ("Polohy and Zaporizhzhia"), not one place
# written with the units holding it ("Hlushkivka, Kupiansk district").
_LIST_WORD = re.compile(r"\b(?:and|or)\b|&", re.IGNORECASE)
# A gazetteer beyond the packaged one: a CSV file, or (file name, CSV text) kept in a store.
PlacesSource = Path | tuple[str, str]
_extra_files: tuple[PlacesSource, ...] = ()
_generation = 0


@dataclass(frozen=True)
class Places:
    """A gazetteer with its resolver and mention finder."""

    gazetteer: Gazetteer
    resolver: Resolver
    _cache: dict[tuple[str, str | None, str | None], Resolution] = field(
        default_factory=dict, repr=False, compare=False
    )

    @classmethod
    def of(cls, gazetteer: Gazetteer) -> Places:
        """Return the Places serving `gazetteer`."""
        return cls(gazetteer, Resolver(gazetteer))

    @cached_property
    def finder(self) -> MentionFinder:
        """Return the finder of place names in running text (made on first use: commands
        that only look names up, such as `list --district`, never import it)."""
        from tracker.places.mentions import MentionFinder

        return MentionFinder(self.gazetteer, self.resolver)

    def resolve(self, name: str, level: str | None = None, within: str | None = None) -> Resolution:
        """Return the Resolution of `name`; a phrase naming places gives their common unit."""
        key = (name, level, within)
        found = self._cache.get(key)
        if found is None:
            found = self._resolve(name, level, within)
            if len(self._cache) < 200_000:
                self._cache[key] = found
        return found

    def _resolve(self, name: str, level: str | None, within: str | None) -> Resolution:
        found = self.resolver.resolve(name, level, within)
        if found.match in ("exact", "alias") or level is not None:
            return found
        mentions = self.finder.find(name)
        if within:
            area = self.resolver.area(within)
            mentions = [m for m in mentions if self._inside(m.resolution.unit, area)]
        return self._from_mentions(name, mentions) or found

    def _inside(self, unit: Unit | None, area: int) -> bool:
        return unit is not None and self.gazetteer.units[area].code in self._chain(unit)

    def _chain(self, unit: Unit) -> list[str]:
        i = self.gazetteer.position(unit.code)
        return [unit.code, *(self.gazetteer.units[j].code for j in self.gazetteer.ancestors(i))]

    def _from_mentions(self, query: str, mentions: list[Mention]) -> Resolution | None:
        units = [m.resolution.unit for m in mentions if m.resolution.unit is not None]
        if not units:
            return None
        named = ", ".join(m.surface for m in mentions)
        matches = {m.resolution.match for m in mentions}
        match: Match = "fuzzy" if "fuzzy" in matches else "alias" if "alias" in matches else "exact"
        chains = [self._chain(u) for u in units]
        listed = any(_LIST_WORD.search(query, a.end, b.start) for a, b in pairwise(mentions))
        if len(units) > 1 and not listed:
            # "Hlushkivka, Kupiansk district": a place written with the units holding it.
            inner = [
                u
                for u, chain in zip(units, chains, strict=True)
                if all(other.code in chain for other in units)
            ]
            if inner:
                note = f"read {named} in the phrase; {inner[0].label} is inside the others"
                return Resolution(query, inner[0], match, 1.0, tuple(units), note=note)
        common = next((c for c in chains[0] if all(c in other for other in chains[1:])), None)
        if common is None:
            note = f"the phrase names places in different areas: {named}"
            return Resolution(query, None, None, 0.0, tuple(units), note=note)
        unit = self.gazetteer.units[self.gazetteer.position(common)]
        note = f"read {named} in the phrase" + ("; their common unit" if len(units) > 1 else "")
        return Resolution(query, unit, match, 1.0, tuple(units), note=note)


@lru_cache(maxsize=4)
def _load(folder: str | None, generation: int, extra: tuple[PlacesSource, ...]) -> Places:
    # folder and generation are cache keys: user_files() reads the folder itself
    gazetteer, problems = _with_user_files(Gazetteer.load())
    _skipped[(folder, generation)] = problems
    for source in extra:  # asked for on this run (--places, the store's): must load
        gazetteer = _merged(gazetteer, source)
    return Places.of(gazetteer)


# Why files of the places folder were skipped, per (folder, generation) that was loaded.
_skipped: dict[tuple[str | None, int], list[str]] = {}


def skipped_user_files() -> list[str]:
    """Return why each file of the places folder that could not be used was skipped."""
    return list(_skipped.get((os.environ.get("TRACKER_PLACES_DIR"), _generation), []))


def _with_user_files(gazetteer: Gazetteer) -> tuple[Gazetteer, list[str]]:
    """Return `gazetteer` with every usable file of the places folder, and why the others
    were skipped. A file whose parents are in another file waits for it, whatever the
    names' order: files are merged in passes until none more can be."""
    try:
        pending = user_files()
    except InputFileError as error:
        return gazetteer, [str(error)]
    errors: dict[Path, str] = {}
    while pending:
        left = []
        for path in pending:
            try:
                gazetteer = _merged(gazetteer, path)
            except InputFileError as error:
                errors[path] = str(error)
                left.append(path)
        if len(left) == len(pending):
            break
        pending = left
    return gazetteer, [f"{errors[p]} (skipped; fix or remove the file)" for p in pending]


def _merged(gazetteer: Gazetteer, source: PlacesSource) -> Gazetteer:
    """Return `gazetteer` with the units of a user gazetteer; InputFileError on a lost parent."""
    if isinstance(source, Path):
        path, added = source, read_user_gazetteer(source)
    else:
        path = Path(f"{source[0]} (kept in the store)")
        added = parse_user_gazetteer(source[1], path)
    merged = gazetteer.merged(added)
    orphans = merged.orphans(start=len(gazetteer.units))
    if orphans:
        name, parent = orphans[0]
        raise InputFileError(
            f"{path}: the parent {parent!r} of {name!r} is no code or P-code of a known "
            f"unit ({len(orphans)} unit(s) like this); give the parent's code, e.g. UA63"
        )
    return merged


def places() -> Places:
    """Return the shared Places: the packaged gazetteer, the user's, and any --places files.

    The user's files are read once per process and places directory; `add_places_file`
    makes the next call read them again. A file copied in by hand shows at the next run.
    """
    return _load(os.environ.get("TRACKER_PLACES_DIR"), _generation, _extra_files)


class PlacesKeeper(Protocol):
    """Where a user gazetteer can be kept besides the places folder: a store."""

    def add_user_places(self, file_name: str, content: str, units: int) -> None:
        """Keep the checked CSV text of `file_name`."""


def add_places_file(path: Path, keeper: PlacesKeeper | None = None) -> tuple[Path, int]:
    """Check a gazetteer CSV, copy it into the places directory (and into `keeper`, so that
    everyone using that store resolves alike), and use it from now on; return (where it was
    copied, how many units it holds)."""
    global _generation
    _merged(places().gazetteer, path)  # refuse a file whose parents are unknown
    added = user.add_places_file(path)
    if keeper is not None:
        keeper.add_user_places(path.name, path.read_bytes().decode("utf-8-sig"), added[1])
    _generation += 1
    return added


@contextmanager
def extra_places(sources: Sequence[PlacesSource]) -> Iterator[None]:
    """Use these gazetteers as well inside the `with` block: CSV files (the --places
    option) or (file name, CSV text) pairs kept in a store."""
    global _extra_files
    before = _extra_files
    _extra_files = tuple(dict.fromkeys((*before, *sources)))
    try:
        places()  # read the files now, so that a bad one fails here
        yield
    finally:
        _extra_files = before


def resolve(name: str, level: str | None = None, within: str | None = None) -> Resolution:
    """Return how `name` resolves: the unit, how it matched, candidates and suggestions."""
    return places().resolve(name, level, within)


def resolve_in_text(name: str, text: str) -> Resolution:
    """Return how `name` resolves when read in `text`, a document naming other places:
    they choose among its homonyms (context.py), and the note says why. A name the text
    does not contain is read as one more sentence of it."""
    from tracker.places.fold import heavy_key

    wanted = heavy_key(name)
    for document in (text, f"{text}\n{name}"):
        for mention in find_mentions(document):
            if heavy_key(mention.surface) == wanted:
                return mention.resolution.for_query(name)
    return resolve(name)


def units(level: str | None = None, within: str | None = None) -> list[Unit]:
    """Return the units of `level` (all levels when None) inside the unit named `within`."""
    shared = places()
    if level is not None and level not in LEVELS:
        raise UsageError(f"unknown level {level!r}; choose one of {', '.join(LEVELS)}")
    gazetteer = shared.gazetteer
    area = None if within is None else shared.resolver.area(within)
    return [
        gazetteer.units[i]
        for i in range(len(gazetteer))
        if (level is None or gazetteer.level(i) == level)
        and (area is None or area in gazetteer.ancestors(i))
    ]


def find_mentions(text: str) -> list[Mention]:
    """Return the place names found in `text` with their resolutions, in order."""
    return places().finder.find(text)


def annotate_places(frame: pl.DataFrame) -> pl.DataFrame:
    """Return `frame` with admin1/admin2 names and P-codes, settlement, place_match and
    place_problem filled from its `location` column (admin1_name, when present, is a hint)."""
    from tracker.places.annotate import annotate_frame

    shared = places()
    return annotate_frame(frame, lambda name, hint: shared.resolve(name, None, hint))
