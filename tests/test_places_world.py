"""First-level units of every country, names with joining words, generic words and rivers."""

from __future__ import annotations

import pytest

from tracker.places import find_mentions, resolve


@pytest.fixture(autouse=True)
def _no_user_gazetteers(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    monkeypatch.setenv("TRACKER_PLACES_DIR", str(tmp_path_factory.mktemp("places")))


def _found(text: str) -> list[tuple[str, str | None]]:
    return [
        (m.surface, m.resolution.unit.code if m.resolution.unit else None)
        for m in find_mentions(text)
    ]


@pytest.mark.parametrize(
    ("written", "code", "name", "country"),
    [
        ("Rio Grande do Sul", "BR-RS", "Rio Grande do Sul", "BR"),
        ("Alberta", "CA-AB", "Alberta", "CA"),
        ("Northwest Territories", "CA-NT", "Northwest Territories", "CA"),
        ("British Columbia", "CA-BC", "British Columbia", "CA"),
        ("California", "US-CA", "California", "US"),
        ("Sindh", "PK-SD", "Sindh", "PK"),
        ("Odisha", "IN-OD", "Odisha", "IN"),
        ("South Aegean", "GR-L", "South Aegean", "GR"),
        ("Derna", "LY-DR", "Derna", "LY"),
        ("Benghazi", "LY-BA", "Benghazi", "LY"),
        ("Cabo Delgado", "MZ-P", "Cabo Delgado", "MZ"),
        ("Sylhet", "BD-G", "Sylhet", "BD"),
        ("Davao", "PH-11", "Davao", "PH"),
        ("Kafr el-Sheikh", "EG-KFS", "Kafr el-Sheikh", "EG"),
        ("Souss-Massa", "MA-09", "Souss-Massa", "MA"),
        ("North Kivu", "CD-NK", "North Kivu", "CD"),
        ("Nord-Kivu", "CD-NK", "North Kivu", "CD"),
        ("Nineveh", "IQ-NI", "Nineveh", "IQ"),
        ("Hodeidah", "YE-HU", "Hodeidah", "YE"),
        ("Catalonia", "ES-CT", "Catalonia", "ES"),  # English name; "Catalunya" an alias
        ("Catalunya", "ES-CT", "Catalonia", "ES"),
        ("Madrid", "ES-MD", "Madrid", "ES"),  # ISO "Madrid, Comunidad de"
        ("Bavaria", "DE-BY", "Bavaria", "DE"),
        ("Sichuan", "CN-SC", "Sichuan", "CN"),  # ISO "Sichuan Sheng"
        ("Wales", "GB-WLS", "Wales", "GB"),  # ISO "Wales [Cymru GB-CYM]"
        ("Tuscany", "IT-52", "Tuscany", "IT"),
    ],
)
def test_first_level_units_of_any_country_resolve(
    written: str, code: str, name: str, country: str
) -> None:
    unit = resolve(written).unit
    assert unit is not None
    assert (unit.code, unit.name, unit.country, unit.admin1_name) == (code, name, country, name)


def test_an_island_below_first_level_rolls_up_to_its_region() -> None:
    unit = resolve("Rhodes").unit
    assert unit is not None
    assert (unit.level, unit.admin1_name, unit.country) == ("admin2", "South Aegean", "GR")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Floods hit Rio Grande do Sul on Monday.", [("Rio Grande do Sul", "BR-RS")]),
        ("Hurricane Milton hit Florida on Wednesday.", [("Florida", "US-FL")]),
        ("Rain in Mato Grosso do Sul and Parana.", [("Mato Grosso do Sul", "BR-MS")]),
        ("Displaced in Khyber Pakhtunkhwa overnight.", [("Khyber Pakhtunkhwa", "PK-KP")]),
        ("Flooding in Dar es Salaam.", [("Dar es Salaam", "TZ-02")]),
        ("Residents of Bay of Plenty left.", [("Bay of Plenty", "NZ-BOP")]),
        ("Villages in Kafr el-Sheikh were moved.", [("Kafr el-Sheikh", "EG-KFS")]),
        ("Fires on Rhodes, South Aegean.", [("Rhodes", "GR-X-RHODES"), ("South Aegean", "GR-L")]),
    ],
)
def test_names_with_joining_words_are_found_whole(
    text: str, expected: list[tuple[str, str]]
) -> None:
    found = _found(text)
    assert [pair for pair in found if pair in expected] == expected
    assert not any(surface.split()[0].islower() for surface, _ in found)


@pytest.mark.parametrize(
    "text",
    [
        "The region of Rio Grande do",  # a name never ends with a joiner
        "Bay of the Plenty",  # an unknown phrase is not a name
        "of Plenty",
    ],
)
def test_a_joiner_never_starts_or_ends_a_mention(text: str) -> None:
    for surface, _ in _found(text):
        assert surface.split()[0] not in ("of", "do", "the")
        assert surface.split()[-1] not in ("of", "do", "the")


