"""GeoJSON of one feature a line (as :func:`geo.formats.geojson.write` writes it), read by
pyarrow's JSON reader: many times faster than GDAL's, and a batch at a time.

A file in that layout (the ``FeatureCollection`` header on a line of its own, then one
``Feature`` a line, each but the last ending with a comma, then ``]}``) is parsed as
newline-delimited JSON, its header, footer and line-end commas skipped as it is read. The
rows are taken as they are only when nothing about them needs GDAL's or the json reader's
care: every feature a ``Feature`` with a Point of two numbers and an object of properties,
properties of text, numbers, booleans, lists of those or lists of records of those in which
every record has every key (Arrow would add a null for a key a record lacks); otherwise
:func:`frames` and :func:`read` say so and the caller reads the file with GDAL. ISO dates stay
text (pyarrow would make them timestamps). :func:`read_columns` reads such a file as bare
Arrow columns, without a frame (for the ``strikemap map`` command).

Examples
--------
>>> import tempfile
>>> from geo.formats.geojson import write
>>> from geo.frame import events_frame
>>> gdf = events_frame([{"event_id": "e1", "kind": "strike", "date": "2024-01-05",
...                      "sources": ["a"], "lat": 33.3, "lon": 44.4}])
>>> with tempfile.TemporaryDirectory() as tmp:
...     write(gdf, Path(tmp) / "e.geojson")
...     raw = read(Path(tmp) / "e.geojson")
>>> raw.loc[0, "event_id"], raw.loc[0, "date"], raw.loc[0, "sources"], raw.geometry[0].x
('e1', '2024-01-05', ['a'], 44.4)
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.json as pj

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["BLOCK", "feature_rows", "frames", "read", "read_columns"]

#: The first and last bytes of a file :func:`geo.formats.geojson.write` wrote.
HEAD: Final = b'{"type": "FeatureCollection", "features": [\n'
TAIL: Final = b"\n]}\n"
#: Bytes of features parsed at a time (about 30,000 events).
BLOCK: Final = 1 << 25
#: Bytes of the first features whose types fix the schema (ISO dates as text). Parsing is
#: done on one thread: on a shared machine pyarrow's threads cost more than they give.
SAMPLE: Final = 1 << 22
#: Bytes parsed at a time by :func:`read_columns` (a third faster than :data:`BLOCK`), and
#: bytes of features whose types it takes (a column typed otherwise later on is one
#: :func:`geo.clean.needs_normalizing` refuses).
COLUMNS_BLOCK: Final = 1 << 22
COLUMNS_SAMPLE: Final = 1 << 20
_TOP = {"type", "id", "geometry", "properties"}


class _Lines(io.RawIOBase):
    """The features of such a file as newline-delimited JSON (the line-end commas blanked)."""

    def __init__(self, path: Path, stop: int | None = None) -> None:
        self.fh = open(path, "rb")  # noqa: SIM115 (closed by close())
        self.fh.seek(len(HEAD))
        self.left = (stop or os.fstat(self.fh.fileno()).st_size - len(TAIL)) - len(HEAD)
        self.carry = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        want = min(len(buffer) - len(self.carry), self.left)
        data = self.carry + self.fh.read(max(want, 0))
        self.left -= len(data) - len(self.carry)
        if data.endswith(b",") and self.left > 0:  # a comma whose line end is in the next read
            data, self.carry = data[:-1], b","
        else:
            self.carry = b""
        data = data.replace(b",\n", b" \n")
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self.fh.close()
        super().close()


def _ours(path: Path) -> bool:
    """Whether the file starts and ends as :func:`geo.formats.geojson.write` writes it."""
    with open(path, "rb") as fh:
        size = os.fstat(fh.fileno()).st_size
        if size <= len(HEAD) + len(TAIL) or fh.read(len(HEAD)) != HEAD:
            return False
        fh.seek(size - len(TAIL))
        return fh.read() == TAIL


def _text_dates(kind: pa.DataType) -> pa.DataType | None:
    """``kind`` with timestamps as text and null types left out (None: infer it)."""
    if pa.types.is_timestamp(kind):
        return pa.string()
    if pa.types.is_null(kind):
        return None
    if pa.types.is_list(kind):
        item = _text_dates(kind.value_type)
        return None if item is None else pa.list_(item)
    if pa.types.is_struct(kind):
        fields = [(f.name, _text_dates(f.type)) for f in kind]
        return pa.struct([(name, t) for name, t in fields if t is not None])
    return kind


def _schema(path: Path, size: int = SAMPLE) -> pa.Schema:
    """The types of the features in the first ``size`` bytes, ISO dates as text."""
    with _Lines(path) as lines:
        sample = lines.read(size)
    sample = sample[: sample.rfind(b"\n") + 1] or sample
    one = pj.ReadOptions(use_threads=False)
    inferred = pj.read_json(pa.BufferReader(sample), read_options=one).schema
    fields = [(f.name, _text_dates(f.type)) for f in inferred]
    return pa.schema([(name, t) for name, t in fields if t is not None])


def _plain(kind: pa.DataType) -> bool:
    return bool(
        pa.types.is_string(kind)
        or pa.types.is_integer(kind)
        or pa.types.is_floating(kind)
        or pa.types.is_boolean(kind)
        or pa.types.is_null(kind)
    )


def _takes(column: pa.ChunkedArray) -> bool:
    """Whether a property column is one a raw frame holds as it is (see the module)."""
    kind = column.type
    if _plain(kind):
        return True
    if not pa.types.is_list(kind):
        return False
    item = kind.value_type
    if _plain(item):
        return True
    if not pa.types.is_struct(item) or not all(_plain(f.type) for f in item):
        return False
    records = pc.list_flatten(column)
    return all(pc.struct_field(records, [i]).null_count == 0 for i in range(item.num_fields))


def _columns(table: pa.Table) -> tuple[dict[str, pa.ChunkedArray], np.ndarray] | None:
    """The property columns (with the feature ``id``, if any, as ``id``) and the (lon, lat)
    pairs of a table of features, or None when a row needs GDAL's care."""
    names = set(table.column_names)
    if not {"type", "geometry", "properties"} <= names <= _TOP:
        return None
    geometry, properties = table.column("geometry"), table.column("properties")
    if not pc.all(pc.equal(table.column("type"), "Feature")).as_py():
        return None
    if geometry.null_count or properties.null_count or not pa.types.is_struct(properties.type):
        return None
    if not pa.types.is_struct(geometry.type) or {f.name for f in geometry.type} != {
        "type",
        "coordinates",
    }:
        return None
    shape = pc.struct_field(geometry, "type")
    coordinates = pc.struct_field(geometry, "coordinates")
    if not pc.all(pc.equal(shape, "Point")).as_py() or coordinates.null_count:
        return None
    if not pa.types.is_list(coordinates.type) or not pa.types.is_floating(
        coordinates.type.value_type
    ):
        return None
    if not pc.all(pc.equal(pc.list_value_length(coordinates), 2)).as_py():
        return None
    xy = pc.list_flatten(coordinates).to_numpy(zero_copy_only=False).reshape(-1, 2)
    if np.isnan(xy).any():
        return None
    columns = {f.name: pc.struct_field(properties, f.name) for f in properties.type}
    if "id" in names:
        if "id" in columns or not pa.types.is_string(table.column("id").type):
            return None
        columns["id"] = table.column("id")
    if not all(_takes(column) for column in columns.values()):
        return None
    return columns, xy


