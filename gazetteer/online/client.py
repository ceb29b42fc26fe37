"""Opt-in online fallback: Nominatim or GeoNames through geopy.

Nothing in the offline gazetteer reaches the network; a caller that wants a
fallback for names the embedded index does not know builds an
:class:`OnlineGeocoder` (or :func:`get_online_geocoder`) and asks it.  Real
requests are spaced at least ``min_delay_seconds`` apart (the public Nominatim
allows one a second) and every answer, empty ones included, is cached in a
SQLite file (:mod:`gazetteer.online.cache`), so a name is fetched once.

Failures never escape by default: a timeout or an unreachable or failing
service warns (:class:`RuntimeWarning`) and yields ``[]``, which callers treat
as unresolved.  ``resolve(..., strict=True)`` raises
:class:`~gazetteer.errors.GeocoderTimeout` or
:class:`~gazetteer.errors.GeocoderUnavailable` instead.
"""

from __future__ import annotations

import logging
import math
import os
import threading
import time
import unicodedata
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import geopy.exc
import geopy.geocoders

from gazetteer.errors import GazetteerError, GeocoderTimeout, GeocoderUnavailable, InvalidQuery
from gazetteer.online.cache import CacheKey, OnlineCache
from gazetteer.online.http import MAX_ANSWER_BYTES, bounded_adapter
from gazetteer.online.places import (
    MAX_LIMIT,
    MAX_QUERY_LENGTH,
    _country,
    place_from_geonames,
    place_from_nominatim,
)
from gazetteer.online.services import ONLINE_SERVICES, SERVICES, service_name
from gazetteer.place import Place
from gazetteer.query import check_name

__all__ = [
    "MAX_ANSWER_BYTES",
    "MAX_LIMIT",
    "MAX_QUERY_LENGTH",
    "ONLINE_SERVICES",
    "OnlineGeocoder",
    "get_online_geocoder",
    "normalise_query",
    "place_from_geonames",
    "place_from_nominatim",
]

log = logging.getLogger(__name__)

_SAMPLE_USER_AGENTS = frozenset(
    {"my-application", "my_app/1", "my_user_agent/1.0", "specify_your_app_name_here"}
)


# -- validation -------------------------------------------------------------------------


def normalise_query(text: str) -> str:
    """Return the cache form of a query: NFKC, case-folded, single-spaced.

    Examples
    --------
    >>> normalise_query("  Al  ANBAR\\tGovernorate ")
    'al anbar governorate'
    """
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _clean_query(name: object) -> str:
    if not isinstance(name, str):
        raise InvalidQuery(f"a place name must be a string, not {type(name).__name__}")
    text = check_name(" ".join(unicodedata.normalize("NFC", name).split()))
    if any(unicodedata.category(ch) in ("Cc", "Cs") for ch in text):
        raise InvalidQuery(f"place name {text[:40]!r} contains control characters")
    return text


def _clean_country(country: object) -> str | None:
    if country is None or country == "":
        return None
    code = _country(country) if isinstance(country, str) else ""
    if not code:
        raise InvalidQuery(f"country must be an ISO 3166-1 alpha-2 code, not {country!r}")
    return code


def _clean_limit(limit: object) -> int:
    """Return ``limit`` capped at :data:`MAX_LIMIT`; refuse non-integers and values below 1."""
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise InvalidQuery(f"limit must be a positive integer, not {limit!r}")
    return min(limit, MAX_LIMIT)


def _clean_user_agent(user_agent: object) -> str:
    agent = user_agent.strip() if isinstance(user_agent, str) else ""
    default = str(geopy.geocoders.options.default_user_agent)
    if (
        not agent
        or agent == default
        or agent.lower().startswith("geopy/")
        or agent.lower() in _SAMPLE_USER_AGENTS
    ):
        raise GazetteerError(
            f"online geocoders need a real user_agent naming your application and a contact, "
            f"such as 'strikemap/0.1 (you@example.org)'; got {user_agent!r}"
        )
    if not agent.isprintable():
        raise GazetteerError(f"user_agent {user_agent!r} contains control characters")
    return agent


def _seconds(name: str, value: float, *, allow_zero: bool = False) -> float:
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or value < 0
        or (value == 0 and not allow_zero)
    ):
        bound = "zero or more" if allow_zero else "more than zero"
        raise GazetteerError(f"{name} must be a finite number of seconds, {bound}: {value!r}")
    return float(value)


# -- the geocoder -----------------------------------------------------------------------


