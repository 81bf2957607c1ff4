"""The places API: resolve, find_mentions, annotate_places (basic behaviour)."""

from __future__ import annotations

import polars as pl
import pytest
from polars.testing import assert_frame_equal

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
    assert "ambiguous" in found.note


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
