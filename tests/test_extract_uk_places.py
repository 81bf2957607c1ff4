"""Ukrainian place names in any case: the figure's place columns, and the declension
rules checked against the pymorphy3 Ukrainian dictionary."""

from __future__ import annotations

import random
from datetime import date

import pytest

from tracker.extract import extract
from tracker.extract.uk.declension import nominatives

# (phrase, location as written, admin1_name, admin2_name, settlement)
PLACES: list[tuple[str, str, str, str | None, str | None, str | None]] = [
    ("raion-genitive", "З Куп'янського району вивезли 12 людей.", "Куп'янського району",
     "Kharkivska", "Kupianskyi", None),
    ("hromada-locative", "У Вовчанській громаді залишаються 300 людей.", "Вовчанській громаді",
     "Kharkivska", "Chuhuivskyi", "Vovchanska"),
    ("city-genitive", "З Покровська вивезли 40 людей.", "Покровська", "Donetska", "Pokrovskyi",
     "Pokrovsk"),
    ("city-genitive-alternation", "З Миколаєва вивезли 35 людей.", "Миколаєва", "Mykolaivska",
     "Mykolaivskyi", "Mykolaiv"),
    ("city-locative-alternation", "У Миколаєві залишається 220 тис. осіб.", "Миколаєві",
     "Mykolaivska", "Mykolaivskyi", "Mykolaiv"),
    ("city-locative-k-ts", "У Кременчуці розміщено 3964 особи.", "Кременчуці", "Poltavska",
     "Kremenchutskyi", "Kremenchuk"),
    ("city-locative-u", "У Запоріжжі розміщено 20 людей.", "Запоріжжі", "Zaporizka",
     "Zaporizkyi", "Zaporizhzhia"),
    ("region-by-its-centre-po", "По Запоріжжю вивезли 20 людей.", "Запоріжжю", "Zaporizka",
     None, None),
    ("region-by-its-centre-na", "На Харкові залишаються 20 людей.", "Харкові", "Kharkivska",
     None, None),
    ("renamed-city", "У Сєвєродонецьку залишаються 70 людей.", "Сєвєродонецьку", "Luhanska",
     "Siverskodonetskyi", "Siverskodonetsk"),
    ("regional-kharkivshchyna", "На Харківщині залишаються 900 дітей.", "Харківщині",
     "Kharkivska", None, None),
    ("regional-sumshchyna", "Із Сумщини виїхали 100 людей.", "Сумщини", "Sumska", None, None),
    ("regional-donechchyna", "З Донеччини вивезли 500 людей.", "Донеччини", "Donetska", None,
     None),
    ("regional-raion", "З Куп'янщини виїхали 70 людей.", "Куп'янщини", "Kharkivska",
     "Kupianskyi", None),
    ("village-with-raion", "У селі Нова Слобода Конотопського району проживає 300 людей.",
     "Нова Слобода", "Sumska", "Konotopskyi", "Nova Sloboda"),
    ("village-locative-k-ts", "У Борівській громаді, у Богуславці залишається 125 людей.",
     "Богуславці", "Kharkivska", "Iziumskyi", "Bohuslavka"),
    ("elided-level-in-a-list", "З Вознесенського району вивезли 12 людей, з Баштанського – 40 "
     "людей.", "Баштанського", "Mykolaivska", "Bashtanskyi", None),
    ("coordinated-hromadas", "У Білопільській та Ворожбянській громадах залишаються 3000 людей.",
     "Білопільській та Ворожбянській громадах", "Sumska", "Sumskyi", None),
    ("historical-region", "На Закарпатті нині проживає 41 тисяча ВПО.", "Закарпатті",
     "Zakarpatska", None, None),
    ("housed-coordinated-hosts", "У гуртожитках Лозової та Балаклії розміщено 640 людей з "
     "Куп'янська.", "Лозової та Балаклії", "Kharkivska", None, None),
    ("housed-host-not-origin", "Полтавщина прийняла 1 046 евакуйованих із Харківщини.",
     "Полтавщина", "Poltavska", None, None),
    ("oblast-genitive", "З Харківської області вивезли 1500 людей.", "Харківської області",
     "Kharkivska", None, None),
    ("destination-set-aside", "До Харкова з Ізюма вивезли 30 людей.", "Ізюма", "Kharkivska",
     "Iziumskyi", "Izium"),
    ("coordinated-destinations-set-aside", "З Херсона до Миколаєва та Одеси вивезли 320 осіб.",
     "Херсона", "Khersonska", "Khersonskyi", "Kherson"),
    ("districts-of-a-city", "У Херсоні з Дніпровського та Корабельного районів міста вивезли "
     "212 дітей.", "Дніпровського та Корабельного районів міста", "Khersonska", "Khersonskyi",
     "Kherson"),
    ("authority-set-aside", "Голова Харківської ОВА сказав, що з Ізюма вивезли 30 людей.",
     "Ізюма", "Kharkivska", "Iziumskyi", "Izium"),
    ("homonym-settled-by-raion", "У селищі Борова Ізюмського району досі лишається 119 дітей.",
     "Борова", "Kharkivska", "Iziumskyi", "Borova"),
    ("anaphor-the-oblast", "Сумська ОВА повідомила дані. З області виїхали 6176 людей.",
     "області", "Sumska", None, None),
    ("hyphenated-both-parts-decline", "У Куп'янську-Вузловому залишаються 1 200 мешканців.",
     "Куп'янську-Вузловому", "Kharkivska", "Kupianskyi", "Kupiansk-Vuzlovyi"),
    ("two-words-with-alternation", "У Кривому Розі живуть 2 306 людей.", "Кривому Розі",
     "Dnipropetrovska", "Kryvorizkyi", "Kryvyi Rih"),
    ("villages-listed-after-a-preposition-and-adjective", "Поліцейські евакуювали з "
     "деокупованих Циркунів та Руської Лозової 43 мешканців.", "Циркунів та Руської Лозової",
     "Kharkivska", "Kharkivskyi", None),
    ("the-hromada-as-a-subject", "Первомайська громада на Миколаївщині прихистила 6 тисяч "
     "переселенців. "
     "Щодня громада поселяє ще 45 людей.", "громада", "Mykolaivska", "Pervomaiskyi",
     "Pervomaiska"),
    ("housed-host-not-coordinated-origins", "Валківська громада прийняла 1 274 евакуйованих з "
     "Ізюмського та Куп'янського районів.", "Валківська громада", "Kharkivska", "Bohodukhivskyi",
     "Valkivska"),
    ("fire-from-a-region-is-no-origin", "Голова Галицинівської громади розповів про евакуацію. "
     "З 1 липня, коли обстріли з боку Херсонщини посилилися, звідси виїхали 1 037 мешканців.",
     "Галицинівської громади", "Mykolaivska", "Mykolaivskyi", "Halytsynivska"),
    ("housed-here-not-where-from", "Самарівська громада на Дніпропетровщині допомагає "
     "переселенцям. У травні громада прийняла ще 163 евакуйованих з Покровського району.",
     "громада", "Dnipropetrovska", "Samarivskyi", "Samarivska"),
    ("village-after-its-headman", "Староста Піщаного сказав, що в селі залишаються 40 людей. "
     "Піщане Куп'янського району обстрілюють щодня.", "селі", "Kharkivska", "Kupianskyi",
     "Pishchane"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "location", "admin1", "admin2", "settlement"),
    [p[1:] for p in PLACES],
    ids=[p[0] for p in PLACES],
)
def test_place_in_any_case_is_resolved(
    text: str, location: str, admin1: str, admin2: str | None, settlement: str | None
) -> None:
    figures = extract(text, published=date(2025, 6, 1), lang="uk").figures
    figure = figures[-1]
    assert (figure.location, figure.admin1_name, figure.admin2_name, figure.settlement) == (
        location,
        admin1,
        admin2,
        settlement,
    )
    if admin2 is not None:
        assert figure.admin2_pcode is not None
        assert figure.admin2_pcode.startswith(figure.admin1_pcode or "-")


