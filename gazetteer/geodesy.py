"""Distances and bearings on the sphere, shared by ranking, spotting and the sources."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

__all__ = ["bearing", "haversine_km", "lat_reach_deg", "nearest_km", "prepare_points"]

EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle distance in km between two points.

    Examples
    --------
    >>> round(haversine_km(33.3406, 44.4009, 36.1912, 44.0094))
    319
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, a)))


def lat_reach_deg(km: float) -> float:
    """Return a latitude difference in degrees beyond which two points are more than ``km``
    apart (a great circle is at least as long as the meridian arc between the latitudes),
    with a margin for rounding: a quick test before :func:`haversine_km`.

    Examples
    --------
    >>> reach = lat_reach_deg(100.0)
    >>> round(reach, 4), haversine_km(10.0, 0.0, 10.0 + reach, 0.0) > 100.0
    (0.8993, True)
    """
    return km / (EARTH_RADIUS_KM * math.pi / 180) * (1 + 1e-9) + 1e-9


def nearest_km(
    lat: float, lon: float, points: Sequence[tuple[float, float, float, float, float]]
) -> tuple[float, int]:
    """Return the great-circle distance in km to the nearest of ``points`` and its index.

    ``points`` come from :func:`prepare_points`, so a point compared with many
    candidates is converted once: the nearest is found by the dot product of unit
    vectors, and only its distance is computed (haversine).

    Examples
    --------
    >>> pts = prepare_points([(36.1912, 44.0094), (33.3406, 44.4009)])
    >>> km, i = nearest_km(33.0, 44.0, pts)
    >>> round(km), i
    (53, 1)
    """
    if not points:
        raise ValueError("no points to compare with")
    p, q = math.radians(lat), math.radians(lon)
    c = math.cos(p)
    x, y, z = c * math.cos(q), c * math.sin(q), math.sin(p)
    dots = [x * px + y * py + z * pz for px, py, pz, _, _ in points]
    best = max(dots)
    if best != best:  # NaN first: max() would keep it; take the first largest of the others
        best = max((d for d in dots if d == d), default=best)
        if best != best:
            raise ValueError("no points to compare with")
    where = dots.index(best)  # the first of equally near points, as a loop would find
    return haversine_km(lat, lon, points[where][3], points[where][4]), where


def prepare_points(
    points: Iterable[tuple[float, float]],
) -> list[tuple[float, float, float, float, float]]:
    """Return ``(x, y, z, lat, lon)`` for each ``(lat, lon)``: unit vector and degrees."""
    out = []
    for lat, lon in points:
        p, q = math.radians(lat), math.radians(lon)
        c = math.cos(p)
        out.append((c * math.cos(q), c * math.sin(q), math.sin(p), lat, lon))
    return out


def bearing(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the initial bearing in degrees (0 = north) from point 1 to point 2."""
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    x = math.sin(dl) * math.cos(p2)
    y = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dl)
    return math.degrees(math.atan2(x, y)) % 360
