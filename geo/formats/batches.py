"""Events files converted a batch of rows at a time, so that memory does not grow with the file.

:func:`convert_events` reads a GeoJSON or GeoPackage file (GDAL through Arrow; GeoJSON of one
feature a line with :mod:`geo.formats.geojson_lines`, a block of bytes at a time) or a
GeoParquet file ``batch_size`` rows at a time, normalizes each batch with the checks and
messages of a whole read (:func:`geo.formats.readwrite.report_rows`; an ``event_id`` seen
in an earlier batch is a repeated id, as in one frame) and appends it to the GeoPackage or
GeoParquet file being written (atomically: a temporary file, renamed when complete). Other
formats, and a file the batches cannot take as it is (a GeoJSON feature GDAL skips or reads
without a geometry, feature ids that differ from ``event_id``, a later batch whose list
columns do not cast to the first batch's types), are converted whole
(:func:`~geo.formats.readwrite.read_events_report` and
:func:`~geo.formats.readwrite.write_events`), so the result and the messages are the same.

Examples
--------
>>> import tempfile
>>> from geo.formats.readwrite import read_events, write_events
>>> from geo.frame import events_frame
>>> gdf = events_frame([{"event_id": f"e{i}", "kind": "strike", "lat": 1.0, "lon": i}
...                     for i in range(5)])
>>> with tempfile.TemporaryDirectory() as tmp:
...     _ = write_events(gdf, f"{tmp}/in.gpkg")
...     done = convert_events(f"{tmp}/in.gpkg", f"{tmp}/out.parquet", batch_size=2)
...     back = read_events(f"{tmp}/out.parquet")
>>> done.rows, done.written, done.batches, back["event_id"].tolist()
(5, 5, 3, ['e0', 'e1', 'e2', 'e3', 'e4'])
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Protocol

import geopandas as gpd
import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pyogrio

from geo.convert import text_column
from geo.errors import EventsFileError, ExportError, GeoError
from geo.formats import geojson, geojson_lines, gpkg, parquet
from geo.formats.columnar import arrow_frame
from geo.formats.readwrite import (
    format_of,
    read_events_report,
    report_rows,
    write_atomic,
    write_events,
)
from geo.frame import report_problems

__all__ = ["BATCH_SIZE", "Converted", "convert_events"]

#: Rows read, checked and written at a time.
BATCH_SIZE: Final = 50_000
#: Bytes of a line of GeoJSON per row of a batch (a feature of an extracted event is ~1 KB).
FEATURE_BYTES: Final = 1024


class _Sink(Protocol):
    def write(self, frame: gpd.GeoDataFrame) -> None: ...
    def close(self) -> None: ...


#: Output formats written a batch at a time.
SINKS: Final[dict[str, Callable[[Path], _Sink]]] = {"GPKG": gpkg.Sink, "GeoParquet": parquet.Sink}


class _WholeFile(GeoError):
    """The file is converted whole (the batches cannot take it as it is)."""


@dataclass
class Converted:
    """What :func:`convert_events` read and wrote.

    ``rows`` counts every row read (good, bad and left out); ``problems`` holds one line per
    bad row ("IN row N: reason"), ``left_out`` the rows a reader leaves out on purpose
    (``{"row", "id", "reason"}``) and ``row_ids`` the id of each bad row (row -> id).
    """

    rows: int = 0
    written: int = 0
    batches: int = 0
    problems: list[str] = field(default_factory=list)
    left_out: list[dict[str, Any]] = field(default_factory=list)
    row_ids: dict[int, str] = field(default_factory=dict)


def _parquet_batches(source: Path, size: int) -> Iterator[gpd.GeoDataFrame]:
    file = pq.ParquetFile(source)
    try:
        wkb = parquet.wkb_column(file.schema_arrow)
    except ValueError as err:
        raise _WholeFile(str(err)) from err
    if wkb is None:
        raise _WholeFile("geometries not WKB")
    for batch in file.iter_batches(batch_size=size):
        yield arrow_frame(pa.Table.from_batches([batch]), *wkb)


def _gdal_batches(source: Path, name: str, size: int) -> Iterator[gpd.GeoDataFrame]:
    layer = gpkg.layer_of(source) if name == "GPKG" else None
    rows = 0
    with pyogrio.raw.open_arrow(source, layer=layer, batch_size=size, use_pyarrow=True) as opened:
        meta, reader = opened
        geometry = meta["geometry_name"] or "wkb_geometry"
        for batch in reader:
            raw = arrow_frame(pa.Table.from_batches([batch]), geometry, meta["crs"])
            rows += len(raw)
            if name == "GeoJSON":
                checked, kept_id = geojson_lines.feature_rows(raw)
                if checked is None or kept_id:
                    raise _WholeFile("rows GDAL cannot give as they are")
                raw = checked
            yield raw
    if name == "GeoJSON" and not geojson.all_features_read(source, rows):
        raise _WholeFile("entries GDAL skipped")


def _batches(source: Path, name: str, size: int) -> Iterator[gpd.GeoDataFrame]:
    """Raw frames of ``size`` rows; :class:`_WholeFile` when the file must be read whole."""
    block = size * FEATURE_BYTES
    blocks = geojson_lines.frames(source, block=block) if name == "GeoJSON" else None
    try:
        if blocks is not None:  # one feature a line: pyarrow's JSON reader, a block at a time
            yield from blocks
        elif name == "GeoParquet":
            yield from _parquet_batches(source, size)
        else:
            yield from _gdal_batches(source, name, size)
    except (OSError, RuntimeError, ValueError, pa.ArrowException) as err:
        raise _WholeFile(str(err)) from err  # the whole read names the problem


def _repeats(
    source: Path, raw: gpd.GeoDataFrame, first: int, found: list[str], seen: set[str]
) -> tuple[np.ndarray, list[str], dict[int, str]]:
    """Rows of ``raw`` (numbered from ``first``) whose id an earlier batch had: a mask over
    the good rows, one problem each, their ids; ``seen`` gets this batch's ids."""
    n, prefix = len(raw), f"{source} row "
    bad = np.zeros(n, dtype=bool)
    for problem in found:
        bad[int(problem[len(prefix) :].split(":", 1)[0]) - first] = True
    if "event_id" not in raw.columns:
        return np.zeros(int((~bad).sum()), dtype=bool), [], {}
    ids, _ = text_column(raw["event_id"].reset_index(drop=True))
    valid = (ids.notna() & (ids != "")).to_numpy(dtype=bool)
    values = ids.tolist()  # a set lookup a row: pandas' isin converts the whole set each time
    known = np.fromiter((v in seen for v in values), dtype=bool, count=n)
    repeated = known & valid & ~bad
    problems, numbers = [], {}
    for i in np.flatnonzero(repeated):
        value = str(ids.iloc[i])
        problems.append(
            f"{prefix}{first + i}: event_id {value!r} is not unique (seen on an earlier row)"
        )
        numbers[first + int(i)] = value
    seen.update(v for v, ok in zip(values, valid, strict=True) if ok)
    return repeated[~bad], problems, numbers


