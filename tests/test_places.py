"""The places API: resolve, find_mentions, annotate_places (basic behaviour)."""

from __future__ import annotations

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

from tracker.errors import UnknownPlaceError, UsageError
from tracker.places import annotate_places, find_mentions, resolve


@pytest.fixture(autouse=True)
def _no_user_gazetteers(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    monkeypatch.setenv("TRACKER_PLACES_DIR", str(tmp_path_factory.mktemp("places")))


def test_unit_carries_names_codes_and_parents() -> None:
    unit = resolve("Kupiansk").unit
    assert unit is not None
    assert (unit.level, unit.name, unit.pcode, unit.country) == (
        "city",
        "Kupiansk",
        "UA6308009001",
        "UA",
    )
    assert (unit.admin1_name, unit.admin1_pcode) == ("Kharkivska", "UA63")
    assert (unit.admin2_name, unit.admin2_pcode) == ("Kupianskyi", "UA6308")


@pytest.mark.parametrize(
    ("name", "pcode"),
    [("Kharkivska", "UA63"), ("Kupianskyi raion", "UA6308"), ("Kupianska hromada", "UA6308009")],
)
def test_pcode_rule_matches_known_codes(name: str, pcode: str) -> None:
    unit = resolve(name).unit
    assert unit is not None
    assert unit.pcode == pcode


def test_phrase_level_word_chooses_among_same_name_units() -> None:
    levels = {q: resolve(q).unit for q in ("Kharkiv", "Kharkiv district", "Kharkiv region")}
    assert {q: u.level for q, u in levels.items() if u} == {
        "Kharkiv": "city",
        "Kharkiv district": "raion",
        "Kharkiv region": "oblast",
    }
    found = resolve("Kharkiv")
    assert found.ambiguous
    assert {u.level for u in found.candidates} >= {"city", "raion", "oblast"}
    assert found.note.startswith("chose Kharkiv ")


def test_unknown_name_has_no_unit_and_suggests() -> None:
    found = resolve("Kupynskoye Zazulino")
    assert found.unit is None
    assert found.match is None
    assert found.problem() is not None


def test_misspelling_is_a_fuzzy_match_with_a_score() -> None:
    found = resolve("Kupyansc")
    assert found.match == "fuzzy"
    assert found.unit is not None
    assert found.unit.name == "Kupiansk"
    assert 0.8 < found.score < 1.0


def test_within_restricts_to_units_inside() -> None:
    lviv = resolve("Zolochiv", within="Lviv oblast").unit
    kharkiv = resolve("Zolochiv", within="Kharkiv oblast").unit
    assert lviv is not None
    assert kharkiv is not None
    assert (lviv.admin1_name, kharkiv.admin1_name) == ("Lvivska", "Kharkivska")


def test_find_mentions_spans_and_levels() -> None:
    text = "Residents of the Kupyansk district and Kharkov region left; sumy is lower case."
    mentions = find_mentions(text)
    assert [m.surface for m in mentions] == ["Kupyansk district", "Kharkov region"]
    assert all(text[m.start : m.end] == m.surface for m in mentions)
    units = [m.resolution.unit for m in mentions]
    assert [(u.level, u.name) for u in units if u] == [
        ("raion", "Kupianskyi"),
        ("oblast", "Kharkivska"),
    ]


def test_find_mentions_skips_generic_words() -> None:
    assert find_mentions("Central authorities in the North said May was calm.") == []


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        ("Shelling hit Nove Zaporizhzhia.", ["Nove Zaporizhzhia"]),  # villages, not the city
        ("Residents of Mala Kupiansk left.", []),  # no such village: not Kupiansk either
        ("Residents of Mala Komyshuvakha left.", ["Mala Komyshuvakha"]),  # a village
        ("Shelling hit Nova Kakhovka and Velyka Pysarivka.", ["Nova Kakhovka", "Velyka Pysarivka"]),
        ("Nova. Kharkiv was calm.", ["Kharkiv"]),  # a sentence apart
        ("Villages in East Flores district were evacuated.", []),  # not Uruguay's Flores
        ("Fighting in North Kordofan.", ["North Kordofan"]),  # a name with its compass word
    ],
)
def test_find_mentions_skips_a_name_inside_an_unknown_settlement_name(
    text: str, surfaces: list[str]
) -> None:
    assert [m.surface for m in find_mentions(text)] == surfaces


