"""Who did an event: the subject of a verb of doing, of killing "in a raid", and an actor
that changed type on a day (the Taliban took power in August 2021).

Our own example sentences, one per phrasing class.
"""

from __future__ import annotations

import datetime as dt

import pytest

from gazetteer import Gazetteer
from geo.extract.spans.actors import actor_as_of, actor_by_name
from tests.extracted import events


def test_an_actor_that_took_power_is_a_state_from_that_day() -> None:
    taliban = actor_by_name("Taliban")
    assert taliban is not None
    assert actor_as_of(taliban, dt.date(2021, 8, 14)).type == "insurgent"
    assert actor_as_of(taliban, dt.date(2021, 8, 15)).type == "government"
    assert actor_as_of(taliban, None) is taliban


def test_the_taliban_strike_after_august_2021_and_attack_before(gz: Gazetteer) -> None:
    text = (
        "On 3 March 2019 Taliban fighters attacked a checkpoint in Kunduz. "
        "On 5 March 2025 Taliban fighters attacked a border post in Kunar."
    )
    found = {e.date.year: e.kind for e in events(gz, text)}
    assert found == {2019: "attack", 2025: "strike"}


def test_a_timeline_in_the_present_that_carries_out_attacks(gz: Gazetteer) -> None:
    # "The" before the actor is no determiner of "attacks": a verb stands between them.
    text = (
        "2025 in Pakistan\nMarch\n"
        "- 4 March – The Baloch fighters carry out attacks on two army posts in Turbat."
    )
    found = events(gz, text, published=None)
    assert [(e.kind, e.date.isoformat()) for e in found] == [("attack", "2025-03-04")]


def test_a_raid_carried_out_on_a_dated_line_is_an_event(gz: Gazetteer) -> None:
    text = "2016 in Somalia\nJune\n- June 3 – Commandos carried out a raid on a militant commander."
    found = events(gz, text, published=None)
    assert [(e.date.isoformat(), e.resolved.name) for e in found] == [("2016-06-03", "Somalia")]


def test_who_killed_in_a_raid_did_the_raid(gz: Gazetteer) -> None:
    found = events(
        gz, "On Monday, NDS forces killed a senior al-Qaeda commander in a raid in Ghazni Province."
    )
    assert [(e.kind, e.actor) for e in found] == [("strike", "Afghan forces")]


def test_soldiers_killed_in_an_attack_are_its_victims(gz: Gazetteer) -> None:
    found = events(
        gz, "On Monday, 6 Malian soldiers killed and 4 wounded in an attack on a camp near Gao."
    )
    assert [(e.kind, e.actor) for e in found] == [("attack", "")]


def test_a_noun_after_an_article_is_no_verb_of_an_agent(gz: Gazetteer) -> None:
    # "soldiers in an attack" is no agent and verb: the place belongs to the attack
    found = events(
        gz,
        "On Monday, al-Shabaab fighters killed three soldiers in an attack on a base near Baidoa.",
    )
    assert [(e.actor, e.resolved.name.split()[0]) for e in found] == [("al-Shabaab", "Baidoa")]


@pytest.mark.parametrize(
    "text",
    [
        "On 12 April fifty armed militants led by a retired colonel (a former officer) attacked "
        "the police station in Kramatorsk.",
        "On 12 April gunmen loyal to a local warlord opened fire on a bus in Kramatorsk.",
        "On 12 April militants (some of them foreign) stormed the police station in Kramatorsk.",
    ],
)
def test_an_aside_between_the_agent_and_its_verb(gz: Gazetteer, text: str) -> None:
    found = events(gz, text)
    assert [(e.kind, e.date.isoformat(), e.resolved.name) for e in found] == [
        ("attack", "2023-04-12", "Kramatorsk")
    ]


def test_plural_events_and_others_that_killed_in_a_place(gz: Gazetteer) -> None:
    found = events(gz, "Bombings and other attacks also killed a number of people in Basra.")
    assert [(e.kind, e.resolved.name.split()[-1]) for e in found] == [("attack", "Basrah")]


def test_a_precision_attack_conducted_on_the_day_the_paragraph_names(gz: Gazetteer) -> None:
    # no publication date: the paragraph's day dates the attack its aircraft carried out
    text = (
        "Fighting went on through March 2019. On Sunday 19 May, two RAF Typhoons were tasked "
        "to support Iraqi forces. Our aircraft checked the area south-west of Mosul before "
        "conducting a precision attack on a tunnel."
    )
    found = events(gz, text, published=None)
    assert [(e.kind, e.date.isoformat(), e.resolved.name) for e in found] == [
        ("strike", "2019-05-19", "Mosul")
    ]


def test_a_generic_attack_in_a_paragraph_with_a_day_stays_undated(gz: Gazetteer) -> None:
    text = "On Sunday 19 May 2019, rockets were seen near Mosul. Rocket fire is a danger in Mosul."
    assert [e.date.isoformat() for e in events(gz, text, published=None)] == []


def test_a_days_count_of_strikes_a_force_conducted_in_a_country_is_one_event(
    gz: Gazetteer,
) -> None:
    text = "On Jan. 8, in Iraq, coalition military forces conducted 14 strikes against ISIL."
    found = events(gz, text)
    assert [(e.kind, e.date.isoformat(), e.resolved.name) for e in found] == [
        ("strike", "2024-01-08", "Iraq")
    ]