def _stream(
    source: Path, target: Path, name: str, out: str, size: int, skip_bad: bool
) -> Converted:
    done = Converted()
    seen: set[str] = set()

    def write(tmp: Path) -> None:
        sink = SINKS[out](tmp)
        for raw in _batches(source, name, size):
            first = done.rows + 1
            frame, found = report_rows(source, raw, range(first, first + len(raw)), [])
            drop, repeated, ids = _repeats(source, raw, first, found, seen)
            if repeated:
                frame = frame[~drop].reset_index(drop=True)
                key = len(f"{source} row ")
                found = sorted(found + repeated, key=lambda p: int(p[key:].split(":", 1)[0]))
            try:
                sink.write(frame)
            except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as err:
                raise _WholeFile(str(err)) from err  # list types unlike the first batch's
            done.rows += len(raw)
            done.written += len(frame)
            done.batches += 1
            done.problems += found
            done.row_ids.update(frame.attrs.get("row_ids", {}))
            done.row_ids.update(ids)
        if done.problems and not skip_bad:
            report_problems(done.problems, skip_bad=False)
        sink.close()

    write_atomic(target, write)
    return done


def convert_events(
    source: str | os.PathLike[str],
    target: str | os.PathLike[str],
    *,
    input_driver: str | None = None,
    driver: str | None = None,
    skip_bad: bool = False,
    batch_size: int = BATCH_SIZE,
) -> Converted:
    """Convert an events file to another format, in batches where both formats allow it.

    Formats as in :func:`~geo.formats.readwrite.read_events` (``input_driver``) and
    :func:`~geo.formats.readwrite.write_events` (``driver``). A bad row raises
    :class:`~geo.errors.EventsFileError` naming the first (and how many more), and ``target``
    is left as it was, unless ``skip_bad``, which drops bad rows and lists them in the
    result. Raises :class:`~geo.errors.ExportError` when ``target`` cannot be written.
    """
    src, dst = Path(source), Path(target)
    try:
        out = format_of(dst, driver)
    except ValueError as err:
        raise ExportError(str(err)) from err
    try:
        name = format_of(src, input_driver, reading=True) if src.is_file() else ""
    except ValueError as err:
        raise EventsFileError(str(err)) from err
    if name in ("GeoJSON", "GPKG", "GeoParquet") and out in SINKS and batch_size > 0:
        try:
            return _stream(src, dst, name, out, batch_size, skip_bad)
        except _WholeFile:
            pass  # converted whole below, which names any problem
    frame, problems = read_events_report(src, driver=input_driver)
    if not skip_bad:
        report_problems(problems, skip_bad=False)
    write_events(frame, dst, driver=driver)
    left_out = list(frame.attrs.get("left_out", []))
    rows = len(frame) + len(problems) + len(left_out)
    ids = dict(frame.attrs.get("row_ids", {}))
    return Converted(rows, len(frame), 1, problems, left_out, ids)
