"""What the extractor returns: one `ExtractedFigure` per figure, in an `Extraction`."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date

__all__ = ["ExtractedFigure", "Extraction"]


@dataclass(frozen=True)
class ExtractedFigure:
    """One figure read from a text, with every figures-table column the text supports.

    `evidence == text[start:end]`: the shortest span stating the figure. `rule` names the
    grammar rules that read it (see tracker/extract/rules.py); `sentence_start` and
    `sentence_end` locate its sentence for `tracker extract --explain`.
    """

    metric: str
    population_group: str
    value: int
    qualifier: str
    location: str
    admin1_name: str | None
    admin1_pcode: str | None
    admin2_name: str | None
    admin2_pcode: str | None
    settlement: str | None
    place_match: str | None
    as_of: date | None
    since: date | None
    published_on: date | None
    period: str
    programme: str | None
    source_name: str | None
    source_url: str | None
    evidence: str
    start: int
    end: int
    doc_id: str | None
    rule: str
    sentence_start: int
    sentence_end: int
    district: str | None = None
    oblast: str | None = None
    place_note: str = ""  # how the place was chosen, for --explain

    def to_row(self) -> dict[str, object]:
        """Return the figure as a figures-table row (model column names).

        figure_id, method, recorded_at and claim_id are left to the caller; `note` says
        which rule read the figure. `district` and `oblast` (the guidelines' short names)
        belong to the extractor's output records, not to the table.
        """
        # A shallow copy: every field is immutable, and asdict's deep copy is 8x slower.
        row = {name: getattr(self, name) for name in _ROW_FIELDS}
        row["source_name"] = self.source_name or ""
        row["note"] = f"rule: {self.rule}"
        return row


_NOT_IN_ROW = frozenset(
    {"start", "end", "rule", "sentence_start", "sentence_end", "district", "oblast", "place_note"}
)
_ROW_FIELDS = tuple(f.name for f in fields(ExtractedFigure) if f.name not in _NOT_IN_ROW)


@dataclass(frozen=True)
class Extraction:
    """The figures read from one text, the housing programmes the text mentions, and the
    language whose rules read it ("en" or "uk")."""

    figures: list[ExtractedFigure] = field(default_factory=list)
    programmes: list[str] = field(default_factory=list)
    language: str = "en"
