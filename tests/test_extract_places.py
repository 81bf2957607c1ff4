"""Where a figure happened: the extractor's place columns, read with the packaged gazetteer."""

from __future__ import annotations

import pytest

from tracker.extract import extract


def _only(text: str) -> tuple[str, str | None, str | None, str | None]:
    (figure,) = extract(text).figures
    return figure.location, figure.admin1_name, figure.admin2_name, figure.settlement


def test_raion_named_with_the_figure_gives_admin2() -> None:
    location, admin1, admin2, settlement = _only(
        "436 people have been evacuated from Kupyansk district."
    )
    assert location == "Kupyansk district"
    assert (admin1, admin2, settlement) == ("Kharkivska", "Kupianskyi", None)


def test_oblast_only_gives_admin1_only() -> None:
    assert _only("900 people were brought out of frontline areas of Donetsk region.")[1:] == (
        "Donetska",
        None,
        None,
    )


def test_city_gives_settlement_with_its_raion_and_oblast() -> None:
    assert _only("About 40 people are still in Toretsk.") == (
        "Toretsk",
        "Donetska",
        "Bakhmutskyi",
        "Toretsk",
    )


def test_places_of_several_raions_give_no_district() -> None:
    location, admin1, admin2, settlement = _only(
        "A little more than 500 people still need to be evacuated from Polohy and Zaporizhzhia."
    )
    assert location == "Polohy and Zaporizhzhia"
    assert (admin1, admin2, settlement) == ("Zaporizka", None, None)


def test_communities_get_the_raion_the_text_names() -> None:
    text = (
        "Two communities in the Kupiansk district have seen 70 children evacuated. "
        "Evacuation is continuing from the Kindrashivka and Kurylivka communities, where there "
        "are about 1,000 children."
    )
    figures = extract(text).figures
    assert [(f.value, f.admin2_name, f.settlement) for f in figures] == [
        (70, "Kupianskyi", None),
        (1000, "Kupianskyi", None),
    ]


def test_a_where_clause_counts_in_the_place_it_hangs_on() -> None:
    text = (
        "Thirty people were evacuated from the Izium district. Eleven of them came from "
        "Kivsharivka and "
        "nine from the Borova community, where about 2,300 people still live."
    )
    figures = extract(text).figures
    assert [(f.value, f.location) for f in figures] == [
        (30, "Izium district"),
        (11, "Kivsharivka"),
        (9, "Borova community"),
        (2300, "Borova community"),
    ]


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ('"We are evacuating about 100 people a day," Sumy regional military administration '
         "head Oleh Hryhorov said.", "Sumska"),
        ("Over the past day, 120 people were evacuated, the Donetsk Oblast Military "
         "Administration said.", "Donetska"),
        ("Kharkiv city council said 40 people were evacuated.", None),
    ],
    ids=["regional-administration", "oblast-administration", "a-city-council-is-no-region"],
)  # fmt: skip
def test_a_figure_with_no_place_is_in_the_region_whose_office_reports_it(
    text: str, admin1: str | None
) -> None:
    (figure,) = extract(text).figures
    assert (figure.admin1_name, figure.admin2_name) == (admin1, None)


def test_a_region_named_only_later_is_not_an_earlier_places_region() -> None:
    text = (
        "More than 81,000 people have fled El Fasher since Sunday, IOM said. In North "
        "Kordofan, about 38,000 people were displaced from Bara."
    )
    assert [(f.location, f.admin1_name) for f in extract(text).figures] == [
        ("El Fasher", None),
        ("Bara", "North Kordofan"),
    ]


def test_a_host_with_an_auxiliary_is_the_place_not_the_origin() -> None:
    text = "Poltava region has accommodated 1,730 evacuees from the border areas of Sumy region."
    (figure,) = extract(text).figures
    assert (figure.metric, figure.location, figure.admin1_name) == (
        "housed",
        "Poltava region",
        "Poltavska",
    )


def test_names_listed_after_a_destination_are_destinations() -> None:
    text = (
        "About 9,400 residents remain in Dobropillia. Every day 60 people leave, most of them "
        "for Dnipro and Zaporizhzhia, and 317 families have been moved to Dnipro, Pavlohrad and "
        "Kamianske."
    )
    assert {f.location for f in extract(text).figures} == {"Dobropillia"}


def test_without_a_place_in_the_sentence_the_lead_gives_it() -> None:
    text = (
        "Police are evacuating residents of Siversk in the north of the Donetsk region. "
        "About ten citizens agreed to leave."
    )
    (figure,) = extract(text).figures
    assert (figure.settlement, figure.admin1_name) == ("Siversk", "Donetska")


