"""Ukrainian number expressions: digits, scale words, number words, hedges and ranges.

Digits are grouped by spaces, non-breaking or thin spaces ("15 031", "5 766"); a decimal
comma takes a scale word ("1,5 тис.", "2,3 тисячі"); a scale word may be followed by the
rest ("4 тис. 83", "5 тис 766"). Number words are read in every case and gender
("двох тисяч", "п'ятеро", "одна тисяча сімсот", "півсотні"). "Сотні", "десятки",
"тисячі" without a numeral are vague and are no number. A range ("300-400", "від 500 до
600", "10-15 тисяч") is one expression with a low and a high value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["UkNumber", "find_numbers"]

_A = "['\u2019\u02bc`]"  # the apostrophes written in Ukrainian words
_SPACE = "[ \u00a0\u202f\u2009]"
_DIGITS = rf"\d{{1,3}}(?:{_SPACE}\d{{3}})+(?!\d)|\d+(?:[,.]\d+)?"
_SCALE = r"(?P<{name}>тис(?:яч[іаиу]?|\.|\b)|млн(?:\.|\b)|мільйон(?:ів|а|и)?\b|мільярд\w*)"

# Number words by stem: each stem takes the endings of its case forms.
_UNITS: dict[str, int] = {
    r"од(?:ин|на|не|ну|ного|ній|ному|ним|нією|нієї|них)": 1,
    r"дв(?:а|і|ох|ом|ома|оє)": 2,
    r"тр(?:и|ьох|ьом|ьома|оє)": 3,
    r"чотир(?:и|ьох|ьом|ьома)|четвер(?:о|ох)": 4,
    rf"п{_A}ят(?:ь|и|ьох|ьом|ьма|ьома|еро)": 5,
    r"ш(?:ість|ести|істьох|істьом|істьма|естеро)": 6,
    r"с(?:ім|еми|емеро|ьомох|ьома)": 7,
    r"в(?:ісім|осьми|осьмеро|ісьмох|ісьма)": 8,
    rf"дев{_A}ят(?:ь|и|ьох|ьма|еро)": 9,
    r"десят(?:ь|и|ьох|ьма|еро)": 10,
    r"одинадцят(?:ь|и|ьох|ьма|еро)": 11,
    r"дванадцят(?:ь|и|ьох|ьма|еро)": 12,
    r"тринадцят(?:ь|и|ьох|ьма|еро)": 13,
    r"чотирнадцят(?:ь|и|ьох|ьма|еро)": 14,
    rf"п{_A}ятнадцят(?:ь|и|ьох|ьма|еро)": 15,
    r"шістнадцят(?:ь|и|ьох|ьма|еро)": 16,
    r"сімнадцят(?:ь|и|ьох|ьма|еро)": 17,
    r"вісімнадцят(?:ь|и|ьох|ьма|еро)": 18,
    rf"дев{_A}ятнадцят(?:ь|и|ьох|ьма|еро)": 19,
}
_TENS: dict[str, int] = {
    r"двадцят(?:ь|и|ьох|ьма|еро)": 20,
    r"тридцят(?:ь|и|ьох|ьма|еро)": 30,
    r"сорок(?:а|ом)?": 40,
    rf"п{_A}ятдесят(?:и|ьох|ьма)?": 50,
    r"шістдесят(?:и|ьох|ьма)?|шістьдесят": 60,
    r"сімдесят(?:и|ьох|ьма)?": 70,
    r"вісімдесят(?:и|ьох|ьма)?": 80,
    rf"дев{_A}яност(?:о|а)": 90,
}
_HUNDREDS: dict[str, int] = {
    r"сто|ста": 100,
    r"двісті|двохсот|двомстам": 200,
    r"триста|трьохсот": 300,
    r"чотириста|чотирьохсот": 400,
    rf"п{_A}ятсот|п{_A}ятисот": 500,
    r"шістсот|шестисот": 600,
    r"сімсот|семисот": 700,
    r"вісімсот|восьмисот": 800,
    rf"дев{_A}ятсот|дев{_A}ятисот": 900,
}
_THOUSAND = r"тисяч(?:а|і|у|ею|ами|ам|ах)?"
_HALF = {r"півсотн[іяею]": 50, r"пів\s?тисяч[іи]": 500, r"півтор(?:и|а)\s+тисяч[іи]": 1500}


def _alternation(table: dict[str, int]) -> str:
    return "|".join(f"(?:{stem})" for stem in sorted(table, key=len, reverse=True))


_WORD_VALUES = [
    (re.compile(f"(?:{stem})$", re.IGNORECASE), value)
    for table in (_HUNDREDS, _TENS, _UNITS)
    for stem, value in table.items()
]
_ONE_WORD = rf"(?:{_alternation(_HUNDREDS)}|{_alternation(_TENS)}|{_alternation(_UNITS)})"
_WORDS = rf"{_ONE_WORD}(?:\s+{_ONE_WORD}){{0,2}}"
_WORD_NUMBER_RE = re.compile(
    rf"(?<![\w-])(?P<half>{'|'.join(_HALF)})(?![\w-])"
    rf"|(?<![\w-])(?P<words>{_WORDS})(?:\s+(?P<thousand>{_THOUSAND})"
    rf"(?:\s+(?P<rest>{_WORDS}))?)?(?![\w-])"
    rf"|(?<![\w-])(?P<bare_thousand>тисяча|тисячу)(?:\s+(?P<rest2>{_WORDS}))?(?![\w-])",
    re.IGNORECASE,
)
_DIGIT_NUMBER_RE = re.compile(
    rf"(?<![\w.,:/№-])(?P<low>{_DIGITS})"
    rf"(?:\s?(?:[-\u2013\u2014]|\s(?:до|або|чи)\s)\s?(?P<high>{_DIGITS}))?"
    rf"(?:\s*{_SCALE.format(name='scale')}(?:\s+(?P<rest>\d{{1,3}})(?![\d:]|[.,]\d)"
    # "1 млн 200 тис.": the thousands after a million
    rf"(?:\s*(?P<thousands>тис(?:яч[іаиу]?|\.|\b)))?)?)?"
    # not a date, time, decimal, percentage, age or ordinal: "28.08.23", "9:00", "64-річний"
    r"(?![\d\w]|[.,:]\d|\s?%|-[^\W\d])",
    re.IGNORECASE,
)
_WORD_HINT_RE = re.compile(
    rf"(?<![\w-])(?:од|дв|тр|чо|че|п{_A}?я|пі|ші|ше|сі|се|сь|ві|во|де|тр|со|ст|ти)", re.IGNORECASE
)
_SCALES = {"тис": 1000, "млн": 1_000_000, "міл": 1_000_000}


@dataclass(frozen=True, slots=True)
class UkNumber:
    """A number expression at text[start:end]: `low` and `high` differ for a range."""

    start: int
    end: int
    low: int
    high: int
    rule: str
    half: bool = False

    @property
    def is_range(self) -> bool:
        """Return True when the expression is a range ("300-400")."""
        return self.high != self.low


def find_numbers(text: str, start: int = 0, end: int | None = None) -> list[UkNumber]:
    """Return the number expressions of text[start:end], in text order, none overlapping."""
    end = len(text) if end is None else end
    found = [n for m in _DIGIT_NUMBER_RE.finditer(text, start, end) if (n := _digits(text, m))]
    taken = [(n.start, n.end) for n in found]
    free = start
    # Only where a number word may start is the (slow) number-word pattern tried.
    for hint in _WORD_HINT_RE.finditer(text, start, end):
        match = _WORD_NUMBER_RE.match(text, hint.start(), end) if hint.start() >= free else None
        if match is None or any(a < match.end() and match.start() < b for a, b in taken):
            continue
        free = match.end()
        number = _words(match)
        if number is not None:
            found.append(number)
    return sorted(found, key=lambda n: n.start)


def _digits(text: str, match: re.Match[str]) -> UkNumber | None:
    """Return the number of a digit match, None for a non-count (a decimal with no scale)."""
    scale = _scale(match.group("scale"))
    low = _digit_value(match.group("low"), scale)
    high_text = match.group("high")
    if low is None:
        return None
    high = _digit_value(high_text, scale) if high_text else low
    if high is None:
        return None
    rest = match.group("rest")
    rule = "uk-digits"
    if scale > 1:
        rule = "uk-scale-word"
    if rest and not high_text and scale == 1000 and int(rest) < 1000:
        low = high = low + int(rest)  # "4 тис. 83" is 4083
        rule = "uk-thousand-and-rest"
    elif rest and not high_text and scale == 1_000_000 and match.group("thousands"):
        low = high = low + int(rest) * 1000  # "1 млн 200 тис." is 1 200 000
        rule = "uk-million-and-thousands"
    elif rest:
        return UkNumber(match.start(), match.start("rest") - 1, low, high, rule)
    if high_text and high < low:
        return None
    return UkNumber(match.start(), match.end(), low, high, rule + ("+range" if high_text else ""))


def _digit_value(digits: str, scale: int) -> int | None:
    plain = re.sub(_SPACE, "", digits).replace(".", ",")
    if "," in plain:
        if scale == 1:
            return None  # "1,5" alone is no count of people
        whole, fraction = plain.split(",", 1)
        return round(float(f"{whole}.{fraction}") * scale)
    return int(plain) * scale


def _scale(word: str | None) -> int:
    if not word:
        return 1
    return _SCALES.get(word[:3].lower(), 1)


def _words(match: re.Match[str]) -> UkNumber | None:
    """Return the number that number words spell, None when a word is not a numeral."""
    if match.group("half"):
        half = match.group("half").lower()
        value = next(v for p, v in _HALF.items() if re.fullmatch(p, half))
        return UkNumber(match.start(), match.end(), value, value, "uk-half-word", half=True)
    if match.group("bare_thousand"):
        rest = _sum_words(match.group("rest2")) if match.group("rest2") else None
        thousand = 1000 + (rest or 0)
        return UkNumber(match.start(), match.end(), thousand, thousand, "uk-number-words")
    words = _sum_words(match.group("words"))
    if words is None:
        return None
    value = words
    if match.group("thousand"):
        value *= 1000
        if match.group("rest"):
            value += _sum_words(match.group("rest")) or 0
    return UkNumber(match.start(), match.end(), value, value, "uk-number-words")


def _sum_words(words: str) -> int | None:
    total = 0
    for word in words.split():
        value = next((v for pattern, v in _WORD_VALUES if pattern.match(word)), None)
        if value is None:
            return None
        total += value
    return total
