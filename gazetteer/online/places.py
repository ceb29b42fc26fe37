"""Converting online geocoder answers (Nominatim, GeoNames) into :class:`Place` objects.

The kind tables map each provider's classes and feature codes onto strikemap's kinds.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from gazetteer.geodesy import haversine_km
from gazetteer.place import Place
from gazetteer.query import MAX_NAME_LENGTH

__all__ = ["MAX_LIMIT", "MAX_QUERY_LENGTH", "place_from_geonames", "place_from_nominatim"]

#: Longest place name sent to a service, in characters.
MAX_QUERY_LENGTH = MAX_NAME_LENGTH
#: Largest ``limit`` sent to a service (Nominatim's own maximum); larger ones are capped.
MAX_LIMIT = 40

_NOMINATIM_DOMAIN = "nominatim.openstreetmap.org"
_CITY_POPULATION = 100_000
# Sample agents from geopy's documentation, which Nominatim's usage policy rejects.

# -- kinds ------------------------------------------------------------------------------

# Nominatim (class, type) pairs with a definite kind.
_OSM_CLASS_TYPE_KINDS: dict[tuple[str, str], str] = {
    ("aeroway", "aerodrome"): "airport",
    ("aeroway", "airport"): "airport",
    ("aeroway", "heliport"): "airport",
    ("military", "airfield"): "airbase",
    ("landuse", "military"): "base",
    ("amenity", "embassy"): "embassy",
    ("office", "diplomatic"): "embassy",
    ("diplomatic", "embassy"): "embassy",
    ("barrier", "border_control"): "border_crossing",
    ("waterway", "dam"): "dam",
    ("man_made", "dam"): "dam",
    ("landuse", "port"): "port",
    ("landuse", "harbour"): "port",
    ("industrial", "port"): "port",
    ("amenity", "ferry_terminal"): "port",
    ("industrial", "oil"): "oilfield",
    ("natural", "strait"): "strait",
    ("natural", "bay"): "gulf",
    ("natural", "sea"): "sea",
    ("natural", "water"): "waterway",
}
# Nominatim place types and address types (also used for class "boundary").
_OSM_PLACE_KINDS: dict[str, str] = {
    "city": "city",
    "town": "town",
    "village": "town",
    "hamlet": "town",
    "municipality": "town",
    "locality": "town",
    "isolated_dwelling": "town",
    "borough": "district",
    "city_district": "district",
    "district": "district",
    "suburb": "neighbourhood",
    "quarter": "neighbourhood",
    "neighbourhood": "neighbourhood",
    "city_block": "neighbourhood",
    "county": "region",
    "state_district": "region",
    "state": "region",
    "province": "province",
    "region": "region",
    "country": "country",
    "sea": "sea",
    "ocean": "sea",
    "island": "area",
    "islet": "area",
    "archipelago": "area",
}
# Kind of every other record of a Nominatim class.
_OSM_CLASS_KINDS: dict[str, str] = {
    "aeroway": "facility",
    "military": "base",
    "waterway": "waterway",
    "natural": "area",
    "amenity": "facility",
    "building": "facility",
    "man_made": "facility",
    "industrial": "facility",
    "power": "facility",
    "railway": "facility",
    "office": "facility",
    "tourism": "facility",
    "historic": "facility",
    "leisure": "facility",
    "shop": "facility",
}
# GeoNames feature codes with a definite kind (populated places are handled apart).
_GEONAMES_CODE_KINDS: dict[str, str] = {
    "ADM1": "region",
    "ADM1H": "region",
    "ADMD": "region",
    "PCL": "country",
    "PCLI": "country",
    "PCLD": "country",
    "PCLF": "country",
    "PCLS": "country",
    "PCLIX": "country",
    "TERR": "country",
    "AIRP": "airport",
    "AIRF": "airport",
    "AIRH": "airport",
    "AIRB": "airbase",
    "MILB": "base",
    "INSM": "base",
    "NVB": "base",
    "PSTB": "border_crossing",
    "DIP": "embassy",
    "DAM": "dam",
    "PRT": "port",
    "HBR": "port",
    "OILF": "oilfield",
    "SEA": "sea",
    "OCN": "sea",
    "STRT": "strait",
    "GULF": "gulf",
    "BAY": "gulf",
    "STM": "waterway",
    "CNL": "waterway",
    "CHN": "waterway",
    "PPLX": "neighbourhood",
    "PPLC": "city",
    "PPLA": "city",
}
_GEONAMES_CLASS_KINDS: dict[str, str] = {
    "A": "district",  # ADM2..ADM5
    "P": "town",
    "S": "facility",
    "H": "waterway",
    "L": "area",
    "T": "area",
    "V": "area",
    "U": "sea",
    "R": "facility",
}


def _osm_kind(raw: Mapping[str, Any]) -> str:
    cls = str(raw.get("class") or raw.get("category") or "")
    typ = str(raw.get("type") or "")
    addresstype = str(raw.get("addresstype") or "")
    if (cls, typ) in _OSM_CLASS_TYPE_KINDS:
        return _OSM_CLASS_TYPE_KINDS[(cls, typ)]
    if cls == "place" and typ in _OSM_PLACE_KINDS:
        return _OSM_PLACE_KINDS[typ]
    if addresstype in _OSM_PLACE_KINDS:
        return _OSM_PLACE_KINDS[addresstype]
    if cls in _OSM_CLASS_KINDS:
        return _OSM_CLASS_KINDS[cls]
    rank = _as_int(raw.get("place_rank"))
    if rank is None:
        return "town"
    for top, kind in ((4, "country"), (12, "region"), (21, "town"), (25, "neighbourhood")):
        if rank <= top:
            return kind
    return "facility"


def _geonames_kind(raw: Mapping[str, Any], population: int) -> str:
    code = str(raw.get("fcode") or "").upper()
    fcl = str(raw.get("fcl") or "").upper()
    if code in _GEONAMES_CODE_KINDS:
        return _GEONAMES_CODE_KINDS[code]
    if code.startswith("PPL"):
        return "city" if population >= _CITY_POPULATION else "town"
    return _GEONAMES_CLASS_KINDS.get(fcl, "town")


# -- conversion -------------------------------------------------------------------------


def _as_int(value: object) -> int | None:
    try:
        return int(str(value).strip())
    except ValueError:
        return None


def _population(value: object) -> int:
    """Parse populations such as ``7216000``, ``"1,234"`` or ``"12000;13000"``."""
    if isinstance(value, int) and not isinstance(value, bool):
        return max(value, 0)
    first = str(value or "").split(";")[0].replace(",", "").replace(" ", "")
    return int(first) if first.isdigit() else 0


def _country(value: object) -> str:
    code = str(value or "").strip().upper()
    return code if len(code) == 2 and code.isascii() and code.isalpha() else ""


def _half_diagonal_km(south: object, north: object, west: object, east: object) -> float:
    try:
        s, n, w, e = (float(str(v)) for v in (south, north, west, east))
    except ValueError:
        return 0.0
    if not all(math.isfinite(v) for v in (s, n, w, e)):
        return 0.0
    return round(haversine_km(s, w, n, e) / 2, 3)


def _rank_score(rank: int) -> float:
    return round(1.0 / (1 + max(rank, 0)), 4)


def place_from_nominatim(
    raw: Mapping[str, Any], *, rank: int = 0, domain: str = _NOMINATIM_DOMAIN
) -> Place:
    """Convert one Nominatim ``/search`` record (``format=json``) to a :class:`Place`.

    Parameters
    ----------
    raw : Mapping
        The record, with ``address`` from ``addressdetails=1``.
    rank : int
        Zero-based position in the answer; scores records without ``importance``.
    domain : str
        Host that answered, recorded in ``source``.

    Raises
    ------
    ValueError
        When the record lacks an identifier, a name or valid coordinates.

    Examples
    --------
    >>> p = place_from_nominatim({"osm_type": "node", "osm_id": 7, "lat": "33.26",
    ...     "lon": "44.23", "class": "aeroway", "type": "aerodrome", "importance": 0.5,
    ...     "name": "Baghdad International Airport", "address": {"country_code": "iq"}})
    >>> p.id, p.kind, p.country, p.score
    ('nominatim:node/7', 'airport', 'IQ', 0.5)
    """
    osm_type = str(raw.get("osm_type") or "")
    osm_type = {"N": "node", "W": "way", "R": "relation"}.get(osm_type.upper(), osm_type.lower())
    if osm_type and raw.get("osm_id") not in (None, ""):
        key = f"{osm_type}/{raw['osm_id']}"
    elif raw.get("place_id") not in (None, ""):
        key = f"place/{raw['place_id']}"
    else:
        raise ValueError("Nominatim record without osm_id or place_id")
    display = str(raw.get("display_name") or "")
    name = str(raw.get("name") or "").strip() or display.split(",")[0].strip()
    if not name:
        raise ValueError(f"Nominatim record {key} without a name")
    address = raw.get("address")
    address = address if isinstance(address, Mapping) else {}
    extratags = raw.get("extratags")
    extratags = extratags if isinstance(extratags, Mapping) else {}
    importance = raw.get("importance")
    try:
        score = min(max(float(importance), 0.0), 1.0) if importance is not None else -1.0
    except (TypeError, ValueError):
        score = -1.0
    bbox = raw.get("boundingbox")
    extent = _half_diagonal_km(*bbox) if isinstance(bbox, list) and len(bbox) == 4 else 0.0
    return Place(
        id=f"nominatim:{key}",
        name=name,
        lat=float(raw["lat"]),
        lon=float(raw["lon"]),
        country=_country(address.get("country_code")),
        kind=_osm_kind(raw),
        population=_population(extratags.get("population")),
        source=f"OpenStreetMap (ODbL) via nominatim at {domain}",
        score=round(score, 4) if math.isfinite(score) and score >= 0 else _rank_score(rank),
        reason="online fallback (nominatim)",
        admin1=str(address.get("state") or address.get("province") or address.get("region") or ""),
        extent_km=extent,
    )


def place_from_geonames(
    raw: Mapping[str, Any], *, rank: int = 0, domain: str = "api.geonames.org"
) -> Place:
    """Convert one GeoNames ``/searchJSON`` record to a :class:`Place`.

    Parameters
    ----------
    raw : Mapping
        The record (``geonameId``, ``name``, ``lat``, ``lng``, ``fcode``...).
    rank : int
        Zero-based position in the answer, which gives the score ``1 / (1 + rank)``.
    domain : str
        Host that answered, recorded in ``source``.

    Raises
    ------
    ValueError
        When the record lacks an identifier, a name or valid coordinates.

    Examples
    --------
    >>> p = place_from_geonames({"geonameId": 98182, "name": "Baghdad", "lat": "33.34",
    ...     "lng": "44.40", "countryCode": "IQ", "fcl": "P", "fcode": "PPLC",
    ...     "population": 7216000, "adminName1": "Baghdad"})
    >>> p.id, p.kind, p.population, p.score
    ('geonames:98182', 'city', 7216000, 1.0)
    """
    geoname_id = _as_int(raw.get("geonameId"))
    if geoname_id is None:
        raise ValueError("GeoNames record without geonameId")
    name = str(raw.get("name") or raw.get("toponymName") or "").strip()
    if not name:
        raise ValueError(f"GeoNames record {geoname_id} without a name")
    population = _population(raw.get("population"))
    bbox = raw.get("bbox")
    extent = 0.0
    if isinstance(bbox, Mapping) and {"south", "north", "west", "east"} <= bbox.keys():
        extent = _half_diagonal_km(bbox["south"], bbox["north"], bbox["west"], bbox["east"])
    return Place(
        id=f"geonames:{geoname_id}",
        name=name,
        lat=float(raw["lat"]),
        lon=float(raw["lng"]),
        country=_country(raw.get("countryCode")),
        kind=_geonames_kind(raw, population),
        population=population,
        source=f"GeoNames (CC BY 4.0) via geonames at {domain}",
        score=_rank_score(rank),
        reason="online fallback (geonames)",
        admin1=str(raw.get("adminName1") or ""),
        extent_km=extent,
    )
