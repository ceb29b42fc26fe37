"""Dates from a text's layout: the year it is about, dated headings and dated lines."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.articles.article import Article
from geo.extract.pipeline import extract_article
from geo.extract.spans.sections import DateLayout

TIMELINE = (
    "Timeline of the insurgency (2022)\n"
    "January\n"
    "- January 6 – Gunmen attacked a checkpoint near Samarra. Two soldiers died.\n"
    "- January 16 – A roadside bomb exploded next to a minibus in Tikrit.\n"
    "February\n"
    "Rockets hit an airbase in Anbar.\n"
)


def test_a_line_opened_by_a_day_dates_the_whole_line() -> None:
    layout = DateLayout.of(TIMELINE, None)
    died = layout.section(TIMELINE.index("Two soldiers"))
    assert died is not None and (died.date, died.precision) == (dt.date(2022, 1, 6), "day")


def test_a_month_heading_dates_what_stands_under_it_until_the_next() -> None:
    layout = DateLayout.of(TIMELINE, None)
    feb = layout.section(TIMELINE.index("Rockets"))
    assert feb is not None and feb.precision == "month"
    assert (feb.earliest, feb.latest) == (dt.date(2022, 2, 1), dt.date(2022, 2, 28))


def test_a_day_on_a_line_of_its_own_dates_the_lines_below() -> None:
    text = "2016 in Syria\nFebruary 2016\n6 February\nAirstrikes on Douma killed 31 civilians."
    events, _ = extract_article(Article("t", text))
    assert [(e.kind, e.date, e.date_precision) for e in events] == [
        ("strike", dt.date(2016, 2, 6), "day")
    ]


def test_a_year_in_passing_does_not_set_the_year_of_later_days() -> None:
    text = (
        "2017 timeline\n• March 14 – Pirates seize a tanker, the first since 2012.\n"
        "• March 21 – A car bomb explodes outside the palace in Mogadishu."
    )
    layout = DateLayout.of(text, None)
    assert layout.context(text.index("A car bomb")) == dt.date(2017, 12, 31)
    events, _ = extract_article(Article("t", text))
    assert [e.date for e in events] == [dt.date(2017, 3, 14), dt.date(2017, 3, 21)]


def test_a_year_alone_does_not_resolve_weekdays() -> None:
    text = "Report of 2012\nA car bomb killed 16 people in Qatana on Thursday."
    layout = DateLayout.of(text, None)
    assert layout.stand_in(text.index("A car"))
    assert layout.dates("killed on Thursday and on 13 December", text.index("A car")) != []
    assert [d.text for d in layout.dates("on Thursday", text.index("A car"))] == []


def test_a_publication_date_resolves_days_unless_a_heading_names_an_earlier_year() -> None:
    text = "Attacks (2024)\nMarch 3 – Rockets hit Baghdad on Sunday."
    layout = DateLayout.of(text, dt.date(2024, 5, 1))
    assert layout.context(20) == dt.date(2024, 5, 1) and not layout.stand_in(20)
    text = "2017 Terrorist Incidents: • On January 27, gunmen attacked a camp at Kolbio."
    layout = DateLayout.of(text, dt.date(2018, 9, 19))
    assert layout.context(text.index("gunmen")) == dt.date(2017, 12, 31)
    assert [d.date for d in layout.dates("On January 27, on Sunday", 30)] == [dt.date(2017, 1, 27)]


def test_a_year_looked_back_to_sets_no_year() -> None:
    text = (
        "On July 19, 2024, drones hit Tel Aviv, the first death since October 2023. "
        "On July 20, jets struck Hudaydah."
    )
    layout = DateLayout.of(text, None)
    assert layout.context(text.index("jets")) == dt.date(2024, 12, 31)


@pytest.mark.parametrize(
    "text",
    [
        "2019 Terrorist Incidents: in 1999, 20199 and $2019; 2018.5 and 2019,5; 2020-2021",
        "1850 people, 1919 km, a2019, .2019, 2017 (2016) 20 19 201 1920",
    ],
)
def test_years_are_found_where_the_full_pattern_finds_them(text: str) -> None:
    """The quick search for where a year starts finds what the year pattern finds."""
    from geo.extract.spans.sections import _YEAR, _years

    expected = [(m.span(), m.group(1)) for m in _YEAR.finditer(text)]
    assert [(m.span(), m.group(1)) for m in _years(text)] == expected
    assert expected


def test_a_text_named_for_its_event_gives_its_year() -> None:
    from geo.extract.spans.sections import year_context

    text = (
        "The 2021 Basra rocket attacks occurred when rockets hit the airport. On 15 February, ..."
    )
    assert year_context(text) == dt.date(2021, 12, 31)
    assert year_context("The rocket attacks of 2021 went on.") is None


def test_a_releases_own_date_line_dates_no_event_as_a_heading() -> None:
    text = "Aug. 30, 2018\nRelease Number 20180830-02\nThese air strikes took place in Shabwah."
    layout = DateLayout.of(text, dt.date(2018, 8, 30))
    assert layout.section(text.index("These")) is None
    later = DateLayout.of(text, dt.date(2018, 9, 2))  # a heading of another day still dates
    section = later.section(text.index("These"))
    assert section is not None and section.date == dt.date(2018, 8, 30)


def test_days_after_a_since_month_without_publication_come_after_it() -> None:
    text = (
        "Since October 2023, militias have attacked U.S. forces more than 170 times. On "
        "January 28, a drone attack killed three U.S. soldiers at Tower 22 in Jordan. On "
        "November 5, a rocket attack hit Erbil."
    )
    found, _ = extract_article(Article(id="a", text=text, published=None))
    assert sorted(e.date.isoformat() for e in found) == ["2023-11-05", "2024-01-28"]


def test_a_year_named_after_a_since_month_still_dates_the_days_after_it() -> None:
    text = (
        "A bombing killed 13 U.S. soldiers in Kabul on 26 August 2021, the first such deaths "
        "since February 2020. On 29 August, the US conducted a drone strike in Kabul."
    )
    found, _ = extract_article(Article(id="a", text=text, published=None))
    assert sorted(e.date.isoformat() for e in found) == ["2021-08-26", "2021-08-29"]


def test_the_same_day_as_a_day_no_event_was_found_on() -> None:
    text = (
        "Early December 1, insurgents entered Damaturu, sending students fleeing. The same day, "
        "suicide bombers killed dozens in a crowded market in Maiduguri."
    )
    found, _ = extract_article(Article(id="a", text=text, published=dt.date(2014, 12, 8)))
    assert [(e.resolved.name, e.date.isoformat()) for e in found] == [("Maiduguri", "2014-12-01")]


def test_a_year_named_with_in_dates_the_days_after_it_without_publication() -> None:
    text = (
        "One attack occurred in Lebanon in 1998. On 21 June four rocket-propelled grenades "
        "were fired at the US Embassy in Beirut."
    )
    found, _ = extract_article(Article(id="a", text=text, published=None))
    assert [e.date.isoformat() for e in found] == ["1998-06-21"]


def test_a_yearly_report_s_days_are_in_the_year_it_names() -> None:
    text = (
        "Construction on the barrier was sporadic in 2008.\nTerrorist attacks included the "
        "following:\nOn February 4, a suicide bomber struck a shopping mall in Dimona, killing one "
        "person. Rescuers arrived on Monday."
    )
    found, _ = extract_article(Article(id="a", text=text, published=dt.date(2009, 4, 30)))
    assert [(e.kind, e.date.isoformat()) for e in found] == [("attack", "2008-02-04")]


def test_the_year_a_page_is_about_dates_its_timeline() -> None:
    text = (
        "The year 2021 in Afghanistan is marked by a major offensive from the Taliban.\n"
        "January\n- 1 January – A journalist is shot dead in the province of Ghor."
    )
    found, _ = extract_article(Article(id="a", text=text, published=None))
    assert [e.date.isoformat() for e in found] == ["2021-01-01"]


def test_a_claim_s_date_is_not_its_bombing_s() -> None:
    text = (
        "15 January 2018 - 27 people were killed by a double suicide bombing in central Baghdad. "
        "Two days later (on Wednesday January 17, 2018) Islamic State claimed responsibility for "
        "the twin suicide bombings in Baghdad."
    )
    found, _ = extract_article(Article(id="a", text=text, published=None))
    assert [(e.date.isoformat(), e.actor) for e in found] == [("2018-01-15", "Islamic State")]


def test_an_undated_event_of_a_story_is_on_the_day_the_story_named() -> None:
    text = (
        "Al-Shabab continued its offensive in Somalia on Tuesday.\n\nFour soldiers died when a "
        "land mine exploded outside Mogadishu."
    )
    found, _ = extract_article(Article(id="a", text=text, published=dt.date(2016, 3, 5)))
    assert [(e.date.isoformat(), e.date_precision) for e in found] == [("2016-03-01", "day")]


def test_a_year_compared_with_does_not_set_the_year_of_later_days() -> None:
    # our own sentences: the report of 2009 is about 2008, the year it compares with is not
    text = (
        "The border region grew less safe than it was in 2007.\n\nThe year saw several bombings, "
        "including the July 7 bombing of a ministry in Kabul."
    )
    found, _ = extract_article(Article(id="a", text=text, published=dt.date(2009, 4, 30)))
    assert [e.date.isoformat() for e in found] == ["2008-07-07"]


def test_a_date_before_its_noun_dates_that_noun_not_an_earlier_plural() -> None:
    text = (
        "Although dozens of terrorist attacks were carried out across the region, the year saw "
        "several large ones, including the March 3 attacks in Lahore and the May 9 bombing of a "
        "hotel in Peshawar."
    )
    found, _ = extract_article(Article(id="a", text=text, published=dt.date(2010, 6, 1)))
    assert [(e.date.isoformat(), e.place) for e in found] == [
        ("2010-03-03", "Lahore"),
        ("2010-05-09", "Peshawar"),
    ]


def test_a_yearly_report_s_months_are_in_the_year_it_names() -> None:
    text = (
        "Attacks on the border rose in 2022.\n\nIn August, Israeli jets struck militant sites in "
        "Rafah, killing a commander."
    )
    found, _ = extract_article(Article(id="a", text=text, published=dt.date(2023, 11, 30)))
    assert [(e.date.isoformat(), e.date_precision) for e in found] == [("2022-08-15", "month")]