def _frame(table: pa.Table) -> gpd.GeoDataFrame | None:
    """The raw frame of a table of features, or None when a row needs GDAL's care."""
    import shapely

    from geo.formats.columnar import frame_of

    found = _columns(table)
    if found is None:
        return None
    columns, xy = found
    points = shapely.points(xy[:, 0], xy[:, 1])
    raw, kept = feature_rows(frame_of(pa.table(columns), points, 4326))
    return None if raw is None or kept else raw


def _feature_ids(columns: dict[str, pa.ChunkedArray]) -> dict[str, pa.ChunkedArray] | None:
    """:func:`feature_rows` on Arrow columns: the feature ``id`` stands for a missing
    ``event_id`` and is dropped where it repeats it; None when it differs (a column kept)."""
    if "id" not in columns:
        return columns
    ids = columns.pop("id")
    if "event_id" not in columns:
        return {"event_id": ids, **columns}
    if columns["event_id"].type != ids.type:
        return None  # ids of another type (numbers): the frame reader compares them
    same = pc.or_kleene(pc.is_null(ids), pc.equal(ids, columns["event_id"]))
    return columns if pc.all(pc.fill_null(same, False)).as_py() else None


def feature_rows(raw: gpd.GeoDataFrame) -> tuple[gpd.GeoDataFrame | None, bool]:
    """Rows read with the feature ``id`` as a column: None when a feature lacks a usable
    geometry (the json reader names it), and whether the ``id`` column is kept (it differs
    from ``event_id``). A feature ``id`` stands for a missing ``event_id``."""
    if raw.geometry.isna().any() or raw.geometry.is_empty.any():
        return None, False
    if "id" in raw and "event_id" not in raw:
        return raw.rename(columns={"id": "event_id"}), False
    if "id" in raw and (raw["id"].isna() | (raw["id"] == raw["event_id"])).all():
        return raw.drop(columns="id"), False
    return raw, "id" in raw


def frames(path: Path, *, block: int = BLOCK) -> Iterator[gpd.GeoDataFrame] | None:
    """The file's rows ``block`` bytes at a time, or None when it is not in the one-line
    layout.

    The iterator raises ``ValueError`` when a block holds a row that needs GDAL's care
    (then read the whole file with GDAL).
    """
    if not _ours(path):
        return None
    try:
        schema = _schema(path)
    except (pa.ArrowException, ValueError):
        return None
    return _frames(path, schema, block)


