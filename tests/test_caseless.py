"""Caseless regexes: the same spans as re.IGNORECASE, found on a lower-cased copy."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.extract.caseless import caseless, lowered

_PATTERNS = [
    r"\bsince\s+(?:the\s+)?(?P<month>may|june)\b",
    r"\b(?:evacuated|left)\b",
    r"(?<![\w])about\s+\d+",
    r"міська\s+громада",
]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Since May",
        "İstanbul evacuated 5",  # "İ".lower() is two characters
        "ǅ and ß stay put",
        "x" * 1000 + "İ" + " Since June",  # long enough for the cached path
    ],
)
def test_lowered_keeps_every_offset(text: str) -> None:
    low = lowered(text)
    assert len(low) == len(text)
    assert all(a == b or a == b.lower() for a, b in zip(low, text, strict=True))


def test_a_pattern_with_upper_case_letters_is_refused() -> None:
    with pytest.raises(ValueError, match="lower case"):
        caseless(r"\bShelter\b")


def test_escapes_and_group_names_may_use_capitals() -> None:
    pattern = caseless(r"\S+\s(?P<Name>x)\b\W")
    assert pattern.search("AB X!") is not None


def test_group_text_is_lower_case_and_offsets_are_the_original() -> None:
    text = "Evacuated SINCE June"
    match = caseless(r"since\s+(?P<month>june)").search(text)
    assert match is not None
    assert match.group("month") == "june"
    assert text[match.start() : match.end()] == "SINCE June"


_UPPER_CYRILLIC = "міська".upper()
_ALPHABET = st.sampled_from(
    [*"aAbBeEfFiIlLmMnNoOsStTuUvVyYdDcC İßǅ-0123456789.,\n", "міська", _UPPER_CYRILLIC, "громада"]
)


@given(st.lists(_ALPHABET, max_size=80).map("".join), st.sampled_from(_PATTERNS))
def test_same_spans_as_ignorecase(text: str, pattern: str) -> None:
    reference = re.compile(pattern, re.IGNORECASE)
    fast = caseless(pattern)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in reference.finditer(text)]
    assert bool(fast.search(text, 2, 40)) == bool(reference.search(text, 2, 40))
