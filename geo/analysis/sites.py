"""Distances from events to places: :func:`nearest_sites` and :func:`within`.

Both measure great-circle km on a sphere of radius 6371.0088 km (as
:func:`gazetteer.geodesy.haversine_km`); :func:`nearest_sites` finds the nearest
site with a KD-tree over unit vectors (see :mod:`geo.analysis.sphere`), exact.

Examples
--------
>>> from geo.frame import events_frame
>>> ev = events_frame([{"event_id": "a", "kind": "attack", "lat": 33.80, "lon": 42.44}])
>>> row = nearest_sites(ev).iloc[0]
>>> row["site_name"], round(float(row["site_km"]), 1)
('Al Asad Airbase', 1.6)
>>> within(ev, "Baghdad", 250)["distance_km"].round().tolist()
[189.0]
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from geo.analysis.sphere import (
    check_events,
    event_coords,
    gazetteer_or_default,
    haversine_km,
    place_index,
    unique_points,
)
from geo.errors import AnalysisError

if TYPE_CHECKING:
    import geopandas as gpd

    from gazetteer import Gazetteer

__all__ = ["SITE_COLUMNS", "nearest_sites", "within"]

#: Columns :func:`nearest_sites` sets.
SITE_COLUMNS = ("site_id", "site_name", "site_kind", "site_km")


def _is_number(value: Any) -> bool:
    real = isinstance(value, int | float | np.integer | np.floating)
    return real and not isinstance(value, bool) and math.isfinite(float(value))


def _check_km(name: str, value: Any, *, optional: bool = False) -> float | None:
    if value is None and optional:
        return None
    if not _is_number(value) or float(value) < 0:
        raise AnalysisError(f"{name} must be a number of km >= 0, not {value!r}")
    return float(value)


def _check_kinds(kinds: str | Iterable[str]) -> tuple[str, ...]:
    from gazetteer.place import KIND_PRECISION

    wanted = (kinds,) if isinstance(kinds, str) else tuple(kinds)
    bad = [k for k in wanted if not isinstance(k, str) or k not in KIND_PRECISION]
    if bad or not wanted:
        what = f"unknown kind(s) {', '.join(map(repr, bad))}" if bad else "no kinds given"
        raise AnalysisError(f"{what}; valid kinds: {', '.join(sorted(KIND_PRECISION))}")
    return tuple(dict.fromkeys(wanted))


def nearest_sites(
    events: gpd.GeoDataFrame,
    kinds: str | Iterable[str] = ("airbase", "base"),
    *,
    gazetteer: Gazetteer | None = None,
    max_km: float | None = None,
) -> Any:
    """Return a copy of ``events`` with the nearest gazetteer site of ``kinds`` to each event.

    Parameters
    ----------
    events : geopandas.GeoDataFrame
        Events; null or empty geometries get no site.
    kinds : str or iterable of str
        Gazetteer kinds of the sites (``airbase``, ``base``, ``airport``, ``port``...).
    gazetteer : Gazetteer, optional
        Where the sites come from (default: the shared one, with any user places).
    max_km : float, optional
        Sites farther than this are not reported (the event gets nulls).

    Returns
    -------
    geopandas.GeoDataFrame
        Same index and order, with :data:`SITE_COLUMNS`: ``site_id``,
        ``site_name``, ``site_kind`` (text, null when none) and ``site_km``
        (great-circle km, NaN when none). ``events`` is not modified.

    Raises
    ------
    AnalysisError
        For an unknown kind (the message lists the valid ones), kinds of which the
        gazetteer has no place, or a bad ``max_km``.
    """
    frame = check_events(events)
    wanted = _check_kinds(kinds)
    limit = _check_km("max_km", max_km, optional=True)
    index = place_index(gazetteer_or_default(gazetteer), wanted)
    if not index.places:
        raise AnalysisError(f"the gazetteer has no places of kind {', '.join(wanted)}")
    lat, lon = event_coords(frame)
    codes, first = unique_points(lat, lon)
    found, km = index.nearest(lat[first], lon[first], max_km=limit)
    found, km = found[codes], km[codes]
    hit = found >= 0
    out = frame.copy(deep=False)
    for name, attr in zip(SITE_COLUMNS[:3], ("id", "name", "kind"), strict=True):
        values = np.array([getattr(p, attr) for p in index.places] + [None], dtype=object)
        column = pd.array(values, dtype="str").take(np.where(hit, found, len(index.places)))
        out[name] = pd.Series(column, index=frame.index)
    out["site_km"] = pd.Series(km, index=frame.index)
    return out


def _point_of(place: Any, gazetteer: Gazetteer | None) -> tuple[float, float]:
    """(lat, lon) of a place given as a name, a Place, a (lat, lon) pair or a shapely Point."""
    from gazetteer import Place

    if isinstance(place, str):
        found = gazetteer_or_default(gazetteer).resolve(place, limit=1)
        if not found:
            raise AnalysisError(f"place {place!r} is not in the gazetteer")
        return found[0].lat, found[0].lon
    if isinstance(place, Place):
        return place.lat, place.lon
    if getattr(place, "geom_type", None) == "Point" and not place.is_empty:
        lat, lon = float(place.y), float(place.x)
    elif isinstance(place, tuple) and len(place) == 2 and all(map(_is_number, place)):
        lat, lon = float(place[0]), float(place[1])
    else:
        what = "a place name, a Place, a (lat, lon) tuple or a shapely Point"
        raise AnalysisError(f"place must be {what}, not {place!r}")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise AnalysisError(f"place ({lat}, {lon}) is outside [-90, 90] x [-180, 180]")
    return lat, lon


def within(
    events: gpd.GeoDataFrame, place: Any, km: float, *, gazetteer: Gazetteer | None = None
) -> Any:
    """Return the events within ``km`` of ``place``, nearest first, with ``distance_km``.

    Parameters
    ----------
    events : geopandas.GeoDataFrame
        Events; those without a usable point are never within.
    place : str, Place, (lat, lon) or shapely.Point
        A name (resolved with the gazetteer: its best match), a gazetteer
        :class:`~gazetteer.place.Place`, a (lat, lon) pair in degrees, or a
        Point in EPSG:4326 (x is the longitude).
    km : float
        Radius, great-circle km.
    gazetteer : Gazetteer, optional
        For resolving a name (default: the shared one).

    Returns
    -------
    geopandas.GeoDataFrame
        The matching rows with their original index, sorted by distance (ties
        keep their order), with a ``distance_km`` column. ``events`` is not modified.

    Raises
    ------
    AnalysisError
        For a name the gazetteer cannot resolve, a bad place or a bad ``km``.
    """
    frame = check_events(events)
    radius = _check_km("km", km)
    lat0, lon0 = _point_of(place, gazetteer)
    lat, lon = event_coords(frame)
    distance = haversine_km(lat, lon, lat0, lon0)
    inside = np.flatnonzero(distance <= radius)
    order = inside[np.argsort(distance[inside], kind="stable")]
    out = frame.iloc[order].copy(deep=False)
    out["distance_km"] = distance[order]
    return out
