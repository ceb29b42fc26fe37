"""Distances and bearings on the sphere, shared by ranking, spotting and the sources."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

__all__ = ["bearing", "haversine_km", "nearest_km", "prepare_points"]

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


def nearest_km(
    lat: float, lon: float, points: Sequence[tuple[float, float, float]]
) -> tuple[float, int]:
    """Return the distance in km to the nearest of ``points`` and its index.

    ``points`` are ``(lat_radians, lon_radians, cos(lat))`` triples (see
    :func:`prepare_points`), so a point compared with many candidates is converted
    once; the haversine is taken only of the nearest.

    Examples
    --------
    >>> pts = prepare_points([(36.1912, 44.0094), (33.3406, 44.4009)])
    >>> km, i = nearest_km(33.0, 44.0, pts)
    >>> round(km), i
    (53, 1)
    """
    p2, l2 = math.radians(lat), math.radians(lon)
    c2 = math.cos(p2)
    best, where = 2.0, -1
    sin = math.sin
    for i, (p1, l1, c1) in enumerate(points):
        a = sin((p2 - p1) / 2) ** 2 + c1 * c2 * sin((l2 - l1) / 2) ** 2
        if a < best:
            best, where = a, i
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, best))), where


def prepare_points(points: Iterable[tuple[float, float]]) -> list[tuple[float, float, float]]:
    """Return ``(lat_radians, lon_radians, cos(lat))`` for each ``(lat, lon)``."""
    out = []
    for lat, lon in points:
        p = math.radians(lat)
        out.append((p, math.radians(lon), math.cos(p)))
    return out


def bearing(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the initial bearing in degrees (0 = north) from point 1 to point 2."""
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    x = math.sin(dl) * math.cos(p2)
    y = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dl)
    return math.degrees(math.atan2(x, y)) % 360
