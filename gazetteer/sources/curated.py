"""The curated layer: military sites, crossings, seas and coarse areas (``data/sites.yaml``).

Each entry carries its own ``source`` note saying where the coordinate comes from.  A site
(facility precision) takes the GeoNames admin1 code of the nearest populated place of its
country within :data:`ADMIN1_KM`, so events there have a first-level region.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from gazetteer.data import load_yaml
from gazetteer.geodesy import haversine_km
from gazetteer.place import Place, precision_of
from gazetteer.sources import Record
from gazetteer.sources.geonames import load_cities

__all__ = ["ADMIN1_KM", "records"]

#: How far the populated place that gives a site its admin1 code may be.
ADMIN1_KM = 40.0


def _admin1(lat: float, lon: float, towns: list[dict[str, Any]]) -> str:
    best, nearest = "", ADMIN1_KM
    for town in towns:
        km = haversine_km(lat, lon, float(town["latitude"]), float(town["longitude"]))
        if km < nearest and town.get("admin1code"):
            best, nearest = f"{town['countrycode']}.{town['admin1code']}", km
    return best


def records() -> Iterator[Record]:
    """Yield one record per curated site."""
    towns: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for city in load_cities():
        towns[city["countrycode"]].append(city)
    for site in load_yaml("sites.yaml")["sites"]:
        country = site.get("country") or ""
        lat, lon = float(site["lat"]), float(site["lon"])
        facility = precision_of(site["kind"]) == "facility"
        place = Place(
            id=f"curated:{site['id']}",
            name=site["name"],
            lat=lat,
            lon=lon,
            country=country,
            kind=site["kind"],
            population=0,
            source=site["source"],
            admin1=_admin1(lat, lon, towns[country]) if facility and country else "",
            extent_km=float(site.get("extent_km") or 0.0),
        )
        yield Record(place, (site["name"], *site.get("aliases", [])))
