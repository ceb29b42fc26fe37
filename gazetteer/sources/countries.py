"""Countries: GeoNames names and areas, conventional points, curated aliases and demonyms.

The point of a country is its conventional one, as geoparsing corpora and GIS users expect:
the ``latlng`` of the countryinfo package (MIT; the mledoze/countries data, which follows the
CIA World Factbook's geographic coordinates, as GeoNames does), or the ``point`` that
``data/countries.yaml`` gives with its own ``source``.  A country neither has falls back to the
median of its GeoNames places, moved onto the nearest of them so that it lies inside.  The
extent is the radius of a disc of the country's area, or the distance from the point within
which 90% of its GeoNames places lie when that is larger (a conventional point is seldom
the centre of the places).

Demonyms are those of ``countries.yaml`` plus countryinfo's (and their plurals), left out
when two countries share one ("Dominican", "Congolese").
"""

from __future__ import annotations

import functools
import math
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import Any

from gazetteer.data import load_yaml
from gazetteer.geodesy import haversine_km
from gazetteer.place import Place
from gazetteer.sources import Record
from gazetteer.sources.geonames import load_cities, load_countries

__all__ = ["conventional_points", "records"]

SOURCE = "GeoNames countries (CC BY 4.0); point: {point}"
COUNTRYINFO = "countryinfo latlng (MIT; mledoze/countries, CIA World Factbook)"
MEDIAN = "median of its GeoNames places"


@functools.cache
def conventional_points() -> dict[str, tuple[float, float, str]]:
    """Return ISO alpha-2 code -> (lat, lon, source) of each country's conventional point.

    Examples
    --------
    >>> conventional_points()["EG"][:2]
    (27.0, 30.0)
    """
    from countryinfo import all_countries

    points: dict[str, tuple[float, float, str]] = {}
    for info in all_countries():
        try:
            code, latlng = info.iso()["alpha2"], info.latlng()
        except (KeyError, TypeError, AttributeError):
            continue
        if isinstance(latlng, list) and len(latlng) == 2:
            points[code] = (float(latlng[0]), float(latlng[1]), COUNTRYINFO)
    for code, entry in load_yaml("countries.yaml")["countries"].items():
        if point := entry.get("point"):
            points[code] = (float(point["lat"]), float(point["lon"]), str(point["source"]))
    return points


@functools.cache
def _countryinfo_demonyms() -> dict[str, tuple[str, ...]]:
    from countryinfo import all_countries

    found: dict[str, str] = {}
    for info in all_countries():
        try:
            code, demonym = info.iso()["alpha2"], info.demonym()
        except (KeyError, TypeError, AttributeError):
            continue
        if isinstance(demonym, str) and demonym.strip():
            found[code] = demonym.strip()
    shared = Counter(found.values())
    return {c: (d, *_plural(d)) for c, d in found.items() if shared[d] == 1}


def _plural(demonym: str) -> tuple[str, ...]:
    """ "Mexican" -> ("Mexicans",); "Swiss", "Chinese", "Dutch" have none."""
    return () if demonym.endswith(("s", "sh", "ch", "ese", "x", "z")) else (demonym + "s",)


def records() -> Iterator[Record]:
    """Yield one record per country that has GeoNames places."""
    extra: dict[str, dict[str, Any]] = load_yaml("countries.yaml")["countries"]
    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for city in load_cities():
        by_country[city["countrycode"]].append((city["latitude"], city["longitude"]))
    points = conventional_points()
    more_demonyms = _countryinfo_demonyms()
    taken = {d.casefold() for e in extra.values() for d in e.get("demonyms", [])}
    taken |= {a.casefold() for e in extra.values() for a in e.get("aliases", [])}
    for iso, country in load_countries().items():
        places = by_country.get(iso)
        if not places:
            continue
        lat, lon, note = points.get(iso) or (*_inner_point(places), MEDIAN)
        more = extra.get(iso, {})
        demonyms = list(more.get("demonyms", []))
        if not demonyms:
            demonyms = [d for d in more_demonyms.get(iso, ()) if d.casefold() not in taken]
        yield Record(
            Place(
                id=f"country:{iso}",
                name=country["name"],
                lat=lat,
                lon=lon,
                country=iso,
                kind="country",
                population=int(country.get("population") or 0),
                source=SOURCE.format(point=note),
                extent_km=max(_radius(country), _reach(lat, lon, places)),
            ),
            (country["name"], *more.get("aliases", [])),
            tuple(demonyms),
        )


def _inner_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    lat = statistics.median(p[0] for p in points)
    lon = statistics.median(p[1] for p in points)
    coslat = math.cos(math.radians(lat))
    return min(points, key=lambda p: (p[0] - lat) ** 2 + ((p[1] - lon) * coslat) ** 2)


def _reach(lat: float, lon: float, places: list[tuple[float, float]]) -> float:
    dists = sorted(haversine_km(lat, lon, p[0], p[1]) for p in places)
    return round(dists[int(0.9 * (len(dists) - 1))], 1)


def _radius(country: dict[str, Any]) -> float:
    area = float(country.get("areakm2") or 0.0)
    return round(max(1.0, math.sqrt(area / math.pi)), 1)
