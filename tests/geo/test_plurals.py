"""Plurals that report events, not habits: the verb they govern may come after a place.

Our own example sentences, one per phrasing class.
"""

from __future__ import annotations

from gazetteer import Gazetteer
from tests.extracted import events


def test_plural_attacks_with_a_place_before_their_verb_are_events(gz: Gazetteer) -> None:
    text = (
        "2024 in Iraq\nJanuary\n- January 4 – Militants attacked a checkpoint in Mosul. "
        "Other bombings in Kirkuk and Samarra provinces caused further police deaths."
    )
    found = {(e.kind, e.date.isoformat(), e.place.split()[0]) for e in events(gz, text)}
    assert {("attack", "2024-01-04", "Kirkuk"), ("attack", "2024-01-04", "Samarra")} <= found


def test_a_plural_in_years_before_a_verb_is_still_a_habit(gz: Gazetteer) -> None:
    text = "Rocket attacks in recent years have killed dozens of people across Iraq."
    assert events(gz, text) == []


def test_a_named_force_s_plural_in_a_month_at_a_place_is_one_event(gz: Gazetteer) -> None:
    # a short aside ("(IDF)") between the forces and their verb is no clause break, and an
    # "imminent" attack the strikes forestall is no event
    text = (
        "In August, Israel Defense Forces (IDF) struck militant targets in Gaza for two days to "
        "preempt what officials said was an imminent rocket attack."
    )
    found = [
        (e.kind, e.date.isoformat(), e.date_precision, e.place, e.sub_event_type)
        for e in events(gz, text)
    ]
    assert found == [("strike", "2023-08-15", "month", "Gaza", "Air/drone strike")]


def test_a_plural_in_a_month_without_a_place_is_still_a_record(gz: Gazetteer) -> None:
    assert events(gz, "In August, coalition jets struck targets for two days.") == []


def test_a_toll_of_plural_strikes_on_a_place_reports_them(gz: Gazetteer) -> None:
    text = (
        "At least five fighters have been killed in Turkish air strikes on Qamishli. The raids "
        "came in retaliation for a militant attack Saturday on a border post near Kilis."
    )
    found = {(e.kind, e.date.isoformat(), e.place) for e in events(gz, text)}
    assert found == {("strike", "2024-01-11", "Qamishli"), ("attack", "2024-01-06", "Kilis")}


def test_other_attacks_across_an_area_are_not_the_event_before_them(gz: Gazetteer) -> None:
    text = (
        "On January 9, a suicide bomber struck a market in Tikrit, killing 30. Other attacks "
        "across central Iraq killed 7 people."
    )
    found = [(e.date.isoformat(), e.place, e.fatalities) for e in events(gz, text)]
    assert found == [("2024-01-09", "Tikrit", 30)]


def test_resumed_attacks_are_reported(gz: Gazetteer) -> None:
    text = "Israeli jets pounded Gaza on Friday after Hamas resumed rocket attacks against Israel."
    assert "attack" in [e.kind for e in events(gz, text)]
