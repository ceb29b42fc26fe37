"""Tests for geo.extract.spans.counts: killed and injured figures from one sentence (invented)."""

from __future__ import annotations

import pytest

from geo.extract.spans.counts import Casualties, casualties


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("A drone hit the truck near the border, killing 25.", 25, None),
        ("The strike reportedly killing 25, a monitor said.", 25, None),
        ("Warplanes killed 25 fighters at the depot.", 25, None),
        ("The militia said four of its fighters were killed.", 4, None),
        ("17 members of the brigade were killed in the raids.", 17, None),
        ("The salvo killed one contractor working for the US and injured four soldiers.", 1, 4),
        ("Artillery struck the market, wounding over 51.", None, 51),
        ("At least 25 militia fighters were killed overnight.", 25, None),
        ("The bombing killed over 25 people in the town.", 25, None),
        ("The airstrikes killed dozens.", None, None),
        ("The explosion left two dead and five wounded.", 2, 5),
        ("The group said there were no casualties.", 0, 0),
        ("Officials said no injuries were reported.", 0, 0),
        ("The army said no civilians were harmed.", 0, 0),
        ("No one was killed in the attack, police said.", 0, None),
        ("A US drone killed an Iranian-backed militia leader in Baghdad.", 1, None),
        ("The strike killed Abu Hamza al-Tamimi and one other member of the group.", 2, None),
        ("The raid killed a senior commander and two others.", 3, None),
        ("Twenty-five people died and a dozen were injured.", 25, 12),
        ("The raid killed three soldiers and two civilians.", 5, None),
        ("Gunmen killed thirty-two people and wounded a hundred.", 32, 100),
        ("The strike killed 1,200 people, a ministry said.", 1200, None),
        ("Two killed and seven wounded in the shelling.", 2, 7),
    ],
)
def test_patterns(sentence: str, killed: int | None, injured: int | None) -> None:
    result = casualties(sentence)
    assert (result.killed, result.injured) == (killed, injured), result


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2021 the 45th Brigade moved to the base.",
        "Militants fired over 30 rockets at the airport.",
        "An F-15 struck the site 11 times at 10:30 on 5 January.",
        "The 40-year-old commander was aged 52, not 40.",
        "Drones flew 20 km before they were shot down.",
        "The base has been attacked more than 60 times since October.",
    ],
)
def test_numbers_that_are_not_casualties(sentence: str) -> None:
    result = casualties(sentence)
    assert (result.killed, result.injured) == (None, None), result
    assert result.reason == "no figure"


def test_rockets_and_people_in_one_sentence() -> None:
    result = casualties("Militants fired over 30 rockets, killing 3 and wounding 12.")
    assert (result.killed, result.injured) == (3, 12)


def test_lowest_of_several_reports() -> None:
    result = casualties("25 killed according to the group, 15 according to the government.")
    assert result.killed == 15
    assert "lowest" in result.reason
    other = casualties("The strike killed 25 people, the group said, but police said 15 died.")
    assert other.killed == 15


def test_separate_strikes_are_added() -> None:
    result = casualties("One strike killed 3 guards; a second strike killed 2 more.")
    assert result.killed == 5


def test_lower_bound_flag_and_text() -> None:
    result = casualties("Shelling killed at least 25 people.")
    assert result == Casualties(25, None, "killed at least 25", "active, lower-bound")
    assert "lower-bound" not in casualties("Shelling killed 25 people.").reason


def test_vague_and_empty() -> None:
    assert casualties("Strikes killed dozens of militants.").reason == "vague"
    assert casualties("Strikes killed scores.").killed is None
    empty = casualties("The ministry condemned the strike.")
    assert empty == Casualties(None, None, "", "no figure")


