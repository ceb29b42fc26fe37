"""The online geocoding services: how each is built, asked and read (a registry).

:data:`SERVICES` maps a service name to a :class:`Service`; adding a provider is one
entry here plus its conversion in :mod:`gazetteer.online.places`.
:func:`service_name` checks a name and says which are valid.

Examples
--------
>>> ONLINE_SERVICES
('geonames', 'nominatim')
>>> service_name(" Nominatim ")
'nominatim'
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from geopy.geocoders import GeoNames, Nominatim

from gazetteer.errors import GazetteerError
from gazetteer.online.places import _NOMINATIM_DOMAIN, place_from_geonames, place_from_nominatim
from gazetteer.place import Place

__all__ = ["ONLINE_SERVICES", "SERVICES", "Service", "service_name"]


@dataclass(frozen=True, slots=True)
class Service:
    """How one provider is built, asked and read."""

    default_domain: Callable[[str], str]
    build: Callable[[str, str, str, str | None, float, Callable[..., Any]], Any]
    search: Callable[[Any, str, str | None, int], Any]
    convert: Callable[[Mapping[str, Any], int, str], Place]


def _build_nominatim(
    domain: str,
    scheme: str,
    user_agent: str,
    username: str | None,
    timeout: float,
    adapter: Callable[..., Any],
) -> Any:
    return Nominatim(
        domain=domain,
        scheme=scheme,
        user_agent=user_agent,
        timeout=timeout,
        adapter_factory=adapter,
    )


def _search_nominatim(geocoder: Any, query: str, country: str | None, limit: int) -> Any:
    return geocoder.geocode(
        query,
        exactly_one=False,
        limit=limit,
        addressdetails=True,
        extratags=True,
        country_codes=country.lower() if country else None,
    )


def _build_geonames(
    domain: str,
    scheme: str,
    user_agent: str,
    username: str | None,
    timeout: float,
    adapter: Callable[..., Any],
) -> Any:
    if not (username and username.strip()):
        raise GazetteerError("the geonames online geocoder needs username= (a GeoNames account)")
    return GeoNames(
        username.strip(),
        domain=domain,
        scheme=scheme,
        user_agent=user_agent,
        timeout=timeout,
        adapter_factory=adapter,
    )


def _search_geonames(geocoder: Any, query: str, country: str | None, limit: int) -> Any:
    # geopy's GeoNames.geocode has no row limit: the answer is cut to ``limit`` afterwards.
    return geocoder.geocode(query, exactly_one=False, country=country)


SERVICES: dict[str, Service] = {
    "nominatim": Service(
        default_domain=lambda scheme: _NOMINATIM_DOMAIN,
        build=_build_nominatim,
        search=_search_nominatim,
        convert=lambda raw, rank, domain: place_from_nominatim(raw, rank=rank, domain=domain),
    ),
    "geonames": Service(
        # GeoNames serves HTTPS from secure.geonames.org, plain HTTP from api.geonames.org.
        default_domain=lambda scheme: (
            "secure.geonames.org" if scheme == "https" else "api.geonames.org"
        ),
        build=_build_geonames,
        search=_search_geonames,
        convert=lambda raw, rank, domain: place_from_geonames(raw, rank=rank, domain=domain),
    ),
}
#: Names accepted by :class:`OnlineGeocoder` and :func:`get_online_geocoder`.
ONLINE_SERVICES: tuple[str, ...] = tuple(sorted(SERVICES))


def service_name(service: object) -> str:
    name = service.strip().lower() if isinstance(service, str) else ""
    if name not in SERVICES:
        raise GazetteerError(
            f"unknown online geocoder service {service!r}; "
            f"valid services: {', '.join(ONLINE_SERVICES)}"
        )
    return name
