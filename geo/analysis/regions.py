"""Country and first-level region of every event: :func:`assign_regions`.

The rule, first match wins, and the ``region_source`` it leaves:

1. ``place``: the event's ``place_id`` is a gazetteer place with a country. Its
   country is taken as is (a named place knows its country better than a
   1:110m border). Its admin1 is the place's own admin1 code; a site or town
   without one (a curated base) takes the admin1 of the nearest populated place
   of the same country within :data:`ADMIN1_KM`; a country, or an area without
   a single admin1 code (the Kurdistan Region, a coarse curated area), has none.
   A sea, gulf or strait place gives ``sea`` and no country.
2. ``polygon``: the point lies in a country polygon of :mod:`geo.analysis.boundaries`
   (Natural Earth 1:110m). Borders at that scale can be off by ten km or more,
   so when the nearest GeoNames populated place is within :data:`BORDER_KM`
   and in another country, that place wins (``nearest``).
3. ``nearest``: outside every polygon (a coast or an island the 1:110m file
   simplifies away), the country of the nearest populated place within
   :data:`COAST_KM`.
4. ``sea``: outside every polygon and farther than :data:`COAST_KM` from any
   populated place; country ``''``.
5. ``''``: no usable point and no known place.

First-level regions have no offline polygons: ``admin1_code`` is the GeoNames
admin1 code (``IQ.07``) of the nearest populated place of the event's country
within :data:`ADMIN1_KM` (so a point is given the region of its nearest town,
an approximation near region borders), and ``admin1`` its name where the
gazetteer has one (the governorates and provinces of the theatre, US states),
else ``''``.

Examples
--------
>>> from geo.frame import events_frame
>>> ev = events_frame([
...     {"event_id": "a", "kind": "strike", "lat": 33.3152, "lon": 44.3661},
...     {"event_id": "b", "kind": "attack", "lat": 20.0, "lon": 38.5},
... ])
>>> out = assign_regions(ev)
>>> out[["country", "admin1", "admin1_code", "region_source"]].values.tolist()
[['IQ', 'Baghdad Governorate', 'IQ.07', 'polygon'], ['', '', '', 'sea']]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from geo.analysis.boundaries import countries_at, load_countries
from geo.analysis.sphere import (
    PlaceIndex,
    check_events,
    event_coords,
    gazetteer_or_default,
    place_index,
)

if TYPE_CHECKING:
    import geopandas as gpd

    from gazetteer import Gazetteer

__all__ = [
    "ADMIN1_KM",
    "BORDER_KM",
    "COAST_KM",
    "REGION_COLUMNS",
    "REGION_SOURCES",
    "assign_regions",
]

#: Values of the ``region_source`` column (see the module docstring).
REGION_SOURCES = ("place", "polygon", "nearest", "sea", "")
#: Columns :func:`assign_regions` sets.
REGION_COLUMNS = ("country", "country_name", "admin1", "admin1_code", "region_source")
#: A populated place this close, in another country than the polygon, decides the country.
BORDER_KM = 10.0
#: Outside every polygon, a populated place this close makes the point land, else sea.
COAST_KM = 10.0
#: The admin1 of a point is that of the nearest populated place of its country this close.
ADMIN1_KM = 150.0
#: Gazetteer kinds of populated places.
TOWN_KINDS = ("town", "city", "capital")
_NEIGHBOURS = 16


def _place_facts(place: Any) -> tuple[str, str, str, bool]:
    """(country, admin1 code, source, needs an admin1 from the nearest town) of a place."""
    if place is None:
        return "", "", "", False
    if place.precision == "sea":
        return "", "", "sea", False
    if not place.country:
        return "", "", "", False
    code = place.admin1 if place.admin1.startswith(place.country + ".") else ""
    if place.precision in ("country", "region") and (not code or "+" in code):
        return place.country, "", "place", False
    return place.country, code, "place", not code


def _admin1_in_country(
    towns: PlaceIndex, lat: np.ndarray, lon: np.ndarray, country: np.ndarray
) -> np.ndarray:
    """Admin1 code of the nearest town of ``country`` within ADMIN1_KM of each point, or ''."""
    out = np.full(len(lat), "", dtype=object)
    if not len(lat):
        return out
    found, _ = towns.nearest(lat, lon, max_km=ADMIN1_KM, k=_NEIGHBOURS)
    same = (found >= 0) & (towns.country[np.maximum(found, 0)] == country[:, None])
    has = same.any(axis=1)
    pick = found[np.flatnonzero(has), same[has].argmax(axis=1)]
    out[has] = towns.admin1[pick]
    return out


def _by_points(towns: PlaceIndex, lat: np.ndarray, lon: np.ndarray) -> tuple[np.ndarray, ...]:
    """(country, admin1 code, source) of points with no known place (rules 2 to 5)."""
    n = len(lat)
    polygon = countries_at(lat, lon)
    found, km = towns.nearest(lat, lon, max_km=ADMIN1_KM)
    near = found >= 0
    town_country = np.where(near, towns.country[np.maximum(found, 0)], "")
    town_code = np.where(near, towns.admin1[np.maximum(found, 0)], "")
    inside = polygon != ""
    agree = inside & (town_country == polygon)
    border = inside & ~agree & near & (km <= BORDER_KM)
    coast = ~inside & near & (km <= COAST_KM)
    sea = ~inside & ~coast & np.isfinite(lat) & np.isfinite(lon)
    country = np.where(border | coast, town_country, polygon)
    code = np.where(agree | border | coast, town_code, "")
    source = np.full(n, "", dtype=object)
    source[inside] = "polygon"
    source[border | coast] = "nearest"
    source[sea] = "sea"
    other = np.flatnonzero(inside & ~agree & ~border)
    code[other] = _admin1_in_country(towns, lat[other], lon[other], polygon[other])
    return country, code, source


def _names(gz: Gazetteer) -> tuple[dict[str, str], dict[str, str]]:
    """Country code -> name and admin1 code -> name, from the gazetteer and the polygons."""
    world = load_countries()
    countries = {"": "", **dict(zip(world["iso2"], world["name"], strict=True))}
    countries |= {p.country: p.name for p in gz.places_of_kind(("country",))}
    return countries, gz.region_names()


def _places(gz: Gazetteer, towns: PlaceIndex, ids: list[str]) -> list[Any]:
    """The gazetteer place of each id, or None: from the loaded towns and the few other
    places (one query for all), asking :meth:`Gazetteer.get` only for ids not among them."""
    from gazetteer.place import KIND_PRECISION

    others = place_index(gz, sorted(set(KIND_PRECISION) - set(TOWN_KINDS))).by_id
    return [others.get(i) or towns.by_id.get(i) or gz.get(i) for i in map(str, ids)]


def _mapped(values: np.ndarray, table: dict[str, str]) -> np.ndarray:
    """``table[v]`` for each value, ``''`` for values not in it (looked up once per value)."""
    codes, uniques = pd.factorize(values)
    names = np.array([table.get(u, "") for u in uniques] + [""], dtype=object)
    return names[codes]


def _keys(frame: gpd.GeoDataFrame, lat: np.ndarray, lon: np.ndarray) -> tuple[Any, ...]:
    """Distinct (place_id, point) pairs: row -> key, key -> first row, key -> place, place ids."""
    if "place_id" in frame.columns:
        ids = frame["place_id"].to_numpy(dtype=object)
        ids = np.where(pd.isna(ids) | (ids == ""), None, ids)
    else:
        ids = np.full(len(frame), None, dtype=object)
    place_code, places = pd.factorize(ids, use_na_sentinel=True)
    point_code, points = pd.factorize(lat + 1j * lon, use_na_sentinel=True)
    combined = (place_code.astype("int64") + 1) * (len(points) + 1) + point_code + 1
    key, _ = pd.factorize(combined)
    first = np.unique(key, return_index=True)[1]
    return key, first, place_code[first], list(places)


def assign_regions(events: gpd.GeoDataFrame, *, gazetteer: Gazetteer | None = None) -> Any:
    """Return a copy of ``events`` with the country and first-level region of every event.

    Parameters
    ----------
    events : geopandas.GeoDataFrame
        Events (any columns; ``place_id`` is used when present). Null or empty
        geometries are allowed.
    gazetteer : Gazetteer, optional
        For place ids, populated places and region names (default: the shared one).

    Returns
    -------
    geopandas.GeoDataFrame
        The events with the same index and order and the columns of
        :data:`REGION_COLUMNS` set (replaced if present): ``country`` (ISO
        alpha-2, ``''`` at sea or when unknown), ``country_name``, ``admin1``
        (name, ``''`` when the gazetteer names no region for the code),
        ``admin1_code`` and ``region_source`` (one of :data:`REGION_SOURCES`).
        ``events`` is not modified.
    """
    frame = check_events(events)
    gz = gazetteer_or_default(gazetteer)
    lat, lon = event_coords(frame)
    key, first, key_place, place_ids = _keys(frame, lat, lon)
    towns = place_index(gz, TOWN_KINDS)
    places = _places(gz, towns, place_ids)
    # one line per place, then the facts of no place, which key_place -1 picks
    facts = np.array([*map(_place_facts, places), _place_facts(None)], dtype=object)
    country, code, source = facts[key_place, 0], facts[key_place, 1], facts[key_place, 2]
    pending = facts[key_place, 3].astype(bool)
    place_lat = np.array([p.lat if p else np.nan for p in places] + [np.nan])[key_place]
    place_lon = np.array([p.lon if p else np.nan for p in places] + [np.nan])[key_place]
    rest = np.flatnonzero(source == "")
    country[rest], code[rest], source[rest] = _by_points(towns, lat[first][rest], lon[first][rest])
    wait = np.flatnonzero(pending)
    code[wait] = _admin1_in_country(towns, place_lat[wait], place_lon[wait], country[wait])
    countries, regions = _names(gz)
    columns = {
        "country": country,
        "country_name": _mapped(country, countries),
        "admin1": _mapped(code, regions),
        "admin1_code": code,
        "region_source": source,
    }
    out = frame.copy(deep=False)
    for name, values in columns.items():
        out[name] = pd.Series(pd.array(values, dtype="str").take(key), index=frame.index)
    return out
