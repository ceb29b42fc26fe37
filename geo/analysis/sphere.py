"""Vectorised spherical geometry shared by the analysis functions.

Points go into a KD-tree as 3-D unit vectors: the straight-line (chord) distance
``c`` between two unit vectors grows with the great-circle distance, so the
nearest point by chord is the nearest on the sphere, and ``2 R asin(c / 2)`` is
exactly its great-circle distance (``R`` as in :func:`gazetteer.geodesy.haversine_km`;
the tests check the two agree).

Examples
--------
>>> import numpy as np
>>> km = haversine_km(np.array([33.3406]), np.array([44.4009]), 36.1912, 44.0094)
>>> round(float(km[0]))
319
>>> index = PlaceIndex.of([])
>>> index.nearest(np.array([33.3]), np.array([44.4]))[0].tolist()
[-1]
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from geo.errors import AnalysisError

if TYPE_CHECKING:
    import geopandas as gpd

    from gazetteer import Gazetteer, Place

__all__ = [
    "EARTH_RADIUS_KM",
    "PlaceIndex",
    "check_events",
    "chord_of_km",
    "event_coords",
    "gazetteer_or_default",
    "haversine_km",
    "km_of_chord",
    "place_index",
    "unique_points",
    "unit_vectors",
]

#: Mean Earth radius, km (as :mod:`gazetteer.geodesy`).
EARTH_RADIUS_KM = 6371.0088


def unit_vectors(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """Return an (n, 3) array of unit vectors for latitudes and longitudes in degrees."""
    phi, lam = np.radians(lat), np.radians(lon)
    cos_phi = np.cos(phi)
    return np.column_stack([cos_phi * np.cos(lam), cos_phi * np.sin(lam), np.sin(phi)])


def chord_of_km(km: float) -> float:
    """Return the chord length on the unit sphere of a great-circle distance in km."""
    return float(2.0 * np.sin(min(km / EARTH_RADIUS_KM, np.pi) / 2.0))


def km_of_chord(chord: np.ndarray) -> np.ndarray:
    """Return the great-circle km of chord lengths on the unit sphere."""
    result: np.ndarray = 2.0 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, chord / 2.0))
    return result


def haversine_km(lat1: np.ndarray, lon1: np.ndarray, lat2: Any, lon2: Any) -> np.ndarray:
    """Return great-circle km between points (arrays, or an array and one point), element-wise."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dp, dl = p2 - p1, np.radians(np.asarray(lon2) - np.asarray(lon1))
    a = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    result: np.ndarray = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.minimum(1.0, a)))
    return result


def check_events(events: Any, what: str = "events") -> gpd.GeoDataFrame:
    """Return ``events`` if it is a GeoDataFrame with an active geometry, else raise."""
    import geopandas as gpd

    if not isinstance(events, gpd.GeoDataFrame):
        raise AnalysisError(f"{what} must be a GeoDataFrame, not {type(events).__name__}")
    try:
        events.geometry  # noqa: B018
    except AttributeError as err:
        raise AnalysisError(f"{what} has no active geometry column") from err
    return events


