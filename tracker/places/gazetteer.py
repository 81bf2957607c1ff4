"""The gazetteer: units with names, codes and parents, loaded from one gzipped text file.

The packaged file `data/gazetteer.tsv.gz` is built by `tools/build_gazetteer.py` from the
KATOTTG codifier of Ukraine (every unit of it, villages and districts of cities included)
and ISO 3166-2; it is never edited by hand. It is stored by column: one line per column,
its name and then one tab-separated cell per unit. First the DATA_COLUMNS of the units
(sorted by country and code), then the INDEX_COLUMNS: the folded keys of every name of the
units (sorted), and for each the comma-separated numbers of the units that have it.
A column read by column compresses to two thirds of the same rows, and loading splits only
the columns it needs at once (see `Gazetteer`): 35,000 units load in tens of milliseconds.
`tracker places list` shows the units as rows.

P-codes of Ukrainian units follow the common operational datasets (COD-AB): "UA" followed
by the leading digits of the KATOTTG code (the part after "UA"): 2 for an oblast and for
Kyiv and Sevastopol (UA63 Kharkivska, UA80 Kyiv), 4 for a raion (UA6308 Kupianskyi),
7 for a hromada (UA6308009 Kupianska), 10 for a city, town or village (UA6308009001
Kupiansk, UA6308011004 Hlushkivka), and 12 for a district of a city (UA631201500101
Kyivskyi of Kharkiv; also in Kyiv and Sevastopol, whose other units all share UA80, UA85).
A country's P-code is its ISO 3166-1 alpha-2 code (UA), as in the COD ADM0 level.
Units outside Ukraine carry their ISO 3166-2 code (or a `<ISO2>-X-<NAME>` code for the few
regions that are not ISO subdivisions) and no P-code unless a user gazetteer gives one.
"""

from __future__ import annotations

import gzip
import io
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import overload

from tracker.errors import InputFileError

__all__ = [
    "DATA_COLUMNS",
    "DATA_FILE",
    "FIRST_LEVELS",
    "INDEX_COLUMNS",
    "LEVELS",
    "SECOND_LEVELS",
    "SETTLEMENT_LEVELS",
    "THIRD_LEVELS",
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
    "stems",
    "centre",
)
# The file's second part: each folded key (fold.heavy_key of every name of a unit) and the
# row numbers of the units that have it, comma-separated.
INDEX_COLUMNS = ("key", "units")
# "town" is KATOTTG category X (selyshche, the former urban-type settlements), "village"
# category C (selo, selyshche of the old rural kind), "city_district" category B (a raion of
# a city: Saltivskyi of Kharkiv); "admin1", "admin2" and "admin3" are units outside Ukraine
# (ISO subdivisions, user gazetteers); "country" (ISO 3166-1) contains the first-level units.
LEVELS = (
    "oblast",
    "raion",
    "hromada",
    "city",
    "town",
    "village",
    "city_district",
    "admin1",
    "admin2",
    "admin3",
    "country",
)
# The levels of populated places: a figure about one of them has it as its settlement.
SETTLEMENT_LEVELS = frozenset({"city", "town", "village", "city_district"})
FIRST_LEVELS = frozenset({"oblast", "admin1"})
SECOND_LEVELS = frozenset({"raion", "admin2"})
THIRD_LEVELS = frozenset({"hromada", "admin3"})
_PCODE_DIGITS = {
    "oblast": 2, "raion": 4, "hromada": 7, "city": 10, "town": 10, "village": 10,
    "city_district": 12,
}  # fmt: skip
_FIRST_LEVEL_CITIES = frozenset({"80", "85"})  # Kyiv and Sevastopol


def pcode_of(katottg: str, level: str) -> str:
    """Return the COD P-code of a Ukrainian unit from its KATOTTG code and level."""
    digits = katottg[2:]
    count = _PCODE_DIGITS[level]
    if digits[:2] in _FIRST_LEVEL_CITIES and level != "city_district":
        count = 2
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
    # The third level (a hromada, a COD admin3) holding a settlement, when there is one.
    admin3_name: str | None = None
    admin3_pcode: str | None = None

    @property
    def label(self) -> str:
        """Return the name as a person would write it: `Kupianskyi raion`, `Kupiansk`."""
        return self.name + _LEVEL_WORDS.get(self.level, "")


_LEVEL_WORDS = {
    "oblast": " oblast",
    "raion": " raion",
    "hromada": " hromada",
    "city_district": " district",
}
_NOT_LOOKED_UP = -1


def _column_property(name: str) -> cached_property[list[str]]:
    """Return a property reading one column of a gazetteer, split at its first use."""

    def read(self: Gazetteer) -> list[str]:
        return self.column(name)

    return cached_property(read)