def test_a_count_of_strikes_reported_on_is_no_event(gz: Gazetteer) -> None:
    text = "Officials gave details today on 37 strikes conducted Jan. 2-4 in Syria and Iraq."
    assert events(gz, text) == []


def test_a_count_of_strikes_on_as_many_listed_days_is_an_event_each_day(gz: Gazetteer) -> None:
    text = "These include two airstrikes June 3 and 9 in Shabwah."
    found = events(gz, text)
    assert sorted(e.date.isoformat() for e in found) == ["2023-06-03", "2023-06-09"]


def test_a_count_of_strikes_on_fewer_listed_days_is_no_event_per_day(gz: Gazetteer) -> None:
    text = "Officials gave details of three airstrikes on June 3 and 9 in Yemen."
    assert len(events(gz, text)) <= 1


@pytest.mark.parametrize(
    ("text", "capital"),
    [
        ("Rockets struck the Iraqi capital on Monday, killing two.", "Baghdad"),
        ("On Monday a car bomb exploded in Somalia's capital, killing two.", "Mogadishu"),
        (
            "Fighting went on in Yemen. On Monday an airstrike hit the capital, killing two.",
            "Sanaa",
        ),
    ],
)
def test_a_capital_named_by_its_role(gz: Gazetteer, text: str, capital: str) -> None:
    assert [e.resolved.name for e in events(gz, text)] == [capital]


def test_the_storys_attacks_at_a_place_of_their_own_are_an_event_there(gz: Gazetteer) -> None:
    text = (
        "On Monday a Russian missile attack hit Kharkiv, killing two. "
        "The mayor of Kyiv said the attacks also hit several of the capital's districts."
    )
    found = sorted((e.resolved.name, e.kind, e.actor) for e in events(gz, text))
    assert found == [("Kharkiv", "strike", "Russian forces"), ("Kyiv", "strike", "Russian forces")]


def test_positions_the_target_of_gunfire_at_listed_villages(gz: Gazetteer) -> None:
    text = (
        "On Monday, army positions were the target of small arms fire and sniper fire at "
        "Avdiivka, Pisky and Maryinka."
    )
    found = sorted(e.resolved.name for e in events(gz, text))
    assert found == ["Avdiyivka", "Mar'yinka", "Pisky"]


def test_a_list_after_the_city_of(gz: Gazetteer) -> None:
    text = "On Monday Russian missiles targeted the capital, Kyiv, as well as the city of Kharkiv."
    assert sorted(e.resolved.name for e in events(gz, text)) == ["Kharkiv", "Kyiv"]


def test_a_district_and_its_city_are_one_place(gz: Gazetteer) -> None:
    found = events(gz, "A car bomb exploded in Karrada, Baghdad, on Monday, killing five.")
    assert [e.resolved.name for e in found] == ["Karrada"]


def test_two_districts_hit_are_two_events(gz: Gazetteer) -> None:
    found = events(gz, "Car bombs hit Karrada and Kadhimiya on Monday, killing five.")
    assert sorted(e.resolved.name for e in found) == ["Kadhimiya", "Karrada"]


def test_missiles_that_impacted_and_a_hijacking(gz: Gazetteer) -> None:
    text = "On Monday two anti-ship missiles impacted the water near a cargo ship in the Red Sea."
    assert [e.kind for e in events(gz, text)] == ["attack"]
    text = "The hijacking of the tanker occurred on 3 May 2023, when pirates seized it near Eyl."
    assert [(e.kind, e.date.isoformat()) for e in events(gz, text)] == [("attack", "2023-05-03")]


@pytest.mark.parametrize(
    "text",
    [
        "In November 2019, investigators suspected that a foreign jet had bombed the center in "
        "Tajoura.",
        "A January 2020 report by the UN mission stated that the strike on Tajoura was carried "
        "out by a foreign jet.",
    ],
)
def test_the_date_of_a_report_is_not_the_events(gz: Gazetteer, text: str) -> None:
    assert [e.date.isoformat() for e in events(gz, text, published=None)] == []


def test_a_titles_month_is_the_day_its_text_reports(gz: Gazetteer) -> None:
    text = (
        "December 2019 Baidoa bombing\n"
        "On 28 December 2019, a suicide truck bomber killed at least 12 people at a checkpoint "
        "in Baidoa."
    )
    found = events(gz, text, published=None)
    assert [(e.date.isoformat(), e.date_precision) for e in found] == [("2019-12-28", "day")]


def test_a_day_before_an_announcement_of_the_strikes_still_dates_them(gz: Gazetteer) -> None:
    text = "On 26 February 2021, the Pentagon announced the air strikes on militia sites in Syria."
    assert [e.date.isoformat() for e in events(gz, text, published=None)] == ["2021-02-26"]


def test_a_parenthesis_before_the_noun_hides_no_determiner() -> None:
    from geo.extract.triggers import find_triggers

    (t,) = find_triggers("Others were wounded in the early (Thursday) morning blasts.")
    assert t.determiner == "definite"


