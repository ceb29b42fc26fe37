"""Events GeoDataFrames: build one from records, or bring any frame to the schema.

An events frame has the columns of :mod:`geo.schema` in order, then any extra
columns, then a Point ``geometry`` in EPSG:4326, with a 0..n-1 index and these
dtypes: ``Int64`` (nullable) for ``INT_COLUMNS``, ``float64`` for
``FLOAT_COLUMNS``, lists for ``LIST_COLUMNS`` (a missing list is ``[]``) and pandas'
string dtype for the rest, dates as ISO ``YYYY-MM-DD`` text. A list column holds Python
lists (object dtype), or is an Arrow list column (``pd.ArrowDtype``) when the frame was
read from a file with list types (GeoParquet, GDAL's string lists), so that a million
rows need no Python object per cell; either way a cell reads as a Python list.

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

import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import shapely

from geo.convert import date_column, float_column, int_column, list_column, text_column
from geo.errors import EventsFileError
from geo.schema import COLUMNS, DATE_COLUMNS, FLOAT_COLUMNS, INT_COLUMNS, KINDS, LIST_COLUMNS

__all__ = [
    "DATE_COLUMNS",
    "BadRowsWarning",
    "empty_events",
    "events_frame",
    "normalize_events",
    "normalize_events_report",
    "report_problems",
]


class BadRowsWarning(UserWarning):
    """Bad rows were dropped because ``skip_bad=True`` was given."""


def _converter(name: str) -> Callable[[pd.Series], tuple[pd.Series, dict[int, str]]]:
    if name in INT_COLUMNS:
        return int_column
    if name in FLOAT_COLUMNS:
        return float_column
    if name in LIST_COLUMNS:
        return list_column
    return date_column if name in DATE_COLUMNS else text_column


def _points(geoms: gpd.GeoSeries) -> tuple[np.ndarray, dict[int, str], dict[int, str]]:
    """Points of the geometries (non-points reduced), ``{row: problem}`` and ``{row: note}``."""
    shapes = np.asarray(geoms.array, dtype=object)
    bad: dict[int, str] = {}
    missing = shapely.is_missing(shapes) | shapely.is_empty(shapes)
    for i in np.flatnonzero(missing):
        bad[int(i)] = "missing or empty geometry"
    other = np.flatnonzero(~missing & (shapely.get_type_id(shapes) != shapely.GeometryType.POINT))
    notes = {
        int(i): f"geometry: {shapes[i].geom_type} reduced to a representative point" for i in other
    }
    points = shapes.copy()
    points[missing] = None
    points[other] = shapely.point_on_surface(shapes[other])
    lon, lat = shapely.get_x(points), shapely.get_y(points)
    for i in np.flatnonzero(~missing & ~((lat >= -90) & (lat <= 90))):
        bad.setdefault(int(i), f"latitude {lat[i]:g} is out of range")
    for i in np.flatnonzero(~missing & ~((lon >= -180) & (lon <= 180))):
        bad.setdefault(int(i), f"longitude {lon[i]:g} is out of range")
    if len(other) or shapely.has_z(points[~missing]).any():
        points[~missing] = shapely.points(lon[~missing], lat[~missing])
    return points, bad, notes


def _all_distinct(ids: pd.Series) -> bool:
    """Whether the non-null ids are all different (one hash pass in Arrow, no Python objects)."""
    try:
        array = pa.array(ids.array)
    except (pa.ArrowException, TypeError, ValueError):
        return False
    distinct = len(pc.unique(array)) - (1 if array.null_count else 0)
    return bool(distinct == len(array) - array.null_count)


def _row_checks(data: dict[str, Any], bad: dict[int, str]) -> None:
    """The checks across a row or the table: kind, negative counts, repeated ids."""
    kinds = data["kind"]
    for i in np.flatnonzero(~kinds.isin(KINDS).to_numpy(dtype=bool)):
        value, choices = kinds.iloc[i], ", ".join(KINDS)
        if pd.isna(value):
            bad.setdefault(int(i), f"kind is missing (one of {choices} is needed)")
        else:
            bad.setdefault(int(i), f"kind {value!r} is not one of {choices}")
    for name in ("fatalities", "injured"):
        counts = data[name]
        for i in np.flatnonzero((counts < 0).fillna(False).to_numpy(dtype=bool)):
            bad.setdefault(int(i), f"{name} {counts.iloc[i]} is negative")
    ids = data["event_id"]
    if _all_distinct(ids):
        return
    repeated = ids.duplicated() & ids.notna() & (ids != "")
    for i in np.flatnonzero(repeated.to_numpy(dtype=bool)):
        bad.setdefault(int(i), f"event_id {ids.iloc[i]!r} is not unique (seen on an earlier row)")


def _normalize(
    gdf: gpd.GeoDataFrame, label: Callable[[int], str]
) -> tuple[gpd.GeoDataFrame, list[str]]:
    """Normalize ``gdf``; ``label(i)`` names row i in problems ("events.csv row 3")."""
    if gdf.attrs:
        # pandas deep-copies ``attrs`` (an extraction's diagnostics, thousands of notes) into
        # every column taken from the frame: work on a view without them
        gdf = gdf.copy(deep=False)
        gdf.attrs = {}
    try:
        geoms = gdf.geometry if isinstance(gdf, gpd.GeoDataFrame) else None
    except AttributeError:  # a GeoDataFrame without an active geometry column
        geoms = None
    if geoms is None:
        raise TypeError(f"expected a GeoDataFrame with a geometry, got {type(gdf).__name__}")
    geoms = geoms.set_crs(4326) if geoms.crs is None else geoms.to_crs(4326)
    points, bad, notes = _points(geoms)
    data: dict[str, Any] = {}
    for name in COLUMNS:
        raw = gdf[name] if name in gdf.columns else pd.Series([None] * len(gdf), dtype=object)
        data[name], problems = _converter(name)(raw.reset_index(drop=True))
        for i, problem in problems.items():
            bad.setdefault(i, f"{name} {problem}")
    _row_checks(data, bad)
    if notes:
        reasons = np.empty(len(data["reasons"]), dtype=object)
        reasons[:] = data["reasons"].tolist()  # Python lists, also of an Arrow list column
        for i, note in notes.items():
            reasons[i] = [*reasons[i], note]
        data["reasons"] = pd.Series(reasons, dtype=object)
    skip = {geoms.name, "geometry", *COLUMNS}
    for name in gdf.columns:
        if name not in skip:
            data[name] = gdf[name].reset_index(drop=True)
    frame = gpd.GeoDataFrame(data, geometry=gpd.GeoSeries(points, crs=4326), copy=False)
    if bad:
        keep = np.ones(len(frame), dtype=bool)
        keep[list(bad)] = False
        frame = frame[keep].reset_index(drop=True)
    return frame, [f"{label(i)}: {bad[i]}" for i in sorted(bad)]


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
    ``kind`` is missing or not one of :data:`geo.schema.KINDS`, its
    ``fatalities`` or ``injured`` is negative, its ``event_id`` was already
    seen on an earlier row, or a value cannot be converted. The work is
    done column by column (:mod:`geo.convert`).

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
    numbers = row_numbers if row_numbers is not None else range(1, len(gdf) + 1)
    if len(numbers) != len(gdf):
        raise ValueError(f"row_numbers has {len(numbers)} items for {len(gdf)} rows")
    prefix = f"{source} " if source else ""
    return _normalize(gdf, lambda i: f"{prefix}row {numbers[i]}")


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
    frame, problems = _normalize(raw, labels.__getitem__)
    if problems:
        raise ValueError(problems[0])
    frame = frame.sort_values(["date", "event_id"], na_position="last", kind="stable")
    return frame.reset_index(drop=True)