class OnlineGeocoder:
    """Opt-in online fallback: Nominatim or GeoNames through geopy, rate-limited, cached on disk.

    Parameters
    ----------
    service : str
        ``"nominatim"`` or ``"geonames"`` (see :data:`ONLINE_SERVICES`).
    user_agent : str
        HTTP ``User-Agent`` naming your application and a contact; empty, geopy's
        default and geopy's documentation samples are refused.
    domain : str or None
        Host (and port) of the service, e.g. ``"nominatim.example.org"`` or
        ``"127.0.0.1:8080"``; ``None`` for the public server.
    scheme : str
        ``"https"`` or ``"http"``.
    username : str or None
        GeoNames account name, required for ``"geonames"``, ignored otherwise.
    timeout : float
        Seconds to wait for a whole answer; a request that times out is not repeated.
    max_answer_bytes : int
        Larger answers are refused (a failure of the service, as an error status is).
    min_delay_seconds : float
        Least time between the end of one real request and the start of the next.
        Cached answers never wait.
    cache_path : str or os.PathLike or None
        SQLite cache file; ``None`` for ``$STRIKEMAP_CACHE/online.sqlite`` or
        ``~/.cache/strikemap/online.sqlite``.
    use_cache : bool
        ``False`` to ask the service every time and touch no file.
    cache_max_age_seconds : float or None
        Ignore cached answers older than this; ``None`` keeps them forever.
    clock, sleep : callable
        Monotonic time source and sleep function used by the rate limiter,
        injectable for tests.

    Raises
    ------
    GazetteerError
        For an unknown service (the message lists the valid ones), a missing or
        sample user agent, a missing GeoNames username, a bad scheme, domain,
        timeout or delay, or an unusable cache file.

    Examples
    --------
    >>> OnlineGeocoder("bing", user_agent="strikemap-doctest/0.1")
    Traceback (most recent call last):
    ...
    gazetteer.errors.GazetteerError: unknown online geocoder service 'bing'; valid services: \
geonames, nominatim
    >>> geo = OnlineGeocoder(user_agent="strikemap-doctest/0.1", use_cache=False)
    >>> geo.service, geo.domain, geo.min_delay_seconds
    ('nominatim', 'nominatim.openstreetmap.org', 1.0)
    """

    def __init__(
        self,
        service: str = "nominatim",
        *,
        user_agent: str,
        domain: str | None = None,
        scheme: str = "https",
        username: str | None = None,
        timeout: float = 5.0,
        max_answer_bytes: int = MAX_ANSWER_BYTES,
        min_delay_seconds: float = 1.0,
        cache_path: str | os.PathLike[str] | None = None,
        use_cache: bool = True,
        cache_max_age_seconds: float | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._service = service_name(service)
        spec = SERVICES[self._service]
        if scheme not in ("http", "https"):
            raise GazetteerError(f"scheme must be 'http' or 'https', not {scheme!r}")
        if domain is None:
            domain = spec.default_domain(scheme)
        domain = domain.strip().rstrip("/") if isinstance(domain, str) else ""
        if not domain or "://" in domain or "/" in domain or not domain.isprintable():
            raise GazetteerError(
                f"domain must be a host such as 'nominatim.example.org' or '127.0.0.1:8080' "
                f"(no scheme, no path), not {domain!r}"
            )
        self._spec = spec
        self._domain = domain
        self._scheme = scheme
        self._timeout = _seconds("timeout", timeout)
        self._min_delay = _seconds("min_delay_seconds", min_delay_seconds, allow_zero=True)
        if isinstance(max_answer_bytes, bool) or not isinstance(max_answer_bytes, int):
            raise GazetteerError(f"max_answer_bytes must be a whole number: {max_answer_bytes!r}")
        if max_answer_bytes < 1:
            raise GazetteerError(f"max_answer_bytes must be at least 1: {max_answer_bytes!r}")
        self._geocoder = spec.build(
            domain,
            scheme,
            _clean_user_agent(user_agent),
            username,
            self._timeout,
            bounded_adapter(max_answer_bytes),
        )
        self._cache = (
            OnlineCache(cache_path, max_age_seconds=cache_max_age_seconds) if use_cache else None
        )
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._last_request: float | None = None

    @property
    def service(self) -> str:
        """Service name, ``"nominatim"`` or ``"geonames"``."""
        return self._service

    @property
    def domain(self) -> str:
        """Host (and port) asked."""
        return self._domain

    @property
    def timeout(self) -> float:
        """Seconds to wait for an answer."""
        return self._timeout

    @property
    def min_delay_seconds(self) -> float:
        """Least time between two real requests."""
        return self._min_delay

    @property
    def cache_path(self) -> Path | None:
        """SQLite cache file, ``None`` when caching is off."""
        return self._cache.path if self._cache is not None else None

    def __repr__(self) -> str:
        return (
            f"OnlineGeocoder({self._service!r}, domain={self._domain!r}, "
            f"cache_path={str(self.cache_path) if self._cache else None!r})"
        )

    def resolve(
        self, name: str, *, country: str | None = None, limit: int = 5, strict: bool = False
    ) -> list[Place]:
        """Look ``name`` up online and return up to ``limit`` places, best first.

        Parameters
        ----------
        name : str
            Place name as written in the report.
        country : str or None
            ISO 3166-1 alpha-2 code restricting the search.
        limit : int
            Most places wanted, at least 1; larger values are capped at :data:`MAX_LIMIT`.
        strict : bool
            Raise on failure instead of warning and returning ``[]``.

        Returns
        -------
        list of Place
            Converted results, ``[]`` when nothing matched or the service failed.

        Raises
        ------
        InvalidQuery
            For an empty, over-long or binary name, a bad country code or limit.
        GeocoderTimeout
            With ``strict=True``, when the service does not answer within ``timeout``.
        GeocoderUnavailable
            With ``strict=True``, when the service cannot be reached or answers an error.
        """
        query = _clean_query(name)
        code = _clean_country(country)
        count = _clean_limit(limit)
        key = CacheKey(self._service, self._domain, normalise_query(query), code or "", count)
        records = self._cache.get(key) if self._cache is not None else None
        if records is None:
            started = time.monotonic()
            try:
                try:
                    records = self._fetch(query, code, count)
                except (geopy.exc.GeopyError, OSError) as err:
                    if _timed_out(err):  # the requests adapter reports read timeouts as
                        raise TimeoutError(str(err)) from err  # "unavailable"
                    raise
            except (geopy.exc.GeocoderTimedOut, TimeoutError) as err:
                spent = time.monotonic() - started  # what the user waited, rate limit included
                message = (
                    f"online geocoder {self._service} at {self._domain} timed out: no answer for "
                    f"{query!r} in {spent:.1f} s (timeout {self._timeout:g} s, one request); "
                    "treating it as unresolved"
                )
                if strict:
                    raise GeocoderTimeout(message) from err
                warnings.warn(message, RuntimeWarning, stacklevel=2)
                return []
            except (geopy.exc.GeopyError, OSError, ValueError, TypeError, KeyError) as err:
                message = (
                    f"online geocoder {self._service} at {self._domain} failed for {query!r} "
                    f"({type(err).__name__}: {err}); treating it as unresolved"
                )
                if strict:
                    raise GeocoderUnavailable(message) from err
                warnings.warn(message, RuntimeWarning, stacklevel=2)
                return []
            if self._cache is not None:
                self._cache.put(key, records)
        return self._convert(records, count)

    def _fetch(self, query: str, country: str | None, limit: int) -> list[dict[str, Any]]:
        """Ask the service, at least ``min_delay_seconds`` after the previous request."""
        with self._lock:
            if self._last_request is not None:
                wait = self._last_request + self._min_delay - self._clock()
                if wait > 0:
                    self._sleep(wait)
            log.debug("online %s request for %r (country=%s)", self._service, query, country)
            try:
                found = self._spec.search(self._geocoder, query, country, limit)
            finally:
                self._last_request = self._clock()
        if found is None:
            return []
        locations = found if isinstance(found, list) else [found]
        records: list[dict[str, Any]] = []
        for location in locations:
            raw = getattr(location, "raw", None)
            if isinstance(raw, dict):
                records.append(raw)
        return records[:limit]

    def _convert(self, records: list[dict[str, Any]], limit: int) -> list[Place]:
        places: list[Place] = []
        seen: set[str] = set()
        for rank, raw in enumerate(records[:limit]):
            try:
                place = self._spec.convert(raw, rank, self._domain)
            except (KeyError, TypeError, ValueError) as err:
                log.debug("skipping unusable %s record: %s", self._service, err)
                continue
            if place.id not in seen:
                seen.add(place.id)
                places.append(place)
        return places


def get_online_geocoder(service: str, **options: Any) -> OnlineGeocoder:
    """Return an :class:`OnlineGeocoder` for ``service`` built with keyword ``options``.

    Raises
    ------
    GazetteerError
        For an unknown service; the message lists the valid names.

    Examples
    --------
    >>> get_online_geocoder("NOMINATIM", user_agent="strikemap-doctest/0.1", use_cache=False)
    OnlineGeocoder('nominatim', domain='nominatim.openstreetmap.org', cache_path=None)
    >>> get_online_geocoder("google", user_agent="strikemap-doctest/0.1")
    Traceback (most recent call last):
    ...
    gazetteer.errors.GazetteerError: unknown online geocoder service 'google'; valid services: \
geonames, nominatim
    """
    return OnlineGeocoder(service_name(service), **options)


def _timed_out(err: BaseException) -> bool:
    """Whether an error, or one that caused it, is a timeout."""
    seen: set[int] = set()
    current: BaseException | None = err
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, TimeoutError) or "Timeout" in type(current).__name__:
            return True
        current = current.__cause__ or current.__context__
    return "timed out" in str(err).lower()