def test_a_victim_also_killed_in_another_city_is_the_storys_event_there(gz: Gazetteer) -> None:
    text = (
        "Russian missiles hit Kharkiv on Monday, wounding 20 people. One person was also "
        "killed in the eastern city of Pavlohrad."
    )
    found = sorted((e.resolved.name, e.kind, e.actor, e.fatalities) for e in events(gz, text))
    assert found == [
        ("Kharkiv", "strike", "Russian forces", 0),
        ("Pavlohrad", "strike", "Russian forces", 1),
    ]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("The Tower 22 drone attack killed three soldiers.", None),
        ("On Monday 3 strikes hit Raqqa.", 3),
        ("There were 25 attacks since May.", 25),
    ],
)
def test_the_number_of_a_name_counts_no_events(text: str, count: int | None) -> None:
    from geo.extract.triggers import find_triggers

    assert [t.count for t in find_triggers(text)] == [count]


def test_a_participle_after_a_comma_has_the_clauses_agent(gz: Gazetteer) -> None:
    text = (
        "An RAF Reaper patrolled over the river on 20 February 2018, striking armed men near Hajin."
    )
    assert [(e.kind, e.date.isoformat(), e.resolved.name) for e in events(gz, text)] == [
        ("strike", "2018-02-20", "Hajīn")
    ]


def test_a_participle_takes_no_agent_across_another_verb_of_force(gz: Gazetteer) -> None:
    text = (
        "On 27 June 2022, Russian forces fired two missiles into central Kremenchuk, hitting "
        "a shopping mall."
    )
    assert [(e.kind, e.actor) for e in events(gz, text)] == [("strike", "Russian forces")]


def test_a_strike_on_fighters_who_were_attacking_is_two_events_there(gz: Gazetteer) -> None:
    text = (
        "U.S. Africa Command conducted an airstrike against al-Shabaab fighters who were "
        "attacking Somali army forces near Jilib, Somalia, on Oct. 23, 2022."
    )
    found = sorted((e.kind, e.actor, e.date.isoformat(), e.resolved.name) for e in events(gz, text))
    assert found == [
        ("attack", "al-Shabaab", "2022-10-23", "Jilib"),
        ("strike", "United States", "2022-10-23", "Jilib"),
    ]


def test_a_bomb_dropped_is_an_airstrike(gz: Gazetteer) -> None:
    text = "The bomb was dropped Thursday on a tunnel complex in the Achin district of Nangarhar."
    assert [(e.kind, e.weapon) for e in events(gz, text)] == [("strike", "airstrike")]


def test_towns_a_country_level_attack_includes_are_its_places(gz: Gazetteer) -> None:
    text = (
        "On 8 July 2024, Russia launched another missile attack against cities across Ukraine, "
        "including Kyiv, Dnipro and Kryvyi Rih."
    )
    assert sorted(e.resolved.name for e in events(gz, text)) == ["Dnipro", "Kryvyy Rih", "Kyiv"]


def test_a_dash_ends_the_list_of_things_destroyed(gz: Gazetteer) -> None:
    text = (
        "Burned buildings, destroyed warehouses — these followed a Russian missile attack on Kyiv."
    )
    assert [e.resolved.name for e in events(gz, text)] == ["Kyiv"]


def test_the_storys_missiles_aimed_at_a_countrys_listed_cities(gz: Gazetteer) -> None:
    text = (
        "Last night, Russia launched a wave of missile and drone attacks. These missiles were "
        "aimed at cities across Ukraine: Kyiv, Lviv and Odesa."
    )
    found = sorted((e.resolved.name, e.kind, e.actor) for e in events(gz, text))
    assert found == [
        ("Kyiv", "strike", "Russian forces"),
        ("Lviv", "strike", "Russian forces"),
        ("Odesa", "strike", "Russian forces"),
    ]


def test_a_count_of_attacks_launched_in_a_country_this_week_is_one_event(gz: Gazetteer) -> None:
    text = "Iran-backed militants kept up pressure, launching three attacks in Syria."
    assert [(e.kind, e.resolved.name) for e in events(gz, text)] == [("attack", "Syria")]


def test_a_countrys_count_that_its_detailed_strikes_cover_is_no_event_of_its_own(
    gz: Gazetteer,
) -> None:
    text = (
        "On Nov. 1, in Syria, coalition forces conducted 10 strikes against ISIL.\n"
        "Near Al Hasakah, two strikes struck two ISIL tactical units.\n"
        "Near Raqqa, a strike destroyed an ISIL vehicle."
    )
    found = sorted(e.place for e in events(gz, text))
    assert found == ["Al Hasakah", "Raqqa"]


def test_several_attacks_carried_out_are_a_record(gz: Gazetteer) -> None:
    text = "Insurgents have seized towns and carried out several large attacks in the capital."
    assert events(gz, text) == []


def test_a_long_title_is_a_headline(gz: Gazetteer) -> None:
    text = "Statement by Pentagon Press Secretary John Smith on U.S. Strikes Against ISIS in Syria"
    assert [(e.kind, e.actor, e.resolved.name) for e in events(gz, text)] == [
        ("strike", "United States", "Syria")
    ]


