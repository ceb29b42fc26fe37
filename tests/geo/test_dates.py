from __future__ import annotations

import datetime as dt

import pytest

from geo.extract.spans.dates import EventDate, event_date, find_dates
from geo.extract.spans.dates_relative import most_recent_weekday, on_or_before, relative_period

D = dt.date
MON = D(2019, 12, 30)  # a Monday
THU = D(2019, 12, 26)
SUN = D(2019, 12, 29)
NEW_YEAR = D(2020, 1, 2)  # a Thursday


def only(text: str, published: dt.date | None) -> EventDate:
    found = find_dates(text, published)
    assert len(found) == 1, found
    return found[0]


# --- explicit dates -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Jets hit the depot on Dec. 27, officials said.", "Dec. 27", D(2019, 12, 27)),
        ("Jets hit the depot on December 27.", "December 27", D(2019, 12, 27)),
        ("Jets hit the depot on 27 December.", "27 December", D(2019, 12, 27)),
        ("The convoy was struck on February 15.", "February 15", D(2019, 2, 15)),
        ("The convoy was struck on Feb. 15 near the border.", "Feb. 15", D(2019, 2, 15)),
        ("A rocket landed on January 4, 2024.", "January 4, 2024", D(2024, 1, 4)),
        ("A rocket landed on Jan 4 2024.", "Jan 4 2024", D(2024, 1, 4)),
        ("A rocket landed on 2024-01-04.", "2024-01-04", D(2024, 1, 4)),
        ("A rocket landed on 4th of January 2024.", "4th of January 2024", D(2024, 1, 4)),
        ("Shelling resumed on Sept. 3.", "Sept. 3", D(2019, 9, 3)),
        ("Shelling resumed on Sunday, Dec. 29, 2019.", "Sunday, Dec. 29, 2019", SUN),
        ("Shelling resumed on May 5.", "May 5", D(2019, 5, 5)),
        ("Shelling resumed on 12 March.", "12 March", D(2019, 3, 12)),
    ],
)
def test_explicit_dates(text: str, phrase: str, expected: dt.date) -> None:
    found = only(text, MON)
    assert (found.text, found.date, found.precision) == (phrase, expected, "day")
    assert found.earliest == found.latest == expected
    assert text[found.start : found.end] == phrase


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        (D(2019, 12, 30), D(2019, 12, 27)),
        (D(2020, 1, 2), D(2019, 12, 27)),
        (D(2019, 12, 27), D(2019, 12, 27)),
        (D(2019, 12, 26), D(2018, 12, 27)),
    ],
)
def test_missing_year_is_on_or_before_publication(published: dt.date, expected: dt.date) -> None:
    found = only("The base was hit on Dec. 27.", published)
    assert found.date == expected
    assert "without a year" in found.reason


def test_leap_day_without_year_goes_back_to_a_leap_year() -> None:
    assert only("Troops moved in on Feb. 29.", D(2023, 3, 1)).date == D(2020, 2, 29)
    assert on_or_before(4, 31, D(2023, 3, 1)) is None
    assert find_dates("Troops moved in on April 31.", MON) == []


def test_explicit_year_wins_over_publication() -> None:
    assert only("It opened on December 27, 2015.", MON).date == D(2015, 12, 27)


def test_full_stop_after_full_month_name_is_not_part_of_the_phrase() -> None:
    found = only("They came back on 29 December. Nobody stayed.", MON)
    assert found.text == "29 December"


# --- months and years -------------------------------------------------------------------


def test_month_and_year() -> None:
    found = only("Raids intensified in January 2020 across the province.", MON)
    assert (found.text, found.precision) == ("January 2020", "month")
    assert (found.earliest, found.latest, found.date) == (
        D(2020, 1, 1),
        D(2020, 1, 31),
        D(2020, 1, 15),
    )


def test_month_date_is_clamped_to_publication_within_that_month() -> None:
    found = only("Raids intensified in January 2020.", D(2020, 1, 9))
    assert found.date == D(2020, 1, 9)
    assert found.latest == D(2020, 1, 31)


def test_may_with_year_is_a_month() -> None:
    found = only("The bridge fell in May 2021.", MON)
    assert (found.precision, found.earliest) == ("month", D(2021, 5, 1))


def test_bare_month_after_in() -> None:
    found = only("The bridge fell in June, locals said.", MON)
    assert (found.precision, found.earliest, found.latest) == (
        "month",
        D(2019, 6, 1),
        D(2019, 6, 30),
    )
    later = only("The bridge fell in June.", D(2020, 1, 2))
    assert later.earliest == D(2019, 6, 1)


