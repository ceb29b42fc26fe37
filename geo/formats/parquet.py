"""GeoParquet (geopandas and pyarrow), with list columns stored as JSON text."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd

from geo.errors import EventsFileError
from geo.formats.base import Read, flat, one_line

__all__ = ["read", "write"]


def write(frame: gpd.GeoDataFrame, tmp: Path) -> None:
    """Write a normalized events frame with GeoParquet metadata."""
    flat(frame).to_parquet(tmp, index=False)


def read(path: Path) -> Read:
    """Read a GeoParquet file."""
    try:
        return gpd.read_parquet(path), None, []
    except (OSError, ValueError, TypeError) as err:
        raise EventsFileError(f"{path}: cannot read GeoParquet: {one_line(err)}") from err