def test_grenades_thrown_are_a_grenade_attack(gz: Gazetteer) -> None:
    text = "On 25 December 2010, a militant threw two hand grenades at a market in Khar."
    assert [(e.kind, e.sub_event_type) for e in events(gz, text)] == [("attack", "Grenade")]


def test_a_count_before_joined_adjectives_counts_the_events() -> None:
    from geo.extract.triggers import find_triggers

    (t,) = find_triggers("The rebels recorded 931 American and British airstrikes on their sites.")
    assert t.count == 931


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Artillery fire killed two civilians in Kherson on Monday.", ("strike", "Kherson", 2)),
        (
            "U.S. forces conducted an airstrike in the vicinity of Jilib, Somalia, on Monday.",
            ("strike", "Jilib", 0),
        ),
        ("Pirates hijacked a bulk carrier off Eyl, Somalia, on Monday.", ("attack", "Somalia", 0)),
        # a region the gazetteer lacks: the armed group's own country
        (
            "Al-Shabaab militants attacked a base in Xyzland region on Monday.",
            ("attack", "Somalia", 0),
        ),
    ],
)
def test_common_phrasings_of_releases_and_wires(
    gz: Gazetteer, text: str, expected: tuple[str, str, int]
) -> None:
    assert [(e.kind, e.resolved.name, e.fatalities) for e in events(gz, text)] == [expected]


def test_the_place_a_force_raided_is_its_place(gz: Gazetteer) -> None:
    text = "Israeli forces raided the Jenin refugee camp on Monday, killing three Palestinians."
    assert [(e.kind, e.resolved.name, e.fatalities) for e in events(gz, text)] == [
        ("strike", "Janīn", 3)
    ]


def test_a_datelines_place_is_where_the_release_was_issued(gz: Gazetteer) -> None:
    text = "TAMPA, Fla. – U.S. Central Command forces conducted a strike in Yemen on Monday."
    assert [e.resolved.name for e in events(gz, text)] == ["Yemen"]


@pytest.mark.parametrize(
    ("text", "actor", "place"),
    [
        ("On Monday Turkey shelled PKK positions near Duhok.", "Turkish forces", "Dihok"),
        ("Russia struck Kyiv with missiles on Monday.", "Russian forces", "Kyiv"),
        ("On Monday Ukraine hit an oil depot in Belgorod.", "Ukrainian forces", "Belgorod"),
    ],
)
def test_a_country_as_the_subject_of_a_verb_of_force(
    gz: Gazetteer, text: str, actor: str, place: str
) -> None:
    found = events(gz, text)
    assert [(e.kind, e.actor, e.resolved.name) for e in found] == [("strike", actor, place)]


@pytest.mark.parametrize(
    "text",
    [
        "On Monday Iran struck a deal with Russia over gas.",
        "On Monday China hit the United States with new tariffs.",
        "On Monday Russia hit back at the sanctions.",
        "Russia Hits Back At Kyiv Over Sanctions",
        "On Monday the January 2017 Afghanistan bombings kill over 60 people.",
    ],
)
def test_a_country_that_strikes_no_target_reports_no_force(gz: Gazetteer, text: str) -> None:
    assert [e.actor for e in events(gz, text)] in ([], [""])


@pytest.mark.parametrize(
    "text",
    [
        "3 Civilians Killed in Russian Shelling of Kherson",
        "On Monday the shelling of Kherson by Russian forces killed three civilians.",
    ],
)
def test_the_shelling_of_a_city_is_there_and_its_toll_is_its_own(gz: Gazetteer, text: str) -> None:
    found = events(gz, text)
    assert [(e.kind, e.actor, e.resolved.name, e.fatalities) for e in found] == [
        ("strike", "Russian forces", "Kherson", 3)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Houthis Fire Missiles at Ship in Red Sea", ("attack", "Houthis", "missile")),
        (
            "The IDF said it struck a Hamas command center in Gaza on Monday.",
            ("strike", "Israel", ""),
        ),
        (
            "A Russian glide bomb hit a supermarket in Kharkiv on Saturday, killing 12.",
            ("strike", "Russian forces", "airstrike"),
        ),
        (
            "Security forces killed five militants in a shootout in Kashmir on Monday.",
            ("strike", "government forces", ""),
        ),
    ],
)
def test_more_ways_of_reporting_force(gz: Gazetteer, text: str, expected: tuple[str, ...]) -> None:
    assert [(e.kind, e.actor, e.weapon) for e in events(gz, text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "A storm hit the air base in Florida on Monday.",
        "On Monday an earthquake struck three villages in Herat.",
        "Students Fire Questions at Minister in Baghdad",
    ],
)
def test_storms_and_questions_are_no_force(gz: Gazetteer, text: str) -> None:
    assert events(gz, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kyiv said it shot down 30 of 40 drones launched by Russia on Monday night.",
            ("strike", "Russian forces", "2024-01-08"),
        ),
        (
            "A drone launched from Lebanon hit a house in Metula on Monday.",
            ("attack", "", "2024-01-08"),
        ),
        (
            "In April 2023, Iran launched more than 300 drones and missiles at Israel.",
            ("strike", "Iran", "2023-04-15"),
        ),
        (
            "The United States responded on 2 January with strikes on 85 targets in Iraq.",
            ("strike", "", "2024-01-02"),
        ),
    ],
)
def test_salvos_launched_intercepted_and_answered(
    gz: Gazetteer, text: str, expected: tuple[str, ...]
) -> None:
    assert [(e.kind, e.actor, e.date.isoformat()) for e in events(gz, text)] == [expected]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("On Monday Ukrainian forces struck a depot in occupied Tokmak.", "Tokmak"),
        ("Militants fired rockets from Gaza toward Sderot on Tuesday.", "Sderot"),
    ],
)
def test_where_force_landed_not_who_holds_it_or_where_it_came_from(
    gz: Gazetteer, text: str, place: str
) -> None:
    assert [e.resolved.name for e in events(gz, text)] == [place]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The Houthis said they targeted a U.S. destroyer in the Red Sea on Monday.", "Houthis"),
        ("Ukraine said its drones struck an oil refinery in Ryazan on Monday.", "Ukrainian forces"),
    ],
)
def test_what_an_actor_says_it_did(gz: Gazetteer, text: str, actor: str) -> None:
    assert [e.actor for e in events(gz, text)] == [actor]