def event_coords(events: gpd.GeoDataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Return (lat, lon) arrays in degrees of each event's point; NaN where there is none.

    The frame is read in EPSG:4326 (assumed when it has no CRS); a non-point
    geometry counts as its representative point.
    """
    import shapely

    geoms = events.geometry
    if geoms.crs is not None and geoms.crs.to_epsg() != 4326:
        geoms = geoms.to_crs(4326)
    values = np.asarray(geoms.values, dtype=object)
    kinds = shapely.get_type_id(values)
    other = np.flatnonzero((kinds > 0) & ~shapely.is_empty(values))
    if len(other):
        values = values.copy()
        values[other] = shapely.point_on_surface(values[other])
    lon, lat = shapely.get_x(values), shapely.get_y(values)
    return np.asarray(lat, dtype="float64"), np.asarray(lon, dtype="float64")


def unique_points(lat: np.ndarray, lon: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return (row -> point code, point code -> first row) of the distinct points.

    Rows with a NaN coordinate share one code, the last. Work done once per
    distinct point and spread back with ``result[codes]`` costs what the distinct
    points cost: events are often reported at the same gazetteer point.
    """
    codes, uniques = pd.factorize(lat + 1j * lon, use_na_sentinel=True)
    codes = np.where(codes < 0, len(uniques), codes)
    first = np.unique(codes, return_index=True)[1]
    return codes, first


def gazetteer_or_default(gazetteer: Gazetteer | None) -> Gazetteer:
    """Return ``gazetteer``, or the process-wide default one; reject anything else."""
    from gazetteer import Gazetteer, default_gazetteer

    if gazetteer is None:
        return default_gazetteer()
    if not isinstance(gazetteer, Gazetteer):
        raise AnalysisError(f"gazetteer must be a Gazetteer, not {type(gazetteer).__name__}")
    return gazetteer


@dataclass(frozen=True)
class PlaceIndex:
    """Gazetteer places as arrays with a KD-tree over their unit vectors.

    ``country`` and ``admin1`` are arrays of text; ``places`` keeps the
    :class:`~gazetteer.place.Place` values in the same order.
    """

    places: tuple[Place, ...]
    lat: np.ndarray
    lon: np.ndarray
    country: np.ndarray
    admin1: np.ndarray
    tree: Any

    @functools.cached_property
    def by_id(self) -> dict[str, Place]:
        """The places keyed by id (built on first use)."""
        return {p.id: p for p in self.places}

    @classmethod
    def of(cls, places: Sequence[Place]) -> PlaceIndex:
        """Index ``places`` (any number, including none)."""
        from scipy.spatial import cKDTree

        n = len(places)
        lat = np.fromiter(map(attrgetter("lat"), places), dtype="float64", count=n)
        lon = np.fromiter(map(attrgetter("lon"), places), dtype="float64", count=n)
        country = np.fromiter(map(attrgetter("country"), places), dtype=object, count=n)
        admin1 = np.fromiter(map(attrgetter("admin1"), places), dtype=object, count=n)
        tree = cKDTree(unit_vectors(lat, lon) if len(places) else np.zeros((0, 3)))
        return cls(tuple(places), lat, lon, country, admin1, tree)

    def nearest(
        self, lat: np.ndarray, lon: np.ndarray, *, max_km: float | None = None, k: int = 1
    ) -> tuple[np.ndarray, np.ndarray]:
        """Return (index, km) of the ``k`` nearest places to each point (shape (n,) or (n, k)).

        Points with NaN coordinates, and places beyond ``max_km``, give index -1 and
        km NaN. Distances are exact great-circle km.
        """
        n = len(lat)
        shape = (n,) if k == 1 else (n, k)
        index = np.full(shape, -1, dtype="int64")
        km = np.full(shape, np.nan)
        ok = np.flatnonzero(np.isfinite(lat) & np.isfinite(lon))
        if not len(ok) or not len(self.places):
            return index, km
        bound = chord_of_km(max_km) * (1 + 1e-9) if max_km is not None else np.inf
        chord, found = self.tree.query(
            unit_vectors(lat[ok], lon[ok]), k=k, distance_upper_bound=bound
        )
        hit = np.asarray(found, dtype="int64") < len(self.places)
        dist = km_of_chord(np.where(hit, chord, 0.0))
        if max_km is not None:
            hit &= dist <= max_km
        index[ok] = np.where(hit, found, -1)
        km[ok] = np.where(hit, dist, np.nan)
        return index, km


_INDEXES: weakref.WeakKeyDictionary[Gazetteer, dict[tuple[str, ...], PlaceIndex]]
_INDEXES = weakref.WeakKeyDictionary()


def place_index(gazetteer: Gazetteer, kinds: Sequence[str]) -> PlaceIndex:
    """Return a :class:`PlaceIndex` of the gazetteer's places of ``kinds``, cached.

    The cache holds the places it indexed; it is rebuilt when the gazetteer hands
    out other place objects (it does after :meth:`~gazetteer.core.Gazetteer.add_places`).
    """
    wanted = tuple(kinds)
    places = gazetteer.places_of_kind(wanted)
    cache = _INDEXES.setdefault(gazetteer, {})
    cached = cache.get(wanted)
    if cached is None or not _same(cached.places, places):
        cached = cache[wanted] = PlaceIndex.of(places)
    return cached


def _same(first: Sequence[Place], second: Sequence[Place]) -> bool:
    return len(first) == len(second) and all(a is b for a, b in zip(first, second, strict=True))
