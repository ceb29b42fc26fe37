"""Events files in and out: GeoJSON, GeoPackage, GeoParquet and CSV.

The format follows the extension (:data:`EXTENSIONS`) unless ``driver`` names one.
Files hold the :mod:`geo.schema` columns, then extra columns, and are written
atomically (temporary file in the same directory, then renamed over the target).

* GeoJSON (RFC 7946), written with :mod:`json`: no ``crs`` member, ``[lon, lat]``
  rounded to 6 decimals, JSON-typed properties, feature ``id`` = ``event_id``.
* GeoPackage (layer ``events``), GeoParquet and CSV store list columns as JSON
  text. CSV adds ``lat``, ``lon`` and ``wkt`` columns; it cannot tell an empty
  text from a missing one, so empty text cells read back as ``''``.

Readers are the inverse, then :func:`geo.frame.normalize_events_report`. An
unreadable file raises :class:`~geo.errors.EventsFileError` naming it; so does a
bad row ("events.csv row 7: latitude 200 is out of range"; rows count from 1,
without the CSV header) unless ``skip_bad=True``, which drops bad rows with one
:class:`~geo.frame.BadRowsWarning`. :func:`read_events_report` returns them all.

Examples
--------
>>> import tempfile
>>> from geo.frame import events_frame
>>> gdf = events_frame([{"event_id": "e1", "kind": "strike", "lat": 33.3, "lon": 44.4}])
>>> with tempfile.TemporaryDirectory() as tmp:
...     back = read_events(write_events(gdf, f"{tmp}/out/events.csv"))
>>> back.loc[0, "event_id"], back.geometry[0].coords[0]
('e1', (44.4, 33.3))
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely
import shapely.geometry

from geo.errors import EventsFileError, ExportError
from geo.frame import normalize_events_report, report_problems

__all__ = [
    "EXTENSIONS",
    "LAYER",
    "read_events",
    "read_events_report",
    "write_atomic_bytes",
    "write_atomic_text",
    "write_events",
]

#: File extension -> format name (also the values ``driver`` accepts).
EXTENSIONS: Final[dict[str, str]] = {
    ".geojson": "GeoJSON",
    ".json": "GeoJSON",
    ".gpkg": "GPKG",
    ".parquet": "GeoParquet",
    ".geoparquet": "GeoParquet",
    ".csv": "CSV",
}
#: GeoPackage layer name.
LAYER: Final = "events"
_XY: Final = ("lat", "lon", "wkt")
_WGS84: Final = {"properties": {"name": "EPSG:4326"}}


def _one_line(err: BaseException) -> str:
    lines = str(err).strip().splitlines()
    return lines[0] if lines else type(err).__name__


def _format(path: Path, driver: str | None, error: type[Exception]) -> str:
    names = sorted(set(EXTENSIONS.values()))
    if driver is not None:
        for name in names:
            if name.lower() == driver.lower():
                return name
        raise error(f"{path}: unknown driver {driver!r}; supported: {', '.join(names)}")
    fmt = EXTENSIONS.get(path.suffix.lower())
    if fmt is None:
        raise error(
            f"{path}: unknown extension {path.suffix!r}; supported: {', '.join(EXTENSIONS)}"
        )
    return fmt


def _write(path: str | os.PathLike[str], write: Callable[[Path], object]) -> Path:
    """Call ``write`` on a temporary file next to ``path``, then move it over ``path``."""
    target, tmp = Path(path), None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}", suffix=target.suffix
        )
        os.close(fd)
        tmp = Path(name)
        write(tmp)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp, stat.S_IMODE(target.stat().st_mode) if target.exists() else 0o644)
        os.replace(tmp, target)
    except BaseException as err:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        if isinstance(err, ExportError) or not isinstance(err, Exception):
            raise
        raise ExportError(f"{target}: {_one_line(err)}") from err
    return target


def write_atomic_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically, creating parent directories.

    Raises :class:`~geo.errors.ExportError` ("PATH: reason") on failure, leaving
    any previous file untouched.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     write_atomic_bytes(f"{tmp}/a/b.bin", b"\\x00\\x01").read_bytes()
    b'\\x00\\x01'
    """
    return _write(path, lambda tmp: tmp.write_bytes(data))


def write_atomic_text(path: str | os.PathLike[str], text: str) -> Path:
    """Write ``text`` as UTF-8 (newlines as given) to ``path`` atomically.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     write_atomic_text(f"{tmp}/note.txt", "Irbil — أربيل\\n").read_text("utf-8")
    'Irbil — أربيل\\n'
    """
    return write_atomic_bytes(path, text.encode("utf-8"))


def _json_value(value: Any) -> Any:
    """A cell as a JSON value: numpy scalars unboxed, NaN/NA as None, dates as ISO text."""
    if isinstance(value, dict):
        return {str(k): _json_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple | np.ndarray):
        return [_json_value(v) for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dt.date):
        return value.isoformat()
    return None if pd.isna(value) else str(value)