@pytest.mark.parametrize(
    "text",
    [
        "The Houthis said they would target any ship linked to Israel.",
        "Hamas said on Monday that it had not attacked the crossing.",
        "Iran said it will strike Israel if attacked, officials said on Monday.",
    ],
)
def test_what_an_actor_says_it_will_or_did_not_do(gz: Gazetteer, text: str) -> None:
    assert events(gz, text) == []


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "On 3 January a bombing in Mogadishu killed eight, for which al-Shabaab claimed "
            "responsibility.",
            "al-Shabaab",
        ),
        (
            "Airstrikes by the Syrian regime hit a hospital in Idlib on 5 January.",
            "Syrian government forces",
        ),
    ],
)
def test_who_claimed_it_and_the_regime_by_its_name(gz: Gazetteer, text: str, actor: str) -> None:
    assert [e.actor for e in events(gz, text)] == [actor]


@pytest.mark.parametrize(
    "text",
    [
        "On Monday Russia hit Ukraine's economy with new measures.",
        "On Monday Russia targeted Ukrainian grain exports.",
    ],
)
def test_a_country_that_targets_no_place_or_force(gz: Gazetteer, text: str) -> None:
    assert events(gz, text) == []


def test_one_missile_fired_toward_a_sea(gz: Gazetteer) -> None:
    text = (
        "At 11:45 p.m. on Jan. 10, Houthi militants fired one anti-ship cruise missile from "
        "Houthi-controlled areas of Yemen toward the Red Sea."
    )
    assert [(e.kind, e.actor, e.weapon) for e in events(gz, text)] == [
        ("attack", "Houthis", "missile")
    ]


def test_northwest_is_not_northeast(gz: Gazetteer) -> None:
    text = "On 7 January U.S. forces conducted a precision strike in northwest Syria."
    assert [e.resolved.name for e in events(gz, text)] == ["Syria"]


def test_the_actor_s_name_across_a_spaced_dash(gz: Gazetteer) -> None:
    text = "On 3 January the Islamic State – Khorasan Province bombed a rally in Khar, Bajaur."
    assert [(e.actor, e.resolved.name) for e in events(gz, text)] == [
        ("Islamic State Khorasan Province", "Khar")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "On January 1, Rangers raided a compound of an ISIS commander in Nangarhar.",
        "On Monday troops stormed a compound near Fallujah.",
    ],
)
def test_rangers_and_troops_who_raid_are_a_state_s_forces(gz: Gazetteer, text: str) -> None:
    assert [e.kind for e in events(gz, text)] == ["strike"]


@pytest.mark.parametrize(
    "text",
    [
        "On January 1, Rangers from the 75th Regiment, carried out a raid on an ISIS commander "
        "in Nangarhar.",
        "On Monday troops conducted strikes on militant hideouts near Kandahar.",
    ],
)
def test_a_state_s_agent_that_carries_it_out_makes_it_a_strike_by_no_one_named(
    gz: Gazetteer, text: str
) -> None:
    assert [(e.kind, e.actor) for e in events(gz, text)] == [("strike", "")]


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("On 27 March 2022 Malian troops and mercenaries killed about 500 people in Moura.", 500),
        ("On 27 March 2022 soldiers executed 30 civilians in the village of Moura.", 30),
    ],
)
def test_a_state_s_units_that_kill_civilians_do_force(
    gz: Gazetteer, text: str, killed: int
) -> None:
    assert [(e.kind, e.fatalities) for e in events(gz, text)] == [("strike", killed)]


def test_a_state_s_units_that_kill_suspects_report_no_event_by_killing_alone(
    gz: Gazetteer,
) -> None:
    assert events(gz, "On Monday soldiers killed three suspects near Mosul.") == []


def test_fighters_loyal_to_a_group_are_its_own(gz: Gazetteer) -> None:
    text = (
        "Fighters loyal to the Islamic State West Africa Province overran a military base in "
        "Borno state on Saturday."
    )
    assert [(e.actor, e.resolved.name) for e in events(gz, text)] == [
        ("Islamic State West Africa Province", "Borno")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Prisoners began a hunger strike in Baghdad on Monday.",
        "Teachers in Erbil staged a strike on Monday over unpaid salaries.",
        "Workers at the Port of Basra went on strike on Monday over unpaid wages.",
    ],
)
def test_strikes_of_work_are_no_force(gz: Gazetteer, text: str) -> None:
    assert events(gz, text) == []


