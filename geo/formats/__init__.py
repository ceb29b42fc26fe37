"""The file formats events are read from and written to, one module each.

:data:`FORMATS` lists them by name; :mod:`geo.formats.readwrite` picks one by extension
(or by name) and does the atomic write and the normalizing. Each module has
``read(path)`` returning the raw frame, row numbers and early problems (see
:mod:`geo.formats.base`) and ``write(frame, tmp)``.

May import: the event model, :mod:`geo.extract` (actor sides for the dataset codes) and
:mod:`gazetteer` (country names); never :mod:`geo.analysis` or :mod:`geo.scale`.

Examples
--------
>>> sorted(FORMATS)
['ACLED', 'CSV', 'GPKG', 'GeoJSON', 'GeoParquet', 'KML', 'UCDP']
>>> FORMATS["ACLED"].lossless, FORMATS["KML"].lossless
(False, True)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import geopandas as gpd

from geo.formats import acled, csvfile, geojson, gpkg, kml, parquet, ucdp
from geo.formats.base import Read, csv_header

__all__ = ["FORMATS", "Format", "sniff_csv"]


@dataclass(frozen=True)
class Format:
    """One file format: its name, module functions and whether it keeps every value."""

    name: str
    read: Callable[[Path], Read]
    write: Callable[[gpd.GeoDataFrame, Path], None]
    lossless: bool
    summary: str


FORMATS: Final[dict[str, Format]] = {
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


def sniff_csv(path: Path) -> str:
    """'ACLED' or 'UCDP' when a CSV file's header is theirs, else 'CSV'."""
    header = csv_header(path)
    if acled.sniff(header):
        return "ACLED"
    return "UCDP" if ucdp.sniff(header) else "CSV"