def test_ambiguous_names_settle_each_other() -> None:
    text = "Із села Запсілля вивезли трьох дітей. З Миропільської громади евакуйовано 47 осіб."
    figures = extract(text, lang="uk").figures
    assert [(f.admin1_name, f.admin2_name) for f in figures] == [("Sumska", "Sumskyi")] * 2


def test_a_name_read_again_is_read_as_before() -> None:
    text = (
        "У Миколаївці Краматорського району перебувають 4 тисячі мешканців. "
        "Із Білозерської громади вивезли 9 осіб, а з Миколаївки — 12."
    )
    figures = extract(text, lang="uk").figures
    assert [(f.value, f.admin2_name) for f in figures] == [
        (4000, "Kramatorskyi"),
        (9, "Pokrovskyi"),
        (12, "Kramatorskyi"),
    ]


def test_a_village_the_text_does_not_settle_is_left_ambiguous() -> None:
    # Six villages are called Дар'ївка, in six raions; nothing in the text chooses one.
    (figure,) = extract("З Дар'ївки виїхали 96 людей.", lang="uk").figures
    assert (figure.location, figure.place_match, figure.admin2_name) == (
        "Дар'ївки",
        "ambiguous",
        None,
    )
    assert "fit the text alike" in figure.place_note


def test_a_persons_name_is_no_place() -> None:
    (figure,) = extract(
        "Заступник голови Володимир Мацокін розповів, що евакуювали 250 людей.", lang="uk"
    ).figures
    assert (figure.admin1_name, figure.settlement) == (None, None)


@pytest.mark.parametrize(
    ("word", "nominative"),
    [
        ("Ізюма", "Ізюм"),
        ("Харкова", "Харків"),
        ("Снігурівці", "Снігурівка"),
        ("Слободи", "Слобода"),
        ("Нової", "Нова"),
        ("Ізюмському", "Ізюмське"),
        ("Сумах", "Суми"),
        ("Ясенця", "Ясенець"),
        ("Коржів", "Коржі"),
        ("Заруддям", "Заруддя"),
    ],
)
def test_declension_rules_give_the_nominative(word: str, nominative: str) -> None:
    assert nominative in nominatives(word)


def test_declension_rules_agree_with_the_pymorphy3_dictionary() -> None:
    """The rules recover the nominative of at least 95% of the genitive, dative, locative
    and instrumental forms that pymorphy3 makes of gazetteer names (a seeded sample)."""
    pymorphy3 = pytest.importorskip("pymorphy3")
    from tracker.places import places

    morph = pymorphy3.MorphAnalyzer(lang="uk")
    gazetteer = places().gazetteer
    names = gazetteer.native_names(("city", "town", "village", "hromada", "raion"))
    checked = recovered = 0
    for name in random.Random(12).sample(names, 400):
        parses = [p for p in morph.parse(name) if p.normal_form == name.lower()]
        for case in ("gent", "datv", "loct", "ablt") if parses else ():
            form = parses[0].inflect({case})
            if form is None:
                continue
            checked += 1
            recovered += name in nominatives(name[0] + form.word[1:])
    assert checked > 1000
    assert recovered / checked >= 0.95
