"""Exceptions raised by ``maps``; all derive from :class:`MapError`.

Each also inherits the matching builtin, so callers can catch either, and each
message is one line the command line can print as it is.

>>> issubclass(MapInputError, MapError) and issubclass(MapInputError, ValueError)
True
>>> issubclass(MapWriteError, OSError)
True
"""

from __future__ import annotations

__all__ = ["MapAssetError", "MapError", "MapInputError", "MapWriteError"]


class MapError(Exception):
    """Root of the package's exceptions."""


class MapInputError(MapError, ValueError):
    """An events frame, links table or option that cannot be mapped."""


class MapWriteError(MapError, OSError):
    """A map file that cannot be written."""


class MapAssetError(MapError, FileNotFoundError):
    """A packaged JavaScript/CSS file, or Leaflet's, that is missing or unsafe to inline."""
