"""Airports with an IATA code, from the ``airportsdata`` package (MIT; from OurAirports and
the airport operators' data).

Each airport answers to its name ("London Heathrow Airport"), the name without its city
("Heathrow Airport") or without the kind words ("London Heathrow"), its IATA code ("LHR")
and, when its name is its city and one more word found in no other airport's name, that word
("Heathrow", "Dulles", "Ciampino"; not "Community" or "Memorial", nor the "Ford" of
"Ford Airport" or the "Roberts" of "Roberts International Airport", which name people).
An airport within :data:`DUPLICATE_KM` of a curated site is that site, which the curated
layer already has.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from gazetteer.data import load_yaml
from gazetteer.geodesy import haversine_km
from gazetteer.normalize import normalize
from gazetteer.place import Place, precision_of
from gazetteer.sources import Record

__all__ = ["DUPLICATE_KM", "airport_names", "records"]

SOURCE = "airportsdata {version} (MIT; OurAirports and operators' data)"
DUPLICATE_KM = 25.0
_KIND = (
    r"(?:(?:International|Intl|Regional|Municipal|National|Ntl)\s+)*"
    r"(?:Airport|Airfield|Air Base|Air Force Base|Airstrip|Heliport)"
)
_KIND_ONLY = re.compile(_KIND, re.IGNORECASE)
_KIND_WORDS = re.compile(rf"\s+{_KIND}$", re.IGNORECASE)


def airport_names(name: str, city: str, common: frozenset[str] = frozenset()) -> list[str]:
    """Return the names an airport answers to, its own first; ``common`` are words that
    more than one airport's name has.

    Examples
    --------
    >>> airport_names("London Heathrow Airport", "London")
    ['London Heathrow Airport', 'Heathrow Airport', 'London Heathrow', 'Heathrow']
    >>> airport_names("Rochester Airport", "Rochester")
    ['Rochester Airport']
    >>> airport_names("Ford Airport", "Iron Mountain")
    ['Ford Airport']
    """
    names = [name]
    rest = name[len(city) :].strip(" -/") if city and name.startswith(city + " ") else ""
    if rest and not _KIND_ONLY.fullmatch(rest):
        names.append(rest)
    else:
        rest = ""
    short = _KIND_WORDS.sub("", name)
    if short != name and " " in short and normalize(short) != normalize(city):
        names.append(short)
    bare = _KIND_WORDS.sub("", rest) if rest else ""
    if bare and bare != rest and " " not in bare and len(bare) >= 4 and bare not in common:
        names.append(bare)
    return list(dict.fromkeys(names))


def records() -> Iterator[Record]:
    """Yield one record per airport with an IATA code, curated duplicates left out."""
    import airportsdata

    source = SOURCE.format(version=getattr(airportsdata, "__version__", "?"))
    sites = [
        (float(s["lat"]), float(s["lon"]))
        for s in load_yaml("sites.yaml")["sites"]
        if precision_of(s["kind"]) == "facility"
    ]
    airports = airportsdata.load("IATA")
    seen = Counter(w for item in airports.values() for w in set(str(item["name"]).split()))
    common = frozenset(w for w, n in seen.items() if n > 1)
    for code, item in sorted(airports.items()):
        lat, lon = float(item["lat"]), float(item["lon"])
        if any(haversine_km(lat, lon, a, b) <= DUPLICATE_KM for a, b in sites):
            continue
        name = str(item["name"]).strip()
        kind = "airbase" if re.search(r"Air (?:Force )?Base\b|\bAFB\b", name) else "airport"
        place = Place(
            id=f"airport:{code}",
            name=name,
            lat=lat,
            lon=lon,
            country=str(item.get("country") or ""),
            kind=kind,
            population=0,
            source=source,
            extent_km=2.0,
        )
        names = airport_names(name, str(item.get("city") or ""), common)
        yield Record(place, (*names, code))
