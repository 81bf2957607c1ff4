"""Villages and districts of cities in the gazetteer: resolution, homonyms, --within, and
villages found in running text (issue 10, part 1)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tracker.cli import app
from tracker.places import find_mentions, resolve

runner = CliRunner()

# (level, name, hromada, raion, oblast) of a resolved unit.
HLUSHKIVKA = ("village", "Hlushkivka", "Kurylivska", "Kupianskyi", "Kharkivska")
KOLISNYKIVKA_KURYLIVKA = ("village", "Kolisnykivka", "Kurylivska", "Kupianskyi", "Kharkivska")
KOLISNYKIVKA_POLTAVA = ("village", "Kolisnykivka", "Kobeliatska", "Poltavskyi", "Poltavska")
AMBIGUOUS = "ambiguous"


@pytest.fixture(autouse=True)
def _no_user_gazetteers(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TRACKER_PLACES_DIR", str(tmp_path / "places"))


def _where(name: str, level: str | None = None, within: str | None = None) -> object:
    found = resolve(name, level, within)
    unit = found.unit
    if found.needs_context:
        return AMBIGUOUS
    if unit is None:
        return None
    return (unit.level, unit.name, unit.admin3_name, unit.admin2_name, unit.admin1_name)


@pytest.mark.parametrize(
    ("name", "level", "within", "expected"),
    [
        # A village whose name is unique: its hromada, raion and oblast.
        ("Hlushkivka", None, None, HLUSHKIVKA),
        ("Глушківка", None, None, HLUSHKIVKA),  # the Cyrillic name
        ("Hlushkivka village", None, None, HLUSHKIVKA),  # a level word
        ("the village of Hlushkivka", None, None, HLUSHKIVKA),
        ("Hlushkivka", "village", None, HLUSHKIVKA),
        ("Hlushkivka", None, "Kharkiv", HLUSHKIVKA),
        ("Hlushkivka", None, "Poltava region", None),  # not there
        ("Bohoyavlenka", None, None, ("village", "Bohoiavlenka", "Vuhledarska", "Volnovaskyi",
                                      "Donetska")),  # a press spelling, folded
        ("Mala Komyshuvakha", None, None, ("village", "Mala Komyshuvakha", "Oskilska",
                                           "Iziumskyi", "Kharkivska")),
        # Homonyms in different raions: no unit until something settles them.
        ("Kolisnykivka", None, None, AMBIGUOUS),
        ("Kolisnykivka", "village", None, AMBIGUOUS),
        ("Kolisnykivka", None, "Poltava region", KOLISNYKIVKA_POLTAVA),
        ("Kolisnykivka", None, "Poltavskyi raion", KOLISNYKIVKA_POLTAVA),
        ("Kolisnykivka", None, "Kurylivka community", KOLISNYKIVKA_KURYLIVKA),
        # Two in Kupianskyi raion: the raion is settled (the first of them, by code).
        ("Kolisnykivka", None, "Kupiansk district", KOLISNYKIVKA_KURYLIVKA),
        ("Kolisnykivka", None, "Kharkiv", KOLISNYKIVKA_KURYLIVKA),
        ("Kolisnykivka, Kupiansk district", None, None, KOLISNYKIVKA_KURYLIVKA),
        ("Kolisnykivka (Poltava region)", None, None, KOLISNYKIVKA_POLTAVA),
        ("Hlushkivka, Kupiansk district", None, None, HLUSHKIVKA),
        ("Kyivskyi district", None, None, AMBIGUOUS),  # a district of five cities
        ("Kyivskyi district", None, "Kharkiv", ("city_district", "Kyivskyi", "Kharkivska",
                                                "Kharkivskyi", "Kharkivska")),
        ("Saltivskyi district", None, None, ("city_district", "Saltivskyi", "Kharkivska",
                                             "Kharkivskyi", "Kharkivska")),
        # The category prior: a city or town before villages of its name.
        ("Kupiansk", None, None, ("city", "Kupiansk", "Kupianska", "Kupianskyi", "Kharkivska")),
        ("Izium", None, None, ("city", "Izium", "Iziumska", "Iziumskyi", "Kharkivska")),
        ("Pokrovsk", None, None, ("city", "Pokrovsk", "Pokrovska", "Pokrovskyi", "Donetska")),
        ("Kharkiv", None, None, ("city", "Kharkiv", "Kharkivska", "Kharkivskyi", "Kharkivska")),
        ("Kharkiv region", None, None, ("oblast", "Kharkivska", None, None, "Kharkivska")),
        ("Zarichne", None, "Kramatorsk district", ("town", "Zarichne", "Lymanska",
                                                   "Kramatorskyi", "Donetska")),
        ("Kamianka", None, "Izium district", ("village", "Kamianka", "Iziumska", "Iziumskyi",
                                              "Kharkivska")),
        # Villages are never matched fuzzily: a misspelling finds no village.
        ("Hlushkovka", None, None, None),
    ],
)  # fmt: skip
def test_resolution(name: str, level: str | None, within: str | None, expected: object) -> None:
    assert _where(name, level, within) == expected


def test_a_town_comes_before_villages_of_its_name() -> None:
    found = resolve("Ivanivka")
    assert found.unit is not None
    assert found.unit.level == "town"
    assert sum(u.level == "village" for u in found.candidates) > 100
    assert "village" in found.note


def test_an_ambiguous_name_keeps_its_homonyms_and_says_so() -> None:
    found = resolve("Kolisnykivka")
    assert (found.unit, found.match, found.needs_context) == (None, "exact", True)
    assert sorted((u.admin2_name, u.pcode) for u in found.candidates) == [
        ("Kupianskyi", "UA6308011005"),
        ("Kupianskyi", "UA6308015020"),
        ("Poltavskyi", "UA5308013024"),
    ]
    problem = found.problem()
    assert problem is not None
    assert problem.startswith("place 'Kolisnykivka' is ambiguous: 3 villages of that name")
    assert "name its raion, hromada or oblast" in problem


def test_settled_within_a_raion_says_which_homonyms_remain() -> None:
    found = resolve("Kolisnykivka", within="Kupiansk district")
    assert found.unit is not None
    assert found.unit.pcode == "UA6308011005"
    assert [u.admin3_name for u in found.candidates] == ["Kurylivska", "Shevchenkivska"]
    assert "all in Kupianskyi raion" in found.note


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A homonym settled by the raion, the hromada or the oblast the text names.
        ("In the Kupiansk district, 12 people left Kolisnykivka.",
         [("Kupiansk district", "raion", "Kupianskyi"),
          ("Kolisnykivka", "village", "Kupianskyi")]),
        ("In the Poltava region, residents of Kolisnykivka left.",
         [("Poltava region", "oblast", None), ("Kolisnykivka", "village", "Poltavskyi")]),
        ("Hlushkivka and Kolisnykivka in the Kurylivka community were shelled.",
         [("Hlushkivka", "village", "Kupianskyi"), ("Kolisnykivka", "village", "Kupianskyi"),
          ("Kurylivka community", "hromada", "Kupianskyi")]),
        # Nothing settles it: no mention (a name the gazetteer cannot place).
        ("Residents of Kolisnykivka left.", []),
        # A town or village the prior chose moves to its namesake in the named raion.
        ("In the Kupiansk district, 23 children must leave Ivanivka.",
         [("Kupiansk district", "raion", "Kupianskyi"), ("Ivanivka", "village", "Kupianskyi")]),
        ("About 40 people remain in Zarichne, in the Kramatorsk district.",
         [("Zarichne", "town", "Kramatorskyi"), ("Kramatorsk district", "raion", "Kramatorskyi")]),
        # A unique village.
        ("Police evacuated 14 residents of Hlushkivka.", [("Hlushkivka", "village", "Kupianskyi")]),
        ("In Udy only nineteen residents remain.", [("Udy", "village", "Bohodukhivskyi")]),
        # Village names that are first names, English words or landmarks of the fighting.
        ("Regional governor Oleh Syniehubov said 12 left.", []),
        ("RMA head Serhii Lysak said.", []),
        ("Many left on their own.", []),
        ("Russian forces broke through near Kucheriv Yar.", []),
        # A district of a city is not the place: the city is.
        ("Police took 27 people out of the Saltivskyi district of Kharkiv.",
         [("Kharkiv", "city", "Kharkivskyi")]),
        # A list the text puts in a raion that does not hold all its villages is left unread.
        ("Police evacuated people from Mala Komyshuvakha and Hrakove in Chuhuiv district.",
         [("Chuhuiv district", "raion", "Chuhuivskyi")]),
    ],
)  # fmt: skip
def test_villages_in_running_text(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    found = [
        (m.surface, m.resolution.unit.level, m.resolution.unit.admin2_name)
        for m in find_mentions(text)
        if m.resolution.unit is not None
    ]
    assert found == expected


def test_cli_resolves_a_unique_village() -> None:
    result = runner.invoke(app, ["places", "resolve", "Hlushkivka"])
    assert result.exit_code == 0, result.stderr
    [header, _rule, row] = result.stdout.splitlines()
    assert header.split() == [
        "query", "match", "score", "level", "name", "pcode", "admin3_name", "admin2_name",
        "admin1_name",
    ]  # fmt: skip
    assert row.split() == [
        "Hlushkivka", "exact", "1.00", "village", "Hlushkivka", "UA6308011004", "Kurylivska",
        "Kupianskyi", "Kharkivska",
    ]  # fmt: skip
    assert result.stderr == ""


def test_cli_lists_homonyms_and_exits_1() -> None:
    result = runner.invoke(app, ["places", "resolve", "Kolisnykivka"])
    assert result.exit_code == 1
    rows = [line.split() for line in result.stdout.splitlines()[2:]]
    assert [(r[1], r[5], r[7], r[8]) for r in rows] == [
        ("ambiguous", "UA5308013024", "Poltavskyi", "Poltavska"),
        ("ambiguous", "UA6308011005", "Kupianskyi", "Kharkivska"),
        ("ambiguous", "UA6308015020", "Kupianskyi", "Kharkivska"),
    ]
    assert "ambiguous place 'Kolisnykivka': 3 places of that name" in result.stderr
    assert "--within" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_within_settles_on_the_raion() -> None:
    result = runner.invoke(
        app, ["places", "resolve", "Kolisnykivka", "--within", "Kupiansk district"]
    )
    assert result.exit_code == 0, result.stderr
    [_header, _rule, row] = result.stdout.splitlines()
    assert row.split()[1:] == [
        "exact", "1.00", "village", "Kolisnykivka", "UA6308011005", "Kurylivska", "Kupianskyi",
        "Kharkivska",
    ]  # fmt: skip
    assert "all in Kupianskyi raion" in result.stderr


@pytest.mark.parametrize(
    ("names", "within"),
    [
        (["Hlushkivka", "Kupiansk", "Kharkiv region"], None),
        (["Kolisnykivka", "Hlushkivka"], None),
        (["Kolisnykivka", "Ivanivka"], "Kupiansk district"),
    ],
)
def test_cli_json_is_the_library_resolution(names: list[str], within: str | None) -> None:
    args = ["places", "resolve", *names, "--format", "json"]
    result = runner.invoke(app, args + (["--within", within] if within else []))
    answers = json.loads(result.stdout)
    for name, answer in zip(names, answers, strict=True):
        found = resolve(name, within=within)
        assert answer["needs_context"] == found.needs_context
        assert answer["unit"] == (None if found.unit is None else found.unit.__dict__)
        assert [c["pcode"] for c in answer["candidates"]] == [u.pcode for u in found.candidates]
    assert result.exit_code == int(any(resolve(n, within=within).unit is None for n in names))


def test_cli_lists_the_villages_of_a_hromada() -> None:
    result = runner.invoke(
        app,
        ["places", "list", "--level", "village", "--within", "Kurylivka community", "--format",
         "json"],
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    names = {u["name"] for u in json.loads(result.stdout)}
    assert {"Hlushkivka", "Kolisnykivka", "Kurylivka"} <= names
    assert len(names) > 10
