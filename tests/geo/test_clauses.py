"""Who acted when a clause puts other names between the actor and its verb: appositives.

Our own example sentences, one per phrasing class.
"""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from tests.extracted import events


def test_the_subject_acts_past_an_appositive_that_names_a_state(gz: Gazetteer) -> None:
    text = (
        "On 3 May 2024, al-Shabaab, a group listed as terrorist by the United States, "
        "launched an attack on a police station in Beledweyne."
    )
    assert [(e.kind, e.actor) for e in events(gz, text)] == [("attack", "al-Shabaab")]


def test_a_list_of_states_is_no_appositive(gz: Gazetteer) -> None:
    text = "On 3 May 2024, Jordan, the United States and France struck targets near Raqqa."
    found = events(gz, text)
    assert [e.kind for e in found] == ["strike"]
    assert found[0].actor != "al-Shabaab"


def test_what_an_act_answers_without_a_day_is_no_event_of_that_day(gz: Gazetteer) -> None:
    text = (
        "On 2 March 2024, Israeli jets struck Hezbollah positions near Nabatieh in retaliation "
        "for an attack on an army post in Metula."
    )
    found = [(e.kind, e.date.isoformat()) for e in events(gz, text)]
    assert found == [("strike", "2024-03-02")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline's present tense of a verb of doing, and a claim, make the event theirs
        (
            "Turkish forces launch a strike on Qamishli, killing two fighters.",
            ("strike", "Qamishli", "Turkish forces"),
        ),
        (
            "Islamic State claimed an attack on a checkpoint in Kirkuk.",
            ("attack", "Kirkuk", "Islamic State"),
        ),
    ],
)
def test_an_act_done_or_claimed_is_an_event(
    gz: Gazetteer, text: str, expected: tuple[str, str, str]
) -> None:
    assert [(e.kind, e.place, e.actor) for e in events(gz, text)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state named as the subject, a place as its object
        ("On Tuesday Russia struck the city of Sumy, killing a woman.", ("2024-01-09", "Sumy")),
        # how often, between a phrasal verb and its preposition, and a day's many attacks at
        # one place: that day's event there
        ("On Friday, Russian troops fired 47 times on Kherson.", ("2024-01-05", "Kherson")),
        (
            "On Friday, Russian forces attacked Kherson 65 times, killing two.",
            ("2024-01-05", "Kherson"),
        ),
    ],
)
def test_a_state_s_act_on_a_place(gz: Gazetteer, text: str, expected: tuple[str, str]) -> None:
    assert [(e.kind, e.date.isoformat(), e.place) for e in events(gz, text)] == [
        ("strike", *expected)
    ]


def test_a_headline_s_projectiles_pound_the_place_after_them(gz: Gazetteer) -> None:
    found = [(e.kind, e.place) for e in events(gz, "Russian Missiles Pound Kharkiv")]
    assert found == [("strike", "Kharkiv")]


def test_a_strike_s_missiles_and_its_purported_target_are_the_strike_s(gz: Gazetteer) -> None:
    # our own story: the missiles no one is named to have fired are the drone strike's, the
    # group named as its target did not strike, and the place inside the group's name
    # ("in the Arabian Peninsula") is no place of an event
    text = (
        "On 3 March 2019, a U.S. drone launched an airstrike on a car near the town of Radda in "
        "Yemen. The car was carrying four men. As it slowed at a checkpoint, two missiles were "
        "launched at it. None of the dead were members of al-Qaeda in the Arabian Peninsula "
        "(AQAP), the purported target of the strike."
    )
    found = [(e.kind, e.date.isoformat(), e.actor) for e in events(gz, text)]
    assert found == [("strike", "2019-03-03", "United States")]


def test_what_a_target_was_used_for_is_no_event(gz: Gazetteer) -> None:
    text = (
        "On 4 May 2024 U.S. jets struck radar sites near Hodeidah used by the Houthis to attack "
        "ships in the Red Sea."
    )
    assert [(e.kind, e.actor) for e in events(gz, text)] == [("strike", "United States")]


def test_a_country_outside_which_it_happened_is_not_its_place(gz: Gazetteer) -> None:
    text = (
        "On 3 November 2002, a CIA drone struck a car in Marib, Yemen. It was the first drone "
        "strike by the United States outside of Afghanistan."
    )
    assert [(e.date.isoformat(), e.place) for e in events(gz, text)] == [("2002-11-03", "Marib")]


def test_an_event_that_was_an_actor_s_operation_is_its_doer_s(gz: Gazetteer) -> None:
    text = (
        "The raid on Bir Ali was a joint United States/United Arab Emirates military operation "
        "carried out on 3 May 2018 in the village of Bir Ali, Yemen."
    )
    assert [(e.kind, e.actor) for e in events(gz, text)] == [("strike", "United States")]


