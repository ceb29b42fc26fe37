"""The file formats events are read from and written to, one module each.

:data:`FORMATS` lists them by name; :mod:`geo.formats.readwrite` picks one by extension
(or by name) and does the atomic write and the normalizing. Each module has
``read(path)`` returning the raw frame, row numbers and early problems (see
:mod:`geo.formats.base`) and ``write(frame, tmp)``.

May import: the event model, :mod:`geo.extract` (actor sides for the dataset codes) and
:mod:`gazetteer` (country names); never :mod:`geo.analysis` or :mod:`geo.scale`.

Examples
--------
>>> from geo.formats import FORMATS
>>> sorted(FORMATS)
['ACLED', 'CSV', 'GPKG', 'GeoJSON', 'GeoParquet', 'KML', 'UCDP']
>>> FORMATS["ACLED"].lossless, FORMATS["KML"].lossless
(False, True)

The format modules (and geopandas with them) are imported when :data:`FORMATS` is first
used, so that a module of this package (such as :mod:`geo.formats.geojson_lines`, which the
``strikemap map`` command reads files with) can be imported without them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import geopandas as gpd

    from geo.formats.base import Read

__all__ = ["FORMATS", "Format", "sniff_csv"]


@dataclass(frozen=True)
class Format:
    """One file format: its name, module functions and whether it keeps every value."""

    name: str
    read: Callable[[Path], Read]
    write: Callable[[gpd.GeoDataFrame, Path], None]
    lossless: bool
    summary: str


@functools.cache
def _formats() -> dict[str, Format]:
    from geo.formats import acled, csvfile, geojson, gpkg, kml, parquet, ucdp

    return {
        f.name: f
        for f in (
            Format("GeoJSON", geojson.read, geojson.write, True, "RFC 7946 FeatureCollection"),
            Format("GPKG", gpkg.read, gpkg.write, True, "GeoPackage, layer 'events'"),
            Format("GeoParquet", parquet.read, parquet.write, True, "GeoParquet"),
            Format("CSV", csvfile.read, csvfile.write, True, "CSV with lat, lon and wkt columns"),
            Format("KML", kml.read, kml.write, True, "KML for Google Earth, a folder per kind"),
            Format("ACLED", acled.read, acled.write, False, "ACLED-style CSV (ACLED's columns)"),
            Format("UCDP", ucdp.read, ucdp.write, False, "UCDP GED CSV"),
        )
    }


if TYPE_CHECKING:
    #: Format name -> :class:`Format`, for every format events are read from and written to.
    FORMATS: dict[str, Format]


def __getattr__(name: str) -> Any:
    if name == "FORMATS":
        return _formats()
    raise AttributeError(f"module 'geo.formats' has no attribute {name!r}")


def sniff_csv(path: Path) -> str:
    """'ACLED' or 'UCDP' when a CSV file's header is theirs, else 'CSV'."""
    from geo.formats import acled, ucdp
    from geo.formats.base import csv_header

    header = csv_header(path)
    if acled.sniff(header):
        return "ACLED"
    return "UCDP" if ucdp.sniff(header) else "CSV"