def _feature_json(properties: dict[Any, Any], point: Any) -> str:
    """One GeoJSON Feature as a line of JSON text."""
    props = {name: _json_value(value) for name, value in properties.items()}
    feature: dict[str, Any] = {"type": "Feature"}
    if props.get("event_id") is not None:
        feature["id"] = props["event_id"]
    coordinates = [round(point.x, 6), round(point.y, 6)]
    feature["geometry"] = {"type": "Point", "coordinates": coordinates}
    feature["properties"] = props
    return json.dumps(feature, ensure_ascii=False, allow_nan=False)


def _write_geojson(frame: gpd.GeoDataFrame, tmp: Path) -> None:
    records = pd.DataFrame(frame.drop(columns="geometry")).to_dict("records")
    with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        fh.write('{"type": "FeatureCollection", "features": [\n')
        for i, (props, point) in enumerate(zip(records, frame.geometry, strict=True)):
            fh.write((",\n" if i else "") + _feature_json(props, point))
        fh.write("\n]}\n")


def _flat(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Copy of ``frame`` with lists and dicts in object columns as JSON text."""
    out = frame.copy()
    for name in out.columns:
        if name != "geometry" and out[name].dtype == object:
            out[name] = [
                json.dumps(_json_value(v), ensure_ascii=False)
                if isinstance(v, list | tuple | dict | np.ndarray)
                else v
                for v in out[name]
            ]
    return out


def _write_gpkg(frame: gpd.GeoDataFrame, tmp: Path) -> None:
    pyogrio.write_dataframe(_flat(frame), tmp, layer=LAYER, driver="GPKG", geometry_type="Point")


def _write_parquet(frame: gpd.GeoDataFrame, tmp: Path) -> None:
    _flat(frame).to_parquet(tmp, index=False)


def _write_csv(frame: gpd.GeoDataFrame, tmp: Path) -> None:
    flat = _flat(frame)
    table = pd.DataFrame(flat.drop(columns=["geometry", *(c for c in _XY if c in flat)]))
    table["lat"] = frame.geometry.y.to_numpy()
    table["lon"] = frame.geometry.x.to_numpy()
    table["wkt"] = shapely.to_wkt(frame.geometry.to_numpy(), rounding_precision=-1)
    table.to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n")


_WRITERS: Final[dict[str, Callable[[gpd.GeoDataFrame, Path], None]]] = {
    "GeoJSON": _write_geojson,
    "GPKG": _write_gpkg,
    "GeoParquet": _write_parquet,
    "CSV": _write_csv,
}


def write_events(
    gdf: gpd.GeoDataFrame, path: str | os.PathLike[str], *, driver: str | None = None
) -> Path:
    """Write events to ``path`` atomically, in the format of its extension (or ``driver``).

    The frame is normalized first (:func:`geo.frame.normalize_events_report`), so
    any CRS and a subset of the columns will do. Parent directories are created.
    Raises :class:`~geo.errors.ExportError` ("PATH: reason") for an unknown
    extension or driver, a bad row or a failed write, leaving any previous file.

    Examples
    --------
    >>> from geo.frame import empty_events
    >>> write_events(empty_events(), "events.kml")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    geo.errors.ExportError: events.kml: unknown extension '.kml'; supported: .geojson, ...
    """
    target = Path(path)
    writer = _WRITERS[_format(target, driver, ExportError)]
    frame, problems = normalize_events_report(gdf)
    try:
        report_problems(problems, skip_bad=False)
    except EventsFileError as err:
        raise ExportError(f"{target}: {err}") from err
    return _write(target, lambda tmp: writer(frame, tmp))


#: Raw frame, its rows' numbers (None: 1..n) and (row, problem) for rows the reader dropped.
_Read = tuple[gpd.GeoDataFrame, list[int] | None, list[tuple[int, str]]]


def _geojson_geometry(feature: Any) -> Any:
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        raise ValueError("not a GeoJSON Feature")
    if feature.get("geometry") is None:
        return None
    try:
        return shapely.geometry.shape(feature["geometry"])
    except Exception as err:  # shapely raises many types for malformed input
        reason = f"no {err}" if isinstance(err, KeyError) else _one_line(err)
        raise ValueError(f"invalid geometry ({reason})") from err


def _read_geojson(path: Path) -> _Read:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError as err:
        raise EventsFileError(f"{path}: not UTF-8 text (byte {err.start})") from err
    except json.JSONDecodeError as err:
        msg = f"{path}: not valid JSON (line {err.lineno}, column {err.colno})"
        raise EventsFileError(msg) from err
    if not (isinstance(data, dict) and data.get("type") == "FeatureCollection"):
        raise EventsFileError(f"{path}: not a GeoJSON FeatureCollection")
    features = data.get("features")
    if not isinstance(features, list):
        raise EventsFileError(f"{path}: 'features' is not a list")
    rows, geoms, props, problems = [], [], [], []
    for number, feature in enumerate(features, 1):
        try:
            geom = _geojson_geometry(feature)
            properties = feature.get("properties") or {}
            if not isinstance(properties, dict):
                raise ValueError("'properties' is not an object")
        except ValueError as err:
            problems.append((number, str(err)))
            continue
        if "event_id" not in properties and feature.get("id") is not None:
            properties = {"event_id": str(feature["id"]), **properties}
        rows.append(number)
        geoms.append(geom)
        props.append(properties)
    names = list(dict.fromkeys(name for p in props for name in p))
    table = {n: pd.Series([p.get(n) for p in props], dtype=object) for n in names}
    try:  # RFC 7946 has no crs member, but older files name one
        geometry = gpd.GeoSeries(geoms, crs=(data.get("crs") or _WGS84)["properties"]["name"])
    except Exception as err:
        raise EventsFileError(f"{path}: unusable 'crs' member ({_one_line(err)})") from err
    raw = gpd.GeoDataFrame(pd.DataFrame(table, index=range(len(geoms))), geometry=geometry)
    return raw.infer_objects(), rows, problems


def _read_gpkg(path: Path) -> _Read:
    try:
        layers = [str(name) for name, _ in pyogrio.list_layers(path)]
        if LAYER not in layers and len(layers) != 1:
            raise ValueError(f"no {LAYER!r} layer (layers: {', '.join(layers) or 'none'})")
        raw = pyogrio.read_dataframe(path, layer=LAYER if LAYER in layers else layers[0])
    except (OSError, RuntimeError, ValueError) as err:
        raise EventsFileError(f"{path}: cannot read GeoPackage: {_one_line(err)}") from err
    return raw, None, []


def _read_parquet(path: Path) -> _Read:
    try:
        return gpd.read_parquet(path), None, []
    except (OSError, ValueError, TypeError) as err:
        raise EventsFileError(f"{path}: cannot read GeoParquet: {_one_line(err)}") from err


def _csv_point(row: dict[Any, str]) -> Any:
    lat, lon, wkt = (row.get(k, "").strip() for k in _XY)
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


def _read_csv(path: Path) -> _Read:
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except UnicodeDecodeError as err:
        raise EventsFileError(f"{path}: not UTF-8 text (byte {err.start})") from err
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as err:
        raise EventsFileError(f"{path}: not valid CSV ({_one_line(err)})") from err
    missing = [name for name in ("lat", "lon") if name not in table]
    if missing and "wkt" not in table:
        raise EventsFileError(f"{path}: missing column(s) {', '.join(missing)} (or wkt)")
    rows, geoms, problems = [], [], []
    for number, row in enumerate(table.to_dict("records"), 1):
        try:
            geoms.append(_csv_point(row))
            rows.append(number)
        except ValueError as err:
            problems.append((number, str(err)))
    kept = table.iloc[[n - 1 for n in rows]].drop(columns=[c for c in _XY if c in table])
    raw = gpd.GeoDataFrame(kept.reset_index(drop=True), geometry=gpd.GeoSeries(geoms, crs=4326))
    return raw, rows, problems


_READERS: Final[dict[str, Callable[[Path], _Read]]] = {
    "GeoJSON": _read_geojson,
    "GPKG": _read_gpkg,
    "GeoParquet": _read_parquet,
    "CSV": _read_csv,
}


def read_events_report(
    path: str | os.PathLike[str], *, driver: str | None = None
) -> tuple[gpd.GeoDataFrame, list[str]]:
    """Read an events file, returning the good rows and one line per bad row, in row order.

    ``path`` is a file from :func:`write_events` or any file in a supported
    format with (some of) the schema's columns (CSV: ``lat`` and ``lon``, or
    ``wkt``); ``driver`` overrides the extension. Raises
    :class:`~geo.errors.EventsFileError` when the file cannot be read at all.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     text = "event_id,kind,lat,lon\\na,strike,1,2\\nb,x,1,2\\n"
    ...     gdf, problems = read_events_report(write_atomic_text(f"{tmp}/e.csv", text))
    >>> len(gdf), [p.split("/")[-1] for p in problems]
    (1, ["e.csv row 2: kind 'x' is not one of strike, attack"])
    """
    source = Path(path)
    reader = _READERS[_format(source, driver, EventsFileError)]
    if not source.is_file():
        raise EventsFileError(f"{source}: no such file")
    raw, rows, early = reader(source)
    frame, problems = normalize_events_report(raw, source=str(source), row_numbers=rows)
    prefix = f"{source} row "
    problems += [f"{prefix}{number}: {problem}" for number, problem in early]
    problems.sort(key=lambda p: int(p[len(prefix) :].split(":", 1)[0]))
    return frame, problems


def read_events(
    path: str | os.PathLike[str], *, skip_bad: bool = False, driver: str | None = None
) -> gpd.GeoDataFrame:
    """Read an events file as a normalized frame (see :func:`read_events_report`).

    Raises :class:`~geo.errors.EventsFileError` naming the file, or the first bad
    row unless ``skip_bad=True``, which drops bad rows with one warning.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = write_atomic_text(f"{tmp}/e.csv", "event_id,kind\\na,strike\\n")
    ...     read_events(f"{tmp}/e.csv")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    geo.errors.EventsFileError: .../e.csv: missing column(s) lat, lon (or wkt)
    """
    frame, problems = read_events_report(path, driver=driver)
    report_problems(problems, skip_bad=skip_bad)
    return frame
