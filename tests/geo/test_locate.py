"""Where an event happened: named sites, ambiguous names, regions, borders, seas, fallbacks.

All sentences are written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gazetteer import Gazetteer
from geo.articles.article import Article
from geo.event import Event
from geo.extract.locate import PlacePick, article_places, compatible, pick_place
from geo.extract.pipeline import extract
from geo.extract.places import fallback_place
from geo.extract.triggers import find_triggers


def pick(gz: Gazetteer, text: str, phrase: str, *, near_country: str = "") -> PlacePick | None:
    """The place pick_place chooses for the trigger ``phrase`` in a one-sentence text."""
    ctx = article_places(text, gazetteer=gz)
    trig = next(t for t in find_triggers(text) if t.text == phrase)
    return pick_place(ctx, 0, len(text), trig.start, weapon=trig.weapon, near_country=near_country)


def one_event(gz: Gazetteer, text: str, published: dt.date = dt.date(2024, 1, 11)) -> Event:
    events = extract([Article(id="p", text=text, published=published)], gazetteer=gz).events
    assert len(events) == 1, events
    return events[0]


# --- named sites ------------------------------------------------------------------------


def test_unnamed_base_outside_a_city_is_the_known_base(gz: Gazetteer) -> None:
    text = "Rockets were fired at an Iraqi base outside Kirkuk on Friday."
    found = pick(gz, text, "Rockets were fired")
    assert found is not None
    assert found.written == "an Iraqi base outside Kirkuk"
    assert (found.place.name, found.precision) == ("K-1 Air Base", "facility")
    assert text[found.start : found.end] == found.written
    assert found.how.startswith("named site")


def test_embassy_in_a_city(gz: Gazetteer) -> None:
    found = pick(gz, "A rocket barrage targeted the U.S. Embassy in Baghdad.", "rocket barrage")
    assert found is not None
    assert found.written == "the U.S. Embassy in Baghdad"
    assert found.place.name == "Embassy of the United States, Baghdad"
    assert (found.precision, found.place.country) == ("facility", "IQ")


def test_named_air_base_and_airport_through_extraction(gz: Gazetteer) -> None:
    base = one_event(gz, "A drone attack targeted US forces at al-Asad Air Base on Monday.")
    assert (base.resolved.name, base.resolved.precision) == ("Al Asad Airbase", "facility")
    airport = one_event(gz, "A drone attack hit an airport in Irbil on Monday.")
    assert airport.resolved.name == "Erbil International Airport"
    assert airport.place == "an airport in Irbil"


def test_each_trigger_takes_the_place_nearest_it(gz: Gazetteer) -> None:
    text = (
        "A rocket attack hit Erbil on Monday, and a drone attack targeted Ain al-Asad air base "
        "on Tuesday."
    )
    events = extract([Article(id="t", text=text, published=dt.date(2024, 1, 11))], gazetteer=gz)
    got = [(e.weapon, e.date.isoformat(), e.resolved.name) for e in events.events]
    assert got == [
        ("rocket", "2024-01-08", "Erbil"),
        ("drone", "2024-01-09", "Al Asad Airbase"),
    ]


# --- ambiguous names resolved by the article ---------------------------------------------


def test_ambiguous_names_really_are_ambiguous(gz: Gazetteer) -> None:
    assert {"MA", "SY"} <= {p.country for p in gz.resolve("Ras al-Ain")}
    assert {"IQ", "SY"} <= {p.country for p in gz.resolve("Sinjar")}
    assert gz.resolve("Ras al-Ain")[0].country == "MA"  # out of context, Morocco wins
    assert gz.resolve("Sinjar")[0].country == "IQ"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "Turkish forces shelled villages in Hasakah province this week. A Turkish drone "
            "strike in Ras al-Ain killed three fighters on Tuesday.",
            "SY",
        ),
        (
            "Government forces pressed their offensive in Syria's Idlib province. An airstrike in "
            "Sinjar killed four civilians on Monday.",
            "SY",
        ),
        (
            "Turkish jets have pounded positions near Mosul. An airstrike in Sinjar killed four "
            "fighters on Monday.",
            "IQ",
        ),
    ],
)
def test_ambiguous_town_resolved_by_places_nearby(gz: Gazetteer, text: str, country: str) -> None:
    event = one_event(gz, text)
    assert event.resolved.precision == "town"
    assert event.resolved.country == country


def test_ambiguous_town_resolved_by_the_country_of_the_article(gz: Gazetteer) -> None:
    event = one_event(
        gz,
        "Turkey has stepped up its campaign in Syria. A Turkish drone strike in Ras al-Ain "
        "killed three fighters on Tuesday.",
    )
    assert (event.resolved.country, event.resolved.precision) == ("SY", "town")


# --- regions and borders ------------------------------------------------------------------


def test_eastern_syria_is_a_region(gz: Gazetteer) -> None:
    event = one_event(gz, "US jets carried out an airstrike in eastern Syria on Sunday.")
    assert event.place == "eastern Syria"
    assert (event.resolved.name, event.resolved.precision) == ("Eastern Syria", "region")
    assert event.to_record({})["geo_precision"] == "region"


def test_two_neighbouring_countries_give_their_border_area(gz: Gazetteer) -> None:
    found = pick(gz, "The US launched airstrikes in Iraq and Syria.", "airstrikes")
    assert found is not None
    assert found.written == "Iraq and Syria"
    assert (found.place.name, found.place.kind, found.precision) == (
        "Syria–Iraq border",
        "area",
        "region",
    )


def test_border_area_through_extraction(gz: Gazetteer) -> None:
    event = one_event(
        gz,
        "The US military conducted retaliatory strikes in Iraq and Syria on Friday against "
        "Iranian-backed groups.",
        dt.date(2024, 2, 3),
    )
    assert (event.resolved.name, event.resolved.precision) == ("Syria–Iraq border", "region")
    assert event.date == dt.date(2024, 2, 2)


def test_a_place_the_attack_came_from_is_not_where_it_happened(gz: Gazetteer) -> None:
    found = pick(gz, "A militia fired rockets from Iraq at a base in Syria.", "fired rockets")
    assert found is not None
    assert found.place.id == "country:SY"


# --- seas ---------------------------------------------------------------------------------


def test_sea_named_in_the_sentence_narrowed_towards_the_attacker(gz: Gazetteer) -> None:
    text = "A drone boat exploded near a tanker in the Red Sea."
    plain = pick(gz, text, "drone boat")
    assert plain is not None
    assert plain.place.name == "Red Sea"
    found = pick(gz, text, "drone boat", near_country="YE")
    assert found is not None
    assert (found.place.name, found.precision) == ("Southern Red Sea", "sea")


def test_attack_on_shipping_without_a_place_falls_back_to_the_article_sea(gz: Gazetteer) -> None:
    text = "Houthi forces keep targeting ships in the Red Sea. A drone boat exploded on Monday."
    ctx = article_places(text, gazetteer=gz)
    trig = next(t for t in find_triggers(text) if t.text == "drone boat")
    start = text.index("A drone boat")
    assert pick_place(ctx, start, len(text), trig.start, weapon="vessel") is None
    plain = fallback_place(ctx, weapon="vessel")
    assert plain is not None
    assert (plain.place.name, plain.precision, plain.start) == ("Red Sea", "sea", -1)
    houthi = fallback_place(ctx, weapon="vessel", near_country="YE")
    assert houthi is not None
    assert (houthi.place.name, houthi.precision) == ("Southern Red Sea", "sea")


def test_houthi_attack_in_the_red_sea_through_extraction(gz: Gazetteer) -> None:
    event = one_event(
        gz,
        "A Houthi drone strike hit a US warship in the Red Sea on Dec. 27.",
        dt.date(2023, 12, 30),
    )
    assert (event.kind, event.actor_side) == ("attack", "iran_aligned")
    assert (event.resolved.name, event.resolved.precision) == ("Southern Red Sea", "sea")
    assert event.to_record({})["geo_precision"] == "sea"


def test_houthi_attack_with_the_sea_elsewhere_in_the_article(gz: Gazetteer) -> None:
    event = one_event(
        gz,
        "Houthi rebels have escalated their campaign in the Red Sea. On Dec. 27 a Houthi drone "
        "boat exploded near a tanker.",
        dt.date(2023, 12, 30),
    )
    assert event.resolved.name == "Southern Red Sea"


def test_drone_attack_on_a_ship_falls_back_to_the_sea(gz: Gazetteer) -> None:
    text = (
        "Houthi rebels have escalated their campaign in the Red Sea. A Houthi drone strike hit "
        "a cargo ship on Dec. 27."
    )
    result = extract([Article(id="s", text=text, published=dt.date(2023, 12, 30))], gazetteer=gz)
    assert result.diagnostics.unresolved_places == []
    assert [(e.kind, e.resolved.precision) for e in result.events] == [("attack", "sea")]


# --- coarse fallback ------------------------------------------------------------------------


def test_no_place_in_the_sentence_gives_the_article_country(gz: Gazetteer) -> None:
    text = (
        "Militias have stepped up their campaign in Iraq since October. A drone attack "
        "wounded three soldiers on Wednesday, officials said."
    )
    ctx = article_places(text, gazetteer=gz)
    start = text.index("A drone")
    trig = next(t for t in find_triggers(text) if t.text == "drone attack")
    assert pick_place(ctx, start, len(text), trig.start, weapon="drone") is None
    coarse = fallback_place(ctx, weapon="drone")
    assert coarse is not None
    assert (coarse.place.id, coarse.precision, coarse.start, coarse.end) == (
        "country:IQ",
        "country",
        -1,
        -1,
    )
    # Through extraction, where "US troops" is an actor and not a place.
    text = (
        "Iranian-backed militias have targeted US troops in Iraq dozens of times. A drone "
        "attack wounded three American soldiers on Wednesday, officials said."
    )
    event = one_event(gz, text, dt.date(2024, 1, 26))
    assert (event.resolved.id, event.to_record({})["geo_precision"]) == ("country:IQ", "country")
    assert event.injured == 3
    assert "main country" in event.place_how


def test_the_main_country_is_where_places_are(gz: Gazetteer) -> None:
    text = "The United States said militias in Syria fired rockets at Deir ez-Zor and Hasakah."
    country = article_places(text, gazetteer=gz).country
    assert country is not None
    assert country.id == "country:SY"


# --- adjectives are not places ---------------------------------------------------------------


def test_us_adjective_is_not_the_place_when_a_city_is_named(gz: Gazetteer) -> None:
    found = pick(gz, "A U.S. airstrike in Baghdad killed two fighters.", "airstrike")
    assert found is not None
    assert (found.written, found.place.name) == ("Baghdad", "Baghdad")


def test_us_adjective_alone_is_no_place_in_the_sentence(gz: Gazetteer) -> None:
    assert pick(gz, "A U.S. airstrike killed two fighters.", "airstrike") is None


def test_iranian_backed_is_not_iran(gz: Gazetteer) -> None:
    text = "Iranian-backed militias fired rockets at a base in Syria."
    ctx = article_places(text, gazetteer=gz)
    assert [m.place.id for m in ctx.mentions if m.place] == ["country:SY"]
    found = pick(gz, text, "fired rockets")
    assert found is not None
    assert found.place.id == "country:SY"


def test_us_adjective_alone_gives_no_fallback_country(gz: Gazetteer) -> None:
    ctx = article_places("A U.S. airstrike killed two fighters.", gazetteer=gz)
    assert ctx.country is None
    assert fallback_place(ctx) is None


def test_us_base_in_syria_is_in_syria(gz: Gazetteer) -> None:
    found = pick(gz, "A drone attack hit a US base in Syria.", "drone attack")
    assert found is not None
    assert found.place.id == "country:SY"


def test_us_embassy_without_a_city_is_not_the_united_states(gz: Gazetteer) -> None:
    event = one_event(
        gz,
        "Protests continued in Baghdad. A rocket attack hit the US Embassy on Sunday.",
        dt.date(2020, 1, 6),
    )
    assert event.resolved.country == "IQ"


# --- compatible ---------------------------------------------------------------------------


def test_compatible_places(gz: Gazetteer) -> None:
    erbil, basra = gz.best("Erbil"), gz.best("Basra")
    assert compatible(erbil, gz.best("northern Iraq"))
    assert compatible(erbil, gz.get("country:IQ"))
    assert compatible(erbil, erbil)
    assert compatible(None, basra) and compatible(basra, None)
    assert not compatible(basra, erbil)
    assert not compatible(erbil, gz.get("country:SY"))
    assert compatible(gz.best("Syria–Iraq border"), gz.get("country:IQ"))


def test_a_place_written_with_its_country_is_in_that_country(gz: Gazetteer) -> None:
    text = (
        "U.S. Forces conducted an airstrike against Al-Shabaab militants near El Burr, "
        "Somalia, on April 1, killing five terrorists."
    )
    event = one_event(gz, text)
    assert (event.place, event.resolved.country) == ("El Burr", "SO")


def test_a_date_before_a_comma_is_no_place_apposition(gz: Gazetteer) -> None:
    text = "On 17 September 2016, US airplanes struck a target of Dayr Az Zawr."
    event = one_event(gz, text)
    assert event.resolved.country == "SY"


def test_a_person_by_title_is_no_unknown_place(gz: Gazetteer) -> None:
    text = (
        "On 21 March 2017 a car bomb exploded outside President Mohamed Abdullahi Mohamed's "
        "residence at Villa Somalia."
    )
    event = one_event(gz, text)
    assert not event.place.startswith("President")


def test_listed_places_of_one_article_do_not_leak_into_another() -> None:
    """listed_with reuses the lists of the article it was last asked about, by identity."""
    from geo.extract.places import listed_with

    gz = Gazetteer()
    one = "Car bombs hit Jableh and Tartus on Monday."
    two = "Car bombs hit Jableh on Monday. Officials in Tartus said nothing."
    ctx_one, ctx_two = article_places(one, gazetteer=gz), article_places(two, gazetteer=gz)
    pick_one = pick_place(ctx_one, 0, len(one), 4)
    pick_two = pick_place(ctx_two, 0, 31, 4)
    assert pick_one is not None and pick_two is not None
    for _ in range(2):
        assert [p.place.name for p in listed_with(ctx_one, pick_one)] == ["Ţarţūs"]
        assert listed_with(ctx_two, pick_two) == []


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 12)), max_size=8),
    st.integers(0, 45),
    st.integers(0, 10),
)
def test_inside_longer_is_the_plain_test_over_every_span(
    spans: list[tuple[int, int]], start: int, size: int
) -> None:
    from geo.extract.places import inside_longer

    skip = tuple((s, s + n) for s, n in spans)
    end = start + size
    plain = any(s <= start and end <= e and e - s > end - start for s, e in skip)
    assert inside_longer(skip)(start, end) == plain
