"""Exceptions raised by ``geo``; all derive from :class:`GeoError`.

Each message is one line that names the file (when there is one) and the
problem, so the command line can print it as it is.

>>> issubclass(ArticleError, GeoError) and issubclass(ArticleError, ValueError)
True
"""

from __future__ import annotations


class GeoError(Exception):
    """Root of the package's exceptions."""


class ArticleError(GeoError, ValueError):
    """An article file or manifest that cannot be read (encoding, format, size)."""


class EventsFileError(GeoError, ValueError):
    """An events file that cannot be read or has bad rows or columns."""


class ExportError(GeoError, OSError):
    """An events file that cannot be written (unknown extension, I/O failure)."""


class AnalysisError(GeoError, ValueError):
    """A bad option or input of an analysis function (unknown kind, place or frequency)."""


class ScaleError(GeoError, RuntimeError):
    """A large run that cannot start or finish: no cluster, failed blocks, output in the way."""