def _frames(path: Path, schema: pa.Schema, block: int) -> Iterator[gpd.GeoDataFrame]:
    options = pj.ParseOptions(explicit_schema=schema, unexpected_field_behavior="infer")
    with _Lines(path) as lines:
        try:
            reader = pj.open_json(
                lines,
                read_options=pj.ReadOptions(block_size=block, use_threads=False),
                parse_options=options,
            )
            for batch in reader:
                raw = _frame(pa.Table.from_batches([batch]))
                if raw is None:
                    raise ValueError("a feature the one-line reader does not take as it is")
                yield raw
        except pa.ArrowException as err:
            raise ValueError(str(err)) from err


#: Bytes of a file :func:`read_columns` blanks and parses at a time (a window ends at a line
#: end): the next window is blanked while one is parsed.
WINDOW: Final = 1 << 24


def _blanked(data: pa.Buffer) -> pa.Buffer:
    """``data`` with every ``,\\n`` turned into `` \\n`` (by Arrow, in one pass)."""
    size = pa.py_buffer(np.array([0, data.size], dtype=np.int64))
    whole = pa.Array.from_buffers(pa.large_binary(), 1, [None, size, data])
    blanked: pa.Buffer = pc.replace_substring(whole, b",\n", b" \n").buffers()[2]
    return blanked.slice(0, data.size)


def _windows(path: Path) -> Iterator[pa.Buffer]:
    """The features of a file in the one-line layout: windows of about :data:`WINDOW` bytes
    of the memory-mapped file, each ending at a line end (:func:`_blanked` makes each one
    newline-delimited JSON)."""
    with pa.memory_map(str(path)) as mapped:
        whole = mapped.read_buffer()
    start, stop = len(HEAD), whole.size - len(TAIL)
    while start < stop:
        end = stop
        if stop - start > WINDOW:  # end at the last line end of the window's last 64 KB
            low = max(start, start + WINDOW - (1 << 16))
            cut = whole.slice(low, start + WINDOW - low).to_pybytes().rfind(b"\n")
            end = low + cut + 1 if cut >= 0 else stop  # a line longer than that: the rest
        yield whole.slice(start, end - start)
        start = end


def _parsed(path: Path, read: pj.ReadOptions, parse: pj.ParseOptions) -> list[pa.Table]:
    """Each window of the file blanked and parsed, the next one blanked meanwhile on a thread
    of its own (Arrow lets go of the GIL for both)."""
    tables = []
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="strikemap-blank") as pool:
        ahead: Future[pa.Buffer] | None = None
        for window in _windows(path):
            blanked = pool.submit(_blanked, window)
            if ahead is not None:
                tables.append(pj.read_json(pa.BufferReader(ahead.result()), read, parse))
            ahead = blanked
        if ahead is not None:
            tables.append(pj.read_json(pa.BufferReader(ahead.result()), read, parse))
    return tables


def read_columns(
    path: Path, *, block: int = COLUMNS_BLOCK
) -> tuple[dict[str, pa.ChunkedArray], np.ndarray] | None:
    """The whole file as Arrow columns and (lon, lat) pairs, without a frame: the columns
    :func:`read` would give (the feature ``id`` as ``event_id`` where that is missing), or
    None when the file is not in the one-line layout or a row needs GDAL's care.

    The file is memory-mapped and read :data:`WINDOW` bytes at a time, its line-end commas
    blanked by Arrow (:func:`_parsed`), and parsed with pyarrow's threads, ``block`` bytes
    at a time (small blocks stay in the processor's caches): the ``strikemap map`` command
    reads a file this way.
    """
    if not _ours(path):
        return None
    try:
        schema = _schema(path, COLUMNS_SAMPLE)
        options = pj.ParseOptions(explicit_schema=schema, unexpected_field_behavior="infer")
        threads = pj.ReadOptions(block_size=block, use_threads=True)
        # concat_tables fails when a window typed a column otherwise
        table = pa.concat_tables(_parsed(path, threads, options))
    except (pa.ArrowException, ValueError):
        return None
    found = _columns(table)
    if found is None:
        return None
    columns = _feature_ids(found[0])
    return None if columns is None else (columns, found[1])


def read(path: Path) -> gpd.GeoDataFrame | None:
    """The whole file as a raw frame, or None when GDAL must read it."""
    blocks = frames(path)
    if blocks is None:
        return None
    try:
        parts = list(blocks)
    except ValueError:
        return None
    if len(parts) == 1:
        return parts[0]
    import geopandas as gpd
    import pandas as pd

    joined = pd.concat(parts, ignore_index=True)
    return gpd.GeoDataFrame(joined, geometry=joined.geometry.name, crs=4326)
