"""Number expressions: digits with separators, number words, scale words and ranges.

`find_numbers` returns every cardinal quantity written in a text, as a `NumberMention`
with its span and its low/high value (equal for a single number). It knows nothing about
what is counted: ordinals, dates, ages and attached units are marked so that later rules
can skip them, never silently dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from text_to_num import text2num

from tracker.extract.caseless import caseless, lowered

__all__ = ["NumberMention", "find_numbers"]

_SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "thousands": 1_000,
    "k": 1_000,
    "million": 1_000_000,
    "millions": 1_000_000,
    "mln": 1_000_000,
    "m": 1_000_000,
    "billion": 1_000_000_000,
    "bn": 1_000_000_000,
}
_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD_VALUES = {w: i for i, w in enumerate(_UNITS)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)

_SEP = r"[,.\u00a0\u2009\u202f ]"
_DIGITS = rf"\d{{1,3}}(?:{_SEP}\d{{3}})+(?![\d])|\d+(?:[.,]\d+)?"
_WORD = "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True))
_COMPOUND = rf"(?:(?:{'|'.join(_TENS)})[-\u2010 ](?:{'|'.join(_UNITS[1:10])})|{_WORD})"
_SCALE_PART = rf"(?:\s+and)?\s+(?:hundred|thousand|million|billion)(?:(?:\s+and)?\s+{_COMPOUND}\b)?"
_WORD_NUM = rf"(?:{_COMPOUND}(?:{_SCALE_PART})*|an?(?:{_SCALE_PART})+)"
_HALF = r"(?:(?:one|1)\s+and\s+a\s+half|half(?:\s+an?)?)\s+(?:hundred|thousand|million|billion)"
_SCALE_WORD = r"(?:hundred|thousands?|millions?|billion|mln|bn)\b"
# "95 thousand 372 people": the digits after a singular scale word are its remainder.
_REMAINDER = (
    r"(?:(?:(?<=thousand)|(?<=million))\s+\d{1,3}(?![\d.,]\d)(?=\s+[a-z])"
    r"(?!\s*(?:thousand|million)))"
)
_ATOM = (
    rf"(?:{_HALF}|(?:{_DIGITS})(?:\s*{_SCALE_WORD}(?:\s+\d+\s*{_SCALE_WORD})*{_REMAINDER}?)?"
    rf"|{_WORD_NUM})"
)
_DASH = r"\s?[-\u2010\u2011\u2012\u2013\u2014]\s?|\s-\s|\s+to\s+"
_NUMBER_RE = caseless(
    rf"(?<![\w.,/$€£₴-])(?:between\s+(?P<b_lo>{_ATOM})\s+and\s+(?P<b_hi>{_ATOM})"
    rf"|(?P<lo>{_ATOM})(?:(?P<dash>{_DASH})(?P<hi>{_ATOM}))?)"
    r"(?P<suffix>[a-z]+)?"
)
_MONTH_BEFORE = caseless(rf"\b{_MONTHS}\s*$")
_MONTH_AFTER = caseless(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}(?:\b|$)")
_AGE_AFTER = caseless(r"[-\u2010 ](?:year|month|week|day)s?[-\u2010 ]old")
_AGE_BEFORE = caseless(r"\b(?:aged?|ages)\s+(?:\d+\s*(?:,|and|to|-)\s*)*$")
_HYPHEN_UNIT = caseless(r"[-\u2010][a-z]")
_CHANGE_VERB = caseless(
    r"\b(?:rose|risen|increased|grew|grown|fell|fallen|decreased|dropped|declined|jumped|"
    r"went|climbed|changed)\s+(?:\w+\s+)?from\s+$"
)
# Scanning: only digit runs and these words are tried as the start of a number expression,
# which is much faster than letting the regex engine try every position. The token regex
# finds the words that begin like one of them (first three letters), on lowered text.
_NUMBER_STARTS = frozenset([*_UNITS, *_TENS, "between", "half", "a", "an"])
_TOKEN_RE = re.compile(
    r"\d+|\b(?:"
    + "|".join(sorted({w[:3] for w in _NUMBER_STARTS if len(w) >= 3}))
    + "|(?:"
    + "|".join(sorted(w for w in _NUMBER_STARTS if len(w) < 3))
    + r")\b)[a-z]*"
)
_GLUED_SCALES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "bn": 1e9}
_ARTICLES = frozenset({"a", "an"})
_SCALE_NEXT_RE = caseless(r"\s+(?:and\s+)?(?:hundred|thousand|million|billion)")
_DIGIT_RE = re.compile(r"\d")
_NON_DIGIT_RE = re.compile(r"\D")
_LETTER_RE = re.compile(r"[^\W\d_]")
_CALL_BEFORE = re.compile(r"[A-Za-z_]\w*\($")
_LETTER_RUN_RE = re.compile(r"[a-z]+")
_SCALE_NAME_RE = re.compile(r"hundred|thousand|million|billion")  # atoms are lower case
_LONGEST_ATOM = 80  # "four hundred thirty-six thousand five hundred" is 45 characters
_IMPLAUSIBLE = 1e13  # no report counts this many people; longer digit runs are ids or noise
_DOZEN_COUNTS = {"a": 1, "another": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_DOZEN_RE = caseless(r"\b(?P<count>half\s+a|a|another|one|two|three|four|five)\s+dozen\b(?!s)")
_ORDINALS = frozenset({"st", "nd", "rd", "th"})
_DECIMAL_RE = re.compile(r"^(\d+)[.,](\d{1,2})$")
_GROUPED_RE = re.compile(rf"^\d{{1,3}}(?:{_SEP}\d{{3}})+$")
# These two read an atom already lower-cased by `_atom_value`.
_REMAINDER_END_RE = re.compile(r"(?:thousand|million)\s+(\d{1,3})$")
_SCALE_SPLIT_RE = re.compile(
    r"([\d.,\u00a0\u2009\u202f ]+?)\s*(hundred|thousands?|millions?|billion|mln|bn)\b"
)


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A quantity written in a text: its span, its value(s) and how it was written.

    `low == high` for a single number; a range has `is_range` and low < high. `scaled`
    is True when a scale word (thousand, million) was written; `raw_low`/`raw_high` are
    the values before that scale, for ranges whose multiplier is implied later on.
    `kind` is "count" for a usable cardinal, or why it is not one: "ordinal", "date",
    "age", "unit" (a unit glued to the digits, as in 120km/h), "fraction" or "code" (the
    argument of a function call, as in alert(1)).
    """

    start: int
    end: int
    low: int
    high: int
    is_range: bool
    scaled: bool
    words: bool
    kind: str
    grouped: bool
    half: bool = False

    @property
    def usable(self) -> bool:
        """Return True when the mention is a cardinal count of something."""
        return self.kind == "count"


