"""Events frames to and from Arrow tables: the column work shared by the GDAL and Parquet formats.

Writing, :func:`storable` turns list columns into JSON text with one call of the encoder
(:func:`geo.convert.dump_json_cells`), or with ``lists=True`` into Arrow lists (GeoParquet
holds nested types; a column Arrow cannot type, such as a list mixing numbers and text,
stays JSON text), and, for formats with a date type, the ISO date columns into Arrow
``date32``, so GeoPackage and GeoParquet hold Dates and integers.
Reading, :func:`arrow_frame` turns an Arrow table (from :func:`pyogrio.read_arrow` or
:func:`pyarrow.parquet.read_table`) into a raw frame for :func:`geo.frame.normalize_events_report`
without a Python object per cell: text, dates and lists stay Arrow-backed (``pd.ArrowDtype``;
a list cell still reads as a Python list), integers become ``Int64`` and WKB points are
decoded with numpy.

Examples
--------
>>> from geo.frame import events_frame
>>> gdf = events_frame([{"event_id": "e1", "kind": "strike", "date": "2024-01-05",
...                      "sources": ["a"], "lat": 33.3, "lon": 44.4}])
>>> out = storable(gdf)
>>> str(out["date"].dtype), out.loc[0, "sources"]
('date32[day][pyarrow]', '["a"]')
>>> str(storable(gdf, lists=True)["sources"].dtype)
'list<item: string>[pyarrow]'
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Iterator
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

__all__ = ["arrow_frame", "frame_of", "points_of_wkb", "storable"]

_INTS = {pa.int8(), pa.int16(), pa.int32(), pa.int64(), pa.uint8(), pa.uint16(), pa.uint32()}
#: A little-endian 2D WKB Point: byte order 1, type 1, then x and y (21 bytes).
_WKB_POINT = b"\x01\x01\x00\x00\x00"


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


#: Item types Arrow infers from Python values without changing them (a float would turn an
#: int of the same list into 1.0).
_PLAIN = (pa.types.is_string, pa.types.is_large_string, pa.types.is_int64, pa.types.is_boolean,
          pa.types.is_null)  # fmt: skip


def _plain(kind: pa.DataType) -> bool:
    return any(test(kind) for test in _PLAIN)


def _same_keys(values: list[Any], item: pa.StructType) -> bool:
    """Whether every record has every key: then Arrow's struct adds no null of its own."""
    fields = item.num_fields
    return all(len(record) == fields for cell in values for record in cell)


def _arrow_list(column: pd.Series) -> pd.Series | None:
    """A column of Python lists as an Arrow list column, or None when Arrow cannot hold it
    as it is (mixed types, floats beside ints, records with different keys, nesting)."""
    if isinstance(column.dtype, pd.ArrowDtype):
        return column
    values = column.tolist()
    if not set(map(type, values)) <= {list}:
        return None
    try:
        array = pa.array(values)
    except (pa.ArrowException, TypeError, ValueError, OverflowError):
        return None
    if not pa.types.is_list(array.type):
        return None
    item = array.type.value_type
    if pa.types.is_struct(item):
        kinds = [item.field(i).type for i in range(item.num_fields)]
        if not all(map(_plain, kinds)) or not _same_keys(values, item):
            return None
    elif pa.types.is_null(item):  # only empty lists (or nulls): text lists, as most are
        array = array.cast(pa.list_(pa.string()))
    elif not _plain(item):
        return None  # items Arrow would change (a float turns an int of its list into 1.0)
    return pd.Series(pd.arrays.ArrowExtensionArray(array), index=column.index)


def _is_list_column(column: pd.Series) -> bool:
    dtype = column.dtype
    if isinstance(dtype, pd.ArrowDtype):
        kind = dtype.pyarrow_dtype
        return bool(pa.types.is_list(kind) or pa.types.is_large_list(kind))
    return False


def storable(
    frame: gpd.GeoDataFrame, *, dates: bool = True, lists: bool = False
) -> gpd.GeoDataFrame:
    """Copy of a normalized frame for a file: lists as Arrow lists when ``lists`` (else, or
    when Arrow cannot type them, as JSON text) and, if ``dates``, dates as Arrow dates."""
    out = frame.copy()
    for name in out.columns:
        if name == out.geometry.name:
            continue
        column = out[name]
        if lists and (column.dtype == object or _is_list_column(column)):
            arrow = _arrow_list(column)
            if arrow is not None:
                out[name] = arrow
                continue
        if _is_list_column(column):
            column = pd.Series(column.tolist(), dtype=object, index=out.index)
        if column.dtype == object:
            out[name] = pd.Series(_json_texts(column.tolist()), dtype=object, index=out.index)
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
    if pa.types.is_date64(kind):
        return pc.cast(array, pa.date32())
    if pa.types.is_list(kind) or pa.types.is_large_list(kind):
        return array.fill_null(pa.scalar([], type=kind))
    return array


