"""The codes the field's exports carry beyond the figures table: a settlement's hromada
(admin3) and its own P-code, and the country's ISO 3166 alpha-3 code.

They are looked up when exporting, from the gazetteer, so the store keeps one copy of
every place (its names and admin1/admin2 codes) and the codes always follow the gazetteer.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.errors import UnknownPlaceError
from tracker.places.gazetteer import SETTLEMENT_LEVELS, THIRD_LEVELS

if TYPE_CHECKING:
    import polars as pl

__all__ = ["CODE_COLUMNS", "iso3", "iso3_expr", "with_place_codes"]

# The columns `with_place_codes` adds.
CODE_COLUMNS: tuple[str, ...] = ("country_code", "admin3_pcode", "settlement_pcode")
_ISO3_FILE = Path(__file__).parent / "data" / "iso3.tsv"


@cache
def _iso3_codes() -> dict[str, str]:
    """Return ISO 3166 alpha-2 -> alpha-3 (built by tools/build_country_codes.py)."""
    lines = _ISO3_FILE.read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t") for line in lines if line)


def iso3(pcode: str | None) -> str | None:
    """Return the ISO3 code of the country a P-code belongs to (UA63 -> UKR), else None."""
    if not pcode or len(pcode) < 2:
        return None
    return _iso3_codes().get(pcode[:2].upper())


def iso3_expr(pcode: pl.Expr) -> pl.Expr:
    """Return the expression giving the ISO3 country of a column of P-codes (or null)."""
    import polars as pl

    alpha2 = pcode.str.slice(0, 2).str.to_uppercase()
    return alpha2.replace_strict(_iso3_codes(), default=None, return_dtype=pl.String())


def with_place_codes(frame: pl.DataFrame) -> pl.DataFrame:
    """Return `frame` with CODE_COLUMNS added: the ISO3 country of its admin1 P-code, and
    the hromada and settlement P-codes of its `settlement` (null when the gazetteer has no
    unit of that name in the figure's raion)."""
    import polars as pl

    pairs = (
        frame.select("settlement", "admin2_name", "admin2_pcode").unique().drop_nulls("settlement")
    )
    codes = [(*pair, *_settlement_codes(*pair)) for pair in pairs.iter_rows()]
    schema = dict.fromkeys(
        ("settlement", "admin2_name", "admin2_pcode", "admin3_pcode", "settlement_pcode"),
        pl.String(),
    )
    found = pl.DataFrame(codes, schema=schema, orient="row")
    country = iso3_expr(pl.col("admin1_pcode"))
    return frame.join(
        found, on=["settlement", "admin2_name", "admin2_pcode"], how="left", nulls_equal=True
    ).with_columns(country.alias("country_code"))


def _settlement_codes(
    settlement: str, admin2_name: str | None, admin2_pcode: str | None
) -> tuple[str | None, str | None]:
    """Return (hromada P-code, settlement P-code) of a settlement named in a raion."""
    from tracker.places.api import resolve

    # "Lozivskyi raion", not "Lozivskyi": a town in Luhansk oblast has that name too.
    within = f"{admin2_name} raion" if admin2_name else None
    try:
        found = resolve(settlement, within=within) if within else resolve(settlement)
    except UnknownPlaceError:
        found = resolve(settlement)
    unit = found.unit
    if unit is None or found.match == "fuzzy":
        return None, None
    if admin2_pcode and unit.admin2_pcode != admin2_pcode:
        return None, None
    if unit.level in THIRD_LEVELS:
        return unit.pcode, None
    if unit.level in SETTLEMENT_LEVELS:
        return unit.admin3_pcode, unit.pcode
    return None, None