def find_numbers(text: str, start: int = 0, end: int | None = None) -> list[NumberMention]:
    """Return every number expression that starts in text[start:end], in order, with its
    kind and value (offsets are in `text`)."""
    mentions: list[NumberMention] = []
    pos = start
    low = lowered(text)
    for token in _TOKEN_RE.finditer(low, start, len(text) if end is None else end):
        word = token.group()
        if token.start() < pos or not (word[0].isdigit() or word in _NUMBER_STARTS):
            continue
        if word in _ARTICLES and not _SCALE_NEXT_RE.match(low, token.end()):
            continue  # "a"/"an" start a number only in "a hundred", "a thousand"...
        match = _NUMBER_RE.match(text, token.start())
        if match is None:
            continue
        mention = _mention(text, match)
        pos = match.end() if mention is None else mention.end
        if mention is not None:
            mentions.append(mention)
    stop = len(text) if end is None else end
    if "dozen" in text[start:stop].lower():
        mentions = _with_dozens(text, start, stop, mentions)
    return mentions


def _with_dozens(
    text: str, start: int, end: int, mentions: list[NumberMention]
) -> list[NumberMention]:
    """Return `mentions` with "a dozen" (12), "half a dozen" (6), "two dozen" (24) added:
    round estimates; "dozens" alone is vague and no number."""
    taken = [(m.start, m.end) for m in mentions]
    for match in _DOZEN_RE.finditer(text, start, end):
        if any(a < match.end() and match.start() < b for a, b in taken):
            continue
        count = match.group("count").lower().split()[0]
        value = 6 if count == "half" else 12 * _DOZEN_COUNTS.get(count, 1)
        mentions.append(
            NumberMention(
                match.start(),
                match.end(),
                value,
                value,
                False,
                True,
                True,
                "count",
                False,
                half=True,
            )
        )
    return sorted(mentions, key=lambda m: m.start)


def _mention(text: str, match: re.Match[str]) -> NumberMention | None:
    lo_text = match.group("b_lo") or match.group("lo")
    hi_text = match.group("b_hi") or match.group("hi")
    lo = _atom_value(lo_text)
    if lo is None or not lo < _IMPLAUSIBLE:
        return None
    start, end = match.start(), match.end()
    suffix = match.group("suffix")
    words = _DIGIT_RE.search(lo_text) is None
    if suffix and words:
        return None  # a letter run glued to a number word is some other word ("tone")
    hi = _atom_value(hi_text) if hi_text else None
    if hi is not None and not hi < _IMPLAUSIBLE:
        hi, hi_text = None, None
    glued = _GLUED_SCALES.get(suffix.lower()) if suffix else None
    if glued is not None:  # "20k", "1.5m", "3bn"
        lo, hi, suffix = lo * glued, None if hi is None else hi * glued, None
    if hi is not None and hi_text is not None and _has_scale(hi_text) and not _has_scale(lo_text):
        lo *= _scale_of(hi_text)  # "50 to 60 thousand": the scale applies to both bounds
    if hi is not None and not _is_range(text, match, lo, hi):
        if match.group("b_lo"):
            return None
        # Not a range: keep the first number; the scan resumes after it.
        return _build(text, start, match.end("lo"), lo, lo, lo_text, None, suffix=None, words=words)
    if hi is not None and hi_text is not None:
        return _build(text, start, end, lo, hi, lo_text, hi_text, suffix=suffix, words=words)
    if suffix:
        end = match.end("lo")
    return _build(text, start, end, lo, lo, lo_text, None, suffix=suffix, words=words)