@pytest.mark.parametrize(
    "text",
    [
        "21 people were evacuated to Kharkiv.",
        "21 people were evacuated, officials told reporters in Dhaka.",
        "21 people were evacuated near the Kakhovka dam.",
    ],
    ids=["destination", "venue", "part-of-a-name"],
)
def test_places_that_are_not_where_people_are_counted_are_set_aside(text: str) -> None:
    assert _only(text)[1:] == (None, None, None)


def test_a_speakers_office_is_no_place_of_its_own_but_gives_its_region() -> None:
    # The office is set aside as a place (no settlement, no raion); with no other place in
    # the document, the region it answers for is the figure's.
    text = "21 people were moved, said the head of the Sumy Regional Military Administration."
    assert _only(text)[1:] == ("Sumska", None, None)
    elsewhere = "21 people were moved from Izium, said the Sumy Regional Military Administration."
    assert _only(elsewhere)[1:] == ("Kharkivska", "Iziumskyi", "Izium")


@pytest.mark.parametrize(
    "text",
    [
        "Authorities evacuated more than 650,000 people ahead of Super Typhoon Man-yi.",
        "About 2,000 people were evacuated in the path of Tropical Storm Alberto.",
        "Some 300 residents fled from Operation Iron Swords, officials said.",
    ],
    ids=["typhoon", "tropical-storm", "operation"],
)
def test_an_event_name_is_no_place(text: str) -> None:
    assert _only(text)[0] == "(not stated)"


def test_a_village_the_gazetteer_lacks_is_not_the_town_inside_its_name() -> None:
    # "Mala Komyshuvakha" is a village, not Komyshuvakha (a town in another oblast).
    assert _only(
        "Police evacuated 14 people from the villages of Mala Komyshuvakha and Hrakove "
        "in Chuhuiv district."
    )[1:] == ("Kharkivska", "Chuhuivskyi", None)


def test_a_region_owning_an_unknown_district_gives_its_admin1() -> None:
    text = (
        "Heavy flooding in Sindh's Dadu district forced more than 12,000 people from their "
        "homes. Another 3,400 were moved to relief camps."
    )
    assert [(f.value, f.location, f.admin1_name) for f in extract(text).figures] == [
        (12000, "Dadu district", "Sindh"),
        (3400, "Dadu district", "Sindh"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Kherson: 27 residents were taken out of the Dniprovskyi district of the city.",
        "Police took 27 people out of the Dniprovskyi district of Kherson overnight.",
    ],
    ids=["of-the-city", "of-a-named-city"],
)
def test_a_district_of_a_city_is_no_raion(text: str) -> None:
    # Dniprovskyi is also a raion of Dnipropetrovsk oblast; here it is part of Kherson.
    assert _only(text)[1:] == ("Khersonska", "Khersonskyi", "Kherson")


def test_the_region_points_to_the_oblast_holding_the_places_named_before() -> None:
    text = (
        "Residents of 10 villages of the Zolochiv hromada in the Bohodukhiv district are to be "
        "evacuated. Since May 10, "
        "11,283 people have been evacuated from the region's border areas."
    )
    figures = extract(text).figures
    assert [(f.value, f.admin1_name, f.admin2_name) for f in figures][-1] == (
        11283,
        "Kharkivska",
        None,
    )


def test_housed_people_from_elsewhere_live_in_the_place_the_sentence_sets() -> None:
    assert _only(
        "In the neighbouring Mykolaiv region, 3 612 people from Kherson Oblast are currently "
        "housed under the Prykhystok programme."
    )[:2] == ("Mykolaiv region", "Mykolaivska")


def test_abroad_a_name_the_gazetteer_lacks_in_the_clause_beats_the_lead() -> None:
    text = (
        "Floods in Sindh have displaced 12,000 people in Dadu district. In neighbouring "
        "Jacobabad, another 3,400 were moved to relief camps."
    )
    assert [(f.value, f.location, f.admin1_name) for f in extract(text).figures] == [
        (12000, "Dadu district", "Sindh"),
        (3400, "Jacobabad", "Sindh"),
    ]


def test_abroad_a_later_clause_with_its_own_place_does_not_take_the_sentence_scene() -> None:
    text = (
        "Floods hit Punjab. In Kasur district alone, about 25,000 people were evacuated, and "
        "in Lahore, teams shifted 3 500 people by boat from low-lying areas of Shahdara."
    )
    assert [(f.value, f.location, f.admin1_name) for f in extract(text).figures] == [
        (25000, "Kasur district", "Punjab"),
        (3500, "Lahore", "Punjab"),
    ]