def _pandas(array: pa.ChunkedArray) -> pd.Series:
    kind = array.type
    if pa.types.is_list(kind) or pa.types.is_large_list(kind) or pa.types.is_date(kind):
        return pd.Series(pd.arrays.ArrowExtensionArray(array))
    if kind in _INTS:
        return pd.Series(pd.arrays.ArrowExtensionArray(array)).astype("Int64")
    series: pd.Series = array.to_pandas()
    return series


def points_of_wkb(wkb: pa.ChunkedArray | pa.Array) -> np.ndarray:
    """Shapely geometries of a WKB column; 2D little-endian points are decoded with numpy.

    Examples
    --------
    >>> points_of_wkb(pa.array([shapely.Point(44.5, 33.25).wkb, None])).tolist()
    [<POINT (44.5 33.25)>, None]
    """
    chunks = wkb.chunks if isinstance(wkb, pa.ChunkedArray) else [wkb]
    if not chunks:
        return np.empty(0, dtype=object)
    array = pa.concat_arrays(chunks) if len(chunks) != 1 else chunks[0]
    if len(array) and pa.types.is_binary(array.type) and array.null_count == 0:
        offsets = np.frombuffer(array.buffers()[1], dtype=np.int32)[array.offset :]
        start, size = int(offsets[0]), len(array) * 21
        if np.all(np.diff(offsets[: len(array) + 1]) == 21):
            raw = np.frombuffer(array.buffers()[2], dtype=np.uint8)[start : start + size]
            rows = raw.reshape(len(array), 21)
            if (rows[:, :5] == np.frombuffer(_WKB_POINT, dtype=np.uint8)).all():
                xy = rows[:, 5:].copy().view("<f8")
                return shapely.points(xy[:, 0], xy[:, 1])  # type: ignore[no-any-return]
    return shapely.from_wkb(array.to_numpy(zero_copy_only=False))  # type: ignore[no-any-return]


def frame_of(table: pa.Table, shapes: np.ndarray, crs: Any) -> gpd.GeoDataFrame:
    """A raw frame of the columns of ``table`` (no geometry among them) and ``shapes``."""
    data = {name: _pandas(_column(table.column(name))) for name in table.column_names}
    frame = pd.DataFrame(data, index=pd.RangeIndex(len(shapes)), copy=False)  # fresh columns
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(shapes, crs=crs))


def arrow_frame(table: pa.Table, geometry: str, crs: Any) -> gpd.GeoDataFrame:
    """A raw frame of an Arrow table whose ``geometry`` column is WKB."""
    wkb = table.column(geometry)
    if isinstance(wkb.type, pa.ExtensionType):
        wkb = pa.chunked_array([c.storage for c in wkb.chunks], type=wkb.type.storage_type)
    return frame_of(table.drop_columns([geometry]), points_of_wkb(wkb), crs)


@contextlib.contextmanager
def arrow_pool() -> Iterator[None]:
    """Let Arrow allocate with jemalloc while a file is read, unless the user chose a pool.

    Reading a million events, Arrow's default pool (mimalloc in the Linux wheels) spends more
    than the read itself getting fresh memory from the system on the first touch; jemalloc,
    which the same wheels ship, does not (docs/benchmarks.md, section "io").  The pool is set
    for the duration of the block only, and not at all when ``ARROW_DEFAULT_MEMORY_POOL`` is
    set, on other systems, or when this pyarrow lacks jemalloc.  Buffers keep the pool they
    were allocated from, so frames read inside the block stay valid after it.
    """
    if sys.platform != "linux" or os.environ.get("ARROW_DEFAULT_MEMORY_POOL"):
        yield
        return
    try:
        pool = pa.jemalloc_memory_pool()
    except (NotImplementedError, pa.ArrowNotImplementedError):
        yield
        return
    old = pa.default_memory_pool()
    pa.set_memory_pool(pool)
    try:
        yield
    finally:
        pa.set_memory_pool(old)
