"""nearest_sites and within: distances checked against gazetteer.geodesy.haversine_km."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
import shapely

from gazetteer import Gazetteer, haversine_km
from geo.analysis.sites import SITE_COLUMNS, nearest_sites, within
from geo.errors import AnalysisError
from geo.frame import events_frame

BAGHDAD = (33.3152, 44.3661)
ERBIL = (36.1901, 44.0091)
BASRA = (30.5085, 47.7804)


def _events(points: list[tuple[float, float]]) -> gpd.GeoDataFrame:
    return events_frame(
        {"event_id": f"e{i}", "kind": "attack", "lat": lat, "lon": lon}
        for i, (lat, lon) in enumerate(points)
    )


def test_an_attack_near_ain_al_asad_is_a_few_km_from_it(gz) -> None:  # type: ignore[no-untyped-def]
    asad = gz.get("curated:al-asad-airbase")
    out = nearest_sites(_events([(33.80, 42.44)]), gazetteer=gz).iloc[0]
    assert (out["site_id"], out["site_name"], out["site_kind"]) == (
        asad.id,
        asad.name,
        "airbase",
    )
    assert out["site_km"] == pytest.approx(haversine_km(33.80, 42.44, asad.lat, asad.lon), 1e-9)
    assert 1.0 < out["site_km"] < 2.5


def test_the_nearest_site_is_the_nearest_by_brute_force(gz) -> None:  # type: ignore[no-untyped-def]
    rng = np.random.default_rng(8)
    points = list(zip(rng.uniform(12, 40, 300), rng.uniform(30, 60, 300), strict=True))
    sites = gz.places_of_kind(("airbase", "base"))
    out = nearest_sites(_events(points), gazetteer=gz)
    for point, got_id, got_km in zip(out.geometry, out["site_id"], out["site_km"], strict=True):
        lat, lon = point.y, point.x
        km, best = min((haversine_km(lat, lon, s.lat, s.lon), s.id) for s in sites)
        assert got_id == best and got_km == pytest.approx(km, rel=1e-9)


def test_other_kinds_max_km_missing_points_index_and_input() -> None:
    events = _events([BAGHDAD, (30.0, -40.0), BAGHDAD])
    events.index = [7, 3, 5]
    events.loc[5, "geometry"] = None
    before = events.copy()
    out = nearest_sites(events, "airport", max_km=100)
    assert list(out.index) == [7, 3, 5] and set(SITE_COLUMNS) <= set(out.columns)
    assert out.loc[7, "site_name"] == "Baghdad International Airport"
    assert out.loc[7, "site_kind"] == "airport" and out.loc[7, "site_km"] < 20
    for row in (3, 5):  # mid-Atlantic: no airport within 100 km; 5: no point
        assert out.loc[row, ["site_id", "site_name", "site_kind"]].isna().all()
        assert np.isnan(out.loc[row, "site_km"])
    assert events.equals(before)
    assert len(nearest_sites(events.iloc[:0])) == 0


def test_bad_kinds_and_options_are_named() -> None:
    events = _events([BAGHDAD])
    with pytest.raises(AnalysisError, match=r"unknown kind\(s\) 'airbse'; valid kinds: .*airbase"):
        nearest_sites(events, ("airbse",))
    with pytest.raises(AnalysisError, match="no kinds given"):
        nearest_sites(events, ())
    with pytest.raises(AnalysisError, match="max_km must be a number of km >= 0, not -1"):
        nearest_sites(events, max_km=-1)
    with pytest.raises(AnalysisError, match="events must be a GeoDataFrame"):
        nearest_sites(events.drop(columns="geometry"))


def test_a_gazetteer_without_such_places_is_an_error() -> None:
    class Empty(Gazetteer):
        def places_of_kind(self, kinds):  # type: ignore[no-untyped-def]
            return []

    with pytest.raises(AnalysisError, match="the gazetteer has no places of kind airbase, base"):
        nearest_sites(_events([BAGHDAD]), gazetteer=Empty())


def test_within_keeps_the_events_inside_the_radius_nearest_first(gz) -> None:  # type: ignore[no-untyped-def]
    events = _events([ERBIL, (33.40, 44.30), BAGHDAD, BASRA])
    events.index = [4, 3, 2, 1]
    baghdad = gz.resolve("Baghdad", limit=1)[0]
    out = within(events, "Baghdad", 50, gazetteer=gz)
    assert out["event_id"].tolist() == ["e2", "e1"] and list(out.index) == [2, 3]
    expected = [haversine_km(baghdad.lat, baghdad.lon, *p) for p in (BAGHDAD, (33.40, 44.30))]
    assert out["distance_km"].tolist() == pytest.approx(expected, rel=1e-9)
    wide = within(events, baghdad, 600)
    assert wide["event_id"].tolist() == ["e2", "e1", "e0", "e3"]
    assert within(events, (baghdad.lat, baghdad.lon), 50)["event_id"].tolist() == ["e2", "e1"]
    point = shapely.Point(baghdad.lon, baghdad.lat)
    assert within(events, point, 50)["distance_km"].tolist() == out["distance_km"].tolist()
    assert "distance_km" not in events.columns


def test_within_rejects_unknown_places_and_bad_radii() -> None:
    events = _events([BAGHDAD])
    with pytest.raises(AnalysisError, match="place 'Xqzzyv' is not in the gazetteer"):
        within(events, "Xqzzyv", 10)
    with pytest.raises(AnalysisError, match=r"place \(95.0, 44.0\) is outside"):
        within(events, (95.0, 44.0), 10)
    with pytest.raises(AnalysisError, match="place must be a place name, a Place"):
        within(events, [33.0, 44.0], 10)
    with pytest.raises(AnalysisError, match="km must be a number of km >= 0, not '10'"):
        within(events, BAGHDAD, "10")  # type: ignore[arg-type]
