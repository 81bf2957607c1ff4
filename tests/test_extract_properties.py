"""Property tests: the extractor never raises, and every evidence span is in the text."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.extract import Extraction, extract

_WORDS = st.sampled_from(
    [
        "people",
        "children",
        "families",
        "evacuated",
        "remain",
        "left",
        "still",
        "about",
        "over",
        "nearly",
        "between",
        "and",
        "to",
        "-",
        "thousand",
        "million",
        "half",
        "a",
        "one",
        "two",
        "1,5",
        "3.1",
        "15",
        "031",
        "500-600",
        ",",
        ".",
        ";",
        ":",
        "since",
        "May",
        "10",
        "Kupiansk",
        "district",
        "region",
        "including",
        "of",
        "whom",
        "are",
        "were",
        "have",
        "been",
        "the",
        "in",
        "from",
        "yesterday",
    ]
)
_NUMBERISH = st.text(alphabet="0123456789,. -\u2009\u00a0\u2013", max_size=80)


def check_spans(text: str, extraction: Extraction) -> None:
    """Assert that every figure's evidence is its exact span, inside its sentence."""
    for figure in extraction.figures:
        assert figure.evidence == text[figure.start : figure.end]
        assert 0 <= figure.start < figure.end <= len(text)
        assert figure.sentence_start <= figure.start
        assert figure.end <= figure.sentence_end
        assert figure.value >= 0


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_text_gives_an_extraction(text: str) -> None:
    check_spans(text, extract(text, published=date(2024, 6, 1)))


@settings(max_examples=200)
@given(st.lists(_WORDS, max_size=60).map(" ".join))
def test_report_like_word_soup(text: str) -> None:
    check_spans(text, extract(text, published=date(2024, 6, 1)))


@settings(max_examples=100)
@given(_NUMBERISH)
def test_digit_soup(text: str) -> None:
    check_spans(text, extract(text))


@settings(max_examples=30)
@given(st.binary(max_size=400))
def test_binary_looking_text(data: bytes) -> None:
    text = data.decode("latin-1")
    check_spans(text, extract(text))


def test_empty_and_blank_texts() -> None:
    for text in ("", " ", "\n\n", "\x00", "."):
        assert extract(text).figures == []


def test_huge_text_is_read_without_error() -> None:
    sentence = "Over the last day, 900 people, including 217 children, were evacuated. "
    text = sentence * 1500  # about 100 KB
    extraction = extract(text, published=date(2024, 6, 1))
    check_spans(text, extraction)
    assert {f.value for f in extraction.figures} == {900, 217}


def test_adversarial_unicode_and_long_digit_runs() -> None:
    text = "\u202e\u200b" + "9" * 5000 + " people " + "1," * 3000 + "\U0001f600 evacuated"
    check_spans(text, extract(text))


def test_long_runs_without_sentence_ends() -> None:
    text = ("about " * 5000) + "people remain " + ("- 5 " * 3000)
    check_spans(text, extract(text))
