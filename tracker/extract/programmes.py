"""Housing programmes named in a text (the Shelter programme and its transliterations)."""

from __future__ import annotations

import re

from tracker.extract.caseless import caseless

__all__ = ["find_programmes"]

# Canonical name -> spellings. "Shelter" is a programme only when written as a name:
# quoted, or followed by programme/project/website, or spelt in Ukrainian transliteration.
_PROGRAMMES: dict[str, str] = {
    "Shelter": (
        r"\b(?:Prykhystok|Pryhystok|Prichistok|Prykhystock|Prikhistok|Pryhistok|Prykhystku)\b|"
        r"[\"'\u201c\u00ab]Shelter[\"'\u201d\u00bb]|"
        r"\bShelter\s+(?:programme|program|project|initiative|scheme|website|platform)\b|"
        # Ukrainian: the programme's name is capitalised or quoted ("за програмою
        # «Прихисток»"); "у тимчасових прихистках" is any shelter, not the programme.
        r"\bПрихист(?:ок|ку|ком|кові)\b|[\"'\u201e\u00ab]прихист(?:ок|ку)[\"'\u201c\u00bb]"
    ),
}
_PROGRAMME_RE = re.compile(
    "|".join(f"(?P<p{i}>{pattern})" for i, pattern in enumerate(_PROGRAMMES.values()))
)
_NAMES = tuple(_PROGRAMMES)
# Every spelling above holds "shelter", "pr(i|y)(kh|h|ch)(i|y)st" or "прихист": a cheap
# first test.
_HINT_RE = caseless(r"shelter|pr[iy](?:kh|h|ch)[iy]st|прихист")


def find_programmes(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """Return the canonical names of the programmes text[start:end] mentions, in order, once."""
    found: list[str] = []
    if not _HINT_RE.search(text, start, len(text) if end is None else end):
        return found
    for match in _PROGRAMME_RE.finditer(text, start, len(text) if end is None else end):
        name = _NAMES[int(match.lastgroup[1:])] if match.lastgroup else _NAMES[0]
        if name not in found:
            found.append(name)
    return found