def test_a_lead_s_event_in_a_country_told_again_at_a_town_is_one_event(gz: Gazetteer) -> None:
    # the town is one the gazetteer lacks; the country beside the border is not its country
    text = (
        "Suspected extremists attacked an army barracks on Friday in Burkina Faso, killing 12 "
        "soldiers. About 40 gunmen stormed the army post in Nassoumbou, a town near the border "
        "with Mali."
    )
    found = [
        (e.date.isoformat(), e.place, e.resolved.country, e.fatalities) for e in events(gz, text)
    ]
    assert found == [("2024-01-05", "Nassoumbou", "BF", 12)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a demonym inside a name is the country when nothing else names one
        ("Truck Bomb Targeting Afghan Army Base Kills Five", ("attack", "Afghanistan", "")),
        # a headline's passive without its "were": the victims before it, the doer after
        (
            "Dozens of Afghan Security Forces Killed in Taliban Assault",
            ("attack", "Afghanistan", "Taliban"),
        ),
    ],
)
def test_headlines_without_a_place_or_an_auxiliary(
    gz: Gazetteer, text: str, expected: tuple[str, str, str]
) -> None:
    assert [(e.kind, e.place, e.actor) for e in events(gz, text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "ISIS claims attack in Iran as a militia leader is killed in Baghdad by a drone strike.",
        "FLASHPOINT: GLOBAL CRISES - ISIS Claims Iran Attack",
    ],
)
def test_a_claimed_attack_is_the_claimant_s(gz: Gazetteer, text: str) -> None:
    found = [(e.kind, e.place, e.actor) for e in events(gz, text)]
    assert [f for f in found if f[0] == "attack"] == [("attack", "Iran", "Islamic State")]


def test_a_sponsor_s_partners_attack_and_take_the_town_they_capture(gz: Gazetteer) -> None:
    text = "In mid-December 2018, U.S.-backed forces captured the town of Hajin from ISIS."
    assert [(e.kind, e.date.isoformat(), e.place, e.actor) for e in events(gz, text)] == [
        ("attack", "2018-12-15", "Hajin", "")
    ]


def test_a_place_named_again_by_its_kind_is_the_last_of_that_kind(gz: Gazetteer) -> None:
    text = (
        "The power went out in Kherson on Monday. On Tuesday, Russian troops shelled the city "
        "again, killing two."
    )
    assert [(e.date.isoformat(), e.place) for e in events(gz, text)] == [("2024-01-09", "Kherson")]


def test_where_rockets_were_fired_from_is_not_named_again(gz: Gazetteer) -> None:
    text = "Rockets were fired at Erbil on 15 February from an area south of the city."
    assert [(e.date.isoformat(), e.place) for e in events(gz, text)] == [("2023-02-15", "Erbil")]


def test_a_strike_s_ordinal_is_the_strike_and_its_victims_do_not_strike(gz: Gazetteer) -> None:
    text = (
        "The U.S. military has confirmed killing two al-Shabab militants in an airstrike near "
        "Jilib on Thursday. It is the second U.S. airstrike in Somalia in 2024."
    )
    found = [(e.kind, e.date.isoformat(), e.place, e.actor) for e in events(gz, text)]
    assert found == [("strike", "2024-01-11", "Jilib", "United States")]


def test_who_is_blamed_for_an_explosion_did_it(gz: Gazetteer) -> None:
    text = (
        "- 20 August 2019 – A militia blames the United States and Israel for an explosion at "
        "Balad airbase north of Baghdad."
    )
    assert [(e.kind, e.actor) for e in events(gz, text)] == [("strike", "United States")]


@pytest.mark.parametrize(
    "text",
    [
        # the start of a period a sentence counts from is not its news
        "Since Russian forces began their attack on Ukraine on February 24th, aid has dwindled.",
        # an attack forces ended or repelled is not theirs
        "Afghan forces ended an overnight attack on a hotel in Kabul on Sunday.",
    ],
)
def test_no_state_strike_in_what_a_state_began_long_ago_or_stopped(
    gz: Gazetteer, text: str
) -> None:
    assert [e for e in events(gz, text) if e.kind == "strike"] == []


def test_an_event_told_as_before_another_is_on_the_day_before(gz: Gazetteer) -> None:
    text = (
        "Gunmen attacked a police post in Baghlan on Wednesday. Wednesday's attack came a day "
        "after Taliban militants overran an army base near Kunduz."
    )
    found = sorted((e.place.split()[-1], e.date.isoformat()) for e in events(gz, text))
    assert found == [("Baghlan", "2024-01-10"), ("Kunduz", "2024-01-09")]


def test_another_that_leaves_its_noun_out_is_an_event_of_its_own(gz: Gazetteer) -> None:
    text = (
        "One blast hit a market in Baghdad on Monday, killing three people, while another struck "
        "near the Polish Embassy in Baghdad."
    )
    found = sorted((e.date.isoformat(), e.fatalities) for e in events(gz, text))
    assert found == [("2024-01-08", 0), ("2024-01-08", 3)]
