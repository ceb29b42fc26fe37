"""Tests for geo.extract.spans.actors: the lexicon file and alias matching."""

from __future__ import annotations

import pytest

from geo.extract.spans.actors import SIDES, TYPES, Actor, actor_by_name, find_actors, load_actors

REQUIRED = [
    "united-states", "us-led-coalition", "united-kingdom", "israel", "iraqi-security-forces",
    "kataib-hezbollah", "harakat-al-nujaba", "kataib-sayyid-al-shuhada", "asaib-ahl-al-haq",
    "kataib-al-imam-ali", "badr-organization", "islamic-resistance-in-iraq",
    "popular-mobilization-forces", "saraya-awliya-al-dam", "saraya-al-mukhtar", "houthis", "irgc",
    "quds-force", "iran", "hezbollah", "hamas", "isis", "al-qaeda", "sdf",
    "syrian-government-forces", "russian-forces", "turkish-forces", "iran-backed-militia",
]  # fmt: skip


def ids(text: str) -> list[str]:
    return [m.actor.id for m in find_actors(text)]


def test_lexicon_is_valid_and_complete() -> None:
    actors = load_actors()
    by_id = {a.id: a for a in actors}
    assert set(REQUIRED) <= set(by_id)
    assert all(a.type in TYPES and a.side in SIDES for a in actors)
    assert all(a.parent is None or a.parent in by_id for a in actors)
    assert load_actors() is actors  # cached
    militia = by_id["iran-backed-militia"]
    assert (militia.type, militia.side) == ("militia", "iran_aligned")
    assert by_id["kataib-hezbollah"] == Actor(
        "kataib-hezbollah", "Kataib Hezbollah", "militia", "iran_aligned",
        "islamic-resistance-in-iraq", "IQ",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kata'ib Hezbollah claimed the attack.", "kataib-hezbollah"),
        ("Kata’ib Hizballah claimed the attack.", "kataib-hezbollah"),
        ("Kaitib Hizballah claimed the attack.", "kataib-hezbollah"),
        ("A statement by Harakat-al-Nujaba followed.", "harakat-al-nujaba"),
        ("A statement by Harakat Hezbollah al-Nujaba followed.", "harakat-al-nujaba"),
        ("Kaitib Sayyid al-Shuhada denied it.", "kataib-sayyid-al-shuhada"),
        ("Fighters from al-Hashd al-Shaabi moved north.", "popular-mobilization-forces"),
        ("The Islamic Resistance of Iraq said it hit a base.", "islamic-resistance-in-iraq"),
        ("The Guardians of Blood Brigade posted a video.", "saraya-awliya-al-dam"),
        ("Ansar Allah fired a missile at a tanker.", "houthis"),
        ("Houthi rebels fired a missile at a tanker.", "houthis"),
        ("An IRGC-QF adviser was present.", "quds-force"),
        ("The Revolutionary Guards issued a warning.", "irgc"),
        ("Daesh cells remain active.", "isis"),
        ("The Iranian proxy groups fired drones.", "iran-backed-militia"),
        ("Shiite militias were blamed.", "iran-backed-militia"),
        ("CENTCOM said the strike was defensive.", "united-states"),
        ("The Pentagon said the strike was defensive.", "united-states"),
        ("Operation Inherent Resolve troops were unhurt.", "us-led-coalition"),
        ("The IDF struck a convoy.", "israel"),
        ("The Syrian Arab Army shelled the town.", "syrian-government-forces"),
    ],
)
def test_alias_spellings(text: str, expected: str) -> None:
    assert ids(text) == [expected]


def test_longest_match_and_offsets() -> None:
    text = "Kataib Hezbollah and Lebanese Hezbollah; a US-led coalition jet and US forces."
    mentions = find_actors(text)
    assert [m.actor.id for m in mentions] == [
        "kataib-hezbollah", "hezbollah", "us-led-coalition", "united-states",
    ]  # fmt: skip
    assert all(text[m.start : m.end] == m.text for m in mentions)
    assert mentions[0].text == "Kataib Hezbollah"


def test_possessive_and_hyphen_spans() -> None:
    text = "Hamas's leaders and the Houthis' drones; Harakat-al-Nujaba's men."
    assert [m.text for m in find_actors(text)] == ["Hamas", "Houthis", "Harakat-al-Nujaba"]


def test_short_capital_aliases_need_capitals() -> None:
    assert ids("KH and the PMF and KSS and HAN") == [
        "kataib-hezbollah", "popular-mobilization-forces", "kataib-sayyid-al-shuhada",
        "harakat-al-nujaba",
    ]  # fmt: skip
    assert ids("kh and the pmf and kss and han and sdf and idf and irgc") == []
    assert ids("Send us forces a message") == []


def test_is_only_as_standalone_token_not_at_sentence_start() -> None:
    assert ids("The raid targeted IS cells near Hit.") == ["isis"]
    assert ids("IS fighters attacked. This is IS territory.") == ["isis"]
    assert ids("IS fighters attacked.") == []
    assert ids("THE BASE IS SAFE") == []
    assert ids("ISIS-K and ISIL") == ["isis", "isis"]
    assert ids("It is what it is. Isis was a goddess.") == []


def test_no_match_inside_words() -> None:
    assert ids("Hamasville, Irani, KHz, Badrinath") == []
    assert find_actors("") == []


def test_actor_by_name() -> None:
    assert actor_by_name("kataib-hezbollah") is not None
    kss = actor_by_name("Kata’ib Sayyid al-Shuhada")
    assert kss is not None and kss.id == "kataib-sayyid-al-shuhada"
    pmf = actor_by_name("popular mobilization units")
    assert pmf is not None and pmf.id == "popular-mobilization-forces"
    assert actor_by_name("PMF") == pmf
    assert actor_by_name("pmf") is None
    assert actor_by_name("Nobody in particular") is None


def test_the_leftmost_alias_wins_an_overlap() -> None:
    from geo.extract.spans.actors import find_actors

    found = find_actors("Kataib Hezbollah fighters attacked the base; Hezbollah fighters did not.")
    assert [(m.actor.id, m.text) for m in found] == [
        ("kataib-hezbollah", "Kataib Hezbollah"),
        ("hezbollah", "Hezbollah fighters"),
    ]


@pytest.mark.parametrize(
    ("text", "actor"),
    [("American jets hit the depot.", "united-states"), ("British jets struck.", "united-kingdom")],
)
def test_national_aircraft_name_their_air_force(text: str, actor: str) -> None:
    from geo.extract.spans.actors import find_actors

    assert [m.actor.id for m in find_actors(text)] == [actor]
