"""Hostile and unlucky input to the gazetteer: ties, invisible characters (issue 13)."""

from __future__ import annotations

from gazetteer import Gazetteer


def test_two_sites_at_the_same_distance_do_not_crash(gz: Gazetteer) -> None:
    """Two bases equally far from Sanaa tied on distance and the sort compared Places."""
    places = gz.resolve("a base near Sanaa", limit=5)
    assert places and all(p.kind in {"base", "airbase"} for p in places[:1])
    assert places == gz.resolve("a base near Sanaa", limit=5)  # the tie breaks the same way


def test_invisible_characters_do_not_split_a_name(gz: Gazetteer) -> None:
    from gazetteer.normalize import normalize, words

    assert words("Bag\u200bhdad") == ["baghdad"]
    assert normalize("a\u200bl-Qa\u00adim") == normalize("al-Qaim") == "qaim"
    assert [p.name for p in gz.resolve("\u202eKir\u200dkuk\u2069")[:1]] == ["Kirkuk"]