@pytest.mark.parametrize(
    "text",
    [
        "Central authorities said that evacuation continues.",
        "North of the city, shelling went on.",
        "Eastern areas were hit hardest.",
        "Capital residents were told to stay home.",
        "Western partners sent buses.",
        "Victoria said the families were safe.",
        "Washington said it would send aid.",
        "Georgia sent rescuers.",
        "Unity is needed, the mayor said.",
        "Coast guards and Delta teams helped.",
        "Lakes and Rivers rose after the rain.",
        "Plateau residents were moved to schools.",
        "Nelson and Mary drove the bus.",
        "Mexico offered help.",
        "North West and South East of the country were flooded.",
        "The Central Region was not affected.",
        "Red Sea ports stayed open.",
        "Aid reached Trinidad and Tobago.",  # a country's name is passed over whole
        "Antigua and Barbuda sent help.",
        "The URI was wrong.",  # folds onto Uri (CH-UR)
        "Java programmers met.",  # folds onto Jawa (ID-JW)
        "Host families took them in.",  # folds onto Khost (AF-KHO)
        "Gamma rays were measured.",  # folds onto Hama (SY-HM)
        "Barry drove the van.",  # folds onto Bari (SO-BR)
        "Was it safe? BYE for now.",
        "Nikita and Tamara stayed behind.",  # first names that are towns in Ukraine
        "Sad news: Marine units left.",
        "Hail and Hay covered the road.",
    ],
)
def test_ordinary_sentences_have_no_mentions(text: str) -> None:
    assert _found(text) == []


def test_a_name_shared_by_a_country_and_a_state_is_the_country_when_bare() -> None:
    unit = resolve("Georgia").unit
    assert unit is not None
    assert unit.level == "country"
    state = resolve("Georgia state").unit
    assert state is not None
    assert (state.code, state.level) == ("US-GA", "admin1")


@pytest.mark.parametrize(
    "text",
    [
        "Settlements near the Dnipro were shelled.",
        "Villages along the Donets were evacuated.",
        "Homes on the Oskil river were flooded.",
        "Troops tried to cross the Oskil.",
        "Boats went across the Dnipro.",
        "Water rose in the Dnipro River.",
        "Fighting along the river Oskil continued.",
        "Positions along the Siverskyi Donets were hit.",
        "Banks of the Inhulets flooded.",
        "Bridges over the Desna and the Psel.",
        "Villages on the Samara were flooded.",
        "Along the Kalmius and the Vorskla.",
        "The Desna river rose.",
    ],
)
def test_a_river_is_not_a_city(text: str) -> None:
    assert [s for s, code in _found(text) if code and code.startswith("UA")] == []


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        ("Shelling in Dnipro and Kharkiv.", ["Dnipro", "Kharkiv"]),
        ("People left the Dnipro district.", ["Dnipro district"]),
        ("in the Kharkiv and Sumy regions", ["Kharkiv", "Sumy regions"]),
        ("the Kharkiv, Sumy and Poltava regions", ["Kharkiv", "Sumy", "Poltava regions"]),
        ("Fighting in the Pokrovsk direction.", ["Pokrovsk"]),
        ("Shelling of the Kupiansk and Lyman axes.", ["Kupiansk", "Lyman"]),
        ("People left the Kramatorsk area.", ["Kramatorsk"]),
        ("Evacuation from the Donetsk region.", ["Donetsk region"]),
        ("Across the city of Dnipro buses ran.", ["Dnipro"]),
    ],
)
def test_a_city_with_a_level_word_or_without_the_stays_a_place(
    text: str, surfaces: list[str]
) -> None:
    assert [s for s, _ in _found(text)] == surfaces


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Rain hit KPK on Sunday.", "PK-KP"),  # an all-capitals name written so
        ("Floods in Kharkov region.", "UA63"),  # Ukrainian names keep their folding
        ("Shelling of Gorlovka.", "UA14"),
    ],
)
def test_folded_and_capitalised_names_that_are_names(text: str, code: str) -> None:
    assert [c for _, c in _found(text) if c and c.startswith(code)] != []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Floods in Unity state displaced thousands.", "SS-UY"),
        ("Fires in Victoria state.", "AU-VIC"),
        ("Rain in Georgia state.", "US-GA"),
    ],
)
def test_a_level_word_makes_a_generic_word_a_name(text: str, code: str) -> None:
    assert [c for _, c in _found(text)] == [code]


@pytest.mark.parametrize("text", ["The Central region was calm.", "North province residents left."])
def test_a_direction_with_a_level_word_is_still_no_name(text: str) -> None:
    assert _found(text) == []
