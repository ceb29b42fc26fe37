"""The :class:`Place` value object returned by every lookup."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

__all__ = ["KIND_PRECISION", "Place", "precision_of"]

#: How precisely a place of each kind pins an event: facility, town, region,
#: country or sea.  Unknown kinds count as ``town``.
KIND_PRECISION: dict[str, str] = {
    "airbase": "facility",
    "base": "facility",
    "airport": "facility",
    "embassy": "facility",
    "border_crossing": "facility",
    "dam": "facility",
    "port": "facility",
    "facility": "facility",
    "oilfield": "facility",
    "camp": "facility",
    "bridge": "facility",
    "well": "facility",
    "headland": "facility",
    "pass": "facility",
    "hill": "facility",
    "capital": "town",
    "city": "town",
    "town": "town",
    "district": "town",
    "neighbourhood": "town",
    "mountain": "town",
    "valley": "town",
    "island": "town",
    "lake": "town",
    "water": "town",
    "road": "town",
    "terrain": "town",
    "region": "region",
    "governorate": "region",
    "province": "region",
    "county": "region",
    "state": "region",
    "area": "region",
    "wadi": "region",
    "river": "region",
    "country": "country",
    "sea": "sea",
    "strait": "sea",
    "gulf": "sea",
    "waterway": "sea",
    "ocean": "sea",
    "continent": "country",
}


def precision_of(kind: str) -> str:
    """Return the precision class (facility, town, region, country, sea) of a kind.

    Examples
    --------
    >>> precision_of("airbase"), precision_of("governorate"), precision_of("strait")
    ('facility', 'region', 'sea')
    """
    return KIND_PRECISION.get(kind, "town")


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place, with where it came from and why it ranked where it did.

    Parameters
    ----------
    id : str
        Stable identifier, ``"<layer>:<key>"`` such as ``"geonames:98182"``.
    name : str
        Preferred name.
    lat, lon : float
        WGS84 coordinates in degrees.
    country : str
        ISO 3166-1 alpha-2 code, ``""`` for seas and other places outside any country.
    kind : str
        ``city``, ``town``, ``country``, ``governorate``, ``airbase``, ``sea``...
    population : int
        GeoNames population, 0 where unknown or not applicable.
    source : str
        Where the coordinate comes from.
    score : float
        Ranking score in ``[0, 1]`` for the query that found it (0 when unranked).
    reason : str
        Why it scored as it did, for a human.
    admin1 : str
        First-level region code or name, ``""`` when unknown.
    extent_km : float
        Radius in km within which the place lies: 0 for a point, larger for areas.

    Examples
    --------
    >>> p = Place("curated:x", "X", 33.3, 44.4, "IQ", "airbase", 0, "test")
    >>> p.precision
    'facility'
    >>> Place("curated:y", "Y", 95.0, 0.0, "", "town", 0, "test")
    Traceback (most recent call last):
    ...
    ValueError: latitude 95.0 of 'Y' is outside [-90, 90]
    """

    id: str
    name: str
    lat: float
    lon: float
    country: str
    kind: str
    population: int
    source: str
    score: float = 0.0
    reason: str = ""
    admin1: str = ""
    extent_km: float = 0.0

    def __post_init__(self) -> None:
        if not (math.isfinite(self.lat) and -90.0 <= self.lat <= 90.0):
            raise ValueError(f"latitude {self.lat} of {self.name!r} is outside [-90, 90]")
        if not (math.isfinite(self.lon) and -180.0 <= self.lon <= 180.0):
            raise ValueError(f"longitude {self.lon} of {self.name!r} is outside [-180, 180]")

    @property
    def precision(self) -> str:
        """Precision class of this place: facility, town, region, country or sea."""
        return KIND_PRECISION.get(self.kind, "town")  # precision_of, without a call

    def scored(self, score: float, reason: str) -> Place:
        """Return a copy carrying ``score`` and ``reason``."""
        return replace(self, score=round(score, 4), reason=reason)

    def to_dict(self) -> dict[str, object]:
        """Return a JSON-ready mapping of every field plus ``precision``."""
        return {
            "id": self.id,
            "name": self.name,
            "lat": self.lat,
            "lon": self.lon,
            "country": self.country,
            "kind": self.kind,
            "precision": self.precision,
            "population": self.population,
            "extent_km": self.extent_km,
            "admin1": self.admin1,
            "source": self.source,
            "score": self.score,
            "reason": self.reason,
        }
