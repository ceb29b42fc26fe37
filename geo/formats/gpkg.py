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

__all__ = ["LAYER", "Sink", "layer_of", "read", "read_gdal", "write"]

#: GeoPackage layer name.
LAYER: Final = "events"


def write(frame: gpd.GeoDataFrame, tmp: Path) -> None:
    """Write a normalized events frame as the ``events`` layer."""
    Sink(tmp).write(frame)


class Sink:
    """The ``events`` layer written a frame at a time (appended after the first)."""

    def __init__(self, tmp: Path) -> None:
        self.tmp, self.started = tmp, False

    def write(self, frame: gpd.GeoDataFrame) -> None:
        """Append the rows of a normalized events frame."""
        pyogrio.write_dataframe(
            storable(frame),
            self.tmp,
            layer=LAYER,
            driver="GPKG",
            geometry_type="Point",
            use_arrow=True,
            append=self.started,
        )
        self.started = True

    def close(self) -> None:
        """Nothing left to write: each frame was committed."""


def layer_of(path: Path) -> str:
    """The ``events`` layer, or the only layer; ValueError naming the layers otherwise."""
    layers = [str(name) for name, _ in pyogrio.list_layers(path)]
    if LAYER not in layers and len(layers) != 1:
        raise ValueError(f"no {LAYER!r} layer (layers: {', '.join(layers) or 'none'})")
    return LAYER if LAYER in layers else layers[0]


def read_gdal(path: Path, layer: str | None = None) -> gpd.GeoDataFrame:
    """A layer read by GDAL through Arrow, as a raw frame; GDAL's errors as they come."""
    meta, table = pyogrio.read_arrow(path, layer=layer)
    name = meta["geometry_name"] or "wkb_geometry"
    return arrow_frame(table, name, meta["crs"])


def read(path: Path) -> Read:
    """Read the ``events`` layer (or the only layer)."""
    try:
        raw = read_gdal(path, layer_of(path))
    except (OSError, RuntimeError, ValueError) as err:
        raise EventsFileError(f"{path}: cannot read GeoPackage: {one_line(err)}") from err
    return raw, None, []