def test_abroad_several_areas_the_gazetteer_cannot_list_keep_their_phrase() -> None:
    text = (
        "Vietnam plans to evacuate more than 586,000 people from six central provinces. In "
        "Nghe An province alone, authorities intend to relocate about 150,000 residents."
    )
    assert [(f.value, f.location, f.admin1_name) for f in extract(text).figures] == [
        (586000, "six central provinces", None),
        (150000, "Nghe An province", "Nghe An"),
    ]


def test_an_unknown_place_takes_the_one_district_the_lead_names() -> None:
    text = "Evacuation continues in Khan Younis. About 300 people fled from Bani Suheila."
    assert _only(text) == ("Bani Suheila", "Gaza Strip", "Khan Younis", None)


@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("About 1 200 residents from Lithi, Elata and Vessa were moved.", "Lithi, Elata and Vessa"),
        (
            "Some 10 000 people left villages around Mount Lewotobi in East Flores district.",
            "East Flores district",
        ),
    ],
    ids=["a-list-of-names", "a-mountain-is-no-place"],
)
def test_unknown_place_phrases(text: str, location: str) -> None:
    assert _only(text)[0] == location


def test_the_region_owning_the_speaker_is_the_last_resort() -> None:
    text = (
        "Sindh's disaster authority said 150,000 people had been evacuated from the riverine "
        "belt along the Indus."
    )
    assert _only(text)[:2] == ("Sindh", "Sindh")


def test_in_ukraine_a_village_the_gazetteer_lacks_takes_the_leads_place() -> None:
    text = (
        "Shelling of Zaporizhzhia continues. 18 families were evacuated from Prymorske and Plavni."
    )
    assert _only(text)[1:3] == ("Zaporizka", "Zaporizkyi")


def test_unresolved_place_keeps_location_and_leaves_admin_columns_empty() -> None:
    (figure,) = extract("More than 300,000 people were evacuated in Bangladesh.").figures
    assert figure.location == "Bangladesh"
    assert (figure.admin1_name, figure.admin2_name, figure.settlement) == (None, None, None)


def test_a_figure_with_no_place_at_all_says_so() -> None:
    (figure,) = extract("More than 300 people were evacuated.").figures
    assert figure.location == "(not stated)"
    assert figure.place_match is None


def test_restatements_in_different_places_are_both_kept() -> None:
    text = "In Slavyansk it is about 50 thousand people, and in Kramatorsk it is 50 thousand."
    assert [f.settlement for f in extract(text).figures] == ["Sloviansk", "Kramatorsk"]


def test_a_place_right_after_a_breakdown_is_the_breakdowns_own() -> None:
    text = (
        "Over 6,600 people were evacuated through humanitarian corridors on Thursday, "
        "including 1,229 from Mariupol."
    )
    figures = extract(text).figures
    assert [(f.value, f.settlement) for f in figures] == [(6600, None), (1229, "Mariupol")]


def test_a_subgroup_shares_its_heads_place() -> None:
    text = "900 people from Kupiansk district, including 200 children, were evacuated."
    assert [f.admin2_name for f in extract(text).figures] == ["Kupianskyi", "Kupianskyi"]


def test_a_part_named_later_is_no_lead() -> None:
    text = (
        "After the earthquake, more than 1 million people are staying in temporary shelters. "
        "In Hatay province alone, 230,000 people were evacuated."
    )
    figures = extract(text).figures
    assert [(f.value, f.admin1_name) for f in figures] == [(1_000_000, None), (230_000, "Hatay")]


def test_headline_restated_in_the_body_with_another_place_keeps_the_body() -> None:
    text = (
        "More than 40,000 people have fled El Fasher in Sudan. "
        "In North Darfur, more than 40,000 people have fled the fighting, officials said."
    )
    figures = extract(text).figures
    assert [(f.value, f.admin1_name) for f in figures] == [(40_000, "North Darfur")]


def test_the_district_points_back_to_the_district_named_before() -> None:
    text = (
        "In Kupiansk district, 56 people were evacuated. "
        "Since August 2023, 31,500 residents of the district have been evacuated."
    )
    assert [f.admin2_name for f in extract(text).figures] == ["Kupianskyi", "Kupianskyi"]


