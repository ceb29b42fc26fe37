"""Events GeoDataFrames: build one from records, or bring any frame to the schema.

An events frame has the columns of :mod:`geo.schema` in order, then any extra
columns, then a Point ``geometry`` in EPSG:4326, with a 0..n-1 index and these
dtypes: ``Int64`` (nullable) for ``INT_COLUMNS``, ``float64`` for
``FLOAT_COLUMNS``, Python lists for ``LIST_COLUMNS`` (a missing list is ``[]``),
and pandas' string dtype for the rest, dates as ISO ``YYYY-MM-DD`` text.

:func:`normalize_events_report` enforces this and returns one-line problems
for the rows it drops; :func:`normalize_events` raises
:class:`~geo.errors.EventsFileError` for the first instead (or, with
``skip_bad=True``, drops them with one :class:`BadRowsWarning`).

Examples
--------
>>> gdf = events_frame([{"event_id": "e1", "kind": "strike", "lat": 33.3, "lon": 44.4}])
>>> gdf.crs.to_epsg(), list(gdf.columns[-2:]), gdf.loc[0, "sources"]
(4326, ['mentions', 'geometry'], [])
"""

from __future__ import annotations

import datetime as dt
import json
import math
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo.errors import EventsFileError
from geo.schema import COLUMNS, FLOAT_COLUMNS, INT_COLUMNS, KINDS, LIST_COLUMNS

__all__ = [
    "DATE_COLUMNS",
    "BadRowsWarning",
    "empty_events",
    "events_frame",
    "normalize_events",
    "normalize_events_report",
    "report_problems",
]

#: Columns holding ISO dates as text.
DATE_COLUMNS = frozenset({"date", "date_min", "date_max"})
#: pandas' default text dtype ('str' on pandas 3, object before).
_TEXT = pd.Series([], dtype="str").dtype


class BadRowsWarning(UserWarning):
    """Bad rows were dropped because ``skip_bad=True`` was given."""


def _is_null(value: Any) -> bool:
    if isinstance(value, str | list | tuple | dict | np.ndarray):
        return False
    return bool(pd.isna(value))


def _plain(value: Any) -> Any:
    """Numpy scalars and arrays (e.g. from Parquet or GDAL) to plain Python values."""
    if isinstance(value, np.ndarray | list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value.item() if isinstance(value, np.generic) else value


def _to_int(value: Any) -> int | None:
    if _is_null(value) or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, int | np.integer) and not isinstance(value, bool | np.bool_):
        return int(value)
    try:
        number = float(value) if isinstance(value, str | float | np.floating) else math.nan
    except ValueError:
        number = math.nan
    if not number.is_integer():
        raise ValueError(f"{value!r} is not an integer")
    return int(number)


def _to_float(value: Any) -> float:
    if _is_null(value) or (isinstance(value, str) and not value.strip()):
        return math.nan
    try:
        return float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{value!r} is not a number") from None


def _to_text(value: Any) -> str | None:
    return None if _is_null(value) else str(value)