class Gazetteer:
    """Units and the index from folded keys to them; build with `from_rows` or `load`.

    The units are kept as columns of strings, one list per DATA_COLUMNS entry, as the file
    holds them (`|`-separated lists), and the index as the file's key -> "row,row" text.
    A column of the file is split at its first use: loading splits the codes and levels
    only, and nothing is made per unit or per key until it is asked for.
    """

    _pcode = _column_property("pcode")
    _name = _column_property("name")
    _native = _column_property("native")
    _parent = _column_property("parent")
    _country = _column_property("country")
    _short = _column_property("short")
    _aliases = _column_property("aliases")
    _centre = _column_property("centre")

    def __init__(self, columns: Mapping[str, str | list[str]], index: dict[str, str]) -> None:
        self._columns = dict(columns)
        self._code = self.column("code")
        self._level = self.column("level")
        count = len(self._code)
        self._parents: list[int | None] = [_NOT_LOOKED_UP] * count
        self.units: Sequence[Unit] = _LazyUnits(self, count)
        self._index = index
        self._found: dict[str, tuple[int, ...]] = {}

    @cached_property
    def _position(self) -> dict[str, int]:
        return dict(zip(self._code, range(len(self)), strict=True))

    @cached_property
    def _stem_index(self) -> dict[str, tuple[int, ...]]:
        # Keys made by rule ("kupian" of Kupianskyi), trusted only next to a level word.
        return _index_of(self.column("stems"))

    @classmethod
    def from_rows(cls, records: Iterable[Mapping[str, str]]) -> Gazetteer:
        """Return a gazetteer of the given rows (dicts with the DATA_COLUMNS; the folded keys
        are made from the names)."""
        from tracker.places.fold import heavy_key

        columns: dict[str, list[str]] = {name: [] for name in DATA_COLUMNS}
        keys: list[str] = []
        for r in records:
            row = {c: (r.get(c) or "") for c in DATA_COLUMNS}
            names = [row["name"], row["native"], *_split(row["short"]), *_split(row["aliases"])]
            keys.append("|".join(dict.fromkeys(k for n in names if (k := heavy_key(n)))))
            for name, column in columns.items():
                column.append(row[name])
        index = {k: ",".join(map(str, rows)) for k, rows in _index_of(keys).items()}
        return cls(dict(columns), index)

    @classmethod
    def load(cls, path: Path = DATA_FILE) -> Gazetteer:
        """Return the gazetteer stored in the gzip-compressed file at `path`."""
        text = gzip.decompress(path.read_bytes()).decode("utf-8")
        lines = dict(line.partition("\t")[::2] for line in text.rstrip("\n").split("\n"))
        if tuple(lines) != DATA_COLUMNS + INDEX_COLUMNS:
            raise InputFileError(f"{path}: not a gazetteer file (columns {', '.join(lines)})")
        keys, rows = (lines.pop(name).split("\t") for name in INDEX_COLUMNS)
        if len(keys) != len(rows):
            raise InputFileError(f"{path}: not a gazetteer file (an index of the wrong length)")
        return cls(lines, dict(zip(keys, rows, strict=True)))

    def column(self, name: str) -> list[str]:
        """Return one of the DATA_COLUMNS, one string per unit (split on first use)."""
        cells = self._columns[name]
        if isinstance(cells, str):
            cells = self._columns[name] = cells.split("\t")
            if len(cells) != len(self._columns["code"]):
                raise InputFileError(f"gazetteer column {name!r} has {len(cells)} cells")
        return cells

    def __len__(self) -> int:
        return len(self._code)

    def merged(self, other: Gazetteer) -> Gazetteer:
        """Return a gazetteer holding this one's units and then `other`'s."""
        offset = len(self)
        index = dict(self._index)
        for key, rows in other._index.items():
            moved = ",".join(str(int(i) + offset) for i in rows.split(","))
            index[key] = f"{index[key]},{moved}" if key in index else moved
        columns = {name: self.column(name) + other.column(name) for name in DATA_COLUMNS}
        return Gazetteer(columns, index)

    @property
    def keys(self) -> Collection[str]:
        """Return every folded key of the index (for `in` tests and fuzzy search)."""
        return self._index.keys()

    def lookup(self, key: str) -> tuple[int, ...]:
        """Return the indices of the units that have the folded `key` (empty when none)."""
        found = self._found.get(key)
        if found is None:
            rows = self._index.get(key)
            found = () if rows is None else tuple(map(int, rows.split(",")))
            if len(self._found) < 100_000:
                self._found[key] = found
        return found

    def lookup_stem(self, key: str) -> tuple[int, ...]:
        """Return the indices of the units whose rule-made stem is `key`."""
        return self._stem_index.get(key, ())

    def has_stem(self, key: str) -> bool:
        """Return True when `key` is the rule-made stem of some unit."""
        return key in self._stem_index

    def orphans(self, start: int = 0) -> list[tuple[str, str]]:
        """Return (name, parent) of the units from `start` on whose parent is no known unit."""
        return [
            (self._name[i], self._parent[i])
            for i in range(start, len(self))
            if self._parent[i] and self.parent(i) is None
        ]

    def position(self, code: str) -> int:
        """Return the index of the unit with `code`; KeyError when there is none."""
        return self._position[code]

    def level(self, i: int) -> str:
        """Return the level of unit `i` (cheaper than `units[i].level`)."""
        return self._level[i]

    def parent(self, i: int) -> int | None:
        """Return the index of the unit directly containing unit `i`, or None."""
        parent = self._parents[i]
        if parent == _NOT_LOOKED_UP:
            code = self._parent[i]
            parent = self._position.get(code)
            if parent is None and code:
                parent = self._by_pcode.get(code)
            self._parents[i] = parent
        return parent

    @cached_property
    def _by_pcode(self) -> dict[str, int]:
        # A parent may be named by its P-code too (user files know P-codes, not KATOTTG).
        by_pcode = dict(zip(self._pcode, range(len(self)), strict=True))
        by_pcode.pop("", None)
        return by_pcode

    def exact_names(self, i: int) -> tuple[str, ...]:
        """Return the names of unit `i` that count as an exact match (not aliases)."""
        return tuple(n for n in (self._name[i], self._native[i], *self._short[i].split("|")) if n)

    def alias_names(self, i: int) -> tuple[str, ...]:
        """Return the other names of unit `i` (older, Russian-based, exonyms)."""
        aliases = self._aliases[i]
        return tuple(aliases.split("|")) if aliases else ()

    def native_names(self, levels: Collection[str]) -> list[str]:
        """Return the one-word Cyrillic names of Ukraine's units of `levels`, in file order."""
        country, native = self.column("country"), self.column("native")
        return [
            native[i]
            for i in range(len(self))
            if country[i] == "UA" and self.level(i) in levels and native[i].isalpha()
        ]

    def names_of_several_words(self) -> Iterator[str]:
        """Yield every exact or alias name of two words or more (for the mention finder)."""
        for column in (self._name, self._native, self._short, self._aliases):
            for cell in column:
                if " " in cell or "-" in cell:
                    yield from (n for n in cell.split("|") if " " in n or "-" in n)

    def ancestors(self, i: int) -> list[int]:
        """Return the indices of the units containing unit `i`, nearest first."""
        chain: list[int] = []
        parent = self.parent(i)
        while parent is not None and parent not in chain:
            chain.append(parent)
            parent = self.parent(parent)
        return chain

    def make_unit(self, i: int) -> Unit:
        """Return a new Unit for row `i`, its parents' names and codes filled in."""
        chain = [i, *self.ancestors(i)]
        levels = self._level
        below_country = [j for j in chain if levels[j] != "country"] or chain
        first = next((j for j in chain if levels[j] in FIRST_LEVELS), below_country[-1])
        second = next((j for j in chain if levels[j] in SECOND_LEVELS), None)
        third = next((j for j in chain[1:] if levels[j] in THIRD_LEVELS), None)
        return Unit(
            code=self._code[i],
            pcode=self._pcode[i] or None,
            level=levels[i],
            name=self._name[i],
            admin1_name=self._name[first],
            admin1_pcode=self._pcode[first] or None,
            admin2_name=None if second is None else self._name[second],
            admin2_pcode=None if second is None else self._pcode[second] or None,
            country=self._country[i],
            native_name=self._native[i],
            centre=self._centre[i] or None,
            admin3_name=None if third is None else self._name[third],
            admin3_pcode=None if third is None else self._pcode[third] or None,
        )


class _LazyUnits(Sequence[Unit]):
    """The units of a gazetteer, each made on first use: loading stays fast."""

    def __init__(self, gazetteer: Gazetteer, count: int) -> None:
        self._gazetteer = gazetteer
        self._made: list[Unit | None] = [None] * count

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


def _index_of(cells: Sequence[str]) -> dict[str, tuple[int, ...]]:
    """Return the index from each key of `cells` (`|`-separated keys per unit) to the units;
    for the few cells of user files and of rule-made stems (the file holds its index)."""
    index: dict[str, tuple[int, ...]] = {}
    get = index.get
    for i, keys in enumerate(cells):
        if not keys:
            continue
        for key in keys.split("|") if "|" in keys else (keys,):
            found = get(key)
            index[key] = (i,) if found is None else (*found, i)
    return index


def _split(cell: str | None) -> list[str]:
    return [part for part in (cell or "").split("|") if part]


def rows_text(gazetteer_path: Path = DATA_FILE) -> str:
    """Return the decompressed text of a gazetteer file (for drift checks)."""
    with gzip.open(gazetteer_path, "rb") as handle:
        return io.TextIOWrapper(handle, encoding="utf-8").read()