def test_a_dateline_is_not_the_figures_place() -> None:
    text = (
        "Over 1,000 people evacuated from Kupiansk district in a week\n"
        "KHARKIV \u2013 Over the past week, 1,034 people were evacuated from the Kupiansk "
        "district, officials said."
    )
    figures = extract(text).figures
    assert [(f.value, f.admin2_name, f.settlement) for f in figures] == [(1034, "Kupianskyi", None)]


@pytest.mark.parametrize(
    ("text", "district", "oblast"),
    [
        ("Over 300 people were taken out of the Izyum district.", "Izium", "Kharkiv"),
        ("About 700 residents are still living in Slavyansk.", "Sloviansk", "Donetsk"),
        (
            "In the Sumy district, 45 children were moved from the Bilopillia hromada.",
            "Sumy",
            "Sumy",
        ),
        ("Some 120 people remain in the Krasnopillia hromada.", "Krasnopillia", "Sumy"),
        (
            "More than 2,000 people have been evacuated from Zaporizhzhia region.",
            None,
            "Zaporizhzhia",
        ),
    ],
    ids=["raion-centre", "city-itself", "hromada-in-named-raion", "hromada-centre", "oblast-only"],
)
def test_district_and_oblast_follow_the_guidelines_naming(
    text: str, district: str | None, oblast: str | None
) -> None:
    (figure,) = extract(text).figures
    assert (figure.district, figure.oblast) == (district, oblast)


@pytest.mark.parametrize(
    ("text", "location"),
    [
        (
            "Flooding hit Oregon overnight. In Lakeview county alone, officials ordered "
            "about 3,000 residents to leave.",
            "Lakeview county",
        ),
        ("Fort Mercer's roughly 8,000 residents must leave Oregon by Monday.", "Fort Mercer"),
        (
            "About 600 evacuees are being housed at a sports hall in Red Deer, Alberta.",
            "Red Deer",
        ),
    ],
    ids=["scene-phrase", "possessive-count", "city-comma-region"],
)
def test_place_phrases_the_gazetteer_does_not_know(text: str, location: str) -> None:
    (figure,) = extract(text).figures
    assert figure.location == location


def test_gapped_coordination_gives_each_number_the_place_before_it() -> None:
    text = "Bakhmut now has 500 residents, Toretsk about 1,200 and Pokrovsk some 7,000."
    figures = extract(text).figures
    assert [(f.metric, f.value, f.settlement) for f in figures] == [
        ("remaining", 500, "Bakhmut"),
        ("remaining", 1200, "Toretsk"),
        ("remaining", 7000, "Pokrovsk"),
    ]


def test_housed_figure_takes_the_host_place_not_the_origin() -> None:
    (figure,) = extract(
        "About 900 IDPs from Kherson have been accommodated in the Odesa region so far."
    ).figures
    assert (figure.metric, figure.location, figure.admin1_name) == (
        "housed",
        "Odesa region",
        "Odeska",
    )


@pytest.mark.parametrize(
    ("text", "location", "district"),
    [
        (
            "About 800 people remain in Toretsk. Police took out 9 residents from the "
            "Tsentralnyi neighbourhood on Friday.",
            "Toretsk",
            "Toretsk",
        ),
        (
            "Over 250 residents were evacuated from Kupyansk district, Kharkiv.",
            "Kupyansk district",
            "Kupiansk",
        ),
        (
            "Some 30 people left the village of Mala Tokmachka in the Orikhiv community.",
            "Mala Tokmachka",
            "Orikhiv",
        ),
    ],
    ids=["city-part-is-no-place", "region-after-comma-is-a-container", "village-in-community"],
)
def test_parts_and_containers_of_places(text: str, location: str, district: str) -> None:
    figure = extract(text).figures[-1]
    assert (figure.location, figure.district) == (location, district)


def test_output_records_carry_short_district_and_oblast_but_rows_do_not() -> None:
    from tracker.documents import Document
    from tracker.ingest import extract_records

    text = "Over 300 people were taken out of the Kupyansk district."
    (record,) = extract_records(Document("a.txt", text, "a.txt", "a.txt"))
    (figure,) = extract(text).figures
    assert (record["district"], record["oblast"]) == ("Kupiansk", "Kharkiv")
    assert "district" not in figure.to_row()


def test_list_items_take_the_place_before_their_dash() -> None:
    text = (
        "Evacuated over the past day: 90 people. Pokrovsk district \u2013 60 people "
        "(8 children), Kramatorsk district \u2013 30 people."
    )
    places = [(f.value, f.location) for f in extract(text).figures]
    assert (60, "Pokrovsk district") in places
    assert (8, "Pokrovsk district") in places
    assert (30, "Kramatorsk district") in places


