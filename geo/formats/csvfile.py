"""Plain CSV: the schema's columns, then ``lat``, ``lon`` and ``wkt``.

List columns are JSON text. CSV cannot tell an empty text from a missing one,
so empty text cells read back as ``''``. Beside ``events.csv``,
:func:`geo.formats.readwrite.write_events` writes ``events.csvt`` (:func:`csvt`), the GDAL
sidecar that types the columns (Date, Integer64, Real), so QGIS or ``ogr2ogr`` open counts
as numbers and dates as dates (``-oo X_POSSIBLE_NAMES=lon -oo Y_POSSIBLE_NAMES=lat`` for
points). The reader needs ``lat`` and ``lon``, or ``wkt`` (any WKT geometry; non-points
become a representative point).

Examples
--------
>>> point({"lat": "33.3", "lon": "44.4"}).coords[0]
(44.4, 33.3)
>>> point({"lat": "", "lon": "", "wkt": "POINT (1 2)"}).coords[0]
(1.0, 2.0)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Final

import geopandas as gpd
import pandas as pd
import shapely

from geo.errors import EventsFileError
from geo.formats.base import Read, flat, read_csv_table, write_csv_table
from geo.frame import DATE_COLUMNS

__all__ = ["XY", "csvt", "point", "read", "write"]

#: The geometry columns a CSV events file carries.
XY: Final = ("lat", "lon", "wkt")


def write(frame: gpd.GeoDataFrame, tmp: Path) -> None:
    """Write a normalized events frame with ``lat``, ``lon`` and ``wkt`` last."""
    table = pd.DataFrame(flat(frame).drop(columns=["geometry", *(c for c in XY if c in frame)]))
    table["lat"] = frame.geometry.y.to_numpy()
    table["lon"] = frame.geometry.x.to_numpy()
    table["wkt"] = shapely.to_wkt(frame.geometry.to_numpy(), rounding_precision=-1)
    write_csv_table(table, tmp)


def csvt(frame: gpd.GeoDataFrame) -> str:
    """The GDAL ``.csvt`` line typing the columns :func:`write` writes for ``frame``.

    Examples
    --------
    >>> from geo.frame import empty_events
    >>> csvt(empty_events()).split(",")[:6]
    ['"String"', '"String"', '"String"', '"String"', '"Date"', '"String"']
    """
    types = []
    for name in frame.columns:
        if name == frame.geometry.name or name in XY:
            continue
        dtype = frame[name].dtype
        if name in DATE_COLUMNS:
            types.append("Date")
        elif pd.api.types.is_integer_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype):
            types.append("Integer64")
        elif pd.api.types.is_float_dtype(dtype):
            types.append("Real")
        else:
            types.append("String")
    types += ["Real", "Real", "String"]
    return ",".join(f'"{t}"' for t in types) + "\n"


def point(row: dict[Any, str]) -> Any:
    """The geometry of one CSV row (``lat``/``lon`` first, else ``wkt``), or ValueError."""
    lat, lon, wkt = (row.get(k, "").strip() for k in XY)
    if not lat and not lon and wkt:
        try:
            return shapely.from_wkt(wkt)
        except shapely.errors.GEOSException:
            raise ValueError(f"wkt {wkt[:40]!r} is not valid WKT") from None
    values = []
    for name, text in (("latitude", lat), ("longitude", lon)):
        try:
            values.append(float(text))
        except ValueError:
            raise ValueError(f"{name} {text!r} is not a number" if text else f"no {name}") from None
    return shapely.Point(values[1], values[0])


def read(path: Path) -> Read:
    """Read a CSV events file; a row without a usable point is a bad row."""
    table = read_csv_table(path)
    missing = [name for name in ("lat", "lon") if name not in table]
    if missing and "wkt" not in table:
        raise EventsFileError(f"{path}: missing column(s) {', '.join(missing)} (or wkt)")
    rows, geoms, problems = [], [], []
    for number, row in enumerate(table.to_dict("records"), 1):
        try:
            geoms.append(point(row))
            rows.append(number)
        except ValueError as err:
            problems.append((number, str(err)))
    kept = table.iloc[[n - 1 for n in rows]].drop(columns=[c for c in XY if c in table])
    raw = gpd.GeoDataFrame(kept.reset_index(drop=True), geometry=gpd.GeoSeries(geoms, crs=4326))
    return raw, rows, problems
