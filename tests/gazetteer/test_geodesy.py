"""gazetteer.geodesy: the nearest of many points, as a plain scan over them would find it."""

from __future__ import annotations

import math
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gazetteer.geodesy import haversine_km, lat_reach_deg, nearest_km, prepare_points


def _scan(lat: float, lon: float, points: list[tuple[float, float]]) -> tuple[float, int]:
    """The nearest point by haversine distance alone, the first of equals."""
    best, where = math.inf, -1
    for i, (plat, plon) in enumerate(points):
        d = haversine_km(lat, lon, plat, plon)
        if d < best:
            best, where = d, i
    return best, where


def test_nearest_matches_a_scan_of_every_point() -> None:
    rng = random.Random(4)
    for _ in range(500):
        points = [(rng.uniform(-80, 80), rng.uniform(-180, 180)) for _ in range(rng.randint(1, 9))]
        lat, lon = rng.uniform(-80, 80), rng.uniform(-180, 180)
        km, i = nearest_km(lat, lon, prepare_points(points))
        expected_km, expected_i = _scan(lat, lon, points)
        assert i == expected_i
        assert km == pytest.approx(expected_km, abs=1e-6)


def test_the_first_of_equally_near_points_wins() -> None:
    points = prepare_points([(10.0, 10.0), (33.3, 44.4), (33.3, 44.4)])
    assert nearest_km(33.3, 44.4, points) == (0.0, 1)


def test_a_point_without_coordinates_is_never_the_nearest() -> None:
    points = prepare_points([(math.nan, 44.0), (36.19, 44.01), (33.34, 44.40)])
    km, i = nearest_km(33.0, 44.0, points)
    assert (round(km), i) == (53, 2)
    with pytest.raises(ValueError, match="no points"):
        nearest_km(33.0, 44.0, prepare_points([(math.nan, 1.0)]))
    with pytest.raises(ValueError, match="no points"):
        nearest_km(33.0, 44.0, [])


@settings(max_examples=500, deadline=None)
@given(
    st.floats(-90, 90),
    st.floats(-180, 180),
    st.floats(-90, 90),
    st.floats(-180, 180),
    st.floats(0.001, 20_000),
)
def test_points_farther_apart_in_latitude_than_the_reach_are_farther_than_its_km(
    lat1: float, lon1: float, lat2: float, lon2: float, km: float
) -> None:
    if abs(lat1 - lat2) > lat_reach_deg(km):
        assert haversine_km(lat1, lon1, lat2, lon2) > km


def test_the_reach_is_the_meridian_arc() -> None:
    reach = lat_reach_deg(300.0)
    assert haversine_km(10.0, 5.0, 10.0 + reach, 5.0) == pytest.approx(300.0, rel=1e-6)
    assert haversine_km(10.0, 5.0, 10.0 + reach, 5.0) > 300.0
