"""The figures table: its columns, types, allowed values and descriptions, in one place.

Everything else derives from here: the store's DDL, the pandera schemas, the exports,
the generated data dictionary and the CLI's help text. This module imports no heavy
library at top level so that the CLI can read it while staying fast to start.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import polars as pl

__all__ = [
    "COLUMNS",
    "COLUMN_NAMES",
    "DERIVABLE_COLUMNS",
    "FIGURE_KEY_COLUMNS",
    "REQUIRED_COLUMNS",
    "Column",
    "Group",
    "Method",
    "Metric",
    "Period",
    "PlaceMatch",
    "Qualifier",
    "column",
    "figure_id",
    "polars_schema",
    "stable_digest",
]


class Metric(StrEnum):
    """What happened to the people counted."""

    EVACUATED = "evacuated"
    REMAINING = "remaining"
    TO_EVACUATE = "to_evacuate"
    HOUSED = "housed"


class Group(StrEnum):
    """Who is counted; `people` includes the children."""

    PEOPLE = "people"
    CHILDREN = "children"
    FAMILIES = "families"


class Qualifier(StrEnum):
    """How the source hedged the number."""

    EXACT = "exact"
    APPROX = "approx"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"


class Method(StrEnum):
    """How the figure entered the store."""

    EXTRACTED = "extracted"
    MANUAL = "manual"
    IMPORTED = "imported"


class Period(StrEnum):
    """What span of time the count covers."""

    CUMULATIVE = "cumulative"
    DAY = "day"
    SINGLE_OPERATION = "single_operation"
    UNKNOWN = "unknown"


class PlaceMatch(StrEnum):
    """How the place name was matched to the gazetteer."""

    EXACT = "exact"
    ALIAS = "alias"
    FUZZY = "fuzzy"
    # The name fits several places and its document does not say which: no unit is set.
    AMBIGUOUS = "ambiguous"


Kind = Literal["str", "int", "date", "datetime", "enum"]


@dataclass(frozen=True)
class Column:
    """One column of the figures table."""

    name: str
    kind: Kind
    description: str
    nullable: bool = False
    choices: tuple[str, ...] = ()
    hxl: str = ""
    default: str | None = None


def _enum(
    name: str, values: type[StrEnum], description: str, hxl: str, *, nullable: bool = False
) -> Column:
    return Column(
        name,
        "enum",
        description,
        nullable=nullable,
        choices=tuple(v.value for v in values),
        hxl=hxl,
    )


COLUMNS: tuple[Column, ...] = (
    Column(
        "figure_id",
        "str",
        "Stable id: the same figure from the same source always gets the same id "
        "(a hash of the columns in FIGURE_KEY_COLUMNS).",
        hxl="#meta+id",
    ),
    _enum("metric", Metric, "What happened to the people counted.", "#indicator+metric"),
    _enum(
        "population_group",
        Group,
        "Who is counted; people includes the children.",
        "#indicator+group",
    ),
    Column(
        "value",
        "int",
        "The number as stated, a whole number >= 0.",
        hxl="#indicator+value+num",
    ),
    _enum(
        "qualifier",
        Qualifier,
        "How the number was hedged: exact; approx (about, around); at_least (over, more "
        "than); at_most (nearly, almost, up to).",
        "#indicator+qualifier",
    ),
    Column("location", "str", "The place as the source wrote it.", hxl="#loc+name"),
    Column(
        "admin1_name",
        "str",
        "First-level unit (oblast), canonical name.",
        nullable=True,
        hxl="#adm1+name",
    ),
    Column(
        "admin1_pcode",
        "str",
        "First-level unit P-code, e.g. UA63.",
        nullable=True,
        hxl="#adm1+code",
    ),
    Column(
        "admin2_name",
        "str",
        "Second-level unit (raion, district), canonical name.",
        nullable=True,
        hxl="#adm2+name",
    ),
    Column(
        "admin2_pcode",
        "str",
        "Second-level unit P-code, e.g. UA6308.",
        nullable=True,
        hxl="#adm2+code",
    ),
    Column(
        "settlement",
        "str",
        "City, town, village or hromada when the figure is about one.",
        nullable=True,
        hxl="#loc+settlement",
    ),
    _enum(
        "place_match",
        PlaceMatch,
        "How the place was matched to the gazetteer; empty when it was not resolved.",
        "#meta+place_match",
        nullable=True,
    ),
    Column("as_of", "date", "The day the figure describes (YYYY-MM-DD).", hxl="#date+reported"),
    Column(
        "since",
        "date",
        "Start of a cumulative count ('since May 10'), YYYY-MM-DD.",
        nullable=True,
        hxl="#date+start",
    ),
    Column(
        "published_on",
        "date",
        "When the source published it (YYYY-MM-DD).",
        hxl="#date+published",
    ),
    _enum(
        "period",
        Period,
        "What span the count covers: cumulative running total, one day, one operation, "
        "or unknown (stocks such as remaining have no window).",
        "#indicator+period",
    ),
    Column(
        "programme",
        "str",
        "Housing programme named with the figure (e.g. Shelter).",
        nullable=True,
        hxl="#meta+programme",
    ),
    Column(
        "source_name", "str", "Who said it (ministry, administration, outlet).", hxl="#meta+source"
    ),
    Column("source_url", "str", "Where it was said.", nullable=True, hxl="#meta+url"),
    Column(
        "evidence",
        "str",
        "The exact words the figure was read from (empty for manual entries).",
        nullable=True,
        hxl="#meta+evidence",
    ),
    _enum("method", Method, "How the figure entered the store.", "#meta+method"),
    Column(
        "recorded_at",
        "datetime",
        "When it entered the store (UTC, ISO 8601).",
        hxl="#date+recorded",
    ),
    Column(
        "doc_id",
        "str",
        "The source document the figure was read from.",
        nullable=True,
        hxl="#meta+doc",
    ),
    Column(
        "claim_id",
        "str",
        "The same claim syndicated by several sources shares this id, so it can be counted once.",
        nullable=True,
        hxl="#meta+claim",
    ),
    Column(
        "note",
        "str",
        "Free text from whoever recorded the figure.",
        nullable=True,
        hxl="#meta+note",
    ),
)

COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)

# Columns an import may leave out because the tracker can fill them in.
DERIVABLE_COLUMNS: frozenset[str] = frozenset(
    {
        "figure_id",
        "method",
        "recorded_at",
        "admin1_name",
        "admin1_pcode",
        "admin2_name",
        "admin2_pcode",
        "settlement",
        "place_match",
        "period",
        "published_on",
        "claim_id",
    }
)

# A column an import must carry unless it is nullable or derivable.
REQUIRED_COLUMNS: tuple[str, ...] = tuple(
    c.name for c in COLUMNS if not c.nullable and c.name not in DERIVABLE_COLUMNS
)

# What makes two rows the same figure from the same source.
FIGURE_KEY_COLUMNS: tuple[str, ...] = (
    "metric",
    "population_group",
    "value",
    "qualifier",
    "location",
    "as_of",
    "since",
    "programme",
    "source_name",
    "source_url",
    "doc_id",
    "evidence",
)

_BY_NAME = {c.name: c for c in COLUMNS}

# How key values are joined before hashing; NUL keeps a missing value apart from "".
KEY_SEPARATOR = "\x1f"
KEY_NULL = "\x00"


def column(name: str) -> Column:
    """Return the column called `name`; KeyError if the table has none."""
    return _BY_NAME[name]


def figure_id(key_values: list[str | None]) -> str:
    """Return the stable id of a figure from its FIGURE_KEY_COLUMNS values, as strings.

    A hash of the text, not polars' row hash, because polars does not promise the same
    hash across versions and ids are stored for good.
    """
    return stable_digest("f", key_values)


def stable_digest(prefix: str, key_values: list[str | None]) -> str:
    """Return `prefix` + 16 hex digits of the SHA-256 of the values (None differs from "")."""
    joined = KEY_SEPARATOR.join(KEY_NULL if v is None else v for v in key_values)
    return prefix + hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


def polars_schema() -> dict[str, pl.DataType]:
    """Return the polars dtype of every column, in table order."""
    import polars as pl

    types: dict[str, pl.DataType] = {
        "str": pl.String(),
        "enum": pl.String(),
        "int": pl.Int64(),
        "date": pl.Date(),
        "datetime": pl.Datetime("us", "UTC"),
    }
    return {c.name: types[c.kind] for c in COLUMNS}
