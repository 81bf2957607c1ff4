"""Names resolved in the context of their document (tracker/places/context.py).

Each row is a text a report could hold and what one place name in it must resolve to: a
homonym village with its raion, its hromada or its oblast named around it; level words;
lists of places; names the text cannot settle; places abroad the gazetteer lacks.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tracker.cli import app
from tracker.extract import extract
from tracker.places import Mention, extra_places, find_mentions, resolve, resolve_in_text

runner = CliRunner()


def mention_of(text: str, name: str) -> Mention:
    """Return the mention of `name` in `text` (the first one)."""
    found = [m for m in find_mentions(text) if m.surface.startswith(name)]
    assert found, f"{name!r} not found in {text!r}"
    return found[0]


def where(text: str, name: str) -> tuple[str, str | None] | str:
    """Return (oblast, raion) of `name` as read in `text`, or "ambiguous"."""
    unit = mention_of(text, name).resolution.unit
    return "ambiguous" if unit is None else (unit.admin1_name, unit.admin2_name)


@pytest.mark.parametrize(
    ("text", "name", "oblast", "raion"),
    [
        # The raion written right after the village, or in its sentence.
        ("Shelling hit Andriivka in the Volnovakha district.", "Andriivka", "Donetska",
         "Volnovaskyi"),
        ("Andriivka, Zaporizhzhia district, lost power overnight.", "Andriivka", "Zaporizka",
         "Zaporizkyi"),
        ("Residents of Berezivka (Okhtyrka district) were evacuated.", "Berezivka", "Sumska",
         "Okhtyrskyi"),
        ("Berezivka, a village in the Pryluky district, was hit by a drone.", "Berezivka",
         "Chernihivska", "Prylutskyi"),
        ("In the Zaporizhzhia district, Hrushivka came under fire.", "Hrushivka", "Zaporizka",
         "Zaporizkyi"),
        ("Hrushivka in the Kamianske district received evacuees.", "Hrushivka",
         "Dnipropetrovska", "Kamianskyi"),
        ("Ivanivka, Berdiansk district, remains occupied.", "Ivanivka", "Zaporizka",
         "Berdianskyi"),
        ("A shell hit Ivanivka in the Nikopol district on Monday.", "Ivanivka",
         "Dnipropetrovska", "Nikopolskyi"),
        ("Kamianka in the Zaporizhzhia district was shelled.", "Kamianka", "Zaporizka",
         "Zaporizkyi"),
        ("Kolisnykivka, in the Poltava district, hosts displaced families.", "Kolisnykivka",
         "Poltavska", "Poltavskyi"),
        ("Mykolaivka, Bohodukhiv district, was shelled.", "Mykolaivka", "Kharkivska",
         "Bohodukhivskyi"),
        ("Drones struck Mykolaivka in the Romny district.", "Mykolaivka", "Sumska",
         "Romenskyi"),
        ("Novoselivka, Pokrovsk district, is under fire every day.", "Novoselivka", "Donetska",
         "Pokrovskyi"),
        ("Novoselivka in the Myrhorod district took in 40 people.", "Novoselivka", "Poltavska",
         "Myrhorodskyi"),
        ("Oleksandrivka, Chernihiv district, was hit by a missile.", "Oleksandrivka",
         "Chernihivska", "Chernihivskyi"),
        ("Oleksandrivka in the Henichesk district is occupied.", "Oleksandrivka", "Khersonska",
         "Henicheskyi"),
        ("Petrivka in the Bashtanka district received evacuees.", "Petrivka", "Mykolaivska",
         "Bashtanskyi"),
        ("Sadove in the Romny district was hit.", "Sadove", "Sumska", "Romenskyi"),
        ("Sadove, Pervomaisk district, received 20 families.", "Sadove", "Mykolaivska",
         "Pervomaiskyi"),
        ("Stepanivka, Kamianske district, hosts evacuees.", "Stepanivka", "Dnipropetrovska",
         "Kamianskyi"),
        ("Vilkhivka in the Kharkiv district came under fire.", "Vilkhivka", "Kharkivska",
         "Kharkivskyi"),
        ("Vilkhivka, Novhorod-Siverskyi district, was hit.", "Vilkhivka", "Chernihivska",
         "Novhorod-Siverskyi"),
        # The hromada named in the same sentence, or in the next.
        ("Andriivka was shelled, the head of the Raivka community said.", "Andriivka",
         "Dnipropetrovska", "Synelnykivskyi"),
        ("Andriivka, in the Oskil community, is cut off.", "Andriivka", "Kharkivska",
         "Iziumskyi"),
        ("Berezivka of the Krasnokutsk community lost power.", "Berezivka", "Kharkivska",
         "Bohodukhivskyi"),
        ("Hrushivka lost power. The Kindrashivka community asked for generators.", "Hrushivka",
         "Kharkivska", "Kupianskyi"),
        ("Berezivka of the Hrebinka community hosts 30 displaced people.", "Berezivka",
         "Poltavska", "Lubenskyi"),
        ("Ivanivka was hit, the Yavornytske community reported.", "Ivanivka",
         "Dnipropetrovska", "Synelnykivskyi"),
        ("Kamianka of the Ripky community received evacuees.", "Kamianka", "Chernihivska",
         "Chernihivskyi"),
        ("Kamianka, Kalmiuske community, is occupied.", "Kamianka", "Donetska", "Kalmiuskyi"),
        ("Kolisnykivka of the Kurylivka community was shelled.", "Kolisnykivka", "Kharkivska",
         "Kupianskyi"),
        ("Mykolaivka in the Rubanivka community is occupied.", "Mykolaivka", "Khersonska",
         "Kakhovskyi"),
        ("Mykolaivka, in the Veselynove community, hosts evacuees.", "Mykolaivka",
         "Mykolaivska", "Voznesenskyi"),
        ("Novoselivka of the Velykomykhailivka community was shelled.", "Novoselivka",
         "Dnipropetrovska", "Synelnykivskyi"),
        ("Novoselivka in the Bohodukhiv community lost power.", "Novoselivka", "Kharkivska",
         "Bohodukhivskyi"),
        ("Oleksandrivka of the Lubny community hosts families.", "Oleksandrivka", "Poltavska",
         "Lubenskyi"),
        ("Petrivka in the Natalyne community was hit.", "Petrivka", "Kharkivska",
         "Berestynskyi"),
        ("Stepanivka, in the Kolomatske community, received evacuees.", "Stepanivka",
         "Poltavska", "Poltavskyi"),
        # The oblast named elsewhere in the text, where one village has the name.
        ("The Zaporizhzhia region was shelled 400 times. Stepanivka lost power.", "Stepanivka",
         "Zaporizka", "Polohivskyi"),
        ("In Kherson region, strikes continued. Stepanivka was hit again.", "Stepanivka",
         "Khersonska", "Khersonskyi"),
        ("Kharkiv region: Hrushivka was shelled overnight.", "Hrushivka", "Kharkivska",
         "Kupianskyi"),
        ("In Kharkiv region, Vilkhivka came under fire.", "Vilkhivka", "Kharkivska",
         "Kharkivskyi"),
        # Two homonyms in one text, each by its own sentence's places.
        ("Police in Donetsk region say 3 residents are left in Novoselivka, Pokrovsk district. "
         "In Poltava region, 40 people live in Novoselivka, Myrhorod district.", "Novoselivka",
         "Donetska", "Pokrovskyi"),
        ("Ivanivka, a village in the Kupiansk district, was shelled. Ivanivka in the Nikopol "
         "district was hit too.", "Ivanivka", "Kharkivska", "Kupianskyi"),
    ],
)  # fmt: skip
def test_a_homonym_takes_the_unit_its_document_names(
    text: str, name: str, oblast: str, raion: str
) -> None:
    assert where(text, name) == (oblast, raion)


def test_the_second_homonym_in_a_text_takes_its_own_sentence_s_raion() -> None:
    text = (
        "Police in Donetsk region say 3 residents are left in Novoselivka, Pokrovsk district. "
        "In Poltava region, 40 people live in Novoselivka, Myrhorod district."
    )
    second = [m for m in find_mentions(text) if m.surface == "Novoselivka"][1]
    assert second.resolution.unit is not None
    assert second.resolution.unit.admin2_name == "Myrhorodskyi"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Shelling hit Ivanivka overnight.", "Ivanivka"),  # 125 namesakes, no clue
        ("In Kharkiv region, shelling hit Ivanivka.", "Ivanivka"),  # six raions of Kharkiv
        ("Residents left Novoselivka.", "Novoselivka"),
        ("The village of Kolisnykivka was shelled.", "Kolisnykivka"),  # Poltava or Kharkiv
        # the raion the text names holds no village of that name: no other one is guessed
        ("Ivanivka in the Bakhmut district was shelled.", "Ivanivka"),
        ("Up to 1,000 residents remain in the town of Druzhba.", "Druzhba"),  # seven towns
        ("Shelling hit Pokrovske community.", "Pokrovske community"),  # two in one oblast
        ("Mykolaiv region: Sadove received 12 families.", "Sadove"),  # two raions of it
        ("Residents left Petrivka.", "Petrivka"),  # villages and hromadas of that name
    ],
)
def test_a_homonym_the_text_does_not_settle_stays_ambiguous(text: str, name: str) -> None:
    resolution = mention_of(text, name).resolution
    assert resolution.unit is None
    assert resolution.needs_context
    assert resolution.note.startswith("ambiguous: ")


@pytest.mark.parametrize(
    ("name", "level"),
    [
        ("Kharkiv", "city"),
        ("Kharkiv region", "oblast"),
        ("Kharkiv district", "raion"),
        ("the city of Sumy", "city"),
        ("Sumy region", "oblast"),
        ("Kupiansk community", "hromada"),
        ("Izium", "city"),
        ("Hlushkivka", "village"),
    ],
)
def test_level_words_choose_the_level(name: str, level: str) -> None:
    unit = resolve(name).unit
    assert unit is not None
    assert unit.level == level


@pytest.mark.parametrize(
    ("text", "name", "oblast", "raion"),
    [
        # a city is named for itself, whatever else its sentence names
        ("Another 1,873 IDPs from Kherson Oblast live in Mykolaiv city.", "Mykolaiv city",
         "Mykolaivska", "Mykolaivskyi"),
        # a city moves to a namesake town only for its oblast named near it
        ("Zolochiv, Kharkiv region, was shelled.", "Zolochiv", "Kharkivska", "Bohodukhivskyi"),
        ("Zolochiv was calm.", "Zolochiv", "Lvivska", "Zolochivskyi"),
        # a city keeps its name over namesake villages of an oblast named near it ...
        ("Donetsk region. Berezivka lost power.", "Berezivka", "Odeska", "Berezivskyi"),
        ("Poltava region hosts 150,000 displaced people. In Kamianka, 30 of them live in a "
         "school.", "Kamianka", "Cherkaska", "Cherkaskyi"),
        # ... but not over one in a raion named right by it
        ("Kamianka, Poltava district, hosts 30 displaced people.", "Kamianka", "Poltavska",
         "Poltavskyi"),
        # a hromada written with its centre's name ("Orikhiv community") is that one
        ("Villages of the Orikhiv community were shelled.", "Orikhiv community", "Zaporizka",
         "Polohivskyi"),
        # "the same district" is the raion named before
        ("Seven villages of the Zaporizhzhia district are to be evacuated. 18 families left "
         "Plavni in the same district.", "the same district", "Zaporizka", "Zaporizkyi"),
    ],
)  # fmt: skip
def test_priors_and_anaphors(text: str, name: str, oblast: str, raion: str) -> None:
    assert where(text, name) == (oblast, raion)


def test_a_region_abroad_takes_the_country_of_the_regions_beside_it() -> None:
    alone = mention_of("Floods in Punjab.", "Punjab").resolution.unit
    beside = mention_of("Floods in Punjab and Sindh provinces.", "Punjab").resolution.unit
    assert (alone.country if alone else None, beside.country if beside else None) == (
        "IN",
        "PK",
    )


def test_a_first_name_that_is_a_town_is_no_place_after_a_role() -> None:
    text = "The Sumy region governor Volodymyr Artiukh said 213 people live there."
    assert [m.surface for m in find_mentions(text)] == ["Sumy region"]


def figure_places(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    """Return (location, admin1, admin2, place_match) of each figure extracted from `text`."""
    figures = extract(text, published=date(2024, 5, 14)).figures
    return [(f.location, f.admin1_name, f.admin2_name, f.place_match) for f in figures]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list of raions: the phrase as written, their common oblast, no one raion
        ("The evacuation covers 12,700 people in the Kupiansk, Izium and Chuhuiv districts.",
         ("Kupiansk, Izium and Chuhuiv districts", "Kharkivska", None, "exact")),
        # villages of one raion the text names: that raion
        ("18 people were evacuated from Hlushkivka and Kolisnykivka in the Kupiansk district.",
         ("Hlushkivka and Kolisnykivka", "Kharkivska", "Kupianskyi", "exact")),
        # a region is the region, not its city or raion, whatever its sentence names after
        ("In Sumy region, 120 people were evacuated over the past day.",
         ("Sumy region", "Sumska", None, "exact")),
        ("Over the past day, 120 people were evacuated from Kharkiv region, the governor said; "
         "shelling continued in Kupiansk.", ("Kharkiv region", "Kharkivska", None, "exact")),
        ("A total of 1,250 people were evacuated from the Sumy and Kharkiv regions.",
         ("Sumy and Kharkiv regions", None, None, "exact")),
        # an area phrase in the figure's clause, in the one unit it names, if any
        ("Police officers helped 57 people leave frontline areas over the past day. In Sumy "
         "region, shelling continued.", ("frontline areas", None, None, None)),
        ("Since January, more than 21,000 people have been evacuated from Sumy region's border "
         "areas.", ("Sumy region's border areas", "Sumska", None, "exact")),
        ("In Kharkiv region, about 3,000 people remain in the border areas of the Zolochiv "
         "community.",
         ("border areas of the Zolochiv community", "Kharkivska", "Bohodukhivskyi", "exact")),
        ("12,000 people left frontline areas of Donetsk and Dnipropetrovsk oblasts.",
         ("frontline areas of Donetsk and Dnipropetrovsk oblasts", None, None, "exact")),
        ("46 people left the border villages of the Esman and Seredyna-Buda communities of "
         "the Shostka district.", ("border villages of the Esman and Seredyna-Buda "
                                  "communities", "Sumska", "Shostkynskyi", "exact")),
        # the subject of a hosting verb is where people are housed
        ("Dnipropetrovsk region hosts more than 350,000 displaced people, the second-highest "
         "number in Ukraine.", ("Dnipropetrovsk region", "Dnipropetrovska", None, "exact")),
        # a homonym the text cannot settle keeps its name and says so; no unit is guessed
        ("12 people were evacuated from Ivanivka.", ("Ivanivka", None, None, "ambiguous")),
        # ... and the region its sentence names is the region
        ("In Kharkiv region, 12 people were evacuated from Ivanivka.",
         ("Ivanivka", "Kharkivska", None, "ambiguous")),
    ],
)  # fmt: skip
def test_a_figure_s_place_in_context(
    text: str, expected: tuple[str, str | None, str | None, str | None]
) -> None:
    assert figure_places(text) == [expected]


@pytest.mark.parametrize(
    ("text", "location", "district"),
    [
        ("About 600 people spent the night at a shelter in Vina del Mar.", "Vina del Mar",
         None),
        ("Army teams rescued 2,300 people from the Parshuram upazila of Feni overnight.",
         "Parshuram upazila of Feni", "Feni"),
        ("After insurgents attacked Macomia town on May 10, 7,230 people fled the town.",
         "Macomia town", "Macomia"),
        ("Most of them went to Tawila locality, which now hosts an estimated 380,000 "
         "displaced people.", "Tawila locality", "Tawila"),
        ("In the neighbouring Menderes district, 600 people were moved from two villages.",
         "Menderes district", "Menderes"),
        ("The town of Johi, also in Dadu, is protected and about 80,000 residents have "
         "stayed behind.", "Johi", "Dadu"),
        ("In Cabo Delgado's Chiure district, more than 106,000 people have been displaced.",
         "Chiure district", "Chiure"),
        ("On Monday 1,300 people were evacuated from the town of Opava.", "town of Opava",
         "Opava"),
        ("Renk, in Upper Nile state, which now hosts around 25,000 people, is the main entry "
         "point.", "Renk", None),
        ("About 180,000 people in Los Angeles County were under evacuation orders.",
         "Los Angeles County", "Los Angeles"),
    ],
)  # fmt: skip
def test_a_place_abroad_the_gazetteer_lacks_is_read_from_its_clause(
    text: str, location: str, district: str | None
) -> None:
    figures = extract(text, published=date(2024, 5, 14)).figures
    assert [(f.location, f.district) for f in figures] == [(location, district)]


def test_resolve_in_text_settles_a_homonym_by_the_text() -> None:
    resolution = resolve_in_text("Kolisnykivka", "Evacuations continue in the Poltava district.")
    assert resolution.unit is not None
    assert resolution.unit.admin2_name == "Poltavskyi"
    assert "Poltavskyi raion is named" in resolution.note


def test_places_resolve_explains_its_choice_in_context() -> None:
    result = runner.invoke(
        app,
        ["places", "resolve", "Ivanivka", "--explain", "--context",
         "In Kharkiv region, 26 people still live in Ivanivka, a village in the Kupiansk "
         "district."],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Kupianskyi" in result.stdout
    assert "why: chose Ivanivka (Kupianskyi raion, Kharkivska)" in result.stdout
    assert "Kupianskyi raion is named right after it" in result.stdout
    assert "other candidates:" in result.stdout


def test_places_resolve_explains_an_unsettled_homonym_and_fails() -> None:
    result = runner.invoke(app, ["places", "resolve", "Kolisnykivka", "--explain"])
    assert result.exit_code == 1
    assert "why: ambiguous: 3 villages of that name" in result.stdout


def test_extract_explain_prints_how_each_place_was_chosen(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("26 people still live in Ivanivka, a village in the Kupiansk district.")
    result = runner.invoke(app, ["extract", str(path), "--explain"])
    assert result.exit_code == 0, result.output
    assert "place: chose Ivanivka (Kupianskyi raion, Kharkivska)" in result.stdout


COD_GAZETTEER = """ADM0_PCODE,ADM1_EN,ADM1_PCODE,ADM2_EN,ADM2_PCODE
BD,Chattogram,BD20,Feni,BD2030
BD,Chattogram,BD20,Sadar,BD2099
BD,Dhaka,BD30,Sadar,BD3099
"""


@pytest.mark.parametrize(
    ("text", "pcode"),
    [
        ("Floods hit Dhaka division on Sunday. 300 people were moved from Sadar.", "BD3099"),
        ("In Chattogram division, 500 people left Sadar overnight.", "BD2099"),
    ],
)
def test_a_user_gazetteer_takes_part_in_resolution_in_context(
    tmp_path: Path, text: str, pcode: str
) -> None:
    gazetteer = tmp_path / "bgd_adm2.csv"
    gazetteer.write_text(COD_GAZETTEER, encoding="utf-8")
    with extra_places([gazetteer]):
        figures = extract(text, published=date(2024, 8, 25)).figures
    assert [(f.location, f.admin2_pcode) for f in figures] == [("Sadar", pcode)]


def test_each_count_of_a_gapped_list_takes_the_place_before_it() -> None:
    text = (
        "Over the past week, 4,108 people were evacuated from frontline areas. Donetsk region "
        "accounted for 2,734 of them, most from the Pokrovsk direction, Kharkiv region for 811 "
        "and Sumy region for 406."
    )
    figures = extract(text, published=date(2024, 5, 14)).figures
    assert [(f.value, f.location, f.admin1_name) for f in figures if f.value < 4000] == [
        (2734, "Donetsk region", "Donetska"),
        (811, "Kharkiv region", "Kharkivska"),
        (406, "Sumy region", "Sumska"),
    ]
