"""strikemap's gazetteer: offline place resolution for conflict reporting.

It resolves place names as news writes them (al-Qaim, Al Qa'im, Qaim; Erbil, Irbil,
Arbil; "K1 base outside Kirkuk") to ranked candidates from an embedded index of
GeoNames places, countries and regions, plus a curated layer of military sites,
crossings and seas.  It depends on neither :mod:`geo` nor :mod:`maps`.

Examples
--------
>>> from gazetteer import resolve
>>> best = resolve("Al Qa'im", country="IQ")[0]
>>> best.name, best.country
('Al Qā’im', 'IQ')
"""

from __future__ import annotations

from collections.abc import Sequence

from gazetteer.core import Gazetteer, NearSpec
from gazetteer.default import default_gazetteer, search, spot
from gazetteer.errors import (
    DownloadError,
    GazetteerError,
    GeocoderTimeout,
    GeocoderUnavailable,
    GeoNamesFileError,
    IndexBuildError,
    InvalidQuery,
    PlacesFileError,
)
from gazetteer.geodesy import haversine_km
from gazetteer.normalize import normalize, skeleton
from gazetteer.place import Place, precision_of
from gazetteer.spot import Mention

__all__ = [
    "DownloadError",
    "Gazetteer",
    "GazetteerError",
    "GeoNamesFileError",
    "GeocoderTimeout",
    "GeocoderUnavailable",
    "IndexBuildError",
    "InvalidQuery",
    "Mention",
    "Place",
    "PlacesFileError",
    "default_gazetteer",
    "haversine_km",
    "normalize",
    "precision_of",
    "resolve",
    "search",
    "skeleton",
    "spot",
]


def resolve(
    name: str,
    *,
    country: str | None = None,
    near: NearSpec | Sequence[NearSpec] | None = None,
    kind: str | None = None,
    limit: int = 5,
) -> list[Place]:
    """Return ranked candidates for ``name`` from the default gazetteer.

    See :meth:`Gazetteer.resolve` for the parameters.

    Examples
    --------
    >>> [p.country for p in resolve("Hit", country="IQ", limit=1)]
    ['IQ']
    """
    return default_gazetteer().resolve(name, country=country, near=near, kind=kind, limit=limit)