@pytest.mark.parametrize("year", [2005, 2019])
def test_in_year(year: int) -> None:
    found = only(f"The airfield was first bombed in {year} by the coalition.", D(2020, 3, 1))
    assert (found.text, found.precision) == (str(year), "year")
    assert (found.earliest, found.latest) == (D(year, 1, 1), D(year, 12, 31))


def test_year_date_clamped_to_publication() -> None:
    assert only("Fighting began in 2020.", D(2020, 3, 1)).date == D(2020, 3, 1)


# --- weekdays ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Drones struck the camp on Sunday.", MON, D(2019, 12, 29)),
        ("Drones struck the camp Sunday night.", MON, D(2019, 12, 29)),
        ("Drones struck the camp late Sunday.", MON, D(2019, 12, 29)),
        ("Thursday's airstrike destroyed a bridge.", MON, D(2019, 12, 26)),
        ("Drones struck the camp on Monday.", MON, MON),  # same weekday: publication day
        ("Drones struck the camp on Tuesday.", MON, D(2019, 12, 24)),
        ("Drones struck the camp on Friday.", NEW_YEAR, D(2019, 12, 27)),
        ("Drones struck the camp on Thursday.", NEW_YEAR, NEW_YEAR),
        ("Drones struck the camp on Saturday.", SUN, D(2019, 12, 28)),
        ("Drones struck the camp on Sunday.", SUN, SUN),
    ],
)
def test_weekday_is_most_recent_on_or_before_publication(
    text: str, published: dt.date, expected: dt.date
) -> None:
    found = only(text, published)
    assert (found.date, found.precision) == (expected, "day")
    assert found.earliest == found.latest == expected
    assert "on or before publication" in found.reason


@pytest.mark.parametrize(
    ("published", "expected"),
    [(MON, D(2019, 12, 29)), (SUN, D(2019, 12, 22)), (NEW_YEAR, D(2019, 12, 29))],
)
def test_last_weekday_is_strictly_before(published: dt.date, expected: dt.date) -> None:
    found = only("The checkpoint was hit last Sunday.", published)
    assert (found.text, found.date) == ("last Sunday", expected)
    assert "strictly before" in found.reason


def test_weekday_reason_and_span() -> None:
    text = "Officials said Thursday's airstrike hit a depot."
    found = only(text, MON)
    assert found.text == "Thursday" == text[found.start : found.end]
    assert found.reason == "weekday 'Thursday' on or before publication 2019-12-30"


@pytest.mark.parametrize(
    "text", ["A vote is due next Friday.", "Crowds shopped on Black Friday.", "Shops opened."]
)
def test_weekdays_not_resolved(text: str) -> None:
    assert find_dates(text, MON) == []


def test_most_recent_weekday_helper() -> None:
    assert [most_recent_weekday(THU, wd) for wd in range(7)] == [
        D(2019, 12, 23),
        D(2019, 12, 24),
        D(2019, 12, 25),
        THU,
        D(2019, 12, 20),
        D(2019, 12, 21),
        D(2019, 12, 22),
    ]


# --- holidays ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Mortars fell on Christmas Day.", MON, D(2019, 12, 25)),
        ("Mortars fell on Christmas Eve.", MON, D(2019, 12, 24)),
        ("Mortars fell on Christmas Eve.", NEW_YEAR, D(2019, 12, 24)),
        ("Mortars fell on New Year's Eve.", NEW_YEAR, D(2019, 12, 31)),
        ("Mortars fell on New Year’s Eve.", MON, D(2018, 12, 31)),
        ("Mortars fell on New Year's Day.", NEW_YEAR, D(2020, 1, 1)),
        ("Mortars fell on New Year's Day.", MON, D(2019, 1, 1)),
        ("Mortars fell on Christmas Day 2015.", MON, D(2015, 12, 25)),
        # the feasts of Easter move: Western Easter was 21 April 2019, 12 April 2020
        ("A missile struck the city on Good Friday.", D(2019, 5, 2), D(2019, 4, 19)),
        ("A missile struck the city on Good Friday.", D(2020, 4, 1), D(2019, 4, 19)),
        ("Drones hit the port on Palm Sunday.", D(2020, 4, 30), D(2020, 4, 5)),
        ("The Easter Sunday 2019 bombings killed many.", D(2023, 1, 1), D(2019, 4, 21)),
        ("Shelling resumed on Easter Monday.", D(2020, 4, 30), D(2020, 4, 13)),
        ("Shelling resumed on Easter, officials said.", D(2020, 4, 30), D(2020, 4, 12)),
        # Orthodox Easter was 19 April 2020; Orthodox Christmas is 7 January
        ("Shelling resumed on Orthodox Easter.", D(2020, 4, 30), D(2020, 4, 19)),
        ("Shelling resumed on Orthodox Christmas Day.", D(2020, 4, 30), D(2020, 1, 7)),
    ],
)
def test_holidays(text: str, published: dt.date, expected: dt.date) -> None:
    found = only(text, published)
    assert (found.date, found.precision) == (expected, "day")


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("In mid-December, forces took the town.", 12),
        ("Shelling began in early March.", 3),
        ("Drone attacks in March killed a contractor.", 3),
        ("During May the militia struck twice.", 5),
    ],
)
def test_a_part_of_a_month_is_that_month(text: str, month: int) -> None:
    found = only(text, MON)
    assert (found.date.month, found.precision) == (month, "month")