def test_annotate_places_fills_columns_per_level() -> None:
    frame = pl.DataFrame(
        {
            "location": ["Kupyansk district", "Pokrovsk", "Kharkov region", "Zzyzx", None],
            "value": [1, 2, 3, 4, 5],
        }
    )
    out = annotate_places(frame)
    expected = pl.DataFrame(
        {
            "location": ["Kupyansk district", "Pokrovsk", "Kharkov region", "Zzyzx", None],
            "value": [1, 2, 3, 4, 5],
            "admin1_name": ["Kharkivska", "Donetska", "Kharkivska", None, None],
            "admin1_pcode": ["UA63", "UA14", "UA63", None, None],
            "admin2_name": ["Kupianskyi", "Pokrovskyi", None, None, None],
            "admin2_pcode": ["UA6308", "UA1416", None, None, None],
            "settlement": [None, "Pokrovsk", None, None, None],
            "place_match": ["alias", "exact", "alias", None, None],
        }
    )
    assert_frame_equal(out.drop("place_problem"), expected)
    assert out["place_problem"].to_list()[:3] == [None, None, None]
    assert out["place_problem"][3].startswith("unknown place 'Zzyzx'")


def test_annotate_places_uses_admin1_hint() -> None:
    frame = pl.DataFrame({"location": ["Zolochiv", "Zolochiv"], "admin1_name": ["Kharkiv", "Lviv"]})
    out = annotate_places(frame)
    assert out["admin1_name"].to_list() == ["Kharkivska", "Lvivska"]
    assert out["settlement"].to_list() == ["Zolochiv", "Zolochiv"]


@pytest.mark.parametrize(
    ("written", "levels"),
    [
        ("Kharkiv", ("city", "raion", "oblast", "hromada")),
        ("Pokrovsk", ("city", "raion", "hromada")),
        ("Pokrovsk district", ("raion", "city", "hromada")),
        ("Zolochiv community", ("hromada", "hromada", "hromada")),
    ],
)
def test_ambiguous_names_keep_every_candidate_best_first(
    written: str, levels: tuple[str, ...]
) -> None:
    found = resolve(written)
    assert found.ambiguous
    assert tuple(u.level for u in found.candidates[: len(levels)]) == levels
    assert found.unit == found.candidates[0]


def test_same_name_in_two_oblasts_is_settled_by_within() -> None:
    found = resolve("Zolochiv community")
    assert {u.admin1_name for u in found.candidates} >= {"Lvivska", "Kharkivska"}
    inside = resolve("Zolochiv community", within="Kharkiv")
    assert inside.unit is not None
    assert (inside.unit.name, inside.unit.admin2_name) == ("Zolochivska", "Bohodukhivskyi")


def test_explicit_level_overrides_phrase() -> None:
    found = resolve("Kharkiv", level="oblast")
    assert found.unit is not None
    assert found.unit.pcode == "UA63"


def test_unknown_level_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        resolve("Kharkiv", level="hamlet")


def test_unknown_area_names_the_area() -> None:
    with pytest.raises(UnknownPlaceError, match="Qwzxv"):
        resolve("Kharkiv", within="Qwzxv")


@pytest.mark.parametrize("written", ["Zzyzx", "Qwertyuiop", "Kupianskoe Qwerty", "ab", "", "1234"])
def test_unknown_names(written: str) -> None:
    found = resolve(written)
    assert (found.unit, found.match) == (None, None)
    assert found.problem() == (
        f"unknown place {written!r}"
        + ("; did you mean " + ", ".join(found.suggestions) + "?" if found.suggestions else "")
    )


def test_unknown_name_suggests_the_closest() -> None:
    found = resolve("Kupianskoe Qwerty")
    assert "Kupiansk" in found.suggestions


@pytest.mark.parametrize(
    ("phrase", "level", "name"),
    [
        ("Kindrashivka and Kurylivka communities", "raion", "Kupianskyi"),
        ("Velykyi Burluk and Vilkhuvatka", "raion", "Kupianskyi"),
        ("Polohy and Zaporizhzhia", "oblast", "Zaporizka"),
        ("right bank of the Kherson Region", "oblast", "Khersonska"),
        ("villages of the Orikhiv community", "hromada", "Orikhivska"),
    ],
)
def test_phrase_naming_places_resolves_to_their_common_unit(
    phrase: str, level: str, name: str
) -> None:
    found = resolve(phrase)
    assert found.unit is not None
    assert (found.unit.level, found.unit.name) == (level, name)


