"""SQLite disk cache for the opt-in online geocoder of :mod:`gazetteer.online.client`.

Each row holds the provider's raw JSON records for one lookup, keyed by
service, domain, normalised query, country and limit.  Empty answers are
cached too, so a name the provider does not know is asked for only once.

The cache is a plain SQLite file (stdlib :mod:`sqlite3`).  Every operation
opens its own short-lived connection, so one cache may be shared by threads
and by processes; SQLite's locking makes ``CREATE TABLE IF NOT EXISTS`` and
``INSERT OR REPLACE`` safe when two writers race.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import sqlite3
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import astuple, dataclass
from pathlib import Path
from typing import Any

from gazetteer.errors import GazetteerError

__all__ = ["CACHE_ENV", "CACHE_FILENAME", "CacheKey", "OnlineCache", "default_cache_path"]

#: Environment variable naming the directory that holds strikemap caches.
CACHE_ENV = "STRIKEMAP_CACHE"
#: File name of the online geocoder cache inside that directory.
CACHE_FILENAME = "online.sqlite"

_TABLE = "online_results_v1"
_BUSY_TIMEOUT_SECONDS = 10.0
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS {_TABLE} (
    service     TEXT    NOT NULL,
    domain      TEXT    NOT NULL,
    query       TEXT    NOT NULL,
    country     TEXT    NOT NULL,
    max_results INTEGER NOT NULL,
    results     TEXT    NOT NULL,
    fetched_at  REAL    NOT NULL,
    PRIMARY KEY (service, domain, query, country, max_results)
)
"""
_KEY_WHERE = "service = ? AND domain = ? AND query = ? AND country = ? AND max_results = ?"


def default_cache_path() -> Path:
    """Return where the online cache lives unless told otherwise.

    ``$STRIKEMAP_CACHE/online.sqlite`` when the ``STRIKEMAP_CACHE`` environment
    variable names a directory, else ``~/.cache/strikemap/online.sqlite``.

    Examples
    --------
    >>> default_cache_path().name
    'online.sqlite'
    """
    configured = os.environ.get(CACHE_ENV, "").strip()
    base = Path(configured).expanduser() if configured else Path.home() / ".cache" / "strikemap"
    return base / CACHE_FILENAME


@dataclass(frozen=True, slots=True)
class CacheKey:
    """What identifies one cached lookup.

    Parameters
    ----------
    service : str
        Geocoding service, ``"nominatim"`` or ``"geonames"``.
    domain : str
        Host (and port) of the service answering.
    query : str
        Normalised query text (see :func:`gazetteer.online.client.normalise_query`).
    country : str
        ISO 3166-1 alpha-2 restriction in upper case, ``""`` for none.
    limit : int
        Maximum number of results asked for.
    """

    service: str
    domain: str
    query: str
    country: str
    limit: int


class OnlineCache:
    """Raw provider answers stored in a SQLite file.

    Parameters
    ----------
    path : str or os.PathLike or None
        Cache file; ``None`` for :func:`default_cache_path`.  Missing parent
        directories are created.
    max_age_seconds : float or None
        Entries older than this are ignored (and refreshed by the caller);
        ``None`` keeps them forever.
    clock : callable
        Wall-clock time source in seconds, injectable for tests.

    Raises
    ------
    GazetteerError
        When the file cannot be created or is not a SQLite database.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     cache = OnlineCache(Path(tmp) / "sub" / "online.sqlite")
    ...     key = CacheKey("nominatim", "example.org", "mosul", "IQ", 5)
    ...     missing = cache.get(key)
    ...     cache.put(key, [{"lat": "36.34", "lon": "43.13"}])
    ...     again = OnlineCache(cache.path).get(key)
    >>> missing is None, again
    (True, [{'lat': '36.34', 'lon': '43.13'}])
    """

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        max_age_seconds: float | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if max_age_seconds is not None and not (
            math.isfinite(max_age_seconds) and max_age_seconds > 0
        ):
            raise GazetteerError(
                f"max_age_seconds must be a positive number or None, not {max_age_seconds!r}"
            )
        self._path = Path(path).expanduser() if path is not None else default_cache_path()
        self._max_age = max_age_seconds
        self._clock = clock
        self._create()

    @property
    def path(self) -> Path:
        """The SQLite file."""
        return self._path

    def __repr__(self) -> str:
        return f"OnlineCache({str(self._path)!r})"

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        conn = sqlite3.connect(self._path, timeout=_BUSY_TIMEOUT_SECONDS)
        try:
            with conn:  # commits on success, rolls back on error
                yield conn
        finally:
            conn.close()

    def _create(self) -> None:
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            with self._transaction() as conn:
                conn.execute(_SCHEMA)
        except (OSError, sqlite3.Error) as err:
            raise GazetteerError(
                f"cannot use {str(self._path)!r} as the online geocoder cache: {err}"
            ) from err

    def get(self, key: CacheKey) -> list[dict[str, Any]] | None:
        """Return the cached records for ``key``, or ``None`` when not cached.

        An empty list means the provider was asked and found nothing.  A cache
        that cannot be read warns (:class:`RuntimeWarning`) and counts as a miss.
        """
        try:
            with self._transaction() as conn:
                row = conn.execute(
                    f"SELECT results, fetched_at FROM {_TABLE} WHERE {_KEY_WHERE}", astuple(key)
                ).fetchone()
        except sqlite3.Error as err:
            warnings.warn(
                f"online geocoder cache {self._path} unreadable: {err}",
                RuntimeWarning,
                stacklevel=2,
            )
            return None
        if row is None:
            return None
        results_json, fetched_at = row
        if self._max_age is not None and self._clock() - float(fetched_at) > self._max_age:
            return None
        try:
            records = json.loads(results_json)
        except (TypeError, ValueError):
            return None
        if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
            return None
        return records

    def put(self, key: CacheKey, records: list[dict[str, Any]]) -> None:
        """Store ``records`` (possibly empty) for ``key``, replacing any older entry.

        A cache that cannot be written warns (:class:`RuntimeWarning`) and is skipped.
        """
        payload = json.dumps(records, ensure_ascii=False, sort_keys=True)
        try:
            with self._transaction() as conn:
                conn.execute(
                    f"INSERT OR REPLACE INTO {_TABLE} "
                    "(service, domain, query, country, max_results, results, fetched_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (*astuple(key), payload, self._clock()),
                )
        except sqlite3.Error as err:
            warnings.warn(
                f"online geocoder cache {self._path} unwritable: {err}",
                RuntimeWarning,
                stacklevel=2,
            )

    def clear(self) -> int:
        """Delete every entry and return how many there were."""
        with self._transaction() as conn:
            deleted: int = conn.execute(f"DELETE FROM {_TABLE}").rowcount
        return deleted