def _to_date(value: Any) -> str | None:
    if _is_null(value) or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, np.datetime64):
        value = pd.Timestamp(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        raise ValueError(f"{value!r} is not an ISO date (YYYY-MM-DD)") from None


def _to_list(value: Any) -> list[Any]:
    if _is_null(value) or (isinstance(value, str) and not value.strip()):
        return []
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except (ValueError, RecursionError):
            value = None
    if not isinstance(value, list | tuple | np.ndarray):
        raise ValueError("is not a list (or JSON text of one)")
    return list(_plain(value))


def _converter(name: str) -> Callable[[Any], Any]:
    if name in INT_COLUMNS:
        return _to_int
    if name in FLOAT_COLUMNS:
        return _to_float
    if name in LIST_COLUMNS:
        return _to_list
    return _to_date if name in DATE_COLUMNS else _to_text


def _column(name: str, values: list[Any]) -> Any:
    if name in INT_COLUMNS:
        return pd.array(values, dtype="Int64")
    if name in FLOAT_COLUMNS:
        return np.asarray(values, dtype="float64")
    if name in LIST_COLUMNS:
        cells = np.empty(len(values), dtype=object)
        cells[:] = values
        return cells
    return pd.Series(values, dtype=_TEXT)


def _point(geom: Any) -> tuple[Any, str]:
    """Return (Point, note) for one geometry; raise ValueError when it cannot be placed."""
    if geom is None or shapely.is_missing(geom) or geom.is_empty:
        raise ValueError("missing or empty geometry")
    note = ""
    if geom.geom_type != "Point":
        note = f"geometry: {geom.geom_type} reduced to a representative point"
        geom = geom.representative_point()
    lon, lat = geom.x, geom.y
    if not -90 <= lat <= 90:
        raise ValueError(f"latitude {lat:g} is out of range")
    if not -180 <= lon <= 180:
        raise ValueError(f"longitude {lon:g} is out of range")
    return shapely.Point(lon, lat), note


def _normalize(gdf: gpd.GeoDataFrame, labels: Sequence[str]) -> tuple[gpd.GeoDataFrame, list[str]]:
    """Normalize ``gdf``; ``labels[i]`` names row i in problems ("events.csv row 3")."""
    try:
        geoms = gdf.geometry if isinstance(gdf, gpd.GeoDataFrame) else None
    except AttributeError:  # a GeoDataFrame without an active geometry column
        geoms = None
    if geoms is None:
        raise TypeError(f"expected a GeoDataFrame with a geometry, got {type(gdf).__name__}")
    geoms = geoms.set_crs(4326) if geoms.crs is None else geoms.to_crs(4326)
    bad: dict[int, str] = {}
    points: list[Any] = []
    notes: list[str] = []
    for i, geom in enumerate(geoms):
        try:
            point, note = _point(geom)
        except ValueError as err:
            point, note = None, ""
            bad[i] = str(err)
        points.append(point)
        notes.append(note)
    data: dict[str, Any] = {}
    for name in COLUMNS:
        raw = list(gdf[name]) if name in gdf.columns else [None] * len(gdf)
        convert, cells = _converter(name), []
        for i, value in enumerate(raw):
            try:
                cells.append(convert(value))
            except ValueError as err:
                cells.append(convert(None))
                bad.setdefault(i, f"{name} {err}")
        data[name] = _column(name, cells)
    for i, value in enumerate(data["kind"]):
        if not _is_null(value) and value not in KINDS:
            bad.setdefault(i, f"kind {value!r} is not one of {', '.join(KINDS)}")
    for i, note in enumerate(notes):
        if note:
            data["reasons"][i] = [*data["reasons"][i], note]
    skip = {geoms.name, "geometry", *COLUMNS}
    for name in gdf.columns:
        if name not in skip:
            data[name] = gdf[name].reset_index(drop=True)
    frame = gpd.GeoDataFrame(data, geometry=gpd.GeoSeries(points, crs=4326))
    keep = np.array([i not in bad for i in range(len(frame))], dtype=bool)
    frame = frame[keep].reset_index(drop=True)
    return frame, [f"{labels[i]}: {bad[i]}" for i in sorted(bad)]


def normalize_events_report(
    gdf: gpd.GeoDataFrame, *, source: str = "", row_numbers: Sequence[int] | None = None
) -> tuple[gpd.GeoDataFrame, list[str]]:
    """Bring an events GeoDataFrame to the schema, dropping and reporting bad rows.

    Reprojects to EPSG:4326 (or sets it when the frame has no CRS), adds
    missing documented columns as nulls, parses JSON-text list columns,
    coerces ints to ``Int64`` and dates to ISO text, keeps extra columns
    after the documented ones and turns non-point geometries into a
    representative point (noted in ``reasons``). A row is bad when its
    geometry is missing or empty, its coordinates are out of range, its
    ``kind`` is not one of :data:`geo.schema.KINDS`, or a value cannot be
    converted.

    ``gdf`` is not modified. Problems read "SOURCE row N: ..." where N comes
    from ``row_numbers`` (default 1..n; a reader that already dropped rows
    passes the original numbers). Returns the good rows, indexed 0..n-1, and
    one line per dropped row.

    Examples
    --------
    >>> import geopandas as gpd, shapely
    >>> raw = gpd.GeoDataFrame({"kind": ["strike", "raid"], "fatalities": ["3", None]},
    ...                        geometry=[shapely.Point(44, 33), shapely.Point(45, 34)])
    >>> frame, problems = normalize_events_report(raw, source="mine.csv")
    >>> frame.loc[0, "fatalities"], frame.crs.to_epsg(), problems
    (np.int64(3), 4326, ["mine.csv row 2: kind 'raid' is not one of strike, attack"])
    """
    numbers = list(row_numbers) if row_numbers is not None else range(1, len(gdf) + 1)
    if len(numbers) != len(gdf):
        raise ValueError(f"row_numbers has {len(numbers)} items for {len(gdf)} rows")
    prefix = f"{source} " if source else ""
    return _normalize(gdf, [f"{prefix}row {n}" for n in numbers])


def report_problems(problems: Sequence[str], *, skip_bad: bool) -> None:
    """Raise :class:`EventsFileError` for bad rows, or warn once when ``skip_bad``.

    Examples
    --------
    >>> report_problems([], skip_bad=False)
    >>> report_problems(["a.csv row 2: x", "a.csv row 5: y"], skip_bad=False)
    Traceback (most recent call last):
    ...
    geo.errors.EventsFileError: a.csv row 2: x (and 1 more bad row)
    """
    if not problems:
        return
    more = len(problems) - 1
    tail = f" (and {more} more bad row{'s' * (more > 1)})" if more else ""
    if not skip_bad:
        raise EventsFileError(problems[0] + tail)
    warnings.warn(f"skipped {len(problems)} bad row(s): {problems[0]}{tail}", BadRowsWarning, 3)


def normalize_events(
    gdf: gpd.GeoDataFrame, *, source: str = "", skip_bad: bool = False
) -> gpd.GeoDataFrame:
    """Strict form of :func:`normalize_events_report`.

    Raises :class:`~geo.errors.EventsFileError` naming the first bad row, or
    with ``skip_bad=True`` drops bad rows and emits one :class:`BadRowsWarning`
    (use :func:`normalize_events_report` to get every problem).

    Examples
    --------
    >>> import geopandas as gpd, shapely
    >>> raw = gpd.GeoDataFrame({"kind": ["attack"]}, geometry=[shapely.Point(4.9e6, 3.9e6)],
    ...                        crs=3857)
    >>> gdf = normalize_events(raw)
    >>> round(gdf.geometry[0].x, 2), round(gdf.geometry[0].y, 2), gdf.loc[0, "date"]
    (44.02, 33.04, nan)
    """
    frame, problems = normalize_events_report(gdf, source=source)
    report_problems(problems, skip_bad=skip_bad)
    return frame


def empty_events() -> gpd.GeoDataFrame:
    """Return an events frame with no rows, every column and the schema's dtypes.

    Examples
    --------
    >>> gdf = empty_events()
    >>> len(gdf), str(gdf["fatalities"].dtype), gdf.crs.to_epsg(), gdf.geometry.name
    (0, 'Int64', 4326, 'geometry')
    """
    return normalize_events(gpd.GeoDataFrame(geometry=gpd.GeoSeries([], crs=4326)))


def _coordinate(record: Mapping[str, Any], key: str, limit: float, label: str) -> float:
    value = record.get(key)
    name = "latitude" if key == "lat" else "longitude"
    if not isinstance(value, int | float | np.number) or isinstance(value, bool):
        raise ValueError(f"{label}: {name} ({key!r}) {value!r} is not a number")
    if not -limit <= float(value) <= limit:
        raise ValueError(f"{label}: {name} {value!r} is out of range [-{limit:g}, {limit:g}]")
    return float(value)


def events_frame(records: Iterable[Mapping[str, Any]]) -> gpd.GeoDataFrame:
    """Build an events GeoDataFrame from records (dicts of schema keys plus lat and lon).

    Missing optional keys become nulls (``[]`` for lists); rows are sorted by
    (date, event_id), undated last.

    Raises
    ------
    ValueError
        Naming the event when a key is unknown, ``kind`` is not in
        :data:`geo.schema.KINDS`, or lat/lon is missing or out of range.

    Examples
    --------
    >>> gdf = events_frame([
    ...     {"event_id": "b", "kind": "attack", "date": "2024-01-02", "lat": 33.3, "lon": 44.4,
    ...      "sources": ["s1"], "fatalities": 2},
    ...     {"event_id": "a", "kind": "strike", "date": "2024-01-02", "lat": 15.3, "lon": 42.9},
    ... ])
    >>> gdf["event_id"].tolist(), gdf["fatalities"].tolist(), gdf.geometry[1].coords[0]
    (['a', 'b'], [<NA>, 2], (44.4, 33.3))
    >>> events_frame([{"event_id": "c", "kind": "strike", "lat": 95.0, "lon": 0.0}])
    Traceback (most recent call last):
    ...
    ValueError: event 'c': latitude 95.0 is out of range [-90, 90]
    """
    rows = [dict(r) for r in records]
    labels, lats, lons = [], [], []
    for i, rec in enumerate(rows, 1):
        label = f"event {rec['event_id']!r}" if rec.get("event_id") else f"record {i}"
        unknown = sorted(set(rec) - set(COLUMNS) - {"lat", "lon"})
        if unknown:
            raise ValueError(f"{label}: unknown key(s) {', '.join(unknown)}")
        if rec.get("kind") not in KINDS:
            raise ValueError(f"{label}: kind {rec.get('kind')!r} is not one of {', '.join(KINDS)}")
        lats.append(_coordinate(rec, "lat", 90, label))
        lons.append(_coordinate(rec, "lon", 180, label))
        labels.append(label)
    data = {c: pd.Series([r.get(c) for r in rows], dtype=object) for c in COLUMNS}
    raw = gpd.GeoDataFrame(data, geometry=gpd.points_from_xy(lons, lats), crs=4326)
    frame, problems = _normalize(raw, labels)
    if problems:
        raise ValueError(problems[0])
    frame = frame.sort_values(["date", "event_id"], na_position="last", kind="stable")
    return frame.reset_index(drop=True)