def test_a_strike_that_hits_a_workers_camp_is_force(gz: Gazetteer) -> None:
    assert [e.kind for e in events(gz, "On Monday a strike hit a workers' camp in Marib.")] == [
        "strike"
    ]


def test_a_second_missile_at_the_same_place_is_the_same_strike(gz: Gazetteer) -> None:
    text = (
        "A Russian missile attack on Odesa on Friday killed 14 people. Rescuers were hurt when a "
        "second missile hit the same location."
    )
    assert [(e.resolved.name, e.fatalities) for e in events(gz, text)] == [("Odesa", 14)]


@pytest.mark.parametrize(
    "text",
    [
        "Officials said on Monday that Russia shelled a chemical plant in Sumy.",
        "On Monday Russian forces also hit a military training base in Yavoriv with missiles.",
    ],
)
def test_a_reported_strike_on_one_target(gz: Gazetteer, text: str) -> None:
    assert [(e.kind, e.actor) for e in events(gz, text)] == [("strike", "Russian forces")]


@pytest.mark.parametrize(
    "text",
    [
        "On 6 January a man stabbed eight people, including four tourists, in Jerash.",
        "On 6 January four rocket-propelled grenades were fired at the embassy in Beirut.",
        "A knife attack in Jerusalem on Monday wounded two.",
    ],
)
def test_knives_and_grenades(gz: Gazetteer, text: str) -> None:
    assert [e.kind for e in events(gz, text)] == ["attack"]


def test_a_chef_who_stabs_meat_does_no_force(gz: Gazetteer) -> None:
    assert events(gz, "The chef stabbed the meat with a fork in Jerash on Monday.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("For a Second Day, Russia Strikes Ukraine with Missiles", [("strike", "Russian forces")]),
        (
            "In 2019 the biggest US attack on a militia killed 25 in Qaim.",
            [("strike", "United States")],
        ),
    ],
)
def test_an_actor_s_verb_or_its_noun(
    gz: Gazetteer, text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(e.kind, e.actor) for e in events(gz, text)] == expected


def test_a_country_and_a_bare_verb_make_a_noun(gz: Gazetteer) -> None:
    assert [e.actor for e in events(gz, "Iraq raid Usa")] in ([], [""])


def test_an_anti_us_attack_is_not_by_the_us(gz: Gazetteer) -> None:
    found = events(gz, "On 21 June 1998 an anti-US attack hit the embassy in Beirut.")
    assert [(e.kind, e.actor) for e in found] == [("attack", "")]


def test_a_headline_s_rocket_that_hits_a_city(gz: Gazetteer) -> None:
    found = events(gz, "Palestinian Rocket Hits Israeli City of Ashkelon")
    assert [(e.kind, e.resolved.name) for e in found] == [("attack", "Ashkelon")]


def test_fighters_who_used_tunnels_to_attack(gz: Gazetteer) -> None:
    text = "On 30 January 2017 Taliban fighters used tunnels to attack checkpoints in Sangin."
    assert [(e.kind, e.actor) for e in events(gz, text)] == [("attack", "Taliban")]


def test_rockets_that_hit_two_cities_of_two_countries(gz: Gazetteer) -> None:
    text = "On August 2, 2010, several rockets hit both Eilat and Aqaba, killing one Jordanian."
    assert sorted(e.resolved.name for e in events(gz, text)) == ["Aqaba", "Eilat"]


def test_a_title_its_type_and_its_report_are_one_event(gz: Gazetteer) -> None:
    text = (
        "Chaplyne railway station attack\nType Missile strike\nOn 24 August 2022 a railway "
        "station in Chaplyne was shelled by the Russian Armed Forces, leaving 25 dead."
    )
    found = events(gz, text, published=None)
    assert [(e.kind, e.actor, e.fatalities) for e in found] == [("strike", "Russian forces", 25)]


def test_a_headline_s_two_sides_stay_two_events(gz: Gazetteer) -> None:
    found = events(gz, "Israel, Gaza Militants Trade Airstrikes and Rocket Fire")
    assert sorted(e.kind for e in found) == ["attack", "strike"]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "On 4 May Ethiopian soldiers at the Bardelle airstrip in Baidoa shot down an aircraft.",
            "Ethiopian National Defense Force",
        ),
        (
            "On 16 January 2018 Taliban insurgents using night vision equipment briefly overran "
            "army positions in Kunduz.",
            "Taliban",
        ),
    ],
)
def test_an_agent_where_it_was_or_with_what_it_acted(gz: Gazetteer, text: str, actor: str) -> None:
    assert [e.actor for e in events(gz, text)] == [actor]


def test_insurgents_who_entered_a_town_attacking_a_police_station(gz: Gazetteer) -> None:
    text = (
        "Early December 1, insurgents entered Damaturu, capital of Yobe state in northeastern "
        "Nigeria, attacking a police station."
    )
    found = events(gz, text, published=dt.date(2014, 12, 8))
    assert [(e.kind, e.resolved.name, e.date.isoformat()) for e in found] == [
        ("attack", "Damaturu", "2014-12-01")
    ]