@pytest.mark.parametrize(
    ("text", "location", "district"),
    [
        (
            "In Kordofan, rescuers moved 900 people to higher ground in Umm Ruwaba.",
            "Umm Ruwaba",
            None,
        ),
        (
            "Across Punjab the army evacuated 2,000 people, while officials in Layyah district "
            "evacuated 700 residents.",
            "Layyah district",
            "Layyah",
        ),
        ("In Fort Liard, 350 residents had left by Tuesday.", "Fort Liard", None),
        (
            "Around 6,000 people in the Nhamatanda district still need to be rescued.",
            "Nhamatanda district",
            "Nhamatanda",
        ),
        (
            "Some 900 people in Enterprise and Kakisa remain under evacuation orders.",
            "Enterprise and Kakisa",
            None,
        ),
        ("Some 500 people fled from Ras al Khaimah overnight.", "Ras al Khaimah", None),
        (
            "Officials said the Kebkabiya locality now hosts about 9,000 IDPs.",
            "Kebkabiya locality",
            "Kebkabiya",
        ),
    ],
    ids=[
        "unknown-town-in-clause",
        "unknown-district-over-region",
        "in-town-comma",
        "tight-unknown-district",
        "tight-unknown-list",
        "particle-inside-name",
        "unit-subject",
    ],
)
def test_unknown_place_phrases_are_kept_as_written(
    text: str, location: str, district: str | None
) -> None:
    figure = extract(text).figures[-1]
    assert (figure.location, figure.district) == (location, district)


def test_surname_after_a_title_is_no_place() -> None:
    text = "In Kupiansk about 700 residents remain, said police chief Petro Bakhmutskyi."
    assert _only(text)[0] == "Kupiansk"


def test_figures_without_a_place_take_the_place_of_the_leads_figure() -> None:
    text = (
        "All 3,000 residents of Fort Vermilion were ordered to leave, officials in Alberta "
        "said. About 1,100 people were flown out on Monday."
    )
    figures = extract(text).figures
    assert [(f.value, f.location, f.admin1_name) for f in figures] == [
        (3000, "Fort Vermilion", "Alberta"),
        (1100, "Fort Vermilion", "Alberta"),
    ]


def test_where_an_evacuation_train_leaves_from_is_no_origin() -> None:
    text = (
        "About 9,000 people remain in Selydove. Over the weekend 640 residents left the city, "
        "most of them by evacuation train from Pavlohrad."
    )
    left = [f for f in extract(text).figures if f.value == 640]
    assert [f.location for f in left] == ["Selydove"]


def test_a_total_split_across_places_covers_them_all() -> None:
    text = (
        "In total, 86 children must be evacuated, including 50 from the Borova community "
        "and 36 from the Kivsharivka community."
    )
    total = next(f for f in extract(text).figures if f.value == 86)
    assert total.location == "Borova community and Kivsharivka community"
    assert (total.admin1_name, total.district) == ("Kharkivska", None)


@pytest.mark.parametrize(
    ("text", "value", "location"),
    [
        (
            "About 900 people fled Derna, and a further 400 were displaced in other coastal towns.",
            400,
            "other coastal towns",
        ),
        (
            "300 people were evacuated from Kupiansk and other settlements of the district.",
            300,
            "Kupiansk",
        ),
    ],
    ids=["other-areas-are-not-the-named-place", "named-place-with-other-areas"],
)
def test_other_areas_phrase(text: str, value: int, location: str) -> None:
    figure = next(f for f in extract(text).figures if f.value == value)
    assert figure.location == location


def test_host_list_after_a_shelter_verb_is_kept_whole() -> None:
    text = "More than 5,000 people are staying in schools in Sofala and Manica provinces."
    assert _only(text)[0] == "Sofala and Manica provinces"


def test_ellipsis_without_a_place_shares_its_anchors() -> None:
    text = (
        "Up to 2,000 people in the Dondo district still need to be evacuated, while 700 had "
        "been rescued by boat."
    )
    assert [f.location for f in extract(text).figures] == ["Dondo district", "Dondo district"]


def test_a_town_in_part_of_a_named_raion_takes_the_raion_as_district() -> None:
    text = "In Seredyna-Buda, in the north of Shostka district, about 5,000 residents remain."
    (figure,) = extract(text).figures
    assert (figure.location, figure.district) == ("Seredyna-Buda", "Shostka")