def test_a_feast_s_name_before_a_noun_dates_nothing() -> None:
    assert find_dates("a bakery preparing Easter bread was destroyed", MON) == []


# --- relative to publication ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "published", "precision", "earliest", "latest"),
    [
        ("today", MON, "day", MON, MON),
        ("yesterday", MON, "day", SUN, SUN),
        ("overnight", MON, "day", MON, MON),
        ("earlier this week", THU, "week", D(2019, 12, 23), D(2019, 12, 25)),
        ("earlier this week", MON, "week", D(2019, 12, 23), SUN),  # Monday: previous 7 days
        ("last week", THU, "week", D(2019, 12, 16), D(2019, 12, 22)),
        ("last week", MON, "week", D(2019, 12, 23), SUN),
        ("earlier this month", MON, "month", D(2019, 12, 1), SUN),
        ("last month", NEW_YEAR, "month", D(2019, 12, 1), D(2019, 12, 31)),
        ("last month", D(2020, 3, 10), "month", D(2020, 2, 1), D(2020, 2, 29)),
        ("earlier this year", D(2020, 3, 10), "year", D(2020, 1, 1), D(2020, 3, 9)),
        ("over the weekend", THU, "week", D(2019, 12, 21), D(2019, 12, 22)),
        ("last weekend", THU, "week", D(2019, 12, 21), D(2019, 12, 22)),
        ("this past weekend", SUN, "week", D(2019, 12, 28), SUN),  # published on the Sunday
        ("last weekend", SUN, "week", D(2019, 12, 21), D(2019, 12, 22)),
        ("in the past week", THU, "week", D(2019, 12, 20), THU),
        ("over the last few days", THU, "week", D(2019, 12, 20), THU),
    ],
)
def test_relative_to_publication(
    phrase: str, published: dt.date, precision: str, earliest: dt.date, latest: dt.date
) -> None:
    text = f"A militia leader was killed {phrase} in a drone strike."
    found = only(text, published)
    assert (found.text, found.precision) == (phrase, precision)
    assert (found.earliest, found.latest) == (earliest, latest)
    assert earliest <= found.date <= latest


def test_relative_phrase_is_case_insensitive() -> None:
    assert only("Yesterday, a drone hit the road.", MON).date == SUN


def test_relative_period_unknown_phrase() -> None:
    assert relative_period("next month", MON) is None


def test_newspaper_name_is_not_today() -> None:
    assert find_dates("He told USA Today about it.", MON) == []


# --- relative to another date ----------------------------------------------------------------


def test_two_days_later_uses_the_preceding_date() -> None:
    found = find_dates("A depot burned on Dec. 20. Two days later, a second strike hit it.", MON)
    assert [f.text for f in found] == ["Dec. 20", "Two days later"]
    assert (found[1].date, found[1].precision) == (D(2019, 12, 22), "day")
    assert "2019-12-20" in found[1].reason


def test_hours_earlier_is_the_day_of_the_preceding_date() -> None:
    found = find_dates("Drones hit a garrison on Dec. 20. Hours earlier, rockets fell.", MON)
    assert [f.text for f in found] == ["Dec. 20", "Hours earlier"]
    assert (found[1].date, found[1].precision) == (D(2019, 12, 20), "day")