def test_forces_who_inspect_bomb_damage_do_no_bombing(gz: Gazetteer) -> None:
    text = "Afghan security forces inspect bomb damage at the main gate of Kabul's airport Monday."
    assert [e.actor for e in events(gz, text)] in ([], [""])


@pytest.mark.parametrize(
    "text",
    ["Israel Strikes Deal With Hamas Over Hostages", "Iran strikes a balance on Monday in Tehran."],
)
def test_idioms_of_striking_are_no_force(gz: Gazetteer, text: str) -> None:
    assert events(gz, text) == []


def test_a_release_s_strikes_at_sanaa_time_on_targets_listed(gz: Gazetteer) -> None:
    text = (
        "From 3:30 to 9:45 p.m. (Sanaa time), Jan. 7, CENTCOM forces successfully conducted five "
        "self-defense strikes against three mobile anti-ship cruise missiles, one unmanned "
        "underwater vessel and one unmanned surface vessel in Houthi-controlled areas of Yemen."
    )
    assert [(e.kind, e.resolved.name) for e in events(gz, text)] == [("strike", "Yemen")]


def test_in_the_past_24_hours_is_the_release_s_day(gz: Gazetteer) -> None:
    text = (
        "TAMPA, Fla. - In the past 24 hours, U.S. Central Command forces successfully destroyed "
        "two Houthi uncrewed aerial vehicles and three anti-ship cruise missiles in "
        "Houthi-controlled areas of Yemen."
    )
    found = events(gz, text, published=dt.date(2024, 8, 7))
    assert [(e.kind, e.resolved.name, e.date_precision) for e in found] == [
        ("strike", "Yemen", "day")
    ]


def test_a_headline_s_country_and_toll_are_the_story_s_bombing(gz: Gazetteer) -> None:
    text = (
        "Suicide Bomber Kills at Least 6 in Pakistan\n\nA suicide bomber in the Pakistani city of "
        "Rawalpindi has rammed his motorcycle into a bus, killing at least 6 people."
    )
    assert [(e.resolved.name, e.fatalities) for e in events(gz, text)] == [("Rawalpindi", 6)]


def test_a_commander_killed_in_a_raid_fell_to_a_state(gz: Gazetteer) -> None:
    text = "On 10 January a senior ISIS-K commander was killed in a raid in Nangarhar Province."
    assert [e.kind for e in events(gz, text)] == ["strike"]


def test_a_headline_s_actor_and_the_story_s_bombing_are_one_event(gz: Gazetteer) -> None:
    text = (
        "Al-Shabab Attack Kills 11 in Mogadishu\n\nAn explosion from a suicide bombing killed at "
        "least 11 people Tuesday in the Somali capital, officials said."
    )
    found = events(gz, text, published=dt.date(2021, 9, 14))
    assert [(e.actor, e.resolved.name, e.fatalities) for e in found] == [
        ("al-Shabaab", "Mogadishu", 11)
    ]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("On Monday the ISIL terrorists targeted in the strikes included men who fled Sirte.", 0),
        ("On Monday three car bombs exploded in a commercial section of Baghdad, killing 15.", 1),
    ],
)
def test_a_participle_done_to_an_agent_is_no_act_of_it(
    gz: Gazetteer, text: str, count: int
) -> None:
    assert (
        len([e for e in events(gz, text) if e.actor])
        + len([e for e in events(gz, text) if e.kind == "attack" and not e.actor])
        == count
    )


def test_one_attacker_who_exploded(gz: Gazetteer) -> None:
    text = "On Saturday in Peshawar, another attacker exploded outside a bank, killing 10 people."
    assert [(e.kind, e.resolved.name, e.fatalities) for e in events(gz, text)] == [
        ("attack", "Peshawar", 10)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "A car packed with explosives blew up near a police station in Kirkuk on Monday.",
        "On Monday an explosives-laden truck hit a checkpoint in Mosul.",
    ],
)
def test_vehicles_packed_with_explosives(gz: Gazetteer, text: str) -> None:
    assert [(e.kind, e.weapon) for e in events(gz, text)] == [("attack", "ied")]


def test_a_condemned_attack_keeps_the_doer_that_names_it(gz: Gazetteer) -> None:
    text = "The UK condemns the Houthi attack on the MV Galaxy Leader in the Red Sea on Monday."
    assert [e.actor for e in events(gz, text)] == ["Houthis"]


def test_mourning_the_dead_of_a_dated_attack_reports_it(gz: Gazetteer) -> None:
    text = (
        "We mourn the 13 U.S. service members killed in the attack at Kabul airport on August 26."
    )
    assert [(e.kind, e.fatalities) for e in events(gz, text)] == [("attack", 13)]


def test_what_a_country_said_on_a_day_its_forces_had_struck(gz: Gazetteer) -> None:
    text = "Ukraine said on Monday its forces had struck a Russian landing ship in Crimea."
    assert [(e.kind, e.actor) for e in events(gz, text)] == [("strike", "Ukrainian forces")]