def _build(
    text: str,
    start: int,
    end: int,
    lo: float,
    hi: float,
    lo_text: str,
    hi_text: str | None,
    *,
    suffix: str | None,
    words: bool,
) -> NumberMention:
    scaled_hi = hi_text is not None and _has_scale(hi_text)
    scaled_lo = _has_scale(lo_text)
    kind = _kind(text, start, end, lo_text, suffix, lo, hi)
    return NumberMention(
        start=start,
        end=end,
        low=round(lo),
        high=round(hi),
        is_range=hi_text is not None,
        scaled=scaled_lo or scaled_hi,
        words=words,
        kind=kind,
        grouped=bool(_GROUPED_RE.match(lo_text.strip())),
        half=lo_text.lower().startswith("half"),
    )


def _kind(
    text: str, start: int, end: int, lo_text: str, suffix: str | None, lo: float, hi: float
) -> str:
    before, after = max(0, start - 12), end + 24  # the windows read around the number
    if suffix and suffix.lower() in _ORDINALS:
        return "ordinal"
    if suffix:
        return "unit"
    if _AGE_AFTER.match(text, end, after) or _AGE_BEFORE.search(text, before, start):
        return "age"
    if lo != int(lo) or hi != int(hi):
        return "fraction"
    if _LETTER_RE.search(lo_text) is None and (
        _MONTH_BEFORE.search(text, before, start) or _MONTH_AFTER.match(text, end, after)
    ):
        return "date"
    if _HYPHEN_UNIT.match(text, end, after):
        return "unit"  # "one-kilometer-long", "24-hour"
    if text[end : end + 1] == ":" and text[end + 1 : end + 2].isdigit():
        return "time"
    if text[end : end + 1] == ")" and _CALL_BEFORE.search(text, before, start):
        return "code"  # "alert(1)": the argument of a function call in pasted code
    if lo_text.isdigit() and 1900 <= lo <= 2100 and lo == hi:
        return "year"
    return "count"


def _is_range(text: str, match: re.Match[str], lo: float, hi: float) -> bool:
    if match.group("b_lo"):
        return lo < hi
    if not lo < hi or hi > lo * 20:
        return False
    dash = match.group("dash") or ""
    if "to" in dash.lower():
        return not _CHANGE_VERB.search(text, max(0, match.start() - 40), match.start())
    return True


def _has_scale(atom: str) -> bool:
    return _SCALE_NAME_RE.search(atom) is not None


def _scale_of(atom: str) -> int:
    words = _LETTER_RUN_RE.findall(atom.lower())
    scales = [_SCALES[w] for w in words if w in _SCALES and w != "hundred"]
    return scales[0] if scales else (100 if "hundred" in words else 1)


def _atom_value(atom: str | None) -> float | None:
    if not atom or len(atom) > _LONGEST_ATOM:
        return None
    lowered = " ".join(atom.lower().split())
    if "half" in lowered:
        return _half_value(lowered)
    if _DIGIT_RE.search(lowered):
        return _digits_value(lowered)
    return _words_value(lowered)


def _half_value(atom: str) -> float:
    scale = _SCALES[atom.rsplit(" ", 1)[-1]]
    return scale * (1.5 if atom.startswith(("one", "1")) else 0.5)


def _digits_value(atom: str) -> float | None:
    if _LETTER_RE.search(atom) is None:
        return _plain_digits(atom)
    parts = _SCALE_SPLIT_RE.findall(atom)
    if not parts:
        return _plain_digits(atom)
    total = 0.0
    for digits, scale in parts:
        value = _plain_digits(digits.strip())
        if value is None:
            return None
        total += value * _SCALES[scale.lower()]
    remainder = _REMAINDER_END_RE.search(atom)
    return total + int(remainder.group(1)) if remainder else total


def _plain_digits(digits: str) -> float | None:
    digits = digits.strip()
    decimal = _DECIMAL_RE.match(digits)
    if decimal:  # one or two digits after the mark: a decimal point or comma ("1,5 thousand")
        return float(f"{decimal.group(1)}.{decimal.group(2)}")
    cleaned = _NON_DIGIT_RE.sub("", digits)
    return float(cleaned) if cleaned else None


def _words_value(atom: str) -> float | None:
    tokens = atom.replace("\u2010", "-").split()
    if tokens and tokens[0] in ("a", "an"):
        if len(tokens) == 1:
            return None
        tokens[0] = "one"
    phrase = " ".join(t for t in tokens if t != "and")
    try:
        return float(text2num(phrase, "en"))
    except ValueError:
        single = _WORD_VALUES.get(phrase)
        return float(single) if single is not None else None
