"""Spotting as US and world news writes places: abbreviations, datelines, institutions."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer


def _found(gz: Gazetteer, text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.place.name, m.reason) for m in gz.spot(text, demonyms=True) if m.place]


@pytest.mark.parametrize(
    ("text", "written", "state"),
    [
        ("CHARLESTON, W.Va. — The council met.", "W.Va.", "West Virginia"),
        ("Sen. Evan Bayh, D-Ind., spoke.", "Ind.", "Indiana"),
        ("She moved to Springfield, Ill., last year.", "Ill.", "Illinois"),
        ("A school in Washington, D.C. closed.", "D.C.", "District of Columbia"),
        ("Rep. Jim Clyburn, D-S.C., said so.", "S.C.", "South Carolina"),
    ],
)
def test_ap_state_abbreviations(gz: Gazetteer, text: str, written: str, state: str) -> None:
    hits = [(w, name) for w, name, why in _found(gz, text) if why == "AP state"]
    assert hits == [(written, state)]


@pytest.mark.parametrize("text", ["Miss. Smith arrived.", "He said Pa. was late.", "Ind. voters"])
def test_ap_abbreviations_need_a_town_or_party_before(gz: Gazetteer, text: str) -> None:
    assert all(why != "AP state" for _, _, why in _found(gz, text))


def test_every_ap_state_is_found_where_the_cheap_search_starts() -> None:
    """Each abbreviation, after a town and after a party, in running text: the search that
    tries the full pattern only where a capital, small letters and a full stop start
    finds what the full pattern finds everywhere."""
    from gazetteer.spot_words import _AP_STATE, AP_STATES, ap_state_matches

    for abbr in [*AP_STATES, "U.S.", "A.B."]:
        for text in (f"Hill, {abbr} said", f"Sen. Lee, R-{abbr}, and Ann, {abbr}x Ltd.", abbr):
            expected = [(m.span(), m.group()) for m in _AP_STATE.finditer(text)]
            assert [(m.span(), m.group()) for m in ap_state_matches(text)] == expected, text


def test_abbreviated_saint_and_mount(gz: Gazetteer) -> None:
    found = _found(gz, "Flights went to St. Petersburg and to Mt. Pleasant.")
    assert [w for w, _, _ in found] == ["St. Petersburg", "Mt. Pleasant"]


def test_all_caps_dateline_is_a_place(gz: Gazetteer) -> None:
    found = _found(gz, "March 24, 2009 TORRINGTON -- The selectmen met.")
    assert found and found[0][0] == "TORRINGTON" and found[0][2] == "dateline"


@pytest.mark.parametrize("text", ["Officials said ISIS — the group — struck.", "The IRS -- again."])
def test_acronyms_mid_sentence_are_not_datelines(gz: Gazetteer, text: str) -> None:
    assert all(why != "dateline" for _, _, why in _found(gz, text))


def test_a_place_before_an_institution_counts(gz: Gazetteer) -> None:
    words = [w for w, _, _ in _found(gz, "Officers of the Shreveport Police Department said.")]
    assert words == ["Shreveport"]


def test_a_place_inside_a_longer_name_is_still_refused(gz: Gazetteer) -> None:
    assert _found(gz, "The Mosul Eye blog said the strike killed two.") == []


def test_a_surname_the_text_gives_a_title_is_no_town(gz: Gazetteer) -> None:
    text = (
        "Sheriff Welch met officials in Charleston, W.Va., on Monday. Later Welch visited the jail."
    )
    assert "Welch" not in [w for w, _, _ in _found(gz, text)]


def test_a_town_named_the_same_without_a_person_still_counts(gz: Gazetteer) -> None:
    text = "The road from Charleston, W.Va., to Welch was closed by floods."
    assert "Welch" in [w for w, _, _ in _found(gz, text)]


def test_a_town_only_one_place_has_anchors_its_neighbours(gz: Gazetteer) -> None:
    us = gz.spot("Police said the man was driven from Zionsville to Lebanon on Friday.")
    assert [(m.text, m.place.admin1) for m in us if m.place] == [
        ("Zionsville", "US.IN"),
        ("Lebanon", "US.IN"),  # Lebanon, Indiana, 20 km away; not the country
    ]
    abroad = gz.spot("Israeli jets flew over Lebanon on Friday.")
    assert [(m.text, m.place.kind) for m in abroad if m.place] == [("Lebanon", "country")]
