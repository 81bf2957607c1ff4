"""Ukrainian event cues: the verbs and frames that say what a number reports.

Each cue is a named rule (guidelines 3.1, 3.2). Longer frames are read first and hide the
words inside them: "залишається евакуювати" (to_evacuate) is not "залишається"
(remaining), "вдалося вивезти" (evacuated) is not a modal "вивезти".

- evacuated: perfective and passive past (евакуйовано, вивезли, виїхали, покинули,
  залишили + a place), the imperfective of a running flow (виїжджає, евакуювалося), and
  the noun of the counted evacuees (76 евакуйованих);
- remaining: remain verbs (залишаються, лишилося, досі);
- presence: neutral presence verbs (проживає, мешкають, перебуває, живе, знаходиться):
  to_evacuate when the passage puts the place under an evacuation decision that covers
  the counted group, remaining otherwise (framing.py);
- to_evacuate: a modal or plan with an infinitive (треба вивезти, мають виїхати,
  планують вивезти, залишилося вивезти), the future (вивезуть), being subject to or
  covered by an evacuation (підлягають евакуації, потребують евакуації, рішення охоплює);
- housed: розміщено, прихистили, поселили, отримали житло, on the register of IDPs, in
  places of compact or temporary accommodation, the Прихисток programme;
- past presence (жило, проживало, мало): a pre-war population, never a fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Cue", "find_cues"]

_A = "['\u2019\u02bc`]"
_INFINITIVES = ("вивезти", "евакуювати", "виїхати", "відселити", "евакуюватися", "переселити")
_MODALS = (
    "мають", "має", "мали", "треба", "потрібно", "необхідно", "планують", "планується",
    "плануємо", "доведеться", "слід", "повинні", "мусять", "варто", "залишається",
    "залишилося", "залишилось", "лишається", "лишилося", "зможуть", "збираються", "вирішили",
    r"ухвалили\s+рішення",
)  # fmt: skip
_INFINITIVE = f"(?:{'|'.join(_INFINITIVES)})"
# Neutral presence verbs; after "досі", "ще" they say that people remain.
_PRESENCE = (
    r"(?:живуть|живе|перебуває|перебувають|мешкають|мешкає|проживає|проживають|знаходиться"
    r"|знаходяться)"
)
_MODAL = f"(?:{'|'.join(_MODALS)})"
# (name, metric or None for "not a fact", pattern), longest frames first.
_CUES: tuple[tuple[str, str, str], ...] = (
    ("uk-managed", "evacuated", rf"вдалося\s+(?:\w+\s+)?(?:{_INFINITIVE}|вибратися|виїхати)"),
    (
        "uk-modal-infinitive",
        "to_evacuate",
        "|".join(
            [rf"{modal}\s+(?:\w+\s+){{0,2}}?{_INFINITIVE}" for modal in _MODALS]
            + [rf"{infinitive}\s+(?:ще\s+)?{_MODAL}" for infinitive in _INFINITIVES]
        ),
    ),
    (
        "uk-housed-register",
        "housed",
        r"на\s+обліку|закладах\s+тимчасового\s+розміщення"
        r"|місцях\s+компактного\s+проживання|тимчасового\s+розміщення|прихист\w*"
        r"|гуртожит\w+|модульн\w+\s+містеч\w+|шелтер\w*|таборі|табору"
        r"|транзитн\w+\s+центр\w*|центр\w*\s+тимчасового\s+\w+"
        r"|пункт\w*\s+тимчасового\s+перебування|станці\w+\s+(?:\w+\s+)?метро",
    ),
    (
        "uk-subject-to",
        "to_evacuate",
        r"підляга(?:ють|є|ло|ли|тимуть)|підпада(?:ють|є)"
        r"|потребують\s+евакуації|потребує\s+евакуації|потрапляють|охоплює|стосується"
        r"|стосувал(?:ася|ося|ися|ась|ись|ся)|охоплювал\w+|охопила|охопило"
        r"|чекають\s+(?:на\s+)?евакуаці\w+|очікують\s+(?:на\s+)?евакуаці\w+",
    ),
    ("uk-future", "to_evacuate", r"вивезуть|евакуюють\s+найближчим|виїдуть|евакуюватимуть"),
    (
        "uk-housed-verb",
        "housed",
        r"розміщен(?:о|і)|розмісти(?:ли|ла|в)|посели(?:ли|ла|в)|поселено|оселил(?:ися|ись|ася)"
        r"|прихисти(?:ли|ла|в|ло)|прийня(?:ла|ли|в|ло)|прийнято|отримали\s+житло"
        r"|пройшл(?:и|о|а)|пройшов|прибул(?:и|о|а)|прибув|поселилися|заселили|заселено"
        # the running flow: "Щодня громада поселяє ще 45–65 людей"
        r"|посел(?:яє|яють)|розміщу(?:є|ють)|прийма(?:є|ють)|прихища(?:є|ють)"
        r"|проживають\s+у\s+місцях",
    ),
    # "35 місцевих родин безоплатно надали житло": hosts, never a fact.
    ("uk-hosts", "", r"надал(?:и|а|о)\s+(?:\w+\s+)?(?:житло|прихисток|помешкання)"),
    # "мало 100 тис. населення", "налічувало": a census-like population, never a fact.
    ("uk-pre-war", "", r"налічувало|мало\s+(?:трохи\s+)?(?:більше|понад)?"),
    # "Транзитний центр розрахований на 120 осіб": a capacity, never a fact.
    (
        "uk-capacity",
        "",
        r"розрахован(?:ий|а|е|і)\s+на|може\s+прийняти|можуть\s+прийняти|місткість\w*",
    ),
    # "Ще в червні тут жило майже 12 тисяч": a stock of the past, logged as remaining
    # (guidelines 3.10) unless the clause speaks of the time before the war.
    ("uk-past-presence", "remaining", r"жило|жили|проживало|проживали|мешкало|мешкали"),
    (
        "uk-remain",
        "remaining",
        r"залиша(?:ється|ються|лося|лись|лися|лась)|залишилося|залишилось"
        r"|залишилися|залишились|залишилася|лиша(?:ється|ються)|лишилося|лишилось|лишилася"
        r"|залишал(?:ося|ось|ися|ись|ася)|лишал(?:ося|ось|ися|ись|ася)"
        + "".join(f"|{still}\\s+{_PRESENCE}" for still in ("досі", "ще", r"все\s+ще")),
    ),
    # "відмовляються виїжджати 150 людей": people who refuse to leave remain.
    ("uk-refuse", "remaining", r"відмовляються\s+(?:\w+\s+)?(?:виїжджати|евакуюватися|виїхати)"),
    (
        "uk-presence",
        "presence",
        r"проживає|проживають|мешкає|мешкають|живе|живуть|перебуває"
        r"|перебувають|знаходиться|знаходяться|наявного\s+населення|сягає"
        # "зареєстровано 62 тис. ВПО": registered where they live (housed when displaced)
        r"|зареєстрован(?:о|і)|зареєструвал\w+",
    ),
    (
        "uk-evacuated-past",
        "evacuated",
        r"евакуйован(?:о|і)|вивезен(?:о|і)|евакуювали|евакуювалося"
        r"|евакуювалися|евакуювався|вивезли|вивозили|виїхали|виїхало|виїхав|виїхала|покинули"
        r"|покинуло|залишили|залишило|перебралися|переїхали|втекли|тікають|евакуйовувалося"
        r"|вибули|відселили|відселено|вирушили|рушили|доставили|доставив|доставила|доставлено|перевезли|перевіз|перевезено"
        # one actor: "екіпаж вивіз", "волонтерка евакуювала"
        r"|вивіз|вивезла|вивезло|вивозив|вивозила|евакуював|евакуювала|евакуювало",
    ),
    (
        "uk-evacuated-flow",
        "evacuated",
        r"виїжджа(?:є|ють|ло|ли)|евакуюються|евакуюється"
        r"|евакуйовують|евакуюють|вивозять",
    ),
    ("uk-evacuees", "evacuated", r"евакуйованих|евакуйовані"),
)
_WORD_START_RE = re.compile(r"(?<![\w-])\w\w")


def _alternatives(pattern: str) -> list[str]:
    """Return the top-level alternatives of a pattern ("a|b(?:c|d)" -> "a", "b(?:c|d)")."""
    parts, depth, last = [], 0, 0
    for i, char in enumerate(pattern):
        if char == "(" and pattern[i - 1 : i] != "\\":
            depth += 1
        elif char == ")" and pattern[i - 1 : i] != "\\":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[last:i])
            last = i + 1
    return [*parts, pattern[last:]]


def _buckets() -> dict[str, re.Pattern[str]]:
    """Return the cues by the first two letters of their words: each word of a text is
    tried only against the cues that can start with it (a 5x speed-up over one pattern)."""
    by_start: dict[str, list[str]] = {}
    for i, (_, _, pattern) in enumerate(_CUES):
        for k, alternative in enumerate(_alternatives(pattern)):
            start = alternative[:2].lower()
            assert start.isalpha(), alternative  # every cue starts with a written word
            by_start.setdefault(start, []).append(f"(?P<c{i}_{k}>{alternative})")
    return {
        start: re.compile(f"(?:{'|'.join(parts)})(?![\\w-])", re.IGNORECASE)
        for start, parts in by_start.items()
    }


_BUCKETS = _buckets()


@dataclass(frozen=True, slots=True)
class Cue:
    """An event cue at text[start:end]: `metric` is "" for a pre-war population,
    "presence" for a neutral presence verb (framed later)."""

    start: int
    end: int
    metric: str
    rule: str


def find_cues(text: str, start: int, end: int) -> list[Cue]:
    """Return the event cues of text[start:end], in text order, none overlapping."""
    cues: list[Cue] = []
    free = start
    for word in _WORD_START_RE.finditer(text, start, end):
        bucket = _BUCKETS.get(word.group().lower())
        if bucket is None or word.start() < free:
            continue
        match = bucket.match(text, word.start(), end)
        if match is None or match.lastgroup is None:
            continue
        name, metric, _ = _CUES[int(match.lastgroup[1:].split("_")[0])]
        cues.append(Cue(match.start(), match.end(), metric, name))
        free = match.end()
    return cues
