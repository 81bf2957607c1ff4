"""The Ukrainian phrase table: one row per phenomenon that the Ukrainian rules read.

Each row is a phrase and the (metric, group, value, qualifier, since) tuples it must give,
in any order. Publication date for every row: 2025-06-01 (see PUBLISHED). The phrases are
written for this table, not taken from the evaluation sets.
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker.extract import extract

PUBLISHED = date(2025, 6, 1)
WAR = date(2022, 2, 24)

E, R, T, H = "evacuated", "remaining", "to_evacuate", "housed"
P, C, F = "people", "children", "families"
X, A, L, M = "exact", "approx", "at_least", "at_most"

Row = tuple[str, str, int, str, date | None]

CASES: list[tuple[str, str, list[Row]]] = [
    # --- digits and separators
    ("digits-plain", "З громади евакуювали 412 людей.", [(E, P, 412, X, None)]),
    ("digits-space", "З області вивезли 15 031 людину.", [(E, P, 15031, X, None)]),
    ("digits-nbsp", "З області вивезли 1\u00a0282 особи.", [(E, P, 1282, X, None)]),
    ("digits-thin-space", "З області вивезли 2\u2009045 мешканців.", [(E, P, 2045, X, None)]),
    ("digits-narrow-nbsp", "З міста виїхали 3\u202f110 жителів.", [(E, P, 3110, X, None)]),
    ("decimal-thousand-abbr", "З району вивезли 1,5 тис. осіб.", [(E, P, 1500, X, None)]),
    ("decimal-thousand-word", "З району виїхали 2,3 тисячі людей.", [(E, P, 2300, X, None)]),
    ("thousand-word-digits", "З району вивезли 7 тисяч людей.", [(E, P, 7000, X, None)]),
    ("thousand-genitive-sic", "Із міста вивезли 2 тисяч осіб.", [(E, P, 2000, X, None)]),
    ("thousand-and-rest", "У громаді залишаються 3 тис. 412 людей.", [(R, P, 3412, X, None)]),
    ("thousand-and-rest-no-dot", "Вчора вивезли 2 тис 17 людей.", [(E, P, 2017, X, None)]),
    ("decimal-point-thousand", "З району вивезли 1.5 тис. осіб.", [(E, P, 1500, X, None)]),
    ("million-abbr", "З регіону виїхали 1,2 млн людей.", [(E, P, 1_200_000, X, None)]),
    (
        "million-and-thousands",
        "З регіону виїхали 1 млн 200 тис. людей.",
        [(E, P, 1_200_000, X, None)],
    ),
    # --- number words in case and gender
    ("word-two-feminine", "У селі залишаються дві родини.", [(R, F, 2, X, None)]),
    ("word-three-families", "Із села мають виїхати три родини.", [(T, F, 3, X, None)]),
    ("word-collective-five", "У селі залишаються п'ятеро дітей.", [(R, C, 5, X, None)]),
    ("word-collective-two", "Із села вивезли двоє дітей.", [(E, C, 2, X, None)]),
    ("word-collective-nine", "Вчора евакуювали дев'ятеро дітей.", [(E, C, 9, X, None)]),
    ("word-hundreds-nominative", "З громади вивезли двісті людей.", [(E, P, 200, X, None)]),
    (
        "word-hundreds-genitive",
        "Евакуації підлягають понад двохсот мешканців.",
        [(T, P, 200, L, None)],
    ),
    (
        "word-thousands-genitive",
        "З міста виїхали близько двох тисяч людей.",
        [(E, P, 2000, A, None)],
    ),
    (
        "word-thousands-and-rest",
        "З району вивезли одну тисячу сімсот людей.",
        [(E, P, 1700, X, None)],
    ),
    (
        "word-thousand-alone",
        "З району вивезли тисяча сімсот двадцять людей.",
        [(E, P, 1720, X, None)],
    ),
    ("word-a-thousand", "З громади виїхали понад тисячу людей.", [(E, P, 1000, L, None)]),
    ("word-tens-and-units", "Із села вивезли двадцять три дитини.", [(E, C, 23, X, None)]),
    ("word-half-hundred", "У селі лишається півсотні мешканців.", [(R, P, 50, A, None)]),
    ("word-four-thousand", "У громаді залишається чотири тисячі дітей.", [(R, C, 4000, X, None)]),
    # --- vague quantities are no numbers
    ("vague-hundreds", "Із міста виїхали сотні людей.", []),
    ("vague-dozens", "У селах залишаються десятки родин.", []),
    ("vague-thousands", "Тисячі людей виїхали з області.", []),
    ("vague-several", "Кілька родин досі залишаються в селі.", []),
    # --- hedges
    ("hedge-ponad", "З громади вивезли понад 200 людей.", [(E, P, 200, L, None)]),
    ("hedge-bilshe", "З громади вивезли більше 300 осіб.", [(E, P, 300, L, None)]),
    ("hedge-bilsh-yak", "Вивезуть більш як 3 тисяч дітей.", [(T, C, 3000, L, None)]),
    (
        "hedge-shchonaimenshe",
        "У місті досі залишаються щонайменше 5 тисяч людей.",
        [(R, P, 5000, L, None)],
    ),
    ("hedge-blyzko", "У місті залишається близько 7 тисяч людей.", [(R, P, 7000, A, None)]),
    ("hedge-pryblyzno", "У місті залишається приблизно 220 тис. осіб.", [(R, P, 220_000, A, None)]),
    ("hedge-orientovno", "У селі проживає орієнтовно 90 людей.", [(R, P, 90, A, None)]),
    ("hedge-des", "У громаді лишається десь 5200 осіб.", [(R, P, 5200, A, None)]),
    ("hedge-maizhe", "З міста виїхали майже 1200 людей.", [(E, P, 1200, M, None)]),
    ("hedge-do", "У місті лишилося до 40 тис. жителів.", [(R, P, 40_000, M, None)]),
    ("hedge-ne-bilshe", "У місті лишилося не більше 3000 жителів.", [(R, P, 3000, M, None)]),
    ("hedge-menshe", "У селищі лишалося менше 20 тис. людей.", [(R, P, 20_000, M, None)]),
    ("hedge-trokhy-bilshe", "У селі залишається трохи більше 400 людей.", [(R, P, 400, L, None)]),
    (
        "hedge-scope-one-number",
        "Близько 3000 мешканців залишається у громаді, а в селі – 835 осіб.",
        [(R, P, 3000, A, None), (R, P, 835, X, None)],
    ),
    # --- ranges
    ("range-hyphen", "Щодоби виїжджає 300-400 осіб.", [(E, P, 300, L, None), (E, P, 400, M, None)]),
    (
        "range-en-dash",
        "Щодня виїжджають 200–300 людей.",
        [(E, P, 200, L, None), (E, P, 300, M, None)],
    ),
    (
        "range-vid-do",
        "Щодня виїжджають від 500 до 600 людей.",
        [(E, P, 500, L, None), (E, P, 600, M, None)],
    ),
    (
        "range-with-scale",
        "На зиму виїжджають 10-15 тисяч людей.",
        [(E, P, 10_000, L, None), (E, P, 15_000, M, None)],
    ),
    (
        "range-hedge-ignored",
        "Щодня виїжджають близько 500-600 осіб.",
        [(E, P, 500, L, None), (E, P, 600, M, None)],
    ),
    # --- evacuated verbs and forms
    ("evacuated-passive", "З Куп'янського району евакуйовано 96 людей.", [(E, P, 96, X, None)]),
    ("evacuated-passive-vyvezeno", "Звідти вже вивезено 378 дітей.", [(E, C, 378, X, None)]),
    ("evacuated-plural-past", "Правоохоронці евакуювали 40 мешканців.", [(E, P, 40, X, None)]),
    ("evacuated-vyvezly", "За день вивезли 57 людей.", [(E, P, 57, X, None)]),
    ("evacuated-vyikhaly", "З прикордоння виїхали 18 людей.", [(E, P, 18, X, None)]),
    ("evacuated-vyikhalo-neuter", "З громади виїхало 64 особи.", [(E, P, 64, X, None)]),
    ("evacuated-left-homes", "Домівки покинули вже 80 тисяч жителів.", [(E, P, 80_000, X, None)]),
    ("evacuated-left-place", "Громаду залишили понад 2 тис. осіб.", [(E, P, 2000, L, None)]),
    ("evacuated-managed", "Вдалося евакуювати 16 осіб.", [(E, P, 16, X, None)]),
    ("evacuated-flow", "Нині щодня виїжджає 150 осіб.", [(E, P, 150, X, None)]),
    (
        "evacuated-evacuees-noun",
        "З початку року на Чернігівщині вже 76 евакуйованих.",
        [(E, P, 76, X, date(2025, 1, 1))],
    ),
    ("evacuated-delivered", "Потяг доставив до Львова 300 переселенців.", [(E, P, 300, X, None)]),
    ("evacuated-delivered-plural", "До Львова доставили 300 переселенців.", [(E, P, 300, X, None)]),
    ("evacuated-carried", "Волонтери перевезли 45 людей.", [(E, P, 45, X, None)]),
    # --- remaining
    ("remaining-refuse-to-leave", "Відмовляються виїжджати 150 людей.", [(R, P, 150, X, None)]),
    ("remaining-zalyshaiutsia", "У селі залишаються 274 мешканці.", [(R, P, 274, X, None)]),
    ("remaining-lyshaietsia", "У селищі досі лишається 119 дітей.", [(R, C, 119, X, None)]),
    ("remaining-zalyshylosia", "У місті залишилося 1400 людей.", [(R, P, 1400, X, None)]),
    ("remaining-past-imperfective", "Тоді в місті лишалося 900 людей.", [(R, P, 900, X, None)]),
    (
        "remaining-presence-no-order",
        "У громаді проживають близько 2,5 тис. людей.",
        [(R, P, 2500, A, None)],
    ),
    ("remaining-perebuvaie", "Зараз у громаді перебуває 4 тис. 83 дітей.", [(R, C, 4083, X, None)]),
    (
        "remaining-population-noun",
        "Місто має наявного населення понад 7000.",
        [(R, P, 7000, L, None)],
    ),
    # --- to_evacuate
    ("to-evacuate-treba", "Звідти треба вивезти 134 дитини.", [(T, C, 134, X, None)]),
    ("to-evacuate-maiut", "З громади мають вивезти 651 дитину.", [(T, C, 651, X, None)]),
    ("to-evacuate-planuiut", "Усього планують вивезти 68 осіб.", [(T, P, 68, X, None)]),
    (
        "to-evacuate-zalyshylosia-vyvezty",
        "Залишилося вивезти ще 120 людей.",
        [(T, P, 120, X, None)],
    ),
    (
        "to-evacuate-infinitive-first",
        "Евакуювати залишається ще 652 дитини.",
        [(T, C, 652, X, None)],
    ),
    (
        "to-evacuate-pidliahaiut",
        "Евакуації підлягають понад 86 тисяч мешканців.",
        [(T, P, 86_000, L, None)],
    ),
    (
        "to-evacuate-potrebuiut",
        "Ще 5 тисяч людей досі потребують евакуації.",
        [(T, P, 5000, X, None)],
    ),
    ("to-evacuate-future", "Із громад вивезуть 2 463 дітей.", [(T, C, 2463, X, None)]),
    ("to-evacuate-decision-covers", "Рішення охоплює 300 дітей.", [(T, C, 300, X, None)]),
    (
        "to-evacuate-presence-under-order",
        "Оголосили обов'язкову евакуацію з села. У селі проживає близько 300 людей.",
        [(T, P, 300, A, None)],
    ),
    (
        "remaining-presence-no-order-negated",
        "Обов'язкової евакуації не оголошено. У громаді проживає щонайменше 2 тис. 400 людей.",
        [(R, P, 2400, L, None)],
    ),
    (
        "to-evacuate-presence-order-after-noun",
        "Обов'язкову евакуацію оголосили для шести сіл. Там проживають 523 людини.",
        [(T, P, 523, X, None)],
    ),
    (
        "remaining-presence-running-evacuation",
        "Триває евакуація з прибережних сіл. У Херсоні мешкає близько 75 тисяч людей.",
        [(R, P, 75_000, A, None)],
    ),
    (
        "remaining-presence-possible-order",
        "Можуть оголосити загальну евакуацію. У громаді проживає близько 900 людей.",
        [(R, P, 900, A, None)],
    ),
    (
        "remaining-people-under-children-order",
        "Ухвалили рішення про обов'язкову евакуацію сімей з дітьми. У громаді мешкають 700 людей.",
        [(R, P, 700, X, None)],
    ),
    # --- housed
    ("housed-rozmishcheno", "У гуртожитках розміщено 230 переселенців.", [(H, P, 230, X, None)]),
    (
        "housed-poselyly",
        "До центру звернулося 94 особи, і всіх їх поселили.",
        [(H, P, 94, X, None)],
    ),
    (
        "housed-prykhystyly",
        "Громада прихистила 150 людей, а школа прийняла 23 особи.",
        [(H, P, 150, X, None), (H, P, 23, X, None)],
    ),
    ("housed-register", "На обліку перебуває 3964 особи.", [(H, P, 3964, X, None)]),
    (
        "housed-temporary-accommodation",
        "У закладах тимчасового розміщення живе 479 осіб.",
        [(H, P, 479, X, None)],
    ),
    (
        "housed-compact-living",
        "У місцях компактного проживання мешкають 1200 ВПО.",
        [(H, P, 1200, X, None)],
    ),
    (
        "housed-displaced-live",
        "В області нині проживають понад 350 тисяч ВПО.",
        [(H, P, 350_000, L, None)],
    ),
    (
        "housed-facility-presence",
        "У гуртожитках нині живуть близько 450 людей.",
        [(H, P, 450, A, None)],
    ),
    (
        "housed-passed-through",
        "Через транзитний центр за добу пройшли 1 104 особи.",
        [(H, P, 1104, X, None)],
    ),
    ("housed-arrived", "До міста за вихідні прибули 142 евакуйовані.", [(H, P, 142, X, None)]),
    (
        "housed-host-region",
        "Одещина прийняла ще близько 3 тис. переселенців.",
        [(H, P, 3000, A, None)],
    ),
    ("remaining-still-presence", "Там ще перебувають 104 дитини.", [(R, C, 104, X, None)]),
    ("remaining-historical-past", "Ще в червні тут жило майже 12 тисяч.", []),
    (
        "remaining-historical-past-noun",
        "Ще в червні тут жило майже 12 тисяч людей.",
        [(R, P, 12_000, M, None)],
    ),
    ("to-evacuate-waiting", "Ще півсотні людей чекають на евакуацію.", [(T, P, 50, A, None)]),
    (
        "list-line-carries-event",
        "Залишаються 1 150 цивільних. Сіверська громада — 2 700 мешканців.",
        [(R, P, 1150, X, None), (R, P, 2700, X, None)],
    ),
    (
        "pre-war-marker-after-number",
        "Мешкає 30 тис. людей — 66% довоєнного населення.",
        [(R, P, 30_000, X, None)],
    ),
    ("pre-war-before-invasion", "До вторгнення тут мешкали понад 12 тисяч людей.", []),
    (
        "word-collective-twelve",
        "Евакуйовано 47 осіб, із них дванадцятеро дітей.",
        [(E, P, 47, X, None), (E, C, 12, X, None)],
    ),
    # --- groups
    ("group-osib", "Із села вивезли 12 осіб.", [(E, P, 12, X, None)]),
    ("group-meshkantsiv", "Із села вивезли 12 мешканців.", [(E, P, 12, X, None)]),
    ("group-zhyteliv-adjective", "Вдалося вивезти 1500 місцевих жителів.", [(E, P, 1500, X, None)]),
    ("group-tsyvilnykh", "Із міста евакуювали 25 цивільних.", [(E, P, 25, X, None)]),
    ("group-demonym", "Евакуювали приблизно 250 ізюмчан.", [(E, P, 250, A, None)]),
    ("group-dytyna-singular", "Вивезли 21 дитину.", [(E, C, 21, X, None)]),
    ("group-malolitnikh", "Евакуювали 14 малолітніх.", [(E, C, 14, X, None)]),
    ("group-nepovnolitnikh", "Вивезли 17 неповнолітніх.", [(E, C, 17, X, None)]),
    ("group-simei", "Виїхали 23 сім'ї.", [(E, F, 23, X, None)]),
    ("group-rodyn", "Евакуювали 40 родин.", [(E, F, 40, X, None)]),
    # --- breakdowns
    (
        "breakdown-z-nykh",
        "Вивезли 5 766 людей, з них 213 — діти.",
        [(E, P, 5766, X, None), (E, C, 213, X, None)],
    ),
    (
        "breakdown-u-tomu-chysli",
        "Евакуйовано 1433 людини, у тому числі 343 дитини.",
        [(E, P, 1433, X, None), (E, C, 343, X, None)],
    ),
    (
        "breakdown-v-tomu-chysli",
        "Виїхали 6176 людей, в тому числі 1002 дітей.",
        [(E, P, 6176, X, None), (E, C, 1002, X, None)],
    ),
    (
        "breakdown-sered-nykh",
        "Вивезли 800 людей, серед них 90 дітей.",
        [(E, P, 800, X, None), (E, C, 90, X, None)],
    ),
    (
        "breakdown-sered-yakykh",
        "Вивезли 75 людей, серед яких двоє дітей.",
        [(E, P, 75, X, None), (E, C, 2, X, None)],
    ),
    (
        "breakdown-zokrema",
        "Евакуювали 300 осіб, зокрема 45 дітей.",
        [(E, P, 300, X, None), (E, C, 45, X, None)],
    ),
    (
        "breakdown-u-yakykh",
        "У селі залишаються дві родини, у яких п'ятеро дітей.",
        [(R, F, 2, X, None), (R, C, 5, X, None)],
    ),
    (
        "breakdown-z-yakykh-after",
        "Ще 718 людей, 178 з яких діти, залишили громади.",
        [(E, P, 718, X, None), (E, C, 178, X, None)],
    ),
    (
        "breakdown-ellipsis-same-clause",
        "Треба вивезти 217 дітей, а станом на ранок вивезли 43.",
        [(T, C, 217, X, None), (E, C, 43, X, None)],
    ),
    (
        "breakdown-adults-beside-children",
        "Планують вивезти 28 дорослих та 40 дітей.",
        [(T, C, 40, X, None)],
    ),
    (
        "breakdown-hedged-part",
        "Проживають понад 350 тисяч ВПО, з них майже 80 тисяч дітей.",
        [(H, P, 350_000, L, None), (H, C, 80_000, M, None)],
    ),
    (
        "breakdown-bare-before-verb",
        "Школа прийняла 23 особи, ще 14 оселилися в квартирах.",
        [(H, P, 23, X, None), (H, P, 14, X, None)],
    ),
    (
        "ellipsis-counts-buses",
        "З десятків автобусів прорватися вдалося всього 6, і вони вивезли 250 людей.",
        [(E, P, 250, X, None)],
    ),
    (
        "list-under-heading",
        "Евакуація за минулу добу:\n• Покровська громада — 45 осіб;\n• Мирноградська громада — "
        "12 осіб, з них 3 дитини.",
        [(E, P, 45, X, None), (E, P, 12, X, None), (E, C, 3, X, None)],
    ),
    (
        "housed-evacuees-noun-under-verb",
        "У громаді розмістили понад 600 евакуйованих з Куп'янщини.",
        [(H, P, 600, L, None)],
    ),
    # --- restatements
    (
        "restated-round-words",
        "У громаді залишається чотири тисячі дітей. Зараз там перебуває 4 тис. 83 дітей.",
        [(R, C, 4083, X, None)],
    ),
    (
        "restated-decimal-scale",
        "Вивезли 5,8 тис людей. Уточнено: вивезли 5 766 людей.",
        [(E, P, 5766, X, None)],
    ),
    (
        "not-restated-hedged-total",
        "Вивезуть більше 3 тисяч дітей: з громад мають вивезти 2 463 дітей.",
        [(T, C, 3000, L, None), (T, C, 2463, X, None)],
    ),
    (
        "range-not-restated-by-another",
        "Евакуювалося 500-540 осіб на місяць. Нині виїжджає 500-600 осіб на добу.",
        [(E, P, 500, L, None), (E, P, 540, M, None), (E, P, 500, L, None), (E, P, 600, M, None)],
    ),
    (
        "scale-abbreviation-ends-sentence",
        "Вивезли 400 людей, а лишалося менше 20 тис. Після ремонту вивезли 30 людей.",
        [(E, P, 400, X, None), (R, P, 20_000, M, None), (E, P, 30, X, None)],
    ),
    (
        "parts-of-a-total-at-one-place",
        "З Куп'янського району евакуйовано 1433 людини. Звідти вивезено 715 людей, ще 718 людей "
        "залишили район самостійно.",
        [(E, P, 1433, X, None)],
    ),
    (
        "parts-at-places-of-their-own",
        "З області виїхали 269 людей: з Краснопільської громади – 158, з Білопільської – 41, "
        "з Ворожбянської – 70.",
        [(E, P, 269, X, None), (E, P, 158, X, None), (E, P, 41, X, None), (E, P, 70, X, None)],
    ),
    (
        "breakdown-abbreviated",
        "Евакуйовано 1 436 осіб (у т.ч. 128 дітей).",
        [(E, P, 1436, X, None), (E, C, 128, X, None)],
    ),
    ("group-cholovik-as-people", "Із села вивезли 50 чоловік.", [(E, P, 50, X, None)]),
    # --- distractors
    (
        "distractor-killed-wounded",
        "Загинули 3 людини, 12 поранені. Вивезли 40 людей.",
        [(E, P, 40, X, None)],
    ),
    ("distractor-km", "Із 5-км зони вивезли 31 дитину.", [(E, C, 31, X, None)]),
    ("distractor-settlements", "Евакуацію оголосили у 40 населених пунктах.", []),
    ("distractor-hromadas", "Евакуація триває у 15-ти громадах.", []),
    ("distractor-hryvnias", "На евакуацію виділили 500 тисяч гривень.", []),
    ("distractor-drones", "Росіяни атакували 40 дронами, вивезли 12 людей.", [(E, P, 12, X, None)]),
    ("distractor-age", "Поранено 57-річну жінку; евакуювали 8 людей.", [(E, P, 8, X, None)]),
    ("distractor-date", "17 липня з міста вивезли 30 людей.", [(E, P, 30, X, None)]),
    (
        "distractor-time",
        "Коридор працював з 9:00 до 21:00, вивезли 250 людей.",
        [(E, P, 250, X, None)],
    ),
    ("distractor-buses", "44 евакуаційні автобуси вирушили з міста.", []),
    ("distractor-percentage", "Уже виїхали 58% мешканців.", []),
    ("distractor-ordinal", "Село стало 202-м населеним пунктом, звідки евакуюють людей.", []),
    (
        "distractor-hotline",
        "Телефонуйте на гарячу лінію 0 800 300 557, вивезли 20 людей.",
        [(E, P, 20, X, None)],
    ),
    ("distractor-pre-war", "До війни в місті жило 70 тисяч людей.", []),
    (
        "distractor-pre-war-former",
        "Від колишніх 13 тисяч населення в місті лишилося 3000 жителів.",
        [(R, P, 3000, X, None)],
    ),
    ("distractor-orphans", "Треба вивезти 113 дітей-сиріт.", []),
    ("distractor-limited-mobility", "Евакуація стосується 12 маломобільних жителів.", []),
    (
        "distractor-refers-back",
        "Вивезли 18 людей. Усі 18 людей походять із двох сіл.",
        [(E, P, 18, X, None)],
    ),
    # --- decisions read from a forced-evacuation adverb or adjective (guidelines 3.2)
    (
        "forced-adverb-then-presence",
        "У громаді примусово евакуюють дітей з 5 сіл. Там нині проживають 31 дитина.",
        [(T, C, 31, X, None)],
    ),
    (
        "forced-infinitive-families-with-children",
        "Рада вирішила примусово евакуювати родини з дітьми з трьох сіл. Там перебувають 14 дітей.",
        [(T, C, 14, X, None)],
    ),
    (
        "forced-evacuation-not-declared",
        "У громаді проживає 900 людей, однак обов'язкової евакуації не оголошено.",
        [(R, P, 900, X, None)],
    ),
    # --- housed: registered displaced people and temporary-stay points
    (
        "registered-displaced",
        "У місті зареєстровано 12 тис. внутрішньо переміщених осіб.",
        [(H, P, 12000, X, None)],
    ),
    (
        "thousand-abbr-before-an-acronym",
        "У громаді нині мешкає понад 4 тис. ВПО.",
        [(H, P, 4000, L, None)],
    ),
    (
        "temporary-stay-points",
        "У 12 пунктах тимчасового перебування живуть 640 людей.",
        [(H, P, 640, X, None)],
    ),
    (
        "metro-stations",
        "На станціях київського метро ночують близько 900 людей.",
        [(H, P, 900, A, None)],
    ),
    # --- people named after their town; passengers; a running flow of housing
    ("demonym-of-a-city", "Область прийняла 702 херсонців.", [(H, P, 702, X, None)]),
    (
        "demonym-with-apostrophe",
        "На станціях метро живуть близько 2,5 тис. харків'ян.",
        [(H, P, 2500, A, None)],
    ),
    ("fighters-are-no-demonym", "Бригада втратила 40 бійців.", []),
    ("passengers", "Потягом виїхали 184 пасажири.", [(E, P, 184, X, None)]),
    ("housed-present-flow", "Щодня громада поселяє ще 45 людей.", [(H, P, 45, X, None)]),
    # --- the time before the war; parts that are no group of people
    (
        "pre-war-year-genitive",
        "У громаді залишається 1 080 мешканців, хоча до 2022-го тут жило понад 5 тисяч.",
        [(R, P, 1080, X, None)],
    ),
    (
        "dash-part-by-train",
        "Регіон залишили 113 тис. мешканців, з них 61 тис. — евакуаційними потягами.",
        [(E, P, 113_000, X, None)],
    ),
    (
        "dash-part-limited-mobility",
        "Місто залишили 1 700 людей. 400 з них — діти, ще 110 — маломобільні.",
        [(E, C, 400, X, None), (E, P, 1700, X, None)],
    ),
    (
        "part-after-a-pre-war-aside",
        "Зараз тут перебувають близько 7 тисяч людей (до війни — понад 20 тис.), з них "
        "щонайменше 200 дітей.",
        [(R, C, 200, L, None), (R, P, 7000, A, None)],
    ),
    (
        "forced-evacuation-already-running",
        "У селі проживає 62 особи. Обов'язкова евакуація з п'ятикілометрової зони триває.",
        [(R, P, 62, X, None)],
    ),
    (
        "one-actor-past-and-ages",
        "Екіпаж вивіз із села родину з трьома дітьми віком 2, 5 та 9 років.",
        [(E, C, 3, X, None)],
    ),
    (
        "decision-concerned-past",
        "Примусова евакуація родин з дітьми стосувалася 131 дитини.",
        [(T, C, 131, X, None)],
    ),
    (
        "displaced-person-nominative",
        "За програмою безоплатно проживають 38 641 внутрішньо переміщена особа.",
        [(H, P, 38641, X, None)],
    ),
    (
        "families-with-a-plural-adjective",
        "Звідси вивезли 11 мешканців — дві багатодітні родини.",
        [(E, F, 2, X, None), (E, P, 11, X, None)],
    ),
    (
        "hosts-gave-housing",
        "Для них облаштували 2 гуртожитки, а 35 місцевих родин безоплатно надали житло.",
        [],
    ),
    (
        "group-noun-before-a-dash",
        "У селах громади лишається приблизно 4 тисячі людей, дітей — 260.",
        [(R, C, 260, X, None), (R, P, 4000, A, None)],
    ),
    ("capacity-designed-for", "Транзитний центр розрахований на 120 осіб.", []),
    ("managed-to-get-out", "З села вдалося вибратися 21 людині.", [(E, P, 21, X, None)]),
    # --- since and periods
    ("since-z-date", "З 5 травня вивезли майже 1200 людей.", [(E, P, 1200, M, date(2025, 5, 5))]),
    ("since-year-start", "З початку року вивезли 400 людей.", [(E, P, 400, X, date(2025, 1, 1))]),
    ("since-war", "За час війни домівки покинули вже 80 тисяч жителів.", [(E, P, 80_000, X, WAR)]),
    (
        "since-numeric-date",
        "З початку евакуації (28.08.23) виїхали 6176 людей.",
        [(E, P, 6176, X, date(2023, 8, 28))],
    ),
    ("since-previous-year", "З 10 грудня вивезли 300 людей.", [(E, P, 300, X, date(2024, 12, 10))]),
]


def _tuples(text: str) -> list[Row]:
    figures = extract(text, published=PUBLISHED, lang="uk").figures
    rows = [(f.metric, f.population_group, f.value, f.qualifier, f.since) for f in figures]
    return sorted(rows, key=lambda r: (*r[:4], r[4] or date.min))


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_phrase_gives_expected_figures(text: str, expected: list[Row]) -> None:
    assert _tuples(text) == sorted(expected, key=lambda r: (*r[:4], r[4] or date.min))


def test_table_covers_enough_phenomena() -> None:
    assert len(CASES) >= 80
    assert len({name for name, _, _ in CASES}) == len(CASES)


def test_the_prykhystok_programme_is_named_on_its_housed_figure() -> None:
    text = "На Закарпатті за програмою «Прихисток» нині проживає 41 тисяча ВПО."
    extraction = extract(text, published=PUBLISHED)
    assert extraction.programmes == ["Shelter"]
    assert [(f.metric, f.value, f.programme) for f in extraction.figures] == [
        ("housed", 41_000, "Shelter")
    ]


def test_a_shelter_that_is_no_programme_names_none() -> None:
    extraction = extract("У тимчасових прихистках міста перебувають 3,2 тис. людей.")
    assert extraction.programmes == []
    assert [(f.metric, f.value) for f in extraction.figures] == [("housed", 3200)]