def test_one_of_them_is_part_of_the_figure_not_more_people() -> None:
    from geo.extract.spans.counts import casualties

    found = casualties("The drone wounded three service members, one of them critically.")
    assert (found.killed, found.injured) == (None, 3)


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("Rockets hit the camp, killing two American soldiers and a British medic.", 3),
        ("The strike killed two fighters and destroyed a truck.", 2),
        ("The blast killed two soldiers and a dog.", 2),
    ],
)
def test_and_a_person_adds_one(sentence: str, killed: int) -> None:
    from geo.extract.spans.counts import casualties

    assert casualties(sentence).killed == killed


@pytest.mark.parametrize(
    "sentence", ["THREE SOLDIERS WERE KILLED.", "Three soldiers were kİlled.", "3 were Killed"]
)
def test_case_does_not_hide_a_figure(sentence: str) -> None:
    """The quick test for casualty words folds case as the patterns do, also beyond ASCII."""
    assert casualties(sentence).killed == 3


def test_a_sentence_without_casualty_words_says_nothing() -> None:
    assert casualties("Jets struck three depots near the border.") == Casualties(
        None, None, "", "no figure"
    )


@pytest.mark.parametrize(
    ("sentence", "killed", "injured", "reason"),
    [
        ("The blast LEFT 5 DEAD.", 5, None, "left"),
        ("Gunmen KILLED a guard and two OTHERS.", 3, None, "and-others"),
        ("A soldier WAS KILLED.", 1, None, "single"),
        ("NO CASUALTIES were reported.", 0, 0, "none-reported"),
    ],
)
def test_rules_read_capitals_too(
    sentence: str, killed: int | None, injured: int | None, reason: str
) -> None:
    """The words each rule needs are looked for in any case, as the rules read them."""
    found = casualties(sentence)
    assert (found.killed, found.injured, found.reason) == (killed, injured, reason)


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("On 21 January three people were killed in an airstrike.", 3),
        ("The strike resulted in the death of two (2) al-Shabaab militants.", 2),
        ("The attack caused the deaths of 12 people.", 12),
    ],
)
def test_a_day_before_the_count_and_deaths_of(sentence: str, killed: int) -> None:
    assert casualties(sentence).killed == killed


def test_lookalike_letters_in_number_words_are_no_crash() -> None:
    assert casualties("ſeveral people were killed in the strike.").killed is None
    assert casualties("ſix people were killed in the strike.").killed in (None, 6)


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("A militia leader in Homs is assassinated by unknown gunmen.", 1),
        ("The group's emir was killed in an airstrike near Baquba.", 1),
        ("The strike resulted in the assassination of Hamza Ali, a senior commander.", 1),
        ("Two police officers are shot dead outside a restaurant.", 2),
        ("Three soldiers were later shot to death near the checkpoint.", 3),
        ("Six villagers were abducted and executed by the militants.", 6),
        ("Three people were shot and killed at the market.", 3),
        ("No one was killed in the attack.", 0),
        ("The convoy was hit near the bridge.", None),
    ],
)
def test_killings_told_by_their_verb(sentence: str, killed: int | None) -> None:
    assert casualties(sentence).killed == killed


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("A drone strike in Beirut killed Hezbollah senior commander Fuad Shukr.", 1),
        ("The raid killed ISIS leader Abu Bakr al-Baghdadi.", 1),
        ("The strike killed Al-Shabaab fighters and a commander.", None),
    ],
)
def test_one_named_person_killed(sentence: str, killed: int | None) -> None:
    assert casualties(sentence).killed == killed


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("Unidentified gunmen shot dead a local official in Kirkuk.", 1),
        ("Gunmen shot dead three policemen at a checkpoint.", 3),
        ("Five soldiers were martyred in an attack on a checkpoint.", 5),
    ],
)
def test_shot_dead_and_martyred_are_killed(sentence: str, killed: int) -> None:
    assert casualties(sentence).killed == killed


@pytest.mark.parametrize(
    "sentence",
    ["- 9 August – At least 30 people die in a strike.", "Thirty people died in a strike."],
)
def test_people_who_die_are_killed_in_a_timeline_s_present_too(sentence: str) -> None:
    assert casualties(sentence).killed == 30
