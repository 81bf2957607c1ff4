"""Ukrainian place names in any case: the nominative forms an inflected word may have.

Generated declension rules, not a dictionary: each case ending maps back to the endings
of the nominative it may come from, with the stem alternations of place names (Харкова ->
Харків, Миколаєва -> Миколаїв, Снігурівці -> Снігурівка, Запоріжжю -> Запоріжжя).
The candidates are checked against the gazetteer, so a wrong guess costs nothing; the
rules are tested against the pymorphy3 Ukrainian dictionary (tests/test_extract_uk_places.py).
Why rules and not the library at run time: pymorphy3 loads its dictionary in about 0.3 s
and parses a word in about 20-170 us, simplemma loads in 1.7 s and lemmatises many place
names wrongly (Вовчанській -> Вовчанськ, Богуславці -> Богуслав); these rules cost
microseconds and need nothing installed.
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
    ("ої", ("а",)),
    ("ій", ("а", "ий", "ія", "я")),
    ("ою", ("а",)),
    ("ім", ("ий", "е")),
    # nouns: Ізюма, Ізюму, Херсоні, Снігурівці, Слободи, Запоріжжю, Сумах, Лубнах
    ("ці", ("ка", "ця")),
    ("зі", ("га",)),
    ("сі", ("ха", "са")),
    ("ові", ("", "о")),
    ("еві", ("",)),
    ("ах", ("и",)),
    ("ях", ("і", "и")),
    ("ами", ("и",)),
    ("ом", ("", "о")),
    ("ем", ("",)),
    ("єм", ("й",)),
    ("ею", ("я",)),
    ("єю", ("я",)),
    ("и", ("а", "и", "")),
    ("і", ("", "а", "я", "е", "і")),
    ("ї", ("я", "ї")),
    ("у", ("", "а", "о")),
    ("ю", ("я", "ь", "")),
    ("а", ("", "о", "е", "а")),
    ("я", ("ь", "я", "")),
    ("е", ("е",)),
    ("о", ("о",)),
)
# Stem alternations in the last syllable: Харкова -> Харків, Миколаєва -> Миколаїв.
_ALTERNATIONS = (("ов", "ів"), ("ев", "ів"), ("єв", "їв"), ("ог", "іг"), ("ор", "ір"))


@lru_cache(maxsize=65536)
def nominatives(word: str) -> tuple[str, ...]:
    """Return the nominative forms `word` may be a case form of, `word` itself first."""
    found = [word]
    lower = word.lower()
    for ending, bases in _ENDINGS:
        if not lower.endswith(ending) or len(word) - len(ending) < 2:
            continue
        stem = word[: len(word) - len(ending)]
        for base in bases:
            found.append(stem + base)
            if base == "":
                found.extend(stem[:-2] + new for old, new in _ALTERNATIONS if stem.endswith(old))
    return tuple(dict.fromkeys(found))
