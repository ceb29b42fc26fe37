"""GeoParquet 1.1 (pyarrow): dates as Date, counts as integers, lists as Arrow lists.

A list column Arrow cannot hold as it is (mixed types, records with different keys) is
stored as JSON text, as every list column of a part of a folder is (``json_lists=True``:
Dask reads the parts of a folder with one schema). Reading takes either. A folder of parts
(``strikemap extract … -o DIR/``) is read as one table.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Final

import geopandas as gpd
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import shapely
from pyproj import CRS

from geo.errors import EventsFileError
from geo.formats.base import Read, one_line
from geo.formats.columnar import arrow_frame, storable

__all__ = [
    "Sink",
    "geo_metadata",
    "read",
    "table_of",
    "wkb_column",
    "write",
    "write_json_lists",
]

#: GeoParquet version written.
VERSION: Final = "1.1.0"
#: Rows of a row group written by :class:`Sink` (at least; a whole frame is one group).
ROW_GROUP: Final = 200_000


def geo_metadata(crs: Any, bbox: list[float] | None) -> bytes:
    """The GeoParquet ``geo`` metadata of a WKB Point column named ``geometry``."""
    column: dict[str, Any] = {"encoding": "WKB", "geometry_types": ["Point"]}
    if crs is not None:
        column["crs"] = CRS.from_user_input(crs).to_json_dict()
    if bbox is not None:
        column["bbox"] = bbox
    meta = {"version": VERSION, "primary_column": "geometry", "columns": {"geometry": column}}
    return json.dumps(meta).encode("utf-8")


def _pandas_metadata(table: pa.Table) -> bytes:
    """pandas' metadata of ``table``, list columns typed ``object``: pandas and Dask read
    them as object columns (they cannot parse an Arrow list type's name back)."""
    meta = json.loads(table.schema.metadata[b"pandas"])
    for column in meta["columns"]:
        kind = table.schema.field(column["name"]).type
        if pa.types.is_list(kind) or pa.types.is_large_list(kind):
            column["numpy_type"] = "object"
    return json.dumps(meta).encode("utf-8")


def table_of(frame: gpd.GeoDataFrame, *, json_lists: bool = False) -> pa.Table:
    """A normalized events frame as a GeoParquet table: WKB ``geometry`` last, pandas'
    metadata (so that pandas and Dask read ``Int64`` and text back) and ``geo`` metadata."""
    out = storable(frame, lists=not json_lists)
    data = pd.DataFrame(out.drop(columns=out.geometry.name))
    table = pa.Table.from_pandas(data, preserve_index=False)
    wkb = pa.array(shapely.to_wkb(frame.geometry.to_numpy()), pa.binary())
    table = table.append_column("geometry", wkb)
    meta = {b"pandas": _pandas_metadata(table), b"geo": geo_metadata(frame.crs, bounds(frame))}
    return table.replace_schema_metadata(meta)


def bounds(frame: gpd.GeoDataFrame) -> list[float] | None:
    """``[xmin, ymin, xmax, ymax]`` of the points, None when there are none."""
    if not len(frame):
        return None
    return [float(v) for v in np.asarray(frame.geometry.total_bounds)]


class Sink:
    """A GeoParquet file written a frame at a time (the schema is the first frame's).

    Frames are gathered into row groups of about ``ROW_GROUP`` rows (a reader converts few
    large chunks faster than many small ones). Its ``geo`` metadata (with the bounding box
    of every frame) and pandas' are written last, in the footer. A later frame whose columns
    cannot be cast to the first frame's types raises ``pyarrow.ArrowInvalid`` (or
    ``ArrowNotImplementedError``).
    """

    def __init__(self, tmp: Path, *, json_lists: bool = False) -> None:
        self.tmp, self.json_lists = tmp, json_lists
        self.pending: list[pa.Table] = []
        self.writer: pq.ParquetWriter | None = None
        self.metadata: dict[bytes, bytes] = {}
        self.crs: Any = None
        self.box: list[float] | None = None
        self.empty: gpd.GeoDataFrame | None = None

    def _append(self, frame: gpd.GeoDataFrame) -> None:
        table = table_of(frame, json_lists=self.json_lists)
        if self.writer is None:
            self.metadata, self.crs = dict(table.schema.metadata or {}), frame.crs
            schema = table.schema.remove_metadata()
            self.writer = pq.ParquetWriter(self.tmp, schema, compression="zstd", store_schema=False)
        self.pending.append(table.replace_schema_metadata(None).cast(self.writer.schema))
        if sum(map(len, self.pending)) >= ROW_GROUP:
            self._flush()
        box = bounds(frame)
        if box is not None:
            old = self.box or box
            self.box = [min(old[0], box[0]), min(old[1], box[1]),
                        max(old[2], box[2]), max(old[3], box[3])]  # fmt: skip

    def _flush(self) -> None:
        if self.writer is not None and self.pending:
            table = pa.concat_tables(self.pending).combine_chunks()
            self.pending = []
            self.writer.write_table(table, row_group_size=max(len(table), 1))

    def write(self, frame: gpd.GeoDataFrame) -> None:
        """Append the rows of a normalized events frame."""
        if len(frame) or self.writer is not None:
            self._append(frame)
        else:
            self.empty = frame  # no rows to type its lists by: written only if none follow

    def close(self) -> None:
        """Write the footer with the ``geo`` and pandas metadata."""
        if self.writer is None and self.empty is not None:
            self._append(self.empty)
        if self.writer is None:
            return
        self._flush()
        self.metadata[b"geo"] = geo_metadata(self.crs, self.box)
        self.writer.add_key_value_metadata(
            {k.decode(): v.decode() for k, v in self.metadata.items()}
        )
        self.writer.close()


def _write(frame: gpd.GeoDataFrame, tmp: Path, *, json_lists: bool) -> None:
    sink = Sink(tmp, json_lists=json_lists)
    sink.write(frame)
    sink.close()


def write(frame: gpd.GeoDataFrame, tmp: Path) -> None:
    """Write a normalized events frame with GeoParquet 1.1 metadata, lists as Arrow lists."""
    _write(frame, tmp, json_lists=False)


def write_json_lists(frame: gpd.GeoDataFrame, tmp: Path) -> None:
    """Write a normalized events frame as GeoParquet with every list column as JSON text."""
    _write(frame, tmp, json_lists=True)


def wkb_column(schema: pa.Schema) -> tuple[str, Any] | None:
    """The name and CRS of a GeoParquet file's primary geometry column when it is WKB, or
    ``None`` for geoarrow-native geometries.

    Raises ``ValueError`` when the schema has no GeoParquet ``geo`` metadata.
    """
    geo = json.loads((schema.metadata or {}).get(b"geo", b"null") or "null")
    if not isinstance(geo, dict) or "primary_column" not in geo:
        raise ValueError("no GeoParquet 'geo' metadata")
    name = geo["primary_column"]
    column = geo.get("columns", {}).get(name, {})
    if column.get("encoding", "WKB").upper() != "WKB":
        return None
    crs = column.get("crs", "OGC:CRS84")
    crs = None if crs is None else CRS.from_json_dict(crs) if isinstance(crs, dict) else crs
    return name, crs


def _read(path: Path) -> gpd.GeoDataFrame:
    table = pq.read_table(path)
    wkb = wkb_column(table.schema)
    if wkb is None:
        return gpd.read_parquet(path)  # geoarrow-native geometries: geopandas converts them
    return arrow_frame(table, *wkb)


def read(path: Path) -> Read:
    """Read a GeoParquet file, or a folder of parts as one table."""
    try:
        return _read(path), None, []
    except (OSError, ValueError, TypeError, KeyError) as err:
        raise EventsFileError(f"{path}: cannot read GeoParquet: {one_line(err)}") from err