def test_in_response_is_the_day_or_the_week_after() -> None:
    found = find_dates("Rockets hit a base on Dec. 20. In response, jets struck depots.", MON)[1]
    assert (found.text, found.date, found.precision) == ("In response", D(2019, 12, 20), "week")
    assert (found.earliest, found.latest) == (D(2019, 12, 20), D(2019, 12, 27))


def test_days_later_is_a_week_range() -> None:
    found = find_dates("A depot burned on Dec. 10. Days later, the army withdrew.", MON)[1]
    assert found.precision == "week"
    assert (found.earliest, found.latest, found.date) == (
        D(2019, 12, 11),
        D(2019, 12, 17),
        D(2019, 12, 12),
    )


def test_days_later_is_clamped_to_publication() -> None:
    found = find_dates("A depot burned on Dec. 27. Days later, it burned again.", MON)[1]
    assert (found.earliest, found.latest) == (D(2019, 12, 28), MON)


def test_days_earlier_and_the_next_day() -> None:
    text = "Troops entered on Dec. 20. Three days earlier, scouts came; the next day, jets."
    found = find_dates(text, MON)
    assert [(f.text, f.date) for f in found] == [
        ("Dec. 20", D(2019, 12, 20)),
        ("Three days earlier", D(2019, 12, 17)),
        ("the next day", D(2019, 12, 18)),
    ]
    vague = find_dates("Troops entered on Dec. 20. Days earlier, scouts came.", MON)[1]
    assert (vague.earliest, vague.latest) == (D(2019, 12, 13), D(2019, 12, 19))


def test_anchor_with_coarser_precision_keeps_it() -> None:
    found = find_dates("Raids began in June 2019; two days later, more came.", MON)[1]
    assert found.precision == "month"
    assert (found.earliest, found.latest) == (D(2019, 6, 3), D(2019, 7, 2))


def test_anchored_without_anchor_is_skipped() -> None:
    assert find_dates("Two days later, the army withdrew.", MON) == []


# --- no publication date ---------------------------------------------------------------------


def test_without_publication_only_self_contained_dates() -> None:
    text = "On Sunday, yesterday, on Dec. 27, on January 4, 2024, in May 2021 and in 2005."
    found = find_dates(text, None)
    assert [f.text for f in found] == ["January 4, 2024", "May 2021", "2005"]


# --- false positives -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The strike killed 15 militiamen near the river.",
        "An F-15 was seen over the town.",
        "About 25 fighters surrendered.",
        "Resolution 2254 calls for a ceasefire.",
        "The count reached 2019 by noon.",
        "Officials may 5 times revise the toll.",
        "The group may strike again, and crowds will march 10 miles.",
        "Talks may march on in may-be.",
        "He sent 1,200 troops and 3 tanks.",
        "The 2019-20 season was cancelled.",
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text, MON) == []


# --- event_date --------------------------------------------------------------------------------


def test_event_date_first_in_sentence() -> None:
    found = event_date("On Sunday jets bombed a bridge first struck on Dec. 20.", MON)
    assert found is not None
    assert (found.text, found.date) == ("Sunday", SUN)


def test_event_date_falls_back_to_context() -> None:
    found = event_date("Jets bombed a bridge.", MON, context="The offensive began on Dec. 20.")
    assert found is not None
    assert (found.date, found.text) == (D(2019, 12, 20), "Dec. 20")


def test_event_date_anchors_on_context() -> None:
    context = "Militants seized the town on Dec. 3. The army answered on Dec. 20."
    found = event_date("A day later, jets bombed the bridge.", MON, context=context)
    assert found is not None
    assert (found.date, found.precision) == (D(2019, 12, 21), "day")


def test_event_date_none() -> None:
    assert event_date("Jets bombed a bridge.", MON) is None
    assert event_date("Jets bombed a bridge on Sunday.", None) is None


def test_a_date_after_in_response_wins() -> None:
    anchor = find_dates("Rockets hit a base on Dec. 27.", D(2020, 6, 24))[0]
    found = find_dates(
        "In response, on December 29, jets struck depots.", D(2020, 6, 24), anchor=anchor
    )
    assert [(d.text, d.date) for d in found] == [("December 29", D(2019, 12, 29))]


# --- the words each pattern needs -------------------------------------------------------

