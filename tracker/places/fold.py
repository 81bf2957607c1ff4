"""Fold place names into lookup keys so that spelling variants of one place meet.

Two keys per name:

- `light_key`: lower case, accents, apostrophes and hyphens gone, spaces collapsed. Two
  names with the same light key are the same spelling (`Kup'iansk` = `Kupiansk`).
- `heavy_key`: the light key transliterated to Latin and folded over the differences
  between the Ukrainian 2010 system, older and Russian-based romanisations:
  y/j/i, g/h/kh, doubled letters, `-skiy/-sky/-skyi`, `-skaya/-ska`, a final `-ov/-ev`
  read as `-iv` (Kharkov = Kharkiv). Spaces are dropped. Two names with the same heavy key
  are probably the same place spelt another way; the resolver reports such a match as an
  alias, never as exact.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["heavy_key", "light_key", "strip_adjective"]

_APOSTROPHES = str.maketrans("", "", "'`\u2019\u02bc\u00b4\u2018\u02bb")
_SPACES = re.compile(r"[\s\-\u2010\u2013\u2014_./,]+")
_CYRILLIC = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюяыэёъ"
_LATIN = (  # noqa: SIM905
    "a b v h g d e ie zh z y i i i k l m n o p r s t u f kh ts ch sh shch _ iu ia y e e _"
).split()
_CYRILLIC_TO_LATIN = str.maketrans(
    {c: "" if t == "_" else t for c, t in zip(_CYRILLIC, _LATIN, strict=True)}
)
_NOT_LETTER = re.compile(r"[^a-z ]")
_DOUBLE = re.compile(r"(.)\1+")
_WORD_ENDINGS = (
    # Russian-style adjective endings onto the Ukrainian ones, then -ov/-ev onto -iv.
    (re.compile(r"sk(?:ii|i|oi|ai)\b"), "skii"),
    (re.compile(r"sk(?:aia|aja|a)\b"), "ska"),
    (re.compile(r"sk(?:oie|oe|e)\b"), "ske"),
    (re.compile(r"(?<=[^aeiou])[oe]v\b"), "iv"),
)


@lru_cache(maxsize=65536)
def light_key(name: str) -> str:
    """Return `name` lower-cased without accents, apostrophes or hyphens, spaces collapsed."""
    plain = name.casefold().translate(_APOSTROPHES)
    if not plain.isascii():
        decomposed = unicodedata.normalize("NFKD", plain)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", plain).strip()


@lru_cache(maxsize=65536)
def heavy_key(name: str) -> str:
    """Return the folded key of `name` (see the module docstring); empty for no letters."""
    s = light_key(name).translate(_CYRILLIC_TO_LATIN)
    s = _NOT_LETTER.sub("", s)
    s = s.replace("kh", "h").replace("g", "h").replace("j", "i").replace("y", "i")
    s = s.replace("w", "v").replace("zhzh", "zh").replace("ph", "f")
    s = _DOUBLE.sub(r"\1", s)
    for pattern, ending in _WORD_ENDINGS:
        s = pattern.sub(ending, s)
    return s.replace(" ", "")


def strip_adjective(key: str) -> str:
    """Return a heavy key without its adjective ending (`kupianskii` -> `kupian`)."""
    for ending in ("skii", "ska", "ske", "ki", "ka"):
        if key.endswith(ending) and len(key) - len(ending) >= 3:
            return key[: -len(ending)]
    return key
