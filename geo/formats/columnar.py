"""Events frames to and from Arrow tables: the column work shared by the GDAL and Parquet formats.

Writing, :func:`storable` turns list columns into JSON text with one call of the encoder
(:func:`geo.convert.dump_json_cells`) and, for formats with a date type, the ISO date
columns into Arrow ``date32``, so GeoPackage and GeoParquet hold Dates and integers.
Reading, :func:`arrow_frame` turns an Arrow table (from :func:`pyogrio.read_arrow` or
:func:`pyarrow.parquet.read_table`) into a raw frame for :func:`geo.frame.normalize_events_report`:
dates become ISO text, JSON fields text, Arrow lists Python lists, integers ``Int64``.

Examples
--------
>>> from geo.frame import events_frame
>>> gdf = events_frame([{"event_id": "e1", "kind": "strike", "date": "2024-01-05",
...                      "sources": ["a"], "lat": 33.3, "lon": 44.4}])
>>> out = storable(gdf)
>>> str(out["date"].dtype), out.loc[0, "sources"]
('date32[day][pyarrow]', '["a"]')
"""

from __future__ import annotations

import json
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import shapely

from geo.convert import dump_json_cells
from geo.formats.base import json_value
from geo.frame import DATE_COLUMNS

__all__ = ["arrow_frame", "storable"]

_INTS = {pa.int8(), pa.int16(), pa.int32(), pa.int64(), pa.uint8(), pa.uint16(), pa.uint32()}


def _json_texts(values: list[Any]) -> list[Any]:
    """Lists and dicts as JSON text (other cells as they are)."""
    types = set(map(type, values))
    if types <= {list}:
        texts = dump_json_cells(values)
        if texts is not None:
            return texts
    elif not types & {list, tuple, dict, np.ndarray}:
        return values
    return [
        json.dumps(json_value(v), ensure_ascii=False)
        if isinstance(v, list | tuple | dict | np.ndarray)
        else v
        for v in values
    ]


def storable(frame: gpd.GeoDataFrame, *, dates: bool = True) -> gpd.GeoDataFrame:
    """Copy of a normalized frame with lists as JSON text and, if ``dates``, Arrow dates."""
    out = frame.copy()
    for name in out.columns:
        if name != out.geometry.name and out[name].dtype == object:
            out[name] = pd.Series(_json_texts(out[name].tolist()), dtype=object, index=out.index)
    for name in DATE_COLUMNS & set(out.columns) if dates else ():
        text = pa.array(out[name].to_numpy(dtype=object, na_value=None), type=pa.string())
        days = pc.cast(text, pa.date32())
        out[name] = pd.Series(pd.arrays.ArrowExtensionArray(days), index=out.index)
    return out


def _column(array: pa.ChunkedArray) -> pa.ChunkedArray:
    """One Arrow column in the types the normalizer reads fastest."""
    kind = array.type
    if isinstance(kind, pa.ExtensionType):
        array = pa.chunked_array([c.storage for c in array.chunks], type=kind.storage_type)
        kind = array.type
    if pa.types.is_date(kind):
        return pc.cast(pc.cast(array, pa.date32()), pa.string())
    if pa.types.is_list(kind) or pa.types.is_large_list(kind):
        return array.fill_null(pa.scalar([], type=kind))
    return array


def _pandas(array: pa.ChunkedArray) -> pd.Series:
    kind = array.type
    if pa.types.is_list(kind) or pa.types.is_large_list(kind):
        cells = np.empty(len(array), dtype=object)
        cells[:] = array.to_pylist()
        return pd.Series(cells, dtype=object)
    if kind in _INTS:
        return pd.Series(pd.arrays.ArrowExtensionArray(array)).astype("Int64")
    series: pd.Series = array.to_pandas()
    return series


def arrow_frame(table: pa.Table, geometry: str, crs: Any) -> gpd.GeoDataFrame:
    """A raw frame of an Arrow table whose ``geometry`` column is WKB."""
    wkb = table.column(geometry)
    if isinstance(wkb.type, pa.ExtensionType):
        wkb = pa.chunked_array([c.storage for c in wkb.chunks], type=wkb.type.storage_type)
    shapes = shapely.from_wkb(wkb.to_numpy(zero_copy_only=False))
    data = {
        name: _pandas(_column(table.column(name)))
        for name in table.column_names
        if name != geometry
    }
    frame = pd.DataFrame(data, index=pd.RangeIndex(table.num_rows))
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(shapes, crs=crs))
