"""Event cues: the verb classes and frames that say what happened to the people counted.

Each cue is a named pattern with a class:
- evacuated: taken out, moved to safety, left, fled, displaced, forced from their homes;
- planned (-> to_evacuate): ordered, decided, planned, "are to be", "need to be", "subject
  to relocation", obligation ("must leave", "will have to leave", "were told to leave"),
  and "affected by the decision" when the decision is an evacuation decision;
- housed: sheltered, accommodated, in shelters, hosted, "spent the night", staying in
  tents / hotels / container homes / a school building (a named facility); a place that
  received, admitted, has taken in or houses N; a shelter that holds N;
- remaining: remain, still in, stayed, left in, refuse to leave, sheltering in a place
  that is no shelter, a place that counts N residents;
- presence (neutral): live, there are, has, home to; resolved by the framing rule;
- departed_or_left: the polysemous "left", resolved from its neighbours.
Blockers (casualties, pre-war population, capacity, projections...) are in distractors.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from tracker.extract.caseless import caseless
from tracker.extract.left import read_left
from tracker.extract.scanning import index_by_first_word, scan_index

__all__ = [
    "Cue",
    "find_cues",
    "names_zone",
    "plan_follows",
    "previous_sentence_start",
    "running_evacuation",
    "shelter_after",
    "shelter_relative",
    "shelter_subject",
    "they_fled_after",
]

_EVAC_VERB = (
    r"(?:evacuat(?!ion)\w*|relocat(?!ion)\w*|transport(?:ed|ing)\b|(?:brought|taken|delivered)\s+"
    r"to\s+safe\w*|mov(?:e|ed|ing)\b|taken?\s+out|took\s+out|tak(?:e|ing)\s+out|"
    r"brought\s+out|bring\s+out|remov\w*|transferr?\w*|resettl\w*|displac\w*|"
    r"shift\w*|deport\w*|pull(?:ed)?\s+out|got\s+out|get\s+out|bus(?:s)?ed\s+out|airlift\w*|"
    r"ferried|shuttled|flown\s+out|fl(?:y|ew|ying)\s+out)"
)
# Places where people are housed ("staying in tents", "sheltering in a school building").
_FACILITY = (
    r"(?:shelters?|camps?|(?:collective|evacuation|reception|transit|accommodation)\s+"
    r"cent(?:re|er)s?|dormitor(?:y|ies)|accommodation|housing|hostels?|hotels?|motels?|"
    r"modular\s+(?:towns?|homes?)|container\s+(?:homes?|towns?|cities)|containers|tents?|"
    r"relief\s+camps?|temporary\s+homes|schools?|school\s+buildings?|gyms?|"
    r"sports\s+halls?|church(?:es)?|mosques?|public\s+buildings?|facilit(?:y|ies)|"
    r"(?:collective|displacement|idp|evacuation|gathering|relief)\s+sites?|sanatori(?:um|ums|a)|"
    r"boarding\s+(?:houses?|schools?)|(?:protection\s+of\s+civilians|protection)\s+sites?|"
    r"(?:transit|reception|evacuation|humanitarian)\s+(?:points?|hubs?)|"
    r"(?:compact\s+)?(?:settlement|residence|accommodation|living)\s+places?|"
    r"places\s+of\s+(?:compact\s+|temporary\s+)?(?:residence|settlement|accommodation|living))\b"
)
# "in its three remaining facilities": up to three words between the preposition and the place.
_IN_FACILITY = r"(?:in|into|at)\s+(?:[\w'\u2019-]+\s+){0,3}" + _FACILITY
# Lookahead for a number right after a verb, past a few hedge words ("holds over 40 thousand").
_NUMBER_AHEAD = (
    r"(?=\s+(?:(?:over|more|than|about|around|some|nearly|almost|roughly|approximately|an|"
    r"estimated|up|to|at|least|another|a|further|total|of|just|only|close|the)\s+){0,3}\d)"
)
_CUE_PATTERNS: tuple[tuple[str, str, str], ...] = (
    # (name, class, pattern); names appear in the figure's `rule`.
    ("negated-plan", "negated", r"\bno\s+(?:\w+\s+){0,2}evacuation\s+is\s+(?:planned|expected)"),
    (
        "modal-passive",
        "planned",
        r"\b(?:(?:are|is|were|was)\s+(?:still\s+)?(?:to|due\s+to|set\s+to|scheduled\s+to|"
        r"expected\s+to|going\s+to|planned\s+to|about\s+to|subject\s+to)\s+(?:be\s+)?"
        r"(?:forcibly\s+|compulsorily\s+)?" + _EVAC_VERB + r"|"
        r"(?:needs?|must|should|ha(?:ve|s)\s+to|remain(?:s|ed)?)\s+(?:still\s+)?(?:to\s+)?be\s+"
        + _EVAC_VERB
        # "Over 1,500 children to be evacuated" (a headline), "100,000 expected to be moved":
        # right after the count or its noun, no copula
        + r"|(?:(?<=\d\s)|(?<=children\s)|(?<=people\s)|(?<=residents\s)|(?<=families\s)|"
        r"(?<=civilians\s)|(?<=persons\s)|(?<=inhabitants\s))"
        r"(?:expected\s+|due\s+|scheduled\s+|set\s+|planned\s+)?to\s+be\s+(?:forcibly\s+)?"
        + _EVAC_VERB
        + r"|still\s+need\s+to\s+be\s+\w+|will\s+be\s+(?:forcibly\s+)?"
        + _EVAC_VERB
        + r"|being\s+forcibly\s+"
        + _EVAC_VERB
        + r")",
    ),
    (
        "obliged-to-leave",
        "planned",
        r"\b(?:must|will\s+(?:have|need)\s+to|(?:have|has|need|needs)\s+to|"
        r"(?:are|is)\s+(?:required|obliged)\s+to)\s+(?:\w+\s+)?(?:leave|evacuate|flee|"
        r"relocate|move\s+out|go)\b",
    ),
    (
        "order-for",
        "planned",
        r"\b(?:evacuation|relocation)\s+(?:orders?|notices?|decrees?|warnings?)\s+(?:were\s+|was\s+)?"
        r"(?:issued\s+|extended\s+)?(?:for|covering|to)\b"
        # "orders for eastern Khan Younis on 1 July affected 250,000": the order's own verb
        r"(?:[^.;]{0,60}?\baffect(?:ed|s|ing)\b)?",
    ),
    (
        "is-to-evacuate",
        "planned",
        r"\b(?:is|are)\s+(?:to|due\s+to|set\s+to|scheduled\s+to)\s+(?:evacuate|relocate|move|"
        r"take\s+out|resettle|leave)\b",
    ),
    (
        "plan-verb",
        "planned",
        r"\b(?:plan(?:s|ned)?|intend(?:s|ed)?|decided|ordered|preparing)\s+to\s+"
        r"(?:forcibly\s+)?(?:evacuate|relocate|move|take\s+out|resettle|remove)\b"
        # "63 families have signed up for the voluntary evacuation programme"
        r"|\bsigned\s+up\s+for\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+)?evacuation\b",
    ),
    (
        "ordered-evacuation-of",
        "planned",
        r"\b(?:mandatory|forced|compulsory|forcible)\s+evacuation\s+of\b|\bdecision\s+"
        r"(?:was\s+made\s+|has\s+been\s+made\s+|was\s+taken\s+)?to\s+(?:forcibly\s+)?"
        r"(?:evacuate|relocate)\b"
        # "the evacuation of another 30,000 from Ganjam and Gajapati is planned overnight"
        r"|\bevacuation\s+of\s+[^.;]{0,80}?\b(?:is|was|are|were)\s+(?:being\s+)?"
        r"(?:planned|scheduled|ordered|expected)\b",
    ),
    (
        "waiting-for-evacuation",
        "planned",
        r"\b(?:waiting|wait|await(?:ing)?)\s+(?:for\s+)?(?:the\s+|their\s+)?evacuation\b",
    ),
    (
        "urged-to-leave",
        "planned",
        r"\b(?:urged|advised|instructed|called\s+on|ordered|told)\b(?=\s+(?:the\s+|some\s+|"
        r"about\s+|around\s+|over\s+|more\s+than\s+|nearly\s+|almost\s+|roughly\s+|"
        r"approximately\s+|an\s+estimated\s+|up\s+to\s+|at\s+least\s+|all\s+)?[\d]|"
        # "ordered all of the town's roughly 3,700 residents to leave"
        r"\s+(?:[\w'\u2019-]+\s+){1,5}?\d[\d,.\u00a0\u202f]*\s+(?:[\w-]+\s+){0,2}?"
        r"(?:people|residents|inhabitants|civilians|families|children)\s+to\s+"
        r"(?:leave|evacuate|flee|relocate)\b)",
    ),
    (
        "subject-to-evacuation",
        "planned",
        r"\bsubject\s+to\s+(?:\w+\s+)?(?:evacuation|relocation|resettlement|removal)"
        r"|\bunder\s+(?:\w+\s+)?evacuation\s+orders?"
        r"|\bcovered\s+by\s+(?:the\s+)?(?:[\w-]+\s+){0,2}evacuation\b"
        r"|\bevacuation\s+(?:now\s+|also\s+)?(?:covers|affects|concerns|applies\s+to)\b"
        r"|\b(?:evacuation\s+)?orders?\s+(?:[\w-]+\s+){0,8}?affect\w*|\baffected\s+by\s+(?:the\s+)?"
        r"(?:\w+\s+){0,2}evacuation\s+orders?"
        r"|\b(?:ordered|told|instructed)\s+(?:by\s+(?:[\w-]+\s+){1,4}?)?to\s+(?:leave|evacuate|flee|"
        r"move\s+(?:south|north|east|west|out|away))",
    ),
    (
        # "16 thousand people are affected by the decision": planned when the decision is
        # an evacuation decision of this sentence or the one before (see find_cues).
        "affected-by-decision",
        "decision",
        r"\b(?:affected|covered|concerned)\s+by\s+(?:the|this|that|these|those|its|their)\s+"
        r"(?:[\w-]+\s+){0,2}(?:decisions?|orders?|decrees?|resolutions?|measures?)\b|"
        r"\b(?:decision|decree|resolution|order)\s+(?:now\s+|also\s+)?(?:affects|covers|concerns|"
        r"applies\s+to)\b",
    ),
    (
        "decided-evacuation",
        "planned",
        r"\b(?:announced|ordered|decided(?:\s+on)?|declared|approved|introduced|plan(?:s|ned)?)"
        r"\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}evacuation\b",
    ),
    (
        "passive-plan",
        "planned",
        r"\b(?:is|are|was|were|(?:has|have)\s+(?:now\s+|already\s+|also\s+)?been)\s+"
        r"(?:being\s+)?(?:planned|scheduled|"
        r"ordered|announced|expected)\b",
    ),
    (
        "done-evacuation",
        "evacuated",
        r"\b(?:completed|carried\s+out|conducted|organi[sz]ed|helped\s+with)\s+(?:the\s+)?"
        r"(?:\w+\s+)?evacuation\s+of\b",
    ),
    (
        "sheltering-in-place",
        "remaining",
        r"\b(?:(?:are|were|is|was)\s+(?:still\s+)?)?shelter(?:ing|ed)?\s+in\b(?!\s+(?:[\w-]+\s+){0,3}"
        + _FACILITY
        + r"|\s+(?:[\w-]+\s+){0,3}buildings?\b)",
    ),
    (
        "housed-verb",
        "housed",
        r"\b(?:(?:took|taken|sought|seeking)\s+(?:shelter|refuge)\s+" + _IN_FACILITY + r"|"
        r"shelter(?:ed|ing|s)\b|accommodat\w*|housed|hous(?:ing)\s+(?:them|people)|"
        r"host(?:ed|ing|s)\b|took\s+in|taken\s+in|placed\s+in|put\s+up|passed\s+through|"
        r"huddl\w*|crowd(?:ed|ing)\s+into|packed\s+into|settled\s+in(?:to)?|"
        r"given\s+(?:\w+\s+)?(?:housing|shelter|accommodation)|found\s+(?:\w+\s+)?"
        r"(?:housing|shelter|refuge)|receiv\w+\s+(?:\w+\s+)?(?:housing|shelter)|"
        r"spen[dt]s?(?:ing)?\s+(?:the|last|that|this|\w+day)\s+nights?|" + _IN_FACILITY + r")",
    ),
    (
        # "The transit centre received 2,1 thousand evacuees", "the camp alone holds over 40
        # thousand": a place that takes people in, with the count as its object.
        "host-verb",
        "housed",
        r"\b(?:receiv(?:ed|es|ing)|admitted|welcomed|hous(?:es|ing)|(?:has|have)\s+taken\s+in)"
        + _NUMBER_AHEAD,
    ),
    # "the Bakassi camp alone holds over 40 thousand": housed when a shelter holds them.
    ("shelter-holds", "hold", r"\bhold(?:s|ing)?" + _NUMBER_AHEAD),
    (
        "remain-displaced",
        "evacuated",
        r"\bremain(?:s|ed)?\s+(?:internally\s+)?(?:displaced|refugees|idps)\b",
    ),
    (
        # "the city administration counts some 68-70 thousand residents": a population stock.
        "counts-residents",
        "remaining",
        r"\b(?:count|number)(?:s|ed)\b(?=\s+(?:(?:some|about|around|over|more|than|nearly|almost|roughly|"
        r"approximately|an|estimated|up|to|at|least|just|only)\s+){0,3}\d[^.;]{0,30}?\b"
        r"(?:residents|inhabitants|people|persons|civilians|population)\b)",
    ),
    (
        "remain-verb",
        "remaining",
        r"\b(?:remain(?!ing\s+\d)\w*|still\s+(?:live|living|lives|resid(?:e|es|ed|ing)\b|in\b|there\b|at\b|stay\w*)|"
        r"stay(?:s|ed|ing)?\b|(?:has|have)\s+kept|kept\b|refus\w*\s+to\s+(?:leave|evacuate)|"
        r"did\s+not\s+leave|do\s+not\s+want\s+to\s+leave|hid(?:e|ing)?\s+from\s+evacuation|"
        r"hid(?:e|es|ing)\s+in\b)",
    ),
    (
        "presence",
        "presence",
        r"\b(?:live[sd]?\b|living\b|resid(?:e|es|ed|ing)\b|there\s+(?:are|were|is)\b|"
        r"(?:has|have|had)\b(?!\s+(?:(?:now|so\s+far|reportedly|recently)\s+)?(?:been|already|not|"
        r"never|to|just|also|since|left|fled|kept|driven|"
        r"become|gone|come|got|made|taken|\w+ed\b))|home\s+to\b|are\s+(?:currently|now)\s+in\b|"
        r"(?:is|are)\s+(?:currently\s+)?(?:located\s+)?in\b|it\s+is\b|now\s+it\s+is|it\s+was\b)",
    ),
    ("left", "left", r"\bleft\b"),
    ("evacuation-of", "evacuated", r"\b(?:evacuation|relocation|rescue)\s+of\b"),
    (
        "evacuation-verb",
        "evacuated",
        r"\b(?:" + _EVAC_VERB + r"|fled|flee\w*|leav(?:e|es|ing)\b|depart\w*|escap\w*|"
        r"rescu\w*|(?:became|become|registered\s+as)\s+(?:\w+\s+)?(?:idps|displaced|refugees)|"
        r"took(?!\s+(?:shelter|cover)\b)|(?:has|have|had)\s+taken(?!\s+(?:in|shelter|cover)\b)|"
        r"crossed\s+(?:into|the\s+border)|went\s+abroad|forced\s+to\s+(?:flee|leave)|"
        r"(?:forced|driven|chased)\s+(?:from|out\s+of|out)\b|uproot(?:ed|ing)\b|"
        # "police drove a family of four out of Stepanivka"
        r"drove(?=\s+(?:[\w,'\u2019-]+\s+){1,6}?out\s+(?:of|from)\b)|"
        # "About 1 200 people had driven south by nightfall"
        r"(?:drove|driven)\s+(?:south|north|east|west|away|off)\b|"
        # "has forced nearly 7 000 people out", "forced 400,000 people to flee their homes"
        r"forced(?=\s+(?:[\w,.\u00a0\u202f']+\s+){1,5}?(?:out\b|to\s+(?:flee|leave)\b))|"
        r"out\s+of\s+their\s+homes|from\s+their\s+homes|among\s+(?:the\s+)?evacuees)",
    ),
)
_EVAC_VERB_FIRST = (
    "evacuated evacuate evacuating evacuates relocated relocate relocating transported "
    "transporting brought taken delivered move moved moving took take taking bring removed "
    "remove removing transferred transfer transferring resettled resettle displaced displace "
    "shifted shift deported deport pulled pull got get bused bussed airlifted airlift ferried "
    "shuttled flown flew fly flying "
)
# The words each cue can start with (four letters count): a cue's regex is tried only at
# such words, which is many times faster than letting the engine try every position.
_FIRST_WORDS = {
    "negated-plan": "no",
    "modal-passive": "are is were was need needs must should have has still will being remain "
    "remains remained "
    "expected due scheduled set planned to",
    "obliged-to-leave": "must will have has need needs are is",
    "order-for": "evacuation relocation",
    "is-to-evacuate": "is are",
    "plan-verb": "plan plans planned intend intends intended decided ordered preparing signed",
    "ordered-evacuation-of": "mandatory forced compulsory forcible decision evacuation",
    "waiting-for-evacuation": "waiting wait await awaiting",
    "urged-to-leave": "urged advised instructed called ordered told",
    "subject-to-evacuation": "subject under covered evacuation orders order affected ordered told "
    "instructed",
    "affected-by-decision": "affected covered concerned decision decree resolution order",
    "decided-evacuation": "announced ordered decided declared approved introduced plan plans "
    "planned",
    "passive-plan": "is are was were has have",
    "done-evacuation": "completed carried conducted organized organised helped",
    "sheltering-in-place": "are were is was shelter sheltered sheltering",
    "housed-verb": "shelter sheltered sheltering shelters accommodated accommodating "
    "accommodation housed housing hosted hosting hosts took taken placed put passed huddled "
    "huddling crowded crowding packed settled given found received receiving spent spend spends "
    "sought seeking "
    "spending in into at",
    "host-verb": "received receives receiving admitted welcomed houses housing has have",
    "shelter-holds": "hold holds holding",
    "remain-displaced": "remain remains remained",
    "counts-residents": "counts counted numbers numbered",
    "remain-verb": "remain remains remained remaining still stay stays stayed staying has have "
    "kept refuse refused refuses refusing did do hid hide hides hiding",
    "presence": "live lives lived living reside resides resided residing there has have had "
    "home are is it now",
    "left": "left",
    "evacuation-of": "evacuation relocation rescue",
    "evacuation-verb": _EVAC_VERB_FIRST + "fled flee flees fleeing leave leaves leaving departed "
    "depart departing escaped escape escaping rescued rescue rescuing rescuers became become "
    "registered crossed went forced driven drove chased uprooted uprooting out from among has "
    "have had",
}
_CUES_BY_WORD = index_by_first_word(
    [(_FIRST_WORDS[name], pattern) for name, _, pattern in _CUE_PATTERNS], "c"
)
_PLAN_CONTEXT_RE = caseless(
    r"(?<!\bno\s)\b(?:(?:forced|forcible|mandatory|compulsory)\s+evacuation|evacuation\b"
    r"[^.;]{0,60}?\b(?:is|was|has\s+been|have\s+been|became|becomes)\s+(?:made\s+)?"
    r"(?:planned|ordered|announced|declared|mandatory|compulsory|obligatory)|"
    # "decided to make evacuation mandatory", "formally advised to evacuate"
    r"ma(?:ke|de|kes)\s+(?:the\s+)?evacuation\b[^.;]{0,60}?\b(?:mandatory|compulsory|obligatory)|"
    r"mandatory\s+(?:evacuation\s+)?zones?|"
    r"(?:formally|officially)\s+(?:advised|urged|recommended|called\s+on)\s+to\s+"
    r"(?:evacuate|leave)|"
    # "Families with children must now leave the X community": an obligation is a decision.
    r"(?:must|(?:are|is)\s+(?:required|obliged)\s+to)\s+(?:now\s+)?(?:leave|evacuate)\b|"
    r"(?:are|is)\s+to\s+be\s+"
    r"(?:forcibly\s+)?evacuated|(?:plan(?:s|ned)?|intend(?:s|ed)?|ordered|decided|decision(?:\s+"
    r"(?:was|has\s+been)\s+(?:made|taken))?)\s+to\s+(?:forcibly\s+|compulsorily\s+)?"
    r"(?:evacuate|relocate|resettle)|"
    r"(?:ordered|told|instructed)\s+(?:[\w-]+\s+){1,5}?to\s+(?:leave|evacuate)|"
    r"designated\s+(?:villages|settlements|communities|areas|zone)|"
    r"under\s+evacuation\s+orders?|evacuation\s+zone|evacuation\s+(?:began|started|was\s+"
    r"launched)\s+today|covered\s+by\s+(?:the\s+)?(?:\w+\s+)?"
    r"(?:evacuation|decision|order))"
)
_NEGATION_BEFORE_RE = caseless(r"\b(?:no|not|nor|never)\s+(?:[\w-]+\s+){0,2}$")
_ZONE_ANAPHOR_RE = caseless(
    r"\b(?:these|those|such|the\s+designated|the\s+listed|the\s+said)\s+(?:\w+\s+)?"
    r"(?:settlements|villages|communities|areas|towns|hromadas|zones?|districts)\b|"
    r"\b(?:live|lives|living|reside|residing|residents|people|children|families)\s+there\b"
)
# "The Bakassi camp is home to 40,000", "the dormitory has 300 residents": a shelter-type
# place as the subject right before a presence verb.
_SHELTER_SUBJECT_RE = caseless(
    r"\b" + _FACILITY + r"\s+(?:(?:alone|now|currently|still|already|itself|is|was|are|were)\s+)"
    r"{0,3}$"
)
# "are still in | the shelter": the place right after a verb that took the preposition.
_SHELTER_AFTER_RE = caseless(r"\s*(?:(?:in|into|at)\s+)?(?:[\w'\u2019-]+\s+){0,3}?" + _FACILITY)
# "a transit point in Vasylkivka, where 27 people are staying": the people a relative
# clause counts in a shelter-type place named before it (up to a place and a comma).
_SHELTER_WHERE_RE = caseless(_FACILITY + r"[^.;]{0,80}?,\s+(?:where|in\s+which)\s+[^.;,]{0,30}$")
# "the transit centre in Lozova, through which 2,480 evacuees have passed"
_THROUGH_WHICH_RE = caseless(_FACILITY + r"[^.;]{0,50}?,?\s+through\s+which\s+[^.;,]{0,20}$")
_RUNNING_RE = caseless(
    r"\bevacuation\s+(?:is|was)\s+(?:continuing|ongoing|under\s+way|underway|in\s+progress)"
)
_THEY_FLED_RE = caseless(
    r"\b(?:they|who|all\s+of\s+them)\s+(?:all\s+)?(?:had\s+to|have\s+had\s+to|were\s+forced\s+to|"
    r"have)?\s*(?:flee|fled|leave|left|evacuate|evacuated)\b"
)


@dataclass(frozen=True, slots=True)
class Cue:
    """An event cue found in a sentence: its span, class and name."""

    start: int
    end: int
    kind: str
    name: str


def find_cues(text: str, start: int, end: int) -> list[Cue]:
    """Return the event cues in text[start:end], with "left" already disambiguated."""
    cues: list[Cue] = []
    for match in scan_index(_CUES_BY_WORD, text, start, end):
        index = int(match.lastgroup[1:]) if match.lastgroup else 0
        name, kind, _ = _CUE_PATTERNS[index]
        if kind == "left":
            kind, name = read_left(text, start, match.start(), match.end())
        if kind == "decision":
            if not plan_follows(text, previous_sentence_start(text, start), end):
                continue  # "affected by the decision to close schools": a distractor
            kind = "planned"
        if kind == "hold":
            if not shelter_subject(text, max(start, match.start() - 60), match.start()):
                continue  # "Russia holds 19,546 deported children"
            kind = "housed"
        cues.append(Cue(match.start(), match.end(), kind, name))
    return cues


def plan_follows(text: str, start: int, end: int) -> bool:
    """Return True when text[start:end] frames a zone under an evacuation decision or plan
    that it does not negate ("no mandatory evacuation is planned yet" frames none)."""
    return any(
        _NEGATION_BEFORE_RE.search(text, max(start, match.start() - 24), match.start()) is None
        for match in _PLAN_CONTEXT_RE.finditer(text, start, end)
    )


def names_zone(text: str, start: int, end: int) -> bool:
    """Return True when text[start:end] points back at a zone ("these settlements")."""
    return _ZONE_ANAPHOR_RE.search(text, start, end) is not None


def shelter_after(text: str, start: int) -> int | None:
    """Return where the shelter-type place that follows `start` within three words ends
    ("still in | the shelter"), or None."""
    match = _SHELTER_AFTER_RE.match(text, start)
    return match.end() if match is not None else None


def shelter_subject(text: str, start: int, end: int) -> bool:
    """Return True when text[start:end] ends with a shelter-type place as the subject of the
    verb that follows ("The Bakassi camp is" home to 40,000)."""
    return _SHELTER_SUBJECT_RE.search(text, start, end) is not None


def shelter_relative(text: str, start: int, end: int) -> str | None:
    """Return which relative clause on a shelter-type place ends text[start:end] ("the
    transit point in X, where" -> "where", "the centre, through which" -> "through"),
    or None."""
    window = text[start:end]
    if "where" not in window and "which" not in window:
        return None  # most figures follow no relative clause: skip the regexes
    if _SHELTER_WHERE_RE.search(text, start, end):
        return "where"
    if _THROUGH_WHICH_RE.search(text, start, end):
        return "through"
    return None


def running_evacuation(text: str, start: int, end: int) -> bool:
    """Return True when text[start:end] says an evacuation is already running."""
    return _RUNNING_RE.search(text, start, end) is not None


def they_fled_after(text: str, start: int, end: int) -> bool:
    """Return True when text[start:end] says "they had to flee" of the people just counted."""
    return _THEY_FLED_RE.search(text, start, end) is not None


def previous_sentence_start(text: str, start: int) -> int:
    """Return roughly where the sentence before the one at `start` begins."""
    stop = max(0, start - 2)
    return max(text.rfind(". ", 0, stop), text.rfind("\n", 0, stop)) + 1
