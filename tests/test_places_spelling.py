"""Real spellings of places, each with the unit it must resolve to.

Spellings come from the annotated passages in ../shared/eval/dev.jsonl and from what the
press writes: modern and Russian-based transliterations, Cyrillic originals, "X district"
and "X region" phrases, former names of renamed units, and first-level units elsewhere.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.places import resolve

# (as written, level, canonical name, oblast P-code)
UKRAINE = [
    ("Kupiansk", "city", "Kupiansk", "UA63"),
    ("Kupyansk", "city", "Kupiansk", "UA63"),
    ("Kupjansk", "city", "Kupiansk", "UA63"),
    ("Куп'янськ", "city", "Kupiansk", "UA63"),
    ("Купянск", "city", "Kupiansk", "UA63"),
    ("Kupyansk district", "raion", "Kupianskyi", "UA63"),
    ("Kupiansk district", "raion", "Kupianskyi", "UA63"),
    ("Kupyan district", "raion", "Kupianskyi", "UA63"),
    ("Kupianskyi raion", "raion", "Kupianskyi", "UA63"),
    ("Kupyanskiy rayon", "raion", "Kupianskyi", "UA63"),
    ("Kupiansky district", "raion", "Kupianskyi", "UA63"),
    ("Kupianska hromada", "hromada", "Kupianska", "UA63"),
    ("Kharkiv", "city", "Kharkiv", "UA63"),
    ("Kharkov", "city", "Kharkiv", "UA63"),
    ("Харків", "city", "Kharkiv", "UA63"),
    ("Kharkiv region", "oblast", "Kharkivska", "UA63"),
    ("Kharkov region", "oblast", "Kharkivska", "UA63"),
    ("Kharkivska oblast", "oblast", "Kharkivska", "UA63"),
    ("Kharkiv Oblast", "oblast", "Kharkivska", "UA63"),
    ("Харківська область", "oblast", "Kharkivska", "UA63"),
    ("Kharkiv district", "raion", "Kharkivskyi", "UA63"),
    ("Izium", "city", "Izium", "UA63"),
    ("Izyum", "city", "Izium", "UA63"),
    ("Izyum district", "raion", "Iziumskyi", "UA63"),
    ("Vovchansk", "city", "Vovchansk", "UA63"),
    ("Volchansk", "city", "Vovchansk", "UA63"),
    ("Chuhuiv", "city", "Chuhuiv", "UA63"),
    ("Chuguev", "city", "Chuhuiv", "UA63"),
    ("Balakliia", "city", "Balakliia", "UA63"),
    ("Balakleya", "city", "Balakliia", "UA63"),
    ("Bohodukhiv district", "raion", "Bohodukhivskyi", "UA63"),
    ("Bogodukhov", "city", "Bohodukhiv", "UA63"),
    ("Krasnohradskyi raion", "raion", "Berestynskyi", "UA63"),
    ("Berestyn district", "raion", "Berestynskyi", "UA63"),
    ("Krasnograd", "city", "Berestyn", "UA63"),
    ("Lozova district", "raion", "Lozivskyi", "UA63"),
    ("Velykyi Burluk", "town", "Velykyi Burluk", "UA63"),
    ("Kindrashivka community", "hromada", "Kindrashivska", "UA63"),
    ("Kurylivka community", "hromada", "Kurylivska", "UA63"),
    ("Pokrovsk", "city", "Pokrovsk", "UA14"),
    ("Pokrovsk district", "raion", "Pokrovskyi", "UA14"),
    ("Pokrovsk community", "hromada", "Pokrovska", "UA14"),
    ("Krasnoarmeysk", "city", "Pokrovsk", "UA14"),
    ("Slavyansk", "city", "Sloviansk", "UA14"),
    ("Sloviansk", "city", "Sloviansk", "UA14"),
    ("Slovyansk", "city", "Sloviansk", "UA14"),
    ("Ugledar", "city", "Vuhledar", "UA14"),
    ("Vuhledar", "city", "Vuhledar", "UA14"),
    ("Artemovsk", "city", "Bakhmut", "UA14"),
    ("Bakhmut", "city", "Bakhmut", "UA14"),
    ("Kostyantynivka", "city", "Kostiantynivka", "UA14"),
    ("Konstantinovka", "city", "Kostiantynivka", "UA14"),
    ("Kurakhovo", "city", "Kurakhove", "UA14"),
    ("Myrnohrad", "city", "Myrnohrad", "UA14"),
    ("Mirnograd", "city", "Myrnohrad", "UA14"),
    ("Toretsk community", "hromada", "Toretska", "UA14"),
    ("Dzerzhinsk", "city", "Toretsk", "UA14"),
    ("Chasiv Yar", "city", "Chasiv Yar", "UA14"),
    ("Chasov Yar", "city", "Chasiv Yar", "UA14"),
    ("Siversk", "city", "Siversk", "UA14"),
    ("Avdeevka", "city", "Avdiivka", "UA14"),
    ("Donetsk region", "oblast", "Donetska", "UA14"),
    ("Donetsk Oblast", "oblast", "Donetska", "UA14"),
    ("Kramatorsk district", "raion", "Kramatorskyi", "UA14"),
    ("Volnovakha district", "raion", "Volnovaskyi", "UA14"),
    ("Zaporizhzhia", "city", "Zaporizhzhia", "UA23"),
    ("Zaporozhye", "city", "Zaporizhzhia", "UA23"),
    ("Zaporizhzhia region", "oblast", "Zaporizka", "UA23"),
    ("Zaporozhye oblast", "oblast", "Zaporizka", "UA23"),
    ("Orikhiv community", "hromada", "Orikhivska", "UA23"),
    ("Orekhov", "city", "Orikhiv", "UA23"),
    ("Huliaipole", "city", "Huliaipole", "UA23"),
    ("Gulyaipole", "city", "Huliaipole", "UA23"),
    ("Polohy", "city", "Polohy", "UA23"),
    ("Kherson", "city", "Kherson", "UA65"),
    ("Kherson region", "oblast", "Khersonska", "UA65"),
    ("Beryslav district", "raion", "Beryslavskyi", "UA65"),
    ("Berislav", "city", "Beryslav", "UA65"),
    ("Sumy region", "oblast", "Sumska", "UA59"),
    ("Sumy", "city", "Sumy", "UA59"),
    ("Okhtyrka", "city", "Okhtyrka", "UA59"),
    ("Akhtyrka", "city", "Okhtyrka", "UA59"),
    ("Dnipropetrovsk region", "oblast", "Dnipropetrovska", "UA12"),
    ("Dnepropetrovsk oblast", "oblast", "Dnipropetrovska", "UA12"),
    ("Dnipro", "city", "Dnipro", "UA12"),
    ("Nikopol", "city", "Nikopol", "UA12"),
    ("Kiev", "city", "Kyiv", "UA80"),
    ("Kyiv", "city", "Kyiv", "UA80"),
    ("Kyiv region", "oblast", "Kyivska", "UA32"),
    ("Odessa", "city", "Odesa", "UA51"),
    ("Nikolaev", "city", "Mykolaiv", "UA48"),
    ("Cherkasy region", "oblast", "Cherkaska", "UA71"),
    ("Poltava", "city", "Poltava", "UA53"),
    ("Lugansk region", "oblast", "Luhanska", "UA44"),
    ("Severodonetsk", "city", "Siverskodonetsk", "UA44"),
    ("Crimea", "oblast", "Avtonomna Respublika Krym", "UA01"),
]

UKRAINE += [
    ("Borova community", "hromada", "Borivska", "UA63"),
    ("Illinivka community", "hromada", "Illinivska", "UA14"),
    ("Kupiansk-Vuzlovyi", "town", "Kupiansk-Vuzlovyi", "UA63"),
    ("Siverskodonetsk", "city", "Siverskodonetsk", "UA44"),
    ("Samarivskyi raion", "raion", "Samarivskyi", "UA12"),
    ("Novomoskovsk district", "raion", "Samarivskyi", "UA12"),
    ("Dnipropetrovsk", "oblast", "Dnipropetrovska", "UA12"),
    ("Куп'янський район", "raion", "Kupianskyi", "UA63"),
]

# (as written, level, canonical name, first-level unit)
ELSEWHERE = [
    ("Gaza Strip", "admin1", "Gaza Strip", "Gaza Strip"),
    ("Rafah", "admin2", "Rafah", "Gaza Strip"),
    ("Khan Yunis", "admin2", "Khan Younis", "Gaza Strip"),
    ("North Darfur", "admin1", "North Darfur", "North Darfur"),
    ("Kordofan", "admin1", "Kordofan", "Kordofan"),
    ("Sindh", "admin1", "Sindh", "Sindh"),
    ("Punjab", "admin1", "Punjab", "Punjab"),
    ("Khyber Pakhtunkhwa", "admin1", "Khyber Pakhtunkhwa", "Khyber Pakhtunkhwa"),
    ("Izmir", "admin1", "Izmir", "Izmir"),
    ("İzmir", "admin1", "Izmir", "Izmir"),
    ("Manisa", "admin1", "Manisa", "Manisa"),
    ("Hatay", "admin1", "Hatay", "Hatay"),
    ("Odisha", "admin1", "Odisha", "Odisha"),
    ("Orissa", "admin1", "Odisha", "Odisha"),
    ("South Aegean", "admin1", "South Aegean", "South Aegean"),
    ("Alberta", "admin1", "Alberta", "Alberta"),
    ("Northwest Territories", "admin1", "Northwest Territories", "Northwest Territories"),
    ("British Columbia", "admin1", "British Columbia", "British Columbia"),
    ("California", "admin1", "California", "California"),
    ("Belgorod region", "admin1", "Belgorod", "Belgorod"),
    ("Kursk region", "admin1", "Kursk", "Kursk"),
]


@pytest.mark.parametrize(("written", "level", "name", "admin1_pcode"), UKRAINE)
def test_ukrainian_spelling_resolves(
    written: str, level: str, name: str, admin1_pcode: str
) -> None:
    found = resolve(written)
    assert found.unit is not None, found.suggestions
    assert (found.unit.level, found.unit.name, found.unit.admin1_pcode) == (
        level,
        name,
        admin1_pcode,
    )
    assert found.match in ("exact", "alias")


@pytest.mark.parametrize(("written", "level", "name", "admin1"), ELSEWHERE)
def test_spelling_elsewhere_resolves(written: str, level: str, name: str, admin1: str) -> None:
    found = resolve(written)
    assert found.unit is not None, found.suggestions
    assert (found.unit.level, found.unit.name, found.unit.admin1_name) == (level, name, admin1)


@given(st.text(max_size=80))
@settings(max_examples=150, deadline=None)
def test_any_text_resolves_without_error(text: str) -> None:
    found = resolve(text)
    # A match with no unit is a name several places share ("СЕЛИЩЕ", "Kolisnykivka").
    assert found.match is not None or found.unit is None
    assert found.unit is not None or found.match is None or found.needs_context
    assert 0.0 <= found.score <= 1.0
