"""The gazetteer: units with names, codes and parents, loaded from a small TSV file.

The packaged file `data/gazetteer.tsv.gz` is built by `tools/build_gazetteer.py` from the
KATOTTG codifier of Ukraine and ISO 3166-2; it is never edited by hand.

P-codes of Ukrainian units follow the common operational datasets (COD-AB): "UA" followed
by the leading digits of the KATOTTG code (the part after "UA"): 2 for an oblast and for
Kyiv and Sevastopol (UA63 Kharkivska, UA80 Kyiv), 4 for a raion (UA6308 Kupianskyi),
7 for a hromada (UA6308009 Kupianska), 10 for a city or town (UA6308009001 Kupiansk).
A country's P-code is its ISO 3166-1 alpha-2 code (UA), as in the COD ADM0 level.
Units outside Ukraine carry their ISO 3166-2 code (or a `<ISO2>-X-<NAME>` code for the few
regions that are not ISO subdivisions) and no P-code unless a user gazetteer gives one.
"""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple, overload

from tracker.errors import InputFileError

__all__ = [
    "DATA_COLUMNS",
    "DATA_FILE",
    "FIRST_LEVELS",
    "LEVELS",
    "SECOND_LEVELS",
    "Gazetteer",
    "Unit",
    "pcode_of",
]

DATA_FILE = Path(__file__).parent / "data" / "gazetteer.tsv.gz"
DATA_COLUMNS = (
    "code",
    "pcode",
    "level",
    "name",
    "native",
    "parent",
    "country",
    "short",
    "aliases",
    "keys",
    "stems",
    "centre",
)
# "town" is KATOTTG category X (selyshche, the former urban-type settlements); "admin1",
# "admin2" and "admin3" are units outside Ukraine (ISO subdivisions, user gazetteers);
# "country" (ISO 3166-1) contains the first-level units.
LEVELS = ("oblast", "raion", "hromada", "city", "town", "admin1", "admin2", "admin3", "country")
FIRST_LEVELS = frozenset({"oblast", "admin1"})
SECOND_LEVELS = frozenset({"raion", "admin2"})
_PCODE_DIGITS = {"oblast": 2, "raion": 4, "hromada": 7, "city": 10, "town": 10}
_FIRST_LEVEL_CITIES = frozenset({"80", "85"})  # Kyiv and Sevastopol


def pcode_of(katottg: str, level: str) -> str:
    """Return the COD P-code of a Ukrainian unit from its KATOTTG code and level."""
    digits = katottg[2:]
    count = 2 if digits[:2] in _FIRST_LEVEL_CITIES else _PCODE_DIGITS[level]
    return "UA" + digits[:count]


@dataclass(frozen=True)
class Unit:
    """One administrative unit with its canonical Latin name, codes and parents."""

    code: str
    pcode: str | None
    level: str
    name: str
    admin1_name: str
    admin1_pcode: str | None
    admin2_name: str | None
    admin2_pcode: str | None
    country: str
    native_name: str = ""
    # The settlement that is the seat of a raion or hromada (Kupianskyi raion -> Kupiansk);
    # None for other levels.
    centre: str | None = None

    @property
    def label(self) -> str:
        """Return the name as a person would write it: `Kupianskyi raion`, `Kupiansk`."""
        word = {"oblast": " oblast", "raion": " raion", "hromada": " hromada"}.get(self.level)
        return self.name + (word or "")


class _Row(NamedTuple):
    code: str
    pcode: str | None
    level: str
    name: str
    native: str
    parent: str
    country: str
    exact: tuple[str, ...]
    aliases: tuple[str, ...]
    keys: tuple[str, ...]
    stems: tuple[str, ...]
    centre: str


