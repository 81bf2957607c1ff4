"""Property tests for Ukrainian and mixed text: no exception, every evidence span is
exactly text[start:end], and the language check is stable."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_extract_properties import check_spans

from tracker.extract import Language, detect_language, extract

_WORDS = st.sampled_from(
    [
        "людей", "осіб", "дітей", "дитини", "родин", "сім'ї", "мешканців", "евакуйовано",
        "вивезли", "виїхали", "залишаються", "лишається", "проживає", "треба", "вивезти",
        "підлягають", "евакуації", "розміщено", "понад", "близько", "майже", "до", "від",
        "щонайменше", "тис.", "тисяч", "двох", "п'ятеро", "півсотні", "сотні", "з", "них",
        "у", "тому", "числі", "серед", "яких", "—", "–", "-", ",", ".", ":", ";", "(", ")",
        "15", "031", "1,5", "4", "83", "300-400", "28.08.23", "9:00", "57-річну", "%",
        "Куп'янського", "району", "Вовчанській", "громаді", "Харківщині", "Нової", "Слободи",
        "Ізюма", "області", "звідти", "в", "місті", "з", "5", "травня", "за", "добу",
        "people", "evacuated", "Kupiansk", "\u00a0", "\u2009", "\u200b", "\u00ad",
    ]
)  # fmt: skip
_CYRILLIC = st.text(
    alphabet=st.characters(min_codepoint=0x0400, max_codepoint=0x04FF)
    | st.sampled_from(list(" 0123456789,.-–—:;()%'\u2019\u02bc\u00a0\u2009\u202f\n")),
    max_size=300,
)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(_CYRILLIC)
def test_any_cyrillic_text_gives_an_extraction(text: str) -> None:
    check_spans(text, extract(text, published=date(2025, 6, 1), lang="uk"))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_WORDS, max_size=60).map(" ".join))
def test_report_like_ukrainian_word_soup(text: str) -> None:
    check_spans(text, extract(text, published=date(2025, 6, 1)))


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_any_text_read_as_ukrainian(text: str) -> None:
    check_spans(text, extract(text, lang="uk"))


@settings(max_examples=100)
@given(st.text(max_size=300))
def test_detection_gives_a_language(text: str) -> None:
    assert detect_language(text) in (Language.EN, Language.UK)


def test_mixed_text_keeps_offsets_into_the_original() -> None:
    text = "\u200bЗ Куп\u2019янського району\u00ad евакуйовано 1\u00a0433 людини (Kupiansk)."
    extraction = extract(text, published=date(2025, 6, 1))
    check_spans(text, extraction)
    assert [f.value for f in extraction.figures] == [1433]


def test_detection_reads_ukrainian_english_and_russian() -> None:
    assert detect_language("У селі залишаються дві родини, у яких п'ятеро дітей.") == "uk"
    assert detect_language("436 people were evacuated from Куп'янськ district.") == "en"
    assert detect_language("В городе остается 500 человек, говорит мэр.") == "en"
    assert detect_language("") == "en"
