"""GeoParquet 1.1 (pyarrow): dates as Date, counts as integers, list columns as JSON text.

A folder of parts (``strikemap extract … -o DIR/``) is read as one table.
"""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pyarrow.parquet as pq
from pyproj import CRS

from geo.errors import EventsFileError
from geo.formats.base import Read, one_line
from geo.formats.columnar import arrow_frame, storable

__all__ = ["read", "write"]


def write(frame: gpd.GeoDataFrame, tmp: Path) -> None:
    """Write a normalized events frame with GeoParquet 1.1 metadata."""
    storable(frame).to_parquet(tmp, index=False, schema_version="1.1.0")


def _read(path: Path) -> gpd.GeoDataFrame:
    table = pq.read_table(path)
    geo = json.loads((table.schema.metadata or {}).get(b"geo", b"null") or "null")
    if not isinstance(geo, dict) or "primary_column" not in geo:
        raise ValueError("no GeoParquet 'geo' metadata")
    name = geo["primary_column"]
    column = geo.get("columns", {}).get(name, {})
    if column.get("encoding", "WKB").upper() != "WKB":
        return gpd.read_parquet(path)  # geoarrow-native geometries: geopandas converts them
    crs = column.get("crs", "OGC:CRS84")
    crs = None if crs is None else CRS.from_json_dict(crs) if isinstance(crs, dict) else crs
    return arrow_frame(table, name, crs)


def read(path: Path) -> Read:
    """Read a GeoParquet file, or a folder of parts as one table."""
    try:
        return _read(path), None, []
    except (OSError, ValueError, TypeError, KeyError) as err:
        raise EventsFileError(f"{path}: cannot read GeoParquet: {one_line(err)}") from err
