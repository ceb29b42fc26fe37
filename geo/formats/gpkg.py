"""GeoPackage through GDAL (pyogrio with Arrow): one Point layer named ``events``.

Dates are GeoPackage Dates, counts integers and list columns JSON text. The reader takes
the ``events`` layer, or the only layer of a file that has one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

import geopandas as gpd
import pyogrio

from geo.errors import EventsFileError
from geo.formats.base import Read, one_line
from geo.formats.columnar import arrow_frame, storable

__all__ = ["LAYER", "read", "read_gdal", "write"]

#: GeoPackage layer name.
LAYER: Final = "events"


def write(frame: gpd.GeoDataFrame, tmp: Path) -> None:
    """Write a normalized events frame as the ``events`` layer."""
    pyogrio.write_dataframe(
        storable(frame), tmp, layer=LAYER, driver="GPKG", geometry_type="Point", use_arrow=True
    )


def read_gdal(path: Path, layer: str | None = None) -> gpd.GeoDataFrame:
    """A layer read by GDAL through Arrow, as a raw frame; GDAL's errors as they come."""
    meta, table = pyogrio.read_arrow(path, layer=layer)
    name = meta["geometry_name"] or "wkb_geometry"
    return arrow_frame(table, name, meta["crs"])


def read(path: Path) -> Read:
    """Read the ``events`` layer (or the only layer)."""
    try:
        layers = [str(name) for name, _ in pyogrio.list_layers(path)]
        if LAYER not in layers and len(layers) != 1:
            raise ValueError(f"no {LAYER!r} layer (layers: {', '.join(layers) or 'none'})")
        raw = read_gdal(path, LAYER if LAYER in layers else layers[0])
    except (OSError, RuntimeError, ValueError) as err:
        raise EventsFileError(f"{path}: cannot read GeoPackage: {one_line(err)}") from err
    return raw, None, []
