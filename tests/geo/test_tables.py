"""Tables that list strikes and attacks, a row an event: our own example tables."""

from __future__ import annotations

import datetime as dt

from gazetteer import Gazetteer
from geo.articles.article import Article
from geo.extract.pipeline import extract
from geo.extract.spans.sections import event_rows
from tests.extracted import events

PUB = dt.date(2024, 6, 1)


SHIPPING = (
    "Houthi forces have attacked merchant ships in the Red Sea.\n"
    "Attacks on commercial vessels\n"
    "| # | Date | Vessel attacked | Flag | Agent |\n"
    "| 1 | 12 January 2024 | Ocean Pearl | Belgium | Houthi drones |\n"
    "| 2 | 14 January 2024 | Maersk Gibraltar | Malta | Iran (alleged) |\n"
)


def test_each_row_of_a_table_of_attacks_is_an_event(gz: Gazetteer) -> None:
    found = sorted(events(gz, SHIPPING, PUB), key=lambda e: e.date)
    assert [(e.date.isoformat(), e.kind, e.actor) for e in found] == [
        ("2024-01-12", "attack", "Houthis"),
        ("2024-01-14", "strike", "Iran"),
    ]
    # ship names and flags are no places: the table's sea is
    assert {e.resolved.name for e in found} <= {"Red Sea", "Southern Red Sea"}


def test_a_location_column_places_each_rows_event(gz: Gazetteer) -> None:
    text = (
        "List of attacks in 2018\n"
        "Date | Type | Dead | Location | Perpetrator |\n"
        "24 January | Suicide car bombing | 6 | Jalalabad, Afghanistan | Islamic State |\n"
        "2 February | Shooting | 3 | Kandahar, Afghanistan | Taliban |\n"
    )
    found = sorted(events(gz, text, PUB), key=lambda e: e.date)
    assert [(e.date.isoformat(), e.resolved.name) for e in found] == [
        ("2018-01-24", "Jalālābād"),
        ("2018-02-02", "Kandahār"),
    ]


def test_a_table_of_no_events_gives_none() -> None:
    text = "Population by year\n| Year | City | People |\n| 2020 | Mosul | 1,500,000 |\n"
    assert event_rows(text) == ()


def test_the_actor_of_a_row_is_its_perpetrator_not_one_its_details_name(gz: Gazetteer) -> None:
    text = (
        "List of attacks in 2018\n"
        "Date | Type | Location | Details | Perpetrator |\n"
        "24 January | Suicide car bombing | Jalalabad, Afghanistan | Gunmen entered the compound "
        "and fought Afghan special forces for hours. | Islamic State |\n"
    )
    assert [(e.kind, e.actor) for e in events(gz, text, PUB)] == [("attack", "Islamic State")]


def test_rows_are_the_lines_the_row_pattern_finds() -> None:
    # the quick row search finds what the regex alone finds: whole lines of three pipes or more
    from geo.extract.spans.sections import _ROW, _rows

    texts = [
        SHIPPING,
        "a | b | c",  # no newline
        "x|\n|y|z|\n\n| a || b |\r\n|||\nno pipes here\n| one | two",
        "||||",
        "|\n|\n|",
        "",
        "text before | a | b | c | and after\nplain line\n| 1 | 2 | 3 |\n",
    ]
    for text in texts:
        assert [m.span() for m in _rows(text)] == [m.span() for m in _ROW.finditer(text)], text


def test_a_row_named_an_attack_is_one_whatever_its_rockets_hit(gz: Gazetteer) -> None:
    text = (
        "Incidents in Iraq during 2021\n"
        "| Name | Date | Dead | Injured | Location – Circumstances |\n"
        "| 2021 Erbil rocket attacks | 15 February | 2 | 13 | Erbil – Rockets directly hit the "
        "coalition base near Erbil International Airport. |\n"
    )
    found = extract([Article(id="t", text=text, published=None)], gazetteer=gz).events
    assert [(e.kind, e.date.isoformat()) for e in found] == [("attack", "2021-02-15")]
