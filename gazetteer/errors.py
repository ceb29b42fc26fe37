"""Exceptions raised by :mod:`gazetteer`.

Every error derives from :class:`GazetteerError`; each subclass also inherits
the matching builtin so callers may catch either.
"""

from __future__ import annotations

__all__ = [
    "DownloadError",
    "GazetteerError",
    "GeoNamesFileError",
    "GeocoderTimeout",
    "GeocoderUnavailable",
    "IndexBuildError",
    "InvalidQuery",
    "PlacesFileError",
]


class GazetteerError(Exception):
    """Root of every error the gazetteer raises."""


class InvalidQuery(GazetteerError, ValueError):
    """A place name that cannot be looked up (empty, too long, binary)."""


class PlacesFileError(GazetteerError, ValueError):
    """A user places file that cannot be read; the message names file and row."""


class GeoNamesFileError(GazetteerError, ValueError):
    """A GeoNames export file that is truncated or malformed; the message names file and line."""


class DownloadError(GazetteerError, ConnectionError):
    """A GeoNames export file could not be downloaded (the partial file is kept to resume)."""


class IndexBuildError(GazetteerError, RuntimeError):
    """The embedded index could not be compiled or opened."""


class GeocoderUnavailable(GazetteerError, ConnectionError):
    """An online geocoder could not be reached or answered with an error."""


class GeocoderTimeout(GazetteerError, TimeoutError):
    """An online geocoder did not answer in time."""
