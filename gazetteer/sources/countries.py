"""Countries: GeoNames names and areas, a point inside each, and curated aliases.

The point of a country is the median latitude and longitude of its GeoNames places,
moved to the nearest of those places so that it always lies inside the country.
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from gazetteer.data import load_yaml
from gazetteer.place import Place
from gazetteer.sources import Record
from gazetteer.sources.geonames import load_cities, load_countries

__all__ = ["records"]

SOURCE = "GeoNames countries (CC BY 4.0); point: median of its GeoNames places"


def records() -> Iterator[Record]:
    """Yield one record per country that has GeoNames places."""
    extra: dict[str, dict[str, list[str]]] = load_yaml("countries.yaml")["countries"]
    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for city in load_cities():
        by_country[city["countrycode"]].append((city["latitude"], city["longitude"]))
    for iso, country in load_countries().items():
        points = by_country.get(iso)
        if not points:
            continue
        lat, lon = _inner_point(points)
        more = extra.get(iso, {})
        yield Record(
            Place(
                id=f"country:{iso}",
                name=country["name"],
                lat=lat,
                lon=lon,
                country=iso,
                kind="country",
                population=int(country.get("population") or 0),
                source=SOURCE,
                extent_km=_radius(country),
            ),
            (country["name"], *more.get("aliases", [])),
            tuple(more.get("demonyms", [])),
        )


def _inner_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    lat = statistics.median(p[0] for p in points)
    lon = statistics.median(p[1] for p in points)
    coslat = math.cos(math.radians(lat))
    return min(points, key=lambda p: (p[0] - lat) ** 2 + ((p[1] - lon) * coslat) ** 2)


def _radius(country: dict[str, Any]) -> float:
    area = float(country.get("areakm2") or 0.0)
    return round(max(1.0, math.sqrt(area / math.pi)), 1)