PHRASES = [
    "2024-01-04", "Dec. 27", "December 27, 2019", "Friday, Dec. 27", "27 December 2019",
    "Sunday the 29th of December", "the 5th of May", "Christmas Eve", "New Year's Day, 2020",
    "January 2020", "Sept. of 2019", "in January", "during early February", "in 2005",
    "during mid-2019", "today", "TONIGHT", "Overnight", "this morning", "yesterday",
    "last night", "earlier this week", "Last month", "two days later", "Days afterwards",
    "hours earlier", "the next day", "The following day", "In response, jets", "in retaliation,",
    "last Sunday", "This past Monday", "on Wednesday", "late Saturday",
]  # fmt: skip


@pytest.mark.parametrize("phrase", PHRASES)
def test_every_match_holds_a_word_its_pattern_needs(phrase: str) -> None:
    """The cheap test that skips a pattern never skips a text the pattern matches."""
    from geo.extract.spans.dates import _RULES
    from geo.extract.spans.phrases import passes

    matched = 0
    for rule in _RULES:
        for m in rule.scan.pattern.finditer(phrase):
            matched += 1
            written = m.group(0).lower() if rule.folded else m.group(0)
            assert all(passes(need, written) for need in rule.needs), (m.re.pattern[:40], written)
    assert matched


def test_case_folding_beyond_ascii_still_finds_dates() -> None:
    """Case-insensitive patterns match "ſ" as "s": such texts are searched in full."""
    anchor = only("On Dec. 27, 2019, drones hit the base.", None)
    found = find_dates("In reſponse, jets struck.", MON, anchor=anchor)
    assert [(d.text, d.date) for d in found] == [("In reſponse", D(2019, 12, 27))]


@pytest.mark.parametrize(
    ("text", "first", "last", "precision"),
    [
        ("On August 20,1998, the United States struck.", "1998-08-20", "1998-08-20", "day"),
        ("between 27 and 31 March 2022, in Moura", "2022-03-27", "2022-03-31", "week"),
        ("On 4 and 5 June 2021, insurgents attacked.", "2021-06-04", "2021-06-05", "week"),
        ("Strikes conducted Aug. 20-22, 2017 in Syria", "2017-08-20", "2017-08-22", "week"),
        ("January 30/31, 2017 – Taliban fighters attacked", "2017-01-30", "2017-01-31", "week"),
        ("two airstrikes June 23 and 30, 2018", "2018-06-23", "2018-06-23", "day"),
    ],
)
def test_tight_commas_spans_of_days_and_lists_of_days(
    text: str, first: str, last: str, precision: str
) -> None:
    (found,) = find_dates(text, dt.date(2022, 12, 31))
    assert (found.date.isoformat(), found.latest.isoformat(), found.precision) == (
        first,
        last,
        precision,
    )


def test_a_yearless_day_after_a_full_date_takes_its_year() -> None:
    text = "a chemical attack on April 4, 2017, and a strike in response on April 6"
    found = find_dates(text, dt.date(2024, 1, 11))
    assert [d.date for d in found] == [dt.date(2017, 4, 4), dt.date(2017, 4, 6)]


def test_a_month_that_names_an_event_is_its_date() -> None:
    import datetime as dt

    from geo.extract.spans.dates import find_dates

    (d,) = find_dates("He was behind an October bombing in Mogadishu.", dt.date(2018, 9, 19))
    assert (d.date.year, d.date.month, d.precision) == (2017, 10, "month")
    assert find_dates("An October wind blew.", dt.date(2018, 9, 19)) == []


def test_a_year_named_before_gives_a_later_day_its_year() -> None:
    text = "In 2019, militants attacked a camp on December 10."
    found = [d.date for d in find_dates(text, dt.date(2024, 5, 15)) if d.precision == "day"]
    assert found == [dt.date(2019, 12, 10)]


def test_a_year_before_an_event_noun_dates_it() -> None:
    found = find_dates("A court sentenced three men for the 2019 bombing of a hall.", None)
    assert [(d.text, d.precision) for d in found] == [("2019", "year")]
    assert find_dates("the 2019 elections", None) == []


def test_between_two_days_is_one_window() -> None:
    [d] = find_dates("between January 1 and September 30, attacks rose", dt.date(2020, 6, 24))
    assert (d.precision, d.earliest, d.latest) == (
        "year",
        dt.date(2019, 1, 1),
        dt.date(2019, 9, 30),
    )
    assert [x.text for x in find_dates("strikes on May 2 and May 5", dt.date(2020, 6, 24))] == [
        "May 2",
        "May 5",
    ]
