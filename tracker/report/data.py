"""Figures -> districts: keys, page names, summaries, warnings, programmes, freshness.

Everything here is vectorised polars over the whole figures frame; Python only loops
over the (few hundred) districts when handing rows to the templates.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date
from typing import Protocol

import polars as pl

from tracker.model import COLUMN_NAMES

__all__ = [
    "FRESH_DAYS",
    "PLACE_KEY_PREFIX",
    "STALE_DAYS",
    "ValidationWarning",
    "district_summaries",
    "escape_html",
    "http_href",
    "prepare",
    "programmes",
    "warnings_by_district",
]

# Freshness badge thresholds, in days between the latest figure and the report date.
FRESH_DAYS = 3
STALE_DAYS = 14

# District keys of places without a P-code start with this (P-codes never contain ':').
PLACE_KEY_PREFIX = "place:"
_PCODE_PATTERN = r"^[A-Z]{2}[0-9]{2,12}$"
_SLUG_HASH_LENGTH = 8


class ValidationWarning(Protocol):
    """What the report needs of a validation failure (tracker.schema.Failure fits)."""

    @property
    def rule(self) -> str:
        """The rule in words."""

    @property
    def column(self) -> str | None:
        """The column the rule is about, if any."""

    @property
    def row(self) -> int | None:
        """0-based row of the frame that was validated, if the failure is about one."""


def escape_html(name: str) -> pl.Expr:
    """Return column `name` with &, <, >, " and ' written as character references.

    Quotes use numeric references because plotly, which draws this text, decodes only
    a few named ones (amp, lt, gt) besides numeric ones.
    """
    return pl.col(name).str.replace_many(
        ["&", "<", ">", '"', "'"], ["&amp;", "&lt;", "&gt;", "&#34;", "&#39;"]
    )


# An absolute http(s) URL with a host and no whitespace or control character anywhere.
_HTTP_URL = r"(?i)^https?://[^\s/?#@]+(?:[/?#][^\s]*)?$"
_CONTROL = r"[\x00-\x1f\x7f]"


def http_href(url: pl.Expr) -> pl.Expr:
    """Return `url` (stripped) where it is an absolute http(s) URL safe for href, else null."""
    text = url.str.strip_chars()
    return pl.when(text.str.contains(_HTTP_URL) & ~text.str.contains(_CONTROL)).then(text)


def _slug(text: pl.Expr) -> pl.Expr:
    ascii_words = (
        text.str.normalize("NFKD")
        .str.replace_all(r"[^\x00-\x7f]", "")
        .str.to_lowercase()
        .str.replace_all(r"[^a-z0-9]+", "-")
        .str.strip_chars("-")
        .str.slice(0, 40)
    )
    return pl.when(ascii_words == "").then(pl.lit("place")).otherwise(ascii_words)


def _short_hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:_SLUG_HASH_LENGTH]


def prepare(figures: pl.DataFrame) -> pl.DataFrame:
    """Return the figures with `_row` (original row), district key, label, oblast, page stem
    and `_i` (position on the district's page).

    The key is admin2_pcode when known, else the settlement, else the location as written
    (case-folded). Pages are named by P-code when it is well formed, else by a slug plus a
    short hash of the key so that two places never share a file. Rows come back sorted
    by district, date, metric, group and source so that every output is deterministic.
    """
    place = pl.coalesce(pl.col("settlement"), pl.col("location")).str.strip_chars()
    has_pcode = pl.col("admin2_pcode").is_not_null() & (pl.col("admin2_pcode") != "")
    frame = (
        figures.select(COLUMN_NAMES)
        .with_row_index("_row")
        .with_columns(
            district_key=pl.when(has_pcode)
            .then(pl.col("admin2_pcode"))
            .otherwise(pl.lit(PLACE_KEY_PREFIX) + place.str.to_lowercase()),
            _label=pl.when(has_pcode)
            .then(pl.coalesce(pl.col("admin2_name"), pl.col("admin2_pcode")))
            .otherwise(place),
        )
    )
    sort_columns = ["district_key", "as_of", "metric", "population_group", "source_name"]
    frame = frame.sort([*sort_columns, "figure_id"], nulls_last=True)
    per_district = frame.group_by("district_key").agg(
        district=pl.col("_label").drop_nulls().first(),
        oblast=pl.col("admin1_name").drop_nulls().first(),
    )
    keys = per_district.get_column("district_key")
    hashes = pl.Series("_hash", [_short_hash(k) for k in keys.to_list()], dtype=pl.String)
    per_district = per_district.with_columns(hashes).with_columns(
        page_stem=pl.when(pl.col("district_key").str.contains(_PCODE_PATTERN))
        .then(pl.col("district_key"))
        .otherwise(_slug(pl.col("district")) + "-" + pl.col("_hash"))
    )
    joined = frame.drop("_label").join(
        per_district.drop("_hash"), on="district_key", how="left", maintain_order="left"
    )
    return joined.with_columns(_i=pl.int_range(pl.len()).over("district_key"))


def district_summaries(prepared: pl.DataFrame, generated_on: date) -> pl.DataFrame:
    """Return one row per district: key, names, page stem, counts, latest day and its age.

    `reports` counts distinct (source, publication day, document) triples; `freshness`
    is `fresh`, `aging` or `stale` by the FRESH_DAYS / STALE_DAYS thresholds.
    """
    report_id = pl.concat_str(
        [pl.col("source_name"), pl.col("published_on").cast(pl.String), pl.col("doc_id")],
        separator="\x1f",
        ignore_nulls=True,
    )
    summary = prepared.group_by("district_key").agg(
        district=pl.col("district").first(),
        oblast=pl.col("oblast").first(),
        page_stem=pl.col("page_stem").first(),
        figures=pl.len(),
        reports=report_id.n_unique(),
        sources=pl.col("source_name").n_unique(),
        latest_day=pl.col("as_of").max(),
    )
    age = (pl.lit(generated_on) - pl.col("latest_day")).dt.total_days()
    return summary.with_columns(
        age_days=age,
        freshness=pl.when(age <= FRESH_DAYS)
        .then(pl.lit("fresh"))
        .when(age <= STALE_DAYS)
        .then(pl.lit("aging"))
        .otherwise(pl.lit("stale")),
    ).sort(["oblast", "district", "district_key"], nulls_last=True)


# A warning lists at most this many of the figures it is about, then how many more.
_WARNING_FIGURES = 5


def _figure_words() -> pl.Expr:
    """A figure in words for a warning: "24,000 on 2024-05-13 from Suspilne"."""
    reversed_digits = pl.col("value").cast(pl.String).str.reverse()
    value = (
        reversed_digits.str.replace_all(r"(\d{3})", "$1,")
        .str.strip_chars_end(",")
        .str.reverse()
        .str.replace("-,", "-", literal=True)
    )
    return pl.format(
        "{} on {} from {}",
        value,
        pl.col("as_of").cast(pl.String),
        pl.col("source_name").fill_null("a source not named"),
    )


def warnings_by_district(
    prepared: pl.DataFrame, warnings: Sequence[ValidationWarning]
) -> dict[str, list[str]]:
    """Return, per district key, its warnings, each once: the rule, then the figures it is
    about (value, day, source), oldest first, at most _WARNING_FIGURES and how many more.

    Failure.row counts rows of the frame given to build_report, which `_row` preserves.
    Warnings without a row, or with a row outside the frame, are left out. A rule about
    the value itself is given without the column's name.
    """
    about_rows = [w for w in warnings if w.row is not None]
    if not about_rows:
        return {}
    texts = [w.rule if w.column in (None, "value") else f"{w.column}: {w.rule}" for w in about_rows]
    found = pl.DataFrame(
        {"_row": [w.row for w in about_rows], "text": texts},
        schema={"_row": pl.UInt32, "text": pl.String},
    )
    figures = prepared.select("_row", "district_key", "value", "as_of", "source_name")
    grouped = (
        found.unique()
        .join(figures, on="_row", how="inner")
        .sort("district_key", "text", "as_of", "value", "_row")
        .group_by("district_key", "text", maintain_order=True)
        .agg(
            shown=_figure_words().head(_WARNING_FIGURES).str.join("; "),
            more=pl.len() - _WARNING_FIGURES,
        )
        .with_columns(
            text=pl.format("{}. Figures: {}", pl.col("text"), pl.col("shown"))
            + pl.when(pl.col("more") > 0)
            .then(pl.format("; and {} more", pl.col("more")))
            .otherwise(pl.lit(""))
        )
        .group_by("district_key", maintain_order=True)
        .agg("text")
    )
    return dict(zip(grouped["district_key"].to_list(), grouped["text"].to_list(), strict=True))


def programmes(
    prepared: pl.DataFrame, mentions: pl.DataFrame | None = None
) -> dict[str, list[dict[str, object]]]:
    """Return, per district key, the housing programmes named: figures, reports, days.

    `mentions` (doc_id, programme, published_on) adds the programmes a report names
    without a figure ("find housing through the Shelter program"); such a report counts
    for every district its figures are about.
    """
    with_figures = prepared.filter(pl.col("programme").is_not_null()).select(
        "district_key", "programme", "doc_id", day=pl.col("as_of"), figure=pl.lit(1)
    )
    if mentions is not None and mentions.height:
        districts_of_docs = prepared.select("district_key", "doc_id").unique().drop_nulls()
        named = mentions.join(districts_of_docs, on="doc_id").select(
            "district_key", "programme", "doc_id", day=pl.col("published_on"), figure=pl.lit(0)
        )
        with_figures = pl.concat([with_figures, named], how="vertical_relaxed")
    named = (
        with_figures.group_by("district_key", "programme")
        .agg(
            figures=pl.col("figure").sum(),
            reports=pl.col("doc_id").drop_nulls().n_unique(),
            first=pl.col("day").min(),
            last=pl.col("day").max(),
        )
        .sort("district_key", "programme")
    )
    result: dict[str, list[dict[str, object]]] = {}
    for row in named.iter_rows(named=True):
        result.setdefault(row.pop("district_key"), []).append(row)
    return result
