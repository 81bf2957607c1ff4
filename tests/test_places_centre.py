"""Every raion and hromada names its centre, the settlement a short district name uses."""

from __future__ import annotations

import pytest

from tracker.places import resolve, units


@pytest.fixture(autouse=True)
def _no_user_gazetteers(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    monkeypatch.setenv("TRACKER_PLACES_DIR", str(tmp_path_factory.mktemp("places")))


@pytest.mark.parametrize(
    ("written", "level", "centre"),
    [
        ("Sumskyi raion", "raion", "Sumy"),
        ("Shostkynskyi raion", "raion", "Shostka"),
        ("Kupianskyi raion", "raion", "Kupiansk"),
        ("Iziumskyi raion", "raion", "Izium"),
        ("Bohodukhivskyi raion", "raion", "Bohodukhiv"),
        ("Berestynskyi raion", "raion", "Berestyn"),
        ("Krasnohradskyi raion", "raion", "Berestyn"),  # the former name of the raion
        ("Pokrovsk district", "raion", "Pokrovsk"),
        ("Mohyliv-Podilskyi raion", "raion", "Mohyliv-Podilskyi"),  # city named as an adjective
        ("Kamianets-Podilskyi raion", "raion", "Kamianets-Podilskyi"),
        ("Kurmanskyi raion", "raion", "Kurman"),  # no same-stem hromada: a same-stem town
        ("Dnistrovskyi raion", "raion", "Kelmentsi"),  # named after a river
        ("Kupianska hromada", "hromada", "Kupiansk"),
        ("Orikhiv community", "hromada", "Orikhiv"),
        ("Dvorichanska hromada", "hromada", "Dvorichna"),
        ("Yakymivska hromada", "hromada", "Yakymivka"),
    ],
)
def test_raions_and_hromadas_name_their_centre(written: str, level: str, centre: str) -> None:
    unit = resolve(written).unit
    assert unit is not None
    assert (unit.level, unit.centre) == (level, centre)


@pytest.mark.parametrize("level", ["raion", "hromada"])
def test_every_raion_and_hromada_has_a_centre(level: str) -> None:
    missing = [u.name for u in units(level) if not u.centre]
    assert missing == []


def test_a_raion_centre_is_a_city_or_town_inside_the_raion() -> None:
    outside = []
    for raion in units("raion"):
        assert raion.centre is not None
        found = resolve(raion.centre).candidates
        if not any(c.level in ("city", "town") and c.admin2_pcode == raion.pcode for c in found):
            outside.append((raion.name, raion.centre))
    assert outside == []


@pytest.mark.parametrize("written", ["Kharkiv oblast", "Kupiansk", "Alberta", "Rhodes"])
def test_other_levels_have_no_centre(written: str) -> None:
    unit = resolve(written).unit
    assert unit is not None
    assert unit.centre is None
