"""Hostile and unlucky input to the gazetteer: ties, invisible characters (issue 13)."""

from __future__ import annotations

from gazetteer import Gazetteer


def test_two_sites_at_the_same_distance_do_not_crash(gz: Gazetteer) -> None:
    """Two bases equally far from Sanaa tied on distance and the sort compared Places."""
    places = gz.resolve("a base near Sanaa", limit=5)
    assert places and all(p.kind in {"base", "airbase"} for p in places[:1])
    assert places == gz.resolve("a base near Sanaa", limit=5)  # the tie breaks the same way
