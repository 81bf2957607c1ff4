"""The `tracker places` commands: resolve names, list units, add a user gazetteer."""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Sequence
from contextlib import AbstractContextManager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from tracker.cli.app import app
from tracker.cli.common import DbOption, db_target, default_db_given, handle_errors
from tracker.cli.output import print_table, say
from tracker.errors import UnknownPlaceError

if TYPE_CHECKING:
    from tracker.places import Resolution, Unit

__all__ = [
    "PlacesOption",
    "add_command",
    "list_command",
    "places_app",
    "resolve_command",
    "using_places",
]

places_app = typer.Typer(
    help=(
        "The gazetteer: Ukraine's oblasts, raions, hromadas, cities, towns, villages and "
        "districts of cities with P-codes, first-level units elsewhere, and gazetteers you "
        "add.\n\n"
        "Example: tracker places resolve Kupyansk 'Kharkov region'"
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(places_app, name="places")


class Level(StrEnum):
    """Levels of the gazetteer a command can ask for."""

    OBLAST = "oblast"
    RAION = "raion"
    HROMADA = "hromada"
    CITY = "city"
    TOWN = "town"
    VILLAGE = "village"
    CITY_DISTRICT = "city_district"
    ADMIN1 = "admin1"
    ADMIN2 = "admin2"
    ADMIN3 = "admin3"
    COUNTRY = "country"


class Format(StrEnum):
    """Output formats of the places commands."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"


PlacesOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--places",
        metavar="FILE",
        exists=True,
        dir_okay=False,
        help="Gazetteer CSV to use as well, for this run only (repeatable).",
    ),
]
LevelOption = Annotated[Level | None, typer.Option(help="Only units of this level.")]
FormatOption = Annotated[Format, typer.Option("--format", help="Output format.")]

_UNIT_COLUMNS = ("level", "name", "pcode", "admin2_name", "admin1_name", "country", "code")
_RESOLVED_COLUMNS = (
    "query",
    "match",
    "score",
    "level",
    "name",
    "pcode",
    "admin3_name",
    "admin2_name",
    "admin1_name",
)


def using_places(files: list[Path] | None) -> AbstractContextManager[None]:
    """Return a context in which the gazetteers of a --places option count as well."""
    from tracker.places import extra_places

    return extra_places(files or [])


@places_app.command("resolve")
@handle_errors
def resolve_command(
    names: Annotated[list[str], typer.Argument(metavar="NAME", hidden=True)],
    level: LevelOption = None,
    within: Annotated[
        str | None,
        typer.Option(metavar="TEXT", help="Only units inside this one (an oblast, a raion)."),
    ] = None,
    context: Annotated[
        str | None,
        typer.Option(
            metavar="TEXT",
            help="Read the names in this text: the places it names choose among homonyms "
            '(e.g. "Hlushkivka and Kupiansk district").',
        ),
    ] = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="Say why each unit was chosen, and over which.")
    ] = False,
    fmt: FormatOption = Format.TABLE,
    places: PlacesOption = None,
) -> None:
    """Resolve each NAME (as a source wrote it) to a unit: names, P-codes, parents, and
    how it matched.

    A name that several villages share (homonyms in different raions) resolves to none of
    them: every one is listed, match "ambiguous", and --within (a raion, hromada or oblast)
    or --context (a text naming other places, as a report would) settles it. Exits 1 when
    a name matches nothing (with the closest names) or stays ambiguous; a fuzzy match is
    printed with its score and a warning on stderr.

    Example: tracker places resolve Kupyansk "Kupiansk district" "Kharkov region"

    Example: tracker places resolve Ivanivka --context "Ivanivka, Kupiansk district" --explain
    """
    with using_places(places):
        found = [_resolve_one(name, level, within, context) for name in names]
    if fmt is Format.JSON:
        typer.echo(json.dumps([_resolution_dict(r) for r in found], ensure_ascii=False, indent=2))
    elif fmt is Format.CSV:
        _print_csv([row for r in found for row in _resolution_rows(r)], _RESOLVED_COLUMNS)
    else:
        rows = [row for r in found for row in _resolution_rows(r)]
        print_table(rows, _RESOLVED_COLUMNS)
        if explain:
            typer.echo("\n".join(_explanation(r) for r in found))
    for resolution in found:
        if explain:
            break  # the explanation says it all
        if resolution.match == "fuzzy" and resolution.unit is not None:
            typer.echo(
                f"warning: {resolution.query!r} read as {resolution.unit.label} "
                f"(fuzzy, score {resolution.score:.2f})",
                err=True,
            )
        elif resolution.note and resolution.unit is not None and fmt is Format.TABLE:
            typer.echo(f"note: {resolution.query!r}: {resolution.note}", err=True)
    problems = [r for r in found if r.unit is None]
    if problems:
        suggestions = [s for r in problems for s in r.suggestions]
        raise UnknownPlaceError("; ".join(_problem(r) for r in problems), suggestions)


@places_app.command("list")
@handle_errors
def list_command(
    level: LevelOption = None,
    within: Annotated[
        str | None,
        typer.Option(metavar="TEXT", help="Only units inside this one (an oblast, a raion)."),
    ] = None,
    fmt: FormatOption = Format.TABLE,
    places: PlacesOption = None,
) -> None:
    """List the units of the gazetteer, optionally of one level and inside one unit.

    Example: tracker places list --level raion --within Kharkiv
    """
    from tracker.places import Unit, units

    with using_places(places):
        found = units(level.value if level else None, within)
    rows = [dataclasses.asdict(u) for u in found]
    if fmt is Format.JSON:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt is Format.CSV:
        _print_csv(rows, [f.name for f in dataclasses.fields(Unit)])
    else:
        print_table(rows, _UNIT_COLUMNS)


@places_app.command("add")
@handle_errors
def add_command(
    file: Annotated[
        Path,
        typer.Argument(metavar="FILE", dir_okay=False, hidden=True),
    ],
    db: DbOption = None,
) -> None:
    """Check a gazetteer CSV and keep a copy, so that every later command uses it.

    The copy goes to $TRACKER_PLACES_DIR (default ~/.local/share/tracker/places) and, when
    --db or $TRACKER_DB names a store, into that store too: everyone who uses the store
    then resolves names alike. Columns: name, level (admin1|admin2|admin3|city|...), and
    optionally code, pcode, parent, country, aliases (|-separated); or the COD-AB layout
    (ADM1_EN, ADM1_PCODE, ...).

    Example: tracker places add sdn_adminboundaries.csv --db postgresql://me@db.local/evac
    """
    from tracker.places import add_places_file
    from tracker.store import open_store

    if db is None and not default_db_given():
        target, count = add_places_file(file)
        say(f"added {count} units from {file} as {target}")
        return
    with open_store(db_target(db)) as store:
        target, count = add_places_file(file, keeper=store)
    say(f"added {count} units from {file} as {target} and to {store.target}")


def _print_csv(rows: list[dict[str, object]], columns: Sequence[str]) -> None:
    """Print rows as CSV on stdout; a cell a spreadsheet would run as a formula gets a `'`."""
    import polars as pl

    from tracker.tables import neutralise_formulas

    frame = pl.DataFrame(
        [{c: row.get(c) for c in columns} for row in rows],
        schema=dict.fromkeys(columns, pl.String),
        orient="row",
    )
    sys.stdout.write(neutralise_formulas(frame).write_csv())
    sys.stdout.flush()


def _resolution_rows(resolution: Resolution) -> list[dict[str, object]]:
    """Return the table rows of one resolution: one, or one per homonym it cannot choose."""
    row: dict[str, object] = {
        "query": resolution.query,
        "match": resolution.match or "unknown",
        "score": f"{resolution.score:.2f}",
    }
    if resolution.needs_context:
        row["match"] = "ambiguous"
        return [row | _unit_row(u) for u in resolution.candidates]
    if resolution.unit is not None:
        return [row | _unit_row(resolution.unit)]
    if resolution.suggestions:
        row["name"] = "did you mean: " + ", ".join(resolution.suggestions)
    return [row]


def _unit_row(unit: Unit) -> dict[str, object]:
    return {c: getattr(unit, c) for c in _RESOLVED_COLUMNS[3:]}


def _resolve_one(
    name: str, level: Level | None, within: str | None, context: str | None
) -> Resolution:
    """Return how `name` resolves: by itself, or as read in the --context text."""
    from tracker.places import resolve, resolve_in_text

    if context is not None and level is None and within is None:
        return resolve_in_text(name, context)
    return resolve(name, level.value if level else None, within)


def _explanation(resolution: Resolution) -> str:
    """Return why a name resolved as it did, with the other units it could have been."""
    unit = resolution.unit
    chosen = unit.label if unit is not None else "no unit"
    lines = [f"{resolution.query}: {chosen} ({resolution.match or 'unknown'})"]
    lines.append(f"  why: {resolution.note or 'the only unit of that name'}")
    others = [u for u in resolution.candidates if u != unit]
    if others:
        listed = "; ".join(f"{u.label} ({u.admin2_name or u.admin1_name})" for u in others[:8])
        more = f" and {len(others) - 8} more" if len(others) > 8 else ""
        lines.append(f"  other candidates: {listed}{more}")
    return "\n".join(lines)


def _problem(resolution: Resolution) -> str:
    if resolution.needs_context:
        count = len(resolution.candidates)
        return (
            f"ambiguous place {resolution.query!r}: {count} places of that name; "
            "give --within (its raion, hromada or oblast)"
        )
    return f"unknown place {resolution.query!r}"


def _resolution_dict(resolution: Resolution) -> dict[str, object]:
    def unit_dict(unit: Unit | None) -> dict[str, object] | None:
        return None if unit is None else dataclasses.asdict(unit)

    return {
        "query": resolution.query,
        "match": resolution.match,
        "score": resolution.score,
        "unit": unit_dict(resolution.unit),
        "candidates": [unit_dict(u) for u in resolution.candidates],
        "suggestions": list(resolution.suggestions),
        "needs_context": resolution.needs_context,
        "note": resolution.note,
    }
