"""Ukrainian place names in any case: the nominative forms an inflected word may have.

Generated declension rules, not a dictionary: each case ending maps back to the endings
of the nominative it may come from, with the stem alternations of place names (Харкова ->
Харків, Миколаєва -> Миколаїв, Снігурівці -> Снігурівка, Запоріжжю -> Запоріжжя).
The candidates are checked against the gazetteer, so a wrong guess costs nothing; the
rules are tested against the pymorphy3 Ukrainian dictionary (tests/test_extract_uk_places.py).
Why rules and not a library at run time (benchmarks/bench_morphology.py, 500 gazetteer
names, 1,796 case forms made by pymorphy3): pymorphy3 loads in 0.1-0.3 s and parses a word
in 65-130 us; its first parse gives the place's nominative for 76% of the forms, any of
its parses for 99.9%; simplemma loads in 0.8-1.7 s and its lemma is the nominative for
18% (Вовчанській -> Вовчанськ, Богуславці -> Богуслав); these rules cost 11-15 us a word,
load nothing, and give the nominative among their candidates for 96.5% (the gazetteer
then picks among the candidates, as it would among pymorphy3's parses).
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["nominatives"]

# (case ending, nominative endings), longest endings first. "" is the bare stem.
_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # adjectives: Куп'янського, Вовчанській, Ізюмському, Покровське, Нової, Лозовій
    ("ського", ("ський", "ська", "ське")),
    ("ському", ("ський", "ське", "ськ")),
    ("ським", ("ський", "ське")),
    ("ською", ("ська",)),
    ("ської", ("ська",)),
    ("ській", ("ська", "ськ")),
    ("ських", ("ський", "ська", "ське")),
    ("цького", ("цький", "цька", "цьке")),
    ("цькому", ("цький", "цьке")),
    ("цької", ("цька",)),
    ("цькій", ("цька",)),
    ("зького", ("зький", "зька", "зьке")),
    ("зькому", ("зький", "зьке")),
    ("зької", ("зька",)),
    ("зькій", ("зька",)),
    ("ого", ("ий", "е", "а")),
    ("ому", ("ий", "е")),
    ("им", ("ий", "е")),
    ("ої", ("а",)),
    ("ій", ("а", "ий", "ія", "я")),
    ("ою", ("а",)),
    ("ім", ("ий", "е")),
    # nouns: Ізюма, Ізюму, Херсоні, Снігурівці, Слободи, Запоріжжю, Сумах, Лубнах
    # the vowel of -ець drops: Ясенця, Ясенцеві, Ясенцем -> Ясенець
    ("цеві", ("ець",)),
    ("цем", ("ець",)),
    ("ця", ("ець", "ця")),
    ("ці", ("ка", "ця", "ки", "ець", "к")),
    ("ями", ("і", "я")),
    # plurals: Коржів, Кошаринцям, Сумах -> Коржі, Кошаринці, Суми
    ("ців", ("ці",)),
    ("ів", ("і", "и")),
    ("ам", ("и", "і")),
    ("ям", ("і", "я")),
    ("зі", ("га", "г")),
    ("сі", ("ха", "са", "х")),
    ("ові", ("", "о")),
    ("еві", ("", "ь")),
    ("єві", ("й",)),
    ("ах", ("и", "і")),
    ("ях", ("і", "и")),
    ("ами", ("и", "і")),
    ("ом", ("", "о")),
    ("ем", ("", "ь")),
    ("єм", ("й",)),
    ("ею", ("я", "а", "ь")),
    ("єю", ("я",)),
    ("и", ("а", "и", "")),
    ("і", ("", "а", "я", "е", "і", "о", "ь")),
    ("ї", ("я", "ї")),
    ("у", ("", "а", "о")),
    ("ю", ("я", "ь", "")),
    ("а", ("", "о", "е", "а")),
    ("я", ("ь", "я", "")),
    ("е", ("е",)),
    ("о", ("о",)),
)
# Stem alternations in the last syllable: Харкова -> Харків, Миколаєва -> Миколаїв.
_VOWELS = frozenset("аеєиіїоуюяь'\u2019\u02bc")
_ALTERNATIONS = (("ов", "ів"), ("ев", "ів"), ("єв", "їв"), ("ог", "іг"), ("ор", "ір"))


@lru_cache(maxsize=65536)
def nominatives(word: str) -> tuple[str, ...]:
    """Return the nominative forms `word` may be a case form of, `word` itself first."""
    found = [word]
    lower = word.lower()
    if lower[-1:].isalpha() and lower[-1] not in _VOWELS:
        found.extend((word + "и", word + "і"))  # a genitive plural: Крут -> Крути
    for ending, bases in _ENDINGS:
        if not lower.endswith(ending) or len(word) - len(ending) < 2:
            continue
        stem = word[: len(word) - len(ending)]
        for base in bases:
            form = stem + base
            found.append(form)
            # Розі -> Рог -> Ріг, Харкова -> Харков -> Харків: the vowel of a closed syllable
            found.extend(form[:-2] + new for old, new in _ALTERNATIONS if form.endswith(old))
    return tuple(dict.fromkeys(found))
