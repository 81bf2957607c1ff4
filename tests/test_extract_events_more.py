"""More event phrasings: one row per phrase and the (metric, group, value) tuples it gives.

The rows name the rule of the annotation guidelines (../shared/eval/README.md, 3.1-3.3)
that each phrase exercises; the negative rows are readings that must not change.
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker.extract import extract

PUBLISHED = date(2025, 6, 1)

E, R, T, H = "evacuated", "remaining", "to_evacuate", "housed"
P, C, F = "people", "children", "families"

Row = tuple[str, str, int]

CASES: list[tuple[str, str, list[Row]]] = [
    # --- housed: a person count living, staying or sheltering in a shelter-type place
    (
        "live-in-compact-settlement-places",
        "Another 1 873 IDPs live in 38 compact settlement places in Mykolaiv city.",
        [(H, P, 1873)],
    ),
    (
        "live-in-places-of-compact-residence",
        "About 300 people live in places of compact residence in Lviv.",
        [(H, P, 300)],
    ),
    ("live-in-dormitories", "1 460 people live in dormitories in Dnipro.", [(H, P, 1460)]),
    (
        "staying-at-collective-sites",
        "Some 2,000 people are staying at collective sites in Dnipro.",
        [(H, P, 2000)],
    ),
    (
        "sheltering-in-facilities",
        "UNRWA said 11,000 people were sheltering in its three remaining facilities in Gaza City.",
        [(H, P, 11000)],
    ),
    # --- negative: sheltering in a place that is no shelter is the population present
    (
        "sheltering-in-basements-is-remaining",
        "500 people remain sheltering in basements.",
        [(R, P, 500)],
    ),
    (
        "sheltering-in-a-city-is-remaining",
        "About 1.4 million displaced people sheltering in Rafah face hunger.",
        [(R, P, 1_400_000)],
    ),
    ("sheltering-actor-is-housed", "UNRWA was sheltering 22,000 people.", [(H, P, 22000)]),
    # --- housed: a place that takes people in (hosting communities, transit centres)
    (
        "has-taken-in",
        "Zaporizhzhia city has taken in 24 thousand IDPs from the occupied areas since 2022.",
        [(H, P, 24000)],
    ),
    ("took-in", "Kharkiv took in 500 evacuees last week.", [(H, P, 500)]),
    (
        "centre-received",
        "The transit centre in Pavlohrad received 2,1 thousand evacuees during the last two weeks.",
        [(H, P, 2100)],
    ),
    ("camp-holds", "The Bakassi camp holds over 40 thousand people.", [(H, P, 40000)]),
    ("shelter-hosts", "The shelter hosts 300 people.", [(H, P, 300)]),
    # --- negative: "taken" without "in" is still a transfer; "received" money is no count
    ("have-taken-out", "Police have taken 30 people out of Kupiansk.", [(E, P, 30)]),
    ("received-money", "Hosts have received UAH 96 million in compensation.", []),
    # --- to_evacuate: subject to relocation, obligation after a participle, a decision
    (
        "subject-to-relocation",
        "According to the administration, 28 children and 41 parents or guardians are "
        "subject to relocation.",
        [(T, C, 28)],
    ),
    (
        "subject-to-resettlement",
        "About 300 residents are subject to mandatory resettlement.",
        [(T, P, 300)],
    ),
    (
        "living-there-must-now-leave",
        "The exclusion zone has been widened to 7 km, and 16,000 residents living inside it "
        "must now leave, a spokesman said.",
        [(T, P, 16000)],
    ),
    (
        "living-nearby-will-have-to-leave",
        "About 300 people living near the dam will have to leave.",
        [(T, P, 300)],
    ),
    (
        "affected-by-the-evacuation-decision",
        "Mandatory evacuation of all residents has been announced in the Bilozerske and "
        "Dobropillia communities. Approximately 16 thousand people are affected by the "
        "decision, including about 700 children.",
        [(T, P, 16000), (T, C, 700)],
    ),
    (
        "affected-by-the-evacuation-orders",
        "About 5,000 people are affected by the evacuation orders.",
        [(T, P, 5000)],
    ),
    (
        "live-in-villages-after-a-forced-evacuation-decision",
        "The regional defence council has decided to forcibly evacuate residents of 10 villages "
        "of the Zolochiv hromada. Around 800 people, 57 of them children, currently live in "
        "these villages, the governor said.",
        [(T, P, 800), (T, C, 57)],
    ),
    # --- negative: a decision that is no evacuation leaves "affected" a distractor; people
    # living in a place with no decision are present
    (
        "affected-by-another-decision",
        "The city decided to close schools. Approximately 16 thousand people are affected by "
        "the decision.",
        [],
    ),
    ("affected-by-the-flood", "61,189 people were affected by the flood.", []),
    (
        "live-in-villages-without-a-decision",
        "Shelling hit 10 villages of the hromada. Around 800 people currently live in these "
        "villages.",
        [(R, P, 800)],
    ),
    # --- evacuated: forced or driven from their homes is displacement
    (
        "forced-from-their-homes",
        "Roughly 17,000 people have now been forced from their homes in Manitoba.",
        [(E, P, 17000)],
    ),
    (
        "driven-out-of-their-homes",
        "About 3,000 people have been driven out of their homes by the floods.",
        [(E, P, 3000)],
    ),
    ("has-n-residents-is-present", "Kramatorsk has 60,000 residents.", [(R, P, 60000)]),
    # --- remaining: a place or administration counting its residents
    (
        "administration-counts-residents",
        "In Slavyansk, the city administration counts some 68-70 thousand residents, and "
        "'every day 150 to 200 people leave'.",
        [(R, P, 68000), (R, P, 70000), (E, P, 150), (E, P, 200)],
    ),
    (
        "city-counted-residents",
        "A month earlier the city counted roughly 11 thousand residents.",
        [(R, P, 11000)],
    ),
    # --- not logged: a verb leaving people in a distractor state; expected departures
    (
        "leaving-people-affected",
        "Flash floods have inundated large parts of Sylhet, the ministry said, leaving some "
        "1.8 million people affected.",
        [],
    ),
    ("left-people-homeless", "The storm left 2,000 people homeless.", []),
    ("left-people-without-power", "The storm left 2,000 people without power.", []),
    ("left-the-town-is-departure", "Yesterday 490 people left the town.", [(E, P, 490)]),
    (
        "rescued-people-trapped",
        "Its boats had rescued 1,7 thousand residents trapped on rooftops.",
        [(E, P, 1700)],
    ),
    (
        "we-expect-n-a-day",
        "'Over the past two days, 1 120 residents have already left Dobropillia, and we expect "
        "300-400 a day from now on,' the head of the administration said.",
        [(E, P, 1120)],
    ),
    ("officials-expect-n", "Officials expect 5,000 more people to leave.", []),
    (
        "expected-to-be-evacuated-is-planned",
        "Another 350 people are expected to be evacuated on Tuesday.",
        [(T, P, 350)],
    ),
    # --- left: a departure with an object, even after an auxiliary "has" in the sentence
    (
        "left-the-town-after-has-intensified",
        "Evacuation from Huliaipole has intensified: over the past three days 140 residents "
        "left the town, yet 'there are still up to 2,5 thousand people there,' he said.",
        [(E, P, 140), (R, P, 2500)],
    ),
    ("there-are-n-left-on", "There are 300 people left on the island.", [(R, P, 300)]),
    (
        "has-n-left-and-n-left-the-town",
        "The town has 300 people left, and yesterday 40 people left the town.",
        [(R, P, 300), (E, P, 40)],
    ),
    (
        "have-now-been-ordered-out",
        "The 4 500 residents of the villages have now been ordered out.",
        [(T, P, 4500)],
    ),
    # --- not logged: a destination subset of a flow counted before (3.7)
    (
        "of-them-have-reached",
        "More than 81,000 people have fled El Fasher since 26 October. An estimated 5 000 of "
        "them have reached Tawila.",
        [(E, P, 81000)],
    ),
    # --- more of the same rules
    ("shelter-houses", "The shelter now houses 120 people.", [(H, P, 120)]),
    ("camp-is-home-to", "The Bakassi camp is home to 40,000 people.", [(H, P, 40000)]),
    ("dormitory-has", "The dormitory has 300 residents.", [(H, P, 300)]),
    ("city-still-home-to", "Kramatorsk is still home to 60,000 people.", [(R, P, 60000)]),
    ("hospital-had-patients", "The hospital had 200 patients.", []),
    (
        "decision-affects",
        "Mandatory evacuation was announced in Pokrovsk. The decision affects about 16,000 people.",
        [(T, P, 16000)],
    ),
    (
        "covered-by-the-decision",
        "Mandatory evacuation was announced in Pokrovsk. About 16,000 people are covered by the "
        "decision.",
        [(T, P, 16000)],
    ),
    (
        "covered-by-the-evacuation",
        "1,000 people are covered by the mandatory evacuation.",
        [(T, P, 1000)],
    ),
    ("uprooted", "500,000 people have been uprooted by the fighting.", [(E, P, 500000)]),
    ("town-numbers-inhabitants", "The town numbers about 5,000 inhabitants.", [(R, P, 5000)]),
    ("hiding-in-basements", "500 people are hiding in basements.", [(R, P, 500)]),
    (
        "affected-by-the-decision-to-evacuate",
        "About 16,000 people are affected by the decision to evacuate Pokrovsk.",
        [(T, P, 16000)],
    ),
    ("are-to-leave", "Some 300 residents are to leave the village by Friday.", [(T, P, 300)]),
    ("are-due-to-leave", "About 400 people are due to leave on Monday.", [(T, P, 400)]),
    (
        "shelter-in-the-metro",
        "About 1,000 people shelter in the metro every night.",
        [(R, P, 1000)],
    ),
    (
        "sheltered-in-basements",
        "Some 2,000 people sheltered in basements during the attack.",
        [(R, P, 2000)],
    ),
    (
        "sheltering-in-a-school-building",
        "Forty families were sheltering in a school building on the edge of town.",
        [(H, F, 40)],
    ),
    ("city-shelters", "The city shelters 5,000 IDPs.", [(H, P, 5000)]),
    (
        "evacuation-covers-residents-of-villages",
        "The evacuation covers 3,000 residents of 12 villages.",
        [(T, P, 3000)],
    ),
    (
        "residents-of-settlements-ordered-out",
        "The remaining 4 500 residents of 32 settlements east of the Oskil have now been ordered "
        "out by the regional defence council.",
        [(T, P, 4500)],
    ),
    ("n-out-of-m-is-derived", "46 out of 47 residents have left.", []),
    ("country-holds-civilians", "Russia holds 300 civilians.", []),
    (
        "camp-alone-holds",
        "The Bakassi camp alone holds over 40 thousand people.",
        [(H, P, 40000)],
    ),
    (
        "staying-at-the-reception-point",
        "About 150 people are staying at the reception point.",
        [(H, P, 150)],
    ),
    ("still-in-the-shelter", "Over 600 evacuees are still in the shelter.", [(H, P, 600)]),
    ("now-in-the-school-gym", "About 300 people are now in the school gym.", [(H, P, 300)]),
    ("still-in-a-city", "About 80 thousand people are still in Kramatorsk.", [(R, P, 80000)]),
    (
        "still-in-the-city-sheltering-in-basements",
        "About 300 people are still in the city, sheltering in basements.",
        [(R, P, 300)],
    ),
    (
        "the-order-covers",
        "Mandatory evacuation was declared in Flin Flon. The order covers roughly 12,000 people.",
        [(T, P, 12000)],
    ),
    ("another-order-covers", "The court order covers roughly 12,000 people.", []),
    ("left-people-stranded", "Floods left 500 people stranded.", []),
    ("we-expect-evacuees", "We expect about 1,000 more evacuees this week.", []),
    # --- evacuated: an evacuee noun outranks a neutral presence verb
    (
        "evacuees-are-from",
        "Roughly 17,000 people have now been forced from their homes in Manitoba. About 2 000 "
        "of the evacuees are from Cross Lake, most of them flown to Winnipeg, where the "
        "convention centre has set up 1,200 cots.",
        [(E, P, 17000), (E, P, 2000)],
    ),
    (
        "there-are-evacuees-in-shelters",
        "There are 2,000 evacuees in shelters in Lviv.",
        [(H, P, 2000)],
    ),
    # --- housed: a relative clause on a shelter-type place counts the people in it
    (
        "where-staying-in-a-shelter",
        "They are brought to an evacuation hub in Izium, where 45 people are staying now.",
        [(H, P, 45)],
    ),
    (
        "where-staying-in-a-city-is-remaining",
        "They are brought to Izium, where 45 people are staying now.",
        [(R, P, 45)],
    ),
    (
        "passed-through-which",
        "Evacuees go to the reception centre in Pavlohrad, through which 1,150 people have "
        "passed this month.",
        [(H, P, 1150)],
    ),
    (
        "live-in-a-sanatorium",
        "Some 74 people live in a former miners' sanatorium near Poltava.",
        [(H, P, 74)],
    ),
    ("home-to-idps", "Pavlohrad is home to about 12,000 IDPs.", [(H, P, 12000)]),
    ("home-to-residents", "Pavlohrad is home to about 12,000 residents.", [(R, P, 12000)]),
    # --- to_evacuate: a presence verb in a zone a decision has just covered (3.2)
    (
        "made-mandatory-then-these-villages",
        "Evacuation of children has been made mandatory in six villages. 41 children live in "
        "these villages.",
        [(T, C, 41)],
    ),
    (
        "must-leave-then-covered-by-the-decision",
        "Families with children must now leave the Balakliia community. 33 children live in "
        "the villages covered by the decision.",
        [(T, C, 33)],
    ),
    (
        "presence-in-the-sentence-after-a-decision",
        "The regional council ordered the mandatory evacuation of nine villages. In the "
        "Kupiansk community, 120 children currently live with their parents.",
        [(T, C, 120)],
    ),
    (
        "presence-after-a-negated-plan-is-remaining",
        "No mandatory evacuation is planned yet. Kherson has 4,000 children.",
        [(R, C, 4000)],
    ),
    (
        "ordered-all-of-the-towns-residents-to-leave",
        "Officials ordered all of the town's roughly 2,100 residents to leave.",
        [(T, P, 2100)],
    ),
    # --- to_evacuate: plans without a copula, decisions in other words, counts they cover
    (
        "headline-infinitive-passive",
        "Over 900 children to be evacuated from Zolochiv area.",
        [(T, C, 900)],
    ),
    (
        "expected-to-be-moved",
        "Officials said 40,000 had been evacuated, and 25,000 residents expected to be moved "
        "are still at home.",
        [(E, P, 40000), (T, P, 25000)],
    ),
    (
        "make-evacuation-mandatory-then-covers",
        "The council decided to make evacuation mandatory in four villages. The decision "
        "covers 140 people.",
        [(T, P, 140)],
    ),
    (
        "formally-advised-then-these-villages",
        "Residents of six villages have been formally advised to evacuate. 58 people live in "
        "these villages.",
        [(T, P, 58)],
    ),
    (
        "orders-for-a-place-on-a-day-affected",
        "The evacuation orders for eastern Mariupol on 3 May affected an estimated 90,000 people.",
        [(T, P, 90000)],
    ),
    (
        "count-in-the-sentence-after-a-decision",
        'The governor ordered the mandatory evacuation of families with children. "We are '
        'talking about 202 children," he said.',
        [(T, C, 202)],
    ),
    (
        "still-in-gives-way-to-a-modal",
        "All 75 children still in the town must be evacuated by Monday.",
        [(T, C, 75)],
    ),
    (
        "living-in-gives-way-to-are-to-be",
        "Of the 900 residents still in the community, 160 living in the villages nearest the "
        "front are to be taken out this week.",
        [(R, P, 900), (T, P, 160)],
    ),
    (
        "there-are-still-after-a-decision-is-remaining",
        "Mandatory evacuation was announced in May. There are still 37 children in the "
        "border villages.",
        [(R, C, 37)],
    ),
    # --- not a count of people placed somewhere
    (
        "waiting-for-housing-is-no-housing",
        "About 60,000 IDP families are waiting in the queue for housing.",
        [],
    ),
    ("people-per-hectare", "The area is crowded, with 1,200 people per hectare.", []),
    (
        "arrivals-are-people",
        "The town has received an estimated 15,000 new arrivals.",
        [(H, P, 15000)],
    ),
    ("left-a-named-city", "About 250,000 people have left Gaza City.", [(E, P, 250000)]),
    # --- parts of a count by origin, and a headline that rounds the body's figure (3.6)
    (
        "parts-by-origin-of-them",
        "Forty people, six of them children, were evacuated over the past day. Eleven of them "
        "came from Kivsharivka and nine from the Borova community.",
        [(E, P, 40), (E, C, 6), (E, P, 11), (E, P, 9)],
    ),
    (
        "headline-rounds-the-body",
        "Over 1,200 children to be evacuated from Kurakhove area. The governor ordered the "
        "mandatory evacuation of families with children from the Pokrovsk district; the "
        "decision covers 1,265 children.",
        [(T, C, 1265)],
    ),
    ("had-driven-south", "About 1 200 people had driven south by nightfall.", [(E, P, 1200)]),
    (
        "alerts-are-no-people",
        "Authorities sent 112 emergency alerts urging residents of several villages to leave.",
        [],
    ),
    (
        "killed-before-the-count",
        "In Mai Mahiu, where a dam breach killed at least 52 people, some 2,000 residents were "
        "evacuated overnight.",
        [(E, P, 2000)],
    ),
    (
        "evacuation-of-n-is-planned",
        "Some 11,000 people have been moved, and the evacuation of another 30,000 from two "
        "districts is planned overnight.",
        [(E, P, 11000), (T, P, 30000)],
    ),
    (
        "gathering-sites",
        "More than 40,000 displaced people are now staying in 26 gathering sites.",
        [(H, P, 40000)],
    ),
    (
        "a-lyceum-dormitory-is-no-school-roll",
        "About 50 people are staying in the dormitory of a lyceum.",
        [(H, P, 50)],
    ),
    (
        "a-towns-population-in-apposition",
        "About 900 people were evacuated from Nysa, a town of 44,000, on Monday.",
        [(E, P, 900)],
    ),
    (
        "built-for-is-capacity",
        "Renk now hosts around 25,000 people at a transit centre built for 3,000.",
        [(H, P, 25000)],
    ),
    (
        "drove-a-family-out-of",
        "Police officers drove a family of four out of Stepanivka.",
        [(E, P, 4)],
    ),
    (
        "part-of-a-places-whole",
        "About 1.7 million of Gaza's 2.1 million people are now estimated to be displaced.",
        [(E, P, 1_700_000)],
    ),
    (
        "refugees-counted-with-no-verb",
        "UNHCR, meanwhile, counts more than 6.9 million refugees from Ukraine recorded globally.",
        [(E, P, 6_900_000)],
    ),
    (
        "a-mother-and-her-children",
        "Yesterday we took out a mother and her four children from Ukrainske.",
        [(E, C, 4)],
    ),
    (
        "the-town-and-its-residents-is-no-count",
        "The town and its 5,000 residents were cut off.",
        [],
    ),
    (
        "before-a-years-invasion",
        "A little over 1,000 residents are left; before the 2022 invasion it had 11,000.",
        [(R, P, 1000)],
    ),
    (
        "before-russias-advance",
        "Before Russia's 2024 advance across the river, about 3,500 people lived there.",
        [],
    ),
    (
        "made-evacuation-mandatory-active",
        "The council has made evacuation of families with children mandatory in nine villages. "
        "Twenty-seven children live in those villages.",
        [(T, C, 27)],
    ),
    ("remain-to-be-taken-out", "In total, 2,413 children remain to be taken out.", [(T, C, 2413)]),
    (
        "signed-up-for-evacuation",
        "But 63 families with 112 children have signed up for the voluntary evacuation programme.",
        [(T, F, 63), (T, C, 112)],
    ),
    (
        "live-in-mandatory-zones",
        "In Hillsborough County alone, some 300,000 residents live in mandatory zones A and B.",
        [(T, P, 300000)],
    ),
    (
        "moved-into-a-dormitory",
        "So far 28 people have moved into a dormitory in Voznesensk.",
        [(H, P, 28)],
    ),
    (
        "moved-to-evacuation-centres-stays-evacuated",
        "In La Castellana, 10,600 residents have been moved to evacuation centres.",
        [(E, P, 10600)],
    ),
    # --- left: a headline "Place: N people left" is a stock
    ("headline-n-left", "Nikopol: about 58 thousand residents left - city head.", [(R, P, 58000)]),
    (
        "headline-n-left-over-the-day",
        "Kharkiv region: 300 people left over the day.",
        [(E, P, 300)],
    ),
    ("yesterday-n-left", "Yesterday 490 people left.", [(E, P, 490)]),
    # --- took shelter / refuge: in a shelter is housed, in a basement is remaining
    ("took-shelter-in-basements", "About 500 people took shelter in basements.", [(R, P, 500)]),
    ("took-refuge-in-a-school", "About 500 people took refuge in a school.", [(H, P, 500)]),
    ("sought-refuge-in-the-church", "About 500 people sought refuge in the church.", [(H, P, 500)]),
    ("took-refuge-abroad", "About 500 people took refuge in Chad.", [(E, P, 500)]),
    ("police-took-people-to", "Police took 17 people to Mykolaiv.", [(E, P, 17)]),
    (
        "shelters-as-a-noun",
        "There are 30 shelters in the city, and 2,000 people stay in them.",
        [(R, P, 2000)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_phrase_gives_expected_figures(text: str, expected: list[Row]) -> None:
    figures = extract(text, published=PUBLISHED).figures
    got = sorted((f.metric, f.population_group, f.value) for f in figures)
    assert got == sorted(expected)


def test_case_names_are_unique() -> None:
    names = [name for name, _, _ in CASES]
    assert len(names) == len(set(names))
