"""The extractor's phrase table: one row per phenomenon of the annotation guidelines.

Each row is a phrase and the (metric, group, value, qualifier, since) tuples it must give,
in any order. Publication date for every row: 2024-06-01 (see PUBLISHED).
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker.extract import extract

PUBLISHED = date(2024, 6, 1)
WAR = date(2022, 2, 24)

E, R, T, H = "evacuated", "remaining", "to_evacuate", "housed"
P, C, F = "people", "children", "families"
X, A, L, M = "exact", "approx", "at_least", "at_most"

Row = tuple[str, str, int, str, date | None]

CASES: list[tuple[str, str, list[Row]]] = [
    # --- number forms (3.4)
    (
        "words-compound",
        "Four hundred thirty-six people, including 128 children, have been "
        "evacuated from Kupiansk district.",
        [(E, P, 436, X, None), (E, C, 128, X, None)],
    ),
    ("space-separator", "15 031 people were evacuated.", [(E, P, 15031, X, None)]),
    ("thin-space-separator", "15\u2009031 people were evacuated.", [(E, P, 15031, X, None)]),
    ("no-break-space", "1\u00a0400 people were evacuated.", [(E, P, 1400, X, None)]),
    ("comma-separator", "28,329 people have moved to safer areas.", [(E, P, 28329, X, None)]),
    ("no-separator", "9900 people were evacuated.", [(E, P, 9900, X, None)]),
    ("glued-scale", "Some 20k people fled the fire.", [(E, P, 20000, A, None)]),
    ("glued-million", "About 1.5m people have been displaced.", [(E, P, 1_500_000, A, None)]),
    ("word-twelve", "Twelve residents were evacuated from the village.", [(E, P, 12, X, None)]),
    ("word-hyphenated", "Thirty-one children were taken out of the city.", [(E, C, 31, X, None)]),
    (
        "decimal-comma-thousand",
        "Police evacuated 1,5 thousand people from the town.",
        [(E, P, 1500, X, None)],
    ),
    (
        "decimal-point-million",
        "About 3.1 million people have left the country.",
        [(E, P, 3_100_000, A, None)],
    ),
    (
        "million-and-thousand",
        "1 million 355 thousand people have been evacuated.",
        [(E, P, 1_355_000, X, None)],
    ),
    (
        "one-and-a-half-thousand",
        "Over the entire period one and a half thousand people were evacuated.",
        [(E, P, 1500, X, None)],
    ),
    (
        "thousand-with-remainder",
        "Since the new year 12 thousand 48 people have been evacuated.",
        [(E, P, 12048, X, None)],
    ),
    (
        "incl-abbreviation-keeps-sentence",
        "About 3,2 thousand people remain in the town, incl. 150 children.",
        [(R, P, 3200, A, None), (R, C, 150, X, None)],
    ),
    ("half-a-hundred", "Half a hundred residents remain in the village.", [(R, P, 50, A, None)]),
    (
        "half-a-thousand-hedged",
        "A little more than half a thousand people still need to be evacuated.",
        [(T, P, 500, L, None)],
    ),
    ("digits-thousand-word", "Almost 4 thousand children were evacuated.", [(E, C, 4000, M, None)]),
    (
        "words-thousand",
        "Bakhmut has fewer than five thousand civilians left.",
        [(R, P, 5000, M, None)],
    ),
    # --- headings and verbless lists
    (
        "heading-noun-before-colon",
        "Relocation from the frontline towns this week: 240 residents, including 31 children.",
        [(E, P, 240, X, None), (E, C, 31, X, None)],
    ),
    (
        "list-under-heading-line",
        "Over the weekend people were moved out of:\nOskil community \u2013 44 people\n"
        "Shevchenkove community \u2013 12 people",
        [(E, P, 44, X, None), (E, P, 12, X, None)],
    ),
    (
        "list-continues-previous-figure",
        "Yesterday 90 people left the district. By community: Borova \u2013 50 people, "
        "Izium \u2013 40.",
        [(E, P, 90, X, None), (E, P, 50, X, None), (E, P, 40, X, None)],
    ),
    (
        "bracketed-children-subgroup",
        "Evacuated over the day: Bakhmut district \u2013 75 people (9 children).",
        [(E, P, 75, X, None), (E, C, 9, X, None)],
    ),
    (
        "dash-list-without-heading-is-no-fact",
        "Prices by town: Sumy \u2013 40 hryvnias, Romny \u2013 35.",
        [],
    ),
    (
        "bare-subject-after-non-people-count",
        "Floods destroyed three bridges near the town, and a further 450 were displaced.",
        [(E, P, 450, X, None)],
    ),
    (
        "quoted-hedged-figure",
        "Officials said 'as many as 2,000 people' were moved to higher ground.",
        [(E, P, 2000, M, None)],
    ),
    ("flown-out", "Around 800 residents were flown out overnight.", [(E, P, 800, A, None)]),
    (
        "told-by-agent-to-move",
        "Some 50,000 people living in the valley were told by the army to move south.",
        [(T, P, 50000, A, None)],
    ),
    (
        "actor-subset-alone",
        "In all, 5,200 people have been evacuated. Volunteers alone have driven out 3,000 of them.",
        [(E, P, 5200, X, None)],
    ),
    (
        "actor-subset-of-those-by-boat",
        "Some 9,000 people were evacuated. Of those, 1,200 were picked up by fishing boats.",
        [(E, P, 9000, A, None)],
    ),
    (
        "part-of-evacuees-by-origin",
        "Over the week 2,300 people were evacuated. Of the evacuees, 700 came from the town.",
        [(E, P, 2300, X, None), (E, P, 700, X, None)],
    ),
    (
        "adults-only-is-the-only-stock",
        "No children are left in the village, and about 90 adults remain. Last week 12 "
        "residents were taken out.",
        [(R, P, 90, A, None), (E, P, 12, X, None)],
    ),
    ("remain-unaccounted-for", "Around 850 people remain unaccounted for after the flood.", []),
    ("remain-under-rubble", "At least 30 residents remain under the rubble.", []),
    ("remain-in-hospital", "Nine of the evacuated children remain in hospital.", []),
    (
        "earlier-figure-without-verb",
        "About 9,000 residents remain in the town. Two weeks ago the figure was 14 thousand.",
        [(R, P, 9000, A, None), (R, P, 14000, X, None)],
    ),
    (
        "since-an-event-on-a-date",
        "Some 2,400 people have been evacuated since Russian troops crossed the border on May 10.",
        [(E, P, 2400, A, date(2024, 5, 10))],
    ),
    (
        "since-a-weekday",
        "Rescuers have taken out 300 people since Friday.",
        [(E, P, 300, X, date(2024, 5, 31))],
    ),
    # --- hedges (3.5)
    (
        "hedge-scope-mechanical",
        "About 3,000 people were evacuated in Albayda, 1,000 in Almkheley.",
        [(E, P, 3000, A, None), (E, P, 1000, X, None)],
    ),
    (
        "hedge-not-on-subgroup",
        "Around 350,000 people, including 50,000 children, were displaced.",
        [(E, P, 350_000, A, None), (E, C, 50_000, X, None)],
    ),
    ("hedge-nearly", "Nearly 7,000 people fled.", [(E, P, 7000, M, None)]),
    ("hedge-up-to", "Up to 200 people remain in the village.", [(R, P, 200, M, None)]),
    ("hedge-less-than", "Less than 100 residents remain in the town.", [(R, P, 100, M, None)]),
    ("hedge-fewer-than", "Fewer than 50 people stayed.", [(R, P, 50, M, None)]),
    ("hedge-as-many-as", "As many as 5,000 people were evacuated.", [(E, P, 5000, M, None)]),
    ("hedge-at-least", "At least 600 people were rescued.", [(E, P, 600, L, None)]),
    ("hedge-slightly-over", "Slightly over 2,000 people left the city.", [(E, P, 2000, L, None)]),
    ("hedge-some", "Some 40 people were evacuated.", [(E, P, 40, A, None)]),
    ("hedge-an-estimated", "An estimated 10,000 people fled.", [(E, P, 10000, A, None)]),
    ("hedge-roughly", "Roughly 800 residents remain.", [(R, P, 800, A, None)]),
    (
        "hedge-a-total-of-is-exact",
        "A total of 1,200 people were evacuated.",
        [(E, P, 1200, X, None)],
    ),
    (
        "hedge-temporal-over-ignored",
        "Over the past week, 300 people were evacuated.",
        [(E, P, 300, X, None)],
    ),
    ("hedge-or-so-after", "200 people or so were evacuated.", [(E, P, 200, A, None)]),
    (
        "hedge-more-than-words",
        "More than 700 people have already been evacuated.",
        [(E, P, 700, L, None)],
    ),
    # --- ranges
    (
        "range-hyphen-daily",
        "500-600 people leave the city every day.",
        [(E, P, 500, L, None), (E, P, 600, M, None)],
    ),
    (
        "range-between-and",
        "Between 5,000 and 7,000 children remain in the city.",
        [(R, C, 5000, L, None), (R, C, 7000, M, None)],
    ),
    (
        "range-to",
        "20 to 50 people are evacuated daily.",
        [(E, P, 20, L, None), (E, P, 50, M, None)],
    ),
    (
        "range-hedge-ignored",
        "Around 4,000 to 5,000 people remain.",
        [(R, P, 4000, L, None), (R, P, 5000, M, None)],
    ),
    ("range-capped", "No more than 5-6 people are leaving daily.", [(E, P, 6, M, None)]),
    ("range-en-dash", "10\u201320 people leave daily.", [(E, P, 10, L, None), (E, P, 20, M, None)]),
    (
        "range-scale-on-high-bound",
        "11-12 million citizens have become internally displaced persons.",
        [(E, P, 11_000_000, L, None), (E, P, 12_000_000, M, None)],
    ),
    (
        "range-implied-multiplier",
        "In Slavyansk it is approximately 50 - 60 thousand people, and in Kramatorsk - 50-60.",
        [
            (R, P, 50_000, L, None),
            (R, P, 60_000, M, None),
            (R, P, 50_000, L, None),
            (R, P, 60_000, M, None),
        ],
    ),
    # --- left: remaining vs departed (3.2)
    ("left-still-left", "4,788 children are still left in the community.", [(R, C, 4788, X, None)]),
    ("left-departed", "Yesterday 490 people left.", [(E, P, 490, X, None)]),
    ("left-in-place", "About 870 people left in Kupyansk.", [(R, P, 870, A, None)]),
    ("left-are-left", "Only 30 people are left in the village.", [(R, P, 30, X, None)]),
    ("left-has-n-left", "The village has 25 residents left.", [(R, P, 25, X, None)]),
    (
        "left-have-left-perfect",
        "Almost 900 people have left, including 137 children.",
        [(E, P, 900, M, None), (E, C, 137, X, None)],
    ),
    ("left-the-city", "Since morning, 120 people have left the city.", [(E, P, 120, X, None)]),
    # --- planned vs done (3.1, 3.2)
    ("plan-subject-to", "269 children are subject to forced evacuation.", [(T, C, 269, X, None)]),
    (
        "plan-are-to-be",
        "1,200 people are to be evacuated from the district.",
        [(T, P, 1200, X, None)],
    ),
    ("plan-plan-to", "The authorities plan to evacuate 3,000 residents.", [(T, P, 3000, X, None)]),
    ("plan-must-be", "About 500 people must be evacuated.", [(T, P, 500, A, None)]),
    (
        "plan-decided-to",
        "The regional council decided to forcibly evacuate 400 children.",
        [(T, C, 400, X, None)],
    ),
    (
        "plan-is-to-relocate",
        "Kupyansk district is to relocate 409 families with 601 children.",
        [(T, F, 409, X, None), (T, C, 601, X, None)],
    ),
    ("plan-orders-affect", "Evacuation orders affect 20,000 residents.", [(T, P, 20000, X, None)]),
    (
        "plan-expected-to-be",
        "Another 350 people are expected to be evacuated on Tuesday.",
        [(T, P, 350, X, None)],
    ),
    (
        "plan-ordered-the-evacuation",
        "Authorities ordered the evacuation of 30,000 residents.",
        [(T, P, 30000, X, None)],
    ),
    (
        "plan-negated",
        "No mandatory evacuation is planned; 3,000 people remain in the city.",
        [(R, P, 3000, X, None)],
    ),
    (
        "presence-in-designated-zone",
        "90 children from 56 families live in the designated villages.",
        [(T, C, 90, X, None), (T, F, 56, X, None)],
    ),
    (
        "presence-where-evacuation-announced",
        "About 109 children currently live in these "
        "settlements, where mandatory evacuation was announced.",
        [(T, C, 109, A, None)],
    ),
    (
        "presence-mid-evacuation",
        "There are about 1,000 children in the community, where evacuation is under way.",
        [(R, C, 1000, A, None)],
    ),
    (
        "presence-home-to",
        "The town is still home to more than 53 thousand people.",
        [(R, P, 53000, L, None)],
    ),
    (
        "presence-then-fled",
        "Jasper has about 5,000 residents, and they had to flee.",
        [(E, P, 5000, A, None)],
    ),
    ("done-evacuated", "300 people have been evacuated.", [(E, P, 300, X, None)]),
    (
        "done-nominal-completed",
        "Evacuation of 300 people from Pokrovsk was completed on Monday.",
        [(E, P, 300, X, None)],
    ),
    ("done-took-people", "An evacuation train took 400 people to Lviv.", [(E, P, 400, X, None)]),
    (
        "presence-in-zone-named-before",
        "The council announced the mandatory evacuation of 11 settlements. About 1,400 people "
        "live in these settlements.",
        [(T, P, 1400, A, None)],
    ),
    (
        "presence-living-there-after-decision",
        "The council decided on the mandatory evacuation of families with children from 5 "
        "settlements. There are 149 children living there.",
        [(T, C, 149, X, None)],
    ),
    (
        "presence-still-home-to-under-order",
        "The mandatory evacuation was ordered; the city is still home to more than 53 thousand "
        "people.",
        [(R, P, 53000, L, None)],
    ),
    (
        "presence-evacuation-began-today",
        "The evacuation began today. More than 2,800 people live in these settlements today.",
        [(T, P, 2800, L, None)],
    ),
    (
        "presence-there-after-announcement",
        "The evacuation from 11 more settlements has been announced. There are 225 residents "
        "there, including 9 children.",
        [(T, P, 225, X, None), (T, C, 9, X, None)],
    ),
    (
        "displaced-out-of-homes",
        "Floods forced more than 11,000 people out of their homes.",
        [(E, P, 11000, L, None)],
    ),
    (
        "plan-urged-to-evacuate",
        "Authorities urged 50,000 residents to evacuate.",
        [(T, P, 50000, X, None)],
    ),
    (
        "headline-colon",
        "Evacuated: 1,234 people, including 100 children.",
        [(E, P, 1234, X, None), (E, C, 100, X, None)],
    ),
    (
        "reference-total-not-logged",
        "Of the 1,000 residents, 600 have left.",
        [(E, P, 600, X, None)],
    ),
    (
        "distractor-conditional",
        "If the situation worsens, 10,000 people will be evacuated.",
        [],
    ),
    (
        "number-of-displaced",
        "The number of displaced people rose to 6,000.",
        [(E, P, 6000, X, None)],
    ),
    ("distractor-proportion-base", "Around 80 percent of the 6,000 residents have left.", []),
    ("plan-headline-nominal", "Mandatory evacuation of 1,000 children.", [(T, C, 1000, X, None)]),
    (
        "plan-decision-to-evacuate",
        "A decision was made to evacuate 250 children.",
        [(T, C, 250, X, None)],
    ),
    (
        "plan-waiting-for-evacuation",
        "Almost 2,000 people are waiting for evacuation.",
        [(T, P, 2000, M, None)],
    ),
    (
        "reference-before-the-war",
        "Of the 3,500 people who lived in the village before the war, fewer than 100 remain.",
        [(R, P, 100, M, None)],
    ),
    (
        "remain-displaced",
        "According to the UN, 3.7 million people remain internally displaced.",
        [(E, P, 3_700_000, X, None)],
    ),
    (
        "number-of-remaining-fell",
        "The number of people remaining in the town had fallen to about 200.",
        [(R, P, 200, A, None)],
    ),
    ("distractor-population-before-year", "The town's population before 2014 was 120,000.", []),
    (
        "distractor-capacity-per-trip",
        "The evacuation train can carry up to 500 people per trip.",
        [],
    ),
    ("distractor-applied", "Some 200 people have applied for evacuation.", []),
    ("distractor-presence-not-a-place", "The hospital had 200 patients.", []),
    (
        "distractor-small-word-ellipsis",
        "900 people were evacuated, one of them a child.",
        [(E, P, 900, X, None)],
    ),
    ("distractor-ages", "Their children aged 19, 18 and 15 were not found.", []),
    ("distractor-homeless", "More than 20,000 people were left homeless.", []),
    (
        "housed-temporary-accommodation",
        "A total of 3,000 people are currently in temporary accommodation.",
        [(H, P, 3000, X, None)],
    ),
    # --- remaining
    ("remain-verb", "About 7,000 residents remain in the town.", [(R, P, 7000, A, None)]),
    ("remain-still-live", "About 40 people still live in the village.", [(R, P, 40, A, None)]),
    (
        "remain-among-them",
        "About 2,500 people, among them 300 children, remain in Kostiantynivka.",
        [(R, P, 2500, A, None), (R, C, 300, X, None)],
    ),
    (
        "remain-historical",
        "It was 70,000 people, now it is 67,000.",
        [(R, P, 70000, X, None), (R, P, 67000, X, None)],
    ),
    ("remain-population-is", "The population of the city is 162,000.", [(R, P, 162000, X, None)]),
    (
        "remain-sheltering-in-place",
        "The UN says 1.4 million people are sheltering in Rafah.",
        [(R, P, 1_400_000, X, None)],
    ),
    # --- housed
    ("housed-facility", "7900 people have passed through the facility.", [(H, P, 7900, X, None)]),
    ("housed-actor-shelters", "UNRWA was sheltering 22,000 people.", [(H, P, 22000, X, None)]),
    (
        "housed-host-community",
        "Tawila already shelters 652,000 displaced people.",
        [(H, P, 652000, X, None)],
    ),
    (
        "housed-accommodated",
        "The city has accommodated 15,000 internally displaced persons.",
        [(H, P, 15000, X, None)],
    ),
    (
        "housed-staying-in-shelters",
        "About 2,000 people are staying in temporary shelters.",
        [(H, P, 2000, A, None)],
    ),
    (
        "housed-given-accommodation",
        "Over 3.1 million people displaced from their homes have been "
        "given temporary accommodation.",
        [(H, P, 3_100_000, L, None)],
    ),
    # --- displacement as evacuated
    (
        "displaced",
        "More than 2,000 people have been displaced from their homes.",
        [(E, P, 2000, L, None)],
    ),
    ("forced-to-flee", "12,000 people were forced to flee.", [(E, P, 12000, X, None)]),
    ("became-idps", "500 people became IDPs.", [(E, P, 500, X, None)]),
    (
        "demonym-fled",
        "More than 3 million Ukrainians have been forced to leave Ukraine.",
        [(E, P, 3_000_000, L, None)],
    ),
    # --- distractors (never facts)
    ("distractor-km-buses", "The convoy travelled 120 km with 15 buses.", []),
    ("distractor-drones", "Russia launched 40 drones at the region.", []),
    ("distractor-settlements", "Evacuation was carried out from 27 settlements.", []),
    ("distractor-casualties", "Three people were killed and 12 wounded during the evacuation.", []),
    (
        "distractor-casualty-subgroup",
        "Russian strikes killed 5 civilians, including 2 children.",
        [],
    ),
    ("distractor-money", "The state paid 2.2 billion UAH to hosts.", []),
    ("distractor-money-before", "Each displaced person will receive UAH 2,000 per month.", []),
    ("distractor-percent", "About 60 percent of residents have left.", []),
    ("distractor-pre-war", "About 70,000 people lived in the town before the war.", []),
    (
        "distractor-once-home",
        "It is unknown how many remain in the town, once home to around 70,000 people.",
        [],
    ),
    (
        "distractor-projection",
        "The offensive could drive an additional half a million people from their homes.",
        [],
    ),
    ("distractor-warning", "Another 166,000 people were warned they may have to evacuate.", []),
    ("distractor-volunteers", "More than 200 volunteers helped evacuate residents.", []),
    ("distractor-without-power", "46,000 people are without power.", []),
    ("distractor-affected", "61,189 people were affected by the flood.", []),
    (
        "bare-object-after-distractor",
        "As many as 61,189 people were affected by the flood, while rescuers evacuated 48,751.",
        [(E, P, 48751, X, None)],
    ),
    ("distractor-hotline", "The hotline received 1,500 calls.", []),
    ("distractor-capacity", "There are resources to safely take out at least 1,000 people.", []),
    (
        "distractor-capacity-places",
        "Almost half a million places for IDPs have been set up, of "
        "which about 150,000 are vacant.",
        [],
    ),
    (
        "distractor-troops",
        "Up to 25 thousand Russian invaders were concentrated near the town.",
        [],
    ),
    ("distractor-age", "A 72-year-old woman was evacuated.", []),
    ("distractor-vague", "Thousands of people have fled the city.", []),
    ("distractor-zero", "All children have been evacuated.", []),
    ("distractor-date", "On May 9 the evacuation of the village began.", []),
    ("distractor-beds", "The hospital has 200 beds.", []),
    ("distractor-intention", "About 60,000 people do not plan to leave.", []),
    ("distractor-derived", "46 out of 47 children have left.", []),
    (
        "distractor-school-enrolment",
        "Before the war 60 children studied at the lyceum and now there are 17.",
        [],
    ),
    ("distractor-destination-sites", "The hospital sent 12 ambulances.", []),
    # --- subsets and groups (3.3, 3.7)
    (
        "subset-transport",
        "Yesterday 490 people left, 135 of them by train.",
        [(E, P, 490, X, None)],
    ),
    (
        "subset-of-whom-children",
        "More than 700 people have been evacuated, 480 of whom are children.",
        [(E, P, 700, L, None), (E, C, 480, X, None)],
    ),
    (
        "subset-of-which-children",
        "Over the entire period one and a half thousand people were "
        "evacuated, of which 140 are children.",
        [(E, P, 1500, X, None), (E, C, 140, X, None)],
    ),
    ("group-subgroup-disabilities", "201 people with disabilities were evacuated.", []),
    ("group-orphans", "Twelve orphans were evacuated.", []),
    ("group-adult-only", "140 adult men remain in Ivashky.", [(R, P, 140, X, None)]),
    (
        "group-adults-beside-children",
        "54 children and 67 adults were evacuated.",
        [(E, C, 54, X, None)],
    ),
    ("group-no-derived-sum", "A mother and 3 children were evacuated.", [(E, C, 3, X, None)]),
    (
        "group-families-equivalent",
        "The equivalent of 155,602 families were displaced.",
        [(E, F, 155602, X, None)],
    ),
    (
        "group-children-from-families",
        "The decision covers 40 children from 26 families who are to be evacuated.",
        [(T, C, 40, X, None), (T, F, 26, X, None)],
    ),
    ("group-tourists", "2,000 tourists were evacuated from the island.", [(E, P, 2000, X, None)]),
    ("group-family-of-n", "Rescuers evacuated a family of five.", [(E, P, 5, X, None)]),
    (
        "group-passengers-not-buses",
        "Ten buses with 400 passengers left for Dnipro.",
        [(E, P, 400, X, None)],
    ),
    ("group-possessive-family", "The priest and their three children refused to leave.", []),
    (
        "subset-destination",
        "Nearly 1 million people have fled Rafah. Some 436,685 people fled to 26 sites.",
        [(E, P, 1_000_000, M, None)],
    ),
    (
        "subset-of-these-next-sentence",
        "A total of 1,300 people have been evacuated from the district. Of these, 300 were "
        "children.",
        [(E, P, 1300, X, None), (E, C, 300, X, None)],
    ),
    (
        "group-among-the-evacuees",
        "According to the police, 2 children were among the evacuees.",
        [(E, C, 2, X, None)],
    ),
    (
        "subset-of-them-next-sentence",
        "Some 58 settlements are covered by the evacuation, where 20,000 people live. As of "
        "today, 12,000 of them have already left.",
        [(T, P, 20000, X, None), (E, P, 12000, X, None)],
    ),
    # --- since (3.9)
    (
        "since-full-scale-war",
        "Since the beginning of the full-scale war, 120,000 people have been "
        "evacuated from the region.",
        [(E, P, 120000, X, WAR)],
    ),
    (
        "since-during-war",
        "During the full-scale war, 1,000 children were evacuated.",
        [(E, C, 1000, X, WAR)],
    ),
    (
        "since-day-month",
        "Since May 10, 9,000 people have been evacuated.",
        [(E, P, 9000, X, date(2024, 5, 10))],
    ),
    (
        "since-month-only-unresolved",
        "Since April 2022, 3,000 people have been evacuated.",
        [(E, P, 3000, X, None)],
    ),
    (
        "since-began-on",
        "The evacuation began on January 2; 700 people have been evacuated.",
        [(E, P, 700, X, date(2024, 1, 2))],
    ),
    ("since-feb-24", "Since Feb. 24, 1,000 people have left.", [(E, P, 1000, X, WAR)]),
    (
        "since-last-year",
        "Since December 5, 800 people have been evacuated.",
        [(E, P, 800, X, date(2023, 12, 5))],
    ),
    (
        "since-this-year",
        "Since the beginning of this year 300 people have been evacuated.",
        [(E, P, 300, X, date(2024, 1, 1))],
    ),
    (
        "since-not-on-stock",
        "Since May 10, 600 people have been evacuated and 200 remain.",
        [(E, P, 600, X, date(2024, 5, 10)), (R, P, 200, X, None)],
    ),
    (
        "since-scoped-to-its-clause",
        "In Kherson, 250 residents were evacuated in February, and 1,023 people from the right "
        "bank since the start of the year.",
        [(E, P, 250, X, None), (E, P, 1023, X, date(2024, 1, 1))],
    ),
    (
        "since-start-of-event-on-date",
        "Since the beginning of the forced evacuation on August 1, 39,874 people have been "
        "evacuated.",
        [(E, P, 39874, X, date(2023, 8, 1))],
    ),
    (
        "since-shared-by-sentence",
        "More than 700 people have been evacuated; the mandatory evacuation began on January 2.",
        [(E, P, 700, L, date(2024, 1, 2))],
    ),
    # --- restatements (3.6)
    (
        "restated-precise-wins",
        "More than 670 people remain in the town. 679 people are still there.",
        [(R, P, 679, X, None)],
    ),
    (
        "restated-rounded-headline",
        "Over 120,000 people were evacuated. More than 122,000 people have been evacuated so far.",
        [(E, P, 122000, L, None)],
    ),
    (
        "restated-first-wins",
        "Nearly 7,000 people remain. About 7,000 people remain in the city.",
        [(R, P, 7000, M, None)],
    ),
    (
        "restated-dated-wins",
        "More than 7000 people were evacuated. Over 7 thousand people have "
        "been evacuated since May 10.",
        [(E, P, 7000, L, date(2024, 5, 10))],
    ),
    (
        "restated-or",
        "Altogether, 601 children, or 409 families, are due to be moved.",
        [(T, C, 601, X, None), (T, F, 409, X, None)],
    ),
    # --- obligation wording, objects, housing facilities
    (
        "must-leave-is-planned",
        "Some 640 residents of the border villages must leave by Friday.",
        [(T, P, 640, A, None)],
    ),
    (
        "will-have-to-leave-is-planned",
        "Under the new order, 85 children and their parents will have to leave the town.",
        [(T, C, 85, X, None)],
    ),
    (
        "ordered-hedged-count-to-leave",
        "The governor ordered approximately 12,000 people to leave the river valley.",
        [(T, P, 12000, A, None)],
    ),
    (
        "to-be-evacuated-of-whom-already-out",
        "In total 520 children are to be moved out of the district, of whom 130 have "
        "already been taken to safety.",
        [(T, C, 520, X, None), (E, C, 130, X, None)],
    ),
    (
        "remain-under-evacuation-orders",
        "About 4,000 people in the two valleys remain under evacuation orders.",
        [(T, P, 4000, A, None)],
    ),
    (
        "object-of-verb-before-relative-clause",
        "Rescuers evacuated 31 villagers, among them a man who had lived alone for years.",
        [(E, P, 31, X, None)],
    ),
    (
        "spent-the-night-at-facility",
        "The transit hub reopened on Sunday, and 215 people spent the night there.",
        [(H, P, 215, X, None)],
    ),
    (
        "staying-in-tents-and-hotels",
        "Roughly 9,000 survivors are staying in tents and hotels along the coast.",
        [(H, P, 9000, A, None)],
    ),
    (
        "sheltering-in-a-named-building",
        "Forty families were sheltering in a school building on the edge of town.",
        [(H, F, 40, X, None)],
    ),
    # --- year-like counts, postfix hedges, subsets and non-evacuation counts
    (
        "year-like-count-before-person-noun",
        "Since March 3, 2041 people have been taken out of the area.",
        [(E, P, 2041, X, date(2024, 3, 3))],
    ),
    ("year-like-count-object", "The village still has 1987 inhabitants.", [(R, P, 1987, X, None)]),
    (
        "or-so-between-number-and-noun",
        "Around 400 or so villagers are still living near the dam.",
        [(R, P, 400, A, None)],
    ),
    ("another-dozen", "Another dozen residents fled on foot.", [(E, P, 12, A, None)]),
    (
        "among-them-are-subgroup",
        "Roughly 5,000 people still live in the town. Among them are 210 children.",
        [(R, P, 5000, A, None), (R, C, 210, X, None)],
    ),
    (
        "part-of-earlier-total",
        "About 9,000 people remain in the district. The northern hromada accounts for "
        "2,300 of them.",
        [(R, P, 9000, A, None), (R, P, 2300, X, None)],
    ),
    (
        "the-number-fell-to",
        "Two years on, the number has fallen to 3,4 thousand, including 75 children.",
        [(R, P, 3400, X, None), (R, C, 75, X, None)],
    ),
    (
        "number-of-who-left-at",
        "Officials put the number of people who have left at 20,000 to 25,000.",
        [(E, P, 20000, L, None), (E, P, 25000, M, None)],
    ),
    (
        "family-of-n-inside-a-total",
        "Volunteers took out 26 people, including a family of four.",
        [(E, P, 26, X, None)],
    ),
    (
        "transport-subset-with-verb",
        "Some 45,000 people were evacuated. About 30,000 of them were carried by boat.",
        [(E, P, 45000, A, None)],
    ),
    (
        "rubble-rescue-is-no-evacuation",
        "Rescuers pulled 14 people out of collapsed apartment blocks overnight.",
        [],
    ),
    ("host-families-are-hosts", "So far 540 host families have joined the scheme.", []),
    ("stranded-passengers", "About 2,000 passengers were stranded at ferry ports.", []),
    # --- bare subjects, noun-phrase events, more transport verbs
    (
        "bare-subject-after-pre-war-figure",
        "Before 2023, the village was home to about 6,000 people. Today some 400 remain.",
        [(R, P, 400, A, None)],
    ),
    (
        "evacuation-of-n-was-ordered",
        "The evacuation of 1,700 residents of the riverside districts was ordered on Monday.",
        [(T, P, 1700, X, None)],
    ),
    ("bused-out", "About 260 villagers were bused out on Friday.", [(E, P, 260, A, None)]),
    (
        "evacuation-orders-for-n",
        "Officials issued evacuation orders for some 5,500 people near the burning hills.",
        [(T, P, 5500, A, None)],
    ),
    ("remain-without-power", "Roughly 12,000 homes and 30,000 people remain without power.", []),
    (
        "spent-weekday-night",
        "About 80 families spent Tuesday night in the parish shelter.",
        [(H, F, 80, A, None)],
    ),
    (
        "partitive-relative-keeps-its-verb",
        "The care home had 90 residents, 60 of whom were moved to Poltava on Monday.",
        [(E, P, 60, X, None)],
    ),
    (
        "parenthetical-partitive-leaves-head-verb",
        "About 700 people, 150 of them children, were evacuated from the valley.",
        [(E, P, 700, A, None), (E, C, 150, X, None)],
    ),
    (
        "presence-in-zone-ordered-earlier-in-sentence",
        "The council told residents of nine hamlets to leave; some 1,800 people live there.",
        [(T, P, 1800, A, None)],
    ),
    (
        "of-the-set-who-lived-is-a-reference",
        "Of the 2,000 people who lived in the hamlet, 1,500 have left and 500 remain.",
        [(E, P, 1500, X, None), (R, P, 500, X, None)],
    ),
    (
        "bare-subject-taken-out",
        "312 people left Pokrovsk. Another 45 were taken out of Rodynske.",
        [(E, P, 312, X, None), (E, P, 45, X, None)],
    ),
    (
        "bare-subject-moved",
        "Floods hit Dadu. Another 3,400 were moved to relief camps.",
        [(E, P, 3400, X, None)],
    ),
    (
        "bare-subject-stayed-behind",
        "About 45 stayed behind in the village.",
        [(R, P, 45, A, None)],
    ),
    (
        "bare-subject-due-to-be-moved",
        "Another 45 are due to be moved from the village.",
        [(T, P, 45, X, None)],
    ),
    (
        "bare-subject-accommodated",
        "Another 45 were accommodated in Dnipro.",
        [(H, P, 45, X, None)],
    ),
    (
        "the-figure-stands-at-keeps-the-event",
        "27 residents were taken out of the town this week. Since the start of the year the "
        "figure stands at 1,134.",
        [(E, P, 27, X, None), (E, P, 1134, X, date(2024, 1, 1))],
    ),
    (
        "the-number-fell-to-keeps-the-stock",
        "About 3,000 residents remain in the town. The number has fallen to 1,2 thousand.",
        [(R, P, 3000, A, None), (R, P, 1200, X, None)],
    ),
    (
        "count-in-brackets-after-a-place",
        "Forty-seven residents, nine of them children, were evacuated from the district. "
        "The largest group came from the Kupiansk hromada (21), followed by Kindrashivka (14).",
        [(E, P, 47, X, None), (E, C, 9, X, None), (E, P, 21, X, None), (E, P, 14, X, None)],
    ),
    (
        "count-after-a-dash-after-a-place",
        "Police took out 186 people from the region. The bulk came from the Kramatorsk "
        "district — 131 — while 55 were taken out of the Pokrovsk district.",
        [(E, P, 186, X, None), (E, P, 131, X, None), (E, P, 55, X, None)],
    ),
    (
        "ellipsis-after-a-subgroup-counts-the-whole",
        "Since May 10, 318 residents have been taken out, including 24 children; "
        "seventeen more left over the past day.",
        [(E, P, 318, X, date(2024, 5, 10)), (E, C, 24, X, date(2024, 5, 10)), (E, P, 17, X, None)],
    ),
    (
        "bracketed-number-without-a-figure-before-is-nothing",
        "Shelling hit the Kupiansk hromada (21) and Kindrashivka (14).",
        [],
    ),
    (
        "partitive-of-its-residents",
        "Yesterday 36 of its residents left on evacuation buses.",
        [(E, P, 36, X, None)],
    ),
    (
        "quoted-bare-subject",
        "Since mandatory evacuation began, 'more than 15 thousand' have left their homes.",
        [(E, P, 15000, L, None)],
    ),
    (
        "partitive-of-the-buses-is-no-count",
        "Five of the 12 buses left the town.",
        [],
    ),
    (
        "bare-object-of-a-holding-camp",
        "About 170,000 are staying in 28 camps, and the Bakassi camp alone holds over 40 thousand.",
        [(H, P, 170000, A, None), (H, P, 40000, L, None)],
    ),
    (
        "n-more-residents",
        "Over the past day, 24 more residents left with the help of volunteers.",
        [(E, P, 24, X, None)],
    ),
    (
        "a-part-of-a-thousands-total-keeps-its-units",
        "Almost 4 thousand residents have left the town, some 300-400 of them in the last week.",
        [(E, P, 4000, M, None), (E, P, 300, L, None), (E, P, 400, M, None)],
    ),
    (
        "the-remaining-n-is-no-remain-verb",
        "The authorities have ordered the forced evacuation of the remaining 130 children.",
        [(T, C, 130, X, None)],
    ),
    (
        "forced-n-people-out",
        "The fire near the town has forced nearly 7 000 people out.",
        [(E, P, 7000, M, None)],
    ),
    (
        "forced-n-people-to-flee",
        "The offensive has forced at least 400,000 people to flee their homes.",
        [(E, P, 400000, L, None)],
    ),
    (
        "the-remaining-eleven",
        "Forty-two residents were brought to safer areas; the remaining eleven were taken out "
        "of the town on Monday.",
        [(E, P, 42, X, None), (E, P, 11, X, None)],
    ),
    (
        "lost-power-is-affected",
        "In the city, 900 people lost power, while 35 residents were evacuated.",
        [(E, P, 35, X, None)],
    ),
]


def _tuples(text: str) -> list[Row]:
    figures = extract(text, published=PUBLISHED).figures
    return sorted((f.metric, f.population_group, f.value, f.qualifier, f.since) for f in figures)


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_phrase_gives_expected_figures(text: str, expected: list[Row]) -> None:
    assert _tuples(text) == sorted(expected, key=lambda r: (*r[:4], r[4] or date.min))


def test_table_covers_enough_phenomena() -> None:
    assert len(CASES) >= 80
    assert len({name for name, _, _ in CASES}) == len(CASES)


def test_yesterday_sets_as_of_to_the_day_before() -> None:
    (figure,) = extract("Yesterday 490 people left the city.", published=PUBLISHED).figures
    assert figure.as_of == date(2024, 5, 31)
    assert figure.period == "day"


def test_as_of_date_is_read() -> None:
    (figure,) = extract("As of May 17, about 7,000 residents remain.", published=PUBLISHED).figures
    assert figure.as_of == date(2024, 5, 17)


def test_family_of_n_is_a_single_operation() -> None:
    (figure,) = extract("Rescuers evacuated a family of five.", published=PUBLISHED).figures
    assert figure.period == "single_operation"


def test_stock_figures_have_unknown_period() -> None:
    (figure,) = extract("About 7,000 residents remain.", published=PUBLISHED).figures
    assert figure.period == "unknown"
    assert figure.since is None


def test_programme_attaches_to_housed_figure() -> None:
    text = 'Through the "Shelter" project over 3.1 million people have been given accommodation.'
    extraction = extract(text, published=PUBLISHED)
    assert extraction.programmes == ["Shelter"]
    assert [f.programme for f in extraction.figures] == ["Shelter"]


@pytest.mark.parametrize(
    "spelling",
    [
        "Prykhystok",
        "Pryhystok",
        "Prichistok",
        "Prykhystock",
        "Prikhistok",
        "Prykhystku",
        '"Shelter"',
    ],
)
def test_programme_without_number_is_kept_for_the_document(spelling: str) -> None:
    text = f"Hosts should use the {spelling} website. Nobody was counted."
    extraction = extract(text)
    assert extraction.programmes == ["Shelter"]
    assert extraction.figures == []


def test_shelter_as_a_common_noun_is_no_programme() -> None:
    assert extract("People found shelter in the basement.").programmes == []


def test_figure_carries_source_url_doc_id_and_rule() -> None:
    (figure,) = extract(
        "300 people have been evacuated.", published=PUBLISHED, source="RMA", url="u", doc_id="d1"
    ).figures
    assert (figure.source_name, figure.source_url, figure.doc_id) == ("RMA", "u", "d1")
    assert figure.published_on == PUBLISHED
    assert "evacuation-verb" in figure.rule


def test_to_row_uses_model_column_names() -> None:
    from tracker.model import COLUMN_NAMES

    (figure,) = extract("300 people have been evacuated.", published=PUBLISHED).figures
    row = figure.to_row()
    assert set(row) <= set(COLUMN_NAMES)
    assert row["metric"] == "evacuated"
    assert row["value"] == 300


def test_evidence_is_the_span_stating_the_figure() -> None:
    text = "Over the last day, 900 people, including 217 children, were brought out of the area."
    figures = extract(text).figures
    assert [text[f.start : f.end] for f in figures] == [f.evidence for f in figures]
    assert figures[0].evidence == "900 people, including 217 children, were brought out"
    assert text[figures[0].sentence_start : figures[0].sentence_end] == text


VERB_FORMS = [
    ("were evacuated", E),
    ("are evacuating", E),
    ("were relocated", E),
    ("were moved out", E),
    ("are moving out", E),
    ("were taken out", E),
    ("were rescued", E),
    ("fled", E),
    ("are fleeing", E),
    ("are leaving", E),
    ("were displaced", E),
    ("were transferred to safety", E),
    ("were resettled", E),
    ("escaped", E),
    ("remain", R),
    ("remained", R),
    ("are staying", R),
    ("stayed", R),
    ("still live there", R),
    ("are still residing there", R),
    ("refused to leave", R),
    ("are hiding from evacuation", R),
    ("are to be evacuated", T),
    ("must be evacuated", T),
    ("need to be relocated", T),
    ("will be evacuated", T),
    ("are subject to mandatory evacuation", T),
    ("are waiting for evacuation", T),
    ("were sheltered", H),
    ("were accommodated", H),
    ("were housed", H),
    ("are huddled in shelters", H),
    ("have passed through the facility", H),
]


@pytest.mark.parametrize(("verb", "metric"), VERB_FORMS, ids=[v for v, _ in VERB_FORMS])
def test_every_verb_form_gives_its_event(verb: str, metric: str) -> None:
    assert _tuples(f"Some 1,200 people {verb}.") == [(metric, P, 1200, A, None)]


def test_a_report_full_of_other_numbers_gives_no_figure() -> None:
    text = (
        "Russian forces launched 45 drones and 3 missiles overnight; air defence shot down 38. "
        "In the region, 12 settlements came under fire 96 times. Two people were killed and "
        "seven injured, including a 15-year-old. About 2,000 homes lost power, and 150 "
        "rescuers and 40 units of equipment were involved. The city, once home to 100,000 "
        "people, lies 30 km from the front; the governor said on June 3 that UAH 5 million "
        "was allocated."
    )
    assert extract(text, published=PUBLISHED).figures == []


PERIODS = [
    ("weekly-rate", "Around 150 people leave the town every week.", "unknown"),
    ("during-the-past-day", "During the past day, 63 people were evacuated.", "day"),
    ("heading-day-frame", "Evacuation over the past day: 412 people.", "day"),
    (
        "list-takes-heading-frame",
        "Over the past day people were evacuated from:\nBorova community \u2013 27 people",
        "day",
    ),
    ("stock-has-no-period", "About 400 residents remain in the village today.", "unknown"),
]


@pytest.mark.parametrize(("text", "period"), [p[1:] for p in PERIODS], ids=[p[0] for p in PERIODS])
def test_period_of_a_figure(text: str, period: str) -> None:
    assert [f.period for f in extract(text, published=PUBLISHED).figures] == [period]
