"""GeoPackage through GDAL (pyogrio): one Point layer named ``events``.

List columns are stored as JSON text. The reader takes the ``events`` layer,
or the only layer of a file that has one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

import geopandas as gpd
import pyogrio

from geo.errors import EventsFileError
from geo.formats.base import Read, flat, one_line

__all__ = ["LAYER", "read", "write"]

#: GeoPackage layer name.
LAYER: Final = "events"


def write(frame: gpd.GeoDataFrame, tmp: Path) -> None:
    """Write a normalized events frame as the ``events`` layer."""
    pyogrio.write_dataframe(flat(frame), tmp, layer=LAYER, driver="GPKG", geometry_type="Point")


def read(path: Path) -> Read:
    """Read the ``events`` layer (or the only layer)."""
    try:
        layers = [str(name) for name, _ in pyogrio.list_layers(path)]
        if LAYER not in layers and len(layers) != 1:
            raise ValueError(f"no {LAYER!r} layer (layers: {', '.join(layers) or 'none'})")
        raw = pyogrio.read_dataframe(path, layer=LAYER if LAYER in layers else layers[0])
    except (OSError, RuntimeError, ValueError) as err:
        raise EventsFileError(f"{path}: cannot read GeoPackage: {one_line(err)}") from err
    return raw, None, []