def test_each_village_of_a_list_is_an_event_known_or_not(gz: Gazetteer) -> None:
    text = (
        "On March 21, 2021 terrorists attacked the villages of Akifakif, Bakorat, and Intazayene "
        "in the Tillia district of Niger, killing an estimated 177 civilians."
    )
    found = events(gz, text)
    assert [(e.place, e.fatalities) for e in found] == [
        ("Akifakif", 177),
        ("Bakorat", 0),
        ("Intazayene", 0),
    ]
    assert {e.resolved.name for e in found} == {found[0].resolved.name}


def test_a_bulleted_list_run_into_one_line_is_one_sentence_a_bullet() -> None:
    from geo.extract.spans.sentences import split_sentences

    text = "Incidents: • On March 21, a bomb killed 3. • On May 2, a raid killed 4."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Incidents:",
        "On March 21, a bomb killed 3.",
        "On May 2, a raid killed 4.",
    ]


def test_the_solhan_and_tadaryat_villages_are_two_events(gz: Gazetteer) -> None:
    text = "On 4 June 2021, insurgents attacked the Solhan and Tadaryat villages in Burkina Faso."
    assert [e.place for e in events(gz, text)] == ["Solhan", "Tadaryat"]


def test_soldiers_killed_in_a_province_last_week(gz: Gazetteer) -> None:
    text = "We mourn the two soldiers killed in Kandahar province last week."
    assert [(e.kind, e.fatalities) for e in events(gz, text)] == [("attack", 2)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 1 March 2020 Houthi forces captured the city of Al Hazm.", [("attack", "Houthis")]),
        ("On Monday Russian troops seized the town of Avdiivka.", [("strike", "Russian forces")]),
        ("On Monday militants captured two soldiers near Kirkuk.", []),
        ("On Monday police seized weapons in Basra.", []),
    ],
)
def test_taking_a_place_by_force(gz: Gazetteer, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(e.kind, e.actor) for e in events(gz, text)] == expected


def test_aerial_attacks_are_airstrikes(gz: Gazetteer) -> None:
    text = "On April 13, 2024, Iran initiated aerial attacks against Israel."
    assert [(e.kind, e.actor) for e in events(gz, text)] == [("strike", "Iran")]


def test_explosions_heard_as_missiles_fell_are_the_missiles_strike(gz: Gazetteer) -> None:
    text = (
        "Explosions rocked Kyiv early Monday as Russia launched a barrage of missiles at the city."
    )
    assert [(e.kind, e.actor, e.weapon, e.resolved.name) for e in events(gz, text)] == [
        ("strike", "Russian forces", "missile", "Kyiv")
    ]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "On March 13, United States Central Command then successfully engaged and destroyed "
            "four unmanned aerial systems (UAVs) in Houthi-controlled areas of Yemen.",
            "United States",
        ),
        ("On Monday Israel destroyed a Hamas tunnel in Rafah.", "Israel"),
    ],
)
def test_a_state_that_engaged_or_destroyed_a_target(gz: Gazetteer, text: str, actor: str) -> None:
    assert [(e.kind, e.actor) for e in events(gz, text)] == [("strike", actor)]


def test_an_army_engaged_in_talks_does_no_force(gz: Gazetteer) -> None:
    assert events(gz, "On Monday the army engaged in talks with tribal leaders in Marib.") == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("US Carries Out Strike Against al-Shabab", "Somalia"),
        ("Blast Kills 5 in Afghan Capital", "Kabul"),
    ],
)
def test_headline_places(gz: Gazetteer, text: str, place: str) -> None:
    assert [e.resolved.name for e in events(gz, text)] == [place]


def test_a_sea_s_port_is_the_port(gz: Gazetteer) -> None:
    text = "On Friday a Russian drone struck the country's Black Sea port of Odesa, killing three."
    assert [e.resolved.name for e in events(gz, text)] == ["Odesa"]


def test_a_title_and_today_s_attack_it_names_are_one_event(gz: Gazetteer) -> None:
    text = (
        "Palm Sunday Attack on Sumy\n\nThe United States extends its condolences to the victims "
        "of today's horrifying Russian missile attack on Sumy."
    )
    found = events(gz, text, published=dt.date(2025, 4, 13))
    assert [(e.kind, e.actor) for e in found] == [("strike", "Russian forces")]


def test_attack_drones_as_a_kind_of_drone_are_no_attack(gz: Gazetteer) -> None:
    text = "On Monday a station in Yemen ran reconnaissance and attack drones targeting ships."
    assert events(gz, text) == []


def test_what_an_actor_said_on_a_weekday_it_did(gz: Gazetteer) -> None:
    text = "The Houthis said Monday they targeted a U.S. destroyer in the Red Sea."
    assert [e.actor for e in events(gz, text)] == ["Houthis"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "On 6 September 2023, a missile struck an open market in Kostiantynivka, Ukraine.",
            "strike",
        ),
        ("On 13 January 2016 shelling hit Avdiivka in Ukraine, killing two.", "attack"),
    ],
)
def test_force_in_ukraine_that_names_no_side_since_the_invasion_is_a_state_s(
    gz: Gazetteer, text: str, kind: str
) -> None:
    assert [e.kind for e in events(gz, text)] == [kind]