class Gazetteer:
    """Units and the index from folded keys to them; build with `from_rows` or `load`."""

    def __init__(self, rows: list[_Row]) -> None:
        self._rows = rows
        position = {row.code: i for i, row in enumerate(rows)}
        self._position = position
        # A parent may be named by its P-code too (user files know P-codes, not KATOTTG).
        by_pcode = {row.pcode: i for i, row in enumerate(rows) if row.pcode}
        self.parents: tuple[int | None, ...] = tuple(
            position.get(r.parent, by_pcode.get(r.parent)) for r in rows
        )
        self.units: Sequence[Unit] = _LazyUnits(self)
        self.index = _index_of(row.keys for row in rows)
        # Keys made by rule ("kupian" of Kupianskyi), trusted only next to a level word.
        self.stem_index = _index_of(row.stems for row in rows)
        self.choices: list[str] = list(self.index)

    @classmethod
    def from_rows(cls, records: Iterable[Mapping[str, str]]) -> Gazetteer:
        """Return a gazetteer of the given rows (dicts with the DATA_COLUMNS)."""
        from tracker.places.fold import heavy_key

        rows: list[_Row] = []
        for r in records:
            names = [r["name"], r.get("native") or "", *_split(r.get("short"))]
            aliases = _split(r.get("aliases"))
            keys = _split(r.get("keys")) or [heavy_key(n) for n in names + aliases if n]
            rows.append(
                _Row(
                    code=r["code"],
                    pcode=r.get("pcode") or None,
                    level=r["level"],
                    name=r["name"],
                    native=r.get("native") or "",
                    parent=r.get("parent") or "",
                    country=r.get("country") or "",
                    exact=tuple(n for n in names if n),
                    aliases=tuple(aliases),
                    keys=tuple(dict.fromkeys(k for k in keys if k)),
                    stems=tuple(_split(r.get("stems"))),
                    centre=r.get("centre") or "",
                )
            )
        return cls(rows)

    @classmethod
    def load(cls, path: Path = DATA_FILE) -> Gazetteer:
        """Return the gazetteer stored in the gzip-compressed TSV file at `path`."""
        with gzip.open(path, "rb") as handle:
            header, *lines = handle.read().decode("utf-8").splitlines()
        if tuple(header.split("\t")) != DATA_COLUMNS:
            raise InputFileError(f"{path}: not a gazetteer file (header {header!r})")
        rows = []
        for line in lines:
            (
                code,
                pcode,
                level,
                name,
                native,
                parent,
                country,
                short,
                aliases,
                keys,
                stems,
                centre,
            ) = line.split("\t")
            exact = tuple(n for n in (name, native, *short.split("|")) if n)
            rows.append(
                _Row(
                    code,
                    pcode or None,
                    level,
                    name,
                    native,
                    parent,
                    country,
                    exact,
                    tuple(aliases.split("|")) if aliases else (),
                    tuple(keys.split("|")) if keys else (),
                    tuple(stems.split("|")) if stems else (),
                    centre,
                )
            )
        return cls(rows)

    def merged(self, other: Gazetteer) -> Gazetteer:
        """Return a gazetteer holding this one's units and then `other`'s."""
        return Gazetteer(self._rows + other._rows)

    def orphans(self, start: int = 0) -> list[tuple[str, str]]:
        """Return (name, parent) of the units from `start` on whose parent is no known unit."""
        return [
            (row.name, row.parent)
            for row, parent in zip(self._rows[start:], self.parents[start:], strict=True)
            if row.parent and parent is None
        ]

    def position(self, code: str) -> int:
        """Return the index of the unit with `code`; KeyError when there is none."""
        return self._position[code]

    def exact_names(self, i: int) -> tuple[str, ...]:
        """Return the names of unit `i` that count as an exact match (not aliases)."""
        return self._rows[i].exact

    def alias_names(self, i: int) -> tuple[str, ...]:
        """Return the other names of unit `i` (older, Russian-based, exonyms)."""
        return self._rows[i].aliases

    def ancestors(self, i: int) -> list[int]:
        """Return the indices of the units containing unit `i`, nearest first."""
        chain: list[int] = []
        parent = self.parents[i]
        while parent is not None and parent not in chain:
            chain.append(parent)
            parent = self.parents[parent]
        return chain

    def make_unit(self, i: int) -> Unit:
        """Return a new Unit for row `i`, its parents' names and codes filled in."""
        row = self._rows[i]
        chain = [i, *self.ancestors(i)]
        below_country = [j for j in chain if self._rows[j].level != "country"] or chain
        first = next((j for j in chain if self._rows[j].level in FIRST_LEVELS), below_country[-1])
        second = next((j for j in chain if self._rows[j].level in SECOND_LEVELS), None)
        return Unit(
            code=row.code,
            pcode=row.pcode,
            level=row.level,
            name=row.name,
            admin1_name=self._rows[first].name,
            admin1_pcode=self._rows[first].pcode,
            admin2_name=None if second is None else self._rows[second].name,
            admin2_pcode=None if second is None else self._rows[second].pcode,
            country=row.country,
            native_name=row.native,
            centre=row.centre or None,
        )


class _LazyUnits(Sequence[Unit]):
    """The units of a gazetteer, each made on first use: loading stays fast."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self._gazetteer = gazetteer
        self._made: list[Unit | None] = [None] * len(gazetteer.parents)

    def __len__(self) -> int:
        return len(self._made)

    @overload
    def __getitem__(self, i: int) -> Unit: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[Unit]: ...
    def __getitem__(self, i: int | slice) -> Unit | Sequence[Unit]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        unit = self._made[i]
        if unit is None:
            unit = self._made[i] = self._gazetteer.make_unit(i)
        return unit


def _index_of(key_lists: Iterable[tuple[str, ...]]) -> dict[str, tuple[int, ...]]:
    index: dict[str, list[int]] = {}
    for i, keys in enumerate(key_lists):
        for key in keys:
            index.setdefault(key, []).append(i)
    return {k: tuple(v) for k, v in index.items()}


def _split(cell: str | None) -> list[str]:
    return [part for part in (cell or "").split("|") if part]


def rows_text(gazetteer_path: Path = DATA_FILE) -> str:
    """Return the decompressed text of a gazetteer file (for drift checks)."""
    with gzip.open(gazetteer_path, "rb") as handle:
        return io.TextIOWrapper(handle, encoding="utf-8").read()
