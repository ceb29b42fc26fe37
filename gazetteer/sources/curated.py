"""The curated layer: military sites, crossings, seas and coarse areas (``data/sites.yaml``).

Each entry carries its own ``source`` note saying where the coordinate comes from.
"""

from __future__ import annotations

from collections.abc import Iterator

from gazetteer.data import load_yaml
from gazetteer.place import Place
from gazetteer.sources import Record

__all__ = ["records"]


def records() -> Iterator[Record]:
    """Yield one record per curated site."""
    for site in load_yaml("sites.yaml")["sites"]:
        place = Place(
            id=f"curated:{site['id']}",
            name=site["name"],
            lat=float(site["lat"]),
            lon=float(site["lon"]),
            country=site.get("country") or "",
            kind=site["kind"],
            population=0,
            source=site["source"],
            extent_km=float(site.get("extent_km") or 0.0),
        )
        yield Record(place, (site["name"], *site.get("aliases", [])))