def test_phrase_naming_places_in_two_countries_is_unknown() -> None:
    found = resolve("Kharkiv and Alberta")
    assert found.unit is None
    assert len(found.candidates) == 2


def test_find_mentions_shares_a_plural_level_word() -> None:
    text = "Velikoburlukskaya, Olkhovatskaya and Kurilovskaya communities were told to leave."
    mentions = find_mentions(text)
    assert [m.resolution.unit.level for m in mentions if m.resolution.unit] == ["hromada"] * 3


def test_find_mentions_prefers_the_oblast_named_in_the_text() -> None:
    alone = find_mentions("People left Zolochiv for Poltava.")[0].resolution.unit
    text = "In the Kharkiv region, people left Zolochiv for Poltava."
    in_context = find_mentions(text)[1].resolution.unit
    assert alone is not None
    assert in_context is not None
    assert (alone.admin1_name, in_context.admin1_name) == ("Lvivska", "Kharkivska")


def test_find_mentions_reads_cyrillic_and_world_names() -> None:
    text = "Куп'янський район; floods in Sindh and Khyber Pakhtunkhwa provinces."
    names = [(m.surface, m.resolution.unit.name) for m in find_mentions(text) if m.resolution.unit]
    assert names == [
        ("Куп'янський район", "Kupianskyi"),
        ("Sindh", "Sindh"),
        ("Khyber Pakhtunkhwa provinces", "Khyber Pakhtunkhwa"),
    ]


@given(st.text(max_size=300))
@settings(max_examples=200, deadline=None)
def test_find_mentions_any_text(text: str) -> None:
    for mention in find_mentions(text):
        assert text[mention.start : mention.end] == mention.surface
        assert mention.surface[:1].isupper()


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        ("adviser Zoryan Shkiriak told reporters", []),
        ("the Oleksandrivska school had 120 pupils", []),
        ("Kharkivska street was shelled", []),
        ("the Kupyan district", ["Kupyan district"]),
        ("Dnipropetrovsk regional military administration", ["Dnipropetrovsk regional"]),
    ],
)
def test_find_mentions_needs_a_place_reading(text: str, surfaces: list[str]) -> None:
    assert [m.surface for m in find_mentions(text)] == surfaces


def test_former_name_alone_is_read_as_the_current_unit() -> None:
    found = resolve("Dnipropetrovsk")
    assert found.unit is not None
    assert (found.unit.level, found.unit.name, found.match) == (
        "oblast",
        "Dnipropetrovska",
        "exact",
    )
    assert "Dnipro" in [u.name for u in found.candidates]


@pytest.mark.parametrize(
    ("written", "code"),
    [("Ukraine", "UA"), ("Russia", "RU"), ("Bangladesh", "BD"), ("India", "IN"), ("Syria", "SY")],
)
def test_countries_resolve(written: str, code: str) -> None:
    found = resolve(written)
    assert found.unit is not None
    assert (found.unit.level, found.unit.code, found.unit.pcode) == ("country", code, code)


def test_country_and_multi_region_figures_carry_no_unit_below() -> None:
    frame = pl.DataFrame({"location": ["Ukraine", "Kharkiv and Kherson regions", "Sumy region"]})
    out = annotate_places(frame)
    assert out["admin1_name"].to_list() == [None, None, "Sumska"]
    assert out["place_match"].to_list() == ["exact", "exact", "exact"]
    assert out["place_problem"].to_list() == [None, None, None]


def test_countries_are_not_mentions() -> None:
    surfaces = [m.surface for m in find_mentions("Ukraine said Kharkiv was hit.")]
    assert surfaces == ["Kharkiv"]


def test_find_mentions_prefers_the_country_named_in_the_text() -> None:
    alone = find_mentions("Floods in Punjab.")[0].resolution.unit
    together = find_mentions("Floods in Punjab and Sindh provinces.")[0].resolution.unit
    assert alone is not None
    assert together is not None
    assert together.country == "PK"
    assert alone.code != together.code
